"""The ``banlens`` command: from a folder of articles to a Gephi file.

Subcommands:

``extract``   read a corpus (text files, folders, JSONL, CSV, stdin), find actors and
              relations, write a graph (GraphML, GEXF, CSV tables, JSON, graphology
              JSON for Gephi Lite, an interactive HTML page) or one JSONL record per
              document;
``demo``      run on the German example article bundled with banlens;
``actors``    print the actor dictionary in use;
``evaluate``  score the pipeline against a gold JSONL file;
``discover``  draft an actor dictionary from a corpus (:mod:`banlens.discovery`).

Documents stream through ``nlp.pipe`` in batches; each processed Doc becomes a
record (:func:`banlens.records.doc_to_record`) at once and is dropped, so memory
grows with the graph, not with the corpus. Bad input is reported on stderr with
file and line and skipped (see :mod:`banlens.corpus`). Exit codes: 0 success
(possibly with skipped documents), 1 nothing processed or output not written,
2 bad command line (an output that cannot be written is refused before any work),
bad dictionary/lexicon or a model that cannot be loaded, 130 interrupted.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import IO, Any, TextIO

from tqdm import tqdm
from wasabi import table

from . import __version__
from .corpus import Document, Problem, count_documents, iter_documents, iter_records
from .csvformat import CsvOptions, parse_column, parse_delimiter, parse_quotechar
from .errors import BanlensError, InputError

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

FORMATS = ("graphml", "gexf", "csv", "json", "graphology", "html", "jsonl")
DEFAULT_OUTPUT = "banlens.graphml"
DEMO_OUTPUT = "banlens-demo.graphml"
DEFAULT_BATCH_SIZE = 64

logger = logging.getLogger("banlens")


class UsageError(BanlensError):
    """A command-line value that cannot work (unknown format, bad output path)."""


class OutputError(BanlensError):
    """The output file could not be written."""


# --- argument parsing ---------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``banlens`` command."""
    parser = argparse.ArgumentParser(
        prog="banlens",
        description="German news text to a network of who does what to whom.",
    )
    parser.add_argument("--version", action="version", version=_version_text())
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    extract = commands.add_parser(
        "extract", help="extract actors and relations from a corpus and write a graph",
        description="Extract actors and relations from INPUTs and write a graph file or "
                    "one JSONL record per document.")
    extract.add_argument("inputs", nargs="+", metavar="INPUT",
                         help=".txt file, folder of .txt files (recursive), .jsonl or .csv "
                              "file (columns id, text, optional date, title, url), or - for "
                              "JSONL on stdin")
    _add_csv_options(extract)
    extract.add_argument("-o", "--output", metavar="OUT",
                         help=f"output file (default: {DEFAULT_OUTPUT}, or banlens.<format>); "
                              "for csv a folder or a file stem for the nodes/edges tables; "
                              "- writes jsonl to stdout")
    extract.add_argument("--format", choices=FORMATS,
                         help="output format (default: from OUT's suffix, else graphml)")
    _add_pipeline_options(extract)
    extract.add_argument("--n-process", type=_positive_int, default=1, metavar="N",
                         help="worker processes (default: 1)")
    extract.add_argument("--batch-size", type=_positive_int, default=DEFAULT_BATCH_SIZE,
                         metavar="N", help=f"documents per batch (default: {DEFAULT_BATCH_SIZE})")
    extract.add_argument("--no-prefilter", action="store_true",
                         help="run the whole pipeline on every text (by default only the "
                              "passages that can name an actor are tokenized; same output)")
    _add_scheduler_options(extract)
    _add_filter_options(extract)
    extract.add_argument("--instances", action="store_true",
                         help="graph files get one edge per relation instance (with its "
                              "sentence) instead of the default one weighted edge per "
                              "(source, relation, target)")
    extract.add_argument("--aggregate", action="store_true",
                         help="one weighted edge per (source, relation, target): the default, "
                              "accepted for older scripts")
    extract.add_argument("--drop-isolates", action="store_true",
                         help="leave actors without any relation out of the graph "
                              "(default: keep them)")
    extract.add_argument("-q", "--quiet", action="store_true",
                         help="no progress display and no summary (problems are still shown)")
    extract.set_defaults(handler=_cmd_extract)

    demo = commands.add_parser(
        "demo", help="run on the bundled German example article",
        description="Run banlens on the German example article bundled with it, print the "
                    "actors and relations found, and write a graph file.")
    demo.add_argument("-o", "--output", metavar="OUT", default=DEMO_OUTPUT,
                      help=f"output file; format from its suffix (default: {DEMO_OUTPUT})")
    _add_model_option(demo)
    demo.set_defaults(handler=_cmd_demo)

    actors = commands.add_parser(
        "actors", help="print the actor dictionary in use as a table",
        description="Print the actor dictionary in use (the bundled one, or the --actors "
                    "files merged in order).")
    actors.add_argument("--actors", action="append", metavar="FILE",
                        help="actor dictionary (YAML/JSON); repeat to merge several")
    actors.set_defaults(handler=_cmd_actors)

    evaluate = commands.add_parser(
        "evaluate", help="score the pipeline against a gold JSONL file",
        description="Compare banlens' actors and relations with a gold-standard JSONL file.")
    evaluate.add_argument("gold", metavar="GOLD.jsonl", help="gold-standard file")
    _add_pipeline_options(evaluate)
    evaluate.add_argument("--errors", action="store_true",
                          help="list false positives and misses with their sentences")
    evaluate.add_argument("--json", action="store_true", help="print the report as JSON")
    evaluate.add_argument("--ids", choices=("odd", "even"),
                          help="only the gold documents whose id number is odd or even (read "
                               "errors on one half, measure on the other)")
    evaluate.add_argument("--min-confidence", type=float, default=0.0, metavar="X",
                          help="drop predicted relations with a confidence below X")
    evaluate.set_defaults(handler=_cmd_evaluate)

    discover = commands.add_parser(
        "discover", help="draft an actor dictionary from a corpus",
        description="Find the actors INPUTs name, fold their variants, type them and write "
                    "a ranked draft actor dictionary (YAML) to edit and use with --actors.")
    discover.add_argument("inputs", nargs="+", metavar="INPUT",
                          help="the same inputs as extract: .txt files, folders, .jsonl, "
                               ".csv, or - for JSONL on stdin")
    discover.add_argument("-o", "--output", metavar="DRAFT.yml", default="-",
                          help="where to write the draft (default: - for stdout)")
    discover.add_argument("--top", type=_positive_int, metavar="N",
                          help="keep the best N candidates (default: all)")
    discover.add_argument("--min-docs", type=_positive_int, default=2, metavar="N",
                          help="leave out names found in fewer than N documents (default: 2)")
    discover.add_argument("--actors", action="append", metavar="FILE",
                          help="an existing actor dictionary: list only what it lacks "
                               "(repeat to combine several)")
    discover.add_argument("-q", "--quiet", action="store_true",
                          help="no progress display and no summary (problems are still shown)")
    discover.set_defaults(handler=_cmd_discover)
    return parser


