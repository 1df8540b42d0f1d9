/**
 * What an import reported: the format it detected, how many opportunities it kept, the rows
 * it rejected (line and reason, the first 200) and its warnings (date order, duplicates…).
 * File names, reasons and warnings quote CRM text: rendered as text only.
 */
import type { ComponentChildren } from 'preact';
import type { ImportSummary as Summary } from '../../../lib/store/schema';
import { formatNumber } from '../../../lib/format';
import { t, type PlainKey } from '../i18n';
import { cls } from '../ui/classes';

/** Rejected rows listed on the page; the rest are counted. */
export const REJECTED_SHOWN = 200;

const FORMATS: Record<string, PlainKey> = {
  salesforce: 'options_importFormatSalesforce',
  hubspot: 'options_importFormatHubspot',
  generic: 'options_importFormatGeneric',
};

export function formatLabel(format: string): string {
  const key = FORMATS[format];
  return key ? t(key) : format;
}

export function ImportSummary({ summary }: { summary: Summary }) {
  const rejected = summary.rejected;
  const shown = rejected.slice(0, REJECTED_SHOWN);
  return (
    <div class="space-y-3 text-sm" data-testid="import-summary">
      <dl class="flex flex-wrap gap-x-10 gap-y-2">
        {summary.fileName !== null && (
          <Fact label={t('options_importFile')} wide>
            <span class="block truncate" title={summary.fileName}>
              {summary.fileName}
            </span>
          </Fact>
        )}
        <Fact label={t('options_importFormat')}>{formatLabel(summary.format)}</Fact>
        <Fact label={t('options_importRows')}>{formatNumber(summary.rows)}</Fact>
        <Fact label={t('options_importRejected')}>
          <span class={rejected.length > 0 ? 'text-amber-700 dark:text-amber-300' : undefined}>{formatNumber(rejected.length)}</span>
        </Fact>
      </dl>

      {summary.warnings.length > 0 && (
        <div class="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 dark:border-amber-900 dark:bg-amber-950/50">
          <p class="text-xs font-semibold tracking-wide text-amber-900 uppercase dark:text-amber-200">{t('options_importWarnings')}</p>
          <ul class="mt-1 list-disc space-y-0.5 pl-5 text-amber-900 dark:text-amber-100">
            {summary.warnings.map((warning, i) => (
              <li key={i}>{warning}</li>
            ))}
          </ul>
        </div>
      )}

      {rejected.length > 0 && (
        <details class="group rounded-lg border border-slate-200 dark:border-slate-700">
          <summary
            class={`cursor-pointer list-none rounded-lg px-3 py-2 font-medium text-slate-700 select-none hover:bg-slate-50 dark:text-slate-200 dark:hover:bg-slate-800 ${cls.focus}`}
          >
            <span aria-hidden="true" class="mr-1.5 inline-block transition-transform group-open:rotate-90">
              ▸
            </span>
            {t('options_importShowRejected', { count: rejected.length })}
          </summary>
          <div class="max-h-80 overflow-auto border-t border-slate-200 dark:border-slate-700">
            <table class="w-full text-left text-sm">
              <thead class="sticky top-0 bg-slate-50 text-xs text-slate-500 uppercase dark:bg-slate-800 dark:text-slate-400">
                <tr>
                  <th scope="col" class="w-20 px-3 py-1.5 font-medium">
                    {t('options_importLine')}
                  </th>
                  <th scope="col" class="px-3 py-1.5 font-medium">
                    {t('options_importReason')}
                  </th>
                </tr>
              </thead>
              <tbody class="divide-y divide-slate-100 dark:divide-slate-800">
                {shown.map((row, i) => (
                  <tr key={`${row.line}-${i}`}>
                    <td class="px-3 py-1.5 align-top text-slate-500 tabular-nums dark:text-slate-400">{formatNumber(row.line)}</td>
                    <td class="px-3 py-1.5 break-words text-slate-800 dark:text-slate-200">{row.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {rejected.length > shown.length && (
              <p class="border-t border-slate-200 px-3 py-2 text-xs text-slate-500 dark:border-slate-700 dark:text-slate-400">
                {t('options_importMoreRejected', { count: rejected.length - shown.length })}
              </p>
            )}
          </div>
        </details>
      )}
    </div>
  );
}

function Fact({ label, wide, children }: { label: string; wide?: boolean; children: ComponentChildren }) {
  return (
    <div class={`min-w-0 ${wide ? 'max-w-full sm:max-w-80' : ''}`}>
      <dt class="text-xs text-slate-500 dark:text-slate-400">{label}</dt>
      <dd class="font-medium text-slate-900 tabular-nums dark:text-slate-100">{children}</dd>
    </div>
  );
}
