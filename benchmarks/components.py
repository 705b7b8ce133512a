"""Where the time goes: seconds per pipeline component on the benchmark corpus.

Runs the tokenizer over all texts, then each component of the pipeline over the
resulting Docs in order, and prints a Markdown table of seconds, share of the total
and tokens/s per component, with the number of actor mentions and relations found.
Compare pipeline modes by running it once per ``--model`` (``blank``, or an installed
German model such as ``de_core_news_md``).

Usage, from the repository root::

    .venv/bin/python benchmarks/components.py [--model blank] [--limit N]

The corpus is ``../shared/corpora/10kGNAD-test.csv`` or ``$BANLENS_CORPUS``
(see ``_corpus.py``).
"""

from __future__ import annotations

import argparse
import time

from _corpus import corpus_path, read_articles

import banlens


def measure(model: str, texts: list[str]) -> tuple[list[tuple[str, float]], int, int, int]:
    """Seconds per step ("tokenizer", then each pipe), tokens, actor mentions, relations."""
    nlp = banlens.load(model)
    steps: list[tuple[str, float]] = []
    start = time.perf_counter()
    docs = [nlp.make_doc(text) for text in texts]
    steps.append(("tokenizer", time.perf_counter() - start))
    for name, component in nlp.pipeline:
        start = time.perf_counter()
        if hasattr(component, "pipe"):
            docs = list(component.pipe(docs, batch_size=64))
        else:
            docs = [component(doc) for doc in docs]
        steps.append((name, time.perf_counter() - start))
    tokens = sum(len(doc) for doc in docs)
    mentions = sum(len(doc._.actors) for doc in docs)
    relations = sum(len(doc._.relation_records or []) for doc in docs)
    return steps, tokens, mentions, relations


def table(steps: list[tuple[str, float]], tokens: int) -> str:
    total = sum(seconds for _, seconds in steps)
    lines = ["| step | seconds | share | tokens/s |", "|---|---:|---:|---:|"]
    for name, seconds in [*steps, ("total", total)]:
        rate = f"{tokens / seconds:,.0f}" if seconds > 0 else "-"
        lines.append(f"| {name} | {seconds:.2f} | {seconds / total:.0%} | {rate} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="blank", help="blank, auto or a spaCy model name")
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    args = parser.parse_args(argv)
    path = corpus_path()
    texts = read_articles(path)
    if args.limit:
        texts = texts[: args.limit]
    steps, tokens, mentions, relations = measure(args.model, texts)
    print(f"corpus: {path.name}, {len(texts)} articles, {tokens:,} tokens; model: {args.model}")
    print(f"found: {mentions:,} actor mentions, {relations:,} relations\n")
    print(table(steps, tokens))


if __name__ == "__main__":
    main()
