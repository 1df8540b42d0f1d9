import { describe, expect, it } from 'vitest';
import { importCsv } from '../../lib/crm/csv';
import { blankOpportunity, normalizeOpportunityType, type Opportunity } from '../../lib/crm/opportunity';
import { usDate } from '../../lib/sandbox/calendar';
import { generateSandbox } from '../../lib/sandbox/generate';
import { SALESFORCE_REPORT_HEADER, salesforceReportRow, toSalesforceReportCsv } from '../../lib/sandbox/salesforce-report';
import { SALESFORCE_TYPE_LABELS } from '../../lib/sandbox/stages';
import { winProbability } from '../../lib/sandbox/win-probability';

const HEADER_LINE =
  '"Opportunity ID","Opportunity Name","Account ID","Account Name","Type","Lead Source","Amount","Amount Currency",' +
  '"Stage","Probability (%)","Forecast Category","Created Date","Close Date","Last Stage Change Date",' +
  '"Opportunity Owner","Owner Manager","Created By","Territory","Industry","Employees","Annual Revenue",' +
  '"Billing Country","Billing State/Province","Product Name","Primary Contact Title","Contact Role","Won","Closed"';

const tiny = generateSandbox({ seed: 1, opportunities: 5 });

describe('toSalesforceReportCsv', () => {
  it('writes one quoted header row and one CRLF-terminated line per opportunity', () => {
    const csv = toSalesforceReportCsv(tiny);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(HEADER_LINE);
    expect(lines).toHaveLength(tiny.opportunities.length + 2);
    expect(lines.at(-1)).toBe('');
    expect(SALESFORCE_REPORT_HEADER).toHaveLength(28);
  });

  it('renders a generated row exactly', () => {
    const lines = toSalesforceReportCsv(tiny).split('\r\n');
    expect(lines[1]).toBe(
      '"006Hs00000IYI8WIAX","Gallagher Precision - Analytics Cloud","001Hs00000CwZwXIAV","Gallagher Precision",' +
        '"New Customer","Advertisement","20550.00","USD","Closed Lost","0","Omitted","2/13/2026","2/20/2026","2/20/2026",' +
        '"Johanna Müller","Saeed Farouk","Johanna Müller","EMEA","Manufacturing","290","83800000.00","United Kingdom",' +
        '"England","Analytics Cloud","Head of Data","Decision Maker","0","1"',
    );
  });

  it('quotes every field, doubles quotes, keeps commas and line breaks inside the quotes', () => {
    const opportunity: Opportunity = {
      ...blankOpportunity('006000000000001AAA', 'sandbox'),
      name: 'Acme "Blue", Phase 2\nRenewal',
      account: { id: '001000000000001AAA', name: 'Acme, Inc.' },
      amount: 12_500,
      currency: 'EUR',
      stage: 'Proposal/Price Quote',
      type: 'Partner Resale',
      probability: 0.75,
      forecastCategory: 'Pipeline',
      createdDate: '2026-03-05',
      closeDate: '2026-12-31',
      stageEnteredDate: '2026-11-09',
      owner: { id: '005000000000001AAA', name: "Siobhan O'Brien" },
      attributes: { employees: 1_250, revenue: 98_000_000.5, product: 'Security & Compliance' },
    };
    const csv = toSalesforceReportCsv({ ...tiny, opportunities: [opportunity] });
    expect(csv.split('\r\n')[1]).toBe(
      '"006000000000001AAA","Acme ""Blue"", Phase 2\nRenewal","001000000000001AAA","Acme, Inc.","Partner Resale","",' +
        '"12500.00","EUR","Proposal/Price Quote","75","Pipeline","3/5/2026","12/31/2026","11/9/2026",' +
        '"Siobhan O\'Brien","","","","","1250","98000000.50","","","Security & Compliance","","","0","0"',
    );
  });

  it('spells standard types as Salesforce picklist values that map back to the same type', () => {
    for (const [type, label] of Object.entries(SALESFORCE_TYPE_LABELS)) {
      const row = salesforceReportRow({ ...blankOpportunity('x', 'sandbox'), type });
      expect(row[SALESFORCE_REPORT_HEADER.indexOf('Type')]).toBe(label);
      expect(normalizeOpportunityType(label)).toBe(type);
    }
  });

  it('writes won and closed flags as 1/0 and dates as M/D/YYYY', () => {
    const org = generateSandbox({ seed: 2, opportunities: 300 });
    const won = SALESFORCE_REPORT_HEADER.indexOf('Won');
    const closed = SALESFORCE_REPORT_HEADER.indexOf('Closed');
    const created = SALESFORCE_REPORT_HEADER.indexOf('Created Date');
    for (const o of org.opportunities) {
      const row = salesforceReportRow(o);
      expect(row[won]).toBe(o.isWon ? '1' : '0');
      expect(row[closed]).toBe(o.isClosed ? '1' : '0');
      expect(row[created]).toBe(usDate(o.createdDate!));
      expect(row[created]).toMatch(/^([1-9]|1[0-2])\/([1-9]|[12]\d|3[01])\/20\d\d$/);
    }
  });

  it('reads back through the CSV importer as the same opportunities, with the same true probabilities', () => {
    const org = generateSandbox({ seed: 4, opportunities: 2_000 });
    const imported = importCsv(toSalesforceReportCsv(org), { source: 'sandbox' });
    expect(imported.format).toBe('salesforce');
    expect(imported.rejected).toEqual([]);
    expect(imported.opportunities).toHaveLength(org.opportunities.length);
    const byId = new Map(imported.opportunities.map((o) => [o.id, o]));
    // A report carries people's names, not their ids, and no stage history or recorded changes.
    const comparable = (o: Opportunity): unknown => ({
      ...o,
      stageHistory: undefined,
      recordedChanges: undefined,
      owner: o.owner?.name,
      ownerManager: o.ownerManager?.name,
      createdBy: o.createdBy?.name,
    });
    for (const original of org.opportunities) {
      const read = byId.get(original.id);
      expect(read && comparable(read)).toEqual(comparable(original));
      // The truth reads the amount as first entered (a revision at the quote follows the outcome).
      const asEntered = { ...read!, amount: original.recordedChanges?.amounts[0]?.value ?? read!.amount };
      expect(winProbability(asEntered, org.truth.winModel)).toBe(org.truth.winProbability[original.id]);
    }
  });
});
