/* Old links after a renumbering (data/id-changes.yml, hooks/gwr/idchanges.py).
 *
 * - The old id is no longer used on the page: a notice stands in its place (id = old id); when the text
 *   moved, go to its new id and say so there.
 * - The old id now holds other text: show the hidden banner for it above that text.
 * - A part page that no longer exists and whose part moved: go to the new part page.
 * Messages are set with textContent, never as HTML. */
(function () {
  "use strict";
  var KEY = "gwr-arrived";

  /* Put a note above the target and bring it into view: gwr.js scrolls the target itself to the top (on load
   * and on hashchange, its listeners run before these), which would hide the note under the header. */
  function show(note, target) {
    target.parentNode.insertBefore(note, target);
    note.hidden = false;
    note.style.scrollMarginTop = "4rem";
    if (document.readyState === "complete") note.scrollIntoView({ block: "start" });
    else window.addEventListener("load", function () { note.scrollIntoView({ block: "start" }); });
  }

  function say(target, text) {
    var p = document.createElement("p");
    p.className = "admonition info gwr-idchange-arrived";
    p.setAttribute("role", "status");
    p.textContent = text;
    show(p, target);
  }

  function run() {
    var id = "";
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
    if (!id) {
      var page = document.querySelector("[data-gwr-page-moved]");
      if (page) location.replace(page.getAttribute("data-gwr-page-moved"));
      return;
    }
    var el = document.getElementById(id);
    if (el && el.classList.contains("gwr-idchange")) {
      var to = el.getAttribute("data-gwr-moved");
      if (to) {
        try { sessionStorage.setItem(KEY, el.getAttribute("data-gwr-arrived") || ""); } catch (e) { /* no storage */ }
        location.replace(to);
      }
      return;
    }
    var arrived = null;
    try { arrived = sessionStorage.getItem(KEY); sessionStorage.removeItem(KEY); } catch (e) { /* no storage */ }
    if (!el) return;
    // forwarded here from an old id: that link meant this text, so no banner about this id's own past
    if (arrived) return say(el, arrived);
    var notes = document.querySelectorAll(".gwr-idchange[data-gwr-old]");
    for (var i = 0; i < notes.length; i++) {
      if (notes[i].getAttribute("data-gwr-old") === id) show(notes[i], el);
    }
  }

  run();
  window.addEventListener("hashchange", run);
})();
