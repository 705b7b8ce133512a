"""Evaluation against gold: metric values computed by hand on tiny corpora."""

from __future__ import annotations

import json
import sys

import pytest
import spacy

import banlens
from banlens import InputError
from banlens.evaluate import (
    DEFAULT_SYMMETRIC,
    EvaluationReport,
    evaluate_file,
    evaluate_records,
    evidence_spans,
    load_gold,
    symmetric_labels,
)
from banlens.records import doc_to_record

S1 = "Oracle verhandelt nicht mit Bytedance über Tiktok."
S2 = "Die US-Regierung verbietet Tiktok."
S3 = "Microsoft kritisiert Oracle scharf."
TEXT1 = f"{S1} {S2} {S3}"
T1 = "Walmart beteiligt sich an Tiktok."
T2 = "Oracle unterstützt Walmart."
TEXT2 = f"{T1}\n{T2}"


def rel(subject, label, obj, evidence, **flags):
    return {"subject": subject, "label": label, "object": obj, "evidence": evidence,
            "negated": flags.get("negated", False),
            "hypothetical": flags.get("hypothetical", False)}


def pred(subject, label, obj, text, sentence, **flags):
    """A predicted relation as doc_to_record writes it, located in ``text``."""
    start = text.index(sentence)
    return {**rel(subject, label, obj, sentence, **flags), "start": start,
            "end": start + len(sentence), "trigger": "", "method": "test", "confidence": 1.0}


def actors(*ids):
    return [{"id": i, "name": i, "type": "other", "text": i, "start": 0, "end": 1,
             "kind": "name"} for i in ids]


@pytest.fixture()
def corpus():
    gold = [
        {"id": "d1", "text": TEXT1,
         "actors": ["oracle", "bytedance", "tiktok", "us_government", "microsoft"],
         "relations": [
             rel("oracle", "negotiates_with", "bytedance", S1, negated=True),
             rel("us_government", "blocks", "tiktok", S2),
             rel("microsoft", "accuses", "oracle", S3),
         ]},
        {"id": "d2", "text": TEXT2, "actors": ["walmart", "tiktok", "oracle"],
         "relations": [
             rel("walmart", "invests_in", "tiktok", T1),
             rel("oracle", "supports", "walmart", T2),
         ]},
    ]
    predicted = [
        {"id": "d1", "actors": actors("oracle", "bytedance", "tiktok", "microsoft", "walmart"),
         "relations": [
             # symmetric label, reversed: matches
             pred("bytedance", "negotiates_with", "oracle", TEXT1, S1, negated=True),
             # directed label, reversed: no match at any level
             pred("tiktok", "blocks", "us_government", TEXT1, S2),
             # right triple, wrong sentence: document level only
             pred("microsoft", "accuses", "oracle", TEXT1, S1),
             pred("oracle", "acquires", "tiktok", TEXT1, S1),
         ]},
        {"id": "d2", "actors": actors("walmart", "tiktok"),
         "relations": [
             pred("walmart", "invests_in", "tiktok", TEXT2, T1, hypothetical=True),
             # right pair, wrong label: unlabeled match only
             pred("oracle", "accuses", "walmart", TEXT2, T2),
         ]},
    ]
    return gold, predicted


def counts(score):
    return score.tp, score.fp, score.fn


def test_metrics_computed_by_hand(corpus):
    report = evaluate_records(*corpus, symmetric=DEFAULT_SYMMETRIC)
    assert report.documents == 2
    # actors: d1 4 right, walmart spurious, us_government missed; d2 oracle missed
    assert counts(report.actors) == (6, 1, 2)
    assert report.actors.precision == pytest.approx(6 / 7)
    assert report.actors.recall == pytest.approx(6 / 8)
    assert report.actors.f1 == pytest.approx(0.8)
    # labeled: d1 2 tp (symmetric, other sentence), 2 fp, 1 fn; d2 1 tp, 1 fp, 1 fn
    assert counts(report.labeled) == (3, 3, 2)
    assert report.labeled.precision == pytest.approx(0.5)
    assert report.labeled.recall == pytest.approx(0.6)
    assert report.labeled.f1 == pytest.approx(6 / 11)
    # unlabeled: the wrong label in d2 matches, the wrong direction in d1 does not
    assert counts(report.unlabeled) == (4, 2, 1)
    assert report.unlabeled.f1 == pytest.approx(8 / 11)
    # sentence level: the accusation in the wrong sentence no longer counts
    assert counts(report.sentence) == (2, 4, 3)
    assert report.sentence.precision == pytest.approx(1 / 3)
    assert report.sentence.recall == pytest.approx(0.4)
    assert report.sentence.f1 == pytest.approx(4 / 11)


