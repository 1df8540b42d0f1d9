// @vitest-environment happy-dom
/**
 * The options page over a fake source (its store and background): each section rendered
 * from fixture records, and every flow that writes (import, sandbox, field mapping, remove,
 * export, delete everything, cancel).
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { refuseFile } from '../../components/options/connections/csv-file';
import { exportFileName } from '../../components/options/data/download';
import { thresholdFromInput } from '../../components/options/health/HealthProfileSection';
import { previewFields } from '../../components/options/mappings/preview';
import { DEFAULT_HEALTH_PROFILE, type HealthProfile } from '../../lib/engine/health/profile';
import { App as OptionsApp } from '../../entrypoints/options/App';
import type { BrowserTab, CsvReviewAnswer, OptionsData, OptionsSource, RemovedConnection } from '../../entrypoints/options/source';
import { reviewCsv } from '../../lib/crm/csv/review';
import { MESSAGES as SF_MESSAGES } from '../../lib/crm/salesforce/errors';
import type { SalesforceStatus } from '../../lib/crm/salesforce/status';
import type { Opportunity } from '../../lib/crm/opportunity';
import type { BackgroundReply, EventToPage, PageMessage } from '../../lib/messages';
import {
  SETTINGS,
  type ConnectionRecord,
  type ConnectionSettingName,
  type FieldMappingRecord,
  type ImportChoices,
  type ImportSummary,
  type JobRecord,
  type ModelRecord,
  type SettingValue,
} from '../../lib/store/schema';

// ---------------------------------------------------------------------------------------
// Fixtures

const NOW = Date.parse('2026-03-27T12:00:00Z');
const REDIRECT_URL = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
const SF_CONNECTION = 'salesforce:00D5g000001aBcDEAZ';

function connection(over: Partial<ConnectionRecord> = {}): ConnectionRecord {
  return {
    id: 'csv',
    kind: 'csv',
    label: 'q1-opportunities.csv',
    createdAt: '2026-03-20T09:00:00Z',
    syncedAt: new Date(NOW - 3 * 3_600_000).toISOString(),
    dataVersion: 1,
    lastImport: null,
    ...over,
  };
}

function model(over: Partial<ModelRecord> = {}): ModelRecord {
  return {
    connectionId: 'csv',
    trainedAt: new Date(NOW - 2 * 3_600_000).toISOString(),
    dataVersion: 1,
    asOf: '2026-03-27',
    win: {} as ModelRecord['win'],
    forecast: null,
    personas: {
      format: 'dealsight-personas',
      version: 1,
      org: { personas: [{}, {}, {}] } as unknown as NonNullable<ModelRecord['personas']['org']>,
      teams: [{ personas: [{}] } as unknown as ModelRecord['personas']['teams'][number]],
      insufficient: null,
    },
    notes: ['Not enough closed deals for close forecasts: 7 more won deals needed.'],
    counts: { opportunities: 8800, closed: 6900, won: 2100, lost: 4800, open: 1900 },
    ...over,
  };
}

function mapping(over: Partial<FieldMappingRecord> = {}): FieldMappingRecord {
  return {
    connectionId: 'csv',
    fields: [
      { key: 'industry', label: 'Industry', kind: 'category', coverage: 0.92 },
      { key: 'employees', label: 'Employees', kind: 'number', coverage: 0.5 },
      { key: 'lossReason', label: 'Loss Reason', kind: 'category', coverage: 0.4 },
    ],
    excluded: [],
    leaky: [{ key: 'lossReason', label: 'Loss Reason', reason: 'records why the deal closed' }],
    updatedAt: '2026-03-27T10:00:00Z',
    ...over,
  };
}

function job(over: Partial<JobRecord> = {}): JobRecord {
  return {
    id: 9,
    kind: 'import',
    connectionId: 'csv',
    status: 'running',
    step: 'Reading rows',
    done: 0,
    total: 1000,
    createdAt: new Date(NOW - 60_000).toISOString(),
    startedAt: new Date(NOW - 50_000).toISOString(),
    finishedAt: null,
    summary: null,
    error: null,
    attempts: 0,
    params: { uploadId: 42 },
    ...over,
  };
}

function opportunity(id: string, attributes: Opportunity['attributes']): Opportunity {
  return { id, attributes } as Opportunity;
}

const SUMMARY: ImportSummary = {
  fileName: 'q1-opportunities.csv',
  format: 'salesforce',
  rows: 8800,
  rejected: [
    { line: 14, reason: 'Close Date "31/02/2024" is not a date (February has no day 31)' },
    { line: 210, reason: 'Amount "<b>12k</b>" is not a number' },
  ],
  warnings: ['Slash dates read as day/month: 41 dates have a first number above 12.'],
};

// ---------------------------------------------------------------------------------------
// A fake source: what the store holds, and what the page sends the background

/** What the fake store holds; like the tests' single connection, every connection has the one model and mapping. */
interface Stored {
  connections: ConnectionRecord[];
  model: ModelRecord | undefined;
  mapping: FieldMappingRecord | undefined;
  jobs: JobRecord[];
  opportunities: Opportunity[];
  storage: OptionsData['storage'];
  /** Connection settings stored, by connection id; any other reads as its default. */
  settings: Record<string, Partial<{ [K in ConnectionSettingName]: SettingValue<K> }>>;
  /** Open tabs, as `queryTabs` reports them. */
  tabs: BrowserTab[];
}

function eachConnection<T>(value: T | undefined): Map<string, T> {
  return new Map(value === undefined ? [] : stored.connections.map((c) => [c.id, value]));
}

/** The page's source over `stored`; what the page sends the background goes to `sent`. */
function fakeSource() {
  return {
    load: vi.fn(async (_jobLimit: number): Promise<OptionsData> => ({
      connections: stored.connections,
      models: eachConnection(stored.model),
      mappings: eachConnection(stored.mapping),
      jobs: stored.jobs,
      storage: stored.storage,
    })),
    subscribe: vi.fn((onEvent: (event: EventToPage) => void) => {
      emit = onEvent;
      return () => undefined;
    }),
    send: vi.fn(async (message: PageMessage): Promise<BackgroundReply<PageMessage>> => {
      sent.push(message);
      switch (message.type) {
        case 'start-import':
        case 'start-sandbox':
        case 'start-train':
          return { ok: true, jobId: 9 };
        case 'connect-crm':
          return { ok: true, connectionId: SF_CONNECTION, jobId: 9 };
        default:
          return { ok: true };
      }
    }),
    putUpload: vi.fn(async (_fileName: string, _content: string | ArrayBuffer, _choices?: ImportChoices): Promise<number> => 0),
    // The worker's review: by default a file with nothing to ask (tests of the questions set their own).
    reviewCsv: vi.fn(async (_fileName: string, _bytes: ArrayBuffer): Promise<CsvReviewAnswer> => ({
      ok: true,
      review: {
        opportunities: 1,
        rejected: 0,
        warnings: 0,
        encoding: 'UTF-8',
        stageMap: [],
        stageMapOmitted: 0,
        outcome: null,
        outcomeUnknown: false,
        outcomeCandidates: [],
      },
      stored: 0,
    })),
    deleteConnection: vi.fn(async (_connectionId: string): Promise<RemovedConnection> => ({ notUndone: null })),
    exportCsv: vi.fn(async (_connectionId?: string): Promise<string> => ''),
    setExcludedFields: vi.fn(async (_connectionId: string, _excluded: readonly string[]): Promise<FieldMappingRecord> => mapping()),
    listOpportunities: vi.fn(async (_connectionId: string): Promise<Opportunity[]> => stored.opportunities),
  };
}

/** The fake as the page's source: every setting reads as its default, no tab is open, no permission granted. */
function asSource(fake: ReturnType<typeof fakeSource>): OptionsSource {
  return {
    ...fake,
    send: <M extends PageMessage>(message: M) => fake.send(message) as Promise<BackgroundReply<M>>,
    connectionSettings: (connectionId) => ({
      connectionId,
      get: async (name) => (stored.settings[connectionId]?.[name] ?? SETTINGS[name].default) as never,
      set: async (name, value) => {
        settingWrites.push({ connectionId, name, value, sentBefore: sent.length });
      },
      delete: async () => undefined,
    }),
    listConnectionSetting: async () => [],
    getSetting: async (name) => SETTINGS[name].default as never,
    setSetting: async () => undefined,
    queryTabs: async () => stored.tabs,
    openTab: async () => undefined,
    hasPermissions: async () => false,
    requestPermissions: async () => false,
    removePermissions: async () => false,
    oauthRedirectUrl: () => REDIRECT_URL,
  };
}

