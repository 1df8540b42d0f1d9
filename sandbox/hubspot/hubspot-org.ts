import type { PersonRef } from '../../lib/crm/opportunity';
import { stableHash } from '../kit/timeline';
import type { SandboxOrg } from '../../lib/sandbox/types';

/**
 * The generator's org with HubSpot's ids: numeric strings, increasing in creation order
 * (so a client can split a search by `hs_object_id` ranges), with small gaps as a real
 * account's ids have. Owners get an owner id and a separate user id, teams an id each.
 * Everything else about the org stays as the generator made it, so `server.org` and
 * `truth` speak of the deals by the ids the API serves.
 */
export interface HubSpotIds {
  /** The owner's user id (`userId` in /crm/owners/{version}), by owner id. */
  userIdOfOwner: Map<string, number>;
  /** A team id per territory. */
  teamIdOfTerritory: Map<string, string>;
}

/** A numeric id sequence from `base`, stepping 1 to 9 by a hash of `key`. */
export class NumericIds {
  constructor(private last: number) {}

  next(key: string): string {
    this.last += 1 + (stableHash(key) % 9);
    return String(this.last);
  }

  get latest(): number {
    return this.last;
  }
}

/** Rewrites a copy of `org` with HubSpot ids; the generator's own ids are gone from it. */
export function toHubSpotOrg(source: SandboxOrg): { org: SandboxOrg; ids: HubSpotIds; deals: NumericIds } {
  const org = structuredClone(source);
  const base = (name: string, digits: number): number => {
    const h = stableHash(`${org.seed}:${name}`);
    return 10 ** (digits - 1) * (1 + (h % 8)) + (h % 99_991) * 1000;
  };
  const companies = new NumericIds(base('companies', 11));
  const contacts = new NumericIds(base('contacts', 11));
  const deals = new NumericIds(base('deals', 11));
  const owners = new NumericIds(base('owners', 9));
  const users = new NumericIds(base('users', 8));
  const teams = new NumericIds(base('teams', 8));

  const map = (ids: NumericIds, old: readonly string[]): Map<string, string> => new Map(old.map((id) => [id, ids.next(id)]));
  const company = map(
    companies,
    org.accounts.map((a) => a.id),
  );
  const contact = map(
    contacts,
    org.contacts.map((c) => c.id),
  );
  const deal = map(
    deals,
    org.opportunities.map((o) => o.id),
  );
  const owner = map(
    owners,
    org.users.map((u) => u.id),
  );
  const must = (m: Map<string, string>, id: string): string => m.get(id) ?? id;
  const person = (p: PersonRef | null): PersonRef | null => (p === null ? null : { id: owner.get(p.id) ?? p.id, name: p.name });

  const userIdOfOwner = new Map<string, number>();
  for (const u of org.users) {
    u.id = must(owner, u.id);
    u.manager = person(u.manager);
    userIdOfOwner.set(u.id, Number(users.next(u.id)));
  }
  const teamIdOfTerritory = new Map<string, string>();
  for (const u of org.users) if (u.territory !== null && !teamIdOfTerritory.has(u.territory)) teamIdOfTerritory.set(u.territory, teams.next(u.territory));
  for (const a of org.accounts) {
    a.id = must(company, a.id);
    a.parentId = a.parentId === null ? null : must(company, a.parentId);
    a.ownerId = must(owner, a.ownerId);
  }
  for (const c of org.contacts) {
    c.id = must(contact, c.id);
    c.accountId = must(company, c.accountId);
  }
  for (const r of org.contactRoles) {
    r.opportunityId = must(deal, r.opportunityId);
    r.contactId = must(contact, r.contactId);
  }
  for (const o of org.opportunities) {
    o.id = must(deal, o.id);
    if (o.account !== null) o.account = { id: must(company, o.account.id), name: o.account.name };
    o.owner = person(o.owner);
    o.ownerManager = person(o.ownerManager);
    o.createdBy = person(o.createdBy);
  }
  const rekey = <T>(record: Record<string, T>, m: Map<string, string>): Record<string, T> =>
    Object.fromEntries(Object.entries(record).map(([k, v]) => [m.get(k) ?? k, v]));
  org.truth.winProbability = rekey(org.truth.winProbability, deal);
  org.truth.openOutcomes = rekey(org.truth.openOutcomes, deal);
  org.truth.paths = rekey(org.truth.paths, deal);
  org.truth.personaOfAccount = rekey(org.truth.personaOfAccount, company);
  return { org, ids: { userIdOfOwner, teamIdOfTerritory }, deals };
}
