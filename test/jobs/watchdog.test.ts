/**
 * The stall timer behind the job watchdog (lib/jobs/watchdog.ts) on a hand-driven clock:
 * it fires once after the bound of quiet, a kick starts the quiet again, stop silences it.
 */
import { describe, expect, it } from 'vitest';
import { describeDuration, Watchdog, type WatchdogClock } from '../../lib/jobs/watchdog';

function manualClock() {
  let now = 0;
  let timers: Array<{ at: number; fn: () => void; id: number }> = [];
  let next = 1;
  const clock: WatchdogClock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = next++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout: (id) => {
      timers = timers.filter((t) => t.id !== id);
    },
  };
  /** Moves time on, running the timers that come due, in order. */
  const advance = (ms: number): void => {
    const end = now + ms;
    for (;;) {
      const due = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      timers = timers.filter((t) => t !== due);
      now = due.at;
      due.fn();
    }
    now = end;
  };
  return { clock, advance, pending: () => timers.length };
}

describe('Watchdog', () => {
  it('fires once the bound passes without a kick, with the quiet time', () => {
    const { clock, advance } = manualClock();
    const fired: number[] = [];
    const dog = new Watchdog(1_000, (quiet) => fired.push(quiet), clock);
    advance(999);
    expect(fired).toEqual([]);
    expect(dog.stalled).toBe(false);
    advance(1);
    expect(fired).toEqual([1_000]);
    expect(dog.stalled).toBe(true);
    advance(10_000);
    expect(fired).toEqual([1_000]);
  });

  it('counts the quiet from the last kick', () => {
    const { clock, advance } = manualClock();
    const fired: number[] = [];
    const dog = new Watchdog(1_000, (quiet) => fired.push(quiet), clock);
    for (let i = 0; i < 20; i++) {
      advance(600);
      dog.kick();
    }
    expect(fired).toEqual([]);
    advance(999);
    expect(fired).toEqual([]);
    advance(1);
    expect(fired).toEqual([1_000]);
  });

  it('keeps one timer however often it is kicked, and none once stopped', () => {
    const { clock, advance, pending } = manualClock();
    const fired: number[] = [];
    const dog = new Watchdog(1_000, (quiet) => fired.push(quiet), clock);
    for (let i = 0; i < 100; i++) dog.kick();
    expect(pending()).toBe(1);
    dog.stop();
    expect(pending()).toBe(0);
    advance(5_000);
    expect(fired).toEqual([]);
  });

  it('refuses a bound that is not positive', () => {
    expect(() => new Watchdog(0, () => undefined)).toThrow('a watchdog needs a positive bound, not 0 ms');
    expect(() => new Watchdog(Number.NaN, () => undefined)).toThrow(RangeError);
  });

  it('says a bound in words', () => {
    expect(describeDuration(300_000)).toBe('5 minutes');
    expect(describeDuration(60_000)).toBe('1 minute');
    expect(describeDuration(90_000)).toBe('90 seconds');
    expect(describeDuration(1_000)).toBe('1 second');
    expect(describeDuration(400.4)).toBe('400 ms');
  });
});
