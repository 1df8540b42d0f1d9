import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import type { Persona } from '../../lib/engine/personas';
import { leadFilterReport, type DropReason, type DroppedValue, type LeadFilterReport } from '../../lib/leads';
import { Button } from '../ui/Button';
import { cx } from '../ui/cx';
import { Icon } from '../ui/icons';
import { useLocale } from '../ui/locale';
import { LEAD_PROVIDERS, leadSearch, runLeadSearch, withTicks, type LeadProvider } from './leads';

export interface LeadActions {
  openTab(url: string): Promise<void>;
  copyText(text: string): Promise<void>;
}

export interface FindLeadsProps {
  persona: Pick<Persona, 'id' | 'name' | 'attributes'>;
  actions: LeadActions;
  /** Open from the start (tests, screenshots). */
  defaultOpen?: boolean;
}

type Outcome =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; provider: LeadProvider; copied: boolean | null; copyError: string | null; openError: string | null; clipboard: string | null };

const PROVIDER_KEY = { apollo: 'personas_providerApollo', seamless: 'personas_providerSeamless' } as const;

/**
 * "Find leads" on a persona card: a button that opens a panel where the user picks Apollo or
 * Seamless.AI, sees the filters drawn from the persona's attributes (lib/leads) and unticks
 * any, then opens the search in a new tab. Seamless.AI's filters are copied to the
 * clipboard first, with a note on how to paste them; the note is shown here too.
 */
