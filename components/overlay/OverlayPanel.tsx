import { useState } from 'preact/hooks';
import { AccountPanel, DealPanels, DealPanelsSkeleton, PanelError } from '../panels';
import type { PersonasLink, SimilarLink } from '../panels';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { LocaleProvider } from '../ui/locale';
import { ThemeRoot } from '../ui/ThemeRoot';
import { messageLanguage, t } from '../../lib/i18n';
import type { ErrorCode } from '../../lib/messages';
import type { PanelData } from '../../lib/panel-data';
import type { AccountPanelData } from '../../lib/pipeline/account-panel';
import type { AccountDeal } from '../../lib/pipeline/account-rollup';
import type { CrmTheme } from './theme';

/** What the overlay shows: the background's answer, or that it is still coming. */
export type OverlayState =
  | { kind: 'loading' }
  | { kind: 'panel'; panel: PanelData }
  /** An Account or company page: the account panel. */
  | { kind: 'account'; account: AccountPanelData }
  | { kind: 'failed'; code: ErrorCode | null; message: string };

/** Titles and bodies of the states the background reports as error codes (the panels' own states come with `PanelData`). */
function codeCopy(code: Exclude<ErrorCode, 'not-synced' | 'not-an-opportunity'>, crm: string, crmPlace: string): { title: string; body: string } {
  // The connector's English word ('org', 'portal') names a message in the user's language.
  const place = crmPlace === 'org' ? t('overlay_placeOrg') : crmPlace === 'portal' ? t('overlay_placePortal') : crmPlace;
  switch (code) {
    case 'not-connected':
      return { title: t('overlay_notConnectedTitle', { crm, place }), body: t('overlay_notConnectedBody', { place }) };
    case 'session-expired':
      return { title: t('overlay_sessionExpiredTitle', { crm }), body: t('overlay_sessionExpiredBody', { crm }) };
    case 'no-api-access':
      return { title: t('overlay_noApiTitle'), body: t('overlay_noApiBody', { crm }) };
  }
}

export interface OverlayPanelProps {
  /** The CRM's name in the states' copy, and what it calls a customer's instance. */
  crm: string;
  place: string;
  state: OverlayState;
  theme: CrmTheme;
  collapsed: boolean;
  /** The panel floats at the right edge (no anchor on the page). */
  floating: boolean;
  /** The page's structure for a bug report (floating only): copies it, resolving false when the clipboard refused. */
  onCopyStructure?: () => Promise<{ copied: boolean; text: string }>;
  onToggle: () => void;
  onRetry: () => void;
  onOpenOptions?: () => void;
  linkFor: SimilarLink;
  /** Where an account panel's open opportunity links; absent: plain text. */
  accountDealLink?: (deal: AccountDeal) => string | null;
  /** Where an opportunity's account opens in the CRM (its Account or company page), by the account's id; absent or null: no link. */
  accountLinkFor?: (accountId: string) => string | null;
  /** The Repeat Buyer panel's link to the personas page (opened through the background). */
  personasLinkFor?: ((connectionId: string, personaId: string) => PersonasLink) | null;
  locale?: string;
}

/** The overlay's frame: a header with a collapse toggle, then the panels or the state in their place. */
export function OverlayPanel(props: OverlayPanelProps) {
  const { state, theme, collapsed, floating, onToggle } = props;
  return (
    <ThemeRoot
      theme={theme}
      // The panel's language, which may differ from the CRM page's (screen readers, hyphenation).
      lang={messageLanguage()}
      data-overlay-state={stateName(state)}
      data-floating={floating ? '' : undefined}
      // Floating: fixed to the viewport's right edge, above the CRM's own layers, whatever
      // scrolls. Set on this element inside the shadow root, not on the host: WXT's
      // `:host { all: initial !important }` wins over any style the host itself carries.
      style={floating ? FLOATING_STYLE : undefined}
      class={floating ? 'overflow-auto rounded-l-xl border border-slate-200 bg-slate-50 shadow-lg dark:border-slate-700 dark:bg-slate-950' : 'my-3'}
    >
      <LocaleProvider locale={props.locale}>
        <div class="flex items-center justify-between gap-2 px-3 py-2">
          <span class="text-xs font-semibold tracking-wide text-indigo-700 uppercase dark:text-indigo-300">{t('overlay_brand')}</span>
          <Button variant="ghost" size="sm" aria-expanded={!collapsed} onClick={onToggle} data-action="toggle">
            {collapsed ? t('overlay_show') : t('overlay_hide')}
          </Button>
        </div>
        {floating && !collapsed ? <NoAnchorNotice onCopyStructure={props.onCopyStructure} /> : null}
        {collapsed ? null : (
          <div class="px-3 pb-3" data-overlay-body="">
            <Body {...props} />
          </div>
        )}
      </LocaleProvider>
    </ThemeRoot>
  );
}

