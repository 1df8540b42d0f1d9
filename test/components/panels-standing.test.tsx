// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { WinPanel } from '../../components/panels/WinPanel';
import { LocaleProvider } from '../../components/ui/locale';
import type { Health } from '../../lib/engine/health/health';
import type { StageStatus } from '../../lib/engine/stage-times';
import { loadModels, modelRecord, panelData } from '../../lib/jobs/build';
import type { PanelData } from '../../lib/panel-data';
import { allByData, byData, cleanup, mount, text } from './panels-dom';
import { enginePanels, LOCALE, workedPanel } from './panels-fixtures';

afterEach(cleanup);

const stalledStage: StageStatus = { stage: 'Negotiation', days: 34, medianDays: 12, stalledAfterDays: 20, stalled: true };
const atRisk: Health = {
  level: 'at-risk',
  reasons: [
    { signal: 'low-win', severity: 'risk', winPotential: 0.12, baseRate: 0.31 },
    { signal: 'stalled', severity: 'attention', stage: 'Negotiation', days: 34, boundDays: 20 },
    { signal: 'amount-off', severity: 'attention', amount: 250_000, p10: 40_000, p90: 120_000, direction: 'above' },
  ],
};

function renderPanel(win: PanelData['win'], stage: PanelData['stage'], health: PanelData['health']) {
  return mount(
    <LocaleProvider locale={LOCALE}>
      <WinPanel win={win} message="No Win Potential yet." currency="USD" stage={stage} health={health} />
    </LocaleProvider>,
  ).container;
}

describe('the Win Potential panel’s days in stage and health, worked example', () => {
  it('says how long the deal has been in its stage against the won deals, and that it is stalled', () => {
    const c = renderPanel(workedPanel().win, stalledStage, atRisk);
    const days = byData(c, 'field', 'days-in-stage');
    expect(text(byData(days, 'field', 'stage-text'))).toBe('Negotiation for 34 days; deals that won spent a median 12 days there');
    expect(text(days)).toContain('Stalled');
    expect(text(days)).toContain('Stalled: 4 in 5 won deals had moved on after 20 days.');
  });

  it('shows the health level and each reason in a rep’s words', () => {
    const c = renderPanel(workedPanel().win, stalledStage, atRisk);
    const health = byData(c, 'field', 'health');
    expect(health.getAttribute('data-health')).toBe('at-risk');
    expect(text(health)).toContain('At risk');
    expect(allByData(health, 'reason').map(text)).toEqual([
      'Win Potential 12%, under half the org’s 31%',
      'In Negotiation for 34 days, past the 20 days by which 4 in 5 won deals had moved on',
      'Amount $250,000 is well above the predicted $40,000 – $120,000',
    ]);
  });

  it('shows them without a Win Potential too, and says so when there are no warning signs', () => {
    const c = renderPanel(null, { ...stalledStage, days: 5, stalled: false }, { level: 'on-track', reasons: [] });
    expect(text(byData(c, 'field', 'stage-text'))).toBe('Negotiation for 5 days; deals that won spent a median 12 days there');
    expect(text(byData(c, 'field', 'days-in-stage'))).not.toContain('Stalled');
    expect(text(byData(c, 'field', 'health'))).toContain('On track');
    expect(text(byData(c, 'field', 'health'))).toContain('No warning signs.');
  });

  it('shows nothing of either for a panel without them (a closed deal, or built before they existed)', () => {
    const c = renderPanel(workedPanel().win, undefined, undefined);
    expect(c.querySelector('[data-field="standing"]')).toBeNull();
  });
});

describe('panel data: days in stage and health from the stored models', () => {
  it('equal the analysis’s for every open deal after the model record is stored and loaded again', () => {
    const { analysis } = enginePanels();
    const record = JSON.parse(JSON.stringify(modelRecord('sandbox-7', analysis, 1, '2026-09-30T12:00:00.000Z'))) as ReturnType<typeof modelRecord>;
    expect(record.stageTimes).toEqual(analysis.stageTimes);
    const closed = analysis.results.filter((r) => r.opportunity.isClosed).map((r) => r.opportunity);
    const models = loadModels(record, closed);
    const open = analysis.results.filter((r) => !r.opportunity.isClosed);
    let withHealth = 0;
    let stalled = 0;
    for (const result of open) {
      const panel = panelData({ id: 'sandbox-7', label: 'Sandbox', dataVersion: 1 }, result.opportunity, models);
      expect(panel.stage ?? null).toEqual(result.stage);
      expect(panel.health ?? null).toEqual(result.health);
      if (panel.health) withHealth++;
      if (panel.stage?.stalled) stalled++;
    }
    // The sandbox has histories: the check covers real health and stalled deals, not only nulls.
    expect(withHealth).toBe(open.length);
    expect(stalled).toBeGreaterThan(0);
  });

  it('leave both out for a model record trained before stage times were stored', () => {
    const { analysis } = enginePanels();
    const { stageTimes: _dropped, healthProfile: _profile, ...old } = modelRecord('sandbox-7', analysis, 1, '2026-09-30T12:00:00.000Z');
    const open = analysis.results.find((r) => !r.opportunity.isClosed);
    if (!open) throw new Error('no open deal');
    const panel = panelData({ id: 'sandbox-7', label: 'Sandbox', dataVersion: 1 }, open.opportunity, loadModels(old, []));
    expect(panel.stage).toBeNull();
    expect(panel.health).toBeNull();
  });
});
