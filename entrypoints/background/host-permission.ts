/**
 * Whether the extension may reach a CRM's API base (HubSpot's connector asks before a sync:
 * lib/crm/hubspot/connector.ts). A match pattern has no port and matches every port, in
 * Chrome and in Firefox; but Firefox's `permissions.contains` does not count a granted
 * pattern for 127.0.0.1 without a port as containing the same host on port 35459 (seen with Firefox ESR 153
 * in test/e2e/firefox-overlay.e2e.ts, where the sandbox portal's API has a port), while
 * Chrome does. So a base with a port is also checked against its host's port-less pattern.
 */
export type PermissionsContains = (permissions: { origins: string[] }) => Promise<boolean>;

/** The origin patterns, any of which lets the extension reach `apiBase`. */
export function hostPermissionPatterns(apiBase: string): string[] {
  const url = new URL(apiBase);
  const exact = `${url.origin}/*`;
  return url.port ? [exact, `${url.protocol}//${url.hostname}/*`] : [exact];
}

export async function hasHostPermission(apiBase: string, contains: PermissionsContains): Promise<boolean> {
  for (const origin of hostPermissionPatterns(apiBase)) {
    if (await contains({ origins: [origin] }).catch(() => false)) return true;
  }
  return false;
}
