"""The ``banlens`` command: from a folder of articles to a Gephi file.

Subcommands:

``extract``   read a corpus (text files, folders, JSONL, CSV, stdin), find actors and
              relations, write a graph (GraphML, GEXF, CSV tables, JSON) or one JSONL
              record per document;
``demo``      run on the German example article bundled with banlens;
``actors``    print the actor dictionary in use;
``evaluate``  score the pipeline against a gold JSONL file.

Documents stream through ``nlp.pipe`` in batches; each processed Doc becomes a
record (:func:`banlens.records.doc_to_record`) at once and is dropped, so memory
grows with the graph, not with the corpus. Bad input is reported on stderr with
file and line and skipped (see :mod:`banlens.corpus`). Exit codes: 0 success
(possibly with skipped documents), 1 nothing processed or output not written,
2 bad command line or bad dictionary/lexicon, 130 interrupted.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import IO, Any, TextIO

from . import __version__
from .corpus import Document, Problem, count_documents, iter_documents, iter_records
from .errors import BanlensError, InputError

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

FORMATS = ("graphml", "gexf", "csv", "json", "jsonl")
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
    _add_filter_options(extract)
    extract.add_argument("--aggregate", action="store_true",
                         help="write one weighted edge per (source, relation, target) instead "
                              "of one edge per relation instance (graph formats)")
    extract.add_argument("-q", "--quiet", action="store_true",
                         help="no progress display and no summary (problems are still shown)")
    extract.set_defaults(handler=_cmd_extract)

    demo = commands.add_parser(
        "demo", help="run on the bundled German example article",
        description="Run banlens on the German example article bundled with it, print the "
                    "actors and relations found, and write a graph file.")
    demo.add_argument("-o", "--output", metavar="OUT", default=DEMO_OUTPUT,
                      help=f"output file; format from its suffix (default: {DEMO_OUTPUT})")
    demo.add_argument("--model", default="auto", metavar="MODEL",
                      help="auto, blank, or a spaCy pipeline name or path (default: auto)")
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
    evaluate.set_defaults(handler=_cmd_evaluate)
    return parser


def _add_pipeline_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--actors", action="append", metavar="FILE",
                        help="actor dictionary (YAML/JSON; default: the bundled one); "
                             "repeat to merge several")
    parser.add_argument("--relations", metavar="FILE",
                        help="relation lexicon (YAML; default: the bundled one)")
    parser.add_argument("--model", default="auto", metavar="MODEL",
                        help="auto (best installed German model, else blank), blank, or a "
                             "spaCy pipeline name or path (default: auto)")
    parser.add_argument("--no-references", action="store_true",
                        help="do not read descriptions (\"der Konzern\") as the actor "
                             "named just before")


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
    try:
        from spacy import about
    except ImportError:  # pragma: no cover - spaCy is a dependency
        return f"banlens {__version__}"
    return f"banlens {__version__} (spaCy {about.__version__})"


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
    """Prints each problem on stderr and counts them (clearing the progress line first)."""

    def __init__(self, summary: Summary, stream: TextIO, progress: Progress | None = None):
        self.summary = summary
        self.stream = stream
        self.progress = progress

    def __call__(self, problem: Problem) -> None:
        self.summary.problems += 1
        if problem.skipped:
            self.summary.skipped += 1
        if self.progress is not None:
            self.progress.clear()
        kind = "skipped" if problem.skipped else "warning"
        print(f"banlens: {kind}: {problem}", file=self.stream)


class Progress:
    """A one-line progress display: documents, documents/s and the ETA when the total is known.

    Drawn on ``stream`` with carriage returns, at most every ``interval`` seconds.
    """

    def __init__(self, stream: TextIO, total: int | None = None, interval: float = 0.25):
        self.stream = stream
        self.total = total
        self.interval = interval
        self.started = time.monotonic()
        self.last = 0.0
        self.done = 0
        self.shown = False

    def update(self, done: int) -> None:
        self.done = done
        now = time.monotonic()
        if now - self.last >= self.interval:
            self.last = now
            self.draw(now)

    def draw(self, now: float | None = None) -> None:
        elapsed = max((now or time.monotonic()) - self.started, 1e-9)
        rate = self.done / elapsed
        text = f"{self.done:,}"
        if self.total:
            text += f"/{self.total:,} documents ({100 * self.done / self.total:.0f}%)"
        else:
            text += " documents"
        text += f", {rate:.1f} docs/s"
        if self.total and rate > 0 and self.done < self.total:
            text += f", ETA {_duration((self.total - self.done) / rate)}"
        self.stream.write(f"\r{text}\x1b[K")
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False

    def close(self) -> None:
        self.clear()


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _cmd_extract(args: argparse.Namespace) -> int:
    fmt, output = resolve_output(args.output, args.format)
    quiet = args.quiet
    if fmt == "jsonl" and (args.include_negated or args.no_hypothetical) and not quiet:
        print("banlens: note: --include-negated/--no-hypothetical filter graph outputs only; "
              "jsonl keeps every relation with its flags", file=sys.stderr)
    nlp = _load(args.model, args.actors, args.relations, not args.no_references)

    summary = Summary()
    stderr = sys.stderr
    progress = None
    if not quiet and _isatty(stderr):
        total = count_documents(args.inputs)
        progress = Progress(stderr, total)
    reporter = ProblemReporter(summary, stderr, progress)
    documents = iter_documents(args.inputs, on_problem=reporter)
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
                graph = builder.graph
                if args.aggregate:
                    from .graph import aggregate

                    graph = aggregate(graph)
                written = write_graph(graph, output, fmt)
    finally:
        if progress is not None:
            progress.close()
    if not quiet or not summary.processed:
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


# --- writing ---------------------------------------------------------------------------


def write_jsonl_stream(records: Iterator[dict[str, Any]], output: str,
                       summary: Summary) -> str | None:
    """Write records as JSON lines to ``output`` (``-`` = stdout); return where they went.

    A file is written atomically and not at all when no document was processed; the
    previous file, if any, stays as it was.
    """
    from .readwrite import write_jsonl

    if output == "-":
        write_jsonl(records, sys.stdout)
        sys.stdout.flush()
        return "<stdout>" if summary.processed else None
    try:
        count = write_jsonl(records, output, skip_empty=True)
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
        written = write_graph(builder.graph, output, fmt)
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
    rows = [("ID", "TYPE", "NAME", "ALIASES")]
    rows += [(a.id, a.type, a.name, "; ".join(a.aliases)) for a in dictionary]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row[:3], widths, strict=True))
             + "  " + row[3] for row in rows]
    lines.append(f"\n{len(rows) - 1} actors")
    return "\n".join(line.rstrip() if i < len(lines) - 1 else line
                     for i, line in enumerate(lines))


def _cmd_evaluate(args: argparse.Namespace) -> int:
    gold = Path(args.gold)
    if not gold.is_file():
        raise UsageError(f"{gold}: gold file not found")
    try:
        from .evaluate import evaluate_file
    except ImportError as err:
        raise UsageError(f"evaluation is not available in this installation ({err})") from None
    nlp = _load(args.model, args.actors, args.relations, not args.no_references)
    report = evaluate_file(gold, nlp)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(report.format(errors=args.errors))
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