def _add_pipeline_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--actors", action="append", metavar="FILE",
                        help="actor dictionary (YAML/JSON; default: the bundled one); "
                             "repeat to merge several")
    parser.add_argument("--relations", metavar="FILE",
                        help="relation lexicon (YAML; default: the bundled one)")
    _add_model_option(parser)
    parser.add_argument("--no-references", action="store_true",
                        help="do not read descriptions (\"der Konzern\") as the actor "
                             "named just before")


def _add_model_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", default="auto", metavar="MODEL",
                        help="auto (best installed German model, else blank), blank, or a "
                             "spaCy pipeline name or path (default: auto)")
def _add_csv_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(
        "CSV inputs", "how .csv/.tsv inputs are split; what is not given is found by checking "
                      "the whole file, and a file that reads more than one way is refused")
    group.add_argument("--csv-delimiter", metavar="CHAR",
                       help="field delimiter: one character, or 'tab'")
    group.add_argument("--csv-quotechar", metavar="CHAR",
                       help="quote character: one character, or 'none' for no quoting")
    group.add_argument("--text-column", metavar="COLUMN",
                       help="column holding the text: a header name or a number "
                            "(1 = first column); default: text")
    group.add_argument("--id-column", metavar="COLUMN",
                       help="column holding the document id (name or number); default: id "
                            "if there is one, else <file stem>:<line>")
    group.add_argument("--no-header", action="store_true",
                       help="the CSV files have no header row (give --text-column N)")


