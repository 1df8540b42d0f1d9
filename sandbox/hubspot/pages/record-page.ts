import { formatDate, formatDateTime, formatMoney } from '../../kit/format';
import { html, type SafeHtml } from '../../kit/html';
import type { CompanyRecord, ContactRecord, CrmStore, DealRecord } from '../store';
import type { PageContent } from './layout';
import type { PageShapes } from './shapes';
import { boardPath, dealPath, OBJECT_TYPE_ID, recordPath } from './urls';

/**
 * Record pages in HubSpot's three-column layout, element by element as public sources
 * show it (`../shared/crm-evidence.md`, "record page markup"); the comment on each
 * structural element names its source. No source shows a wrapper naming the record
 * (`data-test-id="record-page"`, `data-record-id`): there is none here either. Shapes
 * (shapes.ts, `?record=`):
 *
 * standard — brucetmkns/revguide.io docs/HUBSPOT_DOM.md ("Page Layout", "Middle Pane
 * Structure", "Data Attributes Reference") and content/content.js:
 *   div.sandbox-record-layout                                  (styling only)
 *     div[data-test-id="left-sidebar"]                         "Left property panel"
 *       div[data-selenium-test="highlightedPropertySidebar"]   "Key properties section" (the highlight card)
 *         h1[data-selenium-test="highlightTitle"][data-test-id="highlight-record-label"]   (revguide content/modules/erp-icon.js)
 *       div > … [class*="PropertyLabel"]                       "Left Sidebar Property Labels"
 *     div[data-test-id="middle-pane"]                          "Main content area"
 *       div[role="tablist"]                                    "Tab navigation"
 *       div[data-test-id="tab-0-content"] > [class*="ScrollOverhang"] > [class*="ScrollContainer"] > [class*="View__StyledView"]
 *         div[data-test-id="card-wrapper-…"]                   "Individual cards"
 *     div[data-test-id="records-right-sidebar"]                "Associations panel"
 *       div[data-test-id="card-wrapper-ASSOCIATION_V3/0-2|0-1"]
 *
 * cards — the record fixture of SysAdminDoc/HubSpot-Ticket-Refined (tests/fixtures/ticket-record.html,
 * code id 69088328223; its test, code id 68970398436, asserts `left-sidebar`,
 * `records-right-sidebar`, `#record-page-left-sidebar` and `card-wrapper-`):
 *   div#record-page-left-sidebar > aside[data-test-id="left-sidebar"]
 *     div[data-test-id="card-wrapper-OBJECT_HIGHLIGHT-FAS-0-3-1"] > div > div[data-test-id="record-highlight-content"]
 *       strong[data-test-id="highlight-record-label"]
 *     div[data-test-id="card-wrapper-PROPERTIES_V3/0-3/0"] > div > header + div[data-test-id="crm-card-content"]
 *   section[data-test-id="tab-0-content"]                      (no middle-pane around it)
 *   div[data-test-id="records-right-sidebar"] > aside[data-test-id="right-sidebar"] > div[data-test-id="card-wrapper-ASSOCIATION_V3/0-1"]
 *
 * no-highlight, cards-no-highlight — the same without the highlight card (an admin can
 * trim a record's sidebar; the evidence does not say the highlight card always exists).
 *
 * unknown — none of the documented test ids: a layout nobody has described (the overlay floats).
 */

interface PropertyRow {
  name: string;
  label: string;
  value: SafeHtml | string;
}

/** Property label and value as revguide's HUBSPOT_DOM.md "Left Sidebar Property Labels" shows them (styled-components class names). */
function propertyRows(rows: PropertyRow[]): SafeHtml {
  return html`${rows.map(
    (r) =>
      html`<div class="property-row" data-selenium-test="property-input-${r.name}"><div class="PropertyLabel__StyledLabel-sbx property-label"><span class="TruncateString__StyledSpan-sbx"><span>${r.label}</span></span></div><span class="property-value">${r.value}</span></div>`,
  )}`;
}

/** The record's main card: `highlightedPropertySidebar` (standard) or `card-wrapper-OBJECT_HIGHLIGHT…` (cards). */
interface Highlight {
  objectLabel: string;
  objectTypeId: string;
  backHref: string;
  title: string;
  rows: Array<[string, string, SafeHtml | string]>;
}

