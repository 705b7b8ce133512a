"""banlens: German news text to a network of who does what to whom.

The pipeline reads like the package: actors (:mod:`banlens.actors`) →
relations (:mod:`banlens.relations`) → graph (:mod:`banlens.graph`) → export
(:mod:`banlens.readwrite`), with the command line (:mod:`banlens.cli`) and the
evaluation (:mod:`banlens.evaluate`) on top.

>>> import banlens
>>> nlp = banlens.load()
>>> doc = nlp("Oracle verhandelt mit Bytedance über Tiktok.")
>>> G = banlens.build_graph([doc])
"""

from __future__ import annotations

from importlib import import_module
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from .errors import BanlensError, DictionaryError, InputError, LexiconError, ReferencesError

try:
    __version__ = version("banlens")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

# Public names and the module that defines each; imported on first use so that
# ``import banlens`` stays cheap (matplotlib, for one, loads only for ``draw``).
_LAZY = {
    "load": "pipeline",
    "ActorDictionary": "actors.dictionary",
    "load_dictionary": "actors.dictionary",
    "default_dictionary": "actors.dictionary",
    "RelationLexicon": "relations.lexicon",
    "load_lexicon": "relations.lexicon",
    "Relation": "annotations",
    "doc_to_record": "records",
    "build_graph": "graph",
    "GraphBuilder": "graph",
    "aggregate": "graph",
    "merge_graphs": "graph",
    "evaluate_file": "evaluate",
    "evaluate_records": "evaluate",
    "write_graphml": "readwrite",
    "write_gexf": "readwrite",
    "write_csv": "readwrite",
    "write_json": "readwrite",
    "write_graph": "readwrite",
    "write_jsonl": "readwrite",
    "discover": "discovery",
    "write_graphology": "readwrite",
    "write_html": "readwrite",
    "to_dataframe": "dataframes",
    "display": "visualize",
    "draw": "visualize",
    "show": "visualize",
}

__all__ = [
    "BanlensError",
    "DictionaryError",
    "InputError",
    "LexiconError",
    "ReferencesError",
    "__version__",
    *_LAZY,
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'banlens' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
