"""What the graph costs next to extraction, in one run.

On ``../shared/corpora/10kGNAD-test.csv`` (1,028 German news articles):

1. extraction: ``banlens.load()`` then ``nlp.pipe(texts)``, keeping each document's
   record (:func:`banlens.graph.graph_record`) as ``banlens extract`` would;
2. the graph: building it from the records (:class:`banlens.GraphBuilder`),
   :func:`banlens.aggregate`, and writing GraphML and GEXF of both the instance
   and the aggregated graph (to a temporary folder).

Prints both times and their ratio; target: graph < 10% of extraction. The corpus has
no dates, so every article gets a made-up one (one per day, cycling over a year) to
exercise the timeline code. ``--cooccurrence`` adds sentence co-occurrence edges
(many more edges; a harder case); ``--actors FILE`` uses another actor dictionary
(more actors, bigger graph). Run from the repository root::

    .venv/bin/python benchmarks/graph_cost.py [--model blank] [--cooccurrence]
        [--actors ../shared/gold/actors.yml]

The corpus is read from ``../shared/corpora`` beside the repository or from
``$BANLENS_CORPUS``. Loading the pipeline is not timed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from _corpus import corpus_path, read_articles

import banlens
from banlens.graph import GraphBuilder, graph_record

TARGET = 0.10


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default="auto", help="pipeline for banlens.load()")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--cooccurrence", action="store_true",
                        help="also build sentence co-occurrence edges")
    parser.add_argument("--actors", help="actor dictionary (YAML) instead of the default")
    args = parser.parse_args()

    path = corpus_path()
    texts = read_articles(path)
    nlp = banlens.load(args.model, actors=args.actors)
    lexicon = nlp.get_pipe("banlens_relations").lexicon  # as `banlens extract` does
    start_day = date(2020, 1, 1)

    t0 = time.perf_counter()
    records = []
    for i, doc in enumerate(nlp.pipe(texts, batch_size=args.batch_size)):
        when = (start_day + timedelta(days=i % 366)).isoformat()
        records.append(graph_record(doc, sentences=args.cooccurrence, doc_id=f"a{i:04d}",
                                    date=when))
    extraction = time.perf_counter() - t0

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        t1 = time.perf_counter()
        builder = GraphBuilder(cooccurrence=args.cooccurrence, lexicon=lexicon)
        builder.update(records)
        G = builder.graph
        A = banlens.aggregate(G, cooccurrence=args.cooccurrence)
        t2 = time.perf_counter()
        for name, graph in (("instances", G), ("aggregated", A)):
            banlens.write_graphml(graph, out / f"{name}.graphml")
            banlens.write_gexf(graph, out / f"{name}.gexf")
        t3 = time.perf_counter()
        sizes = {p.name: p.stat().st_size for p in out.iterdir()}

    graph_time = t3 - t1
    ratio = graph_time / extraction
    print(f"corpus: {path} ({len(texts)} articles)")
    print(f"pipeline: {nlp.pipe_names}")
    print(f"extraction: {extraction:.2f} s")
    print(f"graph: {graph_time:.3f} s (build + aggregate {t2 - t1:.3f} s, "
          f"write GraphML + GEXF x2 {t3 - t2:.3f} s)")
    print(f"instance graph: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges; "
          f"aggregated: {A.number_of_edges()} edges")
    print("files: " + ", ".join(f"{n} {s / 1024:.0f} kB" for n, s in sorted(sizes.items())))
    verdict = "OK" if ratio < TARGET else "ABOVE TARGET"
    print(f"ratio graph / extraction: {ratio:.2%} (target < {TARGET:.0%}) {verdict}")
    return 0 if ratio < TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
