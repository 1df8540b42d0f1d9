/**
 * The URL the tab's document was loaded at: what a tab's CRM instance is pinned to
 * (url-pin.ts; issue 13: a HubSpot page of portal X that `pushState`s to a portal-Y deal URL
 * must not get portal Y's panel). The navigation timing entry's `name` is the address the
 * document was fetched from (after HTTP redirects, the last one); a same-document
 * navigation (`pushState`, `replaceState`, a fragment) makes no new entry, so it still names
 * the first page even when the page changed its URL before this content script ran (at
 * document_idle). Measured in Chromium 156: after `pushState`, `replaceState` and a new
 * fragment the entry still names the loaded address, and after a 302 the redirect's
 * target. This runs in the content script's isolated world, where the page's own scripts
 * cannot replace `performance` or its methods. Where the entry is missing, the URL when
 * this script started is the next best thing.
 * https://www.w3.org/TR/navigation-timing-2/#sec-PerformanceNavigationTiming
 */
export function documentUrlOf(win: Pick<Window, 'location'> & { performance?: Pick<Performance, 'getEntriesByType'> }): string {
  try {
    const entry = win.performance?.getEntriesByType('navigation')[0];
    if (entry && typeof entry.name === 'string' && /^https?:\/\//.test(entry.name)) {
      // Only an address on this page's own origin (a redirect ends on it; anything else is not this document).
      if (new URL(entry.name).origin === win.location.origin) return entry.name;
    }
  } catch {
    // No timeline here: fall back to the URL now.
  }
  return win.location.href;
}
