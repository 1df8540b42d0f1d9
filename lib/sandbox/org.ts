import type { Random } from '../seeded/random';
import {
  COUNTRIES,
  INDUSTRIES,
  PRODUCTS,
  TERRITORIES,
  type CountryInfo,
  type IndustryInfo,
  type ProductInfo,
  type RegionInfo,
  type Territory,
} from './catalog';
import { KEY_PREFIX, type SalesforceIdFactory } from './ids';
import { CompanyNamer, emailSlug, uniquePersonName, type PoolMix } from './names';
import { EMPLOYEE_BANDS } from './personas';
import { roundAmount } from './pricing';
import type { EmployeeBand, PlantedPersona, SandboxProduct, SandboxUser } from './types';
import { WIN_COEFFICIENTS } from './win-probability';

/**
 * The org's people, products and accounts. Users and products exist from the start; an
 * account is drafted when its first deal is, and gets its id once all accounts are known,
 * so that ids increase with creation dates as in a real org.
 */

export interface SalesOrg {
  users: SandboxUser[];
  /** Account executives by territory: who can own an account there. */
  repsByTerritory: ReadonlyMap<Territory, readonly SandboxUser[]>;
  /** Sales development reps, who create some inbound and outbound deals for the AEs. */
  sdrs: readonly SandboxUser[];
  /** Each rep's effect on the win logit, by name (see `WinModel.ownerSkill`). */
  ownerSkill: Record<string, number>;
}

/** Whose names a territory's sales staff have. */
const STAFF_NAMES: Readonly<Record<Territory | 'global', PoolMix>> = {
  global: [
    ['anglo', 65],
    ['hispanic', 14],
    ['southAsian', 9],
    ['chinese', 7],
    ['korean', 3],
    ['italian', 2],
  ],
  'NA East': [
    ['anglo', 65],
    ['hispanic', 14],
    ['southAsian', 9],
    ['chinese', 7],
    ['korean', 3],
    ['italian', 2],
  ],
  'NA West': [
    ['anglo', 60],
    ['hispanic', 18],
    ['southAsian', 9],
    ['chinese', 9],
    ['korean', 4],
  ],
  EMEA: [
    ['anglo', 32],
    ['german', 15],
    ['french', 12],
    ['dutch', 8],
    ['hispanic', 8],
    ['italian', 7],
    ['nordic', 6],
    ['polish', 4],
    ['arabic', 5],
    ['southernAfrican', 3],
  ],
  APAC: [
    ['anglo', 35],
    ['chinese', 20],
    ['southAsian', 20],
    ['japanese', 15],
    ['korean', 10],
  ],
};

const STAFF_EMAIL_DOMAIN = 'sandbox.example.com';
/** Territories that carry a second team when the org has more than four. */
const LARGE_TERRITORIES: readonly Territory[] = ['NA East', 'NA West', 'EMEA'];

/**
 * The sales organisation: a head of sales, 4–6 regional teams of 3–8 account executives
 * under a manager each (every territory has at least one team), and 2–4 SDRs.
 */
export function buildSalesOrg(rng: Random, ids: SalesforceIdFactory): SalesOrg {
  const taken = new Set<string>();
  const users: SandboxUser[] = [];
  const makeUser = (role: SandboxUser['role'], title: string, territory: Territory | null, manager: SandboxUser | null): SandboxUser => {
    const name = uniquePersonName(rng, STAFF_NAMES[territory ?? 'global'], taken);
    const user: SandboxUser = {
      id: ids.next(KEY_PREFIX.user),
      ...name,
      title,
      email: `${emailSlug(name.firstName)}.${emailSlug(name.lastName)}@${STAFF_EMAIL_DOMAIN}`,
      role,
      manager: manager === null ? null : { id: manager.id, name: manager.name },
      territory,
    };
    users.push(user);
    return user;
  };

  const head = makeUser('executive', 'VP of Sales', null, null);
  const teamCount = 4 + rng.int(3);
  const territories: Territory[] = [...TERRITORIES, ...rng.shuffle([...LARGE_TERRITORIES]).slice(0, teamCount - TERRITORIES.length)];
  const repsByTerritory = new Map<Territory, SandboxUser[]>();
  const ownerSkill: Record<string, number> = {};
  territories.forEach((territory, team) => {
    const sameTerritoryTeams = territories.slice(0, team).filter((t) => t === territory).length;
    const managerTitle = sameTerritoryTeams === 0 ? `Regional Sales Director, ${territory}` : `Sales Manager, ${territory}`;
    const manager = makeUser('manager', managerTitle, territory, head);
    const size = 3 + rng.int(6);
    for (let i = 0; i < size; i++) {
      const title = rng.weighted(['Account Executive', 'Senior Account Executive', 'Enterprise Account Executive'], [5, 3.5, 1.5]);
      const rep = makeUser('rep', title, territory, manager);
      const skill = rng.normal(0, WIN_COEFFICIENTS.ownerSkillSd);
      ownerSkill[rep.name] = Math.round(Math.max(-0.8, Math.min(0.8, skill)) * 1000) / 1000;
      const list = repsByTerritory.get(territory) ?? [];
      list.push(rep);
      repsByTerritory.set(territory, list);
    }
  });
  const sdrs: SandboxUser[] = [];
  const sdrCount = 2 + rng.int(3);
  for (let i = 0; i < sdrCount; i++) sdrs.push(makeUser('sdr', 'Sales Development Representative', null, head));
  return { users, repsByTerritory, sdrs, ownerSkill };
}

