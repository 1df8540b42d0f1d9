/**
 * The runner's HubSpot work against the sandbox HubSpot server over real HTTP, with the
 * real engine in a worker thread: connecting a portal (token checked, then kept), a full
 * sync and training, an incremental sync, a stage-outcome mapping that re-reads every
 * deal, a deal fetched on demand, and the token's states.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../lib/crm/hubspot';
import { hubspotConnectionId, hubspotConnector } from '../../lib/crm/hubspot/connector';
import { JobRunner } from '../../lib/jobs/runner';
import { startHubSpotServer, type HubSpotServer } from '../../sandbox/hubspot';
import {
  connectionSettings,
  createJob,
  deleteConnection,
  getConnection,
  getModel,
  getOpportunity,
  listOpportunities,
  listPipeline,
} from '../../lib/store/repo';
import type { JobRecord } from '../../lib/store/schema';
import { connectorEnv } from '../crm/connector-env';
import { freshDb } from '../store/helpers';
import { threadWorker } from './thread-worker';

let server: HubSpotServer;
beforeAll(async () => {
  // Enough deals that the other pipelines keep 20 wins once a won stage is remapped to lost.
  server = await startHubSpotServer({ opportunities: 700 });
});
afterAll(async () => {
  await server.close();
});

/** Connects from the options page as an e2e build does: the sandbox tab names the API (its own origin) and the portal. */
function connect(db: ReturnType<typeof freshDb>['db'], token: string) {
  const tab = { id: 1, url: `${server.url}/contacts/${server.portalId}/objects/0-3/views/all/board` };
  return hubspotConnector.connect({ token, tabId: 1 }, connectorEnv(db, { tabs: [tab], localhost: true }));
}
const credentials = (db: ReturnType<typeof freshDb>['db'], connectionId: string) => connectionSettings(db, connectionId).get('hubspot.credentials');
const status = (db: ReturnType<typeof freshDb>['db'], connectionId: string) => connectionSettings(db, connectionId).get('hubspot.status');

function syncJob(connectionId: string): Omit<JobRecord, 'id'> {
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
    params: {},
  };
}

describe('HubSpot jobs', () => {
  it('connects with a checked token, syncs and trains, resyncs incrementally, and re-reads every deal for a new stage mapping', async () => {
    const { db } = freshDb();
    const connected = await connect(db, `  ${server.token} `);
    if (!connected.ok) throw new Error(connected.error);
    const { connectionId } = connected;
    expect(connectionId).toBe(hubspotConnectionId(String(server.portalId)));
    expect(connected.params).toEqual({ apiBase: server.url, portalId: String(server.portalId) });
    // Kept trimmed, for this portal only.
    expect(await credentials(db, connectionId)).toEqual({ token: server.token, apiBase: server.url, portalId: String(server.portalId) });

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
    const synced = await status(db, connectionId);
    expect(synced?.state).toBe('ok');
    expect(synced?.stages?.length).toBe(server.pipelines.reduce((n, p) => n + p.stages.length, 0));

    // One deal renamed in HubSpot: the next sync is incremental and brings it.
    const open = stored.find((o) => !o.isClosed) as { id: string };
    server.touch([open.id], { dealname: 'Renamed <b>deal</b>' });
    const second = await runner.run(await createJob(db, syncJob(connectionId)), {});
    expect(second.summary).toMatch(/^Incremental sync: /);
    expect((await getOpportunity(db, connectionId, open.id))?.name).toBe('Renamed <b>deal</b>');

    // The user says a won stage is really lost: every deal is read again with it.
    const wonStage = synced?.stages?.find((s) => s.hubspotOutcome === 'won') as { id: string };
    const wonBefore = stored.filter((o) => o.isWon).length;
    await connectionSettings(db, connectionId).set('hubspot.stages', { [wonStage.id]: 'lost' });
    const third = await runner.run(await createJob(db, syncJob(connectionId)), {});
    expect(third.summary).toMatch(/^Full sync: /);
    const after = await listOpportunities(db, connectionId);
    expect(after.filter((o) => o.isWon).length).toBeLessThan(wonBefore);
    expect((await status(db, connectionId))?.stages?.find((s) => s.id === wonStage.id)).toMatchObject({ overridden: true, hubspotOutcome: 'won' });

    // A deal created after the sync: fetched with the stored token, stored and scored.
    const [fresh] = server.addDeals(1);
    const panel = await runner.recordPanel(connectionId, (fresh as { id: string }).id, { params: {} });
    expect(panel.opportunity.id).toBe((fresh as { id: string }).id);
    expect(panel.win?.probability).toBeGreaterThan(0);

    // Removing the connection forgets the token.
    await deleteConnection(db, connectionId);
    expect(await credentials(db, connectionId)).toBeNull();
  });

  it('keeps nothing for a wrong token, and records the state when the stored one expires', async () => {
    const { db } = freshDb();
    const wrong = await connect(db, 'pat-na1-00000000-0000-0000-0000-000000000000');
    expect(wrong).toEqual({ ok: false, code: 'session-expired', error: MESSAGES.tokenInvalid });
    expect(await credentials(db, hubspotConnectionId(String(server.portalId)))).toBeNull();

    const connected = await connect(db, server.token);
    if (!connected.ok) throw new Error(connected.error);
    const { connectionId } = connected;
    server.rotateToken();
    const runner = new JobRunner(db, { createWorker: () => threadWorker(), report: () => undefined });
    const job = await runner.run(await createJob(db, syncJob(connectionId)), {});
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/expired/);
    expect((await status(db, connectionId))?.state).toBe('token-expired');
  });
});
