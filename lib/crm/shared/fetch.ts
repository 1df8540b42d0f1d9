/**
 * The `fetch` the connectors are handed: the background's own, or a test's fake. Called
 * detached (a browser's fetch throws "Illegal invocation" when `this` is not the global).
 */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;
