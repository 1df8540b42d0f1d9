/**
 * One connection's attribute fields: tick the ones the models may use. Fields set aside as
 * known only at the close (by the importer, or by the last training's checks) are listed
 * unticked with the reason; ticking one puts it back, with a warning of what that costs.
 * Saving stores the exclusions and the fields put back, then asks the background to
 * retrain ('start-train').
 */
import { useEffect, useId, useMemo, useState } from 'preact/hooks';
import { normalizeLabel, WELL_KNOWN_ATTRIBUTES, type AttributeField } from '../../../lib/crm/opportunity';
import { formatDate, formatNumber, formatPercent } from '../../../lib/format';
import type { ConnectionRecord, FieldMappingRecord, ModelRecord } from '../../../lib/store/schema';
import { errorText, FIELD_KIND_LABEL, t, type PlainKey } from '../i18n';
import { useOptions } from '../state';
import { Badge } from '../../ui';
import { cls } from '../ui/classes';
import { Notice } from '../ui/Notice';
import type { FieldPreview } from './preview';
import { rowsOf, type Row, type SetAside } from './rows';
import { usePreviews, type Previews } from './usePreviews';

/** Below this coverage a field is flagged as rarely filled in. */
const LOW_COVERAGE = 0.1;
/** A filter box appears above this many fields. */
const FILTER_FROM = 10;

type Saved = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((k) => set.has(k));
}

