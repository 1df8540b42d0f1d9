/**
 * HubSpot's property history (issue 18): a deal's close dates, amounts and stage
 * probabilities as they were set, read from `propertiesWithHistory`, worked by hand and then
 * synced from the sandbox portal, whose versions are what the generator recorded.
 */
import { describe, expect, it } from 'vitest';
import { API_PATHS } from '../../../lib/crm/hubspot/api-paths';
import { HubSpotClient, readObject } from '../../../lib/crm/hubspot/client';
import { recordedChangesOf } from '../../../lib/crm/hubspot/history';
import { syncHubSpot } from '../../../lib/crm/hubspot/sync';
import { historyFor } from '../../../lib/engine/asof/history';
import { snapshotAt } from '../../../lib/engine/asof/snapshot';
import { createHubSpotSandbox, ManualClock } from '../../../sandbox/hubspot';

describe('recordedChangesOf', () => {
  it('puts the versions in time order and records each value on the day of the first version that carries it', () => {
    const deal = readObject({
      id: '42',
      properties: { dealname: 'Acme' },
      propertiesWithHistory: {
        // Newest first, as the sandbox (and HubSpot's older API) sends them; the order is not relied on.
        closedate: [
          { value: '2026-05-29T00:00:00Z', timestamp: '2026-04-02T10:00:00Z', sourceType: 'CRM_UI' },
          { value: '2026-04-30T00:00:00Z', timestamp: '2026-03-01T09:00:00Z', sourceType: 'CRM_UI' },
          { value: '2026-03-31T00:00:00Z', timestamp: '2026-01-15T09:00:00Z', sourceType: 'CRM_UI' },
        ],
        amount: [
          { value: '12000', timestamp: '2026-03-10T08:00:00Z', sourceType: 'CRM_UI' },
          { value: '', timestamp: '2026-02-01T08:00:00Z', sourceType: 'CRM_UI' },
          { value: '10000', timestamp: '2026-01-15T09:00:00Z', sourceType: 'CRM_UI' },
        ],
        hs_deal_stage_probability: [
          { value: '0.4', timestamp: Date.parse('2026-02-20T12:00:00Z'), sourceType: 'CALCULATED' },
          { value: '0.2', timestamp: '2026-01-15T09:00:00Z', sourceType: 'CALCULATED' },
          { value: '0.2', timestamp: '2026-01-20T09:00:00Z', sourceType: 'CALCULATED' },
        ],
      },
    });
    expect(deal && recordedChangesOf(deal)).toEqual({
      stages: [],
      closeDates: [
        { value: '2026-03-31', at: '2026-01-15' },
        { value: '2026-04-30', at: '2026-03-01' },
        { value: '2026-05-29', at: '2026-04-02' },
      ],
      // An emptied amount records nothing: the last amount set stays the one known.
      amounts: [
        { value: 10_000, at: '2026-01-15' },
        { value: 12_000, at: '2026-03-10' },
      ],
      probabilities: [
        { value: 0.2, at: '2026-01-15' },
        { value: 0.4, at: '2026-02-20' },
      ],
      before: {},
    });
  });

  it('is null for a reply without versions', () => {
    expect(recordedChangesOf(readObject({ id: '1', properties: {} })!)).toBeNull();
    expect(recordedChangesOf(readObject({ id: '1', properties: {}, propertiesWithHistory: { amount: [] } })!)).toBeNull();
  });
});

describe('a sync of the sandbox portal', () => {
  const clock = new ManualClock(Date.parse('2026-12-01T12:00:00Z'));
  const portal = createHubSpotSandbox({ opportunities: 400, seed: 13, portalId: 4215837, now: clock.now, hostile: false });
  const client = new HubSpotClient({ token: portal.token, fetch: portal.fetch, now: clock.now, sleep: clock.sleep, random: () => 0 });

  it('reads every deal’s close-date pushes, amount revisions and stage probabilities as the generator recorded them', async () => {
    const result = await syncHubSpot({ client, checkpoint: null, cursor: null });
    const generated = new Map(portal.org.opportunities.map((o) => [o.id, o]));
    expect(result.opportunities.length).toBeGreaterThan(300);
    for (const o of result.opportunities) {
      const own = generated.get(o.id)?.recordedChanges;
      expect(o.recordedChanges, o.id).toEqual({
        stages: [],
        closeDates: own?.closeDates,
        amounts: own?.amounts,
        probabilities: own?.probabilities,
        before: {},
      });
    }
    expect(result.opportunities.filter((o) => (o.recordedChanges?.closeDates.length ?? 0) > 2).length).toBeGreaterThan(20);
    // One history read per page of deals, 100 a request, asking for the three properties.
    const reads = portal.requests
      .filter((r) => r.path === API_PATHS.batchRead('deals'))
      .map((r) => r.body as { propertiesWithHistory: string[]; inputs: unknown[] });
    expect(reads.every((r) => r.propertiesWithHistory.join() === 'closedate,amount,hs_deal_stage_probability' && r.inputs.length <= 100)).toBe(true);
    // A synced deal's push is unseen before its day.
    const pushed = result.opportunities.find((o) => o.isClosed && (o.recordedChanges?.closeDates.length ?? 0) > 2)!;
    const push = pushed.recordedChanges!.closeDates[1]!;
    const history = historyFor(pushed)!;
    expect(snapshotAt(history, push.at)?.closePushes).toBe(1);
    const dayBefore = new Date(Date.parse(`${push.at}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(snapshotAt(history, dayBefore)?.closePushes ?? 0).toBe(0);
  });
});
