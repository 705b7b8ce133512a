"""Gold sets: reading and checking the annotated JSONL files (format: docs/jsonl.md).

A gold record is a document (``id``, ``text``, ``actors``) with the relations a reader
found in it, each with its evidence sentence. :func:`load_gold` refuses a malformed
file with an :class:`~banlens.InputError` naming the line and the field.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    ValidationError,
    model_validator,
)
from pydantic_core import ErrorDetails

from ..datafiles import first_error, invalid, location, problem
from ..errors import InputError

GOLD_SUBSETS = ("explicit", "nominal", "coref", "negated", "hypothetical")
RELATION_FIELDS = ("subject", "label", "object")


def evidence_spans(text: str, evidence: str) -> list[tuple[int, int]]:
    """Character spans of ``evidence`` in ``text``: every verbatim occurrence, else
    every occurrence that differs only in whitespace; empty if there is none."""
    spans = []
    position = text.find(evidence)
    while position >= 0:
        spans.append((position, position + len(evidence)))
        position = text.find(evidence, position + 1)
    if spans:
        return spans
    words = evidence.split()
    if not words:
        return []
    pattern = r"\s+".join(re.escape(word) for word in words)
    return [match.span() for match in re.finditer(pattern, text)]


def _not_blank(value: str) -> str:
    if not value.strip():
        raise invalid("must be a non-empty string")
    return value


def _doc_id(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, str | int) or str(value) == "":
        raise invalid(f"must be a non-empty string, got {value!r}")
    return value


NonBlank = Annotated[str, AfterValidator(_not_blank)]


class GoldRelation(BaseModel):
    """A relation a reader found, with its evidence sentence (verbatim from the text)
    and optional true/false annotations (:data:`GOLD_SUBSETS`); other keys (notes)
    are allowed."""

    model_config = ConfigDict(strict=True)

    subject: NonBlank
    label: NonBlank
    object: NonBlank
    evidence: NonBlank
    explicit: bool | None = None
    nominal: bool | None = None
    coref: bool | None = None
    negated: bool | None = None
    hypothetical: bool | None = None


class GoldRecord(BaseModel):
    """A gold document: its id, text, actor ids and relations."""

    model_config = ConfigDict(strict=True)

    id: Annotated[Any, PlainValidator(_doc_id)]
    text: NonBlank
    actors: list[Annotated[str, Field(min_length=1)]]
    relations: list[GoldRelation]

    @model_validator(mode="after")
    def _evidence_in_text(self) -> GoldRecord:
        for i, relation in enumerate(self.relations):
            if not evidence_spans(self.text, relation.evidence):
                snippet = " ".join(relation.evidence.split())
                if len(snippet) > 60:
                    snippet = snippet[:59] + "…"
                raise invalid("not found in the document text (it must be a verbatim "
                              f"substring): {snippet!r}", "relations", i, "evidence")
        return self


_WORDING = {
    "text:string_type": "must be a non-empty string",
    "actors:list_type": "must be a list of actor ids (strings)",
    "actors:string_type": "must be a list of actor ids (strings)",
    "actors:string_too_short": "must be a list of actor ids (strings)",
    "relations:list_type": "must be a list",
    "string_type": "must be a non-empty string",
    "bool_type": "must be true or false, got {input!r}",
}


def _message(error: ErrorDetails, where: str) -> str:
    """The problem as "gold.jsonl:3: field 'relations[0].evidence': problem"."""
    loc = location(error)
    kind = error["type"]
    if not loc:
        return f"{where}: expected a JSON object, got {type(error['input']).__name__}"
    name = loc[0]
    if kind == "missing" and len(loc) == 1:
        return f"{where}: missing field {name!r}"
    if name != "relations" or len(loc) == 1:
        return f"{where}: field {name!r} {problem(error, _WORDING, name)}"
    at = f"{where}: field 'relations[{loc[1]}]"
    if len(loc) == 2:
        return f"{at}': expected a JSON object"
    return f"{at}.{loc[2]}': {problem(error, _WORDING, loc[2])}"


def check_gold_record(record: Any, where: str) -> str:
    """Check one gold record; return its id as a string. Raises InputError."""
    try:
        GoldRecord.model_validate(record)
    except ValidationError as err:
        raise InputError(_message(first_error(err), where)) from None
    return str(record["id"])


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """Read and check a gold JSONL file; return its records in file order.

    Blank lines are skipped. Any malformed line (invalid JSON, a missing or
    mistyped field, an evidence sentence that is not in the text, a duplicate id)
    raises :class:`banlens.InputError` naming the file, the line and the field.
    Relation flags that are absent count as false.
    """
    path = Path(path)
    try:
        raw_lines = path.read_bytes().splitlines()
    except FileNotFoundError:
        raise InputError(f"{path}: gold file not found") from None
    except OSError as err:
        raise InputError(f"{path}: cannot read gold file: {err.strerror or err}") from None
    records: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(raw_lines, start=1):
        where = f"{path}:{number}"
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            raise InputError(f"{where}: invalid UTF-8 at byte {err.start}") from None
        if number == 1:
            line = line.removeprefix("\ufeff")
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(f"{where}: not valid JSON: {err.msg} (column {err.colno})") from None
        doc_id = check_gold_record(record, where)
        if doc_id in seen:
            raise InputError(f"{where}: field 'id': duplicate document id {doc_id!r} "
                             f"(first on line {seen[doc_id]})")
        seen[doc_id] = number
        records.append(record)
    if not records:
        raise InputError(f"{path}: no gold documents in the file")
    return records


# --- matching ------------------------------------------------------------------------
