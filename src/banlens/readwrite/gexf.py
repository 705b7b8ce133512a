"""GEXF 1.3 that Gephi, Gephi Lite (graphology) and networkx all read in full.

networkx (3.6) writes GEXF 1.2draft by default, its ``version="1.3"`` output is not
valid against the 1.3 schema (wrong XML Schema instance namespace, a ``name``
attribute on ``<graph>``) and it has no edge ``kind``. This module therefore writes
the 1.3 XML itself, streaming it with the standard library's
:class:`xml.sax.saxutils.XMLGenerator` (which escapes every attribute value) from
the cleaned graph of :mod:`banlens.readwrite.sanitize` (which already removed every
character XML does not allow).

What the readers get:

- node ``label`` = the actor's display name; edge ``label`` and ``kind`` = the
  relation, so Gephi keeps parallel edges of different relations between two actors
  apart;
- edge ``weight`` on every edge: the number of instances of an aggregated edge, 1 for
  a relation instance;
- ``viz:color`` (namespace ``http://gexf.net/1.3/viz``) per node by actor type and
  per edge by PLOVER quad class, with ``a="1"``: an alpha every reader parses
  (graphology passes it into a CSS ``rgba()`` string, Gephi and networkx as a float);
- ``viz:size`` per node from ``mentions`` (:func:`banlens.readwrite.style.node_sizes`);
- dates as spells (by day) so Gephi's timeline works: a node lives from
  ``first_seen`` to ``last_seen``; an edge has one spell per day it was reported
  (``dates`` of an aggregated edge, ``date`` of a relation instance);
- every other attribute as a typed ``<attvalue>``.

Symmetric relations (``symmetric`` = true) keep their stored direction (from the
smaller actor id to the larger) by default: networkx's ``read_gexf`` refuses an
undirected edge in a directed graph, and a directed file with a ``symmetric`` column
opens everywhere. ``undirected_symmetric=True`` writes them as
``type="undirected"`` instead (a mixed graph), which Gephi and graphology draw
without arrowheads but networkx cannot read.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import date, datetime
from typing import IO
from xml.sax.saxutils import XMLGenerator

import networkx as nx

from .output import Target, text_output
from .sanitize import LIST_SEPARATOR, CleanGraph, Scalar, sanitize
from .style import (
    ACTOR_COLORS,
    OTHER_COLOR,
    QUAD_COLORS,
    check_palette,
    edge_rgb,
    node_rgb,
    node_sizes,
)

__all__ = ["ACTOR_COLORS", "NAMESPACE", "OTHER_COLOR", "QUAD_COLORS", "VIZ_NAMESPACE",
           "write_gexf"]

NAMESPACE = "http://gexf.net/1.3"
VIZ_NAMESPACE = "http://gexf.net/1.3/viz"

_TYPES = {str: "string", int: "long", float: "double", bool: "boolean"}
# Written as XML attributes of <node>/<edge>, not as <attvalue>s.
_NODE_BUILTIN = frozenset({"label"})
# Characters of XML generated before they go to the file.
_CHUNK = 1 << 20


def _value(value: Scalar) -> str:
    if value is True or value is False:
        return "true" if value else "false"
    return value if type(value) is str else str(value)


def _token(value: Scalar) -> str:
    """An xs:token (labels, kinds): whitespace runs become one space, no ends."""
    return " ".join(_value(value).split())


def _number(value: float) -> str:
    """A float without a needless ``.0`` (``4`` not ``4.0``)."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _time(text: str) -> str | None:
    """``text`` as an xs:date (a date-time gives its day), or None if it is no ISO date."""
    text = text.strip()
    try:
        if len(text) <= 10:
            return date.fromisoformat(text).isoformat()
        return datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        return None


