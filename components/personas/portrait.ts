/**
 * A persona's generated portrait and company logo. A persona is named from its id and hints
 * (lib/persona-card/name.ts `personaHints`: the first value of its industry, buyer title and
 * country); drawing the card again with the same hints gives the same person. A card is
 * used only when it reproduces the stored name, so a face never goes with another name.
 */
import type { Persona } from '../../lib/engine/personas';
import { personaCard, svgDataUrl, type PersonaCardHints } from '../../lib/persona-card';
import { personaHints } from '../../lib/persona-card/name';

export interface Portrait {
  /** `data:` URLs of the SVGs, for `<img src>` (never markup in the page). */
  avatar: string;
  icon: string;
}

const cache = new Map<string, Portrait | null>();

/** The persona's portrait and logo, or null when no card reproduces its name. */
export function portraitOf(persona: Pick<Persona, 'id' | 'name' | 'attributes'>): Portrait | null {
  const key = `${persona.id}|${persona.name}`;
  if (cache.has(key)) return cache.get(key) ?? null;
  const hints: PersonaCardHints = personaHints(persona);
  let found: Portrait | null = null;
  for (const tried of [hints, {}]) {
    try {
      const card = personaCard(persona.id, tried);
      if (card.fullName === persona.name) {
        found = { avatar: svgDataUrl(card.avatarSvg), icon: svgDataUrl(card.iconSvg) };
        break;
      }
    } catch {
      break;
    }
  }
  cache.set(key, found);
  return found;
}

/** "PR" for "Priya Raman": what stands in for a portrait. */
export function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase() || '?';
}
