/**
 * The user's choices on a field mapping (fields unticked, set-aside fields put back) carried
 * over when an import or a sync writes a new mapping: each stays while the new mapping
 * still has its field, so re-importing a file does not undo them.
 */
import type { FieldMappingRecord } from './schema';

export function withUserChoices(
  mapping: Omit<FieldMappingRecord, 'updatedAt' | 'excluded' | 'kept'>,
  previous: FieldMappingRecord | undefined,
  now: string,
): FieldMappingRecord {
  const fields = new Set(mapping.fields.map((f) => f.key));
  // A leaky field may be put back even when the importer left it out of the field list.
  const putBackable = new Set([...fields, ...mapping.leaky.map((l) => l.key)]);
  return {
    ...mapping,
    excluded: (previous?.excluded ?? []).filter((key) => fields.has(key)),
    kept: (previous?.kept ?? []).filter((key) => putBackable.has(key)),
    updatedAt: now,
  };
}
