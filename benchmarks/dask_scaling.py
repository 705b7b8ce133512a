"""banlens on Dask with 1 and 2 workers: same graph as the local run, and how it scales.

On ``../shared/corpora/10kGNAD-test.csv`` (1,028 German news articles, written to a
JSONL file with ids) and the actor dictionary of that corpus
(``benchmarks/data/actors_10kgnad.yml``, so that there are relations to compare):

1. the local run: pipeline -> records -> graph in this process (the reference graph,
   and the single-process rate);
2. for 1 and 2 workers, ``--repeat`` times in turn: a fresh ``LocalCluster`` (one
   thread per worker), the pipeline built on every worker (:func:`banlens.dask.preload`),
   then :func:`banlens.dask.extract` twice, timed: the first run reads with cold
   vocabularies, as a new cluster does, the second with warm ones, as a long-lived
   cluster does. Every graph must equal the reference (nodes, edges, keys, attributes);
3. end to end, as a user types it:
   ``banlens extract corpus.jsonl --aggregate -o net.graphml`` locally and with
   ``--scheduler dask --workers 1`` and ``--workers 2`` (wall time, including start-up,
   cluster start and pipeline loading); the GraphML files must be identical.

The speed-ups are ratios of times measured in this run. Run from the repository root::

    .venv/bin/python benchmarks/dask_scaling.py [--repeat 2] [--partition-size 100]

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


def _cpu_seconds() -> float:
    """CPU seconds of the calling process (run on every worker through client.run)."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def dask_runs(source: Path, actors: Path, workers: int, partition_size: int, batch_size: int,
              reference) -> dict[str, float]:
    """A fresh cluster of ``workers``: start-up, pipeline building, a cold and a warm run."""
    import banlens.dask as bd
    from banlens.partitions import PipelineSpec

    spec = PipelineSpec.of("blank", [actors])
    times: dict[str, float] = {}
    start = time.perf_counter()
    with bd.cluster_client(workers=workers, timeout=120) as client:
        times["cluster"] = time.perf_counter() - start
        start = time.perf_counter()
        loads = bd.preload(client, spec)
        times["preload"] = time.perf_counter() - start
        assert len(loads) == workers and set(loads.values()) == {1}, loads
        for run in ("cold", "warm"):
            before = client.run(_cpu_seconds)
            start = time.perf_counter()
            result = bd.extract([source], client=client, model="blank", actors=[actors],
                                records=False, partition_size=partition_size,
                                batch_size=batch_size)
            times[run] = time.perf_counter() - start
            after = client.run(_cpu_seconds)
            times[f"{run}_cpu"] = sum(after[w] - before[w] for w in after)
            if graph_data(result.graph) != graph_data(reference):
                sys.exit(f"{workers} worker(s), {run} run: the graph differs from the local run")
        times["partitions"] = result.partitions
        again = bd.worker_loads(client, spec)
        assert set(again.values()) == {1}, f"pipeline built more than once per worker: {again}"
    return times


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
    parser.add_argument("--repeat", type=int, default=2,
                        help="fresh clusters per worker count, taken in turn (median)")
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

        runs: dict[int, list[dict[str, float]]] = {1: [], 2: []}
        for _ in range(args.repeat):
            for workers in (1, 2):
                times = dask_runs(source, args.actors, workers, args.partition_size,
                                  args.batch_size, reference)
                runs[workers].append(times)
                print(f"dask, {workers} worker(s):    cluster {times['cluster']:.1f} s, "
                      f"pipeline {times['preload']:.1f} s, {int(times['partitions'])} "
                      f"partitions; cold run {times['cold']:.2f} s (workers' CPU "
                      f"{times['cold_cpu']:.2f} s), warm run {times['warm']:.2f} s (CPU "
                      f"{times['warm_cpu']:.2f} s); graph equal to the local run", flush=True)

        def median(workers: int, key: str) -> float:
            return statistics.median(times[key] for times in runs[workers])

        for key in ("cold", "warm"):
            one, two = median(1, key), median(2, key)
            print(f"{key} runs (median):      1 worker {one:.2f} s "
                  f"({documents / one:,.0f} docs/s), 2 workers {two:.2f} s "
                  f"({documents / two:,.0f} docs/s); speed-up {one / two:.2f} "
                  f"(target >= {TARGET_SPEEDUP}; per repeat: "
                  + ", ".join(f"{a[key] / b[key]:.2f}"
                              for a, b in zip(runs[1], runs[2], strict=True)) + ")", flush=True)
        for key in ("cold", "warm"):
            print(f"workers' CPU, {key} runs: 1 worker {median(1, key + '_cpu'):.2f} s, 2 "
                  f"workers {median(2, key + '_cpu'):.2f} s together (work added by splitting "
                  f"it: {median(2, key + '_cpu') / median(1, key + '_cpu'):.2f}x)", flush=True)
        one_cold = median(1, "cold")
        print(f"dask 1 worker / local:  {one_cold / local_s:.2f} (cold run against the local "
              "run: the cost of scan, scheduling and merging)", flush=True)
        rate = documents / one_cold
        core_hours = 1e6 / rate / 3600
        print(f"per core: {rate:,.0f} docs/s -> {core_hours:.2f} core-hours per million "
              "articles of this length (cold run, 1 worker)", flush=True)

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