def test_flag_accuracy_on_sentence_matches(corpus):
    report = evaluate_records(*corpus, symmetric=DEFAULT_SYMMETRIC)
    negated, hypothetical = report.flags["negated"], report.flags["hypothetical"]
    assert (negated.matched, negated.agree, negated.tp, negated.fp, negated.fn) == (2, 2, 1, 0, 0)
    assert negated.accuracy == 1.0
    assert (hypothetical.matched, hypothetical.agree, hypothetical.fp) == (2, 1, 1)
    assert hypothetical.accuracy == 0.5


def test_per_label_table(corpus):
    report = evaluate_records(*corpus, symmetric=DEFAULT_SYMMETRIC)
    doc = {label: counts(levels["document"]) for label, levels in report.per_label.items()}
    assert doc == {
        "negotiates_with": (1, 0, 0),
        "blocks": (0, 1, 1),
        "accuses": (1, 1, 0),
        "acquires": (0, 1, 0),
        "invests_in": (1, 0, 0),
        "supports": (0, 0, 1),
    }
    sent = report.per_label["accuses"]["sentence"]
    assert counts(sent) == (0, 2, 1)
    # the label rows add up to the micro totals
    for level, total in (("document", report.labeled), ("sentence", report.sentence)):
        summed = [sum(counts(levels[level])[i] for levels in report.per_label.values())
                  for i in range(3)]
        assert tuple(summed) == counts(total)


def test_error_lists_name_sentences_and_reasons(corpus):
    report = evaluate_records(*corpus, symmetric=DEFAULT_SYMMETRIC)
    kinds = [e.kind for e in report.errors]
    assert kinds.count("false_positive") == 4
    assert kinds.count("miss") == 3
    assert kinds.count("flag") == 1
    by_triple = {(e.kind, e.subject, e.label, e.object): e for e in report.errors}
    reversed_fp = by_triple[("false_positive", "tiktok", "blocks", "us_government")]
    assert reversed_fp.evidence == S2
    assert "us_government -[blocks]-> tiktok" in reversed_fp.note
    moved = by_triple[("miss", "microsoft", "accuses", "oracle")]
    assert moved.evidence == S3 and "another sentence" in moved.note
    flag = by_triple[("flag", "walmart", "invests_in", "tiktok")]
    assert "hypothetical: gold false, predicted true" in flag.note
    assert report.actor_errors == [
        {"doc_id": "d1", "missed": ["us_government"], "spurious": ["walmart"]},
        {"doc_id": "d2", "missed": ["oracle"], "spurious": []},
    ]


def test_symmetric_labels_match_either_way_only_when_symmetric(corpus):
    gold, predicted = corpus
    strict = evaluate_records(gold, predicted, symmetric=set())
    assert counts(strict.labeled) == (2, 4, 3)
    assert counts(strict.sentence) == (1, 5, 4)
    # with 'blocks' declared symmetric the reversed ban matches too
    loose = evaluate_records(gold, predicted, symmetric={"negotiates_with", "blocks"})
    assert counts(loose.labeled) == (4, 2, 1)


def test_unlabeled_pairs_keep_direction_unless_a_label_is_symmetric():
    text = "Oracle einigt sich mit Walmart."
    gold = [{"id": "a", "text": text, "actors": ["oracle", "walmart"],
             "relations": [rel("oracle", "agrees_with", "walmart", text)]}]
    swapped = [{"id": "a", "actors": actors("oracle", "walmart"),
                "relations": [pred("walmart", "acquires", "oracle", text, text)]}]
    report = evaluate_records(gold, swapped, symmetric=DEFAULT_SYMMETRIC)
    assert counts(report.unlabeled) == (1, 0, 0)
    assert counts(report.labeled) == (0, 1, 1)

    gold[0]["relations"] = [rel("oracle", "acquires", "walmart", text)]
    report = evaluate_records(gold, swapped, symmetric=DEFAULT_SYMMETRIC)
    assert counts(report.unlabeled) == (0, 1, 1)


