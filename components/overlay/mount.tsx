import { render } from 'preact';
import type { PersonasLink, SimilarLink } from '../../components/panels';
import type { BackgroundReplies } from '../../lib/messages';
import type { Anchor, CrmAdapter } from './adapter';
import { readCollapsed, writeCollapsed } from './collapsed';
import { guard, logOnce } from './log';
import { OverlayPanel, type OverlayState } from './OverlayPanel';
import { detectTheme, watchTheme, type ThemeRules } from './theme';
import { waitForElement } from './wait-for';

/** A mounted host: the element to render into, and how to take it all out of the page. */
export interface PanelHost {
  container: HTMLElement;
  remove: () => void;
}

/**
 * Creates the `dealsight-panel` shadow host: inline at `anchor` (after it, before it, or as
 * its first or last child), or floating at the right edge when there is none. run.ts passes
 * WXT's `createShadowRootUi`; tests pass a plain shadow root.
 */
export type CreatePanelHost = (anchor: Anchor | null) => Promise<PanelHost>;

export interface RecordOverlayOptions {
  /** The CRM's pages: where the panel goes, its theme, its name in the copy. */
  adapter: Pick<CrmAdapter, 'crm' | 'place' | 'findAnchor' | 'claimPage' | 'isDark' | 'themeAttributes'>;
  doc: Document;
  url: string;
  /** The record's identity (router.ts `pageKey`): a Lightning page kept for another record is not its anchor. */
  recordKey?: string;
  signal: AbortSignal;
  createHost: CreatePanelHost;
  getPanel: (url: string) => Promise<BackgroundReplies['get-record-panel']>;
  storage: Storage | null;
  linkFor: SimilarLink;
  personasLinkFor?: ((connectionId: string, personaId: string) => PersonasLink) | null;
  onOpenOptions?: () => void;
  /** Calls `listener` whenever the store changed (a sync finished) until `signal` aborts. */
  onDataChanged?: (listener: () => void, signal: AbortSignal) => void;
  /** How long to wait for the record highlights before floating the panel. */
  anchorTimeoutMs?: number;
  locale?: string;
}

/**
 * The panel of one record page, from loading to teardown: asks the background while it
 * waits for the anchor, mounts one host, re-renders on the answer, the theme and the
 * collapse toggle, and removes the host when `signal` aborts (navigation, invalidation).
 * Never rejects: failures are logged and shown as the error state.
 */
export async function startRecordOverlay(options: RecordOverlayOptions): Promise<void> {
  const { doc, url, signal } = options;
  if (signal.aborted) return;

  let state: OverlayState = { kind: 'loading' };
  let collapsed = readCollapsed(options.storage);
  const { adapter } = options;
  const rules: ThemeRules = { isDark: adapter.isDark, attributes: adapter.themeAttributes };
  let theme = detectTheme(doc, rules);
  let host: PanelHost | null = null;
  let floating = false;
  let request = 0;

  const draw = (): void => {
    if (!host || signal.aborted) return;
    try {
      render(
        <OverlayPanel
          crm={adapter.crm}
          place={adapter.place}
          state={state}
          theme={theme}
          collapsed={collapsed}
          floating={floating}
          onToggle={() => {
            collapsed = !collapsed;
            writeCollapsed(options.storage, collapsed);
            draw();
          }}
          onRetry={() => load()}
          onOpenOptions={options.onOpenOptions}
          linkFor={options.linkFor}
          personasLinkFor={options.personasLinkFor}
          locale={options.locale}
        />,
        host.container,
      );
    } catch (error) {
      logOnce('render', error);
    }
  };

  /** Asks the background; `quiet` keeps the shown panel until the new answer replaces it (no skeleton flash). */
  function load(quiet = false): void {
    const id = ++request;
    if (!quiet || state.kind !== 'panel') {
      state = { kind: 'loading' };
      draw();
    }
    options.getPanel(url).then(
      (reply) => {
        if (id !== request || signal.aborted) return;
        state = reply.ok ? { kind: 'panel', panel: reply.panel } : { kind: 'failed', code: reply.code ?? null, message: reply.error };
        draw();
      },
      (error: unknown) => {
        if (id !== request || signal.aborted) return;
        logOnce('get-record-panel', error);
        state = { kind: 'failed', code: null, message: error instanceof Error ? error.message : String(error) };
        draw();
      },
    );
  }

  // Ask while the page renders: the answer is often back before the highlights are.
  load();
  options.onDataChanged?.(() => load(true), signal);
  const key = options.recordKey ?? url;
  let anchor: Anchor | null = null;
  await waitForElement(
    doc,
    () => {
      anchor = guard('record anchor', () => adapter.findAnchor(doc, key), null);
      return anchor?.element ?? null;
    },
    signal,
    options.anchorTimeoutMs ?? 8000,
  );
  if (signal.aborted) return;
  if (anchor) guard('claim page', () => adapter.claimPage?.(doc, key), undefined);
  floating = anchor === null;
  try {
    host = await options.createHost(anchor);
  } catch (error) {
    logOnce('mount', error);
    return;
  }
  const mounted = host;
  const teardown = (): void => {
    request++;
    try {
      render(null, mounted.container);
    } catch (error) {
      logOnce('unmount', error);
    }
    mounted.remove();
  };
  if (signal.aborted) {
    teardown();
    return;
  }
  signal.addEventListener('abort', teardown, { once: true });
  watchTheme(doc, rules, signal, (next) => {
    theme = next;
    draw();
  });
  draw();
}
