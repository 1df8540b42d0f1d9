/**
 * `npm run hostile-corpus`: writes the hostile-input corpus (scripts/hostile/corpus.ts)
 * into test/fixtures/hostile/, with its README table. The tests write it themselves when
 * it is missing or out of date; this is for looking at the files, or trying them by hand:
 * `npx dealsight check test/fixtures/hostile/<file>`.
 */
import { statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HOSTILE_CASES } from './hostile/corpus';
import { corpusReadme } from './hostile/readme';
import { CORPUS_DIR, ensureCorpus } from './hostile/write';

const started = performance.now();
const dir = ensureCorpus();
writeFileSync(join(CORPUS_DIR, 'README.md'), corpusReadme());
const bytes = HOSTILE_CASES.reduce((sum, c) => sum + statSync(join(dir, c.file)).size, 0);
console.log(
  `${HOSTILE_CASES.length} hostile files in ${relative(process.cwd(), dir) || '.'}/ (${(bytes / 1e6).toFixed(0)} MB), ` +
    `written or found current in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
