/**
 * One existing connection: its label and kind, when it last synced, what its models were
 * trained on, the job running for it, and "Remove" (after a confirmation step).
 */
import { useRef, useState } from 'preact/hooks';
import { formatNumber } from '../../../lib/format';
import { ago, dayOf } from '../time';
import type { ConnectionRecord } from '../../../lib/store/schema';
import { errorText, t, KIND_LABEL } from '../i18n';
import { useOptions } from '../state';
import { useNow } from '../useNow';
import { Badge } from '../../ui';
import { cls } from '../ui/classes';
import { InlineConfirm, useFocusReturn } from '../ui/InlineConfirm';
import { JobProgress } from '../ui/JobProgress';
import { Notice } from '../ui/Notice';
import { connectionKind } from './registry';

export function ConnectionCard({
  connection,
  onRemoved,
}: {
  connection: ConnectionRecord;
  /** `notUndone`: why the CRM could not be told (a Salesforce OAuth token left to revoke there), or null. */
  onRemoved: (label: string, notUndone: string | null) => void;
}) {
  const state = useOptions();
  const now = useNow();
  const [confirming, setConfirming] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  useFocusReturn(confirming, removeButton);

  const model = state.models.value.get(connection.id);
  const running = state.activeJobs.value.find((job) => job.connectionId === connection.id);
  const Details = connectionKind(connection.kind)?.Details;
  const titleId = `connection-${connection.id}-title`;

  async function remove(): Promise<void> {
    setRemoving(true);
    setError(null);
    try {
      const { notUndone } = await state.source.deleteConnection(connection.id);
      onRemoved(connection.label, notUndone);
      await state.reload();
    } catch (caught) {
      setError(t('options_connectionsRemoveFailed', { label: connection.label, error: errorText(caught) }));
      setRemoving(false);
      setConfirming(false);
    }
  }

  return (
    <li class={`${cls.card} space-y-3`} aria-labelledby={titleId} data-testid="connection-card">
      <div class="flex items-start gap-3">
        <KindIcon kind={connection.kind} />
        <div class="min-w-0 flex-1 space-y-1">
          <div class="flex flex-wrap items-center gap-2">
            <h4 id={titleId} class="min-w-0 truncate text-sm font-semibold text-slate-900 dark:text-white" title={connection.label}>
              {connection.label}
            </h4>
            <Badge>{t(KIND_LABEL[connection.kind])}</Badge>
          </div>
          <p class="text-xs text-slate-600 dark:text-slate-400">
            {connection.syncedAt ? (
              <time dateTime={connection.syncedAt} title={dayOf(connection.syncedAt)}>
                {t('options_connectionsLastSync', { when: ago(connection.syncedAt, now) })}
              </time>
            ) : (
              t('options_connectionsNeverSynced')
            )}
          </p>
        </div>
        {!confirming && (
          <button
            ref={removeButton}
            type="button"
            class={cls.quiet}
            aria-label={t('options_connectionsRemoveLabel', { label: connection.label })}
            disabled={running !== undefined}
            onClick={() => setConfirming(true)}
          >
            {t('options_connectionsRemove')}
          </button>
        )}
      </div>

      {model ? (
        <ul class="flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-700 tabular-nums dark:text-slate-300" aria-label={t('options_connectionsCounts')}>
          <li class="font-medium text-slate-900 dark:text-white">
            {t(connectionKind(connection.kind)?.countLabel ?? 'options_connectionsOpportunities', { count: model.counts.opportunities })}
          </li>
          <li>
            {t('options_connectionsClosedSplit', {
              closed: formatNumber(model.counts.closed),
              won: formatNumber(model.counts.won),
              lost: formatNumber(model.counts.lost),
            })}
          </li>
          <li>{t('options_connectionsOpen', { open: formatNumber(model.counts.open) })}</li>
        </ul>
      ) : (
        <p class={`text-sm ${cls.muted}`}>{t('options_connectionsNotTrained')}</p>
      )}

      {running && <JobProgress job={running} size="sm" />}
      {Details && <Details connection={connection} />}
      {error && <Notice tone="error">{error}</Notice>}

      {confirming && (
        <InlineConfirm
          title={t('options_connectionsRemoveQuestion', { label: connection.label })}
          confirmLabel={t('options_connectionsRemoveConfirm')}
          busyLabel={t('options_connectionsRemoving')}
          busy={removing}
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        >
          <p class="text-sm text-rose-900 dark:text-rose-100">{t('options_connectionsRemoveExplain')}</p>
        </InlineConfirm>
      )}
    </li>
  );
}

function KindIcon({ kind }: { kind: ConnectionRecord['kind'] }) {
  const styles: Record<ConnectionRecord['kind'], { box: string; text: string }> = {
    csv: { box: 'bg-emerald-100 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300', text: 'CSV' },
    sandbox: { box: 'bg-amber-100 text-amber-700 dark:bg-amber-950 dark:text-amber-300', text: 'SBX' },
    salesforce: { box: 'bg-sky-100 text-sky-700 dark:bg-sky-950 dark:text-sky-300', text: 'SF' },
    hubspot: { box: 'bg-orange-100 text-orange-700 dark:bg-orange-950 dark:text-orange-300', text: 'HS' },
  };
  const style = styles[kind];
  return (
    <span aria-hidden="true" class={`flex size-9 shrink-0 items-center justify-center rounded-lg text-[0.65rem] font-bold tracking-wide ${style.box}`}>
      {style.text}
    </span>
  );
}
