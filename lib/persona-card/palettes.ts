/**
 * The card palettes. `primary` fills the company badge and accents the avatar, so it is a
 * mid tone: at least 3:1 against white (white marks on it, and it on a light page) and at
 * least 3:1 against a dark page (#0f172a), so badges hold their edge in dark mode too.
 * `secondary` is a lighter accent that reads on `primary`; `background` is the soft tint
 * behind the avatar. test/persona-card/persona-card.test.ts checks these contrasts.
 */
export interface Palette {
  readonly primary: string;
  readonly secondary: string;
  readonly background: string;
}

export const PALETTES: readonly (Palette & { readonly name: string })[] = [
  { name: 'indigo', primary: '#5b54e8', secondary: '#b4c0fd', background: '#e0e7ff' },
  { name: 'teal', primary: '#0f8a80', secondary: '#7ef0dc', background: '#ccfbf1' },
  { name: 'coral', primary: '#d4473f', secondary: '#fed3a6', background: '#ffe4de' },
  { name: 'amber', primary: '#b26a00', secondary: '#fde08a', background: '#fef3c7' },
  { name: 'forest', primary: '#2f855a', secondary: '#a9ecc0', background: '#dcfce7' },
  { name: 'plum', primary: '#9446c2', secondary: '#ecc4ff', background: '#f3e8ff' },
  { name: 'ocean', primary: '#2b6cb0', secondary: '#a5d8f7', background: '#dbeafe' },
  { name: 'rose', primary: '#cc3d74', secondary: '#fdc8da', background: '#ffe4ef' },
  { name: 'slate', primary: '#56708a', secondary: '#c4d5e6', background: '#e2e8f0' },
  { name: 'terracotta', primary: '#bd5423', secondary: '#fcdca6', background: '#feebdc' },
  { name: 'sage', primary: '#4f7a55', secondary: '#cfe3c9', background: '#e6efe1' },
  { name: 'lagoon', primary: '#0e7490', secondary: '#8eeefb', background: '#cffafe' },
];
