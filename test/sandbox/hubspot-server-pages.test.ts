import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubSpotServer, type HubSpotServer } from '../../sandbox/hubspot';
import { escapeHtml } from '../../sandbox/kit/html';

/**
 * The HubSpot-like pages, read as text: what a content script will find (record layout
 * with the test attributes public sources show, the legacy URL, board cards and list rows
 * linking to records, the Sales Workspace), the page shapes, single-page fragments, dark
 * mode by colours only, and hostile names reaching the page only escaped. What the
 * overlay's selectors match on each shape is test/content/hubspot-selectors.test.ts.
 */

let server: HubSpotServer;

beforeAll(async () => {
  server = await startHubSpotServer({ seed: 7, opportunities: 300, renderDelayMs: 0, portalId: 24_681_357 });
});
afterAll(async () => {
  await server.close();
});

async function page(url: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string; headers: Headers }> {
  const reply = await fetch(url.startsWith('http') ? url : `${server.url}${url}`, { headers, redirect: 'manual' });
  return { status: reply.status, text: await reply.text(), headers: reply.headers };
}

const RAW_MARKUP = ['<img src=x', '<script>alert', '<svg onload', '<b>bold</b>', '<i>Co</i>'];

describe('deal record page', () => {
  it('has the record layout with its anchors: left sidebar with the highlight, middle pane, right sidebar with associations', async () => {
    const o = server.org.opportunities.find(
      (x) => !x.isClosed && x.account !== null && !(x.id in server.hostile.opportunityNames) && !(x.account.id in server.hostile.accountNames),
    )!;
    expect(server.recordUrl(o.id)).toBe(`${server.url}/contacts/24681357/record/0-3/${o.id}`);
    const { status, text } = await page(server.recordUrl(o.id));
    expect(status).toBe(200);
    // No wrapper names the record (no public source shows one): the layout's columns are all there is.
    expect(text).not.toMatch(/data-test-id="record-page"|data-record-id/);
    const left = text.indexOf('data-test-id="left-sidebar"');
    const middle = text.indexOf('data-test-id="middle-pane"');
    const right = text.indexOf('data-test-id="records-right-sidebar"');
    expect(left).toBeGreaterThan(0);
    expect(middle).toBeGreaterThan(left);
    expect(right).toBeGreaterThan(middle);
    const highlight = text.indexOf('data-selenium-test="highlightedPropertySidebar"');
    expect(highlight).toBeGreaterThan(left);
    expect(highlight).toBeLessThan(middle);
    expect(text).toContain(`data-selenium-test="highlightTitle" data-test-id="highlight-record-label">${escapeHtml(o.name)}</h1>`);
    expect(text).toContain(
      `data-selenium-test="property-input-dealname"><div class="PropertyLabel__StyledLabel-sbx property-label"><span class="TruncateString__StyledSpan-sbx"><span>Deal name</span></span></div><span class="property-value">${escapeHtml(o.name)}</span>`,
    );
    const account = server.org.accounts.find((a) => a.id === o.account!.id)!;
    const companyLink = `data-selenium-test="company-chicklet-title-link" href="/contacts/24681357/record/0-2/${account.id}">${escapeHtml(account.name)}</a>`;
    expect(text.indexOf(companyLink)).toBeGreaterThan(right);
    const role = server.org.contactRoles.find((r) => r.opportunityId === o.id)!;
    expect(text).toContain(`data-selenium-test="contact-chicklet-title-link" href="/contacts/24681357/record/0-1/${role.contactId}">`);
    expect(text).toContain('data-test-id="card-wrapper-DEAL_STAGE_HISTORY/0-3/0"');
    // Content renders after load, from a template, like HubSpot's app.
    expect(text).toContain('data-sandbox-state="loading"');
    expect(text).toMatch(/<template id="sandbox-page" data-title="[^"]*\| Deal \| HubSpot" data-kind="record">/);
  });

  it('renders the same record at the older /deal/ URL', async () => {
    const o = server.org.opportunities[0]!;
    expect(server.legacyRecordUrl(o.id)).toBe(`${server.url}/contacts/24681357/deal/${o.id}`);
    const legacy = await page(server.legacyRecordUrl(o.id));
    expect(legacy.status).toBe(200);
    expect(legacy.text).toContain(`data-test-id="highlight-record-label">${escapeHtml(o.name)}</h1>`);
    const current = await page(server.recordUrl(o.id), { 'X-Sandbox-Fragment': 'page' });
    const legacyFragment = await page(server.legacyRecordUrl(o.id), { 'X-Sandbox-Fragment': 'page' });
    expect(legacyFragment.text).toBe(current.text);
  });

  it('renders every hostile name as escaped text only', async () => {
    const ids = Object.keys(server.hostile.opportunityNames);
    expect(ids.length).toBeGreaterThanOrEqual(7);
    // The names do carry markup: escaping is what keeps it out.
    expect(Object.values(server.hostile.opportunityNames).some((n) => n.includes('<script>'))).toBe(true);
    for (const id of ids) {
      const { text } = await page(server.recordUrl(id));
      const name = server.hostile.opportunityNames[id]!;
      expect(text).toContain(escapeHtml(name));
      for (const raw of RAW_MARKUP) expect(text, `deal ${id}`).not.toContain(raw);
    }
    const accountDeal = server.org.opportunities.find((o) => o.account !== null && o.account.id in server.hostile.accountNames)!;
    const { text } = await page(server.recordUrl(accountDeal.id));
    expect(text).toContain(escapeHtml(server.hostile.accountNames[accountDeal.account!.id]!));
    for (const raw of RAW_MARKUP) expect(text).not.toContain(raw);
  });

  it('says not found, with 404, for an unknown deal, another portal or an archived deal', async () => {
    expect((await page('/contacts/24681357/record/0-3/1')).status).toBe(404);
    const o = server.org.opportunities[1]!;
    expect((await page(`/contacts/1/record/0-3/${o.id}`)).status).toBe(404);
    const gone = server.addDeals(1)[0]!;
    server.archive([gone.id]);
    const reply = await page(server.recordUrl(gone.id));
    expect(reply.status).toBe(404);
    expect(reply.text).toContain('data-test-id="not-found"');
  });
});

