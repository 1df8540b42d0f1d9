/** Field mappings, per connection: pick the connection, then tick its fields (the last training says which it set aside). */
import { useId, useState } from 'preact/hooks';
import { t, KIND_LABEL } from '../i18n';
import { useOptions } from '../state';
import { cls } from '../ui/classes';
import { Section } from '../ui/Section';
import { FieldTable } from './FieldTable';

export function FieldMappingsSection() {
  const state = useOptions();
  const id = useId();
  const connections = state.connections.value;
  const [chosen, setChosen] = useState<string | null>(null);
  const current = connections.find((c) => c.id === chosen) ?? connections.find((c) => state.mappings.value.has(c.id)) ?? connections[0];
  const mapping = current ? state.mappings.value.get(current.id) : undefined;

  return (
    <Section id="mappings" title={t('options_sectionMappings')} description={t('options_sectionMappingsDescription')}>
      <div class={`${cls.card} space-y-4`}>
        {!current ? (
          <p class={`text-sm ${cls.muted}`} data-testid="mappings-empty">
            {t('options_mappingsEmpty')}
          </p>
        ) : (
          <>
            {connections.length > 1 && (
              <div class="flex flex-wrap items-center gap-2">
                <label for={`${id}-connection`} class={cls.label}>
                  {t('options_mappingsConnection')}
                </label>
                <select id={`${id}-connection`} class={cls.input} value={current.id} onChange={(event) => setChosen(event.currentTarget.value)}>
                  {connections.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.label} ({t(KIND_LABEL[c.kind])})
                    </option>
                  ))}
                </select>
              </div>
            )}
            {mapping ? (
              // Keyed so the draft starts over on another connection (not on a save: its notice must stay).
              <FieldTable key={current.id} connection={current} mapping={mapping} model={state.models.value.get(current.id)} />
            ) : (
              <p class={`text-sm ${cls.muted}`}>{t('options_mappingsNoFields')}</p>
            )}
          </>
        )}
      </div>
    </Section>
  );
}
