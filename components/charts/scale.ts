/**
 * Positions on a chart, as fractions 0..1 of its width: pure functions, so the charts'
 * geometry is tested without a DOM.
 */

export type ScaleKind = 'linear' | 'log';

export interface Domain {
  min: number;
  max: number;
  kind: ScaleKind;
}

function transform(value: number, kind: ScaleKind): number {
  return kind === 'log' ? Math.log10(Math.max(value, 1e-9)) : value;
}

/** The fraction of the width where `value` sits; outside the domain it is < 0 or > 1. */
export function position(domain: Domain, value: number): number {
  const lo = transform(domain.min, domain.kind);
  const hi = transform(domain.max, domain.kind);
  if (!(hi > lo)) return 0.5;
  return (transform(value, domain.kind) - lo) / (hi - lo);
}

/**
 * A domain around a range (low–high) and the markers to show with it. Markers near the
 * range widen the domain to include them; a marker far away (more than `reach` range-widths
 * beyond it) would squash the range into a sliver, so the domain stops at `reach` and that
 * marker is drawn at the edge, pointing outward. The domain is padded by `pad` each side.
 */
export function rangeDomain(low: number, high: number, markers: readonly number[], kind: ScaleKind = 'linear', reach = 1.5, pad = 0.08): Domain {
  const lo = transform(low, kind);
  const hi = transform(high, kind);
  const width = hi - lo > 0 ? hi - lo : Math.max(Math.abs(lo) * 0.1, 1);
  let min = lo;
  let max = hi;
  for (const m of markers) {
    if (!Number.isFinite(m) || (kind === 'log' && m <= 0)) continue;
    const v = transform(m, kind);
    min = Math.min(min, Math.max(v, lo - reach * width));
    max = Math.max(max, Math.min(v, hi + reach * width));
  }
  if (!(max > min)) {
    min -= width / 2;
    max += width / 2;
  }
  const padding = (max - min) * pad;
  const back = (v: number): number => (kind === 'log' ? 10 ** v : v);
  return { min: back(min - padding), max: back(max + padding), kind };
}

/** Where to draw a marker: its fraction clamped into [0, 1], and which edge it was clamped to. */
export function clampPosition(domain: Domain, value: number): { at: number; clipped: 'start' | 'end' | null } {
  const at = position(domain, value);
  if (at < 0) return { at: 0, clipped: 'start' };
  if (at > 1) return { at: 1, clipped: 'end' };
  return { at, clipped: null };
}
