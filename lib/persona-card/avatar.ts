import type { Random } from '../seeded/random';
import { mix, shade } from './color';
import type { Region } from './names';
import type { Palette } from './palettes';

/**
 * The persona's headshot: a flat, friendly avatar in a 96×96 circle. Drawing is split in
 * two so each half can be tested on its own: `drawAvatarTraits` makes every random choice
 * (skin tone, hair, glasses, clothes…), `renderAvatar` turns traits into SVG and draws
 * nothing at random. The SVG is plain shapes and gradients: no text, no images, no
 * external references, and every id starts with the persona's prefix so many avatars can
 * share one page.
 */

export type Presentation = 'f' | 'm';

/** Ten skin tones from very light to deep, spaced evenly in lightness. */
export const SKIN_TONES: readonly string[] = ['#f7dccb', '#efc8a6', '#e4b28c', '#d59d74', '#c48962', '#ad7350', '#945f40', '#7b4c33', '#613b28', '#48291d'];

export const HAIR_COLORS: readonly { readonly name: string; readonly hex: string }[] = [
  { name: 'black', hex: '#211c1a' },
  { name: 'dark brown', hex: '#3a2820' },
  { name: 'brown', hex: '#5c3c26' },
  { name: 'chestnut', hex: '#7c4a2b' },
  { name: 'auburn', hex: '#8f3c24' },
  { name: 'copper', hex: '#b35a2e' },
  { name: 'dark blonde', hex: '#a47b4a' },
  { name: 'blonde', hex: '#d6b36c' },
  { name: 'grey', hex: '#9b9893' },
  { name: 'silver', hex: '#d8d5cf' },
];

export const HAIR_STYLES = ['short', 'sidePart', 'buzz', 'bald', 'curlyShort', 'afro', 'long', 'bob', 'wavy', 'bun', 'pixie', 'locs', 'headscarf'] as const;
export type HairStyle = (typeof HAIR_STYLES)[number];

export type Top = 'crew' | 'vneck' | 'collar' | 'blazer' | 'turtleneck';

export interface AvatarTraits {
  readonly presentation: Presentation;
  /** Index into SKIN_TONES. */
  readonly skinTone: number;
  readonly hairStyle: HairStyle;
  /** Index into HAIR_COLORS. */
  readonly hairColor: number;
  /** Which way a parting or sweep falls. */
  readonly side: 1 | -1;
  readonly facialHair: 'none' | 'stubble' | 'beard' | 'moustache';
  readonly glasses: 'none' | 'round' | 'rect';
  readonly glassesColor: string;
  readonly earrings: 'none' | 'studs' | 'hoops';
  readonly earringColor: string;
  readonly mouth: 'smile' | 'grin';
  readonly top: Top;
  readonly topColor: string;
  /** The shirt under a blazer. */
  readonly shirtColor: string;
  /** Headscarf colour (used when hairStyle is 'headscarf'). */
  readonly scarfColor: string;
}

/** How dressed up the buyer is, read from their title (see personaCard). */
export type Formality = 'formal' | 'neutral' | 'casual';

export interface AvatarContext {
  readonly presentation: Presentation;
  readonly region: Region | null;
  readonly formality: Formality;
  readonly palette: Palette;
}

/**
 * Where each region's skin-tone distribution is centred on SKIN_TONES. Wide on purpose:
 * every tone stays possible for every name (people move, marry, adopt); the lean only keeps
 * the typical card plausible.
 */
const REGION_TONE: Readonly<Record<Region, number>> = {
  'northern-europe': 1,
  'eastern-europe': 1.3,
  'southern-europe': 2.3,
  'middle-east': 3,
  'east-asia': 2,
  'southeast-asia': 3.8,
  'latin-america': 3.6,
  'south-asia': 4.8,
  'african-diaspora': 6.8,
  'east-africa': 7.6,
  'west-africa': 8,
  'southern-africa': 7.8,
};

