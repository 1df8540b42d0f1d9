/**
 * `npm run demo`: the whole product on built-in sample data.
 *
 * 1. builds the extension (the e2e build, which also matches localhost pages);
 * 2. starts the sandbox Salesforce (sandbox/salesforce) on localhost with a
 *    seeded, generated org (with `--crm hubspot` the sandbox HubSpot, `--crm both` both);
 * 3. launches Chromium with the extension, connects the CRM from the options page (the
 *    open Salesforce tab's session; HubSpot's Service Key) and syncs it, with
 *    progress printed here as it comes;
 * 4. opens the best-ranked open opportunity, where the overlay shows its panels.
 *
 * With a display the browser stays open to explore (Ctrl+C or closing it ends the demo).
 * Headless (`--headless`, or no DISPLAY) it saves screenshots of the record panels and of
 * an account's panel (light and dark), the list view's (or board's) chips, the popup, the personas, quality and options pages into demo-output/,
 * prints where they are, and prints the ranked open pipeline. Then it restarts Chromium on
 * the same profile in German (`--lang=de`, LANGUAGE=de), checks that Dealsight now speaks
 * German where it spoke English, and saves the German panels (light and dark), popup,
 * personas, quality and options pages as de-*.png beside the others.
 *
 *   npm run demo -- [--headless] [--crm salesforce|hubspot|both] [--opportunities 5000] [--seed 7] [--no-build] [--out demo-output]
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ElementHandle, Page } from 'puppeteer';
import { generateSandbox } from '../lib/sandbox/generate';
import type { JobRecord, ScoreRecord } from '../lib/store/schema';
import { E2E_EXTENSION_DIR, launchWithExtension, type ExtensionSession } from './browser/launch';
import { readStoredPipeline, richestAccount, waitForAccountPanel } from './browser/account-panel';
import { panelState, panelText, waitForRoots } from './browser/shadow';
import { readTable } from './browser/store-reader';
import { startSandboxCrm, type CrmName, type SandboxCrm } from '../sandbox/crms';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface DemoOptions {
  headless: boolean;
  crms: CrmName[];
  opportunities: number;
  seed: number;
  build: boolean;
  out: string;
}

function parseArgs(argv: readonly string[]): DemoOptions {
  const options: DemoOptions = {
    headless: !process.env.DISPLAY,
    crms: ['salesforce'],
    opportunities: 5000,
    seed: 7,
    build: true,
    out: join(ROOT, 'demo-output'),
  };
  const number = (flag: string, value: string | undefined, min: number, max: number): number => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
      throw new Error(`${flag} takes a whole number from ${min} to ${max}; got "${value ?? ''}".`);
    }
    return parsed;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--headless') options.headless = true;
    else if (arg === '--headed') options.headless = false;
    else if (arg === '--no-build') options.build = false;
    else if (arg === '--crm') {
      const value = argv[++i] ?? '';
      const crms: Record<string, CrmName[]> = { salesforce: ['salesforce'], hubspot: ['hubspot'], both: ['salesforce', 'hubspot'] };
      const chosen = crms[value];
      if (!chosen) throw new Error(`--crm takes salesforce, hubspot or both; got "${value}".`);
      options.crms = chosen;
    } else if (arg === '--opportunities') options.opportunities = number(arg, argv[++i], 200, 100_000);
    else if (arg === '--seed') options.seed = number(arg, argv[++i], 0, 2 ** 31 - 1);
    else if (arg === '--out') options.out = resolve(argv[++i] ?? '');
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write('npm run demo -- [--headless | --headed] [--crm salesforce|hubspot|both] [--opportunities N] [--seed N] [--no-build] [--out DIR]\n');
      process.exit(0);
    } else throw new Error(`Unknown option "${arg}". Try --help.`);
  }
  return options;
}

function step(text: string): void {
  process.stdout.write(`\n━━ ${text}\n`);
}

function build(): void {
  step('1. Build the extension (npm run build:e2e)');
  const result = spawnSync('npm', ['run', '--silent', 'build:e2e'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`The extension build failed (exit ${result.status}).`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Connects the sandbox CRM from the options page and follows its sync job to the end. */
