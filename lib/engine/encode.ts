/**
 * Feature encoding: opportunities → typed feature columns for the forest.
 *
 * The encoder is fitted on training data and saved with the model, so scoring uses the
 * exact same features, levels and order. It enforces the leakage rule of issue #2: the
 * stage, probability, forecast category, won/closed flags, close date and anything known
 * only at the close never become win-model features. Three layers enforce it:
 * 1. the outcome fields of the opportunity model, and attributes named like them, are never candidates;
 * 2. attributes a connector or importer flagged as set at or after the close are excluded;
 * 3. a data-driven check: a field filled on most closed deals but rarely on open ones is
 *    only known at the close (Maven's close_value is 0 or filled only once a deal closes).
 */
import { closeTimeReason } from '../crm/leakage';
import { attributeOf, type AttributeField, type AttributeValue, type Opportunity } from '../crm/opportunity';
import { evenSpread, pick } from './even-spread';
import { rocAuc } from './metrics';
import type { RawColumn } from './forest/binning';

/** Level that stands for rare and unseen categories. */
export const OTHER_LEVEL = '(other)';

/** Where a feature's value comes from. */
export type FeatureSource = { field: 'amount' | 'type' | 'leadSource' | 'territory' | 'owner' | 'ownerManager' | 'createdMonth' } | { attribute: string };

export type FeatureSpec =
  | { key: string; label: string; source: FeatureSource; kind: 'numeric' }
  | { key: string; label: string; source: FeatureSource; kind: 'categorical'; levels: string[] };

export interface EncoderSpec {
  features: FeatureSpec[];
}

/** A fitted encoder, with the training deals already encoded: `encode(spec, training)`, without reading every deal again. */
export interface FittedEncoder {
  spec: EncoderSpec;
  dropped: DroppedFeature[];
  columns: RawColumn[];
}

/**
 * Why a candidate is not a feature. 'name', 'coverage' and 'separates' are the leakage
 * checks a user may overrule (`keep`: the options page's field mappings, `--include`);
 * the rest are not choices ('outcome' never is: the outcome cannot predict itself).
 */
export type DropRule = 'excluded' | 'outcome' | 'name' | 'date' | 'coverage' | 'separates' | 'single' | 'identifier' | 'rare';

export interface DroppedFeature {
  key: string;
  label: string;
  reason: string;
  rule?: DropRule;
}

/** The leakage checks whose verdict `keep` overrules. */
export const SET_ASIDE_RULES: ReadonlySet<DropRule> = new Set(['name', 'coverage', 'separates']);

/**
 * A field that on its own tells won from lost with a ROC AUC above this is set aside: no
 * honest pre-close field of the real sets comes near (X Education's best, occupation, 0.70;
 * IBM's, 0.74 for a close-time count; Salvirt's, 0.75), while a status written at the close
 * does (X Education's "Tags", 0.92).
 */
export const SEPARATES_AUC = 0.9;
/** Deals the separation check reads at most. */
const SEPARATES_ROWS = 20_000;

export interface EncoderOptions {
  /** Attribute descriptions (kind, label); attributes not listed are typed from their values. */
  fields?: AttributeField[];
  /** Attribute keys that must never be features (flagged leaky by the importer, or unticked by the user). */
  exclude?: Iterable<string>;
  /** When given, restricts the attributes to these keys (the user's field mapping). */
  include?: Iterable<string>;
  /**
   * Attribute keys the user put back: the leakage checks ('name', 'coverage', 'separates')
   * do not set them aside. `exclude` still wins, and the outcome rule always holds.
   */
  keep?: Iterable<string>;
  /**
   * Standard feature keys to leave out for this model (`amount`, `type`, `leadSource`,
   * `territory`, `owner`, `ownerManager`, `createdMonth`): e.g. the amount model must not
   * read the amount it predicts.
   */
  excludeFeatures?: Iterable<string>;
  /** Open opportunities, for the data-driven leakage check; without them the check is skipped. */
  open?: Opportunity[];
  /**
   * Categories seen fewer times than this share "(other)" (default 3). No share-of-rows
   * floor: a real org's owners, products and cities are many and each is a few percent at
   * most, and folding them erased most of their signal (issue 15). The forest shrinks a
   * level's win rate toward its node's before ordering levels (`categorySmoothing`), which
   * is what keeps a level seen five times from deciding a split.
   */
  minLevelCount?: number;
}

