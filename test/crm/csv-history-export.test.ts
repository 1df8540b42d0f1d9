/**
 * The history export reader (lib/crm/csv/history-export.ts) and its join to the opportunity
 * export (history-join.ts): both Salesforce shapes read to dated changes, same-value rows
 * entering nothing, bad rows rejected with their line and field, hostile text kept as text,
 * and the join by id, by name, and refused with one line when no column joins.
 */
import { describe, expect, it } from 'vitest';
import { CsvImportError } from '../../lib/crm/csv/errors';
import { readHistoryExport } from '../../lib/crm/csv/history-export';
import { joinHistory } from '../../lib/crm/csv/history-join';
import { opp } from '../engine/helpers';

/** The Opportunity History report's shape: one row per save, the then-current values of every tracked field. */
const SNAPSHOT = [
  'Opportunity ID,Opportunity Name,From Stage,To Stage,Amount,Probability (%),Close Date,Last Modified',
  '006000000000001AAA,Acme renewal,,Prospecting,"$10,000.00",10%,3/1/2026,1/1/2026',
  '006000000000001AAA,Acme renewal,Prospecting,Qualification,"$10,000.00",20%,3/1/2026,1/20/2026',
  // Close date pushed: the stage stays, so no stage is entered.
  '006000000000001AAA,Acme renewal,Qualification,Qualification,"$10,000.00",20%,3/31/2026,2/15/2026',
  '006000000000001AAA,Acme renewal,Qualification,Proposal,"$12,500.00",50%,3/31/2026,3/15/2026',
  '006000000000002AAA,Beta pilot,,Prospecting,"$5,000.00",10%,4/30/2026,2/1/2026',
].join('\n');

/** The Opportunity Field History report's shape: one row per changed field. */
const FIELD_HISTORY = [
  'Opportunity ID,Opportunity Name,Field / Event,Old Value,New Value,Edit Date',
  '006000000000001AAA,Acme renewal,Created.,,,2026-01-01',
  '006000000000001AAA,Acme renewal,Stage,Prospecting,Qualification,2026-01-20',
  '006000000000001AAA,Acme renewal,Close Date,3/1/2026,3/31/2026,2026-02-15',
  '006000000000001AAA,Acme renewal,Amount,"USD 10,000.00","USD 12,500.00",2026-03-15',
  '006000000000001AAA,Acme renewal,Probability (%),20,50,2026-03-15',
  '006000000000001AAA,Acme renewal,Next Step,call,send quote,2026-03-16',
].join('\n');

describe('readHistoryExport: the Opportunity History report (snapshot rows)', () => {
  const read = readHistoryExport(SNAPSHOT);

  it('reads each deal’s stage entries, close dates, amounts and probabilities with their days, a repeated value entering nothing', () => {
    expect(read.shape).toBe('snapshot');
    expect(read.idColumn).toBe('Opportunity ID');
    expect(read.nameColumn).toBe('Opportunity Name');
    expect(read.rows).toBe(5);
    expect(read.rejected).toEqual([]);
    expect(read.deals.map((d) => [d.id, d.name])).toEqual([
      ['006000000000001AAA', 'Acme renewal'],
      ['006000000000002AAA', 'Beta pilot'],
    ]);
    expect(read.deals[0]?.changes).toEqual({
      stages: [
        { value: 'Prospecting', at: '2026-01-01' },
        { value: 'Qualification', at: '2026-01-20' },
        { value: 'Proposal', at: '2026-03-15' },
      ],
      closeDates: [
        { value: '2026-03-01', at: '2026-01-01' },
        { value: '2026-03-31', at: '2026-02-15' },
      ],
      amounts: [
        { value: 10_000, at: '2026-01-01' },
        { value: 12_500, at: '2026-03-15' },
      ],
      probabilities: [
        { value: 0.1, at: '2026-01-01' },
        { value: 0.2, at: '2026-01-20' },
        { value: 0.5, at: '2026-03-15' },
      ],
      before: {},
    });
  });

  it('reads a report sorted newest first in time order', () => {
    const [header, ...rows] = SNAPSHOT.split('\n');
    const reversed = readHistoryExport([header, ...rows.reverse()].join('\n'));
    expect(reversed.deals.find((d) => d.id === '006000000000001AAA')?.changes.stages.map((s) => s.value)).toEqual(['Prospecting', 'Qualification', 'Proposal']);
  });

  it('reads the OpportunityHistory object as exported (API names, CreatedDate as the day of the change, 0..100 probabilities)', () => {
    const object = readHistoryExport(
      [
        'Id,OpportunityId,StageName,Amount,Probability,CloseDate,ExpectedRevenue,ForecastCategory,CreatedDate',
        '008000000000001AAA,006000000000009AAA,Prospecting,1000,10,2026-05-01,100,Pipeline,2026-01-05T10:00:00.000Z',
        '008000000000002AAA,006000000000009AAA,Negotiation,1000,90,2026-05-01,900,Commit,2026-02-05T10:00:00.000Z',
      ].join('\n'),
    );
    // The history record's own Id is not the deal's.
    expect(object.idColumn).toBe('OpportunityId');
    expect(object.deals).toHaveLength(1);
    expect(object.deals[0]?.changes.stages).toEqual([
      { value: 'Prospecting', at: '2026-01-05' },
      { value: 'Negotiation', at: '2026-02-05' },
    ]);
    expect(object.deals[0]?.changes.probabilities.map((p) => p.value)).toEqual([0.1, 0.9]);
  });
});

