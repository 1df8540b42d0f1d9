// @vitest-environment happy-dom
/**
 * Selectors as tested data (refined-github's way): every page shape the sandbox Salesforce
 * serves, rendered by the sandbox itself (in-process, `X-Sandbox-Prerender: 1`: the document
 * as its page script leaves it), parsed by happy-dom; each selector in selectors.ts must
 * match exactly the count it declares for the shape, and the adapter must find the page
 * on screen, the anchor its chain names, and one link per record of the view. A sandbox
 * change that breaks a real-markup selector fails here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ANCHOR_CHAINS, findAnchor, visiblePage } from '../../entrypoints/salesforce.content/anchor';
import { isDark, listLinks, salesforceAdapter } from '../../entrypoints/salesforce.content/adapter';
import { pageStructure } from '../../components/overlay/structure';
import { SANDBOX_SHAPES, SELECTORS, type SandboxShape } from '../../entrypoints/salesforce.content/selectors';
import { toId18 } from '../../lib/crm/salesforce/ids';
import { createSalesforceSandbox, type SalesforceSandbox } from '../../sandbox/salesforce';
import { headerName } from './salesforce-fixture';

let sandbox: SalesforceSandbox;
/** The opportunity every record shape shows, and its account. */
let deal: { id: string; name: string; account: string };

/** How each shape is asked for: every option explicit (no cookies here). */
function shapeUrl(shape: SandboxShape): string {
  const record = `/lightning/r/Opportunity/${deal.id}/view`;
  const account = `/lightning/r/Account/${deal.account}/view`;
  const standard = 'app=standard&theme=light';
  switch (shape) {
    case 'record':
      return `${record}?${standard}&highlights=lwc&cached=2`;
    case 'record-force':
      return `${record}?${standard}&highlights=force`;
    case 'record-aura':
      return `${record}?${standard}&highlights=aura`;
    case 'record-none':
      return `${record}?${standard}&highlights=none`;
    case 'account':
      return `${account}?${standard}&highlights=lwc`;
    case 'console':
      return `${record}?app=console&highlights=lwc`;
    case 'console-subtab':
      return `${record}?app=console&highlights=lwc&ws=${encodeURIComponent(account)}`;
    case 'list-lwc':
      return `/lightning/o/Opportunity/list?${standard}&listMarkup=lwc`;
    case 'list-aura':
      return `/lightning/o/Opportunity/list?${standard}&listMarkup=aura`;
    case 'kanban':
      return `/lightning/o/Opportunity/list?${standard}&viewMode=kanban&filterName=Open`;
    case 'classic-record':
      return `/${deal.id.slice(0, 15)}`;
    case 'classic-list':
      return '/006?fcf=00B000000000001';
  }
}

/** What the adapter must find on each shape: the page kind on screen, the anchor rule (by selector), the record it shows, the list links. */
const BEHAVIOUR: Record<SandboxShape, { page: string | null; anchor: string | null; links: number }> = {
  record: { page: 'standard', anchor: SELECTORS.lwcHighlights.selector, links: 0 },
  'record-force': { page: 'standard', anchor: SELECTORS.lwcHighlights.selector, links: 0 },
  'record-aura': { page: 'standard', anchor: SELECTORS.auraHighlights.selector, links: 0 },
  'record-none': { page: 'standard', anchor: null, links: 0 },
  account: { page: 'standard', anchor: null, links: 1 },
  console: { page: 'console', anchor: SELECTORS.lwcHighlights.selector, links: 0 },
  'console-subtab': { page: 'console', anchor: SELECTORS.lwcHighlights.selector, links: 0 },
  'list-lwc': { page: 'standard', anchor: null, links: 50 },
  'list-aura': { page: 'standard', anchor: null, links: 50 },
  kanban: { page: 'standard', anchor: null, links: 54 },
  'classic-record': { page: 'classic', anchor: SELECTORS.classicTitle.selector, links: 0 },
  'classic-list': { page: 'classic', anchor: SELECTORS.classicTitle.selector, links: 50 },
};

/** Each shape's document, parsed once. */
const rendered = new Map<SandboxShape, Document>();

/** Loads the shape's document into the test's document, whose URL the links resolve against (scripts and templates left out: nothing runs). */
function show(shape: SandboxShape): void {
  const parsed = rendered.get(shape) as Document;
  document.body.className = parsed.body.className;
  document.body.replaceChildren(...Array.from(parsed.body.childNodes, (n) => document.importNode(n, true)));
}

beforeAll(async () => {
  sandbox = createSalesforceSandbox({ seed: 7, opportunities: 340, renderDelayMs: 0 });
  const plain = sandbox.org.opportunities.find((o) => !o.isClosed && o.account !== null && !(o.id in sandbox.hostile.opportunityNames));
  if (!plain?.account) throw new Error('no plain open deal');
  deal = { id: plain.id, name: plain.name, account: plain.account.id };
  for (const shape of SANDBOX_SHAPES) {
    const reply = await sandbox.fetch(shapeUrl(shape), { headers: { 'X-Sandbox-Prerender': '1' } });
    expect(reply.status, shape).toBe(200);
    const parsed = new DOMParser().parseFromString(await reply.text(), 'text/html');
    for (const node of Array.from(parsed.querySelectorAll('script, template'))) node.remove();
    rendered.set(shape, parsed);
  }
});

