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
    settings: (connectionId) => connectionSettings(db, connectionId),
    settingOfAll: (name) => listConnectionSetting(db, name),
    isConnected: async (connectionId) => (await getConnection(db, connectionId)) !== undefined,
  };
}
