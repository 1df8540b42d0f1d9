import type { IsoDate } from '../../lib/crm/opportunity';
import type { PanelData } from '../../lib/panel-data';
import type { HeadingLevel } from '../ui/Card';
import { cx } from '../ui/cx';
import { LocaleProvider, useLocale } from '../ui/locale';
import { ThemeRoot, type Theme } from '../ui/ThemeRoot';
import { ForecastPanel } from './ForecastPanel';
import { detailLinkFor, personasHref, type PersonasLink } from './links';
import { DealPanelsSkeleton, NotEnoughData, NotFound, NotSynced, OutOfDateBanner, PanelError, type StateActions } from './PanelStates';
import { RepeatBuyerPanel } from './RepeatBuyerPanel';
import { SimilarPanel, type SimilarLink } from './SimilarPanel';
import { WinPanel } from './WinPanel';

export interface DealPanelsProps extends StateActions {
  panel: PanelData;
  /** 'auto' follows the system; the overlays pass the CRM's own theme when they can tell. */
  theme?: Theme;
  /** Locale of numbers, amounts and dates (default: the browser's). */
  locale?: string;
  /** The current time in ms (default: now): the "today" marker and "trained 3 days ago". */
  now?: number;
  /** Heading level of each panel's title (default 2: under the page's h1). */
  level?: HeadingLevel;
  /** Where similar deals link (default: their detail page, `detail.html?c=…&id=…`). */
  linkFor?: SimilarLink;
  /**
   * The Repeat Buyer panel's link to the personas page on a persona (default: `personas.html?…`,
   * which resolves on extension pages); null for none. CRM pages pass one that asks the background.
   */
  personasLinkFor?: ((personaId: string) => PersonasLink) | null;
  class?: string;
}

/** A timestamp's calendar day in the user's time zone. */
export function localIsoDate(ms: number): IsoDate {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Every panel of one opportunity, or the state that stands in for them: the one component
 * the detail page and the CRM overlays mount. One column in a sidebar; two from a 768 px
 * wide container (container queries, so it adapts to its box, not to the window).
 */
export function DealPanels({ theme = 'auto', locale, class: className, ...rest }: DealPanelsProps) {
  return (
    <ThemeRoot theme={theme} class={cx('@container', className)}>
      <LocaleProvider locale={locale}>
        <Panels {...rest} />
      </LocaleProvider>
    </ThemeRoot>
  );
}

function Panels({
  panel,
  now = Date.now(),
  level = 2,
  linkFor,
  personasLinkFor,
  onOpenOptions,
  onRetry,
  onRetrain,
}: Omit<DealPanelsProps, 'theme' | 'locale' | 'class'>) {
  const { state } = panel;
  switch (state.kind) {
    case 'loading':
      return <DealPanelsSkeleton />;
    case 'not-synced':
      return <NotSynced connectionLabel={state.connectionLabel} onOpenOptions={onOpenOptions} level={level} />;
    case 'not-found':
      return <NotFound opportunityId={state.opportunityId} onOpenOptions={onOpenOptions} onRetry={onRetry} level={level} />;
    case 'error':
      return <PanelError message={state.message} onRetry={onRetry} level={level} />;
    case 'not-enough-data':
      return (
        <div class="flex flex-col gap-3">
          <NotEnoughData sufficiency={state.sufficiency} personasMessage={state.personasMessage} onOpenOptions={onOpenOptions} level={level} />
          <PanelGrid panel={panel} now={now} level={level} linkFor={linkFor} personasLinkFor={personasLinkFor} onlyAvailable />
        </div>
      );
    case 'out-of-date':
      return (
        <div class="flex flex-col gap-3">
          <OutOfDateBanner trainedAt={state.trainedAt} changedSince={state.changedSince} now={now} onRetrain={onRetrain} />
          <PanelGrid panel={panel} now={now} level={level} linkFor={linkFor} personasLinkFor={personasLinkFor} />
        </div>
      );
    case 'ready':
      return <PanelGrid panel={panel} now={now} level={level} linkFor={linkFor} personasLinkFor={personasLinkFor} />;
  }
}

interface PanelGridProps {
  panel: PanelData;
  now: number;
  level: HeadingLevel;
  linkFor: SimilarLink | undefined;
  personasLinkFor: DealPanelsProps['personasLinkFor'];
  /** Leave out panels without data (when a state above them already says why). */
  onlyAvailable?: boolean;
}

function PanelGrid({ panel, now, level, linkFor, personasLinkFor, onlyAvailable = false }: PanelGridProps) {
  const currency = panel.opportunity.currency;
  const link = linkFor ?? detailLinkFor(panel.connectionId);
  const show = (part: unknown): boolean => !onlyAvailable || part !== null;
  const personaId = panel.repeatBuyer?.persona.id ?? null;
  const linkPersonas = personasLinkFor === undefined ? (id: string): PersonasLink => ({ href: personasHref(panel.connectionId, id) }) : personasLinkFor;
  const personasLink = personaId !== null && linkPersonas ? linkPersonas(personaId) : null;
  return (
    <div class="flex flex-col gap-3">
      <div class="grid items-start gap-3 @3xl:grid-cols-2">
        {show(panel.repeatBuyer) ? (
          <RepeatBuyerPanel repeatBuyer={panel.repeatBuyer} message={panel.repeatBuyerMessage} level={level} personasLink={personasLink} />
        ) : null}
        <div class="grid gap-3">
          {show(panel.win) ? (
            <WinPanel win={panel.win} message={panel.winMessage} currency={currency} level={level} stage={panel.stage} health={panel.health} />
          ) : null}
          {show(panel.forecast) ? (
            <ForecastPanel forecast={panel.forecast} message={panel.forecastMessage} today={localIsoDate(now)} currency={currency} level={level} />
          ) : null}
        </div>
      </div>
      {show(panel.similar) ? <SimilarPanel similar={panel.similar} linkFor={link} level={level} /> : null}
      <PanelMeta panel={panel} now={now} />
    </div>
  );
}

/** "Scores as of Sep 30, 2026 · models trained 3 days ago". */
function PanelMeta({ panel, now }: { panel: PanelData; now: number }) {
  const tools = useLocale();
  const parts = [
    panel.asOf ? tools.t('panels_meta_asOf', { date: tools.date(panel.asOf) }) : null,
    panel.trainedAt ? tools.t('panels_meta_trained', { when: tools.relative(panel.trainedAt, now) }) : null,
  ].filter((part): part is string => part !== null);
  if (parts.length === 0) return null;
  return (
    <p class="px-1 text-xs text-slate-500 dark:text-slate-400" data-field="meta">
      {parts.join(' · ')}
    </p>
  );
}
