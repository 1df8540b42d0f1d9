import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Opportunity } from '../../lib/crm/opportunity';
import { startSalesforceServer, type SalesforceServer } from '../../sandbox/salesforce';
import { dateLiteralRange } from '../../sandbox/salesforce/soql/date-literals';
import { historyEvents } from '../../sandbox/salesforce/records';
import { SoqlError } from '../../sandbox/salesforce/soql/errors';
import { parseSoql } from '../../sandbox/salesforce/soql/parser';

/**
 * The SOQL subset, checked against counts computed directly from the served org (the
 * generator's, seed 7, with the hostile edits), so each expected number is independent
 * of the server's query engine.
 */

let server: SalesforceServer;
let opportunities: Opportunity[];

beforeAll(async () => {
  server = await startSalesforceServer({ seed: 7, opportunities: 300 });
  opportunities = server.org.opportunities;
});
afterAll(async () => {
  await server.close();
});

interface QueryResult {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: Record<string, unknown>[];
}

async function query(soql: string): Promise<QueryResult> {
  const reply = await fetch(`${server.url}/services/data/v62.0/query?q=${encodeURIComponent(soql)}`, {
    headers: { Authorization: `Bearer ${server.sid}` },
  });
  const body = (await reply.json()) as unknown;
  if (reply.status !== 200) throw new Error(`${reply.status} ${JSON.stringify(body)}`);
  return body as QueryResult;
}

async function queryError(soql: string): Promise<{ status: number; errorCode: string; message: string }> {
  const reply = await fetch(`${server.url}/services/data/v62.0/query?q=${encodeURIComponent(soql)}`, {
    headers: { Authorization: `Bearer ${server.sid}` },
  });
  const body = (await reply.json()) as { errorCode: string; message: string }[];
  return { status: reply.status, errorCode: body[0]?.errorCode ?? '', message: body[0]?.message ?? '' };
}

const count = (predicate: (o: Opportunity) => boolean): number => opportunities.filter(predicate).length;
const ids = (result: QueryResult): string[] => result.records.map((r) => String(r['Id']));

