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
