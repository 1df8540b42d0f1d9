import { describe, expect, it } from 'vitest';
import { currencyCode } from '../../lib/crm/csv/currencies';
import { decideDecimalSeparator, decimalEvidence, parseNumber } from '../../lib/crm/csv/numbers';

const value = (raw: string, decimal: '.' | ',' = '.') => {
  const r = parseNumber(raw, decimal);
  return r.ok ? [r.value.value, r.value.currency] : r.reason;
};

describe('parseNumber', () => {
  it.each([
    ['$1,234.50', 1234.5, 'USD'],
    ['1.234,50 €', 1234.5, 'EUR'],
    ['USD 12,500.00', 12500, 'USD'],
    ['12K', 12000, null],
    ['1.2M', 1200000, null],
    ['1.1M', 1100000, null],
    ['€3.5k', 3500, 'EUR'],
    ['(1,200.00)', -1200, null],
    ['-5', -5, null],
    ['-$5', -5, 'USD'],
    ['$-5', -5, 'USD'],
    ['1 234,56', 1234.56, null],
    ['1\u00a0234,56', 1234.56, null],
    ["1'234.50", 1234.5, null],
    ['£99', 99, 'GBP'],
    ['¥5000', 5000, 'JPY'],
    ['R$ 10,00', 10, 'BRL'],
    ['CAD $1,200.00', 1200, 'CAD'],
    ['$12 CAD', 12, 'CAD'],
    ['12 usd', 12, 'USD'],
    ['1,234,567', 1234567, null],
    ['1.234.567', 1234567, null],
    ['1234.567', 1234.567, null],
    ['.5', 0.5, null],
    ['0,500', 0.5, null],
    ['1.2E+06', 1200000, null],
    ['5 bn', 5e9, null],
  ])('%s → %d %s', (raw, expected, currency) => {
    expect(value(raw)).toEqual([expected, currency]);
  });

  it('reads a separator that could be either by the column decision', () => {
    expect(value('12.500', '.')).toEqual([12.5, null]);
    expect(value('12.500', ',')).toEqual([12500, null]);
    expect(value('12,500', '.')).toEqual([12500, null]);
    expect(value('12,500', ',')).toEqual([12.5, null]);
  });

  it('keeps the percent sign as a flag', () => {
    expect(parseNumber('75%')).toEqual({ ok: true, value: { value: 75, currency: null, percent: true } });
  });

  it.each(['12..5', 'abc', '1,2,3.4.5', '12.', '12abc', 'USD', '$', '--5', '1.234,5,6'])('rejects %s with a reason naming it', (raw) => {
    expect(parseNumber(raw)).toEqual({ ok: false, reason: `"${raw}" is not a number` });
  });
});

describe('decimalEvidence', () => {
  it.each([
    ['1,234.50', '.'],
    ['1.234,50', ','],
    ['1,234,567', '.'],
    ['1.234.567', ','],
    ['12,5', ','],
    ['1 234,56', ','],
    ['12.500', 'ambiguous'],
    ['12,500', 'ambiguous'],
    ['0.500', '.'],
    ['12500', null],
    ['abc', null],
  ])('%s → %s', (raw, expected) => {
    expect(decimalEvidence(raw)).toBe(expected);
  });
});

describe('decideDecimalSeparator', () => {
  it('decides a column by its telling values and lists the values that needed it', () => {
    expect(decideDecimalSeparator(['12.500', '1.234,50', '', '7', '3,25'], [2, 3, 4, 5, 6])).toEqual({
      separator: ',',
      basis: 'values',
      evidence: { raw: '1.234,50', line: 3 },
      ambiguous: [{ raw: '12.500', line: 2 }],
      contrary: { count: 0, example: null },
    });
  });

  it('assumes the decimal point when no value tells', () => {
    expect(decideDecimalSeparator(['12.500', '7'])).toEqual({
      separator: '.',
      basis: 'assumed',
      evidence: null,
      ambiguous: [{ raw: '12.500', line: 1 }],
      contrary: { count: 0, example: null },
    });
  });

  it('follows the majority and counts the contrary values', () => {
    const d = decideDecimalSeparator(['1,5', '2,5', '3.5'], [7, 8, 9]);
    expect([d.separator, d.contrary]).toEqual([',', { count: 1, example: { raw: '3.5', line: 9 } }]);
  });
});

describe('currencyCode', () => {
  it('reads codes, symbols and picklist labels', () => {
    expect(['usd', 'EUR', '€', '£', 'USD - U.S. Dollar', 'dollars', ''].map(currencyCode)).toEqual(['USD', 'EUR', 'EUR', 'GBP', 'USD', null, null]);
  });
});
