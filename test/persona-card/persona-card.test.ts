import { describe, expect, it } from 'vitest';
import { personaCard, personaTraits, svgDataUrl } from '../../lib/persona-card';
import type { PersonaCardHints } from '../../lib/persona-card';
import { HAIR_STYLES, SKIN_TONES } from '../../lib/persona-card/avatar';
import { contrast } from '../../lib/persona-card/color';
import {
  ABSTRACT_STEMS,
  DENIED_COMPANY_NAMES,
  INDUSTRY_SUFFIXES,
  LANDFORM_WORDS,
  NATURE_WORDS,
  PLACE_STEMS,
  companyName,
  industryKind,
  isDeniedCompanyName,
} from '../../lib/persona-card/company';
import type { IndustryKind } from '../../lib/persona-card/company';
import { cyrb53 } from '../../lib/seeded/hash';
import { FAMOUS_NAMES, NAME_CULTURES, normalizeKey } from '../../lib/persona-card/names';
import { PALETTES } from '../../lib/persona-card/palettes';
import { asciiLetters, initialOf, xmlEscape } from '../../lib/persona-card/text';
import { Random } from '../../lib/seeded/random';

const ids = (n: number, prefix = 'persona-'): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

// ---------------------------------------------------------------------------------------
// A small XML reader, enough to prove the SVG is well-formed and to list what is in it:
// one root, every tag closed in order, every attribute name="value", no stray < > &.

interface XmlElement {
  name: string;
  attrs: Map<string, string>;
  text: string;
}

function isNameChar(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '-' || c === '_' || c === ':' || c === '.';
}

function checkText(text: string, where: number): void {
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (c === '>' || c === '<') throw new Error(`stray ${c} at ${where + k}`);
    if (c === '&') {
      const end = text.indexOf(';', k);
      const entity = text.slice(k + 1, end);
      const ok =
        end > k &&
        (['amp', 'lt', 'gt', 'quot', 'apos'].includes(entity) ||
          (entity.startsWith('#') && entity.length > 1 && [...entity.slice(1)].every((d) => d >= '0' && d <= '9')));
      if (!ok) throw new Error(`bad entity at ${where + k}`);
    }
  }
}