describe('filters', () => {
  it('booleans, numbers and picklists', async () => {
    expect((await query('SELECT Id FROM Opportunity')).totalSize).toBe(300);
    expect((await query('SELECT Id FROM Opportunity WHERE IsClosed = false')).totalSize).toBe(count((o) => !o.isClosed));
    expect((await query('SELECT Id FROM Opportunity WHERE IsWon = TRUE AND Amount > 50000')).totalSize).toBe(count((o) => o.isWon && (o.amount ?? 0) > 50000));
    expect((await query('SELECT Id FROM Opportunity WHERE Amount <= 10000.5')).totalSize).toBe(count((o) => o.amount !== null && o.amount <= 10000.5));
    expect((await query("SELECT Id FROM Opportunity WHERE StageName = 'closed won'")).totalSize).toBe(count((o) => o.stage === 'Closed Won'));
  });

  it('IN and NOT IN, with 15- and 18-character ids', async () => {
    expect((await query("SELECT Id FROM Opportunity WHERE StageName IN ('Prospecting', 'Qualification')")).totalSize).toBe(
      count((o) => o.stage === 'Prospecting' || o.stage === 'Qualification'),
    );
    expect((await query("SELECT Id FROM Opportunity WHERE StageName NOT IN ('Closed Won', 'Closed Lost')")).totalSize).toBe(count((o) => !o.isClosed));
    const [a, b] = opportunities;
    const result = await query(`SELECT Id FROM Opportunity WHERE Id IN ('${a?.id.slice(0, 15)}', '${b?.id}')`);
    expect(ids(result)).toEqual([a?.id, b?.id]);
  });

  it('null: = null, != null, and != keeping nulls as SOQL does', async () => {
    expect((await query('SELECT Id FROM Opportunity WHERE LeadSource = null')).totalSize).toBe(count((o) => o.leadSource === null));
    expect((await query('SELECT Id FROM Opportunity WHERE LeadSource != null')).totalSize).toBe(count((o) => o.leadSource !== null));
    expect((await query("SELECT Id FROM Opportunity WHERE LeadSource != 'Web'")).totalSize).toBe(count((o) => o.leadSource !== 'Web'));
    expect((await query('SELECT Id FROM Opportunity WHERE Amount = null')).totalSize).toBe(server.hostile.nullAmount.length);
    expect((await query('SELECT Id FROM Opportunity WHERE AccountId = null')).totalSize).toBe(server.hostile.noAccount.length);
  });

  it('LIKE with % and _, case-insensitive; NOT; parentheses around mixed AND / OR', async () => {
    expect((await query("SELECT Id FROM Opportunity WHERE Name LIKE '%renewal%'")).totalSize).toBe(count((o) => /renewal/i.test(o.name)));
    expect((await query("SELECT Id FROM Opportunity WHERE StageName LIKE 'Closed _on'")).totalSize).toBe(count((o) => o.stage === 'Closed Won'));
    expect((await query("SELECT Id FROM Opportunity WHERE NOT StageName LIKE 'Closed%'")).totalSize).toBe(count((o) => !o.isClosed));
    expect((await query("SELECT Id FROM Opportunity WHERE (IsClosed = false OR CloseDate >= 2025-09-30) AND Type = 'New Customer'")).totalSize).toBe(
      count((o) => (!o.isClosed || (o.closeDate ?? '') >= '2025-09-30') && o.type === 'new customer'),
    );
  });

  it('dates and dateTimes, unquoted', async () => {
    expect((await query('SELECT Id FROM Opportunity WHERE CloseDate >= 2025-01-01 AND CloseDate < 2026-01-01')).totalSize).toBe(
      count((o) => (o.closeDate ?? '') >= '2025-01-01' && (o.closeDate ?? '') < '2026-01-01'),
    );
    expect((await query('SELECT Id FROM Opportunity WHERE CreatedDate >= 2026-01-01T00:00:00Z')).totalSize).toBe(
      count((o) => (o.createdDate ?? '') >= '2026-01-01'),
    );
    // The same instant with an offset: 2026-01-01T00:00:00Z.
    expect((await query('SELECT Id FROM Opportunity WHERE CreatedDate >= 2026-01-01T01:00:00+01:00')).totalSize).toBe(
      count((o) => (o.createdDate ?? '') >= '2026-01-01'),
    );
  });

  it("date literals around the org's as-of day: LAST_N_YEARS covers whole years before this one", async () => {
    expect(server.org.asOf).toBe('2026-09-30');
    expect((await query('SELECT Id FROM Opportunity WHERE CloseDate = LAST_N_YEARS:3')).totalSize).toBe(
      count((o) => (o.closeDate ?? '') >= '2023-01-01' && (o.closeDate ?? '') < '2026-01-01'),
    );
    expect((await query('SELECT Id FROM Opportunity WHERE IsClosed = true AND CloseDate >= LAST_N_YEARS:1')).totalSize).toBe(
      count((o) => o.isClosed && (o.closeDate ?? '') >= '2025-01-01'),
    );
    expect((await query('SELECT Id FROM Opportunity WHERE CreatedDate = THIS_YEAR')).totalSize).toBe(count((o) => (o.createdDate ?? '').startsWith('2026-')));
    expect((await query('SELECT Id FROM Opportunity WHERE CloseDate > TODAY')).totalSize).toBe(count((o) => (o.closeDate ?? '') > '2026-09-30'));
    expect((await query('SELECT Id FROM Opportunity WHERE CreatedDate = LAST_N_DAYS:30')).totalSize).toBe(
      count((o) => (o.createdDate ?? '') >= '2026-08-31' && (o.createdDate ?? '') <= '2026-09-30'),
    );
  });

  it('relationship fields in WHERE', async () => {
    const industryOf = new Map(server.org.accounts.map((a) => [a.id, a.industry]));
    expect((await query("SELECT Id FROM Opportunity WHERE Account.Industry = 'Healthcare'")).totalSize).toBe(
      count((o) => o.account !== null && industryOf.get(o.account.id) === 'Healthcare'),
    );
    const manager = opportunities.find((o) => o.ownerManager !== null)?.ownerManager;
    expect((await query(`SELECT Id FROM Opportunity WHERE Owner.Manager.Name = '${manager?.name}'`)).totalSize).toBe(
      count((o) => o.ownerManager?.name === manager?.name),
    );
    expect((await query("SELECT Id FROM Opportunity WHERE Territory2.Name = 'EMEA'")).totalSize).toBe(count((o) => o.territory === 'EMEA'));
    expect((await query("SELECT Id FROM Opportunity WHERE Region__c = 'North America'")).totalSize).toBe(
      count((o) => o.territory === 'NA East' || o.territory === 'NA West'),
    );
  });
});

