"""Actor dictionaries and relation lexicons from hostile or broken files.

Every bad file stops the command at once with exit code 2 and one line naming the
file (and entry and field where there is one); nothing in a file is executed; alias
bombs and self-referencing or deeply nested YAML are refused quickly; doubtful
aliases are warned about; a big dictionary stays usable.
"""

from __future__ import annotations

import time
from pathlib import Path

import battery
import pytest
import yaml

import banlens
from banlens import cli
from banlens.yamlfile import MAX_ITEMS, YAMLRefused, safe_load

GOOD_ENTRY = {"id": "beispiel_ag", "name": "Beispiel AG", "type": "organization",
              "aliases": ["Beispiel AG"]}


def billion_laughs(levels: int = 9, width: int = 9) -> str:
    lines = ['a0: &a0 "lol"']
    for level in range(1, levels + 1):
        refs = ", ".join([f"*a{level - 1}"] * width)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return "\n".join(lines) + "\n"


def run_actors(path: Path) -> tuple[int, str, str]:
    return battery.run_cli(["actors", "--actors", path])


def assert_one_line_error(code: int, err: str, *words: str) -> None:
    """Exit 2, no traceback, exactly one error line (naming ``words``) among banlens lines."""
    assert code == 2
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert all(line.startswith("banlens: ") for line in lines), err
    errors = [line for line in lines if line.startswith("banlens: error: ")]
    assert len(errors) == 1, err
    for word in words:
        assert word in errors[0]


# --- nothing is executed ----------------------------------------------------------------


@pytest.mark.parametrize("payload", [
    "!!python/object/apply:os.system ['touch {marker}']",
    "!!python/object/new:subprocess.Popen [['touch', '{marker}']]",
    "!!python/name:os.system",
    "!!python/object/apply:builtins.exec ['open(\"{marker}\", \"w\")']",
])
def test_python_tags_are_refused_and_never_run(tmp_path, payload):
    marker = tmp_path / "ausgefuehrt"
    for content in (f"actors: {payload.format(marker=marker)}\n",
                    f"labels:\n  x: {payload.format(marker=marker)}\n"):
        path = tmp_path / "boese.yml"
        path.write_text(content, encoding="utf-8")
        code, _, err = run_actors(path)
        assert_one_line_error(code, err, str(path), "not valid YAML")
        with pytest.raises(banlens.LexiconError):
            banlens.load_lexicon(path)
    assert not marker.exists()


# --- alias bombs, self-reference, depth -------------------------------------------------


def test_alias_bomb_is_refused_quickly(tmp_path):
    path = tmp_path / "bombe.yml"
    path.write_text(billion_laughs() + "actors: *a9\n", encoding="utf-8")
    started = time.perf_counter()
    code, _, err = run_actors(path)
    assert_one_line_error(code, err, str(path), "alias")
    assert time.perf_counter() - started < 5


