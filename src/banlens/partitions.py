"""A corpus cut into partitions that separate processes can read and process on their own.

This is the map side of running banlens on a cluster, free of any cluster library:
:mod:`banlens.dask` schedules these functions on Dask, and the same functions run
under Spark or a plain process pool. A run has three steps:

1. :func:`plan_partitions` (on the client) cuts the inputs into :class:`Partition`
   descriptors: runs of text files, and byte ranges of JSONL files (at line ends) and
   of CSV files (at row ends; the client reads a CSV file once, with the layout it
   finds for the whole file, see :func:`banlens.corpus.file_ranges`). A descriptor
   names a file and a range, never the text, so workers read the data themselves.
2. :func:`scan_partition` (on workers) reads a partition and returns its document ids
   and the problems met on the way; :func:`assign_ids` (on the client) reports those
   problems and numbers repeated ids across partitions exactly as one reader over the
   whole corpus does (:func:`banlens.corpus.iter_documents`).
3. :func:`process_partition` (on workers) reads the partition again, runs the pipeline
   (loaded once per process and cached, :func:`pipeline_for`) and returns a
   :class:`PartitionResult`: the partition's instance graph, its records or their
   JSON lines, what went wrong, and counts. Instance graphs merge associatively
   (:func:`banlens.graph.merge_graphs`), so any tree of merges gives the graph of the
   whole corpus.

Reading is the cheap part (about 1% of the pipeline's time), so reading each partition
twice costs little and keeps the client from ever holding the corpus.
"""

from __future__ import annotations

import logging
import threading
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .cli import Summary, _add_to_graph, _graph_builder
from .corpus import (
    CSV_SUFFIXES,
    JSONL_SUFFIXES,
    STDIN,
    TEXT_SUFFIXES,
    Document,
    FileRange,
    Problem,
    ProblemCallback,
    document_from_fields,
    file_ranges,
    iter_records,
    read_input,
    read_range,
    read_text_file,
    text_files,
    unique_ids,
)
from .csvformat import CsvOptions
from .errors import BanlensError, InputError

#: Documents per partition unless told otherwise: well under a second of work per
#: task on one core, small enough that two workers share a thousand articles evenly.
DEFAULT_PARTITION_SIZE = 100

logger = logging.getLogger("banlens")


# --- the pipeline, once per process ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class PipelineSpec:
    """How to build the pipeline (the arguments of :func:`banlens.load`), as a hashable key.

    Paths are made absolute on the client, since workers may start elsewhere; on a
    cluster of several machines they must name files every machine can read.
    """

    model: str = "auto"
    actors: tuple[str, ...] | None = None
    relations: str | None = None
    resolve_references: bool = True

    @classmethod
    def of(cls, model: str | Path = "auto", actors: Any = None, relations: str | Path | None
           = None, resolve_references: bool = True) -> PipelineSpec:
        """A spec from :func:`banlens.load`'s arguments (``actors`` as paths)."""
        if actors is not None:
            paths = [actors] if isinstance(actors, str | Path) else list(actors)
            if not all(isinstance(path, str | Path) for path in paths):
                raise TypeError("actors must be paths of dictionary files here (workers load "
                                "the pipeline themselves)")
            actors = tuple(_absolute(path) for path in paths)
        name = str(model)
        if name not in ("auto", "blank") and Path(name).exists():
            name = _absolute(name)
        return cls(model=name,
                   actors=actors,
                   relations=None if relations is None else _absolute(relations),
                   resolve_references=resolve_references)

    def load(self) -> Any:
        """Build the pipeline (seconds; use :func:`pipeline_for` to build it once)."""
        from .pipeline import load

        return load(self.model, actors=list(self.actors) if self.actors else None,
                    relations=self.relations, resolve_references=self.resolve_references)

    def check(self) -> None:
        """Load the actor dictionary and relation lexicon, raising what a worker would.

        Cheap (no spaCy pipeline is built), so a bad file fails on the client before
        any work is sent out.
        """
        from .actors.dictionary import load_dictionary
        from .relations.lexicon import load_lexicon

        load_dictionary(list(self.actors) if self.actors else None)
        if self.relations is not None:
            load_lexicon(self.relations)


def _absolute(path: str | Path) -> str:
    return str(Path(path).expanduser().resolve())


_pipelines: dict[PipelineSpec, Any] = {}
_loads: Counter[PipelineSpec] = Counter()
# One partition at a time per process: spaCy's vocabulary grows as it reads and the
# pipeline's log is captured per partition, so threads of one worker take turns (they
# would gain nothing on this CPU-bound work anyway: give workers one thread each).
_work_lock = threading.RLock()


