"""The relation lexicon: which German words express which relation, with which frame.

The lexicon is data (``banlens/data/relations.yml``); this module reads, checks and
indexes it so that the extractor can look triggers up by lemma in constant time.
Users extend the default with their own file (``load_lexicon("my.yml")``) or replace
it (``load_lexicon("my.yml", extends=False)``). A malformed file raises
:class:`banlens.LexiconError` naming the file, the entry and the field.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .dictionary import ACTOR_TYPES
from .errors import LexiconError
from .yamlfile import safe_load

PLOVER_QUADS = {
    "AGREE": "verbal_cooperation",
    "CONSULT": "verbal_cooperation",
    "SUPPORT": "verbal_cooperation",
    "CONCEDE": "verbal_cooperation",
    "COOPERATE": "material_cooperation",
    "AID": "material_cooperation",
    "RETREAT": "material_cooperation",
    "INVESTIGATE": "material_cooperation",
    "DEMAND": "verbal_conflict",
    "DISAPPROVE": "verbal_conflict",
    "REJECT": "verbal_conflict",
    "THREATEN": "verbal_conflict",
    "SANCTION": "verbal_conflict",
    "PROTEST": "material_conflict",
    "CRIME": "material_conflict",
    "MOBILIZE": "material_conflict",
    "COERCE": "material_conflict",
    "ASSAULT": "material_conflict",
    "FIGHT": "material_conflict",
}
QUADS = frozenset(PLOVER_QUADS.values())
CASE_ROLES = frozenset({"nom", "acc", "dat", "gen"})
NOUN_ROLES = frozenset({"modifier", "apposition", "possessor", "clause"})
PREPOSITIONS = frozenset({
    "an", "auf", "aus", "bei", "durch", "für", "gegen", "in", "mit", "nach", "seitens",
    "über", "um", "unter", "von", "vor", "zu", "zwischen",
})
ROLES = CASE_ROLES | NOUN_ROLES | PREPOSITIONS
TRIGGER_KINDS = ("verb", "phrase", "noun")
_TRIGGER_FIELDS = frozenset({
    *TRIGGER_KINDS, "subject", "object", "reciprocal", "requires", "requires_any",
    "hypothetical",
    "strict_subject", "plover", "confidence", "compound", "clause_any", "forms",
    "not_part_of", "direct", "object_types",
})
_LABEL_FIELDS = frozenset({
    "description", "plover", "quad", "symmetric", "through_deal", "through_attribute",
    "triggers",
})
_TOP_FIELDS = frozenset({"version", "labels", "support_verbs", "deals", "cues"})
_CUE_FIELDS = frozenset({
    "negation", "negation_phrases", "not_negation", "hypothetical", "hypothetical_phrases",
})
DEFAULT_PATH = "data/relations.yml"


@dataclass(frozen=True, slots=True)
class Trigger:
    """One way of expressing a label: a verb, a multiword phrase or a noun.

    ``lemma`` is the verb lemma (joined form for particle verbs, "ablehnen"), the
    noun, or the verb of a phrase; ``particle``/``base`` split a separable verb;
    ``words`` are the other lemmas of a phrase.
    """

    label: str
    kind: str
    text: str
    lemma: str
    base: str = ""
    particle: str = ""
    words: tuple[str, ...] = ()
    subject: tuple[str, ...] = ("nom",)
    object: tuple[str, ...] = ("acc",)
    reciprocal: bool = False
    requires: tuple[str, ...] = ()
    requires_any: tuple[str, ...] = ()
    hypothetical: bool = False
    strict_subject: bool = False
    plover: str = ""
    confidence: float = 0.0
    compound: bool = True
    clause_any: bool = False
    forms: tuple[str, ...] = ()
    not_part_of: tuple[str, ...] = ()
    direct: bool = False
    object_types: tuple[str, ...] = ()


@dataclass(slots=True)
class LabelSpec:
    """A relation label with its PLOVER type, quad class and triggers."""

    name: str
    plover: str
    quad: str
    symmetric: bool = False
    through_deal: bool = False
    through_attribute: bool = False
    description: str = ""
    triggers: list[Trigger] = field(default_factory=list)


def _split_verb(text: str) -> tuple[str, str, str]:
    """'ab|lehnen' -> ('ablehnen', 'lehnen', 'ab'); 'lehnen' -> ('lehnen', 'lehnen', '')."""
    if "|" in text:
        particle, base = text.split("|", 1)
        return particle + base, base, particle
    return text, text, ""


class RelationLexicon:
    """The checked and indexed relation lexicon.

    Look-ups used by the extractor: :meth:`verb_triggers`, :meth:`separable_triggers`,
    :meth:`noun_triggers`, :attr:`phrases`; the graph code uses :meth:`info`.
    """

    def __init__(self, data: dict[str, Any], source: str = "<dict>") -> None:
        self.source = source
        self.data = data
        self.labels: dict[str, LabelSpec] = {}
        self._verbs: dict[str, list[Trigger]] = {}
        self._separable: dict[str, list[Trigger]] = {}
        self._nouns: dict[str, list[Trigger]] = {}
        self.phrases: dict[str, list[Trigger]] = {}
        self._noun_cache: dict[str, list[Trigger]] = {}
        self._compound_index: dict[str, str] | None = None
        self._longest_form = 0
        self._parse(data)

    # -- reading -------------------------------------------------------------------
    def _fail(self, where: str, message: str) -> LexiconError:
        return LexiconError(f"{self.source}: {where}: {message}")

    def _parse(self, data: Any) -> None:
        if not isinstance(data, dict):
            raise self._fail("top level", "expected a mapping with a 'labels' key")
        unknown = set(data) - _TOP_FIELDS
        if unknown:
            raise self._fail("top level", f"unknown field(s) {sorted(unknown)}")
        labels = data.get("labels")
        if not isinstance(labels, dict) or not labels:
            raise self._fail("field 'labels'", "expected a non-empty mapping of labels")
        for name, spec in labels.items():
            self._parse_label(str(name), spec)
        self.support_verbs, self.support_particles = self._word_set(
            data.get("support_verbs", []), "field 'support_verbs'"
        )
        self.deals = self._parse_deals(data.get("deals", {}))
        self._parse_cues(data.get("cues", {}))

    def _parse_label(self, name: str, spec: Any) -> None:
        where = f"label {name!r}"
        if not isinstance(spec, dict):
            raise self._fail(where, "expected a mapping")
        unknown = set(spec) - _LABEL_FIELDS
        if unknown:
            raise self._fail(where, f"unknown field(s) {sorted(unknown)}")
        plover = spec.get("plover")
        if plover not in PLOVER_QUADS:
            raise self._fail(
                f"{where}, field 'plover'",
                f"{plover!r} is not a PLOVER event type ({', '.join(PLOVER_QUADS)})",
            )
        quad = spec.get("quad", PLOVER_QUADS[plover])
        if quad not in QUADS:
            raise self._fail(f"{where}, field 'quad'", f"{quad!r} is not one of {sorted(QUADS)}")
        for flag in ("symmetric", "through_deal", "through_attribute"):
            if not isinstance(spec.get(flag, False), bool):
                raise self._fail(f"{where}, field {flag!r}", "expected true or false")
        triggers = spec.get("triggers")
        if not isinstance(triggers, list) or not triggers:
            raise self._fail(f"{where}, field 'triggers'", "expected a non-empty list")
        label = LabelSpec(
            name=name,
            plover=plover,
            quad=quad,
            symmetric=spec.get("symmetric", False),
            through_deal=spec.get("through_deal", False),
            through_attribute=spec.get("through_attribute", False),
            description=str(spec.get("description", "")),
        )
        for i, entry in enumerate(triggers, start=1):
            trigger = self._parse_trigger(name, i, entry)
            label.triggers.append(trigger)
            self._index(trigger)
        self.labels[name] = label

    def _roles(self, where: str, value: Any, default: tuple[str, ...]) -> tuple[str, ...]:
        if value is None:
            return default
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not value:
            raise self._fail(where, "expected a role or a non-empty list of roles")
        for role in value:
            if role not in ROLES:
                raise self._fail(
                    where,
                    f"unknown role {role!r} (use nom/acc/dat/gen, a preposition such as "
                    f"mit/gegen/an/von/durch, or modifier/apposition/possessor/clause)",
                )
        return tuple(value)

    def _parse_trigger(self, label: str, i: int, entry: Any) -> Trigger:
        where = f"label {label!r}, trigger {i}"
        if not isinstance(entry, dict):
            raise self._fail(where, "expected a mapping such as {verb: verhandeln, object: [mit]}")
        kinds = [k for k in TRIGGER_KINDS if k in entry]
        if len(kinds) != 1:
            raise self._fail(where, "needs exactly one of the fields 'verb', 'phrase', 'noun'")
        kind = kinds[0]
        text = entry[kind]
        if not isinstance(text, str) or not text.strip():
            raise self._fail(f"{where}, field {kind!r}", "expected a non-empty string")
        text = text.strip()
        where = f"label {label!r}, trigger {i} ({text})"
        unknown = set(entry) - _TRIGGER_FIELDS
        if unknown:
            raise self._fail(where, f"unknown field(s) {sorted(unknown)}")
        is_noun = kind == "noun"
        subject = self._roles(f"{where}, field 'subject'", entry.get("subject"),
                              ("clause",) if is_noun else ("nom",))
        obj = self._roles(f"{where}, field 'object'", entry.get("object"),
                          ("gen",) if is_noun else ("acc",))
        if not is_noun:
            bad = [r for r in (*subject, *obj) if r in NOUN_ROLES]
            if bad:
                raise self._fail(where, f"role(s) {bad} only apply to noun triggers")
        for flag in ("reciprocal", "hypothetical", "strict_subject", "compound", "clause_any",
                     "direct"):
            if not isinstance(entry.get(flag, False), bool):
                raise self._fail(f"{where}, field {flag!r}", "expected true or false")
        plover = entry.get("plover", "")
        if plover and plover not in PLOVER_QUADS:
            raise self._fail(f"{where}, field 'plover'", f"{plover!r} is not a PLOVER event type")
        confidence = entry.get("confidence", 0.0)
        if not isinstance(confidence, int | float) or not 0.0 <= confidence <= 1.0:
            raise self._fail(f"{where}, field 'confidence'", "expected a number from 0 to 1")
        requires = entry.get("requires", [])
        if not isinstance(requires, list) or not all(isinstance(w, str) for w in requires):
            raise self._fail(f"{where}, field 'requires'", "expected a list of words")
        requires_any = entry.get("requires_any", [])
        if not isinstance(requires_any, list) or not all(
                isinstance(w, str) for w in requires_any):
            raise self._fail(f"{where}, field 'requires_any'", "expected a list of words")
        forms = entry.get("forms", [])
        if not isinstance(forms, list) or not all(isinstance(w, str) for w in forms):
            raise self._fail(f"{where}, field 'forms'", "expected a list of word forms")
        not_part_of = entry.get("not_part_of", [])
        if not is_noun and not_part_of:
            raise self._fail(f"{where}, field 'not_part_of'", "only applies to noun triggers")
        if not isinstance(not_part_of, list) or not all(
                isinstance(w, str) and w.strip() for w in not_part_of):
            raise self._fail(f"{where}, field 'not_part_of'", "expected a list of compounds")
        object_types = entry.get("object_types", [])
        if not isinstance(object_types, list) or not all(
                t in ACTOR_TYPES for t in object_types):
            raise self._fail(f"{where}, field 'object_types'",
                             f"expected a list of actor types ({', '.join(ACTOR_TYPES)})")
        common = dict(
            label=label, kind=kind, text=text, subject=subject, object=obj,
            reciprocal=entry.get("reciprocal", False),
            requires=tuple(w.lower() for w in requires),
            requires_any=tuple(w.lower() for w in requires_any),
            hypothetical=entry.get("hypothetical", False),
            strict_subject=entry.get("strict_subject", False),
            plover=plover, confidence=float(confidence),
            compound=entry.get("compound", True), clause_any=entry.get("clause_any", False),
            forms=tuple(w.lower() for w in forms),
            not_part_of=tuple(w.strip().lower() for w in not_part_of),
            direct=entry.get("direct", False),
            object_types=tuple(object_types),
        )
        if kind == "noun":
            if " " in text or "|" in text:
                raise self._fail(f"{where}, field 'noun'", "a noun trigger is one word")
            return Trigger(lemma=text.lower(), **common)
        if kind == "verb":
            if " " in text:
                raise self._fail(f"{where}, field 'verb'", "use 'phrase' for several words")
            lemma, base, particle = _split_verb(text.lower())
            return Trigger(lemma=lemma, base=base, particle=particle, **common)
        words = text.split()
        if len(words) < 2:
            raise self._fail(f"{where}, field 'phrase'", "a phrase needs at least two words")
        lemma, base, particle = _split_verb(words[-1].lower())
        return Trigger(lemma=lemma, base=base, particle=particle,
                       words=tuple(w.lower() for w in words[:-1]), **common)

    def _index(self, trigger: Trigger) -> None:
        if trigger.kind == "noun":
            self._nouns.setdefault(trigger.lemma, []).append(trigger)
        elif trigger.kind == "phrase":
            self.phrases.setdefault(trigger.lemma, []).append(trigger)
            if trigger.particle:
                self.phrases.setdefault(trigger.base, []).append(trigger)
        else:
            self._verbs.setdefault(trigger.lemma, []).append(trigger)
            if trigger.particle:
                self._separable.setdefault(trigger.base, []).append(trigger)
        for form in trigger.forms:
            # forms the lemmatizer misses ("getroffen"); a form of the base verb of a
            # particle verb ("traf ... ab") is indexed as a separable form
            index = self._separable if trigger.particle and not form.startswith(
                trigger.particle) else self._verbs
            if trigger.kind == "noun":
                index = self._nouns
            elif trigger.kind == "phrase":
                index = self.phrases
            index.setdefault(form, []).append(trigger)

    def _word_set(
        self, value: Any, where: str
    ) -> tuple[frozenset[str], dict[str, frozenset[str]]]:
        """Verb lemmas (joined form) and, for particle verbs, base -> particles."""
        if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
            raise self._fail(where, "expected a list of words")
        words: set[str] = set()
        particles: dict[str, set[str]] = {}
        for word in value:
            lemma, base, particle = _split_verb(word.lower())
            words.add(lemma)
            if particle:
                particles.setdefault(base, set()).add(particle)
        return frozenset(words), {b: frozenset(p) for b, p in particles.items()}

    def _parse_deals(self, value: Any) -> dict[str, tuple[str, ...]]:
        if not isinstance(value, dict):
            raise self._fail("field 'deals'", "expected a mapping noun -> roles")
        return {
            str(noun).lower(): self._roles(f"deal {noun!r}", roles, ())
            for noun, roles in value.items()
        }

    def _parse_cues(self, value: Any) -> None:
        if not isinstance(value, dict):
            raise self._fail("field 'cues'", "expected a mapping")
        unknown = set(value) - _CUE_FIELDS
        if unknown:
            raise self._fail("field 'cues'", f"unknown field(s) {sorted(unknown)}")
        lists = {}
        for key in _CUE_FIELDS:
            words = value.get(key, [])
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                raise self._fail(f"cues, field {key!r}", "expected a list of words")
            lists[key] = [w.lower() for w in words]
        self.negation_words = frozenset(lists["negation"])
        self.not_negation = frozenset(lists["not_negation"])
        self.hypothetical_words = frozenset(lists["hypothetical"])
        self.negation_phrases = tuple(tuple(p.split()) for p in lists["negation_phrases"])
        self.hypothetical_phrases = tuple(
            tuple(p.split()) for p in lists["hypothetical_phrases"]
        )

    # -- look-ups ------------------------------------------------------------------
    def info(self, label: str) -> tuple[str, str, bool]:
        """Return ``(plover_type, quad_class, symmetric)`` of a label."""
        spec = self.labels.get(label)
        if spec is None:
            raise KeyError(f"unknown relation label {label!r}")
        return spec.plover, spec.quad, spec.symmetric

    def label_info(self) -> dict[str, tuple[str, str, bool]]:
        """All labels as ``{label: (plover_type, quad_class, symmetric)}``."""
        return {name: self.info(name) for name in self.labels}

    def is_symmetric(self, label: str) -> bool:
        spec = self.labels.get(label)
        return bool(spec and spec.symmetric)

    def verb_triggers(self, lemma: str) -> list[Trigger]:
        """Triggers of a verb lemma as written in one word ("ablehnen", "verhandeln")."""
        return self._verbs.get(lemma, [])

    def separable_triggers(self, base: str) -> list[Trigger]:
        """Particle-verb triggers whose base verb is ``base`` ("lehnen" -> ablehnen)."""
        return self._separable.get(base, [])

    def noun_triggers(self, word: str) -> list[Trigger]:
        """Noun triggers for a lower-cased noun lemma or form.

        Tries the word itself, the word without a plural/genitive ending, and its
        head in a compound ("tiktok-verbot", "verkaufsverbot" -> "verbot"). A
        compound a trigger lists as ``not_part_of`` ("Verhandlungspartner" for
        "Partner") is not that trigger, in any of its forms.
        """
        found = self._noun_triggers(word)
        if found and any(t.not_part_of for t in found):
            found = [t for t in found if not word.startswith(t.not_part_of)]
        return found

    def _noun_triggers(self, word: str) -> list[Trigger]:
        found = self._nouns.get(word)
        if found:
            return found
        for stem in _stems(word):
            found = self._nouns.get(stem)
            if found:
                return found
        head = word.rsplit("-", 1)[-1]
        if head != word:
            for stem in (head, *_stems(head)):
                found = self._nouns.get(stem, [])
                if found:
                    return found
        # closed compounds: "verkaufsverbot", "anteilseigner" (longest head first; no
        # head is longer than the longest form, so a very long word costs no more)
        forms = self._compound_forms()
        for k in range(max(4, len(word) - self._longest_form), len(word) - 2):
            noun = forms.get(word[k:])
            if noun is not None:
                return [t for t in self._nouns[noun] if t.compound]
        return []

    def _compound_forms(self) -> dict[str, str]:
        """Inflected forms of the compound-forming noun triggers -> noun."""
        if self._compound_index is None:
            self._compound_index = {
                noun + ending: noun
                for noun, triggers in self._nouns.items() if any(t.compound for t in triggers)
                for ending in _ENDINGS
            }
            self._longest_form = max(map(len, self._compound_index), default=0)
        return self._compound_index

    def is_deal(self, word: str) -> tuple[str, ...] | None:
        """Roles holding the acting party if ``word`` names a deal, else None."""
        for stem in (word, *_stems(word), word.rsplit("-", 1)[-1]):
            if stem in self.deals:
                return self.deals[stem]
        for noun, roles in self.deals.items():
            if word.endswith(noun) and len(word) - len(noun) >= 3:
                return roles
        return None

    def to_dict(self) -> dict[str, Any]:
        """The lexicon data as loaded (used to store it with a pipeline)."""
        return copy.deepcopy(self.data)

    def __repr__(self) -> str:
        return f"RelationLexicon({self.source!r}, labels={list(self.labels)})"


_ENDINGS = ("", "e", "en", "er", "ern", "es", "n", "s")


def _stems(word: str) -> tuple[str, ...]:
    """Candidate lemmas of an inflected German noun form (plural, genitive)."""
    out = []
    for ending in ("ern", "en", "er", "es", "e", "n", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            out.append(word[: -len(ending)])
    return tuple(out)


def _read_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LexiconError(f"{path}: relation lexicon file not found") from None
    except OSError as err:
        raise LexiconError(f"{path}: cannot read relation lexicon: {err}") from None
    try:
        return safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark is not None else ""
        raise LexiconError(f"{path}:{line} not valid YAML: {err}") from None


def _default_data() -> dict[str, Any]:
    text = resources.files("banlens").joinpath(DEFAULT_PATH).read_text(encoding="utf-8")
    return yaml.safe_load(text)


def merge_lexicon_data(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """Add ``extra`` to ``base``: new labels are added; for a known label, given
    fields replace the default's and triggers are appended; word lists are united."""
    merged = copy.deepcopy(base)
    for name, spec in (extra.get("labels") or {}).items():
        if name in merged["labels"] and isinstance(spec, dict):
            target = merged["labels"][name]
            for key, value in spec.items():
                if key == "triggers" and isinstance(value, list):
                    target["triggers"] = list(target.get("triggers", [])) + value
                else:
                    target[key] = value
        else:
            merged["labels"][name] = spec
    for key in ("support_verbs",):
        if key in extra:
            merged[key] = list(merged.get(key, [])) + list(extra[key] or [])
    if "deals" in extra:
        merged.setdefault("deals", {}).update(extra["deals"] or {})
    if "cues" in extra:
        cues = merged.setdefault("cues", {})
        for key, words in (extra["cues"] or {}).items():
            cues[key] = list(cues.get(key, [])) + list(words or [])
    return merged


def load_lexicon(
    path: str | Path | dict[str, Any] | None = None, extends: bool = True
) -> RelationLexicon:
    """Load a relation lexicon.

    ``path=None`` gives the default lexicon. Otherwise ``path`` is a YAML file (or
    an already-parsed mapping) in the format of ``banlens/data/relations.yml``;
    with ``extends=True`` (default) it is added to the default lexicon, with
    ``extends=False`` it replaces it. Raises :class:`banlens.LexiconError` for a
    missing or malformed file.
    """
    if path is None:
        return RelationLexicon(_default_data(), source=f"banlens/{DEFAULT_PATH}")
    if isinstance(path, dict):
        data, source = path, "<dict>"
    else:
        source = str(path)
        data = _read_yaml(Path(path))
    if not isinstance(data, dict):
        raise LexiconError(f"{source}: top level: expected a mapping with a 'labels' key")
    if not isinstance(data.get("labels"), dict) or not data["labels"]:
        raise LexiconError(f"{source}: field 'labels': expected a non-empty mapping of labels")
    if extends:
        data = merge_lexicon_data(_default_data(), data)
    return RelationLexicon(data, source=source)
