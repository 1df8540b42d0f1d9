/**
 * Recent similar opportunities (issue #3): for a deal, the nearest closed deals, wins and
 * losses listed separately, weighted toward recent ones, each with what it shares with
 * the deal and what differs.
 *
 * Similarity is Gower's coefficient (Gower 1971) over the encoder's features, so "what
 * counts as a comparable field" is exactly what the win model reads (`fitEncoder`):
 *
 *     similarity(a, b) = Σ w_f · s_f(a, b) / Σ w_f     over the features known on both deals
 *
 * - categorical: s = 1 when the values are equal, else 0. Values are compared as written,
 *   so two rare values the encoder pools into "(other)" are not taken as equal.
 * - numeric on a log scale (amount, employees, revenue, and any other non-negative,
 *   right-skewed field): s = max(0, 1 − |log10 a − log10 b| / R), R the 5th–95th
 *   percentile spread of log10 values among the closed deals; other numerics the same
 *   on the raw scale; the created month on a 12-month circle (s = 1 − months apart / 6).
 * - a value missing on either side is unknown: neither shared nor different, and its
 *   weight is left out of both sums. A closed deal is a candidate only when the features
 *   compared carry at least `minOverlap` (default ½) of the weight the opportunity has
 *   filled, so a closed deal with one filled field that happens to match cannot top the
 *   list. A deal with nothing in common (similarity 0) is never listed.
 *
 * Ranking: `score = similarity × (0.5 + 0.5 × recency)`, `recency = 2^(−days / halfLife)`
 * with `days` from the close to `asOf`. A year-old deal (default half-life 365 days)
 * counts ¾ of a deal closed today, and no deal counts less than half: recency orders
 * deals of similar fit but never buries a close match. Ties go to the later close, then
 * the smaller id.
 *
 * "Shared" and "different" read as people read them (`describeValue`): a numeric field is
 * shared when both values fall in the same readable band (head-count bands close to
 * LinkedIn's company sizes, quintile bands with rounded edges for the rest, the same
 * month for the created month), and the band is what is shown. Each list holds the
 * heaviest features first; among equal weights, shared values rarest first.
 *
 * A query is one exact scan over typed arrays precomputed at build or load (codes per
 * categorical feature, log values per numeric one), cut short by bounds that cannot
 * change its result; see `scan`.
 */
import { blankOpportunity, WELL_KNOWN_ATTRIBUTES, type IsoDate, type Opportunity } from '../crm/opportunity';
import { EMPLOYEE_BANDS } from './bands';
import { sortedQuantile } from './metrics';
import { categoryOf, describeValue, fitEncoder, numberOf, readFeature, type EncoderSpec, type FeatureSource, type FeatureSpec } from './encode';
import { decodeArray, encodeArray } from './serialize';

export interface SimilarBuildOptions {
  /** The features to compare; default `fitEncoder(closed)` (no attribute excluded). */
  spec?: EncoderSpec;
  /**
   * Weight per feature key, e.g. the win model's importance. When given, a feature it does
   * not list weighs 0 (is not compared); keys that are not features are ignored, so the
   * weights of a model fitted on another feature set can be passed as they are. Default:
   * every feature weighs 1.
   */
  weights?: Record<string, number>;
  /** Days after which a deal's recency weight halves; default 365. */
  halfLifeDays?: number;
  /** The day recency is measured from; default the latest close date among the deals. */
  asOf?: IsoDate;
}

export interface SimilarFindOptions {
  /** Deals listed per outcome; default 3. */
  k?: number;
  /** The day recency is measured from; deals closed after it are left out. Default: the index's `asOf`. */
  asOf?: IsoDate;
  /** Closed deals never to list (besides the deal itself, which never is). */
  excludeIds?: Set<string>;
  /** At most this many deals of one account per list; default 1. See `SimilarIndex.find`. */
  maxPerAccount?: number;
  /** Leave out the deal's own account's earlier deals altogether; default false. */
  excludeSameAccount?: boolean;
  /** Share of the opportunity's filled feature weight that a closed deal must have filled too, 0..1; default 0.5. */
  minOverlap?: number;
  /**
   * Shared and different attributes listed per similar deal; default 4. Both heaviest
   * feature first; among equal weights, shared values rarest first, differences in spec order.
   */
  maxListed?: number;
}

export interface SharedAttribute {
  key: string;
  label: string;
  /** The value both deals have, or the band both fall in ("201–1,000"). */
  value: string;
}

export interface DifferentAttribute {
  key: string;
  label: string;
  /** This deal's value. */
  value: string;
  /** The similar deal's value. */
  theirs: string;
}

export interface SimilarDeal {
  id: string;
  name: string;
  accountName: string | null;
  /** True when it is an earlier deal of the same account. */
  sameAccount: boolean;
  isWon: boolean;
  closeDate: IsoDate | null;
  amount: number | null;
  currency: string | null;
  /** The owner's name. */
  owner: string | null;
  /** Attribute similarity, 0..1 (Gower, feature-weighted). */
  similarity: number;
  /** 2^(−days since the close / half-life), 0..1; 0 when the close date is unknown. */
  recency: number;
  /** similarity × (0.5 + 0.5 × recency): what the lists are ranked by. */
  score: number;
  shared: SharedAttribute[];
  different: DifferentAttribute[];
}

