/** Sync and training: jobs running and queued, recent jobs, and each connection's last results. */
import { t } from '../i18n';
import { useOptions } from '../state';
import { cls } from '../ui/classes';
import { Section } from '../ui/Section';
import { AtRiskAlerts } from './AtRiskAlerts';
import { JobHistory } from './JobHistory';
import { JobRow } from './JobRow';
import { ModelSummary } from './ModelSummary';

export function StatusSection() {
  const state = useOptions();
  const active = state.activeJobs.value.filter((job): job is typeof job & { id: number } => job.id !== undefined);
  const connections = state.connections.value;
  return (
    <Section id="status" title={t('options_sectionStatus')} description={t('options_sectionStatusDescription')}>
      <div class={`${cls.card} space-y-4`}>
        <h3 class={cls.h3}>{t('options_jobsTitle')}</h3>
        {active.length === 0 ? (
          <p class={`text-sm ${cls.muted}`} data-testid="jobs-idle">
            {t('options_jobsIdle')}
          </p>
        ) : (
          <ul class="divide-y divide-slate-100 dark:divide-slate-800" aria-label={t('options_jobsTitle')}>
            {active.map((job) => (
              <JobRow key={job.id} job={job} />
            ))}
          </ul>
        )}
        <JobHistory />
      </div>

      <AtRiskAlerts />

      <div class="space-y-3">
        <h3 class={cls.h3}>{t('options_modelsTitle')}</h3>
        {connections.length === 0 ? (
          <p class={`text-sm ${cls.muted}`}>{t('options_modelsNone')}</p>
        ) : (
          <div class="space-y-3">
            {connections.map((connection) => (
              <ModelSummary key={connection.id} connection={connection} model={state.models.value.get(connection.id)} />
            ))}
          </div>
        )}
      </div>
    </Section>
  );
}
