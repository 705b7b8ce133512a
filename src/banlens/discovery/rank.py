"""From counts to candidates: fold variants over the corpus, give types, rank.

After the corpus is counted (:mod:`.tally`), the variants that no single document
tied together are folded here:

* genitive forms into their base ("Trumps" → "Trump") when the base was seen;
* a surname alone into the one full name that ends with it ("Scholz" → "Olaf
  Scholz");
* an acronym into the expansion the corpus pairs it with ("WHO" →
  "Weltgesundheitsorganisation");
* a company's short name into its long one when the long one only adds a company
  word ("Activision" → "Activision Blizzard");
* every name of a country into the country ("USA", "US", "Vereinigte Staaten");
* a compound institution of a person into the person ("Trump-Regierung" counts
  for Trump), while one of a country or acronym stays an institution
  ("US-Regierung", "EU-Kommission");
* a name and a noun a clause put after it, seen once ("Quintex Strafen"), into
  the name.

The type comes from the cues that fired (titles, first names, legal forms,
institution heads, media and platform words, the country list, the sentence cues
of :mod:`.context`); weak cues decide only when none of these does, and with no
cue it is ``other``. Places ("in Graz") are left out unless cues of a type are
about as frequent as the place prepositions. Candidates are ranked by the number
of documents naming them, then by mentions.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from . import context, scan
from .tally import COUNTRY_PREFIX, Entry, Tally, genitive_base
from .words import ACRONYM, NAME, NOUN, Cues, Lexicon

# Weight of each cue as evidence for a type.
_TYPE_CUES: dict[str, tuple[str, float]] = {
    scan.TITLE: ("person", 2.0),
    scan.FIRST_NAME: ("person", 2.0),
    scan.SAY: ("person", 0.5),
    scan.ORG_HEAD: ("organization", 1.5),
    scan.LEGAL_FORM: ("organization", 2.0),
    scan.GOV_HEAD: ("government", 1.5),
    scan.COURT_HEAD: ("court", 2.0),
    scan.MEDIA_HEAD: ("media", 2.0),
    scan.MEDIA_VERB: ("media", 1.0),
    scan.PLATFORM_HEAD: ("platform", 1.5),
    scan.ORG_COMPOUND: ("organization", 1.0),
    scan.PLATFORM_COMPOUND: ("platform", 1.0),
    scan.GOV_COMPOUND: ("government", 1.0),
    scan.ORG_PREPOSITION: ("organization", 1.0),
    scan.ORG_NEARBY: ("organization", 0.5),
    context.PARTY: ("person", 2.0),
    context.ON_PLATFORM: ("platform", 1.0),
    context.INTERVIEW: ("media", 1.0),
    context.COURT_CONTEXT: ("court", 1.0),
    **{context.APPOSITION + kind: (kind, 1.0) for kind in set(scan.HEAD_TYPES.values())},
}
# Weak cues: they decide the type only when none of the cues above does.
_WEAK_CUES: dict[str, tuple[str, float]] = {
    context.BUSINESS: ("organization", 0.25),
    context.INNER_CAPITAL: ("organization", 0.5),
    context.SURNAME: ("person", 0.5),
    context.ARTICLE: ("organization", 0.25),
}
_MIN_SCORE = 0.5
_PRIORITY = ("court", "government", "person", "media", "platform", "organization")


@dataclass(slots=True)
class Candidate:
    """One discovered actor: what the draft dictionary and the table show."""

    id: str
    name: str
    type: str
    aliases: list[str]
    documents: int
    mentions: int
    cues: dict[str, int]
    example: str

    def to_record(self) -> dict[str, object]:
        return {"id": self.id, "name": self.name, "type": self.type,
                "aliases": list(self.aliases), "documents": self.documents,
                "mentions": self.mentions, "cues": dict(self.cues), "example": self.example}


class Ranker:
    """Folds the counted variants and turns them into ranked :class:`Candidate` objects."""

    def __init__(self, tally: Tally, lexicon: Lexicon, cues: Cues) -> None:
        self.tally = tally
        self.lexicon = lexicon
        self.cues = cues

    def candidates(self, min_docs: int = 2) -> list[Candidate]:
        entries = {key: entry.copy() for key, entry in self.tally.entries.items()}
        self.moved: dict[str, str] = {}
        countries = self._fold_countries(entries)
        self._fold_phrases(entries)
        self._fold(entries, self._genitive_targets(entries))
        self._fold(entries, self._acronym_targets(entries))
        self._fold(entries, self._surname_targets(entries))
        self._fold(entries, self._company_targets(entries))
        types = {key: self._type(entry, countries.get(key)) for key, entry in entries.items()}
        for key in self._person_compounds(entries, types):
            del entries[key]
        result: list[Candidate] = []
        ids: set[str] = set()
        ranked = sorted(entries.values(), key=lambda e: (-e.documents, -e.mentions, e.key))
        for entry in ranked:
            if entry.documents < min_docs or not self._is_name(entry, countries.get(entry.key)):
                continue
            result.append(self._candidate(entry, types[entry.key], countries.get(entry.key), ids))
        return result

    # --- folding ----------------------------------------------------------------------

    def _fold(self, entries: dict[str, Entry], targets: dict[str, str]) -> None:
        for key, target in targets.items():
            seen = {key}
            while target in targets and targets[target] not in seen:
                seen.add(target)
                target = targets[target]
            if key in entries and target in entries and key != target:
                entries[target].absorb(entries.pop(key))
                self.moved[key] = target

    def _resolve(self, key: str) -> str:
        seen = {key}
        while key in self.moved and self.moved[key] not in seen:
            key = self.moved[key]
            seen.add(key)
        return key

    def _fold_countries(self, entries: dict[str, Entry]) -> dict[str, object]:
        """Countries: the tally counted every name of a country under ``country:<name>``."""
        found: dict[str, object] = {}
        for key in entries:
            if key.startswith(COUNTRY_PREFIX):
                found[key] = self.cues.countries[key[len(COUNTRY_PREFIX):]]
        return found

    def _fold_phrases(self, entries: dict[str, Entry]) -> None:
        """A name and the noun after it, seen once: "verhängt gegen Quintex Strafen".

        In a German clause a name is often followed by the next phrase, so runs of
        capitalised words join them ("Quintex Strafen"). A two-word run that ends in a
        common noun (not a head such as "Verlag"), seen in one document only, while
        the first word stands alone (not only at sentence starts) in two or more, is
        that name: its counts go to it. Recurring pairs stay ("Washington Post").
        """
        alone = {key: entry.documents if entry.non_initial else 0
                 for key, entry in entries.items()}
        for key, entry in list(entries.items()):
            first, _, last = key.partition(" ")
            head = entries.get(first)
            if (head is None or alone[first] < 2 or entry.documents != 1 or " " in last
                    or not last or _personal(entry) or entry.institution):
                continue
            surface = entry.surfaces.most_common(1)[0][0] if entry.surfaces else key
            word = surface.rsplit(" ", 1)[-1]
            if (self.lexicon.word_class(word) != NOUN or self.lexicon.word_class(
                    surface.split(" ", 1)[0]) not in (NAME, ACRONYM)
                    or surface.split(" ", 1)[0] in self.cues.first_names
                    or self.tally.scanner.head_type(word)):
                continue
            entries.pop(key)
            words_only: Counter[str] = Counter()
            for text, count in entry.surfaces.items():
                words_only[text.split(" ", 1)[0]] += count
            entry.surfaces = words_only         # the name without the noun after it
            head.absorb(entry)
            head.documents -= self.tally.shared[(key, first)]
            self.moved[key] = first

    @staticmethod
    def _genitive_targets(entries: dict[str, Entry]) -> dict[str, str]:
        targets = {}
        for key in entries:
            base = genitive_base(key, entries)
            if base:
                targets[key] = base
        return targets

    def _acronym_targets(self, entries: dict[str, Entry]) -> dict[str, str]:
        best: dict[str, tuple[int, str]] = {}
        for (acronym, expansion), count in self.tally.pairs.items():
            if acronym not in entries or expansion not in entries or acronym == expansion:
                continue
            target = entries[expansion]
            if _personal(target):
                continue                        # "Olaf Scholz (SPD)": a party, not a name
            if not _initials_fit(acronym, target):
                continue
            if count > best.get(acronym, (0, ""))[0]:
                best[acronym] = (count, expansion)
        return {acronym: expansion for acronym, (_, expansion) in best.items()}

    def _surname_targets(self, entries: dict[str, Entry]) -> dict[str, str]:
        by_last: dict[str, list[Entry]] = {}
        for key, entry in entries.items():
            words = key.split(" ")
            if len(words) > 1 and not entry.institution and _personal(entry):
                by_last.setdefault(words[-1], []).append(entry)
        targets = {}
        for key in entries:
            if " " in key or key not in by_last:
                continue
            full = sorted(by_last[key], key=lambda e: (-e.documents, e.key))
            if len(full) == 1 or full[0].documents >= 2 * full[1].documents:
                targets[key] = full[0].key
        return targets

    def _company_targets(self, entries: dict[str, Entry]) -> dict[str, str]:
        targets = {}
        for key, entry in entries.items():
            words = key.split(" ")
            if (len(words) == 2 and words[1] in self.cues.organization_suffixes
                    and words[0] in entries and not _personal(entry)):
                targets[words[0]] = key
        return targets

    def _person_compounds(self, entries: dict[str, Entry], types: dict[str, str]) -> list[str]:
        """Institutions named after a person ("Trump-Regierung"): not actors of their own.

        Each such compound was already counted for the person as a modifier mention.
        """
        found = []
        for key, entry in entries.items():
            if not entry.compounds or "-" not in key:
                continue
            modifier = self._resolve(key.split("-", 1)[0])
            if modifier in entries and types.get(modifier) == "person":
                found.append(key)
        return found

    # --- judging ------------------------------------------------------------------------

    def _is_name(self, entry: Entry, country: object) -> bool:
        if country is not None:
            return True
        if entry.name_mentions == 0:
            # seen only as the first part of compounds ("Tiktok-Verbot")
            return entry.mentions >= 2 * max(entry.documents, 1) and \
                self.lexicon.word_class(entry.key) in (NAME, ACRONYM)
        if entry.non_initial == 0 and not (
                entry.mentions > entry.name_mentions
                and self.lexicon.word_class(entry.key) in (NAME, ACRONYM)):
            return False                        # capitalised only at sentence starts
        if entry.cues[scan.DETERMINER] >= max(1.0, 0.1 * entry.name_mentions):
            return False                        # "ein Smartphone": an ordinary noun
        # "in Graz", "aus Europa": a place, unless cues say otherwise about as often
        places = entry.cues[scan.PLACE]
        if entry.key in self.cues.capitals or places < 0.3 * entry.name_mentions:
            return True
        scores = _scores(entry, _TYPE_CUES, say_share=True)
        return self._typed(entry) is not None and max(scores.values()) >= 0.5 * places

    def _type(self, entry: Entry, country: object) -> str:
        if country is not None:
            return "country"
        if entry.key in self.cues.capitals:
            return "government"
        return self._typed(entry) or _vote(entry, _WEAK_CUES) or "other"

    @staticmethod
    def _typed(entry: Entry) -> str | None:
        """The type the (strong) cues vote for, or None when no cue is strong enough."""
        return _vote(entry, _TYPE_CUES, say_share=True)

    # --- output -------------------------------------------------------------------------

    def _candidate(self, entry: Entry, actor_type: str, country: object,
                   ids: set[str]) -> Candidate:
        if country is not None:
            name = country.name  # type: ignore[attr-defined]
            seen = {s.casefold() for s in entry.surfaces}
            aliases = [name] + [a for a in country.aliases  # type: ignore[attr-defined]
                                if a.casefold() in seen]
        else:
            aliases = self._aliases(entry)
            name = aliases[0]
        acronym = entry.acronyms.most_common(1)
        if acronym and acronym[0][0] not in aliases:
            aliases.append(acronym[0][0])
        return Candidate(_unique_id(name, ids), name, actor_type, aliases, entry.documents,
                         entry.mentions, dict(entry.cues.most_common()), entry.example)

    def _aliases(self, entry: Entry) -> list[str]:
        """Base forms among the surfaces, most frequent first; full names lead."""
        forms: Counter[str] = Counter()
        for surface, count in entry.surfaces.items():
            forms[self._base_form(surface, entry.surfaces)] += count
        ordered = sorted(forms, key=lambda s: (-(" " in s and _personal(entry)),
                                               -forms[s], s))
        if not ordered:                         # seen only in compounds: "EU-Gipfel"
            ordered = [s for s, _ in entry.modifiers.most_common(1)] or [entry.key]
        # one spelling per casefolded form
        result: list[str] = []
        seen: set[str] = set()
        for form in ordered:
            if form.casefold() not in seen:
                seen.add(form.casefold())
                result.append(form)
        return result[:8]

    def _base_form(self, surface: str, surfaces: Counter[str]) -> str:
        words = surface.split(" ")
        for ending in ("'s", "’s", "'", "’", "es", "s"):
            last = words[-1]
            if last.endswith(ending):
                base = " ".join([*words[:-1], last[: -len(ending)]])
                if base in surfaces:
                    return base
        if len(words) > 1:
            # an inflected adjective in front: prefer the form seen with -e/-er/-es
            stem = [_adjective_stem(w) for w in words[:-1]]
            for other in surfaces:
                other_words = other.split(" ")
                if (len(other_words) == len(words) and other != surface
                        and [_adjective_stem(w) for w in other_words[:-1]] == stem
                        and other_words[-1] == words[-1].removesuffix("s")
                        and not any(w.endswith(("en", "em")) for w in other_words[:-1])):
                    return other
        return surface


def _vote(entry: Entry, weights: dict[str, tuple[str, float]],
          say_share: bool = False) -> str | None:
    """The type with the highest weighted cue count, or None below ``_MIN_SCORE``.

    With ``say_share``, verbs of saying count only when they come with at least a
    fifth of the name's mentions (an organisation is quoted now and then, too).
    """
    scores = _scores(entry, weights, say_share)
    if not scores:
        return None
    best = max(scores.values())
    if best < _MIN_SCORE:
        return None
    return next(kind for kind in _PRIORITY if scores.get(kind) == best)


def _scores(entry: Entry, weights: dict[str, tuple[str, float]],
            say_share: bool = False) -> Counter[str]:
    """Weighted cue counts per type (see :func:`_vote`)."""
    scores: Counter[str] = Counter()
    for cue, count in entry.cues.items():
        kind = weights.get(cue)
        if kind:
            scores[kind[0]] += kind[1] * count
    if say_share and scan.SAY in entry.cues and \
            entry.cues[scan.SAY] < 0.2 * entry.name_mentions:
        scores["person"] -= weights[scan.SAY][1] * entry.cues[scan.SAY]
    return scores


def _personal(entry: Entry) -> bool:
    return bool(entry.cues[scan.FIRST_NAME] or entry.cues[scan.TITLE]
                or entry.cues[context.PARTY])


def _initials_fit(acronym: str, entry: Entry) -> bool:
    """The acronym's first letter opens the expansion or one of its words."""
    first = acronym[:1].casefold()
    return any(word[:1].casefold() == first for word in re.split(r"[\s-]+", entry.key))


def _adjective_stem(word: str) -> str:
    for ending in ("em", "en", "er", "es", "e"):
        if word.endswith(ending):
            return word[: -len(ending)]
    return word


def _unique_id(name: str, ids: set[str]) -> str:
    text = name.replace("ß", "ss").replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
    text = text.replace("Ä", "Ae").replace("Ö", "Oe").replace("Ü", "Ue")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    base = re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "actor"
    if not base[0].isalpha():
        base = "actor_" + base
    candidate, number = base, 2
    while candidate in ids:
        candidate = f"{base}_{number}"
        number += 1
    ids.add(candidate)
    return candidate
