"""Documents as plain records: the JSONL contract and the graph builder's input.

A record is what banlens knows about one document, as JSON-safe dicts::

    {"id": "a1", "date": "2020-09-19" | None, "title": ... | None,
     "actors": [{"id", "name", "type", "text", "start", "end", "kind"}],
     "relations": [{"subject", "label", "object", "negated", "hypothetical",
                    "evidence", "start", "end", "trigger", "method", "confidence",
                    "coref"}]}

``start``/``end`` are character offsets into the document text: of the mention for
actors, of the evidence sentence for relations. ``kind`` is ``"name"`` or
``"modifier"`` or ``"reference"`` (see :mod:`banlens.annotations`).

:func:`doc_to_record` makes a record from a processed Doc; :func:`check_record`
checks a record read from a file (a JSONL line) before the graph builder uses it.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from spacy.tokens import Doc

from . import annotations  # noqa: F401  (registers the extensions)
from .errors import InputError

RELATION_FIELDS = (
    "subject", "label", "object", "negated", "hypothetical",
    "evidence", "start", "end", "trigger", "method", "confidence", "coref",
)


def doc_to_record(doc: Doc, doc_id: str | None = None, **meta: Any) -> dict[str, Any]:
    """Return the JSON-safe record of a processed Doc.

    ``doc_id`` defaults to ``doc._.doc_id``; extra keyword arguments (``date``,
    ``title``, ``url``) are copied into the record when not None.
    """
    record = record_head(doc_id if doc_id is not None else doc._.doc_id, doc._.date, meta)
    record["actors"] = actor_items(doc)
    record["relations"] = relation_items(doc)
    return record


def record_head(doc_id: str | None, date: str | None = None,
                meta: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The fields of a record before its actors: id, date and ``meta`` (when not None)."""
    record: dict[str, Any] = {"id": doc_id}
    if date is not None:
        record["date"] = date
    for key, value in (meta or {}).items():
        if value is not None:
            record[key] = value
    return record


def empty_record(doc_id: str | None, date: str | None = None, **meta: Any) -> dict[str, Any]:
    """The record of a document that names no actor: what :func:`doc_to_record` gives
    for it, without a Doc."""
    record = record_head(doc_id, date, meta)
    record["actors"] = []
    record["relations"] = []
    return record


def actor_items(doc: Doc, offset: int = 0) -> list[dict[str, Any]]:
    """The ``actors`` of a record; ``offset`` is added to the character offsets (for a
    Doc of a passage that starts there in the document)."""
    items = []
    names = doc._.actor_names or {}
    for span in doc._.actors:
        actor_id = span.kb_id_
        if actor_id:  # what span._.actor gives, without its getter per span
            name, kind = names.get(actor_id, actor_id), span.label_.lower()
        else:
            actor = span._.actor
            name, kind = actor["name"], actor["type"]
        items.append({
            "id": actor_id,
            "name": name,
            "type": kind,
            "text": span.text,
            "start": span.start_char + offset,
            "end": span.end_char + offset,
            "kind": span.id_,
        })
    return items


def relation_items(doc: Doc, offset: int = 0) -> list[dict[str, Any]]:
    """The ``relations`` of a record; ``offset`` as for :func:`actor_items`."""
    items = [{name: getattr(rel, name) for name in RELATION_FIELDS} for rel in doc._.relations]
    if offset:
        for item in items:
            item["start"] += offset
            item["end"] += offset
    return items


# -- checking a record read from a file ---------------------------------------------


