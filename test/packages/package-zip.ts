/**
 * The store packages `npm run zip` and `npm run zip:firefox` write to .output/, read back
 * the way a store receives them: the zip's files, its manifest, and a PNG's size.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import JSZip from 'jszip';

export const ROOT = resolve(import.meta.dirname, '../..');

export const PACKAGE_JSON = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

export type PackageKind = 'chrome' | 'firefox' | 'sources';

/** WXT's default names (`{{name}}-{{version}}-{{browser}}.zip`, `{{name}}-{{version}}-sources.zip`). */
export function packagePath(kind: PackageKind): string {
  return resolve(ROOT, '.output', `${PACKAGE_JSON.name}-${PACKAGE_JSON.version}-${kind}.zip`);
}

export interface StorePackage {
  path: string;
  /** Every file (no directory entries), by its path in the zip. */
  files: Map<string, Uint8Array>;
}

export async function readPackage(kind: PackageKind): Promise<StorePackage> {
  const path = packagePath(kind);
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: run \`npm run zip && npm run zip:firefox\` first (\`npm run test:packages\` does)`);
  }
  const zip = await JSZip.loadAsync(readFileSync(path));
  const files = new Map<string, Uint8Array>();
  for (const entry of Object.values(zip.files)) {
    if (!entry.dir) files.set(entry.name, await entry.async('uint8array'));
  }
  return { path, files };
}

export function text(pkg: StorePackage, file: string): string {
  const bytes = pkg.files.get(file);
  if (!bytes) throw new Error(`${pkg.path} has no ${file}`);
  return new TextDecoder().decode(bytes);
}

/** The parts of manifest.json the checks read. */
export interface Manifest {
  manifest_version: number;
  name: string;
  description?: string;
  default_locale?: string;
  version: string;
  icons?: Record<string, string>;
  action?: { default_icon?: string | Record<string, string>; default_title?: string };
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: { extension_pages?: string; sandbox?: string };
  sandbox?: unknown;
  background?: { service_worker?: string; scripts?: string[] };
  content_scripts?: { matches: string[]; exclude_matches?: string[]; js?: string[]; css?: string[] }[];
  web_accessible_resources?: { resources: string[]; matches: string[] }[];
  browser_specific_settings?: { gecko?: { id?: string; strict_min_version?: string; data_collection_permissions?: unknown } };
  [key: string]: unknown;
}

export function manifestOf(pkg: StorePackage): Manifest {
  return JSON.parse(text(pkg, 'manifest.json')) as Manifest;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A PNG's width and height from its IHDR chunk, or null when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 24 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return null;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
