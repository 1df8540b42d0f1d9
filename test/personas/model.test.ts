import { describe, expect, it } from 'vitest';
import { alignedOpenDeals, personasAt, recordLink, resolveLevel, screenOf, teamsOf } from '../../components/personas/model';
import { leadSearch, runLeadSearch, withTicks } from '../../components/personas/leads';
import { webOrigins, salesforceRecordUrl } from '../../lib/crm/salesforce/record-links';
import { leadFilters } from '../../lib/leads';
import { extensionPagePath } from '../../entrypoints/background/pages';
import { parsePersonasParams, personasSearch } from '../../entrypoints/personas/params';
import type { OpenExtensionPageMessage } from '../../lib/messages';
import { category, connection, FINANCE, group, HEALTHCARE, model, openDeal, personaModel, records, TEAM_PERSONA } from './fixtures';

const all = records('csv', [FINANCE, HEALTHCARE, TEAM_PERSONA]);

describe('levels and personas', () => {
  it('lists the teams with personas of their own and the personas of each level, most wins first', () => {
    expect(teamsOf(all)).toEqual(['Dana West']);
    expect(personasAt(all, { level: 'org' }).map((p) => p.id)).toEqual(['persona-health', 'persona-finance']);
    expect(personasAt(all, { level: 'team', team: 'Dana West' }).map((p) => p.id)).toEqual(['persona-team-west']);
    expect(personasAt(all, { level: 'team', team: 'Nobody' })).toEqual([]);
  });

  it('falls back to the org when the team asked for has no personas', () => {
    expect(resolveLevel(all, { level: 'team', team: 'Nobody' })).toEqual({ level: 'org' });
    expect(resolveLevel(all, { level: 'team', team: 'Dana West' })).toEqual({ level: 'team', team: 'Dana West' });
  });
});

describe('alignedOpenDeals', () => {
  it('counts an open deal for its closest persona at 50 or more, measured against its own level, best first', () => {
    const pm = personaModel([HEALTHCARE, FINANCE], [group([TEAM_PERSONA], { level: 'team', team: 'Dana West' })]);
    const open = [
      openDeal('a', { industry: 'Healthcare', employees: 2000, country: 'United States', buyerTitle: 'VP Operations' }),
      openDeal('b', { industry: 'Healthcare', employees: 50, country: 'Germany', buyerTitle: 'CTO' }),
      openDeal('c', { industry: 'Financial Services', buyerTitle: 'CFO' }),
      // Dana West's deals are measured against the team's persona, not the org's.
      openDeal(
        'd',
        { industry: 'Healthcare', employees: 2000, country: 'United States', buyerTitle: 'VP Operations' },
        { ownerManager: { id: 'dw', name: 'Dana West' } },
      ),
      openDeal('e', { state: 'California', industry: 'Software' }, { ownerManager: { id: 'dw', name: 'Dana West' } }),
      openDeal('f', { industry: 'Healthcare' }, { isClosed: true }),
    ];
    const org = alignedOpenDeals(pm, open, { level: 'org' });
    expect(org.get('persona-health')?.map((d) => [d.opportunity.id, Math.round(d.score)])).toEqual([['a', 100]]);
    expect(org.get('persona-finance')?.map((d) => d.opportunity.id)).toEqual(['c']);
    const team = alignedOpenDeals(pm, open, { level: 'team', team: 'Dana West' });
    expect(team.get('persona-team-west')?.map((d) => d.opportunity.id)).toEqual(['e']);
  });
});

describe('recordLink', () => {
  it('opens Salesforce records on the org’s Lightning page, others on the detail page', () => {
    const sf = connection({ id: 'salesforce:00D000000000001', kind: 'salesforce' });
    const acme = (id: string) => salesforceRecordUrl('https://acme.lightning.force.com', id);
    expect(recordLink(sf, acme, 'chrome-extension://x/detail.html', '0065g00000AbCdEAAV')).toEqual({
      href: 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdEAAV/view',
      where: 'crm',
    });
    // Unknown origin, or an id that is not Salesforce's: the detail page.
    expect(recordLink(sf, null, 'chrome-extension://x/detail.html', '0065g00000AbCdEAAV').where).toBe('detail');
    expect(recordLink(sf, acme, 'chrome-extension://x/detail.html', 'opp 7&x').where).toBe('detail');
    expect(recordLink(connection(), null, 'chrome-extension://x/detail.html', 'opp 7&x')).toEqual({
      href: 'chrome-extension://x/detail.html?c=csv&id=opp+7%26x',
      where: 'detail',
    });
  });

  it('reads the org’s origins as the background remembered them, https first, ignoring junk', () => {
    const origins = ['http://localhost:4100', 'https://acme.lightning.force.com', 'javascript:alert(1)', 42];
    expect(webOrigins(origins)).toEqual(['https://acme.lightning.force.com', 'http://localhost:4100']);
    expect(webOrigins([])).toEqual([]);
    expect(salesforceRecordUrl('https://a.lightning.force.com', 'not an id')).toBeNull();
  });
});

