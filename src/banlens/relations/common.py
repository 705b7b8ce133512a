"""What both extraction strategies share: actor arguments, cues and relation records.

A strategy finds :class:`Found` instances (actor ids, label, trigger tokens, method,
confidence) for one sentence; :func:`to_records` turns them into the msgpack-safe
dicts stored in ``doc._.relation_records``, one per (subject, label, object) and
sentence, keeping the most confident finding.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span

from ..annotations import ACTOR_SPANS_KEY, MODIFIER, Relation
from ..lexicon import RelationLexicon, Trigger

# Heads of hyphen compounds that stand for the actor named in their first part
# ("Voith-Chef", "Twitter-Verwaltungsrat"): such modifier mentions may fill verb roles.
AGENT_HEADS = frozenset({
    "chef", "chefin", "vorstand", "vorstandschef", "vorstandschefin", "sprecher",
    "sprecherin", "verwaltungsrat", "aufsichtsrat", "konzern", "konzernchef", "führung",
    "management", "boss", "manager", "spitze", "regierung", "administration", "präsident",
    "präsidentin", "anwälte", "anwalt", "gruppe", "vertreter",
    # the business itself: "das Honor-Geschäft zurückkaufen"
    "geschäft", "sparte", "filialen", "kette",
})

# ... and those that stand for a country: a "US-Konzern" is a company, not the USA.
STATE_HEADS = frozenset({
    "regierung", "administration", "präsident", "präsidentin", "führung", "spitze",
    "vertreter", "sprecher", "sprecherin",
})

# Function words that are never verbs in Konjunktiv I.
CLOSED_WORDS = frozenset({
    "die", "eine", "keine", "diese", "jene", "seine", "ihre", "unsere", "alle", "beide",
    "ohne", "ende", "gerne", "heute", "lange", "bitte", "ebene", "ferne", "nähe",
})

BASE_CONFIDENCE = {
    "verb": 0.9,
    "passive": 0.85,
    "reciprocal": 0.8,
    "noun": 0.75,
    "deal": 0.7,
    "attribute": 0.65,
    "clause": 0.65,
}


@dataclass(slots=True)
class Mention:
    """An actor mention inside one sentence, as an argument candidate."""

    actor: str
    start: int  # token index in the doc
    end: int
    kind: str  # "name" or "modifier"

    @property
    def is_agentive(self) -> bool:
        """Whether the mention may stand for its actor as a verb argument."""
        return self.kind != MODIFIER


def modifier_stands_for_actor(span: Span) -> bool:
    """Whether a modifier mention ("Huawei-Chef", "Twitter-Verwaltungsrat") may stand for
    its actor as an argument: by the head of its compound."""
    head = span.text.rsplit("-", 1)[-1].lower()
    return head in (STATE_HEADS if span.label_ == "COUNTRY" else AGENT_HEADS)


def doc_mentions(doc: Doc) -> list[Mention]:
    """Actor mentions of ``doc`` in text order; of overlapping spans the first (and
    longest) wins, and a full name wins over a modifier reading of the same token
    ("Trump-Administration": us_government by name, trump as modifier)."""
    if ACTOR_SPANS_KEY not in doc.spans:
        return []
    spans = sorted(doc.spans[ACTOR_SPANS_KEY], key=lambda s: (s.start, -s.end, s.id_ == MODIFIER))
    out: list[Mention] = []
    for span in spans:
        if not span.kb_id_ or (out and span.start < out[-1].end):
            continue
        kind = span.id_ or "name"
        if kind == MODIFIER:
            kind = "name" if modifier_stands_for_actor(span) else MODIFIER
        out.append(Mention(span.kb_id_, span.start, span.end, kind))
    return out


def sentence_mentions(doc: Doc, sent: Span, mentions: list[Mention] | None = None
                      ) -> list[Mention]:
    """The mentions (of ``doc_mentions(doc)`` unless given) that lie inside ``sent``."""
    if mentions is None:
        mentions = doc_mentions(doc)
    lo = bisect_left(mentions, sent.start, key=lambda m: m.start)
    hi = bisect_left(mentions, sent.end, key=lambda m: m.start)
    return [m for m in mentions[lo:hi] if m.end <= sent.end]


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


def confidence(trigger: Trigger, kind: str) -> float:
    """The trigger's own confidence if set, else the base value of the rule kind."""
    return trigger.confidence or BASE_CONFIDENCE[kind]


def cue_flags(lexicon: RelationLexicon, tokens: list) -> tuple[bool, bool]:
    """(negated, hypothetical) cues among ``tokens`` (lower-cased forms and lemmas).

    A negation word directly followed by a ``not_negation`` word ("nicht nur") does
    not count; phrases ("verzichten auf") need all their words in ``tokens``.
    """
    lowers = [t.lower_ for t in tokens]
    negated = False
    for i, word in enumerate(lowers):
        if word in lexicon.negation_words and (
            i + 1 == len(lowers) or lowers[i + 1] not in lexicon.not_negation
        ):
            negated = True
            break
    words = set(lowers)
    words.update(t.lemma_.lower() for t in tokens)
    if not negated:
        negated = any(all(w in words for w in p) for p in lexicon.negation_phrases)
    hypothetical = not lexicon.hypothetical_words.isdisjoint(words) or any(
        all(w in words for w in p) for p in lexicon.hypothetical_phrases
    )
    return negated, hypothetical


def is_konjunktiv_i(tok: Any) -> bool:
    """Third person Konjunktiv I of a full verb ("erhalte", "verhandle"): reported speech."""
    low = tok.lower_
    if not tok.is_alpha or not tok.text.islower() or low in CLOSED_WORDS or not low.endswith("e"):
        return False
    lemma = tok.lemma_.lower()
    if lemma == low or len(low) <= 4:
        return False
    if lemma.endswith("eln"):  # verhandeln -> verhandle
        return low == lemma[:-3] + "le"
    if lemma.endswith("ern"):  # ändern -> ändere
        return low in (lemma[:-1], lemma[:-3] + "re")
    return lemma.endswith("en") and low == lemma[:-1]


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
            subject=item.subject,
            label=item.label,
            object=item.object,
            evidence=sent.text,
            start=sent.start_char,
            end=sent.end_char,
            trigger=trigger_text,
            negated=item.negated,
            hypothetical=item.hypothetical,
            method=item.method,
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
