/**
 * The background: wiring only. It owns the job queue (lib/jobs/queue.ts), the bridge to
 * the job runner (the offscreen document on Chrome, this page on Firefox), and the message
 * listener, which tells senders apart (./senders.ts) and gives each kind its own handlers
 * (./content-handlers.ts, ./page-handlers.ts; ./dispatch.ts refuses the rest). What
 * differs between CRMs is asked of their connectors (lib/crm/registry.ts) in ./crm.ts.
 * A CRM session (Salesforce `sid`) is held in memory only, from the moment it is read
 * until its job starts; the job log never holds it.
 */
import '../../lib/i18n/all';
import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import type { ConnectorEnv, CrmConnector } from '../../lib/crm/connector';
import { allTabPatterns } from '../../lib/crm/registry';
import { withE2E } from '../../lib/crm/shared/hosts';
import { JobQueue } from '../../lib/jobs/queue';
import type { EventToContent } from '../../lib/messages';
import { openDb } from '../../lib/store/db';
import { connectionSettings, getConnection, getModel, getPanel, listConnectionSetting } from '../../lib/store/repo';
import type { JobRecord } from '../../lib/store/schema';
import { notifyAtRisk, type Notifier } from './alerts';
import { OFFSCREEN_PATH, OffscreenBridge, type RunnerBridge } from './bridge';
import { contentHandlers } from './content-handlers';
import { dailyRefresh, secretsForJob, type CrmDeps } from './crm';
import { dispatch } from './dispatch';
import { hasHostPermission } from './host-permission';
import { pageHandlers } from './page-handlers';
import { acceptPagePorts, broadcast } from './ports';
import { classifySender, type ExtensionIdentity } from './senders';
import { t } from '../../lib/i18n';

const DAILY_ALARM = 'dealsight:daily-refresh';
/** Close the engine after this long without work, to give its memory back. */
const IDLE_MS = 60_000;

