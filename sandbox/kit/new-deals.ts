import type { Opportunity } from '../../lib/crm/opportunity';
import { Random } from '../../lib/seeded/random';
import { EXISTING_CUSTOMER_LEAD_SOURCE, NEW_BUSINESS_LEAD_SOURCES } from '../../lib/sandbox/catalog';
import { stageDefinition } from '../../lib/sandbox/stages';
import type { SandboxContactRole, SandboxOrg } from '../../lib/sandbox/types';
import { winProbability } from '../../lib/sandbox/win-probability';
import { addDaysIso } from './clock';

/**
 * Deals created while a server runs (`addOpportunities`, `addDeals`), for incremental-sync tests: a
 * new open deal on an existing account, owned by the account's owner, at its first stage,
 * with the account's facts and, where the account has a contact, a primary contact role.
 */

export interface NewDeal {
  opportunity: Opportunity;
  contactRole: SandboxContactRole | null;
}

export interface NewDealIds {
  opportunity: string;
  contactRole: string;
}

export function draftNewDeal(org: SandboxOrg, rng: Random, ids: NewDealIds, createdDate: string): NewDeal {
  const account = rng.pick(org.accounts);
  const accountDeals = org.opportunities.filter((o) => o.account?.id === account.id);
  const isCustomer = accountDeals.some((o) => o.isWon);
  const lastProduct = accountDeals.at(-1)?.attributes['product'];
  const product = org.products.find((p) => p.name === lastProduct) ?? rng.pick(org.products);
  const owner = org.users.find((u) => u.id === account.ownerId) ?? rng.pick(org.users);
  const contact = org.contacts.find((c) => c.accountId === account.id) ?? null;
  const role = contact === null ? null : (org.contactRoles.find((r) => r.contactId === contact.id)?.role ?? 'Decision Maker');
  const stage = stageDefinition(isCustomer ? 'Qualification' : 'Prospecting');
  const amount = Math.max(50, Math.round((product.listPrice * rng.logNormal(isCustomer ? 0.4 : 1, 0.4)) / 50) * 50);

  const opportunity: Opportunity = {
    id: ids.opportunity,
    source: 'sandbox',
    name: `${account.name} - ${product.name}${isCustomer ? ' Expansion' : ''}`.slice(0, 120),
    account: { id: account.id, name: account.name },
    amount,
    currency: org.currency,
    stage: stage.label,
    isClosed: false,
    isWon: false,
    type: isCustomer ? 'upsell' : 'new customer',
    forecastCategory: stage.forecastCategory,
    probability: stage.probability / 100,
    createdDate,
    closeDate: addDaysIso(createdDate, 30 + rng.int(90)),
    stageEnteredDate: createdDate,
    stageHistory: [{ stage: stage.label, enteredAt: createdDate }],
    owner: { id: owner.id, name: owner.name },
    ownerManager: owner.manager,
    createdBy: { id: owner.id, name: owner.name },
    territory: owner.territory,
    leadSource: isCustomer ? EXISTING_CUSTOMER_LEAD_SOURCE : rng.pick(NEW_BUSINESS_LEAD_SOURCES.map(([name]) => name)),
    attributes: {
      industry: account.industry,
      employees: account.employees,
      revenue: account.annualRevenue,
      country: account.country,
      state: account.state,
      product: product.name,
      buyerTitle: contact?.title ?? null,
      buyerRole: role,
    },
  };
  const contactRole: SandboxContactRole | null =
    contact === null ? null : { id: ids.contactRole, opportunityId: opportunity.id, contactId: contact.id, role: role ?? 'Decision Maker', isPrimary: true };
  return { opportunity, contactRole };
}

/**
 * Adds `count` new deals to `org` (its opportunities, contact roles and true win
 * probabilities), created on `createdDate`. The `batch`-th call on an org gives the same
 * deals every run.
 */
export function addNewDeals(org: SandboxOrg, batch: number, count: number, createdDate: string, nextIds: () => NewDealIds): NewDeal[] {
  checkNewDealCount(count, 'addNewDeals');
  const rng = new Random(org.seed * 7919 + batch);
  const added: NewDeal[] = [];
  for (let i = 0; i < count; i++) {
    const deal = draftNewDeal(org, rng, nextIds(), createdDate);
    org.opportunities.push(deal.opportunity);
    org.truth.winProbability[deal.opportunity.id] = winProbability(deal.opportunity, org.truth.winModel);
    if (deal.contactRole !== null) org.contactRoles.push(deal.contactRole);
    added.push(deal);
  }
  return added;
}

/** Throws, naming `caller`, unless `count` is a whole number from 1 to 100000. */
export function checkNewDealCount(count: number, caller: string): void {
  if (!Number.isInteger(count) || count < 1 || count > 100_000) {
    throw new Error(`${caller}: count must be a whole number from 1 to 100000, got ${count}`);
  }
}
