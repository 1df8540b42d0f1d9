/**
 * Readable bands for numeric attributes, so a persona says "201–1,000 employees" rather
 * than "mean 734.2". Head counts use the LinkedIn/Apollo company-size bands (lead search
 * filters speak them); any other number gets quantile bands of the won deals with
 * rounded, readable edges.
 */

export interface Band {
  /** Inclusive lower bound (−Infinity for the first band). */
  min: number;
  /** Inclusive upper bound (Infinity for the last band). */
  max: number;
  label: string;
}

/** Company sizes as LinkedIn and Apollo group them. */
export const EMPLOYEE_BANDS: readonly Band[] = bandsFromEdges([10, 50, 200, 1000, 5000, 10000], { integers: true, floor: 1 });

export function bandOf(bands: readonly Band[], value: number): number {
  if (!Number.isFinite(value)) return -1;
  for (let i = 0; i < bands.length; i++) if (value <= (bands[i] as Band).max) return i;
  return bands.length - 1;
}

/** Rounds to 1, 2 or 5 × a power of ten (the "nice numbers" of chart axes). */
export function niceNumber(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const sign = Math.sign(x);
  const abs = Math.abs(x);
  const power = 10 ** Math.floor(Math.log10(abs));
  const fraction = abs / power;
  const nice = fraction < 1.5 ? 1 : fraction < 3.5 ? 2 : fraction < 7.5 ? 5 : 10;
  return sign * nice * power;
}

/** "1.2K", "35M", "1.5B": compact numbers for labels. */
export function compactNumber(x: number): string {
  const abs = Math.abs(x);
  // [from, unit size, suffix]: thousands only from 10,000, so 2,500 stays "2,500".
  const units: Array<[number, number, string]> = [
    [1e12, 1e12, 'T'],
    [1e9, 1e9, 'B'],
    [1e6, 1e6, 'M'],
    [1e4, 1e3, 'K'],
  ];
  for (const [from, size, suffix] of units) {
    if (abs >= from) {
      const scaled = x / size;
      return `${Number.isInteger(scaled) ? scaled : Number(scaled.toFixed(1))}${suffix}`;
    }
  }
  return Number.isInteger(x) ? x.toLocaleString('en-US') : Number(x.toFixed(2)).toLocaleString('en-US');
}

/**
 * Bands between sorted edges: (−∞, e0], (e0, e1], …, (eN, ∞). With `integers`, labels
 * read "11–50"; otherwise "10K–50K".
 */
export function bandsFromEdges(edges: readonly number[], options: { integers?: boolean; floor?: number; years?: boolean } = {}): Band[] {
  const bands: Band[] = [];
  for (let i = 0; i <= edges.length; i++) {
    const lower = i === 0 ? -Infinity : (edges[i - 1] as number);
    const upper = i === edges.length ? Infinity : (edges[i] as number);
    const from = i === 0 ? (options.floor ?? null) : options.integers ? lower + 1 : lower;
    const label =
      upper === Infinity
        ? `${compactOrPlain(options.integers ? lower + 1 : lower, options.integers, options.years)}+`
        : from === null
          ? `up to ${compactOrPlain(upper, options.integers, options.years)}`
          : `${compactOrPlain(from, options.integers, options.years)}–${compactOrPlain(upper, options.integers, options.years)}`;
    bands.push({ min: lower, max: upper, label });
  }
  return bands;
}

function compactOrPlain(x: number, integers: boolean | undefined, years = false): string {
  if (years) return String(Math.round(x));
  return integers ? Math.round(x).toLocaleString('en-US') : compactNumber(x);
}

/**
 * Quantile bands of `values` (about `count` of them) with nice edges; duplicate edges
 * collapse, so a column with few distinct values gets fewer bands.
 */
export function quantileBands(values: readonly number[], count = 5, options: { years?: boolean } = {}): Band[] {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return [{ min: -Infinity, max: Infinity, label: 'any' }];
  // Small whole numbers read "11–50"; large ones (revenue) read "5M–50M".
  const integers = sorted.every(Number.isInteger) && (sorted[sorted.length - 1] as number) < 10_000;
  const edges: number[] = [];
  for (let k = 1; k < count; k++) {
    const q = sorted[Math.min(sorted.length - 1, Math.floor((k / count) * sorted.length))] as number;
    const edge = niceNumber(q);
    if (edge > (sorted[0] as number) && edge < (sorted[sorted.length - 1] as number) && (edges.length === 0 || edge > (edges[edges.length - 1] as number))) {
      edges.push(edge);
    }
  }
  return bandsFromEdges(edges, { integers, years: options.years });
}

/** The label of a run of consecutive bands, e.g. bands 2..3 of employees → "51–1,000". */
export function runLabel(bands: readonly Band[], from: number, to: number): string {
  if (from === to) return (bands[from] as Band).label;
  const first = (bands[from] as Band).label;
  const last = (bands[to] as Band).label;
  const start = first.includes('–') ? first.split('–')[0] : first.startsWith('up to') ? null : first;
  const end = last.endsWith('+') ? null : last.includes('–') ? last.split('–')[1] : last.replace('up to ', '');
  if (start === null) return `up to ${end}`;
  if (end === null) return `${start}+`;
  return `${start}–${end}`;
}
