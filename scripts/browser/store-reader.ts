/**
 * Reads the extension's IndexedDB store from one of its pages (the store's origin), for
 * e2e tests, benchmarks and the demo: `await readTable<JobRecord>(optionsPage, 'jobs')`.
 * The callback is sent as plain JavaScript: tsx wraps named functions in a TypeScript
 * callback with a `__name` helper that does not exist in the page.
 */
import type { Page } from 'puppeteer';

export function readTable<T>(page: Page, table: string): Promise<T[]> {
  const name = JSON.stringify(table);
  return page.evaluate(`new Promise((resolve, reject) => {
    const request = indexedDB.open('dealsight');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const all = db.transaction(${name}).objectStore(${name}).getAll();
      all.onsuccess = () => {
        resolve(all.result);
        db.close();
      };
      all.onerror = () => reject(all.error);
    };
  })`) as Promise<T[]>;
}

/**
 * Waits until the stored value of a global setting (lib/store/schema.ts `SETTINGS`) passes
 * `test`, a JavaScript expression of `value` run in the page: a page writes its settings
 * asynchronously, so a test that reopens it waits for the write to land.
 */
export async function waitForSetting(page: Page, name: string, test: string, timeout = 15_000): Promise<void> {
  const key = JSON.stringify(name);
  await page.waitForFunction(
    `new Promise((resolve) => {
      const request = indexedDB.open('dealsight');
      request.onerror = () => resolve(false);
      request.onsuccess = () => {
        const db = request.result;
        const get = db.transaction('settings').objectStore('settings').get(${key});
        get.onsuccess = () => {
          const value = get.result === undefined ? undefined : get.result.value;
          db.close();
          resolve(Boolean(${test}));
        };
        get.onerror = () => resolve(false);
      };
    })`,
    { timeout, polling: 100 },
  );
}

/** A sync job's row as the store keeps it (the fields tests and the demo read). */
export interface SyncJobRow {
  id: number;
  kind: string;
  status: string;
  step: string | null;
  done: number;
  total: number;
  startedAt: string | null;
  finishedAt: string | null;
  summary: string | null;
  error: string | null;
}

/** Clicks the first enabled button whose trimmed text matches `label`, waiting for it to appear. */
export async function clickButton(page: Page, label: RegExp, timeout = 20_000): Promise<void> {
  const handle = await page.waitForFunction(
    `Array.from(document.querySelectorAll('button')).find((b) => ${label}.test((b.textContent || '').trim()) && !b.disabled) || null`,
    // On a timer, not animation frames: those stop in a background tab.
    { timeout, polling: 200 },
  );
  await (handle as unknown as { click(): Promise<void> }).click();
}
