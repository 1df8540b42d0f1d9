// @vitest-environment happy-dom
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { Pipeline } from '../../components/pipeline/Pipeline';
import { DEFAULT_SORT, EMPTY_FILTERS, parseFilters, serializeFilters, type PipelineFilters, type SortSpec } from '../../lib/pipeline';
import type { PipelineRow } from '../../lib/panel-data';
import type { SegmentRecord } from '../../lib/store/schema';
import { all, choose, click, mount, one, settle, text, typeInto, type Mounted } from '../pipeline/dom';
import { row } from '../pipeline/fixtures';

let mounted: Mounted | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

function Harness({ rows, initial = EMPTY_FILTERS, me: initialMe = null }: { rows: PipelineRow[]; initial?: PipelineFilters; me?: string | null }) {
  const [filters, setFilters] = useState<PipelineFilters>(initial);
  const [sort, setSort] = useState<SortSpec>(DEFAULT_SORT);
  const [me, setMe] = useState<string | null>(initialMe);
  const [segments, setSegments] = useState<SegmentRecord[]>([]);
  return (
    <Pipeline
      rows={rows}
      filters={filters}
      sort={sort}
      onFiltersChange={setFilters}
      onSortChange={setSort}
      me={me}
      onMeChange={setMe}
      segments={segments}
      onSaveSegment={async (name, f) => {
        setSegments((s) => [...s, { id: s.length + 1, name, filters: serializeFilters(f), createdAt: '2026-01-01T00:00:00Z' }]);
      }}
      onDeleteSegment={async (segment) => setSegments((s) => s.filter((x) => x.id !== segment.id))}
      onOpen={() => undefined}
    />
  );
}

const withTerritories = [
  row({ id: 'a', name: 'Acme renewal', owner: 'Ann', ownerManager: 'Dana', type: 'renewal', territory: 'EMEA', winPotential: 0.5 }),
  row({ id: 'b', name: 'Bolt upsell', owner: 'Bob', ownerManager: 'Dana', type: 'upsell', territory: 'NA', winPotential: 0.7 }),
  row({ id: 'c', name: 'Café Zoë', owner: 'Carl', ownerManager: 'Eve', type: 'renewal', territory: null, winPotential: 0.2 }),
];
const withoutTerritories = withTerritories.map((r) => ({ ...r, territory: r.id === 'a' ? '' : null }));

const names = (root: HTMLElement): string[] => all(root, '[role="row"][data-row]').map((r) => text(one(r, '[role="gridcell"] div')));
const filter = (root: HTMLElement, name: string): HTMLElement | null => root.querySelector<HTMLElement>(`[data-filter="${name}"]`);

describe('the pipeline filters', () => {
  it('hide the territory filter when every territory is empty', () => {
    mounted = mount(<Harness rows={withoutTerritories} />);
    expect(filter(mounted.container, 'territory')).toBeNull();
    expect(filter(mounted.container, 'type')).not.toBeNull();
    expect(filter(mounted.container, 'owner')).not.toBeNull();
  });

  it('show the territory filter with each territory once when some deal has one', () => {
    mounted = mount(<Harness rows={withTerritories} />);
    const territory = filter(mounted.container, 'territory') as HTMLSelectElement;
    expect([...territory.options].map((o) => o.value)).toEqual(['', 'EMEA', 'NA']);
    choose(territory, 'EMEA');
    expect(names(mounted.container)).toEqual(['Acme renewal']);
    expect(text(one(mounted.container, '[data-testid="summary"]'))).toContain('1 of 3 open deals');
  });

  it('search without accents and filter by type and owner', () => {
    mounted = mount(<Harness rows={withTerritories} />);
    typeInto(filter(mounted.container, 'search') as HTMLInputElement, 'zoe');
    expect(names(mounted.container)).toEqual(['Café Zoë']);
    typeInto(filter(mounted.container, 'search') as HTMLInputElement, '');
    choose(filter(mounted.container, 'type') as HTMLSelectElement, 'renewal');
    expect(names(mounted.container)).toEqual(['Acme renewal', 'Café Zoë']);
    choose(filter(mounted.container, 'owner') as HTMLSelectElement, 'Carl');
    expect(names(mounted.container)).toEqual(['Café Zoë']);
    choose(filter(mounted.container, 'owner') as HTMLSelectElement, 'Bob');
    expect(text(mounted.container)).toContain('No open deals match these filters.');
  });

  it('ask who "me" is before showing my deals, then show my team', () => {
    mounted = mount(<Harness rows={withTerritories} />);
    const level = filter(mounted.container, 'level') as HTMLElement;
    const team = one(level, 'input[value="team"]') as HTMLInputElement;
    click(team);
    expect(mounted.container.querySelector('[data-testid="me-prompt"]')).not.toBeNull();
    choose(one(mounted.container, '[data-testid="me-prompt"] select') as HTMLSelectElement, 'Ann');
    expect(names(mounted.container)).toEqual(['Bolt upsell', 'Acme renewal']);
    click(one(level, 'input[value="me"]'));
    expect(names(mounted.container)).toEqual(['Acme renewal']);
  });

  it('save the current filters as a segment, apply it, and delete it', async () => {
    mounted = mount(<Harness rows={withTerritories} />);
    const root = mounted.container;
    choose(filter(root, 'type') as HTMLSelectElement, 'renewal');
    click(one(root, '[data-testid="segments"] button'));
    const form = one(root, '[data-testid="segment-form"]') as HTMLFormElement;
    typeInto(one(form, 'input') as HTMLInputElement, 'Renewals');
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await settle();
    const select = filter(root, 'segment') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Saved segments…', 'Renewals']);
    expect(select.value).toBe('1');

    // Leave the segment, then apply it again.
    choose(filter(root, 'type') as HTMLSelectElement, '');
    expect(names(root)).toHaveLength(3);
    choose(filter(root, 'segment') as HTMLSelectElement, '1');
    expect(names(root)).toEqual(['Acme renewal', 'Café Zoë']);

    click(one(root, '[data-testid="segments"] button[aria-label^="Delete segment"]'));
    await settle();
    expect(filter(root, 'segment')).toBeNull();
  });

  it('refuse a segment name already taken, in words', async () => {
    mounted = mount(<Harness rows={withTerritories} initial={parseFilters({ type: 'upsell' })} />);
    const root = mounted.container;
    const save = async (name: string): Promise<void> => {
      click(one(root, '[data-testid="segments"] button:last-child'));
      const form = one(root, '[data-testid="segment-form"]') as HTMLFormElement;
      typeInto(one(form, 'input') as HTMLInputElement, name);
      form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      await settle();
    };
    await save('Upsells');
    choose(filter(root, 'type') as HTMLSelectElement, 'renewal');
    await save('upsells');
    expect(text(one(root, '[role="alert"]'))).toBe('A segment with this name already exists.');
  });
});
