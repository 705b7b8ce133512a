"""Graph files: GraphML, GEXF 1.3, CSV tables and node-link JSON that always open."""

from __future__ import annotations

import csv
import io
import json
import math
import os
from pathlib import Path

import igraph
import networkx as nx
import numpy as np
import pytest
from graph_readers import VIZ, gexf_schema_view
from lxml import etree

import banlens
from banlens.graph import aggregate
from banlens.readwrite import csv_paths, sanitize, write_csv, write_gexf, write_graphml, write_json
from banlens.readwrite.output import binary_output
from banlens.readwrite.sanitize import LIST_SEPARATOR, clean_text, scalar
from banlens.readwrite.style import (
    ACTOR_COLORS,
    MAX_SIZE,
    MIN_SIZE,
    OTHER_COLOR,
    QUAD_COLORS,
    edge_rgb,
    node_rgb,
    node_sizes,
)

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT.parent / "shared" / "schemas" / "gexf-1.3" / "gexf.xsd"
GEXF = "{http://gexf.net/1.3}"
LEXICON = {
    "negotiates_with": ("CONSULT", "verbal_cooperation", True),
    "blocks": ("SANCTION", "verbal_conflict", False),
    "acquires": ("COOPERATE", "material_cooperation", False),
}
NASTY = "Kontroll\x00\x01\x0b\x0c\x1f zeichen <&>\"' 😀 \ud800 \ufffe Ende\r\nneue\tZeile"


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    if not SCHEMA.exists():
        message = f"GEXF 1.3 schema not found at {SCHEMA} (shared/ beside the repository)"
        if os.environ.get("CI"):
            pytest.fail(message)  # CI has shared/: a missing schema is a broken setup
        pytest.skip(message)
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def actor(actor_id, name, kind, start):
    return {"id": actor_id, "name": name, "type": kind, "text": name, "start": start,
            "end": start + len(name), "kind": "name"}


def rel(subject, label, obj, evidence, **extra):
    return {"subject": subject, "label": label, "object": obj, "negated": False,
            "hypothetical": False, "evidence": evidence, "start": 0, "end": len(evidence),
            "trigger": label, "method": "surface.verb", "confidence": 0.9, **extra}


def records(evidence: str = "Oracle verhandelt mit Bytedance.") -> list[dict]:
    return [
        {"id": "art 1", "date": "2020-09-14",
         "actors": [actor("oracle", "Oracle", "organization", 0),
                    actor("byte dance", "Byte <Dance>", "organization", 22)],
         "relations": [rel("oracle", "negotiates_with", "byte dance", evidence),
                       rel("oracle", "acquires", "byte dance", "Oracle kauft.",
                           hypothetical=True)]},
        {"id": "art 2", "date": "2020-08-06",
         "actors": [actor("trump", "Donald Trump", "person", 0),
                    actor("byte dance", "Byte <Dance>", "organization", 20)],
         "relations": [rel("trump", "blocks", "byte dance", "Trump sperrt Bytedance."),
                       rel("byte dance", "negotiates_with", "oracle", "Gespräche.")]},
        {"id": "art 3", "actors": [actor("trump", "Donald Trump", "person", 0),
                                   actor("byte dance", "Byte <Dance>", "organization", 9)],
         "relations": [rel("trump", "blocks", "byte dance", "Trump verbietet es.",
                           confidence=1)]},
    ]


def instance_graph(evidence: str = "Oracle verhandelt mit Bytedance.") -> nx.MultiDiGraph:
    return banlens.build_graph(records(evidence), lexicon=LEXICON)


