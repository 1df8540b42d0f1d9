/**
 * Shared builders for the engine tests: opportunities from a few fields, a seeded
 * synthetic win/loss set with one planted driver, and the Salvirt B2B data read with a
 * local `;` split (the CSV importer in lib/crm/csv is tested on its own; these tests
 * must not depend on it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { blankOpportunity, type AttributeValue, type Opportunity } from '../../lib/crm/opportunity';
import { Random } from '../../lib/seeded/random';

export interface OppInit extends Partial<Omit<Opportunity, 'id' | 'attributes'>> {
  attributes?: Record<string, AttributeValue>;
}

/** A closed-won deal when `won` is true, closed-lost when false, open when undefined. */
export function opp(id: string, won: boolean | undefined, init: OppInit = {}): Opportunity {
  const base = blankOpportunity(id, 'csv');
  return {
    ...base,
    isClosed: won !== undefined,
    isWon: won === true,
    ...init,
    attributes: { ...init.attributes },
  };
}

/**
 * Deals whose outcome is driven by one categorical attribute: `segment` Enterprise wins
 * with probability 0.85, SMB with 0.15; `region` and `employees` are noise.
 */
export function drivenDeals(count: number, seed: number, closed = true): Opportunity[] {
  const random = new Random(seed);
  return Array.from({ length: count }, (_, i) => {
    const enterprise = i % 2 === 0;
    const won = random.bernoulli(enterprise ? 0.85 : 0.15);
    return opp(`${closed ? 'c' : 'o'}${seed}-${i}`, closed ? won : undefined, {
      attributes: {
        segment: enterprise ? 'Enterprise' : 'SMB',
        region: random.pick(['North', 'South', 'East', 'West']),
        employees: Math.round(random.uniform(10, 5000)),
      },
    });
  });
}

export const SALVIRT_URL = new URL('../../../shared/data/salvirt-b2b/salvirt_b2b.csv', import.meta.url);
export const SALVIRT_PATH = fileURLToPath(SALVIRT_URL);

/** True when the Salvirt data is there; otherwise says (visibly) which folder is missing, for `describe.skipIf`. */
export function salvirtAvailable(): boolean {
  if (existsSync(SALVIRT_PATH)) return true;
  console.warn(`Skipping the Salvirt real-data tests: ${fileURLToPath(new URL('.', SALVIRT_URL))} is missing (see ../shared/data/README.md).`);
  return false;
}

/** The 448 Salvirt deals as closed opportunities: the 22 columns as attributes, Status as the outcome. */
export function loadSalvirt(): Opportunity[] {
  const lines = readFileSync(SALVIRT_PATH, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  const header = (lines[0] as string).split(';');
  const status = header.indexOf('Status');
  if (status < 0) throw new Error('salvirt_b2b.csv: no Status column');
  return lines.slice(1).map((line, i) => {
    const cells = line.split(';');
    if (cells.length !== header.length) throw new Error(`salvirt_b2b.csv line ${i + 2}: ${cells.length} cells, expected ${header.length}`);
    const outcome = cells[status];
    if (outcome !== 'Won' && outcome !== 'Lost') throw new Error(`salvirt_b2b.csv line ${i + 2}: Status is "${outcome}"`);
    const attributes: Record<string, AttributeValue> = {};
    header.forEach((name, c) => {
      if (c !== status) attributes[name] = cells[c] as string;
    });
    return opp(`salvirt-${i + 1}`, outcome === 'Won', { attributes });
  });
}
