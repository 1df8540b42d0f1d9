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
import type { WinModelJSON } from '../engine/win';
import type { PanelData, PipelineRow } from '../panel-data';

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

export interface SettingRecord {
  key: string;
  value: unknown;
}

/** Which attributes feed the models, per connection (the options page's field mappings). */
export interface FieldMappingRecord {
  connectionId: string;
  fields: AttributeField[];
  /** Attribute keys the user unticked. */
  excluded: string[];
  /** Attribute keys the importer flagged as set at the close, with the reason. */
  leaky: Array<{ key: string; label: string; reason: string }>;
  updatedAt: string;
}

export type JobKind = 'import' | 'sandbox' | 'sync' | 'train' | 'score';
export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface JobRecord {
  id?: number;
  kind: JobKind;
  connectionId: string;
  status: JobStatus;
  /** Human-readable step ("Training Win Potential") and its progress. */
  step: string | null;
  done: number;
  total: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** What it did ("8,800 opportunities, 3 rejected"), or why it failed. */
  summary: string | null;
  error: string | null;
  /** Times the job was retried after its worker crashed. */
  attempts: number;
  /** What the job works on: `{ uploadId, fileName }` for an import, `{ seed, opportunities }` for the sandbox. */
  params: Record<string, string | number | boolean | null>;
}

/** A file waiting to be imported: pages write it, the import job reads and deletes it. */
export interface UploadRecord {
  id?: number;
  fileName: string;
  text: string;
  createdAt: string;
}

/** A saved popup filter ("My team's renewals over $50k"). Added in schema version 2. */
export interface SegmentRecord {
  id?: number;
  name: string;
  /** The popup's filter state, as it serializes it. */
  filters: Record<string, unknown>;
  createdAt: string;
}

/**
 * Dexie store definitions per version (primary key first, then indexes). A new version
 * lists every table again; its upgrade function in lib/store/db.ts migrates the data.
 * - v1: the first release.
 * - v2: saved segments, and scores indexed by Win Potential for the popup's first page.
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
  2: {
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
  },
} as const;

export const CURRENT_VERSION = 2;

