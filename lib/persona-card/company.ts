import type { Random } from '../seeded/random';
import { normalizeKey } from './names';

/**
 * Generated company names that read like a real customer of the persona's industry
 * ("Northwind Health", "Clearwater Medical Group", "Harbor Ridge Capital") without being
 * one: stems are neutral place, nature and abstract words, the suffix carries the
 * industry, and a deny-list of famous brands (and a few real name pairs the pools can
 * form) is checked on every draw.
 */

export type IndustryKind =
  | 'healthcare'
  | 'financial'
  | 'insurance'
  | 'pharma'
  | 'manufacturing'
  | 'technology'
  | 'retail'
  | 'logistics'
  | 'education'
  | 'energy'
  | 'telecom'
  | 'consulting'
  | 'government'
  | 'generic';

/**
 * CRM industry text → kind, first match wins. Order matters where words overlap:
 * "Biotechnology" is pharma before it is technology, "EdTech" is education, and
 * "Financial Services" must not fall to consulting's "services".
 */
const INDUSTRY_RULES: readonly [IndustryKind, RegExp][] = [
  ['government', /\b(government|public sector|public administration|federal|municipal|county|defen[cs]e|military)\b/],
  ['pharma', /(pharma|biotech|life sciences?\b|therapeut|\bdrugs?\b)/],
  ['insurance', /(insur|underwrit|\bactuar)/],
  ['education', /(educat|\bschools?\b|universit|college|academ|edtech|e learning|elearning|\blearning\b|training)/],
  ['healthcare', /(health|hospital|medic|clinic|dental|patient|\bcare\b)/],
  ['telecom', /(telecom|communications|wireless|broadband|\bcable\b|\bisp\b)/],
  ['energy', /(energy|utilit|\boil\b|\bgas\b|solar|\bpower\b|renewab|petroleum|nuclear|\bwind\b)/],
  ['financial', /(bank|financ|capital|invest|fintech|credit|wealth|asset management|lending|\bfunds?\b|payments?\b|accounting)/],
  ['logistics', /(logistic|transport|shipping|freight|supply chain|trucking|airline|aviation|maritime|\brail|courier|delivery|warehous)/],
  ['retail', /(retail|e ?commerce|consumer|apparel|fashion|grocery|food|beverage|wholesale|\bcpg\b|\bstores?\b)/],
  [
    'manufacturing',
    /(manufactur|industrial|automotive|machinery|chemical|aerospace|construction|metal|steel|plastics|equipment|electronics|engineering|mining)/,
  ],
  ['technology', /(software|tech|saas|information|computer|internet|\bit\b|cloud|\bdata\b|cyber|digital|\bai\b|semiconductor)/],
  ['consulting', /(consult|professional services|advisory|\blegal\b|\blaw\b|marketing|agency|staffing|recruit|business services)/],
];

/** The industry kind for a CRM industry value; unknown or empty gives 'generic'. */
export function industryKind(industry: string | null | undefined): IndustryKind {
  if (!industry) return 'generic';
  const text = ` ${normalizeKey(industry)} `;
  for (const [kind, rule] of INDUSTRY_RULES) if (rule.test(text)) return kind;
  return 'generic';
}

/** Single-word place names, invented or generic enough to belong to nobody famous. */
export const PLACE_STEMS: readonly string[] = [
  'Northwind',
  'Clearwater',
  'Stonebridge',
  'Brightwater',
  'Westbrook',
  'Eastgate',
  'Fairhaven',
  'Kingsbridge',
  'Ashford',
  'Bramblewood',
  'Millbrook',
  'Pinecrest',
  'Riverbend',
  'Rosemont',
  'Thornfield',
  'Glenmoor',
  'Larkspur',
  'Moorfield',
  'Windmere',
  'Hollowell',
  'Foxglove',
  'Havenwood',
  'Wrenfield',
  'Southmere',
  'Silverbrook',
  'Amberley',
  'Oakhurst',
  'Hartwell',
  'Harbor Ridge',
  'Bayfield',
  'Coldwater',
  'Redmere',
];

