/**
 * The hostile-input corpus (issue 14): CSV files a careful attacker or a clumsy user hands
 * the importer, each with what the user gets: read (with which warnings and rejected rows)
 * or refused (with which one-line message), and in every case nothing stored lost. The
 * files are generated (`npm run hostile-corpus`, or the tests, into test/fixtures/hostile/)
 * rather than committed: several are megabytes, one is over 200 MB.
 *
 * The tests run every case through the CLI (`dealsight check`, a real process) and through
 * the extension (the options page's file checks, the upload, the runner's import job on
 * fake IndexedDB with the engine in a worker thread), each under a time bound that catches
 * a hang.
 */

/** What the user gets from a file. */
export type Expectation =
  | {
      kind: 'read';
      /** Opportunities read. */
      opportunities: number;
      /** Rows rejected, each named by line in the result. */
      rejected: number;
      /** Every one of these matches a warning. */
      warnings: RegExp[];
      /** Every one of these matches a rejected row's reason. */
      rejections?: RegExp[];
      /** Stored opportunities before this import, when the case is about replacing them (default 12). */
      stored?: number;
    }
  | {
      kind: 'refused';
      /** Matches the one-line message of the CLI and of the extension. */
      message: RegExp;
      /** Where the extension refuses it: the options page before reading (size, emptiness), or the import job. */
      by?: 'page' | 'job';
    };

export interface HostileCase {
  /** The file name, with the extension a user would see. */
  file: string;
  /** What is hostile about it. */
  about: string;
  /** What the user gets, in words (the fixtures README's table). */
  user: string;
  expect: Expectation;
  /** The file's content, produced lazily in chunks (strings are UTF-8). */
  content: () => Iterable<string | Uint8Array>;
}

/** A small deterministic random stream (xorshift32): the corpus is the same on every machine. */
function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

const HEADER = 'Opportunity ID,Opportunity Name,Account Name,Stage,Amount,Close Date,Industry';
const STAGES = ['Closed Won', 'Closed Lost', 'Negotiation', 'Prospecting'];
const INDUSTRIES = ['Retail', 'Banking', 'Healthcare'];

type Cells = Partial<Record<'name' | 'account' | 'stage' | 'amount' | 'close' | 'industry', string>>;

/** An ordinary row of the baseline export: id `006N`, a stage cycling lost, open, open, won. */
function row(i: number, cells: Cells = {}): string {
  return rowCells(i, cells).join(',');
}

function rowCells(i: number, cells: Cells = {}): string[] {
  const month = String((i % 12) + 1).padStart(2, '0');
  return [
    `006${String(i).padStart(5, '0')}`,
    cells.name ?? `Deal ${i}`,
    cells.account ?? `Account ${i % 17}`,
    cells.stage ?? STAGES[i % STAGES.length] ?? '',
    cells.amount ?? String(1000 + ((i * 137) % 9000)),
    cells.close ?? `2024-${month}-${String((i % 27) + 1).padStart(2, '0')}`,
    cells.industry ?? INDUSTRIES[i % INDUSTRIES.length] ?? '',
  ];
}

/** The baseline export: `n` ordinary rows, `override(i)` replacing some. */
function* deals(n: number, override: (i: number) => string | null = () => null, header = HEADER): Iterable<string> {
  yield `${header}\r\n`;
  for (let i = 1; i <= n; i++) yield `${override(i) ?? row(i)}\r\n`;
}

function text(parts: Iterable<string>): string {
  return [...parts].join('');
}

function utf16(value: string, order: 'le' | 'be', bom = true): Uint8Array {
  const bytes = new Uint8Array(value.length * 2 + (bom ? 2 : 0));
  let p = 0;
  if (bom) {
    bytes[p++] = order === 'le' ? 0xff : 0xfe;
    bytes[p++] = order === 'le' ? 0xfe : 0xff;
  }
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    bytes[p++] = order === 'le' ? c & 0xff : c >> 8;
    bytes[p++] = order === 'le' ? c >> 8 : c & 0xff;
  }
  return bytes;
}

