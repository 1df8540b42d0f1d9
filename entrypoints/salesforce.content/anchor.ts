import type { Anchor, AnchorRule } from '../../components/overlay/adapter';
import { guard } from '../../components/overlay/log';
import { waitForElement } from '../../components/overlay/wait-for';
import { GENERATED_HIGHLIGHTS_TAG, SELECTORS } from './selectors';

/**
 * Where Salesforce shows the user's page, and where the panel goes in it. Lightning keeps
 * earlier pages in the DOM, hidden (standard navigation's cached pages, a console's other
 * tabs), so everything is looked for inside the page on screen only.
 */

/** Which app the visible page belongs to: its anchor chain differs. */
export type PageKind = 'standard' | 'console' | 'classic' | 'other';

export interface VisiblePage {
  element: Element;
  kind: PageKind;
}

/** A console page host is on screen when every tab section around it is (a hidden tab's host may keep `.active`). */
function shownConsolePage(doc: Document): Element | null {
  for (const host of Array.from(doc.querySelectorAll(SELECTORS.consolePages.selector))) {
    let shown = true;
    for (let tab = host.closest('section.oneConsoleTab'); tab !== null; tab = tab.parentElement?.closest('section.oneConsoleTab') ?? null) {
      if (!tab.matches(SELECTORS.consoleTabShown.selector)) {
        shown = false;
        break;
      }
    }
    if (shown) return host;
  }
  return null;
}

/**
 * The page on screen: the active console tab's page, standard navigation's active page, or
 * Classic's content cell; null while a Lightning app shows no page (it is rendering one);
 * the body on pages of another layout (nothing is kept hidden there that we know of).
 */
export function visiblePage(doc: Document): VisiblePage | null {
  return guard(
    'visible page',
    () => {
      const inConsole = shownConsolePage(doc);
      if (inConsole) return { element: inConsole, kind: 'console' as const };
      for (const spec of [SELECTORS.standardPage, SELECTORS.standardPageLoose]) {
        const page = doc.querySelector(spec.selector);
        if (page) return { element: page, kind: 'standard' as const };
      }
      const classic = doc.querySelector(SELECTORS.classicPage.selector);
      if (classic) return { element: classic, kind: 'classic' as const };
      if (doc.querySelector(`${SELECTORS.standardPages.selector}, ${SELECTORS.consoleTabs.selector}`)) return null;
      return doc.body ? { element: doc.body, kind: 'other' as const } : null;
    },
    null,
  );
}

const rule = (spec: { selector: string; evidence: string }): AnchorRule => ({ selector: spec.selector, place: 'after', evidence: spec.evidence });

/**
 * Each page kind's anchor chain: the first rule that matches inside the visible page wins.
 * Lightning: the LWC highlights panel, the highlights themselves, the Aura header, an SLDS
 * record-home header. A record page without any (its admin removed the highlights) gets
 * the floating panel: a panel inside the main column would push the record's own content
 * down, and issue 12 wants that page to float. Classic: the title block.
 */
export const ANCHOR_CHAINS: Readonly<Record<'lightning' | 'classic', readonly AnchorRule[]>> = {
  lightning: [rule(SELECTORS.lwcHighlights), rule(SELECTORS.highlights), rule(SELECTORS.auraHighlights), rule(SELECTORS.recordHomeHeader)],
  classic: [rule(SELECTORS.classicTitle)],
};

function chainOf(kind: PageKind): readonly AnchorRule[] {
  if (kind === 'classic') return ANCHOR_CHAINS.classic;
  if (kind === 'other') return [...ANCHOR_CHAINS.lightning, ...ANCHOR_CHAINS.classic];
  return ANCHOR_CHAINS.lightning;
}

/**
 * Whether the header at `element` is a record of `object` (lower case API name): Lightning
 * names the record's object in the generated highlights panel's tag
 * (`forcegenerated-highlightspanel_opportunity___…`, `…_account___…`: code ids 17995847513,
 * 22667071359, 134758323 show the Account form inside the same highlights chain). Where
 * there is no such tag (Aura headers, other layouts), it cannot tell, and says yes.
 */
export function headerShowsObject(element: Element, object: string): boolean {
  const generated = element.closest(SELECTORS.generatedHighlightsPanel.selector) ?? element.querySelector(SELECTORS.generatedHighlightsPanel.selector);
  const shown = generated === null ? null : GENERATED_HIGHLIGHTS_TAG.exec(generated.tagName)?.[1];
  return shown === null || shown === undefined || shown.toLowerCase() === object;
}

/** Whether the header at `element` is an opportunity's (see `headerShowsObject`). */
export const headerShowsOpportunity = (element: Element): boolean => headerShowsObject(element, 'opportunity');

/** The object a page key's record is: an `account:` key's is an Account, any other record's an Opportunity. */
const objectOfKey = (recordKey: string | undefined): string => (recordKey?.startsWith('account:') ? 'account' : 'opportunity');

/**
 * Which record each page element was shown for. Lightning changes the URL before it swaps
 * the new page in, so right after a navigation the visible page is still the previous
 * record's: its header must not take the new panel.
 */
const pageOwners = new WeakMap<Element, string>();

/** Marks the visible page as the page of `recordKey` (called once its panel is anchored). */
export function claimPage(doc: Document, recordKey: string): void {
  const page = visiblePage(doc);
  if (page) pageOwners.set(page.element, recordKey);
}

/**
 * Where the panel of `recordKey` goes: the first rule of the visible page's chain that
 * matches in it; null while there is no visible page, when it was claimed by another
 * record, or when its header is another object's (an Account page still on screen while
 * an opportunity's panel waits, or the other way round).
 */
export function findAnchor(doc: Document, recordKey?: string): Anchor | null {
  return guard(
    'record anchor',
    () => {
      const page = visiblePage(doc);
      if (page === null) return null;
      const owner = pageOwners.get(page.element);
      if (recordKey !== undefined && owner !== undefined && owner !== recordKey) return null;
      for (const r of chainOf(page.kind)) {
        const element = page.element.querySelector(r.selector);
        if (element === null) continue;
        return headerShowsObject(element, objectOfKey(recordKey)) ? { element, place: r.place, rule: r } : null;
      }
      return null;
    },
    null,
  );
}

/** Waits for the record's anchor (Lightning renders the record after the URL changes); null after `timeoutMs` or on abort. */
export async function waitForAnchor(doc: Document, signal: AbortSignal, timeoutMs: number, recordKey?: string): Promise<Anchor | null> {
  let anchor: Anchor | null = null;
  await waitForElement(
    doc,
    () => {
      anchor = findAnchor(doc, recordKey);
      return anchor?.element ?? null;
    },
    signal,
    timeoutMs,
  );
  return anchor;
}
