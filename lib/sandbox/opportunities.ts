import { recordChange, type Opportunity, type RecordedChanges, type StageChange, type StandardOpportunityType } from '../crm/opportunity';
import type { Random } from '../seeded/random';
import {
  BUYER_TITLES,
  CONTACT_ROLES_BY_SENIORITY,
  EXISTING_CUSTOMER_LEAD_SOURCE,
  NEW_BUSINESS_LEAD_SOURCES,
  type BuyerTitleInfo,
  type Seniority,
} from './catalog';
import { isoOf } from './calendar';
import { walkDeal, type DealPath } from './deal-path';
import { personName, pickPool } from './names';
import type { AccountDraft, ContactDraft, PricedProduct, SalesOrg } from './org';
import { expectedAmount, roundAmount } from './pricing';
import { CLOSED_LOST, CLOSED_WON, OPEN_STAGES, stageDefinition, type StageDefinition } from './stages';
import type { SandboxUser, WinModel } from './types';
import { winProbability } from './win-probability';

/**
 * Each account's deals over time: a first (new-customer) deal, perhaps a second attempt
 * after a loss, and for a customer the renewals, upsells, cross-sells and downgrades that
 * follow until it churns or the as-of day comes. Every deal's outcome is a Bernoulli draw
 * from its true win probability; deals still running on the as-of day are open, with the
 * stage they had reached and a close date as a rep would have set it.
 */

/** A deal before ids are handed out. */
export interface DealDraft {
  /** Creation order within the whole org: the tie-breaker when two deals share a day. */
  seq: number;
  account: AccountDraft;
  contact: ContactDraft;
  createdDay: number;
  /** The real close day; after the as-of day for an open deal. */
  closeDay: number;
  /** The outcome drawn for the deal; hidden while it is open. */
  won: boolean;
  /** The true win probability the outcome was drawn from. */
  trueProbability: number;
  /** The path it walked, with what each step tells of the outcome (deal-path.ts). */
  path: DealPath;
  opportunity: Opportunity;
}

export interface DealContext {
  rng: Random;
  asOfDay: number;
  currency: string;
  /** Units of the org's currency per USD. */
  unit: number;
  sales: SalesOrg;
  products: readonly PricedProduct[];
  model: WinModel;
  /** `products`' weights as a new customer's first purchase. */
  newBusinessWeights: readonly number[];
  /** Next value of `DealDraft.seq`. */
  seq: number;
}

/** How customers of each kind of account behave after their first purchase. */
interface RepeatBehaviour {
  /** Chance that an anniversary brings a renewal (or downgrade) opportunity. */
  renewalOpportunity: number;
  /** Chance that an anniversary without one is a multi-year term rather than a quiet churn. */
  multiYear: number;
  /** Share of renewal opportunities that are downgrades. */
  downgradeShare: number;
  upsellsPerYear: number;
  crossSellsPerYear: number;
}

const REPEAT_BEHAVIOUR: Readonly<Record<'high' | 'low' | 'background', RepeatBehaviour>> = {
  high: { renewalOpportunity: 0.93, multiYear: 0.8, downgradeShare: 0.05, upsellsPerYear: 1.2, crossSellsPerYear: 0.7 },
  low: { renewalOpportunity: 0.45, multiYear: 0.2, downgradeShare: 0.18, upsellsPerYear: 0.15, crossSellsPerYear: 0.1 },
  background: { renewalOpportunity: 0.7, multiYear: 0.5, downgradeShare: 0.1, upsellsPerYear: 0.45, crossSellsPerYear: 0.3 },
};

/** Median days from creation to close, by type, for a 25,000 USD deal at a 500-person company. */
const MEDIAN_DAYS: Readonly<Record<StandardOpportunityType, number>> = {
  'new customer': 68,
  upsell: 42,
  'cross-sell': 50,
  renewal: 36,
  downgrade: 28,
};
/** Bigger deals and bigger buyers take longer: more people sign. */
const DAYS_AMOUNT_ELASTICITY = 0.3;
const DAYS_EMPLOYEES_ELASTICITY = 0.1;

