/** Reading back what a connector saved in the store (a resume cursor) without trusting it. */

/** The saved JSON object, or the reason it cannot be used. */
export function readSavedJson(text: string): { value: Record<string, unknown> } | { reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { reason: 'the saved resume point is not readable' };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { reason: 'the saved resume point is not readable' };
  return { value: value as Record<string, unknown> };
}
