import { randomUUID } from 'node:crypto';

/**
 * The private app's access token. Rotating it (HubSpot's "Rotate token", or an expired
 * token fault) ends the old one: requests with it get 401 EXPIRED_AUTHENTICATION, and any
 * other token gets 401 INVALID_AUTHENTICATION.
 */
export class AccessToken {
  private current: string;
  private readonly expired = new Map<string, number>();

  constructor(initial: string | null) {
    this.current = initial ?? AccessToken.mint();
  }

  static mint(): string {
    return `pat-na1-${randomUUID()}`;
  }

  get value(): string {
    return this.current;
  }

  rotate(): string {
    this.expired.set(this.current, Date.now());
    this.current = AccessToken.mint();
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
}
