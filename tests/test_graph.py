"""The actor network: GraphBuilder, build_graph, merging and aggregate."""

from __future__ import annotations

import networkx as nx
import pytest
import spacy
from spacy.tokens import Span

import banlens
from banlens.graph import (
    COOCCURS,
    EDGE_FIELDS,
    GraphBuilder,
    aggregate,
    build_graph,
    graph_record,
    merge_graphs,
)

LEXICON = {
    "negotiates_with": ("CONSULT", "verbal_cooperation", True),
    "blocks": ("SANCTION", "verbal_conflict", False),
    "acquires": ("COOPERATE", "material_cooperation", False),
    "sues": ("COERCE", "material_conflict", False),
}


def actor(actor_id: str, start: int, name: str | None = None, kind: str = "organization"):
    name = name or actor_id.title()
    return {"id": actor_id, "name": name, "type": kind, "text": name,
            "start": start, "end": start + len(name), "kind": "name"}


def relation(subject: str, label: str, obj: str, evidence: str = "", **extra):
    rel = {"subject": subject, "label": label, "object": obj, "negated": False,
           "hypothetical": False, "evidence": evidence or f"{subject} {label} {obj}.",
           "start": 0, "end": 40, "trigger": label, "method": "verb", "confidence": 0.8}
    rel.update(extra)
    return rel


def record(doc_id, actors, relations, date=None, **extra):
    rec = {"id": doc_id, "actors": actors, "relations": relations, **extra}
    if date is not None:
        rec["date"] = date
    return rec


def corpus() -> list[dict]:
    """Five small documents: dated and undated, negated and hypothetical relations."""
    return [
        record("d1", [actor("oracle", 0), actor("tiktok", 22), actor("oracle", 50)],
               [relation("oracle", "negotiates_with", "tiktok", "Oracle verhandelt mit Tiktok."),
                relation("oracle", "acquires", "tiktok", hypothetical=True)],
               date="2020-09-14"),
        record("d2", [actor("trump", 0, "Donald Trump", "person"), actor("tiktok", 30)],
               [relation("trump", "blocks", "tiktok", "Trump verbietet Tiktok."),
                relation("trump", "blocks", "tiktok", "Trump will Tiktok nicht sperren.",
                         negated=True)],
               date="2020-08-06"),
        record("d3", [actor("tiktok", 0), actor("trump", 20, "Trump", "person")],
               [relation("tiktok", "sues", "trump", "Tiktok verklagt Trump.")],
               date="2020-08-24"),
        record("d4", [actor("tiktok", 0), actor("oracle", 25)],
               [relation("tiktok", "negotiates_with", "oracle", "Tiktok spricht mit Oracle.",
                         confidence=0.6)]),
        record("d5", [actor("bytedance", 0)], [], date="2020-09-20"),
    ]


def edges(G):
    return {key: (u, v, data) for u, v, key, data in G.edges(keys=True, data=True)}


# ------------------------------------------------------------------------ nodes


def test_one_node_per_actor_with_counts_and_first_last_seen():
    G = banlens.build_graph(corpus(), lexicon=LEXICON)
    assert set(G) == {"oracle", "tiktok", "trump", "bytedance"}
    tiktok = G.nodes["tiktok"]
    assert tiktok["label"] == "Tiktok" and tiktok["actor_type"] == "organization"
    assert tiktok["documents"] == 4 and tiktok["mentions"] == 4
    assert G.nodes["oracle"]["mentions"] == 3  # twice in d1, once in d4
    # dates arrive out of order; the undated d4 does not count
    assert (tiktok["first_seen"], tiktok["last_seen"]) == ("2020-08-06", "2020-09-14")
    assert G.nodes["bytedance"]["first_seen"] == G.nodes["bytedance"]["last_seen"] == "2020-09-20"


def test_nodes_without_dates_have_no_first_seen():
    G = banlens.build_graph([record("x", [actor("oracle", 0)], [])])
    assert "first_seen" not in G.nodes["oracle"] and G.nodes["oracle"]["documents"] == 1


def test_label_choice_does_not_depend_on_document_order():
    docs = corpus()
    forward = banlens.build_graph(docs, lexicon=LEXICON)
    backward = banlens.build_graph(docs[::-1], lexicon=LEXICON)
    # "Donald Trump" (d2) and "Trump" (d3) compete: the same one wins either way
    assert forward.nodes["trump"]["label"] == backward.nodes["trump"]["label"]
    assert forward.nodes["trump"]["label"] in {"Donald Trump", "Trump"}


