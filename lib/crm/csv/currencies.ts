/**
 * Currency symbols and ISO 4217 codes as they appear around amounts in CRM exports.
 * Codes are a closed list so that a word next to a number ("abc 12") is not taken for a
 * currency; "kr" and "Fr." are left out because several currencies share them.
 */

export const ISO_CURRENCY_CODES: ReadonlySet<string> = new Set([
  'USD',
  'EUR',
  'GBP',
  'JPY',
  'CNY',
  'INR',
  'AUD',
  'CAD',
  'CHF',
  'SEK',
  'NOK',
  'DKK',
  'ISK',
  'PLN',
  'CZK',
  'HUF',
  'RON',
  'BGN',
  'RSD',
  'UAH',
  'RUB',
  'TRY',
  'ILS',
  'AED',
  'SAR',
  'QAR',
  'KWD',
  'EGP',
  'ZAR',
  'NGN',
  'KES',
  'MAD',
  'BRL',
  'MXN',
  'ARS',
  'CLP',
  'COP',
  'PEN',
  'NZD',
  'SGD',
  'HKD',
  'KRW',
  'TWD',
  'THB',
  'MYR',
  'IDR',
  'PHP',
  'VND',
  'PKR',
  'BDT',
]);

/**
 * Symbol → code. A bare `$` is USD: the convention of US exports, and a currency column
 * or an ISO code next to the amount overrides it (`CAD $1,200`). A Map: a currency cell
 * reading `toString` or `constructor` must find nothing, not an object's method (issue 14).
 */
export const CURRENCY_SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['US$', 'USD'],
  ['CA$', 'CAD'],
  ['C$', 'CAD'],
  ['AU$', 'AUD'],
  ['A$', 'AUD'],
  ['NZ$', 'NZD'],
  ['HK$', 'HKD'],
  ['S$', 'SGD'],
  ['R$', 'BRL'],
  ['MX$', 'MXN'],
  ['$', 'USD'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  ['￥', 'JPY'],
  ['₹', 'INR'],
  ['₩', 'KRW'],
  ['₽', 'RUB'],
  ['₺', 'TRY'],
  ['₪', 'ILS'],
  ['₫', 'VND'],
  ['฿', 'THB'],
  ['₱', 'PHP'],
  ['zł', 'PLN'],
  ['Kč', 'CZK'],
]);

/** Longest first, so `US$` is tried before `$`. */
export const SYMBOLS_LONGEST_FIRST: readonly string[] = [...CURRENCY_SYMBOLS.keys()].sort((a, b) => b.length - a.length);

/** Reads a currency column's cell ("usd", "EUR", "€") as an ISO code, or null. */
export function currencyCode(raw: string): string | null {
  const text = raw.trim();
  const upper = text.toUpperCase();
  if (ISO_CURRENCY_CODES.has(upper)) return upper;
  const symbol = CURRENCY_SYMBOLS.get(text);
  if (symbol !== undefined) return symbol;
  // Picklist labels such as "USD - U.S. Dollar".
  const lead = /^([A-Za-z]{3})\b/.exec(text)?.[1]?.toUpperCase();
  return lead !== undefined && ISO_CURRENCY_CODES.has(lead) ? lead : null;
}
