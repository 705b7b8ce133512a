"""Reading a corpus: text files, folders, JSONL, CSV and stdin as a stream of documents.

A corpus is whatever researchers bring: a folder of ``.txt`` articles, a JSONL
dump, a spreadsheet exported as CSV. :func:`iter_documents` turns any mix of them
into :class:`Document` objects, one at a time, so a corpus of any size streams
through the pipeline without being held in memory.

Real corpora carry bad files. Nothing here raises for bad input: every problem
(an unreadable or binary file, invalid UTF-8, a malformed JSONL line, a row
without text, a bad date, an empty document) becomes a :class:`Problem` naming
the file and line, is handed to the ``on_problem`` callback, and the reader
carries on with the rest. Invalid UTF-8 is decoded with replacement characters
and the document is kept; a bad date is dropped and the document kept; everything
else skips the document (or the file, when the whole file cannot be read).

>>> problems = []
>>> docs = list(iter_documents(["articles/", "dump.jsonl"], on_problem=problems.append))

:func:`iter_records` runs a pipeline over such a stream and yields one record per
document (the JSONL contract of :mod:`banlens.records`), in one process or a pool.
"""

from __future__ import annotations

import contextlib
import csv
import json
import multiprocessing
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

STDIN = "-"
TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
CSV_SUFFIXES = (".csv", ".tsv")
FIELDS = ("id", "text", "date", "title", "url")
# Delimiters tried when sniffing a CSV header, most common first.
CSV_DELIMITERS = ",;\t|"
_SNIFF_BYTES = 64 * 1024


@dataclass(frozen=True, slots=True)
class Document:
    """One input document.

    ``source`` is the file it came from (``"-"`` for stdin) and ``line`` the line
    it starts on (JSONL and CSV; ``None`` for text files). ``date`` is normalised
    to ``YYYY-MM-DD``.
    """

    id: str
    text: str
    date: str | None = None
    title: str | None = None
    url: str | None = None
    source: str = ""
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with the input, where to find it, and what became of it.

    ``skipped`` is True when a document (or a whole file) was left out because
    of the problem, False when the document was kept (replacement characters for
    invalid UTF-8, a dropped date, a duplicate id).
    """

    file: str
    line: int | None
    message: str
    skipped: bool = True

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.message}"


ProblemCallback = Callable[[Problem], None]


def iter_documents(
    inputs: Iterable[str | Path],
    on_problem: ProblemCallback | None = None,
    *,
    stdin: BinaryIO | None = None,
) -> Iterator[Document]:
    """Yield the documents of all ``inputs`` in order.

    Each input is a ``.txt`` file (id = file name), a folder (all ``*.txt`` below
    it, sorted; id = path relative to the folder), a ``.jsonl`` file, a ``.csv``
    file with a header row, or ``"-"`` for JSONL on standard input (``stdin``
    replaces ``sys.stdin.buffer``, for tests). Problems go to ``on_problem``; the
    documents affected are skipped and reading goes on. Ids are unique: a repeated
    id becomes ``<id>~2``, ``<id>~3``, ... (reported).
    """
    report = on_problem or (lambda problem: None)
    seen: set[str] = set()
    for item in inputs:
        for document in _iter_input(item, report, stdin):
            if document.id in seen:
                document = _renamed(document, seen, report)
            seen.add(document.id)
            yield document


def _renamed(document: Document, seen: set[str], report: ProblemCallback) -> Document:
    """Give a document with an id seen before a fresh id ``<id>~<n>`` (and report it).

    Ids must be unique (graph edges are named after them); renaming keeps the
    document rather than losing it.
    """
    number = 2
    while f"{document.id}~{number}" in seen:
        number += 1
    new_id = f"{document.id}~{number}"
    report(Problem(document.source, document.line, f"duplicate document id {document.id!r}; "
                   f"kept as {new_id!r}", skipped=False))
    return replace(document, id=new_id)


def count_documents(inputs: Iterable[str | Path]) -> int | None:
    """Return how many documents ``inputs`` hold at most, or None if unknown.

    Cheap upper bound for progress display: text files count one each, JSONL
    files their non-blank lines, CSV files their rows. Standard input is unknown.
    """
    total = 0
    for item in inputs:
        name = str(item)
        if name == STDIN:
            return None
        path = Path(item)
        try:
            if path.is_dir():
                total += sum(1 for _ in _text_files(path))
            elif path.suffix.lower() in JSONL_SUFFIXES:
                with path.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            elif path.suffix.lower() in CSV_SUFFIXES:
                _allow_long_fields()
                with path.open("rb") as handle:
                    lines = _decoded_lines(handle, name, lambda problem: None)
                    total += max(sum(1 for _ in csv.reader(lines, _sniff_dialect(path))) - 1, 0)
            else:
                total += 1
        except (OSError, csv.Error):
            total += 1
    return total


# --- dispatch -----------------------------------------------------------------


def _iter_input(item: str | Path, report: ProblemCallback,
                stdin: BinaryIO | None) -> Iterator[Document]:
    name = str(item)
    if name == STDIN:
        stream = stdin if stdin is not None else sys.stdin.buffer
        yield from _read_jsonl_stream(stream, STDIN, report)
        return
    path = Path(item)
    if path.is_dir():
        files = list(_text_files(path))
        if not files:
            report(Problem(name, None, "folder holds no .txt files"))
        for file in files:
            doc_id = file.relative_to(path).as_posix()
            yield from _read_text_file(file, doc_id, report)
        return
    if not path.exists():
        report(Problem(name, None, "no such file or folder"))
        return
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        yield from _read_text_file(path, path.name, report)
    elif suffix in JSONL_SUFFIXES:
        yield from _read_jsonl_file(path, report)
    elif suffix in CSV_SUFFIXES:
        yield from _read_csv_file(path, report)
    else:
        report(Problem(name, None, f"unsupported input type {suffix or '(no suffix)'!r}; "
                       "expected a .txt, .jsonl or .csv file, a folder, or - for stdin"))


def _text_files(folder: Path) -> Iterator[Path]:
    return iter(sorted(p for p in folder.rglob("*.txt") if p.is_file()))


# --- decoding -----------------------------------------------------------------


def _decode(data: bytes, file: str, line: int | None, report: ProblemCallback) -> str:
    """Decode UTF-8; on invalid bytes, decode with replacement and report it."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        text = data.decode("utf-8", errors="replace")
        bad = len(text) - len(data.decode("utf-8", errors="ignore"))
        report(Problem(file, line, f"invalid UTF-8 ({bad} bad byte sequence(s), first at byte "
                       f"{err.start}); decoded with replacement characters", skipped=False))
        return text


