"""A static picture of the actor network (matplotlib), for notebooks and reports."""

from __future__ import annotations

import math
import os
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .colors import OTHER_COLOR, QUAD_COLORS, TYPE_COLORS, quad_key

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx
    from matplotlib.axes import Axes


Layout = str | Mapping[Any, Any] | Callable[..., Mapping[Any, Any]]
_LAYOUTS = ("spring", "circular", "shell", "spectral", "kamada_kawai")


def draw(
    G: nx.Graph,
    *,
    ax: Axes | None = None,
    path: str | os.PathLike[str] | None = None,
    layout: Layout = "spring",
    edge_labels: bool = True,
    seed: int = 7,
) -> Axes:
    """Draw an actor graph with matplotlib.

    Works for the instance graph of :func:`banlens.build_graph` and the aggregated
    graph of :func:`banlens.aggregate`. Nodes are coloured by ``actor_type`` and
    sized by ``mentions``; parallel relation instances are drawn as one edge per
    (source, relation, target) whose width grows with their count (or with the
    ``weight`` of an aggregated edge), coloured by ``quad`` and labelled with the
    ``relation``. Edges whose instances are all negated are dashed; symmetric
    relations have no arrowhead. A legend explains both colours. Without a display,
    the Agg backend is used.

    Parameters
    ----------
    G : networkx.Graph
        The graph.
    ax : matplotlib.axes.Axes or None
        Where to draw; None makes a new figure.
    path : str, PathLike or None
        Save the figure there (format from the suffix).
    layout : str, callable or mapping, default "spring"
        The name of a networkx layout (``"spring"``, ``"circular"``, ``"shell"``,
        ``"spectral"``; ``"kamada_kawai"`` needs scipy), a function ``G -> positions``
        or a ready ``{node: (x, y)}`` mapping.
    edge_labels : bool, default True
        Label the edges with their relation.
    seed : int, default 7
        Seed of the spring layout (the same picture each time).

    Returns
    -------
    matplotlib.axes.Axes
        The drawing.

    Examples
    --------
    >>> import banlens
    >>> nlp = banlens.load()
    >>> G = banlens.aggregate(banlens.build_graph(nlp("Walmart unterstützt Oracle.")))
    >>> ax = banlens.draw(G, path="network.png")
    """
    import networkx as nx

    plt = _pyplot()
    from matplotlib import patheffects
    from matplotlib.lines import Line2D

    if ax is None:
        n = G.number_of_nodes()
        side = min(16.0, 7.0 + 0.25 * n)
        _, ax = plt.subplots(figsize=(side + 3, side))
    fig = ax.figure
    ax.set_axis_off()
    if G.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "empty graph", ha="center", va="center", transform=ax.transAxes)
        if path is not None:
            fig.savefig(path, bbox_inches="tight")
        return ax

    pos = _positions(G, layout, seed)
    ax.margins(0.12)
    nodes = list(G.nodes)
    types = [_actor_type(G.nodes[n]) for n in nodes]
    mentions = [_number(G.nodes[n].get("mentions"), 1.0) for n in nodes]
    top = max(mentions) or 1.0
    sizes = [250 + 1750 * math.sqrt(max(m, 0.0) / top) for m in mentions]
    size_of = dict(zip(nodes, sizes, strict=True))
    nx.draw_networkx_nodes(
        G, pos, nodelist=nodes, node_size=sizes, ax=ax,
        node_color=[TYPE_COLORS.get(t, TYPE_COLORS["other"]) for t in types],
        edgecolors="#333333", linewidths=0.8,
    )
    texts = nx.draw_networkx_labels(
        G, pos, ax=ax, font_size=9,
        labels={n: str(G.nodes[n].get("label") or n) for n in nodes},
    )
    for text in texts.values():  # readable on dark and light node colours alike
        text.set_path_effects([patheffects.withStroke(linewidth=2.5, foreground="white")])

    edges = _edge_groups(G)
    top_weight = max((e.weight for e in edges), default=1.0) or 1.0
    pair_total: dict[frozenset[Any], int] = defaultdict(int)
    for e in edges:
        pair_total[frozenset((e.source, e.target))] += 1
    seen: dict[tuple[Any, Any], int] = defaultdict(int)
    simple = nx.DiGraph()
    simple.add_nodes_from(nodes)
    quads = []
    for e in edges:
        k = seen[(e.source, e.target)]
        seen[(e.source, e.target)] += 1
        alone = pair_total[frozenset((e.source, e.target))] == 1
        rad = 0.0 if alone or e.source == e.target else 0.15 * (k + 1)
        style = f"arc3,rad={rad}"
        color = QUAD_COLORS.get(e.quad, OTHER_COLOR)
        quads.append(e.quad)
        simple.add_edge(e.source, e.target)
        nodelist = [e.source] if e.source == e.target else [e.source, e.target]
        node_size = [size_of[n] for n in nodelist]
        nx.draw_networkx_edges(
            simple, pos, edgelist=[(e.source, e.target)], ax=ax,
            width=1.0 + 3.0 * math.sqrt(e.weight / top_weight), edge_color=color,
            style="dashed" if e.negated >= e.weight else "solid", arrows=True,
            arrowstyle="-" if e.symmetric else "-|>",
            arrowsize=14, connectionstyle=style, nodelist=nodelist, node_size=node_size,
        )
        if edge_labels:
            nx.draw_networkx_edge_labels(
                simple, pos, edge_labels={(e.source, e.target): e.relation}, ax=ax,
                font_size=8, font_color=color, connectionstyle=style,
                nodelist=nodelist, node_size=node_size,
                bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8},
            )
        simple.remove_edge(e.source, e.target)

    type_handles = [
        Line2D([], [], marker="o", linestyle="", markersize=9, markeredgecolor="#333333",
               markerfacecolor=TYPE_COLORS.get(t, TYPE_COLORS["other"]), label=t)
        for t in _ordered(types, TYPE_COLORS)
    ]
    quad_handles = [
        Line2D([], [], color=QUAD_COLORS.get(q, OTHER_COLOR), linewidth=2.5,
               label=q.replace("_", " ") if q else "no quad class")
        for q in _ordered(quads, QUAD_COLORS)
    ]
    first = ax.legend(handles=type_handles, title="actor type", loc="upper left",
                      bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=9)
    if quad_handles:
        ax.add_artist(first)
        ax.legend(handles=quad_handles, title="relation quad", loc="lower left",
                  bbox_to_anchor=(1.0, 0.0), frameon=False, fontsize=9)
    if path is not None:
        fig.savefig(path, bbox_inches="tight", dpi=150)
    return ax


