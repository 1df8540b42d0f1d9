/**
 * The account panel (issue 16) as the background answers it: an account's opportunities
 * read from the store (lib/store/account-deals.ts) and rolled up with `rollUpAccount`, so
 * the panel shows the store's numbers. A content script asks for the account of the page
 * it runs on only (the same guards as `get-record-panel`, lib/messages.ts); an extension
 * page for any account of any connection (the detail page's account view).
 */
import { crmOfPage } from '../../lib/crm/registry';
import { accountLinker } from '../../lib/jobs/crm-links';
import type { ErrorReply } from '../../lib/messages';
import { MAX_ACCOUNT_ID, type AccountPanelData } from '../../lib/pipeline/account-panel';
import { rollUpAccount } from '../../lib/pipeline/account-rollup';
import type { DealsightDb } from '../../lib/store/db';
import { getAccountDeals, getConnection, getModel } from '../../lib/store/repo';
import { CRM_MESSAGES, type CrmDeps } from './crm';
import type { TabInfo } from '../../lib/crm/connector';
import { t } from '../../lib/i18n';

export const ACCOUNT_MESSAGES = {
  // In the asking page's language (the background speaks the browser's, as the page does).
  get notAnAccount(): string {
    return t('background_notAnAccount');
  },
  /** A malformed request (a CRM page's script sent it): for a bug report, in English. */
  badAccountId: `An account id is text of 1 to ${MAX_ACCOUNT_ID} characters.`,
  get noData(): string {
    return t('background_noAccountData');
  },
};

type AccountReply = { ok: true; account: AccountPanelData } | ErrorReply;

/** The panel of `accountId` in `connectionId`, or not-synced while the connection has no data or no models. */
export async function accountPanel(
  db: DealsightDb,
  connectionId: unknown,
  accountId: unknown,
  notSynced: string = ACCOUNT_MESSAGES.noData,
): Promise<AccountReply> {
  if (typeof accountId !== 'string' || accountId === '' || accountId.length > MAX_ACCOUNT_ID) return { ok: false, error: ACCOUNT_MESSAGES.badAccountId };
  if (typeof connectionId !== 'string') return { ok: false, code: 'not-synced', error: notSynced };
  const [connection, model] = await Promise.all([getConnection(db, connectionId), getModel(db, connectionId)]);
  if (!connection || !model) return { ok: false, code: 'not-synced', error: notSynced };
  const [{ name, deals }, link] = await Promise.all([getAccountDeals(db, connectionId, accountId), accountLinker(db, connection)]);
  return { ok: true, account: { connectionId, accountId, name, crmUrl: link?.(accountId) ?? null, rollup: rollUpAccount(deals) } };
}

/** `url`, when it is on the sender's own page. */
function ownPage(url: string, pageUrl: string): boolean {
  try {
    return new URL(url).origin === new URL(pageUrl).origin;
  } catch {
    return false;
  }
}

/** 'get-account-panel': the account of the Account or company page the content script runs on, from the store. */
export async function pageAccountPanel(deps: CrmDeps, url: string, sender: { url: string; tab: TabInfo }): Promise<AccountReply> {
  if (!ownPage(url, sender.url)) return { ok: false, error: CRM_MESSAGES.wrongOrigin };
  const found = crmOfPage(url, deps.hostOptions);
  if (!found || found.page.kind !== 'record' || found.page.object !== 'account')
    return { ok: false, code: 'not-an-opportunity', error: ACCOUNT_MESSAGES.notAnAccount };
  const { crm, page } = found;
  try {
    const connection = await crm.pageConnection(url, sender.tab, deps.env(crm));
    if (!connection.ok) return connection;
    return await accountPanel(deps.db, connection.connectionId, page.id, crm.messages.notSynced);
  } catch (error) {
    const code = crm.errorCode(error);
    const message = error instanceof Error ? error.message : String(error);
    return code ? { ok: false, code, error: message } : { ok: false, error: message };
  }
}
