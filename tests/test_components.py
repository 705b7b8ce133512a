"""The spaCy components as spaCy sees them: what they assign and require, how they
get their data (``initialize`` or a setter) and what ``to_disk(exclude=...)`` leaves out."""

from __future__ import annotations

import spacy

import banlens
from banlens.actors.tagger import ActorTagger
from banlens.relations.component import RelationExtractor

COMPONENTS = ("banlens_sentences", "banlens_lemmas", "banlens_actors", "banlens_references",
              "banlens_relations")
ACME = "actors:\n  - {id: acme, name: Acme, type: organization, aliases: [Acme]}\n"
PRAISES = "labels:\n  praises:\n    plover: SUPPORT\n    triggers: [{verb: loben}]\n"


def test_every_component_says_what_it_assigns_and_the_default_pipeline_has_no_gaps():
    nlp = banlens.load("blank")
    assert set(COMPONENTS) <= set(nlp.pipe_names)
    analysis = nlp.analyze_pipes()
    summary = analysis["summary"]
    for name in COMPONENTS:
        assert summary[name]["assigns"], name
    assert "token.is_sent_start" in summary["banlens_sentences"]["assigns"]
    assert "token.lemma" in summary["banlens_lemmas"]["assigns"]
    assert "doc.spans" in summary["banlens_actors"]["assigns"]
    assert {"doc.spans", "token.lemma"} <= set(summary["banlens_relations"]["requires"])
    assert all(not problems for problems in analysis["problems"].values())


def test_analyze_pipes_names_what_a_hand_built_pipeline_lacks():
    nlp = spacy.blank("de")
    nlp.add_pipe("banlens_relations")
    problems = nlp.analyze_pipes()["problems"]["banlens_relations"]
    assert set(problems) == {"doc.spans", "token.lemma"}
    nlp = spacy.blank("de")
    nlp.add_pipe("banlens_lemmas")
    nlp.add_pipe("banlens_actors")
    nlp.add_pipe("banlens_relations")
    assert nlp.analyze_pipes()["problems"]["banlens_relations"] == []


def test_data_through_initialize_settings(tmp_path):
    actors, lexicon = tmp_path / "acme.yml", tmp_path / "praises.yml"
    actors.write_text(ACME, encoding="utf-8")
    lexicon.write_text(PRAISES, encoding="utf-8")
    nlp = spacy.blank("de")
    nlp.add_pipe("banlens_actors")
    nlp.add_pipe("banlens_relations", config={"extend_default": False})
    nlp.config["initialize"]["components"] = {
        "banlens_actors": {"actors": str(actors)},
        "banlens_relations": {"lexicon": str(lexicon)},
    }
    nlp.initialize()
    assert list(nlp.get_pipe("banlens_actors").dictionary.actors) == ["acme"]
    assert set(nlp.get_pipe("banlens_relations").lexicon.labels) == {"praises"}
    # without settings, initialize keeps what the component has
    nlp.get_pipe("banlens_actors").initialize()
    assert list(nlp.get_pipe("banlens_actors").dictionary.actors) == ["acme"]


def test_data_through_the_setters_and_initialize_arguments(tmp_path):
    nlp = spacy.blank("de")
    tagger: ActorTagger = nlp.add_pipe("banlens_actors")
    tagger.initialize(actors={"actors": [{"id": "acme", "aliases": ["Acme"]}]})
    doc = nlp("Acme wächst.")
    assert [span.kb_id_ for span in doc.spans["banlens_actors"]] == ["acme"]
    tagger.set_dictionary(banlens.default_dictionary())
    doc = nlp("Acme wächst.")
    assert list(doc.spans["banlens_actors"]) == []
    extractor: RelationExtractor = nlp.add_pipe("banlens_relations")
    mine = banlens.load_lexicon({"labels": {"praises": {"plover": "SUPPORT", "triggers": [
        {"verb": "loben"}]}}}, extends=False)
    extractor.initialize(lexicon=mine)
    assert extractor.lexicon is mine
    extractor.set_lexicon(banlens.load_lexicon())
    assert "praises" not in extractor.lexicon.labels


def test_to_disk_honours_exclude(tmp_path):
    nlp = spacy.blank("de")
    tagger: ActorTagger = nlp.add_pipe("banlens_actors")
    extractor: RelationExtractor = nlp.add_pipe("banlens_relations")
    tagger.to_disk(tmp_path / "all")
    extractor.to_disk(tmp_path / "all")
    assert {p.name for p in (tmp_path / "all").iterdir()} == {"actors.json", "lexicon.json"}
    tagger.to_disk(tmp_path / "none", exclude=["actors"])
    extractor.to_disk(tmp_path / "none", exclude=["lexicon"])
    assert list((tmp_path / "none").iterdir()) == []

    other = spacy.blank("de")
    acme = other.add_pipe("banlens_actors")
    acme.set_dictionary(banlens.load_dictionary({"actors": [{"id": "acme",
                                                             "aliases": ["Acme"]}]}))
    acme.from_disk(tmp_path / "all", exclude=["actors"])  # keeps its own
    assert list(acme.dictionary.actors) == ["acme"]
    acme.from_disk(tmp_path / "all")
    assert list(acme.dictionary.actors) == list(tagger.dictionary.actors)
    # the same through bytes
    data = tagger.to_bytes(exclude=["actors"])
    acme.set_dictionary(banlens.load_dictionary({"actors": [{"id": "acme",
                                                             "aliases": ["Acme"]}]}))
    acme.from_bytes(data)
    assert list(acme.dictionary.actors) == ["acme"]
    acme.from_bytes(tagger.to_bytes())
    assert list(acme.dictionary.actors) == list(tagger.dictionary.actors)

    lexicon = other.add_pipe("banlens_relations")
    mine = banlens.load_lexicon({"labels": {"praises": {"plover": "SUPPORT", "triggers": [
        {"verb": "loben"}]}}}, extends=False)
    lexicon.set_lexicon(mine)
    lexicon.from_disk(tmp_path / "none", exclude=["lexicon"])  # nothing read, nothing lost
    assert lexicon.lexicon is mine
    lexicon.from_bytes(extractor.to_bytes())
    assert set(lexicon.lexicon.labels) == set(extractor.lexicon.labels)
