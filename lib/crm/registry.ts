/**
 * The CRMs Dealsight connects to. Adding one is a folder (lib/crm/<name>/ with its
 * connector, entrypoints/<name>.content/ with its page adapter, its options card) and a
 * line here; test/crm/registry.test.ts fails while any part is missing. Everything that
 * differs between CRMs is asked of the connector found here, never decided by testing a
 * CRM's name.
 */
import type { CrmConnector, CrmKind, CrmPage } from './connector';
import { hubspotConnector } from './hubspot/connector';
import { salesforceConnector } from './salesforce/connector';
import { minimalPatterns, withE2E, type HostOptions } from './shared/hosts';

export const CRMS: Readonly<Record<CrmKind, CrmConnector>> = {
  salesforce: salesforceConnector,
  hubspot: hubspotConnector,
};

export const CRM_LIST: readonly CrmConnector[] = Object.values(CRMS);

/** The connector of a CRM connection (`salesforce:00D…`, `hubspot:42`), or null for files and sandbox data. */
export function crmOfConnection(connectionId: string): CrmConnector | null {
  const kind = connectionId.slice(0, connectionId.indexOf(':'));
  return Object.prototype.hasOwnProperty.call(CRMS, kind) ? CRMS[kind as CrmKind] : null;
}

/** The connector of a connection kind ('csv' and 'sandbox' have none). */
export function crmOfKind(kind: string): CrmConnector | null {
  return Object.prototype.hasOwnProperty.call(CRMS, kind) ? CRMS[kind as CrmKind] : null;
}

/**
 * The CRM whose page `url` is, with what the page shows, or null. On the local hosts of an
 * e2e build every CRM claims its own path shapes; the first whose page matches wins.
 */
export function crmOfPage(url: string, options: HostOptions): { crm: CrmConnector; page: CrmPage } | null {
  for (const crm of CRM_LIST) {
    const page = crm.page(url, options);
    if (page) return { crm, page };
  }
  return null;
}

/** Every CRM's tabs of one kind (`overlay`: where the content scripts run; `pages`: any page of an instance). */
export function allTabPatterns(e2e: boolean, which: 'overlay' | 'pages'): string[] {
  return withE2E(
    CRM_LIST.flatMap((crm) => crm.hosts[which]),
    e2e,
  );
}

/** The manifest's host permissions, from every CRM's host table (and the local hosts in e2e builds). */
export function manifestHosts(e2e: boolean): { host_permissions: string[]; optional_host_permissions: string[] } {
  return {
    host_permissions: withE2E(
      CRM_LIST.flatMap((crm) => crm.hosts.permissions),
      e2e,
    ),
    optional_host_permissions: minimalPatterns(CRM_LIST.flatMap((crm) => crm.hosts.optionalPermissions)),
  };
}
