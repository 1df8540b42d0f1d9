/**
 * What a tab's CRM instance is pinned to (issue 13, "one HubSpot portal per tab"): every
 * HubSpot portal shares the app's origin and names itself in the URL's path, so a page of
 * portal X can `pushState` to a portal-Y deal URL. The content script sends the pin with
 * every question (lib/messages.ts `pinnedUrl`) and the background answers the tab for the
 * instance the pin names only.
 *
 * The pin is the address the document was loaded at (document-url.ts) when it names an
 * instance: what the server rendered this document for, which no same-document navigation
 * changes. A document loaded at an address that names none (the app's root) is pinned to
 * the first URL it showed that does. A CRM whose URLs name no instance (`instanceOf`
 * absent: Salesforce's org is its host) is pinned to the document's address.
 *
 * No public source shows a HubSpot page declaring its hub id in the DOM
 * (../shared/crm-evidence.md lists none), so the address is what the page declares.
 */
export interface UrlPin {
  /** A URL the tab showed: the pin, if nothing pinned the tab yet and it names an instance. */
  see(url: string): void;
  /** The pinned URL; null while the tab showed no URL naming an instance. */
  readonly url: string | null;
}

/**
 * `instanceOf` is the adapter's (components/overlay/adapter.ts): it reads a URL only, and
 * one that throws counts as naming nothing.
 */
export function createUrlPin(documentUrl: string, instanceOf?: (url: string) => string | null): UrlPin {
  const names = (url: string): boolean => {
    try {
      return instanceOf!(url) !== null;
    } catch {
      return false;
    }
  };
  let pinned: string | null = instanceOf === undefined || names(documentUrl) ? documentUrl : null;
  return {
    see(url) {
      if (pinned === null && names(url)) pinned = url;
    },
    get url() {
      return pinned;
    },
  };
}