def test_sentence_match_needs_overlap_and_is_one_to_one():
    a, b = "Oracle kauft Tiktok.", "Oracle kauft Tiktok wirklich."
    text = f"{a} {b}"
    gold = [{"id": "x", "text": text, "actors": ["oracle", "tiktok"],
             "relations": [rel("oracle", "acquires", "tiktok", a),
                           rel("oracle", "acquires", "tiktok", b)]}]

    def score(*spans):
        relations = [{**rel("oracle", "acquires", "tiktok", text[s:e]), "start": s, "end": e}
                     for s, e in spans]
        report = evaluate_records(gold, [{"id": "x", "actors": [], "relations": relations}],
                                  symmetric=set())
        return counts(report.sentence), counts(report.labeled)

    # one predicted sentence spanning both gold sentences matches one of them
    assert score((0, len(text))) == ((1, 0, 1), (1, 0, 0))
    # a prediction per gold sentence, with slightly different boundaries
    assert score((0, len(a) - 1), (len(a), len(text))) == ((2, 0, 0), (1, 0, 0))
    # touching is not overlapping: the space between the two sentences
    assert score((len(a), len(a) + 1)) == ((0, 1, 2), (1, 0, 0))
    # the augmenting path: the wide span must leave the first sentence to the short one
    assert score((0, len(text)), (0, 4)) == ((2, 0, 0), (1, 0, 0))


def test_no_predictions_and_empty_gold_give_zeros_not_errors():
    text = "Oracle kauft Tiktok."
    gold = [{"id": "x", "text": text, "actors": ["oracle", "tiktok"],
             "relations": [rel("oracle", "acquires", "tiktok", text)]}]
    report = evaluate_records(gold, [], symmetric=set())
    assert counts(report.labeled) == (0, 0, 1)
    assert (report.labeled.precision, report.labeled.recall, report.labeled.f1) == (0, 0, 0)
    assert counts(report.actors) == (0, 0, 2)
    assert any("no prediction for gold document 'x'" in w for w in report.warnings)
    assert report.flags["negated"].accuracy == 0.0

    empty = [{"id": "y", "text": text, "actors": [], "relations": []}]
    report = evaluate_records(empty, [{"id": "y", "actors": [], "relations": []}],
                              symmetric=set())
    assert report.sentence.f1 == 0.0 and report.actors.precision == 0.0
    json.dumps(report.to_dict())
    assert "| Relations (sentence)" in report.format()


def test_predictions_outside_the_gold_are_ignored_with_a_warning(corpus):
    gold, predicted = corpus
    extra = {"id": "nicht-im-gold", "actors": actors("oracle"), "relations": []}
    report = evaluate_records(gold, [*predicted, extra], symmetric=DEFAULT_SYMMETRIC)
    assert counts(report.actors) == (6, 1, 2)
    assert any("nicht-im-gold" in w for w in report.warnings)


def test_bad_predicted_records_are_named():
    gold = [{"id": "x", "text": "Oracle kauft Tiktok.", "actors": [], "relations": []}]
    bad = {"id": "x", "actors": [],
           "relations": [{"subject": "oracle", "label": "acquires", "object": "tiktok"}]}
    with pytest.raises(InputError, match=r"'x', relations\[0\].*'start'"):
        evaluate_records(gold, [bad], symmetric=set())
    with pytest.raises(InputError, match="duplicate document id 'x'"):
        evaluate_records(gold, [{"id": "x"}, {"id": "x"}], symmetric=set())


def test_report_format_and_dict(corpus):
    report = evaluate_records(*corpus, symmetric=DEFAULT_SYMMETRIC)
    text = report.format()
    row = next(line for line in text.splitlines() if line.startswith("| Actors (document)"))
    assert [c.strip() for c in row.strip("|").split("|")] == [
        "Actors (document)", "8", "7", "6", "0.857", "0.750", "0.800"]
    label_rows = [line for line in text.splitlines() if line.startswith("| blocks")]
    assert len(label_rows) == 1 and "0.000" in label_rows[0]
    assert S3 not in text
    assert S3 in report.format(errors=True) and "MISS" in report.format(errors=True)

    data = json.loads(json.dumps(report.to_dict()))
    assert data["relations"]["labeled"] == {"gold": 5, "predicted": 6, "tp": 3, "fp": 3,
                                            "fn": 2, "precision": 0.5, "recall": 0.6,
                                            "f1": pytest.approx(6 / 11)}
    assert data["flags"]["hypothetical"]["accuracy"] == 0.5
    assert data["labels"]["accuses"]["sentence"]["fp"] == 2
    assert len(data["errors"]) == 8
    assert data["symmetric_labels"] == sorted(DEFAULT_SYMMETRIC)


