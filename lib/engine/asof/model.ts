/**
 * Win Potential as of a day (issue 18, items 1 and 2): the stage-blind model's fields plus
 * where the deal stood that day, learned from closed deals' histories.
 *
 * Each closed deal with a history gives exactly one training row: its snapshot on one day
 * while it was open, drawn (seeded) among its snapshot days (snapshot.ts: creation, each
 * stage entry, every 14 days). One row per deal makes every deal count once without weights,
 * and keeps the forest's out-of-bag votes honest: two snapshots of one deal, one in a tree's
 * bag and one out, would let the deal's outcome vote for itself. Open deals are scored on
 * their snapshot as of the analysis day. Deals without a history are neither: a plain CSV
 * gets the stage-blind model (replay.ts and the callers say so).
 *
 * The snapshot's features are attributes of a copy of the deal (`AS_OF_FIELDS`), put back
 * past the encoder's close-time name rules on purpose: their values are read as of the
 * snapshot day, which is what those rules cannot know. A feature no training snapshot
 * carries (close-date pushes, when histories lack close-date changes) is absent and unused.
 */
import { addDays, type AttributeField, type IsoDate, type Opportunity } from '../../crm/opportunity';
import { Random } from '../../seeded/random';
import { WinModel, type WinTrainOptions } from '../win';
import { historyFor, type Histories } from './history';
import { snapshotAt, snapshotDayOffsets, type AsOfSnapshot } from './snapshot';

/** Snapshot days of a training deal: creation, each stage entry, and every this many days. */
export const SNAPSHOT_EVERY_DAYS = 14;

/** The snapshot's features as attributes, with the labels reasons show. */
export const AS_OF_FIELDS: ReadonlyArray<{ key: string; label: string; kind: 'category' | 'number'; read: (s: AsOfSnapshot) => string | number | null }> = [
  { key: 'asOfStage', label: 'Stage (as of the day)', kind: 'category', read: (s) => s.stage },
  { key: 'asOfStageOrder', label: 'Step in the pipeline', kind: 'number', read: (s) => s.stageOrder },
  { key: 'asOfStageVisits', label: 'Times in this stage', kind: 'number', read: (s) => s.stageVisits },
  { key: 'asOfDaysInStage', label: 'Days in the stage', kind: 'number', read: (s) => s.daysInStage },
  { key: 'asOfStagesEntered', label: 'Stages entered', kind: 'number', read: (s) => s.stagesEntered },
  { key: 'asOfStepsBack', label: 'Steps back', kind: 'number', read: (s) => s.stepsBack },
  { key: 'asOfEarlierStageDays', label: 'Days per earlier stage', kind: 'number', read: (s) => s.earlierStageDays },
  { key: 'asOfAge', label: 'Days open', kind: 'number', read: (s) => s.age },
  { key: 'asOfClosePushes', label: 'Close date pushed', kind: 'number', read: (s) => s.closePushes },
  { key: 'asOfClosePushDays', label: 'Days the close date moved', kind: 'number', read: (s) => s.closePushDays },
  { key: 'asOfDaysToClose', label: 'Days to the CRM close date', kind: 'number', read: (s) => s.daysToClose },
  { key: 'asOfAmountChange', label: 'Amount against its first', kind: 'number', read: (s) => s.amountChange },
];

const AS_OF_KEYS = AS_OF_FIELDS.map((f) => f.key);

/**
 * The stages in pipeline order, as the deals walked them: each stage by the median step at
 * which deals entered it. A deal with a history in `histories` walks that history's stages.
 */
