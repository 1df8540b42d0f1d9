import { describe, expect, it } from 'vitest';
import { COLUMNS, columnsForWidth, gridTemplate } from '../../lib/pipeline';

const keys = (width: number): string[] => columnsForWidth(width).map((c) => c.key);

describe('columnsForWidth', () => {
  it('shows every column at 896 px of rows', () => {
    expect(COLUMNS.reduce((sum, c) => sum + c.width, 0)).toBe(896);
    expect(keys(896)).toEqual([
      'name',
      'amount',
      'stage',
      'daysInStage',
      'closeDate',
      'repeatBuyerPotential',
      'winPotential',
      'health',
      'forecastCategory',
      'predictedClose',
    ]);
  });

  it('keeps the scores, dates, health and days in stage in the designed 764 px; stage and forecast category give way', () => {
    // 188 + 92 + 72 + 88 + 104 + health 76 + days 56 + repeat buyer 64 = 740; + stage 84 = 824 > 764.
    expect(keys(764)).toEqual(['name', 'amount', 'daysInStage', 'closeDate', 'repeatBuyerPotential', 'winPotential', 'health', 'predictedClose']);
    expect(keys(824)).toEqual(['name', 'amount', 'stage', 'daysInStage', 'closeDate', 'repeatBuyerPotential', 'winPotential', 'health', 'predictedClose']);
  });

  it('drops the lowest priority columns first, keeping display order', () => {
    expect(keys(739)).toEqual(['name', 'amount', 'daysInStage', 'closeDate', 'winPotential', 'health', 'predictedClose']);
    expect(keys(675)).toEqual(['name', 'amount', 'closeDate', 'winPotential', 'health', 'predictedClose']);
    expect(keys(619)).toEqual(['name', 'amount', 'closeDate', 'winPotential', 'predictedClose']);
    // 320 px (a narrow panel): name 188 + win 92 = 280, + amount 72 = 352 > 320.
    expect(keys(320)).toEqual(['name', 'winPotential']);
    expect(keys(352)).toEqual(['name', 'amount', 'winPotential']);
    // + close date 88 = 440, + predicted close 104 = 544.
    expect(keys(543)).toEqual(['name', 'amount', 'closeDate', 'winPotential']);
    expect(keys(544)).toEqual(['name', 'amount', 'closeDate', 'winPotential', 'predictedClose']);
  });

  it('always keeps the name', () => {
    expect(keys(100)).toEqual(['name']);
    expect(keys(0)).toEqual(['name']);
  });
});

describe('gridTemplate', () => {
  it('lets the name stretch and fixes the others', () => {
    expect(gridTemplate(columnsForWidth(352))).toBe('minmax(188px, 1fr) 72px 92px');
  });
});
