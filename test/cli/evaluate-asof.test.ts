/**
 * `dealsight evaluate --split asof` and `dealsight analyze --stage-aware` as a user runs them: a HubSpot-style deal export whose
 * "Date entered …" columns carry each deal's stage path (written here from a sandbox org),
 * and a Salesforce report without history, which gets the note instead of a replay.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Opportunity } from '../../lib/crm/opportunity';
import { generateSandbox } from '../../lib/sandbox/generate';
import { toSalesforceReportCsv } from '../../lib/sandbox/salesforce-report';
import { SALESFORCE_STAGES } from '../../lib/sandbox/stages';
import { runDealsight, type CliRun } from './run-dealsight';

const work = mkdtempSync(join(tmpdir(), 'dealsight-asof-'));

const dealsight = (...args: string[]): CliRun => runDealsight(args, 300_000);

const quote = (value: string): string => `"${value.replace(/"/g, '""')}"`;

/** HubSpot's deal export shape (lib/crm/csv/formats.ts, HUBSPOT): one "Date entered" column per stage. */
function hubSpotExport(deals: readonly Opportunity[]): string {
  const stages = SALESFORCE_STAGES.map((s) => s.label);
  const header = [
    'Record ID',
    'Deal Name',
    'Deal Stage',
    'Pipeline',
    'Amount',
    'Create Date',
    'Close Date',
    'Deal owner',
    'Deal probability',
    'Is closed',
    'Is Closed Won',
    'Industry',
    'Product',
    'Country',
    ...stages.map((s) => `Date entered "${s} (Sales Pipeline)"`),
  ];
  const rows = deals.map((o) => [
    o.id,
    o.name,
    o.stage ?? '',
    'Sales Pipeline',
    String(o.amount ?? ''),
    o.createdDate ?? '',
    o.closeDate ?? '',
    o.owner?.name ?? '',
    String(o.probability ?? ''),
    String(o.isClosed),
    String(o.isWon),
    String(o.attributes.industry ?? ''),
    String(o.attributes.product ?? ''),
    String(o.attributes.country ?? ''),
    ...stages.map((s) => o.stageHistory.findLast((h) => h.stage === s)?.enteredAt ?? ''),
  ]);
  return [header, ...rows].map((row) => row.map(quote).join(',')).join('\n');
}

describe('dealsight evaluate --split asof', () => {
  const org = generateSandbox({ seed: 7, opportunities: 3000 });

  it('replays a HubSpot export with stage dates: the as-of model ahead of the stage-blind model and the CRM probability', () => {
    const file = join(work, 'hubspot-deals.csv');
    writeFileSync(file, hubSpotExport(org.opportunities));
    const run = dealsight('evaluate', file, '--split', 'asof', '--json');
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as {
      split: string;
      points: Array<{ asOf: string; scored: number }>;
      pooled: Record<'asOf' | 'stageBlind' | 'crm', { auc: number; brier: number; ece: number; lift: number }>;
    };
    expect(result.split).toBe('asof');
    expect(result.points.length).toBeGreaterThanOrEqual(6);
    expect(result.pooled.asOf.auc).toBeGreaterThan(Math.max(result.pooled.stageBlind.auc, result.pooled.crm.auc));
    expect(result.pooled.asOf.brier).toBeLessThan(Math.min(result.pooled.stageBlind.brier, result.pooled.crm.brier));
    expect(result.pooled.asOf.lift).toBeGreaterThan(result.pooled.stageBlind.lift);
    expect(result.pooled.asOf.ece).toBeLessThan(0.1);

    const text = dealsight('evaluate', file, '--split', 'asof');
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('asOf AUC / Brier');
    expect(text.stdout).toMatch(/crm: AUC 0\.\d+, Brier 0\.\d+, ECE 0\.\d+, top tenth won [\d.]+× as often as all: the CRM's stage probability/);
  }, 300_000);

  it('says what a Salesforce report without stage history lacks', () => {
    const file = join(work, 'salesforce-report.csv');
    writeFileSync(file, toSalesforceReportCsv(generateSandbox({ seed: 7, opportunities: 1500 })));
    const run = dealsight('evaluate', file, '--split', 'asof');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Nothing to replay.');
    expect(run.stdout).toContain('has a stage history');
  }, 300_000);
});

describe('dealsight analyze --stage-aware', () => {
  const org = generateSandbox({ seed: 9, opportunities: 2500 });

  it('scores the open deals of a HubSpot export with stage dates as they stand today, with reasons in a rep\u2019s words', () => {
    const file = join(work, 'hubspot-today.csv');
    writeFileSync(file, hubSpotExport(org.opportunities));
    const run = dealsight('analyze', file, '--stage-aware', '--json');
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as {
      opportunities: Array<{
        isClosed: boolean;
        winPotentialToday?: number | null;
        standing?: { raising: Array<{ label: string; value: string }>; lowering: Array<{ label: string; value: string }> };
      }>;
    };
    const open = result.opportunities.filter((o) => !o.isClosed);
    expect(open.length).toBeGreaterThan(100);
    expect(open.every((o) => typeof o.winPotentialToday === 'number')).toBe(true);
    const said = open.flatMap((o) => [...(o.standing?.raising ?? []), ...(o.standing?.lowering ?? [])]).filter((f) => f.label === 'Where it stands');
    expect(said.some((f) => / for \d+ days/.test(f.value))).toBe(true);

    const text = dealsight('analyze', file, '--stage-aware', '--top', '5');
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/As they stand today \(stage-aware, trained on [\d,]+ closed deals with their stage history\)/);
  }, 300_000);

  it('says a Salesforce report without stage history keeps the stage-blind Win Potential', () => {
    const file = join(work, 'salesforce-today.csv');
    writeFileSync(file, toSalesforceReportCsv(org));
    const run = dealsight('analyze', file, '--stage-aware', '--json');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/Win Potential as of today needs closed deals with their stage history: 0 of [\d,]+ have one/);
    const result = JSON.parse(run.stdout) as { opportunities: Array<{ isClosed: boolean; winPotentialToday?: number | null }> };
    expect(result.opportunities.filter((o) => !o.isClosed).every((o) => o.winPotentialToday === null)).toBe(true);
  }, 300_000);
});