def csv_options(args: argparse.Namespace) -> CsvOptions:
    """The CSV options of the command line (InputError, exit 2, if they cannot work)."""
    return CsvOptions(delimiter=parse_delimiter(args.csv_delimiter),
                      quotechar=parse_quotechar(args.csv_quotechar),
                      text_column=parse_column(args.text_column),
                      id_column=parse_column(args.id_column),
                      header=not args.no_header)


def _add_scheduler_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(
        "Dask", "run on a Dask cluster (needs pip install 'banlens[dask]'; see the "
                "Performance page of the documentation)")
    group.add_argument("--scheduler", choices=("local", "dask"), default="local",
                       help="local: this process (and --n-process); dask: partitions of the "
                            "input on Dask workers (default: local)")
    where = group.add_mutually_exclusive_group()
    where.add_argument("--workers", type=_positive_int, metavar="N",
                       help="start a local Dask cluster of N worker processes (default: one "
                            "per CPU)")
    where.add_argument("--address", metavar="URL",
                       help="use the running Dask scheduler at URL (tcp://host:8786); every "
                            "worker must be able to read the inputs")
    group.add_argument("--partition-size", type=_positive_int, default=None, metavar="N",
                       help="documents per partition (default: 100)")
    group.add_argument("--timeout", type=_positive_int, default=None, metavar="SECONDS",
                       help="how long to wait for the scheduler or the local cluster to come "
                            "up (default: 60)")


def _add_filter_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--include-negated", action="store_true",
                        help="keep negated relations in graph outputs (jsonl always has them)")
    parser.add_argument("--no-hypothetical", action="store_true",
                        help="drop hypothetical relations from graph outputs")


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


def _version_text() -> str:
    # from the installed package's metadata: importing spaCy here would cost every
    # command (discover does not use it) a second of start-up
    from importlib.metadata import PackageNotFoundError, version

    try:
        spacy_version = version("spacy")
    except PackageNotFoundError:  # pragma: no cover - spaCy is a dependency
        return f"banlens {__version__}"
    return f"banlens {__version__} (spaCy {spacy_version})"


