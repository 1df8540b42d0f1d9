/**
 * The outcome read from one won/lost column (issue 15): recognized by name and values,
 * chosen by the user, refused with the candidates named when it cannot be told.
 */
import { describe, expect, it } from 'vitest';
import { CsvImportError } from '../../lib/crm/csv/errors';
import { importCsv, type ImportOptions } from '../../lib/crm/csv/import';
import { isOutcomeName, MAX_OUTCOME_CANDIDATES, OutcomeUnknownError } from '../../lib/crm/csv/outcome-column';
import { asksAboutOutcome, reviewCsv } from '../../lib/crm/csv/review';

const outcomes = (text: string, options?: ImportOptions) =>
  importCsv(text, options).opportunities.map((o) => (!o.isClosed ? 'open' : o.isWon ? 'won' : 'lost'));

function refusal(text: string, options?: ImportOptions): CsvImportError {
  try {
    importCsv(text, options);
  } catch (e) {
    if (e instanceof CsvImportError) return e;
    throw e;
  }
  throw new Error('expected a CsvImportError');
}

describe('outcome columns recognized by name and values', () => {
  const pairs: Array<[header: string, won: string, lost: string]> = [
    ['Opportunity Result', 'Won', 'Loss'],
    ['Result', 'Won', 'Lost'],
    ['Deal Outcome', 'Win', 'Loss'],
    ['Converted', '1', '0'],
    ['Won', 'Yes', 'No'],
    ['Outcome', 'Y', 'N'],
    ['Lead Status', 'True', 'False'],
    ['isConverted', 'Converted', 'Not converted'],
    ['Deal Result', 'Closed Won', 'Closed Lost'],
  ];
  it.each(pairs)('%s of %s / %s', (header, won, lost) => {
    const text = `id,${header},Segment\n1,${won},Retail\n2,${lost},Public\n3,${lost},Retail\n4,,Public\n`;
    const result = importCsv(text);
    expect(outcomes(text)).toEqual(['won', 'lost', 'lost', 'open']);
    expect(result.outcome).toEqual({
      column: 1,
      header,
      label: header,
      won,
      values: [
        { value: won, rows: 1 },
        { value: lost, rows: 2 },
      ],
      emptyRows: 1,
      basis: 'recognized',
    });
    // The outcome column is no attribute: never a feature.
    expect(result.fields.map((f) => f.label)).toEqual(['Segment']);
    expect(result.mapping[1]?.target).toEqual({ kind: 'outcome' });
    expect(result.stageMap).toEqual([]);
  });

  it('reads the values in any case and spacing', () => {
    expect(outcomes('id,Result\n1,WON\n2, lost \n3,won\n')).toEqual(['won', 'lost', 'won']);
  });

  it('keeps the Stage column first, as before', () => {
    const result = importCsv('id,Stage,Converted\n1,Closed Won,1\n2,Negotiation,0\n3,Closed Lost,0\n');
    expect(result.outcome).toBeNull();
    expect(result.opportunities.map((o) => [o.isClosed, o.isWon])).toEqual([
      [true, true],
      [false, false],
      [true, false],
    ]);
  });

  it('reads a Status column of 1/0 as the outcome, not as two open stages', () => {
    const text = 'id,Status\n1,1\n2,0\n3,0\n';
    expect(outcomes(text)).toEqual(['won', 'lost', 'lost']);
    expect(importCsv(text).outcome).toMatchObject({ label: 'Status', won: '1', basis: 'recognized' });
  });

  it('reads a Status of Success/Failure as the outcome: as stage names both would be open', () => {
    expect(outcomes('id,Status\n1,Success\n2,Failure\n')).toEqual(['won', 'lost']);
  });

  it('still reads a Status of Won/Lost as stages', () => {
    const result = importCsv('id,Status\n1,Won\n2,Lost\n');
    expect(result.outcome).toBeNull();
    expect(result.stageMap.map((e) => [e.stage, e.outcome])).toEqual([
      ['Won', 'won'],
      ['Lost', 'lost'],
    ]);
  });

  it('keeps a lone Won flag that is no pair as it was: not won is open', () => {
    const result = importCsv('id,Won\n1,Yes\n2,\n');
    expect(result.outcome).toBeNull();
    expect(result.opportunities.map((o) => [o.isClosed, o.isWon])).toEqual([
      [true, true],
      [false, false],
    ]);
    expect(result.warnings).toContain('Won has no Closed or Stage column beside it: deals that are not won are read as open, not lost.');
  });

  it('tells outcome names from others', () => {
    expect(['Opportunity Result', 'Converted', 'Lead Status', 'won_lost', 'Final Outcome', 'WinLoss'].map(isOutcomeName)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['Payment Status', 'Do Not Email', 'Won Date', 'Result Notes', 'Search'].map(isOutcomeName)).toEqual([false, false, false, false, false]);
  });
});