def test_actor_named_only_in_a_relation_gets_a_node_labelled_with_its_id():
    G = banlens.build_graph([record("x", [actor("oracle", 0)],
                                    [relation("oracle", "blocks", "zte")])], lexicon=LEXICON)
    assert G.nodes["zte"]["label"] == "zte" and G.nodes["zte"]["mentions"] == 0
    assert G.nodes["zte"]["documents"] == 1


# ------------------------------------------------------------------------ edges


def test_one_edge_per_relation_instance_with_its_attributes():
    G = banlens.build_graph(corpus(), lexicon=LEXICON)
    found = edges(G)
    assert set(found) == {"d1#r0", "d1#r1", "d2#r0", "d3#r0", "d4#r0"}  # d2#r1 is negated
    u, v, data = found["d2#r0"]
    assert (u, v) == ("trump", "tiktok")
    assert data["relation"] == "blocks"
    assert (data["plover"], data["quad"], data["symmetric"]) == LEXICON["blocks"]
    assert data["evidence"] == "Trump verbietet Tiktok." and data["doc_id"] == "d2"
    assert data["date"] == "2020-08-06"
    assert (data["start"], data["end"], data["trigger"]) == (0, 40, "blocks")
    assert (data["negated"], data["hypothetical"]) == (False, False)
    assert data["confidence"] == 0.8 and data["method"] == "verb"
    assert "date" not in found["d4#r0"][2]  # undated document
    assert found["d1#r1"][2]["hypothetical"] is True


def test_edges_carry_every_field_of_the_relation_record(nlp):
    """A new field of the record's relation (``records.RelationRecord``) reaches the
    edges with no change to the graph: an edge carries every field but its ends, its
    label (as ``relation``) and the ``references`` mapping, with the record's value."""
    rec = banlens.doc_to_record(nlp("Oracle verhandelt mit Bytedance über Tiktok."),
                                doc_id="a1")
    G = banlens.build_graph([rec])
    assert rec["relations"]
    for i, rel in enumerate(rec["relations"]):
        carried = {k: v for k, v in rel.items()
                   if k not in ("subject", "object", "label", "references")}
        data = G.edges[rel["subject"], rel["object"], f"a1#r{i}"]
        assert {k: data[k] for k in carried} == carried
        assert data["relation"] == rel["label"]
    assert set(carried) == set(EDGE_FIELDS) and "coref" in EDGE_FIELDS


def test_negated_and_hypothetical_filters():
    docs = corpus()
    with_negated = edges(banlens.build_graph(docs, include_negated=True, lexicon=LEXICON))
    assert with_negated["d2#r1"][2]["negated"] is True
    without_hypo = banlens.build_graph(docs, include_hypothetical=False, lexicon=LEXICON)
    assert "d1#r1" not in edges(without_hypo) and "d1#r0" in edges(without_hypo)
    # actors of filtered relations still count
    assert without_hypo.nodes["oracle"]["mentions"] == 3


def test_default_lexicon_gives_plover_and_quad():
    lexicon = banlens.load_lexicon()
    G = banlens.build_graph(corpus())
    data = edges(G)["d2#r0"][2]
    assert (data["plover"], data["quad"], data["symmetric"]) == lexicon.info("blocks")


def test_unknown_label_falls_back_to_empty_plover_and_quad():
    G = banlens.build_graph(
        [record("x", [actor("a", 0), actor("b", 5)], [relation("a", "admires", "b")])],
        lexicon=LEXICON,
    )
    data = edges(G)["x#r0"][2]
    assert (data["plover"], data["quad"], data["symmetric"]) == ("", "", False)


def test_single_record_and_anonymous_documents():
    rec = record(None, [actor("a", 0), actor("b", 5)], [relation("a", "blocks", "b")])
    G = banlens.build_graph(rec, lexicon=LEXICON)  # one record, not a list
    (key,) = [k for _, _, k in G.edges(keys=True)]
    assert key.startswith("doc-") and key.endswith("#r0")
    again = banlens.build_graph([rec], lexicon=LEXICON)
    assert [k for _, _, k in again.edges(keys=True)] == [key]  # stable id
    builder = GraphBuilder(lexicon=LEXICON)
    builder.add(rec)
    with pytest.raises(banlens.InputError, match="already added"):
        builder.add(rec)


