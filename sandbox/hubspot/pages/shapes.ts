import type { Request } from '../../kit/http';

/**
 * The page shapes the sandbox HubSpot serves where public evidence is silent or shows
 * more than one form (`../shared/crm-evidence.md`, HubSpot rows): the overlay must cope
 * with each. A page asks for a shape with a query parameter (`?record=cards`), which the
 * reply remembers in a cookie so that in-app navigation keeps it, as `?theme=` does; a
 * parameter with its default value resets it.
 *
 *   record   standard        left sidebar with the highlight card (`highlightedPropertySidebar`),
 *                            middle pane with `tab-0-content`, `records-right-sidebar`
 *            cards           every sidebar card a `card-wrapper-*`, the highlight card
 *                            `card-wrapper-OBJECT_HIGHLIGHT…`, no `highlightedPropertySidebar`,
 *                            no `middle-pane` (the tab content stands alone)
 *            no-highlight    standard without the highlight card
 *            cards-no-highlight  cards without the highlight card
 *            unknown         a layout with none of the documented test ids (a redesign)
 *   board    column-item     cards `cdb-column-item` with `data-selenium-id`
 *            card            cards `cdb-card` without an id attribute (the id only in the link)
 *   table    crm-object      the deals index as `table[data-test-id="crm-object-table"]`
 *            framework       as `table[data-test-id="framework-data-table"]` in its container
 *   names    link            list and Sales Workspace rows name their deal with a link
 *            text            the name is plain text: the id is only in the row's attributes
 */
export const PAGE_SHAPES = {
  record: ['standard', 'cards', 'no-highlight', 'cards-no-highlight', 'unknown'],
  board: ['column-item', 'card'],
  table: ['crm-object', 'framework'],
  names: ['link', 'text'],
} as const;

export type PageShapes = { [K in keyof typeof PAGE_SHAPES]: (typeof PAGE_SHAPES)[K][number] };

export const DEFAULT_SHAPES: PageShapes = { record: 'standard', board: 'column-item', table: 'crm-object', names: 'link' };

const cookieOf = (name: keyof PageShapes): string => `sandbox_hs_${name}`;

/** The shapes a request asks for (query, else cookie, else default), and the cookies that remember a query's choice. */
export function pageShapes(request: Request): { shapes: PageShapes; cookies: string[] } {
  const shapes = { ...DEFAULT_SHAPES };
  const cookies: string[] = [];
  for (const name of Object.keys(PAGE_SHAPES) as Array<keyof PageShapes>) {
    const allowed: readonly string[] = PAGE_SHAPES[name];
    const asked = request.url.searchParams.get(name);
    if (asked !== null && allowed.includes(asked)) {
      cookies.push(`${cookieOf(name)}=${asked}; Path=/; SameSite=Lax`);
      (shapes as Record<string, string>)[name] = asked;
      continue;
    }
    const remembered = request.cookie(cookieOf(name));
    if (remembered !== undefined && allowed.includes(remembered)) (shapes as Record<string, string>)[name] = remembered;
  }
  return { shapes, cookies };
}
