/**
 * "Import a CSV export": a file input and a drop zone. The page reads the file's bytes (the
 * importer decodes them: UTF-8, UTF-16, Windows-1252), has a worker read it once to see
 * whether there is anything to ask (stages proposed as lost, the outcome column, far fewer
 * deals than are stored: ImportReview), then stores it with the answers (`putUpload`) and asks the
 * background to import it ('start-import'); the import job's events drive the progress
 * bar, then its summary is shown. A refused or failed import leaves the store as it was,
 * and says so.
 */
import { useState } from 'preact/hooks';
import { replacesWithFarFewer } from '../../../lib/crm/csv/replacing';
import { asksAboutOutcome, hasProposedStages, type CsvReview } from '../../../lib/crm/csv/review';
import type { ImportChoices, JobRecord } from '../../../lib/store/schema';
import { formatBytes } from '../bytes';
import { errorText, t } from '../i18n';
import { useOptions } from '../state';
import { cls } from '../ui/classes';
import { JobProgress } from '../ui/JobProgress';
import { Notice } from '../ui/Notice';
import { ProgressBar } from '../ui/ProgressBar';
import { CSV_ACCEPT, MAX_CSV_BYTES, readCsvFile } from './csv-file';
import { ImportReview } from './ImportReview';
import { ImportSummary } from './ImportSummary';
import { useFollowUp, useTrackedJob } from './useTrackedJob';
import { jobError, jobSummary } from '../../../lib/i18n/job-text';

type Step = 'reading' | 'checking' | 'storing' | 'starting';

type Local =
  | { kind: 'idle' }
  | { kind: 'refused'; message: string }
  | { kind: 'preparing'; step: Step; fileName: string }
  /** The review asks something: nothing is stored until the user answers. */
  | { kind: 'confirming'; fileName: string; bytes: ArrayBuffer; review: CsvReview; stored: number }
  /** The importer refused the file when the page reviewed it. */
  | { kind: 'rejected'; fileName: string; message: string }
  | { kind: 'dismissed'; fileName: string }
  | { kind: 'failed'; message: string }
  | { kind: 'tracking'; fileName: string };

