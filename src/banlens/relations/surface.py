"""Relations from the surface of a German sentence (no parse needed).

Used with the blank default pipeline. :mod:`banlens.relations.clauses` cuts the
sentence into clauses and gives each actor mention a role (preposition, article
case, coordination); this module applies the lexicon's frames to them. The subject
of a clause is its leftmost mention that can be nominative (or, for relative and
infinitive clauses, the antecedent or the governing clause's subject or object);
objects are the other mentions whose role fits the trigger's frame. Verb-second and
verb-final order, perfect tenses and modal verbs need no special handling; a
separable particle is found at the clause end ("lehnte … ab"). Passive clauses
("wird von X blockiert") take the agent from von/durch and give nothing without one.
Noun triggers read their arguments from the compound, the noun phrase after them,
appositions and, with a support verb, the clause subject.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span

from ..actors.mentions import Mention
from ..german.lemmas import alternative_lemmas, participle_verb
from ..german.words import (
    ADJ_ENDINGS,
    APOSTROPHE_S,
    ARTICLE_CASES,
    ATTRIBUTE_PREPS,
    AUXILIARIES,
    CONDITIONAL,
    CONTRACTIONS,
    COORDINATORS,
    COPULA,
    GENITIVE,
    PARTICLES,
    POSSESSIVE_FORMS,
    PREPOSITIONS,
    PRONOUNS,
    REGION_WORDS,
    SPEECH_VERBS,
    WERDEN,
)
from .clauses import SENTENTIAL_RELATIVES, Arg, Clause, ClauseReader
from .findings import Found, confidence
from .lexicon import RelationLexicon, Trigger
from .modality import clause_cues, cue_flags
from .words import (
    LazyWords,
    SentenceWords,
    Stretch,
    Word,
    Words,
    adjective_like,
    finite_like,
    is_cap,
    verb_like,
)

# A relation noun under these prepositions is what the clause subject opposes or
# wants, not what it does: "gegen eine Koalition mit X", "für eine Partnerschaft".
AGAINST = frozenset({"gegen", "ohne", "statt", "anstatt"})
IN_FAVOUR = frozenset({"für"})
# The possessive of the third person plural (and feminine singular): after coordinated
# actors, theirs.
THEIR = frozenset({"ihr", "ihre", "ihren", "ihrem", "ihrer", "ihres"})
# Words before a noun that name its owner: possessives, and "dessen"/"deren", which
# point to the latest noun phrase ("den Stadtrat und dessen Forderung an X").
OWNER_WORDS = POSSESSIVE_FORMS | frozenset({"dessen", "deren"})
# "zusammen mit X", "gemeinsam mit X": acting together, below the confidence of a
# trigger word.
JOINTLY = frozenset({"zusammen", "gemeinsam"})
JOINT_CONFIDENCE = 0.6
# The forms of "geben" in "es gibt".
EXISTENTIAL = frozenset({"gibt", "gab", "gäbe", "geben", "gegeben"})
# Prepositions that name the agent or the source of a noun's act, not its partner.
AGENT_PREPS = frozenset({"von", "durch", "seitens"})
# "sich gegenseitig", "einander": coordinated subjects act on each other.
# Prepositions and nouns of a phrase that frames a clause with what its subject did:
# "Nach der Einigung mit X", "Im Zuge der Übernahme von X".
FRAME_PREPS = frozenset({"nach", "seit", "mit", "durch", "infolge", "dank"})
# ... and those that frame it only with a relation between parties ("Bei den
# Verhandlungen mit X …", "In der Allianz mit X …").
PARTY_FRAMES = frozenset({"bei", "in"})
FRAME_NOUNS = frozenset({"zuge", "rahmen", "anschluss", "nachgang"})
# ... and those that frame it in time wherever they stand ("will nach der Einigung mit
# X ..."); "mit" and "durch" inside a clause often belong to its verb.
TEMPORAL_FRAMES = frozenset({"nach", "seit", "infolge"})
# Quantifiers that make the parts of an actor the whole of it.
WHOLE = frozenset({"alle", "allen", "sämtliche", "sämtlichen", "komplett", "vollständig"})
# Modal forms that make an act only possible: "X könnte den Markt verzerren" is no
# accusation.
POSSIBILITY = frozenset({
    "könnte", "könnten", "könne", "können", "kann", "dürfte", "dürften", "würde", "würden",
    "möglicherweise", "womöglich", "eventuell", "vielleicht", "drohe", "drohen", "droht",
})
MUTUAL = frozenset({"gegenseitig", "einander", "wechselseitig"})


@dataclass(frozen=True, slots=True)
class SurfaceText:
    """One document as the surface rules read it: its tokens as plain values, made
    once and shared by its sentences, its actors' display names (a genitive -s
    counts only on a name that has none) and the pipeline's vocab (for the lemma
    table), with the verbs of the participles looked up so far. Make it with
    :meth:`of` for each Doc."""

    words: Words
    names: Mapping[str, str]
    vocab: Any
    participles: dict[str, str | None] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Doc) -> SurfaceText:
        return cls(LazyWords(doc), doc._.actor_names or {}, doc.vocab)


class SurfaceExtractor:
    """Find relations in one sentence from word order, lemmas, articles and prepositions.

    It holds only the lexicon: what it reads of a document comes in with each call
    (a :class:`SurfaceText`)."""

    def __init__(self, lexicon: RelationLexicon) -> None:
        self.lexicon = lexicon
        self.reader = ClauseReader(lexicon)

    # -- extraction ----------------------------------------------------------------
    def extract(self, text: SurfaceText, sent: Span, mentions: list[Mention]) -> list[Found]:
        """Relations stated in ``sent`` between the actors of ``mentions``; ``text`` is
        the sentence's document, read once (``SurfaceText.of(doc)``)."""
        words = text.words
        reported = any(words[i].lower_ in self.lexicon.reported
                       for i in range(sent.start, sent.end))
        view = SentenceWords.of(words, sent.start, sent.end)
        if view is None:
            return self._extract(words, Stretch(sent.start, sent.end), mentions, reported,
                                 text)
        # blank tokens (line breaks, NBSP, control characters) are read as absent:
        # the rules see the sentence renumbered without them, and the trigger
        # tokens found are mapped back to the doc
        moved = [Mention(m.actor, view.to_view(m.start), view.to_view(m.end - 1) + 1, m.kind)
                 for m in mentions]
        found = self._extract(view, view.sent, moved, reported, text)
        for item in found:
            item.trigger_tokens = tuple(view.to_doc(i) for i in item.trigger_tokens)
        return found

    def _extract(
        self, doc: Words, sent: Stretch, mentions: list[Mention], reported: bool,
        text: SurfaceText,
    ) -> list[Found]:
        clauses = self.reader.split(doc, sent, mentions)
        for clause in clauses:
            self.reader.roles(doc, clause, mentions, text.names)
        found: list[Found] = []
        for clause in clauses:
            if not clause.args and not clause.antecedent:
                continue
            found.extend(self._clause(doc, clause, reported, clauses, text))
        found.extend(self._said_of(doc, sent, clauses))
        return found

    def _said_of(self, doc: Words, sent: Stretch, clauses: list[Clause]) -> list[Found]:
        """A speaker who says that X did wrong relates to X (labels with
        ``through_speech``): "Y sagte, X habe die Regeln verletzt", "laut Y hat X
        getäuscht". The act must be stated as done: no negation, no passive (its
        subject is the one wronged) and no modal ("X könnte ... schaden")."""
        labels = [spec for spec in self.lexicon.labels.values() if spec.through_speech]
        if not labels:
            return []
        out: list[Found] = []
        for clause in clauses:
            toks = [doc[i] for i in clause.tokens]
            if any(t.lower_ in WERDEN or t.lower_ in POSSIBILITY for t in toks):
                continue
            lemmas = self.reader.lemmas(doc, clause)
            acts = [(spec, verb) for spec in labels for verb in lemmas & spec.through_speech]
            doers = [m for m in self.reader.subject(clause, doc) if m.is_agentive]
            if not acts:
                # "Y sagte, das Vorgehen von X sei unfreundlich": a condemnation of X or
                # of what X does
                acts, doers = self._condemned(doc, clause, toks, labels, doers)
            if not acts or not doers or cue_flags(self.lexicon, toks)[0]:
                continue
            speakers = self._speakers(doc, sent, clauses, clause)
            for spec, verb in acts:
                at = next((t.i for t in toks if t.lower_ == verb or t.lemma_.lower() == verb
                           or verb.endswith(t.lemma_.lower())), clause.tokens[0])
                trigger = Trigger(label=spec.name, kind="verb", text=verb, lemma=verb)
                out.extend(Found(y.actor, spec.name, x.actor, trigger, (at,), "surface.speech",
                                 confidence(trigger, "speech"), False, False)
                           for y in speakers for x in doers if x.actor != y.actor)
        return out

    def _condemned(self, doc: Words, clause: Clause, toks: list[Word], labels: list[Any],
                   doers: list[Mention]) -> tuple[list[tuple[Any, str]], list[Mention]]:
        """A copula clause that calls its subject, or the act of an actor it opens with,
        something a speaker condemns (``word_classes: condemnations``): "X sei
        unfair", "das Vorgehen von X ist inakzeptabel". Returns the acts (label,
        word) and the doers."""
        words = self.lexicon.condemnations
        if not words or not any(t.lower_ in COPULA for t in toks):
            return [], []
        word = next((t.lower_ for t in toks if t.lower_ in words), None)
        if word is None:
            return [], []
        if not doers:
            # the actor of the noun phrase before the copula ("das Vorgehen von X")
            cop = next(t.i for t in toks if t.lower_ in COPULA)
            doers = [a.mention for a in clause.args if a.mention.end <= cop
                     and a.mention.is_agentive and (a.prep == "von" or (
                         a.prep is None and a.cases == GENITIVE))][:1]
        return [(spec, word) for spec in labels if spec.name == "accuses"], doers

    def _speakers(self, doc: Words, sent: Stretch, clauses: list[Clause], said: Clause
                  ) -> list[Mention]:
        """Who says what clause ``said`` states: the subject of another clause with a
        verb of saying ("Y sagte", "so Y"), or the actor of "laut Y", "Y zufolge"."""
        for clause in clauses:
            if clause is said or not any(doc[i].lower_ in SPEECH_VERBS
                                         for i in clause.tokens):
                continue
            subj = [m for m in self.reader.subject(clause, doc) if m.is_agentive]
            if subj:
                return subj
        for clause in clauses:
            for a in clause.args:
                at = a.article_at if a.article_at >= 0 else a.mention.start
                if (a.prep == "laut" or (a.mention.end < sent.end
                                         and doc[a.mention.end].lower_ == "zufolge")) and (
                        a.mention.is_agentive and at >= 0):
                    return [a.mention]
        return []

    def _clause(
        self, doc: Words, clause: Clause, reported: bool, sentence: list[Clause],
        text: SurfaceText,
    ) -> list[Found]:
        """Relations of one clause; ``sentence`` is all the clauses of its sentence,
        ``text`` its document."""
        toks = [doc[i] for i in clause.tokens]
        # an attributive "geplante"/"mögliche" belongs to its own noun phrase
        negated, hypothetical = clause_cues(self.lexicon, [
            t for t in toks if t.i not in clause.aside and not adjective_like(doc, t.i, len(doc))
        ], toks)
        # the clause before "und" is no governing clause: its modal does not scope here
        inner, ctrl = clause, clause.controller if clause.kind != "coord" else None
        while ctrl is not None and not hypothetical:
            # cues of the governing clauses ("plant, X zu kaufen"), and a demanded or
            # forced action is not a fact ("fordert X auf, Y zu verklagen")
            hypothetical = cue_flags(self.lexicon, [doc[i] for i in ctrl.tokens])[1] or (
                inner.kind == "inf"
                and bool(self.reader.lemmas(doc, ctrl) & self.lexicon.object_control)
            )
            inner, ctrl = ctrl, ctrl.controller if ctrl.kind in ("inf", "sub") else None
        hypothetical = hypothetical or reported
        # conditional and "ob" clauses scope over everything in them
        conditional = clause.kind == "sub" and any(t.lower_ in CONDITIONAL for t in toks[:2])
        found: list[Found] = []
        used_preps: set[tuple[int, str]] = set()
        subj = self.reader.subject(clause, doc)
        for pos, tok in enumerate(toks):
            for trigger, particle_at in self._verb_triggers(doc, clause, pos):
                found.extend(
                    self._verbal(doc, clause, tok, trigger, particle_at, subj,
                                 negated, hypothetical, used_preps, sentence)
                )
        for tok in toks:
            if not is_cap(tok):
                continue
            for trigger in self.lexicon.noun_triggers(tok.lower_):
                found.extend(
                    self._nominal(doc, clause, tok, trigger, subj, (negated, hypothetical),
                                  reported or conditional, used_preps)
                )
        found.extend(self._relative_noun(doc, clause, subj, negated, hypothetical, used_preps,
                                         sentence))
        found.extend(self._participle_attributes(doc, clause, text))
        found.extend(self._joint(doc, clause, subj, negated, hypothetical))
        return found

    def _joint(self, doc: Words, clause: Clause, subj: list[Mention], negated: bool,
               hypothetical: bool) -> list[Found]:
        """Acting together: "X will zusammen mit Y neue Märkte erschließen", "Gemeinsam
        mit Y verklagt X den Z" - the subject cooperates with the actor of "zusammen
        mit"/"gemeinsam mit" (``partners_with``). Not in a passive or a copula clause,
        where the two are only named together ("wurde zusammen mit Y kritisiert"), nor
        with a verb of two parties ("verhandelt gemeinsam mit Y": Y may be the other
        side)."""
        if "partners_with" not in self.lexicon.labels or not any(
                verb_like(doc[i]) and doc[i].lower_ not in AUXILIARIES for i in clause.tokens):
            return []
        if any(doc[i].lower_ in WERDEN or doc[i].lower_ in COPULA for i in clause.tokens):
            return []
        if any(t.reciprocal for lemma in self.reader.lemmas(doc, clause)
               for t in self.lexicon.verb_triggers(lemma)):
            return []  # "X verhandelt gemeinsam mit Y": with Y, or on Y's side?
        together = [a.mention for a in clause.args if a.prep == "mit" and a.article_at > 0
                    and doc[a.article_at - 1].lower_ in JOINTLY and a.mention.is_agentive]
        actors = [m for m in subj if m not in together and m.is_agentive]
        if not together or not actors:
            return []
        trigger = Trigger(label="partners_with", kind="verb", text="zusammen mit",
                          lemma="zusammen mit", confidence=JOINT_CONFIDENCE)
        return [Found(a.actor, "partners_with", t.actor, trigger, (t.start,),
                      "surface.joint", JOINT_CONFIDENCE, negated, hypothetical)
                for a in actors for t in together if a.actor != t.actor]

    @staticmethod
    def _verb_of(text: SurfaceText, participle: str) -> str | None:
        if participle not in text.participles:
            text.participles[participle] = participle_verb(participle, text.vocab)
        return text.participles[participle]

    def _participle_attributes(self, doc: Words, clause: Clause, text: SurfaceText
                               ) -> list[Found]:
        """An attributive participle with its agent: "die von X übernommene Firma Y",
        "das von X angedrohte Verbot von Y", "die von X erhobenen Vorwürfe gegen Y".

        The agent is the von/durch phrase right before the participle. A participle of
        a verb trigger relates the agent to the head noun's actor (the head itself, its
        apposition or its complement); a participle of a support verb gives the agent
        to a noun trigger as head. The noun phrase presupposes its relation: only its
        own words can make it negated or hypothetical."""
        out: list[Found] = []
        limit = len(doc)
        for a in clause.args:
            if a.prep not in ("von", "durch") or a.coord >= 0 or not a.mention.is_agentive:
                continue
            p = a.mention.end
            if p + 1 < limit and doc[p].text.islower() and not adjective_like(doc, p, limit) \
                    and adjective_like(doc, p + 1, limit):
                p += 1  # "die von X bereits übernommene Firma"
            if p + 1 >= limit or p not in clause.tokens or not self._attributive(doc, p):
                continue
            lemma = doc[p].lemma_
            # the table gives "kritisierte" its verb, "übernommene" its participle
            verb = self._verb_of(text, lemma) or lemma
            h = p + 1
            while h < limit and adjective_like(doc, h, limit):
                h += 1
            if h >= limit or not is_cap(doc[h]) or h not in clause.tokens:
                continue
            region = self._region(doc, clause, h)
            start = a.article_at - 1 if a.article_at > 0 and doc[a.article_at - 1].lower_ in (
                ARTICLE_CASES) else a.article_at
            negated, hypothetical = cue_flags(self.lexicon, [
                doc[i] for i in range(max(start, 0), h + 1)] + [doc[i] for i in sorted(region)])
            agent = [a.mention]
            head = doc[h].lower_
            for trigger in self.lexicon.verb_triggers(verb):
                if trigger.subject != ("nom",):
                    continue
                spec = self.lexicon.labels[trigger.label]
                objects = self._head_actor(doc, clause, h, region)
                kind = "participle"
                if not objects and spec.through_part and self.lexicon.is_part(head):
                    # "die von X gekaufte Sparte von Y": Y sells to X
                    out.extend(Found(o.actor, spec.through_part, s.actor, trigger, (p,),
                                     "surface.part", confidence(trigger, "deal"), negated,
                                     hypothetical or trigger.hypothetical)
                               for s in agent for o in self._region_role(
                                   doc, clause, h, region, self.lexicon.is_part(head))
                               if s.actor != o.actor)
                    continue
                if not objects and spec.through_deal and self.lexicon.is_deal(head):
                    # "die von X genehmigte Übernahme von Y durch Z": about Z
                    objects = self._region_role(doc, clause, h, region,
                                                self.lexicon.is_deal(head))
                    kind = "deal"
                elif not objects:
                    objects = self._region_role(doc, clause, h, region, ("von", "gen", "gegen"))
                    kind = "attribute"
                out.extend(self._make(s.actor, trigger, o.actor, (p,), kind, negated,
                                      hypothetical)
                           for s in agent for o in objects if s.actor != o.actor)
            if self._is_support_verb(verb):
                for trigger in self.lexicon.noun_triggers(doc[h].lower_):
                    if "clause" not in trigger.subject:
                        continue
                    objects = self._roles_for(doc, clause, h, region, trigger, "object", [],
                                              agent, set())
                    out.extend(self._make(s.actor, trigger, o.actor, (h,), "clause", negated,
                                          hypothetical)
                               for s in agent for o in objects if s.actor != o.actor)
        return out

    @staticmethod
    def _attributive(doc: Words, p: int) -> bool:
        """A lower-case word with an adjective ending before a noun or another
        adjective: the participle of "die von X übernommene Firma" (after a von-phrase
        even a form that could be finite, "die von X kritisierte Firma")."""
        tok, nxt = doc[p], doc[p + 1]
        return tok.is_alpha and tok.text.islower() and tok.lower_.endswith(ADJ_ENDINGS) and (
            is_cap(nxt) or (nxt.is_alpha and nxt.text.islower()
                            and nxt.lower_.endswith(ADJ_ENDINGS)))

    def _head_actor(self, doc: Words, clause: Clause, h: int, region: set[int]
                    ) -> list[Mention]:
        """The actor a noun phrase's head names: the head itself ("die übernommene
        Monsanto") or a name in apposition to a common noun ("die Firma Monsanto")."""
        for k, a in enumerate(clause.args):
            if a.coord < 0 and a.mention.is_agentive and (
                    a.mention.start == h or (a.mention.start == h + 1 and a.prep is None)):
                return self.reader.group(clause, k)
        return []

    def _is_support_verb(self, verb: str) -> bool:
        """Whether ``verb`` (an infinitive, particle joined) is a support verb."""
        lex = self.lexicon
        if verb in lex.support_verbs:
            return True
        return any(verb.endswith(base) and verb[:-len(base)] in particles
                   for base, particles in lex.support_particles.items())

    def _noun_before_pp(self, doc: Words, j: int) -> int:
        """The noun a PP ending at ``j`` belongs to ("die Vorwürfe gegen Y" -> Vorwürfe),
        else ``j`` itself."""
        k = j
        while k > 0 and j - k < 6 and doc[k].lower_ not in PREPOSITIONS and doc[k].text != ",":
            k -= 1
        if k > 0 and k < j and doc[k].lower_ in PREPOSITIONS and is_cap(doc[k - 1]):
            return k - 1
        return j

    def _relative_noun(
        self, doc: Words, clause: Clause, subj: list[Mention], negated: bool,
        hypothetical: bool, used: set[tuple[int, str]], sentence: list[Clause],
    ) -> list[Found]:
        """A noun trigger that a relative clause with a support verb is about: "die
        Klage, die X gegen Y eingereicht hat", "der Vertrag, den X mit Y schloss". The
        pronoun is the verb's object, so the relative clause's subject is the noun's
        agent and its PPs are the noun's; a PP right after the noun counts too ("die
        Vorwürfe gegen Y, die X erhebt")."""
        if clause.kind != "rel" or clause.rel_case != "acc" or clause.attached_to < 0:
            return []
        n = self._noun_before_pp(doc, clause.attached_to)
        noun = doc[n]
        ending = self._has_support(doc, clause, ending=True)
        if not is_cap(noun) or not (ending or self._has_support(doc, clause)):
            return []
        subjects = [m for m in subj if m.is_agentive]
        if not subjects:
            return []
        out: list[Found] = []
        for trigger in self.lexicon.noun_triggers(noun.lower_):
            if "clause" not in trigger.subject:
                continue
            objects: list[Mention] = []
            for role in trigger.object:
                if role not in PREPOSITIONS:
                    continue
                for k, arg in enumerate(clause.args):
                    if arg.prep == role and arg.coord < 0 and arg.mention not in subjects \
                            and arg.mention.is_agentive and (arg.mention.start, role) not in used:
                        objects = self.reader.group(clause, k)
                        break
                if objects:
                    break
            if not objects:
                outer = next((c for c in sentence if n in c.tokens), None)
                if outer is not None:
                    region = self._region(doc, outer, n)
                    objects = [m for m in self._roles_for(
                        doc, outer, n, region, trigger, "object", [], [], set())
                        if m not in subjects]
            for s in subjects:
                for o in objects:
                    if s.actor != o.actor:
                        out.append(self._make(s.actor, trigger, o.actor, (n,), "clause",
                                              negated or ending,
                                              hypothetical or trigger.hypothetical))
        return out

    def _verb_triggers(
        self, doc: Words, clause: Clause, pos: int
    ) -> list[tuple[Trigger, int]]:
        tok = doc[clause.tokens[pos]]
        if not tok.text.islower() and pos > 0:
            return []
        lemma = tok.lemma_.lower()
        keys = (lemma,) if lemma == tok.lower_ else (lemma, tok.lower_)
        last = self.reader.end_particle(doc, clause)
        # "kauft ... ab" is abkaufen, not kaufen: a particle at the clause end takes
        # the plain verb's readings away
        particle_verb = last is not None and last > tok.i and doc[last].lower_ in PARTICLES
        out = [] if particle_verb else [
            (t, -1) for key in keys for t in self.lexicon.verb_triggers(key)
        ]
        if last is not None and last > tok.i:
            for key in keys:
                for t in self.lexicon.separable_triggers(key):
                    if doc[last].lower_ == t.particle:
                        out.append((t, last))
        for t in self.lexicon.phrases.get(lemma, []):
            if t.particle and lemma == t.base and (
                last is None or doc[last].lower_ != t.particle
            ):
                continue
            if not t.particle and particle_verb:
                continue  # "schließt einen Deal ... aus" is ausschließen, not schließen
            if self._has_words(doc, clause, t.words):
                out.append((t, last if t.particle and lemma == t.base else -1))
        return [(t, p) for t, p in out if self._has_words(doc, clause, t.requires) and (
            not t.requires_any or self._has_words(doc, clause, t.requires_any, any_of=True))
            and not (t.excludes and self._has_words(doc, clause, t.excludes, any_of=True))]

    def _has_words(self, doc: Words, clause: Clause, words: tuple[str, ...],
                   any_of: bool = False) -> bool:
        """Whether the clause has all (``any_of``: one) of ``words``, as forms, lemmas,
        inflected forms or compound heads."""
        if not words:
            return True
        have = set()
        for i in clause.tokens:
            tok = doc[i]
            have.add(tok.lower_)
            have.add(tok.lemma_.lower())
        for word in words:
            # compounds ("Investorenvertrag") and inflected forms ("schwarze")
            found = word in have or any(
                (h.endswith(word) and len(h) > len(word))
                or (h.startswith(word) and len(h) - len(word) <= 3)
                for h in have
            )
            if found and any_of:
                return True
            if not found and not any_of:
                return False
        return not any_of

    def _verbal(
        self, doc: Words, clause: Clause, tok: Word, trigger: Trigger, particle_at: int,
        subj: list[Mention], negated: bool, hypothetical: bool, used: set[tuple[int, str]],
        sentence: list[Clause],
    ) -> list[Found]:
        toks = [doc[i] for i in clause.tokens]
        werden = [t for t in toks if t.lower_ in WERDEN]
        participle = tok.lower_ != tok.lemma_.lower() and not tok.lower_.startswith("zu")
        passive = (bool(werden) or self._headline_passive(doc, clause, tok)) and (
            participle and trigger.subject == ("nom",)) or _reflexive_passive(
                toks, tok, participle) and trigger.subject == ("nom",)
        if werden and not participle and tok.lower_ == tok.lemma_.lower():
            hypothetical = True  # "wird ... übernehmen"
        trig_tokens = (tok.i,) if particle_at < 0 else (tok.i, particle_at)
        args = clause.args
        subjects: list[Mention]
        objects: list[Mention] = []
        kind = "verb"
        if passive:
            # a headline drops the articles: "Nordbank von Verdi verklagt" has its agent
            # right after a name
            headline = not werden
            agents = [k for k, a in enumerate(args) if a.prep in ("von", "durch")
                      and a.coord < 0 and (not self._after_noun(doc, a) or (
                          headline and any(b.mention.end == a.article_at for b in args))
                          or _before_participle(doc, a, tok.i))]
            if agents:
                subjects = self.reader.group(clause, agents[0])
            elif clause.kind == "rel" and clause.rel_case in ("von", "durch"):
                # "X, von der Y übernommen wurde": the relative pronoun is the agent
                subjects = [m for m in clause.antecedent if m.kind == "name"]
            else:
                subjects = []
            if not subjects:
                return []
            if clause.kind == "rel" and clause.rel_case == "nom":
                objects = list(clause.antecedent)
            else:
                pat = [k for k, a in enumerate(args) if a.can_be("nom") and a.coord < 0]
                objects = self.reader.group(clause, pat[0]) if pat else []
            kind = "passive"
        else:
            subjects = self._fill(doc, clause, trigger.subject, subj, tok, exclude=[],
                                  label=trigger.label)
            if clause.kind == "inf" and clause.controller is not None and not subjects:
                noun, agents = self._noun_complement(doc, clause)
                subjects = agents if noun >= 0 else self._controller(doc, clause.controller)
                if noun >= 0 and doc[noun].lower_.startswith(self.lexicon.proposals):
                    hypothetical = True  # "der Plan der X, Y zu kaufen"
            if trigger.strict_subject and subjects and subjects[0].start > tok.i and (
                    tok.i != clause.tokens[0]):
                # "Tiktok droht das Aus" is no threat; a verb that opens its clause
                # ("Während ..., drohte Trump Tiktok") has its subject after it
                return []
            if clause.kind == "sub" and subjects and all(m.start > tok.i for m in subjects):
                # verb-final clauses have their subject before the verb: in "ob das
                # Gericht X zustimmt und Apple ..." Apple is not who agrees
                return []
            objects = self._fill(doc, clause, trigger.object, subj, tok, exclude=subjects,
                                 label=trigger.label)
            for a in args:
                if a.prep and a.mention in objects:
                    used.add((a.mention.start, a.prep))
            if not objects and trigger.reciprocal and len(subjects) > 1 and not (
                    self._other_partner(doc, clause, trigger)):
                kind = "reciprocal"
                return [
                    self._make(a.actor, trigger, b.actor, trig_tokens, kind, negated,
                               hypothetical)
                    for n, a in enumerate(subjects) for b in subjects[n + 1:]
                ]
            if not objects and len(subjects) > 1 and any(
                    doc[i].lower_ in MUTUAL for i in clause.tokens):
                # "X und Y werfen sich gegenseitig vor, ...": each to the other
                return [
                    self._make(a.actor, trigger, b.actor, trig_tokens, "reciprocal", negated,
                               hypothetical)
                    for a in subjects for b in subjects if a.actor != b.actor
                ]
            spec = self.lexicon.labels[trigger.label]
            if not objects and spec.through_deal and not trigger.direct:
                objects = self._deal_parties(doc, clause, tok)
                kind = "deal"
            if not objects and spec.through_flow and not trigger.direct and (
                    trigger.lemma in self.lexicon.flow_verbs):
                # "blockiert Exporte nach X", "verbietet Lieferungen an X": the other side
                objects = self._object_noun_role(doc, clause, self.lexicon.is_flow, subjects)
                kind = "deal"
            if not objects and spec.through_attribute and not trigger.direct:
                objects = self._attribute_owner(doc, clause, trigger, subjects)
                kind = "attribute"
            if not objects and spec.through_attribute and not trigger.direct and (
                    clause.kind == "sub" and clause.controller is not None
                    and doc[clause.tokens[0]].lower_ in SENTENTIAL_RELATIVES):
                # "X wirft Y Spionage vor, was Y zurückweist": Y rejects what X claims
                main = clause.controller
                while main.kind in ("inf", "sub") and main.controller is not None:
                    main = main.controller
                objects = [m for m in self.reader.subject(main, doc) if m not in subjects]
                kind = "attribute"
            if not objects and spec.through_clause and not trigger.direct:
                # "fordert, dass die Bank verkauft": the subject of the dass-clause
                objects = [m for m in self._complement_subject(doc, clause, sentence)
                           if m not in subjects]
                kind = "attribute"
            if not objects and spec.through_part and not trigger.direct:
                # "übernimmt die Kreditsparte der Nordbank": the owner of the part sells
                # it to the subject
                whole = self._whole_of(doc, clause, subjects)
                if whole:
                    # "erwirbt alle Anteile von Y": buying all of Y is buying Y
                    return [self._make(s.actor, trigger, o.actor, trig_tokens, "deal", negated,
                                       hypothetical)
                            for s in subjects for o in whole if s.actor != o.actor]
                owners = self._part_owners(doc, clause, tok, subjects)
                return [
                    Found(o.actor, spec.through_part, s.actor, trigger, trig_tokens,
                          "surface.part", confidence(trigger, "deal"), negated,
                          hypothetical or trigger.hypothetical)
                    for s in subjects for o in owners if s.actor != o.actor
                ]
        found = [
            self._make(s.actor, trigger, o.actor, trig_tokens, kind, negated, hypothetical)
            for s in subjects for o in objects if s.actor != o.actor
        ]
        if found and not passive:
            found.extend(self._seller(doc, clause, trigger, subjects, objects, trig_tokens,
                                      negated, hypothetical))
        return found

    def _seller(self, doc: Words, clause: Clause, trigger: Trigger, subjects: list[Mention],
                objects: list[Mention], trig_tokens: tuple[int, ...], negated: bool,
                hypothetical: bool) -> list[Found]:
        """The one a buyer buys from: "X kauft Y von Z" also says Z sells to X (labels
        with ``through_part``; the von-phrase stands for itself or right after a name,
        not after a common noun: "die Sparte von Z" is the part rule's)."""
        spec = self.lexicon.labels[trigger.label]
        if not spec.through_part or trigger.direct:
            return []
        sellers = [a.mention for a in clause.args
                   if a.prep == "von" and a.coord < 0 and a.mention.is_agentive
                   and a.mention not in subjects and a.mention not in objects
                   and (not self._after_noun(doc, a)
                        or any(b.mention.end == a.article_at for b in clause.args))]
        return [Found(z.actor, spec.through_part, x.actor, trigger, trig_tokens,
                      "surface.deal", confidence(trigger, "deal"), negated,
                      hypothetical or trigger.hypothetical)
                for z in sellers[:1] for x in subjects if z.actor != x.actor]

    def _whole_of(self, doc: Words, clause: Clause, subjects: list[Mention]
                  ) -> list[Mention]:
        """The company all of whose shares a clause names: "alle Anteile der X",
        "sämtliche Aktien von X", "100 Prozent der Anteile an X" (buying them is buying
        X); not "alle Anteile von Y an X", which are all of Y's."""
        for pos, i in enumerate(clause.tokens):
            if not is_cap(doc[i]) or self.lexicon.is_part(doc[i].lower_) is None:
                continue
            before = [doc[j].lower_ for j in clause.tokens[max(0, pos - 3):pos]]
            if not (before and before[-1] in WHOLE) and before[-3:] != ["100", "prozent", "der"]:
                continue
            region = self._region(doc, clause, i)
            if self._noun_role(doc, clause, i, region, "von") and self._noun_role(
                    doc, clause, i, region, "an"):
                return []  # "alle Anteile von X an Y": all of X's shares, not all of Y
            owners = [m for m in self._region_role(doc, clause, i, region, ("an", "gen", "von"))
                      if m not in subjects]
            if owners:
                return owners
        return []

    def _headline_passive(self, doc: Words, clause: Clause, tok: Word) -> bool:
        """A headline's passive without its auxiliary: "Nordbank von Verdi verklagt" -
        the participle ends the clause, a von/durch phrase stands before it and no
        other verb is there."""
        last = max((i for i in clause.tokens if not doc[i].is_punct), default=-1)
        if last != tok.i or not any(a.prep in ("von", "durch") and a.mention.end <= tok.i
                                    for a in clause.args):
            return False
        return not any(verb_like(doc[i]) for i in clause.tokens if i != tok.i)

    def _noun_complement(self, doc: Words, clause: Clause) -> tuple[int, list[Mention]]:
        """The noun an infinitive clause completes, and that noun's agent: "die
        Entscheidung der Kommission, X zu genehmigen" - the Kommission decides, not the
        subject of the clause around it. (-1, []) when the infinitive follows no noun."""
        ctrl = clause.controller
        comma = clause.tokens[0] - 1
        if ctrl is None or comma < 1 or doc[comma].text != "," or comma - 1 not in ctrl.tokens:
            return -1, []
        # back over a genitive phrase ("der Kommission") to the noun it belongs to
        j = comma - 1
        while j > ctrl.tokens[0] and (any(a.mention.start <= j < a.mention.end
                                          for a in ctrl.args)
                                      or doc[j].lower_ in ARTICLE_CASES
                                      or adjective_like(doc, j, len(doc))):
            j -= 1
        if not is_cap(doc[j]) or any(a.mention.start <= j < a.mention.end for a in ctrl.args):
            return -1, []
        region = self._region(doc, ctrl, j)
        agents = self._region_role(doc, ctrl, j, region, ("possessor", "gen", "von"))
        return (j, agents) if agents else (-1, [])

    def _controller(self, doc: Words, ctrl: Clause) -> list[Mention]:
        """Understood subject of an infinitive clause: the object of an object-control
        verb in the governing clause ("fordert X auf, ..."), else its subject."""
        subj = self.reader.subject(ctrl)
        if self.reader.lemmas(doc, ctrl) & self.lexicon.object_control:
            objs = [a.mention for a in ctrl.args if a.mention not in subj and (
                a.can_be("acc") or a.can_be("dat")) and a.mention.is_agentive]
            if not objs and ctrl.tokens and doc[ctrl.tokens[0]].lower_ in PRONOUNS:
                # "Er wirft Gabriel vor, ...": a pronoun nobody resolved is the subject,
                # so the one name is the object
                objs = [m for m in subj if m.start > ctrl.tokens[0]]
            return objs[:1]
        if not subj and ctrl.kind == "inf" and ctrl.controller is not None:
            # "kündigte an, X zu erhöhen, um Y zu unterstützen": up the chain
            return self._controller(doc, ctrl.controller)
        return subj

    def _after_noun(self, doc: Words, arg: Arg) -> bool:
        """Whether the preposition of ``arg`` follows a noun (an attribute, not an agent)."""
        at = arg.article_at
        if at <= 0:
            return False
        prev = doc[at - 1]
        return is_cap(prev) and not prev.is_sent_start

    def _fill(
        self, doc: Words, clause: Clause, roles: tuple[str, ...], subj: list[Mention],
        trigger: Word, exclude: list[Mention], label: str = "",
    ) -> list[Mention]:
        """Mentions of the first role in ``roles`` that has any, for a verb trigger."""
        for role in roles:
            if role == "nom":
                got = [m for m in subj if m not in exclude]
                if got:
                    return got
                continue
            for k, arg in enumerate(clause.args):
                if (arg.coord >= 0 or arg.mention in exclude or arg.mention in subj
                        or arg.example or arg.aside):
                    continue
                if not arg.mention.is_agentive:
                    continue
                if role in ("acc", "dat", "gen"):
                    ok = arg.can_be(role) and not self._object_of_other_verb(
                        doc, clause, arg, trigger)
                else:
                    ok = arg.prep == role and not (
                        self._after_noun(doc, arg) and role in ("von", "an", "mit")
                        and self._noun_before_is_trigger(doc, arg, label)
                    )
                if ok:
                    return [m for m in self.reader.group(clause, k) if m not in exclude]
            if clause.kind == "rel" and clause.rel_case == role and role in ("acc", "dat"):
                # "X, den Y verklagt": the relative pronoun stands for its antecedent
                return [m for m in clause.antecedent if m not in exclude]
            if clause.kind == "rel" and clause.rel_case == role and role in PREPOSITIONS:
                # "X, mit der Y verhandelt": the same after its preposition, for a named
                # antecedent
                return [m for m in clause.antecedent if m not in exclude and m.kind == "name"]
        return []

    @staticmethod
    def _other_partner(doc: Words, clause: Clause, trigger: Trigger) -> bool:
        """Whether the clause names another partner: in "X und Y einigten sich mit dem
        Iran" X and Y agree with Iran, not with each other (and "gemeinsam mit Z"
        puts Z on their side, with nobody named across the table)."""
        preps = {role for role in trigger.object if role in PREPOSITIONS}
        return any(doc[i].lower_ in preps for i in clause.tokens)

    @staticmethod
    def _object_of_other_verb(doc: Words, clause: Clause, arg: Arg, trigger: Word) -> bool:
        """Whether ``arg`` belongs to an earlier verb of a shared bracket: in "hat Tiktok
        verboten und Wechat gesperrt" Tiktok is the object of "verboten", not of
        "gesperrt"."""
        if arg.mention.end > trigger.i:
            return False
        between = [i for i in clause.tokens if arg.mention.end <= i < trigger.i]
        for n, i in enumerate(between[:-1]):
            tok = doc[i]
            if verb_like(tok) and tok.lower_ not in AUXILIARIES and (
                    doc[between[n + 1]].lower_ in COORDINATORS):
                return True
        return False

    def _noun_before_is_trigger(self, doc: Words, arg: Arg, label: str) -> bool:
        """Whether the PP of ``arg`` belongs to a noun trigger of another label
        ("verkauft ... nach dem Verkauf an X": the "an" is the noun's), i.e. the
        preposition is a role of that noun's frame ("verkauft die Sparte an X": not)."""
        prev = doc[arg.article_at - 1]
        return any(t.label != label and arg.prep in (*t.subject, *t.object)
                   for t in self.lexicon.noun_triggers(prev.lower_))

    def _deal_parties(self, doc: Words, clause: Clause, verb: Word) -> list[Mention]:
        """Acting parties of a deal noun that is the object of the verb."""
        return self._object_noun_role(doc, clause, self.lexicon.is_deal, [])

    def _object_noun_role(self, doc: Words, clause: Clause, roles_of, exclude: list[Mention]
                          ) -> list[Mention]:
        """Mentions in the role that ``roles_of`` gives a noun of the clause that is no
        PP and does not open the clause: the acting party of a deal ("blockiert die
        Übernahme von Y durch X"), the owner of a part ("übernimmt die Sparte von X")."""
        for i in clause.tokens:
            tok = doc[i]
            if not is_cap(tok) or i == clause.tokens[0]:
                continue
            roles = roles_of(tok.lower_)
            if roles is None:
                continue
            prev = doc[i - 1].lower_ if i > 0 else ""
            if prev in PREPOSITIONS:
                continue
            region = self._region(doc, clause, i)
            found = [m for m in self._region_role(doc, clause, i, region, roles)
                     if m not in exclude]
            if found:
                return found
        return []

    def _complement_subject(self, doc: Words, clause: Clause, sentence: list[Clause]
                            ) -> list[Mention]:
        """The subject of a "dass" (or "wie") clause of the ``sentence`` that ``clause``
        governs: what is demanded, criticised or welcomed is what that subject does
        ("kritisiert, wie X mit Y umgeht")."""
        for other in sentence:
            if other.kind == "sub" and other.controller is clause and other.tokens and (
                    doc[other.tokens[0]].lower_ in ("dass", "daß", "wie")):
                return self.reader.subject(other, doc)
        return []

    def _part_owners(self, doc: Words, clause: Clause, verb: Word,
                     subjects: list[Mention]) -> list[Mention]:
        """Owners of a part of an actor (a division, shares, a branch network) that is
        the object of the verb: "die Sparte von X", "die Filialen der X", "ihre
        Anteile" with X as possessor."""
        return self._object_noun_role(doc, clause, self.lexicon.is_part, subjects)

    def _attribute_owner(
        self, doc: Words, clause: Clause, trigger: Trigger, subjects: list[Mention]
    ) -> list[Mention]:
        """The actor whose claim, decision or position the verb's object is:
        "widerspricht der Auffassung der Kommission", "wendet sich gegen die
        Erlaubnis von X" (labels with ``through_attribute: true``)."""
        toks = clause.tokens
        for pos, i in enumerate(toks):
            tok = doc[i]
            # a main clause's first word is its subject or a fronted phrase; an
            # infinitive clause may open with its object ("Downloads der App ... zu
            # verbieten")
            if not is_cap(tok) or (pos == 0 and clause.kind != "inf") or any(
                    a.mention.start <= i < a.mention.end and a.mention.kind != "modifier"
                    for a in clause.args):
                continue  # a name is no claim; a compound can be ("das Tiktok-Verbot")
            if self.lexicon.is_deal(tok.lower_):
                continue
            noun_triggers = self.lexicon.noun_triggers(tok.lower_)
            j = pos - 1
            while j >= 0 and adjective_like(doc, toks[j], len(doc)):
                j -= 1
            opener = doc[toks[j]].lower_ if j >= 0 else ""
            prep = None
            if j < 0:  # a bare noun phrase opening an infinitive clause
                ok = clause.kind == "inf" and any(r in ("acc", "dat", "gen")
                                                  for r in trigger.object)
            elif opener in ARTICLE_CASES:
                if j > 0 and doc[toks[j - 1]].lower_ in PREPOSITIONS:
                    prep = doc[toks[j - 1]].lower_
                cases = ARTICLE_CASES[opener]
                ok = any(r == prep or (prep is None and r in cases) for r in trigger.object)
            elif opener in PREPOSITIONS:
                ok = opener in trigger.object
            else:  # a bare noun phrase ("neuen Konditionen der Regierung") has any case
                ok = any(r in ("acc", "dat", "gen") for r in trigger.object)
            if not ok:
                continue
            region = self._region(doc, clause, i)
            # the agent of a trigger noun ("gegen die Klage der FTC"), else whoever
            # the claim belongs to ("der Auffassung der Kommission")
            roles = ("gen", "von")
            if noun_triggers:
                # a genitive the noun's frame does not give its object is its author:
                # "das Angebot der X" (but "das Übernahmeangebot der X" is for X)
                first = noun_triggers[0]
                roles = tuple(r for r in first.subject if r != "clause") + (
                    ("gen",) if "gen" not in first.subject + first.object else ())
            for role in roles:
                got = [m for m in self._noun_role(doc, clause, i, region, role)
                       if m not in subjects and m.is_agentive]
                if got:
                    return got
            if not noun_triggers and tok.lower_.rsplit("-", 1)[-1].startswith(
                    self.lexicon.acts):
                # "begrüßte die BGH-Entscheidung": the actor a compound names is the
                # author of its decision, plan or step, as a genitive would be
                got = [a.mention for a in clause.args if a.mention.kind == "modifier"
                       and a.mention.start <= i < a.mention.end
                       and a.mention not in subjects]
                if got:
                    return got
        return []

    # -- nominal triggers ------------------------------------------------------------
    def _region(self, doc: Words, clause: Clause, n: int) -> set[int]:
        """Tokens of the noun phrase after noun ``n``: articles, adjectives, nouns,
        names, numbers and attribute prepositions, up to a verb or boundary."""
        out: set[int] = set()
        toks = clause.tokens
        try:
            pos = toks.index(n) + 1
        except ValueError:
            return out
        while pos < len(toks):
            i = toks[pos]
            tok = doc[i]
            low = tok.lower_
            if i != toks[pos - 1] + 1:
                # a parenthesis or comma was skipped: continue only into a list of actors
                break
            if (
                low in ARTICLE_CASES or low in ATTRIBUTE_PREPS or low in CONTRACTIONS
                or low in APOSTROPHE_S
                or low in COORDINATORS or is_cap(tok) or tok.like_num
                or low in REGION_WORDS
                or adjective_like(doc, i, len(doc))
            ):
                out.add(i)
                pos += 1
                continue
            break
        return out

    def _region_role(
        self, doc: Words, clause: Clause, n: int, region: set[int], roles: tuple[str, ...]
    ) -> list[Mention]:
        for role in roles:
            got = self._noun_role(doc, clause, n, region, role)
            if got:
                return got
        return []

    def _noun_role(
        self, doc: Words, clause: Clause, n: int, region: set[int], role: str
    ) -> list[Mention]:
        args = clause.args
        if role == "modifier":
            return [a.mention for a in args if a.mention.start == n and a.mention.end == n + 1
                    and a.mention.kind == "modifier"]
        if role == "possessor":
            for k, a in enumerate(args):
                if a.possessor_of == n and a.coord < 0:
                    return self.reader.group(clause, k)
            return []
        if role == "apposition":
            for k, a in enumerate(args):
                # right after the noun, or a name the tagger read with its title
                # ("des Milliardärs Brandt" as one mention)
                if a.coord < 0 and (a.mention.start == n + 1 or (
                        a.mention.start == n and a.mention.end > n + 1
                        and a.mention.kind == "name")):
                    return self.reader.group(clause, k)
            return self._left_apposition(doc, clause, n)
        if role == "genitive_of":
            # "der Konzern X des Unternehmers Y": the actor right before the genitive
            j = n - 1
            while j >= 0 and adjective_like(doc, j, n + 1):
                j -= 1
            if j < 1 or doc[j].lower_ not in ("des", "der"):
                return []
            return [a.mention for a in args if a.mention.end == j and a.mention.is_agentive
                    and a.prep is None][:1]
        for k, a in enumerate(args):
            if a.coord >= 0 or a.mention.start not in region or a.example:
                continue
            if role == "gen":
                if a.prep is None and a.cases is not None and "gen" in a.cases and (
                    a.article_at in region
                ):
                    return self.reader.group(clause, k)
            elif a.prep == role and a.article_at in region:
                return self.reader.group(clause, k)
        return []

    def _left_apposition(self, doc: Words, clause: Clause, n: int) -> list[Mention]:
        """'X, der Mutterkonzern von Y' and 'X als Technologie-Partner von Y' forms: the
        actor right before the comma or "als" that precedes the trigger's noun phrase."""
        j = n - 1
        while j >= 0 and (doc[j].lower_ in ARTICLE_CASES or adjective_like(doc, j, n + 1)):
            j -= 1
        if j < 1 or (doc[j].text != "," and doc[j].lower_ != "als"):
            return []  # "X, der Mutterkonzern von Y", "X als Partner von Y"
        for a in clause.args:
            if a.mention.end == j and a.mention.is_agentive:
                return [a.mention]
        return []

    def _nominal(
        self, doc: Words, clause: Clause, tok: Word, trigger: Trigger, subj: list[Mention],
        clause_cues: tuple[bool, bool], reported: bool, used: set[tuple[int, str]],
    ) -> list[Found]:
        n = tok.i
        if _degree(doc, n):
            return []  # "gehört zu 60 Prozent der Stadt": a degree, no stake of its own
        region = self._region(doc, clause, n)
        # A noun phrase presupposes its relation: the cues of its own words count
        # ("die geplante Übernahme", "keine Anteile"), not the modal of its clause
        # ("will die Übernahme blockieren") - unless the clause subject is an
        # argument (a support verb: "will Gespräche führen").
        before = []
        i = n - 1
        while i >= clause.tokens[0] and len(before) < 2 and adjective_like(doc, i, len(doc)):
            before.append(doc[i])
            i -= 1
        local = before + [tok] + [doc[i] for i in sorted(region)]
        negated, hypothetical = cue_flags(self.lexicon, local)
        hypothetical = hypothetical or reported
        # the preposition opening the trigger's noun phrase, and where it stands
        stance, _, at = self.reader.phrase_role(doc, clause, clause.tokens.index(n))
        if stance in IN_FAVOUR | {"zu", "über"} and at > 0 and (
                doc[at - 1].lower_.startswith(self.lexicon.proposals)):
            hypothetical = True  # "ein Vorschlag für einen Pakt von X und Y"
        taken: list[Mention] = []
        objects = self._roles_for(doc, clause, n, region, trigger, "object", subj, taken, used)
        existential = _existential(doc, clause, n)
        if existential:
            # "Zwischen X und Y gibt es keine Gespräche": the clause states the noun
            negated, hypothetical = negated or clause_cues[0], hypothetical or clause_cues[1]
        if not objects and "clause" in trigger.subject and (
                self._has_support(doc, clause) or existential):
            objects = self._clause_pp(doc, clause, n, trigger, subj, used)
            if not objects and clause.kind == "rel" and clause.rel_case in trigger.object and (
                    clause.rel_case in PREPOSITIONS):
                # "X, mit der Y eine Partnerschaft pflegt": the relative pronoun's PP
                objects = [m for m in clause.antecedent if m not in subj]
        claim_at = -1
        if not objects and self.lexicon.labels[trigger.label].through_attribute:
            objects, claim_at = self._claim_owner(doc, clause, n, region, trigger)
        taken.extend(objects)
        subjects = self._roles_for(doc, clause, n, region, trigger, "subject", subj, taken, used)
        if claim_at >= 0 and any(claim_at < m.start for m in subjects):
            # the PPs after the decision noun are the decision's ("Berufung gegen die
            # Genehmigung von X durch Y"): the agent of the trigger is the clause's
            subjects = self._clause_role(doc, clause, n, region, subj, trigger)
        kind = "noun"
        if not objects and len(subjects) > 1 and self.lexicon.labels[trigger.label].symmetric \
                and subjects == [m for m in subj if m not in taken]:
            # "X und Y erzielten eine Einigung": the coordinated subjects with each other;
            # "X und Y erneuern ihre Allianz": theirs, whatever the verb
            theirs = THEIR.intersection(doc[i].lower_ for i in range(max(0, n - 2), n))
            return [
                self._make(a.actor, trigger, b.actor, (n,), "clause", negated,
                           hypothetical or trigger.hypothetical or clause_cues[1])
                for k, a in enumerate(subjects) for b in subjects[k + 1:]
            ] if theirs or self._has_support(doc, clause) else []
        if not subjects and self.lexicon.labels[trigger.label].symmetric and len(objects) > 1:
            # "die Einigung zwischen X und Y", "ein Pakt von X und Y": the two with each
            # other; but "Gespräche mit X und Y" are someone else's with both
            if any(a.prep == "mit" for a in clause.args if a.mention in objects):
                return []
            return [
                self._make(a.actor, trigger, b.actor, (n,), kind, negated,
                           hypothetical or trigger.hypothetical)
                for i, a in enumerate(objects) for b in objects[i + 1:]
            ]
        if any(r == "clause" for r in trigger.subject) and subjects and subjects == [
            m for m in subj if m not in taken
        ]:
            kind = "clause"
            if objects and "gen" in trigger.subject and self._is_subject(
                    doc, clause, n, region) and all(
                    a.cases == GENITIVE and a.prep is None
                    for a in clause.args if a.mention in objects):
                # "Das Verbot des Stadtrats trifft X": a genitive the noun's frame
                # reads as agent or object, after the clause's subject noun, is as
                # likely its agent; the clause's other noun phrase is none
                return []
            if stance in AGAINST:
                return []  # "spricht sich gegen eine Koalition mit X aus": no relation
            if stance in IN_FAVOUR and self.reader.lemmas(doc, clause) & self.lexicon.advocacy:
                hypothetical = True  # "wirbt für eine Partnerschaft mit X"
            if self._prospect(doc, clause, n):
                hypothetical = True  # "steht vor der Übernahme von X": not yet done
            # "seinen Partner X": a possessive presupposes the relation, the clause's
            # modal or plan ("erwägt eine Investition in seinen Partner X") is not its
            possessive = any(doc[j].lower_ in OWNER_WORDS for j in range(max(0, n - 3), n))
            # a framing phrase presupposes its relation ("Nach der Einigung mit X will Y
            # ..."): the clause's modal is not the noun's
            framing = self._framing(doc, clause, n, trigger)
            # a title or an "als" phrase of the subject ("der Fischer-AG-Eigentümer
            # Nordbank plant …", "die Nordbank als Eigentümerin der X will …") says what
            # the subject is, not what it plans
            titled = any(m.start == n + 1 for m in subjects) or _as_role(doc, n, subjects)
            if (trigger.clause_any or self._has_support(doc, clause)) and not possessive and (
                    not framing) and not titled:
                negated = negated or clause_cues[0]
                hypothetical = hypothetical or clause_cues[1]
            negated = negated or self._has_support(doc, clause, ending=True) or (
                self._stated(doc, clause, trigger, n) == "denies")
            if not objects and trigger.reciprocal and len(subjects) > 1 and not (
                    self._other_partner(doc, clause, trigger)):
                # a reciprocal noun ("X und Y erzielten einen Kompromiss"): the
                # coordinated parties relate to each other
                return [
                    self._make(a.actor, trigger, b.actor, (n,), kind, negated,
                               hypothetical or trigger.hypothetical)
                    for i, a in enumerate(subjects) for b in subjects[i + 1:]
                ]
        if not objects and subjects and kind == "noun" and self._responds(
                doc, clause, stance, trigger):
            # "X erfüllt die Forderungen von Y": the act was aimed at the one answering
            objects = [m for m in subj if m not in subjects and m.start not in region]
        return [
            self._make(s.actor, trigger, o.actor, (n,), kind, negated,
                       hypothetical or trigger.hypothetical)
            for s in subjects for o in objects if s.actor != o.actor
        ]

    def _responds(self, doc: Words, clause: Clause, stance: str | None,
                  trigger: Trigger) -> bool:
        """Whether the clause subject answers, obeys or suffers the noun, whose phrase
        the preposition ``stance`` opens (None: the verb's own object). A lawsuit or
        complaint is decided by a court or an authority as often as it is answered by
        the one sued: for ``sues`` only resisting it counts ("wehrt sich gegen die
        Klage von Y", not "weist die Beschwerde von Y zurück")."""
        responses = self.lexicon.responses
        if not responses:
            return False
        want = stance or ""
        words = self.reader.lemmas(doc, clause)
        if trigger.label == "sues" and "wehren" not in words:
            return False
        return any(want in responses.get(word, ()) for word in words)

    def _claim_owner(self, doc: Words, clause: Clause, n: int, region: set[int],
                     trigger: Trigger) -> tuple[list[Mention], int]:
        """The author of the decision or claim a noun trigger is aimed at: "Berufung
        gegen die Entscheidung der Kommission", "Kritik an der Genehmigung durch X"
        (labels with ``through_attribute``), and where the PP of the claim starts."""
        order = sorted(i for i in region if i > n)
        for k, i in enumerate(order):
            prep = CONTRACTIONS.get(doc[i].lower_, doc[i].lower_)
            if prep not in trigger.object or prep not in ATTRIBUTE_PREPS:
                continue
            j = k + 1
            while j < len(order) and (doc[order[j]].lower_ in ARTICLE_CASES
                                      or adjective_like(doc, order[j], len(doc))):
                j += 1
            if j >= len(order) or not is_cap(doc[order[j]]) or any(
                    a.mention.start <= order[j] < a.mention.end for a in clause.args):
                return [], -1  # the PP names an actor itself, or no noun
            claim = order[j]
            inner = self._region(doc, clause, claim)
            for role in ("gen", "durch", "seitens", "von", "possessor", "modifier"):
                got = [m for m in self._noun_role(doc, clause, claim, inner, role)
                       if m.is_agentive or role == "modifier"]
                if got:
                    return got, i
            return [], -1
        return [], -1

    def _clause_pp(
        self, doc: Words, clause: Clause, n: int, trigger: Trigger, subj: list[Mention],
        used: set[tuple[int, str]],
    ) -> list[Mention]:
        """The partner of a noun trigger in a support-verb clause, in a PP of the clause
        rather than after the noun: German puts a PP of the noun before it in the middle
        field ("X hat mit Y eine Einigung erzielt", "X will mit Y Gespräche führen", "X
        hält an Y eine Beteiligung", "X hat für Y ein Angebot vorgelegt"). Not "von" and
        "durch", which name the agent or the source."""
        for role in trigger.object:
            if role not in PREPOSITIONS or role in AGENT_PREPS:
                continue
            for k, arg in enumerate(clause.args):
                if arg.prep != role or arg.coord >= 0 or arg.mention in subj or (
                        arg.mention.start, role) in used or not arg.mention.is_agentive:
                    continue
                if arg.article_at > n or not self._between_is_free(doc, clause, arg, n):
                    continue
                return self.reader.group(clause, k)
        return []

    def _between_is_free(self, doc: Words, clause: Clause, arg: Arg, n: int) -> bool:
        """Whether no other noun trigger, deal noun or verb stands between the PP of
        ``arg`` and the noun at ``n`` (the PP could belong to that word instead)."""
        for i in clause.tokens:
            if arg.mention.end <= i < n:
                tok = doc[i]
                if is_cap(tok) and (self.lexicon.noun_triggers(tok.lower_)
                                    or self.lexicon.is_deal(tok.lower_)):
                    return False
                if verb_like(tok) and tok.lower_ not in AUXILIARIES and not (
                        tok.lower_ in EXISTENTIAL and _existential(doc, clause, n)):
                    return False
        return True

    def _roles_for(
        self, doc: Words, clause: Clause, n: int, region: set[int], trigger: Trigger,
        position: str, subj: list[Mention], taken: list[Mention], used: set[tuple[int, str]],
    ) -> list[Mention]:
        """Mentions filling the trigger's ``position`` ("subject"/"object"): those of the
        first role in its frame that has any."""
        roles = trigger.subject if position == "subject" else trigger.object
        for role in roles:
            if role == "clause":
                # the clause subject as object ("Auf Druck der USA blockieren die
                # Niederlande ...") needs no licence; as subject it needs one
                got = self._clause_role(doc, clause, n, region, subj, trigger,
                                        licensed=position == "object",
                                        copula="apposition" in roles)
            else:
                got = self._noun_role(doc, clause, n, region, role)
                if role in ATTRIBUTE_PREPS:
                    got = [m for m in got if (m.start, role) not in used]
            got = [m for m in got if m not in taken and (m.is_agentive or role == "modifier")]
            if got:
                return got
        return []

    def _clause_role(
        self, doc: Words, clause: Clause, n: int, region: set[int], subj: list[Mention],
        trigger: Trigger, licensed: bool = False, copula: bool = False,
    ) -> list[Mention]:
        """The clause subject as the implicit agent of a noun trigger, when licensed by
        a support verb, a possessive determiner, a copula (role nouns) or the trigger."""
        cands = subj
        if clause.kind == "inf" and clause.controller is not None:
            cands = self._controller(doc, clause.controller)
        cands = [m for m in cands if m.start not in region and m.start != n]
        if not cands:
            return []
        trigger_ok = trigger.clause_any
        prev = doc[n - 1].lower_ if n > 0 else ""
        prev2 = doc[n - 2].lower_ if n > 1 else ""
        possessive = prev in OWNER_WORDS or prev2 in OWNER_WORDS
        if possessive and not licensed:
            # "kritisiert X für die Erhöhung ihres Anteils": a possessive points to the
            # nearest actor before it, which need not be the subject
            before = [k for k, a in enumerate(clause.args) if a.mention.end <= n
                      and a.mention.start not in region and a.mention.is_agentive
                      and a.prep is None]
            if before:
                k = max(before, key=lambda k: clause.args[k].mention.start)
                first = clause.args[k].coord
                if first >= 0 and THEIR.intersection((prev, prev2)):
                    # "X und Y haben ihre Allianz erneuert": "ihre" is both of them
                    return self.reader.group(clause, first)
                return [clause.args[k].mention]
        if licensed or trigger_ok or possessive or self._has_support(doc, clause, copula) or (
                self._prospect(doc, clause, n)) or self._framing(doc, clause, n, trigger) or (
                self._stated(doc, clause, trigger, n) is not None):
            return cands
        return []

    def _is_subject(self, doc: Words, clause: Clause, n: int, region: set[int]) -> bool:
        """Whether the noun at ``n`` heads the phrase that opens a main clause, in the
        nominative, right before its finite verb ("Das Verbot des Stadtrats trifft
        ..."): the clause's subject, so no other subject is its agent."""
        if clause.kind != "main" or n not in clause.tokens:
            return False
        stance, cases, at = self.reader.phrase_role(doc, clause, clause.tokens.index(n))
        if stance is not None or at != clause.tokens[0] or (
                cases is not None and "nom" not in cases):
            return False
        after = max(region | {n}) + 1
        return after < len(doc) and after in clause.tokens and finite_like(doc[after])

    def _names_both_parties(self, doc: Words, clause: Clause, n: int) -> bool:
        """Whether the noun at ``n`` names its parties itself ("die Einigung zwischen X
        und Y"), so that no clause subject is one of them."""
        return any(doc[i].lower_ == "zwischen" for i in self._region(doc, clause, n))

    def _stated(self, doc: Words, clause: Clause, trigger: Trigger, n: int) -> str | None:
        """"confirms" or "denies" when the clause subject confirms or denies a relation
        it is a party of ("X bestätigte Gespräche mit Y", "X dementierte eine Einigung
        mit Y"): symmetric labels only, where whoever speaks of the talks is in them,
        and not when the noun names both parties ("die Einigung zwischen Y und Z")."""
        if not self.lexicon.labels[trigger.label].symmetric or self._names_both_parties(
                doc, clause, n):
            return None
        lemmas = self.reader.lemmas(doc, clause)
        if lemmas & self.lexicon.denying:
            return "denies"
        if lemmas & self.lexicon.confirming:
            return "confirms"
        return None

    def _framing(self, doc: Words, clause: Clause, n: int, trigger: Trigger) -> bool:
        """Whether the noun at ``n`` heads a framing phrase that opens the clause:
        "Nach der Einigung mit X …", "Seit dem Einstieg bei X …", "Mit dem Kauf von
        X …", "Im Zuge der Übernahme von X …" - what the clause subject did before or
        by what it now does."""
        if n not in clause.tokens or self._names_both_parties(doc, clause, n):
            return False  # "Nach der Einigung zwischen X und Y": its own parties
        stance, _, at = self.reader.phrase_role(doc, clause, clause.tokens.index(n))
        if at >= 0 and at != clause.tokens[0] and stance in TEMPORAL_FRAMES and (
                clause.kind != "inf"):
            # "Die Bank will nach der Einigung mit X ...": a time, anywhere in a clause
            # with a subject of its own
            return True
        if at < 0 or at != clause.tokens[0] and not (
                at - 2 >= 0 and doc[at - 2].lower_ in ("im", "in") and doc[at - 1].lower_ in (
                    FRAME_NOUNS) and at - 2 == clause.tokens[0]):
            return False
        if stance in PARTY_FRAMES:
            # "Bei den Gesprächen mit X zeigte sich Y …": a party of talks or a deal
            # with someone; "Bei der Übernahme von X hat Y beraten" is an adviser's
            return self.lexicon.labels[trigger.label].symmetric
        if stance is not None:
            return stance in FRAME_PREPS
        return at >= 2 and doc[at - 1].lower_ in FRAME_NOUNS

    def _prospect(self, doc: Words, clause: Clause, n: int) -> bool:
        """Whether the noun at ``n`` stands in the PP of a prospective construction of
        its clause ("steht vor der Übernahme", "ist an einem Kauf interessiert")."""
        prospects = self.lexicon.prospects
        if not prospects or n not in clause.tokens:
            return False
        stance, _, _ = self.reader.phrase_role(doc, clause, clause.tokens.index(n))
        if stance is None:
            return False
        return any(stance in prospects.get(word, ()) for i in clause.tokens
                   for word in (doc[i].lower_, doc[i].lemma_.lower()))

    def _has_support(self, doc: Words, clause: Clause, copula: bool = False,
                     ending: bool = False) -> bool:
        """Whether a support verb (``ending``: an ending verb) governs the clause."""
        lex = self.lexicon
        verbs, particles = (lex.ending_verbs, lex.ending_particles) if ending else (
            lex.support_verbs, lex.support_particles)
        if copula and any(doc[i].lower_ in COPULA for i in clause.tokens):
            return True  # "X ist Eigentümer von Y"
        last = self.reader.end_particle(doc, clause)
        for i in clause.tokens:
            tok = doc[i]
            if not tok.text.islower() or adjective_like(doc, i, len(doc)):
                continue  # "zum vereinbarten Preis": an attributive participle is no verb
            lemma = tok.lemma_.lower()
            particle = doc[last].lower_ if last is not None and last > i else None
            if particle is not None and particle in particles.get(lemma, ()):
                return True
            # the form itself too: an infinitive the lookup table gives another verb
            # ("führen" -> "fahren"), and the other lemmas of a shared form ("sichere":
            # the adjective "sicher" and the verb "sichern")
            if (lemma in verbs or tok.lower_ in verbs or any(
                    other in verbs for other in alternative_lemmas(tok.lower_))) and not (
                    particle is not None and particle in PARTICLES):
                return True  # "schließt einen Vertrag", but "schließt ... aus" is another verb
        return False

    def _make(
        self, subject: str, trigger: Trigger, obj: str, tokens: tuple[int, ...], kind: str,
        negated: bool, hypothetical: bool,
    ) -> Found:
        return Found.of("surface", subject, trigger, obj, tokens, kind, negated, hypothetical)


