// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chipTexts, clipsLongText, hasRoomForHealth, startListChips } from '../../components/overlay/list-chips';
import { recordUrl as crmRecordUrl } from '../../entrypoints/salesforce.content/links';
import { startRecordOverlay, type CreatePanelHost } from '../../components/overlay/mount';
import { COLLAPSED_KEY } from '../../components/overlay/collapsed';
import { createRouter } from '../../components/overlay/router';
import { pageKey, salesforceAdapter } from '../../entrypoints/salesforce.content/adapter';

const adapter = salesforceAdapter({ localhost: true });
import type { BackgroundReplies, RecordChip } from '../../lib/messages';
import { workedPanel } from '../components/panels-fixtures';
import { consoleStage, focusConsoleTab, headerName, highlights, LIST_URL, listRows, OPP_A, OPP_B, recordUrl, setHtml, stage, tick } from './salesforce-fixture';
import { recordShadowRoots, rootOf } from './shadow-roots';

recordShadowRoots();

/** A `dealsight-panel` host with a closed shadow root, as run.ts asks of createShadowRootUi (without its CSS fetch). */
const createHost: CreatePanelHost = async (anchor) => {
  const host = document.createElement('dealsight-panel');
  const shadow = host.attachShadow({ mode: 'closed' });
  const container = document.createElement('div');
  shadow.append(container);
  if (anchor) anchor.element.after(host);
  else document.body.append(host);
  return { element: host, container, remove: () => host.remove() };
};

const hosts = () => Array.from(document.querySelectorAll('dealsight-panel'));
const stateOf = (host: Element) => rootOf(host)?.querySelector('[data-overlay-state]')?.getAttribute('data-overlay-state');

function overlay(url: string, signal: AbortSignal, getPanel: (url: string) => Promise<BackgroundReplies['get-record-panel']>) {
  return startRecordOverlay({
    adapter,
    doc: document,
    url,
    signal,
    createHost,
    getPanel,
    storage: localStorage,
    linkFor: (d) => crmRecordUrl('http://localhost:4100', d.id),
    anchorTimeoutMs: 30,
    locale: 'en-US',
  });
}

afterEach(() => {
  document.body.replaceChildren();
  localStorage.clear();
});

