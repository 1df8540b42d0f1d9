/**
 * The export formats the importer knows, as data: which headers each CRM writes for the
 * standard opportunity fields and the well-known attributes. Headers are written here
 * as the CRM shows them and compared after `normalizeHeader`. A recognized format's names
 * are tried first, the generic synonyms after, so a Salesforce report with an extra
 * "Region" column still gets its territory.
 */
import { WELL_KNOWN_ATTRIBUTES } from '../opportunity';
import { normalizeHeader } from './headers';

export type FormatName = 'salesforce' | 'hubspot' | 'generic';

/** Opportunity fields a column can fill (owner and account split into id and name). */
export type StandardField =
  | 'id'
  | 'name'
  | 'accountId'
  | 'accountName'
  | 'amount'
  | 'currency'
  | 'isWon'
  | 'isClosed'
  | 'stage'
  | 'type'
  | 'forecastCategory'
  | 'probability'
  | 'createdDate'
  | 'closeDate'
  | 'stageEnteredDate'
  | 'owner'
  | 'ownerId'
  | 'ownerManager'
  | 'createdBy'
  | 'territory'
  | 'leadSource';

/** Mapping order: outcome flags before the stage and dates, so a "Closed" yes/no column is not taken for a date. */
export const STANDARD_FIELDS: readonly StandardField[] = [
  'id',
  'name',
  'accountId',
  'accountName',
  'amount',
  'currency',
  'isWon',
  'isClosed',
  'stage',
  'type',
  'forecastCategory',
  'probability',
  'createdDate',
  'closeDate',
  'stageEnteredDate',
  'owner',
  'ownerId',
  'ownerManager',
  'createdBy',
  'territory',
  'leadSource',
];

export type WellKnownAttribute = (typeof WELL_KNOWN_ATTRIBUTES)[keyof typeof WELL_KNOWN_ATTRIBUTES];

export interface CsvFormat {
  name: FormatName;
  /** Headers typical of this CRM's exports and rare elsewhere; the detection score counts them. */
  distinctive: readonly string[];
  /** Headers that mark the format on their own pattern (HubSpot's "Date entered …"). */
  distinctivePattern?: RegExp;
  /** Per field, the headers that fill it, most preferred first. */
  fields: Readonly<Partial<Record<StandardField, readonly string[]>>>;
  attributes: Readonly<Partial<Record<WellKnownAttribute, readonly string[]>>>;
}

const A = WELL_KNOWN_ATTRIBUTES;

export const SALESFORCE: CsvFormat = {
  name: 'salesforce',
  distinctive: [
    'Opportunity ID',
    'Opportunity Name',
    'Opportunity Owner',
    'Account Name',
    'Probability (%)',
    'Fiscal Period',
    'Forecast Category',
    'Owner Role',
    'Last Stage Change Date',
    'Amount Currency',
    'Opportunity Currency',
    'Stage Duration',
    'Lead Source',
    'Next Step',
    'Billing State/Province',
    'Primary Contact Title',
    'Owner Manager',
  ],
  fields: {
    id: ['Opportunity ID', 'Opportunity ID (18)', 'Opportunity 18 Digit ID'],
    name: ['Opportunity Name'],
    accountId: ['Account ID'],
    accountName: ['Account Name'],
    amount: ['Amount', 'Amount (converted)'],
    currency: ['Opportunity Currency', 'Amount Currency', 'Currency'],
    isWon: ['Won'],
    isClosed: ['Closed'],
    stage: ['Stage'],
    type: ['Type', 'Opportunity Type'],
    forecastCategory: ['Forecast Category'],
    probability: ['Probability (%)'],
    createdDate: ['Created Date'],
    closeDate: ['Close Date'],
    stageEnteredDate: ['Last Stage Change Date'],
    owner: ['Opportunity Owner'],
    ownerId: ['Opportunity Owner ID', 'Owner ID'],
    ownerManager: ['Owner Manager', 'Opportunity Owner Manager'],
    createdBy: ['Created By'],
    territory: ['Territory', 'Territory Name'],
    leadSource: ['Lead Source'],
  },
  attributes: {
    [A.industry]: ['Industry'],
    [A.employees]: ['Employees'],
    [A.revenue]: ['Annual Revenue'],
    [A.country]: ['Billing Country'],
    [A.state]: ['Billing State/Province'],
    [A.product]: ['Product Name'],
    [A.buyerTitle]: ['Primary Contact Title'],
    [A.buyerRole]: ['Contact Role'],
  },
};

