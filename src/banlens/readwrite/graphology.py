"""JSON in graphology's serialization format: what Gephi Lite opens from a ``.json`` file.

Gephi Lite (and any page using graphology, such as a sigma.js view) reads a graph
with ``Graph.from(data)``; networkx's node-link JSON is not that format. The layout::

    {"attributes": {...},
     "options": {"type": "directed", "multi": true, "allowSelfLoops": true},
     "nodes": [{"key": "oracle", "attributes": {"label": "Oracle", "x": .., "y": ..,
                                                "size": 9.5, "color": "#00897b", ...}}],
     "edges": [{"key": "...", "source": "...", "target": "...",
                "attributes": {"label": "blocks", "weight": 2, "size": 2.0,
                               "color": "#fb8c00", ...}}]}

Nodes carry ``label``, ``color`` (by actor type), ``size`` (from ``mentions``) and
``x``/``y`` from a force-directed layout, so the first view is readable; edges carry
``label``, ``weight`` (1 for a relation instance), ``color`` (by quad class) and
``size`` (the drawn width, growing with the weight). Every other attribute is copied
as cleaned by :mod:`banlens.readwrite.sanitize`. Gephi Lite picks the format from the
suffix: name the file ``*.json`` (``network.graphology.json`` is a good choice).
"""

from __future__ import annotations

import json
import math
from typing import Any

import networkx as nx

from .output import Target, text_output
from .sanitize import sanitize
from .style import edge_rgb, hex_color, node_rgb, node_sizes, spring_positions


def edge_width(weight: Any) -> float:
    """The drawn width of an edge of ``weight`` instances: 1 for one, +1 per doubling."""
    if isinstance(weight, bool) or not isinstance(weight, int | float) or not weight >= 1:
        return 1.0
    return round(1.0 + math.log2(weight), 2)


def graphology_data(G: nx.Graph, *, positions: bool = True) -> dict[str, Any]:
    """The graphology serialization of ``G`` (see the module text) as a dict."""
    clean = sanitize(G, node_label=True, edge_label=True, edge_weight=True)
    sizes = node_sizes(clean.nodes)
    pos = spring_positions(
        (node for node, _ in clean.nodes),
        ((u, v, attrs.get("weight", 1)) for _, u, v, attrs in clean.edges),
    ) if positions else {}
    nodes = []
    for node_id, attrs in clean.nodes:
        shown: dict[str, Any] = {"color": hex_color(node_rgb(attrs)), "size": sizes[node_id]}
        if node_id in pos:
            shown["x"], shown["y"] = pos[node_id]
        nodes.append({"key": node_id, "attributes": {**shown, **attrs}})
    edges = []
    for edge_id, source, target, attrs in clean.edges:
        shown = {"color": hex_color(edge_rgb(attrs)), "size": edge_width(attrs.get("weight"))}
        edges.append({"key": edge_id, "source": source, "target": target,
                      "attributes": {**shown, **attrs}})
    return {
        "attributes": {"name": "banlens actor network", **clean.graph},
        "options": {"type": "directed" if clean.directed else "undirected",
                    "multi": True, "allowSelfLoops": True},
        "nodes": nodes,
        "edges": edges,
    }


def write_graphology(G: nx.Graph, path: Target, *, indent: int | None = None) -> None:
    """Write ``G`` as graphology JSON, the file Gephi Lite opens.

    Parameters
    ----------
    G : networkx.Graph
        The graph (usually :func:`banlens.aggregate` of a built graph); attribute
        values are cleaned first.
    path : str, PathLike or binary file
        A path (written atomically; Gephi Lite wants the suffix ``.json``) or a binary
        file object.
    indent : int or None
        Indentation of the JSON; None writes one line.

    Returns
    -------
    None

    Examples
    --------
    >>> import json, banlens
    >>> nlp = banlens.load()
    >>> G = banlens.aggregate(banlens.build_graph([nlp("Walmart unterstützt Oracle.")]))
    >>> banlens.write_graphology(G, "network.graphology.json")
    >>> with open("network.graphology.json", encoding="utf-8") as f:
    ...     data = json.load(f)
    >>> sorted(node["key"] for node in data["nodes"]), len(data["edges"])
    (['oracle', 'walmart'], 1)
    """
    data = graphology_data(G)
    with text_output(path) as stream:
        json.dump(data, stream, ensure_ascii=False, allow_nan=False, indent=indent)
        stream.write("\n")
