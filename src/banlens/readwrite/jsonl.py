"""Document records as JSON Lines: one record per line (the contract of docs/jsonl.md).

The file is written atomically (temporary file, then rename), so a failed or cancelled
run never leaves a half-written file or destroys the previous one.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from typing import IO, Any

from .output import text_output


class _Empty(Exception):
    """Raised inside the atomic block to leave the target untouched."""


def json_line(record: dict[str, Any]) -> str:
    """One record as a compact JSON line (UTF-8 text, not ``\\u`` escapes)."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


def write_jsonl(
    records: Iterable[dict[str, Any]],
    target: str | os.PathLike[str] | IO[str],
    *,
    skip_empty: bool = False,
) -> int:
    """Write ``records`` as JSON lines, one document a line (the JSONL contract).

    Parameters
    ----------
    records : iterable of dict
        Records of :func:`banlens.doc_to_record`.
    target : str, PathLike or text file
        A path (written atomically) or an open text file.
    skip_empty : bool, default False
        Do not write a path at all when there is no record (a previous file stays).

    Returns
    -------
    int
        The number of records written.

    Examples
    --------
    >>> import banlens
    >>> nlp = banlens.load()
    >>> records = [banlens.doc_to_record(doc, doc_id=f"d{i}") for i, doc in
    ...            enumerate(nlp.pipe(["Walmart unterstützt Oracle.", "Es regnet."]))]
    >>> banlens.write_jsonl(records, "records.jsonl")
    2
    """
    return write_json_lines((json_line(record) for record in records), target,
                            skip_empty=skip_empty)


def write_json_lines(
    lines: Iterable[str],
    target: str | os.PathLike[str] | IO[str],
    *,
    skip_empty: bool = False,
) -> int:
    """Write lines made by :func:`json_line` (elsewhere, say on the workers of a
    cluster) as :func:`write_jsonl` writes records; return the number of lines."""
    if hasattr(target, "write"):
        count = 0
        for line in lines:
            target.write(line)  # type: ignore[union-attr]
            count += 1
        return count
    count = 0
    try:
        with text_output(target, newline="\n") as handle:  # type: ignore[arg-type]
            for line in lines:
                handle.write(line)
                count += 1
            if skip_empty and not count:
                raise _Empty
    except _Empty:
        return 0
    return count
