"""CSV inputs read exactly: stated dialects, detection checked over the whole file, refusals.

The 10kGNAD layout (``label;text``, ``'`` as quote character, no header) is the
reference: a shipped sample written in that layout, with ``;``, ``'``, ``"`` and
line breaks inside texts, and the real corpus when ``../shared/corpora`` has it,
must give the same documents, and the same records, as the same texts in JSONL.
"""

from __future__ import annotations

import csv
from pathlib import Path

import battery
import pytest

from banlens import cli
from banlens.corpus import Problem, iter_documents
from banlens.csvformat import CsvOptions

DATA = Path(__file__).parent / "data" / "kgnad_style.csv"
# The texts of tests/data/kgnad_style.csv, written for it (label, text).
SAMPLE = [
    ("Wirtschaft", "Microsoft verhandelt mit Bytedance über eine Übernahme von Tiktok; "
                   "eine Einigung gilt als möglich. Der Konzern äußerte sich nicht."),
    ("Inland", 'Die US-Regierung kritisiert Huawei scharf. "Das ist nicht hinnehmbar", '
               "sagte ein Sprecher.\nIn Peking wies man die Vorwürfe zurück."),
    ("Web", "Oracle und Walmart wollen bei Tiktok einsteigen. Trump sagte: 'Wir werden "
            "sehen.' Das Handelsministerium prüft den Vertrag."),
    ("Sport", "Der Verein gewann 3:1; die Fans feierten bis spät in die Nacht.\n\n"
              "Der Trainer sprach von einem 'verdienten' Sieg;\r\nmehr sagte er nicht."),
    ("Kultur", "Ein Text mit Semikolon; Apostroph ' und \"Anführungszeichen\"\n"
               "über mehrere Zeilen;\nohne Akteure."),
    ("Etat", "Trump droht Tiktok mit einem Verbot. Bytedance lehnt die Forderung ab; "
             "Microsoft schweigt. 's Wirtshaus am Eck blieb zu."),
    ("International", "'Nein;' sagte Huawei. Die chinesische Regierung widerspricht "
                      "den USA\u2028und droht mit Gegenmaßnahmen."),
]
NATIVE = ["--no-header", "--text-column", "2"]
STATED = [*NATIVE, "--csv-delimiter", ";", "--csv-quotechar", "'"]


@pytest.fixture(autouse=True)
def shared_pipeline(cli_uses_session_pipeline):
    """The CLI reuses the session pipeline (see conftest.py)."""


def read(path, **options):
    problems: list[Problem] = []
    docs = list(iter_documents([path], on_problem=problems.append,
                               csv_options=CsvOptions(**options)))
    return docs, problems


