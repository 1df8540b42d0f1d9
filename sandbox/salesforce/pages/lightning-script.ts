/**
 * The Lightning pages' own script: what makes the sandbox's pages behave like Lightning's
 * single-page app, in standard navigation and in a console app (layout.ts has the markup).
 * HubSpot's pages use the kit's simpler script (../../kit/spa-script.ts); Lightning's
 * differs in what matters to an overlay:
 * - content renders after a delay (Lightning builds the page client-side): a page host
 *   gets `.active` only once its content is in;
 * - in-app navigation changes the URL first and swaps the page in after the delay, the
 *   previous page staying on screen meanwhile (the overlay must not take it for the new
 *   record's); up to `keepHidden` earlier pages stay in the stage, hidden (`.oneContent`
 *   without `.active`), and come back when revisited;
 * - a console app keeps every workspace tab and subtab in the DOM; switching tabs (the tab
 *   bar, or `focusTab` from a test) pushes the tab's URL, then shows its section after the
 *   delay. Records opened from a record's workspace open as its subtabs, with the
 *   workspace in the URL's `ws` parameter, as the console does; from a list or home, in a
 *   workspace tab of their own;
 * - list views load more rows when scrolled to the end (or on "Load more");
 * - the header's Theme button toggles SLDS 2's dark scheme class on `<body>`.
 * Tests in the page's main world call `window[globalName].navigate(url)` and
 * `.focusTab(index)`, and wait for `document.documentElement.dataset.sandboxState === 'ready'`
 * or the `sandbox:pagechange` event. All markup it inserts comes from the server, escaped
 * there; tab labels are set as text.
 */
export interface LightningScriptConfig {
  /** Earlier pages kept hidden in a standard app's stage. */
  keepHidden: number;
  /** Query parameters that are page options (never part of a page's identity). */
  optionParams: readonly string[];
  /** The cookie remembering the theme. */
  themeCookie: string;
  /** `window[globalName].navigate(url)`. */
  globalName: string;
}

export function lightningScript(config: LightningScriptConfig): string {
  return `(${SCRIPT})(${JSON.stringify(config).replace(/</g, '\\u003c')});`;
}

