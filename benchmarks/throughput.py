"""Throughput and memory of ``banlens extract`` against spaCy's bare tokenizer, in one run.

Every figure comes from a whole process of its own, started fresh (cold vocabulary,
as in a real run), on the benchmark corpus written as a CSV with a header ``id,text``:

* the bare tokenizer: ``spacy.blank("de").pipe(texts)`` over the texts read from the
  CSV (with banlens' CSV reader), the baseline;
* ``banlens extract CORPUS.csv -o OUT.graphml --model blank``: with the default
  dictionary and with ``benchmarks/data/actors_10kgnad.yml``, with the prefilter
  (default) and with ``--no-prefilter``, with 1 and 2 processes;
* the peak RSS of ``banlens extract`` (prefilter on, 1 process) on the corpus at 1x
  and 5x its size.

Each configuration runs ``--repeat`` times (default 3), the configurations taking
turns, and the medians are compared, so that a burst of other work on a shared
machine does not decide a ratio. A process reports the time from reading the first
document to the written graph (without interpreter start-up, module imports and
pipeline loading, which do not grow with the corpus); the wall time of the whole process is shown
beside it, and the CPU time the work took in all processes (workers included), which
other load on the machine distorts less than the elapsed time. Throughput is tokens
of the bare tokenizer per second; the ratios are against the bare tokenizer's median
of the same run. The graphs written with and
without the prefilter, with 1 and 2 processes, must be identical (checked here).

Targets: extract >= 1.5x the bare tokenizer (default dictionary) and >= 1.0x
(10kGNAD dictionary); 2 processes >= 1.7x one; RSS 5x/1x <= 1.1.

Run from the repository root (corpus: ``../shared/corpora/10kGNAD-test.csv`` or
``$BANLENS_CORPUS``)::

    .venv/bin/python benchmarks/throughput.py [--model blank] [--repeat 3] [--skip-parallel]
                                              [--skip-rss]
"""

from __future__ import annotations

import argparse
import csv
import filecmp
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _corpus import corpus_path, read_articles

HERE = Path(__file__).resolve().parent
DICTIONARIES = {"default": None, "10kGNAD": HERE / "data" / "actors_10kgnad.yml"}
TARGET_DEFAULT = 1.5
TARGET_10KGNAD = 1.0
TARGET_PARALLEL = 1.7
TARGET_RSS = 1.1

_BARE = """
import json, resource, sys, time
import spacy
from banlens.corpus import iter_documents
nlp = spacy.blank("de")
start, cpu = time.perf_counter(), time.process_time()
texts = (document.text for document in iter_documents([sys.argv[1]]))
tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64))
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
print("BENCH", json.dumps({"seconds": seconds, "cpu": cpu, "tokens": tokens,
      "rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}), file=sys.stderr)
"""

_EXTRACT = """
import json, resource, sys, time
import banlens.cli as cli
import banlens.graph, banlens.readwrite  # start-up: modules the command imports on first use
loading = []
load = cli._load
def timed_load(*args, **kwargs):
    start, cpu = time.perf_counter(), time.process_time()
    nlp = load(*args, **kwargs)
    loading.append((time.perf_counter() - start, time.process_time() - cpu))
    return nlp
def children():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime
cli._load = timed_load
start, cpu, workers = time.perf_counter(), time.process_time(), children()
code = cli.main(sys.argv[1:])
seconds = time.perf_counter() - start - sum(wall for wall, _ in loading)
cpu = time.process_time() - cpu - sum(used for _, used in loading) + children() - workers
print("BENCH", json.dumps({"seconds": seconds, "cpu": cpu, "code": code,
      "rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}), file=sys.stderr)
sys.exit(code)
"""


def write_csv_corpus(texts: list[str], path: Path, copies: int = 1) -> None:
    """The corpus ``copies`` times over as a CSV with a header ``id,text``."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "text"])
        for copy in range(copies):
            for i, text in enumerate(texts):
                writer.writerow([f"{copy}-{i}", text])


def run_child(code: str, argv: list[str]) -> dict:
    """Run ``code`` in a fresh interpreter; its BENCH figures plus the whole wall time."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True,
                          check=False)
    wall = time.perf_counter() - start
    for line in done.stderr.splitlines():
        if line.startswith("BENCH "):
            figures = json.loads(line[6:])
            if figures.get("code", 0) != 0:
                break
            figures["wall"] = wall
            return figures
    sys.exit(f"benchmark process failed ({done.returncode}): {' '.join(argv)}\n{done.stderr}")


def extract_argv(corpus: Path, output: Path, dictionary: Path | None, prefilter: bool,
                 n_process: int, model: str = "blank") -> list[str]:
    argv = ["extract", str(corpus), "-o", str(output), "--model", model, "--quiet",
            "--n-process", str(n_process)]
    if dictionary is not None:
        argv += ["--actors", str(dictionary)]
    if not prefilter:
        argv.append("--no-prefilter")
    return argv


def machine() -> str:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    import spacy

    return (f"{os.cpu_count()} CPUs ({model or platform.processor() or 'unknown'}){memory}; "
            f"Python {platform.python_version()}, spaCy {spacy.__version__}")


