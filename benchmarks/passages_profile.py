"""Where the time of the prefiltered path goes: CPU seconds per step, one cold pass.

Runs :class:`banlens.passages.PassageRunner` (what ``banlens extract`` does per text
by default) once over the benchmark corpus in this fresh process and prints the CPU
seconds of each step: the prefilter scan, finding the cuts, the resolver's reach,
the tokenizer, each pipeline component, and turning the Docs into record items. The
rest is the Python around them. Compare with ``components.py`` (the whole pipeline
over every text).

    .venv/bin/python benchmarks/passages_profile.py [--actors FILE]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from _corpus import corpus_path, read_articles

import banlens
from banlens import passages

HERE = Path(__file__).resolve().parent


def timed(function, key: str, seconds: Counter):
    def wrapper(*args, **kwargs):
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            seconds[key] += time.process_time() - start
    return wrapper


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actors", type=Path, default=None,
                        help="actor dictionary (default: the bundled one); e.g. "
                             "benchmarks/data/actors_10kgnad.yml")
    args = parser.parse_args()
    texts = read_articles()
    nlp = banlens.load("blank", actors=args.actors)
    runner = passages.PassageRunner.for_pipeline(nlp)
    seconds: Counter = Counter()
    runner.prefilter.spans = timed(runner.prefilter.spans, "prefilter scan", seconds)
    passages.find_cuts = timed(passages.find_cuts, "finding cuts", seconds)
    if runner._resolver is not None:
        runner._resolver.reach = timed(runner._resolver.reach, "resolver reach", seconds)
    if runner._plain is not None:
        runner._plain = timed(runner._plain, "tokenizer", seconds)
    runner._steps = [(factory, timed(proc, factory, seconds)) for factory, proc in runner._steps]
    if runner._lemmatizer is not None:
        runner._lemmatizer = timed(runner._lemmatizer, "banlens_lemmas", seconds)
    passages._collect = timed(passages._collect, "record items", seconds)
    start = time.process_time()
    for i, text in enumerate(texts):
        runner.record(text, str(i))
    total = time.process_time() - start
    seconds["rest (Python around the steps)"] = total - sum(seconds.values())
    print(f"corpus: {corpus_path().name}, {len(texts)} articles; dictionary: "
          f"{args.actors.name if args.actors else 'default'}; one cold pass, CPU seconds\n")
    print("| step | seconds | share |\n|---|---:|---:|")
    for name, value in seconds.most_common():
        print(f"| {name} | {value:.2f} | {value / total:.0%} |")
    print(f"| total | {total:.2f} | 100% |")


if __name__ == "__main__":
    main()
