"""A corpus cut into partitions: read one by one, they give what one reader gives.

Partitions of a corpus with bad entries, scanned and read apart, must give the
documents and problems of :func:`banlens.corpus.iter_documents`; pipeline failures
on a worker must come back as the local run reports them. No Dask cluster is needed
here (tests/test_dask.py runs one).
"""

from __future__ import annotations

import csv
import importlib
import io
import json
import logging
import sys
from dataclasses import replace
from importlib import resources
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

import banlens
from banlens import cli, partitions
from banlens.corpus import Document, Problem, iter_documents, iter_records
from banlens.csvformat import CsvOptions
from banlens.errors import InputError
from banlens.partitions import (
    Items,
    PipelineSpec,
    Replayer,
    assign_ids,
    plan_partitions,
    process_partition,
    read_source,
    scan_partition,
)

# Written for these tests; actors from the bundled dictionary.
SENTENCES = [
    "Microsoft verhandelt mit Bytedance über eine Übernahme von Tiktok.",
    "Trump kritisiert die chinesische Regierung scharf.",
    "Oracle verhandelt nicht mit Walmart.",
    "Die US-Regierung verbietet Tiktok. Bytedance klagt gegen die US-Regierung.",
    "Walmart will sich an Tiktok beteiligen. Oracle unterstützt Bytedance.",
    "Die chinesische Regierung droht den USA mit Gegenmaßnahmen.",
    "Am Montag regnete es in der ganzen Stadt.",
]


def example_paragraphs() -> list[str]:
    """The paragraphs of the German example article bundled with banlens."""
    text = (resources.files("banlens") / "data" / "example_de.txt").read_text(encoding="utf-8")
    return [part.strip() for part in text.split("\n\n") if len(part.strip()) > 20]