def test_alias_bomb_in_a_lexicon_description_is_refused(tmp_path):
    """A free-text field would have been printed (str) in full: 9**9 items."""
    path = tmp_path / "lexikon.yml"
    path.write_text(billion_laughs() + "labels:\n  blocks:\n    plover: SANCTION\n"
                    "    description: *a9\n    triggers: [{verb: sperren}]\n",
                    encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(banlens.LexiconError, match="alias"):
        banlens.load_lexicon(path)
    assert time.perf_counter() - started < 5


def test_modest_aliases_are_fine():
    data = safe_load("namen: &n [Huawei, Huawei Technologies]\n"
                     "actors:\n  - {id: huawei, aliases: *n}\n  - {id: hw, aliases: *n}\n")
    assert data["actors"][1]["aliases"] == ["Huawei", "Huawei Technologies"]


def test_the_limit_counts_expanded_items():
    assert MAX_ITEMS < 9 ** 9
    with pytest.raises(YAMLRefused):
        safe_load(billion_laughs(levels=8, width=9))  # 43 million items
    assert safe_load(billion_laughs(levels=4, width=9))["a4"][0][0][0][0] == "lol"


@pytest.mark.parametrize("text", ["a: &a [1, *a]\n", "a: &a {b: *a}\n"])
def test_self_referencing_yaml_is_refused(text):
    with pytest.raises(YAMLRefused, match="contains it"):
        safe_load(text)


@pytest.mark.parametrize("text", ["[" * 5000 + "]" * 5000,
                                  "".join("  " * i + "- \n" for i in range(3000)) + "x\n"])
def test_deep_nesting_is_a_yaml_error(text):
    with pytest.raises(yaml.YAMLError):
        safe_load(text)


def test_deeply_nested_json_dictionary(tmp_path):
    path = tmp_path / "tief.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    code, _, err = run_actors(path)
    assert_one_line_error(code, err, str(path), "nested too deeply")


# --- malformed files and fields -----------------------------------------------------------


@pytest.mark.parametrize("content, words", [
    ("actors:\n  - id: x\n   name: falsch eingerückt\n", ["line 3", "not valid YAML"]),
    ("actors: [\n", ["not valid YAML"]),
    ("- nur\n- eine Liste\n", ["expected a mapping"]),
    ("actors: keine Liste\n", ["field 'actors'"]),
    ("actors: [5]\n", ["entry 1", "expected a mapping"]),
    ("actors:\n  - {id: 3, aliases: [Alpha]}\n", ["entry 1", "field 'id'"]),
    ("actors:\n  - {id: x, aliases: 5}\n", ["entry 1 (x)", "field 'aliases'"]),
    ("actors:\n  - {id: x, aliases: [[Alpha]]}\n", ["field 'aliases'", "must be text"]),
    ("actors:\n  - {id: x, aliases: [Alpha], type: [person]}\n", ["field 'type'"]),
    ("actors:\n  - {id: x, aliases: [Alpha], name: {a: 1}}\n", ["field 'name'"]),
    ("actors:\n  - {id: x, aliases: [Alpha], not_part_of: 3}\n", ["field 'not_part_of'"]),
    ("actors:\n  - {id: x, aliases: [Alpha], farbe: rot}\n", ["field 'farbe'", "unknown field"]),
    ("actors:\n  - {id: x, aliases: []}\n", ["field 'aliases'", "non-empty"]),
    ("actors:\n  - {id: x, aliases: ['', Alpha]}\n", ["field 'aliases'", "alias 1 is empty"]),
    ("actors:\n  - {id: x, aliases: ['   ']}\n", ["alias 1 is empty"]),
    ("actors:\n  - {id: x, aliases: [Alpha]}\n  - {id: x, aliases: [Beta]}\n",
     ["entry 2 (x)", "duplicate id"]),
    ("extends: fehlt.yml\nactors: []\n", ["field 'extends'", "fehlt.yml"]),
    ("extends: selbst.yml\nactors: []\n", ["field 'extends'"]),
])
def test_malformed_dictionary_is_one_line_exit_2(tmp_path, content, words):
    path = tmp_path / "selbst.yml"
    path.write_text(content, encoding="utf-8")
    code, _, err = run_actors(path)
    assert_one_line_error(code, err, str(path), *words)


@pytest.mark.parametrize("make, words", [
    (lambda p: p, ["not found"]),
    (lambda p: (p.mkdir(), p)[1], ["directory"]),
    (lambda p: (p.write_bytes(b"actors: [\xff\xfe]"), p)[1], ["not UTF-8"]),
])
def test_unreadable_dictionary_file(tmp_path, make, words):
    path = make(tmp_path / "akteure.yml")
    code, _, err = run_actors(path)
    assert_one_line_error(code, err, str(path), *words)


@pytest.mark.parametrize("content, words", [
    ("labels: [1, 2]\n", ["field 'labels'"]),
    ("labels:\n  blocks: {plover: NOPE, triggers: [{verb: sperren}]}\n", ["plover", "NOPE"]),
    ("labels:\n  blocks: {plover: SANCTION, triggers: sperren}\n", ["field 'triggers'"]),
    ("labels:\n  blocks: {plover: SANCTION, triggers: [{verb: 5}]}\n", ["field 'verb'"]),
    ("labels:\n  blocks: {plover: SANCTION, triggers: [{verb: a, object: [xyz]}]}\n",
     ["unknown role"]),
    ("labels:\n  blocks: {plover: SANCTION, through_flow: ja, triggers: [{verb: a}]}\n",
     ["through_flow", "true or false"]),
    ("labels:\n  blocks: {plover: SANCTION, triggers: [{verb: a}]}\nflows: {Export: [wohin]}\n",
     ["flow 'Export'", "unknown role"]),
    ("labels: {\n", ["not valid YAML"]),
])
def test_malformed_lexicon_stops_extract_with_exit_2(tmp_path, monkeypatch, content, words):
    path = tmp_path / "lexikon.yml"
    path.write_text(content, encoding="utf-8")
    corpus = tmp_path / "a.txt"
    corpus.write_text("Microsoft verhandelt mit Bytedance.", encoding="utf-8")
    out = tmp_path / "netz.graphml"
    code, _, err = battery.run_cli(["extract", corpus, "--relations", path, "-o", out])
    assert_one_line_error(code, err, str(path), *words)
    assert not out.exists()


def test_bad_dictionary_stops_extract_before_any_document_is_read(tmp_path, monkeypatch):
    path = tmp_path / "akteure.yml"
    path.write_text("actors: [\n", encoding="utf-8")
    monkeypatch.setattr(cli, "iter_documents",
                        lambda *a, **k: pytest.fail("documents were read"))
    code, _, err = battery.run_cli(["extract", tmp_path / "gibt-es-nicht.txt",
                                    "--actors", path, "-o", tmp_path / "x.graphml"])
    assert_one_line_error(code, err, str(path))


# --- doubtful aliases ---------------------------------------------------------------


def test_single_letter_and_stopword_aliases_are_warned_about(tmp_path):
    path = tmp_path / "akteure.yml"
    path.write_text(yaml.safe_dump({"actors": [
        {"id": "x_partei", "name": "X-Partei", "aliases": ["X", "X-Partei"]},
        {"id": "die_firma", "name": "Die Firma", "aliases": ["Die", "Die Firma"]},
        GOOD_ENTRY]}), encoding="utf-8")
    code, out, err = run_actors(path)
    assert code == 0 and "3 actors" in out
    warnings = [line for line in err.splitlines() if line.startswith("banlens: warning: ")]
    assert len(warnings) == 2
    assert "entry 1 (x_partei)" in warnings[0] and "'X' is a single character" in warnings[0]
    assert "entry 2 (die_firma)" in warnings[1] and "common German word" in warnings[1]


def test_bundled_dictionary_gives_no_warning(caplog):
    banlens.default_dictionary()
    assert not [r for r in caplog.records if r.name == "banlens"]


# --- a big dictionary ----------------------------------------------------------------


def test_a_big_dictionary_loads_and_tags(tmp_path):
    """2,000 actors here; 50,000 are timed in benchmarks/robustness.py."""
    path = tmp_path / "viele.yml"
    names = battery.big_dictionary(path, 2_000)
    started = time.perf_counter()
    nlp = banlens.load("blank", actors=path)
    assert time.perf_counter() - started < 60
    doc = nlp(f"{names[5]} verhandelt mit dem {names[-1]}-Konzern über Tiktok.")
    found = [span.kb_id_ for span in doc.spans["banlens_actors"]]
    assert found[:2] == ["akteur_5", "akteur_1999"]
