"""Counting candidate names over a corpus, one document at a time.

:class:`Tally` takes the mentions of one document (from :mod:`.scan`), folds the
variants that the document itself ties together — "Olaf Scholz" and a later
"Scholz", "Trumps" and "Trump", "Weltgesundheitsorganisation (WHO)" and a later
"WHO" — and adds counts to one :class:`Entry` per name. Only counts are kept (no
document ids, no texts but one example sentence per name), so memory grows with
the number of distinct names, not with the corpus.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .context import PARTY, SURNAME
from .scan import FIRST_NAME, TITLE, Mention, Scanner
from .words import ADJECTIVE, NAME, Lexicon

_ADJECTIVE_ENDINGS = ("em", "en", "er", "es", "e")
COUNTRY_PREFIX = "country:"


@dataclass(slots=True)
class Entry:
    """Counts for one candidate name (one normalised key)."""

    key: str
    documents: int = 0
    mentions: int = 0
    name_mentions: int = 0          # mentions not inside a compound
    non_initial: int = 0            # mentions not opening a sentence
    institution: int = 0
    surfaces: Counter[str] = field(default_factory=Counter)
    cues: Counter[str] = field(default_factory=Counter)
    acronyms: Counter[str] = field(default_factory=Counter)
    compounds: Counter[str] = field(default_factory=Counter)   # "regierung" of "Trump-Regierung"
    modifiers: Counter[str] = field(default_factory=Counter)   # "EU" of "EU-Gipfel"
    example: str = ""
    example_initial: bool = True

    def copy(self) -> Entry:
        """An independent copy (ranking folds copies, so counting can go on)."""
        return Entry(self.key, self.documents, self.mentions, self.name_mentions,
                     self.non_initial, self.institution, Counter(self.surfaces),
                     Counter(self.cues), Counter(self.acronyms), Counter(self.compounds),
                     Counter(self.modifiers), self.example, self.example_initial)

    def absorb(self, other: Entry) -> None:
        """Add the counts of ``other`` (a variant of the same name) to this entry."""
        self.documents += other.documents
        self.mentions += other.mentions
        self.name_mentions += other.name_mentions
        self.non_initial += other.non_initial
        self.institution += other.institution
        self.surfaces.update(other.surfaces)
        self.cues.update(other.cues)
        self.acronyms.update(other.acronyms)
        self.compounds.update(other.compounds)
        self.modifiers.update(other.modifiers)
        if not self.example or (self.example_initial and not other.example_initial
                                and other.example):
            self.example, self.example_initial = other.example, other.example_initial


def _strip_adjective(word: str) -> str:
    for ending in _ADJECTIVE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


class Tally:
    """Counts of candidate names over the documents added so far."""

    def __init__(self, scanner: Scanner, lexicon: Lexicon) -> None:
        self.scanner = scanner
        self.lexicon = lexicon
        self.countries = scanner.cues.countries
        self._country_keys: dict[str, object] | None = None
        self.entries: dict[str, Entry] = {}
        self.pairs: Counter[tuple[str, str]] = Counter()   # (acronym key, expansion key)
        # documents naming both "quintex strafen" and "quintex": (two-word key, first word)
        self.shared: Counter[tuple[str, str]] = Counter()
        self.documents = 0

    def key(self, words: tuple[str, ...]) -> str:
        """The normalised key of a name: casefolded, adjectives without their ending."""
        parts = []
        for i, word in enumerate(words):
            if i < len(words) - 1 and self.lexicon.word_class(word) == ADJECTIVE:
                word = _strip_adjective(word.lower())
            parts.append(word)
        return " ".join(parts).casefold().replace("’", "'")

    def add(self, text: str) -> None:
        """Scan one document and add its counts."""
        sentences, mentions = self.scanner.scan(text)
        self.documents += 1
        if not mentions:
            return
        keys = [self.key(m.words) for m in mentions]
        for mention, key in zip(mentions, keys, strict=True):
            if mention.acronym and acronym_fits(mention, key):
                self.pairs[(mention.acronym.casefold(), key)] += 1
        mapping = self._document_merges(mentions, keys)
        final = {mapping.get(key, key) for key in keys}
        for key in final:
            first, space, rest = key.partition(" ")
            if space and " " not in rest and first in final:
                self.shared[(key, first)] += 1
        seen: set[str] = set()
        for mention, key in zip(mentions, keys, strict=True):
            key = mapping.get(key, key)
            entry = self.entries.get(key)
            if entry is None:
                entry = self.entries[key] = Entry(key)
            if key not in seen:
                seen.add(key)
                entry.documents += 1
            self._count(entry, mention, sentences)

    def _count(self, entry: Entry, mention: Mention, sentences: list[str]) -> None:
        entry.mentions += 1
        if mention.modifier:
            entry.cues.update(mention.cues)
            entry.modifiers[mention.words[0]] += 1
            return
        entry.name_mentions += 1
        entry.surfaces[" ".join(mention.words)] += 1
        entry.cues.update(mention.cues)
        if mention.institution:
            entry.institution += 1
            words = mention.words
            if len(words) == 1 and "-" in words[0]:
                entry.compounds[words[0].split("-", 1)[0].casefold()] += 1
        if not mention.initial:
            entry.non_initial += 1
        if mention.acronym and acronym_fits(mention, entry.key):
            entry.acronyms[mention.acronym] += 1
        if not entry.example or (entry.example_initial and not mention.initial):
            entry.example = Scanner.example(sentences[mention.sentence])
            entry.example_initial = mention.initial

    def _adjective_country(self, key: str) -> object:
        """A country whose name starts with an adjective, declined: "Vereinigten Staaten"."""
        if self._country_keys is None:
            self._country_keys = {self.key(tuple(name.split())): country
                                  for name, country in self.countries.items() if " " in name}
        return self._country_keys.get(key)

    def _mark_surnames(self, mentions: list[Mention], keys: list[str]) -> None:
        """ "Dominic Thiem ... Thiem": a name of two or three names whose last word the
        document then uses alone, and never its first, is a person's (a weak cue).

        People are shortened to their surname, most companies to their first word
        ("Activision Blizzard" ... "Activision"). Only a cue, not a fold: some
        companies go by their last word, too ("Kaiser's Tengelmann" ... "Tengelmann").
        """
        alone = {key for mention, key in zip(mentions, keys, strict=True)
                 if len(mention.words) == 1 and not mention.modifier}
        if not alone:
            return
        for mention in mentions:
            words = mention.words
            if (2 <= len(words) <= 3 and not mention.institution and not mention.modifier
                    and words[-1].casefold() in alone and words[0].casefold() not in alone
                    and all(self.lexicon.word_class(w) == NAME for w in words)):
                mention.cues.add(SURNAME)

    def _dative_country(self, key: str) -> object:
        """A plural country name in the dative: "in den Niederlanden" -> "Niederlande"."""
        if key.endswith("en"):
            return self.countries.get(key[:-1])
        return None

    def _document_merges(self, mentions: list[Mention], keys: list[str]) -> dict[str, str]:
        """Variants one document ties together: key -> the key it folds into."""
        present = Counter(keys)
        mapping: dict[str, str] = {}
        by_last: dict[str, list[str]] = {}
        self._mark_surnames(mentions, keys)
        for mention, key in zip(mentions, keys, strict=True):
            if len(mention.words) > 1 and not mention.institution and (
                    {FIRST_NAME, TITLE, PARTY} & mention.cues):
                by_last.setdefault(key.rsplit(" ", 1)[-1], []).append(key)
        for key in present:
            target = None
            country = self.countries.get(key) or self.countries.get(
                genitive_base(key, self.countries) or "") or self._adjective_country(key) \
                or self._dative_country(key)
            if country is not None:
                mapping[key] = COUNTRY_PREFIX + country.name.casefold()
                continue
            words = key.split(" ")
            if len(words) == 2 and words[1] in self.scanner.cues.organization_suffixes \
                    and words[0] in present:
                mapping[words[0]] = key         # "Activision Blizzard" ... "Activision"
            if " " not in key:
                base = genitive_base(key, present)
                if base:
                    target = base
                longer = by_last.get(target or key)
                if longer:
                    target = max(longer, key=lambda k: (present[k], k))
            elif key.endswith("s"):
                target = genitive_base(key, present)
            if target and target != key and key not in mapping:
                mapping[key] = target
        # acronyms the document pairs with their expansion: "(WHO)" ... "WHO"
        for mention, key in zip(mentions, keys, strict=True):
            if mention.acronym and acronym_fits(mention, key):
                acronym = mention.acronym.casefold()
                if acronym in present and acronym not in mapping:
                    mapping[acronym] = mapping.get(key, key)
        return {key: _final(mapping, key) for key in mapping}


def acronym_fits(mention: Mention, key: str) -> bool:
    """Whether "(ABC)" after a name is the name's acronym, not a party or a ticker.

    The name must not be a person's (a first name or title: "Olaf Scholz (SPD)") nor
    a country, and the acronym's first letter must open one of the name's words.
    """
    if {FIRST_NAME, TITLE, PARTY} & mention.cues or key.startswith(COUNTRY_PREFIX):
        return False
    first = (mention.acronym or "")[:1].casefold()
    return any(word[:1].casefold() == first for word in re.split(r"[\s-]+", key) if word)


def genitive_base(key: str, known: object) -> str | None:
    """The key without a genitive ending (-s, -es, -') when that form is in ``known``."""
    for ending in ("'s", "'", "es", "s"):
        if key.endswith(ending) and len(key) - len(ending) >= 2:
            base = key[: -len(ending)]
            if base in known:  # type: ignore[operator]
                return base
    return None


def _final(mapping: dict[str, str], key: str) -> str:
    seen = {key}
    while key in mapping and mapping[key] not in seen:
        key = mapping[key]
        seen.add(key)
    return key
