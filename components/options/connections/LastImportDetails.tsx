import type { ConnectionRecord } from '../../../lib/store/schema';
import { t } from '../i18n';
import { cls } from '../ui/classes';
import { formatLabel, ImportSummary } from './ImportSummary';

/** An existing file-based connection's last import, folded to one line until opened. */
export function LastImportDetails({ connection }: { connection: ConnectionRecord }) {
  const summary = connection.lastImport;
  if (!summary) return null;
  const line = [formatLabel(summary.format), t('options_lastImportRows', { count: summary.rows })];
  if (summary.rejected.length > 0) line.push(t('options_lastImportRejected', { count: summary.rejected.length }));
  if (summary.warnings.length > 0) line.push(t('options_lastImportWarnings', { count: summary.warnings.length }));
  return (
    <details class="group">
      <summary
        class={`inline-flex cursor-pointer list-none items-center gap-1.5 rounded text-xs text-slate-600 select-none hover:text-slate-900 dark:text-slate-400 dark:hover:text-white ${cls.focus}`}
      >
        <span aria-hidden="true" class="inline-block transition-transform group-open:rotate-90">
          ▸
        </span>
        <span class="font-medium">{t('options_connectionsLastImport')}</span>
        <span>· {line.join(' · ')}</span>
      </summary>
      <div class="mt-3">
        <ImportSummary summary={summary} />
      </div>
    </details>
  );
}
