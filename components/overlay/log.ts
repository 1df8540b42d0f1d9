/**
 * The overlay never throws into the page: failures are logged once each, with a prefix,
 * so a broken selector on a busy list view does not flood the console.
 */
const PREFIX = '[Dealsight]';
const seen = new Set<string>();

export function logOnce(where: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  const key = `${where}: ${message}`;
  if (seen.has(key)) return;
  seen.add(key);
  console.warn(PREFIX, key);
}

/** Runs `fn`; on a throw, logs it once and returns `fallback`. */
export function guard<T>(where: string, fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch (error) {
    logOnce(where, error);
    return fallback;
  }
}

/** For tests. */
export function resetLog(): void {
  seen.clear();
}
