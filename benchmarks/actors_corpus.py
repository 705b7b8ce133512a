"""Tag every article of the benchmark corpus with the default dictionary.

Prints mentions per actor (full and modifier mentions), the number of articles
with at least one actor, and throughput in tokens/s of the blank pipeline with
the actor tagger, against the bare tokenizer measured in the same run.

    .venv/bin/python benchmarks/actors_corpus.py
"""

from __future__ import annotations

import time
from collections import Counter

import spacy
from _corpus import read_articles

import banlens
from banlens.pipeline import blank_pipeline


def main() -> None:
    texts = read_articles()
    bare = spacy.blank("de")
    start = time.perf_counter()
    tokens = sum(len(doc) for doc in bare.pipe(texts, batch_size=64))
    bare_seconds = time.perf_counter() - start

    nlp = blank_pipeline()
    nlp.add_pipe("banlens_actors")
    full, modifier, with_actors = Counter(), Counter(), 0
    start = time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=64):
        with_actors += bool(doc._.actors)
        for span in doc._.actors:
            (full if span.id_ == "name" else modifier)[span.kb_id_] += 1
    seconds = time.perf_counter() - start

    print(f"articles: {len(texts)}, tokens: {tokens}, articles with actors: {with_actors}")
    print(f"{'actor':<26}{'mentions':>10}{'modifier':>10}")
    for actor_id in sorted(set(full) | set(modifier), key=lambda a: -(full[a] + modifier[a])):
        print(f"{actor_id:<26}{full[actor_id]:>10}{modifier[actor_id]:>10}")
    print(f"bare tokenizer:        {tokens / bare_seconds:>10,.0f} tokens/s")
    print(f"blank + actors:        {tokens / seconds:>10,.0f} tokens/s "
          f"({seconds / bare_seconds:.2f}x the tokenizer's time)")
    print(f"banlens {banlens.__version__}, spaCy {spacy.__version__}")


if __name__ == "__main__":
    main()