/** First halves of two-word places ("Heron Point"). */
export const NATURE_WORDS: readonly string[] = [
  'Alder',
  'Birch',
  'Cedar',
  'Juniper',
  'Linden',
  'Maple',
  'Willow',
  'Heron',
  'Kestrel',
  'Osprey',
  'Sparrow',
  'Wren',
  'Fern',
  'Thistle',
  'Tamarack',
  'Hawthorn',
  'Rowan',
  'Laurel',
  'Bluestem',
  'Saltmarsh',
];

/** Second halves of two-word places. */
export const LANDFORM_WORDS: readonly string[] = [
  'Ridge',
  'Bay',
  'Point',
  'Hill',
  'Creek',
  'Hollow',
  'Grove',
  'Park',
  'Glen',
  'Valley',
  'Harbor',
  'Crest',
  'Fields',
  'Brook',
  'Landing',
  'Bluff',
];

/** Abstract stems that suit any industry ("Lodestar Capital", "Fathom Labs"). */
export const ABSTRACT_STEMS: readonly string[] = [
  'Keystone',
  'Waypoint',
  'Halcyon',
  'Arbor',
  'Anchor',
  'Cairn',
  'Fathom',
  'Lodestar',
  'Sextant',
  'Bellwether',
  'Parallax',
  'Solstice',
  'Ember',
  'Trellis',
  'Fieldstone',
  'Tidemark',
  'Ironbark',
  'Greenleaf',
  'Brightfield',
  'Truecourse',
  'Quillon',
  'Evenstar',
];

/** Industry suffixes: what makes "Northwind" a hospital or a bank. */
export const INDUSTRY_SUFFIXES: Readonly<Record<Exclude<IndustryKind, 'government'>, readonly string[]>> = {
  healthcare: ['Health', 'Medical Group', 'Health Partners', 'Care', 'Clinics', 'Health System', 'Medical Center', 'Family Health'],
  financial: ['Capital', 'Financial', 'Bank', 'Trust', 'Wealth Partners', 'Credit Union', 'Savings Bank', 'Capital Partners'],
  insurance: ['Insurance', 'Mutual', 'Assurance', 'Insurance Group', 'Underwriters', 'Risk Partners'],
  pharma: ['Therapeutics', 'Biosciences', 'Pharma', 'Bio', 'Life Sciences', 'Biologics'],
  manufacturing: ['Industries', 'Works', 'Manufacturing', 'Fabrication', 'Machine Works', 'Components', 'Metalworks', 'Industrial'],
  technology: ['Labs', 'Systems', 'Software', 'Technologies', 'Data', 'Digital', 'Cloud'],
  retail: ['Goods', 'Market', 'Supply Co.', 'Outfitters', 'Trading Co.', 'Home', 'Mercantile', 'General Store'],
  logistics: ['Logistics', 'Freight', 'Transport', 'Shipping', 'Lines', 'Distribution', 'Cargo'],
  education: ['Academy', 'College', 'Learning', 'Institute', 'University', 'School District'],
  energy: ['Energy', 'Power', 'Renewables', 'Utilities', 'Solar', 'Power & Light'],
  telecom: ['Telecom', 'Communications', 'Networks', 'Wireless', 'Broadband', 'Fiber'],
  consulting: ['Consulting', 'Advisors', 'Partners', 'Advisory', 'Strategy Group', '& Associates'],
  generic: ['Group', 'Partners', 'Holdings', 'Company', 'Collective', '& Co.', 'Enterprises'],
};

/** Public bodies are named for their place, not with a suffix. */
const GOVERNMENT_TEMPLATES: readonly ((place: string) => string)[] = [
  (p) => `City of ${p}`,
  (p) => `${p} County`,
  (p) => `${p} Regional Authority`,
  (p) => `${p} Public Works`,
  (p) => `${p} Transit Authority`,
  (p) => `${p} Water District`,
];

/**
 * Famous brands (and a few real place-style names the pools could form). A generated
 * name is rejected when any entry appears in it as whole words. Small on purpose: the
 * pools avoid brand words in the first place; this catches combinations.
 */
