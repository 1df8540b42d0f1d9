/**
 * "Connect with OAuth": Salesforce's second way in, for orgs whose API Access Control or
 * High-Assurance session policy refuses the browser session (issue 13; lib/crm/salesforce/
 * oauth.ts). Shows the callback URL the admin enters in the External Client App
 * (`identity.getRedirectURL()`), what the admin does once (README, "Salesforce orgs that
 * refuse the browser session", has the same steps with their sources), and takes the
 * app's consumer key and where to sign in; the background then opens Salesforce's sign-in
 * window ('connect-crm' with `oauth`) and queues the first sync.
 *
 * Closed by default; open (with the reason) when a sync or a connect found the org refusing
 * the browser session, or when an OAuth sign-in must be renewed.
 */
import { useState } from 'preact/hooks';
import { errorText, t } from '../i18n';
import { useOptions } from '../state';
import { cls } from '../ui/classes';
import { Notice } from '../ui/Notice';

export interface SalesforceOAuthProps {
  /** Why it is open: the org refused the browser session (the options page offers OAuth on that error). */
  needed?: boolean;
  /** The host to sign in at, when known (the org's My Domain). */
  loginHost?: string | null;
  /** The consumer key, when signing in again. */
  clientId?: string | null;
  /** Told the id of the first sync the sign-in queued. */
  onConnected: (jobId: number) => void;
}

const ADMIN_STEPS = [
  'options_salesforceOAuthAdmin1',
  'options_salesforceOAuthAdmin2',
  'options_salesforceOAuthAdmin3',
  'options_salesforceOAuthAdmin4',
  'options_salesforceOAuthAdmin5',
] as const;

export function SalesforceOAuth({ needed = false, loginHost = null, clientId: knownClientId = null, onConnected }: SalesforceOAuthProps) {
  const state = useOptions();
  const [clientId, setClientId] = useState(knownClientId ?? '');
  const [host, setHost] = useState(loginHost ?? 'login.salesforce.com');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const redirectUrl = state.source.oauthRedirectUrl();

  async function signIn(): Promise<void> {
    setError(null);
    setBusy(true);
    try {
      const reply = await state.source.send({ type: 'connect-crm', crm: 'salesforce', oauth: { clientId: clientId.trim(), loginHost: host.trim() } });
      if (reply.ok) onConnected(reply.jobId);
      else setError(t('options_salesforceOAuthFailed', { error: reply.error }));
    } catch (caught) {
      setError(t('options_salesforceOAuthFailed', { error: errorText(caught) }));
    } finally {
      setBusy(false);
    }
  }

  async function copy(): Promise<void> {
    if (redirectUrl === null) return;
    try {
      await navigator.clipboard.writeText(redirectUrl);
      setCopied(true);
    } catch {
      // The field is selectable: copying by hand still works.
      setCopied(false);
    }
  }

  return (
    <div class="space-y-2" data-testid="salesforce-oauth">
      {needed && <Notice tone="warning">{t('options_salesforceOAuthNeeded')}</Notice>}
      <details class="rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-700" open={needed || knownClientId !== null}>
        <summary class="cursor-pointer font-medium text-slate-800 dark:text-slate-100">{t('options_salesforceOAuthSummary')}</summary>
        <div class="mt-3 space-y-3">
          <p class={cls.muted}>{t('options_salesforceOAuthIntro')}</p>
          {redirectUrl === null ? (
            <Notice tone="info">{t('options_salesforceOAuthNoIdentity')}</Notice>
          ) : (
            <label class="block space-y-1">
              <span class={cls.label}>{t('options_salesforceOAuthCallback')}</span>
              <span class="flex flex-wrap items-center gap-2">
                <input
                  type="text"
                  readOnly
                  class={`${cls.input} w-full max-w-md font-mono`}
                  value={redirectUrl}
                  onFocus={(e) => (e.target as HTMLInputElement).select()}
                  data-testid="salesforce-oauth-callback"
                />
                <button type="button" class={cls.secondary} onClick={() => void copy()}>
                  {copied ? t('options_salesforceOAuthCopied') : t('options_salesforceOAuthCopy')}
                </button>
              </span>
            </label>
          )}
          <div>
            <h5 class={cls.label}>{t('options_salesforceOAuthAdminTitle')}</h5>
            <ol class={`mt-1 list-decimal space-y-1 pl-5 ${cls.muted}`}>
              {ADMIN_STEPS.map((key) => (
                <li key={key}>{t(key)}</li>
              ))}
            </ol>
          </div>
          <form
            class="space-y-3"
            onSubmit={(event) => {
              event.preventDefault();
              void signIn();
            }}
          >
            <label class="block space-y-1">
              <span class={cls.label}>{t('options_salesforceOAuthClientId')}</span>
              <input
                type="text"
                autocomplete="off"
                spellcheck={false}
                class={`${cls.input} w-full max-w-md font-mono`}
                placeholder="3MVG9…"
                value={clientId}
                onInput={(e) => setClientId((e.target as HTMLInputElement).value)}
                data-testid="salesforce-oauth-client-id"
              />
            </label>
            <label class="block space-y-1">
              <span class={cls.label}>{t('options_salesforceOAuthLoginHost')}</span>
              <input
                type="text"
                autocomplete="off"
                spellcheck={false}
                class={`${cls.input} w-full max-w-md font-mono`}
                value={host}
                onInput={(e) => setHost((e.target as HTMLInputElement).value)}
                data-testid="salesforce-oauth-login-host"
              />
              <span class={`block text-xs ${cls.muted}`}>{t('options_salesforceOAuthLoginHelp')}</span>
            </label>
            <button type="submit" class={cls.primary} disabled={busy || redirectUrl === null || clientId.trim() === '' || host.trim() === ''}>
              {busy
                ? t('options_salesforceOAuthSigningIn')
                : knownClientId !== null
                  ? t('options_salesforceOAuthSignInAgain')
                  : t('options_salesforceOAuthSignIn')}
            </button>
            {error && <Notice tone="error">{error}</Notice>}
          </form>
        </div>
      </details>
    </div>
  );
}