def nasty_graph() -> nx.MultiDiGraph:
    """Everything that breaks graph files: see the module docstring of sanitize."""
    G = nx.MultiDiGraph()
    G.add_node("id with spaces", label=NASTY, actor_type="", mentions=np.int64(3),
               score=np.float32(0.5), flag=np.bool_(True), missing=None, empty="",
               tags=["a", None, 2, True], meta={"b": 1, "a": [1, 2]}, nan=float("nan"))
    G.add_node("<&>\"'", label="", mixed=1, when="2020-09-19")
    G.add_node("😀", mixed=2.5, mixed_str=3)
    G.add_node(7, mixed_str="drei")
    big = "Beweis " * 15_000  # > 100 kB
    G.add_edge("id with spaces", "<&>\"'", key="k", relation="blocks", evidence=big,
               quad="verbal_conflict", confidence=None, symmetric=False, date="2020-09-19")
    G.add_edge("id with spaces", "<&>\"'", key="k2", relation="blocks", evidence=NASTY,
               quad="Verbal_Conflict", weight=2, symmetric=np.bool_(False))
    G.add_edge("😀", 7, key="k", relation="nego\x02tiates", evidence="", weight=1.5,
               symmetric=True, dates=["2020-09-19", "2020-09-20T10:00:00"])
    G.add_edge(7, 7, key=None, relation="", type="blocks", id="x")
    return G


# ------------------------------------------------------------------------ sanitize


def test_scalar_maps_every_value_to_a_legal_scalar():
    assert scalar(None) is None and scalar(float("nan")) is None and scalar(math.inf) is None
    assert scalar(np.int64(3)) == 3 and type(scalar(np.int64(3))) is int
    assert scalar(np.bool_(True)) is True and type(scalar(np.float32(0.5))) is float
    assert scalar(["a", None, 2, True]) == LIST_SEPARATOR.join(["a", "2", "true"])
    assert scalar({"b", "a"}) == "a | b"
    assert json.loads(scalar({"b": 1, "a": [1, 2]})) == {"a": [1, 2], "b": 1}
    assert scalar(2**70) == str(2**70)
    assert clean_text("a\x00b\x0bc\ud800d\ufffe\r\ne\rf\tg") == "abcd\ne\nf\tg"


def test_sanitize_gives_one_type_per_attribute_and_a_fixed_order():
    clean = sanitize(nasty_graph())
    assert clean.node_columns["mixed"] is float  # 1 and 2.5
    assert clean.node_columns["mixed_str"] is str  # 3 and "drei"
    assert clean.node_columns["flag"] is bool
    nodes = dict(clean.nodes)
    assert nodes["😀"]["mixed_str"] == "3" and nodes["<&>\"'"]["mixed"] == 1.0
    assert "missing" not in nodes["id with spaces"] and "nan" not in nodes["id with spaces"]
    assert nodes["id with spaces"]["empty"] == ""
    assert [n for n, _ in clean.nodes] == sorted(n for n, _ in clean.nodes)
    assert list(clean.node_columns)[:3] == ["label", "actor_type", "mentions"]
    ids = [e[0] for e in clean.edges]
    assert len(set(ids)) == len(ids) == 4  # key "k" is used twice: ids are made unique
    # the same graph built in another order gives the same tables
    G = nasty_graph()
    H = nx.MultiDiGraph()
    H.add_nodes_from(reversed(list(G.nodes(data=True))))
    H.add_edges_from(reversed(list(G.edges(keys=True, data=True))))
    assert sanitize(H) == clean


def test_sanitize_refuses_ids_that_clash_once_cleaned():
    G = nx.Graph()
    G.add_nodes_from(["a\x00", "a"])
    with pytest.raises(banlens.BanlensError, match="same id"):
        sanitize(G)


def test_edge_ids_are_the_unique_keys_of_instance_graphs():
    clean = sanitize(instance_graph())
    assert sorted(e[0] for e in clean.edges) == sorted(k for *_, k in
                                                       instance_graph().edges(keys=True))


# ------------------------------------------------------------------------ GEXF


def parse_gexf(data: bytes, schema: etree.XMLSchema) -> etree._Element:
    """Parse a GEXF file and validate it against the GEXF 1.3 XSDs (with the viz
    elements checked too, see graph_readers.gexf_schema_view)."""
    root = etree.fromstring(data)
    schema.assertValid(gexf_schema_view(root))
    return root


def write(writer, G, **kwargs) -> bytes:
    buffer = io.BytesIO()
    writer(G, buffer, **kwargs)
    return buffer.getvalue()


