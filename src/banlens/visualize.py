"""Pictures of what banlens found: a Doc as HTML, a graph as a matplotlib figure.

:func:`display` shows, for each sentence that holds a relation, the actor mentions
highlighted by type (displaCy's ``ent`` style) and the relations as labelled arcs
between those mentions (displaCy's ``dep`` style in manual mode: the "words" are
the actor mentions and relation triggers of the sentence, the "arcs" are the
relations). :func:`draw` draws a graph from :func:`banlens.build_graph` or
:func:`banlens.aggregate` with matplotlib, which is imported only here (the
``plot`` extra).

Both use the palette of the GEXF writer, so an actor type has the same colour in
the text, in the figure and in Gephi: :data:`TYPE_COLORS` for actor types (lightened
as :data:`HIGHLIGHT_COLORS` behind text) and :data:`QUAD_COLORS` for the four PLOVER
quad classes.
"""

from __future__ import annotations

import html
import math
import os
import re
import sys
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spacy import displacy
from spacy.tokens import Doc, Span
from spacy.util import is_in_jupyter

from . import annotations  # noqa: F401  (registers the Doc/Span extensions)
from .annotations import REFERENCE, Relation
from .readwrite.gexf import ACTOR_COLORS
from .readwrite.gexf import OTHER_COLOR as GEXF_OTHER
from .readwrite.gexf import QUAD_COLORS as GEXF_QUADS

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx
    from matplotlib.axes import Axes


