import { useEffect, useState } from 'preact/hooks';
import { AccountPanel, DealPanelsSkeleton, NotSynced } from '../../components/panels';
import { ErrorState } from '../../components/ui/ErrorState';
import { LocaleProvider } from '../../components/ui/locale';
import { ThemeRoot, type Theme } from '../../components/ui/ThemeRoot';
import { t } from '../../lib/i18n';
import type { AccountPanelData } from '../../lib/pipeline/account-panel';
import { recordUrl } from '../../lib/pipeline/record-url';
import { affectsConnection, BackgroundReplyError, type DetailSource } from './source';

export interface AccountAppProps {
  source: Pick<DetailSource, 'getAccount' | 'subscribe' | 'openOptions'>;
  connectionId: string;
  accountId: string;
  theme?: Theme;
  locale?: string;
}

type Status = { kind: 'loading' } | { kind: 'ready'; account: AccountPanelData } | { kind: 'not-synced' } | { kind: 'error'; message: string };

/**
 * The account view of the detail page (`detail.html?c=…&account=…`, issue 16): the account
 * panel of an account of files or sandbox data, whose accounts have no CRM page (a CRM's
 * account links to its own page as well). Each open opportunity opens its CRM record, else
 * its detail page. Asks again when the connection's data changes.
 */
export function AccountApp({ source, connectionId, accountId, theme, locale }: AccountAppProps) {
  const [status, setStatus] = useState<Status>({ kind: 'loading' });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    source.getAccount(connectionId, accountId).then(
      (account) => live && setStatus({ kind: 'ready', account }),
      (error: unknown) =>
        live &&
        setStatus(
          error instanceof BackgroundReplyError && error.code === 'not-synced'
            ? { kind: 'not-synced' }
            : { kind: 'error', message: error instanceof Error ? error.message : String(error) },
        ),
    );
    return () => {
      live = false;
    };
  }, [source, connectionId, accountId, version]);
  useEffect(() => source.subscribe((event) => affectsConnection(event, connectionId) && setVersion((v) => v + 1)), [source, connectionId]);
  const name = status.kind === 'ready' ? status.account.name : null;
  useEffect(() => {
    document.title = t('panels_account_detailTitle', { name: name ?? accountId });
  }, [name, accountId]);
  return (
    <ThemeRoot theme={theme} class="min-h-screen bg-slate-50 @container dark:bg-slate-950">
      <LocaleProvider locale={locale}>
        <main class="mx-auto flex max-w-5xl flex-col gap-4 px-3 py-3 @lg:px-6 @lg:py-5" data-account-view="">
          {status.kind === 'loading' ? <DealPanelsSkeleton /> : null}
          {status.kind === 'not-synced' ? <NotSynced connectionLabel={null} onOpenOptions={() => source.openOptions()} level={1} /> : null}
          {status.kind === 'error' ? (
            <ErrorState name="error" level={1} title={t('panels_state_errorTitle')} message={status.message} onRetry={() => setVersion((v) => v + 1)} />
          ) : null}
          {status.kind === 'ready' ? <AccountPanel account={status.account} level={1} linkFor={(deal) => recordUrl(deal, 'detail.html')} /> : null}
        </main>
      </LocaleProvider>
    </ThemeRoot>
  );
}
