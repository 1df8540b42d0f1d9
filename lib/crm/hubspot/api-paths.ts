/**
 * Where each HubSpot call Dealsight makes lives: HubSpot's date-based API versions
 * (issue 13). Since March 2026 every REST API is versioned by date in its path
 * (`/crm/objects/2026-03/…`); a new version is released each March and September and
 * supported at least 18 months; the numbered paths (`/crm/v3/…`, `/crm/v4/associations/…`,
 * `/account-info/v3/…`) are legacy: v4 is unsupported from 2027-03-30, v1–v3 from
 * September 2027.
 * - https://developers.hubspot.com/docs/api-reference/2026-03/overview ("the first set of
 *   date-based versioned APIs"; every version on the same root, https://api.hubapi.com/)
 * - https://developers.hubspot.com/docs/api-reference/legacy/migration-guide ("The latest
 *   API version includes a URL prefix … (e.g., /2026-09/)"; "Many v3 and v4 endpoints have
 *   feature parity in version 2026-09")
 * - https://developers.hubspot.com/docs/developer-tooling/platform/versioning (the schedule)
 * - 2026-09 went GA on 2026-09-08 (the CRM write-validation notice on
 *   https://developers.hubspot.com/docs/api-reference/2026-03/crm/using-object-apis)
 *
 * 2026-09 is the latest GA version, and it serves every call below; the reference pages
 * (the `latest` links, each read at 2026-03 and 2026-09) give the same request and reply
 * shapes as the v3/v4 endpoints they replace, with one difference the client reads either
 * way: an association's `toObjectId` is a string (v4 sent a number). No call Dealsight makes
 * is without a date-based equivalent, so no legacy path is left. The sandbox HubSpot
 * (sandbox/hubspot) answers the numbered paths with HubSpot's retirement error, so a call
 * left on one fails the tests.
 */

/** The one API version every call uses. Moving to the next one is this line and its tests. */
export const HUBSPOT_API_VERSION = '2026-09';

const V = HUBSPOT_API_VERSION;
const segment = (value: string): string => encodeURIComponent(value);

export const API_PATHS = {
  /**
   * `GET`: the portal's id, time zone, company currency, `uiDomain` and
   * `dataHostingLocation`; any valid token, whatever its scopes.
   * https://developers.hubspot.com/docs/api-reference/latest/account/account-information/get-account-details
   */
  accountDetails: `/account-info/${V}/details`,
  /**
   * `GET`: every pipeline of an object with its stages (`metadata.isClosed`,
   * `metadata.probability` as text), `{ results }` without paging.
   * https://developers.hubspot.com/docs/api-reference/latest/crm/pipelines/get-pipelines
   */
  pipelines: (objectType: string) => `/crm/pipelines/${V}/${segment(objectType)}`,
  /**
   * `GET ?limit&after&archived`: owners with their teams, `paging.next.after`.
   * https://developers.hubspot.com/docs/api-reference/latest/crm/owners/get-owners
   */
  owners: `/crm/owners/${V}`,
  /**
   * `GET ?limit&after&archived&properties`: a page of an object's records (the archived
   * ones with `archivedAt`), `paging.next.after`.
   * https://developers.hubspot.com/docs/api-reference/latest/crm/objects/companies/get-companies
   */
  objects: (objectType: string) => `/crm/objects/${V}/${segment(objectType)}`,
  /**
   * `GET ?properties&archived`: one record.
   * https://developers.hubspot.com/docs/api-reference/latest/crm/objects/deals/guide
   */
  object: (objectType: string, id: string) => `/crm/objects/${V}/${segment(objectType)}/${segment(id)}`,
  /**
   * `POST { filterGroups, sorts, properties, limit, after }` → `{ total, results, paging }`,
   * 200 a page, 10,000 results a query.
   * https://developers.hubspot.com/docs/api-reference/latest/crm/objects/deals/search-deals
   * https://developers.hubspot.com/docs/api-reference/2026-03/crm/search-the-crm
   */
  search: (objectType: string) => `/crm/objects/${V}/${segment(objectType)}/search`,
  /**
   * `POST { inputs: [{ id }], properties }` → `{ results }` (207 with `errors` for ids not found), 100 ids a batch.
   * https://developers.hubspot.com/docs/api-reference/latest/crm/objects/objects/batch/get-objects
   */
  batchRead: (objectType: string) => `/crm/objects/${V}/${segment(objectType)}/batch/read`,
  /**
   * `POST { inputs: [{ id, after? }] }` → `{ results: [{ from: { id }, to: [{ toObjectId, associationTypes }], paging? }] }`,
   * 1,000 ids a batch (the v4 associations' successor).
   * https://developers.hubspot.com/docs/api-reference/latest/crm/associations/associate-records/batch/get-associations
   */
  associationsBatchRead: (from: string, to: string) => `/crm/associations/${V}/${segment(from)}/${segment(to)}/batch/read`,
} as const;

/** A numbered (legacy) API path: `/crm/v3/…`, `/crm/v4/…`, `/account-info/v3/…` and the like. */
export const NUMBERED_PATH = /^\/[a-z-]+(?:\/[a-z-]+)?\/v\d+(?:\/|$)/;
