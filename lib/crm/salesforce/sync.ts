/**
 * The Salesforce sync: describe, stages, then the opportunities page by page with their
 * history, buyers and products. Full the first time, incremental by SystemModstamp after,
 * and resumable: after every page `onPage` gets that page's opportunities with the
 * checkpoint and cursor to store, so a sync stopped by a fault, a closed browser or an
 * abort continues from the last completed page. Nothing is written here; the background
 * stores what it is handed.
 */
import type { IsoDate } from '../opportunity';
import { readSavedState, type SyncOptionsBase, type SyncPageBase, type SyncResultBase } from '../shared/sync';
import type { QueryPage, SalesforceClient } from './client';
import { isOptionalFailure, isUnsupported, prepareSalesforce, type OrgInfo, type SyncProgress } from './context';
import { decodeCursor, type SyncCursor } from './cursor';
import { fieldMapping, type CustomFieldChoice, type CustomFieldInput, type FieldPlan } from './fields';
import { toId18 } from './ids';
import type { ApiLimits } from './limits';
import { throwIfAborted } from '../shared/retry';
import { SyncRun } from './run';
import { closedSinceDate, deletedOpportunitiesSoql, opportunitiesSoql } from './soql';
import type { StageInfo } from './stages';
import { readDateTime, readText } from '../shared/values';

export { prepareSalesforce, type OrgInfo, type SalesforceContext, type SyncProgress, type SyncStep } from './context';
export { fetchOpportunities, type RejectedRecord } from './related';

import { DEFAULT_YEARS } from './status';

export { DEFAULT_YEARS };
export const DEFAULT_BATCH_SIZE = 2000;

export type SyncPage = SyncPageBase;

export interface SyncOptions extends SyncOptionsBase<SyncPage, SyncProgress> {
  client: SalesforceClient;
  /** Opportunity fields to add as attributes, by API name, or mapped onto a well-known attribute. */
  customFields?: readonly CustomFieldInput[];
  /** Records per page, 200–2000. */
  batchSize?: number;
}

export interface SyncResult extends SyncResultBase {
  stages: StageInfo[];
  limits: ApiLimits | null;
  org: OrgInfo | null;
  apiVersion: string;
  plan: FieldPlan;
  customFieldChoices: CustomFieldChoice[];
}

/** Runs a full or incremental sync, or resumes an interrupted one. */
export async function syncSalesforce(options: SyncOptions): Promise<SyncResult> {
  const { client, signal } = options;
  const warnings: string[] = [];
  const now = options.now?.() ?? new Date();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;

  const saved = readSavedState(options, decodeCursor, readDateTime, warnings);
  let resume: SyncCursor | null = saved.resume;
  const previous = saved.previous;

  const context = await prepareSalesforce(client, { customFields: options.customFields, signal, onProgress: options.onProgress });
  warnings.push(...context.warnings);
  const { plan } = context;
  if (resume !== null && resume.customFields.join('\n') !== plan.customFields.join('\n')) {
    warnings.push('The custom fields changed since the sync was interrupted, so it started over.');
    resume = null;
  }

  const mode: SyncResult['mode'] = resume?.mode ?? (previous !== null && plan.modstamp ? 'incremental' : 'full');
  const closedSince: IsoDate = resume?.closedSince ?? closedSinceDate(now, options.years ?? DEFAULT_YEARS);
  const since = mode === 'incremental' ? previous : null;

  let deleted: string[] | null = null;
  if (since !== null) {
    options.onProgress?.({ step: 'deleted', done: 0, total: null });
    deleted = await readDeleted(client, since, signal, warnings);
  }

  const run = new SyncRun(client, context, mode, since, resume);
  const soql = (after: SyncCursor['after']) =>
    opportunitiesSoql({ select: plan.select, closedSince, modifiedSince: after?.modstamp ?? since, orderByModstamp: plan.modstamp });
  options.onProgress?.({ step: 'opportunities', done: run.done, total: run.total });

  let pages = client.query(soql(resume?.after ?? null), { batchSize, signal, startUrl: resume?.locator ?? undefined });
  let first = true;
  for (;;) {
    let next: IteratorResult<QueryPage>;
    try {
      next = await pages.next();
    } catch (error) {
      // An expired query locator: run this sync's query from the start (pages already stored are fetched again).
      if (!(first && resume?.locator && isUnsupported(error))) throw error;
      warnings.push('The interrupted sync could not continue where it stopped (Salesforce no longer knows its query), so it started over.');
      run.restart();
      resume = null;
      pages = client.query(soql(null), { batchSize, signal });
      continue;
    }
    first = false;
    if (next.done) break;
    throwIfAborted(signal);
    const page = next.value;
    const { opportunities, rejected } = await run.page(page.records, page.totalSize, signal);
    const checkpoint = page.done ? run.checkpoint(previous) : previous;
    const cursor = page.done ? null : run.cursor(closedSince, page.nextRecordsUrl);
    await options.onPage?.({ opportunities, rejected, deleted: run.pages === 1 ? (deleted ?? []) : [], checkpoint, cursor, done: run.done, total: run.total });
    options.onProgress?.({ step: 'opportunities', done: run.done, total: run.total });
  }

  run.finish();
  const opportunities = run.opportunities();
  warnings.push(...run.warnings());
  const { fields, leaky } = fieldMapping(opportunities, plan.attributes);
  options.onProgress?.({ step: 'done', done: run.done, total: run.total });
  return {
    mode,
    resumed: run.resumed,
    opportunities,
    rejected: run.rejected,
    deleted,
    fields,
    leaky,
    stages: context.stages,
    limits: client.lastLimits,
    checkpoint: run.checkpoint(previous),
    cursor: null,
    org: context.org,
    apiVersion: context.apiVersion,
    plan,
    closedSince,
    customFieldChoices: context.customFieldChoices,
    warnings,
  };
}

async function readDeleted(client: SalesforceClient, since: string, signal: AbortSignal | undefined, warnings: string[]): Promise<string[] | null> {
  try {
    const records = await client.queryRecords(deletedOpportunitiesSoql(since), { includeDeleted: true, signal });
    return records.flatMap((r) => {
      const raw = readText(r.Id);
      const id = raw === null ? null : toId18(raw);
      return id === null ? [] : [id];
    });
  } catch (error) {
    if (!isOptionalFailure(error)) throw error;
    warnings.push('Deleted opportunities could not be looked up; deals deleted in Salesforce stay until the next full sync.');
    return null;
  }
}
