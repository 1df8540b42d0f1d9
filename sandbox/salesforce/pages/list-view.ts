import type { SandboxDatabase } from '../database';
import type { Row } from '../records';
import { formatDate, formatMoney } from '../../kit/format';
import { SALESFORCE_STAGES } from '../../../lib/sandbox/stages';
import { auraLookupLink, lookup, lookupLink, numberOf, text } from './fields';
import { html, type SafeHtml } from '../../kit/html';
import type { PageContent } from './layout';
import type { LightningPageOptions } from './page-options';

/**
 * /lightning/o/{Opportunity|Account}/list: a list view in either markup the evidence shows
 * (`../shared/crm-evidence.md`, "list view rows (LWC)" and "list view rows (Aura)"), chosen
 * by the `listMarkup` page option, and /lightning/o/Opportunity/list?viewMode=kanban, the
 * Kanban view ("other opportunity views"). The first 50 rows come with the page; more
 * arrive as the user scrolls (`sandbox:rowsloaded`), so an overlay that decorates rows
 * must watch for new ones.
 *
 * LWC (current): `lst-common-list-internal > div > div > lst-primary-display-manager > div >
 * lst-primary-display > lst-primary-display-grid > lightning-datatable > div[2] > div > div >
 * table`, rows `tr[data-row-key-value="<id>"]` (the header row carries it too, as "HEADER"),
 * the name cell `th > lightning-primitive-cell-factory > span > div >
 * lightning-primitive-custom-cell > force-lookup > div > records-hoverable-link > div > a`,
 * the id in the link's `href` only (code ids 6227176291, 45315820200, 37828356218, 54210743602).
 *
 * Aura (older): `div.slds-grid.listDisplays > div > div.forceListViewManagerPrimaryDisplayManager
 * > div.forceListViewManagerGrid > div.listViewContent > div.uiScroller > div > div > table >
 * tbody > tr > th > span > a[data-refid="recordId"][data-recordid]` (code ids 1247534372, 38067243313).
 */

export const LIST_PAGE_SIZE = 50;
/** Cards per Kanban column. */
export const KANBAN_COLUMN_SIZE = 8;

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

type Markup = LightningPageOptions['listMarkup'];

interface Column {
  label: string;
  /** A lookup column: the linked record. */
  link?: (db: SandboxDatabase, row: Row) => Row | null;
  /** Any other column: its text. */
  value?: (db: SandboxDatabase, row: Row, currency: string) => string | null;
}

