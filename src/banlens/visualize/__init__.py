"""Pictures of what banlens found: a Doc as HTML (:func:`display`), a graph as a
matplotlib figure (:func:`draw`) or as an interactive offline page (:func:`show`,
:func:`write_html`), in the colours of the Gephi export."""

from .colors import HIGHLIGHT_COLORS, OTHER_COLOR, QUAD_COLORS, TYPE_COLORS
from .displacy import DisplayedHTML, display
from .draw import draw
from .network import NetworkView, network_page, show, write_html

__all__ = [
    "HIGHLIGHT_COLORS",
    "OTHER_COLOR",
    "QUAD_COLORS",
    "TYPE_COLORS",
    "DisplayedHTML",
    "NetworkView",
    "display",
    "draw",
    "network_page",
    "show",
    "write_html",
]
