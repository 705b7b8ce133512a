"""GEXF 1.3 for Gephi: labels, weights, relation kinds, colours and a timeline.

networkx (3.6) writes GEXF 1.2draft by default and its ``version="1.3"`` output is
not valid against the 1.3 schema (wrong XML Schema instance namespace, a ``name``
attribute on ``<graph>``, colours in a separate ``viz`` namespace) and has no edge
``kind``. This module therefore writes the 1.3 XML itself, streaming it from the
cleaned graph of :mod:`banlens.readwrite.sanitize` (which already removed every
character XML does not allow, so only markup characters need escaping).

What Gephi gets:

- node ``label`` = the actor's display name; edge ``label`` and ``kind`` = the
  relation, so parallel edges of different relations between two actors stay apart;
- edge ``weight`` (aggregated graphs) and ``type="undirected"`` for symmetric
  relations;
- ``<color>`` per edge by the PLOVER quad class (``quad``) and per node by actor
  type; colours are in the GEXF namespace, where the 1.3 schema puts them (Gephi
  reads them by local name);
- dates as spells so the timeline works: a node lives from ``first_seen`` to
  ``last_seen``; an edge has one spell per date (``dates`` of an aggregated edge,
  ``date`` of a relation instance);
- every other attribute as a typed ``<attvalue>``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import IO

import networkx as nx

from .output import Target, binary_output
from .sanitize import LIST_SEPARATOR, CleanGraph, Scalar, sanitize

NAMESPACE = "http://gexf.net/1.3"

#: Edge colours (r, g, b) by PLOVER quad class; anything else is grey.
QUAD_COLORS: dict[str, tuple[int, int, int]] = {
    "verbal_cooperation": (102, 187, 106),
    "material_cooperation": (30, 136, 229),
    "verbal_conflict": (251, 140, 0),
    "material_conflict": (211, 47, 47),
}
#: Node colours (r, g, b) by actor type; anything else is grey.
ACTOR_COLORS: dict[str, tuple[int, int, int]] = {
    "person": (142, 36, 170),
    "organization": (0, 137, 123),
    "government": (57, 73, 171),
    "country": (109, 76, 65),
    "platform": (0, 172, 193),
    "court": (84, 110, 122),
    "media": (216, 27, 96),
}
OTHER_COLOR = (158, 158, 158)

_TYPES = {str: "string", int: "long", float: "double", bool: "boolean"}
# Written as XML attributes of <node>/<edge>, not as <attvalue>s.
_NODE_BUILTIN = frozenset({"label"})


def _value(value: Scalar) -> str:
    if value is True or value is False:
        return "true" if value else "false"
    return value if type(value) is str else str(value)


def _token(value: Scalar) -> str:
    """An xs:token (labels, kinds): whitespace runs become one space, no ends."""
    return " ".join(_value(value).split())


def _time(text: str) -> str | None:
    """``text`` as an xs:date or xs:dateTime string, or None if it is no ISO date."""
    text = text.strip()
    try:
        if len(text) <= 10:
            return date.fromisoformat(text).isoformat()
        return datetime.fromisoformat(text).isoformat()
    except ValueError:
        return None


class _Spells:
    """Collects the time values of the graph and formats them for one timeformat."""

    def __init__(self, clean: CleanGraph) -> None:
        self.node: dict[str, list[tuple[str, str]]] = {}
        self.edge: dict[str, list[tuple[str, str]]] = {}
        values: list[str] = []
        for node_id, attrs in clean.nodes:
            first, last = attrs.get("first_seen"), attrs.get("last_seen")
            if isinstance(first, str) and isinstance(last, str):
                span = (_time(first), _time(last))
                if span[0] and span[1]:
                    self.node[node_id] = [span]  # type: ignore[list-item]
                    values += span
        for edge_id, _, _, attrs in clean.edges:
            dates = attrs.get("dates")
            if not isinstance(dates, str) or not dates:
                dates = attrs.get("date")
            if isinstance(dates, str) and dates:
                found = {_time(d) for d in dates.split(LIST_SEPARATOR)} - {None}
                if found:
                    self.edge[edge_id] = [(d, d) for d in sorted(found)]  # type: ignore[misc]
                    values += found  # type: ignore[arg-type]
        self.dynamic = bool(values)
        self.datetime = any(len(v) > 10 for v in values)
        self.timeformat = "dateTime" if self.datetime else "date"

    def format(self, value: str) -> str:
        if self.datetime and len(value) == 10:
            return value + "T00:00:00"
        return value


def _attr(text: str) -> str:
    """Escape an attribute value (chained replaces beat str.translate here)."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if '"' in text:
        text = text.replace('"', "&quot;")
    if "\n" in text:
        text = text.replace("\n", "&#10;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    if "\t" in text:
        text = text.replace("\t", "&#9;")
    return text


def _text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class _Xml:
    """Streams indented XML; values are already legal XML characters (sanitized), so
    escaping the markup characters is all that is left to do."""

    def __init__(self, stream: IO[bytes], prettyprint: bool) -> None:
        self.stream = stream
        self.pretty = prettyprint
        self.depth = 0
        self.parts: list[str] = ['<?xml version="1.0" encoding="UTF-8"?>']

    def _write(self, text: str) -> None:
        self.parts.append(text)
        if len(self.parts) >= 8192:
            self.flush()

    def raw(self, markup: str) -> None:
        self._write(markup)

    def flush(self) -> None:
        self.stream.write("".join(self.parts).encode("utf-8"))
        self.parts.clear()

    def _start(self, name: str, attrs: Mapping[str, str] | None, end: str) -> None:
        indent = "\n" + "  " * self.depth if self.pretty else ""
        markup = "".join(
            f' {key}="{_attr(value)}"' for key, value in (attrs or {}).items()
        )
        self._write(f"{indent}<{name}{markup}{end}")

    def open(self, name: str, attrs: Mapping[str, str] | None = None) -> None:
        self._start(name, attrs, ">")
        self.depth += 1

    def close(self, name: str) -> None:
        self.depth -= 1
        indent = "\n" + "  " * self.depth if self.pretty else ""
        self._write(f"{indent}</{name}>")

    def leaf(self, name: str, attrs: Mapping[str, str], text: str | None = None) -> None:
        if text:
            self._start(name, attrs, ">")
            self._write(f"{_text(text)}</{name}>")
        else:
            self._start(name, attrs, "/>")


def _color(rgb: tuple[int, int, int]) -> dict[str, str]:
    r, g, b = rgb
    return {"r": str(r), "g": str(g), "b": str(b), "a": "1.0"}


def _attributes(xml: _Xml, kind: str, columns: Mapping[str, tuple[str, str]]) -> None:
    if not columns:
        return
    xml.open("attributes", {"class": kind, "mode": "static"})
    for name, (key, typename) in columns.items():
        xml.leaf("attribute", {"id": key, "title": name, "type": typename})
    xml.close("attributes")


def _attvalues(xml: _Xml, attrs: Mapping[str, Scalar], ids: Mapping[str, tuple[str, str]]) -> None:
    """All ``<attvalue>``s of one element in one string (the writer's hot loop)."""
    pad = "\n" + "  " * (xml.depth + 1) if xml.pretty else ""
    items = [
        f'{pad}<attvalue for="{ids[name][0]}" value="{_attr(_value(value))}"/>'
        for name, value in attrs.items()
        if name in ids
    ]
    if items:
        outer = "\n" + "  " * xml.depth if xml.pretty else ""
        xml.raw(f"{outer}<attvalues>{''.join(items)}{outer}</attvalues>")


def _spells(xml: _Xml, spells: list[tuple[str, str]] | None, times: _Spells) -> None:
    if not spells:
        return
    xml.open("spells")
    for start, end in spells:
        xml.leaf("spell", {"start": times.format(start), "end": times.format(end)})
    xml.close("spells")


def write_gexf(
    G: nx.Graph,
    path: Target,
    *,
    prettyprint: bool = True,
    quad_colors: Mapping[str, tuple[int, int, int]] | None = None,
    actor_colors: Mapping[str, tuple[int, int, int]] | None = None,
) -> None:
    """Write ``G`` as GEXF 1.3 to a path (atomically) or a binary file object.

    ``quad_colors``/``actor_colors`` replace :data:`QUAD_COLORS`/:data:`ACTOR_COLORS`
    (mappings to ``(r, g, b)`` with 0-255 channels).
    """
    clean = sanitize(G, node_label=True, edge_label=True, graph_attributes=False)
    quads = dict(QUAD_COLORS if quad_colors is None else quad_colors)
    actors = dict(ACTOR_COLORS if actor_colors is None else actor_colors)
    times = _Spells(clean)
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

    with binary_output(path) as stream:
        xml = _Xml(stream, prettyprint)
        xml.open("gexf", {"xmlns": NAMESPACE, "version": "1.3"})
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
            rgb = actors.get(str(attrs.get("actor_type", "")).lower(), OTHER_COLOR)
            xml.leaf("color", _color(rgb))
            _attvalues(xml, attrs, node_ids)
            _spells(xml, times.node.get(node_id), times)
            xml.close("node")
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
            symmetric = attrs.get("symmetric")
            if clean.directed and symmetric in (True, "true"):
                element["type"] = "undirected"
            xml.open("edge", element)
            rgb = quads.get(str(attrs.get("quad", "")).lower(), OTHER_COLOR)
            xml.leaf("color", _color(rgb))
            _attvalues(xml, attrs, edge_ids)
            _spells(xml, times.edge.get(edge_id), times)
            xml.close("edge")
        xml.close("edges")
        xml.close("graph")
        xml.close("gexf")
        xml._write("\n")
        xml.flush()
