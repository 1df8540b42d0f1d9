import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../lib/crm/csv/parse';
import type { DealsightDb } from '../../lib/store/db';
import { EXPORT_HEADER, exportScoredCsv, neutralizeFormula, replaceConnectionData, saveScores } from '../../lib/store/repo';
import { connection, freshDb, mapping, opp, score } from './helpers';

let db: DealsightDb;
beforeEach(() => {
  ({ db } = freshDb());
});
afterEach(() => db.close());

describe('neutralizeFormula', () => {
  it('prefixes an apostrophe to text a spreadsheet would run', () => {
    expect(['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx'].map(neutralizeFormula)).toEqual(["'=1+1", "'+1", "'-2", "'@SUM(A1)", "'\tx", "'\rx"]);
    expect(['Acme', ' =1', 'a=b', "'quoted", ''].map(neutralizeFormula)).toEqual(['Acme', ' =1', 'a=b', "'quoted", '']);
  });

  it('neutralizes a formula after any list separator or line break inside the text, once', () => {
    expect(["Acme;=cmd|' /C calc'!A0", 'a,+1', 'a\t@SUM(A1)', 'a; -2', 'a\n=1', 'a,\t=1'].map(neutralizeFormula)).toEqual([
      "Acme;'=cmd|' /C calc'!A0",
      "a,'+1",
      "a\t'@SUM(A1)",
      "a; '-2",
      "a\n'=1",
      "a,'\t'=1",
    ]);
    expect(neutralizeFormula(neutralizeFormula('=x;=y'))).toBe("'=x;'=y");
    expect(['a;b', 'Smith, Jones', '1,5', 'x;y=z'].map(neutralizeFormula)).toEqual(['a;b', 'Smith, Jones', '1,5', 'x;y=z']);
  });
});

/** Text that starts a formula in a spreadsheet: the characters OWASP lists, after the spaces a reader may trim. */
const FORMULA = /^[=+\-@\t\r]/;
/** A cell a spreadsheet reads as a number is no formula, whatever its sign. */
const NUMBER = /^-?\d+(?:\.\d+)?$/;

/** Cells a spreadsheet would start at: split on `separator` without honouring quotes, as Excel's text import with no text qualifier does. */
function naiveCells(csv: string, separator: string): string[] {
  return csv.split(/\r\n|\n|\r/).flatMap((line) => line.split(separator));
}

