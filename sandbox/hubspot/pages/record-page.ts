import { formatDate, formatDateTime, formatMoney } from '../../kit/format';
import { html, type SafeHtml } from '../../kit/html';
import type { CompanyRecord, ContactRecord, CrmStore, DealRecord } from '../store';
import type { PageContent } from './layout';
import { boardPath, dealPath, OBJECT_TYPE_ID, recordPath } from './urls';

/**
 * Record pages in HubSpot's three-column layout, with the stable test attributes HubSpot's
 * own DOM carries (extensions anchor on them):
 *
 *   div[data-test-id="record-page"][data-object-type-id="0-3"][data-record-id]
 *     aside[data-test-id="left-sidebar"]                 ← the overlay's panels go here
 *       div[data-card-type="OBJECT_HIGHLIGHT"][data-selenium-test="highlightedPropertySidebar"]
 *         h1[data-selenium-test="highlightTitle"][data-test-id="highlight-record-label"]
 *       section[data-selenium-test="about-this-deal"] > div[data-selenium-test="property-input-NAME"]
 *     section[data-test-id="middle-pane"]                ← overview, stage history
 *     aside[data-test-id="right-sidebar"]                ← association cards
 *       section[data-card-type="ASSOCIATION"][data-association-object-type="0-2"|"0-1"]
 *         a[data-selenium-test="company-chicklet-title-link" | "contact-chicklet-title-link"]
 */

interface PropertyRow {
  name: string;
  label: string;
  value: SafeHtml | string;
}

function propertyRows(rows: PropertyRow[]): SafeHtml {
  return html`${rows.map(
    (r) =>
      html`<div class="property-row" data-selenium-test="property-input-${r.name}" data-property-name="${r.name}"><span class="property-label">${r.label}</span><span class="property-value">${r.value}</span></div>`,
  )}`;
}

function layout(objectTypeId: string, id: string, left: SafeHtml, middle: SafeHtml, right: SafeHtml): SafeHtml {
  return html`<div class="record-page" data-test-id="record-page" data-object-type-id="${objectTypeId}" data-record-id="${id}">
<aside class="record-left-sidebar" data-test-id="left-sidebar">${left}</aside>
<section class="record-middle" data-test-id="middle-pane">${middle}</section>
<aside class="record-right-sidebar" data-test-id="right-sidebar">${right}</aside>
</div>`;
}

function highlight(objectLabel: string, backHref: string, title: string, rows: [string, string, SafeHtml | string][]): SafeHtml {
  return html`<div class="card highlight-card" data-card-type="OBJECT_HIGHLIGHT" data-selenium-test="highlightedPropertySidebar">
  <a class="back-link" href="${backHref}">‹ ${objectLabel}</a>
  <h1 class="highlight-title" data-selenium-test="highlightTitle" data-test-id="highlight-record-label">${title}</h1>
  <dl class="highlight-properties">${rows.map(([name, label, value]) => html`<div data-selenium-test="highlight-property-${name}"><dt>${label}:</dt><dd>${value}</dd></div>`)}</dl>
  <div class="record-actions">${['Note', 'Email', 'Call', 'Task', 'Meeting'].map((a) => html`<button type="button">${a}</button>`)}</div>
</div>`;
}

export function notFoundPage(what: string): PageContent {
  return {
    title: 'Page not found | HubSpot',
    kind: 'record',
    status: 404,
    body: html`<div class="card" data-test-id="not-found"><h2>This ${what} doesn't exist</h2><p>It may have been deleted, or the link is wrong.</p></div>`,
  };
}

