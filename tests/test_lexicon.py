"""The relation lexicon: the default file, user extensions and clear errors."""

from __future__ import annotations

import pytest

import banlens
from banlens.lexicon import PLOVER_QUADS, RelationLexicon, load_lexicon

DEFAULT_LABELS = {
    "negotiates_with", "agrees_with", "blocks", "acquires", "sells_to", "partners_with",
    "owns", "invests_in", "accuses", "rejects", "pressures", "sues", "supports",
}

EXTRA = """
labels:
  praises:
    plover: SUPPORT
    triggers:
      - {verb: würdigen, object: [acc]}
  blocks:
    triggers:
      - {verb: kalt|stellen, object: [acc]}
"""


def test_default_lexicon_has_the_default_labels():
    lex = load_lexicon()
    assert set(lex.labels) == DEFAULT_LABELS
    for plover, quad, symmetric in lex.label_info().values():
        assert PLOVER_QUADS[plover] == quad
        assert isinstance(symmetric, bool)


def test_info_gives_plover_quad_and_symmetry():
    lex = banlens.load_lexicon()
    assert lex.info("negotiates_with") == ("CONSULT", "verbal_cooperation", True)
    assert lex.info("blocks") == ("SANCTION", "verbal_conflict", False)
    with pytest.raises(KeyError):
        lex.info("likes")


def test_trigger_indexes():
    lex = load_lexicon()
    (sep,) = [t for t in lex.separable_triggers("lehnen") if t.label == "rejects"]
    assert (sep.particle, sep.lemma) == ("ab", "ablehnen")
    assert [t.label for t in lex.verb_triggers("ablehnen")] == ["rejects"]
    assert ("stecker",) in [t.words for t in lex.phrases["ziehen"]]
    # nouns: inflected forms and compound heads
    assert {t.label for t in lex.noun_triggers("übernahmen")} == {"acquires"}
    assert {t.label for t in lex.noun_triggers("tiktok-verbot")} == {"blocks"}
    assert {t.label for t in lex.noun_triggers("verkaufsverbots")} == {"blocks"}
    assert lex.noun_triggers("speicherung") == []


def test_not_part_of_takes_compounds_away_from_a_noun_trigger(tmp_path):
    path = tmp_path / "partners.yml"
    path.write_text("labels:\n  partners_with:\n    plover: COOPERATE\n    triggers:\n"
                    "      - {noun: Partner, not_part_of: [Verhandlungspartner]}\n",
                    encoding="utf-8")
    lex = load_lexicon(path, extends=False)
    for word in ("partner", "koalitionspartner", "koalitionspartnern", "technologie-partner"):
        assert [t.label for t in lex.noun_triggers(word)] == ["partners_with"], word
    for word in ("verhandlungspartner", "verhandlungspartnern", "verhandlungspartners"):
        assert lex.noun_triggers(word) == [], word
    assert lex.noun_triggers("gesprächspartner") != []  # only what the file lists
    assert load_lexicon().noun_triggers("gesprächspartnern") == []  # the bundled lexicon


def test_user_file_extends_the_default(tmp_path):
    path = tmp_path / "mine.yml"
    path.write_text(EXTRA, encoding="utf-8")
    lex = load_lexicon(path)
    assert set(lex.labels) == DEFAULT_LABELS | {"praises"}
    assert lex.info("praises") == ("SUPPORT", "verbal_cooperation", False)
    assert {t.lemma for t in lex.labels["blocks"].triggers} >= {"blockieren", "kaltstellen"}


def test_user_file_replaces_the_default(tmp_path):
    path = tmp_path / "mine.yml"
    path.write_text(EXTRA.replace("  blocks:\n", "  blocks:\n    plover: SANCTION\n"),
                    encoding="utf-8")
    lex = load_lexicon(path, extends=False)
    assert set(lex.labels) == {"praises", "blocks"}
    assert [t.lemma for t in lex.labels["blocks"].triggers] == ["kaltstellen"]


@pytest.mark.parametrize(
    ("text", "needles"),
    [
        ("labels:\n  praises:\n    plover: LIKE\n    triggers: [{verb: loben}]\n",
         ["label 'praises'", "field 'plover'", "LIKE"]),
        ("labels:\n  praises:\n    plover: SUPPORT\n"
         "    triggers: [{verb: loben, object: [wem]}]\n",
         ["label 'praises'", "trigger 1 (loben)", "field 'object'", "'wem'"]),
        ("labels:\n  praises:\n    plover: SUPPORT\n    triggers: [{object: [acc]}]\n",
         ["label 'praises'", "trigger 1", "'verb', 'phrase', 'noun'"]),
        ("labels:\n  praises:\n    plover: SUPPORT\n    triggers: [{noun: Lob, colour: red}]\n",
         ["trigger 1 (Lob)", "colour"]),
        ("labels:\n  praises:\n    plover: SUPPORT\n    symmetric: maybe\n"
         "    triggers: [{verb: loben}]\n",
         ["label 'praises'", "field 'symmetric'"]),
        ("labels:\n  praises:\n    plover: SUPPORT\n    triggers: []\n",
         ["label 'praises'", "field 'triggers'"]),
        ("labels:\n  praises:\n    plover: SUPPORT\n"
         "    triggers: [{verb: loben, object: [modifier]}]\n",
         ["trigger 1 (loben)", "only apply to noun triggers"]),
        ("labels:\n  praises:\n    plover: SUPPORT\n"
         "    triggers: [{verb: loben, not_part_of: [Eigenlob]}]\n",
         ["trigger 1 (loben)", "field 'not_part_of'", "only applies to noun triggers"]),
        ("labels:\n  praises:\n    plover: SUPPORT\n"
         "    triggers: [{noun: Lob, not_part_of: Eigenlob}]\n",
         ["trigger 1 (Lob)", "field 'not_part_of'", "list of compounds"]),
        ("labels:\n  praises:\n    plover: SUPPORT\n"
         "    triggers: [{verb: nennen, requires_any: gut}]\n",
         ["trigger 1 (nennen)", "field 'requires_any'", "list of words"]),
        ("labels:\n  praises:\n    plover: SUPPORT\n"
         "    triggers: [{verb: loben, object_types: [firm]}]\n",
         ["trigger 1 (loben)", "field 'object_types'", "actor types"]),
        ("labels: {}\n", ["field 'labels'"]),
        ("labels:\n  praises: [unclosed\n", ["line", "not valid YAML"]),
    ],
)
def test_malformed_files_name_file_entry_and_field(tmp_path, text, needles):
    path = tmp_path / "bad.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(banlens.LexiconError) as err:
        load_lexicon(path)
    message = str(err.value)
    assert str(path) in message
    for needle in needles:
        assert needle in message


