/**
 * No user-facing literal bypasses lib/i18n (issue 17, item 3): every word the pages, panels,
 * overlay and popup show comes from `t()`, so German (lib/i18n/de) covers all of it. Scans
 * every .ts and .tsx file of components/ and entrypoints/ (i18n-literals.ts says what counts),
 * and shows on fixtures that the scan finds what it should.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './import-graph';
import { literalsIn, literalsInFiles, type Literal } from './i18n-literals';

/**
 * Known exceptions, each with its reason. A path ending in `/` covers a folder.
 * - The panel gallery (detail.html?gallery=1) is a developer's page for looking at panel
 *   states; no user reaches it, and its sample data is English on purpose.
 * - The consumer key's placeholder shows the shape of a Salesforce key ("3MVG9…"), not words.
 */
const EXCEPTIONS: ReadonlyArray<{ path: string; text?: string; why: string }> = [
  { path: 'entrypoints/detail/gallery/', why: 'developer page' },
  { path: 'components/options/connections/SalesforceOAuth.tsx', text: '3MVG9…', why: 'the form of a consumer key' },
];

const excepted = (l: Literal): boolean =>
  EXCEPTIONS.some((e) => (e.path.endsWith('/') ? l.file.startsWith(e.path) : l.file === e.path) && (e.text === undefined || e.text === l.text));

function sourceFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-co', '--exclude-standard', 'components', 'entrypoints'], { cwd: REPO_ROOT, encoding: 'utf8' });
  return out.split('\n').filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'));
}

describe('user-facing text in components/ and entrypoints/', () => {
  it('all comes from lib/i18n', () => {
    const files = sourceFiles();
    expect(files.length).toBeGreaterThan(100);
    const found = literalsInFiles(REPO_ROOT, files).filter((l) => !excepted(l));
    expect(found.map((l) => `${l.file}:${l.line} ${l.where}: ${l.text}`)).toEqual([]);
  });

  it('has no stale exception', () => {
    const all = literalsInFiles(REPO_ROOT, sourceFiles());
    for (const exception of EXCEPTIONS)
      expect(
        all.some((l) => excepted(l) && l.file.startsWith(exception.path)),
        exception.path,
      ).toBe(true);
  });
});

describe('the literal scan', () => {
  const found = (source: string, file = 'components/x/X.tsx'): string[] => literalsIn(file, source).map((l) => `${l.where}: ${l.text}`);

  it('finds JSX text, literal children, readable props and document.title', () => {
    const source = `
      export function X({ n }: { n: number }) {
        document.title = 'Dealsight settings';
        return (
          <section aria-label="Deal list" title={\`\${n} deals\`} class="text-sm px-2">
            <h2>Open pipeline</h2>
            {'Retry'}
            {n > 1 ? 'Many' : 'One'}
            <input placeholder='Search name' type="text" name="search" />
            <img alt="Logo" src="/icon/32.png" />
            <EmptyState heading="Nothing yet" icon="database" />
          </section>
        );
      }`;
    expect(found(source)).toEqual([
      'document.title: Dealsight settings',
      'aria-label: Deal list',
      'title: deals',
      'text: Open pipeline',
      'child: Retry',
      'child: Many One',
      'placeholder: Search name',
      'alt: Logo',
      'heading: Nothing yet',
    ]);
  });

  it('lets translated text, symbols, numbers, class names and ids through', () => {
    const source = `
      export function X({ t, n, label }: any) {
        document.title = t('options_pageTitle');
        return (
          <div class="flex gap-2 text-slate-500" id="connections" role="status" data-testid="csv-dropzone" title={\`\${t('popup_daysLabel')}: \${label}\`}>
            {t('common_loading')} · {n}%
            <span aria-label={t('popup_gridLabel')}>–</span>
            {' · '}
            {\`\${n} × \${n}\`}
          </div>
        );
      }`;
    expect(found(source)).toEqual([]);
  });
});
