/**
 * What every sync and on-demand fetch reads first: the API version, the Opportunity
 * describe (required), the Account describe and the Organization (optional), and the
 * org's stages from OpportunityStage.
 */
import type { SalesforceClient, SalesforceRecord } from './client';
import { findField, type DescribeSObject } from './describe';
import { SalesforceError } from './errors';
import { customFieldChoices, planFields, type CustomFieldChoice, type CustomFieldInput, type FieldPlan } from './fields';
import { toId18 } from './ids';
import { stagesSoql } from './soql';
import { readStages, StageIndex, type StageInfo } from './stages';
import { readText } from '../shared/values';

export interface OrgInfo {
  id: string;
  name: string;
  /** The org's currency (single-currency orgs have no CurrencyIsoCode field). */
  currency: string | null;
  isSandbox: boolean | null;
}

export interface SalesforceContext {
  apiVersion: string;
  plan: FieldPlan;
  stages: StageInfo[];
  stageIndex: StageIndex;
  org: OrgInfo | null;
  /** The org's custom Opportunity fields a user may add (the options page lists them). */
  customFieldChoices: CustomFieldChoice[];
  warnings: string[];
}

export type SyncStep = 'connecting' | 'describing' | 'stages' | 'deleted' | 'opportunities' | 'done';

export interface SyncProgress {
  step: SyncStep;
  /** Opportunities done, and how many the query matches (null until the first page). */
  done: number;
  total: number | null;
}

/** A failure an optional step may swallow, with a warning: the org or server lacks it, or refuses it. */
export function isOptionalFailure(error: unknown): boolean {
  return (
    error instanceof SalesforceError && (error.state === 'bad-request' || error.state === 'server' || (error.state === 'no-api-access' && error.status === 403))
  );
}

/** A failure that means this server does not serve what was asked (an object, a field, a query locator). */
export function isUnsupported(error: unknown): boolean {
  return error instanceof SalesforceError && error.state === 'bad-request';
}

export async function prepareSalesforce(
  client: SalesforceClient,
  options: { customFields?: readonly CustomFieldInput[]; signal?: AbortSignal; onProgress?: (p: SyncProgress) => void } = {},
): Promise<SalesforceContext> {
  const { signal } = options;
  const warnings: string[] = [];
  options.onProgress?.({ step: 'connecting', done: 0, total: null });
  const apiVersion = await client.ensureVersion(signal);
  options.onProgress?.({ step: 'describing', done: 0, total: null });
  const opportunity = await client.describe('Opportunity', signal);
  let account: DescribeSObject | null = null;
  try {
    account = await client.describe('Account', signal);
  } catch (error) {
    if (!isOptionalFailure(error)) throw error;
    warnings.push('The Account describe could not be read; the standard account fields were assumed readable.');
  }
  const plan = planFields(opportunity, account, options.customFields ?? []);
  warnings.push(...plan.warnings);
  const org = await readOrg(client, signal, warnings);
  options.onProgress?.({ step: 'stages', done: 0, total: null });
  const { stages, problems } = readStages(await readStageRecords(client, signal));
  warnings.push(...problems);
  if (stages.length === 0) warnings.push("No OpportunityStage was readable: each deal's own IsClosed and IsWon flags give its outcome.");
  if (findField(opportunity, 'CurrencyIsoCode') === null && org?.currency == null) {
    warnings.push('The org has no CurrencyIsoCode field and its default currency could not be read: amounts carry no currency.');
  }
  return { apiVersion, plan, stages, stageIndex: new StageIndex(stages), org, customFieldChoices: customFieldChoices(opportunity), warnings };
}

async function readStageRecords(client: SalesforceClient, signal: AbortSignal | undefined): Promise<SalesforceRecord[]> {
  try {
    return await client.queryRecords(stagesSoql(true), { signal });
  } catch (error) {
    // ApiName came in API 38.0; a server without it still has the label.
    if (!(error instanceof SalesforceError && error.state === 'bad-request' && error.code === 'INVALID_FIELD')) throw error;
    return client.queryRecords(stagesSoql(false), { signal });
  }
}

async function readOrg(client: SalesforceClient, signal: AbortSignal | undefined, warnings: string[]): Promise<OrgInfo | null> {
  try {
    const [r] = await client.queryRecords('SELECT Id, Name, DefaultCurrencyIsoCode, IsSandbox FROM Organization LIMIT 1', { signal });
    const id = r === undefined ? null : readText(r.Id);
    if (r === undefined || id === null) return null;
    const currency = readText(r.DefaultCurrencyIsoCode)?.toUpperCase() ?? null;
    return {
      id: toId18(id) ?? id,
      name: readText(r.Name) ?? id,
      currency: currency !== null && /^[A-Z]{3}$/.test(currency) ? currency : null,
      isSandbox: typeof r.IsSandbox === 'boolean' ? r.IsSandbox : null,
    };
  } catch (error) {
    if (!isOptionalFailure(error)) throw error;
    warnings.push("The org's name and default currency could not be read.");
    return null;
  }
}
