import { guard } from './log';

export type CrmTheme = 'light' | 'dark';

/** The channels of a `#rgb`/`#rrggbb` colour (what a DOM without layout reports as written), or null. */
function hexChannels(color: string): [string, string, string] | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m?.[1]) return null;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return [hex.slice(0, 2), hex.slice(2, 4), hex.slice(4, 6)].map((h) => String(parseInt(h, 16))) as [string, string, string];
}

/** Relative luminance (0 black … 1 white) of a CSS `rgb()`/`rgba()` or hex colour; null when transparent or unparsable. */
export function luminanceOf(color: string): number | null {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+))?/.exec(color);
  const channels = m ? ([m[1], m[2], m[3]] as [string, string, string]) : hexChannels(color);
  if (!channels) return null;
  if (m?.[4] !== undefined && Number(m[4]) === 0) return null;
  const [r, g, b] = channels.map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** How a CRM marks its own dark theme (its adapter's `isDark`: null where it has no marker), and the attributes that switch it. */
export interface ThemeRules {
  isDark: (doc: Document) => boolean | null;
  attributes: readonly string[];
}

/**
 * The CRM's theme: its own marker where it has one (SLDS 2's scheme class on `<body>`);
 * otherwise the computed background of the body (HubSpot, custom themes, Dark Reader-like
 * tools). Light when unsure.
 */
export function detectTheme(doc: Document, rules: ThemeRules): CrmTheme {
  return guard(
    'theme',
    () => {
      const marked = rules.isDark(doc);
      if (marked !== null) return marked ? 'dark' : 'light';
      const view = doc.defaultView;
      for (const el of [doc.body, doc.documentElement]) {
        if (!el || !view) continue;
        const l = luminanceOf(view.getComputedStyle(el).backgroundColor);
        if (l !== null) return l < 0.2 ? 'dark' : 'light';
      }
      return 'light';
    },
    'light',
  );
}

/** Calls `onChange` when the theme changes (class, style or data attributes on `<html>` or `<body>`), until `signal` aborts. */
export function watchTheme(doc: Document, rules: ThemeRules, signal: AbortSignal, onChange: (theme: CrmTheme) => void): void {
  if (signal.aborted) return;
  let current = detectTheme(doc, rules);
  const observer = new MutationObserver(() => {
    const next = detectTheme(doc, rules);
    if (next !== current) {
      current = next;
      onChange(next);
    }
  });
  const options = { attributes: true, attributeFilter: [...new Set(['class', 'style', 'data-theme', ...rules.attributes])] };
  observer.observe(doc.documentElement, options);
  if (doc.body) observer.observe(doc.body, options);
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
