import { describe, expect, it } from 'vitest';
import { Random as EngineRandom } from '../../lib/engine/random';
import { Random } from '../../lib/persona-card/random';

/**
 * The card's generator is a copy of the engine's (so the overlay pulls no engine code); a
 * card drawn before the copy existed must draw the same now, so both streams must agree.
 */
describe('the persona card’s Random', () => {
  it('draws exactly what lib/engine/random.ts draws, method by method', () => {
    for (const seed of [0, 1, 7, 4294967295, 123456789.9, -3]) {
      const card = new Random(seed);
      const engine = new EngineRandom(seed);
      const items = ['a', 'b', 'c', 'd', 'e'];
      const weights = [1, 0, 3, 0.5, 2];
      for (let i = 0; i < 200; i++) {
        expect(card.nextUint32()).toBe(engine.nextUint32());
        expect(card.next()).toBe(engine.next());
        expect(card.int(17)).toBe(engine.int(17));
        expect(card.bernoulli(0.3)).toBe(engine.bernoulli(0.3));
        expect(card.pick(items)).toBe(engine.pick(items));
        expect(card.weighted(items, weights)).toBe(engine.weighted(items, weights));
      }
      const [childCard, childEngine] = [card.fork(), engine.fork()];
      for (let i = 0; i < 20; i++) expect(childCard.nextUint32()).toBe(childEngine.nextUint32());
    }
  });

  it('refuses what the engine’s refuses', () => {
    expect(() => new Random(Number.NaN)).toThrow('Random: seed must be a finite number, got NaN');
    expect(() => new Random(1).pick([])).toThrow('Random.pick: empty list');
    expect(() => new Random(1).weighted(['a'], [])).toThrow('Random.weighted: 1 items for 0 weights');
  });
});
