"""banlens on a Dask cluster: a corpus of any size, the same graph and records as one process.

:func:`extract` is the entry point for notebooks with a ``distributed.Client``;
``banlens extract … --scheduler dask`` calls :func:`extract_to` (the Performance
page of the documentation shows how to run it on a cluster of several machines).

A job is a map over partitions and a tree of merges (the work itself is in
:mod:`banlens.partitions`, which knows nothing of Dask):

* the client cuts the input into partitions (file names and byte ranges, no text);
* ``banlens-scan`` tasks read each partition for its ids and reading problems; the
  client reports the problems and numbers repeated ids, exactly as the local reader;
* ``banlens-process`` tasks read each partition again and run the pipeline, which
  each worker process builds once (:func:`banlens.partitions.pipeline_for`) and
  keeps for every later partition and job;
* ``banlens-merge`` tasks merge the partition graphs, ``split_every`` at a time, in
  input order, into the graph of the whole corpus.

Problems found on workers (a document the pipeline failed on) come back with the
results and are reported on the client in input order, with the words of a local
run. Records are returned as a ``dask.bag`` kept on the workers.

Needs the optional dependencies ``dask`` and ``distributed``
(``pip install 'banlens[dask]'``); importing this module without them raises an
:class:`ImportError` that says so.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .cli import Summary
from .corpus import Problem, ProblemCallback
from .csvformat import CsvOptions
from .errors import BanlensError
from .partitions import (
    DEFAULT_PARTITION_SIZE,
    Items,
    PartitionResult,
    PipelineSpec,
    Replayer,
    assign_ids,
    merge_results,
    pipeline_for,
    pipeline_loads,
    plan_partitions,
    process_partition,
    scan_partition,
)

try:
    import dask
    import dask.bag
    import distributed
    from distributed.diagnostics.progressbar import TextProgressBar
except ImportError as _err:  # pragma: no cover - exercised with the packages hidden
    raise ImportError("running banlens on Dask needs the packages dask and distributed, "
                      f"which are not installed: pip install 'banlens[dask]' ({_err})"
                      ) from _err

#: Partition graphs merged per task at each level of the merge tree.
SPLIT_EVERY = 8
#: Seconds to wait for a scheduler to answer or a new local cluster to come up.
DEFAULT_TIMEOUT = 60.0

logger = logging.getLogger("banlens")


class ClusterError(BanlensError):
    """The Dask scheduler cannot be reached or the local cluster does not start."""


# --- clusters ----------------------------------------------------------------------------


@contextlib.contextmanager
def cluster_client(address: str | None = None, workers: int | None = None, *,
                   timeout: float = DEFAULT_TIMEOUT) -> Iterator[distributed.Client]:
    """A client of the scheduler at ``address``, or of a new local cluster; closed on exit.

    The local cluster has ``workers`` worker processes (default: one per CPU) with one
    thread each: the pipeline is CPU-bound Python, so threads would only take turns.
    ``timeout`` bounds the wait for the scheduler and the workers, so a cluster that
    does not come up raises :class:`ClusterError` instead of hanging.
    """
    cluster = None
    try:
        if address is not None:
            client = distributed.Client(address, timeout=timeout, set_as_default=False)
        else:
            count = workers or os.cpu_count() or 1
            with dask.config.set({"distributed.comm.timeouts.connect": timeout}):
                cluster = distributed.LocalCluster(
                    n_workers=count, threads_per_worker=1, processes=True,
                    dashboard_address=":0", silence_logs=logging.CRITICAL,
                    death_timeout=timeout)
                client = distributed.Client(cluster, timeout=timeout, set_as_default=False)
                client.wait_for_workers(count, timeout=timeout)
    except (OSError, TimeoutError, distributed.TimeoutError) as err:
        if cluster is not None:
            cluster.close()
        where = f"the Dask scheduler at {address}" if address else "a local Dask cluster"
        raise ClusterError(f"cannot reach {where} within {timeout:g} s ({err})") from None
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def preload(client: distributed.Client, spec: PipelineSpec | None = None) -> dict[str, int]:
    """Build the pipeline of ``spec`` on every worker now (else the first partition does).

    Returns ``{worker address: times the pipeline was built}`` (1 each).
    """
    return client.run(_preload, spec or PipelineSpec())


def _preload(spec: PipelineSpec) -> int:
    pipeline_for(spec)
    return pipeline_loads()[spec]


def worker_loads(client: distributed.Client, spec: PipelineSpec | None = None
                 ) -> dict[str, int]:
    """``{worker address: times the pipeline of spec was built there}`` (0 if never)."""
    return client.run(_loads_of, spec or PipelineSpec())


def _loads_of(spec: PipelineSpec) -> int:
    return pipeline_loads().get(spec, 0)


# --- progress --------------------------------------------------------------------------------


class _Progress(TextProgressBar):
    """Dask's text progress bar, drawn on ``stream`` (the bar writes to stdout, which may
    carry the JSONL output) from a thread of its own, so results are handled meanwhile."""

    def __init__(self, futures: Sequence[Any], client: distributed.Client, stream: IO[str]):
        super().__init__(futures, scheduler=client.scheduler.address, start=False)
        self.stream = stream
        self.lock = threading.RLock()
        self.thread = threading.Thread(target=self._listen, name="banlens-progress",
                                       daemon=True)
        self.thread.start()

    def _listen(self) -> None:
        with contextlib.suppress(Exception):  # the bar must never break a run
            self._loop_runner.run_sync(self.listen)

    def _draw_bar(self, remaining: int, all: int, **kwargs: Any) -> None:  # noqa: A002
        with self.lock, contextlib.redirect_stdout(self.stream):
            super()._draw_bar(remaining, all, **kwargs)

    def _draw_stop(self, **kwargs: Any) -> None:
        with self.lock, contextlib.redirect_stdout(self.stream):
            super()._draw_stop(**kwargs)

    def clear(self) -> None:
        """Clear the bar's line (before a problem is printed; it is redrawn next tick)."""
        with self.lock:
            self.stream.write("\r\x1b[K")
            self.stream.flush()

    def close(self, timeout: float = 5.0) -> None:
        self.thread.join(timeout)
        self.clear()


