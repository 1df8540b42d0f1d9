import { useMemo, useState } from 'preact/hooks';
import type { PipelineRow } from '../../lib/panel-data';
import { EMPTY_FILTERS, resolveMe, rowMatches, type PipelineFilters } from '../../lib/pipeline/filter';
import { filterOptions, reconcileFilters } from '../../lib/pipeline/options';
import { matchesTerms, searchTerms } from '../../lib/pipeline/search';
import { buildIndex } from '../../lib/pipeline/index-rows';
import type { ModelRecord, PersonaRecord, SegmentRecord } from '../../lib/store/schema';
import { FilterBar } from '../pipeline/FilterBar';
import { SegmentControls } from '../pipeline/SegmentControls';
import type { InsightsActions } from '../quality/types';
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
  /** The popup's filters to start from, its saved segments and "me" (issue 16: the dashboard takes the list's filters). */
  filters?: PipelineFilters;
  segments?: readonly SegmentRecord[];
  me?: string | null;
  actions?: InsightsActions;
}

/**
 * The "Pipeline insights" tab: the open pipeline by persona, type and territory, its Win
 * Potential spread, and win rate by persona; every figure over the deals the popup's filters
 * keep (type, territory, reporting level, owner, and the rest of the popup's), the territory
 * filter hidden when no deal has one, the filters saved and applied as the popup's segments.
 */
export function PipelineInsightsTab({
  connectionLabel,
  model,
  openRows: allRows,
  personas,
  filters: initial,
  segments = [],
  me = null,
  actions,
}: PipelineInsightsTabProps) {
  const { t } = useLocale();
  const [chosen, setFilters] = useState<PipelineFilters>(initial ?? EMPTY_FILTERS);
  const index = useMemo(() => buildIndex(allRows), [allRows]);
  const options = useMemo(() => filterOptions(allRows, index.collator), [allRows, index]);
  const filters = useMemo(() => reconcileFilters(chosen, options), [chosen, options]);
  const meResolved = useMemo(() => resolveMe(allRows, me !== null && options.owners.includes(me) ? me : null), [allRows, me, options]);
  const openRows = useMemo(() => {
    const terms = searchTerms(filters.search);
    return allRows.filter((row, i) => rowMatches(row, filters, meResolved) && (terms.length === 0 || matchesTerms(index.haystacks[i] as string, terms)));
  }, [allRows, index, filters, meResolved]);
  const orgWinRate = model.counts.closed > 0 ? model.counts.won / model.counts.closed : null;
  const bar =
    allRows.length === 0 ? null : (
      <div class="lg:col-span-2" data-testid="insights-filters">
        <FilterBar
          filters={filters}
          options={options}
          me={meResolved?.name ?? null}
          onChange={setFilters}
          onMeChange={(name) => actions?.onMeChange(name)}
          segments={
            actions ? (
              <SegmentControls
                segments={segments}
                filters={filters}
                onApply={setFilters}
                onSave={(name) => actions.onSaveSegment(name, filters)}
                onDelete={actions.onDeleteSegment}
              />
            ) : undefined
          }
        />
        <p class="mt-2 text-xs text-slate-600 dark:text-slate-400" data-testid="insights-count">
          {t('quality_insightsCount', { shown: openRows.length, count: allRows.length })}
        </p>
      </div>
    );
  if (openRows.length === 0) {
    return (
      <div class="grid gap-4 lg:grid-cols-2">
        {bar}
        <EmptyState
          name="no-open-deals"
          icon="database"
          title={allRows.length === 0 ? t('quality_noOpenDeals', { connection: connectionLabel }) : t('quality_noMatches')}
          class="lg:col-span-2"
        />
        <PersonaWinRatesCard personas={personas} openRows={openRows} orgWinRate={orgWinRate} />
      </div>
    );
  }
  return (
    <div class="grid gap-4 lg:grid-cols-2">
      {bar}
      <ScoreHistogramCard rows={openRows} />
      <PersonaWinRatesCard personas={personas} openRows={openRows} orgWinRate={orgWinRate} />
      <BreakdownCard rows={openRows} field="persona" />
      <BreakdownCard rows={openRows} field="type" />
      <BreakdownCard rows={openRows} field="territory" />
    </div>
  );
}
