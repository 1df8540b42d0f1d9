/**
 * A few example values per attribute field, most frequent first, for the field-mapping
 * table. Computed once per connection and data version from its opportunities.
 */
import type { AttributeField, AttributeValue, Opportunity } from '../../../lib/crm/opportunity';

export interface FieldPreview {
  /** Up to `limit` distinct non-empty values, most frequent first (ties: first seen). */
  values: Array<string | number | boolean>;
  /** How many distinct non-empty values the field has. */
  distinct: number;
}

export function previewFields(opportunities: readonly Opportunity[], fields: readonly Pick<AttributeField, 'key'>[], limit = 4): Map<string, FieldPreview> {
  const counts = new Map<string, Map<string | number | boolean, number>>();
  for (const field of fields) counts.set(field.key, new Map());
  for (const opportunity of opportunities) {
    for (const [key, tally] of counts) {
      const value: AttributeValue | undefined = opportunity.attributes[key];
      if (value === null || value === undefined || value === '') continue;
      tally.set(value, (tally.get(value) ?? 0) + 1);
    }
  }
  const previews = new Map<string, FieldPreview>();
  for (const [key, tally] of counts) {
    // Map iteration follows insertion, so a stable sort keeps first-seen order among ties.
    const values = [...tally.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([value]) => value);
    previews.set(key, { values, distinct: tally.size });
  }
  return previews;
}
