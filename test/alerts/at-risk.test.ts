/**
 * Deals newly at risk: a worked example of every case, the notification's wording, and the
 * background's decision to notify (switch, permission, the job that found them) over a real
 * store on fake-indexeddb.
 */
import { describe, expect, it, vi } from 'vitest';
import { atRiskNotification, notifyAtRisk, type Notifier } from '../../entrypoints/background/alerts';
import { newlyAtRisk, riskMessage, type AtRiskRecord } from '../../lib/alerts/at-risk';
import type { HealthReason } from '../../lib/engine/health/health';
import { connectionSettings, setSetting } from '../../lib/store/repo';
import type { JobRecord } from '../../lib/store/schema';
import { freshDb } from '../store/helpers';

type Row = Parameters<typeof newlyAtRisk>[0][number];

function row(id: string, winPotential: number | null, slip: boolean, amount: number | null = 1000): Row {
  return {
    connectionId: 'c',
    id,
    name: `Deal ${id}`,
    accountName: null,
    amount,
    currency: 'USD',
    winPotential,
    slip,
    closeDate: '2026-12-31',
    predictedClose: slip ? '2027-02-10' : '2026-12-20',
  };
}

describe('newlyAtRisk', () => {
  it('finds slips that are new, Win Potential drops of 20 points or more, both at once, biggest amounts first', () => {
    const before = [
      row('a', 0.62, false),
      row('b', 0.5, true),
      row('c', 0.7, false, 5000),
      row('d', 0.6, false),
      row('e', 0.9, false, 200),
      row('f', null, false),
    ];
    const after = [
      row('a', 0.42, false), // exactly 20 points down
      row('b', 0.5, true), // slipped already before: not new
      row('c', 0.71, true, 5000), // newly slips
      row('d', 0.41, false), // 19 points: not enough
      row('e', 0.6, true, 200), // both
      row('f', 0.1, false), // no score before: no drop to measure
      row('g', 0.1, true), // new deal: nothing to compare
    ];
    const risky = newlyAtRisk(before, after);
    expect(risky.map((d) => [d.id, d.reasons])).toEqual([
      ['c', ['slip']],
      ['a', ['win-drop']],
      ['e', ['slip', 'win-drop']],
    ]);
    expect(risky[1]).toMatchObject({ winBefore: 0.62, winAfter: 0.42 });
  });

  it('by health, when both trainings carry it: a deal whose health turned at-risk, with its reasons; no slip or drop rule then', () => {
    const lowWin: HealthReason = { signal: 'low-win', severity: 'risk', winPotential: 0.12, baseRate: 0.31 };
    const stalled: HealthReason = { signal: 'stalled', severity: 'attention', stage: 'Negotiation', days: 34, boundDays: 20 };
    const before = [
      { ...row('a', 0.3, false), health: 'on-track' as const },
      { ...row('b', 0.3, false), health: 'at-risk' as const, healthReasons: [lowWin] },
      { ...row('c', 0.9, false, 5000), health: 'needs-attention' as const },
      { ...row('d', 0.9, false), health: 'on-track' as const },
      { ...row('e', 0.5, false), health: 'on-track' as const },
    ];
    const after = [
      { ...row('a', 0.12, false), health: 'at-risk' as const, healthReasons: [lowWin, stalled] }, // turned at risk
      { ...row('b', 0.12, false), health: 'at-risk' as const, healthReasons: [lowWin] }, // at risk already: not new
      { ...row('c', 0.4, true, 5000), health: 'needs-attention' as const, healthReasons: [stalled] }, // slipped and dropped 50 points, but its health is not at risk
      { ...row('d', 0.85, false), health: 'at-risk' as const, healthReasons: [] },
      { ...row('e', 0.45, true), health: null }, // no health after: the earlier rule (a new slip)
    ];
    const risky = newlyAtRisk(before, after);
    expect(risky.map((d) => [d.id, d.reasons])).toEqual([
      ['a', ['health']],
      ['d', ['health']],
      ['e', ['slip']],
    ]);
    expect(risky[0]?.healthReasons).toEqual([lowWin, stalled]);
    expect(riskMessage(risky)?.lines).toEqual([
      'Deal a: Win Potential 12%, under half the org’s 31%; In Negotiation for 34 days, past the 20 days by which 4 in 5 won deals had moved on',
      'Deal d: health at risk',
      'Deal e: likely closes after 2026-12-31',
    ]);
  });

  it('words a notification: a title with the count, four lines, then how many more', () => {
    const deals = newlyAtRisk(
      ['a', 'b', 'c', 'd', 'e'].map((id) => row(id, 0.8, false)),
      ['a', 'b', 'c', 'd', 'e'].map((id, i) => row(id, 0.5, i === 0, 1000 - i)),
    );
    expect(riskMessage(deals, 4, (iso) => `on ${iso}`)).toEqual({
      title: '5 deals newly at risk',
      lines: [
        'Deal a: Win Potential 80% → 50%; likely closes after on 2026-12-31',
        'Deal b: Win Potential 80% → 50%',
        'Deal c: Win Potential 80% → 50%',
        'Deal d: Win Potential 80% → 50%',
        'and 1 more',
      ],
    });
    expect(riskMessage([])).toBeNull();
    expect(riskMessage(deals.slice(0, 1))?.title).toBe('1 deal newly at risk');
  });
});

