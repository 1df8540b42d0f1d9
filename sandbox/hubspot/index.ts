/**
 * The local sandbox HubSpot server (Node only: never import it from extension code).
 * See server.ts for the handle (in-process through `fetch`, or listening on node:http),
 * options.ts for the options, seeded-records.ts for serving exact records, routes/api.ts
 * for the API, search.ts for the search semantics, rate-limits.ts for the limits and
 * pages/ for the HubSpot-like pages. Faults: ../kit/faults.ts, with HubSpot's replies in
 * fault-replies.ts.
 */
export { createHubSpotSandbox, startHubSpotServer, type ApiCall, type HubSpotSandbox, type HubSpotServer } from './server';
export type { HubSpotRecordSet, SeedDeal, SeedObject, SeedOwner, SeedPipeline } from './seeded-records';
export { ManualClock } from '../kit/manual-clock';
export type { RecordedRequest, SandboxFetch } from '../kit/in-process';
export { HUBSPOT_SERVER_DEFAULTS, type HubSpotServerOptions } from './options';
export { ALL_SCOPES, type Scope } from './scopes';
export { DEFAULT_PIPELINE_ID, type Pipeline, type PipelineStage } from './pipelines';
export { INDUSTRY_OPTIONS } from './properties';
export { MAX_LIMIT as SEARCH_MAX_LIMIT, MAX_RESULTS as SEARCH_MAX_RESULTS } from './search';
export type { DealChanges } from './store';
export { PAGING_MISBEHAVIOURS, type PagingMisbehaviour } from './misbehave';
export { FAULT_KINDS, FaultController, type FaultKind, type FaultOptions, type FaultSpec, type PendingFault } from '../kit/faults';
export { HOSTILE_TEXT, HOSTILE_ACCOUNT_TEXT, type HostileEdits } from '../kit/hostile';
export { PAGE_SHAPES, DEFAULT_SHAPES, type PageShapes } from './pages/shapes';
