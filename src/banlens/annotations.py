"""The annotations banlens adds to spaCy objects, and how they are stored.

Everything is stored in forms that survive ``Doc.to_bytes``, ``DocBin`` and
``nlp.pipe(..., n_process=2)``; the user-facing attributes are getters over them.

Actors
    ``doc.spans["banlens_actors"]`` holds one span per actor mention, in text
    order. ``span.label_`` is the actor type in upper case (``PERSON``,
    ``GOVERNMENT``, ...), ``span.kb_id_`` the actor id and ``span.id_`` the mention
    kind: ``"name"`` for a full mention ("Trump", "US-Handelsministerium") or
    ``"modifier"`` when the actor is only the first part of a hyphen compound
    ("Tiktok-Verbot": the span covers the whole compound token), or ``"reference"``
    for a description that stands for an actor named before ("der Konzern", added
    by :mod:`banlens.actors.references`).
    Display names of the actors mentioned are kept in ``doc._.actor_names``
    ({id: name}).

Relations
    ``doc._.relation_records`` holds plain dicts (msgpack-safe); ``doc._.relations``
    turns them into :class:`Relation` objects.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from spacy.tokens import Doc, Span

ACTOR_SPANS_KEY = "banlens_actors"
UNKNOWN_SPANS_KEY = "banlens_unknown_actors"
NAME = "name"
MODIFIER = "modifier"
REFERENCE = "reference"


@dataclass(frozen=True, slots=True)
class Relation:
    """One relation instance: ``subject`` does ``label`` to ``object``.

    ``start``/``end`` are the character offsets of the evidence sentence in the
    document text, ``evidence`` is that sentence. ``trigger`` is the word or phrase
    that expresses the relation, ``method`` names the rule family that found it.
    ``coref`` is True when an argument is named in the sentence only by a reference
    ("der Konzern", "sie", "wir") that :mod:`banlens.actors.references` resolved;
    ``references`` then maps that argument's actor id to the words of the reference
    (``{"unicredit": "das Geldhaus"}``).
    """

    subject: str
    label: str
    object: str
    evidence: str
    start: int
    end: int
    trigger: str
    negated: bool = False
    hypothetical: bool = False
    coref: bool = False
    references: dict[str, str] = field(default_factory=dict, compare=False)
    method: str = ""
    confidence: float = 1.0
    trigger_start: int = -1
    trigger_end: int = -1
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Relation:
        names = cls.__dataclass_fields__.keys()
        return cls(**{k: v for k, v in data.items() if k in names})


def _actors(doc: Doc) -> list[Span]:
    if ACTOR_SPANS_KEY not in doc.spans:
        return []
    return sorted(doc.spans[ACTOR_SPANS_KEY], key=lambda s: (s.start, s.end, s.id_))


def _unknown_actors(doc: Doc) -> list[Span]:
    if UNKNOWN_SPANS_KEY not in doc.spans:
        return []
    return list(doc.spans[UNKNOWN_SPANS_KEY])


def _actor_id(span: Span) -> str | None:
    return span.kb_id_ or None


def _mention_kind(span: Span) -> str | None:
    return span.id_ or None if span.kb_id_ else None


def _actor(span: Span) -> dict[str, str] | None:
    if not span.kb_id_:
        return None
    names = span.doc._.actor_names or {}
    return {
        "id": span.kb_id_,
        "name": names.get(span.kb_id_, span.kb_id_),
        "type": span.label_.lower(),
    }


def _relations(doc: Doc) -> list[Relation]:
    return [Relation.from_dict(r) for r in doc._.relation_records or []]


def register() -> None:
    """Register the extension attributes (idempotent; runs at import)."""
    doc_getters = {"actors": _actors, "unknown_actors": _unknown_actors, "relations": _relations}
    for name, getter in doc_getters.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, getter=getter)
    for name in ("actor_names", "relation_records", "doc_id", "date"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    span_getters = {"actor_id": _actor_id, "actor": _actor, "mention_kind": _mention_kind}
    for name, getter in span_getters.items():
        if not Span.has_extension(name):
            Span.set_extension(name, getter=getter)


register()