/** Chance that a lost first deal is tried again later. */
const SECOND_ATTEMPT = 0.2;
const MAX_FIRST_ATTEMPTS = 3;
const MISSING_LEAD_SOURCE = 0.03;
/** Lead sources whose deals an SDR often creates before handing them to an AE. */
const SDR_SOURCED = new Set(['Web', 'Outbound', 'Trade Show', 'Webinar', 'Advertisement']);
const RENEWAL_BUYERS = ['Procurement Manager', 'Head of Procurement', 'VP Finance', 'CFO', 'Director of IT'];

const BUYER_TITLE_BY_NAME = new Map(BUYER_TITLES.map((t) => [t.title, t]));
const ROLES_BY_SENIORITY = Object.fromEntries(
  Object.entries(CONTACT_ROLES_BY_SENIORITY).map(([seniority, roles]) => [
    seniority,
    { names: roles.map(([role]) => role), weights: roles.map(([, weight]) => weight) },
  ]),
) as Record<Seniority, { names: string[]; weights: number[] }>;
const BUYER_TITLE_WEIGHTS = BUYER_TITLES.map((t) => t.weight);
const LEAD_SOURCE_NAMES = NEW_BUSINESS_LEAD_SOURCES.map(([name]) => name);
const LEAD_SOURCE_WEIGHTS = NEW_BUSINESS_LEAD_SOURCES.map(([, weight]) => weight);

/** Simulates one account from its first deal on `firstDay`; deals come out in creation order. */
export function simulateAccount(ctx: DealContext, account: AccountDraft, firstDay: number): DealDraft[] {
  const { rng, asOfDay } = ctx;
  account.firstDay = firstDay;
  const deals: DealDraft[] = [];
  let day = firstDay;
  let firstWin: DealDraft | null = null;
  for (let attempt = 0; attempt < MAX_FIRST_ATTEMPTS && day < asOfDay; attempt++) {
    const deal = newCustomerDeal(ctx, account, day);
    deals.push(deal);
    if (deal.closeDay > asOfDay) return deals;
    if (deal.won) {
      firstWin = deal;
      break;
    }
    if (!rng.bernoulli(SECOND_ATTEMPT)) return deals;
    day = weekday(rng, deal.closeDay + 120 + rng.int(300));
  }
  if (firstWin !== null) customerLifecycle(ctx, account, firstWin, deals);
  return deals;
}

