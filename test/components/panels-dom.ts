/**
 * Tiny DOM helpers for the component tests (no @testing-library here): render into a
 * container, find elements by role, accessible name, text or data attribute.
 */
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';

export interface Mounted {
  container: HTMLElement;
  /** Re-renders with a new tree. */
  rerender(tree: ComponentChild): void;
  unmount(): void;
}

const mounted: HTMLElement[] = [];

/** Renders a tree into a fresh container in the document; effects run before it returns. */
export function mount(tree: ComponentChild): Mounted {
  const container = document.createElement('div');
  document.body.appendChild(container);
  mounted.push(container);
  act(() => render(tree, container));
  return {
    container,
    rerender: (next) => act(() => render(next, container)),
    unmount: () => {
      act(() => render(null, container));
      container.remove();
    },
  };
}

/** Unmounts everything `mount` rendered (call in afterEach). */
export function cleanup(): void {
  for (const container of mounted.splice(0)) {
    render(null, container);
    container.remove();
  }
}

const BLOCK = new Set([
  'P',
  'DIV',
  'SECTION',
  'HEADER',
  'FOOTER',
  'MAIN',
  'NAV',
  'UL',
  'OL',
  'LI',
  'DL',
  'DT',
  'DD',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'BUTTON',
]);

function collect(node: Node, out: string[]): void {
  if (node.nodeType === 3) {
    out.push(node.nodeValue ?? '');
    return;
  }
  const block = node.nodeType === 1 && BLOCK.has((node as Element).tagName);
  if (block) out.push(' ');
  for (const child of node.childNodes) collect(child, out);
  if (block) out.push(' ');
}

/** Text as read: block elements apart (as a page shows them), whitespace collapsed, trimmed. */
export function text(node: Node | null | undefined): string {
  if (!node) return '';
  const out: string[] = [];
  collect(node, out);
  return out.join('').replace(/\s+/g, ' ').trim();
}

const IMPLICIT_ROLES: Record<string, (el: Element) => boolean> = {
  heading: (el) => /^H[1-6]$/.test(el.tagName),
  list: (el) => el.tagName === 'UL' || el.tagName === 'OL',
  listitem: (el) => el.tagName === 'LI',
  button: (el) => el.tagName === 'BUTTON',
  link: (el) => el.tagName === 'A' && el.hasAttribute('href'),
  img: (el) => el.tagName === 'IMG',
  region: (el) => el.tagName === 'SECTION' && (el.hasAttribute('aria-labelledby') || el.hasAttribute('aria-label')),
  navigation: (el) => el.tagName === 'NAV',
  main: (el) => el.tagName === 'MAIN',
};

/** The element's role: explicit, else the implicit one of its tag (the few this UI uses). */
export function roleOf(el: Element): string | null {
  const explicit = el.getAttribute('role');
  if (explicit) return explicit;
  for (const [role, test] of Object.entries(IMPLICIT_ROLES)) if (test(el)) return role;
  return null;
}

/** The accessible name, roughly as browsers compute it for these elements. */
export function accessibleName(el: Element): string {
  const label = el.getAttribute('aria-label');
  if (label) return label.trim();
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    const root = el.ownerDocument;
    return labelledBy
      .split(/\s+/)
      .map((id) => text(root.getElementById(id)))
      .join(' ')
      .trim();
  }
  if (el.tagName === 'IMG') return el.getAttribute('alt') ?? '';
  return text(el);
}

function matches(value: string, expected: string | RegExp): boolean {
  return typeof expected === 'string' ? value === expected : expected.test(value);
}

/** Every element with a role (and a name matching `name`, when given). */
export function allByRole(root: ParentNode, role: string, name?: string | RegExp): Element[] {
  return [...root.querySelectorAll('*')].filter((el) => roleOf(el) === role && (name === undefined || matches(accessibleName(el), name)));
}

/** The one element with that role and name; throws with what there was otherwise. */
export function getByRole(root: ParentNode, role: string, name?: string | RegExp): Element {
  const found = allByRole(root, role, name);
  if (found.length !== 1) {
    const seen = allByRole(root, role).map((el) => JSON.stringify(accessibleName(el)));
    throw new Error(`expected one ${role}${name ? ` named ${String(name)}` : ''}, found ${found.length}; ${role}s: ${seen.join(', ') || 'none'}`);
  }
  return found[0] as Element;
}

/** The innermost elements whose text matches (exactly for a string). */
export function allByText(root: ParentNode, expected: string | RegExp): Element[] {
  const hits = [...root.querySelectorAll('*')].filter((el) => matches(text(el), expected));
  return hits.filter((el) => !hits.some((other) => other !== el && el.contains(other)));
}

export function getByText(root: ParentNode, expected: string | RegExp): Element {
  const found = allByText(root, expected);
  if (found.length !== 1) throw new Error(`expected one element with text ${String(expected)}, found ${found.length}`);
  return found[0] as Element;
}

/** The element with `data-<name>="value"` (or just the attribute). */
export function byData(root: ParentNode, name: string, value?: string): HTMLElement {
  const selector = value === undefined ? `[data-${name}]` : `[data-${name}="${value.replace(/"/g, '\\"')}"]`;
  const el = root.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`no element matches ${selector}`);
  return el;
}

export function allByData(root: ParentNode, name: string, value?: string): HTMLElement[] {
  const selector = value === undefined ? `[data-${name}]` : `[data-${name}="${value}"]`;
  return [...root.querySelectorAll<HTMLElement>(selector)];
}

/** Clicks an element inside `act`, so the updates it causes are rendered. */
export function click(el: Element): void {
  act(() => {
    (el as HTMLElement).click();
  });
}
