import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import tailwindcss from '@tailwindcss/vite';
import { manifestHosts } from './lib/crm/registry';

/** Firefox needs a stable id to sign an MV3 add-on and to keep its storage across updates. */
const GECKO_ID = 'dealsight@dealsight.app';

// `wxt build --mode e2e` sets NODE_ENV to the mode ('e2e'), so Vite would make a development
// bundle (import.meta.env.DEV, Preact's devtools hooks, WXT's debug logger). The e2e build
// must be the production bundle plus the localhost hosts; `import.meta.env.MODE` stays 'e2e'.
if (process.env.NODE_ENV === 'e2e') process.env.NODE_ENV = 'production';

export default defineConfig({
  // Explicit imports only: lint enforces the layering (content scripts never import
  // background code, lib/engine imports no browser API), which auto-imports would hide.
  imports: false,
  // Manifest V3 everywhere. WXT defaults Firefox to MV2; in Firefox MV3 it emits
  // `background.scripts` (an event page) instead of `service_worker`, which Firefox lacks.
  manifestVersion: 3,
  // `{{modeSuffix}}` is '' for production and '-e2e' for `--mode e2e`, so `npm run build`
  // (.output/chrome-mv3) and `npm run build:e2e` (.output/chrome-mv3-e2e) never overwrite
  // each other. Spelled out because scripts/browser/launch.ts depends on it.
  outDirTemplate: '{{browser}}-mv{{manifestVersion}}{{modeSuffix}}',
  // `npm run zip:firefox` also writes the sources archive Mozilla's reviewers rebuild the
  // add-on from (https://extensionworkshop.com/documentation/publish/source-code-submission/):
  // what builds the extension and the README's build steps, not the tests, the sandbox CRM
  // servers, the demo and browser scripts or the CLI, none of which is in the add-on.
  // WXT already leaves out dotfiles, node_modules and .output; `.puppeteerrc.cjs` is taken
  // back so a reviewer's `npm install` does not download a browser it never needs.
  // test/packages/packages.package.ts checks the archive's contents.
  zip: {
    excludeSources: ['test/**', 'sandbox/**', 'scripts/**', 'bin/**', 'screenshots/**', 'demo-output/**', 'vitest.config.ts', '*.csv'],
    includeSources: ['.puppeteerrc.cjs'],
  },
  vite: () => ({
    plugins: [preact(), tailwindcss()],
  }),
  manifest: ({ mode, browser }) => ({
    // Name, description and the toolbar button's tooltip in the browser's language, from
    // public/_locales/<lang>/messages.json (English and German; English where the browser's
    // language has none). The pages' own strings are lib/i18n's.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    action: { default_title: '__MSG_actionTitle__' },
    // Minimum permissions: `alarms` for the daily refresh; `cookies` to read the Salesforce
    // session (`sid`) the API calls use; `identity` for Salesforce's OAuth sign-in, for orgs
    // that refuse the browser session (API Access Control): `identity.launchWebAuthFlow` is
    // the only way an extension can run the authorization-code flow in a browser window and
    // catch its callback URL (`identity.getRedirectURL()`), and the API exists only with the
    // permission (Chrome shows no warning for it); `offscreen` (Chrome only) to run the
    // engine worker, which an MV3 service worker cannot start. Data lives in IndexedDB,
    // which needs no permission.
    permissions: browser === 'firefox' ? ['alarms', 'cookies', 'identity'] : ['alarms', 'cookies', 'identity', 'offscreen'],
    // Chrome gives an extension that spans incognito no cookie store id for a tab, so an
    // incognito Salesforce tab would read the regular profile's `sid` (another user, or a
    // stale session). "split" runs a separate instance of the extension in incognito, whose
    // cookies API reads the incognito store (Salesforce Inspector Reloaded does the same:
    // addon/manifest.json, addon/background.js; ../shared/crm-evidence.md, "incognito").
    // Its data stays apart too, and goes with the incognito session. Firefox does not
    // support "split"; there tabs carry their `cookieStoreId`, which the background passes
    // to every cookie read, so the default (spanning) reads the right store.
    ...(browser === 'firefox' ? {} : { incognito: 'split' as const }),
    // Every CRM's host table (lib/crm/<crm>/hosts.ts, through lib/crm/registry.ts): the
    // hosts whose cookies and API the background needs at install, and those asked for
    // when the user connects (HubSpot's API). The e2e build (`--mode e2e`) adds localhost,
    // where the sandbox CRM servers stand in (design.md, "Contracts others rely on").
    ...manifestHosts(mode === 'e2e'),
    // Asked for only when the user switches on the at-risk notifications (off by default).
    optional_permissions: ['notifications'],
    // No remote code: scripts come only from the package itself. (WXT's default would add
    // 'wasm-unsafe-eval'; nothing here runs WebAssembly, so it is left out.)
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // `data_collection_permissions` is read from Firefox 140 (the ESR line after 128,
              // which is out of support); an older minimum draws addons-linter's
              // KEY_FIREFOX_UNSUPPORTED_BY_MIN_VERSION warning.
              strict_min_version: '140.0',
              // AMO requires this for new add-ons since 2025-11-03. CRM data stays in the
              // browser: https://extensionworkshop.com/documentation/develop/firefox-builtin-data-consent/
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads the key from 142 (addons-linter's
            // KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION); `gecko` applies there otherwise.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