const STANDARD_FEATURES: Array<{ key: string; label: string; source: FeatureSource; kind: 'numeric' | 'categorical' }> = [
  { key: 'amount', label: 'Amount', source: { field: 'amount' }, kind: 'numeric' },
  { key: 'type', label: 'Type', source: { field: 'type' }, kind: 'categorical' },
  { key: 'leadSource', label: 'Lead source', source: { field: 'leadSource' }, kind: 'categorical' },
  { key: 'territory', label: 'Territory', source: { field: 'territory' }, kind: 'categorical' },
  { key: 'owner', label: 'Owner', source: { field: 'owner' }, kind: 'categorical' },
  { key: 'ownerManager', label: 'Team', source: { field: 'ownerManager' }, kind: 'categorical' },
  { key: 'createdMonth', label: 'Created month', source: { field: 'createdMonth' }, kind: 'numeric' },
];

/** Attribute names that by their meaning are set at or after the close. */
const CLOSE_TIME_NAME =
  /(loss|lost|won|win|closed?)[ _-]?(reason|date|value|amount|notes?)|reason[ _-]?(lost|won)|days[ _-]?to[ _-]?close|stage[ _-]?duration|^age$|fiscal[ _-]?(period|quarter|year)|last[ _-]?stage|next[ _-]?step/i;

/**
 * Attribute names that are the outcome itself: a connector that leaves a "Stage",
 * "Is Won", "Probability (%)" or "Forecast Category" column among the attributes must
 * not turn it into a feature (issue #2's leakage rule). Matched on the name with case,
 * spaces and punctuation removed; "Account Status" or "State" do not match.
 */
const OUTCOME_NAME =
  /^(is)?(closed)?(won|lost|closed)$|^(deal|opportunity)?(stage|status)(name)?$|^(deal)?probability|^forecast(category)?(name)?$|^(outcome|result|wonlost|winloss)$|^stage(entered|history)/;

function isOutcomeName(name: string): boolean {
  return OUTCOME_NAME.test(name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''));
}

/** Reads a feature's raw value from an opportunity; null when missing. */
export function readFeature(opportunity: Opportunity, source: FeatureSource): AttributeValue {
  if ('attribute' in source) return attributeOf(opportunity, source.attribute);
  switch (source.field) {
    case 'amount':
      return opportunity.amount;
    case 'type':
      return opportunity.type;
    case 'leadSource':
      return opportunity.leadSource;
    case 'territory':
      return opportunity.territory;
    case 'owner':
      return opportunity.owner?.name ?? null;
    case 'ownerManager':
      return opportunity.ownerManager?.name ?? null;
    case 'createdMonth':
      return opportunity.createdDate ? Number(opportunity.createdDate.slice(5, 7)) : null;
  }
}

function readColumn(opportunities: readonly Opportunity[], source: FeatureSource): AttributeValue[] {
  const values = new Array<AttributeValue>(opportunities.length);
  for (let i = 0; i < opportunities.length; i++) values[i] = readFeature(opportunities[i] as Opportunity, source);
  return values;
}

function isEmpty(value: AttributeValue | undefined): boolean {
  if (value === undefined) return true;
  return value === null || value === '' || (typeof value === 'number' && Number.isNaN(value));
}

function coverage(opportunities: Opportunity[], source: FeatureSource): number {
  if (opportunities.length === 0) return 0;
  let filled = 0;
  for (const o of opportunities) if (!isEmpty(readFeature(o, source))) filled++;
  return filled / opportunities.length;
}

/** A value as a category: trimmed text, or null when empty. Shared by every reader of attributes. */
export function categoryOf(value: AttributeValue | undefined): string | null {
  if (value === undefined) return null;
  if (isEmpty(value)) return null;
  return typeof value === 'string' ? value.trim() : String(value);
}

/** A value as a number (booleans 1/0, numeric text parsed), NaN when it is none. */
export function numberOf(value: AttributeValue | undefined): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : Number.NaN;
  }
  return Number.NaN;
}

function inferKind(values: AttributeValue[]): 'numeric' | 'categorical' {
  let numbers = 0;
  let others = 0;
  for (const v of values) {
    if (isEmpty(v)) continue;
    if (typeof v === 'number') numbers++;
    else others++;
  }
  return numbers > 0 && others === 0 ? 'numeric' : 'categorical';
}

