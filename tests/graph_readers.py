"""Open banlens graph files with the tools people use, and say what each one saw.

Every reader returns the same summary, a :class:`Reading`: node labels and colours,
and edges as (source, relation, target) with their weight and colour, so one
comparison covers every format and reader. Colours are (r, g, b) or None where the
format or the reader has none.

Readers: networkx and igraph for every format (igraph has no GEXF reader, so GEXF
reaches it through networkx's graph; CSV and JSON through ``Graph.DataFrame`` and
``Graph.DictList``); graphology in node (``tests/js/read.js``, the parsers Gephi Lite
uses) for GEXF, GraphML and graphology JSON.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import igraph
import networkx as nx

JS = Path(__file__).resolve().parent / "js"
GEXF = "{http://gexf.net/1.3}"
VIZ = "{http://gexf.net/1.3/viz}"
RGB = tuple[int, int, int]


@dataclass
class Reading:
    """What a reader found: directedness, nodes and edges."""

    directed: bool
    labels: dict[str, str] = field(default_factory=dict)
    node_colors: dict[str, RGB | None] = field(default_factory=dict)
    weights: Counter = field(default_factory=Counter)
    edge_colors: dict[tuple[str, str, str], RGB | None] = field(default_factory=dict)
    edge_labels: dict[tuple[str, str, str], str] = field(default_factory=dict)

    def node(self, key: str, label: str, color: RGB | None) -> None:
        self.labels[str(key)] = label
        self.node_colors[str(key)] = color

    def edge(self, source: str, target: str, relation: str, weight: float,
             color: RGB | None, label: str) -> None:
        key = (str(source), relation, str(target))
        self.weights[key] += weight
        self.edge_colors[key] = color
        self.edge_labels[key] = label


def color(value) -> RGB | None:
    """(r, g, b) from a CSS string (``#rrggbb``, ``rgb()``, ``rgba()``), a networkx viz
    dict or r/g/b attributes; None when there is none."""
    if value is None:
        return None
    if isinstance(value, dict):
        return tuple(int(value[c]) for c in "rgb")  # type: ignore[return-value]
    text = str(value).strip()
    if re.fullmatch(r"#[0-9a-fA-F]{6}", text):
        return tuple(int(text[i:i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]
    found = re.fullmatch(r"rgba?\((\d+),(\d+),(\d+)(?:,([0-9.]+))?\)", text.replace(" ", ""))
    if found is None:
        raise ValueError(f"not a colour: {value!r}")
    if found.group(4) is not None:
        assert float(found.group(4)) == 1.0, f"not opaque: {value!r}"
    return tuple(int(found.group(i)) for i in (1, 2, 3))  # type: ignore[return-value]


def _rgb(attrs) -> RGB | None:
    if all(attrs.get(c) is not None for c in "rgb"):
        return tuple(int(attrs[c]) for c in "rgb")  # type: ignore[return-value]
    return None


def expected_reading(records, label_info, actor_colors, quad_colors, other) -> Reading:
    """What every aggregated graph file of a run must hold, from its JSONL records and
    the relation lexicon's ``label_info()`` alone: every actor with its name and type
    colour; one edge per (source, relation, target) of the asserted relations
    (symmetric ones from the smaller actor id), weight = count, colour = quad's."""
    want = Reading(True)
    for record in records:
        for actor in record["actors"]:
            want.node(actor["id"], actor["name"], actor_colors.get(actor["type"], other))
        for rel in record["relations"]:
            if rel["negated"]:
                continue  # graph files leave them out by default
            s, label, o = rel["subject"], rel["label"], rel["object"]
            _, quad, symmetric = label_info.get(label, ("", "", False))
            if symmetric:
                s, o = sorted((s, o))
            want.edge(s, o, label, 1.0, quad_colors.get(quad, other), label)
    return want


# ------------------------------------------------------------------ networkx


def _from_networkx(G: nx.Graph, node_color, edge_color) -> Reading:
    reading = Reading(G.is_directed())
    for node, attrs in G.nodes(data=True):
        reading.node(node, attrs.get("label"), node_color(attrs))
    for u, v, attrs in G.edges(data=True):
        reading.edge(u, v, attrs["relation"], float(attrs["weight"]), edge_color(attrs),
                     attrs.get("label"))
    return reading


def networkx_graphml(path: Path) -> Reading:
    G = nx.read_graphml(path, force_multigraph=True)
    return _from_networkx(G, _rgb, _rgb)


def networkx_gexf(path: Path) -> Reading:
    # networkx reads viz:color of nodes, not of edges
    G = nx.read_gexf(path)
    return _from_networkx(G, lambda a: color(a["viz"]["color"]), lambda a: None)


def _csv_tables(path: Path):
    import pandas as pd

    return (pd.read_csv(path / "nodes.csv", dtype={"Id": str}, keep_default_na=False),
            pd.read_csv(path / "edges.csv", dtype={"Source": str, "Target": str},
                        keep_default_na=False))


def networkx_csv(path: Path) -> Reading:
    nodes, edges = _csv_tables(path)
    G = nx.from_pandas_edgelist(edges, "Source", "Target", edge_attr=True,
                                create_using=nx.MultiDiGraph)
    G.add_nodes_from((row.Id, {"label": row.Label}) for row in nodes.itertuples())
    reading = Reading(True)
    for node, attrs in G.nodes(data=True):
        reading.node(node, attrs["label"], None)
    for u, v, attrs in G.edges(data=True):
        reading.edge(u, v, attrs["relation"], float(attrs["Weight"]), None, attrs["Label"])
    return reading


def networkx_json(path: Path) -> Reading:
    G = nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="edges")
    return _from_networkx(G, lambda a: None, lambda a: None)


