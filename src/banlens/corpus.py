"""Reading a corpus: text files, folders, JSONL, CSV and stdin as a stream of documents.

A corpus is whatever researchers bring: a folder of ``.txt`` articles, a JSONL
dump, a spreadsheet exported as CSV. :func:`iter_documents` turns any mix of them
into :class:`Document` objects, one at a time, so a corpus of any size streams
through the pipeline without being held in memory.

Real corpora carry bad files. Nothing here raises for bad input: every problem
(an unreadable or binary file, invalid UTF-8, a malformed JSONL line, a row
without text, a bad date, an empty document, a CSV file that cannot be split
safely) becomes a :class:`Problem` naming the file and line, is handed to the
``on_problem`` callback, and the reader carries on with the rest. Invalid UTF-8
(and lone surrogates in JSON) are replaced with U+FFFD and the document is kept;
a bad date is dropped and the document kept; everything else skips the document
(or the file, when the whole file cannot be read). Files are UTF-8; a file that
starts with a UTF-16 or UTF-32 byte-order mark is read in that encoding.

>>> problems = []
>>> docs = list(iter_documents(["articles/", "dump.jsonl"], on_problem=problems.append))

:func:`iter_records` runs a pipeline over such a stream and yields one record per
document (the JSONL contract of :mod:`banlens.records`), in one process or a pool.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import json
import multiprocessing
import re
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from .csvformat import CsvLayout, CsvOptions, CsvRefusal, allow_long_fields, csv_layout

STDIN = "-"
TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
CSV_SUFFIXES = (".csv", ".tsv")
FIELDS = ("id", "text", "date", "title", "url")
_HEAD_BYTES = 8192
# checked longest first: a UTF-32-LE mark begins with the UTF-16-LE one
_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
              (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_SURROGATES = re.compile("[\ud800-\udfff]")
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


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
        return _printable(f"{where}: {self.message}")


def _printable(text: str) -> str:
    """``text`` on one line: control characters (a file name may hold any) are escaped."""
    return _UNPRINTABLE.sub(lambda match: repr(match.group())[1:-1], text)


ProblemCallback = Callable[[Problem], None]


def iter_documents(
    inputs: Iterable[str | Path],
    on_problem: ProblemCallback | None = None,
    *,
    stdin: BinaryIO | None = None,
    csv_options: CsvOptions | None = None,
) -> Iterator[Document]:
    """Yield the documents of all ``inputs`` in order.

    Each input is a ``.txt`` file (id = file name), a folder (all ``*.txt`` below
    it, sorted; id = path relative to the folder), a ``.jsonl`` file, a ``.csv``
    file (read as ``csv_options`` say; what they leave open is found by checking
    the whole file, see :mod:`banlens.csvformat`), or ``"-"`` for JSONL on
    standard input (``stdin`` replaces ``sys.stdin.buffer``, for tests). Problems
    go to ``on_problem``; the documents affected are skipped and reading goes on.
    Ids are unique: a repeated id becomes ``<id>~2``, ``<id>~3``, ... (reported).
    """
    report = on_problem or (lambda problem: None)
    options = csv_options or CsvOptions()
    documents = (document for item in inputs
                 for document in _iter_input(item, report, stdin, options))
    yield from unique_ids(documents, report)


def unique_ids(documents: Iterable[Document], on_problem: ProblemCallback | None = None,
               seen: set[str] | None = None) -> Iterator[Document]:
    """Yield ``documents`` with unique ids: a repeated id becomes ``<id>~2``, ``<id>~3``, ...

    Each renaming is reported to ``on_problem`` (the document is kept). ``seen``
    holds the ids taken so far and is updated; pass one set to number several
    streams as one (the partitions of a corpus read apart, see
    :mod:`banlens.partitions`).
    """
    report = on_problem or (lambda problem: None)
    taken: set[str] = set() if seen is None else seen
    for document in documents:
        if document.id in taken:
            document = _renamed(document, taken, report)
        taken.add(document.id)
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


def count_documents(inputs: Iterable[str | Path],
                    csv_options: CsvOptions | None = None) -> int | None:
    """Return how many documents ``inputs`` hold at most, or None if unknown.

    Cheap upper bound for progress display: text files count one each, JSONL
    files their non-blank lines, CSV files their rows. Standard input is unknown.
    """
    options = csv_options or CsvOptions()
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
                total += _count_csv_rows(path, options)
            else:
                total += 1
        except (OSError, csv.Error):
            total += 1
    return total


# --- dispatch -----------------------------------------------------------------


def _iter_input(item: str | Path, report: ProblemCallback,
                stdin: BinaryIO | None, csv_options: CsvOptions) -> Iterator[Document]:
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
        yield from _read_csv_file(path, report, csv_options)
    else:
        report(Problem(name, None, f"unsupported input type {suffix or '(no suffix)'!r}; "
                       "expected a .txt, .jsonl or .csv file, a folder, or - for stdin"))


def _text_files(folder: Path) -> Iterator[Path]:
    # a link to nowhere is listed too: reading it reports the problem
    return iter(sorted(p for p in folder.rglob("*.txt") if p.is_file() or p.is_symlink()))


# --- decoding -----------------------------------------------------------------


def _decode(data: bytes, file: str, line: int | None, report: ProblemCallback,
            encoding: str = "utf-8") -> str:
    """Decode ``data``; on invalid bytes, decode with replacement and report it."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        text = data.decode(encoding, errors="replace")
        bad = len(text) - len(data.decode(encoding, errors="ignore"))
        hint = " (is the file Latin-1 or Windows-1252? convert it to UTF-8)" if (
            encoding == "utf-8") else ""
        name = "UTF-8" if encoding == "utf-8" else encoding.upper()
        report(Problem(file, line, f"invalid {name} ({bad} bad byte sequence(s), first at byte "
                       f"{err.start}); decoded with replacement characters{hint}",
                       skipped=False))
        return text


