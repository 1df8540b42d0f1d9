/** The pipeline's stage order, learnt from probabilities and stage histories, and the popup's Stage sort that uses it. */
import { describe, expect, it } from 'vitest';
import { buildIndex, sortOrder, stageOrder } from '../../lib/pipeline';
import type { Opportunity } from '../../lib/crm/opportunity';
import { row } from './fixtures';

type Deal = Pick<Opportunity, 'stage' | 'probability' | 'stageHistory'>;
const deal = (stage: string | null, probability: number | null, history: string[] = []): Deal => ({
  stage,
  probability,
  stageHistory: history.map((s, i) => ({ stage: s, enteredAt: `2026-01-${String(i + 1).padStart(2, '0')}` })),
});

describe('stageOrder', () => {
  it('orders stages by their median CRM probability, not by name', () => {
    const order = stageOrder([deal('Negotiation', 0.8), deal('Negotiation', 0.9), deal('Prospecting', 0.1), deal('Qualification', 0.2), deal('Closed Won', 1)]);
    expect([...order.entries()]).toEqual([
      ['Prospecting', 0],
      ['Qualification', 1],
      ['Negotiation', 2],
      ['Closed Won', 3],
    ]);
  });

  it('falls back to where stage histories enter each stage when deals carry no probability', () => {
    const order = stageOrder([deal('Demo', null, ['Intro', 'Demo']), deal('Contract', null, ['Intro', 'Demo', 'Contract']), deal('Intro', null, ['Intro'])]);
    expect([...order.keys()]).toEqual(['Intro', 'Demo', 'Contract']);
  });

  it('puts stages known only by history after those with probabilities, and ties by name', () => {
    const order = stageOrder([deal('B', 0.5), deal('A', 0.5), deal('Z', null, ['Z', 'Y']), deal(null, 0.3)]);
    expect([...order.keys()]).toEqual(['A', 'B', 'Z', 'Y']);
  });
});

describe('the Stage column sort', () => {
  it('follows the pipeline when every staged row has a rank, and the names otherwise', () => {
    const ranked = [
      row({ id: 'a', stage: 'Negotiation', stageRank: 2 }),
      row({ id: 'b', stage: 'Prospecting', stageRank: 0 }),
      row({ id: 'c', stage: null }),
      row({ id: 'd', stage: 'Qualification', stageRank: 1 }),
    ];
    const order = (rows: typeof ranked, direction: 'asc' | 'desc') => [...sortOrder(buildIndex(rows), { column: 'stage', direction })].map((i) => rows[i]?.id);
    expect(order(ranked, 'asc')).toEqual(['b', 'd', 'a', 'c']);
    expect(order(ranked, 'desc')).toEqual(['a', 'd', 'b', 'c']);
    // A row scored before ranks existed: every row sorts by name.
    const mixed = ranked.map((r) => (r.id === 'a' ? { ...r, stageRank: undefined } : r));
    expect(order(mixed, 'asc')).toEqual(['a', 'b', 'd', 'c']);
  });
});
