import type { SandboxDatabase } from '../database';
import { toId18 } from '../id-sequence';
import { formatDate, formatMoney } from '../../kit/format';
import { lookup, numberOf, text } from './fields';
import { html, type SafeHtml } from '../../kit/html';

/**
 * Salesforce Classic's opportunity detail page (`/{id}`), server-rendered with no
 * single-page navigation: `.bPageTitle h2.pageDescription` holds the name and
 * `table.detailList` the fields. Null when the id is not an opportunity's.
 */
export function classicOpportunityPage(db: SandboxDatabase, rawId: string): string | null {
  const id = toId18(rawId);
  const row = id === null ? undefined : db.table('Opportunity')?.byId.get(id);
  if (row === undefined) return null;
  const name = text(row, 'Name') ?? '';
  const account = lookup(db, 'Account', row['AccountId']);
  const owner = lookup(db, 'User', row['OwnerId']);
  const cell = (label: string, value: SafeHtml | string | null): SafeHtml => html`<td class="labelCol">${label}</td><td class="dataCol">${value ?? ''}</td>`;
  const accountLink = account === null ? '' : html`<a href="/${String(account['Id']).slice(0, 15)}">${text(account, 'Name')}</a>`;
  return html`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Opportunity: ${name} ~ Salesforce - Enterprise Edition</title></head>
<body class="hasMotif opportunityTab detailPage sfdcBody">
<div class="bPageTitle"><div class="ptBody"><div class="content"><h1 class="pageType">Opportunity</h1><h2 class="pageDescription">${name}</h2></div></div></div>
<div class="bPageBlock brandSecondaryBrd bDetailBlock secondaryPalette" id="ep">
<div class="pbBody"><table class="detailList" cellpadding="0" cellspacing="0"><tbody>
<tr>${cell('Opportunity Owner', text(owner, 'Name'))}${cell('Amount', formatMoney(numberOf(row, 'Amount'), db.org.currency))}</tr>
<tr>${cell('Opportunity Name', name)}${cell('Close Date', formatDate(text(row, 'CloseDate')))}</tr>
<tr>${cell('Account Name', accountLink)}${cell('Stage', text(row, 'StageName'))}</tr>
<tr>${cell('Type', text(row, 'Type'))}${cell('Probability (%)', String(numberOf(row, 'Probability') ?? ''))}</tr>
<tr>${cell('Lead Source', text(row, 'LeadSource'))}${cell('Forecast Category', text(row, 'ForecastCategoryName'))}</tr>
</tbody></table></div></div>
</body></html>
`.value;
}
