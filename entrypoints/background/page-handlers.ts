/**
 * What the background answers the extension's own pages (popup, options, personas,
 * quality, detail), one handler per `PageMessage` type (the compiler checks none is
 * missing). Numbers that size work are bounded here: a page's bug must not queue a
 * job that holds the queue and the memory for minutes.
 */
import type { JobQueue } from '../../lib/jobs/queue';
import { SANDBOX_BOUNDS, type BackgroundReplies, type PageMessage } from '../../lib/messages';
import type { PanelData } from '../../lib/panel-data';
import type { DealsightDb } from '../../lib/store/db';
import { deleteAll, getConnection, getModel } from '../../lib/store/repo';
import { accountPanel } from './account';
import { connectCrm, disconnectAll, syncCrm, type CrmDeps } from './crm';
import type { Sender } from './senders';
import { t } from '../../lib/i18n';

export type PageSender = Extract<Sender, { kind: 'page' }>;

export type PageHandlers = {
  [K in PageMessage['type']]: (message: Extract<PageMessage, { type: K }>, sender: PageSender) => Promise<BackgroundReplies[K]>;
};

export interface PageDeps {
  db: DealsightDb;
  queue: Pick<JobQueue, 'enqueue' | 'cancel' | 'stopRunning'>;
  crm: CrmDeps;
  version: string;
  /** A stored record's panel: the cache, or the runner on a miss. */
  panel(connectionId: string, opportunityId: string): Promise<PanelData>;
  openOptions(): Promise<void>;
  /** Everything was deleted: tell the open pages and CRM tabs. */
  onDeletedAll(): void;
}

/** A whole number within [min, max], or null. */
function bounded(value: unknown, range: { min: number; max: number }): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= range.min && value <= range.max ? value : null;
}

export function pageHandlers(deps: PageDeps): PageHandlers {
  return {
    ping: async () => ({ ok: true, version: deps.version }),
    'start-import': async (message) => {
      const uploadId = bounded(message.uploadId, { min: 1, max: Number.MAX_SAFE_INTEGER });
      if (uploadId === null) return { ok: false, error: t('background_badUploadId') };
      return { ok: true, jobId: await deps.queue.enqueue('import', 'csv', { uploadId }) };
    },
    'start-sandbox': async (message) => {
      const seed = bounded(message.seed, SANDBOX_BOUNDS.seed);
      const opportunities = bounded(message.opportunities, SANDBOX_BOUNDS.opportunities);
      if (seed === null) return { ok: false, error: t('background_badSeed', { min: SANDBOX_BOUNDS.seed.min, max: SANDBOX_BOUNDS.seed.max }) };
      if (opportunities === null) {
        return { ok: false, error: t('background_badSize', { min: SANDBOX_BOUNDS.opportunities.min, max: SANDBOX_BOUNDS.opportunities.max }) };
      }
      return { ok: true, jobId: await deps.queue.enqueue('sandbox', 'sandbox', { seed, opportunities }) };
    },
    'start-train': async (message) => {
      if (!(await getConnection(deps.db, message.connectionId))) return { ok: false, error: t('background_noTrainData', { connection: message.connectionId }) };
      return { ok: true, jobId: await deps.queue.enqueue('train', message.connectionId, {}) };
    },
    'cancel-job': (message) => deps.queue.cancel(message.jobId),
    'get-panel': async (message) => {
      const [connection, model] = await Promise.all([getConnection(deps.db, message.connectionId), getModel(deps.db, message.connectionId)]);
      if (!connection || !model) return { ok: false, code: 'not-synced', error: t('background_noRecordData') };
      return { ok: true, panel: await deps.panel(message.connectionId, message.opportunityId) };
    },
    'get-account': (message) => accountPanel(deps.db, message.connectionId, message.accountId),
    'delete-all': async () => {
      await deps.queue.stopRunning();
      // Tokens Dealsight holds at a CRM (Salesforce OAuth) are revoked there first; one that
      // cannot be (offline) does not keep the data here.
      await disconnectAll(deps.crm).catch(() => []);
      await deleteAll(deps.db);
      deps.onDeletedAll();
      return { ok: true };
    },
    'connect-crm': (message) => connectCrm(deps.crm, message),
    'sync-crm': (message) => syncCrm(deps.crm, message.connectionId),
    'open-options': async () => {
      await deps.openOptions();
      return { ok: true };
    },
  };
}