export function CsvConnection() {
  const state = useOptions();
  const [local, setLocal] = useState<Local>({ kind: 'idle' });
  const [dragging, setDragging] = useState(false);
  const { job, gone, track } = useTrackedJob('import');
  const followUp = useFollowUp(job);
  const busy = local.kind === 'preparing' || local.kind === 'confirming' || (job !== undefined && (job.status === 'queued' || job.status === 'running'));

  async function importFile(file: File): Promise<void> {
    const fileName = file.name;
    setLocal({ kind: 'preparing', step: 'reading', fileName });
    let bytes: ArrayBuffer;
    try {
      const reading = await readCsvFile(file);
      if (!reading.ok) {
        setLocal({ kind: 'refused', message: reading.message });
        return;
      }
      bytes = reading.bytes;
    } catch (error) {
      setLocal({ kind: 'failed', message: t('options_csvReadFailed', { file: fileName, error: errorText(error) }) });
      return;
    }
    setLocal({ kind: 'preparing', step: 'checking', fileName });
    let answer: Awaited<ReturnType<typeof state.source.reviewCsv>> | null = null;
    try {
      answer = await state.source.reviewCsv(fileName, bytes);
    } catch {
      // A review that cannot run (no worker) must not block the import: the job reads the
      // stage map by the names, and refuses to replace far more deals than the file has.
      answer = null;
    }
    if (answer !== null && !answer.ok) {
      setLocal({ kind: 'rejected', fileName, message: answer.message });
      return;
    }
    if (
      answer !== null &&
      (hasProposedStages(answer.review) || asksAboutOutcome(answer.review) || replacesWithFarFewer(answer.stored, answer.review.opportunities))
    ) {
      setLocal({ kind: 'confirming', fileName, bytes, review: answer.review, stored: answer.stored });
      return;
    }
    await upload(fileName, bytes, {});
  }

  async function upload(fileName: string, bytes: ArrayBuffer, choices: ImportChoices): Promise<void> {
    setLocal({ kind: 'preparing', step: 'storing', fileName });
    let uploadId: number;
    try {
      uploadId = await state.source.putUpload(fileName, bytes, choices);
    } catch (error) {
      setLocal({ kind: 'failed', message: t('options_csvStoreFailed', { file: fileName, error: errorText(error) }) });
      return;
    }
    setLocal({ kind: 'preparing', step: 'starting', fileName });
    try {
      const reply = await state.source.send({ type: 'start-import', uploadId });
      if (!reply.ok) {
        setLocal({ kind: 'failed', message: t('options_csvStartFailed', { error: reply.error }) });
        return;
      }
      track(reply.jobId);
      setLocal({ kind: 'tracking', fileName });
    } catch (error) {
      setLocal({ kind: 'failed', message: t('options_csvStartFailed', { error: errorText(error) }) });
    }
  }

  function takeFiles(files: FileList | null | undefined): void {
    if (!files || files.length === 0) return;
    // A new file: stop showing the previous import's outcome.
    track(null);
    if (files.length > 1) {
      setLocal({ kind: 'refused', message: t('options_csvOneFile') });
      return;
    }
    const file = files[0];
    if (file) void importFile(file);
  }

  const hasFiles = (event: DragEvent): boolean => event.dataTransfer?.types.includes('Files') ?? false;

  return (
    <div class="space-y-4">
      <div
        data-testid="csv-dropzone"
        class={`flex flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed px-4 py-6 text-center transition-colors ${
          dragging
            ? 'border-indigo-500 bg-indigo-50 dark:border-indigo-400 dark:bg-indigo-950/50'
            : 'border-slate-300 bg-slate-50/60 dark:border-slate-700 dark:bg-slate-800/40'
        }`}
        onDragEnter={(event) => {
          if (!hasFiles(event) || busy) return;
          event.preventDefault();
          setDragging(true);
        }}
        onDragOver={(event) => {
          if (!hasFiles(event)) return;
          event.preventDefault();
          if (event.dataTransfer) event.dataTransfer.dropEffect = busy ? 'none' : 'copy';
        }}
        onDragLeave={(event) => {
          const next = event.relatedTarget as Node | null;
          if (!next || !(event.currentTarget as HTMLElement).contains(next)) setDragging(false);
        }}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          if (!busy) takeFiles(event.dataTransfer?.files);
        }}
      >
        <UploadIcon />
        <div class="flex flex-wrap items-center justify-center gap-x-2 gap-y-1 text-sm">
          <label
            class={`${cls.primary} cursor-pointer has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-indigo-600`}
          >
            {t('options_csvChoose')}
            <input
              type="file"
              accept={CSV_ACCEPT}
              class="sr-only"
              disabled={busy}
              data-testid="csv-input"
              onChange={(event) => {
                const target = event.currentTarget;
                takeFiles(target.files);
                // Choosing the same file again must import it again.
                target.value = '';
              }}
            />
          </label>
          <span class={cls.muted}>{dragging ? t('options_csvDropActive') : t('options_csvDropHint')}</span>
        </div>
        <p class={`text-xs ${cls.muted}`}>{t('options_csvLimits', { size: formatBytes(MAX_CSV_BYTES) })}</p>
      </div>

      {local.kind === 'confirming' ? (
        <ImportReview
          fileName={local.fileName}
          review={local.review}
          stored={local.stored}
          onConfirm={(choices) => void upload(local.fileName, local.bytes, choices)}
          onCancel={() => setLocal({ kind: 'dismissed', fileName: local.fileName })}
        />
      ) : (
        !gone && <CsvStatus local={local} job={job} followUp={followUp} />
      )}
    </div>
  );
}