def networkx_graphology(path: Path) -> Reading:
    data = json.loads(path.read_text(encoding="utf-8"))
    G = nx.MultiDiGraph() if data["options"]["type"] == "directed" else nx.MultiGraph()
    G.add_nodes_from((n["key"], n.get("attributes", {})) for n in data["nodes"])
    G.add_edges_from((e["source"], e["target"], e["key"], e.get("attributes", {}))
                     for e in data["edges"])
    return _from_networkx(G, lambda a: color(a["color"]), lambda a: color(a["color"]))


# ------------------------------------------------------------------ igraph


def _from_igraph(g: igraph.Graph, key: str, node_color, edge_color) -> Reading:
    reading = Reading(g.is_directed())
    for vertex in g.vs:
        reading.node(vertex[key], vertex["label"], node_color(vertex.attributes()))
    for e in g.es:
        attrs = e.attributes()
        reading.edge(g.vs[e.source][key], g.vs[e.target][key], attrs["relation"],
                     float(attrs["weight"]), edge_color(attrs), attrs["label"])
    return reading


def igraph_graphml(path: Path) -> Reading:
    return _from_igraph(igraph.Graph.Read_GraphML(str(path)), "id", _rgb, _rgb)


def igraph_gexf(path: Path) -> Reading:
    g = igraph.Graph.from_networkx(nx.read_gexf(path))  # igraph reads no GEXF itself
    return _from_igraph(g, "_nx_name", lambda a: color(a["viz"]["color"]), lambda a: None)


def igraph_csv(path: Path) -> Reading:
    nodes, edges = _csv_tables(path)
    g = igraph.Graph.DataFrame(edges, directed=True, vertices=nodes, use_vids=False)
    reading = Reading(g.is_directed())
    for vertex in g.vs:
        reading.node(vertex["name"], vertex["Label"], None)
    for e in g.es:
        reading.edge(g.vs[e.source]["name"], g.vs[e.target]["name"], e["relation"],
                     float(e["Weight"]), None, e["Label"])
    return reading


