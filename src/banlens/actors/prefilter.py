"""A scan of the raw text that finds where actor mentions can be, before tokenizing.

Most articles of a corpus name none of the dictionary's actors, and a text without
an actor mention yields a record with no actors and no relations whatever else it
says. :class:`ActorPrefilter` finds that out from the raw string, with one
multi-pattern (Aho-Corasick) scan, so that such texts need not be tokenized
(:mod:`banlens.passages`).

The scan reports a **superset** of what the tagger (:mod:`banlens.actors.tagger`)
can match. It is built from the tagger's own surface forms (every alias in every
declined form, :meth:`~banlens.actors.tagger.ActorTagger.surface_forms`), so
compound parts ("Tiktok" in "Tiktok-Verbot") are covered too. Why nothing is lost:

* spaCy tokens are exact substrings of the text and two neighbouring tokens are
  separated by nothing or by one space (``token.whitespace_``), so a phrase match of
  the words ``w1 … wn`` is the string ``w1 g1 w2 … wn`` with every gap ``g`` either
  ``""`` or ``" "``; the scan looks for all these strings;
* the tagger compares lower-cased tokens (``token.lower_``, i.e. ``str.lower``) for
  forms that match in any case, and the exact text for forms that match only as
  written ("Bund"); the scan looks for the first in the lower-cased text, the second
  in the text as it is. ``str.lower`` works character by character, except that
  Greek capital sigma becomes final or medial sigma by context, so both sides read
  final sigma as medial;
* a hit is dropped only when a letter touches a letter across its first or last
  character ("eu" in "neue"): the tokenizer never starts or ends a token between two
  letters (:func:`keeps_words` checks the pipeline's tokenizer for that), so no token
  can start or end there.

What the tagger then leaves out (case rules of common words, ``not_part_of``,
datelines) only makes the scan's superset larger than the tagger's findings.

A text the scan rejects has no actor mention, so the reference resolver (which needs
an antecedent) adds none and the relation component (which needs two actors in a
sentence) finds nothing: its record is :func:`banlens.records.empty_record`. With a
statistical German model in the pipeline, its NER fills ``doc.ents`` and
``doc._.unknown_actors``; neither goes into a record, so skipping such a text stays
exact and :func:`prefilter_for` keeps the prefilter on (only the passage path of
:mod:`banlens.passages` is off with a model, whose parser reads the whole text).
Components it does not know (a custom component might add actors) turn it off.
"""

from __future__ import annotations

import itertools
import logging
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from typing import Any

logger = logging.getLogger("banlens")

# A form of more words than this is looked for by its longest word alone (still a
# superset: every word of a matched form is a whole token of the text).
MAX_GAPS = 6
# The pipeline components whose output cannot put an actor into a record that the
# tagger did not find: banlens' own and spaCy's statistical ones (a NER fills
# ``doc.ents`` and ``unknown_actors``, which records do not carry).
KNOWN_FACTORIES = frozenset({
    "banlens_sentences", "banlens_lemmas", "banlens_actors", "banlens_references",
    "banlens_relations", "tok2vec", "transformer", "tagger", "morphologizer", "parser",
    "senter", "sentencizer", "attribute_ruler", "lemmatizer", "trainable_lemmatizer", "ner",
})
_FINAL_SIGMA, _SIGMA = "\u03c2", "\u03c3"


def fold(text: str) -> str:
    """``text.lower()`` with final sigma read as medial sigma (context-free lower case)."""
    return text.lower().replace(_FINAL_SIGMA, _SIGMA)


def spellings(words: Sequence[str]) -> list[str]:
    """The strings a phrase match of ``words`` can cover: each gap empty or one space."""
    words = [w for w in words if w]
    if not words:
        return []
    if len(words) - 1 > MAX_GAPS:
        return [max(words, key=len)]
    out = []
    for gaps in itertools.product(("", " "), repeat=len(words) - 1):
        text = words[0]
        for gap, word in zip(gaps, words[1:], strict=True):
            text += gap + word
        out.append(text)
    return out


def _bounded(text: str, start: int, end: int) -> bool:
    """Whether a token can start at ``start`` and end at ``end`` (no letter|letter edge)."""
    if start > 0 and text[start].isalpha() and text[start - 1].isalpha():
        return False
    return not (end < len(text) and text[end - 1].isalpha() and text[end].isalpha())


