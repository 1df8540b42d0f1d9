/**
 * What a CRM recorded about one deal while it was open, each value with the day it was
 * recorded (issue 18): the stage path (Salesforce OpportunityHistory, HubSpot's
 * `hs_v2_date_entered_<stage>`, "Date entered" columns of an export), and the close date,
 * amount and stage probability as they were set. An as-of snapshot (snapshot.ts) reads a
 * history only up to its own date.
 */
import type { IsoDate, Opportunity } from '../../crm/opportunity';

/** One recorded value and the day it was recorded. */
export interface Recorded<T> {
  value: T;
  at: IsoDate;
}

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

/**
 * A closed deal the as-of model can learn from: dated, with a stage entered while it was
 * open (a closing stage alone, as a report's "Last Stage Change Date" gives, is no history).
 */
export function hasStageHistory(closed: Opportunity): boolean {
  const close = closed.closeDate;
  return close !== null && closed.createdDate !== null && closed.stageHistory.some((s) => s.enteredAt < close);
}