export interface SimilarResult {
  wins: SimilarDeal[];
  losses: SimilarDeal[];
}

/** How a feature's values are compared. */
export type SimilarScale = 'category' | 'log' | 'linear' | 'cyclic';

export interface SimilarFeatureJSON {
  key: string;
  weight: number;
  scale: SimilarScale;
  /** category: every value seen, the encoder's levels first; a code indexes this list. */
  values?: string[];
  /** log: values below it read as it (the smallest positive value seen, at most 1). */
  floor?: number;
  /** log, linear: the 5th–95th percentile spread on the compared scale. */
  range?: number;
  /** log, linear: band edges (a value ≥ edges[j] is in band j + 1) and the bands' labels. */
  edges?: number[];
  bands?: string[];
  /** base64: Int32 codes (−1 missing) for categories, Float64 raw values (NaN missing) otherwise. */
  column: string;
}

export interface SimilarIndexJSON {
  format: 'dealsight-similar-index';
  version: 1;
  encoder: EncoderSpec;
  halfLifeDays: number;
  asOf: IsoDate | null;
  features: SimilarFeatureJSON[];
  deals: {
    ids: string[];
    names: string[];
    accountIds: Array<string | null>;
    accountNames: Array<string | null>;
    /** base64 Uint8: 1 won, 0 lost. */
    won: string;
    closeDates: Array<IsoDate | null>;
    /** base64 Float64, NaN when unknown. */
    amounts: string;
    currencies: Array<string | null>;
    owners: Array<string | null>;
  };
}

export const SIMILAR_DEFAULTS = {
  halfLifeDays: 365,
  k: 3,
  maxPerAccount: 1,
  minOverlap: 0.5,
  maxListed: 4,
} as const;

/** Recency weight of a deal closed `days` before the as-of day: 2^(−days / halfLife), 1 for later closes. */
export function recencyWeight(days: number, halfLifeDays: number): number {
  return Math.pow(2, -Math.max(0, days) / halfLifeDays);
}

/** The ranking score: attribute similarity, discounted by age down to half at most. */
export function rankScore(similarity: number, recency: number): number {
  return similarity * (0.5 + 0.5 * recency);
}

/** Fields whose values span orders of magnitude by nature, compared on a log scale whatever the sample. */
const LOG_KEYS = new Set(['amount', `attr:${WELL_KNOWN_ATTRIBUTES.employees}`, `attr:${WELL_KNOWN_ATTRIBUTES.revenue}`]);

/**
 * Head-count bands: LinkedIn's company sizes (which Apollo's and Seamless.AI's filters
 * follow), with 1 and 2–10 and 201–500 and 501–1,000 merged, so they read as the issue's
 * persona ranges ("201–1,000 employees").
 */
const EMPLOYEE_EDGES = EMPLOYEE_BANDS.slice(1).map((band) => band.min + 1);
const EMPLOYEE_LABELS = EMPLOYEE_BANDS.map((band) => band.label);

/** Code of a query value no closed deal has: known, and equal to nothing. */
const UNSEEN = -2;
const DAY_MS = 86_400_000;

interface Feature {
  spec: FeatureSpec;
  key: string;
  weight: number;
  scale: SimilarScale;
  /** category */
  values: string[];
  lookup: Map<string, number>;
  codes: Int32Array;
  /** numeric: raw values (NaN missing) and the compared values */
  raw: Float64Array;
  scaled: Float64Array;
  floor: number;
  range: number;
  edges: number[];
  bands: string[];
  /** Deals per value, band or month (see `SimilarIndex.groupOf`): how common a shared value is. */
  groupCounts: Map<number, number>;
}

interface Comparison {
  shared: boolean;
  value: string;
  theirs: string;
  /** Share of the closed deals with the shared value (1 when not shared). */
  share: number;
}

/** The closed deals, wins first, each latest close first (then by id; unknown close dates last): the scan and tie order. */
interface Deals {
  ids: string[];
  names: string[];
  accountIds: Array<string | null>;
  accountNames: Array<string | null>;
  won: Uint8Array;
  closeDates: Array<IsoDate | null>;
  /** Days since 1970-01-01, NaN when unknown. */
  closeDays: Float64Array;
  amounts: Float64Array;
  currencies: Array<string | null>;
  owners: Array<string | null>;
}

/** A query's values in the scan's layout. */
interface Query {
  /** Weight each slot earns (see `Layout.rowSlots`): the feature's weight at the query's value, else 0. */
  matches: Float64Array;
  /** Weight each slot counts in the denominator: the feature's weight when the query has it and the deal does too. */
  known: Float64Array;
  values: Float64Array;
  /** Weight of the features the query has filled, and of the numeric ones among them. */
  filled: number;
  numericFilled: number;
}

export class SimilarIndex {
  private readonly byId: Map<string, number>;
  private readonly byAccount: Map<string, number>;
  /** Index of each deal's account in `byAccount`, −1 without an account. */
  private readonly accountCodes: Int32Array;
  /** Compared features (weight > 0), heaviest first (ties in spec order): the order lists are read in. */
  private readonly listed: Feature[];
  private readonly categorical: Feature[];
  private readonly numeric: Feature[];
  private readonly layout: Layout;
  private readonly slotOffsets: Int32Array;
  private readonly slotCount: number;
  /** Deals `[0, wonCount)` are the wins, the rest the losses (see `Deals`). */
  private readonly wonCount: number;
  private recencyCache: Recency | null = null;