function parseXml(xml: string): XmlElement[] {
  const elements: XmlElement[] = [];
  const stack: XmlElement[] = [];
  let roots = 0;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    checkText(text, i);
    const top = stack[stack.length - 1];
    if (top) top.text += text;
    else if (text.trim() !== '') throw new Error(`text outside the root at ${i}`);
    if (lt === -1) break;
    let j = lt + 1;
    const closing = xml[j] === '/';
    if (closing) j++;
    let name = '';
    while (j < xml.length && isNameChar(xml[j] as string)) name += xml[j++];
    if (name === '') throw new Error(`tag without a name at ${lt}`);
    if (closing) {
      if (xml[j] !== '>') throw new Error(`malformed end tag </${name} at ${lt}`);
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`</${name}> closes <${open?.name ?? 'nothing'}> at ${lt}`);
      i = j + 1;
      continue;
    }
    const element: XmlElement = { name, attrs: new Map(), text: '' };
    if (stack.length === 0) roots++;
    elements.push(element);
    for (;;) {
      while (xml[j] === ' ') j++;
      if (xml.startsWith('/>', j)) {
        i = j + 2;
        break;
      }
      if (xml[j] === '>') {
        stack.push(element);
        i = j + 1;
        break;
      }
      let attr = '';
      while (j < xml.length && isNameChar(xml[j] as string)) attr += xml[j++];
      if (attr === '' || xml[j] !== '=' || xml[j + 1] !== '"') throw new Error(`malformed attribute in <${name}> at ${j}`);
      const end = xml.indexOf('"', j + 2);
      if (end === -1) throw new Error(`unterminated attribute ${attr} in <${name}>`);
      const value = xml.slice(j + 2, end);
      checkText(value, j + 2);
      if (element.attrs.has(attr)) throw new Error(`duplicate attribute ${attr} in <${name}>`);
      element.attrs.set(attr, value);
      j = end + 1;
    }
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.map((e) => e.name).join('> <')}>`);
  if (roots !== 1) throw new Error(`${roots} root elements`);
  return elements;
}

const AVATAR_ELEMENTS = new Set(['svg', 'defs', 'clipPath', 'linearGradient', 'stop', 'g', 'rect', 'circle', 'ellipse', 'path']);
const ICON_ELEMENTS = new Set([...AVATAR_ELEMENTS, 'text']);

/** Parses the SVG and checks everything a safe, self-contained card SVG must be. Returns its ids. */
function checkSvg(svg: string, viewBox: string, allowed: ReadonlySet<string>): string[] {
  for (const banned of ['<script', 'href', 'url(http', 'foreignObject', 'javascript:', '<!', '<?', '@import']) {
    expect(svg.toLowerCase(), banned).not.toContain(banned.toLowerCase());
  }
  const elements = parseXml(svg);
  const root = elements[0];
  expect(root?.name).toBe('svg');
  expect(root?.attrs.get('viewBox')).toBe(viewBox);
  expect(root?.attrs.get('xmlns')).toBe('http://www.w3.org/2000/svg');
  const ids: string[] = [];
  for (const e of elements) {
    expect(allowed.has(e.name), `<${e.name}>`).toBe(true);
    for (const [attr, value] of e.attrs) {
      expect(attr.toLowerCase().startsWith('on'), `${attr} on <${e.name}>`).toBe(false);
      if (attr === 'id') ids.push(value);
      // The only references allowed are to ids inside this same SVG.
      for (const ref of value.split('url(').slice(1)) expect(ref.startsWith('#'), `${attr}="${value}"`).toBe(true);
    }
    if (e.name !== 'text') expect(e.text.trim(), `text in <${e.name}>`).toBe('');
  }
  expect(new Set(ids).size).toBe(ids.length);
  for (const e of elements) {
    for (const value of e.attrs.values()) {
      for (const ref of value.split('url(#').slice(1)) expect(ids).toContain(ref.slice(0, ref.indexOf(')')));
    }
  }
  return ids;
}

// ---------------------------------------------------------------------------------------

describe('cyrb53', () => {
  it('gives the reference outputs (bryc, github.com/bryc/code, jshash/experimental/cyrb53.js)', () => {
    expect(cyrb53('a')).toBe(7929297801672961);
    expect(cyrb53('b')).toBe(8684336938537663);
    expect(cyrb53('revenge')).toBe(4051478007546757);
    expect(cyrb53('revenue')).toBe(8309097637345594);
    expect(cyrb53('revenue', 1)).toBe(8697026808958300);
  });
});

describe('personaCard: determinism', () => {
  it('pins the card for an id without hints', () => {
    const card = personaCard('persona-1');
    expect({ ...card, avatarSvg: cyrb53(card.avatarSvg), iconSvg: cyrb53(card.iconSvg) }).toEqual({
      firstName: 'Karin',
      lastName: 'Holm',
      fullName: 'Karin Holm',
      company: 'Millbrook Group',
      initials: 'KH',
      avatarSvg: 6031159988369824,
      iconSvg: 657258477474840,
      palette: { primary: '#0e7490', secondary: '#8eeefb', background: '#cffafe' },
    });
    const traits = personaTraits('persona-1');
    expect(traits.idPrefix).toBe('ds1k7oilhaswq');
    expect(traits.avatar).toMatchObject({ skinTone: 0, hairStyle: 'headscarf', top: 'crew', glasses: 'none' });
    expect(traits.icon).toEqual({ mark: 'bars', badge: 'square', letter: 'M' });
  });

  it('pins the card for an id with industry, title and country hints', () => {
    const hints: PersonaCardHints = { industry: 'Hospital & Health Care', buyerTitle: 'VP Operations', country: 'India' };
    const card = personaCard('team-42/persona-3', hints);
    expect({ ...card, avatarSvg: cyrb53(card.avatarSvg), iconSvg: cyrb53(card.iconSvg) }).toEqual({
      firstName: 'Anjali',
      lastName: 'Rao',
      fullName: 'Anjali Rao',
      company: 'Fern Hollow Medical Group',
      initials: 'AR',
      avatarSvg: 1807494986276822,
      iconSvg: 8491595964543682,
      palette: { primary: '#b26a00', secondary: '#fde08a', background: '#fef3c7' },
    });
    const traits = personaTraits('team-42/persona-3', hints);
    expect(traits.culture).toBe('south-indian');
    expect(traits.avatar).toMatchObject({ skinTone: 3, hairStyle: 'bun', top: 'blazer', earrings: 'studs' });
    expect(traits.icon).toEqual({ mark: 'chevrons', badge: 'square', letter: 'F' });
  });

  it('gives the same card for the same id and hints, call after call', () => {
    for (const id of ids(20)) {
      expect(personaCard(id, { industry: 'Banking', country: 'Germany' })).toEqual(personaCard(id, { industry: 'Banking', country: 'Germany' }));
    }
  });

  it('keeps the parts independent: a hint changes only the part it is about', () => {
    for (const id of ids(30)) {
      const plain = personaTraits(id);
      const industry = personaTraits(id, { industry: 'Software' });
      expect(industry.company).toMatch(/ (Labs|Systems|Software|Technologies|Data|Digital|Cloud)$/);
      // The badge letter follows the company; the mark and the badge shape do not.
      expect({ ...industry, company: plain.company, industry: plain.industry, icon: { ...industry.icon, letter: plain.icon.letter } }).toEqual(plain);
      const titled = personaTraits(id, { buyerTitle: 'Chief Financial Officer' });
      expect({ ...titled.avatar, top: plain.avatar.top, topColor: plain.avatar.topColor, shirtColor: plain.avatar.shirtColor }).toEqual(plain.avatar);
      expect([titled.firstName, titled.lastName]).toEqual([plain.firstName, plain.lastName]);
      expect(titled.company).toBe(plain.company);
    }
  });

  it('treats missing, null, unknown and multicultural-country hints alike', () => {
    for (const id of ids(10)) {
      const plain = personaCard(id);
      expect(personaCard(id, { industry: null, buyerTitle: null, country: null })).toEqual(plain);
      expect(personaCard(id, { industry: '', country: 'Atlantis' })).toEqual(plain);
      expect(personaCard(id, { country: 'United States' })).toEqual(plain);
    }
  });

  it('rejects an empty id with a clear message', () => {
    expect(() => personaCard('')).toThrow('personaCard: personaId must be a non-empty string, got ""');
    expect(() => personaCard(undefined as unknown as string)).toThrow('personaId must be a non-empty string');
  });
});

describe('personaCard: variety', () => {
  const traits = ids(200).map((id) => personaTraits(id));
  const cards = ids(200).map((id) => personaCard(id));

  it('gives 200 ids at least 150 different people', () => {
    expect(new Set(cards.map((c) => c.fullName)).size).toBeGreaterThanOrEqual(150);
  });

  it('draws on many cultures, both genders, and the whole range of looks', () => {
    expect(new Set(traits.map((t) => t.culture)).size).toBeGreaterThanOrEqual(25);
    const women = traits.filter((t) => t.presentation === 'f').length;
    expect(women).toBeGreaterThan(70);
    expect(women).toBeLessThan(130);
    expect(new Set(traits.map((t) => t.avatar.skinTone)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(traits.map((t) => t.avatar.hairStyle)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(traits.map((t) => t.avatar.hairColor)).size).toBeGreaterThanOrEqual(7);
    expect(new Set(traits.map((t) => t.avatar.top)).size).toBe(5);
    expect(new Set(traits.map((t) => t.icon.mark)).size).toBeGreaterThanOrEqual(12);
    expect(new Set(traits.map((t) => t.paletteName)).size).toBe(PALETTES.length);
    expect(traits.some((t) => t.avatar.glasses !== 'none')).toBe(true);
    expect(traits.some((t) => t.avatar.earrings !== 'none')).toBe(true);
  });

  it('has hundreds of names across cultures, each name with its culture', () => {
    const first = new Set(NAME_CULTURES.flatMap((c) => [...c.female, ...c.male]));
    const last = new Set(NAME_CULTURES.flatMap((c) => c.surnames.map((s) => (typeof s === 'string' ? s : s.m))));
    expect(NAME_CULTURES.length).toBeGreaterThanOrEqual(30);
    expect(first.size).toBeGreaterThanOrEqual(300);
    expect(last.size).toBeGreaterThanOrEqual(300);
    for (const c of NAME_CULTURES) {
      expect(c.female.length, c.id).toBeGreaterThanOrEqual(8);
      expect(c.male.length, c.id).toBeGreaterThanOrEqual(8);
      expect(c.surnames.length, c.id).toBeGreaterThanOrEqual(9);
    }
  });

  it('keeps first and last name in one culture, with the surname form for the gender', () => {
    for (const t of ids(500).map((id) => personaTraits(id))) {
      const culture = NAME_CULTURES.find((c) => c.id === t.culture);
      expect(culture).toBeDefined();
      if (!culture) continue;
      expect(t.presentation === 'f' ? culture.female : culture.male).toContain(t.firstName);
      expect(culture.surnames.map((s) => (typeof s === 'string' ? s : s[t.presentation]))).toContain(t.lastName);
    }
    // Polish and Russian women carry the feminine surname.
    const women = ids(3000)
      .map((id) => personaTraits(id))
      .filter((t) => t.presentation === 'f' && (t.culture === 'polish' || t.culture === 'russian'));
    expect(women.length).toBeGreaterThan(10);
    for (const t of women) expect(t.lastName).not.toMatch(/(ski|ov|ev)$/);
  });

  it('never names a famous person', () => {
    for (const id of ids(5000)) {
      const t = personaTraits(id);
      expect(FAMOUS_NAMES.has(normalizeKey(`${t.firstName} ${t.lastName}`))).toBe(false);
    }
  });

  it('leans names towards the country hint without fixing them', () => {
    const japan = ids(200).map((id) => personaTraits(id, { country: 'Japan' }).culture);
    const share = japan.filter((c) => c === 'japanese').length / japan.length;
    expect(share).toBeGreaterThan(0.45);
    expect(share).toBeLessThan(0.8);
    expect(personaTraits('persona-5', { country: 'JP' }).culture).toBe(personaTraits('persona-5', { country: ' japan ' }).culture);
  });

  it('keeps features consistent: beards for men, no earrings under a headscarf', () => {
    for (const t of ids(1000).map((id) => personaTraits(id))) {
      if (t.avatar.facialHair !== 'none') expect(t.presentation).toBe('m');
      if (t.avatar.hairStyle === 'headscarf') expect(t.avatar.earrings).toBe('none');
    }
  });

  it('dresses executives up and engineers down', () => {
    const tops = (title: string): number =>
      ids(300)
        .map((id) => personaTraits(id, { buyerTitle: title }).avatar.top)
        .filter((top) => top === 'blazer' || top === 'collar').length;
    expect(tops('SVP, Finance')).toBeGreaterThan(tops('Software Engineer') + 60);
  });
});

describe('personaCard: SVG', () => {
  it('(the checker rejects what it should)', () => {
    expect(() => parseXml('<svg><g></svg>')).toThrow('</svg> closes <g>');
    expect(() => parseXml('<svg><g/>')).toThrow('unclosed <svg>');
    expect(() => parseXml('<svg/><svg/>')).toThrow('2 root elements');
    expect(() => parseXml('<svg a=b/>')).toThrow('malformed attribute');
    expect(() => parseXml('<svg a="1" a="2"/>')).toThrow('duplicate attribute');
    expect(() => parseXml('<svg><text>a & b</text></svg>')).toThrow('bad entity');
    expect(() => parseXml('<svg><text>a > b</text></svg>')).toThrow('stray >');
    const fails = (svg: string): boolean => {
      try {
        checkSvg(svg, '0 0 1 1', ICON_ELEMENTS);
        return false;
      } catch {
        return true;
      }
    };
    const ok = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><defs><clipPath id="a"><rect/></clipPath></defs><g clip-path="url(#a)"/></svg>';
    expect(fails(ok)).toBe(false);
    expect(fails(ok.replace('<g ', '<g onclick="x()" '))).toBe(true);
    expect(fails(ok.replace('url(#a)', 'url(#b)'))).toBe(true);
    expect(fails(ok.replace('url(#a)', 'url(https://x.test/a.svg#a)'))).toBe(true);
    expect(fails(ok.replace('<rect/>', '<image href="x.png"/>'))).toBe(true);
    expect(fails(ok.replace('<rect/>', '<foreignObject/>'))).toBe(true);
    expect(fails(ok.replace('<rect/>', '<script/>'))).toBe(true);
  });

  it('makes well-formed, self-contained, script-free SVGs', () => {
    for (const id of ids(300)) {
      const card = personaCard(id, { industry: 'Healthcare' });
      checkSvg(card.avatarSvg, '0 0 96 96', AVATAR_ELEMENTS);
      checkSvg(card.iconSvg, '0 0 48 48', ICON_ELEMENTS);
    }
  });

  it('draws every hair style and every skin tone', () => {
    const seen = new Map<string, string>();
    for (const id of ids(2000)) {
      const t = personaTraits(id);
      if (!seen.has(t.avatar.hairStyle)) seen.set(t.avatar.hairStyle, personaCard(id).avatarSvg);
    }
    expect([...seen.keys()].sort()).toEqual([...HAIR_STYLES].sort());
    for (const svg of seen.values()) checkSvg(svg, '0 0 96 96', AVATAR_ELEMENTS);
    for (const [i, tone] of SKIN_TONES.entries()) {
      const id = ids(2000).find((x) => personaTraits(x).avatar.skinTone === i);
      expect(id, `skin tone ${i}`).toBeDefined();
      if (id) expect(personaCard(id).avatarSvg).toContain(`fill="${tone}"`);
    }
  });

  it('prefixes every id with the persona hash, so cards can share a page', () => {
    const all = new Set<string>();
    for (const id of ids(200)) {
      const { idPrefix } = personaTraits(id);
      const card = personaCard(id);
      const own = [...checkSvg(card.avatarSvg, '0 0 96 96', AVATAR_ELEMENTS), ...checkSvg(card.iconSvg, '0 0 48 48', ICON_ELEMENTS)];
      expect(own.length).toBeGreaterThanOrEqual(3);
      for (const svgId of own) {
        expect(svgId.startsWith(idPrefix)).toBe(true);
        expect(all.has(svgId)).toBe(false);
        all.add(svgId);
      }
    }
  });

  it('puts only A–Z letters into the SVG', () => {
    for (const id of ids(500)) {
      const t = personaTraits(id);
      const card = personaCard(id);
      expect(card.initials).toMatch(/^[A-Z]{2}$/);
      expect(t.icon.letter).toMatch(/^[A-Z]$/);
      const texts = parseXml(card.iconSvg).filter((e) => e.name === 'text');
      for (const text of texts) expect(text.text).toMatch(/^[A-Z]$/);
      expect(parseXml(card.avatarSvg).every((e) => e.text === '')).toBe(true);
    }
  });

  it('encodes an SVG as a data URL for <img src>', () => {
    const svg = personaCard('persona-1').avatarSvg;
    const url = svgDataUrl(svg);
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,%3Csvg')).toBe(true);
    expect(url).not.toMatch(/[<>"#\s]/);
    expect(decodeURIComponent(url.slice('data:image/svg+xml;charset=utf-8,'.length))).toBe(svg);
    expect(svgDataUrl('<svg/>')).toBe('data:image/svg+xml;charset=utf-8,%3Csvg%2F%3E');
  });
});

describe('initials and text', () => {
  it('files a name under its first capital, stripped to A–Z', () => {
    expect(initialOf('Priya')).toBe('P');
    expect(initialOf('de Vries')).toBe('V');
    expect(initialOf('van Leeuwen')).toBe('L');
    expect(initialOf("O'Neill")).toBe('O');
    expect(initialOf('Łukasz')).toBe('L');
    expect(initialOf('Đặng')).toBe('D');
    expect(initialOf('Éti')).toBe('E');
    expect(initialOf('Şahin')).toBe('S');
    expect(initialOf('<script>')).toBe('S');
    expect(asciiLetters('Ji-woo Ørsted')).toBe('JIWOOORSTED');
    expect(xmlEscape(`<a href="x">&'`)).toBe('&#60;a href=&#34;x&#34;&#62;&#38;&#39;');
  });

  it('gives every pooled name an initial', () => {
    for (const c of NAME_CULTURES) {
      for (const name of [...c.female, ...c.male, ...c.surnames.flatMap((s) => (typeof s === 'string' ? [s] : [s.m, s.f]))]) {
        expect(initialOf(name), `${c.id}: ${name}`).toMatch(/^[A-Z]$/);
      }
    }
  });
});

