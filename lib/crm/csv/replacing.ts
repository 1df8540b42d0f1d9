/**
 * When an import asks before it replaces stored data. An import replaces the connection's
 * opportunities; a file that yields far fewer than are stored is more likely a broken or
 * partial export than the org shrinking (issue 14: 93 of 120 rows rejected still replaced
 * the previous data). The options page asks first; the import job refuses unless it did.
 */

/** Below this share of the stored opportunities, an import asks first. */
export const FEWER_SHARE = 0.5;
/** Losing fewer than this many opportunities is not asked about (a small file replaced by a smaller one). */
const MIN_LOSS = 10;

export function replacesWithFarFewer(stored: number, incoming: number): boolean {
  return incoming < stored * FEWER_SHARE && stored - incoming >= MIN_LOSS;
}

/** The job's one-line refusal: what the file has, what is stored, and that nothing changed. */
export function fewerRowsRefusal(fileName: string, stored: number, incoming: number, rejected: number): string {
  const n = (x: number): string => x.toLocaleString('en-US');
  const why = rejected > 0 ? ` (${n(rejected)} row${rejected === 1 ? '' : 's'} rejected)` : '';
  return (
    `${fileName} has ${n(incoming)} usable opportunit${incoming === 1 ? 'y' : 'ies'}${why} and would replace the ${n(stored)} stored: nothing was changed. ` +
    'Import it again from the options page and confirm to replace them.'
  );
}
