"""Sentence boundaries for German news text, without a statistical model.

spaCy's German tokenizer already keeps most abbreviations ("Nov.", "Dr.", "z. B.")
and ordinals ("12.") as one token with their period, so a bare "." token is
usually a sentence end. This component adds what news text needs on top:

* a period that is followed by a lowercase word ("Oracle Corp. und ...") is not an end;
* an ordinal or year token with its period ("im Jahr 2020.") ends a sentence when
  the next word clearly starts one, but not in dates ("am 12. November");
* closing quotes and brackets stay with the sentence they close;
* a line break ends a sentence unless the next line continues it in lowercase
  (headlines, captions and "Bild: dpa" lines have no final punctuation);
* whitespace-only tokens (blank lines) never start a sentence.

With a parser in the pipeline this component is not added (the parser sets
sentences); it is registered as the ``banlens_sentences`` factory.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

_FINAL = {".", "!", "?", "…", "...", "?!", "!?", "!!", "??"}
_CLOSERS = {"“", "”", "\"", "«", "»", "‘", "’", "'", ")", "]", "›", "‹"}
_MONTHS = {
    "januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august",
    "september", "oktober", "november", "dezember", "jan.", "feb.", "mär.", "apr.",
    "jun.", "jul.", "aug.", "sep.", "sept.", "okt.", "nov.", "dez.",
}
# Words that begin a sentence far more often than they follow an ordinal.
_STARTERS = {
    "der", "die", "das", "ein", "eine", "er", "sie", "es", "wir", "ich", "man", "dies",
    "diese", "dieser", "doch", "aber", "auch", "so", "nun", "dann", "damit", "denn",
    "zudem", "außerdem", "allerdings", "bereits", "laut", "nach", "im", "in", "am",
    "seit", "mit", "bei", "für", "wie", "was", "wer", "warum", "als", "und",
}
_ORDINAL = re.compile(r"^\d+(?:\.\d+)*\.$")


def _ordinal_ends_sentence(number: str, following: str) -> bool:
    if not following[:1].isupper():
        return False
    lowered = following.lower()
    if lowered in _MONTHS:
        return False
    if lowered in _STARTERS:
        return True
    digits = number.rstrip(".").split(".")[0]
    return len(digits) == 4 or int(digits) > 31


@Language.component("banlens_sentences")
def split_sentences(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on every token of ``doc``."""
    tokens = list(doc)
    if not tokens:
        return doc
    starts = [False] * len(tokens)
    starts[0] = True
    ended = False  # the sentence ends once the closers after the boundary are taken
    for i, token in enumerate(tokens[:-1]):
        text = token.text
        nxt = tokens[i + 1]
        breaks = text + token.whitespace_
        if "\n" in breaks:
            if nxt.text[:1].islower() and "\n\n" not in breaks:
                continue  # a wrapped line goes on
            ended = True
        elif text in _FINAL or (len(text) > 1 and text[-1] in "!?"):
            if nxt.text[:1].islower() and text == ".":
                continue
            ended = True
        elif _ORDINAL.match(text) and _ordinal_ends_sentence(text, nxt.text):
            ended = True
        if not ended:
            continue
        if (nxt.text in _CLOSERS and not token.whitespace_) or nxt.text in _FINAL:
            continue  # the boundary moves past closing quotes and brackets
        if nxt.text in {",", ";"} or (nxt.text[:1].islower() and "\n" not in breaks):
            ended = False  # '"Nein!", rief sie' goes on
            continue
        starts[i + 1] = True
        ended = False
    # whitespace tokens belong to the sentence before them
    for i, token in enumerate(tokens):
        if starts[i] and i > 0 and token.is_space:
            starts[i] = False
            if i + 1 < len(tokens):
                starts[i + 1] = True
    for token, start in zip(tokens, starts, strict=True):
        token.is_sent_start = start
    return doc

