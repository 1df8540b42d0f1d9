import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSandbox } from '../../lib/sandbox/generate';
import { startSalesforceServer, type SalesforceServer } from '../../sandbox/salesforce';
import { plantHostileRecords } from '../../sandbox/kit/hostile';
import { idCounter } from '../../sandbox/salesforce/id-sequence';

/** Edits while the server runs (incremental sync), added deals, and the planted hostile records. */

let server: SalesforceServer;

beforeAll(async () => {
  server = await startSalesforceServer({ seed: 5, opportunities: 250 });
});
afterAll(async () => {
  await server.close();
});

async function query(soql: string): Promise<{ totalSize: number; records: Record<string, unknown>[] }> {
  const reply = await fetch(server.apiUrl(`/query?q=${encodeURIComponent(soql)}`), { headers: { Authorization: `Bearer ${server.sid}` } });
  if (reply.status !== 200) throw new Error(`${reply.status} ${await reply.text()}`);
  return (await reply.json()) as { totalSize: number; records: Record<string, unknown>[] };
}

/** The newest SystemModstamp, as a connector keeps it for its checkpoint, in SOQL's literal form. */
async function checkpoint(): Promise<string> {
  const latest = await query('SELECT SystemModstamp FROM Opportunity ORDER BY SystemModstamp DESC LIMIT 1');
  return String(latest.records[0]?.['SystemModstamp']).replace(/\.000\+0000$/, 'Z');
}

