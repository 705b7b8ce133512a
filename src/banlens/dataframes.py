"""What banlens found, as pandas DataFrames: one row per relation, actor or mention.

:func:`to_dataframe` takes processed spaCy Docs or their records (the JSONL
contract, :func:`banlens.doc_to_record`; e.g. the lines of ``banlens extract -o
out.jsonl``), one or many, and returns a table with fixed columns, in this order:

``what="relations"`` (one row per relation instance, negated ones included)
    ``doc_id``, ``date``, ``subject``, ``subject_name``, ``label``, ``object``,
    ``object_name``, ``plover``, ``quad``, ``flags``, ``negated``, ``hypothetical``,
    ``coref``, ``confidence``, ``trigger``, ``method``, ``evidence``, ``start``, ``end``

``what="actors"`` (one row per actor and document)
    ``doc_id``, ``date``, ``actor``, ``name``, ``type``, ``mentions``, ``relations``

``what="mentions"`` (one row per mention, in text order)
    ``doc_id``, ``date``, ``actor``, ``name``, ``type``, ``text``, ``kind``,
    ``start``, ``end``

``date`` is the document date as an ISO string (``None`` when the document has
none; ``pandas.to_datetime(df["date"])`` makes it a date column). ``flags`` joins the
true ones of ``negated``, ``hypothetical`` and ``coref`` with ", " ("" for a plain
assertion). ``subject_name``/``object_name``/``name`` are the display names from the
actor dictionary. ``plover`` and ``quad`` come from the relation lexicon (the bundled
one unless ``lexicon`` is given). ``start``/``end`` are character offsets: of the
evidence sentence for a relation, of the mention for a mention. ``mentions`` counts
how often the actor is named in the document; ``relations`` in how many of the
document's relations it takes part.

pandas is an optional dependency: ``pip install 'banlens[pandas]'``.
"""

from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc

from .errors import InputError
from .records import check_record

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["COLUMNS", "to_dataframe"]

#: The columns of each table, in order.
COLUMNS: dict[str, tuple[str, ...]] = {
    "relations": ("doc_id", "date", "subject", "subject_name", "label", "object",
                  "object_name", "plover", "quad", "flags", "negated", "hypothetical",
                  "coref", "confidence", "trigger", "method", "evidence", "start", "end"),
    "actors": ("doc_id", "date", "actor", "name", "type", "mentions", "relations"),
    "mentions": ("doc_id", "date", "actor", "name", "type", "text", "kind", "start", "end"),
}
_DTYPES = {
    "negated": "bool", "hypothetical": "bool", "coref": "bool", "confidence": "float64",
    "start": "Int64", "end": "Int64", "mentions": "int64", "relations": "int64",
}
_FLAGS = ("negated", "hypothetical", "coref")


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise ImportError(
            "banlens.to_dataframe needs pandas, which is not installed: "
            "pip install 'banlens[pandas]' (or pip install pandas)"
        ) from None
    return pandas


def _records(docs: Any) -> Iterable[Mapping[str, Any]]:
    if isinstance(docs, Doc | Mapping):
        docs = [docs]
    for doc in docs:
        if isinstance(doc, Doc):
            from .graph import graph_record  # the record plus the trigger's PLOVER type

            yield graph_record(doc, sentences=False)
        elif isinstance(doc, Mapping):
            yield doc
        else:
            raise InputError(f"expected processed spaCy Docs or document records (dicts), "
                             f"got {type(doc).__name__}")


def _offset(value: Any) -> int | None:
    """A character offset, or None where the record has none."""
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 \
        else None


