// @vitest-environment happy-dom
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { PipelineGrid } from '../../components/pipeline/PipelineGrid';
import { buildIndex, nextSort, sortOrder, DEFAULT_SORT, type SortSpec } from '../../lib/pipeline';
import type { PipelineRow } from '../../lib/panel-data';
import { all, click, focus, keyDown, mount, one, text, type Mounted } from '../pipeline/dom';
import { row, syntheticRows } from '../pipeline/fixtures';

let mounted: Mounted | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

function Harness({ rows, onOpen }: { rows: PipelineRow[]; onOpen: (row: PipelineRow) => void }) {
  const [sort, setSort] = useState<SortSpec>(DEFAULT_SORT);
  const index = buildIndex(rows);
  return <PipelineGrid rows={rows} order={sortOrder(index, sort)} sort={sort} onSort={(c) => setSort(nextSort(sort, c))} onOpen={onOpen} />;
}

const rows = [
  row({ id: 'a', name: 'Acme', amount: 300, winPotential: 0.2, winBand: 'low' }),
  row({ id: 'b', name: 'Bolt', amount: null, winPotential: 0.8, winBand: 'high', slip: true, predictedClose: '2026-05-01', closeDate: '2026-03-01' }),
  row({ id: 'c', name: 'Cask', amount: 100, winPotential: 0.5, winBand: 'medium' }),
];

const header = (root: HTMLElement, label: string): HTMLElement => {
  const found = all(root, '[role="columnheader"]').find((h) => one(h, 'button').getAttribute('aria-label') === label);
  if (!found) throw new Error(`No header ${label}`);
  return found;
};
const names = (root: HTMLElement): string[] => all(root, '[role="row"][data-row]').map((r) => text(one(r, '[role="gridcell"] div')));

describe('PipelineGrid', () => {
  it('is a grid of rows and cells with a header row of sort buttons', () => {
    mounted = mount(<Harness rows={rows} onOpen={() => undefined} />);
    const grid = one(mounted.container, '[role="grid"]');
    expect(grid.getAttribute('aria-rowcount')).toBe('4');
    expect(grid.getAttribute('aria-colcount')).toBe('8');
    // The header row sits before the grid in the DOM (Tab order) and inside it by aria-owns.
    const head = one(mounted.container, '[role="rowgroup"]');
    expect(grid.getAttribute('aria-owns')?.split(' ')).toEqual([head.id, one(grid, '[role="rowgroup"]').id]);
    expect(all(head, '[role="columnheader"] > button')).toHaveLength(8);
    expect(all(grid, '[role="row"][data-row]').map((r) => r.getAttribute('aria-rowindex'))).toEqual(['2', '3', '4']);
    expect(all(grid, '[role="row"][data-row]')[0]?.querySelectorAll('[role="gridcell"]')).toHaveLength(8);
  });

  it('opens ranked by Win Potential, best first, and says so with aria-sort', () => {
    mounted = mount(<Harness rows={rows} onOpen={() => undefined} />);
    expect(names(mounted.container)).toEqual(['Bolt', 'Cask', 'Acme']);
    expect(header(mounted.container, 'Win Potential').getAttribute('aria-sort')).toBe('descending');
    expect(all(mounted.container, '[aria-sort]')).toHaveLength(1);
  });

  it('sorts ascending on the first header click and descending on the second, empty last', () => {
    mounted = mount(<Harness rows={rows} onOpen={() => undefined} />);
    const amount = (): HTMLElement => header(mounted!.container, 'Amount');
    click(one(amount(), 'button'));
    expect(amount().getAttribute('aria-sort')).toBe('ascending');
    expect(header(mounted.container, 'Win Potential').hasAttribute('aria-sort')).toBe(false);
    expect(names(mounted.container)).toEqual(['Cask', 'Acme', 'Bolt']);
    click(one(amount(), 'button'));
    expect(amount().getAttribute('aria-sort')).toBe('descending');
    expect(names(mounted.container)).toEqual(['Acme', 'Cask', 'Bolt']);
    click(one(amount(), 'button'));
    expect(amount().getAttribute('aria-sort')).toBe('ascending');
  });

  it('shows Win Potential as a percentage with its band in words, and marks a slip', () => {
    mounted = mount(<Harness rows={rows} onOpen={() => undefined} />);
    const first = all(mounted.container, '[role="row"][data-row]')[0] as HTMLElement;
    expect(text(first)).toContain('80%');
    expect(text(first)).toContain('High');
    expect(first.querySelector('[data-slip]')).not.toBeNull();
    expect(text(first)).toContain('Likely to slip');
    const last = all(mounted.container, '[role="row"][data-row]')[2] as HTMLElement;
    expect(last.querySelector('[data-slip]')).toBeNull();
  });

  it('moves the active row with the arrow keys and opens it with Enter', () => {
    const opened: string[] = [];
    mounted = mount(<Harness rows={rows} onOpen={(r) => opened.push(r.id)} />);
    const grid = one(mounted.container, '[role="grid"]');
    expect(grid.tabIndex).toBe(0);
    focus(grid);
    const active = (): string | undefined => {
      const id = grid.getAttribute('aria-activedescendant');
      return id ? text(one(document.getElementById(id) as HTMLElement, '[role="gridcell"] div')) : undefined;
    };
    expect(active()).toBe('Bolt');
    keyDown(grid, 'ArrowDown');
    expect(active()).toBe('Cask');
    keyDown(grid, 'ArrowDown');
    keyDown(grid, 'ArrowDown');
    expect(active()).toBe('Acme');
    keyDown(grid, 'Home');
    expect(active()).toBe('Bolt');
    keyDown(grid, 'End');
    keyDown(grid, 'ArrowUp');
    keyDown(grid, 'Enter');
    expect(opened).toEqual(['c']);
  });

  it('opens a row on click', () => {
    const opened: string[] = [];
    mounted = mount(<Harness rows={rows} onOpen={(r) => opened.push(r.id)} />);
    click(all(mounted.container, '[role="row"][data-row]')[2] as HTMLElement);
    expect(opened).toEqual(['a']);
  });

  it('renders about a viewport of rows out of 10,000, and follows the active row', () => {
    const many = syntheticRows(10_000, 2);
    mounted = mount(<Harness rows={many} onOpen={() => undefined} />);
    const rendered = all(mounted.container, '[role="row"][data-row]');
    expect(rendered.length).toBeLessThanOrEqual(20);
    expect(rendered.length).toBeGreaterThanOrEqual(10);
    const grid = one(mounted.container, '[role="grid"]');
    focus(grid);
    keyDown(grid, 'End');
    const id = grid.getAttribute('aria-activedescendant') as string;
    const last = document.getElementById(id);
    expect(last?.getAttribute('aria-rowindex')).toBe('10001');
  });
});
