/**
 * Connections: the ones that exist, then one card per kind of connection that can be
 * added (registry.ts), so a new connector only adds an entry there.
 */
import { useState } from 'preact/hooks';
import { t } from '../i18n';
import { useOptions } from '../state';
import { Icon } from '../../ui';
import { cls } from '../ui/classes';
import { Notice } from '../ui/Notice';
import { Section } from '../ui/Section';
import { ConnectionCard } from './ConnectionCard';
import { CONNECTION_KINDS } from './registry';

export function ConnectionsSection() {
  const state = useOptions();
  const [removed, setRemoved] = useState<{ label: string; notUndone: string | null } | null>(null);
  const connections = state.connections.value;
  return (
    <Section id="connections" title={t('options_sectionConnections')} description={t('options_sectionConnectionsDescription')}>
      {connections.length === 0 ? (
        <div
          class="flex items-start gap-3 rounded-xl border border-dashed border-indigo-300 bg-indigo-50/60 px-4 py-4 dark:border-indigo-800 dark:bg-indigo-950/30"
          data-testid="connections-empty"
        >
          <span class="flex size-9 shrink-0 items-center justify-center rounded-full bg-indigo-100 text-indigo-700 dark:bg-indigo-900 dark:text-indigo-200">
            <Icon name="database" class="size-5" />
          </span>
          <div class="space-y-0.5">
            <h3 class="text-sm font-semibold text-slate-900 dark:text-white">{t('options_connectionsEmptyTitle')}</h3>
            <p class="text-sm text-slate-700 dark:text-slate-300">{t('options_connectionsEmpty')}</p>
          </div>
        </div>
      ) : (
        <div class="space-y-3">
          <h3 class={cls.h3}>{t('options_connectionsYours')}</h3>
          <ul class="space-y-3" aria-label={t('options_connectionsYours')}>
            {connections.map((connection) => (
              <ConnectionCard key={connection.id} connection={connection} onRemoved={(label, notUndone) => setRemoved({ label, notUndone })} />
            ))}
          </ul>
        </div>
      )}
      {removed && <Notice tone="success">{t('options_connectionsRemoved', { label: removed.label })}</Notice>}
      {removed?.notUndone && <Notice tone="error">{t('options_connectionsRevokeFailed', { error: removed.notUndone })}</Notice>}

      <div class="space-y-3">
        <h3 class={cls.h3}>{t('options_connectionsAdd')}</h3>
        <div class="space-y-4">
          {CONNECTION_KINDS.map(({ kind, title, description, Add }) => (
            <article key={kind} class={`${cls.card} flex flex-col gap-4`} aria-labelledby={`add-${kind}-title`} data-testid={`add-${kind}`}>
              <header class="space-y-1">
                <h4 id={`add-${kind}-title`} class="text-sm font-semibold text-slate-900 dark:text-white">
                  {t(title)}
                </h4>
                <p class={`text-sm ${cls.muted}`}>{t(description)}</p>
              </header>
              <Add />
            </article>
          ))}
        </div>
      </div>
    </Section>
  );
}
