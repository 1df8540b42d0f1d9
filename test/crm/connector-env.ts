/**
 * A `ConnectorEnv` over a real store (fake-indexeddb) and fake tabs and cookies: what the
 * background lends a connector, for tests of connectors and the background's handlers.
 */
import type { ConnectorEnv, TabInfo } from '../../lib/crm/connector';
import type { FetchLike } from '../../lib/crm/shared/fetch';
import type { DealsightDb } from '../../lib/store/db';
import { connectionSettings, getConnection, listConnectionSetting } from '../../lib/store/repo';

export interface FakeBrowser {
  tabs?: TabInfo[];
  /** Cookie values by `<url>|<name>` or by url (the `sid` cookie). */
  cookies?: Record<string, string>;
  fetch?: FetchLike;
  localhost?: boolean;
  /** Every `sid` cookie by domain (the cookies API's `getAll`); without it the env cannot list cookies. */
  allCookies?: Record<string, string[]>;
  /** The browser's auth window (`identity.launchWebAuthFlow`); without it the env has no identity API. */
  launchWebAuthFlow?: (url: string) => Promise<string>;
  /** `identity.getRedirectURL()`. */
  redirectUrl?: string;
}

export function connectorEnv(db: DealsightDb, fake: FakeBrowser = {}): ConnectorEnv {
  const tabs = fake.tabs ?? [];
  return {
    hostOptions: { localhost: fake.localhost ?? false },
    fetch: fake.fetch ?? ((url, init) => fetch(url, init)),
    now: () => new Date().toISOString(),
    getTab: async (id) => tabs.find((t) => t.id === id),
    tabs: async () => tabs,
    getCookie: async (url, name) => fake.cookies?.[`${url}|${name}`] ?? (name === 'sid' ? (fake.cookies?.[url] ?? null) : null),
    ...(fake.allCookies ? { getAllCookies: async (name: string, domain: string) => (name === 'sid' ? (fake.allCookies?.[domain] ?? []) : []) } : {}),
    ...(fake.launchWebAuthFlow
      ? { launchWebAuthFlow: fake.launchWebAuthFlow, oauthRedirectUrl: () => fake.redirectUrl ?? 'https://dealsight.chromiumapp.org/' }
      : {}),
    settings: (connectionId) => connectionSettings(db, connectionId),
    settingOfAll: (name) => listConnectionSetting(db, name),
    isConnected: async (connectionId) => (await getConnection(db, connectionId)) !== undefined,
  };
}