def test_gexf_is_valid_1_3_with_kinds_weights_colours_and_spells(schema):
    A = aggregate(instance_graph())
    root = parse_gexf(write(write_gexf, A), schema)
    assert root.get("version") == "1.3"
    graph = root.find(f"{GEXF}graph")
    assert (graph.get("mode"), graph.get("timeformat")) == ("dynamic", "date")
    edges = {(e.get("source"), e.get("kind"), e.get("target")): e
             for e in graph.iter(f"{GEXF}edge")}
    assert set(edges) == {(u, k, v) for u, v, k in A.edges(keys=True)}
    blocks = edges["trump", "blocks", "byte dance"]
    assert blocks.get("label") == "blocks" and float(blocks.get("weight")) == 2
    # no edge is undirected, so directed-graph readers (networkx) accept the file;
    # the symmetric relation says what it is in its attribute
    assert all(e.get("type") is None for e in edges.values())
    talks = edges["byte dance", "negotiates_with", "oracle"]
    symmetric = graph.find(f"{GEXF}attributes[@class='edge']/{GEXF}attribute[@title='symmetric']")
    assert talks.find(f".//{GEXF}attvalue[@for='{symmetric.get('id')}']").get("value") == "true"
    colours = {k: tuple(e.find(f"{VIZ}color").get(c) for c in "rgba")
               for (_, k, _), e in edges.items()}
    assert len(set(colours.values())) == 3  # three quads, three colours
    assert {c[3] for c in colours.values()} == {"1"}  # an alpha graphology can use
    assert colours["blocks"][:3] == tuple(str(c) for c in QUAD_COLORS["verbal_conflict"])
    spells = [s.get("start") for s in blocks.iter(f"{GEXF}spell")]
    assert spells == ["2020-08-06"]  # art 3 is undated
    oracle = graph.find(f"{GEXF}nodes/{GEXF}node[@id='oracle']")
    assert oracle.get("label") == "Oracle"
    (spell,) = oracle.iter(f"{GEXF}spell")
    assert (spell.get("start"), spell.get("end")) == ("2020-08-06", "2020-09-14")
    titles = {a.get("title"): a.get("type") for a in graph.iter(f"{GEXF}attribute")}
    assert titles["mentions"] == "long" and titles["symmetric"] == "boolean"
    # node size grows with mentions: byte dance (3 mentions) > oracle (1) = trump (2)?
    sizes = {n.get("id"): float(n.find(f"{VIZ}size").get("value"))
             for n in graph.iter(f"{GEXF}node")}
    assert sizes["byte dance"] == MAX_SIZE and sizes["oracle"] < sizes["trump"] < MAX_SIZE


def test_gexf_reads_back_in_networkx_with_labels_weights_colours_and_sizes():
    for G in (instance_graph(), aggregate(instance_graph())):
        H = nx.read_gexf(io.BytesIO(write(write_gexf, G)))
        assert H.is_directed() and H.number_of_edges() == G.number_of_edges()
        assert set(H) == set(G)
        for node, data in G.nodes(data=True):
            viz = H.nodes[node]["viz"]
            assert H.nodes[node]["label"] == data["label"]
            assert tuple(viz["color"][c] for c in "rgb") == ACTOR_COLORS[data["actor_type"]]
            assert viz["color"]["a"] == 1.0 and MIN_SIZE <= viz["size"] <= MAX_SIZE
        expected = sorted((u, v, d["relation"], d.get("weight", 1))
                          for u, v, d in G.edges(data=True))
        assert sorted((u, v, d["label"], d["weight"]) for u, v, d in H.edges(data=True)) \
            == expected


def test_gexf_undirected_symmetric_is_for_gephi_only(schema):
    A = aggregate(instance_graph())
    data = write(write_gexf, A, undirected_symmetric=True)
    root = parse_gexf(data, schema)
    kinds = {e.get("kind"): e.get("type") for e in root.iter(f"{GEXF}edge")}
    assert kinds == {"negotiates_with": "undirected", "blocks": None, "acquires": None}
    with pytest.raises(nx.NetworkXError, match="Undirected edge"):  # why it is not the default
        nx.read_gexf(io.BytesIO(data))


