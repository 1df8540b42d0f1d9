import { describe, expect, it } from 'vitest';
import { decideDateOrder } from '../../lib/crm/csv/date-order';
import { dateOrderEvidence, parseDate } from '../../lib/crm/csv/dates';

const iso = (raw: string, order: 'MDY' | 'DMY' = 'MDY') => {
  const r = parseDate(raw, order);
  return r.ok ? r.value : r.reason;
};

describe('parseDate', () => {
  it.each([
    ['2024-03-27', '2024-03-27'],
    ['2024-03-27T10:00:00Z', '2024-03-27'],
    ['2024-03-27T23:30:00-05:00', '2024-03-27'],
    ['2024-03-27 10:00', '2024-03-27'],
    ['2024-03-27 14:05', '2024-03-27'],
    ['2024-03-27 14:05:00.000', '2024-03-27'],
    ['2024/03/27', '2024-03-27'],
    ['03/27/2024', '2024-03-27'],
    ['3/7/24', '2024-03-07'],
    ['3/27/2024 10:00 AM', '2024-03-27'],
    ['27.03.2024', '2024-03-27'],
    ['27-Mar-12', '2012-03-27'],
    ['27 Mar 2012', '2012-03-27'],
    ['27 March 2012', '2012-03-27'],
    ['Mar 27, 2012', '2012-03-27'],
    ['Sept 3, 2024', '2024-09-03'],
    ['1/1/69', '2069-01-01'],
    ['1/1/70', '1970-01-01'],
    ['2024-02-29', '2024-02-29'],
  ])('%s → %s', (raw, expected) => {
    expect(iso(raw)).toBe(expected);
  });

  it('reads slash dates in the order it is given', () => {
    expect(iso('03/04/2024', 'MDY')).toBe('2024-03-04');
    expect(iso('03/04/2024', 'DMY')).toBe('2024-04-03');
    expect(iso('27/03/2024', 'DMY')).toBe('2024-03-27');
  });

  it.each([
    ['02/30/2024', 'MDY', '"02/30/2024" is not a date (February has no day 30)'],
    ['13/13/2024', 'MDY', '"13/13/2024" is not a date (13 is not a month)'],
    ['31/02/2024', 'DMY', '"31/02/2024" is not a date (February has no day 31)'],
    ['31/02/2024', 'MDY', '"31/02/2024" is not a date (February has no day 31)'],
    ['27/03/2024', 'MDY', '"27/03/2024" is not a date (27 is not a month, and dates here are read as MM/DD/YYYY)'],
    ['2023-02-29', 'MDY', '"2023-02-29" is not a date (February has no day 29)'],
    ['2024-13-01', 'MDY', '"2024-13-01" is not a date (13 is not a month)'],
    ['1899-12-30', 'MDY', '"1899-12-30" is not a date (year 1899 is out of range)'],
    ['2024-03-27T25:00', 'MDY', '"2024-03-27T25:00" is not a date'],
    ['garbage', 'MDY', '"garbage" is not a date'],
  ] as const)('%s (%s) → %s', (raw, order, reason) => {
    expect(parseDate(raw, order)).toEqual({ ok: false, reason });
  });
});

describe('dateOrderEvidence', () => {
  it.each([
    ['27/03/2024', 'DMY'],
    ['03/27/2024', 'MDY'],
    ['03/04/2024', 'ambiguous'],
    ['05/05/2024', null],
    ['31/02/2024', null],
    ['2024-03-27', null],
    ['27.03.2024', null],
  ])('%s → %s', (raw, expected) => {
    expect(dateOrderEvidence(raw)).toBe(expected);
  });
});

const col = (label: string, ...raws: string[]) => ({ label, values: raws.map((raw, i) => ({ raw, line: i + 2 })) });

describe('decideDateOrder', () => {
  it('decides from a value with a day above 12 and reports the evidence', () => {
    expect(decideDateOrder([col('Close Date', '03/04/2024', '27/03/2024'), col('Created Date', '01/02/2024')])).toEqual({
      order: 'DMY',
      basis: 'values',
      columnOrders: ['DMY', 'DMY'],
      warnings: ['Dates are read as DD/MM/YYYY: "27/03/2024" (Close Date, line 3) can only be day first.'],
    });
  });

  it('assumes MM/DD when no value decides, and says so', () => {
    expect(decideDateOrder([col('Close Date', '03/04/2024', '05/06/2024')])).toEqual({
      order: 'MDY',
      basis: 'assumed',
      columnOrders: ['MDY'],
      warnings: [
        'Dates are read as MM/DD/YYYY by assumption: no date has a day above 12 (such as "03/04/2024" in Close Date, line 2). ' +
          "Choose DD/MM/YYYY (dateOrder 'DMY') if they are day first.",
      ],
    });
  });

  it('lets the caller decide', () => {
    expect(decideDateOrder([col('Close Date', '03/27/2024')], 'DMY')).toMatchObject({ order: 'DMY', basis: 'option', columnOrders: ['DMY'], warnings: [] });
  });

  it('has no order for a file without slash dates', () => {
    expect(decideDateOrder([col('Close Date', '2024-03-27', '27.03.2024')])).toEqual({ order: null, basis: null, columnOrders: ['MDY'], warnings: [] });
  });

  it('reads a column that mixes orders by its majority and warns', () => {
    const d = decideDateOrder([col('Close Date', '27/03/2024', '28/03/2024', '03/29/2024')]);
    expect(d.order).toBe('DMY');
    expect(d.warnings).toEqual([
      'Dates are read as DD/MM/YYYY: "27/03/2024" (Close Date, line 2) can only be day first.',
      'Close Date mixes date orders: 2 day first (such as "27/03/2024", line 2) and 1 month first (such as "03/29/2024", line 4); ' +
        'read as DD/MM/YYYY, and the dates that do not fit are reported.',
    ]);
  });

  it('lets columns that disagree keep their own order', () => {
    const d = decideDateOrder([col('Close Date', '27/03/2024'), col('Created Date', '03/27/2024'), col('Other', '01/02/2024')]);
    expect(d.columnOrders).toEqual(['DMY', 'MDY', 'MDY']);
    expect(d.warnings).toContain(
      'Date columns disagree on the day/month order (Close Date is DD/MM/YYYY, Created Date is MM/DD/YYYY); each is read in its own order.',
    );
  });
});
