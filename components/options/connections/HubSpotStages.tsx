/**
 * "Stage outcomes" for a HubSpot portal (issue 6): HubSpot counts a stage as won when it
 * is closed with probability 1; a portal whose pipelines say otherwise (a "Closed – paid"
 * stage at 0.9, a "Churned" stage left open) maps each stage to won, lost or open here.
 * The next sync reads every deal again with the new mapping.
 */
import { useEffect, useState } from 'preact/hooks';
import type { StageOutcome } from '../../../lib/crm/hubspot';
import type { HubSpotStatus } from '../../../lib/crm/hubspot/status';
import { errorText, t } from '../i18n';
import { useOptions } from '../state';
import { cls } from '../ui/classes';
import { Notice } from '../ui/Notice';

type Stage = NonNullable<HubSpotStatus['stages']>[number];

const OUTCOME_KEY = { won: 'options_hubspotOutcomeWon', lost: 'options_hubspotOutcomeLost', open: 'options_hubspotOutcomeOpen' } as const;

export function HubSpotStages({ connectionId, stages }: { connectionId: string; stages: Stage[] | null }) {
  const state = useOptions();
  const [overrides, setOverrides] = useState<Record<string, StageOutcome>>({});
  const [dirty, setDirty] = useState(false);
  const [result, setResult] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  useEffect(() => {
    let live = true;
    void state.source
      .connectionSettings(connectionId)
      .get('hubspot.stages')
      .then(
        (stored) => live && setOverrides({ ...stored }),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [connectionId]);

  async function save(): Promise<void> {
    try {
      await state.source.connectionSettings(connectionId).set('hubspot.stages', overrides);
      setDirty(false);
      setResult({ tone: 'success', text: t('options_hubspotStagesSaved') });
    } catch (caught) {
      setResult({ tone: 'error', text: t('options_salesforceSaveFailed', { error: errorText(caught) }) });
    }
  }

  return (
    <details class="rounded-lg border border-slate-200 dark:border-slate-700" data-testid="hubspot-stages">
      <summary
        class={`cursor-pointer rounded-lg px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50 dark:text-slate-200 dark:hover:bg-slate-800 ${cls.focus}`}
      >
        {t('options_hubspotStages')}
      </summary>
      <div class="space-y-3 border-t border-slate-200 px-3 py-3 dark:border-slate-700">
        <p class={`text-xs ${cls.muted}`}>{t('options_hubspotStagesHelp')}</p>
        {stages === null || stages.length === 0 ? (
          <p class={`text-xs ${cls.muted}`}>{t('options_hubspotStagesUnknown')}</p>
        ) : (
          <table class="w-full text-left text-sm">
            <thead>
              <tr class={`text-xs ${cls.muted}`}>
                <th class="py-1 font-medium">{t('options_hubspotStage')}</th>
                <th class="py-1 font-medium">{t('options_hubspotStageHubSpot')}</th>
                <th class="py-1 font-medium">{t('options_hubspotStageDealsight')}</th>
              </tr>
            </thead>
            <tbody>
              {stages.map((stage) => {
                const own = stage.hubspotOutcome;
                const chosen = overrides[stage.id];
                return (
                  <tr key={stage.id} class="border-t border-slate-100 dark:border-slate-800">
                    <td class="py-1.5 pr-2 text-slate-900 dark:text-slate-100">{stage.label}</td>
                    <td class={`py-1.5 pr-2 text-xs ${cls.muted}`}>
                      {own ? t(OUTCOME_KEY[own]) : '—'}
                      {stage.probability !== null ? ` · ${Math.round(stage.probability * 100)}%` : ''}
                    </td>
                    <td class="py-1.5">
                      <select
                        class={cls.input}
                        aria-label={t('options_hubspotStageFor', { stage: stage.label })}
                        value={chosen ?? ''}
                        onChange={(e) => {
                          const value = (e.target as HTMLSelectElement).value as StageOutcome | '';
                          const next = { ...overrides };
                          if (value === '' || value === own) delete next[stage.id];
                          else next[stage.id] = value;
                          setOverrides(next);
                          setDirty(true);
                          setResult(null);
                        }}
                      >
                        <option value="" selected={chosen === undefined}>
                          {t('options_hubspotStageAsHubSpot')}
                        </option>
                        {(['won', 'lost', 'open'] as const).map((outcome) => (
                          <option key={outcome} value={outcome} selected={chosen === outcome}>
                            {t(OUTCOME_KEY[outcome])}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <button type="button" class={cls.secondary} disabled={!dirty} onClick={() => void save()}>
          {t('options_salesforceSave')}
        </button>
        {result && <Notice tone={result.tone}>{result.text}</Notice>}
      </div>
    </details>
  );
}
