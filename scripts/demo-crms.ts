/**
 * The sandbox CRMs `npm run demo` can show: each starts its local server with a seeded org
 * whose history ends today, opens its first page, connects it from Dealsight's options
 * page the way a user would, and knows its record, view and dark-theme addresses.
 */
import type { Page } from 'puppeteer';
import type { SandboxOrg } from '../lib/sandbox/types';
import { startHubSpotServer } from '../lib/sandbox/hubspot-server';
import { startSalesforceServer } from '../lib/sandbox/salesforce-server';
import { clickButton } from '../test/e2e/store-reader';

export type CrmName = 'salesforce' | 'hubspot';

export interface DemoCrm {
  name: CrmName;
  /** "Salesforce", "HubSpot". */
  label: string;
  /** What a record is called there. */
  record: string;
  url: string;
  /** A line on what was started. */
  describe: string;
  /** Connection ids of this CRM start with it. */
  connectionPrefix: string;
  /** The page a user opens first (a logged-in home page, the deals board). */
  firstPage: string;
  recordUrl(id: string): string;
  /** The view that gets chips, and what it is called. */
  view: { url: string; what: string };
  darkCookie: string;
  /** Connects the CRM from the options page. */
  connect(options: Page): Promise<void>;
  close(): Promise<void>;
}

export async function startDemoCrm(name: CrmName, org: SandboxOrg): Promise<DemoCrm> {
  if (name === 'salesforce') {
    const server = await startSalesforceServer({ org });
    return {
      name,
      label: 'Salesforce',
      record: 'opportunity',
      url: server.url,
      describe: `${server.url}  (org ${server.orgId})`,
      connectionPrefix: 'salesforce:',
      firstPage: server.loginUrl(),
      recordUrl: (id) => server.recordUrl(id),
      view: { url: server.listUrl(), what: 'the opportunity list view' },
      darkCookie: 'sandbox_theme',
      connect: (options) => clickButton(options, new RegExp(`^Connect ${new URL(server.url).host.replace(/\./g, '\\.')}$`)),
      close: () => server.close(),
    };
  }
  const server = await startHubSpotServer({ org });
  return {
    name,
    label: 'HubSpot',
    record: 'deal',
    url: server.url,
    describe: `${server.url}  (portal ${server.portalId}; private app token ${server.token.slice(0, 12)}…)`,
    connectionPrefix: 'hubspot:',
    firstPage: server.boardUrl(),
    recordUrl: (id) => server.recordUrl(id),
    view: { url: server.boardUrl(), what: 'the deals board' },
    darkCookie: 'sandbox_hs_theme',
    async connect(options) {
      const input = await options.waitForSelector('[data-testid="hubspot-token"]');
      await input?.type(server.token);
      await clickButton(options, /^Connect HubSpot$/);
    },
    close: () => server.close(),
  };
}
