/**
 * The quality page's app: loads the connection's model record (with its quality report),
 * open pipeline and personas from a `QualitySource`, reloads when the background says a
 * job finished or the data changed, and keeps the tab in the URL's hash.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { QualityPage } from '../../components/quality/QualityPage';
import type { InsightsActions, QualityPageData, QualityStatus, QualityTab } from '../../components/quality/types';
import { useLocale } from '../../components/ui/locale';
import type { EventToPage } from '../../lib/messages';
import { serializeFilters } from '../../lib/pipeline/segments';
import { describeError, type QualitySource } from './source';
import { hashOf, tabFromHash } from './tab';

/** A burst of events (a job's last progress, done, data-changed) reloads once. */
const RELOAD_DELAY_MS = 250;

export interface AppProps {
  source: QualitySource;
  /** The tab to open with (from the URL's hash). */
  initialTab?: QualityTab;
  iconUrl?: string;
}

export function App({ source, initialTab = 'quality', iconUrl }: AppProps) {
  const { t } = useLocale();
  const [status, setStatus] = useState<QualityStatus>({ kind: 'loading' });
  const [tab, setTab] = useState<QualityTab>(initialTab);
  const [notice, setNotice] = useState<{ tone: 'accent' | 'negative'; text: string } | null>(null);
  const connectionRef = useRef<string | null>(null);

  const load = useCallback(
    async (connectionId: string | null, quiet = false): Promise<void> => {
      if (!quiet) setStatus({ kind: 'loading' });
      try {
        const data = await source.load(connectionId);
        connectionRef.current = data.connection?.id ?? null;
        setStatus({ kind: 'ready', data });
      } catch (error) {
        setStatus({ kind: 'error', message: describeError(error) });
      }
    },
    [source],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = source.subscribe((event: EventToPage) => {
      const finished = event.type === 'job' && event.job.status !== 'queued' && event.job.status !== 'running';
      if (!finished && event.type !== 'data-changed') return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        setNotice(null);
        void load(connectionRef.current, true);
      }, RELOAD_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [source, load]);

  useEffect(() => {
    document.title = t('quality_pageTitle');
  }, [t]);

  const selectTab = (next: QualityTab): void => {
    setTab(next);
    if (typeof history !== 'undefined') history.replaceState(null, '', hashOf(next));
  };
  useEffect(() => {
    const onHash = (): void => setTab(tabFromHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const retrain = (): void => {
    const id = connectionRef.current;
    if (!id) return;
    source.retrain(id).then(
      () => setNotice({ tone: 'accent', text: t('quality_retrainStarted') }),
      (error: unknown) => setNotice({ tone: 'negative', text: t('quality_retrainFailed', { error: describeError(error) }) }),
    );
  };

  const patch = (update: Partial<QualityPageData>): void => setStatus((s) => (s.kind === 'ready' ? { kind: 'ready', data: { ...s.data, ...update } } : s));
  const insights: InsightsActions = {
    onSaveSegment: async (name, filters) => patch({ segments: await source.saveSegment(name, serializeFilters(filters)) }),
    onDeleteSegment: async (segment) => {
      if (segment.id !== undefined) patch({ segments: await source.deleteSegment(segment.id) });
    },
    onMeChange: (name) => {
      const id = connectionRef.current;
      if (!id) return;
      patch({ me: name });
      source.saveMe(id, name).catch((error: unknown) => setNotice({ tone: 'negative', text: describeError(error) }));
    },
  };

  return (
    <QualityPage
      insights={insights}
      status={status}
      tab={tab}
      onTabChange={selectTab}
      onConnectionChange={(id) => void load(id)}
      onOpenOptions={() => void source.openOptions().catch((error: unknown) => setNotice({ tone: 'negative', text: describeError(error) }))}
      onRetrain={retrain}
      onRetry={() => void load(connectionRef.current)}
      notice={notice}
      iconUrl={iconUrl}
    />
  );
}
