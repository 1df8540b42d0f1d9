/**
 * Text that ends up inside generated SVG. Names carry diacritics and apostrophes
 * (Łukasz, Đặng, O'Brien); SVG gets only A–Z initials, so no markup can ever leak in.
 */

/** Letters that Unicode does not decompose into a base letter plus a mark. */
const UNDECOMPOSED: Readonly<Record<string, string>> = {
  Ł: 'L',
  ł: 'L',
  Đ: 'D',
  đ: 'D',
  Ø: 'O',
  ø: 'O',
  Æ: 'A',
  æ: 'A',
  Œ: 'O',
  œ: 'O',
  ß: 'S',
  ı: 'I',
  Þ: 'T',
  þ: 'T',
  Ð: 'D',
  ð: 'D',
};

/** Upper-case A–Z only: diacritics stripped, everything else dropped. */
export function asciiLetters(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFD')) {
    const mapped = UNDECOMPOSED[ch] ?? ch;
    const upper = mapped.toUpperCase();
    for (const c of upper) if (c >= 'A' && c <= 'Z') out += c;
  }
  return out;
}

/**
 * The letter a name is filed under: its first capital, so "de Vries" gives V and
 * "van Dijk" gives D as people abbreviate them; otherwise its first letter.
 */
export function initialOf(name: string): string {
  for (const word of name.split(/[\s'’-]+/)) {
    const first = word.normalize('NFD')[0];
    if (first !== undefined && first !== first.toLowerCase()) {
      const letter = asciiLetters(word)[0];
      if (letter !== undefined) return letter;
    }
  }
  return asciiLetters(name)[0] ?? '';
}

/** XML-escape for text and attribute values (defence in depth: callers pass A–Z). */
export function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
