"""GraphML key ids: named after the attribute, and unique even where names collide."""

from __future__ import annotations

import io

import networkx as nx
import pytest
from lxml import etree

from banlens.readwrite import write_graphml

NS = "{http://graphml.graphdrawing.org/xmlns}"


def colliding_graph() -> nx.MultiDiGraph:
    """Attribute names that become the same key id: 'a b' and 'a_b' (a space is no XML
    name character), a name on both nodes and edges, and a node attribute already
    named like the edge key of another ('label_edge')."""
    G = nx.MultiDiGraph()
    G.add_node("x", **{"a b": "1", "a_b": "2", "label": "X", "label_edge": "n", "score": 1})
    G.add_node("y", **{"a b": "3", "label": "Y", "score": 2.5})
    G.add_edge("x", "y", key="e1", **{"a b": "4", "a_b": "5", "label": "kritisiert",
                                      "score": 0.5, "label_edge": "e"})
    return G


@pytest.mark.parametrize("lxml", [True, False])
def test_key_ids_stay_unique_when_names_collide(monkeypatch, lxml):
    if not lxml:
        monkeypatch.setattr("banlens.readwrite.graphml._has_lxml", lambda: False)
    stream = io.BytesIO()
    write_graphml(colliding_graph(), stream)
    root = etree.fromstring(stream.getvalue())
    keys = root.findall(f"{NS}key")
    ids = [key.get("id") for key in keys]
    assert len(ids) == len(set(ids)), ids
    by_name = {(key.get("for"), key.get("attr.name")): key.get("id") for key in keys}
    # one key per (scope, attribute), each id a legal XML name
    assert {("node", "a b"), ("node", "a_b"), ("edge", "a b"), ("edge", "a_b"),
            ("node", "label_edge"), ("edge", "label_edge")} <= set(by_name)
    assert all(" " not in key_id for key_id in ids)
    assert by_name["node", "label"] == "label"  # Gephi reads the label by its key id
    # every data element points at a declared key, and the values come back
    declared = set(ids)
    assert {d.get("key") for d in root.iter(f"{NS}data")} <= declared
    H = nx.read_graphml(io.BytesIO(stream.getvalue()), edge_key_type=str,
                        force_multigraph=True)
    assert H.nodes["x"]["a b"] == "1" and H.nodes["x"]["a_b"] == "2"
    assert H.nodes["x"]["label_edge"] == "n"
    ((_, _, data),) = H.edges(data=True)
    assert (data["a b"], data["a_b"], data["label"], data["label_edge"]) == ("4", "5",
                                                                             "kritisiert", "e")
