import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSalesforceServer, type SalesforceServer, HOSTILE_TEXT, HOSTILE_ACCOUNT_TEXT } from '../../sandbox/salesforce';
import { escapeHtml, html } from '../../sandbox/kit/html';

/**
 * The Lightning-like pages, read as text: what a content script will find (URL, highlights
 * panel, list rows linking to records), the login cookie, dark mode, and that hostile
 * names reach the page only as escaped text.
 */

let server: SalesforceServer;

beforeAll(async () => {
  server = await startSalesforceServer({ seed: 7, opportunities: 300, renderDelayMs: 0 });
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
    expect(text).toContain('class="slds-page-header slds-page-header_record-home forceHighlightsPanel"');
    expect(text).toContain('<records-highlights2>');
    expect(text).toContain(`<lightning-formatted-text title="${escapeHtml(o.name)}">${escapeHtml(o.name)}</lightning-formatted-text>`);
    expect(text).toContain(`href="/lightning/r/Account/${o.account?.id}/view"`);
    expect(text).toContain(`<records-record-layout-item field-label="Stage"`);
    expect(text).toContain(`title="${o.stage}"><span class="slds-path__title">`);
    expect(text).toMatch(/<li class="slds-path__item slds-is-current slds-is-active"/);
    // The page script mounts the content from a template, after the render delay.
    expect(text).toContain('<template id="sandbox-page"');
    expect(text).toContain('<section id="oneCenterStage" class="mainContentMark oneCenterStage" aria-busy="true"></section>');
  });

  it('takes a 15-character id and the object-less /lightning/r/{id}/view form', async () => {
    const o = server.org.opportunities[3];
    const short = await page(`/lightning/r/Opportunity/${o?.id.slice(0, 15)}/view`);
    expect(short.text).toContain('forceHighlightsPanel');
    expect(short.text).toContain(escapeHtml(o?.name ?? ''));
    const bare = await page(`/lightning/r/${o?.id}/view`);
    expect(bare.text).toContain('data-object="Opportunity"');
  });

  it("shows Lightning's problem page for a record that does not exist", async () => {
    const { status, text } = await page('/lightning/r/Opportunity/006000000000000AAA/view');
    expect(status).toBe(200);
    expect(text).toContain('data-record-missing="006000000000000AAA"');
    expect(text).not.toContain('forceHighlightsPanel"');
  });

  it('serves account pages (not an opportunity) and Classic opportunity pages', async () => {
    const account = server.org.accounts.find((a) => !(a.id in server.hostile.accountNames));
    const accountPage = await page(`/lightning/r/Account/${account?.id}/view`);
    expect(accountPage.text).toContain('data-object="Account"');
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
    for (const id of rows) expect(text).toContain(`href="/lightning/r/Opportunity/${id}/view" `);
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
    expect(light.text).toMatch(/<html lang="en" class="" data-theme="light"/);
    const dark = await page('/lightning/o/Opportunity/list?theme=dark');
    expect(dark.text).toMatch(/<html lang="en" class="slds-color-scheme_dark" data-theme="dark"/);
    expect(dark.headers.get('set-cookie')).toBe('sandbox_theme=dark; Path=/; SameSite=Lax');
    const byCookie = await page('/lightning/page/home', { Cookie: 'sandbox_theme=dark' });
    expect(byCookie.text).toContain('class="slds-color-scheme_dark"');
    expect(light.text).toContain('html.slds-color-scheme_dark {');
    expect(light.text).toContain('--slds-g-color-surface-1:');
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