/** Fixed at the viewport's right edge, below the CRM's own top bar, above every layer a page can make. */
const FLOATING_STYLE = {
  position: 'fixed',
  top: '6rem',
  right: '0',
  width: 'min(380px, 90vw)',
  maxHeight: 'calc(100vh - 8rem)',
  zIndex: '2147483000',
} as const;

/** One line on why the panel floats, and the page's structure for a bug report. */
function NoAnchorNotice({ onCopyStructure }: Pick<OverlayPanelProps, 'onCopyStructure'>) {
  const [result, setResult] = useState<{ copied: boolean; text: string } | null>(null);
  return (
    <div class="space-y-1 px-3 pb-2 text-xs text-slate-600 dark:text-slate-300" data-overlay-notice="no-anchor">
      <p>{t('overlay_noAnchor')}</p>
      {onCopyStructure ? (
        <Button variant="ghost" size="sm" data-action="copy-structure" onClick={() => void onCopyStructure().then(setResult, () => undefined)}>
          {t('overlay_copyStructure')}
        </Button>
      ) : null}
      {result?.copied ? <p role="status">{t('overlay_structureCopied')}</p> : null}
      {result && !result.copied ? (
        <label class="block">
          <span>{t('overlay_structureManual')}</span>
          <textarea
            readOnly
            rows={6}
            class="mt-1 w-full rounded border border-slate-300 p-1 font-mono text-[10px] dark:border-slate-600"
            value={result.text}
            data-structure=""
          />
        </label>
      ) : null}
    </div>
  );
}

function stateName(state: OverlayState): string {
  if (state.kind === 'panel') return state.panel.state.kind;
  if (state.kind === 'account') return 'account';
  if (state.kind === 'failed') return state.code ?? 'error';
  return 'loading';
}

/** Panel states whose `opportunity` is the record itself (not a placeholder), so its account is known. */
const HAS_RECORD: ReadonlySet<PanelData['state']['kind']> = new Set(['ready', 'out-of-date', 'not-enough-data']);

function Body({ crm, place, state, theme, onRetry, onOpenOptions, linkFor, accountDealLink, accountLinkFor, personasLinkFor, locale }: OverlayPanelProps) {
  if (state.kind === 'loading') return <DealPanelsSkeleton />;
  if (state.kind === 'account') return <AccountPanel account={state.account} linkFor={accountDealLink ?? (() => null)} level={2} />;
  if (state.kind === 'panel') {
    const connectionId = state.panel.connectionId;
    const account = HAS_RECORD.has(state.panel.state.kind) ? state.panel.opportunity.account : null;
    const accountLink = account ? (accountLinkFor?.(account.id) ?? null) : null;
    const panels = (
      <DealPanels
        panel={state.panel}
        theme={theme}
        locale={locale}
        linkFor={linkFor}
        personasLinkFor={personasLinkFor ? (personaId) => personasLinkFor(connectionId, personaId) : null}
        onRetry={onRetry}
        onOpenOptions={onOpenOptions}
        level={2}
      />
    );
    if (!account || !accountLink) return panels;
    // Up to the account (issue 16): its page in the CRM, where the account panel rolls up its opportunities.
    return (
      <>
        <a
          href={accountLink}
          target="_top"
          data-action="open-account"
          class="mb-2 inline-block rounded-sm text-sm font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 dark:text-indigo-300"
        >
          {t('panels_account_link', { name: account.name || account.id })}
        </a>
        {panels}
      </>
    );
  }
  const { code, message } = state;
  if (code === 'not-an-opportunity') {
    // Small and quiet: the user did nothing wrong and can do nothing about it.
    return (
      <p class="text-xs text-slate-500 dark:text-slate-400" data-state="not-an-opportunity">
        {t('overlay_notOpportunity')}
      </p>
    );
  }
  if (code === null || code === 'not-synced') {
    // 'not-synced' arrives as a PanelData state when the record is known; as a code, it is a plain message.
    return <PanelError message={message} onRetry={onRetry} />;
  }
  const copy = codeCopy(code, crm, place);
  return (
    <EmptyState
      name={code}
      icon={code === 'not-connected' ? 'database' : 'info'}
      title={copy.title}
      actions={
        <>
          {(code === 'not-connected' || (code === 'session-expired' && crm === 'HubSpot')) && onOpenOptions ? (
            <Button onClick={onOpenOptions}>{t('overlay_openOptions')}</Button>
          ) : null}
          {code !== 'not-connected' ? (
            <Button variant="secondary" icon="refresh" onClick={onRetry}>
              {t('overlay_retry')}
            </Button>
          ) : null}
        </>
      }
    >
      {/* The background's sentence names the fix for this CRM (log in again, paste a new token); the generic one is the fallback. */}
      <p>{code === 'session-expired' && message ? message : copy.body}</p>
    </EmptyState>
  );
}
