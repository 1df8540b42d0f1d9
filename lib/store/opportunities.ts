/** Reading a connection's opportunities (written by `replaceConnectionData`). */
import type { Opportunity } from '../crm/opportunity';
import type { DealsightDb } from './db';
import { connectionRange, quoted, reading } from './guard';

/** The connection's opportunities in id order; only open (`isClosed: false`) or closed ones when asked. */
export async function listOpportunities(db: DealsightDb, connectionId: string, { isClosed }: { isClosed?: boolean } = {}): Promise<Opportunity[]> {
  return reading(`the opportunities of ${quoted(connectionId)}`, async () => {
    const records =
      isClosed === undefined
        ? await connectionRange(db.opportunities, connectionId).toArray()
        : await db.opportunities
            .where('[connectionId+isClosed]')
            .equals([connectionId, isClosed ? 1 : 0])
            .toArray();
    return records.map((r) => r.opportunity);
  });
}

export async function getOpportunity(db: DealsightDb, connectionId: string, id: string): Promise<Opportunity | undefined> {
  return reading(`opportunity ${quoted(id)}`, async () => (await db.opportunities.get([connectionId, id]))?.opportunity);
}

/** How many opportunities the connection holds (all, or only open or closed ones). */
export async function countOpportunities(db: DealsightDb, connectionId: string, { isClosed }: { isClosed?: boolean } = {}): Promise<number> {
  return reading(`the opportunities of ${quoted(connectionId)}`, () =>
    isClosed === undefined
      ? connectionRange(db.opportunities, connectionId).count()
      : db.opportunities
          .where('[connectionId+isClosed]')
          .equals([connectionId, isClosed ? 1 : 0])
          .count(),
  );
}
