"""Score banlens on the dev gold set and put the tables into docs/evaluation.md.

Runs the pipeline (blank default unless ``--model``) with the gold set's own actor
dictionary over ``../shared/gold/dev.jsonl``, prints the report and the issue's
targets, and replaces the block between the marker comments in
``docs/evaluation.md`` with the tables, so the figures in the docs come from the
project's own code. The gold set is not part of the project: it is read from
``../shared/gold`` beside the repository, or from ``$BANLENS_GOLD`` (a folder with
``dev.jsonl`` and ``actors.yml``). Run from anywhere::

    .venv/bin/python benchmarks/evaluate_dev.py [--model blank] [--errors] [--no-write]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = REPO.parent / "shared" / "gold"
DOCS_PAGE = REPO / "docs" / "evaluation.md"
START = "<!-- evaluate_dev:start -->"
END = "<!-- evaluate_dev:end -->"

# The acceptance targets on dev.jsonl (blank default pipeline).
TARGETS = (
    ("Relations, labeled (document): precision", "labeled", "precision", 0.80),
    ("Relations, labeled (document): F1", "labeled", "f1", 0.60),
    ("Actors (document): F1", "actors", "f1", 0.95),
)


def gold_dir() -> Path:
    path = Path(os.environ.get("BANLENS_GOLD", DEFAULT_GOLD))
    missing = [name for name in ("dev.jsonl", "actors.yml") if not (path / name).is_file()]
    if missing:
        sys.exit(f"gold set not found: {', '.join(str(path / m) for m in missing)} "
                 f"(set BANLENS_GOLD to the folder holding dev.jsonl and actors.yml)")
    return path


def targets_table(report) -> str:
    """The acceptance targets with the measured values, as a Markdown table."""
    rows = ["| Target | Required | Measured | Met |", "|---|---:|---:|:---:|"]
    for name, measure, metric, required in TARGETS:
        value = getattr(getattr(report, measure), metric)
        rows.append(f"| {name} | ≥ {required:.2f} | {value:.3f} | "
                    f"{'yes' if value >= required else 'no'} |")
    return "\n".join(rows)


def docs_block(report, command: str) -> str:
    """What goes between the markers: the command, the targets and the report tables."""
    return "\n\n".join([
        f"Produced by `{command}`:",
        targets_table(report),
        report.format(errors=False).strip(),
    ])


def replace_block(page: str, block: str) -> str:
    """``page`` with the text between the START and END markers replaced by ``block``."""
    start, end = page.find(START), page.find(END)
    if start < 0 or end < start:
        raise ValueError(f"markers {START} … {END} not found (in this order)")
    return page[: start + len(START)] + "\n" + block.strip() + "\n" + page[end:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="blank",
                        help="blank (default), auto, or a spaCy pipeline name or path")
    parser.add_argument("--errors", action="store_true",
                        help="also print the false positives and misses")
    parser.add_argument("--no-write", action="store_true",
                        help="print only; leave docs/evaluation.md as it is")
    args = parser.parse_args()

    import banlens
    from banlens.evaluate import evaluate_file

    gold = gold_dir()
    nlp = banlens.load(args.model, actors=gold / "actors.yml")
    report = evaluate_file(gold / "dev.jsonl", nlp)
    report.source = "../shared/gold/dev.jsonl"  # as the docs and the issue name it
    print(report.format(errors=args.errors))
    print(targets_table(report))

    if not args.no_write:
        command = (f"banlens evaluate ../shared/gold/dev.jsonl --actors "
                   f"../shared/gold/actors.yml --model {args.model}")
        page = DOCS_PAGE.read_text(encoding="utf-8")
        DOCS_PAGE.write_text(replace_block(page, docs_block(report, command)),
                             encoding="utf-8")
        print(f"\nwritten: {DOCS_PAGE.relative_to(REPO)}")


if __name__ == "__main__":
    main()
