/**
 * A similar deal's link on a CRM page: its own Lightning record page on the same origin
 * (the extension's detail page is not web-accessible from here). Null, so the panel
 * shows plain text, when the id is not a Salesforce id.
 */
export function recordUrl(origin: string, id: string): string | null {
  if (!/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(id)) return null;
  return `${origin}/lightning/r/Opportunity/${id}/view`;
}
