/**
 * Where a deal stood on a given day, read from its history (issue 18, item 1): its stage and
 * the stage's place in the pipeline, the CRM's probability, days in the stage, age, how often
 * and by how much the close date was pushed, how the amount moved, and the days left to the
 * CRM close date.
 *
 * The rule that keeps a snapshot honest: **a snapshot at day T reads only what was recorded
 * on or before T.** Every value comes from the latest record at or before T; a record after T
 * (a stage entered later, a close date moved later, an amount revised later) is invisible,
 * exactly as if the history had been cut at T (the tests check this on worked histories and
 * on random ones). A deal has no snapshot before it was created, nor on or after the day it
 * closed: then it was no longer open.
 */
import { daysBetween, recordedBy, type IsoDate } from '../../crm/opportunity';
import type { DealHistory } from './history';

export interface AsOfSnapshot {
  id: string;
  asOf: IsoDate;
  /** The stage the deal was in at T; null when no stage entry was recorded by then. */
  stage: string | null;
  /** Its place in the pipeline's order (0 = first), null for a stage the pipeline does not list. */
  stageOrder: number | null;
  /** Times the deal had entered this stage by T (2 or more: it went back and came again). */
  stageVisits: number;
  /** Days since it last entered the stage (its current visit). */
  daysInStage: number | null;
  /** Stage entries by T, the current one included (a stage entered again counts again). */
  stagesEntered: number;
  /** Times by T it went back to a stage earlier in the pipeline than the one it left. */
  stepsBack: number;
  /** The stage it was created in (the first stage entry), null when none was recorded by T. */
  firstStage: string | null;
  /** Its stage visits that had ended by T, oldest first, with their days. */
  visits: Array<{ stage: string; days: number }>;
  /** Days since the deal was created. */
  age: number;
  /** The CRM's probability as last set by T. */
  probability: number | null;
  /** Times the close date was moved later, by T. */
  closePushes: number;
  /** Days the close date moved later in all, by T (moves earlier are not counted). */
  closePushDays: number;
  /** The CRM close date as last set by T, minus T: negative when it had already passed. */
  daysToClose: number | null;
  /** The amount as last set by T divided by the first amount recorded (1 = unchanged). */
  amountChange: number | null;
  amount: number | null;
}

/** The deal as it stood at `asOf`, or null when it was not open that day. */
export function snapshotAt(history: DealHistory, asOf: IsoDate, pipeline: readonly string[] = []): AsOfSnapshot | null {
  if (asOf < history.createdDate) return null;
  if (history.closedAt !== null && asOf >= history.closedAt) return null;
  const stage = recordedBy(history.stages, asOf);
  let visits = 0;
  let entered = 0;
  let back = 0;
  let previousOrder = -1;
  const ended: Array<{ stage: string; days: number }> = [];
  history.stages.forEach((entry, i) => {
    const next = history.stages[i + 1];
    if (next !== undefined && next.at <= asOf) ended.push({ stage: entry.value, days: daysBetween(entry.at, next.at) });
  });
  for (const entry of history.stages) {
    if (entry.at > asOf) break;
    entered++;
    if (entry.value === stage?.value) visits++;
    const order = pipeline.indexOf(entry.value);
    if (order >= 0 && previousOrder >= 0 && order < previousOrder) back++;
    if (order >= 0) previousOrder = order;
  }
  let pushes = 0;
  let pushDays = 0;
  let previous: IsoDate | null = null;
  for (const entry of history.closeDates) {
    if (entry.at > asOf) break;
    if (previous !== null && entry.value > previous) {
      pushes++;
      pushDays += daysBetween(previous, entry.value);
    }
    previous = entry.value;
  }
  const first = history.amounts[0];
  const firstAmount = first !== undefined && first.at <= asOf ? first.value : null;
  const amount = recordedBy(history.amounts, asOf)?.value ?? null;
  const order = stage === null ? -1 : pipeline.indexOf(stage.value);
  return {
    id: history.id,
    asOf,
    stage: stage?.value ?? null,
    stageOrder: order < 0 ? null : order,
    stageVisits: visits,
    daysInStage: stage === null ? null : daysBetween(stage.at, asOf),
    stagesEntered: entered,
    stepsBack: back,
    firstStage: history.stages[0] !== undefined && (history.stages[0] as { at: IsoDate }).at <= asOf ? (history.stages[0] as { value: string }).value : null,
    visits: ended,
    age: daysBetween(history.createdDate, asOf),
    probability: recordedBy(history.probabilities, asOf)?.value ?? null,
    closePushes: pushes,
    closePushDays: pushDays,
    daysToClose: previous === null ? null : daysBetween(asOf, previous),
    amountChange: amount !== null && firstAmount !== null && firstAmount !== 0 ? amount / firstAmount : null,
    amount,
  };
}
