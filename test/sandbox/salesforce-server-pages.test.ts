import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSalesforceSandbox, startSalesforceServer, type SalesforceServer, HOSTILE_TEXT, HOSTILE_ACCOUNT_TEXT } from '../../sandbox/salesforce';
import { escapeHtml, html } from '../../sandbox/kit/html';

/**
 * The Lightning-like pages, read as text: what a content script will find (URL, highlights
 * panel, list rows linking to records), the login cookie, dark mode, and that hostile
 * names reach the page only as escaped text.
 */

let server: SalesforceServer;

beforeAll(async () => {
  server = await startSalesforceServer({ seed: 7, opportunities: 340, renderDelayMs: 0 });
});
afterAll(async () => {
  await server.close();
});

async function page(path: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string; headers: Headers }> {
  const reply = await fetch(`${server.url}${path}`, { headers, redirect: 'manual' });
  return { status: reply.status, text: await reply.text(), headers: reply.headers };
}

/** Raw markup any hostile value would produce if a page interpolated it unescaped. */
const RAW_MARKUP = ['<img src=x', '<script>alert', '<svg onload', '<b>bold</b>', '<i>Co</i>'];

describe('login', () => {
  it('sets the sid cookie and redirects to the opportunity list', async () => {
    for (const path of ['/', '/login']) {
      const reply = await page(path);
      expect(reply.status).toBe(302);
      expect(reply.headers.get('set-cookie')).toBe(`sid=${server.sid}; Path=/`);
      expect(reply.headers.get('location')).toBe('/lightning/o/Opportunity/list');
    }
    expect(server.sid).toMatch(new RegExp(`^${server.orgId.slice(0, 15)}!`));
  });

  it('goes to a local startURL, never to another site', async () => {
    const id = server.org.opportunities[0]?.id as string;
    expect((await page(`/login?startURL=${encodeURIComponent(`/lightning/r/Opportunity/${id}/view`)}`)).headers.get('location')).toBe(
      `/lightning/r/Opportunity/${id}/view`,
    );
    for (const target of ['https://evil.example/', '//evil.example/', '/\\evil.example']) {
      expect((await page(`/login?startURL=${encodeURIComponent(target)}`)).headers.get('location')).toBe('/lightning/o/Opportunity/list');
    }
    expect(server.loginUrl('/lightning/page/home')).toBe(`${server.url}/login?startURL=%2Flightning%2Fpage%2Fhome`);
  });

  it('logs out by clearing the cookie', async () => {
    const reply = await page('/secur/logout.jsp');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('set-cookie')).toBe('sid=; Path=/; Max-Age=0');
  });
});

