"""The adversarial input battery (tests/battery.py) on short texts written for it.

Each case runs ``banlens extract`` and checks that nothing crashes, every bad item
is named and skipped, every good document comes out unaltered, and the outputs
parse (JSONL line by line, GraphML, GEXF against the 1.3 schema, JSON, CSV).
``benchmarks/robustness.py`` runs the same cases on the 10kGNAD corpus.
"""

from __future__ import annotations

import battery
import pytest

# Sentences written for these tests; actors from the bundled dictionary.
TEXTS = [
    "Microsoft verhandelt mit Bytedance über eine Übernahme von Tiktok.",
    "Die US-Regierung kritisiert Huawei scharf; der Konzern weist das zurück.",
    "Oracle und Walmart wollen bei Tiktok einsteigen, sagte ein Sprecher am Montag.",
    "Trump droht Tiktok mit einem Verbot. Bytedance lehnt die Forderung ab.",
    "Am Montag regnete es in Wien, und der Verkehr stand still.",
]
ALL_FORMATS = ("jsonl", *battery.GRAPH_FORMATS)


@pytest.fixture(autouse=True)
def shared_pipeline(cli_uses_session_pipeline):
    """The CLI reuses the session pipeline (see conftest.py)."""


def check(builder, tmp_path, formats=ALL_FORMATS, **kwargs) -> battery.Outcome:
    inputs = tmp_path / "in"
    inputs.mkdir()
    case = builder(inputs, TEXTS, **kwargs)
    outcome = battery.run_case(case, tmp_path / "out", formats)
    assert outcome.failures == []
    assert outcome.lost == 0
    return outcome


@pytest.mark.parametrize("builder", battery.TEXT_CASES, ids=lambda b: b.__name__[5:])
def test_text_cases(builder, tmp_path):
    check(builder, tmp_path)


@pytest.mark.parametrize("builder", battery.CONTAINER_CASES, ids=lambda b: b.__name__[5:])
def test_container_cases(builder, tmp_path):
    check(builder, tmp_path)


def test_ten_thousand_tiny_documents(tmp_path):
    outcome = check(battery.case_tiny_documents, tmp_path, formats=("jsonl", "graphml"))
    assert len(outcome.records) == 10_000


def test_fifty_megabyte_jsonl_line(tmp_path):
    outcome = check(battery.case_jsonl_huge_line, tmp_path, formats=("jsonl",))
    assert [record["id"] for record in outcome.records] == ["vor", "gross", "nach"]
    # the message about the broken line quotes none of it
    assert max(len(line) for line in outcome.stderr.splitlines()) < 300


def test_actor_next_to_zero_width_and_bidi_marks_is_found(tmp_path):
    outcome = check(battery.case_unusual_text, tmp_path, formats=("jsonl",))
    records = {record["id"]: record for record in outcome.records}
    found = {actor["id"] for actor in records["zero-width-edges"]["actors"]}
    assert {"microsoft", "bytedance"} <= found
    assert "microsoft" in {actor["id"] for actor in records["rtl"]["actors"]}


def test_battery_detects_an_altered_document(tmp_path):
    """The checks bite: a document read with a changed text is reported as altered."""
    case = battery.case_csv_no_header(tmp_path, TEXTS)
    case.good["artikel:1"] = "X" + case.good["artikel:1"]
    outcome = battery.run_case(case, tmp_path / "out")
    assert any("is not at" in failure for failure in outcome.failures)


def test_battery_detects_a_lost_document_and_a_silent_skip(tmp_path):
    case = battery.case_jsonl_containers(tmp_path, TEXTS)
    case.good["erfunden"] = TEXTS[0]
    case.bad.append((case.inputs[0], 1))
    outcome = battery.run_case(case, tmp_path / "out")
    assert outcome.lost == 1
    assert any("no 'skipped' message" in failure for failure in outcome.failures)


def test_file_that_vanishes_during_the_run_is_reported_and_the_rest_kept(tmp_path):
    from banlens.corpus import iter_documents

    folder = tmp_path / "artikel"
    folder.mkdir()
    for number, text in enumerate(TEXTS):
        (folder / f"{number}.txt").write_text(text, encoding="utf-8")
    problems = []
    documents = iter_documents([folder], on_problem=problems.append)
    first = next(documents)  # the folder is listed; now a later file disappears
    (folder / "2.txt").unlink()
    rest = list(documents)
    assert [first.id] + [d.id for d in rest] == ["0.txt", "1.txt", "3.txt", "4.txt"]
    assert [d.text for d in rest] == [TEXTS[1], TEXTS[3], TEXTS[4]]
    assert len(problems) == 1 and problems[0].file.endswith("2.txt")
    assert "No such file" in problems[0].message and problems[0].skipped
