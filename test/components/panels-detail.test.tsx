// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App as DetailApp } from '../../entrypoints/detail/App';
import { DetailView } from '../../entrypoints/detail/DetailView';
import { parseDetailParams } from '../../entrypoints/detail/params';
import { BackgroundReplyError, affectsConnection, type DetailSource } from '../../entrypoints/detail/source';
import type { EventToPage } from '../../lib/messages';
import type { PanelData } from '../../lib/panel-data';
import type { JobRecord } from '../../lib/store/schema';
import { allByRole, byData, cleanup, click, getByRole, mount, text } from './panels-dom';
import { engineVariants, LOCALE, NOW, workedPanel } from './panels-fixtures';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** A stand-in background: answers from a queue, records calls, and can push events. */
function fakeSource(answers: Array<PanelData | Error>) {
  let listener: ((event: EventToPage) => void) | null = null;
  const calls: Array<[string, string]> = [];
  const source: DetailSource & { push(event: EventToPage): void; calls: typeof calls; unsubscribed: boolean; retrained: string[]; optionsOpened: number } = {
    calls,
    unsubscribed: false,
    retrained: [],
    optionsOpened: 0,
    getPanel(connectionId, opportunityId) {
      calls.push([connectionId, opportunityId]);
      const next = answers.length > 1 ? answers.shift() : answers[0];
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next as PanelData);
    },
    getAccount: () => Promise.reject(new Error('no account here')),
    subscribe(onEvent) {
      listener = onEvent;
      return () => {
        source.unsubscribed = true;
        listener = null;
      };
    },
    openOptions() {
      source.optionsOpened++;
    },
    async retrain(connectionId) {
      source.retrained.push(connectionId);
    },
    push(event) {
      listener?.(event);
    },
  };
  return source;
}

/** Lets pending promises settle and re-renders. */
async function settle(): Promise<void> {
  await act(async () => {
    await Promise.resolve();
    await Promise.resolve();
  });
}

const job = (overrides: Partial<JobRecord>): JobRecord => ({
  id: 1,
  kind: 'train',
  connectionId: 'csv-1',
  status: 'done',
  step: null,
  done: 1,
  total: 1,
  createdAt: '2026-03-10T10:00:00Z',
  startedAt: null,
  finishedAt: null,
  summary: null,
  error: null,
  attempts: 0,
  params: {},
  ...overrides,
});

describe('parseDetailParams', () => {
  it('reads a record, the gallery, or nothing usable', () => {
    expect(parseDetailParams('?c=csv-1&id=006A')).toEqual({ kind: 'record', connectionId: 'csv-1', opportunityId: '006A' });
    expect(parseDetailParams('?c=csv%201&id=a%26b')).toEqual({ kind: 'record', connectionId: 'csv 1', opportunityId: 'a&b' });
    expect(parseDetailParams('?c=csv-1')).toEqual({ kind: 'invalid' });
    expect(parseDetailParams('')).toEqual({ kind: 'invalid' });
    expect(parseDetailParams('?gallery=1&state=error&theme=dark&width=320')).toEqual({
      kind: 'gallery',
      state: 'error',
      theme: 'dark',
      width: 320,
      locale: 'en-US',
      frame: 'panels',
      shadow: false,
    });
    expect(parseDetailParams('?gallery=1&theme=neon&width=12&frame=page&shadow=1')).toMatchObject({ theme: 'auto', width: null, frame: 'page', shadow: true });
  });
});

describe('affectsConnection', () => {
  it('is true for this connection’s data changes and finished jobs only', () => {
    expect(affectsConnection({ type: 'data-changed', connectionId: 'csv-1' }, 'csv-1')).toBe(true);
    expect(affectsConnection({ type: 'data-changed', connectionId: null }, 'csv-1')).toBe(true);
    expect(affectsConnection({ type: 'data-changed', connectionId: 'csv-2' }, 'csv-1')).toBe(false);
    expect(affectsConnection({ type: 'job', job: job({}) }, 'csv-1')).toBe(true);
    expect(affectsConnection({ type: 'job', job: job({ status: 'running' }) }, 'csv-1')).toBe(false);
    expect(affectsConnection({ type: 'job', job: job({ connectionId: 'csv-2' }) }, 'csv-1')).toBe(false);
  });
});