describe('record page', () => {
  it('renders the highlights panel, path and details of the record in the URL', async () => {
    const o = server.org.opportunities.find((x) => !x.isClosed && x.account !== null && !(x.id in server.hostile.opportunityNames));
    if (o === undefined) throw new Error('no plain open deal');
    const { status, text } = await page(`/lightning/r/Opportunity/${o.id}/view`);
    expect(status).toBe(200);
    expect(text).toContain(`<title>${escapeHtml(o.name)} | Opportunity | Salesforce</title>`);
    expect(text).toContain('<div class="highlights slds-clearfix slds-page-header slds-page-header_record-home fixed-position">');
    expect(text).toContain(
      '<records-lwc-highlights-panel><records-lwc-record-layout><forcegenerated-highlightspanel_opportunity___012000000000000aaa___compact___view___recordlayout2><records-highlights2>',
    );
    expect(text).toContain(`<lightning-formatted-text title="${escapeHtml(o.name)}">${escapeHtml(o.name)}</lightning-formatted-text>`);
    expect(text).toContain(`href="/lightning/r/${o.account?.id}/view"`);
    expect(text).toContain(`<records-record-layout-item field-label="Stage"`);
    expect(text).toContain(`title="${o.stage}"><span class="slds-path__title">`);
    expect(text).toMatch(/<li class="slds-path__item slds-is-current slds-is-active"/);
    // The page script mounts the content from a template, after the render delay.
    expect(text).toContain('<template data-sandbox-content="">');
    expect(text).toContain(
      `<div id="brandBand_1" class="slds-brand-band slds-brand-band_cover"><div class="slds-template__container"><div class="center oneCenterStage lafSinglePaneWindowManager"><div class="windowViewMode-normal oneContent lafPageHost" data-sandbox-url="/lightning/r/Opportunity/${o.id}/view"`,
    );
  });

  it('takes a 15-character id and the object-less /lightning/r/{id}/view form', async () => {
    const o = server.org.opportunities[3];
    const short = await page(`/lightning/r/Opportunity/${o?.id.slice(0, 15)}/view`);
    expect(short.text).toContain('<records-highlights2>');
    expect(short.text).toContain(escapeHtml(o?.name ?? ''));
    const bare = await page(`/lightning/r/${o?.id}/view`);
    expect(bare.text).toContain('<forcegenerated-flexipage_opportunity_rec_l_opportunity__view_js>');
  });

  it("shows Lightning's problem page for a record that does not exist", async () => {
    const { status, text } = await page('/lightning/r/Opportunity/006000000000000AAA/view');
    expect(status).toBe(200);
    expect(text).toContain('data-record-missing="006000000000000AAA"');
    expect(text).not.toContain('<records-highlights2>');
  });

  it('serves account pages (not an opportunity) and Classic opportunity pages', async () => {
    const account = server.org.accounts.find((a) => !(a.id in server.hostile.accountNames));
    const accountPage = await page(`/lightning/r/Account/${account?.id}/view`);
    expect(accountPage.text).toContain('<forcegenerated-highlightspanel_account___012000000000000aaa___compact___view___recordlayout2>');
    expect(accountPage.text).toContain('data-related-list="Opportunities"');
    const o = server.org.opportunities[0];
    const classic = await page(`/${o?.id.slice(0, 15)}`);
    expect(classic.status).toBe(200);
    expect(classic.text).toContain(`<h2 class="pageDescription">${escapeHtml(o?.name ?? '')}</h2>`);
  });

  it('answers single-page navigation with the content as a fragment', async () => {
    const o = server.org.opportunities[1];
    const reply = await fetch(`${server.url}/lightning/r/Opportunity/${o?.id}/view`, { headers: { 'X-Sandbox-Fragment': 'page' } });
    const fragment = (await reply.json()) as { title: string; kind: string; html: string };
    expect(fragment.title).toBe(`${o?.name} | Opportunity | Salesforce`);
    expect(fragment.kind).toBe('Opportunity');
    expect(fragment.html).toContain('<records-highlights2>');
    expect(fragment.html).not.toContain('<html');
  });
});

describe('list view', () => {
  it('lists the newest 50 opportunities, each row linking to its record page', async () => {
    const { text } = await page('/lightning/o/Opportunity/list');
    const rows = [...text.matchAll(/<tr data-row-key-value="(006[0-9A-Za-z]{15})"/g)].map((m) => m[1]);
    expect(rows).toHaveLength(50);
    for (const id of rows) expect(text).toContain(`<records-hoverable-link><div><a href="/lightning/r/${id}/view" `);
    expect(text).toContain('data-sandbox-action="load-more" data-next-offset="50"');
    const newest = [...server.org.opportunities].sort((a, b) => (b.createdDate ?? '').localeCompare(a.createdDate ?? ''))[0];
    expect(rows).toContain(newest?.id);
  });

  it('hands out the next rows as a fragment, and filters open deals', async () => {
    const reply = await fetch(`${server.url}/lightning/o/Opportunity/list?offset=50`, { headers: { 'X-Sandbox-Fragment': 'rows' } });
    const body = (await reply.json()) as { rows: string; nextOffset: number | null };
    expect([...body.rows.matchAll(/<tr data-row-key-value=/g)]).toHaveLength(50);
    expect(body.nextOffset).toBe(100);
    const open = await page('/lightning/o/Opportunity/list?filterName=Open');
    const openIds = [...open.text.matchAll(/<tr data-row-key-value="(006[0-9A-Za-z]{15})"/g)].map((m) => m[1]);
    const closed = new Set(server.org.opportunities.filter((o) => o.isClosed).map((o) => o.id));
    expect(openIds.length).toBeGreaterThan(0);
    expect(openIds.some((id) => closed.has(id as string))).toBe(false);
  });
});