def pipeline_for(spec: PipelineSpec) -> Any:
    """The pipeline of ``spec`` in this process, built on first use.

    A worker process builds each pipeline once and keeps it for every partition and
    every later job with the same spec.
    """
    with _work_lock:
        nlp = _pipelines.get(spec)
        if nlp is None:
            nlp = _pipelines[spec] = spec.load()
            _loads[spec] += 1
        return nlp


def pipeline_loads() -> dict[PipelineSpec, int]:
    """How often this process built each pipeline (1 each when the cache works)."""
    with _work_lock:
        return dict(_loads)


# --- planning --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Partition:
    """A piece of the corpus that a worker reads on its own.

    ``kind`` is ``"files"`` (text files, ``files`` = (path, document id) pairs),
    ``"range"`` (``span``, a range of a JSONL or CSV file; see
    :func:`banlens.corpus.file_ranges`), or ``"input"`` (the whole of input
    ``source``, read as the local reader does: for inputs that are only a problem
    report, such as a missing file, and files that must be read whole).
    ``csv_options`` are the run's CSV options (for ``"input"``; a range carries the
    layout found for its file).
    """

    number: int
    kind: str
    source: str
    files: tuple[tuple[str, str], ...] = ()
    span: FileRange | None = None
    csv_options: CsvOptions | None = None

    def __str__(self) -> str:
        if self.kind == "files":
            first, last = self.files[0][0], self.files[-1][0]
            return first if first == last else f"{first} .. {last}"
        if self.span is not None:
            return f"{self.source} from line {self.span.first_line}"
        return self.source


@dataclass(frozen=True, slots=True)
class Items:
    """A partition of documents held in memory (a partition of a ``dask.bag``).

    Items are texts, mappings with the fields of a JSONL line (``text``, optional
    ``id``, ``date``, ``title``, ``url``) or :class:`banlens.corpus.Document` objects.
    Problems name the partition and the item's position (from 1).
    """

    number: int
    items: Sequence[Any]

    def __str__(self) -> str:
        return f"<partition {self.number}>"


Source = Partition | Items


def plan_partitions(inputs: Iterable[str | Path], size: int = DEFAULT_PARTITION_SIZE,
                    csv_options: CsvOptions | None = None) -> list[Partition]:
    """Cut ``inputs`` (as for :func:`banlens.corpus.iter_documents`) into partitions.

    A partition holds about ``size`` documents: text files, non-blank JSONL lines or
    CSV rows. JSONL files are read once here to find where lines end (nothing is
    parsed as JSON but the first lines); CSV files are read once with the layout
    found for the whole file (``csv_options`` as for ``iter_documents``). No text
    is kept. Standard input cannot be split (workers cannot read it) and raises
    :class:`banlens.InputError`.
    """
    if size < 1:
        raise ValueError("partition size must be at least 1")
    planner = _Planner(size, csv_options or CsvOptions())
    for item in inputs:
        planner.add(item)
    return planner.finish()


class _Planner:
    def __init__(self, size: int, csv_options: CsvOptions):
        self.size = size
        self.csv_options = csv_options
        self.parts: list[Partition] = []
        self.loose: list[tuple[str, str]] = []  # text files given one by one

    def emit(self, kind: str, source: str, **fields: Any) -> None:
        self.parts.append(Partition(len(self.parts), kind, source, **fields))

    def flush_loose(self) -> None:
        for chunk in _chunks(self.loose, self.size):
            self.emit("files", chunk[0][0], files=tuple(chunk))
        self.loose = []

    def finish(self) -> list[Partition]:
        self.flush_loose()
        return self.parts

    def add(self, item: str | Path) -> None:
        name = str(item)
        if name == STDIN:
            raise InputError("standard input (-) cannot be split into partitions that "
                             "workers read; save it to a file first")
        path = Path(item)
        suffix = path.suffix.lower()
        if path.is_file() and suffix in TEXT_SUFFIXES:
            self.loose.append((name, path.name))
            if len(self.loose) >= self.size:
                self.flush_loose()
            return
        self.flush_loose()
        if path.is_dir():
            files = [(str(file), doc_id) for file, doc_id in text_files(path)]
            if not files:
                self.emit("input", name)
            for chunk in _chunks(files, self.size):
                self.emit("files", name, files=tuple(chunk))
            return
        ranges = None
        if path.is_file() and suffix in JSONL_SUFFIXES + CSV_SUFFIXES:
            try:
                ranges = file_ranges(path, self.size, self.csv_options)
            except OSError:
                ranges = None
        if ranges is None:  # missing, unreadable, unsupported, refused: read whole
            self.emit("input", name, csv_options=self.csv_options)
            return
        for span in ranges:
            self.emit("range", name, span=span)


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _ignore(problem: Problem) -> None:
    """Problems met while planning are reported when the partition is read."""


