/**
 * What ./shadow.ts (Chromium, DevTools protocol) and ./shadow-bidi.ts (Firefox, WebDriver
 * BiDi) share: the caller's script, the hosts it is given the roots of, and the function
 * sent to the page that builds `rootOf` from (host, root) pairs before calling the script.
 */
import { HOSTS } from '../../components/overlay/hosts';

/** A host's shadow root (null for no element, or one that is not one of our hosts). */
export type RootOf = (host: Element | null | undefined) => ShadowRoot | null;

/**
 * What runs in the page: a function called with `rootOf` and the given arguments (write it
 * as plain JavaScript would run: it is sent as its source), or an expression in which
 * `rootOf` is in scope.
 */
export type RootScript<T, A extends unknown[]> = string | ((rootOf: RootOf, ...args: A) => T);

/** Every overlay host element (panels, chips). */
export const HOST_SELECTOR = Object.values(HOSTS).join(', ');

/** The function sent to the page: `(args, host, root, host, root, …)` → the caller's script's result. */
export function declaration(script: RootScript<unknown, unknown[]>): string {
  const source = typeof script === 'string' ? `function (rootOf) { return (${script}); }` : script.toString();
  // `__name`: the helper tsx (esbuild's keepNames) wraps named functions in; it does not exist in the page.
  return `async function (args, ...pairs) {
    const __name = (f) => f;
    const roots = new Map();
    for (let i = 0; i + 1 < pairs.length; i += 2) roots.set(pairs[i], pairs[i + 1]);
    const rootOf = (host) => roots.get(host) ?? null;
    return await (${source})(rootOf, ...args);
  }`;
}

/** An exception the script threw in the page (not a protocol failure such as a navigation under way). */
export class RootScriptError extends Error {}
