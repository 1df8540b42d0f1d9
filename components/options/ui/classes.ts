/**
 * Class lists shared by the options page's controls, so every button and input has the
 * same focus ring and the same look in light and dark.
 */
const focus = 'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:focus-visible:outline-indigo-400';

const button = `inline-flex items-center justify-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap transition-colors disabled:cursor-not-allowed disabled:opacity-50 ${focus}`;

export const cls = {
  focus,
  primary: `${button} bg-indigo-600 text-white shadow-sm hover:bg-indigo-500 disabled:hover:bg-indigo-600 dark:bg-indigo-500 dark:hover:bg-indigo-400 dark:disabled:hover:bg-indigo-500`,
  secondary: `${button} border border-slate-300 bg-white text-slate-700 shadow-sm hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700`,
  danger: `${button} bg-rose-600 text-white shadow-sm hover:bg-rose-500 disabled:hover:bg-rose-600 dark:bg-rose-600 dark:hover:bg-rose-500`,
  dangerOutline: `${button} border border-rose-300 bg-white text-rose-700 hover:bg-rose-50 dark:border-rose-800 dark:bg-transparent dark:text-rose-300 dark:hover:bg-rose-950`,
  quiet: `${button} px-2 text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white`,
  input: `block rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-900 shadow-sm placeholder:text-slate-400 aria-invalid:border-rose-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 ${focus}`,
  checkbox: `size-4 rounded border-slate-300 accent-indigo-600 disabled:cursor-not-allowed dark:accent-indigo-400 ${focus}`,
  card: 'rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5 dark:border-slate-800 dark:bg-slate-900',
  muted: 'text-slate-500 dark:text-slate-400',
  label: 'text-sm font-medium text-slate-700 dark:text-slate-200',
  h3: 'text-base font-semibold text-slate-900 dark:text-white',
} as const;
