/**
 * The popup's columns as data: their order, what each sorts by, and which to keep when
 * the popup is narrower than the ~780 px it is designed for (Chrome caps a popup at
 * 800 × 600; Firefox's overflow menu gives far less).
 */
import type { HealthLevel } from '../engine/health/health';
import type { PipelineRow } from '../panel-data';

export type ColumnKey =
  'name' | 'amount' | 'stage' | 'daysInStage' | 'closeDate' | 'repeatBuyerPotential' | 'winPotential' | 'health' | 'forecastCategory' | 'predictedClose';

/** How a column's values compare: text by the locale's collation, numbers and ISO dates numerically. */
export type ColumnKind = 'text' | 'number' | 'date';

export interface ColumnDef {
  key: ColumnKey;
  kind: ColumnKind;
  /** Lower is kept longer when the popup narrows; the name is always shown. */
  priority: number;
  /** Track width in px (the name column takes the rest, at least `width`). */
  width: number;
  align: 'start' | 'end';
}

/**
 * Display order. Each width fits its widest usual value ("$1,250,000", "Sep 30, 2026" plus
 * the slip marker, "50% Medium", "120 d" plus the stalled marker, "Attention") inside 4 px
 * of padding each side; all of them add up to 896 px. A 780 px popup has 764 px of rows
 * (less a thin scrollbar): with the name at its minimum, the scores, the dates, health and
 * days in stage fit (740 px), and the stage and forecast category give way first (the days
 * in stage cell names the stage in its tooltip; both are on the CRM record a click opens).
 */
export const COLUMNS: readonly ColumnDef[] = [
  { key: 'name', kind: 'text', priority: 0, width: 188, align: 'start' },
  { key: 'amount', kind: 'number', priority: 2, width: 72, align: 'end' },
  { key: 'stage', kind: 'text', priority: 8, width: 84, align: 'start' },
  { key: 'daysInStage', kind: 'number', priority: 6, width: 56, align: 'end' },
  { key: 'closeDate', kind: 'date', priority: 3, width: 88, align: 'start' },
  { key: 'repeatBuyerPotential', kind: 'number', priority: 7, width: 64, align: 'start' },
  { key: 'winPotential', kind: 'number', priority: 1, width: 92, align: 'start' },
  { key: 'health', kind: 'number', priority: 5, width: 76, align: 'start' },
  { key: 'forecastCategory', kind: 'text', priority: 9, width: 72, align: 'start' },
  { key: 'predictedClose', kind: 'date', priority: 4, width: 104, align: 'start' },
];

/**
 * Health as a number that sorts it: the worst first when ascending (the order a rep works
 * through them), so the first click on the column shows the deals at risk.
 */
export const HEALTH_RANK: Readonly<Record<HealthLevel, number>> = { 'at-risk': 0, 'needs-attention': 1, 'on-track': 2 };

export const COLUMN_BY_KEY: Readonly<Record<ColumnKey, ColumnDef>> = Object.fromEntries(COLUMNS.map((c) => [c.key, c])) as Record<ColumnKey, ColumnDef>;

export function isColumnKey(value: unknown): value is ColumnKey {
  return typeof value === 'string' && Object.hasOwn(COLUMN_BY_KEY, value);
}

/**
 * The columns that fit `width` px, in display order: highest priority first until the
 * next one would not fit. The name column always stays (it is what a row is).
 */
export function columnsForWidth(width: number, columns: readonly ColumnDef[] = COLUMNS): ColumnDef[] {
  const byPriority = [...columns].sort((a, b) => a.priority - b.priority);
  const kept = new Set<ColumnKey>();
  let used = 0;
  for (const column of byPriority) {
    if (kept.size > 0 && used + column.width > width) break;
    kept.add(column.key);
    used += column.width;
  }
  return columns.filter((c) => kept.has(c.key));
}

/** The CSS grid-template-columns of a set of columns: the name column stretches. */
export function gridTemplate(columns: readonly ColumnDef[]): string {
  return columns.map((c) => (c.key === 'name' ? `minmax(${c.width}px, 1fr)` : `${c.width}px`)).join(' ');
}

/** The raw value a column sorts by (formatting is the component's business). */
export function columnValue(row: PipelineRow, key: ColumnKey): string | number | null {
  switch (key) {
    case 'name':
      return row.name;
    case 'amount':
      return row.amount;
    case 'stage':
      return row.stage;
    case 'daysInStage':
      return row.daysInStage ?? null;
    case 'closeDate':
      return row.closeDate;
    case 'repeatBuyerPotential':
      return row.repeatBuyerPotential;
    case 'winPotential':
      return row.winPotential;
    case 'health':
      return row.health ? HEALTH_RANK[row.health] : null;
    case 'forecastCategory':
      return row.forecastCategory;
    case 'predictedClose':
      return row.predictedClose;
  }
}
