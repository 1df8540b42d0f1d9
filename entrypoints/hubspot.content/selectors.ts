/**
 * Every HubSpot DOM selector the overlay reads, as data: when HubSpot's markup changes,
 * this file is the one to update. HubSpot marks its UI with `data-test-id` and
 * `data-selenium-test` attributes, steadier than its generated class names. Each selector
 * names the row of `../shared/crm-evidence.md` (and the public source) it rests on, and
 * `EXPECTED_MATCHES` below says how many elements it matches on each shape of the sandbox
 * HubSpot's pages (sandbox/hubspot/pages, which reproduce that evidence element by
 * element); test/content/hubspot-selectors.test.ts renders every shape and checks.
 */
import type { AnchorRule } from '../../components/overlay/adapter';

export interface Selector {
  selector: string;
  /** The crm-evidence.md row and the public source the selector rests on. */
  evidence: string;
}

const RECORD_MARKUP = 'crm-evidence.md "record page markup"';
const BOARD = 'crm-evidence.md "deals board"';
const LIST = 'crm-evidence.md "deals list"';

/**
 * Where the panels go on a deal record, in order of preference: the first rule that
 * matches in the visible page wins (adapter.ts skips the previous deal's page). HubSpot
 * has no element naming the record's deal (no public source shows one), so every rule
 * is a part of the three-column layout.
 */
export const RECORD_ANCHORS = {
  /** After the record's highlight card, at the top of the left sidebar. */
  highlight: {
    selector: '[data-test-id="left-sidebar"] [data-selenium-test="highlightedPropertySidebar"]',
    place: 'after',
    evidence: `${RECORD_MARKUP}: revguide docs/HUBSPOT_DOM.md, "highlightedPropertySidebar — Key properties section" in the left sidebar`,
  },
  /** The highlight card as a card wrapper (a sidebar made of `card-wrapper-*` only). */
  highlightCard: {
    selector: '[data-test-id="left-sidebar"] [data-test-id^="card-wrapper-OBJECT_HIGHLIGHT"]',
    place: 'after',
    evidence: `${RECORD_MARKUP}: "card-wrapper-*" (revguide docs/HUBSPOT_DOM.md); OBJECT_HIGHLIGHT in SysAdminDoc/HubSpot-Ticket-Refined's record fixture (code id 69088328223)`,
  },
  /** Before the first card of the left sidebar, when it has no highlight card. */
  firstSidebarCard: {
    selector: '[data-test-id="left-sidebar"] [data-test-id^="card-wrapper-"]',
    place: 'before',
    evidence: `${RECORD_MARKUP}: "left-sidebar", "card-wrapper-*" (revguide docs/HUBSPOT_DOM.md); cards in the left sidebar per code id 69088328223`,
  },
  /** The top of the left sidebar, whatever its cards are. */
  sidebarTop: {
    selector: '[data-test-id="left-sidebar"]',
    place: 'first-child',
    evidence: `${RECORD_MARKUP}: "left-sidebar — Left property panel" (revguide docs/HUBSPOT_DOM.md)`,
  },
  /** The top of the record's tab content (a layout without a left sidebar). */
  tabContent: {
    selector: '[data-test-id^="tab-"][data-test-id$="-content"]',
    place: 'first-child',
    evidence: `${RECORD_MARKUP}: "tab-N-content" (revguide docs/HUBSPOT_DOM.md, content/content.js findInjectTarget)`,
  },
  /** The top of the middle pane. */
  middlePane: {
    selector: '[data-test-id="middle-pane"]',
    place: 'first-child',
    evidence: `${RECORD_MARKUP}: "middle-pane — Main content area" (revguide docs/HUBSPOT_DOM.md)`,
  },
  /** The top of the right sidebar: the last place that is still part of the record. */
  rightSidebar: {
    selector: '[data-test-id="records-right-sidebar"]',
    place: 'first-child',
    evidence: `${RECORD_MARKUP}: "records-right-sidebar — Associations panel" (revguide docs/HUBSPOT_DOM.md; code id 68970398436)`,
  },
} as const satisfies Record<string, AnchorRule>;

