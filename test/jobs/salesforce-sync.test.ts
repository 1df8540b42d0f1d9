/**
 * The runner's Salesforce sync job against the sandbox Salesforce server over real HTTP,
 * with the real engine in a worker thread: a full sync then training, an incremental sync,
 * the on-demand fetch of a record the store does not hold, and the session states. The
 * session reaches the runner in memory only: nothing stored may contain it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobRunner } from '../../lib/jobs/runner';
import { salesforceConnectionId } from '../../lib/crm/salesforce/connector';
import { closedSinceDate } from '../../lib/crm/salesforce/soql';
import { startSalesforceServer, type SalesforceServer } from '../../sandbox/salesforce';
import type { DealsightDb } from '../../lib/store/db';
import {
  connectionSettings,
  createJob,
  getConnection,
  getModel,
  getOpportunity,
  getPanel,
  getSyncState,
  listOpportunities,
  listPipeline,
} from '../../lib/store/repo';
import { settingKey, type JobRecord } from '../../lib/store/schema';
import { freshDb } from '../store/helpers';
import { threadWorker } from './thread-worker';

function syncJob(connectionId: string, apiBase: string, orgId: string): Omit<JobRecord, 'id'> {
  return {
    kind: 'sync',
    connectionId,
    status: 'queued',
    step: null,
    done: 0,
    total: 0,
    createdAt: '2026-11-01T00:00:00.000Z',
    startedAt: null,
    finishedAt: null,
    summary: null,
    error: null,
    attempts: 0,
    params: { apiBase, orgId },
  };
}

/** Every stored record, as one string: the session must appear nowhere in it. */
async function dump(db: DealsightDb): Promise<string> {
  const parts = await Promise.all(db.tables.map(async (table) => JSON.stringify(await table.toArray())));
  return parts.join('\n');
}

let server: SalesforceServer;
beforeAll(async () => {
  server = await startSalesforceServer({ opportunities: 600, port: 0 });
});
afterAll(async () => {
  await server.close();
});

