import { randomBytes } from 'node:crypto';

/**
 * The org's one user session. Its id looks like a real `sid` cookie: the 15-character
 * org id, `!`, then an opaque token; a connector (like Salesforce Inspector) reads the org
 * id before the `!`. Expiring the session rotates the id: the old one then gets 401.
 */
export class Session {
  private current: string;

  constructor(
    private readonly orgId: string,
    /** The id to start with; a fresh one by default. */
    initial: string | null = null,
  ) {
    this.current = initial ?? this.mint();
  }

  get id(): string {
    return this.current;
  }

  /** Ends the session and starts a new one; returns the new id. */
  rotate(): string {
    this.current = this.mint();
    return this.current;
  }

  /** Whether an `Authorization` header carries the current session (`Bearer` or the older `OAuth`). */
  authorizes(header: string | undefined): boolean {
    if (header === undefined) return false;
    const match = /^(?:Bearer|OAuth)\s+(\S+)\s*$/i.exec(header);
    return match !== null && match[1] === this.current;
  }

  private mint(): string {
    const token = randomBytes(72).toString('base64url').replace(/[-_]/g, '.');
    return `${this.orgId.slice(0, 15)}!AQ${token}`;
  }
}