describe('hostile text', () => {
  it('plants the hostile names on records the first list page shows', async () => {
    const { text } = await page('/lightning/o/Opportunity/list');
    const names = Object.values(server.hostile.opportunityNames);
    expect(names.length).toBeGreaterThanOrEqual(6);
    const listed = names.filter((name) => text.includes(escapeHtml(name)));
    expect(listed.length).toBeGreaterThanOrEqual(4);
    for (const account of Object.values(server.hostile.accountNames)) expect(text).toContain(escapeHtml(account));
  });

  it('escapes every hostile name on every page', async () => {
    const paths = [
      '/lightning/o/Opportunity/list',
      '/lightning/o/Account/list',
      '/lightning/page/home',
      ...Object.keys(server.hostile.opportunityNames).map((id) => `/lightning/r/Opportunity/${id}/view`),
      ...Object.keys(server.hostile.accountNames).map((id) => `/lightning/r/Account/${id}/view`),
      ...Object.keys(server.hostile.opportunityNames).map((id) => `/${id}`),
      // Every page shape (pages/page-options.ts) too.
      '/lightning/o/Opportunity/list?listMarkup=aura',
      '/lightning/o/Opportunity/list?listMarkup=lwc&viewMode=kanban&filterName=Open',
      '/006?fcf=00B000000000001',
      ...Object.keys(server.hostile.opportunityNames).flatMap((id) => [
        `/lightning/r/Opportunity/${id}/view?app=console&highlights=force`,
        `/lightning/r/Opportunity/${id}/view?app=standard&highlights=aura&cached=2`,
      ]),
    ];
    for (const path of paths) {
      const { text } = await page(path);
      for (const raw of RAW_MARKUP) expect(text, `${path} contains ${raw}`).not.toContain(raw);
    }
    // A fragment's html is markup (escaped); its title is text, which the page script sets as document.title.
    const fragment = (await (
      await fetch(`${server.url}/lightning/r/Opportunity/${Object.keys(server.hostile.opportunityNames)[0]}/view`, {
        headers: { 'X-Sandbox-Fragment': 'page' },
      })
    ).json()) as { title: string; html: string };
    for (const raw of RAW_MARKUP) expect(fragment.html).not.toContain(raw);
    expect(fragment.title).toBe(`${Object.values(server.hostile.opportunityNames)[0]} | Opportunity | Salesforce`);
  });

  it("serves the same names unescaped through the API: escaping is the page's job", async () => {
    const [id, name] = Object.entries(server.hostile.opportunityNames)[0] as [string, string];
    const reply = await fetch(`${server.url}/services/data/v62.0/query?q=${encodeURIComponent(`SELECT Name FROM Opportunity WHERE Id = '${id}'`)}`, {
      headers: { Authorization: `Bearer ${server.sid}` },
    });
    expect(((await reply.json()) as { records: { Name: string }[] }).records[0]?.Name).toBe(name);
    expect(HOSTILE_TEXT.some((t) => name.includes(t.trim()))).toBe(true);
    expect(HOSTILE_ACCOUNT_TEXT).toHaveLength(2);
  });

  it('escapes in the html tag: text and attributes', () => {
    const name = `"><img src=x onerror=alert(1)>&'`;
    expect(html`<a title="${name}">${name}</a>`.value).toBe(
      '<a title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;&#39;">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;&#39;</a>',
    );
    expect(html`<p>${[html`<b>${'<i>'}</b>`, null, 3]}</p>`.value).toBe('<p><b>&lt;i&gt;</b>3</p>');
  });
});

describe('theme', () => {
  it('is light by default, dark with ?theme=dark (remembered in a cookie) or the cookie', async () => {
    const light = await page('/lightning/o/Opportunity/list');
    expect(light.text).toContain('<body class="desktop" data-sandbox-app="standard" data-sandbox-dark-class="slds-color-scheme_dark">');
    const dark = await page('/lightning/o/Opportunity/list?theme=dark');
    expect(dark.text).toContain('<body class="desktop slds-color-scheme_dark" data-sandbox-app="standard"');
    expect(dark.headers.get('set-cookie')).toBe('sandbox_theme=dark; Path=/; SameSite=Lax');
    const byCookie = await page('/lightning/page/home', { Cookie: 'sandbox_theme=dark' });
    expect(byCookie.text).toContain('<body class="desktop slds-color-scheme_dark"');
    expect(light.text).toContain('html:has(body.slds-color-scheme_dark), html:has(body.slds-color-scheme--dark) {');
    expect(light.text).toContain('--slds-g-color-surface-1:');
  });
});

