import { historyBody } from '../property-history';
import { jsonBody, isObject } from '../../kit/control';
import { jsonReply, type Reply, type Request } from '../../kit/http';
import {
  credentialsNotFound,
  HubSpotError,
  methodNotAllowed,
  missingScopes,
  objectNotFound,
  rateLimited,
  resourceNotFound,
  retiredVersion,
  tokenExpired,
  unknownToHublet,
  validation,
} from '../errors';
import {
  COMPANY_DEFAULT_PROPERTIES,
  COMPANY_PROPERTY_TYPES,
  CONTACT_DEFAULT_PROPERTIES,
  CONTACT_PROPERTY_TYPES,
  DEAL_DEFAULT_PROPERTIES,
  DEAL_PROPERTY_TYPES,
  INDUSTRY_OPTIONS,
  type PropertyType,
} from '../properties';
import type { Grants, Scope } from '../scopes';
import { objectBody, search, withAlwaysSent, type SearchObject } from '../search';
import type { ServerState } from '../state';
import type { Association, CrmRecord, ObjectName, OwnerBody } from '../api-data';
import type { DealRecord } from '../store';

/**
 * HubSpot's REST API as a Service Key or a private app sees it (`Authorization: Bearer
 * <token>`), at the date-based versions (`/crm/objects/2026-09/…`, lib/crm/hubspot/api-paths.ts
 * cites the reference): deals, companies and contacts (search, list, read, batch read),
 * associations, deal pipelines, owners and the account's details; and a private app token's
 * own info. Read-only.
 *
 * The numbered versions (`/crm/v3/…`, `/crm/v4/…`, `/account-info/v3/…`) answer as HubSpot
 * will once it retired them (v4 on 2027-03-30, v1–v3 in September 2027): an error naming
 * the retirement, so a client still calling one fails its tests. (The private app
 * token-info endpoint under /oauth/v2, which Dealsight does not call, is served as before.)
 *
 * Hublets: the portal lives in one (`hublet`, na1 by default). A request addressed to
 * another hublet's host (`api-eu1.hubapi.com`, or on a local server the `/_hublet/eu1`
 * prefix that stands for it), or to `api.hubapi.com` with a token whose routing names
 * another hublet, gets HubSpot's 488 naming the portal's hublet.
 */

/** The date-based versions served: the current one and the one before, both supported. */
export const SERVED_VERSIONS = ['2026-03', '2026-09'] as const;
const VERSION = `(?:${SERVED_VERSIONS.join('|')})`;

/** The hublet a request is addressed to (null: api.hubapi.com or a local root, routed by its token) and its path without a hublet prefix. */
export function addressedTo(request: Request): { hublet: string | null; path: string } {
  const prefixed = /^\/_hublet\/([a-z]{2}\d{1,3})(\/.*)$/.exec(request.url.pathname);
  if (prefixed !== null) return { hublet: prefixed[1] as string, path: prefixed[2] as string };
  const host = /^api-([a-z]{2}\d{1,3})\.hubapi\.com$/.exec(request.url.hostname.toLowerCase());
  return { hublet: host === null ? null : (host[1] as string), path: request.url.pathname };
}

const READ_SCOPE: Record<ObjectName, Scope> = {
  deals: 'crm.objects.deals.read',
  companies: 'crm.objects.companies.read',
  contacts: 'crm.objects.contacts.read',
};
/** HubSpot's names for the objects in batch errors. */
const OBJECT_LABEL: Record<ObjectName, string> = { deals: 'DEAL', companies: 'COMPANY', contacts: 'CONTACT' };
const BATCH_READ_MAX = 100;
const ASSOCIATIONS_BATCH_MAX = 1000;
const OWNERS_PAGE_MAX = 500;
const LIST_PAGE_MAX = 100;

export async function handleApi(state: ServerState, request: Request): Promise<Reply> {
  try {
    return await route(state, request);
  } catch (error) {
    if (error instanceof HubSpotError) return error.reply();
    throw error;
  }
}

