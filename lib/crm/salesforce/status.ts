/**
 * What Dealsight keeps about a connected Salesforce org besides its data: the options
 * page's view of it (last state, API usage, API version), the user's sync choices, and,
 * for an org connected with OAuth, its refresh token. Types only; the store's schema
 * declares the settings that hold them.
 */
import type { ApiLimits } from './limits';
import type { CustomFieldChoice, CustomFieldInput } from './fields';

export interface SalesforceStatus {
  apiBase: string;
  orgId: string;
  orgName: string | null;
  apiVersion: string | null;
  limits: ApiLimits | null;
  /** 'ok', or the state the last sync or fetch ended in. */
  state: 'ok' | 'session-expired' | 'no-api-access' | 'error';
  message: string | null;
  checkedAt: string;
  /** How the last sync or fetch reached the API: the browser session, or OAuth (absent before OAuth existed: the session). */
  auth?: 'session' | 'oauth';
  /** The org refused the browser session for the API (API Access Control): the options page offers OAuth. */
  needsOAuth?: boolean;
  /** The closed-deal window (years) of the last completed sync; a new setting forces a full sync. */
  years?: number;
  /** The org's custom Opportunity fields a user may add, as of the last sync. */
  customFieldChoices?: CustomFieldChoice[];
  /** The custom-field setting of the last completed sync: a new choice forces a full sync. */
  customFields?: CustomFieldInput[];
}

/** How many years of closed deals a sync reads unless the user chose otherwise. */
export const DEFAULT_YEARS = 3;

/** The choices the options page offers for the closed-deal window. */
export const YEAR_CHOICES = [1, 2, 3, 4, 5, 7, 10] as const;

/** A closed-deal window a sync accepts: a whole number of 1–50 years. */
export function isSyncYears(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 50;
}

/**
 * An org connected with OAuth (oauth.ts): the app and where its user signed in, and the
 * refresh token. A secret: only the background, the job runner and the options page (to
 * revoke it when the connection is removed) read it; it is this browser profile's, never
 * synced, and deleted with the connection. The access token is never stored.
 */
export interface SalesforceOAuth {
  /** The External Client App's consumer key. */
  clientId: string;
  /** Where the user signed in (`https://login.salesforce.com`, a My Domain): authorize, token, refresh and revoke go there. */
  authBase: string;
  /** The org's API origin (`instance_url`). */
  instanceUrl: string;
  orgId: string;
  userId: string | null;
  refreshToken: string;
  scope: string | null;
  connectedAt: string;
}