def _decoded_lines(handle: BinaryIO, file: str, report: ProblemCallback) -> Iterator[str]:
    """Physical lines of a binary stream as text (line endings kept, BOM removed)."""
    for number, raw in enumerate(handle, start=1):
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        yield _decode(raw, file, number, report)


# --- text files ---------------------------------------------------------------


def _read_text_file(path: Path, doc_id: str, report: ProblemCallback) -> Iterator[Document]:
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        report(Problem(name, None, f"cannot read file ({err.strerror or err})"))
        return
    if b"\x00" in data:
        report(Problem(name, None, "binary file (contains NUL bytes), not text"))
        return
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    text = _decode(data, name, None, report)
    if not text.strip():
        report(Problem(name, None, "empty document"))
        return
    yield Document(id=doc_id, text=text, source=name)


# --- JSONL ----------------------------------------------------------------------


def _read_jsonl_file(path: Path, report: ProblemCallback) -> Iterator[Document]:
    name = str(path)
    try:
        handle = path.open("rb")
    except OSError as err:
        report(Problem(name, None, f"cannot read file ({err.strerror or err})"))
        return
    with handle:
        yield from _read_jsonl_stream(handle, name, report)


def _read_jsonl_stream(handle: BinaryIO, name: str,
                       report: ProblemCallback) -> Iterator[Document]:
    try:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            if b"\x00" in raw:
                report(Problem(name, number, "binary data (NUL bytes) instead of a JSON object"))
                continue
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            line = _decode(raw, name, number, report)
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                report(Problem(name, number, f"not valid JSON ({err.msg} at column {err.colno})"))
                continue
            if not isinstance(obj, dict):
                report(Problem(name, number,
                               f"expected a JSON object, got {type(obj).__name__}"))
                continue
            document = _make_document(obj, name, number, f"{Path(name).stem}:{number}", report)
            if document is not None:
                yield document
    except OSError as err:
        report(Problem(name, None, f"read error ({err.strerror or err}); rest of file skipped"))


# --- CSV ------------------------------------------------------------------------


