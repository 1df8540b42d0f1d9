import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../lib/crm/csv/parse';
import { toCsv } from '../../lib/crm/csv/write';

describe('toCsv', () => {
  it('quotes only the cells that need it and ends lines with CRLF', () => {
    expect(
      toCsv(
        ['id', 'name', 'amount'],
        [
          ['1', 'Acme, Inc.', 1250.5],
          ['2', 'He said "hi"', null],
          ['3', 'two\nlines', -3],
        ],
      ),
    ).toBe('id,name,amount\r\n1,"Acme, Inc.",1250.5\r\n2,"He said ""hi""",\r\n3,"two\nlines",-3\r\n');
  });

  it('quotes edge spaces and the chosen delimiter', () => {
    expect(toCsv(['a', 'b'], [[' padded', '1;2']], ';')).toBe('a;b\r\n" padded";"1;2"\r\n');
  });

  it('for spreadsheets, quotes every text cell and neutralizes formulas at the start and after any separator', () => {
    for (const delimiter of [',', ';', '\t'] as const) {
      const csv = toCsv(
        ['name', 'amount'],
        [
          ["Acme;=cmd|' /C calc'!A0", -5],
          ['=1+1', 3],
          ['Initech,+1', null],
        ],
        { delimiter, spreadsheet: true },
      );
      expect(csv).toBe(
        [`"name"${delimiter}"amount"`, `"Acme;'=cmd|' /C calc'!A0"${delimiter}-5`, `"'=1+1"${delimiter}3`, `"Initech,'+1"${delimiter}`, ''].join('\r\n'),
      );
    }
  });

  it('writes non-finite numbers as empty cells', () => {
    expect(toCsv(['x'], [[Number.NaN]])).toBe('x\r\n\r\n');
  });

  it('refuses a row whose width differs from the header', () => {
    expect(() => toCsv(['a', 'b'], [['1']])).toThrow('toCsv: row 1 has 1 cells but the header has 2');
  });

  it('round-trips through parseCsv', () => {
    const header = ['id', 'note', 'amount'];
    const rows = [
      ['a', 'semi;colon, comma', '1'],
      ['b', 'quote " and\r\nbreak', '2'],
      ['c', '', '3'],
    ];
    for (const delimiter of [',', ';', '\t'] as const) {
      const parsed = parseCsv(toCsv(header, rows, delimiter));
      expect(parsed.delimiter).toBe(delimiter);
      expect(parsed.header).toEqual(header);
      expect(parsed.rows.map((r) => r.fields)).toEqual(rows);
    }
  });
});