export function dealPage(store: CrmStore, portalId: number, id: string): PageContent {
  const deal = store.deal(id);
  if (deal === undefined) return notFoundPage('deal');
  const o = deal.opportunity;
  const stage = store.stage(deal);
  const owner = o.owner === null ? null : store.owner(o.owner.id);
  const money = formatMoney(o.amount, store.org.currency);
  const closeDate = formatDate(o.closeDate);
  const stageLabel = html`<span class="${o.isClosed ? (o.isWon ? 'stage-won' : 'stage-lost') : ''}">${stage?.label ?? ''}</span>`;
  const left = html`${highlight('Deals', boardPath(portalId, deal.pipeline.id), o.name, [
    ['amount', 'Amount', money],
    ['closedate', 'Close Date', closeDate],
    ['dealstage', 'Stage', stageLabel],
    ['pipeline', 'Pipeline', deal.pipeline.label],
  ])}
<section class="card" data-card-type="PROPERTIES" data-selenium-test="about-this-deal"><h2>About this deal</h2>
${propertyRows([
  { name: 'hubspot_owner_id', label: 'Deal owner', value: owner === undefined || owner === null ? '' : owner.user.name },
  { name: 'dealname', label: 'Deal name', value: o.name },
  { name: 'amount', label: 'Amount', value: money },
  { name: 'closedate', label: 'Close date', value: closeDate },
  { name: 'dealstage', label: 'Deal stage', value: stageLabel },
  { name: 'pipeline', label: 'Pipeline', value: deal.pipeline.label },
  {
    name: 'dealtype',
    label: 'Deal type',
    value: deal.properties['dealtype'] === 'newbusiness' ? 'New Business' : deal.properties['dealtype'] === null ? '' : 'Existing Business',
  },
  { name: 'hs_deal_stage_probability', label: 'Deal probability', value: o.probability === null ? '' : `${Math.round(o.probability * 100)}%` },
  { name: 'hs_forecast_category', label: 'Forecast category', value: o.forecastCategory ?? '' },
  { name: 'leadsource', label: 'Lead source', value: o.leadSource ?? '' },
  { name: 'createdate', label: 'Create date', value: formatDateTime(deal.createdAt) },
])}
</section>`;
  const middle = html`<nav class="tabs" role="tablist"><span class="tab active" role="tab">Overview</span><span class="tab" role="tab">Activities</span></nav>
<section class="card" data-test-id="data-highlights"><h2>Data highlights</h2>
${propertyRows([
  { name: 'createdate', label: 'Create date', value: formatDateTime(deal.createdAt) },
  { name: 'dealstage', label: 'Deal stage', value: stageLabel },
  { name: 'hs_lastmodifieddate', label: 'Last modified date', value: formatDateTime(deal.updatedAt) },
])}
</section>
${stageHistoryCard(deal)}`;
  const right = html`${companiesCard(store, portalId, deal)}${contactsCard(store, portalId, deal)}`;
  return { title: `${o.name} | Deal | HubSpot`, kind: 'record', body: layout(OBJECT_TYPE_ID.deals, deal.id, left, middle, right) };
}

