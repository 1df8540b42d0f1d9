/**
 * Owners from `GET /crm/owners/{version}` (active and archived, so deals of people who left keep
 * their owner's name). An owner carries `teams: [{ id, name, primary }]`; the primary team,
 * else the first, is the owner's team: the reporting level above the owner, the HubSpot
 * counterpart of a Salesforce owner's manager, so it fills `Opportunity.ownerManager`
 * (which the engine reads as the team).
 * https://developers.hubspot.com/docs/api/crm/owners
 */
import type { ApiRecord } from '../shared/values';
import { readName, readText } from '../shared/values';
import { asObject, idText } from './client';

export interface OwnerInfo {
  id: string;
  name: string;
  /** The HubSpot user id (what `hs_created_by_user_id` holds). */
  userId: string | null;
  team: { id: string; name: string } | null;
}

export class OwnerIndex {
  private readonly byId = new Map<string, OwnerInfo>();
  private readonly byUser = new Map<string, OwnerInfo>();

  constructor(owners: readonly OwnerInfo[]) {
    for (const o of owners) {
      if (!this.byId.has(o.id)) this.byId.set(o.id, o);
      if (o.userId !== null && !this.byUser.has(o.userId)) this.byUser.set(o.userId, o);
    }
  }

  get(id: string): OwnerInfo | null {
    return this.byId.get(id) ?? null;
  }

  byUserId(userId: string): OwnerInfo | null {
    return this.byUser.get(userId) ?? null;
  }

  get size(): number {
    return this.byId.size;
  }
}

/** Reads owner records; one without an id is skipped. */
export function readOwners(records: readonly ApiRecord[]): OwnerInfo[] {
  return records.flatMap((r): OwnerInfo[] => {
    const id = idText(r.id);
    if (id === null) return [];
    const full = [readName(r.firstName)?.trim(), readName(r.lastName)?.trim()].filter(Boolean).join(' ');
    const teams = (Array.isArray(r.teams) ? r.teams : []).flatMap((t) => {
      const o = asObject(t);
      const teamId = idText(o?.id) ?? readText(o?.id);
      return o === null || teamId === null ? [] : [{ id: teamId, name: readName(o.name)?.trim() ?? teamId, primary: o.primary === true }];
    });
    const team = teams.find((t) => t.primary) ?? teams[0] ?? null;
    return [
      {
        id,
        name: full || (readText(r.email) ?? id),
        userId: idText(r.userId) ?? idText(r.userIdIncludingInactive),
        team: team === null ? null : { id: team.id, name: team.name },
      },
    ];
  });
}
