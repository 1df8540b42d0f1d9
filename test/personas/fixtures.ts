/** Small, exact personas and store records for the personas page tests. */
import type { Opportunity } from '../../lib/crm/opportunity';
import { personaCard } from '../../lib/persona-card';
import type { Persona, PersonaGroup, PersonaModelJSON } from '../../lib/engine/personas';
import type { PersonaAttribute, ValueRange } from '../../lib/engine/personas/describe';
import type { ConnectionRecord, ModelRecord, PersonaRecord } from '../../lib/store/schema';

export function category(key: string, values: string[], weight = 0.25, label = key): PersonaAttribute {
  return {
    key,
    label,
    kind: 'category',
    value: values.join(' or '),
    values,
    range: null,
    near: null,
    share: 0.8,
    baseShare: 0.2,
    lift: 4,
    importance: 0.8 * Math.log(4),
    weight,
  };
}

export function range(key: string, bounds: ValueRange, value: string, weight = 0.25, near: ValueRange | null = null): PersonaAttribute {
  return {
    key,
    label: key,
    kind: 'range',
    value,
    values: [],
    range: bounds,
    near,
    share: 0.7,
    baseShare: 0.35,
    lift: 2,
    importance: 0.7 * Math.log(2),
    weight,
  };
}

/** A persona whose name and company are the generated card's, so its portrait resolves. */
export function persona(id: string, attributes: PersonaAttribute[], over: Partial<Persona> = {}): Persona {
  const hint = (key: string): string | null => attributes.find((a) => a.key === key && a.kind === 'category')?.values[0] ?? null;
  const card = personaCard(id, { industry: hint('industry'), buyerTitle: hint('buyerTitle'), country: hint('country') });
  return {
    id,
    level: 'org',
    team: null,
    name: card.fullName,
    company: card.company,
    size: 40,
    share: 0.4,
    attributes,
    repeatRate: 0.35,
    lifetimeValue: 182_000,
    currency: 'USD',
    winRate: 0.62,
    alignedClosed: 50,
    recentWins: [
      { id: '006000000000001AAA', name: 'Northwind renewal', accountName: 'Northwind', closeDate: '2026-03-02', amount: 48_000, currency: 'USD' },
      { id: '006000000000002AAA', name: 'Contoso platform', accountName: 'Contoso', closeDate: '2026-02-11', amount: 31_000, currency: 'USD' },
    ],
    memberIds: [],
    ...over,
  };
}

export const HEALTHCARE = persona('persona-health', [
  category('industry', ['Healthcare'], 0.4),
  range('employees', { min: 1000, max: 5000 }, '1,001–5,000', 0.3, { min: 200, max: 10000 }),
  category('country', ['United States'], 0.2),
  category('buyerTitle', ['VP Operations'], 0.1),
]);

export const FINANCE = persona('persona-finance', [category('industry', ['Financial Services'], 0.6), category('buyerTitle', ['CFO', 'VP Finance'], 0.4)], {
  size: 25,
  share: 0.25,
  repeatRate: null,
  lifetimeValue: null,
  winRate: null,
  alignedClosed: 0,
  recentWins: [],
});

export const TEAM_PERSONA = persona('persona-team-west', [category('state', ['California'], 0.7), category('industry', ['Software'], 0.3)], {
  level: 'team',
  team: 'Dana West',
  size: 70,
  share: 0.7,
});

export function connection(over: Partial<ConnectionRecord> = {}): ConnectionRecord {
  return {
    id: 'csv',
    kind: 'csv',
    label: 'deals.csv',
    createdAt: '2026-01-01T00:00:00Z',
    syncedAt: '2026-01-01T00:00:00Z',
    dataVersion: 1,
    lastImport: null,
    ...over,
  };
}

export function group(personas: Persona[], over: Partial<PersonaGroup> = {}): PersonaGroup {
  return { level: 'org', team: null, basis: 'new customer', personas, candidates: [], notes: [], ...over };
}

export function personaModel(org: Persona[] | null, teams: PersonaGroup[] = []): PersonaModelJSON {
  return {
    format: 'dealsight-personas',
    version: 1,
    org: org ? group(org) : null,
    teams,
    insufficient: org ? null : { winsNeeded: 18, message: 'Repeat Buyer Personas need at least 30 won deals; 12 so far, 18 more needed.' },
  };
}

export function model(personas: PersonaModelJSON, over: Partial<ModelRecord> = {}): ModelRecord {
  return {
    connectionId: 'csv',
    trainedAt: '2026-03-10T00:00:00Z',
    dataVersion: 1,
    asOf: '2026-03-10',
    win: null,
    forecast: null,
    personas,
    notes: [],
    counts: { opportunities: 200, closed: 160, won: 100, lost: 60, open: 40 },
    ...over,
  };
}

export function records(connectionId: string, personas: Persona[]): PersonaRecord[] {
  return personas.map((p) => ({ connectionId, id: p.id, level: p.level, team: p.team, persona: p }));
}

/** An open deal with the given attributes. */
export function openDeal(id: string, attributes: Opportunity['attributes'], over: Partial<Opportunity> = {}): Opportunity {
  return {
    id,
    source: 'csv',
    name: `Deal ${id}`,
    account: { id: `acc-${id}`, name: `Account ${id}` },
    amount: 10_000,
    currency: 'USD',
    stage: 'Proposal',
    isClosed: false,
    isWon: false,
    type: 'new customer',
    forecastCategory: null,
    probability: null,
    createdDate: '2026-01-01',
    closeDate: '2026-06-01',
    stageEnteredDate: null,
    stageHistory: [],
    owner: null,
    ownerManager: null,
    createdBy: null,
    territory: null,
    leadSource: null,
    attributes,
    ...over,
  } as Opportunity;
}
