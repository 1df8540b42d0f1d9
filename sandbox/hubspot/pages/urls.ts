/** The account's page paths, as HubSpot's app spells them (0-3: deals, 0-2: companies, 0-1: contacts). */
export const OBJECT_TYPE_ID = { contacts: '0-1', companies: '0-2', deals: '0-3' } as const;

export const recordPath = (portalId: number, objectTypeId: string, id: string): string => `/contacts/${portalId}/record/${objectTypeId}/${id}`;
export const dealPath = (portalId: number, id: string): string => recordPath(portalId, OBJECT_TYPE_ID.deals, id);
/** A company's record page (object type 0-2), and the older company URL HubSpot still opens. */
export const companyPath = (portalId: number, id: string): string => recordPath(portalId, OBJECT_TYPE_ID.companies, id);
export const legacyCompanyPath = (portalId: number, id: string): string => `/contacts/${portalId}/company/${id}`;
/** The older deal URL, which HubSpot still opens. */
export const legacyDealPath = (portalId: number, id: string): string => `/contacts/${portalId}/deal/${id}`;
export const boardPath = (portalId: number, pipelineId?: string): string =>
  `/contacts/${portalId}/objects/0-3/views/all/board${pipelineId === undefined ? '' : `?pipeline=${encodeURIComponent(pipelineId)}`}`;
export const listPath = (portalId: number, page?: number): string =>
  `/contacts/${portalId}/objects/0-3/views/all/list${page === undefined || page <= 1 ? '' : `?page=${page}`}`;
/** The Sales Workspace's deals tab (`/prospecting/{portalId}/…`, crm-evidence.md "deals list"; the tab's own path is a guess). */
export const workspacePath = (portalId: number): string => `/prospecting/${portalId}/deals`;