  private constructor(
    readonly encoder: EncoderSpec,
    readonly halfLifeDays: number,
    /** The default as-of day of `find`. */
    readonly asOf: IsoDate | null,
    private readonly features: Feature[],
    private readonly deals: Deals,
  ) {
    const n = deals.ids.length;
    this.wonCount = deals.won.indexOf(0) < 0 ? n : deals.won.indexOf(0);
    this.byId = new Map(deals.ids.map((id, i) => [id, i]));
    this.byAccount = new Map();
    this.accountCodes = new Int32Array(n);
    deals.accountIds.forEach((id, i) => {
      let code = id === null ? -1 : this.byAccount.get(id);
      if (code === undefined) this.byAccount.set(id as string, (code = this.byAccount.size));
      this.accountCodes[i] = code;
    });
    this.listed = features
      .map((f, i) => ({ f, i }))
      .filter(({ f }) => f.weight > 0)
      .sort((a, b) => b.f.weight - a.f.weight || a.i - b.i)
      .map(({ f }) => f);
    for (const f of this.listed) {
      for (let i = 0; i < n; i++) {
        const group = this.groupOf(f, i);
        if (group !== null) f.groupCounts.set(group, (f.groupCounts.get(group) ?? 0) + 1);
      }
    }
    this.categorical = this.listed.filter((f) => f.scale === 'category');
    this.numeric = this.listed.filter((f) => f.scale !== 'category');
    const C = this.categorical.length;
    const N = this.numeric.length;
    const rowSlots = new Int32Array(n * C);
    const rowValues = new Float64Array(n * N);
    const complete = new Uint8Array(n).fill(1);
    this.slotOffsets = new Int32Array(C);
    let slots = 0;
    this.categorical.forEach((f, c) => {
      this.slotOffsets[c] = slots;
      for (let i = 0; i < n; i++) {
        const code = f.codes[i] as number;
        rowSlots[i * C + c] = slots + code + 1;
        if (code < 0) complete[i] = 0;
      }
      slots += f.values.length + 1;
    });
    this.slotCount = slots;
    this.numeric.forEach((f, j) => {
      for (let i = 0; i < n; i++) {
        const v = f.scaled[i] as number;
        rowValues[i * N + j] = v;
        if (Number.isNaN(v)) complete[i] = 0;
      }
    });
    this.layout = {
      C,
      N,
      rowSlots,
      rowValues,
      complete,
      weights: Float64Array.from(this.numeric, (f) => f.weight),
      inverse: Float64Array.from(this.numeric, (f) => (f.scale === 'cyclic' ? 1 / 6 : 1 / f.range)),
      cyclic: Uint8Array.from(this.numeric, (f) => (f.scale === 'cyclic' ? 1 : 0)),
    };
  }

  /** Closed deals in the index. */
  get size(): number {
    return this.deals.ids.length;
  }

  static build(deals: Opportunity[], options: SimilarBuildOptions = {}): SimilarIndex {
    if (deals.length === 0) throw new Error('SimilarIndex.build: no closed opportunities');
    const seen = new Set<string>();
    const keys: ScanKey[] = [];
    for (const o of deals) {
      if (!o.isClosed) throw new Error(`SimilarIndex.build: opportunity ${o.id} is open; index closed deals only`);
      if (seen.has(o.id)) throw new Error(`SimilarIndex.build: opportunity id ${o.id} appears twice`);
      seen.add(o.id);
      const day = o.closeDate === null ? Number.NaN : dayNumber(o.closeDate, `SimilarIndex.build: opportunity ${o.id} closeDate`);
      keys.push({ won: o.isWon, day, id: o.id });
    }
    const halfLifeDays = options.halfLifeDays ?? SIMILAR_DEFAULTS.halfLifeDays;
    if (!(Number.isFinite(halfLifeDays) && halfLifeDays > 0))
      throw new Error(`SimilarIndex.build: halfLifeDays must be a positive number, got ${halfLifeDays}`);
    if (options.asOf !== undefined) dayNumber(options.asOf, 'SimilarIndex.build: asOf');
    const spec = options.spec ?? fitEncoder(deals).spec;
    const weights = resolveWeights(spec, options.weights);
    // Each deal's key made once, not twice per comparison (2.6 million objects for 78,000 deals).
    const order = deals.map((_, i) => i).sort((a, b) => scanOrder(keys[a] as ScanKey, keys[b] as ScanKey));
    const closed = order.map((i) => deals[i] as Opportunity);
    // Columns are filled in loops: TypedArray.from with a mapping function took about 8 ms a
    // column of 78,000 deals, ten times a loop's.
    const n = closed.length;

    const features = spec.features.map((feature, f): Feature => {
      const weight = weights[f] as number;
      if (feature.kind === 'categorical') {
        // The encoder's levels first, then the rare values it pools into "(other)", each its own value here.
        const values = [...feature.levels];
        const lookup = new Map(values.map((v, i) => [v, i]));
        const codes = new Int32Array(n);
        for (let i = 0; i < n; i++) {
          const text = categoryOf(readFeature(closed[i] as Opportunity, feature.source));
          if (text === null) {
            codes[i] = -1;
            continue;
          }
          let code = lookup.get(text);
          if (code === undefined) {
            code = values.length;
            values.push(text);
            lookup.set(text, code);
          }
          codes[i] = code;
        }
        return categoryFeature(feature, weight, values, codes);
      }
      const raw = new Float64Array(n);
      for (let i = 0; i < n; i++) raw[i] = numberOf(readFeature(closed[i] as Opportunity, feature.source));
      return numericFeature(feature, weight, raw, fitScale(feature, raw));
    });

    const closeDates = closed.map((o) => o.closeDate);
    const asOf = options.asOf ?? closeDates.find((d) => d !== null) ?? null;
    const index = {
      ids: closed.map((o) => o.id),
      names: closed.map((o) => o.name),
      accountIds: closed.map((o) => o.account?.id ?? null),
      accountNames: closed.map((o) => o.account?.name ?? null),
      won: new Uint8Array(n),
      closeDates,
      closeDays: new Float64Array(n),
      amounts: new Float64Array(n),
      currencies: closed.map((o) => o.currency),
      owners: closed.map((o) => o.owner?.name ?? null),
    };
    order.forEach((from, i) => {
      const o = deals[from] as Opportunity;
      index.won[i] = o.isWon ? 1 : 0;
      index.closeDays[i] = (keys[from] as ScanKey).day;
      index.amounts[i] = o.amount === null ? Number.NaN : o.amount;
    });
    return new SimilarIndex(spec, halfLifeDays, asOf, features, index);
  }

