// @vitest-environment happy-dom
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { Pipeline } from '../../components/pipeline/Pipeline';
import { parseDays } from '../../components/pipeline/FilterBar';
import { DEFAULT_SORT, EMPTY_FILTERS, type PipelineFilters, type SortSpec } from '../../lib/pipeline';
import type { PipelineRow } from '../../lib/panel-data';
import { all, choose, click, mount, one, text, typeInto, type Mounted } from '../pipeline/dom';
import { row } from '../pipeline/fixtures';

let mounted: Mounted | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

let lastFilters: PipelineFilters = EMPTY_FILTERS;
function Harness({ rows }: { rows: PipelineRow[] }) {
  const [filters, setFilters] = useState<PipelineFilters>(EMPTY_FILTERS);
  const [sort, setSort] = useState<SortSpec>(DEFAULT_SORT);
  lastFilters = filters;
  return (
    <Pipeline
      rows={rows}
      filters={filters}
      sort={sort}
      onFiltersChange={setFilters}
      onSortChange={setSort}
      me={null}
      onMeChange={() => undefined}
      segments={[]}
      onSaveSegment={async () => undefined}
      onDeleteSegment={async () => undefined}
      onOpen={() => undefined}
    />
  );
}

const rows = [
  row({
    id: 'a',
    name: 'Acme',
    stage: 'Negotiation',
    daysInStage: 34,
    stalled: true,
    stageMedianDays: 12,
    stalledAfterDays: 20,
    winPotential: 0.12,
    health: 'at-risk',
    healthReasons: [
      { signal: 'low-win', severity: 'risk', winPotential: 0.12, baseRate: 0.31 },
      { signal: 'stalled', severity: 'attention', stage: 'Negotiation', days: 34, boundDays: 20 },
    ],
  }),
  row({
    id: 'b',
    name: 'Bolt',
    stage: 'Proposal',
    daysInStage: 3,
    stalled: false,
    stageMedianDays: 9,
    stalledAfterDays: 15,
    winPotential: 0.6,
    health: 'on-track',
    healthReasons: [],
  }),
  row({
    id: 'c',
    name: 'Cask',
    stage: 'Proposal',
    daysInStage: 10,
    stalled: false,
    stageMedianDays: 9,
    stalledAfterDays: 15,
    winPotential: 0.4,
    health: 'needs-attention',
    healthReasons: [{ signal: 'no-change', severity: 'attention', since: '2026-01-01', days: 120 }],
  }),
  row({ id: 'd', name: 'Dent', stage: 'Qualification', winPotential: 0.3 }),
];

const names = (root: HTMLElement): string[] => all(root, '[role="row"][data-row]').map((r) => text(one(r, '[role="gridcell"] div')));
const header = (root: HTMLElement, label: string): HTMLButtonElement => {
  const found = all(root, '[role="columnheader"] > button').find((b) => b.getAttribute('aria-label') === label);
  if (!found) throw new Error(`No header ${label}`);
  return found as HTMLButtonElement;
};
const rowOf = (root: HTMLElement, name: string): HTMLElement => {
  const found = all(root, '[role="row"][data-row]').find((r) => text(one(r, '[role="gridcell"] div')) === name);
  if (!found) throw new Error(`No row ${name}`);
  return found;
};

