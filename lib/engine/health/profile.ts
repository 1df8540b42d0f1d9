/**
 * A health profile: which signals make an open opportunity's health and where their
 * thresholds sit (issue 16, after the customer-success product's opportunity health
 * profiles). The default is what a sales manager would start from; the options page lets an
 * admin switch each signal off and move its threshold.
 */
export type HealthSignal = 'low-win' | 'stalled' | 'slip' | 'amount-off' | 'past-close' | 'no-change';

/** How much a signal weighs: one 'risk' signal puts a deal at risk; 'attention' signals add up. */
export type Severity = 'risk' | 'attention';

export interface SignalSetting {
  enabled: boolean;
  /**
   * low-win: the share of the org's win rate below which Win Potential is low (0.5: under half);
   * amount-off: how far outside the predicted range the CRM amount may be (0.25: 25% beyond P10–P90);
   * past-close: days of grace after the CRM close date; no-change: days without a stage change;
   * stalled and slip: unused (their bounds come from the data).
   */
  threshold: number;
}

export interface HealthProfile {
  signals: Record<HealthSignal, SignalSetting>;
  /** This many 'attention' signals together put a deal at risk. */
  attentionForRisk: number;
}

export const SIGNALS: readonly HealthSignal[] = ['low-win', 'past-close', 'stalled', 'slip', 'amount-off', 'no-change'];

export const SEVERITY: Readonly<Record<HealthSignal, Severity>> = {
  'low-win': 'risk',
  'past-close': 'risk',
  stalled: 'attention',
  slip: 'attention',
  'amount-off': 'attention',
  'no-change': 'attention',
};

/** Where each threshold may move in the options page (inclusive), and its step. */
export const THRESHOLD_LIMITS: Readonly<Record<HealthSignal, { min: number; max: number; step: number }>> = {
  'low-win': { min: 0.1, max: 1, step: 0.05 },
  'past-close': { min: 0, max: 90, step: 1 },
  stalled: { min: 0, max: 0, step: 0 },
  slip: { min: 0, max: 0, step: 0 },
  'amount-off': { min: 0, max: 2, step: 0.05 },
  'no-change': { min: 7, max: 365, step: 1 },
};

export const DEFAULT_HEALTH_PROFILE: HealthProfile = {
  signals: {
    'low-win': { enabled: true, threshold: 0.5 },
    'past-close': { enabled: true, threshold: 0 },
    stalled: { enabled: true, threshold: 0 },
    slip: { enabled: true, threshold: 0 },
    'amount-off': { enabled: true, threshold: 0.25 },
    'no-change': { enabled: true, threshold: 90 },
  },
  attentionForRisk: 2,
};

/**
 * A stored profile read back: every signal present, thresholds within their limits, the
 * default wherever the stored value is missing or not a number (a profile saved by an older
 * version, or edited by hand in the store).
 */
export function readHealthProfile(value: unknown): HealthProfile {
  const stored = (typeof value === 'object' && value !== null ? value : {}) as Partial<HealthProfile>;
  const signals = {} as Record<HealthSignal, SignalSetting>;
  for (const signal of SIGNALS) {
    const fallback = DEFAULT_HEALTH_PROFILE.signals[signal];
    const raw = (stored.signals && Object.hasOwn(stored.signals, signal) ? stored.signals[signal] : undefined) as Partial<SignalSetting> | undefined;
    const { min, max } = THRESHOLD_LIMITS[signal];
    const threshold = typeof raw?.threshold === 'number' && Number.isFinite(raw.threshold) ? Math.min(max, Math.max(min, raw.threshold)) : fallback.threshold;
    signals[signal] = { enabled: typeof raw?.enabled === 'boolean' ? raw.enabled : fallback.enabled, threshold };
  }
  const count = stored.attentionForRisk;
  const attentionForRisk =
    typeof count === 'number' && Number.isInteger(count) && count >= 1 && count <= SIGNALS.length ? count : DEFAULT_HEALTH_PROFILE.attentionForRisk;
  return { signals, attentionForRisk };
}