export const HUBSPOT: CsvFormat = {
  name: 'hubspot',
  distinctive: [
    'Record ID',
    'Deal Name',
    'Deal Stage',
    'Pipeline',
    'Create Date',
    'Deal owner',
    'Deal Type',
    'Is Closed Won',
    'Is closed',
    'Associated Company',
    'Associated Company IDs',
    'Associated Company (Primary)',
    'Deal currency code',
    'Deal probability',
    'Last Modified Date',
    'Amount in company currency',
  ],
  distinctivePattern: /^date entered /i,
  fields: {
    id: ['Record ID', 'Deal ID'],
    name: ['Deal Name'],
    accountId: ['Associated Company IDs (Primary)', 'Associated Company IDs', 'Associated Company ID'],
    accountName: ['Associated Company (Primary)', 'Associated Company', 'Associated Company Name'],
    amount: ['Amount', 'Amount in company currency'],
    currency: ['Deal currency code', 'Currency'],
    isWon: ['Is Closed Won'],
    isClosed: ['Is closed', 'Is Deal Closed?'],
    stage: ['Deal Stage'],
    type: ['Deal Type'],
    forecastCategory: ['Forecast category'],
    probability: ['Deal probability'],
    createdDate: ['Create Date'],
    closeDate: ['Close Date'],
    owner: ['Deal owner'],
    leadSource: ['Original Source Type', 'Original Traffic Source', 'Original Source'],
  },
  attributes: {},
};

/** Synonyms for any other CSV (hand-made sheets, other CRMs, public data sets). */
export const GENERIC: CsvFormat = {
  name: 'generic',
  distinctive: [],
  fields: {
    id: ['id', 'opportunity id', 'opp id', 'deal id', 'record id'],
    name: ['name', 'opportunity name', 'deal name', 'opportunity', 'deal'],
    accountId: ['account id', 'company id', 'customer id'],
    accountName: ['account', 'account name', 'company', 'company name', 'customer', 'customer name', 'organization', 'organisation'],
    amount: ['amount', 'value', 'close value', 'deal value', 'deal amount', 'opportunity amount', 'deal size', 'contract value'],
    currency: ['currency', 'currency code', 'amount currency', 'deal currency'],
    isWon: ['won', 'is won', 'outcome', 'result', 'won lost', 'win loss', 'closed won', 'is closed won'],
    isClosed: ['closed', 'is closed'],
    stage: ['stage', 'deal stage', 'opportunity stage', 'stage name', 'sales stage', 'status', 'deal status'],
    type: ['type', 'deal type', 'opportunity type', 'business type'],
    forecastCategory: ['forecast category', 'forecast'],
    probability: ['probability', 'win probability', 'deal probability'],
    createdDate: ['created date', 'created', 'create date', 'created at', 'created on', 'date created', 'creation date', 'engage date', 'open date'],
    closeDate: ['close date', 'closed date', 'expected close date', 'closing date', 'date closed', 'closed at', 'close', 'closed'],
    stageEnteredDate: ['last stage change date', 'stage entered date', 'stage change date', 'date entered stage'],
    owner: [
      'owner',
      'opportunity owner',
      'deal owner',
      'sales agent',
      'seller',
      'sales rep',
      'salesperson',
      'sales person',
      'rep',
      'account executive',
      'assigned to',
    ],
    ownerId: ['owner id', 'sales agent id', 'rep id'],
    ownerManager: ['manager', 'owner manager', 'sales manager'],
    createdBy: ['created by', 'creator'],
    territory: ['territory', 'region', 'regional office', 'sales region'],
    leadSource: ['lead source', 'source', 'original source', 'channel'],
  },
  attributes: {
    [A.industry]: ['industry', 'sector', 'vertical', 'account industry'],
    [A.employees]: ['employees', 'employee count', 'number of employees', 'no of employees', 'headcount'],
    [A.revenue]: ['revenue', 'annual revenue', 'company revenue', 'account revenue'],
    [A.country]: ['country', 'billing country', 'office location', 'account country', 'hq country'],
    [A.state]: ['state', 'billing state', 'billing state province', 'state province', 'province'],
    [A.product]: ['product', 'product name', 'products', 'product line'],
    [A.buyerTitle]: ['buyer title', 'primary contact title', 'job title', 'contact title'],
    [A.buyerRole]: ['buyer role', 'contact role', 'primary contact role'],
  },
};

export const FORMATS: readonly CsvFormat[] = [SALESFORCE, HUBSPOT];

/** A format needs this many distinctive headers, so a generic file with a "Stage" column stays generic. */
const MIN_SCORE = 3;

export interface FormatDetection {
  format: CsvFormat;
  /** Distinctive headers found, as written in the file. */
  matched: string[];
}

/** The known format with the most distinctive headers, or generic below `MIN_SCORE`. */
export function detectFormat(header: readonly string[]): FormatDetection {
  let best: FormatDetection = { format: GENERIC, matched: [] };
  for (const format of FORMATS) {
    const distinctive = new Set(format.distinctive.map(normalizeHeader));
    const matched = header.filter((h) => distinctive.has(normalizeHeader(h)) || format.distinctivePattern?.test(h.trim()) === true);
    if (matched.length >= MIN_SCORE && matched.length > best.matched.length) best = { format, matched };
  }
  return best;
}
