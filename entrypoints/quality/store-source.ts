/**
 * The quality page's real source: the store, read directly (an extension page shares the
 * background's origin, hence its IndexedDB), and the background for retraining and events.
 */
import { browser } from 'wxt/browser';
import { sendToBackground, subscribeToBackground } from '../../lib/client';
import { EMPTY_FILTERS } from '../../lib/pipeline/filter';
import { parseView } from '../../lib/pipeline/segments';
import { chooseConnection } from '../../lib/pipeline/status';
import {
  connectionSettings,
  deleteSegment,
  getModel,
  getSetting,
  listConnections,
  listPersonas,
  listPipeline,
  listSegments,
  openDb,
  saveSegment,
} from '../../lib/store';
import type { QualitySource } from './source';

export function storeSource(): QualitySource {
  const db = openDb();
  return {
    async load(preferred) {
      const connections = await listConnections(db);
      const connection = chooseConnection(connections, preferred);
      if (!connection) return { connections, connection: null, model: null, openRows: [], personas: [] };
      const [model, openRows, personas, segments, me, view] = await Promise.all([
        getModel(db, connection.id),
        listPipeline(db, connection.id),
        listPersonas(db, connection.id),
        listSegments(db),
        connectionSettings(db, connection.id).get('popup.me'),
        getSetting(db, 'popup.view'),
      ]);
      // The insights open with the popup's filters when the popup last showed this connection.
      const popup = parseView(view);
      const filters = popup.connectionId === connection.id ? popup.filters : { ...EMPTY_FILTERS };
      return { connections, connection, model: model ?? null, openRows, personas, segments, me, filters };
    },
    subscribe: subscribeToBackground,
    async openOptions() {
      await browser.runtime.openOptionsPage();
    },
    async retrain(connectionId) {
      const reply = await sendToBackground({ type: 'start-train', connectionId });
      if (!reply.ok) throw new Error(reply.error);
    },
    async saveSegment(name, filters) {
      await saveSegment(db, name, filters);
      return listSegments(db);
    },
    async deleteSegment(id) {
      await deleteSegment(db, id);
      return listSegments(db);
    },
    async saveMe(connectionId, name) {
      await connectionSettings(db, connectionId).set('popup.me', name);
    },
  };
}
