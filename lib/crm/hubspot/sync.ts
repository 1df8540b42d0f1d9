/**
 * The HubSpot sync: portal, pipelines and owners, then the deals page by page with their
 * companies and contacts. Full the first time, incremental by hs_lastmodifieddate after,
 * and resumable: after every page `onPage` gets that page's opportunities with the
 * checkpoint and cursor to store, so a sync stopped by a fault, a closed browser or an
 * abort continues after the last completed page. Nothing is written here; the background
 * stores what it is handed.
 *
 * The checkpoint. Deals come in id order, not modification order, so "the largest
 * hs_lastmodifieddate seen" is not safe: a deal edited while the sync is past its id keeps
 * its change unseen, and a later deal's newer date would step over it. Every deal modified
 * before the run started was read, though (search indexing lags seconds behind an edit,
 * and the client's clock may be off): so the checkpoint is the largest date seen but no
 * later than the run's start less CHECKPOINT_MARGIN_MS, and the next incremental sync asks
 * for `hs_lastmodifieddate GT checkpoint`. Deals modified in the margin are read again
 * (the store's upsert absorbs them); none is lost. The (lastmodified, id) tie rule of the
 * Salesforce sync is not needed: the resume key is the id alone, and GT at the exact
 * millisecond is safe because every deal at or before the checkpoint was read.
 */
import type { Opportunity } from '../opportunity';
import { fieldMapping } from '../shared/attributes';
import { readSavedState, type RejectedRecord, type SyncOptionsBase, type SyncPageBase, type SyncResultBase } from '../shared/sync';
import { throwIfAborted } from '../shared/retry';
import { closedSinceDate } from '../shared/window';
import { readDateTime } from '../shared/values';
import { API_PATHS } from './api-paths';
import { readObject, type HubSpotClient, type HubSpotObject } from './client';
import { portalInfo, type PortalInfo } from './connect';
import { HubSpotError, isHubSpotError } from './errors';
import { decodeCursor, encodeCursor, type HubSpotCursor } from './cursor';
import type { RateLimitInfo } from './limits';
import { mapDeal } from './map';
import { OwnerIndex, readOwners } from './owners';
import { ATTRIBUTE_COLUMNS, dealProperties } from './properties';
import { emptyRelated, loadRelated, type Related } from './related';
import { searchDeals } from './search';
import { DEAL_HISTORY_PROPERTIES, recordedChangesOf } from './history';
import { readPipelines, StageIndex, type HubSpotStage, type PipelineInfo, type StageOverrides } from './stages';

export type { RejectedRecord };

export const DEFAULT_YEARS = 3;
/** How far behind the run's start the checkpoint stays: search indexing lag and clock skew. */
export const CHECKPOINT_MARGIN_MS = 10 * 60_000;
/** Warnings about single deals kept in the result; the rest are counted. */
export const MAX_DEAL_WARNINGS = 50;

export type SyncStep = 'connecting' | 'stages' | 'owners' | 'deleted' | 'deals' | 'done';

export interface SyncProgress {
  step: SyncStep;
  done: number;
  total: number | null;
}

export interface HubSpotContext {
  portal: PortalInfo;
  stages: StageIndex;
  pipelines: PipelineInfo[];
  owners: OwnerIndex;
  warnings: string[];
}

export interface SyncPage extends SyncPageBase {
  /** Values left empty, each naming the deal and the property. */
  warnings: string[];
}

export interface SyncOptions extends SyncOptionsBase<SyncPage, SyncProgress> {
  client: HubSpotClient;
  /** The user's outcome for stages, by stage id. */
  stageOverrides?: StageOverrides;
  /** The connection's portal: used when the API serves no account details (see `portalInfo`). */
  knownPortalId?: string;
}

export interface SyncResult extends SyncResultBase {
  stages: HubSpotStage[];
  pipelines: PipelineInfo[];
  portal: PortalInfo;
  limits: RateLimitInfo | null;
}

/** Portal, pipelines and owners: what mapping any deal needs. */
export async function prepareHubSpot(
  client: HubSpotClient,
  options: { stageOverrides?: StageOverrides; signal?: AbortSignal; onProgress?: (p: SyncProgress) => void; knownPortalId?: string } = {},
): Promise<HubSpotContext> {
  const { signal } = options;
  options.onProgress?.({ step: 'connecting', done: 0, total: null });
  const portal = await portalInfo(client, signal, options.knownPortalId);
  options.onProgress?.({ step: 'stages', done: 0, total: null });
  const { stages, pipelines, problems } = readPipelines(await client.get(API_PATHS.pipelines('deals'), { signal }), options.stageOverrides);
  if (stages.length === 0)
    throw new HubSpotError(
      'bad-request',
      `HubSpot lists no usable deal stages for portal ${portal.portalId}${problems.length ? ` (${problems.join(' ')})` : ''}.`,
    );
  options.onProgress?.({ step: 'owners', done: 0, total: null });
  const owners = [
    ...readOwners(await client.listAll(API_PATHS.owners, { limit: '100', archived: 'false' }, signal)),
    ...readOwners(await client.listAll(API_PATHS.owners, { limit: '100', archived: 'true' }, signal)),
  ];
  return { portal, stages: new StageIndex(stages), pipelines, owners: new OwnerIndex(owners), warnings: problems };
}

