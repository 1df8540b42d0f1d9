import { randomBytes, randomUUID } from 'node:crypto';

/**
 * A credential the API takes as `Authorization: Bearer`: a legacy private app's access
 * token, or a Service Key. Rotating it (HubSpot's "Rotate", or an expired token fault)
 * ends the old one: requests with it get 401 EXPIRED_AUTHENTICATION, and any other token
 * gets 401 INVALID_AUTHENTICATION.
 *
 * A private app token reads `pat-<hublet>-<uuid>`: the hublet is its routing on
 * api.hubapi.com, and a token minted before routing existed says na1 whatever hublet its
 * portal lives in (hubspot-api-python #261, amp-labs/connectors #3509). HubSpot documents
 * no shape for a Service Key, so the sandbox mints an opaque one (64 hex characters) that
 * carries its portal's routing, and the client relies on no prefix.
 * https://developers.hubspot.com/docs/apps/developer-platform/build-apps/authentication/account-service-keys
 */
export type CredentialKind = 'private-app' | 'service-key';

export class AccessToken {
  private current: string;
  private readonly expired = new Map<string, number>();

  constructor(
    initial: string | null,
    readonly kind: CredentialKind = 'private-app',
    /** The hublet routing a minted private app token names (`pat-<hublet>-`). */
    private readonly mintHublet = 'na1',
  ) {
    this.current = initial ?? this.mint();
  }

  static mint(hublet = 'na1'): string {
    return `pat-${hublet}-${randomUUID()}`;
  }

  private mint(): string {
    return this.kind === 'service-key' ? randomBytes(32).toString('hex') : AccessToken.mint(this.mintHublet);
  }

  get value(): string {
    return this.current;
  }

  rotate(): string {
    this.expired.set(this.current, Date.now());
    this.current = this.mint();
    return this.current;
  }

  /** 'valid', 'missing' (no Bearer header), 'expired' (with when) or 'invalid'. */
  check(header: string | undefined): { state: 'valid' | 'missing' | 'invalid' } | { state: 'expired'; at: number } {
    if (header === undefined || header.trim() === '') return { state: 'missing' };
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (match === null) return { state: 'invalid' };
    return this.checkToken(match[1] as string);
  }

  checkToken(token: string): { state: 'valid' | 'invalid' } | { state: 'expired'; at: number } {
    if (token === this.current) return { state: 'valid' };
    const at = this.expired.get(token);
    return at === undefined ? { state: 'invalid' } : { state: 'expired', at };
  }

  /** The hublet api.hubapi.com routes this credential's requests to: a private app token's prefix, else `portalHublet`. */
  routing(portalHublet: string): string {
    if (this.kind === 'service-key') return portalHublet;
    return /^pat-([a-z]{2}\d{1,3})-/.exec(this.current)?.[1] ?? 'na1';
  }
}
