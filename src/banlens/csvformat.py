"""How a CSV corpus is split: delimiter, quote character, header and columns.

Spreadsheet exports come in many dialects: ``,`` or ``;`` or tab, ``"`` or ``'``
as quote character, with or without a header row. Read with the wrong dialect, a
text is cut at a ``;`` or two rows are merged, and nothing looks wrong. So the
dialect is never guessed from a sample:

* what the user states (:class:`CsvOptions`: delimiter, quote character, header,
  text and id column) is used as given; a row whose field count differs from the
  header's is then a bad row, reported and skipped;
* what the user leaves open is found by trying every candidate (``,`` ``;`` tab
  ``|``, and ``"`` ``'``) on the **whole file**: a candidate is kept only if the
  header names the text column and every row has the header's field count. One
  candidate left: it is used. Several: they must read the file alike, or differ
  only where one of them leaves the other's quotes in the text (``'a; b'`` read
  with ``"`` as the quote character). Otherwise the file is refused with a
  one-line message naming the line and the options to set.

:func:`csv_layout` returns the :class:`CsvLayout` to read a file with, or a
:class:`CsvRefusal` saying why the file cannot be read safely.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError

DELIMITERS = (",", ";", "\t", "|")
QUOTES = ('"', "'")
NO_QUOTING = ""
FIELDS = ("id", "text", "date", "title", "url")
OPTIONS_HINT = "set --csv-delimiter and --csv-quotechar"
_EXCERPT = 24
_CACHE_SIZE = 8

Column = str | int
LineSource = Callable[[], Iterator[str]]


@dataclass(frozen=True, slots=True)
class CsvOptions:
    """What the user says about the CSV files of a run; None means "find out".

    ``quotechar`` ``""`` means no quoting at all. ``text_column`` and ``id_column``
    are a column name (matched without regard to case) or a 1-based column number;
    without a header row only numbers can work, and ``text_column`` is required.
    """

    delimiter: str | None = None
    quotechar: str | None = None
    text_column: Column | None = None
    id_column: Column | None = None
    header: bool = True

    def __post_init__(self) -> None:
        if self.delimiter is not None and len(self.delimiter) != 1:
            raise InputError(f"CSV delimiter must be one character, got {self.delimiter!r}")
        if self.delimiter in ("\n", "\r", '"', "'") or (
                self.delimiter is not None and self.delimiter == self.quotechar):
            raise InputError(f"CSV delimiter {self.delimiter!r} cannot work "
                             "(a line break, or the quote character)")
        if self.quotechar is not None and len(self.quotechar) > 1:
            raise InputError("CSV quote character must be one character (or none), "
                             f"got {self.quotechar!r}")
        if self.quotechar in ("\n", "\r"):
            raise InputError("CSV quote character cannot be a line break")
        for name, column in (("text", self.text_column), ("id", self.id_column)):
            if isinstance(column, bool) or (isinstance(column, int) and column < 1):
                raise InputError(f"CSV {name} column number must be 1 or more, got {column!r}")
            if not self.header and column is not None and not isinstance(column, int):
                raise InputError(f"without a header row the {name} column must be given "
                                 f"as a number (1 = first column), got {column!r}")
        if not self.header and self.text_column is None:
            raise InputError("without a header row, say which column holds the text "
                             "(--text-column N, 1 = first column)")


def parse_column(value: str | None) -> Column | None:
    """A command-line column: a number (1-based) if it is all digits, else a name."""
    if value is None:
        return None
    value = value.strip()
    return int(value) if value.isdigit() else value


def parse_delimiter(value: str | None) -> str | None:
    """A command-line delimiter: one character, or ``tab`` / ``\\t``."""
    if value is None:
        return None
    return "\t" if value in ("\\t", "tab", "TAB") else value


def parse_quotechar(value: str | None) -> str | None:
    """A command-line quote character: one character, or ``none`` for no quoting."""
    if value is None:
        return None
    return NO_QUOTING if value.lower() in ("none", "") else value


@dataclass(frozen=True, slots=True)
class Dialect:
    """A delimiter and a quote character (``""``: no quoting)."""

    delimiter: str
    quotechar: str

    def reader(self, lines: Iterable[str]) -> Any:
        """A strict ``csv.reader``: malformed quoting is an error, never silently mended."""
        if self.quotechar == NO_QUOTING:
            return csv.reader(lines, delimiter=self.delimiter, quoting=csv.QUOTE_NONE,
                              strict=True)
        return csv.reader(lines, delimiter=self.delimiter, quotechar=self.quotechar,
                          doublequote=True, strict=True)

    def describe(self) -> str:
        quote = "no quoting" if self.quotechar == NO_QUOTING else f"quote {self.quotechar!r}"
        return f"delimiter {self.delimiter!r}, {quote}"


@dataclass(frozen=True, slots=True)
class CsvLayout:
    """How to read one CSV file: its dialect, header and the columns of each field.

    ``width`` is the number of fields every row must have; ``columns`` maps
    ``text``, ``id`` (and with a header ``date``, ``title``, ``url``) to 0-based
    indexes. ``rows`` is the number of data rows when the whole file was checked.
    """

    dialect: Dialect
    header: tuple[str, ...] | None
    width: int
    columns: dict[str, int] = field(default_factory=dict)
    detected: bool = False
    rows: int | None = None


@dataclass(frozen=True, slots=True)
class CsvRefusal:
    """Why a CSV file is not read: where (``line``) and what to do about it."""

    line: int | None
    message: str


# --- entry point -------------------------------------------------------------------


_cache: dict[tuple[Any, ...], CsvLayout | CsvRefusal] = {}


def csv_layout(path: Path, options: CsvOptions, lines: LineSource) -> CsvLayout | CsvRefusal:
    """The layout to read ``path`` with, or why it cannot be read safely.

    ``lines`` returns a fresh iterator over the file's decoded physical lines (line
    endings kept) each time it is called; the file may be read several times.
    Results are remembered per file (name, size, modification time) and options.
    Raises OSError when the file cannot be read.
    """
    allow_long_fields()
    stat = path.stat()
    key = (str(path), stat.st_size, stat.st_mtime_ns, options)
    found = _cache.get(key)
    if found is None:
        found = _find_layout(path, options, lines)
        if len(_cache) >= _CACHE_SIZE:
            _cache.pop(next(iter(_cache)))
        _cache[key] = found
    return found


def allow_long_fields() -> None:
    """Raise the csv module's 128 kB field limit: whole articles are fields."""
    limit = sys.maxsize
    while True:
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:
            limit //= 2


