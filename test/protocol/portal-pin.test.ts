/**
 * One HubSpot portal per tab (issue 13), in the background: the content handlers take the
 * URL a tab is pinned to (lib/messages.ts `pinnedUrl`) only on the sender's own origin,
 * and HubSpot's connector answers a tab for its pinned portal only. Two portals are
 * connected and synced in the real store (fake-indexeddb): a tab pinned to portal X that
 * `pushState`d to a portal-Y deal or board gets the not-connected state, never Y's panel
 * or chips; the same URLs answer as before for a tab pinned to Y, or without a pin.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { contentHandlers, MAX_PINNED_URL, withPinnedUrl, type ContentSender } from '../../entrypoints/background/content-handlers';
import type { CrmDeps } from '../../entrypoints/background/crm';
import { hubspotConnectionId, hubspotConnector, HUBSPOT_MESSAGES } from '../../lib/crm/hubspot/connector';
import type { PanelData } from '../../lib/panel-data';
import { saveModels, saveScores, upsertConnectionData } from '../../lib/store/repo';
import { connectorEnv } from '../crm/connector-env';
import { connection, freshDb, mapping, model, opp, score } from '../store/helpers';

const APP = 'https://app.hubspot.com';
const X = '4215837';
const Y = '9900112';
const DEAL_X = '18837465210';
const DEAL_Y = '555';
const deal = (portal: string, id: string) => `${APP}/contacts/${portal}/record/0-3/${id}`;
const board = (portal: string) => `${APP}/contacts/${portal}/objects/0-3/views/all/board`;

function setup() {
  const { db } = freshDb();
  const panels: Array<{ connectionId: string; id: string }> = [];
  const deps: CrmDeps = {
    db,
    hostOptions: { localhost: false },
    env: () => connectorEnv(db),
    enqueue: async () => 1,
    logSkipped: async () => undefined,
    panel: async (connectionId, id) => {
      panels.push({ connectionId, id });
      return { opportunity: { id } } as unknown as PanelData;
    },
    recordPanel: async () => {
      throw new Error('no record is fetched in these tests');
    },
  };
  const handlers = contentHandlers({ crm: deps, openOptions: async () => undefined, openPage: async () => undefined });
  return { db, deps, handlers, panels };
}

async function synced(db: CrmDeps['db'], portal: string, dealId: string) {
  const id = hubspotConnectionId(portal);
  await upsertConnectionData(db, { ...connection(id, `Portal ${portal}`), kind: 'hubspot' }, [opp(dealId)], [], mapping(id), null);
  await saveModels(db, model(id), []);
  await saveScores(db, id, [score(id, dealId, { winPotential: 0.7, repeatBuyerPotential: 40 })]);
}

/** A content script's sender whose page now shows `url`. */
const sender = (url: string): ContentSender => ({ kind: 'content', url, tab: { id: 7, url } });

describe('withPinnedUrl', () => {
  it("takes a pinned URL on the sender's own origin, and leaves the sender as it was for anything else", () => {
    const now = sender(deal(Y, DEAL_Y));
    expect(withPinnedUrl(now, deal(X, DEAL_X)).tab).toEqual({ id: 7, url: deal(Y, DEAL_Y), pinnedUrl: deal(X, DEAL_X) });
    for (const value of [
      undefined,
      null,
      42,
      { href: deal(X, DEAL_X) },
      'not a url',
      `https://app-eu1.hubspot.com/contacts/${X}/record/0-3/1`,
      `${deal(X, DEAL_X)}?${'a'.repeat(MAX_PINNED_URL)}`,
    ])
      expect(withPinnedUrl(now, value), String(value).slice(0, 60)).toBe(now);
  });
});

describe('one HubSpot portal per tab', () => {
  let env: ReturnType<typeof setup>;
  beforeEach(async () => {
    env = setup();
    await synced(env.db, X, DEAL_X);
    await synced(env.db, Y, DEAL_Y);
  });

  it("answers a tab pinned to portal X with the not-connected state on a portal-Y deal it pushed to, never Y's panel", async () => {
    const reply = await env.handlers['get-record-panel'](
      { type: 'get-record-panel', url: deal(Y, DEAL_Y), pinnedUrl: deal(X, DEAL_X) },
      sender(deal(Y, DEAL_Y)),
    );
    expect(reply).toEqual({ ok: false, code: 'not-connected', error: HUBSPOT_MESSAGES.otherPortal(X, Y) });
    expect(env.panels).toEqual([]);
  });

  it("answers the same URL with Y's panel in a tab pinned to Y, and in one without a pin (as before)", async () => {
    for (const pinnedUrl of [deal(Y, DEAL_Y), board(Y), undefined]) {
      const reply = await env.handlers['get-record-panel'](
        { type: 'get-record-panel', url: deal(Y, DEAL_Y), ...(pinnedUrl ? { pinnedUrl } : {}) },
        sender(deal(Y, DEAL_Y)),
      );
      expect(reply, String(pinnedUrl)).toEqual({ ok: true, panel: { opportunity: { id: DEAL_Y } } });
    }
    expect(env.panels).toEqual([0, 1, 2].map(() => ({ connectionId: hubspotConnectionId(Y), id: DEAL_Y })));
  });

  it('answers a tab pinned to X on another deal of X it pushed to', async () => {
    const reply = await env.handlers['get-record-panel']({ type: 'get-record-panel', url: deal(X, DEAL_X), pinnedUrl: board(X) }, sender(deal(X, DEAL_X)));
    expect(reply).toEqual({ ok: true, panel: { opportunity: { id: DEAL_X } } });
  });

  it("gives no chips of portal Y to a tab pinned to X that pushed to Y's board, and Y's chips to a tab pinned to Y", async () => {
    const refused = await env.handlers['get-record-scores'](
      { type: 'get-record-scores', url: board(Y), ids: [DEAL_Y, DEAL_X], pinnedUrl: deal(X, DEAL_X) },
      sender(board(Y)),
    );
    expect(refused).toEqual({ ok: false, code: 'not-connected', error: HUBSPOT_MESSAGES.otherPortal(X, Y) });
    const answered = await env.handlers['get-record-scores'](
      { type: 'get-record-scores', url: board(Y), ids: [DEAL_Y, DEAL_X], pinnedUrl: board(Y) },
      sender(board(Y)),
    );
    // A row scored without health (the helper's default) answers none.
    expect(answered).toEqual({ ok: true, scores: { [DEAL_Y]: { winPotential: 0.7, repeatBuyerPotential: 40, health: null } } });
  });

  it('pins by the portal any app page names, and ignores a pin naming none', async () => {
    const env2 = connectorEnv(env.db);
    const reports = `${APP}/reports-dashboard/${X}/view/123`;
    expect(await hubspotConnector.pageConnection(deal(Y, DEAL_Y), { id: 7, url: deal(Y, DEAL_Y), pinnedUrl: reports }, env2)).toMatchObject({
      ok: false,
      code: 'not-connected',
    });
    expect(await hubspotConnector.pageConnection(deal(Y, DEAL_Y), { id: 7, url: deal(Y, DEAL_Y), pinnedUrl: `${APP}/` }, env2)).toEqual({
      ok: true,
      connectionId: hubspotConnectionId(Y),
    });
  });
});