def igraph_json(path: Path) -> Reading:
    data = json.loads(path.read_text(encoding="utf-8"))
    g = igraph.Graph.DictList(data["nodes"], data["edges"], directed=data["directed"],
                              vertex_name_attr="id", edge_foreign_keys=("source", "target"))
    return _from_igraph(g, "id", lambda a: None, lambda a: None)


def igraph_graphology(path: Path) -> Reading:
    data = json.loads(path.read_text(encoding="utf-8"))
    vertices = [{"key": n["key"], **n.get("attributes", {})} for n in data["nodes"]]
    edges = [{"source": e["source"], "target": e["target"], **e.get("attributes", {})}
             for e in data["edges"]]
    g = igraph.Graph.DictList(vertices, edges, directed=data["options"]["type"] == "directed",
                              vertex_name_attr="key", edge_foreign_keys=("source", "target"))
    return _from_igraph(g, "key", lambda a: color(a["color"]), lambda a: color(a["color"]))


# ------------------------------------------------------------------ graphology (node)


def graphology_missing() -> str | None:
    """Why the graphology readers cannot run here, or None when they can."""
    if shutil.which("node") is None:
        return "node is not installed (the graphology readers need Node.js)"
    if not (JS / "node_modules" / "graphology-gexf").is_dir():
        return (f"graphology is not installed in {JS}: run `npm ci --prefix tests/js` "
                "(make test does it when npm is there)")
    return None


def graphology(fmt: str):
    def read(path: Path) -> Reading:
        done = subprocess.run(["node", str(JS / "read.js"), fmt, str(path)], capture_output=True,
                              text=True, timeout=60, env={**os.environ, "NODE_OPTIONS": ""})
        assert done.returncode == 0, done.stderr
        data = json.loads(done.stdout)
        reading = Reading(data["type"] == "directed")
        for node in data["nodes"]:
            attrs = node.get("attributes", {})
            reading.node(node["key"], attrs.get("label"), color(attrs.get("color")))
        for edge in data["edges"]:
            assert not edge.get("undirected"), edge
            attrs = edge.get("attributes", {})
            reading.edge(edge["source"], edge["target"], attrs["relation"],
                         float(attrs["weight"]), color(attrs.get("color")), attrs.get("label"))
        return reading

    read.__name__ = f"graphology_{fmt}"
    return read


# ------------------------------------------------------------------ GEXF schema


def gexf_schema_view(root):
    """A copy of a parsed GEXF document that the GEXF 1.3 XSDs in shared/schemas can
    validate in full.

    Those XSDs were converted from the format's RELAX NG schema and lost the viz
    namespace: they declare <color>/<size> in the GEXF namespace, where no reader
    looks. The copy has the viz elements moved there, so their place and attributes
    (channels 0-255, alpha 0-1, size >= 0) are validated too. The original must have
    them in the viz namespace only.
    """
    from lxml import etree

    assert not root.findall(f".//{GEXF}color") and not root.findall(f".//{GEXF}size")
    copy = etree.fromstring(etree.tostring(root))
    for element in copy.iter(f"{VIZ}*"):
        element.tag = GEXF + etree.QName(element).localname
    etree.cleanup_namespaces(copy)
    return copy


# Each output format of the command line: the file name it is written to in a run's
# folder, and the readers that must open it (graphology only where it has a parser).
FORMATS = {
    "graphml": ("net.graphml", [networkx_graphml, igraph_graphml, graphology("graphml")]),
    "gexf": ("net.gexf", [networkx_gexf, igraph_gexf, graphology("gexf")]),
    "csv": ("tables/", [networkx_csv, igraph_csv]),
    "json": ("net.json", [networkx_json, igraph_json]),
    "graphology": ("net.graphology.json", [networkx_graphology, igraph_graphology,
                                           graphology("graphology")]),
}
# The formats that carry node and edge colours.
COLOURED = frozenset({"graphml", "gexf", "graphology"})
