"""The actor network: documents in, a networkx ``MultiDiGraph`` out.

Two graphs, one builder:

Instance graph (:func:`build_graph`, :class:`GraphBuilder`)
    One node per actor id and one edge per relation instance, keyed by a globally
    unique, stable id (``"<doc id>#r<index>"``, the relation's position in its
    document), so graphs built in parallel merge without clashes and every edge leads
    back to its sentence. Node attributes: ``label`` (display name), ``actor_type``,
    ``mentions``, ``documents`` and, when documents carry dates, ``first_seen`` and
    ``last_seen`` (ISO-8601). Edge attributes: ``relation``, ``plover``, ``quad``,
    ``symmetric``, ``doc_id``, the relation's fields in the record
    (:data:`EDGE_FIELDS`: ``negated``, ``hypothetical``, ``evidence``, ``start``,
    ``end``, ``trigger``, ``method``, ``confidence``, ``coref``) and ``date`` (when
    known).

Aggregated graph (:func:`aggregate`)
    One edge per (source, relation, target), keyed by the relation, with ``weight``
    (number of instances), ``documents``, counts of ``negated``, ``hypothetical`` and
    ``coref`` instances and a few evidence samples. Symmetric relations are stored
    once, from the smaller to the larger actor id.

The builder takes processed spaCy Docs or their JSON records
(:func:`banlens.doc_to_record`, the JSONL contract), so a corpus can stream through
``nlp.pipe`` without keeping Docs, and worker processes can send records.
:meth:`GraphBuilder.merge` (or :func:`merge_graphs`) combines partial graphs; the
result equals one builder over all inputs.

Co-occurrence (optional, ``cooccurrence=True``): for every document and pair of
actors named in the same sentence, one edge with relation :data:`COOCCURS`
(``sentences`` = how many sentences). It needs sentence offsets: Docs give them;
records need a ``sentences`` field, which :func:`graph_record` adds.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

import networkx as nx
from spacy.tokens import Doc

from .errors import BanlensError, InputError
from .records import RELATION_FIELDS, CheckedRecord, check_record, doc_to_record
from .relations.lexicon import load_lexicon

#: Relation name of sentence-level co-occurrence edges.
COOCCURS = "co_occurs"
#: Graph settings stored in ``G.graph``; graphs merge only when they agree.
SETTINGS = ("include_negated", "include_hypothetical", "cooccurrence")
#: Fields of a record's relation that its instance edge carries as they are: all of
#: them (:data:`banlens.records.RELATION_FIELDS`) but the edge's ends, its label (the
#: ``relation`` attribute) and ``references`` (a mapping; ``coref`` says there is one).
EDGE_FIELDS = tuple(name for name in RELATION_FIELDS
                    if name not in ("subject", "object", "label", "references"))

LabelInfo = Mapping[str, tuple[str, str, bool]]
DocLike = Doc | Mapping[str, Any]


# -- inputs ------------------------------------------------------------------------


def graph_record(doc: Doc, *, sentences: bool = True, **meta: Any) -> dict[str, Any]:
    """The record of a Doc (:func:`banlens.doc_to_record`) plus what the graph uses.

    Relations get ``plover``/``quad`` when the extractor chose them (a trigger can
    override its label's PLOVER type); records without them get the label's.

    ``sentences`` lists ``[start, end, text]`` for each sentence that names at
    least two different actors: all that co-occurrence edges need, small enough to
    send from worker processes.
    """
    record = doc_to_record(doc, **meta)
    for rel, full in zip(record["relations"], doc._.relations, strict=True):
        for name in ("plover", "quad"):  # the trigger's own PLOVER type, if it has one
            if full.extra.get(name) and name not in rel:
                rel[name] = full.extra[name]
    if sentences:
        spans = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
        actors = [(span.start_char, span.kb_id_) for span in doc._.actors]
        record["sentences"] = [
            [sent.start_char, sent.end_char, sent.text]
            for sent in spans
            if len({a for start, a in actors if sent.start_char <= start < sent.end_char}) > 1
        ]
    return record


@lru_cache(maxsize=1)
def _default_label_info() -> dict[str, tuple[str, str, bool]]:
    return load_lexicon().label_info()


def _label_info(lexicon: Any) -> dict[str, tuple[str, str, bool]]:
    """``{label: (plover, quad, symmetric)}`` from a lexicon, a mapping or the default."""
    if lexicon is None:
        return dict(_default_label_info())
    if hasattr(lexicon, "label_info"):
        return dict(lexicon.label_info())
    if isinstance(lexicon, Mapping):
        info = {}
        for label, value in lexicon.items():
            try:
                plover, quad, symmetric = value
            except (TypeError, ValueError):
                raise BanlensError(
                    f"lexicon entry {label!r}: expected (plover, quad, symmetric), got {value!r}"
                ) from None
            info[str(label)] = (str(plover or ""), str(quad or ""), bool(symmetric))
        return info
    raise TypeError(
        "lexicon must be a RelationLexicon, a mapping label -> (plover, quad, symmetric) "
        f"or None, not {type(lexicon).__name__}"
    )


@lru_cache(maxsize=4096)
def _date_key(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


def _earliest(a: str | None, b: str | None) -> str | None:
    if a is None or b is None:
        return a if b is None else b
    return a if _date_key(a) <= _date_key(b) else b


def _latest(a: str | None, b: str | None) -> str | None:
    if a is None or b is None:
        return a if b is None else b
    return a if _date_key(a) >= _date_key(b) else b


# -- building ----------------------------------------------------------------------


def _better(current: str, candidate: str, fallback: str) -> str:
    """Order-independent choice among names: any real name beats the fallback, and of
    two real names the smaller wins (so merged results do not depend on order)."""
    if not candidate or candidate == fallback:
        return current
    if not current or current == fallback:
        return candidate
    return min(current, candidate)


def _update_node(G: nx.MultiDiGraph, node: str, attrs: Mapping[str, Any]) -> None:
    """Fold one document's (or one graph's) view of an actor into node ``node``."""
    if node not in G:
        G.add_node(node, label=node, actor_type="", mentions=0, documents=0)
    data = G.nodes[node]
    data["label"] = _better(data.get("label", node), attrs.get("label", ""), node)
    data["actor_type"] = _better(data.get("actor_type", ""), attrs.get("actor_type", ""), "")
    data["mentions"] = data.get("mentions", 0) + attrs.get("mentions", 0)
    data["documents"] = data.get("documents", 0) + attrs.get("documents", 0)
    first = _earliest(data.get("first_seen"), attrs.get("first_seen"))
    last = _latest(data.get("last_seen"), attrs.get("last_seen"))
    if first is not None:
        data["first_seen"], data["last_seen"] = first, last


class GraphBuilder:
    """Builds the instance graph one document at a time.

    >>> builder = GraphBuilder()
    >>> for doc in nlp.pipe(texts):          # doctest: +SKIP
    ...     builder.add(doc)
    >>> G = builder.graph

    ``include_negated``/``include_hypothetical`` decide which relation instances
    become edges (negated ones are left out by default); actors count in any case.
    ``cooccurrence=True`` adds :data:`COOCCURS` edges. ``lexicon`` gives each label
    its PLOVER type, quad class and symmetry: a :class:`banlens.RelationLexicon`, a
    mapping ``label -> (plover, quad, symmetric)``, or None for the default lexicon;
    labels it does not know get empty ``plover``/``quad`` and are not symmetric.
    """

    def __init__(
        self,
        *,
        include_negated: bool = False,
        include_hypothetical: bool = True,
        cooccurrence: bool = False,
        lexicon: Any = None,
    ) -> None:
        self.include_negated = include_negated
        self.include_hypothetical = include_hypothetical
        self.cooccurrence = cooccurrence
        self._info = _label_info(lexicon)
        self.graph = nx.MultiDiGraph(
            banlens="instances",
            include_negated=include_negated,
            include_hypothetical=include_hypothetical,
            cooccurrence=cooccurrence,
        )
        self.doc_ids: set[str] = set()

    def add(self, doc: DocLike) -> str:
        """Add one processed Doc or document record; return its document id.

        A record is checked completely before anything is added: a bad record raises
        :class:`banlens.InputError` (naming the document, item and field) and leaves
        the graph as it was. Document ids must be unique (edge ids derive from them);
        a document without an id gets one from a hash of its content.
        """
        if isinstance(doc, Doc):
            if "banlens_actors" not in doc.spans and doc._.relation_records is None:
                raise InputError(
                    f"document {doc._.doc_id or doc.text[:40]!r} was not processed by a "
                    "banlens pipeline (no actors, no relations): use nlp = banlens.load()"
                )
            record: Mapping[str, Any] = graph_record(doc, sentences=self.cooccurrence)
            if record.get("id") is None:
                record = {**record, "text": doc.text}
        elif isinstance(doc, Mapping):
            record = doc
        else:
            raise InputError(
                f"expected a processed spaCy Doc or a document record (dict), "
                f"got {type(doc).__name__}"
            )
        rec = check_record(record, need_sentences=self.cooccurrence)
        if rec.id in self.doc_ids:
            raise InputError(
                f"document {rec.id!r} was already added; document ids must be unique "
                "because edge ids derive from them"
            )
        self.doc_ids.add(rec.id)
        self._add_nodes(rec)
        self._add_relations(rec)
        if self.cooccurrence:
            self._add_cooccurrences(rec)
        return rec.id

    def update(self, docs: Iterable[DocLike]) -> GraphBuilder:
        """Add every document of ``docs``; return the builder."""
        for doc in docs:
            self.add(doc)
        return self

    def _add_nodes(self, rec: CheckedRecord) -> None:
        mentions = Counter(actor.id for actor in rec.actors)
        names: dict[str, set[str]] = {}
        types: dict[str, set[str]] = {}
        for actor in rec.actors:
            names.setdefault(actor.id, set()).add(actor.name)
            types.setdefault(actor.id, set()).add(actor.type)
        present = dict.fromkeys(mentions)
        for rel in rec.relations:
            present.setdefault(rel["subject"])
            present.setdefault(rel["object"])
        for actor_id in present:
            label = ""
            for name in names.get(actor_id, ()):
                label = _better(label, name, actor_id)
            kind = ""
            for found in types.get(actor_id, ()):
                kind = _better(kind, found, "")
            _update_node(self.graph, actor_id, {
                "label": label, "actor_type": kind, "mentions": mentions.get(actor_id, 0),
                "documents": 1, "first_seen": rec.date, "last_seen": rec.date,
            })

    def _add_relations(self, rec: CheckedRecord) -> None:
        for i, rel in enumerate(rec.relations):
            if rel["negated"] and not self.include_negated:
                continue
            if rel["hypothetical"] and not self.include_hypothetical:
                continue
            plover, quad, symmetric = self._info.get(rel["label"], ("", "", False))
            plover, quad = rel["plover"] or plover, rel["quad"] or quad
            attrs = {
                "relation": rel["label"],
                "plover": plover,
                "quad": quad,
                "symmetric": symmetric,
                "doc_id": rec.id,
                **{name: rel[name] for name in EDGE_FIELDS},
            }
            if rec.date is not None:
                attrs["date"] = rec.date
            self.graph.add_edge(rel["subject"], rel["object"], key=f"{rec.id}#r{i}", **attrs)

    def _add_cooccurrences(self, rec: CheckedRecord) -> None:
        pairs: dict[tuple[str, str], list[tuple[int, int, str | None]]] = {}
        for start, end, text in rec.sentences or ():
            ids = sorted({a.id for a in rec.actors if start <= a.start < end})
            for i, a in enumerate(ids):
                for b in ids[i + 1:]:
                    pairs.setdefault((a, b), []).append((start, end, text))
        for j, ((a, b), sents) in enumerate(sorted(pairs.items())):
            start, end, text = sents[0]
            attrs: dict[str, Any] = {
                "relation": COOCCURS, "plover": "", "quad": "", "symmetric": True,
                "sentences": len(sents), "doc_id": rec.id, "start": start, "end": end,
            }
            if text is not None:
                attrs["evidence"] = text
            if rec.date is not None:
                attrs["date"] = rec.date
            self.graph.add_edge(a, b, key=f"{rec.id}#c{j}", **attrs)

    def merge(self, other: GraphBuilder | nx.MultiDiGraph) -> GraphBuilder:
        """Add the documents of another builder (or its graph) to this one.

        The result equals one builder over the documents of both. Raises
        :class:`banlens.InputError` if both saw the same document and
        :class:`banlens.BanlensError` if their settings differ.
        """
        if isinstance(other, GraphBuilder):
            shared = self.doc_ids & other.doc_ids
            if shared:
                raise InputError(
                    f"both builders contain document(s) {sorted(shared)[:5]}; "
                    "each document must be added once"
                )
            merge_into(self.graph, other.graph)
            self.doc_ids |= other.doc_ids
        else:
            merge_into(self.graph, other)
            self.doc_ids |= {d["doc_id"] for _, _, d in other.edges(data=True) if "doc_id" in d}
        return self


def merge_into(G: nx.MultiDiGraph, other: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Fold instance graph ``other`` into ``G`` (changed in place and returned)."""
    for name in SETTINGS:
        if name in G.graph and name in other.graph and G.graph[name] != other.graph[name]:
            raise BanlensError(
                f"cannot merge graphs built with different settings: {name}="
                f"{G.graph[name]!r} and {other.graph[name]!r}"
            )
    keys = {key for _, _, key in G.edges(keys=True)}
    clashes = [key for _, _, key in other.edges(keys=True) if key in keys]
    if clashes:
        raise InputError(
            f"edge id(s) {clashes[:5]} are in both graphs: the same document was added twice"
        )
    for node, data in other.nodes(data=True):
        _update_node(G, node, data)
    G.add_edges_from((u, v, key, dict(data)) for u, v, key, data in other.edges(keys=True,
                                                                               data=True))
    for name, value in other.graph.items():
        G.graph.setdefault(name, value)
    return G


