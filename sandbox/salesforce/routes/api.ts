import { ApiError, methodNotAllowed, notForRest, notFound, requestLimitExceeded, sessionInvalid } from '../api-errors';
import { describeBody, sobjectBasicInfoBody, sobjectsBody } from '../describe';
import { jsonReply, type Reply, type Request } from '../../kit/http';
import { toId18 } from '../id-sequence';
import { batchSizeFrom } from '../query-cursors';
import { SoqlError } from '../soql/errors';
import { executeSoql, outputValue, recordUrl, type JsonObject } from '../soql/execute';
import type { ServerState } from '../state';
import { parseApiVersion, versionsBody } from '../versions';

/**
 * The REST API under /services/data/: the versions list (public), and under vXX.X/ (with
 * `Authorization: Bearer <sid or OAuth access token>`; under API Access Control the sid is
 * refused; each call counted): the resource list, query / queryAll
 * with query locators, sobjects, describe, record retrieval and limits. Read-only.
 */

const NO_CACHE = 'no-cache,must-revalidate,max-age=0,no-store,private';

export async function handleApi(state: ServerState, request: Request): Promise<Reply> {
  const path = request.url.pathname;
  if (path === '/services/data' || path === '/services/data/') {
    if (request.method !== 'GET' && request.method !== 'HEAD') return errorReply(methodNotAllowed(request.method, 'GET,HEAD'));
    return jsonReply(200, versionsBody(state.apiVersion), { 'Cache-Control': NO_CACHE });
  }
  const match = /^\/services\/data\/v(\d+\.\d+)(\/.*)?$/.exec(path);
  if (match === null) return errorReply(notFound());
  const authorization = request.header('authorization');
  if (state.session.authorizes(authorization)) {
    // API Access Control: the browser's session may not use the REST API; only an allowed app's OAuth token may.
    if (state.apiAccessControl) return errorReply(notForRest());
  } else if (!state.oauth.authorizes(authorization)) {
    return errorReply(sessionInvalid());
  }
  if (state.usage.exhausted) return errorReply(requestLimitExceeded(), state);
  state.usage.record();
  try {
    const version = match[1] as string;
    const number = parseApiVersion(version);
    if (number === null || number > state.apiVersion || number < 31) throw notFound();
    if (request.method !== 'GET' && request.method !== 'HEAD') throw methodNotAllowed(request.method, 'GET,HEAD');
    return withUsage(state, route(state, request, version, (match[2] ?? '/').replace(/\/+$/, '') || '/'));
  } catch (error) {
    if (error instanceof ApiError) return errorReply(error, state);
    throw error;
  }
}

function route(state: ServerState, request: Request, version: string, rest: string): Reply {
  const base = `/services/data/v${version}`;
  if (rest === '/') {
    return jsonReply(200, {
      limits: `${base}/limits`,
      query: `${base}/query`,
      queryAll: `${base}/queryAll`,
      sobjects: `${base}/sobjects`,
    });
  }
  if (rest === '/limits') return jsonReply(200, state.usage.limitsBody());
  if (rest === '/query' || rest === '/queryAll') return query(state, request, version, rest === '/queryAll');
  const more = /^\/(?:query|queryAll)\/([0-9A-Za-z]{15,18})-(\d+)$/.exec(rest);
  if (more !== null) {
    const header = request.header('sforce-query-options');
    const page = state.cursors.more(more[1] as string, Number(more[2]), header === undefined ? null : batchSizeFrom(header), version);
    if (page === null) throw new ApiError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
    return jsonReply(200, page);
  }
  if (rest === '/sobjects') return jsonReply(200, sobjectsBody(state.db.schema, version));
  const sobject = /^\/sobjects\/([A-Za-z0-9_]+)(?:\/([^/]+))?$/.exec(rest);
  if (sobject !== null) {
    const type = state.db.schema.object(sobject[1] as string);
    if (type === undefined) throw notFound();
    const sub = sobject[2];
    if (sub === undefined) return jsonReply(200, sobjectBasicInfoBody(type, version));
    if (sub === 'describe') return jsonReply(200, describeBody(state.db.schema, type, version));
    return retrieve(state, request, version, type.name, sub);
  }
  throw notFound();
}

function query(state: ServerState, request: Request, version: string, includeDeleted: boolean): Reply {
  const q = request.url.searchParams.get('q');
  if (q === null || q.trim() === '') throw new ApiError(400, 'MALFORMED_QUERY', 'A query string has to be specified');
  try {
    const outcome = executeSoql({ db: state.db, today: state.today, version, includeDeleted, reverseOrderBy: state.reverseOrderBy }, q);
    if (outcome.records.length === 0) return jsonReply(200, { totalSize: outcome.totalSize, done: true, records: [] });
    const fixed = state.batchSizes.get(outcome.object.toLowerCase());
    return jsonReply(200, state.cursors.first(outcome.records, fixed ?? batchSizeFrom(request.header('sforce-query-options')), version, fixed !== undefined));
  } catch (error) {
    if (error instanceof SoqlError) throw new ApiError(400, error.errorCode, error.messageFor(q));
    throw error;
  }
}

/** GET /sobjects/{Object}/{id}[?fields=A,B]: one record with all (or the named) fields. */
function retrieve(state: ServerState, request: Request, version: string, objectName: string, rawId: string): Reply {
  const id = toId18(rawId);
  const found = id === null ? undefined : state.db.find(id);
  if (found === undefined || found.type.name !== objectName || found.row['IsDeleted'] === true) throw notFound();
  const fieldsParam = request.url.searchParams.get('fields');
  const fields =
    fieldsParam === null
      ? found.type.fields
      : fieldsParam
          .split(',')
          .map((name) => name.trim())
          .filter((name) => name !== '')
          .map((name) => {
            const field = found.type.field(name);
            if (field === undefined) throw new ApiError(400, 'INVALID_FIELD', `No such column '${name}' on sobject of type ${objectName}`);
            return field;
          });
  const record: JsonObject = { attributes: { type: objectName, url: recordUrl(version, objectName, String(found.row['Id'])) } };
  for (const field of fields) record[field.name] = outputValue(found.row[field.name] ?? null, field.type);
  return jsonReply(200, record);
}

function withUsage(state: ServerState, reply: Reply): Reply {
  return { ...reply, headers: { ...reply.headers, 'Sforce-Limit-Info': state.usage.header(), 'Cache-Control': NO_CACHE } };
}

export function errorReply(error: ApiError, state?: ServerState): Reply {
  const reply = jsonReply(error.status, error.body(), error.headers);
  return state === undefined ? reply : withUsage(state, reply);
}
