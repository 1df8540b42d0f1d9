/**
 * A deal's recorded close dates, amounts and stage probabilities from HubSpot's property
 * history (issue 18): a batch read with `propertiesWithHistory` answers each property's
 * versions, `{ value, timestamp, sourceType, … }` (ValueWithTimestamp in the CRM objects API's
 * generated reference: github.com/clarkmcc/go-hubspot generated/v3/objects/docs/ValueWithTimestamp.md).
 * The reference does not say in which order the versions come, so they are put in time order
 * here. A value is recorded on the day of the first version that carries it after another,
 * as the Salesforce history is read (lib/crm/salesforce/map.ts), and the as-of engine reads
 * each as of its day (lib/engine/asof/history.ts). The stage path itself comes from the
 * `hs_v2_date_entered_<stage>` properties (map.ts).
 */
import { recordChange, type IsoDate, type Recorded, type RecordedChanges } from '../opportunity';
import type { HubSpotObject, PropertyVersion } from './client';

/** The deal properties whose history the sync asks for. */
export const DEAL_HISTORY_PROPERTIES = ['closedate', 'amount', 'hs_deal_stage_probability'] as const;

const dayOf = (timestamp: string): IsoDate | null => {
  const ms = Date.parse(timestamp);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString().slice(0, 10);
};

/** A close date as HubSpot writes it (an ISO datetime, a date, or epoch ms) → its day. */
function closeDay(value: string): IsoDate | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  if (/^\d{10,}$/.test(value)) return new Date(Number(value)).toISOString().slice(0, 10);
  return dayOf(value);
}

function amount(value: string): number | null {
  if (value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** HubSpot's stage probability is 0..1; a value past 1 is read as a percentage. */
function probability(value: string): number | null {
  const n = amount(value);
  if (n === null || n < 0) return null;
  return n > 1 ? n / 100 : n;
}

function recorded<T>(versions: readonly PropertyVersion[] | undefined, read: (value: string) => T | null): Array<Recorded<T>> {
  const timed = (versions ?? [])
    .map((v) => ({ at: dayOf(v.timestamp), ms: Date.parse(v.timestamp), value: v.value === null ? null : read(v.value) }))
    .filter((v): v is { at: IsoDate; ms: number; value: T | null } => v.at !== null)
    .sort((a, b) => a.ms - b.ms);
  const out: Array<Recorded<T>> = [];
  for (const v of timed) recordChange(out, v.value, v.at);
  return out;
}

/** The deal's recorded changes, or null when the reply carried no version of any of the properties. */
export function recordedChangesOf(deal: HubSpotObject): RecordedChanges | null {
  const history = deal.history;
  if (history === undefined) return null;
  const changes: RecordedChanges = {
    stages: [],
    closeDates: recorded(history['closedate'], closeDay),
    amounts: recorded(history['amount'], amount),
    probabilities: recorded(history['hs_deal_stage_probability'], probability),
    before: {},
  };
  return changes.closeDates.length + changes.amounts.length + changes.probabilities.length === 0 ? null : changes;
}
