import type { SandboxDatabase } from '../database';
import { toId18 } from '../id-sequence';
import type { Row } from '../records';
import { OPEN_STAGES, stageDefinition } from '../../../lib/sandbox/stages';
import { formatDate, formatDateTime, formatMoney, formatPercent } from '../../kit/format';
import { layoutItem, lookup, lookupLink, numberOf, recordNotFound, text } from './fields';
import type { LightningPageOptions } from './page-options';
import { auraCard, component, recordHome } from './record-home';
import { html, type SafeHtml } from '../../kit/html';
import type { PageContent } from './layout';

/**
 * /lightning/r/Opportunity/{id}/view: the record home page, laid out as record-home.ts
 * says (the header in the shape of the `highlights` page option), with the path, the
 * details tab (`records-record-layout-item[field-label]`) and the sidebar's related lists.
 * The record id is in the URL only (15 or 18 characters, as the link was written).
 */
export function opportunityPage(db: SandboxDatabase, rawId: string, currency: string, options: LightningPageOptions): PageContent {
  const id = toId18(rawId);
  const row = id === null ? undefined : db.table('Opportunity')?.byId.get(id);
  if (row === undefined) return { title: 'Error | Salesforce', kind: 'Opportunity', body: recordNotFound(rawId) };

  const name = text(row, 'Name') ?? '';
  const account = lookup(db, 'Account', row['AccountId']);
  const owner = lookup(db, 'User', row['OwnerId']);
  const creator = lookup(db, 'User', row['CreatedById']);
  const modifier = lookup(db, 'User', row['LastModifiedById']);
  const amount = formatMoney(numberOf(row, 'Amount'), text(row, 'CurrencyIsoCode') ?? currency);
  const closeDate = formatDate(text(row, 'CloseDate'));
  const roles = (db.table('OpportunityContactRole')?.rows ?? []).filter((r) => r['OpportunityId'] === row['Id']);
  const history = (db.table('OpportunityHistory')?.rows ?? []).filter((r) => r['OpportunityId'] === row['Id']);

  const details = component(html`<div class="slds-card slds-tabs_default">
  <ul class="slds-tabs_default__nav" role="tablist">
    <li class="slds-tabs_default__item slds-is-active" role="presentation"><a class="slds-tabs_default__link" data-label="Details" role="tab">Details</a></li>
    <li class="slds-tabs_default__item" role="presentation"><a class="slds-tabs_default__link" data-label="Activity" role="tab">Activity</a></li>
    <li class="slds-tabs_default__item" role="presentation"><a class="slds-tabs_default__link" data-label="Chatter" role="tab">Chatter</a></li>
  </ul>
  <div class="slds-tabs_default__content">
    <records-record-layout-section>
      <h3 class="slds-section__title">Opportunity Information</h3>
      <div class="slds-form" role="list">
        ${layoutItem('Opportunity Owner', lookupLink(owner))}
        ${layoutItem('Amount', amount)}
        ${layoutItem('Opportunity Name', name)}
        ${layoutItem('Expected Revenue', formatMoney(numberOf(row, 'ExpectedRevenue'), text(row, 'CurrencyIsoCode') ?? currency))}
        ${layoutItem('Account Name', lookupLink(account))}
        ${layoutItem('Close Date', closeDate)}
        ${layoutItem('Type', text(row, 'Type'))}
        ${layoutItem('Stage', text(row, 'StageName'))}
        ${layoutItem('Lead Source', text(row, 'LeadSource'))}
        ${layoutItem('Probability (%)', formatPercent(numberOf(row, 'Probability')))}
        ${layoutItem('Region', text(row, 'Region__c'))}
        ${layoutItem('Forecast Category', text(row, 'ForecastCategoryName'))}
        ${layoutItem('Primary Product', text(row, 'Primary_Product__c'))}
        ${layoutItem('Next Step', text(row, 'NextStep'))}
      </div>
    </records-record-layout-section>
    <records-record-layout-section>
      <h3 class="slds-section__title">System Information</h3>
      <div class="slds-form" role="list">
        ${layoutItem('Created By', html`${lookupLink(creator)}, ${formatDateTime(numberOf(row, 'CreatedDate'))}`)}
        ${layoutItem('Last Modified By', html`${lookupLink(modifier)}, ${formatDateTime(numberOf(row, 'LastModifiedDate'))}`)}
      </div>
    </records-record-layout-section>
  </div>
</div>`);

  const body = recordHome(
    {
      object: 'Opportunity',
      highlights: {
        objectLabel: 'Opportunity',
        iconClass: 'slds-icon-standard-opportunity',
        name,
        details: [
          { label: 'Account Name', value: lookupLink(account) },
          { label: 'Close Date', value: closeDate },
          { label: 'Amount', value: amount },
          { label: 'Opportunity Owner', value: lookupLink(owner) },
        ],
      },
      main: [component(stagePath(text(row, 'StageName'))), details],
      sidebar: [auraCard(contactRolesCard(db, roles)), auraCard(stageHistoryCard(history, currency))],
    },
    options.highlights,
  );
  return { title: `${name} | Opportunity | Salesforce`, kind: 'Opportunity', body };
}