describe('ORDER BY and LIMIT', () => {
  it("sorts by several fields with ASC / DESC and Salesforce's null placement", async () => {
    const result = await query('SELECT Id, CloseDate FROM Opportunity WHERE IsClosed = true ORDER BY CloseDate ASC, Id DESC');
    const expected = opportunities
      .filter((o) => o.isClosed)
      .sort((x, y) => ((x.closeDate ?? '') < (y.closeDate ?? '') ? -1 : (x.closeDate ?? '') > (y.closeDate ?? '') ? 1 : x.id < y.id ? 1 : -1))
      .map((o) => o.id);
    expect(ids(result)).toEqual(expected);

    const top = await query('SELECT Amount FROM Opportunity ORDER BY Amount DESC LIMIT 5');
    const amounts = opportunities
      .map((o) => o.amount)
      .filter((a): a is number => a !== null)
      .sort((x, y) => y - x);
    expect(top.records.map((r) => r['Amount'])).toEqual(amounts.slice(0, 5));
    // DESC puts nulls last, ASC first; NULLS LAST overrides.
    const ascending = await query('SELECT Amount FROM Opportunity ORDER BY Amount LIMIT 1');
    expect(ascending.records[0]?.['Amount']).toBeNull();
    const nullsLast = await query('SELECT Amount FROM Opportunity ORDER BY Amount ASC NULLS LAST LIMIT 1');
    expect(nullsLast.records[0]?.['Amount']).toBe(amounts.at(-1));
  });

  it('LIMIT and OFFSET cut the sorted result; totalSize is what is returned', async () => {
    const all = ids(await query('SELECT Id FROM Opportunity ORDER BY CreatedDate DESC, Id DESC'));
    const page = await query('SELECT Id FROM Opportunity ORDER BY CreatedDate DESC, Id DESC LIMIT 10 OFFSET 20');
    expect(page.totalSize).toBe(10);
    expect(ids(page)).toEqual(all.slice(20, 30));
    expect((await query('SELECT COUNT() FROM Opportunity WHERE IsClosed = false')).totalSize).toBe(count((o) => !o.isClosed));
    expect((await query('SELECT COUNT() FROM Opportunity WHERE IsClosed = false')).records).toEqual([]);
  });
});