/**
 * Every attribute of the deals as a column (null where a deal lacks it), read in one pass
 * over each deal's own keys. Deals of one source mostly carry the same keys in the same
 * order, so a key equal to the previous deal's at its place reuses that column without a
 * lookup; reading a value inside for…in is V8's fast path, where a read by a key from
 * elsewhere was a tenth of the encoder's time.
 */
function attributeColumnsOf(opportunities: readonly Opportunity[]): Map<string, AttributeValue[]> {
  const columns = new Map<string, AttributeValue[]>();
  const n = opportunities.length;
  const previousKeys: string[] = [];
  const previousColumns: AttributeValue[][] = [];
  for (let r = 0; r < n; r++) {
    const attributes = (opportunities[r] as Opportunity).attributes;
    let i = 0;
    for (const key in attributes) {
      // Own keys only: for…in also lists enumerable inherited keys (a polluted prototype).
      if (!Object.hasOwn(attributes, key)) continue;
      let column = key === previousKeys[i] ? previousColumns[i] : undefined;
      if (column === undefined) {
        column = columns.get(key);
        if (column === undefined) {
          column = new Array<AttributeValue>(n).fill(null);
          columns.set(key, column);
        }
        previousKeys[i] = key;
        previousColumns[i] = column;
      }
      column[r] = attributes[key] ?? null;
      i++;
    }
  }
  return columns;
}

/**
 * Chooses and describes the features of a training set. Returns the spec and every
 * candidate that was left out with the reason, so the CLI and the options page can say why.
 */
