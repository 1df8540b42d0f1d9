/**
 * The local sandbox Salesforce server (Node only: never import it from extension code).
 * See server.ts for the handle, options.ts for the options, faults.ts for the faults,
 * soql/parser.ts for the SOQL subset and pages/ for the Lightning-like pages.
 */
export { startSalesforceServer, type SalesforceServer } from './server';
export { SERVER_DEFAULTS, type SalesforceServerOptions } from './options';
export { FAULT_KINDS, FaultController, type FaultKind, type FaultOptions, type FaultSpec, type PendingFault } from '../kit/faults';
export type { OpportunityChanges } from './database';
export { HOSTILE_TEXT, HOSTILE_ACCOUNT_TEXT, type HostileEdits } from '../kit/hostile';
export { escapeHtml } from '../kit/html';
