/**
 * Where a synced record opens in its CRM, from what the store knows of the connection (its
 * connector says how: lib/crm/registry.ts). Null for files and sandbox data, which have
 * no CRM page.
 */
import type { RecordLinker } from '../crm/connector';
import { crmOfKind } from '../crm/registry';
import type { DealsightDb } from '../store/db';
import { connectionSettings } from '../store/repo';
import type { ConnectionRecord } from '../store/schema';

export type { RecordLinker };

export async function crmLinker(db: DealsightDb, connection: Pick<ConnectionRecord, 'id' | 'kind'>): Promise<RecordLinker | null> {
  const crm = crmOfKind(connection.kind);
  return crm ? crm.recordLinks(connectionSettings(db, connection.id)) : null;
}

/** Where a synced account (a Salesforce Account, a HubSpot company) opens in its CRM; null for files and sandbox data. */
export async function accountLinker(db: DealsightDb, connection: Pick<ConnectionRecord, 'id' | 'kind'>): Promise<RecordLinker | null> {
  const crm = crmOfKind(connection.kind);
  return crm ? crm.accountLinks(connectionSettings(db, connection.id)) : null;
}
