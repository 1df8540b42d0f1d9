/**
 * A history export's deals matched to the opportunity export's (issue 18): by opportunity
 * id when both files have one, else by the exact opportunity name (trimmed, case kept: a
 * report writes the name as the CRM has it). A name two opportunities share matches
 * neither, as it cannot say which; the counts of joined and unmatched deals are returned
 * for the caller to say. With no column both files have, the join is refused with one line
 * naming the column that is missing. Salesforce ids match in their 15- or 18-character forms.
 */
import type { Opportunity } from '../opportunity';
import { CsvImportError } from './errors';
import type { HistoryExport, RecordedChanges } from './history-export';

export interface HistoryJoin {
  /** The file's recorded changes by opportunity id (the opportunity export's own ids). */
  changes: Map<string, RecordedChanges>;
  by: 'id' | 'name';
  /** The history's column the join used. */
  column: string;
  /** History deals matched to an opportunity, and those no opportunity has. */
  joined: number;
  unmatched: number;
  /** History deals whose name more than one opportunity has. */
  ambiguous: number;
}

export interface OpportunityKeys {
  opportunities: readonly Opportunity[];
  /** Whether the opportunity export has an id column (else its ids are line numbers) and a name column. */
  hasIds: boolean;
  hasNames: boolean;
}

export function joinHistory(history: HistoryExport, target: OpportunityKeys): HistoryJoin {
  const byId = history.idColumn !== null && target.hasIds;
  const byName = !byId && history.nameColumn !== null && target.hasNames;
  if (!byId && !byName) throw new CsvImportError(noJoinMessage(history));
  const keyOf = (o: Opportunity): string => (byId ? o.id : o.name).trim();
  const owners = new Map<string, string | null>();
  const shortOwners = new Map<string, string | null>();
  const add = (map: Map<string, string | null>, key: string, id: string): void => {
    map.set(key, map.has(key) ? null : id);
  };
  for (const o of target.opportunities) {
    add(owners, keyOf(o), o.id);
    const short = byId ? caseSensitiveId(keyOf(o)) : null;
    if (short !== null) add(shortOwners, short, o.id);
  }
  const changes = new Map<string, RecordedChanges>();
  let unmatched = 0;
  let ambiguous = 0;
  for (const deal of history.deals) {
    const key = (byId ? deal.id : deal.name)?.trim() ?? null;
    const short = byId && key !== null ? caseSensitiveId(key) : null;
    // null is a key two opportunities share: it stays null, not a miss to retry in the short form.
    const owner = key === null ? undefined : owners.has(key) ? owners.get(key) : short === null ? undefined : shortOwners.get(short);
    if (owner === undefined) unmatched++;
    else if (owner === null) ambiguous++;
    else changes.set(owner, deal.changes);
  }
  return {
    changes,
    by: byId ? 'id' : 'name',
    column: (byId ? history.idColumn : history.nameColumn) ?? '',
    joined: changes.size,
    unmatched,
    ambiguous,
  };
}

/**
 * A Salesforce id's 15-character, case-sensitive form: reports write ids in 15 characters,
 * the API in 18, the 15 followed by 3 characters that make them case-insensitive
 * (https://gist.github.com/hynekcer/0f8416c8bf05316141bed12a749af33a; https://www.rubydoc.info/gems/salesforce_id_formatter/1.2.0),
 * so an "Opportunity ID" of one file matches the other's when the exact id does not.
 */
function caseSensitiveId(id: string): string | null {
  return /^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/.test(id) ? id.slice(0, 15) : null;
}

function noJoinMessage(history: HistoryExport): string {
  if (history.idColumn !== null && history.nameColumn === null) {
    return `the history can be joined only by its "${history.idColumn}" column, and the opportunity export has no id column (such as "Opportunity ID"): export the opportunities with their ids, or the history with "Opportunity Name"`;
  }
  if (history.nameColumn !== null && history.idColumn === null) {
    return `the history can be joined only by its "${history.nameColumn}" column, and the opportunity export has no name column (such as "Opportunity Name"): export the opportunities with their names, or the history with "Opportunity ID"`;
  }
  return `the opportunity export has neither an id column (such as "Opportunity ID") nor a name column ("Opportunity Name") to join the history's "${history.idColumn ?? ''}" and "${history.nameColumn ?? ''}" to`;
}
