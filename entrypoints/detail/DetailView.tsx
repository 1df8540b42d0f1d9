import { DealPanels, DealPanelsSkeleton, NotSynced, OpportunityHeader, type SimilarLink } from '../../components/panels';
import { Banner } from '../../components/ui/Banner';
import { Button } from '../../components/ui/Button';
import { EmptyState } from '../../components/ui/EmptyState';
import { ErrorState } from '../../components/ui/ErrorState';
import { LocaleProvider, useLocale } from '../../components/ui/locale';
import { Skeleton } from '../../components/ui/Skeleton';
import { Spinner } from '../../components/ui/Spinner';
import { ThemeRoot, type Theme } from '../../components/ui/ThemeRoot';
import type { PanelState } from '../../lib/panel-data';
import { accountHref } from './params';
import type { DetailStatus } from './useDealPanel';

export interface DetailViewProps {
  status: DetailStatus | { kind: 'invalid' };
  theme?: Theme;
  locale?: string;
  now?: number;
  /** Goes back to the page that opened this one; no back button without it. */
  onBack?: (() => void) | null;
  /** The options page's URL, for the "Settings" link. */
  settingsHref?: string;
  onRetry?: () => void;
  onOpenOptions?: () => void;
  onRetrain?: () => void;
  linkFor?: SimilarLink;
  /**
   * Where the record's account link goes (issue 16): the account view of the extension
   * (`detail.html?c=…&account=…`, whose panel links the CRM's account page where there is
   * one); null for no link.
   */
  accountLinkFor?: ((connectionId: string, accountId: string) => string | null) | null;
  /** A notice about an action the user took (retraining started or failed). */
  notice?: { tone: 'accent' | 'negative'; text: string } | null;
}

/** States in which `panel.opportunity` is the real record, so its header shows. */
const HAS_RECORD: ReadonlySet<PanelState['kind']> = new Set(['ready', 'out-of-date', 'not-enough-data']);

/** The detail page's layout: a bar with the way back and to the settings, the record's header, and its panels or its state. */
export function DetailView(props: DetailViewProps) {
  return (
    <ThemeRoot theme={props.theme} class="min-h-screen bg-slate-50 @container dark:bg-slate-950">
      <LocaleProvider locale={props.locale}>
        <Page {...props} />
      </LocaleProvider>
    </ThemeRoot>
  );
}

function Page({
  status,
  theme,
  locale,
  now,
  onBack,
  settingsHref = 'options.html',
  onRetry,
  onOpenOptions,
  onRetrain,
  linkFor,
  accountLinkFor = accountHref,
  notice,
}: DetailViewProps) {
  const { t } = useLocale();
  return (
    <div class="mx-auto flex max-w-5xl flex-col gap-4 px-3 py-3 @lg:px-6 @lg:py-5">
      <nav class="flex items-center justify-between gap-3" aria-label={t('panels_detail_brand')}>
        <div class="flex items-center gap-2">
          {onBack ? (
            <Button variant="ghost" size="sm" icon="back" onClick={onBack} class="-ml-2">
              {t('panels_detail_back')}
            </Button>
          ) : null}
          <span class="flex items-center gap-1.5 text-sm font-semibold tracking-tight text-slate-700 dark:text-slate-200">
            <img src="/icon/32.png" alt="" width={20} height={20} class="size-5" />
            {t('panels_detail_brand')}
          </span>
        </div>
        <div class="flex items-center gap-3">
          {status.kind === 'ready' && status.refreshing ? <Spinner label={t('panels_detail_refreshing')} /> : null}
          <a
            href={settingsHref}
            class="rounded-sm text-sm font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 dark:text-indigo-300"
          >
            {t('panels_detail_settings')}
          </a>
        </div>
      </nav>
      <main class="flex flex-col gap-4">
        {notice ? (
          <Banner tone={notice.tone} role="status" name="notice">
            {notice.text}
          </Banner>
        ) : null}
        <Body
          status={status}
          theme={theme}
          locale={locale}
          now={now}
          onRetry={onRetry}
          onOpenOptions={onOpenOptions}
          onRetrain={onRetrain}
          linkFor={linkFor}
          accountLinkFor={accountLinkFor}
        />
      </main>
    </div>
  );
}

function Body({
  status,
  theme,
  locale,
  now,
  onRetry,
  onOpenOptions,
  onRetrain,
  linkFor,
  accountLinkFor,
}: Omit<DetailViewProps, 'onBack' | 'settingsHref' | 'notice'>) {
  const { t } = useLocale();
  switch (status.kind) {
    case 'invalid':
      return (
        <EmptyState name="invalid" level={1} icon="info" title={t('panels_detail_badUrlTitle')}>
          <p>{t('panels_detail_badUrlBody')}</p>
        </EmptyState>
      );
    case 'loading':
      return (
        <>
          <div aria-hidden="true" class="flex flex-col gap-2">
            <Skeleton class="h-6 w-2/3 max-w-md" />
            <Skeleton class="h-4 w-1/3 max-w-52" />
          </div>
          <DealPanelsSkeleton />
        </>
      );
    case 'not-synced':
      return <NotSynced connectionLabel={null} onOpenOptions={onOpenOptions} level={1} />;
    case 'error':
      return <ErrorState name="error" level={1} title={t('panels_state_errorTitle')} message={status.message} onRetry={onRetry} />;
    case 'ready': {
      const { panel } = status;
      const account = HAS_RECORD.has(panel.state.kind) ? panel.opportunity.account : null;
      const accountLink = account ? (accountLinkFor?.(panel.connectionId, account.id) ?? null) : null;
      return (
        <>
          {HAS_RECORD.has(panel.state.kind) ? (
            <OpportunityHeader opportunity={panel.opportunity} level={1} />
          ) : (
            <h1 class="sr-only">{t('panels_detail_brand')}</h1>
          )}
          {account && accountLink ? (
            <a
              href={accountLink}
              data-action="open-account"
              class="self-start rounded-sm text-sm font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 dark:text-indigo-300"
            >
              {t('panels_account_link', { name: account.name || account.id })}
            </a>
          ) : null}
          <DealPanels
            panel={panel}
            theme={theme}
            locale={locale}
            now={now}
            level={2}
            linkFor={linkFor}
            onRetry={onRetry}
            onOpenOptions={onOpenOptions}
            onRetrain={onRetrain}
          />
        </>
      );
    }
  }
}
