"""Writers for graph files that open on the first try: GraphML, GEXF 1.3, CSV, JSON
(networkx node-link, or graphology's format for Gephi Lite), a self-contained HTML
page, and for document records as JSON Lines.

Each writer accepts a path (written atomically: temporary file, then rename) or a
binary file object, cleans every attribute first (:mod:`.sanitize`) and writes
nodes, edges and attributes in a fixed order. See ``docs/gephi.md`` for which file
to open in Gephi and how. :func:`write_graph` picks the writer from the file suffix.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .gexf import write_gexf
from .graphml import write_graphml
from .graphology import graphology_data, write_graphology
from .jsonl import json_line, write_jsonl
from .nodelink import write_json
from .sanitize import CleanGraph, sanitize
from .tables import csv_paths, write_csv

__all__ = [
    "GRAPH_FORMATS",
    "SUFFIX_FORMATS",
    "CleanGraph",
    "format_from_suffix",
    "graphology_data",
    "json_line",
    "table_paths",
    "write_graph",
    "write_jsonl",
    "csv_paths",
    "sanitize",
    "write_csv",
    "write_gexf",
    "write_graphml",
    "write_graphology",
    "write_html",
    "write_json",
]

GRAPH_FORMATS = ("graphml", "gexf", "csv", "json", "graphology", "html")
SUFFIX_FORMATS = {
    ".graphml": "graphml", ".gexf": "gexf", ".csv": "csv", ".json": "json",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".html": "html", ".htm": "html",
}
#: A file name ending that asks for graphology JSON (Gephi Lite wants the ``.json``).
GRAPHOLOGY_SUFFIX = ".graphology.json"


def write_html(graph: Any, path: Any, **kwargs: Any) -> None:
    """Write the interactive, offline HTML page of ``graph`` (see
    :func:`banlens.readwrite.html.write_html`).

    Parameters
    ----------
    graph : networkx.Graph
        The graph (usually :func:`banlens.aggregate` of a built graph).
    path : str or PathLike
        Where the page goes (written atomically).
    **kwargs : Any
        Passed on: ``title``, ``max_evidence``.

    Returns
    -------
    None

    Examples
    --------
    >>> import os, banlens
    >>> nlp = banlens.load()
    >>> G = banlens.aggregate(banlens.build_graph([nlp("Walmart unterstützt Oracle.")]))
    >>> banlens.write_html(G, "network.html")
    >>> os.path.getsize("network.html") > 0
    True
    """
    from .html import write_html as write

    write(graph, path, **kwargs)


def format_from_suffix(path: str | os.PathLike[str]) -> str | None:
    """The format a path asks for: a folder (or a trailing slash) is ``csv``, else the
    suffix decides (``.graphml``, ``.gexf``, ``.csv``, ``.json``, ``.graphology.json``,
    ``.html``, ``.jsonl``); None when it cannot tell."""
    text = os.fspath(path)
    if Path(text).is_dir() or text.endswith(("/", os.sep)):
        return "csv"
    if text.lower().endswith(GRAPHOLOGY_SUFFIX):
        return "graphology"
    return SUFFIX_FORMATS.get(Path(text).suffix.lower())


def table_paths(path: str | os.PathLike[str]) -> tuple[Path, Path]:
    """Node and edge table paths for a csv output: a folder (existing, or written with a
    trailing slash) receives ``nodes.csv`` and ``edges.csv``; any other path is a stem
    (``net.csv`` or ``net`` gives ``net_nodes.csv`` and ``net_edges.csv``)."""
    text = os.fspath(path)
    if Path(text).is_dir() or text.endswith(("/", os.sep)):
        return Path(text) / "nodes.csv", Path(text) / "edges.csv"
    return csv_paths(text)


def write_graph(graph: Any, path: str | os.PathLike[str], fmt: str | None = None) -> str:
    """Write ``graph`` in the format its file name asks for.

    Parameters
    ----------
    graph : networkx.Graph
        An instance or aggregated graph.
    path : str or PathLike
        The file; for ``csv``, a folder or file stem for the node and edge tables.
    fmt : str or None
        ``graphml``, ``gexf``, ``csv`` or ``json``; default: from the suffix of ``path``.

    Returns
    -------
    str
        What was written (for ``csv``, the two table paths).

    Raises
    ------
    ValueError
        When the format is unknown or cannot be told from ``path``.

    Examples
    --------
    >>> import banlens
    >>> nlp = banlens.load()
    >>> G = banlens.build_graph(nlp("Walmart unterstützt Oracle."))
    >>> banlens.write_graph(banlens.aggregate(G), "network.graphml")
    'network.graphml'
    >>> banlens.write_graph(G, "tables.csv")
    'tables_nodes.csv, tables_edges.csv'
    """
    fmt = fmt or format_from_suffix(path)
    if fmt not in GRAPH_FORMATS:
        raise ValueError(f"cannot write a graph as {fmt or os.fspath(path)!r}: give one of "
                         f"{', '.join(GRAPH_FORMATS)} or a path with such a suffix")
    if fmt == "csv":
        nodes, edges = table_paths(path)
        nodes.parent.mkdir(parents=True, exist_ok=True)
        write_csv(graph, nodes, edges)
        return f"{nodes}, {edges}"
    # looked up at call time, so a writer replaced on this module is the one used
    writer = {"graphml": write_graphml, "gexf": write_gexf, "json": write_json,
              "graphology": write_graphology, "html": write_html}[fmt]
    writer(graph, path)
    return os.fspath(path)
