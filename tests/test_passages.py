"""The prefilter and the passage path give the records of the whole pipeline, byte for byte.

Texts here are our own; the 10kGNAD sample runs when the shared corpus is present
(``../shared/corpora/10kGNAD-test.csv`` or ``$BANLENS_CORPUS``), bounded to a few
dozen articles so the suite stays fast.
"""

from __future__ import annotations

import csv
import json
import os
import re
from importlib import resources
from pathlib import Path

import pytest
import spacy

import banlens
from banlens.actors.prefilter import (
    ActorPrefilter,
    _original_spans,
    fold,
    keeps_words,
    prefilter_for,
    spellings,
)
from banlens.actors.references import introduced_titles
from banlens.cli import main
from banlens.corpus import Document, iter_records
from banlens.passages import PassageRunner, find_cuts, passages_possible
from banlens.records import doc_to_record, empty_record

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = Path(os.environ.get("BANLENS_CORPUS", SHARED / "corpora" / "10kGNAD-test.csv"))
ACTORS_10KGNAD = REPO / "benchmarks" / "data" / "actors_10kgnad.yml"
DEV2_ACTORS = SHARED / "gold" / "dev2-actors.yml"
SAMPLE_SIZE = 80

TEXTS = [
    # dateline, compounds, declined forms, descriptions, relations
    "Washington – Die US-Regierung hat am Freitag neue Regeln für chinesische Apps "
    "angekündigt. Das Handelsministerium in Washington will Downloads von Tiktok und "
    "Wechat untersagen. Der Konzern Bytedance kündigte an, dagegen zu klagen. Peking "
    "kritisierte die Entscheidung scharf. Die chinesische Regierung sprach von Schikane. "
    "Trump sagte am Abend, er sei offen für eine Einigung. Microsoft verhandelt mit "
    "Bytedance über das US-Geschäft von Tiktok. Das Unternehmen äußerte sich nicht.",
    # no actor at all
    "Im Tiergarten wurde ein Elefantenbaby geboren. Die Pfleger sind begeistert. Besucher "
    "können das Jungtier ab Montag sehen. Der Zoo rechnet mit vielen Gästen.",
    # markup, entities, a control character
    "&quot;Tiktok&quot; bleibt vorerst erreichbar.<br/>Oracle und Walmart wollen sich "
    "beteiligen. Das Weiße Haus schweigt.\x07 Die Börse reagierte gelassen.",
    # a chain of descriptions across sentences
    "Huawei legt Zahlen vor. Der Konzern meldet Gewinne. Der Konzern plant neue Werke. "
    "Das Unternehmen sucht Partner. Die Regierung in Peking unterstützt den Hersteller. "
    "Analysten sind skeptisch. Der Markt bleibt schwierig.",
    # genitives, upper case, a name after a description
    "Die Pläne des Weißen Hauses stoßen auf Kritik. TIKTOK wehrt sich. Trumps Berater "
    "schweigen. Der Konzern Oracle prüft. Später meldete sich auch Walmart. Die Regierung "
    "Trump will das Verbot durchsetzen.",
    # dates and months next to sentence ends, a parenthesis left open
    "Wien, 3. Mai (dpa) – Die Kommission prüft den Fall. Ab Mai. Juni ist zu spät. Im "
    "September sprach Pompeo (in Washington. Dann reiste er ab) mit Vertretern Chinas. "
    "Die Gespräche dauerten bis zum 12. Oktober. Danach schwieg Peking.",
    # line breaks, headlines without a final period, double spaces
    "Tiktok-Verbot gestoppt\n\nEin Gericht in Washington hat das Verbot vorläufig "
    "gestoppt.  Die Richter folgten den Argumenten von Tiktok. Das Handelsministerium "
    "kündigte Berufung an.\nBild: dpa",
    "Kurzmeldung. Nichts Neues heute.",
    # two passages, the second after a chunk that ends in a lower-case word: joined, the
    # second must still begin a sentence ("heute. Der Konzern" is no description of Huawei)
    "Huawei baut ein Werk. Es regnet in der Stadt heute. Der Konzern beliefert Tiktok.",
]


