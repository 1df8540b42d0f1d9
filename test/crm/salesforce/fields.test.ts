import { describe, expect, it } from 'vitest';
import { blankOpportunity } from '../../../lib/crm/opportunity';
import { readDescribe, type DescribeSObject } from '../../../lib/crm/salesforce/describe';
import { SalesforceError } from '../../../lib/crm/salesforce/errors';
import { customFieldChoices, fieldMapping, planFields } from '../../../lib/crm/salesforce/fields';
import { ACCOUNT_DESCRIBE, OPPORTUNITY_DESCRIBE } from './fixtures';

const read = (body: unknown, name: string): DescribeSObject => readDescribe(body, name) as DescribeSObject;
const opportunity = read(OPPORTUNITY_DESCRIBE, 'Opportunity');
const account = read(ACCOUNT_DESCRIBE, 'Account');

describe('planFields', () => {
  it('selects the standard fields the describe lists, with accounts, owners, managers and territory', () => {
    const plan = planFields(opportunity, account);
    expect(plan.select).toEqual([
      'Id',
      'Name',
      'AccountId',
      'Amount',
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
      'Account.Name',
      'Account.Industry',
      'Account.NumberOfEmployees',
      'Account.AnnualRevenue',
      'Account.BillingCountry',
      'Account.BillingState',
      'Owner.Name',
      'Owner.ManagerId',
      'Owner.Manager.Name',
      'CreatedBy.Name',
      'Territory2.Name',
    ]);
    expect(plan.attributes.map((a) => [a.key, a.label, a.kind])).toEqual([
      ['industry', 'Industry', 'category'],
      ['employees', 'Employees', 'number'],
      ['revenue', 'Annual Revenue', 'number'],
      ['country', 'Billing Country', 'category'],
      ['state', 'Billing State/Province', 'category'],
      ['product', 'Product', 'category'],
      ['buyerTitle', 'Buyer title', 'category'],
      ['buyerRole', 'Buyer role', 'category'],
    ]);
    expect([plan.territoryPath, plan.modstamp, plan.related]).toEqual(['Territory2.Name', true, { history: true, contactRoles: true, lineItems: true }]);
  });

  it('leaves out what the user cannot see, and assumes the standard children when the describe lists none', () => {
    const minimal = read({ fields: [{ name: 'Id' }, { name: 'StageName' }, { name: 'AccountId' }], childRelationships: [] }, 'Opportunity');
    const noIndustry = read({ fields: ACCOUNT_DESCRIBE.fields.filter((f) => f.name !== 'Industry') }, 'Account');
    const plan = planFields(minimal, noIndustry);
    expect(plan.select).toEqual([
      'Id',
      'AccountId',
      'StageName',
      'Account.Name',
      'Account.NumberOfEmployees',
      'Account.AnnualRevenue',
      'Account.BillingCountry',
      'Account.BillingState',
    ]);
    expect([plan.territoryPath, plan.modstamp, plan.related]).toEqual([null, false, { history: true, contactRoles: true, lineItems: false }]);
    expect(planFields(minimal, null).select).toContain('Account.Industry');
  });

  it('cannot sync without the stage', () => {
    const noStage = read({ fields: [{ name: 'Id' }, { name: 'Name' }] }, 'Opportunity');
    expect(() => planFields(noStage, null)).toThrow(SalesforceError);
    expect(() => planFields(noStage, null)).toThrow(
      'Your Salesforce profile cannot read the Opportunity Stage field, so Dealsight cannot sync: ask your admin for read access to it.',
    );
  });

  it('validates custom fields against the describe, naming each one left out', () => {
    const plan = planFields(opportunity, account, [
      'competitor__c',
      'Seats__c',
      'Missing__c',
      'Notes__c',
      'Logo__c',
      'Amount',
      "x' OR",
      'Seats__c',
      'Kickoff__c',
      'Signed__c',
    ]);
    expect(plan.customFields).toEqual(['Competitor__c', 'Seats__c', 'Kickoff__c', 'Signed__c']);
    expect(plan.select.slice(-4)).toEqual(['Competitor__c', 'Seats__c', 'Kickoff__c', 'Signed__c']);
    expect(plan.attributes.slice(-4).map((a) => [a.key, a.label, a.kind])).toEqual([
      ['Competitor__c', 'Main Competitor', 'category'],
      ['Seats__c', 'Seats', 'number'],
      ['Kickoff__c', 'Kickoff', 'date'],
      ['Signed__c', 'Signed', 'boolean'],
    ]);
    expect(plan.warnings).toEqual([
      'The Opportunity field "Missing__c" does not exist or your profile cannot read it, so it was left out.',
      'The Opportunity field "Notes" (Notes__c) was left out: it is long text, not a category.',
      'The Opportunity field "Logo" (Logo__c) was left out: its type (base64) holds no comparable value.',
      'The Opportunity field "Amount" (Amount) is already synced as a standard field, so it was not added again.',
      `"x' OR" is not an Opportunity field name, so it was left out.`,
    ]);
  });
});

