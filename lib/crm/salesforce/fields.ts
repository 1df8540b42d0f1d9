/**
 * Which Salesforce fields the sync selects, and which attributes they become. The
 * selection follows the describe: a field the user cannot see (field-level security) or
 * that the org lacks (Territory2Id without Sales Territories, CurrencyIsoCode in a
 * single-currency org) is left out instead of failing the whole query.
 */
import { knownOnlyAtClose } from '../leakage';
import { WELL_KNOWN_ATTRIBUTES, WELL_KNOWN_LABELS, type AttributeKind } from '../opportunity';
import { attributeKindOf, findField, hasChild, type DescribeSObject } from './describe';
import { SalesforceError } from './errors';

/** Where an attribute's value comes from. */
export type AttributeSource =
  /** A field path on the Opportunity query (`Account.Industry`, `Competitor__c`). */
  | { from: 'opportunity'; path: string; type: string }
  /** The primary (or first) OpportunityContactRole. */
  | { from: 'contactRole'; field: 'title' | 'role' }
  /** The product of the largest OpportunityLineItem. */
  | { from: 'lineItem' };

export interface AttributeSpec {
  key: string;
  label: string;
  kind: AttributeKind;
  source: AttributeSource;
}

export interface FieldPlan {
  /** Field paths of the Opportunity query. */
  select: string[];
  attributes: AttributeSpec[];
  /** The territory name's path (`Territory2.Name`), when Sales Territories is on. */
  territoryPath: string | null;
  /** SystemModstamp is readable: incremental sync and keyset resume work. */
  modstamp: boolean;
  /** Related objects to read per page. */
  related: { history: boolean; contactRoles: boolean; lineItems: boolean };
  /** Custom fields as validated, in the order asked: `Field__c`, or `Field__c>key` when mapped onto a well-known attribute. */
  customFields: string[];
  /** Fields asked for that were left out, and why. */
  warnings: string[];
}

/** Opportunity fields read when the user can see them; Id and StageName are required. */
const OPPORTUNITY_FIELDS = [
  'Id',
  'Name',
  'AccountId',
  'Amount',
  'CurrencyIsoCode',
  'StageName',
  'IsClosed',
  'IsWon',
  'Type',
  'ForecastCategoryName',
  'Probability',
  'CloseDate',
  'CreatedDate',
  'LastStageChangeDate',
  'OwnerId',
  'CreatedById',
  'LeadSource',
  'SystemModstamp',
] as const;
const REQUIRED = ['Id', 'StageName'] as const;

const A = WELL_KNOWN_ATTRIBUTES;
/** Account fields that become well-known attributes. */
const ACCOUNT_ATTRIBUTES: ReadonlyArray<{ key: string; field: string; kind: AttributeKind }> = [
  { key: A.industry, field: 'Industry', kind: 'category' },
  { key: A.employees, field: 'NumberOfEmployees', kind: 'number' },
  { key: A.revenue, field: 'AnnualRevenue', kind: 'number' },
  { key: A.country, field: 'BillingCountry', kind: 'category' },
  { key: A.state, field: 'BillingState', kind: 'category' },
];

/**
 * Where each standard opportunity field comes from: the default field mappings, as the
 * options page lists them.
 */
