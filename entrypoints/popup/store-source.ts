/**
 * The popup's real source: the store, read directly (an extension page shares the
 * background's origin, hence its IndexedDB), and the background for jobs and events.
 */
import { browser } from 'wxt/browser';
import { crmLinker } from '../../lib/jobs/crm-links';
import { sendToBackground, subscribeToBackground } from '../../lib/client';
import { recordUrl } from '../../lib/pipeline/record-url';
import { parseView, serializeView } from '../../lib/pipeline/segments';
import { chooseConnection } from '../../lib/pipeline/status';
import {
  connectionSettings,
  deleteSegment,
  getModel,
  getSetting,
  listConnections,
  listJobs,
  listPipeline,
  listSegments,
  openDb,
  saveSegment,
  setSetting,
} from '../../lib/store';
import { pingBackground } from './ping';
import type { PopupSource } from './source';

/** Enough history to find a connection's running job and its last result. */
const JOBS_READ = 30;

/**
 * The detail page's URL. `getURL` only accepts paths WXT has seen when it generated its
 * types, and the detail entrypoint is built alongside this one, so widen the type here.
 */
function detailPageUrl(): string {
  return (browser.runtime.getURL as (path: string) => string)('/detail.html');
}

export function storeSource(): PopupSource {
  const db = openDb();
  return {
    async loadView() {
      return parseView(await getSetting(db, 'popup.view'));
    },
    async saveView(view) {
      await setSetting(db, 'popup.view', serializeView(view));
    },
    async load(preferred) {
      const [connections, segments, jobs] = await Promise.all([listConnections(db), listSegments(db), listJobs(db, JOBS_READ)]);
      const connection = chooseConnection(connections, preferred);
      if (!connection) return { connections, connection: null, model: null, rows: [], segments, jobs, me: null };
      const [model, stored, me, link] = await Promise.all([
        getModel(db, connection.id),
        listPipeline(db, connection.id),
        connectionSettings(db, connection.id).get('popup.me'),
        crmLinker(db, connection),
      ]);
      // A row click opens the deal in its CRM where the store knows the CRM's pages.
      const rows = link ? stored.map((row) => (row.crmUrl ? row : { ...row, crmUrl: link(row.id) })) : stored;
      return { connections, connection, model: model ?? null, rows, segments, jobs, me: typeof me === 'string' ? me : null };
    },
    async saveMe(connectionId, name) {
      await connectionSettings(db, connectionId).set('popup.me', name);
    },
    async saveSegment(name, filters) {
      await saveSegment(db, name, filters);
      return listSegments(db);
    },
    async deleteSegment(id) {
      await deleteSegment(db, id);
      return listSegments(db);
    },
    subscribe: subscribeToBackground,
    async ping() {
      return (await pingBackground()).version;
    },
    async openRecord(row) {
      await browser.tabs.create({ url: recordUrl(row, detailPageUrl()) });
    },
    async openOptions() {
      await browser.runtime.openOptionsPage();
    },
    async retrain(connectionId) {
      const reply = await sendToBackground({ type: 'start-train', connectionId });
      if (!reply.ok) throw new Error(reply.error);
    },
  };
}
