import type { ComponentChildren } from 'preact';
import { Icon } from '../ui/icons';

/** Why a panel has no numbers, inside the panel (the part of `PanelData` for it is null). */
export function PanelMessage({ children }: { children: ComponentChildren }) {
  return (
    <p
      class="flex items-start gap-2 rounded-lg bg-slate-50 px-3 py-2.5 text-[0.8125rem] text-slate-600 dark:bg-slate-800/60 dark:text-slate-300"
      data-panel-message=""
    >
      <Icon name="info" class="mt-0.5 size-4 text-slate-400 dark:text-slate-500" />
      <span class="min-w-0 break-words">{children}</span>
    </p>
  );
}
