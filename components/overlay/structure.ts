/**
 * "Copy page structure": what a user can paste into a bug report when Dealsight could not
 * find a page's record header. It describes the page's shape, never its content: the
 * URL's path with ids masked, how many elements each of the adapter's probes matches (and
 * how many of those are shown), the ancestors of each first match, and an outline of the
 * visible page — tag names, classes and test ids only. No text, no ids, no names: class
 * names and test ids keep their letters, and any run of three or more digits (a record id
 * inside a generated class name, `row-18837465210`) becomes `#`; a token that still looks
 * like an id (15 or 18 letters and digits mixed) is dropped.
 */

/** Attributes that name a part of the app rather than the data in it. */
const TEST_ID_ATTRIBUTES = ['data-test-id', 'data-testid', 'data-selenium-test'] as const;
const MAX_OUTLINE_LINES = 120;
const MAX_DEPTH = 8;
const MAX_CLASSES = 6;

/** A whole token that is a record id: 15 or 18 letters and digits with both in it (Salesforce ids). */
const ID_LIKE = /^(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/;
/** An id inside a token: a run of 12 or more letters and digits with a digit in it. */
const ID_INSIDE = /[A-Za-z0-9]{12,}/g;

/** A class name or test id with its ids and digits masked, or null when nothing safe is left of it. */
export function maskToken(token: string): string | null {
  if (ID_LIKE.test(token)) return null;
  const masked = token.replace(ID_INSIDE, (run) => (/\d/.test(run) ? '#' : run)).replace(/\d{3,}/g, '#');
  // Only the characters class names and test ids are made of; anything else could be text.
  if (!/^[A-Za-z0-9_#:.*-]{1,80}$/.test(masked)) return null;
  return masked;
}

/** `div.slds-page-header.fixed-position[data-test-id=left-sidebar]`, masked. */
export function describeElement(element: Element): string {
  const tag = element.tagName.toLowerCase();
  const classes = Array.from(element.classList)
    .map(maskToken)
    .filter((c): c is string => c !== null)
    .slice(0, MAX_CLASSES);
  const ids = TEST_ID_ATTRIBUTES.flatMap((name) => {
    const value = element.getAttribute(name);
    const masked = value === null ? null : maskToken(value);
    return masked === null ? [] : [`[${name}=${masked}]`];
  });
  const hidden = isHidden(element) ? ' (hidden)' : '';
  return `${tag}${classes.map((c) => `.${c}`).join('')}${ids.join('')}${hidden}`;
}

function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true;
  const view = element.ownerDocument.defaultView;
  if (!view) return false;
  try {
    return view.getComputedStyle(element).display === 'none';
  } catch {
    return false;
  }
}

/**
 * Whether an element is rendered: connected, and no ancestor hides it (a cached page, a
 * background console tab). The browser's `checkVisibility` where it has it, and the
 * ancestors' `hidden` and `display` either way (DOMs without layout answer true to it).
 */
export function isShown(element: Element): boolean {
  if (!element.isConnected) return false;
  const check = (element as Element & { checkVisibility?: () => boolean }).checkVisibility;
  if (typeof check === 'function' && !check.call(element)) return false;
  for (let el: Element | null = element; el; el = el.parentElement) if (isHidden(el)) return false;
  return true;
}

/** The URL's path and the names of its query parameters, with every id-like segment masked. */
export function maskedPath(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '(no URL)';
  }
  const path = parsed.pathname
    .split('/')
    .map((segment) => (segment === '' ? '' : (maskToken(segment) ?? ':id').replace(/^#$/, ':id')))
    .join('/');
  const params = [...new Set([...parsed.searchParams.keys()])].map((k) => maskToken(k) ?? '?').join('&');
  return params ? `${path}?${params}` : path;
}

function ancestors(element: Element): string {
  const chain: string[] = [];
  for (let el: Element | null = element; el && el.tagName.toLowerCase() !== 'html'; el = el.parentElement) chain.unshift(describeElement(el));
  return chain.join(' > ');
}

function outline(root: Element, lines: string[], depth = 0): void {
  if (lines.length >= MAX_OUTLINE_LINES || depth > MAX_DEPTH) return;
  // Our own hosts are not the page's.
  if (root.tagName.toLowerCase().startsWith('dealsight-')) return;
  lines.push(`${'  '.repeat(depth)}${describeElement(root)}`);
  for (const child of Array.from(root.children)) {
    if (['script', 'style', 'link', 'meta', 'svg', 'noscript', 'template'].includes(child.tagName.toLowerCase())) continue;
    outline(child, lines, depth + 1);
  }
}

export interface StructureInput {
  doc: Document;
  url: string;
  crm: string;
  /** The adapter's probes (its anchor candidates and landmarks). */
  probes: readonly string[];
  /** The visible page, as the adapter sees it (null: none). */
  visiblePage: Element | null;
}

/** The page's structure as text for a bug report: no CRM text, ids or names. */
export function pageStructure(input: StructureInput): string {
  const { doc, probes, visiblePage } = input;
  const lines = [
    `Dealsight: the structure of a ${input.crm} page where no record header was found (tags, classes and test ids only).`,
    `page: ${maskedPath(input.url)}`,
  ];
  lines.push(`visible page: ${visiblePage ? ancestors(visiblePage) : 'none found'}`);
  for (const probe of probes) {
    let found: Element[] = [];
    try {
      found = Array.from(doc.querySelectorAll(probe));
    } catch {
      lines.push(`probe ${probe}: not a valid selector here`);
      continue;
    }
    const shown = found.filter(isShown).length;
    lines.push(`probe ${probe}: ${found.length} found, ${shown} shown`);
    const first = found.find(isShown) ?? found[0];
    if (first) lines.push(`  at ${ancestors(first)}`);
  }
  const body: string[] = [];
  outline(visiblePage ?? doc.body ?? doc.documentElement, body);
  lines.push('outline:', ...body);
  if (body.length >= MAX_OUTLINE_LINES) lines.push(`  … (cut at ${MAX_OUTLINE_LINES} lines)`);
  return lines.join('\n');
}
