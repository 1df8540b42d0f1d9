/**
 * The overlay's soak: many in-app navigations in one Chromium tab across a CRM's record
 * pages, console tabs, list views and boards, checking after each that the page shows
 * exactly what it should (one panel on a record page, in the part of the page the user
 * sees; none on a list; at most one chip per record link, naming that link's record), and
 * measuring the JavaScript heap of the page (the content script lives in its isolate) and
 * of the extension (the service worker, the offscreen runner) after warm-up and at the end.
 * test/e2e/overlay-soak.e2e.ts runs a short soak; `npm run bench` runs 1,000 navigations
 * (test/bench/soak.ts). Each sandbox CRM says where its stops are (sandbox/crms.ts).
 */
import type { CDPSession, Page, Target } from 'puppeteer';
import type { ExtensionSession } from './launch';
import { waitForRoots } from './shadow';

export interface SoakStop {
  /** What the stop is, for messages ("console tab 2", "deals board"). */
  name: string;
  kind: 'record' | 'list';
  /** Goes there the way the app does (its own SPA navigation, a console tab switch). */
  go(page: Page): Promise<void>;
  /** On a list: the selector of the record links that get chips in the visible page. */
  links?: string;
}

/** One page shape of an app (standard navigation, a console): where it opens, and the stops a soak moves through in it. */
export interface SoakTour {
  name: string;
  /** Opened with a full page load; every stop after it is an in-app navigation. */
  start: string;
  stops: SoakStop[];
}

export interface SoakResult {
  tour: string;
  navigations: number;
  violations: string[];
  /** Heap in use after a forced garbage collection, in MB. */
  heap: { page: { start: number; end: number }; extension: { start: number; end: number } };
  /** Median time from a navigation to a settled page, in ms. */
  medianStepMs: number;
}

/** Heap in use (MB) of a target's isolate, after a forced garbage collection. */
async function heapMb(session: CDPSession): Promise<number> {
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  return usedSize / 1024 / 1024;
}

/** The extension's own contexts that hold memory: its service worker and, on Chrome, the offscreen runner when open. */
async function extensionHeapMb(session: ExtensionSession): Promise<number> {
  const targets = session.browser
    .targets()
    .filter(
      (t: Target) => t.url().startsWith(`chrome-extension://${session.extensionId}/`) && ['service_worker', 'background_page', 'other'].includes(t.type()),
    );
  let total = 0;
  for (const target of targets) {
    try {
      const cdp = await target.createCDPSession();
      total += await heapMb(cdp);
      await cdp.detach();
    } catch {
      // A target that went away between the listing and the measure (the offscreen document closing when idle).
    }
  }
  return total;
}

/**
 * Whether the page has settled, checked in the page (plain JavaScript: tsx's helpers do not
 * exist there): a record page shows its one panel with an answer (read in its closed root
 * through `rootOf`, scripts/browser/shadow.ts); a list shows a chip beside every record link
 * of a record the store has scores for (`scored`: ids, 15 characters enough for Salesforce's).
 */
function settledCheck(kind: SoakStop['kind'], links: string | undefined): string {
  return `(() => {
    const shown = (el) => el.isConnected && (typeof el.checkVisibility !== 'function' || el.checkVisibility());
    const hosts = Array.from(document.querySelectorAll('dealsight-panel'));
    if (${JSON.stringify(kind)} === 'record') {
      if (hosts.length !== 1 || !shown(hosts[0])) return null;
      const root = rootOf(hosts[0]);
      const state = root && root.querySelector('[data-overlay-state]');
      return state && state.getAttribute('data-overlay-state') !== 'loading' ? 'ok' : null;
    }
    if (hosts.length !== 0) return null;
    const scored = window.__dealsightSoakScored;
    const known = (a) => (a.getAttribute('href') || '').split(/[/?#]/).some((part) => scored.has(part) || scored.has(part.slice(0, 15)));
    const linkList = Array.from(document.querySelectorAll(${JSON.stringify(links ?? 'a')})).filter((a) => shown(a) && known(a));
    if (linkList.length === 0) return null;
    const chipped = linkList.filter((a) => [a.previousElementSibling, a.nextElementSibling].some((s) => s && s.tagName.toLowerCase() === 'dealsight-chip'));
    return chipped.length === linkList.length ? 'ok' : null;
  })()`;
}