function toneWeights(region: Region | null): number[] {
  if (region === null) return SKIN_TONES.map(() => 1);
  const centre = REGION_TONE[region];
  return SKIN_TONES.map((_, i) => Math.exp(-((i - centre) ** 2) / (2 * 1.7 ** 2)) + 0.04);
}

/** Hair colour weights (HAIR_COLORS order): lighter shades are common only in northern Europe. */
function hairColorWeights(region: Region | null): number[] {
  if (region === 'northern-europe' || region === 'eastern-europe') return [5, 14, 16, 10, 4, 5, 12, 13, 9, 6];
  if (region === 'southern-europe' || region === 'latin-america' || region === 'middle-east' || region === null) {
    return [16, 24, 18, 8, 3, 1, 4, 3, 10, 6];
  }
  return [42, 24, 7, 2, 1, 0, 0, 0, 10, 6];
}

const HAIR_WEIGHTS: Readonly<Record<Presentation, Partial<Record<HairStyle, number>>>> = {
  f: { long: 16, bob: 12, wavy: 12, bun: 11, pixie: 6, afro: 5, curlyShort: 2, locs: 3, headscarf: 8, short: 2 },
  m: { short: 18, sidePart: 15, buzz: 10, bald: 8, curlyShort: 8, afro: 3, locs: 2, long: 1, bun: 1 },
};

/** Textured styles are drawn more often for deeper skin tones, straight side-parts less. */
function hairStyleWeights(presentation: Presentation, skinTone: number): number[] {
  const coily = skinTone >= 6;
  return HAIR_STYLES.map((style) => {
    const w = HAIR_WEIGHTS[presentation][style] ?? 0;
    if (!coily) return w;
    if (style === 'afro' || style === 'locs') return w * 2.5;
    if (style === 'curlyShort') return w * 2;
    if (style === 'sidePart' || style === 'wavy') return w * 0.5;
    return w;
  });
}

const SWEATER_COLORS = ['#2c3e66', '#3b4048', '#d9cdb8', '#2f5d50', '#7a2e3b', '#c99a2e', '#2a7b7b', '#b0895b', '#c98b8b', '#2a2d34', '#8aa4c8'];
const BLAZER_COLORS = ['#2c3e66', '#3b4048', '#b0895b', '#56657a', '#2f4a40', '#6b2d3a', '#2a2d34', '#8a8f98'];
const SHIRT_COLORS = ['#f7f7f5', '#d6e4f3', '#f3dde0', '#e4e6ea', '#f4ecdc'];
/** Button-up shirts worn on their own: the light shirts plus a few mid tones. */
const COLLAR_COLORS = ['#f7f7f5', '#d6e4f3', '#8fa9c9', '#f3dde0', '#c9d6c3', '#2c3e66', '#e4e6ea', '#6f7f96'];
const SCARF_COLORS = ['#2f3e56', '#7b4b5a', '#c9a27e', '#e6dccb', '#4d6b63', '#9c3d54', '#5a5f73', '#b86b4b'];
const GLASSES_COLORS = ['#2a2521', '#5b3a29', '#8c6a3c', '#3d4a5c'];
const METAL_COLORS = ['#d6aa3c', '#c9ced6', '#f1ead9'];

const TOP_WEIGHTS: Readonly<Record<Formality, Readonly<Record<Top, number>>>> = {
  formal: { blazer: 5, collar: 3, turtleneck: 1, crew: 1, vneck: 1 },
  neutral: { blazer: 3, collar: 3, crew: 3, vneck: 2, turtleneck: 1.5 },
  casual: { blazer: 1, collar: 2, crew: 4, vneck: 3, turtleneck: 2 },
};
const TOPS: readonly Top[] = ['crew', 'vneck', 'collar', 'blazer', 'turtleneck'];