def records(nlp, texts, prefilter, meta=True, **kwargs) -> list[str]:
    documents = [Document(id=f"d{i}", text=text,
                          date="2020-09-19" if meta and i % 2 else None,
                          title=f"Titel {i}" if meta and i % 3 else None,
                          url="https://example.org/a" if meta and i % 4 == 1 else None)
                 for i, text in enumerate(texts)]
    return [json.dumps(r, ensure_ascii=False)
            for r in iter_records(nlp, documents, prefilter=prefilter, **kwargs)]


def assert_same(nlp, texts, **kwargs):
    whole = records(nlp, texts, prefilter=False, **kwargs)
    assert len(whole) == len(texts)
    for mode in ("documents", True):
        fast = records(nlp, texts, prefilter=mode, **kwargs)
        for i, (a, b) in enumerate(zip(whole, fast, strict=True)):
            assert a == b, f"document {i} differs with prefilter={mode!r}"
    return whole


def sample_texts() -> list[str]:
    if not CORPUS.is_file():
        pytest.skip(f"benchmark corpus not found: {CORPUS}")
    with CORPUS.open(encoding="utf-8", newline="") as handle:
        rows = [row[1] for row in csv.reader(handle, delimiter=";", quotechar="'")
                if len(row) > 1]
    return rows[:SAMPLE_SIZE]


def example_text() -> str:
    return (resources.files("banlens") / "data" / "example_de.txt").read_text(encoding="utf-8")


# --- identical records ------------------------------------------------------------------


def test_same_records_on_our_texts(nlp):
    found = assert_same(nlp, TEXTS + [example_text()])
    parsed = [json.loads(line) for line in found]
    assert parsed[0]["relations"] and parsed[1]["actors"] == []
    assert any(a["kind"] == "reference" for a in parsed[3]["actors"])


def test_same_records_without_metadata(nlp):
    assert_same(nlp, TEXTS, meta=False)


def test_same_records_in_a_pool(nlp):
    whole = records(nlp, TEXTS, prefilter=False)
    assert records(nlp, TEXTS, prefilter=True, n_process=2, batch_size=3) == whole


def test_same_records_for_a_text_longer_than_max_length():
    nlp = banlens.load("blank")
    nlp.max_length = 200  # split and joined by the whole pipeline; the runner stands back
    runner = PassageRunner.for_pipeline(nlp)
    assert runner.record(TEXTS[0], "x") is None
    assert_same(nlp, TEXTS[:2])


@pytest.mark.parametrize("dictionary", ["10kGNAD", "dev2"])
def test_same_records_on_a_corpus_sample(dictionary):
    texts = sample_texts()
    path = ACTORS_10KGNAD if dictionary == "10kGNAD" else DEV2_ACTORS
    if not path.is_file():
        pytest.skip(f"dictionary not found: {path}")
    nlp = banlens.load("blank", actors=path)
    found = [json.loads(line) for line in assert_same(nlp, texts, meta=False)]
    assert sum(bool(r["actors"]) for r in found) > len(texts) // 3


def test_same_records_on_the_sample_with_the_default_dictionary(nlp):
    assert_same(nlp, sample_texts(), meta=False)


def test_no_prefilter_flag_gives_the_same_jsonl(tmp_path):
    corpus = tmp_path / "corpus.csv"
    with corpus.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "text", "date"])
        for i, text in enumerate(TEXTS):
            writer.writerow([f"a{i}", text, "2020-09-19" if i % 2 else ""])
    outputs = []
    for extra in ([], ["--no-prefilter"]):
        out = tmp_path / f"out{len(extra)}.jsonl"
        argv = ["extract", str(corpus), "-o", str(out), "--model", "blank", "--quiet", *extra]
        assert main(argv) == 0
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] and outputs[0].count(b"\n") == len(TEXTS)


def test_empty_record_is_the_record_of_a_doc_without_actors(nlp):
    doc = nlp(TEXTS[1])
    doc._.doc_id, doc._.date = "z", "2020-01-02"
    assert not doc._.actors
    for meta in ({}, {"title": "T"}, {"title": None, "url": "u"}):
        whole = json.dumps(doc_to_record(doc, **meta), ensure_ascii=False)
        assert json.dumps(empty_record("z", "2020-01-02", **meta), ensure_ascii=False) == whole


# --- the prefilter: a superset of the tagger ---------------------------------------------


def _covered(nlp, texts):
    prefilter = prefilter_for(nlp)
    for text in texts:
        spans = prefilter.spans(text)
        doc = nlp(text)
        for actor in doc._.actors:
            if actor.id_ == "reference":
                continue
            assert any(s < actor.end_char and actor.start_char < e for s, e in spans), (
                f"{actor.text!r} in {text[:60]!r} not found by the prefilter")


