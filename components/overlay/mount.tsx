import { render } from 'preact';
import type { PersonasLink, SimilarLink } from '../../components/panels';
import type { BackgroundReplies } from '../../lib/messages';
import type { AccountDeal } from '../../lib/pipeline/account-rollup';
import type { Anchor, CrmAdapter } from './adapter';
import { readCollapsed, writeCollapsed } from './collapsed';
import { guard, logOnce } from './log';
import { OverlayPanel, type OverlayState } from './OverlayPanel';
import { isShown, pageStructure } from './structure';
import { detectTheme, watchTheme, type ThemeRules } from './theme';
import { waitForElement } from './wait-for';

/** A mounted host: the host element in the page, the element to render into, and how to take it all out. */
export interface PanelHost {
  /** The `dealsight-panel` element itself (its place in the page is checked as the page changes). */
  element: HTMLElement;
  container: HTMLElement;
  remove: () => void;
}

/**
 * Creates the `dealsight-panel` shadow host: inline at `anchor` (after it, before it, or as
 * its first or last child), or at the end of the document when there is none (the panel
 * inside then floats at the viewport's right edge). run.ts passes WXT's
 * `createShadowRootUi` with a closed root; tests pass a closed root of their own.
 */
export type CreatePanelHost = (anchor: Anchor | null) => Promise<PanelHost>;

export interface RecordOverlayOptions {
  /** The CRM's pages: where the panel goes, its theme, its name in the copy, what "Copy page structure" reads. */
  adapter: Pick<CrmAdapter, 'crm' | 'place' | 'pageKey' | 'findAnchor' | 'claimPage' | 'isDark' | 'themeAttributes' | 'visiblePage' | 'structureProbes'>;
  doc: Document;
  url: string;
  /** The record's identity (router.ts `pageKey`): a page kept for another record is not its anchor. */
  recordKey?: string;
  signal: AbortSignal;
  createHost: CreatePanelHost;
  /** The background's answer for the page: a record's panels (`get-record-panel`) or an account's (`get-account-panel`). */
  getPanel: (url: string) => Promise<BackgroundReplies['get-record-panel'] | BackgroundReplies['get-account-panel']>;
  /** Where an account panel's open opportunity links (its CRM record), or null for plain text. */
  accountDealLink?: (deal: AccountDeal) => string | null;
  /** Where an opportunity panel's account opens in the CRM, or null for no link. */
  accountLinkFor?: (accountId: string) => string | null;
  storage: Storage | null;
  linkFor: SimilarLink;
  personasLinkFor?: ((connectionId: string, personaId: string) => PersonasLink) | null;
  onOpenOptions?: () => void;
  /** Calls `listener` whenever the store changed (a sync finished) until `signal` aborts. */
  onDataChanged?: (listener: () => void, signal: AbortSignal) => void;
  /** Puts text on the clipboard ("Copy page structure"); rejects when the page may not. */
  copyText?: (text: string) => Promise<void>;
  /** How long to wait for the record header before floating the panel. */
  anchorTimeoutMs?: number;
  /** How long the page must stay still before the panel's place is checked again. */
  settleMs?: number;
  locale?: string;
}