def _as_role(doc: Words, n: int, subjects: list[Mention]) -> bool:
    """Whether the noun at ``n`` stands in an "als" phrase right after a subject
    mention: "X als neuer Eigentümer der Y"."""
    j = n - 1
    while j > 0 and (doc[j].lower_ in ARTICLE_CASES or adjective_like(doc, j, n + 1)):
        j -= 1
    return j > 0 and doc[j].lower_ == "als" and any(m.end == j for m in subjects)


# Words between "zu" and the number of a degree ("zu mehr als 50 Prozent").
DEGREE_WORDS = frozenset({"mehr", "als", "rund", "knapp", "über", "fast", "etwa", "gut",
                          "weniger", "nahezu", "annähernd", "je"})


# "lässt sich von X finanzieren" (an infinitive), "sieht sich von X verklagt", "fühlt
# sich von X getäuscht" (a participle): passives with "sich".
LASSEN = frozenset({"lässt", "ließ", "lassen", "ließen", "lasse", "ließe", "gelassen"})
SEHEN = frozenset({"sieht", "sah", "sehen", "sahen", "fühlt", "fühlte", "fühlen",
                   "fühlten", "sehe", "fühle"})


def _reflexive_passive(toks: list[Word], tok: Word, participle: bool) -> bool:
    """Whether the clause of the verb ``tok`` is a passive with "sich": "lässt sich
    von X übernehmen" (the verb an infinitive) or "sieht/fühlt sich von X verklagt"
    (a participle); the von/durch phrase is then the agent."""
    words = {t.lower_ for t in toks}
    if "sich" not in words:
        return False
    return bool(words & SEHEN) if participle else bool(words & LASSEN) and (
        tok.lower_ == tok.lemma_.lower())