def test_prefilter_finds_every_name_the_tagger_finds(nlp):
    _covered(nlp, TEXTS + [example_text()])


def test_prefilter_finds_every_name_on_the_corpus_sample():
    nlp = banlens.load("blank", actors=ACTORS_10KGNAD)
    _covered(nlp, sample_texts())


def test_prefilter_reads_forms_cases_compounds_and_word_edges(nlp):
    prefilter = prefilter_for(nlp)
    text = "Neue Ideen: TIKTOK, des Weißen Hauses, das Tiktok-Verbot, die US-Regierung."
    found = {text[s:e] for s, e in prefilter.spans(text)}
    assert {"TIKTOK", "Weißen Hauses", "Tiktok", "US-Regierung"} <= found
    assert not prefilter.has_candidate("Eine neue Chinakohlsuppe und ein weißes Haus.")
    assert not prefilter.has_candidate(TEXTS[1])


def test_prefilter_in_any_case_only_where_the_tagger_is(nlp):
    prefilter = ActorPrefilter([("tiktok",)], [("Bund",)])
    assert prefilter.spans("TikTok und der Bund") == [(0, 6), (15, 19)]
    assert prefilter.spans("der bund") == []
    assert prefilter.spans("Bundesliga") == []


def test_spellings_allow_one_space_or_none_between_words():
    assert spellings(["Weißes", "Haus"]) == ["WeißesHaus", "Weißes Haus"]
    assert spellings(["a", "b", "c"]) == ["abc", "ab c", "a bc", "a b c"]
    long = [f"w{i}" for i in range(12)] + ["langeswort"]
    assert spellings(long) == ["langeswort"]


def test_fold_reads_final_sigma_as_medial_and_maps_offsets_back():
    assert fold("ΟΔΟΣ") == fold("οδος") == "οδοσ"
    text = "İstanbul und Huawei"
    low = fold(text)
    start = low.index("huawei")
    assert len(low) == len(text) + 1
    assert _original_spans(text, [(start, start + 6)]) == [(text.index("Huawei"),
                                                             len(text))]


def test_prefilter_survives_pickling(nlp):
    import pickle

    prefilter = prefilter_for(nlp)
    again = pickle.loads(pickle.dumps(prefilter))
    assert len(again) == len(prefilter)
    assert again.spans(TEXTS[0]) == prefilter.spans(TEXTS[0])


# --- what the proof rests on -------------------------------------------------------------


def test_tokenizer_never_splits_between_two_letters(nlp):
    assert keeps_words(nlp)
    for doc in nlp.pipe(TEXTS + [example_text()] + sample_texts()[:30]):
        for token in doc[:-1]:
            if not token.whitespace_:
                nxt = doc[token.i + 1].text
                assert not (token.text[-1].isalpha() and nxt[0].isalpha()), (token, nxt)


def test_cuts_are_sentence_starts_of_the_whole_text(nlp):
    checked = 0
    for text in TEXTS + [example_text()] + sample_texts()[:30]:
        doc = nlp(text)
        starts = {sent.start_char for sent in doc.sents}
        tokens = {token.idx for token in doc}
        for context, cut in find_cuts(text, nlp.tokenizer):
            assert cut in starts and context in tokens, text[context:cut + 20]
            checked += 1
    assert checked > 50


def test_no_cut_at_months_abbreviations_or_in_parentheses(nlp):
    text = TEXTS[5]
    cuts = find_cuts(text, nlp.tokenizer)
    assert [text[context:cut] for context, cut in cuts] == ["Fall. ", "spät. ", "Chinas. "]
    assert find_cuts("Das kostet ca. Hundert Euro.", nlp.tokenizer) == []


# --- passages with the reference resolver ----------------------------------------------

CITY = REPO / "tests" / "data" / "actors_city.yml"
QUIET = ["Das Wetter an der Küste war schön.", "Viele Gäste kamen zum Hafenfest.",
         "Am Abend spielte eine Kapelle.", "Die Straßen blieben lange voll."]


@pytest.fixture(scope="module")
def city():
    return banlens.load("blank", actors=CITY)