/** Every random choice of the avatar, in a fixed order (append new draws at the end). */
export function drawAvatarTraits(random: Random, context: AvatarContext): AvatarTraits {
  const { presentation, region, formality, palette } = context;
  const skinTone = random.weighted(
    SKIN_TONES.map((_, i) => i),
    toneWeights(region),
  );
  const hairStyle = random.weighted(HAIR_STYLES, hairStyleWeights(presentation, skinTone));
  const hairColor = random.weighted(
    HAIR_COLORS.map((_, i) => i),
    hairColorWeights(region),
  );
  const side: 1 | -1 = random.bernoulli(0.5) ? 1 : -1;
  const facialHair = presentation === 'm' ? random.weighted(['none', 'stubble', 'beard', 'moustache'] as const, [58, 14, 22, 6]) : 'none';
  const glasses = random.weighted(['none', 'round', 'rect'] as const, [66, 17, 17]);
  const glassesColor = random.pick(GLASSES_COLORS);
  const earrings = hairStyle === 'headscarf' ? 'none' : random.weighted(['none', 'studs', 'hoops'] as const, presentation === 'f' ? [50, 30, 20] : [94, 6, 0]);
  const earringColor = random.pick(METAL_COLORS);
  const mouth = random.weighted(['smile', 'grin'] as const, [65, 35]);
  const top = random.weighted(
    TOPS,
    TOPS.map((t) => TOP_WEIGHTS[formality][t]),
  );
  // The persona's own colour turns up in about a third of outfits, tying avatar and badge.
  const usePrimary = random.bernoulli(0.3);
  const topPool = top === 'blazer' ? BLAZER_COLORS : top === 'collar' ? COLLAR_COLORS : SWEATER_COLORS;
  const topColor = usePrimary ? (top === 'collar' ? palette.secondary : palette.primary) : random.pick(topPool);
  const shirtColor = random.pick(SHIRT_COLORS);
  const scarfColor = random.bernoulli(0.25) ? palette.primary : random.pick(SCARF_COLORS);
  return {
    presentation,
    skinTone,
    hairStyle,
    hairColor,
    side,
    facialHair,
    glasses,
    glassesColor,
    earrings,
    earringColor,
    mouth,
    top,
    topColor,
    shirtColor,
    scarfColor,
  };
}

// ---------------------------------------------------------------------------------------
// Rendering. Shapes are drawn on a 96×96 grid: the face spans x 31–65, y 21–61, eyes sit
// on y 43 (the vertical middle of the head once hair is on), the neckline at y 71 is
// raised 3 units so the neck is not too long. renderAvatar then enlarges the figure 1.1×
// about (48, 66) so head and shoulders fill the circle, which cuts the shoulders.

const FACE = 'M31 41C31 27.5 38.5 21 48 21C57.5 21 65 27.5 65 41C65 53 57.5 61 48 61C38.5 61 31 53 31 41Z';
const MIRROR = 'matrix(-1 0 0 1 96 0)';

interface Paint {
  skin: string;
  skinShadow: string;
  hair: string;
  hairShadow: string;
  brow: string;
  line: string;
}

function paint(traits: AvatarTraits): Paint {
  const skin = SKIN_TONES[traits.skinTone] ?? '#d59d74';
  const hair = HAIR_COLORS[traits.hairColor]?.hex ?? '#3a2820';
  const light = traits.hairColor >= 6;
  return {
    skin,
    skinShadow: shade(skin, -0.13),
    hair,
    hairShadow: shade(hair, light ? -0.18 : -0.3),
    // Pale hair would leave the brows invisible; keep them a shade the face can carry.
    brow: traits.hairStyle === 'bald' || traits.hairStyle === 'headscarf' ? mix(skin, '#1e1410', 0.72) : light ? mix(hair, '#3b2a20', 0.45) : hair,
    line: mix(skin, '#2a1010', 0.62),
  };
}

const r1 = (v: number): number => Math.round(v * 10) / 10;

function sided(traits: AvatarTraits, svg: string): string {
  return traits.side === 1 || svg === '' ? svg : `<g transform="${MIRROR}">${svg}</g>`;
}