@contextlib.contextmanager
def _progress(futures: Sequence[Any], client: distributed.Client,
              stream: IO[str] | None) -> Iterator[_Progress | None]:
    if stream is None or not futures:
        yield None
        return
    bar = _Progress(futures, client, stream)
    try:
        yield bar
    finally:
        bar.close()


# --- jobs --------------------------------------------------------------------------------------


@dataclass
class Extraction:
    """The result of :func:`extract`.

    ``graph`` is the instance graph of the corpus (as :func:`banlens.build_graph`
    gives; :func:`banlens.aggregate` it for one weighted edge per relation),
    ``records`` a ``dask.bag`` of the document records in input order, kept on the
    workers (None when not asked for), ``problems`` what was reported, ``summary``
    the counts, ``partitions`` how many partitions the corpus was cut into.
    """

    graph: Any
    records: dask.bag.Bag | None
    problems: list[Problem] = field(default_factory=list)
    summary: Summary = field(default_factory=Summary)
    partitions: int = 0


class _Job:
    """One run over the partitions of a corpus on a cluster (see the module docstring)."""

    def __init__(self, client: distributed.Client, sources: Sequence[Any], spec: PipelineSpec,
                 *, keep: Sequence[str], batch_size: int, prefilter: bool | str,
                 include_negated: bool, include_hypothetical: bool, split_every: int,
                 on_problem: ProblemCallback, summary: Summary, progress: IO[str] | None):
        if split_every < 2:
            raise ValueError("split_every must be at least 2")
        self.client = client
        self.sources = sources  # Partition objects, or Delayed Items (bag partitions)
        self.spec = spec
        self.keep = tuple(keep)
        self.options = {"batch_size": batch_size, "prefilter": prefilter,
                        "include_negated": include_negated,
                        "include_hypothetical": include_hypothetical}
        self.split_every = split_every
        self.summary = summary
        self.stream = progress
        self.bar: _Progress | None = None
        self.token = uuid.uuid4().hex[:8]
        self.report = self._locked(on_problem)
        self.replay = Replayer(self.report, _LockedLog(self))
        self.futures: list[distributed.Future] = []

    def _locked(self, report: ProblemCallback) -> ProblemCallback:
        def locked(problem: Problem) -> None:
            bar = self.bar
            if bar is None:
                report(problem)
                return
            with bar.lock:
                bar.clear()
                report(problem)
        return locked

    def _key(self, step: str, *numbers: int) -> str:
        return f"banlens-{step}-{self.token}-" + "-".join(map(str, numbers))

    def scan_and_process(self) -> None:
        """Scan every partition, report reading problems, then start processing."""
        delayed = dask.delayed
        scans = [delayed(scan_partition, pure=False)(source, dask_key_name=self._key("scan", i))
                 for i, source in enumerate(self.sources)]
        futures = self.client.compute(scans)
        with _progress(futures, self.client, self.stream) as self.bar:
            results = self.client.gather(futures)
        self.bar = None
        renames = assign_ids(results, self.report)
        tasks = [delayed(process_partition, pure=False)(
                    source, renames[i], spec=self.spec, keep=self.keep,
                    expected=len(results[i].documents), dask_key_name=self._key("process", i),
                    **self.options)
                 for i, source in enumerate(self.sources)]
        self.futures = self.client.compute(tasks)

    def merged(self) -> distributed.Future:
        """The future of the merged graph: a tree of merges, ``split_every`` at a time."""
        level: list[Any] = list(self.futures)
        depth = 0
        while depth == 0 or len(level) > 1:
            level = [self.client.submit(merge_results, *level[i:i + self.split_every],
                                        key=self._key("merge", depth, i), pure=False)
                     for i in range(0, len(level), self.split_every)]
            depth += 1
        return level[0]

    def results(self, step: Callable[[PartitionResult], Any], name: str,
                watch: Sequence[Any] = (), keep: bool = False) -> Iterator[Any]:
        """``step`` of each partition's result, in input order, with its events replayed
        and its counts added to the summary, while the progress bar shows the work.

        Each partition's result is let go once handled (merges that need it still get
        it), so the cluster does not hold the whole output; ``keep`` holds on to them.
        """
        reports = [self.client.submit(_report, future, step, key=self._key(name, i), pure=False)
                   for i, future in enumerate(self.futures)]
        with _progress([*self.futures, *watch], self.client, self.stream) as self.bar:
            for number, future in enumerate(reports):
                events, counts, value = future.result()
                future.release()
                if not keep:
                    self.futures[number].release()
                self.replay(events)
                _add_counts(self.summary, counts)
                yield value
        self.bar = None


