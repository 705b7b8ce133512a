// Reads a graph file the way Gephi Lite does (graphology and its parsers) and prints
// what it found as JSON: graph type, nodes and edges with their attributes.
// Usage: node read.js gexf|graphml|graphology FILE
"use strict";
const fs = require("fs");
const Graph = require("graphology");
const gexf = require("graphology-gexf");
const graphml = require("graphology-graphml");

const [format, path] = process.argv.slice(2);
const text = fs.readFileSync(path, "utf8");
let graph;
if (format === "gexf") {
  graph = gexf.parse(Graph, text);
} else if (format === "graphml") {
  graph = graphml.parse(Graph, text);
} else if (format === "graphology") {
  graph = Graph.from(JSON.parse(text));
} else {
  throw new Error("unknown format " + format);
}
const out = graph.export();
out.type = graph.type;
out.multi = graph.multi;
process.stdout.write(JSON.stringify(out));