function customerLifecycle(ctx: DealContext, account: AccountDraft, firstWin: DealDraft, deals: DealDraft[]): void {
  const { rng, asOfDay } = ctx;
  const behaviour = REPEAT_BEHAVIOUR[account.persona?.repeat ?? 'background'];
  const mainProduct = productNamed(ctx, firstWin.opportunity.attributes['product']);
  const owned = new Set<string>([mainProduct.name]);
  let contract = firstWin.opportunity.amount ?? 0;
  let churnDay = Number.POSITIVE_INFINITY;
  let anniversary = firstWin.closeDay + 365;
  let renewalDay = anniversary - 40 - rng.int(70);
  let upsellDay = firstWin.closeDay + waitDays(rng, behaviour.upsellsPerYear);
  let crossSellDay = firstWin.closeDay + waitDays(rng, behaviour.crossSellsPerYear);
  const firstContact = firstWin.contact;

  for (;;) {
    const day = Math.min(renewalDay, upsellDay, crossSellDay);
    if (day >= asOfDay || day >= churnDay) return;
    if (day === renewalDay) {
      if (rng.bernoulli(behaviour.renewalOpportunity)) {
        const type: StandardOpportunityType = rng.bernoulli(behaviour.downgradeShare) ? 'downgrade' : 'renewal';
        const amount = type === 'renewal' ? contract * rng.logNormal(1.03, 0.08) : contract * rng.uniform(0.4, 0.8);
        const contact = rng.bernoulli(0.6) ? firstContact : contactFor(ctx, account, rng.pick(RENEWAL_BUYERS));
        const deal = existingCustomerDeal(ctx, account, type, weekday(rng, day), mainProduct, amount, contact, anniversary);
        deals.push(deal);
        if (deal.closeDay <= asOfDay) {
          if (deal.won) contract = deal.opportunity.amount ?? contract;
          else churnDay = deal.closeDay;
        }
      } else if (!rng.bernoulli(behaviour.multiYear)) {
        churnDay = anniversary;
      }
      anniversary += 365;
      renewalDay = anniversary - 40 - rng.int(70);
    } else if (day === upsellDay) {
      const product = rng.bernoulli(0.8) ? mainProduct : productNamed(ctx, rng.pick([...owned]));
      const amount = contract * rng.logNormal(0.35, 0.4);
      const contact = rng.bernoulli(0.5) ? firstContact : contactFor(ctx, account, buyerTitleFor(rng, product));
      const deal = existingCustomerDeal(ctx, account, 'upsell', weekday(rng, day), product, amount, contact, anniversary);
      deals.push(deal);
      if (deal.won && deal.closeDay <= asOfDay) contract += deal.opportunity.amount ?? 0;
      upsellDay = day + waitDays(rng, behaviour.upsellsPerYear);
    } else {
      const candidates = ctx.products.filter((p) => !owned.has(p.name));
      if (candidates.length > 0) {
        const product = rng.pick(candidates);
        const amount = expectedAmount(product.price, account.employees) * rng.logNormal(0.8, 0.45);
        const contact = contactFor(ctx, account, buyerTitleFor(rng, product));
        const deal = existingCustomerDeal(ctx, account, 'cross-sell', weekday(rng, day), product, amount, contact, anniversary);
        deals.push(deal);
        if (deal.won && deal.closeDay <= asOfDay) {
          contract += deal.opportunity.amount ?? 0;
          owned.add(product.name);
        }
      }
      crossSellDay = day + waitDays(rng, behaviour.crossSellsPerYear);
    }
  }
}

function newCustomerDeal(ctx: DealContext, account: AccountDraft, createdDay: number): DealDraft {
  const rng = ctx.rng;
  const profile = account.persona?.profile;
  const product = profile !== undefined && rng.bernoulli(0.75) ? productNamed(ctx, profile.product) : rng.weighted(ctx.products, ctx.newBusinessWeights);
  const title = profile !== undefined && rng.bernoulli(0.7) ? profile.buyerTitle : buyerTitleFor(rng, product);
  const leadSource = rng.bernoulli(MISSING_LEAD_SOURCE) ? null : rng.weighted(LEAD_SOURCE_NAMES, LEAD_SOURCE_WEIGHTS);
  const owner = dealOwner(ctx, account, 0.92);
  const createdBy = leadSource !== null && SDR_SOURCED.has(leadSource) && ctx.sales.sdrs.length > 0 && rng.bernoulli(0.5) ? rng.pick(ctx.sales.sdrs) : owner;
  const amount = expectedAmount(product.price, account.employees) * rng.logNormal(1, 0.45);
  return makeDeal(ctx, {
    account,
    type: 'new customer',
    createdDay,
    product,
    amount,
    contact: contactFor(ctx, account, title),
    leadSource,
    owner,
    createdBy,
    name: `${account.name} - ${product.name}`,
  });
}

function existingCustomerDeal(
  ctx: DealContext,
  account: AccountDraft,
  type: Exclude<StandardOpportunityType, 'new customer'>,
  createdDay: number,
  product: PricedProduct,
  amount: number,
  contact: ContactDraft,
  anniversary: number,
): DealDraft {
  const rng = ctx.rng;
  const leadSource =
    type === 'renewal' || type === 'downgrade' || rng.bernoulli(0.7) ? EXISTING_CUSTOMER_LEAD_SOURCE : rng.pick(['Partner Referral', 'Web', 'Phone Inquiry']);
  const owner = dealOwner(ctx, account, 0.9);
  const suffix =
    type === 'renewal' ? `Renewal ${isoOf(anniversary).slice(0, 4)}` : type === 'downgrade' ? 'Downgrade' : type === 'upsell' ? 'Expansion' : 'Add-on';
  return makeDeal(ctx, {
    account,
    type,
    createdDay,
    product,
    amount,
    contact,
    leadSource,
    owner,
    createdBy: owner,
    name: `${account.name} - ${product.name} ${suffix}`,
  });
}

