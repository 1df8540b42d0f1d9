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
import { attributeOf, type AttributeField, type AttributeValue, type Opportunity } from '../crm/opportunity';
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

export interface DroppedFeature {
  key: string;
  label: string;
  reason: string;
}

export interface EncoderOptions {
  /** Attribute descriptions (kind, label); attributes not listed are typed from their values. */
  fields?: AttributeField[];
  /** Attribute keys that must never be features (flagged leaky by the importer, or unticked by the user). */
  exclude?: Iterable<string>;
  /** When given, restricts the attributes to these keys (the user's field mapping). */
  include?: Iterable<string>;
  /**
   * Standard feature keys to leave out for this model (`amount`, `type`, `leadSource`,
   * `territory`, `owner`, `ownerManager`, `createdMonth`): e.g. the amount model must not
   * read the amount it predicts.
   */
  excludeFeatures?: Iterable<string>;
  /** Open opportunities, for the data-driven leakage check; without them the check is skipped. */
  open?: Opportunity[];
  /** Categories seen fewer times than this (and at least 0.5% of rows) are bucketed into "(other)". */
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
 * Chooses and describes the features of a training set. Returns the spec and every
 * candidate that was left out with the reason, so the CLI and the options page can say why.
 */
export function fitEncoder(training: Opportunity[], options: EncoderOptions = {}): { spec: EncoderSpec; dropped: DroppedFeature[] } {
  if (training.length === 0) throw new Error('fitEncoder: no training opportunities');
  const exclude = new Set(options.exclude ?? []);
  const include = options.include ? new Set(options.include) : null;
  const fieldInfo = new Map((options.fields ?? []).map((f) => [f.key, f]));
  const dropped: DroppedFeature[] = [];
  const excludeFeatures = new Set(options.excludeFeatures ?? []);
  const candidates: Array<{ key: string; label: string; source: FeatureSource; kind: 'numeric' | 'categorical' }> = STANDARD_FEATURES.filter(
    (feature) => !excludeFeatures.has(feature.key),
  );

  const attributeKeys = new Set<string>();
  for (const o of training) for (const key of Object.keys(o.attributes)) attributeKeys.add(key);
  for (const key of [...attributeKeys].sort()) {
    const info = fieldInfo.get(key);
    const label = info?.label ?? key;
    if (include && !include.has(key)) continue;
    if (exclude.has(key)) {
      dropped.push({ key, label, reason: 'excluded: set at or after the close, or unticked in the field mapping' });
      continue;
    }
    if (isOutcomeName(key) || isOutcomeName(label)) {
      dropped.push({ key, label, reason: 'it is the outcome or follows it (stage, status, probability, forecast category, won/closed)' });
      continue;
    }
    if (CLOSE_TIME_NAME.test(key) || CLOSE_TIME_NAME.test(label)) {
      dropped.push({ key, label, reason: 'its name says it is set at or after the close' });
      continue;
    }
    if (info?.kind === 'date') {
      // Custom dates (last activity, contract end, …) are typically updated as a deal moves.
      dropped.push({ key, label, reason: 'date fields are not used as win features' });
      continue;
    }
    const source: FeatureSource = { attribute: key };
    const kind = info ? (info.kind === 'number' ? 'numeric' : 'categorical') : inferKind(training.map((o) => readFeature(o, source)));
    candidates.push({ key: `attr:${key}`, label, source, kind });
  }

  const open = options.open ?? [];
  const closedShare = (c: (typeof candidates)[number]): number => coverage(training, c.source);
  const minLevelCount = Math.max(options.minLevelCount ?? 3, Math.ceil(training.length * 0.005));
  const features: FeatureSpec[] = [];
  for (const candidate of candidates) {
    const trainCoverage = closedShare(candidate);
    if (trainCoverage === 0) continue; // absent from this source: nothing to report
    if (open.length >= 20) {
      const openCoverage = coverage(open, candidate.source);
      if (trainCoverage >= 0.5 && openCoverage < 0.2 * trainCoverage) {
        dropped.push({
          key: candidate.key,
          label: candidate.label,
          reason: `filled on ${pct(trainCoverage)} of closed deals but ${pct(openCoverage)} of open ones: known only at the close`,
        });
        continue;
      }
    }
    if (candidate.kind === 'numeric') {
      const values = new Set<number>();
      for (const o of training) {
        const v = numberOf(readFeature(o, candidate.source));
        if (!Number.isNaN(v)) values.add(v);
        if (values.size > 1) break;
      }
      if (values.size <= 1) {
        dropped.push({ key: candidate.key, label: candidate.label, reason: 'has a single value' });
        continue;
      }
      features.push({ key: candidate.key, label: candidate.label, source: candidate.source, kind: 'numeric' });
      continue;
    }
    const counts = new Map<string, number>();
    let filled = 0;
    for (const o of training) {
      const c = categoryOf(readFeature(o, candidate.source));
      if (c === null) continue;
      filled++;
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    if (counts.size > 0.9 * filled && filled >= 20) {
      dropped.push({ key: candidate.key, label: candidate.label, reason: `looks like an identifier (${counts.size} distinct values in ${filled} rows)` });
      continue;
    }
    // Frequent levels first (ties by name, for determinism); rare ones share "(other)".
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const kept = ranked
      .filter(([, n]) => n >= minLevelCount)
      .slice(0, 254)
      .map(([level]) => level);
    const hasOther = kept.length < ranked.length;
    const levels = hasOther ? [...kept, OTHER_LEVEL] : kept;
    if (levels.length <= 1) {
      dropped.push({ key: candidate.key, label: candidate.label, reason: kept.length === 0 ? 'every value is rare' : 'has a single value' });
      continue;
    }
    features.push({ key: candidate.key, label: candidate.label, source: candidate.source, kind: 'categorical', levels });
  }
  if (features.length === 0) throw new Error('fitEncoder: no usable features: every candidate field was empty, constant or excluded');
  return { spec: { features }, dropped };
}

/** Encodes opportunities into the spec's columns, in the spec's order. */
export function encode(spec: EncoderSpec, opportunities: Opportunity[]): RawColumn[] {
  return spec.features.map((feature) => {
    if (feature.kind === 'numeric') {
      return {
        kind: 'numeric',
        name: feature.key,
        values: Float64Array.from(opportunities, (o) => numberOf(readFeature(o, feature.source))),
      };
    }
    const index = new Map(feature.levels.map((level, i) => [level, i]));
    const other = index.get(OTHER_LEVEL) ?? -1;
    return {
      kind: 'categorical',
      name: feature.key,
      levels: feature.levels,
      codes: Int32Array.from(opportunities, (o) => {
        const c = categoryOf(readFeature(o, feature.source));
        return c === null ? -1 : (index.get(c) ?? other);
      }),
    };
  });
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