async function route(state: ServerState, request: Request): Promise<Reply> {
  const addressed = addressedTo(request);
  const path = addressed.path.replace(/\/+$/, '');
  // The token-info endpoint takes the token in the body, not in a header.
  if (path === '/oauth/v2/private-apps/get/access-token-info') {
    if (request.method !== 'POST') throw methodNotAllowed(request.method);
    const body = await requestJson(request);
    const token = isObject(body) ? body['tokenKey'] : undefined;
    if (typeof token !== 'string') throw validation('tokenKey is required');
    const check = state.token.checkToken(token);
    if (check.state === 'expired') throw tokenExpired(check.at);
    if (check.state !== 'valid') throw credentialsNotFound();
    return jsonReply(200, { userId: state.appUserId, hubId: state.portalId, appId: state.appId, scopes: state.grants.scopes });
  }

  const retired = /^\/(crm|account-info)\/(v\d+)(?:\/|$)/.exec(path);
  if (retired !== null) throw retiredVersion(`/${retired[1]}/${retired[2]}`);

  const header = request.header('authorization');
  const privateApp = state.token.check(header);
  const serviceKey = state.serviceKey.check(header);
  const credential = privateApp.state === 'valid' ? state.token : serviceKey.state === 'valid' ? state.serviceKey : null;
  if (credential === null) {
    const expired = privateApp.state === 'expired' ? privateApp : serviceKey.state === 'expired' ? serviceKey : null;
    if (expired !== null) throw tokenExpired(expired.at);
    throw credentialsNotFound();
  }
  const grants: Grants = credential === state.serviceKey ? state.serviceKeyGrants : state.grants;
  // api.hubapi.com routes by the token; a hublet's own host serves that hublet only.
  if ((addressed.hublet ?? credential.routing(state.hublet)) !== state.hublet) throw unknownToHublet(state.portalId, state.hublet);

  const endpoint = match(path, request.method);
  if (endpoint === null) throw resourceNotFound();
  const missing = grants.missing(endpoint.scopes);
  if (missing.length > 0) throw missingScopes(endpoint.scopes);
  const policy = state.limits.take(endpoint.search);
  const limitHeaders = state.limits.headers(endpoint.search);
  if (policy !== null) throw rateLimited(policy, limitHeaders);
  try {
    const reply = await endpoint.run(state, request);
    return { ...reply, headers: { ...reply.headers, ...limitHeaders } };
  } catch (error) {
    if (error instanceof HubSpotError) {
      const reply = error.reply();
      return { ...reply, headers: { ...reply.headers, ...limitHeaders } };
    }
    throw error;
  }
}

interface Endpoint {
  scopes: Scope[];
  search: boolean;
  run: (state: ServerState, request: Request) => Reply | Promise<Reply>;
}

function match(path: string, method: string): Endpoint | null {
  const get = method === 'GET' || method === 'HEAD';
  const post = method === 'POST';
  const endpoint = (scopes: Scope[], run: Endpoint['run'], search = false): Endpoint => ({ scopes, search, run });
  const notAllowed = (): Endpoint =>
    endpoint([], () => {
      throw methodNotAllowed(method);
    });

  const at = (pattern: string): RegExpExecArray | null => new RegExp(`^${pattern}$`).exec(path);
  if (at(`/account-info/${VERSION}/details`)) return get ? endpoint([], accountDetails) : notAllowed();
  if (at(`/crm/pipelines/${VERSION}/deals`)) return get ? endpoint(['crm.objects.deals.read'], pipelines) : notAllowed();
  const pipeline = at(`/crm/pipelines/${VERSION}/deals/([^/]+)`);
  if (pipeline !== null) return get ? endpoint(['crm.objects.deals.read'], (s) => onePipeline(s, decodeURIComponent(pipeline[1] as string))) : notAllowed();
  if (at(`/crm/owners/${VERSION}`)) return get ? endpoint(['crm.objects.owners.read'], owners) : notAllowed();
  const owner = at(`/crm/owners/${VERSION}/([^/]+)`);
  if (owner !== null) return get ? endpoint(['crm.objects.owners.read'], (s) => oneOwner(s, owner[1] as string)) : notAllowed();
  if (at(`/crm/properties/${VERSION}/companies/industry`)) return get ? endpoint(['crm.objects.companies.read'], industryProperty) : notAllowed();

  const objects = at(`/crm/objects/${VERSION}/(deals|companies|contacts)(?:/(search|batch/read|[^/]+))?`);
  if (objects !== null) {
    const object = objects[1] as ObjectName;
    const rest = objects[2];
    const scopes = [READ_SCOPE[object]];
    if (rest === 'search') return post ? endpoint(scopes, (s, r) => searchObjects(s, r, object), true) : notAllowed();
    if (rest === 'batch/read') return post ? endpoint(scopes, (s, r) => batchRead(s, r, object)) : notAllowed();
    if (rest !== undefined) return get ? endpoint(scopes, (s, r) => readOne(s, r, object, rest)) : notAllowed();
    return get ? endpoint(scopes, (s, r) => listObjects(s, r, object)) : notAllowed();
  }
  const associations = at(`/crm/associations/${VERSION}/deals/(companies|contacts)/batch/read`);
  if (associations !== null) {
    const to = associations[1] as 'companies' | 'contacts';
    return post ? endpoint(['crm.objects.deals.read', READ_SCOPE[to]], (s, r) => associationsBatch(s, r, to)) : notAllowed();
  }
  return null;
}

