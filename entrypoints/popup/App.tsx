/**
 * The popup: Dealsight's wordmark, the connection's ranked open pipeline (or the state
 * that stands in for it), and the background's status. Data comes from a `PopupSource`
 * (the store in the extension; a fake in tests; generated data in the e2e demo), and is
 * read again when the background says a job finished or the data changed.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { BUTTON, FIELD, LINK_BUTTON } from '../../components/pipeline/controls';
import { tp } from '../../components/pipeline/i18n';
import { Pipeline } from '../../components/pipeline/Pipeline';
import { QuickWins, quickWinRule } from '../../components/pipeline/QuickWins';
import { ViewTabs, type PopupView } from '../../components/pipeline/ViewTabs';
import { Banner, EmptyState, ErrorState, JobProgress, LoadingState, StateMessage } from '../../components/pipeline/states';
import { formatRelative } from '../../lib/format';
import type { EventToPage } from '../../lib/messages';
import type { PipelineRow } from '../../lib/panel-data';
import { EMPTY_FILTERS, type PipelineFilters } from '../../lib/pipeline/filter';
import { DEFAULT_VIEW, serializeFilters, type PipelineView } from '../../lib/pipeline/segments';
import type { SortSpec } from '../../lib/pipeline/sort';
import { mergeJob, pipelineStatus } from '../../lib/pipeline/status';
import type { SegmentRecord } from '../../lib/store/schema';
import { latestOnly } from './latest-only';
import { describeError, type PopupData, type PopupSource } from './source';
import { jobError, jobSummary } from '../../lib/i18n/job-text';

type Status = { kind: 'checking' } | { kind: 'ready'; version: string } | { kind: 'error'; message: string };
type Phase = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: PopupData };

/**
 * Timing marks for benchmarks (`performance.getEntriesByName`): the data arrived, and the
 * first rows are in the DOM; `dealsight:popup:render` measures the one to the other.
 */
export const MARK_LOADED = 'dealsight:popup:data-loaded';
export const MARK_FIRST_ROWS = 'dealsight:popup:first-rows';
export const MEASURE_RENDER = 'dealsight:popup:render';

/** A burst of events (a job's last progress, then done, then data-changed) reloads once. */
const RELOAD_DELAY_MS = 250;

export interface AppProps {
  source: PopupSource;
  /** Where the icon comes from (`browser.runtime.getURL`); tests leave it out. */
  iconUrl?: (size: 48 | 96) => string;
  /** Layout before measuring (tests, benchmarks). */
  estimatedWidth?: number;
  estimatedHeight?: number;
  /** The model-quality page (`browser.runtime.getURL('/quality.html')`), linked from the header. */
  qualityUrl?: string;
}

