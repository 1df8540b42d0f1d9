/**
 * The pages' own script, which makes a sandbox CRM's pages behave like its single-page app:
 * - content renders after a delay (the CRM builds the page client-side, so its record
 *   header is not in the DOM when the document loads);
 * - clicks on links under the app's path change the URL with `history.pushState` and swap
 *   the content in place, fetched as a fragment (`X-Sandbox-Fragment: page`; a page the
 *   server answers 404, such as another portal's, too); back and forward work through
 *   `popstate`;
 * - like Lightning, up to `keepHidden` earlier pages can stay in the DOM, hidden
 *   (`[hidden]`), and come back when revisited: only the `.active` content host is the
 *   page on screen; or, like HubSpot (`keepPreviousVisible`), the page on screen stays
 *   there, unchanged, under the new URL until the next page replaces it;
 * - list views load more rows when scrolled to the end (or on a "Load more" button);
 * - a header button toggles dark mode, remembered in a cookie.
 * Tests in the page's main world can call `window[globalName].navigate(url)` and wait for
 * `document.documentElement.dataset.sandboxState === 'ready'` or the `sandbox:pagechange`
 * event. All markup it inserts comes from the server, escaped there.
 */
export interface SpaConfig {
  /** id of the element the content hosts go in. */
  stageId: string;
  /** Class names of a content host. */
  hostClass: string;
  /** Earlier pages kept hidden in the DOM (Lightning keeps some; HubSpot none). */
  keepHidden: number;
  /** Same-origin links whose path starts with one of these navigate in place. */
  appPaths: string[];
  /** Navigation items: their selector, the attribute naming their page kind, and the active class. */
  nav: { selector: string; kindAttribute: string; activeClass: string };
  /** Earlier pages stay on screen under the new URL until the next one is mounted (then they are removed). */
  keepPreviousVisible?: boolean;
  /**
   * Dark mode: classes toggled on <html>, and the cookie remembering it. `marker: false`
   * leaves out `data-theme` on <html> (a CRM with no theme marker: only its colours change,
   * through `darkStyle`, an inline style on <html> while dark).
   */
  theme: { darkClasses: string[]; cookie: string; marker?: boolean; darkStyle?: string };
  /** The spinner's container and spinner classes. */
  spinner: { containerClass: string; spinnerClass: string };
  /** `window[globalName].navigate(url)`. */
  globalName: string;
}

/** A page and its fragment share a URL: never let a cache hand one out for the other. */
export const FRAGMENT_HEADERS = { 'Cache-Control': 'no-store', Vary: 'X-Sandbox-Fragment' } as const;

/** What the page script fetches on single-page navigation (`X-Sandbox-Fragment: page`). */
export function pageFragment<Kind extends string>(page: { title: string; kind: Kind; body: { value: string } }): { title: string; kind: Kind; html: string } {
  return { title: page.title, kind: page.kind, html: page.body.value };
}

/** The script for a page, with its configuration. */
export function spaScript(config: SpaConfig): string {
  return `(${SPA_SCRIPT})(${JSON.stringify(config).replace(/</g, '\\u003c')});`;
}

