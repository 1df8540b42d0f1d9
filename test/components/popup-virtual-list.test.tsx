// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { VirtualList } from '../../components/pipeline/VirtualList';
import { all, mount, one, scrollTo, type Mounted } from '../pipeline/dom';

let mounted: Mounted | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

const list = (count: number) => (
  <VirtualList
    data-testid="list"
    count={count}
    rowHeight={44}
    overscan={4}
    estimatedHeight={400}
    renderRow={(i) => (
      <div key={i} data-index={i} style={{ height: '44px' }}>
        Row {i}
      </div>
    )}
  />
);

const indexes = (root: HTMLElement): number[] => all(root, '[data-index]').map((e) => Number(e.dataset.index));

describe('VirtualList', () => {
  it('renders only the rows a 400 px viewport shows, plus overscan, out of 10,000', () => {
    mounted = mount(list(10_000));
    expect(indexes(mounted.container)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    // The spacer is as tall as every row, so the scrollbar is the full list's.
    const spacer = one(mounted.container, '[data-testid="list"] > div');
    expect(spacer.style.height).toBe('440000px');
  });

  it('renders the right rows after a scroll, positioned where they belong', () => {
    mounted = mount(list(10_000));
    const scroller = one(mounted.container, '[data-testid="list"]');
    scrollTo(scroller, 4400);
    expect(indexes(mounted.container)).toEqual([96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113]);
    const window = one(mounted.container, '[data-testid="list"] > div > div');
    expect(window.style.transform).toBe('translateY(4224px)');
    scrollTo(scroller, 439_600);
    expect(indexes(mounted.container)).toEqual([9986, 9987, 9988, 9989, 9990, 9991, 9992, 9993, 9994, 9995, 9996, 9997, 9998, 9999]);
  });

  it('renders every row of a short list and nothing for an empty one', () => {
    mounted = mount(list(3));
    expect(indexes(mounted.container)).toEqual([0, 1, 2]);
    mounted.unmount();
    mounted = mount(list(0));
    expect(indexes(mounted.container)).toEqual([]);
  });
});