def merge_graphs(*graphs: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A new instance graph combining ``graphs`` (e.g. from parallel workers).

    Parameters
    ----------
    *graphs : networkx.MultiDiGraph
        Instance graphs of :func:`build_graph` over different documents, built with
        the same settings.

    Returns
    -------
    networkx.MultiDiGraph
        The graph :func:`build_graph` gives for all their documents at once.

    Raises
    ------
    InputError
        When a document is in two of the graphs.

    Examples
    --------
    >>> import banlens
    >>> nlp = banlens.load()
    >>> left = banlens.build_graph(nlp("Oracle verhandelt mit Bytedance."))
    >>> right = banlens.build_graph(nlp("Walmart unterstützt Oracle."))
    >>> sorted(banlens.merge_graphs(left, right).nodes)
    ['bytedance', 'oracle', 'walmart']
    """
    if not graphs:
        return GraphBuilder().graph
    G = graphs[0].copy()
    for other in graphs[1:]:
        merge_into(G, other)
    return G


def build_graph(
    docs: Iterable[DocLike] | DocLike,
    *,
    include_negated: bool = False,
    include_hypothetical: bool = True,
    cooccurrence: bool = False,
    lexicon: Any = None,
) -> nx.MultiDiGraph:
    """The instance graph of ``docs``: one node per actor, one edge per relation found.

    Parameters
    ----------
    docs : Doc, dict or iterable of them
        Processed Docs or their records (:func:`banlens.doc_to_record`).
    include_negated : bool, default False
        Keep negated relations (marked ``negated``).
    include_hypothetical : bool, default True
        Keep hypothetical relations (marked ``hypothetical``).
    cooccurrence : bool, default False
        Add an edge for every pair of actors named in one sentence.
    lexicon : RelationLexicon, mapping or None
        Where labels get their PLOVER type, quad class and symmetry (default: bundled).

    Returns
    -------
    networkx.MultiDiGraph
        Edge keys are ``"<doc id>#r<n>"``; see :class:`GraphBuilder` for the attributes.

    Raises
    ------
    InputError
        For a record that cannot be read (naming the document, the item and the field)
        or a document id given twice.

    Examples
    --------
    >>> import banlens
    >>> nlp = banlens.load()
    >>> docs = nlp.pipe(["Oracle verhandelt mit Bytedance.", "Walmart unterstützt Oracle."])
    >>> G = banlens.build_graph(docs)
    >>> sorted(G.edges(data="relation"))
    [('oracle', 'bytedance', 'negotiates_with'), ('walmart', 'oracle', 'supports')]
    """
    if isinstance(docs, Doc | Mapping):
        docs = [docs]
    builder = GraphBuilder(
        include_negated=include_negated,
        include_hypothetical=include_hypothetical,
        cooccurrence=cooccurrence,
        lexicon=lexicon,
    )
    return builder.update(docs).graph


# -- aggregating -------------------------------------------------------------------


def _sample_key(data: Mapping[str, Any]) -> tuple[Any, ...]:
    """Best evidence first: asserted before negated/hypothetical, confident, early."""
    return (
        bool(data.get("negated")),
        bool(data.get("hypothetical")),
        -float(data.get("confidence") or 0.0),
        str(data.get("date") or "\uffff"),
        str(data.get("doc_id", "")),
        data.get("start") if isinstance(data.get("start"), int) else -1,
    )


def _most_common(values: Iterable[str]) -> str:
    """The most frequent value; ties go to the smallest, so order does not matter."""
    counts = Counter(values)
    return min(counts, key=lambda value: (-counts[value], value)) if counts else ""


def aggregate(
    G: nx.MultiDiGraph, *, cooccurrence: bool = False, samples: int = 3
) -> nx.MultiDiGraph:
    """One edge per (source, relation, target), keyed by the relation.

    Edge attributes: ``relation``, ``plover``, ``quad``, ``symmetric``, ``weight``
    (number of instances; for :data:`COOCCURS`, number of sentences), ``documents``,
    ``negated``, ``hypothetical`` and ``coref`` (how many instances were),
    ``confidence`` (mean), ``methods``, up to ``samples`` ``evidence`` sentences with
    their ``doc_ids`` (best first: asserted, confident, early), and, when dated,
    ``first_seen``, ``last_seen`` and ``dates`` (sorted distinct dates, the timeline
    spells of the GEXF file). Symmetric relations are stored once, from the smaller
    actor id to the larger. Nodes are copied unchanged.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An instance graph (:func:`build_graph`).
    cooccurrence : bool, default False
        Keep the co-occurrence edges; needs a graph built with ``cooccurrence=True``.
    samples : int, default 3
        How many evidence sentences an edge keeps.

    Returns
    -------
    networkx.MultiDiGraph
        The aggregated graph (``G.graph["banlens"] == "aggregated"``).

    Raises
    ------
    BanlensError
        For an edge without a ``relation``, or ``cooccurrence=True`` on a graph without
        co-occurrence edges.

    Examples
    --------
    >>> import banlens
    >>> nlp = banlens.load()
    >>> docs = nlp.pipe(["Walmart unterstützt Oracle.", "Walmart unterstützt Oracle erneut."])
    >>> A = banlens.aggregate(banlens.build_graph(docs))
    >>> [(u, v, d["relation"], d["weight"]) for u, v, d in A.edges(data=True)]
    [('walmart', 'oracle', 'supports', 2)]
    """
    if samples < 0:
        raise ValueError("samples must be 0 or more")
    if cooccurrence and not G.graph.get("cooccurrence"):
        raise BanlensError(
            "aggregate(cooccurrence=True) needs a graph built with "
            "build_graph(..., cooccurrence=True)"
        )
    A = nx.MultiDiGraph()
    A.graph.update(G.graph)
    A.graph["banlens"] = "aggregated"
    A.graph["cooccurrence"] = bool(cooccurrence and G.graph.get("cooccurrence"))
    A.add_nodes_from((node, dict(data)) for node, data in G.nodes(data=True))

    groups: dict[tuple[str, str, str], list[Mapping[str, Any]]] = {}
    for u, v, data in G.edges(data=True):
        relation = data.get("relation")
        if relation is None:
            raise BanlensError(f"edge {u!r} -> {v!r} has no 'relation' attribute")
        if relation == COOCCURS and not cooccurrence:
            continue
        if data.get("symmetric") and str(v) < str(u):
            u, v = v, u
        groups.setdefault((u, relation, v), []).append(data)

    for (u, relation, v), items in sorted(groups.items(), key=lambda kv: tuple(map(str, kv[0]))):
        first = items[0]
        ranked = sorted(items, key=_sample_key)
        evidence: list[str] = []
        doc_ids: list[str] = []
        for data in ranked:
            if len(evidence) >= samples:
                break
            text = data.get("evidence")
            if text and text not in evidence:
                evidence.append(text)
                doc_ids.append(str(data.get("doc_id", "")))
        dates = sorted({d["date"] for d in items if d.get("date")}, key=_date_key)
        confidences = [float(d["confidence"]) for d in items if d.get("confidence") is not None]
        if relation == COOCCURS:
            weight = sum(int(d.get("sentences", 1)) for d in items)
        else:
            weight = len(items)
        attrs: dict[str, Any] = {
            "relation": relation,
            "plover": _most_common(d.get("plover", "") for d in items),
            "quad": _most_common(d.get("quad", "") for d in items),
            "symmetric": bool(first.get("symmetric", False)),
            "weight": weight,
            "documents": len({d.get("doc_id") for d in items}),
            "negated": sum(bool(d.get("negated")) for d in items),
            "hypothetical": sum(bool(d.get("hypothetical")) for d in items),
            "coref": sum(bool(d.get("coref")) for d in items),
            "methods": sorted({d["method"] for d in items if d.get("method")}),
            "evidence": evidence,
            "doc_ids": doc_ids,
        }
        if confidences:
            attrs["confidence"] = round(sum(confidences) / len(confidences), 4)
        if dates:
            attrs["first_seen"], attrs["last_seen"], attrs["dates"] = dates[0], dates[-1], dates
        A.add_edge(u, v, key=relation, **attrs)
    return A
