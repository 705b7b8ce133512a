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
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)
from pydantic_core import ErrorDetails

from ..actors.dictionary import ACTOR_TYPES
from ..datafiles import entry_at, first_error, invalid, location, problem, read_bundled, read_data
from ..errors import LexiconError
from ..german.lemmas import forms_of
from ..german.words import CONTRACTIONS
from ..german.words import PREPOSITIONS as GERMAN_PREPOSITIONS

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
NOUN_ROLES = frozenset({"modifier", "apposition", "possessor", "clause", "genitive_of"})
# A trigger may name any preposition as a role, in its base form ("zu", not "zum").
PREPOSITIONS = GERMAN_PREPOSITIONS - frozenset(CONTRACTIONS)
ROLES = CASE_ROLES | NOUN_ROLES | PREPOSITIONS
TRIGGER_KINDS = ("verb", "phrase", "noun")
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
    excludes: tuple[str, ...] = ()
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
    through_flow: bool = False  # "blockiert Exporte nach X": the object is X
    through_attribute: bool = False
    through_part: str = ""  # label of "owner -> subject" when the object is a part
    through_clause: bool = False  # "fordert, dass X ...": the object is X
    # verbs whose subject a speaker relates to with this label: "Y sagte, X habe die
    # Regeln verletzt" (verb lemmas, particle verbs joined)
    through_speech: frozenset[str] = frozenset()
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
        self._build(check_lexicon_data(data, source))

    # -- building the indexes --------------------------------------------------------
    def _build(self, lexicon: LexiconFile) -> None:
        for name, spec in lexicon.labels.items():
            label = LabelSpec(
                name=name, plover=spec.plover, quad=spec.quad or PLOVER_QUADS[spec.plover],
                symmetric=spec.symmetric, through_deal=spec.through_deal,
                through_flow=spec.through_flow, through_attribute=spec.through_attribute,
                through_part=spec.through_part or "", through_clause=spec.through_clause,
                through_speech=frozenset(_split_verb(v)[0] for v in spec.through_speech),
                description=spec.description,
            )
            for entry in spec.triggers:
                trigger = entry.trigger(name)
                label.triggers.append(trigger)
                self._index(trigger)
            self.labels[name] = label
        self.support_verbs, self.support_particles = _verb_set(lexicon.support_verbs)
        # verbs that end what their noun names ("beendet die Kooperation mit X"): they
        # license the clause subject like support verbs and negate the relation
        self.ending_verbs, self.ending_particles = _verb_set(lexicon.ending_verbs)
        self.support_verbs |= self.ending_verbs
        for base, particles in self.ending_particles.items():
            self.support_particles[base] = self.support_particles.get(base, frozenset()) | (
                particles)
        self.deals = {noun.lower(): tuple(roles or ()) for noun, roles in lexicon.deals.items()}
        self.parts = {noun.lower(): tuple(roles or ()) for noun, roles in lexicon.parts.items()}
        self.flows = {noun.lower(): tuple(roles or ()) for noun, roles in lexicon.flows.items()}
        self._lookups: dict[tuple[str, str], tuple[str, ...] | None] = {}
        for name, label in self.labels.items():
            if label.through_part and label.through_part not in self.labels:
                raise LexiconError(f"{self.source}: label {name!r}, field 'through_part': "
                                   f"{label.through_part!r} is not a label of this lexicon")
        words = lexicon.word_classes
        self.object_control = frozenset(w.lower() for w in words.object_control)
        self.spokespersons = frozenset(w.lower() for w in words.spokespersons)
        self.advocacy = frozenset(w.lower() for w in words.advocacy)
        self.proposals = tuple(w.lower() for w in words.proposals)
        self.reported = frozenset(w.lower() for w in words.reported)
        self.confirming = frozenset(w.lower() for w in words.confirming)
        self.denying = frozenset(w.lower() for w in words.denying)
        self.flow_verbs = frozenset(w.lower() for w in words.flow_verbs)
        self.acts = tuple(w.lower() for w in words.acts)
        self.condemnations = frozenset(w.lower() for w in words.condemnations)
        # "stehen vor" -> {"stehen": {"vor"}}
        self.prospects: dict[str, frozenset[str]] = {}
        for phrase in words.prospects:
            word, _, prep = phrase.lower().partition(" ")
            if not prep or prep not in PREPOSITIONS:
                raise LexiconError(f"{self.source}: word_classes, field 'prospects': "
                                   f"{phrase!r} is no 'word preposition' pair")
            self.prospects[word] = self.prospects.get(word, frozenset()) | {prep}
        # "reagieren auf" -> {"reagieren": {"auf"}}, "erfüllen" -> {"erfüllen": {""}}
        self.responses: dict[str, frozenset[str]] = {}
        for phrase in words.responses:
            word, _, prep = phrase.lower().partition(" ")
            if prep and prep not in PREPOSITIONS:
                raise LexiconError(f"{self.source}: word_classes, field 'responses': "
                                   f"{phrase!r} is no verb or 'verb preposition' pair")
            self.responses[word] = self.responses.get(word, frozenset()) | {prep}
        cues = lexicon.cues
        self.negation_words = frozenset(w.lower() for w in cues.negation)
        self.not_negation = frozenset(w.lower() for w in cues.not_negation)
        self.hypothetical_words = frozenset(w.lower() for w in cues.hypothetical)
        self.negation_phrases = _phrases(cues.negation_phrases)
        self.hypothetical_phrases = _phrases(cues.hypothetical_phrases)

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
        forms = trigger.forms
        if trigger.kind != "noun":
            # forms the lookup lemmatizer gives to another word ("gehört": hören)
            forms = (*forms, *(f for f in forms_of(trigger.base or trigger.lemma)
                               if f not in (trigger.lemma, trigger.base)))
        for form in forms:
            # forms the lemmatizer misses ("getroffen"); a form of the base verb of a
            # particle verb ("traf ... ab") is indexed as a separable form
            index = self._separable if trigger.particle and not form.startswith(
                trigger.particle) else self._verbs
            if trigger.kind == "noun":
                index = self._nouns
            elif trigger.kind == "phrase":
                index = self.phrases
            index.setdefault(form, []).append(trigger)

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
        return self._cached_lookup("deals", self.deals, word)

    def is_flow(self, word: str) -> tuple[str, ...] | None:
        """Roles holding the other side if ``word`` names a flow of goods (exports,
        deliveries, imports), else None."""
        return self._cached_lookup("flows", self.flows, word)

    def is_part(self, word: str) -> tuple[str, ...] | None:
        """Roles holding the owner if ``word`` names a part of an actor (a division,
        shares, a stake), else None."""
        return self._cached_lookup("parts", self.parts, word)

    def _cached_lookup(self, table: str, nouns: dict[str, tuple[str, ...]],
                       word: str) -> tuple[str, ...] | None:
        """:func:`_lookup`, once per word and table (a compound is looked for among
        all nouns of the table)."""
        key = (table, word)
        if key not in self._lookups:
            self._lookups[key] = _lookup(nouns, word)
        return self._lookups[key]

    def to_dict(self) -> dict[str, Any]:
        """The lexicon data as loaded (used to store it with a pipeline)."""
        return copy.deepcopy(self.data)

    def __repr__(self) -> str:
        return f"RelationLexicon({self.source!r}, labels={list(self.labels)})"


