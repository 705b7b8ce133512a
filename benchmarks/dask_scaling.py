"""banlens on Dask with 1 and 2 workers: same graph as the local run, and how it scales.

On ``../shared/corpora/10kGNAD-test.csv`` (1,028 German news articles, written to a
JSONL file with ids) and the actor dictionary of that corpus
(``benchmarks/data/actors_10kgnad.yml``, so that there are relations to compare):

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
   ``banlens extract corpus.jsonl --aggregate -o net.graphml`` locally and with
   ``--scheduler dask --workers 1`` and ``--workers 2`` (wall time, including start-up,
   cluster start and pipeline loading); the GraphML files must be identical.

The speed-ups are ratios of times measured in this run. Run from the repository root::

    .venv/bin/python benchmarks/dask_scaling.py [--repeat 4] [--partition-size 100]

The machine should be otherwise idle; the load average is printed before and after.
"""

from __future__ import annotations

import argparse
import json
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
    for record in iter_records(nlp, iter_documents([source]), batch_size=batch_size):
        builder.add(record)
        documents += 1
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    tokenizer = spacy.blank("de")
    texts = [json.loads(line)["text"] for line in source.open(encoding="utf-8")]
    tokens = sum(len(doc) for doc in tokenizer.pipe(texts, batch_size=batch_size))
    return seconds, cpu, documents, tokens, builder.graph


def partitions_here(source: Path, actors: Path, partition_size: int, batch_size: int,
                    reference) -> tuple[float, float]:
    """The partition functions one after another in this process, no Dask: seconds, CPU."""
    from banlens import partitions
    from banlens.partitions import PipelineSpec

    spec = PipelineSpec.of("blank", [actors])
    partitions.pipeline_for(spec)  # built before the clock starts, as on a preloaded worker
    start, cpu = time.perf_counter(), time.process_time()
    parts = partitions.plan_partitions([source], partition_size)
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
                batch_size: int, reference) -> list[dict[int, tuple[float, float, float]]]:
    """``rounds`` rounds of one run on 1 and one on 2 workers: {workers: (s, CPU s, load)}."""
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
                                    records=False, partition_size=partition_size,
                                    batch_size=batch_size)
                seconds = time.perf_counter() - start
                after = client.run(_cpu_seconds)
                cpu = sum(after[w] - before[w] for w in after)
                if graph_data(result.graph) != graph_data(reference):
                    sys.exit(f"{workers} worker(s), round {number}: the graph differs from "
                             "the local run")
                row[workers] = (seconds, cpu, load)
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
    args = parser.parse_args()

    import networkx as nx

    import banlens

    path = args.corpus or corpus_path()
    texts = read_articles(path)
    print(f"corpus: {path.name}, {len(texts)} articles; actors {args.actors.name}; "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at start", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_dir = Path(tmp)
        source = tmp_dir / "corpus.jsonl"
        with source.open("w", encoding="utf-8") as handle:
            for i, text in enumerate(texts):
                handle.write(json.dumps({"id": f"a{i:04d}", "text": text},
                                        ensure_ascii=False) + "\n")

        local_s, local_cpu, documents, tokens, reference = local_reference(source, args.actors,
                                                                args.batch_size)
        edges = banlens.aggregate(reference)
        print(f"local, 1 process:      {local_s:.2f} s (CPU {local_cpu:.2f} s) = "
              f"{documents / local_s:,.0f} docs/s, "
              f"{tokens / local_s:,.0f} tokens/s ({tokens:,} tokens; {reference.number_of_nodes()}"
              f" actors, {reference.number_of_edges()} relation edges, "
              f"{edges.number_of_edges()} aggregated)", flush=True)

        here_s, here_cpu = partitions_here(source, args.actors, args.partition_size,
                                           args.batch_size, reference)
        print(f"partitions, 1 process: {here_s:.2f} s (CPU {here_cpu:.2f} s): the partition "
              "functions one after another, no Dask; graph equal to the local run", flush=True)
        rounds = dask_rounds(source, args.actors, args.repeat + 1, args.partition_size,
                             args.batch_size, reference)
        cold, warm = rounds[0], rounds[1:]
        speedups = [row[1][0] / row[2][0] for row in warm]
        print(f"speed-up 2 vs 1 worker: cold {cold[1][0] / cold[2][0]:.2f}, warm (median of "
              f"{len(warm)}) {statistics.median(speedups):.2f} (target >= {TARGET_SPEEDUP}; "
              f"warm rounds: {', '.join(f'{x:.2f}' for x in speedups)})", flush=True)
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

        if not args.skip_cli:
            common = ["extract", str(source), "--actors", str(args.actors), "--model", "blank",
                      "--aggregate", "-q"]
            wall = {"local": cli_run([*common, "-o", str(tmp_dir / "local.graphml")])}
            for workers in (1, 2):
                wall[workers] = cli_run([*common, "-o", str(tmp_dir / f"dask{workers}.graphml"),
                                         "--scheduler", "dask", "--workers", str(workers),
                                         "--partition-size", str(args.partition_size)])
            reference_file = (tmp_dir / "local.graphml").read_bytes()
            for workers in (1, 2):
                if (tmp_dir / f"dask{workers}.graphml").read_bytes() != reference_file:
                    sys.exit(f"--workers {workers}: GraphML differs from the local run's")
            written = nx.read_graphml(tmp_dir / "local.graphml")
            weights = sum(int(data.get("weight", 0)) for _, _, data in written.edges(data=True))
            print(f"CLI end to end:        local {wall['local']:.1f} s, --workers 1 "
                  f"{wall[1]:.1f} s, --workers 2 {wall[2]:.1f} s (start-up and pipeline "
                  f"loading included); 2 vs 1 worker {wall[1] / wall[2]:.2f}; GraphML "
                  f"identical ({written.number_of_edges()} edges, total weight {weights})",
                  flush=True)
    print(f"load average at end: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
