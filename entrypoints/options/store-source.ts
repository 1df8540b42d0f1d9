/**
 * The options page's real source: the store, read and written directly (an extension page
 * shares the background's origin, hence its IndexedDB), the background for jobs and
 * events, and the browser for tabs and optional permissions.
 */
import * as Comlink from 'comlink';
import { browser } from 'wxt/browser';
import type { CsvReviewApi } from '../../workers/csv-review.worker';
import CsvReviewWorker from '../../workers/csv-review.worker.ts?worker';
import { sendToBackground, subscribeToBackground } from '../../lib/client';
import { crmOfConnection } from '../../lib/crm/registry';
import type { FetchLike } from '../../lib/crm/shared/fetch';
import type { FieldMappingRecord, ModelRecord } from '../../lib/store/schema';
import {
  connectionSettings,
  countOpportunities,
  deleteConnection,
  exportScoredCsv,
  getFieldMapping,
  getModel,
  getSetting,
  listConnectionSetting,
  listConnections,
  listJobs,
  listOpportunities,
  openDb,
  putUpload,
  setExcludedFields,
  setSetting,
  storageEstimate,
  type DealsightDb,
} from '../../lib/store';
import type { OptionsSource } from './source';

/** Where a CSV import goes (the background's 'start-import' enqueues it for this connection). */
const CSV_CONNECTION = 'csv';

/**
 * Over `db` (tests), else the extension's database, opened on first use so a failure to open
 * is a rejected read the page shows; CRM calls (revoking a Salesforce OAuth token when its
 * connection is removed) go through `fetchFn` (tests: the sandbox in-process); a file is
 * reviewed in a worker `createReviewWorker` starts.
 */
export function storeSource(
  db?: DealsightDb,
  fetchFn: FetchLike = (url, init) => fetch(url, init),
  createReviewWorker: () => Worker = () => new CsvReviewWorker(),
): OptionsSource {
  let opened: DealsightDb | undefined = db;
  const store = (): DealsightDb => (opened ??= openDb());
  return {
    async load(jobLimit) {
      const [connections, jobs, storage] = await Promise.all([listConnections(store()), listJobs(store(), jobLimit), storageEstimate().catch(() => null)]);
      const perConnection = await Promise.all(
        connections.map(async (c) => [c.id, await getModel(store(), c.id), await getFieldMapping(store(), c.id)] as const),
      );
      const models = new Map<string, ModelRecord>();
      const mappings = new Map<string, FieldMappingRecord>();
      for (const [id, model, mapping] of perConnection) {
        if (model) models.set(id, model);
        if (mapping) mappings.set(id, mapping);
      }
      return { connections, models, mappings, jobs, storage };
    },
    subscribe: subscribeToBackground,
    send: sendToBackground,
    async putUpload(fileName, content, choices) {
      return putUpload(store(), fileName, content, choices);
    },
    async reviewCsv(_fileName, bytes) {
      // A worker of its own, for this file only: a copy of the bytes goes, the page keeps its own for the upload.
      const worker = createReviewWorker();
      try {
        const reply = await Comlink.wrap<CsvReviewApi>(worker).review(bytes);
        if (!reply.ok) return reply;
        return { ...reply, stored: await countOpportunities(store(), CSV_CONNECTION) };
      } finally {
        worker.terminate();
      }
    },
    async deleteConnection(connectionId) {
      // Revoked at the CRM first, while the token is still here to revoke (this page has the
      // CRM's host permission, as the background does); a CRM that cannot be told (offline)
      // does not keep the connection: the page says what to do instead.
      let notUndone: string | null = null;
      const crm = crmOfConnection(connectionId);
      if (crm?.disconnect) {
        try {
          await crm.disconnect(connectionSettings(store(), connectionId), fetchFn);
        } catch (error) {
          notUndone = error instanceof Error ? error.message : String(error);
        }
      }
      await deleteConnection(store(), connectionId);
      return { notUndone };
    },
    async exportCsv(connectionId) {
      return exportScoredCsv(store(), connectionId);
    },
    async setExcludedFields(connectionId, excluded, kept) {
      return setExcludedFields(store(), connectionId, excluded, kept);
    },
    async listOpportunities(connectionId) {
      return listOpportunities(store(), connectionId, {});
    },
    connectionSettings(connectionId) {
      // Opened on first use, as every other read: a failure rejects the read.
      return {
        connectionId,
        get: async (name) => connectionSettings(store(), connectionId).get(name),
        set: async (name, value) => connectionSettings(store(), connectionId).set(name, value),
        delete: async (name) => connectionSettings(store(), connectionId).delete(name),
      };
    },
    async listConnectionSetting(name) {
      return listConnectionSetting(store(), name);
    },
    async getSetting(name) {
      return getSetting(store(), name);
    },
    async setSetting(name, value) {
      await setSetting(store(), name, value);
    },
    async queryTabs(patterns) {
      return browser.tabs.query({ url: patterns });
    },
    async openTab(url) {
      await browser.tabs.create({ url });
    },
    hasPermissions: (permissions) => browser.permissions.contains(permissions),
    // Asked at once: the browser shows the prompt only within the click's user gesture.
    requestPermissions: (permissions) => browser.permissions.request(permissions),
    removePermissions: (permissions) => browser.permissions.remove(permissions),
    oauthRedirectUrl: () => {
      // Present only with the `identity` permission, and not in every browser.
      try {
        return browser.identity?.getRedirectURL() ?? null;
      } catch {
        return null;
      }
    },
  };
}
