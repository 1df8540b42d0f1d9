// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FindLeads } from '../../components/personas/FindLeads';
import { PersonasPage, type PersonasPageProps, type PersonasPhase } from '../../components/personas/PersonasPage';
import { salesforceRecordUrl } from '../../lib/crm/salesforce/record-links';
import { apolloSearchUrl, leadFilters, seamlessClipboardSummary } from '../../lib/leads';
import { allByData, byData, cleanup, click, mount, text } from '../components/panels-dom';
import { settle } from '../pipeline/dom';
import { category, connection, FINANCE, HEALTHCARE, model, personaModel, range, records, TEAM_PERSONA } from './fixtures';

afterEach(cleanup);

const noop = (): void => undefined;

function props(phase: PersonasPhase, over: Partial<PersonasPageProps> = {}): PersonasPageProps {
  return {
    phase,
    level: { level: 'org' },
    onLevelChange: noop,
    tab: 'cards',
    onTabChange: noop,
    selected: null,
    onSelect: noop,
    onConnectionChange: noop,
    onRetry: noop,
    onOpenOptions: noop,
    leads: { openTab: async () => undefined, copyText: async () => undefined },
    detailPage: 'chrome-extension://x/detail.html',
    optionsHref: 'options.html',
    locale: 'en-US',
    ...over,
  };
}

const ready = (over: Partial<Extract<PersonasPhase, { kind: 'ready' }>['data']> = {}): PersonasPhase => ({
  kind: 'ready',
  data: {
    connections: [connection()],
    connection: connection(),
    model: model(personaModel([HEALTHCARE, FINANCE])),
    personas: records('csv', [HEALTHCARE, FINANCE, TEAM_PERSONA]),
    open: [],
    jobs: [],
    crmLink: null,
    ...over,
  },
});

const state = (container: HTMLElement): string | null => container.querySelector('main')?.getAttribute('data-state') ?? null;

