/**
 * The options page: Connections, Field mappings, Sync and training, Data. Its state
 * (components/options/state.ts) reads and writes through the source it is given, so
 * tests render the page over a fake.
 */
import { useEffect, useMemo } from 'preact/hooks';
import { ConnectionsSection } from '../../components/options/connections/ConnectionsSection';
import { DataSection } from '../../components/options/data/DataSection';
import { t } from '../../components/options/i18n';
import { FieldMappingsSection } from '../../components/options/mappings/FieldMappingsSection';
import { HealthProfileSection } from '../../components/options/health/HealthProfileSection';
import { OptionsContext, OptionsState } from '../../components/options/state';
import { StatusSection } from '../../components/options/status/StatusSection';
import { cls } from '../../components/options/ui/classes';
import { Notice } from '../../components/options/ui/Notice';
import { ProgressBar } from '../../components/options/ui/ProgressBar';
import { useActiveSection } from '../../components/options/useActiveSection';
import { ThemeRoot } from '../../components/ui';
import type { OptionsSource } from './source';

const SECTIONS = [
  { id: 'connections', title: 'options_sectionConnections' },
  { id: 'mappings', title: 'options_sectionMappings' },
  { id: 'health', title: 'options_sectionHealth' },
  { id: 'status', title: 'options_sectionStatus' },
  { id: 'data', title: 'options_sectionData' },
] as const;
const SECTION_IDS = SECTIONS.map((s) => s.id);

export interface AppProps {
  source: OptionsSource;
  iconUrl?: string;
}

export function App({ source, iconUrl }: AppProps) {
  const state = useMemo(() => new OptionsState(source), [source]);
  useEffect(() => state.start(), [state]);
  useEffect(() => {
    // A file dropped outside the drop zone would replace this page with the file.
    const block = (event: DragEvent): void => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    window.addEventListener('dragover', block);
    window.addEventListener('drop', block);
    return () => {
      window.removeEventListener('dragover', block);
      window.removeEventListener('drop', block);
    };
  }, []);

  const phase = state.phase.value;
  const active = useActiveSection(SECTION_IDS, phase === 'ready');
  return (
    <OptionsContext.Provider value={state}>
      <ThemeRoot theme="auto" class="min-h-screen bg-slate-50 dark:bg-slate-950">
        <header class="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <div class="mx-auto flex max-w-6xl items-center gap-3 px-4 py-4 sm:px-6">
            {iconUrl && <img src={iconUrl} alt="" width={32} height={32} class="size-8" />}
            <div class="min-w-0">
              <h1 class="text-lg font-semibold tracking-tight">{t('options_pageTitle')}</h1>
              <p class={`text-sm ${cls.muted}`}>{t('options_pageTagline')}</p>
            </div>
          </div>
        </header>

        <div class="mx-auto grid max-w-6xl gap-8 px-4 py-6 sm:px-6 lg:grid-cols-[11rem_minmax(0,1fr)] lg:py-8">
          <nav aria-label={t('options_pageNav')} class="lg:sticky lg:top-8 lg:self-start">
            <ul class="flex flex-wrap gap-1 lg:flex-col">
              {SECTIONS.map((section) => (
                <li key={section.id}>
                  <a
                    href={`#${section.id}`}
                    aria-current={active === section.id ? 'location' : undefined}
                    class={`block rounded-md px-3 py-1.5 text-sm font-medium text-slate-600 hover:bg-slate-200/60 hover:text-slate-900 aria-[current]:bg-white aria-[current]:text-indigo-700 aria-[current]:shadow-sm dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-white dark:aria-[current]:bg-slate-800 dark:aria-[current]:text-indigo-300 ${cls.focus}`}
                  >
                    {t(section.title)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>

          <main class="min-w-0 space-y-12">
            {phase === 'loading' && (
              <div class="max-w-sm space-y-2" data-testid="page-loading">
                <ProgressBar label={t('options_pageLoading')} done={0} total={0} />
                <p class={`text-sm ${cls.muted}`} role="status">
                  {t('options_pageLoading')}
                </p>
              </div>
            )}
            {phase === 'error' && (
              <Notice tone="error">
                <p>{t('options_pageLoadFailed', { error: state.loadError.value ?? '' })}</p>
                <button type="button" class={`${cls.secondary} mt-2`} onClick={() => void state.reload()}>
                  {t('options_pageRetry')}
                </button>
              </Notice>
            )}
            {phase === 'ready' && (
              <>
                {state.loadError.value !== null && (
                  <Notice tone="warning">
                    <p>{t('options_pageRefreshFailed', { error: state.loadError.value })}</p>
                    <button type="button" class={`${cls.secondary} mt-2`} onClick={() => void state.reload()}>
                      {t('options_pageRetry')}
                    </button>
                  </Notice>
                )}
                <ConnectionsSection />
                <FieldMappingsSection />
                <HealthProfileSection />
                <StatusSection />
                <DataSection />
              </>
            )}
          </main>
        </div>
      </ThemeRoot>
    </OptionsContext.Provider>
  );
}
