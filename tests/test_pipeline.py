"""banlens.load: choosing a pipeline, and processing texts of any length."""

from __future__ import annotations

import logging

import spacy

import banlens
from banlens import pipeline


def test_blank_pipeline_components(nlp):
    assert nlp.lang == "de"
    assert nlp.pipe_names[:3] == ["banlens_sentences", "banlens_lemmas", "banlens_actors"]
    doc = nlp("Die Regierungen verhandelten.")
    assert doc[1].lemma_ == "Regierung"  # lookup lemmas from spacy-lookups-data


def test_auto_falls_back_to_blank_and_says_so(monkeypatch, caplog):
    monkeypatch.setattr(pipeline, "installed_german_model", lambda: None)
    monkeypatch.setattr(pipeline, "_announced", set())
    with caplog.at_level(logging.INFO, logger="banlens"):
        nlp = banlens.load()
        banlens.load()
    assert "banlens_sentences" in nlp.pipe_names
    messages = [r.getMessage() for r in caplog.records if "pipeline" in r.getMessage()]
    assert len(messages) == 1 and "'blank'" in messages[0]


def _small_model(tmp_path):
    """A stand-in for an installed German model: a saved pipeline with a sentencizer."""
    model = spacy.blank("de")
    model.add_pipe("sentencizer")
    path = tmp_path / "de_test_model"
    model.to_disk(path)
    return path


def test_auto_prefers_an_installed_model(monkeypatch, tmp_path, caplog):
    path = _small_model(tmp_path)
    monkeypatch.setattr(pipeline, "installed_german_model", lambda: str(path))
    monkeypatch.setattr(pipeline, "_announced", set())
    with caplog.at_level(logging.INFO, logger="banlens"):
        nlp = banlens.load("auto")
    assert "sentencizer" in nlp.pipe_names and "banlens_sentences" not in nlp.pipe_names
    assert any(str(path) in r.getMessage() for r in caplog.records)
    assert [s.kb_id_ for s in nlp("Oracle und Tiktok.")._.actors] == ["oracle", "tiktok"]


def test_model_by_path_gets_our_sentence_splitter_when_it_has_none(tmp_path):
    model = spacy.blank("de")
    model.to_disk(tmp_path / "bare")
    nlp = banlens.load(tmp_path / "bare")
    assert nlp.pipe_names[0] == "banlens_sentences"


def test_split_text_cuts_at_paragraphs_and_keeps_everything():
    text = "Erster Absatz.\n\nZweiter Absatz ist länger.\n\nDritter."
    pieces = pipeline.split_text(text, 30)
    assert "".join(piece for _, piece in pieces) == text
    assert all(len(piece) <= 30 for _, piece in pieces)
    assert pieces[1][1].startswith("Zweiter")
    assert [offset for offset, _ in pieces] == [0, 16, 44]


def test_texts_longer_than_max_length_keep_their_offsets(nlp):
    paragraph = "Oracle verhandelt mit Bytedance über Tiktok.\n\n"
    text = paragraph * 40
    old = nlp.max_length
    nlp.max_length = 500
    try:
        doc = pipeline.process(nlp, text)
    finally:
        nlp.max_length = old
    assert doc.text == text
    mentions = [(s.start_char, s.end_char, s.kb_id_) for s in doc._.actors]
    assert len(mentions) == 120
    assert all(text[s:e] in {"Oracle", "Bytedance", "Tiktok"} for s, e, _ in mentions)
    assert all(text[r.start:r.end].strip() == r.evidence.strip() for r in doc._.relations)
