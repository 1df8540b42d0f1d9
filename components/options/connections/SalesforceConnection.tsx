/**
 * "Connect the Salesforce org of an open tab": the open Salesforce tabs, one Connect
 * button each ('connect-crm'), and for a connected org its state with the action that
 * fixes it (not logged in, no API access, session expired), last sync and API usage.
 * An org that refuses the browser session for the API (API Access Control, a High-Assurance
 * session policy, a page behind Microsoft Defender for Cloud Apps) is offered the OAuth
 * sign-in (SalesforceOAuth.tsx), opened with the reason, its My Domain filled in.
 */
import { useEffect, useState } from 'preact/hooks';
import { crmOfConnection, crmOfPage } from '../../../lib/crm/registry';
import { salesforceConnector } from '../../../lib/crm/salesforce/connector';
import { apiHostFor } from '../../../lib/crm/salesforce/hosts';
import type { SalesforceOAuth as StoredOAuth, SalesforceStatus } from '../../../lib/crm/salesforce/status';
import { withE2E } from '../../../lib/crm/shared/hosts';
import type { ErrorReply } from '../../../lib/messages';
import type { ConnectionRecord } from '../../../lib/store/schema';
import { errorText, t } from '../i18n';
import type { OptionsSource } from '../source';
import { useOptions } from '../state';
import { cls } from '../ui/classes';
import { JobProgress } from '../ui/JobProgress';
import { Notice } from '../ui/Notice';
import { SalesforceOAuth } from './SalesforceOAuth';
import { SalesforceSettings } from './SalesforceSettings';
import { useTrackedJob } from './useTrackedJob';
import { jobError, jobSummary } from '../../../lib/i18n/job-text';

const E2E = import.meta.env.MODE === 'e2e';
/** Salesforce's page hosts (its host table), and the local sandbox's in e2e builds. */
const TAB_PATTERNS = withE2E(salesforceConnector.hosts.pages, E2E);

interface OpenTab {
  id: number;
  host: string;
  origin: string;
  url: string;
}

/** One entry per host: several tabs of one org connect the same org. */
export async function openSalesforceTabs(source: OptionsSource): Promise<OpenTab[]> {
  const tabs = await source.queryTabs(TAB_PATTERNS);
  const byHost = new Map<string, OpenTab>();
  for (const tab of tabs) {
    if (tab.id === undefined || !tab.url) continue;
    // In e2e builds localhost tabs may be another CRM's sandbox: not an org to connect.
    const other = crmOfPage(tab.url, { localhost: E2E });
    if (other && other.crm !== salesforceConnector) continue;
    const { host, origin } = new URL(tab.url);
    if (!byHost.has(host)) byHost.set(host, { id: tab.id, host, origin, url: tab.url });
  }
  return [...byHost.values()];
}

/** What the rep should do about a failed connect. */
function connectError(reply: ErrorReply): string {
  if (reply.code === 'session-expired') return t('options_salesforceStateExpired');
  // At connect, only a session that cannot be read says this (Microsoft Defender for Cloud Apps): the connector's message names the page and OAuth.
  return t('options_salesforceConnectFailed', { error: reply.error });
}

/**
 * The org's My Domain host from an API origin (`https://acme.my.salesforce.com` →
 * `acme.my.salesforce.com`), to sign in at; a local sandbox's (e2e builds) keeps its `http://`.
 */
function hostOf(origin: string | null | undefined): string | null {
  if (!origin) return null;
  try {
    const u = new URL(origin);
    return u.protocol === 'https:' ? u.host : u.origin;
  } catch {
    return null;
  }
}