describe('custom fields mapped onto well-known attributes', () => {
  it('lets a custom field fill the product, replacing line items', () => {
    const plan = planFields(opportunity, account, [
      { field: 'primary_product__c', as: 'product' },
      { field: 'Seats__c', as: 'seats' },
    ]);
    expect(plan.attributes.filter((a) => a.key === 'product')).toEqual([
      { key: 'product', label: 'Product', kind: 'category', source: { from: 'opportunity', path: 'Primary_Product__c', type: 'picklist' } },
    ]);
    expect(plan.related.lineItems).toBe(false);
    expect(plan.customFields).toEqual(['Primary_Product__c>product', 'Seats__c']);
    expect(plan.select.slice(-2)).toEqual(['Primary_Product__c', 'Seats__c']);
    expect(plan.warnings).toEqual([
      '"seats" is not a well-known attribute (industry, employees, revenue, country, state, product, buyerTitle, buyerRole), so "Seats" (Seats__c) keeps its own key.',
    ]);
  });
});

describe('customFieldChoices and fieldMapping', () => {
  it('offers the usable custom fields, flagging those set at the close', () => {
    expect(customFieldChoices(opportunity)).toEqual([
      { name: 'Kickoff__c', label: 'Kickoff', kind: 'date', leaky: null, suggestedKey: null },
      { name: 'Loss_Reason__c', label: 'Loss Reason', kind: 'category', leaky: 'records why the deal closed', suggestedKey: null },
      { name: 'Competitor__c', label: 'Main Competitor', kind: 'category', leaky: null, suggestedKey: null },
      { name: 'Primary_Product__c', label: 'Primary Product', kind: 'category', leaky: null, suggestedKey: 'product' },
      { name: 'Seats__c', label: 'Seats', kind: 'number', leaky: null, suggestedKey: null },
      { name: 'Signed__c', label: 'Signed', kind: 'boolean', leaky: null, suggestedKey: null },
    ]);
  });

  it('measures coverage and flags leaky attributes', () => {
    const plan = planFields(opportunity, account, ['Loss_Reason__c']);
    const a = blankOpportunity('a', 'salesforce');
    a.attributes = { industry: 'Retail', Loss_Reason__c: 'Price' };
    const b = blankOpportunity('b', 'salesforce');
    b.attributes = { industry: null };
    const { fields, leaky } = fieldMapping([a, b], plan.attributes);
    expect(fields.find((f) => f.key === 'industry')).toEqual({ key: 'industry', label: 'Industry', kind: 'category', coverage: 0.5 });
    expect(fields.find((f) => f.key === 'buyerRole')?.coverage).toBe(0);
    expect(leaky).toEqual([{ key: 'Loss_Reason__c', label: 'Loss Reason', reason: 'records why the deal closed' }]);
  });
});
