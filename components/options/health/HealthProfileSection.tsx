/**
 * The health profile, per connection (issue 16, after the customer-success product's
 * opportunity health profiles): which signals make an open deal's health and where their
 * thresholds sit, saved to the connection's 'health.profile' setting; saving retrains, since
 * every pipeline row's health is decided at training (as the field mappings do).
 */
import { useEffect, useId, useState } from 'preact/hooks';
import {
  DEFAULT_HEALTH_PROFILE,
  readHealthProfile,
  SIGNALS,
  THRESHOLD_LIMITS,
  type HealthProfile,
  type HealthSignal,
} from '../../../lib/engine/health/profile';
import type { ConnectionRecord } from '../../../lib/store/schema';
import { errorText, KIND_LABEL, t, type PlainKey } from '../i18n';
import { useOptions } from '../state';
import { cls } from '../ui/classes';
import { Notice } from '../ui/Notice';
import { Section } from '../ui/Section';

/** Each signal's name, what its threshold means, and the unit it is edited in (a share shows as a percentage). */
const SIGNAL_TEXT: Record<HealthSignal, { name: PlainKey; help: PlainKey; unit: PlainKey | null; scale: number }> = {
  'low-win': { name: 'options_healthLowWin', help: 'options_healthLowWinHelp', unit: 'options_healthUnitPercentOfRate', scale: 100 },
  'past-close': { name: 'options_healthPastClose', help: 'options_healthPastCloseHelp', unit: 'options_healthUnitDays', scale: 1 },
  stalled: { name: 'options_healthStalled', help: 'options_healthStalledHelp', unit: null, scale: 1 },
  slip: { name: 'options_healthSlip', help: 'options_healthSlipHelp', unit: null, scale: 1 },
  'amount-off': { name: 'options_healthAmountOff', help: 'options_healthAmountOffHelp', unit: 'options_healthUnitPercentBeyond', scale: 100 },
  'no-change': { name: 'options_healthNoChange', help: 'options_healthNoChangeHelp', unit: 'options_healthUnitDays', scale: 1 },
};

/** A threshold as edited (percent or days) back to the profile's unit, within its limits; null when not a number. */
export function thresholdFromInput(signal: HealthSignal, text: string): number | null {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value)) return null;
  const { min, max } = THRESHOLD_LIMITS[signal];
  const scaled = value / SIGNAL_TEXT[signal].scale;
  return Math.min(max, Math.max(min, Math.round(scaled * 10_000) / 10_000));
}

function sameProfile(a: HealthProfile, b: HealthProfile): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

type Saved = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

export function HealthProfileSection() {
  const state = useOptions();
  const id = useId();
  const connections = state.connections.value;
  const [chosen, setChosen] = useState<string | null>(null);
  const current = connections.find((c) => c.id === chosen) ?? connections[0];
  return (
    <Section id="health" title={t('options_sectionHealth')} description={t('options_sectionHealthDescription')}>
      <div class={`${cls.card} space-y-4`} data-testid="health-profile">
        {!current ? (
          <p class={`text-sm ${cls.muted}`}>{t('options_healthEmpty')}</p>
        ) : (
          <>
            {connections.length > 1 && (
              <div class="flex flex-wrap items-center gap-2">
                <label for={`${id}-connection`} class={cls.label}>
                  {t('options_mappingsConnection')}
                </label>
                <select id={`${id}-connection`} class={cls.input} value={current.id} onChange={(event) => setChosen(event.currentTarget.value)}>
                  {connections.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.label} ({t(KIND_LABEL[c.kind])})
                    </option>
                  ))}
                </select>
              </div>
            )}
            <HealthProfileForm key={current.id} connection={current} />
          </>
        )}
      </div>
    </Section>
  );
}