# --- reading ---------------------------------------------------------------------------


def read_source(source: Source, on_problem: ProblemCallback) -> Iterator[Document]:
    """The documents of a partition, problems to ``on_problem``, as the local reader does.

    Ids are those of the partition alone; :func:`assign_ids` makes them unique across
    the corpus.
    """
    if isinstance(source, Items):
        yield from _read_items(source, on_problem)
    elif source.kind == "files":
        for path, doc_id in source.files:
            yield from read_text_file(path, doc_id, on_problem)
    elif source.kind == "input":
        yield from read_input(source.source, on_problem, csv_options=source.csv_options)
    elif source.kind == "range" and source.span is not None:
        yield from read_range(source.span, on_problem)
    else:
        raise ValueError(f"unknown partition kind {source.kind!r}")


def _read_items(part: Items, report: ProblemCallback) -> Iterator[Document]:
    name = str(part)
    for line, item in enumerate(part.items, start=1):
        fallback = f"{part.number}:{line}"
        if isinstance(item, Document):
            yield item
        elif isinstance(item, str):
            if item.strip():
                yield Document(id=fallback, text=item, source=name, line=line)
            else:
                report(Problem(name, line, "empty document"))
        elif isinstance(item, Mapping):
            document = document_from_fields(dict(item), name, line, fallback, report)
            if document is not None:
                yield document
        else:
            report(Problem(name, line, "expected a text, a mapping with a 'text' field or a "
                           f"banlens Document, got {type(item).__name__}"))


# --- scanning: ids and reading problems ----------------------------------------------------


@dataclass(slots=True)
class Scan:
    """What reading one partition found: each document's (id, source, line) and the
    problems, each with the number of documents read before it."""

    documents: list[tuple[str, str, int | None]] = field(default_factory=list)
    problems: list[tuple[int, Problem]] = field(default_factory=list)


def scan_partition(source: Source) -> Scan:
    """Read a partition for its document ids and problems (texts are not kept)."""
    scan = Scan()
    documents = scan.documents

    def report(problem: Problem) -> None:
        scan.problems.append((len(documents), problem))

    for document in read_source(source, report):
        documents.append((document.id, document.source, document.line))
    return scan


def assign_ids(scans: Iterable[Scan], on_problem: ProblemCallback | None = None
               ) -> list[dict[int, str]]:
    """Report reading problems and make ids unique across partitions, in input order.

    Returns, per partition, ``{position: new id}`` for the documents whose id was
    taken by an earlier one (usually none). Problems reach ``on_problem`` in the order
    and with the words of :func:`banlens.corpus.iter_documents` over the whole corpus.
    """
    report = on_problem or _ignore
    seen: set[str] = set()
    renames: list[dict[int, str]] = []
    for scan in scans:
        changed: dict[int, str] = {}
        kept = unique_ids(_replay(scan, report), report, seen)
        for position, document in enumerate(kept):
            if document.id != scan.documents[position][0]:
                changed[position] = document.id
        renames.append(changed)
    return renames


def _replay(scan: Scan, report: ProblemCallback) -> Iterator[Document]:
    problems = iter(scan.problems)
    pending = next(problems, None)
    for position, (doc_id, source, line) in enumerate(scan.documents):
        while pending is not None and pending[0] <= position:
            report(pending[1])
            pending = next(problems, None)
        yield Document(id=doc_id, text="", source=source, line=line)
    while pending is not None:
        report(pending[1])
        pending = next(problems, None)


# --- processing ----------------------------------------------------------------------------


@dataclass(slots=True)
class LogMessage:
    """A message the pipeline logged on a worker, to be logged again on the client."""

    level: int
    message: str


Event = Problem | LogMessage


@dataclass(slots=True)
class PartitionResult:
    """What processing one partition gives.

    ``graph`` is its instance graph (when asked for), ``records`` its records and
    ``jsonl`` their JSON lines (:func:`banlens.readwrite.json_line`; when asked for),
    ``events`` the problems and log messages of the pipeline in the order they arose.
    """

    number: int
    counts: Summary
    events: list[Event]
    graph: Any = None
    records: list[dict[str, Any]] | None = None
    jsonl: list[str] | None = None


#: What :func:`process_partition` can keep.
KEEP = ("graph", "records", "jsonl")