/** A product as the org sells it: the catalog entry with its price in the org's currency. */
export interface PricedProduct extends ProductInfo {
  /** List price in the org's currency. */
  price: number;
  record: SandboxProduct;
}

export function buildProducts(ids: SalesforceIdFactory, unit: number): PricedProduct[] {
  return PRODUCTS.map((info) => {
    const price = roundAmount(info.listPrice * unit, unit);
    return {
      ...info,
      price,
      record: { id: ids.next(KEY_PREFIX.product), name: info.name, family: info.family, code: info.code, listPrice: price },
    };
  });
}

/** A buyer contact before ids are handed out. */
export interface ContactDraft {
  id: string;
  firstName: string;
  lastName: string;
  title: string;
}

/** An account before ids are handed out, with what its deals need to know. */
export interface AccountDraft {
  /** Draw order: the tie-breaker that keeps sorting deterministic. */
  index: number;
  id: string;
  name: string;
  industry: IndustryInfo;
  country: CountryInfo;
  region: RegionInfo | null;
  territory: Territory;
  employees: number | null;
  annualRevenue: number | null;
  owner: SandboxUser;
  persona: PlantedPersona | null;
  parent: AccountDraft | null;
  /** One contact per buyer title: a later deal with the same title reaches the same person. */
  contacts: Map<string, ContactDraft>;
  /** Day of the account's first deal; set when its deals are simulated. */
  firstDay: number;
}

/** Chance that a persona account's industry, country or head-count band is the persona's. */
const PERSONA_FIDELITY = { industry: 0.85, country: 0.82, employeeBand: 0.8 } as const;
const SUBSIDIARY_SHARE = 0.06;
const MISSING_EMPLOYEES = 0.01;
const MISSING_REVENUE = 0.04;
/** Open-ended top band: head counts drawn up to this. */
const LARGEST_COMPANY = 150_000;

/** Draws accounts: from a persona's profile with some noise, or from the background mix. */
export class AccountFactory {
  private readonly drafts: AccountDraft[] = [];
  private readonly namer: CompanyNamer;
  /** Index of a persona, or -1 for a background account, with `personaWeights`. */
  private readonly personaChoices: number[];
  private readonly personaWeights: number[];

  constructor(
    private readonly rng: Random,
    private readonly personas: readonly PlantedPersona[],
    private readonly sales: SalesOrg,
    private readonly unit: number,
  ) {
    this.namer = new CompanyNamer(rng);
    const personaTotal = personas.reduce((sum, p) => sum + p.accountShare, 0);
    this.personaChoices = [...personas.map((_, i) => i), -1];
    this.personaWeights = [...personas.map((p) => p.accountShare), Math.max(0, 1 - personaTotal)];
  }

