import { describe, expect, it } from 'vitest';
import { CsvImportError } from '../../lib/crm/csv/errors';
import { CsvParseError, parseCsv, sniffDelimiter } from '../../lib/crm/csv/parse';

describe('sniffDelimiter', () => {
  it('picks the delimiter with consistent field counts, ignoring delimiters inside quotes', () => {
    expect(sniffDelimiter('a;b;c\n1;"x,y,z";3\n4;5;6\n')).toBe(';');
    expect(sniffDelimiter('a,b,c\n"1;2",2,3\n4,5,6\n')).toBe(',');
    expect(sniffDelimiter('a\tb\tc\n1\t2,5\t3\n')).toBe('\t');
  });

  it('is not fooled by decimal commas in a semicolon file', () => {
    expect(sniffDelimiter('name;amount\nA;1,5\nB;2,75\nC;3\n')).toBe(';');
  });

  it('falls back to comma for a one-column file', () => {
    expect(sniffDelimiter('name\nA\nB\n')).toBe(',');
  });
});

describe('parseCsv', () => {
  it('strips the BOM and reads quoted fields with delimiters, doubled quotes and line breaks', () => {
    const parsed = parseCsv('\ufeffa;b;c\r\n1;"x;y";3\r\n4;"multi\r\nline ""quoted""";6\r\n7;8;9\r\n');
    expect(parsed.delimiter).toBe(';');
    expect(parsed.header).toEqual(['a', 'b', 'c']);
    expect(parsed.rows).toEqual([
      { line: 2, fields: ['1', 'x;y', '3'] },
      { line: 3, fields: ['4', 'multi\r\nline "quoted"', '6'] },
      { line: 5, fields: ['7', '8', '9'] },
    ]);
    expect(parsed.problems).toEqual([]);
  });

  it('counts CR, LF and CRLF line ends alike and ignores trailing empty lines', () => {
    expect(parseCsv('a,b\r1,2\r3,4').rows).toEqual([
      { line: 2, fields: ['1', '2'] },
      { line: 3, fields: ['3', '4'] },
    ]);
    expect(parseCsv('a,b\n1,"x\ry"\n3,4\n\n\n').rows).toEqual([
      { line: 2, fields: ['1', 'x\ry'] },
      { line: 4, fields: ['3', '4'] },
    ]);
  });

  it('skips blank lines between rows, keeping physical line numbers', () => {
    expect(parseCsv('a,b\n\n1,2\n   \n3,4\n').rows.map((r) => r.line)).toEqual([3, 5]);
  });

  it('reports rows with the wrong number of fields, and tolerates padding empty cells', () => {
    const parsed = parseCsv('a,b,c\n1,2\n1,2,3,,\n1,2,3,4\n1,2,\n');
    expect(parsed.rows).toEqual([
      { line: 3, fields: ['1', '2', '3'] },
      { line: 5, fields: ['1', '2', ''] },
    ]);
    expect(parsed.problems).toEqual([
      { line: 2, reason: 'has 2 fields but the header has 3' },
      { line: 4, reason: 'has 4 fields but the header has 3' },
    ]);
  });

  it('reports an unterminated quote on its row and reads the following lines again', () => {
    const parsed = parseCsv('id,note\n1,"never closed\n2,fine\n3,also fine\n');
    expect(parsed.problems).toEqual([{ line: 2, reason: 'the quoted field in column 2 (note) opened on line 2 has no closing quote' }]);
    expect(parsed.rows).toEqual([
      { line: 3, fields: ['2', 'fine'] },
      { line: 4, fields: ['3', 'also fine'] },
    ]);
  });

  it('reports text after a closing quote', () => {
    const parsed = parseCsv('id,size\n1,"24"" screen" wide\n2,ok\n');
    expect(parsed.problems).toEqual([{ line: 2, reason: 'text follows the closing quote in column 2 (size)' }]);
    expect(parsed.rows).toEqual([{ line: 3, fields: ['2', 'ok'] }]);
  });

  it('keeps a quote inside an unquoted field as text (inches, nicknames)', () => {
    expect(parseCsv('id,size\n1,24" screen\n').rows).toEqual([{ line: 2, fields: ['1', '24" screen'] }]);
  });

  it('reads a quoted field after spaces (`a, "b, c"`)', () => {
    expect(parseCsv('a,b\n1, "x, y" \n').rows).toEqual([{ line: 2, fields: ['1', 'x, y'] }]);
  });

  it("honours Excel's sep= line", () => {
    const parsed = parseCsv('sep=;\na;b\n1,5;2\n');
    expect(parsed.delimiter).toBe(';');
    expect(parsed.headerLine).toBe(2);
    expect(parsed.rows).toEqual([{ line: 3, fields: ['1,5', '2'] }]);
  });

  it('sets aside the footer of a Salesforce report export', () => {
    const parsed = parseCsv('"Name","Amount"\n"A","1"\n\n"Acme Inc."\n"Copyright (c) 2000-2024 salesforce.com, inc. All rights reserved."\n');
    expect(parsed.rows).toEqual([{ line: 2, fields: ['A', '1'] }]);
    expect(parsed.footer).toEqual(['Acme Inc.', 'Copyright (c) 2000-2024 salesforce.com, inc. All rights reserved.']);
    expect(parsed.problems).toEqual([]);
  });

  it('throws one clear error for an empty file or a missing header', () => {
    for (const text of ['', '\ufeff', '\n\n  \n']) {
      expect(() => parseCsv(text)).toThrow(new CsvParseError('The file is empty: there is no header line.'));
    }
    expect(() => parseCsv(',,\n1,2')).toThrow('Line 1 should be the header, but all its column names are empty.');
    expect(() => parseCsv('')).toThrow(CsvImportError);
  });

  it('parses a header-only file to no rows', () => {
    expect(parseCsv('a,b\n')).toMatchObject({ header: ['a', 'b'], rows: [], problems: [] });
  });
});