/** Runs a full or incremental sync, or resumes an interrupted one. */
export async function syncHubSpot(options: SyncOptions): Promise<SyncResult> {
  const { client, signal } = options;
  const warnings: string[] = [];
  const now = options.now ?? (() => new Date());
  const startedNow = now().toISOString();

  const saved = readSavedState(options, decodeCursor, readDateTime, warnings);
  let resume: HubSpotCursor | null = saved.resume;
  const previous = saved.previous;

  const context = await prepareHubSpot(client, {
    stageOverrides: options.stageOverrides,
    signal,
    onProgress: options.onProgress,
    knownPortalId: options.knownPortalId,
  });
  warnings.push(...context.warnings);
  const stageIds = context.stages.ids;
  if (resume !== null && resume.stageIds.join('\n') !== stageIds.join('\n')) {
    warnings.push('The deal stages changed since the sync was interrupted, so it started over.');
    resume = null;
  }

  const mode: SyncResult['mode'] = resume?.mode ?? (previous !== null ? 'incremental' : 'full');
  const since = resume !== null ? resume.since : mode === 'incremental' ? previous : null;
  const closedSince = resume?.closedSince ?? closedSinceDate(now(), options.years ?? DEFAULT_YEARS);
  const startedAt = resume?.startedAt ?? startedNow;

  let deleted: string[] | null = null;
  if (since !== null && resume === null) {
    options.onProgress?.({ step: 'deleted', done: 0, total: null });
    deleted = await readArchived(client, since, signal);
  }

  const run = {
    done: resume?.done ?? 0,
    total: resume?.total ?? null,
    afterId: resume?.afterId ?? null,
    maxModified: resume?.maxModified ?? null,
    pages: 0,
  };
  const all = new Map<string, Opportunity>();
  const rejected: RejectedRecord[] = [];
  const unknownStages = new Map<string, number>();
  let dealWarnings = 0;
  const related = emptyRelated();
  const query = { properties: dealProperties(stageIds), closedSince, openStageIds: context.stages.openIds, modifiedAfter: since };
  const checkpointOf = () => nextCheckpoint(run.maxModified, startedAt, previous);
  options.onProgress?.({ step: 'deals', done: run.done, total: run.total });

  for await (const page of searchDeals(client, query, run.afterId, signal)) {
    throwIfAborted(signal);
    // A window's total counts what is left from its first id: the deals already done come before it.
    if (page.windowStart) run.total = run.done + page.windowTotal;
    const batch = await mapPage(client, context, page.deals, related, signal);
    for (const o of batch.opportunities) all.set(o.id, o);
    rejected.push(...batch.rejected);
    for (const id of batch.unknownStages) unknownStages.set(id, (unknownStages.get(id) ?? 0) + 1);
    for (const w of batch.warnings) if (dealWarnings++ < MAX_DEAL_WARNINGS) warnings.push(w);
    run.done += page.deals.length;
    run.afterId = page.deals.at(-1)?.id ?? run.afterId;
    for (const m of batch.modified) if (run.maxModified === null || m > run.maxModified) run.maxModified = m;
    run.pages++;
    if (run.total !== null && run.done > run.total) run.total = run.done;
    const cursor = page.done
      ? null
      : encodeCursor({
          v: 1,
          mode,
          closedSince,
          since,
          stageIds,
          afterId: run.afterId,
          done: run.done,
          total: run.total,
          maxModified: run.maxModified,
          startedAt,
        });
    await options.onPage?.({
      opportunities: batch.opportunities,
      rejected: batch.rejected,
      warnings: batch.warnings,
      deleted: run.pages === 1 ? (deleted ?? []) : [],
      checkpoint: page.done ? checkpointOf() : previous,
      cursor,
      done: run.done,
      total: run.total,
    });
    options.onProgress?.({ step: 'deals', done: run.done, total: run.total });
  }
  if (run.pages === 0)
    await options.onPage?.({
      opportunities: [],
      rejected: [],
      warnings: [],
      deleted: deleted ?? [],
      checkpoint: checkpointOf(),
      cursor: null,
      done: run.done,
      total: run.done,
    });

  if (dealWarnings > MAX_DEAL_WARNINGS) warnings.push(`${dealWarnings - MAX_DEAL_WARNINGS} more values could not be read and were left empty.`);
  if (unknownStages.size > 0) {
    const list = [...unknownStages].map(([id, n]) => `"${id}" (${n} deal${n === 1 ? '' : 's'})`).join(', ');
    warnings.push(`These deal stages are in no pipeline, so each deal's own hs_is_closed and hs_is_closed_won were used: ${list}.`);
  }
  const opportunities = [...all.values()];
  const { fields, leaky } = fieldMapping(opportunities, ATTRIBUTE_COLUMNS);
  options.onProgress?.({ step: 'done', done: run.done, total: run.done });
  return {
    mode,
    resumed: resume !== null,
    opportunities,
    rejected,
    deleted,
    fields,
    leaky,
    stages: [...context.stages.stages],
    pipelines: context.pipelines,
    portal: context.portal,
    limits: client.lastRateLimit,
    checkpoint: checkpointOf(),
    cursor: null,
    closedSince,
    warnings,
  };
}

