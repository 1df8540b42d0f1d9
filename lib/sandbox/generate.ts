import type { IsoDate } from '../crm/opportunity';
import { Random } from '../seeded/random';
import { USD_RATES } from './catalog';
import { dayOf, isoOf } from './calendar';
import { KEY_PREFIX, SalesforceIdFactory } from './ids';
import { emailSlug } from './names';
import { simulateAccount, weekday, type DealContext, type DealDraft } from './opportunities';
import { AccountFactory, buildProducts, buildSalesOrg, type AccountDraft } from './org';
import { plantPersonas } from './personas';
import type { SandboxAccount, SandboxContact, SandboxContactRole, SandboxOrg, SandboxTruth } from './types';
import { buildWinModel } from './win-probability';

export interface GenerateSandboxOptions {
  /** Same seed and options, same org, on every platform. */
  seed: number;
  /** Exactly this many opportunities, open and closed. */
  opportunities: number;
  /** The day the org is seen from. Fixed by default so that a seed alone names an org. */
  asOf?: IsoDate;
  /** ISO 4217 code of all amounts; amounts keep their usual magnitude in it. */
  currency?: string;
  /** How many repeat-buyer personas to plant, 3–5. */
  personas?: number;
}

export const SANDBOX_DEFAULTS = {
  asOf: '2026-09-30',
  currency: 'USD',
  personas: 4,
} as const;

/** The org's history: about three years before the as-of day. */
const HISTORY_DAYS = 3 * 365;
/**
 * New accounts arrive faster over time (a growing business). With the customer base
 * growing too, this leaves about a fifth of all deals open on the as-of day.
 */
const YEARLY_GROWTH = 2.5;
const MAX_OPPORTUNITIES = 1_000_000;

/**
 * Generates a sandbox CRM org: accounts, users, products, contacts and `opportunities`
 * deals over the three years before `asOf`, with planted repeat-buyer personas and a
 * known win-probability function recorded in `truth`.
 */
