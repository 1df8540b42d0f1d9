/**
 * Yes/no cells: `true/false`, `yes/no`, `1/0`, `y/n`, and spreadsheet checkboxes written
 * as `x` or left empty. Outcome words (`won/lost`) count only in an outcome column: in
 * any other column "Lost" is a category, not `false`.
 */
import { normalizeLabel } from '../opportunity';
import { quoteValue } from './excerpt';
import { fail, ok, type Reading } from './reading';

const TRUE_WORDS: ReadonlySet<string> = new Set(['true', 'yes', 'y', '1', 't', 'x', '✓', '✔', 'checked']);
const FALSE_WORDS: ReadonlySet<string> = new Set(['false', 'no', 'n', '0', 'f', 'unchecked']);
/** Compared after `normalizeLabel`, so "Closed - Won" and "Closed/Won" are "closed won". */
export const WON_WORDS: ReadonlySet<string> = new Set(['won', 'win', 'closed won', 'closedwon', 'closed win']);
export const LOST_WORDS: ReadonlySet<string> = new Set(['lost', 'loss', 'closed lost', 'closedlost', 'closed loss']);

export interface BooleanOptions {
  /** Accept won/lost words (Won, Is Closed Won, Outcome, Result columns). */
  outcome?: boolean;
}

export function parseBoolean(raw: string, options: BooleanOptions = {}): Reading<boolean> {
  const word = raw.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return ok(true);
  if (FALSE_WORDS.has(word)) return ok(false);
  if (options.outcome) {
    const label = normalizeLabel(word);
    if (WON_WORDS.has(label)) return ok(true);
    if (LOST_WORDS.has(label)) return ok(false);
  }
  return fail(`${quoteValue(raw.trim())} is not ${options.outcome ? 'won/lost or yes/no' : 'yes/no'}`);
}

/** A checkbox column: its only non-empty value is `x` (or a check mark), so an empty cell means "no". */
export function isCheckboxColumn(nonEmptyValues: Iterable<string>): boolean {
  let any = false;
  for (const v of nonEmptyValues) {
    const word = v.trim().toLowerCase();
    if (word !== 'x' && word !== '✓' && word !== '✔') return false;
    any = true;
  }
  return any;
}
