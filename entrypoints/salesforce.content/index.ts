/**
 * Dealsight on Salesforce: the panels on opportunity record pages and chips on opportunity
 * list views, through the shared overlay (components/overlay) with Salesforce's adapter.
 * Each page's features get an AbortSignal and are torn down on navigation and on the
 * context's invalidation.
 */
import '../../components/overlay/overlay.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { runOverlay } from '../../components/overlay/run';
import { SALESFORCE_HOSTS } from '../../lib/crm/salesforce/hosts';
import { withE2E } from '../../lib/crm/shared/hosts';
import { salesforceAdapter } from './adapter';

const IS_E2E = import.meta.env.MODE === 'e2e';

export default defineContentScript({
  // The app's pages from Salesforce's host table (lib/crm/salesforce/hosts.ts); the e2e build adds localhost (design.md).
  matches: withE2E(SALESFORCE_HOSTS.overlay, IS_E2E),
  // Salesforce's own sites under the instance hosts' `*.salesforce.com` (www, login, help, Trailhead, …): not an org.
  excludeMatches: [...(SALESFORCE_HOSTS.overlayExclude ?? [])],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  main(ctx) {
    runOverlay(ctx, salesforceAdapter({ localhost: IS_E2E }));
  },
});
