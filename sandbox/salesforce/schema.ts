import { CONTACT_ROLES_BY_SENIORITY, EXISTING_CUSTOMER_LEAD_SOURCE, INDUSTRIES, NEW_BUSINESS_LEAD_SOURCES } from '../../lib/sandbox/catalog';
import { SALESFORCE_STAGES, SALESFORCE_TYPE_LABELS } from '../../lib/sandbox/stages';
import type { SandboxOrg } from '../../lib/sandbox/types';

/**
 * The sandbox org's sObjects and fields, as data: what `describe` reports, what SOQL may
 * name, and how a value is typed. Field and object names match Salesforce's API names;
 * lookups are case-insensitive, as in SOQL.
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/
 */

export type FieldType =
  'id' | 'string' | 'textarea' | 'email' | 'picklist' | 'reference' | 'currency' | 'double' | 'percent' | 'int' | 'boolean' | 'date' | 'datetime';

export interface FieldDef {
  name: string;
  label: string;
  type: FieldType;
  nillable: boolean;
  custom: boolean;
  /** Set by Salesforce (ids, audit fields, formula-like fields): never createable or updateable. */
  readOnly: boolean;
  /** For a reference: the object it points at and the relationship name SOQL follows. */
  referenceTo?: string;
  relationshipName?: string;
  picklistValues?: readonly string[];
  /** Characters, for text fields. */
  length?: number;
  /** Digits and decimals, for numbers. */
  precision?: number;
  scale?: number;
  /** Long text cannot be filtered or sorted on in SOQL. */
  filterable: boolean;
}

export class SObjectType {
  private readonly byLowerName: Map<string, FieldDef>;
  private readonly byLowerRelationship: Map<string, FieldDef>;

  constructor(
    readonly name: string,
    readonly label: string,
    readonly labelPlural: string,
    readonly keyPrefix: string,
    readonly fields: readonly FieldDef[],
  ) {
    this.byLowerName = new Map(fields.map((f) => [f.name.toLowerCase(), f]));
    this.byLowerRelationship = new Map(fields.filter((f) => f.relationshipName !== undefined).map((f) => [(f.relationshipName as string).toLowerCase(), f]));
  }

  field(name: string): FieldDef | undefined {
    return this.byLowerName.get(name.toLowerCase());
  }

  /** The reference field behind a relationship name (`Owner` → `OwnerId`). */
  relationship(name: string): FieldDef | undefined {
    return this.byLowerRelationship.get(name.toLowerCase());
  }
}

export class Schema {
  private readonly byLowerName: Map<string, SObjectType>;

  constructor(readonly objects: readonly SObjectType[]) {
    this.byLowerName = new Map(objects.map((o) => [o.name.toLowerCase(), o]));
  }

  object(name: string): SObjectType | undefined {
    return this.byLowerName.get(name.toLowerCase());
  }

  /** The object whose records have this key prefix (the first three characters of an id). */
  objectOfId(id: string): SObjectType | undefined {
    const prefix = id.slice(0, 3);
    return this.objects.find((o) => o.keyPrefix === prefix);
  }
}

export interface SchemaOptions {
  /** Multi-currency orgs have `CurrencyIsoCode` on every currency-bearing object. */
  multiCurrency: boolean;
  /** Orgs with Sales Territories enabled have `Territory2` and `Opportunity.Territory2Id`. */
  territories: boolean;
  /** More custom Opportunity fields. */
  customFields?: readonly CustomFieldOption[];
  /** An org of seeded records: it also has Organization, Product2 and OpportunityLineItem for them to fill. */
  seeded?: boolean;
}

/** A custom Opportunity field the org has besides Region__c and Primary_Product__c. */
export interface CustomFieldOption {
  /** The API name, ending in `__c`. */
  name: string;
  label: string;
  type: FieldType;
  picklistValues?: readonly string[];
}

/** Key prefixes of the objects the server adds to the generator's (`../ids` has the rest). */
export const SERVER_KEY_PREFIX = {
  organization: '00D',
  opportunityStage: '01J',
  territory: '0MI',
  queryLocator: '01g',
  product: '01t',
  lineItem: '00k',
} as const;

/** Salesforce's API values behind each ForecastCategoryName label. */
export const FORECAST_CATEGORY_API: Readonly<Record<string, string>> = {
  Omitted: 'Omitted',
  Pipeline: 'Pipeline',
  'Best Case': 'BestCase',
  Commit: 'Forecast',
  Closed: 'Closed',
};

