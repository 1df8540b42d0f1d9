/**
 * `npm run demo`: the whole product on built-in sample data.
 *
 * 1. builds the extension (the e2e build, which also matches localhost pages);
 * 2. starts the sandbox Salesforce (lib/sandbox/salesforce-server) on localhost with a
 *    seeded, generated org, and logs in to it;
 * 3. launches Chromium with the extension, connects the org from the options page and
 *    syncs it (progress printed here as it comes);
 * 4. opens the best-ranked open opportunity, where the overlay shows its panels.
 *
 * With a display the browser stays open to explore (Ctrl+C or closing it ends the demo).
 * Headless (`--headless`, or no DISPLAY) it saves screenshots of the record panels (light
 * and dark), the list view's chips, the popup, the personas page and the options page into demo-output/,
 * prints where they are, and prints the ranked open pipeline.
 *
 *   npm run demo -- [--headless] [--opportunities 5000] [--seed 7] [--no-build] [--out demo-output]
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ElementHandle, Page } from 'puppeteer';
import { generateSandbox } from '../lib/sandbox/generate';
import { startSalesforceServer } from '../lib/sandbox/salesforce-server';
import type { JobRecord, ScoreRecord } from '../lib/store/schema';
import { E2E_EXTENSION_DIR, launchWithExtension, type ExtensionSession } from '../test/e2e/harness';
import { clickButton, readTable } from '../test/e2e/store-reader';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface DemoOptions {
  headless: boolean;
  opportunities: number;
  seed: number;
  build: boolean;
  out: string;
}

function parseArgs(argv: readonly string[]): DemoOptions {
  const options: DemoOptions = {
    headless: !process.env.DISPLAY,
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
    else if (arg === '--opportunities') options.opportunities = number(arg, argv[++i], 200, 100_000);
    else if (arg === '--seed') options.seed = number(arg, argv[++i], 0, 2 ** 31 - 1);
    else if (arg === '--out') options.out = resolve(argv[++i] ?? '');
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write('npm run demo -- [--headless | --headed] [--opportunities N] [--seed N] [--no-build] [--out DIR]\n');
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

/** Connects the sandbox org from the options page and follows the sync job to its end. */
async function connectAndSync(session: ExtensionSession): Promise<Page> {
  const options = await session.openExtensionPage('options.html');
  await clickButton(options, /^Connect\b/);
  let last = '';
  for (;;) {
    await sleep(500);
    const jobs = await readTable<JobRecord>(options, 'jobs');
    const job = jobs.filter((j) => j.kind === 'sync').at(-1);
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
  await page.waitForFunction(
    `(() => {
      const root = document.querySelector('dealsight-panel')?.shadowRoot;
      const state = root?.querySelector('[data-overlay-state]')?.getAttribute('data-overlay-state');
      return state !== undefined && state !== null && state !== 'loading';
    })()`,
    { timeout: 60_000 },
  );
  // Let the gauge's entrance settle before a screenshot.
  await sleep(400);
}

async function overlayState(page: Page): Promise<string> {
  return (await page.evaluate(
    `document.querySelector('dealsight-panel')?.shadowRoot?.querySelector('[data-overlay-state]')?.getAttribute('data-overlay-state') ?? 'none'`,
  )) as string;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (options.build || !existsSync(join(E2E_EXTENSION_DIR, 'manifest.json'))) build();
  else step('1. Use the built extension (--no-build)');

  step(`2. Start the sandbox Salesforce with ${options.opportunities.toLocaleString('en-US')} generated opportunities (seed ${options.seed})`);
  // The org's history ends today, so open deals, days open and forecasts look live.
  const today = new Date().toISOString().slice(0, 10);
  const server = await startSalesforceServer({ org: generateSandbox({ seed: options.seed, opportunities: options.opportunities, asOf: today }) });
  process.stdout.write(`   ${server.url}  (org ${server.orgId})\n`);

  const windowSize = { width: 1440, height: 1000 };
  const session = await launchWithExtension({ headless: options.headless, windowSize });
  let keepOpen = false;
  try {
    step(`3. Chromium (${options.headless ? 'headless' : 'with a window'}) with Dealsight: log in, connect the org, sync`);
    const crm = (await session.browser.pages())[0] ?? (await session.browser.newPage());
    if (options.headless) await crm.setViewport(windowSize);
    await crm.goto(server.loginUrl(), { waitUntil: 'load' });
    await crm.waitForSelector('html[data-sandbox-state="ready"]');
    const optionsPage = await connectAndSync(session);

    const scores = (await readTable<ScoreRecord>(optionsPage, 'scores')).filter((s) => s.connectionId.startsWith('salesforce:') && s.isOpen === 1);
    const ranked = scores.filter((s) => s.winPotential !== null).sort((a, b) => (b.winPotential ?? 0) - (a.winPotential ?? 0));
    printPipeline(ranked.slice(0, 10), scores.length);
    const top = ranked[0];
    if (!top) throw new Error('The sync stored no scored open opportunities.');

    step(`4. Open the top opportunity: ${top.name}`);
    await crm.bringToFront();
    await crm.goto(server.recordUrl(top.id), { waitUntil: 'load' });
    await waitForPanel(crm);
    const state = await overlayState(crm);
    process.stdout.write(`   ${server.recordUrl(top.id)}\n   panel: ${state}\n`);
    if (state !== 'ready') throw new Error(`The record panel shows "${state}" instead of the scores.`);

    if (!options.headless) {
      keepOpen = true;
      await optionsPage.close();
      process.stdout.write('\nThe browser stays open: browse the sandbox org, open the Dealsight popup from the toolbar.\nClose the browser or press Ctrl+C to end the demo.\n');
      await new Promise<void>((resolve) => {
        session.browser.once('disconnected', () => resolve());
        process.once('SIGINT', () => resolve());
      });
      return;
    }

    step(`5. Screenshots into ${relative(process.cwd(), options.out) || '.'}/`);
    await rm(options.out, { recursive: true, force: true });
    await mkdir(options.out, { recursive: true });
    const saved: string[] = [];
    const shoot = async (page: Page, name: string, what: string, element?: ElementHandle<Element> | null) => {
      const path = join(options.out, `${name}.png`) as `${string}.png`;
      if (element) await element.screenshot({ path });
      else await page.screenshot({ path, fullPage: true });
      saved.push(`   ${relative(process.cwd(), path)}  ${what}`);
    };
    await shoot(crm, 'record-page', 'the opportunity record page with the panels');
    await shoot(crm, 'panels', 'the panels alone', await crm.$('dealsight-panel'));

    await crm.setCookie({ name: 'sandbox_theme', value: 'dark', url: server.url });
    await crm.reload({ waitUntil: 'load' });
    await waitForPanel(crm);
    await shoot(crm, 'record-page-dark', 'the same record in Salesforce\'s dark theme');
    await crm.setCookie({ name: 'sandbox_theme', value: 'light', url: server.url });

    await crm.goto(server.listUrl(), { waitUntil: 'load' });
    await crm.waitForFunction('document.querySelectorAll("dealsight-chip").length > 0', { timeout: 30_000 });
    await sleep(300);
    await shoot(crm, 'list-view', 'the opportunity list view with Win Potential / Repeat Buyer Potential chips');

    const popup = await session.openExtensionPage('popup.html');
    await popup.setViewport({ width: 800, height: 600 });
    await popup.waitForFunction(`document.querySelectorAll('[role="row"]').length > 2`, { timeout: 30_000 });
    await sleep(300);
    await popup.screenshot({ path: join(options.out, 'popup.png') as `${string}.png` });
    saved.push(`   ${relative(process.cwd(), join(options.out, 'popup.png'))}  the popup ranking the open pipeline`);

    const personas = await session.openExtensionPage('personas.html');
    await personas.setViewport({ width: 1280, height: 900 });
    await personas.waitForFunction(`document.querySelectorAll('[data-persona-card]').length > 0`, { timeout: 30_000 });
    await sleep(300);
    await shoot(personas, 'personas', 'the Repeat Buyer Personas page, each card with Find leads');

    await optionsPage.setViewport({ width: 1280, height: 900 });
    await optionsPage.reload({ waitUntil: 'load' });
    await sleep(800);
    await shoot(optionsPage, 'options', 'the options page: the connected org, its sync and API usage');
    process.stdout.write(`${saved.join('\n')}\n`);
  } finally {
    if (!keepOpen || session.browser.connected) await session.close().catch(() => undefined);
    await server.close();
  }
  process.stdout.write('\nDone. Tests: npm test · Benchmarks: npm run bench · CLI: npx dealsight --help\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`\ndemo: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