def references_in(record: str) -> list[tuple[str, str]]:
    return [(a["text"], a["id"]) for a in json.loads(record)["actors"]
            if a["kind"] == "reference"]


def test_passages_run_with_the_resolver(city):
    runner = PassageRunner.for_pipeline(city)
    assert runner is not None and runner.passages and runner._resolver is not None


def test_a_chain_of_references_carries_the_passage_on(city):
    """Each reference is the antecedent of the next, in sentences that name nobody."""
    text = ("Die Nordbank legte am Montag ihre Zahlen vor. Sie meldete einen hohen "
            "Gewinn. Das Geldhaus will weiter wachsen. Sie plant neue Filialen im Norden. "
            + " ".join(QUIET) + " Verdi kritisierte die Pläne.")
    whole = assert_same(city, [text, TEXTS[1]])
    found = references_in(whole[0])
    assert found == [("Sie", "nordbank"), ("Geldhaus", "nordbank"), ("Sie", "nordbank")]


@pytest.mark.parametrize("quiet, resolved", [(2, True), (3, False), (4, False)])
def test_a_title_reaches_three_sentences_across_a_gap(city, quiet, resolved):
    """'der Kreditgeber Fischer AG' makes 'der Kreditgeber' the Fischer AG while it was
    mentioned three sentences back at most; the passages must not bring a later
    sentence nearer to the title than the whole text has it."""
    text = ("Der Kreditgeber Fischer AG hat einen neuen Vorstand. " + " ".join(QUIET[:quiet])
            + " Die Nordbank verklagt den Kreditgeber.")
    whole = assert_same(city, [text])
    assert (("Kreditgeber", "fischer_ag") in references_in(whole[0])) is resolved


def test_a_role_reaches_back_over_any_gap(city):
    """'die Bürgermeisterin' is Petra Lange (alias 'Bürgermeisterin Lange') wherever she
    was named before, in a sentence that names another actor."""
    text = ("Bürgermeisterin Lange eröffnete das Fest. " + " ".join(QUIET) + " Verdi lobte "
            "die Bürgermeisterin. " + " ".join(QUIET[:2]) + " Sie sprach mit dem Stadtrat.")
    whole = assert_same(city, [text])
    assert ("Bürgermeisterin", "lange") in references_in(whole[0])


def test_pronouns_and_speakers_next_to_names(city):
    texts = [
        "Der Stadtrat tagte lange. Er beschloss neue Regeln für das Hafenamt. "
        + " ".join(QUIET) + " „Wir sind zufrieden“, sagte ein Sprecher der Landesregierung.",
        "Norwegen und die Niederlande verhandeln. Sie werfen sich gegenseitig Fehler vor. "
        + QUIET[0] + " Beide wollen weiter reden. " + " ".join(QUIET),
        " ".join(QUIET) + " Die Fischer AG kauft Anteile. Der Konzern zahlt bar. "
        + QUIET[1] + " Dieser Schritt überrascht. Der Konzern schweigt.",
    ]
    whole = assert_same(city, texts)
    assert all(references_in(line) for line in whole)


def test_introduced_titles_find_every_title_the_resolver_reads(city):
    """The raw-text reading is a superset of the titles the resolver takes, before
    and after a name (on our texts and the corpus sample), and finds none where no
    title can be."""
    from banlens.actors.references import _apposition_after, _title_before
    from banlens.annotations import ACTOR_SPANS_KEY

    texts = TEXTS + [
        "Der Kreditgeber Fischer AG wächst.", "Des großen neuen Versicherers Fischer AG.",
        "(der Kreditgeber Nordbank) lehnte ab.", "Bürgermeisterin Lange kam.",
        "Die Fischer AG, der größte Kreditgeber im Norden, wächst.",
        "Verdi , die mächtige Gewerkschaft. Die Nordbank, ein „Geldhaus“, zahlt."]
    if CORPUS.is_file():
        texts += sample_texts()[:40]
    checked = 0
    for text in texts:
        doc = city(text)
        spans = [s for s in doc.spans[ACTOR_SPANS_KEY] if s.id_ != "reference"]
        covered = {t for s in spans for t in range(s.start, s.end)}
        for span in spans:
            if span.id_ == "modifier":
                continue
            raw = [title for title, _ in introduced_titles(text, span.start_char, span.end_char)]
            for j in (_title_before(doc, span, covered), _apposition_after(doc, span, covered)):
                if j is not None:
                    checked += 1
                    assert doc[j].text in raw, text
    assert checked >= 4
    assert not introduced_titles("Bürgermeisterin Lange kam.", 16, 21)
    assert not introduced_titles("der  Kreditgeber  Fischer AG", 18, 28)
    assert not introduced_titles("der Kreditgeber, Fischer AG", 17, 27)
    assert introduced_titles("den großen neuen Kreditgeber Fischer AG", 29, 39) == [
        ("Kreditgeber", 29)]
    assert introduced_titles("Die Fischer AG, der größte Kreditgeber, wächst.", 4, 14) == [
        ("Kreditgeber", 38)]
    # a place in the title names the actor too ("die Kieler"), before and after the name
    assert introduced_titles("der Kieler Kreditgeber Fischer AG", 23, 33) == [
        ("Kreditgeber", 23), ("Kieler", 23)]
    assert introduced_titles("Die Fischer AG, der Kieler Kreditgeber, wächst.", 4, 14) == [
        ("Kreditgeber", 38), ("Kieler", 38)]


