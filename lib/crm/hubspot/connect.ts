/**
 * Connecting a portal: check the key with the cheapest calls there are, learn the portal
 * and its hublet, move to that hublet's API host, and find every missing scope at once
 * (not one per failed sync). `GET /account-info/{version}/details` answers any valid
 * Service Key or private app token, whatever its scopes, with the portal id, time zone,
 * company currency, `uiDomain` and `dataHostingLocation`.
 * https://developers.hubspot.com/docs/api-reference/latest/account/account-information/get-account-details
 */
import { readText } from '../shared/values';
import { API_PATHS } from './api-paths';
import { asObject, idText, type HubSpotClient } from './client';
import { HubSpotError, isHubSpotError, MESSAGES, unreadableReply } from './errors';
import { apiBaseForHublet, hubletOfAccount } from './hosts';
import { SCOPE_PROBES } from './scopes';

export interface PortalInfo {
  portalId: string;
  timeZone: string | null;
  /** The portal's company currency (ISO 4217): amounts without `deal_currency_code` are in it. */
  currency: string | null;
  /** `app.hubspot.com`, `app-eu1.hubspot.com`, …: where the portal's record pages are. */
  uiDomain: string | null;
  dataHostingLocation: string | null;
}

/** A portal whose account details could not be read: only its id, from its page URL or the stored connection. */
function bareInfo(portalId: string): PortalInfo {
  return { portalId, timeZone: null, currency: null, uiDomain: null, dataHostingLocation: null };
}

/**
 * The portal behind the token; throws the typed 401 states for a bad token. With
 * `knownPortalId` (from a HubSpot page's URL, or the stored connection), an API that does
 * not serve the account details (a 400 or 404) gives that portal with no details instead
 * of failing; a retired path (410) still fails.
 */
export async function portalInfo(client: HubSpotClient, signal?: AbortSignal, knownPortalId?: string): Promise<PortalInfo> {
  const path = API_PATHS.accountDetails;
  let reply: unknown;
  try {
    reply = await client.get(path, { signal });
  } catch (error) {
    if (knownPortalId !== undefined && isHubSpotError(error) && error.state === 'bad-request') return bareInfo(knownPortalId);
    throw error;
  }
  const o = asObject(reply);
  const portalId = idText(o?.portalId);
  if (o === null || portalId === null) throw unreadableReply(`GET ${path}`, 'it has no portalId');
  const currency = readText(o.companyCurrency)?.toUpperCase() ?? null;
  return {
    portalId,
    timeZone: readText(o.timeZone),
    currency: currency !== null && /^[A-Z]{3}$/.test(currency) ? currency : null,
    uiDomain: readText(o.uiDomain),
    dataHostingLocation: readText(o.dataHostingLocation),
  };
}

/**
 * Validates the token: the portal (a 488 on the way moves the client to the portal's
 * hublet, when `mayUse` allows its host), the portal's own hublet host when its details
 * name another one, then one cheap read per required scope there. Throws HubSpotError:
 * token-missing, token-invalid, token-expired, wrong-hublet (with the host to allow), or
 * missing-scopes naming every scope the token lacks.
 */
export async function connectHubSpot(
  client: HubSpotClient,
  signal?: AbortSignal,
  knownPortalId?: string,
  mayUse: (apiBase: string) => boolean | Promise<boolean> = () => true,
): Promise<PortalInfo> {
  const portal = await portalInfo(client, signal, knownPortalId);
  // A token that carries its routing works on api.hubapi.com for any hublet; the portal's
  // own host is asked all the same, so a later change of routing cannot break the sync.
  const hublet = hubletOfAccount(portal);
  const home = hublet === null ? null : apiBaseForHublet(client.apiBase, hublet);
  if (home !== null && home !== client.apiBase) {
    if (!(await mayUse(home)))
      throw new HubSpotError('wrong-hublet', MESSAGES.wrongHublet(hublet, new URL(home).host), {
        hublet,
        hubletApiBase: home,
        request: `GET ${API_PATHS.accountDetails}`,
      });
    client.moveTo(home);
  }
  const missing: string[] = [];
  for (const probe of SCOPE_PROBES) {
    try {
      await client.get(probe.path, { signal });
    } catch (error) {
      // A probe the API does not serve (400/404) says nothing about scopes: the sync finds out.
      if (isHubSpotError(error) && error.state === 'bad-request') continue;
      if (!isHubSpotError(error) || error.state !== 'missing-scopes') throw error;
      missing.push(probe.scope);
    }
  }
  if (missing.length > 0)
    throw new HubSpotError('missing-scopes', MESSAGES.missingScopes(missing), { status: 403, category: 'MISSING_SCOPES', missingScopes: missing });
  return portal;
}
