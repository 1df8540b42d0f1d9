/**
 * The quality page's real source: the store, read directly (an extension page shares the
 * background's origin, hence its IndexedDB), and the background for retraining and events.
 */
import { browser } from 'wxt/browser';
import { sendToBackground, subscribeToBackground } from '../../lib/client';
import { chooseConnection } from '../../lib/pipeline/status';
import { getModel, listConnections, listPersonas, listPipeline, openDb } from '../../lib/store';
import type { QualitySource } from './source';

export function storeSource(): QualitySource {
  const db = openDb();
  return {
    async load(preferred) {
      const connections = await listConnections(db);
      const connection = chooseConnection(connections, preferred);
      if (!connection) return { connections, connection: null, model: null, openRows: [], personas: [] };
      const [model, openRows, personas] = await Promise.all([getModel(db, connection.id), listPipeline(db, connection.id), listPersonas(db, connection.id)]);
      return { connections, connection, model: model ?? null, openRows, personas };
    },
    subscribe: subscribeToBackground,
    async openOptions() {
      await browser.runtime.openOptionsPage();
    },
    async retrain(connectionId) {
      const reply = await sendToBackground({ type: 'start-train', connectionId });
      if (!reply.ok) throw new Error(reply.error);
    },
  };
}
