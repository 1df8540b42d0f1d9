import type { IsoDate, StandardOpportunityType } from '../crm/opportunity';
import type { Random } from '../seeded/random';
import { dayOf, endOfMonth } from './calendar';
import { OPEN_STAGES } from './stages';

/**
 * How a sandbox deal walks from creation to its close (issue 18, item 5): the stages it
 * enters (some skipped, some entered again after a step back), how long it stays in each,
 * the close date the rep sets and pushes when it passes, and the amount revised at the quote.
 *
 * The outcome is drawn first, from the deal's true win probability (win-probability.ts),
 * and every step of the path is then drawn with odds that differ between deals that will be
 * won and deals that will be lost: lost deals stall (longer stages), drop out at a stage's
 * end, step back more often, see their close date pushed less faithfully and further, and
 * their amount cut more often than raised. Each step is drawn given the outcome alone, so
 * the chance of a win given everything recorded by a day T is Bayes' rule over the steps
 * seen by T: the prior log-odds plus each step's log-likelihood ratio, plus the ratio of
 * the current stage lasting at least as long as it has (`truthLogOddsAt`). That is the
 * best any model reading the deal's record at T can do; the replay backtest is held to it.
 *
 * A step's odds depend only on the outcome and on what the record shows at the time (the
 * stage, the deal's type and size, the visits so far), never on a hidden draw, so the
 * truth reads nothing a snapshot could not.
 */

/** Relative time spent in each open stage (indexes of OPEN_STAGES). */
const STAGE_WEIGHTS = [0.8, 1.0, 1.2, 1.1, 0.9, 0.8, 1.3, 1.0];
/** Stages before this index may be skipped; proposal and negotiation never are (there is always a quote and a signature). */
const FIRST_KEPT = 6;
const SKIP = 0.3;
/** Spread of a stage's length around its median (log scale). */
const SIGMA = 0.8;
/** Lost deals' stages last this many times longer at the median: they stall. */
const STALL = 2.8;
/** A lost deal drops out at the end of a stage with this chance (and always at the last one). */
const DROP = 0.3;
/** Chance of a step back to the previous stage of the route at a stage's end, by outcome; at most MAX_BACKS per deal. */
const BACK = { won: 0.05, lost: 0.12 } as const;
const MAX_BACKS = 2;
/** When the CRM close date has passed, the rep looks at it then and every CHECK_DAYS after, and pushes it with this chance. */
const CHECK_DAYS = 14;
const PUSH = { won: 0.85, lost: 0.55 } as const;
/** Weeks a push moves the close date out (1–8), weighted by outcome: doomed deals are pushed further. */
const PUSH_WEEKS = { won: [3, 4, 3, 2, 1, 1, 0.5, 0.5], lost: [1, 1, 1.5, 2, 2, 2, 2, 2] } as const;
/** At entering the quote or negotiation stage the amount is revised with this chance, by one of these factors. */
const REVISE = 0.25;
const REVISE_FACTORS = [0.8, 0.9, 1.1, 1.2] as const;
const REVISE_WEIGHTS = { won: [0.15, 0.25, 0.35, 0.25], lost: [0.35, 0.35, 0.2, 0.1] } as const;

/** What a step of the record is: a stage's length, where the deal went at its end, a look at a passed close date, an amount revision. */
export type EvidenceKind = 'length' | 'exit' | 'push' | 'amount';

export interface DealPath {
  createdDay: number;
  /** The day it closed (or will: after the sandbox's as-of day for an open deal). */
  closeDay: number;
  won: boolean;
  /** Open stages entered (indexes of OPEN_STAGES), oldest first; the first on `createdDay`. */
  stages: Array<{ index: number; day: number }>;
  /** Median length (days) of each entry's stage for a deal that will be won; a lost deal's is STALL times it. */
  medians: number[];
  /** The CRM close date as the rep set it (days), oldest first; the first on `createdDay`. */
  closeDates: Array<{ day: number; value: number }>;
  /** The amount against the one at creation, each time it was revised. */
  amounts: Array<{ day: number; factor: number }>;
  /** Every step the record shows, with its log-likelihood ratio won : lost, by day. */
  evidence: Array<{ day: number; kind: EvidenceKind; logLr: number }>;
}

