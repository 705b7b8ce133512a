"""JSON node-link data (networkx's ``node_link_data`` layout, D3-friendly).

The cleaned graph (see :mod:`banlens.readwrite.sanitize`) goes through
:func:`networkx.node_link_data`, so ``networkx.node_link_graph(json.load(f),
edges="edges")`` reads it back. Edges are under ``"edges"``; each carries its unique
id as ``"key"``, a ``label`` (the relation) and a ``weight`` (1 for a relation
instance). The JSON is strict (no NaN), UTF-8, not ASCII-escaped.
"""

from __future__ import annotations

import json

import networkx as nx

from .output import Target, text_output
from .sanitize import sanitize


def write_json(G: nx.Graph, path: Target, *, indent: int | None = 1) -> None:
    """Write ``G`` as node-link JSON (what :func:`networkx.node_link_graph` reads back).

    Parameters
    ----------
    G : networkx.Graph
        The graph; attribute values are cleaned first.
    path : str, PathLike or binary file
        A path (written atomically) or a binary file object.
    indent : int or None, default 1
        Indentation of the JSON; None writes one line.

    Returns
    -------
    None

    Examples
    --------
    >>> import json, banlens, networkx as nx
    >>> nlp = banlens.load()
    >>> banlens.write_json(banlens.build_graph(nlp("Walmart unterstützt Oracle.")), "g.json")
    >>> with open("g.json", encoding="utf-8") as f:
    ...     H = nx.node_link_graph(json.load(f), edges="edges")
    >>> sorted(H.nodes)
    ['oracle', 'walmart']
    """
    clean = sanitize(G, edge_label=True, edge_weight=True)
    data = nx.node_link_data(clean.to_networkx(), edges="edges")
    with text_output(path) as stream:
        json.dump(data, stream, ensure_ascii=False, allow_nan=False, indent=indent)
        stream.write("\n")
