/**
 * Opportunity health (lib/engine/health) from worked signals: each signal on its own with
 * the numbers it was decided on, how signals add up to a level, a profile switching one off
 * or moving its threshold, and a stored profile read back safely.
 */
import { describe, expect, it } from 'vitest';
import { healthOf, type HealthFacts } from '../../lib/engine/health/health';
import { DEFAULT_HEALTH_PROFILE, readHealthProfile, type HealthProfile } from '../../lib/engine/health/profile';

/** A healthy deal on 2026-06-01: every fact inside its bound. */
const HEALTHY: HealthFacts = {
  asOf: '2026-06-01',
  winPotential: 0.4,
  baseRate: 0.3,
  stage: 'Negotiation',
  daysInStage: 10,
  stalledAfterDays: 32,
  crmCloseDate: '2026-07-15',
  predictedClose: { p10: '2026-07-01', p90: '2026-09-01' },
  slip: false,
  crmAmount: 50_000,
  predictedAmount: { p10: 30_000, p90: 80_000 },
  lastChange: '2026-05-22',
};

const P = DEFAULT_HEALTH_PROFILE;

describe('healthOf', () => {
  it('a deal with no signal is on track', () => {
    expect(healthOf(HEALTHY, P)).toEqual({ level: 'on-track', reasons: [] });
  });

  it('each attention signal alone needs attention, with its numbers', () => {
    expect(healthOf({ ...HEALTHY, daysInStage: 35 }, P)).toEqual({
      level: 'needs-attention',
      reasons: [{ signal: 'stalled', severity: 'attention', stage: 'Negotiation', days: 35, boundDays: 32 }],
    });
    // Exactly at the bound is not past it.
    expect(healthOf({ ...HEALTHY, daysInStage: 32 }, P).level).toBe('on-track');
    expect(healthOf({ ...HEALTHY, crmCloseDate: '2026-06-20', slip: true }, P).reasons).toEqual([
      { signal: 'slip', severity: 'attention', closeDate: '2026-06-20', p10: '2026-07-01', p90: '2026-09-01' },
    ]);
    // 80,000 × 1.25 = 100,000: 100,001 is beyond it; 30,000 × 0.75 = 22,500: 22,499 below it.
    expect(healthOf({ ...HEALTHY, crmAmount: 100_001 }, P).reasons).toEqual([
      { signal: 'amount-off', severity: 'attention', amount: 100_001, p10: 30_000, p90: 80_000, direction: 'above' },
    ]);
    expect(healthOf({ ...HEALTHY, crmAmount: 100_000 }, P).level).toBe('on-track');
    expect(healthOf({ ...HEALTHY, crmAmount: 22_499 }, P).reasons[0]).toMatchObject({ signal: 'amount-off', direction: 'below' });
    // 2026-03-02 → 2026-06-01 is 91 days, past 90.
    expect(healthOf({ ...HEALTHY, lastChange: '2026-03-02' }, P).reasons).toEqual([
      { signal: 'no-change', severity: 'attention', since: '2026-03-02', days: 91 },
    ]);
    expect(healthOf({ ...HEALTHY, lastChange: '2026-03-03' }, P).level).toBe('on-track');
  });

  it('a risk signal alone puts the deal at risk', () => {
    // 0.14 is under half of 0.3.
    expect(healthOf({ ...HEALTHY, winPotential: 0.14 }, P)).toEqual({
      level: 'at-risk',
      reasons: [{ signal: 'low-win', severity: 'risk', winPotential: 0.14, baseRate: 0.3 }],
    });
    expect(healthOf({ ...HEALTHY, winPotential: 0.15 }, P).level).toBe('on-track');
    expect(healthOf({ ...HEALTHY, crmCloseDate: '2026-05-25' }, P)).toEqual({
      level: 'at-risk',
      reasons: [{ signal: 'past-close', severity: 'risk', closeDate: '2026-05-25', daysPast: 7 }],
    });
  });

  it('two attention signals are a risk, and risks come first in the reasons', () => {
    const health = healthOf({ ...HEALTHY, daysInStage: 40, lastChange: '2026-01-01', winPotential: 0.1 }, P);
    expect(health.level).toBe('at-risk');
    expect(health.reasons.map((r) => r.signal)).toEqual(['low-win', 'stalled', 'no-change']);
    expect(healthOf({ ...HEALTHY, daysInStage: 40, lastChange: '2026-01-01' }, P).level).toBe('at-risk');
  });

  it('follows the profile: a signal switched off, a threshold moved', () => {
    const profile: HealthProfile = {
      ...P,
      signals: { ...P.signals, stalled: { enabled: false, threshold: 0 }, 'past-close': { enabled: true, threshold: 14 } },
    };
    expect(healthOf({ ...HEALTHY, daysInStage: 99 }, profile).level).toBe('on-track');
    // Seven days past the close date are within 14 days of grace.
    expect(healthOf({ ...HEALTHY, crmCloseDate: '2026-05-25' }, profile).level).toBe('on-track');
    expect(healthOf({ ...HEALTHY, crmCloseDate: '2026-05-01' }, profile).level).toBe('at-risk');
  });

  it('says nothing where a fact is unknown', () => {
    const unknown: HealthFacts = {
      ...HEALTHY,
      winPotential: null,
      baseRate: null,
      daysInStage: null,
      stalledAfterDays: null,
      crmCloseDate: null,
      predictedClose: null,
      crmAmount: null,
      predictedAmount: null,
      lastChange: null,
    };
    expect(healthOf(unknown, P)).toEqual({ level: 'on-track', reasons: [] });
  });
});

describe('readHealthProfile', () => {
  it('fills what is missing with the defaults and keeps thresholds within their limits', () => {
    expect(readHealthProfile(undefined)).toEqual(P);
    expect(readHealthProfile({ signals: { 'low-win': { enabled: false, threshold: 7 }, constructor: { enabled: false } }, attentionForRisk: 0 })).toEqual({
      ...P,
      signals: { ...P.signals, 'low-win': { enabled: false, threshold: 1 } },
    });
    expect(readHealthProfile({ signals: { 'no-change': { threshold: Number.NaN } }, attentionForRisk: 3 })).toEqual({ ...P, attentionForRisk: 3 });
  });
});
