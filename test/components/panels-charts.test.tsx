// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { Gauge } from '../../components/charts/Gauge';
import { RangeChart } from '../../components/charts/RangeChart';
import { clampPosition, position, rangeDomain } from '../../components/charts/scale';
import { cleanup, getByRole, mount, text, allByRole } from './panels-dom';

afterEach(cleanup);

describe('scale', () => {
  it('places values linearly and on a log scale', () => {
    expect(position({ min: 0, max: 200, kind: 'linear' }, 50)).toBe(0.25);
    expect(position({ min: 10, max: 1000, kind: 'log' }, 100)).toBeCloseTo(0.5, 12);
    expect(position({ min: 5, max: 5, kind: 'linear' }, 5)).toBe(0.5);
  });

  it('pads the domain around the range and reaches for markers nearby', () => {
    // Range 100–200 (width 100), marker at 50: domain 50–200, padded by 8% of 150 each side.
    expect(rangeDomain(100, 200, [50])).toEqual({ min: 38, max: 212, kind: 'linear' });
  });

  it('stops at 1.5 range-widths for a far marker, which is then drawn at the edge', () => {
    const domain = rangeDomain(100, 200, [-1000]);
    expect(domain.min).toBeCloseTo(-50 - 0.08 * 250, 9);
    expect(clampPosition(domain, -1000)).toEqual({ at: 0, clipped: 'start' });
    expect(clampPosition(domain, 5000)).toEqual({ at: 1, clipped: 'end' });
    expect(clampPosition(domain, 150).clipped).toBeNull();
  });

  it('works on log ranges and ignores markers a log scale cannot place', () => {
    const domain = rangeDomain(10_000, 100_000, [0, Number.NaN], 'log');
    expect(Math.log10(domain.min)).toBeCloseTo(4 - 0.08, 9);
    expect(Math.log10(domain.max)).toBeCloseTo(5 + 0.08, 9);
  });
});

describe('Gauge', () => {
  it('is an image named by its label, its drawing hidden', () => {
    const c = mount(<Gauge value={76} display="76" unit="of 100" label="Repeat Buyer Potential 76 out of 100" />).container;
    const img = getByRole(c, 'img', 'Repeat Buyer Potential 76 out of 100');
    expect(img.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    expect(img.querySelectorAll('circle')).toHaveLength(2);
  });

  it('draws no arc at zero (a round cap would show a dot)', () => {
    const c = mount(<Gauge value={0} display="0" label="0" />).container;
    expect(c.querySelectorAll('circle')).toHaveLength(1);
  });
});

describe('RangeChart', () => {
  it('hides the drawing and lists its legend as text', () => {
    const c = mount(
      <RangeChart
        low={10}
        mid={20}
        high={40}
        markers={[
          { value: 5, shape: 'diamond', label: 'CRM 5' },
          { value: 30, shape: 'line', label: 'Today 30' },
        ]}
        rangeLabel="Likely"
        midLabel="Predicted 20"
      />,
    ).container;
    expect(c.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    expect(allByRole(c, 'listitem').map(text)).toEqual(['Likely', 'Predicted 20', 'CRM 5', 'Today 30']);
  });

  it('places the band, the tick and the markers by value', () => {
    // Domain: 5–40 padded by 2.8 → 2.2–42.8.
    const c = mount(<RangeChart low={10} mid={20} high={40} markers={[{ value: 5, shape: 'diamond', label: 'CRM' }]} rangeLabel="r" midLabel="m" />).container;
    const at = (v: number): string => `${(((v - 2.2) / 40.6) * 100).toFixed(2)}%`;
    expect(c.querySelector('rect')?.getAttribute('x')).toBe(at(10));
    expect(c.querySelectorAll('line')[1]?.getAttribute('x1')).toBe(at(20));
    expect(c.querySelector('svg svg')?.getAttribute('x')).toBe(at(5));
  });
});