/** The custom Region__c picklist: a coarser view of the territory, to exercise custom-field mapping. */
export const REGION_OF_TERRITORY: Readonly<Record<string, string>> = {
  'NA East': 'North America',
  'NA West': 'North America',
  EMEA: 'EMEA',
  APAC: 'APAC',
};

type FieldOptions = Partial<Omit<FieldDef, 'name' | 'label' | 'type'>>;

function field(name: string, label: string, type: FieldType, options: FieldOptions = {}): FieldDef {
  return {
    name,
    label,
    type,
    nillable: true,
    custom: name.endsWith('__c'),
    readOnly: false,
    filterable: type !== 'textarea',
    ...options,
  };
}

const text = (name: string, label: string, length: number, options: FieldOptions = {}): FieldDef => field(name, label, 'string', { length, ...options });
const picklist = (name: string, label: string, values: readonly string[], options: FieldOptions = {}): FieldDef =>
  field(name, label, 'picklist', { picklistValues: values, length: 255, ...options });
const reference = (name: string, label: string, referenceTo: string, relationshipName: string, options: FieldOptions = {}): FieldDef =>
  field(name, label, 'reference', { referenceTo, relationshipName, length: 18, ...options });
const readOnly = { readOnly: true } as const;
const required = { nillable: false } as const;

function idField(): FieldDef {
  return field('Id', 'Record ID', 'id', { nillable: false, readOnly: true, length: 18 });
}

function auditFields(): FieldDef[] {
  return [
    field('IsDeleted', 'Deleted', 'boolean', { ...required, ...readOnly }),
    field('CreatedDate', 'Created Date', 'datetime', { ...required, ...readOnly }),
    reference('CreatedById', 'Created By ID', 'User', 'CreatedBy', { ...required, ...readOnly }),
    field('LastModifiedDate', 'Last Modified Date', 'datetime', { ...required, ...readOnly }),
    reference('LastModifiedById', 'Last Modified By ID', 'User', 'LastModifiedBy', { ...required, ...readOnly }),
    field('SystemModstamp', 'System Modstamp', 'datetime', { ...required, ...readOnly }),
  ];
}

function currencyIsoCode(org: SandboxOrg, options: SchemaOptions): FieldDef[] {
  return options.multiCurrency ? [picklist('CurrencyIsoCode', 'Currency ISO Code', [org.currency], required)] : [];
}

const money = (name: string, label: string, options: FieldOptions = {}): FieldDef => field(name, label, 'currency', { precision: 18, scale: 2, ...options });

/** Values in catalog order, then any other value the data holds, so describe covers every record. */
function picklistOf(known: readonly string[], inData: Iterable<string | null | undefined>): string[] {
  const values = [...known];
  const seen = new Set(values);
  for (const value of inData) {
    if (value != null && value !== '' && !seen.has(value)) {
      seen.add(value);
      values.push(value);
    }
  }
  return values;
}

