/**
 * An open deal's standing, at the foot of the Win Potential panel (issue 16): how long it has
 * been in its stage against the deals that won ("Negotiation for 34 days; deals that won
 * spent a median 12 days there"), whether that is stalled, and its health with each reason
 * in a rep's words (lib/health-text.ts, which the popup's tooltips share). Renders nothing
 * for a closed deal or a panel built before either existed.
 */
import type { Health, HealthLevel } from '../../lib/engine/health/health';
import type { StageStatus } from '../../lib/engine/stage-times';
import { healthLabel, healthReasonText, stageTimeLong } from '../../lib/health-text';
import { Badge } from '../ui/Badge';
import { useLocale } from '../ui/locale';
import type { Tone } from '../ui/tone';

const HEALTH_TONE: Record<HealthLevel, Tone> = { 'on-track': 'positive', 'needs-attention': 'warning', 'at-risk': 'negative' };

export interface StandingSectionProps {
  stage: StageStatus | null | undefined;
  health: Health | null | undefined;
  currency: string | null;
  Sub: 'h3';
}

export function StandingSection({ stage, health, currency, Sub }: StandingSectionProps) {
  const tools = useLocale();
  const { t } = tools;
  if (!stage && !health) return null;
  const stageText = stage
    ? stageTimeLong({ stage: stage.stage, days: stage.days, medianDays: stage.medianDays, stalledAfterDays: stage.stalledAfterDays }, tools)
    : null;
  return (
    <div class="mt-3 grid gap-2 border-t border-slate-100 pt-3 dark:border-slate-800" data-field="standing">
      {health && (
        <div data-field="health" data-health={health.level}>
          <Sub class="flex items-center gap-2 text-xs font-semibold text-slate-700 dark:text-slate-200">
            {t('panels_health_title')}
            <Badge tone={HEALTH_TONE[health.level]}>{healthLabel(health.level, tools)}</Badge>
          </Sub>
          {health.reasons.length === 0 ? (
            <p class="mt-1 text-xs text-slate-600 dark:text-slate-300">{t('panels_health_noReasons')}</p>
          ) : (
            <ul class="mt-1 flex list-disc flex-col gap-0.5 pl-4 text-[0.8125rem] leading-snug text-slate-700 dark:text-slate-200">
              {health.reasons.map((reason) => (
                <li key={reason.signal} data-reason={reason.signal}>
                  {healthReasonText(reason, currency, tools)}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {stageText && stage && (
        <div data-field="days-in-stage">
          <Sub class="flex items-center gap-2 text-xs font-semibold text-slate-700 dark:text-slate-200">
            {t('panels_stage_title')}
            {stage.stalled && <Badge tone="warning">{t('panels_stage_stalled')}</Badge>}
          </Sub>
          <p class="mt-1 text-[0.8125rem] leading-snug text-slate-700 dark:text-slate-200" data-field="stage-text">
            {stageText}
          </p>
          {stage.stalled && stage.stalledAfterDays !== null && (
            <p class="mt-0.5 text-xs text-slate-500 dark:text-slate-400">{t('panels_stage_stalledNote', { bound: Math.round(stage.stalledAfterDays) })}</p>
          )}
        </div>
      )}
    </div>
  );
}
