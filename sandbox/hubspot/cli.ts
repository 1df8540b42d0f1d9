/**
 * Runs the sandbox HubSpot server until interrupted, for manual runs:
 *
 *   node bin/run-ts.mjs sandbox/hubspot/cli.ts --port 5174 --seed 7 --opportunities 2000
 *
 * Options: --port, --host, --seed, --opportunities, --token, --portal-id,
 * --render-delay <ms>, --search-per-second <n>, --no-hostile.
 */
import { parseArgs } from 'node:util';
import { numberOption as number, runServer, serveUntilStopped } from '../kit/cli';
import { startHubSpotServer } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5174' },
    host: { type: 'string' },
    seed: { type: 'string' },
    opportunities: { type: 'string' },
    token: { type: 'string' },
    'portal-id': { type: 'string' },
    'render-delay': { type: 'string' },
    'search-per-second': { type: 'string' },
    'no-hostile': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  process.stdout.write(
    'usage: cli.ts [--port 5174] [--host 127.0.0.1] [--seed 7] [--opportunities 2000] [--token pat-na1-…]\n' +
      '              [--portal-id n] [--render-delay 100] [--search-per-second 5] [--no-hostile]\n',
  );
  process.exit(0);
}

await runServer(async () => {
  const server = await startHubSpotServer({
    port: number('port', values.port),
    ...(values.host === undefined ? {} : { host: values.host }),
    seed: number('seed', values.seed),
    opportunities: number('opportunities', values.opportunities),
    ...(values.token === undefined ? {} : { token: values.token }),
    portalId: number('portal-id', values['portal-id']),
    renderDelayMs: number('render-delay', values['render-delay']),
    searchPerSecond: number('search-per-second', values['search-per-second']),
    hostile: !values['no-hostile'],
  });
  const open = server.org.opportunities.find((o) => !o.isClosed);
  serveUntilStopped(server, [
    `Sandbox HubSpot at ${server.url} (Hub ID ${server.portalId}, ${server.org.opportunities.length} deals, as of ${server.org.asOf})`,
    `  deals board:  ${server.boardUrl()}`,
    `  deals list:   ${server.listUrl()}`,
    ...(open === undefined ? [] : [`  a deal:       ${server.recordUrl(open.id)}`]),
    `  CRM API:      ${server.url}/crm/objects/2026-09/deals/search   (Authorization: Bearer <token>)`,
    `  Service Key:  ${server.serviceKey}`,
    `  private app:  ${server.token}`,
    `  faults:       curl -X POST ${server.url}/__sandbox/faults -H 'content-type: application/json' -d '{"kind":"rate-limit","times":2}'`,
  ]);
});
