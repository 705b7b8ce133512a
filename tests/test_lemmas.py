"""Lookup lemmas with corrections, a fallback word list and shared forms."""

from __future__ import annotations

import pytest

from banlens.german.lemmas import SHARED_FORMS, alternative_lemmas, forms_of
from banlens.relations.lexicon import load_lexicon


@pytest.mark.parametrize(("text", "form", "lemma"), [
    # forms the lookup table lacks: from the fallback list
    ("Der Verband schloss gestern den Vertrag.", "schloss", "schließen"),
    ("Die Stadt tritt als Käuferin auf.", "tritt", "treten"),
    ("Beide haben das so vereinbart.", "vereinbart", "vereinbaren"),
    ("Der Antrag wurde durchgewunken.", "durchgewunken", "durchwinken"),
    # forms the table gets wrong
    ("Man hat sich in Bremen getroffen.", "getroffen", "treffen"),
    ("Die vereinbarten Regeln gelten.", "vereinbarten", "vereinbaren"),
    # the table's lemma stays where it has one
    ("Die Vorstände trafen sich.", "trafen", "treffen"),
    ("Sie hat es gehört.", "gehört", "hören"),
])
def test_lemma(nlp, text, form, lemma):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == form)
    assert tok.lemma_ == lemma


def test_names_and_nouns_keep_their_form(nlp):
    doc = nlp("Die Sparten der Firma Ostwind wachsen.")
    assert [t.lemma_ for t in doc if t.text in ("Sparten", "Ostwind")] == ["Sparten", "Ostwind"]


def test_shared_forms_index_the_other_reading():
    assert "gehören" in alternative_lemmas("gehört")
    assert "gehört" in forms_of("gehören")
    assert all(form == form.lower() for form in SHARED_FORMS)
    lexicon = load_lexicon()
    assert any(t.lemma == "gehören" for t in lexicon.verb_triggers("gehört"))


def test_every_form_of_a_lexicon_verb_reaches_it():
    """Each finite or infinitive form that simplemma's German list gives for a verb of
    the default lexicon (triggers and support verbs) has that verb as its lemma or
    as a shared reading. Inflected participles used as adjectives ("gekaufte") keep
    the participle, as the lookup table does."""
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory
    from spacy.lookups import load_lookups

    from banlens.german.lemmas import lemma_of

    table = load_lookups("de", ["lemma_lookup"]).get_table("lemma_lookup")
    lexicon = load_lexicon()
    verbs = {t.base or t.lemma for spec in lexicon.labels.values() for t in spec.triggers
             if t.kind != "noun"} | set(lexicon.support_verbs)
    missed = []
    for form, lemma in DefaultDictionaryFactory().get_dictionary("de").items():
        if lemma not in verbs or not form.isalpha() or not form.islower():
            continue
        got = lemma_of(form, table)
        if got == lemma or lemma in alternative_lemmas(form) or form.startswith("zu"):
            continue
        if form.startswith(got) and form[len(got):] in ("e", "en", "er", "es", "em", "d"):
            continue  # an adjective made of a participle ("gekaufte", "drohende")
        if got.endswith(("end", "t", "en")) and form.startswith(got):
            continue
        missed.append(f"{form} -> {got} (not {lemma})")
    assert not missed, missed
