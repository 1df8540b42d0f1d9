/**
 * "Delete everything": a confirmation step that asks to type DELETE, then 'delete-all'.
 * Focus moves to the text box when the step opens and back to the button when it closes.
 */
import { useId, useRef, useState } from 'preact/hooks';
import { errorText, t } from '../i18n';
import { useOptions } from '../state';
import { cls } from '../ui/classes';
import { InlineConfirm, useFocusReturn } from '../ui/InlineConfirm';
import { Notice } from '../ui/Notice';

type Outcome = { kind: 'none' } | { kind: 'deleted' } | { kind: 'error'; message: string };

export function DeleteEverything() {
  const state = useOptions();
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const trigger = useRef<HTMLButtonElement>(null);
  useFocusReturn(confirming, trigger);
  const word = t('options_dataDeleteWord');
  const matches = typed.trim() === word;

  function close(): void {
    setConfirming(false);
    setTyped('');
  }

  async function confirm(): Promise<void> {
    if (!matches) return;
    setBusy(true);
    try {
      const reply = await state.source.send({ type: 'delete-all' });
      setOutcome(reply.ok ? { kind: 'deleted' } : { kind: 'error', message: t('options_dataDeleteFailed', { error: reply.error }) });
    } catch (error) {
      setOutcome({ kind: 'error', message: t('options_dataDeleteFailed', { error: errorText(error) }) });
    }
    setBusy(false);
    close();
    state.forgetJobs();
    await state.reload();
  }

  return (
    <div class="space-y-3">
      <div class="space-y-1">
        <h3 class="text-base font-semibold text-rose-700 dark:text-rose-400">{t('options_dataDelete')}</h3>
        <p class={`text-sm ${cls.muted}`}>{t('options_dataDeleteDescription')}</p>
      </div>
      {confirming ? (
        <InlineConfirm
          title={t('options_dataDeleteQuestion')}
          confirmLabel={t('options_dataDeleteConfirm')}
          busyLabel={t('options_dataDeleting')}
          busy={busy}
          confirmDisabled={!matches}
          onConfirm={() => void confirm()}
          onCancel={close}
        >
          <form
            class="space-y-1"
            onSubmit={(event) => {
              event.preventDefault();
              void confirm();
            }}
          >
            <label for={`${id}-word`} class="block text-sm text-rose-900 dark:text-rose-100">
              {t('options_dataDeleteTypeLabel', { word })}
            </label>
            <input
              id={`${id}-word`}
              data-autofocus
              type="text"
              autoComplete="off"
              spellcheck={false}
              class={`${cls.input} w-48 font-mono`}
              value={typed}
              onInput={(event) => setTyped(event.currentTarget.value)}
            />
          </form>
        </InlineConfirm>
      ) : (
        <button
          ref={trigger}
          type="button"
          class={cls.dangerOutline}
          onClick={() => {
            setOutcome({ kind: 'none' });
            setConfirming(true);
          }}
        >
          {t('options_dataDeleteStart')}
        </button>
      )}
      {outcome.kind === 'deleted' && <Notice tone="success">{t('options_dataDeleted')}</Notice>}
      {outcome.kind === 'error' && <Notice tone="error">{outcome.message}</Notice>}
    </div>
  );
}
