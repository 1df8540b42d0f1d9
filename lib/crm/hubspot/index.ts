/**
 * The HubSpot connector's public surface. Pure TypeScript: the background passes in
 * `fetch` and the private app token, stores what the sync hands back, and shows the states.
 */
export { apiBaseFor, isHubSpotHost, type HostOptions } from './hosts';
export { parseHubSpotUrl, dealIdOf, PAGE_CHECKS, OTHER_PAGE_EXAMPLES, type HubSpotPage, type PageCheck } from './pages';
export { HubSpotClient, DEFAULT_API_BASE, SEARCH_PER_SECOND, type HubSpotClientOptions, type HubSpotObject, type RetryInfo, type SearchPage } from './client';
export { HubSpotError, isHubSpotError, MESSAGES, type HubSpotErrorState } from './errors';
export { parseRateLimit, type RateLimitInfo } from './limits';
export { Pacer, type PacerOptions } from './pacer';
export { connectHubSpot, portalInfo, type PortalInfo } from './connect';
export { REQUIRED_SCOPES, type RequiredScope } from './scopes';
export { readPipelines, StageIndex, type HubSpotStage, type PipelineInfo, type StageOutcome, type StageOverrides } from './stages';
export { DEAL_PROPERTIES, ATTRIBUTE_COLUMNS, stageDateProperty } from './properties';
export { MAX_SEARCH_RESULTS, SEARCH_PAGE_SIZE } from './search';
export {
  syncHubSpot,
  prepareHubSpot,
  fetchDeal,
  readArchived,
  nextCheckpoint,
  DEFAULT_YEARS,
  CHECKPOINT_MARGIN_MS,
  type SyncOptions,
  type SyncResult,
  type SyncPage,
  type SyncProgress,
  type SyncStep,
  type RejectedRecord,
  type HubSpotContext,
  type FetchDealResult,
} from './sync';