export function FindLeads({ persona, actions, defaultOpen = false }: FindLeadsProps) {
  const { t } = useLocale();
  const id = useId();
  const [open, setOpen] = useState(defaultOpen);
  const [provider, setProvider] = useState<LeadProvider>('apollo');
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const root = useRef<HTMLDivElement>(null);
  const focusToggle = (): void => root.current?.querySelector<HTMLButtonElement>('[data-action="find-leads"]')?.focus();

  const report: LeadFilterReport = useMemo(() => {
    try {
      return leadFilterReport(persona);
    } catch {
      return { filters: [], dropped: [] };
    }
  }, [persona.attributes]);
  const filters = report.filters;
  const ticked = useMemo(() => withTicks(filters, unticked), [filters, unticked]);
  const search = useMemo(() => leadSearch(provider, ticked), [provider, ticked]);
  const anyTicked = ticked.some((f) => f.enabled);
  const revenueTicked = ticked.some((f) => f.kind === 'revenue' && f.enabled);
  const providerName = t(PROVIDER_KEY[provider]);

  // Escape and a click outside close the panel; focus goes back to the button.
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      focusToggle();
    };
    const onPointer = (event: Event): void => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onPointer);
    };
  }, [open]);

  const setTick = (filterId: string, on: boolean): void => {
    setOutcome({ kind: 'idle' });
    setUnticked((previous) => {
      const next = new Set(previous);
      if (on) next.delete(filterId);
      else next.add(filterId);
      return next;
    });
  };

  const run = (): void => {
    setOutcome({ kind: 'busy' });
    void runLeadSearch(search, actions).then((result) =>
      setOutcome({
        kind: 'done',
        provider: search.provider,
        copied: result.copied,
        copyError: result.copyError,
        openError: result.openError,
        clipboard: search.clipboard,
      }),
    );
  };

  return (
    <div class="relative" ref={root} data-find-leads={persona.id}>
      <Button size="sm" variant="secondary" aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => setOpen((o) => !o)} data-action="find-leads">
        {t('personas_findLeads')}
        <Icon name="chevron-down" class={cx('size-3.5', open && 'rotate-180')} />
      </Button>
      {open ? (
        <div
          id={`${id}-panel`}
          role="dialog"
          aria-labelledby={`${id}-title`}
          class="absolute right-0 z-30 mt-2 flex w-[min(24rem,calc(100vw-2rem))] flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 text-left shadow-xl dark:border-slate-700 dark:bg-slate-900 dark:shadow-black/40"
          data-leads-panel=""
        >
          <div class="flex items-start justify-between gap-2">
            <h3 id={`${id}-title`} class="text-sm font-semibold break-words text-slate-900 dark:text-slate-100">
              {t('personas_findLeadsTitle', { name: persona.name })}
            </h3>
            <button
              type="button"
              class="-mt-1 -mr-1 cursor-pointer rounded-md p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-100"
              aria-label={t('personas_close')}
              onClick={() => {
                setOpen(false);
                focusToggle();
              }}
            >
              <Icon name="cross" class="size-4" />
            </button>
          </div>

          <fieldset>
            <legend class="mb-1.5 text-xs font-medium text-slate-600 dark:text-slate-300">{t('personas_provider')}</legend>
            <div class="grid grid-cols-2 gap-1 rounded-lg bg-slate-100 p-1 dark:bg-slate-800">
              {LEAD_PROVIDERS.map((p) => (
                <label
                  key={p}
                  class={cx(
                    'flex cursor-pointer items-center justify-center rounded-md px-2 py-1.5 text-[0.8125rem] font-medium has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-indigo-500',
                    provider === p
                      ? 'bg-white text-slate-900 shadow-xs dark:bg-slate-950 dark:text-white'
                      : 'text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white',
                  )}
                >
                  <input
                    type="radio"
                    name={`${id}-provider`}
                    value={p}
                    checked={provider === p}
                    onChange={() => {
                      setProvider(p);
                      setOutcome({ kind: 'idle' });
                    }}
                    class="sr-only"
                    data-provider={p}
                  />
                  {t(PROVIDER_KEY[p])}
                </label>
              ))}
            </div>
          </fieldset>

          {filters.length === 0 ? (
            <p class="text-[0.8125rem] text-slate-600 dark:text-slate-300" data-field="no-filters">
              {t('personas_noFilters')}
            </p>
          ) : (
            <fieldset>
              <legend class="text-xs font-medium text-slate-600 dark:text-slate-300">{t('personas_filtersLegend')}</legend>
              <p class="mb-1.5 text-xs text-slate-500 dark:text-slate-400">{t('personas_filtersHint')}</p>
              <ul class="flex flex-col gap-1">
                {ticked.map((f) => (
                  <li key={f.id}>
                    <label class="flex cursor-pointer items-start gap-2 rounded-md px-1.5 py-1 text-[0.8125rem] text-slate-800 hover:bg-slate-50 dark:text-slate-100 dark:hover:bg-slate-800">
                      <input
                        type="checkbox"
                        checked={f.enabled}
                        onChange={(e) => setTick(f.id, e.currentTarget.checked)}
                        class="mt-0.5 size-4 shrink-0 accent-indigo-600 dark:accent-indigo-400"
                        data-filter={f.id}
                      />
                      <span class={cx('min-w-0 break-words', !f.enabled && 'text-slate-500 line-through dark:text-slate-400')}>{f.label}</span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          )}

          <Dropped dropped={report.dropped} />

          <div class="flex flex-col gap-1.5 text-xs text-slate-600 dark:text-slate-300">
            {!anyTicked && filters.length > 0 ? <p class="text-amber-800 dark:text-amber-200">{t('personas_noneTicked')}</p> : null}
            {provider === 'apollo' && revenueTicked ? <p>{t('personas_revenueNote')}</p> : null}
            <p data-field="provider-note">{provider === 'apollo' ? t('personas_apolloNote') : t('personas_seamlessNote')}</p>
            <p class="flex items-start gap-1.5 text-slate-500 dark:text-slate-400">
              <Icon name="info" class="mt-px size-3.5" />
              <span>{t('personas_privacy')}</span>
            </p>
          </div>

          <details class="text-xs text-slate-500 dark:text-slate-400">
            <summary class="cursor-pointer select-none">{t('personas_showUrl')}</summary>
            <code
              class="mt-1 block max-h-24 overflow-auto rounded-md bg-slate-50 p-2 font-mono text-[0.6875rem] break-all text-slate-700 dark:bg-slate-950 dark:text-slate-300"
              data-field="search-url"
            >
              {search.url}
            </code>
          </details>

          <Button variant="primary" icon="external" onClick={run} disabled={outcome.kind === 'busy'} data-action="open-search">
            {provider === 'apollo' ? t('personas_openApollo') : t('personas_openSeamless')}
          </Button>

          <Result outcome={outcome} providerName={providerName} />
        </div>
      ) : null}
    </div>
  );
}

const DROP_KEY = {
  'person-field': 'personas_dropped_personField',
  'contact-data': 'personas_dropped_contactData',
  'too-long': 'personas_dropped_tooLong',
  'not-a-title': 'personas_dropped_notATitle',
  'not-an-industry': 'personas_dropped_notAnIndustry',
  'not-a-country': 'personas_dropped_notACountry',
  'not-a-region': 'personas_dropped_notARegion',
} as const satisfies Record<DropReason, string>;

/** What the attribute guard left out of the search, and why (values shown cut, as text). */
function Dropped({ dropped }: { dropped: readonly DroppedValue[] }) {
  const { t } = useLocale();
  if (dropped.length === 0) return null;
  return (
    <div
      class="rounded-lg border border-amber-200 bg-amber-50 p-2.5 text-xs text-amber-900 dark:border-amber-800/60 dark:bg-amber-950/40 dark:text-amber-100"
      data-field="dropped"
    >
      <p class="font-medium">{t('personas_droppedLegend')}</p>
      <p class="mt-0.5 text-amber-800 dark:text-amber-200">{t('personas_droppedHint')}</p>
      <ul class="mt-1 list-disc pl-4">
        {dropped.map((d, i) => (
          <li key={i} class="break-words" data-dropped={d.reason}>
            {t(DROP_KEY[d.reason], { field: d.label, value: d.value ?? '' })}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Result({ outcome, providerName }: { outcome: Outcome; providerName: string }) {
  const { t } = useLocale();
  if (outcome.kind !== 'done') return <p role="status" class="sr-only" />;
  const name = t(PROVIDER_KEY[outcome.provider]);
  return (
    <div role="status" class="flex flex-col gap-1.5 text-xs" data-field="lead-result">
      {outcome.copied === true ? (
        <p class="text-emerald-800 dark:text-emerald-200" data-field="copied">
          {t('personas_copied')}
        </p>
      ) : null}
      {outcome.copied === false ? (
        <>
          <p class="text-rose-700 dark:text-rose-300">{t('personas_copyFailed', { error: outcome.copyError ?? '' })}</p>
          <textarea
            readOnly
            rows={6}
            class="w-full rounded-md border border-slate-300 bg-white p-2 font-mono text-[0.6875rem] text-slate-800 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-200"
            value={outcome.clipboard ?? ''}
            onFocus={(e) => e.currentTarget.select()}
          />
        </>
      ) : null}
      {outcome.openError === null ? (
        <p class="text-slate-600 dark:text-slate-300">{t('personas_opened', { provider: name })}</p>
      ) : (
        <p class="text-rose-700 dark:text-rose-300">{t('personas_openFailed', { provider: providerName, error: outcome.openError })}</p>
      )}
    </div>
  );
}