# ------------------------------------------------------------------------ bad input


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"id": "x", "actors": []}, r"'x'.*missing field 'relations'"),
        ({"id": "x", "actors": [], "relations": [], "date": "19.09.2020"}, r"'x'.*'date'"),
        ({"id": "x", "actors": [{"name": "A"}], "relations": []}, r"actor 0, field 'id'"),
        ({"id": "x", "actors": [], "relations": [{"label": "blocks", "object": "b"}]},
         r"relation 0, field 'subject'"),
        ({"id": "x", "actors": [], "relations": [relation("a", "blocks", "b", start="7")]},
         r"relation 0, field 'start'"),
        ({"id": "x", "actors": [], "relations": [relation("a", "blocks", "b",
                                                          negated="no")]},
         r"relation 0, field 'negated'"),
        ({"id": "x", "actors": [], "relations": [relation("a", "blocks", "b", coref="ja")]},
         r"relation 0, field 'coref'"),
        ("Oracle kauft Tiktok.", r"got str"),
    ],
)
def test_bad_records_raise_a_clear_error_and_change_nothing(bad, message):
    builder = GraphBuilder(lexicon=LEXICON)
    builder.add(corpus()[0])
    snapshot = builder.graph.copy()
    with pytest.raises(banlens.InputError, match=message):
        builder.add(bad)
    assert nx.utils.graphs_equal(builder.graph, snapshot) and builder.doc_ids == {"d1"}


def test_dates_are_normalised_to_iso():
    G = banlens.build_graph(
        [record("x", [actor("a", 0)], [], date="2020-09-19T08:30:00+02:00"),
         record("y", [actor("a", 0)], [], date="2020-09-19T05:00:00Z")]
    )
    # 08:30+02:00 is 06:30 UTC, later than 05:00 UTC
    assert G.nodes["a"]["first_seen"] == "2020-09-19T05:00:00+00:00"
    assert G.nodes["a"]["last_seen"] == "2020-09-19T08:30:00+02:00"


# ------------------------------------------------------------------------ merging


def test_merged_builders_equal_one_builder_over_all_documents():
    docs = corpus()
    whole = GraphBuilder(include_negated=True, lexicon=LEXICON).update(docs)
    left = GraphBuilder(include_negated=True, lexicon=LEXICON).update(docs[::2])
    right = GraphBuilder(include_negated=True, lexicon=LEXICON).update(docs[1::2])
    merged = left.merge(right)
    assert nx.utils.graphs_equal(merged.graph, whole.graph)
    assert edges(merged.graph) == edges(whole.graph)
    assert merged.doc_ids == whole.doc_ids
    # node counters and dates come from documents on both sides
    assert merged.graph.nodes["tiktok"]["documents"] == 4
    assert merged.graph.nodes["tiktok"]["first_seen"] == "2020-08-06"
    # merging the other way round and merging graphs give the same graph
    other_way = GraphBuilder(include_negated=True, lexicon=LEXICON).update(docs[1::2])
    other_way.merge(GraphBuilder(include_negated=True, lexicon=LEXICON).update(docs[::2]))
    assert nx.utils.graphs_equal(other_way.graph, whole.graph)
    parts = [GraphBuilder(include_negated=True, lexicon=LEXICON).update([d]).graph for d in docs]
    assert nx.utils.graphs_equal(merge_graphs(*parts), whole.graph)


def test_merging_the_same_document_twice_or_different_settings_fails():
    docs = corpus()
    a = GraphBuilder(lexicon=LEXICON).update(docs[:2])
    b = GraphBuilder(lexicon=LEXICON).update(docs[1:3])
    with pytest.raises(banlens.InputError, match="d2"):
        a.merge(b)
    with pytest.raises(banlens.InputError, match="d2#r0"):
        merge_graphs(a.graph, b.graph)
    c = GraphBuilder(include_negated=True, lexicon=LEXICON).update(docs[3:])
    with pytest.raises(banlens.BanlensError, match="include_negated"):
        a.merge(c)


# ------------------------------------------------------------------------ aggregate