  static load(json: SimilarIndexJSON): SimilarIndex {
    if (json?.format !== 'dealsight-similar-index') throw new Error('SimilarIndex.load: not a saved Dealsight similar-deals index');
    if (json.version !== 1) throw new Error(`SimilarIndex.load: unsupported version ${String(json.version)}`);
    const d = json.deals;
    const n = d.ids.length;
    const lists = {
      names: d.names,
      accountIds: d.accountIds,
      accountNames: d.accountNames,
      closeDates: d.closeDates,
      currencies: d.currencies,
      owners: d.owners,
    };
    for (const [name, list] of Object.entries(lists)) {
      if (!Array.isArray(list) || list.length !== n) throw new Error(`SimilarIndex.load: deals.${name} has ${list?.length} entries, expected ${n}`);
    }
    const won = decodeArray(d.won, Uint8Array);
    const amounts = decodeArray(d.amounts, Float64Array);
    if (won.length !== n || amounts.length !== n) throw new Error(`SimilarIndex.load: deals.won or deals.amounts does not have ${n} entries`);
    const closeDays = Float64Array.from(d.closeDates, (date, i) =>
      date === null ? Number.NaN : dayNumber(date, `SimilarIndex.load: deal ${d.ids[i]} closeDate`),
    );
    const key = (i: number): ScanKey => ({ won: won[i] === 1, day: closeDays[i] as number, id: d.ids[i] as string });
    for (let i = 1; i < n; i++) {
      if (scanOrder(key(i - 1), key(i)) >= 0) {
        throw new Error(`SimilarIndex.load: deal ${d.ids[i]} is out of order (deals are saved wins first, each latest close first, then by id)`);
      }
    }
    if (json.features.length !== json.encoder.features.length) throw new Error('SimilarIndex.load: features do not match the encoder');
    const features = json.features.map((saved, f): Feature => {
      const spec = json.encoder.features[f] as FeatureSpec;
      if (saved.key !== spec.key) throw new Error(`SimilarIndex.load: feature ${f} is ${saved.key}, the encoder says ${spec.key}`);
      if (saved.scale === 'category') {
        const codes = decodeArray(saved.column, Int32Array);
        if (codes.length !== n) throw new Error(`SimilarIndex.load: feature ${saved.key} has ${codes.length} values, expected ${n}`);
        return categoryFeature(spec, saved.weight, saved.values ?? [], codes);
      }
      const raw = decodeArray(saved.column, Float64Array);
      if (raw.length !== n) throw new Error(`SimilarIndex.load: feature ${saved.key} has ${raw.length} values, expected ${n}`);
      return numericFeature(spec, saved.weight, raw, {
        scale: saved.scale,
        floor: saved.floor ?? 1,
        range: saved.range ?? 1,
        edges: saved.edges ?? [],
        bands: saved.bands ?? [],
      });
    });
    return new SimilarIndex(json.encoder, json.halfLifeDays, json.asOf, features, { ...lists, ids: d.ids, won, amounts, closeDays });
  }

  toJSON(): SimilarIndexJSON {
    const d = this.deals;
    return {
      format: 'dealsight-similar-index',
      version: 1,
      encoder: this.encoder,
      halfLifeDays: this.halfLifeDays,
      asOf: this.asOf,
      features: this.features.map((f): SimilarFeatureJSON => {
        if (f.scale === 'category') return { key: f.key, weight: f.weight, scale: f.scale, values: [...f.values], column: encodeArray(f.codes) };
        const saved: SimilarFeatureJSON = { key: f.key, weight: f.weight, scale: f.scale, column: encodeArray(f.raw) };
        if (f.scale === 'log') saved.floor = f.floor;
        if (f.scale !== 'cyclic') Object.assign(saved, { range: f.range, edges: [...f.edges], bands: [...f.bands] });
        return saved;
      }),
      deals: {
        ids: [...d.ids],
        names: [...d.names],
        accountIds: [...d.accountIds],
        accountNames: [...d.accountNames],
        won: encodeArray(d.won),
        closeDates: [...d.closeDates],
        amounts: encodeArray(d.amounts),
        currencies: [...d.currencies],
        owners: [...d.owners],
      },
    };
  }

