"""banlens on a Dask cluster gives the graph, records and problem reports of the local run.

The tests share one ``distributed.LocalCluster`` (2 worker processes, one thread
each, as ``banlens extract --scheduler dask --workers 2`` starts it), started with a
timeout and closed when the module is done.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import networkx as nx
import pytest
from test_partitions import SENTENCES, write_awkward_files, write_sample

import banlens
from banlens import cli
from banlens.corpus import Problem, iter_documents, iter_records
from banlens.graph import GraphBuilder
from banlens.partitions import Items, PipelineSpec, read_source

pytest.importorskip("distributed", reason="needs pip install 'banlens[dask]'")
banlens_dask = pytest.importorskip("banlens.dask")

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("BANLENS_CORPUS",
                             REPO.parent / "shared" / "corpora" / "10kGNAD-test.csv"))
CORPUS_ACTORS = REPO / "benchmarks" / "data" / "actors_10kgnad.yml"
SAMPLE_CSV = REPO / "tests" / "data" / "kgnad_style.csv"
CLUSTER_TIMEOUT = 90.0


@pytest.fixture(autouse=True)
def shared_pipeline(cli_uses_session_pipeline):
    """Local CLI runs reuse the session pipeline (workers build their own)."""


# --- on a local cluster -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def client():
    """Two worker processes with one thread each; closed when the module's tests are done."""
    with banlens_dask.cluster_client(workers=2, timeout=CLUSTER_TIMEOUT) as client:
        yield client


def graph_data(G):
    """Everything in a graph, in its order: attributes, nodes and keyed edges with data."""
    return (dict(G.graph), list(G.nodes(data=True)), list(G.edges(keys=True, data=True)))


def local_run(nlp, inputs, **graph_options):
    """Records, instance graph and problems of the single-process run."""
    problems: list[Problem] = []
    records = list(iter_records(nlp, iter_documents(inputs, problems.append),
                                on_problem=problems.append))
    lexicon = nlp.get_pipe("banlens_relations").lexicon
    graph = GraphBuilder(lexicon=lexicon, **graph_options).update(records).graph
    return records, graph, problems


def test_extract_equals_the_local_run(client, nlp, tmp_path):
    inputs = write_sample(tmp_path)
    records, graph, problems = local_run(nlp, inputs)
    assert graph.number_of_edges() >= 5  # the sample has relations to compare
    shown = io.StringIO()
    result = banlens_dask.extract(inputs, client=client, partition_size=2, split_every=2,
                                  progress=shown)
    assert result.partitions > 4
    assert graph_data(result.graph) == graph_data(graph)
    assert result.records.compute(scheduler=client) == records
    assert result.problems == problems
    assert result.summary.processed == len(records)
    assert "% Completed" in shown.getvalue()  # Dask's progress bar, drawn on the stream
    aggregated = banlens.aggregate(result.graph)
    assert graph_data(aggregated) == graph_data(banlens.aggregate(graph))


def test_extract_from_a_bag(client, nlp):
    import dask.bag

    items = [{"id": f"s{i}", "text": text, "date": f"2020-10-{i + 1:02d}"}
             for i, text in enumerate(SENTENCES)] + ["", "Huawei klagt gegen die US-Regierung."]
    bag = dask.bag.from_sequence(items, npartitions=3)
    problems: list[Problem] = []
    documents = [document for number, part in enumerate(
                 [items[0:3], items[3:6], items[6:9]])
                 for document in read_source(Items(number, part), problems.append)]
    expected = list(iter_records(nlp, documents))
    result = banlens_dask.extract(bag, client=client, include_negated=True)
    assert result.records.compute(scheduler=client) == expected
    lexicon = nlp.get_pipe("banlens_relations").lexicon
    local = GraphBuilder(lexicon=lexicon, include_negated=True).update(expected).graph
    assert graph_data(result.graph) == graph_data(local)
    assert [str(p) for p in result.problems] == [str(p) for p in problems] == [
        "<partition 2>:2: empty document"]


def test_pipeline_is_built_once_per_worker(client, tmp_path):
    inputs = write_sample(tmp_path)
    result = banlens_dask.extract(inputs, client=client, partition_size=1, records=False)
    assert result.partitions >= 10 and result.records is None
    loads = banlens_dask.worker_loads(client, PipelineSpec())
    assert len(loads) == 2 and set(loads.values()) == {1}


def cli_run(capsys, *argv) -> tuple[int, list[str]]:
    code = cli.main([str(arg) for arg in argv])
    return code, capsys.readouterr().err.splitlines()


def test_cli_on_a_cluster_writes_what_the_local_run_writes(client, tmp_path, capsys):
    inputs = write_sample(tmp_path / "in")
    address = client.scheduler.address
    for name, extra in (("out.jsonl", []), ("net.graphml", ["--aggregate"]),
                        ("net.gexf", ["--include-negated"])):
        code, local_err = cli_run(capsys, "extract", *inputs, "-o", tmp_path / f"local-{name}",
                                  *extra)
        assert code == 0
        code, dask_err = cli_run(capsys, "extract", *inputs, "-o", tmp_path / f"dask-{name}",
                                 "--scheduler", "dask", "--address", address,
                                 "--partition-size", "3", *extra)
        assert code == 0
        assert (tmp_path / f"dask-{name}").read_bytes() == (
            tmp_path / f"local-{name}").read_bytes()
        problems = [line for line in local_err if ": skipped: " in line or ": warning: " in line]
        assert len(problems) >= 8
        assert [line for line in dask_err if line in problems or ": skipped: " in line
                or ": warning: " in line] == problems
        assert dask_err[-1].replace("dask-", "local-") == local_err[-1]


