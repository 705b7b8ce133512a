"""What relation extraction adds to the blank pipeline's own time, in one run.

On ``../shared/corpora/10kGNAD-test.csv`` (1,028 German news articles):

1. the blank pipeline without ``banlens_relations`` (tokenizer, sentences, lookup
   lemmas, actor tagger) over all texts;
2. ``banlens_relations`` alone over the documents from (1).

The ratio (2)/(1) is the overhead; the target is at most 0.5 (relations add at most
50%). Timing (2) on the finished documents of (1) isolates the component, so the
figure does not depend on run-to-run noise of the rest of the pipeline. Run from
the repository root::

    .venv/bin/python benchmarks/relations_overhead.py [--actors FILE] [--limit N]

``--actors`` takes another actor dictionary (more actors, more sentences to read).
"""

from __future__ import annotations

import argparse
import time

from _corpus import read_articles

TARGET = 0.5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", help="actor dictionary (default: the bundled one)")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N articles")
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args()

    import banlens

    texts = read_articles()
    if args.limit:
        texts = texts[: args.limit]
    nlp = banlens.load("blank", actors=args.actors)
    relations = nlp.get_pipe("banlens_relations")
    list(nlp.pipe(texts[:5]))  # warm up lookups and caches

    start = time.perf_counter()
    with nlp.select_pipes(disable=["banlens_relations"]):
        docs = list(nlp.pipe(texts, batch_size=args.batch_size))
    base = time.perf_counter() - start

    start = time.perf_counter()
    docs = [relations(doc) for doc in docs]
    extra = time.perf_counter() - start

    tokens = sum(len(doc) for doc in docs)
    mentions = sum(len(doc._.actors) for doc in docs)
    found = sum(len(doc._.relation_records) for doc in docs)
    ratio = extra / base
    print(f"articles:            {len(texts)}")
    print(f"tokens:              {tokens}")
    print(f"actor mentions:      {mentions}")
    print(f"relations found:     {found}")
    print(f"pipeline without:    {base:8.2f} s  ({tokens / base:,.0f} tokens/s)")
    print(f"banlens_relations:   {extra:8.2f} s")
    print(f"overhead ratio:      {ratio:8.3f}  (target <= {TARGET}; "
          f"{'met' if ratio <= TARGET else 'NOT met'})")


if __name__ == "__main__":
    main()
