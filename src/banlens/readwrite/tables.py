"""CSV node and edge tables in the layout of Gephi's spreadsheet import.

Gephi's "Import spreadsheet" wizard recognises these columns by name (case does not
matter): nodes ``Id``, ``Label``; edges ``Source``, ``Target``, ``Type``
(``Directed``/``Undirected``), ``Kind`` (the edge type that keeps parallel edges of
different relations apart), ``Id``, ``Label`` and ``Weight``. Every other column is
imported as an attribute. The same tables load straight into pandas or R.

Columns, in this order:

- nodes: ``Id, Label``, then the node attributes (``actor_type, mentions,
  documents, first_seen, last_seen``, then any others by name);
- edges: ``Source, Target, Type, Weight, Id, Label, Kind``, then the edge attributes
  (``relation, plover, quad, ...``; see :data:`~banlens.readwrite.sanitize.EDGE_COLUMNS`).

``Weight`` is the edge's ``weight`` (aggregated graphs) or 1 (one row per relation
instance). Files are UTF-8 without a byte-order mark (a BOM would become part of
Gephi's first column name), comma-separated, quoted where needed.
"""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx

from .output import Target, is_file, text_output
from .sanitize import sanitize

NODE_HEADER = ("Id", "Label")
EDGE_HEADER = ("Source", "Target", "Type", "Weight", "Id", "Label", "Kind")


def _cell(value: object) -> object:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def csv_paths(base: str | Path) -> tuple[Path, Path]:
    """The two files written for ``base``: ``net.csv`` -> ``net_nodes.csv``, ``net_edges.csv``."""
    base = Path(base)
    suffix = base.suffix or ".csv"
    stem = base.name[: -len(base.suffix)] if base.suffix else base.name
    return base.with_name(f"{stem}_nodes{suffix}"), base.with_name(f"{stem}_edges{suffix}")


def write_csv(
    G: nx.Graph, nodes: Target, edges: Target | None = None, *, delimiter: str = ","
) -> tuple[Target, Target]:
    """Write the node table and the edge table of ``G`` (Gephi's spreadsheet import).

    Parameters
    ----------
    G : networkx.Graph
        The graph.
    nodes : str, PathLike or binary file
        The node table: a path (written atomically) or a binary file object. With
        ``edges=None``, a base path: the tables go to :func:`csv_paths` of it
        (``net.csv`` -> ``net_nodes.csv`` + ``net_edges.csv``).
    edges : str, PathLike, binary file or None
        The edge table.
    delimiter : str, default ","
        The field separator.

    Returns
    -------
    tuple
        Where the node and the edge table went.

    Examples
    --------
    >>> import banlens
    >>> nlp = banlens.load()
    >>> G = banlens.build_graph(nlp("Walmart unterstützt Oracle."))
    >>> [str(p) for p in banlens.write_csv(G, "net.csv")]
    ['net_nodes.csv', 'net_edges.csv']
    """
    if edges is None:
        if is_file(nodes):
            raise TypeError("write_csv needs a second file for the edge table")
        nodes, edges = csv_paths(nodes)  # type: ignore[arg-type]
    clean = sanitize(G, node_label=True, edge_label=True, graph_attributes=False)
    node_extra = [name for name in clean.node_columns if name != "label"]
    edge_extra = [name for name in clean.edge_columns if name not in ("label", "weight")]

    with text_output(nodes, newline="") as stream:
        writer = csv.writer(stream, delimiter=delimiter, lineterminator="\n")
        writer.writerow([*NODE_HEADER, *node_extra])
        for node_id, attrs in clean.nodes:
            writer.writerow(
                [node_id, _cell(attrs.get("label", node_id)),
                 *(_cell(attrs.get(name, "")) for name in node_extra)]
            )

    with text_output(edges, newline="") as stream:
        writer = csv.writer(stream, delimiter=delimiter, lineterminator="\n")
        writer.writerow([*EDGE_HEADER, *edge_extra])
        for edge_id, source, target, attrs in clean.edges:
            undirected = not clean.directed or attrs.get("symmetric") in (True, "true")
            writer.writerow(
                [source, target, "Undirected" if undirected else "Directed",
                 _cell(attrs.get("weight", 1)), edge_id, _cell(attrs.get("label", "")),
                 _cell(attrs.get("relation", "")),
                 *(_cell(attrs.get(name, "")) for name in edge_extra)]
            )
    return nodes, edges