/** The largest modification seen, held CHECKPOINT_MARGIN_MS behind the run's start, never behind the previous checkpoint. */
export function nextCheckpoint(maxModified: string | null, startedAt: string, previous: string | null): string | null {
  const bound = new Date(Date.parse(startedAt) - CHECKPOINT_MARGIN_MS).toISOString();
  const candidate = maxModified === null ? null : maxModified < bound ? maxModified : bound;
  if (candidate === null) return previous;
  return previous === null || candidate > previous ? candidate : previous;
}

interface MappedPage {
  opportunities: Opportunity[];
  rejected: RejectedRecord[];
  warnings: string[];
  modified: string[];
  unknownStages: string[];
}

async function mapPage(
  client: HubSpotClient,
  context: HubSpotContext,
  deals: readonly HubSpotObject[],
  related: Related,
  signal?: AbortSignal,
): Promise<MappedPage> {
  await loadRelated(
    client,
    deals.map((d) => d.id),
    related,
    signal,
  );
  // The close date, amount and stage probability as they were set over time (issue 18): one
  // batch read of the page's deals with their property history, 100 a request.
  const versions = new Map(
    (
      await client.batchRead(
        'deals',
        deals.map((d) => d.id),
        ['hs_object_id'],
        signal,
        DEAL_HISTORY_PROPERTIES,
      )
    ).map((d) => [d.id, d]),
  );
  const out: MappedPage = { opportunities: [], rejected: [], warnings: [], modified: [], unknownStages: [] };
  for (const deal of deals) {
    const result = mapDeal(deal, { ...related, stages: context.stages, owners: context.owners, currency: context.portal.currency });
    if (!result.ok) {
      out.rejected.push({ id: result.id, reason: result.reason });
      continue;
    }
    const versioned = versions.get(deal.id);
    const changes = versioned === undefined ? null : recordedChangesOf(versioned);
    if (changes !== null) result.opportunity.recordedChanges = changes;
    out.opportunities.push(result.opportunity);
    out.warnings.push(...result.warnings);
    if (result.modified !== null) out.modified.push(result.modified);
    if (result.unknownStage !== null) out.unknownStages.push(result.unknownStage);
  }
  return out;
}

/**
 * Deals archived (deleted) since `since`: `GET /crm/objects/{version}/deals?archived=true` lists
 * the recycle bin (90 days), 100 a page, each with `archivedAt`. Merged-away deals are
 * archived too, so they leave the store the same way.
 */
export async function readArchived(client: HubSpotClient, since: string, signal?: AbortSignal): Promise<string[]> {
  const records = await client.listAll(API_PATHS.objects('deals'), { archived: 'true', limit: '100', properties: 'hs_object_id' }, signal);
  return records.flatMap((r) => {
    const o = readObject(r);
    if (o === null) return [];
    const at = readDateTime(o.archivedAt);
    return at === null || at > since ? [o.id] : [];
  });
}

export interface FetchDealResult {
  opportunity: Opportunity | null;
  rejected: RejectedRecord | null;
  warnings: string[];
  /** HubSpot has no such deal (or it is archived). */
  missing: boolean;
}

/**
 * One deal on demand (a record page opened before the first sync reached it):
 * `GET /crm/objects/{version}/deals/{id}` with the sync's properties, its companies and contacts.
 */
export async function fetchDeal(
  client: HubSpotClient,
  dealId: string,
  options: { context?: HubSpotContext; stageOverrides?: StageOverrides; signal?: AbortSignal; knownPortalId?: string } = {},
): Promise<FetchDealResult> {
  if (!/^\d{1,20}$/.test(dealId)) throw new RangeError(`"${dealId}" is not a HubSpot deal id`);
  const context =
    options.context ?? (await prepareHubSpot(client, { stageOverrides: options.stageOverrides, signal: options.signal, knownPortalId: options.knownPortalId }));
  const params = new URLSearchParams({ properties: dealProperties(context.stages.ids).join(','), archived: 'false' });
  let deal: HubSpotObject | null;
  try {
    deal = readObject(await client.get(`${API_PATHS.object('deals', dealId)}?${params}`, { signal: options.signal }));
  } catch (error) {
    if (isHubSpotError(error) && error.status === 404) return { opportunity: null, rejected: null, warnings: [], missing: true };
    throw error;
  }
  if (deal === null) return { opportunity: null, rejected: null, warnings: [], missing: true };
  const page = await mapPage(client, context, [deal], emptyRelated(), options.signal);
  return { opportunity: page.opportunities[0] ?? null, rejected: page.rejected[0] ?? null, warnings: page.warnings, missing: false };
}