describe('record shape', () => {
  it('nests parent fields under the relationship name, with attributes, and null for an empty reference', async () => {
    const o = opportunities.find((x) => x.isClosed && x.account !== null && x.ownerManager !== null);
    if (o === undefined) throw new Error('no suitable opportunity');
    const result = await query(
      `SELECT Id, Name, account.name, Account.Industry, Owner.Name, Owner.ManagerId, Owner.Manager.Name, CloseDate, CreatedDate, SystemModstamp FROM Opportunity WHERE Id = '${o.id}'`,
    );
    const account = server.org.accounts.find((a) => a.id === o.account?.id);
    expect(result.records).toEqual([
      {
        attributes: { type: 'Opportunity', url: `/services/data/v62.0/sobjects/Opportunity/${o.id}` },
        Id: o.id,
        Name: o.name,
        Account: {
          attributes: { type: 'Account', url: `/services/data/v62.0/sobjects/Account/${o.account?.id}` },
          Name: account?.name,
          Industry: account?.industry,
        },
        Owner: {
          attributes: { type: 'User', url: `/services/data/v62.0/sobjects/User/${o.owner?.id}` },
          Name: o.owner?.name,
          ManagerId: o.ownerManager?.id,
          Manager: { attributes: { type: 'User', url: `/services/data/v62.0/sobjects/User/${o.ownerManager?.id}` }, Name: o.ownerManager?.name },
        },
        CloseDate: o.closeDate,
        CreatedDate: expect.stringMatching(new RegExp(`^${o.createdDate}T\\d{2}:\\d{2}:\\d{2}\\.000\\+0000$`)),
        SystemModstamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000\+0000$/),
      },
    ]);
    const noAccount = server.hostile.noAccount[0];
    const orphan = await query(`SELECT Id, Account.Name, Account.Industry FROM Opportunity WHERE Id = '${noAccount}'`);
    expect(orphan.records[0]).toEqual({ attributes: expect.any(Object), Id: noAccount, Account: null });
  });

  it('serves the other objects a connector reads', async () => {
    const users = await query('SELECT Id, Name, Title, ManagerId, Manager.Name, IsActive FROM User WHERE ManagerId = null');
    expect(users.totalSize).toBe(1);
    expect(users.records[0]).toMatchObject({ Name: server.org.users.find((u) => u.manager === null)?.name, IsActive: true, ManagerId: null, Manager: null });
    expect((await query('SELECT Id FROM User')).totalSize).toBe(server.org.users.length);

    const stages = await query(
      'SELECT MasterLabel, ApiName, IsClosed, IsWon, DefaultProbability, ForecastCategoryName, SortOrder, IsActive FROM OpportunityStage ORDER BY SortOrder',
    );
    expect(stages.records.map((r) => [r['ApiName'], r['IsClosed'], r['IsWon'], r['DefaultProbability'], r['ForecastCategoryName']])).toEqual([
      ['Prospecting', false, false, 10, 'Pipeline'],
      ['Qualification', false, false, 10, 'Pipeline'],
      ['Needs Analysis', false, false, 20, 'Pipeline'],
      ['Value Proposition', false, false, 50, 'Pipeline'],
      ['Id. Decision Makers', false, false, 60, 'Pipeline'],
      ['Perception Analysis', false, false, 70, 'Pipeline'],
      ['Proposal/Price Quote', false, false, 75, 'Pipeline'],
      ['Negotiation/Review', false, false, 90, 'Pipeline'],
      ['Closed Won', true, true, 100, 'Closed'],
      ['Closed Lost', true, false, 0, 'Omitted'],
    ]);

    const withHistory = opportunities.find((o) => o.stageHistory.length >= 3);
    if (withHistory === undefined) throw new Error('no deal with a history');
    const history = await query(
      `SELECT OpportunityId, StageName, CreatedDate, Amount, CloseDate FROM OpportunityHistory WHERE OpportunityId = '${withHistory.id}' ORDER BY CreatedDate`,
    );
    // A row for each day the record changed: a stage entered, a close date pushed, an amount revised.
    expect(history.records.map((r) => [r['StageName'], String(r['CreatedDate']).slice(0, 10), r['Amount'], r['CloseDate']])).toEqual(
      historyEvents(withHistory).map((e) => [e.stage, e.day, e.amount, e.closeDate]),
    );
    const stageRows = history.records.filter((r, i) => i === 0 || r['StageName'] !== history.records[i - 1]?.['StageName']);
    expect(stageRows.map((r) => [r['StageName'], String(r['CreatedDate']).slice(0, 10)])).toEqual(withHistory.stageHistory.map((c) => [c.stage, c.enteredAt]));
    expect((await query('SELECT COUNT() FROM OpportunityHistory')).totalSize).toBe(opportunities.reduce((n, o) => n + historyEvents(o).length, 0));

    const role = server.org.contactRoles[0];
    const contact = server.org.contacts.find((c) => c.id === role?.contactId);
    const roles = await query(
      `SELECT OpportunityId, ContactId, Role, IsPrimary, Contact.Title FROM OpportunityContactRole WHERE OpportunityId = '${role?.opportunityId}'`,
    );
    expect(roles.records).toEqual([
      {
        attributes: expect.any(Object),
        OpportunityId: role?.opportunityId,
        ContactId: role?.contactId,
        Role: role?.role,
        IsPrimary: true,
        Contact: { attributes: { type: 'Contact', url: `/services/data/v62.0/sobjects/Contact/${contact?.id}` }, Title: contact?.title },
      },
    ]);
    expect((await query('SELECT COUNT() FROM Contact')).totalSize).toBe(server.org.contacts.length);
    expect((await query('SELECT COUNT() FROM Account WHERE NumberOfEmployees = null')).totalSize).toBe(
      server.org.accounts.filter((a) => a.employees === null).length,
    );
  });
});