  /**
   * The closed deals most like `opportunity`, wins and losses apart, best first.
   *
   * The deal itself (same id) is never listed. Its account's earlier deals are kept and
   * marked `sameAccount`: a renewal's own history is often the best guide. But they match
   * on every account fact, so without a cap they would fill the list and hide what other
   * companies did, and so would any other company with a run of near-identical renewals.
   * Each list therefore holds at most `maxPerAccount` (default 1) deals of any one
   * account, the deal's own included; `excludeSameAccount` drops the own account's deals.
   *
   * Every closed deal is considered (no pre-filter): wins and losses are each scanned
   * latest close first and the scan stops once no older deal can enter (see `scan`).
   */
  find(opportunity: Opportunity, options: SimilarFindOptions = {}): SimilarResult {
    const k = options.k ?? SIMILAR_DEFAULTS.k;
    const maxPerAccount = options.maxPerAccount ?? SIMILAR_DEFAULTS.maxPerAccount;
    const minOverlap = options.minOverlap ?? SIMILAR_DEFAULTS.minOverlap;
    const maxListed = options.maxListed ?? SIMILAR_DEFAULTS.maxListed;
    if (!Number.isInteger(k) || k < 0) throw new Error(`SimilarIndex.find: k must be a whole number ≥ 0, got ${k}`);
    if (!(maxPerAccount >= 1)) throw new Error(`SimilarIndex.find: maxPerAccount must be at least 1, got ${maxPerAccount}`);
    if (!(minOverlap >= 0 && minOverlap <= 1)) throw new Error(`SimilarIndex.find: minOverlap must be within 0..1, got ${minOverlap}`);
    if (!Number.isInteger(maxListed) || maxListed < 0) throw new Error(`SimilarIndex.find: maxListed must be a whole number ≥ 0, got ${maxListed}`);
    const { winStart, lossStart, factors, recency } = this.recencyFor(options.asOf ?? this.asOf);
    const query = this.queryOf(opportunity);
    if (query.filled === 0 || k === 0) return { wins: [], losses: [] };

    const self = this.byId.get(opportunity.id) ?? -1;
    const excluded = new Set<number>();
    for (const id of options.excludeIds ?? []) {
      const i = this.byId.get(id);
      if (i !== undefined) excluded.add(i);
    }
    const ownAccount = opportunity.account ? (this.byAccount.get(opportunity.account.id) ?? -2) : -2;
    const wins = new TopList(k, maxPerAccount, this.accountCodes);
    const losses = new TopList(k, maxPerAccount, this.accountCodes);
    // Below this the compared features carry too little of the query's weight (a hair of
    // slack so that exactly `minOverlap` passes whatever the rounding).
    const needed = Math.max(minOverlap * query.filled * (1 - 1e-12), Number.MIN_VALUE);

    const skip = (i: number): boolean => i === self || excluded.has(i) || (options.excludeSameAccount === true && this.accountCodes[i] === ownAccount);
    scan(this.layout, query, factors, winStart, this.wonCount, needed, skip, wins);
    scan(this.layout, query, factors, lossStart, this.size, needed, skip, losses);
    const describe = (item: Ranked): SimilarDeal => this.describe(opportunity, item, ownAccount, recency[item.i] as number, maxListed);
    return { wins: wins.items.map(describe), losses: losses.items.map(describe) };
  }

  /** The query's codes and scaled values in the scan's layout; a missing value matches nothing. */
  private queryOf(opportunity: Opportunity): Query {
    let filled = 0;
    const matches = new Float64Array(this.slotCount);
    const known = new Float64Array(this.slotCount);
    this.categorical.forEach((f, c) => {
      const code = this.codeOf(f, opportunity);
      if (code === -1) return;
      filled += f.weight;
      const offset = this.slotOffsets[c] as number;
      // Slot `offset` is the deal's missing value: it earns nothing and weighs nothing.
      known.fill(f.weight, offset + 1, offset + 1 + f.values.length);
      if (code >= 0) matches[offset + code + 1] = f.weight;
    });
    let numericFilled = 0;
    const values = Float64Array.from(this.numeric, (f) => {
      const v = scaleValue(f, numberOf(readFeature(opportunity, f.spec.source)));
      if (!Number.isNaN(v)) numericFilled += f.weight;
      return v;
    });
    return { matches, known, values, filled: filled + numericFilled, numericFilled };
  }

