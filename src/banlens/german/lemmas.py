"""Lookup lemmas for the blank German pipeline, fast enough for a corpus.

spaCy's ``lemmatizer`` in lookup mode sets ``token.lemma_`` token by token in
Python, which costs about half as much as tokenizing. This component reads the
same table (``lemma_lookup`` of spacy-lookups-data, loaded into the vocab's
lookups at ``nlp.initialize()``), caches the lemma of every word form it has seen
and writes a whole Doc's lemmas at once with ``Doc.from_array``. The lemmas are
the ones spaCy's lookup lemmatizer gives.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import numpy
from spacy.attrs import LEMMA, ORTH
from spacy.language import Language
from spacy.lookups import load_lookups
from spacy.tokens import Doc

TABLE = "lemma_lookup"


class LookupLemmatizer:
    """Set ``token.lemma_`` from the ``lemma_lookup`` table (``banlens_lemmas``)."""

    def __init__(self, nlp: Language, name: str = "banlens_lemmas") -> None:
        self.vocab = nlp.vocab
        self.name = name
        self._cache: dict[int, int] = {}

    def initialize(self, get_examples: Callable[[], Iterable[Any]] | None = None,
                   *, nlp: Language | None = None) -> None:
        """Load the table from spacy-lookups-data into the vocab (stored with it)."""
        if not self.vocab.lookups.has_table(TABLE):
            table = load_lookups(self.vocab.lang, [TABLE]).get_table(TABLE)
            self.vocab.lookups.set_table(TABLE, table)
        self._cache.clear()

    def _table(self):
        if not self.vocab.lookups.has_table(TABLE):
            self.initialize()
        return self.vocab.lookups.get_table(TABLE)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        forms, positions = numpy.unique(doc.to_array([ORTH]), return_inverse=True)
        cache = self._cache
        lemmas = []
        table = None
        for orth in forms.tolist():
            lemma = cache.get(orth)
            if lemma is None:
                table = table or self._table()
                text = self.vocab.strings[orth]
                lemma = cache[orth] = self.vocab.strings.add(table.get(text, text))
            lemmas.append(lemma)
        values = numpy.asarray(lemmas, dtype="uint64")[positions.reshape(-1)]
        doc.from_array([LEMMA], values.reshape(-1, 1))
        return doc


@Language.factory("banlens_lemmas", assigns=["token.lemma"])
def make_lookup_lemmatizer(nlp: Language, name: str) -> LookupLemmatizer:
    """spaCy factory for :class:`LookupLemmatizer`."""
    return LookupLemmatizer(nlp, name)
