/* Reference edition, reader side: copy paragraph links, highlight the cited
 * paragraph, and search. No external requests: everything comes from this site. */
(function () {
  "use strict";

  var root = document.querySelector(".gwr-search");
  var LANG = (root && root.getAttribute("data-gwr-lang")) || document.documentElement.lang || "zh";
  var T = {
    zh: { copied: "已复制链接：", results: "共 {n} 条结果", none: "没有找到结果", loading: "正在载入索引……",
          copyPara: "复制本段链接" },
    en: { copied: "Link copied: ", results: "{n} results", none: "No results", loading: "Loading index…",
          copyPara: "Copy the link to this paragraph" }
  }[LANG.slice(0, 2)] || null;
  if (!T) T = { copied: "Link copied: ", results: "{n} results", none: "No results", loading: "Loading…",
                copyPara: "Copy the link to this paragraph" };

  /* ---------- paragraph links ---------- */

  function toast(text) {
    var el = document.querySelector(".gwr-toast");
    if (!el) {
      el = document.createElement("div");
      el.className = "gwr-toast";
      el.setAttribute("role", "status");
      document.body.appendChild(el);
    }
    el.textContent = text;
    el.classList.add("gwr-toast--show");
    clearTimeout(el._t);
    el._t = setTimeout(function () { el.classList.remove("gwr-toast--show"); }, 2200);
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { fallbackCopy(text); });
    }
    fallbackCopy(text);
    return Promise.resolve();
  }

  function fallbackCopy(text) {
    var ta = document.createElement("textarea");
    ta.value = text;
    ta.setAttribute("readonly", "");
    ta.style.position = "fixed";
    ta.style.opacity = "0";
    document.body.appendChild(ta);
    ta.select();
    try { document.execCommand("copy"); } catch (e) { /* the address bar still shows the link */ }
    document.body.removeChild(ta);
  }

  function highlight(id) {
    var old = document.querySelectorAll(".gwr-target");
    for (var i = 0; i < old.length; i++) old[i].classList.remove("gwr-target");
    if (!id) return null;
    var el = document.getElementById(id);
    if (el) el.classList.add("gwr-target");
    return el;
  }

  function fromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = highlight(id);
    if (el) el.scrollIntoView({ block: "start" });
  }

  document.addEventListener("click", function (ev) {
    var a = ev.target.closest && ev.target.closest("a.gwr-pn, a.headerlink");
    if (!a) return;
    ev.preventDefault();
    var id = a.getAttribute("href").slice(1);
    var url = location.href.split("#")[0] + "#" + id;
    history.replaceState(null, "", "#" + id);
    highlight(id);
    copy(url).then(function () { toast(T.copied + url); });
  });

  /* A paragraph number's title is set when it is pointed at or focused (not written on every paragraph). */
  function pnTitle(ev) {
    var a = ev.target.closest && ev.target.closest("a.gwr-pn");
    if (a && !a.title) a.title = T.copyPara + " · " + a.getAttribute("href").slice(1);
  }
  document.addEventListener("pointerover", pnTitle);
  document.addEventListener("focusin", pnTitle);

  window.addEventListener("hashchange", fromHash);
  if (location.hash) {
    if (document.readyState === "complete") fromHash();
    else window.addEventListener("load", fromHash);
  }

  /* ---------- reading view: English / 中英对照 / 中文, remembered per edition ---------- */

  var EDITION = LANG.slice(0, 2);
  function setView(v, save) {
    document.documentElement.setAttribute("data-gwr-view", v);
    var buttons = document.querySelectorAll(".gwr-views button");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute("aria-pressed", String(buttons[i].getAttribute("data-gwr-view") === v));
    }
    if (save) { try { localStorage.setItem("gwr-view-" + EDITION, v); } catch (e) { /* private mode */ } }
  }
  setView(document.documentElement.getAttribute("data-gwr-view") || EDITION, false);
  document.addEventListener("click", function (ev) {
    var b = ev.target.closest && ev.target.closest(".gwr-views button");
    if (b) setView(b.getAttribute("data-gwr-view"), true);
  });

  otherLanguage();

  /* The language switch lands on the same paragraph: carry the #anchor over. */
  document.addEventListener("click", function (ev) {
    var a = ev.target.closest && ev.target.closest("a.gwr-alt");
    if (a && location.hash) a.setAttribute("href", a.getAttribute("href").split("#")[0] + location.hash);
  }, true);

  /* ---------- the other language of a page, loaded on demand (page weight) ----------
   * A report page (and a city's theme timeline) carries its edition's language; the other language of its
   * paragraphs (of its excerpts) is a script beside the page (named by the page's .gwr-other marker) that
   * hands {element id: html} to window.gwrOther. It is loaded as soon as the view (data-gwr-view, set before the first paint
   * from the saved choice, or by the view buttons) shows the other language. Inserted before the
   * load event, a script delays it: a page opened in the parallel view is complete when it loads. */
  function otherLanguage() {
    var marker = document.querySelector(".gwr-other[data-src]");
    if (!marker) return;
    var html = document.documentElement, requested = false;
    function insert(data) {
      Object.keys(data.blocks).forEach(function (id) {
        var el = document.getElementById(id);
        if (!el || el.querySelector(":scope > .gwr-" + data.lang)) return;
        var own = el.querySelectorAll(":scope > .gwr-" + EDITION);
        if (own.length) own[own.length - 1].insertAdjacentHTML("afterend", data.blocks[id]);
      });
      html.setAttribute("data-gwr-other", "loaded");
    }
    var queued = Array.isArray(window.gwrOther) ? window.gwrOther : [];
    window.gwrOther = { push: insert };
    queued.forEach(insert);
    function load() {
      var view = html.getAttribute("data-gwr-view") || EDITION;
      if (requested || view === EDITION) return;
      requested = true;
      var s = document.createElement("script");
      s.src = marker.getAttribute("data-src");
      document.head.appendChild(s);
    }
    load();
    new MutationObserver(load).observe(html, { attributes: true, attributeFilter: ["data-gwr-view"] });
  }

  /* ---------- glossary terms of a report page, marked from a script beside it (page weight) ----------
   * The page holds its text; where its glossary terms are is in a script beside it (named by the .gwr-marks
   * marker) that hands {glossary: address, blocks: {block id: [[start, length, "category/id"], ...]}} to
   * window.gwrTerms: offsets in the block's text content. Each becomes the link the page used to carry,
   * a.gwr-term to the glossary entry; and {figs: {block id: [title, ...]}}, the titles of its figure links.
   * Loaded at once: inserted before the load event, it delays it. */
  function termMarks() {
    var queued = Array.isArray(window.gwrTerms) ? window.gwrTerms : [];
    window.gwrTerms = { push: markTerms };
    queued.forEach(markTerms);
    var marker = document.querySelector(".gwr-marks[data-src]");
    if (!marker || marker.hasAttribute("data-gwr-requested")) return;
    marker.setAttribute("data-gwr-requested", "");
    var s = document.createElement("script");
    s.src = marker.getAttribute("data-src");
    document.head.appendChild(s);
  }

  function markTerms(data) {
    Object.keys(data.blocks).forEach(function (id) {
      var el = document.getElementById(id);
      if (!el || el.hasAttribute("data-gwr-marked")) return;
      el.setAttribute("data-gwr-marked", "");
      var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT), nodes = [], starts = [], pos = 0, n;
      while ((n = walker.nextNode())) { nodes.push(n); starts.push(pos); pos += n.data.length; }
      var marks = data.blocks[id];
      /* from the last to the first: a text node is only ever cut after the marks still to come */
      for (var k = marks.length - 1; k >= 0; k--) {
        var start = marks[k][0], end = start + marks[k][1], i = nodes.length - 1;
        while (i > 0 && starts[i] > start) i--;
        if (!nodes[i] || start - starts[i] >= nodes[i].data.length) continue;
        var a = document.createElement("a");
        a.className = "gwr-term";
        a.setAttribute("href", data.glossary + marks[k][2].replace("/", "/#term-"));
        var r = document.createRange();
        r.setStart(nodes[i], start - starts[i]);
        var j = i;
        while (j < nodes.length - 1 && starts[j] + nodes[j].data.length < end) j++;
        r.setEnd(nodes[j], Math.min(end - starts[j], nodes[j].data.length));
        a.appendChild(r.extractContents());
        r.insertNode(a);
      }
    });
    /* the titles of the blocks' figure links (Growth of GDP · 2025 · target), in the order of the links; links of
     * the other language, loaded on demand, carry their own */
    Object.keys(data.figs || {}).forEach(function (id) {
      var el = document.getElementById(id);
      if (!el) return;
      var links = el.querySelectorAll("a.gwr-fig:not([title])"), titles = data.figs[id];
      for (var i = 0; i < links.length && i < titles.length; i++) links[i].title = titles[i];
    });
    document.documentElement.setAttribute("data-gwr-terms", "marked");
    prefetchTips();
  }

  /* ---------- glossary tooltips: on hover, keyboard focus and tap ----------
   * The renderings and explanations of a category's terms are a file beside its glossary page
   * (glossary/<category>/tips.json: {id: [rendering, explanation]}), fetched once the page's terms are marked
   * (or at the first hover or focus of a term, if sooner) and kept by the browser for the next page.
   * One tooltip element (role=tooltip) is shared; the term points to it with aria-describedby while it shows.
   * Mouse: shows on hover and stays while the pointer is on the term or the tooltip (WCAG 1.4.13).
   * Keyboard: shows on focus, Escape hides it. Touch: the first tap shows it, a second tap follows the link. */

  var TIP_TEXT = {
    zh: { again: "再点一次打开术语表条目" },
    en: { again: "Tap again to open the glossary entry" }
  }[EDITION] || { again: "Tap again to open the glossary entry" };

  var tips = {};  /* tips.json address -> {data} once loaded, {waiting: [callbacks]} while loading */

  function tipsUrl(a) { return a.href.split("#")[0] + "tips.json"; }

  function loadTips(url, then) {
    var entry = tips[url];
    if (entry && entry.data) { if (then) then(entry.data); return; }
    if (entry) { if (then) entry.waiting.push(then); return; }
    entry = tips[url] = { waiting: then ? [then] : [] };
    if (!window.fetch) return;
    fetch(url).then(function (r) { return r.ok ? r.json() : {}; }).catch(function () { return {}; })
      .then(function (data) {
        entry.data = data;
        entry.waiting.forEach(function (f) { f(data); });
        entry.waiting = [];
      });
  }

  function prefetchTips() {
    var idle = window.requestIdleCallback || function (f) { return setTimeout(f, 1); };
    idle(function () {
      var links = document.querySelectorAll("a.gwr-term");
      for (var i = 0; i < links.length; i++) loadTips(tipsUrl(links[i]));
    });
  }

  function glossaryTips() {
    if (!document.querySelector("a.gwr-term, .gwr-marks")) return;
    var tip = document.createElement("div");
    tip.className = "gwr-tip";
    tip.id = "gwr-tip";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    document.body.appendChild(tip);
    var current = null, hideTimer = null, lastPointer = "mouse";

    var wanted = null;  /* the term whose explanation is on its way */

    function termOf(el) { return el && el.closest ? el.closest("a.gwr-term") : null; }

    function show(a, touch) {
      wanted = a;
      clearTimeout(hideTimer);
      loadTips(tipsUrl(a), function (data) {
        var t = data[(a.getAttribute("href") || "").split("#term-")[1]];
        if (t && wanted === a) fill(a, t, touch);
      });
    }

    function fill(a, t, touch) {
      clearTimeout(hideTimer);
      if (current && current !== a) current.removeAttribute("aria-describedby");
      current = a;
      tip.innerHTML = "";
      var head = document.createElement("strong");
      head.lang = EDITION === "zh" ? "en" : "zh";
      head.textContent = t[0];
      var note = document.createElement("span");
      note.textContent = t[1];
      tip.appendChild(head);
      tip.appendChild(note);
      if (touch) {
        var again = document.createElement("span");
        again.className = "gwr-tip__hint";
        again.textContent = TIP_TEXT.again;
        tip.appendChild(again);
      }
      tip.hidden = false;
      a.setAttribute("aria-describedby", "gwr-tip");
      place(a);
    }

    function place(a) {
      var r = a.getClientRects()[0] || a.getBoundingClientRect();
      var vw = document.documentElement.clientWidth;
      tip.style.maxWidth = Math.min(352, vw - 16) + "px";
      var w = tip.offsetWidth, h = tip.offsetHeight;
      var left = Math.max(8, Math.min(r.left, vw - w - 8));
      var below = r.bottom + 6;
      var top = (below + h > window.innerHeight && r.top - h - 6 > 0) ? r.top - h - 6 : below;
      tip.style.left = (left + window.scrollX) + "px";
      tip.style.top = (top + window.scrollY) + "px";
    }

    function hide() {
      wanted = null;
      if (current) current.removeAttribute("aria-describedby");
      current = null;
      tip.hidden = true;
    }

    function hideSoon() { clearTimeout(hideTimer); hideTimer = setTimeout(hide, 300); }

    document.addEventListener("pointerdown", function (ev) {
      lastPointer = ev.pointerType || "mouse";
      if (!termOf(ev.target) && !tip.contains(ev.target)) hide();
    }, true);
    /* pointerover/out with a mouse only: a touch also fires them, and is handled on click */
    document.addEventListener("pointerover", function (ev) {
      if (ev.pointerType !== "mouse") return;
      lastPointer = "mouse";
      var a = termOf(ev.target);
      if (a) show(a, false);
      else if (tip.contains(ev.target)) clearTimeout(hideTimer);
    });
    document.addEventListener("pointerout", function (ev) {
      if (ev.pointerType !== "mouse") return;
      if (termOf(ev.target) || tip.contains(ev.target)) hideSoon();
    });
    document.addEventListener("focusin", function (ev) {
      var a = termOf(ev.target);
      if (a && lastPointer !== "touch") show(a, false);
    });
    document.addEventListener("focusout", function (ev) {
      if (termOf(ev.target) && lastPointer !== "touch") hideSoon();
    });
    document.addEventListener("keydown", function (ev) {
      lastPointer = "keyboard";
      if (ev.key === "Escape" && current) { var a = current; hide(); a.focus(); }
    }, true);
    document.addEventListener("click", function (ev) {
      var a = termOf(ev.target);
      if (!a || (lastPointer !== "touch" && lastPointer !== "pen")) return;
      if (current === a && !tip.hidden) return; // second tap: follow the link
      ev.preventDefault();
      show(a, true);
    });
    window.addEventListener("resize", function () { if (current) place(current); });
  }
  glossaryTips();
  termMarks();
  if (document.querySelector("a.gwr-term")) prefetchTips();

  /* ---------- search results for screen readers ----------
   * Kept apart from the search code below, which it only observes: the input is a combobox whose
   * aria-activedescendant follows the highlighted result (.gwr-active), so the arrow keys are announced; the
   * number of results is announced once, in a status region, instead of the whole list on every keystroke. */

  function searchAria() {
    if (!root) return;
    var input = root.querySelector(".gwr-search__input");
    var panel = root.querySelector(".gwr-search__results");
    if (!input || !panel) return;
    panel.id = panel.id || "gwr-search-results";
    panel.removeAttribute("aria-live");
    panel.removeAttribute("role");
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", panel.id);
    var status = document.createElement("div");
    status.className = "gwr-sr-only";
    status.setAttribute("role", "status");
    root.appendChild(status);
    var said = null;
    function sync() {
      var list = panel.querySelector("ol");
      var links = panel.querySelectorAll("ol a");
      var open = !panel.hidden && links.length > 0;
      input.setAttribute("aria-expanded", String(open));
      if (list) {
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", input.getAttribute("aria-label") || "");
      }
      var active = null;
      for (var i = 0; i < links.length; i++) {
        links[i].parentNode.setAttribute("role", "presentation");
        links[i].setAttribute("role", "option");
        links[i].id = "gwr-search-opt-" + i;
        var on = links[i].classList.contains("gwr-active");
        links[i].setAttribute("aria-selected", String(on));
        if (on) active = links[i];
      }
      if (open && active) input.setAttribute("aria-activedescendant", active.id);
      else input.removeAttribute("aria-activedescendant");
      var meta = panel.querySelector(".gwr-search__meta");
      var msg = panel.hidden || !meta ? "" : meta.textContent;
      if (msg !== said) { status.textContent = msg; said = msg; }
    }
    new MutationObserver(sync).observe(panel, {
      childList: true, subtree: true, attributes: true, attributeFilter: ["class", "hidden"]
    });
  }
  searchAria();

  /* ---------- search ----------
   * The index is sharded (hooks/gwr/search.py, search_files.py): search-index.json is a small manifest; a query
   * fetches the shards that hold its keys (each Han character with the next one, each Latin word) in
   * each segment of the index,
   * matches exactly from the positions they give, ranks as a search of the whole text would, and
   * fetches the text of the results it shows. Nothing else is downloaded. */

  if (!root) return;
  var input = root.querySelector(".gwr-search__input");
  var panel = root.querySelector(".gwr-search__results");
  var base = (root.getAttribute("data-gwr-base") || ".").replace(/\/?$/, "/");
  var HAN = /[\u3400-\u9fff]/;
  var UNIT = /([\u3400-\u9fff])|([a-z0-9]+)|[^\u3400-\u9fffa-z0-9]+/g;
  var WORDCH = /[a-z0-9]/;
  var manifest = null, loading = null;
  var shardCache = {}, shardData = {}, chunkCache = {};  // chunkCache: entries' text, by entry
  var STOP = { the: 1, of: 1, and: 1, a: 1, an: 1, "in": 1, to: 1, on: 1, "for": 1, with: 1 };

  /* Full-width ASCII to ASCII, then lower case: length-preserving, so match
   * offsets in the normalised text are offsets in the original. */
  function norm(s) {
    return (s || "").replace(/[\uff01-\uff5e]/g, function (c) {
      return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
    }).replace(/\u3000/g, " ").toLowerCase();
  }

  function getJSON(path) {
    return fetch(base + path + (manifest ? "?v=" + manifest.v : "")).then(function (r) { return r.json(); });
  }

  function load() {
    if (!loading) {
      loading = getJSON("search-index.json").then(function (m) {
        manifest = m;
        m.nterms = m.terms.map(norm);
        m.nsyn = (m.syn || []).map(function (g) { return g.map(norm); });
        return m;
      });
    }
    return loading;
  }

  /* Units of a normalised string: Han characters and Latin words, with their offsets (a run of
   * anything else is one position, as in the index). */
  function lex(s) {
    var out = [], pos = 0, m;
    UNIT.lastIndex = 0;
    while ((m = UNIT.exec(s))) {
      if (m[1] || m[2]) out.push({ h: !!m[1], v: m[1] || m[2], o: pos });
      if (out.length) pos++;
    }
    return out;
  }

  /* What an alternative needs from the index, unit by unit: an exact key, several, or a prefix. The
   * commonest English words inside a phrase (of, and, the …) are not looked up: the words around them
   * place the phrase, and their postings would be most of the download. */
  function needs(alt, mode) {
    var us = lex(alt), out = [];
    us.forEach(function (u, i) {
      if (!u.h && STOP[u.v] && i > 0 && i < us.length - 1) return;
      var next = us[i + 1], prev = us[i - 1];
      if (u.h) {
        if (next && next.h && next.o === u.o + 1) out.push({ o: u.o, keys: [u.v + next.v] });
        else if (next) out.push({ o: u.o, keys: [u.v] });
        else if (!(prev && prev.h && prev.o === u.o - 1)) out.push({ o: u.o, prefix: u.v });
      } else if (!next && mode === "prefix") out.push({ o: u.o, prefix: u.v });
      else if (!next && mode === "plural") out.push({ o: u.o, keys: [u.v, u.v + "s", u.v + "es"] });
      else out.push({ o: u.o, keys: [u.v] });
    });
    return { req: out, span: us.length ? us[us.length - 1].o + 1 : 0 };
  }

  /* The index is in segments (runs of reports, then the hand-written pages), each with shards of its
   * own: manifest.shards[g] is the first key of each of segment g's shards. A key's postings are those
   * of its shard in every segment, read segment after segment. */
  function shardIn(firsts, key) {  // the last shard whose first key is <= key, or -1
    var lo = 0, hi = firsts.length - 1;
    if (!firsts.length || key < firsts[0]) return -1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (firsts[mid] <= key) lo = mid; else hi = mid - 1; }
    return lo;
  }

  function shardsOf(key) {  // the shard of each segment that would hold key: ["g-i", …]
    var out = [];
    manifest.shards.forEach(function (firsts, g) {
      var i = shardIn(firsts, key);
      if (i >= 0) out.push(g + "-" + i);
    });
    return out;
  }

  function shardsFor(r) {
    if (r.keys) return [].concat.apply([], r.keys.map(shardsOf));
    var out = [];
    manifest.shards.forEach(function (firsts, g) {
      var a = shardIn(firsts, r.prefix), b = shardIn(firsts, r.prefix + "\uffff");
      for (var i = Math.max(a, 0); i <= b; i++) out.push(g + "-" + i);
    });
    return out;
  }

  function fetchShards(ids) {
    return Promise.all(ids.filter(function (i, k) { return ids.indexOf(i) === k; }).map(function (i) {
      if (!shardCache[i]) shardCache[i] = getJSON("search/s/" + i + ".json").then(function (d) { shardData[i] = d; });
      return shardCache[i];
    }));
  }

  /* Postings of one key: Map(entry * 4096 + field -> Map(position -> in lead)). */
  var postCache = {};
  function postings(key) {
    if (postCache[key]) return postCache[key];
    var out = new Map(), ids = shardsOf(key), all = true;
    ids.forEach(function (id) {
      var sh = shardData[id], arr = sh && sh[key];
      if (!sh) all = false;
      if (!arr) return;
      // -1-r starts report r; then each value adds to the last: ((entry*4096 + field)*65536 + position)*2 + lead
      var b = 0, v = 0, last = -1, m = null;
      for (var i = 0; i < arr.length; i++) {
        var x = arr[i];
        if (x < 0) { b = manifest.bases[-1 - x]; v = 0; last = -1; continue; }
        v += x;
        var q = Math.floor(v / 2), ef = b * 4096 + Math.floor(q / 65536);
        if (ef !== last) {
          last = ef;
          m = out.get(ef);
          if (!m) { m = new Map(); out.set(ef, m); }
        }
        m.set(q % 65536, v % 2);
      }
    });
    if (all) postCache[key] = out;  // a shard not fetched yet: nothing known, nothing kept
    return out;
  }

  function reqPostings(r) {
    if (r.keys) {
      if (r.keys.length === 1) return postings(r.keys[0]);
      return merge(r.keys.map(postings));
    }
    var keys = [], seen = {};  // a key is in the shards of several segments: its postings are read once
    shardsFor(r).forEach(function (i) {
      var d = shardData[i];
      if (d) Object.keys(d).forEach(function (k) {
        if (k.lastIndexOf(r.prefix, 0) === 0 && !seen[k]) { seen[k] = 1; keys.push(k); }
      });
    });
    return merge(keys.map(postings));
  }

  function merge(maps) {
    var out = new Map();
    maps.forEach(function (m) {
      m.forEach(function (ps, ef) {
        var o = out.get(ef);
        if (!o) { o = new Map(); out.set(ef, o); }
        ps.forEach(function (lead, p) { if (!o.has(p) || lead) o.set(p, lead); });
      });
    });
    return out;
  }

  /* Where an alternative occurs: Map(entry*4096+field -> {n: non-overlapping count, lead: in a lead}). */
  var altCache = {};
  function occurrences(alt, mode) {
    var ck = mode + "\u0000" + alt;
    if (altCache[ck]) return altCache[ck];
    var nd = needs(alt, mode), out = new Map();
    if (nd.req.length) {
      var lists = nd.req.map(function (r) { return { o: r.o, m: reqPostings(r) }; });
      lists.sort(function (a, b) { return a.m.size - b.m.size; });
      lists[0].m.forEach(function (ps, ef) {
        var others = [];
        for (var j = 1; j < lists.length; j++) { var m = lists[j].m.get(ef); if (!m) return; others.push(m); }
        var starts = [];
        ps.forEach(function (lead, p) {
          var s = p - lists[0].o, inLead = lead;
          for (var j = 1; j < lists.length; j++) {
            var l = others[j - 1].get(s + lists[j].o);
            if (l === undefined) return;
            inLead = inLead && l;
          }
          starts.push([s, inLead]);
        });
        if (!starts.length) return;
        starts.sort(function (a, b) { return a[0] - b[0]; });
        var n = 0, end = -1, lead = 0;
        starts.forEach(function (x) { if (x[0] >= end) { n++; end = x[0] + nd.span; } if (x[1]) lead = 1; });
        out.set(ef, { n: n, lead: lead });
      });
    }
    altCache[ck] = out;
    return out;
  }

  function tok(alts, word, whole) { return { alts: alts, word: !!word || !!whole, whole: !!whole }; }
  /* A Latin word at the end of a token matches at a word start (the text may go on: plurals, "-ing");
   * glossary forms match whole words, a plural allowed. */
  function modeOf(t) { return t.whole ? "plural" : "prefix"; }

  function synonyms(q) {
    for (var i = 0; i < manifest.nsyn.length; i++) if (manifest.nsyn[i].indexOf(q) !== -1) return manifest.nsyn[i];
    return null;
  }

  function occurs(s) { return occurrences(s, "prefix").size > 0; }

  /* Split a Han query that does not occur as a whole: domain terms first (kept
   * whole), then the longest pieces that occur in the text. */
  function segment(w) {
    var out = [], rest = w;
    while (rest.length) {
      var found = null;
      for (var i = 0; i < manifest.nterms.length; i++) {
        var term = manifest.nterms[i];
        if (term.length > 1 && rest.indexOf(term) === 0) { found = term; break; }
      }
      if (!found) {
        var n = rest.length;
        while (n > 1 && !occurs(rest.slice(0, n))) n--;
        found = rest.slice(0, n);
      }
      out.push(found);
      rest = rest.slice(found.length);
    }
    return out.filter(function (t) { return t.length > 1 || !HAN.test(t) || out.length === 1; });
  }

  function tokens(q) {
    var whole = norm(q).trim().replace(/\s+/g, " ");
    if (!whole) return [];
    var syn = synonyms(whole);
    if (syn) return [tok(syn, false, true)];
    if (!HAN.test(whole) && whole.indexOf(" ") !== -1 && occurs(whole)) return [tok([whole])];
    var out = [];
    whole.split(" ").forEach(function (w) {
      if (!w || (STOP[w] && whole.indexOf(" ") !== -1)) return;
      if (HAN.test(w)) {
        (occurs(w) ? [w] : segment(w)).forEach(function (p) { out.push(tok([p])); });
      } else {
        var s = synonyms(w);
        out.push(s ? tok(s, false, true) : tok([w], true));
      }
    });
    return out;
  }

  /* Every alternative the query can turn into, to fetch the shards before matching. */
  function wanted(q) {
    var whole = norm(q).trim().replace(/\s+/g, " "), alts = [];
    if (!whole) return alts;
    var add = function (a, mode) { alts.push([a, mode]); };
    (synonyms(whole) || []).forEach(function (a) { add(a, "plural"); });
    add(whole, "prefix");
    add(whole.replace(/ /g, ""), "prefix");
    whole.split(" ").forEach(function (w) {
      add(w, "prefix");  // the pieces of a split Han word need no other keys
      (synonyms(w) || []).forEach(function (a) { add(a, "plural"); });
    });
    return alts;
  }

  /* Counts of a token in each field: Map(entry -> {head, body, lead, paras: Map(field -> score)}). */
  function countTok(t) {
    var mode = modeOf(t), out = new Map();
    t.alts.forEach(function (a) {
      occurrences(a, mode).forEach(function (x, ef) {
        var e = Math.floor(ef / 4096), f = ef % 4096, d = out.get(e);
        if (!d) { d = { head: 0, body: 0, lead: 0, paras: new Map() }; out.set(e, d); }
        if (f === 0) d.head += x.n;
        else {
          d.body += x.n;
          if (x.lead) d.lead = 1;
          var p = d.paras.get(f) || { n: 0, lead: 0 };
          p.n += x.n; p.lead = p.lead || x.lead;
          d.paras.set(f, p);
        }
      });
    });
    return out;
  }

  function search(q) {
    var toks = tokens(q);
    if (!toks.length) return [];
    var N = manifest.n, counts = toks.map(countTok);
    var whole = norm(q).trim().replace(/\s+/g, HAN.test(q) ? "" : " ");
    var wholeAt = toks.length > 1 ? occurrences(whole, "prefix") : null;
    var results = [];
    counts[0].forEach(function (_, e) {
      var score = 0;
      for (var k = 0; k < toks.length; k++) {
        var d = counts[k].get(e);
        if (!d || d.head + d.body === 0) return;
        var idf = Math.log(1 + N / counts[k].size);
        score += idf * (8 * (d.head ? 1 : 0) + 4 * d.lead + Math.log(1 + d.body) / Math.LN2);
      }
      if (wholeAt) {
        var has = false;
        wholeAt.forEach(function (_, ef) { if (Math.floor(ef / 4096) === e) has = true; });
        if (has) score += 2;
      }
      // the paragraph that matched best (the first such); 0 when only the heading matched
      var best = 0, bestScore = 0;
      var fields = new Set();
      counts.forEach(function (c) { var d = c.get(e); if (d) d.paras.forEach(function (_, f) { fields.add(f); }); });
      Array.from(fields).sort(function (a, b) { return a - b; }).forEach(function (f) {
        var s = 0;
        counts.forEach(function (c) { var p = c.get(e) && c.get(e).paras.get(f); if (p) s += p.n + (p.lead ? 3 : 0); });
        if (s > bestScore) { bestScore = s; best = f; }
      });
      results.push({ e: e, score: score, field: best });
    });
    results.sort(function (a, b) { return b.score - a.score || a.e - b.e; });
    return results.map(function (r) { r.toks = toks; return r; });
  }

  function entries(list) {
    return Promise.all(list.map(function (r) {
      if (!chunkCache[r.e]) chunkCache[r.e] = getJSON("search/d/" + r.e + ".json");
      return chunkCache[r.e].then(function (d) { r.d = d; return r; });
    }));
  }

  function esc(s) {
    return s.replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
  }

  /* Where each alternative of the tokens occurs in a normalised text, as the index counts it:
   * Latin words at a word start (whole words for glossary forms), never inside a word. */
  function marks(n, toks) {
    var out = [];
    toks.forEach(function (t) {
      t.alts.forEach(function (a) {
        var latin = !HAN.test(a), i = n.indexOf(a);
        while (i !== -1) {
          var end = i + a.length, ok = true;
          if (latin) {
            if (i > 0 && WORDCH.test(n.charAt(i - 1))) ok = false;
            if (t.whole) {
              if (n.substr(end, 2) === "es" && !WORDCH.test(n.charAt(end + 2))) end += 2;
              else if (n.charAt(end) === "s" && !WORDCH.test(n.charAt(end + 1))) end += 1;
              if (WORDCH.test(n.charAt(end))) ok = false;
            }
          }
          if (ok) out.push([i, end]);
          i = n.indexOf(a, i + a.length);
        }
      });
    });
    return out.sort(function (a, b) { return a[0] - b[0]; });
  }

  /* About 90 characters around the first match; Latin text is cut between words, never inside one. */
  function snippet(text, toks) {
    if (!text) return "";
    var n = norm(text), ms = marks(n, toks);
    var at = ms.length ? ms[0][0] : 0;
    var start = Math.max(0, at - 24), end = Math.min(text.length, start + 90);
    if (start > 0 && WORDCH.test(n.charAt(start - 1)) && WORDCH.test(n.charAt(start))) {
      while (start < at && WORDCH.test(n.charAt(start))) start++;
    }
    if (end < text.length && WORDCH.test(n.charAt(end - 1)) && WORDCH.test(n.charAt(end))) {
      var back = end;
      while (back > at && WORDCH.test(n.charAt(back - 1))) back--;
      if (back > at + 1) end = back;
      else while (end < text.length && WORDCH.test(n.charAt(end))) end++;
    }
    while (start < at && /\s/.test(text.charAt(start))) start++;
    var out = "", pos = start;
    ms.forEach(function (m) {
      if (m[0] < pos || m[1] > end) return;
      out += esc(text.slice(pos, m[0])) + "<mark>" + esc(text.slice(m[0], m[1])) + "</mark>";
      pos = m[1];
    });
    out += esc(text.slice(pos, end).replace(/\s+$/, ""));
    return (start > 0 ? "…" : "") + out + (end < text.length ? "…" : "");
  }

  function href(r) {
    var u = r.d.u.split("#")[0], p = r.field ? r.d.p[r.field - 1] : null;
    var anchor = p && p[0] && p[0] !== "preface" ? p[0] : r.d.u.split("#")[1];
    return base + u + (anchor ? "#" + anchor : "");
  }

  var current = 0;
  function render(q) {
    var mine = ++current;
    if (!q.trim()) { panel.hidden = true; panel.innerHTML = ""; return Promise.resolve(); }
    return fetchShards([].concat.apply([], wanted(q).map(function (x) {
      return needs(x[0], x[1]).req.map(shardsFor).reduce(function (a, b) { return a.concat(b); }, []);
    }))).then(function () {
      var results = search(q);
      return entries(results.slice(0, 12)).then(function (top) {
        if (mine !== current) return;
        var html = '<div class="gwr-search__meta">' +
          (results.length ? T.results.replace("{n}", results.length) : T.none) + "</div><ol>";
        top.forEach(function (r, i) {
          var p = r.d.p[(r.field || 1) - 1];
          html += '<li><a href="' + esc(href(r)) + '"' + (i === 0 ? ' class="gwr-active"' : "") + ">" +
            '<span class="gwr-search__title">' + esc(r.d.t) + "</span>" +
            (r.d.c ? '<span class="gwr-search__crumbs">' + esc(r.d.c) + "</span>" : "") +
            '<span class="gwr-search__snippet">' + snippet(p ? p[1] : "", r.toks) + "</span></a></li>";
        });
        panel.innerHTML = html + "</ol>";
        panel.setAttribute("data-q", q);  // the query these results answer (tests wait for it)
        panel.hidden = false;
      });
    });
  }

  function run() {
    var q = input.value;
    if (!manifest) {
      panel.hidden = false;
      panel.innerHTML = '<div class="gwr-search__meta">' + T.loading + "</div>";
    }
    load().then(function () { return render(input.value); });
  }

  input.addEventListener("focus", load);
  input.addEventListener("input", run);
  input.addEventListener("keydown", function (ev) {
    var links = panel.querySelectorAll("a");
    var active = panel.querySelector("a.gwr-active");
    var i = Array.prototype.indexOf.call(links, active);
    if (ev.key === "Enter" && active) { ev.preventDefault(); location.href = active.href; panel.hidden = true; }
    else if (ev.key === "Escape") { panel.hidden = true; input.blur(); }
    else if ((ev.key === "ArrowDown" || ev.key === "ArrowUp") && links.length) {
      ev.preventDefault();
      if (active) active.classList.remove("gwr-active");
      i = ev.key === "ArrowDown" ? Math.min(links.length - 1, i + 1) : Math.max(0, i - 1);
      links[i].classList.add("gwr-active");
      links[i].scrollIntoView({ block: "nearest" });
    }
  });
  document.addEventListener("click", function (ev) {
    if (!root.contains(ev.target)) panel.hidden = true;
    else if (ev.target.closest && ev.target.closest(".gwr-search__results a")) panel.hidden = true;
  });
  var q = new URLSearchParams(location.search).get("q");
  if (q) { input.value = q; run(); }
})();