def test_a_place_title_reaches_across_a_gap(city):
    """'der Kieler Kreditgeber Fischer AG' makes 'die Kieler' the Fischer AG; the raw
    scan finds the place as a title, so the passages reach it."""
    text = ("Der Kieler Kreditgeber Fischer AG hat einen neuen Vorstand. "
            + " ".join(QUIET[:2]) + " Die Nordbank verklagt die Kieler.")
    whole = assert_same(city, [text])
    assert ("Kieler", "fischer_ag") in references_in(whole[0])


def test_resolver_reach_is_three_sentences_after_a_title_used_again(city):
    resolver = city.get_pipe("banlens_references")
    assert resolver.reach(city("Der Kreditgeber Fischer AG wächst. Der Kreditgeber baut.")) == 3
    assert resolver.reach(city("Der Kreditgeber Fischer AG wächst. Dem Kreditgebern?")) == 3
    assert resolver.reach(city("Der Kreditgeber Fischer AG wächst. Verdi streikt.")) == 1
    assert resolver.reach(city("Die Fischer AG wächst. Sie baut.")) == 1


def test_titles_recur_in_the_raw_text_wherever_the_resolver_reads_one_again(city):
    from banlens.passages import _titles_recur

    def recurs(text):
        return _titles_recur(text, city.get_pipe("banlens_actors") and [
            (m.start(), m.end()) for m in re.finditer("Fischer AG|Nordbank", text)])

    assert recurs("Der Kreditgeber Fischer AG wächst. Später zahlt der KREDITGEBER.")
    assert recurs("Des Cloud-Spezialisten Fischer AG Zahlen. Der Spezialist wächst.")
    assert recurs("Die Fischer AG, ein Kreditgeber, wächst. Der Kreditgeber zahlt.")
    # the apposition itself is no later use
    assert not recurs("Die Fischer AG, ein Kreditgeber, wächst. Die Nordbank zahlt.")
    assert not recurs("Der Kreditgeber Fischer AG wächst. Die Nordbank zahlt.")
    assert not recurs("Die Nordbank wächst. Der Kreditgeber Fischer AG zahlt.")


@pytest.mark.parametrize(("text", "found"), [
    ("Gestern sagte sie nichts.", True),  # a pronoun, as a whole word
    ("Die Messe war voll.", False),  # "sie" inside a word is no pronoun
    ("Unsererseits nichts.", True),  # "unser..." capitalised
    ("Der Softwarekonzern zahlt.", True),  # a listed noun as a compound's end
    ("Des Konzerns Zahlen.", True),  # with a genitive ending
    ("Die Konzernzentrale zahlt.", False),  # a listed noun inside a word
    ("Die Bürgermeisterin kam.", True),  # the head of a role of the dictionary
    ("Das Wetter war schön.", False),
    # a speaker's "wir" and "ich" resolve only in a sentence that names somebody
    ("„Wir sind zufrieden“, sagte ich.", False),
])
def test_reference_scan_finds_words_that_may_refer(city, text, found):
    from banlens.passages import ReferenceScan

    scan = ReferenceScan(*city.get_pipe("banlens_references").surface_forms())
    assert scan.search(text) is found


