// @vitest-environment happy-dom
/**
 * A connected Salesforce org's "What to sync" settings through the options page's store
 * source over a real store (fake-indexeddb): the window in years and the custom fields are
 * read from and saved to the settings the sync reads; a field's suggested well-known
 * attribute is offered once it is ticked.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { readTicks, SalesforceSettings, writeTicks } from '../../components/options/connections/SalesforceSettings';
import { OptionsContext, OptionsState } from '../../components/options/state';
import { storeSource } from '../../entrypoints/options/store-source';
import type { CustomFieldChoice } from '../../lib/crm/salesforce';
import { connectionSettings } from '../../lib/store/repo';
import { freshDb } from '../store/helpers';

const CONN = 'salesforce:00D5g000001aBcDEAU';
const CHOICES: CustomFieldChoice[] = [
  { name: 'Region__c', label: 'Region', kind: 'category', leaky: null, suggestedKey: null },
  { name: 'Product_Line__c', label: 'Product line', kind: 'category', leaky: null, suggestedKey: 'product' },
  { name: 'Loss_Reason__c', label: 'Loss reason', kind: 'category', leaky: 'its name says it is known only at the close', suggestedKey: null },
];

const flush = () => act(() => new Promise((resolve) => setTimeout(resolve, 100)));
let root: HTMLElement | null = null;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = null;
});

/** Waits until `check` holds (the settings load from the store through promises; a busy machine takes longer than any fixed pause). */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await flush();
  }
  throw new Error(`condition not met: ${what}`);
}

async function mount(choices: CustomFieldChoice[] | null) {
  const { db } = freshDb();
  const state = new OptionsState(storeSource(db));
  root = document.createElement('div');
  document.body.append(root);
  await act(() =>
    render(
      <OptionsContext.Provider value={state}>
        <SalesforceSettings connectionId={CONN} choices={choices} />
      </OptionsContext.Provider>,
      root as HTMLElement,
    ),
  );
  await flush();
  return { db, root: root as HTMLElement };
}

function checkbox(root: HTMLElement, text: RegExp): HTMLInputElement {
  const label = [...root.querySelectorAll('label')].find((l) => text.test(l.textContent ?? ''));
  const input = label?.querySelector('input[type="checkbox"]');
  if (!(input instanceof HTMLInputElement)) throw new Error(`no checkbox labelled ${text}`);
  return input;
}

async function click(element: HTMLElement) {
  await act(() => element.click());
}

describe('SalesforceSettings', () => {
  it('saves the window and the ticked fields, mapping a field onto its suggested attribute', async () => {
    const { db, root } = await mount(CHOICES);
    // The stored window (three years by default) once the settings have loaded.
    await until(() => root.querySelector('select')?.value === '3', 'the window select shows 3 years');
    const select = root.querySelector('select') as HTMLSelectElement;
    expect(select.value).toBe('3');
    expect([...select.options].map((o) => o.textContent)).toEqual(['1 year', '2 years', '3 years', '4 years', '5 years', '7 years', '10 years']);
    expect(root.textContent).toContain('Known only when a deal closes');
    const save = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Save') as HTMLButtonElement;
    expect(save.disabled).toBe(true);

    await act(() => {
      select.value = '5';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await click(checkbox(root, /^Region/));
    expect(root.textContent).not.toContain('Use as Product');
    await click(checkbox(root, /^Product line/));
    await click(checkbox(root, /Use as Product/));
    expect(save.disabled).toBe(false);
    await click(save);
    await flush();

    expect(await connectionSettings(db, CONN).get('salesforce.years')).toBe(5);
    expect(await connectionSettings(db, CONN).get('salesforce.customFields')).toEqual(['Region__c', { field: 'Product_Line__c', as: 'product' }]);
    expect(root.textContent).toContain('Saved. The next sync uses these settings.');
  });

  it('shows what is stored, and says when the fields are not known yet or there are none', async () => {
    const first = await mount(null);
    expect(first.root.textContent).toContain('The custom fields are listed after the first sync.');
    render(null, first.root);
    first.root.remove();

    const { db, root: r } = await mount([]);
    expect(r.textContent).toContain('no custom opportunity fields');
    await connectionSettings(db, CONN).set('salesforce.years', 2);
    await connectionSettings(db, CONN).set('salesforce.customFields', ['Region__c']);
    render(null, r);
    r.remove();
    root = document.createElement('div');
    document.body.append(root);
    const state = new OptionsState(storeSource(db));
    await act(() =>
      render(
        <OptionsContext.Provider value={state}>
          <SalesforceSettings connectionId={CONN} choices={CHOICES} />
        </OptionsContext.Provider>,
        root as HTMLElement,
      ),
    );
    await flush();
    expect((root.querySelector('select') as HTMLSelectElement).value).toBe('2');
    expect(checkbox(root, /^Region/).checked).toBe(true);
    expect(checkbox(root, /^Product line/).checked).toBe(false);
  });

  it('round-trips the setting in the order the org lists its fields', () => {
    const ticks = readTicks([{ field: 'Product_Line__c', as: 'product' }, 'Region__c', { field: 'Other__c' }]);
    expect([...ticks.values()]).toEqual([
      { field: 'Product_Line__c', as: 'product' },
      { field: 'Region__c', as: null },
      { field: 'Other__c', as: null },
    ]);
    expect(writeTicks(ticks, CHOICES)).toEqual(['Region__c', { field: 'Product_Line__c', as: 'product' }, 'Other__c']);
  });
});