def test_aggregate_counts_instances_and_stores_symmetric_relations_once():
    docs = corpus() + [
        record("d6", [actor("trump", 0), actor("tiktok", 10)],
               [relation("trump", "blocks", "tiktok", "Trump sperrt Tiktok.", hypothetical=True),
                relation("trump", "blocks", "tiktok", "Trump sperrt Tiktok.")],
               date="2020-09-01"),
    ]
    G = banlens.build_graph(docs, include_negated=True, lexicon=LEXICON)
    A = aggregate(G, samples=2)
    assert A.graph["banlens"] == "aggregated"
    assert dict(A.nodes(data=True)) == dict(G.nodes(data=True))
    blocks = A.edges["trump", "tiktok", "blocks"]
    assert blocks["weight"] == 4 and blocks["documents"] == 2
    assert blocks["negated"] == 1 and blocks["hypothetical"] == 1
    assert (blocks["first_seen"], blocks["last_seen"]) == ("2020-08-06", "2020-09-01")
    assert blocks["dates"] == ["2020-08-06", "2020-09-01"]
    # samples: at most 2, distinct, asserted instances before the negated one
    assert len(blocks["evidence"]) == 2 and len(set(blocks["evidence"])) == 2
    assert "Trump will Tiktok nicht sperren." not in blocks["evidence"]
    assert len(blocks["doc_ids"]) == 2
    # oracle->tiktok (d1) and tiktok->oracle (d4) negotiate: one edge, ids in order
    assert not A.has_edge("tiktok", "oracle")
    talks = A.edges["oracle", "tiktok", "negotiates_with"]
    assert talks["weight"] == 2 and talks["symmetric"] is True
    assert talks["confidence"] == pytest.approx((0.8 + 0.6) / 2)
    # directed relations keep their direction
    assert A.has_edge("tiktok", "trump", "sues") and not A.has_edge("trump", "tiktok", "sues")
    assert A.number_of_edges() == 4  # blocks, negotiates_with, acquires, sues


def test_aggregate_without_samples_and_with_bad_arguments():
    A = aggregate(banlens.build_graph(corpus(), lexicon=LEXICON), samples=0)
    assert all(d["evidence"] == [] for _, _, d in A.edges(data=True))
    with pytest.raises(ValueError):
        aggregate(nx.MultiDiGraph(), samples=-1)
    with pytest.raises(banlens.BanlensError, match="cooccurrence=True"):
        aggregate(banlens.build_graph(corpus(), lexicon=LEXICON), cooccurrence=True)


# ------------------------------------------------------------------------ co-occurrence


def cooccurrence_corpus() -> list[dict]:
    text1 = "Oracle und Tiktok reden. Trump schweigt. Oracle, Tiktok und Trump auch."
    s1, s2, s3 = (0, 24), (25, 40), (41, len(text1))
    return [
        record("c1", [actor("oracle", 0), actor("tiktok", 11), actor("trump", 25),
                      actor("oracle", 41), actor("tiktok", 49), actor("trump", 60)],
               [relation("oracle", "negotiates_with", "tiktok")],
               sentences=[[*s1, text1[slice(*s1)]], list(s2), list(s3)], date="2020-01-02"),
        record("c2", [actor("tiktok", 0), actor("oracle", 30)], [],
               sentences=[[0, 20], [21, 50]]),  # different sentences: no pair
    ]


def test_cooccurrence_edges_per_document_and_pair():
    G = banlens.build_graph(cooccurrence_corpus(), cooccurrence=True, lexicon=LEXICON)
    co = {(u, v): d for u, v, d in G.edges(data=True) if d["relation"] == COOCCURS}
    assert set(co) == {("oracle", "tiktok"), ("oracle", "trump"), ("tiktok", "trump")}
    assert co["oracle", "tiktok"]["sentences"] == 2
    assert co["oracle", "tiktok"]["evidence"] == "Oracle und Tiktok reden."
    assert co["oracle", "trump"]["sentences"] == 1 and "evidence" not in co["oracle", "trump"]
    A = aggregate(G, cooccurrence=True)
    assert A.edges["oracle", "tiktok", COOCCURS]["weight"] == 2
    assert A.has_edge("oracle", "tiktok", "negotiates_with")
    without = aggregate(G)
    assert not any(d["relation"] == COOCCURS for _, _, d in without.edges(data=True))


def test_cooccurrence_needs_sentence_offsets():
    rec = cooccurrence_corpus()[0]
    del rec["sentences"]
    with pytest.raises(banlens.InputError, match="'sentences'.*graph_record"):
        banlens.build_graph([rec], cooccurrence=True)


# ------------------------------------------------------------------------ Docs