describe('errors', () => {
  it("INVALID_FIELD for an unknown field or relationship, with Salesforce's caret message", async () => {
    const field = await queryError('SELECT Id, Nope__c FROM Opportunity');
    expect(field.status).toBe(400);
    expect(field.errorCode).toBe('INVALID_FIELD');
    expect(field.message).toBe(
      "\nSELECT Id, Nope__c FROM Opportunity\n           ^\nERROR at Row:1:Column:12\nNo such column 'Nope__c' on entity 'Opportunity'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.",
    );
    expect((await queryError('SELECT Owner.Boss.Name FROM Opportunity')).errorCode).toBe('INVALID_FIELD');
    expect((await queryError("SELECT Id FROM Opportunity WHERE Amount > '5'")).errorCode).toBe('INVALID_FIELD');
    expect((await queryError('SELECT Id FROM Opportunity WHERE CloseDate > 2020-01-01T00:00:00Z')).errorCode).toBe('INVALID_FIELD');
  });

  it('INVALID_TYPE for an unknown object; MALFORMED_QUERY for bad syntax or what the sandbox does not support', async () => {
    expect(await queryError('SELECT Id FROM Lead__c')).toMatchObject({ status: 400, errorCode: 'INVALID_TYPE' });
    for (const soql of [
      'SELECT FROM Opportunity',
      'SELECT Id Opportunity',
      'SELECT Id FROM Opportunity WHERE',
      'SELECT Id FROM Opportunity WHERE IsClosed = false AND IsWon = false OR Amount > 1',
      'SELECT Id, (SELECT Id FROM OpportunityContactRoles) FROM Opportunity',
      'SELECT StageName, COUNT(Id) FROM Opportunity GROUP BY StageName',
      'SELECT Id FROM Opportunity LIMIT -1',
      "SELECT Id FROM Opportunity WHERE Name = 'unterminated",
      'SELECT Id, Id FROM Opportunity',
    ]) {
      expect((await queryError(soql)).errorCode, soql).toBe('MALFORMED_QUERY');
    }
    expect((await queryError("SELECT Id FROM Opportunity WHERE Id = 'not-an-id'")).errorCode).toBe('INVALID_QUERY_FILTER_OPERATOR');
  });
});

describe('parser and date literals (worked examples)', () => {
  it('reads escapes in string literals', () => {
    const parsed = parseSoql("SELECT Id FROM Account WHERE Name = 'O\\'Brien \\\"&\\\" Sons\\\\'");
    expect(parsed.where).toMatchObject({ kind: 'compare', op: '=', value: { kind: 'string', value: 'O\'Brien "&" Sons\\' } });
  });

  it('points at the offending token', () => {
    try {
      parseSoql('SELECT Id\nFROM Opportunity\nWHERE Amount >> 5');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SoqlError);
      expect((error as SoqlError).messageFor('SELECT Id\nFROM Opportunity\nWHERE Amount >> 5')).toBe(
        "\nWHERE Amount >> 5\n              ^\nERROR at Row:3:Column:15\nunexpected token: '>'",
      );
    }
  });

  it('resolves relative ranges from 2026-09-30 (a Wednesday)', () => {
    const today = '2026-09-30';
    expect(dateLiteralRange('TODAY', null, today)).toEqual({ start: '2026-09-30', end: '2026-10-01' });
    expect(dateLiteralRange('LAST_N_DAYS', 1, today)).toEqual({ start: '2026-09-29', end: '2026-10-01' });
    expect(dateLiteralRange('NEXT_N_DAYS', 2, today)).toEqual({ start: '2026-10-01', end: '2026-10-03' });
    expect(dateLiteralRange('THIS_WEEK', null, today)).toEqual({ start: '2026-09-27', end: '2026-10-04' });
    expect(dateLiteralRange('LAST_N_MONTHS', 2, today)).toEqual({ start: '2026-07-01', end: '2026-09-01' });
    expect(dateLiteralRange('THIS_QUARTER', null, today)).toEqual({ start: '2026-07-01', end: '2026-10-01' });
    expect(dateLiteralRange('LAST_N_YEARS', 3, today)).toEqual({ start: '2023-01-01', end: '2026-01-01' });
    expect(dateLiteralRange('NEXT_N_YEARS', 1, today)).toEqual({ start: '2027-01-01', end: '2028-01-01' });
  });
});
