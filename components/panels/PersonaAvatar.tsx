import { useMemo } from 'preact/hooks';
import { personaCard, svgDataUrl, type PersonaCardHints } from '../../lib/persona-card';
import type { AttributeAlignment } from '../../lib/engine/alignment';
import type { PersonaSummary } from '../../lib/panel-data';
import { cx } from '../ui/cx';

export interface PersonaAvatarProps {
  persona: PersonaSummary;
  /** The persona's attributes (the alignment breakdown), for the card's hints. */
  attributes?: readonly AttributeAlignment[];
  /** Diameter in px (default 44). */
  size?: number;
  class?: string;
}

/**
 * The persona's first category value of a key, as lib/persona-card names the card
 * (`personaHints`: the attribute's `values[0]`). The breakdown only has the joined text
 * ("CFO or VP Finance"), so its first alternative stands in.
 */
function hintOf(attributes: readonly AttributeAlignment[], key: string): string | null {
  const ideal = attributes.find((a) => a.key === key)?.ideal;
  return ideal ? (ideal.split(' or ')[0] ?? null) : null;
}

/**
 * The card's avatar for the persona's name. The portrait follows the name (its culture and
 * presentation), so a card is drawn only when it reproduces `persona.name`; otherwise the
 * persona's initials stand in rather than a face that does not go with the name.
 */
function avatarFor(persona: PersonaSummary, attributes: readonly AttributeAlignment[]): string | null {
  const hints: PersonaCardHints = {
    industry: hintOf(attributes, 'industry'),
    buyerTitle: hintOf(attributes, 'buyerTitle'),
    country: hintOf(attributes, 'country'),
  };
  for (const tried of [hints, {}]) {
    try {
      const card = personaCard(persona.id, tried);
      if (card.fullName === persona.name) return svgDataUrl(card.avatarSvg);
    } catch {
      return null;
    }
  }
  return null;
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase() || '?';
}

/** The persona's generated portrait (an `<img>` of an SVG data URL, never markup in the page). */
export function PersonaAvatar({ persona, attributes = [], size = 44, class: className }: PersonaAvatarProps) {
  const src = useMemo(() => avatarFor(persona, attributes), [persona.id, persona.name, attributes]);
  const style = { width: `${size}px`, height: `${size}px` };
  if (src)
    return (
      <img
        src={src}
        alt=""
        width={size}
        height={size}
        style={style}
        class={cx('shrink-0 rounded-full bg-slate-100 ring-1 ring-slate-200 dark:bg-slate-800 dark:ring-slate-700', className)}
      />
    );
  return (
    <span
      aria-hidden="true"
      style={style}
      class={cx(
        'flex shrink-0 items-center justify-center rounded-full bg-indigo-100 text-sm font-semibold text-indigo-800 dark:bg-indigo-900 dark:text-indigo-100',
        className,
      )}
    >
      {initials(persona.name)}
    </span>
  );
}
