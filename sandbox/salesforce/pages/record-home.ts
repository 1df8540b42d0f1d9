import { html, trusted, type SafeHtml } from '../../kit/html';
import type { LightningPageOptions } from './page-options';

/**
 * A Lightning record home page as the evidence shows it (`../shared/crm-evidence.md`,
 * "Salesforce Lightning: pages", row "record header"), element by element:
 *
 *   one-record-home-flexipage2                                   code ids 27871679775, 17995847513, 1247534372
 *     forcegenerated-adg-rollup_component___…  (Opportunity)     code id 27871679775
 *       forcegenerated-flexipage_<object>_rec_l_<object>__view_js
 *         record_flexipage-record-page-decorator > div
 *           records-record-layout-event-broker > slot > slot
 *             flexipage-record-home-(with-subheader-)template-desktop2 > div
 *               div > slot > flexipage-component2 > slot          the header region
 *                 records-lwc-highlights-panel > records-lwc-record-layout
 *                   forcegenerated-highlightspanel_<object>___012000000000000aaa___compact___view___recordlayout2
 *                     records-highlights2 | force-highlights2        code ids 27871679775 | 49554983093, 10082308254, 44527513345
 *                       div.highlights.slds-clearfix.slds-page-header.slds-page-header_record-home.fixed-position
 *                                                                  code ids 27871679775, 10500254029
 *               div.slds-grid.slds-wrap.slds-col.slds-size_1-of-1.row.row-main   code id 1247534372
 *                 div.….column.region-main > slot > slot > flexipage-component2 …
 *                 div.….column.region-sidebar-right > slot > slot > flexipage-component2 > slot > flexipage-aura-wrapper > div > div > article
 *
 * The header takes the shape of the `highlights` page option: `lwc` and `force` as above;
 * `aura` the older Aura header (`header.forceHighlightsPanel … h1.slds-page-header__title`,
 * code id 20954860276: "forceHighlightsPanel, now seen on Aura headers only"); `none` the
 * page of an org whose admin removed the highlights panel from the record page.
 */

export interface HighlightsContent {
  objectLabel: string;
  iconClass: string;
  name: string;
  /** Label and value of each secondary field. */
  details: Array<{ label: string; value: SafeHtml | string | null }>;
}

export interface RecordHomeParts {
  /** The object's API name ("Opportunity"): generated tag names carry it in lower case. */
  object: string;
  highlights: HighlightsContent;
  /** Components of the main column and of the right sidebar, each already wrapped by `component`. */
  main: SafeHtml[];
  sidebar: SafeHtml[];
}

/** Generated tag names, as the evidence spells them for Opportunity and Account (code ids 27871679775, 17995847513). */
function generatedTags(object: string): { rollup: string | null; flexipage: string; decorator: string; template: string; highlightsPanel: string } {
  const lower = object.toLowerCase();
  const highlightsPanel = `forcegenerated-highlightspanel_${lower}___012000000000000aaa___compact___view___recordlayout2`;
  if (object === 'Opportunity') {
    return {
      rollup: 'forcegenerated-adg-rollup_component___force-generated__flexipage_-record-page___sfa__-opportunity_rec_-l___-opportunity___-v-i-e-w',
      flexipage: 'forcegenerated-flexipage_opportunity_rec_l_opportunity__view_js',
      decorator: 'record_flexipage-record-page-decorator',
      template: 'flexipage-record-home-with-subheader-template-desktop2',
      highlightsPanel,
    };
  }
  return {
    rollup: null,
    flexipage: `forcegenerated-flexipage_${lower}_rec_l_${lower}__view_js`,
    decorator: 'record_flexipage-desktop-record-page-decorator',
    template: 'flexipage-record-home-template-desktop2',
    highlightsPanel,
  };
}

/** Every generated tag name of these objects' record pages (the stylesheet lays them out as blocks). */
export function generatedTagNames(objects: readonly string[]): string[] {
  return objects.flatMap((object) => {
    const tags = generatedTags(object);
    return [tags.rollup, tags.flexipage, tags.highlightsPanel].filter((t): t is string => t !== null);
  });
}

/** Tag names are the server's own constants, never CRM text: safe to write as markup. */
function tag(name: string, content: SafeHtml): SafeHtml {
  if (!/^[a-z][a-z0-9_-]*$/.test(name)) throw new Error(`not a tag name: ${name}`);
  return html`${trusted(`<${name}>`)}${content}${trusted(`</${name}>`)}`;
}

/** A flexipage component region item: `flexipage-component2 > slot > …` (code ids 27871679775, 1247534372). */
export function component(content: SafeHtml): SafeHtml {
  return html`<flexipage-component2><slot>${content}</slot></flexipage-component2>`;
}

/** An Aura component in a flexipage: `flexipage-aura-wrapper > div > div > article` (code id 1247534372). */
export function auraCard(content: SafeHtml): SafeHtml {
  return component(html`<flexipage-aura-wrapper><div><div>${content}</div></div></flexipage-aura-wrapper>`);
}

