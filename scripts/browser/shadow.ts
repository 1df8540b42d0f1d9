/**
 * The tests' and tools' only door into the overlay's closed shadow roots (panels and chips,
 * components/overlay/run.ts and list-chips.ts). The extension never exposes a root (no
 * global, no expando, no attribute): a CRM page's own scripts must not read the deal names
 * and amounts the panel shows, and `host.shadowRoot` is null in every world of the page.
 * DevTools sees closed roots, so this goes through the Chrome DevTools Protocol, on a CDP
 * session of its own:
 *
 *   1. `Runtime.evaluate` lists our hosts in the page's main world;
 *   2. `DOM.describeNode` on each gives its shadow root's backend node id (a node's
 *      description lists its shadow roots, closed ones too);
 *   3. `DOM.resolveNode` turns that into a JavaScript object in the main world;
 *   4. `Runtime.callFunctionOn` runs the caller's script with `rootOf(host)`, which answers
 *      from those objects, and returns its result by value.
 *
 * The objects are released after each call (their own object group): nothing of a root is
 * left behind in the page. In Firefox (WebDriver BiDi, no DevTools protocol) the same calls go
 * through ./shadow-bidi.ts. Protocol: https://chromedevtools.github.io/devtools-protocol/tot/DOM/#method-describeNode,
 * …/DOM/#method-resolveNode, …/Runtime/#method-callFunctionOn.
 */
import type { CDPSession, Page } from 'puppeteer';
import { declaration, HOST_SELECTOR, RootScriptError, type RootScript } from './root-script';
import { evaluateWithRootsOverBidi } from './shadow-bidi';

export { RootScriptError, type RootOf, type RootScript } from './root-script';

export interface WaitForRootsOptions {
  /** Milliseconds before giving up (default 30,000). */
  timeout?: number;
  /** Milliseconds between two looks (default 100). */
  polling?: number;
}

const sessions = new WeakMap<Page, CDPSession>();
let groups = 0;

async function cdpOf(page: Page): Promise<CDPSession> {
  const known = sessions.get(page);
  if (known && !known.detached) return known;
  const session = await page.createCDPSession();
  sessions.set(page, session);
  return session;
}

/**
 * Runs `script` in the page's main world with `rootOf`, the closed shadow root of each
 * `dealsight-*` host on the page now, and returns its result (by value: JSON-like data).
 */
export async function evaluateWithRoots<T, A extends unknown[] = []>(page: Page, script: RootScript<T, A>, ...args: A): Promise<Awaited<T>> {
  // `protocol` is internal in puppeteer's types, public at run time.
  if ((page.browser() as unknown as { protocol?: string }).protocol === 'webDriverBiDi') return evaluateWithRootsOverBidi(page, script, ...args);
  const cdp = await cdpOf(page);
  const objectGroup = `dealsight-closed-roots-${++groups}`;
  try {
    const listed = await cdp.send('Runtime.evaluate', {
      expression: `Array.from(document.querySelectorAll(${JSON.stringify(HOST_SELECTOR)}))`,
      objectGroup,
    });
    if (listed.exceptionDetails || !listed.result.objectId)
      throw new Error(`Could not list the overlay's hosts: ${listed.exceptionDetails?.text ?? 'no array'}`);
    const list = listed.result.objectId;
    const { result: properties } = await cdp.send('Runtime.getProperties', { objectId: list, ownProperties: true });
    const hosts = properties.filter((p) => /^\d+$/.test(p.name) && p.value?.objectId).map((p) => p.value!.objectId!);
    const pairs = await Promise.all(
      hosts.map(async (host): Promise<string[]> => {
        const { node } = await cdp.send('DOM.describeNode', { objectId: host });
        const root = node.shadowRoots?.[0];
        if (!root) return [];
        const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: root.backendNodeId, objectGroup });
        return object.objectId ? [host, object.objectId] : [];
      }),
    );
    const called = await cdp.send('Runtime.callFunctionOn', {
      functionDeclaration: declaration(script as RootScript<unknown, unknown[]>),
      objectId: list,
      arguments: [{ value: args }, ...pairs.flat().map((objectId) => ({ objectId }))],
      returnByValue: true,
      awaitPromise: true,
      objectGroup,
    });
    if (called.exceptionDetails) {
      const { exception, text } = called.exceptionDetails;
      throw new RootScriptError(`The script in the page threw: ${exception?.description ?? text}`);
    }
    return called.result.value as Awaited<T>;
  } finally {
    if (!cdp.detached) await cdp.send('Runtime.releaseObjectGroup', { objectGroup }).catch(() => undefined);
  }
}

/**
 * Looks with `script` (as `evaluateWithRoots`) every `polling` ms until it returns a truthy
 * value, and returns that value. A look that fails because the page is navigating counts as
 * "not yet"; an exception thrown by the script ends the wait. Fails after `timeout` ms.
 */
export async function waitForRoots<T, A extends unknown[] = []>(
  page: Page,
  script: RootScript<T, A>,
  options: WaitForRootsOptions = {},
  ...args: A
): Promise<NonNullable<Awaited<T>>> {
  const timeout = options.timeout ?? 30_000;
  const polling = options.polling ?? 100;
  const deadline = Date.now() + timeout;
  let last: unknown = undefined;
  for (;;) {
    try {
      const value = await evaluateWithRoots(page, script, ...args);
      if (value) return value as NonNullable<Awaited<T>>;
      last = value;
    } catch (error) {
      if (error instanceof RootScriptError || page.isClosed()) throw error;
      // A navigation under way (its context or nodes went away): look again.
      last = error instanceof Error ? error.message : error;
    }
    if (Date.now() >= deadline) {
      const what = typeof script === 'string' ? script : script.toString();
      throw new Error(`Waited ${timeout} ms for ${what.replace(/\s+/g, ' ').slice(0, 200)}: last ${JSON.stringify(last)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, polling));
  }
}

/** The `data-overlay-state` of the page's first panel, or null when there is none (yet). */
export function panelState(page: Page): Promise<string | null> {
  return evaluateWithRoots(
    page,
    `rootOf(document.querySelector('dealsight-panel'))?.querySelector('[data-overlay-state]')?.getAttribute('data-overlay-state') ?? null`,
  ) as Promise<string | null>;
}

/** The text of the page's first panel ('' when there is none). */
export function panelText(page: Page): Promise<string> {
  return evaluateWithRoots(page, `rootOf(document.querySelector('dealsight-panel'))?.textContent ?? ''`) as Promise<string>;
}
