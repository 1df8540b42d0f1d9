/**
 * The store's schema: every table, its records and its versions, in one file (design.md,
 * house rule 2). Only lib/store touches Dexie; this file is types and data so anything may
 * import it.
 *
 * Data of different connections (a CSV import, the sandbox, each Salesforce org, each
 * HubSpot portal) never mixes: every record carries its `connectionId`, and compound keys
 * start with it.
 */
import type { AttributeField, IsoDate, Opportunity, PersonRef, SourceKind } from '../crm/opportunity';
import type { ForecastModelJSON } from '../engine/forecast';
import type { Persona } from '../engine/personas';
import type { PersonaModelJSON } from '../engine/personas';
import type { QualityReport } from '../engine/quality';
import type { AsOfModelJSON } from '../engine/asof/model';
import type { WinModelJSON } from '../engine/win';
import type { PanelData, PipelineRow } from '../panel-data';
import type { AtRiskRecord } from '../alerts/at-risk';
import type { CustomFieldInput } from '../crm/salesforce/fields';
import { DEFAULT_YEARS, isSyncYears, type SalesforceOAuth, type SalesforceStatus } from '../crm/salesforce/status';
import type { HealthProfile } from '../engine/health/profile';
import type { StageTimes } from '../engine/stage-times';
import type { HubSpotCredentials, HubSpotStatus } from '../crm/hubspot/status';
import type { StageOverrides } from '../crm/hubspot/stages';
import type { StageChoice } from '../crm/csv/outcome';
import type { OutcomeChoice } from '../crm/csv/outcome-column';
import type { MessageRef } from '../i18n/ref';

export const DB_NAME = 'dealsight';

export interface ConnectionRecord {
  /** 'csv', 'sandbox', 'salesforce:<orgId>', 'hubspot:<portalId>'. */
  id: string;
  kind: SourceKind;
  /** As people read it: the file name, "Sandbox (seed 7)", the org's name. */
  label: string;
  createdAt: string;
  /** The last successful import or sync (ISO timestamp). */
  syncedAt: string | null;
  /** Bumped by every import or sync that changes data; models remember the one they saw. */
  dataVersion: number;
  /** What the last import reported (format, rejected rows, warnings), for the options page. */
  lastImport: ImportSummary | null;
}

export interface ImportSummary {
  fileName: string | null;
  format: string;
  rows: number;
  rejected: Array<{ line: number; reason: string }>;
  warnings: string[];
}

export interface OpportunityRecord {
  connectionId: string;
  id: string;
  /** Indexed copies for queries; the rest lives in `opportunity`. */
  isClosed: 0 | 1;
  opportunity: Opportunity;
}

export interface AccountRecord {
  connectionId: string;
  id: string;
  name: string;
  parentId: string | null;
}

export interface UserRecord {
  connectionId: string;
  id: string;
  name: string;
  manager: PersonRef | null;
}

export interface StageHistoryRecord {
  connectionId: string;
  opportunityId: string;
  enteredAt: IsoDate;
  stage: string;
}

/** Everything trained for one connection. Written whole by the train job, so it is never half new. */
export interface ModelRecord {
  connectionId: string;
  trainedAt: string;
  /** The connection's `dataVersion` the models were trained on. */
  dataVersion: number;
  asOf: IsoDate | null;
  win: WinModelJSON | null;
  forecast: ForecastModelJSON | null;
  personas: PersonaModelJSON;
  notes: string[];
  /** Closed deals, wins and losses at training (for "not enough data" and the options page). */
  counts: { opportunities: number; closed: number; won: number; lost: number; open: number };
  /**
   * The model-quality report of this training (the quality page). Not indexed, so no
   * schema version: records trained before it existed lack it, and the page asks for a
   * retrain then.
   */
  quality?: QualityReport | null;
  /**
   * Won deals' days per stage and the health profile of this training, so a panel recomputes
   * one deal's days in stage and health as the pipeline rows have them. Not indexed (no schema
   * version): records trained before they existed lack them, and panels then show neither.
   */
  stageTimes?: StageTimes | null;
  healthProfile?: HealthProfile | null;
  /**
   * The as-of model that scores open deals where they stand (issue 18: it holds the pipeline
   * order and the pace yardstick its features read), and the closed deals with a stage
   * history it learned from; null when too few have one. Not indexed. Records trained before
   * it lack it, and records written before the model read the stage-blind log-odds and the
   * pace hold `win` and `pipeline` instead of `model`: both serve stage-blind scores until
   * the next training.
   */
  standing?: { model?: AsOfModelJSON; trainedOn: number } | null;
}