def _before_participle(doc: Words, arg: Arg, participle: int) -> bool:
    """Whether the von/durch phrase of ``arg`` ends right before the passive participle
    (adverbs between): "wird im Bundestag von X scharf kritisiert" - the agent, not an
    attribute of the noun before it."""
    end = arg.mention.end
    if end > participle or participle - end > 2:
        return False
    return all(doc[i].text.islower() and doc[i].is_alpha for i in range(end, participle))


def _existential(doc: Words, clause: Clause, n: int) -> bool:
    """Whether the clause says that something exists ("es gibt", "gab es") and the
    noun at ``n`` is what it introduces: the first noun after "es" but those of PPs
    ("gibt es seit Jahren eine Partnerschaft", not "gibt es Streit über die
    Partnerschaft"). The clause's PPs then belong to that noun ("Zwischen X und Y gibt
    es eine Partnerschaft")."""
    words = [doc[i].lower_ for i in clause.tokens]
    if "es" not in words or not EXISTENTIAL.intersection(words):
        return False
    start = clause.tokens[words.index("es")]
    in_phrase = False
    for i in range(start + 1, n):
        tok = doc[i]
        if tok.lower_ in PREPOSITIONS or tok.lower_ in CONTRACTIONS:
            in_phrase = True
        elif is_cap(tok) and not adjective_like(doc, i, len(doc)):
            if not in_phrase:
                return False  # another noun is what the clause introduces
            in_phrase = False
    return n > start


def _degree(doc: Words, n: int) -> bool:
    """Whether the noun at ``n`` counts a degree after "zu" and a number: "gehört zu 60
    Prozent der Stadt", "ist zu mehr als 50 Prozent beteiligt"."""
    j = n - 1
    if j < 1 or not doc[j].like_num:
        return False
    j -= 1
    while j > 0 and doc[j].lower_ in DEGREE_WORDS and n - j < 6:
        j -= 1
    return doc[j].lower_ == "zu"