def _find_layout(path: Path, options: CsvOptions, lines: LineSource) -> CsvLayout | CsvRefusal:
    delimiters = ([options.delimiter] if options.delimiter is not None
                  else ["\t"] if path.suffix.lower() == ".tsv" else list(DELIMITERS))
    quotes = [options.quotechar] if options.quotechar is not None else list(QUOTES)
    dialects = [Dialect(d, q) for d in delimiters for q in quotes]
    fitting: list[CsvLayout] = []
    first_rows: list[tuple[Dialect, list[str]]] = []
    for dialect in dialects:
        first = _first_row(dialect, lines)
        if first is None:
            continue
        first_rows.append((dialect, first))
        layout = _layout_from_first_row(dialect, first, options)
        if layout is not None:
            fitting.append(layout)
    if not first_rows:
        if all(not line.strip() for line in lines()):
            return CsvRefusal(None, "empty CSV file (no header row)" if options.header
                              else "empty CSV file")
        return CsvRefusal(1, f"the first row cannot be read as CSV ({OPTIONS_HINT})")
    if not fitting:
        return _no_text_column(options, first_rows, lines)
    if len(dialects) == 1:
        return fitting[0]  # everything stated: rows are checked one by one while reading
    return _choose(fitting, lines, options)


def _first_row(dialect: Dialect, lines: LineSource) -> list[str] | None:
    reader = dialect.reader(lines())
    try:
        for row in reader:
            if _has_content(row):
                return row
    except csv.Error:
        return None
    return None


def _has_content(row: list[str]) -> bool:
    return any(cell.strip() for cell in row)


def _layout_from_first_row(dialect: Dialect, first: list[str],
                           options: CsvOptions) -> CsvLayout | None:
    """The layout the first row implies, or None if it lacks the text column."""
    width = len(first)
    if not options.header:
        needed = max(c for c in (options.text_column, options.id_column) if isinstance(c, int))
        if width < needed:
            return None
        columns = {"text": int(options.text_column) - 1}  # type: ignore[arg-type]
        if isinstance(options.id_column, int):
            columns["id"] = options.id_column - 1
        return CsvLayout(dialect, None, width, columns)
    names = [cell.strip().lower() for cell in first]
    text = _column_index(options.text_column or "text", names)
    if text is None:
        return None
    columns = {"text": text}
    if options.id_column is not None:
        index = _column_index(options.id_column, names)
        if index is None:
            return None
        columns["id"] = index
    for name in FIELDS:
        if name not in columns and name in names:
            columns[name] = names.index(name)
    return CsvLayout(dialect, tuple(first), width, columns)


def _column_index(column: Column, names: list[str]) -> int | None:
    if isinstance(column, int):
        return column - 1 if column <= len(names) else None
    wanted = column.strip().lower()
    return names.index(wanted) if wanted in names else None


def _no_text_column(options: CsvOptions, first_rows: list[tuple[Dialect, list[str]]],
                    lines: LineSource) -> CsvRefusal:
    first_line = next((line for line in lines() if line.strip()), "")
    shown = _cut(first_line.rstrip("\r\n"), 3 * _EXCERPT)
    if not options.header:
        wanted = max(c for c in (options.text_column, options.id_column) if isinstance(c, int))
        widest = max(len(row) for _, row in first_rows)
        return CsvRefusal(1, f"the first row has at most {widest} field(s), fewer than column "
                             f"{wanted} (first line: {shown!r}); file skipped ({OPTIONS_HINT})")
    wanted = options.text_column or "text"
    missing = [f"{wanted!r}"] + ([f"{options.id_column!r}"] if options.id_column else [])
    hint = ("name the text column with --text-column; if the file has no header row, "
            "give --no-header and --text-column N; "
            "if its columns are split by another character, give --csv-delimiter")
    return CsvRefusal(1, f"CSV header has no {' or '.join(missing)} column "
                         f"(first line: {shown!r}); file skipped ({hint})")


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _excerpt(row: list[str], cells: int = 4) -> str:
    """A row cut to a few short cells, on one line (quoted text never floods the log)."""
    shown = []
    for cell in row[:cells]:
        shown.append(repr(_cut(cell, _EXCERPT)))
    more = f", … ({len(row)} fields)" if len(row) > cells else ""
    return ", ".join(shown) + more if shown else "nothing"