function HealthProfileForm({ connection }: { connection: ConnectionRecord }) {
  const state = useOptions();
  const id = useId();
  const [stored, setStored] = useState<HealthProfile | null>(null);
  const [draft, setDraft] = useState<HealthProfile>(DEFAULT_HEALTH_PROFILE);
  const [saved, setSaved] = useState<Saved>({ kind: 'idle' });

  useEffect(() => {
    let cancelled = false;
    state.source
      .connectionSettings(connection.id)
      .get('health.profile')
      .then(
        (value) => {
          if (cancelled) return;
          const profile = readHealthProfile(value);
          setStored(profile);
          setDraft(profile);
        },
        (error: unknown) => !cancelled && setSaved({ kind: 'error', message: t('options_healthLoadFailed', { error: errorText(error) }) }),
      );
    return () => {
      cancelled = true;
    };
  }, [state, connection.id]);

  const dirty = stored !== null && !sameProfile(draft, stored);
  const setSignal = (signal: HealthSignal, patch: Partial<HealthProfile['signals'][HealthSignal]>): void => {
    setSaved({ kind: 'idle' });
    setDraft((d) => ({ ...d, signals: { ...d.signals, [signal]: { ...d.signals[signal], ...patch } } }));
  };

  async function save(): Promise<void> {
    setSaved({ kind: 'saving' });
    try {
      await state.source.connectionSettings(connection.id).set('health.profile', draft);
      setStored(draft);
    } catch (error) {
      setSaved({ kind: 'error', message: t('options_healthSaveFailed', { error: errorText(error) }) });
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

  if (stored === null)
    return saved.kind === 'error' ? <Notice tone="error">{saved.message}</Notice> : <p class={`text-sm ${cls.muted}`}>{t('options_healthLoading')}</p>;

  return (
    <div class="space-y-3">
      <ul class="divide-y divide-slate-100 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-700">
        {SIGNALS.map((signal) => {
          const text = SIGNAL_TEXT[signal];
          const setting = draft.signals[signal];
          const limits = THRESHOLD_LIMITS[signal];
          return (
            <li key={signal} class="grid gap-2 px-3 py-2.5 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-center" data-signal={signal}>
              <div class="flex items-start gap-2.5">
                <input
                  id={`${id}-${signal}`}
                  type="checkbox"
                  class={`${cls.checkbox} mt-0.5`}
                  checked={setting.enabled}
                  onChange={(event) => setSignal(signal, { enabled: event.currentTarget.checked })}
                  data-field="enabled"
                />
                <label for={`${id}-${signal}`} class="min-w-0">
                  <span class={cls.label}>{t(text.name)}</span>
                  <span class={`block text-xs ${cls.muted}`}>{t(text.help)}</span>
                </label>
              </div>
              {text.unit !== null && limits.step > 0 && (
                <label class="flex items-center gap-2 text-sm">
                  <span class="sr-only">{t('options_healthThreshold', { signal: t(text.name) })}</span>
                  <input
                    type="number"
                    class={`${cls.input} w-24 tabular-nums`}
                    min={limits.min * text.scale}
                    max={limits.max * text.scale}
                    step={limits.step * text.scale}
                    value={Math.round(setting.threshold * text.scale * 100) / 100}
                    disabled={!setting.enabled}
                    onChange={(event) => {
                      const threshold = thresholdFromInput(signal, event.currentTarget.value);
                      if (threshold !== null) setSignal(signal, { threshold });
                    }}
                    data-field="threshold"
                  />
                  <span class={`w-44 text-xs ${cls.muted}`}>{t(text.unit)}</span>
                </label>
              )}
            </li>
          );
        })}
      </ul>
      <label class="flex flex-wrap items-center gap-2 text-sm">
        <span class={cls.label}>{t('options_healthAttentionForRisk')}</span>
        <input
          type="number"
          class={`${cls.input} w-20 tabular-nums`}
          min={1}
          max={SIGNALS.length}
          step={1}
          value={draft.attentionForRisk}
          onChange={(event) => {
            const count = Number(event.currentTarget.value);
            if (Number.isInteger(count) && count >= 1 && count <= SIGNALS.length) {
              setSaved({ kind: 'idle' });
              setDraft((d) => ({ ...d, attentionForRisk: count }));
            }
          }}
          data-field="attention-for-risk"
        />
      </label>
      <div class="flex flex-wrap items-center justify-end gap-2">
        <button
          type="button"
          class={cls.secondary}
          disabled={sameProfile(draft, DEFAULT_HEALTH_PROFILE) || saved.kind === 'saving'}
          onClick={() => {
            setSaved({ kind: 'idle' });
            setDraft(DEFAULT_HEALTH_PROFILE);
          }}
        >
          {t('options_healthDefaults')}
        </button>
        <button type="button" class={cls.primary} disabled={!dirty || saved.kind === 'saving'} onClick={() => void save()} data-action="save-health">
          {saved.kind === 'saving' ? t('options_mappingsSaving') : t('options_mappingsSave')}
        </button>
      </div>
      {saved.kind === 'saved' && <Notice tone="success">{t('options_healthSaved', { label: connection.label })}</Notice>}
      {saved.kind === 'error' && <Notice tone="error">{saved.message}</Notice>}
    </div>
  );
}
