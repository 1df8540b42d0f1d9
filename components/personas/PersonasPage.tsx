import { useMemo } from 'preact/hooks';
import type { RecordLinker } from '../../lib/crm/connector';
import type { Opportunity } from '../../lib/crm/opportunity';
import type { PersonaModelJSON } from '../../lib/engine/personas';
import type { ConnectionRecord, JobRecord, ModelRecord, PersonaRecord } from '../../lib/store/schema';
import { Banner } from '../ui/Banner';
import { Button } from '../ui/Button';
import { cx } from '../ui/cx';
import { EmptyState } from '../ui/EmptyState';
import { ErrorState } from '../ui/ErrorState';
import { LocaleProvider, useLocale } from '../ui/locale';
import { Skeleton } from '../ui/Skeleton';
import { Spinner } from '../ui/Spinner';
import { ThemeRoot, type Theme } from '../ui/ThemeRoot';
import type { LeadActions } from './FindLeads';
import { alignedOpenDeals, groupOf, personasAt, recordLink, resolveLevel, screenOf, teamsOf, type Level } from './model';
import { PersonaCard } from './PersonaCard';
import { PersonaDetails } from './PersonaDetails';
import { jobStep } from '../../lib/i18n/job-text';

/** What the page has: the store's data for one connection (entrypoints/personas/source.ts `PersonasData`). */
export interface PersonasPageData {
  connections: ConnectionRecord[];
  connection: ConnectionRecord | null;
  model: ModelRecord | null;
  personas: PersonaRecord[];
  open: Opportunity[];
  jobs: JobRecord[];
  /** Where the connection's records open in its CRM, or null (files, sandbox data, an org not seen on a page yet). */
  crmLink: RecordLinker | null;
}

export type PersonasPhase = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: PersonasPageData; refreshing?: boolean };

export type PersonasTab = 'cards' | 'details';

export interface PersonasPageProps {
  phase: PersonasPhase;
  level: Level;
  onLevelChange: (level: Level) => void;
  tab: PersonasTab;
  onTabChange: (tab: PersonasTab) => void;
  /** The persona the details tab shows (the first one when null or gone). */
  selected: string | null;
  onSelect: (personaId: string, tab?: PersonasTab) => void;
  onConnectionChange: (connectionId: string) => void;
  onRetry: () => void;
  onOpenOptions: () => void;
  leads: LeadActions;
  /** `chrome-extension://…/detail.html`: where records without a CRM page open. */
  detailPage: string;
  optionsHref: string;
  theme?: Theme;
  locale?: string;
  /** The persona whose Find leads panel starts open (screenshots). */
  leadsOpenFor?: string | null;
}

/** The personas page: brand bar, data source and reporting level, then the cards or the details of one persona, or the state in their place. */
export function PersonasPage(props: PersonasPageProps) {
  return (
    <ThemeRoot theme={props.theme} class="min-h-screen bg-slate-50 dark:bg-slate-950">
      <LocaleProvider locale={props.locale}>
        <Page {...props} />
      </LocaleProvider>
    </ThemeRoot>
  );
}

function Page(props: PersonasPageProps) {
  const { t } = useLocale();
  const { phase } = props;
  const data = phase.kind === 'ready' ? phase.data : null;
  return (
    <div class="mx-auto flex max-w-6xl flex-col gap-4 px-4 py-4 sm:px-6 sm:py-6">
      <nav class="flex flex-wrap items-center justify-between gap-3" aria-label={t('personas_brand')}>
        <span class="flex items-center gap-1.5 text-sm font-semibold tracking-tight text-slate-700 dark:text-slate-200">
          <img src="/icon/32.png" alt="" width={20} height={20} class="size-5" />
          {t('personas_brand')}
        </span>
        <div class="flex items-center gap-3">
          {phase.kind === 'ready' && phase.refreshing ? <Spinner label={t('personas_refreshing')} /> : null}
          {data && data.connections.length > 0 ? <ConnectionPicker data={data} onChange={props.onConnectionChange} /> : null}
          <a
            href={props.optionsHref}
            class="rounded-sm text-sm font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 dark:text-indigo-300"
          >
            {t('personas_settings')}
          </a>
        </div>
      </nav>
      <header>
        <h1 class="text-xl font-semibold tracking-tight text-slate-900 dark:text-white">{t('personas_heading')}</h1>
        <p class="mt-0.5 text-sm text-slate-600 dark:text-slate-300">{t('personas_intro')}</p>
      </header>
      <main class="flex flex-col gap-4" data-state={stateName(props)}>
        <Body {...props} />
      </main>
    </div>
  );
}

function stateName(props: PersonasPageProps): string {
  if (props.phase.kind !== 'ready') return props.phase.kind;
  return screenOf(props.phase.data, resolveLevel(props.phase.data.personas, props.level)).kind;
}