/** What is wrong on the page now, as sentences (empty when all is well). */
function violationsCheck(kind: SoakStop['kind']): string {
  return `(() => {
    const shown = (el) => el.isConnected && (typeof el.checkVisibility !== 'function' || el.checkVisibility());
    const out = [];
    const hosts = Array.from(document.querySelectorAll('dealsight-panel'));
    if (${JSON.stringify(kind)} === 'record') {
      if (hosts.length !== 1) out.push(hosts.length + ' panels on a record page');
      if (hosts.some((h) => !shown(h))) out.push('a panel in a part of the page the user does not see');
    } else if (hosts.length !== 0) out.push(hosts.length + ' panels on a list');
    const byLink = new Map();
    for (const chip of Array.from(document.querySelectorAll('dealsight-chip'))) {
      const link = [chip.nextElementSibling, chip.previousElementSibling].find((s) => s && s.tagName.toLowerCase() === 'a');
      if (!link) { out.push('a chip beside no record link'); continue; }
      byLink.set(link, (byLink.get(link) || 0) + 1);
      // The chip names its link's record (a Salesforce link may carry the 15-character form of the 18-character id).
      const href = link.getAttribute('href') || '';
      const id = chip.dataset.recordId || '';
      if (!id || !(href.includes(id) || href.includes(id.slice(0, 15)))) out.push('a chip naming another record than its link');
    }
    for (const [, n] of byLink) if (n > 1) out.push(n + ' chips on one record link');
    return out;
  })()`;
}

/**
 * Opens the tour's first page, then runs `navigations` in-app navigations through its
 * stops (in turn, each step to the next stop), checking the page after each. Heaps are
 * measured after `warmup` steps and at the end.
 */
export async function soak(
  session: ExtensionSession,
  page: Page,
  tour: SoakTour,
  options: {
    navigations: number;
    warmup: number;
    stepTimeoutMs?: number;
    /** Ids the store has scores for (their links must get chips). */ scored: readonly string[];
  },
): Promise<SoakResult> {
  const { stops } = tour;
  await page.goto(tour.start);
  await page.waitForSelector('html[data-sandbox-state="ready"]');
  // Salesforce links may show 15-character ids: match on those. Kept in the page's own world once (in-app navigations keep it).
  const scored = options.scored.map((id) => (/^[a-zA-Z0-9]{18}$/.test(id) ? id.slice(0, 15) : id));
  await page.evaluate(`window.__dealsightSoakScored = new Set(${JSON.stringify(scored)});`);
  const cdp = await page.createCDPSession();
  const violations: string[] = [];
  const steps: number[] = [];
  let heap = { page: { start: 0, end: 0 }, extension: { start: 0, end: 0 } };
  for (let i = 0; i < options.navigations; i++) {
    const stop = stops[i % stops.length] as SoakStop;
    const started = Date.now();
    await stop.go(page);
    try {
      const check = settledCheck(stop.kind, stop.links);
      const wait = { timeout: options.stepTimeoutMs ?? 30_000, polling: 50 };
      // A list's check needs no root: it stays a plain wait in the page (no protocol round trips per chip).
      if (stop.kind === 'record') await waitForRoots(page, check, wait);
      else await page.waitForFunction(check, wait);
    } catch {
      violations.push(
        `${tour.name}, step ${i + 1} (${stop.name}): the page did not settle: ${((await page.evaluate(violationsCheck(stop.kind))) as string[]).join('; ') || 'no panel or chips appeared'}`,
      );
      continue;
    }
    steps.push(Date.now() - started);
    for (const v of (await page.evaluate(violationsCheck(stop.kind))) as string[]) violations.push(`${tour.name}, step ${i + 1} (${stop.name}): ${v}`);
    if (i + 1 === options.warmup) heap = { page: { start: await heapMb(cdp), end: 0 }, extension: { start: await extensionHeapMb(session), end: 0 } };
  }
  heap.page.end = await heapMb(cdp);
  heap.extension.end = await extensionHeapMb(session);
  await cdp.detach();
  const sorted = [...steps].sort((a, b) => a - b);
  return { tour: tour.name, navigations: options.navigations, violations, heap, medianStepMs: sorted[Math.floor(sorted.length / 2)] ?? 0 };
}
