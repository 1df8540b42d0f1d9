/**
 * Industry names → Apollo industry tag ids, for `organizationIndustryTagIds[]`.
 *
 * Apollo publishes no list of these ids. The table holds only ids checked, when it was
 * written (issue #7), against public sources found with the `search` tool: Apollo API
 * responses that carry an organization's `industry_tag_id` next to its industry name (for "information technology & services", "financial services" and
 * "retail"; "construction" was confirmed the same way by a project that enriched known
 * contractors), and at least three independent public tables or saved Apollo URLs
 * pairing the same name with the same id, with no credible source pairing it otherwise.
 * An industry not in the table is searched by name through `qOrganizationKeywordTags[]`
 * instead: never add an id here that was not checked the same way.
 *
 * Keys are Apollo's industry names (LinkedIn's former industry list), lower case.
 */
export const APOLLO_INDUSTRY_TAG_IDS: Readonly<Record<string, string>> = {
  accounting: '5567ce1f7369643b78570000',
  automotive: '5567cdf27369644cfd800000',
  banking: '5567ce237369644ee5490000',
  biotechnology: '5567d08e7369645dbc4b0000',
  'computer & network security': '5567cd877369644cf94b0000',
  'computer software': '5567cd4e7369643b70010000',
  construction: '5567cd4773696439dd350000',
  'education management': '5567ce9e736964540d540000',
  'financial services': '5567cdd67369643e64020000',
  'food & beverages': '5567ce1e7369643b806a0000',
  'higher education': '5567cd4c73696453e1300000',
  'hospital & health care': '5567cdde73696439812c0000',
  hospitality: '5567ce9d7369643bc19c0000',
  'information technology & services': '5567cd4773696439b10b0000',
  insurance: '5567cdd973696453d93f0000',
  internet: '5567cd4d736964397e020000',
  'logistics & supply chain': '5567cd4973696439b9010000',
  machinery: '5567cd4973696439d53c0000',
  'management consulting': '5567cdd47369643dbf260000',
  'marketing & advertising': '5567cd467369644d39040000',
  'oil & energy': '5567cdd97369645624020000',
  pharmaceuticals: '5567e0eb73696410e4bd1200',
  'real estate': '5567cd477369645401010000',
  'renewables & environment': '5567cd49736964540d020000',
  retail: '5567ced173696450cb580000',
  'staffing & recruiting': '5567e09973696410db020800',
  telecommunications: '5567cd4c7369644d39080000',
  'transportation/trucking/railroad': '5567cd4e7369644cf93b0000',
  utilities: '5567e2127369642420170000',
};

/**
 * CRM industry names that mean exactly one Apollo industry. Broad names are left out on
 * purpose ("Technology", "Manufacturing", "Consulting", "Energy", "Education", "Media",
 * "Transportation", "Finance" each span several Apollo industries): they go through
 * keyword tags, which match more widely than any single tag id would.
 */
export const APOLLO_INDUSTRY_ALIASES: Readonly<Record<string, string>> = {
  healthcare: 'hospital & health care',
  'health care': 'hospital & health care',
  'food & beverage': 'food & beverages',
  'information technology': 'information technology & services',
  'it services': 'information technology & services',
  software: 'computer software',
  telecom: 'telecommunications',
  pharma: 'pharmaceuticals',
  'oil & gas': 'oil & energy',
  logistics: 'logistics & supply chain',
};

/** Lower case, "and" spelled "&", single spaces: "Food and Beverages" → "food & beverages". */
export function normalizeIndustry(name: string): string {
  return name
    .toLowerCase()
    .replace(/\s+and\s+/g, ' & ')
    .replace(/\s*&\s*/g, ' & ')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Apollo's tag id for an industry name, or null when none has been verified. */
export function apolloIndustryTagId(name: string): string | null {
  const normalized = normalizeIndustry(name);
  const apolloName = APOLLO_INDUSTRY_ALIASES[normalized] ?? normalized;
  return APOLLO_INDUSTRY_TAG_IDS[apolloName] ?? null;
}