export interface PersonaRecord {
  connectionId: string;
  id: string;
  level: 'org' | 'team';
  team: string | null;
  persona: Persona;
}

/** One scored opportunity: the popup's row, kept for every open deal after each score job. */
export interface ScoreRecord extends PipelineRow {
  scoredAt: string;
  /** 1 for open deals (the pipeline), 0 for closed ones. */
  isOpen: 0 | 1;
}

/** Panel data cached per record; dropped when the models change. */
export interface PanelRecord {
  connectionId: string;
  id: string;
  trainedAt: string;
  panel: PanelData;
}

export interface SyncStateRecord {
  connectionId: string;
  /** Connector-defined resume point (e.g. the last SystemModstamp seen). */
  checkpoint: string | null;
  /** Page cursor of an interrupted sync, resumed next time. */
  cursor: string | null;
  updatedAt: string;
}

/**
 * One stored setting (schema v3). `key` is the setting's name for a global setting and
 * `name@connectionId` for a connection's, so each connection's settings are found by the
 * `connectionId` index and deleted with it, by construction.
 */
export interface SettingRecord {
  key: string;
  name: string;
  /** The connection the setting belongs to; null for the extension's own (not in the index). */
  connectionId: string | null;
  /** The `SettingDef.version` that wrote the value. */
  version: number;
  value: unknown;
}

/**
 * A setting: what it holds, its default, whose it is and its version (in the spirit of
 * WXT's `storage.defineItem`). Values are data read back from IndexedDB: `parse` checks
 * one and anything it refuses reads as the default; a value written by an older version
 * goes through `migrate` first.
 */
