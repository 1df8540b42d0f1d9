/**
 * Dealsight on HubSpot: the panels on deal record pages (in the record's left sidebar,
 * or floating) and chips on the deals board and list, through the shared overlay
 * (components/overlay) with HubSpot's adapter.
 */
import '../../components/overlay/overlay.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { runOverlay } from '../../components/overlay/run';
import { HUBSPOT_APP_MATCHES } from '../../lib/crm/hubspot/hosts';
import { hubspotAdapter } from './adapter';

/** The app and its regional hosts (lib/crm/hubspot/hosts.ts). */
const PRODUCTION_MATCHES = [...HUBSPOT_APP_MATCHES];
/** design.md: the e2e build also matches localhost, where the sandbox HubSpot stands in. */
const E2E_MATCHES = ['http://localhost/*', 'http://127.0.0.1/*'];
const IS_E2E = import.meta.env.MODE === 'e2e';

export default defineContentScript({
  matches: IS_E2E ? [...PRODUCTION_MATCHES, ...E2E_MATCHES] : PRODUCTION_MATCHES,
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  main(ctx) {
    runOverlay(ctx, hubspotAdapter({ localhost: IS_E2E }));
  },
});
