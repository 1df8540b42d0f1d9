import type { SandboxDatabase } from '../database';
import { toId18 } from '../id-sequence';
import { formatDate, formatMoney } from '../../kit/format';
import { highlightItem, highlightsPanel, layoutItem, lookup, numberOf, recordLink, recordNotFound, text } from './fields';
import { html } from '../../kit/html';
import type { PageContent } from './layout';

/**
 * Record pages of the other objects: an account (with its opportunities, links an overlay
 * follows by single-page navigation) and a plain page for users and contacts. None is an
 * opportunity, which is the point: the overlay must stay away from them.
 */

export function accountPage(db: SandboxDatabase, rawId: string, currency: string): PageContent {
  const id = toId18(rawId);
  const row = id === null ? undefined : db.table('Account')?.byId.get(id);
  if (row === undefined) return { title: 'Error | Salesforce', kind: 'Account', body: recordNotFound(rawId) };
  const name = text(row, 'Name') ?? '';
  const owner = lookup(db, 'User', row['OwnerId']);
  const parent = lookup(db, 'Account', row['ParentId']);
  const employees = numberOf(row, 'NumberOfEmployees');
  const deals = (db.table('Opportunity')?.rows ?? []).filter((o) => o['AccountId'] === row['Id']).reverse();
  const dealRows = deals.map(
    (o) =>
      html`<tr data-row-key-value="${String(o['Id'])}"><th scope="row">${recordLink('Opportunity', o)}</th><td>${text(o, 'StageName')}</td><td>${formatMoney(numberOf(o, 'Amount'), currency)}</td><td>${formatDate(text(o, 'CloseDate'))}</td></tr>`,
  );
  const body = html`<div class="record-page-decorator" data-page-type="record-home" data-object="Account">
${highlightsPanel({
  objectLabel: 'Account',
  iconClass: 'slds-icon-standard-account',
  name,
  details: [
    highlightItem('Industry', text(row, 'Industry')),
    highlightItem('Employees', employees === null ? null : employees.toLocaleString('en-US')),
    highlightItem('Billing Country', text(row, 'BillingCountry')),
    highlightItem('Account Owner', recordLink('User', owner)),
  ],
})}
<div class="slds-grid slds-wrap record-body">
  <div class="region-main">
    <div class="slds-card">
      <h3 class="slds-section__title">Account Information</h3>
      <div class="slds-form" role="list">
        ${layoutItem('Account Name', name)}
        ${layoutItem('Parent Account', recordLink('Account', parent))}
        ${layoutItem('Industry', text(row, 'Industry'))}
        ${layoutItem('Annual Revenue', formatMoney(numberOf(row, 'AnnualRevenue'), currency))}
        ${layoutItem('Billing State/Province', text(row, 'BillingState'))}
        ${layoutItem('Billing Country', text(row, 'BillingCountry'))}
      </div>
    </div>
  </div>
  <div class="region-sidebar-right">
    <article class="slds-card forceRelatedListSingleContainer" data-related-list="Opportunities">
      <h2 class="slds-card__header-title">Opportunities (${deals.length})</h2>
      <table class="slds-table slds-table_bordered"><thead><tr><th>Opportunity Name</th><th>Stage</th><th>Amount</th><th>Close Date</th></tr></thead><tbody>${dealRows}</tbody></table>
    </article>
  </div>
</div>
</div>`;
  return { title: `${name} | Account | Salesforce`, kind: 'Account', body };
}

/** Users, contacts and anything else with a record page: name and a few fields. */
export function plainRecordPage(db: SandboxDatabase, object: string, rawId: string): PageContent {
  const id = toId18(rawId);
  const found = id === null ? undefined : db.find(id);
  if (found === undefined || found.type.name !== object) return { title: 'Error | Salesforce', kind: 'home', body: recordNotFound(rawId) };
  const row = found.row;
  const name = text(row, 'Name') ?? text(row, 'MasterLabel') ?? String(row['Id']);
  const shown = ['Title', 'Email', 'Role'].filter((f) => found.type.field(f) !== undefined);
  const body = html`<div class="record-page-decorator" data-page-type="record-home" data-object="${found.type.name}">
${highlightsPanel({
  objectLabel: found.type.label,
  iconClass: 'slds-icon-standard-home',
  name,
  details: shown.map((f) => highlightItem(found.type.field(f)?.label ?? f, text(row, f))),
})}
${found.type.field('AccountId') === undefined ? '' : html`<div class="slds-card">${layoutItem('Account Name', recordLink('Account', lookup(db, 'Account', row['AccountId'])))}</div>`}
</div>`;
  return { title: `${name} | ${found.type.label} | Salesforce`, kind: 'home', body };
}
