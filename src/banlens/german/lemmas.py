"""Lookup lemmas for the blank German pipeline, fast enough for a corpus.

spaCy's ``lemmatizer`` in lookup mode sets ``token.lemma_`` token by token in
Python, which costs about half as much as tokenizing. This component reads the
same table (``lemma_lookup`` of spacy-lookups-data, loaded into the vocab's
lookups at ``nlp.initialize()``), caches the lemma of every word form it has seen
and writes a whole Doc's lemmas at once with ``Doc.from_array``.

The table lacks many verb forms news use ("schloss", "tritt", "vereinbart") and gets
a few wrong ("getroffen" -> "triefen"). So a form goes, in this order, through
:data:`CORRECTIONS` (a short list of fixes), the table, and for a lower-case form the
table lacks, the German word list of simplemma (MIT; lists derived from Wiktionary and
other open sources), read once per process when the first pipeline is built. Forms
that two words really share ("gehört": *hören* and *gehören*) keep the table's lemma;
:data:`SHARED_FORMS` lists the other readings so that the relation lexicon can find
its triggers under them too. Capitalised forms (nouns, names) are left to the table:
noun triggers are matched by their forms, and names must not change.
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

# Forms whose table lemma is wrong in present-day (news) German: the reading the
# table gives is archaic or an adjective where the verb is meant.
CORRECTIONS: dict[str, str] = {
    "getroffen": "treffen",      # table: triefen
    "vereinbarten": "vereinbaren",  # table: the adjective "vereinbart"
    "führen": "führen",          # table: fahren (its Konjunktiv II)
    "spannt": "spannen",         # table: spinnen
    "spannst": "spannen",
    "tu": "tun",
    "drängen": "drängen",        # table: dringen (its Konjunktiv II)
    "dränge": "drängen",
    "drängest": "drängen",
    "dränget": "drängen",
    "gewährt": "gewähren",       # table: währen
    "üb": "üben",
}

# Forms two lemmas share. The lookup keeps one (the table's); these are the others,
# under which the relation lexicon indexes its verb triggers as well.
SHARED_FORMS: dict[str, tuple[str, ...]] = {
    "gehört": ("gehören",),      # "X gehört zu Y" (table: hören)
    "sichere": ("sichern",),     # table: the adjective "sicher"
    "sicheren": ("sichern",),
    "einigen": ("einigen",),     # "die beiden einigen sich" (table: einig)
    "billigen": ("billigen",),   # table: the adjective "billig"
    "spann": ("spannen",),       # table: spinnen
}


def alternative_lemmas(form: str) -> tuple[str, ...]:
    """Other lemmas a lower-case word form can have besides the lookup's one."""
    return SHARED_FORMS.get(form, ())


def forms_of(lemma: str) -> tuple[str, ...]:
    """The shared forms (:data:`SHARED_FORMS`) that can be forms of ``lemma``."""
    return _FORMS_BY_LEMMA.get(lemma, ())


_FORMS_BY_LEMMA: dict[str, tuple[str, ...]] = {}
for _form, _lemmas in SHARED_FORMS.items():
    for _lemma in _lemmas:
        _FORMS_BY_LEMMA[_lemma] = (*_FORMS_BY_LEMMA.get(_lemma, ()), _form)


class _Fallback:
    """simplemma's German dictionary (reading it takes about a second, once per process)."""

    def __init__(self) -> None:
        self._lookup: Callable[[str], str | None] | None = None

    def load(self) -> None:
        """Read the word list now (once per process), not on the first missing form."""
        if self._lookup is None:
            self._lookup = _load_simplemma()

    def __call__(self, form: str) -> str | None:
        if self._lookup is None:
            self.load()
        lemma = self._lookup(form)
        if lemma and lemma != form and lemma.isalpha() and lemma.islower():
            return lemma
        return None


def _load_simplemma() -> Callable[[str], str | None]:
    try:
        from simplemma.strategies import DictionaryLookupStrategy
    except ImportError:  # an install without simplemma keeps the table's lemmas
        return lambda form: None
    strategy = DictionaryLookupStrategy()
    strategy.get_lemma("häuser", "de")  # simplemma reads its word list on the first look-up
    return lambda form: strategy.get_lemma(form, "de")


_FALLBACK = _Fallback()


def lemma_of(form: str, table: Any) -> str:
    """The lemma of one word form: corrections, the table, then the fallback list."""
    fixed = CORRECTIONS.get(form)
    if fixed is not None:
        return fixed
    lemma = table.get(form)
    if lemma is not None:
        return lemma
    if len(form) > 2 and form.isalpha() and form.islower():
        return _FALLBACK(form) or form
    return form


def participle_verb(participle: str, vocab: Any) -> str | None:
    """The verb of a participle lemma, for an attributive participle whose lookup lemma
    is the participle itself ("übernommene" -> "übernommen" -> "übernehmen"); None when
    ``participle`` is no verb form the table or the fallback list knows."""
    if not participle.isalpha() or not participle.islower() or not participle.endswith(
            ("t", "en")):
        return None
    table = vocab.lookups.get_table(TABLE) if vocab.lookups.has_table(TABLE) else {}
    verb = lemma_of(participle, table)
    if verb != participle and verb.endswith(("en", "ln", "rn")):
        return verb
    return None


class LookupLemmatizer:
    """Set ``token.lemma_`` from the ``lemma_lookup`` table (``banlens_lemmas``)."""

    def __init__(self, nlp: Language, name: str = "banlens_lemmas") -> None:
        self.vocab = nlp.vocab
        self.name = name
        self._cache: dict[int, int] = {}
        _FALLBACK.load()  # part of loading the pipeline, not of its first document

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
                lemma = cache[orth] = self.vocab.strings.add(lemma_of(text, table))
            lemmas.append(lemma)
        values = numpy.asarray(lemmas, dtype="uint64")[positions.reshape(-1)]
        doc.from_array([LEMMA], values.reshape(-1, 1))
        return doc


@Language.factory("banlens_lemmas", assigns=["token.lemma"])
def make_lookup_lemmatizer(nlp: Language, name: str) -> LookupLemmatizer:
    """spaCy factory for :class:`LookupLemmatizer`."""
    return LookupLemmatizer(nlp, name)