/** Hair drawn behind the head and shoulders (long hair, buns, afros). */
function hairBack(traits: AvatarTraits, p: Paint): string {
  const h = p.hair;
  switch (traits.hairStyle) {
    case 'long':
      return `<path d="M27.5 44C26.5 25.5 35.5 15 48 15C60.5 15 69.5 25.5 68.5 44L70 77C61 80 35 80 26 77Z" fill="${h}"/>`;
    case 'bob':
      return `<path d="M27 46C26 26.5 35.5 15.5 48 15.5C60.5 15.5 70 26.5 69 46V59.5C69 63.5 66.5 64.8 63 64H33C29.5 64.8 27 63.5 27 59.5Z" fill="${h}"/>`;
    case 'wavy':
      return `<path d="M27.5 42C25.5 25.5 35.5 15 48 15C60.5 15 70.5 25.5 68.5 42C71.5 50 66.5 56 70 63C72.5 68.5 68 75 63.5 76H32.5C28 75 23.5 68.5 26 63C29.5 56 24.5 50 27.5 42Z" fill="${h}"/>`;
    case 'bald':
      // What is left at the sides shows as a rim behind the temples and ears.
      return `<path d="M30.4 47C28.6 41 28.8 35.5 31.4 30.5L34 32.5C32.2 37 32 42 32.6 47ZM65.6 47C67.4 41 67.2 35.5 64.6 30.5L62 32.5C63.8 37 64 42 63.4 47Z" fill="${h}"/>`;
    case 'bun':
      return `<circle cx="48" cy="16.5" r="8" fill="${h}"/><path d="M41.5 20.5C44.5 19 51.5 19 54.5 20.5" stroke="${p.hairShadow}" stroke-width="1.2" fill="none" stroke-linecap="round"/>`;
    case 'afro': {
      // A soft cloud: an ellipse edged with overlapping curls.
      let curls = '';
      for (let i = 0; i < 16; i++) {
        const a = Math.PI * (0.82 + (1.36 * i) / 15);
        curls += `<circle cx="${r1(48 + 24 * Math.cos(a))}" cy="${r1(35 + 21 * Math.sin(a))}" r="6.2" fill="${h}"/>`;
      }
      return `<ellipse cx="48" cy="35" rx="25" ry="21" fill="${h}"/>${curls}`;
    }
    case 'locs': {
      // Locs: rope-like strands that leave the crown, follow the head and fall past the
      // shoulders at slightly different lengths; a darker layer behind them gives depth.
      const ends = [66, 72, 76, 73];
      let strands = '';
      for (const dir of [-1, 1]) {
        ends.forEach((end, k) => {
          const x = 48 + dir * (18.8 + k * 3);
          const top = 48 + dir * (6 + k * 4);
          strands += `<path d="M${top} ${17 + k * 1.5}Q${r1(x + dir * 1.5)} ${19 + k * 3} ${x} ${36 + k}L${r1(x + dir * k * 0.6)} ${end}" stroke="${h}" stroke-width="3.8" stroke-linecap="round" fill="none"/>`;
        });
      }
      return `<path d="M28 42C27 25 36 16 48 16C60 16 69 25 68 42L68.5 66C64 70 32 70 27.5 66Z" fill="${p.hairShadow}"/>${strands}`;
    }
    default:
      return '';
  }
}