def _read_csv_file(path: Path, report: ProblemCallback) -> Iterator[Document]:
    name = str(path)
    try:
        dialect = _sniff_dialect(path)
        handle = path.open("rb")
    except OSError as err:
        report(Problem(name, None, f"cannot read file ({err.strerror or err})"))
        return
    _allow_long_fields()
    with handle:
        reader = csv.reader(_decoded_lines(handle, name, report), dialect)
        try:
            header = next(reader)
        except StopIteration:
            report(Problem(name, None, "empty CSV file (no header row)"))
            return
        except csv.Error as err:
            report(Problem(name, 1, f"malformed CSV header ({err})"))
            return
        columns = [column.strip().lower() for column in header]
        if "text" not in columns:
            report(Problem(name, 1, "CSV header has no 'text' column "
                           f"(found: {', '.join(header) or 'nothing'}); file skipped"))
            return
        index = {field: columns.index(field) for field in FIELDS if field in columns}
        yield from _csv_rows(reader, index, name, report)


def _csv_rows(reader: Any, index: dict[str, int], name: str,
              report: ProblemCallback) -> Iterator[Document]:
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            report(Problem(name, start, f"malformed CSV row ({err})"))
            start = reader.line_num + 1
            continue
        if not row or not any(cell.strip() for cell in row):
            start = reader.line_num + 1
            continue
        values = {field: row[i] if i < len(row) else None for field, i in index.items()}
        fallback = f"{Path(name).stem}:{start}"
        document = _make_document(values, name, start, fallback, report)
        if document is not None:
            yield document
        start = reader.line_num + 1


def _sniff_dialect(path: Path) -> type[csv.Dialect] | csv.Dialect:
    """The CSV dialect of ``path``: ``.tsv`` is tab-separated; otherwise sniffed.

    csv.Sniffer is tried first and accepted only if it splits the header into a
    row with a ``text`` column; otherwise the delimiter that does so in the first
    line wins, and plain comma-separated CSV is the last resort.
    """
    if path.suffix.lower() == ".tsv":
        return csv.excel_tab
    with path.open("rb") as handle:
        sample = handle.read(_SNIFF_BYTES).decode("utf-8", errors="replace").lstrip("\ufeff")
    first_line = sample.splitlines()[0] if sample else ""
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=CSV_DELIMITERS)
        if _header_columns(first_line, dialect.delimiter, dialect.quotechar) >= {"text"}:
            return dialect
    except csv.Error:
        pass
    for delimiter in CSV_DELIMITERS:
        if "text" in _header_columns(first_line, delimiter, '"'):
            return _dialect(delimiter)
    return csv.excel


def _header_columns(line: str, delimiter: str, quotechar: str | None) -> set[str]:
    row = next(csv.reader([line], delimiter=delimiter, quotechar=quotechar or '"'), [])
    return {cell.strip().lower() for cell in row}


def _dialect(delimiter: str) -> type[csv.Dialect]:
    return type("SniffedDialect", (csv.excel,), {"delimiter": delimiter})


def _allow_long_fields() -> None:
    """Raise the csv module's 128 kB field limit: whole articles are fields."""
    limit = sys.maxsize
    while True:
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:
            limit //= 2


# --- fields ---------------------------------------------------------------------


def _make_document(obj: dict[str, Any], name: str, line: int, fallback_id: str,
                   report: ProblemCallback) -> Document | None:
    """Validate one JSON object / CSV row; report and return None if unusable."""
    text = obj.get("text")
    if text is None:
        report(Problem(name, line, "no 'text' field"))
        return None
    if not isinstance(text, str):
        report(Problem(name, line, f"field 'text' must be a string, got {type(text).__name__}"))
        return None
    if not text.strip():
        report(Problem(name, line, "empty document (field 'text' is blank)"))
        return None
    doc_id = obj.get("id")
    if doc_id is None or (isinstance(doc_id, str) and not doc_id.strip()):
        doc_id = fallback_id
    elif isinstance(doc_id, bool) or not isinstance(doc_id, str | int | float):
        report(Problem(name, line, f"field 'id' must be a string or number, got "
                       f"{type(doc_id).__name__}"))
        return None
    optional = {}
    for field in ("title", "url"):
        value = obj.get(field)
        if value is None or value == "":
            optional[field] = None
        elif isinstance(value, str):
            optional[field] = value
        else:
            report(Problem(name, line, f"field {field!r} must be a string, got "
                           f"{type(value).__name__}; field ignored", skipped=False))
            optional[field] = None
    return Document(id=str(doc_id).strip(), text=text, date=_parse_date(obj.get("date"), name,
                    line, report), source=name, line=line, **optional)