export function FieldTable({ connection, mapping, model }: { connection: ConnectionRecord; mapping: FieldMappingRecord; model?: ModelRecord }) {
  const state = useOptions();
  const id = useId();
  const rows = useMemo(() => rowsOf(mapping, model), [mapping, model]);
  const [excluded, setExcluded] = useState<string[]>(mapping.excluded);
  const [kept, setKept] = useState<string[]>(mapping.kept ?? []);
  const [query, setQuery] = useState('');
  const [saved, setSaved] = useState<Saved>({ kind: 'idle' });
  const previews = usePreviews(connection, mapping);

  const uses = (row: Row): boolean => (row.setAside === null || kept.includes(row.field.key)) && !excluded.includes(row.field.key);
  const used = rows.filter(uses).length;
  const dirty = !sameSet(excluded, mapping.excluded) || !sameSet(kept, mapping.kept ?? []);
  const needle = query.trim().toLowerCase();
  const visible = needle ? rows.filter((r) => r.field.label.toLowerCase().includes(needle) || r.field.key.toLowerCase().includes(needle)) : rows;

  useEffect(() => {
    if (!dirty) return;
    // Unsaved ticks would be lost with the tab: let the browser ask first.
    const warn = (event: BeforeUnloadEvent): void => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  function toggle(row: Row, use: boolean): void {
    const key = row.field.key;
    setSaved({ kind: 'idle' });
    if (row.setAside === null) {
      setExcluded((current) => (use ? current.filter((k) => k !== key) : current.includes(key) ? current : [...current, key]));
      return;
    }
    // A set-aside field is out by default: ticking puts it back, unticking sets it aside again.
    setExcluded((current) => current.filter((k) => k !== key));
    setKept((current) => (use ? (current.includes(key) ? current : [...current, key]) : current.filter((k) => k !== key)));
  }

  async function save(): Promise<void> {
    setSaved({ kind: 'saving' });
    // A field the importer set aside is out unless put back: an exclusion of it says nothing.
    const unticked = excluded.filter((key) => rows.some((r) => r.field.key === key && r.setAside?.by !== 'importer'));
    try {
      await state.source.setExcludedFields(connection.id, unticked, kept);
    } catch (error) {
      setSaved({ kind: 'error', message: t('options_mappingsSaveFailed', { error: errorText(error) }) });
      return;
    }
    try {
      const reply = await state.source.send({ type: 'start-train', connectionId: connection.id });
      setSaved(reply.ok ? { kind: 'saved' } : { kind: 'error', message: t('options_mappingsTrainFailed', { error: reply.error }) });
    } catch (error) {
      setSaved({ kind: 'error', message: t('options_mappingsTrainFailed', { error: errorText(error) }) });
    }
    await state.reload();
  }

  if (rows.length === 0) return <p class={`text-sm ${cls.muted}`}>{t('options_mappingsNoFields')}</p>;

  return (
    <div class="space-y-3">
      {rows.length > FILTER_FROM && (
        <div class="flex items-center gap-2">
          <label for={`${id}-filter`} class="sr-only">
            {t('options_mappingsFilter')}
          </label>
          <input
            id={`${id}-filter`}
            type="search"
            placeholder={t('options_mappingsFilter')}
            class={`${cls.input} w-full max-w-xs`}
            value={query}
            onInput={(event) => setQuery(event.currentTarget.value)}
          />
        </div>
      )}
      {previews.status === 'error' && <Notice tone="warning">{t('options_mappingsPreviewFailed', { error: previews.error })}</Notice>}
      <div class="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-700">
        <table class="w-full min-w-[40rem] text-left text-sm" data-testid="field-table">
          <caption class="sr-only">{t('options_sectionMappings')}</caption>
          <thead class="bg-slate-50 text-xs text-slate-500 uppercase dark:bg-slate-800/70 dark:text-slate-400">
            <tr>
              <th scope="col" class="w-12 px-3 py-2 font-medium">
                {t('options_mappingsUse')}
              </th>
              <th scope="col" class="px-3 py-2 font-medium">
                {t('options_mappingsField')}
              </th>
              <th scope="col" class="px-3 py-2 font-medium">
                {t('options_mappingsKind')}
              </th>
              <th scope="col" class="w-40 px-3 py-2 font-medium">
                {t('options_mappingsCoverage')}
              </th>
              <th scope="col" class="px-3 py-2 font-medium">
                {t('options_mappingsPreview')}
              </th>
            </tr>
          </thead>
          <tbody class="divide-y divide-slate-100 dark:divide-slate-800">
            {visible.map((row) => (
              <FieldRow key={row.field.key} id={`${id}-${row.field.key}`} row={row} use={uses(row)} previews={previews} onToggle={(use) => toggle(row, use)} />
            ))}
            {visible.length === 0 && (
              <tr>
                <td colSpan={5} class={`px-3 py-4 text-center ${cls.muted}`}>
                  {t('options_mappingsFilterNone', { query })}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <div class="flex flex-wrap items-center gap-3">
        <p class="text-sm text-slate-700 tabular-nums dark:text-slate-300" aria-live="polite">
          {t('options_mappingsUsed', { used: formatNumber(used), total: formatNumber(rows.length) })}
          {dirty && saved.kind !== 'saving' && (
            <span class="ml-2">
              <Badge tone="warning">{t('options_mappingsUnsaved')}</Badge>
            </span>
          )}
        </p>
        <div class="ml-auto flex flex-wrap gap-2">
          <button
            type="button"
            class={cls.secondary}
            disabled={(excluded.length === 0 && kept.length === 0) || saved.kind === 'saving'}
            onClick={() => {
              setSaved({ kind: 'idle' });
              setExcluded([]);
              setKept([]);
            }}
          >
            {t('options_mappingsReset')}
          </button>
          <button type="button" class={cls.primary} disabled={!dirty || saved.kind === 'saving'} onClick={() => void save()}>
            {saved.kind === 'saving' ? t('options_mappingsSaving') : t('options_mappingsSave')}
          </button>
        </div>
      </div>
      {saved.kind === 'saved' && <Notice tone="success">{t('options_mappingsSaved', { label: connection.label })}</Notice>}
      {saved.kind === 'error' && <Notice tone="error">{saved.message}</Notice>}
    </div>
  );
}

function FieldRow({ id, row, use, previews, onToggle }: { id: string; row: Row; use: boolean; previews: Previews; onToggle: (use: boolean) => void }) {
  const { field, setAside } = row;
  const known = Number.isFinite(field.coverage);
  const low = known && field.coverage < LOW_COVERAGE;
  const putBack = setAside !== null && use;
  return (
    <tr class={setAside !== null && !use ? 'bg-slate-50/70 dark:bg-slate-800/30' : undefined} data-testid="field-row" data-set-aside={setAside?.by}>
      <td class="px-3 py-2 align-top">
        <input
          id={id}
          type="checkbox"
          class={`${cls.checkbox} mt-0.5`}
          checked={use}
          aria-label={t(setAside === null ? 'options_mappingsUseField' : 'options_mappingsPutBackField', { label: field.label })}
          aria-describedby={setAside !== null ? (putBack ? `${id}-set-aside ${id}-put-back` : `${id}-set-aside`) : undefined}
          onChange={(event) => onToggle(event.currentTarget.checked)}
        />
      </td>
      <td class="max-w-72 px-3 py-2 align-top">
        <label
          for={id}
          class={`block cursor-pointer truncate font-medium ${setAside !== null && !use ? 'text-slate-500 dark:text-slate-400' : 'text-slate-900 dark:text-slate-100'}`}
          title={field.label}
        >
          {field.label}
        </label>
        {setAside !== null ? (
          <>
            <p id={`${id}-set-aside`} class="mt-0.5 text-xs text-amber-700 dark:text-amber-300" data-testid="set-aside-reason">
              {setAsideText(setAside)}
            </p>
            {/* Always present, so a screen reader announces the warning the moment the box is ticked. */}
            <div aria-live="polite">
              {putBack && (
                <p
                  id={`${id}-put-back`}
                  class="mt-1 rounded border border-amber-200 bg-amber-50 px-2 py-1 text-xs whitespace-normal text-amber-900 dark:border-amber-900 dark:bg-amber-950/60 dark:text-amber-100"
                  data-testid="put-back"
                >
                  {t('options_mappingsPutBackWarning')}
                </p>
              )}
            </div>
          </>
        ) : (
          <ReadAs field={field} />
        )}
      </td>
      <td class="px-3 py-2 align-top whitespace-nowrap text-slate-600 dark:text-slate-400">{t(FIELD_KIND_LABEL[field.kind])}</td>
      <td class="px-3 py-2 align-top">
        {known ? (
          <div class="flex items-center gap-2" title={t('options_mappingsCoverageOf', { percent: formatPercent(field.coverage) })}>
            <div class="h-1.5 w-16 shrink-0 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700" aria-hidden="true">
              <div
                class={`h-full rounded-full ${low ? 'bg-amber-500' : 'bg-indigo-500 dark:bg-indigo-400'}`}
                style={{ width: `${Math.round(field.coverage * 100)}%` }}
              />
            </div>
            <span class="text-slate-700 tabular-nums dark:text-slate-300">{formatPercent(field.coverage)}</span>
          </div>
        ) : (
          <span class={cls.muted}>–</span>
        )}
        {low && setAside === null && <p class="mt-0.5 text-xs text-amber-700 dark:text-amber-300">{t('options_mappingsLowCoverage')}</p>}
      </td>
      <td class="px-3 py-2 align-top">
        <PreviewCell field={field} previews={previews} />
      </td>
    </tr>
  );
}

/** Why a field is set aside, in one line. */
function setAsideText(setAside: SetAside): string {
  switch (setAside.by) {
    case 'importer':
      return t('options_mappingsLeaky', { reason: setAside.reason });
    case 'model':
      return t('options_mappingsSetAsideByModel', { reason: setAside.reason });
    case 'earlier':
      return t('options_mappingsSetAsideEarlier');
  }
}

const CONCEPTS: Record<string, PlainKey> = {
  [WELL_KNOWN_ATTRIBUTES.industry]: 'options_conceptIndustry',
  [WELL_KNOWN_ATTRIBUTES.employees]: 'options_conceptEmployees',
  [WELL_KNOWN_ATTRIBUTES.revenue]: 'options_conceptRevenue',
  [WELL_KNOWN_ATTRIBUTES.country]: 'options_conceptCountry',
  [WELL_KNOWN_ATTRIBUTES.state]: 'options_conceptState',
  [WELL_KNOWN_ATTRIBUTES.product]: 'options_conceptProduct',
  [WELL_KNOWN_ATTRIBUTES.buyerTitle]: 'options_conceptBuyerTitle',
  [WELL_KNOWN_ATTRIBUTES.buyerRole]: 'options_conceptBuyerRole',
};

/** A column the importer recognised as a well-known fact (personas, lead searches) under another name: "sector" → Industry. */
function ReadAs({ field }: { field: AttributeField }) {
  const concept = CONCEPTS[field.key];
  if (!concept) return null;
  const name = t(concept);
  if (normalizeLabel(name) === normalizeLabel(field.label) || normalizeLabel(field.key) === normalizeLabel(field.label)) return null;
  return <p class={`truncate text-xs ${cls.muted}`}>{t('options_mappingsReadAs', { concept: name })}</p>;
}

/** Years read better without a thousands separator ("1997", not "1,997"). */
function isYearField(field: AttributeField): boolean {
  return /year/i.test(field.key) || /year/i.test(field.label);
}

function PreviewCell({ field, previews }: { field: AttributeField; previews: Previews }) {
  if (previews.status === 'loading') return <span class={`text-xs ${cls.muted}`}>{t('options_mappingsPreviewLoading')}</span>;
  if (previews.status === 'error') return <span class={cls.muted}>–</span>;
  const preview: FieldPreview | undefined = previews.fields.get(field.key);
  if (!preview || preview.values.length === 0) return <span class={`text-xs italic ${cls.muted}`}>{t('options_mappingsPreviewNone')}</span>;
  const more = preview.distinct - preview.values.length;
  return (
    <ul class="flex flex-wrap items-center gap-1" data-testid="field-preview">
      {preview.values.map((value, i) => (
        <li
          key={i}
          class="max-w-40 truncate rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-300"
          title={String(value)}
        >
          {showValue(value, field)}
        </li>
      ))}
      {more > 0 && <li class={`text-xs ${cls.muted}`}>+{formatNumber(more)}</li>}
    </ul>
  );
}

function showValue(value: string | number | boolean, field: AttributeField): string {
  if (typeof value === 'boolean') return value ? t('options_mappingsYes') : t('options_mappingsNo');
  if (typeof value === 'number') return Number.isInteger(value) && isYearField(field) ? String(value) : formatNumber(value, { digits: 2 });
  if (field.kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, { style: 'medium' });
  return value;
}