describe('board and list', () => {
  it('shows a column per stage of the pipeline, each card linking to its deal record', async () => {
    const { status, text } = await page(server.boardUrl());
    expect(status).toBe(200);
    const sales = server.pipelines[0]!;
    const columns = [...text.matchAll(/class="sandbox-board-column" data-sandbox-stage-id="([^"]+)"/g)].map((m) => m[1]);
    expect(columns).toEqual(sales.stages.map((s) => s.id));
    // crm-evidence.md "deals board": cdb-column-item with data-selenium-id, the title link to /record/0-3/<id>.
    const cards = [
      ...text.matchAll(
        /data-rbd-draggable-id="\d+"><div data-test-id="cdb-column-item" data-selenium-id="(\d+)">[\s\S]*?<a data-test-id="board-card-section-title-link" href="\/contacts\/24681357\/record\/0-3\/(\d+)"/g,
      ),
    ];
    expect(cards.length).toBeGreaterThan(20);
    for (const [, cardId, linkId] of cards) {
      expect(linkId).toBe(cardId);
      const o = server.org.opportunities.find((x) => x.id === cardId)!;
      expect(o.type).not.toBe('renewal');
    }
    const renewals = await page(`${server.boardUrl(server.pipelines[1]!.id)}&board=card`);
    const renewalIds = [...renewals.text.matchAll(/data-test-id="board-card-section-title-link" href="\/contacts\/24681357\/record\/0-3\/(\d+)"/g)].map(
      (m) => m[1],
    );
    expect(renewalIds.length).toBeGreaterThan(0);
    expect(renewalIds.every((id) => server.org.opportunities.find((o) => o.id === id)?.type === 'renewal')).toBe(true);
  });

  it('lists deals newest first, 25 a page, rows linking to records, with page links', async () => {
    const { text } = await page(server.listUrl());
    const rows = [
      ...text.matchAll(
        /<tr data-test-id="row-(\d+)">\s*<td data-column-index="0"><div class="UIMedia__Flex-sbx"><div class="UIMediaBody__StyledMediaBody-sbx"><a href="\/contacts\/24681357\/record\/0-3\/(\d+)"/g,
      ),
    ];
    expect(rows).toHaveLength(25);
    for (const [, row, link] of rows) expect(link).toBe(row);
    expect(text).toContain(`href="/contacts/24681357/objects/0-3/views/all/list?page=2"`);
    const second = await page(server.listUrl(2));
    const secondIds = [...second.text.matchAll(/<tr data-test-id="row-(\d+)"/g)].map((m) => m[1]);
    expect(secondIds).toHaveLength(25);
    expect(secondIds.some((id) => rows.some(([, r]) => r === id))).toBe(false);
  });
});

