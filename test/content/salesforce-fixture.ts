/**
 * Salesforce pages for the content script's unit tests, from the sandbox Salesforce's own
 * renderer (sandbox/salesforce/pages), so the tests meet the markup the e2e tests and the
 * evidence do: `stage` lays pages out in standard navigation (the last one on screen, the
 * others kept hidden), `consoleStage` as a console's workspace tabs; `highlights` is a
 * record header, `listRows` a datatable's rows naming the given records.
 */
import { trusted } from '../../sandbox/kit/html';
import { renderLightning, type MountedPage } from '../../sandbox/salesforce/pages/layout';
import { nameRows } from '../../sandbox/salesforce/pages/list-view';
import { PAGE_OPTION_DEFAULTS, type LightningPageOptions } from '../../sandbox/salesforce/pages/page-options';
import { recordHeader } from '../../sandbox/salesforce/pages/record-home';

export const OPP_A = '0065g00000AbCdEAAV';
export const OPP_B = '0065g00000AbCdFAAV';
export const ORIGIN = 'http://localhost:4100';
export const recordUrl = (id: string) => `${ORIGIN}/lightning/r/Opportunity/${id}/view`;
export const LIST_URL = `${ORIGIN}/lightning/o/Opportunity/list`;

/** An opportunity's record header (the LWC highlights panel), or another shape of it, for a record named `name`. */
export function highlights(name: string, shape: LightningPageOptions['highlights'] = 'lwc', object = 'Opportunity'): string {
  return recordHeader(object, { objectLabel: object, iconClass: 'slds-icon-standard-opportunity', name, details: [] }, shape)?.value ?? '';
}

/** The record name a header shows. */
export function headerName(header: Element | null | undefined): string | null {
  return header?.querySelector('lightning-formatted-text, h1.slds-page-header__title')?.textContent ?? null;
}

/** `rows` in a datatable (LWC markup by default, ids in `href` only). */
export function listRows(ids: string[], markup: LightningPageOptions['listMarkup'] = 'lwc'): string {
  return `<table><tbody>${
    nameRows(
      ids.map((id) => ({ Id: id, Name: `Deal ${id}` })),
      markup,
    ).value
  }</tbody></table>`;
}

function mounted(pages: string[]): MountedPage[] {
  return pages.map((body, i) => ({
    url: `/lightning/r/Opportunity/00600000000000${i}/view`,
    content: { title: `Page ${i} | Salesforce`, kind: 'Opportunity', body: trusted(body) },
  }));
}

/** The rendered document's body into `doc` (without the page script: tests move pages themselves). */
function load(doc: Document, markup: string): void {
  const parsed = new DOMParser().parseFromString(markup, 'text/html');
  for (const node of Array.from(parsed.querySelectorAll('script, template'))) node.remove();
  doc.body.className = parsed.body.className;
  doc.body.replaceChildren(...Array.from(parsed.body.childNodes, (n) => doc.importNode(n, true)));
}

const SHELL = { renderDelayMs: 0, userName: 'Test User', nonce: null, prerender: true } as const;

/** Standard navigation with `pages` in order, the last one on screen; returns the stage. */
export function stage(doc: Document, pages: string[], shape: Partial<LightningPageOptions> = {}): HTMLElement {
  const all = mounted(pages);
  const options = { ...PAGE_OPTION_DEFAULTS, ...shape, app: 'standard' as const };
  load(doc, renderLightning({ app: 'standard', page: all[all.length - 1] as MountedPage, cached: all.slice(0, -1) }, { ...SHELL, shape: options }));
  return doc.querySelector('.oneCenterStage') as HTMLElement;
}

/** A console app with one workspace tab per page, `focus` on screen; returns the tabs' container. */
export function consoleStage(doc: Document, pages: string[], focus: number, shape: Partial<LightningPageOptions> = {}): HTMLElement {
  const options = { ...PAGE_OPTION_DEFAULTS, ...shape, app: 'console' as const };
  const workspaces = mounted(pages).map((primary) => ({ primary, subtabs: [], focus: 0 }));
  load(doc, renderLightning({ app: 'console', workspaces, focus }, { ...SHELL, shape: options }));
  return doc.querySelector('.split-right') as HTMLElement;
}

/** Moves a console's focus to tab `index`, as the console does (sections and tab items). */
export function focusConsoleTab(doc: Document, index: number): void {
  Array.from(doc.querySelectorAll('.split-right > section.oneConsoleTab')).forEach((section, i) => {
    section.classList.toggle('active', i === index);
    section.setAttribute('aria-expanded', i === index ? 'true' : 'false');
  });
}

export const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

/** Test markup into an element (fixtures only; the overlay itself never parses HTML). */
export function setHtml(el: Element, html: string): void {
  el.replaceChildren(el.ownerDocument.createRange().createContextualFragment(html));
}
