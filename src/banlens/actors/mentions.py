"""Actor mentions as arguments: what the relation rules and the resolver read.

:func:`doc_mentions` turns the tagger's spans (``doc.spans["banlens_actors"]``) into
:class:`Mention` values in text order, one per token stretch; a hyphen-compound
modifier ("Voith-Chef") counts as a name when its head stands for the actor.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ..annotations import ACTOR_SPANS_KEY, MODIFIER, REFERENCE

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
        if out and span.id_ == REFERENCE and out[-1].kind == REFERENCE and (
                span.start, span.end) == (out[-1].start, out[-1].end) and (
                span.kb_id_ != out[-1].actor):
            # a plural reference to two actors ("die beiden Konzerne"): both stay, the
            # argument reader coordinates them
            out.append(Mention(span.kb_id_, span.start, span.end, REFERENCE))
            continue
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