  /** A ranked deal as the panel shows it, with its shared and different attributes. */
  private describe(opportunity: Opportunity, item: Ranked, ownAccount: number, recency: number, maxListed: number): SimilarDeal {
    const d = this.deals;
    const i = item.i;
    const shared: SharedAttribute[] = [];
    const different: DifferentAttribute[] = [];
    const common: Array<{ f: Feature; rank: number; pair: Comparison }> = [];
    this.listed.forEach((f, rank) => {
      const pair = this.compare(f, opportunity, i);
      if (pair === null) return;
      if (pair.shared) common.push({ f, rank, pair });
      else if (different.length < maxListed) different.push({ key: f.key, label: f.spec.label, value: pair.value, theirs: pair.theirs });
    });
    // Among equal weights, the rarer value first: "Healthcare" (6% of deals) tells more than "new customer" (85%).
    common.sort((a, b) => b.f.weight - a.f.weight || a.pair.share - b.pair.share || a.rank - b.rank);
    for (const { f, pair } of common.slice(0, maxListed)) shared.push({ key: f.key, label: f.spec.label, value: pair.value });
    const amount = d.amounts[i] as number;
    return {
      id: d.ids[i] as string,
      name: d.names[i] as string,
      accountName: d.accountNames[i] ?? null,
      sameAccount: this.accountCodes[i] === ownAccount,
      isWon: d.won[i] === 1,
      closeDate: d.closeDates[i] ?? null,
      amount: Number.isNaN(amount) ? null : amount,
      currency: d.currencies[i] ?? null,
      owner: d.owners[i] ?? null,
      similarity: item.similarity,
      recency,
      score: item.score,
      shared,
      different,
    };
  }

  /** How one feature reads on the pair; null when either side is missing. */
  private compare(f: Feature, opportunity: Opportunity, i: number): Comparison | null {
    const theirs = this.groupOf(f, i);
    if (theirs === null) return null;
    let mine: number | null;
    if (f.scale === 'category') {
      mine = this.codeOf(f, opportunity);
      if (mine === -1) return null;
    } else {
      const v = numberOf(readFeature(opportunity, f.spec.source));
      if (Number.isNaN(v)) return null;
      mine = groupOfValue(f, v);
    }
    const value = describeValue(f.spec, opportunity);
    if (mine === theirs) {
      const shown = f.scale === 'log' || f.scale === 'linear' ? (f.bands[mine] ?? value) : value;
      return { shared: true, value: shown, theirs: shown, share: (f.groupCounts.get(mine) ?? 0) / this.size };
    }
    const other = f.scale === 'category' ? (f.values[theirs] as string) : (f.raw[i] as number);
    return { shared: false, value, theirs: describeValue(f.spec, withFeature(f.spec.source, other)), share: 1 };
  }

  /**
   * What "the same" means for deal `i` on feature `f`: its value's code, its band, or its
   * month; null when missing.
   */
  private groupOf(f: Feature, i: number): number | null {
    if (f.scale === 'category') {
      const c = f.codes[i] as number;
      return c < 0 ? null : c;
    }
    const v = f.raw[i] as number;
    return Number.isNaN(v) ? null : groupOfValue(f, v);
  }

  /** Code of the opportunity's value: −1 missing, UNSEEN for a value no closed deal has. */
  private codeOf(f: Feature, opportunity: Opportunity): number {
    const text = categoryOf(readFeature(opportunity, f.spec.source));
    return text === null ? -1 : (f.lookup.get(text) ?? UNSEEN);
  }

  /**
   * Per deal, the rank factor 0.5 + 0.5 × recency, and where the scans start: the first
   * win and the first loss closed on or before `asOf` (later ones had not closed yet on
   * that day). Cached, as a batch of finds shares one as-of day.
   */
  private recencyFor(asOf: IsoDate | null): Recency {
    if (this.recencyCache !== null && this.recencyCache.asOf === asOf) return this.recencyCache;
    const today = asOf === null ? Number.NaN : dayNumber(asOf, 'SimilarIndex.find: asOf');
    const n = this.size;
    const factors = new Float64Array(n);
    const recency = new Float64Array(n);
    let winStart = 0;
    let lossStart = this.wonCount;
    for (let i = 0; i < n; i++) {
      const days = today - (this.deals.closeDays[i] as number);
      if (days < 0) {
        if (i < this.wonCount) winStart = i + 1;
        else lossStart = i + 1;
        continue;
      }
      // An unknown close date (or no as-of day at all) counts as old as can be.
      recency[i] = Number.isNaN(days) ? 0 : recencyWeight(days, this.halfLifeDays);
      factors[i] = rankScore(1, recency[i] as number);
    }
    this.recencyCache = { asOf, winStart, lossStart, factors, recency };
    return this.recencyCache;
  }
}

interface Recency {
  asOf: IsoDate | null;
  winStart: number;
  lossStart: number;
  factors: Float64Array;
  recency: Float64Array;
}

/**
 * The compared features of all deals, row-major so that one deal's values are adjacent.
 * A categorical value is stored as a slot, `offset of its feature + code + 1` (slot
 * `offset` = missing), so a match is one lookup in the query's slot weights: a
 * compare-and-branch per feature measured 6× slower (mispredicted branches on mixed matches).
 */
interface Layout {
  C: number;
  N: number;
  rowSlots: Int32Array;
  rowValues: Float64Array;
  /** 1 when the deal has every compared feature filled: its denominator is the query's filled weight. */
  complete: Uint8Array;
  /** Per numeric feature: weight, 1 / range, and 1 for the created month's circle. */
  weights: Float64Array;
  inverse: Float64Array;
  cyclic: Uint8Array;
}

