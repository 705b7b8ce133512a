"""Make the figures of the documentation from the project's own code.

Runs the default pipeline on the bundled example article and writes, into
``docs/figures/`` (or ``--out DIR``):

* ``example-display.html``: :func:`banlens.display` of the article (actors and
  relations per sentence);
* ``example-graph.png``: :func:`banlens.draw` of the aggregated graph;
* ``example-relations.md``: the relations as a Markdown table (included in the docs).

Usage: ``.venv/bin/python benchmarks/make_figures.py [--out DIR]``
"""

from __future__ import annotations

import argparse
from importlib import resources
from pathlib import Path

import banlens

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = "example_de.txt"


def example_doc(nlp):
    """The bundled example article, processed, with id and date set."""
    text = resources.files("banlens").joinpath("data", EXAMPLE).read_text(encoding="utf-8")
    doc = nlp(text)
    doc._.doc_id = "example"
    return doc


def relations_table(doc) -> str:
    """The relations of ``doc`` as a Markdown table, one row per relation."""
    names = doc._.actor_names or {}
    rows = [
        "| subject | relation | object | negated | hypothetical | trigger | evidence |",
        "|---|---|---|---|---|---|---|",
    ]
    for rel in doc._.relations:
        cells = (
            names.get(rel.subject, rel.subject), f"`{rel.label}`",
            names.get(rel.object, rel.object), "yes" if rel.negated else "",
            "yes" if rel.hypothetical else "", rel.trigger, " ".join(rel.evidence.split()),
        )
        rows.append("| " + " | ".join(str(c).replace("|", "\\|") for c in cells) + " |")
    return "\n".join(rows) + "\n"


def make_figures(out: Path) -> list[Path]:
    """Write the figures into ``out`` and return their paths."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out.mkdir(parents=True, exist_ok=True)
    nlp = banlens.load("blank")
    doc = example_doc(nlp)
    html_path = out / "example-display.html"
    banlens.display(doc, jupyter=False, path=html_path)

    graph = banlens.aggregate(banlens.build_graph([doc]))
    png_path = out / "example-graph.png"
    ax = banlens.draw(graph)
    ax.set_title("Example article: aggregated actor graph (blank default pipeline)")
    ax.figure.savefig(png_path, bbox_inches="tight", dpi=110)
    plt.close(ax.figure)

    table_path = out / "example-relations.md"
    table_path.write_text(relations_table(doc), encoding="utf-8")
    return [html_path, png_path, table_path]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "figures")
    args = parser.parse_args(argv)
    for path in make_figures(args.out):
        print(path)


if __name__ == "__main__":
    main()
