/**
 * A stall timer: calls `onStall` once when `kick` has not been called for `ms`. The job
 * runner kicks it at every progress report and the queue at every report it receives, so
 * a job that stops moving (a file that sends a parser into a hang, a worker that stopped
 * answering, a server that never replies) fails with a message and the queue moves on
 * (issue 14, "a job watchdog"), instead of blocking every sync and training behind it.
 *
 * One timer, re-armed only when it fires: a kick costs a clock read, not a clearTimeout
 * and setTimeout pair (progress arrives many times a second).
 */
import { englishOf } from '../i18n/ref';
import { durationText } from './text';

/**
 * How long a job may go without any progress before the runner stops it. Every step
 * reports within it on a machine far slower than needed (training reports each tree, a
 * sync each page, and a CRM's rate-limit wait is capped well below it); the slowest
 * quiet stretches measured are the persona clustering and a large file's parse, both well
 * under a minute on 100,000 deals (npm run bench).
 */
export const STALL_MS = 5 * 60_000;

export interface WatchdogClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const REAL_CLOCK: WatchdogClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class Watchdog {
  private last: number;
  private handle: unknown = null;
  private fired = false;

  constructor(
    private readonly ms: number,
    private readonly onStall: (quietMs: number) => void,
    private readonly clock: WatchdogClock = REAL_CLOCK,
  ) {
    if (!(ms > 0)) throw new RangeError(`a watchdog needs a positive bound, not ${ms} ms`);
    this.last = clock.now();
    this.arm(ms);
  }

  /** Something moved: the quiet time starts again. */
  kick(): void {
    this.last = this.clock.now();
  }

  /** True once it fired. */
  get stalled(): boolean {
    return this.fired;
  }

  stop(): void {
    if (this.handle !== null) this.clock.clearTimeout(this.handle);
    this.handle = null;
  }

  private arm(ms: number): void {
    this.handle = this.clock.setTimeout(() => this.check(), ms);
  }

  private check(): void {
    this.handle = null;
    const quiet = this.clock.now() - this.last;
    if (quiet < this.ms) {
      this.arm(this.ms - quiet);
      return;
    }
    this.fired = true;
    this.onStall(quiet);
  }
}

/** "5 minutes", "90 seconds": a bound in the English words a job's error uses (lib/jobs/text.ts has the message). */
export function describeDuration(ms: number): string {
  return englishOf(durationText(ms));
}
