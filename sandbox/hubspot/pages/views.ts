import { formatDate, formatMoney } from '../../kit/format';
import { html, type SafeHtml } from '../../kit/html';
import type { Pipeline } from '../pipelines';
import type { CrmStore, DealRecord } from '../store';
import type { PageContent } from './layout';
import type { PageShapes } from './shapes';
import { boardPath, dealPath, listPath, OBJECT_TYPE_ID, workspacePath } from './urls';

/**
 * The deals views, element by element as public sources show them
 * (`../shared/crm-evidence.md`, "deals board" and "deals list"); class names starting
 * `sandbox-` are styling only, never read by the overlay. Shapes: shapes.ts.
 *
 * Board (brucetmkns/revguide.io content/modules/index-tags.js; MortenMou/hubspot-highlighter-chrome-ext content.js):
 *   div.sandbox-board > div.sandbox-board-column (the columns' own markup is not public)
 *     div[data-rbd-draggable-id]                                  drag wrapper (MortenMou getCardWrapper)
 *       div[data-test-id="cdb-column-item"][data-selenium-id=<id>]   (?board=column-item; revguide "data-selenium-id for record ID")
 *       div[data-test-id="cdb-card"]                                 (?board=card; no id attribute: the id is in the link only)
 *         div.card-wrapper-container > div[data-test-id="content-wrapper-container"]   (revguide renderTagsForBoardCard)
 *           div[data-test-id="title-hover-container"] > a[data-test-id="board-card-section-title-link"][href=/contacts/<portal>/record/0-3/<id>]
 *           div[data-section-key="PROPERTIES"] > div > span[data-test-id="cdbc-property-label"] + span[data-test-id="cdbc-property-value"]
 *         div[data-test-id="board-card-quick-actions-container"]
 *
 * Deals index (revguide index-tags.js and docs/HUBSPOT_DOM.md "Index/Table Pages"):
 *   table[data-test-id="crm-object-table"]                         (?table=crm-object)
 *     thead > tr > th[role="columnheader"] … div[data-test-id="truncated-object-label"]
 *     tbody > tr[data-test-id="row-<id>"]
 *       td[data-column-index="0"] > div > div[class*="MediaBody"] > a[href=/contacts/<portal>/record/0-3/<id>]   (?names=text: a span)
 *   div[data-test-id="framework-data-table-container"] > div[data-test-id="fdt-scroll-window"] > table[data-test-id="framework-data-table"]
 *     (?table=framework; revguide's older index-tags.js, SysAdminDoc/HubSpot-Ticket-Refined's list fixture, code id 69278246550)
 *     tbody > tr[data-test-id="row-<id>"] > td (checkbox) + td[data-test-id="cell-0-3-dealname-<id>"] > a (?names=text: a span) + …
 *
 * Sales Workspace deals table (ritaaaa7/hubspot-crm-data-extractor, per crm-evidence.md "deals list"):
 *   tbody > tr[data-test-id="crm-table-row"][data-test-object-id=<id>] > td > a[href=…/record/0-3/<id>]   (?names=text: a span)
 *
 * No `data-row-key`, `deal-card` or `data-deal-id`: no source shows them.
 */

const CARDS_PER_COLUMN = 20;
export const LIST_PAGE_SIZE = 25;

const newestFirst = (a: DealRecord, b: DealRecord): number => b.createdAt - a.createdAt || Number(b.id) - Number(a.id);

function viewHeader(portalId: number, view: 'board' | 'list', title: string, extra: SafeHtml | string = ''): SafeHtml {
  return html`<div class="view-header"><h1>${title}</h1>
<nav class="view-switcher"><a class="${view === 'list' ? 'active' : ''}" href="${listPath(portalId)}">List</a><a class="${view === 'board' ? 'active' : ''}" href="${boardPath(portalId)}">Board</a></nav>
${extra}</div>`;
}

function boardCard(store: CrmStore, portalId: number, d: DealRecord, shape: PageShapes['board']): SafeHtml {
  const o = d.opportunity;
  const property = (label: string, value: string): SafeHtml =>
    html`<div class="sandbox-card-property"><span data-test-id="cdbc-property-label">${label}: </span><span data-test-id="cdbc-property-value">${value}</span></div>`;
  const inner = html`<div class="card-wrapper-container"><div data-test-id="content-wrapper-container">
<div data-test-id="title-hover-container"><a data-test-id="board-card-section-title-link" href="${dealPath(portalId, d.id)}">${o.name}</a></div>
<div data-section-key="PROPERTIES"><div>${property('Amount', formatMoney(o.amount, store.org.currency))}${property('Close date', formatDate(o.closeDate))}${property('Deal owner', o.owner?.name ?? '')}</div></div>
</div><div data-test-id="board-card-quick-actions-container"><button type="button">Preview</button></div></div>`;
  // The drag wrapper's id is react-beautiful-dnd's draggableId: what HubSpot puts in it is not public.
  return shape === 'column-item'
    ? html`<div class="sandbox-board-card" data-rbd-draggable-id="${d.id}"><div data-test-id="cdb-column-item" data-selenium-id="${d.id}">${inner}</div></div>`
    : html`<div class="sandbox-board-card" data-rbd-draggable-id="board-card-${OBJECT_TYPE_ID.deals}-${d.id}"><div data-test-id="cdb-card">${inner}</div></div>`;
}