describe('the Salesforce sync job', () => {
  it('syncs the org in pages, trains and scores it, resyncs incrementally, and never stores the session', async () => {
    const { db } = freshDb();
    const reports: JobRecord[] = [];
    const runner = new JobRunner(db, { createWorker: () => threadWorker(), report: (job) => reports.push(job) });
    const id = salesforceConnectionId(server.orgId);

    const job = await runner.run(await createJob(db, syncJob(id, server.url, server.orgId)), { sid: server.sid });
    expect(job.error).toBeNull();
    expect(job.status).toBe('done');
    expect(job.summary).toMatch(/^Full sync: [\d,]+ opportunities new or changed; [\d,]+ stored\. Trained on [\d,]+ closed deals/);

    const stored = await listOpportunities(db, id);
    expect(stored.length).toBeGreaterThan(100);
    expect(stored.every((o) => o.source === 'salesforce')).toBe(true);
    const connection = await getConnection(db, id);
    expect(connection?.kind).toBe('salesforce');
    expect(connection?.lastImport?.rows).toBe(stored.length);
    const model = await getModel(db, id);
    expect(model?.dataVersion).toBe(connection?.dataVersion);
    // A live CRM's open deals are open on the day of the sync, not on its newest close date.
    expect(model?.asOf).toBe(model?.trainedAt.slice(0, 10));
    expect((await listPipeline(db, id)).length).toBe(model?.counts.open);
    const state = await getSyncState(db, id);
    expect(state?.cursor).toBeNull();
    expect(state?.checkpoint).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const status = await connectionSettings(db, id).get('salesforce.status');
    expect(status).toMatchObject({ state: 'ok', orgId: server.orgId, apiBase: server.url, apiVersion: server.apiVersion });
    expect(status?.limits?.used).toBeGreaterThan(0);
    expect(reports.some((r) => r.step === 'Syncing from Salesforce')).toBe(true);

    // Incremental: one deal changed in Salesforce.
    const open = stored.find((o) => !o.isClosed);
    server.touch([open?.id as string], { Name: 'Renamed <b>deal</b>' });
    const again = await runner.run(await createJob(db, syncJob(id, server.url, server.orgId)), { sid: server.sid });
    expect(again.status).toBe('done');
    expect(again.summary).toMatch(/^Incremental sync: 1 opportunity new or changed; /);
    expect((await getOpportunity(db, id, open?.id as string))?.name).toBe('Renamed <b>deal</b>');
    // The training after the sync compared the scores before and after it (the notification's deals).
    const atRisk = await connectionSettings(db, id).get('alerts.atRisk');
    expect(atRisk?.jobId).toBe(again.id);
    expect(atRisk?.deals.every((d) => d.reasons.length > 0 && d.connectionId === id)).toBe(true);
    expect((await listOpportunities(db, id)).length).toBe(stored.length);

    // A record created after the sync: fetched on demand, stored and scored.
    const [fresh] = server.addOpportunities(1);
    expect(await getOpportunity(db, id, fresh?.id as string)).toBeUndefined();
    const panel = await runner.recordPanel(id, fresh?.id as string, { params: { apiBase: server.url, orgId: server.orgId }, secrets: { sid: server.sid } });
    expect(panel.opportunity.id).toBe(fresh?.id);
    expect(panel.state.kind).not.toBe('out-of-date');
    expect(panel.win?.probability).toBeGreaterThan(0);
    expect((await getOpportunity(db, id, fresh?.id as string))?.name).toBe(fresh?.name);
    expect((await getPanel(db, id, fresh?.id as string))?.panel).toEqual(panel);

    expect(await dump(db)).not.toContain(server.sid);
  });

  it("fails saying what fixes it on an expired session (log in again, or delete the host's sid cookie), or when the session did not reach the runner", async () => {
    const { db } = freshDb();
    const runner = new JobRunner(db, { createWorker: () => threadWorker(), report: () => undefined });
    const id = salesforceConnectionId(server.orgId);
    const expired = await runner.run(await createJob(db, syncJob(id, server.url, server.orgId)), { sid: `${server.sid}x` });
    expect(expired.status).toBe('failed');
    expect(expired.error).toMatch(/Log out of Salesforce and log in again; .*delete the "sid" cookie for 127\.0\.0\.1 /);
    expect((await connectionSettings(db, id).get('salesforce.status'))?.state).toBe('session-expired');
    expect(await getConnection(db, id)).toBeUndefined();

    const missing = await runner.run(await createJob(db, syncJob(id, server.url, server.orgId)));
    expect(missing.status).toBe('failed');
    expect(missing.error).toMatch(/Open Salesforce to reconnect/);
  });

  it('resumes an interrupted sync from its last stored page', async () => {
    const { db } = freshDb();
    const runner = new JobRunner(db, { createWorker: () => threadWorker(), report: () => undefined });
    const id = salesforceConnectionId(server.orgId);
    // Every next page fails: the first page is stored, then the sync stops.
    server.faults.serverError({ status: 500, path: /\/query\/[0-9A-Za-z]+-\d+$/, times: Infinity });
    const small = { ...syncJob(id, server.url, server.orgId), params: { apiBase: server.url, orgId: server.orgId, batchSize: 200 } };
    const broken = await runner.run(await createJob(db, small), { sid: server.sid });
    server.faults.clear();
    expect(broken.status).toBe('failed');
    const partial = (await listOpportunities(db, id)).length;
    const cursor = (await getSyncState(db, id))?.cursor;
    expect(cursor).not.toBeNull();
    const resumed = await runner.run(await createJob(db, small), { sid: server.sid });
    expect(resumed.status).toBe('done');
    expect(resumed.summary).toMatch(/\(resumed\)/);
    expect((await listOpportunities(db, id)).length).toBeGreaterThan(partial);
  });

  it('reads the years and custom fields set in the options page: a change runs a full sync; deals closed before a narrower window are dropped', async () => {
    const { db } = freshDb();
    const runner = new JobRunner(db, { createWorker: () => threadWorker(), report: () => undefined });
    const id = salesforceConnectionId(server.orgId);
    const first = await runner.run(await createJob(db, syncJob(id, server.url, server.orgId)), { sid: server.sid });
    expect(first.status).toBe('done');
    const before = await listOpportunities(db, id);
    const status = await connectionSettings(db, id).get('salesforce.status');
    expect(status?.years).toBe(3);
    // The sandbox org's custom picklist is offered in the options page.
    expect(status?.customFieldChoices?.map((c) => c.name)).toContain('Region__c');

    await connectionSettings(db, id).set('salesforce.years', 1);
    expect(await connectionSettings(db, id).get('salesforce.years')).toBe(1);
    const since = closedSinceDate(new Date(), 1);
    const older = before.filter((o) => o.isClosed && (o.closeDate ?? '') < since);
    expect(older.length).toBeGreaterThan(0);
    const narrowed = await runner.run(await createJob(db, syncJob(id, server.url, server.orgId)), { sid: server.sid });
    expect(narrowed.status).toBe('done');
    expect(narrowed.summary).toMatch(new RegExp(`^Full sync: .*, ${older.length.toLocaleString('en-US')} closed before ${since} dropped;`));
    const after = await listOpportunities(db, id);
    expect(after).toHaveLength(before.length - older.length);
    expect(after.every((o) => !o.isClosed || (o.closeDate ?? '') >= since)).toBe(true);
    expect((await connectionSettings(db, id).get('salesforce.status'))?.years).toBe(1);
    // Nothing stored is scored for a deal that is gone.
    expect((await listPipeline(db, id)).every((row) => after.some((o) => o.id === row.id))).toBe(true);

    // A custom field chosen in the options page: a full sync brings it on every deal.
    await connectionSettings(db, id).set('salesforce.customFields', ['Region__c']);
    const withRegion = await runner.run(await createJob(db, syncJob(id, server.url, server.orgId)), { sid: server.sid });
    expect(withRegion.summary).toMatch(/^Full sync: /);
    const regions = (await listOpportunities(db, id)).map((o) => o.attributes.Region__c);
    expect(regions.every((r) => typeof r === 'string' && r.length > 0)).toBe(true);
    expect((await connectionSettings(db, id).get('salesforce.status'))?.customFields).toEqual(['Region__c']);
    const again = await runner.run(await createJob(db, syncJob(id, server.url, server.orgId)), { sid: server.sid });
    expect(again.summary).toMatch(/^Incremental sync: /);

    // A setting that is not a whole number of years falls back to the default.
    await db.settings.put({ key: settingKey('salesforce.years', id), name: 'salesforce.years', connectionId: id, version: 1, value: 'ten' });
    expect(await connectionSettings(db, id).get('salesforce.years')).toBe(3);
  });
});