function ConnectionPicker({ data, onChange }: { data: PersonasPageData; onChange: (id: string) => void }) {
  const { t } = useLocale();
  if (!data.connection) return null;
  if (data.connections.length === 1) {
    return (
      <span class="max-w-56 truncate text-xs text-slate-600 dark:text-slate-300" title={data.connection.label} data-field="connection">
        {data.connection.label}
      </span>
    );
  }
  return (
    <label class="flex items-center gap-1.5 text-xs text-slate-600 dark:text-slate-300">
      <span class="sr-only">{t('personas_connectionLabel')}</span>
      <select
        class="max-w-80 rounded-lg border border-slate-300 bg-white px-2 py-1 text-xs text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
        value={data.connection.id}
        onChange={(e) => onChange(e.currentTarget.value)}
        data-field="connection"
      >
        {data.connections.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function Body(props: PersonasPageProps) {
  const { t } = useLocale();
  const { phase } = props;
  if (phase.kind === 'loading') return <Loading />;
  if (phase.kind === 'error') return <ErrorState name="error" level={2} title={t('personas_errorTitle')} message={phase.message} onRetry={props.onRetry} />;
  const { data } = phase;
  const level = resolveLevel(data.personas, props.level);
  const screen = screenOf(data, level);
  const settings = (
    <Button variant="primary" size="sm" onClick={props.onOpenOptions} data-action="open-options">
      {t('personas_openSettings')}
    </Button>
  );
  switch (screen.kind) {
    case 'no-connection':
      return (
        <EmptyState name="no-connection" icon="database" title={t('personas_noDataTitle')} actions={screen.job ? undefined : settings}>
          <p>{t('personas_noDataBody')}</p>
          {screen.job ? <JobLine job={screen.job} /> : null}
        </EmptyState>
      );
    case 'not-trained':
      return (
        <EmptyState name="not-trained" icon="clock" title={t('personas_notTrainedTitle')} actions={screen.job ? undefined : settings}>
          <p>{t('personas_notTrainedBody', { connection: data.connection?.label ?? '' })}</p>
          {screen.job ? <JobLine job={screen.job} /> : null}
        </EmptyState>
      );
    case 'not-enough-data':
      return (
        <EmptyState name="not-enough-data" icon="info" title={t('personas_notEnoughTitle')} actions={settings}>
          <p>{screen.message ?? t('personas_notEnoughFallback')}</p>
          <p class="mt-1 text-slate-500 dark:text-slate-400">{t('personas_notEnoughCounts', { won: screen.counts.won, lost: screen.counts.lost })}</p>
        </EmptyState>
      );
    case 'no-personas':
      return (
        <>
          <Toolbar {...props} level={level} />
          <EmptyState name="no-personas" icon="info" title={t('personas_noPersonasTitle')}>
            <p>{screen.notes[0] ?? t('personas_noPersonasBody')}</p>
          </EmptyState>
        </>
      );
    case 'personas':
      return (
        <>
          {screen.outOfDate ? (
            <Banner tone="warning" role="status" name="out-of-date">
              {t('personas_outOfDate')}
            </Banner>
          ) : null}
          {screen.job ? (
            <Banner tone="accent" role="status" name="job">
              <JobLine job={screen.job} />
            </Banner>
          ) : null}
          <Toolbar {...props} level={level} />
          <Personas {...props} data={data} level={level} />
        </>
      );
  }
}

function JobLine({ job }: { job: JobRecord }) {
  const { t } = useLocale();
  const progress = job.total > 0 ? ` ${Math.round((job.done / job.total) * 100)}%` : '';
  return (
    <p class="mt-2 flex items-center justify-center gap-2 text-slate-600 dark:text-slate-300" data-field="job">
      <Spinner />
      <span>
        {t('personas_jobRunning', { step: jobStep(job, t) ?? job.kind })}
        {progress}
      </span>
    </p>
  );
}

function Loading() {
  const { t } = useLocale();
  return (
    <div class="flex flex-col gap-4" data-state="loading">
      <Spinner label={t('personas_loading')} />
      <div class="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" aria-hidden="true">
        {[0, 1, 2].map((i) => (
          <div key={i} class="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-700/80 dark:bg-slate-900">
            <div class="flex items-center gap-3">
              <Skeleton shape="circle" class="size-14" />
              <div class="flex flex-1 flex-col gap-2">
                <Skeleton class="h-4 w-2/3" />
                <Skeleton class="h-3 w-1/2" />
              </div>
            </div>
            <Skeleton class="h-3 w-full" />
            <Skeleton class="h-3 w-4/5" />
            <Skeleton class="h-10 w-full" />
          </div>
        ))}
      </div>
    </div>
  );
}

/** The reporting level (org or one team) and the tabs. */
function Toolbar({ phase, level, onLevelChange, tab, onTabChange }: PersonasPageProps) {
  const { t } = useLocale();
  const records = phase.kind === 'ready' ? phase.data.personas : [];
  const teams = teamsOf(records);
  const segment = (active: boolean): string =>
    cx(
      'cursor-pointer rounded-md px-3 py-1 text-[0.8125rem] font-medium focus-visible:outline-2 focus-visible:outline-indigo-500 disabled:cursor-not-allowed disabled:opacity-50',
      active
        ? 'bg-white text-slate-900 shadow-xs dark:bg-slate-950 dark:text-white'
        : 'text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white',
    );
  return (
    <div class="flex flex-wrap items-end justify-between gap-3">
      <div role="tablist" aria-label={t('personas_tabsLabel')} class="flex gap-1 border-b border-slate-200 dark:border-slate-700">
        {(['cards', 'details'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`personas-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`personas-panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => onTabChange(name)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                e.preventDefault();
                onTabChange(name === 'cards' ? 'details' : 'cards');
              }
            }}
            class={cx(
              '-mb-px cursor-pointer border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500',
              tab === name
                ? 'border-indigo-600 text-indigo-700 dark:border-indigo-400 dark:text-indigo-300'
                : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white',
            )}
            data-tab={name}
          >
            {name === 'cards' ? t('personas_tabCards') : t('personas_tabDetails')}
          </button>
        ))}
      </div>
      <div class="flex flex-wrap items-center gap-2">
        <div role="group" aria-label={t('personas_levelLabel')} class="flex gap-1 rounded-lg bg-slate-200/70 p-1 dark:bg-slate-800">
          <button
            type="button"
            aria-pressed={level.level === 'org'}
            class={segment(level.level === 'org')}
            onClick={() => onLevelChange({ level: 'org' })}
            data-level="org"
          >
            {t('personas_levelOrg')}
          </button>
          <button
            type="button"
            aria-pressed={level.level === 'team'}
            class={segment(level.level === 'team')}
            disabled={teams.length === 0}
            title={teams.length === 0 ? t('personas_noTeams') : undefined}
            onClick={() => teams[0] !== undefined && onLevelChange({ level: 'team', team: teams[0] })}
            data-level="team"
          >
            {t('personas_levelTeam')}
          </button>
        </div>
        {level.level === 'team' ? (
          <label class="flex items-center gap-1.5 text-xs text-slate-600 dark:text-slate-300">
            <span class="sr-only">{t('personas_teamLabel')}</span>
            <select
              class="max-w-48 rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
              value={level.team}
              onChange={(e) => onLevelChange({ level: 'team', team: e.currentTarget.value })}
              data-field="team"
            >
              {teams.map((team) => (
                <option key={team} value={team}>
                  {team}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      {teams.length === 0 ? <p class="w-full text-xs text-slate-500 dark:text-slate-400">{t('personas_noTeams')}</p> : null}
    </div>
  );
}

function Personas(props: PersonasPageProps & { data: PersonasPageData; level: Level }) {
  const { data, level, tab } = props;
  const personaModel = data.model?.personas as PersonaModelJSON | undefined;
  const personas = useMemo(() => personasAt(data.personas, level), [data.personas, level]);
  const connection = data.connection as ConnectionRecord;
  const linkFor = (id: string) => recordLink(connection, data.crmLink, props.detailPage, id);
  const aligned = useMemo(() => (tab === 'details' ? alignedOpenDeals(personaModel, data.open, level) : new Map()), [tab, personaModel, data.open, level]);
  if (tab === 'cards') {
    return (
      <section
        id="personas-panel-cards"
        role="tabpanel"
        aria-labelledby="personas-tab-cards"
        class="grid gap-4 sm:grid-cols-2 xl:grid-cols-3"
        data-panel="cards"
      >
        {personas.map((p) => (
          <PersonaCard
            key={p.id}
            persona={p}
            leads={props.leads}
            onShowDetails={(id) => props.onSelect(id, 'details')}
            leadsOpen={props.leadsOpenFor === p.id}
          />
        ))}
      </section>
    );
  }
  const persona = personas.find((p) => p.id === props.selected) ?? personas[0];
  if (!persona) return null;
  const counts = data.model?.counts;
  const orgWinRate = counts && counts.closed > 0 ? counts.won / counts.closed : null;
  return (
    <section id="personas-panel-details" role="tabpanel" aria-labelledby="personas-tab-details" data-panel="details">
      <PersonaDetails
        persona={persona}
        personas={personas}
        basis={groupOf(personaModel, level)?.basis ?? null}
        aligned={aligned.get(persona.id) ?? []}
        orgWinRate={orgWinRate}
        linkFor={linkFor}
        onSelect={(id) => props.onSelect(id)}
      />
    </section>
  );
}