# --- entry point ----------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``banlens`` command with ``argv`` (default: ``sys.argv[1:]``).

    Returns the exit code; the console script passes it to ``sys.exit``.
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # --help, --version, usage errors
        return int(exit_.code or 0)
    handler, level = _StderrHandler(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING if getattr(args, "quiet", False) else logging.INFO)
    try:
        return int(args.handler(args))
    except BanlensError as err:
        _error(str(err))
        return EXIT_FAILED if isinstance(err, OutputError) else EXIT_USAGE
    except KeyboardInterrupt:
        _error("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # e.g. ``banlens extract ... -o - | head``
        _silence_stdout()
        return EXIT_OK
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


class _StderrHandler(logging.Handler):
    """Log records as plain lines on the current ``sys.stderr`` (the command's log output).

    banlens logs which pipeline it chose, and failures on single documents.
    """

    def emit(self, record: logging.LogRecord) -> None:
        try:
            print(self.format(record), file=sys.stderr)
        except Exception:  # logging must never break a run
            self.handleError(record)


def _error(message: str) -> None:
    """One line on stderr (a multi-line message, e.g. from a YAML parser, is cut to its first)."""
    first = message.strip().splitlines()[0] if message.strip() else "unknown error"
    print(f"banlens: error: {first}", file=sys.stderr)


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


# --- extract -------------------------------------------------------------------------


@dataclass(slots=True)
class Summary:
    """What a run did, for the final summary line."""

    processed: int = 0
    skipped: int = 0
    problems: int = 0
    relations: int = 0
    actors: set[str] = field(default_factory=set)

    def add(self, record: dict[str, Any]) -> None:
        self.processed += 1
        self.relations += len(record["relations"])
        self.actors.update(actor["id"] for actor in record["actors"])

    def line(self, output: str | None) -> str:
        text = (f"banlens: {self.processed} documents processed, {self.skipped} skipped, "
                f"{self.problems} problems; {len(self.actors)} actors, "
                f"{self.relations} relations")
        return text + (f" -> {output}" if output else "; no output written")


class ProblemReporter:
    """Prints each problem on stderr (above the progress line, if one is shown) and
    counts them."""

    def __init__(self, summary: Summary, stream: TextIO, progress: Progress | None = None):
        self.summary = summary
        self.stream = stream
        self.progress = progress

    def __call__(self, problem: Problem) -> None:
        self.summary.problems += 1
        if problem.skipped:
            self.summary.skipped += 1
        kind = "skipped" if problem.skipped else "warning"
        line = f"banlens: {kind}: {problem}"
        if self.progress is not None:
            self.progress.write(line)
        else:
            print(line, file=self.stream)


class Progress:
    """The progress line (a :mod:`tqdm` bar without the bar): documents, documents/s
    and, when the total is known, the share done and the time left.

    Redrawn on ``stream`` at most every ``interval`` seconds; :meth:`write` prints a
    line above it; :meth:`close` removes it.
    """

    def __init__(self, stream: TextIO, total: int | None = None, interval: float = 0.25):
        self.stream = stream
        layout = ("{n_fmt}/{total_fmt} documents ({percentage:.0f}%), {rate_fmt}, "
                  "ETA {remaining}") if total else "{n_fmt} documents, {rate_fmt}"
        self.bar = tqdm(total=total or None, file=stream, unit=" docs", leave=False,
                        mininterval=interval, bar_format=layout)

    def update(self, done: int) -> None:
        """Show ``done`` documents processed."""
        self.bar.update(done - self.bar.n)

    def write(self, line: str) -> None:
        """Print ``line`` above the progress line."""
        self.bar.write(line, file=self.stream)

    def close(self) -> None:
        self.bar.close()


def _cmd_extract(args: argparse.Namespace) -> int:
    fmt, output = resolve_output(args.output, args.format)
    check_output(output, fmt)
    reading = csv_options(args)
    quiet = args.quiet
    if args.instances and args.aggregate:
        raise UsageError("--instances and --aggregate exclude each other")
    if fmt == "jsonl" and (args.include_negated or args.no_hypothetical) and not quiet:
        print("banlens: note: --include-negated/--no-hypothetical filter graph outputs only; "
              "jsonl keeps every relation with its flags", file=sys.stderr)
    if args.scheduler == "dask":
        return _extract_on_dask(args, fmt, output, reading)
    if args.workers or args.address or args.partition_size or args.timeout:
        raise UsageError("--workers, --address, --partition-size and --timeout need "
                         "--scheduler dask")
    nlp = _load(args.model, args.actors, args.relations, not args.no_references)

    summary = Summary()
    stderr = sys.stderr
    progress = None
    if not quiet and _isatty(stderr):
        total = count_documents(args.inputs, reading)
        progress = Progress(stderr, total)
    reporter = ProblemReporter(summary, stderr, progress)
    documents = iter_documents(args.inputs, on_problem=reporter, csv_options=reading)
    records = iter_records(nlp, documents, batch_size=args.batch_size,
                           n_process=args.n_process, on_problem=reporter,
                           prefilter=not args.no_prefilter)

    def counted(stream: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for record in stream:
            summary.add(record)
            if progress is not None:
                progress.update(summary.processed)
            yield record

    try:
        if fmt == "jsonl":
            written = write_jsonl_stream(counted(records), output, summary)
        else:
            builder = _graph_builder(nlp, args.include_negated, not args.no_hypothetical)
            for record in counted(records):
                _add_to_graph(builder, record, reporter)
            written = None
            if summary.processed:
                graph = output_graph(builder.graph, fmt, instances=args.instances,
                                     drop_isolates=args.drop_isolates)
                written = write_graph(graph, output, fmt)
    finally:
        if progress is not None:
            progress.close()
    if not quiet or not summary.processed:
        print(summary.line(written), file=stderr)
    return EXIT_OK if summary.processed else EXIT_FAILED


def _extract_on_dask(args: argparse.Namespace, fmt: str, output: str,
                     reading: CsvOptions) -> int:
    """``extract --scheduler dask``: the same outputs and reports, computed on Dask workers."""
    if args.n_process > 1:
        raise UsageError("--n-process is for the local scheduler; with --scheduler dask "
                         "give --workers N (or --address of a cluster)")
    try:
        from . import dask as on_dask
        from .partitions import DEFAULT_PARTITION_SIZE, PipelineSpec
    except ImportError as err:
        raise UsageError(str(err).split(" (")[0]) from None
    summary = Summary()
    stderr = sys.stderr
    reporter = ProblemReporter(summary, stderr)
    spec = PipelineSpec.of(args.model, args.actors, args.relations, not args.no_references)
    try:
        written = on_dask.extract_to(
            args.inputs, output, fmt, spec=spec, summary=summary, on_problem=reporter,
            address=args.address, workers=args.workers, csv_options=reading,
            prefilter=not args.no_prefilter, instances=args.instances,
            drop_isolates=args.drop_isolates, include_negated=args.include_negated,
            include_hypothetical=not args.no_hypothetical,
            partition_size=args.partition_size or DEFAULT_PARTITION_SIZE,
            batch_size=args.batch_size, timeout=args.timeout or on_dask.DEFAULT_TIMEOUT,
            progress=stderr if not args.quiet and _isatty(stderr) else None)
    except on_dask.ClusterError as err:
        raise OutputError(str(err)) from None
    if not args.quiet or not summary.processed:
        print(summary.line(written), file=stderr)
    return EXIT_OK if summary.processed else EXIT_FAILED


def _isatty(stream: IO[Any]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _load(model: str, actors: list[str] | None, relations: str | None,
          resolve_references: bool = True) -> Any:
    from .pipeline import load

    return load(model, actors=actors, relations=relations,
                resolve_references=resolve_references)


def _graph_builder(nlp: Any, include_negated: bool, include_hypothetical: bool) -> Any:
    """A graph builder that knows the labels of the pipeline's relation lexicon."""
    from .graph import GraphBuilder

    lexicon = None
    if "banlens_relations" in getattr(nlp, "pipe_names", ()):
        lexicon = nlp.get_pipe("banlens_relations").lexicon
    return GraphBuilder(include_negated=include_negated,
                        include_hypothetical=include_hypothetical, lexicon=lexicon)


def _add_to_graph(builder: Any, record: dict[str, Any], report: ProblemReporter) -> None:
    try:
        builder.add(record)
    except InputError as err:  # a record the graph cannot take: report, keep going
        report(Problem(str(record.get("id")), None, f"not added to the graph: {err}"))


def output_graph(graph: Any, fmt: str, *, instances: bool = False,
                 drop_isolates: bool = False) -> Any:
    """The graph a format gets: aggregated (one weighted edge per source, relation and
    target) unless ``instances``; the HTML page always gets the instance graph, since
    it groups the edges itself and lists every sentence. ``drop_isolates`` removes
    actors without any relation."""
    if fmt != "html" and not instances:
        from .graph import aggregate

        graph = aggregate(graph)
    if drop_isolates:
        import networkx as nx

        graph = graph.copy()
        graph.remove_nodes_from(list(nx.isolates(graph)))
    return graph


def resolve_output(output: str | None, fmt: str | None) -> tuple[str, str]:
    """The output format and path: ``--format`` wins, else OUT's suffix, else graphml."""
    if output is None:
        fmt = fmt or "graphml"
        return fmt, DEFAULT_OUTPUT if fmt == "graphml" else f"banlens.{fmt}"
    if output == "-":
        if fmt not in (None, "jsonl"):
            raise UsageError(f"-o - (stdout) works only with --format jsonl, not {fmt}")
        return "jsonl", "-"
    if fmt is None:
        from .readwrite import format_from_suffix

        fmt = format_from_suffix(output)
        if fmt is None:
            raise UsageError(f"cannot tell the output format from {output!r}; give --format "
                             f"({', '.join(FORMATS)}) or a known suffix")
    return fmt, output


def check_output(output: str, fmt: str) -> None:
    """Refuse at once (UsageError, exit 2) an output that cannot be written.

    Checked before any work: the folder exists, is a folder and takes a new file
    (a small probe file is written and removed), and the output is not itself a
    folder (except for csv, whose OUT may name a folder).
    """
    if output == "-":
        return
    path = Path(output)
    if fmt == "csv":
        folder = csv_paths(output)[0].parent
        if not folder.exists() and (output.endswith(("/", os.sep)) or path.is_dir()):
            folder = folder.parent  # the folder itself is created when writing
    elif path.is_dir():
        raise UsageError(f"cannot write {output}: it is a folder; give a file name "
                         f"for the {fmt} output")
    else:
        folder = path.parent
    _check_folder(folder, output)


def _check_folder(folder: Path, output: str) -> None:
    where = folder if str(folder) else Path(".")
    if not where.exists():
        raise UsageError(f"cannot write {output}: folder {where} does not exist")
    if not where.is_dir():
        raise UsageError(f"cannot write {output}: {where} is not a folder")
    try:
        with tempfile.TemporaryFile(dir=where, prefix=".banlens-check-") as probe:
            probe.write(b"\n")
            probe.flush()
    except OSError as err:
        raise UsageError(f"cannot write {output}: folder {where} does not take new files "
                         f"({err.strerror or err})") from None


# --- writing ---------------------------------------------------------------------------


def write_jsonl_stream(records: Iterator[dict[str, Any]], output: str,
                       summary: Summary) -> str | None:
    """Write records as JSON lines to ``output`` (``-`` = stdout); return where they went.

    A file is written atomically and not at all when no document was processed; the
    previous file, if any, stays as it was.
    """
    from .readwrite import json_line

    return write_json_lines((json_line(record) for record in records), output, summary)


def write_json_lines(lines: Iterable[str], output: str, summary: Summary) -> str | None:
    """Write ready-made JSON lines (made on Dask workers) as :func:`write_jsonl_stream`
    writes records."""
    from .readwrite.jsonl import write_json_lines as write

    if output == "-":
        write(lines, sys.stdout)
        sys.stdout.flush()
        return "<stdout>" if summary.processed else None
    try:
        count = write(lines, output, skip_empty=True)
    except OSError as err:
        raise OutputError(f"cannot write {output}: {err.strerror or err}") from None
    return output if count else None


def csv_paths(output: str) -> tuple[Path, Path]:
    """Paths of the node and edge tables for a csv OUT (:func:`banlens.readwrite.table_paths`)."""
    from .readwrite import table_paths

    return table_paths(output)


def write_graph(graph: Any, output: str, fmt: str) -> str:
    """Write ``graph`` in ``fmt`` to ``output`` (atomically); return what was written."""
    from . import readwrite

    try:
        return readwrite.write_graph(graph, output, fmt)
    except OSError as err:
        raise OutputError(f"cannot write {output}: {err.strerror or err}") from None


# --- demo, actors, evaluate -------------------------------------------------------------


def _cmd_demo(args: argparse.Namespace) -> int:
    fmt, output = resolve_output(args.output, None)
    if output == "-":
        raise UsageError("demo writes a file; give -o with a file name")
    check_output(output, fmt)
    text = (resources.files("banlens") / "data" / "example_de.txt").read_text(encoding="utf-8")
    nlp = _load(args.model, None, None)
    summary = Summary()
    document = Document(id="example_de.txt", text=text, source="example_de.txt")
    records = list(iter_records(nlp, [document],
                                on_problem=ProblemReporter(summary, sys.stderr)))
    if not records:
        _error("the example article could not be processed")
        return EXIT_FAILED
    record = records[0]
    summary.add(record)
    print(format_record(record))
    if fmt == "jsonl":
        written = write_jsonl_stream(iter([record]), output, summary)
    else:
        builder = _graph_builder(nlp, include_negated=False, include_hypothetical=True)
        builder.add(record)
        written = write_graph(output_graph(builder.graph, fmt), output, fmt)
    print(f"\nWritten: {written}")
    return EXIT_OK


def format_record(record: dict[str, Any], evidence_width: int = 100) -> str:
    """A human-readable summary of one record: actors with mention counts, relations."""
    names: dict[str, str] = {}
    counts: dict[str, int] = {}
    types: dict[str, str] = {}
    for actor in record["actors"]:
        names[actor["id"]] = actor["name"]
        types[actor["id"]] = actor["type"]
        counts[actor["id"]] = counts.get(actor["id"], 0) + 1
    lines = [f"Actors found: {len(counts)}"]
    for actor_id, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        lines.append(f"  {names[actor_id]} ({types[actor_id]}): {count} mention"
                     + ("s" if count != 1 else ""))
    lines.append(f"Relations found: {len(record['relations'])}")
    for relation in record["relations"]:
        flags = [flag for flag in ("negated", "hypothetical", "coref") if relation.get(flag)]
        subject = names.get(relation["subject"], relation["subject"])
        obj = names.get(relation["object"], relation["object"])
        lines.append(f"  {subject} -[{relation['label']}]-> {obj}"
                     + (f" ({', '.join(flags)})" if flags else ""))
        evidence = " ".join(str(relation.get("evidence", "")).split())
        if len(evidence) > evidence_width:
            evidence = evidence[: evidence_width - 1] + "…"
        lines.append(f"      \"{evidence}\"")
    return "\n".join(lines)


def _cmd_actors(args: argparse.Namespace) -> int:
    from .actors.dictionary import load_dictionary

    dictionary = load_dictionary(args.actors)
    print(format_actor_table(dictionary))
    return EXIT_OK


def format_actor_table(dictionary: Iterable[Any]) -> str:
    """The actors of a dictionary as an aligned text table (id, type, name, aliases)."""
    rows = [(a.id, a.type, a.name, "; ".join(a.aliases)) for a in dictionary]
    text = table(rows, header=("ID", "TYPE", "NAME", "ALIASES"), spacing=2, max_col=10_000)
    lines = [line.rstrip() for line in text.strip("\n").splitlines()]
    return "\n".join([*lines, "", f"{len(rows)} actors"])


def _cmd_evaluate(args: argparse.Namespace) -> int:
    gold = Path(args.gold)
    if not gold.is_file():
        raise UsageError(f"{gold}: gold file not found")
    try:
        from .evaluate import evaluate_file
    except ImportError as err:
        raise UsageError(f"evaluation is not available in this installation ({err})") from None
    nlp = _load(args.model, args.actors, args.relations, not args.no_references)
    report = evaluate_file(gold, nlp, ids=args.ids, min_confidence=args.min_confidence)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(report.format(errors=args.errors))
    return EXIT_OK


def _cmd_discover(args: argparse.Namespace) -> int:
    from .discovery import Discoverer, write_draft

    existing = None
    if args.actors:
        from .actors.dictionary import load_dictionary

        existing = load_dictionary(args.actors)    # a bad file stops us before the corpus
    discoverer = Discoverer()
    summary = Summary()
    stderr = sys.stderr
    progress = None
    if not args.quiet and _isatty(stderr):
        progress = Progress(stderr, count_documents(args.inputs))
    reporter = ProblemReporter(summary, stderr, progress)
    try:
        for document in iter_documents(args.inputs, on_problem=reporter):
            discoverer.add(document.text)
            summary.processed += 1
            if progress is not None:
                progress.update(summary.processed)
    finally:
        if progress is not None:
            progress.close()
    candidates = discoverer.candidates(args.min_docs, args.top, existing)
    header = [f"Draft actor dictionary: {len(candidates)} candidates from "
              f"{summary.processed} documents (banlens discover, --min-docs {args.min_docs}"
              + (", only what --actors lacks" if existing is not None else "") + ").",
              "Best first. Check each entry: delete what is not an actor, fix names and "
              "types, merge duplicates;",
              "then: banlens extract CORPUS --actors THIS_FILE -o graph.gexf"]
    if args.output == "-":
        from .discovery import to_yaml

        sys.stdout.write(to_yaml(candidates, header))
        sys.stdout.flush()
        where = "<stdout>"
    else:
        try:
            write_draft(candidates, args.output, header)
        except OSError as err:
            raise OutputError(f"cannot write {args.output}: {err.strerror or err}") from None
        where = args.output
    if not summary.processed:
        _error("no documents could be read; the draft is empty")
        return EXIT_FAILED
    if not candidates:
        what = "no new candidate actors" if existing is not None else "no candidate actors"
        print(f"banlens: {what} found in {summary.processed} documents (names must appear "
              f"in at least {args.min_docs} documents; try --min-docs 1); the draft is "
              f"empty -> {where}", file=stderr)
    elif not args.quiet:
        print(f"banlens: {summary.processed} documents read, {summary.skipped} skipped, "
              f"{summary.problems} problems; {len(candidates)} candidate actors -> {where}",
              file=stderr)
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