export function generateSandbox(options: GenerateSandboxOptions): SandboxOrg {
  const { seed, opportunities: count, asOf, currency, personas: personaCount } = validate(options);
  const root = new Random(seed);
  // Separate streams, so that a change in one part of the org leaves the others as they were.
  const ids = new SalesforceIdFactory(root.fork());
  const orgRng = root.fork();
  const accountRng = root.fork();
  const dealRng = root.fork();

  const unit = USD_RATES[currency] ?? 1;
  const personas = plantPersonas(orgRng, personaCount);
  const sales = buildSalesOrg(orgRng, ids);
  const products = buildProducts(ids, unit);
  const model = buildWinModel({
    personas: personas.map((p) => p.profile),
    ownerSkill: sales.ownerSkill,
    listPrice: Object.fromEntries(products.map((p) => [p.name, p.price])),
  });

  const asOfDay = dayOf(asOf);
  const startDay = asOfDay - HISTORY_DAYS;
  const ctx: DealContext = {
    rng: dealRng,
    asOfDay,
    currency,
    unit,
    sales,
    products,
    model,
    newBusinessWeights: products.map((p) => p.newBusinessWeight),
    seq: 0,
  };
  const factory = new AccountFactory(accountRng, personas, sales, unit);
  const accountDrafts: AccountDraft[] = [];
  const deals: DealDraft[] = [];
  const growth = Math.log(YEARLY_GROWTH) / 365;
  while (deals.length < count) {
    const account = factory.draw();
    // Inverse CDF of an exponentially growing arrival rate over the history window.
    const u = accountRng.next();
    const arrival = startDay + Math.floor(Math.log(1 + u * (Math.exp(growth * HISTORY_DAYS) - 1)) / growth);
    const accountDeals = simulateAccount(ctx, account, weekday(accountRng, Math.min(arrival, asOfDay - 1)));
    accountDrafts.push(account);
    // The last account may lose its latest deals, never its first: later deals still follow a win.
    for (const deal of accountDeals.slice(0, count - deals.length)) deals.push(deal);
  }

  // Ids follow creation order, as a real org's do.
  accountDrafts.sort((a, b) => a.firstDay - b.firstDay || a.index - b.index);
  for (const account of accountDrafts) account.id = ids.next(KEY_PREFIX.account);
  deals.sort((a, b) => a.createdDay - b.createdDay || a.seq - b.seq);

  const contacts: SandboxContact[] = [];
  const emailDomains = new Map<AccountDraft, string>();
  const contactRoles: SandboxContactRole[] = [];
  const truth: SandboxTruth = {
    winProbability: {},
    personas,
    personaOfAccount: {},
    openOutcomes: {},
    paths: {},
    winModel: model,
  };
  for (const deal of deals) {
    const opportunity = deal.opportunity;
    opportunity.id = ids.next(KEY_PREFIX.opportunity);
    opportunity.account = { id: deal.account.id, name: deal.account.name };
    if (deal.contact.id === '') {
      deal.contact.id = ids.next(KEY_PREFIX.contact);
      const domain = emailDomains.get(deal.account) ?? `${emailSlug(deal.account.name).slice(0, 24)}.example`;
      emailDomains.set(deal.account, domain);
      contacts.push({
        id: deal.contact.id,
        accountId: deal.account.id,
        firstName: deal.contact.firstName,
        lastName: deal.contact.lastName,
        name: `${deal.contact.firstName} ${deal.contact.lastName}`,
        title: deal.contact.title,
        email: `${emailSlug(deal.contact.firstName)}.${emailSlug(deal.contact.lastName)}@${domain}`,
      });
    }
    contactRoles.push({
      id: ids.next(KEY_PREFIX.contactRole),
      opportunityId: opportunity.id,
      contactId: deal.contact.id,
      role: String(opportunity.attributes['buyerRole']),
      isPrimary: true,
    });
    truth.winProbability[opportunity.id] = deal.trueProbability;
    truth.paths[opportunity.id] = deal.path;
    if (!opportunity.isClosed) truth.openOutcomes[opportunity.id] = { isWon: deal.won, closeDate: isoOf(deal.closeDay) };
  }

  const accounts: SandboxAccount[] = accountDrafts.map((draft) => {
    truth.personaOfAccount[draft.id] = draft.persona?.id ?? null;
    // Leads convert to an account on the day of the first deal, or some days before it.
    const createdDay = draft.firstDay - (accountRng.bernoulli(0.6) ? 0 : 1 + accountRng.int(45));
    return {
      id: draft.id,
      name: draft.name,
      industry: draft.industry.name,
      employees: draft.employees,
      annualRevenue: draft.annualRevenue,
      country: draft.country.name,
      state: draft.region?.name ?? null,
      parentId: draft.parent?.id ?? null,
      ownerId: draft.owner.id,
      territory: draft.territory,
      createdDate: isoOf(createdDay),
    };
  });

  return {
    seed,
    asOf,
    currency,
    accounts,
    users: sales.users,
    products: products.map((p) => p.record),
    contacts,
    contactRoles,
    opportunities: deals.map((d) => d.opportunity),
    truth,
  };
}

interface ValidOptions {
  seed: number;
  opportunities: number;
  asOf: IsoDate;
  currency: string;
  personas: number;
}

function validate(options: GenerateSandboxOptions): ValidOptions {
  const { seed, opportunities } = options;
  if (!Number.isFinite(seed)) throw new Error(`generateSandbox: seed must be a finite number, got ${seed}`);
  if (!Number.isInteger(opportunities) || opportunities < 1 || opportunities > MAX_OPPORTUNITIES) {
    throw new Error(`generateSandbox: opportunities must be a whole number from 1 to ${MAX_OPPORTUNITIES}, got ${opportunities}`);
  }
  const asOf = options.asOf ?? SANDBOX_DEFAULTS.asOf;
  try {
    dayOf(asOf);
  } catch {
    throw new Error(`generateSandbox: asOf must be a date as YYYY-MM-DD, got "${asOf}"`);
  }
  const currency = options.currency ?? SANDBOX_DEFAULTS.currency;
  if (!/^[A-Z]{3}$/.test(currency)) throw new Error(`generateSandbox: currency must be an ISO 4217 code such as USD, got "${currency}"`);
  const personas = options.personas ?? SANDBOX_DEFAULTS.personas;
  if (!Number.isInteger(personas) || personas < 3 || personas > 5) {
    throw new Error(`generateSandbox: personas must be 3, 4 or 5, got ${personas}`);
  }
  return { seed, opportunities, asOf, currency, personas };
}