describe('company names', () => {
  it('reads CRM industry values', () => {
    const cases: [string | null, IndustryKind][] = [
      ['Healthcare', 'healthcare'],
      ['Hospital & Health Care', 'healthcare'],
      ['Medical Devices', 'healthcare'],
      ['Banking', 'financial'],
      ['Financial Services', 'financial'],
      ['Insurance', 'insurance'],
      ['Pharmaceuticals', 'pharma'],
      ['Biotechnology', 'pharma'],
      ['Manufacturing', 'manufacturing'],
      ['Machinery', 'manufacturing'],
      ['Software', 'technology'],
      ['Information Technology & Services', 'technology'],
      ['Technology', 'technology'],
      ['Retail', 'retail'],
      ['Food & Beverage', 'retail'],
      ['Logistics', 'logistics'],
      ['Transportation', 'logistics'],
      ['Shipping', 'logistics'],
      ['Education', 'education'],
      ['EdTech', 'education'],
      ['Energy', 'energy'],
      ['Oil & Gas', 'energy'],
      ['Utilities', 'energy'],
      ['Telecommunications', 'telecom'],
      ['Communications', 'telecom'],
      ['Consulting', 'consulting'],
      ['Management Consulting', 'consulting'],
      ['Government', 'government'],
      ['Public Sector', 'government'],
      ['Underwater Basket Weaving', 'generic'],
      ['', 'generic'],
      [null, 'generic'],
    ];
    for (const [industry, kind] of cases) expect([industry, industryKind(industry)]).toEqual([industry, kind]);
  });

  it('fits the name to the industry hint', () => {
    const kinds: [string, RegExp][] = [
      ['Healthcare', / (Health|Medical Group|Health Partners|Care|Clinics|Health System|Medical Center|Family Health)$/],
      ['Banking', / (Capital|Financial|Bank|Trust|Wealth Partners|Credit Union|Savings Bank|Capital Partners)$/],
      ['Manufacturing', / (Industries|Works|Manufacturing|Fabrication|Machine Works|Components|Metalworks|Industrial)$/],
      ['Software', / (Labs|Systems|Software|Technologies|Data|Digital|Cloud)$/],
      ['Government', /^City of |( County| Regional Authority| Public Works| Transit Authority| Water District)$/],
      ['Education', / (Academy|College|Learning|Institute|University|School District)$/],
    ];
    for (const [industry, pattern] of kinds) {
      for (const id of ids(60)) expect(personaCard(id, { industry }).company).toMatch(pattern);
    }
    expect(personaCard('persona-3', { industry: 'Healthcare' }).company).toBe(personaCard('persona-3', { industry: 'Hospital & Health Care' }).company);
  });

  it('never produces a denied brand name', () => {
    // The pools can form a few denied names ("Cedar Point", "Willow Creek"): about 1 in
    // 500 draws, so the 28,000 draws here exercise the filter.
    const kinds = Object.keys(INDUSTRY_SUFFIXES).concat('government') as IndustryKind[];
    const random = new Random(7);
    for (const kind of kinds) {
      for (let i = 0; i < 2000; i++) expect(isDeniedCompanyName(companyName(random, kind))).toBe(false);
    }
  });

  it('denies brands as whole words only', () => {
    expect(isDeniedCompanyName('Apple Systems')).toBe(true);
    expect(isDeniedCompanyName('Northwind Oracle Labs')).toBe(true);
    expect(isDeniedCompanyName('Johnson & Johnson')).toBe(true);
    expect(isDeniedCompanyName('Cedar Point Health')).toBe(true);
    expect(isDeniedCompanyName('Goldman Sachs Capital')).toBe(true);
    expect(isDeniedCompanyName('Pineapple Labs')).toBe(false);
    expect(isDeniedCompanyName('Cedar Pointe Health')).toBe(false);
    expect(isDeniedCompanyName('Northwind Health')).toBe(false);
  });

  it('keeps brand words out of the pools themselves', () => {
    const words = [...PLACE_STEMS, ...NATURE_WORDS, ...LANDFORM_WORDS, ...ABSTRACT_STEMS, ...Object.values(INDUSTRY_SUFFIXES).flat()];
    for (const word of words) expect([word, isDeniedCompanyName(word)]).toEqual([word, false]);
    expect(DENIED_COMPANY_NAMES.length).toBeGreaterThan(50);
  });
});

describe('palettes', () => {
  it('has a dozen palettes that hold contrast on light and dark pages', () => {
    expect(PALETTES.length).toBe(12);
    expect(new Set(PALETTES.map((p) => p.name)).size).toBe(12);
    for (const p of PALETTES) {
      expect([p.name, contrast(p.primary, '#ffffff') >= 4]).toEqual([p.name, true]);
      expect([p.name, contrast(p.primary, '#0f172a') >= 3]).toEqual([p.name, true]);
      expect([p.name, contrast(p.secondary, p.primary) >= 3]).toEqual([p.name, true]);
      // The avatar's background tint is visible on white and bright on dark.
      expect([p.name, contrast(p.background, '#ffffff') >= 1.08]).toEqual([p.name, true]);
      expect([p.name, contrast(p.background, '#0f172a') >= 12]).toEqual([p.name, true]);
    }
  });

  it('gives every card one of them', () => {
    const known = new Set(PALETTES.map((p) => JSON.stringify({ primary: p.primary, secondary: p.secondary, background: p.background })));
    for (const id of ids(50)) expect(known.has(JSON.stringify(personaCard(id).palette))).toBe(true);
  });
});
