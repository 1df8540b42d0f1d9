import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { DetailView } from './DetailView';
import type { DetailSource } from './source';
import { useDealPanel } from './useDealPanel';

export interface AppProps {
  source: DetailSource;
  connectionId: string;
  opportunityId: string;
}

/** The detail page of one record: asks the background for its panels, refreshes on its events, names the tab after it. */
export function App({ source, connectionId, opportunityId }: AppProps) {
  const { status, reload } = useDealPanel(source, connectionId, opportunityId);
  const [notice, setNotice] = useState<{ tone: 'accent' | 'negative'; text: string } | null>(null);
  const name = status.kind === 'ready' ? status.panel.opportunity.name || status.panel.opportunity.id : null;

  useEffect(() => {
    document.title = name ? t('panels_detail_pageTitle', { name }) : t('panels_detail_defaultTitle');
  }, [name]);

  // Opened from the popup, the page is a new tab with nothing to go back to.
  const onBack = useMemo(() => (typeof history !== 'undefined' && history.length > 1 ? () => history.back() : null), []);

  const onRetrain = (): void => {
    setNotice(null);
    source.retrain(connectionId).then(
      () => setNotice({ tone: 'accent', text: t('panels_detail_retrainStarted') }),
      (error: unknown) =>
        setNotice({ tone: 'negative', text: t('panels_detail_retrainFailed', { error: error instanceof Error ? error.message : String(error) }) }),
    );
  };

  return <DetailView status={status} onBack={onBack} onRetry={reload} onOpenOptions={() => source.openOptions()} onRetrain={onRetrain} notice={notice} />;
}
