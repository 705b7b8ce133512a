"""Tokens as plain values, and word-shape tests for reading a sentence without a parse.

:class:`Word` holds the token attributes the surface rules read as plain Python values;
:class:`LazyWords` and :class:`SentenceWords` give a document or a sentence as a
sequence of them (the latter without blank tokens). The heuristic tests (is this
lower-case word a verb or an adjective?) use the closed classes of
:mod:`banlens.german.words`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import NamedTuple

from spacy.tokens import Doc, Token

from ..german.words import (
    ADJ_ENDINGS,
    ADJ_SUFFIXES,
    ARTICLE_CASES,
    AUXILIARIES,
    CLOSED,
    PREPOSITIONS,
)


def is_cap(tok: Word) -> bool:
    """Whether the word starts with a capital (a noun or name, in German)."""
    return tok.text[:1].isupper()


def adjective_like(doc: Words, i: int, limit: int) -> bool:
    """A lower-case word with an adjective ending followed by NP material."""
    tok = doc[i]
    low = tok.lower_
    if not tok.is_alpha or not tok.text.islower() or low in CLOSED:
        return False
    if not low.endswith(ADJ_ENDINGS) and not low.endswith(("ste", "sten")):
        return False
    if low in AUXILIARIES:
        return False  # "Trotz Differenzen wollen China und ...": a modal, no adjective
    if tok.lemma_.lower() == low and low.endswith(("en", "ln", "rn")):
        # an infinitive-like form ("verhandeln Oracle und ...") is an adjective only
        # inside a noun phrase, after an article, a preposition or another adjective
        prev = doc[i - 1] if i > 0 else None
        if prev is None or not (prev.lower_ in ARTICLE_CASES or prev.lower_ in PREPOSITIONS
                                or (prev.text.islower() and prev.lower_.endswith(ADJ_ENDINGS)
                                    and prev.lower_ not in CLOSED)):
            return False
    if tok.lemma_.lower() != low and verb_like(tok) and not participle_like(tok):
        # "verklagte Tiktok" is a verb, "das spezialisierte Unternehmen" an adjective:
        # an attributive form follows an article or preposition
        prev = doc[i - 1].lower_ if i > 0 else ""
        if prev not in ARTICLE_CASES and prev not in PREPOSITIONS:
            return False
    if i + 1 >= limit:
        return False
    nxt = doc[i + 1]
    return is_cap(nxt) or nxt.like_num or (
        nxt.is_alpha and nxt.text.islower() and nxt.lower_.endswith(ADJ_ENDINGS)
        and nxt.lower_ not in CLOSED
    )


def participle_like(tok: Word) -> bool:
    """An inflected participle used as adjective ("geplante", "vereinbarten")."""
    low = tok.lower_
    return low.startswith("ge") and low.endswith(("te", "ten", "tem", "ter", "tes"))


def verb_like(tok: Word) -> bool:
    """Heuristic verb test for a lower-case token (blank pipelines have no tags)."""
    low = tok.lower_
    if low in AUXILIARIES:
        return True
    if not tok.is_alpha or not tok.text.islower() or low in CLOSED:
        return False
    lemma = tok.lemma_.lower()
    if not lemma.endswith(("en", "ln", "rn")):
        return False
    if low == lemma:
        return True
    return not (low.startswith(lemma) and low[len(lemma):] in ADJ_SUFFIXES)


def finite_like(tok: Word) -> bool:
    """A verb form that can be finite: an auxiliary or a full verb that is neither
    its infinitive nor a ge- participle ("kritisierte", "droht", not "sperren",
    "gesperrt")."""
    low = tok.lower_
    if low in AUXILIARIES:
        return True
    if not verb_like(tok) or low == tok.lemma_.lower():
        return False
    return not (low.startswith("ge") and low.endswith(("t", "en")))


class Word:
    """The token attributes the surface rules read, as plain Python values.

    Reading them once per document is much cheaper than going through spaCy's
    ``Token`` objects for every look at a neighbour. ``lemma_`` is lower-cased.
    """

    __slots__ = ("i", "text", "lower_", "lemma_", "is_alpha", "is_punct", "is_space", "like_num",
                 "is_sent_start", "space_after")

    def __init__(self, tok: Token) -> None:
        self.i = tok.i
        self.text = tok.text
        self.lower_ = tok.lower_
        self.lemma_ = tok.lemma_.lower()
        self.is_alpha = tok.is_alpha
        self.is_punct = tok.is_punct
        self.is_space = tok.is_space
        self.like_num = tok.like_num
        self.is_sent_start = bool(tok.is_sent_start)
        self.space_after = bool(tok.whitespace_)

    def moved(self, i: int, space_after: bool) -> Word:
        """A copy at index ``i`` of a :class:`SentenceWords` view."""
        word = object.__new__(Word)
        for name in Word.__slots__:
            setattr(word, name, getattr(self, name))
        word.i = i
        word.space_after = space_after
        return word


Words = Sequence[Word]


class LazyWords(Sequence[Word]):
    """The :class:`Word` of each token of a doc, read when first looked at."""

    __slots__ = ("_doc", "_items")

    def __init__(self, doc: Doc) -> None:
        self._doc = doc
        self._items: list[Word | None] = [None] * len(doc)

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, i):  # type: ignore[override]
        word = self._items[i]
        if word is None:
            word = self._items[i] = Word(self._doc[i])
        return word


# Categories of characters that carry no word: format (zero-width space, soft hyphen,
# bidi marks) and control characters.
_INVISIBLE = frozenset({"Cc", "Cf"})


def is_blank(word: Word) -> bool:
    """Whether the token is whitespace or invisible characters only: a line break,
    a non-breaking space, a zero-width space or a control character between words."""
    return word.is_space or all(
        c.isspace() or unicodedata.category(c) in _INVISIBLE for c in word.text
    )


class Stretch(NamedTuple):
    """Token bounds of a sentence (``start`` inclusive, ``end`` exclusive)."""

    start: int
    end: int


class SentenceWords(Sequence[Word]):
    """The words of a doc as if the blank tokens of one sentence were absent.

    Wrapped lines, non-breaking spaces and stray control characters become tokens of
    their own; the surface rules look at neighbours by index ("the word before the
    mention"), so such a token would hide the real neighbour. This view renumbers the
    words: those before the sentence keep their index, the kept words of the sentence
    follow without gaps, and those after it move down by the number of blanks left
    out. :meth:`to_view` and :meth:`to_doc` translate indices between doc and view.
    A word followed by a blank counts as followed by a space.
    """

    __slots__ = ("_words", "_keep", "_pos", "_shift", "_len", "_moved", "sent")

    def __init__(self, words: Words, sent: Stretch, keep: list[int]) -> None:
        self._words = words
        self._keep = keep  # doc indices of the sentence's non-blank tokens
        self._pos = {i: n for n, i in enumerate(keep, sent.start)}
        self._shift = (sent.end - sent.start) - len(keep)
        self._len = len(words) - self._shift
        self._moved: dict[int, Word] = {}
        self.sent = Stretch(sent.start, sent.start + len(keep))

    @classmethod
    def of(cls, words: Words, start: int, end: int) -> SentenceWords | None:
        """The view for the sentence ``start:end``, or None if it has no blank token."""
        keep = [i for i in range(start, end) if not is_blank(words[i])]
        if len(keep) == end - start:
            return None
        return cls(words, Stretch(start, end), keep)

    def to_doc(self, i: int) -> int:
        """The doc index of view index ``i``."""
        start = self.sent.start
        if i < start:
            return i
        if i < self.sent.end:
            return self._keep[i - start]
        return i + self._shift

    def to_view(self, i: int) -> int:
        """The view index of doc index ``i`` (of a non-blank token, or outside the
        sentence)."""
        if i < self.sent.start:
            return i
        pos = self._pos.get(i)
        if pos is not None:
            return pos
        return i - self._shift

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, i):  # type: ignore[override]
        if i < 0:
            i += self._len
            if i < 0:
                raise IndexError("word index out of range")
        if not self.sent.start <= i < self.sent.end:
            return self._words[self.to_doc(i)]
        word = self._moved.get(i)
        if word is None:
            at = self._keep[i - self.sent.start]
            orig = self._words[at]
            followed_by_blank = at + 1 < self.sent.end + self._shift and at + 1 not in self._pos
            word = self._moved[i] = orig.moved(i, orig.space_after or followed_by_blank)
        return word