describe('record overlay lifecycle', () => {
  it('mounts one host after the active page’s highlights, loading then the panels', async () => {
    stage(document, [highlights('Old'), highlights('New')]);
    let answer!: (r: BackgroundReplies['get-record-panel']) => void;
    const c = new AbortController();
    await overlay(recordUrl(OPP_A), c.signal, () => new Promise((r) => (answer = r)));
    expect(hosts()).toHaveLength(1);
    expect(headerName(hosts()[0]!.previousElementSibling)).toBe('New');
    expect(stateOf(hosts()[0]!)).toBe('loading');
    answer({ ok: true, panel: workedPanel() });
    await tick(0);
    expect(stateOf(hosts()[0]!)).toBe('ready');
    c.abort();
    expect(hosts()).toHaveLength(0);
  });

  it('floats at the edge when no anchor appears, and shows the not-connected state', async () => {
    stage(document, ['<p>no highlights</p>']);
    const c = new AbortController();
    await overlay(recordUrl(OPP_A), c.signal, async () => ({ ok: false, error: 'Not connected', code: 'not-connected' }));
    await tick(0);
    expect(hosts()).toHaveLength(1);
    expect(hosts()[0]!.parentElement).toBe(document.body);
    expect(stateOf(hosts()[0]!)).toBe('not-connected');
    c.abort();
  });

  it('mounts nothing when aborted while waiting for the anchor', async () => {
    stage(document, ['<p>loading</p>']);
    const c = new AbortController();
    const p = overlay(recordUrl(OPP_A), c.signal, async () => ({ ok: true, panel: workedPanel() }));
    c.abort();
    await p;
    expect(hosts()).toHaveLength(0);
  });

  it('remembers collapsed in the CRM origin’s localStorage', async () => {
    stage(document, [highlights('Deal')]);
    const c = new AbortController();
    await overlay(recordUrl(OPP_A), c.signal, async () => ({ ok: true, panel: workedPanel() }));
    const toggle = rootOf(hosts()[0]!)!.querySelector<HTMLButtonElement>('[data-action="toggle"]')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    toggle.click();
    await tick(0);
    expect(localStorage.getItem(COLLAPSED_KEY)).toBe('1');
    expect(rootOf(hosts()[0]!)!.querySelector('[data-overlay-body]')).toBeNull();
    c.abort();
    const c2 = new AbortController();
    await overlay(recordUrl(OPP_B), c2.signal, async () => ({ ok: true, panel: workedPanel() }));
    expect(rootOf(hosts()[0]!)!.querySelector('[data-action="toggle"]')!.getAttribute('aria-expanded')).toBe('false');
    c2.abort();
  });

  it('asks again when the store changed, keeping the shown panel until the new one arrives; stops listening on abort', async () => {
    stage(document, [highlights('Deal')]);
    const listeners = new Set<() => void>();
    const onDataChanged = (listener: () => void, signal: AbortSignal) => {
      listeners.add(listener);
      signal.addEventListener('abort', () => listeners.delete(listener));
    };
    const answers: Array<(r: BackgroundReplies['get-record-panel']) => void> = [];
    const getPanel = vi.fn(() => new Promise<BackgroundReplies['get-record-panel']>((r) => answers.push(r)));
    const c = new AbortController();
    await startRecordOverlay({
      adapter,
      doc: document,
      url: recordUrl(OPP_A),
      signal: c.signal,
      createHost,
      getPanel,
      storage: null,
      linkFor: () => null,
      anchorTimeoutMs: 30,
      onDataChanged,
      locale: 'en-US',
    });
    answers[0]!({ ok: true, panel: workedPanel() });
    await tick(0);
    expect(stateOf(hosts()[0]!)).toBe('ready');
    const before = rootOf(hosts()[0]!)!.textContent ?? '';
    expect(before).toContain('42%');
    expect(before).not.toContain('99%');

    for (const listener of listeners) listener();
    expect(getPanel).toHaveBeenCalledTimes(2);
    // No skeleton while the new answer is on its way.
    expect(stateOf(hosts()[0]!)).toBe('ready');
    const panel = workedPanel();
    answers[1]!({ ok: true, panel: { ...panel, win: { ...(panel.win as NonNullable<typeof panel.win>), probability: 0.9912 } } });
    await tick(0);
    expect(hosts()).toHaveLength(1);
    expect(rootOf(hosts()[0]!)!.textContent).toContain('99%');
    c.abort();
    expect(listeners.size).toBe(0);
  });

  it('links similar deals to their Lightning record pages on the same origin', () => {
    expect(crmRecordUrl('https://acme.lightning.force.com', OPP_A)).toBe(`https://acme.lightning.force.com/lightning/r/Opportunity/${OPP_A}/view`);
    expect(crmRecordUrl('https://acme.lightning.force.com', 'csv-row-12')).toBeNull();
  });

  it("links the opportunity's account to its Account page, above the panels, and nothing for a placeholder record", async () => {
    expect(adapter.accountUrl('https://acme.lightning.force.com', '0015g00000XyZabAAF')).toBe(
      'https://acme.lightning.force.com/lightning/r/Account/0015g00000XyZabAAF/view',
    );
    expect(adapter.accountUrl('https://acme.lightning.force.com', 'northwind health')).toBeNull();
    stage(document, [highlights('Deal')]);
    const c = new AbortController();
    await startRecordOverlay({
      adapter,
      doc: document,
      url: recordUrl(OPP_A),
      signal: c.signal,
      createHost,
      getPanel: async () => ({ ok: true, panel: workedPanel() }),
      storage: localStorage,
      linkFor: () => null,
      accountLinkFor: (id) => `https://acme.lightning.force.com/lightning/r/Account/${id}/view`,
      anchorTimeoutMs: 30,
      locale: 'en-US',
    });
    await tick(0);
    const link = rootOf(hosts()[0]!)!.querySelector('a[data-action="open-account"]');
    // workedPanel's opportunity is of account acc-1, Northwind Health.
    expect(link?.getAttribute('href')).toBe('https://acme.lightning.force.com/lightning/r/Account/acc-1/view');
    expect(link?.textContent).toBe('Account: Northwind Health');
    expect(rootOf(hosts()[0]!)!.querySelector('[data-overlay-body]')?.firstElementChild).toBe(link);
    c.abort();
    document.body.replaceChildren();
    const c2 = new AbortController();
    stage(document, [highlights('Deal')]);
    const placeholder = workedPanel();
    await startRecordOverlay({
      adapter,
      doc: document,
      url: recordUrl(OPP_A),
      signal: c2.signal,
      createHost,
      getPanel: async () => ({ ok: true, panel: { ...placeholder, state: { kind: 'not-found', opportunityId: OPP_A } } }),
      storage: localStorage,
      linkFor: () => null,
      accountLinkFor: (id) => `https://acme.lightning.force.com/lightning/r/Account/${id}/view`,
      anchorTimeoutMs: 30,
      locale: 'en-US',
    });
    await tick(0);
    expect(stateOf(hosts()[0]!)).toBe('not-found');
    expect(rootOf(hosts()[0]!)!.querySelector('a[data-action="open-account"]')).toBeNull();
    c2.abort();
  });
});