@dataclass(slots=True)
class _EdgeGroup:
    source: Any
    target: Any
    relation: str
    quad: str
    symmetric: bool
    weight: float = 0.0
    negated: float = 0.0  # how much of the weight comes from negated instances


def _edge_groups(G: nx.Graph) -> list[_EdgeGroup]:
    """One entry per (source, target, relation); instances add up, weights sum.

    Instance graphs carry ``negated`` as a flag per edge, aggregated graphs as the
    number of negated instances; both become the negated share of the weight.
    """
    groups: dict[tuple[Any, Any, str], _EdgeGroup] = {}
    for u, v, data in G.edges(data=True):
        relation = str(data.get("relation") or data.get("label") or "")
        group = groups.get((u, v, relation))
        if group is None:
            group = groups[(u, v, relation)] = _EdgeGroup(
                u, v, relation, quad_key(data.get("quad")), bool(data.get("symmetric", False))
            )
        weight = _number(data.get("weight"), 1.0)
        negated = data.get("negated", False)
        group.weight += weight
        group.negated += weight if negated is True else _number(negated, 0.0)
    return sorted(groups.values(), key=lambda g: (str(g.source), str(g.target), g.relation))


def _actor_type(attrs: Mapping[str, Any]) -> str:
    return str(attrs.get("actor_type") or "other").lower()


def _number(value: Any, default: float) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return default
    return number if math.isfinite(number) else default


def _ordered(values: Iterable[str], known: Mapping[str, str]) -> list[str]:
    present = set(values)
    return [k for k in known if k in present] + sorted(present - set(known))


def _positions(G: nx.Graph, layout: Layout, seed: int) -> Mapping[Any, Any]:
    """Node positions.

    Named layouts lay out each group of linked actors on its own, biggest first,
    side by side, and line up the actors without relations underneath, so that
    small groups and unrelated actors do not squeeze the main network.
    """
    import networkx as nx
    import numpy as np

    if isinstance(layout, Mapping):
        missing = [n for n in G.nodes if n not in layout]
        if missing:
            raise ValueError(f"layout has no position for node(s) {missing[:5]!r}")
        return layout
    if callable(layout):
        return layout(G)
    if layout not in _LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; use one of {', '.join(_LAYOUTS)}")
    order = {node: i for i, node in enumerate(G.nodes)}
    U = nx.Graph(G)
    U.remove_edges_from(nx.selfloop_edges(U))
    groups = sorted(
        (sorted(c, key=order.__getitem__) for c in nx.connected_components(U) if len(c) > 1),
        key=lambda nodes: (-len(nodes), order[nodes[0]]),
    )
    pos: dict[Any, tuple[float, float]] = {}
    left = 0.0
    for nodes in groups:
        raw = _group_layout(U.subgraph(nodes), layout, seed)
        coords = nx.rescale_layout(
            np.array([raw[n] for n in nodes], dtype=float), scale=math.sqrt(len(nodes))
        )
        x0 = float(coords[:, 0].min())
        for node, (x, y) in zip(nodes, coords, strict=True):
            pos[node] = (left + float(x) - x0, float(y))
        left += float(coords[:, 0].max()) - x0 + 1.0
    isolates = [n for n in G.nodes if U.degree(n) == 0]
    if isolates:
        width = max(left - 1.0, float(len(isolates) - 1))
        bottom = min((y for _, y in pos.values()), default=0.0) - 1.0
        step = width / max(len(isolates) - 1, 1)
        for i, node in enumerate(isolates):
            x = i * step if len(isolates) > 1 else width / 2
            pos[node] = (x, bottom - 0.35 * (i % 2))
    return pos


def _group_layout(H: nx.Graph, layout: str, seed: int) -> Mapping[Any, Any]:
    import networkx as nx

    if layout == "spring":
        k = 1.5 / math.sqrt(H.number_of_nodes())
        return nx.spring_layout(H, seed=seed, k=k, iterations=200, weight=None)
    if H.number_of_nodes() <= 2:
        return nx.circular_layout(H)
    return getattr(nx, f"{layout}_layout")(H)


def _pyplot() -> Any:
    """Import pyplot, choosing the Agg backend when there is no display."""
    try:
        import matplotlib
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise ImportError(
            "banlens.draw needs matplotlib: pip install 'banlens[plot]'"
        ) from err
    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    if "matplotlib.pyplot" not in sys.modules and not os.environ.get("MPLBACKEND") and headless:
        matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt
