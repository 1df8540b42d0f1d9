/**
 * Every Salesforce DOM selector the overlay reads, as data (refined-github's way): each
 * names the row of `../shared/crm-evidence.md` it rests on and declares how many elements
 * it matches in the whole document of each sandbox page shape. The sandbox Salesforce
 * (sandbox/salesforce/pages) reproduces that evidence element by element, and
 * test/content/salesforce-selectors.test.ts renders every shape with the sandbox's own
 * renderer and checks every count, so a sandbox change that breaks a real-markup selector
 * fails a test. When Lightning's markup changes, this file is the one to update.
 */

/** The sandbox's page shapes (test/content/salesforce-selectors.test.ts says how each is asked for). */
export const SANDBOX_SHAPES = [
  /** A Lightning record page in standard navigation, records-highlights2, two earlier record pages kept hidden. */
  'record',
  /** The same with force-highlights2. */
  'record-force',
  /** The older Aura header (.forceHighlightsPanel). */
  'record-aura',
  /** A record page whose admin removed the highlights panel. */
  'record-none',
  /** An Account record page (not an opportunity). */
  'account',
  /** A Sales Console app on an opportunity, two other workspace tabs hidden. */
  'console',
  /** A console subtab: the opportunity opened from its account's workspace (`ws`). */
  'console-subtab',
  /** The opportunity list view, LWC markup. */
  'list-lwc',
  /** The opportunity list view, older Aura markup. */
  'list-aura',
  /** The Kanban view of open opportunities. */
  'kanban',
  /** Classic's opportunity detail page. */
  'classic-record',
  /** Classic's opportunity list view. */
  'classic-list',
] as const;

export type SandboxShape = (typeof SANDBOX_SHAPES)[number];

export interface SelectorSpec {
  selector: string;
  /** The row of crm-evidence.md (and the sources) it rests on; where the evidence is silent, it says so. */
  evidence: string;
  /** Elements it matches in the whole document of each sandbox shape, hidden pages included. */
  expect: Readonly<Record<SandboxShape, number>>;
}

const counts = (defaults: number, overrides: Partial<Record<SandboxShape, number>>): Record<SandboxShape, number> =>
  Object.fromEntries(SANDBOX_SHAPES.map((shape) => [shape, overrides[shape] ?? defaults])) as Record<SandboxShape, number>;

const STANDARD = 'crm-evidence.md › Salesforce Lightning: pages › "active page, standard navigation" (code ids 1595524787, 1247534372, 31342117636)';
const CONSOLE =
  'crm-evidence.md › Salesforce Lightning: pages › "active page, console apps" (code ids 23046993424, 14737085834, 10082308254; SIR addon/button.js)';
const HEADER = 'crm-evidence.md › Salesforce Lightning: pages › "record header"';
const LWC_LIST = 'crm-evidence.md › Salesforce Lightning: pages › "list view rows (LWC)" (code ids 6227176291, 45315820200, 54210743602)';
const AURA_LIST = 'crm-evidence.md › Salesforce Lightning: pages › "list view rows (Aura)" (code ids 38067243313, 37843792931)';
const CLASSIC = 'crm-evidence.md › Salesforce Lightning: pages › "Classic" (code ids 15567451139, 37843792931)';

