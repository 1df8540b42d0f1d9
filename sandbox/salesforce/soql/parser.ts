import type { ComparisonOperator, Condition, FieldPath, Literal, OrderItem, SoqlQuery } from './ast';
import { isDateLiteralName, takesN } from './date-literals';
import { SoqlError } from './errors';
import { tokenize, type Token } from './lexer';

/**
 * A recursive-descent parser for the SOQL a CRM connector sends:
 *
 *   SELECT field[, field…] | COUNT()  FROM Object
 *   [WHERE condition]  [ORDER BY field [ASC|DESC] [NULLS FIRST|LAST][, …]]  [LIMIT n]  [OFFSET n]
 *
 * Conditions: `=, !=, <>, <, >, <=, >=`, `[NOT] IN (…)`, `LIKE`, `NOT`, parentheses, and
 * AND / OR, which SOQL does not let one mix without parentheses. Values: strings, numbers,
 * true/false/null, unquoted dates and dateTimes, and date literals (TODAY, LAST_N_YEARS:3).
 * Anything else (subqueries, GROUP BY, aggregates, FIELDS(), TYPEOF, bind variables) is a
 * MALFORMED_QUERY that says the sandbox does not support it.
 */

const UNSUPPORTED_CLAUSES = new Set(['GROUP', 'HAVING', 'WITH', 'USING', 'FOR', 'UPDATE', 'TYPEOF', 'ROLLUP', 'CUBE']);
const AGGREGATES = new Set(['SUM', 'AVG', 'MIN', 'MAX', 'COUNT_DISTINCT', 'FIELDS', 'TOLABEL', 'FORMAT', 'CONVERTCURRENCY', 'CALENDAR_YEAR', 'DAY_ONLY']);
/** Words that end a field list or a condition: never field names in this subset. */
const RESERVED = new Set([
  'SELECT',
  'FROM',
  'WHERE',
  'ORDER',
  'BY',
  'LIMIT',
  'OFFSET',
  'AND',
  'OR',
  'NOT',
  'IN',
  'LIKE',
  'ASC',
  'DESC',
  'NULLS',
  'NULL',
  'TRUE',
  'FALSE',
]);
const MAX_OFFSET = 2000;

export function parseSoql(query: string): SoqlQuery {
  return new Parser(tokenize(query)).query();
}

