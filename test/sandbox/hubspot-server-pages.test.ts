import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubSpotServer, type HubSpotServer } from '../../sandbox/hubspot';
import { escapeHtml } from '../../sandbox/kit/html';

/**
 * The HubSpot-like pages, read as text: what a content script will find (record layout
 * with its test attributes, the legacy URL, board cards and list rows linking to records),
 * single-page fragments, dark mode, and hostile names reaching the page only escaped.
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
    expect(text).toContain(`data-test-id="record-page" data-object-type-id="0-3" data-record-id="${o.id}"`);
    const left = text.indexOf('data-test-id="left-sidebar"');
    const middle = text.indexOf('data-test-id="middle-pane"');
    const right = text.indexOf('data-test-id="right-sidebar"');
    expect(left).toBeGreaterThan(0);
    expect(middle).toBeGreaterThan(left);
    expect(right).toBeGreaterThan(middle);
    const highlight = text.indexOf('data-card-type="OBJECT_HIGHLIGHT" data-selenium-test="highlightedPropertySidebar"');
    expect(highlight).toBeGreaterThan(left);
    expect(highlight).toBeLessThan(middle);
    expect(text).toContain(`data-selenium-test="highlightTitle" data-test-id="highlight-record-label">${escapeHtml(o.name)}</h1>`);
    expect(text).toContain(
      `data-selenium-test="property-input-dealname" data-property-name="dealname"><span class="property-label">Deal name</span><span class="property-value">${escapeHtml(o.name)}</span>`,
    );
    const account = server.org.accounts.find((a) => a.id === o.account!.id)!;
    const companyLink = `data-selenium-test="company-chicklet-title-link" href="/contacts/24681357/record/0-2/${account.id}">${escapeHtml(account.name)}</a>`;
    expect(text.indexOf(companyLink)).toBeGreaterThan(right);
    const role = server.org.contactRoles.find((r) => r.opportunityId === o.id)!;
    expect(text).toContain(`data-selenium-test="contact-chicklet-title-link" href="/contacts/24681357/record/0-1/${role.contactId}">`);
    expect(text).toContain('data-test-id="deal-stage-history"');
    // Content renders after load, from a template, like HubSpot's app.
    expect(text).toContain('data-sandbox-state="loading"');
    expect(text).toMatch(/<template id="sandbox-page" data-title="[^"]*\| Deal \| HubSpot" data-kind="record">/);
  });

  it('renders the same record at the older /deal/ URL', async () => {
    const o = server.org.opportunities[0]!;
    expect(server.legacyRecordUrl(o.id)).toBe(`${server.url}/contacts/24681357/deal/${o.id}`);
    const legacy = await page(server.legacyRecordUrl(o.id));
    expect(legacy.status).toBe(200);
    expect(legacy.text).toContain(`data-record-id="${o.id}"`);
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
    const columns = [...text.matchAll(/data-test-id="board-column" data-stage-id="([^"]+)"/g)].map((m) => m[1]);
    expect(columns).toEqual(sales.stages.map((s) => s.id));
    const cards = [
      ...text.matchAll(/data-test-id="deal-card" data-deal-id="(\d+)">\s*<a data-test-id="deal-card-title" href="\/contacts\/24681357\/record\/0-3\/(\d+)"/g),
    ];
    expect(cards.length).toBeGreaterThan(20);
    for (const [, cardId, linkId] of cards) {
      expect(linkId).toBe(cardId);
      const o = server.org.opportunities.find((x) => x.id === cardId)!;
      expect(o.type).not.toBe('renewal');
    }
    const renewals = await page(server.boardUrl(server.pipelines[1]!.id));
    const renewalIds = [...renewals.text.matchAll(/data-deal-id="(\d+)"/g)].map((m) => m[1]);
    expect(renewalIds.length).toBeGreaterThan(0);
    expect(renewalIds.every((id) => server.org.opportunities.find((o) => o.id === id)?.type === 'renewal')).toBe(true);
  });

  it('lists deals newest first, 25 a page, rows linking to records, with page links', async () => {
    const { text } = await page(server.listUrl());
    const rows = [...text.matchAll(/data-row-key="(\d+)">\s*<td><a data-test-id="record-link" href="\/contacts\/24681357\/record\/0-3\/(\d+)"/g)];
    expect(rows).toHaveLength(25);
    for (const [, row, link] of rows) expect(link).toBe(row);
    expect(text).toContain(`href="/contacts/24681357/objects/0-3/views/all/list?page=2"`);
    const second = await page(server.listUrl(2));
    const secondIds = [...second.text.matchAll(/data-row-key="(\d+)"/g)].map((m) => m[1]);
    expect(secondIds).toHaveLength(25);
    expect(secondIds.some((id) => rows.some(([, r]) => r === id))).toBe(false);
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
    expect(fragment.html).toContain(`data-record-id="${o.id}"`);
    const shell = await page(server.listUrl());
    expect(shell.text).toContain('"appPaths":["/contacts/"]');
    expect(shell.text).toContain('"globalName":"sandboxHubSpot"');
  });

  it('renders dark when asked, remembers it in a cookie, and reads the cookie', async () => {
    const dark = await page(`${server.listUrl()}?theme=dark`);
    expect(dark.text).toContain('<html lang="en" data-theme="dark"');
    expect(dark.headers.get('set-cookie')).toBe('sandbox_hs_theme=dark; Path=/; SameSite=Lax');
    expect((await page(server.listUrl(), { cookie: 'sandbox_hs_theme=dark' })).text).toContain('data-theme="dark"');
    expect((await page(server.listUrl())).text).toContain('data-theme="light"');
  });

  it('has a home page linking to the views', async () => {
    const { status, text } = await page('/');
    expect(status).toBe(200);
    expect(text).toContain('href="/contacts/24681357/objects/0-3/views/all/board"');
    expect(text).toContain('href="/contacts/24681357/objects/0-3/views/all/list"');
  });
});