describe('touch', () => {
  it('bumps SystemModstamp past the checkpoint, so an incremental query returns exactly the touched records', async () => {
    const since = await checkpoint();
    const open = server.org.opportunities.filter((o) => !o.isClosed);
    const [a, b] = [open[0], open[1]];
    const stamp = server.touch([a?.id as string, (b?.id as string).slice(0, 15)]);
    expect(stamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000\+0000$/);
    expect(stamp.replace(/\.000\+0000$/, 'Z') > since).toBe(true);
    const changed = await query(`SELECT Id, SystemModstamp, LastModifiedDate FROM Opportunity WHERE SystemModstamp > ${since} ORDER BY Id`);
    expect(changed.records.map((r) => r['Id'])).toEqual([a?.id, b?.id].sort());
    expect(changed.records.every((r) => r['SystemModstamp'] === stamp && r['LastModifiedDate'] === stamp)).toBe(true);
    // Each touch is later than the one before, even within the same second.
    const next = server.touch([a?.id as string]);
    expect(next > stamp).toBe(true);
  });

  it('changes a stage as Salesforce does: derived fields, a history row, and the served org', async () => {
    const o = server.org.opportunities.find((x) => !x.isClosed && x.amount !== null);
    if (o === undefined) throw new Error('no open deal');
    const historyBefore = (await query(`SELECT COUNT() FROM OpportunityHistory WHERE OpportunityId = '${o.id}'`)).totalSize;
    const stamp = server.touch([o.id], { StageName: 'Closed Won', Amount: 12345, CloseDate: '2026-10-15' });
    const record = (
      await query(
        `SELECT StageName, IsClosed, IsWon, Probability, ForecastCategoryName, Amount, CloseDate, LastStageChangeDate FROM Opportunity WHERE Id = '${o.id}'`,
      )
    ).records[0];
    expect(record).toMatchObject({
      StageName: 'Closed Won',
      IsClosed: true,
      IsWon: true,
      Probability: 100,
      ForecastCategoryName: 'Closed',
      Amount: 12345,
      CloseDate: '2026-10-15',
      LastStageChangeDate: stamp,
    });
    const history = await query(
      `SELECT StageName, Amount, CloseDate, CreatedDate FROM OpportunityHistory WHERE OpportunityId = '${o.id}' ORDER BY CreatedDate DESC`,
    );
    expect(history.totalSize).toBe(historyBefore + 1);
    expect(history.records[0]).toMatchObject({ StageName: 'Closed Won', Amount: 12345, CloseDate: '2026-10-15', CreatedDate: stamp });
    expect(o).toMatchObject({ stage: 'Closed Won', isClosed: true, isWon: true, probability: 1, amount: 12345, closeDate: '2026-10-15' });
    expect(o.stageHistory.at(-1)).toEqual({ stage: 'Closed Won', enteredAt: stamp.slice(0, 10) });
  });

  it('checks everything before changing anything', async () => {
    const o = server.org.opportunities[0];
    const before = (await query(`SELECT SystemModstamp, Name FROM Opportunity WHERE Id = '${o?.id}'`)).records[0];
    expect(() => server.touch([o?.id as string, '006000000000000AAA'], { Name: 'x' })).toThrow(/no opportunity with id "006000000000000AAA"/);
    expect(() => server.touch([o?.id as string], { StageName: 'Won-ish' })).toThrow(/Unknown sandbox stage/);
    expect(() => server.touch([o?.id as string], { IsWon: true } as never)).toThrow(/field "IsWon" cannot be changed/);
    expect(() => server.touch([o?.id as string], { CloseDate: '10/15/2026' })).toThrow(/YYYY-MM-DD/);
    expect((await query(`SELECT SystemModstamp, Name FROM Opportunity WHERE Id = '${o?.id}'`)).records[0]).toEqual(before);
  });

  it("moves ownership with the owner's manager and territory", async () => {
    const o = server.org.opportunities.find((x) => x.territory === 'APAC');
    const rep = server.org.users.find((u) => u.role === 'rep' && u.territory === 'EMEA');
    server.touch([o?.id as string], { OwnerId: rep?.id as string });
    const record = (await query(`SELECT Owner.Name, Owner.Manager.Name, Territory2.Name, Region__c FROM Opportunity WHERE Id = '${o?.id}'`)).records[0];
    expect(record).toMatchObject({ Owner: { Name: rep?.name, Manager: { Name: rep?.manager?.name } }, Territory2: { Name: 'EMEA' }, Region__c: 'EMEA' });
    expect(o?.ownerManager).toEqual(rep?.manager);
  });

  it('works over HTTP for browser tests', async () => {
    const o = server.org.opportunities[5];
    const reply = await fetch(`${server.url}/__sandbox/touch`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ids: [o?.id], changes: { NextStep: 'Send <b>quote</b>' } }),
    });
    const body = (await reply.json()) as { systemModstamp: string };
    expect(reply.status).toBe(200);
    expect((await query(`SELECT NextStep, SystemModstamp FROM Opportunity WHERE Id = '${o?.id}'`)).records[0]).toMatchObject({
      NextStep: 'Send <b>quote</b>',
      SystemModstamp: body.systemModstamp,
    });
    const bad = await fetch(`${server.url}/__sandbox/touch`, { method: 'POST', body: '{"ids":"x"}' });
    expect(bad.status).toBe(400);
  });
});

describe('addOpportunities', () => {
  it('adds open deals on existing accounts, with later ids, history and a contact role', async () => {
    const since = await checkpoint();
    const total = server.org.opportunities.length;
    const maxCounter = Math.max(...server.org.opportunities.map((o) => idCounter(o.id)));
    const added = server.addOpportunities(3);
    expect(added).toHaveLength(3);
    expect(server.org.opportunities).toHaveLength(total + 3);
    const accounts = new Set(server.org.accounts.map((a) => a.id));
    for (const o of added) {
      expect(o.isClosed).toBe(false);
      expect(accounts.has(o.account?.id as string)).toBe(true);
      expect(idCounter(o.id)).toBeGreaterThan(maxCounter);
      expect(server.org.truth.winProbability[o.id]).toBeGreaterThan(0);
    }
    const fresh = await query(`SELECT Id, Account.Name, StageName, IsClosed FROM Opportunity WHERE SystemModstamp > ${since} AND CreatedDate > ${since}`);
    expect(fresh.records.map((r) => r['Id']).sort()).toEqual(added.map((o) => o.id).sort());
    const ids = added.map((o) => `'${o.id}'`).join(',');
    expect((await query(`SELECT COUNT() FROM OpportunityHistory WHERE OpportunityId IN (${ids})`)).totalSize).toBe(3);
    const page = await fetch(server.recordUrl(added[0]?.id as string));
    expect(await page.text()).toContain('<records-highlights2>');
  });

  it('rejects a bad count, and adds over HTTP', async () => {
    expect(() => server.addOpportunities(0)).toThrow(/whole number/);
    const reply = await fetch(`${server.url}/__sandbox/opportunities`, { method: 'POST', body: JSON.stringify({ count: 2 }) });
    expect(reply.status).toBe(201);
    expect(((await reply.json()) as { ids: string[] }).ids).toHaveLength(2);
  });
});

