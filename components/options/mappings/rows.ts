/**
 * The field table's rows: the connection's fields the models may use, then the fields set
 * aside as known only at the close. A field is set aside by the importer (its name says so:
 * `mapping.leaky`, lib/crm/leakage.ts) or by the last training's own checks (filled on closed
 * deals but not on open ones, or telling won from lost on its own: the win model's dropped
 * entries under SET_ASIDE_RULES, lib/engine/encode.ts). A field the user put back (`kept`)
 * stays a set-aside row, ticked: once put back the training no longer records why it would
 * have set it aside, so such a row says it was set aside earlier.
 */
import type { AttributeField } from '../../../lib/crm/opportunity';
import { SET_ASIDE_RULES } from '../../../lib/engine/encode';
import type { FieldMappingRecord, ModelRecord } from '../../../lib/store/schema';

/** Who set a field aside, and why (the importer's and the engine's reasons are English text). */
export type SetAside = { by: 'importer'; reason: string } | { by: 'model'; reason: string } | { by: 'earlier' };

export interface Row {
  field: AttributeField;
  /** Null for a field the models use unless unticked. */
  setAside: SetAside | null;
}

/** Attribute fields the last training set aside by its own checks, by attribute key. */
export function modelSetAside(model: ModelRecord | undefined): Map<string, { label: string; reason: string }> {
  const found = new Map<string, { label: string; reason: string }>();
  for (const d of model?.win?.dropped ?? []) {
    if (!d.rule || !SET_ASIDE_RULES.has(d.rule)) continue;
    // The name check reports the attribute key, the data checks the feature key ('attr:…');
    // a standard field (amount, owner, …) is no attribute and cannot be put back.
    const key = d.rule === 'name' ? d.key : d.key.startsWith('attr:') ? d.key.slice('attr:'.length) : null;
    if (key !== null && !found.has(key)) found.set(key, { label: d.label, reason: d.reason });
  }
  return found;
}

export function rowsOf(mapping: FieldMappingRecord, model?: ModelRecord): Row[] {
  const leaky = new Map(mapping.leaky.map((l) => [l.key, l]));
  const byModel = modelSetAside(model);
  const kept = new Set(mapping.kept ?? []);
  const usable: Row[] = [];
  const atClose: Row[] = [];
  const reasonOf = (key: string): SetAside | null => {
    const importer = leaky.get(key);
    if (importer) return { by: 'importer', reason: importer.reason };
    const engine = byModel.get(key);
    if (engine) return { by: 'model', reason: engine.reason };
    return kept.has(key) ? { by: 'earlier' } : null;
  };
  for (const field of mapping.fields) {
    const setAside = reasonOf(field.key);
    (setAside === null ? usable : atClose).push({ field, setAside });
  }
  // Leaky fields the importer kept out of the field list are still worth showing, and putting back.
  const listed = new Set(mapping.fields.map((f) => f.key));
  for (const l of mapping.leaky) {
    if (!listed.has(l.key))
      atClose.push({ field: { key: l.key, label: l.label, kind: 'category', coverage: Number.NaN }, setAside: { by: 'importer', reason: l.reason } });
  }
  return [...usable, ...atClose];
}
