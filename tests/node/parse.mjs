// Parse Mermaid files with the real Mermaid parser and print, as JSON, what it read:
// the diagram type, the vertices (id, shape, text, classes) and the edges.
//
//   node parse.mjs PACKAGES_DIR FILE...
//
// PACKAGES_DIR holds the node_modules that scripts/_setup.sh installs from this folder's
// package-lock.json (by default .venv/node). Used by tests/test_mermaid.py.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [packages, ...files] = process.argv.slice(2);
const require = createRequire(path.join(path.resolve(packages), "package.json"));
const { JSDOM } = require("jsdom");
const dom = new JSDOM("<!DOCTYPE html><body></body>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import(pathToFileURL(require.resolve("mermaid")).href);
mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });
const out = {};
for (const file of files) {
  const d = await mermaid.mermaidAPI.getDiagramFromText(fs.readFileSync(file, "utf8"));
  out[file] = {
    type: d.type,
    vertices: [...d.db.getVertices()].map(([id, v]) => [id, v.type, v.text, v.classes]),
    edges: d.db.getEdges().map((e) => [e.start, e.end, e.type, e.stroke]),
  };
}
console.log(JSON.stringify(out));
