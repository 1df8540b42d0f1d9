/**
 * The few meanings colour carries in Dealsight's UI. Colour is never the only signal:
 * every toned element also has text or an icon that says the same.
 */
export type Tone = 'neutral' | 'accent' | 'positive' | 'warning' | 'negative';

/** Tinted background + readable text (badges, chips, banners). Contrast ≥ 4.5:1 in both themes. */
export const TONE_SOFT: Record<Tone, string> = {
  neutral: 'bg-slate-100 text-slate-700 ring-slate-200 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-700',
  accent: 'bg-indigo-50 text-indigo-800 ring-indigo-200 dark:bg-indigo-950 dark:text-indigo-200 dark:ring-indigo-800',
  positive: 'bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-800',
  warning: 'bg-amber-50 text-amber-900 ring-amber-200 dark:bg-amber-950/60 dark:text-amber-200 dark:ring-amber-800',
  negative: 'bg-rose-50 text-rose-800 ring-rose-200 dark:bg-rose-950/60 dark:text-rose-200 dark:ring-rose-800',
};

/** Solid fills (bars, dots, gauge arcs). */
export const TONE_FILL: Record<Tone, string> = {
  neutral: 'bg-slate-400 dark:bg-slate-500',
  accent: 'bg-indigo-500 dark:bg-indigo-400',
  positive: 'bg-emerald-500 dark:bg-emerald-400',
  warning: 'bg-amber-500 dark:bg-amber-400',
  negative: 'bg-rose-500 dark:bg-rose-400',
};

/** The same colours for SVG strokes. */
export const TONE_STROKE: Record<Tone, string> = {
  neutral: 'stroke-slate-400 dark:stroke-slate-500',
  accent: 'stroke-indigo-500 dark:stroke-indigo-400',
  positive: 'stroke-emerald-500 dark:stroke-emerald-400',
  warning: 'stroke-amber-500 dark:stroke-amber-400',
  negative: 'stroke-rose-500 dark:stroke-rose-400',
};

/** Text in the tone's colour on the page background (signed numbers, status words). */
export const TONE_TEXT: Record<Tone, string> = {
  neutral: 'text-slate-600 dark:text-slate-300',
  accent: 'text-indigo-700 dark:text-indigo-300',
  positive: 'text-emerald-700 dark:text-emerald-300',
  warning: 'text-amber-700 dark:text-amber-300',
  negative: 'text-rose-700 dark:text-rose-300',
};
