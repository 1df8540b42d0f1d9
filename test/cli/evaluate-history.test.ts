/**
 * `dealsight evaluate <opportunities.csv> --split asof --history <history.csv>` as a user runs
 * it (issue 18): a Salesforce report, which carries no stage path, beside an "Opportunity
 * History" export of the same sandbox org, replays on the file's histories; a HubSpot export
 * beside an "Opportunity Field History" export of close-date pushes replays with them, and
 * its as-of scores move; `--history` without `--split asof` is refused in one line.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays, type Opportunity } from '../../lib/crm/opportunity';
import { generateSandbox } from '../../lib/sandbox/generate';
import { toSalesforceReportCsv } from '../../lib/sandbox/salesforce-report';
import { SALESFORCE_STAGES, stageDefinition } from '../../lib/sandbox/stages';
import { runDealsight, type CliRun } from './run-dealsight';

const work = mkdtempSync(join(tmpdir(), 'dealsight-history-'));
const dealsight = (...args: string[]): CliRun => runDealsight(args, 300_000);
const quote = (value: string): string => `"${value.replace(/"/g, '""')}"`;
const csv = (rows: string[][]): string => rows.map((row) => row.map(quote).join(',')).join('\r\n');
/** Report dates as a US user's export writes them. */
const us = (iso: string): string => `${Number(iso.slice(5, 7))}/${Number(iso.slice(8, 10))}/${iso.slice(0, 4)}`;

interface Replay {
  split: string;
  history: { shape: string; deals: number; joined: number; unmatched: number; joinedBy: string; rejected: number } | null;
  points: Array<{ asOf: string; scored: number }>;
  pooled: Partial<Record<'asOf' | 'stageBlind' | 'crm', { auc: number; brier: number }>>;
  notes: string[];
}

/** The Opportunity History report's shape: a row per stage entry with the then-current amount, probability and close date. */
function opportunityHistoryCsv(deals: readonly Opportunity[]): string {
  const rows = [['Opportunity ID', 'Opportunity Name', 'From Stage', 'To Stage', 'Amount', 'Probability (%)', 'Close Date', 'Last Modified']];
  for (const o of deals) {
    let from = '';
    // The close date as a rep sets it at creation, an estimate: never the day the deal really closed.
    const expected = o.createdDate === null ? '' : us(addDays(o.createdDate, 90));
    for (const step of o.stageHistory) {
      rows.push([o.id, o.name, from, step.stage, String(o.amount ?? ''), String(stageDefinition(step.stage).probability), expected, us(step.enteredAt)]);
      from = step.stage;
    }
  }
  // A deal the opportunity export does not have.
  rows.push(['006XX0000000000AAA', 'Not in the report', '', 'Prospecting', '100', '10', '1/31/2026', '1/1/2026']);
  return csv(rows);
}

/** HubSpot's deal export (lib/crm/csv/formats.ts): one "Date entered" column per stage. */
function hubSpotCsv(deals: readonly Opportunity[]): string {
  const stages = SALESFORCE_STAGES.map((s) => s.label);
  const header = ['Record ID', 'Deal Name', 'Deal Stage', 'Amount', 'Create Date', 'Close Date', 'Is closed', 'Is Closed Won', 'Industry', 'Country'];
  return csv([
    [...header, ...stages.map((s) => `Date entered "${s} (Sales Pipeline)"`)],
    ...deals.map((o) => [
      o.id,
      o.name,
      o.stage ?? '',
      String(o.amount ?? ''),
      o.createdDate ?? '',
      o.closeDate ?? '',
      String(o.isClosed),
      String(o.isWon),
      String(o.attributes.industry ?? ''),
      String(o.attributes.country ?? ''),
      ...stages.map((s) => o.stageHistory.findLast((h) => h.stage === s)?.enteredAt ?? ''),
    ]),
  ]);
}

/** An Opportunity Field History export of close-date changes: every third deal pushed 30 days, three weeks after it was created. */
function closeDatePushesCsv(deals: readonly Opportunity[]): string {
  const rows = [['Opportunity ID', 'Field / Event', 'Old Value', 'New Value', 'Edit Date']];
  deals.forEach((o, i) => {
    if (o.createdDate === null || i % 3 !== 0) return;
    const first = addDays(o.createdDate, 60);
    rows.push([o.id, 'Close Date', us(first), us(addDays(first, 30)), us(addDays(o.createdDate, 21))]);
  });
  return csv(rows);
}