def _iso_date(value: Any, where: str) -> str | None:
    """Normalise a document date to ISO-8601 (date, or date and time)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, str):
        text = value.strip()
        for parse in (date.fromisoformat, datetime.fromisoformat):
            try:
                return parse(text).isoformat()
            except ValueError:
                continue
    raise InputError(f"{where}: field 'date': {value!r} is not an ISO-8601 date (YYYY-MM-DD)")


def _anonymous_id(record: Mapping[str, Any]) -> str:
    """A stable id for a document without one: a hash of its content."""
    content = record.get("text")
    if not isinstance(content, str):
        content = json.dumps(
            [record.get("actors"), record.get("relations")], sort_keys=True, default=str
        )
    return "doc-" + hashlib.sha1(content.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class CheckedActor:
    id: str
    name: str
    type: str
    start: int


@dataclass(slots=True)
class CheckedRecord:
    id: str
    date: str | None
    actors: list[CheckedActor]
    relations: list[dict[str, Any]]
    sentences: list[tuple[int, int, str | None]] | None


def _text(value: Any, where: str, required: bool = False) -> str:
    if value is None:
        if required:
            raise InputError(f"{where}: missing")
        return ""
    if not isinstance(value, str):
        raise InputError(f"{where}: expected a string, got {type(value).__name__}")
    if required and not value.strip():
        raise InputError(f"{where}: empty")
    return value


def _int(value: Any, where: str, default: int = -1) -> int:
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
        raise InputError(f"{where}: expected an integer, got {value!r}")
    return int(value)


def _flag(value: Any, where: str) -> bool:
    if value is None:
        return False
    if not isinstance(value, bool | int) or value not in (0, 1):
        raise InputError(f"{where}: expected true or false, got {value!r}")
    return bool(value)


def _float(value: Any, where: str, default: float = 1.0) -> float:
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
        raise InputError(f"{where}: expected a number, got {value!r}")
    return float(value)


def check_record(record: Mapping[str, Any], need_sentences: bool = False) -> CheckedRecord:
    """A record checked field by field, as the graph builder reads it.

    Raises :class:`~banlens.InputError` naming the document, the item and the field
    of the first problem, so a caller can reject a bad record before it changes
    anything. ``need_sentences``: the record must carry its sentence offsets
    (``sentences``, for co-occurrence edges).
    """
    raw_id = record.get("id")
    if raw_id is None or raw_id == "":
        doc_id = _anonymous_id(record)
    elif isinstance(raw_id, str | int) and not isinstance(raw_id, bool):
        doc_id = str(raw_id)
    else:
        raise InputError(f"document record: field 'id': expected a string, got {raw_id!r}")
    where = f"document {doc_id!r}"
    for name in ("actors", "relations"):
        if name not in record:
            raise InputError(
                f"{where}: missing field {name!r} (is this a processed banlens record?)"
            )
        if not isinstance(record[name], list):
            raise InputError(f"{where}: field {name!r}: expected a list")
    when = _iso_date(record.get("date"), where)

    actors = []
    for i, actor in enumerate(record["actors"]):
        at = f"{where}, actor {i}"
        if not isinstance(actor, Mapping):
            raise InputError(f"{at}: expected an object with 'id', 'name', 'type'")
        actor_id = _text(actor.get("id"), f"{at}, field 'id'", required=True)
        actors.append(
            CheckedActor(
                id=actor_id,
                name=_text(actor.get("name"), f"{at}, field 'name'"),
                type=_text(actor.get("type"), f"{at}, field 'type'"),
                start=_int(actor.get("start"), f"{at}, field 'start'"),
            )
        )

    relations = []
    for i, rel in enumerate(record["relations"]):
        at = f"{where}, relation {i}"
        if not isinstance(rel, Mapping):
            raise InputError(f"{at}: expected an object with 'subject', 'label', 'object'")
        relations.append({
            "subject": _text(rel.get("subject"), f"{at}, field 'subject'", required=True),
            "label": _text(rel.get("label"), f"{at}, field 'label'", required=True),
            "object": _text(rel.get("object"), f"{at}, field 'object'", required=True),
            "negated": _flag(rel.get("negated"), f"{at}, field 'negated'"),
            "hypothetical": _flag(rel.get("hypothetical"), f"{at}, field 'hypothetical'"),
            "coref": _flag(rel.get("coref"), f"{at}, field 'coref'"),
            "evidence": _text(rel.get("evidence"), f"{at}, field 'evidence'"),
            "start": _int(rel.get("start"), f"{at}, field 'start'"),
            "end": _int(rel.get("end"), f"{at}, field 'end'"),
            "trigger": _text(rel.get("trigger"), f"{at}, field 'trigger'"),
            "confidence": _float(rel.get("confidence"), f"{at}, field 'confidence'"),
            "method": _text(rel.get("method"), f"{at}, field 'method'"),
            "plover": _text(rel.get("plover"), f"{at}, field 'plover'"),
            "quad": _text(rel.get("quad"), f"{at}, field 'quad'"),
        })

    sentences = None
    if need_sentences:
        raw = record.get("sentences")
        if not isinstance(raw, list):
            raise InputError(
                f"{where}: field 'sentences' is needed for co-occurrence edges; make the "
                "record with banlens.graph.graph_record(doc) or pass the Doc itself"
            )
        sentences = []
        for i, sent in enumerate(raw):
            at = f"{where}, sentence {i}"
            if not isinstance(sent, list | tuple) or len(sent) not in (2, 3):
                raise InputError(f"{at}: expected [start, end] or [start, end, text]")
            text = sent[2] if len(sent) == 3 else None
            sentences.append((_int(sent[0], at), _int(sent[1], at),
                              _text(text, at) if text is not None else None))
    return CheckedRecord(doc_id, when, actors, relations, sentences)
