/**
 * Where a row click goes: the record in its CRM when the row has a web URL, else the
 * extension's detail page (CSV and sandbox records have no CRM page). Only http(s) URLs
 * are followed: `crmUrl` is data, and data never chooses to run script.
 */
import type { PipelineRow } from '../panel-data';

export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** `detailPage` is the extension's `/detail.html` URL (`browser.runtime.getURL`). */
export function recordUrl(row: Pick<PipelineRow, 'connectionId' | 'id' | 'crmUrl'>, detailPage: string): string {
  if (row.crmUrl && isWebUrl(row.crmUrl)) return row.crmUrl;
  return `${detailPage}?c=${encodeURIComponent(row.connectionId)}&id=${encodeURIComponent(row.id)}`;
}
