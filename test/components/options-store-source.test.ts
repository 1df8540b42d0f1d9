/**
 * The options page's store source over a real store (fake-indexeddb): what the page loads,
 * and that each write lands where the import job, the training and the sync read it. The
 * page itself is tested over a fake source (options.test.tsx).
 */
import * as Comlink from 'comlink';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reviewCsv } from '../../lib/crm/csv/review';
import { storeSource } from '../../entrypoints/options/store-source';
import type { DealsightDb } from '../../lib/store/db';
import {
  connectionSettings,
  createJob,
  exportScoredCsv,
  getFieldMapping,
  getSetting,
  getUpload,
  listConnections,
  replaceConnectionData,
  saveModels,
} from '../../lib/store/repo';
import { connection, freshDb, job, mapping, model, opp } from '../store/helpers';
import { salesforceConnector } from '../../lib/crm/salesforce/connector';
import { OAUTH_MESSAGES } from '../../lib/crm/salesforce/oauth';
import { createSalesforceSandbox } from '../../sandbox/salesforce';
import { connectorEnv } from '../crm/connector-env';
import { sandboxAuthWindow } from '../crm/salesforce/oauth-window';

let db: DealsightDb;
beforeEach(() => {
  ({ db } = freshDb());
});
afterEach(() => db.close());

