"""banlens.to_dataframe: relations, actors and mentions as pandas tables."""

from __future__ import annotations

import builtins
import json

import pytest

import banlens
from banlens.dataframes import COLUMNS

pd = pytest.importorskip("pandas")

TEXT = ("Microsoft verhandelt mit Bytedance über Tiktok. Oracle verhandelt nicht mit "
        "Walmart. Trump will Tiktok verbieten.")


@pytest.fixture(scope="module")
def record(nlp):
    doc = nlp(TEXT)
    return banlens.doc_to_record(doc, doc_id="art-1", date="2020-08-07")


def test_relations_table_has_the_documented_columns_and_every_relation(record):
    df = banlens.to_dataframe([record])
    assert tuple(df.columns) == COLUMNS["relations"]
    assert len(df) == len(record["relations"]) >= 3
    expected = {(r["subject"], r["label"], r["object"], r["negated"], r["hypothetical"])
                for r in record["relations"]}
    assert set(zip(df.subject, df.label, df.object, df.negated, df.hypothetical,
                   strict=True)) == expected
    talks = df[(df.subject == "microsoft") & (df.label == "negotiates_with")].iloc[0]
    assert (talks.subject_name, talks.object_name) == ("Microsoft", "Bytedance")
    assert (talks.doc_id, talks.date, talks["flags"]) == ("art-1", "2020-08-07", "")
    assert talks.quad == "verbal_cooperation" and talks.plover == "CONSULT"
    assert TEXT[talks.start:talks.end] == talks.evidence
    negated = df[df.negated]
    assert list(negated["flags"]) == ["negated"] and negated.iloc[0].object == "walmart"
    assert df.negated.dtype == bool and df.confidence.dtype == "float64"
    assert "hypothetical" in set(df["flags"])


def test_docs_and_records_give_the_same_table(nlp, record):
    doc = nlp(TEXT)
    doc._.doc_id, doc._.date = "art-1", "2020-08-07"
    from_doc = banlens.to_dataframe(doc)
    from_record = banlens.to_dataframe(json.loads(json.dumps(record)))
    pd.testing.assert_frame_equal(from_doc, from_record)


def test_actors_and_mentions_tables(record):
    actors = banlens.to_dataframe([record], what="actors")
    assert tuple(actors.columns) == COLUMNS["actors"]
    row = actors.set_index("actor").loc["tiktok"]
    assert (row["name"], row["type"], row.mentions) == ("TikTok", "platform", 2)
    assert row.relations == sum(1 for r in record["relations"]
                                if "tiktok" in (r["subject"], r["object"]))
    mentions = banlens.to_dataframe([record], what="mentions")
    assert tuple(mentions.columns) == COLUMNS["mentions"]
    assert len(mentions) == len(record["actors"]) == actors.mentions.sum()
    assert all(TEXT[s:e] == t for s, e, t in zip(mentions.start, mentions.end, mentions.text,
                                                   strict=True))


def test_empty_input_gives_empty_tables_with_the_columns():
    for what, columns in COLUMNS.items():
        df = banlens.to_dataframe([], what=what)
        assert df.empty and tuple(df.columns) == columns


def test_bad_records_are_named_or_skipped(record):
    bad = {"id": "kaputt", "actors": [], "relations": [{"subject": "a", "label": 3}]}
    with pytest.raises(banlens.InputError, match="kaputt.*relation 0.*label"):
        banlens.to_dataframe([record, bad])
    with pytest.warns(UserWarning, match="kaputt"):
        df = banlens.to_dataframe([bad, record], on_error="skip")
    assert set(df.doc_id) == {"art-1"}
    with pytest.raises(ValueError, match="relations, actors, mentions"):
        banlens.to_dataframe([record], what="edges")
    with pytest.raises(banlens.InputError, match="got int"):
        banlens.to_dataframe([3])


def test_without_pandas_the_error_says_what_to_install(monkeypatch, record):
    real_import = builtins.__import__

    def no_pandas(name, *args, **kwargs):
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError("No module named 'pandas'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(ImportError, match=r"banlens\[pandas\]"):
        banlens.to_dataframe([record])
