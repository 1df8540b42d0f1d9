/**
 * Connecting a portal: check the token with the cheapest calls there are, learn the
 * portal, and find every missing scope at once (not one per failed sync).
 * `GET /account-info/v3/details` answers any valid private app token, whatever its scopes,
 * with the portal id, time zone and company currency.
 * https://developers.hubspot.com/docs/api/settings/account-information-api
 */
import { readText } from '../shared/values';
import { asObject, idText, type HubSpotClient } from './client';
import { HubSpotError, isHubSpotError, MESSAGES, unreadableReply } from './errors';
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

/** The portal behind the token; throws the typed 401 states for a bad token. */
export async function portalInfo(client: HubSpotClient, signal?: AbortSignal): Promise<PortalInfo> {
  const path = '/account-info/v3/details';
  const o = asObject(await client.get(path, { signal }));
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
 * Validates the token: the portal, then one cheap read per required scope. Throws
 * HubSpotError: token-missing, token-invalid, token-expired, or missing-scopes naming every
 * scope the token lacks.
 */
export async function connectHubSpot(client: HubSpotClient, signal?: AbortSignal): Promise<PortalInfo> {
  const portal = await portalInfo(client, signal);
  const missing: string[] = [];
  for (const probe of SCOPE_PROBES) {
    try {
      await client.get(probe.path, { signal });
    } catch (error) {
      if (!isHubSpotError(error) || error.state !== 'missing-scopes') throw error;
      missing.push(probe.scope);
    }
  }
  if (missing.length > 0) throw new HubSpotError('missing-scopes', MESSAGES.missingScopes(missing), { status: 403, category: 'MISSING_SCOPES', missingScopes: missing });
  return portal;
}