export function pipelineOrder(opportunities: readonly Opportunity[], histories?: Histories): string[] {
  const steps = new Map<string, number[]>();
  for (const o of opportunities) {
    const given = histories?.get(o.id);
    const open = given
      ? given.stages.map((s) => s.value)
      : o.stageHistory.filter((s) => !(o.isClosed && o.closeDate !== null && s.enteredAt >= o.closeDate)).map((s) => s.stage);
    open.forEach((stage, i) => {
      const list = steps.get(stage) ?? [];
      list.push(i / Math.max(1, open.length - 1));
      steps.set(stage, list);
    });
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  return [...steps.entries()].sort((a, b) => median(a[1]) - median(b[1]) || (a[0] < b[0] ? -1 : 1)).map(([stage]) => stage);
}

/** A copy of the deal carrying its snapshot's features as attributes. */
export function withSnapshot(opportunity: Opportunity, snapshot: AsOfSnapshot): Opportunity {
  // Object.assign from two objects: a copy with the keys added one by one took 15 µs a deal,
  // half of building 8,000 training snapshots.
  // The amount as it stood that day: a revision after it (at the quote, say) is the future.
  return { ...opportunity, amount: snapshot.amount ?? opportunity.amount, attributes: Object.assign({}, opportunity.attributes, snapshotAttributes(snapshot)) };
}

/** The snapshot's features under their AS_OF_FIELDS keys (a test holds the two to the same keys and values). */
export function snapshotAttributes(s: AsOfSnapshot): Record<string, string | number | null> {
  return {
    asOfStage: s.stage,
    asOfStageOrder: s.stageOrder,
    asOfStageVisits: s.stageVisits,
    asOfDaysInStage: s.daysInStage,
    asOfStagesEntered: s.stagesEntered,
    asOfStepsBack: s.stepsBack,
    asOfEarlierStageDays: s.earlierStageDays,
    asOfAge: s.age,
    asOfClosePushes: s.closePushes,
    asOfClosePushDays: s.closePushDays,
    asOfDaysToClose: s.daysToClose,
    asOfAmountChange: s.amountChange,
  };
}

/**
 * One snapshot per closed deal with a history, on a seeded day while it was open. A deal's
 * history is the one `histories` gives for it (a history export's), else the one it carries.
 */
export function trainingRows(closed: readonly Opportunity[], pipeline: readonly string[], seed: number, histories?: Histories): Opportunity[] {
  const random = new Random(seed + 1801);
  const rows: Opportunity[] = [];
  for (const deal of closed) {
    const history = historyFor(deal, histories);
    if (history === null || history.stages.length === 0) continue;
    const days = snapshotDayOffsets(history, { everyDays: SNAPSHOT_EVERY_DAYS, maxPerDeal: 1000 });
    if (days.length === 0) continue;
    const snapshot = snapshotAt(history, addDays(history.createdDate, days[random.int(days.length)] as number), pipeline);
    if (snapshot !== null) rows.push(withSnapshot(deal, snapshot));
  }
  return rows;
}

/** Deals as they stood on `asOf`, each with its snapshot; the ones without a history, or not open that day, left out. */
export function snapshotRows(
  deals: readonly Opportunity[],
  asOf: IsoDate,
  pipeline: readonly string[],
  histories?: Histories,
): { rows: Opportunity[]; snapshots: AsOfSnapshot[] } {
  const rows: Opportunity[] = [];
  const snapshots: AsOfSnapshot[] = [];
  for (const deal of deals) {
    const history = historyFor(deal, histories);
    const snapshot = history === null || history.stages.length === 0 ? null : snapshotAt(history, asOf, pipeline);
    if (snapshot === null) continue;
    rows.push(withSnapshot(deal, snapshot));
    snapshots.push(snapshot);
  }
  return { rows, snapshots };
}

export interface AsOfTrainOptions extends Omit<WinTrainOptions, 'encoder'> {
  fields?: AttributeField[];
  exclude?: string[];
  keep?: string[];
}

/** The field descriptions of the snapshot's features, for the encoder (numbers stay numbers). */
export function asOfFieldDescriptions(): AttributeField[] {
  return AS_OF_FIELDS.map((f) => ({ key: f.key, label: f.label, kind: f.kind, coverage: 1 }));
}

/** The as-of Win Potential model: a WinModel trained on one snapshot per closed deal. */
export function trainAsOf(
  closed: readonly Opportunity[],
  options: AsOfTrainOptions & { pipeline: readonly string[]; open?: readonly Opportunity[]; histories?: Histories },
): WinModel {
  const rows = trainingRows(closed, options.pipeline, options.seed ?? 1, options.histories);
  return WinModel.train(rows, {
    ...options,
    encoder: {
      fields: [...(options.fields ?? []), ...asOfFieldDescriptions()],
      exclude: options.exclude,
      keep: [...(options.keep ?? []), ...AS_OF_KEYS],
      open: options.open ? [...options.open] : undefined,
    },
  });
}
