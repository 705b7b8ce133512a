"""The banlens command end to end: banlens.cli.main([...]) on small corpora written here."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

import banlens
import banlens.readwrite
import banlens.records
from banlens import cli
from banlens.readwrite.output import binary_output

# Sentences written for these tests; actors from the bundled dictionary.
NEGOTIATE = "Microsoft verhandelt mit Bytedance über eine Übernahme von Tiktok."
CRITICISE = "Trump kritisiert die chinesische Regierung scharf."
NOT_NEGOTIATE = "Oracle verhandelt nicht mit Walmart."
NO_ACTORS = "Am Montag regnete es in der ganzen Stadt."


@pytest.fixture(autouse=True)
def shared_pipeline(cli_uses_session_pipeline):
    """The CLI reuses the session pipeline (see conftest.py)."""


def run(*argv: str | Path) -> int:
    return cli.main([str(a) for a in argv])


def write_corpus(folder: Path) -> dict[str, Path]:
    """A small mixed corpus: a folder of .txt, a JSONL and a CSV file, each with one bad entry."""
    texts = folder / "texte"
    texts.mkdir(parents=True)
    (texts / "a.txt").write_text(NEGOTIATE, encoding="utf-8")
    (texts / "b.txt").write_bytes(b"\x00\x01binary\x00")
    jsonl = folder / "dump.jsonl"
    jsonl.write_text("\n".join([
        json.dumps({"id": "j1", "text": CRITICISE, "date": "2020-08-07", "title": "Kritik"}),
        "{kaputt",
        json.dumps({"id": "j2", "text": NOT_NEGOTIATE, "date": "2020-08-09"}),
    ]) + "\n", encoding="utf-8")
    table = folder / "tabelle.csv"
    with table.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerows([["id", "text", "date"], ["c1", NO_ACTORS, ""], ["c2", "", ""]])
    return {"texts": texts, "jsonl": jsonl, "csv": table}


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# --- version, actors ----------------------------------------------------------------


def test_version(capsys):
    assert run("--version") == 0
    assert capsys.readouterr().out.strip().startswith(f"banlens {banlens.__version__}")


def test_actors_lists_the_default_dictionary(capsys):
    assert run("actors") == 0
    out = capsys.readouterr().out
    default = banlens.default_dictionary()
    rows = [line.split()[0] for line in out.splitlines()[1:] if line.strip()][:-1]
    assert rows == [actor.id for actor in default]
    assert out.splitlines()[0].split() == ["ID", "TYPE", "NAME", "ALIASES"]
    assert f"{len(default)} actors" in out


def test_actors_merges_given_files(tmp_path, capsys):
    mine = tmp_path / "mine.yml"
    mine.write_text("extends: default\nactors:\n  - id: stadtrat\n    name: Stadtrat\n"
                    "    type: government\n    aliases: [Stadtrat, Gemeinderat]\n",
                    encoding="utf-8")
    assert run("actors", "--actors", mine) == 0
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if line.startswith("stadtrat"))
    assert "government" in line and "Stadtrat; Gemeinderat" in line
    assert any(line.startswith("trump ") for line in out.splitlines())


def test_bad_dictionary_is_one_line_not_a_traceback(tmp_path, capsys):
    bad = tmp_path / "bad.yml"
    bad.write_text("actors:\n  - id: x\n    type: person\n", encoding="utf-8")
    for argv in (("actors", "--actors", bad), ("extract", bad, "--actors", bad)):
        assert run(*argv) == cli.EXIT_USAGE
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "Traceback" not in err
        assert err.startswith("banlens: error: ") and "bad.yml" in err and "aliases" in err


def test_missing_subcommand_and_bad_option_are_usage_errors(capsys):
    assert run() == cli.EXIT_USAGE
    assert run("extract", "x.txt", "--n-process", "0") == cli.EXIT_USAGE
    assert "at least 1" in capsys.readouterr().err


# --- extract: JSONL contract -----------------------------------------------------------


def test_extract_jsonl_from_every_input_type_with_bad_entries(tmp_path, capsys):
    corpus = write_corpus(tmp_path)
    out = tmp_path / "out.jsonl"
    code = run("extract", corpus["texts"], corpus["jsonl"], corpus["csv"], "-o", out)
    assert code == 0
    records = read_jsonl(out)
    assert [r["id"] for r in records] == ["a.txt", "j1", "j2", "c1"]
    by_id = {r["id"]: r for r in records}
    assert by_id["j1"]["date"] == "2020-08-07" and by_id["j1"]["title"] == "Kritik"
    assert "date" not in by_id["a.txt"]
    assert {a["id"] for a in by_id["a.txt"]["actors"]} >= {"microsoft", "bytedance", "tiktok"}
    assert by_id["c1"]["actors"] == [] and by_id["c1"]["relations"] == []
    for record in records:
        text = {"a.txt": NEGOTIATE, "j1": CRITICISE, "j2": NOT_NEGOTIATE, "c1": NO_ACTORS}[
            record["id"]]
        for actor in record["actors"]:
            assert text[actor["start"]:actor["end"]] == actor["text"]
            assert set(actor) >= {"id", "name", "type", "text", "start", "end"}
        for relation in record["relations"]:
            assert text[relation["start"]:relation["end"]] == relation["evidence"]
            assert set(relation) == set(banlens.records.RELATION_FIELDS)

    err = capsys.readouterr().err
    assert f"{corpus['texts'] / 'b.txt'}: binary file" in err
    assert f"{corpus['jsonl']}:2: not valid JSON" in err
    assert f"{corpus['csv']}:3: empty document" in err
    summary = err.strip().splitlines()[-1]
    assert summary == (f"banlens: 4 documents processed, 3 skipped, 3 problems; "
                       f"{len({a['id'] for r in records for a in r['actors']})} actors, "
                       f"{sum(len(r['relations']) for r in records)} relations -> {out}")


def test_jsonl_keeps_negated_relations_flagged(tmp_path):
    src = tmp_path / "neg.txt"
    src.write_text(NOT_NEGOTIATE, encoding="utf-8")
    out = tmp_path / "neg.jsonl"
    assert run("extract", src, "-o", out, "--quiet") == 0
    relations = read_jsonl(out)[0]["relations"]
    assert relations and all(r["negated"] for r in relations)


def test_stdin_and_stdout(tmp_path, monkeypatch, capsys):
    data = json.dumps({"id": "s1", "text": NEGOTIATE}) + "\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode())))
    assert run("extract", "-", "-o", "-", "--quiet") == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["id"] == "s1"


def test_nothing_processed_fails_without_output(tmp_path, capsys):
    empty = tmp_path / "leer.txt"
    empty.write_text("   ", encoding="utf-8")
    for out in (tmp_path / "x.jsonl", tmp_path / "x.graphml"):
        assert run("extract", empty, tmp_path / "fehlt.txt", "-o", out) == cli.EXIT_FAILED
        assert not out.exists()
        err = capsys.readouterr().err
        assert "0 documents processed, 2 skipped" in err and "no output written" in err
    assert [p.name for p in tmp_path.iterdir()] == ["leer.txt"]  # no temporary files left


def test_quiet_prints_problems_but_no_summary(tmp_path, capsys):
    corpus = write_corpus(tmp_path)
    assert run("extract", corpus["jsonl"], "-o", tmp_path / "o.jsonl", "-q") == 0
    err = capsys.readouterr().err
    assert "not valid JSON" in err and "documents processed" not in err


def test_n_process_2_gives_the_same_records(tmp_path):
    corpus = write_corpus(tmp_path)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert run("extract", corpus["jsonl"], corpus["texts"], "-o", one, "-q") == 0
    assert run("extract", corpus["jsonl"], corpus["texts"], "-o", two, "-q",
               "--n-process", "2", "--batch-size", "1") == 0
    assert read_jsonl(one) == read_jsonl(two)


# --- extract: graph formats --------------------------------------------------------------


@pytest.fixture()
def corpus_records(tmp_path):
    corpus = write_corpus(tmp_path)
    out = tmp_path / "ref.jsonl"
    assert run("extract", corpus["texts"], corpus["jsonl"], "-o", out, "-q") == 0
    return corpus, read_jsonl(out)


def _expected_actor_ids(records):
    return {a["id"] for r in records for a in r["actors"]}


SYMMETRIC = {label for label, (_, _, symmetric) in banlens.load_lexicon().label_info().items()
             if symmetric}


def _expected_edges(records, include_negated=False, instances=False):
    """(source, target, relation) per edge: one per instance, or (the default) one per
    triple, symmetric relations from the smaller actor id to the larger."""
    edges = [(rel["subject"], rel["object"], rel["label"]) for r in records
             for rel in r["relations"] if include_negated or not rel["negated"]]
    if not instances:
        edges = {(min(s, o), max(s, o), label) if label in SYMMETRIC else (s, o, label)
                 for s, o, label in edges}
    return sorted(edges)


def test_graphml_output_is_aggregated_with_labels_and_weights(corpus_records, tmp_path):
    corpus, records = corpus_records
    out = tmp_path / "netz.graphml"
    assert run("extract", corpus["texts"], corpus["jsonl"], "-o", out, "-q") == 0
    graph = nx.read_graphml(out)
    assert set(graph.nodes) == _expected_actor_ids(records)
    assert graph.nodes["microsoft"]["label"] == "Microsoft"
    edges = sorted((u, v, d.get("relation")) for u, v, d in graph.edges(data=True))
    assert edges == _expected_edges(records)
    assert all(d["label"] == d["relation"] and d["weight"] >= 1
               for _, _, d in graph.edges(data=True))


def test_instances_writes_one_edge_per_relation_instance(corpus_records, tmp_path):
    corpus, records = corpus_records
    out = tmp_path / "einzeln.graphml"
    assert run("extract", corpus["texts"], corpus["jsonl"], "-o", out, "-q",
               "--instances") == 0
    graph = nx.read_graphml(out)
    edges = sorted((u, v, d.get("relation")) for u, v, d in graph.edges(data=True))
    assert edges == _expected_edges(records, instances=True)
    assert all(d["weight"] == 1 and d["evidence"] for _, _, d in graph.edges(data=True))
    assert run("extract", corpus["jsonl"], "-o", out, "--instances", "--aggregate") == \
        cli.EXIT_USAGE


def test_drop_isolates_leaves_out_actors_without_relations(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text(f"{NEGOTIATE} Walmart meldet Zahlen.", encoding="utf-8")
    kept, dropped = tmp_path / "alle.graphml", tmp_path / "ohne.graphml"
    assert run("extract", source, "-o", kept, "-q") == 0
    assert run("extract", source, "-o", dropped, "-q", "--drop-isolates") == 0
    everyone, connected = nx.read_graphml(kept), nx.read_graphml(dropped)
    assert "walmart" in everyone and list(nx.isolates(everyone))  # kept by default
    assert set(connected) == set(everyone) - set(nx.isolates(everyone))
    assert connected.number_of_edges() == everyone.number_of_edges() > 0


def test_include_negated_changes_the_graph(corpus_records, tmp_path):
    corpus, records = corpus_records
    assert any(rel["negated"] for r in records for rel in r["relations"])
    out = tmp_path / "mit.graphml"
    assert run("extract", corpus["texts"], corpus["jsonl"], "-o", out, "-q",
               "--include-negated") == 0
    edges = sorted((u, v, d.get("relation")) for u, v, d in nx.read_graphml(out).edges(data=True))
    assert edges == _expected_edges(records, include_negated=True)
    assert edges != _expected_edges(records)
    assert any(d["negated"] for _, _, d in nx.read_graphml(out).edges(data=True))


def test_gexf_output_by_suffix(corpus_records, tmp_path):
    corpus, records = corpus_records
    out = tmp_path / "netz.gexf"
    assert run("extract", corpus["texts"], corpus["jsonl"], "-o", out, "-q") == 0
    root = etree.parse(str(out)).getroot()
    assert root.tag.endswith("gexf")
    edges = root.findall(".//{*}edge")
    assert len(edges) == len(_expected_edges(records))


def test_json_output(corpus_records, tmp_path):
    corpus, records = corpus_records
    out = tmp_path / "netz.json"
    assert run("extract", corpus["texts"], corpus["jsonl"], "-o", out, "-q") == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    graph = nx.node_link_graph(data, edges="links") if "links" in data else nx.node_link_graph(
        data, edges="edges")
    assert sorted((u, v, d.get("relation")) for u, v, d in graph.edges(data=True)) == \
        _expected_edges(records)


@pytest.mark.parametrize("target, names", [
    ("tabellen/", ("tabellen/nodes.csv", "tabellen/edges.csv")),
    ("netz.csv", ("netz_nodes.csv", "netz_edges.csv")),
])
def test_csv_output(corpus_records, tmp_path, target, names):
    corpus, records = corpus_records
    out = str(tmp_path / target) + ("/" if target.endswith("/") else "")
    assert run("extract", corpus["texts"], corpus["jsonl"], "-o", out, "--format", "csv",
               "-q") == 0
    nodes_path, edges_path = (tmp_path / name for name in names)
    with nodes_path.open(encoding="utf-8", newline="") as handle:
        nodes = list(csv.DictReader(handle))
    with edges_path.open(encoding="utf-8", newline="") as handle:
        edges = list(csv.DictReader(handle))
    assert {"Id", "Label"} <= set(nodes[0])
    assert {"Source", "Target", "Type"} <= set(edges[0])
    assert len(edges) == len(_expected_edges(records))


def test_format_flag_overrides_suffix(corpus_records, tmp_path):
    corpus, _ = corpus_records
    out = tmp_path / "netz.xml"
    assert run("extract", corpus["jsonl"], "-o", out, "--format", "gexf", "-q") == 0
    assert etree.parse(str(out)).getroot().tag.endswith("gexf")


def test_unknown_suffix_is_a_usage_error(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text(NEGOTIATE, encoding="utf-8")
    assert run("extract", src, "-o", tmp_path / "netz.xml") == cli.EXIT_USAGE
    assert "--format" in capsys.readouterr().err


def test_unwritable_output_is_refused_before_any_work(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text(NEGOTIATE, encoding="utf-8")
    out = tmp_path / "fehlt" / "netz.graphml"
    assert run("extract", src, "-o", out) == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert "Traceback" not in err and f"cannot write {out}" in err
    assert "documents processed" not in err  # stopped before reading the corpus


def test_failed_write_keeps_the_old_file(tmp_path, monkeypatch, capsys):
    src = tmp_path / "a.txt"
    src.write_text(NEGOTIATE, encoding="utf-8")
    out = tmp_path / "netz.graphml"
    out.write_text("alt", encoding="utf-8")

    def broken_writer(graph, path):
        with binary_output(path) as stream:  # how every writer writes: atomically
            stream.write(b"<graphml halb")
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(banlens.readwrite, "write_graphml", broken_writer)
    assert run("extract", src, "-o", out) == cli.EXIT_FAILED
    assert out.read_text(encoding="utf-8") == "alt"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "netz.graphml"]
    assert "No space left on device" in capsys.readouterr().err


# --- demo ----------------------------------------------------------------------------------


def test_demo_writes_its_file(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert run("demo") == 0
    out = capsys.readouterr().out
    graph = nx.read_graphml(tmp_path / cli.DEMO_OUTPUT)
    assert graph.number_of_nodes() > 0 and graph.number_of_edges() > 0
    assert "Actors found:" in out and "Relations found:" in out
    assert "Donald Trump (person)" in out
    assert f"Written: {cli.DEMO_OUTPUT}" in out


def test_demo_output_format_from_suffix(tmp_path):
    out = tmp_path / "demo.jsonl"
    assert run("demo", "-o", out) == 0
    record = read_jsonl(out)[0]
    assert record["id"] == "example_de.txt" and record["relations"]


# --- streaming, failures, progress --------------------------------------------------------


def test_progress_shows_rate_and_eta():
    stream = io.StringIO()
    progress = cli.Progress(stream, total=10, interval=0)
    progress.update(4)
    last = stream.getvalue().rsplit("\r", 1)[-1]
    assert last.startswith("4/10 documents (40%)") and "docs/s" in last and "ETA" in last
    # a problem goes above the line, which is drawn again below it
    progress.write("banlens: skipped: a.txt: empty document")
    before, after = stream.getvalue().rsplit("banlens: skipped: a.txt: empty document\n", 1)
    assert before.endswith("\r") and after.lstrip("\r").startswith("4/10 documents")
    progress.close()
    assert stream.getvalue().endswith("\r") and not stream.getvalue().rsplit("\r", 2)[1].strip()
    unknown = io.StringIO()
    progress = cli.Progress(unknown, total=None, interval=0)
    progress.update(1234)
    assert unknown.getvalue().rsplit("\r", 1)[-1].startswith("1234 documents, ")


class Terminal(io.StringIO):
    """A stderr that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal_with_problems_above_it(tmp_path, monkeypatch):
    corpus = write_corpus(tmp_path)
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert run("extract", corpus["texts"], corpus["jsonl"], "-o", tmp_path / "out.jsonl") == 0
    err = terminal.getvalue()
    assert "/5 documents (" in err and "docs/s" in err  # 5 entries, 2 of them bad
    # each problem and the summary start a line of their own: the progress line is
    # cleared before them, not run into
    lines = err.split("\n")
    problems = [line.rsplit("\r", 1)[-1] for line in lines if "banlens: skipped: " in line]
    assert len(problems) == 2 and all(p.startswith("banlens: skipped: ") for p in problems)
    assert any(line.rsplit("\r", 1)[-1].startswith("banlens: 3 documents processed")
               for line in lines)


