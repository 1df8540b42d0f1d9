import { describe, expect, it } from 'vitest';
import { compareKeys, decodeCursor, encodeCursor, type SyncCursor } from '../../../lib/crm/salesforce/cursor';
import { sleep } from '../../../lib/crm/shared/retry';

const cursor: SyncCursor = {
  v: 1,
  mode: 'incremental',
  closedSince: '2022-06-15',
  customFields: ['Primary_Product__c>product'],
  after: { modstamp: '2025-01-03T12:30:00.000Z', id: '0065g0000000004AAA' },
  locator: null,
  done: 4,
  total: 7,
  maxModstamp: '2025-01-03T12:30:00.000Z',
};

describe('sync cursor', () => {
  it('round-trips through the text the store keeps', () => {
    expect(decodeCursor(encodeCursor(cursor))).toEqual({ cursor });
  });

  it('refuses text it did not write, saying why', () => {
    expect(decodeCursor('not json')).toEqual({ reason: 'the saved resume point is not readable' });
    expect(decodeCursor('null')).toEqual({ reason: 'the saved resume point is not readable' });
    const other = { reason: 'the saved resume point was written by another version of Dealsight' };
    expect(decodeCursor(JSON.stringify({ ...cursor, v: 2 }))).toEqual(other);
    expect(decodeCursor(JSON.stringify({ ...cursor, closedSince: '2022-06-15 OR 1=1' }))).toEqual(other);
    expect(decodeCursor(JSON.stringify({ ...cursor, after: { modstamp: 5 } }))).toEqual(other);
    expect(decodeCursor(JSON.stringify({ ...cursor, customFields: [1] }))).toEqual(other);
  });

  it('orders keys by SystemModstamp, then Id', () => {
    const key = (modstamp: string, id: string) => ({ modstamp, id });
    expect(compareKeys(key('2025-01-01T00:00:00.000Z', 'b'), key('2025-01-02T00:00:00.000Z', 'a'))).toBe(-1);
    expect(compareKeys(key('2025-01-01T00:00:00.000Z', 'b'), key('2025-01-01T00:00:00.000Z', 'a'))).toBe(1);
    expect(compareKeys(key('2025-01-01T00:00:00.000Z', 'a'), key('2025-01-01T00:00:00.000Z', 'a'))).toBe(0);
  });
});

describe('sleep', () => {
  it('waits, and stops at once when aborted', async () => {
    await expect(sleep(1)).resolves.toBeUndefined();
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    await expect(sleep(1, controller.signal)).rejects.toThrow('stop');
  });
});
