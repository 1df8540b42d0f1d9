/**
 * The accounts, users and stage-history rows a connection's opportunities imply. Pure:
 * the import transaction (./connections.ts) writes what these return.
 *
 * When the same account or user appears on several deals with different names (renamed
 * in the CRM), or a rep's manager changed, the most recent deal wins: the one created
 * last, and among equals the later one in the input.
 */
import type { Opportunity, PersonRef } from '../crm/opportunity';
import type { AccountRecord, StageHistoryRecord, UserRecord } from './schema';

/** Orders deals by recency: created date (unknown first), then input position. */
function isNewer(date: string | null, index: number, thanDate: string, thanIndex: number): boolean {
  const d = date ?? '';
  return d > thanDate || (d === thanDate && index > thanIndex);
}

interface Seen<T> {
  value: T;
  date: string;
  index: number;
}

function remember<T>(map: Map<string, Seen<T>>, key: string, value: T, date: string | null, index: number): void {
  const seen = map.get(key);
  if (!seen || isNewer(date, index, seen.date, seen.index)) map.set(key, { value, date: date ?? '', index });
}

/** One account per `account.id`, in first-seen order. Opportunities carry no parent, so `parentId` is null. */
export function deriveAccounts(connectionId: string, opportunities: readonly Opportunity[]): AccountRecord[] {
  const names = new Map<string, Seen<string>>();
  opportunities.forEach((o, i) => {
    if (o.account) remember(names, o.account.id, o.account.name, o.createdDate, i);
  });
  return [...names].map(([id, seen]) => ({ connectionId, id, name: seen.value, parentId: null }));
}

/**
 * One user per person id among owners, owners' managers and creators, in first-seen order.
 * A user's manager is the `ownerManager` of the most recent deal they own that names one;
 * people who own no deal (managers, creators) have none.
 */
export function deriveUsers(connectionId: string, opportunities: readonly Opportunity[]): UserRecord[] {
  const names = new Map<string, Seen<string>>();
  const managers = new Map<string, Seen<PersonRef>>();
  opportunities.forEach((o, i) => {
    for (const person of [o.owner, o.ownerManager, o.createdBy]) {
      if (person) remember(names, person.id, person.name, o.createdDate, i);
    }
    if (o.owner && o.ownerManager) {
      remember(managers, o.owner.id, { id: o.ownerManager.id, name: o.ownerManager.name }, o.createdDate, i);
    }
  });
  return [...names].map(([id, seen]) => ({ connectionId, id, name: seen.value, manager: managers.get(id)?.value ?? null }));
}

/**
 * One row per stage change, in opportunity then history order. The table's key is
 * [connectionId+opportunityId+enteredAt], so two stages entered on the same day keep one
 * row: the later of them, the stage the deal ended that day in (the full history stays on
 * the opportunity record).
 */
export function deriveStageHistory(connectionId: string, opportunities: readonly Opportunity[]): StageHistoryRecord[] {
  const rows: StageHistoryRecord[] = [];
  for (const o of opportunities) {
    const byDay = new Map<string, StageHistoryRecord>();
    for (const change of o.stageHistory) {
      byDay.set(change.enteredAt, { connectionId, opportunityId: o.id, enteredAt: change.enteredAt, stage: change.stage });
    }
    rows.push(...byDay.values());
  }
  return rows;
}