function accountDetails(state: ServerState): Reply {
  return jsonReply(200, {
    portalId: state.portalId,
    accountType: 'STANDARD',
    timeZone: 'US/Eastern',
    companyCurrency: state.api.currency,
    additionalCurrencies: [],
    utcOffset: '-05:00',
    utcOffsetMilliseconds: -18_000_000,
    uiDomain: state.hublet === 'na1' ? 'app.hubspot.com' : `app-${state.hublet}.hubspot.com`,
    dataHostingLocation: state.hublet,
  });
}

function pipelines(state: ServerState): Reply {
  return jsonReply(200, { results: state.api.pipelineBodies() });
}

function onePipeline(state: ServerState, id: string): Reply {
  const p = state.api.pipelineBodies().find((x) => x['id'] === id);
  if (p === undefined) throw new HubSpotError(404, 'OBJECT_NOT_FOUND', `Unable to find pipeline ${id}`, { context: { pipelineId: [id] } });
  return jsonReply(200, p);
}

/** How search and reads see each object's properties. */
function objectSchema(state: ServerState, object: ObjectName): SearchObject {
  if (object === 'deals') {
    const stageIds = state.api.stageIds();
    return {
      typeOf: (name) => {
        const fixed = DEAL_PROPERTY_TYPES[name];
        if (fixed !== undefined) return fixed;
        const stage = /^hs_v2_date_(?:entered|exited)_(.+)$/.exec(name);
        return stage !== null && stageIds.has(stage[1] as string) ? 'datetime' : null;
      },
      defaultProperties: DEAL_DEFAULT_PROPERTIES,
      nameProperty: 'dealname',
    };
  }
  const types: Readonly<Record<string, PropertyType>> = object === 'companies' ? COMPANY_PROPERTY_TYPES : CONTACT_PROPERTY_TYPES;
  return {
    typeOf: (name) => types[name] ?? null,
    defaultProperties: object === 'companies' ? COMPANY_DEFAULT_PROPERTIES : CONTACT_DEFAULT_PROPERTIES,
    nameProperty: object === 'companies' ? 'name' : 'lastname',
  };
}

function liveRecords(state: ServerState, object: ObjectName): CrmRecord[] {
  return state.api.records(object, false);
}

function findRecord(state: ServerState, object: ObjectName, id: string, archived: boolean): CrmRecord | undefined {
  return state.api.find(object, id, archived);
}

/** The request body as JSON; anything else is HubSpot's 400. */
function requestJson(request: Request): Promise<unknown> {
  return jsonBody(request).catch(() => {
    throw validation('Invalid input JSON: the body must be JSON');
  });
}

async function searchObjects(state: ServerState, request: Request, object: ObjectName): Promise<Reply> {
  return jsonReply(200, search(liveRecords(state, object), objectSchema(state, object), await requestJson(request)));
}

/**
 * GET /crm/objects/{version}/{object}: every record in id order, `limit` (≤ 100, default 10) a
 * page; `after` is the id to start from, as HubSpot's list cursor is. No 10,000 cap here,
 * but no filters either.
 */