describe('PersonasPage states', () => {
  it('loading: a status and card skeletons', () => {
    const { container } = mount(<PersonasPage {...props({ kind: 'loading' })} />);
    expect(state(container)).toBe('loading');
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Loading personas…');
    expect(allByData(container, 'persona-card')).toHaveLength(0);
  });

  it('error: the error’s words as text, and a retry', () => {
    const onRetry = vi.fn();
    const { container } = mount(<PersonasPage {...props({ kind: 'error', message: 'IndexedDB <b>blocked</b>' }, { onRetry })} />);
    expect(state(container)).toBe('error');
    const alert = container.querySelector('[role="alert"]') as HTMLElement;
    expect(text(alert)).toContain('Could not load the personas IndexedDB <b>blocked</b>');
    expect(alert.querySelector('b')).toBeNull();
    click([...alert.querySelectorAll('button')].find((b) => b.textContent === 'Try again') as Element);
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('no connection: says so and opens the settings', () => {
    const onOpenOptions = vi.fn();
    const { container } = mount(<PersonasPage {...props(ready({ connections: [], connection: null, model: null, personas: [] }), { onOpenOptions })} />);
    expect(state(container)).toBe('no-connection');
    expect(text(container.querySelector('main'))).toContain('No data yet Import a CSV export');
    click(byData(container, 'action', 'open-options'));
    expect(onOpenOptions).toHaveBeenCalledTimes(1);
  });

  it('not enough data: the engine’s sentence and the counts', () => {
    const { container } = mount(<PersonasPage {...props(ready({ model: model(personaModel(null)), personas: [] }))} />);
    expect(state(container)).toBe('not-enough-data');
    expect(text(container.querySelector('main'))).toBe(
      'Not enough won deals for personas Repeat Buyer Personas need at least 30 won deals; 12 so far, 18 more needed. 100 won and 60 lost deals so far. Open settings',
    );
  });

  it('not trained yet, with the running job', () => {
    const job = {
      id: 3,
      kind: 'train' as const,
      connectionId: 'csv',
      status: 'running' as const,
      step: 'Drawing personas',
      done: 1,
      total: 4,
      createdAt: '',
      startedAt: null,
      finishedAt: null,
      summary: null,
      error: null,
      attempts: 0,
      params: {},
    };
    const { container } = mount(<PersonasPage {...props(ready({ model: null, personas: [], jobs: [job] }))} />);
    expect(state(container)).toBe('not-trained');
    expect(text(byData(container, 'field', 'job'))).toMatch(/Drawing personas… 25%$/);
    expect(container.querySelector('[data-action="open-options"]')).toBeNull();
  });

  it('cards: one per persona of the level, with name, company, phrase and stats', () => {
    const { container } = mount(<PersonasPage {...props(ready())} />);
    expect(state(container)).toBe('personas');
    const cards = allByData(container, 'persona-card');
    expect(cards.map((c) => c.getAttribute('data-persona-card'))).toEqual(['persona-health', 'persona-finance']);
    const health = cards[0] as HTMLElement;
    expect(text(byData(health, 'field', 'persona-name'))).toBe(HEALTHCARE.name);
    expect(text(byData(health, 'field', 'persona-company'))).toBe(HEALTHCARE.company);
    expect(text(byData(health, 'field', 'persona-phrase'))).toBe('Healthcare · 1,001–5,000 employees · United States · VP Operations buyers');
    expect(text(byData(health, 'stat', 'size'))).toBe('Won deals 40 40% of wins');
    expect(text(byData(health, 'stat', 'repeat-rate'))).toBe('Buys again 35%');
    expect(text(byData(health, 'stat', 'lifetime-value'))).toBe('Lifetime value $182K');
    expect(byData(health, 'field', 'avatar').getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(byData(health, 'field', 'company-icon').getAttribute('alt')).toBe(`Logo of ${HEALTHCARE.company}`);
    // Unknown numbers say so rather than showing 0.
    expect(text(byData(cards[1] as HTMLElement, 'stat', 'repeat-rate'))).toBe('Buys again no data');
  });

  it('team level: the team’s cards; the level switch reports the team chosen', () => {
    const onLevelChange = vi.fn();
    const { container } = mount(<PersonasPage {...props(ready(), { level: { level: 'team', team: 'Dana West' }, onLevelChange })} />);
    expect(allByData(container, 'persona-card').map((c) => c.getAttribute('data-persona-card'))).toEqual(['persona-team-west']);
    expect(byData(container, 'level', 'team').getAttribute('aria-pressed')).toBe('true');
    click(byData(container, 'level', 'org'));
    expect(onLevelChange).toHaveBeenCalledWith({ level: 'org' });
  });

  it('details: every attribute with its importance and range, the aligned win rate said to be of closed deals, links to records', () => {
    const sf = connection({ id: 'salesforce:00D1', kind: 'salesforce' });
    const { container } = mount(
      <PersonasPage
        {...props(ready({ connection: sf, connections: [sf], crmLink: (id) => salesforceRecordUrl('https://acme.lightning.force.com', id) }), {
          tab: 'details',
          selected: 'persona-health',
        })}
      />,
    );
    const details = byData(container, 'persona-details', 'persona-health');
    expect(allByData(details, 'attribute').map((a) => a.getAttribute('data-attribute'))).toEqual(['industry', 'employees', 'country', 'buyerTitle']);
    const employees = byData(details, 'attribute', 'employees');
    expect(text(byData(employees, 'field', 'importance'))).toBe('Importance 30%');
    expect(text(byData(employees, 'field', 'share'))).toBe('70% of this persona · 35% of all wins · 2× as common');
    expect(text(byData(employees, 'field', 'range'))).toBe('Range: over 1,000, up to 5,000 · counts half over 200, up to 10,000');
    expect(text(byData(details, 'panel', 'win-rate'))).toBe(
      'Win rate of aligned closed deals 62% 62% of the 50 closed deals aligned with this persona (Repeat Buyer Potential of 50 or more) were won. Measured on closed deals, since open deals have no outcome yet. Across all closed deals, 63% were won.',
    );
    const links = [...byData(details, 'panel', 'recent-wins').querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual([
      'https://acme.lightning.force.com/lightning/r/Opportunity/006000000000001AAA/view',
      'https://acme.lightning.force.com/lightning/r/Opportunity/006000000000002AAA/view',
    ]);
    expect(allByData(details, 'spread-row').map((r) => r.getAttribute('data-spread-row'))).toEqual(['persona-health', 'persona-finance']);
  });
});

describe('FindLeads', () => {
  const persona = {
    id: 'p',
    name: 'Priya Raman',
    attributes: [
      category('buyerTitle', ['VP Operations']),
      category('industry', ['Healthcare']),
      range('employees', { min: 200, max: 1000 }, '201–1,000'),
      category('product', ['Platform']),
    ],
  };

  it('lists the persona’s filters ticked, and opens Apollo without the ones unticked', async () => {
    const openTab = vi.fn(async () => undefined);
    const copyText = vi.fn(async () => undefined);
    const { container } = mount(<FindLeads persona={persona} actions={{ openTab, copyText }} />);
    expect(container.querySelector('[data-leads-panel]')).toBeNull();
    click(byData(container, 'action', 'find-leads'));
    const boxes = [...container.querySelectorAll<HTMLInputElement>('input[data-filter]')];
    expect(boxes.map((b) => [b.getAttribute('data-filter'), b.checked, text(b.parentElement)])).toEqual([
      ['title:buyerTitle', true, 'Titles: VP Operations'],
      ['seniority:buyerTitle', true, 'Seniority: VP'],
      ['industry:industry', true, 'Industry: Healthcare'],
      ['employees:employees', true, 'Company size: 201–1,000 employees'],
    ]);
    click(byData(container, 'filter', 'industry:industry'));
    expect((byData(container, 'filter', 'industry:industry') as HTMLInputElement).checked).toBe(false);
    click(byData(container, 'action', 'open-search'));
    await settle();
    const expected = apolloSearchUrl(leadFilters(persona).map((f) => (f.id === 'industry:industry' ? { ...f, enabled: false } : f)));
    expect(openTab).toHaveBeenCalledWith(expected);
    expect(expected).toBe(
      'https://app.apollo.io/#/people?page=1&personTitles[]=VP%20Operations&personSeniorities[]=vp&organizationNumEmployeesRanges[]=201%2C500&organizationNumEmployeesRanges[]=501%2C1000',
    );
    expect(copyText).not.toHaveBeenCalled();
    expect(text(byData(container, 'field', 'lead-result'))).toBe('Opened Apollo in a new tab.');
  });

  it('says what the attribute guard left out and why, and opens a search without it', async () => {
    const openTab = vi.fn(async () => undefined);
    const named = {
      id: 'q',
      name: 'Sam Lee',
      attributes: [category('buyerTitle', ['Jane Doe', 'VP Operations'], 0.25, 'Contact Title'), category('country', ['Germany'], 0.25, 'Champion Name')],
    };
    const { container } = mount(<FindLeads persona={named} actions={{ openTab, copyText: async () => undefined }} defaultOpen />);
    expect(allByData(container, 'filter').map((b) => b.getAttribute('data-filter'))).toEqual(['title:buyerTitle', 'seniority:buyerTitle']);
    const dropped = byData(container, 'field', 'dropped');
    expect(text(dropped.querySelector('p'))).toBe('Left out of the search');
    expect([...dropped.querySelectorAll('li')].map((li) => [li.getAttribute('data-dropped'), text(li)])).toEqual([
      ['not-a-title', 'Contact Title: “Jane Doe” does not read as a job title'],
      ['person-field', 'Champion Name: the whole field, as its name says it holds a person’s details'],
    ]);
    click(byData(container, 'action', 'open-search'));
    await settle();
    expect(openTab).toHaveBeenCalledTimes(1);
    expect(String(openTab.mock.calls[0])).not.toMatch(/Jane|Doe|Germany/);
  });

  it('Seamless.AI: says the filters go to the clipboard, copies them first, then opens the search', async () => {
    const calls: string[] = [];
    const actions = { openTab: async (url: string) => void calls.push(`open ${url}`), copyText: async (t: string) => void calls.push(`copy ${t}`) };
    const { container } = mount(<FindLeads persona={persona} actions={actions} defaultOpen />);
    click(byData(container, 'provider', 'seamless'));
    expect(text(byData(container, 'field', 'provider-note'))).toContain('The other filters are copied to your clipboard: paste them into the matching filters');
    expect(text(byData(container, 'action', 'open-search'))).toBe('Copy filters and open Seamless.AI');
    click(byData(container, 'action', 'open-search'));
    await settle();
    expect(calls).toEqual([
      `copy ${seamlessClipboardSummary(leadFilters(persona))}`,
      'open https://login.seamless.ai/search/contacts?page=1&titles=VP%20Operations',
    ]);
    expect(text(byData(container, 'field', 'copied'))).toMatch(/^Filters copied to the clipboard/);
  });

  it('shows the summary to copy by hand when the clipboard refuses, and still opens', async () => {
    const openTab = vi.fn(async () => undefined);
    const { container } = mount(
      <FindLeads persona={persona} actions={{ openTab, copyText: async () => Promise.reject(new Error('Document is not focused.')) }} defaultOpen />,
    );
    click(byData(container, 'provider', 'seamless'));
    click(byData(container, 'action', 'open-search'));
    await settle();
    expect(openTab).toHaveBeenCalledTimes(1);
    const area = container.querySelector('textarea') as HTMLTextAreaElement;
    expect(area.value).toBe(seamlessClipboardSummary(leadFilters(persona)));
    expect(text(byData(container, 'field', 'lead-result'))).toContain('Could not copy to the clipboard (Document is not focused.)');
  });

  it('says when a persona has nothing to search by, and closes on Escape', () => {
    const { container } = mount(
      <FindLeads
        persona={{ id: 'q', name: 'Q', attributes: [category('product', ['Platform'])] }}
        actions={{ openTab: async () => undefined, copyText: async () => undefined }}
        defaultOpen
      />,
    );
    expect(text(byData(container, 'field', 'no-filters'))).toMatch(/have no lead-search filter/);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    return settle().then(() => expect(container.querySelector('[data-leads-panel]')).toBeNull());
  });
});
