import { describe, expect, it } from 'vitest';
import { CsvEncodingError, decodeCsv } from '../../lib/crm/csv/encoding';
import { importCsv } from '../../lib/crm/csv/import';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function utf16(text: string, order: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    bytes.set(order === 'le' ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff], 2 + i * 2);
  }
  return bytes;
}

const CSV = 'Opportunity ID\tName\tStage\tAmount\tClose Date\r\n1\tMüller\tClosed Won\t€1.234,50\t27.03.2024\r\n2\tŁódź\tNegotiation\t€99\t01.04.2024\r\n';

describe('decodeCsv', () => {
  it('reads UTF-8 with and without its byte-order mark', () => {
    expect(decodeCsv(utf8(CSV))).toEqual({ text: CSV, encoding: 'UTF-8', warnings: [] });
    expect(decodeCsv(Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8(CSV)))).toEqual({ text: CSV, encoding: 'UTF-8', warnings: [] });
  });

  it('reads UTF-16 LE and BE by their byte-order mark, and the import gets every amount and date', () => {
    for (const order of ['le', 'be'] as const) {
      expect(decodeCsv(utf16(CSV, order))).toEqual({ text: CSV, encoding: order === 'le' ? 'UTF-16 LE' : 'UTF-16 BE', warnings: [] });
      const result = importCsv(utf16(CSV, order));
      expect(result.opportunities.map((o) => [o.name, o.amount, o.closeDate])).toEqual([
        ['Müller', 1234.5, '2024-03-27'],
        ['Łódź', 99, '2024-04-01'],
      ]);
      expect(result.warnings).toEqual([]);
    }
  });

  it('reads every Windows-1252 byte as a browser does (Node decodes 0x80-0x9F as Latin-1)', () => {
    const c1 = Array.from({ length: 32 }, (_, i) => 0x80 + i);
    // A Western text is mostly ASCII: the 33 high bytes among 200 more.
    const decoded = decodeCsv(Uint8Array.of(...utf8('Name\r\n'), ...c1, 0xe9, ...utf8(`\r\n${'x'.repeat(200)}\r\n`)));
    expect(decoded.encoding).toBe('Windows-1252');
    // WHATWG index-windows-1252, pointers 0-31.
    const expected = [
      0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d,
      0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
    ];
    expect(decoded.text).toBe(`Name\r\n${String.fromCodePoint(...expected)}é\r\n${'x'.repeat(200)}\r\n`);
    expect(decoded.warnings).toEqual([expect.stringMatching(/^The file is not UTF-8 \(the first on line 2\): it was read as Windows-1252/)]);
  });

  it('refuses what is not text in an encoding exports use, naming it and how to re-save', () => {
    const refusal = (bytes: Uint8Array): string => {
      try {
        decodeCsv(bytes);
      } catch (error) {
        expect(error).toBeInstanceOf(CsvEncodingError);
        return (error as Error).message;
      }
      throw new Error('not refused');
    };
    const noBom = utf16(CSV, 'le').slice(2);
    expect(refusal(noBom)).toMatch(/^The file looks like UTF-16 LE text without a byte-order mark.* Re-save it as "CSV UTF-8 \(Comma delimited\)" in Excel/);
    expect(refusal(utf16(CSV, 'be').slice(2))).toMatch(/^The file looks like UTF-16 BE text without a byte-order mark/);
    expect(refusal(Uint8Array.of(0xff, 0xfe, 0, 0, 0x41, 0, 0, 0))).toMatch(/^The file is UTF-32 LE text/);
    expect(refusal(Uint8Array.of(0x25, 0x50, 0x44, 0x46, 0x2d))).toMatch(/^The file is a PDF/);
    expect(refusal(new Uint8Array(100))).toMatch(/^The file is not text: 100% of its bytes are zero/);
    // UTF-16 LE with its mark but an unpaired surrogate in every other character: mostly replacement characters.
    const broken = new Uint8Array(2 + 200);
    broken.set([0xff, 0xfe]);
    for (let i = 0; i < 100; i++) broken.set(i % 2 ? [0x41, 0] : [0x00, 0xd8], 2 + i * 2);
    expect(refusal(broken)).toMatch(/^The file does not read as UTF-16 LE: 50% of its characters are not valid UTF-16 LE\./);
  });

  it('removes a few NULs with a warning, and reads stray bytes in UTF-8 text as replacement characters', () => {
    expect(decodeCsv(utf8('a,b\r\n1,x\u0000y\r\n'))).toEqual({
      text: 'a,b\r\n1,xy\r\n',
      encoding: 'UTF-8',
      warnings: ['Removed 1 NUL character (the first on line 2).'],
    });
    const mixed = decodeCsv(Uint8Array.of(...utf8('Name\nMüller\nSøren\n'), 0x43, 0x61, 0x66, 0xe9, 0x0a));
    expect(mixed.text).toBe('Name\nMüller\nSøren\nCaf\uFFFD\n');
    expect(mixed.warnings).toEqual(['1 byte is not UTF-8 (the first on line 4) and read as "\uFFFD"; the rest of the file is UTF-8.']);
  });
});
