/**
 * Close-date and amount forecasts (issue 3, "Scores and forecasts"): for every deal, the
 * range of days it will stay open and of the amount it will close at, if it is won, each
 * as P10/P50/P90, compared with what the CRM says.
 *
 * Both are distribution forests (forecast/distribution-forest.ts: a quantile regression
 * forest on the histogram forest, leaves summarized on a fixed target grid) trained on
 * won deals: days open (forecast/days-open.ts), conditioned for an open deal on the days
 * it has already been open, and log amount (forecast/amount.ts).
 *
 * Measured (test/engine/forecast-real.test.ts has the tables; Maven time split at
 * 2017-10-01: 3,042 won deals to train, 1,196 to test; sandbox seed 7, 10k opportunities):
 * - Maven days open, P50 MAE 37.68 against the median's 37.57: the data has no duration
 *   signal once the created month (a cohort trap) is out, and the model matches the
 *   median instead of inventing one; P10–P90 covers 81% of won test deals.
 * - Maven amount, P50 MAE 195.2 against the per-product median's 195.0 (scikit-learn
 *   RandomForestRegressor: 207); coverage 78%.
 * - Sandbox days open, P50 MAE 28.5 against the median's 39.9; coverage 81% on closed
 *   test deals, 80% on open deals conditioned on their age (seed 9: 77%).
 * - Speed on one core, 10k closed sandbox deals (3.9k won): both parts train in
 *   0.42–0.45 s; scoring 10k open deals takes 0.21 s, most of it leaf lookups and
 *   histogram sums (best of repeated runs on a shared, loaded machine).
 */
import type { IsoDate, Opportunity } from '../crm/opportunity';
import type { EncoderOptions } from './encode';
import { AmountModel, type AmountModelJSON } from './forecast/amount';
import { dayNumber, isoOfDay } from './forecast/calendar';
import { closedDaysOpen, DaysOpenModel, type CloseDateBasis, type DaysOpenModelJSON } from './forecast/days-open';

export type { CloseDateBasis } from './forecast/days-open';

export interface ForecastTrainOptions {
  seed?: number;
  /** Trees of each forest (default 50). */
  trees?: number;
  encoder?: EncoderOptions;
  /**
   * The day the model is trained as of: closed deals with a close date after it (or none)
   * are left out, so a backtest sees the org as it stood then. Default: every closed deal.
   */
  asOf?: IsoDate;
  /** Trees grown so far over both forests, for progress bars. */
  onProgress?: (done: number, total: number) => void;
}

export const FORECAST_DEFAULTS = { seed: 1, trees: 50 };

/**
 * The fewest won deals (with the fields a part needs) for it to be trained. With 30,
 * the P10 and P90 of all won deals rest on three deals each side, the least that is not
 * one outlier; below that a range is noise. A 30-deal model is in effect the distribution
 * of all won deals plus the few splits that are clearly real: a summary holds at least
 * 40 deals unless its split passes a t of 5 (distribution-forest.ts), so small data gives
 * wide honest ranges rather than confident noise. On the sandbox, models trained on 30
 * random won deals cover 73–82% of the test deals with their P10–P90 (five draws; the
 * check is in test/engine/forecast-real.test.ts).
 */
export const MIN_FORECAST_WINS = 30;

export interface ForecastPartStatus {
  available: boolean;
  /** Won deals the part was (or would have been) trained on. */
  deals: number;
  /** Why the part is missing; null when it is available. */
  reason: string | null;
}

export interface CloseDateForecast {
  p10: IsoDate;
  p50: IsoDate;
  p90: IsoDate;
  /** Days from creation. */
  daysOpen: { p10: number; p50: number; p90: number };
  /** The CRM's close date: expected for an open deal, actual for a closed one. */
  crmCloseDate: IsoDate | null;
  /** The CRM close date falls before the predicted range (before P10, or before the as-of day for an open deal). */
  slip: boolean;
  /** Days from the CRM close date to the predicted P50 (positive: predicted later); null without a CRM date. */
  slipDays: number | null;
  /** Where the range comes from (days-open.ts): the deal's look-alikes, all won deals, or the overdue tail. */
  basis: CloseDateBasis;
}

export interface AmountForecast {
  p10: number;
  p50: number;
  p90: number;
  crmAmount: number | null;
  /** The currency of the range (the org's main currency; null when the data never says). */
  currency: string | null;
  /** (CRM amount − P50) / P50; null without a CRM amount or when it is in another currency. */
  difference: number | null;
}

export interface Forecast {
  id: string;
  /** Null when the model has no close-date part or the deal has no created date. */
  closeDate: CloseDateForecast | null;
  /** Null when the model has no amount part. */
  amount: AmountForecast | null;
}

export interface ForecastModelJSON {
  format: 'dealsight-forecast-model';
  version: 1;
  asOf: IsoDate | null;
  /** The currency the amount model was trained in. */
  currency: string | null;
  status: { closeDate: ForecastPartStatus; amount: ForecastPartStatus };
  notes: string[];
  closeDate: DaysOpenModelJSON | null;
  amount: AmountModelJSON | null;
}

