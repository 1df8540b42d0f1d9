/**
 * The personas page's container: loads the store's personas through a `PersonasSource`,
 * keeps the page's state (connection, level, tab, persona) in the address so a reload or a
 * link from a panel lands on the same view, and reloads when the background says a job
 * finished or the data changed.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { PersonasPhase, PersonasTab } from '../../components/personas/PersonasPage';
import { PersonasPage } from '../../components/personas/PersonasPage';
import type { Level } from '../../components/personas/model';
import { tpe } from '../../components/personas/i18n';
import type { PersonaRecord } from '../../lib/store/schema';
import { personasSearch, type PersonasParams } from './params';
import { describeError, type PersonasSource } from './source';

/** A burst of events (a job's last progress, then done, then data-changed) reloads once. */
const RELOAD_DELAY_MS = 250;

export interface AppProps {
  source: PersonasSource;
  initial: PersonasParams;
  /** Writes the page state into the address (tests leave it out). */
  onStateChange?: (search: string) => void;
}

/** The level a persona belongs to, when the address names a persona but not its level. */
function levelOfPersona(records: readonly PersonaRecord[], personaId: string | null): Level | null {
  const record = personaId ? records.find((r) => r.id === personaId) : undefined;
  if (!record) return null;
  return record.level === 'team' && record.team ? { level: 'team', team: record.team } : { level: 'org' };
}

export function App({ source, initial, onStateChange }: AppProps) {
  const [phase, setPhase] = useState<PersonasPhase>({ kind: 'loading' });
  const [level, setLevel] = useState<Level>(initial.level);
  const [tab, setTab] = useState<PersonasTab>(initial.tab);
  const [selected, setSelected] = useState<string | null>(initial.personaId);
  const connectionRef = useRef<string | null>(initial.connectionId);
  const levelFixed = useRef(initial.level.level === 'team');

  const load = useCallback(
    async (connectionId: string | null, quiet = false): Promise<void> => {
      if (quiet) setPhase((p) => (p.kind === 'ready' ? { ...p, refreshing: true } : p));
      else setPhase({ kind: 'loading' });
      try {
        const preferred = connectionId ?? (await source.preferredConnection().catch(() => null));
        const data = await source.load(preferred);
        connectionRef.current = data.connection?.id ?? null;
        if (!levelFixed.current) {
          const own = levelOfPersona(data.personas, initial.personaId);
          if (own) setLevel(own);
          levelFixed.current = true;
        }
        setPhase({ kind: 'ready', data, refreshing: false });
      } catch (error) {
        setPhase({ kind: 'error', message: describeError(error) });
      }
    },
    [source, initial.personaId],
  );

  useEffect(() => {
    void load(initial.connectionId);
  }, [load, initial.connectionId]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = source.subscribe((event) => {
      const mine = (id: string | null): boolean => id === null || connectionRef.current === null || id === connectionRef.current;
      const relevant =
        event.type === 'data-changed'
          ? mine(event.connectionId)
          : event.job.status === 'done' || event.job.status === 'failed' || event.job.status === 'cancelled' || connectionRef.current === null;
      if (event.type === 'job')
        setPhase((p) => (p.kind === 'ready' ? { ...p, data: { ...p.data, jobs: [event.job, ...p.data.jobs.filter((j) => j.id !== event.job.id)] } } : p));
      if (!relevant) return;
      clearTimeout(timer);
      timer = setTimeout(() => void load(connectionRef.current, true), RELOAD_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [source, load]);

  const connectionId = phase.kind === 'ready' ? (phase.data.connection?.id ?? null) : connectionRef.current;
  useEffect(() => {
    onStateChange?.(personasSearch({ connectionId, level, tab, personaId: tab === 'details' ? selected : null }));
  }, [onStateChange, connectionId, level, tab, selected]);

  useEffect(() => {
    document.title = tpe('personas_pageTitle');
  }, []);

  return (
    <PersonasPage
      phase={phase}
      level={level}
      onLevelChange={(next) => {
        setLevel(next);
        setSelected(null);
      }}
      tab={tab}
      onTabChange={setTab}
      selected={selected}
      onSelect={(id, nextTab) => {
        setSelected(id);
        if (nextTab) {
          setTab(nextTab);
          if (typeof window !== 'undefined') window.scrollTo?.({ top: 0 });
        }
      }}
      onConnectionChange={(id) => {
        setSelected(null);
        setLevel({ level: 'org' });
        void load(id);
      }}
      onRetry={() => void load(connectionRef.current)}
      onOpenOptions={() => void source.openOptions().catch(() => undefined)}
      leads={{ openTab: source.openTab, copyText: source.copyText }}
      detailPage={source.detailPage}
      optionsHref={source.optionsPage}
    />
  );
}
