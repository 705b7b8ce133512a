"""Type cues from the sentence around a name.

The scanner (:mod:`.scan`) reads a name's own run of capitalised words and the
word right before and after it. The cues here need more of the sentence:

* **coordination**: "die Konzerne Apple und Meta" — the descriptor in front of the
  first name types the names listed with it;
* **apposition behind the name**: "Tim Cook, der Chef des Konzerns", "Edeka, der
  größte Lebensmittelhändler" — the head noun types the name;
* **business words in the sentence** (sales, shares, takeovers; weak);
* **a party in parentheses**: "Olaf Scholz (SPD)" (person);
* **platform**: "auf X" in a sentence about posting or users;
* **media**: the medium spoken to, "sagte er dem X", "sagte Y gegenüber X";
* **court**: "das Urteil des X", "Richter am X", "Klage vor dem X".

Weak cues (business sentences, camel case, a definite article before the name, a
name later shortened to its last word) decide the type only when no other cue
fires (see :mod:`.rank`). All word lists are in ``data/discover.yml``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Protocol

from .words import Cues, Lexicon, compound_head

# cue labels
BUSINESS = "business_sentence"
PARTY = "party"
ON_PLATFORM = "on_platform"
INTERVIEW = "spoken_to"
COURT_CONTEXT = "court_context"
APPOSITION = "apposition_"      # + type: "apposition_organization"
INNER_CAPITAL = "camel_case"
SURNAME = "surname_alone_later"     # set per document by the tally
ARTICLE = "definite_article"        # set by the scanner

_ARTICLES = frozenset({"der", "die", "das", "des", "dem", "den", "ein", "eine", "einer",
                       "eines", "einem", "einen"})
_COURT_LINKS = _ARTICLES | {"am", "vom", "beim"}   # "Richter am X", "Urteil vom X"
_PAREN = re.compile(r"\s*\(\s*([^()]{1,40}?)\s*\)")
_MAX_MODIFIERS = 3              # words between the comma and the head of an apposition


class Token(Protocol):
    """What the scanner's tokens offer: the text and its offsets in the sentence."""

    text: str
    start: int
    end: int


class ContextReader:
    """Finds the sentence-level cues of a name; ``head_type`` maps a noun to a type."""

    def __init__(self, cues: Cues, lexicon: Lexicon,
                 head_type: Callable[[str], str | None]) -> None:
        self.cues = cues
        self.lexicon = lexicon
        self.head_type = head_type
        self._business: dict[str, bool] = {}

    # --- the sentence as a whole -------------------------------------------------------

    def is_business(self, tokens: Sequence[Token]) -> bool:
        """Whether the sentence speaks of a company's business (sales, shares, takeovers)."""
        return any(self._business_word(t.text) for t in tokens)

    def _business_word(self, word: str) -> bool:
        known = self._business.get(word)
        if known is None:
            lower = word.lower()
            known = lower in self.cues.business_words or (
                word[:1].isupper() and compound_head(lower, self.cues.business_heads)
                is not None)
            self._business[word] = known
        return known

    # --- one name ------------------------------------------------------------------------

    def mention_cues(self, tokens: Sequence[Token], start: int, end: int,
                     sentence: str) -> set[str]:
        """Cues for the name of ``tokens[start:end]`` from the rest of its sentence."""
        found: set[str] = set()
        lower = [t.text.lower() for t in tokens]
        before = lower[max(0, start - 4):start]
        tail = sentence[tokens[end - 1].end:]
        if self._party(tail):
            found.add(PARTY)
        apposition = self._apposition(tokens, end, sentence)
        if apposition:
            found.add(APPOSITION + apposition)
        if before and before[-1] == "auf" and any(
                w in self.cues.platform_context for w in lower):
            found.add(ON_PLATFORM)
        if self._spoken_to(before):
            found.add(INTERVIEW)
        if self._court(tokens, lower, start, sentence):
            found.add(COURT_CONTEXT)
        return found

    def _party(self, tail: str) -> bool:
        """ "(SPD)", "(CDU/CSU)" right after the name. (Not an age, "(54)": in sports
        news numbers in parentheses are goals, points and minutes.)"""
        match = _PAREN.match(tail)
        if not match:
            return False
        words = [w for w in re.split(r"[\s/,;-]+", match.group(1).lower()) if w]
        return bool(words) and all(w in self.cues.parties for w in words)

    def _apposition(self, tokens: Sequence[Token], end: int, sentence: str) -> str | None:
        """The type of a noun behind a comma after the name: "X, der US-Konzern, …"."""
        if end >= len(tokens):
            return None
        gap = sentence[tokens[end - 1].end:tokens[end].start]
        if gap.strip() != ",":
            return None
        j = end
        if tokens[j].text.lower() in _ARTICLES:
            j += 1
        first = j
        while j < len(tokens) and j - first < _MAX_MODIFIERS:
            word = tokens[j].text
            if word[:1].isupper():
                head = self.head_type(word)
                if head:
                    return head
                if not word.endswith("s"):      # only a genitive may come first
                    return None                 # ("Deutschlands größter Händler")
            elif not self.lexicon.is_adjective(word):
                return None                     # not an adjective ("dessen", "gegen")
            j += 1
        return None

    def _spoken_to(self, before: list[str]) -> bool:
        """ "sagte er dem X", "sagte Y gegenüber (dem) X": X is a medium.

        Not "Sprecher der X": there "der" is a genitive, so a pronoun or "gegenüber"
        must stand between the verb of saying and the article.
        """
        cues = self.cues
        if len(before) >= 3 and before[-1] in ("dem", "der") and before[-2] in \
                cues.speaker_pronouns and before[-3] in cues.say_verbs:
            return True
        k = len(before) - 1
        if k >= 0 and before[k] in ("dem", "der"):
            k -= 1
        return k >= 1 and before[k] == "gegenüber" and any(
            w in cues.say_verbs for w in before[:k])

    def _court(self, tokens: Sequence[Token], lower: list[str], start: int,
               sentence: str) -> bool:
        """ "das Urteil des X", "Richter am X", "Klage vor dem X": X is a court.

        The court word, an optional article and the name must follow each other with
        no comma between ("das Urteil, das X ..." is not about X).
        """
        for span in (1, 2):
            if start < span:
                break
            first = start - span
            if span == 2 and lower[first + 1] not in _COURT_LINKS:
                break
            if "," in sentence[tokens[first].end:tokens[start].start]:
                break
            if lower[first] in self.cues.court_context:
                return True
        return start >= 2 and lower[start - 2:start] == ["vor", "dem"] and any(
            w in self.cues.court_trial for w in lower)


def joined(gap: str, coordinators: frozenset[str]) -> bool:
    """Whether ``gap`` joins two names of a list: a comma or one coordinating word."""
    words = gap.replace(",", " , ").split()
    return len(words) == 1 and (words[0] == "," or words[0].lower() in coordinators)
