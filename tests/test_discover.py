"""``banlens discover``: a draft actor dictionary from a corpus.

The texts are written for these tests (a rail strike, a chip merger, a health
agency), not taken from the gold sets.
"""

from __future__ import annotations

import json

import pytest
import yaml

pytest.importorskip("HanTa")

import banlens  # noqa: E402
from banlens.cli import main  # noqa: E402
from banlens.discovery import Discoverer, to_yaml  # noqa: E402

TEXTS = [
    "Bundesverkehrsminister Volker Wissing traf am Montag die Chefin der Deutschen Bahn. "
    "Wissing sagte, die Bundesregierung wolle den Streik beenden. Die Gewerkschaft GDL "
    "lehnte das ab.",
    "Die Deutsche Bahn AG hat die Forderungen der GDL zurückgewiesen. Verkehrsminister "
    "Wissing kündigte ein Treffen an. Wissings Sprecher sagte, man sei zuversichtlich.",
    "Im Streit um den Streik vermittelt nun die Bundesregierung. Die Deutsche Bahn "
    "rechnet mit Ausfällen, sagte ein Sprecher. Der Konzern Siemens liefert neue Züge.",
    "Der Konzern Siemens AG baut die Züge in Krefeld. Siemens-Chef Roland Busch sagte, "
    "die Deutsche Bahn sei ein wichtiger Kunde.",
    "Die Weltgesundheitsorganisation (WHO) warnte vor einer neuen Welle. Die WHO "
    "forderte mehr Tests. Auch in Frankreich stiegen die Zahlen. Präsident Macron "
    "schwieg.",
    "Die WHO lobte die Impfkampagne in Frankreich. Der französische Präsident Emmanuel "
    "Macron dankte der WHO. Macron sagte, Frankreich sei vorbereitet.",
]


@pytest.fixture(scope="module")
def candidates():
    discoverer = Discoverer()
    for text in TEXTS:
        discoverer.add(text)
    return {c.name: c for c in discoverer.candidates(min_docs=2)}


def by_alias(candidates, alias):
    found = [c for c in candidates.values() if alias in c.aliases]
    assert len(found) == 1, f"{alias!r} in {len(found)} entries: {list(candidates)}"
    return found[0]


def test_first_name_title_and_genitive_fold_into_one_person(candidates):
    wissing = by_alias(candidates, "Wissing")
    assert wissing.name == "Volker Wissing"
    assert wissing.type == "person"
    assert wissing.documents == 2
    assert "Wissings" not in wissing.aliases
    assert not any("minister" in alias for alias in wissing.aliases)
    macron = by_alias(candidates, "Macron")
    assert macron.name == "Emmanuel Macron" and macron.type == "person"


def test_inflected_adjective_and_legal_form_fold(candidates):
    bahn = by_alias(candidates, "Deutsche Bahn")
    assert bahn.documents == 4
    assert "Deutschen Bahn" not in bahn.aliases and "Deutsche Bahn AG" not in bahn.aliases
    assert bahn.type == "organization"          # "AG" behind it


def test_types_from_cues(candidates):
    assert by_alias(candidates, "Siemens").type == "organization"   # "der Konzern Siemens"
    assert by_alias(candidates, "Bundesregierung").type == "government"
    assert by_alias(candidates, "Frankreich").type == "country"
    assert by_alias(candidates, "GDL").type == "organization"   # "die Gewerkschaft GDL"
    discoverer = Discoverer()
    discoverer.add("Über Zephyr wird gestritten.")
    discoverer.add("Alle reden über Zephyr.")
    assert [(c.name, c.type) for c in discoverer.candidates()] == [("Zephyr", "other")]


def test_acronym_pairs_with_its_expansion(candidates):
    who = by_alias(candidates, "WHO")
    assert "Weltgesundheitsorganisation" in who.aliases
    assert who.documents == 2
    # a party or role in parentheses after a person is not an acronym of the person
    discoverer = Discoverer()
    for _ in range(2):
        discoverer.add("Kanzler Olaf Scholz (SPD) sprach. Die SPD schwieg.")
    scholz = [c for c in discoverer.candidates() if "Olaf Scholz" in c.aliases]
    assert scholz and "SPD" not in scholz[0].aliases


def test_hyphen_compound_counts_for_the_actor():
    discoverer = Discoverer()
    discoverer.add("Das Verbot trifft Tiktok hart.")
    discoverer.add("Das Tiktok-Verbot gilt ab Montag.")
    discoverer.add("Die Polizei schweigt. Der Velorix-Konzern wächst. Velorix-Chef Erik "
                   "Berg sagte nichts.")
    discoverer.add("Der Velorix-Konzern verliert. Velorix meldet Verluste.")
    found = {c.name: c for c in discoverer.candidates()}
    assert found["Tiktok"].documents == 2
    assert not any("-" in name for name in found)
    assert found["Velorix"].type == "organization"


def test_ordinary_nouns_and_sentence_starts_are_not_candidates(candidates):
    names = {alias for c in candidates.values() for alias in c.aliases}
    for word in ("Streik", "Montag", "Sprecher", "Die", "Im", "Auch", "Konzern", "Züge"):
        assert word not in names


