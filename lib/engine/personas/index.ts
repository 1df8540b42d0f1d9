/**
 * Repeat Buyer Personas: clusters of won deals (k-means in the persona space), each
 * described by the attributes that set it apart, its repeat business and its recent wins.
 *
 * - Basis: new-customer wins, the first purchases, since the question is who buys and
 *   then buys again; all wins when there are fewer than MIN_PERSONA_WINS of those, or the
 *   data has no types.
 * - Reporting levels: the whole org, and each team (owner's manager) with at least
 *   MIN_TEAM_WINS basis wins of its own. An opportunity is aligned with its team's
 *   personas when they exist, with the org's otherwise.
 * - Same data, same personas (every random step is seeded). A persona keeps its id across
 *   retrains while its cluster persists: a new cluster inherits the id of the previous
 *   persona it shares most won deals with (Jaccard ≥ 0.5).
 */
import type { AttributeField, IsoDate, Opportunity } from '../../crm/opportunity';
import { align, personaScorer, type Alignment } from '../alignment';
import { cyrb53 } from '../../seeded/hash';
import { chooseK, runKMeans, type KCandidate } from './choose-k';
import { describeCluster, distributionOf, type PersonaAttribute } from './describe';
import { buildSpace, columnBlocks, embed, type SpaceOptions } from './space';

export const MIN_PERSONA_WINS = 30;
export const MIN_TEAM_WINS = 60;
/** Repeat Buyer Potential from which a deal counts as aligned with its persona. */
export const ALIGNED_SCORE = 50;
const REPEAT_TYPES = new Set(['upsell', 'cross-sell', 'renewal']);
const RECENT_WINS = 5;

export interface RecentWin {
  id: string;
  name: string;
  accountName: string | null;
  closeDate: IsoDate | null;
  amount: number | null;
  currency: string | null;
}

/**
 * A persona as the engine finds it. Its person and company are presentation: lib/persona-card
 * draws them from the id and the attributes (`namePersonas`), so the engine never imports
 * the generator (issue 11).
 */
export interface UnnamedPersona {
  id: string;
  level: 'org' | 'team';
  /** The team (manager's name) for team personas. */
  team: string | null;
  /** Won deals in the cluster, and their share of the basis wins. */
  size: number;
  share: number;
  attributes: PersonaAttribute[];
  /** Share of the persona's accounts that later won an upsell, cross-sell or renewal; null when the data has none of those. */
  repeatRate: number | null;
  /** Mean won amount per account over all its deals; null without amounts. */
  lifetimeValue: number | null;
  currency: string | null;
  /** Win rate of closed deals aligned with the persona (score ≥ 50), and how many there were. */
  winRate: number | null;
  alignedClosed: number;
  recentWins: RecentWin[];
  /** Ids of the won deals in the cluster. */
  memberIds: string[];
}

/** A persona with its card's person and company, as stored and shown. */
export interface Persona extends UnnamedPersona {
  /** Generated person and company, deterministic from the id and the attributes (lib/persona-card). */
  name: string;
  company: string;
}

/** One reporting level's personas: named (`Persona`, the default) once lib/persona-card has named them. */
export interface PersonaGroup<P extends UnnamedPersona = Persona> {
  level: 'org' | 'team';
  team: string | null;
  basis: 'new customer' | 'all wins';
  personas: P[];
  /** How k was chosen: every candidate k with its silhouette, stability and smallest share. */
  candidates: KCandidate[];
  notes: string[];
}

export interface PersonaModelJSON<P extends UnnamedPersona = Persona> {
  format: 'dealsight-personas';
  version: 1;
  org: PersonaGroup<P> | null;
  teams: PersonaGroup<P>[];
  /** Why there are no org personas, when there are none. */
  insufficient: { winsNeeded: number; message: string } | null;
}

export interface PersonaOptions extends SpaceOptions {
  seed?: number;
  /** Last model, so personas keep their ids. */
  previous?: PersonaModelJSON<UnnamedPersona> | null;
  fields?: AttributeField[];
}

/**
 * How far a persona stands out from the wins it was drawn from: the sum of its
 * attributes' importances (nats). Org personas on the sandbox score 4–8; clusters that are
 * just "the rest of the team" score about 1.
 */
export function distinctiveness(persona: Pick<UnnamedPersona, 'attributes'>): number {
  return persona.attributes.reduce((sum, a) => sum + a.importance, 0);
}

export const MIN_TEAM_DISTINCTIVENESS = 1.5;

/** A short stable id part (cyrb53, base 36). */
function idHash(text: string): string {
  return cyrb53(text).toString(36);
}

function basisOf(won: Opportunity[]): { basis: PersonaGroup['basis']; deals: Opportunity[] } {
  const firstPurchases = won.filter((o) => o.type === 'new customer');
  return firstPurchases.length >= MIN_PERSONA_WINS ? { basis: 'new customer', deals: firstPurchases } : { basis: 'all wins', deals: won };
}

function jaccard(a: ReadonlySet<string>, b: readonly string[]): number {
  let shared = 0;
  for (const id of b) if (a.has(id)) shared++;
  const union = a.size + b.length - shared;
  return union === 0 ? 0 : shared / union;
}