/** Hair drawn over the forehead. */
function hairFront(traits: AvatarTraits, p: Paint): string {
  const h = p.hair;
  switch (traits.hairStyle) {
    case 'short':
      return sided(
        traits,
        `<path d="M30.6 44C29.4 33 31 23.5 38 19.2C43.5 15.8 53.5 15.6 59 19C65.5 23 67 32 65.4 44H64C63.6 38 62.4 33.5 60 31C54 32.5 44 32 37.5 28.6C34.4 31.6 32.6 37 32.2 44Z" fill="${h}"/>`,
      );
    case 'sidePart':
      return sided(
        traits,
        `<path d="M30.6 44C29 31 32 21 41 17.6C49 14.8 58.5 16.2 63 21C67 25.5 66.8 34 65.4 44H64.2C63.8 37 62.5 32 59.6 29.4C52.5 29.4 43 27 39.6 23.4C36.6 28 33 33.5 32.3 44Z" fill="${h}"/>`,
      );
    case 'buzz':
      return `<path d="M31.2 42C30.5 30 36.5 19.6 48 19.6C59.5 19.6 65.5 30 64.8 42H63.6C63 35 61 30.5 57.5 28.4C51.5 27.3 44.5 27.3 38.5 28.4C35 30.5 33 35 32.4 42Z" fill="${h}" opacity="0.6"/>`;
    case 'curlyShort': {
      const curls: [number, number, number][] = [
        [33.5, 33, 4.6],
        [35.8, 25.8, 5.6],
        [41.2, 20.4, 6],
        [48, 18.6, 6.2],
        [54.8, 20.4, 6],
        [60.2, 25.8, 5.6],
        [62.5, 33, 4.6],
        [39, 28.5, 3.8],
        [44.5, 27.2, 3.8],
        [51.5, 27.2, 3.8],
        [57, 28.5, 3.8],
      ];
      return `<path d="M31 40C30.5 28 37.5 19.5 48 19.5C58.5 19.5 65.5 28 65 40C63 33 58 29.5 48 29.5C38 29.5 33 33 31 40Z" fill="${h}"/>${curls
        .map(([x, y, r]) => `<circle cx="${x}" cy="${y}" r="${r}" fill="${h}"/>`)
        .join('')}`;
    }
    case 'afro':
      return `<path d="M30.5 41C30 27 37.5 19.5 48 19.5C58.5 19.5 66 27 65.5 41C63.5 34 58.5 29.5 48 29.5C37.5 29.5 32.5 34 30.5 41Z" fill="${h}"/>`;
    case 'long':
      return sided(
        traits,
        `<path d="M30.2 50C28.6 31 36 17 48.5 17C61 17 68 28 65.8 50H64C63.5 40 61.5 31.5 56.5 27C50 31.5 40 33.5 33.4 35C32.4 39.5 32 44 32 50Z" fill="${h}"/>`,
      );
    case 'bob':
      return `<path d="M30.4 44C29 27 37 17.4 48 17.4C59 17.4 67 27 65.6 44C65.2 38 64.2 34.5 62.6 32.6C55 33.8 41 33.8 33.4 32.6C31.8 34.5 30.8 38 30.4 44Z" fill="${h}"/>`;
    case 'wavy':
      return `<path d="M30.2 48C28.5 29 36.5 17 48 17C59.5 17 67.5 29 65.8 48H64.2C63.5 36.5 58 28.5 49 26L48 24.5L47 26C38 28.5 32.5 36.5 31.8 48Z" fill="${h}"/>`;
    case 'bun':
      return sided(
        traits,
        `<path d="M31 42C30 28 37.5 19 48 19C58.5 19 66 28 65 42C64 35 61.5 30.5 57 28.6C51.5 27 44.5 27 39 28.6C34.5 30.5 32 35 31 42Z" fill="${h}"/>`,
      );
    case 'pixie':
      return sided(
        traits,
        `<path d="M30.6 45C29 30 35.5 18.5 47 17.5C58 16.5 67 24.5 65.6 40L64.3 43C63.7 35.5 62 31.5 58.6 29.6C53 31.5 45.5 33.8 38 34C35 34.2 33 37.5 32.4 45Z" fill="${h}"/>`,
      );
    case 'locs':
      return `<path d="M30.5 42C29.5 27 37.5 17.5 48 17.5C58.5 17.5 66.5 27 65.5 42C64 34 60 30 55 29C50 30.8 46 30.8 41 29C36 30 32 34 30.5 42Z" fill="${h}"/>`;
    case 'headscarf':
      return `<path d="M31 39C31 25.5 39 19 48 19C57 19 65 25.5 65 39C62 30 56 26.5 48 26.5C40 26.5 34 30 31 39Z" fill="${shade(traits.scarfColor, -0.08)}"/>`;
    default:
      return '';
  }
}

