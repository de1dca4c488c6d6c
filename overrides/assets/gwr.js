/* Reference edition, reader side: copy paragraph links, highlight the cited
 * paragraph, and search. No external requests: everything comes from this site. */
(function () {
  "use strict";

  var root = document.querySelector(".gwr-search");
  var LANG = (root && root.getAttribute("data-gwr-lang")) || document.documentElement.lang || "zh";
  var T = {
    zh: { copied: "已复制链接：", results: "共 {n} 条结果", none: "没有找到结果", loading: "正在载入索引……" },
    en: { copied: "Link copied: ", results: "{n} results", none: "No results", loading: "Loading index…" }
  }[LANG.slice(0, 2)] || null;
  if (!T) T = { copied: "Link copied: ", results: "{n} results", none: "No results", loading: "Loading…" };

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

  /* ---------- the other language of a report page, loaded on demand (page weight) ----------
   * A report page carries its edition's language; the other language of its paragraphs is a script
   * beside the page (named by the page's .gwr-other marker) that hands {paragraph id: html} to
   * window.gwrOther. It is loaded as soon as the view (data-gwr-view, set before the first paint
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

  /* ---------- glossary tooltips: rendering and explanation, from data/glossary.json ---------- */

  var terms = document.querySelectorAll("a.gwr-term");
  var siteBase = (root && root.getAttribute("data-gwr-base")) || ".";
  if (terms.length) {
    fetch(siteBase.replace(/\/?$/, "/") + "data/glossary.json")
      .then(function (r) { return r.json(); })
      .then(function (data) {
        var byId = {};
        data.terms.forEach(function (t) { byId[t.id] = t; });
        for (var i = 0; i < terms.length; i++) {
          var t = byId[terms[i].getAttribute("href").split("#term-")[1]];
          if (!t) continue;
          terms[i].title = EDITION === "zh" ? t.en + " — " + t.note.zh : t.zh + " — " + t.note.en;
        }
      })
      .catch(function () { /* the link to the entry still works */ });
  }

  /* ---------- search ---------- */

  if (!root) return;
  var input = root.querySelector(".gwr-search__input");
  var panel = root.querySelector(".gwr-search__results");
  var base = root.getAttribute("data-gwr-base") || ".";
  var index = null;
  var loading = null;
  var HAN = /[\u3400-\u9fff]/;

  /* Full-width ASCII to ASCII, then lower case: length-preserving, so match
   * offsets in the normalised text are offsets in the original. */
  function norm(s) {
    return (s || "").replace(/[\uff01-\uff5e]/g, function (c) {
      return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
    }).replace(/\u3000/g, " ").toLowerCase();
  }

  function load() {
    if (loading) return loading;
    loading = fetch(base.replace(/\/?$/, "/") + "search-index.json")
      .then(function (r) { return r.json(); })
      .then(function (data) {
        data.docs.forEach(function (d) {
          d.nh = norm(d.h + " " + d.t);
          d.np = d.p.map(function (p) { return { id: p[0], text: p[1], n: norm(p[1]), lead: norm(p[2]) }; });
          d.all = d.nh + "\n" + d.np.map(function (p) { return p.n; }).join("\n");
        });
        data.nterms = data.terms.map(norm);
        data.nsyn = (data.syn || []).map(function (g) { return g.map(norm); });
        index = data;
        return data;
      });
    return loading;
  }

  function count(hay, needle) {
    if (!needle) return 0;
    var n = 0, i = hay.indexOf(needle);
    while (i !== -1) { n++; i = hay.indexOf(needle, i + needle.length); }
    return n;
  }

  function occurs(tok) {
    for (var i = 0; i < index.docs.length; i++) if (index.docs[i].all.indexOf(tok) !== -1) return true;
    return false;
  }

  var STOP = { the: 1, of: 1, and: 1, a: 1, an: 1, "in": 1, to: 1, on: 1, "for": 1, with: 1 };

  /* A token is a list of alternatives. A typed Latin word matches at a word start (so plurals and
   * -ing forms follow); glossary forms match as whole words, plural allowed ("AI" never matches "chain"). */
  function tok(alts, word, whole) { return { alts: alts, word: !!word || !!whole, whole: !!whole }; }

  function synonyms(q) {
    for (var i = 0; i < index.nsyn.length; i++) if (index.nsyn[i].indexOf(q) !== -1) return index.nsyn[i];
    return null;
  }

  /* Split a Han query that does not occur as a whole: domain terms first (kept
   * whole), then the longest pieces that occur in the text. */
  function segment(tok) {
    var out = [];
    var rest = tok;
    while (rest.length) {
      var found = null;
      for (var i = 0; i < index.nterms.length; i++) {
        var term = index.nterms[i];
        if (term.length > 1 && rest.indexOf(term) === 0) { found = term; break; }
      }
      if (!found) {
        var n = rest.length;
        while (n > 1 && !occurs(rest.slice(0, n))) n--;
        // a piece is never cut inside a domain term that starts later in it
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

  function countTok(hay, t) {
    var n = 0;
    t.alts.forEach(function (a) {
      if (!t.word) { n += count(hay, a); return; }
      var i = hay.indexOf(a);
      while (i !== -1) {
        var end = i + a.length;
        if (t.whole && hay.substr(end, 2) === "es") end += 2;
        else if (t.whole && hay.charAt(end) === "s") end += 1;
        if ((i === 0 || !/[a-z0-9]/.test(hay.charAt(i - 1))) &&
            (!t.whole || !/[a-z0-9]/.test(hay.charAt(end)))) n++;
        i = hay.indexOf(a, i + a.length);
      }
    });
    return n;
  }

  function search(q) {
    var toks = tokens(q);
    if (!toks.length) return [];
    var N = index.docs.length;
    var df = toks.map(function (t) {
      var n = 0;
      index.docs.forEach(function (d) { if (countTok(d.all, t)) n++; });
      return n;
    });
    var whole = norm(q).trim().replace(/\s+/g, HAN.test(q) ? "" : " ");
    var results = [];
    index.docs.forEach(function (d, order) {
      var score = 0, ok = true;
      var best = null, bestScore = -1;
      toks.forEach(function (t, k) {
        if (!ok || !countTok(d.all, t)) { ok = false; return; }
        var idf = Math.log(1 + N / df[k]);
        var inHead = countTok(d.nh, t) ? 1 : 0;
        var inLead = 0, body = 0;
        d.np.forEach(function (p) {
          body += countTok(p.n, t);
          if (p.lead && countTok(p.lead, t)) inLead = 1;
        });
        score += idf * (8 * inHead + 4 * inLead + Math.log(1 + body) / Math.LN2);
      });
      if (!ok) return;
      if (toks.length > 1 && d.all.indexOf(whole) !== -1) score += 2;
      d.np.forEach(function (p) {
        var s = 0;
        toks.forEach(function (t) { s += countTok(p.n, t) + (p.lead && countTok(p.lead, t) ? 3 : 0); });
        if (s > bestScore) { bestScore = s; best = p; }
      });
      // matched only in the heading: link to the section, show its first paragraph
      if (bestScore <= 0) best = best && { id: "", text: best.text, n: best.n, lead: best.lead };
      results.push({ d: d, score: score, order: order, p: best });
    });
    results.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    return results.map(function (r) { r.toks = toks; return r; });
  }

  function esc(s) {
    return s.replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
  }

  function snippet(p, toks) {
    if (!p) return "";
    var text = p.text, n = norm(text);
    var at = -1;
    var alts = [];
    toks.forEach(function (t) { alts = alts.concat(t.alts); });
    alts.forEach(function (t) { var i = n.indexOf(t); if (i !== -1 && (at === -1 || i < at)) at = i; });
    var start = Math.max(0, at - 24), end = Math.min(text.length, start + 90);
    var piece = text.slice(start, end);
    var np = n.slice(start, end);
    var marks = [];
    alts.forEach(function (t) {
      var i = np.indexOf(t);
      while (i !== -1) { marks.push([i, i + t.length]); i = np.indexOf(t, i + t.length); }
    });
    marks.sort(function (a, b) { return a[0] - b[0]; });
    var out = "", pos = 0;
    marks.forEach(function (m) {
      if (m[0] < pos) return;
      out += esc(piece.slice(pos, m[0])) + "<mark>" + esc(piece.slice(m[0], m[1])) + "</mark>";
      pos = m[1];
    });
    out += esc(piece.slice(pos));
    return (start > 0 ? "…" : "") + out + (end < text.length ? "…" : "");
  }

  function href(r) {
    var u = r.d.u.split("#")[0];
    var anchor = r.p && r.p.id && r.p.id !== "preface" ? r.p.id : r.d.u.split("#")[1];
    return base.replace(/\/?$/, "/") + u + (anchor ? "#" + anchor : "");
  }

  function render(q) {
    if (!q.trim()) { panel.hidden = true; panel.innerHTML = ""; return; }
    var results = search(q);
    var html = '<div class="gwr-search__meta">' +
      (results.length ? T.results.replace("{n}", results.length) : T.none) + "</div><ol>";
    results.slice(0, 12).forEach(function (r, i) {
      html += '<li><a href="' + esc(href(r)) + '"' + (i === 0 ? ' class="gwr-active"' : "") + ">" +
        '<span class="gwr-search__title">' + esc(r.d.t) + "</span>" +
        (r.d.c ? '<span class="gwr-search__crumbs">' + esc(r.d.c) + "</span>" : "") +
        '<span class="gwr-search__snippet">' + snippet(r.p, r.toks) + "</span></a></li>";
    });
    panel.innerHTML = html + "</ol>";
    panel.hidden = false;
  }

  function run() {
    var q = input.value;
    if (index) { render(q); return; }
    panel.hidden = false;
    panel.innerHTML = '<div class="gwr-search__meta">' + T.loading + "</div>";
    load().then(function () { render(input.value); });
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