export function fitEncoder(training: Opportunity[], options: EncoderOptions = {}): FittedEncoder {
  if (training.length === 0) throw new Error('fitEncoder: no training opportunities');
  const exclude = new Set(options.exclude ?? []);
  const include = options.include ? new Set(options.include) : null;
  const fieldInfo = new Map((options.fields ?? []).map((f) => [f.key, f]));
  const dropped: DroppedFeature[] = [];
  const excludeFeatures = new Set(options.excludeFeatures ?? []);
  const candidates: Array<{ key: string; label: string; source: FeatureSource; kind: 'numeric' | 'categorical' | null }> = STANDARD_FEATURES.filter(
    (feature) => !excludeFeatures.has(feature.key),
  );

  const keep = new Set(options.keep ?? []);
  const attributeColumns = attributeColumnsOf(training);
  for (const key of [...attributeColumns.keys()].sort()) {
    const info = fieldInfo.get(key);
    const label = info?.label ?? key;
    if (include && !include.has(key) && !keep.has(key)) continue;
    if (exclude.has(key)) {
      dropped.push({ key, label, reason: 'excluded: set at or after the close, or unticked in the field mapping', rule: 'excluded' });
      continue;
    }
    if (isOutcomeName(key) || isOutcomeName(label)) {
      dropped.push({ key, label, reason: 'it is the outcome or follows it (stage, status, probability, forecast category, won/closed)', rule: 'outcome' });
      continue;
    }
    if (!keep.has(key)) {
      const named =
        closeTimeReason(label) ?? (CLOSE_TIME_NAME.test(key) || CLOSE_TIME_NAME.test(label) ? 'its name says it is set at or after the close' : null);
      if (named !== null) {
        dropped.push({ key, label, reason: named, rule: 'name' });
        continue;
      }
    }
    if (info?.kind === 'date') {
      // Custom dates (last activity, contract end, …) are typically updated as a deal moves.
      dropped.push({ key, label, reason: 'date fields are not used as win features', rule: 'date' });
      continue;
    }
    const source: FeatureSource = { attribute: key };
    // Typed from the values below (one read of them) when no field description says.
    const kind = info ? (info.kind === 'number' ? 'numeric' : 'categorical') : null;
    candidates.push({ key: `attr:${key}`, label, source, kind });
  }

  const open = options.open ?? [];
  const minLevelCount = options.minLevelCount ?? 3;
  const labels = Uint8Array.from(training, (o) => (o.isWon ? 1 : 0));
  const features: FeatureSpec[] = [];
  const columns: RawColumn[] = [];
  const separates = (candidate: (typeof candidates)[number], column: RawColumn, y: Uint8Array): boolean => {
    // An even spread of at most 20,000 deals: a field that separates won from lost does so in any large sample.
    const spread = y.length > SEPARATES_ROWS ? evenSpread(y.length, SEPARATES_ROWS) : null;
    const picked: RawColumn =
      spread === null
        ? column
        : column.kind === 'numeric'
          ? { ...column, values: pick(column.values, spread) }
          : { ...column, codes: pick(column.codes, spread) };
    const auc = columnAuc(picked, spread ? pick(y, spread) : y);
    if (!(auc > SEPARATES_AUC)) return false;
    dropped.push({
      key: candidate.key,
      label: candidate.label,
      reason: `on its own it tells won from lost with ROC AUC ${auc.toFixed(2)}, more than any field known before the close does: likely written at or after it`,
      rule: 'separates',
    });
    return true;
  };
  for (const candidate of candidates) {
    const values =
      'attribute' in candidate.source ? (attributeColumns.get(candidate.source.attribute) as AttributeValue[]) : readColumn(training, candidate.source);
    let filledRows = 0;
    for (const v of values) if (!isEmpty(v)) filledRows++;
    const trainCoverage = filledRows / training.length;
    const kind = candidate.kind ?? inferKind(values);
    if (trainCoverage === 0) continue; // absent from this source: nothing to report
    const kept = 'attribute' in candidate.source && keep.has(candidate.source.attribute);
    if (open.length >= 20 && !kept) {
      const openCoverage = coverage(open, candidate.source);
      if (trainCoverage >= 0.5 && openCoverage < 0.2 * trainCoverage) {
        dropped.push({
          key: candidate.key,
          label: candidate.label,
          reason: `filled on ${pct(trainCoverage)} of closed deals but ${pct(openCoverage)} of open ones: known only at the close`,
          rule: 'coverage',
        });
        continue;
      }
    }
    if (kind === 'numeric') {
      const distinct = new Set<number>();
      let filled = 0;
      let integers = 0;
      for (const raw of values) {
        const v = numberOf(raw);
        if (Number.isNaN(v)) continue;
        filled++;
        if (Number.isInteger(v)) integers++;
        distinct.add(v);
      }
      if (distinct.size <= 1) {
        dropped.push({ key: candidate.key, label: candidate.label, reason: 'has a single value', rule: 'single' });
        continue;
      }
      // A record number ("Opportunity Number", "Lead Number") is a count of records, not a
      // fact of the deal; on a file it tracks the export's order, which is no reason to win.
      if (looksLikeRecordNumber(candidate.label, filled, integers, distinct.size)) {
        dropped.push({
          key: candidate.key,
          label: candidate.label,
          reason: `looks like a record number (${distinct.size} distinct whole numbers in ${filled} rows)`,
          rule: 'identifier',
        });
        continue;
      }
      const feature: FeatureSpec = { key: candidate.key, label: candidate.label, source: candidate.source, kind: 'numeric' };
      const column = encodeValues(feature, values);
      if (!kept && separates(candidate, column, labels)) continue;
      features.push(feature);
      columns.push(column);
      continue;
    }
    // One pass: each value's first-seen id and count; the levels' order and the column
    // follow from these without looking a value up again.
    const ids = new Map<string, number>();
    const counts: number[] = [];
    const firstSeen = new Int32Array(values.length);
    let filled = 0;
    for (let i = 0; i < values.length; i++) {
      const c = categoryOf(values[i]);
      if (c === null) {
        firstSeen[i] = -1;
        continue;
      }
      filled++;
      let id = ids.get(c);
      if (id === undefined) {
        id = counts.length;
        ids.set(c, id);
        counts.push(0);
      }
      counts[id]! += 1;
      firstSeen[i] = id;
    }
    if (ids.size > 0.9 * filled && filled >= 20) {
      dropped.push({
        key: candidate.key,
        label: candidate.label,
        reason: `looks like an identifier (${ids.size} distinct values in ${filled} rows)`,
        rule: 'identifier',
      });
      continue;
    }
    // Frequent levels first (ties by name, for determinism); rare ones share "(other)".
    // 254 levels at most: a feature is one byte per row, with a bin for missing.
    const ranked = [...ids.entries()].sort((a, b) => (counts[b[1]] as number) - (counts[a[1]] as number) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const keptLevels = ranked
      .filter(([, id]) => (counts[id] as number) >= minLevelCount)
      .slice(0, 254)
      .map(([level]) => level);
    const hasOther = keptLevels.length < ranked.length;
    const levels = hasOther ? [...keptLevels, OTHER_LEVEL] : keptLevels;
    if (levels.length <= 1) {
      dropped.push({
        key: candidate.key,
        label: candidate.label,
        reason: keptLevels.length === 0 ? 'every value is rare' : 'has a single value',
        rule: keptLevels.length === 0 ? 'rare' : 'single',
      });
      continue;
    }
    // Each value's level: its own when kept, else "(other)" (the last level).
    const levelOf = new Int32Array(counts.length).fill(levels.length - 1);
    keptLevels.forEach((level, k) => (levelOf[ids.get(level) as number] = k));
    const codes = new Int32Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const id = firstSeen[i] as number;
      codes[i] = id < 0 ? -1 : (levelOf[id] as number);
    }
    const column: RawColumn = { kind: 'categorical', name: candidate.key, levels, codes };
    if (!kept && separates(candidate, column, labels)) continue;
    features.push({ key: candidate.key, label: candidate.label, source: candidate.source, kind: 'categorical', levels });
    columns.push(column);
  }
  if (features.length === 0) throw new Error('fitEncoder: no usable features: every candidate field was empty, constant or excluded');
  return { spec: { features }, dropped, columns };
}

