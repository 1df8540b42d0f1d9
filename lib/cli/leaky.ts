import type { ImportResult } from '../crm/csv/import';

/** Attribute keys the importer flagged as set at or after the close: never features. */
export function leakyAttributeKeys(imported: ImportResult): string[] {
  return imported.leakyAttributes.map((entry) => (typeof entry === 'string' ? entry : entry.key));
}
