/**
 * "Connect a HubSpot portal" (issues 6 and 13): a Service Key (or an existing private app's
 * token), checked by the background against the portal ('connect-crm') before it is kept.
 * The card says who can create a key, where, and which scopes to tick
 * (https://developers.hubspot.com/docs/apps/developer-platform/build-apps/authentication/account-service-keys,
 * https://developers.hubspot.com/changelog/service-keys).
 *
 * The API host permission is optional and asked for in the click that connects (a
 * permission prompt needs a user gesture): the host of the hublet the token names
 * (`pat-eu1-…`), else api.hubapi.com. The portal's region is known only once the
 * background has read its account details, after the gesture is spent; when it names
 * another hublet whose host the browser has not granted, the reply names that host and a
 * second button asks for it in its own click, then connects again.
 * A connected portal's card shows its state with the fix, its API allowance, Sync now and
 * a way to replace the key.
 */
import { useEffect, useState } from 'preact/hooks';
import { apiOriginPattern, DEFAULT_HUBLET, hubletApiBase, hubletOfToken } from '../../../lib/crm/hubspot/hosts';
import { REQUIRED_SCOPES } from '../../../lib/crm/hubspot/scopes';
import { parseHubSpotUrl } from '../../../lib/crm/hubspot/pages';
import { hubspotConnector } from '../../../lib/crm/hubspot/connector';
import type { HubSpotStatus } from '../../../lib/crm/hubspot/status';
import { crmOfConnection } from '../../../lib/crm/registry';
import { E2E_MATCHES } from '../../../lib/crm/shared/hosts';
import type { ConnectionRecord } from '../../../lib/store/schema';
import { errorText, t } from '../i18n';
import type { OptionsSource } from '../source';
import { useOptions } from '../state';
import { cls } from '../ui/classes';
import { JobProgress } from '../ui/JobProgress';
import { Notice } from '../ui/Notice';
import { HubSpotStages } from './HubSpotStages';
import { useTrackedJob } from './useTrackedJob';
import { jobError, jobSummary } from '../../../lib/i18n/job-text';

const IS_E2E = import.meta.env.MODE === 'e2e';