function CsvStatus({ local, job, followUp }: { local: Local; job: JobRecord | undefined; followUp: JobRecord | undefined }) {
  const state = useOptions();
  if (local.kind === 'refused' || local.kind === 'failed') return <Notice tone="error">{local.message}</Notice>;
  if (local.kind === 'rejected') {
    const connection = state.connection('csv');
    return (
      <Notice tone="error">
        <p>{t('options_csvFailed', { file: local.fileName, error: local.message })}</p>
        <p>{connection ? t('options_csvIntact', { label: connection.label }) : t('options_csvIntactNone')}</p>
      </Notice>
    );
  }
  if (local.kind === 'dismissed') return <Notice tone="info">{t('options_csvCheckCancelled', { file: local.fileName })}</Notice>;
  if (local.kind === 'confirming') return null;
  if (local.kind === 'preparing') {
    const label = t(STEP_LABELS[local.step], { file: local.fileName });
    return (
      <div class="space-y-1.5" data-testid="csv-progress">
        <ProgressBar label={t('options_csvImporting', { file: local.fileName })} done={0} total={0} valueText={label} />
        <p class="text-xs text-slate-600 dark:text-slate-400" aria-live="polite">
          {label}
        </p>
      </div>
    );
  }
  const fromJob = job?.params.fileName;
  const fileName = local.kind === 'tracking' ? local.fileName : typeof fromJob === 'string' ? fromJob : null;
  if (!job) {
    if (local.kind !== 'tracking') return null;
    return (
      <div class="space-y-1.5" data-testid="csv-progress">
        <ProgressBar label={t('options_csvImporting', { file: local.fileName })} done={0} total={0} valueText={t('options_jobsStarting')} />
        <p class="text-xs text-slate-600 dark:text-slate-400" aria-live="polite">
          {t('options_jobsStarting')}
        </p>
      </div>
    );
  }
  const title = fileName !== null ? t('options_csvImporting', { file: fileName }) : t('options_jobsKindImport');
  const connection = state.connection(job.connectionId);
  switch (job.status) {
    case 'queued':
    case 'running':
      return (
        <div data-testid="csv-progress">
          <JobProgress job={job} title={title} />
        </div>
      );
    case 'failed':
      return (
        <Notice tone="error">
          <p>{failureText(job, fileName)}</p>
          <p>{connection ? t('options_csvIntact', { label: connection.label }) : t('options_csvIntactNone')}</p>
        </Notice>
      );
    case 'cancelled':
      return <Notice tone="info">{t('options_csvCancelled')}</Notice>;
    case 'done': {
      const summary = connection?.lastImport ?? null;
      return (
        <div class="space-y-3">
          <Notice tone="success">
            <p>{t('options_csvDone', { file: summary?.fileName ?? fileName ?? connection?.label ?? '' })}</p>
            {jobSummary(job, t) && <p class="text-xs opacity-80">{jobSummary(job, t)}</p>}
          </Notice>
          {summary && <ImportSummary summary={summary} />}
          {followUp && <JobProgress job={followUp} size="sm" />}
        </div>
      );
    }
  }
}

const STEP_LABELS = {
  reading: 'options_csvReading',
  checking: 'options_csvChecking',
  storing: 'options_csvStoring',
  starting: 'options_csvStarting',
} as const;

function failureText(job: JobRecord, fileName: string | null): string {
  const error = jobError(job, t);
  if (!error) return t('options_csvFailedUnknown');
  return fileName !== null ? t('options_csvFailed', { file: fileName, error }) : t('options_csvFailedNoFile', { error });
}

function UploadIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" class="size-8 text-slate-400 dark:text-slate-500" fill="none" stroke="currentColor" stroke-width="1.5">
      <path stroke-linecap="round" stroke-linejoin="round" d="M12 16V4m0 0L7.5 8.5M12 4l4.5 4.5M4 15v3a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-3" />
    </svg>
  );
}
