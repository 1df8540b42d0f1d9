import type { SandboxDatabase } from '../database';
import type { Row } from '../records';
import { formatDate, formatMoney } from '../../kit/format';
import { lookup, numberOf, recordLink, text } from './fields';
import { html, type SafeHtml } from '../../kit/html';
import type { PageContent } from './layout';

/**
 * /lightning/o/{Opportunity|Account}/list: a list view as Lightning draws it, a grid whose
 * rows (`tr[data-row-key-value="{id}"]`) name each record with a link to its page
 * (`th[scope=row] a[href="/lightning/r/Opportunity/{id}/view"][data-recordid]`). The first
 * 50 rows come with the page; more arrive as the user scrolls (`sandbox:rowsloaded`),
 * so an overlay that decorates rows must watch for new ones.
 */

export const LIST_PAGE_SIZE = 50;

interface ListDefinition {
  label: string;
  sortedBy: string;
  filter: (row: Row) => boolean;
  /** Newest first by default, as "Recently Created". */
  order: (a: Row, b: Row) => number;
}

const byCreatedDesc = (a: Row, b: Row): number => Number(b['CreatedDate']) - Number(a['CreatedDate']) || String(b['Id']).localeCompare(String(a['Id']));

const OPPORTUNITY_LISTS: Readonly<Record<string, ListDefinition>> = {
  AllOpportunities: { label: 'All Opportunities', sortedBy: 'Created Date', filter: () => true, order: byCreatedDesc },
  Open: { label: 'All Open Opportunities', sortedBy: 'Created Date', filter: (r) => r['IsClosed'] === false, order: byCreatedDesc },
  Won: {
    label: 'Won Opportunities',
    sortedBy: 'Close Date',
    filter: (r) => r['IsWon'] === true,
    order: (a, b) => String(b['CloseDate']).localeCompare(String(a['CloseDate'])),
  },
};

const ACCOUNT_LISTS: Readonly<Record<string, ListDefinition>> = {
  AllAccounts: { label: 'All Accounts', sortedBy: 'Created Date', filter: () => true, order: byCreatedDesc },
};

interface Column {
  label: string;
  cell: (db: SandboxDatabase, row: Row, currency: string) => SafeHtml | string | null;
}

const COLUMNS: Readonly<Record<'Opportunity' | 'Account', Column[]>> = {
  Opportunity: [
    { label: 'Opportunity Name', cell: (_db, r) => recordLink('Opportunity', r) },
    { label: 'Account Name', cell: (db, r) => recordLink('Account', lookup(db, 'Account', r['AccountId'])) },
    { label: 'Amount', cell: (_db, r, currency) => formatMoney(numberOf(r, 'Amount'), text(r, 'CurrencyIsoCode') ?? currency) },
    { label: 'Close Date', cell: (_db, r) => formatDate(text(r, 'CloseDate')) },
    { label: 'Stage', cell: (_db, r) => text(r, 'StageName') },
    { label: 'Opportunity Owner', cell: (db, r) => text(lookup(db, 'User', r['OwnerId']), 'Name') },
  ],
  Account: [
    { label: 'Account Name', cell: (_db, r) => recordLink('Account', r) },
    { label: 'Industry', cell: (_db, r) => text(r, 'Industry') },
    { label: 'Billing Country', cell: (_db, r) => text(r, 'BillingCountry') },
    { label: 'Employees', cell: (_db, r) => numberOf(r, 'NumberOfEmployees')?.toLocaleString('en-US') ?? null },
    { label: 'Account Owner', cell: (db, r) => text(lookup(db, 'User', r['OwnerId']), 'Name') },
  ],
};

export interface ListRows {
  rows: SafeHtml;
  /** The offset of the next batch, or null at the end. */
  nextOffset: number | null;
}

function listDefinition(object: 'Opportunity' | 'Account', filterName: string | null): { name: string; list: ListDefinition } {
  const lists = object === 'Opportunity' ? OPPORTUNITY_LISTS : ACCOUNT_LISTS;
  const name = filterName !== null && filterName in lists ? filterName : (Object.keys(lists)[0] as string);
  return { name, list: lists[name] as ListDefinition };
}

function selectRows(db: SandboxDatabase, object: 'Opportunity' | 'Account', list: ListDefinition): Row[] {
  return (db.table(object)?.rows ?? []).filter(list.filter).sort(list.order);
}

export function listRows(db: SandboxDatabase, object: 'Opportunity' | 'Account', filterName: string | null, offset: number): ListRows {
  const { list } = listDefinition(object, filterName);
  const all = selectRows(db, object, list);
  const start = Math.max(0, Math.floor(offset));
  const page = all.slice(start, start + LIST_PAGE_SIZE);
  const columns = COLUMNS[object];
  const rows = page.map((row) => {
    const [first, ...rest] = columns;
    return html`<tr data-row-key-value="${String(row['Id'])}" class="slds-hint-parent">
  <th scope="row" class="slds-cell-edit cellContainer"><span class="slds-grid slds-grid--align-spread forceInlineEditCell">${first?.cell(db, row, currencyOf(db)) ?? ''}</span></th>
  ${rest.map((c) => html`<td class="slds-cell-edit cellContainer"><span class="slds-truncate">${c.cell(db, row, currencyOf(db))}</span></td>`)}
</tr>`;
  });
  const next = start + LIST_PAGE_SIZE;
  return { rows: html`${rows}`, nextOffset: next < all.length ? next : null };
}

function currencyOf(db: SandboxDatabase): string {
  return db.org.currency;
}

export function listViewPage(db: SandboxDatabase, object: 'Opportunity' | 'Account', filterName: string | null): PageContent {
  const { name, list } = listDefinition(object, filterName);
  const total = selectRows(db, object, list).length;
  const first = listRows(db, object, name, 0);
  const plural = object === 'Opportunity' ? 'Opportunities' : 'Accounts';
  const count = total > LIST_PAGE_SIZE ? `${LIST_PAGE_SIZE}+ items` : `${total} items`;
  const body = html`<div class="listViewContent forceListViewManager" data-page-type="list-view" data-object="${object}" data-list-view="${name}">
  <div class="slds-page-header forceListViewManagerHeader">
    <div class="slds-page-header__name-meta entityNameTitle">${plural}</div>
    <h1 class="slds-page-header__title"><span class="triggerLinkText selectedListView" title="${list.label}">${list.label}</span></h1>
    <p class="countSortedByFilteredBy">${count} • Sorted by ${list.sortedBy}</p>
  </div>
  <div class="listViewContainer slds-card">
    <div class="uiScroller scroller">
      <table class="slds-table slds-table_bordered slds-table_fixed-layout uiVirtualDataTable" role="grid" aria-label="${list.label}">
        <thead><tr>${COLUMNS[object].map((c) => html`<th scope="col" title="${c.label}"><span class="slds-truncate">${c.label}</span></th>`)}</tr></thead>
        <tbody class="sandbox-rows">${first.rows}</tbody>
      </table>
      ${first.nextOffset === null ? '' : html`<button type="button" class="slds-button sandbox-load-more" data-sandbox-action="load-more" data-next-offset="${first.nextOffset}">Load more</button>`}
    </div>
  </div>
</div>`;
  return { title: `${list.label} | ${plural} | Salesforce`, kind: object, body };
}