def test_no_progress_when_stderr_is_not_a_terminal(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text(NEGOTIATE, encoding="utf-8")
    assert run("extract", src, "-o", tmp_path / "a.jsonl") == 0
    assert "\r" not in capsys.readouterr().err


# --- helpers ------------------------------------------------------------------------------


@pytest.mark.parametrize("output, fmt, expected", [
    (None, None, ("graphml", "banlens.graphml")),
    (None, "gexf", ("gexf", "banlens.gexf")),
    ("x.GEXF", None, ("gexf", "x.GEXF")),
    ("x.ndjson", None, ("jsonl", "x.ndjson")),
    ("-", None, ("jsonl", "-")),
    ("out/", None, ("csv", "out/")),
])
def test_resolve_output(output, fmt, expected):
    assert cli.resolve_output(output, fmt) == expected


def test_stdout_only_for_jsonl():
    with pytest.raises(cli.UsageError):
        cli.resolve_output("-", "graphml")


def test_csv_paths(tmp_path):
    assert cli.csv_paths(str(tmp_path)) == (tmp_path / "nodes.csv", tmp_path / "edges.csv")
    assert cli.csv_paths("a/netz.csv") == (Path("a/netz_nodes.csv"), Path("a/netz_edges.csv"))
    assert cli.csv_paths("a/netz") == (Path("a/netz_nodes.csv"), Path("a/netz_edges.csv"))
    assert cli.csv_paths("a/netz/") == (Path("a/netz/nodes.csv"), Path("a/netz/edges.csv"))


def test_bad_relation_lexicon_is_one_line(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text(NEGOTIATE, encoding="utf-8")
    bad = tmp_path / "lexikon.yml"
    bad.write_text("labels: [kaputt\n", encoding="utf-8")
    for lexicon in (bad, tmp_path / "fehlt.yml"):
        assert run("extract", src, "--relations", lexicon, "-o", tmp_path / "o.jsonl") == 2
        err = [line for line in capsys.readouterr().err.splitlines()
               if not line.startswith("banlens: using")]
        assert len(err) == 1 and err[0].startswith("banlens: error: ")
        assert Path(lexicon).name in err[0]
    assert not (tmp_path / "o.jsonl").exists()


# --- evaluate ---------------------------------------------------------------------------------


@pytest.fixture()
def gold_file(tmp_path):
    gold = tmp_path / "gold.jsonl"
    records = [
        {"id": "g1", "text": NEGOTIATE, "actors": ["microsoft", "bytedance", "tiktok"],
         "relations": [{"subject": "microsoft", "label": "negotiates_with", "object": "bytedance",
                        "evidence": NEGOTIATE, "negated": False, "hypothetical": False}]},
        {"id": "g2", "text": CRITICISE, "actors": ["trump", "china_government"],
         "relations": [{"subject": "trump", "label": "accuses", "object": "china_government",
                        "evidence": CRITICISE, "negated": False, "hypothetical": False}]},
    ]
    gold.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    return gold


def test_evaluate_prints_the_report(gold_file, nlp, capsys):
    evaluate = pytest.importorskip("banlens.evaluate")
    expected = evaluate.evaluate_file(gold_file, nlp)
    assert run("evaluate", gold_file) == 0
    assert capsys.readouterr().out.strip() == expected.format(errors=False).strip()
    assert run("evaluate", gold_file, "--errors") == 0
    assert capsys.readouterr().out.strip() == expected.format(errors=True).strip()
    assert run("evaluate", gold_file, "--json") == 0
    assert json.loads(capsys.readouterr().out) == json.loads(json.dumps(expected.to_dict()))


def test_evaluate_missing_gold_file(tmp_path, capsys):
    assert run("evaluate", tmp_path / "fehlt.jsonl") == cli.EXIT_USAGE
    assert "fehlt.jsonl" in capsys.readouterr().err


def test_no_hypothetical_drops_planned_relations_from_the_graph(tmp_path):
    src = tmp_path / "plan.txt"
    src.write_text("Walmart will sich an Tiktok beteiligen. " + NEGOTIATE, encoding="utf-8")
    records_path = tmp_path / "plan.jsonl"
    assert run("extract", src, "-o", records_path, "-q") == 0
    relations = read_jsonl(records_path)[0]["relations"]
    planned = [(r["subject"], r["object"], r["label"]) for r in relations if r["hypothetical"]]
    assert planned, "the sentence should give a hypothetical relation"

    def edges(*extra):
        out = tmp_path / "plan.graphml"
        assert run("extract", src, "-o", out, "-q", *extra) == 0
        return sorted((u, v, d["relation"]) for u, v, d in nx.read_graphml(out).edges(data=True))

    assert set(planned) <= set(edges())
    assert not set(planned) & set(edges("--no-hypothetical"))
    assert len(edges("--no-hypothetical")) == len(edges()) - len(planned)


def test_aggregated_by_default_one_weighted_edge_per_triple(tmp_path):
    corpus = tmp_path / "korpus.jsonl"
    corpus.write_text("\n".join(
        json.dumps({"id": f"d{i}", "text": NEGOTIATE}) for i in range(3)) + "\n",
        encoding="utf-8")
    assert run("extract", corpus, "-o", tmp_path / "einzeln.graphml", "--instances",
               "--quiet") == 0
    assert run("extract", corpus, "-o", tmp_path / "summe.graphml", "--quiet") == 0
    # --aggregate is the default, still accepted
    assert run("extract", corpus, "-o", tmp_path / "alt.graphml", "--aggregate",
               "--quiet") == 0
    assert (tmp_path / "alt.graphml").read_bytes() == (tmp_path / "summe.graphml").read_bytes()
    instances = nx.read_graphml(tmp_path / "einzeln.graphml")
    summed = nx.read_graphml(tmp_path / "summe.graphml")
    assert instances.number_of_edges() == 3
    assert summed.number_of_edges() == 1
    (_, _, data), = summed.edges(data=True)
    assert data["relation"] == "negotiates_with" and data["weight"] == 3


def test_no_references_turns_the_resolver_off(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("Huawei verliert Kunden. Das Unternehmen verklagt die US-Regierung.",
                      encoding="utf-8")
    for extra, expected in (((), 1), (("--no-references",), 0)):
        out = tmp_path / f"out{len(extra)}.jsonl"
        assert run("extract", source, "-o", out, "--model", "blank", "-q", *extra) == 0
        (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert len(record["relations"]) == expected
        assert all(r["coref"] for r in record["relations"])