def reference_rows(path: Path) -> list[list[str]]:
    """The file read as its layout is documented: ``;`` and ``'``, no header."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle, delimiter=";", quotechar="'"))


def csv_equals_jsonl(csv_file: Path, tmp_path: Path, args: list[str]) -> int:
    """Run the CSV file and a JSONL file of the same texts; records must be equal.

    Returns the number of documents compared.
    """
    rows = reference_rows(csv_file)
    ids, lines, line = [], [], 1
    for row in rows:
        ids.append(f"{csv_file.stem}:{line}")
        lines.append({"id": ids[-1], "text": row[1]})
        line += row[1].count("\n") + 1
    jsonl = battery.write_jsonl(tmp_path / "same.jsonl", lines)
    code_csv, _, err_csv = battery.run_cli(["extract", csv_file, *args, "-o",
                                            tmp_path / "csv.jsonl"])
    code_jsonl, _, err_jsonl = battery.run_cli(["extract", jsonl, "-o",
                                                tmp_path / "jsonl.jsonl"])
    assert (code_csv, code_jsonl) == (0, 0), err_csv + err_jsonl
    assert "banlens: skipped" not in err_csv and "banlens: warning" not in err_csv
    from_csv = battery.read_jsonl(tmp_path / "csv.jsonl")
    from_jsonl = battery.read_jsonl(tmp_path / "jsonl.jsonl")
    assert [r["id"] for r in from_csv] == ids
    different = [a["id"] for a, b in zip(from_csv, from_jsonl, strict=True) if a != b]
    assert different == []
    return len(ids)


# --- the shipped sample ---------------------------------------------------------------


def test_sample_file_holds_the_sample_texts():
    """The shipped file is the sample, in the 10kGNAD layout (guards the file itself)."""
    assert [tuple(row) for row in reference_rows(DATA)] == SAMPLE


@pytest.mark.parametrize("options", [
    {"header": False, "text_column": 2},
    {"header": False, "text_column": 2, "delimiter": ";", "quotechar": "'"},
    {"header": False, "text_column": 2, "delimiter": ";"},
])
def test_sample_reads_exactly(options):
    docs, problems = read(DATA, **options)
    assert problems == []
    assert [d.text for d in docs] == [text for _, text in SAMPLE]
    assert [d.line for d in docs] == [1, 2, 4, 5, 9, 12, 13]


def test_sample_with_a_header_row_reads_exactly(tmp_path):
    path = tmp_path / "mit-kopf.csv"
    path.write_bytes(b"label;text\n" + DATA.read_bytes())
    docs, problems = read(path)
    assert problems == []
    assert [d.text for d in docs] == [text for _, text in SAMPLE]


@pytest.mark.parametrize("args", [NATIVE, STATED])
def test_sample_csv_run_equals_jsonl_run(tmp_path, args):
    assert csv_equals_jsonl(DATA, tmp_path, args) == len(SAMPLE)


def test_sample_without_header_option_is_refused_in_one_line():
    docs, problems = read(DATA)
    assert docs == [] and len(problems) == 1
    message = str(problems[0])
    assert "\n" not in message and len(message) < 400
    assert "--no-header" in message and "--text-column" in message


# --- options --------------------------------------------------------------------------


def test_id_and_text_columns_by_name_and_number(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("nr,inhalt,quelle\n7,Microsoft verhandelt.,x\n8,Huawei klagt.,y\n",
                    encoding="utf-8")
    docs, problems = read(path, text_column="Inhalt", id_column="nr")
    assert problems == [] and [(d.id, d.text) for d in docs] == [
        ("7", "Microsoft verhandelt."), ("8", "Huawei klagt.")]
    docs, _ = read(path, text_column=2, id_column=3)
    assert [d.id for d in docs] == ["x", "y"]


def test_tab_and_no_quoting(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text('id\ttext\na\t"Zitat" ohne Ende\nb\tzwei\n', encoding="utf-8")
    docs, problems = read(path, delimiter="\t", quotechar="")
    assert problems == [] and docs[0].text == '"Zitat" ohne Ende'


def test_single_quoted_file_without_delimiters_inside_is_read_without_quotes(tmp_path):
    """Both quote characters split every row alike here; the quotes left in the text
    by the wrong one show which is right."""
    path = tmp_path / "t.csv"
    path.write_text("id;text\n1;'Microsoft verhandelt'\n2;'Er sagte ''nein'''\n",
                    encoding="utf-8")
    docs, problems = read(path)
    assert problems == []
    assert [d.text for d in docs] == ["Microsoft verhandelt", "Er sagte 'nein'"]


def test_file_that_reads_two_ways_is_refused(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("id;text\n1;'Microsoft verhandelt'\n2;\"Huawei klagt\"\n", encoding="utf-8")
    docs, problems = read(path)
    assert docs == [] and len(problems) == 1
    assert problems[0].line == 2 and "--csv-quotechar" in problems[0].message


def test_rows_cut_at_a_delimiter_are_detected_anywhere_in_the_file(tmp_path):
    """The row that gives a sample-based guess away is far beyond any sample."""
    path = tmp_path / "t.csv"
    rows = [f"{i};'Text {i} ohne Trennzeichen.'" for i in range(5000)]
    rows.append("5000;'Ein Text; mit Semikolon.'")
    path.write_text("id;text\n" + "\n".join(rows) + "\n", encoding="utf-8")
    docs, problems = read(path)
    assert problems == []
    assert docs[0].text == "Text 0 ohne Trennzeichen."
    assert docs[-1].text == "Ein Text; mit Semikolon."


@pytest.mark.parametrize("argv, words", [
    (["--no-header"], "--text-column"),
    (["--csv-delimiter", ";;"], "one character"),
    (["--csv-quotechar", "ab"], "one character"),
    (["--csv-delimiter", ";", "--csv-quotechar", ";"], "cannot work"),
    (["--no-header", "--text-column", "text"], "as a number"),
    (["--text-column", "0"], "1 or more"),
])
def test_bad_csv_options_exit_2_before_any_work(tmp_path, monkeypatch, argv, words):
    monkeypatch.setattr(cli, "_load", lambda *a, **k: pytest.fail("pipeline loaded"))
    code, _, err = battery.run_cli(["extract", DATA, *argv, "-o", tmp_path / "x.jsonl"])
    assert code == 2 and words in err and len(err.splitlines()) == 1


# --- the real corpus ------------------------------------------------------------------

needs_corpus = pytest.mark.skipif(not battery.CORPUS.is_file(),
                                  reason=f"10kGNAD corpus not at {battery.CORPUS}")


@needs_corpus
@pytest.mark.parametrize("options", [
    {"header": False, "text_column": 2},
    {"header": False, "text_column": 2, "delimiter": ";", "quotechar": "'"},
])
def test_corpus_in_its_native_form_reads_exactly(options):
    expected = [row[1] for row in reference_rows(battery.CORPUS)]
    docs, problems = read(battery.CORPUS, **options)
    assert problems == []
    assert len(docs) == len(expected) == 1028
    assert [d.text for d in docs] == expected


@needs_corpus
def test_corpus_with_a_header_row_reads_exactly(tmp_path):
    path = tmp_path / "kopf.csv"
    path.write_bytes(b"label;text\n" + battery.CORPUS.read_bytes())
    docs, problems = read(path)
    assert problems == []
    assert [d.text for d in docs] == [row[1] for row in reference_rows(battery.CORPUS)]


@needs_corpus
def test_corpus_sample_csv_run_equals_jsonl_run(tmp_path):
    """Rows with ; " or ' in the text and some others, in the native form (the whole
    corpus: benchmarks/robustness.py)."""
    lines = battery.CORPUS.read_text(encoding="utf-8").splitlines(keepends=True)
    tricky = [line for line in lines if any(c in line.split(";", 1)[1][1:-2] for c in ";\"'")]
    sample = tmp_path / "auszug.csv"
    sample.write_text("".join(tricky[:40] + lines[:20]), encoding="utf-8")
    assert csv_equals_jsonl(sample, tmp_path, NATIVE) == 60
