"""The tree strategy on hand-built parses that follow TIGER conventions.

Each sentence is written for these tests and given as rows of
(word, head index, dependency label, coarse POS, lemma); actor mentions are set
directly on ``doc.spans["banlens_actors"]``, as the actor tagger would.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from banlens.relations import RelationExtractor

T, F = True, False


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("de").vocab


@pytest.fixture(scope="module")
def extractor():
    return RelationExtractor()


def build(vocab, rows, actors):
    words, heads, deps, pos, lemmas = zip(*rows, strict=True)
    tags = ["PRELS" if d == "sb" and w in ("das", "der", "die") and p == "PRON" else ""
            for w, d, p in zip(words, deps, pos, strict=True)]
    doc = Doc(vocab, words=list(words), heads=list(heads), deps=list(deps), pos=list(pos),
              lemmas=list(lemmas), tags=tags)
    doc.spans["banlens_actors"] = [
        Span(doc, start, end, label="ORGANIZATION", kb_id=actor, span_id=kind)
        for start, end, actor, kind in actors
    ]
    return doc


def relations(extractor, doc):
    assert doc.has_annotation("DEP")
    extractor(doc)
    for rec in doc._.relation_records:
        assert rec["method"].startswith("tree.")
    return {(r["subject"], r["label"], r["object"], r["negated"], r["hypothetical"])
            for r in doc._.relation_records}


def name(i, actor, kind="name"):
    return (i, i + 1, actor, kind)


CASES = {
    "verb_second": (
        [("Oracle", 1, "sb", "PROPN", "Oracle"), ("verhandelt", 1, "ROOT", "VERB", "verhandeln"),
         ("mit", 1, "mo", "ADP", "mit"), ("Bytedance", 2, "nk", "PROPN", "Bytedance"),
         (".", 1, "punct", "PUNCT", ".")],
        [name(0, "oracle"), name(3, "bytedance")],
        {("oracle", "negotiates_with", "bytedance", F, F)},
    ),
    "perfect": (
        [("Oracle", 1, "sb", "PROPN", "Oracle"), ("hat", 1, "ROOT", "AUX", "haben"),
         ("Tiktok", 3, "oa", "PROPN", "Tiktok"), ("übernommen", 1, "oc", "VERB", "übernehmen"),
         (".", 1, "punct", "PUNCT", ".")],
        [name(0, "oracle"), name(2, "tiktok")],
        {("oracle", "acquires", "tiktok", F, F)},
    ),
    "modal": (
        [("Microsoft", 1, "sb", "PROPN", "Microsoft"), ("will", 1, "ROOT", "AUX", "wollen"),
         ("Tiktok", 3, "oa", "PROPN", "Tiktok"), ("kaufen", 1, "oc", "VERB", "kaufen"),
         (".", 1, "punct", "PUNCT", ".")],
        [name(0, "microsoft"), name(2, "tiktok")],
        {("microsoft", "acquires", "tiktok", F, T)},
    ),
    "separable": (
        [("Bytedance", 1, "sb", "PROPN", "Bytedance"), ("lehnte", 1, "ROOT", "VERB", "lehnen"),
         ("Oracle", 1, "oa", "PROPN", "Oracle"), ("ab", 1, "svp", "ADP", "ab"),
         (".", 1, "punct", "PUNCT", ".")],
        [name(0, "bytedance"), name(2, "oracle")],
        {("bytedance", "rejects", "oracle", F, F)},
    ),
    "separable_reversed_frame": (
        [("Oracle", 1, "sb", "PROPN", "Oracle"), ("kauft", 1, "ROOT", "VERB", "kaufen"),
         ("Bytedance", 1, "da", "PROPN", "Bytedance"), ("Anteile", 1, "oa", "NOUN", "Anteil"),
         ("ab", 1, "svp", "ADP", "ab"), (".", 1, "punct", "PUNCT", ".")],
        [name(0, "oracle"), name(2, "bytedance")],
        {("bytedance", "sells_to", "oracle", F, F)},
    ),
    "konjunktiv_i": (
        [("Oracle", 1, "sb", "PROPN", "Oracle"), ("verhandle", 1, "ROOT", "VERB", "verhandeln"),
         ("mit", 1, "mo", "ADP", "mit"), ("Bytedance", 2, "nk", "PROPN", "Bytedance"),
         (".", 1, "punct", "PUNCT", ".")],
        [name(0, "oracle"), name(3, "bytedance")],
        {("oracle", "negotiates_with", "bytedance", F, T)},
    ),
    "claim_owner": (
        [("Bytedance", 1, "sb", "PROPN", "Bytedance"),
         ("widerspricht", 1, "ROOT", "VERB", "widersprechen"), ("der", 3, "nk", "DET", "der"),
         ("Auffassung", 1, "da", "NOUN", "Auffassung"), ("der", 5, "nk", "DET", "der"),
         ("US-Regierung", 3, "ag", "NOUN", "US-Regierung"), (".", 1, "punct", "PUNCT", ".")],
        [name(0, "bytedance"), name(5, "us_government")],
        {("bytedance", "rejects", "us_government", F, F)},
    ),
    "idiom": (
        [("Trump", 1, "sb", "PROPN", "Trump"), ("zieht", 1, "ROOT", "VERB", "ziehen"),
         ("Tiktok", 1, "da", "PROPN", "Tiktok"), ("den", 4, "nk", "DET", "der"),
         ("Stecker", 1, "oa", "NOUN", "Stecker"), (".", 1, "punct", "PUNCT", ".")],
        [name(0, "trump"), name(2, "tiktok")],
        {("trump", "blocks", "tiktok", F, F)},
    ),
    "passive_agent": (
        [("Tiktok", 1, "sb", "PROPN", "Tiktok"), ("wird", 1, "ROOT", "AUX", "werden"),
         ("von", 5, "sbp", "ADP", "von"), ("der", 2, "nk", "DET", "der"),
         ("US-Regierung", 2, "nk", "NOUN", "US-Regierung"),
         ("blockiert", 1, "oc", "VERB", "blockieren"), (".", 1, "punct", "PUNCT", ".")],
        [name(0, "tiktok"), name(4, "us_government")],
        {("us_government", "blocks", "tiktok", F, F)},
    ),
    "passive_without_agent": (
        [("Tiktok", 1, "sb", "PROPN", "Tiktok"), ("wird", 1, "ROOT", "AUX", "werden"),
         ("in", 1, "mo", "ADP", "in"), ("China", 2, "nk", "PROPN", "China"),
         ("blockiert", 1, "oc", "VERB", "blockieren"), (".", 1, "punct", "PUNCT", ".")],
        [name(0, "tiktok"), name(3, "china")],
        set(),
    ),
    "coordinated_subject": (
        [("Tiktok", 3, "sb", "PROPN", "Tiktok"), ("und", 0, "cd", "CCONJ", "und"),
         ("Bytedance", 1, "cj", "PROPN", "Bytedance"), ("verklagen", 3, "ROOT", "VERB",
                                                         "verklagen"),
         ("Trump", 3, "oa", "PROPN", "Trump"), (".", 3, "punct", "PUNCT", ".")],
        [name(0, "tiktok"), name(2, "bytedance"), name(4, "trump")],
        {("tiktok", "sues", "trump", F, F), ("bytedance", "sues", "trump", F, F)},
    ),
    "relative_clause": (
        [("Tiktok", 8, "sb", "PROPN", "Tiktok"), (",", 0, "punct", "PUNCT", ","),
         ("das", 7, "sb", "PRON", "der"), ("von", 6, "sbp", "ADP", "von"),
         ("der", 3, "nk", "DET", "der"), ("US-Regierung", 3, "nk", "NOUN", "US-Regierung"),
         ("blockiert", 7, "oc", "VERB", "blockieren"), ("wird", 0, "rc", "AUX", "werden"),
         ("klagt", 8, "ROOT", "VERB", "klagen"), (".", 8, "punct", "PUNCT", ".")],
        [name(0, "tiktok"), name(5, "us_government")],
        {("us_government", "blocks", "tiktok", F, F)},
    ),
    "subordinate_clause": (
        [("Trump", 1, "sb", "PROPN", "Trump"), ("sagt", 1, "ROOT", "VERB", "sagen"),
         (",", 1, "punct", "PUNCT", ","), ("dass", 6, "cp", "SCONJ", "dass"),
         ("Oracle", 6, "sb", "PROPN", "Oracle"), ("Tiktok", 6, "oa", "PROPN", "Tiktok"),
         ("kauft", 1, "oc", "VERB", "kaufen"), (".", 1, "punct", "PUNCT", ".")],
        [name(0, "trump"), name(4, "oracle"), name(5, "tiktok")],
        {("oracle", "acquires", "tiktok", F, F)},
    ),
    "negation": (
        [("Oracle", 1, "sb", "PROPN", "Oracle"), ("kauft", 1, "ROOT", "VERB", "kaufen"),
         ("Tiktok", 1, "oa", "PROPN", "Tiktok"), ("nicht", 1, "ng", "PART", "nicht"),
         (".", 1, "punct", "PUNCT", ".")],
        [name(0, "oracle"), name(2, "tiktok")],
        {("oracle", "acquires", "tiktok", T, F)},
    ),
    "object_control_infinitive": (
        [("Trump", 1, "sb", "PROPN", "Trump"), ("fordert", 1, "ROOT", "VERB", "fordern"),
         ("Oracle", 1, "oa", "PROPN", "Oracle"), ("auf", 1, "svp", "ADP", "auf"),
         (",", 1, "punct", "PUNCT", ","), ("Tiktok", 7, "oa", "PROPN", "Tiktok"),
         ("zu", 7, "pm", "PART", "zu"), ("kaufen", 1, "oc", "VERB", "kaufen"),
         (".", 1, "punct", "PUNCT", ".")],
        [name(0, "trump"), name(2, "oracle"), name(5, "tiktok")],
        {("trump", "pressures", "oracle", F, F), ("oracle", "acquires", "tiktok", F, T)},
    ),
    "nominal_takeover": (
        [("Die", 1, "nk", "DET", "der"), ("Übernahme", 6, "sb", "NOUN", "Übernahme"),
         ("von", 1, "pg", "ADP", "von"), ("Tiktok", 2, "nk", "PROPN", "Tiktok"),
         ("durch", 1, "mnr", "ADP", "durch"), ("Oracle", 4, "nk", "PROPN", "Oracle"),
         ("scheitert", 6, "ROOT", "VERB", "scheitern"), (".", 6, "punct", "PUNCT", ".")],
        [name(3, "tiktok"), name(5, "oracle")],
        {("oracle", "acquires", "tiktok", F, F)},
    ),
    "nominal_compound_modifier": (
        [("Das", 1, "nk", "DET", "der"), ("Tiktok-Verbot", 4, "sb", "NOUN", "Tiktok-Verbot"),
         ("der", 3, "nk", "DET", "der"), ("US-Regierung", 1, "ag", "NOUN", "US-Regierung"),
         ("gilt", 4, "ROOT", "VERB", "gelten"), (".", 4, "punct", "PUNCT", ".")],
        [(1, 2, "tiktok", "modifier"), name(3, "us_government")],
        {("us_government", "blocks", "tiktok", F, F)},
    ),
    "ownership_apposition": (
        [("Der", 1, "nk", "DET", "der"), ("Tiktok-Eigentümer", 3, "sb", "NOUN",
                                          "Tiktok-Eigentümer"),
         ("Bytedance", 1, "nk", "PROPN", "Bytedance"), ("schweigt", 3, "ROOT", "VERB",
                                                         "schweigen"),
         (".", 3, "punct", "PUNCT", ".")],
        [(1, 2, "tiktok", "modifier"), name(2, "bytedance")],
        {("bytedance", "owns", "tiktok", F, F)},
    ),
    "nominal_support_verb": (
        [("Microsoft", 1, "sb", "PROPN", "Microsoft"), ("führt", 1, "ROOT", "VERB", "führen"),
         ("Gespräche", 1, "oa", "NOUN", "Gespräch"), ("mit", 2, "mnr", "ADP", "mit"),
         ("Bytedance", 3, "nk", "PROPN", "Bytedance"), (".", 1, "punct", "PUNCT", ".")],
        [name(0, "microsoft"), name(4, "bytedance")],
        {("microsoft", "negotiates_with", "bytedance", F, F)},
    ),
    "nominal_between": (
        [("Eine", 1, "nk", "DET", "ein"), ("Einigung", 6, "sb", "NOUN", "Einigung"),
         ("zwischen", 1, "mnr", "ADP", "zwischen"), ("Oracle", 2, "nk", "PROPN", "Oracle"),
         ("und", 3, "cd", "CCONJ", "und"), ("Bytedance", 4, "cj", "PROPN", "Bytedance"),
         ("steht", 6, "ROOT", "VERB", "stehen"), ("bevor", 6, "svp", "ADP", "bevor"),
         (".", 6, "punct", "PUNCT", ".")],
        [name(3, "oracle"), name(5, "bytedance")],
        {("oracle", "agrees_with", "bytedance", F, F)},
    ),
    "parent_apposition": (
        [("Bytedance", 6, "sb", "PROPN", "Bytedance"), (",", 0, "punct", "PUNCT", ","),
         ("der", 3, "nk", "DET", "der"), ("Mutterkonzern", 0, "app", "NOUN", "Mutterkonzern"),
         ("von", 3, "pg", "ADP", "von"), ("Tiktok", 4, "nk", "PROPN", "Tiktok"),
         ("schweigt", 6, "ROOT", "VERB", "schweigen"), (".", 6, "punct", "PUNCT", ".")],
        [name(0, "bytedance"), name(5, "tiktok")],
        {("bytedance", "owns", "tiktok", F, F)},
    ),
    "passive_durch": (
        [("Tiktok", 1, "sb", "PROPN", "Tiktok"), ("wurde", 1, "ROOT", "AUX", "werden"),
         ("durch", 5, "sbp", "ADP", "durch"), ("die", 2, "nk", "DET", "der"),
         ("US-Regierung", 2, "nk", "NOUN", "US-Regierung"),
         ("gesperrt", 1, "oc", "VERB", "sperren"), (".", 1, "punct", "PUNCT", ".")],
        [name(0, "tiktok"), name(4, "us_government")],
        {("us_government", "blocks", "tiktok", F, F)},
    ),
    "reported": (
        [("Laut", 2, "mo", "ADP", "laut"), ("Berichten", 0, "nk", "NOUN", "Bericht"),
         ("kauft", 2, "ROOT", "VERB", "kaufen"), ("Oracle", 2, "sb", "PROPN", "Oracle"),
         ("Tiktok", 2, "oa", "PROPN", "Tiktok"), (".", 2, "punct", "PUNCT", ".")],
        [name(3, "oracle"), name(4, "tiktok")],
        {("oracle", "acquires", "tiktok", F, T)},
    ),
    "weder_noch": (
        [("Weder", 1, "cd", "CCONJ", "weder"), ("Oracle", 4, "sb", "PROPN", "Oracle"),
         ("noch", 1, "cd", "CCONJ", "noch"), ("Walmart", 2, "cj", "PROPN", "Walmart"),
         ("kaufen", 4, "ROOT", "VERB", "kaufen"), ("Tiktok", 4, "oa", "PROPN", "Tiktok"),
         (".", 4, "punct", "PUNCT", ".")],
        [name(1, "oracle"), name(3, "walmart"), name(5, "tiktok")],
        {("oracle", "acquires", "tiktok", T, F), ("walmart", "acquires", "tiktok", T, F)},
    ),
    "trap_non_actor_object": (
        [("Oracle", 1, "sb", "PROPN", "Oracle"), ("soll", 1, "ROOT", "AUX", "sollen"),
         ("für", 1, "mo", "ADP", "für"), ("Tiktok", 2, "nk", "PROPN", "Tiktok"),
         ("die", 5, "nk", "DET", "der"), ("Speicherung", 6, "oa", "NOUN", "Speicherung"),
         ("übernehmen", 1, "oc", "VERB", "übernehmen"), (".", 1, "punct", "PUNCT", ".")],
        [name(0, "oracle"), name(3, "tiktok")],
        set(),
    ),
    "trap_dative_experiencer": (
        [("Tiktok", 1, "da", "PROPN", "Tiktok"), ("droht", 1, "ROOT", "VERB", "drohen"),
         ("in", 1, "mo", "ADP", "in"), ("China", 2, "nk", "PROPN", "China"),
         ("das", 5, "nk", "DET", "der"), ("Aus", 1, "sb", "NOUN", "Aus"),
         (".", 1, "punct", "PUNCT", ".")],
        [name(0, "tiktok"), name(3, "china")],
        set(),
    ),
    "trap_cooccurrence": (
        [("Oracle", 1, "sb", "PROPN", "Oracle"), ("und", 0, "cd", "CCONJ", "und"),
         ("Tiktok", 1, "cj", "PROPN", "Tiktok"), ("wachsen", 3, "ROOT", "VERB", "wachsen"),
         (".", 3, "punct", "PUNCT", ".")],
        [name(0, "oracle"), name(2, "tiktok")],
        set(),
    ),
    # "Ein Sprecher von Huawei kritisiert Oracle": the spokesman speaks for Huawei
    "spokesman_speaks_for": (
        [("Ein", 1, "nk", "DET", "ein"), ("Sprecher", 4, "sb", "NOUN", "Sprecher"),
         ("von", 1, "pg", "ADP", "von"), ("Huawei", 2, "nk", "PROPN", "Huawei"),
         ("kritisiert", 4, "ROOT", "VERB", "kritisieren"), ("Oracle", 4, "oa", "PROPN", "Oracle"),
         (".", 4, "punct", "PUNCT", ".")],
        [name(3, "huawei"), name(5, "oracle")],
        {("huawei", "accuses", "oracle", F, F)},
    ),
    # "Oracle und Walmart einigten sich mit dem Investor": not with each other
    "trap_reciprocal_with_a_third_party": (
        [("Oracle", 3, "sb", "PROPN", "Oracle"), ("und", 0, "cd", "CCONJ", "und"),
         ("Walmart", 1, "cj", "PROPN", "Walmart"), ("einigten", 3, "ROOT", "VERB", "einigen"),
         ("sich", 3, "oa", "PRON", "sich"), ("mit", 3, "mo", "ADP", "mit"),
         ("dem", 7, "nk", "DET", "der"), ("Investor", 5, "nk", "NOUN", "Investor"),
         (".", 3, "punct", "PUNCT", ".")],
        [name(0, "oracle"), name(2, "walmart")],
        set(),
    ),
    # "Chinas Präsident Xi kritisiert Trump": the genitive is no argument
    "possessor_of_the_subject": (
        [("Chinas", 1, "ag", "PROPN", "China"), ("Präsident", 3, "sb", "NOUN", "Präsident"),
         ("Xi", 1, "nk", "PROPN", "Xi"), ("kritisiert", 3, "ROOT", "VERB", "kritisieren"),
         ("Trump", 3, "oa", "PROPN", "Trump"), (".", 3, "punct", "PUNCT", ".")],
        [name(0, "china"), (1, 3, "xi", "name"), name(4, "trump")],
        {("xi", "accuses", "trump", F, F)},
    ),
    # "Oracle lobt Walmart und Microsoft kritisiert Bytedance"
    "coordinated_clauses": (
        [("Oracle", 1, "sb", "PROPN", "Oracle"), ("lobt", 1, "ROOT", "VERB", "loben"),
         ("Walmart", 1, "oa", "PROPN", "Walmart"), ("und", 1, "cd", "CCONJ", "und"),
         ("Microsoft", 5, "sb", "PROPN", "Microsoft"),
         ("kritisiert", 3, "cj", "VERB", "kritisieren"),
         ("Bytedance", 5, "oa", "PROPN", "Bytedance"), (".", 1, "punct", "PUNCT", ".")],
        [name(0, "oracle"), name(2, "walmart"), name(4, "microsoft"), name(6, "bytedance")],
        {("oracle", "supports", "walmart", F, F), ("microsoft", "accuses", "bytedance", F, F)},
    ),
    # "Trump kritisiert Tiktok und droht Bytedance mit einem Verbot": shared subject
    "coordinated_verb_shares_the_subject": (
        [("Trump", 1, "sb", "PROPN", "Trump"), ("kritisiert", 1, "ROOT", "VERB", "kritisieren"),
         ("Tiktok", 1, "oa", "PROPN", "Tiktok"), ("und", 1, "cd", "CCONJ", "und"),
         ("droht", 3, "cj", "VERB", "drohen"), ("Bytedance", 4, "da", "PROPN", "Bytedance"),
         ("mit", 4, "mo", "ADP", "mit"), ("einem", 8, "nk", "DET", "ein"),
         ("Verbot", 6, "nk", "NOUN", "Verbot"), (".", 1, "punct", "PUNCT", ".")],
        [name(0, "trump"), name(2, "tiktok"), name(5, "bytedance")],
        {("trump", "accuses", "tiktok", F, F), ("trump", "pressures", "bytedance", F, F)},
    ),
    # "Ich habe Tiktok kritisiert" in a quote of Oracle's: the first person's indicative,
    # no reported speech
    "first_person_indicative": (
        [("Ich", 1, "sb", "PRON", "ich"), ("habe", 1, "ROOT", "AUX", "haben"),
         ("Tiktok", 3, "oa", "PROPN", "Tiktok"), ("kritisiert", 1, "oc", "VERB", "kritisieren"),
         (".", 1, "punct", "PUNCT", ".")],
        [(0, 1, "oracle", "reference"), name(2, "tiktok")],
        {("oracle", "accuses", "tiktok", F, F)},
    ),
    # "Nordwerk des Investors Wendt kauft Helvag": the owner in a genitive of the company
    "owner_in_a_genitive": (
        [("Nordwerk", 4, "sb", "PROPN", "Nordwerk"), ("des", 2, "nk", "DET", "der"),
         ("Investors", 0, "ag", "NOUN", "Investor"), ("Wendt", 2, "nk", "PROPN", "Wendt"),
         ("kauft", 4, "ROOT", "VERB", "kaufen"), ("Helvag", 4, "oa", "PROPN", "Helvag"),
         (".", 4, "punct", "PUNCT", ".")],
        [name(0, "nordwerk"), name(3, "wendt"), name(5, "helvag")],
        {("wendt", "owns", "nordwerk", F, F), ("nordwerk", "acquires", "helvag", F, F)},
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_construction(vocab, extractor, case):
    rows, actors, expected = CASES[case]
    assert relations(extractor, build(vocab, rows, actors)) == expected


def test_tree_is_used_only_with_a_parse(vocab, extractor):
    rows, actors, _ = CASES["verb_second"]
    doc = build(vocab, rows, actors)
    extractor(doc)
    assert doc._.relation_records[0]["method"] == "tree.verb"
    surface_only = RelationExtractor(strategy="surface")
    surface_only(doc)
    assert doc._.relation_records[0]["method"].startswith("surface.")


def test_space_tokens_attached_as_dep_are_ignored(vocab, extractor):
    """A line break token (attached as ``dep``, as spaCy's parsers do) between a
    preposition and its actor keeps the relation of the clean parse."""
    clean = build(vocab, CASES["verb_second"][0], CASES["verb_second"][1])
    rows = [("Oracle", 1, "sb", "PROPN", "Oracle"),
            ("verhandelt", 1, "ROOT", "VERB", "verhandeln"),
            ("mit", 1, "mo", "ADP", "mit"), ("\n", 4, "dep", "SPACE", "\n"),
            ("Bytedance", 2, "nk", "PROPN", "Bytedance"), (".", 1, "punct", "PUNCT", ".")]
    wrapped = build(vocab, rows, [name(0, "oracle"), name(4, "bytedance")])
    expected = relations(extractor, clean)
    assert expected
    assert relations(extractor, wrapped) == expected
    rec = wrapped._.relation_records[0]
    assert wrapped.text[rec["trigger_start"]:rec["trigger_end"]] == rec["trigger"]
