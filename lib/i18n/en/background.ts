/**
 * The background's own replies (entrypoints/background), English: why a page's or a CRM
 * tab's request could not be answered. The background runs in the same browser as the
 * page that asks, so it answers in the page's language (it loads every area: lib/i18n/all).
 */
import type { Dictionary } from '../types';

export const background = {
  background_notARecord: 'This page is not an opportunity or deal record.',
  background_notAnAccount: 'This page is not an account or company record.',
  background_noRecordData: 'There is no data for this record yet: import a CSV export, load sandbox data or connect your CRM in the options page.',
  background_noAccountData: 'There is no data for this account yet: import a CSV export, load sandbox data or connect your CRM in the options page.',
  background_notConnected: 'There is no connected {crm} {place} {id}.',
  background_noTrainData: 'There is no data for {connection} to train on.',
  background_badUploadId: 'The upload id must be a positive whole number.',
  background_badSeed: 'The sandbox seed must be a whole number from {min} to {max}.',
  background_badSize: 'A sandbox org has {min} to {max} opportunities.',
  background_dailySkipped: 'Skipped the daily {crm} sync: {why}',
  background_signInClosed: 'The sign-in window closed without an answer.',
  background_noAnswer: 'The background did not answer.',
} as const satisfies Dictionary;
