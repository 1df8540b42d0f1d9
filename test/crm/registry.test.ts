/**
 * Adding a CRM is a folder and a line in lib/crm/registry.ts: this test fails while a
 * registered CRM lacks any part the rest of Dealsight asks of it (connector members, its
 * content script, its options card, its settings in the store schema, its strings), and
 * checks that nothing outside the registry and the CRMs' folders tells CRMs apart by name.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONNECTION_KINDS } from '../../components/options/connections/registry';
import type { CrmConnector } from '../../lib/crm/connector';
import { CRM_LIST, CRMS, crmOfConnection, crmOfKind, crmOfPage } from '../../lib/crm/registry';
import { options as strings } from '../../lib/i18n/en';
import { SETTINGS } from '../../lib/store/schema';

const ROOT = join(import.meta.dirname, '..', '..');

/** Every member the background, the runner and the pages use. */
const MEMBERS: ReadonlyArray<keyof CrmConnector> = [
  'kind',
  'label',
  'place',
  'nouns',
  'messages',
  'hosts',
  'connectionId',
  'page',
  'recordId',
  'recordLinks',
  'errorCode',
  'connect',
  'pageConnection',
  'pageAccess',
  'syncRequest',
  'secretsForJob',
  'sync',
  'fetchRecord',
];

describe('the CRM registry', () => {
  for (const crm of CRM_LIST) {
    describe(crm.kind, () => {
      it('has every connector member', () => {
        for (const member of MEMBERS) expect(crm[member], `${crm.kind}.${member}`).toBeDefined();
        expect(CRMS[crm.kind]).toBe(crm);
        expect(crm.hosts.overlay.length).toBeGreaterThan(0);
        for (const text of [crm.label, crm.nouns.record, crm.nouns.records, crm.messages.notARecord, crm.messages.notConnected, crm.messages.notSynced])
          expect(text.length).toBeGreaterThan(0);
      });

      it('finds its own connections and pages', () => {
        const id = crm.connectionId('12345');
        expect(id.startsWith(`${crm.kind}:`)).toBe(true);
        expect(crmOfConnection(id)).toBe(crm);
        expect(crmOfKind(crm.kind)).toBe(crm);
      });

      it('has a content script that runs its overlay on its host table', () => {
        const entry = join(ROOT, 'entrypoints', `${crm.kind}.content`, 'index.ts');
        expect(existsSync(entry), entry).toBe(true);
        const source = readFileSync(entry, 'utf8');
        expect(source).toMatch(new RegExp(`matches: withE2E\\(${crm.kind.toUpperCase()}_HOSTS\\.overlay`));
        expect(existsSync(join(ROOT, 'entrypoints', `${crm.kind}.content`, 'adapter.ts'))).toBe(true);
      });

      it('has an options card, its strings and its settings', () => {
        const card = CONNECTION_KINDS.find((k) => k.kind === crm.kind);
        expect(card?.Add, `options card of ${crm.kind}`).toBeDefined();
        expect(card?.Details, `details of a ${crm.kind} connection`).toBeDefined();
        expect(strings[card?.title as keyof typeof strings]).toBeTruthy();
        expect(strings[card?.description as keyof typeof strings]).toBeTruthy();
        // A CRM's settings are named after it and belong to a connection (deleted with it).
        const own = Object.entries(SETTINGS).filter(([name]) => name.startsWith(`${crm.kind}.`));
        for (const [name, def] of own) expect(def.scope, name).toBe('connection');
      });
    });
  }

  it('gives files and sandbox data no connector, and other pages no CRM', () => {
    expect(crmOfConnection('csv')).toBeNull();
    expect(crmOfConnection('sandbox')).toBeNull();
    expect(crmOfConnection('constructor:1')).toBeNull();
    expect(crmOfKind('csv')).toBeNull();
    expect(crmOfPage('https://example.com/lightning/r/Opportunity/0065g00000AbCdEAAV/view', { localhost: false })).toBeNull();
    expect(crmOfPage('https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdEAAV/view', { localhost: false })?.crm).toBe(CRMS.salesforce);
    expect(crmOfPage('https://app.hubspot.com/contacts/42/record/0-3/7', { localhost: false })?.crm).toBe(CRMS.hubspot);
  });

  it('is the only place outside the CRM folders that names a CRM to decide something', () => {
    const allowed = [/^lib\/crm\/(salesforce|hubspot)\//, /^lib\/crm\/registry\.ts$/, /^entrypoints\/(salesforce|hubspot)\.content\//];
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|tsx)$/.test(name)) files.push(relative(ROOT, path));
      }
    };
    for (const dir of ['lib', 'components', 'entrypoints', 'workers']) walk(join(ROOT, dir));
    const branching = /(?:===|!==|startsWith\(|case)\s*'(?:salesforce|hubspot):?'|'(?:salesforce|hubspot):?'\s*(?:===|!==)/;
    const offenders = files.filter((path) => !allowed.some((a) => a.test(path))).filter((path) => branching.test(readFileSync(join(ROOT, path), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