def _parse_date(value: Any, name: str, line: int, report: ProblemCallback) -> str | None:
    """An ISO-8601 date or date-time as ``YYYY-MM-DD``; anything else is reported."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        text = value.strip()
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            pass
        try:
            return datetime.fromisoformat(text).date().isoformat()
        except ValueError:
            pass
    report(Problem(name, line, f"field 'date': {value!r} is not an ISO-8601 date "
                   "(YYYY-MM-DD); date ignored, document kept", skipped=False))
    return None



# --- processing -------------------------------------------------------------------
#
# One process: documents stream through ``nlp.pipe`` and each Doc becomes a record
# at once. Several processes: each worker runs ``nlp.pipe`` over a batch of
# documents and sends back records, not Docs. spaCy's own ``n_process`` returns
# every Doc through ``Doc.to_bytes``, which costs several times the processing
# itself (srsly's msgpack looks its extensions up in the package metadata on every
# call), so the pool here ships texts out and small dicts back.

_worker_nlp: Any = None
_worker_runner: Any = None


def iter_records(
    nlp: Any,
    documents: Iterable[Document],
    *,
    batch_size: int = 64,
    n_process: int = 1,
    on_problem: ProblemCallback | None = None,
    prefilter: bool | str = True,
) -> Iterator[dict[str, Any]]:
    """Run ``nlp`` over ``documents`` and yield one record per document, in input order.

    A record is :func:`banlens.records.doc_to_record` of the processed Doc (the
    JSONL contract), with the document's id, date, title and url. Docs are not
    kept, so memory stays flat however many documents stream through. Texts longer
    than ``nlp.max_length`` are split and joined (:func:`banlens.pipeline.pipe`).

    ``prefilter`` (default True): tokenize only the passages of a text that can hold
    an actor, and no text that names none (:mod:`banlens.passages`); the records are
    the same as without. ``"documents"`` skips the texts that name no actor and runs
    the whole pipeline on the others; False runs it on every text.

    ``n_process > 1`` runs a pool of worker processes, each processing batches of
    ``batch_size`` documents; at most ``2 * n_process`` batches are in flight. A
    document the pipeline fails on is reported to ``on_problem`` and skipped; the
    rest goes on (the pipeline's spaCy error handler is swapped for the run).
    """
    report = on_problem or (lambda problem: None)
    if prefilter not in (True, False, "passages", "documents"):
        raise ValueError(f"prefilter must be True, False or 'documents', not {prefilter!r}")
    runner = _runner(nlp, prefilter != "documents") if prefilter else None
    if n_process <= 1:
        yield from _records_here(nlp, runner, documents, batch_size, report)
    else:
        yield from _records_in_pool(nlp, runner, documents, batch_size, n_process, report)


def _runner(nlp: Any, passages: bool = True) -> Any:
    from .passages import PassageRunner

    return PassageRunner.for_pipeline(nlp, passages=passages)


class _Pending:
    """What is remembered of a document while the pipeline works on it (not its text)."""

    __slots__ = ("number", "id", "source", "line")

    def __init__(self, number: int, document: Document):
        self.number = number
        self.id = document.id
        self.source = document.source
        self.line = document.line

    def lost(self) -> Problem:
        return Problem(self.source, self.line, f"document {self.id!r}: the pipeline failed on "
                       "it (see the message above)")


def _context(number: int, document: Document) -> tuple[Any, ...]:
    return (number, document.id, document.date, document.title, document.url)


def _process(nlp: Any, runner: Any, items: Iterable[tuple[str, tuple[Any, ...]]],
             batch_size: int) -> Iterator[tuple[int, dict[str, Any]]]:
    """(number, record) for each document the pipeline does not fail on, in order.

    With a :class:`~banlens.passages.PassageRunner`, the runner makes the records it
    can vouch for and the pipeline the others, a batch at a time.
    """
    if runner is None:
        yield from _pipeline_records(nlp, items, batch_size)
        return
    for batch in _batches(items, batch_size):
        made: dict[int, dict[str, Any]] = {}
        rest = []
        for text, context in batch:
            number, doc_id, doc_date, title, url = context
            record = runner.record(text, doc_id, doc_date, title=title, url=url)
            if record is None:
                rest.append((text, context))
            else:
                made[number] = record
        if rest:
            made.update(_pipeline_records(nlp, rest, batch_size))
        for _, (number, *_) in batch:
            if number in made:
                yield number, made.pop(number)


def _pipeline_records(nlp: Any, items: Iterable[tuple[str, tuple[Any, ...]]],
                      batch_size: int) -> Iterator[tuple[int, dict[str, Any]]]:
    """(number, record) for each document the whole pipeline does not fail on."""
    from .pipeline import pipe
    from .records import doc_to_record

    previous = nlp.default_error_handler
    _set_error_handler(nlp, _skip_failed_doc)
    try:
        for doc, (number, doc_id, doc_date, title, url) in pipe(nlp, items,
                                                                batch_size=batch_size):
            doc._.doc_id = doc_id
            doc._.date = doc_date
            yield number, doc_to_record(doc, title=title, url=url)
    finally:
        _set_error_handler(nlp, previous)


def _set_error_handler(nlp: Any, handler: Any) -> None:
    """``nlp.set_error_handler(handler)`` for the components that take one.

    spaCy's parser and NER cannot store an error handler (``set_error_handler`` raises
    AttributeError on them in spaCy 3.8), so a German model would stop the run here; a
    failure inside one of them still stops it.
    """
    nlp.default_error_handler = handler
    for _, proc in nlp.pipeline:
        if hasattr(proc, "set_error_handler"):
            with contextlib.suppress(AttributeError):
                proc.set_error_handler(handler)


def _skip_failed_doc(name: str | None, proc: Any, docs: Any, error: Exception) -> None:
    """spaCy error handler: log the failure and drop the document instead of aborting."""
    import logging

    logging.getLogger("banlens").warning(
        "banlens: pipeline component %r failed on a document: %s: %s",
        name, type(error).__name__, error)


def _records_here(nlp: Any, runner: Any, documents: Iterable[Document], batch_size: int,
                  report: ProblemCallback) -> Iterator[dict[str, Any]]:
    pending: deque[_Pending] = deque()

    def items() -> Iterator[tuple[str, tuple[Any, ...]]]:
        for number, document in enumerate(documents):
            pending.append(_Pending(number, document))
            yield document.text, _context(number, document)

    for number, record in _process(nlp, runner, items(), batch_size):
        while pending[0].number < number:
            report(pending.popleft().lost())
        pending.popleft()
        yield record
    while pending:
        report(pending.popleft().lost())


def _records_in_pool(nlp: Any, runner: Any, documents: Iterable[Document], batch_size: int,
                     n_process: int, report: ProblemCallback) -> Iterator[dict[str, Any]]:
    global _worker_nlp, _worker_runner
    methods = multiprocessing.get_all_start_methods()
    fork = "fork" in methods and sys.platform != "darwin"
    context = multiprocessing.get_context("fork" if fork else "spawn")
    # inherited by forked workers; sent once to spawned ones
    _worker_nlp, _worker_runner = nlp, runner
    in_flight: deque[tuple[list[_Pending], Any, dict[int, dict[str, Any]]]] = deque()
    batches = _batches(enumerate(documents), batch_size)
    try:
        with context.Pool(n_process, initializer=_init_worker,
                          initargs=(None if fork else nlp, _runner_mode(runner))) as pool:
            for batch in batches:
                # a text that names no actor gets its record here: no trip to a worker
                made: dict[int, dict[str, Any]] = {}
                items = []
                for number, document in batch:
                    record = None if runner is None else runner.empty(
                        document.text, document.id, document.date,
                        title=document.title, url=document.url)
                    if record is None:
                        items.append((document.text, _context(number, document)))
                    else:
                        made[number] = record
                job = pool.apply_async(_work, (items, batch_size)) if items else None
                in_flight.append(([_Pending(n, d) for n, d in batch], job, made))
                if len(in_flight) >= 2 * n_process:
                    yield from _collect(*in_flight.popleft(), report)
            while in_flight:
                yield from _collect(*in_flight.popleft(), report)
    finally:
        _worker_nlp = _worker_runner = None


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _collect(pending: list[_Pending], job: Any, made: dict[int, dict[str, Any]],
             report: ProblemCallback) -> Iterator[dict[str, Any]]:
    done = dict(job.get()) if job is not None else {}
    done.update(made)
    for stub in pending:
        record = done.get(stub.number)
        if record is None:
            report(stub.lost())
        else:
            yield record


def _runner_mode(runner: Any) -> bool | str:
    if runner is None:
        return False
    return True if runner.passages else "documents"


def _init_worker(nlp: Any, prefilter: bool | str) -> None:
    global _worker_nlp, _worker_runner
    if nlp is not None:  # a spawned worker builds its own runner
        _worker_nlp = nlp
        _worker_runner = _runner(nlp, prefilter != "documents") if prefilter else None


def _work(items: list[tuple[str, tuple[Any, ...]]],
          batch_size: int) -> list[tuple[int, dict[str, Any]]]:
    return list(_process(_worker_nlp, _worker_runner, items, batch_size))


__all__ = ["Document", "Problem", "count_documents", "iter_documents", "iter_records"]