/** A stage's length: a log-normal draw rounded to whole days, at least one. */
function drawDays(rng: Random, median: number): number {
  return Math.max(1, Math.round(rng.logNormal(median, SIGMA)));
}

/** The standard normal's upper tail, to a relative error under 1.2e-7 (a Chebyshev fit of erfc). */
function upperTail(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const erfc =
    t *
    Math.exp(
      -x * x -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return z >= 0 ? erfc / 2 : 1 - erfc / 2;
}

/** P(a stage of this median lasts more than `days` days), as `drawDays` draws it. */
function survival(days: number, median: number): number {
  if (days < 1) return 1;
  return upperTail((Math.log(days + 0.5) - Math.log(median)) / SIGMA);
}

/** P(a stage of this median lasts exactly `days` days). */
function lengthChance(days: number, median: number): number {
  return (days <= 1 ? 1 : survival(days - 1, median)) - survival(days, median);
}

const logRatio = (won: number, lost: number): number => Math.log(won) - Math.log(lost);
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** The stages a deal of this type walks, in order, from where it starts; the skips are the same chance whatever the outcome. */
function route(rng: Random, type: StandardOpportunityType): number[] {
  let start: number;
  if (type === 'new customer') start = rng.bernoulli(0.7) ? 0 : 1;
  else if (type === 'renewal' || type === 'downgrade') start = rng.bernoulli(0.55) ? FIRST_KEPT : 2;
  else start = rng.bernoulli(0.5) ? 1 : 2;
  const stages = [start];
  for (let s = start + 1; s < OPEN_STAGES.length; s++) if (s >= FIRST_KEPT || !rng.bernoulli(SKIP)) stages.push(s);
  return stages;
}

/**
 * Walks one deal from `createdDay` to its close. `typicalDays` is the deal's median cycle as
 * its type, size and buyer set it; each stage's median is its share of that, so the won
 * deals' cycles keep the length the rest of the sandbox expects.
 */
export function walkDeal(rng: Random, input: { type: StandardOpportunityType; createdDay: number; typicalDays: number; won: boolean }): DealPath {
  const { createdDay, typicalDays, won } = input;
  const outcome = won ? 'won' : 'lost';
  const stops = route(rng, input.type);
  // The stages a route from this start may hold, each weighed by its chance of being kept:
  // the share of the cycle a stage takes depends only on where the deal started.
  const start = stops[0] as number;
  const expected = sum(STAGE_WEIGHTS.map((w, s) => (s < start ? 0 : s >= FIRST_KEPT || s === start ? w : w * (1 - SKIP))));
  const medianOf = (s: number): number => (typicalDays * (STAGE_WEIGHTS[s] as number)) / expected / Math.exp((SIGMA * SIGMA) / 2);

  const path: DealPath = { createdDay, closeDay: createdDay, won, stages: [], medians: [], closeDates: [], amounts: [], evidence: [] };
  let factor = 1;
  let backs = 0;
  let position = 0;
  let day = createdDay;
  for (;;) {
    const index = stops[position] as number;
    const median = medianOf(index);
    path.stages.push({ index, day });
    path.medians.push(median);
    if (index >= FIRST_KEPT && day > createdDay && path.stages.filter((s) => s.index === index).length === 1) {
      // The quote: the amount is revised (or not) on entering, its direction telling of the
      // outcome; never on the day the deal was created, when the amount is the one first entered.
      if (rng.bernoulli(REVISE)) {
        const pick = rng.weighted([0, 1, 2, 3], [...REVISE_WEIGHTS[outcome]]);
        factor *= REVISE_FACTORS[pick] as number;
        path.amounts.push({ day, factor });
        path.evidence.push({ day, kind: 'amount', logLr: logRatio(REVISE_WEIGHTS.won[pick] as number, REVISE_WEIGHTS.lost[pick] as number) });
      }
    }
    const length = drawDays(rng, won ? median : median * STALL);
    const exit = day + length;
    path.evidence.push({ day: exit, kind: 'length', logLr: logRatio(lengthChance(length, median), lengthChance(length, median * STALL)) });
    const last = position === stops.length - 1;
    const canBack = position > 0 && !last && backs < MAX_BACKS;
    if (last) {
      day = exit;
      break;
    }
    // The stage's end: on to the next stage, a step back, or (lost deals) out.
    const back = canBack ? BACK[outcome] : 0;
    if (!won && rng.bernoulli(DROP)) {
      day = exit;
      break;
    }
    const wonBack = canBack ? BACK.won : 0;
    const lostBack = canBack ? BACK.lost : 0;
    if (rng.bernoulli(back)) {
      backs++;
      position--;
      path.evidence.push({ day: exit, kind: 'exit', logLr: logRatio(wonBack, (1 - DROP) * lostBack) });
    } else {
      position++;
      path.evidence.push({ day: exit, kind: 'exit', logLr: logRatio(1 - wonBack, (1 - DROP) * (1 - lostBack)) });
    }
    day = exit;
  }
  path.closeDay = day;
  pushCloseDates(rng, path, typicalDays, outcome);
  path.evidence.sort((a, b) => a.day - b.day);
  return path;
}

/**
 * The CRM close date over the deal's life: the rep's estimate at creation (usually
 * optimistic, sometimes snapped to a month end), then, whenever it has passed while the deal
 * is still open, a look on that day and every CHECK_DAYS after until it is pushed.
 */
function pushCloseDates(rng: Random, path: DealPath, typicalDays: number, outcome: 'won' | 'lost'): void {
  let planned = path.createdDay + Math.max(7, Math.round(typicalDays * rng.logNormal(0.85, 0.3)));
  if (rng.bernoulli(0.35)) planned = endOfMonth(planned);
  path.closeDates.push({ day: path.createdDay, value: planned });
  let check = planned + 1;
  while (check < path.closeDay) {
    if (rng.bernoulli(PUSH[outcome])) {
      const weeks = rng.weighted([1, 2, 3, 4, 5, 6, 7, 8], [...PUSH_WEEKS[outcome]]);
      planned = check + 7 * weeks;
      path.closeDates.push({ day: check, value: planned });
      const shareWon = (PUSH_WEEKS.won[weeks - 1] as number) / sum(PUSH_WEEKS.won);
      const shareLost = (PUSH_WEEKS.lost[weeks - 1] as number) / sum(PUSH_WEEKS.lost);
      path.evidence.push({ day: check, kind: 'push', logLr: logRatio(PUSH.won * shareWon, PUSH.lost * shareLost) });
      check = planned + 1;
    } else {
      path.evidence.push({ day: check, kind: 'push', logLr: logRatio(1 - PUSH.won, 1 - PUSH.lost) });
      check += CHECK_DAYS;
    }
  }
}

/**
 * The log-odds of a win given everything the deal's record shows on `day` (the steps seen by
 * then and how long the current stage has lasted), from its prior log-odds; null when the
 * deal was not open that day.
 */
export function truthLogOddsAt(path: DealPath, priorLogOdds: number, day: number, kinds?: ReadonlySet<EvidenceKind>): number | null {
  if (day < path.createdDay || day >= path.closeDay) return null;
  let logOdds = priorLogOdds;
  for (const step of path.evidence) {
    if (step.day > day) break;
    if (kinds === undefined || kinds.has(step.kind)) logOdds += step.logLr;
  }
  if (kinds !== undefined && !kinds.has('length')) return logOdds;
  let current = 0;
  while (current + 1 < path.stages.length && (path.stages[current + 1]?.day as number) <= day) current++;
  // The current stage has lasted `day - entered` days and goes on: as likely for whom?
  const entry = path.stages[current] as { day: number };
  const median = path.medians[current] as number;
  // The evidence above holds its length's ratio on the day it ended; the stage still open has not ended.
  return logOdds + logRatio(survival(day - entry.day, median), survival(day - entry.day, median * STALL));
}

/** The chance of a win given the deal's record on `day` (ISO), from its true prior probability; null when it was not open then. */
export function truthAt(path: DealPath, prior: number, day: IsoDate): number | null {
  const logOdds = truthLogOddsAt(path, Math.log(prior) - Math.log(1 - prior), dayOf(day));
  return logOdds === null ? null : 1 / (1 + Math.exp(-logOdds));
}
