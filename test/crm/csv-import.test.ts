import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CsvImportError } from '../../lib/crm/csv/errors';
import { formatRejection, importCsv } from '../../lib/crm/csv/import';
import type { Opportunity } from '../../lib/crm/opportunity';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/csv/${name}`, import.meta.url), 'utf8');
const byId = (opportunities: Opportunity[], id: string): Opportunity => {
  const found = opportunities.find((o) => o.id === id);
  if (!found) throw new Error(`no opportunity ${id}`);
  return found;
};

describe('importCsv: Salesforce report export', () => {
  const result = importCsv(fixture('salesforce-opportunities.csv'));

  it('recognizes the format, reads every row and sets the footer aside', () => {
    expect(result.format).toBe('salesforce');
    expect(result.opportunities).toHaveLength(10);
    expect(result.rejected).toEqual([]);
    expect(result.opportunities.filter((o) => o.isWon)).toHaveLength(3);
    expect(result.opportunities.filter((o) => o.isClosed && !o.isWon)).toHaveLength(3);
    expect(result.openStages).toEqual(['Negotiation/Review', 'Prospecting', 'Qualification', 'Proposal/Price Quote']);
  });

  it('decides the date order from the values and reports the evidence', () => {
    expect([result.dateOrder, result.dateOrderBasis]).toEqual(['MDY', 'values']);
    expect(result.warnings).toEqual([
      'Ignored 5 footer lines after the data, starting "Dealsight Test Org".',
      'Dates are read as MM/DD/YYYY: "1/15/2024" (Created Date, line 2) can only be month first.',
      'Employees: 1 value could not be read as numbers (line 4 "about 50")',
    ]);
  });

  it('maps a closed deal completely', () => {
    expect(byId(result.opportunities, '0065g00000A2')).toEqual({
      id: '0065g00000A2',
      source: 'csv',
      name: 'Globex - Renewal 2024',
      account: { id: '0015g00000X2', name: 'Globex' },
      amount: 48000,
      currency: 'USD',
      stage: 'Closed Lost',
      isClosed: true,
      isWon: false,
      type: 'renewal',
      forecastCategory: 'Omitted',
      probability: 0,
      createdDate: '2023-11-02',
      closeDate: '2024-02-14',
      stageEnteredDate: '2024-02-14',
      stageHistory: [{ stage: 'Closed Lost', enteredAt: '2024-02-14' }],
      owner: { id: 'Sam Ortiz', name: 'Sam Ortiz' },
      ownerManager: { id: 'Morgan Lee', name: 'Morgan Lee' },
      createdBy: null,
      territory: 'East',
      leadSource: 'Partner',
      attributes: {
        ownerRole: 'AE East',
        fiscalPeriod: 'Q1-2024',
        age: 104,
        nextStep: null,
        industry: 'Manufacturing',
        employees: 5400,
        country: 'United States',
        state: 'NY',
        product: 'Support',
        buyerTitle: 'CFO',
        lossReason: 'Price',
      },
    });
  });

  it('reads an open deal, a multi-line cell and an unreadable optional value', () => {
    const initech = byId(result.opportunities, '0065g00000A3');
    expect([initech.isClosed, initech.probability, initech.currency, initech.type, initech.attributes.employees]).toEqual([false, 0.8, 'EUR', 'upsell', null]);
    const cyberdyne = byId(result.opportunities, '0065g00000B1');
    expect(cyberdyne.attributes.nextStep).toBe('Security review:\nsend SOC 2 report');
    expect(byId(result.opportunities, '0065g00000A5').type).toBe('cross-sell');
    expect(byId(result.opportunities, '0065g00000A8').amount).toBeNull();
  });

  it('describes the attribute map with kinds and coverage, and flags the close-time columns', () => {
    expect(result.fields.map((f) => [f.key, f.label, f.kind, f.coverage])).toEqual([
      ['ownerRole', 'Owner Role', 'category', 1],
      ['fiscalPeriod', 'Fiscal Period', 'category', 1],
      ['age', 'Age', 'number', 1],
      ['nextStep', 'Next Step', 'category', 0.2],
      ['industry', 'Industry', 'category', 1],
      ['employees', 'Employees', 'number', 0.9],
      ['country', 'Billing Country', 'category', 1],
      ['state', 'Billing State/Province', 'category', 1],
      ['product', 'Product Name', 'category', 1],
      ['buyerTitle', 'Primary Contact Title', 'category', 1],
      ['lossReason', 'Loss Reason', 'category', 0.3],
    ]);
    expect(result.leakyAttributes.map((l) => l.key)).toEqual(['fiscalPeriod', 'age', 'nextStep', 'lossReason']);
  });
});

describe('importCsv: HubSpot deal export', () => {
  const result = importCsv(fixture('hubspot-deals.csv'));

  it('recognizes the format and rejects the repeated id', () => {
    expect(result.format).toBe('hubspot');
    expect(result.opportunities.map((o) => o.id)).toEqual(['9001', '9002', '9003', '9004', '9005']);
    expect(result.rejected).toEqual([{ line: 6, reason: 'Record ID "9003" repeats line 4' }]);
    expect(result.warnings).toEqual(['1 row repeats an id of earlier rows and was rejected; the first row of each id is kept.']);
    expect(result.dateOrder).toBeNull();
  });

  it('builds the stage history from the "Date entered" columns', () => {
    const acme = byId(result.opportunities, '9001');
    expect(acme.stageHistory).toEqual([
      { stage: 'Appointment scheduled', enteredAt: '2024-01-10' },
      { stage: 'Qualified to buy', enteredAt: '2024-02-01' },
      { stage: 'Contract sent', enteredAt: '2024-03-01' },
      { stage: 'Closed won', enteredAt: '2024-03-27' },
    ]);
    expect(acme.stageEnteredDate).toBe('2024-03-27');
    expect(byId(result.opportunities, '9005').stageEnteredDate).toBe('2024-06-20');
  });

  it('reads outcome flags, the company, probability and type', () => {
    const globex = byId(result.opportunities, '9002');
    expect([globex.isClosed, globex.isWon, globex.type, globex.probability, globex.account]).toEqual([true, false, 'upsell', 0, { id: '502', name: 'Globex' }]);
    const initech = byId(result.opportunities, '9003');
    expect([initech.isClosed, initech.amount, initech.currency, initech.probability, initech.account?.id, initech.createdDate]).toEqual([
      false,
      15000.5,
      'EUR',
      0.9,
      '503',
      '2024-04-15',
    ]);
    expect(result.openStages).toEqual(['Contract sent', 'Appointment scheduled', 'Qualified to buy']);
  });

  it('keeps the other columns as attributes and flags those set after the close', () => {
    expect(result.fields.map((f) => [f.key, f.kind])).toEqual([
      ['pipeline', 'category'],
      ['lastModifiedDate', 'date'],
      ['closedLostReason', 'category'],
    ]);
    expect(result.leakyAttributes).toEqual([
      { key: 'lastModifiedDate', label: 'Last Modified Date', reason: 'was last set after the close on closed deals' },
      { key: 'closedLostReason', label: 'Closed Lost Reason', reason: 'records why the deal closed' },
    ]);
  });
});

describe('importCsv: semicolon file with BOM and quoted line breaks', () => {
  const result = importCsv(fixture('semicolon-bom.csv'));

  it('reads European numbers and dates and names the physical lines', () => {
    expect([result.format, result.delimiter, result.rejected]).toEqual(['generic', ';', []]);
    expect(result.opportunities.map((o) => [o.id, o.name, o.amount, o.currency, o.createdDate, o.closeDate, o.isClosed, o.isWon])).toEqual([
      ['1', 'Müller; Söhne GmbH – Rollout', 1234.5, 'EUR', '2024-01-03', '2024-02-15', true, true],
      ['2', 'Bäckerei Huber', 12500, null, '2024-01-10', '2024-03-01', true, false],
      ['3', 'Fromagerie', 2000, 'EUR', '2024-02-05', '2024-04-30', false, false],
      ['4', 'Zürich AG', 3500, 'EUR', '2024-02-12', '2024-03-28', true, true],
    ]);
    expect(result.opportunities.map((o) => o.attributes.notes)).toEqual(['Line one\r\nline two; with semicolon', 'He said "call me"', null, null]);
    expect(result.warnings).toEqual([
      'Value writes decimals both ways: 1 value "€3.5k" (line 6) uses "." while the column\'s decimal separator is ","; each value is read by its own separators.',
      'Value: "12.500" (line 4) could be read two ways; read as 12500 because the column writes "," as its decimal separator (as in "1.234,50 €", line 2).',
    ]);
  });

  it('takes the default currency when nothing else says', () => {
    const amounts = importCsv(fixture('semicolon-bom.csv'), { defaultCurrency: 'chf' }).opportunities.map((o) => o.currency);
    expect(amounts).toEqual(['EUR', 'CHF', 'EUR', 'EUR']);
  });
});

describe('importCsv: bad rows', () => {
  const result = importCsv(fixture('bad-rows.csv'));

  it('rejects every unusable row with its line and a reason naming field and value', () => {
    expect(result.rejected.map(formatRejection)).toEqual([
      'line 3: close_date "31/02/2024" is not a date (February has no day 31)',
      'line 4: id is empty',
      'line 5: id "A1" repeats line 2',
      'line 6: stage "Closed" does not say whether the deal was won or lost',
      'line 7: has 5 fields but the header has 7',
      'line 9: stage is empty, so the outcome is unknown',
      'line 12: the quoted field in column 2 (name) opened on line 12 has no closing quote',
    ]);
    expect(result.opportunities.map((o) => o.id)).toEqual(['A1', 'A7', 'A9', 'A10', 'A12']);
  });

  it('keeps rows whose optional values do not read, and reports them once per column', () => {
    expect(result.warnings).toEqual([
      'amount: 1 value could not be read as amounts (line 8 "12..5")',
      'employees: 1 value could not be read as numbers (line 8 "lots")',
      'close_date: 1 value could not be read as dates (line 10 "2024-02-30")',
      'created: 1 value could not be read as dates (line 11 "someday")',
      '1 row repeats an id of earlier rows and was rejected; the first row of each id is kept.',
    ]);
    const a7 = byId(result.opportunities, 'A7');
    expect([a7.amount, a7.attributes.employees, a7.closeDate]).toEqual([null, null, '2024-03-01']);
    expect(byId(result.opportunities, 'A9').closeDate).toBeNull();
    expect(byId(result.opportunities, 'A10').createdDate).toBeNull();
  });
});

describe('importCsv: small worked examples', () => {
  it('aggregates unreadable values of a column into one warning', () => {
    const rows = Array.from({ length: 22 }, (_, i) => `${i + 1},Won,${[3, 8, 21].includes(i + 2) ? `bad${i + 2}` : String(10 * (i + 1))}`);
    const result = importCsv(['id,stage,Employees', ...rows].join('\n'));
    expect(result.warnings).toEqual(['Employees: 3 values could not be read as numbers (line 3 "bad3", line 8 "bad8", line 21 "bad21")']);
    expect(result.fields).toEqual([{ key: 'employees', label: 'Employees', kind: 'number', coverage: 19 / 22 }]);
  });

  it('shows five lines and counts the rest', () => {
    const rows = Array.from({ length: 8 }, (_, i) => `${i + 1},Won,x${i}`);
    const result = importCsv(['id,stage,amount', ...rows].join('\n'));
    expect(result.warnings).toEqual([
      'amount: 8 values could not be read as amounts (line 2 "x0", line 3 "x1", line 4 "x2", line 5 "x3", line 6 "x4", and 3 more)',
    ]);
  });

  it('assumes MM/DD when no date decides, and reports it', () => {
    const result = importCsv('id,stage,close date\n1,Won,03/04/2024\n2,Lost,05/06/2024\n');
    expect([result.dateOrder, result.dateOrderBasis]).toEqual(['MDY', 'assumed']);
    expect(result.opportunities.map((o) => o.closeDate)).toEqual(['2024-03-04', '2024-05-06']);
    expect(result.warnings[0]).toMatch(/^Dates are read as MM\/DD\/YYYY by assumption/);
  });

  it('agrees on one order across date columns', () => {
    const result = importCsv('id,stage,created,close date\n1,Won,03/04/2024,25/04/2024\n2,Lost,05/06/2024,07/08/2024\n');
    expect([result.dateOrder, result.dateOrderBasis]).toEqual(['DMY', 'values']);
    expect(result.opportunities.map((o) => [o.createdDate, o.closeDate])).toEqual([
      ['2024-04-03', '2024-04-25'],
      ['2024-06-05', '2024-08-07'],
    ]);
  });

  it('follows the caller on the date order, and rejects what does not fit it', () => {
    const result = importCsv('id,stage,close date\n1,Won,03/04/2024\n2,Lost,03/27/2024\n', { dateOrder: 'DMY' });
    expect(result.opportunities.map((o) => o.closeDate)).toEqual(['2024-04-03']);
    expect(result.rejected).toEqual([{ line: 3, reason: 'close date "03/27/2024" is not a date (27 is not a month, and dates here are read as DD/MM/YYYY)' }]);
  });

  it('reads probabilities written as percents or fractions', () => {
    const percent = importCsv('id,stage,probability\n1,Won,75%\n2,Won,75\n3,Won,1\n4,Won,140\n');
    expect(percent.opportunities.map((o) => o.probability)).toEqual([0.75, 0.75, 0.01, null]);
    expect(percent.warnings).toEqual(['probability: 1 value could not be read as probabilities between 0 and 100% (line 5 "140")']);
    const fraction = importCsv('id,stage,probability\n1,Won,0.75\n2,Won,1\n');
    expect(fraction.opportunities.map((o) => o.probability)).toEqual([0.75, 1]);
  });

  it('reads Won without Closed: closed when won or when the stage says so', () => {
    const result = importCsv('id,Won,Stage\n1,yes,Negotiation\n2,no,Closed Lost\n3,no,Negotiation\n');
    expect(result.opportunities.map((o) => [o.isClosed, o.isWon])).toEqual([
      [true, true],
      [true, false],
      [false, false],
    ]);
  });

  it('reads an outcome column of won/lost words', () => {
    const result = importCsv('deal_id,result,amount\nd1,Won,10\nd2,Lost,20\n');
    expect(result.opportunities.map((o) => [o.id, o.isClosed, o.isWon])).toEqual([
      ['d1', true, true],
      ['d2', true, false],
    ]);
    // A lone Result of Won/Lost is the outcome column (issue 15): Lost is lost, an empty cell would be open.
    expect(result.warnings).toEqual([]);
    expect(result.outcome).toMatchObject({ label: 'result', won: 'Won', basis: 'recognized' });
  });

  it('reports stages that are neither open nor outcome words as open stages', () => {
    const result = importCsv('id,status\n1,Discovery\n2,Demo\n3,Discovery\n');
    expect(result.openStages).toEqual(['Discovery', 'Demo']);
    expect(result.warnings).toEqual(['No deal is closed (won or lost), so Win Potential has nothing to learn from yet.']);
  });

  it('types candidate attributes from their values', () => {
    const result = importCsv(
      [
        'id,stage,Partner,Seats,Signed On,Zip,Champion,Tier',
        '1,Won,Yes,10,2024-01-05,02134,x,Gold',
        '2,Lost,No,"1,200",2024-02-05,10001,,Silver',
        '3,Won,yes,7,2024-03-05,94105,x,Gold',
      ].join('\n'),
    );
    expect(result.fields.map((f) => [f.key, f.kind])).toEqual([
      ['partner', 'boolean'],
      ['seats', 'number'],
      ['signedOn', 'date'],
      ['zip', 'category'],
      ['champion', 'boolean'],
      ['tier', 'category'],
    ]);
    expect(result.opportunities.map((o) => o.attributes)).toEqual([
      { partner: true, seats: 10, signedOn: '2024-01-05', zip: '02134', champion: true, tier: 'Gold' },
      { partner: false, seats: 1200, signedOn: '2024-02-05', zip: '10001', champion: false, tier: 'Silver' },
      { partner: true, seats: 7, signedOn: '2024-03-05', zip: '94105', champion: true, tier: 'Gold' },
    ]);
  });

  it('keeps employee ranges as categories rather than losing them', () => {
    const result = importCsv('id,stage,Employees\n1,Won,51-200\n2,Lost,1-10\n3,Won,120\n');
    expect(result.fields).toEqual([{ key: 'employees', label: 'Employees', kind: 'category', coverage: 1 }]);
    expect(result.opportunities.map((o) => o.attributes.employees)).toEqual(['51-200', '1-10', '120']);
  });

  it('marks the source it is told', () => {
    expect(importCsv('id,stage\n1,Won\n', { source: 'sandbox' }).opportunities[0]?.source).toBe('sandbox');
  });

  it('leaves columns without values out of the attributes and says so', () => {
    const result = importCsv('id,stage,Notes,Region\n1,Won,,EMEA\n2,Lost,,\n');
    expect(result.fields).toEqual([]);
    expect(result.mapping.map((m) => m.target)).toEqual([
      { kind: 'field', field: 'id' },
      { kind: 'field', field: 'stage' },
      { kind: 'ignored', reason: 'no values' },
      { kind: 'field', field: 'territory' },
    ]);
    expect(result.warnings).toEqual(['Columns with no values: Notes.']);
  });

  it('makes ids from line numbers when there is no id column', () => {
    const result = importCsv('Seller,Status\nAna,Won\nBo,Lost\n');
    expect(result.opportunities.map((o) => [o.id, o.name, o.owner])).toEqual([
      ['line-2', 'line-2', { id: 'Ana', name: 'Ana' }],
      ['line-3', 'line-3', { id: 'Bo', name: 'Bo' }],
    ]);
    expect(result.warnings[0]).toMatch(/^No id column .*such as "line-2"/);
  });

  it('warns when the amount is recorded only at the close', () => {
    const rows = Array.from({ length: 12 }, (_, i) => `${i},Lost,0`).concat(['w1,Won,500', 'o1,Open,']);
    const result = importCsv(['id,stage,close_value', ...rows].join('\n'));
    expect(result.warnings).toEqual([
      'close_value is 0 or empty on all 12 lost deals but set on won deals: it is recorded at the close, so it must not be used to predict wins.',
    ]);
  });

  it('accepts a header-only file with a warning', () => {
    const result = importCsv('id,stage\n');
    expect([result.opportunities, result.rejected, result.warnings]).toEqual([[], [], ['The file has a header but no data rows.']]);
  });
});

describe('importCsv: files that cannot be imported', () => {
  const errorOf = (text: string): CsvImportError => {
    try {
      importCsv(text);
    } catch (e) {
      if (e instanceof CsvImportError) return e;
      throw e;
    }
    throw new Error('expected a CsvImportError');
  };

  it('names the missing outcome and the headers it saw', () => {
    const e = errorOf('id,name,amount\n1,A,10\n');
    expect(e.message).toBe(
      'No column says whether a deal is won, lost or open: expected a Won or Closed yes/no column, or a Stage or Status column ' +
        'with values such as "Closed Won", "Closed Lost" or an open stage. Headers found: id, name, amount.',
    );
    expect(e.headers).toEqual(['id', 'name', 'amount']);
  });

  it('refuses an id column that is empty everywhere', () => {
    expect(errorOf('Opportunity ID,Stage\n,Won\n ,Lost\n').message).toBe(
      'The id column "Opportunity ID" is empty on every row, so deals cannot be told apart. Headers found: Opportunity ID, Stage.',
    );
  });

  it('refuses outcome columns that are empty everywhere', () => {
    expect(errorOf('id,Stage,Won\n1,,\n2,,\n').message).toBe('The outcome columns (Won, Stage) are empty on every row. Headers found: id, Stage, Won.');
  });

  it('refuses an empty file', () => {
    expect(errorOf('').message).toBe('The file is empty: there is no header line.');
  });
});
