/**
 * A confirmation step shown in place of the button that asked for it: focus moves into it
 * (to `[data-autofocus]`, else Cancel, the safe choice), Escape cancels, and the owner
 * returns focus to its trigger with `useFocusReturn`.
 */
import type { ComponentChildren, RefObject } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import { t } from '../i18n';
import { cls } from './classes';

export interface InlineConfirmProps {
  title: string;
  children?: ComponentChildren;
  confirmLabel: string;
  busyLabel: string;
  busy: boolean;
  confirmDisabled?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function InlineConfirm({ title, children, confirmLabel, busyLabel, busy, confirmDisabled, onConfirm, onCancel }: InlineConfirmProps) {
  const box = useRef<HTMLDivElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  useEffect(() => {
    const target = box.current?.querySelector<HTMLElement>('[data-autofocus]') ?? cancel.current;
    target?.focus();
  }, []);
  return (
    <div
      ref={box}
      role="group"
      aria-labelledby={titleId}
      class="space-y-3 rounded-lg border border-rose-200 bg-rose-50/70 p-3 dark:border-rose-900 dark:bg-rose-950/40"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !busy) {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <p id={titleId} class="text-sm font-semibold text-rose-900 dark:text-rose-100">
        {title}
      </p>
      {children}
      <div class="flex flex-wrap gap-2">
        <button type="button" class={cls.danger} disabled={busy || confirmDisabled} onClick={onConfirm}>
          {busy ? busyLabel : confirmLabel}
        </button>
        <button ref={cancel} type="button" class={cls.secondary} disabled={busy} onClick={onCancel}>
          {t('options_commonCancel')}
        </button>
      </div>
    </div>
  );
}

/** Focuses `ref` when `open` turns false again (the confirmation closed without acting). */
export function useFocusReturn(open: boolean, ref: RefObject<HTMLElement>): void {
  const wasOpen = useRef(open);
  useEffect(() => {
    if (wasOpen.current && !open) ref.current?.focus();
    wasOpen.current = open;
  }, [open, ref]);
}
