"""Drafting an actor dictionary from a corpus: which actors do these texts name?

Without a dictionary banlens finds nothing, and writing one by hand is the first
hour of every new topic. :func:`discover` reads the corpus, finds the names in it
(telling them from the capitalised common nouns of German with the lexicon of
:mod:`.words`), folds their variants ("Donald Trump", "US-Präsident Trump",
"Trumps", "die Trump-Regierung"), types them from cues (titles, first names, legal
forms, institution words, media and platform words, a list of countries) and ranks
them by the number of documents that name them.

>>> import banlens
>>> table = banlens.discover(["Kanzler Olaf Scholz traf ...", "Scholz sagte ..."])

The command line does the same and writes the draft dictionary
(``banlens discover corpus/ -o draft.yml``); see :mod:`.draft`. The corpus streams:
each document is scanned, counted and dropped (:class:`Discoverer`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .draft import covered, to_yaml, write_draft
from .rank import Candidate, Ranker
from .scan import Scanner
from .tally import Tally
from .words import DiscoveryUnavailable, cues, lexicon

__all__ = ["Candidate", "Discoverer", "DiscoveryUnavailable", "covered", "discover", "to_yaml",
           "write_draft"]

COLUMNS = ("id", "name", "type", "aliases", "documents", "mentions", "cues", "example")


class Discoverer:
    """Streaming discovery: :meth:`add` documents one by one, then :meth:`candidates`."""

    def __init__(self) -> None:
        self.lexicon = lexicon()
        self.cues = cues()
        self.tally = Tally(Scanner(self.lexicon, self.cues), self.lexicon)

    @property
    def documents(self) -> int:
        """How many documents were added."""
        return self.tally.documents

    def add(self, text: str) -> None:
        """Scan one document's text and count its names."""
        self.tally.add(text)

    def candidates(self, min_docs: int = 2, top: int | None = None,
                   existing: Any = None) -> list[Candidate]:
        """The ranked candidates named in at least ``min_docs`` documents.

        ``existing`` (an actor dictionary or anything :func:`banlens.load_dictionary`
        takes) leaves out the candidates it already covers; ``top`` keeps the first
        ``top`` of the rest.
        """
        result = Ranker(self.tally, self.lexicon, self.cues).candidates(min_docs=min_docs)
        if existing is not None:
            from ..actors.dictionary import load_dictionary

            result = covered(result, load_dictionary(existing))
        return result[:top] if top is not None else result


def discover(texts_or_docs: Iterable[Any], *, min_docs: int = 2, top: int | None = None,
             actors: Any = None, as_records: bool = False) -> Any:
    """Rank the actors a corpus names: a table of candidates for an actor dictionary.

    Parameters
    ----------
    texts_or_docs : iterable
        Strings, spaCy Docs, :class:`banlens.corpus.Document` objects or mappings with
        a ``"text"`` field; read once, as a stream.
    min_docs : int
        Leave out candidates named in fewer documents.
    top : int or None
        Keep only the best ``top`` candidates.
    actors : ActorDictionary, path or None
        An existing dictionary: leave out what it already has (growing a dictionary).
    as_records : bool
        Return a list of dicts even when pandas is installed.

    Returns
    -------
    pandas.DataFrame or list of dict
        One row per candidate, best first, with the columns id, name, type, aliases,
        documents, mentions, cues and example.

    Examples
    --------
    >>> import banlens
    >>> rows = banlens.discover(["Bankchef Jonas Brandt kritisiert den Stadtrat.",
    ...                          "Brandt sagte, er bleibe."], as_records=True)
    >>> [(r["name"], r["type"], r["documents"]) for r in rows]
    [('Jonas Brandt', 'person', 2)]
    """
    discoverer = Discoverer()
    for item in texts_or_docs:
        discoverer.add(_text_of(item))
    records = [c.to_record() for c in discoverer.candidates(min_docs, top, actors)]
    if as_records:
        return records
    try:
        import pandas
    except ImportError:
        return records
    return pandas.DataFrame(records, columns=list(COLUMNS))


def _text_of(item: Any) -> str:
    if isinstance(item, str):
        return item
    if isinstance(item, dict):
        text = item.get("text")
        if isinstance(text, str):
            return text
        raise TypeError(f"a document mapping needs a string 'text' field, got {item!r:.80}")
    text = getattr(item, "text", None)
    if isinstance(text, str):
        return text
    raise TypeError(f"expected a text, a Doc or a document, got {type(item).__name__}")
