/** Which files the CSV import takes, checked before a byte is read, and how the page reads one. */
import { MAX_CSV_BYTES } from '../../../lib/crm/csv/limits';
import { formatBytes } from '../bytes';
import { t } from '../i18n';

/** Larger files are refused up front (the CLI refuses them too). */
export { MAX_CSV_BYTES };

export const CSV_ACCEPT = '.csv,text/csv,text/tab-separated-values';

const TEXT_EXTENSIONS = new Set(['csv', 'tsv', 'tab', 'txt']);

/** Why the file cannot be imported, in a sentence; null when it may be read. */
export function refuseFile(file: Pick<File, 'name' | 'size' | 'type'>): string | null {
  const extension = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? null;
  const textual = file.type.startsWith('text/') || (extension !== null && TEXT_EXTENSIONS.has(extension));
  // An extension-less file with no type may still be a CSV: let the importer decide.
  if (!textual && (extension !== null || file.type !== '')) return t('options_csvNotCsv', { file: file.name });
  if (file.size > MAX_CSV_BYTES) return t('options_csvTooLarge', { file: file.name, size: formatBytes(file.size), limit: formatBytes(MAX_CSV_BYTES) });
  if (file.size === 0) return t('options_csvEmpty', { file: file.name });
  return null;
}

export type CsvFileReading = { ok: true; bytes: ArrayBuffer } | { ok: false; message: string };

/**
 * The file's bytes, or why it is not read. Bytes, not `file.text()`: text would be decoded
 * as UTF-8 whatever the file is, and a UTF-16 export would import as garbage; the importer
 * decodes them (UTF-8, UTF-16 with a byte-order mark, Windows-1252) or refuses (issue 14).
 */
export async function readCsvFile(file: Pick<File, 'name' | 'size' | 'type' | 'arrayBuffer'>): Promise<CsvFileReading> {
  const refusal = refuseFile(file);
  if (refusal) return { ok: false, message: refusal };
  return { ok: true, bytes: await file.arrayBuffer() };
}
