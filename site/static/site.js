/* factcheck site conveniences. Every page works without this script; it adds:
   - on search.html, filtering of the prebuilt index (window.FACTCHECK_SEARCH from search-index.js);
   - on query pages, a button copying the SPARQL text. */
(function () {
  "use strict";

  var LABELS = {
    supported: "\u2713 Supported",
    contradicted: "\u2717 Contradicted",
    unverified: "? Unverified",
    unsourced: "\u2205 Unsourced",
    unreviewed: "\u00b7 Not checked"
  };
  var MAX_SHOWN = 200;

  function setUpSearch() {
    var index = window.FACTCHECK_SEARCH;
    var input = document.getElementById("q");
    var results = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    var everything = document.getElementById("everything");
    if (!index || !input || !results) return;
    var prepared = index.map(function (entry) {
      var text = [entry.t, entry.w, entry.d, entry.k, entry.v || ""].join(" ").toLowerCase();
      return { entry: entry, text: text };
    });

    function item(entry) {
      var li = document.createElement("li");
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = entry.k;
      var link = document.createElement("a");
      link.href = entry.u;
      link.textContent = entry.t;
      li.appendChild(kind);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(link);
      if (entry.v) {
        var badge = document.createElement("span");
        badge.className = "badge v-" + entry.v;
        badge.textContent = LABELS[entry.v] || entry.v;
        li.appendChild(document.createTextNode(" "));
        li.appendChild(badge);
      }
      if (entry.w) {
        var where = document.createElement("span");
        where.className = "muted";
        where.textContent = " \u2014 " + entry.w;
        li.appendChild(where);
      }
      return li;
    }

    function run() {
      var terms = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      results.textContent = "";
      if (!terms.length) {
        results.hidden = true;
        everything.hidden = false;
        status.textContent = "";
        return;
      }
      var hits = prepared.filter(function (p) {
        return terms.every(function (term) { return p.text.indexOf(term) !== -1; });
      });
      hits.slice(0, MAX_SHOWN).forEach(function (p) { results.appendChild(item(p.entry)); });
      results.hidden = false;
      everything.hidden = true;
      status.textContent = hits.length + (hits.length === 1 ? " result" : " results") +
        (hits.length > MAX_SHOWN ? " (the first " + MAX_SHOWN + " shown)" : "");
    }

    var asked = new URLSearchParams(window.location.search).get("q");
    if (asked) input.value = asked;
    input.addEventListener("input", run);
    input.form.addEventListener("submit", function (event) {
      event.preventDefault();
      run();
    });
    run();
  }

  function setUpCopyButtons() {
    if (!navigator.clipboard) return;
    Array.prototype.forEach.call(document.querySelectorAll("pre.sparql"), function (pre) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy";
      button.textContent = "Copy query";
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(pre.textContent).then(
          function () { button.textContent = "Copied"; },
          function () { button.textContent = "Select the text to copy it"; }
        );
      });
      pre.parentNode.insertBefore(button, pre);
    });
  }

  setUpSearch();
  setUpCopyButtons();
})();