/** The title as revguide (`h1`, both test ids), the Ticket-Refined fixture (`strong`, `highlight-record-label`) or no source (`plain`) shows it. */
function highlightBody(h: Highlight, titleTag: 'h1' | 'strong' | 'plain'): SafeHtml {
  const title =
    titleTag === 'h1'
      ? html`<h1 class="highlight-title" data-selenium-test="highlightTitle" data-test-id="highlight-record-label">${h.title}</h1>`
      : titleTag === 'strong'
        ? html`<strong class="highlight-title" data-test-id="highlight-record-label">${h.title}</strong>`
        : html`<h1 class="highlight-title">${h.title}</h1>`;
  return html`<a class="back-link" href="${h.backHref}">‹ ${h.objectLabel}</a>
${title}
<dl class="highlight-properties">${h.rows.map(([name, label, value]) => html`<div data-selenium-test="highlight-property-${name}"><dt>${label}:</dt><dd>${value}</dd></div>`)}</dl>
<div class="record-actions">${['Note', 'Email', 'Call', 'Task', 'Meeting'].map((a) => html`<button type="button">${a}</button>`)}</div>`;
}

/** One card of the page; in the `cards` and standard middle/right columns a `card-wrapper-*` (revguide "Individual cards"). */
interface Card {
  /** The card's type in its `card-wrapper-<type>` test id. */
  type: string;
  heading: string;
  body: SafeHtml;
}

function wrappedCard(card: Card): SafeHtml {
  return html`<div class="sandbox-card" data-test-id="card-wrapper-${card.type}"><div><header><h2>${card.heading}</h2></header><div data-test-id="crm-card-content">${card.body}</div></div></div>`;
}

/** A card of the unknown layout: no test id at all. */
function plainCard(card: Card): SafeHtml {
  return html`<div class="sandbox-card"><h2>${card.heading}</h2>${card.body}</div>`;
}

interface RecordColumns {
  highlight: Highlight;
  /** The left sidebar's cards after the highlight card (the record's properties). */
  left: Card[];
  /** The Overview tab's cards. */
  middle: Card[];
  /** The association cards. */
  right: Card[];
}

const TABS = html`<div class="tabs" role="tablist"><button type="button" class="tab active" role="tab" aria-selected="true">Overview</button><button type="button" class="tab" role="tab" aria-selected="false">Activities</button></div>`;

function recordLayout(shape: PageShapes['record'], c: RecordColumns): SafeHtml {
  const withHighlight = shape === 'standard' || shape === 'cards';
  if (shape === 'standard' || shape === 'no-highlight') {
    // revguide docs/HUBSPOT_DOM.md: left-sidebar, middle-pane > tablist + tab-0-content > ScrollContainer > cards, records-right-sidebar.
    const highlight = withHighlight
      ? html`<div class="sandbox-card highlight-card" data-selenium-test="highlightedPropertySidebar">${highlightBody(c.highlight, 'h1')}</div>`
      : '';
    return html`<div class="sandbox-record-layout">
<div class="sandbox-column" data-test-id="left-sidebar">${highlight}${c.left.map((card) => html`<div class="sandbox-card"><h2>${card.heading}</h2>${card.body}</div>`)}</div>
<div class="sandbox-column" data-test-id="middle-pane">${TABS}<div data-test-id="tab-0-content"><div class="ScrollOverhang__Wrapper-sbx"><div class="ScrollContainer__DefaultScrollContainer-sbx"><div class="View__StyledView-sbx">${c.middle.map(wrappedCard)}</div></div></div></div></div>
<div class="sandbox-column" data-test-id="records-right-sidebar">${c.right.map(wrappedCard)}</div>
</div>`;
  }
  if (shape === 'cards' || shape === 'cards-no-highlight') {
    // SysAdminDoc/HubSpot-Ticket-Refined tests/fixtures/ticket-record.html (code id 69088328223).
    const highlight = withHighlight
      ? html`<div class="sandbox-card highlight-card" data-test-id="card-wrapper-OBJECT_HIGHLIGHT-FAS-${c.highlight.objectTypeId}-1"><div><div data-test-id="record-highlight-content">${highlightBody(c.highlight, 'strong')}</div></div></div>`
      : '';
    return html`<div class="sandbox-record-layout">
<div class="sandbox-column" id="record-page-left-sidebar"><aside data-test-id="left-sidebar">${highlight}${c.left.map(wrappedCard)}</aside></div>
<section class="sandbox-column" data-test-id="tab-0-content">${TABS}${c.middle.map(wrappedCard)}</section>
<div class="sandbox-column" data-test-id="records-right-sidebar"><aside data-test-id="right-sidebar">${c.right.map(wrappedCard)}</aside></div>
</div>`;
  }
  // unknown: the same content without any documented test id.
  return html`<div class="sandbox-record-layout">
<div class="sandbox-column"><div class="sandbox-card highlight-card">${highlightBody(c.highlight, 'plain')}</div>${c.left.map(plainCard)}</div>
<div class="sandbox-column">${TABS}${c.middle.map(plainCard)}</div>
<div class="sandbox-column">${c.right.map(plainCard)}</div>
</div>`;
}