function listObjects(state: ServerState, request: Request, object: ObjectName): Reply {
  const params = request.url.searchParams;
  const limit = Number(params.get('limit') ?? 10);
  if (!Number.isInteger(limit) || limit < 1 || limit > LIST_PAGE_MAX) throw validation(`limit must be a whole number from 1 to ${LIST_PAGE_MAX}`);
  const after = params.get('after');
  if (after !== null && !/^\d+$/.test(after)) throw validation(`after must be a paging cursor from a previous page, got "${after}"`);
  const archived = params.get('archived') === 'true';
  const all = state.api.records(object, archived);
  const from = after === null ? all : all.filter((r) => Number(r.id) >= Number(after));
  const page = from.slice(0, limit);
  const next = from[limit];
  const properties = withAlwaysSent(propertiesParam(request), objectSchema(state, object));
  return jsonReply(200, {
    results: page.map((r) => objectBody(r, properties)),
    ...(next === undefined ? {} : { paging: { next: { after: next.id, link: nextLink(request, next.id) } } }),
  });
}

/** `paging.next.link`: this request's URL on HubSpot's API host, with the next cursor. */
function nextLink(request: Request, after: string): string {
  const url = new URL(request.url.href);
  url.searchParams.set('after', after);
  return `https://api.hubapi.com${url.pathname}${url.search}`;
}

/** `?properties=a,b` (or repeated), HubSpot's way of naming them in a GET. */
function propertiesParam(request: Request): string[] | null {
  const values = request.url.searchParams.getAll('properties').flatMap((v) => v.split(','));
  const names = values.map((v) => v.trim()).filter((v) => v !== '');
  return names.length === 0 ? null : names;
}

function readOne(state: ServerState, request: Request, object: ObjectName, rawId: string): Reply {
  const id = decodeURIComponent(rawId);
  const archived = request.url.searchParams.get('archived') === 'true';
  const record = findRecord(state, object, id, archived);
  if (record === undefined) throw objectNotFound(id);
  return jsonReply(200, objectBody(record, withAlwaysSent(propertiesParam(request), objectSchema(state, object))));
}

async function batchRead(state: ServerState, request: Request, object: ObjectName): Promise<Reply> {
  const startedAt = new Date().toISOString();
  const body = await requestJson(request);
  const ids = batchInputIds(body, BATCH_READ_MAX);
  if (isObject(body) && body['idProperty'] !== undefined && body['idProperty'] !== 'hs_object_id') throw validation('idProperty must be hs_object_id here');
  const requested = isObject(body) && Array.isArray(body['properties']) ? (body['properties'].filter((p) => typeof p === 'string') as string[]) : null;
  const properties = withAlwaysSent(requested, objectSchema(state, object));
  const archived = isObject(body) && body['archived'] === true;
  const withHistory =
    isObject(body) && Array.isArray(body['propertiesWithHistory']) ? body['propertiesWithHistory'].filter((p): p is string => typeof p === 'string') : [];
  const results: Record<string, unknown>[] = [];
  const missing: string[] = [];
  for (const id of [...new Set(ids)]) {
    const record = findRecord(state, object, id, archived);
    if (record === undefined) missing.push(id);
    else {
      const reply = objectBody(record, properties);
      // Deals keep a history of the properties the as-of engine reads (property-history.ts).
      if (withHistory.length > 0 && 'history' in record) {
        const deal = record as DealRecord;
        reply['propertiesWithHistory'] = historyBody(deal.history, withHistory, deal.opportunity.owner?.id ?? null);
      }
      results.push(reply);
    }
  }
  const completedAt = new Date().toISOString();
  if (missing.length === 0) return jsonReply(200, { status: 'COMPLETE', results, startedAt, completedAt });
  return jsonReply(207, {
    status: 'COMPLETE',
    results,
    numErrors: 1,
    errors: [
      {
        status: 'error',
        category: 'OBJECT_NOT_FOUND',
        message: `Could not get some ${OBJECT_LABEL[object]} objects, they may be deleted or not exist. Check that ids are valid.`,
        context: { ids: missing },
      },
    ],
    startedAt,
    completedAt,
  });
}

/** `{ inputs: [{ id }] }` → the ids, checked. */
function batchInputIds(body: unknown, max: number): string[] {
  if (!isObject(body) || !Array.isArray(body['inputs'])) throw validation('inputs (a list of { "id": … }) is required');
  const inputs = body['inputs'];
  if (inputs.length > max) throw validation(`Too many inputs: ${inputs.length} (at most ${max} per batch)`);
  return inputs.map((input, i) => {
    const id = isObject(input) ? input['id'] : undefined;
    if (typeof id !== 'string' && typeof id !== 'number') throw validation(`inputs[${i}].id is required`);
    return String(id);
  });
}

