"""Scoring banlens against a hand-annotated gold file.

A gold file is JSON Lines, one document per line (the format of the project's
annotation guide)::

    {"id": "d1", "text": "...", "actors": ["oracle", "tiktok"],
     "relations": [{"subject": "oracle", "label": "acquires", "object": "tiktok",
                    "evidence": "<the sentence, verbatim from text>",
                    "negated": false, "hypothetical": false}]}

What is measured (all micro-averaged over the corpus: counts are summed over the
documents, then precision, recall and F1 are computed once):

actors
    per document, the set of actor ids the gold lists against the set of actor ids
    the pipeline tagged (full names and hyphen-compound modifiers alike).
labeled relations (document level)
    per document, the set of (subject, label, object) triples. A triple with a
    symmetric label (``negotiates_with``, ``agrees_with``, ``partners_with`` in the
    bundled lexicon) matches in either direction. ``negated``/``hypothetical`` are
    not part of the triple: a negated relation is still a relation of the gold, and
    the flags are scored on their own.
unlabeled relations (document level)
    as labeled, with the label ignored: a (subject, object) pair keeps its direction
    when its label is directed; a pair from a symmetric label has no direction and
    matches either way.
relations (sentence level)
    each relation instance (triple + sentence) matches at most one instance with
    the same triple whose evidence sentence overlaps the gold evidence (character
    offsets; the gold evidence is located in the text). The matching is one-to-one
    and maximum: a prediction matches at most one gold instance and vice versa.
flags
    accuracy of ``negated`` and ``hypothetical`` over the sentence-level matches,
    with the counts for the rarer "true" value.
per label
    P/R/F1 of each label at document and sentence level.

Conventions: precision is 0 when nothing was predicted, recall is 0 when the gold
has nothing, F1 is 0 when both are 0 (no division by zero, no NaN in JSON).

Gold files are read strictly: a malformed line raises :class:`banlens.InputError`
naming the file, the line and the field, because skipping a gold document would
silently change every figure. An ``evidence`` that is not a verbatim substring of
``text`` is an error too; evidence that differs from the text only in whitespace
(line breaks, double spaces) is accepted and located.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
from spacy.language import Language
from wasabi import table

from .. import annotations  # noqa: F401  (registers the doc extensions)
from ..errors import InputError
from ..records import doc_to_record
from .gold import GOLD_SUBSETS, check_gold_record, evidence_spans, load_gold
from .gold import RELATION_FIELDS as _RELATION_FIELDS

#: Symmetric labels used when no relation lexicon can tell (the bundled lexicon's).
DEFAULT_SYMMETRIC = frozenset({"negotiates_with", "agrees_with", "partners_with"})
FLAGS = ("negated", "hypothetical")
GOLD_CLASSES = ("direct", "coref", "implicit")
#: Optional boolean fields of gold relations; each gets a sentence-level recall line.


# --- scores ------------------------------------------------------------------------


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


@dataclass(slots=True)
class Score:
    """True positives, false positives and misses, with P/R/F1 derived from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def gold(self) -> int:
        return self.tp + self.fn

    @property
    def predicted(self) -> int:
        return self.tp + self.fp

    @property
    def precision(self) -> float:
        """tp / predicted; 0 when nothing was predicted."""
        return _ratio(self.tp, self.predicted)

    @property
    def recall(self) -> float:
        """tp / gold; 0 when the gold has nothing."""
        return _ratio(self.tp, self.gold)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def to_dict(self) -> dict[str, Any]:
        return {"gold": self.gold, "predicted": self.predicted, "tp": self.tp, "fp": self.fp,
                "fn": self.fn, "precision": self.precision, "recall": self.recall,
                "f1": self.f1}