export function boardPage(store: CrmStore, portalId: number, pipelineId: string | null, shapes: PageShapes): PageContent {
  const pipeline: Pipeline = store.pipelines.find((p) => p.id === pipelineId) ?? (store.pipelines[0] as Pipeline);
  const deals = store.liveDeals().filter((d) => d.pipeline.id === pipeline.id);
  const switcher = html`<nav class="pipeline-switcher">${store.pipelines.map(
    (p) => html`<a class="${p.id === pipeline.id ? 'active' : ''}" data-pipeline-id="${p.id}" href="${boardPath(portalId, p.id)}">${p.label}</a>`,
  )}</nav>`;
  const shown: string[] = [];
  const columns = pipeline.stages.map((stage) => {
    const inStage = deals.filter((d) => d.opportunity.stage === stage.label).sort(newestFirst);
    const total = inStage.reduce((sum, d) => sum + (d.opportunity.amount ?? 0), 0);
    const onBoard = inStage.slice(0, CARDS_PER_COLUMN);
    shown.push(...onBoard.map((d) => d.id));
    const more = inStage.length - onBoard.length;
    return html`<div class="sandbox-board-column" data-sandbox-stage-id="${stage.id}">
<header><span class="column-label">${stage.label}</span><span class="column-meta">${inStage.length} · Total: ${formatMoney(total, store.org.currency)}</span></header>
<div class="sandbox-board-cards">${onBoard.map((d) => boardCard(store, portalId, d, shapes.board))}</div>${more > 0 ? html`<p class="column-meta">and ${more} more</p>` : ''}</div>`;
  });
  return {
    title: `Deals | HubSpot`,
    kind: 'deals-board',
    records: shown,
    body: html`${viewHeader(portalId, 'board', `Deals · ${pipeline.label}`, switcher)}<div class="sandbox-board" data-sandbox-pipeline-id="${pipeline.id}">${columns}</div>`,
  };
}

/** The deal's name in a row: its record link, or (`?names=text`) plain text. */
function dealName(portalId: number, d: DealRecord, names: PageShapes['names']): SafeHtml {
  return names === 'link' ? html`<a href="${dealPath(portalId, d.id)}">${d.opportunity.name}</a>` : html`<span>${d.opportunity.name}</span>`;
}

export function listPage(store: CrmStore, portalId: number, pageNumber: number, shapes: PageShapes): PageContent {
  const deals = store.liveDeals().sort(newestFirst);
  const pages = Math.max(1, Math.ceil(deals.length / LIST_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(pageNumber) || 1), pages);
  const onPage = deals.slice((page - 1) * LIST_PAGE_SIZE, page * LIST_PAGE_SIZE);
  const nav = html`<nav class="pagination">
${page > 1 ? html`<a rel="prev" href="${listPath(portalId, page - 1)}">‹ Prev</a>` : ''}<span>Page ${page} of ${pages}</span>${page < pages ? html`<a rel="next" href="${listPath(portalId, page + 1)}">Next ›</a>` : ''}</nav>`;
  return {
    title: 'Deals | HubSpot',
    kind: 'deals-list',
    records: onPage.map((d) => d.id),
    body: html`${viewHeader(portalId, 'list', `Deals (${deals.length.toLocaleString('en-US')} records)`)}
${shapes.table === 'crm-object' ? crmObjectTable(store, portalId, onPage, shapes) : frameworkTable(store, portalId, onPage, shapes)}${nav}`,
  };
}

const COLUMNS = [
  ['dealstage', 'Deal stage'],
  ['closedate', 'Close date'],
  ['hubspot_owner_id', 'Deal owner'],
  ['amount', 'Amount'],
  ['pipeline', 'Pipeline'],
] as const;

function columnValues(store: CrmStore, d: DealRecord): Record<(typeof COLUMNS)[number][0], string> {
  return {
    dealstage: store.stage(d)?.label ?? '',
    closedate: formatDate(d.opportunity.closeDate),
    hubspot_owner_id: d.opportunity.owner?.name ?? '',
    amount: formatMoney(d.opportunity.amount, store.org.currency),
    pipeline: d.pipeline.label,
  };
}

