/**
 * What the personas page shows, derived from what the store holds: the reporting levels
 * there are, the personas of the chosen one, the open deals aligned with each persona, the
 * link of a record and the screen to show. Pure functions, tested without a DOM.
 */
import type { Opportunity } from '../../lib/crm/opportunity';
import type { RecordLinker } from '../../lib/crm/connector';
import { personaScorer } from '../../lib/engine/alignment';
import { ALIGNED_SCORE, personasFor, type Persona, type PersonaGroup, type PersonaModelJSON } from '../../lib/engine/personas';
import type { ConnectionRecord, JobRecord, ModelRecord, PersonaRecord } from '../../lib/store/schema';

/** The reporting level shown: the whole org's personas, or one team's. */
export type Level = { level: 'org' } | { level: 'team'; team: string };

export const ORG: Level = { level: 'org' };

/** The teams with personas of their own, in name order. */
export function teamsOf(records: readonly PersonaRecord[]): string[] {
  const teams = new Set<string>();
  for (const r of records) if (r.level === 'team' && r.team) teams.add(r.team);
  return [...teams].sort((a, b) => a.localeCompare(b));
}

/** The level asked for when it exists, else the org. */
export function resolveLevel(records: readonly PersonaRecord[], wanted: Level): Level {
  if (wanted.level === 'team' && teamsOf(records).includes(wanted.team)) return wanted;
  return ORG;
}

/** The personas of one level, most won deals first (then by id, so the order is stable). */
export function personasAt(records: readonly PersonaRecord[], level: Level): Persona[] {
  return records
    .filter((r) => r.level === level.level && (level.level === 'org' || r.team === level.team))
    .map((r) => r.persona)
    .sort((a, b) => b.size - a.size || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The model's group of a level (for its basis and notes). */
export function groupOf(model: PersonaModelJSON | null | undefined, level: Level): PersonaGroup | null {
  if (!model) return null;
  return level.level === 'org' ? model.org : (model.teams.find((g) => g.team === level.team) ?? null);
}

export interface AlignedDeal {
  opportunity: Opportunity;
  /** Repeat Buyer Potential against the persona, 0–100. */
  score: number;
}

/**
 * Open deals aligned with each persona of a level: each deal is measured against its own
 * reporting level's personas (its team's when they exist, else the org's, as the panels
 * do), and counts for the closest one when its Repeat Buyer Potential is at least
 * ALIGNED_SCORE. Best first; `limit` per persona.
 */
export function alignedOpenDeals(
  model: PersonaModelJSON | null | undefined,
  open: readonly Opportunity[],
  level: Level,
  limit = 5,
): Map<string, AlignedDeal[]> {
  const result = new Map<string, AlignedDeal[]>();
  const group = groupOf(model, level);
  if (!model || !group || group.personas.length === 0) return result;
  const bestOf = personaScorer(group.personas);
  for (const o of open) {
    if (o.isClosed || personasFor(model, o) !== group) continue;
    const best = bestOf(o);
    if (!best || best.score < ALIGNED_SCORE) continue;
    const id = (group.personas[best.index] as Persona).id;
    const list = result.get(id) ?? [];
    list.push({ opportunity: o, score: best.score });
    result.set(id, list);
  }
  for (const [id, list] of result) {
    list.sort((a, b) => b.score - a.score || (a.opportunity.id < b.opportunity.id ? -1 : 1));
    result.set(id, list.slice(0, limit));
  }
  return result;
}

export interface RecordLink {
  href: string;
  /** Salesforce's record page, or the extension's detail page (CSV and sandbox records have no CRM page). */
  where: 'crm' | 'detail';
}

/** Where a record opens: its CRM page when the store knows where its CRM's pages are, else the detail page. */
export function recordLink(connection: Pick<ConnectionRecord, 'id'>, crmLink: RecordLinker | null, detailPage: string, opportunityId: string): RecordLink {
  const url = crmLink?.(opportunityId) ?? null;
  if (url) return { href: url, where: 'crm' };
  return { href: `${detailPage}?${new URLSearchParams({ c: connection.id, id: opportunityId }).toString()}`, where: 'detail' };
}

/** The screen in place of the cards, or the cards. */
export type Screen =
  | { kind: 'no-connection'; job: JobRecord | null }
  | { kind: 'not-trained'; job: JobRecord | null }
  | { kind: 'not-enough-data'; message: string | null; counts: ModelRecord['counts'] }
  | { kind: 'no-personas'; notes: string[] }
  | { kind: 'personas'; outOfDate: boolean; job: JobRecord | null };

const byNewest = (a: JobRecord, b: JobRecord): number => (b.id ?? 0) - (a.id ?? 0);

function activeJob(jobs: readonly JobRecord[], connectionId: string | null): JobRecord | null {
  const own = jobs.filter((j) => connectionId === null || j.connectionId === connectionId).sort(byNewest);
  return own.find((j) => j.status === 'running') ?? own.find((j) => j.status === 'queued') ?? null;
}

export function screenOf(
  input: { connection: ConnectionRecord | null; model: ModelRecord | null; personas: readonly PersonaRecord[]; jobs: readonly JobRecord[] },
  level: Level,
): Screen {
  const { connection, model } = input;
  if (!connection) return { kind: 'no-connection', job: activeJob(input.jobs, null) };
  const job = activeJob(input.jobs, connection.id);
  if (!model) return { kind: 'not-trained', job };
  const personaModel = model.personas as PersonaModelJSON | null;
  if (!personaModel?.org) return { kind: 'not-enough-data', message: personaModel?.insufficient?.message ?? null, counts: model.counts };
  if (personasAt(input.personas, level).length === 0) return { kind: 'no-personas', notes: groupOf(personaModel, level)?.notes ?? [] };
  return { kind: 'personas', outOfDate: model.dataVersion < connection.dataVersion, job };
}
