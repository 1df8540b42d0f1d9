/**
 * What makes a persona: for each attribute, the value (or range) that is much more
 * common in the persona than in all won deals, weighted by how much of the persona has
 * it. Importance is the value's term of the Kullback–Leibler divergence of the persona
 * from all won deals: share × ln(share / base share). A value every member has but
 * everyone else has too scores 0; a value twice as common but held by 5% scores little.
 */
import { attributeOf, type Opportunity } from '../../crm/opportunity';
import { bandOf, runLabel, type Band } from '../bands';
import { categoryOf, numberOf } from '../encode';
import type { SpaceAttribute } from './space';

export interface ValueRange {
  /** Inclusive; null = unbounded. */
  min: number | null;
  max: number | null;
}

export interface PersonaAttribute {
  key: string;
  label: string;
  kind: 'category' | 'range';
  /** As people read it: "Healthcare", "201–1,000". */
  value: string;
  /** Categories that count as this persona's (category kind). */
  values: string[];
  /** The persona's range (range kind). */
  range: ValueRange | null;
  /** The range widened by one band each side: half a match (range kind). */
  near: ValueRange | null;
  /** Share of the persona's deals with this value. */
  share: number;
  /** Share of all won deals with it. */
  baseShare: number;
  lift: number;
  /** share × ln(lift), in nats. */
  importance: number;
  /** importance over the sum of the persona's attribute importances (the bars' lengths). */
  weight: number;
}

/** Attributes below this importance do not characterize a persona. */
export const MIN_IMPORTANCE = 0.01;
export const MAX_ATTRIBUTES = 8;
/** Up to this many categories, or consecutive bands, describe one attribute. */
const MAX_VALUES = 3;
const MIN_EXTRA_LIFT = 2;

function klTerm(share: number, base: number): number {
  return share > 0 && base > 0 && share > base ? share * Math.log(share / base) : 0;
}

function bounds(bands: readonly Band[], from: number, to: number): ValueRange {
  const min = (bands[from] as Band).min;
  const max = (bands[to] as Band).max;
  return { min: Number.isFinite(min) ? min : null, max: Number.isFinite(max) ? max : null };
}

/** Bands are (min, max]: the lower edge belongs to the band below. */
function inside(range: ValueRange, value: number): boolean {
  return (range.min === null || value > range.min) && (range.max === null || value <= range.max);
}

/**
 * How a value falls against a range: 1 inside, 0.5 in the band either side, 0 otherwise or missing.
 * Runs for every deal, persona and range attribute, so it creates no closure: under tsx
 * (the CLI's runtime) each closure is also named through Object.defineProperty, and one per
 * call took 3 s of CPU in the analysis of 78,000 deals.
 */
export function rangeMatch(attribute: Pick<PersonaAttribute, 'range' | 'near'>, value: number): number {
  if (!Number.isFinite(value) || !attribute.range) return 0;
  if (inside(attribute.range, value)) return 1;
  return attribute.near && inside(attribute.near, value) ? 0.5 : 0;
}

/**
 * How a group of won deals spreads over the space's attributes, by attribute key: deals per
 * level, and per band. The deals every persona is compared with are counted once, not once
 * per persona (17,600 wins × the attributes × the personas took a third of a second).
 */
export interface Distribution {
  size: number;
  levels: Map<string, Map<string, number>>;
  bands: Map<string, number[]>;
}

export function distributionOf(attributes: readonly SpaceAttribute[], deals: readonly Opportunity[]): Distribution {
  const levels = new Map<string, Map<string, number>>();
  const bands = new Map<string, number[]>();
  for (const attribute of attributes) {
    if (attribute.kind === 'categorical') {
      const counts = new Map<string, number>();
      for (const o of deals) {
        const c = categoryOf(attributeOf(o, attribute.key));
        if (c !== null) counts.set(c, (counts.get(c) ?? 0) + 1);
      }
      levels.set(attribute.key, counts);
    } else {
      const counts = new Array<number>(attribute.bands.length).fill(0);
      for (const o of deals) {
        const b = bandOf(attribute.bands, numberOf(attributeOf(o, attribute.key)));
        if (b >= 0) counts[b]! += 1;
      }
      bands.set(attribute.key, counts);
    }
  }
  return { size: deals.length, levels, bands };
}

function describeCategorical(attribute: Extract<SpaceAttribute, { kind: 'categorical' }>, members: Distribution, all: Distribution): PersonaAttribute | null {
  // Each level's count in one pass over the deals (the distributions): a share of levels is
  // then a sum, not a pass per level.
  const share = (group: Distribution, levels: Set<string>): number => {
    const counts = group.levels.get(attribute.key) as Map<string, number>;
    let hits = 0;
    for (const level of levels) hits += counts.get(level) ?? 0;
    return group.size === 0 ? 0 : hits / group.size;
  };
  // Greedy: start from the best single level, add levels while the importance grows.
  const ranked = attribute.levels
    .map((level) => {
      const p = share(members, new Set([level]));
      const q = share(all, new Set([level]));
      return { level, p, q, importance: klTerm(p, q) };
    })
    .filter((l) => l.importance > 0)
    .sort((a, b) => b.importance - a.importance || (a.level < b.level ? -1 : 1));
  if (ranked.length === 0) return null;
  const chosen = new Set([(ranked[0] as (typeof ranked)[number]).level]);
  let p = share(members, chosen);
  let q = share(all, chosen);
  let importance = klTerm(p, q);
  for (const next of ranked.slice(1)) {
    if (chosen.size >= MAX_VALUES) break;
    // A second or third value must itself set the persona apart (twice as common as in
    // all wins), or the persona's description dissolves into "any of three industries".
    if (next.q > 0 && next.p / next.q < MIN_EXTRA_LIFT) continue;
    const trial = new Set([...chosen, next.level]);
    const tp = share(members, trial);
    const tq = share(all, trial);
    if (klTerm(tp, tq) <= importance) break;
    chosen.add(next.level);
    p = tp;
    q = tq;
    importance = klTerm(tp, tq);
  }
  const values = [...chosen];
  return {
    key: attribute.key,
    label: attribute.label,
    kind: 'category',
    value: values.join(' or '),
    values,
    range: null,
    near: null,
    share: p,
    baseShare: q,
    lift: q > 0 ? p / q : 0,
    importance,
    weight: 0,
  };
}

function describeNumeric(attribute: Extract<SpaceAttribute, { kind: 'numeric' }>, members: Distribution, all: Distribution): PersonaAttribute | null {
  const bands = attribute.bands;
  const histogram = (group: Distribution): number[] => (group.bands.get(attribute.key) as number[]).map((c) => (group.size === 0 ? 0 : c / group.size));
  const pm = histogram(members);
  const pa = histogram(all);
  let best: { from: number; to: number; p: number; q: number; importance: number } | null = null;
  for (let from = 0; from < bands.length; from++) {
    let p = 0;
    let q = 0;
    for (let to = from; to < Math.min(bands.length, from + MAX_VALUES); to++) {
      p += pm[to] as number;
      q += pa[to] as number;
      const importance = klTerm(p, q);
      if (importance > 0 && (best === null || importance > best.importance + 1e-12)) best = { from, to, p, q, importance };
    }
  }
  if (best === null) return null;
  return {
    key: attribute.key,
    label: attribute.label,
    kind: 'range',
    value: runLabel(bands, best.from, best.to),
    values: [],
    range: bounds(bands, best.from, best.to),
    near: bounds(bands, Math.max(0, best.from - 1), Math.min(bands.length - 1, best.to + 1)),
    share: best.p,
    baseShare: best.q,
    lift: best.q > 0 ? best.p / best.q : 0,
    importance: best.importance,
    weight: 0,
  };
}

/** The persona's characteristic attributes against the won deals' `reference` (`distributionOf`), most important first, weights summing to 1. */
export function describeCluster(attributes: SpaceAttribute[], members: Opportunity[], reference: Distribution): PersonaAttribute[] {
  const own = distributionOf(attributes, members);
  const described = attributes
    .map((a) => (a.kind === 'categorical' ? describeCategorical(a, own, reference) : describeNumeric(a, own, reference)))
    .filter((a): a is PersonaAttribute => a !== null && a.importance >= MIN_IMPORTANCE)
    .sort((a, b) => b.importance - a.importance || (a.key < b.key ? -1 : 1))
    .slice(0, MAX_ATTRIBUTES);
  const total = described.reduce((sum, a) => sum + a.importance, 0);
  return described.map((a) => ({ ...a, weight: total > 0 ? a.importance / total : 0 }));
}