export const STANDARD_MAPPINGS: ReadonlyArray<{ salesforce: string; target: string }> = [
  { salesforce: 'Id', target: 'id (18 characters)' },
  { salesforce: 'Name', target: 'name' },
  { salesforce: 'AccountId, Account.Name', target: 'account' },
  { salesforce: 'Amount', target: 'amount' },
  { salesforce: 'CurrencyIsoCode (multi-currency orgs), else Organization.DefaultCurrencyIsoCode', target: 'currency' },
  { salesforce: 'StageName', target: 'stage' },
  { salesforce: "OpportunityStage.IsClosed, IsWon of the deal's stage", target: 'isClosed, isWon' },
  { salesforce: 'Type', target: 'type (normalized)' },
  { salesforce: 'ForecastCategoryName', target: 'forecastCategory' },
  { salesforce: 'Probability (%)', target: 'probability (0..1)' },
  { salesforce: 'CreatedDate', target: 'createdDate' },
  { salesforce: 'CloseDate', target: 'closeDate' },
  { salesforce: 'OpportunityHistory.StageName, CreatedDate; LastStageChangeDate', target: 'stageHistory, stageEnteredDate' },
  { salesforce: 'OpportunityHistory.CloseDate, Amount, Probability, CreatedDate', target: 'recordedChanges (each value by the day it was recorded)' },
  { salesforce: 'OwnerId, Owner.Name', target: 'owner' },
  { salesforce: 'Owner.ManagerId, Owner.Manager.Name', target: 'ownerManager' },
  { salesforce: 'CreatedById, CreatedBy.Name', target: 'createdBy' },
  { salesforce: 'Territory2.Name (Sales Territories)', target: 'territory' },
  { salesforce: 'LeadSource', target: 'leadSource' },
  { salesforce: 'Account.Industry', target: `attributes.${A.industry}` },
  { salesforce: 'Account.NumberOfEmployees', target: `attributes.${A.employees}` },
  { salesforce: 'Account.AnnualRevenue', target: `attributes.${A.revenue}` },
  { salesforce: 'Account.BillingCountry', target: `attributes.${A.country}` },
  { salesforce: 'Account.BillingState', target: `attributes.${A.state}` },
  { salesforce: 'OpportunityLineItem.Product2.Name (largest line)', target: `attributes.${A.product}` },
  { salesforce: 'OpportunityContactRole.Contact.Title (primary, else first)', target: `attributes.${A.buyerTitle}` },
  { salesforce: 'OpportunityContactRole.Role (primary, else first)', target: `attributes.${A.buyerRole}` },
];

/**
 * The selection for an org. `account` is the Account describe, or null when it could not
 * be read (then the standard account fields are assumed readable).
 */
/**
 * A custom field to sync: its API name, or the name and the well-known attribute it fills
 * (`{ field: 'Primary_Product__c', as: 'product' }` for an org that keeps the product on the
 * opportunity rather than in line items); it then replaces the standard source of that key.
 */
export type CustomFieldInput = string | { field: string; as?: string };

const WELL_KNOWN_KEYS = new Set<string>(Object.values(WELL_KNOWN_ATTRIBUTES));

export function planFields(opportunity: DescribeSObject, account: DescribeSObject | null, customFields: readonly CustomFieldInput[] = []): FieldPlan {
  for (const name of REQUIRED) {
    if (findField(opportunity, name) === null) {
      throw new SalesforceError(
        'no-api-access',
        `Your Salesforce profile cannot read the Opportunity ${name === 'Id' ? 'record id' : 'Stage'} field, so Dealsight cannot sync: ask your admin for read access to it.`,
      );
    }
  }
  const has = (name: string) => findField(opportunity, name) !== null;
  const select: string[] = OPPORTUNITY_FIELDS.filter(has);
  const attributes: AttributeSpec[] = [];

  if (has('AccountId')) {
    select.push('Account.Name');
    for (const a of ACCOUNT_ATTRIBUTES) {
      const field = findField(account, a.field);
      if (account !== null && field === null) continue;
      const path = `Account.${a.field}`;
      select.push(path);
      attributes.push({
        key: a.key,
        label: field?.label ?? WELL_KNOWN_LABELS[a.key] ?? a.key,
        kind: a.kind,
        source: { from: 'opportunity', path, type: a.kind === 'number' ? 'double' : 'string' },
      });
    }
  }
  if (has('OwnerId')) select.push('Owner.Name', 'Owner.ManagerId', 'Owner.Manager.Name');
  if (has('CreatedById')) select.push('CreatedBy.Name');
  const territoryPath = has('Territory2Id') ? 'Territory2.Name' : has('TerritoryId') ? 'Territory.Name' : null;
  if (territoryPath !== null) select.push(territoryPath);

  // A describe without child relationships (a minimal server) is taken to have the standard ones.
  const listsChildren = opportunity.childRelationships.length > 0;
  const related = {
    history: !listsChildren || hasChild(opportunity, 'OpportunityHistory'),
    contactRoles: !listsChildren || hasChild(opportunity, 'OpportunityContactRole'),
    lineItems: listsChildren && hasChild(opportunity, 'OpportunityLineItem'),
  };
  if (related.lineItems) attributes.push(standardAttribute(A.product, 'category', { from: 'lineItem' }));
  if (related.contactRoles) {
    attributes.push(standardAttribute(A.buyerTitle, 'category', { from: 'contactRole', field: 'title' }));
    attributes.push(standardAttribute(A.buyerRole, 'category', { from: 'contactRole', field: 'role' }));
  }

  const custom = validateCustomFields(opportunity, customFields, new Set(select.map((s) => s.toLowerCase())));
  const replaced = new Set(custom.specs.map((s) => s.key));
  const kept = attributes.filter((a) => !replaced.has(a.key));
  for (const spec of custom.specs) if (spec.source.from === 'opportunity') select.push(spec.source.path);
  // Line items stay unread when a custom field gives the product instead.
  if (replaced.has(A.product)) related.lineItems = false;

  return {
    select,
    attributes: [...kept, ...custom.specs],
    territoryPath,
    modstamp: has('SystemModstamp'),
    related,
    customFields: custom.specs.map((s) => (s.source.from === 'opportunity' && s.source.path !== s.key ? `${s.source.path}>${s.key}` : s.key)),
    warnings: custom.warnings,
  };
}

