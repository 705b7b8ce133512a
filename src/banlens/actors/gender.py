"""Grammatical gender and number of actors, for resolving pronouns.

"Sie wolle ..." can stand for "die Unicredit" (feminine singular) but not for
"Microsoft" (no article, gender unknown) or "die USA" (plural); "Er wirft ... vor" for
a man. :class:`GenderLexicon` reads ``data/genders.yml`` and tells, for an actor in a
document, which of ``m``, ``f``, ``n`` and ``pl`` it can be: from the article the text
puts before its name, a person's first name or title, the legal form or head noun of
an institution's name, or a list of plural names. Unknown stays unknown.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from ..german.words import ARTICLE_CASES, PREPOSITIONS

PLURAL = "pl"
# A singular article read as a gender: "das" neuter, "die" feminine (or plural), "dem"
# and "des" masculine or neuter; "der" masculine after no preposition (nominative),
# feminine after one (dative).
_ARTICLE_GENDERS = {
    "das": frozenset("n"), "dem": frozenset("mn"), "des": frozenset("mn"),
    "den": frozenset("m"),
}


class GenderLexicon:
    """Genders of names, from the bundled ``genders.yml`` (or a parsed mapping)."""

    def __init__(self, data: dict[str, Any] | None = None) -> None:
        data = data if data is not None else _bundled()
        self.legal_forms = {w.lower(): g for g, words in data.get("legal_forms", {}).items()
                            for w in words}
        self.heads = sorted(((w.lower(), g) for g, words in data.get("heads", {}).items()
                             for w in words), key=lambda x: -len(x[0]))
        self.plural_names = {w.lower() for w in data.get("plural_names", [])}
        self.first_names = {w.lower(): ("mf" if g == "both" else g)
                            for g, words in data.get("first_names", {}).items() for w in words}
        self._known: dict[tuple[str, str], frozenset[str]] = {}

    def of_name(self, name: str, actor_type: str) -> frozenset[str]:
        """The genders (``m``, ``f``, ``n``, ``pl``) a name can have; empty if unknown."""
        key = (name, actor_type)
        found = self._known.get(key)
        if found is None:
            found = self._known[key] = self._of_name(name, actor_type)
        return found

    def _of_name(self, name: str, actor_type: str) -> frozenset[str]:
        text = " ".join(name.split())
        low = text.lower()
        if low in self.plural_names:
            return frozenset({PLURAL})
        words = text.split()
        if not words:
            return frozenset()
        if actor_type == "person":
            for word in words:
                w = word.lower().rstrip(".")
                if w in self.first_names:
                    return frozenset(self.first_names[w])
                if w == "frau":
                    return frozenset("f")
                if w == "herr":
                    return frozenset("m")
                head = w.rsplit("-", 1)[-1]
                if head.endswith("in") and _feminine_role(head):
                    return frozenset("f")
            return frozenset()
        last = words[-1].lower().strip(".,")
        if last in self.legal_forms:
            return frozenset(self.legal_forms[last])
        segment = last.rsplit("-", 1)[-1]
        for form in (segment, segment[:-1] if segment.endswith("s") else None,
                     segment[:-2] if segment.endswith("es") else None):
            if not form:
                continue
            for head, gender in self.heads:
                if form.endswith(head):
                    return frozenset(gender)
        if actor_type == "country" and len(words) == 1:
            return frozenset("n")  # "Deutschland", "China": neuter, used without article
        return frozenset()

    def of_aliases(self, names: Iterable[str], actor_type: str) -> frozenset[str]:
        """Genders from the first of ``names`` that tells one."""
        for name in names:
            found = self.of_name(name, actor_type)
            if found:
                return found
        return frozenset()


def article_gender(words: Sequence[str], at: int) -> frozenset[str]:
    """The gender the article before position ``at`` of ``words`` (lower-case forms)
    gives a singular name, skipping up to three adjectives; empty if none or unclear."""
    j = at - 1
    steps = 0
    while j >= 0 and steps < 3 and words[j].isalpha() and words[j].islower() and (
            words[j] not in ARTICLE_CASES and words[j].endswith(("e", "en", "er", "es"))):
        j -= 1
        steps += 1
    if j < 0 or words[j] not in ARTICLE_CASES:
        return frozenset()
    article = words[j]
    if article in _ARTICLE_GENDERS:
        return _ARTICLE_GENDERS[article]
    after_prep = j > 0 and words[j - 1] in PREPOSITIONS
    if article == "die":
        return frozenset("f")
    if article == "der":
        return frozenset("f") if after_prep else frozenset()
    return frozenset()


def _feminine_role(word: str) -> bool:
    """A feminine role noun: "kanzlerin", "präsidentin", "ministerin", "chefin"."""
    return len(word) > 5 and word.endswith(("erin", "entin", "antin", "istin", "efin",
                                            "arin", "ierin", "örin", "orin", "otin"))


@lru_cache(maxsize=1)
def _bundled() -> dict[str, Any]:
    text = (resources.files("banlens") / "data" / "genders.yml").read_text("utf-8")
    return yaml.safe_load(text)