describe('outcome that cannot be told: refused with the candidates named', () => {
  it('refuses two candidate columns, naming both and --outcome', () => {
    const e = refusal('id,Won,Converted\n1,Yes,1\n2,No,0\n');
    expect(e).toBeInstanceOf(OutcomeUnknownError);
    expect(e.message).toBe(
      '2 columns could say whether a deal is won: Won (Yes/No), Converted (1/0). Name the one to use with --outcome COLUMN[:WON_VALUE], as in --outcome "Won".',
    );
    expect((e as OutcomeUnknownError).candidates.map((c) => [c.label, c.suggestedWon, c.named, c.pair])).toEqual([
      ['Won', 'Yes', true, true],
      ['Converted', '1', true, true],
    ]);
  });

  it('refuses 1/0 under a name that does not say outcome, offering the column', () => {
    const e = refusal('id,Flag,Segment\n1,1,Retail\n2,0,Public\n3,0,Energy\n');
    expect(e).toBeInstanceOf(OutcomeUnknownError);
    expect(e.message).toBe(
      'No column says whether a deal is won, lost or open: expected a Won or Closed yes/no column, or a Stage or Status column with values such as ' +
        '"Closed Won", "Closed Lost" or an open stage. Columns that could hold it: Flag (0/1), Segment (Retail/Public/Energy); ' +
        'name one with --outcome COLUMN[:WON_VALUE]. Headers found: id, Flag, Segment.',
    );
    expect((e as OutcomeUnknownError).candidates.map((c) => [c.label, c.suggestedWon])).toEqual([
      ['Flag', '1'],
      ['Segment', null],
    ]);
  });

  it('refuses an outcome name whose values are no pair', () => {
    const e = refusal('id,Result\n1,A\n2,B\n3,A\n');
    expect(e.message).toMatch(/^No column says whether a deal is won, lost or open: .*Columns that could hold it: Result \(A\/B\); name one with --outcome/);
  });
});