def test_gexf_colour_palettes_can_be_replaced_and_are_checked():
    A = aggregate(instance_graph())
    root = etree.fromstring(write(write_gexf, A, quad_colors={"Verbal_Conflict": (1, 2, 3)}))
    colours = {e.get("kind"): tuple(e.find(f"{VIZ}color").get(c) for c in "rgb")
               for e in root.iter(f"{GEXF}edge")}
    assert colours["blocks"] == ("1", "2", "3")
    assert colours["negotiates_with"] == tuple(str(c) for c in OTHER_COLOR)
    with pytest.raises(ValueError, match="0-255"):
        write(write_gexf, A, actor_colors={"person": (300, 0, 0)})


def test_gexf_instance_graph_keeps_every_relation_instance(schema):
    G = instance_graph()
    root = parse_gexf(write(write_gexf, G), schema)
    ids = [e.get("id") for e in root.iter(f"{GEXF}edge")]
    assert sorted(ids) == sorted(k for *_, k in G.edges(keys=True))
    assert all(e.get("weight") == "1" for e in root.iter(f"{GEXF}edge"))


def test_gexf_of_adversarial_content_is_valid(schema):
    data = write(write_gexf, nasty_graph())
    root = parse_gexf(data, schema)
    graph = root.find(f"{GEXF}graph")
    assert graph.get("timeformat") == "date"  # a date with a time of day counts by its day
    spells = sorted(s.get("start") for s in graph.iter(f"{GEXF}spell"))
    assert spells == ["2020-09-19", "2020-09-19", "2020-09-20"]
    values = [v.get("value") for v in graph.iter(f"{GEXF}attvalue")]
    assert any(len(v) > 100_000 for v in values)
    assert clean_text(NASTY) in values  # quotes, <&>, emoji, tab and newline survive
    ids = {n.get("id"): n.get("label") for n in graph.iter(f"{GEXF}node")}
    assert ids == {"id with spaces": " ".join(clean_text(NASTY).split()), "<&>\"'": "<&>\"'",
                   "😀": "😀", "7": "7"}  # a node without a label shows its id
    # the edge attribute named "type" stays an attribute, not the edge direction
    assert all(e.get("type") is None for e in graph.iter(f"{GEXF}edge"))
    H = nx.read_gexf(io.BytesIO(data))
    assert set(H) == set(ids) and H.number_of_edges() == 4


def test_gexf_without_dates_is_static(schema):
    G = nx.MultiDiGraph()
    G.add_edge("a", "b", relation="blocks")
    graph = parse_gexf(write(write_gexf, G), schema).find(f"{GEXF}graph")
    assert graph.get("mode") == "static" and graph.get("timeformat") is None


# ------------------------------------------------------------------------ GraphML


def expected_tables(G):
    """What a GraphML reader should find: the cleaned attributes, a weight on every edge,
    colours as r, g, b (actor type, quad class) and node sizes from mentions."""
    clean = sanitize(G, node_label=True, edge_label=True, edge_weight=True,
                     graph_attributes=False)
    sizes = node_sizes(clean.nodes)
    nodes = {n: {**a, **dict(zip("rgb", node_rgb(a), strict=True)), "size": sizes[n]}
             for n, a in clean.nodes}
    edges = {(u, v, attrs["relation"], attrs.get("evidence", "")):
             {**attrs, **dict(zip("rgb", edge_rgb(attrs), strict=True))}
             for _, u, v, attrs in clean.edges}
    return clean, nodes, edges


def same(a, b) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return math.isclose(float(a), float(b), rel_tol=1e-6)
    return a == b


