import type { PersonaAttribute, ValueRange } from '../../lib/engine/personas/describe';

/** A category attribute as the engine describes one (only key, kind and values matter to lib/leads). */
export function category(key: string, values: string[]): PersonaAttribute {
  return {
    key,
    label: key,
    kind: 'category',
    value: values.join(' or '),
    values,
    range: null,
    near: null,
    share: 0.8,
    baseShare: 0.3,
    lift: 2.7,
    importance: 0.5,
    weight: 0.2,
  };
}

export function range(key: string, bounds: ValueRange, value = ''): PersonaAttribute {
  return { key, label: key, kind: 'range', value, values: [], range: bounds, near: null, share: 0.7, baseShare: 0.3, lift: 2.3, importance: 0.4, weight: 0.2 };
}

/** Operations buyers at mid-size US healthcare providers in two states. */
export const OPERATIONS_PERSONA = {
  attributes: [
    category('buyerTitle', ['VP Operations', 'Director of Operations']),
    category('industry', ['Healthcare', 'Research Services']),
    range('employees', { min: 200, max: 1000 }, '201–1,000'),
    range('revenue', { min: 10_000_000, max: 50_000_000 }, '10M–50M'),
    category('country', ['United States']),
    category('state', ['California', 'Texas']),
    category('product', ['Platform']),
    category('buyerRole', ['Decision Maker']),
  ],
};
