/**
 * How deal sizes scale. Amounts follow the product's list price and the buyer's head
 * count, and the win-probability function judges a deal's price against the same
 * expectation, so both live here.
 */

/** Head count at which a deal costs the product's list price. */
const REFERENCE_EMPLOYEES = 500;
/** Seats grow sub-linearly with head count: volume discounts and partial roll-outs. */
const SIZE_ELASTICITY = 0.45;
const MIN_SIZE_FACTOR = 0.3;
const MAX_SIZE_FACTOR = 5;

/** Multiplier on list price for a company of `employees`; 1 when the head count is unknown. */
export function sizeFactor(employees: number | null): number {
  if (employees === null || !(employees > 0)) return 1;
  const f = (employees / REFERENCE_EMPLOYEES) ** SIZE_ELASTICITY;
  return Math.min(MAX_SIZE_FACTOR, Math.max(MIN_SIZE_FACTOR, f));
}

/** The typical first-year amount of `listPrice` for a company of `employees`. */
export function expectedAmount(listPrice: number, employees: number | null): number {
  return listPrice * sizeFactor(employees);
}

/**
 * Rounds an amount the way quotes come out: to a step that grows with the amount, so a
 * 7,340 deal and a 212,500 deal both look typed by a person.
 */
export function roundAmount(amount: number, unit: number): number {
  const usd = amount / unit;
  const stepUsd = usd < 5_000 ? 10 : usd < 50_000 ? 50 : usd < 500_000 ? 100 : 500;
  const step = niceStep(stepUsd * unit);
  return Math.max(step, Math.round(amount / step) * step);
}

/** The 1-2-5 step at or below `raw`, at least 1, so steps stay round in any currency. */
function niceStep(raw: number): number {
  if (raw <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const lead = raw / power;
  return (lead >= 5 ? 5 : lead >= 2 ? 2 : 1) * power;
}