/**
 * POST /crm/associations/{version}/deals/{companies|contacts}/batch/read. A deal's company
 * link carries both the unlabeled type (341) and "Primary" (5); contact links the unlabeled
 * deal-to-contact type (3); `toObjectId` is a string, as the date-based reference shows it
 * (v4 sent a number). Deals without any (or unknown ids) are reported in `errors` with 207
 * Multi-Status, as HubSpot does.
 * https://developers.hubspot.com/docs/api-reference/latest/crm/associations/associate-records/batch/get-associations
 */
async function associationsBatch(state: ServerState, request: Request, to: 'companies' | 'contacts'): Promise<Reply> {
  const startedAt = new Date().toISOString();
  const ids = batchInputIds(await requestJson(request), ASSOCIATIONS_BATCH_MAX);
  const results: Record<string, unknown>[] = [];
  const errors: Record<string, unknown>[] = [];
  for (const id of [...new Set(ids)]) {
    const targets = associated(state.api.associations(id, to) ?? [], to);
    if (targets.length === 0) {
      errors.push({
        status: 'error',
        category: 'OBJECT_NOT_FOUND',
        subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND',
        message: `No ${to === 'companies' ? 'company' : 'contact'} is associated with deal ${id}.`,
        context: { fromObjectId: [id] },
      });
      continue;
    }
    results.push({ from: { id }, to: targets });
  }
  const completedAt = new Date().toISOString();
  if (errors.length === 0) return jsonReply(200, { status: 'COMPLETE', results, startedAt, completedAt });
  return jsonReply(207, { status: 'COMPLETE', results, numErrors: errors.length, errors, startedAt, completedAt });
}

function associated(links: readonly Association[], to: 'companies' | 'contacts'): Record<string, unknown>[] {
  if (to === 'contacts') return links.map((c) => ({ toObjectId: c.id, associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 3, label: null }] }));
  return links.map((c) => ({
    toObjectId: c.id,
    associationTypes: [
      ...(c.primary ? [{ category: 'HUBSPOT_DEFINED', typeId: 5, label: 'Primary' }] : []),
      { category: 'HUBSPOT_DEFINED', typeId: 341, label: null },
    ],
  }));
}

/** GET /crm/owners/{version}: `limit` (≤ 500, default 100), `after`, `email`. */
function owners(state: ServerState, request: Request): Reply {
  const params = request.url.searchParams;
  const limit = Number(params.get('limit') ?? 100);
  if (!Number.isInteger(limit) || limit < 1 || limit > OWNERS_PAGE_MAX) throw validation(`limit must be a whole number from 1 to ${OWNERS_PAGE_MAX}`);
  const afterText = params.get('after') ?? '0';
  if (!/^\d+$/.test(afterText)) throw validation(`after must be a paging cursor from a previous page, got "${afterText}"`);
  const after = Number(afterText);
  const email = params.get('email');
  const all = state.api.owners(params.get('archived') === 'true').filter((o) => email === null || o.email.toLowerCase() === email.toLowerCase());
  const page = all.slice(after, after + limit);
  const next = after + limit;
  return jsonReply(200, {
    results: page,
    ...(next < all.length ? { paging: { next: { after: String(next), link: nextLink(request, String(next)) } } } : {}),
  });
}

function oneOwner(state: ServerState, id: string): Reply {
  const owner: OwnerBody | undefined = state.api.owners(false).find((o) => o.id === id);
  if (owner === undefined) throw objectNotFound(id);
  return jsonReply(200, owner);
}

/** GET /crm/properties/{version}/companies/industry: the option values and their labels. */
function industryProperty(): Reply {
  return jsonReply(200, {
    name: 'industry',
    label: 'Industry',
    type: 'enumeration',
    fieldType: 'select',
    groupName: 'companyinformation',
    options: Object.entries(INDUSTRY_OPTIONS).map(([label, value], displayOrder) => ({ label, value, displayOrder, hidden: false })),
  });
}