async function connectAndSync(session: ExtensionSession, crm: SandboxCrm): Promise<Page> {
  const options = await session.openExtensionPage('options.html');
  await crm.connect(options);
  let last = '';
  for (;;) {
    await sleep(500);
    const jobs = await readTable<JobRecord>(options, 'jobs');
    const job = jobs.filter((j) => j.kind === 'sync' && j.connectionId.startsWith(crm.connectionPrefix)).at(-1);
    if (!job) continue;
    const line = `   ${job.step ?? job.status}${job.total > 0 ? ` ${job.done.toLocaleString('en-US')} / ${job.total.toLocaleString('en-US')}` : ''}`;
    if (line !== last) process.stdout.write(`${line}\n`);
    last = line;
    if (job.status === 'failed' || job.status === 'cancelled') throw new Error(`The sync ${job.status}: ${job.error ?? 'no reason given'}`);
    if (job.status === 'done') {
      process.stdout.write(`   ${job.summary ?? 'done'}\n`);
      return options;
    }
  }
}

function pad(text: string, width: number): string {
  const clipped = text.length > width ? `${text.slice(0, width - 1)}…` : text;
  return clipped.padEnd(width);
}

function printPipeline(rows: ScoreRecord[], total: number): void {
  const money = (n: number | null) => (n === null ? '—' : `$${Math.round(n).toLocaleString('en-US')}`);
  process.stdout.write(`\n   Open pipeline: ${total.toLocaleString('en-US')} deals; the ${rows.length} most likely to win:\n\n`);
  process.stdout.write(`   ${pad('Opportunity', 34)} ${pad('Stage', 16)} ${'Amount'.padStart(10)}  Win  RBP  ${pad('Predicted close', 15)} Persona\n`);
  for (const row of rows) {
    const win = row.winPotential === null ? '  —' : `${Math.round(row.winPotential * 100)}%`.padStart(3);
    const rbp = row.repeatBuyerPotential === null ? '  —' : String(Math.round(row.repeatBuyerPotential)).padStart(3);
    process.stdout.write(
      `   ${pad(row.name, 34)} ${pad(row.stage ?? '—', 16)} ${money(row.amount).padStart(10)}  ${win}  ${rbp}  ${pad(row.predictedClose ?? '—', 15)} ${row.personaName ?? '—'}\n`,
    );
  }
}

async function waitForPanel(page: Page): Promise<void> {
  await waitForRoots(
    page,
    `(() => {
      const root = rootOf(document.querySelector('dealsight-panel'));
      const state = root?.querySelector('[data-overlay-state]')?.getAttribute('data-overlay-state');
      return state !== undefined && state !== null && state !== 'loading';
    })()`,
    { timeout: 60_000 },
  );
  // Let the gauge's entrance settle before a screenshot.
  await sleep(400);
}

async function overlayState(page: Page): Promise<string> {
  return (await panelState(page)) ?? 'none';
}

