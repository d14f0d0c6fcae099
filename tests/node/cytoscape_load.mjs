// Load Cytoscape.js JSON files with the real Cytoscape.js (headless) and print, as JSON,
// what it built: node and edge counts, each element's data fields, classes and some
// computed style, and any warning Cytoscape.js gave (an unknown style property, a bad
// value, an edge to a missing node ...).
//
//   node cytoscape_load.mjs PACKAGES_DIR FILE...
//
// PACKAGES_DIR holds the node_modules that scripts/_setup.sh installs from this folder's
// package-lock.json (by default .venv/node). Used by tests/test_cytoscape.py.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const [packages, ...files] = process.argv.slice(2);
const require = createRequire(path.join(path.resolve(packages), "package.json"));
const cytoscape = require("cytoscape");
const warnings = [];
console.warn = (...args) => warnings.push(args.map(String).join(" "));
console.error = console.warn;

const out = {};
for (const file of files) {
  warnings.length = 0;
  const doc = JSON.parse(fs.readFileSync(file, "utf8"));
  // styleEnabled: a headless instance skips styles unless asked, and the style is checked.
  const cy = cytoscape({ elements: doc.elements, style: doc.style, headless: true, styleEnabled: true });
  cy.data(doc.data);
  out[file] = {
    version: cytoscape.version,
    nodes: cy.nodes().length,
    edges: cy.edges().length,
    graph: cy.data(),
    nodeData: cy.nodes().map((n) => ({
      data: n.data(),
      classes: n.classes(),
      shape: n.style("shape"),
      background: n.style("background-color"),
      label: n.style("label"),
      borderWidth: n.style("border-width"),
    })),
    edgeData: cy.edges().map((e) => ({
      data: e.data(),
      classes: e.classes(),
      source: e.source().id(),
      target: e.target().id(),
      line: e.style("line-style"),
      colour: e.style("line-color"),
      arrow: e.style("target-arrow-shape"),
    })),
    roots: cy.nodes(".main").map((n) => n.id()),
    warnings: [...warnings],
  };
  cy.destroy(); // stops its timers, so that Node exits
}
console.log(JSON.stringify(out));
