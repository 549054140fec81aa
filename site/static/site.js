/* factcheck site conveniences. Every page works without this script; it adds:
   - on search.html, filtering of the prebuilt index (window.FACTCHECK_SEARCH from search-index.js);
   - on query pages, a button copying the SPARQL text, and a form to edit the query, fill in its
     parameters and run it against the SPARQL endpoint (data-endpoint); when no endpoint answers,
     the results saved when the site was built stay in place. */
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

  // The same classes as the site's cell_class filter: numbers on one line, IRIs broken anywhere.
  function cellClass(value) {
    if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value)) return "num";
    if (value.indexOf("://") !== -1 || value.indexOf("urn:") === 0) return "iri";
    return value.length > 60 ? "long" : "";
  }

  function resultsTable(data) {
    var wrap = document.createElement("div");
    wrap.className = "table-wrap";
    var table = document.createElement("table");
    table.className = "results";
    var head = table.createTHead().insertRow();
    var vars = (data.head && data.head.vars) || [];
    vars.forEach(function (name) {
      var th = document.createElement("th");
      th.scope = "col";
      th.textContent = name;
      head.appendChild(th);
    });
    var body = table.createTBody();
    data.results.bindings.forEach(function (binding) {
      var row = body.insertRow();
      vars.forEach(function (name) {
        var cell = row.insertCell();
        var term = binding[name];
        if (!term) return;
        cell.className = cellClass(term.value);
        if (term.type === "uri" && /^https?:\/\/[^\s]+$/i.test(term.value)) {
          var link = document.createElement("a");
          link.className = "ext";
          link.rel = "nofollow noopener noreferrer";
          link.href = term.value;
          link.textContent = term.value;
          cell.appendChild(link);
        } else {
          cell.textContent = term.value;
        }
      });
    });
    wrap.appendChild(table);
    return wrap;
  }

  function setUpQueryRunner() {
    var runner = document.getElementById("query-runner");
    var form = document.getElementById("run-form");
    var results = document.getElementById("results");
    var status = document.getElementById("run-status");
    var text = document.getElementById("query-text");
    if (!runner || !form || !results || !window.fetch) return;
    var saved = results.cloneNode(true);
    var original = text.value;
    runner.hidden = false;
    document.getElementById("reset-query").addEventListener("click", function () {
      text.value = original;
      results.replaceChildren.apply(results, Array.prototype.slice.call(saved.cloneNode(true).childNodes));
      status.textContent = "";
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var fields = new URLSearchParams();
      fields.append("query", text.value);
      fields.append("saved", runner.getAttribute("data-saved"));
      Array.prototype.forEach.call(form.querySelectorAll("input[name^='bind.']"), function (input) {
        if (input.value.trim()) fields.append(input.name, input.value.trim());
      });
      var endpoint = runner.getAttribute("data-endpoint");
      status.textContent = "Running\u2026";
      fetch(endpoint, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json" },
        body: fields.toString()
      }).then(function (response) {
        var type = response.headers.get("Content-Type") || "";
        if (!response.ok) {
          return response.text().then(function (message) { throw new Error(message.trim() || response.statusText); });
        }
        if (type.indexOf("json") === -1) throw new Error("the endpoint answered " + type + ", not JSON results");
        return response.json();
      }).then(function (data) {
        results.textContent = "";
        if (typeof data.boolean === "boolean") {
          var answer = document.createElement("p");
          answer.textContent = "Answer: " + (data.boolean ? "yes" : "no");
          results.appendChild(answer);
        } else {
          var count = data.results.bindings.length;
          var note = document.createElement("p");
          note.className = "muted";
          note.textContent = count + (count === 1 ? " row" : " rows") + " from the endpoint, just now.";
          results.appendChild(note);
          if (count) results.appendChild(resultsTable(data));
        }
        status.textContent = "Done.";
      }).catch(function (error) {
        var offline = error instanceof TypeError;
        status.textContent = offline
          ? "No SPARQL endpoint answered at " + endpoint + " (serve the site with: factcheck serve --sparql); the results below were saved when the site was built."
          : "The endpoint refused the query: " + error.message;
      });
    });
  }

  setUpSearch();
  setUpCopyButtons();
  setUpQueryRunner();
})();