/** The scarf wraps the head and falls over the shoulders, in front of the clothes. */
function headscarf(traits: AvatarTraits): string {
  const c = traits.scarfColor;
  return (
    `<path d="M48 13C31.5 13 24 26 24 42C24 55 28 64 33 70C24 73 12 80 8 98H88C84 80 72 73 63 70C68 64 72 55 72 42C72 26 64.5 13 48 13Z" fill="${c}"/>` +
    `<path d="M33 70C38 73.5 43 75 48 75C53 75 58 73.5 63 70" stroke="${shade(c, -0.12)}" stroke-width="1.2" fill="none" stroke-linecap="round"/>` +
    // One wrap fold across the side, so the scarf reads as fabric rather than a hood.
    `<path d="M${traits.side === 1 ? '67 36C70 50 65 62 53 69' : '29 36C26 50 31 62 43 69'}" stroke="${shade(c, -0.12)}" stroke-width="1.2" fill="none" stroke-linecap="round"/>`
  );
}

function clothes(traits: AvatarTraits): string {
  const c = traits.topColor;
  const dark = shade(c, -0.16);
  const shoulders = (neckline: string): string =>
    `<path d="M10 98C10 84 20 75.5 33 72.5C36 71.8 38.5 71.5 40 71.5${neckline}C57.5 71.5 60 71.8 63 72.5C76 75.5 86 84 86 98Z" fill="${c}"/>`;
  switch (traits.top) {
    case 'crew':
      return (
        shoulders('C42 74.5 45 75.5 48 75.5C51 75.5 54 74.5 56 71.5') +
        `<path d="M39.6 71.6C42 75.3 45 76.5 48 76.5C51 76.5 54 75.3 56.4 71.6" stroke="${dark}" stroke-width="2.2" fill="none" stroke-linecap="round"/>`
      );
    case 'vneck':
      return (
        shoulders('L48 84L56 71.5') +
        `<path d="M39.8 71.6L48 85L56.2 71.6" stroke="${dark}" stroke-width="2.2" fill="none" stroke-linejoin="round" stroke-linecap="round"/>`
      );
    case 'turtleneck':
      return (
        shoulders('C44 72 52 72 56 71.5') +
        `<path d="M39.5 63.5C42 62 54 62 56.5 63.5V73.5C53 75.5 43 75.5 39.5 73.5Z" fill="${c}"/>` +
        `<path d="M39.8 63.6C43 65.2 53 65.2 56.2 63.6" stroke="${dark}" stroke-width="1.1" fill="none" stroke-linecap="round"/>` +
        `<path d="M40.2 68.8C43.5 70.2 52.5 70.2 55.8 68.8" stroke="${dark}" stroke-width="0.9" fill="none" stroke-linecap="round" opacity="0.7"/>`
      );
    case 'collar': {
      // A button-up shirt: collar in the shirt's colour, edged a shade darker.
      const edge = shade(c, -0.18);
      return (
        shoulders('C42 74.5 45 75.5 48 75.5C51 75.5 54 74.5 56 71.5') +
        `<path d="M48 77V98" stroke="${edge}" stroke-width="0.9"/>` +
        `<circle cx="49.6" cy="83" r="0.85" fill="${edge}"/><circle cx="49.6" cy="90" r="0.85" fill="${edge}"/>` +
        `<path d="M39.2 69.8L48 77.2L43.6 82.4L36.4 73.4Z" fill="${shade(c, 0.06)}" stroke="${edge}" stroke-width="0.9" stroke-linejoin="round"/>` +
        `<path d="M56.8 69.8L48 77.2L52.4 82.4L59.6 73.4Z" fill="${shade(c, 0.06)}" stroke="${edge}" stroke-width="0.9" stroke-linejoin="round"/>`
      );
    }
    case 'blazer': {
      const shirt = traits.shirtColor;
      return (
        `<path d="M36 72C40 70.5 56 70.5 60 72L56 98H40Z" fill="${shirt}"/>` +
        `<path d="M40.5 71.4C42.5 75.5 45 77 48 77C51 77 53.5 75.5 55.5 71.4" stroke="${shade(shirt, -0.12)}" stroke-width="1" fill="none"/>` +
        shoulders('L48 96L56 71.5') +
        `<path d="M39.8 71.8L48 95L42.5 86L45.2 83.5L37 74.5Z" fill="${dark}"/>` +
        `<path d="M56.2 71.8L48 95L53.5 86L50.8 83.5L59 74.5Z" fill="${dark}"/>`
      );
    }
  }
}

