// @vitest-environment happy-dom
/**
 * HubSpot's pages for the shared overlay, on the sandbox HubSpot's own pages (every shape
 * the evidence allows, rendered in-process): which pages get features, where the panels
 * go (the anchor chain, never the previous deal's page still on screen), which links get
 * chips (board cards, index rows, Sales Workspace rows, or any deal link on markup
 * without HubSpot's test ids, never twice), and the theme (the page's colours only).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pageStructure } from '../../components/overlay/structure';
import { detectTheme } from '../../components/overlay/theme';
import { createRecordAnchors, hubspotAdapter, listLinks, pageKey } from '../../entrypoints/hubspot.content/adapter';
import { RECORD_ANCHORS, SANDBOX_SHAPES, type SandboxShape } from '../../entrypoints/hubspot.content/selectors';
import { createHubSpotSandbox, type HubSpotSandbox } from '../../sandbox/hubspot';
import { navigateInPlace, ORIGIN, renderSandboxPage, shapePath, type RenderedPage } from './hubspot-sandbox-dom';
import { setHtml } from './salesforce-fixture';

const PORTAL = '38855314';
const record = (id: string) => `${ORIGIN}/contacts/${PORTAL}/record/0-3/${id}`;

let sandbox: HubSpotSandbox;
let dealA: { id: string; name: string };
let dealB: { id: string; name: string };
const key = (id: string) => `record:${sandbox.portalId}:${id}`;
const open: RenderedPage[] = [];
const render = async (path: string): Promise<RenderedPage> => {
  const page = await renderSandboxPage(sandbox, path);
  open.push(page);
  return page;
};

beforeAll(() => {
  sandbox = createHubSpotSandbox({ seed: 7, opportunities: 150, renderDelayMs: 0 });
  const [a, b] = sandbox.org.opportunities.filter((o) => !o.isClosed && !(o.id in sandbox.hostile.opportunityNames));
  dealA = { id: a!.id, name: a!.name };
  dealB = { id: b!.id, name: b!.name };
});
afterAll(async () => {
  for (const page of open) await page.close();
});
afterEach(() => document.body.replaceChildren());

describe('HubSpot adapter: pages', () => {
  it('keys deal pages by portal and deal (every URL form), the deals index by view, the Sales Workspace by tab; other pages get nothing', () => {
    expect(pageKey(record('9001'), true)).toBe(`record:${PORTAL}:9001`);
    expect(pageKey(`${record('9001')}/`, true)).toBe(`record:${PORTAL}:9001`);
    expect(pageKey(`${ORIGIN}/contacts/${PORTAL}/deal/9001`, true)).toBe(`record:${PORTAL}:9001`);
    expect(pageKey(`${ORIGIN}/contacts/${PORTAL}/objects/0-3/views/all/board`, true)).toBe(`list:${PORTAL}:board:all`);
    expect(pageKey(`${ORIGIN}/prospecting/${PORTAL}/deals`, true)).toBe(`list:${PORTAL}:workspace:deals`);
    expect(pageKey(`${ORIGIN}/contacts/${PORTAL}/record/0-2/77`, true)).toBe(`account:${PORTAL}:77`);
    expect(pageKey(`${ORIGIN}/contacts/${PORTAL}/company/77/`, true)).toBe(`account:${PORTAL}:77`);
    expect(pageKey(`${ORIGIN}/contacts/${PORTAL}/record/0-1/77`, true)).toBeNull();
    expect(pageKey(record('9001'), false)).toBeNull();
    expect(pageKey(`https://app-eu1.hubspot.com/contacts/${PORTAL}/record/0-3/9001`, false)).toBe(`record:${PORTAL}:9001`);
  });
});

describe('HubSpot adapter: the anchor chain on every record shape', () => {
  const wanted: Record<string, { rule: keyof typeof RECORD_ANCHORS | null; check: (el: Element) => boolean }> = {
    record: { rule: 'highlight', check: (el) => el.matches('[data-selenium-test="highlightedPropertySidebar"]') },
    'record-cards': { rule: 'highlightCard', check: (el) => el.getAttribute('data-test-id')!.startsWith('card-wrapper-OBJECT_HIGHLIGHT') },
    'record-no-highlight': { rule: 'sidebarTop', check: (el) => el.matches('[data-test-id="left-sidebar"]') },
    'record-cards-no-highlight': { rule: 'firstSidebarCard', check: (el) => el.getAttribute('data-test-id') === 'card-wrapper-PROPERTIES_V3/0-3/0' },
    'record-unknown': { rule: null, check: () => false },
  };
  for (const shape of SANDBOX_SHAPES.filter((s) => s.startsWith('record'))) {
    it(`${shape}: ${wanted[shape]!.rule ?? 'no anchor (the panel floats)'}`, async () => {
      const page = await render(shapePath(sandbox, shape, dealA.id));
      const anchor = createRecordAnchors().findAnchor(page.document, key(dealA.id));
      const want = wanted[shape]!;
      if (want.rule === null) {
        expect(anchor).toBeNull();
        return;
      }
      expect(anchor?.rule).toBe(RECORD_ANCHORS[want.rule]);
      expect(anchor?.place).toBe(RECORD_ANCHORS[want.rule].place);
      expect(want.check(anchor!.element)).toBe(true);
      expect(anchor!.rule.evidence).toMatch(/crm-evidence\.md "record page markup"/);
    });
  }

  it("never anchors in the previous deal's page still on screen after an in-app navigation, and anchors in the next one's", async () => {
    for (const shape of ['record', 'record-no-highlight', 'record-cards-no-highlight'] as const) {
      const page = await render(shapePath(sandbox, shape, dealA.id));
      const anchors = createRecordAnchors();
      const first = anchors.findAnchor(page.document, key(dealA.id));
      expect(first, shape).not.toBeNull();
      anchors.claimPage(page.document, key(dealA.id));
      // The URL says B; A's page is still what HubSpot shows.
      expect(anchors.findAnchor(page.document, key(dealB.id)), shape).toBeNull();
      // HubSpot renders B's page: new elements.
      await navigateInPlace(sandbox, page, shapePath(sandbox, shape, dealB.id));
      const next = anchors.findAnchor(page.document, key(dealB.id));
      expect(next?.rule, shape).toBe(first?.rule);
      expect(next!.element.closest('[data-test-id="left-sidebar"]')?.textContent, shape).toContain(dealB.name);
      // Back to A: B's page is B's until A's replaces it.
      expect(anchors.findAnchor(page.document, key(dealA.id)), shape).toBeNull();
    }
  });

  it('anchors where HubSpot re-renders the same elements for the next deal (another title), and skips hidden pages', async () => {
    const page = await render(shapePath(sandbox, 'record', dealA.id));
    const anchors = createRecordAnchors();
    expect(anchors.findAnchor(page.document, key(dealA.id))).not.toBeNull();
    const title = page.document.querySelector('[data-selenium-test="highlightTitle"]')!;
    expect(anchors.findAnchor(page.document, key(dealB.id))).toBeNull();
    title.textContent = dealB.name;
    expect(anchors.findAnchor(page.document, key(dealB.id))?.rule).toBe(RECORD_ANCHORS.highlight);
    (page.document.querySelector('.sandbox-page') as HTMLElement).hidden = true;
    expect(createRecordAnchors().findAnchor(page.document, key(dealB.id))).toBeNull();
  });
});

describe("HubSpot adapter: 'Copy page structure'", () => {
  it("probes every record shape for the layout's parts, and copies no deal name, deal id or portal id", async () => {
    const adapter = hubspotAdapter({ localhost: true });
    for (const shape of SANDBOX_SHAPES.filter((s) => s.startsWith('record'))) {
      const path = shapePath(sandbox, shape, dealA.id);
      const page = await render(path);
      const text = pageStructure({
        doc: page.document,
        url: `${ORIGIN}${path}`,
        crm: 'HubSpot',
        probes: adapter.structureProbes,
        visiblePage: adapter.visiblePage(page.document),
      });
      for (const probe of adapter.structureProbes) expect(text, shape).toContain(`probe ${probe}:`);
      for (const secret of [dealA.id, String(sandbox.portalId), dealA.name]) expect(text, shape).not.toContain(secret);
      if (shape === 'record-unknown') expect(text).toContain(`probe ${RECORD_ANCHORS.sidebarTop.selector}: 0 found, 0 shown`);
      else expect(text, shape).toContain('[data-test-id=left-sidebar]');
    }
  });
});

describe('HubSpot adapter: chips on every view shape', () => {
  const views = SANDBOX_SHAPES.filter((s) => !s.startsWith('record'));
  const withLinks = new Set<SandboxShape>(['board', 'board-card', 'list', 'list-framework', 'workspace']);
  for (const shape of views) {
    it(`${shape}: one link per deal shown, each with its deal's id, ${withLinks.has(shape) ? 'read from the link' : 'from the row (no link)'}`, async () => {
      const page = await render(shapePath(sandbox, shape, dealA.id));
      const links = listLinks(page.document, true);
      expect(links.map((l) => l.id)).toEqual(page.records);
      const names = new Map(sandbox.org.opportunities.map((o) => [o.id, o.name]));
      for (const { link, id } of links) {
        if (withLinks.has(shape)) expect(link.getAttribute('href')).toBe(`/contacts/${sandbox.portalId}/record/0-3/${id}`);
        else {
          expect(link.tagName).toBe('SPAN');
          expect(link.closest('td')).not.toBeNull();
        }
        // Hostile names reach the page as text: the link holds the name, no markup.
        expect(link.textContent).toBe(names.get(id));
        expect(link.querySelector('img, script, svg, b, i')).toBeNull();
      }
    });
  }

  it('on markup without the test ids, takes every deal link outside the navigation once per deal and card, never a company', () => {
    setHtml(
      document.body,
      `<nav><a href="/contacts/${PORTAL}/record/0-3/1">Recent deal</a></nav>` +
        `<main><ul><li><a href="/contacts/${PORTAL}/record/0-3/21">C</a> <a href="/contacts/${PORTAL}/record/0-3/21/">C again</a></li></ul>` +
        `<a href="/contacts/${PORTAL}/record/0-2/5">Company</a><a href="/contacts/${PORTAL}/deal/22">D</a></main>`,
    );
    expect(listLinks(document, true).map((l) => l.id)).toEqual(['21', '22']);
  });

  it('gives a card matched as a column item, as a card and by the fallback one chip, and reads a linkless card by its id', () => {
    setHtml(
      document.body,
      `<div data-rbd-draggable-id="11"><div data-test-id="cdb-column-item" data-selenium-id="11"><div data-test-id="cdb-card"><div data-test-id="title-hover-container"><a data-test-id="board-card-section-title-link" href="/contacts/${PORTAL}/record/0-3/11">A</a></div></div></div></div>` +
        `<div data-test-id="cdb-column-item" data-selenium-id="12"><div data-test-id="title-hover-container"><span>B</span></div></div>` +
        `<table><tbody><tr data-test-id="row-13"><td data-column-index="0"><a href="/contacts/${PORTAL}/record/0-3/13">C</a></td></tr></tbody></table>`,
    );
    const links = listLinks(document, true);
    expect(links.map((l) => [l.id, l.link.textContent])).toEqual([
      ['11', 'A'],
      ['12', 'B'],
      ['13', 'C'],
    ]);
  });
});

describe('HubSpot adapter: theme and links', () => {
  it('has no dark marker: the dark sandbox page is dark by its colours, the light one light', async () => {
    const adapter = hubspotAdapter({ localhost: true });
    const rules = { isDark: adapter.isDark, attributes: adapter.themeAttributes };
    const dark = await render(`${shapePath(sandbox, 'record', dealA.id)}&theme=dark`);
    const light = await render(`${shapePath(sandbox, 'record', dealA.id)}&theme=light`);
    expect(adapter.isDark(dark.document)).toBeNull();
    // No attribute or class says "dark": only the palette on <html> changes.
    expect(dark.document.documentElement.getAttributeNames().filter((n) => !n.startsWith('data-sandbox') && n !== 'data-render-delay')).toEqual([
      'lang',
      'style',
    ]);
    expect(dark.document.documentElement.className).toBe('');
    expect(detectTheme(dark.document, rules)).toBe('dark');
    expect(detectTheme(light.document, rules)).toBe('light');
  });

  it('links similar deals on the same portal', () => {
    const adapter = hubspotAdapter({ localhost: true });
    history.replaceState(null, '', `/contacts/${PORTAL}/record/0-3/9001`);
    expect(adapter.recordUrl(location.origin, '9002')).toBe(`${location.origin}/contacts/${PORTAL}/record/0-3/9002`);
    expect(adapter.recordUrl(location.origin, '0065g00000AbCdEAAV')).toBeNull();
  });

  it("links a deal's company on the same portal (object type 0-2)", () => {
    const adapter = hubspotAdapter({ localhost: true });
    history.replaceState(null, '', `/contacts/${PORTAL}/record/0-3/9001`);
    expect(adapter.accountUrl(location.origin, '501')).toBe(`${location.origin}/contacts/${PORTAL}/record/0-2/501`);
    expect(adapter.accountUrl(location.origin, '0015g00000XyZabAAF')).toBeNull();
  });
});
