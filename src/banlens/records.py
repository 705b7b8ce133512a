"""Documents as plain records: the JSONL contract and the graph builder's input.

A record is what banlens knows about one document, as JSON-safe dicts::

    {"id": "a1", "date": "2020-09-19" | None, "title": ... | None,
     "actors": [{"id", "name", "type", "text", "start", "end", "kind"}],
     "relations": [{"subject", "label", "object", "negated", "hypothetical",
                    "evidence", "start", "end", "trigger", "method", "confidence",
                    "coref", "references"}]}

``start``/``end`` are character offsets into the document text: of the mention for
actors, of the evidence sentence for relations. ``kind`` is ``"name"`` or
``"modifier"`` or ``"reference"`` (see :mod:`banlens.annotations`).

:func:`doc_to_record` makes a record from a processed Doc; :func:`check_record`
checks a record read from a file (a JSONL line) before the graph builder uses it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    ValidationError,
    model_validator,
)
from pydantic_core import ErrorDetails
from spacy.tokens import Doc

from . import annotations  # noqa: F401  (registers the extensions)
from .datafiles import first_error, invalid, location, problem
from .errors import InputError


def doc_to_record(doc: Doc, doc_id: str | None = None, **meta: Any) -> dict[str, Any]:
    """Return the JSON-safe record of a processed Doc (the JSONL contract).

    Parameters
    ----------
    doc : spacy.tokens.Doc
        A Doc processed by a banlens pipeline.
    doc_id : str or None
        The record's ``id``; defaults to ``doc._.doc_id``.
    **meta : Any
        ``date``, ``title``, ``url``, ...: copied into the record when not None.

    Returns
    -------
    dict
        ``id``, the meta fields, ``actors`` (one per mention) and ``relations``.

    Examples
    --------
    >>> import banlens
    >>> nlp = banlens.load()
    >>> doc = nlp("Oracle verhandelt mit Bytedance über Tiktok.")
    >>> record = banlens.doc_to_record(doc, doc_id="a1", date="2020-09-14")
    >>> record["id"], record["date"], [a["id"] for a in record["actors"]]
    ('a1', '2020-09-14', ['oracle', 'bytedance', 'tiktok'])
    >>> [(r["subject"], r["label"], r["object"]) for r in record["relations"]]
    [('oracle', 'negotiates_with', 'bytedance')]
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


# The record as the graph builder reads it. A missing or null optional field takes
# its default; offsets written as 7.0 count as whole numbers, flags may be 0 or 1.


def _plain(item: Any, offsets: tuple[str, ...], flags: tuple[str, ...] = ()) -> Any:
    """An item without its null fields (they take their defaults), with whole-number
    offsets as ``int`` and 0/1 flags as ``bool``: what the strict fields then check."""
    if not isinstance(item, dict):
        return item
    if None in item.values():
        item = {key: value for key, value in item.items() if value is not None}
    for key in offsets:
        value = item.get(key)
        if type(value) is float and value.is_integer():
            item = {**item, key: int(value)}
    for key in flags:
        value = item.get(key)
        if type(value) is int and value in (0, 1):
            item = {**item, key: bool(value)}
    return item


Name = Annotated[str, Field(pattern=r"\S")]  # not blank


class ActorRecord(BaseModel):
    """An actor mention of a record (other keys, such as ``text`` and ``kind``, are kept
    in the file but not read)."""

    model_config = ConfigDict(strict=True)

    id: Name
    name: str = ""
    type: str = ""
    start: int = -1

    @model_validator(mode="before")
    @classmethod
    def _plain(cls, item: Any) -> Any:
        return _plain(item, ("start",))


class RelationRecord(BaseModel):
    """A relation of a record, as :func:`doc_to_record` writes it: the one list of
    its fields, in the order they are written (:data:`RELATION_FIELDS`). Each is an
    attribute of :class:`banlens.Relation`; the graph builder carries them on its
    edges (:data:`banlens.graph.EDGE_FIELDS`)."""

    model_config = ConfigDict(strict=True)

    subject: Name
    label: Name
    object: Name
    negated: bool = False
    hypothetical: bool = False
    evidence: str = ""
    start: int = -1
    end: int = -1
    trigger: str = ""
    method: str = ""
    confidence: Annotated[float, Field(allow_inf_nan=False)] = 1.0
    coref: bool = False
    references: dict[str, str] = {}

    @model_validator(mode="before")
    @classmethod
    def _plain(cls, item: Any) -> Any:
        return _plain(item, ("start", "end"), ("negated", "hypothetical", "coref"))


