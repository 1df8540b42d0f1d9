import type { Request } from '../../kit/http';

/**
 * Which shape of the real product a page is served in. The evidence
 * (`../shared/crm-evidence.md`, "Salesforce Lightning: pages") shows several shapes for the
 * same page, and is silent on some; the sandbox serves each, so the overlay is tested on
 * all of them. Each option is read from the query string (`?app=console`), which the reply
 * remembers in a cookie (single-page navigation keeps the shape, as an org keeps its
 * settings), else from that cookie, else from the server's `pages` option.
 *
 * | option | values | what changes |
 * |---|---|---|
 * | `app` | `standard` (default), `console` | standard navigation (`.oneCenterStage > .oneContent.active`) or a Sales Console app (workspace tabs, `section.oneConsoleTab`) |
 * | `highlights` | `lwc` (default), `force`, `aura`, `none` | the record header: `records-highlights2` or `force-highlights2` in `records-lwc-highlights-panel`, the older Aura `.forceHighlightsPanel`, or none (an admin removed it) |
 * | `listMarkup` | `lwc` (default), `aura` | list views as `lightning-datatable` (id in `href` only) or the older Aura grid (`data-recordid`) |
 * | `theme` | `light` (default), `dark` | SLDS 2 dark mode: the scheme class on `<body>` |
 * | `darkClass` | `_dark` (default), `--dark` | which form of the class: `slds-color-scheme_dark` or `slds-color-scheme--dark` |
 *
 * Per request only (never remembered): `cached=N` (0–3) renders N earlier record pages
 * hidden in a standard app's stage, as Lightning keeps them after in-app navigation; and
 * the `X-Sandbox-Prerender: 1` header returns the document as the page script leaves it once
 * rendered (content in place, no delay), for tests that read the markup without a browser.
 */
export interface LightningPageOptions {
  app: 'standard' | 'console';
  highlights: 'lwc' | 'force' | 'aura' | 'none';
  listMarkup: 'lwc' | 'aura';
  theme: 'light' | 'dark';
  darkClass: '_dark' | '--dark';
}

export const PAGE_OPTION_DEFAULTS: LightningPageOptions = { app: 'standard', highlights: 'lwc', listMarkup: 'lwc', theme: 'light', darkClass: '_dark' };

/** Each option's allowed values and its cookie (`sandbox_theme` is the one the demo and benchmarks already set). */
export const PAGE_OPTIONS: { readonly [K in keyof LightningPageOptions]: { values: readonly LightningPageOptions[K][]; cookie: string } } = {
  app: { values: ['standard', 'console'], cookie: 'sandbox_sf_app' },
  highlights: { values: ['lwc', 'force', 'aura', 'none'], cookie: 'sandbox_sf_highlights' },
  listMarkup: { values: ['lwc', 'aura'], cookie: 'sandbox_sf_list' },
  theme: { values: ['light', 'dark'], cookie: 'sandbox_theme' },
  darkClass: { values: ['_dark', '--dark'], cookie: 'sandbox_sf_dark_class' },
};

/** The class SLDS 2 puts on `<body>` for the dark scheme, in the form the page uses. */
export function darkClassName(options: Pick<LightningPageOptions, 'darkClass'>): string {
  return `slds-color-scheme${options.darkClass}`;
}

export interface RequestShape {
  options: LightningPageOptions;
  /** Cookies remembering the options the query string set. */
  setCookies: string[];
  /** Earlier record pages to render hidden in a standard app's stage (`?cached=N`). */
  cached: number;
  /** Return the rendered document (`X-Sandbox-Prerender: 1`). */
  prerender: boolean;
}

/** Checks a `pages` server option up front, naming the bad value. */
export function resolvePageDefaults(pages: Partial<LightningPageOptions> | undefined, fail: (message: string) => never): LightningPageOptions {
  const out = { ...PAGE_OPTION_DEFAULTS };
  for (const [key, value] of Object.entries(pages ?? {})) {
    const option = PAGE_OPTIONS[key as keyof LightningPageOptions] as { values: readonly string[] } | undefined;
    if (option === undefined) fail(`pages.${key} is not a page option (${Object.keys(PAGE_OPTIONS).join(', ')})`);
    if (!option.values.includes(value as string)) fail(`pages.${key} must be one of ${option.values.join(', ')}, got "${String(value)}"`);
    (out as Record<string, unknown>)[key] = value;
  }
  return out;
}

/** The shape a request asks for: query string, else cookie, else the server's defaults. */
export function requestShape(request: Request, defaults: LightningPageOptions): RequestShape {
  const options = { ...defaults };
  const setCookies: string[] = [];
  for (const key of Object.keys(PAGE_OPTIONS) as Array<keyof LightningPageOptions>) {
    const { values, cookie } = PAGE_OPTIONS[key] as { values: readonly string[]; cookie: string };
    const asked = request.url.searchParams.get(key);
    if (asked !== null && values.includes(asked)) {
      (options as Record<string, string>)[key] = asked;
      setCookies.push(`${cookie}=${asked}; Path=/; SameSite=Lax`);
      continue;
    }
    const remembered = request.cookie(cookie);
    if (remembered !== undefined && values.includes(remembered)) (options as Record<string, string>)[key] = remembered;
  }
  const cached = Math.min(3, Math.max(0, Math.floor(Number(request.url.searchParams.get('cached') ?? 0)) || 0));
  return { options, setCookies, cached, prerender: request.header('x-sandbox-prerender') === '1' };
}