/** Record numbers by name: "Opportunity Number", "Lead No.", "Deal #", "Ticket ID". */
const ID_NAME = /\b(number|no|nr|num|id|key|ref(erence)?)\b\.?$|#/i;

/**
 * A numeric field that counts records rather than describing a deal: named like a record
 * number (camelCase keys read as words), whole numbers, nearly all distinct. The encoder and
 * the personas both leave such a field out.
 */
export function looksLikeRecordNumber(name: string, filled: number, integers: number, distinct: number): boolean {
  return ID_NAME.test(name.replace(/([a-z0-9])([A-Z])/g, '$1 $2')) && filled >= 20 && integers === filled && distinct > 0.9 * filled;
}

/**
 * How well one field alone separates won from lost: ROC AUC of its out-of-fold win rate
 * per level (a categorical field: five interleaved folds, each level's rate shrunk toward
 * the fold's base rate by ten deals, so a level seen once cannot score itself), or of its
 * value (a number; missing as its own lowest value, taken in whichever direction is higher).
 */
export function univariateAuc(raw: AttributeValue[], y: ArrayLike<number>, kind: 'numeric' | 'categorical', levels: string[]): number {
  const feature: FeatureSpec =
    kind === 'numeric'
      ? { key: 'field', label: 'field', source: { attribute: 'field' }, kind }
      : { key: 'field', label: 'field', source: { attribute: 'field' }, kind, levels };
  return columnAuc(encodeValues(feature, raw), y);
}

/** `univariateAuc` of a field already encoded (missing: NaN, or code −1). */
/**
 * ROC AUC of deals scored by group: group g holds `counts[g]` deals of which `wins[g]` won,
 * all scored `scores[g]`. Equal to rocAuc over the deals themselves (the same sums of whole
 * and half counts), from a sort of the groups alone.
 */
function groupedAuc(scores: Float64Array, wins: Float64Array, counts: Float64Array): number {
  const order = Array.from(scores.keys())
    .filter((g) => (counts[g] as number) > 0)
    .sort((a, b) => (scores[a] as number) - (scores[b] as number));
  let won = 0;
  let lost = 0;
  for (const g of order) {
    won += wins[g] as number;
    lost += (counts[g] as number) - (wins[g] as number);
  }
  if (won === 0 || lost === 0) return Number.NaN;
  // For each won deal: lost deals scored below it count 1, equal ones ½.
  let below = 0;
  let sum = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    let tiedWon = 0;
    let tiedLost = 0;
    const score = scores[order[i] as number] as number;
    for (; j < order.length && scores[order[j] as number] === score; j++) {
      const g = order[j] as number;
      tiedWon += wins[g] as number;
      tiedLost += (counts[g] as number) - (wins[g] as number);
    }
    sum += tiedWon * (below + tiedLost / 2);
    below += tiedLost;
    i = j;
  }
  return sum / (won * lost);
}

