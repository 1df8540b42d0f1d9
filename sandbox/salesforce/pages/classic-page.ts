import type { SandboxDatabase } from '../database';
import type { Row } from '../records';
import { toId18 } from '../id-sequence';
import { formatDate, formatMoney } from '../../kit/format';
import { lookup, numberOf, text } from './fields';
import { html, type SafeHtml } from '../../kit/html';

/**
 * Salesforce Classic, server-rendered with no single-page navigation
 * (`../shared/crm-evidence.md`, row "Classic"):
 * - the opportunity and account detail pages (`/{id}`): the record title
 *   `#bodyCell > div.bPageTitle > div.ptBody > div.content > h2` (code id 15567451139: the
 *   title block every Classic record page has, there an opportunity's) and
 *   `table.detailList` the fields; the account's opportunities as a related list of
 *   `/{15-character id}` links (the form code id 37843792931 reads ids from);
 * - the opportunity list view (`/006?fcf=…`, `/006/o`): an enhanced list whose name column
 *   is `.x-grid3-col-FULL_NAME a` with `href="/<15-character id>"` (code id 37843792931,
 *   which reads the id from that `href`). The rest of the grid's nesting is not in the
 *   evidence: it follows Ext JS's grid (`x-grid3-row` …), and nothing should rely on it.
 * `body.sfdcBody` marks a Classic page (Salesforce Inspector Reloaded's `addon/button.js`).
 */

/** Classic links and URLs use the 15-character id, as Classic does. */
function classicHref(row: Row): string {
  return `/${String(row['Id']).slice(0, 15)}`;
}

function classicDocument(title: string, bodyClass: string, content: SafeHtml): string {
  return html`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>
body { font-family: Arial, Helvetica, sans-serif; font-size: 12px; margin: 0; background: #f8f8f8; color: #222; }
#bodyTable { width: 100%; border-collapse: collapse; } #bodyCell { padding: 10px 16px; vertical-align: top; }
.bPageTitle { padding: 8px 0 12px; } .bPageTitle h1 { font-size: 12px; margin: 0; color: #555; } .bPageTitle h2 { font-size: 20px; margin: 2px 0 0; }
.bPageBlock { background: #fff; border: 1px solid #ddd; border-top: 3px solid #e39321; padding: 8px; }
.detailList { width: 100%; } .labelCol { font-weight: bold; text-align: right; color: #4a4a56; padding: 4px 8px; width: 18%; } .dataCol { padding: 4px 8px; }
.x-grid3 { background: #fff; border: 1px solid #ddd; } .x-grid3-row-table { width: 100%; table-layout: fixed; border-collapse: collapse; }
.x-grid3-hd-row td, .x-grid3-row td { padding: 4px 6px; border-bottom: 1px solid #eee; } .x-grid3-hd-row td { font-weight: bold; background: #f2f3f3; }
.list { width: 100%; border-collapse: collapse; } .list th, .list td { text-align: left; padding: 4px 6px; border-bottom: 1px solid #eee; } .list .headerRow th { background: #f2f3f3; }
.bRelatedList { margin-top: 12px; } .bRelatedList h3 { font-size: 14px; margin: 0 0 6px; }
.x-grid3-cell-inner { overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
a { color: #015ba7; }
</style></head>
<body class="${bodyClass} sfdcBody">
<table id="bodyTable" class="outer"><tbody><tr><td id="bodyCell" class="oRight">
${content}
</td></tr></tbody></table>
</body></html>
`.value;
}

function pageTitle(type: string, description: string): SafeHtml {
  return html`<div class="bPageTitle"><div class="ptBody"><div class="content"><h1 class="pageType">${type}</h1><h2 class="pageDescription">${description}</h2></div></div></div>`;
}

/** The detail page of an opportunity (`/{id}`, 15 or 18 characters); null when the id is not an opportunity's. */
export function classicOpportunityPage(db: SandboxDatabase, rawId: string): string | null {
  const id = toId18(rawId);
  const row = id === null ? undefined : db.table('Opportunity')?.byId.get(id);
  if (row === undefined) return null;
  const name = text(row, 'Name') ?? '';
  const account = lookup(db, 'Account', row['AccountId']);
  const owner = lookup(db, 'User', row['OwnerId']);
  const cell = (label: string, value: SafeHtml | string | null): SafeHtml => html`<td class="labelCol">${label}</td><td class="dataCol">${value ?? ''}</td>`;
  const accountLink = account === null ? '' : html`<a href="${classicHref(account)}">${text(account, 'Name')}</a>`;
  return classicDocument(
    `Opportunity: ${name} ~ Salesforce - Enterprise Edition`,
    'hasMotif opportunityTab detailPage',
    html`${pageTitle('Opportunity', name)}
<div class="bPageBlock brandSecondaryBrd bDetailBlock secondaryPalette" id="ep">
<div class="pbBody"><table class="detailList" cellpadding="0" cellspacing="0"><tbody>
<tr>${cell('Opportunity Owner', text(owner, 'Name'))}${cell('Amount', formatMoney(numberOf(row, 'Amount'), db.org.currency))}</tr>
<tr>${cell('Opportunity Name', name)}${cell('Close Date', formatDate(text(row, 'CloseDate')))}</tr>
<tr>${cell('Account Name', accountLink)}${cell('Stage', text(row, 'StageName'))}</tr>
<tr>${cell('Type', text(row, 'Type'))}${cell('Probability (%)', String(numberOf(row, 'Probability') ?? ''))}</tr>
<tr>${cell('Lead Source', text(row, 'LeadSource'))}${cell('Forecast Category', text(row, 'ForecastCategoryName'))}</tr>
</tbody></table></div></div>`,
  );
}

