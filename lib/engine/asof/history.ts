/**
 * What a CRM recorded about one deal while it was open, each value with the day it was
 * recorded (issue 18): the stage path (Salesforce OpportunityHistory, HubSpot's
 * `hs_v2_date_entered_<stage>`, "Date entered" columns of an export), and the close date,
 * amount and stage probability as they were set. An as-of snapshot (snapshot.ts) reads a
 * history only up to its own date.
 */
import type { IsoDate, Opportunity, Recorded, RecordedChanges } from '../../crm/opportunity';

export type { Recorded, RecordedChanges };

export interface DealHistory {
  id: string;
  createdDate: IsoDate;
  /** Stage entries, oldest first; a stage may be entered more than once. */
  stages: Array<Recorded<string>>;
  /** The CRM close date as set over time (the first entry: as created), oldest first. */
  closeDates: Array<Recorded<IsoDate>>;
  amounts: Array<Recorded<number>>;
  /** The CRM's win probability (0..1: the stage's default or the rep's number), as set over time. */
  probabilities: Array<Recorded<number>>;
  /** The day the deal closed, null while open. Nothing recorded on or after it describes an open deal. */
  closedAt: IsoDate | null;
}

/**
 * The history an opportunity carries today: its stage path, and its current close date,
 * amount and probability as if set when it was created when nothing says when they changed.
 * Closed deals' current stage, close date and probability are the close's, so they are left
 * out: only an open deal's current values describe it while open.
 */
export function historyOf(opportunity: Opportunity): DealHistory | null {
  const created = opportunity.createdDate;
  if (created === null) return null;
  const stages = opportunity.stageHistory
    .filter((step) => !opportunity.isClosed || step.enteredAt < (opportunity.closeDate ?? '9999-12-31'))
    .map((step) => ({ value: step.stage, at: step.enteredAt }));
  const open = !opportunity.isClosed;
  return {
    id: opportunity.id,
    createdDate: created,
    stages,
    closeDates: open && opportunity.closeDate !== null ? [{ value: opportunity.closeDate, at: created }] : [],
    amounts: opportunity.amount !== null ? [{ value: opportunity.amount, at: created }] : [],
    probabilities: open && opportunity.probability !== null ? [{ value: opportunity.probability, at: created }] : [],
    closedAt: opportunity.isClosed ? opportunity.closeDate : null,
  };
}

/** The histories of deals, by opportunity id, that replace what the opportunities carry (`historyOf`). */
export type Histories = ReadonlyMap<string, DealHistory>;

/**
 * An opportunity's history with what a history export recorded: each field's dated changes
 * where the file has them, else what the opportunity carries (`historyOf`: its stage path,
 * its current values as of its creation). A field's value before its first recorded change
 * held from the deal's creation. Records on or after the close are left out: they describe
 * the close, not the open deal (snapshotAt never reads them either).
 */
export function historyWithChanges(opportunity: Opportunity, changes: RecordedChanges): DealHistory | null {
  const own = historyOf(opportunity);
  const earliest = [changes.stages, changes.closeDates, changes.amounts, changes.probabilities]
    .flatMap((list) => (list[0] === undefined ? [] : [list[0].at]))
    .sort()[0];
  const created = opportunity.createdDate ?? changes.createdAt ?? earliest ?? null;
  if (created === null) return null;
  const closedAt = opportunity.isClosed ? opportunity.closeDate : null;
  const field = <T>(recorded: ReadonlyArray<Recorded<T>>, before: T | undefined, fallback: Array<Recorded<T>>): Array<Recorded<T>> => {
    if (recorded.length === 0 && before === undefined) return fallback;
    const sorted = [...recorded].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    const first = sorted[0];
    if (before !== undefined && (first === undefined || first.at > created)) sorted.unshift({ value: before, at: created });
    return closedAt === null ? sorted : sorted.filter((r) => r.at < closedAt);
  };
  return {
    id: opportunity.id,
    createdDate: created,
    stages: field(changes.stages, changes.before.stage, own?.stages ?? []),
    closeDates: field(changes.closeDates, changes.before.closeDate, own?.closeDates ?? []),
    amounts: field(changes.amounts, changes.before.amount, own?.amounts ?? []),
    probabilities: field(changes.probabilities, changes.before.probability, own?.probabilities ?? []),
    closedAt,
  };
}

/**
 * The deal's history: the one given for it (from a history export), else the one it carries:
 * its stage path with the changes its CRM's history recorded (a Salesforce sync reads them
 * from OpportunityHistory), or its stage path alone.
 */
export function historyFor(opportunity: Opportunity, histories?: Histories): DealHistory | null {
  const given = histories?.get(opportunity.id);
  if (given !== undefined) return given;
  return opportunity.recordedChanges ? historyWithChanges(opportunity, opportunity.recordedChanges) : historyOf(opportunity);
}

/**
 * A closed deal the as-of model can learn from: dated, with a stage entered while it was
 * open (a closing stage alone, as a report's "Last Stage Change Date" gives, is no history),
 * in the history given for it or, without one, in its own stage path.
 */
export function hasStageHistory(closed: Opportunity, histories?: Histories): boolean {
  const close = closed.closeDate;
  if (close === null || closed.createdDate === null) return false;
  const given = histories?.get(closed.id);
  if (given !== undefined) return given.stages.some((s) => s.at < close);
  return closed.stageHistory.some((s) => s.enteredAt < close);
}
