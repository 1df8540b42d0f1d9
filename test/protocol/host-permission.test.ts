import { describe, expect, it } from 'vitest';
import { hasHostPermission, hostPermissionPatterns } from '../../entrypoints/background/host-permission';

/** Firefox's `permissions.contains` as observed: a granted pattern counts only for the same pattern, port included. */
const firefoxContains =
  (granted: string[]) =>
  async ({ origins }: { origins: string[] }): Promise<boolean> =>
    origins.every((o) => granted.includes(o));

describe('the host permission check before a HubSpot sync', () => {
  it("counts a port-less grant for an API base with a port, as Chrome does and Firefox's contains does not", async () => {
    expect(hostPermissionPatterns('http://127.0.0.1:35459')).toEqual(['http://127.0.0.1:35459/*', 'http://127.0.0.1/*']);
    expect(await hasHostPermission('http://127.0.0.1:35459/crm/v3', firefoxContains(['http://127.0.0.1/*']))).toBe(true);
    expect(await hasHostPermission('http://127.0.0.1:35459', firefoxContains(['http://127.0.0.1:35459/*']))).toBe(true);
  });

  it('checks a base without a port against its origin only, and refuses what is not granted', async () => {
    expect(hostPermissionPatterns('https://api.hubapi.com')).toEqual(['https://api.hubapi.com/*']);
    expect(await hasHostPermission('https://api.hubapi.com', firefoxContains(['https://api.hubapi.com/*']))).toBe(true);
    expect(await hasHostPermission('https://api-eu1.hubapi.com', firefoxContains(['https://api.hubapi.com/*']))).toBe(false);
    expect(await hasHostPermission('http://localhost:8080', firefoxContains(['http://127.0.0.1/*']))).toBe(false);
    // A failing check is a refusal, not an error.
    expect(await hasHostPermission('https://api.hubapi.com', () => Promise.reject(new Error('no')))).toBe(false);
  });
});
