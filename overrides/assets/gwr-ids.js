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

  function say(target, text) {
    var p = document.createElement("p");
    p.className = "admonition info gwr-idchange-arrived";
    p.setAttribute("role", "status");
    p.textContent = text;
    target.parentNode.insertBefore(p, target);
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
    if (el && arrived) say(el, arrived);
    var notes = document.querySelectorAll(".gwr-idchange[data-gwr-old]");
    for (var i = 0; i < notes.length; i++) {
      if (notes[i].getAttribute("data-gwr-old") === id && el) {
        notes[i].hidden = false;
        el.parentNode.insertBefore(notes[i], el);
      }
    }
  }

  run();
  window.addEventListener("hashchange", run);
})();
