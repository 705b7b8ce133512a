"""Colours shared by every picture: actor types and PLOVER quad classes.

The palette of :mod:`banlens.readwrite.style` (which every graph file uses) as hex
strings, so a figure, the displaCy view, the HTML page and Gephi agree.
"""

from __future__ import annotations

from ..readwrite.style import ACTOR_COLORS, quad_key
from ..readwrite.style import OTHER_COLOR as GEXF_OTHER
from ..readwrite.style import QUAD_COLORS as GEXF_QUADS

__all__ = ["HIGHLIGHT_COLORS", "OTHER_COLOR", "QUAD_COLORS", "TYPE_COLORS", "quad_key"]


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