interface DealSpec {
  account: AccountDraft;
  type: StandardOpportunityType;
  createdDay: number;
  product: PricedProduct;
  /** Before rounding. */
  amount: number;
  contact: ContactDraft;
  leadSource: string | null;
  owner: SandboxUser;
  createdBy: SandboxUser;
  name: string;
}

function makeDeal(ctx: DealContext, spec: DealSpec): DealDraft {
  const { rng, asOfDay } = ctx;
  const { account, contact } = spec;
  const amount = roundAmount(spec.amount, ctx.unit);
  const roles = ROLES_BY_SENIORITY[BUYER_TITLE_BY_NAME.get(contact.title)?.seniority ?? 'manager'];
  const opportunity: Opportunity = {
    id: '',
    source: 'sandbox',
    name: spec.name,
    account: { id: '', name: account.name },
    amount,
    currency: ctx.currency,
    stage: null,
    isClosed: false,
    isWon: false,
    type: spec.type,
    forecastCategory: null,
    probability: null,
    createdDate: isoOf(spec.createdDay),
    closeDate: null,
    stageEnteredDate: null,
    stageHistory: [],
    owner: { id: spec.owner.id, name: spec.owner.name },
    ownerManager: spec.owner.manager,
    createdBy: { id: spec.createdBy.id, name: spec.createdBy.name },
    territory: spec.owner.territory,
    leadSource: spec.leadSource,
    attributes: {
      industry: account.industry.name,
      employees: account.employees,
      revenue: account.annualRevenue,
      country: account.country.name,
      state: account.region?.name ?? null,
      product: spec.product.name,
      buyerTitle: contact.title,
      buyerRole: rng.weighted(roles.names, roles.weights),
    },
  };
  const trueProbability = winProbability(opportunity, ctx.model);
  const won = rng.bernoulli(trueProbability);
  // Its own stream: how long a path runs never shifts the draws of the deals after it.
  const path = walkDeal(rng.fork(), {
    type: spec.type,
    createdDay: spec.createdDay,
    typicalDays: typicalDays(spec.type, amount / ctx.unit, account.employees),
    won,
  });
  const closeDay = path.closeDay;
  // What the record shows: the whole path of a closed deal, the part up to the as-of day of an open one.
  const seenBy = Math.min(closeDay, asOfDay);
  const stages = path.stages.filter((s) => s.day <= seenBy).map((s) => ({ stage: (OPEN_STAGES[s.index] as StageDefinition).label, enteredAt: isoOf(s.day) }));
  const plans = path.closeDates.filter((c) => c.day <= seenBy);
  const revisions = path.amounts.filter((a) => a.day <= seenBy);
  const amountAt = (factor: number): number => (factor === 1 ? amount : roundAmount(amount * factor, ctx.unit));
  opportunity.amount = amountAt(revisions.at(-1)?.factor ?? 1);
  if (closeDay <= asOfDay) {
    opportunity.isClosed = true;
    opportunity.isWon = won;
    opportunity.closeDate = isoOf(closeDay);
    opportunity.stageHistory = [...stages, { stage: won ? CLOSED_WON : CLOSED_LOST, enteredAt: isoOf(closeDay) }];
  } else {
    // The stages reached by the as-of day; the closed stage lies in the future.
    opportunity.stageHistory = stages;
    opportunity.closeDate = isoOf((plans.at(-1) as { value: number }).value);
  }
  opportunity.recordedChanges = recordedChangesOf(
    opportunity,
    amount,
    plans,
    revisions.map((r) => ({ day: r.day, amount: amountAt(r.factor) })),
  );
  const current = opportunity.stageHistory.at(-1) as StageChange;
  const stage = stageDefinition(current.stage);
  opportunity.stage = stage.label;
  opportunity.stageEnteredDate = current.enteredAt;
  opportunity.probability = stage.probability / 100;
  opportunity.forecastCategory = stage.forecastCategory;
  return { seq: ctx.seq++, account, contact, createdDay: spec.createdDay, closeDay, won, trueProbability, path, opportunity };
}

