import type { SandboxDatabase } from '../database';
import { formatDate, formatMoney } from '../../kit/format';
import { lookupLink, numberOf, text } from './fields';
import { html } from '../../kit/html';
import type { PageContent } from './layout';

/** /lightning/page/home: the app's home, with the newest open deals as links (not a record page, not a list view). */
export function homePage(db: SandboxDatabase): PageContent {
  const open = (db.table('Opportunity')?.rows ?? []).filter((r) => r['IsClosed'] === false);
  const newest = open.slice(-10).reverse();
  const items = newest.map(
    (r) =>
      html`<li class="slds-item">${lookupLink(r)} <span class="slds-text-title">${text(r, 'StageName')} · ${formatMoney(numberOf(r, 'Amount'), db.org.currency)} · ${formatDate(text(r, 'CloseDate'))}</span></li>`,
  );
  const body = html`<div class="homeHomePage">
  <div class="slds-page-header"><h1 class="slds-page-header__title">Home</h1></div>
  <article class="slds-card"><h2 class="slds-card__header-title">Recent open opportunities (${open.length} open)</h2><ul>${items}</ul></article>
</div>`;
  return { title: 'Home | Salesforce', kind: 'home', body };
}
