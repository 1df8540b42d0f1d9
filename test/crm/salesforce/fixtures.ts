/** Salesforce-shaped replies shared by the connector tests: describes, stages, records. */
import type { SalesforceRecord } from '../../../lib/crm/salesforce/client';

type Field = { name: string; label: string; type: string; custom?: boolean; length?: number };

const f = (name: string, label: string, type: string, extra: Partial<Field> = {}): Field => ({ name, label, type, custom: name.endsWith('__c'), ...extra });

export const OPPORTUNITY_DESCRIBE = {
  name: 'Opportunity',
  label: 'Opportunity',
  fields: [
    f('Id', 'Opportunity ID', 'id'),
    f('IsDeleted', 'Deleted', 'boolean'),
    f('AccountId', 'Account ID', 'reference'),
    f('Name', 'Name', 'string', { length: 120 }),
    f('StageName', 'Stage', 'picklist'),
    f('Amount', 'Amount', 'currency'),
    f('Probability', 'Probability (%)', 'percent'),
    f('CloseDate', 'Close Date', 'date'),
    f('Type', 'Opportunity Type', 'picklist'),
    f('LeadSource', 'Lead Source', 'picklist'),
    f('IsClosed', 'Closed', 'boolean'),
    f('IsWon', 'Won', 'boolean'),
    f('ForecastCategoryName', 'Forecast Category', 'picklist'),
    f('OwnerId', 'Owner ID', 'reference'),
    f('CreatedDate', 'Created Date', 'datetime'),
    f('CreatedById', 'Created By ID', 'reference'),
    f('SystemModstamp', 'System Modstamp', 'datetime'),
    f('LastStageChangeDate', 'Last Stage Change Date', 'datetime'),
    f('Territory2Id', 'Territory ID', 'reference'),
    f('NextStep', 'Next Step', 'string', { length: 255 }),
    f('Description', 'Description', 'textarea', { length: 32000 }),
    f('Competitor__c', 'Main Competitor', 'picklist'),
    f('Primary_Product__c', 'Primary Product', 'picklist'),
    f('Seats__c', 'Seats', 'double'),
    f('Loss_Reason__c', 'Loss Reason', 'picklist'),
    f('Signed__c', 'Signed', 'boolean'),
    f('Kickoff__c', 'Kickoff', 'date'),
    f('Notes__c', 'Notes', 'textarea', { length: 32768 }),
    f('Logo__c', 'Logo', 'base64'),
  ],
  childRelationships: [
    { childSObject: 'OpportunityHistory', field: 'OpportunityId', relationshipName: 'OpportunityHistories' },
    { childSObject: 'OpportunityContactRole', field: 'OpportunityId', relationshipName: 'OpportunityContactRoles' },
    { childSObject: 'OpportunityLineItem', field: 'OpportunityId', relationshipName: 'OpportunityLineItems' },
  ],
};

export const ACCOUNT_DESCRIBE = {
  name: 'Account',
  label: 'Account',
  fields: [
    f('Id', 'Account ID', 'id'),
    f('Name', 'Account Name', 'string'),
    f('Industry', 'Industry', 'picklist'),
    f('NumberOfEmployees', 'Employees', 'int'),
    f('AnnualRevenue', 'Annual Revenue', 'currency'),
    f('BillingCountry', 'Billing Country', 'string'),
    f('BillingState', 'Billing State/Province', 'string'),
  ],
  childRelationships: [],
};

const stage = (label: string, sort: number, probability: number, forecast: string, closed: boolean, won: boolean): SalesforceRecord => ({
  attributes: { type: 'OpportunityStage' },
  Id: `01J5g00000000${String(sort).padStart(2, '0')}`,
  MasterLabel: label,
  ApiName: label,
  IsActive: true,
  IsClosed: closed,
  IsWon: won,
  DefaultProbability: probability,
  ForecastCategoryName: forecast,
  SortOrder: sort,
});

export const STAGE_RECORDS: SalesforceRecord[] = [
  stage('Prospecting', 1, 10, 'Pipeline', false, false),
  stage('Qualification', 2, 10, 'Pipeline', false, false),
  stage('Negotiation/Review', 3, 90, 'Commit', false, false),
  stage('Closed Won', 4, 100, 'Closed', true, true),
  stage('Closed Lost', 5, 0, 'Omitted', true, false),
];

export const OWNER = '0055g00000OwNeRAAV';
export const MANAGER = '0055g00000MaNaGAAV';