/** The API host the token's hublet is served from (its host table: lib/crm/hubspot/hosts.ts). */
const firstOrigin = (token: string): string => apiOriginPattern(hubletApiBase(hubletOfToken(token) ?? DEFAULT_HUBLET));
const hostOf = (origin: string): string => origin.replace(/^https?:\/\//, '').replace(/\/\*$/, '');

/** Open tabs of a local sandbox HubSpot (e2e builds only): their origin serves the API (design.md). */
async function localHubSpotTabs(source: OptionsSource): Promise<Array<{ id: number; host: string }>> {
  if (!IS_E2E) return [];
  const tabs = await source.queryTabs([...E2E_MATCHES]);
  const byHost = new Map<string, { id: number; host: string }>();
  for (const tab of tabs) {
    if (tab.id === undefined || !tab.url || parseHubSpotUrl(tab.url, { localhost: true }).kind === 'other') continue;
    const host = new URL(tab.url).host;
    if (!byHost.has(host)) byHost.set(host, { id: tab.id, host });
  }
  return [...byHost.values()];
}

/** The key form: used to connect a portal, and to replace a connected portal's key. */
function TokenForm({ onConnected, submitLabel }: { onConnected: (jobId: number) => void; submitLabel: string }) {
  const state = useOptions();
  const [token, setToken] = useState('');
  const [tabs, setTabs] = useState<Array<{ id: number; host: string }>>([]);
  const [api, setApi] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** The hosts the background asked for after this portal's region was known, and why. */
  const [region, setRegion] = useState<{ origins: string[]; message: string } | null>(null);

  useEffect(() => {
    void localHubSpotTabs(state.source).then(
      (found) => {
        setTabs(found);
        setApi(found[0]?.id ?? null);
      },
      () => undefined,
    );
  }, []);

  async function connect(origins: string[] | null): Promise<void> {
    setError(null);
    setRegion(null);
    setBusy(true);
    try {
      // In the click's user gesture, before anything else: the optional host permission
      // (a local sandbox tab is its own API, granted in the e2e build).
      if (api === null || origins !== null) {
        const wanted = origins ?? [firstOrigin(token)];
        const granted = await state.source.requestPermissions({ origins: wanted });
        if (!granted) {
          setError(t('options_hubspotPermissionDenied', { host: wanted.map(hostOf).join(', ') }));
          return;
        }
      }
      const reply = await state.source.send({ type: 'connect-crm', crm: 'hubspot', token, ...(api !== null ? { tabId: api } : {}) });
      if (reply.ok) {
        setToken('');
        onConnected(reply.jobId);
      } else if (reply.origins && reply.origins.length > 0) setRegion({ origins: reply.origins, message: reply.error });
      else setError(t('options_hubspotConnectFailed', { error: reply.error }));
    } catch (caught) {
      setError(t('options_hubspotConnectFailed', { error: errorText(caught) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      class="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        void connect(null);
      }}
    >
      <label class="block space-y-1">
        <span class={cls.label}>{t('options_hubspotToken')}</span>
        <input
          type="password"
          autocomplete="off"
          spellcheck={false}
          class={`${cls.input} w-full max-w-md font-mono`}
          placeholder={t('options_hubspotTokenPlaceholder')}
          value={token}
          onInput={(e) => setToken((e.target as HTMLInputElement).value)}
          data-testid="hubspot-token"
        />
      </label>
      {tabs.length > 0 && (
        <label class="flex flex-wrap items-center gap-2 text-sm">
          <span class={cls.label}>{t('options_hubspotApi')}</span>
          <select
            class={cls.input}
            value={api === null ? '' : String(api)}
            onChange={(e) => setApi((e.target as HTMLSelectElement).value === '' ? null : Number((e.target as HTMLSelectElement).value))}
          >
            {tabs.map((tab) => (
              <option key={tab.id} value={String(tab.id)}>
                {t('options_hubspotApiTab', { host: tab.host })}
              </option>
            ))}
            <option value="">{t('options_hubspotApiDefault')}</option>
          </select>
        </label>
      )}
      <button type="submit" class={cls.primary} disabled={busy || token.trim() === ''}>
        {busy ? t('options_hubspotConnecting') : submitLabel}
      </button>
      {region && (
        <div class="space-y-2" data-testid="hubspot-region">
          <Notice tone="info">{region.message}</Notice>
          <button type="button" class={cls.secondary} disabled={busy} onClick={() => void connect(region.origins)}>
            {t('options_hubspotAllowHost', { host: region.origins.map(hostOf).join(', ') })}
          </button>
        </div>
      )}
      {error && <Notice tone="error">{error}</Notice>}
    </form>
  );
}

export function HubSpotConnection() {
  const { job, track } = useTrackedJob('sync');
  const hubspotJob = job && crmOfConnection(job.connectionId) === hubspotConnector ? job : undefined;
  return (
    <div class="space-y-3" data-testid="hubspot-connect">
      <TokenForm onConnected={track} submitLabel={t('options_hubspotConnect')} />
      <div class="space-y-1 text-xs" data-testid="hubspot-help">
        <p class={cls.muted}>{t('options_hubspotWho')}</p>
        <p class={cls.muted}>{t('options_hubspotWhere')}</p>
        <p class={cls.muted}>
          {t('options_hubspotScopes')}:{' '}
          {REQUIRED_SCOPES.map((scope, i) => (
            <span key={scope}>
              {i > 0 && ', '}
              <code>{scope}</code>
            </span>
          ))}
        </p>
        <p class={cls.muted}>{t('options_hubspotPrivateApp')}</p>
        <p class={cls.muted}>{t('options_hubspotHosts')}</p>
      </div>
      {hubspotJob && (hubspotJob.status === 'queued' || hubspotJob.status === 'running') && (
        <JobProgress job={hubspotJob} title={t('options_hubspotSyncing')} />
      )}
      {hubspotJob?.status === 'done' && <Notice tone="success">{jobSummary(hubspotJob, t) ?? t('options_salesforceSynced')}</Notice>}
      {hubspotJob?.status === 'failed' && (
        <Notice tone="error">{t('options_salesforceSyncFailed', { error: jobError(hubspotJob, t) ?? t('options_commonUnknownError') })}</Notice>
      )}
    </div>
  );
}

/** A connected portal: its state with the fix, last sync, API allowance, Sync now, a new token. */
export function HubSpotDetails({ connection }: { connection: ConnectionRecord }) {
  const state = useOptions();
  const [status, setStatus] = useState<HubSpotStatus | null>(null);
  const [syncError, setSyncError] = useState<string | null>(null);
  const [replacing, setReplacing] = useState(false);
  const { job, track } = useTrackedJob('sync');
  const jobs = state.jobs.value;
  const running = state.activeJobs.value.some((j) => j.connectionId === connection.id);
  useEffect(() => {
    let live = true;
    void state.source
      .connectionSettings(connection.id)
      .get('hubspot.status')
      .then(
        (s) => live && setStatus(s),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [connection.id, connection.syncedAt, jobs.length]);

  async function syncNow(): Promise<void> {
    setSyncError(null);
    try {
      const reply = await state.source.send({ type: 'sync-crm', connectionId: connection.id });
      if (reply.ok) track(reply.jobId);
      else setSyncError(reply.error);
    } catch (caught) {
      setSyncError(errorText(caught));
    }
  }

  const problem =
    status?.state === 'token-invalid' || status?.state === 'token-expired'
      ? t('options_hubspotStateInvalid')
      : status?.state === 'missing-scopes'
        ? t('options_hubspotStateScopes', { error: status.message ?? '' })
        : status?.state === 'error'
          ? t('options_salesforceStateError', { error: status.message ?? t('options_commonUnknownError') })
          : null;
  const limits = status?.limits;
  return (
    <div class="space-y-2 text-xs" data-testid="hubspot-details">
      <div class="flex flex-wrap items-center justify-between gap-2">
        <div class="space-y-1">
          <p class={cls.muted}>
            {status ? `${t('options_hubspotPortal', { portal: status.portalId })} · ` : ''}
            {connection.syncedAt
              ? t('options_salesforceLastSync', { when: new Date(connection.syncedAt).toLocaleString() })
              : t('options_salesforceNeverSynced')}
          </p>
          {limits?.daily != null && limits.dailyRemaining != null && (
            <p class={cls.muted}>{t('options_hubspotRateLimit', { remaining: limits.dailyRemaining, daily: limits.daily })}</p>
          )}
        </div>
        <div class="flex gap-2">
          <button type="button" class={cls.secondary} onClick={() => setReplacing(!replacing)}>
            {t('options_hubspotReplaceToken')}
          </button>
          <button type="button" class={cls.secondary} disabled={running} onClick={() => void syncNow()}>
            {t('options_salesforceSyncNow')}
          </button>
        </div>
      </div>
      {syncError && <Notice tone="error">{syncError}</Notice>}
      {job?.status === 'failed' && job.connectionId === connection.id && (
        <Notice tone="error">{t('options_salesforceSyncFailed', { error: jobError(job, t) ?? t('options_commonUnknownError') })}</Notice>
      )}
      {problem && <Notice tone="error">{problem}</Notice>}
      <HubSpotStages connectionId={connection.id} stages={status?.stages ?? null} />
      {replacing && (
        <TokenForm
          submitLabel={t('options_hubspotConnect')}
          onConnected={(jobId) => {
            setReplacing(false);
            track(jobId);
          }}
        />
      )}
    </div>
  );
}
