"""German surface forms of an alias written in its base form.

Users write aliases as nominatives ("Weißes Haus", "Handelsministerium",
"chinesische Regierung"). News text declines them: "des Weißen Hauses", "dem
Handelsministerium", "der chinesischen Regierung", "Trumps". This module derives
those forms so that the tagger can match them exactly, token by token, instead of
guessing with a stemmer that would also match unrelated words.

The rules:

* the *head* of an alias is its last word before a post-modifier ("Regierung in
  Washington": head "Regierung"); it takes the genitive -s/-es and, for nouns
  with weak or plural endings (-ent, -ung, -ion, ...), -en/-n;
* words before the head that carry an adjective ending (-e, -er, -es, -en, -em)
  take every other adjective ending ("Weißes" → "Weißen", "Weißem", ...);
* post-modifiers ("in Washington", "der USA") stay as written.

Whether an alias is an ordinary German word ("Bund", "Haus") is decided with the
lemma table of spacy-lookups-data: such aliases match only as capitalised by the user.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Sequence

ADJECTIVE_ENDINGS = ("em", "en", "er", "es", "e")
# Endings of nouns that form -en/-n in the genitive/dative (weak nouns) or plural.
_EN_NOUNS = ("ent", "ant", "ist", "at", "ung", "ion", "schaft", "heit", "keit", "tät", "ur", "e")
_POST_MODIFIER_STARTS = {
    "in", "im", "von", "vom", "der", "des", "aus", "für", "zu", "zur", "zum", "am", "an", "bei",
    "of", "de", "du", "the", "and", "und",
}
_GENITIVE_APOSTROPHES = ("'s", "’s")


def head_index(words: Sequence[str]) -> int:
    """Index of the alias's head word: the last word before a post-modifier."""
    for i, word in enumerate(words[1:], start=1):
        if word.lower() in _POST_MODIFIER_STARTS:
            return i - 1
    return len(words) - 1


def noun_forms(word: str) -> list[str]:
    """The head noun and its declined forms (base form first)."""
    forms = [word]
    if not word[-1:].isalpha():
        return forms
    upper = word.isupper()
    def add(suffix: str) -> None:
        forms.append(word + (suffix.upper() if upper else suffix))

    if word[-1] in "sßxz":
        add("es")
    else:
        add("s")
        if len(word) > 3 and word[-1] not in "aeiouy":
            add("es")
    if word.lower().endswith(_EN_NOUNS) and not upper:
        add("n" if word.endswith("e") else "en")
    forms.extend(word + apostrophe for apostrophe in _GENITIVE_APOSTROPHES)
    return forms


def adjective_forms(word: str) -> list[str] | None:
    """All adjective endings of ``word`` if it carries one, else None."""
    if len(word) < 4 or word.isupper() or "-" in word:
        return None
    for ending in ADJECTIVE_ENDINGS:
        if word.endswith(ending):
            stem = word[: -len(ending)]
            return [word] + [stem + other for other in ADJECTIVE_ENDINGS if other != ending]
    return None


def alias_forms(words: Sequence[str]) -> list[tuple[str, ...]]:
    """Every declined form of a tokenised alias, the alias itself first.

    A name of several capitalised nouns may decline its first word instead of its
    head ("des Oberlandesgerichts Düsseldorf"), so both readings are generated.
    """
    if not words:
        return []
    head = head_index(words)
    options: list[list[str]] = []
    for i, word in enumerate(words):
        if i == head:
            options.append(noun_forms(word))
        elif i < head:
            options.append(adjective_forms(word) or [word])
        else:
            options.append([word])
    forms = list(itertools.product(*options))
    first = words[0]
    if head > 0 and first[:1].isupper() and len(first) > 3 and adjective_forms(first) is None:
        for declined in noun_forms(first)[1:]:
            forms.append((declined, *words[1:]))
    return list(dict.fromkeys(forms))


@functools.cache
def _german_words() -> frozenset[str]:
    import spacy_lookups_data
    import srsly

    path = spacy_lookups_data.de["lemma_lookup"]
    gz = path.with_name(path.name + ".gz")
    table = srsly.read_gzip_json(gz) if gz.exists() else srsly.read_json(path)
    words = {form.lower() for form in table}
    words.update(lemma.lower() for lemma in table.values())
    return frozenset(words)


def is_common_word(alias: str) -> bool:
    """True when every word of ``alias`` is an ordinary German word form.

    Such aliases ("Bund", "Weißes Haus", "chinesische Regierung") match only as
    the user capitalised them, so that "bund" or "weißes haus" in running text do
    not become actors. Names (TikTok, Bytedance) match in any case.
    """
    try:
        words = _german_words()
    except (ImportError, OSError, KeyError, AttributeError):
        return any(part[:1].islower() for part in alias.split())
    parts = [p for p in alias.replace("-", " ").split() if p.isalpha()]
    return bool(parts) and all(part.lower() in words for part in parts)
