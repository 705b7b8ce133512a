"""Gold sets: reading and checking the annotated JSONL files (format: docs/jsonl.md).

A gold record is a document (``id``, ``text``, ``actors``) with the relations a reader
found in it, each with its evidence sentence. :func:`load_gold` refuses a malformed
file with an :class:`~banlens.InputError` naming the line and the field.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

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


def check_gold_record(record: Any, where: str) -> str:
    """Check one gold record; return its id as a string. Raises InputError."""
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object, got {type(record).__name__}")
    for name in ("id", "text", "actors", "relations"):
        if name not in record:
            raise InputError(f"{where}: missing field {name!r}")
    doc_id = record["id"]
    if isinstance(doc_id, bool) or not isinstance(doc_id, str | int) or str(doc_id) == "":
        raise InputError(f"{where}: field 'id' must be a non-empty string, got {doc_id!r}")
    text = record["text"]
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where}: field 'text' must be a non-empty string")
    actors = record["actors"]
    if not isinstance(actors, list) or not all(isinstance(a, str) and a for a in actors):
        raise InputError(f"{where}: field 'actors' must be a list of actor ids (strings)")
    relations = record["relations"]
    if not isinstance(relations, list):
        raise InputError(f"{where}: field 'relations' must be a list")
    for i, relation in enumerate(relations):
        at = f"{where}: field 'relations[{i}]"
        if not isinstance(relation, dict):
            raise InputError(f"{at}': expected a JSON object")
        for name in (*RELATION_FIELDS, "evidence"):
            value = relation.get(name)
            if not isinstance(value, str) or not value.strip():
                problem = "missing" if name not in relation else "must be a non-empty string"
                raise InputError(f"{at}.{name}': {problem}")
        for name in GOLD_SUBSETS:
            if name in relation and not isinstance(relation[name], bool):
                raise InputError(f"{at}.{name}': must be true or false, "
                                 f"got {relation[name]!r}")
        if not evidence_spans(text, relation["evidence"]):
            snippet = " ".join(relation["evidence"].split())
            if len(snippet) > 60:
                snippet = snippet[:59] + "…"
            raise InputError(f"{at}.evidence': not found in the document text "
                             f"(it must be a verbatim substring): {snippet!r}")
    return str(doc_id)


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
