/**
 * `--outcome COLUMN[:WON_VALUE]`: the column whose values say won or lost, when the
 * importer cannot tell or tells wrong (issue 15), and the value meaning won (default:
 * recognized from the values, such as Won, Yes, 1, True). Every other non-empty value is
 * lost, an empty cell open. The last ":" separates the value; a header that itself holds
 * ":" is found whole by the importer.
 *
 *     dealsight evaluate leads.csv --outcome Converted:1
 *     dealsight check deals.csv --outcome 'Opportunity Result'
 */
import type { OutcomeChoice } from '../crm/csv/outcome-column';
import { UsageError } from './args';

export function readOutcomeOption(value: string): OutcomeChoice {
  const colon = value.lastIndexOf(':');
  const column = (colon < 0 ? value : value.slice(0, colon)).trim();
  const won = colon < 0 ? '' : value.slice(colon + 1).trim();
  if (column === '') throw new UsageError(`--outcome needs a column, as in --outcome 'Opportunity Result:Won' or --outcome Converted`);
  return won === '' ? { column } : { column, won };
}
