/** The page's tab lives in the URL's hash (`#insights`), so a link or a reload opens the same tab. */
import type { QualityTab } from '../../components/quality/types';

export function tabFromHash(hash: string): QualityTab {
  return hash.replace(/^#/, '') === 'insights' ? 'insights' : 'quality';
}

export function hashOf(tab: QualityTab): string {
  return tab === 'insights' ? '#insights' : '#quality';
}