def _hex(rgb: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def _tint(rgb: tuple[int, int, int], share: float = 0.6) -> str:
    """``rgb`` mixed with ``share`` of white: a highlight that black text stays readable on."""
    return _hex(tuple(round(c + (255 - c) * share) for c in rgb))  # type: ignore[arg-type]


# One palette for the whole project: the GEXF writer's colours, which Gephi shows.
#: Colour of each actor type (lower case, as in the dictionary); unknown types: "other".
TYPE_COLORS: dict[str, str] = {t: _hex(c) for t, c in ACTOR_COLORS.items()}
TYPE_COLORS.setdefault("other", _hex(GEXF_OTHER))
#: Colour of each PLOVER quad class; edges without a known quad are drawn in OTHER_COLOR.
QUAD_COLORS: dict[str, str] = {q: _hex(c) for q, c in GEXF_QUADS.items()}
OTHER_COLOR = _hex(GEXF_OTHER)
#: Background of highlighted mentions in :func:`display`: the type colour, lightened.
HIGHLIGHT_COLORS: dict[str, str] = {
    t: _tint(c) for t, c in {**ACTOR_COLORS, "other": GEXF_OTHER}.items()
}

_TRIGGER_TAG = "→ {label}"


# --------------------------------------------------------------------------- display


class DisplayedHTML(str):
    """The HTML returned by :func:`display` after it was shown in Jupyter.

    A plain ``str`` in every respect, except that Jupyter does not show it a
    second time when it is the value of a cell.
    """

    __slots__ = ()

    def _ipython_display_(self) -> None:
        return None


@dataclass(frozen=True, slots=True)
class _Piece:
    """One "word" of the arc view: an actor mention or a relation trigger."""

    start: int  # character offsets in the document
    end: int
    text: str
    tag: str
    trigger: bool = False


def display(
    doc: Doc,
    *,
    jupyter: bool | None = None,
    path: str | os.PathLike[str] | None = None,
    only_relations: bool = True,
) -> str:
    """Render a processed Doc's actors and relations as HTML.

    Each sentence that holds at least one relation is shown twice: as text with
    the actor mentions highlighted (colour = actor type, with the actor id), and as
    arcs labelled with the relation running from the subject's mention to the
    object's mention (colour = quad class). Negated relations are marked ``not …``,
    hypothetical ones ``…?``. A table under each sentence lists the relations with their trigger.
    With ``only_relations=False`` every sentence that names an actor is shown.

    ``jupyter=None`` shows the result when running in Jupyter (``True``/``False``
    force it). ``path`` writes a standalone HTML page. The return value is the
    HTML fragment.
    """
    if not isinstance(doc, Doc):
        raise TypeError(f"banlens.display expects a spaCy Doc, got {type(doc).__name__}")
    relations = doc._.relations
    by_sentence: dict[tuple[int, int], list[Relation]] = defaultdict(list)
    for rel in relations:
        by_sentence[(rel.start, rel.end)].append(rel)
    if not only_relations:
        for sent in _sentences(doc):
            if any(True for _ in _mentions_in(doc, sent.start_char, sent.end_char)):
                by_sentence.setdefault((sent.start_char, sent.end_char), [])

    starts = sorted({s.start_char for s in _sentences(doc)} | {s for s, _ in by_sentence})
    parts = [_summary(doc, relations)]
    for start, end in sorted(by_sentence):
        number = bisect_right(starts, start)  # 1-based number of the sentence in the doc
        parts.append(_render_sentence(doc, start, end, by_sentence[(start, end)], number))
    if len(parts) == 1:
        parts.append('<p class="banlens-empty">No relations found in this document.</p>')
    markup = f'<div class="banlens-display tex2jax_ignore">{"".join(parts)}</div>'

    if path is not None:
        title = html.escape(str(doc._.doc_id or "banlens"))
        Path(path).write_text(_PAGE.format(title=title, content=markup), encoding="utf-8")
    show = is_in_jupyter() if jupyter is None else jupyter
    if show:
        from IPython.display import HTML
        from IPython.display import display as ipython_display

        ipython_display(HTML(markup))
        return DisplayedHTML(markup)
    return markup


def _sentences(doc: Doc) -> list[Span]:
    if doc.has_annotation("SENT_START"):
        return list(doc.sents)
    return [doc[:]]


def _mentions_in(doc: Doc, start: int, end: int) -> Iterable[Span]:
    for span in doc._.actors:
        if span.start_char >= start and span.end_char <= end:
            yield span


def _summary(doc: Doc, relations: list[Relation]) -> str:
    names = doc._.actor_names or {}
    actors = sorted({names.get(s.kb_id_, s.kb_id_) for s in doc._.actors}, key=str.casefold)
    label = ", ".join(html.escape(name) for name in actors) or "none"
    doc_id = f"<b>{html.escape(str(doc._.doc_id))}</b> · " if doc._.doc_id else ""
    return (
        f'<p class="banlens-summary" style="font-family: sans-serif">{doc_id}'
        f"{len(actors)} actors ({label}) · {len(relations)} relations</p>"
    )


def _render_sentence(
    doc: Doc, start: int, end: int, relations: list[Relation], number: int
) -> str:
    text = doc.text[start:end].rstrip()
    mentions = list(_mentions_in(doc, start, end))
    ents = {"text": text, "ents": _highlights(mentions, start)}
    colors = {t.upper(): c for t, c in HIGHLIGHT_COLORS.items()}
    ent_html = displacy.render(
        ents, style="ent", manual=True, jupyter=False, options={"colors": colors}
    )
    arcs_html = _render_arcs(mentions, relations) if relations else ""
    rows = "".join(_relation_row(doc, rel) for rel in relations)
    table = (
        '<table class="banlens-relations" style="font-family: sans-serif; font-size: 0.9em">'
        "<tr><th>subject</th><th>relation</th><th>object</th><th>trigger</th>"
        f"<th>flags</th><th>method</th></tr>{rows}</table>"
        if relations
        else ""
    )
    return (
        f'<section class="banlens-sentence" style="margin-bottom: 2em">'
        f'<p style="font-family: sans-serif; color: #666">Sentence {number} '
        f"(characters {start}–{end})</p>{ent_html}{arcs_html}{table}</section>"
    )


def _highlights(mentions: list[Span], offset: int) -> list[dict[str, Any]]:
    """displaCy ``ent`` entries; overlapping mentions become one entry.

    A compound can name two actors ("Trump-Regierung": Trump as modifier, the
    US government as name); displaCy's entity view cannot overlap, so the entry
    takes the type of the full-name mention and lists both actor ids.
    """
    merged: list[tuple[int, int, list[Span]]] = []
    for m in sorted(mentions, key=lambda m: (m.start_char, -m.end_char)):
        if merged and m.start_char < merged[-1][1]:
            first, last, group = merged[-1]
            merged[-1] = (first, max(last, m.end_char), [*group, m])
        else:
            merged.append((m.start_char, m.end_char, [m]))
    entries = []
    for first, last, group in merged:
        main = next((m for m in group if m.id_ != "modifier"), group[0])
        ids = dict.fromkeys(m.kb_id_ for m in [main, *group])
        # a description ("der Konzern") shows whom it was read as: "= huawei"
        prefix = "= " if main.id_ == REFERENCE else ""
        entries.append({
            "start": first - offset,
            "end": last - offset,
            "label": main.label_ or "OTHER",
            "kb_id": html.escape(prefix + " + ".join(ids)),
        })
    return entries


def _relation_text(rel: Relation) -> str:
    label = rel.label + ("?" if rel.hypothetical else "")
    return f"not {label}" if rel.negated else label


def _relation_row(doc: Doc, rel: Relation) -> str:
    names = doc._.actor_names or {}
    flags = ", ".join(
        flag for flag, on in (("negated", rel.negated), ("hypothetical", rel.hypothetical),
                              ("coref", rel.coref)) if on
    )
    cells = (
        names.get(rel.subject, rel.subject),
        rel.label,
        names.get(rel.object, rel.object),
        rel.trigger,
        flags,
        rel.method,
    )
    return "<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in cells) + "</tr>"


def _nearest(mentions: list[Span], actor_id: str, anchor: int) -> Span | None:
    candidates = [m for m in mentions if m.kb_id_ == actor_id]
    if not candidates:
        return None
    if anchor < 0:
        return candidates[0]
    return min(candidates, key=lambda m: abs(m.start_char - anchor))


def _render_arcs(mentions: list[Span], relations: list[Relation]) -> str:
    """Arc view of one sentence: mentions and triggers as words, relations as arcs."""
    pieces: dict[tuple[int, int], _Piece] = {}
    ends: list[tuple[Span, Span, Relation]] = []
    for rel in relations:
        anchor = rel.trigger_start
        subj = _nearest(mentions, rel.subject, anchor)
        obj = _nearest(mentions, rel.object, anchor)
        if subj is None or obj is None or subj == obj:
            continue  # an argument not named in the sentence: listed in the table only
        ends.append((subj, obj, rel))
        for m in (subj, obj):
            pieces[(m.start_char, m.end_char)] = _Piece(
                m.start_char, m.end_char, m.text, m.label_ or "OTHER"
            )
        if 0 <= rel.trigger_start < rel.trigger_end:
            key = (rel.trigger_start, rel.trigger_end)
            if key not in pieces:
                tag = _TRIGGER_TAG.format(label=rel.label)
                pieces[key] = _Piece(*key, rel.trigger, tag, trigger=True)
    if not ends:
        return ""
    # A trigger inside a mention ("Tiktok-Verbot") is shown by the mention alone.
    mention_keys = [k for k, p in pieces.items() if not p.trigger]
    words = sorted(
        (p for k, p in pieces.items()
         if k in mention_keys or not any(s <= k[0] < e for s, e in mention_keys)),
        key=lambda p: (p.start, p.end),
    )
    index = {(p.start, p.end): i for i, p in enumerate(words)}
    labels: dict[tuple[int, int], list[str]] = defaultdict(list)
    quads: dict[tuple[int, int], str] = {}
    for subj, obj, rel in ends:
        i, j = index[(subj.start_char, subj.end_char)], index[(obj.start_char, obj.end_char)]
        text = _relation_text(rel)
        if text not in labels[(i, j)]:
            labels[(i, j)].append(text)
        quads.setdefault((i, j), _quad(rel.extra.get("quad")))
    arcs, colors = [], []
    for (i, j), texts in sorted(labels.items()):
        if i == j:  # both actors named by one word ("Trump-Regierung"): table only
            continue
        arcs.append({
            "start": min(i, j),
            "end": max(i, j),
            "label": html.escape(" / ".join(texts)),
            "dir": "right" if i < j else "left",
        })
        colors.append(QUAD_COLORS.get(quads[(i, j)], OTHER_COLOR))
    if not arcs:
        return ""
    parsed = {
        "words": [{"text": p.text, "tag": html.escape(p.tag)} for p in words],
        "arcs": arcs,
    }
    options = {"distance": 150, "offset_x": 60, "word_spacing": 40, "font": "sans-serif"}
    svg = displacy.render(parsed, style="dep", manual=True, jupyter=False, options=options)
    # displaCy draws arcs in "currentColor", in the order given: colour each by its quad
    shades = iter(colors)
    svg = re.sub('<g class="displacy-arrow">',
                 lambda _: f'<g class="displacy-arrow" style="color: {next(shades)}">', svg)
    return f'<div class="banlens-arcs" style="overflow-x: auto">{svg}</div>'


_PAGE = """<!DOCTYPE html>
<html lang="de">
<head><meta charset="utf-8"><title>{title}</title></head>
<body style="margin: 2em; max-width: 70em">
{content}
</body>
</html>
"""


# ------------------------------------------------------------------------------ draw

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
    """Draw an actor graph with matplotlib and return the Axes.

    Works for the instance graph of :func:`banlens.build_graph` and the aggregated
    graph of :func:`banlens.aggregate`. Nodes are coloured by ``actor_type`` and
    sized by ``mentions``; parallel relation instances are drawn as one edge per
    (source, relation, target) whose width grows with their count (or with the
    ``weight`` of an aggregated edge), coloured by ``quad`` and labelled with the
    ``relation``. Edges whose instances are all negated are dashed; symmetric
    relations have no arrowhead. A legend explains both colours.

    ``layout`` is the name of a networkx layout (``"spring"``, ``"circular"``,
    ``"shell"``, ``"spectral"``; ``"kamada_kawai"`` needs scipy), a function
    ``G -> positions`` or a ready ``{node: (x, y)}`` mapping. ``path`` saves the
    figure (format from the suffix). Without a display, the Agg backend is used.
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
                u, v, relation, _quad(data.get("quad")), bool(data.get("symmetric", False))
            )
        weight = _number(data.get("weight"), 1.0)
        negated = data.get("negated", False)
        group.weight += weight
        group.negated += weight if negated is True else _number(negated, 0.0)
    return sorted(groups.values(), key=lambda g: (str(g.source), str(g.target), g.relation))


def _quad(value: Any) -> str:
    if not value:
        return ""
    return str(value).strip().lower().replace(" ", "_").replace("-", "_")


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
