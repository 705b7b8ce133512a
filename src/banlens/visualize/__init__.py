"""Pictures of what banlens found: a Doc as HTML (:func:`display`), a graph as a
matplotlib figure (:func:`draw`), in the colours of the Gephi export."""

from .colors import HIGHLIGHT_COLORS, OTHER_COLOR, QUAD_COLORS, TYPE_COLORS
from .displacy import DisplayedHTML, display
from .draw import draw

__all__ = [
    "HIGHLIGHT_COLORS",
    "OTHER_COLOR",
    "QUAD_COLORS",
    "TYPE_COLORS",
    "DisplayedHTML",
    "display",
    "draw",
]
