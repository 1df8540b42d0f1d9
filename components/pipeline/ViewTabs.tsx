/**
 * The popup's views of the open pipeline, as WAI-ARIA tabs
 * (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/): the ranked pipeline and the quick wins.
 * Compact (the popup is 600 px tall at most); arrows, Home and End move the selection.
 */
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export type PopupView = 'pipeline' | 'quick-wins';

export interface ViewTabsProps {
  label: string;
  tabs: ReadonlyArray<{ key: PopupView; label: string; title?: string }>;
  selected: PopupView;
  onSelect: (key: PopupView) => void;
  /** The selected view. */
  children: ComponentChildren;
}

export function ViewTabs({ label, tabs, selected, onSelect, children }: ViewTabsProps) {
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent): void => {
    const index = tabs.findIndex((tab) => tab.key === selected);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length];
    if (!tab) return;
    onSelect(tab.key);
    list.current?.querySelector<HTMLButtonElement>(`[data-view="${tab.key}"]`)?.focus();
  };
  return (
    <>
      <div role="tablist" aria-label={label} ref={list} onKeyDown={onKeyDown} class="flex shrink-0 gap-1 border-b border-slate-200 px-3 dark:border-slate-700">
        {tabs.map((tab) => {
          const active = tab.key === selected;
          return (
            <button
              key={tab.key}
              type="button"
              role="tab"
              id={`popup-view-${tab.key}`}
              aria-selected={active}
              aria-controls="popup-view-panel"
              tabIndex={active ? 0 : -1}
              title={tab.title}
              data-view={tab.key}
              onClick={() => onSelect(tab.key)}
              class={`-mb-px cursor-pointer border-b-2 px-2.5 py-1.5 text-xs font-semibold focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-600 dark:focus-visible:outline-sky-400 ${
                active
                  ? 'border-sky-600 text-sky-800 dark:border-sky-400 dark:text-sky-300'
                  : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white'
              }`}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id="popup-view-panel" aria-labelledby={`popup-view-${selected}`} class="flex min-h-0 flex-1 flex-col pt-2">
        {children}
      </div>
    </>
  );
}
