/**
 * Everything the options page reads and does outside itself, behind one interface, as the
 * other pages have theirs (entrypoints/<page>/source.ts): the store, the background and
 * the browser (entrypoints/options/store-source.ts), or a test's fake. The page's state
 * (state.ts) holds one, and its sections reach the outside only through it.
 *
 * Declared here rather than in entrypoints/options/ because its consumers are the
 * sections under components/options, and components never import an entrypoint; the
 * entrypoint's source.ts re-exports it.
 */
import type { BackgroundReply, EventToPage, PageMessage } from '../../lib/messages';
import type { Opportunity } from '../../lib/crm/opportunity';
import type { CsvReviewReply } from '../../lib/crm/csv/review';
import type { StorageEstimate } from '../../lib/store/estimate';
import type {
  ConnectionRecord,
  ConnectionSettingName,
  ConnectionSettings,
  FieldMappingRecord,
  GlobalSettingName,
  ImportChoices,
  JobRecord,
  ModelRecord,
  SettingValue,
} from '../../lib/store/schema';

/** What the page shows: every connection with its models and field mapping, the job log, the storage used. */
export interface OptionsData {
  connections: ConnectionRecord[];
  /** By connection id; a connection not trained yet has none. */
  models: ReadonlyMap<string, ModelRecord>;
  /** By connection id; a connection with no data yet has none. */
  mappings: ReadonlyMap<string, FieldMappingRecord>;
  /** The newest jobs of every connection, newest first. */
  jobs: JobRecord[];
  /** Null where the browser gives no estimate. */
  storage: StorageEstimate | null;
}

/** A file's review, with the opportunities of the CSV connection it would replace. */
export type CsvReviewAnswer = (CsvReviewReply & { ok: false }) | (CsvReviewReply & { ok: true; stored: number });

/** An optional permission the page may ask for (the manifest's `optional_permissions` and `optional_host_permissions`). */
export interface OptionalPermissions {
  origins?: string[];
  permissions?: Array<'notifications'>;
}

/** An open tab, as `browser.tabs.query` reports it. */
export interface BrowserTab {
  id?: number;
  url?: string;
}

export interface OptionsSource {
  /** Reads everything the page shows, with at most `jobLimit` jobs; rejects when the store cannot be read. */
  load(jobLimit: number): Promise<OptionsData>;
  /** Job progress and data changes from the background; returns the unsubscribe function. */
  subscribe(onEvent: (event: EventToPage) => void): () => void;
  /** Asks the background (start a job, connect or sync a CRM, cancel, delete everything); rejects when it does not answer. */
  send<M extends PageMessage>(message: M): Promise<BackgroundReply<M>>;

  /** Keeps a CSV file (its bytes) for the import job ('start-import' names it), with what the user confirmed; returns its id. */
  putUpload(fileName: string, content: string | ArrayBuffer, choices?: ImportChoices): Promise<number>;
  /**
   * What the file would import, read off the page's thread before anything is stored, and
   * how many CSV opportunities are stored now: the page asks before importing when the
   * stage map proposes lost stages or the file would replace far more than it brings.
   */
  reviewCsv(fileName: string, bytes: ArrayBuffer): Promise<CsvReviewAnswer>;
  /**
   * Deletes a connection with everything it holds (records, models, jobs, settings), after
   * undoing at the CRM what connecting did (Salesforce: revoking an OAuth refresh token).
   * The connection goes even when the CRM cannot be told: `notUndone` then says why.
   */
  deleteConnection(connectionId: string): Promise<RemovedConnection>;
  /** Every scored opportunity of one connection, or of all, as CSV text. */
  exportCsv(connectionId?: string): Promise<string>;
  /**
   * Sets the attribute keys the models leave out and, when given, the set-aside keys put
   * back (`kept`); returns the updated mapping.
   */
  setExcludedFields(connectionId: string, excluded: readonly string[], kept?: readonly string[]): Promise<FieldMappingRecord>;
  /** A connection's opportunities, open and closed (the field mappings' sample values). */
  listOpportunities(connectionId: string): Promise<Opportunity[]>;

  /** One connection's settings (what its sync reads, the status its card shows). */
  connectionSettings(connectionId: string): ConnectionSettings;
  /** One connection setting across every connection that has it stored: `[connectionId, value]` pairs. */
  listConnectionSetting<K extends ConnectionSettingName>(name: K): Promise<Array<[string, SettingValue<K>]>>;
  getSetting<K extends GlobalSettingName>(name: K): Promise<SettingValue<K>>;
  setSetting<K extends GlobalSettingName>(name: K, value: SettingValue<K>): Promise<void>;

  /** The open tabs whose URL matches one of `patterns`. */
  queryTabs(patterns: string[]): Promise<BrowserTab[]>;
  /** Opens a web page in a new tab. */
  openTab(url: string): Promise<void>;
  /** Whether the permissions are granted now. */
  hasPermissions(permissions: OptionalPermissions): Promise<boolean>;
  /** Asks the user; call it first in a click's handler, where the browser allows the prompt. */
  requestPermissions(permissions: OptionalPermissions): Promise<boolean>;
  /** Gives the permissions back. */
  removePermissions(permissions: OptionalPermissions): Promise<boolean>;
  /**
   * The callback URL of the browser's OAuth window (`identity.getRedirectURL()`), which a
   * Salesforce admin enters in the app they create for Dealsight; null without the identity API.
   */
  oauthRedirectUrl(): string | null;
}

/** What removing a connection did at the CRM: null when nothing was left to undo there. */
export interface RemovedConnection {
  notUndone: string | null;
}
