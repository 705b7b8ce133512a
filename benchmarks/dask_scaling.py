"""banlens on Dask with 1 and 2 workers: same graph as the local run, and how it scales.

On ``../shared/corpora/10kGNAD-test.csv`` (1,028 German news articles), read as the
CSV file it is (``label;text``, no header: ``--no-header --text-column 2``), and the
actor dictionary of that corpus (``benchmarks/data/actors_10kgnad.yml``, so that there
are relations to compare):

1. the local run: pipeline -> records -> graph in this process (the reference graph,
   and the single-process rate), then the partition functions of
   :mod:`banlens.partitions` one after another in this process (plan, scan, process,
   merge; no Dask), each with a freshly built pipeline;
2. two clusters side by side, ``LocalCluster`` s of 1 and of 2 worker processes (one
   thread each), the pipeline built on every worker (:func:`banlens.dask.preload`);
   then :func:`banlens.dask.extract` on one and the other in turn, ``--repeat`` + 1
   rounds: round 0 reads with cold vocabularies, as a new cluster does, the later
   rounds with warm ones, as a long-lived cluster does. Taking the two in turn, close
   in time, keeps bursts of load on a shared machine from deciding the ratio. Every
   graph must equal the reference (nodes, edges, keys, attributes);
3. end to end, as a user types it:
   ``banlens extract 10kGNAD-test.csv --no-header --text-column 2 --aggregate -o
   net.graphml`` locally and with ``--scheduler dask --workers 1`` and ``--workers 2``
   (wall time, including start-up, cluster start and pipeline loading), with the
   bundled dictionary and with the corpus dictionary; the three GraphML files must
   have the same edges with the same weights (read back with networkx), and be
   identical byte for byte.

The speed-ups are ratios of times measured in this run. Run from the repository root::

    .venv/bin/python benchmarks/dask_scaling.py [--repeat 4] [--partition-size 100]

The machine should be otherwise idle; the load average is printed before and after.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _corpus import REPO, corpus_path, read_articles

ACTORS = REPO / "benchmarks" / "data" / "actors_10kgnad.yml"
TARGET_SPEEDUP = 1.6
#: How the corpus file is read: ``label;text``, no header row (the layout is found).
CSV_FLAGS = ["--no-header", "--text-column", "2"]


def csv_options():
    from banlens.csvformat import CsvOptions

    return CsvOptions(header=False, text_column=2)


def graph_data(G):
    return (dict(G.graph), list(G.nodes(data=True)), list(G.edges(keys=True, data=True)))


def local_reference(source: Path, actors: Path, batch_size: int):
    """The single-process run: seconds (pipeline excluded), documents, tokens, graph."""
    import spacy

    import banlens
    from banlens.corpus import iter_documents, iter_records
    from banlens.graph import GraphBuilder

    nlp = banlens.load("blank", actors=str(actors))
    lexicon = nlp.get_pipe("banlens_relations").lexicon
    start, cpu = time.perf_counter(), time.process_time()
    builder = GraphBuilder(lexicon=lexicon)
    documents = 0
    documents_in = iter_documents([source], csv_options=csv_options())
    for record in iter_records(nlp, documents_in, batch_size=batch_size):
        builder.add(record)
        documents += 1
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    tokenizer = spacy.blank("de")
    tokens = sum(len(doc) for doc in tokenizer.pipe(read_articles(source),
                                                     batch_size=batch_size))
    return seconds, cpu, documents, tokens, builder.graph


def partitions_here(source: Path, actors: Path, partition_size: int, batch_size: int,
                    reference) -> tuple[float, float]:
    """The partition functions one after another in this process, no Dask: seconds, CPU."""
    from banlens import partitions
    from banlens.partitions import PipelineSpec

    spec = PipelineSpec.of("blank", [actors])
    partitions.pipeline_for(spec)  # built before the clock starts, as on a preloaded worker
    start, cpu = time.perf_counter(), time.process_time()
    parts = partitions.plan_partitions([source], partition_size, csv_options())
    scans = [partitions.scan_partition(part) for part in parts]
    renames = partitions.assign_ids(scans)
    results = [partitions.process_partition(part, changed, spec=spec, batch_size=batch_size,
                                            expected=len(scan.documents))
               for part, changed, scan in zip(parts, renames, scans, strict=True)]
    graph = partitions.merge_results(*results)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    if graph_data(graph) != graph_data(reference):
        sys.exit("partitions in one process: the graph differs from the local run")
    return seconds, cpu


def _cpu_seconds() -> float:
    """CPU seconds of the calling process (run on every worker through client.run)."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def dask_rounds(source: Path, actors: Path, rounds: int, partition_size: int,
                batch_size: int, reference) -> list[dict[int, tuple[float, ...]]]:
    """``rounds`` rounds of one run on 1 and one on 2 workers:
    {workers: (seconds, CPU seconds of all workers, load average, CPU seconds of the busiest
    worker)}."""
    import banlens.dask as bd
    from banlens.partitions import PipelineSpec

    spec = PipelineSpec.of("blank", [actors])
    with bd.cluster_client(workers=1, timeout=120) as one, \
            bd.cluster_client(workers=2, timeout=120) as two:
        clients = {1: one, 2: two}
        for workers, client in clients.items():
            start = time.perf_counter()
            loads = bd.preload(client, spec)
            assert len(loads) == workers and set(loads.values()) == {1}, loads
            print(f"dask, {workers} worker(s):    pipeline built on every worker in "
                  f"{time.perf_counter() - start:.1f} s", flush=True)
        results = []
        for number in range(rounds):
            row = {}
            for workers in ((1, 2) if number % 2 == 0 else (2, 1)):
                client = clients[workers]
                load = os.getloadavg()[0]
                before = client.run(_cpu_seconds)
                start = time.perf_counter()
                result = bd.extract([source], client=client, model="blank", actors=[actors],
                                    records=False, csv_options=csv_options(),
                                    partition_size=partition_size, batch_size=batch_size)
                seconds = time.perf_counter() - start
                after = client.run(_cpu_seconds)
                used = [after[w] - before[w] for w in after]
                cpu = sum(used)
                if graph_data(result.graph) != graph_data(reference):
                    sys.exit(f"{workers} worker(s), round {number}: the graph differs from "
                             "the local run")
                row[workers] = (seconds, cpu, load, max(used))
            results.append(row)
            kind = "cold" if number == 0 else "warm"
            print(f"round {number} ({kind}):        1 worker {row[1][0]:.2f} s (CPU "
                  f"{row[1][1]:.2f} s), 2 workers {row[2][0]:.2f} s (CPU {row[2][1]:.2f} s); "
                  f"speed-up {row[1][0] / row[2][0]:.2f}; {result.partitions} partitions; "
                  f"load average {row[1][2]:.1f}/{row[2][2]:.1f}; graphs equal to the local "
                  "run", flush=True)
        for client in clients.values():
            again = bd.worker_loads(client, spec)
            assert set(again.values()) == {1}, f"pipeline built more than once: {again}"
    return results


