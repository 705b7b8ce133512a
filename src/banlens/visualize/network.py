"""The actor network page in a notebook: :func:`show` and its :class:`NetworkView`.

The page itself (sigma.js on graphology, one offline HTML file) is written by
:mod:`banlens.readwrite.html`; its names are re-exported here.
"""

from __future__ import annotations

import html
import os
from typing import Any

from ..readwrite.html import LIBRARIES, network_data, network_page, write_html
from ..readwrite.output import text_output

__all__ = ["LIBRARIES", "NetworkView", "network_data", "network_page", "show", "write_html"]


class NetworkView:
    """The page of a network, shown inline by Jupyter (in an ``<iframe>``).

    ``html`` is the full page; :meth:`save` writes it to a file.
    """

    def __init__(self, page: str, height: int = 640) -> None:
        self.html = page
        self.height = height

    def save(self, path: str | os.PathLike[str]) -> str:
        """Write the page to ``path``; return the path."""
        with text_output(path, newline="\n") as stream:
            stream.write(self.html)
        return os.fspath(path)

    def _repr_html_(self) -> str:
        return (f'<iframe class="banlens-network" srcdoc="{html.escape(self.html, quote=True)}" '
                f'style="width:100%;height:{int(self.height)}px;border:1px solid #ddd" '
                'title="banlens actor network"></iframe>')


def show(G: Any, path: str | os.PathLike[str] | None = None, *, height: int = 640,
         title: str = "banlens actor network", max_evidence: int = 50) -> NetworkView:
    """The interactive network page of ``G`` for a notebook (and, with ``path``, as a file).

    Parameters
    ----------
    G : networkx.Graph
        The graph (usually :func:`banlens.aggregate` of a built graph).
    path : str, PathLike or None
        Also write the page there (open it in a browser outside Jupyter).
    height : int
        Height of the frame in a notebook, in pixels.
    title : str
        Title of the page.
    max_evidence : int
        At most this many evidence sentences per edge go into the page.

    Returns
    -------
    NetworkView
        In Jupyter it shows itself as the page in a frame.

    Examples
    --------
    >>> import banlens
    >>> nlp = banlens.load()
    >>> G = banlens.aggregate(banlens.build_graph([nlp("Walmart unterstützt Oracle.")]))
    >>> view = banlens.show(G, "network.html")
    >>> type(view).__name__
    'NetworkView'
    """
    view = NetworkView(network_page(G, title=title, max_evidence=max_evidence), height)
    if path is not None:
        view.save(path)
    return view