describe('the popup’s days in stage column', () => {
  it('shows the days, marks a stalled deal, and says the stage and the won deals’ times in its tooltip', () => {
    mounted = mount(<Harness rows={rows} />);
    const acme = one(rowOf(mounted.container, 'Acme'), '[data-stalled]');
    expect(text(acme)).toContain('34 d');
    expect(text(acme)).toContain('Stalled');
    expect(acme.getAttribute('title')).toBe('Negotiation for 34 days; won deals: median 12, stalled after 20 · Stalled');
    const bolt = all(rowOf(mounted.container, 'Bolt'), '[role="gridcell"]').find((c) => text(c).includes('3 d')) as HTMLElement;
    expect(bolt.querySelector('[data-stalled]')).toBeNull();
    expect(one(bolt, '[title]').getAttribute('title')).toBe('Proposal for 3 days; won deals: median 9, stalled after 15');
  });

  it('sorts by days, fewest first then most, unknown last', () => {
    mounted = mount(<Harness rows={rows} />);
    click(header(mounted.container, 'Days in stage'));
    expect(names(mounted.container)).toEqual(['Bolt', 'Cask', 'Acme', 'Dent']);
    click(header(mounted.container, 'Days in stage'));
    expect(names(mounted.container)).toEqual(['Acme', 'Cask', 'Bolt', 'Dent']);
  });

  it('filters on a range of days', () => {
    mounted = mount(<Harness rows={rows} />);
    typeInto(one(mounted.container, '[data-filter="days-min"]') as HTMLInputElement, '5');
    expect(names(mounted.container)).toEqual(['Cask', 'Acme']);
    typeInto(one(mounted.container, '[data-filter="days-max"]') as HTMLInputElement, '30');
    expect(names(mounted.container)).toEqual(['Cask']);
    expect(lastFilters).toMatchObject({ daysMin: 5, daysMax: 30 });
    typeInto(one(mounted.container, '[data-filter="days-min"]') as HTMLInputElement, '');
    expect(names(mounted.container)).toEqual(['Bolt', 'Cask']);
  });

  it('reads the day boxes as whole days or nothing', () => {
    expect(parseDays(' 14 ')).toBe(14);
    expect(parseDays('')).toBeNull();
    expect(parseDays('-2')).toBeNull();
    expect(parseDays('2.5')).toBeNull();
  });
});

describe('the popup’s health column', () => {
  it('shows the level as a label with the reasons, in a rep’s words, in its tooltip', () => {
    mounted = mount(<Harness rows={rows} />);
    const acme = one(rowOf(mounted.container, 'Acme'), '[data-health]');
    expect(acme.getAttribute('data-health')).toBe('at-risk');
    expect(text(acme)).toContain('At risk');
    expect(acme.getAttribute('title')).toBe(
      'At risk\nWin Potential 12%, under half the org’s 31%\nIn Negotiation for 34 days, past the 20 days by which 4 in 5 won deals had moved on',
    );
    const cask = one(rowOf(mounted.container, 'Cask'), '[data-health]');
    expect(text(cask)).toContain('Attention');
    expect(cask.getAttribute('title')).toContain('No stage change for 120 days');
    expect(one(rowOf(mounted.container, 'Bolt'), '[data-health]').getAttribute('title')).toBe('On track\nNo warning signs.');
  });

  it('sorts worst first, then best first', () => {
    mounted = mount(<Harness rows={rows} />);
    click(header(mounted.container, 'Health (on track, needs attention, at risk)'));
    expect(names(mounted.container)).toEqual(['Acme', 'Cask', 'Bolt', 'Dent']);
    click(header(mounted.container, 'Health (on track, needs attention, at risk)'));
    expect(names(mounted.container)).toEqual(['Bolt', 'Cask', 'Acme', 'Dent']);
  });

  it('filters on one level', () => {
    mounted = mount(<Harness rows={rows} />);
    const select = one(mounted.container, '[data-filter="health"]') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Any health', 'On track', 'Needs attention', 'At risk']);
    choose(select, 'needs-attention');
    expect(names(mounted.container)).toEqual(['Cask']);
    choose(select, '');
    expect(names(mounted.container)).toHaveLength(4);
  });

  it('hides both filters for rows scored before health and days existed', () => {
    mounted = mount(<Harness rows={[row({ id: 'x', name: 'Old' })]} />);
    expect(mounted.container.querySelector('[data-filter="health"]')).toBeNull();
    expect(mounted.container.querySelector('[data-filter="days"]')).toBeNull();
  });
});