export function buildSchema(org: SandboxOrg, options: SchemaOptions): Schema {
  const stageNames = SALESFORCE_STAGES.map((s) => s.label);
  const forecastLabels = ['Omitted', 'Pipeline', 'Best Case', 'Commit', 'Closed'];
  const typeLabels = Object.values(SALESFORCE_TYPE_LABELS);
  const leadSources = picklistOf(
    [...NEW_BUSINESS_LEAD_SOURCES.map(([name]) => name), EXISTING_CUSTOMER_LEAD_SOURCE],
    org.opportunities.map((o) => o.leadSource),
  );
  const roles = picklistOf(
    [...new Set(Object.values(CONTACT_ROLES_BY_SENIORITY).flatMap((list) => list.map(([role]) => role)))],
    org.contactRoles.map((r) => r.role),
  );
  const industries = picklistOf(
    INDUSTRIES.map((i) => i.name),
    org.accounts.map((a) => a.industry),
  );
  const regions = [...new Set(Object.values(REGION_OF_TERRITORY))];
  const products = org.products.map((p) => p.name);

  const opportunity = new SObjectType('Opportunity', 'Opportunity', 'Opportunities', '006', [
    idField(),
    reference('AccountId', 'Account ID', 'Account', 'Account'),
    text('Name', 'Name', 120, required),
    field('Description', 'Description', 'textarea', { length: 32_000 }),
    picklist('StageName', 'Stage', stageNames, required),
    money('Amount', 'Amount'),
    field('Probability', 'Probability (%)', 'percent', { precision: 3, scale: 0 }),
    money('ExpectedRevenue', 'Expected Amount', readOnly),
    field('CloseDate', 'Close Date', 'date', required),
    picklist('Type', 'Opportunity Type', typeLabels),
    text('NextStep', 'Next Step', 255),
    picklist('LeadSource', 'Lead Source', leadSources),
    field('IsClosed', 'Closed', 'boolean', { ...required, ...readOnly }),
    field('IsWon', 'Won', 'boolean', { ...required, ...readOnly }),
    picklist('ForecastCategory', 'Forecast Category', Object.values(FORECAST_CATEGORY_API), { ...required, ...readOnly }),
    picklist('ForecastCategoryName', 'Forecast Category', forecastLabels),
    ...currencyIsoCode(org, options),
    field('HasOpportunityLineItem', 'Has Line Item', 'boolean', { ...required, ...readOnly }),
    reference('OwnerId', 'Owner ID', 'User', 'Owner', required),
    ...(options.territories ? [reference('Territory2Id', 'Territory ID', 'Territory2', 'Territory2')] : []),
    ...auditFields(),
    field('LastActivityDate', 'Last Activity', 'date', readOnly),
    field('LastStageChangeDate', 'Last Stage Change Date', 'datetime', readOnly),
    field('FiscalQuarter', 'Fiscal Quarter', 'int', readOnly),
    field('FiscalYear', 'Fiscal Year', 'int', readOnly),
    text('Fiscal', 'Fiscal Period', 6, readOnly),
    picklist('Region__c', 'Region', regions),
    picklist('Primary_Product__c', 'Primary Product', products),
    ...(options.customFields ?? []).map((f) =>
      f.type === 'picklist'
        ? picklist(f.name, f.label, f.picklistValues ?? [])
        : field(f.name, f.label, f.type, f.type === 'string' ? { length: 255 } : f.type === 'textarea' ? { length: 32_768 } : {}),
    ),
  ]);

  const account = new SObjectType('Account', 'Account', 'Accounts', '001', [
    idField(),
    text('Name', 'Account Name', 255, required),
    reference('ParentId', 'Parent Account ID', 'Account', 'Parent'),
    text('BillingState', 'Billing State/Province', 80),
    text('BillingCountry', 'Billing Country', 80),
    picklist('Industry', 'Industry', industries),
    money('AnnualRevenue', 'Annual Revenue'),
    field('NumberOfEmployees', 'Employees', 'int', { precision: 8, scale: 0 }),
    ...currencyIsoCode(org, options),
    reference('OwnerId', 'Owner ID', 'User', 'Owner', required),
    ...auditFields(),
  ]);

  const user = new SObjectType('User', 'User', 'Users', '005', [
    idField(),
    text('Username', 'Username', 80, required),
    text('LastName', 'Last Name', 80, required),
    text('FirstName', 'First Name', 40),
    text('Name', 'Full Name', 121, { ...required, ...readOnly }),
    text('Title', 'Title', 80),
    field('Email', 'Email', 'email', { ...required, length: 128 }),
    field('IsActive', 'Active', 'boolean', required),
    reference('ManagerId', 'Manager ID', 'User', 'Manager'),
    ...auditFields(),
  ]);

  const contact = new SObjectType('Contact', 'Contact', 'Contacts', '003', [
    idField(),
    reference('AccountId', 'Account ID', 'Account', 'Account'),
    text('LastName', 'Last Name', 80, required),
    text('FirstName', 'First Name', 40),
    text('Name', 'Full Name', 121, { ...required, ...readOnly }),
    text('Title', 'Title', 128),
    field('Email', 'Email', 'email', { length: 80 }),
    reference('OwnerId', 'Owner ID', 'User', 'Owner', required),
    ...auditFields(),
  ]);

  const contactRole = new SObjectType('OpportunityContactRole', 'Opportunity Contact Role', 'Opportunity Contact Role', '00K', [
    idField(),
    reference('OpportunityId', 'Opportunity ID', 'Opportunity', 'Opportunity', required),
    reference('ContactId', 'Contact ID', 'Contact', 'Contact', required),
    picklist('Role', 'Role', roles),
    field('IsPrimary', 'Primary', 'boolean', required),
    ...auditFields(),
  ]);

  const stage = new SObjectType('OpportunityStage', 'Opportunity Stage', 'Opportunity Stages', SERVER_KEY_PREFIX.opportunityStage, [
    idField(),
    text('MasterLabel', 'Master Label', 255, { ...required, ...readOnly }),
    text('ApiName', 'Api Name', 255, { ...required, ...readOnly }),
    field('IsActive', 'Is Active', 'boolean', { ...required, ...readOnly }),
    field('SortOrder', 'Sort Order', 'int', readOnly),
    field('IsClosed', 'Is Closed', 'boolean', { ...required, ...readOnly }),
    field('IsWon', 'Is Won', 'boolean', { ...required, ...readOnly }),
    picklist('ForecastCategory', 'Forecast Category', Object.values(FORECAST_CATEGORY_API), { ...required, ...readOnly }),
    picklist('ForecastCategoryName', 'Forecast Category Name', forecastLabels, { ...required, ...readOnly }),
    field('DefaultProbability', 'Default Probability', 'percent', { precision: 3, scale: 0, ...readOnly }),
    text('Description', 'Description', 255, readOnly),
    ...auditFields(),
  ]);

  const history = new SObjectType('OpportunityHistory', 'Opportunity History', 'Opportunity History', '008', [
    idField(),
    reference('OpportunityId', 'Opportunity ID', 'Opportunity', 'Opportunity', { ...required, ...readOnly }),
    picklist('StageName', 'Stage', stageNames, { ...required, ...readOnly }),
    money('Amount', 'Amount', readOnly),
    money('ExpectedRevenue', 'Expected Revenue', readOnly),
    field('CloseDate', 'Close Date', 'date', readOnly),
    field('Probability', 'Probability (%)', 'percent', { precision: 3, scale: 0, ...readOnly }),
    picklist('ForecastCategory', 'Forecast Category', Object.values(FORECAST_CATEGORY_API), readOnly),
    ...currencyIsoCode(org, options),
    field('IsDeleted', 'Deleted', 'boolean', { ...required, ...readOnly }),
    field('CreatedDate', 'Created Date', 'datetime', { ...required, ...readOnly }),
    reference('CreatedById', 'Created By ID', 'User', 'CreatedBy', { ...required, ...readOnly }),
    field('SystemModstamp', 'System Modstamp', 'datetime', { ...required, ...readOnly }),
  ]);

  const objects = [opportunity, account, user, contact, contactRole, stage, history];
  if (options.territories) {
    objects.push(
      new SObjectType('Territory2', 'Territory', 'Territories', SERVER_KEY_PREFIX.territory, [
        idField(),
        text('Name', 'Label', 80, required),
        text('DeveloperName', 'Territory Name', 80, required),
        text('Description', 'Description', 1000),
        ...auditFields(),
      ]),
    );
  }
  if (options.seeded) objects.push(...seededOnlyObjects(org, options));
  return new Schema(objects);
}