describe('readHistoryExport: the values before a snapshot row', () => {
  it('reads a deal’s first From Stage, Previous Amount and Previous Close Date as its values before, later ones as nothing new', () => {
    const read = readHistoryExport(
      [
        'Opportunity ID,From Stage,To Stage,Previous Amount,Amount,Previous Close Date,Close Date,Last Modified',
        '006000000000001AAA,Prospecting,Qualification,900,1000,2026-04-01,2026-05-01,2026-01-10',
        '006000000000001AAA,Qualification,Proposal,1000,1000,2026-05-01,2026-05-01,2026-02-10',
      ].join('\n'),
    );
    expect(read.rejected).toEqual([]);
    expect(read.deals[0]?.changes).toMatchObject({
      stages: [
        { value: 'Qualification', at: '2026-01-10' },
        { value: 'Proposal', at: '2026-02-10' },
      ],
      amounts: [{ value: 1000, at: '2026-01-10' }],
      closeDates: [{ value: '2026-05-01', at: '2026-01-10' }],
      before: { stage: 'Prospecting', amount: 900, closeDate: '2026-04-01' },
    });
  });
});

describe('readHistoryExport: the Opportunity Field History report (Field / Event, Old Value, New Value)', () => {
  const read = readHistoryExport(FIELD_HISTORY);

  it('reads each change of a tracked field on its Edit Date, and each field’s first Old Value as its value before', () => {
    expect(read.shape).toBe('fieldHistory');
    expect(read.rejected).toEqual([]);
    expect(read.deals).toHaveLength(1);
    expect(read.deals[0]?.changes).toEqual({
      stages: [{ value: 'Qualification', at: '2026-01-20' }],
      closeDates: [{ value: '2026-03-31', at: '2026-02-15' }],
      amounts: [{ value: 12_500, at: '2026-03-15' }],
      probabilities: [{ value: 0.5, at: '2026-03-15' }],
      before: { stage: 'Prospecting', closeDate: '2026-03-01', amount: 10_000, probability: 0.2 },
      createdAt: '2026-01-01',
    });
  });

  it('says how many rows name a field it does not read', () => {
    expect(read.warnings).toContain('1 row of Field / Event names a field other than Stage, Close Date, Amount or Probability: not read.');
  });
});

