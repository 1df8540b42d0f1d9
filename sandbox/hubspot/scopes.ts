/**
 * The granular scopes a private app is granted, and which each endpoint needs.
 * https://developers.hubspot.com/docs/apps/legacy-apps/authentication/scopes
 */
export const ALL_SCOPES = [
  'crm.objects.deals.read',
  'crm.objects.companies.read',
  'crm.objects.contacts.read',
  'crm.objects.owners.read',
  'crm.schemas.deals.read',
] as const;

export type Scope = (typeof ALL_SCOPES)[number];

/** What a private app's token can do now: scopes can be revoked and granted while the server runs. */
export class Grants {
  private granted: Set<Scope>;

  constructor(scopes: readonly Scope[]) {
    this.granted = new Set(scopes);
  }

  get scopes(): Scope[] {
    return ALL_SCOPES.filter((s) => this.granted.has(s));
  }

  /** The scopes of `required` not granted (empty: allowed). */
  missing(required: readonly Scope[]): Scope[] {
    return required.filter((s) => !this.granted.has(s));
  }

  revoke(scopes: readonly Scope[]): void {
    for (const s of scopes) this.check(s);
    for (const s of scopes) this.granted.delete(s);
  }

  grant(scopes: readonly Scope[]): void {
    for (const s of scopes) this.check(s);
    for (const s of scopes) this.granted.add(s);
  }

  private check(scope: string): void {
    if (!(ALL_SCOPES as readonly string[]).includes(scope)) throw new Error(`Unknown scope "${scope}"; known: ${ALL_SCOPES.join(', ')}`);
  }
}
