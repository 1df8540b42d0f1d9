/**
 * The sandbox CRMs (Salesforce, HubSpot) behind one interface, for `npm run demo` and the
 * benchmarks: each starts its local server with a given org, knows its first page, record,
 * view and dark-theme addresses, connects from Dealsight's options page the way a user
 * would, and adds records after a sync (to measure fetching one on demand).
 */
import type { Page } from 'puppeteer';
import type { SandboxOrg } from '../lib/sandbox/types';
import { startHubSpotServer } from './hubspot';
import { startSalesforceServer } from './salesforce';
import type { SoakStop, SoakTour } from '../scripts/browser/soak';
import { clickButton } from '../scripts/browser/store-reader';

export type CrmName = 'salesforce' | 'hubspot';

export interface SandboxCrm {
  name: CrmName;
  /** "Salesforce", "HubSpot". */
  label: string;
  /** What a record is called there, one and several. */
  record: string;
  records: string;
  url: string;
  /** A line on what was started. */
  describe: string;
  /** Connection ids of this CRM start with it. */
  connectionPrefix: string;
  /** The page a user opens first (a logged-in home page, the deals board). */
  firstPage: string;
  recordUrl(id: string): string;
  /** An account's page (a Salesforce Account, a HubSpot company), by the id its opportunities name it with: it gets the account panel. */
  accountUrl(id: string): string;
  /** The view that gets chips, and what it is called. */
  view: { url: string; what: string };
  /** Every page shape the demo shows after the record page, with the record `id` where a shape needs one. */
  showcase(id: string): Array<{ file: string; url: string; what: string; kind: 'record' | 'list' }>;
  darkCookie: string;
  /** Connects the CRM from the options page. */
  connect(options: Page): Promise<void>;
  /** Creates open records in the CRM (after a sync: the store does not hold them). */
  addRecords(count: number): Array<{ id: string }>;
  /**
   * The overlay soak's tours (scripts/browser/soak.ts): each opens one page shape of the app
   * (standard navigation, a console, …) and moves through its records and views in-app,
   * for the records `ids`.
   */
  soakTours(ids: readonly string[]): SoakTour[];
  close(): Promise<void>;
}

/** An in-app navigation through the sandbox page's own single-page app (sandbox/kit/spa-script.ts). */
function spaGo(globalName: string, url: string): SoakStop['go'] {
  const target = new URL(url, 'http://sandbox.invalid');
  return async (page) => {
    await page.evaluate(`window[${JSON.stringify(globalName)}].navigate(${JSON.stringify(target.pathname + target.search)})`);
  };
}

/** Record links of Lightning pages, and of HubSpot's views. */
const LIGHTNING_LINKS = 'a[href*="/lightning/r/"]';
const HUBSPOT_LINKS = 'a[href*="/record/0-3/"]';

export interface SandboxCrmOptions {
  org: SandboxOrg;
  /** How long the pages take to show their content (the servers' default when unset). */
  renderDelayMs?: number;
}