def process_partition(
    source: Source,
    renames: Mapping[int, str] | None = None,
    *,
    spec: PipelineSpec | None = None,
    keep: Sequence[str] = ("graph",),
    batch_size: int = 64,
    prefilter: bool | str = True,
    include_negated: bool = False,
    include_hypothetical: bool = True,
    expected: int | None = None,
) -> PartitionResult:
    """Run the pipeline over one partition (on a worker).

    ``renames`` (from :func:`assign_ids`) gives documents their corpus-wide ids.
    ``keep`` names what to return: ``"graph"`` (the partition's instance graph, built
    like ``banlens extract`` builds its graph), ``"records"`` and/or ``"jsonl"``.
    ``batch_size`` and ``prefilter`` are passed to :func:`banlens.corpus.iter_records`.
    ``expected`` is the number of documents the scan found; a different number
    means the input changed between the two readings and raises
    :class:`banlens.InputError`.
    """
    from .readwrite import json_line

    unknown = set(keep) - set(KEEP)
    if unknown:
        raise ValueError(f"cannot keep {sorted(unknown)}; choose from {KEEP}")
    renames = renames or {}
    events: list[Event] = []
    counts = Summary()
    records: list[dict[str, Any]] = []
    lines: list[str] = []
    graph = None
    read = [0]
    with _work_lock, _captured_log(events):
        nlp = pipeline_for(spec or PipelineSpec())
        documents = _with_ids(read_source(source, _ignore), renames, read)
        builder = (_graph_builder(nlp, include_negated, include_hypothetical)
                   if "graph" in keep else None)
        for record in iter_records(nlp, documents, batch_size=batch_size,
                                   on_problem=events.append, prefilter=prefilter):
            counts.add(record)
            if builder is not None:
                _add_to_graph(builder, record, events.append)
            if "records" in keep:
                records.append(record)
            if "jsonl" in keep:
                lines.append(json_line(record))
        if builder is not None:
            graph = builder.graph
    if expected is not None and read[0] != expected:
        raise InputError(f"{source}: {read[0]} documents now, {expected} when first read; "
                         "the input changed during the run")
    return PartitionResult(number=source.number, counts=counts, events=events,
                           graph=graph, records=records if "records" in keep else None,
                           jsonl=lines if "jsonl" in keep else None)


def _with_ids(documents: Iterable[Document], renames: Mapping[int, str],
              read: list[int]) -> Iterator[Document]:
    for position, document in enumerate(documents):
        read[0] = position + 1
        new_id = renames.get(position)
        yield document if new_id is None else replace(document, id=new_id)


class _ListHandler(logging.Handler):
    def __init__(self, events: list[Event]):
        super().__init__(logging.INFO)
        self.events = events

    def emit(self, record: logging.LogRecord) -> None:
        self.events.append(LogMessage(record.levelno, record.getMessage()))


@contextmanager
def _captured_log(events: list[Event]) -> Iterator[None]:
    """Collect what banlens logs (INFO and up) into ``events`` instead of the worker's log."""
    handler = _ListHandler(events)
    level, propagate = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate


class Replayer:
    """Hands the events of partitions to the client's problem callback and log, in order.

    Informational messages (which pipeline a worker loaded) are shown once, however
    many workers send them; problems and warnings are shown as they come.
    """

    def __init__(self, on_problem: ProblemCallback | None = None,
                 log: logging.Logger | None = None):
        self.report = on_problem or _ignore
        self.log = log or logger
        self.shown: set[str] = set()

    def __call__(self, events: Iterable[Event]) -> None:
        for event in events:
            if isinstance(event, Problem):
                self.report(event)
            elif event.level > logging.INFO or event.message not in self.shown:
                self.shown.add(event.message)
                self.log.log(event.level, event.message)


def merge_results(*parts: PartitionResult | Any) -> Any:
    """The instance graph of several partitions (results or graphs), merged in order."""
    from .graph import merge_graphs

    graphs = [part.graph if isinstance(part, PartitionResult) else part for part in parts]
    graphs = [graph for graph in graphs if graph is not None]
    if not graphs:
        raise BanlensError("no partition graph to merge (process with keep=('graph',))")
    return merge_graphs(*graphs)


__all__ = [
    "DEFAULT_PARTITION_SIZE",
    "Items",
    "LogMessage",
    "Partition",
    "PartitionResult",
    "PipelineSpec",
    "Replayer",
    "Scan",
    "assign_ids",
    "merge_results",
    "pipeline_for",
    "pipeline_loads",
    "plan_partitions",
    "process_partition",
    "read_source",
    "scan_partition",
]
