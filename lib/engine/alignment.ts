/**
 * Repeat Buyer Potential: how closely an opportunity matches the best Repeat Buyer
 * Persona, 0–100, with the attribute-by-attribute breakdown the panel draws ("Ideal"
 * against "Aligned").
 *
 * For each persona: the importance-weighted share of its characteristic attributes the
 * opportunity matches (a category in the persona's values, a number in its range; the
 * band either side of a range counts half; a missing value counts nothing). Where the
 * data has repeat business (upsell, cross-sell, renewal), a persona's score is weighted
 * by its repeat strength, from ×0.6 for a persona whose accounts never came back to ×1
 * for the one whose accounts came back most: Repeat Buyer Potential is about buyers who
 * buy again. The persona with the highest score is the opportunity's persona.
 */
import { attributeOf, type AttributeValue, type Opportunity } from '../crm/opportunity';
import { compactNumber } from './bands';
import { rangeMatch, type PersonaAttribute } from './personas/describe';
import { categoryOf, numberOf } from './encode';

/** What alignment needs of a persona. */
export interface AlignablePersona {
  id: string;
  attributes: PersonaAttribute[];
  /** Share of the persona's accounts that later bought again; null when the data has no repeat types. */
  repeatRate: number | null;
}

export interface AttributeAlignment {
  key: string;
  label: string;
  /** The persona's value as people read it ("Healthcare", "201–1,000"). */
  ideal: string;
  /** The opportunity's value, or null when it has none. */
  actual: string | null;
  /** 1 matched, 0.5 near (the band next to a range), 0 not. */
  match: number;
  /** The attribute's weight in the persona (sums to 1). */
  weight: number;
}

/** An opportunity's best-aligned persona and its scores: what every analysed deal carries. */
export interface PersonaScore {
  personaId: string;
  /** Repeat Buyer Potential, 0–100 (repeat-weighted where the data allows). */
  score: number;
  /** The importance-weighted match before repeat weighting, 0–100. */
  match: number;
}

/** The same with the attribute-by-attribute breakdown: what a panel shows. */
export interface Alignment extends PersonaScore {
  breakdown: AttributeAlignment[];
}

/** Lowest multiplier of a persona's score, for the persona with the weakest repeat business. */
export const REPEAT_FLOOR = 0.6;

function describeActual(attribute: PersonaAttribute, opportunity: Opportunity): { actual: string | null; match: number } {
  const raw = attributeOf(opportunity, attribute.key);
  const match = valueMatch(attribute, raw);
  if (attribute.kind === 'category') return { actual: categoryOf(raw), match };
  const n = numberOf(raw);
  // Large numbers read as the persona's ranges do ("4.8B" beside "1B+"), not "4,840,000,000".
  return { actual: Number.isFinite(n) ? (Math.abs(n) >= 100_000 ? compactNumber(n) : n.toLocaleString('en-US')) : null, match };
}

/** How one attribute's value matches (no display strings: the hot path). */
function valueMatch(attribute: PersonaAttribute, raw: AttributeValue): number {
  return attribute.kind === 'category' ? categoryMatch(attribute, categoryOf(raw)) : rangeMatch(attribute, numberOf(raw));
}

function categoryMatch(attribute: PersonaAttribute, category: string | null): number {
  return category !== null && attribute.values.includes(category) ? 1 : 0;
}

/** The unweighted match of an opportunity to one persona, with the panel's breakdown. */
export function matchPersona(persona: AlignablePersona, opportunity: Opportunity): { match: number; breakdown: AttributeAlignment[] } {
  let total = 0;
  const breakdown = persona.attributes.map((attribute) => {
    const { actual, match } = describeActual(attribute, opportunity);
    total += attribute.weight * match;
    return { key: attribute.key, label: attribute.label, ideal: attribute.value, actual, match, weight: attribute.weight };
  });
  return { match: 100 * total, breakdown };
}

