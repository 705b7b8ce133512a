"""Sentence boundaries in German news text without a model."""

from __future__ import annotations

import pytest


def sentences(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents]


@pytest.mark.parametrize(
    "text",
    [
        "Am 12. November sprach Dr. Weber mit der Presse.",
        "Das kostet z. B. 3 Mio. Euro bzw. ca. 5 Mrd. Dollar.",
        "Die Oracle Corp. und die Walmart Inc. bieten mit.",
        "Die Frist läuft bis zum 3.10. und wird verlängert.",
    ],
)
def test_abbreviations_ordinals_and_dates_do_not_end_sentences(nlp, text):
    assert sentences(nlp, text) == [text]


def test_year_with_period_ends_a_sentence(nlp):
    assert sentences(nlp, "Das war im Jahr 2020. Die Firma zog um.") == [
        "Das war im Jahr 2020.", "Die Firma zog um."]


def test_quotes_stay_with_their_sentence(nlp):
    text = 'Er sagte: „Das ist gut.“ Dann ging er. "Nein!", rief sie.'
    assert sentences(nlp, text) == ['Er sagte: „Das ist gut.“', "Dann ging er.",
                                    '"Nein!", rief sie.']


def test_headlines_captions_and_paragraphs(nlp):
    text = ("Streit um Apps eskaliert\n\nDie Regierung handelt. Sie sperrt Apps.\n"
            "Bild: dpa\nNeuer Absatz ohne Punkt\n\nDer Text endet\nhier im Satz.")
    assert sentences(nlp, text) == [
        "Streit um Apps eskaliert", "Die Regierung handelt.", "Sie sperrt Apps.", "Bild: dpa",
        "Neuer Absatz ohne Punkt", "Der Text endet\nhier im Satz."]


def test_whitespace_never_starts_a_sentence(nlp):
    doc = nlp("Erster Satz.\n\n\n   Zweiter Satz.")
    assert all(not sent[0].is_space for sent in doc.sents)


def test_a_line_ending_in_a_function_word_is_wrapped(nlp):
    text = "Bytedance lehnte das Angebot von\nMicrosoft ab. Der Konzern\nschwieg."
    assert sentences(nlp, text) == ["Bytedance lehnte das Angebot von\nMicrosoft ab.",
                                    "Der Konzern\nschwieg."]


@pytest.mark.parametrize("word", ["durch", "zwischen", "wegen", "seinen", "dieser"])
def test_more_words_that_cannot_end_a_sentence(nlp, word):
    text = f"Der Streit {word}\nOracle und Walmart geht weiter."
    assert sentences(nlp, text) == [text]
