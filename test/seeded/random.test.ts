import { describe, expect, it } from 'vitest';
import { Random } from '../../lib/seeded/random';

const draws = (random: Random, n: number): number[] => Array.from({ length: n }, () => random.nextUint32());

describe('Random', () => {
  it('is xoshiro128** (known answers of the C reference for a given state)', () => {
    // State and outputs from the verification data of edorfaus/xoshiro-6502 (test-rom/testdata.asm),
    // generated with Blackman & Vigna's C reference implementation.
    const random = new Random(0);
    Object.assign(random as unknown as Record<string, number>, { s0: 0x964d4a0c, s1: 0xd40ab895, s2: 0xad7fdecb, s3: 0x3006f0f0 });
    expect(draws(random, 4)).toEqual([0xf1391922, 0x6fe53806, 0xa5be2840, 0xf510ee70]);
  });

  it('gives the same stream for the same seed', () => {
    expect(draws(new Random(42), 100)).toEqual(draws(new Random(42), 100));
  });

  it('gives unrelated streams for different (even neighbouring) seeds', () => {
    const a = draws(new Random(1), 100);
    const b = draws(new Random(2), 100);
    const same = a.filter((v, i) => v === b[i]).length;
    expect(same).toBe(0);
    expect(new Random(0).next()).not.toBe(new Random(1).next());
  });

  it('rejects a seed that is not a finite number', () => {
    expect(() => new Random(Number.NaN)).toThrow('seed must be a finite number, got NaN');
    expect(() => new Random(Infinity)).toThrow('got Infinity');
  });

  it('draws next() uniformly in [0, 1)', () => {
    const random = new Random(3);
    let sum = 0;
    for (let i = 0; i < 10_000; i++) {
      const x = random.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      sum += x;
    }
    // Mean of 10k uniforms: sd 0.0029, so ±0.015 is five sd.
    expect(Math.abs(sum / 10_000 - 0.5)).toBeLessThan(0.015);
  });

  it('draws int(n) in [0, n), every value about equally often', () => {
    const random = new Random(4);
    const counts = new Array<number>(7).fill(0);
    for (let i = 0; i < 7000; i++) {
      const k = random.int(7);
      expect(Number.isInteger(k)).toBe(true);
      counts[k]! += 1;
    }
    expect(counts).toHaveLength(7);
    // Expected 1000 each, sd ≈ 29.
    for (const c of counts) expect(Math.abs(c - 1000)).toBeLessThan(150);
    expect(new Random(5).int(1)).toBe(0);
  });

  it('draws uniform(min, max) inside the range', () => {
    const random = new Random(6);
    for (let i = 0; i < 1000; i++) {
      const x = random.uniform(-3, 5);
      expect(x).toBeGreaterThanOrEqual(-3);
      expect(x).toBeLessThan(5);
    }
  });

  it('draws bernoulli(p) and normal() with the right moments', () => {
    const random = new Random(7);
    let hits = 0;
    for (let i = 0; i < 10_000; i++) if (random.bernoulli(0.3)) hits++;
    expect(Math.abs(hits / 10_000 - 0.3)).toBeLessThan(0.025);
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < 10_000; i++) {
      const z = random.normal(2, 3);
      sum += z;
      squares += z * z;
    }
    const mean = sum / 10_000;
    const sd = Math.sqrt(squares / 10_000 - mean * mean);
    expect(Math.abs(mean - 2)).toBeLessThan(0.15);
    expect(Math.abs(sd - 3)).toBeLessThan(0.15);
    expect(new Random(8).bernoulli(0)).toBe(false);
    expect(new Random(8).bernoulli(1)).toBe(true);
  });

  it('draws logNormal around its median', () => {
    const random = new Random(9);
    const values = Array.from({ length: 5001 }, () => random.logNormal(100, 0.5)).sort((a, b) => a - b);
    expect(values.every((v) => v > 0)).toBe(true);
    expect(Math.abs((values[2500] as number) - 100)).toBeLessThan(5);
  });

  it('shuffles into a permutation, in place and reproducibly', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = new Random(10).shuffle([...items]);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    expect(shuffled).not.toEqual(items);
    expect(new Random(10).shuffle([...items])).toEqual(shuffled);
    const target = [1, 2, 3];
    expect(new Random(11).shuffle(target)).toBe(target);
    expect(new Random(11).shuffle([])).toEqual([]);
  });

  it('shuffles every order of three items about equally often', () => {
    const random = new Random(12);
    const counts = new Map<string, number>();
    for (let i = 0; i < 6000; i++) {
      const key = random.shuffle(['a', 'b', 'c']).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    // Expected 1000 each, sd ≈ 29.
    for (const c of counts.values()) expect(Math.abs(c - 1000)).toBeLessThan(150);
  });

  it('forks independent child streams', () => {
    const parent = new Random(13);
    const child = parent.fork();
    const twin = new Random(13);
    twin.nextUint32(); // fork() consumes exactly one draw of the parent
    // Drawing from the child does not shift the parent.
    draws(child, 10);
    expect(draws(parent, 20)).toEqual(draws(twin, 20));
    // The child's stream is not the parent's.
    const a = new Random(13);
    const b = a.fork();
    expect(draws(b, 20)).not.toEqual(draws(a, 20));
    // Forks are reproducible.
    expect(draws(new Random(13).fork(), 20)).toEqual(draws(new Random(13).fork(), 20));
    // Successive forks differ.
    const p = new Random(14);
    expect(draws(p.fork(), 20)).not.toEqual(draws(p.fork(), 20));
  });

  it('picks weighted items in proportion to their weights', () => {
    const random = new Random(15);
    const counts: Record<string, number> = { a: 0, b: 0, c: 0, d: 0 };
    for (let i = 0; i < 10_000; i++) counts[random.weighted(['a', 'b', 'c', 'd'], [1, 2, 7, 0])]! += 1;
    // Expected 1000 / 2000 / 7000 / 0; sd at most 46.
    expect(Math.abs((counts.a as number) - 1000)).toBeLessThan(200);
    expect(Math.abs((counts.b as number) - 2000)).toBeLessThan(200);
    expect(Math.abs((counts.c as number) - 7000)).toBeLessThan(200);
    expect(counts.d).toBe(0);
  });

  it('treats negative weights as zero', () => {
    const random = new Random(16);
    for (let i = 0; i < 1000; i++) expect(random.weighted(['x', 'y'], [-5, 1])).toBe('y');
  });

  it('rejects empty lists and mismatched weights', () => {
    expect(() => new Random(1).pick([])).toThrow('Random.pick: empty list');
    expect(() => new Random(1).weighted(['a', 'b'], [1])).toThrow('Random.weighted: 2 items for 1 weights');
    expect(() => new Random(1).weighted([], [])).toThrow('Random.weighted: 0 items for 0 weights');
  });

  it('picks every item of a list', () => {
    const random = new Random(17);
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) seen.add(random.pick(['a', 'b', 'c']));
    expect([...seen].sort()).toEqual(['a', 'b', 'c']);
  });
});