// ---------------------------------------------------------------------------------------
// A tiny DOM toolkit (no @testing-library here)

let container: HTMLElement;
let emit: (event: EventToPage) => void;
let sent: PageMessage[];
/** Connection settings the page wrote, with how many messages it had sent by then. */
let settingWrites: Array<{ connectionId: string; name: string; value: unknown; sentBefore: number }>;
let stored: Stored;
let source: ReturnType<typeof fakeSource>;

async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

async function mount(): Promise<void> {
  await act(() => {
    render(<OptionsApp source={asSource(source)} />, container);
  });
  await flush();
}

function all<E extends Element = HTMLElement>(selector: string, root: ParentNode = container): E[] {
  return [...root.querySelectorAll<E>(selector)];
}

function one<E extends Element = HTMLElement>(selector: string, root: ParentNode = container): E {
  const found = root.querySelector<E>(selector);
  if (!found) throw new Error(`no ${selector} in:\n${container.textContent}`);
  return found;
}

const text = (root: ParentNode = container): string => (root.textContent ?? '').replace(/\s+/g, ' ');

/** A button by its visible text or aria-label. */
function button(name: string | RegExp, root: ParentNode = container): HTMLButtonElement {
  const matches = (s: string | null | undefined): boolean => s != null && (typeof name === 'string' ? s.trim() === name : name.test(s));
  const found = all<HTMLButtonElement>('button', root).find((b) => matches(b.getAttribute('aria-label')) || matches(b.textContent));
  if (!found)
    throw new Error(
      `no button ${String(name)}; buttons: ${all('button', root)
        .map((b) => b.textContent)
        .join(' | ')}`,
    );
  return found;
}

/** A section by its heading's text. */
function section(title: string): HTMLElement {
  const heading = all('h2').find((h) => h.textContent === title);
  const found = heading?.closest('section');
  if (!found) throw new Error(`no section "${title}"`);
  return found;
}

async function click(element: HTMLElement): Promise<void> {
  await act(() => {
    element.click();
  });
  await flush();
}

async function type(input: HTMLInputElement, value: string): Promise<void> {
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await flush();
}

async function chooseFile(input: HTMLInputElement, file: File): Promise<void> {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await flush();
}

/** The text of the file the page stored last (it stores the bytes). */
function uploadedText(): string {
  const content = source.putUpload.mock.calls.at(-1)?.[1];
  return typeof content === 'string' ? content : new TextDecoder().decode(content);
}

async function send(event: EventToPage): Promise<void> {
  await act(() => emit(event));
  await flush();
}

function progressNow(root: ParentNode): string | null {
  return one('[role="progressbar"]', root).getAttribute('aria-valuenow');
}

// ---------------------------------------------------------------------------------------

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  container = document.createElement('div');
  document.body.append(container);
  sent = [];
  settingWrites = [];
  stored = {
    connections: [],
    model: undefined,
    mapping: undefined,
    jobs: [],
    opportunities: [],
    storage: { usage: 12_300_000, quota: 1_200_000_000 },
    settings: {},
    tabs: [],
  };
  source = fakeSource();
});

afterEach(async () => {
  await act(() => render(null, container));
  container.remove();
  vi.useRealTimers();
  vi.clearAllMocks();
});

function withData(): void {
  stored.connections = [connection({ lastImport: SUMMARY })];
  stored.model = model();
  stored.mapping = mapping();
  stored.opportunities = [
    opportunity('1', { industry: 'Retail', employees: 120 }),
    opportunity('2', { industry: 'Retail', employees: 40 }),
    opportunity('3', { industry: 'Healthcare', employees: null }),
  ];
}

