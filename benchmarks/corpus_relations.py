"""Relations on text the rules were not written for: a precision spot check.

Runs the pipeline over the benchmark corpus (``../shared/corpora/10kGNAD-test.csv``,
1,028 Austrian news articles of 2015-2016) with a dictionary of the actors of that
news (``benchmarks/data/actors_10kgnad.yml``: parties, politicians, states,
companies) and lists every relation found with its evidence sentence, so that a
person can judge each one. Prints counts per label and writes the list as
Markdown (``--review FILE``, one row per relation with an empty verdict column).

    .venv/bin/python benchmarks/corpus_relations.py --review /tmp/review.md

The corpus is general news: most sentences that name two of these actors state no
relation between them, which is what makes it a test of precision.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from _corpus import corpus_path, read_articles

import banlens
from banlens.corpus import Document, iter_records

HERE = Path(__file__).resolve().parent
ACTORS = HERE / "data" / "actors_10kgnad.yml"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actors", type=Path, default=ACTORS)
    parser.add_argument("--model", default="blank")
    parser.add_argument("--review", type=Path, help="write the relations as a Markdown table")
    args = parser.parse_args()

    texts = read_articles()
    nlp = banlens.load(args.model, actors=args.actors)
    documents = (Document(id=f"{i:04d}", text=text) for i, text in enumerate(texts))
    rows, labels, with_pairs, sentences = [], Counter(), 0, 0
    for record in iter_records(nlp, documents):
        found = record["relations"]
        labels.update(r["label"] for r in found)
        for relation in found:
            rows.append((record["id"], relation))
        sentences += len({(r["start"], r["end"]) for r in found})
        with_pairs += bool(found)

    print(f"corpus: {corpus_path().name}, {len(texts)} articles; dictionary: {args.actors.name}; "
          f"model: {args.model}")
    print(f"relations: {len(rows)} in {sentences} sentences of {with_pairs} articles")
    for label, count in labels.most_common():
        print(f"  {label:<16}{count:>5}")
    if args.review:
        args.review.write_text(review_table(rows), encoding="utf-8")
        print(f"review table: {args.review}")
    return 0


def review_table(rows: list[tuple[str, dict]]) -> str:
    lines = ["| # | article | relation | flags | evidence | verdict |",
             "|---:|---|---|---|---|---|"]
    for number, (doc_id, r) in enumerate(rows, start=1):
        flags = ", ".join(f for f in ("negated", "hypothetical") if r[f]) or "-"
        evidence = " ".join(r["evidence"].split()).replace("|", "\\|")
        lines.append(f"| {number} | {doc_id} | {r['subject']} {r['label']} {r['object']} "
                     f"(*{r['trigger']}*) | {flags} | {evidence} | |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # "... | head"
        sys.exit(0)
