"""The actor network as one interactive, offline HTML page (sigma.js on graphology).

The page is an output format like GraphML: this module writes it; the notebook view
(:func:`banlens.show`) is :mod:`banlens.visualize.network`.

:func:`network_page` turns an instance graph (:func:`banlens.build_graph`) or an
aggregated one (:func:`banlens.aggregate`) into a single HTML file with everything
inside: the two libraries (bundled with banlens as package data, see
``banlens/readwrite/static/README.md``), the page's own script and style, and the
network as JSON. Nothing is loaded from the internet, so the page works offline and
can be mailed or archived as it is.

What the page shows:

- actors as discs coloured by actor type and sized by mentions, at positions from a
  force-directed layout (drag the background to pan, scroll to zoom);
- one edge per (source, relation, target), coloured by PLOVER quad class, wider the
  more often it was reported; arrows point from subject to object, symmetric
  relations have none, and several relations between the same two actors are drawn
  as curves side by side;
- filters: tick the relations to show, narrow the dates (``from``/``to``, and
  whether undated reports count), hide actors left without relations;
- search: type an actor's name (or part of it) to centre and select it;
- click an actor or an edge: the side panel lists the relations with their evidence
  sentences, each with its document id and date.

With an instance graph every report is there (up to ``max_evidence`` sentences per
edge are listed); an aggregated graph carries only its evidence samples, and the
date filter can then only keep or drop a whole edge.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

from .output import Target, text_output
from .sanitize import LIST_SEPARATOR, clean_text
from .style import (
    ACTOR_COLORS,
    OTHER_COLOR,
    QUAD_COLORS,
    edge_rgb,
    hex_color,
    node_rgb,
    node_sizes,
    quad_key,
    spring_positions,
)

__all__ = ["LIBRARIES", "network_data", "network_page", "write_html"]

#: The bundled libraries: (name, version, file, licence file).
LIBRARIES = (
    ("graphology", "0.26.0", "graphology.umd.min.js", "LICENSE-graphology.txt"),
    ("sigma.js", "3.0.3", "sigma.min.js", "LICENSE-sigma.txt"),
)
_FLAGS = ("negated", "hypothetical", "coref")


def _static(name: str) -> str:
    return (resources.files("banlens.readwrite") / "static" / name).read_text(encoding="utf-8")


def _text(value: Any) -> str:
    return clean_text(str(value)) if value is not None else ""


def _items(value: Any) -> list[str]:
    """A list attribute as strings: lists stay lists, a joined string is split again."""
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [_text(v) for v in value]
    text = _text(value)
    return text.split(LIST_SEPARATOR) if text else []


def _count(value: Any, default: int = 0) -> int:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float):
        return int(value)
    return default


@dataclass
class _Group:
    """The reports of one (source, relation, target)."""

    source: str
    target: str
    relation: str
    symmetric: bool
    weight: int = 0
    exact: bool = True

    def __post_init__(self) -> None:
        self.quads: Counter[str] = Counter()
        self.plovers: Counter[str] = Counter()
        self.dates: Counter[str] = Counter()
        self.undated = 0
        self.instances: list[dict[str, Any]] = []

    def add(self, data: Mapping[str, Any]) -> None:
        self.quads[quad_key(data.get("quad"))] += 1
        self.plovers[_text(data.get("plover"))] += 1
        aggregated = "doc_id" not in data and (
            isinstance(data.get("evidence"), list | tuple) or "doc_ids" in data
            or "dates" in data)
        if aggregated:
            count = max(_count(data.get("weight"), 1), 1)
            self.weight += count
            dates = _items(data.get("dates"))
            if dates:
                self.exact = False  # the dates are known, their counts are not
                for day in dates:
                    self.dates[day] += 0
            else:
                self.undated += count
            flags = [f for f in _FLAGS if _count(data.get(f)) >= count]
            for text, doc in zip(_items(data.get("evidence")), _items(data.get("doc_ids")),
                                 strict=False):
                self.instances.append({"doc": doc, "date": "", "text": text, "flags": flags})
            return
        count = max(_count(data.get("weight"), 1), 1)
        self.weight += count
        day = _text(data.get("date"))
        if day:
            self.dates[day] += count
        else:
            self.undated += count
        self.instances.append({
            "doc": _text(data.get("doc_id")), "date": day, "text": _text(data.get("evidence")),
            "flags": [f for f in _FLAGS if data.get(f)],
        })


def _groups(G: Any) -> list[_Group]:
    groups: dict[tuple[str, str, str], _Group] = {}
    for u, v, data in G.edges(data=True):
        source, target = _text(u), _text(v)
        relation = _text(data.get("relation") or data.get("label") or "")
        symmetric = bool(data.get("symmetric")) and data.get("symmetric") != "false"
        if symmetric and target < source:
            source, target = target, source
        key = (source, relation, target)
        group = groups.get(key)
        if group is None:
            group = groups[key] = _Group(source, target, relation, symmetric)
        group.add(data)
    return [groups[key] for key in sorted(groups)]


def _curvatures(groups: list[_Group]) -> list[float]:
    """0 for an edge alone between its two actors; otherwise curves fanned out."""
    pairs: dict[frozenset[str], list[int]] = {}
    for i, group in enumerate(groups):
        pairs.setdefault(frozenset((group.source, group.target)), []).append(i)
    curvature = [0.0] * len(groups)
    for members in pairs.values():
        if len(members) < 2:
            continue
        for rank, i in enumerate(members):
            step = 0.25 * (rank // 2 + 1)
            curvature[i] = step if rank % 2 == 0 else -step
    return curvature


def _width(weight: int) -> float:
    from ..readwrite.graphology import edge_width

    return edge_width(weight)


def network_data(G: Any, *, title: str = "banlens actor network",
                 max_evidence: int = 50) -> dict[str, Any]:
    """The JSON the page draws: nodes, edges with their evidence, legend, date range."""
    if max_evidence < 0:
        raise ValueError("max_evidence must be 0 or more")
    keys = {node: _text(node) for node in G.nodes}
    sizes = node_sizes((keys[n], a) for n, a in G.nodes(data=True))
    groups = _groups(G)
    positions = spring_positions(keys.values(),
                                 ((g.source, g.target, g.weight) for g in groups))
    nodes = []
    for node, attrs in G.nodes(data=True):
        key = keys[node]
        x, y = positions.get(key, (0.0, 0.0))
        nodes.append({
            "key": key, "label": _text(attrs.get("label")) or key,
            "type": _text(attrs.get("actor_type")).lower(),
            "mentions": _count(attrs.get("mentions")),
            "documents": _count(attrs.get("documents")),
            "first_seen": _text(attrs.get("first_seen")),
            "last_seen": _text(attrs.get("last_seen")),
            "color": hex_color(node_rgb(attrs)), "size": sizes[key], "x": x, "y": y,
        })
    nodes.sort(key=lambda n: n["key"])

    edges = []
    curvature = _curvatures(groups)
    for i, group in enumerate(groups):
        quad = group.quads.most_common(1)[0][0] if group.quads else ""
        plover = group.plovers.most_common(1)[0][0] if group.plovers else ""
        instances = sorted(group.instances, key=lambda d: (d["date"] or "\uffff", d["doc"]))
        edges.append({
            "key": f"e{i}", "source": group.source, "target": group.target,
            "relation": group.relation, "quad": quad, "plover": plover,
            "symmetric": group.symmetric, "weight": group.weight,
            "color": hex_color(edge_rgb({"quad": quad})), "size": _width(group.weight),
            "curvature": curvature[i],
            "dates": sorted(group.dates.items()), "undated": group.undated, "exact": group.exact,
            "instances": instances[:max_evidence], "more": max(len(instances) - max_evidence, 0),
        })

    relations: dict[str, dict[str, Any]] = {}
    for edge in edges:
        entry = relations.setdefault(edge["relation"], {
            "name": edge["relation"], "quad": edge["quad"], "color": edge["color"], "weight": 0})
        entry["weight"] += edge["weight"]
    days = [d for e in edges for d, _ in e["dates"]]
    days += [n[k] for n in nodes for k in ("first_seen", "last_seen") if n[k]]
    types = sorted({n["type"] for n in nodes})
    quads = sorted({e["quad"] for e in edges})
    return {
        "title": title,
        "nodes": nodes,
        "edges": edges,
        "relations": sorted(relations.values(), key=lambda r: (-r["weight"], r["name"])),
        "legend": {
            "types": [[t or "other", hex_color(ACTOR_COLORS.get(t, OTHER_COLOR))] for t in types],
            "quads": [[q or "other", hex_color(QUAD_COLORS.get(q, OTHER_COLOR))] for q in quads],
        },
        "dates": [min(days)[:10], max(days)[:10]] if days else [],
        "instances": sum(e["weight"] for e in edges),
    }


def _json_for_script(data: Any) -> str:
    """JSON that is safe inside ``<script>``: no ``<`` (so no ``</script>``), no
    U+2028/U+2029."""
    text = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace("\u2028", "\\u2028")
            .replace("\u2029", "\\u2029"))


def _comment(text: str) -> str:
    """``text`` as an HTML comment (``--`` is not allowed inside one)."""
    return "<!--\n" + text.replace("--", "- -").strip() + "\n-->"


def network_page(G: Any, *, title: str = "banlens actor network",
                 max_evidence: int = 50) -> str:
    """The whole self-contained HTML page for ``G`` as a string (see the module text)."""
    data = network_data(G, title=title, max_evidence=max_evidence)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(title)}</title>",
        f"<style>\n{_static('network.css')}</style>",
        "</head>",
        "<body>",
        _static("network.html"),
    ]
    for name, version, script, licence in LIBRARIES:
        parts.append(_comment(f"{name} {version}, bundled by banlens.\n\n{_static(licence)}"))
        parts.append(f"<script>\n{_static(script)}\n</script>")
    parts.append(f'<script type="application/json" id="banlens-data">{_json_for_script(data)}'
                 "</script>")
    parts.append(f"<script>\n{_static('network.js')}</script>")
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)


def write_html(G: Any, path: Target, *, title: str = "banlens actor network",
               max_evidence: int = 50) -> None:
    """Write the interactive page of ``G`` to a path (atomically) or a binary file object."""
    page = network_page(G, title=title, max_evidence=max_evidence)
    with text_output(path, newline="\n") as stream:
        stream.write(page)