export default defineBackground(() => {
  const db = openDb();
  /** The e2e build (and dev) treats localhost as a CRM (design.md); production never does. */
  const e2e = import.meta.env.MODE === 'e2e' || import.meta.env.DEV;
  const hostOptions = { localhost: e2e };
  const getURL = browser.runtime.getURL as (path: string) => string;
  const self: ExtensionIdentity = { id: browser.runtime.id, origin: getURL('/'), runnerUrl: getURL(OFFSCREEN_PATH) };

  let bridge: RunnerBridge | null = null;
  let idleTimer: ReturnType<typeof setTimeout> | null = null;

  async function getBridge(): Promise<RunnerBridge> {
    if (bridge) return bridge;
    if (import.meta.env.BROWSER === 'firefox') {
      // Firefox's MV3 background is an event page with a DOM: run the jobs here.
      const { DirectBridge } = await import('./direct-bridge');
      bridge = new DirectBridge(db, (job) => queue.update(job));
    } else {
      bridge = new OffscreenBridge();
    }
    return bridge;
  }

  /** After a while without jobs or panels, the runner closes to give its memory back. */
  function touch(): void {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      if (queue.running === null) void bridge?.idle();
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
      const tabs = await browser.tabs.query({ url: allTabPatterns(e2e, 'overlay') });
      // A tab without the content script (loaded before the extension) has no receiver: that is fine.
      await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, event).catch(() => undefined))));
    } catch {
      // Telling is best effort: the page still shows the earlier numbers, and reloading refreshes it.
    }
  }

  function onJobUpdate(job: JobRecord): void {
    broadcast({ type: 'job', job });
    if (job.status !== 'done') return;
    broadcast({ type: 'data-changed', connectionId: job.connectionId });
    void tellCrmTabs(job.connectionId);
    void notifyAtRisk(db, job, notifier).catch(() => undefined);
  }

  const env = (crm: CrmConnector): ConnectorEnv => ({
    hostOptions,
    fetch: (url, init) => fetch(url, init),
    now: () => new Date().toISOString(),
    getTab: async (tabId) => browser.tabs.get(tabId).catch(() => undefined),
    tabs: () => browser.tabs.query({ url: withE2E(crm.hosts.pages, e2e) }),
    getCookie: async (url, name, storeId) => (await browser.cookies.get({ url, name, ...(storeId ? { storeId } : {}) }))?.value ?? null,
    getAllCookies: async (name, domain, storeId) => (await browser.cookies.getAll({ name, domain, ...(storeId ? { storeId } : {}) })).map((c) => c.value),
    // The OAuth sign-in window (`identity`: wxt.config.ts says why the permission is there).
    ...(browser.identity
      ? {
          launchWebAuthFlow: (url: string) =>
            browser.identity.launchWebAuthFlow({ url, interactive: true }).then((redirected) => {
              if (!redirected) throw new Error(t('background_signInClosed'));
              return redirected;
            }),
          oauthRedirectUrl: () => browser.identity.getRedirectURL(),
        }
      : {}),
    settings: (connectionId) => connectionSettings(db, connectionId),
    settingOfAll: (name) => listConnectionSetting(db, name),
    isConnected: async (connectionId) => (await getConnection(db, connectionId)) !== undefined,
    hasHostPermission: (apiBase) => hasHostPermission(apiBase, (permissions) => browser.permissions.contains(permissions)),
  });

  const crmDeps: CrmDeps = {
    db,
    hostOptions,
    env,
    enqueue: (kind, connectionId, params, secrets) => queue.enqueue(kind, connectionId, params, secrets),
    logSkipped: (kind, connectionId, reason) => queue.logSkipped(kind, connectionId, reason),
    panel: panelFor,
    recordPanel: async (connectionId, opportunityId, access) => {
      touch();
      return (await getBridge()).recordPanel(connectionId, opportunityId, access);
    },
  };

  const queue = new JobQueue({
    db,
    runner: getBridge,
    onUpdate: onJobUpdate,
    secretsFor: (job) => secretsForJob(crmDeps, job),
    onBusy: () => touch(),
  });

  /** A stored record's panel: the cache while the models and data it was computed from are current, else the runner. */
  async function panelFor(connectionId: string, opportunityId: string) {
    touch();
    const [connection, model, cached] = await Promise.all([
      getConnection(db, connectionId),
      getModel(db, connectionId),
      getPanel(db, connectionId, opportunityId),
    ]);
    if (
      connection &&
      model &&
      cached &&
      cached.trainedAt === model.trainedAt &&
      cached.panel.state.kind !== 'out-of-date' &&
      connection.dataVersion === model.dataVersion
    ) {
      return cached.panel;
    }
    return (await getBridge()).panel(connectionId, opportunityId);
  }

  const openOptions = () => browser.runtime.openOptionsPage();
  const handlers = {
    content: contentHandlers({ crm: crmDeps, openOptions, openPage: async (path) => void (await browser.tabs.create({ url: getURL(`/${path}`) })) }),
    page: pageHandlers({
      db,
      queue,
      crm: crmDeps,
      version: browser.runtime.getManifest().version,
      panel: panelFor,
      openOptions,
      onDeletedAll: () => {
        broadcast({ type: 'data-changed', connectionId: null });
        void tellCrmTabs(null);
      },
    }),
    runner: (message: { job: JobRecord }) => queue.update(message.job),
  };

  acceptPagePorts();

  browser.runtime.onMessage.addListener((incoming: unknown, sender, sendResponse) => {
    const routed = dispatch(handlers, classifySender(sender, self), incoming);
    if (routed === null || 'taken' in routed) return false;
    // `sendResponse` + `return true` rather than returning a promise: older Chromes ignore
    // a promise returned from an `onMessage` listener; Firefox accepts both.
    void routed.answer.then(sendResponse);
    return true;
  });

  // Daily: sync the CRM connections that can sync now (each sync trains), and retrain the
  // other connections whose data changed since their models.
  void browser.alarms.create(DAILY_ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 24 * 60 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === DAILY_ALARM) void dailyRefresh(crmDeps);
  });

  // After a restart of this service worker: a job still running either continues in the
  // offscreen document, which outlives us, or died with its runner; then the queue goes on.
  void queue.recover();
});