@pytest.mark.parametrize("make", [instance_graph, lambda: aggregate(instance_graph())])
def test_graphml_reads_back_in_networkx_and_igraph(tmp_path, make):
    G = make()
    path = tmp_path / "g.graphml"
    write_graphml(G, path)
    clean, nodes, edges = expected_tables(G)

    H = nx.read_graphml(path, edge_key_type=str, force_multigraph=True)
    assert dict(H.nodes(data=True)) == nodes
    assert H.nodes["trump"]["size"] < H.nodes["byte dance"]["size"] == MAX_SIZE
    assert (H.nodes["trump"]["r"], H.nodes["trump"]["g"], H.nodes["trump"]["b"]) == \
        ACTOR_COLORS["person"]
    assert all(d["weight"] >= 1 for *_, d in H.edges(data=True))
    assert {k: (u, v) for u, v, k in H.edges(keys=True)} == {e[0]: (e[1], e[2])
                                                             for e in clean.edges}
    for u, v, data in H.edges(data=True):
        assert data == edges[u, v, data["relation"], data.get("evidence", "")]

    g = igraph.Graph.Read_GraphML(str(path))
    assert sorted(g.vs["id"]) == sorted(nodes)
    for vertex in g.vs:
        for name, value in nodes[vertex["id"]].items():
            assert same(vertex[name], value), (name, vertex[name], value)
    assert g.ecount() == len(edges)
    for e in g.es:
        u, v = g.vs[e.source]["id"], g.vs[e.target]["id"]
        expected = edges[u, v, e["relation"], e["evidence"]]
        for name, value in expected.items():
            assert same(e[name], value), (name, e[name], value)


def test_graphml_keys_are_named_unique_and_gephi_safe():
    root = etree.fromstring(write(write_graphml, aggregate(instance_graph())))
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    keys = root.findall(f"{ns}key")
    ids = [k.get("id") for k in keys]
    assert len(set(ids)) == len(ids)
    assert not {"d3", "d7"} & set(ids)
    names = {(k.get("for"), k.get("attr.name")): k.get("id") for k in keys}
    assert names["node", "label"] == "label" and names["edge", "weight"] == "weight"
    assert ("edge", "label") in names  # the relation, shown by Gephi as the edge label
    edge_ids = [e.get("id") for e in root.iter(f"{ns}edge")]
    assert len(set(edge_ids)) == len(edge_ids)


def test_graphml_of_adversarial_content_reads_back(tmp_path):
    path = tmp_path / "nasty.graphml"
    write_graphml(nasty_graph(), path)
    H = nx.read_graphml(path, edge_key_type=str)
    assert set(H) == {"id with spaces", "<&>\"'", "😀", "7"}
    label = H.nodes["id with spaces"]["label"]
    assert label == clean_text(NASTY) and "😀" in label and "\x0b" not in label
    assert max(len(d.get("evidence", "")) for *_, d in H.edges(data=True)) > 100_000
    assert [d["id_attribute"] for *_, d in H.edges(data=True) if "id_attribute" in d] == ["x"]
    g = igraph.Graph.Read_GraphML(str(path))
    assert g.vcount() == 4 and g.ecount() == 4


def test_graphml_without_lxml_gives_the_same_graph(monkeypatch):
    G = aggregate(instance_graph())
    with_lxml = write(write_graphml, G)
    monkeypatch.setattr("banlens.readwrite.graphml._has_lxml", lambda: False)
    without = write(write_graphml, G)

    def read(data: bytes) -> nx.MultiDiGraph:
        return nx.read_graphml(io.BytesIO(data), edge_key_type=str, force_multigraph=True)

    a, b = read(with_lxml), read(without)
    assert nx.utils.graphs_equal(a, b) and a.number_of_edges() == G.number_of_edges()


