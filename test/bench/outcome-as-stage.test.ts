import { describe, expect, it } from 'vitest';
import { importCsv } from '../../lib/crm/csv/import';
import { outcomeAsStage } from './outcome-as-stage';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('outcomeAsStage', () => {
  it('turns an outcome column into a Stage the importer reads as won or lost, and leaves an empty outcome empty', () => {
    const file = bytes('Region,Opportunity Result,Note\r\nNorth,Won,"a, b"\r\nSouth,Loss,c\r\nEast,,d\r\n');
    const imported = importCsv(outcomeAsStage(file, { column: 'Opportunity Result', won: 'Won' }));
    expect(imported.opportunities.map((o) => [o.isClosed, o.isWon])).toEqual([
      [true, true],
      [true, false],
    ]);
    // The importer, not the adapter, decides what an empty outcome means.
    expect(imported.rejected).toEqual([{ line: 4, reason: 'Stage is empty, so the outcome is unknown' }]);
    // The other cells come through as they were, quoted ones included.
    expect(imported.opportunities[0]?.attributes).toMatchObject({ note: 'a, b' });
  });

  it('reads 1/0 outcomes with the won value given', () => {
    const text = outcomeAsStage(bytes('Lead Source,Converted\nWeb,1\nAds,0\n'), { column: 'Converted', won: '1' });
    expect(text).toBe('Lead Source,Stage\r\nWeb,Closed Won\r\nAds,Closed Lost\r\n');
  });

  it('names the column it cannot find', () => {
    expect(() => outcomeAsStage(bytes('a,b\n1,2\n'), { column: 'Converted', won: '1' })).toThrow(/no column "Converted"/);
  });
});
