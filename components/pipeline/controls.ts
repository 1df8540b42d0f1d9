/** Shared classes of the popup's form controls, so every select and button looks alike. */
export const FIELD =
  'h-8 min-w-0 rounded-md border border-slate-300 bg-white px-2 text-xs text-slate-900 shadow-xs focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:focus-visible:outline-sky-400';
export const BUTTON =
  'inline-flex h-8 shrink-0 items-center justify-center gap-1 rounded-md border border-slate-300 bg-white px-2.5 text-xs font-medium text-slate-700 shadow-xs hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600 disabled:cursor-not-allowed disabled:opacity-50 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700 dark:focus-visible:outline-sky-400';
export const PRIMARY_BUTTON =
  'inline-flex h-8 shrink-0 items-center justify-center gap-1 rounded-md bg-sky-600 px-3 text-xs font-semibold text-white shadow-xs hover:bg-sky-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 disabled:opacity-50 dark:bg-sky-500 dark:text-slate-950 dark:hover:bg-sky-400 dark:focus-visible:outline-sky-400';
export const LINK_BUTTON =
  'rounded text-xs font-medium text-sky-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600 dark:text-sky-400 dark:focus-visible:outline-sky-400';
