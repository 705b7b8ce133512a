"""Score banlens on the gold sets, the honest way, and put the tables into docs/evaluation.md.

Three measurements with the blank default pipeline (unless ``--model``), each with the
gold set's own actor dictionary:

* ``dev``: ``dev.jsonl`` (40 passages of one story; the early rules were tuned on it);
* ``dev2-odd``: the odd ids of ``dev2.jsonl`` (60 passages, 20 other topics) - errors
  are read on this half;
* ``dev2-even``: the even ids - never read, only measured: the check on unseen text.

It prints one summary row per set (with the gap between the halves of dev2), the
targets of the relation and reference issues, a sweep of ``min_confidence`` (precision
and recall per threshold, also drawn to ``docs/figures/confidence-curve.png``) and the
full report of each set, and replaces the block between the marker comments in
``docs/evaluation.md`` with it, so the figures in the docs come from the project's own
code. The gold sets are not part of the project: they are read from ``../shared/gold``
beside the repository, or from ``$BANLENS_GOLD``. Run from anywhere::

    .venv/bin/python benchmarks/evaluate_dev.py [--model blank] [--errors SET] [--no-write]
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = REPO.parent / "shared" / "gold"
DOCS_PAGE = REPO / "docs" / "evaluation.md"
FIGURE = REPO / "docs" / "figures" / "confidence-curve.png"
START = "<!-- evaluate_dev:start -->"
END = "<!-- evaluate_dev:end -->"

# (name, gold file, actor dictionary, ids)
SETS = (
    ("dev", "dev.jsonl", "actors.yml", None),
    ("dev2-odd", "dev2.jsonl", "dev2-actors.yml", "odd"),
    ("dev2-even", "dev2.jsonl", "dev2-actors.yml", "even"),
)
THRESHOLDS = (0.0, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)

# The acceptance targets: (text, set, value getter, required minimum)
TARGETS = (
    ("dev2-even: relations, labeled (document), precision", "dev2-even",
     lambda r: r.labeled.precision, 0.85),
    ("dev2-even: relations, labeled (document), recall", "dev2-even",
     lambda r: r.labeled.recall, 0.55),
    ("dev: relations, labeled (document), precision", "dev", lambda r: r.labeled.precision, 0.95),
    ("dev: relations, labeled (document), recall", "dev", lambda r: r.labeled.recall, 0.60),
    ("dev2-even: actors (document), F1", "dev2-even", lambda r: r.actors.f1, 0.98),
    ("dev2-even: hypothetical flag accuracy", "dev2-even",
     lambda r: r.flags["hypothetical"].accuracy, 0.90),
    ("dev2-even: recall of relations through a reference", "dev2-even",
     lambda r: r.classes["coref"].recall, 0.40),
    ("dev2-even: precision of relations marked coref", "dev2-even",
     lambda r: r.coref_predicted.precision, 0.80),
)


@dataclass
class Run:
    """One gold set: its report and the predicted records (for the sweep)."""

    name: str
    report: object
    gold: list
    predicted: list


def gold_dir() -> Path:
    path = Path(os.environ.get("BANLENS_GOLD", DEFAULT_GOLD))
    need = {f for _, gold, actors, _ in SETS for f in (gold, actors)}
    missing = sorted(name for name in need if not (path / name).is_file())
    if missing:
        sys.exit(f"gold set not found: {', '.join(str(path / m) for m in missing)} "
                 f"(set BANLENS_GOLD to the folder holding them)")
    return path


def measure(model: str, folder: Path) -> list[Run]:
    import banlens
    from banlens.evaluate import evaluate_records, load_gold, predict, select_ids

    runs = []
    for name, gold_file, actors, ids in SETS:
        nlp = banlens.load(model, actors=folder / actors)
        gold = select_ids(load_gold(folder / gold_file), ids)
        predicted = predict(nlp, gold)
        report = evaluate_records(gold, predicted)
        report.source = f"../shared/gold/{gold_file}" + (f" ({ids} ids)" if ids else "")
        report.pipeline = {"lang": nlp.lang, "components": list(nlp.pipe_names)}
        runs.append(Run(name, report, gold, predicted))
    return runs


def _f(value: float) -> str:
    return f"{value:.3f}"


def summary_table(runs: list[Run]) -> str:
    """One row per set: what a reader compares first."""
    rows = ["| Set | Docs | P | R | F1 | Sentence F1 | Recall direct | Recall coref "
            "| Recall implicit | Coref precision | Hypothetical acc. | Actor F1 |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for run in runs:
        r = run.report
        c = r.classes
        coref_p = (f"{_f(r.coref_predicted.precision)} ({r.coref_predicted.tp}/"
                   f"{r.coref_predicted.predicted})" if r.coref_predicted.predicted else "–")
        rows.append(
            f"| {run.name} | {r.documents} | {_f(r.labeled.precision)} | {_f(r.labeled.recall)} "
            f"| {_f(r.labeled.f1)} | {_f(r.sentence.f1)} "
            f"| {_f(c['direct'].recall)} ({c['direct'].tp}/{c['direct'].gold}) "
            f"| {_f(c['coref'].recall)} ({c['coref'].tp}/{c['coref'].gold}) "
            f"| {_f(c['implicit'].recall)} ({c['implicit'].tp}/{c['implicit'].gold}) "
            f"| {coref_p} | {_f(r.flags['hypothetical'].accuracy)} | {_f(r.actors.f1)} |")
    by = {run.name: run.report for run in runs}
    if "dev2-odd" in by and "dev2-even" in by:
        odd, even = by["dev2-odd"], by["dev2-even"]
        rows.append("")
        rows.append(f"Gap between the half errors were read on and the unseen half (odd − "
                    f"even): F1 {odd.labeled.f1 - even.labeled.f1:+.3f}, precision "
                    f"{odd.labeled.precision - even.labeled.precision:+.3f}, recall "
                    f"{odd.labeled.recall - even.labeled.recall:+.3f}.")
    return "\n".join(rows)


def targets_table(runs: list[Run]) -> str:
    """The acceptance targets with the measured values, as a Markdown table."""
    by = {run.name: run.report for run in runs}
    rows = ["| Target | Required | Measured | Met |", "|---|---:|---:|:---:|"]
    for text, name, get, required in TARGETS:
        if name not in by:
            continue
        value = get(by[name])
        rows.append(f"| {text} | ≥ {required:.2f} | {value:.3f} | "
                    f"{'yes' if value >= required else 'no'} |")
    return "\n".join(rows)


def sweep(runs: list[Run], thresholds=THRESHOLDS) -> dict[str, list[tuple[float, float, float]]]:
    """(threshold, precision, recall) per set, dropping relations below the threshold."""
    from banlens.evaluate import evaluate_records

    curves: dict[str, list[tuple[float, float, float]]] = {}
    for run in runs:
        points = []
        for t in thresholds:
            kept = [{**rec, "relations": [r for r in rec["relations"]
                                          if r.get("confidence", 1.0) >= t]}
                    for rec in run.predicted]
            report = evaluate_records(run.gold, kept, symmetric=run.report.symmetric)
            points.append((t, report.labeled.precision, report.labeled.recall))
        curves[run.name] = points
    return curves


def sweep_table(curves: dict[str, list[tuple[float, float, float]]]) -> str:
    names = list(curves)
    head = "| min_confidence | " + " | ".join(f"{n} P | {n} R" for n in names) + " |"
    rows = [head, "|---:|" + "---:|" * (2 * len(names))]
    for k, (t, _, _) in enumerate(curves[names[0]]):
        cells = " | ".join(f"{_f(curves[n][k][1])} | {_f(curves[n][k][2])}" for n in names)
        rows.append(f"| {t:.2f} | {cells} |")
    return "\n".join(rows)


def draw_curve(curves: dict[str, list[tuple[float, float, float]]], path: Path) -> None:
    """Precision against recall per set, one point per threshold."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 4.2), dpi=110)
    for name, points in curves.items():
        ax.plot([p[2] for p in points], [p[1] for p in points], marker="o", label=name)
        for t, p, r in points:
            if t not in (0.0, 0.7, 0.85):
                continue  # a few labels only: the points lie close together
            ax.annotate(f"{t:.2f}", (r, p), textcoords="offset points", xytext=(4, 4),
                        fontsize=7)
    ax.set_xlabel("recall (labeled, document level)")
    ax.set_ylabel("precision")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.02)
    ax.set_title("Precision and recall over min_confidence")
    ax.grid(alpha=0.3)
    ax.legend(loc="lower left")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)