describe('router: one instance per record', () => {
  it('keys pages by record, Account pages by account; other objects and other pages get nothing', () => {
    expect(pageKey(recordUrl(OPP_A), true)).toBe(`record:${OPP_A}`);
    expect(pageKey(recordUrl(OPP_A.slice(0, 15)), true)).toBe(`record:${OPP_A}`);
    expect(pageKey('http://localhost:4100/lightning/r/Account/0015g00000XyZabAAF/view', true)).toBe('account:0015g00000XyZabAAF');
    expect(pageKey('http://localhost:4100/lightning/r/Account/0015g00000XyZab/view?ws=%2Flightning%2Fr%2FAccount%2F0015g00000XyZabAAF%2Fview', true)).toBe(
      'account:0015g00000XyZabAAF',
    );
    // Classic's account page (/001…, the record path Classic uses for every object: crm-evidence.md "Classic").
    expect(pageKey('http://localhost:4100/0015g00000XyZab', true)).toBe('account:0015g00000XyZabAAF');
    expect(pageKey('http://localhost:4100/lightning/r/Contact/0035g00000AbCdEAAV/view', true)).toBeNull();
    expect(pageKey(LIST_URL, true)).toBe('list:Opportunity');
    expect(pageKey('http://localhost:4100/lightning/page/home', true)).toBeNull();
    expect(pageKey(recordUrl(OPP_A), false)).toBeNull();
  });

  it('replaces on another record, keeps on the same one, tears down on leaving and on invalidation', async () => {
    const ctx = new AbortController();
    const started: string[] = [];
    const signals: AbortSignal[] = [];
    const record = vi.fn((url: string, signal: AbortSignal) => {
      started.push(url);
      signals.push(signal);
    });
    const account = vi.fn();
    const router = createRouter({ record, account, list: vi.fn() }, { pageKey: adapter.pageKey, signal: ctx.signal });
    router.route(recordUrl(OPP_A));
    router.route(`${recordUrl(OPP_A)}?tab=related`);
    expect(record).toHaveBeenCalledTimes(1);
    router.route(recordUrl(OPP_B));
    expect(record).toHaveBeenCalledTimes(2);
    expect(signals[0]!.aborted).toBe(true);
    expect(signals[1]!.aborted).toBe(false);
    router.route('http://localhost:4100/lightning/page/home');
    expect(signals[1]!.aborted).toBe(true);
    router.route(recordUrl(OPP_A));
    // An Account page is the account panel's, not the opportunity panel's.
    router.route('http://localhost:4100/lightning/r/Account/0015g00000XyZabAAF/view');
    expect(signals[2]!.aborted).toBe(true);
    expect(account).toHaveBeenCalledTimes(1);
    expect(account.mock.calls[0]![2]).toBe('account:0015g00000XyZabAAF');
    expect(record).toHaveBeenCalledTimes(3);
    router.route(recordUrl(OPP_A));
    ctx.abort();
    expect(signals[3]!.aborted).toBe(true);
  });

  it('leaves exactly one panel in the DOM across SPA navigations', async () => {
    const ctx = new AbortController();
    const pending: Promise<void>[] = [];
    const router = createRouter(
      { record: (url, signal) => void pending.push(overlay(url, signal, async () => ({ ok: true, panel: workedPanel() }))), account: () => {}, list: () => {} },
      { pageKey: adapter.pageKey, signal: ctx.signal },
    );
    stage(document, [highlights('A')]);
    router.route(recordUrl(OPP_A));
    stage(document, [highlights('A'), highlights('B')]);
    router.route(recordUrl(OPP_B));
    await Promise.all(pending);
    await tick(0);
    expect(hosts()).toHaveLength(1);
    expect(headerName(hosts()[0]!.previousElementSibling)).toBe('B');
    ctx.abort();
    expect(hosts()).toHaveLength(0);
  });
});

