/**
 * Property types of the objects served, as the search filters compare them, and how
 * HubSpot writes values: every property value is a string (or null when empty); numbers
 * as JavaScript prints them ("12500.5"), datetimes as ISO 8601 UTC with milliseconds,
 * booleans as "true" / "false".
 */
export type PropertyType = 'string' | 'enumeration' | 'number' | 'datetime' | 'bool';

export type Properties = Record<string, string | null>;

export const iso = (ms: number): string => new Date(ms).toISOString();

export const numberText = (value: number | null): string | null => (value === null ? null : String(value));

export const DEAL_PROPERTY_TYPES: Readonly<Record<string, PropertyType>> = {
  dealname: 'string',
  amount: 'number',
  closedate: 'datetime',
  createdate: 'datetime',
  dealstage: 'enumeration',
  pipeline: 'enumeration',
  dealtype: 'enumeration',
  hs_is_closed_won: 'bool',
  hs_is_closed: 'bool',
  hs_forecast_category: 'enumeration',
  hs_deal_stage_probability: 'number',
  hubspot_owner_id: 'enumeration',
  hs_lastmodifieddate: 'datetime',
  hs_object_id: 'number',
  hs_primary_associated_company: 'number',
  leadsource: 'string',
};

/** What a deal search returns when the request names no properties. */
export const DEAL_DEFAULT_PROPERTIES = ['amount', 'closedate', 'createdate', 'dealname', 'dealstage', 'hs_lastmodifieddate', 'hs_object_id', 'pipeline'];

export const COMPANY_PROPERTY_TYPES: Readonly<Record<string, PropertyType>> = {
  name: 'string',
  domain: 'string',
  industry: 'enumeration',
  numberofemployees: 'number',
  annualrevenue: 'number',
  country: 'string',
  state: 'string',
  hubspot_owner_id: 'enumeration',
  hs_parent_company_id: 'number',
  createdate: 'datetime',
  hs_lastmodifieddate: 'datetime',
  hs_object_id: 'number',
};
export const COMPANY_DEFAULT_PROPERTIES = ['createdate', 'domain', 'hs_lastmodifieddate', 'hs_object_id', 'name'];

export const CONTACT_PROPERTY_TYPES: Readonly<Record<string, PropertyType>> = {
  firstname: 'string',
  lastname: 'string',
  email: 'string',
  jobtitle: 'string',
  company: 'string',
  associatedcompanyid: 'number',
  createdate: 'datetime',
  lastmodifieddate: 'datetime',
  hs_object_id: 'number',
};
export const CONTACT_DEFAULT_PROPERTIES = ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname'];

/**
 * HubSpot's `industry` options (its LinkedIn-derived list) for the generator's industries.
 * GET /crm/properties/{version}/companies/industry gives their labels.
 */
export const INDUSTRY_OPTIONS: Readonly<Record<string, string>> = {
  Technology: 'COMPUTER_SOFTWARE',
  Manufacturing: 'MECHANICAL_OR_INDUSTRIAL_ENGINEERING',
  Healthcare: 'HOSPITAL_HEALTH_CARE',
  Retail: 'RETAIL',
  Banking: 'BANKING',
  Insurance: 'INSURANCE',
  Consulting: 'MANAGEMENT_CONSULTING',
  Transportation: 'TRANSPORTATION_TRUCKING_RAILROAD',
  Energy: 'OIL_ENERGY',
  Telecommunications: 'TELECOMMUNICATIONS',
  Media: 'MEDIA_PRODUCTION',
  Hospitality: 'HOSPITALITY',
  Education: 'EDUCATION_MANAGEMENT',
  Biotechnology: 'BIOTECHNOLOGY',
  'Food & Beverage': 'FOOD_BEVERAGES',
  Construction: 'CONSTRUCTION',
};

/** The option value of an industry label; an industry not listed gets HubSpot's spelling of it. */
export function industryOption(label: string): string {
  return (
    INDUSTRY_OPTIONS[label] ??
    label
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, '_')
      .replace(/^_|_$/g, '')
  );
}

/** `hs_forecast_category` options for the generator's forecast categories. */
export const FORECAST_OPTIONS: Readonly<Record<string, string>> = {
  Pipeline: 'PIPELINE',
  'Best Case': 'BEST_CASE',
  Commit: 'COMMIT',
  Closed: 'CLOSED',
  Omitted: 'OMIT',
};

/** The `dealtype` options: HubSpot's two built-in values. */
export function dealTypeOption(type: string | null): string | null {
  if (type === null) return null;
  return type === 'new customer' ? 'newbusiness' : 'existingbusiness';
}