function columnAuc(column: RawColumn, y: ArrayLike<number>): number {
  const n = y.length;
  const scores = new Float64Array(n);
  if (column.kind === 'numeric') {
    let lowest = Infinity;
    for (const v of column.values) if (v < lowest) lowest = v;
    for (let i = 0; i < n; i++) scores[i] = Number.isNaN(column.values[i] as number) ? lowest - 1 : (column.values[i] as number);
  } else {
    const missing = column.levels.length;
    const size = column.levels.length + 1;
    const folds = 5;
    const wins = new Float64Array(size * folds);
    const counts = new Float64Array(size * folds);
    const foldWins = new Float64Array(folds);
    const code = (i: number): number => {
      const c = column.codes[i] as number;
      return c < 0 ? missing : c;
    };
    for (let i = 0; i < n; i++) {
      const f = i % folds;
      wins[f * size + code(i)]! += y[i] as number;
      counts[f * size + code(i)]! += 1;
      foldWins[f]! += y[i] as number;
    }
    const totalWins = foldWins.reduce((a, b) => a + b, 0);
    // A deal's score depends only on its fold and level: each (fold, level) group's score,
    // then the AUC from the groups' won and lost counts (no sort of every deal).
    const groupScores = new Float64Array(size * folds);
    for (let f = 0; f < folds; f++) {
      const others = n - Math.ceil((n - f) / folds);
      const base = (totalWins - (foldWins[f] as number)) / Math.max(1, others);
      for (let c = 0; c < size; c++) {
        let w = 0;
        let k = 0;
        for (let g = 0; g < folds; g++) {
          w += wins[g * size + c] as number;
          k += counts[g * size + c] as number;
        }
        w -= wins[f * size + c] as number;
        k -= counts[f * size + c] as number;
        groupScores[f * size + c] = (w + 10 * base) / (k + 10);
      }
    }
    return groupedAuc(groupScores, wins, counts);
  }
  const auc = rocAuc(y, scores);
  // A number may separate either way round; a category's out-of-fold win rate only one way
  // (and a field without signal scores below 0.5 there: each deal's own outcome is left out
  // of its level's rate, which pulls won deals' rates down), so it is taken as it is.
  return column.kind === 'numeric' && !Number.isNaN(auc) ? Math.max(auc, 1 - auc) : auc;
}

/** Encodes opportunities into the spec's columns, in the spec's order. */
export function encode(spec: EncoderSpec, opportunities: Opportunity[]): RawColumn[] {
  return spec.features.map((feature) => {
    const values = new Array<AttributeValue>(opportunities.length);
    for (let i = 0; i < opportunities.length; i++) values[i] = readFeature(opportunities[i] as Opportunity, feature.source);
    return encodeValues(feature, values);
  });
}

/**
 * One feature's column from its raw values. Plain loops, not TypedArray.from with a mapping
 * function: this runs on every training and scoring, and the mapped form was several times
 * slower on 60,000 deals.
 */
function encodeValues(feature: FeatureSpec, raw: AttributeValue[]): RawColumn {
  const n = raw.length;
  if (feature.kind === 'numeric') {
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) values[i] = numberOf(raw[i]);
    return { kind: 'numeric', name: feature.key, values };
  }
  const index = new Map(feature.levels.map((level, i) => [level, i]));
  const other = index.get(OTHER_LEVEL) ?? -1;
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = categoryOf(raw[i]);
    codes[i] = c === null ? -1 : (index.get(c) ?? other);
  }
  return { kind: 'categorical', name: feature.key, levels: feature.levels, codes };
}

/** The value of a feature as a person reads it ("Partner Referral", "12,500", "(empty)"). */
export function describeValue(feature: FeatureSpec, opportunity: Opportunity): string {
  const raw = readFeature(opportunity, feature.source);
  if (isEmpty(raw)) return '(empty)';
  if (feature.kind === 'categorical') {
    const c = categoryOf(raw) as string;
    return feature.levels.includes(c) ? c : `${c} (rare)`;
  }
  if (feature.source && 'field' in feature.source && feature.source.field === 'createdMonth') {
    return MONTHS[(numberOf(raw) - 1) % 12] ?? String(raw);
  }
  const n = numberOf(raw);
  return Number.isNaN(n) ? String(raw) : formatNumber(n);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function formatNumber(n: number): string {
  const abs = Math.abs(n);
  const rounded = abs >= 100 ? Math.round(n) : Math.round(n * 100) / 100;
  return rounded.toLocaleString('en-US');
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}