  draw(): AccountDraft {
    const rng = this.rng;
    const pick = rng.weighted(this.personaChoices, this.personaWeights);
    let persona = pick < 0 ? null : (this.personas[pick] as PlantedPersona);
    const parent = this.drafts.length > 0 && rng.bernoulli(SUBSIDIARY_SHARE) ? rng.pick(this.drafts) : null;
    if (parent !== null) persona = parent.persona;
    const profile = persona?.profile;

    const industry =
      parent !== null
        ? parent.industry
        : profile !== undefined && rng.bernoulli(PERSONA_FIDELITY.industry)
          ? industryNamed(profile.industry)
          : weightedIndustry(rng);
    const country = profile !== undefined && rng.bernoulli(PERSONA_FIDELITY.country) ? countryNamed(profile.country) : weightedCountry(rng);
    const region = country.regions.length === 0 ? null : rng.weighted(country.regions, regionWeights(country));
    const territory = region?.territory ?? country.territory;

    let employees: number | null =
      profile !== undefined ? this.employeesNear(profile.employeeBand) : roundHeadCount(rng.logNormal(500 * industry.sizeFactor, 1.4));
    const revenueBase = rng.logNormal((employees ?? 500) * industry.revenuePerEmployee * this.unit, 0.35);
    const annualRevenue = rng.bernoulli(MISSING_REVENUE) ? null : roundSignificant(revenueBase, 3);
    if (rng.bernoulli(MISSING_EMPLOYEES)) employees = null;

    const reps = this.sales.repsByTerritory.get(territory);
    if (reps === undefined || reps.length === 0) throw new Error(`No account executives in ${territory}`);

    let name: string | null = null;
    if (parent !== null) {
      const subsidiary = `${parent.name} - ${region?.name ?? country.name}`;
      if (this.namer.tryClaim(subsidiary)) name = subsidiary;
    }
    const draft: AccountDraft = {
      index: this.drafts.length,
      id: '',
      name: name ?? this.namer.name(industry, country),
      industry,
      country,
      region,
      territory,
      employees,
      annualRevenue,
      owner: rng.pick(reps),
      persona,
      parent: name === null ? null : parent,
      contacts: new Map(),
      firstDay: 0,
    };
    this.drafts.push(draft);
    return draft;
  }

  /** A head count in the band, or now and then in a neighbouring one. */
  private employeesNear(band: EmployeeBand): number {
    const rng = this.rng;
    let index = EMPLOYEE_BANDS.findIndex((b) => b.label === band.label);
    if (!rng.bernoulli(PERSONA_FIDELITY.employeeBand)) {
      index = Math.max(0, Math.min(EMPLOYEE_BANDS.length - 1, index + (rng.bernoulli(0.5) ? 1 : -1)));
    }
    const chosen = EMPLOYEE_BANDS[index] as EmployeeBand;
    const max = chosen.max ?? LARGEST_COMPANY;
    const value = Math.exp(rng.uniform(Math.log(chosen.min), Math.log(max + 1)));
    return Math.min(max, Math.max(chosen.min, roundHeadCount(value)));
  }
}

function industryNamed(name: string): IndustryInfo {
  const found = INDUSTRIES.find((i) => i.name === name);
  if (!found) throw new Error(`Persona industry ${name} is not in the catalog`);
  return found;
}

function countryNamed(name: string): CountryInfo {
  const found = COUNTRIES.find((c) => c.name === name);
  if (!found) throw new Error(`Persona country ${name} is not in the catalog`);
  return found;
}

const REGION_WEIGHTS = new Map(COUNTRIES.map((c) => [c, c.regions.map((r) => r.weight)]));

function regionWeights(country: CountryInfo): number[] {
  return REGION_WEIGHTS.get(country) ?? country.regions.map((r) => r.weight);
}

const INDUSTRY_WEIGHTS = INDUSTRIES.map((i) => i.weight);
const COUNTRY_WEIGHTS = COUNTRIES.map((c) => c.weight);

function weightedIndustry(rng: Random): IndustryInfo {
  return rng.weighted(INDUSTRIES, INDUSTRY_WEIGHTS);
}

function weightedCountry(rng: Random): CountryInfo {
  return rng.weighted(COUNTRIES, COUNTRY_WEIGHTS);
}

/** Head counts as people enter them: exact when small, rounded when large (2,350, 14,000). */
function roundHeadCount(value: number): number {
  const v = Math.max(2, Math.min(LARGEST_COMPANY, value));
  if (v < 100) return Math.round(v);
  if (v < 1_000) return Math.round(v / 5) * 5;
  if (v < 10_000) return Math.round(v / 50) * 50;
  return Math.round(v / 500) * 500;
}

function roundSignificant(value: number, digits: number): number {
  if (value <= 0) return 0;
  const power = 10 ** (Math.floor(Math.log10(value)) - digits + 1);
  return Math.round(value / power) * power;
}