def _head(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(_HEAD_BYTES)


def _wide_encoding(head: bytes) -> str | None:
    """``utf-16``/``utf-32`` if ``head`` starts with that byte-order mark, else None."""
    for bom, encoding in _WIDE_BOMS:
        if head.startswith(bom):
            return encoding
    return None


_MAGIC = (
    (b"\x1f\x8b", "binary file (gzip-compressed), not text; decompress it first "
                  "(e.g. zcat FILE | banlens extract -)"),
    (b"BZh", "binary file (bzip2-compressed), not text; decompress it first"),
    (b"\xfd7zXZ\x00", "binary file (xz-compressed), not text; decompress it first"),
    (b"PK\x03\x04", "binary file (a zip archive, or .docx/.xlsx/.odt), not text; "
                    "export the texts first"),
    (b"%PDF-", "binary file (PDF), not text; export the texts first"),
    (b"\x89PNG", "binary file (PNG image), not text"),
    (b"\xff\xd8\xff", "binary file (JPEG image), not text"),
)
_BINARY = ("binary file (contains NUL bytes), not text (UTF-16 without a byte-order mark? "
           "convert it to UTF-8)")


def _not_text(head: bytes, whole_file: bool = True) -> str | None:
    """Why a file starting with ``head`` is not text (compressed, archive, image), or None.

    With ``whole_file`` (a .txt file: one document), a NUL byte also marks it binary;
    JSONL and CSV files are judged line by line instead (see :class:`_Opening`).
    """
    for magic, problem in _MAGIC:
        if head.startswith(magic):
            return problem
    if whole_file and b"\x00" in head:
        return _BINARY
    return None


class _Opening:
    """The problems of a file's first lines, held until one line proves the file's kind.

    A JSONL (or CSV) file with some bad lines is read and each bad line reported. A
    file none of whose first ``limit`` lines is a JSON object (a CSV row) is not of
    that kind at all, binary or another format: it is reported once, not line by line.
    """

    limit = 8

    def __init__(self, name: str, report: ProblemCallback, what: str, settled: bool = False):
        self.name = name
        self.what = what
        self.report = report
        self.held: list[Problem] = []
        self.bad_lines = 0
        self.settled = settled  # True: lines further into a file whose kind is known
        self.given_up = False

    def problem(self, problem: Problem) -> None:
        """Report ``problem`` now, or hold it while the file's kind is open."""
        if self.settled:
            self.report(problem)
        else:
            self.held.append(problem)

    def bad(self, problem: Problem) -> bool:
        """A line that is no JSON object (CSV row); True if the file should be given up."""
        self.problem(problem)
        if self.settled:
            return False
        self.bad_lines += 1
        if self.bad_lines < self.limit:
            return False
        first = next(p for p in self.held if p.skipped)
        self.held = []
        self.settled = self.given_up = True
        self.report(Problem(self.name, None, f"not {self.what}: none of its first {self.limit} "
                            f"lines is usable (line {first.line}: {first.message}); "
                            "file skipped"))
        return True

    def good(self) -> None:
        """A line of the right kind: report what was held, from now on report at once."""
        if not self.settled:
            self.settled = True
            for problem in self.held:
                self.report(problem)
            self.held = []

    def close(self) -> None:
        self.good()


def _wide_lines(path: Path, encoding: str, file: str,
                report: ProblemCallback) -> Iterator[str]:
    """Lines of a UTF-16/32 file (byte-order mark first), split at ``\\n`` only."""
    text = _decode(path.read_bytes(), file, None, report, encoding)
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end + 1
        yield text[start:end]
        start = end


def _decoded_lines(handle: Iterable[bytes], file: str, report: ProblemCallback,
                   first_line: int = 1) -> Iterator[str]:
    """Physical lines of a binary stream as text (line endings kept, BOM removed).

    ``first_line`` is the number of the stream's first line in its file (a stream
    can be a piece of a file), for the line numbers of problems.
    """
    for number, raw in enumerate(handle, start=first_line):
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
    encoding = _wide_encoding(data)
    if encoding is None:
        problem = _not_text(data[:_HEAD_BYTES]) or (
            _not_text(b"\x00") if b"\x00" in data else None)
        if problem:
            report(Problem(name, None, problem))
            return
        if data.startswith(codecs.BOM_UTF8):
            data = data[3:]
    text = _decode(data, name, None, report, encoding or "utf-8")
    if not text.strip():
        report(Problem(name, None, "empty document"))
        return
    yield Document(id=doc_id, text=text, source=name)


# --- JSONL ----------------------------------------------------------------------


def _read_jsonl_file(path: Path, report: ProblemCallback) -> Iterator[Document]:
    name = str(path)
    try:
        handle = path.open("rb")
        head = handle.read(_HEAD_BYTES)
        handle.seek(0)
    except OSError as err:
        report(Problem(name, None, f"cannot read file ({err.strerror or err})"))
        return
    with handle:
        encoding = _wide_encoding(head)
        if encoding is not None:
            lines = (line.encode("utf-8") for line in _wide_lines(path, encoding, name, report))
            yield from _read_jsonl_stream(lines, name, report)
            return
        problem = _not_text(head, whole_file=False)
        if problem:
            report(Problem(name, None, problem))
            return
        yield from _read_jsonl_stream(handle, name, report)


def _read_jsonl_stream(handle: Iterable[bytes], name: str, report: ProblemCallback,
                       first_line: int = 1, opening: _Opening | None = None
                       ) -> Iterator[Document]:
    """Documents of JSONL lines; ``first_line`` numbers the first of them in the file.

    ``opening`` judges the file's first lines (default: a new one, for a whole file).
    """
    opening = opening or _Opening(name, report, "a JSONL file")
    try:
        for number, raw in enumerate(handle, start=first_line):
            if not raw.strip():
                continue
            problem = None
            if b"\x00" in raw:
                problem = "binary data (NUL bytes) instead of a JSON object"
            else:
                if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
                line = _decode(raw, name, number, opening.problem)
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as err:
                    reason = err.msg.removesuffix(" at")  # "Invalid control character at"
                    problem = f"not valid JSON ({reason} at column {err.colno})"
                except RecursionError:
                    problem = "not valid JSON for banlens (nested too deeply)"
                else:
                    if not isinstance(obj, dict):
                        problem = f"expected a JSON object, got {type(obj).__name__}"
            if problem is not None:
                if opening.bad(Problem(name, number, problem)):
                    return
                continue
            opening.good()
            document = _make_document(obj, name, number, f"{Path(name).stem}:{number}", report)
            if document is not None:
                yield document
    except OSError as err:
        opening.close()
        report(Problem(name, None, f"read error ({err.strerror or err}); rest of file skipped"))
    opening.close()


# --- CSV ------------------------------------------------------------------------


def _ignore(problem: Problem) -> None:
    """Problems met while checking a file's layout are reported on the real read."""


def _csv_lines(path: Path, name: str, report: ProblemCallback) -> Iterator[str]:
    """The decoded physical lines of a CSV file (endings kept, byte-order mark removed)."""
    with path.open("rb") as handle:
        encoding = _wide_encoding(handle.read(4))
        if encoding is not None:
            yield from _wide_lines(path, encoding, name, report)
            return
        handle.seek(0)
        yield from _decoded_lines(handle, name, report)


def _layout(path: Path, name: str, options: CsvOptions) -> CsvLayout | CsvRefusal:
    """The file's CSV layout; binary files and files that cannot be split are refused."""
    head = _head(path)
    problem = None if _wide_encoding(head) else _not_text(head, whole_file=False)
    if problem:
        return CsvRefusal(None, problem)
    return csv_layout(path, options, lambda: _csv_lines(path, name, _ignore))


def _read_csv_file(path: Path, report: ProblemCallback,
                   options: CsvOptions) -> Iterator[Document]:
    name = str(path)
    try:
        layout = _layout(path, name, options)
    except OSError as err:
        report(Problem(name, None, f"cannot read file ({err.strerror or err})"))
        return
    if isinstance(layout, CsvRefusal):
        report(Problem(name, layout.line, layout.message))
        return
    try:
        yield from _csv_rows(layout, _csv_lines(path, name, report), name, report)
    except OSError as err:
        report(Problem(name, None, f"read error ({err.strerror or err}); rest of file skipped"))


def _csv_rows(layout: CsvLayout, lines: Iterator[str], name: str, report: ProblemCallback,
              first_line: int = 1, opening: _Opening | None = None) -> Iterator[Document]:
    """One document per data row; a row that cannot be read whole is reported and skipped.

    ``lines`` start at line ``first_line`` of the file (the header is looked for only
    at line 1); ``opening`` judges the file's first rows (default: a new one).
    """
    reader = layout.dialect.reader(lines)
    header_pending = layout.header is not None and first_line == 1
    what = "header" if layout.header is not None else "first row"
    stem = Path(name).stem
    opening = opening or _Opening(name, report, f"a CSV file with {layout.dialect.describe()}")
    start = first_line
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            if opening.bad(Problem(name, start, f"malformed CSV row ({err}); row skipped")):
                return
            start = reader.line_num + first_line
            continue
        line, start = start, reader.line_num + first_line
        if not any(cell.strip() for cell in row):
            continue
        if header_pending:
            header_pending = False
            continue
        if len(row) != layout.width:
            if opening.bad(Problem(name, line, f"row has {len(row)} field(s), the {what} has "
                                   f"{layout.width} (a delimiter in an unquoted text, or a "
                                   "missing field?); row skipped")):
                return
            continue
        opening.good()
        values = {field: row[index] for field, index in layout.columns.items()}
        document = _make_document(values, name, line, f"{stem}:{line}", report)
        if document is not None:
            yield document
    opening.close()


def _count_csv_rows(path: Path, options: CsvOptions) -> int:
    layout = _layout(path, str(path), options)
    if isinstance(layout, CsvRefusal):
        return 0
    if layout.rows is not None:
        return layout.rows
    allow_long_fields()
    rows = 0
    try:
        for row in layout.dialect.reader(_csv_lines(path, str(path), _ignore)):
            rows += any(cell.strip() for cell in row)
    except csv.Error:
        pass
    return max(rows - (layout.header is not None), 0)


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
    obj = {key: _without_surrogates(value, key, name, line, report) for key, value in obj.items()
           if key in FIELDS}
    text = obj["text"]
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


def _without_surrogates(value: Any, key: str, name: str, line: int,
                        report: ProblemCallback) -> Any:
    """A string with lone surrogates (JSON ``"\\ud800"``) replaced by U+FFFD (reported).

    Such a string cannot be written as UTF-8; one replacement character per
    surrogate keeps its length, so offsets into the text stay right.
    """
    if not isinstance(value, str) or not _SURROGATES.search(value):
        return value
    count = len(_SURROGATES.findall(value))
    report(Problem(name, line, f"field {key!r}: {count} lone surrogate(s) (\\ud800-\\udfff), "
                   "not text; replaced with U+FFFD, document kept", skipped=False))
    return _SURROGATES.sub("\ufffd", value)


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


# --- pieces of a corpus -----------------------------------------------------------
#
# The reading steps above, one piece at a time, for processes that read parts of a
# corpus apart (:mod:`banlens.partitions`): read one after another and passed through
# :func:`unique_ids`, the pieces give the documents and problems of
# :func:`iter_documents`.


def read_input(item: str | Path, on_problem: ProblemCallback, *,
               csv_options: CsvOptions | None = None) -> Iterator[Document]:
    """The documents of one input (file or folder) as read, ids not yet made unique."""
    return _iter_input(item, on_problem, None, csv_options or CsvOptions())


def text_files(folder: str | Path) -> list[tuple[Path, str]]:
    """The ``.txt`` files of a folder with their document ids, in reading order."""
    root = Path(folder)
    return [(file, file.relative_to(root).as_posix()) for file in _text_files(root)]


def read_text_file(path: str | Path, doc_id: str,
                   on_problem: ProblemCallback) -> Iterator[Document]:
    """The document of one ``.txt`` file (none if it is unreadable, binary or empty)."""
    return _read_text_file(Path(path), doc_id, on_problem)


def document_from_fields(fields: dict[str, Any], source: str, line: int, fallback_id: str,
                         on_problem: ProblemCallback) -> Document | None:
    """A document from the fields of a JSONL object, checked as in a JSONL file
    (None, reported, if it cannot be one); ``fallback_id`` serves when it has no id."""
    return _make_document(fields, source, line, fallback_id, on_problem)


def csv_file_layout(path: str | Path,
                    csv_options: CsvOptions | None = None) -> CsvLayout | CsvRefusal:
    """How the CSV file ``path`` is read (found once for the whole file), or why it is not.

    Raises OSError when the file cannot be read.
    """
    return _layout(Path(path), str(path), csv_options or CsvOptions())


@dataclass(frozen=True, slots=True)
class FileRange:
    """Bytes ``start`` to ``end`` of a JSONL or CSV file, to be read on their own.

    A range begins and ends at the end of a line (of a CSV row, which may span
    lines); ``first_line`` is the number of its first line in the file. ``layout``
    is the CSV layout of the whole file, None for JSONL.
    """

    path: str
    start: int
    end: int
    first_line: int
    layout: CsvLayout | None = None


class _Counted:
    """The lines of a binary file, counting the lines and bytes handed out so far."""

    def __init__(self, handle: Iterable[bytes]):
        self.handle = handle
        self.offset = 0
        self.lines = 0

    def __iter__(self) -> Iterator[bytes]:
        for raw in self.handle:
            self.offset += len(raw)
            self.lines += 1
            yield raw


def file_ranges(path: str | Path, size: int,
                csv_options: CsvOptions | None = None) -> list[FileRange] | None:
    """Cut a ``.jsonl`` or ``.csv`` file into ranges of about ``size`` documents.

    JSONL files are cut every ``size`` non-blank lines (nothing is parsed but the
    first lines); CSV files are read here as :func:`iter_documents` reads them and
    cut after every ``size`` documents, since a quoted field can hold line breaks.
    Read one after another with :func:`read_range`, the ranges give the documents
    and problems of the whole file. None when the file is to be read whole: not
    UTF-8 (UTF-16/32), binary, refused as CSV, or none of its first lines usable
    (reported once for the whole file). Raises OSError when the file cannot be read.
    """
    if size < 1:
        raise ValueError("size must be at least 1")
    file = Path(path)
    name = str(path)
    head = _head(file)
    if _wide_encoding(head) is not None or _not_text(head, whole_file=False):
        return None
    if file.suffix.lower() in CSV_SUFFIXES:
        layout = csv_file_layout(file, csv_options)
        if isinstance(layout, CsvRefusal):
            return None
        opening = _Opening(name, _ignore, "")
        with file.open("rb") as handle:
            lines = _Counted(handle)
            documents = _csv_rows(layout, _decoded_lines(lines, name, _ignore), name, _ignore,
                                  opening=opening)
            ranges = _cut(name, lines, documents, size, layout)
        return None if opening.given_up else ranges
    if _jsonl_gives_up(file, name):
        return None
    with file.open("rb") as handle:
        lines = _Counted(handle)
        return _cut(name, lines, (raw for raw in lines if raw.strip()), size, None)


def _cut(name: str, lines: _Counted, items: Iterable[Any], size: int,
         layout: CsvLayout | None) -> list[FileRange]:
    """Ranges of ``size`` items each and one of the rest, as ``items`` draws on ``lines``
    (to their end, unless the reader gives the file up)."""
    ranges = []
    start, first, count = 0, 1, 0
    for _ in items:
        count += 1
        if count == size:
            ranges.append(FileRange(name, start, lines.offset, first, layout))
            start, first, count = lines.offset, lines.lines + 1, 0
    if lines.offset > start or not ranges:
        ranges.append(FileRange(name, start, lines.offset, first, layout))
    return ranges


def _jsonl_gives_up(path: Path, name: str) -> bool:
    """Whether the reader gives a JSONL file up for its first lines (none a JSON object)."""
    opening = _Opening(name, _ignore, "")

    def first_lines(handle: BinaryIO) -> Iterator[bytes]:
        seen = 0
        for raw in handle:
            yield raw
            seen += bool(raw.strip())
            if seen >= _Opening.limit:
                return

    with path.open("rb") as handle:
        for _ in _read_jsonl_stream(first_lines(handle), name, _ignore, opening=opening):
            pass
    return opening.given_up


def read_range(piece: FileRange, on_problem: ProblemCallback) -> Iterator[Document]:
    """The documents of a range of a file (:func:`file_ranges`), problems to ``on_problem``.

    Ids are those of the file; line numbers are the file's.
    """
    name = piece.path
    try:
        with Path(piece.path).open("rb") as handle:
            handle.seek(piece.start)
            data = handle.read(piece.end - piece.start)
    except OSError as err:
        on_problem(Problem(name, None, f"cannot read file ({err.strerror or err})"))
        return
    # the file's first range judges its first lines; the others continue a file of known kind
    opening = None if piece.start == 0 else _Opening(name, on_problem, "", settled=True)
    stream = io.BytesIO(data)
    if piece.layout is None:
        yield from _read_jsonl_stream(stream, name, on_problem, piece.first_line, opening)
    else:
        lines = _decoded_lines(stream, name, on_problem, piece.first_line)
        yield from _csv_rows(piece.layout, lines, name, on_problem, piece.first_line, opening)



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
    than ``nlp.max_length`` are processed in pieces whose records are merged
    (:func:`banlens.pipeline.pipe_records`).

    ``prefilter`` (default True): tokenize only the passages of a text that can hold
    an actor, and no text that names none (:mod:`banlens.passages`); the records are
    the same as without. ``"documents"`` skips the texts that name no actor and runs
    the whole pipeline on the others; False runs it on every text.

    ``n_process > 1`` runs a pool of worker processes; batches of ``batch_size``
    documents go to them in a few parts each, and at most ``2 * n_process`` batches
    are in flight. A document the pipeline fails on is reported to ``on_problem``
    and skipped; the rest goes on (the pipeline's spaCy error handler is swapped for
    the run).
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
    """(number, record) for each document the whole pipeline does not fail on (a text
    longer than ``nlp.max_length`` in pieces whose records are merged)."""
    from .pipeline import pipe_records

    previous = nlp.default_error_handler
    _set_error_handler(nlp, _skip_failed_doc)
    try:
        for record, (number, *_) in pipe_records(nlp, items, _to_record,
                                                 batch_size=batch_size):
            yield number, record
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


def _to_record(doc: Any, context: tuple[Any, ...]) -> dict[str, Any]:
    from .records import doc_to_record

    _, doc_id, doc_date, title, url = context
    doc._.doc_id = doc_id
    doc._.date = doc_date
    return doc_to_record(doc, title=title, url=url)


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


# A batch goes to the worker processes as this many jobs. Records come back in input
# order, so the main process waits for the oldest batch in flight; while it waits, a
# worker that is done with its job takes one of the later jobs instead of idling (with
# one job per batch, a long batch kept the other worker waiting for new work). The
# documents in flight stay the same: at most 2 * n_process batches.
JOBS_PER_BATCH = 4


def _records_in_pool(nlp: Any, runner: Any, documents: Iterable[Document], batch_size: int,
                     n_process: int, report: ProblemCallback) -> Iterator[dict[str, Any]]:
    global _worker_nlp, _worker_runner
    methods = multiprocessing.get_all_start_methods()
    fork = "fork" in methods and sys.platform != "darwin"
    context = multiprocessing.get_context("fork" if fork else "spawn")
    # inherited by forked workers; sent once to spawned ones
    _worker_nlp, _worker_runner = nlp, runner
    in_flight: deque[tuple[list[_Pending], list[Any], dict[int, dict[str, Any]]]] = deque()
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
                jobs = [pool.apply_async(_work, (part, batch_size))
                        for part in _parts(items, JOBS_PER_BATCH)]
                in_flight.append(([_Pending(n, d) for n, d in batch], jobs, made))
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


def _parts(items: list[Any], count: int) -> list[list[Any]]:
    """``items`` cut into at most ``count`` runs of (nearly) equal length, in order."""
    size = -(-len(items) // count)  # rounded up
    return [items[start:start + size] for start in range(0, len(items), size)] if items else []


def _collect(pending: list[_Pending], jobs: list[Any], made: dict[int, dict[str, Any]],
             report: ProblemCallback) -> Iterator[dict[str, Any]]:
    done: dict[int, dict[str, Any]] = {}
    for job in jobs:
        done.update(job.get())
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


__all__ = ["Document", "FileRange", "Problem", "count_documents", "csv_file_layout",
           "document_from_fields", "file_ranges", "iter_documents", "iter_records",
           "read_input", "read_range", "read_text_file", "text_files", "unique_ids"]
