"""Reading corpora: every input type, and every kind of bad input reported and survived."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from banlens.corpus import (
    Document,
    Problem,
    count_documents,
    iter_documents,
    iter_records,
)
from banlens.csvformat import CsvOptions

TEXT_A = "Der Konzern verhandelt mit der Regierung über eine Beteiligung."
TEXT_B = "Die Behörde prüft das Angebot des Unternehmens bis Ende Oktober."
TEXT_C = "Der Minister kritisiert den Plan scharf."


def read(inputs, **kwargs):
    problems: list[Problem] = []
    docs = list(iter_documents(inputs, on_problem=problems.append, **kwargs))
    return docs, problems


def write_jsonl(path: Path, lines: list[str | dict]) -> Path:
    rows = [line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)
            for line in lines]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


# --- input types ------------------------------------------------------------------


def test_text_file_id_is_file_name(tmp_path):
    path = tmp_path / "artikel-1.txt"
    path.write_text(TEXT_A, encoding="utf-8")
    docs, problems = read([path])
    assert problems == []
    assert docs == [Document(id="artikel-1.txt", text=TEXT_A, source=str(path))]


def test_text_file_bom_is_removed(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + TEXT_A.encode())
    docs, _ = read([path])
    assert docs[0].text == TEXT_A


def test_folder_is_read_recursively_and_sorted(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(TEXT_C, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT_B, encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (tmp_path / "notes.md").write_text("nicht lesen", encoding="utf-8")
    docs, problems = read([tmp_path])
    assert problems == []
    assert [d.id for d in docs] == ["a.txt", "b/z.txt", "b.txt"]  # sorted by path parts
    assert [d.text for d in docs] == [TEXT_A, TEXT_C, TEXT_B]


def test_jsonl_fields(tmp_path):
    path = write_jsonl(tmp_path / "dump.jsonl", [
        {"id": "x1", "text": TEXT_A, "date": "2020-08-07", "title": "Titel", "url": "https://a.example"},
        {"id": 7, "text": TEXT_B, "date": None},
    ])
    docs, problems = read([path])
    assert problems == []
    assert docs[0] == Document("x1", TEXT_A, "2020-08-07", "Titel", "https://a.example",
                               str(path), 1)
    assert docs[1].id == "7" and docs[1].date is None and docs[1].line == 2


def test_jsonl_datetime_is_normalised_to_date(tmp_path):
    path = write_jsonl(tmp_path / "d.jsonl", [
        {"id": "a", "text": TEXT_A, "date": "2020-09-19T14:30:00+02:00"},
        {"id": "b", "text": TEXT_B, "date": "2020-09-20T08:00:00Z"},
    ])
    docs, problems = read([path])
    assert problems == []
    assert [d.date for d in docs] == ["2020-09-19", "2020-09-20"]


def test_jsonl_without_id_gets_file_and_line(tmp_path):
    path = write_jsonl(tmp_path / "ohne.jsonl", ["", {"text": TEXT_A}])
    docs, problems = read([path])
    assert problems == []
    assert docs[0].id == "ohne:2"


def test_stdin_is_jsonl():
    data = (json.dumps({"id": "s1", "text": TEXT_A}) + "\n").encode()
    docs, problems = read(["-"], stdin=io.BytesIO(data))
    assert problems == []
    assert docs[0].id == "s1" and docs[0].source == "-"


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_csv_delimiter_is_sniffed(tmp_path, delimiter):
    path = tmp_path / "table.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(["id", "title", "text", "date"])
        writer.writerow(["c1", "Eins", TEXT_A, "2020-01-02"])
        writer.writerow(["c2", "Zwei", "Zeile eins; mit Semikolon,\nund Zeile zwei.", ""])
    docs, problems = read([path])
    assert problems == []
    assert [d.id for d in docs] == ["c1", "c2"]
    assert docs[0].title == "Eins" and docs[0].date == "2020-01-02"
    assert docs[1].text == "Zeile eins; mit Semikolon,\nund Zeile zwei."
    assert docs[1].date is None


def test_csv_header_is_case_insensitive_and_lines_are_physical(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text('ID,Text\nr1,"Erste\nZeile"\nr2,Zweite\n', encoding="utf-8")
    docs, problems = read([path])
    assert problems == []
    assert [(d.id, d.line) for d in docs] == [("r1", 2), ("r2", 4)]


def test_csv_long_field_beyond_default_limit(tmp_path):
    csv.field_size_limit(131_072)  # the csv module's default, whatever ran before
    long_text = TEXT_A + " " + "Wort " * 60_000  # > 128 kB, the csv default limit
    path = tmp_path / "long.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["id", "text"], ["lang", long_text]])
    docs, problems = read([path])
    assert problems == []
    assert docs[0].text == long_text


def test_csv_single_quote_dialect_is_sniffed(tmp_path):
    path = tmp_path / "quoted.csv"
    path.write_text("id;text\n" + "".join(
        f"q{i};'{TEXT_A} Satz {i}; mit Semikolon.'\n" for i in range(5)), encoding="utf-8")
    docs, problems = read([path])
    assert problems == []
    assert docs[0].text == f"{TEXT_A} Satz 0; mit Semikolon."


def test_mixed_inputs_keep_order(tmp_path):
    txt = tmp_path / "eins.txt"
    txt.write_text(TEXT_A, encoding="utf-8")
    jsonl = write_jsonl(tmp_path / "zwei.jsonl", [{"id": "j", "text": TEXT_B}])
    docs, _ = read([jsonl, txt])
    assert [d.id for d in docs] == ["j", "eins.txt"]


def test_count_documents(tmp_path):
    folder = tmp_path / "f"
    folder.mkdir()
    for i in range(3):
        (folder / f"{i}.txt").write_text(TEXT_A, encoding="utf-8")
    jsonl = write_jsonl(tmp_path / "d.jsonl", [{"id": "a", "text": TEXT_A}, "",
                                               {"id": "b", "text": TEXT_B}])
    table = tmp_path / "t.csv"
    table.write_text('id,text\n1,"a\nb"\n2,c\n', encoding="utf-8")
    assert count_documents([folder, jsonl, table]) == 3 + 2 + 2
    long_table = tmp_path / "lang.csv"
    csv.field_size_limit(131_072)  # the csv module's default, whatever ran before
    with long_table.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["id", "text"], ["a", "Wort " * 40_000], ["b", TEXT_A]])
    assert count_documents([long_table]) == 2
    assert count_documents([folder, "-"]) is None


# --- bad input ----------------------------------------------------------------------


def test_missing_path_is_reported(tmp_path):
    good = tmp_path / "gut.txt"
    good.write_text(TEXT_A, encoding="utf-8")
    docs, problems = read([tmp_path / "fehlt.txt", good])
    assert [d.id for d in docs] == ["gut.txt"]
    assert problems[0].file.endswith("fehlt.txt") and "no such file" in problems[0].message


def test_unreadable_file_is_reported_and_rest_kept(tmp_path, monkeypatch):
    bad = tmp_path / "a.txt"
    bad.write_text(TEXT_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT_B, encoding="utf-8")
    real_read_bytes = Path.read_bytes

    def read_bytes(self):
        if self == bad:
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    docs, problems = read([tmp_path])
    assert [d.id for d in docs] == ["b.txt"]
    assert len(problems) == 1 and problems[0].skipped
    assert "cannot read" in problems[0].message and "Permission denied" in problems[0].message
    assert problems[0].file == str(bad)


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0,
                    reason="permissions do not apply")
def test_unreadable_jsonl_is_reported(tmp_path):
    bad = write_jsonl(tmp_path / "a.jsonl", [{"id": "a", "text": TEXT_A}])
    bad.chmod(0)
    try:
        docs, problems = read([bad])
    finally:
        bad.chmod(0o644)
    assert docs == [] and "cannot read" in problems[0].message


def test_invalid_utf8_is_replaced_and_reported(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Die Behörde prüft.".encode("latin-1"))
    docs, problems = read([path])
    assert docs[0].text == "Die Beh\ufffdrde pr\ufffdft."
    assert len(problems) == 1
    assert not problems[0].skipped
    assert "invalid UTF-8" in problems[0].message and "2 bad" in problems[0].message


def test_invalid_utf8_in_jsonl_names_the_line(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_bytes(json.dumps({"id": "a", "text": TEXT_A}).encode() + b"\n"
                     + b'{"id": "b", "text": "Gr\xfc\xdfe"}\n')
    docs, problems = read([path])
    assert [d.id for d in docs] == ["a", "b"]
    assert docs[1].text == "Gr\ufffd\ufffde"
    assert [(p.line, p.skipped) for p in problems] == [(2, False)]


def test_invalid_utf8_in_csv_names_the_line(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes(b"id,text\nr1,ok\nr2,Gr\xfc\xdfe\n")
    docs, problems = read([path])
    assert [d.id for d in docs] == ["r1", "r2"]
    assert [p.line for p in problems] == [3]


def test_binary_file_is_skipped(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "b.txt").write_text(TEXT_B, encoding="utf-8")
    docs, problems = read([tmp_path])
    assert [d.id for d in docs] == ["b.txt"]
    assert "binary" in problems[0].message and problems[0].skipped


def test_malformed_jsonl_lines_are_skipped(tmp_path):
    path = write_jsonl(tmp_path / "d.jsonl", [
        {"id": "a", "text": TEXT_A},
        '{"id": "kaputt", "text": ',
        '["eine", "Liste"]',
        {"id": "b", "text": TEXT_B},
    ])
    docs, problems = read([path])
    assert [d.id for d in docs] == ["a", "b"]
    assert [p.line for p in problems] == [2, 3]
    assert "not valid JSON" in problems[0].message
    assert "expected a JSON object" in problems[1].message
    assert all(p.file == str(path) and p.skipped for p in problems)


@pytest.mark.parametrize("obj, words", [
    ({"id": "x"}, "no 'text'"),
    ({"id": "x", "text": None}, "no 'text'"),
    ({"id": "x", "text": 12}, "must be a string"),
    ({"id": "x", "text": "   \n "}, "empty document"),
    ({"id": ["x"], "text": TEXT_A}, "'id'"),
])
def test_jsonl_object_without_usable_text_or_id(tmp_path, obj, words):
    path = write_jsonl(tmp_path / "d.jsonl", [obj, {"id": "ok", "text": TEXT_B}])
    docs, problems = read([path])
    assert [d.id for d in docs] == ["ok"]
    assert len(problems) == 1 and words in problems[0].message and problems[0].line == 1


def test_csv_short_row_is_skipped_when_the_dialect_is_given(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text(f"id,text\nr1,{TEXT_A}\nr2,\nr3\nr4,{TEXT_C}\n", encoding="utf-8")
    docs, problems = read([path], csv_options=CsvOptions(delimiter=",", quotechar='"'))
    assert [d.id for d in docs] == ["r1", "r4"]
    assert [p.line for p in problems] == [3, 4]
    assert "empty document" in problems[0].message
    assert "row has 1 field(s), the header has 2" in problems[1].message


def test_csv_short_row_refuses_a_detected_dialect(tmp_path):
    """Without a stated dialect a row of the wrong width means the guess cannot be trusted."""
    path = tmp_path / "t.csv"
    path.write_text(f"id,text\nr1,{TEXT_A}\nr2,\nr3\nr4,{TEXT_C}\n", encoding="utf-8")
    docs, problems = read([path])
    assert docs == []
    assert len(problems) == 1 and problems[0].line == 4
    assert "--csv-delimiter" in problems[0].message and "--csv-quotechar" in problems[0].message


def test_csv_without_text_column_skips_file(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("id,inhalt\nr1,Hallo\n", encoding="utf-8")
    docs, problems = read([path])
    assert docs == []
    assert "no 'text' column" in problems[0].message


def test_empty_csv_is_reported(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("", encoding="utf-8")
    docs, problems = read([path])
    assert docs == [] and "empty CSV" in problems[0].message


def test_bad_date_is_dropped_and_document_kept(tmp_path):
    path = write_jsonl(tmp_path / "d.jsonl", [
        {"id": "a", "text": TEXT_A, "date": "19.09.2020"},
        {"id": "b", "text": TEXT_B, "date": 2020},
    ])
    docs, problems = read([path])
    assert [(d.id, d.date) for d in docs] == [("a", None), ("b", None)]
    assert [(p.line, p.skipped) for p in problems] == [(1, False), (2, False)]
    assert "'date'" in problems[0].message and "19.09.2020" in problems[0].message


def test_empty_text_file_is_skipped(tmp_path):
    (tmp_path / "leer.txt").write_text("  \n\n ", encoding="utf-8")
    docs, problems = read([tmp_path])
    assert docs == [] and "empty document" in problems[0].message


def test_empty_folder_and_unsupported_suffix(tmp_path):
    (tmp_path / "leer").mkdir()
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    docs, problems = read([tmp_path / "leer", tmp_path / "x.pdf"])
    assert docs == []
    assert "no .txt files" in problems[0].message
    assert "unsupported input type '.pdf'" in problems[1].message


def test_duplicate_id_is_renamed_reported_and_kept(tmp_path):
    path = write_jsonl(tmp_path / "d.jsonl", [{"id": "a", "text": TEXT_A},
                                              {"id": "a", "text": TEXT_B},
                                              {"id": "a~2", "text": TEXT_C}])
    docs, problems = read([path])
    assert [(d.id, d.text) for d in docs] == [("a", TEXT_A), ("a~2", TEXT_B), ("a~2~2", TEXT_C)]
    assert [(p.line, p.skipped) for p in problems] == [(2, False), (3, False)]
    assert "duplicate document id 'a'" in problems[0].message


def test_problem_str_names_file_and_line():
    assert str(Problem("d.jsonl", 3, "not valid JSON")) == "d.jsonl:3: not valid JSON"
    assert str(Problem("a.txt", None, "binary file")) == "a.txt: binary file"


def test_reading_is_lazy(tmp_path):
    path = write_jsonl(tmp_path / "d.jsonl", [{"id": str(i), "text": TEXT_A} for i in range(3)])
    consumed = []

    def inputs():
        for item in (path, tmp_path / "zweite.jsonl"):
            consumed.append(item)
            yield item

    stream = iter_documents(inputs())
    assert next(stream).id == "0"
    assert consumed == [path]  # the second input is not touched before it is needed


# --- processing ---------------------------------------------------------------------

NEGOTIATE = "Microsoft verhandelt mit Bytedance über eine Übernahme von Tiktok."


@Language.component("test_corpus_explodes")
def _explodes(doc):
    if "BOOM" in doc.text:
        raise RuntimeError("kaputt")
    return doc


@pytest.mark.parametrize("n_process", [1, 2])
def test_pipeline_failure_skips_only_that_document(n_process):
    nlp = spacy.blank("de")
    nlp.add_pipe("test_corpus_explodes")
    documents = [Document(id=name, text=text, source="mem.jsonl", line=i)
                 for i, (name, text) in enumerate(
                     [("a", "Eins."), ("b", "BOOM hier."), ("c", "Drei."), ("d", "BOOM")], 1)]
    problems: list[Problem] = []
    records = list(iter_records(nlp, documents, batch_size=2, n_process=n_process,
                                    on_problem=problems.append))
    assert [r["id"] for r in records] == ["a", "c"]
    assert [(p.line, p.skipped) for p in problems] == [(2, True), (4, True)]
    assert "'b'" in problems[0].message and "failed" in problems[0].message


def test_records_stream_without_holding_docs(nlp):
    """iter_records yields the first record before the input is exhausted."""
    fed = []

    def documents():
        for i in range(200):
            fed.append(i)
            yield Document(id=str(i), text=NEGOTIATE)

    stream = iter_records(nlp, documents(), batch_size=8)
    first = next(stream)
    assert first["id"] == "0" and len(fed) < 200
    stream.close()


@pytest.mark.parametrize("n_process", [1, 2])
def test_records_carry_metadata_in_order(nlp, n_process):
    documents = [Document(id=f"d{i}", text=text, date=f"2020-08-{i + 1:02d}",
                          title=f"T{i}", url=None)
                 for i, text in enumerate([NEGOTIATE, TEXT_A, NEGOTIATE, TEXT_C, NEGOTIATE])]
    records = list(iter_records(nlp, documents, batch_size=2, n_process=n_process))
    assert [r["id"] for r in records] == [d.id for d in documents]
    assert [r["date"] for r in records] == [d.date for d in documents]
    assert [r["title"] for r in records] == [d.title for d in documents]
    assert all("url" not in r for r in records)
    assert {a["id"] for a in records[0]["actors"]} >= {"microsoft", "bytedance"}
    assert records[0]["actors"] == records[2]["actors"]


def test_a_batch_goes_to_the_workers_in_parts_in_order(nlp):
    from banlens.corpus import _parts

    assert _parts(list(range(10)), 4) == [[0, 1, 2], [3, 4, 5], [6, 7, 8], [9]]
    assert _parts([1, 2], 4) == [[1], [2]]
    assert _parts([], 4) == []
    # a batch of 9 in parts across two workers: every record, in input order
    texts = [NEGOTIATE, TEXT_A, "Ein Text ohne Namen.", TEXT_C] * 5
    documents = [Document(id=f"d{i}", text=text) for i, text in enumerate(texts)]
    alone = list(iter_records(nlp, documents, batch_size=9))
    pooled = list(iter_records(nlp, documents, batch_size=9, n_process=2))
    assert [r["id"] for r in pooled] == [d.id for d in documents]
    assert pooled == alone
