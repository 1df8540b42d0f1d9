/**
 * Whether the panel is collapsed, remembered across pages and reloads.
 *
 * Kept in the CRM origin's localStorage: the manifest has no `storage` permission (the
 * extension's data lives in IndexedDB on the extension origin, which a content script
 * cannot reach), and asking the background would make the first paint wait for a round
 * trip and flash the wrong state. It is a UI preference, not CRM data, under one
 * namespaced key. localStorage can throw (disabled storage, sandboxed frames): then the
 * panel starts expanded.
 */
export const COLLAPSED_KEY = 'dealsight:overlay:collapsed';

export function readCollapsed(storage: Storage | null): boolean {
  try {
    return storage?.getItem(COLLAPSED_KEY) === '1';
  } catch {
    return false;
  }
}

export function writeCollapsed(storage: Storage | null, collapsed: boolean): void {
  try {
    if (collapsed) storage?.setItem(COLLAPSED_KEY, '1');
    else storage?.removeItem(COLLAPSED_KEY);
  } catch {
    // Not remembered; nothing else to do.
  }
}
