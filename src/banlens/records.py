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
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from . import annotations  # noqa: F401  (registers the extensions)

RELATION_FIELDS = (
    "subject", "label", "object", "negated", "hypothetical",
    "evidence", "start", "end", "trigger", "method", "confidence", "coref",
)


def doc_to_record(doc: Doc, doc_id: str | None = None, **meta: Any) -> dict[str, Any]:
    """Return the JSON-safe record of a processed Doc.

    ``doc_id`` defaults to ``doc._.doc_id``; extra keyword arguments (``date``,
    ``title``, ``url``) are copied into the record when not None.
    """
    record: dict[str, Any] = {"id": doc_id if doc_id is not None else doc._.doc_id}
    if doc._.date is not None:
        record["date"] = doc._.date
    for key, value in meta.items():
        if value is not None:
            record[key] = value
    record["actors"] = [
        {
            "id": span.kb_id_,
            "name": span._.actor["name"],
            "type": span._.actor["type"],
            "text": span.text,
            "start": span.start_char,
            "end": span.end_char,
            "kind": span.id_,
        }
        for span in doc._.actors
    ]
    record["relations"] = [
        {name: getattr(rel, name) for name in RELATION_FIELDS} for rel in doc._.relations
    ]
    return record
