/**
 * The personas page's real source: the store, read directly (an extension page shares the
 * background's origin, hence its IndexedDB), the background for events, and the browser
 * for tabs and the clipboard.
 */
import { browser } from 'wxt/browser';
import { originsOf, SALESFORCE_ORIGINS_SETTING } from '../../lib/crm/salesforce/record-links';
import { subscribeToBackground } from '../../lib/client';
import { parseView, VIEW_SETTING_KEY } from '../../lib/pipeline/segments';
import { chooseConnection } from '../../lib/pipeline/status';
import { getModel, getSetting, listConnections, listJobs, listOpportunities, listPersonas, openDb } from '../../lib/store';
import type { JobRecord } from '../../lib/store/schema';
import type { PersonasSource } from './source';

/** Enough history to find a connection's running job and its last sync. */
const JOBS_READ = 30;

/** `getURL` only accepts paths WXT typed when it generated its types; these pages are built alongside. */
const pageUrl = (path: string): string => (browser.runtime.getURL as (path: string) => string)(path);

/** The org's API origin from its last sync, when no page origin is remembered (`/lightning/r/…` redirects there). */
function apiBaseOf(jobs: readonly JobRecord[], connectionId: string): string | null {
  const sync = jobs.find((j) => j.kind === 'sync' && j.connectionId === connectionId && typeof j.params.apiBase === 'string');
  const base = sync?.params.apiBase;
  if (typeof base !== 'string') return null;
  try {
    const url = new URL(base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

export function storeSource(): PersonasSource {
  const db = openDb();
  return {
    async preferredConnection() {
      return parseView(await getSetting<unknown>(db, VIEW_SETTING_KEY, null)).connectionId;
    },
    async load(preferred) {
      const [connections, jobs] = await Promise.all([listConnections(db), listJobs(db, JOBS_READ)]);
      const connection = chooseConnection(connections, preferred);
      if (!connection) return { connections, connection: null, model: null, personas: [], open: [], jobs, crmOrigin: null };
      const [model, personas, open, origins] = await Promise.all([
        getModel(db, connection.id),
        listPersonas(db, connection.id),
        listOpportunities(db, connection.id, { isClosed: false }),
        connection.kind === 'salesforce' ? getSetting<unknown>(db, SALESFORCE_ORIGINS_SETTING, {}) : Promise.resolve({}),
      ]);
      const crmOrigin = connection.kind === 'salesforce' ? (originsOf(origins, connection.id)[0] ?? apiBaseOf(jobs, connection.id)) : null;
      return { connections, connection, model: model ?? null, personas, open, jobs, crmOrigin };
    },
    subscribe: subscribeToBackground,
    async openOptions() {
      await browser.runtime.openOptionsPage();
    },
    async openTab(url) {
      await browser.tabs.create({ url });
    },
    async copyText(text) {
      await navigator.clipboard.writeText(text);
    },
    detailPage: pageUrl('/detail.html'),
    optionsPage: pageUrl('/options.html'),
  };
}
