/**
 * Time that moves only when told, for tests that measure waits: a client's `sleep` returns
 * at once, recording the wait and moving the time on, so a test sees every wait exactly
 * and never waits. Hand `now` to a sandbox server (HubSpot's `now` option) and to the
 * client, and both agree on when things happened.
 */
export class ManualClock {
  /** Epoch milliseconds. */
  time: number;
  /** Every wait asked of `sleep`, in order. */
  readonly sleeps: number[] = [];

  constructor(start = 0) {
    this.time = start;
  }

  readonly now = (): number => this.time;

  readonly sleep = async (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    this.time += ms;
  };

  /** Moves the time on without a recorded wait (the time a request took, say). */
  advance(ms: number): void {
    this.time += ms;
  }
}