export async function startSandboxCrm(name: CrmName, options: SandboxCrmOptions): Promise<SandboxCrm> {
  const { org, renderDelayMs } = options;
  if (name === 'salesforce') {
    const server = await startSalesforceServer({ org, ...(renderDelayMs !== undefined ? { renderDelayMs } : {}) });
    return {
      name,
      label: 'Salesforce',
      record: 'opportunity',
      records: 'opportunities',
      url: server.url,
      describe: `${server.url}  (org ${server.orgId})`,
      connectionPrefix: 'salesforce:',
      firstPage: server.loginUrl(),
      recordUrl: (id) => server.recordUrl(id),
      accountUrl: (id) => server.pageUrl(`/lightning/r/Account/${id}/view`, { app: 'standard' }),
      view: { url: server.listUrl(), what: 'the opportunity list view' },
      showcase: (id) => [
        {
          file: 'console',
          url: server.pageUrl(`/lightning/r/Opportunity/${id}/view`, { app: 'console' }),
          what: 'the opportunity in a Sales Console tab, with the panels',
          kind: 'record',
        },
        {
          file: 'list-view',
          url: server.pageUrl('/lightning/o/Opportunity/list?filterName=Open', { app: 'standard' }),
          what: 'the list view with Win Potential / Repeat Buyer Potential chips',
          kind: 'list',
        },
        {
          file: 'kanban',
          url: server.pageUrl('/lightning/o/Opportunity/list?filterName=Open&viewMode=kanban', { app: 'standard' }),
          what: 'the Kanban view with chips',
          kind: 'list',
        },
        {
          file: 'no-highlights',
          url: server.pageUrl(`/lightning/r/Opportunity/${id}/view`, { app: 'standard', highlights: 'none' }),
          what: 'a record page without a highlights panel: the panel floats',
          kind: 'record',
        },
      ],
      darkCookie: 'sandbox_theme',
      connect: (page) => clickButton(page, new RegExp(`^Connect ${new URL(server.url).host.replace(/\./g, '\\.')}$`)),
      addRecords: (count) => server.addOpportunities(count),
      soakTours: (ids) => [
        {
          name: 'standard navigation',
          start: server.pageUrl('/lightning/o/Opportunity/list', { app: 'standard' }),
          stops: [
            ...ids.map((id, i): SoakStop => ({ name: `opportunity ${i + 1}`, kind: 'record', go: spaGo('sandboxLightning', server.recordUrl(id)) })),
            { name: 'the list view', kind: 'list', go: spaGo('sandboxLightning', '/lightning/o/Opportunity/list?filterName=Open'), links: LIGHTNING_LINKS },
            {
              name: 'the Kanban view',
              kind: 'list',
              go: spaGo('sandboxLightning', '/lightning/o/Opportunity/list?filterName=Open&viewMode=kanban'),
              links: LIGHTNING_LINKS,
            },
          ],
        },
        {
          // The console opens with three record tabs; a tab switch is the console's own navigation.
          name: 'Sales Console',
          start: server.pageUrl(server.recordUrl(ids[0] as string).replace(server.url, ''), { app: 'console' }),
          stops: [0, 1, 2].map((tab): SoakStop => ({
            name: `console tab ${tab + 1}`,
            kind: 'record',
            go: async (page) => {
              await page.evaluate(`window.sandboxLightning.focusTab(${tab})`);
            },
          })),
        },
      ],
      close: () => server.close(),
    };
  }
  const server = await startHubSpotServer({ org, ...(renderDelayMs !== undefined ? { renderDelayMs } : {}) });
  return {
    name,
    label: 'HubSpot',
    record: 'deal',
    records: 'deals',
    url: server.url,
    describe: `${server.url}  (portal ${server.portalId}; Service Key ${server.serviceKey.slice(0, 8)}…)`,
    connectionPrefix: 'hubspot:',
    firstPage: server.boardUrl(),
    recordUrl: (id) => server.recordUrl(id),
    accountUrl: (id) => server.companyUrl(id),
    view: { url: server.boardUrl(), what: 'the deals board' },
    showcase: () => [
      { file: 'board', url: server.boardUrl(), what: 'the deals board with Win Potential / Repeat Buyer Potential chips', kind: 'list' },
      { file: 'deals-index', url: server.listUrl(), what: 'the deals index table with chips', kind: 'list' },
      { file: 'sales-workspace', url: server.workspaceUrl(), what: 'the Sales Workspace deals table with chips', kind: 'list' },
    ],
    darkCookie: 'sandbox_hs_theme',
    async connect(page) {
      const input = await page.waitForSelector('[data-testid="hubspot-token"]');
      await input?.type(server.serviceKey);
      await clickButton(page, /^Connect HubSpot$/);
    },
    addRecords: (count) => server.addDeals(count),
    soakTours: (ids) => [
      {
        name: 'the app',
        start: server.boardUrl(),
        stops: [
          ...ids.map((id, i): SoakStop => ({ name: `deal ${i + 1}`, kind: 'record', go: spaGo('sandboxHubSpot', server.recordUrl(id)) })),
          { name: 'the deals board', kind: 'list', go: spaGo('sandboxHubSpot', server.boardUrl()), links: HUBSPOT_LINKS },
          { name: 'the deals index', kind: 'list', go: spaGo('sandboxHubSpot', server.listUrl()), links: HUBSPOT_LINKS },
          { name: 'the Sales Workspace', kind: 'list', go: spaGo('sandboxHubSpot', server.workspaceUrl()), links: HUBSPOT_LINKS },
        ],
      },
    ],
    close: () => server.close(),
  };
}
