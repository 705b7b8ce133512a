"""Every graph file of one ``banlens extract`` run, read back by networkx, igraph and
graphology (Gephi Lite's parsers, in node), agrees with the JSONL of the same run:
the same actors with their names and colours, the same (source, relation, target)
edges with their weights, labels and colours.

The corpus: the bundled example article plus two short articles written for this
test, with a repeated relation (weight 2), a symmetric one, a negated one (left out
of graph files) and an actor without relations (kept).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from collections import Counter
from importlib import resources

import graph_readers as readers
import pytest

import banlens
from banlens import cli
from banlens.readwrite.style import ACTOR_COLORS, OTHER_COLOR, QUAD_COLORS

ARTICLES = [
    {"id": "beispiel", "date": "2020-09-14",
     "text": (resources.files("banlens") / "data" / "example_de.txt").read_text("utf-8")},
    {"id": "kurz-1", "date": "2020-08-03",
     "text": "Trump kritisiert Bytedance scharf. Microsoft verhandelt mit Bytedance über "
             "Tiktok. Oracle verhandelt nicht mit Walmart."},
    {"id": "kurz-2", "date": "2020-08-05",
     "text": "Trump kritisiert Bytedance erneut. Tencent meldet gute Zahlen."},
]
FORMATS = readers.FORMATS
CASES = [(fmt, reader) for fmt, (_, found) in FORMATS.items() for reader in found]


@pytest.fixture(scope="module")
def run(tmp_path_factory, nlp):
    """One corpus through the CLI: its JSONL and every graph format."""
    folder = tmp_path_factory.mktemp("run")
    corpus = folder / "korpus.jsonl"
    corpus.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES),
                      encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cli, "_load", lambda *args, **kwargs: nlp)
        assert cli.main(["extract", str(corpus), "-o", str(folder / "run.jsonl"), "-q"]) == 0
        for fmt, (name, _) in FORMATS.items():
            out = str(folder / name) + ("/" if name.endswith("/") else "")
            assert cli.main(["extract", str(corpus), "-o", out, "--format", fmt, "-q"]) == 0
    records = [json.loads(line) for line in
               (folder / "run.jsonl").read_text(encoding="utf-8").splitlines()]
    return folder, records


def expected(records) -> readers.Reading:
    """What every graph file must hold, from the JSONL records and the lexicon alone."""
    return readers.expected_reading(records, banlens.load_lexicon().label_info(),
                                    ACTOR_COLORS, QUAD_COLORS, OTHER_COLOR)


def test_the_corpus_has_what_the_comparison_needs(run):
    _, records = run
    want = expected(records)
    assert len(records) == len(ARTICLES)
    assert max(want.weights.values()) >= 2  # an aggregated edge
    assert any(r["negated"] for rec in records for r in rec["relations"])
    connected = {n for s, _, o in want.weights for n in (s, o)}
    assert set(want.labels) - connected  # an actor without relations
    assert len(set(want.edge_colors.values())) >= 2 and len(set(want.node_colors.values())) >= 3


@pytest.mark.parametrize("fmt, reader", CASES,
                         ids=[f"{fmt}-{reader.__name__}" for fmt, reader in CASES])
def test_every_reader_sees_the_jsonl_network(run, fmt, reader):
    if reader.__name__.startswith("graphology"):
        missing = readers.graphology_missing()
        if missing:
            if os.environ.get("CI"):
                pytest.fail(missing)
            pytest.skip(missing)
    folder, records = run
    want = expected(records)
    got = reader(folder / FORMATS[fmt][0])
    assert got.directed
    assert got.labels == want.labels
    assert got.weights == want.weights
    assert got.edge_labels == want.edge_labels  # every edge is labelled with its relation
    if fmt in readers.COLOURED:
        assert got.node_colors == want.node_colors
        if reader is not readers.networkx_gexf and reader is not readers.igraph_gexf:
            assert got.edge_colors == want.edge_colors  # (networkx reads no edge colours)


def test_the_html_page_holds_the_same_network_and_every_sentence(run, nlp):
    folder, records = run
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cli, "_load", lambda *args, **kwargs: nlp)
        assert cli.main(["extract", str(folder / "korpus.jsonl"), "-o",
                         str(folder / "net.html"), "-q"]) == 0
    page = (folder / "net.html").read_text(encoding="utf-8")
    start = page.index('<script type="application/json" id="banlens-data">')
    data = json.loads(page[page.index(">", start) + 1:page.index("</script>", start)])
    want = expected(records)
    assert {n["key"]: n["label"] for n in data["nodes"]} == want.labels
    assert Counter({(e["source"], e["relation"], e["target"]): e["weight"]
                    for e in data["edges"]}) == want.weights
    sentences = {(rec["id"], rel["evidence"]) for rec in records for rel in rec["relations"]
                 if not rel["negated"]}
    assert {(i["doc"], i["text"]) for e in data["edges"] for i in e["instances"]} == sentences
    # nothing is loaded from elsewhere: no script, style or image with an address
    assert not re.search(r"<(script|link|img|iframe|object|embed)\b[^>]*\s(src|href)\s*=", page)


def test_gephi_lite_reads_undirected_symmetric_relations_as_a_mixed_graph(tmp_path, run):
    missing = readers.graphology_missing()
    if missing:
        pytest.fail(missing) if os.environ.get("CI") else pytest.skip(missing)
    folder, records = run
    G = banlens.aggregate(banlens.build_graph(records))
    path = tmp_path / "gemischt.gexf"
    banlens.write_gexf(G, path, undirected_symmetric=True)
    done = subprocess.run(["node", str(readers.JS / "read.js"), "gexf", str(path)],
                          capture_output=True, text=True, timeout=60, check=True)
    data = json.loads(done.stdout)
    undirected = {(e["source"], e["attributes"]["relation"], e["target"])
                  for e in data["edges"] if e.get("undirected")}
    assert data["type"] == "mixed"
    assert undirected == {(u, k, v) for u, v, k, s in G.edges(keys=True, data="symmetric") if s}
    assert undirected  # the corpus has a symmetric relation
