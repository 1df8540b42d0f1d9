/**
 * The Salesforce connector's public surface. Pure TypeScript: the background passes in
 * `fetch` and a cookie reader, stores what the sync hands back, and shows the states.
 */
export { apiHostFor, isSalesforceHost, isLocalHost, HOST_RULES, type HostOptions, type HostRule } from './hosts';
export { parseSalesforceUrl, opportunityIdOf, PAGE_CHECKS, type SalesforcePage, type PageCheck } from './pages';
export { toId18, toId15, sameId, objectOfId } from './ids';
export { findSession, orgIdOfSid, SESSION_MESSAGES, type GetCookie, type SessionResult } from './session';
export {
  SalesforceClient,
  type SalesforceClientOptions,
  type FetchLike,
  type QueryPage,
  type QueryOptions,
  type SalesforceRecord,
  type ApiVersion,
  type RetryInfo,
} from './client';
export { SalesforceError, isSalesforceError, MESSAGES, type SalesforceErrorState } from './errors';
export { parseLimitInfo, type ApiLimits } from './limits';
export type { DescribeSObject, DescribeField } from './describe';
export {
  customFieldChoices,
  fieldMapping,
  attributeFields,
  STANDARD_MAPPINGS,
  type AttributeSpec,
  type CustomFieldChoice,
  type CustomFieldInput,
  type FieldPlan,
} from './fields';
export type { StageInfo } from './stages';
export {
  syncSalesforce,
  prepareSalesforce,
  fetchOpportunities,
  DEFAULT_YEARS,
  type SyncOptions,
  type SyncResult,
  type SyncPage,
  type SyncProgress,
  type SyncStep,
  type OrgInfo,
  type RejectedRecord,
  type SalesforceContext,
} from './sync';
