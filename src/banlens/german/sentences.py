"""Sentence boundaries for German news text, without a statistical model.

spaCy's German tokenizer already keeps most abbreviations ("Nov.", "Dr.", "z. B.")
and ordinals ("12.") as one token with their period, so a bare "." token is
usually a sentence end. This component adds what news text needs on top:

* a period that is followed by a lowercase word ("Oracle Corp. und ...") is not an end;
* an ordinal or year token with its period ("im Jahr 2020.") ends a sentence when
  the next word clearly starts one, but not in dates ("am 12. November");
* closing quotes and brackets stay with the sentence they close;
* a line break ends a sentence (headlines, captions and "Bild: dpa" lines have no
  final punctuation) unless the next line continues it in lowercase or the line
  ends in a word that cannot end a sentence ("von", "der");
* whitespace-only tokens (blank lines) never start a sentence.

It reads token classes from the orth ids (looked up once per word form) and writes
all boundaries at once with ``Doc.from_array``, so it costs about as much as the
lemmatizer. With a parser or senter in the pipeline it is not added.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from .words import MONTHS

_FINAL_WORDS = {".", "!", "?", "…", "...", "?!", "!?", "!!", "??"}
_CLOSER_WORDS = {"“", "”", "\"", "«", "»", "‘", "’", "'", ")", "]", "›", "‹"}
# Words that begin a sentence far more often than they follow an ordinal.
_STARTERS = {
    "der", "die", "das", "ein", "eine", "er", "sie", "es", "wir", "ich", "man", "dies",
    "diese", "dieser", "doch", "aber", "auch", "so", "nun", "dann", "damit", "denn",
    "zudem", "außerdem", "allerdings", "bereits", "laut", "nach", "im", "in", "am",
    "seit", "mit", "bei", "für", "wie", "was", "wer", "warum", "als", "und",
}
# Words that cannot end a sentence: a line break after one is a wrapped line.
_FUNCTION_WORDS = {
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer",
    "eines", "von", "vom", "mit", "für", "gegen", "an", "auf", "aus", "bei", "in", "im",
    "nach", "über", "um", "unter", "vor", "zu", "zum", "zur", "und", "oder", "sowie",
    "als", "wie", "dass", "ob", "sich", "seine", "seiner", "ihre", "ihrer",
    "durch", "zwischen", "wegen", "trotz", "seit", "ohne", "gegenüber", "laut", "beim",
    "bis", "samt", "seinen", "seinem", "seines", "ihren", "ihrem", "ihres",
    "dieser", "diese", "dieses", "diesen", "diesem", "weil", "wenn", "sondern", "bzw.",
    "zwar", "sowohl", "weder", "entweder", "beziehungsweise",
}
_ORDINAL = re.compile(r"^\d+(?:\.\d+)*\.$")

# token classes (bit flags)
FINAL, PERIOD, CLOSER, BREAK, PARAGRAPH, ORDINAL_END, ORDINAL_SMALL = 1, 2, 4, 8, 16, 32, 64
LOWER, UPPER, CONTINUES, STARTER, MONTH, SPACE = 128, 256, 512, 1024, 2048, 4096
FUNCTION = 8192
_MARKS = FINAL | CLOSER | BREAK | ORDINAL_END | ORDINAL_SMALL


def _classify(text: str) -> int:
    flags = 0
    if text in _FINAL_WORDS or (len(text) > 1 and text[-1] in "!?" and not text[0].isalnum()):
        flags |= FINAL
    if text == ".":
        flags |= PERIOD
    if text in _CLOSER_WORDS:
        flags |= CLOSER
    if "\n" in text:
        flags |= BREAK
    if "\n\n" in text or "\n\r\n" in text:
        flags |= PARAGRAPH
    if text.isspace():
        flags |= SPACE
    if _ORDINAL.match(text):
        digits = text.split(".")[0]
        big = len(digits) == 4 or int(digits) > 31
        flags |= ORDINAL_END if big else ORDINAL_SMALL
    first = text[:1]
    if first.islower():
        flags |= LOWER
    if first.isupper():
        flags |= UPPER
    if text in {",", ";"}:
        flags |= CONTINUES
    lowered = text.lower()
    if lowered in _STARTERS:
        flags |= STARTER
    if lowered in MONTHS:
        flags |= MONTH
    if text in _FUNCTION_WORDS:
        flags |= FUNCTION
    return flags


class SentenceSplitter:
    """Rule-based sentence boundaries for German news (``banlens_sentences``)."""

    def __init__(self) -> None:
        self._classes: dict[int, int] = {}

    def _flags(self, doc: Doc) -> tuple[numpy.ndarray, list[int]]:
        """Token classes (looked up once per word form) and the trailing-space flags."""
        array = doc.to_array([ORTH, SPACY])
        forms, positions = numpy.unique(array[:, 0], return_inverse=True)
        classes = self._classes
        strings = doc.vocab.strings
        values = []
        for orth in forms.tolist():
            value = classes.get(orth)
            if value is None:
                value = classes[orth] = _classify(strings[orth])
            values.append(value)
        flags = numpy.asarray(values, dtype="int64")[positions.reshape(-1)]
        return flags, array[:, 1].tolist()

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        flag_array, spaces = self._flags(doc)
        flags = flag_array.tolist()
        starts = [-1] * n
        starts[0] = 1
        ended = False
        # Only these tokens can end a sentence or pass an ending on; at any other
        # token ``ended`` is False (it stays True only onto a closer or a final mark)
        # and nothing happens, so the loop skips them.
        marks = numpy.flatnonzero(flag_array[:-1] & _MARKS).tolist()
        for i in marks:
            here, nxt = flags[i], flags[i + 1]
            if here & BREAK:
                if not here & PARAGRAPH and (nxt & LOWER or (i and flags[i - 1] & FUNCTION)):
                    continue  # a wrapped line goes on
                ended = True
            elif here & FINAL:
                if here & PERIOD and nxt & LOWER:
                    continue  # "Corp. und"
                ended = True
            elif here & (ORDINAL_END | ORDINAL_SMALL) and nxt & UPPER and not nxt & MONTH:
                ended = bool(here & ORDINAL_END or nxt & STARTER)
            if not ended:
                continue
            if (nxt & CLOSER and not spaces[i]) or nxt & FINAL:
                continue  # the boundary moves past closing quotes and brackets
            if nxt & CONTINUES or (nxt & LOWER and not here & BREAK):
                ended = False  # '"Nein!", rief sie' goes on
                continue
            starts[i + 1] = 1
            ended = False
        # whitespace tokens belong to the sentence before them
        for i in [j for j in numpy.flatnonzero(flag_array & SPACE).tolist() if j]:
            if starts[i] == 1:
                starts[i] = -1
                if i + 1 < n:
                    starts[i + 1] = 1
        values = numpy.asarray(starts, dtype="int64").astype("uint64").reshape(-1, 1)
        doc.from_array([SENT_START], values)
        return doc


@Language.factory("banlens_sentences", assigns=["token.is_sent_start"])
def make_sentence_splitter(nlp: Language, name: str) -> SentenceSplitter:
    """spaCy factory for :class:`SentenceSplitter`."""
    return SentenceSplitter()
