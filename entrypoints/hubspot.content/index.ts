/**
 * Dealsight on HubSpot: the panels on deal record pages (in the record's left sidebar,
 * or floating) and chips on the deals board and list, through the shared overlay
 * (components/overlay) with HubSpot's adapter.
 */
import '../../components/overlay/overlay.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { runOverlay } from '../../components/overlay/run';
import { HUBSPOT_HOSTS } from '../../lib/crm/hubspot/hosts';
import { withE2E } from '../../lib/crm/shared/hosts';
import { hubspotAdapter } from './adapter';

const IS_E2E = import.meta.env.MODE === 'e2e';

export default defineContentScript({
  // The app and its regional hosts from HubSpot's host table (lib/crm/hubspot/hosts.ts); the e2e build adds localhost (design.md).
  matches: withE2E(HUBSPOT_HOSTS.overlay, IS_E2E),
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  main(ctx) {
    runOverlay(ctx, hubspotAdapter({ localhost: IS_E2E }));
  },
});