describe('stale pages', () => {
  it('does not mount the new record’s panel on the previous record’s page while Lightning swaps pages', async () => {
    const root = stage(document, [highlights('A')]);
    const a = new AbortController();
    await startRecordOverlay({
      adapter,
      doc: document,
      url: recordUrl(OPP_A),
      recordKey: `record:${OPP_A}`,
      signal: a.signal,
      createHost,
      getPanel: async () => ({ ok: true, panel: workedPanel() }),
      storage: null,
      linkFor: () => null,
      anchorTimeoutMs: 2000,
    });
    a.abort();
    // The URL is B's, the page on screen still A's.
    const b = new AbortController();
    const started = startRecordOverlay({
      adapter,
      doc: document,
      url: recordUrl(OPP_B),
      recordKey: `record:${OPP_B}`,
      signal: b.signal,
      createHost,
      getPanel: async () => ({ ok: true, panel: workedPanel() }),
      storage: null,
      linkFor: () => null,
      anchorTimeoutMs: 2000,
    });
    await tick(10);
    expect(hosts()).toHaveLength(0);
    const old = root.querySelector('.oneContent.active')!;
    old.classList.remove('active');
    (old as HTMLElement).hidden = true;
    const page = document.createElement('div');
    page.className = 'windowViewMode-normal oneContent lafPageHost active';
    setHtml(page, highlights('B'));
    root.append(page);
    await started;
    expect(hosts()).toHaveLength(1);
    expect(headerName(hosts()[0]!.previousElementSibling)).toBe('B');
    b.abort();
  });
});

describe('the URL changes before the page, and the router notices it later', () => {
  afterEach(() => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('http://localhost:3000/'));

  it("keeps the record the user left out of the next record's page, which then gets its own panel in place", async () => {
    const setUrl = (url: string) => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
    setUrl(recordUrl(OPP_A));
    const root = stage(document, [highlights('A')]);
    const start = (id: string, signal: AbortSignal) =>
      startRecordOverlay({
        adapter,
        doc: document,
        url: recordUrl(id),
        recordKey: `record:${id}`,
        signal,
        createHost,
        getPanel: async () => ({ ok: true, panel: workedPanel() }),
        storage: null,
        linkFor: () => null,
        anchorTimeoutMs: 2000,
        settleMs: 5,
      });
    const a = new AbortController();
    await start(OPP_A, a.signal);
    expect(headerName(hosts()[0]!.previousElementSibling)).toBe('A');
    // The app pushes B's URL and swaps B's page in; A's panel is still running (no poll yet).
    history.pushState({}, '', recordUrl(OPP_B));
    const old = root.querySelector('.oneContent.active')!;
    old.classList.remove('active');
    const page = document.createElement('div');
    page.className = 'windowViewMode-normal oneContent lafPageHost active';
    setHtml(page, highlights('B'));
    root.append(page);
    await tick(30);
    expect(page.querySelector('dealsight-panel')).toBeNull();
    // The router notices: A goes, B mounts in its own page.
    a.abort();
    const b = new AbortController();
    await start(OPP_B, b.signal);
    expect(hosts()).toHaveLength(1);
    expect(headerName(hosts()[0]!.previousElementSibling)).toBe('B');
    expect(hosts()[0]!.closest('.oneContent')).toBe(page);
    b.abort();
  });
});