describe('selectors.ts against every sandbox shape', () => {
  for (const [name, spec] of Object.entries(SELECTORS)) {
    it(`${name}: ${spec.selector}`, () => {
      expect(spec.evidence).toMatch(/crm-evidence\.md/);
      const found: Record<string, number> = {};
      for (const shape of SANDBOX_SHAPES) found[shape] = (rendered.get(shape) as Document).querySelectorAll(spec.selector).length;
      expect(found).toEqual(spec.expect);
    });
  }
});

describe('the adapter on every sandbox shape', () => {
  for (const shape of SANDBOX_SHAPES) {
    it(shape, () => {
      show(shape);
      const expected = BEHAVIOUR[shape];
      expect(visiblePage(document)?.kind ?? null).toBe(expected.page);
      const anchor = findAnchor(document, `record:${deal.id}`);
      expect(anchor?.rule.selector ?? null).toBe(expected.anchor);
      if (anchor && shape !== 'classic-list') {
        // The record's own header, in the page on screen.
        expect(shape.startsWith('classic') ? anchor.element.querySelector('h2')?.textContent : headerName(anchor.element)).toBe(deal.name);
        expect(visiblePage(document)?.element.contains(anchor.element)).toBe(true);
      }
      const links = listLinks(document);
      expect(links).toHaveLength(expected.links);
      expect(new Set(links.map((l) => l.id)).size).toBe(links.length);
      for (const { link, id } of links) {
        expect(id).toMatch(/^006[0-9A-Za-z]{15}$/);
        // The chip names the record its row or card shows.
        const row = link.closest('tr[data-row-key-value]')?.getAttribute('data-row-key-value') ?? link.getAttribute('data-recordid');
        if (row) expect(id).toBe(row);
        expect(sandbox.org.opportunities.some((o) => o.id === id)).toBe(true);
      }
      expect(isDark(document)).toBeNull();
    });
  }

  it('reads ids from 15-character Classic links', () => {
    show('classic-list');
    const links = listLinks(document);
    for (const { link, id } of links) expect(id).toBe(toId18((link.getAttribute('href') ?? '').slice(1)));
    expect(links.every(({ link }) => /^\/006\w{12}$/.test(link.getAttribute('href') ?? ''))).toBe(true);
  });

  it("never anchors in a console's hidden tabs, though their page hosts keep .active", () => {
    show('console');
    const hosts = Array.from(document.querySelectorAll(SELECTORS.consolePages.selector));
    expect(hosts).toHaveLength(3);
    const page = visiblePage(document)?.element;
    expect(page).toBe(hosts[2]);
    // Their subtab sections are shown within their workspace; the workspace tab around them is not.
    expect(hosts[0]?.closest('section.oneConsoleTab')?.getAttribute('aria-expanded')).toBe('true');
    expect(hosts[0]?.closest('.split-right > section.oneConsoleTab')?.getAttribute('aria-expanded')).toBe('false');
  });

  it("'Copy page structure' on the page without highlights: the probes' shape, none of the record's text or id", () => {
    show('record-none');
    const adapter = salesforceAdapter({ localhost: true });
    const text = pageStructure({
      doc: document,
      url: `http://localhost:4100${shapeUrl('record-none')}`,
      crm: 'Salesforce',
      probes: adapter.structureProbes,
      visiblePage: adapter.visiblePage(document),
    });
    expect(text).toContain('div.windowViewMode-normal.oneContent.lafPageHost.active');
    expect(text).toContain('one-record-home-flexipage2');
    expect(text).not.toContain(deal.name);
    expect(text).not.toContain(deal.id.slice(0, 15));
  });

  it('each anchor rule names its evidence', () => {
    for (const rule of [...ANCHOR_CHAINS.lightning, ...ANCHOR_CHAINS.classic]) {
      expect(rule.evidence).toMatch(/crm-evidence\.md › .*(record header|Classic)/);
      expect(rule.place).toBe('after');
    }
  });
});

describe('SLDS 2 dark mode', () => {
  it('is the scheme class on <body>, in either form; none says nothing', async () => {
    for (const [query, dark] of [
      ['theme=dark&darkClass=_dark', true],
      ['theme=dark&darkClass=--dark', true],
      ['theme=light', null],
    ] as const) {
      const reply = await sandbox.fetch(`/lightning/r/Opportunity/${deal.id}/view?${query}`, { headers: { 'X-Sandbox-Prerender': '1' } });
      const parsed = new DOMParser().parseFromString(await reply.text(), 'text/html');
      document.body.className = parsed.body.className;
      expect(isDark(document), query).toBe(dark);
    }
    document.body.className = 'desktop slds-color-scheme_light';
    expect(isDark(document)).toBe(false);
    document.body.className = '';
  });
});