export function App({ source, iconUrl, estimatedWidth, estimatedHeight, qualityUrl }: AppProps) {
  const [status, setStatus] = useState<Status>({ kind: 'checking' });
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [view, setView] = useState<PipelineView>(DEFAULT_VIEW);
  const [notice, setNotice] = useState<string | null>(null);
  const [tab, setTab] = useState<PopupView>('pipeline');
  const viewLoaded = useRef(false);
  const connectionRef = useRef<string | null>(null);

  const load = useCallback(
    async (connectionId: string | null, options: { quiet?: boolean } = {}): Promise<void> => {
      if (!options.quiet) setPhase({ kind: 'loading' });
      try {
        const data = await source.load(connectionId);
        performance.mark(MARK_LOADED);
        connectionRef.current = data.connection?.id ?? null;
        setPhase({ kind: 'ready', data });
        setView((v) => (v.connectionId === connectionRef.current ? v : { ...v, connectionId: connectionRef.current }));
      } catch (error) {
        setPhase({ kind: 'error', message: describeError(error) });
      }
    },
    [source],
  );

  // First load: the remembered view, then its connection.
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      let remembered = DEFAULT_VIEW;
      try {
        remembered = await source.loadView();
      } catch (error) {
        // The view is a convenience: show the pipeline unfiltered and say why.
        setNotice(describeError(error));
      }
      if (cancelled) return;
      setView(remembered);
      await load(remembered.connectionId);
      viewLoaded.current = true;
    })();
    return () => {
      cancelled = true;
    };
  }, [source, load]);

  useEffect(() => {
    source.ping().then(
      (version) => setStatus({ kind: 'ready', version }),
      (error: unknown) => setStatus({ kind: 'error', message: describeError(error) }),
    );
  }, [source]);

  // Remember the view as it changes: one write at a time, the latest view winning (a popup
  // is often closed a moment after the last change, and a write started as the page goes
  // away may never land); and once more when the popup closes.
  const latestView = useRef(view);
  latestView.current = view;
  const saver = useMemo(() => latestOnly((next: PipelineView) => source.saveView(next)), [source]);
  useEffect(() => {
    if (!viewLoaded.current) return;
    saver(view).catch((error: unknown) => setNotice(describeError(error)));
  }, [saver, view]);
  useEffect(() => {
    const flush = (): void => {
      if (viewLoaded.current && document.visibilityState === 'hidden') void source.saveView(latestView.current).catch(() => undefined);
    };
    const onHide = (): void => {
      if (viewLoaded.current) void source.saveView(latestView.current).catch(() => undefined);
    };
    document.addEventListener('visibilitychange', flush);
    window.addEventListener('pagehide', onHide);
    return () => {
      document.removeEventListener('visibilitychange', flush);
      window.removeEventListener('pagehide', onHide);
    };
  }, [source]);

  // Job progress arrives as events; a finished job or changed data means new rows.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reload = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => void load(connectionRef.current, { quiet: true }), RELOAD_DELAY_MS);
    };
    const unsubscribe = source.subscribe((event: EventToPage) => {
      if (event.type === 'job') {
        setPhase((p) => (p.kind === 'ready' ? { kind: 'ready', data: { ...p.data, jobs: mergeJob(p.data.jobs, event.job) } } : p));
        if (event.job.status === 'done' || event.job.status === 'failed' || event.job.status === 'cancelled') reload();
      } else if (event.type === 'data-changed') {
        reload();
      }
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [source, load]);

  const data = phase.kind === 'ready' ? phase.data : null;

  const setFilters = useCallback((filters: PipelineFilters) => setView((v) => ({ ...v, filters })), []);
  const setSort = useCallback((sort: SortSpec) => setView((v) => ({ ...v, sort })), []);

  const openRecord = useCallback(
    (row: PipelineRow) => {
      source.openRecord(row).catch((error: unknown) => setNotice(tp('popup_openFailed', { message: describeError(error) })));
    },
    [source],
  );
  const openOptions = useCallback(() => {
    source.openOptions().catch((error: unknown) => setNotice(describeError(error)));
  }, [source]);

  const updateData = (patch: Partial<PopupData>): void => setPhase((p) => (p.kind === 'ready' ? { kind: 'ready', data: { ...p.data, ...patch } } : p));

  const setMe = (name: string | null): void => {
    const connectionId = data?.connection?.id;
    if (!connectionId) return;
    updateData({ me: name });
    source.saveMe(connectionId, name).catch((error: unknown) => setNotice(describeError(error)));
  };

  const saveSegment = async (name: string, filters: PipelineFilters): Promise<void> => {
    updateData({ segments: await source.saveSegment(name, serializeFilters(filters)) });
  };
  const deleteSegment = async (segment: SegmentRecord): Promise<void> => {
    if (segment.id === undefined) return;
    updateData({ segments: await source.deleteSegment(segment.id) });
  };

  const retrain = (connectionId: string): void => {
    source.retrain(connectionId).catch((error: unknown) => setNotice(describeError(error)));
  };

  // The first time rows are on screen: mark it once, for `npm run bench` and the e2e timing.
  const marked = useRef(false);
  useLayoutEffect(() => {
    if (marked.current || phase.kind !== 'ready' || phase.data.rows.length === 0) return;
    marked.current = true;
    performance.mark(MARK_FIRST_ROWS);
    performance.measure(MEASURE_RENDER, MARK_LOADED, MARK_FIRST_ROWS);
  }, [phase]);

  const state = useMemo(
    () => (data ? pipelineStatus({ connection: data.connection, model: data.model, rowCount: data.rows.length, jobs: data.jobs }) : null),
    [data],
  );

  let body;
  if (phase.kind === 'loading') body = <LoadingState />;
  else if (phase.kind === 'error') body = <ErrorState message={phase.message} onRetry={() => void load(view.connectionId)} />;
  else if (!state || state.screen === 'no-connection' || !phase.data.connection) body = <EmptyState onOpenOptions={openOptions} job={state?.activeJob} />;
  else {
    const { connection, model, rows } = phase.data;
    const settingsButton = (
      <button type="button" class={BUTTON} onClick={openOptions}>
        {tp('popup_notSyncedAction')}
      </button>
    );
    switch (state.screen) {
      case 'not-scored':
        body = (
          <StateMessage state="not-scored" icon="clock" title={tp('popup_notSyncedTitle')} action={state.activeJob ? undefined : settingsButton}>
            <p>{tp('popup_notSyncedBody', { connection: connection.label })}</p>
            {state.activeJob && (
              <div class="mt-3 w-80 text-left text-sky-900 dark:text-sky-100">
                <JobProgress job={state.activeJob} />
              </div>
            )}
            {state.failedJob && <p class="mt-2 text-rose-700 dark:text-rose-400">{tp('popup_jobFailed', { message: jobError(state.failedJob, tp) ?? '' })}</p>}
          </StateMessage>
        );
        break;
      case 'not-enough-data':
        body = (
          <StateMessage state="not-enough-data" icon="chart" title={tp('popup_notEnoughTitle')} action={settingsButton}>
            <p>{state.winMessage}</p>
            {model && <p class="mt-1 text-slate-500 dark:text-slate-400">{tp('popup_notEnoughCounts', { won: model.counts.won, lost: model.counts.lost })}</p>}
          </StateMessage>
        );
        break;
      case 'no-open-deals':
        body = <StateMessage state="no-open-deals" icon="inbox" title={tp('popup_noOpenDeals', { connection: connection.label })} action={settingsButton} />;
        break;
      case 'pipeline': {
        // The org's win rate among closed deals: the quick-wins bar is set against it.
        const baseRate = model && model.counts.closed > 0 ? model.counts.won / model.counts.closed : null;
        body = (
          <>
            {state.activeJob ? (
              <Banner tone="info" state="job" title={tp('popup_jobTitle')}>
                <JobProgress job={state.activeJob} />
              </Banner>
            ) : state.outOfDate ? (
              <Banner
                tone="warning"
                state="out-of-date"
                title={tp('popup_outOfDateTitle')}
                action={
                  <button type="button" class={BUTTON} onClick={() => retrain(connection.id)}>
                    {tp('popup_retrain')}
                  </button>
                }
              >
                {tp('popup_outOfDateBody')}
              </Banner>
            ) : null}
            {state.failedJob && (
              <Banner
                tone="error"
                state="job-failed"
                title={tp('popup_jobFailed', { message: jobError(state.failedJob, tp) ?? jobSummary(state.failedJob, tp) ?? '' })}
              />
            )}
            {state.winMessage && (
              <Banner tone="warning" state="not-enough-data" title={tp('popup_notEnoughTitle')}>
                {state.winMessage}
              </Banner>
            )}
            <ViewTabs
              label={tp('popup_viewsLabel')}
              tabs={[
                { key: 'pipeline', label: tp('popup_tabPipeline') },
                { key: 'quick-wins', label: tp('popup_tabQuickWins'), title: quickWinRule(baseRate) },
              ]}
              selected={tab}
              onSelect={setTab}
            >
              {tab === 'quick-wins' ? (
                <QuickWins
                  rows={rows}
                  asOf={model?.asOf ?? null}
                  baseRate={baseRate}
                  filters={view.filters}
                  me={phase.data.me}
                  onClearFilters={() => setFilters({ ...EMPTY_FILTERS })}
                  onOpen={openRecord}
                />
              ) : (
                <Pipeline
                  rows={rows}
                  filters={view.filters}
                  sort={view.sort}
                  onFiltersChange={setFilters}
                  onSortChange={setSort}
                  me={phase.data.me}
                  onMeChange={setMe}
                  segments={phase.data.segments}
                  onSaveSegment={saveSegment}
                  onDeleteSegment={deleteSegment}
                  onOpen={openRecord}
                  estimatedWidth={estimatedWidth}
                  estimatedHeight={estimatedHeight}
                />
              )}
            </ViewTabs>
          </>
        );
        break;
      }
    }
  }

  const scoredAt = data?.model?.trainedAt ?? null;

  return (
    <main class="flex h-full flex-col font-sans text-slate-900 antialiased dark:text-slate-100">
      <header class="flex items-center gap-2.5 px-3 pt-3 pb-2.5">
        {iconUrl && <img src={iconUrl(48)} srcSet={`${iconUrl(96)} 2x`} alt="" width={28} height={28} class="size-7" />}
        <div class="flex min-w-0 flex-col leading-tight">
          <h1 class="text-base font-semibold tracking-tight">{tp('popup_appName')}</h1>
          <p class="text-xs text-slate-500 max-sm:hidden dark:text-slate-400">{tp('popup_tagline')}</p>
        </div>
        <a
          href={`personas.html${data?.connection ? `?${new URLSearchParams({ c: data.connection.id }).toString()}` : ''}`}
          target="_blank"
          rel="noopener"
          class={`${LINK_BUTTON} shrink-0`}
          data-testid="personas-link"
        >
          {tp('popup_personasLink')}
        </a>
        {data?.connection && (
          <div class="ml-auto flex min-w-0 items-center gap-2">
            <span class="text-xs font-semibold whitespace-nowrap text-slate-700 dark:text-slate-300">{tp('popup_pipelineTitle')}</span>
            <span class="text-slate-300 dark:text-slate-600" aria-hidden="true">
              /
            </span>
            {data.connections.length > 1 ? (
              <label class="min-w-0">
                <span class="sr-only">{tp('popup_connectionLabel')}</span>
                <select
                  class={`${FIELD} max-w-56`}
                  value={data.connection.id}
                  onChange={(e) => {
                    const id = e.currentTarget.value;
                    setView((v) => ({ ...v, connectionId: id }));
                    void load(id);
                  }}
                  data-testid="connection"
                >
                  {data.connections.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.label}
                    </option>
                  ))}
                </select>
              </label>
            ) : (
              <span class="max-w-56 truncate text-xs text-slate-600 dark:text-slate-300" title={data.connection.label} data-testid="connection">
                {data.connection.label}
              </span>
            )}
          </div>
        )}
        {qualityUrl && (
          <a
            href={qualityUrl}
            target="_blank"
            rel="noopener"
            title={tp('quality_popupLinkFull')}
            class={`${LINK_BUTTON} shrink-0 text-xs ${data?.connection ? '' : 'ml-auto'}`}
            data-testid="quality-link"
          >
            {tp('quality_popupLink')}
          </a>
        )}
      </header>

      {body}

      <footer class="flex h-8 shrink-0 items-center gap-2 border-t border-slate-200 px-3 text-xs text-slate-500 dark:border-slate-700 dark:text-slate-400">
        <span data-testid="status" class="flex min-w-0 items-center gap-2">
          <StatusDot status={status} />
          <StatusText status={status} />
        </span>
        {scoredAt && (
          <>
            <span aria-hidden="true">·</span>
            <span title={scoredAt}>{tp('popup_scoredAt', { when: formatRelative(scoredAt) })}</span>
          </>
        )}
        {notice && (
          <span role="alert" class="min-w-0 truncate text-rose-600 dark:text-rose-400" title={notice}>
            {notice}
          </span>
        )}
        <button type="button" class={`${LINK_BUTTON} ml-auto shrink-0`} onClick={openOptions}>
          {tp('popup_openOptions')}
        </button>
      </footer>
    </main>
  );
}

function StatusDot({ status }: { status: Status }) {
  const color = { checking: 'bg-slate-400', ready: 'bg-emerald-500', error: 'bg-rose-500' }[status.kind];
  return <span class={`inline-block size-2 shrink-0 rounded-full ${color}`} aria-hidden="true" />;
}

function StatusText({ status }: { status: Status }) {
  switch (status.kind) {
    case 'checking':
      return <span>{tp('popup_statusChecking')}</span>;
    case 'ready':
      return <span>{tp('popup_statusReady', { version: status.version })}</span>;
    case 'error':
      return (
        <span class="truncate text-rose-600 dark:text-rose-400" title={status.message}>
          {tp('popup_statusError', { message: status.message })}
        </span>
      );
  }
}