describe('console apps', () => {
  const start = (id: string, signal: AbortSignal) =>
    startRecordOverlay({
      adapter,
      doc: document,
      url: recordUrl(id),
      recordKey: `record:${id}`,
      signal,
      createHost,
      getPanel: async () => ({ ok: true, panel: workedPanel() }),
      storage: null,
      linkFor: () => null,
      anchorTimeoutMs: 2000,
    });
  const tabOf = (host: Element) => Array.from(document.querySelectorAll('.split-right > section')).indexOf(host.closest('.split-right > section') as Element);

  it('mounts in the active tab only, and follows the user to another tab (the URL changes first)', async () => {
    consoleStage(document, [highlights('A'), highlights('B')], 1);
    const b = new AbortController();
    await start(OPP_B, b.signal);
    expect(hosts()).toHaveLength(1);
    expect(headerName(hosts()[0]!.previousElementSibling)).toBe('B');
    expect(tabOf(hosts()[0]!)).toBe(1);
    // The user picks tab A: the console pushes A's URL, then shows A's section.
    b.abort();
    const a = new AbortController();
    const started = start(OPP_A, a.signal);
    await tick(10);
    expect(hosts()).toHaveLength(0);
    focusConsoleTab(document, 0);
    await started;
    expect(hosts()).toHaveLength(1);
    expect(headerName(hosts()[0]!.previousElementSibling)).toBe('A');
    expect(tabOf(hosts()[0]!)).toBe(0);
    a.abort();
    expect(hosts()).toHaveLength(0);
  });

  it("does not take an Account page's header for the opportunity's while the app swaps pages", async () => {
    const root = stage(document, [highlights('Acme Corp', 'lwc', 'Account')]);
    const c = new AbortController();
    const started = start(OPP_A, c.signal);
    await tick(10);
    expect(hosts()).toHaveLength(0);
    const old = root.querySelector('.oneContent.active')!;
    old.classList.remove('active');
    const page = document.createElement('div');
    page.className = 'windowViewMode-normal oneContent lafPageHost active';
    setHtml(page, highlights('Deal A'));
    root.append(page);
    await started;
    expect(hosts()).toHaveLength(1);
    expect(headerName(hosts()[0]!.previousElementSibling)).toBe('Deal A');
    c.abort();
  });

  it("anchors an account's panel after the Account page's highlights, never after an opportunity's still on screen", async () => {
    const root = stage(document, [highlights('Deal A')]);
    const c = new AbortController();
    const started = startRecordOverlay({
      adapter,
      doc: document,
      url: 'http://localhost:4100/lightning/r/Account/0015g00000XyZabAAF/view',
      recordKey: 'account:0015g00000XyZabAAF',
      signal: c.signal,
      createHost,
      storage: null,
      anchorTimeoutMs: 2000,
      getPanel: async () => ({ ok: false, error: 'none' }),
      linkFor: () => null,
    });
    await tick(10);
    expect(hosts()).toHaveLength(0);
    const old = root.querySelector('.oneContent.active')!;
    old.classList.remove('active');
    const page = document.createElement('div');
    page.className = 'windowViewMode-normal oneContent lafPageHost active';
    setHtml(page, highlights('Acme Corp', 'lwc', 'Account'));
    root.append(page);
    await started;
    expect(hosts()).toHaveLength(1);
    expect(headerName(hosts()[0]!.previousElementSibling)).toBe('Acme Corp');
    c.abort();
  });
});

