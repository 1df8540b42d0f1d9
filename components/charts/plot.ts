/**
 * The geometry of the SVG plots (calibration, columns): a fixed viewBox with margins for
 * the axes, and pure functions from data to coordinates, so tests check where a point is
 * drawn against the numbers it stands for.
 */

export interface PlotBox {
  width: number;
  height: number;
  /** Space for the axes' ticks and titles. */
  left: number;
  right: number;
  top: number;
  bottom: number;
}

// The right margin holds half of the last tick's label: "100 %" in German (a no-break space before %) is wider than "100%".
export const DEFAULT_BOX: PlotBox = { width: 360, height: 240, left: 44, right: 18, top: 12, bottom: 40 };

/** x of a value 0..1 across the plot area. */
export function plotX(box: PlotBox, fraction: number): number {
  return box.left + fraction * (box.width - box.left - box.right);
}

/** y of a value 0..1 up the plot area (0 at the bottom). */
export function plotY(box: PlotBox, fraction: number): number {
  return box.height - box.bottom - fraction * (box.height - box.top - box.bottom);
}

/** Rounded for the SVG attributes: small files, and the same string in tests. */
export function coord(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Tick values from 0 to max: `count` + 1 of them, evenly spaced. */
export function ticks(max: number, count = 4): number[] {
  return Array.from({ length: count + 1 }, (_, i) => (max * i) / count);
}

/**
 * A round upper bound for a column chart's axis: the smallest of 1, 2, 2.5, 5 × 10^k that
 * is at least `value` (1 when there is nothing to show).
 */
export function niceMax(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value - 1e-12) return step * power;
  return 10 * power;
}

/** An axis maximum for counts whose four tick steps are whole numbers (at least 4). */
export function countMax(value: number): number {
  const nice = niceMax(value);
  return Math.max(4, nice % 4 === 0 ? nice : Math.ceil(nice / 4) * 4);
}