def _report(result: PartitionResult, step: Callable[[PartitionResult], Any]) -> tuple[Any, ...]:
    return result.events, result.counts, step(result)


def _nothing(result: PartitionResult) -> None:
    return None


def _jsonl_of(result: PartitionResult) -> list[str]:
    return result.jsonl or []


def _records_of(result: PartitionResult) -> list[dict[str, Any]]:
    return result.records or []


def _add_counts(summary: Summary, counts: Summary) -> None:
    summary.processed += counts.processed
    summary.relations += counts.relations
    summary.actors |= counts.actors


class _LockedLog:
    """The banlens logger, writing under the progress bar's lock (and clearing its line)."""

    def __init__(self, job: _Job):
        self.job = job

    def log(self, level: int, message: str) -> None:
        bar = self.job.bar
        if bar is None:
            logger.log(level, message)
            return
        with bar.lock:
            if logger.isEnabledFor(level):
                bar.clear()
            logger.log(level, message)


def _sources(bag_or_paths: Any, partition_size: int,
             csv_options: CsvOptions | None) -> list[Any]:
    """Partitions of paths (planned here), or the partitions of a bag as Delayed Items."""
    if isinstance(bag_or_paths, dask.bag.Bag):
        parts = bag_or_paths.to_delayed()
        return [dask.delayed(Items, pure=True)(i, part) for i, part in enumerate(parts)]
    if isinstance(bag_or_paths, str | Path):
        bag_or_paths = [bag_or_paths]
    return plan_partitions(bag_or_paths, partition_size, csv_options)


