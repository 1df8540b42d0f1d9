import { guard } from '../../components/overlay/log';
import { waitForElement } from '../../components/overlay/wait-for';
import { SELECTORS } from './selectors';

/** The page on screen: Lightning's `.oneContent.active`, or the document itself (Classic, other layouts). */
export function activePage(doc: Document): ParentNode | null {
  return guard(
    'active page',
    () => {
      for (const selector of SELECTORS.activePage) {
        const found = doc.querySelector(selector);
        if (found) return found;
      }
      return null;
    },
    null,
  );
}

/**
 * Which record each Lightning page element was shown for. Lightning (and the sandbox)
 * changes the URL before it swaps the page in, so right after a navigation the active
 * page is still the previous record's: its highlights must not take the new panel.
 */
const pageOwners = new WeakMap<object, string>();

/** Marks the page holding `anchor` as the page of `recordKey`. */
export function claimPage(doc: Document, recordKey: string): void {
  const page = activePage(doc);
  if (page) pageOwners.set(page, recordKey);
}

/**
 * The element the panel goes after: the record highlights of the active page only, or
 * Classic's title block. With `recordKey`, a page already claimed by another record is skipped.
 */
export function findRecordAnchor(doc: Document, recordKey?: string): Element | null {
  return guard(
    'record anchor',
    () => {
      const page = activePage(doc);
      if (page) {
        const owner = pageOwners.get(page);
        if (recordKey !== undefined && owner !== undefined && owner !== recordKey) return null;
        for (const selector of SELECTORS.recordAnchors) {
          const found = page.querySelector(selector);
          if (found) return found;
        }
        return null;
      }
      // No Lightning stage: a Classic page has its title block, and nothing hidden.
      return doc.querySelector(SELECTORS.classicAnchor);
    },
    null,
  );
}

/** Waits for the record's anchor (Lightning renders the record after the URL changes); null after `timeoutMs` or on abort. */
export function waitForAnchor(doc: Document, signal: AbortSignal, timeoutMs: number, recordKey?: string): Promise<Element | null> {
  return waitForElement(doc, () => findRecordAnchor(doc, recordKey), signal, timeoutMs);
}
