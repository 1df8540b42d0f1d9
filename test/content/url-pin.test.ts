/**
 * What a tab's CRM instance is pinned to (issue 13, one HubSpot portal per tab), on the
 * content side: the document's own address from its navigation timing entry (never the
 * URL a `pushState` showed since), the first URL naming a portal where that address named
 * none, and HubSpot's adapter naming the portal of any app page.
 */
import { describe, expect, it } from 'vitest';
import { documentUrlOf } from '../../components/overlay/document-url';
import { createUrlPin } from '../../components/overlay/url-pin';
import { hubspotAdapter } from '../../entrypoints/hubspot.content/adapter';
import { portalOfUrl } from '../../lib/crm/hubspot/pages';

const X = 'https://app.hubspot.com/contacts/4215837/record/0-3/18837465210';
const Y = 'https://app.hubspot.com/contacts/9900112/record/0-3/555';

/** A window whose navigation entry is `entry` (or none) and whose URL is now `now`. */
function windowAt(now: string, entry: string | null | (() => never)) {
  return {
    location: new URL(now) as unknown as Location,
    performance: {
      getEntriesByType: (type: string) => {
        expect(type).toBe('navigation');
        if (typeof entry === 'function') return entry();
        return entry === null ? [] : [{ name: entry } as PerformanceEntry];
      },
    },
  };
}

describe('documentUrlOf', () => {
  it('is the address the document was loaded at, whatever the page pushed since', () => {
    expect(documentUrlOf(windowAt(Y, X))).toBe(X);
    expect(documentUrlOf(windowAt(X, X))).toBe(X);
  });

  it('falls back to the URL now when there is no entry, the entry is on another origin or not http(s), or the timeline throws', () => {
    expect(documentUrlOf(windowAt(Y, null))).toBe(Y);
    expect(documentUrlOf(windowAt(Y, 'https://app-eu1.hubspot.com/contacts/1/record/0-3/2'))).toBe(Y);
    expect(documentUrlOf(windowAt(Y, 'about:blank'))).toBe(Y);
    expect(
      documentUrlOf(
        windowAt(Y, () => {
          throw new Error('no timeline');
        }),
      ),
    ).toBe(Y);
    expect(documentUrlOf({ location: new URL(Y) as unknown as Location })).toBe(Y);
  });
});

describe('createUrlPin', () => {
  const instanceOf = (url: string) => portalOfUrl(url);

  it("pins to the document's address when it names a portal: a URL of another portal seen later changes nothing", () => {
    const pin = createUrlPin(X, instanceOf);
    expect(pin.url).toBe(X);
    pin.see(Y);
    expect(pin.url).toBe(X);
  });

  it('pins to the first URL naming a portal when the document was loaded at one naming none', () => {
    const pin = createUrlPin('https://app.hubspot.com/', instanceOf);
    expect(pin.url).toBeNull();
    pin.see('https://app.hubspot.com/myaccounts-beta');
    expect(pin.url).toBeNull();
    const reports = 'https://app.hubspot.com/reports-dashboard/4215837/view/123';
    pin.see(reports);
    pin.see(Y);
    expect(pin.url).toBe(reports);
  });

  it("pins to the document's address for a CRM whose URLs name no instance, and takes a throwing adapter for one naming none", () => {
    const salesforce = 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdEAAV/view';
    const pin = createUrlPin(salesforce);
    pin.see('https://acme.lightning.force.com/lightning/o/Opportunity/list');
    expect(pin.url).toBe(salesforce);
    const broken = createUrlPin(X, () => {
      throw new Error('broken');
    });
    broken.see(Y);
    expect(broken.url).toBeNull();
  });
});

describe("HubSpot's pages name their portal", () => {
  it('on every app page (the second path segment), on the app hosts and the e2e build’s localhost only', () => {
    expect(portalOfUrl(X)).toBe('4215837');
    expect(portalOfUrl('https://app-eu1.hubspot.com/contacts/26345621/objects/0-3/views/all/board')).toBe('26345621');
    expect(portalOfUrl('https://app.hubspot.com/prospecting/4215837')).toBe('4215837');
    expect(portalOfUrl('https://app.hubspot.com/reports-dashboard/4215837/view/123')).toBe('4215837');
    expect(portalOfUrl('https://app.hubspot.com/settings/4215837/integrations/service-keys')).toBe('4215837');
    expect(portalOfUrl('https://app-eu1.hubspot.com/search/147403835/search?query=x')).toBe('147403835');
    for (const none of [
      'https://app.hubspot.com/',
      'https://app.hubspot.com/contacts/portal/deal/12',
      'https://app.hubspot.com/myaccounts-beta',
      'https://app.hubspot.com/contacts/4215837x/record/0-3/1',
      'https://www.hubspot.com/contacts/4215837/record/0-3/1',
      'https://evil.example/contacts/4215837/record/0-3/1',
      'not a url',
    ])
      expect(portalOfUrl(none), none).toBeNull();
    expect(portalOfUrl('http://127.0.0.1:4100/contacts/123456/record/0-3/1', { localhost: true })).toBe('123456');
    expect(portalOfUrl('http://127.0.0.1:4100/contacts/123456/record/0-3/1', { localhost: false })).toBeNull();
  });

  it("is what HubSpot's adapter tells the overlay", () => {
    const adapter = hubspotAdapter({ localhost: true });
    expect(adapter.instanceOf?.(X)).toBe('4215837');
    expect(adapter.instanceOf?.('http://localhost:4200/prospecting/123456/deals')).toBe('123456');
    expect(adapter.instanceOf?.('http://localhost:4200/')).toBeNull();
  });
});