class _Spells:
    """The time values of the graph, by day (``timeformat="date"``).

    Days, not date-times: news reports are dated by day, Gephi's timeline works in
    days as well, and networkx's reader does not know ``timeformat="dateTime"``.
    """

    def __init__(self, clean: CleanGraph) -> None:
        self.node: dict[str, list[tuple[str, str]]] = {}
        self.edge: dict[str, list[tuple[str, str]]] = {}
        for node_id, attrs in clean.nodes:
            first, last = attrs.get("first_seen"), attrs.get("last_seen")
            if isinstance(first, str) and isinstance(last, str):
                span = (_time(first), _time(last))
                if span[0] and span[1]:
                    self.node[node_id] = [span]  # type: ignore[list-item]
        for edge_id, _, _, attrs in clean.edges:
            dates = attrs.get("dates")
            if not isinstance(dates, str) or not dates:
                dates = attrs.get("date")
            if isinstance(dates, str) and dates:
                found = {_time(d) for d in dates.split(LIST_SEPARATOR)} - {None}
                if found:
                    self.edge[edge_id] = [(d, d) for d in sorted(found)]  # type: ignore[misc]
        self.dynamic = bool(self.node or self.edge)
        self.timeformat = "date"


class _Xml:
    """An :class:`XMLGenerator` with optional indentation."""

    def __init__(self, stream: IO[str], prettyprint: bool) -> None:
        # The generator writes many small pieces; a StringIO takes them at C speed and
        # passes them on in large chunks (a file's text layer encodes each write alone).
        self.stream = stream
        self.buffer = io.StringIO()
        self.gen = XMLGenerator(self.buffer, encoding="utf-8", short_empty_elements=True)
        self.pretty = prettyprint
        self.depth = 0

    def flush(self) -> None:
        """Pass what was generated so far on to the stream."""
        self.stream.write(self.buffer.getvalue())
        self.buffer.seek(0)
        self.buffer.truncate()

    def _indent(self) -> None:
        if self.pretty:
            self.gen.ignorableWhitespace("\n" + "  " * self.depth)

    def open(self, name: str, attrs: Mapping[str, str] | None = None) -> None:
        self._indent()
        self.gen.startElement(name, attrs or {})
        self.depth += 1

    def close(self, name: str) -> None:
        self.depth -= 1
        self._indent()
        self.gen.endElement(name)

    def leaf(self, name: str, attrs: Mapping[str, str], text: str | None = None) -> None:
        self._indent()
        self.gen.startElement(name, attrs)
        if text:
            self.gen.characters(text)
        self.gen.endElement(name)


def _color(xml: _Xml, rgb: tuple[int, int, int]) -> None:
    r, g, b = rgb
    xml.leaf("viz:color", {"r": str(r), "g": str(g), "b": str(b), "a": "1"})


def _attributes(xml: _Xml, kind: str, columns: Mapping[str, tuple[str, str]]) -> None:
    if not columns:
        return
    xml.open("attributes", {"class": kind, "mode": "static"})
    for name, (key, typename) in columns.items():
        xml.leaf("attribute", {"id": key, "title": name, "type": typename})
    xml.close("attributes")


def _attvalues(xml: _Xml, attrs: Mapping[str, Scalar], ids: Mapping[str, tuple[str, str]]) -> None:
    items = [(ids[name][0], value) for name, value in attrs.items() if name in ids]
    if not items:
        return
    xml.open("attvalues")
    for key, value in items:
        xml.leaf("attvalue", {"for": key, "value": _value(value)})
    xml.close("attvalues")


def _spells(xml: _Xml, spells: list[tuple[str, str]] | None) -> None:
    if not spells:
        return
    xml.open("spells")
    for start, end in spells:
        xml.leaf("spell", {"start": start, "end": end})
    xml.close("spells")


