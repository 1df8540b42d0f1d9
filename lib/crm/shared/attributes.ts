/** The attribute columns of a connection, with coverage: what the field-mapping UI and the encoder read. */
import { knownOnlyAtClose, type LeakyAttribute } from '../leakage';
import type { AttributeField, AttributeKind, Opportunity } from '../opportunity';

/** An attribute a connector fills: its key in `Opportunity.attributes`, label and kind. */
export interface AttributeColumn {
  key: string;
  label: string;
  kind: AttributeKind;
}

/** The attribute map with each attribute's share of filled values over `opportunities`. */
export function attributeFields(opportunities: readonly Opportunity[], specs: readonly AttributeColumn[]): AttributeField[] {
  return specs.map((s) => {
    let filled = 0;
    for (const o of opportunities) if (o.attributes[s.key] != null) filled++;
    return { key: s.key, label: s.label, kind: s.kind, coverage: opportunities.length === 0 ? 0 : filled / opportunities.length };
  });
}

/** The field mapping the store keeps for a connection: the attributes and the ones set at the close. */
export function fieldMapping(opportunities: readonly Opportunity[], specs: readonly AttributeColumn[]): { fields: AttributeField[]; leaky: LeakyAttribute[] } {
  const fields = attributeFields(opportunities, specs);
  return { fields, leaky: knownOnlyAtClose(fields) };
}