describe('readHistoryExport: bad rows and hostile text', () => {
  it('rejects a row with its line and the field and value it cannot read, and reads the rest', () => {
    const read = readHistoryExport(
      [
        'Opportunity ID,Field / Event,Old Value,New Value,Edit Date',
        '006000000000001AAA,Close Date,3/1/2026,soon,2026-02-15',
        '006000000000001AAA,Amount,100,lots,2026-02-16',
        ',Stage,Prospecting,Qualification,2026-02-17',
        '006000000000001AAA,Stage,Prospecting,Qualification,yesterday',
        '006000000000001AAA,Probability (%),20,150,2026-02-18',
        '006000000000001AAA,Stage,Prospecting,Proposal,',
        '006000000000001AAA,Stage,Prospecting,Qualification,2026-02-19',
      ].join('\n'),
    );
    expect(read.rejected).toEqual([
      { line: 2, reason: 'New Value of Close Date "soon" is not a date' },
      { line: 3, reason: 'New Value of Amount "lots" is not a number' },
      { line: 4, reason: 'Opportunity ID is empty' },
      { line: 5, reason: 'Edit Date "yesterday" is not a date' },
      { line: 6, reason: 'New Value of Probability (%) "150" is not between 0 and 100%' },
      { line: 7, reason: 'Edit Date is empty' },
    ]);
    expect(read.deals[0]?.changes.stages).toEqual([{ value: 'Qualification', at: '2026-02-19' }]);
  });

  it('rejects a snapshot row whose amount does not read, naming the column', () => {
    const read = readHistoryExport(
      ['Opportunity ID,Stage,Amount,Last Modified', '006000000000001AAA,Prospecting,n/a,2026-01-01', '006000000000001AAA,Proposal,ten,2026-01-05'].join('\n'),
    );
    expect(read.rejected).toEqual([{ line: 3, reason: 'Amount "ten" is not a number' }]);
    expect(read.deals[0]?.changes.amounts).toEqual([]);
  });

  it('keeps hostile text as text: a formula or markup is a stage name, __proto__ and constructor are deal names', () => {
    const read = readHistoryExport(
      ['Opportunity Name,Stage,Last Modified', '__proto__,=HYPERLINK("x"),2026-01-01', 'constructor,"<img src=x onerror=alert(1)>",2026-01-02'].join('\n'),
    );
    expect(read.deals.map((d) => [d.name, d.changes.stages[0]?.value])).toEqual([
      ['__proto__', '=HYPERLINK("x")'],
      ['constructor', '<img src=x onerror=alert(1)>'],
    ]);
  });

  it('refuses a file with no opportunity column, or no date, naming what is missing and the headers seen', () => {
    expect(() => readHistoryExport('Stage,Last Modified\nProspecting,2026-01-01')).toThrow(
      new CsvImportError(
        'The history has no "Opportunity ID" or "Opportunity Name" column to join its rows to the opportunities. Headers found: Stage, Last Modified.',
        ['Stage', 'Last Modified'],
      ),
    );
    expect(() => readHistoryExport('Opportunity ID,Stage\n006000000000001AAA,Prospecting')).toThrow(
      /^The history has no date column \("Edit Date", "Last Modified" or "Created Date"\): nothing says when each change was made\. Headers found: Opportunity ID, Stage\.$/,
    );
    expect(() => readHistoryExport('Opportunity ID,Owner,Last Modified\n006000000000001AAA,Ann,2026-01-01')).toThrow(
      /^The history has neither "Field \/ Event"/,
    );
  });
});

describe('joinHistory', () => {
  const deals = [
    opp('006000000000001AAA', true, { name: 'Acme renewal' }),
    opp('006000000000003AAA', false, { name: 'Gamma' }),
    opp('006000000000004AAA', false, { name: 'Gamma' }),
  ];

  it('joins by Opportunity ID when both files have ids, and counts the deals no opportunity has', () => {
    const join = joinHistory(readHistoryExport(SNAPSHOT), { opportunities: deals, hasIds: true, hasNames: true });
    expect(join).toMatchObject({ by: 'id', column: 'Opportunity ID', joined: 1, unmatched: 1, ambiguous: 0 });
    expect([...join.changes.keys()]).toEqual(['006000000000001AAA']);
  });

  it('matches a report’s 15-character Salesforce ids to the API’s 18-character ones', () => {
    const history = readHistoryExport('Opportunity ID,Stage,Last Modified\n006000000000001,Prospecting,2026-01-01\n006000000000005,Prospecting,2026-01-01');
    const join = joinHistory(history, { opportunities: deals, hasIds: true, hasNames: true });
    expect(join).toMatchObject({ joined: 1, unmatched: 1 });
    expect([...join.changes.keys()]).toEqual(['006000000000001AAA']);
  });

  it('joins by exact name when the opportunity export has no ids, a name two opportunities share matching neither', () => {
    const lineIds = deals.map((o, i) => ({ ...o, id: `line-${i + 2}` }));
    const history = readHistoryExport(
      [
        'Opportunity Name,Stage,Last Modified',
        'Acme renewal,Prospecting,2026-01-01',
        'Gamma,Prospecting,2026-01-01',
        'acme renewal,Prospecting,2026-01-01',
      ].join('\n'),
    );
    const join = joinHistory(history, { opportunities: lineIds, hasIds: false, hasNames: true });
    expect(join).toMatchObject({ by: 'name', column: 'Opportunity Name', joined: 1, unmatched: 1, ambiguous: 1 });
    expect([...join.changes.keys()]).toEqual(['line-2']);
  });

  it('refuses with one line naming the column when no column joins the files', () => {
    const byIdOnly = readHistoryExport('Opportunity ID,Stage,Last Modified\n006000000000001AAA,Prospecting,2026-01-01');
    expect(() => joinHistory(byIdOnly, { opportunities: deals, hasIds: false, hasNames: true })).toThrow(
      new CsvImportError(
        'the history can be joined only by its "Opportunity ID" column, and the opportunity export has no id column (such as "Opportunity ID"): export the opportunities with their ids, or the history with "Opportunity Name"',
      ),
    );
  });
});