/** The chain, in order. */
export const RECORD_ANCHOR_CHAIN: readonly AnchorRule[] = Object.values(RECORD_ANCHORS);

export const SELECTORS = {
  /**
   * The record layout's columns: the parts of one record's page. HubSpot replaces them
   * when it shows another record; adapter.ts remembers which record it saw each one for.
   */
  recordLandmarks: {
    selector:
      '[data-test-id="left-sidebar"], [data-test-id="middle-pane"], [data-test-id="records-right-sidebar"], [data-test-id^="tab-"][data-test-id$="-content"]',
    evidence: `${RECORD_MARKUP}: the documented test ids (revguide docs/HUBSPOT_DOM.md)`,
  },
  /** The record's name in its highlight card: tells one deal's page from another's. */
  recordTitle: {
    selector: '[data-selenium-test="highlightTitle"], [data-test-id="highlight-record-label"]',
    evidence: `${RECORD_MARKUP}: revguide content/modules/erp-icon.js (highlightTitle, highlight-record-label); code id 69088328223`,
  },
  /** A deals board card (two names seen for it). */
  boardCard: {
    selector: '[data-test-id="cdb-column-item"], [data-test-id="cdb-card"]',
    evidence: `${BOARD}: revguide content/modules/index-tags.js (processBoardCards)`,
  },
  /** The card's title link to its deal record: the id comes from its href. */
  boardCardLink: {
    selector: 'a[data-test-id="board-card-section-title-link"]',
    evidence: `${BOARD}: revguide index-tags.js (extractRecordIdFromCard); MortenMou/hubspot-highlighter-chrome-ext content.js`,
  },
  /** The card's id attribute, a bonus where the title link is missing. */
  boardCardId: {
    selector: '[data-test-id="cdb-column-item"][data-selenium-id], [data-test-id="cdb-card"][data-selenium-id]',
    evidence: `${BOARD}: revguide index-tags.js, "data-selenium-id (primary method for HubSpot board cards)"`,
  },
  /** Where a card without a title link names its deal. */
  boardCardTitle: {
    selector: '[data-test-id="title-hover-container"]',
    evidence: `${BOARD}: MortenMou/hubspot-highlighter-chrome-ext content.js (highlightTicketCards)`,
  },
  /** A row of the deals index table (`row-<id>`), in the `crm-object-table` or the framework table. */
  indexRow: {
    selector: 'tr[data-test-id^="row-"]',
    evidence: `${LIST}: revguide index-tags.js (processVisibleRows); ritaaaa7/hubspot-crm-data-extractor contentScript.js; code id 69278246550`,
  },
  /** The row's name cell: column 0, or the framework table's `cell-0-3-dealname-<id>`. */
  indexNameCell: {
    selector: 'tr[data-test-id^="row-"] > td[data-column-index="0"], tr[data-test-id^="row-"] > td[data-test-id^="cell-0-3-dealname-"]',
    evidence: `${LIST}: "name cell td[data-column-index="0"]" (revguide index-tags.js); cell-<object>-<property>-<id> cells in code id 69278246550`,
  },
  /** A row of the Sales Workspace's deals table. */
  workspaceRow: {
    selector: 'tr[data-test-id="crm-table-row"]',
    evidence: `${LIST}: the Sales Workspace table (ritaaaa7/hubspot-crm-data-extractor)`,
  },
  /** The workspace row's id attribute, a bonus where the row has no deal link. */
  workspaceRowId: {
    selector: 'tr[data-test-id="crm-table-row"][data-test-object-id]',
    evidence: `${LIST}: "data-test-object-id" on the Sales Workspace rows`,
  },
  /** Any link to a deal record (both URL forms): the fallback on views without the test ids above. */
  anyDealLink: {
    selector: 'a[href*="/record/0-3/"], a[href*="/deal/"]',
    evidence: 'crm-evidence.md "deal record URL": /contacts/<portal>/record/0-3/<deal>, legacy /contacts/<portal>/deal/<deal>',
  },
  /** Navigation, whose deal links (recently viewed, search) get no chips. */
  navigation: {
    selector: 'nav, [role="navigation"], [data-location="vertical-nav"]',
    evidence: 'revguide docs/HUBSPOT_DOM.md "Navigation Elements" (data-location="vertical-nav"); nav and role=navigation by HTML semantics',
  },
} as const satisfies Record<string, Selector>;

