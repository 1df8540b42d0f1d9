/**
 * Pipeline rows for tests and benchmarks: `row()` for worked examples, `syntheticRows()`
 * for many deterministic rows shaped like a real pipeline (empty values included).
 */
import type { PipelineRow } from '../../lib/panel-data';

export function row(overrides: Partial<PipelineRow> & { id: string }): PipelineRow {
  return {
    connectionId: 'c1',
    name: `Deal ${overrides.id}`,
    accountName: null,
    amount: null,
    currency: 'USD',
    stage: null,
    closeDate: null,
    type: null,
    forecastCategory: null,
    territory: null,
    owner: null,
    ownerManager: null,
    repeatBuyerPotential: null,
    personaId: null,
    personaName: null,
    winPotential: null,
    winBand: null,
    predictedClose: null,
    slip: false,
    predictedAmount: null,
    crmUrl: null,
    ...overrides,
  };
}

/** A small seeded generator (mulberry32), so every run makes the same rows. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ACCOUNTS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Zoë Café', 'Müller GmbH', 'Soylent', 'Stark', 'Wayne'];
const STAGES = ['Prospecting', 'Qualification', 'Needs Analysis', 'Proposal', 'Negotiation'];
const TYPES = ['new customer', 'upsell', 'renewal', 'cross-sell'];
const CATEGORIES = ['Pipeline', 'Best Case', 'Commit', 'Omitted'];
const TERRITORIES = ['NA East', 'NA West', 'EMEA', 'APAC'];
const MANAGERS = ['Dana Whitfield', 'Luis Ortega', 'Mei Tanaka'];
const OWNERS = Array.from({ length: 24 }, (_, i) => `Rep ${String(i + 1).padStart(2, '0')}`);

const isoDay = (day: number): string => new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);

export function syntheticRows(count: number, seed = 1): PipelineRow[] {
  const rand = random(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(rand() * values.length)] as T;
  const rows: PipelineRow[] = [];
  for (let i = 0; i < count; i++) {
    const owner = pick(OWNERS);
    const ownerIndex = OWNERS.indexOf(owner);
    const win = rand() < 0.05 ? null : Math.round(rand() * 1000) / 1000;
    const close = Math.floor(rand() * 365);
    const predicted = close + Math.floor(rand() * 90) - 20;
    const account = `${pick(ACCOUNTS)} ${Math.floor(rand() * 500)}`;
    rows.push(
      row({
        id: `opp-${i}`,
        name: `${account} – ${pick(STAGES)} expansion ${i}`,
        accountName: account,
        amount: rand() < 0.03 ? null : Math.round(rand() * 500) * 500,
        stage: pick(STAGES),
        closeDate: isoDay(close),
        type: pick(TYPES),
        forecastCategory: pick(CATEGORIES),
        territory: pick(TERRITORIES),
        owner,
        ownerManager: MANAGERS[ownerIndex % MANAGERS.length] as string,
        repeatBuyerPotential: rand() < 0.1 ? null : Math.round(rand() * 1000) / 10,
        winPotential: win,
        winBand: win === null ? null : win > 0.6 ? 'high' : win > 0.3 ? 'medium' : 'low',
        predictedClose: isoDay(predicted),
        slip: predicted > close + 30,
        predictedAmount: Math.round(rand() * 500) * 500,
      }),
    );
  }
  return rows;
}
