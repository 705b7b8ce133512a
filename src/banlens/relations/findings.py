"""What both extraction strategies share: actor arguments, cues and relation records.

A strategy finds :class:`Found` instances (actor ids, label, trigger tokens, method,
confidence) for one sentence; :func:`to_records` turns them into the msgpack-safe
dicts stored in ``doc._.relation_records``, one per (subject, label, object) and
sentence, keeping the most confident finding.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from ..actors.mentions import Mention  # noqa: F401  (re-exported for the strategies)
from ..annotations import Relation
from .lexicon import RelationLexicon, Trigger

BASE_CONFIDENCE = {
    "verb": 0.9,
    "passive": 0.85,
    "participle": 0.8,
    "reciprocal": 0.8,
    "noun": 0.75,
    "deal": 0.7,
    "attribute": 0.65,
    "clause": 0.65,
    "speech": 0.6,
}


@dataclass(slots=True)
class Found:
    """One relation found by a rule, before it becomes a record."""

    subject: str
    label: str
    object: str
    trigger: Trigger
    trigger_tokens: tuple[int, ...]
    method: str
    confidence: float
    negated: bool = False
    hypothetical: bool = False
    extra: dict = field(default_factory=dict)

    @classmethod
    def of(
        cls, strategy: str, subject: str, trigger: Trigger, obj: str, tokens: tuple[int, ...],
        kind: str, negated: bool, hypothetical: bool,
    ) -> Found:
        """A relation found by rule family ``kind`` of ``strategy`` ("surface", "tree")."""
        return cls(
            subject=subject, label=trigger.label, object=obj, trigger=trigger,
            trigger_tokens=tokens, method=f"{strategy}.{kind}",
            confidence=confidence(trigger, kind), negated=negated,
            hypothetical=hypothetical or trigger.hypothetical,
        )


# What a finding passes on to its Relation as it is; the trigger (an entry of the
# lexicon here, its words there), the confidence (rounded) and ``extra`` (with the
# label's PLOVER type and quad class) are made in :func:`to_records`.
PASSED_ON = tuple(name for name in Found.__dataclass_fields__
                  if name in Relation.__dataclass_fields__
                  and name not in ("trigger", "confidence", "extra"))


def confidence(trigger: Trigger, kind: str) -> float:
    """The trigger's own confidence if set, else the base value of the rule kind."""
    return trigger.confidence or BASE_CONFIDENCE[kind]


def to_records(
    doc: Doc, sent: Span, found: list[Found], lexicon: RelationLexicon
) -> list[dict]:
    """One record per (subject, label, object) in the sentence; symmetric labels
    count both directions as one. Self-relations are dropped."""
    best: dict[tuple[str, str, str], Found] = {}
    for item in found:
        if item.subject == item.object:
            continue
        key = (item.subject, item.label, item.object)
        if lexicon.is_symmetric(item.label):
            key = (min(key[0], key[2]), item.label, max(key[0], key[2]))
        kept = best.get(key)
        if kept is None or item.confidence > kept.confidence:
            best[key] = item
    records = []
    fields = Relation.__dataclass_fields__
    for item in best.values():
        tokens = sorted(item.trigger_tokens)
        start_tok, end_tok = doc[tokens[0]], doc[tokens[-1]]
        trigger_text = " … ".join(_runs(doc, tokens))
        spec = lexicon.labels[item.label]
        extra = {"plover": item.trigger.plover or spec.plover, "quad": spec.quad}
        extra.update(item.extra)
        rel = Relation(
            **{name: getattr(item, name) for name in PASSED_ON},
            evidence=sent.text,
            start=sent.start_char,
            end=sent.end_char,
            trigger=trigger_text,
            confidence=round(item.confidence, 3),
            trigger_start=start_tok.idx,
            trigger_end=end_tok.idx + len(end_tok.text),
            extra=extra,
        )
        # same keys as Relation.to_dict(), without asdict's deep copies
        records.append({name: getattr(rel, name) for name in fields})
    records.sort(key=lambda r: (r["trigger_start"], r["subject"], r["label"], r["object"]))
    return records


def _runs(doc: Doc, indices: list[int]) -> list[str]:
    """Texts of contiguous runs of token indices ("lehnte … ab")."""
    runs: list[list[int]] = []
    for i in indices:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return [doc[r[0] : r[-1] + 1].text for r in runs]
