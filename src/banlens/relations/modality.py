"""Negation and modality: whether a relation is denied, or only planned or reported.

Reads the cue words of the lexicon (``cues:`` in ``relations.yml``) and the verb's
mood (Konjunktiv I marks reported speech).
"""

from __future__ import annotations

from typing import Any

from ..german.lemmas import alternative_lemmas
from .lexicon import RelationLexicon

# Function words that are never verbs in Konjunktiv I.
CLOSED_WORDS = frozenset({
    "die", "eine", "keine", "diese", "jene", "seine", "ihre", "unsere", "alle", "beide",
    "ohne", "ende", "gerne", "heute", "lange", "bitte", "ebene", "ferne", "nähe",
})


def cue_flags(lexicon: RelationLexicon, tokens: list) -> tuple[bool, bool]:
    """(negated, hypothetical) cues among ``tokens`` (lower-cased forms and lemmas).

    A negation word directly followed by a ``not_negation`` word ("nicht nur") does
    not count; phrases ("verzichten auf") need all their words in ``tokens``.
    """
    lowers = [t.lower_ for t in tokens]
    negated = False
    for i, word in enumerate(lowers):
        if word in lexicon.negation_words and (
            i + 1 == len(lowers) or lowers[i + 1] not in lexicon.not_negation
        ):
            negated = True
            break
    words = set(lowers)
    words.update(t.lemma_.lower() for t in tokens)
    if not negated:
        negated = any(all(w in words for w in p) for p in lexicon.negation_phrases)
    hypothetical = not lexicon.hypothetical_words.isdisjoint(words) or any(
        all(w in words for w in p) for p in lexicon.hypothetical_phrases
    )
    return negated, hypothetical


def clause_cues(lexicon: RelationLexicon, tokens: list, verbs: list) -> tuple[bool, bool]:
    """(negated, hypothetical) of a clause: the cue words among ``tokens``
    (:func:`cue_flags`) and a Konjunktiv I among ``verbs``, the mark of reported speech.
    With "ich" in the clause, "habe" and a verb in -e ("ich verklage") are the first
    person's indicative, which looks like the third person's Konjunktiv I."""
    first_person = any(t.lower_ == "ich" for t in (*tokens, *verbs))
    negated, hypothetical = cue_flags(lexicon, [
        t for t in tokens if not (first_person and t.lower_ == "habe")])
    return negated, hypothetical or not first_person and any(
        is_konjunktiv_i(v) for v in verbs)


def is_konjunktiv_i(tok: Any) -> bool:
    """Third person Konjunktiv I of a full verb ("erhalte", "verhandle"): reported speech."""
    low = tok.lower_
    if not tok.is_alpha or not tok.text.islower() or low in CLOSED_WORDS or not low.endswith("e"):
        return False
    if len(low) <= 4:
        return False
    # the lookup's lemma, and the verb of a form it shares with an adjective
    # ("sichere": sicher, sichern)
    return any(_konjunktiv_of(low, lemma) for lemma in (
        tok.lemma_.lower(), *alternative_lemmas(low)))


def _konjunktiv_of(low: str, lemma: str) -> bool:
    """Whether ``low`` is the third person Konjunktiv I of the verb ``lemma``."""
    if lemma == low:
        return False
    if lemma.endswith("eln"):  # verhandeln -> verhandle
        return low == lemma[:-3] + "le"
    if lemma.endswith("ern"):  # ändern -> ändere, ändre
        return low in (lemma[:-1] + "e", lemma[:-3] + "re")
    return lemma.endswith("en") and low == lemma[:-1]