/** Multiplier of each persona's score by its repeat strength (all 1 when there is no repeat data). */
export function repeatWeights(personas: readonly AlignablePersona[]): number[] {
  const rates = personas.map((p) => p.repeatRate);
  const max = Math.max(0, ...rates.map((r) => r ?? 0));
  if (max <= 0 || rates.some((r) => r === null)) return personas.map(() => 1);
  return rates.map((r) => REPEAT_FLOOR + (1 - REPEAT_FLOOR) * ((r as number) / max));
}

/** The best persona's index and repeat-weighted score, without the breakdown (ranking, win rates). */
export interface BestPersona {
  index: number;
  score: number;
  match: number;
}

/**
 * `bestPersona` of many opportunities against the same personas (every analysed deal, the
 * personas' win rates): each attribute the personas name is read once per deal, not once
 * per persona naming it, and nothing is allocated per persona.
 */
export function personaScorer(personas: readonly AlignablePersona[], weights = repeatWeights(personas)): (opportunity: Opportunity) => BestPersona | null {
  const keys: string[] = [];
  const slotOf = new Map<string, number>();
  const slots = personas.map((persona) =>
    persona.attributes.map((attribute) => {
      let slot = slotOf.get(attribute.key);
      if (slot === undefined) {
        slot = keys.length;
        slotOf.set(attribute.key, slot);
        keys.push(attribute.key);
      }
      return slot;
    }),
  );
  // Each attribute read as the personas compare it: a category, a number, or both.
  const asCategory = keys.map((key) => personas.some((p) => p.attributes.some((a) => a.key === key && a.kind === 'category')));
  const asNumber = keys.map((key) => personas.some((p) => p.attributes.some((a) => a.key === key && a.kind === 'range')));
  const categories = new Array<string | null>(keys.length).fill(null);
  const numbers = new Float64Array(keys.length);
  return (opportunity) => {
    for (let k = 0; k < keys.length; k++) {
      const raw = attributeOf(opportunity, keys[k] as string);
      if (asCategory[k]) categories[k] = categoryOf(raw);
      if (asNumber[k]) numbers[k] = numberOf(raw);
    }
    let index = -1;
    let bestScore = 0;
    let bestMatch = 0;
    for (let i = 0; i < personas.length; i++) {
      const attributes = (personas[i] as AlignablePersona).attributes;
      const slot = slots[i] as number[];
      let total = 0;
      for (let j = 0; j < attributes.length; j++) {
        const attribute = attributes[j] as PersonaAttribute;
        const k = slot[j] as number;
        const match = attribute.kind === 'category' ? categoryMatch(attribute, categories[k] as string | null) : rangeMatch(attribute, numbers[k] as number);
        total += attribute.weight * match;
      }
      const match = 100 * total;
      const score = match * (weights[i] as number);
      if (index < 0 || score > bestScore + 1e-9) {
        index = i;
        bestScore = score;
        bestMatch = match;
      }
    }
    return index < 0 ? null : { index, score: bestScore, match: bestMatch };
  };
}

/** The best persona of one opportunity (`personaScorer` for many). */
export function bestPersona(opportunity: Opportunity, personas: readonly AlignablePersona[], weights = repeatWeights(personas)): BestPersona | null {
  return personaScorer(personas, weights)(opportunity);
}

/** The best-aligned persona of each opportunity and its scores (null when there are no personas). */
export function alignmentScorer(personas: readonly AlignablePersona[], weights = repeatWeights(personas)): (opportunity: Opportunity) => PersonaScore | null {
  const best = personaScorer(personas, weights);
  return (opportunity) => {
    const found = best(opportunity);
    return found === null ? null : { personaId: (personas[found.index] as AlignablePersona).id, score: found.score, match: found.match };
  };
}

/** The best-aligned persona of an opportunity with the breakdown, or null when there are no personas. */
export function align(opportunity: Opportunity, personas: readonly AlignablePersona[], weights = repeatWeights(personas)): Alignment | null {
  const best = bestPersona(opportunity, personas, weights);
  if (best === null) return null;
  const persona = personas[best.index] as AlignablePersona;
  return { personaId: persona.id, score: best.score, match: best.match, breakdown: matchPersona(persona, opportunity).breakdown };
}