def test_gold_subsets_give_recall_by_annotation():
    a, b = "Oracle kauft Tiktok.", "Die Übernahme von Walmart durch Oracle ist perfekt."
    text = f"{a} {b}"
    gold = [{"id": "x", "text": text, "actors": ["oracle", "tiktok", "walmart"],
             "relations": [{**rel("oracle", "acquires", "tiktok", a), "nominal": False},
                           {**rel("oracle", "acquires", "walmart", b), "nominal": True}]}]
    predicted = [{"id": "x", "actors": [],
                  "relations": [pred("oracle", "acquires", "tiktok", text, a)]}]
    report = evaluate_records(gold, predicted, symmetric=set())
    assert counts(report.subsets["nominal"]) == (0, 0, 1)
    assert "negated" not in report.subsets
    assert "| nominal" in report.format()


# --- gold files ------------------------------------------------------------------------


def write_lines(path, *lines):
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def good(doc_id="g1", **changes):
    record = {"id": doc_id, "text": TEXT2, "actors": ["walmart", "tiktok", "oracle"],
              "relations": [rel("walmart", "invests_in", "tiktok", T1)]}
    record.update(changes)
    return json.dumps(record, ensure_ascii=False)


def test_load_gold_reads_records_and_skips_blank_lines(tmp_path):
    path = write_lines(tmp_path / "gold.jsonl", good("g1"), "", good("g2"))
    records = load_gold(path)
    assert [r["id"] for r in records] == ["g1", "g2"]
    assert records[0]["relations"][0]["evidence"] == T1
    # a byte-order mark (as some editors write it) is not part of the first record
    (tmp_path / "bom.jsonl").write_bytes(b"\xef\xbb\xbf" + good("g3").encode("utf-8") + b"\n")
    assert [r["id"] for r in load_gold(tmp_path / "bom.jsonl")] == ["g3"]


@pytest.mark.parametrize("field", ["id", "text", "actors", "relations"])
def test_gold_line_without_a_field(tmp_path, field):
    record = json.loads(good())
    del record[field]
    path = write_lines(tmp_path / "gold.jsonl", good("g0"), "", json.dumps(record))
    with pytest.raises(InputError) as err:
        load_gold(path)
    assert str(err.value) == f"{path}:3: missing field {field!r}"


@pytest.mark.parametrize(("relation", "field"), [
    ({"label": "acquires", "object": "tiktok", "evidence": T1}, "subject"),
    ({"subject": "oracle", "label": "", "object": "tiktok", "evidence": T1}, "label"),
    ({"subject": "oracle", "label": "acquires", "object": "tiktok", "evidence": T1,
      "negated": "nein"}, "negated"),
])
def test_gold_relation_fields_are_checked(tmp_path, relation, field):
    path = write_lines(tmp_path / "gold.jsonl", good(relations=[rel("a", "b", "c", T1),
                                                                relation]))
    with pytest.raises(InputError, match=rf"gold.jsonl:1: field 'relations\[1\]\.{field}'"):
        load_gold(path)


def test_gold_evidence_must_be_in_the_text(tmp_path):
    wrong = rel("walmart", "invests_in", "tiktok", "Walmart kauft Tiktok.")
    path = write_lines(tmp_path / "gold.jsonl", good(relations=[wrong]))
    with pytest.raises(InputError, match=r":1: field 'relations\[0\]\.evidence': not found"):
        load_gold(path)


def test_gold_evidence_may_differ_in_whitespace(tmp_path):
    text = "Walmart beteiligt sich\nan Tiktok.  Oracle unterstützt Walmart."
    evidence = "Walmart beteiligt sich an Tiktok."
    assert evidence_spans(text, evidence) == [(0, text.index(".") + 1)]
    path = write_lines(tmp_path / "gold.jsonl", good(
        text=text, relations=[rel("walmart", "invests_in", "tiktok", evidence)]))
    gold = load_gold(path)
    predicted = [{"id": "g1", "actors": [], "relations": [
        {**rel("walmart", "invests_in", "tiktok", evidence), "start": 0, "end": 10}]}]
    assert evaluate_records(gold, predicted, symmetric=set()).sentence.tp == 1


