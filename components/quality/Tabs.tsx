import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { cx } from '../ui/cx';

export interface TabsProps<K extends string> {
  label: string;
  tabs: ReadonlyArray<{ key: K; label: string }>;
  selected: K;
  onSelect: (key: K) => void;
  /** The selected tab's panel. */
  children: ComponentChildren;
  idPrefix: string;
}

/**
 * WAI-ARIA tabs (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/): a tablist whose arrow,
 * Home and End keys move the selection, and the selected tab's panel.
 */
export function Tabs<K extends string>({ label, tabs, selected, onSelect, children, idPrefix }: TabsProps<K>) {
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent): void => {
    const index = tabs.findIndex((tab) => tab.key === selected);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length];
    if (!tab) return;
    onSelect(tab.key);
    list.current?.querySelector<HTMLButtonElement>(`#${idPrefix}-tab-${tab.key}`)?.focus();
  };
  return (
    <>
      <div role="tablist" aria-label={label} ref={list} onKeyDown={onKeyDown} class="flex gap-1 border-b border-slate-200 dark:border-slate-700">
        {tabs.map((tab) => {
          const active = tab.key === selected;
          return (
            <button
              key={tab.key}
              type="button"
              role="tab"
              id={`${idPrefix}-tab-${tab.key}`}
              aria-selected={active}
              aria-controls={`${idPrefix}-panel`}
              tabIndex={active ? 0 : -1}
              data-tab={tab.key}
              onClick={() => onSelect(tab.key)}
              class={cx(
                '-mb-px cursor-pointer border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500',
                active
                  ? 'border-indigo-600 text-indigo-700 dark:border-indigo-400 dark:text-indigo-300'
                  : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white',
              )}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={`${idPrefix}-panel`} aria-labelledby={`${idPrefix}-tab-${selected}`} tabIndex={0} class="pt-4 focus-visible:outline-none">
        {children}
      </div>
    </>
  );
}