def write_sample(folder: Path) -> list[Path]:
    """A small corpus in every input type, with bad entries and repeated ids."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = folder / "texte"
    texts.mkdir()
    for i, paragraph in enumerate(example_paragraphs()):
        (texts / f"absatz{i:02d}.txt").write_text(paragraph, encoding="utf-8")
    (texts / "leer.txt").write_text("  \n", encoding="utf-8")
    (texts / "binaer.txt").write_bytes(b"\x00\x01\x02")
    jsonl = folder / "meldungen.jsonl"
    lines = [json.dumps({"id": "m1", "text": SENTENCES[0], "date": "2020-08-03"}),
             "",
             "{kaputt",
             json.dumps({"id": "m1", "text": SENTENCES[1], "date": "2020-08-05"}),
             json.dumps({"text": SENTENCES[2], "date": "gestern"}),
             json.dumps({"id": "m1~2", "text": SENTENCES[3], "date": "2020-09-18"}),
             json.dumps(["keine", "Meldung"])]
    jsonl.write_bytes(b"\xef\xbb\xbf" + "\n".join(lines).encode() + b"\n\xff\xfe kaputt\n")
    table = folder / "tabelle.csv"
    with table.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerows([
            ["id", "text", "date"],
            ["m1", SENTENCES[4] + "\n\nZweiter Absatz: " + SENTENCES[5], "2020-09-20"],
            ["t2", "", ""],
            [],
            ["t3", SENTENCES[6], "2020-09-21"],
            ["t4", "Oracle unterstützt\nBytedance.", "kein Datum"],
        ])
    return [texts, jsonl, table, folder / "fehlt.jsonl", folder / "notiz.docx",
            texts / "absatz00.txt"]


def read_partitioned(inputs, size, csv_options=None):
    """Documents and problems of a corpus read partition by partition."""
    parts = plan_partitions(inputs, size, csv_options)
    problems: list[Problem] = []
    renames = assign_ids([scan_partition(part) for part in parts], problems.append)
    documents = []
    for part, changed in zip(parts, renames, strict=True):
        for i, document in enumerate(read_source(part, lambda problem: None)):
            documents.append(replace(document, id=changed.get(i, document.id)))
    return parts, documents, problems


# --- partitions, no cluster ----------------------------------------------------------------


@pytest.mark.parametrize("size", [1, 2, 3, 100])
def test_partitions_read_like_one_reader(tmp_path, size):
    inputs = write_sample(tmp_path)
    expected_problems: list[Problem] = []
    expected = list(iter_documents(inputs, expected_problems.append))
    parts, documents, problems = read_partitioned(inputs, size)
    assert documents == expected
    assert problems == expected_problems
    kinds = {part.kind for part in parts}
    assert kinds == {"files", "range", "input"}
    if size == 1:  # every document its own partition, CSV cut between multi-line rows
        assert sum(part.kind == "range" and part.source.endswith(".csv")
                   for part in parts) >= 3
        assert any("kept as 'm1~2~2'" in problem.message for problem in problems)


def write_awkward_files(folder: Path) -> list[Path]:
    """Files whose first lines decide how they are read: bad lines held until a good one,
    a file given up after its first lines, a UTF-16 file, ragged rows of a stated dialect."""
    folder.mkdir(parents=True, exist_ok=True)
    late = folder / "spaet.jsonl"  # bad lines first, then good ones and runs of bad ones
    good = [json.dumps({"id": f"g{i}", "text": text}) for i, text in enumerate(SENTENCES)]
    late.write_bytes("\n".join(["{nein", "[1, 2]", "", "7", good[0], "{kaputt", good[1],
                                  good[2], *["\x00\x00"] * 9, *good[3:]]).encode()
                     + b"\n\xff x\n")
    hopeless = folder / "binaer.jsonl"  # no JSON object in its first lines: given up once
    hopeless.write_text("\n".join(["kein JSON"] * 9 + [good[0]]) + "\n", encoding="utf-8")
    wide = folder / "breit.csv"
    wide.write_text("nr;inhalt\nw1;" + SENTENCES[0] + "\nw2;" + SENTENCES[1] + "\n",
                    encoding="utf-16")
    ragged = folder / "zacken.csv"
    ragged.write_text("nr;inhalt;datum\n" + "".join(
        f"z{i};{text}" + (";2020-10-01" if i % 3 else "") + (";zu viel" if i == 4 else "")
        + "\n" for i, text in enumerate(SENTENCES)) + "z9;\"offen;2020-10-02\n",
        encoding="utf-8")
    hopeless_csv = folder / "fremd.csv"  # no row of the stated layout in its first lines
    hopeless_csv.write_text("nr;inhalt;datum\n" + "nur;zwei\n" * 9 + "z;Ein Text.;\n",
                            encoding="utf-8")
    return [late, hopeless, wide, ragged, hopeless_csv]


@pytest.mark.parametrize("size", [1, 2, 3, 8, 100])
def test_partitions_read_awkward_files_like_one_reader(tmp_path, size):
    inputs = write_awkward_files(tmp_path)
    options = CsvOptions(delimiter=";", quotechar='"', text_column="inhalt", id_column="nr")
    expected_problems: list[Problem] = []
    expected = list(iter_documents(inputs, expected_problems.append, csv_options=options))
    parts, documents, problems = read_partitioned(inputs, size, options)
    assert documents == expected
    assert [str(p) for p in problems] == [str(p) for p in expected_problems]
    assert problems == expected_problems
    assert len(expected) >= 12 and len(expected_problems) >= 8
    whole = {part.source for part in parts if part.kind == "input"}
    assert whole == {str(tmp_path / name) for name in ("binaer.jsonl", "breit.csv", "fremd.csv")}
    assert any("not a JSONL file" in str(p) for p in problems)
    assert any("fremd.csv: not a CSV file" in str(p) for p in problems)
    if size == 1:
        assert sum(part.source.endswith("zacken.csv") for part in parts) == 4


def test_csv_partitions_start_where_rows_start(tmp_path):
    table = tmp_path / "zeilen.csv"
    rows = [["id", "text"]] + [[f"r{i}", f"Zeile {i}\nmit Umbruch\n"] for i in range(7)]
    with table.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    parts = plan_partitions([table], 2)
    assert [part.span.first_line for part in parts] == [1, 8, 14, 20]
    data = table.read_bytes()
    assert data[:parts[0].span.end].startswith(b"id,text")
    for part in parts[1:]:
        assert data[part.span.start:part.span.end].startswith(b"r")
    docs = [doc for part in parts for doc in read_source(part, pytest.fail)]
    assert [(d.id, d.line) for d in docs] == [(f"r{i}", 2 + 3 * i) for i in range(7)]


def test_standard_input_cannot_be_partitioned():
    with pytest.raises(InputError, match="standard input"):
        plan_partitions(["-"])


def test_items_of_a_bag_become_documents():
    part = Items(3, ["Erster Text.", {"id": "x", "text": "Zweiter."}, {"titel": "ohne"}, "  ",
                     Document(id="d", text="Dritter."), 42])
    problems: list[Problem] = []
    docs = list(read_source(part, problems.append))
    assert [d.id for d in docs] == ["3:1", "x", "d"]
    assert [str(p) for p in problems] == [
        "<partition 3>:3: no 'text' field", "<partition 3>:4: empty document",
        "<partition 3>:6: expected a text, a mapping with a 'text' field or a banlens "
        "Document, got int"]


@Language.component("test_dask_explodes")
def _explodes(doc):
    if "BOOM" in doc.text:
        raise RuntimeError("kaputt")
    return doc


def test_pipeline_failures_come_back_as_the_local_run_reports_them(tmp_path, monkeypatch):
    """A document the pipeline fails on: the same warning and problem, in the same order."""
    nlp = spacy.blank("de")
    nlp.add_pipe("test_dask_explodes")
    spec = PipelineSpec(model="test-explodes")
    monkeypatch.setitem(partitions._pipelines, spec, nlp)  # as if the worker had built it
    source = tmp_path / "boom.jsonl"
    source.write_text("\n".join(json.dumps({"id": k, "text": t}) for k, t in
                                [("a", "Eins."), ("b", "BOOM hier."), ("c", "Drei.")]) + "\n",
                      encoding="utf-8")

    def lines_of(run) -> list[str]:
        stream = io.StringIO()
        handler = logging.StreamHandler(stream)
        log = logging.getLogger("banlens")
        log.addHandler(handler)
        try:
            run(lambda problem: print(f"problem: {problem}", file=stream))
        finally:
            log.removeHandler(handler)
        return stream.getvalue().splitlines()

    local = lines_of(lambda report: list(iter_records(nlp, iter_documents([source]),
                                                      on_problem=report)))
    [part] = plan_partitions([source])
    result = process_partition(part, spec=spec, keep=("records", "graph"), expected=3)
    remote = lines_of(lambda report: Replayer(report)(result.events))
    assert remote == local
    assert any("failed on it" in line for line in local)
    assert [r["id"] for r in result.records] == ["a", "c"]
    with pytest.raises(InputError, match="changed"):
        process_partition(part, spec=spec, expected=4)


def test_missing_dask_is_a_clear_usage_error(tmp_path, monkeypatch, capsys):
    for name in ("dask", "dask.bag", "distributed"):
        monkeypatch.setitem(sys.modules, name, None)  # import fails as if not installed
    monkeypatch.delitem(sys.modules, "banlens.dask", raising=False)
    monkeypatch.delattr(banlens, "dask", raising=False)
    with pytest.raises(ImportError, match=r"pip install 'banlens\[dask\]'"):
        importlib.import_module("banlens.dask")
    text = tmp_path / "a.txt"
    text.write_text(SENTENCES[0], encoding="utf-8")
    code = cli.main(["extract", str(text), "--scheduler", "dask", "-o", str(tmp_path / "o.jsonl")])
    assert code == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "pip install 'banlens[dask]'" in err
    assert not (tmp_path / "o.jsonl").exists()


@pytest.mark.parametrize("argv, words", [
    (["--workers", "2"], "need --scheduler dask"),
    (["--scheduler", "dask", "--n-process", "2"], "--n-process is for the local scheduler"),
    (["--scheduler", "dask", "--workers", "2", "--address", "tcp://x:1"], "not allowed with"),
])
def test_dask_options_are_checked(tmp_path, capsys, argv, words):
    text = tmp_path / "a.txt"
    text.write_text(SENTENCES[0], encoding="utf-8")
    assert cli.main(["extract", str(text), "-o", str(tmp_path / "o.jsonl"), *argv]) == 2
    assert words in capsys.readouterr().err




def test_bad_dictionary_fails_before_any_cluster_starts(tmp_path, capsys):
    pytest.importorskip("distributed", reason="needs pip install 'banlens[dask]'")
    bad = tmp_path / "bad.yml"
    bad.write_text("actors:\n  - id: x\n    type: person\n", encoding="utf-8")
    text = tmp_path / "a.txt"
    text.write_text(SENTENCES[0], encoding="utf-8")
    code = cli.main(["extract", str(text), "--actors", str(bad), "--scheduler", "dask",
                     "--address", "tcp://127.0.0.1:9", "-o", str(tmp_path / "o.jsonl")])
    assert code == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bad.yml" in err and "cannot reach" not in err


def test_building_a_pipeline_reads_the_lemma_word_list():
    """Building the pipeline (what preload does on every worker) leaves nothing to read for
    the first document: simplemma reads its German word list when first asked."""
    from simplemma.strategies.dictionaries.dictionary_factory import DEFAULT_DICTIONARY_FACTORY

    from banlens.german import lemmas

    DEFAULT_DICTIONARY_FACTORY._get_dictionary.cache_clear()
    lemmas._Fallback().load()
    assert DEFAULT_DICTIONARY_FACTORY._get_dictionary.cache_info().currsize == 1
