/**
 * Naming personas: the engine finds them (lib/engine/personas) and this module gives each its
 * card's person and company, drawn from the id and the hints its attributes give. One
 * function for everyone who runs the engine (the worker facade, the CLI, the demo pages),
 * so a persona has the same name wherever it is found; what is stored keeps the name it
 * was given, and the avatars (`personaCard`) redraw it from the same id and hints.
 */
import type { Analysis } from '../engine/analyze';
import type { Persona, PersonaGroup, PersonaModelJSON, UnnamedPersona } from '../engine/personas';
import { personaCard, type PersonaCardHints } from './index';

/** The first value of a persona's category attribute `key` ("Healthcare" for industry), or null. */
function hint(persona: Pick<UnnamedPersona, 'attributes'>, key: string): string | null {
  const attribute = persona.attributes.find((a) => a.key === key && a.kind === 'category');
  return attribute?.values[0] ?? null;
}

/** The hints a persona's card is drawn with: its dominant industry, buyer title and country. */
export function personaHints(persona: Pick<UnnamedPersona, 'attributes'>): PersonaCardHints {
  return { industry: hint(persona, 'industry'), buyerTitle: hint(persona, 'buyerTitle'), country: hint(persona, 'country') };
}

/** The persona with its card's person and company (fields in the order stored models have them). */
export function namePersona<P extends UnnamedPersona>(persona: P): P & Pick<Persona, 'name' | 'company'> {
  const card = personaCard(persona.id, personaHints(persona));
  const { id, level, team, ...rest } = persona;
  return { id, level, team, name: card.fullName, company: card.company, ...rest } as P & Pick<Persona, 'name' | 'company'>;
}

function nameGroup(group: PersonaGroup<UnnamedPersona>): PersonaGroup {
  return { ...group, personas: group.personas.map(namePersona) };
}

/** Every persona of a model, named. */
export function namePersonas(model: PersonaModelJSON<UnnamedPersona>): PersonaModelJSON {
  return { ...model, org: model.org ? nameGroup(model.org) : null, teams: model.teams.map(nameGroup) };
}

/** An analysis whose personas are named: what `analyze` returns, ready to show or store. */
export function nameAnalysis(analysis: Analysis<UnnamedPersona>): Analysis {
  return { ...analysis, personas: namePersonas(analysis.personas) };
}