describe('list chips', () => {
  const score = (win: number | null, rbp: number | null): RecordChip => ({ winPotential: win, repeatBuyerPotential: rbp });

  it('says Win % and RBP, clamped and rounded', () => {
    expect(chipTexts(score(0.624, 71.4)).map((t) => t.text)).toEqual(['Win 62%', 'RBP 71']);
    expect(chipTexts(score(null, 120)).map((t) => t.text)).toEqual(['RBP 100']);
    expect(chipTexts(score(null, null))).toEqual([]);
  });

  it('says the health too where the row has room, in a rep’s words', () => {
    const chip: RecordChip = { winPotential: 0.624, repeatBuyerPotential: 71.4, health: 'needs-attention' };
    expect(chipTexts(chip)).toEqual([
      { kind: 'win', text: 'Win 62%', label: 'Win Potential 62%' },
      { kind: 'rbp', text: 'RBP 71', label: 'Repeat Buyer Potential 71 of 100' },
      { kind: 'health', health: 'needs-attention', text: 'Attention', label: 'Health: needs attention' },
    ]);
    expect(chipTexts({ ...chip, health: 'at-risk' }).at(-1)?.text).toBe('At risk');
    expect(chipTexts({ ...chip, health: 'on-track' }).at(-1)?.text).toBe('On track');
    // No room, or no health: Win Potential and RBP only.
    expect(chipTexts(chip, false).map((t) => t.kind)).toEqual(['win', 'rbp']);
    expect(chipTexts({ ...chip, health: null }).map((t) => t.kind)).toEqual(['win', 'rbp']);
  });

  it('inserts chips after record links in one batch, re-applies on new rows, removes on abort', async () => {
    const root = stage(document, [listRows([OPP_A])]);
    const getScores = vi.fn(async (_url: string, ids: string[]) => Object.fromEntries(ids.map((id) => [id, score(0.5, 40)])));
    const c = new AbortController();
    startListChips({ adapter, doc: document, url: LIST_URL, signal: c.signal, getScores, debounceMs: 5 });
    await tick(0);
    expect(getScores).toHaveBeenCalledWith(LIST_URL, [OPP_A]);
    const chip = document.querySelector('dealsight-chip')!;
    expect(chip.previousElementSibling?.getAttribute('href')).toBe(`/lightning/r/${OPP_A}/view`);
    // The chip's root is closed: the page's scripts cannot read the scores through it.
    expect(chip.shadowRoot).toBeNull();
    expect(Array.from(rootOf(chip)!.querySelectorAll('span'), (s) => s.textContent)).toEqual(['Win 50%', 'RBP 40']);

    // Rows added (scrolling loads more): one more batch, for the new id only.
    const tbody = root.querySelector('tbody')!;
    const more = document.createElement('div');
    setHtml(more, listRows([OPP_B]));
    tbody.append(more.querySelector('tr')!);
    await tick(30);
    expect(getScores).toHaveBeenCalledTimes(2);
    expect(getScores).toHaveBeenLastCalledWith(LIST_URL, [OPP_B]);
    expect(document.querySelectorAll('dealsight-chip')).toHaveLength(2);

    c.abort();
    expect(document.querySelectorAll('dealsight-chip')).toHaveLength(0);
  });

  it('replaces every chip with the new scores when the store changed', async () => {
    stage(document, [listRows([OPP_A, OPP_B])]);
    let win = 0.5;
    const getScores = vi.fn(async (_url: string, ids: string[]) => Object.fromEntries(ids.map((id) => [id, score(win, 40)])));
    let changed: (() => void) | null = null;
    const c = new AbortController();
    startListChips({ adapter, doc: document, url: LIST_URL, signal: c.signal, getScores, debounceMs: 5, onDataChanged: (listener) => (changed = listener) });
    await tick(0);
    const texts = () => Array.from(document.querySelectorAll('dealsight-chip'), (chip) => rootOf(chip)!.querySelector('span')!.textContent);
    expect(texts()).toEqual(['Win 50%', 'Win 50%']);
    win = 0.73;
    (changed as unknown as () => void)();
    await tick(30);
    expect(getScores).toHaveBeenLastCalledWith(LIST_URL, [OPP_A, OPP_B]);
    expect(texts()).toEqual(['Win 73%', 'Win 73%']);
    c.abort();
    expect(document.querySelectorAll('dealsight-chip')).toHaveLength(0);
  });

  it('puts the chip before a name its cell cuts off with an ellipsis, after it elsewhere', async () => {
    const root = stage(document, [listRows([OPP_A, OPP_B])]);
    // The first row's name cell truncates, like Lightning's `slds-truncate`.
    const cell = root.querySelector(`a[href="/lightning/r/${OPP_A}/view"]`)?.parentElement as HTMLElement;
    Object.assign(cell.style, { overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' });
    expect(clipsLongText(cell.querySelector('a') as Element)).toBe(true);
    expect(clipsLongText(root.querySelector(`a[href="/lightning/r/${OPP_B}/view"]`) as Element)).toBe(false);
    const getScores = vi.fn(async (_url: string, ids: string[]) =>
      Object.fromEntries(ids.map((id) => [id, { ...score(0.5, 40), health: 'at-risk' as const }])),
    );
    let changed: (() => void) | null = null;
    const c = new AbortController();
    startListChips({ adapter, doc: document, url: LIST_URL, signal: c.signal, getScores, debounceMs: 5, onDataChanged: (listener) => (changed = listener) });
    await tick(0);
    const a = root.querySelector(`a[href="/lightning/r/${OPP_A}/view"]`) as Element;
    const b = root.querySelector(`a[href="/lightning/r/${OPP_B}/view"]`) as Element;
    expect(a.previousElementSibling?.tagName.toLowerCase()).toBe('dealsight-chip');
    expect(a.nextElementSibling).toBeNull();
    expect(b.nextElementSibling?.tagName.toLowerCase()).toBe('dealsight-chip');
    // A list's cells have no room for the health: Win Potential and RBP only, cut off or not.
    const words = (chip: Element | null) => Array.from(rootOf(chip as Element)!.querySelectorAll('span'), (s) => s.textContent);
    expect(words(a.previousElementSibling)).toEqual(['Win 50%', 'RBP 40']);
    expect(words(b.nextElementSibling)).toEqual(['Win 50%', 'RBP 40']);
    // Replaced in place after a sync, one chip per row.
    (changed as unknown as () => void)();
    await tick(30);
    expect(document.querySelectorAll('dealsight-chip')).toHaveLength(2);
    expect(a.previousElementSibling?.tagName.toLowerCase()).toBe('dealsight-chip');
    c.abort();
  });

  it('says the health on a card, where the title wraps, and not in a table cell or a cut-off name', async () => {
    const card = document.createElement('article');
    setHtml(card, `<h3><a href="/lightning/r/Opportunity/${OPP_A}/view">Card deal</a></h3>`);
    const root = stage(document, [listRows([OPP_B])]);
    // A Kanban-like card in the page on screen, beside the list.
    (root.querySelector('.lafPageHost.active') as HTMLElement).append(card);
    const cardLink = card.querySelector('a') as Element;
    const rowLink = root.querySelector(`a[href="/lightning/r/${OPP_B}/view"]`) as Element;
    expect(hasRoomForHealth(cardLink)).toBe(true);
    expect(hasRoomForHealth(rowLink)).toBe(false);
    Object.assign((card.querySelector('h3') as HTMLElement).style, { overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' });
    expect(hasRoomForHealth(cardLink)).toBe(false);
    (card.querySelector('h3') as HTMLElement).removeAttribute('style');
    const getScores = vi.fn(async (_url: string, ids: string[]) =>
      Object.fromEntries(ids.map((id) => [id, { ...score(0.5, 40), health: 'at-risk' as const }])),
    );
    const c = new AbortController();
    startListChips({ adapter, doc: document, url: LIST_URL, signal: c.signal, getScores, debounceMs: 5 });
    await tick(0);
    const words = (chip: Element | null) => Array.from(rootOf(chip as Element)!.querySelectorAll('span'), (s) => s.textContent);
    const cardChip = cardLink.nextElementSibling;
    const rowChip = rowLink.nextElementSibling;
    c.abort();
    expect(words(cardChip)).toEqual(['Win 50%', 'RBP 40', 'At risk']);
    expect(
      rootOf(cardChip as Element)!
        .querySelector('span[data-kind="health"]')
        ?.getAttribute('data-health'),
    ).toBe('at-risk');
    expect(words(rowChip)).toEqual(['Win 50%', 'RBP 40']);
  });

  it('never duplicates a chip: not when the app puts something between the name and its chip, nor when it re-renders the name', async () => {
    const root = stage(document, [listRows([OPP_A])]);
    const getScores = vi.fn(async (_url: string, ids: string[]) => Object.fromEntries(ids.map((id) => [id, score(0.5, 40)])));
    const c = new AbortController();
    startListChips({ adapter, doc: document, url: LIST_URL, signal: c.signal, getScores, debounceMs: 5 });
    await tick(0);
    const chipsOf = (id: string) => Array.from(document.querySelectorAll(`dealsight-chip[data-record-id="${id}"]`));
    expect(chipsOf(OPP_A)).toHaveLength(1);
    // A hover icon after the name (between it and the chip), then a row loaded: a rescan.
    const link = root.querySelector(`a[href="/lightning/r/${OPP_A}/view"]`) as Element;
    link.after(document.createElement('lightning-icon'));
    const tbody = root.querySelector('tbody')!;
    const more = document.createElement('div');
    setHtml(more, listRows([OPP_B]));
    tbody.append(more.querySelector('tr')!);
    await tick(30);
    expect(chipsOf(OPP_A)).toHaveLength(1);
    expect(chipsOf(OPP_B)).toHaveLength(1);
    // The app renders the name again (a new element): the old chip goes with the old name.
    const again = link.cloneNode(true) as Element;
    link.replaceWith(again);
    await tick(30);
    expect(chipsOf(OPP_A)).toHaveLength(1);
    expect(again.nextElementSibling?.tagName.toLowerCase()).toBe('dealsight-chip');
    c.abort();
    expect(document.querySelectorAll('dealsight-chip')).toHaveLength(0);
  });

  it("puts chips on a list in a console tab the user switches to, where only the tabs' classes change", async () => {
    consoleStage(document, [listRows([OPP_A]), highlights('Deal')], 1);
    const getScores = vi.fn(async (_url: string, ids: string[]) => Object.fromEntries(ids.map((id) => [id, score(0.5, 40)])));
    const c = new AbortController();
    startListChips({ adapter, doc: document, url: LIST_URL, signal: c.signal, getScores, debounceMs: 5 });
    await tick(0);
    expect(getScores).not.toHaveBeenCalled();
    focusConsoleTab(document, 0);
    await tick(30);
    expect(getScores).toHaveBeenCalledWith(LIST_URL, [OPP_A]);
    expect(document.querySelectorAll(`dealsight-chip[data-record-id="${OPP_A}"]`)).toHaveLength(1);
    c.abort();
  });

  it('ignores rows of hidden pages and links that are not opportunities', async () => {
    stage(document, [listRows([OPP_B]), listRows([OPP_A, '0015g00000XyZabAAF'])]);
    const getScores = vi.fn(async () => ({}));
    const c = new AbortController();
    startListChips({ adapter, doc: document, url: LIST_URL, signal: c.signal, getScores });
    await tick(0);
    expect(getScores).toHaveBeenCalledWith(LIST_URL, [OPP_A]);
    c.abort();
  });
});