/** Ids for new clusters: inherited from the previous personas where the cluster persists. */
function assignIds(clusters: Array<{ memberIds: string[]; signature: string }>, previous: UnnamedPersona[], scope: string): string[] {
  const ids = new Array<string | null>(clusters.length).fill(null);
  const pairs: Array<{ cluster: number; persona: number; overlap: number }> = [];
  clusters.forEach((cluster, c) => {
    previous.forEach((persona, p) => {
      const overlap = jaccard(new Set(persona.memberIds), cluster.memberIds);
      if (overlap >= 0.5) pairs.push({ cluster: c, persona: p, overlap });
    });
  });
  pairs.sort((a, b) => b.overlap - a.overlap || a.cluster - b.cluster);
  const takenPersonas = new Set<number>();
  for (const pair of pairs) {
    if (ids[pair.cluster] !== null || takenPersonas.has(pair.persona)) continue;
    ids[pair.cluster] = (previous[pair.persona] as UnnamedPersona).id;
    takenPersonas.add(pair.persona);
  }
  const used = new Set(ids.filter((id): id is string => id !== null));
  return clusters.map((cluster, c) => {
    const inherited = ids[c];
    if (inherited) return inherited;
    let id = `persona-${idHash(`${scope}|${cluster.signature}`)}`;
    for (let n = 2; used.has(id); n++) id = `persona-${idHash(`${scope}|${cluster.signature}|${n}`)}`;
    used.add(id);
    return id;
  });
}

function repeatStats(
  members: Opportunity[],
  all: Opportunity[],
  hasRepeatTypes: boolean,
): { repeatRate: number | null; lifetimeValue: number | null; currency: string | null } {
  const accounts = new Map<string, IsoDate | null>();
  for (const o of members) {
    if (!o.account) continue;
    const first = accounts.get(o.account.id);
    if (!accounts.has(o.account.id) || (o.closeDate && first && o.closeDate < first)) accounts.set(o.account.id, o.closeDate);
  }
  if (accounts.size === 0) return { repeatRate: null, lifetimeValue: null, currency: null };
  const repeated = new Set<string>();
  const value = new Map<string, number>();
  let currency: string | null = null;
  let amounts = 0;
  for (const o of all) {
    if (!o.isWon || !o.account || !accounts.has(o.account.id)) continue;
    if (o.amount !== null) {
      value.set(o.account.id, (value.get(o.account.id) ?? 0) + o.amount);
      amounts++;
      currency ??= o.currency;
    }
    const since = accounts.get(o.account.id);
    if (o.type && REPEAT_TYPES.has(o.type) && (!since || !o.closeDate || o.closeDate > since)) repeated.add(o.account.id);
  }
  return {
    repeatRate: hasRepeatTypes ? repeated.size / accounts.size : null,
    lifetimeValue: amounts > 0 ? [...accounts.keys()].reduce((sum, id) => sum + (value.get(id) ?? 0), 0) / accounts.size : null,
    currency,
  };
}

function recentWins(members: Opportunity[]): RecentWin[] {
  return [...members]
    .sort((a, b) => ((b.closeDate ?? '') < (a.closeDate ?? '') ? -1 : (b.closeDate ?? '') > (a.closeDate ?? '') ? 1 : a.id < b.id ? -1 : 1))
    .slice(0, RECENT_WINS)
    .map((o) => ({ id: o.id, name: o.name, accountName: o.account?.name ?? null, closeDate: o.closeDate, amount: o.amount, currency: o.currency }));
}

