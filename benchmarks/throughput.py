"""Throughput and memory of corpus processing, in one run.

Measures on ``../shared/corpora/10kGNAD-test.csv`` (1,028 German news articles):

1. spaCy's bare tokenizer: ``spacy.blank("de").pipe(texts)``, tokens/s;
2. the full banlens extraction, as ``banlens extract`` does it: pipeline (actors,
   relations) -> record -> graph builder -> GraphML file, tokens/s, and its ratio
   to (1) (target >= 0.6);
3. the same with ``n_process=2`` versus 1 (target >= 1.4);
4. peak RSS of the ``banlens extract`` command on the corpus written as a CSV
   (header ``id,text``) at 1x and 5x its size, each in its own process
   (target: 5x <= 1.3 x 1x).

The corpus is read from ``../shared/corpora`` beside the repository or from
``$BANLENS_CORPUS`` (see ``_corpus.py``). Run from the repository root::

    .venv/bin/python benchmarks/throughput.py [--model blank] [--batch-size 64]

Timings exclude loading the pipeline; each starts from a freshly loaded pipeline
(cold vocabulary, as in a real run). Tokenizer and extraction are timed in turn
``--repeat`` times (default 3) and the ratio is that of the medians. The token
count is the bare tokenizer's.
The machine should be otherwise idle: other processes distort every figure.
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _corpus import corpus_path, read_articles

TARGET_RATIO = 0.6
TARGET_PARALLEL = 1.4
TARGET_RSS = 1.3


def time_tokenizer(texts: list[str], batch_size: int) -> tuple[int, float]:
    import spacy

    nlp = spacy.blank("de")
    start = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size))
    return tokens, time.perf_counter() - start


def time_extraction(nlp, texts: list[str], batch_size: int, n_process: int,
                    output: Path) -> tuple[float, dict[str, float | int]]:
    """Time pipeline + records + graph + GraphML, the path of ``banlens extract``."""
    from banlens.cli import write_graph
    from banlens.corpus import Document, iter_records
    from banlens.graph import GraphBuilder

    documents = (Document(id=str(i), text=text) for i, text in enumerate(texts))
    builder = GraphBuilder()
    relations = 0
    start = time.perf_counter()
    for record in iter_records(nlp, documents, batch_size=batch_size, n_process=n_process):
        relations += len(record["relations"])
        builder.add(record)
    extracted = time.perf_counter()
    write_graph(builder.graph, str(output), "graphml")
    end = time.perf_counter()
    graph = builder.graph
    return end - start, {"write_s": end - extracted, "relations": relations,
                         "nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()}


def write_csv_corpus(texts: list[str], path: Path, copies: int) -> None:
    """The corpus ``copies`` times over as a CSV with a header ``id,text``."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "text"])
        for copy in range(copies):
            for i, text in enumerate(texts):
                writer.writerow([f"{copy}-{i}", text])


_CHILD = """
import resource, sys
from banlens.cli import main
code = main(sys.argv[1:])
print("MAXRSS_KB", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
sys.exit(code)
"""


def peak_rss(corpus_csv: Path, output: Path, model: str, batch_size: int) -> tuple[int, float]:
    """Run ``banlens extract`` in a fresh process; return its peak RSS (kB) and wall time."""
    argv = [sys.executable, "-c", _CHILD, "extract", str(corpus_csv), "-o", str(output),
            "--model", model, "--batch-size", str(batch_size), "--quiet"]
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"banlens extract failed ({done.returncode}):\n{done.stderr}")
    for line in done.stderr.splitlines():
        if line.startswith("MAXRSS_KB"):
            return int(line.split()[1]), wall
    sys.exit(f"no RSS figure from the child process:\n{done.stderr}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=None,
                        help="default: ../shared/corpora/10kGNAD-test.csv or $BANLENS_CORPUS")
    parser.add_argument("--model", default="blank")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--repeat", type=int, default=3,
                        help="timings of tokenizer and extraction, compared by median")
    parser.add_argument("--skip-parallel", action="store_true")
    parser.add_argument("--skip-rss", action="store_true")
    args = parser.parse_args()

    import banlens

    path = args.corpus or corpus_path()
    texts = read_articles(path)
    print(f"corpus: {path.name}, {len(texts)} articles, "
          f"{sum(map(len, texts)):,} characters; model {args.model!r}, "
          f"batch size {args.batch_size}, {os.cpu_count()} CPUs", flush=True)

    # A fresh pipeline for each timing: its vocabulary starts cold, as in a real run
    # (a second pass over the same texts is faster once every word is in the vocab).
    # The two are timed in turn, --repeat times, and compared by their medians, so
    # that a burst of load on a shared machine does not decide the ratio.
    with tempfile.TemporaryDirectory() as tmp:
        tmp_dir = Path(tmp)
        bare_times, full_times = [], []
        for _ in range(args.repeat):
            tokens, t_tok = time_tokenizer(texts, args.batch_size)
            bare_times.append(t_tok)
            t_one, info = time_extraction(banlens.load(args.model), texts, args.batch_size, 1,
                                          tmp_dir / "g1.graphml")
            full_times.append(t_one)
        t_tok, t_one = statistics.median(bare_times), statistics.median(full_times)
        ratios = sorted(b / f for b, f in zip(bare_times, full_times, strict=True))
        print(f"bare tokenizer:        {tokens:,} tokens in {t_tok:.2f} s = "
              f"{tokens / t_tok:,.0f} tokens/s (median of {args.repeat})", flush=True)
        ratio = t_tok / t_one
        print(f"banlens, 1 process:    {t_one:.2f} s = {tokens / t_one:,.0f} tokens/s "
              f"(graph writing {info['write_s']:.2f} s; {info['relations']} relations, "
              f"{info['nodes']} nodes, {info['edges']} edges)", flush=True)
        print(f"ratio banlens/bare:    {ratio:.2f} (target >= {TARGET_RATIO}; the {args.repeat} "
              f"runs: {', '.join(f'{r:.2f}' for r in ratios)})", flush=True)

        if not args.skip_parallel:
            t_two, _ = time_extraction(banlens.load(args.model), texts, args.batch_size, 2,
                                       tmp_dir / "g2.graphml")
            print(f"banlens, 2 processes:  {t_two:.2f} s = {tokens / t_two:,.0f} tokens/s",
                  flush=True)
            print(f"speed-up 2 vs 1:       {t_one / t_two:.2f} (target >= {TARGET_PARALLEL})",
                  flush=True)

        if not args.skip_rss:
            rss = {}
            for copies in (1, 5):
                corpus_csv = tmp_dir / f"corpus{copies}x.csv"
                write_csv_corpus(texts, corpus_csv, copies)
                rss[copies], wall = peak_rss(corpus_csv, tmp_dir / f"cli{copies}x.graphml",
                                             args.model, args.batch_size)
                corpus_csv.unlink()
                print(f"peak RSS, {copies}x corpus:  {rss[copies] / 1024:,.0f} MB "
                      f"(banlens extract, {copies * len(texts)} documents, {wall:.1f} s "
                      "including start-up)", flush=True)
            print(f"RSS 5x / 1x:           {rss[5] / rss[1]:.2f} (target <= {TARGET_RSS})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
