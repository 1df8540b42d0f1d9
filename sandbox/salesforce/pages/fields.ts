import type { SandboxDatabase } from '../database';
import type { Row } from '../records';
import { html, type SafeHtml } from '../../kit/html';

/** Pieces the record pages share: field layout items, record links, lookups by id. */

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

/** A link to a record page, with the attributes Lightning's record links carry. */
export function recordLink(object: string, row: Row | null, label: string | null = null): SafeHtml {
  if (row === null) return html``;
  const id = String(row['Id']);
  const name = label ?? text(row, 'Name') ?? id;
  return html`<a href="/lightning/r/${object}/${id}/view" title="${name}" data-recordid="${id}" data-refid="recordId" class="slds-truncate outputLookupLink">${name}</a>`;
}

/** One field of a record layout section, as Lightning lays it out. */
export function layoutItem(label: string, value: SafeHtml | string | null): SafeHtml {
  return html`<records-record-layout-item field-label="${label}" class="slds-form-element slds-form-element_readonly" role="listitem">
  <span class="test-id__field-label slds-form-element__label">${label}</span>
  <div class="slds-form-element__control"><span class="test-id__field-value slds-form-element__static">${value ?? ''}</span></div>
</records-record-layout-item>`;
}

/** One item of the highlights panel's secondary fields. */
export function highlightItem(label: string, value: SafeHtml | string | null): SafeHtml {
  return html`<records-highlights-details-item class="slds-page-header__detail-block">
  <p class="slds-text-title slds-truncate" title="${label}">${label}</p>
  <p class="fieldComponent slds-text-body--regular slds-show_inline-block slds-truncate">${value ?? ''}</p>
</records-highlights-details-item>`;
}

/** The record-home highlights panel: the anchor an overlay looks for on a record page. */
export function highlightsPanel(options: { objectLabel: string; iconClass: string; name: string; details: SafeHtml[] }): SafeHtml {
  return html`<div class="slds-page-header slds-page-header_record-home forceHighlightsPanel" data-aura-class="forceHighlightsPanel" role="banner">
  <records-highlights2>
    <div class="slds-page-header__row primaryFieldRow">
      <div class="slds-media slds-no-space slds-grow">
        <div class="slds-media__figure"><span class="slds-icon_container ${options.iconClass}" title="${options.objectLabel}">${options.objectLabel.charAt(0)}</span></div>
        <div class="slds-media__body">
          <h1>
            <div class="entityNameTitle slds-line-height_reset">${options.objectLabel}</div>
            <slot name="primaryField" class="slds-page-header__title slds-m-right--small slds-align-middle fade-text"><lightning-formatted-text title="${options.name}">${options.name}</lightning-formatted-text></slot>
          </h1>
        </div>
      </div>
      <div class="slds-col slds-no-flex actionsContainer">
        <runtime_platform_actions-actions-ribbon>
          <ul class="slds-button-group-list">
            <li><button type="button" class="slds-button slds-button_neutral" name="Edit">Edit</button></li>
            <li><button type="button" class="slds-button slds-button_neutral" name="Clone">Clone</button></li>
            <li><button type="button" class="slds-button slds-button_neutral" name="Delete">Delete</button></li>
          </ul>
        </runtime_platform_actions-actions-ribbon>
      </div>
    </div>
    <div class="slds-page-header__detail-row secondaryFields">${options.details}</div>
  </records-highlights2>
</div>`;
}

/** Lightning's "record not found" page, still at the record's URL. */
export function recordNotFound(id: string): SafeHtml {
  return html`<div class="slds-card slds-illustration forceRecordNotFound" data-record-missing="${id}">
  <h2 class="slds-card__header-title">Looks like there's a problem.</h2>
  <p>The record you're trying to view doesn't exist or you don't have access to it. (${id})</p>
</div>`;
}
