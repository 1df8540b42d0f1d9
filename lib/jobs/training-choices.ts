/**
 * What training leaves out and puts back, from the connection's field mapping: the fields
 * the user unticked and the leaky ones (set at the close, by name) are excluded, except a
 * leaky one the user put back; everything put back is `keep`, so the engine's own leakage
 * checks (name, coverage, separates) leave it in too. An unticked field stays out even if
 * it was once put back: `exclude` wins in the engine as well.
 */
import type { FieldMappingRecord } from '../store/schema';

export interface TrainingChoices {
  exclude: string[];
  keep: string[];
}

export function trainingChoices(mapping: FieldMappingRecord | undefined): TrainingChoices {
  if (!mapping) return { exclude: [], keep: [] };
  const kept = mapping.kept ?? [];
  const putBack = new Set(kept);
  const leaky = mapping.leaky.map((l) => l.key).filter((key) => !putBack.has(key));
  return { exclude: [...new Set([...mapping.excluded, ...leaky])], keep: [...kept] };
}
