"""Writers for graph files that open on the first try: GraphML, GEXF 1.3, CSV, JSON.

Each writer accepts a path (written atomically: temporary file, then rename) or a
binary file object, cleans every attribute first (:mod:`.sanitize`) and writes
nodes, edges and attributes in a fixed order. See ``docs/gephi.md`` for which file
to open in Gephi and how.
"""

from __future__ import annotations

from .gexf import write_gexf
from .graphml import write_graphml
from .nodelink import write_json
from .sanitize import CleanGraph, sanitize
from .tables import csv_paths, write_csv

__all__ = [
    "CleanGraph",
    "csv_paths",
    "sanitize",
    "write_csv",
    "write_gexf",
    "write_graphml",
    "write_json",
]
