/** What `detail.html?…` asks for: one record, the gallery, or nothing usable. */
export type DetailTarget =
  | { kind: 'record'; connectionId: string; opportunityId: string }
  /** The account view (issue 16): `?c=<connectionId>&account=<accountId>`, the account panel of an account of files or sandbox data (or any connection). */
  | { kind: 'account'; connectionId: string; accountId: string }
  | { kind: 'gallery'; state: string | null; theme: 'light' | 'dark' | 'auto'; width: number | null; locale: string; frame: 'panels' | 'page'; shadow: boolean }
  | { kind: 'invalid' };

/** Parses the page's query: `?c=<connectionId>&id=<opportunityId>`, `?c=<connectionId>&account=<accountId>`, or `?gallery=1[&state=…&theme=…&width=…&locale=…&frame=page&shadow=1]`. */
export function parseDetailParams(search: string): DetailTarget {
  const params = new URLSearchParams(search);
  if (params.get('gallery') === '1') {
    const theme = params.get('theme');
    const width = Number(params.get('width'));
    return {
      kind: 'gallery',
      state: params.get('state'),
      theme: theme === 'dark' || theme === 'light' ? theme : 'auto',
      width: Number.isFinite(width) && width >= 240 ? width : null,
      locale: params.get('locale') || 'en-US',
      frame: params.get('frame') === 'page' ? 'page' : 'panels',
      shadow: params.get('shadow') === '1',
    };
  }
  const connectionId = params.get('c')?.trim() ?? '';
  const accountId = params.get('account')?.trim() ?? '';
  if (connectionId && accountId) return { kind: 'account', connectionId, accountId };
  const opportunityId = params.get('id')?.trim() ?? '';
  if (!connectionId || !opportunityId) return { kind: 'invalid' };
  return { kind: 'record', connectionId, opportunityId };
}

/** The account view of `accountId`, relative to the extension's root: `detail.html?c=…&account=…`. */
export function accountHref(connectionId: string, accountId: string): string {
  return `detail.html?${new URLSearchParams({ c: connectionId, account: accountId }).toString()}`;
}