function face(traits: AvatarTraits, p: Paint): string {
  const scarf = traits.hairStyle === 'headscarf';
  const ears = scarf
    ? ''
    : `<ellipse cx="31.6" cy="44.5" rx="3.6" ry="5" fill="${p.skin}"/><ellipse cx="64.4" cy="44.5" rx="3.6" ry="5" fill="${p.skin}"/>` +
      `<path d="M31 42.5Q30 44.5 31.2 46.5M65 42.5Q66 44.5 64.8 46.5" stroke="${p.skinShadow}" stroke-width="1" fill="none" stroke-linecap="round"/>`;
  const deep = traits.skinTone >= 7;
  const eyes =
    `<ellipse cx="41.5" cy="43.2" rx="1.9" ry="2.2" fill="#241a16"/><ellipse cx="54.5" cy="43.2" rx="1.9" ry="2.2" fill="#241a16"/>` +
    `<circle cx="42.2" cy="42.4" r="0.6" fill="#ffffff"/><circle cx="55.2" cy="42.4" r="0.6" fill="#ffffff"/>`;
  const brows = `<path d="M37.8 38.2Q41.2 36.2 44.6 37.6M51.4 37.6Q54.8 36.2 58.2 38.2" stroke="${p.brow}" stroke-width="1.7" fill="none" stroke-linecap="round"/>`;
  const nose = `<path d="M48.4 45.5Q46.6 49.2 48.6 49.9" stroke="${shade(p.skin, -0.22)}" stroke-width="1.3" fill="none" stroke-linecap="round" stroke-linejoin="round"/>`;
  const cheeks = `<circle cx="38.6" cy="50" r="3.2" fill="#f07a6e" opacity="${deep ? 0.14 : 0.2}"/><circle cx="57.4" cy="50" r="3.2" fill="#f07a6e" opacity="${deep ? 0.14 : 0.2}"/>`;
  let beard = '';
  const beardPath =
    'M31.4 44C31.2 55 38 63.5 48 63.5C58 63.5 64.8 55 64.6 44C63.4 49.5 60.5 53.5 56 54.4C53.5 51.4 42.5 51.4 40 54.4C35.5 53.5 32.6 49.5 31.4 44Z';
  if (traits.facialHair === 'beard') beard = `<path d="${beardPath}" fill="${p.hair}"/>`;
  // Stubble stays inside the jaw line; a full beard has volume below it.
  if (traits.facialHair === 'stubble') {
    beard = `<path d="M31.2 45C31.8 54.5 39 61 48 61C57 61 64.2 54.5 64.8 45C63.4 50 60.5 53.5 56 54.4C53.5 51.4 42.5 51.4 40 54.4C35.5 53.5 32.6 50 31.2 45Z" fill="${p.hair}" opacity="0.28"/>`;
  }
  if (traits.facialHair === 'moustache' || traits.facialHair === 'beard') {
    beard += `<path d="M42.6 53C43.2 50.8 46.2 50.2 48 51.2C49.8 50.2 52.8 50.8 53.4 53C51 52.3 45 52.3 42.6 53Z" fill="${p.hair}"/>`;
  }
  const hairy = traits.facialHair === 'beard';
  const mouthLine = hairy ? mix(p.skin, '#ffffff', 0.25) : p.line;
  const mouth =
    traits.mouth === 'smile' || hairy
      ? `<path d="M44 54Q48 57.2 52 54" stroke="${mouthLine}" stroke-width="1.7" fill="none" stroke-linecap="round"/>`
      : `<path d="M43.4 53.2Q48 59.6 52.6 53.2Z" fill="${p.line}" stroke="${p.line}" stroke-width="0.8" stroke-linejoin="round"/>` +
        `<path d="M44.4 53.7Q48 55.3 51.6 53.7L51.1 54.8Q48 56.3 44.9 54.8Z" fill="#ffffff"/>`;
  return ears + `<path d="${FACE}" fill="${p.skin}"/>` + cheeks + beard + brows + eyes + nose + mouth;
}