export class ForecastModel {
  private constructor(
    readonly json: Omit<ForecastModelJSON, 'closeDate' | 'amount'>,
    readonly closeDateModel: DaysOpenModel | null,
    readonly amountModel: AmountModel | null,
  ) {}

  /** Per part: trained or not, and why not. */
  get status(): ForecastModelJSON['status'] {
    return this.json.status;
  }

  /** What a person should know: a missing part and why, deals left out. */
  get notes(): string[] {
    return this.json.notes;
  }

  static train(closed: Opportunity[], options: ForecastTrainOptions = {}): ForecastModel {
    const seed = options.seed ?? FORECAST_DEFAULTS.seed;
    const trees = options.trees ?? FORECAST_DEFAULTS.trees;
    if (!Number.isFinite(seed)) throw new Error(`ForecastModel.train: seed must be a finite number, got ${seed}`);
    if (!Number.isInteger(trees) || trees < 1) throw new Error(`ForecastModel.train: trees must be a positive integer, got ${trees}`);
    const asOf = options.asOf ?? null;
    if (asOf !== null) checkDate('ForecastModel.train', 'asOf', asOf);
    const notes: string[] = [];
    for (const o of closed) {
      if (!o.isClosed) throw new Error(`ForecastModel.train: opportunity ${o.id} is open; train on closed deals only`);
      if (o.createdDate != null) checkDate('ForecastModel.train', `createdDate of opportunity ${o.id}`, o.createdDate);
      if (o.closeDate != null) checkDate('ForecastModel.train', `closeDate of opportunity ${o.id}`, o.closeDate);
    }
    let won = closed.filter((o) => o.isWon);
    if (asOf !== null) {
      const before = won.length;
      won = won.filter((o) => o.closeDate != null && o.closeDate <= asOf);
      if (won.length < before) notes.push(`${wonDeals(before - won.length)} closed after ${asOf} (or without a close date) left out.`);
    }

    // Days open: won deals with both dates, in order.
    const dated = won.filter((o) => {
      const d = closedDaysOpen(o);
      return d !== null && d >= 0;
    });
    const reversed = won.filter((o) => (closedDaysOpen(o) ?? 0) < 0).length;
    if (reversed > 0) notes.push(`${wonDeals(reversed)} with a close date before the created date left out of the close-date forecast.`);
    // Amount: won deals with a positive amount in the main currency.
    const currency = mainCurrency(won);
    const priced = won.filter((o) => o.amount !== null && Number.isFinite(o.amount) && o.amount > 0);
    const sameCurrency = priced.filter((o) => o.currency === null || currency === null || o.currency === currency);
    if (sameCurrency.length < priced.length) {
      notes.push(`${wonDeals(priced.length - sameCurrency.length)} in currencies other than ${currency} left out of the amount forecast.`);
    }

    const parts = [dated.length >= MIN_FORECAST_WINS, sameCurrency.length >= MIN_FORECAST_WINS].filter(Boolean).length;
    let grown = 0;
    const progress = (done: number): void => options.onProgress?.(grown + done, parts * trees);
    const status: ForecastModelJSON['status'] = {
      closeDate: { available: false, deals: dated.length, reason: null },
      amount: { available: false, deals: sameCurrency.length, reason: null },
    };

    let closeDateModel: DaysOpenModel | null = null;
    if (dated.length < MIN_FORECAST_WINS) {
      status.closeDate.reason = `${dated.length} won deal${dated.length === 1 ? ' has' : 's have'} both a created and a close date; the close-date forecast needs at least ${MIN_FORECAST_WINS}.`;
    } else {
      closeDateModel = trainPart(status.closeDate, () => DaysOpenModel.train(dated, { seed, trees, encoder: options.encoder, onProgress: progress }));
      grown += trees;
    }
    let amountModel: AmountModel | null = null;
    if (sameCurrency.length < MIN_FORECAST_WINS) {
      status.amount.reason = `${sameCurrency.length} won deal${sameCurrency.length === 1 ? ' has' : 's have'} an amount${currency ? ` in ${currency}` : ''}; the amount forecast needs at least ${MIN_FORECAST_WINS}.`;
    } else {
      amountModel = trainPart(status.amount, () => AmountModel.train(sameCurrency, { seed: seed + 1, trees, encoder: options.encoder, onProgress: progress }));
    }
    if (status.closeDate.reason) notes.unshift(`no close-date forecast: ${status.closeDate.reason}`);
    if (status.amount.reason) notes.unshift(`no amount forecast: ${status.amount.reason}`);
    const json = { format: 'dealsight-forecast-model' as const, version: 1 as const, asOf, currency, status, notes };
    return new ForecastModel(json, closeDateModel, amountModel);
  }

  static load(json: ForecastModelJSON): ForecastModel {
    if (json?.format !== 'dealsight-forecast-model') throw new Error('ForecastModel.load: not a saved Dealsight forecast model');
    if (json.version !== 1) throw new Error(`ForecastModel.load: unsupported version ${String(json.version)}`);
    const { closeDate, amount, ...rest } = json;
    return new ForecastModel(rest, closeDate ? DaysOpenModel.load(closeDate) : null, amount ? AmountModel.load(amount) : null);
  }