def cli_run(argv: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "banlens", *argv], capture_output=True,
                          text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"banlens {' '.join(argv)} failed ({done.returncode}):\n{done.stderr}")
    return seconds


def weighted_edges(path: Path) -> dict[tuple[str, str, str], int]:
    """{(source, relation, target): weight} of an aggregated GraphML file."""
    import networkx as nx

    graph = nx.read_graphml(path)
    edges: dict[tuple[str, str, str], int] = {}
    for source, target, data in graph.edges(data=True):
        key = (source, str(data.get("relation", data.get("label", ""))), target)
        if key in edges:
            sys.exit(f"{path.name}: edge {key} twice in an aggregated graph")
        edges[key] = int(data["weight"])
    return edges


def end_to_end(source: Path, actors: Path | None, tmp_dir: Path, partition_size: int) -> str:
    """The three commands (local, --workers 1, --workers 2) on the corpus file: wall times,
    and a check that their graphs have the same edges and weights."""
    name = actors.stem if actors else "bundled"
    common = ["extract", str(source), *CSV_FLAGS, "--model", "blank", "--aggregate", "-q"]
    if actors is not None:
        common += ["--actors", str(actors)]
    files = {run: tmp_dir / f"{name}-{run}.graphml" for run in ("local", 1, 2)}
    wall = {"local": cli_run([*common, "-o", str(files["local"])])}
    for workers in (1, 2):
        wall[workers] = cli_run([*common, "-o", str(files[workers]), "--scheduler", "dask",
                                 "--workers", str(workers),
                                 "--partition-size", str(partition_size)])
    reference = weighted_edges(files["local"])
    if not reference:
        sys.exit(f"{name}: the local graph has no edges; nothing to compare")
    for workers in (1, 2):
        if weighted_edges(files[workers]) != reference:
            sys.exit(f"dictionary {name}, --workers {workers}: edges or weights differ from "
                     "the local run's")
        if files[workers].read_bytes() != files["local"].read_bytes():
            sys.exit(f"dictionary {name}, --workers {workers}: GraphML differs from the "
                     "local run's")
    return (f"CLI end to end ({name} dictionary): local {wall['local']:.1f} s, --workers 1 "
            f"{wall[1]:.1f} s, --workers 2 {wall[2]:.1f} s (start-up, cluster and pipeline "
            f"loading included); 2 vs 1 worker {wall[1] / wall[2]:.2f}; same {len(reference)} "
            f"edges with the same weights (total {sum(reference.values())}) in all three, "
            "files identical")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=None,
                        help="default: ../shared/corpora/10kGNAD-test.csv or $BANLENS_CORPUS")
    parser.add_argument("--actors", type=Path, default=ACTORS)
    parser.add_argument("--repeat", type=int, default=4,
                        help="warm rounds after the cold one (median)")
    parser.add_argument("--partition-size", type=int, default=100)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--skip-cli", action="store_true")
    parser.add_argument("--only-cli", action="store_true",
                        help="only the end-to-end commands (the graph check)")
    args = parser.parse_args()

    import banlens

    source = args.corpus or corpus_path()
    texts = read_articles(source)
    print(f"corpus: {source.name}, {len(texts)} articles; actors {args.actors.name}; "
          f"{os.cpu_count()} CPUs, load average {load_text()} at start", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_dir = Path(tmp)
        if not args.only_cli:
            local_s, local_cpu, documents, tokens, reference = local_reference(
                source, args.actors, args.batch_size)
            edges = banlens.aggregate(reference)
            print(f"local, 1 process:      {local_s:.2f} s (CPU {local_cpu:.2f} s) = "
                  f"{documents / local_s:,.0f} docs/s, {tokens / local_s:,.0f} tokens/s "
                  f"({tokens:,} tokens; {reference.number_of_nodes()} actors, "
                  f"{reference.number_of_edges()} relation edges, {edges.number_of_edges()} "
                  "aggregated)", flush=True)

            here_s, here_cpu = partitions_here(source, args.actors, args.partition_size,
                                               args.batch_size, reference)
            print(f"partitions, 1 process: {here_s:.2f} s (CPU {here_cpu:.2f} s): the "
                  "partition functions one after another, no Dask; graph equal to the local "
                  "run", flush=True)
            rounds = dask_rounds(source, args.actors, args.repeat + 1, args.partition_size,
                                 args.batch_size, reference)
            report_rounds(rounds, documents, tokens, local_s)
        if not args.skip_cli:
            for actors in (None, args.actors):
                print(end_to_end(source, actors, tmp_dir, args.partition_size), flush=True)
    print(f"load average at end: {load_text()}")
    return 0


def load_text() -> str:
    return "/".join(f"{value:.2f}" for value in os.getloadavg()) + " (1/5/15 min)"


def report_rounds(rounds: list[dict[int, tuple[float, ...]]], documents: int,
                  tokens: int, local_s: float) -> None:
    cold, warm = rounds[0], rounds[1:]
    speedups = [row[1][0] / row[2][0] for row in warm]
    if warm:
        print(f"speed-up 2 vs 1 worker: cold {cold[1][0] / cold[2][0]:.2f}, warm (median of "
              f"{len(warm)}) {statistics.median(speedups):.2f} (target >= {TARGET_SPEEDUP}; "
              f"warm rounds: {', '.join(f'{x:.2f}' for x in speedups)})", flush=True)
    if warm:
        best = {workers: min(row[workers][0] for row in warm) for workers in (1, 2)}
        print(f"speed-up 2 vs 1 worker, best warm round of each: {best[1]:.2f} s / "
              f"{best[2]:.2f} s = {best[1] / best[2]:.2f} (other work on a shared machine "
              "only slows a round down)", flush=True)
    projected = [row[1][1] / row[2][3] for row in warm]
    if warm:
        print(f"projected speed-up if each worker had a CPU to itself (not measured: CPU of "
              "the 1 worker / CPU of the busier of the 2 workers, warm rounds): median "
              f"{statistics.median(projected):.2f} ({', '.join(f'{x:.2f}' for x in projected)})",
              flush=True)
    work = [row[2][1] / row[1][1] for row in rounds]
    print(f"workers' CPU, 2 / 1 worker: median {statistics.median(work):.2f} (work added by "
          "splitting the corpus and merging; rounds: "
          f"{', '.join(f'{x:.2f}' for x in work)})", flush=True)
    print(f"dask 1 worker / local:  {cold[1][0] / local_s:.2f} (cold round against the local "
          "run, both with cold vocabularies)", flush=True)
    for name, row in (("cold", cold), ("warm", warm[0] if warm else cold)):
        rate = documents / row[1][0]
        print(f"per core, {name}: {rate:,.0f} docs/s, {tokens / row[1][0]:,.0f} tokens/s -> "
              f"{1e6 / rate / 3600:.2f} core-hours per million articles of this length "
              "(1 worker)", flush=True)


if __name__ == "__main__":
    sys.exit(main())