@pytest.mark.parametrize("dictionary", ["default", "10kGNAD"])
def test_reference_scan_finds_every_reference_the_resolver_makes(nlp, dictionary):
    """On our texts and the corpus sample: every sentence with a resolved reference
    holds a word the scan finds."""
    from banlens.passages import ReferenceScan

    if dictionary == "10kGNAD":
        if not ACTORS_10KGNAD.is_file():
            pytest.skip(f"dictionary not found: {ACTORS_10KGNAD}")
        nlp = banlens.load("blank", actors=ACTORS_10KGNAD)
        texts = sample_texts()[:40]
    else:
        texts = TEXTS + [example_text()]
    scan = ReferenceScan(*nlp.get_pipe("banlens_references").surface_forms())
    checked = 0
    for text in texts:
        doc = nlp(text)
        for span in doc.spans["banlens_actors"]:
            # "wir" and "ich" refer only to a speaker in their own sentence, which names
            # an actor or holds another referring word: the scan need not find them
            if span.id_ == "reference" and span.text.lower() not in (
                    "wir", "uns", "ich", "mich", "mir"):
                checked += 1
                assert scan.search(span.sent.text), span.sent.text
    assert checked >= 5


# --- when the shortcuts stand back ---------------------------------------------------------


@spacy.Language.component("test_passages_marks")
def _marks(doc):
    return doc


def test_unknown_component_or_tokenizer_turns_the_prefilter_off():
    nlp = banlens.load("blank")
    nlp.add_pipe("test_passages_marks")
    assert prefilter_for(nlp) is None
    assert not keeps_words(spacy.blank("en"))
    custom = spacy.blank("de")
    custom.tokenizer.infix_finditer = lambda text: iter(())
    assert not keeps_words(custom)


def test_prefilter_stays_exact_with_a_statistical_ner():
    """A NER fills doc.ents and unknown_actors, which records do not carry: texts without
    a dictionary actor are still skipped (passages are off: a model reads whole texts)."""
    from spacy.training import Example

    from banlens.actors.dictionary import load_dictionary
    from banlens.pipeline import adapt_tokenizer

    spacy.util.fix_random_seed(0)
    nlp = spacy.blank("de")
    adapt_tokenizer(nlp)
    nlp.add_pipe("banlens_sentences")
    nlp.add_pipe("ner")
    train = [("Anna Müller besucht Berlin.", [(0, 11, "PER"), (20, 26, "LOC")]),
             ("Peter Schmidt lebt in Hamburg.", [(0, 13, "PER"), (22, 29, "LOC")])]
    examples = [Example.from_dict(nlp.make_doc(text), {"entities": entities})
                for text, entities in train]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(30):
        nlp.update(examples, sgd=optimizer)
    nlp.add_pipe("banlens_actors", after="ner").set_dictionary(load_dictionary(None))
    nlp.add_pipe("banlens_references")
    nlp.add_pipe("banlens_relations")
    texts = ["Anna Müller besucht Hamburg. Der Zoo freut sich.",
             "Peter Schmidt lebt in Berlin. Trump schweigt dazu.", TEXTS[1]]
    assert nlp(texts[0])._.unknown_actors  # the NER finds something the records leave out
    runner = PassageRunner.for_pipeline(nlp)
    assert runner is not None and not runner.passages
    assert runner.record(texts[0], "a") == empty_record("a")
    found = [json.loads(r) for r in assert_same(nlp, texts)]
    assert [bool(r["actors"]) for r in found] == [False, True, False]


def test_a_name_with_an_inner_period_keeps_to_whole_documents(tmp_path):
    path = tmp_path / "actors.yml"
    path.write_text("actors:\n  - {id: ag, name: Alpha, type: organization, "
                    "aliases: [\"Alpha beta. Gamma\"]}\n", encoding="utf-8")
    nlp = banlens.load("blank", actors=path)
    assert not passages_possible(nlp)
    runner = PassageRunner.for_pipeline(nlp)
    assert runner is not None and not runner.passages
    texts = ["Heute sprach Alpha beta. Gamma dazu.", "Nichts davon hier. Ende."]
    found = [json.loads(r) for r in assert_same(nlp, texts)]
    assert found[0]["actors"] and not found[1]["actors"]


def test_unknown_prefilter_mode_is_an_error(nlp):
    with pytest.raises(ValueError, match="prefilter"):
        list(iter_records(nlp, [Document(id="a", text=TEXTS[0])], prefilter="sometimes"))