export function notFoundPage(what: string): PageContent {
  return {
    title: 'Page not found | HubSpot',
    kind: 'record',
    status: 404,
    body: html`<div class="sandbox-card" data-test-id="not-found"><h2>This ${what} doesn't exist</h2><p>It may have been deleted, or the link is wrong.</p></div>`,
  };
}

export function dealPage(store: CrmStore, portalId: number, id: string, shapes: PageShapes): PageContent {
  const deal = store.deal(id);
  if (deal === undefined) return notFoundPage('deal');
  const o = deal.opportunity;
  const stage = store.stage(deal);
  const owner = o.owner === null ? null : store.owner(o.owner.id);
  const money = formatMoney(o.amount, store.org.currency);
  const closeDate = formatDate(o.closeDate);
  const stageLabel = html`<span class="${o.isClosed ? (o.isWon ? 'stage-won' : 'stage-lost') : ''}">${stage?.label ?? ''}</span>`;
  const about = propertyRows([
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
  ]);
  const body = recordLayout(shapes.record, {
    highlight: {
      objectLabel: 'Deals',
      objectTypeId: OBJECT_TYPE_ID.deals,
      backHref: boardPath(portalId, deal.pipeline.id),
      title: o.name,
      rows: [
        ['amount', 'Amount', money],
        ['closedate', 'Close Date', closeDate],
        ['dealstage', 'Stage', stageLabel],
        ['pipeline', 'Pipeline', deal.pipeline.label],
      ],
    },
    left: [{ type: `PROPERTIES_V3/${OBJECT_TYPE_ID.deals}/0`, heading: 'About this deal', body: about }],
    middle: [
      {
        type: `DATA_HIGHLIGHTS/${OBJECT_TYPE_ID.deals}/0`,
        heading: 'Data highlights',
        body: propertyRows([
          { name: 'createdate', label: 'Create date', value: formatDateTime(deal.createdAt) },
          { name: 'dealstage', label: 'Deal stage', value: stageLabel },
          { name: 'hs_lastmodifieddate', label: 'Last modified date', value: formatDateTime(deal.updatedAt) },
        ]),
      },
      { type: `DEAL_STAGE_HISTORY/${OBJECT_TYPE_ID.deals}/0`, heading: 'Deal stage history', body: stageHistory(deal) },
    ],
    right: [companiesCard(store, portalId, deal), contactsCard(store, portalId, deal)],
  });
  return { title: `${o.name} | Deal | HubSpot`, kind: 'record', body };
}

