/**
 * Runs the sandbox Salesforce server until interrupted, for manual runs:
 *
 *   node bin/run-ts.mjs sandbox/salesforce/cli.ts --port 5173 --seed 7 --opportunities 2000
 *
 * Options: --port, --host, --seed, --opportunities, --api-version, --render-delay <ms>,
 * --today <YYYY-MM-DD>, --api-limit <n>, --multi-currency, --no-territories, --no-hostile, --csp.
 */
import { parseArgs } from 'node:util';
import { numberOption as number, runServer, serveUntilStopped } from '../kit/cli';
import { startSalesforceServer } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5173' },
    host: { type: 'string' },
    seed: { type: 'string' },
    opportunities: { type: 'string' },
    'api-version': { type: 'string' },
    'render-delay': { type: 'string' },
    today: { type: 'string' },
    'api-limit': { type: 'string' },
    'multi-currency': { type: 'boolean', default: false },
    'no-territories': { type: 'boolean', default: false },
    'no-hostile': { type: 'boolean', default: false },
    csp: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  process.stdout.write(
    'usage: cli.ts [--port 5173] [--host 127.0.0.1] [--seed 7] [--opportunities 2000] [--api-version 62.0]\n' +
      '              [--render-delay 100] [--today YYYY-MM-DD] [--api-limit 15000]\n' +
      '              [--multi-currency] [--no-territories] [--no-hostile] [--csp]\n',
  );
  process.exit(0);
}

await runServer(async () => {
  const server = await startSalesforceServer({
    port: number('port', values.port),
    ...(values.host === undefined ? {} : { host: values.host }),
    seed: number('seed', values.seed),
    opportunities: number('opportunities', values.opportunities),
    ...(values['api-version'] === undefined ? {} : { apiVersion: values['api-version'] }),
    renderDelayMs: number('render-delay', values['render-delay']),
    ...(values.today === undefined ? {} : { today: values.today }),
    apiLimit: number('api-limit', values['api-limit']),
    multiCurrency: values['multi-currency'],
    territories: !values['no-territories'],
    hostile: !values['no-hostile'],
    contentSecurityPolicy: values.csp,
  });
  const open = server.org.opportunities.find((o) => !o.isClosed);
  serveUntilStopped(server, [
    `Sandbox Salesforce at ${server.url} (org ${server.orgId}, ${server.org.opportunities.length} opportunities, as of ${server.org.asOf})`,
    `  log in:       ${server.loginUrl()}`,
    `  list view:    ${server.listUrl()}`,
    ...(open === undefined ? [] : [`  a record:     ${server.recordUrl(open.id)}`]),
    `  REST API:     ${server.apiUrl('/')}   (Authorization: Bearer <sid>)`,
    `  session id:   ${server.sid}`,
    `  faults:       curl -X POST ${server.url}/__sandbox/faults -H 'content-type: application/json' -d '{"kind":"rate-limit","times":2}'`,
  ]);
});