const SPA_SCRIPT = String.raw`
function (config) {
  'use strict';
  var root = document.documentElement;
  var stage = document.getElementById(config.stageId);
  var delay = Number(root.dataset.renderDelay || 0);
  var MAX_HIDDEN = config.keepHidden;
  var navigation = 0;

  function contents() {
    return Array.prototype.slice.call(stage.querySelectorAll(':scope > [data-sandbox-url]'));
  }
  function spinner(on) {
    var existing = stage.querySelector(':scope > .' + config.spinner.containerClass.split(' ')[0]);
    if (on && !existing) {
      var box = document.createElement('div');
      box.className = config.spinner.containerClass;
      box.setAttribute('role', 'status');
      var spin = document.createElement('div');
      spin.className = config.spinner.spinnerClass;
      box.appendChild(spin);
      stage.appendChild(box);
    } else if (!on && existing) {
      existing.remove();
    }
    stage.setAttribute('aria-busy', on ? 'true' : 'false');
    root.dataset.sandboxState = on ? 'loading' : 'ready';
  }
  function markNav(kind) {
    document.querySelectorAll(config.nav.selector).forEach(function (item) {
      item.classList.toggle(config.nav.activeClass, item.getAttribute(config.nav.kindAttribute) === kind);
    });
  }
  function activate(host, title, kind) {
    contents().forEach(function (el) {
      if (el !== host) { el.classList.remove('active'); el.hidden = true; }
    });
    host.hidden = false;
    host.classList.add('active');
    var hidden = contents().filter(function (el) { return el !== host; });
    while (hidden.length > MAX_HIDDEN) hidden.shift().remove();
    document.title = title;
    markNav(kind);
    spinner(false);
    observeLoadMore(host);
    document.dispatchEvent(new CustomEvent('sandbox:pagechange', { detail: { url: location.pathname + location.search } }));
  }
  function mount(url, title, kind, nodes) {
    var host = document.createElement('div');
    host.className = config.hostClass;
    host.setAttribute('data-sandbox-url', url);
    host.setAttribute('data-sandbox-title', title);
    host.setAttribute('data-sandbox-kind', kind);
    host.append.apply(host, nodes);
    stage.appendChild(host);
    activate(host, title, kind);
  }
  function parse(markup) {
    var doc = new DOMParser().parseFromString('<!doctype html><body>' + markup, 'text/html');
    return Array.prototype.slice.call(doc.body.childNodes).map(function (n) { return document.adoptNode(n); });
  }
  function darkCookie() {
    return document.cookie.split(';').some(function (c) { return c.trim() === config.theme.cookie + '=dark'; });
  }
  function later(fn) { if (delay > 0) setTimeout(fn, delay); else fn(); }

  function navigate(url, push) {
    var token = ++navigation;
    if (push) history.pushState({ sandbox: true }, '', url);
    if (!config.keepPreviousVisible) contents().forEach(function (el) { el.classList.remove('active'); el.hidden = true; });
    spinner(true);
    var cached = contents().filter(function (el) { return el.getAttribute('data-sandbox-url') === url; })[0];
    if (cached) {
      later(function () {
        if (token === navigation) activate(cached, cached.getAttribute('data-sandbox-title') || document.title, cached.getAttribute('data-sandbox-kind') || '');
      });
      return Promise.resolve();
    }
    // A fragment is mounted whatever its status: like the app, a page it cannot show (a 404) is
    // shown in place. Only a reply that is no fragment loads the URL as a document.
    return fetch(url, { headers: { 'X-Sandbox-Fragment': 'page' }, credentials: 'same-origin' })
      .then(function (res) {
        return res.json().then(function (page) {
          if (!page || typeof page.html !== 'string') throw new Error('HTTP ' + res.status);
          return page;
        });
      })
      .then(function (page) {
        later(function () { if (token === navigation) mount(url, page.title, page.kind, parse(page.html)); });
      })
      .catch(function () { if (token === navigation) location.assign(url); });
  }

  function loadMore(button) {
    if (button.disabled) return;
    button.disabled = true;
    var url = new URL(location.href);
    url.searchParams.set('offset', button.getAttribute('data-next-offset') || '0');
    fetch(url.pathname + url.search, { headers: { 'X-Sandbox-Fragment': 'rows' }, credentials: 'same-origin' })
      .then(function (res) { return res.json(); })
      .then(function (page) {
        var table = button.closest('[data-sandbox-url]').querySelector('tbody.sandbox-rows');
        var doc = new DOMParser().parseFromString('<!doctype html><table><tbody>' + page.rows + '</tbody></table>', 'text/html');
        Array.prototype.slice.call(doc.querySelectorAll('tbody > tr')).forEach(function (tr) { table.appendChild(document.adoptNode(tr)); });
        if (page.nextOffset === null) button.remove();
        else { button.setAttribute('data-next-offset', String(page.nextOffset)); button.disabled = false; }
        document.dispatchEvent(new CustomEvent('sandbox:rowsloaded', { detail: { count: doc.querySelectorAll('tbody > tr').length } }));
      })
      .catch(function () { button.disabled = false; });
  }
  var observer = 'IntersectionObserver' in window ? new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) { if (entry.isIntersecting) loadMore(entry.target); });
  }) : null;
  function observeLoadMore(host) {
    if (!observer) return;
    host.querySelectorAll('.sandbox-load-more').forEach(function (b) { observer.observe(b); });
  }

  document.addEventListener('click', function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    var action = target.closest('[data-sandbox-action]');
    if (action) {
      var name = action.getAttribute('data-sandbox-action');
      if (name === 'toggle-theme') {
        var dark = config.theme.marker === false ? !darkCookie() : root.dataset.theme !== 'dark';
        config.theme.darkClasses.forEach(function (name) { root.classList.toggle(name, dark); });
        if (config.theme.marker !== false) root.dataset.theme = dark ? 'dark' : 'light';
        if (config.theme.darkStyle) { if (dark) root.setAttribute('style', config.theme.darkStyle); else root.removeAttribute('style'); }
        document.cookie = config.theme.cookie + '=' + (dark ? 'dark' : 'light') + '; Path=/; SameSite=Lax';
      } else if (name === 'load-more') {
        loadMore(action);
      }
      event.preventDefault();
      return;
    }
    var link = target.closest('a[href]');
    if (!link || link.target || link.hasAttribute('download')) return;
    var url = new URL(link.href, location.href);
    if (url.origin !== location.origin || !config.appPaths.some(function (p) { return url.pathname.indexOf(p) === 0; })) return;
    event.preventDefault();
    if (url.pathname + url.search === location.pathname + location.search) return;
    navigate(url.pathname + url.search, true);
  });
  window.addEventListener('popstate', function () { navigate(location.pathname + location.search, false); });

  window[config.globalName] = { navigate: function (url) { return navigate(url, true); } };

  var template = document.getElementById('sandbox-page');
  spinner(true);
  later(function () {
    mount(location.pathname + location.search, template.getAttribute('data-title') || document.title, template.getAttribute('data-kind') || '', [template.content.cloneNode(true)]);
    template.remove();
  });
}
`;
