/**
 * A windowed list with a fixed row height: however many rows there are, it renders only
 * those in the viewport plus `overscan` above and below, inside a spacer as tall as all
 * of them, so the scrollbar and Page Up/Down behave as with the full list. Re-renders
 * only when the scroll crosses into a different range of rows, not on every pixel.
 */
import type { ComponentChild, JSX, RefObject } from 'preact';
import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { visibleRange } from '../../lib/pipeline/virtual';

export interface VirtualListProps extends Omit<JSX.HTMLAttributes<HTMLDivElement>, 'ref' | 'onScroll'> {
  count: number;
  rowHeight: number;
  /** Rows rendered beyond each edge of the viewport, so fast scrolling shows no gap. */
  overscan?: number;
  /** Viewport height until one is measured (the first paint; DOMs without layout). */
  estimatedHeight?: number;
  /** Renders row `index`; it must be `rowHeight` px tall. */
  renderRow: (index: number) => ComponentChild;
  /** The scrolling element, for callers that read it. */
  scrollerRef?: RefObject<HTMLDivElement>;
  /** Filled with the list's controls, for callers that scroll it (keyboard navigation). */
  controllerRef?: RefObject<VirtualListController | null>;
}

export interface VirtualListController {
  /**
   * Scrolls to `top` and renders the rows there now, not on the scroll event a frame
   * later: a row made active by the keyboard must exist before `aria-activedescendant`
   * names it.
   */
  scrollTo(top: number): void;
}

export function VirtualList({
  count,
  rowHeight,
  overscan = 4,
  estimatedHeight = 400,
  renderRow,
  scrollerRef,
  controllerRef,
  style,
  ...rest
}: VirtualListProps) {
  const ownRef = useRef<HTMLDivElement>(null);
  const ref = scrollerRef ?? ownRef;
  const [viewport, setViewport] = useState({ scrollTop: 0, height: estimatedHeight });
  const range = visibleRange(viewport.scrollTop, viewport.height, rowHeight, count, overscan);
  const rangeRef = useRef(range);
  rangeRef.current = range;

  const measure = useCallback(() => {
    const element = ref.current;
    if (!element) return;
    const height = element.clientHeight || estimatedHeight;
    const scrollTop = element.scrollTop;
    const next = visibleRange(scrollTop, height, rowHeight, count, overscan);
    const current = rangeRef.current;
    if (next.start !== current.start || next.end !== current.end) setViewport({ scrollTop, height });
  }, [ref, estimatedHeight, rowHeight, count, overscan]);

  if (controllerRef) {
    controllerRef.current = {
      scrollTo(top) {
        const element = ref.current;
        if (!element) return;
        element.scrollTop = top;
        measure();
      },
    };
  }

  // The real viewport height, and again whenever the element resizes (the popup opening,
  // a banner appearing above the grid).
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const height = element.clientHeight || estimatedHeight;
    setViewport((v) => (v.height === height && v.scrollTop === element.scrollTop ? v : { scrollTop: element.scrollTop, height }));
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      const h = element.clientHeight || estimatedHeight;
      setViewport((v) => (v.height === h ? v : { scrollTop: element.scrollTop, height: h }));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, estimatedHeight]);

  // A shorter list clamps scrollTop without a scroll event in some engines: re-read it.
  useLayoutEffect(measure, [count, measure]);

  const rows: ComponentChild[] = [];
  for (let i = range.start; i < range.end; i++) rows.push(renderRow(i));

  return (
    <div {...rest} ref={ref} onScroll={measure} style={{ overflowY: 'auto', position: 'relative', ...(typeof style === 'object' ? style : {}) }}>
      <div role="presentation" style={{ height: `${count * rowHeight}px`, position: 'relative' }}>
        <div role="presentation" style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${range.start * rowHeight}px)` }}>
          {rows}
        </div>
      </div>
    </div>
  );
}