def docs_block(runs: list[Run], command: str, curves=None) -> str:
    """What goes between the markers: summary, targets, sweep and the full reports."""
    parts = [f"Produced by `{command}`:", summary_table(runs), targets_table(runs)]
    if curves:
        parts.append("Precision and recall when relations below a confidence are dropped "
                     "(`min_confidence`):\n\n" + sweep_table(curves)
                     + "\n\n![Precision over recall](figures/confidence-curve.png)")
    for run in runs:
        parts.append(f"### {run.name}\n\n" + run.report.format(errors=False).strip())
    return "\n\n".join(parts)


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
    parser.add_argument("--errors", choices=("dev", "dev2-odd"),
                        help="also print the errors of this set (never of dev2-even)")
    parser.add_argument("--no-write", action="store_true",
                        help="print only; leave docs/evaluation.md as it is")
    args = parser.parse_args()

    runs = measure(args.model, gold_dir())
    curves = sweep(runs)
    print(summary_table(runs), targets_table(runs), sweep_table(curves), sep="\n\n")
    if args.errors:
        run = next(r for r in runs if r.name == args.errors)
        print(run.report.format(errors=True))
    if not args.no_write:
        draw_curve(curves, FIGURE)
        command = f"python benchmarks/evaluate_dev.py --model {args.model}"
        page = DOCS_PAGE.read_text(encoding="utf-8")
        DOCS_PAGE.write_text(replace_block(page, docs_block(runs, command, curves)),
                             encoding="utf-8")
        print(f"\nwritten: {DOCS_PAGE.relative_to(REPO)}, {FIGURE.relative_to(REPO)}")


if __name__ == "__main__":
    main()
