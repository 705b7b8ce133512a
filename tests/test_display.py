"""banlens.display (HTML of actors and relations) and banlens.draw (matplotlib graph)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import matplotlib
import networkx as nx
import pytest
import spacy
from matplotlib.colors import to_hex
from matplotlib.patches import FancyArrowPatch
from spacy.tokens import Doc, Span

import banlens
from banlens.annotations import ACTOR_SPANS_KEY, Relation
from banlens.visualize import HIGHLIGHT_COLORS, OTHER_COLOR, QUAD_COLORS, TYPE_COLORS, DisplayedHTML

matplotlib.use("Agg")


@pytest.fixture(autouse=True)
def close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")

NAMES = {"trump": "Donald Trump", "tiktok": "TikTok", "oracle": "Oracle", "bytedance": "ByteDance"}
TYPES = {"trump": "PERSON", "tiktok": "PLATFORM", "oracle": "ORGANIZATION",
         "bytedance": "ORGANIZATION"}


def make_doc(sentences: list[list[str]], actors: dict[int, str]) -> Doc:
    """A sentence-split Doc; ``actors`` maps token index -> actor id (one-token mentions)."""
    words = [w for sent in sentences for w in sent]
    starts = [i == 0 for sent in sentences for i, _ in enumerate(sent)]
    doc = Doc(spacy.blank("de").vocab, words=words, sent_starts=starts)
    doc.spans[ACTOR_SPANS_KEY] = [
        Span(doc, i, i + 1, label=TYPES[a], kb_id=a, span_id="name") for i, a in actors.items()
    ]
    doc._.actor_names = {a: NAMES[a] for a in actors.values()}
    return doc


QUADS = {"blocks": "verbal_conflict", "negotiates_with": "verbal_cooperation"}


def relate(doc: Doc, subj: str, label: str, obj: str, trigger_token: int, **flags) -> dict:
    trigger = doc[trigger_token]
    sent = trigger.sent
    return Relation(
        subj, label, obj, sent.text, sent.start_char, sent.end_char, trigger.text,
        trigger_start=trigger.idx, trigger_end=trigger.idx + len(trigger), method="test",
        extra={"quad": QUADS[label]} if label in QUADS else {}, **flags,
    ).to_dict()


@pytest.fixture
def doc() -> Doc:
    doc = make_doc(
        [
            ["Trump", "verbietet", "Tiktok", "."],
            ["Das", "Wetter", "in", "Washington", "ist", "schön", "."],
            ["Oracle", "verhandelt", "mit", "Bytedance", "über", "<Tiktok>", "."],
            ["Tiktok", "wird", "von", "Trump", "blockiert", "."],
        ],
        {0: "trump", 2: "tiktok", 11: "oracle", 14: "bytedance", 16: "tiktok", 18: "tiktok",
         21: "trump"},
    )
    doc._.relation_records = [
        relate(doc, "trump", "blocks", "tiktok", 1),
        relate(doc, "oracle", "negotiates_with", "bytedance", 12, negated=True),
        relate(doc, "trump", "blocks", "tiktok", 22, hypothetical=True),
    ]
    return doc


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append(tag)


def test_display_shows_each_relation_sentence_once(doc):
    markup = banlens.display(doc, jupyter=False)
    assert not isinstance(markup, DisplayedHTML)
    # three sentences hold relations, the weather sentence holds none
    assert markup.count('class="banlens-sentence"') == 3
    assert markup.count("<svg") == 3
    assert "Wetter" not in markup
    assert "Sentence 1 " in markup and "Sentence 3 " in markup and "Sentence 2 " not in markup


def test_display_highlights_actors_by_type(doc):
    markup = banlens.display(doc, jupyter=False)
    marks = re.findall(r'<mark class="entity" style="background: (#[0-9a-f]{6})', markup)
    # the mentions of the three relation sentences; Washington is no actor here
    assert len(marks) == 7
    assert marks[0] == HIGHLIGHT_COLORS["person"]  # Trump
    assert marks[1] == HIGHLIGHT_COLORS["platform"]  # Tiktok
    assert HIGHLIGHT_COLORS["organization"] in marks
    assert len(set(HIGHLIGHT_COLORS.values())) == len(HIGHLIGHT_COLORS)


def test_display_labels_arcs_with_relations_and_flags(doc):
    markup = banlens.display(doc, jupyter=False)
    labels = re.findall(r'class="displacy-label"[^>]*>([^<]*)</textPath>', markup)
    assert labels == ["blocks", "not negotiates_with", "blocks?"]
    colors = re.findall(r'<g class="displacy-arrow" style="color: (#[0-9a-f]{6})">', markup)
    assert colors == [QUAD_COLORS["verbal_conflict"], QUAD_COLORS["verbal_cooperation"],
                      QUAD_COLORS["verbal_conflict"]]
    # the trigger stands between the arguments, tagged with its relation
    assert "→ blocks" in markup and "verhandelt" in markup


def _word_x(svg: str, word: str) -> float:
    match = re.search(rf'class="displacy-word" fill="currentColor" x="([\d.]+)">{word}<', svg)
    assert match, word
    return float(match.group(1))


def test_display_arc_points_from_subject_to_object(doc):
    markup = banlens.display(doc, jupyter=False)
    svgs = re.findall(r"<svg.*?</svg>", markup, flags=re.S)
    for svg, subj, obj in ((svgs[0], "Trump", "Tiktok"), (svgs[2], "Trump", "Tiktok")):
        head = re.search(r'class="displacy-arrowhead" d="M([\d.]+),', svg)
        x_head = float(head.group(1))
        assert abs(x_head - _word_x(svg, obj)) < abs(x_head - _word_x(svg, subj))
    # the passive sentence has the object first: the arrow must point left
    assert _word_x(svgs[2], "Tiktok") < _word_x(svgs[2], "Trump")


def test_display_escapes_text_and_writes_a_page(doc, tmp_path):
    out = tmp_path / "doc.html"
    markup = banlens.display(doc, jupyter=False, path=out)
    assert "&lt;Tiktok&gt;" in markup and "<Tiktok>" not in markup
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and markup in page
    parser = _Collect()
    parser.feed(page)
    assert {"html", "body", "svg", "mark", "table"} <= set(parser.tags)


def test_display_table_lists_every_relation(doc):
    markup = banlens.display(doc, jupyter=False)
    rows = re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td>"
                      r"<td>(.*?)</td>", markup)
    assert rows == [
        ("Donald Trump", "blocks", "TikTok", "verbietet", ""),
        ("Oracle", "negotiates_with", "ByteDance", "verhandelt", "negated"),
        ("Donald Trump", "blocks", "TikTok", "blockiert", "hypothetical"),
    ]


def test_display_without_relations(doc):
    doc._.relation_records = []
    assert "No relations found" in banlens.display(doc, jupyter=False)
    every = banlens.display(doc, jupyter=False, only_relations=False)
    # sentences naming an actor are shown, without arcs
    assert every.count('class="banlens-sentence"') == 3 and "<svg" not in every


def test_display_argument_missing_from_sentence_is_listed_not_drawn():
    doc = make_doc([["Trump", "verbietet", "die", "App", "."]], {0: "trump"})
    doc._.relation_records = [relate(doc, "trump", "blocks", "tiktok", 1)]
    markup = banlens.display(doc, jupyter=False)
    assert "<svg" not in markup and "<td>blocks</td>" in markup


def test_display_in_jupyter_shows_once(doc, monkeypatch):
    pytest.importorskip("IPython")
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda obj: shown.append(obj))
    markup = banlens.display(doc, jupyter=True)
    assert len(shown) == 1 and shown[0].data == markup
    assert isinstance(markup, DisplayedHTML)
    assert markup._ipython_display_() is None  # not shown again as the cell's value


def test_display_stays_callable_after_importing_its_module(doc):
    import banlens.visualize  # noqa: F401

    assert callable(banlens.display) and callable(banlens.draw)
    assert "banlens-display" in banlens.display(doc, jupyter=False)


def test_display_rejects_non_docs():
    with pytest.raises(TypeError, match="spaCy Doc"):
        banlens.display("Trump verbietet Tiktok.")


# ---------------------------------------------------------------------------- draw


def instance_graph() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    G.add_node("trump", label="Donald Trump", actor_type="person", mentions=9)
    G.add_node("tiktok", label="TikTok", actor_type="platform", mentions=4)
    G.add_node("oracle", label="Oracle", actor_type="organization", mentions=1)
    for _ in range(3):
        G.add_edge("trump", "tiktok", relation="blocks", quad="material_conflict")
    G.add_edge("trump", "tiktok", relation="accuses", quad="verbal_conflict")
    G.add_edge("tiktok", "trump", relation="sues", quad="verbal_conflict", negated=True)
    G.add_edge("oracle", "tiktok", relation="acquires", quad="material_cooperation")
    return G


def _arrows(ax) -> list[FancyArrowPatch]:
    return [p for p in ax.patches if isinstance(p, FancyArrowPatch)]


def test_draw_colours_and_sizes_nodes(tmp_path):
    G = instance_graph()
    ax = banlens.draw(G, path=tmp_path / "g.png")
    nodes = ax.collections[0]
    colors = [to_hex(c) for c in nodes.get_facecolors()]
    assert colors == [TYPE_COLORS["person"], TYPE_COLORS["platform"],
                      TYPE_COLORS["organization"]]
    sizes = list(nodes.get_sizes())
    assert sizes[0] > sizes[1] > sizes[2]  # 9 > 4 > 1 mentions
    assert (tmp_path / "g.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_draw_one_edge_per_relation_coloured_by_quad():
    ax = banlens.draw(instance_graph())
    arrows = _arrows(ax)
    assert len(arrows) == 4  # blocks x3 merged, accuses, sues, acquires
    colors = {to_hex(a.get_edgecolor()) for a in arrows}
    assert colors == {QUAD_COLORS["material_conflict"], QUAD_COLORS["verbal_conflict"],
                      QUAD_COLORS["material_cooperation"]}
    widths = {round(a.get_linewidth(), 3) for a in arrows}
    assert max(widths) > min(widths)  # three blocks instances draw a wider edge
    texts = {t.get_text() for t in ax.texts}
    assert {"blocks", "accuses", "sues", "acquires", "Donald Trump", "TikTok"} <= texts
    assert any(a.get_linestyle() in ("--", "dashed") for a in arrows)  # the negated edge


def test_draw_legend_names_types_and_quads():
    ax = banlens.draw(instance_graph())
    legends = [ax.get_legend(), *[a for a in ax.artists if hasattr(a, "get_texts")]]
    labels = {t.get_text() for legend in legends for t in legend.get_texts()}
    assert labels == {"person", "platform", "organization", "material cooperation",
                      "verbal conflict", "material conflict"}


def test_draw_aggregated_digraph_uses_weight(tmp_path):
    G = nx.DiGraph()
    G.add_node("a", label="A", actor_type="government", mentions=3)
    G.add_node("b", label="B", actor_type="court", mentions=3)
    G.add_node("c", label="C", actor_type="unheard-of", mentions=None)
    G.add_edge("a", "b", relation="pressures", quad="verbal_conflict", weight=10)
    G.add_edge("b", "c", relation="supports", quad="verbal_cooperation", weight=1)
    G.add_edge("c", "a", relation="co_occurs", weight=2)
    ax = banlens.draw(G, path=tmp_path / "g.svg", layout="circular")
    arrows = {to_hex(a.get_edgecolor()): a.get_linewidth() for a in _arrows(ax)}
    assert arrows[QUAD_COLORS["verbal_conflict"]] > arrows[QUAD_COLORS["verbal_cooperation"]]
    assert OTHER_COLOR in arrows  # edge without quad: grey
    assert to_hex(ax.collections[0].get_facecolors()[2]) == TYPE_COLORS["other"]
    assert (tmp_path / "g.svg").read_text().lstrip().startswith("<?xml")


def test_draw_layouts():
    G = instance_graph()
    pos = {"trump": (0, 0), "tiktok": (1, 0), "oracle": (0, 1)}
    ax = banlens.draw(G, layout=pos, edge_labels=False)
    offsets = ax.collections[0].get_offsets()
    assert [tuple(o) for o in offsets] == [(0, 0), (1, 0), (0, 1)]
    assert not {"blocks", "sues"} & {t.get_text() for t in ax.texts}
    with pytest.raises(ValueError, match="unknown layout"):
        banlens.draw(G, layout="nonsense")
    with pytest.raises(ValueError, match="no position"):
        banlens.draw(G, layout={"trump": (0, 0)})


def test_draw_empty_graph(tmp_path):
    ax = banlens.draw(nx.MultiDiGraph(), path=tmp_path / "empty.png")
    assert "empty graph" in {t.get_text() for t in ax.texts}
    assert (tmp_path / "empty.png").exists()


def test_draw_negated_share_and_symmetric_edges():
    G = nx.MultiDiGraph()
    for node, kind in (("a", "government"), ("b", "platform"), ("c", "organization")):
        G.add_node(node, label=node.upper(), actor_type=kind, mentions=1)
    # aggregated edges count negated instances; only an all-negated edge is dashed
    G.add_edge("a", "b", key="blocks", relation="blocks", quad="verbal_conflict",
               weight=3, negated=3)
    G.add_edge("a", "c", key="sues", relation="sues", quad="material_conflict",
               weight=3, negated=1)
    G.add_edge("b", "c", key="negotiates_with", relation="negotiates_with",
               quad="verbal_cooperation", symmetric=True, weight=1, negated=0)
    ax = banlens.draw(G)
    by_color = {to_hex(a.get_edgecolor()): a for a in _arrows(ax)}
    assert by_color[QUAD_COLORS["verbal_conflict"]].get_linestyle() in ("--", "dashed")
    assert by_color[QUAD_COLORS["material_conflict"]].get_linestyle() in ("-", "solid")
    heads = {c: type(a.get_arrowstyle()).__name__ for c, a in by_color.items()}
    assert heads[QUAD_COLORS["verbal_cooperation"]] == "Curve"  # a plain line
    assert heads[QUAD_COLORS["verbal_conflict"]] == "CurveFilledB"  # an arrowhead


def test_draw_graphs_built_by_the_pipeline(nlp, tmp_path):
    doc = nlp(
        "Oracle verhandelt mit Bytedance über Tiktok. Die US-Regierung verklagt Tiktok. "
        "Die US-Regierung verklagt Tiktok erneut."
    )
    doc._.doc_id = "d1"
    G = banlens.build_graph([doc])
    assert G.number_of_edges() >= 2, "the pipeline found too few relations to draw"
    expected = {(u, v, d["relation"]) for u, v, d in G.edges(data=True)}
    for graph, name in ((G, "instances.png"), (banlens.aggregate(G), "aggregated.png")):
        ax = banlens.draw(graph, path=tmp_path / name)
        assert len(_arrows(ax)) == len(expected)
        assert {r for _, _, r in expected} <= {t.get_text() for t in ax.texts}
        labels = {t.get_text() for t in ax.texts}
        assert {graph.nodes[n]["label"] for n in graph} <= labels
        assert (tmp_path / name).stat().st_size > 1000


def test_draw_lines_up_actors_without_relations_below_the_network():
    G = instance_graph()
    G.add_node("walmart", label="Walmart", actor_type="organization", mentions=1)
    G.add_node("usa", label="USA", actor_type="country", mentions=2)
    ax = banlens.draw(G)
    ys = dict(zip(G.nodes, (y for _, y in ax.collections[0].get_offsets()), strict=True))
    assert max(ys["walmart"], ys["usa"]) < min(ys["trump"], ys["tiktok"], ys["oracle"])


def test_draw_places_separate_groups_side_by_side():
    G = nx.DiGraph()
    for node in "abcde":
        G.add_node(node, label=node.upper(), actor_type="organization", mentions=1)
    G.add_edge("a", "b", relation="sues", quad="verbal_conflict")
    G.add_edge("b", "c", relation="sues", quad="verbal_conflict")
    G.add_edge("d", "e", relation="supports", quad="verbal_cooperation")
    ax = banlens.draw(G)
    xs = dict(zip(G.nodes, (x for x, _ in ax.collections[0].get_offsets()), strict=True))
    big, small = [xs[n] for n in "abc"], [xs[n] for n in "de"]
    assert max(big) < min(small) or max(small) < min(big)


def test_display_compound_mentions():
    words = ["Die", "Trump-Regierung", "verhängt", "das", "Tiktok-Verbot", "."]
    doc = Doc(spacy.blank("de").vocab, words=words, sent_starts=[True] + [False] * 5)
    doc.spans[ACTOR_SPANS_KEY] = [
        Span(doc, 1, 2, label="GOVERNMENT", kb_id="us_government", span_id="name"),
        Span(doc, 1, 2, label="PERSON", kb_id="trump", span_id="modifier"),
        Span(doc, 4, 5, label="PLATFORM", kb_id="tiktok", span_id="modifier"),
    ]
    doc._.actor_names = {"us_government": "US-Regierung", "trump": "Donald Trump",
                         "tiktok": "TikTok"}
    verbot = doc[4]
    # the trigger "Verbot" lies inside the compound that names TikTok
    doc._.relation_records = [Relation(
        "us_government", "blocks", "tiktok", doc.text, 0, len(doc.text), "Verbot",
        trigger_start=verbot.idx + 7, trigger_end=verbot.idx + 13,
    ).to_dict()]
    markup = banlens.display(doc, jupyter=False)
    # one highlight for the compound that names two actors, typed by the full name
    marks = re.findall(r'<mark class="entity" style="background: (#[0-9a-f]{6})', markup)
    assert marks == [HIGHLIGHT_COLORS["government"], HIGHLIGHT_COLORS["platform"]]
    assert "us_government + trump" in markup
    assert markup.count("Trump-Regierung") == 2  # once highlighted, once in the arcs
    words_shown = re.findall(r'class="displacy-word"[^>]*>([^<]*)<', markup)
    assert words_shown == ["Trump-Regierung", "Tiktok-Verbot"]


def test_display_marks_descriptions_read_as_an_actor(nlp):
    doc = nlp("Huawei verliert Kunden. Das Unternehmen verklagt die US-Regierung.")
    page = banlens.display(doc, jupyter=False)
    assert "= huawei" in page and "coref" in page
