/**
 * What a connected org's sync reads (issue 5, "Sync"): the closed-deal window in years
 * and the custom Opportunity fields to add as attributes. The choices come from the
 * org's describe at the last sync; the settings are read by the next sync.
 */
import { useEffect, useState } from 'preact/hooks';
import type { CustomFieldChoice, CustomFieldInput } from '../../../lib/crm/salesforce';
import { YEAR_CHOICES } from '../../../lib/crm/salesforce/status';
import { WELL_KNOWN_LABELS } from '../../../lib/crm/opportunity';
import { errorText, t } from '../i18n';
import { useOptions } from '../state';
import { cls } from '../ui/classes';
import { Notice } from '../ui/Notice';

/** A ticked field: its API name, and the well-known attribute it fills, if the user chose one. */
interface Ticked {
  field: string;
  as: string | null;
}

/** The stored setting as ticks (strings and `{ field, as }` both occur). */
export function readTicks(inputs: readonly CustomFieldInput[]): Map<string, Ticked> {
  const ticks = new Map<string, Ticked>();
  for (const input of inputs) {
    const field = typeof input === 'string' ? input : input.field;
    ticks.set(field, { field, as: typeof input === 'string' ? null : (input.as ?? null) });
  }
  return ticks;
}

/** The ticks as the setting the sync reads, in the order the org lists its fields. */
export function writeTicks(ticks: ReadonlyMap<string, Ticked>, choices: readonly CustomFieldChoice[]): CustomFieldInput[] {
  const order = new Map(choices.map((c, i) => [c.name, i]));
  return [...ticks.values()]
    .sort((a, b) => (order.get(a.field) ?? Infinity) - (order.get(b.field) ?? Infinity))
    .map((tick) => (tick.as === null ? tick.field : { field: tick.field, as: tick.as }));
}

export function SalesforceSettings({ connectionId, choices }: { connectionId: string; choices: CustomFieldChoice[] | null }) {
  const state = useOptions();
  const [years, setYears] = useState<number | null>(null);
  const [ticks, setTicks] = useState<Map<string, Ticked>>(new Map());
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  useEffect(() => {
    let live = true;
    void Promise.resolve().then(async () => {
      const settings = state.source.connectionSettings(connectionId);
      const [y, inputs] = await Promise.all([settings.get('salesforce.years'), settings.get('salesforce.customFields')]);
      if (!live) return;
      setYears(y);
      setTicks(readTicks(Array.isArray(inputs) ? inputs : []));
    });
    return () => {
      live = false;
    };
  }, [connectionId]);

  const change = (next: Map<string, Ticked>) => {
    setTicks(next);
    setDirty(true);
    setResult(null);
  };
  const toggle = (choice: CustomFieldChoice, on: boolean) => {
    const next = new Map(ticks);
    if (on) next.set(choice.name, { field: choice.name, as: null });
    else next.delete(choice.name);
    change(next);
  };
  const mapAs = (choice: CustomFieldChoice, as: string | null) => change(new Map(ticks).set(choice.name, { field: choice.name, as }));

  async function save(): Promise<void> {
    if (years === null) return;
    setSaving(true);
    try {
      const settings = state.source.connectionSettings(connectionId);
      await settings.set('salesforce.years', years);
      await settings.set('salesforce.customFields', writeTicks(ticks, choices ?? []));
      setDirty(false);
      setResult({ tone: 'success', text: t('options_salesforceSaved') });
    } catch (caught) {
      setResult({ tone: 'error', text: t('options_salesforceSaveFailed', { error: errorText(caught) }) });
    } finally {
      setSaving(false);
    }
  }

  const id = (suffix: string) => `sf-${connectionId.replace(/\W/g, '')}-${suffix}`;
  return (
    <details class="group rounded-lg border border-slate-200 dark:border-slate-700" data-testid="salesforce-settings">
      <summary
        class={`cursor-pointer rounded-lg px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50 dark:text-slate-200 dark:hover:bg-slate-800 ${cls.focus}`}
      >
        {t('options_salesforceSettings')}
      </summary>
      <form
        class="space-y-4 border-t border-slate-200 px-3 py-3 dark:border-slate-700"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <div class="space-y-1">
          <label class="flex flex-wrap items-center gap-2" for={id('years')}>
            <span class={cls.label}>{t('options_salesforceYears')}</span>
            <select
              id={id('years')}
              class={cls.input}
              value={years === null ? '' : String(years)}
              disabled={years === null}
              onChange={(event) => {
                setYears(Number((event.target as HTMLSelectElement).value));
                setDirty(true);
                setResult(null);
              }}
            >
              {YEAR_CHOICES.map((n) => (
                <option key={n} value={String(n)} selected={n === years}>
                  {t('options_salesforceYearsUnit', { count: n })}
                </option>
              ))}
            </select>
          </label>
          <p class={`text-xs ${cls.muted}`}>{t('options_salesforceYearsHelp')}</p>
        </div>

        <fieldset class="space-y-2">
          <legend class={cls.label}>{t('options_salesforceCustomFields')}</legend>
          <p class={`text-xs ${cls.muted}`}>{t('options_salesforceCustomFieldsHelp')}</p>
          {choices === null ? (
            <p class={`text-xs ${cls.muted}`}>{t('options_salesforceCustomFieldsUnknown')}</p>
          ) : choices.length === 0 ? (
            <p class={`text-xs ${cls.muted}`}>{t('options_salesforceCustomFieldsNone')}</p>
          ) : (
            <ul class="space-y-1.5">
              {choices.map((choice) => {
                const tick = ticks.get(choice.name);
                const suggested = choice.suggestedKey;
                return (
                  <li key={choice.name} class="text-sm">
                    <label class="flex items-start gap-2">
                      <input
                        type="checkbox"
                        class={`${cls.checkbox} mt-0.5`}
                        checked={tick !== undefined}
                        onChange={(e) => toggle(choice, (e.target as HTMLInputElement).checked)}
                      />
                      <span class="min-w-0">
                        <span class="text-slate-900 dark:text-slate-100">{choice.label}</span> <code class={`text-xs ${cls.muted}`}>{choice.name}</code>
                        {choice.leaky && <span class="block text-xs text-amber-700 dark:text-amber-300">{t('options_salesforceCustomFieldLeaky')}</span>}
                      </span>
                    </label>
                    {tick && suggested && (
                      <label class="mt-1 ml-6 flex items-center gap-2 text-xs text-slate-600 dark:text-slate-300">
                        <input
                          type="checkbox"
                          class={cls.checkbox}
                          checked={tick.as === suggested}
                          onChange={(e) => mapAs(choice, (e.target as HTMLInputElement).checked ? suggested : null)}
                        />
                        {t('options_salesforceCustomFieldAs', { attribute: WELL_KNOWN_LABELS[suggested] ?? suggested })}
                      </label>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </fieldset>

        <div class="flex items-center gap-3">
          <button type="submit" class={cls.secondary} disabled={!dirty || saving || years === null}>
            {saving ? t('options_salesforceSaving') : t('options_salesforceSave')}
          </button>
        </div>
        {result && <Notice tone={result.tone}>{result.text}</Notice>}
      </form>
    </details>
  );
}
