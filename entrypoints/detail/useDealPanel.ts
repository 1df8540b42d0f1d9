import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { PanelData } from '../../lib/panel-data';
import { affectsConnection, BackgroundReplyError, type DetailSource } from './source';

export type DetailStatus =
  | { kind: 'loading' }
  | { kind: 'ready'; panel: PanelData; refreshing: boolean }
  /** The background has no data or models for the connection yet. */
  | { kind: 'not-synced' }
  | { kind: 'error'; message: string };

/** Events come in bursts (a job's last progress, then data-changed): one reload for a burst. */
const RELOAD_DEBOUNCE_MS = 250;

function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return String(error);
}

/**
 * Loads a record's panel data from the background and reloads it when the background says
 * its connection changed. A reload keeps the current panels on screen until the answer
 * comes; only the latest request's answer is used.
 */
export function useDealPanel(source: DetailSource, connectionId: string, opportunityId: string): { status: DetailStatus; reload: () => void } {
  const [status, setStatus] = useState<DetailStatus>({ kind: 'loading' });
  const request = useRef(0);

  const load = useCallback(
    (quiet: boolean) => {
      const id = ++request.current;
      setStatus((previous) => (quiet && previous.kind === 'ready' ? { ...previous, refreshing: true } : { kind: 'loading' }));
      source.getPanel(connectionId, opportunityId).then(
        (panel) => {
          if (id === request.current) setStatus({ kind: 'ready', panel, refreshing: false });
        },
        (error: unknown) => {
          if (id !== request.current) return;
          setStatus(
            error instanceof BackgroundReplyError && error.code === 'not-synced' ? { kind: 'not-synced' } : { kind: 'error', message: messageOf(error) },
          );
        },
      );
    },
    [source, connectionId, opportunityId],
  );

  useEffect(() => {
    load(false);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = source.subscribe((event) => {
      if (!affectsConnection(event, connectionId)) return;
      clearTimeout(timer);
      timer = setTimeout(() => load(true), RELOAD_DEBOUNCE_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
      request.current++;
    };
  }, [source, connectionId, load]);

  const reload = useCallback(() => load(false), [load]);
  return { status, reload };
}