  toJSON(): ForecastModelJSON {
    return { ...this.json, closeDate: this.closeDateModel?.toJSON() ?? null, amount: this.amountModel?.toJSON() ?? null };
  }

  /**
   * Forecasts as of `asOf` (today, for open deals: an open deal is conditioned on closing
   * after it). Closed deals are forecast from their creation, as a backtest.
   */
  predict(opportunities: Opportunity[], asOf: IsoDate): Forecast[] {
    const today = checkDate('ForecastModel.predict', 'asOf', asOf);
    const created = opportunities.map((o) =>
      o.createdDate == null ? null : checkDate('ForecastModel.predict', `createdDate of opportunity ${o.id}`, o.createdDate),
    );
    const crm = opportunities.map((o) => (o.closeDate == null ? null : checkDate('ForecastModel.predict', `closeDate of opportunity ${o.id}`, o.closeDate)));
    const closeDates = this.closeDateModel ? this.predictCloseDates(this.closeDateModel, opportunities, today, created, crm) : null;
    const amounts = this.amountModel ? this.amountModel.predict(opportunities) : null;
    const currency = this.json.currency;
    return opportunities.map((o, i) => {
      const range = amounts?.[i];
      let amount: AmountForecast | null = null;
      if (range) {
        const comparable = o.currency === null || currency === null || o.currency === currency;
        const p50 = money(range.p50);
        amount = {
          p10: money(range.p10),
          p50,
          p90: money(range.p90),
          crmAmount: o.amount,
          currency: currency ?? o.currency,
          difference: o.amount !== null && comparable && p50 > 0 ? Math.round(((o.amount - p50) / p50) * 10_000) / 10_000 : null,
        };
      }
      return { id: o.id, closeDate: closeDates?.[i] ?? null, amount };
    });
  }

  private predictCloseDates(
    model: DaysOpenModel,
    opportunities: Opportunity[],
    today: number,
    created: Array<number | null>,
    crm: Array<number | null>,
  ): Array<CloseDateForecast | null> {
    const rows = opportunities.flatMap((_, i) => (created[i] === null ? [] : [i]));
    // An open deal is still open at the end of the as-of day: it closes after its days so far.
    const alreadyOpen = rows.map((i) => (opportunities[i]!.isClosed ? Number.NaN : Math.max(0, today - created[i]!)));
    const ranges = model.predict(
      rows.map((i) => opportunities[i]!),
      alreadyOpen,
    );
    const out = new Array<CloseDateForecast | null>(opportunities.length).fill(null);
    rows.forEach((i, k) => {
      const range = ranges[k]!;
      const o = opportunities[i]!;
      const start = created[i]!;
      const crmDay = crm[i]!;
      out[i] = {
        p10: isoOfDay(start + range.p10),
        p50: isoOfDay(start + range.p50),
        p90: isoOfDay(start + range.p90),
        daysOpen: { p10: range.p10, p50: range.p50, p90: range.p90 },
        crmCloseDate: o.closeDate,
        slip: crmDay !== null && (crmDay < start + range.p10 || (!o.isClosed && crmDay < today)),
        slipDays: crmDay !== null ? start + range.p50 - crmDay : null,
        basis: range.basis,
      };
    });
    return out;
  }
}

/** Trains one part; a data set with no usable feature for it leaves the part out with the encoder's reason. */
function trainPart<T>(status: ForecastPartStatus, train: () => T): T | null {
  try {
    const model = train();
    status.available = true;
    return model;
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('fitEncoder: no usable features')) {
      status.reason = 'no field besides the dates and the amount can describe a deal (every candidate was empty, constant or excluded).';
      return null;
    }
    throw error;
  }
}

/** The most common currency of won deals with an amount (ties: alphabetical); null when none says. */
function mainCurrency(won: Opportunity[]): string | null {
  const counts = new Map<string, number>();
  for (const o of won) if (o.currency !== null && o.amount !== null) counts.set(o.currency, (counts.get(o.currency) ?? 0) + 1);
  let best: string | null = null;
  for (const [code, n] of counts) {
    const bestCount = best === null ? -1 : (counts.get(best) as number);
    if (n > bestCount || (n === bestCount && best !== null && code < best)) best = code;
  }
  return best;
}

function wonDeals(n: number): string {
  return `${n} won deal${n === 1 ? '' : 's'}`;
}

/** Rounds to cents: ranges are estimates, and stored models stay readable. */
function money(x: number): number {
  return Math.round(x * 100) / 100;
}

/** The day number of a valid ISO date; a clear error naming the field otherwise. */
function checkDate(where: string, what: string, value: string): number {
  const day = typeof value === 'string' ? dayNumber(value) : null;
  if (day === null) throw new Error(`${where}: ${what} must be a calendar date YYYY-MM-DD, got ${JSON.stringify(value)}`);
  return day;
}
