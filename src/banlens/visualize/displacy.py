"""A Doc as HTML: actor mentions and relations, sentence by sentence (displaCy).

:func:`display` shows, for each sentence that holds a relation, the actor mentions
highlighted by type (displaCy's ``ent`` style) and the relations as labelled arcs
between those mentions (displaCy's ``dep`` style in manual mode: the "words" are
the actor mentions and relation triggers of the sentence, the "arcs" are the
relations).

It uses the palette of :mod:`banlens.visualize.colors`: actor types lightened behind
text, the four PLOVER quad classes on the arcs.
"""

from __future__ import annotations

import html
import os
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spacy import displacy
from spacy.tokens import Doc, Span
from spacy.util import is_in_jupyter

from .. import annotations  # noqa: F401  (registers the Doc/Span extensions)
from ..annotations import REFERENCE, Relation
from .colors import HIGHLIGHT_COLORS, OTHER_COLOR, QUAD_COLORS, quad_key

if TYPE_CHECKING:  # pragma: no cover
    pass


_TRIGGER_TAG = "→ {label}"


# --------------------------------------------------------------------------- display


class DisplayedHTML(str):
    """The HTML returned by :func:`display` after it was shown in Jupyter.

    A plain ``str`` in every respect, except that Jupyter does not show it a
    second time when it is the value of a cell.
    """

    __slots__ = ()

    def _ipython_display_(self) -> None:
        return None


@dataclass(frozen=True, slots=True)
class _Piece:
    """One "word" of the arc view: an actor mention or a relation trigger."""

    start: int  # character offsets in the document
    end: int
    text: str
    tag: str
    trigger: bool = False


def display(
    doc: Doc,
    *,
    jupyter: bool | None = None,
    path: str | os.PathLike[str] | None = None,
    only_relations: bool = True,
) -> str:
    """Render a processed Doc's actors and relations as HTML.

    Each sentence that holds at least one relation is shown twice: as text with
    the actor mentions highlighted (colour = actor type, with the actor id), and as
    arcs labelled with the relation running from the subject's mention to the
    object's mention (colour = quad class). Negated relations are marked ``not …``,
    hypothetical ones ``…?``. A table under each sentence lists the relations with
    their trigger.

    Parameters
    ----------
    doc : spacy.tokens.Doc
        A Doc processed by a banlens pipeline.
    jupyter : bool or None
        Show the result in Jupyter; None does so when running in Jupyter.
    path : str, PathLike or None
        Also write a standalone HTML page there.
    only_relations : bool, default True
        Show only sentences with relations; False shows every sentence naming an actor.

    Returns
    -------
    str
        The HTML fragment.

    Examples
    --------
    >>> import banlens
    >>> nlp = banlens.load()
    >>> html = banlens.display(nlp("Walmart unterstützt Oracle."), jupyter=False)
    >>> "supports" in html and "walmart" in html
    True
    """
    if not isinstance(doc, Doc):
        raise TypeError(f"banlens.display expects a spaCy Doc, got {type(doc).__name__}")
    relations = doc._.relations
    by_sentence: dict[tuple[int, int], list[Relation]] = defaultdict(list)
    for rel in relations:
        by_sentence[(rel.start, rel.end)].append(rel)
    if not only_relations:
        for sent in _sentences(doc):
            if any(True for _ in _mentions_in(doc, sent.start_char, sent.end_char)):
                by_sentence.setdefault((sent.start_char, sent.end_char), [])

    starts = sorted({s.start_char for s in _sentences(doc)} | {s for s, _ in by_sentence})
    parts = [_summary(doc, relations)]
    for start, end in sorted(by_sentence):
        number = bisect_right(starts, start)  # 1-based number of the sentence in the doc
        parts.append(_render_sentence(doc, start, end, by_sentence[(start, end)], number))
    if len(parts) == 1:
        parts.append('<p class="banlens-empty">No relations found in this document.</p>')
    markup = f'<div class="banlens-display tex2jax_ignore">{"".join(parts)}</div>'

    if path is not None:
        title = html.escape(str(doc._.doc_id or "banlens"))
        Path(path).write_text(_PAGE.format(title=title, content=markup), encoding="utf-8")
    show = is_in_jupyter() if jupyter is None else jupyter
    if show:
        from IPython.display import HTML
        from IPython.display import display as ipython_display

        ipython_display(HTML(markup))
        return DisplayedHTML(markup)
    return markup


def _sentences(doc: Doc) -> list[Span]:
    if doc.has_annotation("SENT_START"):
        return list(doc.sents)
    return [doc[:]]


