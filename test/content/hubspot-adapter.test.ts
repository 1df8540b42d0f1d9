// @vitest-environment happy-dom
/**
 * HubSpot's pages for the shared overlay: which pages get features, where the panels go
 * (the record's left sidebar, never another record's page), which links get chips (board
 * cards, list rows, or any deal link on markup without HubSpot's test ids), the theme.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { findAnchor, hubspotAdapter, listLinks, pageKey } from '../../entrypoints/hubspot.content/adapter';
import { setHtml } from './salesforce-fixture';

const ORIGIN = 'http://localhost:4200';
const PORTAL = '38855314';
const record = (id: string) => `${ORIGIN}/contacts/${PORTAL}/record/0-3/${id}`;

/** Test markup (fixtures only: the overlay itself never parses HTML). */
const setBody = (html: string): void => setHtml(document.body, html);

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.removeAttribute('data-theme');
});

describe('HubSpot adapter', () => {
  it('keys deal pages by portal and deal, the deals index by view; other pages get nothing', () => {
    expect(pageKey(record('9001'), true)).toBe(`record:${PORTAL}:9001`);
    expect(pageKey(`${ORIGIN}/contacts/${PORTAL}/deal/9001`, true)).toBe(`record:${PORTAL}:9001`);
    expect(pageKey(`${ORIGIN}/contacts/${PORTAL}/objects/0-3/views/all/board`, true)).toBe(`list:${PORTAL}:board:all`);
    expect(pageKey(`${ORIGIN}/contacts/${PORTAL}/record/0-2/77`, true)).toBeNull();
    expect(pageKey(record('9001'), false)).toBeNull();
    expect(pageKey(`https://app-eu1.hubspot.com/contacts/${PORTAL}/record/0-3/9001`, false)).toBe(`record:${PORTAL}:9001`);
  });

  it("anchors after the highlight card of this deal's record page only", () => {
    setBody(
      `<div data-test-id="record-page" data-record-id="1"><aside data-test-id="left-sidebar"><div data-selenium-test="highlightedPropertySidebar">Old</div></aside></div>`,
    );
    expect(findAnchor(document, `record:${PORTAL}:2`)).toBeNull();
    setBody(
      `<div data-test-id="record-page" data-record-id="2"><aside data-test-id="left-sidebar"><div data-card-type="OBJECT_HIGHLIGHT" data-selenium-test="highlightedPropertySidebar">New</div><section>About</section></aside></div>`,
    );
    expect(findAnchor(document, `record:${PORTAL}:2`)?.element.textContent).toBe('New');
  });

  it("finds board cards' and list rows' deal links, and any deal link on other markup", () => {
    setBody(
      `<nav><a href="/contacts/${PORTAL}/record/0-3/1">Recent deal</a></nav>` +
        `<ul><li data-test-id="deal-card" data-deal-id="11"><a data-test-id="deal-card-title" href="/contacts/${PORTAL}/record/0-3/11">A</a></li></ul>` +
        `<table data-test-id="crm-object-table"><tbody><tr data-row-key="12"><td><a data-test-id="record-link" href="/contacts/${PORTAL}/record/0-3/12">B</a></td></tr></tbody></table>`,
    );
    expect(listLinks(document, true).map((l) => l.id)).toEqual(['11', '12']);
    setBody(
      `<nav><a href="/contacts/${PORTAL}/record/0-3/1">Recent</a></nav><main><a href="/contacts/${PORTAL}/record/0-3/21">C</a><a href="/contacts/${PORTAL}/record/0-2/5">Company</a><a href="/contacts/${PORTAL}/deal/22">D</a></main>`,
    );
    expect(listLinks(document, true).map((l) => l.id)).toEqual(['21', '22']);
  });

  it("follows HubSpot's dark theme, and links similar deals on the same portal", () => {
    const adapter = hubspotAdapter({ localhost: true });
    // No marker: null, and the overlay reads the page's colours instead.
    expect(adapter.isDark(document)).toBeNull();
    document.documentElement.setAttribute('data-theme', 'dark');
    expect(adapter.isDark(document)).toBe(true);
    history.replaceState(null, '', `/contacts/${PORTAL}/record/0-3/9001`);
    expect(adapter.recordUrl(location.origin, '9002')).toBe(`${location.origin}/contacts/${PORTAL}/record/0-3/9002`);
    expect(adapter.recordUrl(location.origin, '0065g00000AbCdEAAV')).toBeNull();
  });
});
