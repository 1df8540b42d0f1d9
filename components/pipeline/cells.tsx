/**
 * The cells of a pipeline row. Every value is text (CRM data is never HTML), formatted
 * with lib/format for the user's locale; anything that may be cut short carries its
 * full text in a `title`, and colour never carries meaning alone (the band is also a word).
 */
import type { PipelineRow } from '../../lib/panel-data';
import type { HealthLevel } from '../../lib/engine/health/health';
import type { WinBand } from '../../lib/engine/win';
import { formatDate, formatMoney, formatNumber, formatPercent, shownWin } from '../../lib/format';
import { healthLabel, healthReasonsText, stageTimeShort } from '../../lib/health-text';
import { tp } from './i18n';

const BAND_STYLE: Record<WinBand, { pill: string; text: string; label: 'popup_bandHigh' | 'popup_bandMedium' | 'popup_bandLow' }> = {
  high: {
    pill: 'bg-emerald-50 text-emerald-800 ring-emerald-600/25 dark:bg-emerald-400/10 dark:text-emerald-300 dark:ring-emerald-400/30',
    text: 'text-emerald-700 dark:text-emerald-400',
    label: 'popup_bandHigh',
  },
  medium: {
    pill: 'bg-amber-50 text-amber-800 ring-amber-600/25 dark:bg-amber-400/10 dark:text-amber-300 dark:ring-amber-400/30',
    text: 'text-amber-700 dark:text-amber-400',
    label: 'popup_bandMedium',
  },
  low: {
    pill: 'bg-rose-50 text-rose-800 ring-rose-600/25 dark:bg-rose-400/10 dark:text-rose-300 dark:ring-rose-400/30',
    text: 'text-rose-700 dark:text-rose-400',
    label: 'popup_bandLow',
  },
};

const MUTED = 'text-slate-400 dark:text-slate-500';

export function EmptyValue() {
  return <span class={MUTED}>{tp('popup_empty')}</span>;
}

export function NameCell({ row }: { row: PipelineRow }) {
  return (
    <div class="min-w-0 leading-tight">
      <div class="truncate text-[13px] font-medium text-slate-900 dark:text-slate-100" title={row.name}>
        {row.name}
      </div>
      {row.accountName !== null && row.accountName !== '' && (
        <div class="mt-0.5 truncate text-[11px] text-slate-500 dark:text-slate-400" title={row.accountName}>
          {row.accountName}
        </div>
      )}
    </div>
  );
}

export function TextCell({ value }: { value: string | null }) {
  if (value === null || value === '') return <EmptyValue />;
  return (
    <span class="block truncate" title={value}>
      {value}
    </span>
  );
}

export function AmountCell({ row }: { row: PipelineRow }) {
  if (row.amount === null) return <EmptyValue />;
  const amount = formatMoney(row.amount, row.currency);
  const title = row.predictedAmount !== null ? tp('popup_amountPredicted', { amount, predicted: formatMoney(row.predictedAmount, row.currency) }) : amount;
  return (
    <span class="block truncate tabular-nums" title={title}>
      {amount}
    </span>
  );
}

export function DateCell({ date }: { date: string | null }) {
  if (date === null) return <EmptyValue />;
  const text = formatDate(date);
  return (
    <span class="block truncate tabular-nums" title={text}>
      {text}
    </span>
  );
}

export function RepeatBuyerCell({ row }: { row: PipelineRow }) {
  const score = row.repeatBuyerPotential;
  if (score === null || !Number.isFinite(score)) return <EmptyValue />;
  const clamped = Math.max(0, Math.min(100, score));
  const text = formatNumber(clamped);
  const title = row.personaName ? tp('popup_repeatBuyerPersona', { score: text, persona: row.personaName }) : tp('popup_repeatBuyerOf', { score: text });
  return (
    <span class="flex items-center gap-1.5" title={title}>
      <span class="w-5 shrink-0 text-right tabular-nums">{text}</span>
      <span class="h-1.5 w-6 shrink-0 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700" aria-hidden="true">
        <span class="block h-full rounded-full bg-violet-500 dark:bg-violet-400" style={{ width: `${clamped}%` }} />
      </span>
      <span class="sr-only">{tp('popup_repeatBuyerOf', { score: text })}</span>
    </span>
  );
}

export function WinCell({ row }: { row: PipelineRow }) {
  const share = row.winPotential;
  if (share === null || !Number.isFinite(share)) return <EmptyValue />;
  const percent = formatPercent(shownWin(share));
  const band = row.winBand ? BAND_STYLE[row.winBand] : null;
  const bandText = band ? tp(band.label) : null;
  const base = bandText ? tp('popup_winOf', { percent, band: bandText }) : percent;
  // Scored where the deal stands (issue 18): the title says so, with its stage-blind number.
  const today =
    row.winToday && row.winStageBlind !== null && row.winStageBlind !== undefined
      ? tp('popup_winToday', { percent: formatPercent(shownWin(row.winStageBlind)) })
      : null;
  return (
    <span class="flex items-center gap-1" title={today ? `${base} · ${today}` : base} data-win-today={row.winToday ? '' : undefined}>
      <span
        class={`inline-flex min-w-[2.375rem] shrink-0 justify-center rounded-md px-1 py-0.5 text-xs font-semibold tabular-nums ring-1 ring-inset ${
          band?.pill ?? 'bg-slate-50 text-slate-700 ring-slate-500/20 dark:bg-slate-400/10 dark:text-slate-300 dark:ring-slate-400/20'
        }`}
      >
        {percent}
      </span>
      {bandText && <span class={`truncate text-[11px] font-medium ${band?.text ?? ''}`}>{bandText}</span>}
    </span>
  );
}