export function SalesforceConnection() {
  const state = useOptions();
  const [tabs, setTabs] = useState<OpenTab[] | null>(null);
  const [known, setKnown] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The org refused the browser session: OAuth is offered, signing in at this host. */
  const [oauthFor, setOAuthFor] = useState<{ loginHost: string | null } | null>(null);
  const tracked = useTrackedJob('sync');
  const { track } = tracked;
  // Another CRM's sync is its own card's to show.
  const job = tracked.job && crmOfConnection(tracked.job.connectionId) === salesforceConnector ? tracked.job : undefined;

  const look = () => {
    openSalesforceTabs(state.source).then(setTabs, (caught: unknown) => setError(errorText(caught)));
  };
  useEffect(look, []);
  const connections = state.connections.value;
  useEffect(() => {
    let live = true;
    void state.source.listConnectionSetting('salesforce.origins').then(
      (lists) => live && setKnown(Object.fromEntries(lists.flatMap(([connectionId, origins]) => origins.map((origin) => [origin, connectionId])))),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [connections]);
  // A first sync that failed because the org refuses the browser session leaves no
  // connection card to say so: its status (recorded by the connector) does, here.
  const failedConnection = job?.status === 'failed' ? job.connectionId : null;
  useEffect(() => {
    if (failedConnection === null) return;
    let live = true;
    void state.source
      .connectionSettings(failedConnection)
      .get('salesforce.status')
      .then(
        (status) => live && status?.needsOAuth === true && setOAuthFor({ loginHost: hostOf(status.apiBase) }),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [failedConnection]);

  /** A tab of an org that is connected already: its button syncs again. */
  const connected = (tab: OpenTab) => {
    const id = known[tab.origin];
    return id !== undefined && connections.some((c) => c.id === id);
  };

  async function connect(tab: OpenTab): Promise<void> {
    setError(null);
    setBusy(true);
    try {
      const reply = await state.source.send({ type: 'connect-crm', crm: 'salesforce', tabId: tab.id });
      if (reply.ok) track(reply.jobId);
      else {
        setError(connectError(reply));
        if (reply.code === 'no-api-access') setOAuthFor({ loginHost: hostOf(apiHostFor(tab.url, { localhost: E2E })) });
      }
    } catch (caught) {
      setError(t('options_salesforceConnectFailed', { error: errorText(caught) }));
    } finally {
      setBusy(false);
    }
  }

  const running = busy || (job !== undefined && (job.status === 'queued' || job.status === 'running'));
  return (
    <div class="space-y-3" data-testid="salesforce-connect">
      {tabs !== null && tabs.length === 0 && <p class={`text-sm ${cls.muted}`}>{t('options_salesforceNoTabs')}</p>}
      <div class="flex flex-wrap gap-2">
        {(tabs ?? []).map((tab) => (
          <button key={tab.id} type="button" class={cls.primary} disabled={running} onClick={() => void connect(tab)}>
            {connected(tab) ? t('options_salesforceSyncAgain', { host: tab.host }) : t('options_salesforceConnect', { host: tab.host })}
          </button>
        ))}
        <button type="button" class={cls.secondary} onClick={look}>
          {t('options_salesforceRefresh')}
        </button>
      </div>
      {error && <Notice tone="error">{error}</Notice>}
      {job && (job.status === 'queued' || job.status === 'running') && <JobProgress job={job} title={t('options_salesforceSyncing')} />}
      {job?.status === 'done' && <Notice tone="success">{jobSummary(job, t) ?? t('options_salesforceSynced')}</Notice>}
      {job?.status === 'failed' && (
        <Notice tone="error">{t('options_salesforceSyncFailed', { error: jobError(job, t) ?? t('options_commonUnknownError') })}</Notice>
      )}
      <SalesforceOAuth
        key={oauthFor?.loginHost ?? ''}
        needed={oauthFor !== null}
        loginHost={oauthFor?.loginHost ?? null}
        onConnected={(jobId) => {
          setOAuthFor(null);
          track(jobId);
        }}
      />
    </div>
  );
}

/** A connected org: its state with the fixing action, last sync and API usage. */
export function SalesforceDetails({ connection }: { connection: ConnectionRecord }) {
  const state = useOptions();
  const [status, setStatus] = useState<SalesforceStatus | null>(null);
  const [oauth, setOAuth] = useState<StoredOAuth | null>(null);
  const [syncError, setSyncError] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const { job, track } = useTrackedJob('sync');
  const jobs = state.jobs.value;
  const running = asking || state.activeJobs.value.some((j) => j.connectionId === connection.id);

  async function syncNow(): Promise<void> {
    setSyncError(null);
    setAsking(true);
    try {
      const reply = await state.source.send({ type: 'sync-crm', connectionId: connection.id });
      if (reply.ok) track(reply.jobId);
      else setSyncError(reply.error);
    } catch (caught) {
      setSyncError(t('options_salesforceConnectFailed', { error: errorText(caught) }));
    } finally {
      setAsking(false);
    }
  }
  useEffect(() => {
    let live = true;
    const settings = state.source.connectionSettings(connection.id);
    void Promise.all([settings.get('salesforce.status'), settings.get('salesforce.oauth')]).then(
      ([s, o]) => {
        if (!live) return;
        setStatus(s);
        setOAuth(o);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [connection.id, connection.syncedAt, jobs.length]);

  const viaOAuth = oauth !== null;
  /** The OAuth sign-in no longer works (expired, revoked): sign in again with the same app. */
  const oauthExpired = viaOAuth && status?.state === 'session-expired' && status.auth === 'oauth';
  /** The org refuses the browser session for the API: OAuth is the way in. */
  const needsOAuth = !viaOAuth && status?.needsOAuth === true;
  const problem = oauthExpired
    ? t('options_salesforceOAuthExpired')
    : needsOAuth
      ? null
      : status?.state === 'session-expired'
        ? // The connector's message names the host and what fixes it (a stale `sid` cookie), when it knows them.
          (status.message ?? t('options_salesforceStateExpired'))
        : status?.state === 'no-api-access'
          ? t('options_salesforceStateNoApi')
          : status?.state === 'error'
            ? t('options_salesforceStateError', { error: status.message ?? t('options_commonUnknownError') })
            : null;
  return (
    <div class="space-y-2 text-xs" data-testid="salesforce-details">
      <div class="flex flex-wrap items-center justify-between gap-2">
        <div class="space-y-1">
          <p class={cls.muted}>
            {connection.syncedAt
              ? t('options_salesforceLastSync', { when: new Date(connection.syncedAt).toLocaleString() })
              : t('options_salesforceNeverSynced')}
          </p>
          {status?.limits && <p class={cls.muted}>{t('options_salesforceApiUsage', { used: status.limits.used, max: status.limits.max })}</p>}
          {oauth && (
            <p class={cls.muted} data-testid="salesforce-oauth-connected">
              {t('options_salesforceOAuthConnected', { key: oauth.clientId.slice(-4), host: hostOf(oauth.authBase) ?? oauth.authBase })}
            </p>
          )}
        </div>
        <button type="button" class={cls.secondary} disabled={running} onClick={() => void syncNow()}>
          {t('options_salesforceSyncNow')}
        </button>
      </div>
      {syncError && <Notice tone="error">{syncError}</Notice>}
      {job?.status === 'failed' && (
        <Notice tone="error">{t('options_salesforceSyncFailed', { error: jobError(job, t) ?? t('options_commonUnknownError') })}</Notice>
      )}
      {problem && (
        <Notice tone="error">
          <p>{problem}</p>
          {status?.state === 'session-expired' && !oauthExpired && (
            <button type="button" class={`${cls.secondary} mt-2`} onClick={() => void state.source.openTab(`${status.apiBase}/`)}>
              {t('options_salesforceReconnect')}
            </button>
          )}
        </Notice>
      )}
      {(needsOAuth || oauthExpired) && (
        <SalesforceOAuth needed={needsOAuth} loginHost={hostOf(oauth?.authBase ?? status?.apiBase)} clientId={oauth?.clientId ?? null} onConnected={track} />
      )}
      <SalesforceSettings connectionId={connection.id} choices={status?.customFieldChoices ?? null} />
    </div>
  );
}