class Parser {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.index++;
    return token;
  }

  private isWord(word: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'word' && token.text.toUpperCase() === word;
  }

  private isPunct(text: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'punct' && token.text === text;
  }

  private expectWord(word: string): Token {
    if (!this.isWord(word)) throw this.unexpected();
    return this.next();
  }

  private expectPunct(text: string): Token {
    if (!this.isPunct(text)) throw this.unexpected();
    return this.next();
  }

  private unexpected(token: Token = this.peek()): SoqlError {
    if (token.kind === 'eof') return new SoqlError('MALFORMED_QUERY', 'unexpected token: <EOF>', token.pos);
    return new SoqlError('MALFORMED_QUERY', `unexpected token: '${describe(token)}'`, token.pos);
  }

  query(): SoqlQuery {
    this.expectWord('SELECT');
    const select = this.selectList();
    this.expectWord('FROM');
    const fromToken = this.next();
    if (fromToken.kind !== 'word' || RESERVED.has(fromToken.text.toUpperCase())) throw this.unexpected(fromToken);
    if (this.isPunct(',')) throw unsupported('querying more than one object', this.peek().pos);
    // An alias (`FROM Opportunity o`) is valid SOQL but nothing a connector needs.
    if (this.peek().kind === 'word' && !RESERVED.has((this.peek() as { text: string }).text.toUpperCase())) {
      const word = (this.peek() as { text: string }).text.toUpperCase();
      if (UNSUPPORTED_CLAUSES.has(word)) throw unsupported(`the ${word} clause`, this.peek().pos);
      throw unsupported('object aliases', this.peek().pos);
    }
    const query: SoqlQuery = { select, from: { name: fromToken.text, pos: fromToken.pos }, where: null, orderBy: [], limit: null, offset: null };
    if (this.isWord('WHERE')) {
      this.next();
      query.where = this.condition();
    }
    if (this.isWord('ORDER')) {
      this.next();
      this.expectWord('BY');
      query.orderBy = this.orderList();
    }
    if (this.isWord('LIMIT')) {
      this.next();
      query.limit = this.nonNegativeInteger('LIMIT');
    }
    if (this.isWord('OFFSET')) {
      this.next();
      const pos = this.peek().pos;
      query.offset = this.nonNegativeInteger('OFFSET');
      if (query.offset > MAX_OFFSET) {
        throw new SoqlError('NUMBER_OUTSIDE_VALID_RANGE', `Maximum SOQL offset allowed is ${MAX_OFFSET}`, pos);
      }
    }
    const end = this.peek();
    if (end.kind !== 'eof') {
      if (end.kind === 'word' && UNSUPPORTED_CLAUSES.has(end.text.toUpperCase())) throw unsupported(`the ${end.text.toUpperCase()} clause`, end.pos);
      throw this.unexpected(end);
    }
    return query;
  }

  private selectList(): SoqlQuery['select'] {
    if (this.isWord('COUNT') && this.isPunct('(', 1)) {
      const pos = this.next().pos;
      this.next();
      if (!this.isPunct(')')) throw unsupported('COUNT(field); use COUNT()', this.peek().pos);
      this.next();
      return { kind: 'count', pos };
    }
    const fields: FieldPath[] = [this.selectItem()];
    while (this.isPunct(',')) {
      this.next();
      fields.push(this.selectItem());
    }
    return { kind: 'fields', fields };
  }

  private selectItem(): FieldPath {
    if (this.isPunct('(')) throw unsupported('subqueries', this.peek().pos);
    const token = this.peek();
    if (token.kind === 'word' && AGGREGATES.has(token.text.toUpperCase()) && this.isPunct('(', 1)) {
      throw unsupported(`${token.text.toUpperCase()}()`, token.pos);
    }
    if (token.kind === 'word' && token.text.toUpperCase() === 'COUNT' && this.isPunct('(', 1)) {
      throw unsupported('COUNT() together with fields', token.pos);
    }
    return this.fieldPath();
  }

  private fieldPath(): FieldPath {
    const first = this.next();
    if (first.kind !== 'word' || RESERVED.has(first.text.toUpperCase())) throw this.unexpected(first);
    const parts = [first.text];
    while (this.isPunct('.')) {
      this.next();
      const part = this.next();
      if (part.kind !== 'word') throw this.unexpected(part);
      parts.push(part.text);
    }
    return { parts, pos: first.pos };
  }

  /** OR-list of AND-lists; mixing the two at one level needs parentheses, as in SOQL. */
  private condition(): Condition {
    const first = this.unary();
    let joiner: 'and' | 'or' | null = null;
    const terms = [first];
    while (this.isWord('AND') || this.isWord('OR')) {
      const token = this.next() as { text: string; pos: number };
      const word = token.text.toLowerCase() as 'and' | 'or';
      if (joiner !== null && word !== joiner) {
        throw new SoqlError('MALFORMED_QUERY', `unexpected token: '${token.text}'`, token.pos);
      }
      joiner = word;
      terms.push(this.unary());
    }
    return joiner === null ? first : { kind: joiner, terms };
  }

  private unary(): Condition {
    if (this.isWord('NOT')) {
      this.next();
      return { kind: 'not', term: this.unary() };
    }
    if (this.isPunct('(')) {
      this.next();
      const inner = this.condition();
      this.expectPunct(')');
      return inner;
    }
    return this.comparison();
  }

  private comparison(): Condition {
    const field = this.fieldPath();
    const token = this.peek();
    if (token.kind === 'op') {
      this.next();
      return { kind: 'compare', field, op: token.text as ComparisonOperator, value: this.literal(), pos: token.pos };
    }
    if (this.isWord('LIKE')) {
      this.next();
      return { kind: 'like', field, pattern: this.literal(), pos: token.pos };
    }
    if (this.isWord('IN') || (this.isWord('NOT') && this.isWord('IN', 1))) {
      const negated = this.isWord('NOT');
      if (negated) this.next();
      this.next();
      if (this.isPunct('(') && this.isWord('SELECT', 1)) throw unsupported('semi-join subqueries', this.peek(1).pos);
      this.expectPunct('(');
      const values = [this.literal()];
      while (this.isPunct(',')) {
        this.next();
        values.push(this.literal());
      }
      this.expectPunct(')');
      return { kind: 'in', field, negated, values, pos: token.pos };
    }
    if (token.kind === 'word' && ['INCLUDES', 'EXCLUDES'].includes(token.text.toUpperCase())) {
      throw unsupported(`${token.text.toUpperCase()} (multi-select picklists)`, token.pos);
    }
    throw this.unexpected(token);
  }

  private literal(): Literal {
    const token = this.next();
    switch (token.kind) {
      case 'string':
        return { kind: 'string', value: token.value, pos: token.pos };
      case 'number':
        return { kind: 'number', value: token.value, pos: token.pos };
      case 'date':
        return { kind: 'date', value: token.value, pos: token.pos };
      case 'datetime':
        return { kind: 'datetime', value: token.value, pos: token.pos };
      case 'word': {
        const upper = token.text.toUpperCase();
        if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'boolean', value: upper === 'TRUE', pos: token.pos };
        if (upper === 'NULL') return { kind: 'null', pos: token.pos };
        if (isDateLiteralName(upper)) {
          if (!takesN(upper)) return { kind: 'dateLiteral', name: upper, n: null, pos: token.pos };
          this.expectPunct(':');
          const n = this.next();
          if (n.kind !== 'number' || !Number.isInteger(n.value) || n.value < 0) throw this.unexpected(n);
          return { kind: 'dateLiteral', name: upper, n: n.value, pos: token.pos };
        }
        throw this.unexpected(token);
      }
      case 'punct':
        if (token.text === ':') throw unsupported('bind variables', token.pos);
        throw this.unexpected(token);
      default:
        throw this.unexpected(token);
    }
  }

  private orderList(): OrderItem[] {
    const items: OrderItem[] = [];
    do {
      if (items.length > 0) this.next();
      const field = this.fieldPath();
      let descending = false;
      if (this.isWord('ASC') || this.isWord('DESC')) descending = (this.next() as { text: string }).text.toUpperCase() === 'DESC';
      let nullsFirst = !descending;
      if (this.isWord('NULLS')) {
        this.next();
        if (this.isWord('FIRST')) nullsFirst = true;
        else if (this.isWord('LAST')) nullsFirst = false;
        else throw this.unexpected();
        this.next();
      }
      items.push({ field, descending, nullsFirst });
    } while (this.isPunct(','));
    return items;
  }

  private nonNegativeInteger(clause: string): number {
    const token = this.next();
    if (token.kind !== 'number' || !Number.isInteger(token.value) || token.value < 0) {
      throw new SoqlError('MALFORMED_QUERY', `${clause} must be a non-negative integer, found '${describe(token)}'`, token.pos);
    }
    return token.value;
  }
}

function describe(token: Token): string {
  switch (token.kind) {
    case 'word':
    case 'op':
    case 'punct':
      return token.text;
    case 'string':
      return `'${token.value}'`;
    case 'number':
    case 'datetime':
      return token.text;
    case 'date':
      return token.value;
    case 'eof':
      return '<EOF>';
  }
}

function unsupported(what: string, pos: number): SoqlError {
  return new SoqlError('MALFORMED_QUERY', `The Dealsight sandbox server does not support ${what}.`, pos);
}