# ------------------------------------------------------------------------ CSV


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_csv_tables_in_gephi_spreadsheet_layout(tmp_path):
    A = aggregate(instance_graph())
    nodes_path, edges_path = write_csv(A, tmp_path / "net.csv")
    assert (nodes_path, edges_path) == csv_paths(tmp_path / "net.csv")
    assert nodes_path.name == "net_nodes.csv" and edges_path.name == "net_edges.csv"
    header = nodes_path.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header[:2] == ["Id", "Label"] and "mentions" in header
    edge_header = edges_path.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert edge_header[:7] == ["Source", "Target", "Type", "Weight", "Id", "Label", "Kind"]
    assert {"relation", "plover", "quad", "evidence", "documents"} <= set(edge_header)
    rows = read_csv(edges_path)
    assert len(rows) == A.number_of_edges()
    by_kind = {(r["Source"], r["Kind"], r["Target"]): r for r in rows}
    blocks = by_kind["trump", "blocks", "byte dance"]
    assert (blocks["Type"], blocks["Weight"], blocks["Label"]) == ("Directed", "2", "blocks")
    assert by_kind["byte dance", "negotiates_with", "oracle"]["Type"] == "Undirected"
    names = {r["Id"]: r["Label"] for r in read_csv(nodes_path)}
    assert names == {n: d["label"] for n, d in A.nodes(data=True)}
    assert not nodes_path.read_bytes().startswith(b"\xef\xbb\xbf")  # no BOM


def test_csv_of_adversarial_content_and_file_objects():
    nodes, edges = io.BytesIO(), io.BytesIO()
    write_csv(nasty_graph(), nodes, edges)
    node_rows = list(csv.DictReader(io.StringIO(nodes.getvalue().decode("utf-8"))))
    edge_rows = list(csv.DictReader(io.StringIO(edges.getvalue().decode("utf-8"))))
    assert {r["Id"] for r in node_rows} == {"id with spaces", "<&>\"'", "😀", "7"}
    assert len(edge_rows) == 4 and max(len(r["evidence"]) for r in edge_rows) > 100_000
    assert {r["Weight"] for r in edge_rows} == {"2.0", "1.5", "1"}
    with pytest.raises(TypeError, match="second file"):
        write_csv(nasty_graph(), io.BytesIO())


# ------------------------------------------------------------------------ JSON


def test_json_node_link_reads_back():
    G = aggregate(instance_graph())
    data = json.loads(write(write_json, G).decode("utf-8"))
    H = nx.node_link_graph(data, edges="edges")
    clean = sanitize(G, edge_label=True, edge_weight=True)
    assert dict(H.nodes(data=True)) == dict(clean.nodes)
    assert {k: d for _, _, k, d in H.edges(keys=True, data=True)} == {
        e[0]: e[3] for e in clean.edges}
    assert data["graph"]["banlens"] == "aggregated"


def test_json_of_adversarial_content_is_strict_json():
    text = write(write_json, nasty_graph()).decode("utf-8")
    json.loads(text, parse_constant=lambda c: pytest.fail(f"non-standard JSON {c}"))
    assert "\\u0000" not in text and "\\u000b" not in text


# ------------------------------------------------------------------------ files


def test_output_to_a_path_is_atomic(tmp_path):
    path = tmp_path / "out.gexf"
    path.write_bytes(b"previous")
    with pytest.raises(RuntimeError), binary_output(path) as stream:
        stream.write(b"half a file")
        raise RuntimeError("disk full")
    assert path.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["out.gexf"]  # no temporary file left


@pytest.mark.parametrize("writer", [write_graphml, write_gexf, write_json])
def test_writers_replace_files_and_leave_nothing_behind(tmp_path, writer):
    path = tmp_path / "out.file"
    path.write_bytes(b"previous")
    writer(instance_graph(), path)
    assert path.read_bytes().startswith((b"<?xml", b"{"))
    assert [p.name for p in tmp_path.iterdir()] == ["out.file"]
    with pytest.raises(banlens.BanlensError):  # fails before touching the file
        bad = nx.Graph()
        bad.add_nodes_from(["a\x00", "a"])
        writer(bad, path)
    assert path.read_bytes().startswith((b"<?xml", b"{"))


def test_writers_refuse_text_files(tmp_path):
    with (tmp_path / "g.gexf").open("w") as f, pytest.raises(TypeError, match="binary"):
        write_gexf(instance_graph(), f)


def test_same_graph_same_bytes_whatever_the_build_order():
    docs = records()
    forward = aggregate(banlens.build_graph(docs, lexicon=LEXICON))
    backward = aggregate(banlens.build_graph(docs[::-1], lexicon=LEXICON))
    for writer in (write_graphml, write_gexf, write_json):
        assert write(writer, forward) == write(writer, backward)