describe('DetailApp', () => {
  it('asks the background for the record, then shows its name as the title and heading, and every panel', async () => {
    const source = fakeSource([workedPanel()]);
    const c = mount(<DetailApp connectionId="csv-1" opportunityId="006A" source={source} />).container;
    expect(text(getByRole(c, 'status', 'Loading deal intelligence…'))).toBe('Loading deal intelligence…');
    await settle();
    expect(source.calls).toEqual([['csv-1', '006A']]);
    expect(document.title).toBe('Northwind Health - Platform · Dealsight');
    expect(text(getByRole(c, 'heading', 'Northwind Health - Platform'))).toBe('Northwind Health - Platform');
    expect(getByRole(c, 'heading', 'Northwind Health - Platform').tagName).toBe('H1');
    expect(text(byData(c, 'field', 'account'))).toBe('Northwind Health');
    expect(allByRole(c, 'region').map((r) => (r as HTMLElement).dataset.panel)).toEqual(['repeat-buyer', 'win', 'forecast', 'similar']);
    expect(getByRole(c, 'link', 'Settings').getAttribute('href')).toBe('options.html');
  });

  it('shows the background’s error clearly, and retries on request', async () => {
    const source = fakeSource([new Error('No connection csv-1: it was deleted.'), workedPanel()]);
    const c = mount(<DetailApp connectionId="csv-1" opportunityId="006A" source={source} />).container;
    await settle();
    const alert = getByRole(c, 'alert');
    expect(text(getByRole(alert, 'heading'))).toBe('Deal intelligence could not be loaded');
    expect(text(alert)).toContain('No connection csv-1: it was deleted.');
    expect(document.title).toBe('Deal · Dealsight');
    click(getByRole(alert, 'button', 'Try again'));
    await settle();
    expect(source.calls).toHaveLength(2);
    expect(allByRole(c, 'alert')).toHaveLength(0);
    getByRole(c, 'heading', 'Northwind Health - Platform');
  });

  it('shows "not synced" with the way to the settings when the connection has no data yet', async () => {
    const source = fakeSource([new BackgroundReplyError('There is no data for this record yet', 'not-synced')]);
    const c = mount(<DetailApp connectionId="sandbox" opportunityId="006A" source={source} />).container;
    await settle();
    const state = byData(c, 'state', 'not-synced');
    expect(text(getByRole(state, 'heading'))).toBe('No data yet');
    expect(allByRole(c, 'alert')).toHaveLength(0);
    click(getByRole(state, 'button', 'Open Dealsight settings'));
    expect(source.optionsOpened).toBe(1);
  });

  it('reloads when the background says the connection changed, keeping the panels on screen meanwhile', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const updated = workedPanel({ win: { ...workedPanel().win!, probability: 0.61 } });
    const source = fakeSource([workedPanel(), updated]);
    const c = mount(<DetailApp connectionId="csv-1" opportunityId="006A" source={source} />).container;
    await settle();
    expect(text(byData(c, 'field', 'probability'))).toBe('42%');
    act(() => {
      source.push({ type: 'data-changed', connectionId: 'csv-2' });
      source.push({ type: 'job', job: job({ status: 'running' }) });
      vi.advanceTimersByTime(1000);
    });
    expect(source.calls).toHaveLength(1);
    act(() => {
      source.push({ type: 'job', job: job({}) });
      source.push({ type: 'data-changed', connectionId: 'csv-1' });
      vi.advanceTimersByTime(300);
    });
    // One reload for the burst; the old numbers stay until the answer comes.
    expect(source.calls).toHaveLength(2);
    expect(text(byData(c, 'field', 'probability'))).toBe('42%');
    await settle();
    expect(text(byData(c, 'field', 'probability'))).toBe('61%');
  });

  it('stops listening when it goes away', async () => {
    const source = fakeSource([workedPanel()]);
    const view = mount(<DetailApp connectionId="csv-1" opportunityId="006A" source={source} />);
    await settle();
    view.unmount();
    expect(source.unsubscribed).toBe(true);
  });

  it('opens the options page and starts retraining through the background', async () => {
    const source = fakeSource([workedPanel({ state: { kind: 'out-of-date', trainedAt: '2026-03-01T00:00:00Z', changedSince: 5 } })]);
    const c = mount(<DetailApp connectionId="csv-1" opportunityId="006A" source={source} />).container;
    await settle();
    click(getByRole(c, 'button', 'Retrain'));
    await settle();
    expect(source.retrained).toEqual(['csv-1']);
    expect(text(byData(c, 'banner', 'notice'))).toBe('Retraining started. The panels refresh when it finishes.');
  });
});

describe('DetailView', () => {
  it('explains an address without a record', () => {
    const c = mount(<DetailView status={{ kind: 'invalid' }} locale={LOCALE} />).container;
    expect(text(getByRole(c, 'heading', 'No opportunity to show'))).toBe('No opportunity to show');
    expect(text(c)).toContain('?c=<connection>&id=<opportunity>');
  });

  it('renders CRM text as text: a hostile opportunity name creates no element', () => {
    const hostile = engineVariants().hostile!;
    const c = mount(<DetailView status={{ kind: 'ready', panel: hostile, refreshing: false }} locale={LOCALE} now={NOW} />).container;
    expect(text(getByRole(c, 'heading', '<img src=x onerror=alert(1)>'))).toBe('<img src=x onerror=alert(1)>');
    expect(text(byData(c, 'field', 'account'))).toBe('<b>Bold & Co</b>');
    expect(text(c)).toContain('<script>alert(1)</script>');
    expect(text(c)).toContain('<img src=x onerror=alert(2)>');
    expect(c.querySelectorAll('script, b')).toHaveLength(0);
    // The only images: the app icon and the persona's portrait, neither from CRM text.
    const sources = [...c.querySelectorAll('img')].map((img) => img.getAttribute('src') ?? '');
    expect(sources.filter((src) => src !== '/icon/32.png').every((src) => src.startsWith('data:image/svg+xml;charset=utf-8,'))).toBe(true);
    expect(sources.some((src) => src === 'x')).toBe(false);
  });

  it('offers a way back when there is one', () => {
    const onBack = vi.fn();
    const c = mount(<DetailView status={{ kind: 'loading' }} onBack={onBack} locale={LOCALE} />).container;
    click(getByRole(c, 'button', 'Back'));
    expect(onBack).toHaveBeenCalledTimes(1);
    expect(allByRole(mount(<DetailView status={{ kind: 'loading' }} locale={LOCALE} />).container, 'button')).toHaveLength(0);
  });
});
