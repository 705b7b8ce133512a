"""How an actor network looks in every viewer: colours, node sizes, a first layout.

One palette for the whole project, so Gephi, Gephi Lite, the HTML page and the
matplotlib figures agree: nodes are coloured by ``actor_type``, edges by the PLOVER
quad class (``quad``), anything else is grey. Node size grows with the square root
of ``mentions`` (so the area, not the radius, follows the count) between
:data:`MIN_SIZE` and :data:`MAX_SIZE`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

RGB = tuple[int, int, int]

#: Edge colours (r, g, b) by PLOVER quad class; anything else is grey.
QUAD_COLORS: dict[str, RGB] = {
    "verbal_cooperation": (102, 187, 106),
    "material_cooperation": (30, 136, 229),
    "verbal_conflict": (251, 140, 0),
    "material_conflict": (211, 47, 47),
}
#: Node colours (r, g, b) by actor type; anything else is grey.
ACTOR_COLORS: dict[str, RGB] = {
    "person": (142, 36, 170),
    "organization": (0, 137, 123),
    "government": (57, 73, 171),
    "country": (109, 76, 65),
    "platform": (0, 172, 193),
    "court": (84, 110, 122),
    "media": (216, 27, 96),
}
OTHER_COLOR: RGB = (158, 158, 158)

#: Size of the node with the fewest mentions (and of actors never named) ...
MIN_SIZE = 4.0
#: ... and of the node with the most.
MAX_SIZE = 20.0


def quad_key(value: Any) -> str:
    """A quad class as a key of :data:`QUAD_COLORS` ("Verbal Conflict" → "verbal_conflict")."""
    if not value:
        return ""
    return str(value).strip().lower().replace(" ", "_").replace("-", "_")


def hex_color(rgb: RGB) -> str:
    """``(r, g, b)`` as ``#rrggbb``."""
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def check_palette(colors: Mapping[str, Any] | None, default: Mapping[str, RGB],
                  what: str) -> dict[str, RGB]:
    """``colors`` (or ``default``) with lower-case keys and checked ``(r, g, b)`` values."""
    palette: dict[str, RGB] = {}
    for key, value in (default if colors is None else colors).items():
        try:
            r, g, b = (int(c) for c in value)
        except (TypeError, ValueError):
            raise ValueError(f"{what} colour for {key!r} must be (r, g, b), got {value!r}") \
                from None
        if not all(0 <= c <= 255 for c in (r, g, b)):
            raise ValueError(f"{what} colour for {key!r}: channels must be 0-255, got {value!r}")
        palette[str(key).lower()] = (r, g, b)
    return palette


def node_rgb(attrs: Mapping[str, Any], palette: Mapping[str, RGB] = ACTOR_COLORS) -> RGB:
    """The colour of a node: its ``actor_type``'s, else grey."""
    return palette.get(str(attrs.get("actor_type") or "").strip().lower(), OTHER_COLOR)


def edge_rgb(attrs: Mapping[str, Any], palette: Mapping[str, RGB] = QUAD_COLORS) -> RGB:
    """The colour of an edge: its ``quad`` class's, else grey."""
    return palette.get(quad_key(attrs.get("quad")), OTHER_COLOR)


def _mentions(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return 0.0
    return max(float(value), 0.0)


def node_sizes(nodes: Iterable[tuple[Any, Mapping[str, Any]]]) -> dict[Any, float]:
    """``{node: size}`` from ``mentions``: :data:`MIN_SIZE` .. :data:`MAX_SIZE`, by the
    square root of the share of the most-mentioned actor; rounded to 2 decimals."""
    counts = {node: _mentions(attrs.get("mentions")) for node, attrs in nodes}
    top = max(counts.values(), default=0.0) or 1.0
    return {node: round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * math.sqrt(count / top), 2)
            for node, count in counts.items()}


def spring_positions(
    nodes: Iterable[str], edges: Iterable[tuple[str, str, Any]], *, seed: int = 7,
    scale: float = 1000.0,
) -> dict[str, tuple[float, float]]:
    """A first layout: networkx's spring layout of the actors with relations (edges
    pull by their weight; parallel edges add up) in [-scale, scale]², and the actors
    without relations in rows below it, so they neither crowd nor stretch the
    network. Rounded to 2 decimals; the seed makes it the same on every run."""
    import networkx as nx

    H = nx.Graph()
    H.add_nodes_from(nodes)
    for u, v, weight in edges:
        if u == v:
            continue
        w = float(weight) if isinstance(weight, int | float) and not isinstance(weight, bool) \
            and weight > 0 else 1.0
        H.add_edge(u, v, weight=H.get_edge_data(u, v, {}).get("weight", 0.0) + w)
    isolated = sorted(node for node in H if H.degree(node) == 0)
    H.remove_nodes_from(isolated)
    pos: dict[str, tuple[float, float]] = {}
    if H.number_of_nodes() == 1:
        pos[next(iter(H))] = (0.0, 0.0)
    elif H.number_of_nodes() > 1:
        # a stronger repulsion than networkx's default spreads the actors out
        k = 2.0 / math.sqrt(H.number_of_nodes())
        layout = nx.spring_layout(H, seed=seed, weight="weight", k=k, scale=scale)
        pos = {node: (float(x), float(y)) for node, (x, y) in layout.items()}
    if isolated:
        per_row = max(int(math.ceil(math.sqrt(len(isolated) * 4))), 1)
        step = 2 * scale / max(per_row - 1, 1) if per_row > 1 else 0.0
        top = -scale * 1.2 if pos else 0.0
        for i, node in enumerate(isolated):
            row, col = divmod(i, per_row)
            x = -scale + col * step if per_row > 1 else 0.0
            pos[node] = (x, top - row * scale * 0.25)
    return {node: (round(x, 2), round(y, 2)) for node, (x, y) in pos.items()}