describe('screenOf', () => {
  const base = { connection: connection(), personas: all, jobs: [] };
  it('says why there are no cards', () => {
    expect(screenOf({ ...base, connection: null, model: null }, { level: 'org' }).kind).toBe('no-connection');
    expect(screenOf({ ...base, model: null }, { level: 'org' }).kind).toBe('not-trained');
    const notEnough = screenOf({ ...base, personas: [], model: model(personaModel(null)) }, { level: 'org' });
    expect(notEnough).toEqual({
      kind: 'not-enough-data',
      message: 'Repeat Buyer Personas need at least 30 won deals; 12 so far, 18 more needed.',
      counts: model(personaModel(null)).counts,
    });
  });

  it('shows the cards, out of date when the data changed since training', () => {
    expect(screenOf({ ...base, model: model(personaModel([HEALTHCARE])) }, { level: 'org' })).toEqual({ kind: 'personas', outOfDate: false, job: null });
    expect(screenOf({ ...base, connection: connection({ dataVersion: 2 }), model: model(personaModel([HEALTHCARE])) }, { level: 'org' })).toMatchObject({
      outOfDate: true,
    });
  });
});

describe('page address', () => {
  it('round-trips the page state and drops what it does not know', () => {
    const state = { connectionId: 'salesforce:00D1', level: { level: 'team' as const, team: 'Dana West' }, tab: 'details' as const, personaId: 'persona-1' };
    expect(personasSearch(state)).toBe('?c=salesforce%3A00D1&level=team&team=Dana+West&tab=details&persona=persona-1');
    expect(parsePersonasParams(personasSearch(state))).toEqual(state);
    expect(parsePersonasParams('?level=team&tab=other')).toEqual({ connectionId: null, level: { level: 'org' }, tab: 'cards', personaId: null });
  });
});

describe('open-extension-page', () => {
  const open = (request: unknown) => extensionPagePath(request as OpenExtensionPageMessage);
  it('opens the personas page with its known parameters only', () => {
    expect(open({ page: 'personas', query: { c: 'sandbox', tab: 'details', persona: 'persona-1' } })).toEqual({
      ok: true,
      path: 'personas.html?c=sandbox&tab=details&persona=persona-1',
    });
    expect(open({ page: 'personas', query: {} })).toEqual({ ok: true, path: 'personas.html' });
  });

  it('refuses other pages, unknown parameters and non-string values', () => {
    expect(open({ page: 'options', query: {} })).toMatchObject({ ok: false });
    expect(open({ page: '__proto__', query: {} })).toMatchObject({ ok: false });
    expect(open({ page: 'personas', query: { redirect: 'https://evil.example' } })).toEqual({
      ok: false,
      error: 'The personas page takes no parameter "redirect".',
    });
    expect(open({ page: 'personas', query: { c: { toString: () => 'x' } } })).toMatchObject({ ok: false });
    expect(open({ page: 'personas', query: { c: 'x'.repeat(201) } })).toMatchObject({ ok: false });
  });
});

describe('lead search glue', () => {
  const filters = leadFilters({ attributes: [category('buyerTitle', ['VP Operations']), category('industry', ['Healthcare'])] });

  it('leaves unticked filters out', () => {
    const ticked = withTicks(filters, new Set(['industry:industry']));
    expect(ticked.map((f) => [f.id, f.enabled])).toEqual([
      ['title:buyerTitle', true],
      ['seniority:buyerTitle', true],
      ['industry:industry', false],
    ]);
    expect(leadSearch('apollo', ticked).url).toBe('https://app.apollo.io/#/people?page=1&personTitles[]=VP%20Operations&personSeniorities[]=vp');
    expect(leadSearch('apollo', ticked).clipboard).toBeNull();
  });

  it('copies Seamless.AI’s summary before opening it, and opens even when copying fails', async () => {
    const calls: string[] = [];
    const search = leadSearch('seamless', filters);
    const ok = await runLeadSearch(search, {
      copyText: async (text) => void calls.push(`copy:${text.split('\n')[0]}`),
      openTab: async (url) => void calls.push(`open:${url}`),
    });
    expect(calls).toEqual(['copy:Job titles: VP Operations', 'open:https://login.seamless.ai/search/contacts?page=1&titles=VP%20Operations']);
    expect(ok).toEqual({ copied: true, copyError: null, opened: true, openError: null });
    const failed = await runLeadSearch(search, { copyText: async () => Promise.reject(new Error('Document is not focused.')), openTab: async () => undefined });
    expect(failed).toEqual({ copied: false, copyError: 'Document is not focused.', opened: true, openError: null });
  });
});
