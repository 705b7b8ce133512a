"""GraphML for Gephi, networkx, igraph and yEd.

networkx writes the XML; this module cleans the graph first (see
:mod:`banlens.readwrite.sanitize`) and names the ``<key>`` ids. Gephi reads a key's
id before its ``attr.name``, and networkx numbers keys ``d0, d1, ...`` by default,
so whichever attribute happens to get ``d3`` (nodes) or ``d7`` (edges) would become
Gephi's label. Here a key id is the attribute name itself (made a legal XML name),
and a name used for both nodes and edges gets ``_edge`` on the edge key so ids stay
unique, as GraphML requires. Edge ids are unique over the whole file: Gephi and
yEd silently drop edges with a repeated id.

Nodes and edges carry ``label`` (Gephi's label column) and every edge a ``weight``
(Gephi's edge weight: the count of an aggregated edge, 1 for a relation instance).
Colours go in ``r``, ``g`` and ``b`` (integers 0-255) on nodes (by actor type) and
edges (by quad class): Gephi reads these names as the element's colour, and
graphology's GraphML parser (Gephi Lite) turns them into its ``color``. Nodes get a
``size`` from ``mentions``, which Gephi and Gephi Lite use as node size. Graphs that
already have any of these attributes keep their own values.
"""

from __future__ import annotations

import re
from typing import Any

import networkx as nx
from networkx.readwrite.graphml import GraphMLWriter, GraphMLWriterLxml

from .output import Target, binary_output
from .sanitize import CleanGraph, sanitize
from .style import edge_rgb, node_rgb, node_sizes

_NOT_NAME = re.compile(r"[^A-Za-z0-9_.\-]")


class _NamedKeys:
    """Mixin for networkx's GraphML writers: readable key ids, unique across scopes."""

    keys: dict[tuple[str, str, str], str]
    xml: Any
    myElement: Any

    def get_key(self, name: str, attr_type: str, scope: str, default: Any) -> str:
        signature = (name, attr_type, scope)
        if signature in self.keys:
            return self.keys[signature]
        used = set(self.keys.values())
        base = _NOT_NAME.sub("_", name) or "key"
        key_id, n = base, 1
        while key_id in used:
            n += 1
            key_id = f"{base}_{scope}" if n == 2 else f"{base}_{scope}{n}"
        self.keys[signature] = key_id
        element = self.myElement(
            "key", **{"id": key_id, "for": scope, "attr.name": name, "attr.type": attr_type}
        )
        self.xml.append(element)  # keys come before the graph element, in creation order
        return key_id


class _Writer(_NamedKeys, GraphMLWriter):
    """The standard-library writer (builds the document in memory)."""


class _LxmlWriter(_NamedKeys, GraphMLWriterLxml):
    """The lxml writer (streams nodes and edges; several times faster)."""


def _has_lxml() -> bool:
    try:
        import lxml.etree  # noqa: F401
    except ImportError:
        return False
    return True


def _register_keys(writer: Any, clean: CleanGraph) -> None:
    """Create the keys up front, in column order (nodes first)."""
    for scope, columns in (("node", clean.node_columns), ("edge", clean.edge_columns)):
        for name, kind in columns.items():
            writer.get_key(name, writer.get_xml_type(kind), scope, None)


# Attribute names that readers take for the element's own id (Gephi: the edge id, so
# repeated values drop edges; igraph: the GraphML id). They are written renamed.
_ID_NAMES = frozenset({"id", "edgeid"})


def _rename_ids(clean: CleanGraph) -> None:
    for columns, rows in ((clean.node_columns, [a for _, a in clean.nodes]),
                          (clean.edge_columns, [e[3] for e in clean.edges])):
        for name in [n for n in columns if n.lower() in _ID_NAMES]:
            new = f"{name}_attribute"
            while new in columns:
                new += "_"
            columns[new] = columns.pop(name)
            for row in rows:
                if name in row:
                    row[new] = row.pop(name)


def _add_style(clean: CleanGraph) -> None:
    """Colour (``r``, ``g``, ``b``) and ``size`` columns, where the graph has none."""
    names = ("r", "g", "b")
    if not set(names) & set(clean.node_columns):
        for _, attrs in clean.nodes:
            attrs.update(zip(names, node_rgb(attrs), strict=True))
        clean.node_columns.update(dict.fromkeys(names, int))
    if "size" not in clean.node_columns:
        sizes = node_sizes(clean.nodes)
        for node_id, attrs in clean.nodes:
            attrs["size"] = sizes[node_id]
        clean.node_columns["size"] = float
    if not set(names) & set(clean.edge_columns):
        for *_, attrs in clean.edges:
            attrs.update(zip(names, edge_rgb(attrs), strict=True))
        clean.edge_columns.update(dict.fromkeys(names, int))


def write_graphml(G: nx.Graph, path: Target, *, prettyprint: bool = True) -> None:
    """Write ``G`` as GraphML for Gephi, networkx, igraph and yEd.

    Graph-level attributes are not written (Gephi reports keys ``for="graph"`` as an
    error). Symmetric relations keep their stored direction; their ``symmetric``
    attribute says so (networkx cannot read mixed directed/undirected GraphML).
    An attribute named ``id`` (or ``edgeid``) is written as ``id_attribute``: Gephi
    would take it for the edge id and igraph for the node id.

    Parameters
    ----------
    G : networkx.Graph
        The graph; attribute values are cleaned for XML first.
    path : str, PathLike or binary file
        A path (written atomically) or a binary file object.
    prettyprint : bool, default True
        Indent the XML.

    Returns
    -------
    None

    Examples
    --------
    >>> import banlens, networkx as nx
    >>> nlp = banlens.load()
    >>> banlens.write_graphml(banlens.build_graph(nlp("Walmart unterstützt Oracle.")), "g.graphml")
    >>> H = nx.read_graphml("g.graphml", force_multigraph=True)
    >>> [d["relation"] for _, _, d in H.edges(data=True)]
    ['supports']
    """
    clean = sanitize(G, node_label=True, edge_label=True, edge_weight=True,
                     graph_attributes=False)
    _rename_ids(clean)
    _add_style(clean)
    graph = clean.to_networkx()
    with binary_output(path) as stream:
        if _has_lxml():
            writer: Any = _LxmlWriter(stream, encoding="utf-8", prettyprint=prettyprint)
            _register_keys(writer, clean)
            writer.add_graph_element(graph)
            writer.dump()
        else:
            writer = _Writer(encoding="utf-8", prettyprint=prettyprint)
            _register_keys(writer, clean)
            writer.add_graph_element(graph)
            writer.dump(stream)