@dataclass(slots=True)
class FlagScore:
    """Agreement on one boolean flag over the sentence-level matches.

    ``tp``/``fp``/``fn`` count the value ``True`` (gold and predicted true, only
    predicted true, only gold true), since a flag that is rarely true can have a
    high accuracy while being always wrong when it matters.
    """

    name: str
    matched: int = 0
    agree: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def accuracy(self) -> float:
        return _ratio(self.agree, self.matched)

    def add(self, gold: bool, predicted: bool) -> None:
        self.matched += 1
        self.agree += gold == predicted
        self.tp += gold and predicted
        self.fp += predicted and not gold
        self.fn += gold and not predicted

    def to_dict(self) -> dict[str, Any]:
        true = Score(self.tp, self.fp, self.fn)
        return {"matched": self.matched, "agree": self.agree, "accuracy": self.accuracy,
                "gold_true": true.gold, "predicted_true": true.predicted, "both_true": self.tp,
                "precision_true": true.precision, "recall_true": true.recall}


@dataclass(slots=True)
class ErrorItem:
    """A sentence-level error: a false positive, a miss, or a wrong flag.

    ``kind`` is ``"false_positive"``, ``"miss"`` or ``"flag"``. ``evidence`` is the
    sentence (the predicted one for false positives, the gold one otherwise);
    ``note`` says what the other side has there, when that helps ("gold here: ...",
    "the triple is matched in another sentence").
    """

    doc_id: str
    kind: str
    subject: str
    label: str
    object: str
    evidence: str
    start: int
    negated: bool = False
    hypothetical: bool = False
    trigger: str = ""
    method: str = ""
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}

    def triple(self) -> str:
        flags = [flag for flag in FLAGS if getattr(self, flag)]
        return (f"{self.subject} -[{self.label}]-> {self.object}"
                + (f" ({', '.join(flags)})" if flags else ""))