export const SELECTORS = {
  /** Standard navigation: the page on screen. Earlier pages stay in the stage as `.oneContent` without `.active`. */
  standardPage: {
    selector: 'div.oneCenterStage > div.windowViewMode-normal.oneContent.active.lafPageHost',
    evidence: STANDARD,
    expect: counts(1, { console: 0, 'console-subtab': 0, 'classic-record': 0, 'classic-list': 0 }),
  },
  /** The same page when its stage is not `.oneCenterStage`'s direct child (code id 31342117636 shows `#brandBand_2 > div > div > div.…oneContent.active`). */
  standardPageLoose: {
    selector: 'div.oneContent.active.lafPageHost',
    evidence: STANDARD,
    expect: counts(1, { console: 0, 'console-subtab': 0, 'classic-record': 0, 'classic-list': 0 }),
  },
  /** Every page host of standard navigation, shown or kept hidden. */
  standardPages: {
    selector: 'div.oneContent.lafPageHost',
    evidence: STANDARD,
    expect: counts(1, { record: 3, console: 0, 'console-subtab': 0, 'classic-record': 0, 'classic-list': 0 }),
  },
  /**
   * A console's tabs and subtabs on screen within their own tab bar: `.active` and expanded.
   * A hidden workspace tab keeps its section without them, but its own focused subtab keeps them.
   */
  consoleTabShown: {
    selector: 'section.tabContent.oneConsoleTab.active[aria-expanded="true"]',
    evidence: CONSOLE,
    expect: counts(0, { console: 4, 'console-subtab': 4 }),
  },
  /** Every console tab and subtab section, shown or hidden. */
  consoleTabs: {
    selector: 'section.tabContent.oneConsoleTab',
    evidence: CONSOLE,
    expect: counts(0, { console: 6, 'console-subtab': 7 }),
  },
  /**
   * A console tab's page (no `.oneContent` in console apps). A hidden tab's page host may
   * keep `.active` (the evidence does not say it drops it, and the sandbox keeps it), so
   * the page on screen is the one whose every enclosing tab section is shown.
   */
  consolePages: {
    selector: 'section.tabContent.oneConsoleTab div.windowViewMode-maximized.active.lafPageHost',
    evidence: CONSOLE,
    expect: counts(0, { console: 3, 'console-subtab': 4 }),
  },
  /** Salesforce Classic: the body class (SIR addon/button.js: "sfdcBody = normal Salesforce page") and its content cell. */
  classicPage: {
    selector: 'body.sfdcBody #bodyCell',
    evidence: `${CLASSIC}; SIR addon/button.js`,
    expect: counts(0, { 'classic-record': 1, 'classic-list': 1 }),
  },
  /** The record home's LWC highlights panel: the panel goes after it (inside its flexipage component). */
  lwcHighlights: {
    selector: 'records-lwc-highlights-panel',
    evidence: `${HEADER}: one-record-home-flexipage2 … flexipage-component2 > slot > records-lwc-highlights-panel (code ids 17995847513, 27871679775, 49554983093)`,
    expect: counts(0, { record: 3, 'record-force': 1, account: 1, console: 3, 'console-subtab': 4 }),
  },
  /** The highlights themselves, in either tag, where no LWC wrapper holds them. */
  highlights: {
    selector: 'records-highlights2, force-highlights2',
    evidence: `${HEADER}: records-highlights2, or force-highlights2 in some orgs (code ids 27871679775; 49554983093, 10082308254, 44527513345)`,
    expect: counts(0, { record: 3, 'record-force': 1, account: 1, console: 3, 'console-subtab': 4 }),
  },
  /** The older Aura header. */
  auraHighlights: {
    selector: '.forceHighlightsPanel',
    evidence: `${HEADER}: forceHighlightsPanel, "now seen on Aura headers only" (code id 20954860276: header.forceHighlightsPanel)`,
    expect: counts(0, { 'record-aura': 1 }),
  },
  /** An SLDS record-home page header however it is rendered (the highlights' inner div has these classes). */
  recordHomeHeader: {
    selector: '.slds-page-header_record-home',
    evidence: `${HEADER}: div.highlights.slds-clearfix.slds-page-header.slds-page-header_record-home.fixed-position (code ids 27871679775, 10500254029)`,
    expect: counts(0, { record: 3, 'record-force': 1, account: 1, console: 3, 'console-subtab': 4 }),
  },
  /** The generated highlights panel element, whose tag names the record's object: `forcegenerated-highlightspanel_<object>___…`. */
  generatedHighlightsPanel: {
    selector: 'records-lwc-record-layout > *',
    evidence: `${HEADER}: forcegenerated-highlightspanel_opportunity___012000000000000aaa___compact___view___recordlayout2, …_account___… (code ids 27871679775, 17995847513)`,
    expect: counts(0, { record: 3, 'record-force': 1, account: 1, console: 3, 'console-subtab': 4 }),
  },
  /** Classic's record title block. */
  classicTitle: {
    selector: '#bodyCell > div.bPageTitle',
    evidence: `${CLASSIC}: #bodyCell > div.bPageTitle > div.ptBody > div.content > h2`,
    expect: counts(0, { 'classic-record': 1, 'classic-list': 1 }),
  },
  /** A list view's name link, LWC datatable: the id is in its `href` only. */
  lwcNameLink: {
    selector: 'tr[data-row-key-value] > th records-hoverable-link a[href]',
    evidence: `${LWC_LIST}: th > lightning-primitive-cell-factory > … > force-lookup > div > records-hoverable-link > div > a`,
    expect: counts(0, { 'list-lwc': 50 }),
  },
  /** Rows of a datatable, the header row included (it carries the attribute too). */
  lwcRows: {
    selector: 'tr[data-row-key-value]',
    evidence: `${LWC_LIST}: tr[data-row-key-value] (a header row can carry it too)`,
    expect: counts(0, { 'list-lwc': 51 }),
  },
  /** A list view's name link, older Aura markup: `data-recordid` too, read only when the `href` holds no id. */
  auraNameLink: {
    selector: 'tr > th a[data-refid="recordId"]',
    evidence: `${AURA_LIST}: th > span > a[data-refid="recordId"][data-recordid]`,
    expect: counts(0, { 'list-aura': 50 }),
  },
  /** Classic's list view name column. */
  classicNameLink: {
    selector: '.x-grid3-col-FULL_NAME a[href]',
    evidence: `${CLASSIC}: .x-grid3-col-FULL_NAME a, the id read from its href`,
    expect: counts(0, { 'classic-list': 50 }),
  },
  /**
   * Any link to an opportunity record page (key prefix 006), in Lightning's two URL forms
   * and Classic's: for views whose markup the evidence does not show (Kanban, Pipeline
   * Inspection) the overlay relies on nothing else. crm-evidence.md › "How to use this":
   * record ids come from links wherever a page shows links.
   */
  opportunityLinks: {
    selector: 'a[href*="/lightning/r/Opportunity/"], a[href*="/lightning/r/006"], a[href^="/006"]',
    evidence: 'crm-evidence.md › "How to use this" (ids from links); "other opportunity views" (Kanban: the evidence shows no markup)',
    // Console counts are its tab headers' links (outside the pages); account, its related list.
    expect: counts(0, { account: 1, 'list-lwc': 50, 'list-aura': 50, kanban: 54, console: 6, 'console-subtab': 6, 'classic-list': 50 }),
  },
} as const satisfies Record<string, SelectorSpec>;

/** Tag of the generated highlights panel: its object's API name, lower case (Opportunity → opportunity). */
export const GENERATED_HIGHLIGHTS_TAG = /^forcegenerated-highlightspanel_([a-z0-9_]+?)___/i;

/**
 * SLDS 2's colour scheme classes on `<body>`, both forms (crm-evidence.md › "dark mode":
 * `slds-color-scheme_dark` and `slds-color-scheme--dark`; SLDS 2's CSS keys on
 * `html:has(body.slds-color-scheme--dark)`). Neither: the page's colours decide.
 */
export const COLOR_SCHEME = {
  dark: ['slds-color-scheme_dark', 'slds-color-scheme--dark'],
  light: ['slds-color-scheme_light', 'slds-color-scheme--light'],
  evidence: 'crm-evidence.md › Salesforce Lightning: pages › "dark mode" (Trailhead "Dark mode ready components in SLDS 2"; code ids 71259562385, 56177687318)',
} as const;