/**
 * The objects an org of seeded records has besides the generator's: the Organization
 * record (name, default currency) and products on line items, which a sync reads when the
 * org has them. A generated org serves none of them, as an org without Products does.
 */
function seededOnlyObjects(org: SandboxOrg, options: SchemaOptions): SObjectType[] {
  return [
    new SObjectType('Organization', 'Organization', 'Organizations', SERVER_KEY_PREFIX.organization, [
      idField(),
      text('Name', 'Name', 80, required),
      picklist('DefaultCurrencyIsoCode', 'Locale Currency', [org.currency]),
      field('IsSandbox', 'Is Sandbox', 'boolean', { ...required, ...readOnly }),
      ...auditFields(),
    ]),
    new SObjectType('Product2', 'Product', 'Products', SERVER_KEY_PREFIX.product, [
      idField(),
      text('Name', 'Product Name', 255, required),
      text('ProductCode', 'Product Code', 255),
      field('IsActive', 'Active', 'boolean', required),
      ...auditFields(),
    ]),
    new SObjectType('OpportunityLineItem', 'Opportunity Product', 'Opportunity Product', SERVER_KEY_PREFIX.lineItem, [
      idField(),
      reference('OpportunityId', 'Opportunity ID', 'Opportunity', 'Opportunity', required),
      reference('Product2Id', 'Product ID', 'Product2', 'Product2'),
      field('Quantity', 'Quantity', 'double', { precision: 12, scale: 2 }),
      money('UnitPrice', 'Sales Price'),
      money('TotalPrice', 'Total Price'),
      ...currencyIsoCode(org, options),
      ...auditFields(),
    ]),
  ];
}
