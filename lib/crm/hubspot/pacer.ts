/**
 * Keeps a kind of request under a rate by itself: at most `limit` starts in any window of
 * `intervalMs` (a sliding log, exact for the handful of requests a window holds). HubSpot's
 * search endpoints allow 5 requests a second per portal and send no rate-limit headers, so
 * the client paces them at 4 a second, leaving room for another tab of the same portal.
 * The clock and the wait are injected so tests see exact times.
 */
export interface PacerOptions {
  limit: number;
  intervalMs: number;
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export class Pacer {
  private readonly starts: number[] = [];

  constructor(private readonly options: PacerOptions) {
    if (!Number.isInteger(options.limit) || options.limit < 1) throw new RangeError(`Pacer: limit must be a whole number above 0, not ${options.limit}`);
    if (!(options.intervalMs > 0)) throw new RangeError(`Pacer: intervalMs must be above 0, not ${options.intervalMs}`);
  }

  /** Resolves when one more request may start now, and counts it as started. */
  async take(signal?: AbortSignal): Promise<void> {
    const { limit, intervalMs, now, sleep } = this.options;
    for (;;) {
      const t = now();
      while (this.starts.length > 0 && (this.starts[0] as number) <= t - intervalMs) this.starts.shift();
      if (this.starts.length < limit) {
        this.starts.push(t);
        return;
      }
      await sleep((this.starts[0] as number) + intervalMs - t, signal);
    }
  }
}