def test_gold_file_errors(tmp_path):
    with pytest.raises(InputError, match="fehlt.jsonl: gold file not found"):
        load_gold(tmp_path / "fehlt.jsonl")
    path = write_lines(tmp_path / "a.jsonl", good("g1"), '{"id": "g2", "text": ')
    with pytest.raises(InputError, match=r"a.jsonl:2: not valid JSON"):
        load_gold(path)
    path = write_lines(tmp_path / "b.jsonl", good("g1"), good("g1"))
    with pytest.raises(InputError, match=r"b.jsonl:2: field 'id': duplicate .* line 1"):
        load_gold(path)
    path = write_lines(tmp_path / "c.jsonl", "", "  ")
    with pytest.raises(InputError, match="no gold documents"):
        load_gold(path)
    path = write_lines(tmp_path / "d.jsonl", "[1, 2]")
    with pytest.raises(InputError, match=r"d.jsonl:1: expected a JSON object"):
        load_gold(path)
    (tmp_path / "e.jsonl").write_bytes(b'{"id": "g\xff"}\n')
    with pytest.raises(InputError, match=r"e.jsonl:1: invalid UTF-8"):
        load_gold(tmp_path / "e.jsonl")


def test_gold_records_in_memory_are_checked_too():
    bad = {"id": "x", "text": "Oracle kauft Tiktok.", "actors": [],
           "relations": [rel("oracle", "acquires", "tiktok", "Walmart kauft Tiktok.")]}
    with pytest.raises(InputError, match=r"gold document 1: field 'relations\[0\]\.evidence'"):
        evaluate_records([bad], [], symmetric=set())


# --- running a pipeline -----------------------------------------------------------------


def test_evaluate_file_runs_the_pipeline(tmp_path, nlp):
    sentence = "Oracle verhandelt mit Bytedance über Tiktok."
    filler = "Das Wetter in Berlin ist heute schön."
    text = f"{filler} {sentence}"
    path = write_lines(tmp_path / "gold.jsonl", json.dumps({
        "id": "n1", "date": "2020-09-14", "text": text,
        "actors": ["oracle", "bytedance", "tiktok"],
        "relations": [rel("bytedance", "negotiates_with", "oracle", sentence)]}))
    report = evaluate_file(path, nlp)
    assert isinstance(report, EvaluationReport)
    assert report.source == str(path)
    assert report.pipeline["components"] == nlp.pipe_names

    doc = nlp(text)
    record = doc_to_record(doc, doc_id="n1")
    expected = evaluate_records(load_gold(path), [record], symmetric=symmetric_labels(nlp))
    assert report.to_dict() | {"source": None, "pipeline": None} == expected.to_dict()
    # the negotiation is found in its sentence, whatever direction the rules give it
    assert counts(report.sentence) == (1, 0, 0)


def test_symmetric_labels_come_from_the_pipeline_lexicon(tmp_path, nlp):
    lexicon = nlp.get_pipe("banlens_relations").lexicon
    assert symmetric_labels(nlp) == {n for n, s in lexicon.labels.items() if s.symmetric}
    assert symmetric_labels() == symmetric_labels(nlp)
    extension = tmp_path / "extra.yml"
    extension.write_text(
        "labels:\n"
        "  strikes_with:\n"
        "    plover: PROTEST\n"
        "    symmetric: true\n"
        "    triggers:\n"
        "      - {verb: streiken, object: [mit]}\n", encoding="utf-8")
    custom = spacy.blank("de")
    custom.add_pipe("banlens_relations", config={"lexicon": str(extension)})
    assert symmetric_labels(custom) == symmetric_labels(nlp) | {"strikes_with"}
    assert symmetric_labels(spacy.blank("de")) == symmetric_labels()


def test_bad_gold_file_through_the_public_api(tmp_path, nlp):
    path = write_lines(tmp_path / "gold.jsonl", good("g1", text=""))
    with pytest.raises(banlens.InputError, match=r"gold.jsonl:1: field 'text'"):
        evaluate_file(path, nlp)


# --- the dev-set script ------------------------------------------------------------------