def test_empty_corpus_gives_no_candidates():
    discoverer = Discoverer()
    assert discoverer.candidates() == []
    discoverer.add("es regnet seit tagen, und niemand weiß warum.")
    assert discoverer.candidates(min_docs=1) == []
    assert yaml.safe_load(to_yaml([])) == {"actors": []}


def test_discover_api_returns_a_table():
    table = banlens.discover(TEXTS, as_records=True)
    assert table and set(table[0]) == {"id", "name", "type", "aliases", "documents",
                                       "mentions", "cues", "example"}
    ranks = [row["documents"] for row in table]
    assert ranks == sorted(ranks, reverse=True)
    pandas = pytest.importorskip("pandas")
    frame = banlens.discover(TEXTS, top=3)
    assert isinstance(frame, pandas.DataFrame) and len(frame) == 3
    assert banlens.discover([{"text": t} for t in TEXTS], as_records=True) == table


# --- command line ---------------------------------------------------------------------


@pytest.fixture()
def corpus(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps({"id": f"d{i}", "text": t}, ensure_ascii=False) + "\n"
                            for i, t in enumerate(TEXTS)), encoding="utf-8")
    return path


def test_cli_writes_a_working_draft(corpus, tmp_path, capsys):
    draft = tmp_path / "draft.yml"
    assert main(["discover", str(corpus), "-o", str(draft), "-q"]) == 0
    text = draft.read_text(encoding="utf-8")
    assert "# e.g. " in text and "documents," in text        # counts and examples as comments
    entries = yaml.safe_load(text)["actors"]
    assert {"id", "name", "type", "aliases"} <= set(entries[0])
    dictionary = banlens.load_dictionary(draft)
    assert "Volker Wissing" in {actor.name for actor in dictionary}
    # extract runs on the draft unchanged and finds its actors
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(corpus), "--actors", str(draft), "-o", str(out), "-q",
                 "--model", "blank"]) == 0
    found = {a["name"] for line in out.read_text("utf-8").splitlines()
             for a in json.loads(line)["actors"]}
    assert {"Volker Wissing", "Deutsche Bahn"} <= found


def test_cli_actors_lists_only_what_is_missing(corpus, tmp_path):
    existing = tmp_path / "mine.yml"
    existing.write_text("actors:\n  - id: bahn\n    name: Deutsche Bahn\n    type: organization\n"
                        "    aliases: [Deutsche Bahn, DB]\n", encoding="utf-8")
    full, grown = tmp_path / "full.yml", tmp_path / "grown.yml"
    assert main(["discover", str(corpus), "-o", str(full), "-q"]) == 0
    assert main(["discover", str(corpus), "-o", str(grown), "-q", "--actors",
                 str(existing)]) == 0
    full_names = {e["name"] for e in yaml.safe_load(full.read_text("utf-8"))["actors"]}
    grown_names = {e["name"] for e in yaml.safe_load(grown.read_text("utf-8"))["actors"]}
    assert "Deutsche Bahn" in full_names and "Deutsche Bahn" not in grown_names
    assert grown_names == full_names - {"Deutsche Bahn"}
    # both together make a dictionary extract accepts
    assert len(banlens.load_dictionary([existing, grown])) == len(grown_names) + 1


def test_cli_empty_corpus_message_and_empty_draft(tmp_path, capsys):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    draft = tmp_path / "draft.yml"
    assert main(["discover", str(empty), "-o", str(draft)]) == 1
    err = capsys.readouterr().err
    assert "no documents" in err and "Traceback" not in err
    assert yaml.safe_load(draft.read_text("utf-8"))["actors"] == []


def test_cli_actorless_corpus_and_bad_documents(tmp_path, capsys):
    path = tmp_path / "plain.jsonl"
    path.write_text('{"text": "es regnet."}\nnot json\n{"text": "und es schneit."}\n',
                    encoding="utf-8")
    draft = tmp_path / "draft.yml"
    assert main(["discover", str(path), "-o", str(draft)]) == 0
    err = capsys.readouterr().err
    assert "plain.jsonl:2" in err and "no candidate actors" in err
    assert yaml.safe_load(draft.read_text("utf-8"))["actors"] == []
    assert main(["extract", str(path), "--actors", str(draft), "-q", "-o",
                 str(tmp_path / "g.graphml"), "--model", "blank"]) == 0


def test_cli_bad_existing_dictionary_is_reported(corpus, tmp_path, capsys):
    bad = tmp_path / "bad.yml"
    bad.write_text("actors: [ {id: x", encoding="utf-8")
    assert main(["discover", str(corpus), "--actors", str(bad)]) == 2
    assert "bad.yml" in capsys.readouterr().err


def test_draft_yaml_quotes_ids_and_names_yaml_would_misread():
    from banlens.discovery import Candidate

    entry = Candidate("no", "NO", "other", ["NO", "Yes: Inc"], 2, 3, {}, "Ein Satz: mit # Zeichen.")
    data = yaml.safe_load(to_yaml([entry]))
    assert data["actors"] == [{"id": "no", "name": "NO", "type": "other",
                               "aliases": ["NO", "Yes: Inc"]}]