@dataclass
class EvaluationReport:
    """The result of an evaluation: scores, error lists and what was compared."""

    documents: int = 0
    actors: Score = field(default_factory=Score)
    labeled: Score = field(default_factory=Score)
    unlabeled: Score = field(default_factory=Score)
    sentence: Score = field(default_factory=Score)
    flags: dict[str, FlagScore] = field(
        default_factory=lambda: {name: FlagScore(name) for name in FLAGS})
    per_label: dict[str, dict[str, Score]] = field(default_factory=dict)
    subsets: dict[str, Score] = field(default_factory=dict)
    # distinct gold triples per document in their easiest class: "direct" (stated with
    # both names), "coref" (through a reference), "implicit" (not stated explicitly)
    classes: dict[str, Score] = field(
        default_factory=lambda: {name: Score() for name in GOLD_CLASSES})
    # predicted triples marked coref: tp = also in the gold, fp = not
    coref_predicted: Score = field(default_factory=Score)
    errors: list[ErrorItem] = field(default_factory=list)
    actor_errors: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    symmetric: frozenset[str] = DEFAULT_SYMMETRIC
    source: str | None = None
    pipeline: dict[str, Any] | None = None

    def label_score(self, label: str, level: str = "document") -> Score:
        """The score of one label at ``"document"`` or ``"sentence"`` level."""
        return self.per_label.setdefault(
            label, {"document": Score(), "sentence": Score()})[level]

    # -- output --------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-safe data (what ``banlens evaluate --json`` prints)."""
        return {
            "source": self.source,
            "pipeline": self.pipeline,
            "documents": self.documents,
            "symmetric_labels": sorted(self.symmetric),
            "actors": self.actors.to_dict(),
            "relations": {
                "labeled": self.labeled.to_dict(),
                "unlabeled": self.unlabeled.to_dict(),
                "sentence": self.sentence.to_dict(),
            },
            "flags": {name: flag.to_dict() for name, flag in self.flags.items()},
            "labels": {
                label: {level: score.to_dict() for level, score in levels.items()}
                for label, levels in sorted(self.per_label.items())
            },
            "gold_classes": {
                name: {"gold": s.gold, "found": s.tp, "recall": s.recall}
                for name, s in self.classes.items()
            },
            "coref_predicted": {"predicted": self.coref_predicted.predicted,
                                "correct": self.coref_predicted.tp,
                                "precision": self.coref_predicted.precision},
            "gold_subsets": {
                name: {"gold": s.gold, "found": s.tp, "recall": s.recall}
                for name, s in self.subsets.items()
            },
            "errors": [error.to_dict() for error in self.errors],
            "actor_errors": self.actor_errors,
            "warnings": self.warnings,
        }

    def format(self, errors: bool = False) -> str:
        """The report as text: Markdown tables that also read well in a terminal.

        With ``errors=True`` the false positives, misses and wrong flags follow,
        each with its sentence.
        """
        parts = [self._heading(), self._summary_table(), self._flag_table(),
                 self._label_table()]
        if any(s.gold for s in self.subsets.values()):
            parts.append(self._subset_table())
        if any(s.gold for s in self.classes.values()):
            parts.append(self._class_table())
        if self.warnings:
            parts.append("Warnings:\n\n" + "\n".join(f"- {w}" for w in self.warnings))
        if errors:
            parts.append(self._error_list())
        return "\n\n".join(parts) + "\n"

    def _heading(self) -> str:
        text = f"Evaluation on {self.documents} gold document" + (
            "s" if self.documents != 1 else "")
        if self.source:
            text += f" ({self.source})"
        if self.pipeline:
            text += f"; pipeline: {' → '.join(self.pipeline.get('components', []))}"
        return text + "."

    def _summary_table(self) -> str:
        rows = [
            ("Actors (document)", self.actors),
            ("Relations, labeled (document)", self.labeled),
            ("Relations, unlabeled (document)", self.unlabeled),
            ("Relations (sentence)", self.sentence),
        ]
        return _table(
            ("Measure", "Gold", "Pred", "TP", "Precision", "Recall", "F1"),
            [(name, s.gold, s.predicted, s.tp, _f(s.precision), _f(s.recall), _f(s.f1))
             for name, s in rows],
        )

    def _flag_table(self) -> str:
        matched = self.flags[FLAGS[0]].matched if self.flags else 0
        rows = []
        for name, flag in self.flags.items():
            rows.append((name, flag.matched, _f(flag.accuracy), flag.tp + flag.fn,
                         flag.tp + flag.fp, flag.tp))
        return (f"Flags on the {matched} sentence-level match" + ("es" if matched != 1 else "")
                + ":\n\n" + _table(("Flag", "Matched", "Accuracy", "Gold true", "Pred true",
                                    "Both true"), rows))

    def _label_table(self) -> str:
        rows = []
        for label in sorted(self.per_label):
            doc, sent = self.per_label[label]["document"], self.per_label[label]["sentence"]
            rows.append((label, doc.gold, doc.predicted, doc.tp, _f(doc.precision),
                         _f(doc.recall), _f(doc.f1), _f(sent.f1)))
        s = self.labeled
        rows.append(("all (micro)", s.gold, s.predicted, s.tp, _f(s.precision), _f(s.recall),
                     _f(s.f1), _f(self.sentence.f1)))
        return ("Per label (document level; last column: sentence-level F1):\n\n"
                + _table(("Label", "Gold", "Pred", "TP", "Precision", "Recall", "F1",
                          "F1 (sent.)"), rows))

    def _class_table(self) -> str:
        rows = [(name, s.gold, s.tp, _f(s.recall)) for name, s in self.classes.items()
                if s.gold]
        coref = self.coref_predicted
        note = (f"\n\nPredicted relations marked coref: {coref.predicted}, of them in the "
                f"gold {coref.tp} (precision {_f(coref.precision)})."
                if coref.predicted else "")
        return ("Recall of distinct gold relations by how they are stated (document level; "
                "a relation stated both ways counts as direct):\n\n"
                + _table(("Stated", "Gold", "Found", "Recall"), rows) + note)

    def _subset_table(self) -> str:
        rows = [(name, s.gold, s.tp, _f(s.recall)) for name, s in self.subsets.items() if s.gold]
        return ("Recall of gold relations by annotation (sentence level):\n\n"
                + _table(("Gold relations with", "Gold", "Found", "Recall"), rows))

    def _error_list(self) -> str:
        counts = {kind: sum(e.kind == kind for e in self.errors)
                  for kind in ("false_positive", "miss", "flag")}
        lines = [f"Errors (sentence level): {counts['false_positive']} false positive(s), "
                 f"{counts['miss']} miss(es), {counts['flag']} wrong flag(s)."]
        tags = {"false_positive": "FALSE POSITIVE", "miss": "MISS", "flag": "WRONG FLAG"}
        for error in self.errors:
            head = f"[{error.doc_id}] {tags[error.kind]}: {error.triple()}"
            if error.trigger:
                head += f"  trigger {error.trigger!r}"
            if error.method:
                head += f" ({error.method})"
            lines.append("")
            lines.append(head)
            lines.append(f"    {' '.join(error.evidence.split())}")
            if error.note:
                lines.append(f"    → {error.note}")
        if self.actor_errors:
            lines.append("")
            lines.append("Actor errors (document level):")
            for item in self.actor_errors:
                parts = []
                if item["missed"]:
                    parts.append("missed " + ", ".join(item["missed"]))
                if item["spurious"]:
                    parts.append("spurious " + ", ".join(item["spurious"]))
                lines.append(f"[{item['doc_id']}] " + "; ".join(parts))
        return "\n".join(lines)


