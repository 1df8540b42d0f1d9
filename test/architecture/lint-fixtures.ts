/**
 * Deliberate violations of the layer rules, one small file each, placed (virtually: linted
 * with ESLint's `lintText` and a `filePath`, never written into the tree) in the layer they
 * break, with exactly the errors each must get. `layers:<zone>` is a `dealsight/layers`
 * error of that zone (eslint.config.js, LAYERS); anything else is a rule id. The clean
 * controls, which must get none, show what each zone still allows.
 *
 * test/architecture/lint.test.ts lints them with the repository's config: removing a zone,
 * one of its entries or one of the other rules makes a fixture lose its error and fail.
 */
export interface LintFixture {
  name: string;
  /** Where the file pretends to be, relative to the repository root. */
  path: string;
  code: string;
  /** Every error it must get, and no other: `layers:<zone>` or a rule id. */
  expect: string[];
}

export const LINT_FIXTURES: LintFixture[] = [
  // lib/engine: nothing but itself and the opportunity model; no browser, no I/O.
  {
    name: 'engine imports the store through its barrel',
    path: 'lib/engine/__fixture__.ts',
    code: "import { db } from '../store';\nexport { db };\n",
    expect: ['layers:engine'],
  },
  {
    name: 'engine imports the persona cards',
    path: 'lib/engine/personas/__fixture__.ts',
    code: "import { personaCard } from '../../persona-card';\nexport { personaCard };\n",
    expect: ['layers:engine'],
  },
  {
    name: 'engine reads a file (Node built-in without node:)',
    path: 'lib/engine/__fixture__.ts',
    code: "import { readFileSync } from 'fs';\nexport { readFileSync };\n",
    expect: ['layers:engine'],
  },
  {
    name: 'engine imports browser APIs',
    path: 'lib/engine/__fixture__.ts',
    code: "import { browser } from 'wxt/browser';\nexport { browser };\n",
    expect: ['layers:engine'],
  },
  {
    name: 'engine imports a store type',
    path: 'lib/engine/__fixture__.ts',
    code: "import type { ModelRecord } from '../store/schema';\nexport type { ModelRecord };\n",
    expect: ['layers:engine'],
  },
  {
    name: 'engine touches the DOM',
    path: 'lib/engine/__fixture__.ts',
    code: 'export const title = (): string => document.title;\n',
    expect: ['no-restricted-globals'],
  },
  {
    name: 'clean: engine uses itself, the opportunity model, the seeded primitives and ml-*',
    path: 'lib/engine/forecast/__fixture__.ts',
    code: "import type { Opportunity } from '../../crm/opportunity';\nimport { Random } from '../../seeded/random';\nimport { bandOf } from '../bands';\nimport { kmeans } from 'ml-kmeans';\nexport const f = (o: Opportunity) => [o, Random, bandOf, kmeans];\n",
    expect: [],
  },

  // lib/seeded: frozen leaves (a random stream, a hash) that import nothing.
  {
    name: 'seeded primitives import engine code',
    path: 'lib/seeded/__fixture__.ts',
    code: "import { bandOf } from '../engine/bands';\nexport { bandOf };\n",
    expect: ['layers:seeded'],
  },

  // lib/persona-card: presentation without engine code (the overlay draws avatars).
  {
    name: 'persona card imports engine code',
    path: 'lib/persona-card/__fixture__.ts',
    code: "import { bandOf } from '../engine/bands';\nexport { bandOf };\n",
    expect: ['layers:persona-card'],
  },
  {
    name: 'persona card touches the DOM',
    path: 'lib/persona-card/__fixture__.ts',
    code: "export const el = (): unknown => document.createElement('img');\n",
    expect: ['no-restricted-globals'],
  },
  {
    name: 'clean: persona card uses engine types',
    path: 'lib/persona-card/__fixture__.ts',
    code: "import type { Persona } from '../engine/personas';\nimport { personaCard } from './index';\nexport const f = (p: Persona) => personaCard(p.id);\n",
    expect: [],
  },

  // lib/crm: connectors and parsers, below the store, the jobs, the engine and the UI.
  {
    name: 'connector imports the store through a barrel',
    path: 'lib/crm/salesforce/__fixture__.ts',
    code: "import { db } from '../../store';\nexport { db };\n",
    expect: ['layers:crm'],
  },
  {
    name: 'connector imports the jobs through the @ alias',
    path: 'lib/crm/hubspot/__fixture__.ts',
    code: "import { runJob } from '@/lib/jobs/runner';\nexport { runJob };\n",
    expect: ['layers:crm'],
  },
  {
    name: 'connector imports the engine',
    path: 'lib/crm/__fixture__.ts',
    code: "import { analyze } from '../engine/analyze';\nexport { analyze };\n",
    expect: ['layers:crm'],
  },
  { name: 'connector imports Dexie', path: 'lib/crm/csv/__fixture__.ts', code: "import Dexie from 'dexie';\nexport { Dexie };\n", expect: ['layers:crm'] },

  // lib/sandbox (the generator, which runs in the extension too).
  {
    name: 'sandbox generator starts a server',
    path: 'lib/sandbox/__fixture__.ts',
    code: "import { createServer } from 'node:http';\nexport { createServer };\n",
    expect: ['layers:sandbox-generator'],
  },
  {
    name: 'sandbox generator writes to the store',
    path: 'lib/sandbox/__fixture__.ts',
    code: "import { db } from '../store';\nexport { db };\n",
    expect: ['layers:sandbox-generator'],
  },

  // lib/leads: from persona attributes alone.
  {
    name: 'lead search runs the engine',
    path: 'lib/leads/__fixture__.ts',
    code: "import { alignWithModel } from '../engine/personas';\nexport { alignWithModel };\n",
    expect: ['layers:leads'],
  },
  { name: 'lead search reads the store', path: 'lib/leads/__fixture__.ts', code: "import { db } from '../store';\nexport { db };\n", expect: ['layers:leads'] },

  // lib/store: below the jobs, the worker and the UI; keeps the engine's output as types.
  {
    name: 'store starts a job',
    path: 'lib/store/__fixture__.ts',
    code: "import { runJob } from '../jobs/runner';\nexport { runJob };\n",
    expect: ['layers:store'],
  },
  {
    name: 'store runs the engine',
    path: 'lib/store/__fixture__.ts',
    code: "import { analyze } from '../engine/analyze';\nexport { analyze };\n",
    expect: ['layers:store'],
  },
  { name: 'store uses Comlink', path: 'lib/store/__fixture__.ts', code: "import { wrap } from 'comlink';\nexport { wrap };\n", expect: ['layers:store'] },
  {
    name: 'clean: store keeps engine types and writes CSV with the connector’s writer',
    path: 'lib/store/__fixture__.ts',
    code: "import type { WinModelJSON } from '../engine/win';\nimport { toCsv } from '../crm/csv/write';\nimport Dexie from 'dexie';\nexport const f = (m: WinModelJSON) => [m, toCsv, Dexie];\n",
    expect: [],
  },

  // lib/jobs: no UI; the engine and the worker as types (build.ts runs in the worker).
  {
    name: 'job runs the engine itself',
    path: 'lib/jobs/__fixture__.ts',
    code: "import { WinModel } from '../engine/win';\nexport { WinModel };\n",
    expect: ['layers:jobs'],
  },
  {
    name: 'job imports the worker’s code',
    path: 'lib/jobs/__fixture__.ts',
    code: "import { engineApi } from '../../workers/engine-api';\nexport { engineApi };\n",
    expect: ['layers:jobs', 'layers:lib'],
  },
  {
    name: 'job imports a component',
    path: 'lib/jobs/__fixture__.ts',
    code: "import { Card } from '../../components/ui/Card';\nexport { Card };\n",
    expect: ['layers:jobs', 'layers:lib'],
  },
  { name: 'job opens IndexedDB itself', path: 'lib/jobs/__fixture__.ts', code: "import Dexie from 'dexie';\nexport { Dexie };\n", expect: ['layers:jobs'] },
  {
    name: 'clean: build.ts runs the engine (in the worker); a job uses the worker’s API type',
    path: 'lib/jobs/build.ts',
    code: "import type { EngineApi } from '../../workers/engine-api';\nimport { WinModel } from '../engine/win';\nimport { db } from '../store';\nexport const f = (api: EngineApi) => [api, WinModel, db];\n",
    expect: [],
  },

  // workers: plain data in and out.
  { name: 'worker reads the store', path: 'workers/__fixture__.ts', code: "import { db } from '../lib/store';\nexport { db };\n", expect: ['layers:workers'] },
  {
    name: 'worker draws a component',
    path: 'workers/__fixture__.ts',
    code: "import { cx } from '../components/ui/cx';\nexport { cx };\n",
    expect: ['layers:workers'],
  },

  // components: no storage, no jobs, no worker.
  {
    name: 'component opens IndexedDB',
    path: 'components/options/__fixture__.tsx',
    code: "import Dexie from 'dexie';\nexport { Dexie };\n",
    expect: ['layers:components'],
  },
  {
    name: 'component reads the store (a barrel)',
    path: 'components/personas/__fixture__.ts',
    code: "import { db } from '../../lib/store';\nexport { db };\n",
    expect: ['layers:components'],
  },
  {
    name: 'component starts a job',
    path: 'components/quality/__fixture__.ts',
    code: "import { runJob } from '../../lib/jobs/runner';\nexport { runJob };\n",
    expect: ['layers:components'],
  },
  {
    name: 'component talks to the worker',
    path: 'components/personas/__fixture__.ts',
    code: "import { wrap } from 'comlink';\nimport { engineApi } from '../../workers/engine-api';\nexport { wrap, engineApi };\n",
    expect: ['layers:components', 'layers:components'],
  },
  {
    name: 'the options page’s state reads the store',
    path: 'components/options/state.ts',
    code: "import { db } from '../../lib/store';\nexport { db };\n",
    expect: ['layers:components'],
  },
  {
    name: 'clean: a component uses store types',
    path: 'components/options/state.ts',
    code: "import type { JobRecord } from '../../lib/store/schema';\nexport const f = (j: JobRecord) => j;\n",
    expect: [],
  },

  // Content scripts and the UI they mount: no engine, store, jobs or worker code.
  {
    name: 'content script imports engine code',
    path: 'entrypoints/salesforce.content/__fixture__.ts',
    code: "import { bandOf } from '../../lib/engine/bands';\nexport { bandOf };\n",
    expect: ['layers:content-script'],
  },
  {
    name: 'a panel imports engine code',
    path: 'components/panels/__fixture__.tsx',
    code: "import { checkSufficiency } from '../../lib/engine/sufficiency';\nexport { checkSufficiency };\n",
    expect: ['layers:content-script'],
  },
  {
    name: 'content script reads the store',
    path: 'entrypoints/hubspot.content/__fixture__.ts',
    code: "import { db } from '../../lib/store';\nexport { db };\n",
    expect: ['layers:content-script'],
  },
  {
    name: 'overlay imports ML code',
    path: 'components/overlay/__fixture__.ts',
    code: "import { kmeans } from 'ml-kmeans';\nexport { kmeans };\n",
    expect: ['layers:content-script'],
  },
  {
    name: 'content script imports the background',
    path: 'entrypoints/hubspot.content/__fixture__.ts',
    code: "import { handle } from '../background/index';\nexport { handle };\n",
    expect: ['layers:content-script', 'layers:entrypoints'],
  },
  {
    name: 'clean: a panel uses engine types and draws persona cards',
    path: 'components/panels/__fixture__.tsx',
    code: "import type { WinScore } from '../../lib/engine/win';\nimport { personaCard } from '../../lib/persona-card';\nexport const f = (w: WinScore) => [w, personaCard];\n",
    expect: [],
  },

  // Entrypoints talk to the background by message; the background draws nothing.
  {
    name: 'a page imports the background',
    path: 'entrypoints/popup/__fixture__.ts',
    code: "import { isExtensionPage } from '../background/senders';\nexport { isExtensionPage };\n",
    expect: ['layers:entrypoints'],
  },
  {
    name: 'the background imports a component',
    path: 'entrypoints/background/__fixture__.ts',
    code: "import { Card } from '../../components/ui/Card';\nexport { Card };\n",
    expect: ['layers:background'],
  },

  // lib/: below the UI and the entrypoints.
  {
    name: 'lib imports a component',
    path: 'lib/pipeline/__fixture__.ts',
    code: "import { Gauge } from '../../components/charts/Gauge';\nexport { Gauge };\n",
    expect: ['layers:lib'],
  },
  {
    name: 'lib imports an entrypoint',
    path: 'lib/__fixture__.ts',
    code: "import { storeSource } from '../entrypoints/popup/store-source';\nexport { storeSource };\n",
    expect: ['layers:lib'],
  },

  // The extension never imports Node-only code.
  {
    name: 'lib imports a sandbox server (top-level sandbox/)',
    path: 'lib/__fixture__.ts',
    code: "import { startServer } from '../sandbox/salesforce/server';\nexport { startServer };\n",
    expect: ['layers:extension'],
  },
  {
    name: 'a component imports a script',
    path: 'components/__fixture__.ts',
    code: "import { launch } from '../scripts/browser/harness';\nexport { launch };\n",
    expect: ['layers:extension'],
  },
  {
    name: 'a page imports a test',
    path: 'entrypoints/popup/__fixture__.ts',
    code: "import { fixture } from '../../test/content/salesforce-fixture';\nexport { fixture };\n",
    expect: ['layers:extension'],
  },
  {
    name: 'the worker imports the command',
    path: 'workers/__fixture__.ts',
    code: "import { main } from '../lib/cli/main';\nexport { main };\n",
    expect: ['layers:extension'],
  },
  {
    name: 'the generator imports a sandbox server',
    path: 'lib/sandbox/__fixture__.ts',
    code: "import { createSalesforceSandbox } from '../../sandbox/salesforce';\nexport { createSalesforceSandbox };\n",
    expect: ['layers:extension'],
  },

  // sandbox/ and scripts/: Node tools for the tests and the demo, below the tests and beside the extension.
  {
    name: 'a sandbox server reads the store',
    path: 'sandbox/salesforce/__fixture__.ts',
    code: "import { db } from '../../lib/store';\nexport { db };\n",
    expect: ['layers:sandbox-servers'],
  },
  {
    name: 'the sandbox kit imports a test helper',
    path: 'sandbox/kit/__fixture__.ts',
    code: "import { api } from '../../test/sandbox/hubspot-helpers';\nexport { api };\n",
    expect: ['layers:node-tools'],
  },
  {
    name: 'the demo imports a test helper',
    path: 'scripts/__fixture__.ts',
    code: "import { recordUrl } from '../test/content/salesforce-fixture';\nexport { recordUrl };\n",
    expect: ['layers:node-tools'],
  },
  {
    name: 'clean: Node code (sandbox/, lib/cli) uses Node and the generator',
    path: 'sandbox/salesforce/__fixture__.ts',
    code: "import { createServer } from 'node:http';\nimport { generateSandbox } from '../../lib/sandbox/generate';\nexport { createServer, generateSandbox };\n",
    expect: [],
  },
  {
    name: 'clean: the command imports itself',
    path: 'lib/cli/commands/__fixture__.ts',
    code: "import { main } from '../main';\nimport { readFileSync } from 'node:fs';\nexport { main, readFileSync };\n",
    expect: [],
  },

  // A type-only import written with inline `type` keeps a bare import at runtime.
  {
    name: 'inline type-only import',
    path: 'lib/format-fixture.ts',
    code: "import { type Opportunity } from './crm/opportunity';\nexport type { Opportunity };\n",
    expect: ['@typescript-eslint/no-import-type-side-effects'],
  },
];
