/**
 * What the account panel shows (issue 16): one account of one connection, its
 * opportunities rolled up by `rollUpAccount` over the store's pipeline rows. Plain data,
 * so it crosses `runtime.sendMessage` unchanged; the background builds it
 * (entrypoints/background/account.ts), the AccountPanel renders it.
 */
import type { AccountRollup } from './account-rollup';

export interface AccountPanelData {
  connectionId: string;
  /** The account's id as its opportunities name it (`Opportunity.account.id`). */
  accountId: string;
  /** Its name as the store knows it; null when no stored deal or account names it. */
  name: string | null;
  /** Where the account opens in its CRM; null for files and sandbox data (the extension's account view shows it). */
  crmUrl: string | null;
  rollup: AccountRollup;
}

/** The longest account id a sender may ask about (a Salesforce id is 18, a HubSpot id 20 digits; a file's normalized name longer). */
export const MAX_ACCOUNT_ID = 512;
