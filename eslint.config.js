// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Browser and storage APIs that the pure layers must not reach. */
const BROWSER_IMPORTS = [
  { name: 'dexie', message: 'Only lib/store talks to IndexedDB.' },
  { name: 'webextension-polyfill', message: 'Browser APIs belong to entrypoints and lib/store.' },
  { name: 'wxt/browser', message: 'Browser APIs belong to entrypoints and lib/store.' },
];
const BROWSER_GLOBALS = ['window', 'document', 'navigator', 'browser', 'chrome', 'indexedDB', 'localStorage', 'location', 'fetch'].map(
  (name) => ({ name, message: 'lib/engine is pure computation: no DOM, no browser APIs, no I/O.' }),
);

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'dist/**', 'tmp/**', 'screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // CRM text is data: never parse it as HTML (design.md, house rule 6).
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render CRM text as text.' },
        { property: 'outerHTML', message: 'Render CRM text as text.' },
        { property: 'insertAdjacentHTML', message: 'Render CRM text as text.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render CRM text as text.' },
        { selector: "CallExpression[callee.name='eval']", message: 'No remote or dynamic code.' },
        { selector: "NewExpression[callee.name='Function']", message: 'No remote or dynamic code.' },
      ],
    },
  },
  {
    // The pure core: no DOM, no browser.*, no Dexie, no Node I/O.
    files: ['lib/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: BROWSER_IMPORTS,
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'lib/engine does no I/O.' },
            { group: ['**/store/**', '**/entrypoints/**', '**/components/**', '**/workers/**', '**/cli/**', '**/sandbox/**'], message: 'lib/engine imports nothing above it.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...BROWSER_GLOBALS],
    },
  },
  {
    // CRM connectors and parsers are shared by the background and the CLI. They may name
    // the store schema's types (the settings a connector is lent are typed there), never
    // call the store.
    files: ['lib/crm/**/*.ts', 'lib/sandbox/**/*.ts', 'lib/leads/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: BROWSER_IMPORTS.filter((p) => p.name === 'dexie'),
          patterns: [{ group: ['**/store/**', '**/entrypoints/**', '**/components/**'], message: 'Connectors stay below the store and the UI.', allowTypeImports: true }],
        },
      ],
    },
  },
  {
    // The sandbox generator runs in the extension (Try with sandbox data): no Node APIs.
    // Only the local sandbox CRM servers, which tests and the demo run in Node, may use them.
    files: ['lib/sandbox/**/*.ts'],
    ignores: ['lib/sandbox/*-server/**', 'lib/sandbox/server-kit/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: BROWSER_IMPORTS.filter((p) => p.name === 'dexie'),
          patterns: [
            { group: ['node:*', 'fs', 'http', 'path', 'os', 'child_process'], message: 'The sandbox generator runs in the extension too; Node APIs belong to lib/sandbox/*-server/ and lib/sandbox/server-kit/.' },
            { group: ['**/store/**', '**/entrypoints/**', '**/components/**'], message: 'Connectors stay below the store and the UI.' },
          ],
        },
      ],
    },
  },
  {
    // Content scripts hold no data and never import background code (design.md, data flow).
    files: ['entrypoints/*.content/**/*.{ts,tsx}', 'entrypoints/*.content.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'dexie', message: 'A content script owns no data: ask the background.' }],
          patterns: [
            { group: ['**/background*', '**/store/**', '**/workers/**', '**/engine/**', 'ml-*', 'comlink'], message: 'Content scripts never import background, store or ML code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.mjs', 'scripts/**/*.mjs', 'bin/**/*.mjs', '*.config.*', '.puppeteerrc.cjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', module: 'writable', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
    rules: { 'no-restricted-globals': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
);
