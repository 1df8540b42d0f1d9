/**
 * Personas in words: the top attributes as one readable phrase ("Healthcare · 201–1,000
 * employees · United States · VP Operations buyers"), the way a card introduces a persona.
 * Pure: a translator in, text out, so it is tested without a DOM.
 */
import { WELL_KNOWN_ATTRIBUTES } from '../../lib/crm/opportunity';
import type { PersonaAttribute } from '../../lib/engine/personas/describe';
import type { Translator } from '../../lib/i18n';

/** How many attributes a card's phrase names (the most important first). */
export const PHRASE_ATTRIBUTES = 4;

const K = WELL_KNOWN_ATTRIBUTES;
/** Values that read well on their own: an industry, a country, a state. */
const BARE: ReadonlySet<string> = new Set([K.industry, K.country, K.state]);

type PhraseAttribute = Pick<PersonaAttribute, 'key' | 'label' | 'value'>;

/** One attribute as a phrase part: "201–1,000 employees", "VP Operations buyers", "Healthcare". */
export function attributePhrase(t: Translator, attribute: PhraseAttribute): string {
  const value = attribute.value.trim();
  if (BARE.has(attribute.key)) return value;
  switch (attribute.key) {
    case K.employees:
      return t('personas_phrase_employees', { value });
    case K.revenue:
      return t('personas_phrase_revenue', { value });
    case K.buyerTitle:
      return t('personas_phrase_buyerTitle', { value });
    case K.buyerRole:
      return t('personas_phrase_buyerRole', { value });
    case K.product:
      return t('personas_phrase_product', { value });
    default:
      return t('personas_phrase_other', { label: attribute.label, value });
  }
}

/**
 * The persona's phrase from its `count` most important attributes (the engine lists them
 * most important first); empty when no attribute describes it. Attributes without a value
 * are skipped rather than shown as an empty part.
 */
export function personaPhrase(t: Translator, attributes: readonly PhraseAttribute[], count = PHRASE_ATTRIBUTES): string {
  return attributes
    .filter((a) => a.value.trim().length > 0)
    .slice(0, count)
    .map((a) => attributePhrase(t, a))
    .join(t('personas_phrase_separator'));
}