/** revguide's deals index: `crm-object-table`, columns by `data-column-index`, the name in a `MediaBody`, headers as HUBSPOT_DOM.md "Column Headers" shows them. */
function crmObjectTable(store: CrmStore, portalId: number, deals: DealRecord[], shapes: PageShapes): SafeHtml {
  const header = (property: string, label: string): SafeHtml =>
    html`<th role="columnheader" data-test-id="header-${OBJECT_TYPE_ID.deals}-${property}"><div data-test-id="drag-header-${property}"><div data-test-id="truncated-object-label">${label}</div></div></th>`;
  const rows = deals.map((d) => {
    const values = columnValues(store, d);
    return html`<tr data-test-id="row-${d.id}">
<td data-column-index="0"><div class="UIMedia__Flex-sbx"><div class="UIMediaBody__StyledMediaBody-sbx">${dealName(portalId, d, shapes.names)}</div></div></td>
${COLUMNS.map(([property], i) => html`<td data-column-index="${i + 1}">${values[property]}</td>`)}</tr>`;
  });
  return html`<table class="sandbox-table" data-test-id="crm-object-table"><thead><tr>${header('dealname', 'Deal name')}${COLUMNS.map(([property, label]) => header(property, label))}</tr></thead><tbody>${rows}</tbody></table>`;
}

/** The framework table of SysAdminDoc/HubSpot-Ticket-Refined's list fixture (code id 69278246550): a checkbox column first, cells `cell-<object>-<property>-<id>`, no column index. */
function frameworkTable(store: CrmStore, portalId: number, deals: DealRecord[], shapes: PageShapes): SafeHtml {
  const cell = (d: DealRecord, property: string, value: string | SafeHtml): SafeHtml =>
    html`<td data-test-id="cell-${OBJECT_TYPE_ID.deals}-${property}-${d.id}">${value}</td>`;
  const rows = deals.map((d) => {
    const values = columnValues(store, d);
    return html`<tr data-test-id="row-${d.id}"><td><input type="checkbox" aria-label="Select deal"></td>${cell(d, 'dealname', dealName(portalId, d, shapes.names))}${COLUMNS.map(([property]) => cell(d, property, values[property]))}</tr>`;
  });
  return html`<div data-test-id="framework-data-table-container"><div data-test-id="fdt-scroll-window"><table class="sandbox-table" data-test-id="framework-data-table"><thead><tr><th><input type="checkbox" aria-label="Select all deals"></th><th>Deal name</th>${COLUMNS.map(([, label]) => html`<th>${label}</th>`)}</tr></thead><tbody>${rows}</tbody></table></div></div>`;
}

/** The Sales Workspace's deals tab: the newest open deals in its own table. */
export function workspacePage(store: CrmStore, portalId: number, shapes: PageShapes): PageContent {
  const open = store
    .liveDeals()
    .filter((d) => !d.opportunity.isClosed)
    .sort(newestFirst)
    .slice(0, LIST_PAGE_SIZE);
  const rows = open.map(
    (d) =>
      html`<tr data-test-id="crm-table-row" data-test-object-id="${d.id}"><td>${dealName(portalId, d, shapes.names)}</td><td>${store.stage(d)?.label ?? ''}</td><td>${formatDate(d.opportunity.closeDate)}</td><td>${formatMoney(d.opportunity.amount, store.org.currency)}</td></tr>`,
  );
  return {
    title: 'Sales workspace | HubSpot',
    kind: 'workspace',
    records: open.map((d) => d.id),
    body: html`<div class="view-header"><h1>Sales workspace · Deals</h1></div>
<table class="sandbox-table"><thead><tr><th>Deal name</th><th>Deal stage</th><th>Close date</th><th>Amount</th></tr></thead><tbody>${rows}</tbody></table>`,
  };
}

export function homePage(store: CrmStore, portalId: number): PageContent {
  const open = store
    .liveDeals()
    .filter((d) => !d.opportunity.isClosed)
    .sort(newestFirst)
    .slice(0, 10);
  return {
    title: 'Home | HubSpot',
    kind: 'home',
    body: html`<section class="sandbox-card" data-sandbox-home><h2>Sandbox HubSpot account ${portalId}</h2>
<p><a href="${boardPath(portalId)}">Deals board</a> · <a href="${listPath(portalId)}">Deals list</a> · <a href="${workspacePath(portalId)}">Sales workspace</a></p>
<h2>Newest open deals</h2><ul>${open.map((d) => html`<li><a href="${dealPath(portalId, d.id)}">${d.opportunity.name}</a></li>`)}</ul></section>`,
  };
}
