import { shownWin } from '../../lib/format';
import type { WinBand, WinFactor } from '../../lib/engine/win';
import type { PanelData } from '../../lib/panel-data';
import { Badge } from '../ui/Badge';
import { Bar } from '../ui/Bar';
import { Card, type HeadingLevel } from '../ui/Card';
import { cx } from '../ui/cx';
import { Icon } from '../ui/icons';
import { useLocale, type LocaleTools } from '../ui/locale';
import { TONE_TEXT, type Tone } from '../ui/tone';
import { fieldLabel, fieldValue } from './labels';
import { PanelMessage } from './PanelMessage';
import { StandingSection } from './StandingSection';
import { standingText } from './standing-text';

export interface WinPanelProps {
  /** `PanelData.win`, or null. */
  win: PanelData['win'];
  /** `PanelData.winMessage`: why there is no Win Potential. */
  message?: string | null;
  /** The deal's currency, to show an amount factor as money. */
  currency?: string | null;
  level?: HeadingLevel;
  /** The deal's days in stage and health (`PanelData.stage`, `.health`), shown at the foot. */
  stage?: PanelData['stage'];
  health?: PanelData['health'];
}

const BAND_TONE: Record<WinBand, Tone> = { high: 'positive', medium: 'warning', low: 'negative' };

function bandWord(tools: LocaleTools, band: WinBand): string {
  return band === 'high' ? tools.t('panels_win_bandHigh') : band === 'medium' ? tools.t('panels_win_bandMedium') : tools.t('panels_win_bandLow');
}

function bandHint(tools: LocaleTools, band: WinBand): string {
  return band === 'high' ? tools.t('panels_win_bandHighHint') : band === 'medium' ? tools.t('panels_win_bandMediumHint') : tools.t('panels_win_bandLowHint');
}

/**
 * A factor's impact in percentage points: "+12 pts", "−0.6 pts". Whole points as the CLI
 * prints them; below one point, one decimal, so a real factor never reads "+0".
 */
export function formatPoints(tools: LocaleTools, impact: number): string {
  const points = Math.abs(impact * 100);
  const rounded = points < 0.95 ? Math.round(points * 10) / 10 : Math.round(points);
  return tools.t('panels_win_points', { sign: impact < 0 ? '−' : '+', count: rounded });
}

/**
 * Win Potential: the calibrated probability, its band (colour and word), the org's base
 * rate for context, and the factors raising and lowering it as bars in percentage points.
 * For an open deal scored as it stands today (issue 18), a line says so, with the number its
 * own fields alone give, and the reasons about where it stands are worded for the rep.
 */
