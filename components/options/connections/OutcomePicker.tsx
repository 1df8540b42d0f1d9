/**
 * The import preview's outcome column (issue 15): which column says whether a deal was won,
 * and which of its values means won. Recognized, it is said and can be changed; not to be
 * told (no such column, or two), it is asked, and the import waits for the answer. Every
 * other value of the column is lost, an empty cell open. Column names and values are file
 * content: rendered as text only.
 */
import { useId } from 'preact/hooks';
import type { OutcomeCandidate } from '../../../lib/crm/csv/outcome-column';
import type { CsvReview } from '../../../lib/crm/csv/review';
import { formatNumber } from '../../../lib/format';
import { t } from '../i18n';
import { cls } from '../ui/classes';
import { Notice } from '../ui/Notice';

/** The user's pick: a candidate by its position in the file, and its won value as written. */
export interface OutcomePick {
  column: number | null;
  won: string | null;
}

/** The pick the review starts from: the recognized column and value, or nothing when the user must choose. */
export function initialPick(review: CsvReview): OutcomePick {
  return review.outcome === null ? { column: null, won: null } : { column: review.outcome.column, won: review.outcome.won };
}

/** Whether the pick says something the importer would not do by itself: then it travels with the upload. */
export function pickChanged(review: CsvReview, pick: OutcomePick): boolean {
  if (review.outcomeUnknown) return true;
  return review.outcome !== null && (pick.column !== review.outcome.column || pick.won !== review.outcome.won);
}

/** Whether the import can go ahead: the outcome needs a column and a won value. */
export function pickComplete(review: CsvReview, pick: OutcomePick): boolean {
  return !review.outcomeUnknown || (pick.column !== null && pick.won !== null);
}

export interface OutcomePickerProps {
  review: CsvReview;
  pick: OutcomePick;
  onChange: (pick: OutcomePick) => void;
}

export function OutcomePicker({ review, pick, onChange }: OutcomePickerProps) {
  const id = useId();
  const candidates = review.outcomeCandidates;
  const chosen = candidates.find((c) => c.column === pick.column) ?? null;

  function chooseColumn(value: string): void {
    const candidate = candidates.find((c) => String(c.column) === value) ?? null;
    onChange({ column: candidate?.column ?? null, won: candidate?.suggestedWon ?? null });
  }

  return (
    <div class="space-y-2" data-testid="csv-outcome">
      {review.outcomeUnknown ? (
        <Notice tone="warning" live={false}>
          <p data-testid="csv-outcome-unknown">{t('options_reviewOutcomeUnknown')}</p>
        </Notice>
      ) : (
        review.outcome !== null && (
          <p class="text-sm text-slate-700 dark:text-slate-200" data-testid="csv-outcome-recognized">
            {t('options_reviewOutcomeRecognized', { column: review.outcome.label, won: review.outcome.won })}
          </p>
        )
      )}
      <div class="flex flex-wrap items-end gap-3">
        <div class="space-y-1">
          <label class={cls.label} for={`${id}-column`}>
            {t('options_reviewOutcomeColumn')}
          </label>
          <select
            id={`${id}-column`}
            class={`${cls.input} max-w-[22rem] py-1`}
            data-testid="csv-outcome-column"
            value={pick.column === null ? '' : String(pick.column)}
            onChange={(event) => chooseColumn((event.currentTarget as HTMLSelectElement).value)}
          >
            {pick.column === null && <option value="">{t('options_reviewOutcomePickColumn')}</option>}
            {candidates.map((c) => (
              <option key={c.column} value={String(c.column)}>
                {t('options_reviewOutcomeColumnOption', { column: c.label, count: c.values.length })}
              </option>
            ))}
          </select>
        </div>
        {chosen !== null && (
          <div class="space-y-1">
            <label class={cls.label} for={`${id}-won`}>
              {t('options_reviewOutcomeWon')}
            </label>
            <select
              id={`${id}-won`}
              class={`${cls.input} max-w-[22rem] py-1`}
              data-testid="csv-outcome-won"
              value={pick.won ?? ''}
              onChange={(event) => {
                const value = (event.currentTarget as HTMLSelectElement).value;
                onChange({ column: chosen.column, won: value === '' ? null : value });
              }}
            >
              {pick.won === null && <option value="">{t('options_reviewOutcomePickWon')}</option>}
              {chosen.values.map((v) => (
                <option key={v.value} value={v.value}>
                  {t('options_reviewOutcomeValueOption', { value: v.value, rows: formatNumber(v.rows) })}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {chosen !== null && pick.won !== null && (
        <p class={`text-xs ${cls.muted}`} data-testid="csv-outcome-counts">
          {t('options_reviewOutcomeCounts', countsOf(chosen, pick.won))}
        </p>
      )}
    </div>
  );
}

/** What the pick reads: the won value's rows won, the other values' lost, empty cells open. */
function countsOf(candidate: OutcomeCandidate, won: string): { won: string; lost: string; open: string } {
  let wonRows = 0;
  let lostRows = 0;
  for (const v of candidate.values) {
    if (v.value === won) wonRows += v.rows;
    else lostRows += v.rows;
  }
  return { won: formatNumber(wonRows), lost: formatNumber(lostRows), open: formatNumber(candidate.emptyRows) };
}
