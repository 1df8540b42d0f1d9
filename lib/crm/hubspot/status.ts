/**
 * What Dealsight keeps about a connected HubSpot portal besides its data: the token it
 * syncs with (a secret: only the background and the job runner read it) and the options
 * page's view of the portal. Types only; the store's schema declares the settings that hold them.
 */
import type { RateLimitInfo } from './limits';
import type { StageOutcome, StageOverrides } from './stages';

/** The token and API host of a connected portal. */
export interface HubSpotCredentials {
  token: string;
  apiBase: string;
  portalId: string;
}

/** The options page's view of a portal: last state, rate limits, portal details. */
export interface HubSpotStatus {
  apiBase: string;
  portalId: string;
  uiDomain: string | null;
  currency: string | null;
  limits: RateLimitInfo | null;
  /** 'ok', or the state the last sync or fetch ended in. */
  state: 'ok' | 'token-invalid' | 'token-expired' | 'missing-scopes' | 'error';
  message: string | null;
  checkedAt: string;
  /** The portal's stages as of the last sync, for the options page's outcome mapping. */
  stages?: Array<{ id: string; label: string; probability: number | null; hubspotOutcome: StageOutcome | null; overridden: boolean }>;
  /** The stage mapping the last completed sync used: a new one re-reads every deal. */
  stageOverrides?: StageOverrides;
}