# --- checking the whole file ---------------------------------------------------------


@dataclass(slots=True)
class _Scan:
    rows: int = 0
    bad_line: int | None = None
    reason: str = ""


def _scan(layout: CsvLayout, lines: LineSource) -> _Scan:
    """Read the whole file with ``layout``: every row must have ``layout.width`` fields."""
    scan = _Scan()
    reader = layout.dialect.reader(lines())
    header_seen = layout.header is None
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return scan
        except csv.Error as err:
            scan.bad_line, scan.reason = start, f"malformed CSV ({err})"
            return scan
        if _has_content(row):
            if len(row) != layout.width:
                scan.bad_line = start
                scan.reason = (f"row has {len(row)} field(s) where the "
                               f"{'header' if layout.header else 'first row'} has "
                               f"{layout.width} ({_excerpt(row, 2)})")
                return scan
            if header_seen:
                scan.rows += 1
            header_seen = True
        start = reader.line_num + 1


def _choose(fitting: list[CsvLayout], lines: LineSource,
            options: CsvOptions) -> CsvLayout | CsvRefusal:
    """The one candidate that reads the whole file consistently (see the module doc)."""
    scans = [(layout, _scan(layout, lines)) for layout in fitting]
    good = [(layout, scan) for layout, scan in scans if scan.bad_line is None]
    if not good:
        layout, scan = max(scans, key=lambda item: item[1].bad_line or 0)
        return CsvRefusal(scan.bad_line,
                          f"{scan.reason}, reading with {layout.dialect.describe()}; "
                          f"no delimiter and quote character read every row alike, "
                          f"file skipped ({OPTIONS_HINT}; a row with a wrong number "
                          "of fields is then skipped alone)")
    chosen = good[0][0]
    for other, _ in good[1:]:
        verdict, line = _compare(chosen, other, lines)
        if verdict == "other":
            chosen = other
        elif verdict == "ambiguous":
            return CsvRefusal(line, f"the file reads differently with "
                                    f"{chosen.dialect.describe()} and with "
                                    f"{other.dialect.describe()} (first in this row), and "
                                    f"neither reading explains the other; file skipped "
                                    f"({OPTIONS_HINT})")
    rows = next(scan.rows for layout, scan in good if layout is chosen)
    return CsvLayout(chosen.dialect, chosen.header, chosen.width, chosen.columns,
                     detected=True, rows=rows)


def _compare(first: CsvLayout, second: CsvLayout, lines: LineSource) -> tuple[str, int | None]:
    """Which of two consistent readings is right: "first", "other", "ambiguous" (with line).

    Where they differ, a field one reading leaves wrapped in the other's quote
    character (``'Text'`` read with ``"``) shows that the other reading is right.
    """
    reader_a = first.dialect.reader(lines())
    reader_b = second.dialect.reader(lines())
    votes: set[str] = set()
    first_difference: int | None = None
    while True:
        row_a, start = _next_content_row(reader_a)
        row_b, _ = _next_content_row(reader_b)
        if row_a is None and row_b is None:
            break
        if row_a != row_b:
            first_difference = first_difference or start
            vote = _vote(row_a, row_b, first.dialect.quotechar, second.dialect.quotechar)
            votes.add(vote or "none")
            if vote is None or len(votes) > 1:
                return "ambiguous", first_difference
    if votes == {"other"}:
        return "other", None
    return "first", None


def _next_content_row(reader: Any) -> tuple[list[str] | None, int]:
    """The next row with some content, and the line it starts on."""
    start = reader.line_num + 1
    for row in reader:
        if _has_content(row):
            return row, start
        start = reader.line_num + 1
    return None, start


def _vote(row_a: list[str] | None, row_b: list[str] | None,
          quote_a: str, quote_b: str) -> str | None:
    if row_a is None or row_b is None or len(row_a) != len(row_b):
        return None
    vote = None
    for a, b in zip(row_a, row_b, strict=True):
        if a == b:
            continue
        if _wrapped(a, quote_b):
            this = "other"
        elif _wrapped(b, quote_a):
            this = "first"
        else:
            return None
        if vote not in (None, this):
            return None
        vote = this
    return vote


def _wrapped(text: str, quote: str) -> bool:
    stripped = text.strip()
    return bool(quote) and len(stripped) >= 2 and stripped[0] == quote and stripped[-1] == quote


__all__ = ["CsvLayout", "CsvOptions", "CsvRefusal", "Dialect", "csv_layout", "parse_column",
           "parse_delimiter", "parse_quotechar"]
