import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { blankOpportunity, type Opportunity } from '../../lib/crm/opportunity';
import { DealsightDb, type DealsightDbOptions } from '../../lib/store/db';
import type { ConnectionInput, FieldMappingInput } from '../../lib/store/repo';
import type { JobRecord, ModelRecord, PersonaRecord, ScoreRecord } from '../../lib/store/schema';

let counter = 0;

/** A database of its own: a fresh fake-indexeddb factory, so no test sees another's data. */
export function freshDb(): { db: DealsightDb; name: string; options: Required<DealsightDbOptions> } {
  const name = `dealsight-test-${++counter}`;
  const options = { indexedDB: new IDBFactory(), IDBKeyRange };
  return { db: new DealsightDb(name, options), name, options };
}

export function opp(id: string, fields: Partial<Opportunity> = {}): Opportunity {
  return { ...blankOpportunity(id, 'csv'), name: `Deal ${id}`, ...fields };
}

export function connection(id: string, label = id): ConnectionInput {
  return { id, kind: 'csv', label, syncedAt: '2026-01-02T03:04:05.000Z', lastImport: null };
}

export function mapping(connectionId: string, keys: string[] = ['industry']): FieldMappingInput {
  return {
    connectionId,
    fields: keys.map((key) => ({ key, label: key.toUpperCase(), kind: 'category' as const, coverage: 1 })),
    leaky: [],
  };
}

export function score(connectionId: string, id: string, fields: Partial<ScoreRecord> = {}): ScoreRecord {
  return {
    connectionId,
    id,
    name: `Deal ${id}`,
    accountName: null,
    amount: null,
    currency: null,
    stage: null,
    closeDate: null,
    type: null,
    forecastCategory: null,
    territory: null,
    owner: null,
    ownerManager: null,
    repeatBuyerPotential: null,
    personaId: null,
    personaName: null,
    winPotential: null,
    winBand: null,
    predictedClose: null,
    slip: false,
    predictedAmount: null,
    crmUrl: null,
    scoredAt: '2026-01-03T00:00:00.000Z',
    isOpen: 1,
    ...fields,
  };
}

export function model(connectionId: string, fields: Partial<ModelRecord> = {}): ModelRecord {
  return {
    connectionId,
    trainedAt: '2026-01-03T00:00:00.000Z',
    dataVersion: 1,
    asOf: '2026-01-02',
    win: null,
    forecast: null,
    personas: { format: 'dealsight-personas', version: 1, org: null, teams: [], insufficient: { winsNeeded: 5, message: 'Needs 5 more wins.' } },
    notes: ['a note'],
    counts: { opportunities: 3, closed: 2, won: 1, lost: 1, open: 1 },
    ...fields,
  };
}

export function job(fields: Partial<JobRecord> = {}): Omit<JobRecord, 'id'> {
  return {
    kind: 'import',
    connectionId: 'csv',
    status: 'queued',
    step: null,
    done: 0,
    total: 0,
    createdAt: '2026-01-02T00:00:00.000Z',
    startedAt: null,
    finishedAt: null,
    summary: null,
    error: null,
    attempts: 0,
    params: {},
    ...fields,
  };
}

export function persona(connectionId: string, id: string): PersonaRecord {
  return {
    connectionId,
    id,
    level: 'org',
    team: null,
    persona: {
      id,
      level: 'org',
      team: null,
      name: `Persona ${id}`,
      company: 'Acme Health',
      size: 12,
      share: 0.4,
      attributes: [],
      repeatRate: 0.5,
      lifetimeValue: 1000,
      currency: 'USD',
      winRate: 0.6,
      alignedClosed: 10,
      recentWins: [],
      memberIds: ['w1', 'w2'],
    },
  };
}
