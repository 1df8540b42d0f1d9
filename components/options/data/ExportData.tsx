/** Export scored opportunities as CSV (the store's `exportScoredCsv`), for one connection or all. */
import { useId, useState } from 'preact/hooks';
import { errorText, t } from '../i18n';
import { useOptions } from '../state';
import { cls } from '../ui/classes';
import { Notice } from '../ui/Notice';
import { downloadText, exportFileName } from './download';

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; file: string } | { kind: 'error'; message: string };

export function ExportData() {
  const state = useOptions();
  const id = useId();
  const [which, setWhich] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const connections = state.connections.value;
  const none = connections.length === 0;

  async function run(): Promise<void> {
    setStatus({ kind: 'busy' });
    try {
      const csv = await state.source.exportCsv(which || undefined);
      const file = exportFileName();
      downloadText(csv, file);
      setStatus({ kind: 'done', file });
    } catch (error) {
      setStatus({ kind: 'error', message: t('options_dataExportFailed', { error: errorText(error) }) });
    }
  }

  return (
    <div class="space-y-3">
      <div class="space-y-1">
        <h3 class={cls.h3}>{t('options_dataExport')}</h3>
        <p class={`text-sm ${cls.muted}`}>{t('options_dataExportDescription')}</p>
      </div>
      <div class="flex flex-wrap items-end gap-3">
        {connections.length > 1 && (
          <div class="space-y-1">
            <label for={`${id}-which`} class={`block ${cls.label}`}>
              {t('options_dataExportWhich')}
            </label>
            <select id={`${id}-which`} class={cls.input} value={which} onChange={(event) => setWhich(event.currentTarget.value)}>
              <option value="">{t('options_dataExportAll')}</option>
              {connections.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
        )}
        <button type="button" class={cls.primary} disabled={none || status.kind === 'busy'} onClick={() => void run()}>
          {status.kind === 'busy' ? t('options_dataExporting') : t('options_dataExportButton')}
        </button>
        {none && <p class={`text-sm ${cls.muted}`}>{t('options_dataExportNothing')}</p>}
      </div>
      {status.kind === 'done' && <Notice tone="success">{t('options_dataExported', { file: status.file })}</Notice>}
      {status.kind === 'error' && <Notice tone="error">{status.message}</Notice>}
    </div>
  );
}
