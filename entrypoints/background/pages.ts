/**
 * Which extension page a content script may have the background open, and with what
 * query: the message comes from a CRM page's panel, so it is checked like any input.
 * Only listed pages, only their known parameters, only short plain strings.
 */
import type { ExtensionPage, OpenExtensionPageMessage } from '../../lib/messages';

const PAGES: Readonly<Record<ExtensionPage, { path: string; params: readonly string[] }>> = {
  personas: { path: 'personas.html', params: ['c', 'level', 'team', 'tab', 'persona'] },
};

/** Longer than any connection id, team name or persona id. */
const MAX_PARAM_LENGTH = 200;

/** The page's path and query relative to the extension's root (`personas.html?c=…`), or an error that names what is wrong. */
export function extensionPagePath(request: Pick<OpenExtensionPageMessage, 'page' | 'query'>): { ok: true; path: string } | { ok: false; error: string } {
  const page = Object.prototype.hasOwnProperty.call(PAGES, request.page) ? PAGES[request.page] : undefined;
  if (!page) return { ok: false, error: `There is no extension page ${JSON.stringify(String(request.page))} to open.` };
  const query = request.query ?? {};
  if (typeof query !== 'object' || Array.isArray(query)) return { ok: false, error: 'The page query must be an object of strings.' };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (!page.params.includes(key)) return { ok: false, error: `The ${request.page} page takes no parameter ${JSON.stringify(key)}.` };
    if (typeof value !== 'string' || value.length > MAX_PARAM_LENGTH)
      return { ok: false, error: `The parameter ${JSON.stringify(key)} must be a string of at most ${MAX_PARAM_LENGTH} characters.` };
    params.set(key, value);
  }
  const search = params.toString();
  return { ok: true, path: search ? `${page.path}?${search}` : page.path };
}
