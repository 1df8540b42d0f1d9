/**
 * The background: the only context that starts jobs and answers content scripts.
 * - Messages are accepted only from the extension itself (`isOwnSender`).
 * - Jobs (import, sandbox, train) run one at a time from the store's job log, on the
 *   runner bridge (offscreen document on Chrome, this page on Firefox); their progress is
 *   pushed to open pages.
 * - Panel data comes from the store's cache, or is computed by the runner on a miss.
 * - A daily alarm retrains connections whose data changed since their models, and syncs
 *   connected Salesforce orgs that have an open tab (./salesforce.ts).
 * - A CRM session (Salesforce `sid`) is kept in memory only, from the moment it is read
 *   until its job starts: `pendingSecrets`, never the job log.
 */
import '../../lib/i18n/all';
import { defineBackground } from 'wxt/utils/define-background';
import { browser, type Browser } from 'wxt/browser';
import { isMessageToBackground, type BackgroundReply, type EventToContent, type MessageFromRunner, type MessageToBackground } from '../../lib/messages';
import { openDb } from '../../lib/store/db';
import { createJob, deleteAll, getConnection, getJob, getModel, getPanel, listConnections, listJobs, markInterruptedJobs, updateJob } from '../../lib/store/repo';
import type { JobKind, JobRecord } from '../../lib/store/schema';
import type { JobSecrets } from '../../lib/jobs/runner';
import { OffscreenBridge, type RunnerBridge } from './bridge';
import { connectCrm, dailySalesforceSync, syncCrm, getRecordPanel, getRecordScores, LOCAL_TAB_PATTERNS, SALESFORCE_TAB_PATTERNS, sessionForJob, type SalesforceDeps } from './salesforce';
import { acceptPagePorts, broadcast } from './ports';
import { notifyAtRisk, type Notifier } from './alerts';
import { HUBSPOT_APP_MATCHES } from '../../lib/crm/hubspot/hosts';
import { connectHubSpotPortal, getDealPanel, getDealScores, isHubSpotPage, syncHubSpotPortal, type HubSpotDeps } from './hubspot';
import { extensionPagePath } from './pages';
import { isOwnSender } from './senders';

const DAILY_ALARM = 'dealsight:daily-refresh';
/** Close the engine after this long without work, to give its memory back. */
const IDLE_MS = 60_000;