/** Opens the record on its CRM page (after the CRM's first page, which signs the sandbox in) and returns the panel's text. */
async function panelTextOf(session: ExtensionSession, top: { crm: SandboxCrm; id: string } | null): Promise<string> {
  if (!top) throw new Error('No record was shown.');
  const page = await session.browser.newPage();
  await page.setViewport({ width: 1440, height: 1000 });
  await page.goto(top.crm.firstPage, { waitUntil: 'load' });
  await page.waitForSelector('html[data-sandbox-state="ready"]');
  await page.goto(top.crm.recordUrl(top.id), { waitUntil: 'load' });
  await waitForPanel(page);
  const state = await overlayState(page);
  if (state !== 'ready') throw new Error(`The panel shows "${state}" instead of the scores.`);
  return panelText(page);
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (options.build || !existsSync(join(E2E_EXTENSION_DIR, 'manifest.json'))) build();
  else step('1. Use the built extension (--no-build)');

  // Each org's history ends today, so open deals, days open and forecasts look live.
  const today = new Date().toISOString().slice(0, 10);
  const crms: SandboxCrm[] = [];
  for (const name of options.crms) {
    const label = name === 'salesforce' ? 'Salesforce' : 'HubSpot';
    step(`2. Start the sandbox ${label} with ${options.opportunities.toLocaleString('en-US')} generated opportunities (seed ${options.seed})`);
    const crm = await startSandboxCrm(name, { org: generateSandbox({ seed: options.seed, opportunities: options.opportunities, asOf: today }) });
    crms.push(crm);
    process.stdout.write(`   ${crm.describe}\n`);
  }

  const windowSize = { width: 1440, height: 1000 };
  // A profile of the demo's own, so that Chromium can restart on it in German with the data synced.
  const userDataDir = await mkdtemp(join(tmpdir(), 'dealsight-demo-'));
  let session = await launchWithExtension({ headless: options.headless, windowSize, userDataDir });
  let keepOpen = false;
  let firstTop: { crm: SandboxCrm; id: string } | null = null;
  const saved: string[] = [];
  try {
    if (options.headless) {
      await rm(options.out, { recursive: true, force: true });
      await mkdir(options.out, { recursive: true });
    }
    const shoot = async (page: Page, name: string, what: string, element?: ElementHandle<Element> | null) => {
      const path = join(options.out, `${name}.png`) as `${string}.png`;
      if (element) await element.screenshot({ path });
      else await page.screenshot({ path, fullPage: true });
      saved.push(`   ${relative(process.cwd(), path)}  ${what}`);
    };
    let optionsPage: Page | null = null;
    for (const [i, crm] of crms.entries()) {
      // One file name per CRM when the demo shows both.
      const prefix = crms.length > 1 ? `${crm.name}-` : '';
      step(`3. Chromium (${options.headless ? 'headless' : 'with a window'}) with Dealsight: open ${crm.label}, connect it, sync`);
      const page = i === 0 ? ((await session.browser.pages())[0] ?? (await session.browser.newPage())) : await session.browser.newPage();
      if (options.headless) await page.setViewport(windowSize);
      await page.goto(crm.firstPage, { waitUntil: 'load' });
      await page.waitForSelector('html[data-sandbox-state="ready"]');
      await optionsPage?.close();
      optionsPage = await connectAndSync(session, crm);

      const scores = (await readTable<ScoreRecord>(optionsPage, 'scores')).filter((s) => s.connectionId.startsWith(crm.connectionPrefix) && s.isOpen === 1);
      const ranked = scores.filter((s) => s.winPotential !== null).sort((a, b) => (b.winPotential ?? 0) - (a.winPotential ?? 0));
      printPipeline(ranked.slice(0, 10), scores.length);
      const top = ranked[0];
      if (!top) throw new Error(`The ${crm.label} sync stored no scored open ${crm.records}.`);
      firstTop ??= { crm, id: top.id };

      step(`4. Open the top ${crm.record}: ${top.name}`);
      await page.bringToFront();
      await page.goto(crm.recordUrl(top.id), { waitUntil: 'load' });
      await waitForPanel(page);
      const state = await overlayState(page);
      process.stdout.write(`   ${crm.recordUrl(top.id)}\n   panel: ${state}\n`);
      if (state !== 'ready') throw new Error(`The ${crm.record} panel shows "${state}" instead of the scores.`);
      if (!options.headless) continue;

      step(`5. ${crm.label} screenshots into ${relative(process.cwd(), options.out) || '.'}/`);
      await shoot(page, `${prefix}record-page`, `the ${crm.label} ${crm.record} page with the panels`);
      await shoot(page, `${prefix}panels`, 'the panels alone', await page.$('dealsight-panel'));
      await page.setCookie({ name: crm.darkCookie, value: 'dark', url: crm.url });
      await page.reload({ waitUntil: 'load' });
      await waitForPanel(page);
      await shoot(page, `${prefix}record-page-dark`, `the same ${crm.record} in ${crm.label}'s dark theme`);
      await page.setCookie({ name: crm.darkCookie, value: 'light', url: crm.url });
      // The account panel (issue 16) on the page of the account the store knows most about, light and dark.
      const account = richestAccount(await readStoredPipeline(optionsPage, crm.connectionPrefix));
      await page.goto(crm.accountUrl(account.id), { waitUntil: 'load' });
      await waitForAccountPanel(page);
      await sleep(300);
      await shoot(page, `${prefix}account-page`, `the ${crm.label} page of ${account.name} with the account panel`);
      await shoot(page, `${prefix}account-panel`, 'the account panel alone', await page.$('dealsight-panel'));
      await page.setCookie({ name: crm.darkCookie, value: 'dark', url: crm.url });
      await page.reload({ waitUntil: 'load' });
      await waitForAccountPanel(page);
      await sleep(300);
      await shoot(page, `${prefix}account-page-dark`, `the same account page in ${crm.label}'s dark theme`);
      await shoot(page, `${prefix}account-panel-dark`, 'the account panel alone, dark', await page.$('dealsight-panel'));
      await page.setCookie({ name: crm.darkCookie, value: 'light', url: crm.url });
      for (const shape of crm.showcase(top.id)) {
        await page.goto(shape.url, { waitUntil: 'load' });
        if (shape.kind === 'record') await waitForPanel(page);
        else await page.waitForFunction('document.querySelectorAll("dealsight-chip").length > 0', { timeout: 30_000, polling: 200 });
        await sleep(300);
        // A record page's screenshot is the viewport: a floating panel shows where the user sees it.
        if (shape.kind === 'record') {
          const path = join(options.out, `${prefix}${shape.file}.png`) as `${string}.png`;
          await page.screenshot({ path });
          saved.push(`   ${relative(process.cwd(), path)}  ${shape.what}`);
        } else await shoot(page, `${prefix}${shape.file}`, shape.what);
      }
    }
    if (!optionsPage) throw new Error('No CRM was chosen.');

    if (!options.headless) {
      keepOpen = true;
      await optionsPage.close();
      process.stdout.write(
        '\nThe browser stays open: browse the sandbox CRM, open the Dealsight popup from the toolbar.\nClose the browser or press Ctrl+C to end the demo.\n',
      );
      await new Promise<void>((resolve) => {
        session.browser.once('disconnected', () => resolve());
        process.once('SIGINT', () => resolve());
      });
      return;
    }

    step("6. The extension's own pages");
    const popup = await session.openExtensionPage('popup.html');
    await popup.setViewport({ width: 800, height: 600 });
    await popup.waitForFunction(`document.querySelectorAll('[role="row"]').length > 2`, { timeout: 30_000, polling: 200 });
    await sleep(300);
    await popup.screenshot({ path: join(options.out, 'popup.png') as `${string}.png` });
    saved.push(`   ${relative(process.cwd(), join(options.out, 'popup.png'))}  the popup ranking the open pipeline, with days in stage and health`);
    // The quick wins tab beside the pipeline (issue 16).
    await popup.click('[role="tab"][data-view="quick-wins"]');
    await popup.waitForSelector('[data-testid="quick-wins"]', { timeout: 10_000 });
    await popup.screenshot({ path: join(options.out, 'popup-quick-wins.png') as `${string}.png` });
    saved.push(`   ${relative(process.cwd(), join(options.out, 'popup-quick-wins.png'))}  the popup's quick wins, with the rule`);

    const personas = await session.openExtensionPage('personas.html');
    await personas.setViewport({ width: 1280, height: 900 });
    await personas.waitForFunction(`document.querySelectorAll('[data-persona-card]').length > 0`, { timeout: 30_000, polling: 200 });
    await sleep(300);
    await shoot(personas, 'personas', 'the Repeat Buyer Personas page, each card with Find leads');

    const quality = await session.openExtensionPage('quality.html');
    await quality.setViewport({ width: 1280, height: 900 });
    await quality.waitForFunction(`document.querySelectorAll('svg').length > 1`, { timeout: 30_000, polling: 200 });
    await sleep(300);
    await shoot(quality, 'quality', 'model quality: the backtest in plain words, calibration, lift, drift');

    await optionsPage.bringToFront();
    await optionsPage.setViewport({ width: 1280, height: 900 });
    await optionsPage.reload({ waitUntil: 'load' });
    await sleep(800);
    await shoot(optionsPage, 'options', 'the options page: the connections, their syncs and API usage');
    const english = await panelTextOf(session, firstTop);

    step('7. Dealsight in German: Chromium restarted with --lang=de on the same profile');
    await session.close();
    session = await launchWithExtension({ headless: true, windowSize, userDataDir, lang: 'de' });
    const german = await panelTextOf(session, firstTop);
    // The same record, the same data: only the browser's language changed.
    if (!/Win Potential/.test(english) || /Gewinnchance/.test(english)) throw new Error(`The English panel does not read as English: ${english.slice(0, 200)}`);
    if (!/Gewinnchance/.test(german) || /Win Potential/.test(german)) throw new Error(`The panel did not switch to German: ${german.slice(0, 200)}`);
    process.stdout.write('   the panel said "Win Potential" in English and says "Gewinnchance" now\n');
    const page = (await session.browser.pages()).at(-1) as Page;
    await shoot(page, 'de-record-page', 'the record page with the panels, in German');
    await shoot(page, 'de-panels', 'the panels alone, in German', await page.$('dealsight-panel'));
    if (firstTop) {
      await page.setCookie({ name: firstTop.crm.darkCookie, value: 'dark', url: firstTop.crm.url });
      await page.reload({ waitUntil: 'load' });
      await waitForPanel(page);
      await shoot(page, 'de-record-page-dark', 'the same record in the dark theme, in German');
      await page.setCookie({ name: firstTop.crm.darkCookie, value: 'light', url: firstTop.crm.url });
    }
    const dePopup = await session.openExtensionPage('popup.html');
    await dePopup.setViewport({ width: 800, height: 600 });
    await dePopup.waitForFunction(`document.querySelectorAll('[role="row"]').length > 2`, { timeout: 30_000, polling: 200 });
    await sleep(300);
    await dePopup.screenshot({ path: join(options.out, 'de-popup.png') as `${string}.png` });
    saved.push(`   ${relative(process.cwd(), join(options.out, 'de-popup.png'))}  the popup, in German`);
    const dePersonas = await session.openExtensionPage('personas.html');
    await dePersonas.setViewport({ width: 1280, height: 900 });
    await dePersonas.waitForFunction(`document.querySelectorAll('[data-persona-card]').length > 0`, { timeout: 30_000, polling: 200 });
    await sleep(300);
    await shoot(dePersonas, 'de-personas', 'the Repeat Buyer Personas page, in German');
    const deQuality = await session.openExtensionPage('quality.html');
    await deQuality.setViewport({ width: 1280, height: 900 });
    await deQuality.waitForFunction(`document.querySelectorAll('svg').length > 1`, { timeout: 30_000, polling: 200 });
    await sleep(300);
    await shoot(deQuality, 'de-quality', 'the model-quality page, in German');
    const deOptions = await session.openExtensionPage('options.html');
    await deOptions.setViewport({ width: 1280, height: 900 });
    await deOptions.waitForFunction(`document.documentElement.lang === 'de' && document.querySelector('[data-testid="connection-card"]') !== null`, {
      timeout: 30_000,
      polling: 200,
    });
    await sleep(800);
    await shoot(deOptions, 'de-options', 'the options page, in German');
    process.stdout.write(`${saved.join('\n')}\n`);
  } finally {
    if (!keepOpen || session.browser.connected) await session.close().catch(() => undefined);
    for (const crm of crms) await crm.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
  process.stdout.write('\nDone. Tests: npm test · Benchmarks: npm run bench · CLI: npx dealsight --help\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`\ndemo: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
