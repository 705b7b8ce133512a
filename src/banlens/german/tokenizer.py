"""The tokenizer rules banlens adds to spaCy's German ones: markup off the words.

News text scraped from the web carries HTML entities, leftover tags and control
characters glued to words; :func:`adapt_tokenizer` makes them tokens of their own.
The actor prefilter (:mod:`banlens.actors.prefilter`) reads the same patterns to know
that such a tokenizer never splits inside a word.
"""

from __future__ import annotations

import re

import spacy
from spacy.language import Language

# News text scraped from the web carries HTML entities, leftover tags and control
# characters glued to words ("&quot;Tiktok&quot;", "Tiktok</p>", "Oracle\x00"). They
# become tokens of their own, so the text and every offset stay exactly as given.
_ENTITY = r"&(?:[A-Za-z]{2,8}|#[0-9]{2,5}|#[xX][0-9A-Fa-f]{2,4});"
_TAG = r"</?[A-Za-z][A-Za-z0-9]{0,10}/?>"  # tokens hold no spaces: tags without attributes
_PUNCT_BEFORE_MARKUP = r"[.,;:!?](?=</?[A-Za-z]|&(?:[A-Za-z]{2,8}|#[0-9]{2,5});)"
_CONTROL = (r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028\u2029\u2060\ufeff"
            r"\u202a-\u202e\u2066-\u2069]")
# A suffix is searched in the last characters of a word only: spaCy strips affixes
# one by one and searches the rest of the word each time, which made a long run of
# them ("&amp;&amp;…", 10,000 characters) cost seconds, growing with the square.
_SUFFIX_WINDOW = 256


class _TailSearch:
    """``regex.search`` on the last ``_SUFFIX_WINDOW`` characters of a string.

    spaCy takes only the length of the match, so the shorter string changes no
    result for suffixes of realistic length. ``pattern`` lets spaCy save the
    tokenizer as usual (a saved pipeline loads with a plain search).
    """

    def __init__(self, regex: re.Pattern[str]):
        self.regex = regex
        self.pattern = regex.pattern

    def search(self, string: str) -> re.Match[str] | None:
        return self.regex.search(string[-_SUFFIX_WINDOW:])


# Texts without any of these characters are tokenized alike with and without the
# extra rules: every extra pattern needs one of them.
MARKUP_CHARACTERS = re.compile(r"[<&]|" + _CONTROL)


def markup_patterns() -> tuple[list[str], list[str]]:
    """The extra tokenizer patterns: (prefixes and suffixes, infixes)."""
    extra = [_TAG, _ENTITY, _CONTROL]
    # punctuation glued to a following tag or entity: "Tiktok.</p><br/>Huawei"
    return extra, extra + [_PUNCT_BEFORE_MARKUP]


def adapt_tokenizer(nlp: Language) -> None:
    """Split HTML entities, HTML tags and control characters off the words they touch."""
    extra, infix_extra = markup_patterns()
    tokenizer = nlp.tokenizer
    prefixes = extra + list(nlp.Defaults.prefixes or [])
    suffixes = extra + list(nlp.Defaults.suffixes or [])
    infixes = infix_extra + list(nlp.Defaults.infixes or [])
    tokenizer.prefix_search = spacy.util.compile_prefix_regex(prefixes).search
    tokenizer.suffix_search = _TailSearch(spacy.util.compile_suffix_regex(suffixes)).search
    tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
