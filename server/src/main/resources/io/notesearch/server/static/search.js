/*
 * notesearch search page: results as you type, from /search on the same server.
 * No dependencies and no requests anywhere else.
 */
(function () {
  'use strict';

  /** Quiet time after the last keystroke before searching. */
  var DEBOUNCE_MS = 150;

  /** Hits asked for per search. */
  var PAGE = 20;

  /** Facet chips shown per kind. */
  var MAX_CHIPS = { tags: 12, categories: 6 };

  /**
   * Calls onQuery(text) when the text of an input settles: delayMs after the last input event, and
   * never while an IME composition is in progress. A Korean syllable being composed (ㄹ → 라 → 람)
   * is not a query yet, so input events between compositionstart and compositionend are ignored;
   * compositionend searches at once with the finished text. The same text is never searched twice
   * in a row (browsers differ in whether an input event follows compositionend).
   *
   * Returns {flush(), forget()}: flush searches now, if the text changed, and says whether it did;
   * forget makes the next text count as new.
   */
  function watchQuery(input, onQuery, delayMs) {
    var delay = delayMs == null ? DEBOUNCE_MS : delayMs;
    var composing = false;
    var timer = null;
    var last = null;

    function cancel() {
      if (timer !== null) {
        clearTimeout(timer);
        timer = null;
      }
    }
    function fire() {
      cancel();
      var text = input.value;
      if (text === last) {
        return false;
      }
      last = text;
      onQuery(text);
      return true;
    }
    input.addEventListener('compositionstart', function () {
      composing = true;
      cancel();
    });
    input.addEventListener('compositionend', function () {
      composing = false;
      fire();
    });
    input.addEventListener('input', function (e) {
      if (composing || e.isComposing) {
        return;
      }
      cancel();
      timer = setTimeout(fire, delay);
    });
    return {
      flush: fire,
      forget: function () { last = null; }
    };
  }

  /** Whether a key event belongs to an IME composition (Enter that commits a syllable, …). */
  function isComposingKey(e) {
    return e.isComposing || e.keyCode === 229;
  }

  /** The note page of a hit, at its section. */
  function noteUrl(hit) {
    var path = hit.path.split('/').map(encodeURIComponent).join('/');
    if (path.charAt(0) !== '/') {
      path = '/' + path;
    }
    return '/notes' + path + (hit.anchor ? '#' + encodeURIComponent(hit.anchor) : '');
  }

  /**
   * The snippet as text and <mark> nodes. Snippets come marked with ** (as in `search --json`);
   * a pair counts only when what it encloses is one of the hit's matched words, so a literal **
   * in the note (Python's **kwargs) stays text.
   */
  function snippetNodes(snippet, matches) {
    var words = new Set(matches || []);
    var out = document.createDocumentFragment();
    var start = 0;
    var i = 0;
    while (i < snippet.length) {
      if (snippet.startsWith('**', i)) {
        var j = snippet.indexOf('**', i + 2);
        while (j >= 0 && !(words.size === 0 ? j > i + 2 : words.has(snippet.substring(i + 2, j)))) {
          j = snippet.indexOf('**', j + 1);
        }
        if (j >= 0) {
          out.appendChild(document.createTextNode(snippet.substring(start, i)));
          var mark = document.createElement('mark');
          mark.textContent = snippet.substring(i + 2, j);
          out.appendChild(mark);
          i = j + 2;
          start = i;
          continue;
        }
      }
      i++;
    }
    out.appendChild(document.createTextNode(snippet.substring(start)));
    return out;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text != null) {
      node.textContent = text;
    }
    return node;
  }

  function start() {
    var input = document.getElementById('notesearch-q');
    var form = document.getElementById('notesearch-form');
    var list = document.getElementById('notesearch-results');
    var status = document.getElementById('notesearch-status');
    var filters = document.getElementById('notesearch-filters');

    var params = new URLSearchParams(location.search);
    var state = {
      tags: params.getAll('tag'),
      category: params.get('category') || '',
      hits: [],
      facets: null,
      selected: -1,
      openFirst: false,
      seq: 0,
      inflight: null
    };
    input.value = params.get('q') || '';

    var watcher = watchQuery(input, search);

    function updateUrl() {
      var p = new URLSearchParams();
      if (input.value) {
        p.set('q', input.value);
      }
      state.tags.forEach(function (t) { p.append('tag', t); });
      if (state.category) {
        p.set('category', state.category);
      }
      var qs = p.toString();
      history.replaceState(null, '', qs ? '/?' + qs : '/');
    }

    function search() {
      updateUrl();
      var q = input.value.trim();
      var seq = ++state.seq;
      if (state.inflight) {
        state.inflight.abort();
        state.inflight = null;
      }
      if (!q) {
        show({ hits: [], total: 0, facets: null, rewrite: null }, '');
        return;
      }
      var p = new URLSearchParams();
      p.set('q', q);
      p.set('n', String(PAGE));
      state.tags.forEach(function (t) { p.append('tag', t); });
      if (state.category) {
        p.set('category', state.category);
      }
      var controller = new AbortController();
      state.inflight = controller;
      document.body.classList.add('busy');
      fetch('/search?' + p.toString(), { signal: controller.signal, headers: { Accept: 'application/json' } })
        .then(function (response) {
          return response.json().then(function (body) { return { ok: response.ok, body: body }; });
        })
        .then(function (answer) {
          if (seq !== state.seq) {
            return; // a newer search was started: its answer wins
          }
          document.body.classList.remove('busy');
          if (!answer.ok) {
            showError(answer.body && answer.body.error ? answer.body.error : 'search failed');
          } else {
            show(answer.body, q);
          }
        })
        .catch(function (e) {
          if (e.name !== 'AbortError' && seq === state.seq) {
            document.body.classList.remove('busy');
            showError('cannot reach notesearch (' + e.message + ')');
          }
        });
    }

    function showError(message) {
      state.hits = [];
      state.openFirst = false;
      list.replaceChildren();
      status.className = 'status error';
      status.textContent = message;
      input.setAttribute('aria-expanded', 'false');
    }

    function show(body, q) {
      state.hits = body.hits;
      state.facets = body.facets;
      status.className = 'status';
      if (!q) {
        status.textContent = '';
      } else if (body.hits.length === 0) {
        status.textContent = 'no sections match [' + q + ']';
      } else {
        var ms = body.took_ms < 10 ? body.took_ms.toFixed(1) : String(Math.round(body.took_ms));
        var text = body.total + (body.total === 1 ? ' section' : ' sections') + ' · ' + ms + ' ms';
        if (body.rewrite && body.rewrite.reason === 'keyboard_layout') {
          text = 'searched [' + body.rewrite.query + '] instead (typed with the other input mode?) · ' + text;
        } else if (body.rewrite && body.rewrite.reason === 'spelling') {
          text = 'no match as typed; showing [' + body.rewrite.query + '] · ' + text;
        } else if (body.rewrite && body.rewrite.reason === 'completion') {
          text = 'words starting with the last one: [' + body.rewrite.query + '] · ' + text;
        }
        status.textContent = text;
      }
      renderFilters();
      list.replaceChildren();
      body.hits.forEach(function (hit, i) {
        list.appendChild(renderHit(hit, i));
      });
      input.setAttribute('aria-expanded', body.hits.length ? 'true' : 'false');
      select(body.hits.length ? 0 : -1);
      if (state.openFirst) {
        state.openFirst = false;
        open(0);
      }
    }

    function renderHit(hit, i) {
      var item = el('li', 'hit');
      item.id = 'notesearch-hit-' + i;
      item.setAttribute('role', 'option');
      item.dataset.path = hit.path;
      item.dataset.anchor = hit.anchor;
      var link = el('a', 'hit-link');
      link.href = noteUrl(hit);
      link.tabIndex = -1;
      var crumbs = el('div', 'crumbs');
      crumbs.appendChild(el('span', 'title', hit.title));
      // The title once when the first heading repeats it, as the command line prints it.
      var headings = hit.headings.length > 0 && hit.headings[0] === hit.title ? hit.headings.slice(1) : hit.headings;
      headings.forEach(function (h) {
        crumbs.appendChild(el('span', 'sep', ' › '));
        crumbs.appendChild(el('span', 'heading', h));
      });
      link.appendChild(crumbs);
      var where = el('div', 'where');
      where.appendChild(el('span', 'path', hit.path + ':' + hit.line));
      if (hit.date) {
        where.appendChild(el('span', 'date', hit.date));
      }
      hit.tags.forEach(function (t) { where.appendChild(el('span', 'tag', '#' + t)); });
      link.appendChild(where);
      if (hit.snippet) {
        var p = el('p', 'snippet');
        p.appendChild(snippetNodes(hit.snippet, hit.matches));
        link.appendChild(p);
      }
      item.appendChild(link);
      item.addEventListener('mousemove', function () {
        if (state.selected !== i) {
          select(i);
        }
      });
      return item;
    }

    function chip(kind, value, count, active) {
      var b = el('button', 'chip ' + kind + (active ? ' active' : ''));
      b.type = 'button';
      b.setAttribute('aria-pressed', active ? 'true' : 'false');
      b.dataset.kind = kind;
      b.dataset.value = value;
      b.appendChild(el('span', 'chip-label', (kind === 'tag' ? '#' : '') + value));
      if (count != null) {
        b.appendChild(el('span', 'chip-count', String(count)));
      }
      b.addEventListener('click', function () {
        if (kind === 'tag') {
          var at = state.tags.indexOf(value);
          if (at >= 0) {
            state.tags.splice(at, 1);
          } else {
            state.tags.push(value);
          }
        } else {
          state.category = state.category === value ? '' : value;
        }
        watcher.forget();
        watcher.flush();
        input.focus();
      });
      return b;
    }

    function renderFilters() {
      filters.replaceChildren();
      var facets = state.facets || { tags: {}, categories: {} };
      var shownTags = [];
      state.tags.forEach(function (t) {
        filters.appendChild(chip('tag', t, facets.tags[t], true));
        shownTags.push(t);
      });
      if (state.category) {
        filters.appendChild(chip('category', state.category, facets.categories[state.category], true));
      }
      Object.keys(facets.categories).slice(0, MAX_CHIPS.categories).forEach(function (c) {
        if (c !== state.category) {
          filters.appendChild(chip('category', c, facets.categories[c], false));
        }
      });
      Object.keys(facets.tags).slice(0, MAX_CHIPS.tags).forEach(function (t) {
        if (shownTags.indexOf(t) < 0) {
          filters.appendChild(chip('tag', t, facets.tags[t], false));
        }
      });
    }

    function select(i) {
      var items = list.children;
      if (state.selected >= 0 && items[state.selected]) {
        items[state.selected].setAttribute('aria-selected', 'false');
      }
      state.selected = i;
      if (i >= 0 && items[i]) {
        items[i].setAttribute('aria-selected', 'true');
        items[i].scrollIntoView({ block: 'nearest' });
        input.setAttribute('aria-activedescendant', items[i].id);
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function open(i) {
      if (i >= 0 && state.hits[i]) {
        location.href = noteUrl(state.hits[i]);
      }
    }

    input.addEventListener('keydown', function (e) {
      if (isComposingKey(e)) {
        return; // the IME is using this key (Enter commits a syllable, arrows move inside it)
      }
      var n = state.hits.length;
      if (e.key === 'ArrowDown' && n) {
        e.preventDefault();
        select((state.selected + 1) % n);
      } else if (e.key === 'ArrowUp' && n) {
        e.preventDefault();
        select((state.selected - 1 + n) % n);
      } else if (e.key === 'Enter') {
        e.preventDefault();
        if (watcher.flush()) {
          state.openFirst = true; // typed faster than the debounce: open the first hit of this text
        } else {
          open(state.selected);
        }
      } else if (e.key === 'Escape') {
        input.value = '';
        watcher.flush();
      }
    });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
    });
    document.addEventListener('keydown', function (e) {
      if (e.key === '/' && document.activeElement !== input) {
        e.preventDefault();
        input.focus();
        input.select();
      }
    });

    if (input.value.trim()) {
      watcher.flush();
    }
  }

  window.notesearch = { watchQuery: watchQuery, snippetNodes: snippetNodes, noteUrl: noteUrl };
  if (document.getElementById('notesearch-q')) {
    start();
  }
})();