def _mentions_in(doc: Doc, start: int, end: int) -> Iterable[Span]:
    for span in doc._.actors:
        if span.start_char >= start and span.end_char <= end:
            yield span


def _summary(doc: Doc, relations: list[Relation]) -> str:
    names = doc._.actor_names or {}
    actors = sorted({names.get(s.kb_id_, s.kb_id_) for s in doc._.actors}, key=str.casefold)
    label = ", ".join(html.escape(name) for name in actors) or "none"
    doc_id = f"<b>{html.escape(str(doc._.doc_id))}</b> · " if doc._.doc_id else ""
    return (
        f'<p class="banlens-summary" style="font-family: sans-serif">{doc_id}'
        f"{len(actors)} actors ({label}) · {len(relations)} relations</p>"
    )


def _render_sentence(
    doc: Doc, start: int, end: int, relations: list[Relation], number: int
) -> str:
    text = doc.text[start:end].rstrip()
    mentions = list(_mentions_in(doc, start, end))
    ents = {"text": text, "ents": _highlights(mentions, start)}
    colors = {t.upper(): c for t, c in HIGHLIGHT_COLORS.items()}
    ent_html = displacy.render(
        ents, style="ent", manual=True, jupyter=False, options={"colors": colors}
    )
    arcs_html = _render_arcs(mentions, relations) if relations else ""
    rows = "".join(_relation_row(doc, rel) for rel in relations)
    table = (
        '<table class="banlens-relations" style="font-family: sans-serif; font-size: 0.9em">'
        "<tr><th>subject</th><th>relation</th><th>object</th><th>trigger</th>"
        f"<th>flags</th><th>method</th></tr>{rows}</table>"
        if relations
        else ""
    )
    return (
        f'<section class="banlens-sentence" style="margin-bottom: 2em">'
        f'<p style="font-family: sans-serif; color: #666">Sentence {number} '
        f"(characters {start}–{end})</p>{ent_html}{arcs_html}{table}</section>"
    )


def _highlights(mentions: list[Span], offset: int) -> list[dict[str, Any]]:
    """displaCy ``ent`` entries; overlapping mentions become one entry.

    A compound can name two actors ("Trump-Regierung": Trump as modifier, the
    US government as name); displaCy's entity view cannot overlap, so the entry
    takes the type of the full-name mention and lists both actor ids.
    """
    merged: list[tuple[int, int, list[Span]]] = []
    for m in sorted(mentions, key=lambda m: (m.start_char, -m.end_char)):
        if merged and m.start_char < merged[-1][1]:
            first, last, group = merged[-1]
            merged[-1] = (first, max(last, m.end_char), [*group, m])
        else:
            merged.append((m.start_char, m.end_char, [m]))
    entries = []
    for first, last, group in merged:
        main = next((m for m in group if m.id_ != "modifier"), group[0])
        ids = dict.fromkeys(m.kb_id_ for m in [main, *group])
        # a description ("der Konzern") shows whom it was read as: "= huawei"
        prefix = "= " if main.id_ == REFERENCE else ""
        entries.append({
            "start": first - offset,
            "end": last - offset,
            "label": main.label_ or "OTHER",
            "kb_id": html.escape(prefix + " + ".join(ids)),
        })
    return entries


def _relation_text(rel: Relation) -> str:
    label = rel.label + ("?" if rel.hypothetical else "")
    return f"not {label}" if rel.negated else label


def _relation_row(doc: Doc, rel: Relation) -> str:
    names = doc._.actor_names or {}
    flags = ", ".join(
        flag for flag, on in (("negated", rel.negated), ("hypothetical", rel.hypothetical),
                              ("coref", rel.coref)) if on
    )
    cells = (
        names.get(rel.subject, rel.subject),
        rel.label,
        names.get(rel.object, rel.object),
        rel.trigger,
        flags,
        rel.method,
    )
    return "<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in cells) + "</tr>"


def _nearest(mentions: list[Span], actor_id: str, anchor: int) -> Span | None:
    candidates = [m for m in mentions if m.kb_id_ == actor_id]
    if not candidates:
        return None
    if anchor < 0:
        return candidates[0]
    return min(candidates, key=lambda m: abs(m.start_char - anchor))