export const DENIED_COMPANY_NAMES: readonly string[] = [
  'apple',
  'amazon',
  'google',
  'alphabet',
  'microsoft',
  'meta',
  'facebook',
  'oracle',
  'salesforce',
  'ibm',
  'intel',
  'cisco',
  'adobe',
  'netflix',
  'tesla',
  'nvidia',
  'samsung',
  'sony',
  'walmart',
  'target',
  'costco',
  'nike',
  'coca cola',
  'pepsi',
  'pfizer',
  'merck',
  'novartis',
  'roche',
  'johnson and johnson',
  'bayer',
  'abbott',
  'shell',
  'exxon',
  'chevron',
  'bp',
  'siemens',
  'general electric',
  'boeing',
  'ford',
  'toyota',
  'honda',
  'jpmorgan',
  'chase',
  'goldman sachs',
  'morgan stanley',
  'wells fargo',
  'citi',
  'citigroup',
  'barclays',
  'hsbc',
  'blackrock',
  'blackstone',
  'vanguard',
  'fidelity',
  'allianz',
  'axa',
  'prudential',
  'metlife',
  'aetna',
  'cigna',
  'humana',
  'kaiser permanente',
  'verizon',
  'at and t',
  'vodafone',
  'comcast',
  'fedex',
  'ups',
  'dhl',
  'maersk',
  'deloitte',
  'accenture',
  'mckinsey',
  'kpmg',
  'pwc',
  'ernst and young',
  'sequoia',
  'liberty mutual',
  'state farm',
  'allstate',
  'progressive',
  'nationwide',
  'travelers',
  'horizon',
  'frontier',
  'unitedhealth',
  'mayo clinic',
  'cleveland clinic',
  'pearson',
  'spotify',
  'uber',
  'airbnb',
  'stripe',
  'paypal',
  'visa',
  'mastercard',
  'american express',
  'shopify',
  'ikea',
  'disney',
  'starbucks',
  'sap',
  'dell',
  'lenovo',
  'huawei',
  'alibaba',
  'tencent',
  'infosys',
  'tata',
  'unilever',
  'nestle',
  'bosch',
  'philips',
  'nokia',
  'ericsson',
  'qualcomm',
  'mosaic',
  'cornerstone',
  'carlyle',
  'bridgewater',
  'silver lake',
  'cedar point',
  'clearwater analytics',
  'lakeshore learning',
  'highland capital',
  'maple leaf',
  'willow creek',
  'evergreen',
  'keystone light',
  'greenleaf capital',
  'anchor bank',
];

const DENIED_TOKENS: readonly string[][] = DENIED_COMPANY_NAMES.map(tokens);

function tokens(name: string): string[] {
  return normalizeKey(name.replace(/&/g, ' and '))
    .split(' ')
    .filter((t) => t.length > 0);
}

/** True when a famous brand appears in the name as whole words ("Apple Systems", "Cedar Point Health"). */
export function isDeniedCompanyName(name: string): boolean {
  const words = tokens(name);
  return DENIED_TOKENS.some((brand) => {
    for (let i = 0; i + brand.length <= words.length; i++) {
      if (brand.every((t, j) => words[i + j] === t)) return true;
    }
    return false;
  });
}

function stem(random: Random, placesOnly: boolean): string {
  const kind = random.int(placesOnly ? 2 : 3);
  if (kind === 0) return random.pick(PLACE_STEMS);
  if (kind === 1) return `${random.pick(NATURE_WORDS)} ${random.pick(LANDFORM_WORDS)}`;
  return random.pick(ABSTRACT_STEMS);
}

function candidate(random: Random, kind: IndustryKind): string {
  // Schools, universities and public bodies are named for places, not for ideas.
  if (kind === 'government') return random.pick(GOVERNMENT_TEMPLATES)(stem(random, true));
  const s = stem(random, kind === 'education');
  return `${s} ${random.pick(INDUSTRY_SUFFIXES[kind])}`;
}

/** A company name for the industry kind; never one on the deny-list. */
export function companyName(random: Random, kind: IndustryKind): string {
  for (let attempt = 0; attempt < 32; attempt++) {
    const name = candidate(random, kind);
    if (!isDeniedCompanyName(name)) return name;
  }
  // Unreachable with these pools (thousands of names per kind, a handful denied); a
  // fixed fallback keeps the function total.
  return kind === 'government' ? 'City of Northwind' : `Northwind ${INDUSTRY_SUFFIXES[kind][0] ?? 'Group'}`;
}