export interface SettingDef<T> {
  scope: 'global' | 'connection';
  version: number;
  default: T;
  parse(value: unknown): T | undefined;
  migrate?(value: unknown, fromVersion: number): unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
/** A plain object taken as `T` (the writers are typed; this only refuses what is not an object at all). */
const object = <T>(value: unknown): T | undefined => (isObject(value) ? (value as T) : undefined);
const objectOrNull = <T>(value: unknown): T | null | undefined => (value === null ? null : object<T>(value));
const stringList = (value: unknown): string[] | undefined => (Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined);
/** A setting of the extension itself. */
function global<T>(def: Omit<SettingDef<T>, 'scope'>): SettingDef<T> & { scope: 'global' } {
  return { ...def, scope: 'global' };
}
/** A setting each connection has its own of, deleted with the connection. */
function ofConnection<T>(def: Omit<SettingDef<T>, 'scope'>): SettingDef<T> & { scope: 'connection' } {
  return { ...def, scope: 'connection' };
}

/**
 * Every setting Dealsight stores, in one table. A CRM's settings carry its name first
 * (`salesforce.…`, `hubspot.…`); they belong to one connection and go with it.
 */
export const SETTINGS = {
  /** The options page's switch: notify after a sync or import when deals are newly at risk. */
  'alerts.notifyAtRisk': global<boolean>({ version: 1, default: false, parse: (v) => (typeof v === 'boolean' ? v : undefined) }),
  /** The deals the last training of a connection found newly at risk. */
  'alerts.atRisk': ofConnection<AtRiskRecord | null>({ version: 1, default: null, parse: objectOrNull }),
  /**
   * Which signals make an open deal's health and their thresholds (the options page's health
   * profile); null: the default. Read through the engine's `readHealthProfile`, which fills
   * what an older or hand-edited value lacks.
   */
  'health.profile': ofConnection<HealthProfile | null>({ version: 1, default: null, parse: objectOrNull }),
  /** The popup's remembered view (connection, filters, sort), as lib/pipeline/segments.ts serializes it. */
  'popup.view': global<unknown>({ version: 1, default: null, parse: (v) => v }),
  /** Who "me" is in a connection's data (owner names differ between sources). */
  'popup.me': ofConnection<string | null>({ version: 1, default: null, parse: (v) => (v === null || typeof v === 'string' ? v : undefined) }),
  /** The page origins a Salesforce org was seen on (`https://acme.lightning.force.com`), for links to its records. */
  'salesforce.origins': ofConnection<string[]>({ version: 1, default: [], parse: stringList }),
  /** The options page's view of a Salesforce org: last state, API usage and version. */
  'salesforce.status': ofConnection<SalesforceStatus | null>({ version: 1, default: null, parse: objectOrNull }),
  /** The org's custom Opportunity fields the user chose as attributes. */
  'salesforce.customFields': ofConnection<CustomFieldInput[]>({
    version: 1,
    default: [],
    parse: (v) => (Array.isArray(v) ? (v as CustomFieldInput[]) : undefined),
  }),
  /** How many years of closed deals a sync reads (1–50). */
  'salesforce.years': ofConnection<number>({ version: 1, default: DEFAULT_YEARS, parse: (v) => (isSyncYears(v) ? v : undefined) }),
  /**
   * A Salesforce org's OAuth sign-in (consumer key, login host, refresh token): a secret, like
   * the HubSpot token; absent for an org connected with the browser session.
   */
  'salesforce.oauth': ofConnection<SalesforceOAuth | null>({
    version: 1,
    default: null,
    parse: (v) =>
      v === null
        ? null
        : isObject(v) && ['clientId', 'authBase', 'instanceUrl', 'orgId', 'refreshToken'].every((k) => typeof v[k] === 'string')
          ? (v as unknown as SalesforceOAuth)
          : undefined,
  }),
  /** A HubSpot portal's token and API host: a secret, read only by the background and the job runner. */
  'hubspot.credentials': ofConnection<HubSpotCredentials | null>({
    version: 1,
    default: null,
    parse: (v) =>
      v === null ? null : isObject(v) && typeof v.token === 'string' && typeof v.apiBase === 'string' ? (v as unknown as HubSpotCredentials) : undefined,
  }),
  /** The options page's view of a HubSpot portal: last state, rate limits, stages. */
  'hubspot.status': ofConnection<HubSpotStatus | null>({ version: 1, default: null, parse: objectOrNull }),
  /** The user's outcome per HubSpot stage id (`won`/`lost`/`open`). */
  'hubspot.stages': ofConnection<StageOverrides>({ version: 1, default: {}, parse: object }),
} as const;

export type SettingName = keyof typeof SETTINGS;
export type SettingValue<K extends SettingName> = (typeof SETTINGS)[K] extends SettingDef<infer T> ? T : never;
export type GlobalSettingName = { [K in SettingName]: (typeof SETTINGS)[K]['scope'] extends 'global' ? K : never }[SettingName];
export type ConnectionSettingName = Exclude<SettingName, GlobalSettingName>;
/** A connection's settings by name, with their types: what `ConnectionSettings` reads and writes. */
export type ConnectionSettingValues = { [K in ConnectionSettingName]: SettingValue<K> };

/** A connection's settings, typed by name: what connectors and the job runner are lent instead of the store. */
export interface ConnectionSettings {
  readonly connectionId: string;
  get<K extends ConnectionSettingName>(name: K): Promise<ConnectionSettingValues[K]>;
  set<K extends ConnectionSettingName>(name: K, value: ConnectionSettingValues[K]): Promise<void>;
  delete(name: ConnectionSettingName): Promise<void>;
}

/** The stored key of a setting: its name, or `name@connectionId` for a connection's. */
export function settingKey(name: string, connectionId: string | null): string {
  return connectionId === null ? name : `${name}@${connectionId}`;
}

/** Which attributes feed the models, per connection (the options page's field mappings). */
export interface FieldMappingRecord {
  connectionId: string;
  fields: AttributeField[];
  /** Attribute keys the user unticked. */
  excluded: string[];
  /** Attribute keys the importer flagged as set at the close, with the reason. */
  leaky: Array<{ key: string; label: string; reason: string }>;
  /**
   * Keys of set-aside fields the user put back: leaky ones, or ones the last training set
   * aside by its own checks (coverage, separates). Training then uses them; `excluded` still
   * wins. Absent on records stored before it existed: none put back.
   */
  kept?: string[];
  updatedAt: string;
}

export type JobKind = 'import' | 'sandbox' | 'sync' | 'train' | 'score';
export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface JobRecord {
  id?: number;
  kind: JobKind;
  connectionId: string;
  status: JobStatus;
  /** Human-readable step ("Training Win Potential", in English) and its progress. */
  step: string | null;
  /** The step as a message (lib/jobs/text.ts), which pages show in the user's language; absent on older records. */
  stepText?: MessageRef | null;
  done: number;
  total: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** What it did ("8,800 opportunities, 3 rejected"), or why it failed. */
  summary: string | null;
  error: string | null;
  /** `summary` as messages (one sentence each), and `error` as a message when the runner or queue wrote it (not a CRM's own error). */
  summaryText?: MessageRef[] | null;
  errorText?: MessageRef | null;
  /** Times the job was retried after its worker crashed. */
  attempts: number;
  /** What the job works on: `{ uploadId, fileName }` for an import, `{ seed, opportunities }` for the sandbox. */
  params: Record<string, string | number | boolean | null>;
}

/** A file waiting to be imported: pages write it, the import job reads and deletes it. */
export interface UploadRecord {
  id?: number;
  fileName: string;
  /** The file as text (older pages, tests), or */
  text?: string;
  /** as its bytes, which the importer decodes (UTF-8, UTF-16 with a byte-order mark, Windows-1252). */
  bytes?: ArrayBuffer;
  /** What the user confirmed before importing (the stage map, replacing more data than the file has). */
  choices?: ImportChoices;
  createdAt: string;
}

/** The options page's answers to the questions an import may ask first (issue 14). */
export interface ImportChoices {
  /** Stage → outcome, as the user confirmed or changed the stage map. Pairs, not an object: stages are data. */
  stages?: Array<[string, StageChoice]>;
  /** The user agreed to replace the stored opportunities with far fewer. */
  replaceFewer?: boolean;
  /** The column the outcome is read from and the value meaning won, as the user picked them (issue 15). */
  outcome?: OutcomeChoice;
}

/** A saved popup filter ("My team's renewals over $50k"). Added in schema version 2. */
export interface SegmentRecord {
  id?: number;
  name: string;
  /** The popup's filter state, as it serializes it. */
  filters: Record<string, unknown>;
  createdAt: string;
}

/** The stores of v2 (v3 lists them again, but for the settings). */
const V2_STORES = {
  connections: 'id, kind',
  opportunities: '[connectionId+id], connectionId, [connectionId+isClosed]',
  accounts: '[connectionId+id], connectionId',
  users: '[connectionId+id], connectionId',
  stageHistory: '[connectionId+opportunityId+enteredAt], connectionId, [connectionId+opportunityId]',
  models: 'connectionId',
  personas: '[connectionId+id], connectionId',
  scores: '[connectionId+id], connectionId, [connectionId+isOpen], [connectionId+isOpen+winPotential]',
  panels: '[connectionId+id], connectionId',
  syncState: 'connectionId',
  settings: 'key',
  fieldMappings: 'connectionId',
  jobs: '++id, connectionId, status, createdAt',
  uploads: '++id',
  segments: '++id, name',
} as const;

/**
 * Dexie store definitions per version (primary key first, then indexes). A new version
 * lists every table again; its upgrade function in lib/store/db.ts migrates the data.
 * - v1: the first release.
 * - v2: saved segments, and scores indexed by Win Potential for the popup's first page.
 * - v3: typed settings (`SETTINGS`): each record names its setting, its connection (indexed)
 *   and the version that wrote it.
 */
export const SCHEMA_VERSIONS = {
  1: {
    connections: 'id, kind',
    opportunities: '[connectionId+id], connectionId, [connectionId+isClosed]',
    accounts: '[connectionId+id], connectionId',
    users: '[connectionId+id], connectionId',
    stageHistory: '[connectionId+opportunityId+enteredAt], connectionId, [connectionId+opportunityId]',
    models: 'connectionId',
    personas: '[connectionId+id], connectionId',
    scores: '[connectionId+id], connectionId, [connectionId+isOpen]',
    panels: '[connectionId+id], connectionId',
    syncState: 'connectionId',
    settings: 'key',
    fieldMappings: 'connectionId',
    jobs: '++id, connectionId, status, createdAt',
    uploads: '++id',
  },
  2: V2_STORES,
  // v3 changes the settings' keys (a setting's name and its connection) and indexes their connection.
  3: { ...V2_STORES, settings: 'key, connectionId' },
} as const;

export const CURRENT_VERSION = 3;