describe('the options store source', () => {
  it('loads every connection with its model and field mapping, and the newest jobs up to the limit', async () => {
    await replaceConnectionData(db, connection('a', 'A'), [opp('1')], mapping('a'));
    await replaceConnectionData(db, connection('b', 'B'), [opp('2')], mapping('b', ['industry', 'country']));
    await saveModels(db, model('a'), []);
    for (const step of ['first', 'second', 'third']) await createJob(db, job({ connectionId: 'a', step }));

    const data = await storeSource(db).load(2);
    expect(data.connections.map((c) => c.id).sort()).toEqual(['a', 'b']);
    expect([...data.models.keys()]).toEqual(['a']);
    expect(data.models.get('a')?.counts).toEqual(model('a').counts);
    expect([...data.mappings.keys()].sort()).toEqual(['a', 'b']);
    expect(data.mappings.get('b')?.fields.map((f) => f.key)).toEqual(['industry', 'country']);
    expect(data.jobs.map((j) => j.step)).toEqual(['third', 'second']);
  });

  it('writes the upload, the excluded fields and the settings where the background reads them', async () => {
    const source = storeSource(db);
    const uploadId = await source.putUpload('deals.csv', 'a,b\n1,2\n');
    expect((await getUpload(db, uploadId)).text).toBe('a,b\n1,2\n');

    await replaceConnectionData(db, connection('a'), [opp('1'), opp('2', { isClosed: true })], mapping('a', ['industry', 'country']));
    expect((await source.setExcludedFields('a', ['country'])).excluded).toEqual(['country']);
    expect((await getFieldMapping(db, 'a'))?.excluded).toEqual(['country']);
    await source.setExcludedFields('a', [], ['industry']);
    expect(await getFieldMapping(db, 'a')).toMatchObject({ excluded: [], kept: ['industry'] });
    expect((await source.listOpportunities('a')).map((o) => o.id).sort()).toEqual(['1', '2']);

    await source.connectionSettings('a').set('salesforce.years', 5);
    expect(await connectionSettings(db, 'a').get('salesforce.years')).toBe(5);
    expect(await source.connectionSettings('a').get('salesforce.years')).toBe(5);
    expect(await source.listConnectionSetting('salesforce.years')).toEqual([['a', 5]]);
    await source.setSetting('alerts.notifyAtRisk', true);
    expect(await getSetting(db, 'alerts.notifyAtRisk')).toBe(true);
    expect(await source.getSetting('alerts.notifyAtRisk')).toBe(true);
  });

  it('exports one connection or all, and deletes a connection with its settings', async () => {
    const source = storeSource(db);
    await replaceConnectionData(db, connection('a', 'A'), [opp('1')], mapping('a'));
    await replaceConnectionData(db, connection('b', 'B'), [opp('2')], mapping('b'));
    expect(await source.exportCsv('a')).toBe(await exportScoredCsv(db, 'a'));
    expect(await source.exportCsv()).toBe(await exportScoredCsv(db));
    expect(await source.exportCsv('a')).not.toBe(await source.exportCsv());

    await source.connectionSettings('a').set('salesforce.years', 5);
    await source.deleteConnection('a');
    expect((await listConnections(db)).map((c) => c.id)).toEqual(['b']);
    expect(await source.listConnectionSetting('salesforce.years')).toEqual([]);
  });

  it('revokes a Salesforce OAuth sign-in at Salesforce before deleting its connection, and deletes it anyway when Salesforce cannot be told', async () => {
    const redirect = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
    const sf = createSalesforceSandbox({ opportunities: 5, apiAccessControl: true, oauthApps: [{ clientId: '3MVG9Key', callbackUrls: [redirect] }] });
    const signIn = async () => {
      const env = connectorEnv(db, {
        fetch: (url, init) => sf.fetch(url, init),
        launchWebAuthFlow: sandboxAuthWindow(sf.fetch, sf.sid),
        redirectUrl: redirect,
      });
      const connected = await salesforceConnector.connect({ oauth: { clientId: '3MVG9Key', loginHost: 'acme.my.salesforce.com' } }, env);
      if (!connected.ok) throw new Error(connected.error);
      await replaceConnectionData(db, connection(connected.connectionId, 'Acme'), [opp('1')], mapping(connected.connectionId));
      return connected.connectionId;
    };

    const first = await signIn();
    expect(await storeSource(db, (url, init) => sf.fetch(url, init)).deleteConnection(first)).toEqual({ notUndone: null });
    expect(sf.requests.filter((r) => r.path === '/services/oauth2/revoke').map((r) => r.url)).toEqual([
      'https://acme.my.salesforce.com/services/oauth2/revoke',
    ]);
    expect(sf.oauth.snapshot().refreshTokens.map((t) => t.revoked)).toEqual([true]);
    expect(await listConnections(db)).toEqual([]);
    expect(await connectionSettings(db, first).get('salesforce.oauth')).toBeNull();

    // Offline: the connection goes all the same, and the page is told the token is still live at Salesforce.
    const second = await signIn();
    const offline = storeSource(db, async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await offline.deleteConnection(second)).toEqual({ notUndone: OAUTH_MESSAGES.noReply('acme.my.salesforce.com') });
    expect(await listConnections(db)).toEqual([]);
    expect(await connectionSettings(db, second).get('salesforce.oauth')).toBeNull();
    expect(sf.oauth.snapshot().refreshTokens.map((t) => t.revoked)).toEqual([true, false]);
  });

  it('reviews a file in a worker of its own, with the CSV deals stored now, and ends the worker', async () => {
    await replaceConnectionData(db, connection('csv', 'old.csv'), [opp('1'), opp('2'), opp('3')], mapping('csv'));
    // The worker's side in this thread: the review module behind Comlink, as workers/csv-review.worker.ts exposes it.
    const workers: Array<{ terminated: boolean }> = [];
    const createWorker = (): Worker => {
      const { port1, port2 } = new MessageChannel();
      Comlink.expose({ review: (bytes: ArrayBuffer) => reviewCsv(bytes) }, port2);
      const worker = Object.assign(port1, {
        terminated: false,
        terminate: () => {
          worker.terminated = true;
          port1.close();
          port2.close();
        },
      });
      workers.push(worker);
      return worker as unknown as Worker;
    };
    const source = storeSource(db, undefined, createWorker);
    const bytes = new TextEncoder().encode('Opportunity ID,Stage\n1,Dead\n2,Closed Won\n').buffer;
    const answer = await source.reviewCsv('deals.csv', bytes);
    expect(answer).toMatchObject({ ok: true, stored: 3, review: { opportunities: 2, rejected: 0, encoding: 'UTF-8' } });
    expect(answer.ok && answer.review.stageMap.map((e) => [e.stage, e.outcome, e.basis])).toEqual([
      ['Dead', 'lost', 'proposed'],
      ['Closed Won', 'won', 'label'],
    ]);
    // The page keeps its bytes for the upload.
    expect(bytes.byteLength).toBeGreaterThan(0);
    const refused = await source.reviewCsv('unicode.csv', Uint8Array.of(0x41, 0, 0x42, 0, 0x0a, 0).buffer);
    expect(refused).toEqual({ ok: false, message: expect.stringMatching(/^The file looks like UTF-16 LE text without a byte-order mark/) });
    expect(workers.map((w) => w.terminated)).toEqual([true, true]);
  });
});