def write_gexf(
    G: nx.Graph,
    path: Target,
    *,
    prettyprint: bool = True,
    quad_colors: Mapping[str, tuple[int, int, int]] | None = None,
    actor_colors: Mapping[str, tuple[int, int, int]] | None = None,
    undirected_symmetric: bool = False,
) -> None:
    """Write ``G`` as GEXF 1.3, for Gephi desktop, Gephi Lite and networkx.

    Parameters
    ----------
    G : networkx.Graph
        The graph (usually :func:`banlens.aggregate` of a built graph); attribute
        values are cleaned first.
    path : str, PathLike or binary file
        A path (written atomically) or a binary file object.
    prettyprint : bool
        Indent the XML.
    quad_colors : mapping or None
        Edge colours by quad class, ``(r, g, b)`` with 0-255 channels (default: the
        palette of :mod:`banlens.readwrite.style`).
    actor_colors : mapping or None
        Node colours by actor type, as ``quad_colors``.
    undirected_symmetric : bool
        Write symmetric relations as undirected edges, for Gephi and Gephi Lite only
        (networkx cannot read such a file; see the module text).

    Returns
    -------
    None

    Examples
    --------
    >>> import banlens, networkx as nx
    >>> nlp = banlens.load()
    >>> G = banlens.aggregate(banlens.build_graph([nlp("Walmart unterstützt Oracle.")]))
    >>> banlens.write_gexf(G, "network.gexf")
    >>> sorted(nx.read_gexf("network.gexf").nodes)
    ['oracle', 'walmart']
    """
    clean = sanitize(G, node_label=True, edge_label=True, edge_weight=True,
                     graph_attributes=False)
    quads = check_palette(quad_colors, QUAD_COLORS, "quad")
    actors = check_palette(actor_colors, ACTOR_COLORS, "actor type")
    times = _Spells(clean)
    sizes = node_sizes(clean.nodes)
    node_ids = {
        name: (str(i), _TYPES[kind])
        for i, (name, kind) in enumerate(
            (n, k) for n, k in clean.node_columns.items() if n not in _NODE_BUILTIN
        )
    }
    weight_is_number = clean.edge_columns.get("weight") in (int, float)
    edge_builtin = {"label", "weight"} if weight_is_number else {"label"}
    edge_ids = {
        name: (str(i), _TYPES[kind])
        for i, (name, kind) in enumerate(
            (n, k) for n, k in clean.edge_columns.items() if n not in edge_builtin
        )
    }
    graph_attrs = {"defaultedgetype": "directed" if clean.directed else "undirected"}
    if times.dynamic:
        graph_attrs.update(mode="dynamic", timeformat=times.timeformat,
                           timerepresentation="interval")
    else:
        graph_attrs["mode"] = "static"
    graph_attrs["idtype"] = "string"

    with text_output(path, newline="\n") as stream:
        xml = _Xml(stream, prettyprint)
        xml.gen.startDocument()
        xml.open("gexf", {"xmlns": NAMESPACE, "xmlns:viz": VIZ_NAMESPACE, "version": "1.3"})
        xml.open("meta")
        xml.leaf("creator", {}, "banlens")
        xml.leaf("description", {}, "actor network extracted from German news text")
        xml.close("meta")
        xml.open("graph", graph_attrs)
        _attributes(xml, "node", node_ids)
        _attributes(xml, "edge", edge_ids)

        xml.open("nodes", {"count": str(len(clean.nodes))})
        for node_id, attrs in clean.nodes:
            xml.open("node", {"id": node_id, "label": _token(attrs.get("label", node_id))})
            _attvalues(xml, attrs, node_ids)
            _spells(xml, times.node.get(node_id))
            _color(xml, node_rgb(attrs, actors))
            xml.leaf("viz:size", {"value": _number(sizes[node_id])})
            xml.close("node")
            if xml.buffer.tell() > _CHUNK:
                xml.flush()
        xml.close("nodes")

        xml.open("edges", {"count": str(len(clean.edges))})
        for edge_id, source, target, attrs in clean.edges:
            element = {"id": edge_id, "source": source, "target": target}
            if "label" in attrs:
                element["label"] = _token(attrs["label"])
            if "relation" in attrs:
                element["kind"] = _token(attrs["relation"])
            if weight_is_number and "weight" in attrs:
                element["weight"] = _value(attrs["weight"])
            if (undirected_symmetric and clean.directed
                    and attrs.get("symmetric") in (True, "true")):
                element["type"] = "undirected"
            xml.open("edge", element)
            _attvalues(xml, attrs, edge_ids)
            _spells(xml, times.edge.get(edge_id))
            _color(xml, edge_rgb(attrs, quads))
            xml.close("edge")
            if xml.buffer.tell() > _CHUNK:
                xml.flush()
        xml.close("edges")
        xml.close("graph")
        xml.close("gexf")
        xml.gen.endDocument()
        xml.buffer.write("\n")
        xml.flush()
