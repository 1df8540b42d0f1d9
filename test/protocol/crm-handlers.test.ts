/**
 * The background's CRM handlers (entrypoints/background/crm.ts) with Salesforce's
 * connector, fake tabs and cookies and the real store on fake-indexeddb: connect, record
 * panel (cached, fetched on demand, every error state), list chips, and the daily sync.
 * The session must reach only the runner's in-memory channel.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { connectCrm, dailyRefresh, dailySkipReason, recordPanel, recordScores, syncCrm, type CrmDeps } from '../../entrypoints/background/crm';
import type { TabInfo } from '../../lib/crm/connector';
import { SALESFORCE_MESSAGES, salesforceConnector } from '../../lib/crm/salesforce/connector';
import { CodedError } from '../../lib/crm/shared/coded-error';
import type { PanelData } from '../../lib/panel-data';
import { saveModels, saveScores, upsertConnectionData } from '../../lib/store/repo';
import { connectorEnv } from '../crm/connector-env';
import { connection, freshDb, mapping, model, opp, score } from '../store/helpers';

const ORG = '00D5g000001aBcDEAU';
const OTHER_ORG = '00D5g000009zYxWEAU';
const SID = `${ORG.slice(0, 15)}!AQsecret`;
const LIGHTNING = 'https://acme.lightning.force.com';
const API = 'https://acme.my.salesforce.com';
const OPP = '0065g00000AbCdEAAV';
const OPP15 = OPP.slice(0, 15);
const CONN = `salesforce:${ORG}`;
const recordUrl = (id = OPP) => `${LIGHTNING}/lightning/r/Opportunity/${id}/view`;

interface Calls {
  enqueued: Array<{ kind: string; connectionId: string; params: unknown; secrets: unknown }>;
  skipped: Array<{ connectionId: string; reason: string }>;
  panels: string[];
  fetched: Array<{ id: string; sid: string }>;
}

function setup(cookies: Record<string, string> = { [`${LIGHTNING}/`]: SID, [`${API}/`]: SID }, tabs: TabInfo[] = [{ id: 1, url: recordUrl() }]) {
  const { db } = freshDb();
  const calls: Calls = { enqueued: [], skipped: [], panels: [], fetched: [] };
  let fetchError: Error | null = null;
  const deps: CrmDeps = {
    db,
    hostOptions: { localhost: false },
    env: () => connectorEnv(db, { tabs, cookies }),
    enqueue: async (kind, connectionId, params, secrets) => {
      calls.enqueued.push({ kind, connectionId, params, secrets });
      return calls.enqueued.length;
    },
    logSkipped: async (_kind, connectionId, reason) => void calls.skipped.push({ connectionId, reason }),
    panel: async (_c, id) => {
      calls.panels.push(id);
      return { opportunity: { id } } as unknown as PanelData;
    },
    recordPanel: async (_c, id, access) => {
      if (fetchError) throw fetchError;
      calls.fetched.push({ id, sid: access.secrets?.sid ?? '' });
      return { opportunity: { id } } as unknown as PanelData;
    },
  };
  return { db, deps, calls, failFetch: (error: Error) => (fetchError = error) };
}

async function synced(db: CrmDeps['db'], id = CONN) {
  await upsertConnectionData(db, { ...connection(id, 'Acme'), kind: 'salesforce' }, [opp(OPP)], [], mapping(id), null);
  await saveModels(db, model(id), []);
}

describe('connect-crm', () => {
  it("connects the tab's org and queues a sync whose session goes only in the secrets", async () => {
    const { deps, calls } = setup();
    expect(await connectCrm(deps, { crm: 'salesforce', tabId: 1 })).toEqual({ ok: true, connectionId: CONN, jobId: 1 });
    expect(calls.enqueued).toEqual([{ kind: 'sync', connectionId: CONN, params: { apiBase: API, orgId: ORG }, secrets: { sid: SID } }]);
  });

  it('says "session-expired" when not logged in, and refuses a tab that is not Salesforce', async () => {
    const { deps } = setup({});
    expect(await connectCrm(deps, { crm: 'salesforce', tabId: 1 })).toMatchObject({ ok: false, code: 'session-expired' });
    const other = setup({}, [{ id: 2, url: 'https://example.com/' }]);
    const reply = await connectCrm(other.deps, { crm: 'salesforce', tabId: 2 });
    expect(reply).toMatchObject({ ok: false });
    expect('code' in reply && reply.code).toBeFalsy();
    expect(await connectCrm(other.deps, { crm: 'salesforce', tabId: 99 })).toMatchObject({ ok: false, error: expect.stringMatching(/tab is closed/) });
  });
});

describe('sync-crm', () => {
  it('queues a sync of a connected org with the session of its open tab', async () => {
    const { db, deps, calls } = setup();
    await synced(db);
    expect(await syncCrm(deps, CONN)).toEqual({ ok: true, jobId: 1 });
    expect(calls.enqueued).toEqual([{ kind: 'sync', connectionId: CONN, params: { apiBase: API, orgId: ORG }, secrets: { sid: SID } }]);
  });

  it('asks to open the org when no tab of it has a live session, and refuses an unknown connection', async () => {
    const { db, deps, calls } = setup({
      [`${LIGHTNING}/`]: SID.replace(ORG.slice(0, 15), OTHER_ORG.slice(0, 15)),
      [`${API}/`]: SID.replace(ORG.slice(0, 15), OTHER_ORG.slice(0, 15)),
    });
    await synced(db);
    expect(await syncCrm(deps, CONN)).toEqual({ ok: false, code: 'session-expired', error: SALESFORCE_MESSAGES.noSessionForSync });
    expect(await syncCrm(deps, 'salesforce:00D000000000000AAA')).toMatchObject({ ok: false, error: expect.stringMatching(/no connected Salesforce org/) });
    expect(await syncCrm(deps, 'csv:file')).toMatchObject({ ok: false });
    expect(calls.enqueued).toEqual([]);
  });
});

describe('get-record-panel', () => {
  let env: ReturnType<typeof setup>;
  beforeEach(() => {
    env = setup();
  });
  const tab = { id: 1, url: recordUrl() };
  const sender = (t: TabInfo & { url: string } = tab) => ({ url: t.url, tab: t });

  it('answers "not-an-opportunity" for other records and pages', async () => {
    expect(await recordPanel(env.deps, `${LIGHTNING}/lightning/r/Account/0015g00000XyZabAAF/view`, sender())).toMatchObject({ code: 'not-an-opportunity' });
    expect(await recordPanel(env.deps, `${LIGHTNING}/lightning/o/Opportunity/list`, sender())).toMatchObject({ code: 'not-an-opportunity' });
  });

  it('refuses a url that is not on the sender tab, and a sender without a tab', async () => {
    expect(await recordPanel(env.deps, `https://evil.lightning.force.com/lightning/r/Opportunity/${OPP}/view`, sender())).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not on the page/),
    });
    // A sender without a tab is not a content script at all: test/protocol/protocol.test.ts (classifySender).
  });

  it('answers "not-connected", then "not-synced", then the panel from the store (15-character id normalized)', async () => {
    expect(await recordPanel(env.deps, recordUrl(), sender())).toMatchObject({ code: 'not-connected' });
    await upsertConnectionData(env.db, { ...connection(CONN, 'Acme'), kind: 'salesforce' }, [opp(OPP)], [], mapping(CONN), null);
    expect(await recordPanel(env.deps, recordUrl(), sender())).toMatchObject({ code: 'not-synced' });
    await saveModels(env.db, model(CONN), []);
    const reply = await recordPanel(env.deps, recordUrl(OPP15), sender({ id: 1, url: recordUrl(OPP15) }));
    expect(reply).toEqual({ ok: true, panel: { opportunity: { id: OPP } } });
    expect(env.calls.panels).toEqual([OPP]);
    expect(env.calls.fetched).toEqual([]);
  });

  it('fetches a record the store does not hold through the API, with the live session', async () => {
    await synced(env.db);
    const other = '0065g00000ZzZzZAAV';
    expect(await recordPanel(env.deps, recordUrl(other), sender({ id: 1, url: recordUrl(other) }))).toEqual({
      ok: true,
      panel: { opportunity: { id: other } },
    });
    expect(env.calls.fetched).toEqual([{ id: other, sid: SID }]);
  });

  it('passes on the state of a failed fetch, and "session-expired" when logged out', async () => {
    await synced(env.db);
    const other = '0065g00000ZzZzZAAV';
    env.failFetch(new CodedError('Your Salesforce session has expired. Open Salesforce to reconnect.', 'session-expired'));
    expect(await recordPanel(env.deps, recordUrl(other), sender({ id: 1, url: recordUrl(other) }))).toMatchObject({ ok: false, code: 'session-expired' });
    const loggedOut = setup({});
    await synced(loggedOut.db);
    // The origin is not remembered yet and there is no session: the org cannot be told.
    expect(await recordPanel(loggedOut.deps, recordUrl(other), { url: recordUrl(other), tab: { id: 1, url: recordUrl(other) } })).toMatchObject({
      code: 'not-connected',
    });
  });

  it("keeps orgs apart: another org's connection does not answer for this one", async () => {
    await synced(env.db, `salesforce:${OTHER_ORG}`);
    expect(await recordPanel(env.deps, recordUrl(), sender())).toMatchObject({ code: 'not-connected' });
  });
});

describe('get-record-scores', () => {
  it('returns chips for known ids under the id asked, leaving out unknown ones', async () => {
    const { db, deps } = setup();
    await synced(db);
    await saveScores(db, CONN, [score(CONN, OPP, { winPotential: 0.62, repeatBuyerPotential: 71.5, health: 'needs-attention' })]);
    const reply = await recordScores(deps, `${LIGHTNING}/lightning/o/Opportunity/list`, [OPP15, OPP, '0065g00000ZzZzZAAV', 'nonsense'], {
      url: `${LIGHTNING}/lightning/o/Opportunity/list`,
      tab: { id: 1, url: `${LIGHTNING}/lightning/o/Opportunity/list` },
    });
    expect(reply).toEqual({
      ok: true,
      scores: {
        [OPP15]: { winPotential: 0.62, repeatBuyerPotential: 71.5, health: 'needs-attention' },
        [OPP]: { winPotential: 0.62, repeatBuyerPotential: 71.5, health: 'needs-attention' },
      },
    });
  });
});

describe('the daily Salesforce sync', () => {
  it('queues an incremental sync for an org with an open tab, and logs a skip for one without', async () => {
    const { db, deps, calls } = setup();
    await synced(db);
    await synced(db, `salesforce:${OTHER_ORG}`);
    await dailyRefresh(deps);
    expect(calls.enqueued).toEqual([{ kind: 'sync', connectionId: CONN, params: { apiBase: API, orgId: ORG }, secrets: { sid: SID } }]);
    expect(calls.skipped).toEqual([
      { connectionId: `salesforce:${OTHER_ORG}`, reason: dailySkipReason(salesforceConnector, SALESFORCE_MESSAGES.noSessionForSync) },
    ]);
  });
});
