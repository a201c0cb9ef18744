// The query page: competency queries in a menu, results as a table.
// Plain browser JavaScript with no build step; talks to /sparql like any SPARQL client.
"use strict";

const ID = "https://w3id.org/tiaoli/id/";
const PREFIXES = {
  "tl": "https://w3id.org/tiaoli/ontology#",
  "eli": "http://data.europa.eu/eli/ontology#",
  "prov": "http://www.w3.org/ns/prov#",
  "dcterms": "http://purl.org/dc/terms/",
  "skos": "http://www.w3.org/2004/02/skos/core#",
  "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
  "xsd": "http://www.w3.org/2001/XMLSchema#",
  "qb": "http://purl.org/linked-data/cube#",
  "schema": "https://schema.org/",
};

const $ = (id) => document.getElementById(id);

function shortIri(iri) {
  for (const [prefix, base] of Object.entries(PREFIXES)) {
    if (iri.startsWith(base) && iri.length > base.length) return prefix + ":" + iri.slice(base.length);
  }
  return iri;
}

function pageHref(iri) {
  if (iri.startsWith(ID)) return "/id/" + iri.slice(ID.length).split("/").map(encodeURIComponent).join("/");
  return "/page?iri=" + encodeURIComponent(iri);
}

function cell(term) {
  const td = document.createElement("td");
  if (!term) return td;
  if (term.type === "uri") {
    const a = document.createElement("a");
    a.href = pageHref(term.value);
    a.title = term.value;
    a.textContent = term.value.startsWith(ID) ? term.value.slice(ID.length) : shortIri(term.value);
    td.appendChild(a);
  } else {
    td.textContent = term.value;
    if (term.datatype && /(integer|decimal|double|float)$/.test(term.datatype)) td.className = "number";
  }
  return td;
}

function showResults(data) {
  const table = $("results");
  table.replaceChildren();
  if ("boolean" in data) {
    const row = table.insertRow();
    row.insertCell().textContent = String(data.boolean);
    $("status").textContent = "ASK: " + data.boolean;
    return;
  }
  const vars = data.head.vars;
  const head = table.createTHead().insertRow();
  for (const v of vars) {
    const th = document.createElement("th");
    th.textContent = "?" + v;
    head.appendChild(th);
  }
  const body = table.createTBody();
  for (const binding of data.results.bindings) {
    const row = body.insertRow();
    for (const v of vars) row.appendChild(cell(binding[v]));
  }
  const n = data.results.bindings.length;
  $("status").textContent = n + (n === 1 ? " row" : " rows");
}

async function runQuery() {
  const status = $("status");
  status.className = "status";
  status.textContent = "Running…";
  const started = performance.now();
  try {
    const response = await fetch("/sparql", {
      method: "POST",
      headers: {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"},
      body: new URLSearchParams({query: $("query").value}),
    });
    if (!response.ok) {
      $("results").replaceChildren();
      status.className = "status error";
      status.textContent = response.status + ": " + (await response.text());
      return;
    }
    showResults(await response.json());
    const truncated = response.headers.get("X-Tiaoli-Truncated");
    status.textContent += " · " + Math.round(performance.now() - started) + " ms" + (truncated ? " · " + truncated : "");
    status.dataset.done = "true";
  } catch (error) {
    status.className = "status error";
    status.textContent = String(error);
  }
}

async function loadPresets() {
  const response = await fetch("/api/queries");
  const queries = await response.json();
  const select = $("preset");
  for (const q of queries) {
    const option = document.createElement("option");
    option.value = q.name;
    option.textContent = q.name;
    option.dataset.query = q.query;
    option.dataset.description = q.description;
    select.appendChild(option);
  }
  select.addEventListener("change", () => {
    const option = select.selectedOptions[0];
    if (option && option.value) {
      $("query").value = option.dataset.query;
      $("preset-description").textContent = option.dataset.description;
    }
  });
  select.dataset.loaded = String(queries.length);
}

$("run").addEventListener("click", runQuery);
$("query").addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) runQuery();
});
loadPresets();