describe('the at-risk notification', () => {
  const job = (over: Partial<JobRecord> = {}): JobRecord =>
    ({
      id: 7,
      kind: 'sync',
      connectionId: 'c',
      status: 'done',
      step: null,
      done: 0,
      total: 0,
      createdAt: '',
      startedAt: '',
      finishedAt: '',
      summary: '',
      error: null,
      attempts: 1,
      params: {},
      ...over,
    }) as JobRecord;
  const record: AtRiskRecord = { jobId: 7, at: '2026-11-22T10:00:00.000Z', deals: newlyAtRisk([row('a', 0.9, false)], [row('a', 0.3, false)]) };

  it('is off by default, and speaks only for the job whose training found the deals', async () => {
    const { db } = freshDb();
    await connectionSettings(db, 'c').set('alerts.atRisk', record);
    expect(await atRiskNotification(db, job())).toBeNull();
    await setSetting(db, 'alerts.notifyAtRisk', true);
    expect(await atRiskNotification(db, job())).toEqual({
      id: 'dealsight-at-risk-c',
      title: '1 deal newly at risk',
      message: 'Deal a: Win Potential 90% → 30%',
    });
    expect(await atRiskNotification(db, job({ id: 8 }))).toBeNull();
    expect(await atRiskNotification(db, job({ kind: 'train' }))).toBeNull();
    expect(await atRiskNotification(db, job({ status: 'failed' }))).toBeNull();
    await connectionSettings(db, 'c').set('alerts.atRisk', { ...record, deals: [] });
    expect(await atRiskNotification(db, job())).toBeNull();
  });

  it('creates the notification only while the permission is granted', async () => {
    const { db } = freshDb();
    await connectionSettings(db, 'c').set('alerts.atRisk', record);
    await setSetting(db, 'alerts.notifyAtRisk', true);
    const create = vi.fn(async () => 'id');
    let allowed = false;
    const notifier: Notifier = { allowed: async () => allowed, create, iconUrl: 'icon.png' };
    expect(await notifyAtRisk(db, job(), notifier)).toBe(false);
    allowed = true;
    expect(await notifyAtRisk(db, job(), notifier)).toBe(true);
    expect(create).toHaveBeenCalledWith('dealsight-at-risk-c', {
      type: 'basic',
      iconUrl: 'icon.png',
      title: '1 deal newly at risk',
      message: 'Deal a: Win Potential 90% → 30%',
      priority: 1,
    });
  });
});
