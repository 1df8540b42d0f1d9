import { describe, expect, it } from 'vitest';
import { latestOnly } from '../../entrypoints/popup/latest-only';

describe('latestOnly', () => {
  it('writes one value at a time, skipping values superseded before their write began, and always the last', async () => {
    const written: number[] = [];
    const releases: Array<() => void> = [];
    const save = latestOnly(async (n: number) => {
      written.push(n);
      await new Promise<void>((resolve) => releases.push(resolve));
    });
    const tick = () => new Promise((r) => setTimeout(r, 0));
    // Three changes in one moment: one write, of the last.
    const first = [save(1), save(2), save(3)];
    await tick();
    expect(written).toEqual([3]);
    // Two more while it runs: they wait for it, then one write of the last.
    const second = [save(4), save(5)];
    await tick();
    expect(written).toEqual([3]);
    releases.shift()?.();
    await Promise.all(first);
    await tick();
    expect(written).toEqual([3, 5]);
    releases.shift()?.();
    await Promise.all(second);
    expect(written).toEqual([3, 5]);
  });

  it('goes on after a failed write, and the caller of that write learns of it', async () => {
    const written: number[] = [];
    const save = latestOnly(async (n: number) => {
      written.push(n);
      if (n === 1) throw new Error('disk full');
    });
    await expect(save(1)).rejects.toThrow('disk full');
    await save(2);
    expect(written).toEqual([1, 2]);
  });
});
