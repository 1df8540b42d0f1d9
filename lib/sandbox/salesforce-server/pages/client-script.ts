/**
 * The pages' own script, which makes them behave like Lightning's single-page app:
 * - content renders after a delay (Lightning builds the page client-side, so the
 *   highlights panel is not in the DOM when the document loads);
 * - clicks on `/lightning/…` links change the URL with `history.pushState` and swap the
 *   content in place, fetched as a fragment (`X-Sandbox-Fragment: page`); back/forward
 *   work through `popstate`;
 * - like Lightning, up to three earlier pages stay in the DOM, hidden
 *   (`.oneContent[hidden]`), and come back when revisited: only `.oneContent.active` is
 *   the page on screen;
 * - list views load more rows when scrolled to the end (or on the "Load more" button);
 * - a header button toggles dark mode.
 * Tests in the page's main world can call `window.sandboxLightning.navigate(url)` and wait
 * for `document.documentElement.dataset.sandboxState === 'ready'` or the
 * `sandbox:pagechange` event. All markup it inserts comes from the server, escaped there.
 */
export const CLIENT_SCRIPT = String.raw`
(function () {
  'use strict';
  var root = document.documentElement;
  var stage = document.getElementById('oneCenterStage');
  var delay = Number(root.dataset.renderDelay || 0);
  var MAX_HIDDEN = 3;
  var navigation = 0;

  function contents() {
    return Array.prototype.slice.call(stage.querySelectorAll(':scope > .oneContent'));
  }
  function spinner(on) {
    var existing = stage.querySelector(':scope > .slds-spinner_container');
    if (on && !existing) {
      var box = document.createElement('div');
      box.className = 'slds-spinner_container';
      box.setAttribute('role', 'status');
      var spin = document.createElement('div');
      spin.className = 'slds-spinner';
      box.appendChild(spin);
      stage.appendChild(box);
    } else if (!on && existing) {
      existing.remove();
    }
    stage.setAttribute('aria-busy', on ? 'true' : 'false');
    root.dataset.sandboxState = on ? 'loading' : 'ready';
  }
  function markNav(kind) {
    document.querySelectorAll('.slds-context-bar__item').forEach(function (item) {
      item.classList.toggle('slds-is-active', item.getAttribute('data-nav') === kind);
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
    host.className = 'oneContent windowViewMode-normal';
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
  function later(fn) { if (delay > 0) setTimeout(fn, delay); else fn(); }

  function navigate(url, push) {
    var token = ++navigation;
    if (push) history.pushState({ sandbox: true }, '', url);
    contents().forEach(function (el) { el.classList.remove('active'); el.hidden = true; });
    spinner(true);
    var cached = contents().filter(function (el) { return el.getAttribute('data-sandbox-url') === url; })[0];
    if (cached) {
      later(function () {
        if (token === navigation) activate(cached, cached.getAttribute('data-sandbox-title') || document.title, cached.getAttribute('data-sandbox-kind') || '');
      });
      return Promise.resolve();
    }
    return fetch(url, { headers: { 'X-Sandbox-Fragment': 'page' }, credentials: 'same-origin' })
      .then(function (res) { if (!res.ok) throw new Error('HTTP ' + res.status); return res.json(); })
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
        var table = button.closest('.oneContent').querySelector('tbody.sandbox-rows');
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
        var dark = !root.classList.contains('slds-color-scheme_dark');
        root.classList.toggle('slds-color-scheme_dark', dark);
        root.dataset.theme = dark ? 'dark' : 'light';
        document.cookie = 'sandbox_theme=' + (dark ? 'dark' : 'light') + '; Path=/; SameSite=Lax';
      } else if (name === 'load-more') {
        loadMore(action);
      }
      event.preventDefault();
      return;
    }
    var link = target.closest('a[href]');
    if (!link || link.target || link.hasAttribute('download')) return;
    var url = new URL(link.href, location.href);
    if (url.origin !== location.origin || url.pathname.indexOf('/lightning/') !== 0) return;
    event.preventDefault();
    if (url.pathname + url.search === location.pathname + location.search) return;
    navigate(url.pathname + url.search, true);
  });
  window.addEventListener('popstate', function () { navigate(location.pathname + location.search, false); });

  window.sandboxLightning = { navigate: function (url) { return navigate(url, true); } };

  var template = document.getElementById('sandbox-page');
  spinner(true);
  later(function () {
    mount(location.pathname + location.search, template.getAttribute('data-title') || document.title, template.getAttribute('data-kind') || '', [template.content.cloneNode(true)]);
    template.remove();
  });
})();
`;