describe('exportScoredCsv in spreadsheets with another list separator', () => {
  const hostile = [
    "Acme;=cmd|' /C calc'!A0",
    'Globex,=1+1',
    'Tab\t=2+2',
    '=HYPERLINK("http://evil.example")',
    '@SUM(A1:A9)',
    '+1-1',
    'Initech; -3+3',
    'Umbrella,\t=4',
    'two\n=lines',
    'Hooli;@x,+y\t-z',
  ];

  beforeEach(async () => {
    await replaceConnectionData(
      db,
      connection('csv', 'hostile.csv'),
      hostile.map((name, i) => opp(`00${i}`, { name, account: { id: `a${i}`, name }, stage: name, owner: { id: 'u', name }, amount: -5 * i })),
      mapping('csv'),
    );
  });

  it.each([',', ';', '\t'] as const)(
    'written with %j, no cell starts a formula in a reader that splits on , ; or tab, with or without quotes',
    async (delimiter) => {
      const csv = await exportScoredCsv(db, 'csv', delimiter);
      for (const separator of [',', ';', '\t'] as const) {
        // A reader that honours quotes, as Excel and LibreOffice do by default.
        const quoted = parseCsv(csv, { delimiter: separator });
        const fields = [quoted.header, ...quoted.rows.map((r) => r.fields), ...quoted.problems.map(() => [])].flat();
        for (const field of fields)
          if (!NUMBER.test(field.trim())) expect(field.trimStart(), `${JSON.stringify(field)} read with ${JSON.stringify(separator)}`).not.toMatch(FORMULA);
        // A reader that does not: every piece between separators, its opening quote taken away.
        for (const piece of naiveCells(csv, separator)) {
          const cell = piece.trimStart().replace(/^"/, '').trimStart();
          if (!NUMBER.test(cell)) expect(cell, `${JSON.stringify(piece)} split on ${JSON.stringify(separator)}`).not.toMatch(FORMULA);
        }
      }
      // Read back with its own delimiter, every name is there, inert but whole.
      const names = parseCsv(csv, { delimiter }).rows.map((r) => r.fields[2]);
      expect(names).toEqual(hostile.map(neutralizeFormula));
      expect(names.map((n) => n?.replaceAll("'", ''))).toEqual(hostile.map((h) => h.replaceAll("'", '')));
    },
  );
});

describe('exportScoredCsv', () => {
  beforeEach(async () => {
    await replaceConnectionData(
      db,
      connection('csv', 'deals.csv'),
      [
        opp('006A', {
          name: 'Acme, "Big" renewal',
          account: { id: 'a1', name: '=HYPERLINK("http://evil.example","click")' },
          amount: 12500.5,
          currency: 'USD',
          stage: 'Negotiation',
          closeDate: '2026-03-31',
          type: 'renewal',
          owner: { id: 'u1', name: '@Ana' },
          territory: 'EMEA',
        }),
        opp('006B', {
          name: 'Globex',
          amount: -300,
          currency: 'EUR',
          stage: 'Closed Won',
          isClosed: true,
          isWon: true,
          closeDate: '2025-12-01',
          type: 'upsell',
        }),
        opp('006C', { name: '+cmd|calc', isClosed: true, isWon: false, stage: 'Closed Lost' }),
      ],
      mapping('csv'),
    );
    await saveScores(db, 'csv', [
      score('csv', '006A', {
        winPotential: 0.42345,
        repeatBuyerPotential: 71.26,
        personaName: 'Dana, the Healthcare CFO',
        predictedClose: '2026-05-02',
        predictedAmount: 11999.999,
        slip: true,
        daysInStage: 34,
        stalled: true,
        health: 'at-risk',
        healthReasons: [
          { signal: 'low-win', severity: 'risk', winPotential: 0.12, baseRate: 0.31 },
          { signal: 'stalled', severity: 'attention', stage: 'Negotiation', days: 34, boundDays: 20 },
        ],
      }),
      score('csv', '006B', { isOpen: 0, winPotential: null, repeatBuyerPotential: 12, personaName: '-Ops', predictedClose: null }),
    ]);
    await replaceConnectionData(db, connection('sandbox', 'Sandbox (seed 7)'), [opp('S1', { source: 'sandbox', name: 'Sandbox deal' })], mapping('sandbox'));
  });

  it('writes every opportunity with its scores, formulas neutralized, every text cell quoted', async () => {
    expect(await exportScoredCsv(db, 'csv')).toBe(
      [
        EXPORT_HEADER.map((h) => `"${h}"`).join(','),
        `"deals.csv","006A","Acme, ""Big"" renewal","'=HYPERLINK(""http://evil.example"",""click"")",12500.5,"USD","Negotiation","Open","2026-03-31","renewal","'@Ana","EMEA",42.3,71.3,"Dana, the Healthcare CFO","2026-05-02",12000,"Yes",34,"Yes","At risk","Win Potential 12%, under half the org’s 31%; In Negotiation for 34 days, past the 20 days by which 4 in 5 won deals had moved on"`,
        `"deals.csv","006B","Globex",,-300,"EUR","Closed Won","Won","2025-12-01","upsell",,,,12,"'-Ops",,,,,,,`,
        `"deals.csv","006C","'+cmd|calc",,,,"Closed Lost","Lost",,,,,,,,,,,,,,`,
        '',
      ].join('\r\n'),
    );
  });

  it('exports every connection when none is given, and reads back', async () => {
    const csv = await exportScoredCsv(db);
    const parsed = parseCsv(csv);
    expect(parsed.header).toEqual(EXPORT_HEADER);
    expect(parsed.rows.map((r) => [r.fields[0], r.fields[1]])).toEqual([
      ['deals.csv', '006A'],
      ['deals.csv', '006B'],
      ['deals.csv', '006C'],
      ['Sandbox (seed 7)', 'S1'],
    ]);
  });

  it('writes only the header for an unknown connection', async () => {
    expect(await exportScoredCsv(db, 'nope')).toBe(EXPORT_HEADER.map((h) => `"${h}"`).join(',') + '\r\n');
  });
});