describe('page shapes', () => {
  const open = () => server.org.opportunities.filter((o) => !o.isClosed && o.account !== null && !(o.id in server.hostile.opportunityNames));
  const shaped = (path: string, headers: Record<string, string> = {}) => page(path, { 'X-Sandbox-Prerender': '1', ...headers });

  it('renders the record header in each shape the evidence shows, or none', async () => {
    const o = open()[0]!;
    const path = `/lightning/r/Opportunity/${o.id}/view`;
    const force = await shaped(`${path}?highlights=force`);
    expect(force.text).toContain(
      '<records-lwc-highlights-panel><records-lwc-record-layout><forcegenerated-highlightspanel_opportunity___012000000000000aaa___compact___view___recordlayout2><force-highlights2>',
    );
    expect(force.text).toContain('<slot><slot><force-highlights-details-item>');
    expect(force.headers.get('set-cookie')).toBe('sandbox_sf_highlights=force; Path=/; SameSite=Lax');
    const aura = await shaped(`${path}?highlights=aura`);
    expect(aura.text).toContain(`<header class="forceHighlightsPanel" data-aura-class="forceHighlightsPanel">`);
    expect(aura.text).toContain(`<h1 class="slds-page-header__title">${escapeHtml(o.name)}</h1>`);
    expect(aura.text).not.toContain('<records-lwc-highlights-panel>');
    const none = await shaped(`${path}?highlights=none`);
    for (const marker of ['<records-lwc-highlights-panel>', 'forceHighlightsPanel"', 'slds-page-header_record-home']) expect(none.text).not.toContain(marker);
    expect(none.text).toContain('<records-record-layout-item field-label="Stage"');
    // The cookie remembers the shape for the next pages (single-page navigation fetches fragments).
    const remembered = await page(path, { Cookie: 'sandbox_sf_highlights=none', 'X-Sandbox-Fragment': 'page' });
    expect(((await JSON.parse(remembered.text)) as { html: string }).html).not.toContain('<records-lwc-highlights-panel>');
  });

  it('keeps earlier record pages hidden in the stage with ?cached=N, and mounts the content in place when prerendered', async () => {
    const o = open()[0]!;
    const { text } = await shaped(`/lightning/r/Opportunity/${o.id}/view?cached=2`);
    const hosts = [...text.matchAll(/<div class="(windowViewMode-normal oneContent lafPageHost(?: active)?)" data-sandbox-url="([^"]+)"/g)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(hosts).toHaveLength(3);
    expect(hosts.map((h) => h[0])).toEqual([
      'windowViewMode-normal oneContent lafPageHost',
      'windowViewMode-normal oneContent lafPageHost',
      'windowViewMode-normal oneContent lafPageHost active',
    ]);
    expect(hosts[2]?.[1]).toBe(`/lightning/r/Opportunity/${o.id}/view`);
    expect(text).not.toContain('<template data-sandbox-content');
    expect(text).toContain('data-sandbox-state="ready"');
  });

  it('serves a console app: workspace tabs, hidden ones included, and a subtab of the workspace in ws', async () => {
    const o = open()[1]!;
    const { text } = await shaped(`/lightning/r/Opportunity/${o.id}/view?app=console`);
    expect(text).not.toContain('class="windowViewMode-normal oneContent');
    const workspaces = [
      ...text.matchAll(
        /<section class="(tabContent oneConsoleTab(?: active)?)" role="tabpanel" aria-expanded="(true|false)" data-sandbox-workspace="([^"]+)"/g,
      ),
    ];
    expect(workspaces.map((m) => [m[1], m[2]])).toEqual([
      ['tabContent oneConsoleTab', 'false'],
      ['tabContent oneConsoleTab', 'false'],
      ['tabContent oneConsoleTab active', 'true'],
    ]);
    expect(workspaces[2]?.[3]).toBe(`/lightning/r/Opportunity/${o.id}/view`);
    // Every tab's page host is active within its tab (the sections say which one is on screen).
    expect([...text.matchAll(/<div class="windowViewMode-maximized lafPageHost active"/g)]).toHaveLength(3);
    expect(text).toContain('<li role="presentation" class="oneConsoleTabItem tabItem slds-context-bar__item borderRight navexConsoleTabItem slds-is-active"');

    const account = o.account?.id as string;
    const ws = `/lightning/r/Account/${account}/view`;
    const sub = await shaped(`/lightning/r/Opportunity/${o.id}/view?app=console&ws=${encodeURIComponent(ws)}`);
    const focused = /<section class="tabContent oneConsoleTab active" role="tabpanel" aria-expanded="true" data-sandbox-workspace="([^"]+)">/.exec(sub.text);
    expect(focused?.[1]).toBe(ws);
    expect(sub.text).toContain(`data-sandbox-subtab="" data-sandbox-url="/lightning/r/Opportunity/${o.id}/view?ws=${encodeURIComponent(ws)}"`);
  });

  it('serves the list view in the older Aura markup, and the Kanban view', async () => {
    const aura = await shaped('/lightning/o/Opportunity/list?listMarkup=aura&filterName=Open');
    const ids = [
      ...aura.text.matchAll(/<a class="slds-truncate outputLookupLink slds-truncate forceOutputLookup" data-refid="recordId" data-recordid="(006\w{15})"/g),
    ].map((m) => m[1]);
    expect(ids).toHaveLength(50);
    expect(aura.text).toContain(
      '<div class="slds-grid listDisplays safari-workaround-anchor"><div><div class="slds-col slds-no-space forceListViewManagerPrimaryDisplayManager">',
    );
    expect(aura.text).not.toContain('data-row-key-value');
    const kanban = await shaped('/lightning/o/Opportunity/list?listMarkup=lwc&viewMode=kanban&filterName=Open');
    const cards = [...kanban.text.matchAll(/<article class="sandbox-kanban__card"><h3><a href="\/lightning\/r\/Opportunity\/(006\w{15})\/view"/g)].map(
      (m) => m[1],
    );
    expect(cards.length).toBeGreaterThan(20);
    const closed = new Set(server.org.opportunities.filter((x) => x.isClosed).map((x) => x.id));
    expect(cards.some((id) => closed.has(id as string))).toBe(false);
  });

  it('serves Classic list views with 15-character links in the name column', async () => {
    for (const path of ['/006?fcf=00B000000000001', '/006/o']) {
      const { status, text } = await page(path);
      expect(status).toBe(200);
      const links = [...text.matchAll(/<div class="x-grid3-cell-inner x-grid3-col-FULL_NAME"><a href="\/(006\w{12})">/g)].map((m) => m[1]);
      expect(links).toHaveLength(50);
      expect(text).toContain('<body class="hasMotif opportunityTab listPage sfdcBody">');
    }
    expect((await page('/006')).status).toBe(404);
  });

  it('puts the dark scheme class on <body> in either form', async () => {
    const dashes = await page('/lightning/page/home?theme=dark&darkClass=--dark');
    expect(dashes.text).toContain(
      '<body class="desktop slds-color-scheme--dark" data-sandbox-app="standard" data-sandbox-dark-class="slds-color-scheme--dark">',
    );
    expect(dashes.headers.get('set-cookie')).toBe('sandbox_theme=dark; Path=/; SameSite=Lax, sandbox_sf_dark_class=--dark; Path=/; SameSite=Lax');
  });

  it('builds page URLs in a shape', () => {
    expect(server.pageUrl('/lightning/r/Opportunity/006000000000001AAA/view', { app: 'console', theme: 'dark', cached: 2 })).toBe(
      `${server.url}/lightning/r/Opportunity/006000000000001AAA/view?app=console&theme=dark&cached=2`,
    );
    expect(server.pageUrl('/lightning/o/Opportunity/list?filterName=Open', { listMarkup: 'aura' })).toBe(
      `${server.url}/lightning/o/Opportunity/list?filterName=Open&listMarkup=aura`,
    );
    expect(server.classicRecordUrl('006000000000001AAA')).toBe(`${server.url}/006000000000001`);
    expect(server.classicListUrl()).toBe(`${server.url}/006?fcf=00B000000000001`);
  });

  it('takes default shapes as a server option, and refuses unknown ones', async () => {
    const consoleServer = createSalesforceSandbox({ seed: 7, opportunities: 30, pages: { app: 'console', theme: 'dark' } });
    const id = consoleServer.org.opportunities[0]?.id as string;
    const text = await (await consoleServer.fetch(`/lightning/r/Opportunity/${id}/view`)).text();
    expect(text).toContain('<body class="desktop slds-color-scheme_dark" data-sandbox-app="console"');
    expect(() => createSalesforceSandbox({ pages: { app: 'mobile' as 'console' } })).toThrow(
      'startSalesforceServer: pages.app must be one of standard, console, got "mobile"',
    );
    expect(() => createSalesforceSandbox({ pages: { layout: 'x' } as never })).toThrow(/pages.layout is not a page option/);
  });
});

describe('content security policy', () => {
  it('sends a Lightning-like policy with a nonce for the page script when asked', async () => {
    const strict = await startSalesforceServer({ seed: 7, opportunities: 20, contentSecurityPolicy: true });
    try {
      const reply = await fetch(strict.listUrl());
      const policy = reply.headers.get('content-security-policy') ?? '';
      const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
      expect(policy).toContain("default-src 'self'");
      expect(nonce).toBeDefined();
      expect(await reply.text()).toContain(`<script nonce="${nonce}">`);
    } finally {
      await strict.close();
    }
    expect((await fetch(server.listUrl())).headers.get('content-security-policy')).toBeNull();
  });
});
