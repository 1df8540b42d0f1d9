import { describe, expect, it } from 'vitest';
import { discoverPersonas, type UnnamedPersona } from '../../lib/engine/personas';
import type { PersonaAttribute } from '../../lib/engine/personas/describe';
import { personaCard } from '../../lib/persona-card';
import { namePersona, namePersonas, personaHints } from '../../lib/persona-card/name';
import { generateSandbox } from '../../lib/sandbox/generate';

const attribute = (key: string, kind: PersonaAttribute['kind'], values: string[]): PersonaAttribute => ({
  key,
  label: key,
  kind,
  value: values.join(' or '),
  values,
  range: null,
  near: null,
  share: 0.5,
  baseShare: 0.1,
  lift: 5,
  importance: 0.8,
  weight: 1,
});

describe('personaHints', () => {
  it('takes the first value of the industry, buyer title and country category attributes', () => {
    const persona = {
      attributes: [
        attribute('industry', 'category', ['Healthcare', 'Retail']),
        attribute('buyerTitle', 'category', ['VP Operations']),
        attribute('employees', 'range', ['1001', '5000']),
      ],
    };
    expect(personaHints(persona)).toEqual({ industry: 'Healthcare', buyerTitle: 'VP Operations', country: null });
  });
});

describe('namePersonas', () => {
  // The names of the sandbox's personas as of the generator with stage paths walked step by
  // step (issue 18): pinned so a change of the naming shows; the names follow the data.
  it('names the sandbox personas exactly as the engine did before naming left it (issue 11)', () => {
    const org = generateSandbox({ seed: 7, opportunities: 4000 });
    const model = namePersonas(discoverPersonas(org.opportunities, { seed: 1 }));
    const all = [...(model.org?.personas ?? []), ...model.teams.flatMap((g) => g.personas)];
    expect(all.map((p) => [p.id, p.name, p.company])).toEqual([
      ['persona-ysevp6e1cz', 'Lotte Smit', 'Brightwater Lines'],
      ['persona-2f3bp4ord4u', 'Daiki Nakamura', 'Havenwood Life Sciences'],
      ['persona-1v4kltv87v0', 'Gal Cohen', 'Sextant Goods'],
      ['persona-yzkbisosf1', 'Obiageli Anyanwu', 'Fairhaven Wealth Partners'],
      ['persona-1wx5yhx9yvw', 'Danielle Banks', 'Redmere Supply Co.'],
      ['persona-1ggbh9xjprt', 'Stavros Oikonomou', 'Tamarack Brook Logistics'],
      ['persona-27evf15wnr4', 'Jae-won Kang', 'Juniper Crest Pharma'],
      ['persona-1cgyowamije', 'Haruto Nakamura', 'Rowan Crest Biologics'],
      ['persona-2286s6ep93y', 'Hiroshi Suzuki', 'Silverbrook Biosciences'],
      ['persona-16edkcs3ama', 'Danielle Bishop', 'Bellwether Capital Partners'],
      ['persona-x48qtsek3i', 'Ramesh Rao', 'Osprey Crest Software'],
      ['persona-1lhnpfyvhm3', 'Danielle Whitfield', 'Parallax Supply Co.'],
      ['persona-12vcw24p8x', 'Hiwot Desta', 'Halcyon Lines'],
      ['persona-175rq4afc7f', 'Sana Sheikh', 'Maple Glen Outfitters'],
      ['persona-oagtk4ntdn', 'Chiamaka Nwosu', 'Glenmoor Wealth Partners'],
      ['persona-1d9r23u1k51', 'Franziska Wagner', 'Ironbark Bio'],
      ['persona-15apuyyr1wg', 'Marloes Bakker', 'Thornfield Logistics'],
      ['persona-2diuw7btetf', 'Mikias Tadesse', 'Saltmarsh Harbor Trust'],
    ]);
    // The stored shape: name and company right after id, level and team, the rest unchanged.
    const first = model.org?.personas[0] as (typeof all)[number];
    expect(Object.keys(first).slice(0, 6)).toEqual(['id', 'level', 'team', 'name', 'company', 'size']);
    // The card drawn from the same id and hints is the person named, so avatars go with names.
    for (const persona of all) expect(personaCard(persona.id, personaHints(persona)).fullName).toBe(persona.name);
  });

  it('names a persona without changing anything else, and a model without personas stays as it is', () => {
    const persona: UnnamedPersona = {
      id: 'persona-x',
      level: 'org',
      team: null,
      size: 40,
      share: 0.5,
      attributes: [attribute('industry', 'category', ['Banking'])],
      repeatRate: null,
      lifetimeValue: null,
      currency: null,
      winRate: null,
      alignedClosed: 0,
      recentWins: [],
      memberIds: [],
    };
    const named = namePersona(persona);
    const card = personaCard('persona-x', { industry: 'Banking', buyerTitle: null, country: null });
    expect(named).toEqual({ ...persona, name: card.fullName, company: card.company });
    expect(namePersonas({ format: 'dealsight-personas', version: 1, org: null, teams: [], insufficient: { winsNeeded: 3, message: 'm' } })).toEqual({
      format: 'dealsight-personas',
      version: 1,
      org: null,
      teams: [],
      insufficient: { winsNeeded: 3, message: 'm' },
    });
  });
});
