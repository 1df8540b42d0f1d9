/**
 * `--include COL[,COL…]` and `--exclude COL[,COL…]`: the user's word on which of a file's
 * columns feed the models, over what the leakage checks decided (issue 15 item 4).
 * Columns are named as the file's header names them (case and spacing ignored) or by
 * their attribute key; a name the file does not have is an error that lists what it has.
 */
import { normalizeLabel } from '../crm/opportunity';
import type { ImportResult } from '../crm/csv/import';
import { listNames } from '../crm/csv/excerpt';
import { CliError } from './load';

export interface ColumnChoices {
  /** Attribute keys put back after the leakage checks set them aside. */
  keep: string[];
  /** Attribute keys never used. */
  exclude: string[];
}

export const COLUMN_USAGE = `  --include COLS put back columns set aside as known only at the close (comma-separated header names)
  --exclude COLS leave columns out of the models (comma-separated header names)`;

export function readColumnChoices(imported: ImportResult, include: unknown, exclude: unknown): ColumnChoices {
  const keep = resolve(imported, include, '--include');
  const excluded = resolve(imported, exclude, '--exclude');
  const both = keep.filter((key) => excluded.includes(key));
  if (both.length > 0) {
    const label = imported.fields.find((f) => f.key === both[0])?.label ?? both[0];
    throw new CliError(`"${label}" is both in --include and in --exclude: say one`);
  }
  return { keep, exclude: excluded };
}

function resolve(imported: ImportResult, value: unknown, flag: string): string[] {
  if (value === undefined) return [];
  if (typeof value !== 'string' || value.trim() === '') throw new CliError(`${flag} needs column names, such as ${flag} "Lead Quality"`);
  const byName = new Map<string, string>();
  for (const field of imported.fields) {
    byName.set(normalizeLabel(field.label), field.key);
    byName.set(normalizeLabel(field.key), field.key);
  }
  const keys: string[] = [];
  for (const name of value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')) {
    const key = byName.get(normalizeLabel(name));
    if (key === undefined) {
      throw new CliError(
        `${flag}: the file has no column "${name}" (its columns: ${listNames(
          imported.fields.map((f) => `"${f.label}"`),
          12,
        )})`,
      );
    }
    if (!keys.includes(key)) keys.push(key);
  }
  return keys;
}
