import type { DealPath } from './deal-path';
import type { IsoDate, Opportunity, PersonRef, StandardOpportunityType } from '../crm/opportunity';
import type { Territory } from './catalog';

/**
 * The sandbox org: what the generator produces and what the CSV exporter, the tests and
 * the local sandbox Salesforce server read. Plain JSON data throughout. Every id is a
 * Salesforce-shaped 18-character id with the object's key prefix.
 */
export interface SandboxOrg {
  seed: number;
  /** The day the org is seen from: closed deals closed on or before it, open ones are open on it. */
  asOf: IsoDate;
  /** ISO 4217 code of every amount, list price and annual revenue. */
  currency: string;
  accounts: SandboxAccount[];
  /** Sales leadership, team managers, account executives and SDRs. */
  users: SandboxUser[];
  products: SandboxProduct[];
  /** Buyer contacts; each opportunity names one as its primary contact. */
  contacts: SandboxContact[];
  /** One primary OpportunityContactRole per opportunity. */
  contactRoles: SandboxContactRole[];
  /** In creation order, which is also id order. */
  opportunities: Opportunity[];
  truth: SandboxTruth;
}

export interface SandboxAccount {
  id: string;
  name: string;
  industry: string;
  /** Null for the few accounts whose head count nobody entered. */
  employees: number | null;
  /** Null for the few accounts whose revenue nobody entered. */
  annualRevenue: number | null;
  country: string;
  /** State or province; null where the country has none (Singapore). */
  state: string | null;
  /** The account's parent in a corporate hierarchy, for the subsidiaries that have one. */
  parentId: string | null;
  ownerId: string;
  territory: Territory;
  createdDate: IsoDate;
}

export type SandboxUserRole = 'executive' | 'manager' | 'rep' | 'sdr';

export interface SandboxUser {
  id: string;
  name: string;
  firstName: string;
  lastName: string;
  title: string;
  email: string;
  role: SandboxUserRole;
  /** The user's manager (User.ManagerId); null for the head of sales. */
  manager: PersonRef | null;
  /** Null for users who work across territories (the head of sales, SDRs). */
  territory: Territory | null;
}

export interface SandboxProduct {
  id: string;
  name: string;
  family: string;
  code: string;
  /** Annual list price in the org's currency. */
  listPrice: number;
}

export interface SandboxContact {
  id: string;
  accountId: string;
  firstName: string;
  lastName: string;
  name: string;
  title: string;
  email: string;
}

export interface SandboxContactRole {
  id: string;
  opportunityId: string;
  contactId: string;
  /** OpportunityContactRole.Role: Decision Maker, Economic Buyer, Evaluator, … */
  role: string;
  isPrimary: boolean;
}

/** A head-count range, inclusive; `max` null means open-ended. */
export interface EmployeeBand {
  label: string;
  min: number;
  max: number | null;
}

/** The attribute values a planted persona's accounts and first deals tend to have. */
export interface PersonaProfile {
  industry: string;
  employeeBand: EmployeeBand;
  country: string;
  buyerTitle: string;
  product: string;
}

export interface PlantedPersona {
  id: string;
  /** e.g. "Healthcare · 1,001–5,000 employees · United States · VP Operations · Platform". */
  label: string;
  profile: PersonaProfile;
  /**
   * High-repeat personas' customers renew reliably and buy more; low-repeat ones churn
   * and rarely expand. This is where upsell and renewal wins concentrate.
   */
  repeat: 'high' | 'low';
  /** Share of all accounts drawn from this persona. */
  accountShare: number;
}

/**
 * The known win-probability function, a logistic model over fields a CSV export carries:
 * logit = intercept + personaFit × fit² + leadSource + product + type + ownerSkill
 *         + priceSlope × clamp(ln(amount / expected amount for the product and head count)),
 * where fit is the best persona fit of the deal's attributes (`personaFit` in personas.ts)
 * and the two weights depend on whether the deal is a new customer's.
 * `winProbability` in win-probability.ts evaluates it on an `Opportunity`.
 */
export interface WinModel {
  intercept: number;
  /** Weight of the squared best persona fit (0..1); a first deal depends on fit more than an expansion. */
  personaFit: { newCustomer: number; existingCustomer: number };
  /** By lead source; a source not listed (or none) adds 0. */
  leadSource: Record<string, number>;
  /** By product name; a product not listed adds 0. */
  product: Record<string, number>;
  type: Record<StandardOpportunityType, number>;
  /** Slope on the log price ratio: deals priced above the account's size are harder to win. */
  priceSlope: { newCustomer: number; existingCustomer: number };
  /**
   * By owner name, not id: a report export names owners but does not carry their ids,
   * and the sandbox's user names are unique.
   */
  ownerSkill: Record<string, number>;
  /** List price by product name, in the org's currency: the base of the expected amount. */
  listPrice: Record<string, number>;
  personas: PersonaProfile[];
}

export interface SandboxTruth {
  /** The true win probability of every opportunity, open or closed, by id. */
  winProbability: Record<string, number>;
  personas: PlantedPersona[];
  /** The persona each account was drawn from, or null for a background account. */
  personaOfAccount: Record<string, string | null>;
  /** How and when each open deal will close: for testing forecasts against the future. */
  openOutcomes: Record<string, { isWon: boolean; closeDate: IsoDate }>;
  /**
   * The path each generated deal walked, by id: with `winProbability` as the prior, the
   * chance of a win given the deal's record on any day (`truthAt`, lib/sandbox/deal-path.ts).
   * Deals added later by a sandbox server have none.
   */
  paths: Record<string, DealPath>;
  winModel: WinModel;
}