function glasses(traits: AvatarTraits): string {
  const c = traits.glassesColor;
  const stroke = `stroke="${c}" stroke-width="1.4" fill="#ffffff" fill-opacity="0.12"`;
  const lenses =
    traits.glasses === 'round'
      ? `<circle cx="41.5" cy="43.4" r="5" ${stroke}/><circle cx="54.5" cy="43.4" r="5" ${stroke}/>`
      : `<rect x="35.6" y="39.4" width="11.6" height="8.2" rx="2.4" ${stroke}/><rect x="48.8" y="39.4" width="11.6" height="8.2" rx="2.4" ${stroke}/>`;
  return (
    lenses + `<path d="M46.5 43Q48 41.8 49.5 43M36.4 42.2L31.4 41.2M59.6 42.2L64.6 41.2" stroke="${c}" stroke-width="1.4" fill="none" stroke-linecap="round"/>`
  );
}

function earrings(traits: AvatarTraits): string {
  const c = traits.earringColor;
  if (traits.earrings === 'studs') return `<circle cx="31.4" cy="49.8" r="1.4" fill="${c}"/><circle cx="64.6" cy="49.8" r="1.4" fill="${c}"/>`;
  return `<circle cx="31.2" cy="52.4" r="2.7" stroke="${c}" stroke-width="1.2" fill="none"/><circle cx="64.8" cy="52.4" r="2.7" stroke="${c}" stroke-width="1.2" fill="none"/>`;
}

/** The avatar SVG for the traits. `prefix` must be a valid XML name, unique per persona. */
export function renderAvatar(traits: AvatarTraits, palette: Palette, prefix: string): string {
  const p = paint(traits);
  const scarf = traits.hairStyle === 'headscarf';
  const clip = `${prefix}-clip`;
  const bg = `${prefix}-bg`;
  const neck = scarf
    ? ''
    : `<path d="M41 54V68C41 72 44.5 75 48 75C51.5 75 55 72 55 68V54Z" fill="${p.skinShadow}"/>` +
      `<path d="M41 57C44 61.5 52 61.5 55 57V62.5C52 65 44 65 41 62.5Z" fill="${shade(p.skin, -0.22)}" opacity="0.45"/>`;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96" width="96" height="96">`,
    `<defs>`,
    `<clipPath id="${clip}"><circle cx="48" cy="48" r="48"/></clipPath>`,
    `<linearGradient id="${bg}" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${mix(palette.background, '#ffffff', 0.35)}"/><stop offset="1" stop-color="${palette.background}"/></linearGradient>`,
    `</defs>`,
    `<g clip-path="url(#${clip})">`,
    `<rect width="96" height="96" fill="url(#${bg})"/>`,
    // The figure is drawn at head-and-shoulders scale, then enlarged about the neck to fill the circle.
    `<g transform="matrix(1.1 0 0 1.1 -4.8 -6.6)">`,
    hairBack(traits, p),
    neck,
    `<g transform="translate(0 -3)">${clothes(traits)}</g>`,
    scarf ? headscarf(traits) : '',
    face(traits, p),
    hairFront(traits, p),
    traits.glasses === 'none' ? '' : glasses(traits),
    traits.earrings === 'none' ? '' : earrings(traits),
    `</g>`,
    `</g>`,
    `</svg>`,
  ];
  return parts.join('');
}