describe('options page: rendering', () => {
  it('shows the empty state of every section before any data', async () => {
    await mount();
    expect(all('h2').map((h) => h.textContent)).toEqual(['Connections', 'Field mappings', 'Health profile', 'Sync and training', 'Data']);
    expect(text(one('[data-testid="connections-empty"]'))).toContain('No data yet');
    expect(one('[data-testid="mappings-empty"]')).toBeTruthy();
    expect(text(one('[data-testid="jobs-idle"]'))).toBe('Nothing is running.');
    expect(button('Download CSV').disabled).toBe(true);
    expect(text(one('[data-testid="storage"]'))).toContain('12.3 MB of 1.2 GB');
    // The CSV input is a real file input taking CSV and TSV.
    const input = one<HTMLInputElement>('input[type="file"]');
    expect(input.accept).toBe('.csv,text/csv,text/tab-separated-values');
    expect(input.closest('label')?.textContent).toContain('Choose a CSV file');
  });

  it('says when the store cannot be read, and tries again on request', async () => {
    source.load.mockRejectedValueOnce(new Error('IndexedDB is unavailable in private windows'));
    await mount();
    expect(text(one('[role="alert"]'))).toContain('Dealsight could not read its data in this browser: IndexedDB is unavailable in private windows');
    await click(button('Try again'));
    expect(all('h2').map((h) => h.textContent)).toContain('Connections');
  });

  it('lists a connection with its kind, last sync and counts', async () => {
    withData();
    await mount();
    const card = one('[data-testid="connection-card"]');
    expect(text(card)).toContain('q1-opportunities.csv');
    expect(text(card)).toContain('CSV file');
    expect(text(card)).toContain('Last synced 3 hours ago');
    expect(text(card)).toContain('8,800 opportunities');
    expect(text(card)).toContain('6,900 closed (2,100 won, 4,800 lost)');
    expect(text(card)).toContain('1,900 open');
    expect(text(card)).toContain('Last import');
  });

  it('shows the field mapping with coverage, previews and the leaky field set aside, unticked but enabled', async () => {
    withData();
    await mount();
    const rows = all('[data-testid="field-row"]');
    expect(rows.map((r) => one('label', r).textContent)).toEqual(['Industry', 'Employees', 'Loss Reason']);
    const [industry, employees, loss] = rows as [HTMLElement, HTMLElement, HTMLElement];
    expect(one<HTMLInputElement>('input[type="checkbox"]', industry).checked).toBe(true);
    expect(text(industry)).toContain('92%');
    expect(all('[data-testid="field-preview"] li', industry).map((li) => li.textContent)).toEqual(['Retail', 'Healthcare']);
    expect(all('[data-testid="field-preview"] li', employees).map((li) => li.textContent)).toEqual(['120', '40']);
    const lossBox = one<HTMLInputElement>('input[type="checkbox"]', loss);
    expect(lossBox.disabled).toBe(false);
    expect(lossBox.checked).toBe(false);
    const reason = one('[data-testid="set-aside-reason"]', loss);
    expect(reason.textContent).toBe('Set at the close: records why the deal closed.');
    expect(lossBox.getAttribute('aria-describedby')).toBe(reason.id);
    expect(lossBox.getAttribute('aria-label')).toBe('Put Loss Reason back as a model attribute');
    expect(all('[data-testid="put-back"]')).toEqual([]);
    expect(text(section('Field mappings'))).toContain('2 of 3 fields used');
    // Previews are computed once per connection and data version.
    expect(source.listOpportunities).toHaveBeenCalledTimes(1);
  });

  it('shows the last training results: counts, readiness, personas and notes', async () => {
    withData();
    await mount();
    const summary = one('[data-testid="model-summary"]');
    expect(text(summary)).toContain('Trained 2 hours ago');
    expect(
      all('dd', summary)
        .slice(0, 4)
        .map((d) => d.textContent),
    ).toEqual(['6,900', '2,100', '4,800', '1,900']);
    expect(text(summary)).toMatch(/Win Potential\s*Ready/);
    expect(text(summary)).toMatch(/Close forecasts\s*Not enough data/);
    expect(text(summary)).toContain('4 personas (1 for teams)');
    expect(text(summary)).toContain('7 more won deals needed');
    expect(text(summary)).not.toContain('Out of date');
  });

  it('marks models trained on older data as out of date', async () => {
    withData();
    stored.connections = [connection({ dataVersion: 2 })];
    await mount();
    expect(text(one('[data-testid="model-summary"]'))).toContain('Out of date');
  });

  it('renders CRM text as text, never as markup', async () => {
    withData();
    stored.connections = [connection({ label: '<img src=x onerror=alert(1)>', lastImport: SUMMARY })];
    await mount();
    expect(container.querySelector('img')).toBeNull();
    expect(text(one('[data-testid="connection-card"]'))).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('options page: CSV import', () => {
  it('stores the file with putUpload, then sends start-import with the returned id', async () => {
    source.putUpload.mockResolvedValue(42);
    await mount();
    await chooseFile(one('input[type="file"]'), new File(['Opportunity Name,Amount\nAcme,100\n'], 'deals.csv', { type: 'text/csv' }));
    // The bytes, for the importer to decode (a UTF-16 export read as text would be garbage).
    expect(source.putUpload).toHaveBeenCalledWith('deals.csv', expect.any(ArrayBuffer), {});
    expect(uploadedText()).toBe('Opportunity Name,Amount\nAcme,100\n');
    expect(source.reviewCsv).toHaveBeenCalledWith('deals.csv', expect.any(ArrayBuffer));
    expect(sent).toEqual([{ type: 'start-import', uploadId: 42 }]);
    const putOrder = source.putUpload.mock.invocationCallOrder[0] ?? Infinity;
    const sendOrder = source.send.mock.invocationCallOrder[0] ?? -Infinity;
    expect(putOrder).toBeLessThan(sendOrder);
  });

  it('takes a dropped file the same way', async () => {
    source.putUpload.mockResolvedValue(5);
    await mount();
    const zone = one('[data-testid="csv-dropzone"]');
    const file = new File(['a,b\n1,2\n'], 'dropped.tsv', { type: 'text/tab-separated-values' });
    // Preact listens for 'drop' where elements have an `ondrop` property (browsers) and for
    // 'Drop' where they do not (happy-dom).
    const drop = new Event('ondrop' in zone ? 'drop' : 'Drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: { files: [file], types: ['Files'] } });
    await act(() => {
      zone.dispatchEvent(drop);
    });
    await flush();
    expect(drop.defaultPrevented).toBe(true);
    expect(source.putUpload).toHaveBeenCalledWith('dropped.tsv', expect.any(ArrayBuffer), {});
    expect(uploadedText()).toBe('a,b\n1,2\n');
    expect(sent).toEqual([{ type: 'start-import', uploadId: 5 }]);
  });

  it('moves the progress bar with the job events, then shows the import summary', async () => {
    source.putUpload.mockResolvedValue(42);
    await mount();
    await chooseFile(one('input[type="file"]'), new File(['x'], 'deals.csv', { type: 'text/csv' }));
    const card = one('[data-testid="add-csv"]');
    expect(progressNow(card)).toBeNull(); // no event yet: indeterminate

    await send({ type: 'job', job: job({ done: 300 }) });
    const bar = one('[data-testid="csv-progress"] [role="progressbar"]');
    expect(bar.getAttribute('aria-valuenow')).toBe('300');
    expect(bar.getAttribute('aria-valuemax')).toBe('1000');
    expect(text(card)).toContain('Reading rows · 300 of 1,000');

    await send({ type: 'job', job: job({ done: 700 }) });
    expect(progressNow(one('[data-testid="csv-progress"]'))).toBe('700');

    // Done: the page reloads the store and shows what the import reported.
    stored.connections = [connection({ lastImport: SUMMARY })];
    await send({ type: 'job', job: job({ status: 'done', done: 1000, finishedAt: new Date(NOW).toISOString(), summary: '8,800 opportunities, 2 rejected' }) });
    expect(container.querySelector('[data-testid="csv-progress"]')).toBeNull();
    const summary = one('[data-testid="import-summary"]', card);
    expect(text(card)).toContain('Imported q1-opportunities.csv.');
    expect(text(summary)).toContain('Salesforce report');
    expect(text(summary)).toContain('8,800');
    expect(text(summary)).toContain('Slash dates read as day/month');
  });

  it('follows an import that was already running when the page opened', async () => {
    stored.jobs = [job({ done: 250, params: { uploadId: 3, fileName: 'big.csv' } })];
    await mount();
    const bar = one('[data-testid="add-csv"] [role="progressbar"]');
    expect(bar.getAttribute('aria-label')).toBe('Importing big.csv');
    expect(bar.getAttribute('aria-valuenow')).toBe('250');
    expect(one<HTMLInputElement>('input[type="file"]').disabled).toBe(true);
  });

  it('shows a step without a count as an indeterminate bar', async () => {
    stored.jobs = [job({ step: 'Reading the CSV file', done: 0, total: 1 })];
    await mount();
    const bar = one('[data-testid="add-csv"] [role="progressbar"]');
    expect(bar.hasAttribute('aria-valuenow')).toBe(false);
    expect(bar.getAttribute('aria-valuetext')).toBe('Reading the CSV file');
  });

  it('lists rejected rows with their line numbers and reasons, the first 200 only', async () => {
    const rejected = Array.from({ length: 203 }, (_, i) => ({ line: i + 2, reason: `Amount "x${i}" is not a number` }));
    stored.connections = [connection({ lastImport: { ...SUMMARY, rejected } })];
    await mount();
    const details = one('[data-testid="connection-card"] details');
    await click(one('summary', details));
    const summary = one('[data-testid="import-summary"]', details);
    expect(text(one('details summary', summary))).toContain('Show the 203 rejected rows');
    const rows = all('tbody tr', summary);
    expect(rows).toHaveLength(200);
    expect(all('td', rows[0]).map((td) => td.textContent)).toEqual(['2', 'Amount "x0" is not a number']);
    expect(text(summary)).toContain('3 more rejected rows are not shown.');
  });

  it('shows a failed import in words and says the earlier data is intact', async () => {
    stored.connections = [connection()];
    source.putUpload.mockResolvedValue(42);
    await mount();
    await chooseFile(one('input[type="file"]'), new File(['x'], 'broken.csv', { type: 'text/csv' }));
    await send({ type: 'job', job: job({ status: 'failed', error: 'No column holds the opportunity name or id.' }) });
    const alert = one('[data-testid="add-csv"] [role="alert"]');
    expect(text(alert)).toContain('The import of broken.csv failed: No column holds the opportunity name or id.');
    expect(text(alert)).toContain('Nothing was changed: your earlier data (q1-opportunities.csv) is intact.');
  });

  it('refuses a file over 200 MB before reading it', async () => {
    await mount();
    const file = new File(['x'], 'huge.csv', { type: 'text/csv' });
    Object.defineProperty(file, 'size', { value: 250_000_000 });
    const read = vi.spyOn(file, 'text');
    const readBytes = vi.spyOn(file, 'arrayBuffer');
    await chooseFile(one('input[type="file"]'), file);
    expect(read).not.toHaveBeenCalled();
    expect(readBytes).not.toHaveBeenCalled();
    expect(source.reviewCsv).not.toHaveBeenCalled();
    expect(source.putUpload).not.toHaveBeenCalled();
    expect(text(one('[data-testid="add-csv"] [role="alert"]'))).toContain('huge.csv is 250 MB. Dealsight imports files up to 200 MB');
  });

  it('refuses a spreadsheet that is not CSV, and accepts CSV whatever its MIME type', () => {
    expect(refuseFile({ name: 'deals.xlsx', size: 10, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })).toContain(
      'is not a CSV file',
    );
    // Windows reports .csv files as Excel documents.
    expect(refuseFile({ name: 'deals.csv', size: 10, type: 'application/vnd.ms-excel' })).toBeNull();
    expect(refuseFile({ name: 'export', size: 10, type: '' })).toBeNull();
    expect(refuseFile({ name: 'empty.csv', size: 0, type: 'text/csv' })).toBe('empty.csv is empty.');
  });

  it('reports a start failure from the background', async () => {
    source.putUpload.mockResolvedValue(1);
    source.send.mockResolvedValue({ ok: false, error: 'Another import is running.' });
    await mount();
    await chooseFile(one('input[type="file"]'), new File(['x'], 'deals.csv', { type: 'text/csv' }));
    expect(text(one('[data-testid="add-csv"] [role="alert"]'))).toBe('The import could not start: Another import is running.');
  });
});

describe('options page: checking a file before importing it', () => {
  const stage = (name: string, rows: number, outcome: 'won' | 'lost' | 'open', word?: string) =>
    word === undefined ? { stage: name, rows, outcome, basis: 'label' as const } : { stage: name, rows, outcome, basis: 'proposed' as const, word };

  function review(over: { opportunities?: number; rejected?: number; stored?: number; stageMap?: ReturnType<typeof stage>[] } = {}): CsvReviewAnswer {
    return {
      ok: true,
      review: {
        opportunities: over.opportunities ?? 50,
        rejected: over.rejected ?? 0,
        warnings: 1,
        encoding: 'UTF-8',
        stageMap: over.stageMap ?? [],
        stageMapOmitted: 0,
        outcome: null,
        outcomeUnknown: false,
        outcomeCandidates: [],
      },
      stored: over.stored ?? 0,
    };
  }

  async function select(element: HTMLSelectElement, value: string): Promise<void> {
    await act(() => {
      element.value = value;
      element.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await flush();
  }

  it('shows the stage map with the stages proposed as lost, stores nothing until confirmed, then imports the stages as set', async () => {
    source.reviewCsv.mockResolvedValue(
      review({
        stageMap: [
          stage('Dead', 12, 'lost', 'dead'),
          stage('Lost (duplicate)', 2, 'lost', 'lost'),
          stage('Closed Won', 30, 'won'),
          stage('Negotiation', 8, 'open'),
        ],
      }),
    );
    source.putUpload.mockResolvedValue(7);
    await mount();
    await chooseFile(one('input[type="file"]'), new File(['Stage\nDead\n'], 'deals.csv', { type: 'text/csv' }));
    const panel = one('[data-testid="csv-review"]');
    expect(text(one('h4', panel))).toBe('Check deals.csv before importing');
    expect(source.putUpload).not.toHaveBeenCalled();
    expect(sent).toEqual([]);
    const rows = all('tbody tr', panel);
    const cells = (r: HTMLElement) => all('td > span', r).map((span) => text(span));
    expect(rows.map((r) => [cells(r), r.dataset.proposed ?? null, one<HTMLSelectElement>('select', r).value])).toEqual([
      [['Dead', 'proposed: the name says “dead”'], 'true', 'lost'],
      [['Lost (duplicate)', 'proposed: the name says “lost”'], 'true', 'lost'],
      [['Closed Won'], null, 'won'],
      [['Negotiation'], null, 'open'],
    ]);
    expect(one('select', rows[0]).getAttribute('aria-label')).toBe('Read Dead as');
    // Dead is an open stage in this org; the duplicate is confirmed lost; Negotiation stays as it is.
    await select(one<HTMLSelectElement>('select', rows[0]), 'open');
    await click(button('Import', panel));
    expect(source.putUpload).toHaveBeenCalledWith('deals.csv', expect.any(ArrayBuffer), {
      stages: [
        ['Dead', 'open'],
        ['Lost (duplicate)', 'lost'],
      ],
    });
    expect(uploadedText()).toBe('Stage\nDead\n');
    expect(sent).toEqual([{ type: 'start-import', uploadId: 7 }]);
    expect(container.querySelector('[data-testid="csv-review"]')).toBeNull();
  });

  it('asks before a file replaces far more stored deals than it brings; Cancel stores nothing, confirming says so to the job', async () => {
    stored.connections = [connection()];
    source.reviewCsv.mockResolvedValue(review({ opportunities: 27, rejected: 93, stored: 120, stageMap: [stage('Closed Won', 27, 'won')] }));
    source.putUpload.mockResolvedValue(8);
    await mount();
    await chooseFile(one('input[type="file"]'), new File(['x'], 'partial.csv', { type: 'text/csv' }));
    const panel = one('[data-testid="csv-review"]');
    expect(text(one('[data-testid="csv-review-fewer"]', panel))).toBe('partial.csv would replace the 120 opportunities stored now with 27.');
    expect(text(panel)).toContain('It has 27 usable opportunities. 93 rows are rejected.');
    expect(one<HTMLInputElement>('input[type="file"]').disabled).toBe(true);
    await click(button('Cancel', panel));
    expect(source.putUpload).not.toHaveBeenCalled();
    expect(text(one('[data-testid="add-csv"]'))).toContain('Nothing was imported from partial.csv.');

    await chooseFile(one('input[type="file"]'), new File(['x'], 'partial.csv', { type: 'text/csv' }));
    await click(button('Replace 120 with 27'));
    expect(source.putUpload).toHaveBeenCalledWith('partial.csv', expect.any(ArrayBuffer), { replaceFewer: true });
    expect(sent).toEqual([{ type: 'start-import', uploadId: 8 }]);
  });

  it("shows the importer's refusal of a file at once, and that the stored data is intact", async () => {
    stored.connections = [connection()];
    source.reviewCsv.mockResolvedValue({ ok: false, message: 'The file looks like UTF-16 LE text without a byte-order mark, which cannot be read reliably.' });
    await mount();
    await chooseFile(one('input[type="file"]'), new File(['x'], 'unicode.txt', { type: 'text/plain' }));
    const alert = one('[data-testid="add-csv"] [role="alert"]');
    expect(text(alert)).toContain('The import of unicode.txt failed: The file looks like UTF-16 LE text without a byte-order mark');
    expect(text(alert)).toContain('Nothing was changed: your earlier data (q1-opportunities.csv) is intact.');
    expect(source.putUpload).not.toHaveBeenCalled();
  });

  // The review the worker gives, read by the real importer from the file's bytes.
  const realReview = async (_fileName: string, bytes: ArrayBuffer): Promise<CsvReviewAnswer> => {
    const reply = reviewCsv(bytes);
    return reply.ok ? { ...reply, stored: 0 } : reply;
  };

  it('asks for the outcome column of a file whose outcome cannot be told, instead of refusing it; the pick goes with the upload', async () => {
    source.reviewCsv.mockImplementation(realReview);
    source.putUpload.mockResolvedValue(5);
    await mount();
    const csv = 'Deal,Flag,Segment\nd1,1,Retail\nd2,0,Public\nd3,0,Retail\nd4,,Public\n';
    await chooseFile(one('input[type="file"]'), new File([csv], 'flags.csv', { type: 'text/csv' }));
    const panel = one('[data-testid="csv-review"]');
    expect(text(one('[data-testid="csv-outcome-unknown"]', panel))).toBe(
      'No column says clearly whether a deal was won or lost. Choose the column that does and the value that means won: its other values are read as lost, empty cells as open.',
    );
    const column = one<HTMLSelectElement>('[data-testid="csv-outcome-column"]', panel);
    expect(one<HTMLLabelElement>(`label[for="${column.id}"]`, panel).textContent).toBe('Outcome column');
    expect(all<HTMLOptionElement>('option', column).map((o) => [o.value, text(o)])).toEqual([
      ['', 'Choose a column…'],
      ['1', 'Flag (2 values)'],
      ['2', 'Segment (2 values)'],
    ]);
    expect(column.value).toBe('');
    // Nothing to import until the outcome is chosen.
    expect(button('Import', panel).disabled).toBe(true);
    expect(container.querySelector('[data-testid="csv-outcome-won"]')).toBeNull();

    await select(column, '2');
    const won = one<HTMLSelectElement>('[data-testid="csv-outcome-won"]', panel);
    expect(all<HTMLOptionElement>('option', won).map((o) => text(o))).toEqual(['Choose a value…', 'Retail (2 rows)', 'Public (2 rows)']);
    expect(button('Import', panel).disabled).toBe(true);
    await select(column, '1');
    // Flag's 1 reads as won: chosen for the user, shown with what it reads.
    expect(one<HTMLSelectElement>('[data-testid="csv-outcome-won"]', panel).value).toBe('1');
    expect(text(one('[data-testid="csv-outcome-counts"]', panel))).toBe('Read so: 1 won, 2 lost, 1 open.');
    expect(source.putUpload).not.toHaveBeenCalled();
    await click(button('Import', panel));
    expect(source.putUpload).toHaveBeenCalledWith('flags.csv', expect.any(ArrayBuffer), { outcome: { column: 'Flag', won: '1' } });
    expect(sent).toEqual([{ type: 'start-import', uploadId: 5 }]);
  });

  it('says which column and value a recognized outcome is read from, and sends a change with the upload', async () => {
    source.reviewCsv.mockImplementation(realReview);
    source.putUpload.mockResolvedValue(6);
    await mount();
    const csv = 'Lead,Converted,Do Not Email\nl1,1,No\nl2,0,Yes\nl3,0,No\n';
    await chooseFile(one('input[type="file"]'), new File([csv], 'leads.csv', { type: 'text/csv' }));
    const panel = one('[data-testid="csv-review"]');
    expect(text(one('[data-testid="csv-outcome-recognized"]', panel))).toBe(
      'Converted says whether a deal was won: “1” is read as won, its other values as lost, empty cells as open. Change it below if that is wrong.',
    );
    expect(one<HTMLSelectElement>('[data-testid="csv-outcome-column"]', panel).value).toBe('1');
    expect(one<HTMLSelectElement>('[data-testid="csv-outcome-won"]', panel).value).toBe('1');
    expect(text(one('[data-testid="csv-outcome-counts"]', panel))).toBe('Read so: 1 won, 2 lost, 0 open.');
    // Confirmed as recognized, nothing needs to travel.
    await click(button('Cancel', panel));
    await chooseFile(one('input[type="file"]'), new File([csv], 'leads.csv', { type: 'text/csv' }));
    await click(button('Import'));
    expect(source.putUpload).toHaveBeenLastCalledWith('leads.csv', expect.any(ArrayBuffer), {});

    await chooseFile(one('input[type="file"]'), new File([csv], 'leads.csv', { type: 'text/csv' }));
    await select(one<HTMLSelectElement>('[data-testid="csv-outcome-won"]'), '0');
    expect(text(one('[data-testid="csv-outcome-counts"]'))).toBe('Read so: 2 won, 1 lost, 0 open.');
    await click(button('Import'));
    expect(source.putUpload).toHaveBeenLastCalledWith('leads.csv', expect.any(ArrayBuffer), { outcome: { column: 'Converted', won: '0' } });
  });

  it('still refuses a file with no column that could hold the outcome', async () => {
    source.reviewCsv.mockImplementation(realReview);
    await mount();
    await chooseFile(one('input[type="file"]'), new File(['id,name\n1,A\n'], 'names.csv', { type: 'text/csv' }));
    expect(container.querySelector('[data-testid="csv-review"]')).toBeNull();
    expect(text(one('[data-testid="add-csv"] [role="alert"]'))).toContain('The import of names.csv failed: No column says whether a deal is won, lost or open');
    expect(source.putUpload).not.toHaveBeenCalled();
  });

  it('imports without a review when the review cannot run (the job still asks before replacing)', async () => {
    source.reviewCsv.mockRejectedValue(new Error('Worker failed to start'));
    source.putUpload.mockResolvedValue(3);
    await mount();
    await chooseFile(one('input[type="file"]'), new File(['a,b\n'], 'deals.csv', { type: 'text/csv' }));
    expect(sent).toEqual([{ type: 'start-import', uploadId: 3 }]);
  });
});

describe('options page: sandbox', () => {
  it('sends start-sandbox with the seed and size chosen', async () => {
    await mount();
    const form = one('[data-testid="add-sandbox"]');
    const seed = all<HTMLInputElement>('input', form).find((i) => i.inputMode === 'numeric');
    if (!seed) throw new Error('no seed input');
    expect(one<HTMLLabelElement>(`label[for="${seed.id}"]`, form).textContent).toBe('Seed');
    await type(seed, '42');
    const fifty = all<HTMLInputElement>('input[type="radio"]', form).find((r) => r.value === '50000');
    if (!fifty) throw new Error('no 50k option');
    await click(fifty);
    await click(button('Load sandbox data'));
    expect(sent).toEqual([{ type: 'start-sandbox', seed: 42, opportunities: 50_000 }]);
  });

  it('does not start with a seed that is not a whole number', async () => {
    await mount();
    const seed = all<HTMLInputElement>('input', one('[data-testid="add-sandbox"]')).find((i) => i.inputMode === 'numeric');
    if (!seed) throw new Error('no seed input');
    await type(seed, '4.5');
    expect(seed.getAttribute('aria-invalid')).toBe('true');
    expect(button('Load sandbox data').disabled).toBe(true);
  });
});

describe('options page: field mappings', () => {
  it('saves the unticked fields, then starts training', async () => {
    withData();
    source.setExcludedFields.mockResolvedValue(mapping({ excluded: ['industry'] }));
    await mount();
    const save = button('Save and retrain');
    expect(save.disabled).toBe(true);
    const industry = one<HTMLInputElement>('[data-testid="field-row"] input[type="checkbox"]');
    await click(industry);
    expect(industry.checked).toBe(false);
    expect(text(section('Field mappings'))).toContain('1 of 3 fields used');
    expect(save.disabled).toBe(false);
    await click(save);
    expect(source.setExcludedFields).toHaveBeenCalledWith('csv', ['industry'], []);
    expect(sent).toEqual([{ type: 'start-train', connectionId: 'csv' }]);
    const setOrder = source.setExcludedFields.mock.invocationCallOrder[0] ?? Infinity;
    expect(setOrder).toBeLessThan(source.send.mock.invocationCallOrder[0] ?? -Infinity);
    expect(text(section('Field mappings'))).toContain('Saved. Retraining q1-opportunities.csv with the new fields.');
  });

  it('resets to the defaults: every field that is not set at the close', async () => {
    withData();
    stored.mapping = mapping({ excluded: ['employees'] });
    await mount();
    const boxes = all<HTMLInputElement>('[data-testid="field-row"] input[type="checkbox"]');
    expect(boxes.map((b) => b.checked)).toEqual([true, false, false]);
    await click(button('Reset to defaults'));
    expect(boxes.map((b) => b.checked)).toEqual([true, true, false]);
    await click(button('Save and retrain'));
    expect(source.setExcludedFields).toHaveBeenCalledWith('csv', [], []);
  });

  it('puts a set-aside field back when ticked: a warning under it, the reason kept, saved as kept, then retrains', async () => {
    withData();
    source.setExcludedFields.mockResolvedValue(mapping({ kept: ['lossReason'] }));
    await mount();
    const loss = all('[data-testid="field-row"]')[2] as HTMLElement;
    const box = one<HTMLInputElement>('input[type="checkbox"]', loss);
    await click(box);
    expect(box.checked).toBe(true);
    const warning = one('[data-testid="put-back"]', loss);
    expect(warning.textContent).toBe(
      'Put back: the models will use this field although it may only be known at the close, so Win Potential may look better on past deals than it will be on open ones.',
    );
    // The reason stays, and the box is described by both.
    const reason = one('[data-testid="set-aside-reason"]', loss);
    expect(reason.textContent).toBe('Set at the close: records why the deal closed.');
    expect(box.getAttribute('aria-describedby')?.split(' ')).toEqual([reason.id, warning.id]);
    expect(warning.parentElement?.getAttribute('aria-live')).toBe('polite');
    expect(text(section('Field mappings'))).toContain('3 of 3 fields used');
    expect(text(section('Field mappings'))).toContain('Unsaved changes');

    // Unticking sets it aside again, and nothing is left to save.
    await click(box);
    expect(all('[data-testid="put-back"]', loss)).toEqual([]);
    expect(button('Save and retrain').disabled).toBe(true);

    await click(box);
    await click(button('Save and retrain'));
    expect(source.setExcludedFields).toHaveBeenCalledWith('csv', [], ['lossReason']);
    expect(sent).toEqual([{ type: 'start-train', connectionId: 'csv' }]);
    expect(source.setExcludedFields.mock.invocationCallOrder[0] ?? Infinity).toBeLessThan(source.send.mock.invocationCallOrder[0] ?? -Infinity);
  });

  it('lists the fields the last training set aside by its own checks, with the reason, and puts one back', async () => {
    withData();
    stored.model = model({
      win: {
        dropped: [
          { key: 'lossReason', label: 'Loss Reason', reason: 'excluded: set at or after the close, or unticked in the field mapping', rule: 'excluded' },
          { key: 'attr:employees', label: 'Employees', reason: 'on its own it tells won from lost with ROC AUC 0.96', rule: 'separates' },
          { key: 'amount', label: 'Amount', reason: 'filled on 90% of closed deals but 2% of open ones: known only at the close', rule: 'coverage' },
          { key: 'attr:industry', label: 'Industry', reason: 'has a single value', rule: 'single' },
        ],
      } as unknown as ModelRecord['win'],
    });
    await mount();
    const rows = all('[data-testid="field-row"]');
    // Industry (dropped for a reason that is no choice) stays a field to tick; Amount is no attribute field.
    expect(rows.map((r) => [one('label', r).textContent, r.getAttribute('data-set-aside')])).toEqual([
      ['Industry', null],
      ['Employees', 'model'],
      ['Loss Reason', 'importer'],
    ]);
    const employees = rows[1] as HTMLElement;
    const box = one<HTMLInputElement>('input[type="checkbox"]', employees);
    expect(box.checked).toBe(false);
    expect(one('[data-testid="set-aside-reason"]', employees).textContent).toBe(
      'Set aside by the last training: on its own it tells won from lost with ROC AUC 0.96.',
    );
    expect(text(section('Field mappings'))).toContain('1 of 3 fields used');
    await click(box);
    expect(one('[data-testid="put-back"]', employees)).toBeTruthy();
    await click(button('Save and retrain'));
    expect(source.setExcludedFields).toHaveBeenCalledWith('csv', [], ['employees']);
  });

  it('shows a field put back as ticked, with the warning, and Reset to defaults sets it aside again', async () => {
    withData();
    // Put back and retrained: the model no longer says why it would set Employees aside.
    stored.mapping = mapping({ kept: ['lossReason', 'employees'] });
    await mount();
    const rows = all('[data-testid="field-row"]');
    expect(rows.map((r) => one<HTMLInputElement>('input[type="checkbox"]', r).checked)).toEqual([true, true, true]);
    expect(rows.map((r) => r.getAttribute('data-set-aside'))).toEqual([null, 'earlier', 'importer']);
    expect(one('[data-testid="set-aside-reason"]', rows[1] as HTMLElement).textContent).toBe(
      'Set aside by the checks for fields known only at the close; you put it back.',
    );
    expect(all('[data-testid="put-back"]').length).toBe(2);
    await click(button('Reset to defaults'));
    expect(rows.map((r) => one<HTMLInputElement>('input[type="checkbox"]', r).checked)).toEqual([true, false, false]);
    await click(button('Save and retrain'));
    expect(source.setExcludedFields).toHaveBeenCalledWith('csv', [], []);
  });

  it('picks preview values by frequency', () => {
    const previews = previewFields(
      [opportunity('1', { a: 'x', b: true }), opportunity('2', { a: 'y' }), opportunity('3', { a: 'y', b: '' }), opportunity('4', { a: 'z' })],
      [{ key: 'a' }, { key: 'b' }, { key: 'c' }],
      2,
    );
    expect(previews.get('a')).toEqual({ values: ['y', 'x'], distinct: 3 });
    expect(previews.get('b')).toEqual({ values: [true], distinct: 1 });
    expect(previews.get('c')).toEqual({ values: [], distinct: 0 });
  });
});

describe('options page: health profile (issue 16)', () => {
  it('shows the default profile, saves a switched-off signal and a moved threshold, then retrains', async () => {
    withData();
    await mount();
    const health = section('Health profile');
    const rows = all('[data-signal]', health);
    expect(rows.map((r) => r.getAttribute('data-signal'))).toEqual(['low-win', 'past-close', 'stalled', 'slip', 'amount-off', 'no-change']);
    expect(rows.map((r) => one<HTMLInputElement>('[data-field="enabled"]', r).checked)).toEqual([true, true, true, true, true, true]);
    // Thresholds in the units a manager thinks in: 50% of the win rate, 0 days, 25% beyond, 90 days; stalled and slip have none.
    expect(rows.map((r) => r.querySelector<HTMLInputElement>('[data-field="threshold"]')?.value ?? null)).toEqual(['50', '0', null, null, '25', '90']);
    const save = one<HTMLButtonElement>('[data-action="save-health"]', health);
    expect(save.disabled).toBe(true);

    await click(one<HTMLInputElement>('[data-signal="no-change"] [data-field="enabled"]', health));
    const lowWin = one<HTMLInputElement>('[data-signal="low-win"] [data-field="threshold"]', health);
    await act(() => {
      lowWin.value = '35';
      lowWin.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await flush();
    expect(save.disabled).toBe(false);
    await click(save);

    expect(settingWrites).toHaveLength(1);
    const write = settingWrites[0]!;
    expect(write).toMatchObject({ connectionId: 'csv', name: 'health.profile', sentBefore: 0 });
    const profile = write.value as HealthProfile;
    expect(profile.signals['low-win']).toEqual({ enabled: true, threshold: 0.35 });
    expect(profile.signals['no-change']).toEqual({ enabled: false, threshold: 90 });
    expect(profile.signals['amount-off']).toEqual(DEFAULT_HEALTH_PROFILE.signals['amount-off']);
    expect(profile.attentionForRisk).toBe(2);
    // Stored first, then the retraining that recomputes every deal's health.
    expect(sent).toEqual([{ type: 'start-train', connectionId: 'csv' }]);
    expect(text(health)).toContain('Saved. Retraining q1-opportunities.csv to recompute every deal’s health.');
  });

  it('reads the stored profile, keeps thresholds within their limits, and restores the defaults', async () => {
    withData();
    stored.settings = {
      csv: { 'health.profile': { ...DEFAULT_HEALTH_PROFILE, signals: { ...DEFAULT_HEALTH_PROFILE.signals, slip: { enabled: false, threshold: 0 } } } },
    };
    await mount();
    const health = section('Health profile');
    expect(one<HTMLInputElement>('[data-signal="slip"] [data-field="enabled"]', health).checked).toBe(false);
    const noChange = one<HTMLInputElement>('[data-signal="no-change"] [data-field="threshold"]', health);
    await act(() => {
      noChange.value = '5000';
      noChange.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await flush();
    expect(noChange.value).toBe('365');
    expect(thresholdFromInput('low-win', '2')).toBe(0.1);
    expect(thresholdFromInput('amount-off', 'abc')).toBeNull();
    await click(button('Restore defaults', health));
    expect(one<HTMLInputElement>('[data-signal="slip"] [data-field="enabled"]', health).checked).toBe(true);
    expect(noChange.value).toBe('90');
    await click(one<HTMLButtonElement>('[data-action="save-health"]', health));
    expect(settingWrites.map((w) => w.value)).toEqual([DEFAULT_HEALTH_PROFILE]);
  });
});

describe('options page: jobs', () => {
  it('lists running and queued jobs with progress, and cancels one', async () => {
    withData();
    stored.jobs = [
      job({ id: 12, kind: 'score', status: 'queued', step: null, done: 0, total: 0 }),
      job({ id: 11, kind: 'train', status: 'running', step: 'Training Win Potential', done: 3, total: 10 }),
      job({
        id: 10,
        kind: 'import',
        status: 'done',
        done: 1000,
        summary: '8,800 opportunities, 2 rejected',
        finishedAt: new Date(NOW - 120_000).toISOString(),
      }),
    ];
    await mount();
    const rows = all('[data-testid="job-row"]');
    expect(rows.map((r) => one('span', r).textContent)).toEqual(['Training · q1-opportunities.csv', 'Scoring · q1-opportunities.csv']);
    const [running, queued] = rows as [HTMLElement, HTMLElement];
    expect(progressNow(running)).toBe('3');
    expect(text(running)).toContain('Training Win Potential · 3 of 10');
    expect(progressNow(queued)).toBeNull();
    expect(text(queued)).toContain('Waiting for the job before it');
    expect(text(one('[data-testid="job-history"]'))).toContain('8,800 opportunities, 2 rejected');

    await click(button('Cancel Training · q1-opportunities.csv'));
    expect(sent).toEqual([{ type: 'cancel-job', jobId: 11 }]);

    await send({ type: 'job', job: job({ id: 11, kind: 'train', status: 'running', step: 'Training Win Potential', done: 7, total: 10 }) });
    expect(progressNow(one('[data-testid="job-row"]'))).toBe('7');
  });

  it('reloads the store when the background says the data changed', async () => {
    await mount();
    expect(source.load).toHaveBeenCalledTimes(1);
    stored.connections = [connection()];
    await send({ type: 'data-changed', connectionId: 'csv' });
    expect(source.load).toHaveBeenCalledTimes(2);
    expect(all('[data-testid="connection-card"]')).toHaveLength(1);
  });
});

describe('options page: Salesforce OAuth (issue 13)', () => {
  const status = (over: Partial<SalesforceStatus> = {}): SalesforceStatus => ({
    apiBase: 'https://acme.my.salesforce.com',
    orgId: '00D5g000001aBcDEAZ',
    orgName: 'Acme',
    apiVersion: '66.0',
    limits: null,
    state: 'ok',
    message: null,
    checkedAt: new Date(NOW).toISOString(),
    ...over,
  });
  const refused = () => status({ state: 'no-api-access', message: SF_MESSAGES.accessControl, auth: 'session', needsOAuth: true });

  async function signIn(root: ParentNode, clientId: string): Promise<void> {
    await type(one<HTMLInputElement>('[data-testid="salesforce-oauth-client-id"]', root), clientId);
    await click(button('Sign in with Salesforce', root));
  }

  it('keeps OAuth closed while the browser session works, with the callback URL for the admin', async () => {
    await mount();
    const card = one('[data-testid="add-salesforce"]');
    const details = one<HTMLDetailsElement>('[data-testid="salesforce-oauth"] details', card);
    expect(details.open).toBe(false);
    expect(one<HTMLInputElement>('[data-testid="salesforce-oauth-callback"]', card).value).toBe(REDIRECT_URL);
    expect(text(card)).toContain('External Client App Manager');
    expect(text(card)).not.toContain('Your org refuses the browser session');
  });

  it('offers OAuth when the first sync finds the org refusing the browser session, and signs in at its My Domain', async () => {
    stored.tabs = [{ id: 4, url: 'https://acme.lightning.force.com/lightning/o/Opportunity/list' }];
    stored.settings[SF_CONNECTION] = { 'salesforce.status': refused() };
    await mount();
    const card = one('[data-testid="add-salesforce"]');
    await click(button('Connect acme.lightning.force.com', card));
    expect(sent.at(-1)).toEqual({ type: 'connect-crm', crm: 'salesforce', tabId: 4 });
    await send({ type: 'job', job: job({ kind: 'sync', connectionId: SF_CONNECTION, status: 'failed', error: SF_MESSAGES.accessControl }) });
    expect(text(card)).toContain('Your org refuses the browser session for the API');
    expect(one<HTMLDetailsElement>('[data-testid="salesforce-oauth"] details', card).open).toBe(true);
    expect(one<HTMLInputElement>('[data-testid="salesforce-oauth-login-host"]', card).value).toBe('acme.my.salesforce.com');
    await signIn(card, ' 3MVG9Dealsight.Key ');
    expect(sent.at(-1)).toEqual({ type: 'connect-crm', crm: 'salesforce', oauth: { clientId: '3MVG9Dealsight.Key', loginHost: 'acme.my.salesforce.com' } });
  });

  it('shows why an OAuth sign-in failed, in the form', async () => {
    await mount();
    source.send.mockResolvedValueOnce({ ok: false, error: 'Your org blocks this app (OAUTH_APP_BLOCKED).' });
    const card = one('[data-testid="add-salesforce"]');
    await signIn(card, '3MVG9Dealsight.Key');
    expect(text(card)).toContain('Salesforce could not be connected with OAuth: Your org blocks this app (OAUTH_APP_BLOCKED).');
  });

  it("offers OAuth on a connected org's card once its org refuses the browser session", async () => {
    stored.connections = [connection({ id: SF_CONNECTION, kind: 'salesforce', label: 'Acme' })];
    stored.settings[SF_CONNECTION] = { 'salesforce.status': refused() };
    await mount();
    const card = one('[data-testid="connection-card"]');
    expect(text(card)).toContain('Your org refuses the browser session for the API');
    expect(text(card)).not.toContain('API Enabled permission');
    await signIn(card, '3MVG9Dealsight.Key');
    expect(sent.at(-1)).toMatchObject({ type: 'connect-crm', oauth: { clientId: '3MVG9Dealsight.Key', loginHost: 'acme.my.salesforce.com' } });
  });

  it('shows an OAuth connection, and offers to sign in again with the same app when Salesforce no longer accepts it', async () => {
    stored.connections = [connection({ id: SF_CONNECTION, kind: 'salesforce', label: 'Acme' })];
    const oauth = {
      clientId: '3MVG9Dealsight.Key',
      authBase: 'https://login.salesforce.com',
      instanceUrl: 'https://acme.my.salesforce.com',
      orgId: '00D5g000001aBcDEAZ',
      userId: null,
      refreshToken: '5Aep861secret',
      scope: 'api refresh_token',
      connectedAt: new Date(NOW).toISOString(),
    };
    stored.settings[SF_CONNECTION] = { 'salesforce.oauth': oauth, 'salesforce.status': status({ auth: 'oauth' }) };
    await mount();
    let card = one('[data-testid="connection-card"]');
    expect(text(one('[data-testid="salesforce-oauth-connected"]', card))).toBe('Connected with OAuth: consumer key ….Key, signed in at login.salesforce.com.');
    expect(card.querySelector('[data-testid="salesforce-oauth"]')).toBeNull();
    expect(text(card)).not.toContain('5Aep861secret');

    stored.settings[SF_CONNECTION] = { 'salesforce.oauth': oauth, 'salesforce.status': status({ state: 'session-expired', auth: 'oauth', message: 'x' }) };
    await act(() => render(null, container));
    await mount();
    card = one('[data-testid="connection-card"]');
    expect(text(card)).toContain('Salesforce no longer accepts Dealsight’s sign-in for this org');
    expect(() => button('Open Salesforce to reconnect', card)).toThrow();
    expect(one<HTMLInputElement>('[data-testid="salesforce-oauth-client-id"]', card).value).toBe('3MVG9Dealsight.Key');
    await click(button('Sign in again', card));
    expect(sent.at(-1)).toEqual({ type: 'connect-crm', crm: 'salesforce', oauth: { clientId: '3MVG9Dealsight.Key', loginHost: 'login.salesforce.com' } });
  });

  it("names the host and the fix when every sid cookie was refused (the connector's message)", async () => {
    stored.connections = [connection({ id: SF_CONNECTION, kind: 'salesforce', label: 'Acme' })];
    const message = SF_MESSAGES.staleSession('acme.my.salesforce.com', 2);
    stored.settings[SF_CONNECTION] = { 'salesforce.status': status({ state: 'session-expired', auth: 'session', message }) };
    await mount();
    const card = one('[data-testid="connection-card"]');
    expect(text(card)).toContain(message);
    expect(button('Open Salesforce to reconnect', card)).toBeTruthy();
  });

  it('says when a removed connection could not be revoked at Salesforce', async () => {
    stored.connections = [connection({ id: SF_CONNECTION, kind: 'salesforce', label: 'Acme' })];
    source.deleteConnection.mockResolvedValueOnce({ notUndone: 'Could not reach Salesforce at login.salesforce.com.' });
    await mount();
    await click(button('Remove Acme'));
    stored.connections = [];
    await click(button('Remove connection'));
    expect(source.deleteConnection).toHaveBeenCalledWith(SF_CONNECTION);
    const connections = text(section('Connections'));
    expect(connections).toContain('Acme was removed.');
    expect(connections).toContain(
      'Removed here, but Salesforce could not be told to revoke Dealsight’s access (Could not reach Salesforce at login.salesforce.com.)',
    );
  });
});

describe('options page: removing and deleting', () => {
  it('removes a connection only after confirming', async () => {
    withData();
    await mount();
    await click(button('Remove q1-opportunities.csv'));
    expect(source.deleteConnection).not.toHaveBeenCalled();
    const group = one('[role="group"]');
    expect(text(group)).toContain('Remove q1-opportunities.csv?');
    expect(document.activeElement?.textContent).toBe('Cancel');
    stored.connections = [];
    await click(button('Remove connection'));
    expect(source.deleteConnection).toHaveBeenCalledWith('csv');
    expect(all('[data-testid="connection-card"]')).toHaveLength(0);
    expect(text(section('Connections'))).toContain('q1-opportunities.csv was removed.');
  });

  it('cancelling the removal returns focus to the Remove button', async () => {
    withData();
    await mount();
    await click(button('Remove q1-opportunities.csv'));
    await act(() => {
      one('[role="group"]').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    await flush();
    expect(container.querySelector('[role="group"]')).toBeNull();
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Remove q1-opportunities.csv');
    expect(source.deleteConnection).not.toHaveBeenCalled();
  });

  it('deletes everything only after DELETE is typed', async () => {
    withData();
    await mount();
    await click(button('Delete everything…'));
    expect(sent).toEqual([]);
    const confirm = button('Delete everything now');
    expect(confirm.disabled).toBe(true);
    const input = one<HTMLInputElement>('[role="group"] input');
    expect(document.activeElement).toBe(input);
    expect(one(`label[for="${input.id}"]`).textContent).toBe('Type DELETE to confirm');
    await type(input, 'delete');
    expect(confirm.disabled).toBe(true);
    await type(input, 'DELETE');
    expect(confirm.disabled).toBe(false);
    stored.connections = [];
    await click(confirm);
    expect(sent).toEqual([{ type: 'delete-all' }]);
    expect(text(section('Data'))).toContain('Everything was deleted.');
    expect(one('[data-testid="connections-empty"]')).toBeTruthy();
  });

  it('forgets the last import once everything is deleted', async () => {
    source.putUpload.mockResolvedValue(42);
    await mount();
    await chooseFile(one('input[type="file"]'), new File(['x'], 'deals.csv', { type: 'text/csv' }));
    const finished = job({ status: 'done', done: 1000, finishedAt: new Date(NOW).toISOString() });
    stored.jobs = [finished];
    stored.connections = [connection({ lastImport: SUMMARY })];
    await send({ type: 'job', job: finished });
    expect(text(one('[data-testid="add-csv"]'))).toContain('Imported q1-opportunities.csv.');

    stored.jobs = [];
    stored.connections = [];
    await click(button('Delete everything…'));
    await type(one<HTMLInputElement>('[role="group"] input'), 'DELETE');
    await click(button('Delete everything now'));
    const card = one('[data-testid="add-csv"]');
    expect(text(card)).not.toContain('Imported');
    expect(card.querySelector('[role="progressbar"]')).toBeNull();
  });
});

describe('options page: export', () => {
  it('downloads the scored CSV as a Blob named for today', async () => {
    withData();
    source.exportCsv.mockResolvedValue('Id,Name,Win Potential\n1,Acme,0.73\n');
    const blobs: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:dealsight/1';
    });
    const revokeObjectURL = vi.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const clicked: HTMLAnchorElement[] = [];
    const anchorClick = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    try {
      await mount();
      await click(button('Download CSV'));
      expect(source.exportCsv).toHaveBeenCalledWith(undefined);
      expect(blobs).toHaveLength(1);
      expect(await blobs[0]?.text()).toBe('Id,Name,Win Potential\n1,Acme,0.73\n');
      expect(blobs[0]?.type).toMatch(/^text\/csv/);
      expect(clicked).toHaveLength(1);
      expect(clicked[0]?.download).toBe(exportFileName(new Date(NOW)));
      expect(clicked[0]?.getAttribute('href')).toBe('blob:dealsight/1');
      expect(text(section('Data'))).toContain(`Downloaded ${exportFileName(new Date(NOW))}.`);
    } finally {
      anchorClick.mockRestore();
    }
  });

  it('names the file by the local date', () => {
    expect(exportFileName(new Date(2026, 0, 5, 23, 30))).toBe('dealsight-scored-2026-01-05.csv');
  });
});

describe('options page: HubSpot', () => {
  /** The page over the fake source, with the browser's permission prompt and the background's connect replies given. */
  async function mountHubSpot(replies: Array<BackgroundReply<PageMessage>>, granted = true) {
    const asked: string[][] = [];
    const base = asSource(source);
    const page: OptionsSource = {
      ...base,
      requestPermissions: async (permissions) => {
        asked.push(permissions.origins ?? []);
        return granted;
      },
      send: (async (message: PageMessage) => {
        sent.push(message);
        return message.type === 'connect-crm' ? (replies.shift() ?? { ok: false, error: 'no reply' }) : { ok: true };
      }) as OptionsSource['send'],
    };
    await act(() => {
      render(<OptionsApp source={page} />, container);
    });
    await flush();
    return { asked, card: one('[data-testid="hubspot-connect"]') };
  }

  async function submit(card: HTMLElement, token: string): Promise<void> {
    await type(one<HTMLInputElement>('[data-testid="hubspot-token"]', card), token);
    await click(button('Connect HubSpot', card));
  }

  it('says who can create a Service Key, where, which scopes to tick, and that a private app token works too', async () => {
    const { card } = await mountHubSpot([]);
    const help = text(one('[data-testid="hubspot-help"]', card));
    expect(help).toContain('Who: a Super Admin, or a user with Developer Tools access in HubSpot.');
    expect(help).toContain('A key can only have the scopes its creator has');
    expect(help).toContain('Settings › Integrations › Service Keys (or Development › Keys › Service Keys) › Create service key');
    expect(help).toContain('Scopes to tick: crm.objects.deals.read, crm.objects.companies.read, crm.objects.contacts.read, crm.objects.owners.read');
    expect(help).toContain('HubSpot no longer lets you create private apps');
    // Where an existing private app's token is now, and never the menu HubSpot removed.
    expect(help).toContain('a Super Admin finds it under Development › Legacy apps');
    expect(help).not.toContain('Private Apps');
    expect(one<HTMLInputElement>('[data-testid="hubspot-token"]', card).placeholder).toBe('Paste the Service Key');
  });

  it('asks for api.hubapi.com in the click, then connects with the key', async () => {
    const { asked, card } = await mountHubSpot([{ ok: true, connectionId: 'hubspot:42', jobId: 7 }]);
    await submit(card, 'a1b2c3d4e5f6a7b8');
    expect(asked).toEqual([['https://api.hubapi.com/*']]);
    expect(sent).toEqual([{ type: 'connect-crm', crm: 'hubspot', token: 'a1b2c3d4e5f6a7b8' }]);
    expect(one<HTMLInputElement>('[data-testid="hubspot-token"]', card).value).toBe('');
  });

  it('asks for the host of the hublet a private app token names', async () => {
    const { asked, card } = await mountHubSpot([{ ok: true, connectionId: 'hubspot:42', jobId: 7 }]);
    await submit(card, 'pat-eu1-0c1d2e3f');
    expect(asked).toEqual([['https://api-eu1.hubapi.com/*']]);
  });

  it("asks for the portal's regional host in a second click when the background names it, then connects again", async () => {
    const { asked, card } = await mountHubSpot([
      {
        ok: false,
        error: "HubSpot keeps this portal's data in the eu1 region, served by api-eu1.hubapi.com.",
        origins: ['https://api-eu1.hubapi.com/*'],
      },
      { ok: true, connectionId: 'hubspot:42', jobId: 7 },
    ]);
    await submit(card, 'a1b2c3d4e5f6a7b8');
    const region = one('[data-testid="hubspot-region"]', card);
    expect(text(region)).toContain('served by api-eu1.hubapi.com');
    expect(all('[role="alert"]', card)).toHaveLength(0);
    await click(button('Allow api-eu1.hubapi.com and connect', region));
    expect(asked).toEqual([['https://api.hubapi.com/*'], ['https://api-eu1.hubapi.com/*']]);
    expect(sent.filter((m) => m.type === 'connect-crm')).toHaveLength(2);
    expect(all('[data-testid="hubspot-region"]', card)).toHaveLength(0);
  });

  it('names the host the browser refused, and does not connect', async () => {
    const { card } = await mountHubSpot([], false);
    await submit(card, 'pat-eu1-0c1d2e3f');
    expect(text(card)).toContain('The browser did not allow Dealsight to reach api-eu1.hubapi.com, so HubSpot was not connected.');
    expect(sent).toEqual([]);
  });
});