function isFromRunner(value: unknown): value is MessageFromRunner {
  return typeof value === 'object' && value !== null && (value as { target?: unknown }).target === 'background';
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export default defineBackground(() => {
  const db = openDb();
  let bridge: RunnerBridge | null = null;
  let running: number | null = null;
  let idleTimer: ReturnType<typeof setTimeout> | null = null;
  const finished = new Map<number, (job: JobRecord) => void>();
  /** Secrets of queued jobs, by job id: memory only, dropped when the job starts. */
  const pendingSecrets = new Map<number, JobSecrets>();
  /** The e2e build (and dev) treats localhost as a Salesforce org (design.md); production never does. */
  const localhost = import.meta.env.MODE === 'e2e' || import.meta.env.DEV;

  async function getBridge(): Promise<RunnerBridge> {
    if (bridge) return bridge;
    if (import.meta.env.BROWSER === 'firefox') {
      // Firefox's MV3 background is an event page with a DOM: run the jobs here.
      const { DirectBridge } = await import('./direct-bridge');
      bridge = new DirectBridge(db, onJobUpdate);
    } else {
      bridge = new OffscreenBridge();
    }
    return bridge;
  }

  function touch(): void {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      if (running === null) void bridge?.idle();
    }, IDLE_MS);
  }

  const notifier: Notifier = {
    allowed: () => browser.permissions.contains({ permissions: ['notifications'] }),
    create: (id, options) => browser.notifications.create(id, options),
    iconUrl: browser.runtime.getURL('/icon/128.png'),
  };
  // A click on the at-risk notification opens the ranked pipeline. `notifications` is an
  // optional permission: its API exists once granted (now, or later from the options page).
  let listeningToClicks = false;
  const listenToClicks = (): void => {
    if (listeningToClicks || !browser.notifications) return;
    listeningToClicks = true;
    browser.notifications.onClicked.addListener((id) => {
      if (id.startsWith('dealsight-at-risk-')) void browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
    });
  };
  listenToClicks();
  browser.permissions.onAdded.addListener((added) => {
    if (added.permissions?.includes('notifications')) listenToClicks();
  });

  /** Open CRM pages show panels and chips from the store: they ask again after it changed. */
  async function tellCrmTabs(connectionId: string | null): Promise<void> {
    const event: EventToContent = { target: 'content', type: 'data-changed', connectionId };
    try {
      const crmPatterns = [...SALESFORCE_TAB_PATTERNS, ...HUBSPOT_APP_MATCHES];
      const tabs = await browser.tabs.query({ url: localhost ? [...crmPatterns, ...LOCAL_TAB_PATTERNS] : crmPatterns });
      // A tab without the content script (loaded before the extension) has no receiver: that is fine.
      await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, event).catch(() => undefined))));
    } catch {
      // Telling is best effort: the page still shows the earlier numbers, and reloading refreshes it.
    }
  }

  function onJobUpdate(job: JobRecord): void {
    broadcast({ type: 'job', job });
    if (job.status === 'done' || job.status === 'failed' || job.status === 'cancelled') {
      if (job.status === 'done') {
        broadcast({ type: 'data-changed', connectionId: job.connectionId });
        void tellCrmTabs(job.connectionId);
        void notifyAtRisk(db, job, notifier).catch(() => undefined);
      }
      const resolve = job.id !== undefined ? finished.get(job.id) : undefined;
      if (resolve && job.id !== undefined) {
        finished.delete(job.id);
        resolve(job);
      }
    }
  }

  /** Runs queued jobs, oldest first, one at a time. */
  async function pump(): Promise<void> {
    if (running !== null) return;
    const queued = (await listJobs(db, 50)).filter((j) => j.status === 'queued').sort((a, b) => (a.id ?? 0) - (b.id ?? 0));
    const next = queued[0];
    if (!next || next.id === undefined) return;
    const id = next.id;
    running = id;
    touch();
    try {
      const done = new Promise<JobRecord>((resolve) => finished.set(id, resolve));
      let secrets = pendingSecrets.get(id);
      pendingSecrets.delete(id);
      // A sync queued before a restart lost its session with the old service worker: read it again.
      if (!secrets && next.kind === 'sync') secrets = await sessionForJob(salesforce, next);
      await (await getBridge()).start(id, secrets);
      await done;
    } catch (error) {
      const patch = { status: 'failed' as const, error: `The engine could not run the job: ${message(error)}`, finishedAt: new Date().toISOString() };
      await updateJob(db, id, patch);
      onJobUpdate({ ...next, ...patch });
    } finally {
      finished.delete(id);
      running = null;
      touch();
    }
    void pump();
  }

  async function enqueue(kind: JobKind, connectionId: string, params: JobRecord['params'], secrets?: JobSecrets): Promise<number> {
    const job: Omit<JobRecord, 'id'> = {
      kind,
      connectionId,
      status: 'queued',
      step: null,
      done: 0,
      total: 0,
      createdAt: new Date().toISOString(),
      startedAt: null,
      finishedAt: null,
      summary: null,
      error: null,
      attempts: 0,
      params,
    };
    const id = await createJob(db, job);
    if (secrets) pendingSecrets.set(id, secrets);
    broadcast({ type: 'job', job: { ...job, id } });
    void pump();
    return id;
  }

  async function panelFor(connectionId: string, opportunityId: string) {
    touch();
    const [connection, model, cached] = await Promise.all([getConnection(db, connectionId), getModel(db, connectionId), getPanel(db, connectionId, opportunityId)]);
    if (connection && model && cached && cached.trainedAt === model.trainedAt && cached.panel.state.kind !== 'out-of-date' && connection.dataVersion === model.dataVersion) {
      return cached.panel;
    }
    return (await getBridge()).panel(connectionId, opportunityId);
  }

  const salesforce: SalesforceDeps = {
    db,
    hostOptions: { localhost },
    getTab: async (tabId) => browser.tabs.get(tabId).catch(() => undefined),
    salesforceTabs: async () => browser.tabs.query({ url: localhost ? [...SALESFORCE_TAB_PATTERNS, ...LOCAL_TAB_PATTERNS] : SALESFORCE_TAB_PATTERNS }),
    getCookie: async (url, name, storeId) => (await browser.cookies.get({ url, name, ...(storeId ? { storeId } : {}) }))?.value ?? null,
    enqueue,
    logSkipped: async (kind, connectionId, reason) => {
      const now = new Date().toISOString();
      const job: Omit<JobRecord, 'id'> = { kind, connectionId, status: 'cancelled', step: null, done: 0, total: 0, createdAt: now, startedAt: null, finishedAt: now, summary: reason, error: null, attempts: 0, params: {} };
      broadcast({ type: 'job', job: { ...job, id: await createJob(db, job) } });
    },
    panel: panelFor,
    recordPanel: async (connectionId, opportunityId, session) => {
      touch();
      return (await getBridge()).recordPanel(connectionId, opportunityId, session);
    },
  };

  const hubspot: HubSpotDeps = {
    db,
    hostOptions: { localhost },
    fetch: (url, init) => fetch(url, init),
    now: () => new Date().toISOString(),
    getTab: salesforce.getTab,
    enqueue: (kind, connectionId, params) => enqueue(kind, connectionId, params),
    panel: panelFor,
    recordPanel: async (connectionId, opportunityId) => {
      touch();
      return (await getBridge()).recordPanel(connectionId, opportunityId);
    },
  };

  async function reply(request: MessageToBackground, sender: Browser.runtime.MessageSender): Promise<BackgroundReply<MessageToBackground>> {
    try {
      switch (request.type) {
        case 'ping':
          return { ok: true, version: browser.runtime.getManifest().version };
        case 'start-import':
          return { ok: true, jobId: await enqueue('import', 'csv', { uploadId: request.uploadId }) };
        case 'start-sandbox':
          return { ok: true, jobId: await enqueue('sandbox', 'sandbox', { seed: request.seed, opportunities: request.opportunities }) };
        case 'start-train': {
          if (!(await getConnection(db, request.connectionId))) return { ok: false, error: `There is no data for ${request.connectionId} to train on.` };
          return { ok: true, jobId: await enqueue('train', request.connectionId, {}) };
        }
        case 'cancel-job': {
          const job = await getJob(db, request.jobId);
          if (!job) return { ok: false, error: `There is no job ${request.jobId}.` };
          if (job.status === 'queued') {
            const patch = { status: 'cancelled' as const, finishedAt: new Date().toISOString(), summary: 'Cancelled' };
            await updateJob(db, request.jobId, patch);
            onJobUpdate({ ...job, ...patch });
          } else if (job.status === 'running') {
            await (await getBridge()).cancel(request.jobId);
          }
          return { ok: true };
        }
        case 'get-panel': {
          const [connection, model] = await Promise.all([getConnection(db, request.connectionId), getModel(db, request.connectionId)]);
          if (!connection || !model) {
            return { ok: false, code: 'not-synced', error: 'There is no data for this record yet: import a CSV export, load sandbox data or connect your CRM in the options page.' };
          }
          return { ok: true, panel: await panelFor(request.connectionId, request.opportunityId) };
        }
        // A CRM page's URL says which CRM it is (on localhost, in e2e builds, by its path).
        case 'get-record-panel':
          if (isHubSpotPage(request.url, hubspot.hostOptions)) return await getDealPanel(hubspot, request.url, sender.tab);
          return await getRecordPanel(salesforce, request.url, sender.tab);
        case 'get-record-scores':
          if (isHubSpotPage(request.url, hubspot.hostOptions)) return await getDealScores(hubspot, request.url, request.ids, sender.tab);
          return await getRecordScores(salesforce, request.url, request.ids, sender.tab);
        case 'connect-hubspot':
          // The token comes only from the extension's own pages (the options page).
          if (!sender.url?.startsWith(browser.runtime.getURL('/'))) return { ok: false, error: 'Connect HubSpot from the options page.' };
          return await connectHubSpotPortal(hubspot, request.token, request.tabId);
        case 'connect-crm':
          // Only the extension's own pages connect an org; a content script cannot pick a tab.
          if (!sender.url?.startsWith(browser.runtime.getURL('/'))) return { ok: false, error: 'Connect Salesforce from the options page.' };
          return await connectCrm(salesforce, request.tabId);
        case 'sync-crm':
          if (!sender.url?.startsWith(browser.runtime.getURL('/'))) return { ok: false, error: 'Sync your CRM from the options page.' };
          if (request.connectionId.startsWith('hubspot:')) return await syncHubSpotPortal(hubspot, request.connectionId);
          return await syncCrm(salesforce, request.connectionId);
        case 'open-options':
          await browser.runtime.openOptionsPage();
          return { ok: true };
        case 'open-extension-page': {
          const target = extensionPagePath(request);
          if (!target.ok) return target;
          await browser.tabs.create({ url: (browser.runtime.getURL as (path: string) => string)(`/${target.path}`) });
          return { ok: true };
        }
        case 'delete-all': {
          if (running !== null) await (await getBridge()).cancel(running);
          await deleteAll(db);
          broadcast({ type: 'data-changed', connectionId: null });
          void tellCrmTabs(null);
          return { ok: true };
        }
      }
    } catch (error) {
      return { ok: false, error: message(error) };
    }
  }

  acceptPagePorts();

  browser.runtime.onMessage.addListener((incoming: unknown, sender, sendResponse) => {
    if (!isOwnSender(sender)) return false;
    if (isFromRunner(incoming)) {
      if (incoming.type === 'job-update') onJobUpdate(incoming.job);
      return false;
    }
    if (!isMessageToBackground(incoming)) return false;
    // `sendResponse` + `return true` rather than returning a promise: older Chromes ignore
    // a promise returned from an `onMessage` listener; Firefox accepts both.
    void reply(incoming, sender).then(sendResponse);
    return true;
  });

  // Daily: sync the Salesforce orgs that have an open tab and the HubSpot portals with a
  // token (each sync trains), and retrain the other connections whose data changed since
  // their models.
  void browser.alarms.create(DAILY_ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 24 * 60 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== DAILY_ALARM) return;
    void (async () => {
      await dailySalesforceSync(salesforce);
      for (const connection of await listConnections(db)) {
        if (connection.kind === 'salesforce') continue;
        // A HubSpot portal syncs with its stored token: no open tab needed (the sync trains).
        if (connection.kind === 'hubspot') {
          const synced = await syncHubSpotPortal(hubspot, connection.id);
          if (synced.ok) continue;
        }
        const model = await getModel(db, connection.id);
        if (!model || model.dataVersion !== connection.dataVersion) await enqueue('train', connection.id, {});
      }
    })();
  });

  // After a restart of this service worker: a job still 'running' either continues in the
  // offscreen document, which outlives us (then wait for its end before the next job), or
  // died with its runner (then say so in the job log). Then go on with the queue.
  void (async () => {
    const live = await (await getBridge()).alive();
    const stillRunning = live ? (await listJobs(db, 50)).find((j) => j.status === 'running') : undefined;
    if (stillRunning?.id !== undefined) {
      const id = stillRunning.id;
      running = id;
      await new Promise<JobRecord>((resolve) => finished.set(id, resolve));
      running = null;
    } else {
      await markInterruptedJobs(db);
    }
    await pump();
  })();
});
