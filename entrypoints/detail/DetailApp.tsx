import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { backgroundClient, type DetailClient } from './client';
import { DetailView } from './DetailView';
import { useDealPanel } from './useDealPanel';

export interface DetailAppProps {
  connectionId: string;
  opportunityId: string;
  client?: DetailClient;
}

/** The detail page of one record: asks the background for its panels, refreshes on its events, names the tab after it. */
export function DetailApp({ connectionId, opportunityId, client = backgroundClient }: DetailAppProps) {
  const { status, reload } = useDealPanel(client, connectionId, opportunityId);
  const [notice, setNotice] = useState<{ tone: 'accent' | 'negative'; text: string } | null>(null);
  const name = status.kind === 'ready' ? status.panel.opportunity.name || status.panel.opportunity.id : null;

  useEffect(() => {
    document.title = name ? t('panels_detail_pageTitle', { name }) : t('panels_detail_defaultTitle');
  }, [name]);

  // Opened from the popup, the page is a new tab with nothing to go back to.
  const onBack = useMemo(() => (typeof history !== 'undefined' && history.length > 1 ? () => history.back() : null), []);

  const onRetrain = (): void => {
    setNotice(null);
    client.retrain(connectionId).then(
      () => setNotice({ tone: 'accent', text: t('panels_detail_retrainStarted') }),
      (error: unknown) => setNotice({ tone: 'negative', text: t('panels_detail_retrainFailed', { error: error instanceof Error ? error.message : String(error) }) }),
    );
  };

  return <DetailView status={status} onBack={onBack} onRetry={reload} onOpenOptions={() => client.openOptions()} onRetrain={onRetrain} notice={notice} />;
}
