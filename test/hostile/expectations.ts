/**
 * What both runs of the hostile corpus check, whatever the path: messages within bounds,
 * warnings and rejections as each case's row says.
 */
import { expect } from 'vitest';
import type { Expectation } from '../../scripts/hostile/corpus';

/** The longest message a warning, a rejection or a refusal may be: quoted values are cut to ~60 characters, lists to ~20 names. */
export const MAX_MESSAGE = 700;

/** A generous bound that still catches a hang: the largest read file is a few megabytes and reads in well under a second. */
export const CASE_BOUND_MS = 90_000;

/** Characters no output of the CLI may carry raw: C0 controls but tab and line feed, DEL, C1, bidi overrides. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const RAW_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

type Read = Extract<Expectation, { kind: 'read' }>;

export function expectRead(read: Read, got: { opportunities: number; rejected: { line: number; reason: string }[]; warnings: string[] }): void {
  expect(got.opportunities).toBe(read.opportunities);
  expect(got.rejected.length).toBe(read.rejected);
  for (const pattern of read.warnings) expect(got.warnings, String(pattern)).toContainEqual(expect.stringMatching(pattern));
  for (const pattern of read.rejections ?? []) expect(got.rejected.map((r) => r.reason)).toContainEqual(expect.stringMatching(pattern));
  for (const message of [...got.warnings, ...got.rejected.map((r) => r.reason)]) {
    expect(message.length, message.slice(0, 120)).toBeLessThanOrEqual(MAX_MESSAGE);
  }
}

/** A refusal: the case's message, one line, within bounds. */
export function expectRefusal(message: string, pattern: RegExp): void {
  expect(message).toMatch(pattern);
  expect(message).not.toContain('\n');
  expect(message.length).toBeLessThanOrEqual(MAX_MESSAGE);
}
