"""The notebooks run top to bottom in a real Jupyter kernel and deliver what they promise.

Each notebook runs with its working directory and ``BANLENS_OUT`` set to a fresh
temporary folder; the tests then check the files it wrote and the outputs it showed.
The kernel is the ``python3`` kernel of the environment running the tests.
"""

from __future__ import annotations

import base64
import csv
import json
import os
from pathlib import Path

import networkx as nx
import pytest
from graph_readers import gexf_schema_view

import banlens.dataframes

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
KernelManager = pytest.importorskip("jupyter_client").KernelManager

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
PNG = b"\x89PNG\r\n\x1a\n"


def run_notebook(name: str, out: Path, monkeypatch: pytest.MonkeyPatch) -> nbformat.NotebookNode:
    """Execute ``notebooks/<name>`` with ``out`` as working directory and BANLENS_OUT."""
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    monkeypatch.setenv("BANLENS_OUT", str(out))
    monkeypatch.delenv("MPLBACKEND", raising=False)  # the kernel picks its inline backend
    kernel = KernelManager(kernel_name="python3")
    socket = out / "kernel"
    if os.name == "posix" and len(str(socket)) < 90:  # Unix socket paths are short
        # IPC sockets instead of TCP: nothing listens on a network port during the tests
        kernel = KernelManager(kernel_name="python3", transport="ipc", ip=str(socket))
    client = nbclient.NotebookClient(
        notebook, km=kernel, timeout=300, resources={"metadata": {"path": str(out)}}
    )
    try:
        client.execute()
    finally:
        if kernel.has_kernel:
            kernel.shutdown_kernel(now=True)
    return notebook


def outputs(notebook: nbformat.NotebookNode) -> list[dict]:
    return [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]


def shown(notebook: nbformat.NotebookNode, mime: str) -> list[str]:
    return [o["data"][mime] for o in outputs(notebook) if mime in o.get("data", {})]


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("name", sorted(p.name for p in NOTEBOOKS.glob("*.ipynb")))
def test_notebooks_are_stored_without_outputs(name):
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, name


