/** The hostile corpus as a table, for test/fixtures/hostile/README.md (a test keeps it in step with corpus.ts). */
import { HOSTILE_CASES } from './corpus';

const cell = (text: string): string => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

export function corpusReadme(): string {
  const rows = HOSTILE_CASES.map((c) => `| \`${c.file}\` | ${cell(c.about)} | ${cell(c.user)} |`);
  return [
    '# The hostile-input corpus',
    '',
    `${HOSTILE_CASES.length} files a careful attacker or a clumsy user hands the CSV importer (issue 14). They are generated, not`,
    'committed: `npm run hostile-corpus` (or the tests) writes them here from `scripts/hostile/corpus.ts`, where each case',
    'also says exactly which warnings, rejected rows or one-line refusal the user gets. `test/hostile/` runs every one',
    'through the CLI (`dealsight check`) and through the extension (the options page, the upload, the import job), with',
    'a time bound that catches a hang; in every case nothing already stored is lost. This table is generated too:',
    '`npm run hostile-corpus` rewrites it.',
    '',
    '| file | what it is | what the user gets |',
    '|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