/**
 * Offers deals `from` to `to` (all of one outcome, latest close first) to `list`, by
 * score. Two bounds keep the scan short without changing its result. The factor
 * 0.5 + 0.5 × recency bounds a deal's score (similarity ≤ 1) and only falls along the
 * scan, so the scan ends at the first deal whose factor cannot beat the list's bar. And
 * the categorical matches plus every numeric feature matching perfectly bound the
 * similarity, so the numeric part (the costlier half) runs only for deals that can still
 * enter: about one in sixty on the sandbox.
 */
function scan(
  layout: Layout,
  query: Query,
  factors: Float64Array,
  from: number,
  to: number,
  needed: number,
  skip: (i: number) => boolean,
  list: TopList,
): void {
  const { C, N, rowSlots, rowValues, complete, weights, inverse, cyclic } = layout;
  const { matches, known, values, filled, numericFilled } = query;
  let bar = list.bar();
  for (let i = from; i < to; i++) {
    const factor = factors[i] as number;
    if (factor <= bar) break;
    const cBase = i * C;
    const vBase = i * N;
    let num = 0;
    for (let c = 0; c < C; c++) num += matches[rowSlots[cBase + c] as number] as number;
    let den = filled;
    let room = numericFilled;
    if (complete[i] === 0) {
      den = 0;
      for (let c = 0; c < C; c++) den += known[rowSlots[cBase + c] as number] as number;
      room = 0;
      for (let j = 0; j < N; j++) if (!Number.isNaN((rowValues[vBase + j] as number) - (values[j] as number))) room += weights[j] as number;
      den += room;
      if (den < needed) continue;
    }
    if (((num + room) / den) * factor <= bar) continue;
    for (let j = 0; j < N; j++) {
      let apart = Math.abs((rowValues[vBase + j] as number) - (values[j] as number));
      // Months 1–12: at most 11 apart, the short way round at most 6.
      if (cyclic[j] === 1 && apart > 6) apart = 12 - apart;
      const s = 1 - apart * (inverse[j] as number);
      if (s > 0) num += (weights[j] as number) * s;
    }
    const similarity = num / den;
    const score = similarity * factor;
    if (score <= bar || skip(i)) continue;
    list.offer(score, i, similarity);
    bar = list.bar();
  }
}

interface ScanKey {
  won: boolean;
  /** Close day, NaN when unknown. */
  day: number;
  id: string;
}