#: The keys of a relation in a record, in the order they are written.
RELATION_FIELDS = tuple(RelationRecord.model_fields)


class RelationInput(RelationRecord):
    """A relation of a record as the graph builder reads it: the written fields, plus
    optional ``plover``/``quad`` that override the lexicon's (a trigger's own PLOVER
    type, added by :func:`banlens.graph.graph_record`)."""

    plover: str = ""
    quad: str = ""


def _sentence(value: Any) -> Any:
    if not isinstance(value, list | tuple) or len(value) not in (2, 3):
        raise invalid("expected [start, end] or [start, end, text]")
    start, end, *text = [v if v is not None or i == 2 else -1 for i, v in enumerate(value)]
    whole = [int(v) if isinstance(v, float) and v.is_integer() else v for v in (start, end)]
    return (*whole, text[0] if text else None)


def _iso_date(value: Any) -> str | None:
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
    raise invalid(f"{value!r} is not an ISO-8601 date (YYYY-MM-DD)")


class DocumentRecord(BaseModel):
    """A document record as the graph builder reads it (a JSONL line of ``banlens
    extract``); other keys (``title``, ``url``, ``text``) are allowed and not read."""

    model_config = ConfigDict(strict=True)

    date: Annotated[str | None, PlainValidator(_iso_date)] = None
    actors: list[ActorRecord]
    relations: list[RelationInput]
    sentences: list[Annotated[tuple[int, int, str | None],
                              BeforeValidator(_sentence)]] | None = None


_WORDING = {
    "string_pattern_mismatch": "empty",
    "string_type": "expected a string, got {type}",
    "bool_type": "expected true or false, got {input!r}",
}
_ITEMS = {"actors": "actor", "relations": "relation", "sentences": "sentence"}


def _message(error: ErrorDetails, where: str) -> str:
    """The problem as "document 'x', relation 0, field 'start': expected an integer"."""
    loc = location(error)
    name = loc[0]
    if len(loc) == 1:
        if error["type"] == "missing":
            return f"{where}: missing field {name!r} (is this a processed banlens record?)"
        if name == "date":
            return f"{where}: field 'date': {problem(error, _WORDING)}"
        return f"{where}: field {name!r}: expected a list"
    at = f"{where}, {_ITEMS[str(name)]} {loc[1]}"
    if len(loc) == 2 and error["type"] in ("model_type", "dict_type"):
        wanted = "'id', 'name', 'type'" if name == "actors" else "'subject', 'label', 'object'"
        return f"{at}: expected an object with {wanted}"
    if name == "sentences":
        return f"{at}: {problem(error, _WORDING)}"
    return f"{at}, field {loc[2]!r}: {problem(error, _WORDING)}"


def check_record(record: Mapping[str, Any], need_sentences: bool = False) -> CheckedRecord:
    """A record checked field by field, as the graph builder reads it.

    Raises :class:`~banlens.InputError` naming the document, the item and the field
    of the first problem, so a caller can reject a bad record before it changes
    anything. ``need_sentences``: the record must carry its sentence offsets
    (``sentences``, for co-occurrence edges). The format is :class:`DocumentRecord`.
    """
    raw_id = record.get("id")
    if raw_id is None or raw_id == "":
        doc_id = _anonymous_id(record)
    elif isinstance(raw_id, str | int) and not isinstance(raw_id, bool):
        doc_id = str(raw_id)
    else:
        raise InputError(f"document record: field 'id': expected a string, got {raw_id!r}")
    where = f"document {doc_id!r}"
    if need_sentences and not isinstance(record.get("sentences"), list):
        raise InputError(
            f"{where}: field 'sentences' is needed for co-occurrence edges; make the "
            "record with banlens.graph.graph_record(doc) or pass the Doc itself"
        )
    try:
        checked = DocumentRecord.model_validate(
            record if isinstance(record, dict) else dict(record))
    except ValidationError as err:
        raise InputError(_message(first_error(err), where)) from None
    actors = [CheckedActor(a.id, a.name, a.type, a.start) for a in checked.actors]
    relations = [rel.model_dump() for rel in checked.relations]
    sentences = checked.sentences if need_sentences else None
    return CheckedRecord(doc_id, checked.date, actors, relations, sentences)