class ActorPrefilter:
    """Find the places in a raw text where the actor tagger could find a name.

    ``any_case``: forms (word sequences) matched in any letter case; ``exact``: forms
    matched only as written. :meth:`from_tagger` takes both from an actor tagger.
    """

    def __init__(self, any_case: Iterable[Sequence[str]], exact: Iterable[Sequence[str]]):
        import ahocorasick_rs

        self._any = sorted({fold(s) for form in any_case for s in spellings(form)})
        # a spelling the case-blind scan finds anyway needs no exact scan
        known = set(self._any)
        self._exact = sorted({s for form in exact for s in spellings(form)} - known)
        self._exact = [s for s in self._exact if fold(s) not in known]
        self._any_scan = ahocorasick_rs.AhoCorasick(self._any) if self._any else None
        self._exact_scan = ahocorasick_rs.AhoCorasick(self._exact) if self._exact else None

    @classmethod
    def from_tagger(cls, tagger: Any) -> ActorPrefilter:
        """The prefilter of an :class:`~banlens.actors.tagger.ActorTagger`."""
        any_case, exact = tagger.surface_forms()
        return cls(any_case, exact)

    def __len__(self) -> int:
        """Number of search strings."""
        return len(self._any) + len(self._exact)

    def __reduce__(self) -> tuple[Any, ...]:
        # the automata are rebuilt from the strings (they cannot be pickled)
        return (_rebuilt, (self._any, self._exact))

    def has_candidate(self, text: str) -> bool:
        """Whether ``text`` may hold an actor mention."""
        return bool(self.spans(text, first=True))

    def spans(self, text: str, first: bool = False) -> list[tuple[int, int]]:
        """Character spans (start, end) of ``text`` where a mention may be, sorted.

        ``first``: stop at the first one found (its position may then be approximate).
        """
        found: list[tuple[int, int]] = []
        if self._any_scan is not None:
            low = fold(text)
            size = len(low)
            hits = [(s, e) for _, s, e in self._any_scan.find_matches_as_indexes(
                low, overlapping=True)  # _bounded(), inline: this runs for every hit
                if not (s and low[s].isalpha() and low[s - 1].isalpha())
                and not (e < size and low[e - 1].isalpha() and low[e].isalpha())]
            if hits and first:
                return hits[:1]
            if hits and len(low) != len(text):
                hits = _original_spans(text, hits)
            found.extend(hits)
        if self._exact_scan is not None and not (first and found):
            for _, s, e in self._exact_scan.find_matches_as_indexes(text, overlapping=True):
                if _bounded(text, s, e):
                    found.append((s, e))
                    if first:
                        break
        return sorted(found)


def _rebuilt(any_case: list[str], exact: list[str]) -> ActorPrefilter:
    return ActorPrefilter([[s] for s in any_case], [[s] for s in exact])


def _original_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Map spans of ``fold(text)`` back to ``text`` where lower-casing changed lengths
    ("İ" becomes two characters); a span is widened to whole characters of ``text``."""
    ends = list(itertools.accumulate(len(c.lower()) for c in text))  # end of char k in low
    out = []
    for s, e in spans:
        out.append((bisect_right(ends, s), min(bisect_left(ends, e) + 1, len(text))))
    return out


def keeps_words(nlp: Any) -> bool:
    """Whether ``nlp``'s tokenizer never splits between two letters.

    True for spaCy's German rules, with or without banlens' extra rules for markup
    (:func:`banlens.german.tokenizer.adapt_tokenizer`): their prefixes, suffixes and infixes
    all split at punctuation, digits or markup, and no special case splits a word
    between two letters (checked here). A tokenizer with other rules is not trusted.
    """
    import spacy

    from ..german.tokenizer import markup_patterns

    tokenizer = nlp.tokenizer
    defaults = nlp.Defaults
    try:
        prefix = tokenizer.prefix_search.__self__.pattern
        suffix = tokenizer.suffix_search.__self__.pattern
        infix = tokenizer.infix_finditer.__self__.pattern
    except AttributeError:
        return False
    if getattr(nlp, "lang", None) != "de":
        return False
    extra, infix_extra = markup_patterns()
    known = []
    for more, more_infix in (([], []), (extra, infix_extra)):
        known.append((
            spacy.util.compile_prefix_regex(more + list(defaults.prefixes or [])).pattern,
            spacy.util.compile_suffix_regex(more + list(defaults.suffixes or [])).pattern,
            spacy.util.compile_infix_regex(more_infix + list(defaults.infixes or [])).pattern,
        ))
    if (prefix, suffix, infix) not in known:
        return False
    for key, pieces in tokenizer.rules.items():
        at = 0
        for piece in pieces[:-1]:
            at += len(piece.get(65) or piece.get("ORTH", ""))  # 65 = spacy.attrs.ORTH
            if 0 < at < len(key) and key[at - 1].isalpha() and key[at].isalpha():
                return False
    return True


def prefilter_for(nlp: Any) -> ActorPrefilter | None:
    """The prefilter of ``nlp``'s actor tagger, or None where skipping texts that it
    rejects could change a record.

    None when the pipeline has no ``banlens_actors`` tagger, a component outside
    :data:`KNOWN_FACTORIES` (a custom component might add actors), or a tokenizer
    :func:`keeps_words` does not vouch for.
    """
    if "banlens_actors" not in nlp.pipe_names:
        return None
    for name in nlp.pipe_names:
        if nlp.get_pipe_meta(name).factory not in KNOWN_FACTORIES:
            return None
    if not keeps_words(nlp):
        return None
    try:
        return ActorPrefilter.from_tagger(nlp.get_pipe("banlens_actors"))
    except ImportError:  # pragma: no cover - ahocorasick-rs is a dependency
        logger.info("banlens: ahocorasick-rs is not installed; every text is tokenized")
        return None


__all__ = ["ActorPrefilter", "fold", "keeps_words", "prefilter_for", "spellings"]