def hand_doc():
    """A processed Doc built by hand, as the pipeline would leave it."""
    nlp = spacy.blank("de")
    doc = nlp("Oracle verhandelt mit Tiktok. Trump verbietet Tiktok.")
    for token in doc:
        token.is_sent_start = token.i in (0, 5)
    doc.spans["banlens_actors"] = [
        Span(doc, 0, 1, label="ORGANIZATION", kb_id="oracle", span_id="name"),
        Span(doc, 3, 4, label="PLATFORM", kb_id="tiktok", span_id="name"),
        Span(doc, 5, 6, label="PERSON", kb_id="trump", span_id="name"),
        Span(doc, 7, 8, label="PLATFORM", kb_id="tiktok", span_id="name"),
    ]
    doc._.actor_names = {"oracle": "Oracle", "tiktok": "TikTok", "trump": "Donald Trump"}
    doc._.doc_id = "hand"
    doc._.date = "2020-09-19"
    doc._.relation_records = [
        banlens.Relation("oracle", "negotiates_with", "tiktok", "Oracle verhandelt mit Tiktok.",
                         0, 28, "verhandelt").to_dict(),
        banlens.Relation("trump", "blocks", "tiktok", "Trump verbietet Tiktok.",
                         29, 52, "verbietet").to_dict(),
    ]
    return doc


def test_docs_and_their_records_give_the_same_graph():
    doc = hand_doc()
    from_doc = banlens.build_graph([doc], cooccurrence=True, lexicon=LEXICON)
    from_record = banlens.build_graph([graph_record(doc)], cooccurrence=True, lexicon=LEXICON)
    assert nx.utils.graphs_equal(from_doc, from_record)
    assert from_doc.nodes["tiktok"]["label"] == "TikTok"
    assert from_doc.nodes["tiktok"]["actor_type"] == "platform"
    assert from_doc.nodes["tiktok"]["mentions"] == 2
    # each sentence pairs two different actors
    assert sorted(d["evidence"] for _, _, d in from_doc.edges(data=True)
                  if d["relation"] == COOCCURS) == ["Oracle verhandelt mit Tiktok.",
                                                    "Trump verbietet Tiktok."]


def test_graph_from_the_real_pipeline(nlp):
    doc = nlp("Oracle verhandelt mit Bytedance über Tiktok. Die US-Regierung verklagt Tiktok.")
    doc._.doc_id = "real"
    G = banlens.build_graph([doc])
    actors = {span.kb_id_ for span in doc._.actors}
    assert actors and set(G) == actors
    kept = [r for r in doc._.relations if not r.negated]
    assert G.number_of_edges() == len(kept)
    for i, rel in enumerate(doc._.relations):
        if not rel.negated:
            assert G.edges[rel.subject, rel.object, f"real#r{i}"]["relation"] == rel.label


def test_plover_of_a_relation_record_overrides_the_label_default():
    rels = [relation("a", "sues", "b"), relation("a", "sues", "b", plover="ACCUSE_X"),
            relation("a", "sues", "b", plover="ACCUSE_X")]
    G = banlens.build_graph([record("x", [actor("a", 0), actor("b", 5)], rels)],
                            lexicon=LEXICON)
    assert [edges(G)[f"x#r{i}"][2]["plover"] for i in range(3)] == [
        "COERCE", "ACCUSE_X", "ACCUSE_X"]
    assert aggregate(G).edges["a", "b", "sues"]["plover"] == "ACCUSE_X"  # most common


def test_unprocessed_doc_is_refused():
    doc = spacy.blank("de")("Oracle verhandelt mit Tiktok.")
    with pytest.raises(banlens.InputError, match="not processed by a banlens pipeline"):
        banlens.build_graph([doc])


def test_coref_is_kept_per_instance_and_counted_when_aggregated():
    records = [
        record("c1", [actor("oracle", 0), actor("tiktok", 30)],
               [relation("oracle", "acquires", "tiktok", "Der Konzern kauft Tiktok.",
                         coref=True)]),
        record("c2", [actor("oracle", 0), actor("tiktok", 30)],
               [relation("oracle", "acquires", "tiktok", "Oracle kauft Tiktok.")]),
    ]
    G = build_graph(records, lexicon=LEXICON)
    assert sorted(data["coref"] for _, _, data in G.edges(data=True)) == [False, True]
    (edge,) = aggregate(G).edges(data=True)
    assert (edge[2]["weight"], edge[2]["coref"]) == (2, 1)