/** The sandbox HubSpot's page shapes the expectations cover (test/content/hubspot-selectors.test.ts maps each to its URL). */
export const SANDBOX_SHAPES = [
  'record',
  'record-cards',
  'record-no-highlight',
  'record-cards-no-highlight',
  'record-unknown',
  'board',
  'board-card',
  'list',
  'list-framework',
  'list-text',
  'list-framework-text',
  'workspace',
  'workspace-text',
] as const;
export type SandboxShape = (typeof SANDBOX_SHAPES)[number];

/** How many elements a selector matches on a shape: a number, or `each`: one per deal the page shows. */
export type Expected = number | 'each';

type Counts = Record<SandboxShape, Expected>;

/**
 * What each selector matches on each sandbox page shape (in the whole document: the
 * sandbox's navigation included). A change of the sandbox's markup that breaks a
 * real-markup selector, or a selector change that no longer fits the evidence the sandbox
 * reproduces, fails the test. A function, so that the content script's bundle leaves it out.
 */
export function expectedMatches(): Record<keyof typeof RECORD_ANCHORS | keyof typeof SELECTORS, Counts> {
  const none = Object.fromEntries(SANDBOX_SHAPES.map((s) => [s, 0])) as Counts;
  const records = (counts: Partial<Counts>): Counts => ({ ...none, ...counts });
  return {
    highlight: records({ record: 1 }),
    highlightCard: records({ 'record-cards': 1 }),
    firstSidebarCard: records({ 'record-cards': 2, 'record-cards-no-highlight': 1 }),
    sidebarTop: records({ record: 1, 'record-cards': 1, 'record-no-highlight': 1, 'record-cards-no-highlight': 1 }),
    tabContent: records({ record: 1, 'record-cards': 1, 'record-no-highlight': 1, 'record-cards-no-highlight': 1 }),
    middlePane: records({ record: 1, 'record-no-highlight': 1 }),
    rightSidebar: records({ record: 1, 'record-cards': 1, 'record-no-highlight': 1, 'record-cards-no-highlight': 1 }),
    recordLandmarks: records({ record: 4, 'record-cards': 3, 'record-no-highlight': 4, 'record-cards-no-highlight': 3 }),
    recordTitle: records({ record: 1, 'record-cards': 1 }),
    boardCard: records({ board: 'each', 'board-card': 'each' }),
    boardCardLink: records({ board: 'each', 'board-card': 'each' }),
    boardCardId: records({ board: 'each' }),
    boardCardTitle: records({ board: 'each', 'board-card': 'each' }),
    indexRow: records({ list: 'each', 'list-framework': 'each', 'list-text': 'each', 'list-framework-text': 'each' }),
    indexNameCell: records({ list: 'each', 'list-framework': 'each', 'list-text': 'each', 'list-framework-text': 'each' }),
    workspaceRow: records({ workspace: 'each', 'workspace-text': 'each' }),
    workspaceRowId: records({ workspace: 'each', 'workspace-text': 'each' }),
    anyDealLink: records({ board: 'each', 'board-card': 'each', list: 'each', 'list-framework': 'each', workspace: 'each' }),
    // The sandbox's top navigation everywhere; the board's and list's view switchers, the board's pipeline switcher, the list's pagination.
    navigation: {
      ...Object.fromEntries(SANDBOX_SHAPES.map((s) => [s, 1])),
      board: 3,
      'board-card': 3,
      list: 3,
      'list-framework': 3,
      'list-text': 3,
      'list-framework-text': 3,
    } as Counts,
  };
}
