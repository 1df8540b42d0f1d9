/**
 * "Check before importing": shown when a file has something to ask before it is stored
 * (issue 14). The column the outcome is read from, said or asked (OutcomePicker; issue 15);
 * its stage map, with the stages whose names say the deal ended without a sale
 * (Dead, Disqualified, Lost (duplicate)…) proposed as lost and marked, each changeable; and,
 * when the file would replace far more opportunities than it brings, how many, on the
 * button itself. Nothing is stored until the user confirms. Stage names are CRM text:
 * rendered as text only.
 */
import { useState } from 'preact/hooks';
import type { StageMapEntry } from '../../../lib/crm/csv/import';
import type { StageChoice } from '../../../lib/crm/csv/outcome';
import { replacesWithFarFewer } from '../../../lib/crm/csv/replacing';
import { asksAboutOutcome, type CsvReview } from '../../../lib/crm/csv/review';
import { formatNumber } from '../../../lib/format';
import type { ImportChoices } from '../../../lib/store/schema';
import { t } from '../i18n';
import { cls } from '../ui/classes';
import { Notice } from '../ui/Notice';
import { initialPick, OutcomePicker, pickChanged, pickComplete, type OutcomePick } from './OutcomePicker';

/** Stages listed: every proposal, then the most frequent others up to this many. */
export const STAGES_SHOWN = 20;

/** What a select may say: a choice, or "as the name says" for a bare Closed stage whose result the other columns give. */
type Reading = StageChoice | 'closed';

export interface ImportReviewProps {
  fileName: string;
  review: CsvReview;
  /** CSV opportunities stored now, which the import replaces. */
  stored: number;
  onConfirm: (choices: ImportChoices) => void;
  onCancel: () => void;
}

export function ImportReview({ fileName, review, stored, onConfirm, onCancel }: ImportReviewProps) {
  const [readings, setReadings] = useState<ReadonlyMap<number, Reading>>(() => new Map(review.stageMap.map((e, i) => [i, e.outcome])));
  const [pick, setPick] = useState<OutcomePick>(() => initialPick(review));
  const fewer = replacesWithFarFewer(stored, review.opportunities);
  const asksOutcome = asksAboutOutcome(review);
  const ready = pickComplete(review, pick);
  const proposed = review.stageMap.filter((e) => e.basis === 'proposed');
  const shown = review.stageMap.slice(0, Math.max(STAGES_SHOWN, proposed.length));
  const hidden = review.stageMap.length - shown.length + review.stageMapOmitted;

  function confirm(): void {
    const stages: Array<[string, StageChoice]> = [];
    review.stageMap.forEach((entry, i) => {
      const reading = readings.get(i) ?? entry.outcome;
      // A proposal is confirmed by name, a change made by name; the rest stay as their names say.
      if (reading !== 'closed' && (entry.basis === 'proposed' || reading !== entry.outcome)) stages.push([entry.stage, reading]);
    });
    const choices: ImportChoices = {};
    if (stages.length > 0) choices.stages = stages;
    const column = review.outcomeCandidates.find((c) => c.column === pick.column);
    if (column !== undefined && pick.won !== null && pickChanged(review, pick)) choices.outcome = { column: column.header, won: pick.won };
    if (fewer) choices.replaceFewer = true;
    onConfirm(choices);
  }

  return (
    <section class="space-y-3 rounded-lg border border-slate-200 p-3 sm:p-4 dark:border-slate-700" data-testid="csv-review" aria-labelledby="csv-review-title">
      <h4 id="csv-review-title" class={cls.h3}>
        {t('options_reviewTitle', { file: fileName })}
      </h4>
      <p class={`text-sm ${cls.muted}`}>
        {t('options_reviewCounts', { count: review.opportunities })} {review.rejected > 0 && t('options_reviewRejected', { count: review.rejected })}
      </p>

      {fewer && (
        <Notice tone="warning" live={false}>
          <p data-testid="csv-review-fewer">{t('options_reviewFewer', { file: fileName, rows: review.opportunities, stored })}</p>
          <p class="text-xs opacity-90">{t('options_reviewFewerWhy')}</p>
        </Notice>
      )}

      {asksOutcome && <OutcomePicker review={review} pick={pick} onChange={setPick} />}

      {review.stageMap.length > 0 && (
        <div class="space-y-2">
          <p class="text-sm text-slate-700 dark:text-slate-200">{proposed.length > 0 ? t('options_reviewStagesProposed') : t('options_reviewStages')}</p>
          <div class="overflow-x-auto rounded-md border border-slate-200 dark:border-slate-700">
            <table class="w-full text-left text-sm" data-testid="csv-stage-map">
              <thead class="bg-slate-50 text-xs text-slate-600 uppercase dark:bg-slate-800 dark:text-slate-300">
                <tr>
                  <th scope="col" class="px-3 py-1.5 font-semibold">
                    {t('options_reviewStage')}
                  </th>
                  <th scope="col" class="px-3 py-1.5 text-right font-semibold">
                    {t('options_reviewRows')}
                  </th>
                  <th scope="col" class="px-3 py-1.5 font-semibold">
                    {t('options_reviewReadAs')}
                  </th>
                </tr>
              </thead>
              <tbody class="divide-y divide-slate-100 dark:divide-slate-800">
                {shown.map((entry, i) => (
                  <StageRow
                    key={i}
                    entry={entry}
                    reading={readings.get(i) ?? entry.outcome}
                    onChange={(reading) => setReadings((current) => new Map(current).set(i, reading))}
                  />
                ))}
              </tbody>
            </table>
          </div>
          {hidden > 0 && <p class={`text-xs ${cls.muted}`}>{t('options_reviewMoreStages', { count: hidden })}</p>}
        </div>
      )}

      <div class="flex flex-wrap gap-2 pt-1">
        <button type="button" class={cls.primary} data-testid="csv-review-confirm" disabled={!ready} onClick={confirm}>
          {fewer ? t('options_reviewReplace', { stored, rows: review.opportunities }) : t('options_reviewImport')}
        </button>
        <button type="button" class={cls.secondary} data-testid="csv-review-cancel" onClick={onCancel}>
          {t('options_reviewCancel')}
        </button>
      </div>
    </section>
  );
}

