import type { Random } from '../seeded/random';
import { COMPANY_PREFIXES, COMPANY_SUFFIXES, COMPANY_WORDS, NAME_POOLS, type CountryInfo, type IndustryInfo, type NamePoolKey } from './catalog';

/**
 * Names of people and companies. People's names come from the pools of their country;
 * company names combine a brand, an industry noun and the country's legal form. Account
 * and user names are unique within an org, as in a CRM where duplicates get merged (and
 * because a report export identifies owners by name); contacts' names may repeat.
 */

export interface PersonName {
  firstName: string;
  lastName: string;
  name: string;
}

/** Name pools with weights, as a country or a sales territory mixes them. */
export type PoolMix = readonly (readonly [NamePoolKey, number])[];

export function pickPool(rng: Random, mix: PoolMix): NamePoolKey {
  return rng.weighted(
    mix.map(([pool]) => pool),
    mix.map(([, weight]) => weight),
  );
}

/** A name from one pool; the caller decides whether it must be unique. */
export function personName(rng: Random, pool: NamePoolKey): PersonName {
  const names = NAME_POOLS[pool];
  const firstName = rng.pick(names.first);
  const lastName = rng.pick(names.last);
  return { firstName, lastName, name: `${firstName} ${lastName}` };
}

/** A person's name not yet in `taken`, which it then joins. */
export function uniquePersonName(rng: Random, mix: PoolMix, taken: Set<string>): PersonName {
  for (let attempt = 0; attempt < 200; attempt++) {
    const candidate = personName(rng, pickPool(rng, mix));
    if (!taken.has(candidate.name)) {
      taken.add(candidate.name);
      return candidate;
    }
  }
  throw new Error('Ran out of distinct person names: the name pools are too small for this org');
}

/**
 * Company names: a brand ("Meridian", "Silverbrook", a founder's surname), an industry
 * noun ("Health System"), and often the country's legal form ("GmbH"). Retries until it
 * finds a name not yet used, then widens the space with a qualifier ("Holdings").
 */
export class CompanyNamer {
  private readonly taken = new Set<string>();

  constructor(private readonly rng: Random) {}

  name(industry: IndustryInfo, country: CountryInfo): string {
    for (let attempt = 0; attempt < 12; attempt++) {
      const candidate = this.compose(industry, country, attempt >= 6);
      if (!this.taken.has(candidate)) return this.claim(candidate);
    }
    // The space is large, but a 50,000-deal org can exhaust one industry in one country.
    for (let n = 2; ; n++) {
      const candidate = `${this.compose(industry, country, true)} ${romanNumeral(n)}`;
      if (!this.taken.has(candidate)) return this.claim(candidate);
    }
  }

  /** Claims a name made elsewhere (a subsidiary's); false when it is already taken. */
  tryClaim(name: string): boolean {
    if (this.taken.has(name)) return false;
    this.taken.add(name);
    return true;
  }

  private claim(name: string): string {
    this.taken.add(name);
    return name;
  }

  private compose(industry: IndustryInfo, country: CountryInfo, wide: boolean): string {
    const rng = this.rng;
    const brand = this.brand(country);
    const noun = rng.pick(industry.nouns);
    const core = wide ? `${brand} ${noun} ${rng.pick(WIDE_QUALIFIERS)}` : `${brand} ${noun}`;
    return rng.bernoulli(0.65) ? `${core} ${rng.pick(country.legalSuffixes)}` : core;
  }

  private brand(country: CountryInfo): string {
    const rng = this.rng;
    const roll = rng.next();
    if (roll < 0.4) return rng.pick(COMPANY_WORDS);
    if (roll < 0.75) return `${rng.pick(COMPANY_PREFIXES)}${rng.pick(COMPANY_SUFFIXES)}`;
    const surnames = NAME_POOLS[pickPool(rng, country.names)].last;
    if (roll < 0.92) return rng.pick(surnames);
    const first = rng.pick(surnames);
    let second = rng.pick(surnames);
    if (second === first) second = rng.pick(NAME_POOLS.anglo.last);
    return `${first} & ${second}`;
  }
}

/** Words that make a taken name distinct the way real companies do ("… Holdings"). */
const WIDE_QUALIFIERS = ['Group', 'Holdings', 'International', 'Solutions', 'Worldwide', 'Partners'];

function romanNumeral(n: number): string {
  const numerals: [number, string][] = [
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let rest = n;
  let text = '';
  for (const [value, symbol] of numerals) {
    while (rest >= value) {
      text += symbol;
      rest -= value;
    }
  }
  return text;
}

/** Lower-case ASCII for e-mail addresses: "Müller" → "muller", "O'Brien" → "obrien". */
export function emailSlug(text: string): string {
  // Most names are plain ASCII; Unicode normalization is the slow part, so skip it there.
  const decomposed = /^[\x20-\x7e]*$/.test(text) ? text : text.normalize('NFD');
  return decomposed
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}