def extract(
    bag_or_paths: dask.bag.Bag | str | Path | Iterable[str | Path],
    *,
    client: distributed.Client | None = None,
    model: str | Path = "auto",
    actors: str | Path | Sequence[str | Path] | None = None,
    relations: str | Path | None = None,
    resolve_references: bool = True,
    include_negated: bool = False,
    include_hypothetical: bool = True,
    records: bool = True,
    csv_options: CsvOptions | None = None,
    prefilter: bool | str = True,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    batch_size: int = 64,
    split_every: int = SPLIT_EVERY,
    on_problem: ProblemCallback | None = None,
    progress: bool | IO[str] = False,
) -> Extraction:
    """Run banlens over a corpus on a Dask cluster; return the graph and the records.

    ``bag_or_paths`` is what :func:`banlens.corpus.iter_documents` reads (files and
    folders, which every worker must be able to open) or a ``dask.bag`` of texts,
    JSONL-style mappings (``text``, optional ``id``, ``date``, ``title``, ``url``) or
    :class:`banlens.corpus.Document` objects; a bag is computed twice (once for ids,
    once for the pipeline), so persist it first if that is costly. Paths are cut into
    partitions of about ``partition_size`` documents; ``csv_options`` say how CSV
    files are read (:class:`banlens.csvformat.CsvOptions`).

    ``client`` defaults to the current ``distributed`` client. The pipeline is
    described by ``model``, ``actors`` (dictionary files), ``relations`` and
    ``resolve_references`` as for :func:`banlens.load`; each worker process builds it
    once. ``include_negated``/``include_hypothetical`` choose the relations that
    become edges, as for :class:`banlens.GraphBuilder`; ``batch_size`` and
    ``prefilter`` are those of :func:`banlens.corpus.iter_records`.

    Problems (bad lines, documents the pipeline failed on) go to ``on_problem`` and
    into ``Extraction.problems``. ``progress=True`` draws Dask's progress bar on
    stderr (or pass a stream). With ``records=False`` only the graph is kept.

    >>> from distributed import Client                     # doctest: +SKIP
    >>> client = Client(n_workers=2, threads_per_worker=1)  # doctest: +SKIP
    >>> result = banlens.dask.extract("articles.jsonl")     # doctest: +SKIP
    >>> banlens.aggregate(result.graph)                     # doctest: +SKIP
    >>> result.records.take(2)                              # doctest: +SKIP
    """
    if client is None:
        try:
            client = distributed.default_client()
        except ValueError:
            raise ClusterError("no Dask client: create one first (distributed.Client(...)) or "
                               "pass client=") from None
    spec = PipelineSpec.of(model, actors, relations, resolve_references)
    spec.check()
    problems: list[Problem] = []

    def report(problem: Problem) -> None:
        problems.append(problem)
        if on_problem is not None:
            on_problem(problem)

    sources = _sources(bag_or_paths, partition_size, csv_options)
    summary = Summary()
    stream = sys.stderr if progress is True else (progress or None)
    job = _Job(client, sources, spec, keep=("graph", "records") if records else ("graph",),
               batch_size=batch_size, prefilter=prefilter, include_negated=include_negated,
               include_hypothetical=include_hypothetical, split_every=split_every,
               on_problem=report, summary=summary, progress=stream)
    job.scan_and_process()
    if not job.futures:
        from .graph import GraphBuilder

        return Extraction(GraphBuilder(include_negated=include_negated,
                                       include_hypothetical=include_hypothetical).graph,
                          dask.bag.from_sequence([], npartitions=1) if records else None,
                          problems, summary, 0)
    merged = job.merged()
    for _ in job.results(_nothing, "report", watch=[merged], keep=records):
        pass
    summary.problems = len(problems)
    summary.skipped = sum(problem.skipped for problem in problems)
    bag = None
    if records:
        parts = [client.submit(_records_of, future, pure=False, key=job._key("records", i))
                 for i, future in enumerate(job.futures)]
        bag = client.persist(dask.bag.from_delayed(parts))  # holds its partitions' futures
    return Extraction(merged.result(), bag, problems, summary, len(sources))


def extract_to(
    inputs: Sequence[str | Path],
    output: str,
    fmt: str,
    *,
    spec: PipelineSpec,
    summary: Summary,
    on_problem: ProblemCallback,
    address: str | None = None,
    workers: int | None = None,
    csv_options: CsvOptions | None = None,
    prefilter: bool | str = True,
    instances: bool = False,
    drop_isolates: bool = False,
    include_negated: bool = False,
    include_hypothetical: bool = True,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    batch_size: int = 64,
    split_every: int = SPLIT_EVERY,
    progress: IO[str] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> str | None:
    """``banlens extract --scheduler dask``: process ``inputs`` on a cluster, write ``output``.

    ``fmt`` is an output format of :mod:`banlens.cli`. JSONL is serialised on the
    workers, partition by partition, and written here in input order as the
    partitions finish; graph formats get the merged graph as the local run gives it
    (:func:`banlens.cli.output_graph`: aggregated unless ``instances``, without
    isolated actors with ``drop_isolates``). Returns what was written, or None when
    no document was processed (nothing is written then). Counts go into ``summary``,
    problems to ``on_problem``.
    """
    from .cli import output_graph, write_graph, write_json_lines

    spec.check()
    parts = plan_partitions(inputs, partition_size, csv_options)
    with cluster_client(address, workers, timeout=timeout) as client:
        logger.info(f"banlens: {len(parts)} partitions on {len(client.nthreads())} Dask "
                    f"workers ({client.scheduler.address})")
        job = _Job(client, parts, spec, keep=("jsonl",) if fmt == "jsonl" else ("graph",),
                   batch_size=batch_size, prefilter=prefilter, include_negated=include_negated,
                   include_hypothetical=include_hypothetical, split_every=split_every,
                   on_problem=on_problem, summary=summary, progress=progress)
        job.scan_and_process()
        if fmt == "jsonl":
            lines = (line for chunk in job.results(_jsonl_of, "jsonl") for line in chunk)
            return write_json_lines(lines, output, summary)
        if not job.futures:
            return None
        merged = job.merged()
        for _ in job.results(_nothing, "report", watch=[merged]):
            pass
        if not summary.processed:
            return None
        graph = merged.result()
    graph = output_graph(graph, fmt, instances=instances, drop_isolates=drop_isolates)
    return write_graph(graph, output, fmt)


__all__ = [
    "DEFAULT_TIMEOUT",
    "SPLIT_EVERY",
    "ClusterError",
    "Extraction",
    "cluster_client",
    "extract",
    "extract_to",
    "preload",
    "worker_loads",
]
