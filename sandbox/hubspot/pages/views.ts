import { formatDate, formatMoney } from '../../kit/format';
import { html, type SafeHtml } from '../../kit/html';
import type { Pipeline } from '../pipelines';
import type { CrmStore, DealRecord } from '../store';
import type { PageContent } from './layout';
import { boardPath, dealPath, listPath } from './urls';

/**
 * The deals index views: the board (one column per stage of a pipeline, the newest
 * cards of each) and the list (a table, 25 rows a page, newest first). Every card and
 * row links to its deal record with a plain `<a href>` the page script navigates in place.
 *
 *   div[data-test-id="board"] > div[data-test-id="board-column"][data-stage-id]
 *     li[data-test-id="deal-card"][data-deal-id] > a[data-test-id="deal-card-title"]
 *   table[data-test-id="crm-object-table"] > tbody > tr[data-row-key] > a[data-test-id="record-link"]
 */

const CARDS_PER_COLUMN = 20;
export const LIST_PAGE_SIZE = 25;

const newestFirst = (a: DealRecord, b: DealRecord): number => b.createdAt - a.createdAt || Number(b.id) - Number(a.id);

function viewHeader(portalId: number, view: 'board' | 'list', title: string, extra: SafeHtml | string = ''): SafeHtml {
  return html`<div class="view-header"><h1>${title}</h1>
<nav class="view-switcher" data-test-id="view-switcher"><a class="${view === 'list' ? 'active' : ''}" href="${listPath(portalId)}">List</a><a class="${view === 'board' ? 'active' : ''}" href="${boardPath(portalId)}">Board</a></nav>
${extra}</div>`;
}

export function boardPage(store: CrmStore, portalId: number, pipelineId: string | null): PageContent {
  const pipeline: Pipeline = store.pipelines.find((p) => p.id === pipelineId) ?? (store.pipelines[0] as Pipeline);
  const deals = store.liveDeals().filter((d) => d.pipeline.id === pipeline.id);
  const switcher = html`<nav class="pipeline-switcher" data-test-id="pipeline-switcher">${store.pipelines.map(
    (p) => html`<a class="${p.id === pipeline.id ? 'active' : ''}" data-pipeline-id="${p.id}" href="${boardPath(portalId, p.id)}">${p.label}</a>`,
  )}</nav>`;
  const columns = pipeline.stages.map((stage) => {
    const inStage = deals.filter((d) => d.opportunity.stage === stage.label).sort(newestFirst);
    const total = inStage.reduce((sum, d) => sum + (d.opportunity.amount ?? 0), 0);
    const cards = inStage.slice(0, CARDS_PER_COLUMN).map(
      (d) => html`<li class="deal-card" data-test-id="deal-card" data-deal-id="${d.id}">
<a data-test-id="deal-card-title" href="${dealPath(portalId, d.id)}">${d.opportunity.name}</a>
<div class="card-detail">Amount: ${formatMoney(d.opportunity.amount, store.org.currency)}</div>
<div class="card-detail">Close date: ${formatDate(d.opportunity.closeDate)}</div>
<div class="card-detail">${d.opportunity.owner?.name ?? ''}</div></li>`,
    );
    const more = inStage.length - cards.length;
    return html`<div class="board-column" data-test-id="board-column" data-stage-id="${stage.id}">
<header><span class="column-label">${stage.label}</span><span class="column-meta">${inStage.length} · Total: ${formatMoney(total, store.org.currency)}</span></header>
<ul class="board-cards">${cards}</ul>${more > 0 ? html`<p class="column-meta" data-test-id="column-more">and ${more} more</p>` : ''}</div>`;
  });
  return {
    title: `Deals | HubSpot`,
    kind: 'deals-board',
    body: html`${viewHeader(portalId, 'board', `Deals · ${pipeline.label}`, switcher)}<div class="board" data-test-id="board" data-pipeline-id="${pipeline.id}">${columns}</div>`,
  };
}

export function listPage(store: CrmStore, portalId: number, pageNumber: number): PageContent {
  const deals = store.liveDeals().sort(newestFirst);
  const pages = Math.max(1, Math.ceil(deals.length / LIST_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(pageNumber) || 1), pages);
  const rows = deals.slice((page - 1) * LIST_PAGE_SIZE, page * LIST_PAGE_SIZE).map((d) => {
    const stage = store.stage(d);
    return html`<tr data-test-id="row-${d.id}" data-row-key="${d.id}">
<td><a data-test-id="record-link" href="${dealPath(portalId, d.id)}">${d.opportunity.name}</a></td>
<td>${stage?.label ?? ''}</td><td>${formatDate(d.opportunity.closeDate)}</td><td>${d.opportunity.owner?.name ?? ''}</td>
<td>${formatMoney(d.opportunity.amount, store.org.currency)}</td><td>${d.pipeline.label}</td></tr>`;
  });
  const nav = html`<nav class="pagination" data-test-id="pagination">
${page > 1 ? html`<a rel="prev" href="${listPath(portalId, page - 1)}">‹ Prev</a>` : ''}<span>Page ${page} of ${pages}</span>${page < pages ? html`<a rel="next" href="${listPath(portalId, page + 1)}">Next ›</a>` : ''}</nav>`;
  return {
    title: 'Deals | HubSpot',
    kind: 'deals-list',
    body: html`${viewHeader(portalId, 'list', `Deals (${deals.length.toLocaleString('en-US')} records)`)}
<table data-test-id="crm-object-table"><thead><tr><th>Deal name</th><th>Deal stage</th><th>Close date</th><th>Deal owner</th><th>Amount</th><th>Pipeline</th></tr></thead><tbody>${rows}</tbody></table>${nav}`,
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
    body: html`<section class="card" data-test-id="home"><h2>Sandbox HubSpot account ${portalId}</h2>
<p><a href="${boardPath(portalId)}">Deals board</a> · <a href="${listPath(portalId)}">Deals list</a></p>
<h2>Newest open deals</h2><ul>${open.map((d) => html`<li><a href="${dealPath(portalId, d.id)}">${d.opportunity.name}</a></li>`)}</ul></section>`,
  };
}
