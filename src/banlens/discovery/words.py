"""Word knowledge for discovery: which capitalised words are ordinary German nouns.

German capitalises every noun, so "Regierung", "Montag" and "Prozent" look like
names. This module tells them apart with the lexicon inside the HanTa tagger's
German model (the package ``HanTa``; its model ships in the wheel): the stems it
knows as common nouns (NN), as names (NE), as adjectives, and the tags it observed
for frequent words ("die" is an article, "Zudem" an adverb). A capitalised word is

* a *function word* when its lowercase form is a known word that is neither noun
  nor name ("Die", "Zudem", "Laut" at a sentence start);
* a *common noun* when HanTa knows it (or its stem without an inflection ending)
  as a noun, or when it is a compound whose last part is a known noun of four or
  more letters ("Klimaschutz", "Gesundheitsminister", "Datenschutzbehörde");
* a *name* otherwise: known as a name ("Merkel", "Siemens") or unknown to the
  lexicon ("Habeck", "Bytedance").

The cue lists (titles, heads of institutions, companies, media, platforms, first
names, countries) are data files under ``banlens/data``. Everything is looked up
per word form and cached, so a corpus costs one lookup per distinct word.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from ..errors import BanlensError

# Word classes of a capitalised token.
FUNCTION = "function"
NOUN = "noun"
NAME = "name"
ADJECTIVE = "adjective"
ACRONYM = "acronym"

_NOUN_ENDINGS = ("innen", "in", "ern", "en", "er", "es", "n", "s", "e")
_ADJECTIVE_ENDINGS = ("em", "en", "er", "es", "e")
_MIN_COMPOUND_HEAD = 4
_MIN_COMPOUND_MODIFIER = 3


class DiscoveryUnavailable(BanlensError):
    """Discovery cannot run here (the German lexicon it needs is not installed)."""


def _data_text(name: str) -> str:
    return (resources.files("banlens") / "data" / name).read_text(encoding="utf-8")


def _lines(name: str) -> list[str]:
    lines = (line.strip() for line in _data_text(name).splitlines())
    return [line for line in lines if line and not line.startswith("#")]


@dataclass(frozen=True, slots=True)
class Country:
    """A country: its German name, other names, and its capital (may be empty)."""

    name: str
    aliases: tuple[str, ...]
    capital: str


@dataclass(frozen=True)
class Cues:
    """The cue word lists of ``data/discover.yml`` and the other data files."""

    organization_heads: frozenset[str]
    legal_forms: frozenset[str]
    government_heads: frozenset[str]
    court_heads: frozenset[str]
    media_heads: frozenset[str]
    media_verbs: frozenset[str]
    platform_heads: frozenset[str]
    say_verbs: frozenset[str]
    place_prepositions: frozenset[str]
    name_particles: frozenset[str]
    organization_suffixes: frozenset[str]
    common_acronyms: frozenset[str]
    agencies: frozenset[str]
    common_words: frozenset[str]
    noun_determiners: frozenset[str]
    organization_compounds: frozenset[str]
    platform_compounds: frozenset[str]
    government_compounds: frozenset[str]
    organization_prepositions: frozenset[str]
    business_words: frozenset[str]
    business_heads: frozenset[str]
    platform_context: frozenset[str]
    court_context: frozenset[str]
    court_trial: frozenset[str]
    parties: frozenset[str]
    speaker_pronouns: frozenset[str]
    coordinators: frozenset[str]
    titles: frozenset[str]
    first_names: frozenset[str]
    countries: dict[str, Country]   # casefolded name/alias -> country
    capitals: dict[str, Country]    # casefolded capital -> country


@functools.cache
def cues() -> Cues:
    """The cue lists, read once from the package data."""
    data: dict[str, Any] = yaml.safe_load(_data_text("discover.yml"))
    sets = {key: frozenset(str(word).lower() for word in value) for key, value in data.items()}
    countries: dict[str, Country] = {}
    capitals: dict[str, Country] = {}
    for line in _lines("countries.txt"):
        name, aliases, capital = ([*line.split("|"), "", ""])[:3]
        country = Country(name.strip(), tuple(a.strip() for a in aliases.split(",") if a.strip()),
                          capital.strip())
        for alias in (country.name, *country.aliases):
            countries[alias.casefold()] = country
        if country.capital:
            capitals[country.capital.casefold()] = country
    return Cues(titles=frozenset(line.lower() for line in _lines("titles.txt")),
                first_names=frozenset(
                    name for names in yaml.safe_load(_data_text("genders.yml"))[
                        "first_names"].values() for name in names),
                countries=countries, capitals=capitals, **sets)


def compound_head(word: str, heads: frozenset[str]) -> str | None:
    """The head of ``heads`` that ``word`` is or ends with ("Chiphersteller" → "hersteller").

    Hyphen compounds are matched by their last part; feminine (-in, -innen) and
    plural/genitive endings are allowed after the head.
    """
    lower = word.lower().rsplit("-", 1)[-1]
    lengths = _head_lengths(heads)
    for candidate in _endings_stripped(lower):
        if candidate in heads:
            return candidate
        size = len(candidate)
        for length in lengths:              # longest first, at least 3 letters
            if length < size and candidate[size - length:] in heads:
                return candidate[size - length:]
    return None


@functools.lru_cache(maxsize=64)
def _head_lengths(heads: frozenset[str]) -> tuple[int, ...]:
    return tuple(sorted({len(h) for h in heads if len(h) >= 3}, reverse=True))


@functools.lru_cache(maxsize=1 << 16)
def _endings_stripped(lower: str) -> tuple[str, ...]:
    """The word and its stems without a noun ending (cached: heads are tried per list)."""
    forms = [lower]
    for ending in _NOUN_ENDINGS:
        if lower.endswith(ending) and len(lower) - len(ending) >= 2:
            forms.append(lower[: -len(ending)])
    return tuple(forms)


_UMLAUTS = {"ä": "a", "ö": "o", "ü": "u"}


def _without_umlaut(form: str) -> str | None:
    """The stem with its last umlaut undone ("zöll" -> "zoll"), or None without one."""
    for i in range(len(form) - 1, max(len(form) - 5, -1), -1):
        if form[i] in _UMLAUTS:
            return form[:i] + _UMLAUTS[form[i]] + form[i + 1:]
    return None


def inner_capital(word: str) -> bool:
    """A capital letter after a small one inside the word ("PayPal", "OpenAI").

    German common nouns never have one; company and product names often do. Surname
    prefixes ("McDonald", "DeSantis", "LeBron") are the exception and are not counted.
    """
    for ending in ("Innen", "In"):       # "MitarbeiterInnen": a gender form, not a name
        if word.endswith(ending) and len(word) > len(ending) + 1 and \
                word[-len(ending) - 1].islower():
            word = word[: -len(ending)]
            break
    for i in range(1, len(word) - 1):
        if word[i].islower() and word[i + 1].isupper():
            return not (i + 1 <= 3 and word[: i + 1] in _NAME_PREFIXES)
    return False


def camel_case(word: str) -> bool:
    """Two joined words, each capitalised ("PayPal", "YouTube", "OpenAI").

    Stricter than :func:`inner_capital`: two small letters before the inner capital,
    so mixed-case abbreviations ("EuGH", "GfK", "VfB") do not count.
    """
    if not inner_capital(word):
        return False
    return any(word[i - 1].islower() and word[i].islower() and word[i + 1].isupper()
               for i in range(1, len(word) - 1))


_NAME_PREFIXES = frozenset({"Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von"})


class Lexicon:
    """Word classes of capitalised words, from HanTa's German model (cached per form)."""

    def __init__(self) -> None:
        try:
            from HanTa import HanoverTagger
        except ImportError:
            raise DiscoveryUnavailable(
                "banlens discover needs the German lexicon of HanTa; install it with "
                "pip install 'banlens[discover]' (or pip install HanTa)") from None
        tagger = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
        tags = tagger.tag2int
        morphemes = tagger.LP_m_t
        self._nouns: dict[str, Any] = morphemes.get(tags.get("NN"), {})
        self._names: dict[str, Any] = morphemes.get(tags.get("NE"), {})
        self._adjectives: dict[str, Any] = morphemes.get(tags.get("ADJ"), {})
        self._common_acronyms: dict[str, Any] = morphemes.get(tags.get("ACR_NN"), {})
        names = {tag: name for name, tag in tags.items()}
        # Observed tags of frequent words (lowercase): the most likely tag first.
        self._observed = {word: names.get(options[0][0], "") for word, options
                          in tagger.cache.items() if options}
        self._cache: dict[str, str] = {}

    def word_class(self, word: str) -> str:
        """FUNCTION, NOUN, NAME, ADJECTIVE or ACRONYM for a capitalised word form."""
        known = self._cache.get(word)
        if known is None:
            known = self._cache[word] = self._classify(word)
        return known

    def is_function_word(self, word: str) -> bool:
        """A known word that is neither noun, name nor adjective ("Die", "Zudem")."""
        tag = self._observed.get(word.lower())
        return bool(tag) and not tag.startswith(("NN", "NE", "ADJ", "FM", "XY", "CARD"))

    def is_adjective(self, word: str) -> bool:
        """A (lowercase) adjective form: "größte", "kalifornische" (not "dessen")."""
        tag = self._observed.get(word)
        if tag:
            return tag.startswith("ADJ")
        return self._adjective_like(word)

    def is_common_noun(self, word: str) -> bool:
        """Known as a common noun, itself or as the last part of a compound."""
        return self.word_class(word) == NOUN

    def _classify(self, word: str) -> str:
        lower = word.lower()
        if lower in cues().common_words:
            return NOUN
        if "ss" in lower and not self._noun_like(lower) and self._noun_like(
                lower.replace("ss", "ß")):
            return NOUN                         # the lexicon spells "Prozeß", "Schluß"
        letters = [c for c in word if c.isalpha()]
        if len(letters) < 2:
            return FUNCTION
        if len(letters) >= 2 and all(c.isupper() for c in letters):
            return ACRONYM
        if "-" in word:
            head = word.rsplit("-", 1)[-1]
            return NOUN if head[:1].isupper() and self._noun_like(head.lower()) else NAME
        if inner_capital(word) and lower not in cues().legal_forms:
            return NAME                         # "PayPal", "OpenAI": never a German noun
        if lower in cues().countries:
            return NAME                         # "Russland", not "Russe" + "Land"
        tag = self._observed.get(lower)
        if tag:
            if tag.startswith("NE"):
                return NAME
            if tag.startswith("NN"):
                return NOUN
            if tag.startswith("ADJ"):
                return ADJECTIVE
            if not tag.startswith(("FM", "XY", "CARD")):
                return FUNCTION
        if self._adjective_like(lower):
            return ADJECTIVE
        if self._noun_like(lower) or self._cue_compound(lower):
            return NOUN
        return NAME

    @staticmethod
    def _cue_compound(lower: str) -> bool:
        """A compound ending in a cue noun: "Agrarchemiekonzern", "Chipdesigner"."""
        c = cues()
        for heads in (c.organization_heads, c.government_heads, c.court_heads, c.media_heads,
                      c.platform_heads, c.titles):
            head = compound_head(lower, heads)
            if head and len(head) >= _MIN_COMPOUND_HEAD and len(lower) > len(head) + 2:
                return True
        return False

    def _noun_like(self, lower: str) -> bool:
        forms = list(_endings_stripped(lower))
        if any(form in self._nouns and form not in self._names for form in forms):
            return True
        if any(form in self._names for form in forms):
            return False
        # plurals with umlaut: "Zölle" -> "Zoll", "Bäume" -> "Baum"
        plain = [form for form in map(_without_umlaut, forms[1:]) if form]
        if any(form in self._nouns and form not in self._names for form in plain):
            return True
        forms += plain
        # a compound: a known noun of 4+ letters at the end, a known word before it
        for form in forms:
            for i in range(_MIN_COMPOUND_MODIFIER, len(form) - _MIN_COMPOUND_HEAD + 1):
                if form[i:] in self._nouns and self._known_modifier(form[:i]):
                    return True
        return False

    def _known_modifier(self, part: str, depth: int = 0) -> bool:
        if depth == 0 and len(part) >= 2 * _MIN_COMPOUND_MODIFIER and any(
                part[i:] in self._nouns and self._known_modifier(part[:i], 1)
                for i in range(_MIN_COMPOUND_MODIFIER, len(part) - _MIN_COMPOUND_MODIFIER + 1)):
            return True                         # "Gemüse|saatgut|geschäft"
        candidates = [part]
        if part.endswith("s"):          # Fugen-s: "Regierung|s|sprecher"
            candidates.append(part[:-1])
        if part.endswith(("en", "er")):  # "Straße|n|", "Kinder"
            candidates.append(part[:-2])
        known = (self._nouns, self._adjectives, self._observed)
        return any(c in table for c in candidates for table in known if len(c) >= 3)

    def _adjective_like(self, lower: str) -> bool:
        for ending in _ADJECTIVE_ENDINGS:
            if lower.endswith(ending):
                stem = lower[: -len(ending)]
                if stem in self._adjectives and stem not in self._nouns:
                    return True
        return False


@functools.cache
def lexicon() -> Lexicon:
    """The shared :class:`Lexicon` (HanTa's model is loaded once per process)."""
    return Lexicon()
