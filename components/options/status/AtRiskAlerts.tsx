/**
 * The at-risk notifications switch (issue 7, "Notifications"): off by default. Switching
 * it on asks for the optional `notifications` permission (the browser's own prompt);
 * switching it off gives the permission back. The background reads the setting after
 * each sync or import.
 */
import { useEffect, useState } from 'preact/hooks';
import { errorText, t } from '../i18n';
import { useOptions } from '../state';
import { cls } from '../ui/classes';
import { Notice } from '../ui/Notice';

export function AtRiskAlerts() {
  const state = useOptions();
  const [on, setOn] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void Promise.resolve()
      .then(async () => {
        const stored = await state.source.getSetting('alerts.notifyAtRisk');
        // Revoked in the browser's settings since: show it off.
        const granted = stored ? await state.source.hasPermissions({ permissions: ['notifications'] }) : false;
        if (live) setOn(stored && granted);
      })
      .catch((caught: unknown) => {
        if (!live) return;
        setOn(false);
        setError(t('options_alertsFailed', { error: errorText(caught) }));
      });
    return () => {
      live = false;
    };
  }, []);

  async function change(next: boolean): Promise<void> {
    setError(null);
    try {
      if (next) {
        // Must run in the click's user gesture: request before any await on the store.
        const granted = await state.source.requestPermissions({ permissions: ['notifications'] });
        if (!granted) {
          setError(t('options_alertsDenied'));
          return;
        }
      } else {
        await state.source.removePermissions({ permissions: ['notifications'] }).catch(() => false);
      }
      await state.source.setSetting('alerts.notifyAtRisk', next);
      setOn(next);
    } catch (caught) {
      setError(t('options_alertsFailed', { error: errorText(caught) }));
    }
  }

  return (
    <div class={`${cls.card} space-y-2`} data-testid="at-risk-alerts">
      <label class="flex items-start gap-3">
        <input
          type="checkbox"
          class={`${cls.checkbox} mt-0.5`}
          checked={on === true}
          disabled={on === null}
          onChange={(e) => void change((e.target as HTMLInputElement).checked)}
        />
        <span class="space-y-1">
          <span class={`block ${cls.label}`}>{t('options_alertsLabel')}</span>
          <span class={`block text-xs ${cls.muted}`}>{t('options_alertsHelp')}</span>
        </span>
      </label>
      {error && <Notice tone="error">{error}</Notice>}
    </div>
  );
}