const SCRIPT = String.raw`
function (config) {
  'use strict';
  var root = document.documentElement;
  var body = document.body;
  var delay = Number(root.dataset.renderDelay || 0);
  var isConsole = body.getAttribute('data-sandbox-app') === 'console';
  var navigation = 0;
  function slice(list) { return Array.prototype.slice.call(list); }
  function first(list, test) { return slice(list).filter(test)[0] || null; }
  function later(fn) { if (delay > 0) setTimeout(fn, delay); else fn(); }

  function skeleton(name) {
    var el = document.getElementById('sandbox-skeletons').content.querySelector('[data-sandbox-skeleton="' + name + '"]').cloneNode(true);
    el.removeAttribute('data-sandbox-skeleton');
    return el;
  }
  function parse(markup) {
    var doc = new DOMParser().parseFromString('<!doctype html><body>' + markup, 'text/html');
    return slice(doc.body.childNodes).map(function (n) { return document.adoptNode(n); });
  }
  function fetchPage(url) {
    return fetch(url, { headers: { 'X-Sandbox-Fragment': 'page' }, credentials: 'same-origin' }).then(function (res) {
      if (!res.ok) throw new Error('HTTP ' + res.status);
      return res.json();
    });
  }
  // As layout.ts's canonicalUrl: the page's identity without the option parameters, ws apart.
  function canonical(url) {
    var u = new URL(url, location.href);
    config.optionParams.forEach(function (p) { u.searchParams.delete(p); });
    var ws = u.searchParams.get('ws');
    u.searchParams.delete('ws');
    var path = u.pathname + u.search;
    return { path: path, ws: ws, url: ws === null ? path : path + (u.search ? '&' : '?') + 'ws=' + encodeURIComponent(ws) };
  }
  function setReady(on) { root.dataset.sandboxState = on ? 'ready' : 'loading'; }
  function markNav(kind) {
    document.querySelectorAll('[data-sandbox-nav]').forEach(function (item) {
      item.classList.toggle('slds-is-active', item.getAttribute('data-sandbox-nav') === kind);
    });
  }
  function shown(host) {
    document.title = host.getAttribute('data-sandbox-title') || document.title;
    markNav(host.getAttribute('data-sandbox-kind') || '');
    setReady(true);
    observeLoadMore(host);
    document.dispatchEvent(new CustomEvent('sandbox:pagechange', { detail: { url: location.pathname + location.search } }));
  }
  function fillHost(host, page) {
    host.setAttribute('data-sandbox-title', page.title);
    host.setAttribute('data-sandbox-kind', page.kind);
    host.replaceChildren.apply(host, parse(page.html));
  }
  // The pages the server sent, rendered now.
  function mountInitial() {
    document.querySelectorAll('[data-sandbox-pending]').forEach(function (host) {
      var template = host.querySelector(':scope > template[data-sandbox-content]');
      if (template) template.replaceWith(template.content);
      if (host.getAttribute('data-sandbox-pending') === 'active') host.classList.add('active');
      host.removeAttribute('data-sandbox-pending');
    });
  }

  // Standard navigation: one stage, the page on screen .active, earlier ones hidden.
  var stage = document.querySelector('.oneCenterStage');
  function pages() { return stage ? slice(stage.querySelectorAll(':scope > .lafPageHost')) : []; }
  function spinner(on) {
    var box = stage && stage.querySelector(':scope > .slds-spinner_container');
    if (box) box.hidden = !on;
  }
  function activate(host) {
    pages().forEach(function (el) { if (el !== host) el.classList.remove('active'); });
    host.classList.add('active');
    var others = pages().filter(function (el) { return el !== host; });
    while (others.length > config.keepHidden) others.shift().remove();
    spinner(false);
    shown(host);
  }
  function navigateStandard(url, push) {
    var c = canonical(url);
    var token = ++navigation;
    if (push) history.pushState({ sandbox: true }, '', url);
    setReady(false);
    spinner(true);
    var cached = first(pages(), function (el) { return el.getAttribute('data-sandbox-url') === c.path; });
    if (cached) {
      later(function () { if (token === navigation) activate(cached); });
      return Promise.resolve();
    }
    return fetchPage(url).then(function (page) {
      later(function () {
        if (token !== navigation) return;
        var host = skeleton('page-host');
        host.setAttribute('data-sandbox-url', c.path);
        fillHost(host, page);
        stage.appendChild(host);
        activate(host);
      });
    }).catch(function () { if (token === navigation) location.assign(url); });
  }

  // A console app: workspace tabs, each with subtabs, all kept in the DOM.
  var split = document.querySelector('.split-right');
  var wsBar = document.querySelector('[data-sandbox-bar="workspace"]');
  function workspaces() { return split ? slice(split.querySelectorAll(':scope > section[data-sandbox-workspace]')) : []; }
  function subtabsOf(w) { return slice(w.querySelectorAll('section[data-sandbox-subtab]')); }
  function barOf(w) { return w.querySelector('[data-sandbox-bar="subtab"]'); }
  function hostOf(s) { return s.querySelector(':scope > .lafPageHost'); }
  function itemOf(bar, target) { return first(bar.children, function (li) { return li.getAttribute('data-sandbox-target') === target; }); }
  function focusedWorkspace() { return first(workspaces(), function (w) { return w.classList.contains('active'); }); }
  function currentSubtab(w) { return first(subtabsOf(w), function (s) { return s.classList.contains('active'); }) || subtabsOf(w)[0]; }
  function setSection(section, on) {
    section.classList.toggle('active', on);
    section.setAttribute('aria-expanded', on ? 'true' : 'false');
  }
  function setItem(li, on) {
    if (!li) return;
    li.classList.toggle('slds-is-active', on);
    var a = li.querySelector('a');
    a.setAttribute('aria-selected', on ? 'true' : 'false');
    a.tabIndex = on ? 0 : -1;
  }
  function label(li, title) {
    if (!li) return;
    var name = String(title).split(' | ')[0];
    var a = li.querySelector('a');
    a.title = name;
    a.querySelector('.title').textContent = name;
    li.querySelector('.close button').title = 'Close ' + name;
  }
  function focusTab(w, s) {
    workspaces().forEach(function (x) {
      setSection(x, x === w);
      setItem(itemOf(wsBar, x.getAttribute('data-sandbox-workspace')), x === w);
    });
    subtabsOf(w).forEach(function (x) {
      setSection(x, x === s);
      setItem(itemOf(barOf(w), x.getAttribute('data-sandbox-url')), x === s);
    });
    shown(hostOf(s));
  }
  function addWorkspace(primary) {
    var w = skeleton('workspace');
    w.setAttribute('data-sandbox-workspace', primary);
    split.appendChild(w);
    var li = skeleton('tab');
    li.setAttribute('data-sandbox-target', primary);
    li.querySelector('a').setAttribute('href', primary);
    wsBar.appendChild(li);
    return w;
  }
  function addSubtab(w, url) {
    var s = skeleton('subtab');
    s.setAttribute('data-sandbox-url', url);
    w.querySelector('[data-sandbox-subtabs]').appendChild(s);
    var li = skeleton('tab');
    li.setAttribute('data-sandbox-target', url);
    li.querySelector('a').setAttribute('href', url);
    barOf(w).appendChild(li);
    return s;
  }
  function load(w, s, path) {
    return fetchPage(path).then(function (page) {
      var host = hostOf(s);
      fillHost(host, page);
      host.classList.add('active');
      label(itemOf(barOf(w), s.getAttribute('data-sandbox-url')), page.title);
      if (s === subtabsOf(w)[0]) label(itemOf(wsBar, w.getAttribute('data-sandbox-workspace')), page.title);
    });
  }
  function openConsole(url, push) {
    var c = canonical(url);
    var token = ++navigation;
    var primary = c.ws === null ? c.path : c.ws;
    if (push) history.pushState({ sandbox: true }, '', url);
    setReady(false);
    var pending = [];
    var w = first(workspaces(), function (x) { return x.getAttribute('data-sandbox-workspace') === primary; });
    if (!w) {
      w = addWorkspace(primary);
      pending.push(load(w, addSubtab(w, primary), primary));
    }
    var s = first(subtabsOf(w), function (x) { return x.getAttribute('data-sandbox-url') === c.url; });
    if (!s) {
      s = addSubtab(w, c.url);
      pending.push(load(w, s, c.path));
    }
    return Promise.all(pending).then(function () {
      later(function () { if (token === navigation) focusTab(w, s); });
    }).catch(function () { if (token === navigation) location.assign(url); });
  }
  // Switching tabs: the URL at once, the tab's page after the render delay.
  function switchTo(w, s) {
    var token = ++navigation;
    history.pushState({ sandbox: true }, '', s.getAttribute('data-sandbox-url'));
    setReady(false);
    return new Promise(function (resolve) {
      later(function () {
        if (token === navigation) focusTab(w, s);
        resolve();
      });
    });
  }

  function navigate(url, push) { return isConsole ? openConsole(url, push) : navigateStandard(url, push); }

  function loadMore(button) {
    if (button.disabled) return;
    button.disabled = true;
    var host = button.closest('.lafPageHost');
    var url = new URL(host.getAttribute('data-sandbox-url') || location.href, location.href);
    url.searchParams.set('offset', button.getAttribute('data-next-offset') || '0');
    fetch(url.pathname + url.search, { headers: { 'X-Sandbox-Fragment': 'rows' }, credentials: 'same-origin' })
      .then(function (res) { return res.json(); })
      .then(function (page) {
        var table = host.querySelector('[data-sandbox-rows]');
        var doc = new DOMParser().parseFromString('<!doctype html><table><tbody>' + page.rows + '</tbody></table>', 'text/html');
        var rows = slice(doc.querySelectorAll('tbody > tr'));
        rows.forEach(function (tr) { table.appendChild(document.adoptNode(tr)); });
        if (page.nextOffset === null) button.remove();
        else { button.setAttribute('data-next-offset', String(page.nextOffset)); button.disabled = false; }
        document.dispatchEvent(new CustomEvent('sandbox:rowsloaded', { detail: { count: rows.length } }));
      })
      .catch(function () { button.disabled = false; });
  }
  var observer = 'IntersectionObserver' in window ? new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) { if (entry.isIntersecting) loadMore(entry.target); });
  }) : null;
  function observeLoadMore(host) {
    if (!observer || !host) return;
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
        var darkClass = body.getAttribute('data-sandbox-dark-class');
        var dark = !body.classList.contains(darkClass);
        body.classList.toggle(darkClass, dark);
        document.cookie = config.themeCookie + '=' + (dark ? 'dark' : 'light') + '; Path=/; SameSite=Lax';
      } else if (name === 'load-more') {
        loadMore(action);
      }
      event.preventDefault();
      return;
    }
    if (isConsole) {
      var tab = target.closest('li[data-sandbox-target]');
      if (tab) {
        event.preventDefault();
        if (target.closest('.close')) return; // closing a tab is not modelled
        var targetUrl = tab.getAttribute('data-sandbox-target');
        if (tab.parentElement === wsBar) {
          var w = first(workspaces(), function (x) { return x.getAttribute('data-sandbox-workspace') === targetUrl; });
          if (w) switchTo(w, currentSubtab(w));
        } else {
          var ws = tab.closest('section[data-sandbox-workspace]');
          var s = ws && first(subtabsOf(ws), function (x) { return x.getAttribute('data-sandbox-url') === targetUrl; });
          if (s) switchTo(ws, s);
        }
        return;
      }
    }
    var link = target.closest('a[href]');
    if (!link || link.target || link.hasAttribute('download')) return;
    var url = new URL(link.href, location.href);
    if (url.origin !== location.origin || url.pathname.indexOf('/lightning/') !== 0) return;
    event.preventDefault();
    var next = url.pathname + url.search;
    if (isConsole) {
      var focused = focusedWorkspace();
      var from = focused ? focused.getAttribute('data-sandbox-workspace') : null;
      if (from && from.indexOf('/lightning/r/') === 0 && url.pathname.indexOf('/lightning/r/') === 0 && canonical(next).path !== from) {
        next = next + (url.search ? '&' : '?') + 'ws=' + encodeURIComponent(from);
      }
      openConsole(next, true);
    } else if (next !== location.pathname + location.search) {
      navigateStandard(next, true);
    }
  });
  window.addEventListener('popstate', function () { navigate(location.pathname + location.search, false); });

  window[config.globalName] = {
    navigate: function (url) { return navigate(url, true); },
    focusTab: function (index) {
      var w = workspaces()[index];
      if (!w) return Promise.reject(new Error(isConsole ? 'no console tab ' + index : 'not a console app'));
      return switchTo(w, currentSubtab(w));
    },
    tabs: function () { return workspaces().map(function (w) { return w.getAttribute('data-sandbox-workspace'); }); },
  };

  var prerendered = document.querySelectorAll('[data-sandbox-pending]').length === 0;
  if (!prerendered) setReady(false);
  later(function () {
    mountInitial();
    spinner(false);
    var host = isConsole ? (focusedWorkspace() && hostOf(currentSubtab(focusedWorkspace()))) : first(pages(), function (el) { return el.classList.contains('active'); });
    if (host) shown(host);
    else setReady(true);
  });
}
`;