def _rows(record: Mapping[str, Any], what: str, info: Mapping[str, tuple[str, str, bool]]
          ) -> list[dict[str, Any]]:
    checked = check_record(record)  # names the document and field of a bad record
    doc_id, day = checked.id, checked.date
    names = {a.id: a.name or a.id for a in checked.actors}
    types = {a.id: a.type for a in checked.actors}
    if what == "mentions":
        return [{"doc_id": doc_id, "date": day, "actor": a.id, "name": names[a.id],
                 "type": a.type, "text": raw.get("text", ""), "kind": raw.get("kind", ""),
                 "start": _offset(raw.get("start")), "end": _offset(raw.get("end"))}
                for a, raw in zip(checked.actors, record["actors"], strict=True)]
    relations = checked.relations
    if what == "actors":
        mentions = Counter(a.id for a in checked.actors)
        taking_part = Counter(actor for rel in relations
                              for actor in {rel["subject"], rel["object"]})
        ids = list(dict.fromkeys([*mentions, *taking_part]))
        return [{"doc_id": doc_id, "date": day, "actor": actor,
                 "name": names.get(actor, actor), "type": types.get(actor, ""),
                 "mentions": mentions.get(actor, 0), "relations": taking_part.get(actor, 0)}
                for actor in ids]
    rows = []
    for rel in relations:
        plover, quad, _ = info.get(rel["label"], ("", "", False))
        rows.append({
            "doc_id": doc_id, "date": day,
            "subject": rel["subject"], "subject_name": names.get(rel["subject"], rel["subject"]),
            "label": rel["label"],
            "object": rel["object"], "object_name": names.get(rel["object"], rel["object"]),
            "plover": rel["plover"] or plover, "quad": rel["quad"] or quad,
            "flags": ", ".join(f for f in _FLAGS if rel.get(f)),
            "negated": bool(rel["negated"]), "hypothetical": bool(rel["hypothetical"]),
            "coref": bool(rel["coref"]), "confidence": rel["confidence"],
            "trigger": rel["trigger"], "method": rel["method"],
            "evidence": rel["evidence"], "start": _offset(rel["start"]),
            "end": _offset(rel["end"]),
        })
    return rows


def to_dataframe(
    docs_or_records: Any,
    what: str = "relations",
    *,
    lexicon: Any = None,
    on_error: str = "raise",
) -> pd.DataFrame:
    """A pandas DataFrame of the relations, actors or mentions in ``docs_or_records``.

    Parameters
    ----------
    docs_or_records : Doc, dict or iterable of them
        Processed Docs or records (``banlens extract`` JSONL lines); a generator is
        fine.
    what : {"relations", "actors", "mentions"}
        Which table; the columns are listed in the module text (and in ``COLUMNS``).
    lexicon : RelationLexicon or None
        For the PLOVER type and quad class of each label (default: the bundled one).
    on_error : {"raise", "skip"}
        A record that is not a banlens record raises :class:`banlens.InputError`
        naming the document and field, or is left out with a warning.

    Returns
    -------
    pandas.DataFrame
        One row per relation, actor or mention.

    Examples
    --------
    >>> import banlens
    >>> nlp = banlens.load()
    >>> df = banlens.to_dataframe(nlp("Walmart unterstützt Oracle."))
    >>> df[["subject", "label", "object"]].values.tolist()
    [['walmart', 'supports', 'oracle']]
    """
    if what not in COLUMNS:
        raise ValueError(f"what must be one of {', '.join(COLUMNS)}, not {what!r}")
    if on_error not in ("raise", "skip"):
        raise ValueError(f"on_error must be 'raise' or 'skip', not {on_error!r}")
    pd = _pandas()
    from .graph import _label_info

    info = _label_info(lexicon)
    rows: list[dict[str, Any]] = []
    for record in _records(docs_or_records):
        try:
            rows += _rows(record, what, info)
        except (InputError, KeyError, TypeError) as err:
            problem = err if isinstance(err, InputError) else InputError(
                f"document {record.get('id')!r}: not a banlens record ({err!r})")
            if on_error == "raise":
                raise problem from None
            warnings.warn(f"skipped: {problem}", stacklevel=2)
    columns = COLUMNS[what]
    frame = pd.DataFrame.from_records(rows, columns=list(columns))
    return frame.astype({name: kind for name, kind in _DTYPES.items() if name in columns})
