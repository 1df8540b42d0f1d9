/**
 * Decides the day/month order of a file's slash dates. One export has one locale, so
 * the columns should agree: each column is decided by its own values with a day above
 * 12, columns without such values follow the file, and a file with none is assumed
 * MM/DD (Salesforce's US default) and says so, so that a rep with DD/MM data can tell.
 */
import { dateOrderEvidence, isSlashDate, ORDER_PATTERN, type DateOrder } from './dates';
import { listNames } from './excerpt';

/** One cell with its physical line, for evidence in messages. */
export interface CellRef {
  raw: string;
  line: number;
}

export interface DateColumn {
  label: string;
  values: readonly CellRef[];
}

export type DateOrderBasis = 'option' | 'values' | 'assumed';

export interface DateOrderDecision {
  /** The file's order; null when it has no slash dates. */
  order: DateOrder | null;
  basis: DateOrderBasis | null;
  /** The order each input column is read in, in input order. */
  columnOrders: DateOrder[];
  warnings: string[];
}

interface Tally {
  label: string;
  slash: number;
  DMY: CellRef[];
  MDY: CellRef[];
  ambiguous: CellRef | null;
}

export function decideDateOrder(columns: readonly DateColumn[], forced?: DateOrder): DateOrderDecision {
  const tallies = columns.map(tallyColumn);
  if (!tallies.some((t) => t.slash > 0) || forced !== undefined) {
    const order = forced ?? null;
    return { order, basis: forced === undefined ? null : 'option', columnOrders: columns.map(() => forced ?? 'MDY'), warnings: [] };
  }
  const warnings: string[] = [];
  const own = tallies.map((t) => columnOrder(t, warnings));
  const decided = own.filter((o): o is DateOrder => o !== null);
  if (decided.length === 0) {
    const example = tallies.find((t) => t.ambiguous !== null);
    if (example?.ambiguous) warnings.push(assumedWarning(example.label, example.ambiguous));
    return { order: 'MDY', basis: 'assumed', columnOrders: columns.map(() => 'MDY'), warnings };
  }
  const order = fileOrder(decided);
  if (new Set(decided).size > 1) warnings.push(disagreementWarning(tallies, own));
  const source = tallies.find((t, i) => own[i] === order);
  const evidence = source?.[order][0];
  if (source && evidence) {
    warnings.unshift(
      `Dates are read as ${ORDER_PATTERN[order]}: "${evidence.raw}" (${source.label}, line ${evidence.line}) can only be ${order === 'DMY' ? 'day' : 'month'} first.`,
    );
  }
  return { order, basis: 'values', columnOrders: own.map((o) => o ?? order), warnings };
}

function tallyColumn(column: DateColumn): Tally {
  const tally: Tally = { label: column.label, slash: 0, DMY: [], MDY: [], ambiguous: null };
  for (const cell of column.values) {
    if (!isSlashDate(cell.raw)) continue;
    tally.slash++;
    const evidence = dateOrderEvidence(cell.raw);
    if (evidence === 'ambiguous') tally.ambiguous ??= cell;
    else if (evidence !== null) tally[evidence].push(cell);
  }
  return tally;
}

/** A column's own order by majority of its telling values; null when they do not decide. */
function columnOrder(t: Tally, warnings: string[]): DateOrder | null {
  const dmy = t.DMY.length;
  const mdy = t.MDY.length;
  if (dmy > 0 && mdy > 0) warnings.push(mixedWarning(t, dmy > mdy ? 'DMY' : mdy > dmy ? 'MDY' : null));
  if (dmy === mdy) return null;
  return dmy > mdy ? 'DMY' : 'MDY';
}

/** The order most decided columns follow; MM/DD on a tie, as with no evidence. */
function fileOrder(decided: DateOrder[]): DateOrder {
  const dmy = decided.filter((o) => o === 'DMY').length;
  return dmy > decided.length - dmy ? 'DMY' : 'MDY';
}

function assumedWarning(label: string, example: CellRef): string {
  return (
    `Dates are read as MM/DD/YYYY by assumption: no date has a day above 12 (such as "${example.raw}" in ${label}, line ${example.line}). ` +
    `Choose DD/MM/YYYY (dateOrder 'DMY') if they are day first.`
  );
}

function mixedWarning(t: Tally, winner: DateOrder | null): string {
  const first = (order: DateOrder): string => {
    const cell = t[order][0];
    return cell ? ` (such as "${cell.raw}", line ${cell.line})` : '';
  };
  const outcome = winner === null ? 'the file decides' : `read as ${ORDER_PATTERN[winner]}`;
  return (
    `${t.label} mixes date orders: ${t.DMY.length} day first${first('DMY')} and ${t.MDY.length} month first${first('MDY')}; ` +
    `${outcome}, and the dates that do not fit are reported.`
  );
}

function disagreementWarning(tallies: Tally[], own: (DateOrder | null)[]): string {
  const parts = tallies.flatMap((t, i) => {
    const order = own[i];
    return order ? [`${t.label} is ${ORDER_PATTERN[order]}`] : [];
  });
  return `Date columns disagree on the day/month order (${listNames(parts)}); each is read in its own order.`;
}
