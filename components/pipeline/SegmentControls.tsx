/**
 * Saved segments: apply one from a list, save the current filters under a name, delete
 * the one applied. A segment is "applied" when its filters equal the current ones, so
 * changing any filter by hand simply leaves it.
 */
import type { JSX } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { PipelineFilters } from '../../lib/pipeline/filter';
import { matchingSegment, parseFilters, SEGMENT_NAME_MAX, segmentNameProblem } from '../../lib/pipeline/segments';
import type { SegmentRecord } from '../../lib/store/schema';
import { BUTTON, FIELD, PRIMARY_BUTTON } from './controls';
import { tp } from './i18n';

export interface SegmentControlsProps {
  segments: readonly SegmentRecord[];
  filters: PipelineFilters;
  onApply: (filters: PipelineFilters) => void;
  /** Rejects with an error people can read when the store refuses. */
  onSave: (name: string) => Promise<void>;
  onDelete: (segment: SegmentRecord) => Promise<void>;
}

export function SegmentControls({ segments, filters, onApply, onSave, onDelete }: SegmentControlsProps) {
  const id = useId();
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const saveButtonRef = useRef<HTMLButtonElement>(null);
  const active = matchingSegment(segments, filters);

  useEffect(() => {
    if (saving) inputRef.current?.focus();
  }, [saving]);

  const close = (): void => {
    setSaving(false);
    setName('');
    setError(null);
    // Back to where the user started, so keyboard users are not dropped at the page top.
    requestAnimationFrame(() => saveButtonRef.current?.focus());
  };

  const submit = async (event: JSX.TargetedEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const problem = segmentNameProblem(name, segments);
    if (problem) {
      setError(
        problem === 'empty'
          ? tp('popup_segmentNameEmpty')
          : problem === 'too-long'
            ? tp('popup_segmentNameTooLong', { max: SEGMENT_NAME_MAX })
            : tp('popup_segmentNameDuplicate'),
      );
      return;
    }
    setBusy(true);
    try {
      await onSave(name.trim());
      close();
    } catch (e) {
      setError(tp('popup_segmentSaveFailed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  if (saving) {
    return (
      <form
        class="relative flex items-center gap-1.5"
        onSubmit={submit}
        onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), close())}
        data-testid="segment-form"
      >
        <label class="min-w-0">
          <span class="sr-only">{tp('popup_segmentNameLabel')}</span>
          <input
            ref={inputRef}
            value={name}
            onInput={(e) => {
              setName(e.currentTarget.value);
              setError(null);
            }}
            placeholder={tp('popup_segmentNamePlaceholder')}
            maxLength={SEGMENT_NAME_MAX + 20}
            aria-invalid={error !== null}
            aria-describedby={error ? `${id}-error` : undefined}
            class={`${FIELD} w-44 ${error ? 'border-rose-500 dark:border-rose-400' : ''}`}
          />
        </label>
        <button type="submit" class={PRIMARY_BUTTON} disabled={busy}>
          {tp('popup_segmentConfirm')}
        </button>
        <button type="button" class={BUTTON} onClick={close}>
          {tp('popup_segmentCancel')}
        </button>
        {error && (
          <p
            id={`${id}-error`}
            role="alert"
            class="absolute top-full left-0 z-10 mt-1 max-w-72 rounded-md bg-rose-600 px-2 py-1 text-[11px] font-medium text-white shadow-md dark:bg-rose-500"
          >
            {error}
          </p>
        )}
      </form>
    );
  }

  return (
    <div class="flex items-center gap-1.5" data-testid="segments">
      {segments.length > 0 && (
        <label class="min-w-0">
          <span class="sr-only">{tp('popup_segmentLabel')}</span>
          <select
            value={active?.id !== undefined ? String(active.id) : ''}
            onChange={(e) => {
              const chosen = segments.find((s) => String(s.id) === e.currentTarget.value);
              if (chosen) onApply(parseFilters(chosen.filters));
            }}
            class={`${FIELD} w-36 ${active ? 'border-sky-500 dark:border-sky-400' : ''}`}
            data-filter="segment"
          >
            <option value="" disabled={active !== null}>
              {tp('popup_segmentNone')}
            </option>
            {segments.map((segment) => (
              <option key={segment.id} value={String(segment.id)}>
                {segment.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {active ? (
        <button
          type="button"
          class={`${BUTTON} px-2`}
          disabled={busy}
          aria-label={tp('popup_segmentDelete', { name: active.name })}
          title={tp('popup_segmentDelete', { name: active.name })}
          onClick={async () => {
            setBusy(true);
            try {
              await onDelete(active);
            } catch (e) {
              setError(tp('popup_segmentDeleteFailed', { message: e instanceof Error ? e.message : String(e) }));
            } finally {
              setBusy(false);
            }
          }}
        >
          <TrashIcon />
        </button>
      ) : (
        <button ref={saveButtonRef} type="button" class={BUTTON} title={tp('popup_segmentSaveTitle')} onClick={() => setSaving(true)}>
          <BookmarkIcon />
          {tp('popup_segmentSave')}
        </button>
      )}
      {error && !saving && (
        <span role="alert" class="text-[11px] text-rose-600 dark:text-rose-400">
          {error}
        </span>
      )}
    </div>
  );
}

function BookmarkIcon() {
  return (
    <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" class="shrink-0">
      <path
        fill="currentColor"
        d="M4 1.75C4 1.34 4.34 1 4.75 1h6.5c.41 0 .75.34.75.75v12.5a.75.75 0 0 1-1.2.6L8 12.56l-2.8 2.29A.75.75 0 0 1 4 14.25V1.75Zm1.5.75v10.17l2.05-1.68a.75.75 0 0 1 .9 0l2.05 1.68V2.5h-5Z"
      />
    </svg>
  );
}

function TrashIcon() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" class="shrink-0">
      <path
        fill="currentColor"
        d="M6.5 1h3a1.5 1.5 0 0 1 1.5 1.5V3h2.25a.75.75 0 0 1 0 1.5h-.32l-.62 8.68A2 2 0 0 1 10.32 15H5.68a2 2 0 0 1-1.99-1.82L3.07 4.5h-.32a.75.75 0 0 1 0-1.5H5v-.5A1.5 1.5 0 0 1 6.5 1Zm0 1.5V3h3v-.5h-3ZM4.57 4.5l.62 8.57a.5.5 0 0 0 .5.43h4.63a.5.5 0 0 0 .5-.43l.6-8.57H4.58Z"
      />
    </svg>
  );
}
