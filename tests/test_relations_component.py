"""The banlens_relations component: pipeline wiring, serialization, multiprocessing."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
import srsly

import banlens
from banlens.relations import RelationExtractor

CUSTOM = """
labels:
  praises:
    plover: SUPPORT
    triggers:
      - {verb: loben, object: [acc]}
"""
TEXTS = [
    "Oracle verhandelt mit Bytedance über Tiktok.",
    "Trump lobt Oracle. Die US-Regierung blockiert Tiktok.",
    "Niemand sagt etwas.",
]


@pytest.fixture(scope="module")
def custom_nlp(tmp_path_factory):
    path = tmp_path_factory.mktemp("lex") / "praise.yml"
    path.write_text(CUSTOM, encoding="utf-8")
    return banlens.load("blank", relations=path)


def triples(doc):
    return {(r["subject"], r["label"], r["object"]) for r in doc._.relation_records}


def test_component_is_in_the_default_pipeline(nlp):
    assert nlp.pipe_names[-1] == "banlens_relations"
    doc = nlp(TEXTS[0])
    (rel,) = doc._.relations
    assert isinstance(rel, banlens.Relation)
    assert (rel.subject, rel.label, rel.object) == ("oracle", "negotiates_with", "bytedance")


def test_records_are_plain_data(nlp):
    doc = nlp(TEXTS[1])
    assert doc._.relation_records
    assert srsly.msgpack_loads(srsly.msgpack_dumps(doc._.relation_records)) == (
        doc._.relation_records
    )


def test_the_strategies_hold_only_the_lexicon(nlp):
    """What a strategy reads of a document is passed along with each sentence, not kept
    on the extractor: nothing of one document can leak into the next."""
    component = nlp.get_pipe("banlens_relations")
    assert triples(nlp(TEXTS[1]))
    surface, tree = component._surface, component._tree
    assert set(vars(surface)) == {"lexicon", "reader"}
    assert set(vars(surface.reader)) == {"lexicon"}
    assert set(vars(tree)) == {"lexicon"}


def test_custom_lexicon_is_used(custom_nlp):
    assert ("trump", "praises", "oracle") in triples(custom_nlp(TEXTS[1]))


def test_custom_lexicon_survives_to_disk_and_load(custom_nlp, tmp_path):
    custom_nlp.to_disk(tmp_path / "pipeline")
    # the pipeline must not depend on the original file any more
    Path(custom_nlp.get_pipe_config("banlens_relations")["lexicon"]).unlink()
    reloaded = spacy.load(tmp_path / "pipeline")
    assert "banlens_relations" in reloaded.pipe_names
    lex = reloaded.get_pipe("banlens_relations").lexicon
    assert "praises" in lex.labels
    assert ("trump", "praises", "oracle") in triples(reloaded(TEXTS[1]))


def test_custom_lexicon_survives_to_bytes(custom_nlp, nlp):
    data = custom_nlp.get_pipe("banlens_relations").to_bytes()
    fresh = RelationExtractor()
    assert "praises" not in fresh.lexicon.labels
    fresh.from_bytes(data)
    assert "praises" in fresh.lexicon.labels


def test_results_survive_multiprocessing(nlp):
    single = [triples(doc) for doc in nlp.pipe(TEXTS)]
    multi = [triples(doc) for doc in nlp.pipe(TEXTS, n_process=2)]
    assert multi == single
    assert single[0] == {("oracle", "negotiates_with", "bytedance")}


def test_missing_lexicon_file_is_reported(tmp_path):
    nlp = spacy.blank("de")
    pipe = nlp.add_pipe("banlens_relations", config={"lexicon": str(tmp_path / "no.yml")})
    with pytest.raises(banlens.LexiconError, match="no.yml"):
        pipe.lexicon  # noqa: B018


def test_bad_strategy_is_rejected():
    with pytest.raises(ValueError, match="strategy"):
        RelationExtractor(strategy="magic")


def test_sentences_with_one_actor_give_nothing(nlp):
    doc = nlp("Tiktok droht das Aus. Oracle soll die Speicherung der Daten übernehmen.")
    assert doc._.relation_records == []


def test_min_confidence_filters(nlp):
    strict = RelationExtractor(min_confidence=0.99)
    doc = nlp.make_doc(TEXTS[0])
    for name, proc in nlp.pipeline:
        if name != "banlens_relations":
            doc = proc(doc)
    strict(doc)
    assert doc._.relation_records == []


def test_works_without_sentence_boundaries(nlp):
    doc = nlp.make_doc("Oracle verhandelt mit Bytedance.")
    for name, proc in nlp.pipeline:
        if name not in ("banlens_relations", "banlens_sentences"):
            doc = proc(doc)
    assert not doc.has_annotation("SENT_START")
    nlp.get_pipe("banlens_relations")(doc)
    assert triples(doc) == {("oracle", "negotiates_with", "bytedance")}