def _lookup(nouns: dict[str, tuple[str, ...]], word: str) -> tuple[str, ...] | None:
    """Roles of ``word`` in ``nouns``: as itself, an inflected form or a compound head."""
    for stem in (word, *_stems(word), word.rsplit("-", 1)[-1]):
        if stem in nouns:
            return nouns[stem]
    for form in (word, *_stems(word)):  # a compound, maybe inflected ("Gaslieferungen")
        for noun, roles in nouns.items():
            if form.endswith(noun) and len(form) - len(noun) >= 3:
                return roles
    return None


_ENDINGS = ("", "e", "en", "er", "ern", "es", "n", "s")


def _stems(word: str) -> tuple[str, ...]:
    """Candidate lemmas of an inflected German noun form (plural, genitive)."""
    out = []
    for ending in ("ern", "en", "er", "es", "e", "n", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            out.append(word[: -len(ending)])
    return tuple(out)


def _verb_set(words: list[str]) -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """Verb lemmas (joined form) and, for particle verbs, base -> particles."""
    lemmas: set[str] = set()
    particles: dict[str, set[str]] = {}
    for word in words:
        lemma, base, particle = _split_verb(word.lower())
        lemmas.add(lemma)
        if particle:
            particles.setdefault(base, set()).add(particle)
    return frozenset(lemmas), {b: frozenset(p) for b, p in particles.items()}


def _phrases(texts: list[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(text.lower().split()) for text in texts)


# -- the file format ---------------------------------------------------------------------


def _role(role: str) -> str:
    if role not in ROLES:
        raise invalid(f"unknown role {role!r} (use nom/acc/dat/gen, a preposition such as "
                      "mit/gegen/an/von/durch, or modifier/apposition/possessor/clause)")
    return role


def _one_or_many(value: Any) -> Any:
    """A single role counts as a list of one."""
    return [value] if isinstance(value, str) else value


def _text(value: str) -> str:
    value = value.strip()
    if not value:
        raise invalid("expected a non-empty string")
    return value


Roles = Annotated[list[Annotated[str, AfterValidator(_role)]], BeforeValidator(_one_or_many),
                  Field(min_length=1)]
Text = Annotated[str, AfterValidator(_text)]
Words = list[str]
Plover = Literal[tuple(PLOVER_QUADS)]  # type: ignore[valid-type]


class TriggerEntry(BaseModel):
    """One trigger of a label: exactly one of ``verb``, ``phrase``, ``noun``, and how
    its arguments are found (``subject``/``object`` roles, requirements, flags)."""

    model_config = ConfigDict(extra="forbid", strict=True)

    verb: Text | None = None
    phrase: Text | None = None
    noun: Text | None = None
    subject: Roles | None = None
    object: Roles | None = None
    reciprocal: bool = False
    requires: Words = []
    requires_any: Words = []
    excludes: Words = []
    hypothetical: bool = False
    strict_subject: bool = False
    plover: Plover | Literal[""] = ""
    confidence: Annotated[float, Field(ge=0.0, le=1.0)] = 0.0
    compound: bool = True
    clause_any: bool = False
    forms: Words = []
    not_part_of: list[Text] = []
    direct: bool = False
    object_types: list[Literal[ACTOR_TYPES]] = []  # type: ignore[valid-type]

    @property
    def kind(self) -> str:
        return next(k for k in TRIGGER_KINDS if getattr(self, k) is not None)

    @model_validator(mode="after")
    def _one_kind(self) -> TriggerEntry:
        kinds = [k for k in TRIGGER_KINDS if getattr(self, k) is not None]
        if len(kinds) != 1:
            raise invalid("needs exactly one of the fields 'verb', 'phrase', 'noun'")
        kind, text = kinds[0], getattr(self, kinds[0])
        if kind != "noun":
            bad = [r for r in (*(self.subject or ()), *(self.object or ())) if r in NOUN_ROLES]
            if bad:
                raise invalid(f"role(s) {bad} only apply to noun triggers")
            if self.not_part_of:
                raise invalid("only applies to noun triggers", "not_part_of")
        if kind == "noun" and (" " in text or "|" in text):
            raise invalid("a noun trigger is one word", "noun")
        if kind == "verb" and " " in text:
            raise invalid("use 'phrase' for several words", "verb")
        if kind == "phrase" and len(text.split()) < 2:
            raise invalid("a phrase needs at least two words", "phrase")
        return self

    def trigger(self, label: str) -> Trigger:
        """The indexed form of this entry, for ``label``."""
        kind = self.kind
        text = getattr(self, kind)
        is_noun = kind == "noun"
        common = dict(
            label=label, kind=kind, text=text,
            subject=tuple(self.subject or (("clause",) if is_noun else ("nom",))),
            object=tuple(self.object or (("gen",) if is_noun else ("acc",))),
            reciprocal=self.reciprocal,
            requires=tuple(w.lower() for w in self.requires),
            requires_any=tuple(w.lower() for w in self.requires_any),
            excludes=tuple(w.lower() for w in self.excludes),
            hypothetical=self.hypothetical, strict_subject=self.strict_subject,
            plover=self.plover, confidence=float(self.confidence), compound=self.compound,
            clause_any=self.clause_any, forms=tuple(w.lower() for w in self.forms),
            not_part_of=tuple(w.lower() for w in self.not_part_of), direct=self.direct,
            object_types=tuple(self.object_types),
        )
        if is_noun:
            return Trigger(lemma=text.lower(), **common)
        words = text.split()
        lemma, base, particle = _split_verb(words[-1].lower())
        return Trigger(lemma=lemma, base=base, particle=particle,
                       words=tuple(w.lower() for w in words[:-1]), **common)


class LabelEntry(BaseModel):
    """A relation label: its PLOVER event type (``quad`` follows from it unless given),
    whether it is symmetric, and its triggers."""

    model_config = ConfigDict(extra="forbid", strict=True)

    description: Annotated[str, BeforeValidator(lambda v: "" if v is None else str(v))] = ""
    plover: Plover
    quad: Literal[tuple(sorted(QUADS))] | None = None  # type: ignore[valid-type]
    symmetric: bool = False
    through_deal: bool = False
    through_flow: bool = False
    through_attribute: bool = False
    through_part: str | None = None
    through_clause: bool = False
    through_speech: Words = []
    triggers: Annotated[list[TriggerEntry], Field(min_length=1)]


class CuesEntry(BaseModel):
    """Words and phrases that mark a relation as negated or hypothetical."""

    model_config = ConfigDict(extra="forbid", strict=True)

    negation: Words = []
    negation_phrases: Words = []
    not_negation: Words = []
    hypothetical: Words = []
    hypothetical_phrases: Words = []


class WordClassesEntry(BaseModel):
    """Open word classes the rules read besides the triggers (see ``relations.yml``)."""

    model_config = ConfigDict(extra="forbid", strict=True)

    object_control: Words = []
    spokespersons: Words = []
    advocacy: Words = []
    proposals: Words = []
    reported: Words = []
    prospects: Words = []
    confirming: Words = []
    denying: Words = []
    flow_verbs: Words = []
    acts: Words = []
    responses: Words = []
    condemnations: Words = []


class LexiconFile(BaseModel):
    """A relation lexicon file (the format of ``banlens/data/relations.yml``)."""

    model_config = ConfigDict(extra="forbid", strict=True)

    version: Any = None
    labels: Annotated[dict[str, LabelEntry], Field(min_length=1)]
    support_verbs: Words = []
    ending_verbs: Words = []
    deals: dict[str, Annotated[list[Annotated[str, AfterValidator(_role)]],
                               BeforeValidator(_one_or_many)] | None] = {}
    parts: dict[str, Annotated[list[Annotated[str, AfterValidator(_role)]],
                               BeforeValidator(_one_or_many)] | None] = {}
    flows: dict[str, Annotated[list[Annotated[str, AfterValidator(_role)]],
                               BeforeValidator(_one_or_many)] | None] = {}
    cues: CuesEntry = CuesEntry()
    word_classes: WordClassesEntry = WordClassesEntry()


_WORDING = {
    "plover:literal_error": f"{{input!r}} is not a PLOVER event type "
                            f"({', '.join(PLOVER_QUADS)})",
    "quad:literal_error": f"{{input!r}} is not one of {sorted(QUADS)}",
    "triggers:list_type": "expected a non-empty list",
    "triggers:too_short": "expected a non-empty list",
    "confidence:float_type": "expected a number from 0 to 1",
    "confidence:greater_than_equal": "expected a number from 0 to 1",
    "confidence:less_than_equal": "expected a number from 0 to 1",
    "confidence:finite_number": "expected a number from 0 to 1",
    "subject:list_type": "expected a role or a non-empty list of roles",
    "subject:too_short": "expected a role or a non-empty list of roles",
    "object:list_type": "expected a role or a non-empty list of roles",
    "object:too_short": "expected a role or a non-empty list of roles",
    "not_part_of:list_type": "expected a list of compounds",
    "not_part_of:string_type": "expected a list of compounds",
    "object_types:list_type": f"expected a list of actor types ({', '.join(ACTOR_TYPES)})",
    "object_types:literal_error": f"expected a list of actor types ({', '.join(ACTOR_TYPES)})",
    "forms:list_type": "expected a list of word forms",
    "forms:string_type": "expected a list of word forms",
    "list_type": "expected a list of words",
    "string_type": "expected a list of words",
}
_FLAGS = ("symmetric", "through_deal", "through_flow", "through_attribute",
          "through_clause", "reciprocal", "hypothetical",
          "strict_subject", "compound", "clause_any", "direct")
_WORDING.update({f"{flag}:bool_type": "expected true or false" for flag in _FLAGS})
_WORDING.update({f"{kind}:string_type": "expected a non-empty string" for kind in TRIGGER_KINDS})


def _where(loc: tuple[str | int, ...], data: Any) -> tuple[str, str | int | None]:
    """Where a problem is ("label 'x', trigger 2 (verhandeln)") and the field it is in."""
    top = loc[0]
    if top == "labels" and len(loc) > 1:
        name = loc[1]
        if len(loc) > 3 and loc[2] == "triggers":
            entry = entry_at(data, "labels", name, "triggers", loc[3])
            texts = [entry[k] for k in TRIGGER_KINDS if k in entry] if isinstance(
                entry, dict) else []
            text = f" ({texts[0].strip()})" if len(texts) == 1 and isinstance(
                texts[0], str) and texts[0].strip() else ""
            place = f"label {name!r}, trigger {loc[3] + 1}{text}"
            return place, loc[4] if len(loc) > 4 else None
        return f"label {name!r}", loc[2] if len(loc) > 2 else None
    if top in ("deals", "parts", "flows") and len(loc) > 1:
        return f"{top[:-1]} {loc[1]!r}", None
    if top == "cues" and len(loc) > 1:
        return "cues", loc[1]
    return "top level", top


def _message(error: ErrorDetails, data: Any, source: str) -> str:
    """The validation problem as "file: label 'x', trigger N (text), field 'y': problem"."""
    loc = location(error)
    kind = error["type"]
    if not loc:
        return f"{source}: top level: expected a mapping with a 'labels' key"
    if kind == "extra_forbidden":
        place = "top level"
        if loc[:-1] == ("cues",):
            place = "field 'cues'"
        elif len(loc) > 1:
            place = _where(loc[:-1], data)[0]
        return f"{source}: {place}: unknown field(s) [{loc[-1]!r}]"
    if loc == ("labels",):
        return f"{source}: field 'labels': expected a non-empty mapping of labels"
    place, field_name = _where(loc, data)
    if place == "top level":
        noun = "a mapping" if field_name in ("deals", "parts", "flows", "cues") else (
            "a list of words")
        return f"{source}: field {field_name!r}: expected {noun}"
    if field_name is None or isinstance(field_name, int):
        what = problem(error, _WORDING)
        if kind in ("model_type", "dict_type"):
            what = "expected a mapping" + (
                " such as {verb: verhandeln, object: [mit]}" if "trigger" in place else "")
        return f"{source}: {place}: {what}"
    return f"{source}: {place}, field {field_name!r}: {problem(error, _WORDING, field_name)}"


def check_lexicon_data(data: Any, source: str = "<dict>") -> LexiconFile:
    """Validate parsed lexicon data; raise :class:`~banlens.LexiconError` naming the file,
    the label, the trigger and the field of the first problem."""
    try:
        return LexiconFile.model_validate(data)
    except ValidationError as err:
        raise LexiconError(_message(first_error(err), data, source)) from None


def _default_data() -> dict[str, Any]:
    return read_bundled("relations.yml")


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
    for key in ("support_verbs", "ending_verbs"):
        if key in extra:
            merged[key] = list(merged.get(key, [])) + list(extra[key] or [])
    for key in ("deals", "parts", "flows"):
        if key in extra:
            merged.setdefault(key, {}).update(extra[key] or {})
    for section in ("cues", "word_classes"):
        if section in extra:
            lists = merged.setdefault(section, {})
            for key, words in (extra[section] or {}).items():
                lists[key] = list(lists.get(key, [])) + list(words or [])
    return merged


def _as_extension(extra: Any, base: dict[str, Any]) -> Any:
    """A user's lexicon as it is checked before it is merged into ``base``.

    A label ``base`` knows may leave out what the bundled label gives (its
    ``plover`` type, its triggers); everything the user wrote is checked as the
    user wrote it, so problems are numbered in the user's file ("trigger 1"), not
    after the bundled triggers of the label.
    """
    if not isinstance(extra, dict) or not isinstance(extra.get("labels"), dict):
        return extra
    labels = {}
    for name, spec in extra["labels"].items():
        known = base["labels"].get(name)
        if isinstance(known, dict) and isinstance(spec, dict):
            filled = {k: v for k, v in known.items() if k != "triggers" or "triggers" not in spec}
            spec = {**filled, **spec}
        labels[name] = spec
    return {**extra, "labels": labels}


def load_lexicon(
    path: str | Path | dict[str, Any] | None = None, extends: bool = True
) -> RelationLexicon:
    """Load a relation lexicon.

    Parameters
    ----------
    path : str, Path, dict or None
        None for the bundled lexicon; else a YAML/JSON file (or already parsed data) in
        the format of ``banlens/data/relations.yml``.
    extends : bool, default True
        Add ``path`` to the bundled lexicon (True) or let it replace it (False). A
        file that extends the bundled lexicon is checked on its own first, so every
        problem is reported where it is in that file.

    Returns
    -------
    RelationLexicon
        The checked and indexed lexicon.

    Raises
    ------
    LexiconError
        For a missing or malformed file, naming the label, the trigger and the field.

    Examples
    --------
    >>> import banlens
    >>> banlens.load_lexicon().info("blocks")
    ('SANCTION', 'verbal_conflict', False)
    >>> praises = {"labels": {"praises": {"plover": "SUPPORT", "triggers": [{"verb": "loben"}]}}}
    >>> sorted(banlens.load_lexicon(praises, extends=False).labels)
    ['praises']
    """
    if path is None:
        return RelationLexicon(_default_data(), source=f"banlens/{DEFAULT_PATH}")
    if isinstance(path, dict):
        data, source = path, "<dict>"
    elif not isinstance(path, str | Path):
        raise LexiconError(f"cannot load a relation lexicon from {type(path).__name__}")
    else:
        source = str(path)
        data = read_data(path, "relation lexicon", LexiconError)
    if extends:
        base = _default_data()
        check_lexicon_data(_as_extension(data, base), source)
        data = merge_lexicon_data(base, data)
    return RelationLexicon(data, source=source)
