/**
 * The personas page's real source: the store, read directly (an extension page shares the
 * background's origin, hence its IndexedDB), the background for events, and the browser
 * for tabs and the clipboard.
 */
import { browser } from 'wxt/browser';
import { subscribeToBackground } from '../../lib/client';
import { crmLinker } from '../../lib/jobs/crm-links';
import { parseView } from '../../lib/pipeline/segments';
import { chooseConnection } from '../../lib/pipeline/status';
import { getModel, getSetting, listConnections, listJobs, listOpportunities, listPersonas, openDb } from '../../lib/store';
import type { PersonasSource } from './source';

/** Enough history to find a connection's running job and its last sync. */
const JOBS_READ = 30;

/** `getURL` only accepts paths WXT typed when it generated its types; these pages are built alongside. */
const pageUrl = (path: string): string => (browser.runtime.getURL as (path: string) => string)(path);

export function storeSource(): PersonasSource {
  const db = openDb();
  return {
    async preferredConnection() {
      return parseView(await getSetting(db, 'popup.view')).connectionId;
    },
    async load(preferred) {
      const [connections, jobs] = await Promise.all([listConnections(db), listJobs(db, JOBS_READ)]);
      const connection = chooseConnection(connections, preferred);
      if (!connection) return { connections, connection: null, model: null, personas: [], open: [], jobs, crmLink: null };
      const [model, personas, open, crmLink] = await Promise.all([
        getModel(db, connection.id),
        listPersonas(db, connection.id),
        listOpportunities(db, connection.id, { isClosed: false }),
        crmLinker(db, connection),
      ]);
      return { connections, connection, model: model ?? null, personas, open, jobs, crmLink };
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