function stageHistoryCard(deal: DealRecord): SafeHtml {
  const rows = deal.opportunity.stageHistory.map((change, i) => {
    const entered = deal.stageTimes[i];
    const exited = deal.stageTimes[i + 1];
    return html`<tr><td>${change.stage}</td><td>${entered === undefined ? '' : formatDateTime(entered)}</td><td>${exited === undefined ? '' : formatDateTime(exited)}</td></tr>`;
  });
  return html`<section class="card" data-test-id="deal-stage-history"><h2>Deal stage history</h2>
<table><thead><tr><th>Stage</th><th>Entered</th><th>Exited</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function companiesCard(store: CrmStore, portalId: number, deal: DealRecord): SafeHtml {
  const company = deal.companyId === null ? undefined : store.companies.get(deal.companyId);
  const items = company === undefined ? [] : [company];
  return html`<section class="card" data-card-type="ASSOCIATION" data-association-object-type="${OBJECT_TYPE_ID.companies}"><h2>Companies (${items.length})</h2>
${items.length === 0 ? html`<p class="empty">No associated companies</p>` : items.map((c) => companyChicklet(portalId, c))}</section>`;
}

function companyChicklet(portalId: number, c: CompanyRecord): SafeHtml {
  return html`<div class="chicklet" data-selenium-test="company-chicklet"><a data-selenium-test="company-chicklet-title-link" href="${recordPath(portalId, OBJECT_TYPE_ID.companies, c.id)}">${c.account.name}</a>
<div class="chicklet-detail">${c.properties['domain'] ?? ''}</div><div class="chicklet-detail">${c.account.industry}</div></div>`;
}

function contactsCard(store: CrmStore, portalId: number, deal: DealRecord): SafeHtml {
  const contacts = deal.contactIds.map((id) => store.contacts.get(id)).filter((c): c is ContactRecord => c !== undefined);
  return html`<section class="card" data-card-type="ASSOCIATION" data-association-object-type="${OBJECT_TYPE_ID.contacts}"><h2>Contacts (${contacts.length})</h2>
${contacts.length === 0 ? html`<p class="empty">No associated contacts</p>` : contacts.map((c) => contactChicklet(portalId, c))}</section>`;
}

function contactChicklet(portalId: number, c: ContactRecord): SafeHtml {
  return html`<div class="chicklet" data-selenium-test="contact-chicklet"><a data-selenium-test="contact-chicklet-title-link" href="${recordPath(portalId, OBJECT_TYPE_ID.contacts, c.id)}">${c.contact.name}</a>
<div class="chicklet-detail">${c.contact.title}</div><div class="chicklet-detail">${c.contact.email}</div></div>`;
}

/** The deals of a company or contact, newest first, as a right-sidebar card. */
function dealsCard(portalId: number, deals: DealRecord[]): SafeHtml {
  const newest = [...deals].sort((a, b) => b.createdAt - a.createdAt).slice(0, 20);
  return html`<section class="card" data-card-type="ASSOCIATION" data-association-object-type="${OBJECT_TYPE_ID.deals}"><h2>Deals (${deals.length})</h2>
${newest.map((d) => html`<div class="chicklet"><a data-selenium-test="deal-chicklet-title-link" href="${dealPath(portalId, d.id)}">${d.opportunity.name}</a><div class="chicklet-detail">${d.opportunity.stage ?? ''}</div></div>`)}</section>`;
}

export function companyPage(store: CrmStore, portalId: number, id: string): PageContent {
  const c = store.companies.get(id);
  if (c === undefined) return notFoundPage('company');
  const a = c.account;
  const left = html`${highlight('Companies', '/', a.name, [
    ['domain', 'Domain', c.properties['domain'] ?? ''],
    ['industry', 'Industry', a.industry],
  ])}<section class="card" data-card-type="PROPERTIES" data-selenium-test="about-this-company"><h2>About this company</h2>${propertyRows([
    { name: 'numberofemployees', label: 'Number of employees', value: a.employees === null ? '' : a.employees.toLocaleString('en-US') },
    { name: 'annualrevenue', label: 'Annual revenue', value: formatMoney(a.annualRevenue, store.org.currency) },
    { name: 'country', label: 'Country/Region', value: a.country },
    { name: 'state', label: 'State/Region', value: a.state ?? '' },
  ])}</section>`;
  const deals = store.liveDeals().filter((d) => d.companyId === id);
  return {
    title: `${a.name} | Company | HubSpot`,
    kind: 'record',
    body: layout(OBJECT_TYPE_ID.companies, id, left, html`<section class="card"><h2>Overview</h2></section>`, dealsCard(portalId, deals)),
  };
}

export function contactPage(store: CrmStore, portalId: number, id: string): PageContent {
  const c = store.contacts.get(id);
  if (c === undefined) return notFoundPage('contact');
  const company = store.companies.get(c.contact.accountId);
  const left = highlight('Contacts', '/', c.contact.name, [
    ['jobtitle', 'Job title', c.contact.title],
    ['email', 'Email', c.contact.email],
  ]);
  const right = html`${company === undefined ? '' : html`<section class="card" data-card-type="ASSOCIATION" data-association-object-type="${OBJECT_TYPE_ID.companies}"><h2>Companies (1)</h2>${companyChicklet(portalId, company)}</section>`}${dealsCard(
    portalId,
    store.liveDeals().filter((d) => d.contactIds.includes(id)),
  )}`;
  return {
    title: `${c.contact.name} | Contact | HubSpot`,
    kind: 'record',
    body: layout(OBJECT_TYPE_ID.contacts, id, left, html`<section class="card"><h2>Overview</h2></section>`, right),
  };
}