/** Clusters one group's won deals (org or one team) into personas. */
function discoverGroup(
  level: 'org' | 'team',
  team: string | null,
  won: Opportunity[],
  scopeDeals: Opportunity[],
  /** The won deals attributes are compared with: the org's basis wins, for every level. */
  reference: Opportunity[] | null,
  options: PersonaOptions,
  previous: UnnamedPersona[],
): PersonaGroup<UnnamedPersona> | null {
  const { basis, deals } = basisOf(won);
  if (deals.length < MIN_PERSONA_WINS) return null;
  const notes: string[] = [];
  if (basis === 'all wins') notes.push(`fewer than ${MIN_PERSONA_WINS} new-customer wins: personas are drawn from all ${deals.length} wins`);
  const space = buildSpace(deals, options);
  if (space.attributes.length === 0) {
    notes.push('no attribute describes the buyers (industry, size, country, product, title, …): no personas');
    return { level, team, basis, personas: [], candidates: [], notes };
  }
  const seed = options.seed ?? 1;
  const points = deals.map((o) => embed(space, o));
  const choice = chooseK(points, columnBlocks(space), seed, level === 'team' ? { sample: 500, restarts: 2 } : {});
  if (choice.note) notes.push(choice.note);
  const final = runKMeans(points, choice.k, seed, choice.centroids);
  const base = distributionOf(space.attributes, reference ?? deals);
  const groups = Array.from({ length: choice.k }, () => [] as Opportunity[]);
  final.clusters.forEach((c, i) => (groups[c] as Opportunity[]).push(deals[i] as Opportunity));
  const clusters = groups
    .filter((members) => members.length > 0)
    .map((members) => {
      const attributes = describeCluster(space.attributes, members, base);
      return {
        members,
        attributes,
        memberIds: members.map((o) => o.id),
        signature: attributes
          .slice(0, 3)
          .map((a) => `${a.key}=${a.value}`)
          .join('|'),
      };
    })
    .sort((a, b) => b.members.length - a.members.length || (a.signature < b.signature ? -1 : 1));
  const ids = assignIds(clusters, previous, `${level}|${team ?? ''}`);
  const hasRepeatTypes = scopeDeals.some((o) => o.type !== null && REPEAT_TYPES.has(o.type));
  const personas: UnnamedPersona[] = clusters.map((cluster, i) => {
    const id = ids[i] as string;
    return {
      id,
      level,
      team,
      size: cluster.members.length,
      share: cluster.members.length / deals.length,
      attributes: cluster.attributes,
      ...repeatStats(cluster.members, scopeDeals, hasRepeatTypes),
      winRate: null,
      alignedClosed: 0,
      recentWins: recentWins(cluster.members),
      memberIds: cluster.memberIds,
    };
  });
  // Win rate of closed deals (of the basis type) aligned with each persona.
  const bestOf = personaScorer(personas);
  const wins = new Array<number>(personas.length).fill(0);
  const closed = new Array<number>(personas.length).fill(0);
  for (const o of scopeDeals) {
    if (!o.isClosed || (basis === 'new customer' && o.type !== 'new customer')) continue;
    const best = bestOf(o);
    if (!best || best.score < ALIGNED_SCORE) continue;
    const index = best.index;
    closed[index]! += 1;
    if (o.isWon) wins[index]! += 1;
  }
  personas.forEach((persona, i) => {
    persona.alignedClosed = closed[i] as number;
    persona.winRate = (closed[i] as number) > 0 ? (wins[i] as number) / (closed[i] as number) : null;
  });
  return { level, team, basis, personas, candidates: choice.candidates, notes };
}

/** Discovers the org's and the teams' personas from all opportunities (open ones are ignored but for win rates). */
export function discoverPersonas(opportunities: Opportunity[], options: PersonaOptions = {}): PersonaModelJSON<UnnamedPersona> {
  const won = opportunities.filter((o) => o.isClosed && o.isWon);
  const previousOrg = options.previous?.org?.personas ?? [];
  const org = discoverGroup('org', null, won, opportunities, null, options, previousOrg);
  const teams: PersonaGroup<UnnamedPersona>[] = [];
  if (org) {
    const byTeam = new Map<string, Opportunity[]>();
    for (const o of opportunities) {
      const team = o.ownerManager?.name;
      if (!team) continue;
      if (!byTeam.has(team)) byTeam.set(team, []);
      (byTeam.get(team) as Opportunity[]).push(o);
    }
    for (const [team, deals] of [...byTeam.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const teamWon = deals.filter((o) => o.isClosed && o.isWon);
      if (basisOf(teamWon).deals.length < MIN_TEAM_WINS) continue;
      const previous = options.previous?.teams.find((g) => g.team === team)?.personas ?? [];
      const group = discoverGroup('team', team, teamWon, deals, null, options, previous);
      // A team gets personas of its own only when each of them stands out within the team;
      // otherwise its deals are measured against the org's personas, which do.
      if (group && group.personas.length > 0 && group.personas.every((p) => distinctiveness(p) >= MIN_TEAM_DISTINCTIVENESS)) teams.push(group);
    }
  }
  const basisCount = basisOf(won).deals.length;
  return {
    format: 'dealsight-personas',
    version: 1,
    org,
    teams,
    insufficient:
      org === null
        ? {
            winsNeeded: MIN_PERSONA_WINS - basisCount,
            message: `Repeat Buyer Personas need at least ${MIN_PERSONA_WINS} won deals; ${basisCount} so far, ${MIN_PERSONA_WINS - basisCount} more needed.`,
          }
        : null,
  };
}

/** The personas an opportunity is measured against: its team's when they exist, else the org's. */
export function personasFor<P extends UnnamedPersona>(model: PersonaModelJSON<P>, opportunity: Opportunity): PersonaGroup<P> | null {
  const team = opportunity.ownerManager?.name;
  const own = team ? model.teams.find((g) => g.team === team) : undefined;
  return own ?? model.org;
}

/** Repeat Buyer Potential of an opportunity against its reporting level's personas. */
export function alignWithModel(model: PersonaModelJSON<UnnamedPersona>, opportunity: Opportunity): (Alignment & { level: 'org' | 'team' }) | null {
  const group = personasFor(model, opportunity);
  if (!group || group.personas.length === 0) return null;
  const alignment = align(opportunity, group.personas);
  return alignment ? { ...alignment, level: group.level } : null;
}

/** The persona cluster a won deal belongs to, in its reporting level (null if it was not clustered). */
export function clusterOf(model: PersonaModelJSON<UnnamedPersona>, opportunity: Opportunity): string | null {
  const group = personasFor(model, opportunity);
  return group?.personas.find((p) => p.memberIds.includes(opportunity.id))?.id ?? null;
}
