import { describe, expect, it } from 'vitest';
import type { Opportunity } from '../../lib/crm/opportunity';
import { Random } from '../../lib/seeded/random';
import { generateSandbox } from '../../lib/sandbox/generate';
import { EMPLOYEE_BANDS, employeeBandIndex, personaFit, personaLabel, plantPersonas, PERSONA_TEMPLATES } from '../../lib/sandbox/personas';
import type { PersonaProfile } from '../../lib/sandbox/types';

const healthcare = PERSONA_TEMPLATES[0]!;
const manufacturing = PERSONA_TEMPLATES[1]!;

describe('employee bands', () => {
  it('puts head counts in inclusive bands, unknown as -1', () => {
    expect([1, 50, 51, 200, 201, 1000, 1001, 5000, 5001, 20000, 20001, 300000].map(employeeBandIndex)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(employeeBandIndex(null)).toBe(-1);
    expect(employeeBandIndex(0)).toBe(-1);
    expect(EMPLOYEE_BANDS.map((b) => b.label)).toEqual(['1–50', '51–200', '201–1,000', '1,001–5,000', '5,001–20,000', '20,001+']);
  });
});

describe('personaFit', () => {
  it('weighs the matching attributes of the best persona', () => {
    expect(healthcare).toMatchObject({ industry: 'Healthcare', country: 'United States', buyerTitle: 'VP Operations', product: 'Platform' });
    const personas: PersonaProfile[] = [healthcare, manufacturing];
    // Industry (0.25) and country (0.2) of the first persona; nothing of the second.
    expect(personaFit({ industry: 'Healthcare', country: 'United States', employees: 90 }, personas)).toEqual({ fit: 0.45, persona: 0 });
    // Band (0.2), title (0.175) and product (0.175) of the second beat one attribute of the first.
    expect(personaFit({ industry: 'Healthcare', employees: 450, buyerTitle: 'Director of IT', product: 'Integration Hub' }, personas)).toEqual({
      fit: 0.55,
      persona: 1,
    });
    expect(
      personaFit({ industry: 'Healthcare', employees: 2400, country: 'United States', buyerTitle: 'VP Operations', product: 'Platform' }, personas),
    ).toEqual({ fit: 1, persona: 0 });
    expect(personaFit({}, personas)).toEqual({ fit: 0, persona: 0 });
    expect(personaFit({ industry: 'Healthcare' }, [])).toEqual({ fit: 0, persona: -1 });
  });
});

describe('plantPersonas', () => {
  it('picks distinct templates with labels, shares and repeat levels', () => {
    const personas = plantPersonas(new Random(1), 4);
    expect(personas.map((p) => p.id)).toEqual(['persona-1', 'persona-2', 'persona-3', 'persona-4']);
    expect(personas.map((p) => p.repeat)).toEqual(['high', 'high', 'low', 'low']);
    expect(new Set(personas.map((p) => p.profile.industry)).size).toBe(4);
    expect(personas.reduce((sum, p) => sum + p.accountShare, 0)).toBeCloseTo(0.5, 3);
    expect(personas.every((p) => p.label === personaLabel(p.profile))).toBe(true);
    expect(personaLabel(healthcare)).toBe('Healthcare · 1,001–5,000 employees · United States · VP Operations · Platform');
  });
});

describe('planted personas in a generated org', () => {
  const org = generateSandbox({ seed: 7, opportunities: 10_000 });
  const personaOf = org.truth.personaOfAccount;
  const wonFirstDeals = org.opportunities.filter((o) => o.type === 'new customer' && o.isWon);

  /** Share of a persona's five attributes that a deal has. */
  const match = (o: Opportunity, p: PersonaProfile): number =>
    [
      o.attributes['industry'] === p.industry,
      employeeBandIndex(o.attributes['employees'] as number | null) === EMPLOYEE_BANDS.indexOf(p.employeeBand),
      o.attributes['country'] === p.country,
      o.attributes['buyerTitle'] === p.buyerTitle,
      o.attributes['product'] === p.product,
    ].filter(Boolean).length / 5;
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

  it('records a persona or null for every account', () => {
    expect(Object.keys(personaOf).sort()).toEqual(org.accounts.map((a) => a.id).sort());
    const ids = new Set([...org.truth.personas.map((p) => p.id), null]);
    expect(Object.values(personaOf).every((p) => ids.has(p))).toBe(true);
    const background = Object.values(personaOf).filter((p) => p === null).length / org.accounts.length;
    expect(background).toBeGreaterThan(0.4);
    expect(background).toBeLessThan(0.6);
  });

  it('makes won first deals of persona accounts match their profile far more than background ones', () => {
    const background = wonFirstDeals.filter((o) => personaOf[o.account!.id] === null);
    for (const persona of org.truth.personas) {
      const own = wonFirstDeals.filter((o) => personaOf[o.account!.id] === persona.id);
      expect(own.length).toBeGreaterThan(150);
      const ownMatch = mean(own.map((o) => match(o, persona.profile)));
      const backgroundMatch = mean(background.map((o) => match(o, persona.profile)));
      expect(ownMatch, persona.label).toBeGreaterThan(0.7);
      expect(backgroundMatch, persona.label).toBeLessThan(0.3);
    }
  });

  it('concentrates later repeat wins in the high-repeat personas’ accounts', () => {
    const customers = new Set(wonFirstDeals.map((o) => o.account!.id));
    const repeatWinners = new Set(
      org.opportunities.filter((o) => o.isWon && (o.type === 'upsell' || o.type === 'cross-sell' || o.type === 'renewal')).map((o) => o.account!.id),
    );
    const repeatShare = (personaId: string): number => {
      const accounts = [...customers].filter((a) => personaOf[a] === personaId);
      return accounts.filter((a) => repeatWinners.has(a)).length / accounts.length;
    };
    const high = org.truth.personas.filter((p) => p.repeat === 'high').map((p) => repeatShare(p.id));
    const low = org.truth.personas.filter((p) => p.repeat === 'low').map((p) => repeatShare(p.id));
    expect(Math.min(...high)).toBeGreaterThan(1.8 * Math.max(...low));
  });
});
