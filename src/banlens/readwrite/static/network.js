/* banlens network page: draws the embedded network with sigma.js and adds filters,
   search and the evidence panel. Every text from the data goes in through
   textContent, never as markup. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("banlens-data").textContent);
  var byId = function (id) { return document.getElementById(id); };
  var graphBox = byId("banlens-graph");
  var details = byId("banlens-details");
  var edgesByKey = {};
  var nodesByKey = {};

  function element(tag, text, className) {
    var el = document.createElement(tag);
    if (text !== undefined && text !== null) el.textContent = String(text);
    if (className) el.className = className;
    return el;
  }

  function swatch(color) {
    var span = element("span", null, "banlens-swatch");
    span.style.background = color;
    return span;
  }

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  function width(weight) { return weight >= 1 ? 1 + Math.log2(weight) : 1; }

  // ---- state and filters ------------------------------------------------------

  var state = {
    relations: new Set(data.relations.map(function (r) { return r.name; })),
    from: data.dates.length ? data.dates[0] : "",
    to: data.dates.length ? data.dates[1] : "",
    undated: true,
    hideIsolated: false,
    selectedNode: null,
    selectedEdge: null
  };
  var visible = new Map();   // edge key -> reports shown under the filters (0: hidden)
  var degree = new Map();    // node key -> visible edges

  function inRange(day) {
    var d = String(day).slice(0, 10);
    return (!state.from || d >= state.from) && (!state.to || d <= state.to);
  }

  function shownReports(edge) {
    if (!state.relations.has(edge.relation)) return 0;
    var n = state.undated ? edge.undated : 0;
    if (edge.exact) {
      edge.dates.forEach(function (pair) { if (inRange(pair[0])) n += pair[1]; });
    } else if (edge.dates.some(function (pair) { return inRange(pair[0]); })) {
      n = edge.weight;  // aggregated input: the edge is kept or dropped as a whole
    }
    return n;
  }

  function applyFilters() {
    visible.clear();
    degree.clear();
    data.edges.forEach(function (edge) {
      var n = shownReports(edge);
      visible.set(edge.key, n);
      if (n > 0) {
        degree.set(edge.source, (degree.get(edge.source) || 0) + 1);
        degree.set(edge.target, (degree.get(edge.target) || 0) + 1);
      }
    });
    if (renderer) renderer.refresh();
    showSelection();
  }

  // ---- the graph ------------------------------------------------------------------

  var graph = new graphology.MultiDirectedGraph();
  data.nodes.forEach(function (node) {
    nodesByKey[node.key] = node;
    graph.addNode(node.key, {
      label: node.label, x: node.x, y: node.y, size: node.size, color: node.color
    });
  });
  data.edges.forEach(function (edge) {
    edgesByKey[edge.key] = edge;
    var type = edge.curvature ? "curved" : (edge.symmetric ? "line" : "arrow");
    graph.addDirectedEdgeWithKey(edge.key, edge.source, edge.target, {
      label: edge.relation, size: edge.size, color: edge.color, type: type,
      curvature: edge.curvature
    });
  });

  function neighbourhood() {
    var keep = new Set();
    if (state.selectedNode !== null) {
      keep.add(state.selectedNode);
      graph.forEachEdge(state.selectedNode, function (key, attrs, source, target) {
        if (visible.get(key) > 0) { keep.add(source); keep.add(target); }
      });
    } else if (state.selectedEdge !== null) {
      keep.add(graph.source(state.selectedEdge));
      keep.add(graph.target(state.selectedEdge));
    }
    return keep;
  }

  var renderer = null;
  var focus = new Set();
  try {
    renderer = new Sigma(graph, graphBox, {
      defaultEdgeType: "arrow",
      edgeProgramClasses: {
        arrow: Sigma.rendering.EdgeArrowProgram,
        line: Sigma.rendering.EdgeRectangleProgram,
        curved: Sigma.rendering.EdgeCurveProgram
      },
      enableEdgeEvents: true,
      renderEdgeLabels: data.edges.length <= 150,
      labelRenderedSizeThreshold: 0,
      zIndex: true,
      nodeReducer: function (key, attrs) {
        var out = Object.assign({}, attrs);
        if (state.hideIsolated && !degree.get(key)) { out.hidden = true; return out; }
        if (focus.size && !focus.has(key)) {
          out.color = "#e4e4e4"; out.label = ""; out.zIndex = 0;
        } else if (focus.size) {
          out.zIndex = 1;
        }
        if (key === state.selectedNode) out.highlighted = true;
        return out;
      },
      edgeReducer: function (key, attrs) {
        var out = Object.assign({}, attrs);
        var n = visible.get(key) || 0;
        if (n === 0) { out.hidden = true; return out; }
        out.size = width(n);
        var inFocus = state.selectedEdge !== null ? key === state.selectedEdge
          : state.selectedNode !== null ? graph.hasExtremity(key, state.selectedNode) : true;
        if (!inFocus) { out.color = "#eeeeee"; out.label = ""; out.zIndex = 0; }
        else { out.zIndex = 1; }
        return out;
      }
    });
  } catch (err) {
    graphBox.appendChild(element("p", "The network could not be drawn: this page needs a " +
      "browser with WebGL (" + err + ").", "banlens-error"));
  }

  // ---- the evidence panel ---------------------------------------------------------

  function relationTitle(edge, n) {
    var source = nodesByKey[edge.source].label;
    var target = nodesByKey[edge.target].label;
    var arrow = edge.symmetric ? " \u2014" + edge.relation + "\u2014 " : " \u2014" + edge.relation + "\u2192 ";
    var h = element("h3");
    h.appendChild(swatch(edge.color));
    h.appendChild(document.createTextNode(source + arrow + target + " "));
    h.appendChild(element("span", "(" + plural(n, "report") + ")", "banlens-count"));
    return h;
  }

  function evidenceList(edge) {
    var list = element("ul", null, "banlens-evidence");
    list.setAttribute("data-edge", edge.key);
    edge.instances.forEach(function (item) {
      if (item.date && !inRange(item.date)) return;
      if (!item.date && edge.exact && !state.undated) return;
      var li = element("li", item.text || "(no sentence)");
      li.style.borderLeftColor = edge.color;
      var source = "document " + (item.doc || "?") + (item.date ? " \u00b7 " + item.date : "");
      li.appendChild(element("span", source, "banlens-source"));
      item.flags.forEach(function (flag) { li.appendChild(element("span", flag, "banlens-flag")); });
      list.appendChild(li);
    });
    if (edge.more > 0) list.appendChild(element("li", "\u2026 and " + edge.more + " more reports"));
    return list;
  }

  function clearDetails() {
    while (details.firstChild) details.removeChild(details.firstChild);
  }

  function showSelection() {
    focus = neighbourhood();
    if (state.selectedNode === null && state.selectedEdge === null) {
      clearDetails();
      details.appendChild(element("p", "Click an actor or a relation to read the sentences " +
        "it comes from.", "banlens-note"));
      return;
    }
    clearDetails();
    if (state.selectedNode !== null) {
      var node = nodesByKey[state.selectedNode];
      var h = element("h2");
      h.appendChild(swatch(node.color));
      h.appendChild(document.createTextNode(node.label));
      details.appendChild(h);
      var facts = [node.type || "other", plural(node.mentions, "mention"),
                   plural(node.documents, "document")];
      if (node.first_seen) facts.push(node.first_seen.slice(0, 10) + " \u2013 " + node.last_seen.slice(0, 10));
      details.appendChild(element("p", facts.join(" \u00b7 "), "banlens-note"));
      var edges = graph.edges(state.selectedNode).filter(function (k) { return visible.get(k) > 0; });
      edges.sort(function (a, b) { return visible.get(b) - visible.get(a); });
      if (!edges.length) details.appendChild(element("p", "No relation under the current filters.", "banlens-note"));
      edges.forEach(function (key) {
        var edge = edgesByKey[key];
        details.appendChild(relationTitle(edge, visible.get(key)));
        details.appendChild(evidenceList(edge));
      });
    } else {
      var edge = edgesByKey[state.selectedEdge];
      details.appendChild(element("h2", edge.relation + (edge.plover ? " (" + edge.plover + ")" : "")));
      details.appendChild(relationTitle(edge, visible.get(edge.key) || 0));
      details.appendChild(evidenceList(edge));
    }
  }

  function selectNode(key) {
    state.selectedNode = key; state.selectedEdge = null;
    showSelection();
    if (renderer) renderer.refresh();
  }

  function selectEdge(key) {
    state.selectedEdge = key; state.selectedNode = null;
    showSelection();
    if (renderer) renderer.refresh();
  }

  function clearSelection() {
    state.selectedEdge = null; state.selectedNode = null;
    showSelection();
    if (renderer) renderer.refresh();
  }

  if (renderer) {
    renderer.on("clickNode", function (e) { selectNode(e.node); });
    renderer.on("clickEdge", function (e) { selectEdge(e.edge); });
    renderer.on("clickStage", clearSelection);
    renderer.on("enterNode", function () { graphBox.style.cursor = "pointer"; });
    renderer.on("leaveNode", function () { graphBox.style.cursor = ""; });
    renderer.on("enterEdge", function () { graphBox.style.cursor = "pointer"; });
    renderer.on("leaveEdge", function () { graphBox.style.cursor = ""; });
  }

  // ---- controls -----------------------------------------------------------------

  byId("banlens-title").textContent = data.title;
  byId("banlens-stats").textContent = [plural(data.nodes.length, "actor"),
    plural(data.edges.length, "relation"), plural(data.instances, "report")].join(" \u00b7 ");

  var boxes = byId("banlens-relations");
  data.relations.forEach(function (rel) {
    var label = element("label");
    var box = element("input");
    box.type = "checkbox"; box.checked = true; box.value = rel.name;
    box.addEventListener("change", function () {
      if (box.checked) state.relations.add(rel.name); else state.relations.delete(rel.name);
      applyFilters();
    });
    label.appendChild(box);
    label.appendChild(swatch(rel.color));
    label.appendChild(document.createTextNode(rel.name + " "));
    label.appendChild(element("span", rel.weight, "banlens-count"));
    boxes.appendChild(label);
  });
  function setAll(on) {
    boxes.querySelectorAll("input").forEach(function (box) {
      box.checked = on;
      if (on) state.relations.add(box.value); else state.relations.delete(box.value);
    });
    applyFilters();
  }
  byId("banlens-all").addEventListener("click", function () { setAll(true); });
  byId("banlens-none").addEventListener("click", function () { setAll(false); });

  var from = byId("banlens-from"), to = byId("banlens-to");
  if (data.dates.length) {
    from.value = state.from; to.value = state.to;
    from.min = to.min = data.dates[0]; from.max = to.max = data.dates[1];
  } else {
    byId("banlens-dates").hidden = true;
  }
  from.addEventListener("change", function () { state.from = from.value; applyFilters(); });
  to.addEventListener("change", function () { state.to = to.value; applyFilters(); });
  byId("banlens-undated").addEventListener("change", function (e) {
    state.undated = e.target.checked; applyFilters();
  });
  byId("banlens-isolated").addEventListener("change", function (e) {
    state.hideIsolated = e.target.checked; applyFilters();
  });

  var legend = byId("banlens-legend");
  [["Actor types", data.legend.types], ["Relation classes", data.legend.quads]].forEach(function (part) {
    if (!part[1].length) return;
    legend.appendChild(element("h2", part[0]));
    part[1].forEach(function (entry) {
      var row = element("div");
      row.appendChild(swatch(entry[1]));
      row.appendChild(document.createTextNode(entry[0].replace(/_/g, " ")));
      legend.appendChild(row);
    });
  });

  var list = byId("banlens-actors");
  data.nodes.slice().sort(function (a, b) { return a.label.localeCompare(b.label); })
    .forEach(function (node) { list.appendChild(element("option", null)).value = node.label; });

  function findActor(query) {
    var q = query.trim().toLowerCase();
    if (!q) return null;
    var exact = null, partial = null;
    data.nodes.forEach(function (node) {
      var label = node.label.toLowerCase();
      if (label === q || node.key.toLowerCase() === q) exact = exact || node;
      else if (label.indexOf(q) >= 0) partial = partial || node;
    });
    return exact || partial;
  }

  var search = byId("banlens-search"), message = byId("banlens-search-message");
  function runSearch() {
    message.textContent = "";
    if (!search.value.trim()) return;
    var node = findActor(search.value);
    if (!node) { message.textContent = "No actor matches \u201c" + search.value + "\u201d."; return; }
    selectNode(node.key);
    if (renderer) {
      var shown = renderer.getNodeDisplayData(node.key);
      if (shown) renderer.getCamera().animate({ x: shown.x, y: shown.y, ratio: 0.5 }, { duration: 300 });
    }
  }
  search.addEventListener("change", runSearch);
  search.addEventListener("keydown", function (e) { if (e.key === "Enter") runSearch(); });

  applyFilters();

  // For scripts and tests: the graph, the renderer and where a node is on screen.
  window.banlensView = {
    graph: graph,
    renderer: renderer,
    state: state,
    selectNode: selectNode,
    selectEdge: selectEdge,
    visibleEdges: function () {
      return data.edges.filter(function (e) { return visible.get(e.key) > 0; }).map(function (e) { return e.key; });
    },
    nodeOnScreen: function (key) {
      var p = renderer.graphToViewport(graph.getNodeAttributes(key));
      var box = graphBox.getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    }
  };
})();
