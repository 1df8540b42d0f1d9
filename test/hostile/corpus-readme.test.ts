/** The figure the README prints and the corpus's own table are true: they come from the corpus. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HOSTILE_CASES } from '../../scripts/hostile/corpus';
import { corpusReadme } from '../../scripts/hostile/readme';

const read = (path: string): string => readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8');

describe('the hostile corpus in the docs', () => {
  it('the README says how many hostile files are tried, and it is the corpus size', () => {
    const figures = [...read('../../README.md').matchAll(/(\d+) hostile files tried, all read or refused cleanly/g)].map((m) => Number(m[1]));
    expect(figures).toEqual([HOSTILE_CASES.length]);
    expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(30);
  });

  it('each file is named once', () => {
    expect(new Set(HOSTILE_CASES.map((c) => c.file)).size).toBe(HOSTILE_CASES.length);
  });

  it("the corpus's README table is current (npm run hostile-corpus rewrites it)", () => {
    expect(read('../fixtures/hostile/README.md')).toBe(corpusReadme());
  });
});
