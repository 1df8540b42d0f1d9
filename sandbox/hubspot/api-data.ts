import type { Properties } from './properties';

/**
 * What the API serves, whoever holds it: a generated account (store.ts) or seeded
 * records (seeded-records.ts). Search, reads, associations, owners and pipelines read
 * only this, so both answer through the same routes, limits and faults.
 */

export type ObjectName = 'deals' | 'companies' | 'contacts';

/** A deal, company or contact as the API serves it: its properties ready to serve and to filter on. */
export interface CrmRecord {
  id: string;
  createdAt: number;
  updatedAt: number;
  /** When it was archived (deleted); null while it is live. */
  archivedAt: number | null;
  properties: Properties;
}

/** A deal's link to a company or contact. */
export interface Association {
  id: string;
  /** The deal's primary company (HubSpot's association type 5, "Primary"). */
  primary: boolean;
}

/** An owner as GET /crm/owners/{version} writes it. */
export interface OwnerBody extends Record<string, unknown> {
  id: string;
  email: string;
}

export interface ApiData {
  /** The account's company currency (/account-info/{version}/details). */
  readonly currency: string;
  /** The deal pipelines as GET /crm/pipelines/{version}/deals lists them. */
  pipelineBodies(): Record<string, unknown>[];
  /** Every stage id of every pipeline: the `hs_v2_date_entered_*` / `_exited_*` properties. */
  stageIds(): ReadonlySet<string>;
  /** An object's records in id order: the live ones, or with `archived` the archived ones. */
  records(object: ObjectName, archived: boolean): CrmRecord[];
  find(object: ObjectName, id: string, archived: boolean): CrmRecord | undefined;
  /** A live deal's companies or contacts; undefined when there is no such live deal. */
  associations(dealId: string, to: 'companies' | 'contacts'): Association[] | undefined;
  /** The owners (the live ones, or with `archived` the deactivated ones). */
  owners(archived: boolean): OwnerBody[];
}