/**
 * The panel of one record page (an opportunity's panels, or an account's), from loading to teardown: asks the background while it
 * waits for the anchor, mounts one host (inline at the anchor, or floating at the right
 * edge when the page has none), keeps it where the user sees it as the page changes (the
 * app re-renders the header, or hides the page the panel is in), re-renders on the answer,
 * the theme and the collapse toggle, and removes the host when `signal` aborts
 * (navigation, invalidation). Never rejects: failures are logged and shown as the error state.
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
  let placed: Anchor | null = null;
  let request = 0;
  const key = options.recordKey ?? url;

  const copyStructure = async (): Promise<{ copied: boolean; text: string }> => {
    const text = guard(
      'page structure',
      () => pageStructure({ doc, url, crm: adapter.crm, probes: adapter.structureProbes, visiblePage: adapter.visiblePage(doc) }),
      '',
    );
    try {
      if (!options.copyText) return { copied: false, text };
      await options.copyText(text);
      return { copied: true, text };
    } catch {
      return { copied: false, text };
    }
  };

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
          floating={placed === null}
          onCopyStructure={copyStructure}
          onToggle={() => {
            collapsed = !collapsed;
            writeCollapsed(options.storage, collapsed);
            draw();
          }}
          onRetry={() => load()}
          onOpenOptions={options.onOpenOptions}
          linkFor={options.linkFor}
          accountDealLink={options.accountDealLink}
          accountLinkFor={options.accountLinkFor}
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
    if (!quiet || (state.kind !== 'panel' && state.kind !== 'account')) {
      state = { kind: 'loading' };
      draw();
    }
    options.getPanel(url).then(
      (reply) => {
        if (id !== request || signal.aborted) return;
        state = !reply.ok
          ? { kind: 'failed', code: reply.code ?? null, message: reply.error }
          : 'account' in reply
            ? { kind: 'account', account: reply.account }
            : { kind: 'panel', panel: reply.panel };
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

  const findAnchor = (): Anchor | null => guard('record anchor', () => adapter.findAnchor(doc, key), null);

  /** Takes the current host out of the page. */
  const unmount = (): void => {
    const mounted = host;
    host = null;
    if (!mounted) return;
    try {
      render(null, mounted.container);
    } catch (error) {
      logOnce('unmount', error);
    }
    guard('remove host', () => mounted.remove(), undefined);
  };

  /** Mounts the one host at `anchor` (null: floating), replacing the current one. Serialized: one move at a time. */
  let moving: Promise<void> = Promise.resolve();
  const moveTo = (anchor: Anchor | null): Promise<void> =>
    (moving = moving.then(async () => {
      if (signal.aborted) return;
      let next: PanelHost;
      try {
        next = await options.createHost(anchor);
      } catch (error) {
        logOnce('mount', error);
        return;
      }
      if (signal.aborted) {
        guard('remove host', () => next.remove(), undefined);
        return;
      }
      unmount();
      host = next;
      placed = anchor;
      if (anchor) guard('claim page', () => adapter.claimPage?.(doc, key), undefined);
      draw();
    }));

  /**
   * Where the panel should be now: the anchor the page shows (if it moved, or our host was
   * taken out or hidden with the page it was in), floating when the page has none and ours
   * is no longer seen; left alone otherwise (an app re-rendering its header for a moment).
   */
  const relocate = (): void => {
    if (signal.aborted || !host) return;
    // The tab already shows another page (the router notices on its next look): leave this
    // panel where it is until the router takes it away, rather than float it for a moment.
    if (guard('page key', () => adapter.pageKey(doc.location?.href ?? url), key) !== key) return;
    const desired = findAnchor();
    const seen = isShown(host.element);
    if (desired) {
      if (!placed || desired.element !== placed.element || desired.place !== placed.place || !host.element.isConnected) void moveTo(desired);
    } else if (placed && !seen) {
      void moveTo(null);
    } else if (!host.element.isConnected) {
      void moveTo(placed);
    }
  };

  // Ask while the page renders: the answer is often back before the header is.
  load();
  options.onDataChanged?.(() => load(true), signal);
  let first: Anchor | null = null;
  await waitForElement(
    doc,
    () => {
      first = findAnchor();
      return first?.element ?? null;
    },
    signal,
    options.anchorTimeoutMs ?? 8000,
  );
  if (signal.aborted) return;
  await moveTo(first);
  if (signal.aborted || !host) {
    unmount();
    return;
  }
  signal.addEventListener('abort', unmount, { once: true });
  watchTheme(doc, rules, signal, (next) => {
    theme = next;
    draw();
  });
  // Keep the panel where the user sees it: after the page settles from each change.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver((records) => {
    // Our own host going in or out is a change too: ignore batches made only of it.
    const theirs = records.some(
      (r) =>
        r.type === 'attributes' ||
        [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)].some((n) => !(n instanceof Element && n.tagName.toLowerCase().startsWith('dealsight-'))),
    );
    if (!theirs) return;
    clearTimeout(timer);
    timer = setTimeout(relocate, options.settleMs ?? 150);
  });
  observer.observe(doc.body ?? doc.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['class', 'hidden', 'aria-expanded', 'aria-hidden'],
  });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(timer);
    },
    { once: true },
  );
}
