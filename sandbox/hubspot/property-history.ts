/**
 * Deal property history as HubSpot serves it (issue 18): `propertiesWithHistory` on a batch
 * read (BatchReadInputSimplePublicObjectId.propertiesWithHistory, in the CRM objects API's
 * generated reference: github.com/clarkmcc/go-hubspot generated/v3/objects/docs/BatchReadInputSimplePublicObjectId.md)
 * answers each deal's `propertiesWithHistory: { <property>: ValueWithTimestamp[] }`, each
 * version `{ value, timestamp, sourceType, sourceId?, updatedByUserId? }` (the same repository's
 * ValueWithTimestamp.md). The order of the versions is not documented: the sandbox serves
 * the newest first, as HubSpot's legacy v1 `versions` were, and the connector sorts them
 * itself. The versions come from what the generator recorded (`Opportunity.recordedChanges`:
 * the close date as planned, pushes, amount revisions, the stage probability), each at a
 * working-hours time of its day, and from the edits a test makes while the server runs.
 */
import type { Opportunity } from '../../lib/crm/opportunity';
import { dayStartMs } from '../kit/clock';
import { workingTime } from '../kit/timeline';

/** The deal properties the sandbox keeps a history of: the ones the as-of engine reads. */
export const HISTORY_PROPERTIES = ['closedate', 'amount', 'hs_deal_stage_probability'] as const;
export type HistoryProperty = (typeof HISTORY_PROPERTIES)[number];

/** One version of a property, oldest first in the store. */
export interface PropertyVersion {
  value: string | null;
  /** Epoch ms. */
  timestamp: number;
}

export type PropertyHistory = Record<HistoryProperty, PropertyVersion[]>;

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * The versions of a deal's history properties: what its record recorded, each on its day
 * (the first at creation, a closed deal's last at its close), else its current values as of
 * its creation. `current` is the deal's properties now (HubSpot's text values).
 */
export function initialHistory(o: Opportunity, created: number, closedAt: number | null, current: Record<HistoryProperty, string | null>): PropertyHistory {
  const recorded = o.recordedChanges;
  const at = (day: string, key: string, i: number): number => {
    if (i === 0 && o.createdDate === day) return created;
    if (closedAt !== null && o.isClosed && o.closeDate === day) return closedAt;
    return Math.max(created + 60_000, workingTime(day, `${o.id}:${key}:${day}`));
  };
  const versions = <T>(key: HistoryProperty, list: ReadonlyArray<{ value: T; at: string }> | undefined, text: (value: T) => string): PropertyVersion[] => {
    if (list === undefined || list.length === 0) return [{ value: current[key], timestamp: created }];
    const out: PropertyVersion[] = list.map((r, i) => ({ value: text(r.value), timestamp: at(r.at, key, i) }));
    const last = out.at(-1) as PropertyVersion;
    // A closed deal's last version is its close as the record shows it (the close date with the time it closed).
    if (o.isClosed && list.at(-1)?.at === o.closeDate) last.value = current[key];
    if (last.value !== current[key]) out.push({ value: current[key], timestamp: Math.max(last.timestamp + 60_000, closedAt ?? created) });
    return out;
  };
  return {
    closedate: versions('closedate', recorded?.closeDates, (day) => iso(dayStartMs(day))),
    amount: versions('amount', recorded?.amounts, (n) => String(n)),
    hs_deal_stage_probability: versions('hs_deal_stage_probability', recorded?.probabilities, (p) => String(p)),
  };
}

/** Adds a version when an edit changed the property's value. */
export function recordEdit(history: PropertyHistory, properties: Record<string, string | null>, at: number): void {
  for (const key of HISTORY_PROPERTIES) {
    const value = properties[key] ?? null;
    const versions = history[key];
    if (versions.at(-1)?.value !== value) versions.push({ value, timestamp: at });
  }
}

/** The `propertiesWithHistory` of a reply for the asked properties this sandbox keeps: newest first. */
export function historyBody(history: PropertyHistory, asked: readonly string[], sourceId: string | null): Record<string, unknown[]> {
  const body: Record<string, unknown[]> = {};
  for (const key of asked) {
    if (!(HISTORY_PROPERTIES as readonly string[]).includes(key)) continue;
    body[key] = [...history[key as HistoryProperty]].reverse().map((v) => ({
      value: v.value ?? '',
      timestamp: iso(v.timestamp),
      sourceType: 'CRM_UI',
      ...(sourceId === null ? {} : { sourceId: `userId:${sourceId}` }),
    }));
  }
  return body;
}
