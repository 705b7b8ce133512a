"""Proof on the whole corpus: the prefilter changes no record and no graph.

For each dictionary (the bundled default, ``benchmarks/data/actors_10kgnad.yml`` and
``../shared/gold/dev2-actors.yml`` when present), runs every article of the benchmark
corpus through :func:`banlens.corpus.iter_records` three ways:

* ``prefilter=False``: the whole pipeline on every text (the reference);
* ``prefilter="documents"``: texts without an actor skipped, the others whole;
* ``prefilter=True`` (the default of ``banlens extract``): passages only;

and compares the JSONL lines byte for byte and the GraphML files written from the
records (as ``banlens extract`` writes them) byte for byte. Prints what share of the
texts and characters the default path tokenized, and exits 1 on any difference,
naming the first differing document.

    .venv/bin/python benchmarks/prefilter_check.py [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from _corpus import corpus_path, read_articles

import banlens
from banlens.cli import _graph_builder, write_graph
from banlens.corpus import Document, iter_records
from banlens.passages import PassageRunner

HERE = Path(__file__).resolve().parent
DICTIONARIES = {
    "default": None,
    "10kGNAD": HERE / "data" / "actors_10kgnad.yml",
    "dev2": HERE.parents[1] / "shared" / "gold" / "dev2-actors.yml",
}
MODES = (False, "documents", True)


def run(nlp, texts: list[str], mode: bool | str, graph_path: Path) -> tuple[list[str], float]:
    """JSONL lines of the records, and write the graph ``banlens extract`` would write."""
    documents = (Document(id=f"{i:04d}", text=text) for i, text in enumerate(texts))
    builder = _graph_builder(nlp, include_negated=False, include_hypothetical=True)
    lines = []
    start = time.process_time()
    for record in iter_records(nlp, documents, prefilter=mode):
        lines.append(json.dumps(record, ensure_ascii=False))
        builder.add(record)
    seconds = time.process_time() - start
    write_graph(builder.graph, str(graph_path), "graphml")
    return lines, seconds


def tokenized_share(nlp, texts: list[str]) -> tuple[int, int]:
    """(texts the passage path tokenizes, characters it tokenizes)."""
    runner = PassageRunner.for_pipeline(nlp)
    counts = {"texts": 0, "chars": 0}
    process = runner._process

    def counting(text, pieces):
        counts["texts"] += 1
        counts["chars"] += sum(end - begin for begin, _, end in pieces)
        return process(text, pieces)

    runner._process = counting
    for i, text in enumerate(texts):
        runner.record(text, str(i))
    return counts["texts"], counts["chars"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    args = parser.parse_args()
    texts = read_articles()
    if args.limit:
        texts = texts[: args.limit]
    characters = sum(map(len, texts))
    print(f"corpus: {corpus_path().name}, {len(texts)} articles, {characters:,} characters")
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in DICTIONARIES.items():
            if path is not None and not path.is_file():
                print(f"{name}: dictionary {path} not found, skipped")
                continue
            results = {}
            for mode in MODES:
                nlp = banlens.load("blank", actors=path)
                graph = Path(tmp) / f"{name}-{mode}.graphml"
                results[mode] = (*run(nlp, texts, mode, graph), graph.read_bytes())
            reference, ref_seconds, ref_graph = results[False]
            with_actors = sum(1 for line in reference if json.loads(line)["actors"])
            done, chars = tokenized_share(banlens.load("blank", actors=path), texts)
            print(f"\n{name}: {with_actors} of {len(texts)} articles name an actor; the "
                  f"passage path tokenizes {chars:,} characters ({chars / characters:.0%}) "
                  f"of {done} articles")
            for mode in MODES[1:]:
                lines, seconds, graph = results[mode]
                differ = [i for i, (a, b) in enumerate(zip(reference, lines, strict=True))
                          if a != b]
                same_graph = graph == ref_graph
                print(f"  prefilter={mode!r:<12} records: "
                      f"{'identical' if not differ else f'{len(differ)} DIFFER'} "
                      f"({len(lines)} lines), graph: {'identical' if same_graph else 'DIFFERS'}"
                      f"; {ref_seconds / seconds:.1f}x faster (CPU time, in process)")
                if differ:
                    print(f"    first differing document: {differ[0]:04d}")
                failed |= bool(differ) or not same_graph
    print("\nall identical" if not failed else "\nDIFFERENCES FOUND")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