export function WinPanel({ win, message, currency = null, level = 2, stage = null, health = null }: WinPanelProps) {
  const tools = useLocale();
  const { t } = tools;
  const title = t('panels_win_title');
  const Sub = `h${Math.min(level + 1, 6)}` as 'h3';
  if (!win) {
    return (
      <Card title={title} level={level} name="win">
        <PanelMessage>{message ?? t('panels_win_none')}</PanelMessage>
        <StandingSection stage={stage} health={health} currency={currency} Sub={Sub} />
      </Card>
    );
  }
  const tone = BAND_TONE[win.band];
  const maxImpact = Math.max(...[...win.raising, ...win.lowering].map((f) => Math.abs(f.impact)), 1e-9);
  return (
    <Card title={title} level={level} name="win">
      <div class="flex items-center justify-between gap-3">
        <p class="text-3xl leading-none font-semibold tracking-tight text-slate-900 tabular-nums dark:text-white" data-field="probability">
          {tools.percent(shownWin(win.probability))}
        </p>
        <Badge tone={tone} class="text-[0.8125rem]">
          <span class="sr-only">{t('panels_win_band')} </span>
          <span data-field="band">{bandWord(tools, win.band)}</span>
        </Badge>
      </div>
      <div class="relative mt-3" aria-hidden="true">
        <Bar fraction={win.probability} tone={tone} />
        <span
          class="absolute -top-1 -bottom-1 w-0.5 -translate-x-1/2 rounded-full bg-slate-700 dark:bg-slate-200"
          style={{ left: `${(Math.max(0, Math.min(1, win.baseRate)) * 100).toFixed(2)}%` }}
        />
      </div>
      <p class="mt-2 flex flex-wrap items-center gap-x-1.5 text-xs text-slate-600 dark:text-slate-300">
        <span class="flex items-center gap-1" data-field="base-rate">
          <span aria-hidden="true" class="inline-block h-3 w-0.5 rounded-full bg-slate-700 dark:bg-slate-200" />
          {t('panels_win_orgAverage', { rate: tools.percent(win.baseRate) })}
        </span>
        <span aria-hidden="true">·</span>
        <span>{bandHint(tools, win.band)}</span>
      </p>
      {win.today ? (
        <p class="mt-1.5 text-xs text-slate-600 dark:text-slate-300" data-field="today">
          <Icon name="clock" class="mr-1 inline size-3.5 align-[-0.2em]" />
          {t('panels_win_today', { count: win.today.trainedOn })}
          {win.today.stageBlind !== null ? (
            <>
              {' '}
              <span class="whitespace-nowrap" data-field="stage-blind">
                {t('panels_win_stageBlind', { rate: tools.percent(shownWin(win.today.stageBlind)) })}
              </span>
            </>
          ) : null}
        </p>
      ) : null}
      <div class="mt-3 grid gap-3 border-t border-slate-100 pt-3 @md:grid-cols-2 dark:border-slate-800">
        <FactorList
          title={t('panels_win_raising')}
          empty={t('panels_win_noneRaising')}
          factors={win.raising}
          maxImpact={maxImpact}
          currency={currency}
          Sub={Sub}
          direction="up"
        />
        <FactorList
          title={t('panels_win_lowering')}
          empty={t('panels_win_noneLowering')}
          factors={win.lowering}
          maxImpact={maxImpact}
          currency={currency}
          Sub={Sub}
          direction="down"
        />
      </div>
      <StandingSection stage={stage} health={health} currency={currency} Sub={Sub} />
    </Card>
  );
}

interface FactorListProps {
  title: string;
  empty: string;
  factors: WinFactor[];
  maxImpact: number;
  currency: string | null;
  Sub: 'h3';
  direction: 'up' | 'down';
}

function FactorList({ title, empty, factors, maxImpact, currency, Sub, direction }: FactorListProps) {
  const tools = useLocale();
  const tone: Tone = direction === 'up' ? 'positive' : 'negative';
  return (
    <div class="min-w-0" data-factors={direction === 'up' ? 'raising' : 'lowering'}>
      <Sub class={cx('mb-1.5 flex items-center gap-1 text-xs font-semibold', TONE_TEXT[tone])}>
        <Icon name={direction} class="size-3.5" />
        {title}
      </Sub>{' '}
      {factors.length === 0 ? (
        <p class="text-xs text-slate-500 dark:text-slate-400">{empty}</p>
      ) : (
        <ul class="flex flex-col gap-2">
          {factors.map((f) => (
            <li key={f.key} class="grid grid-cols-[3.5rem_minmax(0,1fr)] items-start gap-x-2" data-factor={f.key}>
              <span class={cx('text-right text-[0.8125rem] font-semibold whitespace-nowrap tabular-nums', TONE_TEXT[tone])} data-field="points">
                {formatPoints(tools, f.impact)}
              </span>{' '}
              <div class="min-w-0">
                <p class="text-[0.8125rem] leading-snug break-words text-slate-700 dark:text-slate-200">
                  {f.standing
                    ? tools.t('panels_win_factor', { label: tools.t('panels_standing_label'), value: standingText(tools, f.standing) })
                    : tools.t('panels_win_factor', { label: fieldLabel(tools, f.key, f.label), value: fieldValue(tools, f.key, f.value, currency) })}
                </p>
                <Bar fraction={Math.abs(f.impact) / maxImpact} tone={tone} size="sm" variant="none" class="mt-1" />
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
