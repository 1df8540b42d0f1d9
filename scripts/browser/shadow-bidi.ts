/**
 * The overlay's closed shadow roots in Firefox, for tests only: ./shadow.ts's
 * `evaluateWithRoots` comes here when the page is driven over WebDriver BiDi (Firefox has no
 * DevTools protocol). The extension still exposes nothing; the door is the protocol's own:
 *
 *   1. `script.callFunction` lists our hosts in the page's window realm, its result
 *      serialized with `includeShadowTree: 'all'` and `maxDomDepth: 1`, so that each host's
 *      node value carries its shadow root, closed ones too, as a node with a `sharedId`
 *      (https://w3c.github.io/webdriver-bidi/#type-script-SerializationOptions,
 *      …/#serialize-as-a-remote-value: a ShadowRoot's `mode` is reported, closed included);
 *   2. a second `script.callFunction` runs the caller's script with `rootOf(host)`, the
 *      hosts and roots passed back as `{ sharedId }` references
 *      (https://w3c.github.io/webdriver-bidi/#type-script-SharedReference).
 *
 * Nothing is kept in the page: no handle is owned (`resultOwnership: 'none'`), the
 * arguments go in and the result comes out as JSON text.
 */
import type { Page } from 'puppeteer';
import { declaration, HOST_SELECTOR, RootScriptError, type RootScript } from './root-script';

/** The slice of puppeteer's BiDi connection used here (public on its BiDi `Browser`, untyped on `Browser`). */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: BidiEvaluateResult }>;
}

interface BidiNode {
  type: string;
  sharedId?: string;
  value?: { shadowRoot?: { sharedId?: string } | null };
}

type BidiEvaluateResult =
  { type: 'success'; result: { type: string; value?: unknown } } | { type: 'exception'; exceptionDetails: { text: string; exception?: { value?: unknown } } };

function bidiOf(page: Page): { connection: BidiConnection; context: string } {
  const connection = (page.browser() as unknown as { connection?: BidiConnection }).connection;
  // The browsing context id of the page's top frame (puppeteer's BiDi frame keeps it as `_id`).
  const context = (page.mainFrame() as unknown as { _id?: string })._id;
  if (!connection || !context) throw new Error('Not a page driven over WebDriver BiDi.');
  return { connection, context };
}

export async function evaluateWithRootsOverBidi<T, A extends unknown[]>(page: Page, script: RootScript<T, A>, ...args: A): Promise<Awaited<T>> {
  const { connection, context } = bidiOf(page);
  const listed = await connection.send('script.callFunction', {
    functionDeclaration: `() => Array.from(document.querySelectorAll(${JSON.stringify(HOST_SELECTOR)}))`,
    target: { context },
    awaitPromise: false,
    resultOwnership: 'none',
    serializationOptions: { maxDomDepth: 1, maxObjectDepth: 1, includeShadowTree: 'all' },
  });
  if (listed.result.type !== 'success') throw new Error(`Could not list the overlay's hosts: ${listed.result.exceptionDetails.text}`);
  const hosts = (listed.result.result.value ?? []) as BidiNode[];
  const pairs = hosts.flatMap((host) => {
    const root = host.value?.shadowRoot?.sharedId;
    return host.sharedId && root ? [{ sharedId: host.sharedId }, { sharedId: root }] : [];
  });
  const called = await connection.send('script.callFunction', {
    // Arguments in and the result out as JSON text: by value, like CDP's `returnByValue`.
    functionDeclaration: `async function (argsJson, ...pairs) {
      const result = await (${declaration(script as RootScript<unknown, unknown[]>)})(JSON.parse(argsJson), ...pairs);
      return result === undefined ? undefined : JSON.stringify(result);
    }`,
    target: { context },
    arguments: [{ type: 'string', value: JSON.stringify(args) }, ...pairs],
    awaitPromise: true,
    resultOwnership: 'none',
  });
  if (called.result.type !== 'success') {
    const { text, exception } = called.result.exceptionDetails;
    throw new RootScriptError(`The script in the page threw: ${text}${exception?.value ? ` (${JSON.stringify(exception.value)})` : ''}`);
  }
  const value = called.result.result;
  return (value.type === 'string' ? JSON.parse(value.value as string) : undefined) as Awaited<T>;
}
