// @ts-check
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import layers from './eslint-rules/layers.js';

const ROOT = dirname(fileURLToPath(import.meta.url));

const BROWSER_GLOBALS = ['window', 'document', 'navigator', 'browser', 'chrome', 'indexedDB', 'localStorage', 'location', 'fetch'].map((name) => ({
  name,
  message: 'Pure computation: no DOM, no browser APIs, no I/O.',
}));

/**
 * Node-only code that nothing in the extension may import: the sandbox CRM servers
 * (sandbox/), the demo and browser scripts, the tests, the command's launchers.
 */
const NODE_ONLY = ['sandbox', 'scripts', 'test', 'bin'];
const CONTENT_SCRIPT_FILES = ['entrypoints/*.content/**', 'entrypoints/*.content.{ts,tsx}'];
const ANY_CODE = '**/*.{ts,tsx,js,mjs}';

/**
 * Who may import what: the layers, as one table (eslint-rules/layers.js resolves every
 * import, barrels and aliases included, and checks it against each zone the file is in).
 * test/architecture/ proves each entry fires (lint-fixtures.ts), and checks what lint
 * cannot see file by file: cycles and what a content script reaches transitively.
 */
export const LAYERS = [
  {
    zone: 'engine',
    files: ['lib/engine/**'],
    allow: {
      areas: ['lib/engine', 'lib/crm/opportunity', 'lib/crm/leakage', 'lib/seeded'],
      packages: ['ml-*'],
      why: 'lib/engine is pure computation on the opportunity model (lib/crm/opportunity.ts) and its leakage rules by name (lib/crm/leakage.ts, shared with the importers): nothing above it, no browser or Node API, no presentation.',
    },
  },
  {
    zone: 'seeded',
    files: ['lib/seeded/**'],
    allow: {
      areas: ['lib/seeded'],
      packages: [],
      why: 'The seeded primitives (a random stream, a string hash) are frozen leaves the engine, the sandbox generator and the persona cards share.',
    },
  },
  {
    zone: 'persona-card',
    files: ['lib/persona-card/**'],
    allow: {
      areas: ['lib/persona-card', 'lib/seeded'],
      types: ['lib/engine'],
      packages: [],
      why: 'Persona cards are pure presentation drawn from an id and hints; the overlay draws avatars with them, so they pull no engine code.',
    },
  },
  {
    zone: 'crm',
    files: ['lib/crm/**'],
    deny: [
      {
        area: ['lib/jobs', 'components', 'entrypoints', 'workers'],
        why: 'Connectors and parsers stay below the store, the jobs and the UI: they return data, others store and show it.',
      },
      // A connector is lent a connection's settings (lib/crm/connector.ts); their types are the store schema's.
      { area: 'lib/store', types: true, why: 'Connectors never call the store: the background and the runner lend them what they need.' },
      { area: ['lib/engine', 'lib/persona-card'], why: 'The engine builds on the opportunity model, not the other way round.' },
      { area: ['package:dexie', 'package:comlink', 'package:ml-*'], why: 'Only lib/store talks to IndexedDB; connectors run no models.' },
    ],
  },
  {
    zone: 'sandbox-generator',
    files: ['lib/sandbox/**'],
    deny: [
      { area: 'package:node:*', why: 'The sandbox generator runs in the extension too (Try with sandbox data); Node APIs belong to the sandbox servers.' },
      {
        area: ['lib/store', 'lib/jobs', 'components', 'entrypoints', 'workers', 'package:dexie'],
        why: 'The generator returns opportunities; others store them.',
      },
    ],
  },
  {
    zone: 'leads',
    files: ['lib/leads/**'],
    deny: [
      {
        area: ['lib/store', 'lib/jobs', 'components', 'entrypoints', 'workers', 'package:dexie'],
        why: 'Lead searches are built from persona attributes alone.',
      },
      { area: 'lib/engine', types: true, why: 'Lead searches read personas, they do not compute them.' },
    ],
  },
  {
    zone: 'store',
    files: ['lib/store/**'],
    deny: [
      { area: ['components', 'entrypoints', 'lib/jobs', 'workers', 'lib/persona-card'], why: 'The store holds data; the jobs fill it and the UI reads it.' },
      { area: 'lib/engine', types: true, why: "The store keeps the engine's output, it does not run the engine." },
      { area: ['package:comlink', 'package:ml-*'], why: 'The store runs no models.' },
    ],
  },
  {
    zone: 'jobs',
    files: ['lib/jobs/**'],
    deny: [
      { area: ['components', 'entrypoints'], why: 'Jobs run in the background and the runner; they know no UI.' },
      { area: 'workers', types: true, why: 'The runner drives the worker through its API type, over Comlink.' },
      // build.ts turns an analysis into panel data inside the engine worker (workers/engine-api.ts).
      { area: 'lib/engine', types: true, except: ['lib/jobs/build.ts'], why: "Jobs hand the engine's work to the worker." },
      { area: 'package:dexie', why: 'Only lib/store talks to IndexedDB.' },
    ],
  },
  {
    zone: 'workers',
    files: ['workers/**'],
    deny: [
      { area: ['components', 'entrypoints', 'package:dexie'], why: 'The worker computes: plain data in and out, no UI, no storage.' },
      { area: 'lib/store', types: true, why: 'The worker is given its data; the runner stores the results.' },
    ],
  },
  {
    zone: 'components',
    files: ['components/**'],
    deny: [
      {
        area: ['package:dexie', 'package:comlink', 'workers', 'entrypoints', 'lib/jobs'],
        why: 'Components draw what a page or content script hands them: no storage, no worker, no jobs.',
      },
      {
        area: 'lib/store',
        types: true,
        why: 'Pages read the store through their data source (entrypoints/*/store-source.ts) and hand components the data, or the options page its state holding the source.',
      },
    ],
  },
  {
    zone: 'content-script',
    // The content scripts and the UI they mount (test/architecture checks the whole graph).
    files: [...CONTENT_SCRIPT_FILES, 'components/overlay/**', 'components/panels/**', 'components/charts/**', 'components/ui/**'],
    deny: [
      {
        area: ['lib/engine', 'lib/store', 'lib/jobs', 'workers'],
        types: true,
        why: 'A content script holds no data and runs no models: it asks the background (design.md, data flow).',
      },
      {
        area: ['entrypoints/background', 'lib/cli', 'package:dexie', 'package:comlink', 'package:ml-*'],
        why: 'A content script holds no data and runs no models: it asks the background (design.md, data flow).',
      },
    ],
  },
  {
    zone: 'entrypoints',
    files: ['entrypoints/**'],
    ignores: ['entrypoints/background/**'],
    deny: [{ area: 'entrypoints/background', why: 'Pages and content scripts talk to the background by message (lib/messages.ts), never by import.' }],
  },
  {
    zone: 'background',
    files: ['entrypoints/background/**', 'entrypoints/offscreen/**'],
    deny: [{ area: 'components', why: 'The background and the offscreen document have no UI.' }],
  },
  {
    zone: 'lib',
    files: ['lib/**'],
    deny: [
      { area: ['components', 'entrypoints'], why: 'lib/ is below the UI and the entrypoints.' },
      { area: 'workers', types: true, why: 'lib/ reaches the worker only through its API type.' },
    ],
  },
  {
    zone: 'sandbox-servers',
    files: ['sandbox/**'],
    deny: [
      {
        area: ['lib/store', 'lib/jobs', 'components', 'entrypoints', 'workers', 'package:dexie'],
        why: 'The sandbox CRM servers stand in for Salesforce and HubSpot: they build on the generator and the CRM types, never on the extension above its connectors.',
      },
    ],
  },
  {
    zone: 'node-tools',
    files: ['sandbox/**', 'scripts/**'],
    deny: [{ area: 'test', why: 'The sandbox servers and the scripts serve the tests and the demo: tests import them, never the other way round.' }],
  },
  {
    zone: 'extension',
    files: ['lib/**', 'components/**', 'entrypoints/**', 'workers/**'],
    deny: [
      { area: NODE_ONLY, why: 'Node-only code (sandbox servers, scripts, tests) is never part of the extension.' },
      { area: 'lib/cli', except: ['lib/cli/**'], why: 'The dealsight command is Node code; the extension does not import it.' },
    ],
  },
];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'dist/**', 'tmp/**', 'screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // `import { type A } from 'x'` keeps a bare `import 'x'` under verbatimModuleSyntax:
      // write `import type`, so a type-only import is one in the bundle and in the import graph.
      '@typescript-eslint/no-import-type-side-effects': 'error',
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
    files: [ANY_CODE],
    plugins: { dealsight: { rules: { layers } } },
    rules: { 'dealsight/layers': ['error', { root: ROOT, zones: LAYERS }] },
  },
  {
    // The pure layers: no DOM, no browser.*, no I/O (imports are checked by dealsight/layers).
    files: ['lib/engine/**/*.ts', 'lib/persona-card/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', ...BROWSER_GLOBALS] },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.mjs', 'scripts/**/*.mjs', 'bin/**/*.mjs', '*.config.*', '.puppeteerrc.cjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', module: 'writable', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
    rules: { 'no-restricted-globals': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
);
