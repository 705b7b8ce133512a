"""Datelines: the place a news item was filed from, at the head of its text.

Agency copy and many newspapers open an article, or a paragraph, with where it was
written: "Washington (dpa) – …", "Peking – …", "Shenzhen (Reuters) - …",
"Washington/Teheran – …", "New York, 18. September (AP) — …". The place there is
where the reporter sat, not an actor: "Peking – Huawei verklagt die US-Regierung"
says nothing about the Chinese government. The actor tagger leaves mentions
inside a dateline out (:mod:`banlens.actors`).

A dateline starts a sentence or a line and reads: one to four capitalised words
(place names, joined by "/" where there are several), optionally a comma and a
date, optionally an agency in parentheses, then a dash; a capitalised word or a
quote opens the text after it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

import numpy
from spacy.attrs import ORTH
from spacy.tokens import Doc

from ..german.words import MONTHS

DASHES = frozenset({"–", "—", "-", "--", "---", "−"})
MAX_PLACE_WORDS = 4
MAX_DATE_TOKENS = 4
MAX_AGENCY_TOKENS = 5
_OPENING_QUOTES = frozenset({'"', "„", "“", "»", "«", "‚", "'", "‘"})
# the longest dateline: places with slashes between, a comma and a date, an agency in
# parentheses; the dash comes after them
MAX_LENGTH = (2 * MAX_PLACE_WORDS - 1) + (1 + MAX_DATE_TOKENS) + (MAX_AGENCY_TOKENS + 2)


def dateline_end(doc: Doc, start: int) -> int | None:
    """End (exclusive) of the dateline that begins at token ``start``, or None.

    The dash is part of the dateline; the text after it is not.
    """
    n = len(doc)
    i = start
    places = 0
    while i < n and places < MAX_PLACE_WORDS:
        text = doc[i].text
        if _is_place_word(text):
            places += 1
            i += 1
        elif text == "/" and places and i + 1 < n and _is_place_word(doc[i + 1].text):
            i += 1
        else:
            break
    if not places or i >= n:
        return None
    if doc[i].text == ",":  # "New York, 18. September (AP) —"
        j = i + 1
        while j < n and j - i <= MAX_DATE_TOKENS and _is_date_word(doc[j].text):
            j += 1
        if j == i + 1:
            return None
        i = j
    if i < n and doc[i].text == "(":
        close = next((j for j in range(i + 1, min(n, i + 2 + MAX_AGENCY_TOKENS))
                      if doc[j].text == ")"), None)
        if close is None or close == i + 1:
            return None
        i = close + 1
    if i >= n or doc[i].text not in DASHES:
        return None
    after = i + 1
    while after < n and doc[after].is_space:
        after += 1
    if after >= n:
        return None
    first = doc[after].text
    if not (first[:1].isupper() or first[:1].isdigit() or first in _OPENING_QUOTES):
        return None
    return i + 1


def dateline_tokens(doc: Doc, candidates: Iterable[int] | None = None) -> set[int]:
    """Indices of the tokens that belong to a dateline in ``doc``.

    Datelines are looked for at the start of the text, of each sentence (when the
    doc has sentence boundaries) and of each line. ``candidates`` limits the search
    to datelines that could hold one of these token indices (the tagger passes its
    mention starts, so the cost grows with the mentions, not with the text).
    """
    if candidates is None:
        candidates = range(len(doc))
    reach = MAX_PLACE_WORDS * 2  # place words and the slashes between them
    # A dateline ends in a dash at most MAX_LENGTH tokens after its start; where no dash
    # follows that closely, no dateline starts (cheaper to see than a sentence start).
    dashes = _dash_positions(doc)
    if not dashes:
        return set()
    starts: set[int] = set()
    for i in candidates:
        for start in range(max(0, i - reach), i + 1):
            if start in starts:
                continue
            after = bisect_right(dashes, start)
            if after == len(dashes) or dashes[after] > start + MAX_LENGTH:
                continue
            if _begins_line_or_sentence(doc, start):
                starts.add(start)
    tokens: set[int] = set()
    for start in sorted(starts):
        end = dateline_end(doc, start)
        if end is not None:
            tokens.update(range(start, end))
    return tokens


def _dash_positions(doc: Doc) -> list[int]:
    """Indices of the dash tokens of ``doc``, in order."""
    orths = doc.to_array([ORTH]).reshape(-1)
    strings = doc.vocab.strings
    mask = numpy.zeros(len(orths), dtype=bool)
    for dash in DASHES:
        mask |= orths == strings[dash]
    return numpy.flatnonzero(mask).tolist()


def _begins_line_or_sentence(doc: Doc, i: int) -> bool:
    """True at the first non-blank token of the text, a sentence or a line."""
    if doc[i].is_space:
        return False
    j = i - 1
    while j >= 0 and doc[j].is_space:
        if "\n" in doc[j].text:
            return True
        j -= 1
    if j < 0:
        return True
    if "\n" in doc[j].whitespace_:
        return True
    return any(doc[k].is_sent_start for k in range(j + 1, i + 1))


def _is_place_word(text: str) -> bool:
    """A capitalised word, possibly hyphenated ("Hallwang", "Baden-Baden", "PEKING")."""
    if not text[:1].isupper():
        return False
    return all(part.isalpha() for part in text.replace(".", "").split("-") if part) and (
        text.replace(".", "").replace("-", "") != "")




def _is_date_word(text: str) -> bool:
    stripped = text.rstrip(".")
    return stripped.isdigit() or text.lower() in MONTHS or text == "."