def load_average() -> str:
    try:
        return ", ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=None,
                        help="default: ../shared/corpora/10kGNAD-test.csv or $BANLENS_CORPUS")
    parser.add_argument("--model", default="blank",
                        help="pipeline of banlens extract (default: blank)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-parallel", action="store_true")
    parser.add_argument("--skip-rss", action="store_true")
    args = parser.parse_args()

    path = args.corpus or corpus_path()
    texts = read_articles(path)
    print(f"corpus: {path.name}, {len(texts)} articles, {sum(map(len, texts)):,} characters; "
          f"banlens extract --model {args.model}")
    print(f"machine: {machine()}")
    print(f"load average at start (1, 5, 15 min): {load_average()}", flush=True)

    configs = [(name, prefilter, n) for name in DICTIONARIES for prefilter in (True, False)
               for n in ((1, 2) if not args.skip_parallel else (1,))]
    with tempfile.TemporaryDirectory() as tmp:
        tmp_dir = Path(tmp)
        corpus = tmp_dir / "corpus.csv"
        write_csv_corpus(texts, corpus)
        bare: list[dict] = []
        runs: dict[tuple, list[dict]] = {config: [] for config in configs}
        for rep in range(args.repeat):
            bare.append(run_child(_BARE, [str(corpus)]))
            for config in configs:
                name, prefilter, n = config
                output = tmp_dir / f"{name}-{prefilter}-{n}-{rep}.graphml"
                runs[config].append(run_child(_EXTRACT, extract_argv(
                    corpus, output, DICTIONARIES[name], prefilter, n, args.model)))
            print(f"  round {rep + 1}/{args.repeat} done (load {load_average()})", flush=True)

        tokens = bare[0]["tokens"]
        t_bare = statistics.median(r["seconds"] for r in bare)
        cpu_bare = statistics.median(r["cpu"] for r in bare)
        wall_bare = statistics.median(r["wall"] for r in bare)
        print(f"\nbare tokenizer: {tokens:,} tokens in {t_bare:.2f} s = {tokens / t_bare:,.0f} "
              f"tokens/s (median of {args.repeat}; CPU {cpu_bare:.2f} s; whole process "
              f"{wall_bare:.1f} s)")
        print("\n| dictionary | prefilter | processes | seconds | tokens/s | vs bare tokenizer "
              "| runs | CPU s (all processes) | CPU vs bare | whole process (s) |")
        print("|---|---|---:|---:|---:|---:|---|---:|---:|---:|")
        medians = {}
        for config in configs:
            name, prefilter, n = config
            seconds = [r["seconds"] for r in runs[config]]
            median = medians[config] = statistics.median(seconds)
            cpu = statistics.median(r["cpu"] for r in runs[config])
            wall = statistics.median(r["wall"] for r in runs[config])
            each = ", ".join(f"{t_bare_i / s:.2f}" for t_bare_i, s in zip(
                [r["seconds"] for r in bare], seconds, strict=True))
            print(f"| {name} | {'on' if prefilter else 'off'} | {n} | {median:.2f} | "
                  f"{tokens / median:,.0f} | **{t_bare / median:.2f}** | {each} | {cpu:.2f} | "
                  f"{cpu_bare / cpu:.2f} | {wall:.1f} |")
        print()
        for name, target in (("default", TARGET_DEFAULT), ("10kGNAD", TARGET_10KGNAD)):
            ratio = t_bare / medians[(name, True, 1)]
            off = t_bare / medians[(name, False, 1)]
            print(f"extract / bare tokenizer, {name} dictionary, 1 process: {ratio:.2f} "
                  f"(target >= {target}; without the prefilter {off:.2f})")
        if not args.skip_parallel:
            for name in DICTIONARIES:
                speedup = medians[(name, True, 1)] / medians[(name, True, 2)]
                print(f"2 processes / 1, {name} dictionary: {speedup:.2f} "
                      f"(target >= {TARGET_PARALLEL}; without the prefilter "
                      f"{medians[(name, False, 1)] / medians[(name, False, 2)]:.2f})")
        same = True
        for name in DICTIONARIES:
            reference = tmp_dir / f"{name}-False-1-0.graphml"
            for config in configs:
                if config[0] == name:
                    output = tmp_dir / f"{name}-{config[1]}-{config[2]}-0.graphml"
                    same &= filecmp.cmp(reference, output, shallow=False)
        print(f"graphs identical with and without the prefilter, 1 and 2 processes: "
              f"{'yes' if same else 'NO'}")

        if not args.skip_rss:
            rss = {}
            for copies in (1, 5):
                big = tmp_dir / f"corpus{copies}x.csv"
                write_csv_corpus(texts, big, copies)
                figures = run_child(_EXTRACT, extract_argv(
                    big, tmp_dir / f"rss{copies}.graphml", None, True, 1, args.model))
                rss[copies] = figures["rss_kb"]
                big.unlink()
                print(f"peak RSS, {copies}x corpus ({copies * len(texts):,} documents): "
                      f"{rss[copies] / 1024:,.0f} MB ({figures['seconds']:.1f} s)", flush=True)
            print(f"RSS 5x / 1x: {rss[5] / rss[1]:.2f} (target <= {TARGET_RSS})")
    print(f"load average at end (1, 5, 15 min): {load_average()}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
