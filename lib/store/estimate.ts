/** How much of the browser's storage Dealsight uses, for the options page. */

export interface StorageEstimate {
  /** Bytes used by the extension's origin. */
  usage: number;
  /** Bytes it may use; with the `unlimitedStorage` permission, the free disk space. */
  quota: number;
}

/**
 * `navigator.storage.estimate()` where the context has it (extension pages, workers, the
 * service worker), else null. Never throws: an estimate is only informative.
 */
export async function storageEstimate(): Promise<StorageEstimate | null> {
  const storage = (globalThis as { navigator?: { storage?: StorageManager } }).navigator?.storage;
  if (typeof storage?.estimate !== 'function') return null;
  try {
    const estimate = await storage.estimate();
    return { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0 };
  } catch {
    return null;
  }
}
