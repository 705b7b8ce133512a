"""The ``banlens_relations`` spaCy component: who does what to whom, per sentence.

It reads the actor mentions in ``doc.spans["banlens_actors"]`` and the relation
lexicon, and stores one record per (subject, label, object) and sentence in
``doc._.relation_records`` (read them as :class:`banlens.Relation` objects through
``doc._.relations``). Two strategies sit behind it:

* ``tree`` (:mod:`banlens.relations.tree`) when the doc has a dependency parse
  (a German spaCy model with TIGER labels);
* ``surface`` (:mod:`banlens.relations.surface`) otherwise: word order, lemmas,
  articles and prepositions.

``strategy="auto"`` (default) picks per document. The lexicon travels with the
pipeline: ``nlp.to_disk`` writes it next to the component's config and
``spacy.load`` reads it back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import Any

import spacy
import srsly
from spacy.language import Language
from spacy.tokens import Doc

from ..actors.mentions import doc_mentions, sentence_mentions
from ..annotations import ACTOR_SPANS_KEY, REFERENCE, register
from ..errors import LexiconError
from ..german.words import ARTICLE_CASES
from .findings import to_records
from .lexicon import RelationLexicon, load_lexicon
from .surface import SurfaceExtractor, SurfaceText
from .tree import TreeExtractor

__all__ = ["RelationExtractor", "make_relation_extractor"]

STRATEGIES = ("auto", "tree", "surface")
# A relation whose argument is a resolved reference keeps this share of its rule's
# confidence: the resolution can be wrong where the name could not be.
REFERENCE_CONFIDENCE = 0.85
# The default operating point: findings weaker than a weak trigger read with its own
# arguments (0.5, e.g. "Kontakt aufnehmen") are dropped - such a trigger through a
# resolved reference is too uncertain. 0 keeps everything (a recall-oriented network);
# 0.7 keeps only verbs, passives, reciprocal and noun readings with their arguments in
# place (precision first). docs/evaluation.md shows the curve.
DEFAULT_MIN_CONFIDENCE = 0.5
LEXICON_FILE = "lexicon.json"


@Language.factory(
    "banlens_relations",
    default_config={"lexicon": None, "extend_default": True, "strategy": "auto",
                    "min_confidence": DEFAULT_MIN_CONFIDENCE},
    assigns=["doc._.relation_records"],
    requires=["doc.spans", "token.lemma"],
)
def make_relation_extractor(
    nlp: Language,
    name: str,
    lexicon: str | None,
    extend_default: bool,
    strategy: str,
    min_confidence: float,
) -> RelationExtractor:
    """Create the relation extractor (``nlp.add_pipe("banlens_relations")``).

    ``lexicon``: path of a YAML relation lexicon (None = the bundled one);
    ``extend_default``: add it to the bundled lexicon (True) or replace it (False);
    ``strategy``: "auto", "tree" or "surface"; ``min_confidence``: drop weaker
    findings.
    """
    return RelationExtractor(nlp, name, lexicon=lexicon, extend_default=extend_default,
                             strategy=strategy, min_confidence=min_confidence)


def _only_described(doc: Doc, mentions: list) -> dict[str, str]:
    """Actors that a sentence names only through a resolved reference, with the words
    of the reference ("das Geldhaus", "Sie")."""
    named = {m.actor for m in mentions if m.kind != REFERENCE}
    out: dict[str, str] = {}
    for m in mentions:
        if m.kind == REFERENCE and m.actor not in named and m.actor not in out:
            start = m.start
            while start > 0 and start - m.start > -4 and (
                    doc[start - 1].lower_ in ARTICLE_CASES or (
                        doc[start - 1].is_alpha and doc[start - 1].text.islower()
                        and doc[start - 1].lower_.endswith(("e", "en", "er", "es", "em")))):
                start -= 1
                if doc[start].lower_ in ARTICLE_CASES:
                    break
            out[m.actor] = doc[start:m.end].text
    return out


class RelationExtractor:
    """Extract actor-to-actor relations into ``doc._.relation_records``.

    The relation lexicon comes from the ``lexicon`` setting (a file, for the
    pipeline's config), from :meth:`initialize` (``nlp.initialize()``, or its
    ``[initialize.components.banlens_relations]`` block) or from :meth:`set_lexicon`.
    It is stored with the pipeline (``lexicon.json``).
    """

    def __init__(
        self,
        nlp: Language | None = None,
        name: str = "banlens_relations",
        *,
        lexicon: str | Path | RelationLexicon | None = None,
        extend_default: bool = True,
        strategy: str = "auto",
        min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    ) -> None:
        if strategy not in STRATEGIES:
            raise ValueError(f"banlens_relations: strategy must be one of {STRATEGIES}, "
                             f"not {strategy!r}")
        register()
        self.name = name
        self.strategy = strategy
        self.min_confidence = float(min_confidence)
        self._lexicon_path = lexicon
        self._extend_default = extend_default
        self._lexicon: RelationLexicon | None = None
        if isinstance(lexicon, RelationLexicon):
            self.set_lexicon(lexicon)
        elif lexicon is None or Path(lexicon).exists():
            # A missing path is only an error if nothing replaces it: spacy.load
            # builds the component from its config and then calls from_disk.
            self.set_lexicon(load_lexicon(lexicon, extends=extend_default))

    @property
    def lexicon(self) -> RelationLexicon:
        if self._lexicon is None:
            # raises LexiconError naming the missing file
            self.set_lexicon(load_lexicon(self._lexicon_path, extends=self._extend_default))
        assert self._lexicon is not None
        return self._lexicon

    def set_lexicon(self, lexicon: RelationLexicon) -> None:
        """Use ``lexicon`` from now on."""
        if not isinstance(lexicon, RelationLexicon):
            raise LexiconError(f"expected a RelationLexicon, got {type(lexicon).__name__}")
        self._lexicon = lexicon
        self._surface = SurfaceExtractor(lexicon)
        self._tree = TreeExtractor(lexicon)

    def __call__(self, doc: Doc) -> Doc:
        lexicon = self.lexicon
        records: list[dict[str, Any]] = []
        if ACTOR_SPANS_KEY in doc.spans and len(doc.spans[ACTOR_SPANS_KEY]) >= 2:
            use_tree = self.strategy == "tree" or (
                self.strategy == "auto" and doc.has_annotation("DEP")
            )
            if use_tree:
                extract = partial(self._tree.extract, doc)
            else:  # the surface rules read the document as plain values, once
                extract = partial(self._surface.extract, SurfaceText.of(doc))
            in_doc = doc_mentions(doc)
            types = {span.kb_id_: span.label_.lower() for span in doc.spans[ACTOR_SPANS_KEY]}
            # without sentence boundaries (no splitter in the pipeline) the whole
            # text counts as one sentence
            sents = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
            for sent in sents:
                mentions = sentence_mentions(doc, sent, in_doc)
                if len({m.actor for m in mentions}) < 2:
                    continue
                found = extract(sent, mentions)
                found = [f for f in found if f.confidence >= self.min_confidence and (
                    not f.trigger.object_types or types.get(f.object) in f.trigger.object_types)]
                if found:
                    described = _only_described(doc, mentions)
                    for record in to_records(doc, sent, found, lexicon):
                        refs = {a: described[a] for a in (record["subject"], record["object"])
                                if a in described}
                        record["coref"] = bool(refs)
                        record["references"] = refs
                        if refs:  # an argument resolved, not read: less sure
                            record["confidence"] = round(
                                record["confidence"] * REFERENCE_CONFIDENCE, 3)
                            if record["confidence"] < self.min_confidence:
                                continue
                        records.append(record)
        doc._.relation_records = records
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)

    def initialize(self, get_examples: Callable | None = None, *, nlp: Language | None = None,
                   lexicon: Any = None) -> None:
        """Load the relation lexicon ``lexicon`` (a file or parsed data, added to the
        bundled lexicon unless the component was made with ``extend_default=False``;
        or a :class:`RelationLexicon`); without it the component keeps its own.

        (``lexicon`` is typed ``Any`` because spaCy checks the settings of the
        ``[initialize]`` block against this signature.)"""
        if isinstance(lexicon, RelationLexicon):
            self.set_lexicon(lexicon)
        elif lexicon is not None:
            self.set_lexicon(load_lexicon(lexicon, extends=self._extend_default))

    # -- serialization: the lexicon travels with the pipeline -----------------------
    def _stored(self) -> dict[str, Any]:
        return {"lexicon": self.lexicon.to_dict(), "source": self.lexicon.source}

    def _restore(self, msg: dict[str, Any], where: str) -> None:
        self.set_lexicon(RelationLexicon(msg["lexicon"], source=msg.get("source", where)))

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return spacy.util.to_bytes({"lexicon": self._stored}, exclude)

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> RelationExtractor:
        spacy.util.from_bytes(data, {"lexicon": lambda msg: self._restore(msg, "<bytes>")},
                              exclude)
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the lexicon (``lexicon.json``) unless ``exclude`` names ``"lexicon"``."""
        spacy.util.to_disk(path, {LEXICON_FILE: lambda p: srsly.write_json(p, self._stored())},
                           exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> RelationExtractor:
        """Read the lexicon back unless ``exclude`` names ``"lexicon"``."""
        def read(file: Path) -> None:
            if not file.exists():
                raise LexiconError(f"{file}: stored relation lexicon not found")
            self._restore(srsly.read_json(file), str(file))

        spacy.util.from_disk(path, {LEXICON_FILE: read}, exclude)
        return self