describe('the outcome chosen: --outcome COLUMN[:WON_VALUE], the preview picker', () => {
  it('reads the chosen column with its won value; other values lost, empty open', () => {
    const text = 'id,Flag,Segment\n1,1,Retail\n2,0,Public\n3,,Energy\n';
    const result = importCsv(text, { outcome: { column: 'flag', won: '1' } });
    expect(outcomes(text, { outcome: { column: 'flag', won: '1' } })).toEqual(['won', 'lost', 'open']);
    expect(result.outcome).toMatchObject({ column: 1, label: 'Flag', won: '1', basis: 'chosen', emptyRows: 1 });
    expect(result.fields.map((f) => f.label)).toEqual(['Segment']);
  });

  it('recognizes the won value when the choice does not say it', () => {
    const text = 'id,Won,Converted\n1,Yes,0\n2,No,1\n';
    expect(outcomes(text, { outcome: { column: 'Converted' } })).toEqual(['lost', 'won']);
    // The Won flag beside it is ignored, never a feature.
    const result = importCsv(text, { outcome: { column: 'Converted' } });
    expect(result.mapping[1]?.target).toEqual({ kind: 'ignored', reason: 'the outcome is read from Converted' });
    expect(result.fields).toEqual([]);
  });

  it('keeps a second won/lost attribute out of the features', () => {
    const result = importCsv('id,Converted,Deal Result\n1,1,Won\n2,0,Lost\n', { outcome: { column: 'Converted' } });
    expect(result.leakyAttributes).toEqual([{ key: 'dealResult', label: 'Deal Result', reason: 'is a second won/lost column beside the outcome (Converted)' }]);
  });

  it('reads a Result of other words as chosen, with no warning that it is kept as an attribute', () => {
    const result = importCsv('id,Result\n1,A\n2,B\n', { outcome: { column: 'Result', won: 'A' } });
    expect(result.opportunities.map((o) => o.isWon)).toEqual([true, false]);
    expect(result.warnings).toEqual([]);
  });

  it('any value can mean won, the rest lost', () => {
    expect(outcomes('id,Tier\n1,Gold\n2,Silver\n3,Bronze\n', { outcome: { column: 'Tier', won: 'silver' } })).toEqual(['lost', 'won', 'lost']);
  });

  it('overrides a Stage column when the user says so', () => {
    const text = 'id,Stage,Paid\n1,Negotiation,yes\n2,Closed Won,no\n';
    const result = importCsv(text, { outcome: { column: 'Paid' } });
    expect(outcomes(text, { outcome: { column: 'Paid' } })).toEqual(['won', 'lost']);
    expect(result.stageMap).toEqual([]);
  });

  it('finds a header holding ":" whole', () => {
    expect(outcomes('id,Result: final\n1,Won\n2,Lost\n', { outcome: { column: 'Result', won: ' final' } })).toEqual(['won', 'lost']);
  });

  it('names a column that is not there and lists the headers', () => {
    expect(refusal('id,Result\n1,Won\n', { outcome: { column: 'Outcome' } }).message).toBe(
      'No column is called "Outcome", so it cannot give the outcome. Headers found: id, Result.',
    );
  });

  it('names a won value that is not among the values and lists them', () => {
    expect(refusal('id,Converted\n1,1\n2,0\n3,0\n', { outcome: { column: 'Converted', won: 'yes' } }).message).toBe(
      '"yes" is not a value of Converted: its values are "0" (2), "1" (1).',
    );
  });

  it('asks for the won value when none reads as won', () => {
    expect(refusal('id,Tier\n1,Gold\n2,Silver\n', { outcome: { column: 'Tier' } }).message).toBe(
      'Cannot tell which value of Tier means won: its values are "Gold" (1), "Silver" (1); name it, as in --outcome "Tier:Gold".',
    );
  });
});

describe('reviewCsv: the outcome for the import preview', () => {
  it('asks instead of refusing when some column could hold the outcome, with counts read by the likeliest', () => {
    const reply = reviewCsv('Deal,Flag,Segment\nd1,1,Retail\nd2,0,Public\nd3,0,Retail\n');
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.review).toMatchObject({ opportunities: 3, outcome: null, outcomeUnknown: true });
    expect(reply.review.outcomeCandidates.map((c) => [c.header, c.suggestedWon, c.emptyRows])).toEqual([
      ['Flag', '1', 0],
      ['Segment', null, 0],
    ]);
    expect(asksAboutOutcome(reply.review)).toBe(true);
  });

  it('says the recognized column, and asks nothing of a file read by its stages', () => {
    const recognized = reviewCsv('id,Converted\n1,1\n2,0\n');
    expect(recognized.ok && [recognized.review.outcome?.label, recognized.review.outcomeUnknown]).toEqual(['Converted', false]);
    const staged = reviewCsv('id,Stage\n1,Closed Won\n2,Negotiation\n');
    expect(staged.ok && asksAboutOutcome(staged.review)).toBe(false);
  });

  it('refuses as before a file no column of which could hold the outcome', () => {
    expect(reviewCsv('id,name\n1,A\n')).toEqual({
      ok: false,
      message:
        'No column says whether a deal is won, lost or open: expected a Won or Closed yes/no column, or a Stage or Status column with values such as "Closed Won", "Closed Lost" or an open stage. Headers found: id, name.',
    });
  });
});

describe('outcome candidates of a wide file', () => {
  it('offers at most MAX_OUTCOME_CANDIDATES columns, the named pairs first', () => {
    const flags = Array.from({ length: 150 }, (_, i) => `Flag ${i}`);
    const header = ['id', ...flags, 'Won', 'Converted'].join(',');
    const rows = ['1', '2'].map((id, r) => [id, ...flags.map(() => String(r)), r ? 'No' : 'Yes', String(1 - r)].join(','));
    const e = refusal([header, ...rows].join('\n'));
    expect(e).toBeInstanceOf(OutcomeUnknownError);
    const candidates = (e as OutcomeUnknownError).candidates;
    expect(candidates).toHaveLength(MAX_OUTCOME_CANDIDATES);
    expect(candidates.slice(0, 3).map((c) => c.label)).toEqual(['Won', 'Converted', 'Flag 0']);
  });
});