const READINGS: ReadonlyArray<[StageChoice, 'options_reviewWon' | 'options_reviewLost' | 'options_reviewOpen']> = [
  ['won', 'options_reviewWon'],
  ['lost', 'options_reviewLost'],
  ['open', 'options_reviewOpen'],
];

function StageRow({ entry, reading, onChange }: { entry: StageMapEntry; reading: Reading; onChange: (reading: Reading) => void }) {
  const proposed = entry.basis === 'proposed';
  return (
    <tr class={proposed ? 'bg-amber-50/70 dark:bg-amber-950/30' : undefined} data-proposed={proposed ? 'true' : undefined}>
      <td class="px-3 py-1.5 text-slate-900 dark:text-slate-100">
        <span class="block max-w-[22rem] truncate" title={entry.stage}>
          {entry.stage}
        </span>
        {proposed && entry.word !== undefined && (
          <span class="mt-0.5 inline-block rounded bg-amber-100 px-1.5 py-px text-xs text-amber-900 dark:bg-amber-900/60 dark:text-amber-100">
            {t('options_reviewProposed', { word: entry.word })}
          </span>
        )}
      </td>
      <td class="px-3 py-1.5 text-right text-slate-700 tabular-nums dark:text-slate-300">{formatNumber(entry.rows)}</td>
      <td class="px-3 py-1.5">
        <select
          class={`${cls.input} py-1`}
          aria-label={t('options_reviewReadAsLabel', { stage: entry.stage })}
          value={reading}
          onChange={(event) => onChange((event.currentTarget as HTMLSelectElement).value as Reading)}
        >
          {entry.outcome === 'closed' && <option value="closed">{t('options_reviewClosed')}</option>}
          {READINGS.map(([value, key]) => (
            <option key={value} value={value}>
              {t(key)}
            </option>
          ))}
        </select>
      </td>
    </tr>
  );
}