def _f(value: float) -> str:
    return f"{value:.3f}"


def _table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A Markdown pipe table that reads as a table in a terminal too: wasabi aligns
    the columns (the first left, the others right) between columns of pipes."""
    cells = [[str(c) for c in headers]] + [[str(c).replace("|", "\\|") for c in r] for r in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    rule = ["-" * widths[0]] + ["-" * (w - 1) + ":" for w in widths[1:]]

    def piped(row: Sequence[str]) -> list[str]:
        return ["|", *(part for cell in row for part in (cell, "|"))]

    aligns = ["l", "l", "l"] + ["r", "l"] * (len(headers) - 1)  # pipes left-aligned
    lines = [piped(row) for row in (cells[0], rule, *cells[1:])]
    return table(lines, spacing=1, aligns=aligns, max_col=10_000).strip("\n")


# --- reading and checking gold --------------------------------------------------------


def _canonical(subject: str, label: str, obj: str, symmetric: frozenset[str]
               ) -> tuple[str, str, str]:
    """The triple as compared: symmetric labels put their actors in sorted order."""
    if label in symmetric and obj < subject:
        return obj, label, subject
    return subject, label, obj


def _pair(subject: str, label: str, obj: str, symmetric: frozenset[str]
          ) -> tuple[str, str, str]:
    """The unlabeled item: ('>', subject, object), or ('=', a, b) sorted if symmetric."""
    if label in symmetric:
        a, b = sorted((subject, obj))
        return "=", a, b
    return ">", subject, obj


def _pairs_compatible(gold: tuple[str, str, str], pred: tuple[str, str, str]) -> bool:
    if gold == pred:
        return True
    undirected = "=" in (gold[0], pred[0])
    return undirected and {gold[1], gold[2]} == {pred[1], pred[2]}


def _maximum_matching(candidates: Sequence[Sequence[int]]) -> dict[int, int]:
    """A maximum one-to-one matching: gold index -> predicted index.

    ``candidates[g]`` lists the predicted items gold item ``g`` may match, best
    first. Among the matchings with the most pairs, earlier gold items are matched
    first (when two gold items compete for one prediction, the first in the file
    wins), then each takes the best candidate it can: networkx's maximum-weight
    matching at maximum cardinality, with weights in that order of importance.
    """
    n = len(candidates)
    rank_total = n * max((len(options) for options in candidates), default=0) + 1
    graph = nx.Graph()
    for g, options in enumerate(candidates):
        for rank, p in enumerate(options):
            weight = (n - g) * rank_total + len(options) - rank
            graph.add_edge(("gold", g), ("predicted", p), weight=weight)
    pairs = nx.max_weight_matching(graph, maxcardinality=True)
    return dict(sorted((a[1], b[1]) if a[0] == "gold" else (b[1], a[1]) for a, b in pairs))


def _match_sets(gold: Iterable[Any], predicted: Iterable[Any],
                compatible: Callable[[Any, Any], bool]) -> int:
    """Number of one-to-one matches between two sets of items."""
    gold, predicted = sorted(gold), sorted(predicted)
    candidates = [[p for p, item in enumerate(predicted) if compatible(g, item)] for g in gold]
    return len(_maximum_matching(candidates))


@dataclass(slots=True)
class _Instance:
    """A relation in one sentence, gold or predicted."""

    key: tuple[str, str, str]
    relation: dict[str, Any]
    spans: list[tuple[int, int]]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def _gold_instances(record: dict[str, Any], symmetric: frozenset[str],
                    warnings: list[str]) -> list[_Instance]:
    out: list[_Instance] = []
    seen: set[tuple[Any, ...]] = set()
    for relation in record["relations"]:
        key = _canonical(relation["subject"], relation["label"], relation["object"], symmetric)
        spans = evidence_spans(record["text"], relation["evidence"])
        if (key, spans[0]) in seen:
            warnings.append(f"gold document {record['id']}: relation {' '.join(key)} is "
                            f"annotated twice in one sentence; counted once")
            continue
        seen.add((key, spans[0]))
        out.append(_Instance(key, relation, spans))
    return out


def _predicted_instances(record: dict[str, Any], symmetric: frozenset[str]) -> list[_Instance]:
    out: list[_Instance] = []
    seen: set[tuple[Any, ...]] = set()
    for i, relation in enumerate(record.get("relations") or []):
        where = f"predicted document {record['id']!r}, relations[{i}]"
        if not isinstance(relation, dict):
            raise InputError(f"{where}: expected a mapping")
        for name in _RELATION_FIELDS:
            if not isinstance(relation.get(name), str):
                raise InputError(f"{where}: field {name!r} must be a string")
        start, end = relation.get("start"), relation.get("end")
        if not isinstance(start, int) or not isinstance(end, int):
            raise InputError(f"{where}: fields 'start' and 'end' (evidence offsets) must be "
                             f"integers")
        key = _canonical(relation["subject"], relation["label"], relation["object"], symmetric)
        if (key, start, end) in seen:
            continue  # both directions of a symmetric relation in one sentence
        seen.add((key, start, end))
        out.append(_Instance(key, relation, [(start, end)]))
    return out


def _predicted_actor_ids(record: dict[str, Any]) -> set[str]:
    ids = set()
    for actor in record.get("actors") or []:
        actor_id = actor.get("id") if isinstance(actor, dict) else actor
        if not isinstance(actor_id, str):
            raise InputError(f"predicted document {record['id']!r}: every actor needs an "
                             f"'id' string, got {actor!r}")
        ids.add(actor_id)
    return ids


def _score_classes(report: EvaluationReport, gold: dict[str, Any],
                   predicted: dict[str, Any], sym: frozenset[str]) -> None:
    """Recall per gold class (document level, distinct triples) and the precision of
    the predicted relations marked coref (each one): the figures of the independent
    scorer."""
    rank = {name: n for n, name in enumerate(GOLD_CLASSES)}
    classes: dict[tuple[str, str, str], str] = {}
    for rel in gold["relations"]:
        name = "coref" if rel.get("coref") else (
            "direct" if rel.get("explicit", True) else "implicit")
        key = _canonical(rel["subject"], rel["label"], rel["object"], sym)
        if key not in classes or rank[name] < rank[classes[key]]:
            classes[key] = name
    found = {_canonical(r["subject"], r["label"], r["object"], sym)
             for r in predicted.get("relations", [])}
    for key, name in classes.items():
        report.classes[name].add(tp=int(key in found), fn=int(key not in found))
    # every predicted relation marked coref counts (as the independent scorer counts)
    coref = [_canonical(r["subject"], r["label"], r["object"], sym)
             for r in predicted.get("relations", []) if r.get("coref")]
    right = sum(key in classes for key in coref)
    report.coref_predicted.add(tp=right, fp=len(coref) - right)


def select_ids(gold: Sequence[dict[str, Any]], ids: str | None) -> list[dict[str, Any]]:
    """The gold documents whose id number is ``"odd"`` or ``"even"`` (all for None): a
    split to read errors on one half and measure on the other."""
    if ids is None:
        return list(gold)
    if ids not in ("odd", "even"):
        raise ValueError(f"ids must be 'odd' or 'even', not {ids!r}")
    want = 1 if ids == "odd" else 0
    return [d for d in gold
            if int("".join(c for c in str(d["id"]) if c.isdigit()) or 0) % 2 == want]


def _describe(key: tuple[str, str, str]) -> str:
    return f"{key[0]} -[{key[1]}]-> {key[2]}"


def _near(gold: _Instance, predicted: _Instance) -> bool:
    """Whether a gold and a predicted relation join the same two actors in overlapping
    sentences (whatever their labels and directions)."""
    return ({gold.key[0], gold.key[2]} == {predicted.key[0], predicted.key[2]}
            and any(_overlap(predicted.spans[0], span) > 0 for span in gold.spans))


def _note(here: str, near: list[str], elsewhere: bool, elsewhere_note: str) -> str:
    """What an error list shows under a miss or a false positive: what the other side
    has in that sentence, else whether it has the triple in another sentence."""
    if near:
        return f"{here}: " + "; ".join(near)
    return elsewhere_note if elsewhere else ""


# --- evaluation ----------------------------------------------------------------------


def evaluate_records(
    gold: Sequence[dict[str, Any]],
    predicted: Iterable[dict[str, Any]],
    *,
    symmetric: Iterable[str] | None = None,
) -> EvaluationReport:
    """Compare predicted document records with gold records, matched by ``id``.

    A gold document without a prediction counts as one where nothing was found;
    predictions for documents not in the gold are ignored (with a warning).

    Parameters
    ----------
    gold : sequence of dict
        Gold records (``id``, ``text``, ``actors``, ``relations`` with ``evidence``;
        see :func:`~banlens.evaluate.load_gold`).
    predicted : iterable of dict
        Records as made by :func:`banlens.doc_to_record`.
    symmetric : iterable of str or None
        The labels whose direction does not matter (default: the symmetric labels of
        the bundled relation lexicon).

    Returns
    -------
    EvaluationReport
        Scores, error lists and warnings; ``format()`` gives them as tables.

    Raises
    ------
    InputError
        For a malformed gold or predicted record.

    Examples
    --------
    >>> import banlens
    >>> nlp = banlens.load()
    >>> text = "Walmart unterstützt Oracle."
    >>> gold = [{"id": "g1", "text": text, "actors": ["walmart", "oracle"], "relations": [
    ...     {"subject": "walmart", "label": "supports", "object": "oracle", "evidence": text}]}]
    >>> report = banlens.evaluate_records(gold, [banlens.doc_to_record(nlp(text), doc_id="g1")])
    >>> report.labeled.f1, report.actors.f1
    (1.0, 1.0)
    """
    sym = frozenset(symmetric) if symmetric is not None else symmetric_labels()
    report = EvaluationReport(symmetric=sym)
    by_id: dict[str, dict[str, Any]] = {}
    for record in predicted:
        if not isinstance(record, dict) or "id" not in record:
            raise InputError("predicted records: every record needs an 'id'")
        doc_id = str(record["id"])
        if doc_id in by_id:
            raise InputError(f"predicted records: duplicate document id {doc_id!r}")
        by_id[doc_id] = record
    gold_ids: set[str] = set()
    for number, record in enumerate(gold, start=1):
        doc_id = check_gold_record(record, f"gold document {number}")
        if doc_id in gold_ids:
            raise InputError(f"gold document {number}: duplicate document id {doc_id!r}")
        gold_ids.add(doc_id)
        prediction = by_id.get(doc_id)
        if prediction is None:
            report.warnings.append(f"no prediction for gold document {doc_id!r}; counted as "
                                   f"nothing found")
            prediction = {"id": doc_id, "actors": [], "relations": []}
        _evaluate_document(report, doc_id, record, prediction)
    extra = sorted(set(by_id) - gold_ids)
    if extra:
        shown = ", ".join(repr(i) for i in extra[:5]) + (", …" if len(extra) > 5 else "")
        report.warnings.append(f"{len(extra)} predicted document(s) not in the gold were "
                               f"ignored: {shown}")
    report.documents = len(gold_ids)
    return report


def _evaluate_document(report: EvaluationReport, doc_id: str, gold: dict[str, Any],
                       predicted: dict[str, Any]) -> None:
    sym = report.symmetric
    # actors
    gold_actors, predicted_actors = set(gold["actors"]), _predicted_actor_ids(predicted)
    report.actors.add(tp=len(gold_actors & predicted_actors),
                      fp=len(predicted_actors - gold_actors),
                      fn=len(gold_actors - predicted_actors))
    if gold_actors != predicted_actors:
        report.actor_errors.append({"doc_id": doc_id,
                                    "missed": sorted(gold_actors - predicted_actors),
                                    "spurious": sorted(predicted_actors - gold_actors)})
    for relation in gold["relations"]:
        for role in ("subject", "object"):
            if relation[role] not in gold_actors:
                report.warnings.append(
                    f"gold document {doc_id!r}: relation argument {relation[role]!r} is not "
                    f"in the document's 'actors' list")

    gold_items = _gold_instances(gold, sym, report.warnings)
    predicted_items = _predicted_instances(predicted, sym)
    _score_classes(report, gold, predicted, sym)

    # document level, labeled and unlabeled
    gold_keys = {item.key for item in gold_items}
    predicted_keys = {item.key for item in predicted_items}
    report.labeled.add(tp=len(gold_keys & predicted_keys), fp=len(predicted_keys - gold_keys),
                       fn=len(gold_keys - predicted_keys))
    for key in gold_keys | predicted_keys:
        report.label_score(key[1], "document").add(
            tp=int(key in gold_keys and key in predicted_keys),
            fp=int(key not in gold_keys), fn=int(key not in predicted_keys))
    gold_pairs = {_pair(*key, sym) for key in gold_keys}
    predicted_pairs = {_pair(*key, sym) for key in predicted_keys}
    matched = _match_sets(gold_pairs, predicted_pairs, _pairs_compatible)
    report.unlabeled.add(tp=matched, fp=len(predicted_pairs) - matched,
                         fn=len(gold_pairs) - matched)

    # sentence level
    candidates = []
    for g in gold_items:
        options = []
        for p, item in enumerate(predicted_items):
            if item.key != g.key:
                continue
            overlap = max(_overlap(item.spans[0], span) for span in g.spans)
            if overlap > 0:
                options.append((-overlap, p))
        candidates.append([p for _, p in sorted(options)])
    pairs = _maximum_matching(candidates)
    matched_predicted = set(pairs.values())
    report.sentence.add(tp=len(pairs), fp=len(predicted_items) - len(pairs),
                        fn=len(gold_items) - len(pairs))

    for g_index, g in enumerate(gold_items):
        score = report.label_score(g.key[1], "sentence")
        found = g_index in pairs
        score.add(tp=int(found), fn=int(not found))
        for name in GOLD_SUBSETS:
            if g.relation.get(name) is True:
                report.subsets.setdefault(name, Score()).add(tp=int(found), fn=int(not found))
        if found:
            p = predicted_items[pairs[g_index]]
            wrong = []
            for flag in FLAGS:
                gold_value = bool(g.relation.get(flag, False))
                predicted_value = bool(p.relation.get(flag, False))
                report.flags[flag].add(gold_value, predicted_value)
                if gold_value != predicted_value:
                    wrong.append(f"{flag}: gold {str(gold_value).lower()}, "
                                 f"predicted {str(predicted_value).lower()}")
            if wrong:
                report.errors.append(_error(doc_id, "flag", g, p, "; ".join(wrong)))
        else:
            near = [_describe(p.key) for p in predicted_items if _near(g, p)]
            note = _note("found here", near, g.key in predicted_keys,
                         "the triple is found in another sentence of the document")
            categories = [name for name in ("coref", "nominal") if g.relation.get(name)]
            if g.relation.get("explicit") is False:
                categories.append("not explicit")
            if categories:
                note = "; ".join(filter(None, ["gold: " + ", ".join(categories), note]))
            report.errors.append(_error(doc_id, "miss", g, None, note))
    for p_index, p in enumerate(predicted_items):
        if p_index in matched_predicted:
            continue
        report.label_score(p.key[1], "sentence").add(fp=1)
        near = [_describe(g.key) for g in gold_items if _near(g, p)]
        note = _note("gold here", near, p.key in gold_keys,
                     "the gold has this triple in another sentence")
        report.errors.append(_error(doc_id, "false_positive", None, p, note))


def _error(doc_id: str, kind: str, gold: _Instance | None, predicted: _Instance | None,
           note: str) -> ErrorItem:
    shown = predicted if kind == "false_positive" else gold
    assert shown is not None
    relation = shown.relation
    trigger_from = predicted.relation if predicted is not None else {}
    evidence = relation.get("evidence") or ""
    return ErrorItem(
        doc_id=doc_id, kind=kind, subject=relation["subject"], label=relation["label"],
        object=relation["object"], evidence=str(evidence), start=shown.spans[0][0],
        negated=bool(relation.get("negated", False)),
        hypothetical=bool(relation.get("hypothetical", False)),
        trigger=str(trigger_from.get("trigger") or ""),
        method=str(trigger_from.get("method") or ""), note=note,
    )


def symmetric_labels(nlp: Language | None = None) -> frozenset[str]:
    """The symmetric labels of ``nlp``'s relation lexicon, else of the bundled one.

    Falls back to :data:`DEFAULT_SYMMETRIC` if no lexicon can be read.
    """
    lexicon = None
    if nlp is not None and "banlens_relations" in nlp.pipe_names:
        lexicon = getattr(nlp.get_pipe("banlens_relations"), "lexicon", None)
    if lexicon is None:
        try:
            from ..relations.lexicon import load_lexicon

            lexicon = load_lexicon()
        except Exception:  # the default set is a safe answer
            return DEFAULT_SYMMETRIC
    return frozenset(name for name, spec in lexicon.labels.items() if spec.symmetric)


def predict(nlp: Language, gold: Sequence[dict[str, Any]], batch_size: int = 16
            ) -> list[dict[str, Any]]:
    """Run ``nlp`` over the gold texts; return one record per document."""
    from ..pipeline import pipe

    records = []
    items = ((record["text"], record) for record in gold)
    for doc, record in pipe(nlp, items, batch_size=batch_size):
        doc._.doc_id = str(record["id"])
        doc._.date = record.get("date")
        records.append(doc_to_record(doc))
    return records


def evaluate_file(
    gold_path: str | Path,
    nlp: Language,
    *,
    symmetric: Iterable[str] | None = None,
    ids: str | None = None,
    min_confidence: float = 0.0,
) -> EvaluationReport:
    r"""Run ``nlp`` over the texts of a gold JSONL file and score it.

    Parameters
    ----------
    gold_path : str or Path
        The gold file (one document per line; format: :func:`~banlens.evaluate.load_gold`).
    nlp : spacy.language.Language
        A banlens pipeline (:func:`banlens.load`).
    symmetric : iterable of str or None
        Labels whose direction does not matter; default: the symmetric labels of the
        pipeline's relation lexicon.
    ids : {"odd", "even"} or None
        Only the documents whose id number is odd or even (read errors on one half,
        measure on the other).
    min_confidence : float
        Drop predicted relations whose confidence is below this.

    Returns
    -------
    EvaluationReport
        As :func:`evaluate_records`, with the file and the pipeline recorded.

    Raises
    ------
    InputError
        For a missing or malformed gold file (naming the line and the field).

    Examples
    --------
    >>> import json, banlens
    >>> text = "Walmart unterstützt Oracle."
    >>> line = {"id": "g1", "text": text, "actors": ["walmart", "oracle"], "relations": [
    ...     {"subject": "walmart", "label": "supports", "object": "oracle", "evidence": text}]}
    >>> with open("gold.jsonl", "w", encoding="utf-8") as f:
    ...     _ = f.write(json.dumps(line) + "\n")
    >>> report = banlens.evaluate_file("gold.jsonl", banlens.load())
    >>> report.documents, report.sentence.tp
    (1, 1)
    """
    gold = select_ids(load_gold(gold_path), ids)
    sym = frozenset(symmetric) if symmetric is not None else symmetric_labels(nlp)
    predicted = predict(nlp, gold)
    if min_confidence > 0:
        for record in predicted:
            record["relations"] = [r for r in record["relations"]
                                   if r.get("confidence", 1.0) >= min_confidence]
    report = evaluate_records(gold, predicted, symmetric=sym)
    report.source = str(gold_path) + (f" ({ids} ids)" if ids else "")
    report.pipeline = {"lang": nlp.lang, "components": list(nlp.pipe_names)}
    return report
