import type { SandboxDatabase } from '../database';
import type { Row } from '../records';
import { html, type SafeHtml } from '../../kit/html';

/** Pieces the pages share: field layout items, lookup links, lookups by id. */

export function text(row: Row | null | undefined, field: string): string | null {
  const value = row?.[field];
  return value === null || value === undefined ? null : String(value);
}

export function numberOf(row: Row | null | undefined, field: string): number | null {
  const value = row?.[field];
  return typeof value === 'number' ? value : null;
}

export function lookup(db: SandboxDatabase, object: string, id: unknown): Row | null {
  return typeof id === 'string' ? (db.table(object)?.byId.get(id) ?? null) : null;
}

/**
 * A lookup link as Lightning's LWC record pages and datatables draw it:
 * `force-lookup > div > records-hoverable-link > div > a > slot > slot > span`, the id in
 * the `href` only (`/lightning/r/<id>/view`, no object name, no `data-recordid`):
 * crm-evidence.md, "list view rows (LWC)" (code ids 45273329093, 45315820200, 37823588473, 69064962493).
 */
export function lookupLink(row: Row | null, label: string | null = null): SafeHtml {
  if (row === null) return html``;
  const id = String(row['Id']);
  const name = label ?? text(row, 'Name') ?? id;
  return html`<force-lookup><div><records-hoverable-link><div><a href="/lightning/r/${id}/view" title="${name}"><slot><slot><span>${name}</span></slot></slot></a></div></records-hoverable-link></div></force-lookup>`;
}

/**
 * A lookup link in Lightning's older Aura markup: `a.forceOutputLookup[data-refid="recordId"][data-recordid]`
 * with `href="/lightning/r/<id>/view"`: crm-evidence.md, "list view rows (Aura)" (code ids 38067243313, 37843792931).
 */
export function auraLookupLink(row: Row | null): SafeHtml {
  if (row === null) return html``;
  const id = String(row['Id']);
  const name = text(row, 'Name') ?? id;
  return html`<a class="slds-truncate outputLookupLink slds-truncate forceOutputLookup" data-refid="recordId" data-recordid="${id}" data-special-link="true" data-navigable="true" href="/lightning/r/${id}/view" title="${name}">${name}</a>`;
}

/**
 * One field of a record layout section: `records-record-layout-item[field-label] > div > div
 * > div[2] > span > slot > …` (code id 69064962493; the label span `.test-id__field-label`, code id 71138930731).
 */
export function layoutItem(label: string, value: SafeHtml | string | null): SafeHtml {
  return html`<records-record-layout-item field-label="${label}" role="listitem"><div><div class="slds-form-element slds-form-element_readonly"><div class="slds-form-element__label"><span class="test-id__field-label">${label}</span></div><div class="slds-form-element__control"><span class="test-id__field-value slds-form-element__static"><slot>${value ?? ''}</slot></span></div></div></div></records-record-layout-item>`;
}

/** Lightning's "record not found" page, still at the record's URL. */
export function recordNotFound(id: string): SafeHtml {
  return html`<div class="slds-card slds-illustration forceRecordNotFound" data-record-missing="${id}">
  <h2 class="slds-card__header-title">Looks like there's a problem.</h2>
  <p>The record you're trying to view doesn't exist or you don't have access to it. (${id})</p>
</div>`;
}