/** Windows-1252 bytes of text written in Latin-1 characters, and the euro sign at 0x80. */
function cp1252(value: string): Uint8Array {
  return Uint8Array.from(value, (ch) => (ch === '€' ? 0x80 : ch.charCodeAt(0)));
}

/** A `Q` quoted CSV cell. */
const q = (value: string): string => `"${value.replaceAll('"', '""')}"`;

/** The size of the over-limit case: 200 MiB, just above the 200,000,000 bytes both importers take. */
export const TOO_LARGE_BYTES = 200 * 1024 * 1024;

export const HOSTILE_CASES: readonly HostileCase[] = [
  {
    file: 'amount-million-digits-then-letter.csv',
    about: 'An Amount cell of 1,000,000 digits ending in a letter (the number check backtracked for hours)',
    user: 'Read: every row, the cell reported as no amount, quoted to 60 characters with its length',
    expect: {
      kind: 'read',
      opportunities: 40,
      rejected: 0,
      warnings: [/^Amount: 1 value could not be read as amounts \(line 6 "1{59}…" \(1,000,001 characters\)\)$/],
    },
    content: () => deals(40, (i) => (i === 5 ? row(i, { amount: `${'1'.repeat(1_000_000)}x` }) : null)),
  },
  {
    file: 'amount-400-digits.csv',
    about: 'An Amount of 400 digits (read as Infinity)',
    user: 'Read: that row rejected, its amount too large to be a number',
    expect: { kind: 'read', opportunities: 39, rejected: 1, warnings: [], rejections: [/^Amount "9{59}…" \(400 characters\) is too large to be a number$/] },
    content: () => deals(40, (i) => (i === 7 ? row(i, { amount: '9'.repeat(400) }) : null)),
  },
  {
    file: 'amount-1e400.csv',
    about: 'Amounts 1e400, -1E+999 and 1.5e309 in scientific notation (Infinity)',
    user: 'Read: the three rows rejected, each amount too large to be a number',
    expect: {
      kind: 'read',
      opportunities: 37,
      rejected: 3,
      warnings: [],
      rejections: [/^Amount "1e400" is too large to be a number$/, /^Amount "-1E\+999" is too large/],
    },
    content: () => deals(40, (i) => ({ 3: row(i, { amount: '1e400' }), 4: row(i, { amount: '-1E+999' }), 5: row(i, { amount: '1.5e309' }) })[i] ?? null),
  },
  {
    file: 'amount-past-2-53.csv',
    about: 'An amount of 12,345,678,901,234,567,890 (past the integers a double holds exactly)',
    user: 'Read: that row rejected, too large to be an amount',
    expect: { kind: 'read', opportunities: 39, rejected: 1, warnings: [], rejections: [/^Amount "12345678901234567890" is too large to be an amount$/] },
    content: () => deals(40, (i) => (i === 9 ? row(i, { amount: '12345678901234567890' }) : null)),
  },
  {
    file: 'negative-amounts.csv',
    about: 'Negative amounts: -5,000, (1,200.00) and −300 (a credit note passes without a word)',
    user: 'Read: every row, the negative amounts kept and named in a warning',
    expect: {
      kind: 'read',
      opportunities: 40,
      rejected: 0,
      warnings: [/^Amount: 3 amounts are negative \(line 3 "-5000", line 5 "\(1,200\.00\)", line 7 "−300"\)/],
    },
    content: () => deals(40, (i) => ({ 2: row(i, { amount: '-5000' }), 4: row(i, { amount: '"(1,200.00)"' }), 6: row(i, { amount: '−300' }) })[i] ?? null),
  },
  {
    file: 'date-then-50k-spaces.csv',
    about: 'Close Dates of a date, a time, 50,000 spaces and "!" (12 s in the time check)',
    user: 'Read: the closed deal with it rejected, the open one keeps no close date and says so',
    expect: {
      kind: 'read',
      opportunities: 39,
      rejected: 1,
      warnings: [/^Close Date: 1 value could not be read as dates \(line 4 "2024-03-27 10:00 {43}…" \(50,017 characters\)\)$/],
      rejections: [/^Close Date "2024-03-27 10:00 {43}…" \(50,017 characters\) is not a date$/],
    },
    content: () => deals(40, (i) => (i === 1 || i === 3 ? row(i, { close: `2024-03-27 10:00${' '.repeat(50_000)}!` }) : null)),
  },
  {
    file: 'date-oddities.csv',
    about: "Dates that are not: 31/02/2024, 29/02/2023, 0000-00-00, 1899-12-30 (Excel's zero), 2024-13-01, Q3 2024, TBD, 45000 (an Excel serial)",
    user: 'Read: closed deals with such a close date rejected (each named), open ones keep no close date',
    expect: {
      kind: 'read',
      opportunities: 36,
      rejected: 4,
      warnings: [
        /^Dates are read as DD\/MM\/YYYY: "31\/12\/2024" \(Close Date, line 9\) can only be day first\.$/,
        /^Close Date: 5 values could not be read as dates \(line 3 "0000-00-00", line 4 "1899-12-30", line 7 "TBD", line 8 "45000", line 11 "2024-02-30"\)$/,
      ],
      rejections: [
        /"31\/02\/2024" is not a date \(February has no day 31\)$/,
        /"2024-13-01" is not a date \(13 is not a month\)$/,
        /"Q3 2024" is not a date$/,
        /"29\/02\/2023" is not a date \(February has no day 29\)$/,
      ],
    },
    content: () =>
      deals(40, (i) => {
        const odd = ['31/02/2024', '0000-00-00', '1899-12-30', '2024-13-01', 'Q3 2024', 'TBD', '45000', '31/12/2024', '29/02/2023', '2024-02-30'];
        return i <= odd.length ? row(i, { close: odd[i - 1] }) : row(i, { close: '15/06/2024' });
      }),
  },
  {
    file: 'currency-oddities.csv',
    about:
      'Amounts as exports write them ($1,234.50, 1.234,50 €, USD 12,500, 12K, (1,200.00), 1 234,56, 12.500) and a Currency column of toString, constructor, __proto__, XXX',
    user: 'Read: every amount that is one, the odd currency codes reported; no currency is ever a function',
    expect: {
      kind: 'read',
      opportunities: 40,
      rejected: 0,
      warnings: [
        /^Currency: 4 values could not be read as currency codes \(line 2 "toString", line 3 "constructor", line 4 "__proto__", line 5 "XXX"\)$/,
        /^Amount: 4 values could not be read as amounts \(line 10 "€", line 20 "€", line 30 "€", line 40 "€"\)$/,
        /^Amount: 8 values such as "USD 12,500" \(line 4\) could be read two ways; read as 12500 because/,
      ],
    },
    content: () => {
      const amounts = ['"$1,234.50"', '"1.234,50 €"', '"USD 12,500"', '12K', '"(1,200.00)"', '"1 234,56"', '12.500', '¥5000', '€', '--'];
      const currencies = ['toString', 'constructor', '__proto__', 'XXX', 'usd', 'EUR', '€', 'valueOf'];
      return deals(
        40,
        (i) => `${row(i, { amount: amounts[(i - 1) % amounts.length] })},${i <= 4 ? currencies[i - 1] : ['usd', 'EUR', '€', 'GBP'][i % 4]}`,
        `${HEADER},Currency`,
      );
    },
  },
  {
    file: 'formula-cells.csv',
    about: "Names, accounts and industries that start formulas: =cmd|' /C calc'!A0, +1, -2+3, @SUM(A1), a tab, Acme;=HYPERLINK(…)",
    user: 'Read: every cell kept as written, as text (exports neutralize them)',
    expect: { kind: 'read', opportunities: 40, rejected: 0, warnings: [] },
    content: () => {
      const formulas = ["=cmd|' /C calc'!A0", '+1', '-2+3', '@SUM(A1)', '\t=1+1', 'Acme;=HYPERLINK("http://evil.example")', '=1+1;=2+2'];
      return deals(40, (i) =>
        i <= formulas.length ? row(i, { name: q(formulas[i - 1] ?? ''), account: q(formulas[(i + 2) % formulas.length] ?? '') }) : null,
      );
    },
  },
  {
    file: 'prototype-headers.csv',
    about: 'Columns named constructor, toString, valueOf, hasOwnProperty, __proto__ and prototype (silently dropped)',
    user: 'Read: each column kept as an attribute under its own key',
    expect: { kind: 'read', opportunities: 40, rejected: 0, warnings: [] },
    content: () =>
      deals(
        40,
        (i) => `${row(i)},c${i % 3},t${i % 4},${i % 5},h${i % 2},p${i % 3},x${i % 2}`,
        `${HEADER},constructor,toString,valueOf,hasOwnProperty,__proto__,prototype`,
      ),
  },
  {
    file: 'prototype-values.csv',
    about: 'Cells reading __proto__, constructor, toString, hasOwnProperty in the stage, type, account, owner and industry',
    user: 'Read: every value kept as text; "constructor" is an open stage like any other',
    expect: { kind: 'read', opportunities: 40, rejected: 0, warnings: [] },
    content: () => {
      const words = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
      return deals(
        40,
        (i) => {
          const w = words[i % words.length] ?? '';
          return `${row(i, { account: w, industry: words[(i + 1) % words.length], stage: i % 4 === 3 ? w : undefined })},${w},${words[(i + 2) % words.length]}`;
        },
        `${HEADER},Type,Opportunity Owner`,
      );
    },
  },
  {
    file: 'headers-50000-duplicates.csv',
    about: '50,000 columns named "Note" (de-duplicated in O(n²): never finished; a warning listing 20,000 names)',
    user: 'Refused at once: the header has 50,007 columns, at most 2,000 are read',
    expect: { kind: 'refused', message: /The header on line 1 has 50,007 columns; Dealsight reads at most 2,000\./ },
    content: () => deals(3, (i) => `${row(i)}${',n'.repeat(50_000)}`, `${HEADER}${',Note'.repeat(50_000)}`),
  },
  {
    file: 'headers-1990-duplicates.csv',
    about: '1,990 columns named "Note", under the column limit',
    user: 'Read: each kept under its own key (note, note2 … note1990), given in linear time',
    expect: { kind: 'read', opportunities: 30, rejected: 0, warnings: [] },
    content: () => deals(30, (i) => `${row(i)}${`,n${i % 3}`.repeat(1990)}`, `${HEADER}${',Note'.repeat(1990)}`),
  },
  {
    file: 'columns-100000.csv',
    about: '100,000 distinct columns',
    user: 'Refused at once, naming the count',
    expect: { kind: 'refused', message: /The header on line 1 has 100,007 columns; Dealsight reads at most 2,000\./ },
    content: function* () {
      yield HEADER;
      for (let c = 0; c < 100_000; c++) yield `,Field ${c}`;
      yield '\r\n';
      yield `${row(1)}${',1'.repeat(100_000)}\r\n`;
    },
  },
  {
    file: 'duplicate-standard-headers.csv',
    about: 'Amount twice and Stage twice (the second quietly became an attribute, the Stage copy leaking the outcome)',
    user: 'Read: the first of each is used, the repeats ignored and named in warnings',
    expect: {
      kind: 'read',
      opportunities: 40,
      rejected: 0,
      warnings: [/^Stage appears in 2 columns \(4, 8\): column 4 is read, and column 8 is ignored\.$/, /^Amount appears in 2 columns \(5, 9\)/],
    },
    content: () => deals(40, (i) => `${row(i)},${STAGES[(i + 1) % 4]},${i}`, `${HEADER},Stage,Amount`),
  },
  {
    file: 'quote-never-closes.csv',
    about: 'A quote opened on line 4 that never closes (the rest of the file would be one cell)',
    user: 'Read: that row rejected (no closing quote), the rows after it read again on their own',
    expect: {
      kind: 'read',
      opportunities: 39,
      rejected: 1,
      warnings: [],
      rejections: [/^the quoted field in column 2 \(Opportunity Name\) opened on line 4 has no closing quote$/],
    },
    content: () => deals(40, (i) => (i === 3 ? row(i, { name: '"Never closed, Acme' }) : null)),
  },
  {
    file: 'stray-quotes-every-line.csv',
    about: 'A stray quote on each of 2,000 lines ("Acme" Corp: text after the closing quote)',
    user: 'Read: those 2,000 rows rejected, each named; the 1,000 clean rows read',
    expect: {
      kind: 'read',
      opportunities: 1000,
      rejected: 2000,
      warnings: [],
      rejections: [/^text follows the closing quote in column 2 \(Opportunity Name\)$/],
    },
    content: () => deals(3000, (i) => (i % 3 !== 0 ? row(i, { name: `"Acme ${i}" Corp` }) : null)),
  },
  {
    file: 'nul-bytes.csv',
    about: 'NUL bytes inside three cells',
    user: 'Read: the NULs removed and counted in a warning',
    expect: { kind: 'read', opportunities: 40, rejected: 0, warnings: [/^Removed 3 NUL characters \(the first on line 3\)\.$/] },
    content: () => deals(40, (i) => (i === 2 || i === 9 ? row(i, { name: `Deal\u0000 ${i}${i === 9 ? '\u0000' : ''}` }) : null)),
  },
  {
    file: 'mostly-nul.csv',
    about: 'A header, then 64 KB of NUL bytes (a file cut off by a crash)',
    user: 'Refused: not text, most of its bytes are zero',
    expect: { kind: 'refused', message: /^The file is not text: 9\d% of its bytes are zero \(NUL\)\./ },
    content: function* () {
      yield `${HEADER}\r\n`;
      yield new Uint8Array(64 * 1024);
    },
  },
  {
    file: 'excel-unicode-text-utf16le.txt',
    about: 'Excel\'s "Unicode Text" export: UTF-16 LE with a byte-order mark, tab-separated, with umlauts and euro amounts (imported as garbage)',
    user: 'Read as UTF-16 LE: every amount, date and name as written',
    expect: { kind: 'read', opportunities: 40, rejected: 0, warnings: [] },
    content: () => [utf16(text(deals(40, (i) => rowCells(i, { name: `Müller ${i}`, amount: `€${i}.500,50` }).join('\t'), HEADER.replaceAll(',', '\t'))), 'le')],
  },
  {
    file: 'utf16be-bom.csv',
    about: 'UTF-16 BE with a byte-order mark',
    user: 'Read as UTF-16 BE',
    expect: { kind: 'read', opportunities: 40, rejected: 0, warnings: [] },
    content: () => [utf16(text(deals(40, (i) => row(i, { account: `Société ${i % 5}` }))), 'be')],
  },
  {
    file: 'utf16le-no-bom.csv',
    about: 'UTF-16 LE without a byte-order mark',
    user: 'Refused: looks like UTF-16 LE without a byte-order mark; how to re-save as CSV UTF-8',
    expect: {
      kind: 'refused',
      message: /^The file looks like UTF-16 LE text without a byte-order mark, which cannot be read reliably\. Re-save it as "CSV UTF-8/,
    },
    content: () => [utf16(text(deals(20)), 'le', false)],
  },
  {
    file: 'utf32le-bom.csv',
    about: "UTF-32 LE with its byte-order mark (which starts like UTF-16 LE's)",
    user: 'Refused: UTF-32 LE is not read; how to re-save',
    expect: { kind: 'refused', message: /^The file is UTF-32 LE text, which Dealsight does not read\. Re-save it as "CSV UTF-8/ },
    content: () => {
      const value = text(deals(5));
      const bytes = new Uint8Array(4 + value.length * 4);
      bytes.set([0xff, 0xfe, 0, 0]);
      for (let i = 0; i < value.length; i++) bytes[4 + i * 4] = value.charCodeAt(i);
      return [bytes];
    },
  },
  {
    file: 'windows-1252.csv',
    about: 'Excel\'s plain "CSV" on Western Windows: Windows-1252 bytes (Müller, Café, Señor, €)',
    user: 'Read as Windows-1252, the names right, with a warning saying so',
    expect: {
      kind: 'read',
      opportunities: 40,
      rejected: 0,
      warnings: [/^The file is not UTF-8 \(the first on line 2\): it was read as Windows-1252 \(Western European\)/],
    },
    content: () => [cp1252(text(deals(40, (i) => row(i, { name: ['Müller GmbH', 'Café Señor', 'Zürich AG', '€ Deal'][i % 4] }))))],
  },
  {
    file: 'shift-jis.csv',
    about: 'Japanese names in Shift_JIS (half the bytes are not ASCII)',
    user: 'Refused: not UTF-8 or UTF-16, perhaps a legacy encoding such as Shift_JIS; how to re-save',
    expect: {
      kind: 'refused',
      message:
        /^The file is not UTF-8 or UTF-16 text: \d+% of its bytes are not ASCII and do not form UTF-8 \(the first on line 2\); it may be in a legacy encoding such as Shift_JIS/,
    },
    content: () => {
      const next = random(7);
      const kanji = (): number[] =>
        Array.from({ length: 12 }, (_, k) => (k % 2 === 0 ? 0x88 + Math.floor(next() * 0x17) : 0x9f + Math.floor(next() * 0x5d))).flat();
      const parts: number[] = [...new TextEncoder().encode(`${HEADER}\r\n`)];
      for (let i = 1; i <= 40; i++)
        parts.push(...new TextEncoder().encode(`006${i},`), ...kanji(), 0x2c, ...kanji(), ...new TextEncoder().encode(`,Closed Won,100,2024-01-02,x\r\n`));
      return [Uint8Array.from(parts)];
    },
  },
  {
    file: 'mixed-encodings.csv',
    about: 'UTF-8 with one Windows-1252 "é" pasted in on line 8',
    user: 'Read as UTF-8, the stray byte replaced and its line named in a warning',
    expect: {
      kind: 'read',
      opportunities: 40,
      rejected: 0,
      warnings: [/^1 byte is not UTF-8 \(the first on line 8\) and read as "\uFFFD"; the rest of the file is UTF-8\.$/],
    },
    content: function* () {
      for (const line of deals(40, (i) => row(i, { account: `Müller & Søn ${i % 3}` }))) {
        if (line.startsWith('00600007,')) {
          yield line.slice(0, 9);
          yield Uint8Array.of(0x43, 0x61, 0x66, 0xe9);
          yield line.slice(9);
        } else yield line;
      }
    },
  },
  {
    file: 'workbook-renamed.csv',
    about: 'An .xlsx workbook renamed to .csv (a zip archive)',
    user: 'Refused: a zip archive, not a CSV; save it from Excel as CSV UTF-8',
    expect: { kind: 'refused', message: /^The file is a zip archive \(an Excel \.xlsx workbook is one\), not a CSV/ },
    content: () => {
      const next = random(11);
      return [Uint8Array.of(0x50, 0x4b, 3, 4), Uint8Array.from({ length: 4096 }, () => Math.floor(next() * 256))];
    },
  },
  {
    file: 'random-bytes.csv',
    about: '64 KB of random bytes',
    user: 'Refused: not text',
    expect: { kind: 'refused', message: /^The file is not text:/ },
    content: () => {
      const next = random(3);
      return [Uint8Array.from({ length: 64 * 1024 }, () => 1 + Math.floor(next() * 255))];
    },
  },
  {
    file: 'terminal-escapes.csv',
    about: 'ANSI escapes (clear screen, red, set the window title), a C1 CSI and a right-to-left override in cells the messages quote',
    user: 'Read; the CLI prints the control characters escaped (\\u001b), never raw',
    expect: {
      kind: 'read',
      opportunities: 39,
      rejected: 1,
      // eslint-disable-next-line no-control-regex -- the escapes are the case
      warnings: [/^Close Date: 1 value could not be read as dates \(line 4 "\u001b\[2J\u001b\[31mTBD\u001b\]0;pwned\u0007"\)$/],
    },
    content: () =>
      deals(40, (i) => {
        if (i === 3) return row(i, { close: '\u001b[2J\u001b[31mTBD\u001b]0;pwned\u0007' });
        if (i === 5) return row(i, { close: '\u009b31m\u202eTBD' });
        return row(i, { name: `Deal \u001b[1m${i}\u001b[0m` });
      }),
  },
  {
    file: 'stages-that-mean-lost.csv',
    about: 'Stages Lost (duplicate), Dead, Disqualified, Cancelled, Rejected, Duplicate and No Decision (scored as live pipeline)',
    user: 'Read: those stages proposed as lost, named in a warning and marked in the stage map to confirm or change',
    expect: {
      kind: 'read',
      opportunities: 42,
      rejected: 0,
      warnings: [
        /^Stage: 7 stages are read as lost because their names say so: "Lost \(duplicate\)" \(2 rows\), "Dead" \(2 rows\), "Disqualified" \(2 rows\), "Cancelled" \(2 rows\), "Rejected" \(2 rows\) and 2 more\. If one is an open stage, change it in the stage map\.$/,
      ],
    },
    content: () => {
      const lost = ['Lost (duplicate)', 'Dead', 'Disqualified', 'Cancelled', 'Rejected', 'Duplicate', 'No Decision'];
      return deals(42, (i) => (i <= 14 ? row(i, { stage: lost[(i - 1) % lost.length] }) : null));
    },
  },
  {
    file: 'rejected-93-of-120.csv',
    about: '120 rows, 93 of them without a stage, imported over 120 stored deals (replaced the previous data)',
    user: 'Read by the CLI with 93 rows rejected and said to be most of the file; the extension asks before replacing the 120 stored deals with 27 and keeps them until the user agrees',
    expect: { kind: 'read', opportunities: 27, rejected: 93, warnings: [], rejections: [/^Stage is empty, so the outcome is unknown$/], stored: 120 },
    content: () => deals(120, (i) => (i <= 93 ? row(i, { stage: '' }) : null)),
  },
  {
    file: 'close-date-not-dates.csv',
    about: 'A "Close Date" column where 90 of 120 values are "soon" (it quietly became an attribute)',
    user: 'Read: the column is not taken for the close date, and a warning says so',
    expect: {
      kind: 'read',
      opportunities: 120,
      rejected: 0,
      warnings: [/^Close Date is not read as the close date: only 30 of its 120 values are dates \(such as "soon", line 2\); it is kept as an attribute\.$/],
    },
    content: () => deals(120, (i) => (i <= 90 ? row(i, { close: 'soon' }) : null)),
  },
  {
    file: 'header-of-a-megabyte.csv',
    about: 'A header cell of 1,000,000 characters in an empty column (the warning echoed it whole)',
    user: 'Read: the column named in the warning by its first 60 characters',
    expect: { kind: 'read', opportunities: 40, rejected: 0, warnings: [/^Columns with no values: H{59}…\.$/] },
    content: () => deals(40, (i) => `${row(i)},`, `${HEADER},${'H'.repeat(1_000_000)}`),
  },
  {
    file: 'date-entered-header-spaces.csv',
    about: 'A HubSpot export whose "Date entered" header holds 50,000 spaces before a line separator (the header rule backtracked)',
    user: 'Read as a HubSpot export, the stage history from its Date entered columns',
    expect: { kind: 'read', opportunities: 30, rejected: 0, warnings: [] },
    content: function* () {
      yield `Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Date entered "Closed won (Sales Pipeline)",${q(`Date entered ${' '.repeat(50_000)}x\u2028y (Sales Pipeline${' '.repeat(50_000)}`)}\r\n`;
      for (let i = 1; i <= 30; i++)
        yield `${i},Deal ${i},${i % 2 ? 'Closed won' : 'Appointment scheduled'},${i * 100},2024-03-${10 + (i % 9)},2024-01-0${1 + (i % 8)},${i % 2 ? '2024-03-01' : ''},2024-02-01\r\n`;
    },
  },
  {
    file: 'ragged-and-wide-rows.csv',
    about: 'Rows with too few fields, too many, and one with 500,000 fields',
    user: 'Read: each such row rejected, naming its field count',
    expect: {
      kind: 'read',
      opportunities: 37,
      rejected: 3,
      warnings: [],
      rejections: [/^has 3 fields but the header has 7$/, /^has 9 fields but the header has 7$/, /^has 500,007 fields but the header has 7$/],
    },
    content: () => deals(40, (i) => ({ 2: '006A,Short,Retail', 5: `${row(i)},extra,more`, 8: `${row(i)}${',x'.repeat(500_000)}` })[i] ?? null),
  },
  {
    file: 'a-million-quotes.csv',
    about: 'A quoted name of 1,000,000 doubled quotes',
    user: 'Read: the name kept as 500,000 quote characters',
    expect: { kind: 'read', opportunities: 40, rejected: 0, warnings: [] },
    content: () => deals(40, (i) => (i === 4 ? row(i, { name: `"${'"'.repeat(1_000_000)}"` }) : null)),
  },
  {
    file: 'old-mac-line-ends.csv',
    about: 'Lone carriage returns as line ends (classic Mac OS), mixed with CRLF',
    user: 'Read: every row',
    expect: { kind: 'read', opportunities: 40, rejected: 0, warnings: [] },
    content: function* () {
      let n = 0;
      for (const line of deals(40)) yield n++ % 2 ? line.replace('\r\n', '\r') : line;
    },
  },
  {
    file: 'duplicate-ids-megabyte.csv',
    about: 'The same Opportunity ID of 2,000,000 characters on two rows',
    user: 'Read: the second rejected as a repeat, its id quoted to 60 characters',
    expect: {
      kind: 'read',
      opportunities: 40,
      rejected: 1,
      warnings: [/^1 row repeats an id of earlier rows and was rejected; the first row of each id is kept\.$/],
      rejections: [/^Opportunity ID "I{59}…" \(2,000,000 characters\) repeats line 3$/],
    },
    content: () => deals(41, (i) => (i === 2 || i === 41 ? `${'I'.repeat(2_000_000)}${row(i).slice(8)}` : null)),
  },
  {
    file: 'no-outcome-column.csv',
    about: 'No Stage, Won or Closed column',
    user: 'Refused: no column says whether a deal is won, lost or open; the headers it saw listed',
    expect: {
      kind: 'refused',
      message: /^No column says whether a deal is won, lost or open: .* Headers found: Opportunity ID, Opportunity Name, Amount\.$/,
      by: 'job',
    },
    content: () => ['Opportunity ID,Opportunity Name,Amount\r\n', '1,A,100\r\n', '2,B,200\r\n'],
  },
  {
    file: 'header-only.csv',
    about: 'A header and no rows',
    user: 'Refused: the file has a header but no data rows',
    expect: { kind: 'refused', message: /has a header but no data rows/ },
    content: () => [`${HEADER}\r\n`],
  },
  {
    file: 'empty.csv',
    about: 'Zero bytes',
    user: 'Refused: the file is empty',
    expect: { kind: 'refused', message: /empty/, by: 'page' },
    content: () => [],
  },
  {
    file: 'over-200-mb.csv',
    about: `An ordinary export of ${TOO_LARGE_BYTES.toLocaleString('en-US')} bytes (200 MiB), generated as it is written`,
    user: 'Refused before a byte is read: the file is larger than the 200 MB either importer reads',
    expect: {
      kind: 'refused',
      message: /^over-200-mb\.csv is 210 MB\. Dealsight imports files up to 200 MB: export fewer columns or a shorter date range\.$/,
      by: 'page',
    },
    content: function* () {
      const block = text(deals(2000)).slice(HEADER.length + 2);
      yield `${HEADER}\r\n`;
      let written = HEADER.length + 2;
      while (written + block.length <= TOO_LARGE_BYTES) {
        yield block;
        written += block.length;
      }
      yield ' '.repeat(TOO_LARGE_BYTES - written);
    },
  },
];
