/**
 * Closed shadow roots in unit tests. The overlay closes its roots (a CRM page's scripts must
 * not read the panels and chips), so `host.shadowRoot` is null here as in the browser. A test
 * file that calls `recordShadowRoots()` remembers every root attached while it runs, and
 * `rootOf(host)` returns it: a door for tests only, as scripts/browser/shadow.ts is in the
 * browser. Production code is not changed by it: the roots it records stay closed.
 */
import { afterAll, beforeAll } from 'vitest';

const roots = new WeakMap<Element, ShadowRoot>();

/** Records each root attached from now until the file's tests end (call at the file's top level). */
export function recordShadowRoots(): void {
  const original = Element.prototype.attachShadow;
  beforeAll(() => {
    Element.prototype.attachShadow = function attachAndRecord(this: Element, init: ShadowRootInit): ShadowRoot {
      const root = original.call(this, init);
      roots.set(this, root);
      return root;
    };
  });
  afterAll(() => {
    Element.prototype.attachShadow = original;
  });
}

/** The root attached to `host` while recording (null when none was). */
export function rootOf(host: Element | null | undefined): ShadowRoot | null {
  return (host && roots.get(host)) ?? null;
}
