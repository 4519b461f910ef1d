// The catalog's search: ranks the server-rendered product list with the inlined MiniSearch index and filters it by
// facets. Without JavaScript the full list stays visible; nothing here fetches anything.
(function () {
  "use strict";
  var index = MiniSearch.loadJSON(document.getElementById("search-index").textContent, JSON.parse(document.getElementById("search-options").textContent));
  var input = document.getElementById("q");
  var list = document.getElementById("results");
  var count = document.getElementById("result-count");
  var items = Array.prototype.slice.call(list.children);
  var byId = {};
  items.forEach(function (li) { byId[li.getAttribute("data-id")] = li; });

  function checked(name) {
    return Array.prototype.slice.call(document.querySelectorAll('input[name="' + name + '"]:checked')).map(function (i) { return i.value; });
  }

  function passesFacets(li, facets) {
    // A data attribute may hold several values separated by spaces (a product's statuses: one per served major).
    return Object.keys(facets).every(function (k) {
      var own = (li.getAttribute("data-" + k) || "").split(" ");
      return facets[k].length === 0 || own.some(function (v) { return facets[k].indexOf(v) >= 0; });
    });
  }

  function update() {
    var q = input.value.trim();
    var facets = { domain: checked("domain"), classification: checked("classification"), status: checked("status") };
    var ordered;
    if (q) {
      var results = index.search(q);
      if (results.length === 0) results = index.search(q, { combineWith: "OR" });
      ordered = results.map(function (r) { return byId[r.id]; }).filter(Boolean);
    } else {
      ordered = items;
    }
    var shown = ordered.filter(function (li) { return passesFacets(li, facets); });
    items.forEach(function (li) { li.hidden = true; });
    shown.forEach(function (li) { li.hidden = false; list.appendChild(li); });
    count.textContent = shown.length + (shown.length === 1 ? " product" : " products") + (q ? " matching \u201c" + q + "\u201d" : "");
    var params = new URLSearchParams();
    if (q) params.set("q", q);
    try { history.replaceState(null, "", q ? "#" + params.toString() : "#"); } catch (e) { /* file:// may refuse */ }
  }

  input.addEventListener("input", update);
  document.getElementById("facets").addEventListener("change", update);
  var initial = new URLSearchParams(location.hash.slice(1)).get("q");
  if (initial) { input.value = initial; update(); }
})();