/** The detail page of an account (`/{id}`, 15 or 18 characters), with its opportunities' related list; null when the id is not an account's. */
export function classicAccountPage(db: SandboxDatabase, rawId: string): string | null {
  const id = toId18(rawId);
  const row = id === null ? undefined : db.table('Account')?.byId.get(id);
  if (row === undefined) return null;
  const name = text(row, 'Name') ?? '';
  const owner = lookup(db, 'User', row['OwnerId']);
  const cell = (label: string, value: SafeHtml | string | null): SafeHtml => html`<td class="labelCol">${label}</td><td class="dataCol">${value ?? ''}</td>`;
  const deals = (db.table('Opportunity')?.rows ?? []).filter((o) => o['AccountId'] === row['Id']).reverse();
  const dealRows = deals.map(
    (o) =>
      html`<tr class="dataRow"><th scope="row" class="dataCell"><a href="${classicHref(o)}">${text(o, 'Name') ?? ''}</a></th><td class="dataCell">${text(o, 'StageName')}</td><td class="dataCell">${formatMoney(numberOf(o, 'Amount'), db.org.currency)}</td><td class="dataCell">${formatDate(text(o, 'CloseDate'))}</td></tr>`,
  );
  return classicDocument(
    `Account: ${name} ~ Salesforce - Enterprise Edition`,
    'hasMotif accountTab detailPage',
    html`${pageTitle('Account', name)}
<div class="bPageBlock brandSecondaryBrd bDetailBlock secondaryPalette" id="ep">
<div class="pbBody"><table class="detailList" cellpadding="0" cellspacing="0"><tbody>
<tr>${cell('Account Owner', text(owner, 'Name'))}${cell('Industry', text(row, 'Industry'))}</tr>
<tr>${cell('Account Name', name)}${cell('Annual Revenue', formatMoney(numberOf(row, 'AnnualRevenue'), db.org.currency))}</tr>
<tr>${cell('Billing State/Province', text(row, 'BillingState'))}${cell('Billing Country', text(row, 'BillingCountry'))}</tr>
</tbody></table></div></div>
<div class="bRelatedList" id="opportunities"><div class="bPageBlock brandSecondaryBrd secondaryPalette"><h3>Opportunities (${deals.length})</h3>
<div class="pbBody"><table class="list" cellpadding="0" cellspacing="0"><tbody>
<tr class="headerRow"><th>Opportunity Name</th><th>Stage</th><th>Amount</th><th>Close Date</th></tr>${dealRows}
</tbody></table></div></div></div>`,
  );
}

/** Rows a Classic list view shows. */
export const CLASSIC_LIST_SIZE = 50;

/** The opportunity list view (`/006?fcf=…`, `/006/o`): open opportunities, newest first, 50 rows. */
export function classicOpportunityList(db: SandboxDatabase): string {
  const rows = (db.table('Opportunity')?.rows ?? [])
    .filter((r) => r['IsClosed'] === false)
    .sort((a, b) => Number(b['CreatedDate']) - Number(a['CreatedDate']) || String(b['Id']).localeCompare(String(a['Id'])))
    .slice(0, CLASSIC_LIST_SIZE);
  const column = (name: string, value: SafeHtml | string | null): SafeHtml =>
    html`<td class="x-grid3-col x-grid3-cell x-grid3-td-${name}"><div class="x-grid3-cell-inner x-grid3-col-${name}">${value ?? ''}</div></td>`;
  const gridRows = rows.map((r) => {
    const account = lookup(db, 'Account', r['AccountId']);
    return html`<div class="x-grid3-row"><table class="x-grid3-row-table" cellspacing="0" cellpadding="0"><tbody><tr>${column('FULL_NAME', html`<a href="${classicHref(r)}"><span>${text(r, 'Name') ?? ''}</span></a>`)}${column(
      'ACCOUNT_NAME',
      account === null ? '' : html`<a href="${classicHref(account)}">${text(account, 'Name')}</a>`,
    )}${column('AMOUNT', formatMoney(numberOf(r, 'Amount'), db.org.currency))}${column('CLOSE_DATE', formatDate(text(r, 'CloseDate')))}${column('STAGE_NAME', text(r, 'StageName'))}</tr></tbody></table></div>`;
  });
  const header = html`<div class="x-grid3-header"><table class="x-grid3-row-table"><tbody><tr class="x-grid3-hd-row"><td>Opportunity Name</td><td>Account Name</td><td>Amount</td><td>Close Date</td><td>Stage</td></tr></tbody></table></div>`;
  return classicDocument(
    'Opportunities ~ Salesforce - Enterprise Edition',
    'hasMotif opportunityTab listPage',
    html`${pageTitle('Opportunities', 'All Open Opportunities')}
<div class="listViewport"><div class="x-grid3"><div class="x-grid3-viewport">${header}<div class="x-grid3-scroller"><div class="x-grid3-body">${gridRows}</div></div></div></div></div>`,
  );
}
