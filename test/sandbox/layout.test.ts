import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Where the Node-only code may be reached from. The sandbox CRM servers (sandbox/) and the
 * browser tools (scripts/) serve tests and the demo: the extension never imports them, and
 * neither they nor anything else outside test/ imports from test/.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function sources(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(?:ts|tsx|mjs)$/.test(name))
    .map((name) => join(folder, name));
}

/** Each relative import of a file, as the top-level folder it lands in. */
function importedFolders(file: string): Array<{ specifier: string; folder: string }> {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const found: Array<{ specifier: string; folder: string }> = [];
  for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const specifier = match[1] as string;
    const target = relative(ROOT, resolve(ROOT, dirname(file), specifier));
    found.push({ specifier, folder: target.split(/[\\/]/)[0] ?? '' });
  }
  return found;
}

function offending(folders: readonly string[], forbidden: readonly string[]): string[] {
  return folders.flatMap((folder) => sources(folder).flatMap((file) => importedFolders(file).filter((i) => forbidden.includes(i.folder)).map((i) => `${file} imports ${i.specifier}`)));
}

describe('layout', () => {
  it('the extension imports neither the sandbox servers, nor scripts, nor tests', () => {
    expect(offending(['lib', 'components', 'entrypoints', 'workers'], ['sandbox', 'scripts', 'test'])).toEqual([]);
  });

  it('the sandbox servers and the scripts do not import from test/', () => {
    expect(offending(['sandbox', 'scripts'], ['test'])).toEqual([]);
  });

  it('finds the imports it checks', () => {
    // The check itself: a file known to import the sandbox generator and the kit.
    expect(importedFolders('sandbox/salesforce/server.ts').map((i) => i.folder)).toEqual(expect.arrayContaining(['lib', 'sandbox']));
  });
});