def test_missing_file_is_a_lexicon_error(tmp_path):
    with pytest.raises(banlens.LexiconError, match="not found"):
        load_lexicon(tmp_path / "nope.yml")


def test_lexicon_round_trips_through_its_data():
    lex = load_lexicon()
    again = RelationLexicon(lex.to_dict(), source="copy")
    assert again.label_info() == lex.label_info()


def test_an_extending_file_is_checked_on_its_own_numbering(tmp_path):
    # the bundled "blocks" label has many triggers; a problem in the user's second
    # trigger of that label is the user's "trigger 2", not a number after the bundled ones
    path = tmp_path / "mine.yml"
    path.write_text("labels:\n  blocks:\n    triggers:\n      - {verb: boykottieren}\n"
                    "      - {verb: sperren, object: [wem]}\n", encoding="utf-8")
    with pytest.raises(banlens.LexiconError) as err:
        load_lexicon(path)
    assert str(err.value).startswith(
        f"{path}: label 'blocks', trigger 2 (sperren), field 'object': unknown role 'wem'")
    # a new label must give what a bundled one may leave out
    path.write_text("labels:\n  praises:\n    triggers: [{verb: loben}]\n", encoding="utf-8")
    with pytest.raises(banlens.LexiconError) as err:
        load_lexicon(path)
    assert str(err.value) == f"{path}: label 'praises', field 'plover': missing"


def test_a_known_label_may_change_one_field_only(tmp_path):
    path = tmp_path / "mine.yml"
    path.write_text("labels:\n  blocks:\n    symmetric: true\n", encoding="utf-8")
    lex = load_lexicon(path)
    assert lex.is_symmetric("blocks")
    assert len(lex.labels["blocks"].triggers) == len(load_lexicon().labels["blocks"].triggers)
    path.write_text("labels:\n  blocks:\n    symmetric: maybe\n", encoding="utf-8")
    with pytest.raises(banlens.LexiconError, match=r"label 'blocks', field 'symmetric'"):
        load_lexicon(path)


def test_lexicon_files_are_read_safely_and_json_too(tmp_path):
    unsafe = tmp_path / "unsafe.yml"
    unsafe.write_text("labels: !!python/object/apply:os.getcwd []\n", encoding="utf-8")
    with pytest.raises(banlens.LexiconError, match=r"unsafe\.yml: line 1: not valid YAML"):
        load_lexicon(unsafe)
    as_json = tmp_path / "mine.json"
    as_json.write_text('{"labels": {"praises": {"plover": "SUPPORT", '
                       '"triggers": [{"verb": "loben"}]}}}', encoding="utf-8")
    assert set(load_lexicon(as_json, extends=False).labels) == {"praises"}
    as_json.write_text('{"labels": {"praises": }}', encoding="utf-8")
    with pytest.raises(banlens.LexiconError, match=r"mine\.json: line 1: not valid JSON"):
        load_lexicon(as_json)


def test_roles_take_the_prepositions_of_german_words():
    from banlens.german.words import CONTRACTIONS
    from banlens.german.words import PREPOSITIONS as GERMAN

    def lexicon(role):
        return load_lexicon({"labels": {"sues": {"plover": "COERCE", "triggers": [
            {"verb": "klagen", "object": [role]}]}}}, extends=False)

    for preposition in GERMAN - set(CONTRACTIONS):
        (trigger,) = lexicon(preposition).labels["sues"].triggers
        assert trigger.object == (preposition,)
    with pytest.raises(banlens.LexiconError, match="unknown role 'zum'"):
        lexicon("zum")  # the contracted form is read as "zu"


def test_prospects_are_word_and_preposition_pairs():
    def lexicon(prospects):
        return load_lexicon({"labels": {"sues": {"plover": "COERCE", "triggers": [
            {"noun": "Klage", "object": ["gegen"]}]}},
            "word_classes": {"prospects": prospects}}, extends=False)

    with pytest.raises(banlens.LexiconError,
                       match=r"field 'prospects': 'warten' is no 'word preposition' pair"):
        lexicon(["hoffen auf", "warten"])
    assert lexicon(["warten auf", "hoffen auf"]).prospects == {"warten": {"auf"},
                                                               "hoffen": {"auf"}}


def test_through_speech_is_a_list_of_verbs():
    with pytest.raises(banlens.LexiconError,
                       match=r"label 'accuses', field 'through_speech': expected a list of words"):
        load_lexicon({"labels": {"accuses": {"through_speech": 5}}})
