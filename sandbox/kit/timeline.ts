import type { Opportunity } from '../../lib/crm/opportunity';
import { dayStartMs } from './clock';

/**
 * When things happened in the generator's org, to the second. The generator knows days,
 * not times, so each record gets a working-hours time of day derived from its id: stable
 * across runs, and the same on every sandbox server.
 */

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** FNV-1a: a stable 32-bit hash, so that times derived from ids never change between runs. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** A time between 08:00 and 18:00 UTC on `date`, chosen by `key`, to the second. */
export function workingTime(date: string, key: string): number {
  return dayStartMs(date) + 8 * HOUR_MS + (stableHash(key) % (10 * 3600)) * 1000;
}

/** When each of an opportunity's stage changes happened, and when it was last modified. */
export interface OpportunityTimeline {
  created: number;
  /** One time per `stageHistory` entry, increasing; the first is `created`. */
  stages: number[];
  modified: number;
}

export function opportunityTimeline(o: Opportunity): OpportunityTimeline {
  const createdDate = o.createdDate ?? o.stageHistory[0]?.enteredAt ?? o.closeDate ?? '2000-01-01';
  const created = workingTime(createdDate, o.id);
  const stages: number[] = [];
  o.stageHistory.forEach((change, i) => {
    const at = i === 0 ? created : Math.max(workingTime(change.enteredAt, `${o.id}:${i}`), (stages[i - 1] ?? created) + MINUTE_MS);
    stages.push(at);
  });
  const last = stages.at(-1) ?? created;
  // The last edit follows the last stage change by up to an hour (a note, an amount tweak).
  const modified = last + (stableHash(`${o.id}:modified`) % 3600) * 1000;
  return { created, stages, modified };
}
