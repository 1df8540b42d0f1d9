import { describe, expect, it } from 'vitest';
import { chunk } from '../../../lib/crm/shared/chunk';
import {
  IN_CHUNK,
  closedSinceDate,
  contactRolesSoql,
  deletedOpportunitiesSoql,
  historySoql,
  opportunitiesSoql,
  soqlDate,
  soqlDateTime,
  soqlField,
  soqlId,
  soqlIdList,
  soqlString,
  stagesSoql,
} from '../../../lib/crm/salesforce/soql';

describe('literals', () => {
  it('escapes strings so that no value ends the literal', () => {
    expect(soqlString("O'Brien")).toBe("'O\\'Brien'");
    expect(soqlString('a\\b')).toBe("'a\\\\b'");
    expect(soqlString("x' OR Name != '")).toBe("'x\\' OR Name != \\''");
    expect(soqlString('line\nbreak\ttab "q"')).toBe('\'line\\nbreak\\ttab \\"q\\"\'');
    expect(soqlString('%_')).toBe("'%_'");
  });

  it('validates dates, dateTimes, ids and field names', () => {
    expect(soqlDate('2024-02-29')).toBe('2024-02-29');
    expect(() => soqlDate('2023-02-29')).toThrow(/not a date/);
    expect(() => soqlDate('2024-01-01 OR Id != null')).toThrow(RangeError);
    expect(soqlDateTime('2024-03-01T17:04:05.678Z')).toBe('2024-03-01T17:04:05Z');
    expect(soqlDateTime('2024-03-01T19:04:05+02:00')).toBe('2024-03-01T17:04:05Z');
    expect(() => soqlDateTime("2024') OR (Id != null")).toThrow(RangeError);
    expect(soqlId('0065g00000AbCdE')).toBe("'0065g00000AbCdEAAV'");
    expect(() => soqlId("006' OR Id != '")).toThrow(/not a Salesforce id/);
    expect(soqlIdList(['0065g00000AbCdEAAV', '001A0000006Vm9r'])).toBe("('0065g00000AbCdEAAV','001A0000006Vm9rIAC')");
    expect(() => soqlIdList([])).toThrow(RangeError);
    expect(soqlField('Owner.Manager.Name')).toBe('Owner.Manager.Name');
    expect(() => soqlField('Name FROM User --')).toThrow(/not a field name/);
  });
});

describe('closedSinceDate', () => {
  it('goes back whole years, 29 February falling to the 28th', () => {
    expect(closedSinceDate(new Date('2025-06-15T10:00:00Z'), 3)).toBe('2022-06-15');
    expect(closedSinceDate(new Date('2024-02-29T23:59:00Z'), 1)).toBe('2023-02-28');
    expect(() => closedSinceDate(new Date(), 0)).toThrow(RangeError);
    expect(() => closedSinceDate(new Date(), 2.5)).toThrow(RangeError);
  });
});

describe('queries', () => {
  it('asks for every open deal and the closed ones of the window, in resume order', () => {
    expect(opportunitiesSoql({ select: ['Id', 'StageName', 'Account.Industry'], closedSince: '2022-06-15', orderByModstamp: true })).toBe(
      'SELECT Id, StageName, Account.Industry FROM Opportunity WHERE (IsClosed = false OR CloseDate >= 2022-06-15) ORDER BY SystemModstamp ASC, Id ASC',
    );
  });

  it('asks incrementally from the second of the checkpoint', () => {
    expect(opportunitiesSoql({ select: ['Id'], closedSince: '2022-06-15', modifiedSince: '2025-01-02T03:04:05.678Z', orderByModstamp: true })).toBe(
      'SELECT Id FROM Opportunity WHERE (IsClosed = false OR CloseDate >= 2022-06-15) AND SystemModstamp >= 2025-01-02T03:04:05Z ORDER BY SystemModstamp ASC, Id ASC',
    );
    expect(deletedOpportunitiesSoql('2025-01-02T03:04:05.000Z')).toBe(
      'SELECT Id FROM Opportunity WHERE IsDeleted = true AND SystemModstamp >= 2025-01-02T03:04:05Z',
    );
  });

  it('reads related records by id lists', () => {
    const ids = ['0065g00000AbCdEAAV', '0065g00000AbCdF'];
    expect(historySoql(ids)).toBe(
      "SELECT Id, OpportunityId, StageName, Amount, Probability, CloseDate, CreatedDate FROM OpportunityHistory WHERE OpportunityId IN ('0065g00000AbCdEAAV','0065g00000AbCdFAAV') ORDER BY OpportunityId ASC, CreatedDate ASC, Id ASC",
    );
    expect(contactRolesSoql(ids.slice(0, 1))).toBe(
      "SELECT Id, OpportunityId, Role, IsPrimary, ContactId, Contact.Title, CreatedDate FROM OpportunityContactRole WHERE OpportunityId IN ('0065g00000AbCdEAAV') ORDER BY OpportunityId ASC, CreatedDate ASC, Id ASC",
    );
    expect(stagesSoql()).toBe(
      'SELECT Id, MasterLabel, ApiName, IsActive, IsClosed, IsWon, DefaultProbability, ForecastCategoryName, SortOrder FROM OpportunityStage ORDER BY SortOrder ASC',
    );
    expect(stagesSoql(false)).not.toContain('ApiName');
  });

  it('chunks id lists', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 2)).toEqual([]);
    expect(
      chunk(
        Array.from({ length: 401 }, (_, i) => i),
        IN_CHUNK,
      ).map((c) => c.length),
    ).toEqual([200, 200, 1]);
  });
});