def test_quickstart(tmp_path, monkeypatch):
    notebook = run_notebook("01-quickstart.ipynb", tmp_path, monkeypatch)
    assert not [o for o in outputs(notebook) if o.get("output_type") == "error"]

    # the display of actors and relations: shown once, and written as a page
    displays = [h for h in shown(notebook, "text/html") if "banlens-display" in h]
    assert len(displays) == 1
    assert "<svg" in displays[0] and '<mark class="entity"' in displays[0]
    page = (tmp_path / "01-example.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "displacy-arc" in page

    # the relations table (banlens.to_dataframe): not empty, with evidence sentences
    rows = read_csv(tmp_path / "01-relations.csv")
    assert rows, "the quickstart found no relations in the example article"
    assert list(rows[0]) == list(banlens.dataframes.COLUMNS["relations"])
    assert all(row["evidence"] and row["subject_name"] and row["object_name"] for row in rows)

    # the interactive page: shown in the notebook and written as a file
    frames = [h for h in shown(notebook, "text/html") if 'class="banlens-network"' in h]
    assert len(frames) == 1 and "banlens-data" in frames[0]
    page = (tmp_path / "01-network.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "new Sigma(" in page

    # the graph figure: saved and shown inline
    assert (tmp_path / "01-graph.png").read_bytes().startswith(PNG)
    figures = shown(notebook, "image/png")
    assert figures and base64.b64decode(figures[-1]).startswith(PNG)

    # the GraphML file: readable, with every relation of the table
    G = nx.read_graphml(tmp_path / "01-example.graphml")
    assert G.number_of_edges() >= 1
    assert all(G.nodes[n].get("label") for n in G)
    graph_relations = {(G.nodes[u]["label"], d["relation"], G.nodes[v]["label"])
                       for u, v, d in G.edges(data=True)}
    asserted = {(r["subject_name"], r["label"], r["object_name"]) for r in rows
                if r["negated"] == "False"}
    symmetric = {(o, label, s) for s, label, o in graph_relations}
    assert asserted <= graph_relations | symmetric


def test_your_own_actors(tmp_path, monkeypatch):
    notebook = run_notebook("02-your-own-actors.ipynb", tmp_path, monkeypatch)
    assert not [o for o in outputs(notebook) if o.get("output_type") == "error"]
    for name in ("my_actors.yml", "my_relations.yml", "my_gold.jsonl"):
        assert (tmp_path / name).stat().st_size > 0, name

    found = read_csv(tmp_path / "02-found.csv")
    assert found, "the notebook's own actors and relations found nothing"
    # the label added by the lexicon extension is used
    assert "strikes_against" in {row["label"] for row in found}

    gold_docs = (tmp_path / "my_gold.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(gold_docs) >= 3 and all(json.loads(line)["relations"] for line in gold_docs)

    # banlens evaluate ran before and after the dictionary fix the notebook makes
    report = json.loads((tmp_path / "02-evaluation.json").read_text(encoding="utf-8"))
    before, after = report["before"], report["after"]
    assert before["documents"] == after["documents"] == len(gold_docs)
    for run in (before, after):
        scores = (run["actors"], run["relations"]["labeled"], run["relations"]["sentence"])
        assert all(0.0 <= s[key] <= 1.0 for s in scores for key in ("precision", "recall"))
    # the new alias ("Bahn") finds the actor the first dictionary missed
    assert after["actors"]["recall"] > before["actors"]["recall"]
    assert after["relations"]["labeled"]["tp"] >= before["relations"]["labeled"]["tp"]
    # the evaluation report is shown, with the miss list asked for by --errors
    text = "".join(o.get("text", "") for o in outputs(notebook) if o["output_type"] == "stream")
    assert "Precision" in text and "miss" in text.lower()


def test_corpus_to_gephi(tmp_path, monkeypatch):
    notebook = run_notebook("03-corpus-to-gephi.ipynb", tmp_path, monkeypatch)
    assert not [o for o in outputs(notebook) if o.get("output_type") == "error"]
    articles = read_csv(tmp_path / "articles.csv")
    assert len(articles) >= 5 and all(a["date"] for a in articles)

    centrality = read_csv(tmp_path / "03-centrality.csv")
    assert centrality and {"actor", "weighted_degree", "betweenness"} <= set(centrality[0])
    degrees = [float(row["weighted_degree"]) for row in centrality]
    assert degrees == sorted(degrees, reverse=True) and degrees[0] > 0

    assert (tmp_path / "03-graph.png").read_bytes().startswith(PNG)
    frames = [h for h in shown(notebook, "text/html") if 'class="banlens-network"' in h]
    assert len(frames) == 1
    assert (tmp_path / "03-network.html").read_text(encoding="utf-8").count("new Sigma(") == 1
    lite = json.loads((tmp_path / "03-corpus.graphology.json").read_text(encoding="utf-8"))
    assert set(lite) == {"attributes", "options", "nodes", "edges"} and lite["edges"]
    gexf = tmp_path / "03-corpus.gexf"
    etree = pytest.importorskip("lxml.etree")
    tree = etree.parse(str(gexf))
    ns = {"g": "http://gexf.net/1.3"}
    graph = tree.find("g:graph", ns)
    assert graph is not None and graph.get("mode") == "dynamic"
    assert graph.get("timeformat") == "date"
    edges = tree.findall(".//g:edge", ns)
    assert edges and all(e.get("label") for e in edges)
    spells = tree.findall(".//g:spell", ns)
    article_dates = {a["date"] for a in articles}
    assert spells and {s.get("start") for s in spells} <= article_dates
    # the same corpus through the command line gives a graph with the same relations
    cli = etree.parse(str(tmp_path / "03-corpus-cli.gexf"))
    assert {e.get("label") for e in cli.findall(".//g:edge", ns)} == {
        e.get("label") for e in edges
    }
    schema_dir = Path(__file__).resolve().parents[2] / "shared" / "schemas" / "gexf-1.3"
    schema_file = schema_dir / "gexf.xsd"
    if schema_file.is_file():
        schema = etree.XMLSchema(etree.parse(str(schema_file)))
        for document in (tree, cli):
            view = gexf_schema_view(document.getroot())
            assert schema.validate(view), schema.error_log


def test_new_topic(tmp_path, monkeypatch):
    pytest.importorskip("HanTa")
    notebook = run_notebook("04-new-topic.ipynb", tmp_path, monkeypatch)
    assert not [o for o in outputs(notebook) if o.get("output_type") == "error"]
    import yaml

    draft = yaml.safe_load((tmp_path / "04-draft.yml").read_text(encoding="utf-8"))
    names = {entry["name"] for entry in draft["actors"]}
    assert "Volker Wissing" in names and "Deutsche Bahn" in names
    from xml.etree import ElementTree

    root = ElementTree.parse(tmp_path / "04-network.gexf").getroot()
    labels = {node.get("label") for node in root.iter() if node.tag.endswith("}node")}
    assert labels and labels <= names
