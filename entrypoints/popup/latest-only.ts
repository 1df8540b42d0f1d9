/**
 * Runs `write` for each value, one write at a time, the latest value winning: a value given
 * while a write waits for its turn replaces that write's value, so at most one write runs
 * and one waits. Each call resolves (or rejects) with the write that carries its value.
 */
export function latestOnly<T>(write: (value: T) => Promise<void>): (value: T) => Promise<void> {
  let latest: T;
  let waiting = false;
  let chain: Promise<void> = Promise.resolve();
  return (value) => {
    latest = value;
    if (waiting) return chain;
    waiting = true;
    chain = chain
      .catch(() => undefined)
      .then(() => {
        waiting = false;
        return write(latest);
      });
    return chain;
  };
}
