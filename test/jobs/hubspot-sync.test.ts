/**
 * The runner's HubSpot work against the sandbox HubSpot server over real HTTP, with the
 * real engine in a worker thread: connecting a portal (token checked, then kept), a full
 * sync and training, an incremental sync, a stage-outcome mapping that re-reads every
 * deal, a deal fetched on demand, and the token's states.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHubSpotError } from '../../lib/crm/hubspot';
import { connectPortal, getHubSpotCredentials, getHubSpotStatus, hubspotConnectionId, stageOverridesKey } from '../../lib/jobs/hubspot';
import { JobRunner } from '../../lib/jobs/runner';
import { startHubSpotServer, type HubSpotServer } from '../../lib/sandbox/hubspot-server';
import { createJob, deleteConnection, getConnection, getModel, getOpportunity, listOpportunities, listPipeline, setSetting } from '../../lib/store/repo';
import type { JobRecord } from '../../lib/store/schema';
import { freshDb } from '../store/helpers';
import { threadWorker } from './thread-worker';

let server: HubSpotServer;
beforeAll(async () => {
  server = await startHubSpotServer({ opportunities: 600 });
});
afterAll(async () => {
  await server.close();
});

const work = (db: ReturnType<typeof freshDb>['db']) => ({ db, fetch: (url: string, init?: RequestInit) => fetch(url, init), now: () => new Date().toISOString() });

function syncJob(connectionId: string): Omit<JobRecord, 'id'> {
  return { kind: 'sync', connectionId, status: 'queued', step: null, done: 0, total: 0, createdAt: '2026-11-01T00:00:00.000Z', startedAt: null, finishedAt: null, summary: null, error: null, attempts: 0, params: {} };
}

describe('HubSpot jobs', () => {
  it('connects with a checked token, syncs and trains, resyncs incrementally, and re-reads every deal for a new stage mapping', async () => {
    const { db } = freshDb();
    const { connectionId, portal } = await connectPortal(work(db), `  ${server.token} `, server.url);
    expect(connectionId).toBe(hubspotConnectionId(String(server.portalId)));
    expect(portal.portalId).toBe(String(server.portalId));
    // Kept trimmed, for this portal only.
    expect(await getHubSpotCredentials(db, connectionId)).toEqual({ token: server.token, apiBase: server.url, portalId: String(server.portalId) });

    const runner = new JobRunner(db, { createWorker: () => threadWorker(), report: () => undefined });
    const first = await runner.run(await createJob(db, syncJob(connectionId)), {});
    expect(first.error).toBeNull();
    expect(first.summary).toMatch(/^Full sync: [\d,]+ deals new or changed; [\d,]+ stored\. Trained on [\d,]+ closed deals/);
    const stored = await listOpportunities(db, connectionId);
    expect(stored.length).toBeGreaterThan(400);
    expect(stored.every((o) => o.source === 'hubspot')).toBe(true);
    expect((await getConnection(db, connectionId))?.kind).toBe('hubspot');
    const model = await getModel(db, connectionId);
    expect((await listPipeline(db, connectionId)).length).toBe(model?.counts.open);
    // A live CRM: "today" is the day of the sync.
    expect(model?.asOf).toBe(model?.trainedAt.slice(0, 10));
    const status = await getHubSpotStatus(db, connectionId);
    expect(status?.state).toBe('ok');
    expect(status?.stages?.length).toBe(server.pipelines.reduce((n, p) => n + p.stages.length, 0));

    // One deal renamed in HubSpot: the next sync is incremental and brings it.
    const open = stored.find((o) => !o.isClosed) as { id: string };
    server.touch([open.id], { dealname: 'Renamed <b>deal</b>' });
    const second = await runner.run(await createJob(db, syncJob(connectionId)), {});
    expect(second.summary).toMatch(/^Incremental sync: /);
    expect((await getOpportunity(db, connectionId, open.id))?.name).toBe('Renamed <b>deal</b>');

    // The user says a won stage is really lost: every deal is read again with it.
    const wonStage = status?.stages?.find((s) => s.hubspotOutcome === 'won') as { id: string };
    const wonBefore = stored.filter((o) => o.isWon).length;
    await setSetting(db, stageOverridesKey(connectionId), { [wonStage.id]: 'lost' });
    const third = await runner.run(await createJob(db, syncJob(connectionId)), {});
    expect(third.summary).toMatch(/^Full sync: /);
    const after = await listOpportunities(db, connectionId);
    expect(after.filter((o) => o.isWon).length).toBeLessThan(wonBefore);
    expect((await getHubSpotStatus(db, connectionId))?.stages?.find((s) => s.id === wonStage.id)).toMatchObject({ overridden: true, hubspotOutcome: 'won' });

    // A deal created after the sync: fetched with the stored token, stored and scored.
    const [fresh] = server.addDeals(1);
    const panel = await runner.recordPanel(connectionId, (fresh as { id: string }).id);
    expect(panel.opportunity.id).toBe((fresh as { id: string }).id);
    expect(panel.win?.probability).toBeGreaterThan(0);

    // Removing the connection forgets the token.
    await deleteConnection(db, connectionId);
    expect(await getHubSpotCredentials(db, connectionId)).toBeNull();
  });

  it('keeps nothing for a wrong token, and records the state when the stored one expires', async () => {
    const { db } = freshDb();
    const wrong = await connectPortal(work(db), 'pat-na1-00000000-0000-0000-0000-000000000000', server.url).catch((error: unknown) => error);
    expect(isHubSpotError(wrong) && wrong.state).toBe('token-invalid');
    expect(await getHubSpotCredentials(db, hubspotConnectionId(String(server.portalId)))).toBeNull();

    const { connectionId } = await connectPortal(work(db), server.token, server.url);
    server.rotateToken();
    const runner = new JobRunner(db, { createWorker: () => threadWorker(), report: () => undefined });
    const job = await runner.run(await createJob(db, syncJob(connectionId)), {});
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/expired/);
    expect((await getHubSpotStatus(db, connectionId))?.state).toBe('token-expired');
  });
});
