"""Relations from a dependency parse with TIGER labels (German spaCy models).

A lexical verb is found by its lemma (a separable particle is its ``svp`` child:
"lehnte … ab"); its clause is the chain of verbs joined by ``oc`` up to the finite
auxiliary or modal ("hat … verhandelt", "will … übernehmen"), and its arguments are
the dependents of that chain: ``sb`` (nominative), ``oa`` (accusative), ``da``
(dative) and prepositions under ``op``/``mo``/``sbp`` with their ``nk`` noun.
A ``werden`` auxiliary over a participle makes the clause passive: the agent is the
noun under "von"/"durch", the patient the ``sb``; without an agent nothing is
extracted. Coordination is walked through ``cd`` → ``cj`` (``Token.conjuncts`` does
not follow TIGER coordination). Relative pronouns (in an ``rc`` clause) stand for the
noun the clause hangs on; an infinitive clause (``oc`` of a full verb) takes its
subject from the governing clause, a conjunct verb without a subject that of the verb
before "und". Noun triggers read ``ag`` (genitive), preposition
attributes, appositions (``app``) and the compound modifier mention.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..actors.mentions import Mention
from ..german.words import (
    POSSESSIVE_FORMS,
    PREPOSITIONS,
    WERDEN,
)
from .findings import Found
from .lexicon import RelationLexicon, Trigger
from .modality import clause_cues, cue_flags

CASE_DEPS = {"sb": "nom", "oa": "acc", "da": "dat", "ag": "gen", "og": "gen"}
PREP_DEPS = frozenset({"op", "mo", "sbp", "mnr", "pg", "cvc"})
NP_DEPS = frozenset({"nk", "pnc", "app"})
AUX_LEMMAS = frozenset({
    "haben", "sein", "werden", "wollen", "sollen", "können", "müssen", "dürfen", "mögen",
    "lassen",
})
COPULA_LEMMAS = frozenset({"sein", "werden", "bleiben", "gelten"})


class TreeExtractor:
    """Find relations in one parsed sentence from its TIGER dependency tree."""

    def __init__(self, lexicon: RelationLexicon) -> None:
        self.lexicon = lexicon

    # -- helpers -------------------------------------------------------------------
    def _actors_of(self, head: Token, index: dict[int, Mention]) -> list[Mention]:
        """Mentions inside the noun phrase headed by ``head``, with its conjuncts."""
        out: list[Mention] = []
        for h in self._conjuncts(head):
            found = self._np_mention(h, index)
            if found is not None and found not in out:
                out.append(found)
        return out

    def _np_mention(self, head: Token, index: dict[int, Mention]) -> Mention | None:
        if head.i in index:
            return index[head.i]
        stack = [c for c in head.children if c.dep_ in NP_DEPS]
        while stack:
            tok = stack.pop(0)
            if tok.i in index:
                return index[tok.i]
            stack.extend(c for c in tok.children if c.dep_ in NP_DEPS)
        if head.lower_ in self.lexicon.spokespersons:
            # "ein Sprecher des Ministeriums", "die Anwälte von Tiktok" act for them
            for c in head.children:
                owner = c if c.dep_ == "ag" else (
                    self._noun_of_prep(c) if c.dep_ in ("pg", "mnr") and c.lower_ == "von"
                    else None)
                if owner is not None:
                    found = self._np_mention(owner, index)
                    if found is not None:
                        return found
        return None

    @staticmethod
    def _conjuncts(head: Token) -> list[Token]:
        """``head`` and its TIGER conjuncts (X -cd-> und -cj-> Y, chains included)."""
        out = [head]
        todo = [head]
        while todo:
            tok = todo.pop()
            for c in tok.children:
                if c.dep_ == "cd":
                    for cj in c.children:
                        if cj.dep_ == "cj":
                            out.append(cj)
                            todo.append(cj)
                elif c.dep_ == "cj":
                    out.append(c)
                    todo.append(c)
        return out

    @staticmethod
    def _noun_of_prep(prep: Token) -> Token | None:
        """The noun of a prepositional phrase (TIGER: article and noun are ``nk``)."""
        kernels = [c for c in prep.children if c.dep_ == "nk"]
        for c in kernels:
            if c.text[:1].isupper():
                return c
        return kernels[-1] if kernels else None

    def _chain(self, verb: Token) -> list[Token]:
        """The verb and the auxiliaries/modals above it (via ``oc``)."""
        chain = [verb]
        tok = verb
        while tok.dep_ == "oc" and tok.head is not tok and tok.head.lemma_.lower() in AUX_LEMMAS:
            tok = tok.head
            chain.append(tok)
        return chain

    def _args(
        self, chain: list[Token], index: dict[int, Mention]
    ) -> dict[str, list[Mention]]:
        """Role -> actor mentions among the dependents of a verb chain."""
        roles: dict[str, list[Mention]] = {}
        for verb in chain:
            for c in verb.children:
                if c.dep_ in CASE_DEPS:
                    role = CASE_DEPS[c.dep_]
                    found = self._relative(c, index) or self._actors_of(c, index)
                elif c.dep_ in PREP_DEPS and c.lower_ in PREPOSITIONS:
                    role = c.lower_
                    noun = self._noun_of_prep(c)
                    found = self._actors_of(noun, index) if noun is not None else []
                    if c.dep_ == "sbp":
                        roles.setdefault("agent", []).extend(found)
                else:
                    continue
                roles.setdefault(role, []).extend(m for m in found if m.is_agentive)
        return roles

    def _relative(self, tok: Token, index: dict[int, Mention]) -> list[Mention]:
        """Antecedent actors of a relative pronoun (its clause is an ``rc``)."""
        if tok.tag_ != "PRELS" and not (tok.lower_ in ("der", "die", "das", "dem", "den")
                                         and tok.head.dep_ == "rc"):
            return []
        verb = tok.head
        while verb.dep_ != "rc" and verb.head is not verb:
            verb = verb.head
        if verb.dep_ != "rc":
            return []
        return self._actors_of(verb.head, index)

    def _controller(self, chain: list[Token], index: dict[int, Mention]) -> list[Mention]:
        """Understood subject of an infinitive clause (``oc`` of a full verb)."""
        top = chain[-1]
        if top.dep_ != "oc" or top.head is top:
            return []
        gov_chain = self._chain(top.head)
        args = self._args(gov_chain, index)
        lemmas = {self._lemma(v) for v in gov_chain}
        if lemmas & self.lexicon.object_control:
            return (args.get("acc") or args.get("dat") or [])[:1]
        return args.get("nom", [])

    def _shared_subject(self, chain: list[Token], index: dict[int, Mention]) -> list[Mention]:
        """Subject of the verb before "und" for a conjunct verb without one
        ("Merkel kritisiert Putin und droht Russland": Merkel droht)."""
        top = chain[-1]
        if top.dep_ != "cj":
            return []
        head = top.head.head if top.head.dep_ == "cd" else top.head
        if head is top or not (head.pos_ in ("VERB", "AUX") or head.tag_.startswith("V")):
            return []
        return self._args(self._chain(head), index).get("nom", [])

    @staticmethod
    def _lemma(verb: Token) -> str:
        particles = [c.lower_ for c in verb.children if c.dep_ == "svp"]
        return (particles[0] if particles else "") + verb.lemma_.lower()

    def _triggers(self, verb: Token, sent: Span) -> list[Trigger]:
        lemma = verb.lemma_.lower()
        particles = {c.lower_ for c in verb.children if c.dep_ == "svp"}
        # "kauft ... ab" (svp) is abkaufen: no plain "kaufen" reading
        out = [] if particles else list(self.lexicon.verb_triggers(lemma))
        out += [t for t in self.lexicon.separable_triggers(lemma) if t.particle in particles]
        words = {t.lower_ for t in verb.subtree} | {t.lemma_.lower() for t in verb.subtree}
        for t in self.lexicon.phrases.get(lemma, []):
            if t.particle and lemma == t.base and t.particle not in particles:
                continue
            if not t.particle and particles:
                continue  # "schließt ... aus" (svp) is ausschließen, not schließen
            if all(w in words or any(x.endswith(w) for x in words) for w in t.words):
                out.append(t)
        return [t for t in out if all(w in words for w in t.requires) and (
            not t.requires_any or any(w in words or any(x.endswith(w) for x in words)
                                      for w in t.requires_any))
            and not any(w in words for w in t.excludes)]

    # -- extraction ----------------------------------------------------------------
    def extract(self, doc: Doc, sent: Span, mentions: list[Mention]) -> list[Found]:
        index = {i: m for m in mentions for i in range(m.start, m.end)}
        found: list[Found] = []
        for tok in sent:
            if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("V"):
                for trigger in self._triggers(tok, sent):
                    found.extend(self._verbal(doc, tok, trigger, index))
            if tok.pos_ in ("NOUN", "PROPN") or tok.text[:1].isupper():
                for trigger in self.lexicon.noun_triggers(tok.lower_):
                    found.extend(self._nominal(doc, tok, trigger, index))
        return found

    def _cues(self, chain: list[Token]) -> tuple[bool, bool]:
        tokens: list[Token] = []
        for verb in chain:
            tokens.append(verb)
            tokens.extend(c for c in verb.children if c.dep_ in ("ng", "mo", "oa", "sb", "da"))
            tokens.extend(
                d for c in verb.children if c.dep_ in ("oa", "sb", "da") for d in c.children
            )
        negated, hypothetical = clause_cues(self.lexicon, tokens, chain)
        negated = negated or any(c.dep_ == "ng" for v in chain for c in v.children)
        top = chain[-1]
        if top.dep_ in ("oc", "rc") and top.head is not top:
            governing = self._chain(top.head)
            hypothetical = hypothetical or cue_flags(self.lexicon, governing)[1] or (
                # a demanded or forced action is not a fact ("fordert X auf, ... zu")
                top.dep_ == "oc" and bool({self._lemma(v) for v in governing}
                                          & self.lexicon.object_control)
            )
        lemmas = {v.lemma_.lower() for v in chain}
        if "werden" in lemmas and chain[0].lower_ == chain[0].lemma_.lower():
            hypothetical = True  # future: "wird … übernehmen"
        return negated, hypothetical

    def _verbal(
        self, doc: Doc, verb: Token, trigger: Trigger, index: dict[int, Mention]
    ) -> list[Found]:
        chain = self._chain(verb)
        args = self._args(chain, index)
        negated, hypothetical = self._cues(chain)
        tokens = (verb.i, *(c.i for c in verb.children if c.dep_ == "svp"))
        auxes = {v.lower_ for v in chain[1:]}
        passive = bool(auxes & WERDEN) and verb.lower_ != verb.lemma_.lower() and (
            trigger.subject == ("nom",)
        )
        kind = "verb"
        if passive:
            subjects = args.get("agent") or args.get("von") or args.get("durch") or []
            if not subjects:
                return []
            objects = args.get("nom", [])
            kind = "passive"
        else:
            subjects = self._pick(args, trigger.subject)
            if not subjects and trigger.subject == ("nom",):
                subjects = self._controller(chain, index) or self._shared_subject(chain, index)
            objects = self._pick(args, trigger.object, exclude=subjects)
            partner_preps = {r for r in trigger.object if r in PREPOSITIONS}
            other_partner = any(c.lower_ in partner_preps for v in chain for c in v.children
                                if c.dep_ in PREP_DEPS)
            if not objects and trigger.reciprocal and len(subjects) > 1 and not other_partner:
                return [
                    self._make(a.actor, trigger, b.actor, tokens, "reciprocal", negated,
                               hypothetical)
                    for n, a in enumerate(subjects) for b in subjects[n + 1:]
                ]
            spec = self.lexicon.labels[trigger.label]
            if not objects and spec.through_deal and not trigger.direct:
                objects = self._deal_parties(chain, index)
                kind = "deal"
            if not objects and spec.through_attribute and not trigger.direct:
                objects = self._attribute_owner(chain, trigger, index, subjects)
                kind = "attribute"
        if trigger.strict_subject and subjects and subjects[0].start > verb.i:
            return []
        return [
            self._make(s.actor, trigger, o.actor, tokens, kind, negated, hypothetical)
            for s in subjects for o in objects if s.actor != o.actor
        ]

    @staticmethod
    def _pick(
        args: dict[str, list[Mention]], roles: tuple[str, ...], exclude: list[Mention] = ()
    ) -> list[Mention]:
        for role in roles:
            got = [m for m in args.get(role, []) if m not in exclude]
            if got:
                return got
        return []

    def _deal_parties(self, chain: list[Token], index: dict[int, Mention]) -> list[Mention]:
        for verb in chain:
            for c in verb.children:
                if c.dep_ not in ("oa", "da"):
                    continue
                roles = self.lexicon.is_deal(c.lower_)
                if roles:
                    got = self._noun_args(c, index, roles)
                    if got:
                        return got
        return []

    def _attribute_owner(
        self, chain: list[Token], trigger: Trigger, index: dict[int, Mention],
        subjects: list[Mention],
    ) -> list[Mention]:
        """The actor whose claim or decision the object is ("widerspricht der
        Auffassung der Kommission"): the agent of a noun trigger, else the ``ag``
        genitive or von-attribute of the object noun."""
        for verb in chain:
            for c in verb.children:
                noun = None
                if c.dep_ in ("oa", "da") and CASE_DEPS[c.dep_] in trigger.object:
                    noun = c
                elif c.dep_ in PREP_DEPS and c.lower_ in trigger.object:
                    noun = self._noun_of_prep(c)
                if noun is None or noun.i in index or self.lexicon.is_deal(noun.lower_):
                    continue
                nouns = self.lexicon.noun_triggers(noun.lower_)
                roles = tuple(r for r in nouns[0].subject if r != "clause") if nouns else (
                    "gen", "von")
                got = self._noun_args(noun, index, roles, exclude=subjects)
                if got:
                    return got
        return []

    # -- nominal triggers ----------------------------------------------------------
    def _noun_args(
        self, noun: Token, index: dict[int, Mention], roles: tuple[str, ...],
        exclude: list[Mention] = (), trigger: Trigger | None = None,
    ) -> list[Mention]:
        for role in roles:
            got: list[Mention] = []
            if role == "modifier":
                m = index.get(noun.i)
                if m is not None and m.kind == "modifier":
                    got = [m]
            elif role == "gen" or role == "possessor":
                for c in noun.children:
                    if c.dep_ == "ag" and (role == "gen") == (c.i > noun.i):
                        got = self._actors_of(c, index)
                        break
            elif role == "apposition":
                for c in noun.children:
                    if c.dep_ in ("app", "nk", "pnc") and c.i > noun.i and c.i in index:
                        got = self._actors_of(c, index)
                        break
                if not got and noun.dep_ == "app":
                    got = self._actors_of(noun.head, index)
            elif role == "clause":
                got = self._clause_subject(noun, index, trigger)
            elif role == "genitive_of":
                # "die Nordbank des Unternehmers X": the actor whose genitive it is
                if noun.dep_ == "ag" and noun.head.i < noun.i:
                    got = self._actors_of(noun.head, index)
            else:
                for c in noun.children:
                    if c.dep_ in PREP_DEPS and c.lower_ == role:
                        n = self._noun_of_prep(c)
                        got = self._actors_of(n, index) if n is not None else []
                        break
            got = [m for m in got if m not in exclude and (m.is_agentive or role == "modifier")]
            if got:
                return got
        return []

    def _clause_subject(
        self, noun: Token, index: dict[int, Mention], trigger: Trigger | None
    ) -> list[Mention]:
        """Subject of the clause the noun stands in, when a support verb, a
        possessive determiner or a copula licenses it."""
        tok = noun
        while tok.head is not tok and not (tok.pos_ in ("VERB", "AUX")
                                           or tok.tag_.startswith("V")):
            tok = tok.head
        if not (tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("V")):
            return []
        chain = self._chain(tok)
        lemmas = {self._lemma(v) for v in chain} | {v.lemma_.lower() for v in chain}
        possessive = any(c.lower_ in POSSESSIVE_FORMS for c in noun.children)
        copula = noun.dep_ == "pd" and bool(lemmas & COPULA_LEMMAS) and trigger is not None and (
            "apposition" in trigger.subject
        )
        if not (possessive or copula or (trigger is not None and trigger.clause_any)
                or lemmas & self.lexicon.support_verbs):
            return []
        args = self._args(chain, index)
        return args.get("nom") or self._controller(chain, index)

    def _nominal(
        self, doc: Doc, noun: Token, trigger: Trigger, index: dict[int, Mention]
    ) -> list[Found]:
        objects = self._noun_args(noun, index, trigger.object, trigger=trigger)
        subjects = self._noun_args(noun, index, trigger.subject, exclude=objects,
                                   trigger=trigger)
        verb = noun
        while verb.head is not verb and not (verb.pos_ in ("VERB", "AUX")
                                             or verb.tag_.startswith("V")):
            verb = verb.head
        negated, hypothetical = self._cues(self._chain(verb)) if verb is not noun else (
            False, False)
        negated = negated or any(c.lower_.startswith("kein") for c in noun.children)
        if verb is not noun and subjects and self.lexicon.ending_verbs:
            # "beendet die Kooperation mit X": the verb ends what the noun names
            negated = negated or bool(
                {self._lemma(v) for v in self._chain(verb)} & self.lexicon.ending_verbs)
        hypothetical = hypothetical or trigger.hypothetical
        if not subjects and self.lexicon.labels[trigger.label].symmetric and len(objects) > 1:
            return [
                self._make(a.actor, trigger, b.actor, (noun.i,), "noun", negated, hypothetical)
                for n, a in enumerate(objects) for b in objects[n + 1:]
            ]
        if not objects and trigger.reciprocal and len(subjects) > 1:
            # a reciprocal noun ("X und Y erzielten einen Kompromiss")
            return [
                self._make(a.actor, trigger, b.actor, (noun.i,), "noun", negated, hypothetical)
                for n, a in enumerate(subjects) for b in subjects[n + 1:]
            ]
        return [
            self._make(s.actor, trigger, o.actor, (noun.i,), "noun", negated, hypothetical)
            for s in subjects for o in objects if s.actor != o.actor
        ]

    def _make(
        self, subject: str, trigger: Trigger, obj: str, tokens: tuple[int, ...], kind: str,
        negated: bool, hypothetical: bool,
    ) -> Found:
        return Found.of("tree", subject, trigger, obj, tokens, kind, negated, hypothetical)
