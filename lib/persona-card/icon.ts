import type { Random } from '../seeded/random';
import { shade } from './color';
import type { Palette } from './palettes';
import { xmlEscape } from './text';

/**
 * The company's logo mark: a badge (rounded square or circle) in the palette's primary
 * colour with one geometric mark in white and the secondary colour, drawn on a 48×48 grid
 * with strokes of 2–4 units so it stays crisp from 24 px up. Some marks are a monogram: the
 * company's initial set in the system UI font (A–Z only, see text.ts).
 */

export const ICON_MARKS = [
  'bars',
  'chevrons',
  'leaf',
  'wave',
  'hexagon',
  'orbit',
  'peaks',
  'sunrise',
  'petals',
  'diamonds',
  'spark',
  'rings',
  'monogram',
  'monogramRing',
] as const;
export type IconMark = (typeof ICON_MARKS)[number];

export interface IconTraits {
  readonly mark: IconMark;
  readonly badge: 'square' | 'circle';
  /** Letter for monograms: one of A–Z. */
  readonly letter: string;
}

export function drawIconTraits(random: Random, letter: string): IconTraits {
  const mark = random.pick(ICON_MARKS);
  const badge = random.bernoulli(0.7) ? 'square' : 'circle';
  return { mark, badge, letter: /^[A-Z]$/.test(letter) ? letter : 'N' };
}

const W = '#ffffff';

function markSvg(traits: IconTraits, palette: Palette): string {
  const s = palette.secondary;
  const round = 'stroke-linecap="round" stroke-linejoin="round" fill="none"';
  switch (traits.mark) {
    case 'bars':
      return (
        `<rect x="13" y="26" width="6" height="10" rx="2" fill="${s}"/>` +
        `<rect x="21" y="20" width="6" height="16" rx="2" fill="${W}" opacity="0.85"/>` +
        `<rect x="29" y="13" width="6" height="23" rx="2" fill="${W}"/>`
      );
    case 'chevrons':
      return `<path d="M14 27L24 18L34 27" stroke="${s}" stroke-width="4" ${round}/><path d="M14 35L24 26L34 35" stroke="${W}" stroke-width="4" ${round}/>`;
    case 'leaf':
      return (
        `<path d="M14 34C14 21 22 14 35 13C35 27 28 34 14 34Z" fill="${W}"/>` +
        `<path d="M14.5 33.5L27 21" stroke="${palette.primary}" stroke-width="2" stroke-linecap="round"/>`
      );
    case 'wave':
      return (
        `<path d="M12 21C16 17 20 17 24 21C28 25 32 25 36 21" stroke="${s}" stroke-width="3.5" ${round}/>` +
        `<path d="M12 29C16 25 20 25 24 29C28 33 32 33 36 29" stroke="${W}" stroke-width="3.5" ${round}/>`
      );
    case 'hexagon':
      return (
        `<path d="M24 11.5L34.8 17.75V30.25L24 36.5L13.2 30.25V17.75Z" stroke="${W}" stroke-width="3" stroke-linejoin="round" fill="none"/>` +
        `<path d="M24 18.5L28.8 21.25V26.75L24 29.5L19.2 26.75V21.25Z" fill="${s}"/>`
      );
    case 'orbit':
      return (
        `<ellipse cx="24" cy="24" rx="13" ry="6.5" transform="rotate(-30 24 24)" stroke="${s}" stroke-width="2.5" fill="none"/>` +
        `<circle cx="24" cy="24" r="5.5" fill="${W}"/><circle cx="34.5" cy="17" r="2.5" fill="${W}"/>`
      );
    case 'peaks':
      return `<path d="M10.5 35L20 19L29.5 35Z" fill="${s}" stroke="${s}" stroke-width="1.5" stroke-linejoin="round"/><path d="M18.5 35L28 15L37.5 35Z" fill="${W}" stroke="${W}" stroke-width="1.5" stroke-linejoin="round"/>`;
    case 'sunrise':
      return (
        `<path d="M14 31A10 10 0 0 1 34 31Z" fill="${W}"/>` +
        `<path d="M11 35.5H37" stroke="${s}" stroke-width="3" stroke-linecap="round"/>` +
        `<path d="M24 13.5V16.5M13.5 19.5L15.6 21.6M34.5 19.5L32.4 21.6" stroke="${s}" stroke-width="2.6" stroke-linecap="round"/>`
      );
    case 'petals':
      return (
        `<path d="M24 24H14A10 10 0 0 1 24 14Z" fill="${W}"/><path d="M24 24V14A10 10 0 0 1 34 24Z" fill="${s}"/>` +
        `<path d="M24 24H34A10 10 0 0 1 24 34Z" fill="${W}"/><path d="M24 24V34A10 10 0 0 1 14 24Z" fill="${s}"/>`
      );
    case 'diamonds':
      return (
        `<path d="M24 12L30 18L24 24L18 18Z" fill="${W}"/><path d="M18 18L24 24L18 30L12 24Z" fill="${s}"/>` +
        `<path d="M30 18L36 24L30 30L24 24Z" fill="${s}"/><path d="M24 24L30 30L24 36L18 30Z" fill="${W}"/>`
      );
    case 'spark':
      return (
        `<path d="M24 11C25 20 28 23 37 24C28 25 25 28 24 37C23 28 20 25 11 24C20 23 23 20 24 11Z" fill="${W}"/>` +
        `<circle cx="34.5" cy="13.5" r="2.5" fill="${s}"/>`
      );
    case 'rings':
      return `<circle cx="20" cy="24" r="7.5" stroke="${s}" stroke-width="3" fill="none"/><circle cx="28" cy="24" r="7.5" stroke="${W}" stroke-width="3" fill="none"/>`;
    case 'monogram':
    case 'monogramRing':
      return (
        (traits.mark === 'monogramRing' ? `<circle cx="24" cy="24" r="14.5" stroke="${s}" stroke-width="2" fill="none"/>` : '') +
        `<text x="24" y="24" dy="0.35em" text-anchor="middle" font-family="Inter, ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif" font-size="${traits.mark === 'monogramRing' ? 17 : 22}" font-weight="700" fill="${W}">${xmlEscape(traits.letter)}</text>`
      );
  }
}

/** The icon SVG. `prefix` must be a valid XML name, unique per persona. */
export function renderIcon(traits: IconTraits, palette: Palette, prefix: string): string {
  const grad = `${prefix}-badge`;
  const shape =
    traits.badge === 'square'
      ? `<rect x="2" y="2" width="44" height="44" rx="12" fill="url(#${grad})"/>`
      : `<circle cx="24" cy="24" r="22" fill="url(#${grad})"/>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" width="48" height="48">`,
    `<defs><linearGradient id="${grad}" x1="0" y1="0" x2="1" y2="1">`,
    `<stop offset="0" stop-color="${shade(palette.primary, 0.08)}"/><stop offset="1" stop-color="${shade(palette.primary, -0.1)}"/>`,
    `</linearGradient></defs>`,
    shape,
    markSvg(traits, palette),
    `</svg>`,
  ].join('');
}
