"""Actor dictionaries: format, merging, and clear errors for bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import banlens
from banlens.dictionary import ACTOR_TYPES, ActorDictionary, default_dictionary, load_dictionary

REQUIRED_DEFAULT_IDS = {
    "trump", "bytedance", "tiktok", "wechat", "tencent", "oracle", "microsoft", "walmart",
    "us_commerce_department", "us_government", "china_government", "usa", "china",
}


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_default_dictionary_has_the_required_actors():
    dictionary = default_dictionary()
    assert set(dictionary.actors) >= REQUIRED_DEFAULT_IDS
    for actor in dictionary:
        assert actor.type in ACTOR_TYPES
        assert actor.aliases and all(alias.strip() for alias in actor.aliases)


def test_yaml_and_json_files_load_alike(tmp_path):
    entry = {"id": "acme", "name": "Acme AG", "type": "organization", "aliases": ["Acme"]}
    yml = write(tmp_path, "a.yml", "actors:\n  - id: acme\n    name: Acme AG\n"
                "    type: organization\n    aliases: [Acme]\n")
    jsn = write(tmp_path, "a.json", json.dumps({"actors": [entry]}))
    assert load_dictionary(yml).to_dict() == load_dictionary(jsn).to_dict() == {"actors": [entry]}


def test_extends_default_adds_to_the_bundled_actors(tmp_path):
    path = write(tmp_path, "mine.yml", "extends: default\nactors:\n"
                 "  - {id: acme, name: Acme, type: organization, aliases: [Acme]}\n"
                 "  - {id: trump, name: Donald J. Trump, type: person, aliases: [Mr. Trump]}\n")
    merged = load_dictionary(path)
    assert "acme" in merged and set(merged.actors) >= REQUIRED_DEFAULT_IDS
    assert merged["trump"].name == "Donald J. Trump"
    assert "Trump" in merged["trump"].aliases and "Mr. Trump" in merged["trump"].aliases


def test_a_list_merges_in_order(tmp_path):
    path = write(tmp_path, "mine.yml", "actors:\n"
                 "  - {id: acme, name: Acme, type: organization, aliases: [Acme]}\n")
    merged = load_dictionary([default_dictionary(), str(path)])
    assert list(merged.actors)[-1] == "acme"
    assert len(merged) == len(default_dictionary()) + 1
    only_mine = load_dictionary(path)
    assert set(only_mine.actors) == {"acme"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("actors:\n  - {id: a, aliases: [A]}\n  - {id: a, aliases: [B]}\n",
         ["entry 2 (a)", "field 'id'", "duplicate"]),
        ("actors:\n  - {name: Acme, aliases: [Acme]}\n", ["entry 1", "field 'id'", "missing"]),
        ("actors:\n  - {id: acme, name: Acme}\n", ["entry 1 (acme)", "field 'aliases'", "missing"]),
        ("actors:\n  - {id: acme, aliases: []}\n", ["entry 1 (acme)", "field 'aliases'"]),
        ("actors:\n  - {id: acme, aliases: [Acme, '  ']}\n",
         ["entry 1 (acme)", "field 'aliases'", "alias 2 is empty"]),
        ("actors:\n  - {id: acme, type: company, aliases: [Acme]}\n",
         ["entry 1 (acme)", "field 'type'", "unknown type 'company'"]),
        ("actors:\n  - {id: Acme Corp, aliases: [Acme]}\n",
         ["entry 1", "field 'id'", "snake_case"]),
        ("actors: [\n  - broken\n", ["not valid YAML", "line"]),
        ("- just a list\n", ["expected a mapping"]),
        ("people: []\n", ["unknown top-level key"]),
    ],
)
def test_bad_dictionary_files_name_file_entry_and_field(tmp_path, text, expected):
    path = write(tmp_path, "bad.yml", text)
    with pytest.raises(banlens.DictionaryError) as info:
        load_dictionary(path)
    message = str(info.value)
    assert str(path) in message
    for part in expected:
        assert part in message


def test_missing_file_and_bad_json(tmp_path):
    with pytest.raises(banlens.DictionaryError, match="not found"):
        load_dictionary(tmp_path / "nope.yml")
    path = write(tmp_path, "bad.json", '{"actors": [}')
    with pytest.raises(banlens.DictionaryError, match=r"bad\.json: line 1: not valid JSON"):
        load_dictionary(path)


def test_load_rejects_a_bad_dictionary_before_loading_a_model(tmp_path):
    path = write(tmp_path, "bad.yml", "actors:\n  - {id: x, aliases: [X], type: alien}\n")
    with pytest.raises(banlens.DictionaryError, match="field 'type'"):
        banlens.load("blank", actors=path)


def test_dictionary_round_trips_through_its_dict_form():
    dictionary = default_dictionary()
    again = ActorDictionary.from_dict(dictionary.to_dict())
    assert again.to_dict() == dictionary.to_dict()


def test_not_part_of_is_read_merged_and_written_back(tmp_path):
    base = write(tmp_path, "a.yml", "actors:\n  - id: usg\n    type: government\n"
                 "    aliases: [Washington]\n    not_part_of: [Washington Post]\n")
    more = write(tmp_path, "b.yml", "actors:\n  - id: usg\n    type: government\n"
                 "    aliases: [US-Regierung]\n    not_part_of: 'George  Washington'\n")
    merged = load_dictionary([base, more])
    assert merged["usg"].not_part_of == ("Washington Post", "George Washington")
    assert merged.to_dict()["actors"][0]["not_part_of"] == ["Washington Post",
                                                          "George Washington"]
    plain = write(tmp_path, "c.yml", "actors:\n  - {id: acme, aliases: [Acme]}\n")
    assert "not_part_of" not in load_dictionary(plain).to_dict()["actors"][0]


@pytest.mark.parametrize(("value", "problem"), [
    ("{a: 1}", "must be a list of names, got dict"),
    ("[Post, 3]", "name 2 must be text, got 3"),
    ("['  ']", "name 1 is empty"),
])
def test_bad_not_part_of_names_entry_and_field(tmp_path, value, problem):
    path = write(tmp_path, "bad.yml", "actors:\n  - id: usg\n    aliases: [Washington]\n"
                 f"    not_part_of: {value}\n")
    with pytest.raises(banlens.DictionaryError) as err:
        load_dictionary(path)
    assert str(err.value) == f"{path}: entry 1 (usg): field 'not_part_of': {problem}"


def test_dictionary_files_cannot_construct_python_objects(tmp_path):
    path = write(tmp_path, "unsafe.yml",
                 "actors:\n  - id: acme\n    aliases: !!python/object/apply:os.getcwd []\n")
    with pytest.raises(banlens.DictionaryError) as err:
        load_dictionary(path)
    assert str(err.value).startswith(f"{path}: line 3: not valid YAML (")


@pytest.mark.parametrize(("entry", "message"), [
    ("{id: acme, aliases: [Acme], colour: red}",
     "entry 1 (acme): field 'colour': unknown field (expected id, name, type, aliases, "
     "not_part_of)"),
    ("{id: 7, aliases: [Acme]}", "entry 1: field 'id': must be lowercase snake_case, got 7"),
    ("{id: acme, aliases: [Acme, 3]}", "entry 1 (acme): field 'aliases': alias 2 must be "
                                        "text, got 3"),
    ("{id: acme, name: '  ', aliases: [Acme]}", "entry 1 (acme): field 'name': must be "
                                               "non-empty text"),
    ("just a name", "entry 1: expected a mapping with id, name, type and aliases, got str"),
])
def test_entry_problems_read_file_entry_field_problem(tmp_path, entry, message):
    path = write(tmp_path, "bad.yml", f"actors:\n  - {{id: ok, aliases: [Ok]}}\n  - {entry}\n")
    with pytest.raises(banlens.DictionaryError) as err:
        load_dictionary(path)
    assert str(err.value) == f"{path}: {message.replace('entry 1', 'entry 2')}"
