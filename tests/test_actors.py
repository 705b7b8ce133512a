"""The actor tagger: every matching rule, its negative cases, and its storage."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, DocBin

import banlens
from banlens.actors import ActorTagger
from banlens.annotations import MODIFIER, NAME


def found(doc: Doc, kind: str | None = None) -> list[tuple[str, str]]:
    return [(s.text, s._.actor_id) for s in doc._.actors if kind is None or s.id_ == kind]


def custom(nlp, *actors: dict) -> ActorTagger:
    return ActorTagger(nlp, actors={"actors": list(actors)})


@pytest.mark.parametrize("form", ["TikTok", "Tiktok", "TIKTOK", "tiktok"])
def test_names_match_in_any_case(nlp, form):
    doc = nlp(f"Die App {form} ist beliebt.")
    assert found(doc) == [(form, "tiktok")]


def test_bytedance_spellings(nlp):
    doc = nlp("ByteDance oder Bytedance, so schreibt man BYTEDANCE.")
    assert [a for _, a in found(doc)] == ["bytedance"] * 3


def test_common_word_alias_matches_only_as_capitalised(nlp):
    tagger = custom(nlp, {"id": "bund", "type": "government", "aliases": ["Bund"]})
    assert found(tagger(nlp.make_doc("Der Bund zahlt."))) == [("Bund", "bund")]
    assert found(tagger(nlp.make_doc("Ein bund Petersilie und der BUND."))) == []


def test_lowercase_alias_may_start_a_headline(nlp):
    doc = nlp("Chinesische Regierung weist Vorwürfe zurück")
    assert found(doc) == [("Chinesische Regierung", "china_government")]
    assert found(nlp("Die Chinesische Regierungsbank zahlt.")) == []


def test_never_inside_another_word(nlp):
    doc = nlp("Der Trumpf, die Oraclefans und das Microsoftprogramm; Tiktoker filmen.")
    assert found(doc) == []


@pytest.mark.parametrize(
    ("text", "mention", "actor"),
    [
        ("Trumps Dekret gilt ab Sonntag.", "Trumps", "trump"),
        ("Microsofts Angebot kam spät.", "Microsofts", "microsoft"),
        ("Ein Sprecher des Handelsministeriums bestätigte das.", "Handelsministeriums",
         "us_commerce_department"),
        ("Die Sprecherin des Weißen Hauses schwieg.", "Weißen Hauses", "us_government"),
        ("Im Weißen Haus wurde beraten.", "Weißen Haus", "us_government"),
        ("Aus dem Weißen Haus hieß es, man prüfe das.", "Weißen Haus", "us_government"),
        ("Ein Vertreter der chinesischen Regierung widersprach.", "chinesischen Regierung",
         "china_government"),
        ("Er sprach von den Vereinigten Staaten.", "Vereinigten Staaten", "usa"),
    ],
)
def test_german_inflection(nlp, text, mention, actor):
    assert (mention, actor) in found(nlp(text))


def test_apostrophe_genitive(nlp):
    tagger = custom(nlp, {"id": "scholz", "type": "person", "aliases": ["Olaf Scholz", "Scholz"]})
    doc = tagger(nlp.make_doc("Scholz' Pläne und Olaf Scholz’ Kabinett."))
    assert [a for _, a in found(doc)] == ["scholz", "scholz"]


def test_noun_endings_of_the_head(nlp):
    tagger = custom(nlp, {"id": "wa", "type": "government", "aliases": ["Regierung in Washington"]})
    doc = tagger(nlp.make_doc("Die Regierungen in Washington wechseln."))
    assert found(doc) == [("Regierungen in Washington", "wa")]


def test_alias_as_compound_head_is_a_full_mention(nlp):
    tagger = custom(nlp, {"id": "hm", "type": "government", "aliases": ["Handelsministerium"]})
    doc = tagger(nlp.make_doc("Das US-Handelsministerium und des US-Handelsministeriums."))
    assert found(doc, NAME) == [("US-Handelsministerium", "hm"), ("US-Handelsministeriums", "hm")]
    assert found(doc, MODIFIER) == []


def test_alias_as_compound_first_part_is_a_modifier_mention(nlp):
    doc = nlp("Das Tiktok-Verbot trifft den Tiktok-Eigentümer und Ex-Tiktok-Chefs.")
    assert found(doc, NAME) == []
    assert found(doc, MODIFIER) == [("Tiktok-Verbot", "tiktok"), ("Tiktok-Eigentümer", "tiktok"),
                                   ("Ex-Tiktok-Chefs", "tiktok")]
    assert {s._.mention_kind for s in doc._.actors} == {MODIFIER}


def test_hyphen_ellipsis_is_a_modifier(nlp):
    doc = nlp("Das Tiktok- und WeChat-Verbot kommt.")
    assert found(doc, MODIFIER) == [("Tiktok-", "tiktok"), ("WeChat-Verbot", "wechat")]


def test_compound_alias_names_the_whole_and_its_first_part(nlp):
    doc = nlp("Die Trump-Regierung entschied.")
    assert found(doc, NAME) == [("Trump-Regierung", "us_government")]
    assert found(doc, MODIFIER) == [("Trump-Regierung", "trump")]


@pytest.mark.parametrize(
    "text, mention",
    [
        ("US-Präsident Donald Trump sprach.", "US-Präsident Donald Trump"),
        ("Präsident Trump sprach.", "Präsident Trump"),
        ("Der frühere Präsident Trump sprach.", "Präsident Trump"),
        ("Man fragte Handelsminister Wilbur Ross.", "Handelsminister Wilbur Ross"),
    ],
)
def test_title_and_name_form_one_mention(nlp, text, mention):
    assert found(nlp(text)) == [(mention, found(nlp(text))[0][1])]
    assert found(nlp(text))[0][0] == mention


def test_titles_do_not_attach_to_organisations_or_stand_alone(nlp):
    assert found(nlp("Der Präsident sprach mit Chef Oracle.")) == [("Oracle", "oracle")]


def test_span_attributes(nlp):
    doc = nlp("Oracle verhandelt mit Bytedance.")
    span = doc._.actors[0]
    assert span._.actor_id == "oracle"
    assert span._.actor == {"id": "oracle", "name": "Oracle", "type": "organization"}
    assert span.label_ == "ORGANIZATION"
    assert [s.start for s in doc._.actors] == sorted(s.start for s in doc._.actors)


def test_unknown_words_and_empty_texts(nlp):
    for text in ["", "   ", "\n\n", "Nichts Bekanntes hier."]:
        doc = nlp(text)
        assert doc._.actors == []
        assert doc._.relations == []


def test_messy_text(nlp):
    text = ("US-Präsident\u00a0Trump &amp; Oracle\x00 verhandeln&nbsp;mit\x0cBytedance.\u200b "
            "&quot;Microsoft&quot;")
    ids = [a for _, a in found(nlp(text))]
    assert ids == ["trump", "oracle", "bytedance", "microsoft"]


def test_model_entities_stay_consistent(nlp):
    """With a statistical NER, our actors win on overlap; others become unknown actors."""
    words = ["Präsident", "Trump", "traf", "Angela", "Merkel", "und", "Oracle", "in", "Berlin", "."]
    ents = ["O", "B-PER", "O", "B-PER", "I-PER", "O", "B-ORG", "O", "B-LOC", "O"]
    doc = Doc(nlp.vocab, words=words, ents=ents)
    doc = nlp.get_pipe("banlens_actors")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Präsident Trump", "PERSON"), ("Angela Merkel", "PER"),
        ("Oracle", "ORGANIZATION"), ("Berlin", "LOC")]
    assert [(e.text, e.label_) for e in doc._.unknown_actors] == [
        ("Angela Merkel", "PER"), ("Berlin", "LOC")]


def test_results_survive_serialisation(nlp):
    doc = nlp("Das Tiktok-Verbot der Trump-Regierung trifft Bytedance.")
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert found(again) == found(doc) and again._.actor_names == doc._.actor_names
    assert [s._.mention_kind for s in again._.actors] == [s._.mention_kind for s in doc._.actors]
    docbin = DocBin(store_user_data=True)
    docbin.add(doc)
    (restored,) = DocBin().from_bytes(docbin.to_bytes()).get_docs(nlp.vocab)
    assert found(restored) == found(doc)
    assert restored._.actors[0]._.actor["name"] == "TikTok"


def test_results_survive_multiprocessing(nlp):
    texts = ["Oracle verhandelt mit Bytedance.", "Trumps Regierung sperrt WeChat.",
             "Das Weiße Haus und Tencent."] * 4
    single = [found(doc) for doc in nlp.pipe(texts)]
    double = [found(doc) for doc in nlp.pipe(texts, n_process=2, batch_size=3)]
    assert double == single
    assert all(single)


def test_pipeline_round_trips_with_its_dictionary(tmp_path):
    mine = tmp_path / "mine.yml"
    mine.write_text("actors:\n  - {id: acme, name: Acme AG, type: organization, "
                    "aliases: [Acme]}\n", encoding="utf-8")
    nlp = banlens.load("blank", actors=mine)
    nlp.to_disk(tmp_path / "pipeline")
    again = spacy.load(tmp_path / "pipeline")
    doc = again("Die Acme kauft ein, Oracle nicht.")
    assert found(doc) == [("Acme", "acme")]
    assert doc._.actors[0]._.actor["name"] == "Acme AG"


def test_add_pipe_in_any_german_pipeline(tmp_path):
    path = tmp_path / "actors.yml"
    path.write_text("actors:\n  - {id: acme, type: organization, aliases: [Acme]}\n",
                    encoding="utf-8")
    nlp = spacy.blank("de")
    nlp.add_pipe("banlens_actors", config={"actors": str(path)})
    assert found(nlp("Acme und Oracle.")) == [("Acme", "acme")]


def test_names_of_several_nouns_may_decline_the_first(nlp):
    tagger = custom(nlp, {"id": "olg", "type": "court", "aliases": ["Oberlandesgericht Köln"]})
    doc = tagger(nlp.make_doc("Ein Senat des Oberlandesgerichts Köln entschied."))
    assert found(doc) == [("Oberlandesgerichts Köln", "olg")]


# -- names that contain an alias, and datelines ----------------------------------


def test_alias_inside_a_not_part_of_name_is_no_mention(nlp):
    doc = nlp("Die Washington Post berichtet, Washington setze Bytedance unter Druck.")
    assert found(doc) == [("Washington", "us_government"), ("Bytedance", "bytedance")]
    assert found(nlp("Ein Gast der George Washington University sprach.")) == []


def test_not_part_of_covers_declined_forms_and_compounds(nlp):
    assert found(nlp("Das Rezept der Peking-Enten und ein Abend in der Peking-Oper.")) == []
    assert found(nlp("Ein Peking-Besuch.")) == [("Peking-Besuch", "china_government")]


def test_not_part_of_blocks_only_its_own_actor(nlp):
    tagger = custom(nlp,
                    {"id": "post", "type": "media", "aliases": ["Washington Post"]},
                    {"id": "usg", "type": "government", "aliases": ["Washington"],
                     "not_part_of": ["Washington Post"]})
    doc = tagger(nlp.make_doc("Die Washington Post kritisiert Washington."))
    assert found(doc) == [("Washington Post", "post"), ("Washington", "usg")]


@pytest.mark.parametrize("text", [
    "Peking – Huawei verklagt die US-Regierung.",
    "Peking (dpa) - Huawei verklagt die US-Regierung.",
    "Washington/Peking (Reuters) – Huawei verklagt die US-Regierung.",
    "Peking, 18. September (AFP) — Huawei verklagt die US-Regierung.",
    "Zwei Festnahmen. Peking – Huawei verklagt die US-Regierung.",
    "Handelsstreit\n\nPeking -- Huawei verklagt die US-Regierung.",
])
def test_a_dateline_place_is_no_actor(nlp, text):
    doc = nlp(text)
    assert found(doc) == [("Huawei", "huawei"), ("US-Regierung", "us_government")]
    assert [(r.subject, r.label, r.object) for r in doc._.relations] == [
        ("huawei", "sues", "us_government")]


@pytest.mark.parametrize("text", [
    "Peking droht Washington mit Vergeltung.",          # no dash: the city acts
    "Das sagte Peking – und Washington schwieg.",       # not at a sentence start
    "Peking – so heißt es – droht Washington.",         # lowercase after the dash
])
def test_a_place_that_is_not_a_dateline_stays_an_actor(nlp, text):
    ids = [a for _, a in found(nlp(text))]
    assert "china_government" in ids and "us_government" in ids


def test_datelines_can_be_kept(nlp):
    tagger = ActorTagger(nlp, skip_datelines=False)
    doc = tagger(nlp("Peking (dpa) – Huawei klagt."))
    assert found(doc) == [("Peking", "china_government"), ("Huawei", "huawei")]


def test_model_entities_in_a_dateline_are_no_unknown_actors(nlp):
    words = ["Berlin", "(", "dpa", ")", "–", "Angela", "Merkel", "trifft", "Oracle", "."]
    ents = ["B-LOC", "O", "B-ORG", "O", "O", "B-PER", "I-PER", "O", "B-ORG", "O"]
    doc = nlp.get_pipe("banlens_actors")(Doc(nlp.vocab, words=words, ents=ents))
    assert [e.text for e in doc._.unknown_actors] == ["Angela Merkel"]


def test_declined_form_that_is_a_german_word_matches_only_as_written(nlp):
    tagger = custom(nlp, {"id": "un", "type": "organization", "aliases": ["UN"]})
    assert found(tagger(nlp.make_doc("Wir haben uns geeinigt."))) == []
    assert found(tagger(nlp.make_doc("Die UN und die Un einigten sich."))) == [
        ("UN", "un"), ("Un", "un")]


def test_compounds_are_found_in_words_of_any_length(nlp):
    # spaCy gives words of 100 characters or more the shape "LONG", without hyphens
    long_word = "Verhandlungs" * 9 + "-Tiktok"
    assert found(nlp(f"Das {long_word} endet.")) == [(long_word, "tiktok")]


@pytest.mark.parametrize(("text", "actor"), [
    ("Das chinesische Handelsministerium widersprach.", "china_commerce_ministry"),
    ("Das Handelsministerium in Peking widersprach.", "china_commerce_ministry"),
    ("Das Handelsministerium verbietet Downloads.", "us_commerce_department"),
])
def test_which_commerce_ministry(nlp, text, actor):
    assert [a for _, a in found(nlp(text))] == [actor]


def test_another_countrys_ministry_is_not_the_us_one(nlp):
    assert found(nlp("Das deutsche Handelsministerium widersprach.")) == []


def test_leftover_html_tags_are_split_off(nlp):
    text = "<p>Oracle verklagt Tiktok.</p><br/>Huawei&nbsp;klagt.</body>"
    doc = nlp(text)
    assert doc.text == text
    assert [a for _, a in found(doc)] == ["oracle", "tiktok", "huawei"]
    assert [(r.subject, r.label, r.object) for r in doc._.relations] == [
        ("oracle", "sues", "tiktok")]


@pytest.mark.parametrize(("text", "found"), [
    ("Zehntausende Ungarn demonstrierten, Norwegen schwieg.", ["Norwegen"]),
    ("Rund 2000 Ungarn protestierten gegen die Regierung.", []),
    ("Viele Ungarn arbeiten im Ausland.", []),
    ("Ungarn kritisiert die Kommission.", ["Ungarn"]),
    ("Die Kommission verklagt Ungarn.", ["Ungarn"]),
])
def test_a_country_after_a_number_or_quantifier_is_its_people(tmp_path, text, found):
    path = tmp_path / "actors.yml"
    path.write_text("actors:\n  - {id: hungary, name: Ungarn, type: country, aliases: [Ungarn]}\n"
                    "  - {id: norway, name: Norwegen, type: country, aliases: [Norwegen]}\n",
                    encoding="utf-8")
    nlp = banlens.load("blank", actors=path)
    assert [e.text for e in nlp(text).ents] == found
