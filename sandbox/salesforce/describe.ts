import type { FieldDef, FieldType, Schema, SObjectType } from './schema';
import type { JsonObject } from './soql/execute';

/**
 * `sobjects` and `describe` bodies in Salesforce's shapes (a useful subset of the keys a
 * real org sends; the ones connectors read are all here: name, label, type, nillable,
 * custom, referenceTo, relationshipName, picklistValues, length, precision, scale).
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_sobject_describe.htm
 */

const SOAP_TYPES: Readonly<Record<FieldType, string>> = {
  id: 'tns:ID',
  reference: 'tns:ID',
  string: 'xsd:string',
  textarea: 'xsd:string',
  email: 'xsd:string',
  picklist: 'xsd:string',
  currency: 'xsd:double',
  double: 'xsd:double',
  percent: 'xsd:double',
  int: 'xsd:int',
  boolean: 'xsd:boolean',
  date: 'xsd:date',
  datetime: 'xsd:dateTime',
};

/** Objects a user cannot create or edit: the sales process setup and tracked history. */
const READ_ONLY_OBJECTS = new Set(['OpportunityStage', 'OpportunityHistory', 'Territory2', 'Organization']);

/** Names of child relationships, where the standard objects have one. */
const CHILD_RELATIONSHIP_NAMES: Readonly<Record<string, string>> = {
  'Opportunity.AccountId': 'Opportunities',
  'Contact.AccountId': 'Contacts',
  'Account.ParentId': 'ChildAccounts',
  'OpportunityContactRole.OpportunityId': 'OpportunityContactRoles',
  'OpportunityContactRole.ContactId': 'OpportunityContactRoles',
  'OpportunityHistory.OpportunityId': 'OpportunityHistories',
  'OpportunityLineItem.OpportunityId': 'OpportunityLineItems',
  'User.ManagerId': 'ManagedUsers',
};

function objectUrls(type: SObjectType, version: string): JsonObject {
  const base = `/services/data/v${version}/sobjects/${type.name}`;
  return { rowTemplate: `${base}/{ID}`, describe: `${base}/describe`, sobject: base };
}

function objectSummary(type: SObjectType, version: string): JsonObject {
  const editable = !READ_ONLY_OBJECTS.has(type.name);
  return {
    activateable: false,
    createable: editable,
    custom: false,
    customSetting: false,
    deletable: editable,
    deprecatedAndHidden: false,
    feedEnabled: editable,
    hasSubtypes: false,
    isSubtype: false,
    keyPrefix: type.keyPrefix,
    label: type.label,
    labelPlural: type.labelPlural,
    layoutable: editable,
    mergeable: type.name === 'Account' || type.name === 'Contact',
    mruEnabled: editable,
    name: type.name,
    queryable: true,
    replicateable: true,
    retrieveable: true,
    searchable: editable,
    triggerable: editable,
    undeletable: editable,
    updateable: editable,
    urls: objectUrls(type, version),
  };
}

/** GET /services/data/vXX.X/sobjects/ */
export function sobjectsBody(schema: Schema, version: string): JsonObject {
  return { encoding: 'UTF-8', maxBatchSize: 200, sobjects: schema.objects.map((o) => objectSummary(o, version)) };
}

/** GET /services/data/vXX.X/sobjects/{Object} */
export function sobjectBasicInfoBody(type: SObjectType, version: string): JsonObject {
  return { objectDescribe: objectSummary(type, version), recentItems: [] };
}

function describeField(type: SObjectType, f: FieldDef): JsonObject {
  const isText = f.type === 'string' || f.type === 'textarea' || f.type === 'email' || f.type === 'picklist';
  const isNumber = f.type === 'currency' || f.type === 'double' || f.type === 'percent';
  const editable = !f.readOnly && !READ_ONLY_OBJECTS.has(type.name);
  const length = f.length ?? 0;
  return {
    aggregatable: f.type !== 'textarea',
    autoNumber: false,
    byteLength: isText || f.type === 'id' || f.type === 'reference' ? length * 3 : 0,
    calculated: false,
    cascadeDelete: false,
    caseSensitive: false,
    createable: editable,
    custom: f.custom,
    defaultValue: f.type === 'boolean' ? false : null,
    defaultedOnCreate: f.type === 'boolean' || f.name === 'OwnerId' || f.readOnly,
    dependentPicklist: false,
    deprecatedAndHidden: false,
    digits: f.type === 'int' ? (f.precision ?? 9) : 0,
    externalId: false,
    filterable: f.filterable,
    groupable: f.type !== 'textarea' && !isNumber,
    htmlFormatted: false,
    idLookup: f.name === 'Id' || (f.name === 'Name' && type.name !== 'User'),
    label: f.label,
    length: isText || f.type === 'id' || f.type === 'reference' ? length : 0,
    name: f.name,
    nameField: f.name === 'Name',
    namePointing: false,
    nillable: f.nillable,
    permissionable: f.nillable && !f.readOnly,
    picklistValues: (f.picklistValues ?? []).map((value) => ({ active: true, defaultValue: false, label: value, validFor: null, value })),
    polymorphicForeignKey: false,
    precision: isNumber ? (f.precision ?? 18) : 0,
    referenceTo: f.referenceTo === undefined ? [] : [f.referenceTo],
    relationshipName: f.relationshipName ?? null,
    relationshipOrder: null,
    restrictedDelete: false,
    restrictedPicklist: f.name === 'StageName' || f.name === 'ForecastCategoryName',
    scale: isNumber ? (f.scale ?? 2) : 0,
    soapType: SOAP_TYPES[f.type],
    sortable: f.filterable,
    type: f.type,
    unique: false,
    updateable: editable,
    writeRequiresMasterRead: false,
  };
}

/** GET /services/data/vXX.X/sobjects/{Object}/describe */
export function describeBody(schema: Schema, type: SObjectType, version: string): JsonObject {
  const childRelationships: JsonObject[] = [];
  for (const child of schema.objects) {
    for (const f of child.fields) {
      if (f.referenceTo !== type.name || f.name === 'CreatedById' || f.name === 'LastModifiedById') continue;
      childRelationships.push({
        cascadeDelete: child.name === 'OpportunityContactRole' || child.name === 'OpportunityHistory',
        childSObject: child.name,
        deprecatedAndHidden: false,
        field: f.name,
        relationshipName: CHILD_RELATIONSHIP_NAMES[`${child.name}.${f.name}`] ?? null,
        restrictedDelete: false,
      });
    }
  }
  return {
    ...objectSummary(type, version),
    childRelationships,
    fields: type.fields.map((f) => describeField(type, f)),
    recordTypeInfos: [
      {
        active: true,
        available: true,
        defaultRecordTypeMapping: true,
        developerName: 'Master',
        master: true,
        name: 'Master',
        recordTypeId: '012000000000000AAA',
        urls: { layout: `/services/data/v${version}/sobjects/${type.name}/describe/layouts/012000000000000AAA` },
      },
    ],
    supportedScopes: [
      { label: 'All records', name: 'everything' },
      { label: 'My records', name: 'mine' },
    ],
  };
}