function stageHistory(deal: DealRecord): SafeHtml {
  const rows = deal.opportunity.stageHistory.map((change, i) => {
    const entered = deal.stageTimes[i];
    const exited = deal.stageTimes[i + 1];
    return html`<tr><td>${change.stage}</td><td>${entered === undefined ? '' : formatDateTime(entered)}</td><td>${exited === undefined ? '' : formatDateTime(exited)}</td></tr>`;
  });
  return html`<table class="stage-history"><thead><tr><th>Stage</th><th>Entered</th><th>Exited</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function companiesCard(store: CrmStore, portalId: number, deal: DealRecord): Card {
  const company = deal.companyId === null ? undefined : store.companies.get(deal.companyId);
  const items = company === undefined ? [] : [company];
  return {
    type: `ASSOCIATION_V3/${OBJECT_TYPE_ID.companies}`,
    heading: `Companies (${items.length})`,
    body: items.length === 0 ? html`<p class="empty">No associated companies</p>` : html`${items.map((c) => companyChicklet(portalId, c))}`,
  };
}

function companyChicklet(portalId: number, c: CompanyRecord): SafeHtml {
  return html`<div class="chicklet" data-selenium-test="company-chicklet"><a data-selenium-test="company-chicklet-title-link" href="${recordPath(portalId, OBJECT_TYPE_ID.companies, c.id)}">${c.account.name}</a>
<div class="chicklet-detail">${c.properties['domain'] ?? ''}</div><div class="chicklet-detail">${c.account.industry}</div></div>`;
}

function contactsCard(store: CrmStore, portalId: number, deal: DealRecord): Card {
  const contacts = deal.contactIds.map((id) => store.contacts.get(id)).filter((c): c is ContactRecord => c !== undefined);
  return {
    type: `ASSOCIATION_V3/${OBJECT_TYPE_ID.contacts}`,
    heading: `Contacts (${contacts.length})`,
    body: contacts.length === 0 ? html`<p class="empty">No associated contacts</p>` : html`${contacts.map((c) => contactChicklet(portalId, c))}`,
  };
}

function contactChicklet(portalId: number, c: ContactRecord): SafeHtml {
  return html`<div class="chicklet" data-selenium-test="contact-chicklet"><a data-selenium-test="contact-chicklet-title-link" href="${recordPath(portalId, OBJECT_TYPE_ID.contacts, c.id)}">${c.contact.name}</a>
<div class="chicklet-detail">${c.contact.title}</div><div class="chicklet-detail">${c.contact.email}</div></div>`;
}

/** The deals of a company or contact, newest first, as a right-sidebar card. */
function dealsCard(portalId: number, deals: DealRecord[]): Card {
  const newest = [...deals].sort((a, b) => b.createdAt - a.createdAt).slice(0, 20);
  return {
    type: `ASSOCIATION_V3/${OBJECT_TYPE_ID.deals}`,
    heading: `Deals (${deals.length})`,
    body: html`${newest.map((d) => html`<div class="chicklet"><a data-selenium-test="deal-chicklet-title-link" href="${dealPath(portalId, d.id)}">${d.opportunity.name}</a><div class="chicklet-detail">${d.opportunity.stage ?? ''}</div></div>`)}`,
  };
}

const overview = (text: string): Card => ({ type: 'OVERVIEW', heading: 'Overview', body: html`<p class="empty">${text}</p>` });

export function companyPage(store: CrmStore, portalId: number, id: string, shapes: PageShapes): PageContent {
  const c = store.companies.get(id);
  if (c === undefined) return notFoundPage('company');
  const a = c.account;
  const deals = store.liveDeals().filter((d) => d.companyId === id);
  const body = recordLayout(shapes.record, {
    highlight: {
      objectLabel: 'Companies',
      objectTypeId: OBJECT_TYPE_ID.companies,
      backHref: '/',
      title: a.name,
      rows: [
        ['domain', 'Domain', c.properties['domain'] ?? ''],
        ['industry', 'Industry', a.industry],
      ],
    },
    left: [
      {
        type: `PROPERTIES_V3/${OBJECT_TYPE_ID.companies}/0`,
        heading: 'About this company',
        body: propertyRows([
          { name: 'numberofemployees', label: 'Number of employees', value: a.employees === null ? '' : a.employees.toLocaleString('en-US') },
          { name: 'annualrevenue', label: 'Annual revenue', value: formatMoney(a.annualRevenue, store.org.currency) },
          { name: 'country', label: 'Country/Region', value: a.country },
          { name: 'state', label: 'State/Region', value: a.state ?? '' },
        ]),
      },
    ],
    middle: [overview(`${deals.length} deals`)],
    right: [dealsCard(portalId, deals)],
  });
  return { title: `${a.name} | Company | HubSpot`, kind: 'record', body };
}

export function contactPage(store: CrmStore, portalId: number, id: string, shapes: PageShapes): PageContent {
  const c = store.contacts.get(id);
  if (c === undefined) return notFoundPage('contact');
  const company = store.companies.get(c.contact.accountId);
  const right: Card[] = [];
  if (company !== undefined)
    right.push({ type: `ASSOCIATION_V3/${OBJECT_TYPE_ID.companies}`, heading: 'Companies (1)', body: companyChicklet(portalId, company) });
  right.push(
    dealsCard(
      portalId,
      store.liveDeals().filter((d) => d.contactIds.includes(id)),
    ),
  );
  const body = recordLayout(shapes.record, {
    highlight: {
      objectLabel: 'Contacts',
      objectTypeId: OBJECT_TYPE_ID.contacts,
      backHref: '/',
      title: c.contact.name,
      rows: [
        ['jobtitle', 'Job title', c.contact.title],
        ['email', 'Email', c.contact.email],
      ],
    },
    left: [],
    middle: [overview(c.contact.title)],
    right,
  });
  return { title: `${c.contact.name} | Contact | HubSpot`, kind: 'record', body };
}
