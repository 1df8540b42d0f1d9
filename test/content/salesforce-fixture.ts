/**
 * A DOM shaped like the sandbox Salesforce server's Lightning pages
 * (sandbox/salesforce/pages/layout.ts): `#oneCenterStage` with one
 * `.oneContent.active` page and earlier pages kept hidden.
 */
export const OPP_A = '0065g00000AbCdEAAV';
export const OPP_B = '0065g00000AbCdFAAV';
export const ORIGIN = 'http://localhost:4100';
export const recordUrl = (id: string) => `${ORIGIN}/lightning/r/Opportunity/${id}/view`;
export const LIST_URL = `${ORIGIN}/lightning/o/Opportunity/list`;

export function highlights(name: string): string {
  return `<div class="forceHighlightsPanel"><records-highlights2><h1>${name}</h1></records-highlights2></div>`;
}

/** Sets the stage: `pages` in order, the last one active. */
export function stage(doc: Document, pages: string[]): HTMLElement {
  doc.body.replaceChildren();
  const root = doc.createElement('section');
  root.id = 'oneCenterStage';
  pages.forEach((html, i) => {
    const page = doc.createElement('div');
    page.className = i === pages.length - 1 ? 'oneContent active' : 'oneContent';
    if (i !== pages.length - 1) page.hidden = true;
    setHtml(page, html);
    root.append(page);
  });
  doc.body.append(root);
  return root;
}

export function listRows(ids: string[]): string {
  return `<table><tbody>${ids
    .map(
      (id) =>
        `<tr data-row-key-value="${id}"><th scope="row"><a href="/lightning/r/Opportunity/${id}/view" data-recordid="${id}">Deal ${id}</a></th><td>x</td></tr>`,
    )
    .join('')}</tbody></table>`;
}

export const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

/** Test markup into an element (fixtures only; the overlay itself never parses HTML). */
export function setHtml(el: Element, html: string): void {
  el.replaceChildren(el.ownerDocument.createRange().createContextualFragment(html));
}