export function PredictedCloseCell({ row }: { row: PipelineRow }) {
  if (row.predictedClose === null) return <EmptyValue />;
  const text = formatDate(row.predictedClose);
  if (!row.slip) {
    return (
      <span class="block truncate tabular-nums" title={text}>
        {text}
      </span>
    );
  }
  const warning = tp('popup_slip', { crm: formatDate(row.closeDate) });
  return (
    <span class="flex min-w-0 items-center gap-1" title={`${text} · ${warning}`}>
      <span class="truncate tabular-nums">{text}</span>
      <SlipIcon />
      <span class="sr-only">{warning}</span>
    </span>
  );
}

/** A small warning triangle: the deal's CRM close date is earlier than the engine expects. */
function SlipIcon() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" class="shrink-0 text-amber-600 dark:text-amber-400" aria-hidden="true" data-slip="">
      <path
        fill="currentColor"
        d="M7.13 1.9a1 1 0 0 1 1.74 0l6.18 10.97A1 1 0 0 1 14.18 14.4H1.82a1 1 0 0 1-.87-1.53L7.13 1.9ZM8 5.25a.75.75 0 0 0-.75.75v3.5a.75.75 0 0 0 1.5 0V6A.75.75 0 0 0 8 5.25Zm0 7.25a.9.9 0 1 0 0-1.8.9.9 0 0 0 0 1.8Z"
      />
    </svg>
  );
}

/** Each health level's colours (the word carries the meaning; colour only repeats it). */
export const HEALTH_STYLE: Record<HealthLevel, string> = {
  'on-track': 'bg-emerald-50 text-emerald-800 ring-emerald-600/25 dark:bg-emerald-400/10 dark:text-emerald-300 dark:ring-emerald-400/30',
  'needs-attention': 'bg-amber-50 text-amber-800 ring-amber-600/25 dark:bg-amber-400/10 dark:text-amber-300 dark:ring-amber-400/30',
  'at-risk': 'bg-rose-50 text-rose-800 ring-rose-600/25 dark:bg-rose-400/10 dark:text-rose-300 dark:ring-rose-400/30',
};

/** The level as a coloured label; its reasons, in a rep's words, in the tooltip. */
export function HealthCell({ row }: { row: PipelineRow }) {
  const level = row.health;
  if (level === null || level === undefined) return <EmptyValue />;
  const label = healthLabel(level);
  const title = `${label}\n${healthReasonsText(row.healthReasons ?? [], row.currency)}`;
  return (
    <span class="flex min-w-0" title={title} data-health={level}>
      <span class={`inline-flex max-w-full truncate rounded-md px-1.5 py-0.5 text-[11px] font-semibold ring-1 ring-inset ${HEALTH_STYLE[level]}`}>
        {level === 'needs-attention' ? tp('popup_healthAttentionShort') : label}
      </span>
      <span class="sr-only">{label}</span>
    </span>
  );
}

/** Days in the current stage, marked when past the won deals' bound; the stage and the won deals' times in the tooltip. */
export function DaysInStageCell({ row }: { row: PipelineRow }) {
  const days = row.daysInStage;
  if (days === null || days === undefined) return <EmptyValue />;
  const title =
    stageTimeShort({ stage: row.stage, days, medianDays: row.stageMedianDays ?? null, stalledAfterDays: row.stalledAfterDays ?? null }) ?? String(days);
  const text = tp('popup_daysShort', { days: formatNumber(days) });
  return (
    <span
      class="flex min-w-0 items-center justify-end gap-1"
      title={row.stalled ? `${title} · ${tp('popup_stalled')}` : title}
      data-stalled={row.stalled ? '' : undefined}
    >
      {row.stalled && <StalledIcon />}
      <span class={`truncate tabular-nums ${row.stalled ? 'font-semibold text-amber-700 dark:text-amber-400' : ''}`}>{text}</span>
      {row.stalled && <span class="sr-only">{tp('popup_stalled')}</span>}
    </span>
  );
}

/** An hourglass: the deal has been in its stage longer than 4 in 5 won deals were. */
function StalledIcon() {
  return (
    <svg viewBox="0 0 16 16" width="12" height="12" class="shrink-0 text-amber-600 dark:text-amber-400" aria-hidden="true">
      <path
        fill="currentColor"
        d="M3.5 1.5h9a.75.75 0 0 1 0 1.5h-.5v1.3a3.5 3.5 0 0 1-1.6 2.94L9.2 8l1.2.76A3.5 3.5 0 0 1 12 11.7V13h.5a.75.75 0 0 1 0 1.5h-9a.75.75 0 0 1 0-1.5H4v-1.3a3.5 3.5 0 0 1 1.6-2.94L6.8 8l-1.2-.76A3.5 3.5 0 0 1 4 4.3V3h-.5a.75.75 0 0 1 0-1.5Zm2 1.5v1.3c0 .68.35 1.32.92 1.68L8 7l1.58-1.02c.57-.36.92-1 .92-1.68V3h-5Z"
      />
    </svg>
  );
}
