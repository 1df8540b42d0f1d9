import { drawAvatarTraits, renderAvatar } from './avatar';
import type { AvatarTraits, Formality, Presentation } from './avatar';
import { companyName, industryKind } from './company';
import type { IndustryKind } from './company';
import { cyrb53 } from '../seeded/hash';
import { drawIconTraits, renderIcon } from './icon';
import type { IconTraits } from './icon';
import { COUNTRY_CULTURES, FAMOUS_NAMES, NAME_CULTURES, normalizeKey } from './names';
import type { NameCulture, Surname } from './names';
import { PALETTES } from './palettes';
import type { Palette } from './palettes';
import { Random } from '../seeded/random';
import { initialOf } from './text';

export type { Palette } from './palettes';

/**
 * Persona cards (issue #3): a Repeat Buyer Persona shown as a person at a company, so reps
 * remember it ("Priya Raman, VP Operations at Northwind Health"). Everything is a pure
 * function of the persona id and the hints: same id, same card, on every machine and in
 * every release. The id is hashed (cyrb53) into a seed for ./random.ts, and each part of
 * the card draws from its own forked stream, so a new draw added to one part (say, a new
 * avatar trait) does not change the others.
 *
 * Presentation, not computation (issue 11): the engine finds personas and this library
 * names and draws them, so the overlay can draw an avatar without any engine code. It is
 * pure (no DOM); components, the CLI, jobs and workers import it, lib/engine never does.
 *
 * Changing pools, weights or draw order changes existing cards; the exact-value tests in
 * test/persona-card/persona-card.test.ts are there to make that a deliberate decision.
 */

export interface PersonaCardHints {
  /** The persona's dominant CRM industry; picks the company-name suffix ("Health", "Capital"). */
  industry?: string | null;
  /** The typical buyer's title; dresses the avatar up (executives) or down (engineers). */
  buyerTitle?: string | null;
  /** The persona's dominant account country; leans the name towards its naming cultures. */
  country?: string | null;
}

export interface PersonaCard {
  firstName: string;
  lastName: string;
  fullName: string;
  /** A generated company name that fits the industry hint; never a famous brand. */
  company: string;
  /** One or two letters A–Z. */
  initials: string;
  /** Headshot, a self-contained SVG (viewBox 0 0 96 96). Render with svgDataUrl, never innerHTML. */
  avatarSvg: string;
  /** Company logo mark, a self-contained SVG (viewBox 0 0 48 48). */
  iconSvg: string;
  palette: Palette;
}

/** Every choice behind a card, before any SVG is drawn (for tests and for debugging a card). */
export interface PersonaTraits {
  /** The cyrb53 hash of the id; its base-36 form prefixes the SVG ids. */
  hash: number;
  idPrefix: string;
  culture: string;
  presentation: Presentation;
  firstName: string;
  lastName: string;
  industry: IndustryKind;
  company: string;
  paletteName: string;
  palette: Palette;
  avatar: AvatarTraits;
  icon: IconTraits;
}

/** How likely a name comes from the hinted country's own cultures (otherwise: anywhere). */
const COUNTRY_LEAN = 0.6;

const FORMAL_TITLE =
  /\b(chief|ceo|cfo|coo|cto|cio|cmo|cro|ciso|president|vp|svp|evp|avp|vice president|director|head|partner|principal|founder|owner|executive|counsel|managing)\b/;
const CASUAL_TITLE =
  /\b(engineer|developer|architect|analyst|scientist|designer|technician|admin|administrator|specialist|coordinator|associate|researcher|devops|sre)\b/;

function formalityOf(title: string | null | undefined): Formality {
  if (!title) return 'neutral';
  const text = normalizeKey(title);
  if (FORMAL_TITLE.test(text)) return 'formal';
  if (CASUAL_TITLE.test(text)) return 'casual';
  return 'neutral';
}

function surnameFor(surname: Surname, presentation: Presentation): string {
  return typeof surname === 'string' ? surname : surname[presentation];
}

function drawName(
  random: Random,
  country: string | null | undefined,
): { culture: NameCulture; presentation: Presentation; firstName: string; lastName: string } {
  const presentation: Presentation = random.bernoulli(0.5) ? 'f' : 'm';
  const leanIds = country ? COUNTRY_CULTURES[normalizeKey(country)] : undefined;
  const lean = leanIds ? NAME_CULTURES.filter((c) => leanIds.includes(c.id)) : [];
  const culture = lean.length > 0 && random.bernoulli(COUNTRY_LEAN) ? random.pick(lean) : random.pick(NAME_CULTURES);
  const firstName = random.pick(presentation === 'f' ? culture.female : culture.male);
  let lastName = surnameFor(random.pick(culture.surnames), presentation);
  for (let i = 0; i < 8 && FAMOUS_NAMES.has(normalizeKey(`${firstName} ${lastName}`)); i++) {
    lastName = surnameFor(random.pick(culture.surnames), presentation);
  }
  return { culture, presentation, firstName, lastName };
}

/** All random choices for a persona's card. */
export function personaTraits(personaId: string, hints: PersonaCardHints = {}): PersonaTraits {
  if (typeof personaId !== 'string' || personaId.length === 0) {
    throw new Error(`personaCard: personaId must be a non-empty string, got ${JSON.stringify(personaId)}`);
  }
  const hash = cyrb53(personaId);
  const root = new Random(hash % 4294967296);
  // One stream per part, forked in a fixed order (see the module comment).
  const nameRandom = root.fork();
  const companyRandom = root.fork();
  const paletteRandom = root.fork();
  const avatarRandom = root.fork();
  const iconRandom = root.fork();

  const { culture, presentation, firstName, lastName } = drawName(nameRandom, hints.country);
  const industry = industryKind(hints.industry);
  const company = companyName(companyRandom, industry);
  const chosen = paletteRandom.pick(PALETTES);
  const palette: Palette = { primary: chosen.primary, secondary: chosen.secondary, background: chosen.background };
  const avatar = drawAvatarTraits(avatarRandom, {
    presentation,
    region: culture.region,
    formality: formalityOf(hints.buyerTitle),
    palette,
  });
  // A public body's badge carries its place's letter, not the C of "City of".
  const icon = drawIconTraits(iconRandom, initialOf(company.replace(/^City of /, '')));
  return {
    hash,
    idPrefix: `ds${hash.toString(36)}`,
    culture: culture.id,
    presentation,
    firstName,
    lastName,
    industry,
    company,
    paletteName: chosen.name,
    palette,
    avatar,
    icon,
  };
}

/** The persona card for an id: name, company, avatar and icon, all deterministic. */
export function personaCard(personaId: string, hints: PersonaCardHints = {}): PersonaCard {
  const t = personaTraits(personaId, hints);
  return {
    firstName: t.firstName,
    lastName: t.lastName,
    fullName: `${t.firstName} ${t.lastName}`,
    company: t.company,
    initials: `${initialOf(t.firstName)}${initialOf(t.lastName)}`,
    avatarSvg: renderAvatar(t.avatar, t.palette, `${t.idPrefix}a`),
    iconSvg: renderIcon(t.icon, t.palette, `${t.idPrefix}i`),
    palette: t.palette,
  };
}

/** A data: URL for an SVG, for `<img src>` (the UI never parses markup with innerHTML). */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