describe('hostile records', () => {
  it('are planted deterministically and only where listed', () => {
    const plain = generateSandbox({ seed: 5, opportunities: 250 });
    const edited = structuredClone(plain);
    const edits = plantHostileRecords(edited);
    expect(plantHostileRecords(structuredClone(plain))).toEqual(edits);
    expect(Object.keys(edits.opportunityNames)).toHaveLength(8);
    expect(Object.keys(edits.accountNames)).toHaveLength(2);
    expect(edits.nullAmount).toHaveLength(1);
    expect(edits.noAccount).toHaveLength(1);
    const touched = new Set([...Object.keys(edits.opportunityNames), ...edits.nullAmount, ...edits.noAccount]);
    const renamedAccounts = new Set(Object.keys(edits.accountNames));
    edited.opportunities.forEach((o, i) => {
      const before = plain.opportunities[i];
      if (touched.has(o.id) || (o.account !== null && renamedAccounts.has(o.account.id))) return;
      expect(o).toEqual(before);
    });
    for (const [id, name] of Object.entries(edits.opportunityNames)) {
      expect(edited.opportunities.find((o) => o.id === id)?.name).toBe(name);
      expect(name.length).toBeLessThanOrEqual(120);
    }
    for (const [id, name] of Object.entries(edits.accountNames)) {
      expect(edited.accounts.find((a) => a.id === id)?.name).toBe(name);
      for (const o of edited.opportunities) if (o.account?.id === id) expect(o.account.name).toBe(name);
    }
  });

  it('can be left out', async () => {
    const plain = await startSalesforceServer({ seed: 5, opportunities: 50, hostile: false, territories: false });
    try {
      expect(plain.hostile).toEqual({ opportunityNames: {}, accountNames: {}, nullAmount: [], noAccount: [] });
      expect(plain.org).toEqual(generateSandbox({ seed: 5, opportunities: 50 }));
      const reply = await fetch(plain.apiUrl(`/query?q=${encodeURIComponent('SELECT Territory2Id FROM Opportunity')}`), {
        headers: { Authorization: `Bearer ${plain.sid}` },
      });
      expect(reply.status).toBe(400);
      expect(((await reply.json()) as { errorCode: string }[])[0]?.errorCode).toBe('INVALID_FIELD');
    } finally {
      await plain.close();
    }
  });

  it('never changes an org passed in', async () => {
    const org = generateSandbox({ seed: 9, opportunities: 40 });
    const copy = structuredClone(org);
    const s = await startSalesforceServer({ org });
    try {
      s.touch([org.opportunities[0]?.id as string], { Name: 'changed' });
      expect(org).toEqual(copy);
      expect(s.org.opportunities[0]?.name).toBe('changed');
    } finally {
      await s.close();
    }
  });
});

describe('options', () => {
  it('are validated up front with the option named', async () => {
    await expect(startSalesforceServer({ apiVersion: '62' })).rejects.toThrow(/apiVersion must look like "62.0"/);
    await expect(startSalesforceServer({ opportunities: 0 })).rejects.toThrow(/opportunities must be a whole number/);
    await expect(startSalesforceServer({ today: '2026-13-01' })).rejects.toThrow(/today must be a date/);
    await expect(startSalesforceServer({ port: 70_000 })).rejects.toThrow(/port must be 0 to 65535/);
  });
});
