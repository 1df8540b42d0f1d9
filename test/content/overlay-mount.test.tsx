// @vitest-environment happy-dom
/**
 * The shared record overlay (components/overlay/mount.tsx) with a small adapter of its own:
 * the panel floats when the page has no anchor (and says so, with "Copy page structure"),
 * moves inline when an anchor appears, follows the anchor when the app re-renders it, and
 * floats again when the page holding it is hidden; the copied structure holds no CRM text,
 * ids or names.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Anchor, CrmAdapter } from '../../components/overlay/adapter';
import { startRecordOverlay, type CreatePanelHost } from '../../components/overlay/mount';
import { describeElement, maskedPath, maskToken, pageStructure } from '../../components/overlay/structure';
import type { BackgroundReplies } from '../../lib/messages';
import { workedPanel } from '../components/panels-fixtures';
import { recordShadowRoots, rootOf } from './shadow-roots';

const RULE = { selector: '.page.active .header', place: 'after', evidence: 'a test page' } as const;

/** Pages are `.page` divs; the active one is shown; its `.header` is the anchor. */
const adapter: Pick<CrmAdapter, 'crm' | 'place' | 'pageKey' | 'findAnchor' | 'claimPage' | 'isDark' | 'themeAttributes' | 'visiblePage' | 'structureProbes'> = {
  crm: 'TestCRM',
  place: 'org',
  pageKey: () => 'record:1',
  visiblePage: (doc) => doc.querySelector('.page.active'),
  findAnchor: (doc): Anchor | null => {
    const element = doc.querySelector(RULE.selector);
    return element ? { element, place: 'after', rule: RULE } : null;
  },
  isDark: () => null,
  themeAttributes: [],
  structureProbes: ['.page.active', '.header'],
};

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
const root = (host: Element) => rootOf(host)?.querySelector<HTMLElement>('[data-overlay-state]') ?? null;
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));
/** Waits until `check` holds: the overlay moves after the page settles (settleMs) and mounts asynchronously. */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await tick(5);
  }
  throw new Error('condition not met');
}

function page(html: string, active = true): HTMLElement {
  const el = document.createElement('div');
  el.className = active ? 'page active' : 'page';
  if (!active) el.hidden = true;
  el.append(document.createRange().createContextualFragment(html));
  document.body.append(el);
  return el;
}

