import type { SandboxDatabase } from '../database';
import { toId18 } from '../id-sequence';
import { formatDate, formatMoney } from '../../kit/format';
import { layoutItem, lookup, lookupLink, numberOf, recordNotFound, text } from './fields';
import type { LightningPageOptions } from './page-options';
import { auraCard, component, recordHome } from './record-home';
import { html } from '../../kit/html';
import type { PageContent } from './layout';

/**
 * Record pages of the other objects: an account (with its opportunities, links an overlay
 * follows by single-page navigation) and a plain page for users and contacts. None is an
 * opportunity, which is the point: the overlay must stay away from them.
 */

export function accountPage(db: SandboxDatabase, rawId: string, currency: string, options: LightningPageOptions): PageContent {
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
      html`<tr><th scope="row">${lookupLink(o)}</th><td>${text(o, 'StageName')}</td><td>${formatMoney(numberOf(o, 'Amount'), currency)}</td><td>${formatDate(text(o, 'CloseDate'))}</td></tr>`,
  );
  const body = recordHome(
    {
      object: 'Account',
      highlights: {
        objectLabel: 'Account',
        iconClass: 'slds-icon-standard-account',
        name,
        details: [
          { label: 'Industry', value: text(row, 'Industry') },
          { label: 'Employees', value: employees === null ? null : employees.toLocaleString('en-US') },
          { label: 'Billing Country', value: text(row, 'BillingCountry') },
          { label: 'Account Owner', value: lookupLink(owner) },
        ],
      },
      main: [
        component(html`<div class="slds-card">
  <h3 class="slds-section__title">Account Information</h3>
  <div class="slds-form" role="list">
    ${layoutItem('Account Name', name)}
    ${layoutItem('Parent Account', lookupLink(parent))}
    ${layoutItem('Industry', text(row, 'Industry'))}
    ${layoutItem('Annual Revenue', formatMoney(numberOf(row, 'AnnualRevenue'), currency))}
    ${layoutItem('Billing State/Province', text(row, 'BillingState'))}
    ${layoutItem('Billing Country', text(row, 'BillingCountry'))}
  </div>
</div>`),
      ],
      sidebar: [
        auraCard(html`<article class="slds-card forceRelatedListSingleContainer" data-related-list="Opportunities">
  <h2 class="slds-card__header-title">Opportunities (${deals.length})</h2>
  <table class="slds-table slds-table_bordered"><thead><tr><th>Opportunity Name</th><th>Stage</th><th>Amount</th><th>Close Date</th></tr></thead><tbody>${dealRows}</tbody></table>
</article>`),
      ],
    },
    options.highlights,
  );
  return { title: `${name} | Account | Salesforce`, kind: 'Account', body };
}

/** Users, contacts and anything else with a record page: name and a few fields. */
export function plainRecordPage(db: SandboxDatabase, object: string, rawId: string, options: LightningPageOptions): PageContent {
  const id = toId18(rawId);
  const found = id === null ? undefined : db.find(id);
  if (found === undefined || found.type.name !== object) return { title: 'Error | Salesforce', kind: 'home', body: recordNotFound(rawId) };
  const row = found.row;
  const name = text(row, 'Name') ?? text(row, 'MasterLabel') ?? String(row['Id']);
  const shown = ['Title', 'Email', 'Role'].filter((f) => found.type.field(f) !== undefined);
  const body = recordHome(
    {
      object: found.type.name,
      highlights: {
        objectLabel: found.type.label,
        iconClass: 'slds-icon-standard-home',
        name,
        details: shown.map((f) => ({ label: found.type.field(f)?.label ?? f, value: text(row, f) })),
      },
      main:
        found.type.field('AccountId') === undefined
          ? []
          : [component(html`<div class="slds-card">${layoutItem('Account Name', lookupLink(lookup(db, 'Account', row['AccountId'])))}</div>`)],
      sidebar: [],
    },
    options.highlights,
  );
  return { title: `${name} | ${found.type.label} | Salesforce`, kind: 'home', body };
}
