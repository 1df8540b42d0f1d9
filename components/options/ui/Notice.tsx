/**
 * A message box: success, a warning, an error or plain information. Errors are `role=alert`
 * so they are announced at once; the others are polite `role=status`.
 */
import type { ComponentChildren } from 'preact';
import { Icon, type IconName } from '../../ui';

export type Tone = 'info' | 'success' | 'warning' | 'error';

const TONES: Record<Tone, { box: string; icon: string; name: IconName }> = {
  info: {
    box: 'border-sky-200 bg-sky-50 text-sky-900 dark:border-sky-900 dark:bg-sky-950/60 dark:text-sky-100',
    icon: 'text-sky-600 dark:text-sky-400',
    name: 'info',
  },
  success: {
    box: 'border-emerald-200 bg-emerald-50 text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950/60 dark:text-emerald-100',
    icon: 'text-emerald-600 dark:text-emerald-400',
    name: 'check',
  },
  warning: {
    box: 'border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-900 dark:bg-amber-950/60 dark:text-amber-100',
    icon: 'text-amber-600 dark:text-amber-400',
    name: 'warning',
  },
  error: {
    box: 'border-rose-200 bg-rose-50 text-rose-900 dark:border-rose-900 dark:bg-rose-950/60 dark:text-rose-100',
    icon: 'text-rose-600 dark:text-rose-400',
    name: 'error',
  },
};

export function Notice({ tone, children, live = true }: { tone: Tone; children: ComponentChildren; live?: boolean }) {
  const style = TONES[tone];
  const role = !live ? undefined : tone === 'error' ? 'alert' : 'status';
  return (
    <div role={role} class={`flex gap-2.5 rounded-lg border px-3 py-2.5 text-sm ${style.box}`}>
      <Icon name={style.name} class={`mt-0.5 size-4 ${style.icon}`} />
      <div class="min-w-0 flex-1 space-y-1 break-words">{children}</div>
    </div>
  );
}