function overlay(signal: AbortSignal, copied: string[] = [], copyFails = false) {
  return startRecordOverlay({
    adapter,
    doc: document,
    url: 'https://acme.example.com/r/0065g00000AbCdEAAV/view?ws=x',
    recordKey: 'record:1',
    signal,
    createHost,
    getPanel: async (): Promise<BackgroundReplies['get-record-panel']> => ({ ok: true, panel: workedPanel() }),
    storage: null,
    linkFor: () => null,
    copyText: async (text) => {
      if (copyFails) throw new Error('not allowed');
      copied.push(text);
    },
    anchorTimeoutMs: 20,
    settleMs: 10,
    locale: 'en-US',
  });
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('the floating panel', () => {
  it('floats fixed at the right edge, above the page, on its own root inside the shadow (the host carries no style)', async () => {
    page('<p>no header here</p>');
    const c = new AbortController();
    await overlay(c.signal);
    await tick(0);
    expect(hosts()).toHaveLength(1);
    const host = hosts()[0]!;
    expect(host.getAttribute('style')).toBeNull();
    const frame = root(host)!;
    expect(frame.hasAttribute('data-floating')).toBe(true);
    expect(frame.style.position).toBe('fixed');
    expect(frame.style.right).toBe('0px');
    expect(Number(frame.style.zIndex)).toBeGreaterThanOrEqual(2147483000);
    expect(rootOf(host)?.querySelector('[data-overlay-notice="no-anchor"]')?.textContent).toContain('could not find this page’s record header');
    c.abort();
    expect(hosts()).toHaveLength(0);
  });

  it('copies the page structure, or shows it to copy by hand when the clipboard refuses', async () => {
    page(
      '<section class="app-shell" data-test-id="shell"><h2 class="title-0065g00000AbCdEAAV">Acme &lt;b&gt;Renewal</h2><div data-test-id="row-18837465210">Dana Reyes</div></section>',
    );
    const copied: string[] = [];
    const c = new AbortController();
    await overlay(c.signal, copied);
    const button = rootOf(hosts()[0]!)!.querySelector<HTMLButtonElement>('[data-action="copy-structure"]')!;
    button.click();
    await until(() => copied.length === 1);
    const text = copied[0]!;
    expect(text).toContain('TestCRM');
    expect(text).toContain('section.app-shell[data-test-id=shell]');
    expect(text).toContain('[data-test-id=row-#]');
    expect(text).toContain('page: /r/:id/view?ws');
    // No CRM text, ids or names.
    for (const secret of ['Acme', 'Renewal', 'Dana', 'Reyes', '0065g00000AbCdEAAV', '18837465210']) expect(text).not.toContain(secret);
    await until(() => rootOf(hosts()[0]!)!.querySelector('[role="status"]') !== null);
    c.abort();

    const refused = new AbortController();
    await overlay(refused.signal, [], true);
    rootOf(hosts()[0]!)!.querySelector<HTMLButtonElement>('[data-action="copy-structure"]')!.click();
    await until(() => rootOf(hosts()[0]!)!.querySelector('textarea[data-structure]') !== null);
    expect(rootOf(hosts()[0]!)!.querySelector<HTMLTextAreaElement>('textarea[data-structure]')!.value).toContain('page: /r/:id/view');
    refused.abort();
  });
});

describe('keeping the panel where the user sees it', () => {
  it('moves inline when the anchor appears after the wait, and follows it when the app re-renders the header', async () => {
    const shown = page('<p>loading</p>');
    const c = new AbortController();
    await overlay(c.signal);
    expect(root(hosts()[0]!)!.hasAttribute('data-floating')).toBe(true);
    shown.append(document.createRange().createContextualFragment('<div class="header">Header</div>'));
    await until(() => hosts()[0]?.previousElementSibling?.className === 'header' && !root(hosts()[0]!)?.hasAttribute('data-floating'));
    expect(hosts()).toHaveLength(1);
    // The app replaces its header: the panel follows the new one, and there is still one.
    const old = shown.querySelector('.header')!;
    const renewed = document.createElement('div');
    renewed.className = 'header';
    renewed.textContent = 'Header again';
    old.replaceWith(renewed);
    await until(() => hosts()[0]?.previousElementSibling === renewed);
    expect(hosts()).toHaveLength(1);
    c.abort();
    expect(hosts()).toHaveLength(0);
  });

  it('floats again when the page holding the panel is hidden and no other header is shown', async () => {
    const first = page('<div class="header">Header</div>');
    const c = new AbortController();
    await overlay(c.signal);
    expect(hosts()[0]!.previousElementSibling?.className).toBe('header');
    first.classList.remove('active');
    first.hidden = true;
    page('<p>a page without a header</p>');
    await until(() => root(hosts()[0]!)?.hasAttribute('data-floating') === true);
    expect(hosts()).toHaveLength(1);
    expect(hosts()[0]!.parentElement).toBe(document.body);
    c.abort();
  });
});

describe('page structure', () => {
  it('masks ids and keeps only names of the app’s parts', () => {
    expect(maskToken('slds-page-header_record-home')).toBe('slds-page-header_record-home');
    expect(maskToken('forcegenerated-highlightspanel_Opportunity___012000000000000AAA___compact')).toBe(
      'forcegenerated-highlightspanel_Opportunity___#___compact',
    );
    expect(maskToken('0065g00000AbCdEAAV')).toBeNull();
    expect(maskToken('Acme Renewal')).toBeNull();
    expect(maskedPath('https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdEAAV/view?ws=%2Fx&c__id=7')).toBe(
      '/lightning/r/Opportunity/:id/view?ws&c__id',
    );
    expect(maskedPath('https://app.hubspot.com/contacts/4215837/record/0-3/18837465210/')).toBe('/contacts/:id/record/0-3/:id/');
    const el = document.createElement('div');
    el.className = 'card-wrapper-123456 active';
    el.setAttribute('data-selenium-test', 'highlightedPropertySidebar');
    expect(describeElement(el)).toBe('div.card-wrapper-#.active[data-selenium-test=highlightedPropertySidebar]');
  });

  it('counts what each probe finds and shows, from the visible page', () => {
    page('<div class="header">old</div>', false);
    const shown = page('<main class="content"><div class="header">new</div></main>');
    const text = pageStructure({ doc: document, url: 'https://x.example/r/1/view', crm: 'TestCRM', probes: ['.header', '[oops'], visiblePage: shown });
    expect(text).toContain('probe .header: 2 found, 1 shown');
    expect(text).toContain('probe [oops: not a valid selector here');
    expect(text).toContain('outline:\ndiv.page.active\n  main.content\n    div.header');
    expect(text).not.toMatch(/old|new/);
  });
});
