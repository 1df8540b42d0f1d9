/**
 * Dealsight on Salesforce: the panels on opportunity record pages and chips on opportunity
 * list views, through the shared overlay (components/overlay) with Salesforce's adapter.
 * Each page's features get an AbortSignal and are torn down on navigation and on the
 * context's invalidation.
 */
import '../../components/overlay/overlay.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { runOverlay } from '../../components/overlay/run';
import { salesforceAdapter } from './adapter';

/** Lightning hosts, My Domain and Classic instance hosts (`*.salesforce.com` covers `*.my.salesforce.com`); lib/crm/salesforce/hosts.ts decides the rest. */
const PRODUCTION_MATCHES = ['https://*.lightning.force.com/*', 'https://*.salesforce.com/*', 'https://*.my.salesforce.mil/*'];
/** design.md: the e2e build also matches localhost, where the sandbox CRM stands in for Salesforce. */
const E2E_MATCHES = ['http://localhost/*', 'http://127.0.0.1/*'];
const IS_E2E = import.meta.env.MODE === 'e2e';

export default defineContentScript({
  matches: IS_E2E ? [...PRODUCTION_MATCHES, ...E2E_MATCHES] : PRODUCTION_MATCHES,
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  main(ctx) {
    runOverlay(ctx, salesforceAdapter({ localhost: IS_E2E }));
  },
});