def _render_arcs(mentions: list[Span], relations: list[Relation]) -> str:
    """Arc view of one sentence: mentions and triggers as words, relations as arcs."""
    pieces: dict[tuple[int, int], _Piece] = {}
    ends: list[tuple[Span, Span, Relation]] = []
    for rel in relations:
        anchor = rel.trigger_start
        subj = _nearest(mentions, rel.subject, anchor)
        obj = _nearest(mentions, rel.object, anchor)
        if subj is None or obj is None or subj == obj:
            continue  # an argument not named in the sentence: listed in the table only
        ends.append((subj, obj, rel))
        for m in (subj, obj):
            pieces[(m.start_char, m.end_char)] = _Piece(
                m.start_char, m.end_char, m.text, m.label_ or "OTHER"
            )
        if 0 <= rel.trigger_start < rel.trigger_end:
            key = (rel.trigger_start, rel.trigger_end)
            if key not in pieces:
                tag = _TRIGGER_TAG.format(label=rel.label)
                pieces[key] = _Piece(*key, rel.trigger, tag, trigger=True)
    if not ends:
        return ""
    # A trigger inside a mention ("Tiktok-Verbot") is shown by the mention alone.
    mention_keys = [k for k, p in pieces.items() if not p.trigger]
    words = sorted(
        (p for k, p in pieces.items()
         if k in mention_keys or not any(s <= k[0] < e for s, e in mention_keys)),
        key=lambda p: (p.start, p.end),
    )
    index = {(p.start, p.end): i for i, p in enumerate(words)}
    labels: dict[tuple[int, int], list[str]] = defaultdict(list)
    quads: dict[tuple[int, int], str] = {}
    for subj, obj, rel in ends:
        i, j = index[(subj.start_char, subj.end_char)], index[(obj.start_char, obj.end_char)]
        text = _relation_text(rel)
        if text not in labels[(i, j)]:
            labels[(i, j)].append(text)
        quads.setdefault((i, j), quad_key(rel.extra.get("quad")))
    arcs, colors = [], []
    for (i, j), texts in sorted(labels.items()):
        if i == j:  # both actors named by one word ("Trump-Regierung"): table only
            continue
        arcs.append({
            "start": min(i, j),
            "end": max(i, j),
            "label": html.escape(" / ".join(texts)),
            "dir": "right" if i < j else "left",
        })
        colors.append(QUAD_COLORS.get(quads[(i, j)], OTHER_COLOR))
    if not arcs:
        return ""
    parsed = {
        "words": [{"text": p.text, "tag": html.escape(p.tag)} for p in words],
        "arcs": arcs,
    }
    distance, offset_x = _spacing(words, arcs)
    options = {"distance": distance, "offset_x": offset_x, "word_spacing": 40,
               "font": "sans-serif"}
    svg = displacy.render(parsed, style="dep", manual=True, jupyter=False, options=options)
    # displaCy draws arcs in "currentColor", in the order given: colour each by its quad
    shades = iter(colors)
    svg = re.sub('<g class="displacy-arrow">',
                 lambda _: f'<g class="displacy-arrow" style="color: {next(shades)}">', svg)
    return f'<div class="banlens-arcs" style="overflow-x: auto">{svg}</div>'


def _text_width(text: str, size: float = 16.0, spacing: float = 0.0) -> float:
    """A generous estimate of ``text``'s width in pixels in a sans-serif font of
    ``size`` px (capitals and wide letters count more), plus letter ``spacing``."""
    wide = sum(1 for c in text if c.isupper() or c in "mwMW@%")
    narrow = sum(1 for c in text if c in "ijlt.,:;'!|() -")
    return size * (0.6 * (len(text) - wide - narrow) + 0.78 * wide + 0.36 * narrow) \
        + spacing * len(text)


def _spacing(words: list[_Piece], arcs: list[dict[str, Any]]) -> tuple[int, int]:
    """displaCy's ``distance`` between words and ``offset_x`` of the first word, wide
    enough that no two words (or tags) overlap, the first one is not cut off at the
    left, and each arc's label fits over its arc.

    displaCy centres each word at ``offset_x + i * distance``, one distance for all
    words; so the distance must hold the widest neighbours.
    """
    widths = [max(_text_width(p.text), _text_width(p.tag)) for p in words]
    gap = 24.0
    distance = 120.0
    for left, right in zip(widths, widths[1:], strict=False):
        distance = max(distance, (left + right) / 2 + gap)
    for arc in arcs:  # labels: 0.8em with 1px letter spacing, between the arrow ends
        label = html.unescape(arc["label"])
        span = max(arc["end"] - arc["start"], 1)
        distance = max(distance, (_text_width(label, 12.8, 1.0) + 2 * gap) / span)
    offset_x = max(50.0, widths[0] / 2 + gap / 2) if widths else 50.0
    return int(round(distance)), int(round(offset_x))


_PAGE = """<!DOCTYPE html>
<html lang="de">
<head><meta charset="utf-8"><title>{title}</title></head>
<body style="margin: 2em; max-width: 70em">
{content}
</body>
</html>
"""


# ------------------------------------------------------------------------------ draw
