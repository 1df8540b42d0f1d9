import { SoqlError } from './errors';

/**
 * Splits SOQL into tokens. Keywords and names are case-insensitive, so both come out as
 * `word` tokens and the parser compares them in upper case. Date and dateTime literals
 * are unquoted in SOQL (`2024-01-01`, `2024-01-01T00:00:00Z`) and are recognised here.
 * https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_quotedstringescapes.htm
 */

export type Token =
  | { kind: 'word'; text: string; pos: number }
  | { kind: 'string'; value: string; pos: number }
  | { kind: 'number'; value: number; text: string; pos: number }
  | { kind: 'date'; value: string; pos: number }
  | { kind: 'datetime'; value: number; text: string; pos: number }
  | { kind: 'op'; text: '=' | '!=' | '<' | '>' | '<=' | '>='; pos: number }
  | { kind: 'punct'; text: '(' | ')' | ',' | '.' | ':'; pos: number }
  | { kind: 'eof'; pos: number };

const ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  r: '\r',
  t: '\t',
  b: '\b',
  f: '\f',
  '"': '"',
  "'": "'",
  '\\': '\\',
};

const DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,3})?(Z|[+-]\d{2}:?\d{2})/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?![\d:T])/;
const NUMBER = /^-?\d+(\.\d+)?(?![\w.])/;
const WORD = /^[A-Za-z_][A-Za-z0-9_]*/;

export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query.charAt(i);
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const rest = query.slice(i);
    if (c === "'") {
      const { value, end } = readString(query, i);
      tokens.push({ kind: 'string', value, pos: i });
      i = end;
      continue;
    }
    const datetime = DATETIME.exec(rest);
    if (datetime) {
      const ms = Date.parse(normalizeDateTime(datetime[0]));
      if (Number.isNaN(ms) || !validDay(datetime[1], datetime[2], datetime[3])) {
        throw new SoqlError('MALFORMED_QUERY', `Invalid dateTime: ${datetime[0]}`, i);
      }
      tokens.push({ kind: 'datetime', value: ms, text: datetime[0], pos: i });
      i += datetime[0].length;
      continue;
    }
    const date = DATE.exec(rest);
    if (date) {
      if (!validDay(date[1], date[2], date[3])) throw new SoqlError('MALFORMED_QUERY', `Invalid date: ${date[0]}`, i);
      tokens.push({ kind: 'date', value: date[0], pos: i });
      i += date[0].length;
      continue;
    }
    const number = NUMBER.exec(rest);
    if (number) {
      tokens.push({ kind: 'number', value: Number(number[0]), text: number[0], pos: i });
      i += number[0].length;
      continue;
    }
    const word = WORD.exec(rest);
    if (word) {
      tokens.push({ kind: 'word', text: word[0], pos: i });
      i += word[0].length;
      continue;
    }
    const two = rest.slice(0, 2);
    if (two === '!=' || two === '<>' || two === '<=' || two === '>=') {
      tokens.push({ kind: 'op', text: two === '<>' ? '!=' : two, pos: i });
      i += 2;
      continue;
    }
    if (c === '=' || c === '<' || c === '>') {
      tokens.push({ kind: 'op', text: c, pos: i });
      i++;
      continue;
    }
    if (c === '(' || c === ')' || c === ',' || c === '.' || c === ':') {
      tokens.push({ kind: 'punct', text: c, pos: i });
      i++;
      continue;
    }
    throw new SoqlError('MALFORMED_QUERY', `unexpected token: '${c}'`, i);
  }
  tokens.push({ kind: 'eof', pos: query.length });
  return tokens;
}

function readString(query: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  while (i < query.length) {
    const c = query.charAt(i);
    if (c === "'") return { value, end: i + 1 };
    if (c === '\\') {
      const next = query.charAt(i + 1);
      const escaped = ESCAPES[next];
      if (escaped !== undefined) value += escaped;
      // \% and \_ stay escaped: they only mean something to LIKE, which reads them.
      else if (next === '%' || next === '_') value += `\\${next}`;
      else
        throw new SoqlError(
          'MALFORMED_QUERY',
          `Invalid string literal '${query.slice(start, i + 2)}'. Illegal character sequence '\\${next}' in string literal.`,
          i,
        );
      i += 2;
      continue;
    }
    value += c;
    i++;
  }
  throw new SoqlError('MALFORMED_QUERY', 'unterminated string literal', start);
}

function validDay(year: string | undefined, month: string | undefined, day: string | undefined): boolean {
  const iso = `${year}-${month}-${day}`;
  const ms = Date.parse(`${iso}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === iso;
}

/** `+0100` → `+01:00`, which Date.parse reads everywhere. */
function normalizeDateTime(text: string): string {
  return text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
}
