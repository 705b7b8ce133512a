"""Turn any networkx graph into clean, typed, ordered tables before writing.

Graph files fail in ways that are hard to see: a control character from a news
text makes the XML unreadable, ``None`` or a list crashes a writer, an attribute
that is an int on one edge and a string on another becomes two columns, repeated
edge ids make Gephi drop edges. Every writer of :mod:`banlens.readwrite` therefore
goes through :func:`sanitize`, which returns a :class:`CleanGraph` where

- every value is a ``str``, ``int``, ``float`` or ``bool`` (``None``, NaN and
  infinity are left out; lists, tuples and sets are joined with
  :data:`LIST_SEPARATOR`; dicts become JSON; dates become ISO-8601; numpy scalars
  become Python scalars);
- every string is legal XML 1.0 (control characters, lone surrogates and
  U+FFFE/U+FFFF are removed; line ends become ``\\n``);
- each attribute name has one type over all nodes (and one over all edges): bools
  stay bools, ints stay ints, ints mixed with floats become floats, anything else
  mixed becomes strings;
- node ids are strings (``7`` becomes ``"7"``); every edge has a unique string id
  (the multigraph key when keys are unique, as in graphs from
  :func:`banlens.build_graph`);
- nodes, edges and attribute names come in a fixed order (nodes and edges sorted by
  id, attributes in :data:`NODE_COLUMNS`/:data:`EDGE_COLUMNS` order, then by name),
  so the same graph always gives the same file.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import networkx as nx

from ..errors import BanlensError

Scalar = str | int | float | bool

#: Separator used to join list values into one string.
LIST_SEPARATOR = " | "

#: Preferred order of node attributes; others follow sorted by name.
NODE_COLUMNS = ("label", "actor_type", "mentions", "documents", "first_seen", "last_seen")
#: Preferred order of edge attributes; others follow sorted by name.
EDGE_COLUMNS = (
    "relation", "label", "weight", "plover", "quad", "symmetric", "negated",
    "hypothetical", "coref", "documents", "sentences", "confidence", "method", "methods",
    "trigger", "doc_id", "doc_ids", "date", "first_seen", "last_seen", "dates",
    "start", "end", "evidence",
)

# Characters XML 1.0 does not allow (tab, LF and CR are allowed) plus lone surrogates,
# which cannot be encoded as UTF-8.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_INT64 = 2**63


def clean_text(text: str) -> str:
    """Return ``text`` as legal XML 1.0 with ``\\n`` line ends."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _ILLEGAL.sub("", text)


def _as_str(value: Scalar) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def scalar(value: Any) -> Scalar | None:
    """Map one attribute value to a legal scalar, or None when it carries nothing."""
    if value is None:
        return None
    if hasattr(value, "dtype") and hasattr(value, "item"):  # numpy scalar
        value = value.item()
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value if -_INT64 <= value < _INT64 else str(value)
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return clean_text(value.decode("utf-8", errors="replace"))
    if isinstance(value, Mapping):
        return clean_text(json.dumps(value, ensure_ascii=False, sort_keys=True, default=str))
    if isinstance(value, set | frozenset):
        value = sorted(value, key=str)
    if isinstance(value, list | tuple):
        parts = (scalar(item) for item in value)
        return LIST_SEPARATOR.join(_as_str(p) for p in parts if p is not None)
    return clean_text(str(value))


def _column_type(types: set[type]) -> type:
    if types == {bool}:
        return bool
    if types <= {int}:
        return int
    if types <= {int, float}:
        return float
    return str


def _convert(value: Scalar, kind: type) -> Scalar:
    if kind is str:
        return _as_str(value)
    if kind is float:
        return float(value)
    return value


def _order(names: set[str], preferred: tuple[str, ...]) -> list[str]:
    first = [name for name in preferred if name in names]
    return first + sorted(names - set(first))


def _clean_rows(
    rows: list[dict[Any, Any]], preferred: tuple[str, ...], what: str
) -> tuple[list[dict[str, Scalar]], dict[str, type]]:
    """Clean the attribute dicts of one element class and give each name one type.

    This runs over every value of the graph, so the common cases (legal strings,
    ints, bools, finite floats) take a short path.
    """
    names: dict[Any, str] = {}
    types: dict[str, set[type]] = {}
    cleaned: list[dict[str, Scalar]] = []
    illegal = _ILLEGAL.search
    for row in rows:
        out: dict[str, Scalar] = {}
        for key, value in row.items():
            name = names.get(key)
            if name is None:
                name = names[key] = clean_text(str(key))
            kind = type(value)
            if kind is str:
                if "\r" in value or illegal(value):
                    value = clean_text(value)
            elif kind is bool or (kind is int and -_INT64 <= value < _INT64) or (
                    kind is float and math.isfinite(value)):
                pass
            else:
                value = scalar(value)
                if value is None:
                    continue
                kind = type(value)
            if name in out:
                raise BanlensError(
                    f"{what} attribute names {key!r} and another one become the same "
                    f"name {name!r} once made legal for XML; rename one of them"
                )
            out[name] = value
            found = types.get(name)
            if found is None:
                types[name] = {kind}
            elif kind not in found:
                found.add(kind)
        cleaned.append(out)
    kinds = {name: _column_type(found) for name, found in types.items()}
    columns = {name: kinds[name] for name in _order(set(kinds), preferred)}
    convert = {name for name, found in types.items() if found != {kinds[name]}}
    order = tuple(columns)
    orders: dict[tuple[str, ...], tuple[str, ...]] = {}
    for i, row in enumerate(cleaned):
        present = tuple(row)
        wanted = orders.get(present)
        if wanted is None:
            wanted = orders[present] = tuple(name for name in order if name in row)
        if convert or wanted != present:
            cleaned[i] = {
                name: _convert(row[name], kinds[name]) if name in convert else row[name]
                for name in wanted
            }
    return cleaned, columns


