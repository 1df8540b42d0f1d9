/**
 * How long deals spend in each stage, and when an open deal has been in its stage too long
 * (issue 16, "days in stage"). The typical time comes from the stage history of won deals:
 * what a deal that went on to win spent there. An open deal past the `STALL_QUANTILE` of
 * those times is stalled: four won deals in five had moved on by then, so waiting longer is
 * unusual for a deal that wins, without being so strict that ordinary variation trips it.
 * Below `MIN_WON_DEALS` won deals with time in a stage, no bound is drawn: a median of two
 * deals says nothing.
 *
 * A stage entered more than once counts all its visits (a deal that went back from
 * Negotiation to Proposal and forward again spent both stretches in Negotiation), the same
 * way for won deals and open ones. Pure and deterministic.
 */
import { daysBetween, type IsoDate, type Opportunity, type StageChange } from '../crm/opportunity';
import { quantile } from './metrics';

export const STALL_QUANTILE = 0.8;
export const MIN_WON_DEALS = 5;

export interface StageTime {
  /** Won deals that spent time in the stage. */
  wonDeals: number;
  /** Their median days there. */
  medianDays: number;
  /** Days after which an open deal there is stalled (the STALL_QUANTILE of won deals); null below MIN_WON_DEALS. */
  stalledAfterDays: number | null;
}

/** Per stage label (and pipeline, where deals carry one: see `stageKey`). */
export interface StageTimes {
  stages: Record<string, StageTime>;
}

/** Where an open deal stands in its stage. */
export interface StageStatus {
  stage: string;
  /** Days in the stage as of the day asked, all visits counted. */
  days: number;
  /** Won deals' median there; null when no won deal has history through the stage. */
  medianDays: number | null;
  stalledAfterDays: number | null;
  /** True past the bound, false within it, null when there is no bound. */
  stalled: boolean | null;
}

/** A stage's key: its label within its pipeline (HubSpot portals can reuse a label across pipelines). */
export function stageKey(stage: string, pipeline: unknown): string {
  return typeof pipeline === 'string' && pipeline !== '' ? `${pipeline} › ${stage}` : stage;
}

/**
 * Days spent in `stage` along a history (oldest first), all visits counted; the last entry's
 * visit runs to `end`. Null when the history never enters the stage.
 */
export function timeInStage(history: readonly StageChange[], stage: string, end: IsoDate): number | null {
  let total: number | null = null;
  for (let i = 0; i < history.length; i++) {
    const step = history[i] as StageChange;
    if (step.stage !== stage) continue;
    const until = history[i + 1]?.enteredAt ?? end;
    total = (total ?? 0) + Math.max(0, daysBetween(step.enteredAt, until));
  }
  return total;
}

/** Typical and stalling times per stage, from the won deals' histories. */
export function fitStageTimes(closed: readonly Opportunity[]): StageTimes {
  const days = new Map<string, number[]>();
  for (const deal of closed) {
    if (!deal.isClosed || !deal.isWon || deal.stageHistory.length < 2) continue;
    // The last entry is the won stage itself: its "time" is after the close.
    const last = deal.stageHistory.length - 1;
    const seen = new Set<string>();
    for (let i = 0; i < last; i++) {
      const stage = (deal.stageHistory[i] as StageChange).stage;
      if (seen.has(stage)) continue;
      seen.add(stage);
      const spent = timeInStage(deal.stageHistory.slice(0, last + 1), stage, (deal.stageHistory[last] as StageChange).enteredAt);
      if (spent === null) continue;
      const key = stageKey(stage, deal.attributes['pipeline']);
      const list = days.get(key) ?? [];
      list.push(spent);
      days.set(key, list);
    }
  }
  const stages: Record<string, StageTime> = Object.create(null) as Record<string, StageTime>;
  for (const [key, list] of [...days].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    stages[key] = {
      wonDeals: list.length,
      medianDays: quantile(list, 0.5),
      stalledAfterDays: list.length >= MIN_WON_DEALS ? quantile(list, STALL_QUANTILE) : null,
    };
  }
  return { stages };
}

/**
 * Where an open deal stands in its stage as of `asOf`: its days there (from its history when
 * the history ends in that stage, else from the day it entered it), against the won deals'.
 * Null for a closed deal, or one with no stage or no date the stage was entered.
 */
export function stageStatus(deal: Opportunity, times: StageTimes, asOf: IsoDate): StageStatus | null {
  if (deal.isClosed || !deal.stage) return null;
  const stage = deal.stage;
  const history = deal.stageHistory;
  const days =
    history.at(-1)?.stage === stage
      ? timeInStage(history, stage, asOf)
      : deal.stageEnteredDate !== null
        ? Math.max(0, daysBetween(deal.stageEnteredDate, asOf))
        : null;
  if (days === null) return null;
  const typical = Object.hasOwn(times.stages, stageKey(stage, deal.attributes['pipeline']))
    ? times.stages[stageKey(stage, deal.attributes['pipeline'])]
    : undefined;
  const bound = typical?.stalledAfterDays ?? null;
  return { stage, days, medianDays: typical?.medianDays ?? null, stalledAfterDays: bound, stalled: bound === null ? null : days > bound };
}