/** The deal's median days from creation to close: longer for bigger deals and bigger buyers, by type. */
function typicalDays(type: StandardOpportunityType, amountUsd: number, employees: number | null): number {
  return (
    MEDIAN_DAYS[type] *
    Math.exp(DAYS_AMOUNT_ELASTICITY * Math.log(Math.max(amountUsd, 500) / 25_000) + DAYS_EMPLOYEES_ELASTICITY * Math.log((employees ?? 500) / 500))
  );
}

/**
 * The close dates, amounts and probabilities the deal's record shows over its life, each
 * on the day it was set, as a Salesforce OpportunityHistory row records every change (the
 * sandbox server writes its rows from these; lib/crm/salesforce/map.ts reads them back): a
 * value is recorded when it differs from the one before. A closed deal's list ends with its
 * close: the real close date, its final amount, probability 1 or 0.
 */
function recordedChangesOf(
  o: Opportunity,
  amount: number,
  plans: ReadonlyArray<{ day: number; value: number }>,
  revisions: ReadonlyArray<{ day: number; amount: number }>,
): RecordedChanges {
  const created = o.createdDate as string;
  const changes: RecordedChanges = { stages: [], closeDates: [], amounts: [], probabilities: [], before: {} };
  for (const plan of plans) recordChange(changes.closeDates, isoOf(plan.value), isoOf(plan.day));
  recordChange(changes.amounts, amount, created);
  for (const revision of revisions) recordChange(changes.amounts, revision.amount, isoOf(revision.day));
  for (const change of o.stageHistory) recordChange(changes.probabilities, stageDefinition(change.stage).probability / 100, change.enteredAt);
  if (o.isClosed && o.closeDate !== null) recordChange(changes.closeDates, o.closeDate, o.closeDate);
  return changes;
}

function dealOwner(ctx: DealContext, account: AccountDraft, loyalty: number): SandboxUser {
  if (ctx.rng.bernoulli(loyalty)) return account.owner;
  const reps = ctx.sales.repsByTerritory.get(account.territory) ?? [account.owner];
  return ctx.rng.pick(reps);
}

/** The account's contact with this title, created on first need. */
function contactFor(ctx: DealContext, account: AccountDraft, title: string): ContactDraft {
  let contact = account.contacts.get(title);
  if (contact === undefined) {
    const name = personName(ctx.rng, pickPool(ctx.rng, account.country.names));
    contact = { id: '', firstName: name.firstName, lastName: name.lastName, title };
    account.contacts.set(title, contact);
  }
  return contact;
}

/** Who signs for a product: usually one of its typical buyers, sometimes anyone. */
function buyerTitleFor(rng: Random, product: PricedProduct): string {
  if (rng.bernoulli(0.6)) return rng.pick(product.buyerTitles);
  return (rng.weighted(BUYER_TITLES, BUYER_TITLE_WEIGHTS) as BuyerTitleInfo).title;
}

function productNamed(ctx: DealContext, name: unknown): PricedProduct {
  const product = ctx.products.find((p) => p.name === name);
  if (product === undefined) throw new Error(`Unknown sandbox product ${String(name)}`);
  return product;
}

/** Days until the next event of a Poisson process with `perYear` events a year. */
function waitDays(rng: Random, perYear: number): number {
  if (perYear <= 0) return Number.POSITIVE_INFINITY;
  return Math.max(14, Math.round((-Math.log(1 - rng.next()) / perYear) * 365));
}

/** Moves most weekend days to the nearest weekday: CRM records are mostly touched at work. */
export function weekday(rng: Random, day: number): number {
  const dow = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  if (dow === 6 && rng.bernoulli(0.9)) return day - 1;
  if (dow === 0 && rng.bernoulli(0.9)) return day + 1;
  return day;
}
