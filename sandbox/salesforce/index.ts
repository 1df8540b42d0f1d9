/**
 * The local sandbox Salesforce server (Node only: never import it from extension code).
 * See server.ts for the handle (in-process through `fetch`, or listening on node:http),
 * options.ts for the options, seeded-records.ts for serving exact records, ../kit/faults.ts
 * for the faults, soql/parser.ts for the SOQL subset and pages/ for the Lightning-like pages.
 */
export {
  createSalesforceSandbox,
  startSalesforceServer,
  type SalesforceRequest,
  type SalesforceSandbox,
  type SalesforceServer,
  type SandboxOAuth,
} from './server';
export type { OAuthAppOption, OAuthCall, OAuthSnapshot, ResolvedOAuthApp } from './oauth';
export type { SalesforceRecordSet, SeedRecord, SeedValue } from './seeded-records';
export type { CustomFieldOption } from './schema';
export { ManualClock } from '../kit/manual-clock';
export type { RecordedRequest, SandboxFetch } from '../kit/in-process';
export { SERVER_DEFAULTS, type SalesforceServerOptions } from './options';
export { PAGE_OPTIONS, PAGE_OPTION_DEFAULTS, type LightningPageOptions } from './pages/page-options';
export { FAULT_KINDS, FaultController, type FaultKind, type FaultOptions, type FaultSpec, type PendingFault } from '../kit/faults';
export type { OpportunityChanges } from './database';
export { HOSTILE_TEXT, HOSTILE_ACCOUNT_TEXT, type HostileEdits } from '../kit/hostile';
export { escapeHtml } from '../kit/html';