describe('dealsight evaluate --split asof --history', () => {
  const org = generateSandbox({ seed: 7, opportunities: 1500 });

  it('replays a Salesforce report on an Opportunity History export of the same deals, and says how many joined', () => {
    const report = join(work, 'opportunities.csv');
    const history = join(work, 'opportunity-history.csv');
    writeFileSync(report, toSalesforceReportCsv(org));
    writeFileSync(history, opportunityHistoryCsv(org.opportunities));
    const withPath = org.opportunities.filter((o) => o.stageHistory.length > 0).length;
    const rows = org.opportunities.reduce((n, o) => n + o.stageHistory.length, 0) + 1;

    const without = dealsight('evaluate', report, '--split', 'asof', '--json');
    expect(without.status, without.stderr).toBe(0);
    expect((JSON.parse(without.stdout) as Replay).points).toEqual([]);

    const run = dealsight('evaluate', report, '--split', 'asof', '--history', history, '--json');
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as Replay;
    expect(result.history).toMatchObject({ shape: 'snapshot', joinedBy: 'id', deals: withPath + 1, joined: withPath, unmatched: 1, rejected: 0 });
    expect(result.points.length).toBeGreaterThanOrEqual(6);
    expect(result.pooled.asOf?.auc).toBeGreaterThan(0.75);
    expect(result.pooled.asOf?.auc).toBeGreaterThan(result.pooled.stageBlind?.auc ?? 1);
    expect(run.stderr).toContain(`opportunity-history.csv: ${rows.toLocaleString('en-US')} rows read as an opportunity history`);
    expect(run.stderr).toContain(
      `${withPath.toLocaleString('en-US')} of its ${(withPath + 1).toLocaleString('en-US')} deals joined to opportunities.csv by id (Opportunity ID); 1 not in opportunities.csv`,
    );

    const text = dealsight('evaluate', report, '--split', 'asof', '--history', history);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain(
      `Histories from opportunity-history.csv for ${withPath.toLocaleString('en-US')} of the 1,500 deals (joined by id, Opportunity ID)`,
    );
    expect(text.stdout).toContain('asOf AUC / Brier');
    expect(text.stdout).toMatch(/crm: AUC 0\.\d+, .*: the CRM's probability as recorded by the day/);
  }, 300_000);

  it('adds a field history’s close-date pushes to a HubSpot export’s stage paths: the as-of scores move', () => {
    const deals = join(work, 'hubspot.csv');
    const pushes = join(work, 'field-history.csv');
    writeFileSync(deals, hubSpotCsv(org.opportunities));
    writeFileSync(pushes, closeDatePushesCsv(org.opportunities));
    const pushed = org.opportunities.filter((o, i) => o.createdDate !== null && i % 3 === 0).length;

    const without = JSON.parse(dealsight('evaluate', deals, '--split', 'asof', '--json').stdout) as Replay;
    const run = dealsight('evaluate', deals, '--split', 'asof', '--history', pushes, '--json');
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as Replay;
    expect(result.history).toMatchObject({ shape: 'fieldHistory', joinedBy: 'id', deals: pushed, joined: pushed, unmatched: 0 });
    expect(without.history).toBeNull();
    // The same days and deals (the stage paths are the export's own), scored with the pushes in the as-of model.
    expect(result.points.map((p) => [p.asOf, p.scored])).toEqual(without.points.map((p) => [p.asOf, p.scored]));
    expect(result.pooled.stageBlind).toEqual(without.pooled.stageBlind);
    expect(result.pooled.asOf?.auc).not.toBe(without.pooled.asOf?.auc);
  }, 300_000);

  it('refuses --history without --split asof, and a history no column joins, in one line', () => {
    const deals = join(work, 'hubspot.csv');
    const run = dealsight('evaluate', deals, '--history', join(work, 'field-history.csv'));
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('dealsight evaluate: --history works only with --split asof (the replay reads the deals as they stood on past days)');

    const unjoinable = join(work, 'no-key.csv');
    writeFileSync(unjoinable, 'Stage,Last Modified\nProspecting,1/1/2026\n');
    const refused = dealsight('evaluate', deals, '--split', 'asof', '--history', unjoinable);
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim().split('\n').at(-1)).toBe(
      'dealsight evaluate: no-key.csv: The history has no "Opportunity ID" or "Opportunity Name" column to join its rows to the opportunities. Headers found: Stage, Last Modified.',
    );
  }, 300_000);
});

describe('dealsight analyze --stage-aware --history', () => {
  const org = generateSandbox({ seed: 9, opportunities: 1200 });
  interface Analyzed {
    opportunities: Array<{ id: string; isClosed: boolean; winPotentialToday?: number | null; standing?: { raising: unknown[]; lowering: unknown[] } }>;
  }

  it('scores a Salesforce report’s open deals as they stand today from an Opportunity History export', () => {
    const report = join(work, 'analyze-opportunities.csv');
    const history = join(work, 'analyze-history.csv');
    writeFileSync(report, toSalesforceReportCsv(org));
    writeFileSync(history, opportunityHistoryCsv(org.opportunities));
    const open = org.opportunities.filter((o) => !o.isClosed && o.stageHistory.length > 0).length;

    // The report alone carries no stage path: no deal is scored as it stands.
    const without = dealsight('analyze', report, '--stage-aware', '--json');
    expect(without.status, without.stderr).toBe(0);
    expect((JSON.parse(without.stdout) as Analyzed).opportunities.filter((o) => typeof o.winPotentialToday === 'number')).toEqual([]);

    const run = dealsight('analyze', report, '--stage-aware', '--history', history, '--json');
    expect(run.status, run.stderr).toBe(0);
    const scored = (JSON.parse(run.stdout) as Analyzed).opportunities.filter((o) => typeof o.winPotentialToday === 'number');
    expect(open).toBeGreaterThan(50);
    expect(scored).toHaveLength(open);
    expect(scored.every((o) => !o.isClosed && (o.winPotentialToday as number) > 0 && (o.winPotentialToday as number) < 1)).toBe(true);
    expect(run.stderr).toContain('rows read as an opportunity history');
  }, 300_000);

  it('refuses --history without --stage-aware in one line', () => {
    const run = dealsight('analyze', join(work, 'analyze-opportunities.csv'), '--history', join(work, 'analyze-history.csv'));
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('dealsight analyze: --history works only with --stage-aware (the stage-aware scores read each deal as it stands)');
  }, 300_000);
});