function standardAttribute(key: string, kind: AttributeKind, source: AttributeSource): AttributeSpec {
  return { key, label: WELL_KNOWN_LABELS[key] ?? key, kind, source };
}

/** Checks the user's custom fields against the describe; each one left out gets a warning naming it and why. */
export function validateCustomFields(
  opportunity: DescribeSObject,
  inputs: readonly CustomFieldInput[],
  alreadySelected: ReadonlySet<string> = new Set(),
): { specs: AttributeSpec[]; warnings: string[] } {
  const specs: AttributeSpec[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    const raw = typeof input === 'string' ? input : input.field;
    const as = typeof input === 'string' ? undefined : input.as;
    const name = raw.trim();
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) {
      warnings.push(`"${raw}" is not an Opportunity field name, so it was left out.`);
      continue;
    }
    const field = findField(opportunity, name);
    if (field === null) {
      warnings.push(`The Opportunity field "${name}" does not exist or your profile cannot read it, so it was left out.`);
      continue;
    }
    let key = field.name;
    if (as !== undefined) {
      if (WELL_KNOWN_KEYS.has(as)) key = as;
      else warnings.push(`"${as}" is not a well-known attribute (${[...WELL_KNOWN_KEYS].join(', ')}), so "${field.label}" (${field.name}) keeps its own key.`);
    }
    if (seen.has(field.name.toLowerCase()) || seen.has(key.toLowerCase())) continue;
    seen.add(field.name.toLowerCase());
    seen.add(key.toLowerCase());
    if (alreadySelected.has(field.name.toLowerCase())) {
      warnings.push(`The Opportunity field "${field.label}" (${field.name}) is already synced as a standard field, so it was not added again.`);
      continue;
    }
    const kind = attributeKindOf(field);
    if ('reason' in kind) {
      warnings.push(`The Opportunity field "${field.label}" (${field.name}) was left out: ${kind.reason}.`);
      continue;
    }
    const label = key === field.name ? field.label : (WELL_KNOWN_LABELS[key] ?? field.label);
    specs.push({ key, label, kind: kind.kind, source: { from: 'opportunity', path: field.name, type: field.type } });
  }
  return { specs, warnings };
}

export interface CustomFieldChoice {
  name: string;
  label: string;
  kind: AttributeKind;
  /** Why the field is known only at the close (never a win-model feature), or null. */
  leaky: string | null;
  /** The well-known attribute its label suggests it fills (`{ field, as }`), or null. */
  suggestedKey: string | null;
}

/** Labels that say which well-known attribute a custom field holds. */
const SUGGESTIONS: ReadonlyArray<[RegExp, string]> = [
  [/\bproducts?\b/i, A.product],
  [/\bindustry\b/i, A.industry],
];

/** The custom Opportunity fields a user may add, for the options page. */
export function customFieldChoices(opportunity: DescribeSObject): CustomFieldChoice[] {
  const choices: CustomFieldChoice[] = [];
  for (const field of opportunity.fields) {
    if (!field.custom) continue;
    const kind = attributeKindOf(field);
    if ('reason' in kind) continue;
    const leaky = knownOnlyAtClose([{ key: field.name, label: field.label }])[0]?.reason ?? null;
    const suggestedKey = kind.kind === 'category' ? (SUGGESTIONS.find(([pattern]) => pattern.test(field.label))?.[1] ?? null) : null;
    choices.push({ name: field.name, label: field.label, kind: kind.kind, leaky, suggestedKey });
  }
  return choices.sort((a, b) => a.label.localeCompare(b.label));
}

export { attributeFields, fieldMapping } from '../shared/attributes';