function stagePath(stageName: string | null): SafeHtml {
  const current = stageName === null ? null : stageDefinition(stageName);
  const currentIndex = current === null ? -1 : current.isClosed ? OPEN_STAGES.length : OPEN_STAGES.findIndex((s) => s.label === current.label);
  const items = OPEN_STAGES.map((s, i) => {
    const state = i < currentIndex ? 'slds-is-complete' : i === currentIndex ? 'slds-is-current slds-is-active' : 'slds-is-incomplete';
    return html`<li class="slds-path__item ${state}" role="presentation"><a class="slds-path__link" role="option" aria-selected="${i === currentIndex ? 'true' : 'false'}" title="${s.label}"><span class="slds-path__title">${s.label}</span></a></li>`;
  });
  const closedLabel = current?.isClosed ? current.label : 'Closed';
  const closedState = current?.isClosed ? (current.isWon ? 'slds-is-won slds-is-current' : 'slds-is-lost slds-is-current') : 'slds-is-incomplete';
  items.push(
    html`<li class="slds-path__item ${closedState}" role="presentation"><a class="slds-path__link" role="option" aria-selected="${current?.isClosed ? 'true' : 'false'}" title="${closedLabel}"><span class="slds-path__title">${closedLabel}</span></a></li>`,
  );
  return html`<div class="slds-path runtime_sales_pathassistant-path-assistant"><ul class="slds-path__nav" role="listbox" aria-orientation="horizontal">${items}</ul></div>`;
}

function contactRolesCard(db: SandboxDatabase, roles: Row[]): SafeHtml {
  const items = roles.map((role) => {
    const contact = lookup(db, 'Contact', role['ContactId']);
    return html`<li class="slds-item"><div>${lookupLink(contact)}${role['IsPrimary'] === true ? ' (Primary)' : ''}</div><div class="slds-text-title">${text(contact, 'Title') ?? ''} · ${text(role, 'Role') ?? ''}</div></li>`;
  });
  return html`<article class="slds-card forceRelatedListSingleContainer" data-related-list="OpportunityContactRoles">
  <h2 class="slds-card__header-title">Contact Roles (${roles.length})</h2>
  ${roles.length === 0 ? html`<p class="sandbox-empty">No contact roles</p>` : html`<ul class="slds-has-dividers_bottom-space">${items}</ul>`}
</article>`;
}

function stageHistoryCard(history: Row[], currency: string): SafeHtml {
  const rows = history.map(
    (h) =>
      html`<tr><td>${text(h, 'StageName')}</td><td>${formatMoney(numberOf(h, 'Amount'), text(h, 'CurrencyIsoCode') ?? currency)}</td><td>${formatDate(text(h, 'CloseDate'))}</td><td>${formatDateTime(numberOf(h, 'CreatedDate'))}</td></tr>`,
  );
  return html`<article class="slds-card forceRelatedListSingleContainer" data-related-list="OpportunityHistories">
  <h2 class="slds-card__header-title">Stage History (${history.length})</h2>
  <table class="slds-table slds-table_bordered"><thead><tr><th>Stage</th><th>Amount</th><th>Close Date</th><th>Last Modified</th></tr></thead><tbody>${rows}</tbody></table>
</article>`;
}