const COLUMNS: Readonly<Record<'Opportunity' | 'Account', Column[]>> = {
  Opportunity: [
    { label: 'Opportunity Name', link: (_db, r) => r },
    { label: 'Account Name', link: (db, r) => lookup(db, 'Account', r['AccountId']) },
    { label: 'Amount', value: (_db, r, currency) => formatMoney(numberOf(r, 'Amount'), text(r, 'CurrencyIsoCode') ?? currency) },
    { label: 'Close Date', value: (_db, r) => formatDate(text(r, 'CloseDate')) },
    { label: 'Stage', value: (_db, r) => text(r, 'StageName') },
    { label: 'Opportunity Owner', value: (db, r) => text(lookup(db, 'User', r['OwnerId']), 'Name') },
  ],
  Account: [
    { label: 'Account Name', link: (_db, r) => r },
    { label: 'Industry', value: (_db, r) => text(r, 'Industry') },
    { label: 'Billing Country', value: (_db, r) => text(r, 'BillingCountry') },
    { label: 'Employees', value: (_db, r) => numberOf(r, 'NumberOfEmployees')?.toLocaleString('en-US') ?? null },
    { label: 'Account Owner', value: (db, r) => text(lookup(db, 'User', r['OwnerId']), 'Name') },
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

/** One LWC datatable cell: `lightning-primitive-cell-factory > span > div > …` (code ids 6227176291, 37828356218). */
function lwcCell(db: SandboxDatabase, row: Row, column: Column, currency: string): SafeHtml {
  const linked = column.link?.(db, row) ?? null;
  const content = column.link
    ? html`<lightning-primitive-custom-cell>${lookupLink(linked)}</lightning-primitive-custom-cell>`
    : html`<lightning-base-formatted-text>${column.value?.(db, row, currency) ?? ''}</lightning-base-formatted-text>`;
  return html`<lightning-primitive-cell-factory data-label="${column.label}"><span class="slds-grid slds-grid_align-spread"><div class="slds-truncate">${content}</div></span></lightning-primitive-cell-factory>`;
}

function lwcRow(db: SandboxDatabase, row: Row, columns: Column[], currency: string): SafeHtml {
  const [first, ...rest] = columns as [Column, ...Column[]];
  return html`<tr data-row-key-value="${String(row['Id'])}" class="slds-hint-parent"><th scope="row" tabindex="-1" data-label="${first.label}">${lwcCell(db, row, first, currency)}</th>${rest.map(
    (c) => html`<td role="gridcell" tabindex="-1" data-label="${c.label}">${lwcCell(db, row, c, currency)}</td>`,
  )}</tr>`;
}

/** One Aura grid row, as code id 38067243313 writes it (the row number cell, then the name in a `th`). */
function auraRow(db: SandboxDatabase, row: Row, number: number, columns: Column[], currency: string): SafeHtml {
  const cell = (c: Column): SafeHtml =>
    html`<span class="slds-grid slds-grid--align-spread">${c.link ? auraLookupLink(c.link(db, row)) : html`<span class="slds-truncate">${c.value?.(db, row, currency) ?? ''}</span>`}</span>`;
  const [first, ...rest] = columns as [Column, ...Column[]];
  return html`<tr class="slds-hint-parent"><td role="gridcell" class="slds-cell-edit slds-cell-error errorColumn cellContainer" tabindex="-1"><span class="slds-grid slds-grid--align-spread"><div class="slds-cell-edit errorColumn slds-cell-error"><div class="slds-m-horizontal--xx-small forceStatusIcon"></div><span class="slds-row-number slds-text-body--small slds-text-color--weak">${number}</span></div></span></td><th scope="row" class="slds-cell-edit cellContainer" tabindex="-1">${cell(first)}</th>${rest.map(
    (c) => html`<td role="gridcell" class="slds-cell-edit cellContainer" tabindex="-1">${cell(c)}</td>`,
  )}</tr>`;
}

export function listRows(db: SandboxDatabase, object: 'Opportunity' | 'Account', filterName: string | null, offset: number, markup: Markup): ListRows {
  const { list } = listDefinition(object, filterName);
  const all = selectRows(db, object, list);
  const start = Math.max(0, Math.floor(offset));
  const page = all.slice(start, start + LIST_PAGE_SIZE);
  const columns = COLUMNS[object];
  const currency = db.org.currency;
  const rows = page.map((row, i) => (markup === 'lwc' ? lwcRow(db, row, columns, currency) : auraRow(db, row, start + i + 1, columns, currency)));
  const next = start + LIST_PAGE_SIZE;
  return { rows: html`${rows}`, nextOffset: next < all.length ? next : null };
}

/**
 * Rows that name each record and nothing else, in either markup, outside any list page:
 * for tests that need a few rows of exact records (test/content/salesforce-fixture.ts).
 * The name column needs no database: its link is the row itself.
 */
export function nameRows(rows: readonly Row[], markup: Markup): SafeHtml {
  const columns: Column[] = [{ label: 'Opportunity Name', link: (_db, r) => r }];
  const noDb = undefined as unknown as SandboxDatabase;
  return html`${rows.map((row, i) => (markup === 'lwc' ? lwcRow(noDb, row, columns, 'USD') : auraRow(noDb, row, i + 1, columns, 'USD')))}`;
}

function loadMore(nextOffset: number | null): SafeHtml | string {
  return nextOffset === null
    ? ''
    : html`<button type="button" class="slds-button sandbox-load-more" data-sandbox-action="load-more" data-next-offset="${nextOffset}">Load more</button>`;
}

function listHeader(plural: string, list: ListDefinition, count: string, extraClass: string): SafeHtml {
  return html`<div class="slds-page-header${extraClass}"><div class="slds-page-header__name-meta entityNameTitle">${plural}</div><h1 class="slds-page-header__title"><span class="triggerLinkText selectedListView" title="${list.label}">${list.label}</span></h1><p class="countSortedByFilteredBy">${count} • Sorted by ${list.sortedBy}</p></div>`;
}

export function listViewPage(db: SandboxDatabase, object: 'Opportunity' | 'Account', filterName: string | null, options: LightningPageOptions): PageContent {
  const { name, list } = listDefinition(object, filterName);
  const total = selectRows(db, object, list).length;
  const markup = options.listMarkup;
  const first = listRows(db, object, name, 0, markup);
  const plural = object === 'Opportunity' ? 'Opportunities' : 'Accounts';
  const count = total > LIST_PAGE_SIZE ? `${LIST_PAGE_SIZE}+ items` : `${total} items`;
  const head = html`<thead><tr class="slds-line-height_reset"${markup === 'lwc' ? html` data-row-key-value="HEADER"` : ''}>${markup === 'aura' ? html`<th scope="col" class="slds-cell-edit"></th>` : ''}${COLUMNS[
    object
  ].map((c) => html`<th scope="col" title="${c.label}"><span class="slds-truncate">${c.label}</span></th>`)}</tr></thead>`;
  const table = html`<table class="slds-table slds-table_header-fixed slds-table_bordered slds-table_fixed-layout" role="grid" aria-label="${list.label}">${head}<tbody data-sandbox-rows="">${first.rows}</tbody></table>`;
  const body =
    markup === 'lwc'
      ? html`<div class="listViewManager">${listHeader(plural, list, count, '')}<lst-common-list-internal><div><div><lst-primary-display-manager><div><lst-primary-display><lst-primary-display-grid><lightning-datatable><div></div><div class="dt-outer-container"><div><div>${table}</div></div></div></lightning-datatable>${loadMore(first.nextOffset)}</lst-primary-display-grid></lst-primary-display></div></lst-primary-display-manager></div></div></lst-common-list-internal></div>`
      : html`<div><div>${listHeader(plural, list, count, ' forceListViewManagerHeader')}<div class="slds-grid listDisplays safari-workaround-anchor"><div><div class="slds-col slds-no-space forceListViewManagerPrimaryDisplayManager"><div class="forceListViewManagerGrid"><div class="listViewContent slds-table--header-fixed_container"><div class="uiScroller scroller-wrapper scroll-bidirectional native"><div><div>${table}</div></div>${loadMore(first.nextOffset)}</div></div></div></div></div></div></div></div>`;
  return { title: `${list.label} | ${plural} | Salesforce`, kind: object, body };
}

/**
 * /lightning/o/Opportunity/list?viewMode=kanban: deals as cards in stage columns. The
 * evidence names the view (crm-evidence.md, "other opportunity views") but shows none of
 * its markup, so these classes are the sandbox's own (`sandbox-kanban…`): an overlay may
 * rely on nothing here but the record links' `href`.
 */
export function kanbanPage(db: SandboxDatabase, filterName: string | null): PageContent {
  const { list } = listDefinition('Opportunity', filterName);
  const rows = selectRows(db, 'Opportunity', list);
  const currency = db.org.currency;
  const columns = SALESFORCE_STAGES.map((stage) => ({ stage: stage.label, deals: rows.filter((r) => r['StageName'] === stage.label) })).filter(
    (c) => c.deals.length > 0,
  );
  const body = html`<div class="listViewManager">${listHeader('Opportunities', list, `${rows.length} items`, '')}<div class="sandbox-kanban" role="list">${columns.map(
    (c) =>
      html`<section class="sandbox-kanban__column" role="listitem" aria-label="${c.stage}"><h2 class="sandbox-kanban__title">${c.stage} (${c.deals.length})</h2>${c.deals
        .slice(0, KANBAN_COLUMN_SIZE)
        .map(
          (r) =>
            html`<article class="sandbox-kanban__card"><h3><a href="/lightning/r/Opportunity/${String(r['Id'])}/view" title="${text(r, 'Name') ?? ''}">${text(r, 'Name') ?? ''}</a></h3><p>${lookupLink(lookup(db, 'Account', r['AccountId']))}</p><p class="slds-text-title">${formatMoney(numberOf(r, 'Amount'), text(r, 'CurrencyIsoCode') ?? currency)} · ${formatDate(text(r, 'CloseDate'))}</p></article>`,
        )}</section>`,
  )}</div></div>`;
  return { title: `${list.label} | Opportunities | Salesforce`, kind: 'Opportunity', body };
}