@dataclass
class CleanGraph:
    """A graph as clean tables; see the module docstring for the guarantees.

    ``nodes`` is a list of ``(id, attributes)``, ``edges`` a list of
    ``(id, source, target, attributes)``; ``node_columns``/``edge_columns`` map each
    attribute name, in output order, to its type (``str``, ``int``, ``float`` or
    ``bool``).
    """

    directed: bool
    nodes: list[tuple[str, dict[str, Scalar]]]
    edges: list[tuple[str, str, str, dict[str, Scalar]]]
    node_columns: dict[str, type]
    edge_columns: dict[str, type]
    graph: dict[str, Scalar] = field(default_factory=dict)

    def to_networkx(self) -> nx.MultiGraph | nx.MultiDiGraph:
        """The clean graph as a networkx multigraph whose edge keys are the edge ids."""
        G = nx.MultiDiGraph() if self.directed else nx.MultiGraph()
        G.graph.update(self.graph)
        G.add_nodes_from(self.nodes)
        G.add_edges_from((u, v, key, data) for key, u, v, data in self.edges)
        return G


def _edge_ids(G: nx.Graph, edges: list[tuple[str, str, Any]]) -> list[str]:
    """Unique string ids: the keys if they are unique, else source|key|target, else e<n>."""
    if G.is_multigraph():
        ids = [clean_text(str(key)) for _, _, key in edges]
        if "" not in ids and len(set(ids)) == len(ids):
            return ids
        ids = [f"{u}|{clean_text(str(key))}|{v}" for u, v, key in edges]
    else:
        ids = [f"{u}|{v}" for u, v, _ in edges]
    if len(set(ids)) == len(ids):
        return ids
    return [f"e{i}" for i in range(len(ids))]


def sanitize(
    G: nx.Graph,
    *,
    node_label: bool = False,
    edge_label: bool = False,
    edge_weight: bool = False,
    graph_attributes: bool = True,
) -> CleanGraph:
    """Return the clean, typed and ordered form of ``G`` (which is not changed).

    ``node_label=True`` gives every node a ``label`` (its id when it has none);
    ``edge_label=True`` gives every edge a ``label`` (its ``relation`` when it has
    none), as Gephi shows these; ``edge_weight=True`` gives every edge without one a
    ``weight`` of 1 (one relation instance).
    """
    node_ids = [clean_text(str(n)) for n in G.nodes]
    if len(set(node_ids)) != len(node_ids):
        seen: dict[str, Any] = {}
        for original, cleaned in zip(G.nodes, node_ids, strict=True):
            if cleaned in seen:
                raise BanlensError(
                    f"node ids {seen[cleaned]!r} and {original!r} become the same id "
                    f"{cleaned!r} in a graph file; give the actors distinct ids"
                )
            seen[cleaned] = original
    id_of = dict(zip(G.nodes, node_ids, strict=True))

    node_rows = []
    for node, data in G.nodes(data=True):
        row = dict(data)
        if node_label and scalar(row.get("label")) in (None, ""):
            row["label"] = id_of[node]
        node_rows.append(row)
    node_attrs, node_columns = _clean_rows(node_rows, NODE_COLUMNS, "node")
    nodes = sorted(zip(node_ids, node_attrs, strict=True), key=lambda item: item[0])

    if G.is_multigraph():
        raw = list(G.edges(keys=True, data=True))
    else:
        raw = [(u, v, None, d) for u, v, d in G.edges(data=True)]
    ends = [(id_of[u], id_of[v], key) for u, v, key, _ in raw]
    edge_ids = _edge_ids(G, ends)
    edge_rows = []
    for _, _, _, data in raw:
        row = dict(data)
        if edge_label and scalar(row.get("label")) in (None, "") and "relation" in row:
            row["label"] = row["relation"]
        if edge_weight and scalar(row.get("weight")) is None:
            row["weight"] = 1
        edge_rows.append(row)
    edge_attrs, edge_columns = _clean_rows(edge_rows, EDGE_COLUMNS, "edge")
    edges = sorted(
        ((eid, u, v, attrs) for eid, (u, v, _), attrs in zip(edge_ids, ends, edge_attrs,
                                                              strict=True)),
        key=lambda item: (item[1], item[2], item[0]),
    )
    graph: dict[str, Scalar] = {}
    if graph_attributes:
        for key, value in sorted(G.graph.items(), key=lambda kv: str(kv[0])):
            value = scalar(value)
            if value is not None:
                graph[clean_text(str(key))] = value
    return CleanGraph(
        directed=G.is_directed(),
        nodes=nodes,
        edges=edges,
        node_columns=node_columns,
        edge_columns=edge_columns,
        graph=graph,
    )