/** The page header region's content for the `highlights` option; null when the admin removed it. */
export function recordHeader(object: string, content: HighlightsContent, shape: LightningPageOptions['highlights']): SafeHtml | null {
  if (shape === 'none') return null;
  const title = html`<div class="entityNameTitle slds-line-height_reset">${content.objectLabel}</div>`;
  const icon = html`<div class="slds-media__figure"><span class="slds-icon_container ${content.iconClass}" title="${content.objectLabel}">${content.objectLabel.charAt(0)}</span></div>`;
  // Record actions: primaryFieldRow > div[3] > div > runtime_platform_actions-actions-ribbon > ul > li (code ids 17995847513, 49554983093).
  const actions = html`<div class="slds-col slds-no-flex slds-grid slds-grid_vertical-align-center horizontal actionsContainer"><div><runtime_platform_actions-actions-ribbon><ul class="slds-button-group-list">${[
    'Edit',
    'Clone',
    'Delete',
  ].map(
    (name) => html`<li><lightning-button><button type="button" class="slds-button slds-button_neutral" name="${name}">${name}</button></lightning-button></li>`,
  )}</ul></runtime_platform_actions-actions-ribbon></div></div>`;
  if (shape === 'aura') {
    // The Aura header: header.forceHighlightsPanel … h1.slds-page-header__title (code id 20954860276), in an Aura wrapper.
    return component(
      html`<flexipage-aura-wrapper><div><header class="forceHighlightsPanel" data-aura-class="forceHighlightsPanel"><div class="slds-grid primaryFieldRow"><div class="slds-grid slds-col slds-has-flexi-truncate">${icon}<div class="slds-media__body">${title}<h1 class="slds-page-header__title">${content.name}</h1></div></div>${actions}</div><ul class="slds-grid slds-page-header__detail-row secondaryFields">${content.details.map(
        (d) =>
          html`<li class="slds-page-header__detail-block"><p class="slds-text-title slds-truncate" title="${d.label}">${d.label}</p><p class="slds-text-body--regular">${d.value ?? ''}</p></li>`,
      )}</ul></header></div></flexipage-aura-wrapper>`,
    );
  }
  const force = shape === 'force';
  // records-highlights2 > div.highlights > div.primaryFieldRow > div > div[2] > h1 > slot[name=primaryField] > lightning-formatted-text (code ids 27871679775, 17995847513).
  const primary = html`<div class="slds-grid primaryFieldRow"><div class="slds-grid slds-col slds-has-flexi-truncate">${icon}<div class="slds-media__body"><h1>${title}<slot name="primaryField" class="slds-page-header__title slds-m-right--small slds-align-middle fade-text"><lightning-formatted-text title="${content.name}">${content.name}</lightning-formatted-text></slot></h1></div></div><div class="slds-col slds-no-flex"></div>${actions}</div>`;
  // Secondary fields: div[2] > slot[name=secondaryFields] > records-highlights-details-item > div > p (code ids 27871679775, 45273329093);
  // force-highlights2: div[2] > slot > slot > force-highlights-details-item > div > p[2] > slot > lightning-formatted-text (code id 10082308254).
  const item = force ? 'force-highlights-details-item' : 'records-highlights-details-item';
  const items = content.details.map((d) =>
    tag(
      item,
      html`<div class="slds-page-header__detail-block"><p class="slds-text-title slds-truncate" title="${d.label}">${d.label}</p><p class="fieldComponent slds-text-body--regular slds-show_inline-block slds-truncate">${force ? html`<slot><lightning-formatted-text>${d.value ?? ''}</lightning-formatted-text></slot>` : (d.value ?? '')}</p></div>`,
    ),
  );
  const secondary = force
    ? html`<div class="slds-grid slds-page-header__detail-row secondaryFields"><slot><slot>${items}</slot></slot></div>`
    : html`<div class="slds-grid slds-page-header__detail-row secondaryFields"><slot name="secondaryFields">${items}</slot></div>`;
  const highlights = tag(
    force ? 'force-highlights2' : 'records-highlights2',
    html`<div class="highlights slds-clearfix slds-page-header slds-page-header_record-home fixed-position">${primary}${secondary}</div>`,
  );
  return component(
    html`<records-lwc-highlights-panel><records-lwc-record-layout>${tag(generatedTags(object).highlightsPanel, highlights)}</records-lwc-record-layout></records-lwc-highlights-panel>`,
  );
}

/** The whole record home page (see the file's comment); `header` from `recordHeader`. */
export function recordHome(parts: RecordHomeParts, shape: LightningPageOptions['highlights']): SafeHtml {
  const tags = generatedTags(parts.object);
  const header = recordHeader(parts.object, parts.highlights, shape);
  const template = tag(
    tags.template,
    html`<div><div class="header region-header"><slot>${header ?? ''}</slot></div><div class="slds-grid slds-wrap slds-col slds-size_1-of-1 row row-main"><div class="slds-size_1-of-1 slds-medium-size_8-of-12 slds-large-size_8-of-12 column region-main"><slot><slot>${parts.main}</slot></slot></div><div class="slds-size_1-of-1 slds-medium-size_4-of-12 slds-large-size_4-of-12 column region-sidebar-right"><slot><slot>${parts.sidebar}</slot></slot></div></div></div>`,
  );
  const decorated = tag(
    tags.decorator,
    html`<div><records-record-layout-event-broker><slot><slot>${template}</slot></slot></records-record-layout-event-broker></div>`,
  );
  const flexipage = tag(tags.flexipage, decorated);
  return html`<one-record-home-flexipage2>${tags.rollup === null ? flexipage : tag(tags.rollup, flexipage)}</one-record-home-flexipage2>`;
}