describe('page shapes and the Sales Workspace', () => {
  it('serves a record shape asked for in the query, remembers it in a cookie, and resets it with the default', async () => {
    const o = server.org.opportunities.find((x) => !x.isClosed)!;
    const cards = await page(`${server.recordUrl(o.id)}/?record=cards`);
    expect(cards.status).toBe(200);
    expect(cards.headers.get('set-cookie')).toBe('sandbox_hs_record=cards; Path=/; SameSite=Lax');
    expect(cards.text).toContain('<div class="sandbox-column" id="record-page-left-sidebar"><aside data-test-id="left-sidebar">');
    expect(cards.text).toContain('data-test-id="card-wrapper-OBJECT_HIGHLIGHT-FAS-0-3-1"');
    expect(cards.text).not.toContain('highlightedPropertySidebar');
    const remembered = await page(server.legacyRecordUrl(o.id), { cookie: 'sandbox_hs_record=cards' });
    expect(remembered.text).toContain('id="record-page-left-sidebar"');
    const unknown = await page(`${server.recordUrl(o.id)}?record=unknown`);
    expect(unknown.text).not.toMatch(/data-test-id="(left-sidebar|middle-pane|records-right-sidebar|tab-\d+-content|card-wrapper-[^"]*)"/);
    const reset = await page(`${server.recordUrl(o.id)}?record=standard`, { cookie: 'sandbox_hs_record=cards' });
    expect(reset.text).toContain('data-selenium-test="highlightedPropertySidebar"');
    expect(reset.headers.get('set-cookie')).toBe('sandbox_hs_record=standard; Path=/; SameSite=Lax');
  });

  it("lists the newest open deals in the Sales Workspace's table, and says which deals a view shows in its fragment", async () => {
    expect(server.workspaceUrl()).toBe(`${server.url}/prospecting/24681357/deals`);
    const { status, text } = await page(server.workspaceUrl());
    expect(status).toBe(200);
    const rows = [...text.matchAll(/<tr data-test-id="crm-table-row" data-test-object-id="(\d+)"><td><a href="\/contacts\/24681357\/record\/0-3\/(\d+)"/g)];
    expect(rows).toHaveLength(25);
    for (const [, row, link] of rows) expect(link).toBe(row);
    const fragment = JSON.parse((await page(server.workspaceUrl(), { 'X-Sandbox-Fragment': 'page' })).text) as { records: string[]; kind: string };
    expect(fragment.kind).toBe('workspace');
    expect(fragment.records).toEqual(rows.map((r) => r[1]));
    const text2 = (await page(`${server.workspaceUrl()}?names=text`)).text;
    expect(text2).toMatch(/<tr data-test-id="crm-table-row" data-test-object-id="\d+"><td><span>/);
    expect((await page('/prospecting/1/deals')).status).toBe(404);
  });
});

describe('single-page app and theme', () => {
  it('serves page fragments for in-place navigation under /contacts/', async () => {
    const o = server.org.opportunities[2]!;
    const reply = await page(server.recordUrl(o.id), { 'X-Sandbox-Fragment': 'page' });
    expect(reply.headers.get('content-type')).toMatch(/application\/json/);
    expect(reply.headers.get('vary')).toBe('X-Sandbox-Fragment');
    const fragment = JSON.parse(reply.text) as { title: string; kind: string; html: string };
    expect(fragment.kind).toBe('record');
    expect(fragment.html).toContain(`data-test-id="highlight-record-label">${escapeHtml(o.name)}</h1>`);
    const shell = await page(server.listUrl());
    expect(shell.text).toContain('"appPaths":["/contacts/","/prospecting/"]');
    expect(shell.text).toContain('"globalName":"sandboxHubSpot"');
  });

  it('renders dark when asked, by its colours only, remembers it in a cookie, and reads the cookie', async () => {
    const dark = await page(`${server.listUrl()}?theme=dark`);
    // No public evidence of a HubSpot dark marker (crm-evidence.md "dark mode"): the palette on <html>, no data-theme.
    expect(dark.text).toContain('<html lang="en" style="color-scheme: dark; --hs-surface: #253342; --hs-background: rgb(28, 40, 53);');
    expect(dark.headers.get('set-cookie')).toBe('sandbox_hs_theme=dark; Path=/; SameSite=Lax');
    expect((await page(server.listUrl(), { cookie: 'sandbox_hs_theme=dark' })).text).toContain('<html lang="en" style="color-scheme: dark;');
    expect((await page(server.listUrl())).text).toMatch(/<html lang="en" data-render-delay/);
  });

  it("takes one document's render delay from ?delay=, the server's otherwise", async () => {
    expect((await page(`${server.listUrl()}?delay=2500`)).text).toContain('data-render-delay="2500"');
    expect((await page(`${server.listUrl()}?delay=99999`)).text).toContain('data-render-delay="0"');
    expect((await page(server.listUrl())).text).toContain('data-render-delay="0"');
  });

  it('has a home page linking to the views', async () => {
    const { status, text } = await page('/');
    expect(status).toBe(200);
    expect(text).toContain('href="/contacts/24681357/objects/0-3/views/all/board"');
    expect(text).toContain('href="/contacts/24681357/objects/0-3/views/all/list"');
  });
});
