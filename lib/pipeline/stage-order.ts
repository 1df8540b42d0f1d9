/**
 * The order of a pipeline's stages, learnt from the deals themselves, so the popup sorts
 * its Stage column the way the pipeline runs ("Prospecting" before "Negotiation"), not
 * alphabetically. A CSV export, a Salesforce org and a HubSpot portal all carry the same
 * two clues: the CRM's probability of each stage (it rises along the pipeline), and the
 * order deals went through stages (their stage history).
 *
 * A stage's key is the median probability of the deals in it (where at least half of them
 * say one), else the mean relative position at which histories entered it; stages with
 * probabilities come in probability order, the rest by position, and ties by label.
 */
import type { Opportunity } from '../crm/opportunity';

interface Clues {
  probabilities: number[];
  positions: number[];
  deals: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const mean = (values: number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length;

/** Stage label → its rank along the pipeline (0 first); stages no deal is in are absent. */
export function stageOrder(opportunities: readonly Pick<Opportunity, 'stage' | 'probability' | 'stageHistory'>[]): Map<string, number> {
  const clues = new Map<string, Clues>();
  const get = (stage: string): Clues => {
    let c = clues.get(stage);
    if (!c) clues.set(stage, (c = { probabilities: [], positions: [], deals: 0 }));
    return c;
  };
  for (const o of opportunities) {
    if (o.stage !== null && o.stage !== '') {
      const c = get(o.stage);
      c.deals++;
      if (o.probability !== null && Number.isFinite(o.probability)) c.probabilities.push(o.probability);
    }
    const history = o.stageHistory;
    if (history.length > 1) history.forEach((change, i) => get(change.stage).positions.push(i / (history.length - 1)));
  }
  const keyed = [...clues.entries()]
    .filter(([, c]) => c.deals > 0 || c.positions.length > 0)
    .map(([stage, c]) => ({
      stage,
      probability: c.probabilities.length > 0 && c.probabilities.length * 2 >= c.deals ? median(c.probabilities) : null,
      position: c.positions.length > 0 ? mean(c.positions) : null,
    }));
  keyed.sort((a, b) => {
    if (a.probability !== null && b.probability !== null && a.probability !== b.probability) return a.probability - b.probability;
    if (a.position !== null && b.position !== null && a.position !== b.position) return a.position - b.position;
    if ((a.probability === null) !== (b.probability === null)) return a.probability === null ? 1 : -1;
    return a.stage < b.stage ? -1 : a.stage > b.stage ? 1 : 0;
  });
  return new Map(keyed.map((k, i) => [k.stage, i]));
}