def load_dev_script():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "evaluate_dev.py"
    spec = importlib.util.spec_from_file_location("evaluate_dev", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_dev_script_writes_between_the_markers(corpus):
    script = load_dev_script()
    page = f"# Titel\n\nvorher\n{script.START}\nalt\n{script.END}\nnachher\n"
    gold, predicted = corpus
    report = evaluate_records(gold, predicted, symmetric=DEFAULT_SYMMETRIC)
    runs = [script.Run("dev2-even", report, gold, predicted)]
    curves = script.sweep(runs, thresholds=(0.0, 0.95))
    block = script.docs_block(runs, "python benchmarks/evaluate_dev.py", curves)
    new = script.replace_block(page, block)
    assert new.startswith("# Titel\n\nvorher\n" + script.START + "\n")
    assert new.endswith(script.END + "\nnachher\n") and "alt" not in new
    assert report.format().strip() in new
    # the targets table reports the measured values: labeled precision 0.5 misses 0.85
    assert ("| dev2-even: relations, labeled (document), precision | ≥ 0.85 | 0.500 | no |"
            in new)
    # the sweep: every predicted relation has confidence 1.0, so 0.95 keeps them all
    assert curves["dev2-even"] == [(0.0, 0.5, 0.6), (0.95, 0.5, 0.6)]
    assert script.replace_block(new, block) == new
    with pytest.raises(ValueError, match="markers"):
        script.replace_block("# ohne Marker\n", block)


def test_docs_page_has_the_markers():
    script = load_dev_script()
    page = script.DOCS_PAGE.read_text(encoding="utf-8")
    assert page.index(script.START) < page.index(script.END)


def test_gold_classes_and_coref_precision():
    """Each distinct gold triple counts once, in its easiest class; a predicted coref
    relation is right when the gold has the triple (the independent scorer's rule)."""
    text = "A kauft B. Er verklagt C. Sie lobt D."
    gold = [{"id": "g1", "text": text, "actors": ["a", "b", "c", "d"], "relations": [
        {**rel("a", "acquires", "b", "A kauft B."), "explicit": True},
        # the same triple through a reference: still direct (easiest class)
        {**rel("a", "acquires", "b", "Er verklagt C."), "coref": True, "explicit": False},
        {**rel("a", "sues", "c", "Er verklagt C."), "coref": True, "explicit": False},
        {**rel("b", "supports", "d", "Sie lobt D."), "explicit": False},
    ]}]
    predicted = [{"id": "g1", "actors": actors("a", "b", "c", "d"), "relations": [
        pred("a", "acquires", "b", text, "A kauft B."),
        {**pred("a", "sues", "c", text, "Er verklagt C."), "coref": True},
        {**pred("c", "supports", "d", text, "Sie lobt D."), "coref": True},
    ]}]
    report = evaluate_records(gold, predicted, symmetric=DEFAULT_SYMMETRIC)
    assert {k: (s.gold, s.tp) for k, s in report.classes.items()} == {
        "direct": (1, 1), "coref": (1, 1), "implicit": (1, 0)}
    assert (report.coref_predicted.tp, report.coref_predicted.fp) == (1, 1)
    data = report.to_dict()
    assert data["gold_classes"]["coref"] == {"gold": 1, "found": 1, "recall": 1.0}
    assert data["coref_predicted"]["precision"] == 0.5
    assert "Recall of distinct gold relations by how they are stated" in report.format()


def test_select_ids_splits_by_the_number_in_the_id():
    from banlens.evaluate import select_ids

    gold = [{"id": f"dev-{n:03d}"} for n in range(1, 6)]
    assert [d["id"] for d in select_ids(gold, "odd")] == ["dev-001", "dev-003", "dev-005"]
    assert [d["id"] for d in select_ids(gold, "even")] == ["dev-002", "dev-004"]
    assert select_ids(gold, None) == gold
    with pytest.raises(ValueError, match="odd"):
        select_ids(gold, "third")


def test_evaluate_file_with_ids_and_a_confidence_floor(tmp_path, nlp):
    path = tmp_path / "gold.jsonl"
    lines = [
        {"id": "x-1", "text": "Oracle verklagt Microsoft.", "actors": ["oracle", "microsoft"],
         "relations": [rel("oracle", "sues", "microsoft", "Oracle verklagt Microsoft.")]},
        {"id": "x-2", "text": "Microsoft verklagt Oracle.", "actors": ["oracle", "microsoft"],
         "relations": [rel("microsoft", "sues", "oracle", "Microsoft verklagt Oracle.")]},
    ]
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n",
                    encoding="utf-8")
    odd = evaluate_file(path, nlp, ids="odd")
    assert odd.documents == 1 and counts(odd.labeled) == (1, 0, 0)
    assert "odd ids" in odd.source
    floor = evaluate_file(path, nlp, min_confidence=0.99)
    assert counts(floor.labeled) == (0, 0, 2)  # a verb finding has confidence 0.9
