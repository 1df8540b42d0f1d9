import type { SimilarDeal } from '../../lib/engine/similar';

/**
 * The extension's detail page of a record, relative to the extension's root: `detail.html?c=…&id=…`.
 * On an extension page it resolves as is; a content script makes it absolute with
 * `browser.runtime.getURL('/' + detailHref(…))`.
 */
export function detailHref(connectionId: string, opportunityId: string): string {
  return `detail.html?${new URLSearchParams({ c: connectionId, id: opportunityId }).toString()}`;
}

/** The default link of a similar deal: its detail page in the same connection. */
export function detailLinkFor(connectionId: string, base = ''): (deal: SimilarDeal) => string {
  return (deal) => `${base}${detailHref(connectionId, deal.id)}`;
}

/** The personas page on one persona's details, relative to the extension's root: `personas.html?c=…&tab=details&persona=…`. */
export function personasHref(connectionId: string, personaId: string): string {
  return `personas.html?${new URLSearchParams({ c: connectionId, tab: 'details', persona: personaId }).toString()}`;
}

/**
 * Where the Repeat Buyer panel's "All personas" link goes. On an extension page a plain
 * link does (`personasHref`); a CRM page cannot open extension pages itself, so the
 * content script gives an `open` that asks the background.
 */
export interface PersonasLink {
  href: string;
  open?: () => void;
}
