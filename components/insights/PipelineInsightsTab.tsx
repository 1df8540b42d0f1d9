import type { PipelineRow } from '../../lib/panel-data';
import type { ModelRecord, PersonaRecord } from '../../lib/store/schema';
import { EmptyState } from '../ui/EmptyState';
import { useLocale } from '../ui/locale';
import { BreakdownCard } from './BreakdownCard';
import { PersonaWinRatesCard } from './PersonaWinRatesCard';
import { ScoreHistogramCard } from './ScoreHistogramCard';

export interface PipelineInsightsTabProps {
  connectionLabel: string;
  model: ModelRecord;
  openRows: readonly PipelineRow[];
  personas: readonly PersonaRecord[];
}

/** The "Pipeline insights" tab: the open pipeline by persona, type and territory, its Win Potential spread, and win rate by persona. */
export function PipelineInsightsTab({ connectionLabel, model, openRows, personas }: PipelineInsightsTabProps) {
  const { t } = useLocale();
  const orgWinRate = model.counts.closed > 0 ? model.counts.won / model.counts.closed : null;
  if (openRows.length === 0) {
    return (
      <div class="grid gap-4 lg:grid-cols-2">
        <EmptyState name="no-open-deals" icon="database" title={t('quality_noOpenDeals', { connection: connectionLabel })} class="lg:col-span-2" />
        <PersonaWinRatesCard personas={personas} openRows={openRows} orgWinRate={orgWinRate} />
      </div>
    );
  }
  return (
    <div class="grid gap-4 lg:grid-cols-2">
      <ScoreHistogramCard rows={openRows} />
      <PersonaWinRatesCard personas={personas} openRows={openRows} orgWinRate={orgWinRate} />
      <BreakdownCard rows={openRows} field="persona" />
      <BreakdownCard rows={openRows} field="type" />
      <BreakdownCard rows={openRows} field="territory" />
    </div>
  );
}