/** Scan order: wins first; within each, latest close first, unknown close dates last, then by id. */
function scanOrder(a: ScanKey, b: ScanKey): number {
  if (a.won !== b.won) return a.won ? -1 : 1;
  const aKnown = !Number.isNaN(a.day);
  const bKnown = !Number.isNaN(b.day);
  if (aKnown !== bKnown) return aKnown ? -1 : 1;
  if (aKnown && a.day !== b.day) return b.day - a.day;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
interface Ranked {
  score: number;
  similarity: number;
  /** Position in the scan order, which is also the tie order. */
  i: number;
}

/**
 * The best `k` deals by score, at most `cap` per account. Deals are offered in scan
 * order, so on equal scores the one already listed (the later close, or the smaller id)
 * stays ahead. Entries only ever improve, so a deal that falls out never needs to return.
 */
class TopList {
  readonly items: Ranked[] = [];

  constructor(
    private readonly k: number,
    private readonly cap: number,
    private readonly accountCodes: Int32Array,
  ) {}

  /** The score a deal must beat to enter: 0 until the list is full (a deal with nothing in common is never listed). */
  bar(): number {
    return this.items.length < this.k ? 0 : (this.items[this.items.length - 1] as Ranked).score;
  }

  offer(score: number, i: number, similarity: number): void {
    const account = this.accountCodes[i] as number;
    if (account >= 0) {
      let same = 0;
      let worst = -1;
      this.items.forEach((item, j) => {
        if (this.accountCodes[item.i] === account) {
          same++;
          worst = j;
        }
      });
      if (same >= this.cap) {
        if (score <= (this.items[worst] as Ranked).score) return;
        this.items.splice(worst, 1);
      }
    }
    let at = this.items.length;
    while (at > 0 && score > (this.items[at - 1] as Ranked).score) at--;
    this.items.splice(at, 0, { score, similarity, i });
    if (this.items.length > this.k) this.items.pop();
  }
}

interface NumericScale {
  scale: SimilarScale;
  floor: number;
  range: number;
  edges: number[];
  bands: string[];
}

/**
 * Chooses how a numeric feature is compared and banded, from the closed deals' values.
 * Log scale: the known heavy-tailed fields, and any non-negative field whose upper half
 * spreads at least twice as far as its lower half (P90 − P50 ≥ 2 (P50 − P10)).
 */
function fitScale(feature: FeatureSpec, raw: Float64Array): NumericScale {
  const source = feature.source;
  if ('field' in source && source.field === 'createdMonth') return { scale: 'cyclic', floor: 1, range: 6, edges: [], bands: [] };
  // Sorted once for all the quantiles below (each sorting its own copy took 0.4 s on 78,000 deals).
  const known = Float64Array.from(raw.filter((v) => !Number.isNaN(v))).sort();
  if (known.length === 0) return { scale: 'linear', floor: 1, range: 1, edges: [], bands: [] };
  const q = (p: number): number => sortedQuantile(known, p);
  const nonNegative = (known[0] as number) >= 0;
  const skewed = q(0.9) - q(0.5) >= 2 * (q(0.5) - q(0.1)) && q(0.9) > q(0.1);
  const scale: SimilarScale = nonNegative && (LOG_KEYS.has(feature.key) || skewed) ? 'log' : 'linear';
  let floor = 1;
  for (const v of known) {
    if (v > 0) {
      floor = Math.min(1, v);
      break;
    }
  }
  // Still ascending: the log is increasing and the floor only raises the smallest values to it.
  const scaled = known.map((v) => (scale === 'log' ? Math.log10(Math.max(v, floor)) : v));
  let range = sortedQuantile(scaled, 0.95) - sortedQuantile(scaled, 0.05);
  if (!(range > 0)) range = (scaled[scaled.length - 1] as number) - (scaled[0] as number);
  if (!(range > 0)) range = 1;
  if ('attribute' in source && source.attribute === WELL_KNOWN_ATTRIBUTES.employees)
    return { scale, floor, range, edges: EMPLOYEE_EDGES, bands: EMPLOYEE_LABELS };
  // Quintile edges rounded to two significant figures, so a band reads "25,000–60,000".
  const edges: number[] = [];
  for (const p of [0.2, 0.4, 0.6, 0.8]) {
    const edge = roundTwo(q(p));
    if (edge > (known[0] as number) && edge !== edges[edges.length - 1]) edges.push(edge);
  }
  // Without edges (most deals share one value) there is one band, read as the value itself.
  if (edges.length === 0) return { scale, floor, range, edges, bands: [] };
  const bands = [`under ${fmt(edges[0] as number)}`];
  for (let j = 1; j < edges.length; j++) bands.push(`${fmt(edges[j - 1] as number)}–${fmt(edges[j] as number)}`);
  bands.push(`${fmt(edges[edges.length - 1] as number)}+`);
  return { scale, floor, range, edges, bands };
}

/** The band of a numeric value (how many edges it reaches), or the month on the created-month circle. */
function groupOfValue(f: Feature, value: number): number {
  if (f.scale === 'cyclic') return Math.round(value);
  let band = 0;
  while (band < f.edges.length && value >= (f.edges[band] as number)) band++;
  return band;
}

function scaleValue(f: { scale: SimilarScale; floor: number }, v: number): number {
  if (Number.isNaN(v)) return v;
  if (f.scale === 'log') return Math.log10(Math.max(v, f.floor));
  return v;
}

function categoryFeature(spec: FeatureSpec, weight: number, values: string[], codes: Int32Array): Feature {
  const empty = new Float64Array(0);
  return {
    spec,
    key: spec.key,
    weight,
    scale: 'category',
    values,
    lookup: new Map(values.map((v, i) => [v, i])),
    groupCounts: new Map(),
    codes,
    raw: empty,
    scaled: empty,
    floor: 1,
    range: 1,
    edges: [],
    bands: [],
  };
}

function numericFeature(spec: FeatureSpec, weight: number, raw: Float64Array, s: NumericScale): Feature {
  const f = {
    spec,
    key: spec.key,
    weight,
    values: [],
    lookup: new Map<string, number>(),
    groupCounts: new Map<number, number>(),
    codes: new Int32Array(0),
    raw,
    ...s,
  };
  const scaled = new Float64Array(raw.length);
  for (let i = 0; i < raw.length; i++) scaled[i] = scaleValue(f, raw[i] as number);
  return { ...f, scaled };
}

function resolveWeights(spec: EncoderSpec, weights: Record<string, number> | undefined): number[] {
  if (weights === undefined) return spec.features.map(() => 1);
  for (const [key, w] of Object.entries(weights)) {
    if (!(Number.isFinite(w) && w >= 0)) throw new Error(`SimilarIndex.build: weight of ${key} must be a number ≥ 0, got ${w}`);
  }
  const resolved = spec.features.map((f) => weights[f.key] ?? 0);
  if (!resolved.some((w) => w > 0)) throw new Error('SimilarIndex.build: every feature weighs 0: the weights name none of the features');
  return resolved;
}

function roundTwo(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(2));
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

function dayNumber(date: IsoDate, what: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(ms)) throw new Error(`${what} must be a date as YYYY-MM-DD, got "${date}"`);
  return Math.round(ms / DAY_MS);
}

/** An opportunity holding only one feature's value, so the other deal's value reads through `describeValue` too. */
function withFeature(source: FeatureSource, value: string | number): Opportunity {
  const o = blankOpportunity('similar', 'csv');
  if ('attribute' in source) {
    o.attributes[source.attribute] = value;
    return o;
  }
  const text = String(value);
  switch (source.field) {
    case 'amount':
      o.amount = Number(value);
      break;
    case 'type':
      o.type = text;
      break;
    case 'leadSource':
      o.leadSource = text;
      break;
    case 'territory':
      o.territory = text;
      break;
    case 'owner':
      o.owner = { id: text, name: text };
      break;
    case 'ownerManager':
      o.ownerManager = { id: text, name: text };
      break;
    case 'createdMonth':
      o.createdDate = `2000-${String(Math.round(Number(value))).padStart(2, '0')}-01`;
      break;
  }
  return o;
}
