"""The reference resolver: descriptions that stand for an actor named just before.

News names an actor once and then describes it: "Huawei klagt gegen die Regierung.
Der Konzern wirft ihr vor, ..." - "der Konzern" is Huawei. Registered as the spaCy
factory ``banlens_references`` (after ``banlens_actors``), this component adds such
descriptions to ``doc.spans["banlens_actors"]`` as mentions of kind
``"reference"``, so that the relation extractor reads them like names and marks the
relations that rest on them ``coref``.

It resolves only what it can resolve safely:

* a singular definite description whose head noun is listed in
  ``data/references.yml`` ("das Unternehmen", "der chinesische Konzern",
  "dem Softwarekonzern", "die Behörde"), with the article agreeing in gender;
* to the one actor of a fitting type (a company for "Konzern", a person for
  "Präsident") named in the previous sentence or earlier in the same sentence. With
  two candidates ("Microsoft verhandelt mit Bytedance. Der Konzern ...") nothing is
  resolved.

Pronouns ("er", "sie") are left alone: German "sie" is also the plural, and the
actor a pronoun stands for is too often one the dictionary does not know.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import srsly
import yaml
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import ensure_path

from ..annotations import ACTOR_SPANS_KEY, MODIFIER, REFERENCE
from ..errors import ReferencesError
from ..german.inflection import is_common_word
from .dictionary import ACTOR_TYPES
from .mentions import modifier_stands_for_actor

GENDERS = ("m", "f", "n")
COMPOUND_MODES = ("all", "hyphen", "none")
# Singular articles and demonstratives of each gender, in any case.
DETERMINERS = {
    "m": frozenset({"der", "den", "dem", "des", "dieser", "diesen", "diesem", "dieses"}),
    "f": frozenset({"die", "der", "diese", "dieser"}),
    "n": frozenset({"das", "dem", "des", "dieses", "diesem"}),
}
ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
# Words that open a noun phrase: never an adjective inside one.
ARTICLES = frozenset().union(*DETERMINERS.values()) | frozenset(
    prefix + ending
    for prefix in ("ein", "kein", "mein", "dein", "sein", "ihr", "unser", "euer", "jen",
                   "welch", "manch", "jed")
    for ending in ("", "e", "en", "em", "er", "es"))
MAX_ADJECTIVES = 3
DATA_FILE = "references.json"


@dataclass(frozen=True, slots=True)
class Description:
    """A noun that can describe an actor: its gender and the actor types it fits."""

    noun: str
    gender: str
    types: frozenset[str]
    compounds: str = "all"  # which compounds ending in the noun count: all, hyphen, none


@Language.factory(
    "banlens_references",
    default_config={"references": None},
    requires=["doc.spans"],
)
def make_reference_resolver(nlp: Language, name: str,
                            references: str | None) -> ReferenceResolver:
    """Create the resolver (``nlp.add_pipe("banlens_references")``); ``references`` is a
    YAML file in the format of the bundled ``data/references.yml`` (None = bundled)."""
    return ReferenceResolver(nlp, name, references=references)


class ReferenceResolver:
    """Add mentions of kind ``"reference"`` for descriptions of actors named before."""

    def __init__(self, nlp: Language | None = None, name: str = "banlens_references", *,
                 references: str | Path | dict[str, Any] | None = None) -> None:
        self.name = name
        self.set_data(load_references(references))

    def set_data(self, data: dict[str, Any]) -> None:
        """Use the descriptions of ``data`` (parsed reference file) from now on."""
        self.data = data
        self._nouns: dict[str, Description] = {}
        for spec in data["classes"].values():
            types = frozenset(spec["types"])
            for noun, gender in spec["nouns"].items():
                self._nouns[noun.lower()] = Description(noun, gender, types,
                                                        spec.get("compounds", "all"))
        self._excluded = tuple(w.lower() for w in data.get("not_part_of", []))
        self._forms: dict[int, Description | None] = {}

    # -- matching ------------------------------------------------------------------
    def description(self, word: str) -> Description | None:
        """The description a (capitalised) word form is a singular form of, or None."""
        low = word.lower()
        for form in _singular_forms(low):
            found = self._nouns.get(form)
            if found is not None:
                if _form_fits(low, form, found.gender):
                    return found
                continue
            if form.endswith(self._excluded):
                return None
            head = self._head(form)
            if head is not None:
                found = self._nouns[head]
                hyphenated = form[-len(head) - 1] == "-"
                if found.compounds == "none" or (found.compounds == "hyphen"
                                                 and not hyphenated):
                    return None
                return found if _form_fits(low, form, found.gender) else None
        return None

    def _head(self, form: str) -> str | None:
        """The longest noun that ``form`` ends in after at least two more characters."""
        nouns = self._nouns
        for start in range(2, len(form) + 1):  # longest ending first
            if form[start:] in nouns:
                return form[start:]
        return None

    def _cached(self, doc: Doc, i: int) -> Description | None:
        token = doc[i]
        found = self._forms.get(token.orth, False)
        if found is False:
            text = token.text
            found = self.description(text) if text[:1].isupper() and len(text) > 2 else None
            self._forms[token.orth] = found
        return found  # type: ignore[return-value]

    # -- resolving -----------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        if ACTOR_SPANS_KEY not in doc.spans or not len(doc.spans[ACTOR_SPANS_KEY]):
            return doc
        spans = list(doc.spans[ACTOR_SPANS_KEY])
        # names, and compounds that name their own actor ("der Huawei-Konzern"; a
        # country's "US-Konzern" is still a description)
        named = {i for s in spans if s.id_ != MODIFIER or s.label_ != "COUNTRY"
                 for i in range(s.start, s.end)}
        starts = {s.start for s in spans}
        sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        # (start, actor id, actor type) of every mention that can be an antecedent: a
        # compound names its first part too ("der WeChat-Betreiber ... den Messenger"),
        # but not a person ("die Trump-Zeit ... die Kanzlerin")
        seen = [(s.start, s.kb_id_, s.label_.lower()) for s in spans
                if s.id_ != MODIFIER or s.label_ != "PERSON" or modifier_stands_for_actor(s)]
        added: list[Span] = []
        previous: Span | None = None
        for sent in sents:
            low = previous.start if previous is not None else sent.start
            window = [m for m in seen if low <= m[0] < sent.end]
            previous = sent
            if not window:
                continue
            for i in range(sent.start, sent.end):
                if i in named:
                    continue
                found = self._cached(doc, i)
                if found is None or not self._is_description(doc, i, found, starts):
                    continue
                candidates = {(actor, kind) for start, actor, kind in window
                              if start < i and kind in found.types}
                if len({actor for actor, _ in candidates}) != 1:
                    continue
                actor, kind = candidates.pop()
                span = Span(doc, i, i + 1, label=kind.upper(), kb_id=actor, span_id=REFERENCE)
                added.append(span)
                seen.append((i, actor, kind))
                window.append((i, actor, kind))
        if added:
            doc.spans[ACTOR_SPANS_KEY] = sorted(spans + added,
                                                key=lambda s: (s.start, s.end, s.id_))
        return doc

    @staticmethod
    def _is_description(doc: Doc, i: int, found: Description, starts: set[int]) -> bool:
        """A definite singular noun phrase that ends in token ``i`` and names nobody."""
        j = i - 1
        adjectives = 0
        while (j >= 0 and adjectives < MAX_ADJECTIVES and doc[j].lower_ not in ARTICLES
               and _adjective(doc[j].text)):
            j -= 1
            adjectives += 1
        if j < 0 or doc[j].lower_ not in DETERMINERS[found.gender]:
            return False
        nxt = i + 1
        if nxt < len(doc):
            after = doc[nxt]
            # "der Konzern Huawei", "das Unternehmen Nvidia": a name follows
            if nxt in starts or (after.text[:1].isupper() and after.is_alpha
                                 and not after.is_sent_start and _name_like(after.text)):
                return False
        return True

    # -- serialization ---------------------------------------------------------------
    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.msgpack_dumps(self.data)

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> ReferenceResolver:
        self.set_data(srsly.msgpack_loads(data))
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / DATA_FILE, self.data)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> ReferenceResolver:
        self.set_data(_checked(srsly.read_json(ensure_path(path) / DATA_FILE), str(path)))
        return self


# -- the reference file ------------------------------------------------------------------


def load_references(source: str | Path | dict[str, Any] | None = None) -> dict[str, Any]:
    """Read and check a reference file (None: the bundled ``data/references.yml``)."""
    if isinstance(source, dict):
        return _checked(source, "<dict>")
    if source is None:
        text = (resources.files("banlens") / "data" / "references.yml").read_text("utf-8")
        where = "<bundled references.yml>"
    else:
        where = str(source)
        try:
            text = Path(source).read_text(encoding="utf-8")
        except OSError as err:
            raise ReferencesError(f"{where}: cannot read ({err.strerror or err})") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f"line {mark.line + 1}: " if mark is not None else ""
        raise ReferencesError(f"{where}: {line}not valid YAML") from None
    return _checked(data, where)


def _checked(data: Any, where: str) -> dict[str, Any]:
    if not isinstance(data, dict) or not isinstance(data.get("classes"), dict):
        raise ReferencesError(f"{where}: expected a mapping with a 'classes' mapping")
    classes: dict[str, Any] = {}
    for name, spec in data["classes"].items():
        label = f"{where}: class {name!r}"
        if not isinstance(spec, dict):
            raise ReferencesError(f"{label}: expected a mapping with 'types' and 'nouns'")
        types = spec.get("types")
        if not isinstance(types, list) or not types or not all(isinstance(t, str) for t in types):
            raise ReferencesError(f"{label}: field 'types': expected a list of actor types")
        unknown = [t for t in types if t not in ACTOR_TYPES]
        if unknown:
            raise ReferencesError(f"{label}: field 'types': unknown actor type {unknown[0]!r}; "
                                  f"use one of {', '.join(ACTOR_TYPES)}")
        nouns = spec.get("nouns")
        if not isinstance(nouns, dict) or not nouns:
            raise ReferencesError(f"{label}: field 'nouns': expected a mapping noun: gender")
        for noun, gender in nouns.items():
            if not isinstance(noun, str) or gender not in GENDERS:
                raise ReferencesError(f"{label}: field 'nouns': {noun!r}: gender must be "
                                     f"one of m, f, n, got {gender!r}")
        compounds = spec.get("compounds", "all")
        if compounds not in COMPOUND_MODES:
            raise ReferencesError(f"{label}: field 'compounds': expected one of "
                                 f"{', '.join(COMPOUND_MODES)}, got {compounds!r}")
        classes[str(name)] = {"types": list(types), "nouns": dict(nouns),
                              "compounds": compounds}
    excluded = data.get("not_part_of", [])
    if not isinstance(excluded, list) or not all(isinstance(w, str) for w in excluded):
        raise ReferencesError(f"{where}: field 'not_part_of': expected a list of words")
    return {"classes": classes, "not_part_of": list(excluded)}


# -- German word forms -------------------------------------------------------------------


def _singular_forms(low: str) -> list[str]:
    """Candidate base forms of a lower-cased noun: itself and without a genitive ending."""
    forms = [low]
    if low.endswith("es") and len(low) > 4:
        forms.append(low[:-2])
    if low.endswith("s") and len(low) > 3:
        forms.append(low[:-1])
    return forms


def _form_fits(low: str, base: str, gender: str) -> bool:
    """Feminine nouns take no ending in the singular; others may take genitive -s/-es."""
    return low == base or gender != "f"


def _adjective(text: str) -> bool:
    """An inflected adjective or participle ("chinesische", "betroffenen", "US-amerikanische")."""
    return text.islower() and text.replace("-", "").isalpha() and text.endswith(
        ADJECTIVE_ENDINGS) or (text[:1].isupper() and "-" in text and text.rsplit("-", 1)[-1]
                               .islower() and text.endswith(ADJECTIVE_ENDINGS))


def _name_like(text: str) -> bool:
    """A capitalised word that is no ordinary German word: a name after the noun."""
    return not is_common_word(text)


__all__ = ["ReferenceResolver", "load_references", "make_reference_resolver"]