def test_cli_on_a_cluster_reads_csv_options_and_bad_files_as_the_local_run(client, tmp_path,
                                                                           capsys):
    """Files whose first lines decide how they are read, a stated CSV layout with ragged
    rows, instance edges without isolated actors: the same files and the same lines."""
    inputs = write_awkward_files(tmp_path / "in")
    options = ["--csv-delimiter", ";", "--csv-quotechar", '"', "--text-column", "inhalt",
               "--id-column", "nr"]
    for name, extra in (("out.jsonl", []), ("net.graphml", ["--instances", "--drop-isolates"])):
        code, local_err = cli_run(capsys, "extract", *inputs, *options, "-o",
                                  tmp_path / f"local-{name}", *extra)
        assert code == 0
        code, dask_err = cli_run(capsys, "extract", *inputs, *options, "-o",
                                 tmp_path / f"dask-{name}", "--scheduler", "dask", "--address",
                                 client.scheduler.address, "--partition-size", "2", *extra)
        assert code == 0
        assert (tmp_path / f"dask-{name}").read_bytes() == (
            tmp_path / f"local-{name}").read_bytes()
        problems = [line for line in local_err if ": skipped: " in line or ": warning: " in line]
        assert len(problems) >= 10
        assert [line for line in dask_err if ": skipped: " in line
                or ": warning: " in line] == problems
        assert dask_err[-1].replace("dask-", "local-") == local_err[-1]
    graph = nx.read_graphml(tmp_path / "local-net.graphml")
    assert graph.number_of_edges() >= 3 and not list(nx.isolates(graph))


def test_cli_reports_an_unreachable_scheduler(tmp_path, capsys):
    text = tmp_path / "a.txt"
    text.write_text(SENTENCES[0], encoding="utf-8")
    code = cli.main(["extract", str(text), "-o", str(tmp_path / "o.jsonl"), "--scheduler",
                     "dask", "--address", "tcp://127.0.0.1:9", "--timeout", "1", "-q"])
    assert code == cli.EXIT_FAILED
    err = capsys.readouterr().err
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9 within 1 s" in err
    assert "Traceback" not in err


def corpus_head(limit: int, target: Path) -> Path:
    """The first ``limit`` articles of the benchmark corpus, in its own CSV layout."""
    with CORPUS.open(encoding="utf-8", newline="") as handle:
        rows = [row for _, row in zip(range(limit), csv.reader(handle, delimiter=";",
                                                                quotechar="'"), strict=False)]
    with target.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";", quotechar="'", lineterminator="\n").writerows(rows)
    return target


@pytest.mark.parametrize("corpus", ["sample", "10kGNAD"])
def test_10kgnad_layout_on_two_workers_equals_the_local_run(client, tmp_path, capsys, corpus):
    """CSV in the 10kGNAD layout (``label;text``, ``'`` quotes, no header, found by checking
    the whole file): the shipped sample with the bundled dictionary, and the first 100
    articles of the benchmark corpus with a dictionary of their actors (the whole corpus
    is compared by benchmarks/dask_scaling.py)."""
    if corpus == "sample":
        source, common = SAMPLE_CSV, []
    elif not CORPUS.is_file():
        pytest.skip("10kGNAD corpus not found beside the repo")
    else:
        source, common = corpus_head(100, tmp_path / "artikel.csv"), ["--actors", CORPUS_ACTORS]
    common += ["--no-header", "--text-column", "2", "--aggregate", "-q"]
    code, _ = cli_run(capsys, "extract", source, "-o", tmp_path / "local.graphml", *common)
    assert code == 0
    code, err = cli_run(capsys, "extract", source, "-o", tmp_path / "dask.graphml", *common,
                        "--scheduler", "dask", "--address", client.scheduler.address,
                        "--partition-size", "2" if corpus == "sample" else "10")
    assert code == 0, err
    assert (tmp_path / "dask.graphml").read_bytes() == (tmp_path / "local.graphml").read_bytes()
    graph = nx.read_graphml(tmp_path / "local.graphml")
    assert graph.number_of_edges() >= 3 and graph.number_of_nodes() >= 5


def test_cli_on_a_cluster_writes_jsonl_to_stdout(client, tmp_path, capsys):
    inputs = write_sample(tmp_path)
    assert cli.main(["extract", *map(str, inputs), "-o", "-", "-q"]) == 0
    local = capsys.readouterr().out
    assert cli.main(["extract", *map(str, inputs), "-o", "-", "-q", "--scheduler", "dask",
                     "--address", client.scheduler.address, "--partition-size", "2"]) == 0
    remote = capsys.readouterr().out
    assert remote == local and local.count("\n") >= 10
