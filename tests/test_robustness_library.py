"""The library under bad use: a bogus model, bad items in nlp.pipe, several processes,
DocBin round trips and texts longer than ``nlp.max_length``."""

from __future__ import annotations

import pytest
from spacy.tokens import DocBin

import banlens
from banlens.corpus import Document, iter_records
from banlens.errors import BanlensError, ModelError
from banlens.pipeline import process
from banlens.records import doc_to_record

TEXTS = [
    "Microsoft verhandelt mit Bytedance über eine Übernahme von Tiktok.",
    "Trump droht Tiktok mit einem Verbot. Bytedance lehnt die Forderung ab.",
    "Die US-Regierung kritisiert Huawei scharf; der Konzern weist das zurück.",
]
ODD_TEXTS = ["", "   \n", "\x00\x01\x1f", "Micro\u200bsoft " * 3, "X" * 50_000,
             "\u2028".join(TEXTS), "😀 " + TEXTS[0], "&amp;" * 500 + TEXTS[1]]


def records(nlp, texts, **kwargs):
    docs = [Document(id=f"d{i}", text=text) for i, text in enumerate(texts)]
    return list(iter_records(nlp, iter(docs), **kwargs))


@pytest.mark.parametrize("name", ["de_core_news_gibtsnicht", "/kein/pfad/zu/einem/modell",
                                  "../../etc"])
def test_bogus_model_is_a_one_line_banlens_error(name):
    with pytest.raises(ModelError) as caught:
        banlens.load(name)
    assert isinstance(caught.value, BanlensError) and isinstance(caught.value, OSError)
    message = str(caught.value)
    assert "\n" not in message and repr(name) in message and "blank" in message


def test_nlp_pipe_over_a_generator_with_bad_items(nlp):
    def items():
        yield from TEXTS
        yield from ODD_TEXTS
        yield None  # not a text: spaCy refuses it by name

    seen = []
    with pytest.raises(ValueError, match="E1041"):
        for doc in nlp.pipe(items(), batch_size=2):
            seen.append(doc)
    assert [doc.text for doc in seen] == TEXTS + ODD_TEXTS
    assert {span.kb_id_ for span in seen[0].spans["banlens_actors"]} == {
        "microsoft", "bytedance", "tiktok"}


def test_odd_texts_give_records_in_one_and_in_two_processes(nlp):
    one = records(nlp, TEXTS + ODD_TEXTS)
    two = records(nlp, TEXTS + ODD_TEXTS, n_process=2, batch_size=3)
    assert [r["id"] for r in one] == [f"d{i}" for i in range(len(TEXTS + ODD_TEXTS))]
    assert one == two


def test_spacy_n_process_2_keeps_actors_and_relations(nlp):
    texts = TEXTS * 4
    alone = [doc_to_record(doc, "x") for doc in nlp.pipe(texts)]
    pooled = [doc_to_record(doc, "x") for doc in nlp.pipe(texts, n_process=2, batch_size=2)]
    assert pooled == alone
    assert any(record["relations"] for record in alone)


def test_docbin_round_trip_keeps_actors_and_relations(nlp):
    docs = list(nlp.pipe(TEXTS + ODD_TEXTS))
    data = DocBin(docs=docs, store_user_data=True).to_bytes()
    back = list(DocBin(store_user_data=True).from_bytes(data).get_docs(nlp.vocab))
    assert [doc_to_record(d, "x") for d in back] == [doc_to_record(d, "x") for d in docs]
    assert back[0]._.relations and back[0].spans["banlens_actors"]


def test_long_text_records_match_the_joined_doc(nlp):
    """Pieces processed apart and their records merged give the joined Doc's record."""
    text = "\n\n".join(TEXTS) * 40
    limit = nlp.max_length
    nlp.max_length = 2_000
    try:
        doc = process(nlp, text)
        joined = doc_to_record(doc, "d0")
        merged = records(nlp, [text, TEXTS[0]], batch_size=4)
    finally:
        nlp.max_length = limit
    assert merged[0] == joined
    assert merged[1]["id"] == "d1" and merged[1]["actors"]
    for actor in merged[0]["actors"]:
        assert text[actor["start"]:actor["end"]] == actor["text"]
    assert len(merged[0]["relations"]) == 40 * len(records(nlp, ["\n\n".join(TEXTS)])[0][
        "relations"])
