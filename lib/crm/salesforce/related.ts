/**
 * A batch of Opportunity records → Opportunities: reads their history, buyers, products
 * (and, for servers that do not answer relationship paths, owners' managers) by chunked IN
 * lists, then maps each record. History and buyers are part of the data: only a server
 * that does not serve them at all (400/404) is tolerated. Products and users are extras.
 */
import type { Opportunity } from '../opportunity';
import type { SalesforceClient, SalesforceRecord } from './client';
import { isOptionalFailure, isUnsupported, type SalesforceContext } from './context';
import type { SalesforceError } from './errors';
import { toId18 } from './ids';
import { mapOpportunity, readContactRoleRows, readHistoryRows, readLineItemRows, readUserRows, type MapContext, type UserRow } from './map';
import { chunk } from '../shared/chunk';
import { IN_CHUNK, contactRolesSoql, historySoql, lineItemsSoql, opportunitiesByIdSoql, usersSoql } from './soql';
import type { RejectedRecord } from '../shared/sync';
import { readText, valueAt } from '../shared/values';

export type { RejectedRecord };

type Relation = 'history' | 'contactRoles' | 'lineItems';

const RELATIONS: Readonly<Record<Relation, { label: string; soql: (ids: readonly string[]) => string; optional: boolean }>> = {
  history: { label: 'OpportunityHistory (stage history)', soql: historySoql, optional: false },
  contactRoles: { label: 'OpportunityContactRole (buyer titles and roles)', soql: contactRolesSoql, optional: false },
  lineItems: { label: 'OpportunityLineItem (products)', soql: lineItemsSoql, optional: true },
};

/** What one sync remembers across pages: relations found unavailable (not asked again), users read, notes. */
export class RelatedState {
  readonly disabled = new Set<Relation | 'users'>();
  readonly warnings: string[] = [];
  readonly users = new Map<string, UserRow>();
  readonly unknownStages = new Map<string, number>();
}

export interface MappedBatch {
  opportunities: Opportunity[];
  rejected: RejectedRecord[];
}

/** Reads what the records need and maps them, in record order. */
export async function mapBatch(
  client: SalesforceClient,
  context: SalesforceContext,
  records: readonly SalesforceRecord[],
  state: RelatedState,
  signal: AbortSignal | undefined,
): Promise<MappedBatch> {
  const ids = records.flatMap((r) => {
    const raw = readText(r.Id);
    const id = raw === null ? null : toId18(raw);
    return id === null ? [] : [id];
  });
  const { related } = context.plan;
  const read = (relation: Relation) => (related[relation] ? readRelation(client, ids, relation, state, signal) : Promise.resolve([]));
  // The relations are independent: asking for them side by side saves two round trips per chunk.
  const [history, contactRoles, lineItems, users] = await Promise.all([
    read('history'),
    read('contactRoles'),
    read('lineItems'),
    readMissingUsers(client, records, state, signal),
  ]);
  const ctx: MapContext = {
    stages: context.stageIndex,
    plan: context.plan,
    defaultCurrency: context.org?.currency ?? null,
    history: readHistoryRows(history),
    contactRoles: readContactRoleRows(contactRoles),
    lineItems: readLineItemRows(lineItems),
    users,
  };
  const batch: MappedBatch = { opportunities: [], rejected: [] };
  for (const record of records) {
    const result = mapOpportunity(record, ctx);
    if (!result.ok) {
      batch.rejected.push({ id: result.id, reason: result.reason });
      continue;
    }
    batch.opportunities.push(result.opportunity);
    if (result.unknownStage !== null) state.unknownStages.set(result.unknownStage, (state.unknownStages.get(result.unknownStage) ?? 0) + 1);
  }
  return batch;
}

async function readRelation(
  client: SalesforceClient,
  ids: readonly string[],
  relation: Relation,
  state: RelatedState,
  signal: AbortSignal | undefined,
): Promise<SalesforceRecord[]> {
  const { label, soql, optional } = RELATIONS[relation];
  const records: SalesforceRecord[] = [];
  for (const part of chunk(ids, IN_CHUNK)) {
    if (state.disabled.has(relation)) break;
    try {
      records.push(...(await client.queryRecords(soql(part), { signal })));
    } catch (error) {
      if (!(optional ? isOptionalFailure(error) : isUnsupported(error))) throw error;
      state.disabled.add(relation);
      state.warnings.push(`${label} could not be read (${(error as SalesforceError).message}); deals were synced without it.`);
    }
  }
  return records;
}

/**
 * Owners' managers for replies that lack them (`Owner.ManagerId` absent, or a manager's
 * name absent), read from User once per sync. Real orgs answer the relationship paths, so
 * there this asks nothing.
 */
async function readMissingUsers(
  client: SalesforceClient,
  records: readonly SalesforceRecord[],
  state: RelatedState,
  signal: AbortSignal | undefined,
): Promise<ReadonlyMap<string, UserRow>> {
  const { users } = state;
  const wanted = new Set<string>();
  const want = (raw: string) => {
    const id = toId18(raw);
    if (id !== null && !users.has(id)) wanted.add(id);
  };
  for (const r of records) {
    const owner = readText(r.OwnerId);
    if (owner === null) continue;
    if (valueAt(r, 'Owner.ManagerId') === undefined) want(owner);
    const manager = readText(valueAt(r, 'Owner.ManagerId'));
    if (manager !== null && valueAt(r, 'Owner.Manager.Name') === undefined) want(manager);
  }
  // Two rounds: the owners, then the managers they name.
  for (let round = 0; round < 2 && wanted.size > 0 && !state.disabled.has('users'); round++) {
    const ids = [...wanted];
    wanted.clear();
    try {
      for (const part of chunk(ids, IN_CHUNK)) {
        for (const [id, user] of readUserRows(await client.queryRecords(usersSoql(part), { signal }))) {
          users.set(id, user);
          if (user.managerId !== null) want(user.managerId);
        }
      }
    } catch (error) {
      if (!isOptionalFailure(error)) throw error;
      state.disabled.add('users');
      state.warnings.push("Owners' managers could not be read from User; deals were synced without them.");
    }
  }
  return users;
}

/**
 * Fetches given opportunities whatever their dates, with their history and buyers: a
 * record page opened before it was synced. Ids that are not visible come back in `missing`.
 */
export async function fetchOpportunities(
  client: SalesforceClient,
  context: SalesforceContext,
  ids: readonly string[],
  signal?: AbortSignal,
): Promise<MappedBatch & { missing: string[] }> {
  const wanted = ids.map((id) => {
    const id18 = toId18(id);
    if (id18 === null) throw new RangeError(`"${id}" is not a Salesforce id`);
    return id18;
  });
  const records: SalesforceRecord[] = [];
  for (const part of chunk([...new Set(wanted)], IN_CHUNK))
    records.push(...(await client.queryRecords(opportunitiesByIdSoql(context.plan.select, part), { signal })));
  const batch = await mapBatch(client, context, records, new RelatedState(), signal);
  const found = new Set([...batch.opportunities.map((o) => o.id), ...batch.rejected.map((r) => r.id)]);
  return { ...batch, missing: wanted.filter((id) => !found.has(id)) };
}
