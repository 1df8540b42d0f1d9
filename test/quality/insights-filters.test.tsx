// @vitest-environment happy-dom
/**
 * The pipeline insights tab takes the popup's filters (issue 16): type, territory, reporting
 * level and owner narrow every figure; the territory filter hides when no deal has one; the
 * filters open as the popup left them and are saved and applied as the popup's segments.
 */
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { PipelineInsightsTab } from '../../components/insights/PipelineInsightsTab';
import { EMPTY_FILTERS, serializeFilters, type PipelineFilters } from '../../lib/pipeline';
import type { PipelineRow } from '../../lib/panel-data';
import type { ModelRecord, SegmentRecord } from '../../lib/store/schema';
import { all, choose, click, mount, one, settle, text, typeInto, type Mounted } from '../pipeline/dom';
import { row } from '../pipeline/fixtures';
import { persona } from '../store/helpers';

let mounted: Mounted | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

const model = {
  connectionId: 'csv',
  trainedAt: '2026-01-01T00:00:00.000Z',
  dataVersion: 1,
  asOf: '2026-01-01',
  win: null,
  forecast: null,
  personas: { org: null, teams: [] },
  notes: [],
  counts: { opportunities: 20, closed: 10, won: 5, lost: 5, open: 5 },
} as unknown as ModelRecord;

const rows: PipelineRow[] = [
  row({ id: 'a', connectionId: 'csv', owner: 'Ann', ownerManager: 'Dana', type: 'renewal', territory: 'EMEA', amount: 1000, winPotential: 0.1 }),
  row({ id: 'b', connectionId: 'csv', owner: 'Bob', ownerManager: 'Dana', type: 'renewal', territory: 'NA', amount: 2000, winPotential: 0.5 }),
  row({ id: 'c', connectionId: 'csv', owner: 'Carl', ownerManager: 'Eve', type: 'upsell', territory: 'EMEA', amount: 4000, winPotential: 0.9 }),
  row({ id: 'd', connectionId: 'csv', owner: 'Dana', ownerManager: null, type: 'upsell', territory: 'NA', amount: 8000, winPotential: 0.3 }),
];

function Harness({ rows: shown, initial, me: initialMe = null }: { rows: PipelineRow[]; initial?: PipelineFilters; me?: string | null }) {
  const [segments, setSegments] = useState<SegmentRecord[]>([]);
  const [me, setMe] = useState<string | null>(initialMe);
  return (
    <PipelineInsightsTab
      connectionLabel="deals.csv"
      model={model}
      openRows={shown}
      personas={[persona('csv', 'p1')]}
      filters={initial}
      segments={segments}
      me={me}
      actions={{
        onSaveSegment: async (name, filters) =>
          setSegments((s) => [...s, { id: s.length + 1, name, filters: serializeFilters(filters), createdAt: '2026-01-01T00:00:00Z' }]),
        onDeleteSegment: async (segment) => setSegments((s) => s.filter((x) => x.id !== segment.id)),
        onMeChange: setMe,
      }}
    />
  );
}

const filter = (root: HTMLElement, name: string): HTMLElement | null => root.querySelector<HTMLElement>(`[data-filter="${name}"]`);
const histogram = (root: HTMLElement): number[] =>
  all(root, 'svg[data-chart="score-histogram"] rect[data-value]').map((r) => Number(r.getAttribute('data-value')));
const groups = (root: HTMLElement, field: string): Array<[string | null, string]> =>
  all(root, `[data-testid="breakdown-${field}"] tbody tr`).map((tr) => [tr.getAttribute('data-group'), text(one(tr, '[data-cell="deals"]'))]);

describe('the pipeline insights filters', () => {
  it('narrow every figure by type, territory and owner', () => {
    mounted = mount(<Harness rows={rows} />);
    const page = mounted.container;
    expect(histogram(page)).toEqual([0, 1, 0, 1, 0, 1, 0, 0, 0, 1]);
    // Largest group first: two deals each, upsells the bigger amount.
    expect(groups(page, 'type')).toEqual([
      ['upsell', '2'],
      ['renewal', '2'],
    ]);
    expect(text(one(page, '[data-testid="insights-count"]'))).toBe('4 of 4 open deals, by the filters above');

    choose(filter(page, 'type') as HTMLSelectElement, 'upsell');
    expect(histogram(page)).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 0, 1]);
    expect(groups(page, 'type')).toEqual([['upsell', '2']]);
    // Upsells: Dana's $8,000 in NA, Carl's $4,000 in EMEA.
    expect(groups(page, 'territory')).toEqual([
      ['NA', '1'],
      ['EMEA', '1'],
    ]);

    choose(filter(page, 'territory') as HTMLSelectElement, 'NA');
    expect(groups(page, 'territory')).toEqual([['NA', '1']]);
    expect(histogram(page)).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
    expect(text(one(page, '[data-testid="insights-count"]'))).toBe('1 of 4 open deals, by the filters above');

    choose(filter(page, 'owner') as HTMLSelectElement, 'Ann');
    expect(text(one(page, '[data-state="no-open-deals"]'))).toBe('No open deals match these filters.');
  });

  it('narrow by reporting level: my deals, then my team’s', () => {
    mounted = mount(<Harness rows={rows} me="Ann" />);
    const page = mounted.container;
    click(one(page, '[data-filter="level"] input[value="me"]'));
    expect(groups(page, 'territory')).toEqual([['EMEA', '1']]);
    click(one(page, '[data-filter="level"] input[value="team"]'));
    // Ann's team: everyone under her manager Dana (Ann, Bob), and Dana's own reports.
    expect(groups(page, 'type')).toEqual([['renewal', '2']]);
    expect(histogram(page)).toEqual([0, 1, 0, 0, 0, 1, 0, 0, 0, 0]);
  });

  it('open with the popup’s filters', () => {
    mounted = mount(<Harness rows={rows} initial={{ ...EMPTY_FILTERS, type: 'renewal', territory: 'EMEA' }} />);
    expect((filter(mounted.container, 'type') as HTMLSelectElement).value).toBe('renewal');
    expect(groups(mounted.container, 'type')).toEqual([['renewal', '1']]);
  });

  it('hide the territory filter when no deal has a territory', () => {
    mounted = mount(<Harness rows={rows.map((r) => ({ ...r, territory: null }))} />);
    expect(filter(mounted.container, 'territory')).toBeNull();
    expect(filter(mounted.container, 'type')).not.toBeNull();
    expect(filter(mounted.container, 'owner')).not.toBeNull();
    expect(filter(mounted.container, 'level')).not.toBeNull();
  });

  it('save as a segment and apply it again', async () => {
    mounted = mount(<Harness rows={rows} />);
    const page = mounted.container;
    choose(filter(page, 'type') as HTMLSelectElement, 'upsell');
    click(one(page, '[data-testid="segments"] button'));
    const form = one(page, '[data-testid="segment-form"]') as HTMLFormElement;
    typeInto(one(form, 'input') as HTMLInputElement, 'Upsells');
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await settle();
    const select = filter(page, 'segment') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Saved segments…', 'Upsells']);
    expect(select.value).toBe('1');
    choose(filter(page, 'type') as HTMLSelectElement, '');
    expect(groups(page, 'type')).toHaveLength(2);
    choose(filter(page, 'segment') as HTMLSelectElement, '1');
    expect(groups(page, 'type')).toEqual([['upsell', '2']]);
  });
});
