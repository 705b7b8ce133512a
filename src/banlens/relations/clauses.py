"""Clauses and argument roles of a German sentence without a parse.

A sentence is cut into clauses at punctuation and subordinating words; comma
segments without a verb (appositions, "zuständig für X") stay with their clause,
which goes on after them, while a dateline or headline before a dash or colon stands
apart. Relative clauses know the actor their pronoun stands for, infinitive and
subordinate clauses the clause that governs them. Each actor mention then gets its
role from the words before it: a preposition ("an den US-Konzern Nvidia"), the cases
its article allows ("den", "dem", "des"), a genitive attribute ("Druck der USA"),
a prenominal genitive ("Fords Tochter"), coordination with the mention before it, or
none (a bare name).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..actors.mentions import Mention
from ..german.words import (
    ADJ_ENDINGS,
    APOSTROPHE_S,
    ARTICLE_CASES,
    AUXILIARIES,
    BOUNDARY,
    CLAUSE_COORDINATORS,
    CLOSED,
    CONTRACTIONS,
    COORDINATORS,
    DASHES,
    EXAMPLE_MARKERS,
    GENITIVE,
    POSSESSIVE_FORMS,
    PREPOSITIONS,
    PRONOUN_CASES,
    PRONOUNS,
    QUOTES,
    RELATIVE,
    STARTERS,
    SUBORDINATORS,
    TIME_WORDS,
)
from .lexicon import RelationLexicon
from .words import (
    Stretch,
    Word,
    Words,
    adjective_like,
    finite_like,
    is_cap,
    verb_like,
)

# Words that open a parenthesis about the source or the expectation ("wie erwartet",
# "wie die Zeitung berichtet", "so heißt es").
PARENTHESIS_OPENERS = frozenset({"wie", "so"})
MAX_PARENTHESIS = 8


def _parenthetical(doc: Words, seg: list[int]) -> bool:
    """Whether a segment is a short parenthesis inside a clause: "wie erwartet", "wie
    berichtet", "wie die Zeitung berichtet", "wie X mitteilte", "so heißt es"."""
    if not seg or len(seg) > MAX_PARENTHESIS:
        return False
    first = doc[seg[0]]
    if first.lower_ not in PARENTHESIS_OPENERS or not first.text.islower():
        return False
    if first.lower_ == "so":  # "so heißt es", "so hieß es": not "so viel wie"
        return len(seg) > 2 and doc[seg[1]].lower_ in ("heißt", "hieß") and (
            doc[seg[2]].lower_ == "es")
    return len(seg) > 1 and verb_like(doc[seg[-1]])


# Nouns and adverbs used as prepositions of place before a bare name.
DIRECTION_NOUNS = frozenset({"richtung", "nahe", "unweit"})
# Particles that may stand before a noun phrase without belonging to it ("und auch
# X", "sowohl X als auch Y").
FOCUS_PARTICLES = frozenset({"auch", "ebenso", "ebenfalls", "sogar"})
# The second part of a correlative coordinator, and what its first part starts with:
# "sowohl X als auch Y", "nicht nur X, sondern auch Y".
CORRELATIVES = {"als": "sowohl", "sondern": "nur"}


def _correlative(doc: Words, clause: Clause, n: int) -> bool:
    """Whether the word at position ``n`` of the clause joins two conjuncts as the
    second part of "sowohl … als auch" or "nicht nur …, sondern auch"."""
    first = CORRELATIVES.get(doc[clause.tokens[n]].lower_)
    if first is None or n + 1 >= len(clause.tokens) or (
            doc[clause.tokens[n + 1]].lower_ != "auch"):
        return False
    return any(doc[i].lower_ == first for i in clause.tokens[max(0, n - 8):n])


def _attribute_of_noun(doc: Words, m: Mention, mentions: list[Mention]) -> bool:
    """Whether mention ``m`` is a genitive or prepositional attribute of a noun before
    it ("die Tochter der X", "der Streit mit X"): a relative clause after it may be
    about that noun."""
    k = m.start - 1
    if k > 0 and doc[k].lower_ in ARTICLE_CASES:
        k -= 1
    if k > 0 and doc[k].lower_ in PREPOSITIONS:
        k -= 1
    return k >= 0 and k < m.start - 1 and is_cap(doc[k]) and not any(
        o.start <= k < o.end for o in mentions)


# Prepositions that follow their noun phrase ("der Behörde zufolge").
POSTPOSITIONS = frozenset({"zufolge", "gegenüber", "zuliebe", "entgegen"})
# Words that may join two adjectives of one noun phrase after a comma.
ADJECTIVE_JOINERS = frozenset({"aber", "doch", "jedoch", "wenn", "auch", "zugleich"})


def _adjective_comma(doc: Words, i: int, end: int) -> bool:
    """Whether the comma at ``i`` joins two adjectives of one noun phrase: "ein
    großes, teures Paket", "die kleine, aber profitable Bank". The adjective before
    it follows an article or another adjective, the one after it (maybe after "aber")
    has the same ending, and a noun or another adjective follows."""
    if i < 2 or i + 2 >= end:
        return False
    first = doc[i - 1]
    if not _inflected_adjective(first):
        return False
    # an article before it, maybe over one more adjective (and an opening quote)
    k = i - 2
    if doc[k].text in QUOTES:
        k -= 1
    if k >= 0 and _inflected_adjective(doc[k]):
        k -= 1
    if k < 0 or not (doc[k].lower_ in ARTICLE_CASES and doc[k].text.islower()
                     or doc[k].lower_ in ARTICLE_CASES and doc[k].is_sent_start):
        return False
    j = i + 1
    while j < end - 1 and doc[j].lower_ in ADJECTIVE_JOINERS:
        j += 1
    second, after = doc[j], doc[j + 1]
    if not _inflected_adjective(second):
        return False
    ending = next(e for e in ("em", "en", "er", "es", "e") if first.lower_.endswith(e))
    if not second.lower_.endswith(ending):
        return False
    return is_cap(after) or after.text in QUOTES or (
        _inflected_adjective(after) and after.lower_.endswith(ending))


def _inflected_adjective(tok: Word) -> bool:
    """A lower-case word with an adjective ending that is no function word."""
    return (tok.is_alpha and tok.text.islower() and tok.lower_.endswith(ADJ_ENDINGS)
            and tok.lower_ not in CLOSED and tok.lower_ not in AUXILIARIES)


@dataclass(slots=True)
class Arg:
    """A mention with the role its context gives it in one clause."""

    mention: Mention
    prep: str | None = None  # governing preposition
    cases: frozenset[str] | None = None  # from the article; None = bare name
    article_at: int = -1  # token index of the article or preposition opening the NP
    possessor_of: int = -1  # noun this mention is a prenominal genitive of
    coord: int = -1  # index (in the clause's arg list) of the first conjunct
    example: bool = False  # "Firmen wie X", "Xs Maschinen": not itself an argument
    aside: bool = False  # inside an apposition or dashes: no argument of the clause's verb

    @property
    def actor(self) -> str:
        return self.mention.actor

    def can_be(self, case: str) -> bool:
        return self.prep is None and self.possessor_of < 0 and not self.example and (
            not self.aside) and (
            self.cases is None or case in self.cases
        )


@dataclass(slots=True)
class Clause:
    tokens: list[int]  # doc token indices, in order
    kind: str = "main"  # main | sub | rel | inf
    args: list[Arg] = field(default_factory=list)
    antecedent: list[Mention] = field(default_factory=list)  # for relative clauses
    rel_case: str = ""  # case of the relative pronoun
    controller: Clause | None = None  # clause that governs an infinitive/sub clause
    aside: set[int] = field(default_factory=set)  # tokens of merged appositions
    pronoun_at: int = -1  # token index of the relative pronoun
    attached_to: int = -1  # token index of the word a relative clause follows ("Klage, die")


# Relative pronouns whose antecedent is the whole clause before ("…, was X bestreitet").
SENTENTIAL_RELATIVES = frozenset({"was", "wogegen", "wobei", "worauf", "woraufhin"})
INFINITIVE_OPENERS = frozenset({"um", "ohne", "statt", "anstatt"})
FOCUS_PARTICLES = frozenset({"selbst", "auch", "nur", "sogar", "erst", "gerade"})
# "der" before an adjective in -en: dative or genitive singular, or genitive plural
DATIVE_GENITIVE = frozenset({"dat", "gen"})


class ClauseReader:
    """Cuts sentences into clauses and gives their mentions roles."""

    def __init__(self, lexicon: RelationLexicon) -> None:
        self.lexicon = lexicon

    def split(self, doc: Words, sent: Stretch, mentions: list[Mention]) -> list[Clause]:
        starts = {m.start: m for m in mentions}
        ends = {m.end - 1: m for m in mentions}
        segments: list[list[int]] = [[]]
        hard: dict[int, str] = {}  # segments that start after a dash, colon or quote
        list_commas = self.list_commas(doc, sent, starts) if len(mentions) >= 2 else set()
        conjuncts: dict[int, str] = {}  # segments that are a coordinated main clause
        skip_to = -1
        for i in range(sent.start, sent.end):
            tok = doc[i]
            if i < skip_to or tok.is_space:
                continue
            if tok.text in ("(", "["):
                # leave out a short parenthesis ("(CMA)", "(SPD)"); a token that
                # glues the closing bracket to a word stays in
                close = next((j for j in range(i + 1, min(i + 16, sent.end))
                              if ")" in doc[j].text or "]" in doc[j].text), None)
                if close is not None:
                    skip_to = close + 1 if doc[close].text in (")", "]") else close
                continue
            if tok.text in (")", "]"):
                continue
            if tok.text in QUOTES:
                close = next((j for j in range(i + 2, min(i + 7, sent.end))
                              if doc[j].text in QUOTES), None)
                inside = range(i + 1, close) if close is not None else range(0)
                commas = [j for j in inside if doc[j].text == ","]
                # a few words quoted in running text ("will X „so schnell wie möglich“
                # übernehmen"): words on both sides
                running = close is not None and i > sent.start and close + 1 < sent.end and (
                    doc[i - 1].is_alpha and doc[close + 1].is_alpha)
                if close is not None and (len(inside) <= 3 or commas or running) and all(
                        doc[j].is_alpha or doc[j].text == "-" or (
                            j in commas and _adjective_comma(doc, j, sent.end))
                        for j in inside):
                    # a word or two in quotation marks inside a clause ("will X
                    # „unterstützen“", "ein „großes, teures“ Paket"): the words stay,
                    # the marks split nothing
                    for j in range(i + 1, close):
                        segments[-1].append(j)
                    skip_to = close + 1
                    continue
            if tok.text in DASHES and segments[-1] and i + 1 < sent.end and (
                    doc[i + 1].lower_ in CLAUSE_COORDINATORS):
                # "X legte Beschwerde ein – und scheiterte": a pause before a
                # coordinated main clause, which the coordinator then opens
                shape = self.conjunct_shape(doc, segments[-1], i + 2, sent.end, starts)
                if shape is not None:
                    segments.append([])
                    conjuncts[len(segments) - 1] = shape
                    skip_to = i + 2
                    continue
            glued = i > sent.start and not doc[i - 1].space_after and not tok.space_after
            if (tok.text in BOUNDARY and not (glued and tok.text in APOSTROPHE_S)) or (
                tok.text in ("-", "--") and tok.is_punct
            ):
                # a dash, colon or quote: a dateline or headline ("Peking –") or quoted
                # speech stands apart; only commas join verbless segments to a clause
                segments.append([])
                hard[len(segments) - 1] = tok.text
                continue
            if (i > sent.start and tok.text[:1].isupper() and tok.lower_ in STARTERS
                    and doc[i - 1].is_alpha and doc[i - 1].text.islower()):
                # "... diese Woche möglich Allerdings muss ...": a capitalised function
                # word inside a sentence starts a new one the splitter missed (a headline)
                segments.append([i])
                hard[len(segments) - 1] = "\n"
                continue
            if tok.text == ",":
                # keep lists of actors together: "Qualcomm, Intel und AMD"
                prev_is_actor = (i - 1) in ends
                nxt = i + 1
                if prev_is_actor and nxt < sent.end and nxt in starts:
                    after = starts[nxt].end
                    if after < sent.end and (doc[after].lower_ in COORDINATORS
                                             or doc[after].text == ","):
                        segments[-1].append(i)  # kept: it coordinates the two
                        continue
                if i in list_commas:  # "mit Poroschenko, Hollande und Putin"
                    segments[-1].append(i)
                    continue
                if _adjective_comma(doc, i, sent.end):  # "ein großes, teures Paket"
                    segments[-1].append(i)
                    continue
                segments.append([])
                continue
            if tok.is_punct and tok.text in ".!?":
                continue
            if tok.lower_ in CLAUSE_COORDINATORS and segments[-1]:
                shape = self.conjunct_shape(doc, segments[-1], i + 1, sent.end, starts)
                if shape is not None:
                    # "Merkel lobte Obama und Putin kritisierte ihn": two main clauses
                    segments.append([])
                    conjuncts[len(segments) - 1] = shape
                    continue
            segments[-1].append(i)
        clauses: list[Clause] = []
        prev_has_verb = True
        interrupted = resumes = False
        after_hard = False
        for n, seg in enumerate(segments):
            after_hard = after_hard or n in hard
            if not seg:
                continue
            kind = self.segment_kind(doc, seg, set(starts))
            has_verb = any(verb_like(doc[i]) for i in seg)
            aside = _parenthetical(doc, seg)
            dashed = (  # "X werde die Regierung – und nicht Y – auffordern"
                hard.get(n) in DASHES and hard.get(n + 1) == hard.get(n)
                and (not has_verb or aside)
            )
            if resumes and clauses and n not in conjuncts and kind != "sub":
                # the words after a parenthesis are the rest of its clause
                resumes = False
                clauses[-1].tokens.extend(seg)
                continue
            resumes = False
            if aside and clauses and n + 1 < len(segments) and n not in conjuncts and (
                    dashed or (n not in hard and n + 1 not in hard)):
                # "X übernimmt, wie erwartet, Y", "– wie berichtet –", "…, so heißt
                # es, …": a parenthesis; the clause goes on after it
                clauses[-1].tokens.extend(seg)
                clauses[-1].aside.update(seg)
                resumes = True
                if dashed:
                    hard.pop(n + 1, None)
                continue
            if n in conjuncts and clauses:
                interrupted = after_hard = False
                prev_has_verb = True
                clause = Clause(tokens=seg, kind="main")
                if conjuncts[n] == "elided":  # "... und droht China mit Zöllen"
                    clause.kind, clause.controller = "coord", clauses[-1]
                clauses.append(clause)
                continue
            if dashed and clauses:
                clauses[-1].tokens.extend(seg)
                clauses[-1].aside.update(seg)
                interrupted, after_hard = True, False
                hard.pop(n + 1)
                continue
            if (kind == "main" and len(clauses) >= 2 and clauses[-1].kind == "rel"
                    and clauses[-2].kind == "main" and finite_like(doc[seg[0]])
                    and not any(verb_like(doc[i]) for i in clauses[-2].tokens)):
                # "Die Bank, die seit Jahren Verluste schreibt, kritisierte X": the clause
                # interrupted by the relative clause goes on
                clauses[-2].tokens.extend(seg)
                prev_has_verb = True
                continue
            if clauses and kind == "main" and not after_hard and (
                not has_verb or not prev_has_verb or interrupted
            ):
                # appositions and other verbless comma segments stay in their clause,
                # and the clause goes on after them: "Midea, bereits mit 13 Prozent an
                # Kuka beteiligt, hat ...", "Die FTC, zuständig für X, will Y verklagen"
                clauses[-1].tokens.extend(seg)
                if not has_verb:
                    clauses[-1].aside.update(seg)
                interrupted = not has_verb and prev_has_verb
                prev_has_verb = prev_has_verb or has_verb
                continue
            interrupted = after_hard = False
            prev_has_verb = has_verb
            clause = Clause(tokens=seg, kind=kind)
            if clauses and kind in ("inf", "sub"):
                clause.controller = clauses[-1]
            if kind == "rel":
                clause.antecedent, clause.rel_case = self.antecedent(doc, seg, sent, mentions)
                clause.pronoun_at = seg[1] if doc[seg[0]].lower_ in PREPOSITIONS else seg[0]
                clause.attached_to = self.attachment(doc, seg, sent)
            clauses.append(clause)
        return clauses

    def conjunct_shape(self, doc: Words, left: list[int], start: int, end: int,
                       starts: dict[int, Mention]) -> str | None:
        """Whether a coordinator before ``start`` joins two main clauses, and how.

        The clause before it must be complete (a full verb, not only an auxiliary or
        modal waiting for its participle or infinitive: "hat Tiktok und WeChat
        verboten"). After it comes a finite verb, either after a subject ("und Putin
        kritisierte ...": ``"np"``) or at once, sharing the subject of the clause
        before ("und droht China mit Zöllen": ``"elided"``).
        """
        verbs = [j for j in left if verb_like(doc[j]) and not _attributive(doc, j)]
        if not verbs or all(doc[j].lower_ in AUXILIARIES for j in verbs):
            return None
        if start < end and finite_like(doc[start]):
            return "elided"
        j = start
        if j < end and doc[j].lower_ in ARTICLE_CASES and doc[j].text.islower():
            if "nom" not in ARTICLE_CASES[doc[j].lower_]:
                return None  # "zwischen der EU und den USA ist ...": no subject
            j += 1
        while j < end and adjective_like(doc, j, end):
            j += 1
        if j < end and j in starts:
            j = starts[j].end
        elif j < end and doc[j].lower_ in PRONOUNS:
            j += 1
        else:
            words = 0
            while j < end and words < 3 and doc[j].is_alpha and is_cap(doc[j]) and (
                    doc[j].lower_ not in STARTERS):
                j += 1
                words += 1
            if not words:
                return None
        return "np" if j < end and finite_like(doc[j]) else None

    def list_commas(self, doc: Words, sent: Stretch, starts: dict[int, Mention]) -> set[int]:
        """Commas of lists that name at least one actor, also among other names.

        A list is "A, B und C" (or "oder", "sowie"), each item an actor mention or one
        or two capitalised words, with an optional article: "Griechenland, Italien und
        die Türkei", "mit Poroschenko, Hollande und Putin". Days, months and other
        time words end a list ("am Montag, Huawei und ZTE seien ...").
        """
        found: set[int] = set()
        i = sent.start
        while i < sent.end:
            end, actor = _list_item(doc, i, sent.end, starts)
            if end is None:
                i += 1
                continue
            commas, actors, j = [], actor, end
            while j < sent.end and doc[j].text == ",":
                nxt, actor = _list_item(doc, j + 1, sent.end, starts)
                if nxt is None:
                    break
                commas.append(j)
                actors += actor
                j = nxt
            if commas and j < sent.end and doc[j].lower_ in COORDINATORS:
                last, actor = _list_item(doc, j + 1, sent.end, starts)
                if last is not None and actors + actor:
                    found.update(commas)
                    i = last
                    continue
            i = end
        return found

    def segment_kind(self, doc: Words, seg: list[int], mention_starts: set[int]) -> str:
        first = doc[seg[0]].lower_
        if first in FOCUS_PARTICLES and len(seg) > 1 and doc[seg[1]].lower_ in SUBORDINATORS:
            first = doc[seg[1]].lower_  # "selbst wenn", "auch wenn", "nur wenn"
        if first in SENTENTIAL_RELATIVES and len(seg) > 2 and verb_like(doc[seg[-1]]):
            return "sub"  # ", was das Unternehmen zurückweist": about the clause before
        if first in SUBORDINATORS and first not in ("als", "wie", "da", "damit") or (
            first in ("als", "wie", "da") and len(seg) > 2
            and any(verb_like(doc[i]) for i in seg[-2:])
        ):
            return "sub"
        for i in seg:
            tok = doc[i]
            if tok.lower_ == "zu" and i + 1 <= seg[-1] and verb_like(doc[i + 1]):
                return "inf"
            low = tok.lower_
            lemma = tok.lemma_.lower()
            if "zu" in low and low != lemma and lemma.endswith("en") and low.replace(
                "zu", "", 1
            ) == lemma:
                return "inf"
        pos = 1 if first in PREPOSITIONS and len(seg) > 1 else 0
        word = doc[seg[pos]]
        after_comma = seg[0] > 0 and doc[seg[0] - 1].text in (",", ")", "–", "-")
        if word.lower_ in RELATIVE and word.text.islower() and pos + 1 < len(seg) and (
                after_comma):
            # a relative pronoun, not an article: "der die Fusion genehmigte",
            # "die Bayer an BASF abgibt", "das von X unterstützt wird"
            nxt = seg[pos + 1]
            if not any(verb_like(doc[i]) for i in seg[-2:]):
                return "main"  # relative clauses end in their verb
            if nxt in mention_starts:
                return "rel"
            if is_cap(doc[nxt]) or adjective_like(doc, nxt, len(doc)):
                return "main"
            return "rel"
        return "main"

    def antecedent(
        self, doc: Words, seg: list[int], sent: Stretch, mentions: list[Mention]
    ) -> tuple[list[Mention], str]:
        """Actor(s) a relative pronoun stands for, and the pronoun's case."""
        pos = 1 if doc[seg[0]].lower_ in PREPOSITIONS else 0
        pron = doc[seg[pos]].lower_
        if pos:
            case = CONTRACTIONS.get(doc[seg[0]].lower_, doc[seg[0]].lower_)
        elif pron in ("dem", "denen", "welchem"):
            case = "dat"
        elif pron in ("den", "welchen"):
            case = "acc"
        elif pron in ("dessen", "deren"):
            case = "gen"
        else:
            case = "nom"
            nxt = seg[pos + 1] if pos + 1 < len(seg) else None
            if pron in ("die", "das", "welche", "welches") and nxt is not None and (
                any(m.start == nxt for m in mentions)
            ):
                case = "acc"
        j = self.attachment(doc, seg, sent)
        found = [m for m in mentions if m.end - 1 == j and m.is_agentive]
        if found and pos and _attribute_of_noun(doc, found[0], mentions):
            # "die Tochter der X, an der …": the pronoun may stand for the noun
            return [], case
        if found:
            group = [found[0]]
            # coordinated antecedents: "X und Y, die ..."
            k = found[0].start - 1
            while k > sent.start and doc[k].lower_ in COORDINATORS | {","}:
                prev = [m for m in mentions if m.end - 1 == k - 1 and m.is_agentive]
                if not prev:
                    break
                group.insert(0, prev[0])
                k = prev[0].start - 1
            return group, case
        return [], case

    @staticmethod
    def attachment(doc: Words, seg: list[int], sent: Stretch) -> int:
        """The word a relative clause follows: before its comma, skipping one
        parenthesis ("Gabriel (SPD), der" -> Gabriel; "die Klage, die" -> Klage)."""
        j = seg[0] - 1
        while j > sent.start and doc[j].text in (",", ")"):
            if doc[j].text == ")":
                while j > sent.start and doc[j].text != "(":
                    j -= 1
            j -= 1
        return j

    # -- roles ---------------------------------------------------------------------
    def roles(self, doc: Words, clause: Clause, mentions: list[Mention],
              names: Mapping[str, str]) -> None:
        """Give each mention of the clause its preposition, case and coordination;
        ``names`` are the display names of the document's actors (actor id -> name).

        One step per construction: the second actor of a plural reference
        (:func:`_plural_conjunct`), a name after a prenominal genitive
        (:func:`_possessed_name`), the words before the mention
        (:meth:`_words_before`: article, preposition, coordination), a genitive -s
        on the name (:meth:`_postnominal_genitive`, :meth:`_prenominal_genitive`),
        the form of a pronoun (:func:`_pronoun_case`) and a possessive determiner
        (:meth:`_possessive_determiner`).
        """
        tokset = set(clause.tokens)
        inside = [m for m in mentions if m.start in tokset]
        order = {t: n for n, t in enumerate(clause.tokens)}
        args: list[Arg] = []
        owners: dict[int, Arg] = {}  # mention start -> the prenominal genitive before it
        for m in inside:
            if args and args[-1].mention.start == m.start:
                args.append(_plural_conjunct(m, args))
                continue
            arg = Arg(m)
            owner = owners.get(m.start)
            via_head = False
            if owner is not None:
                _possessed_name(arg, owner)
            else:
                via_head = self._words_before(doc, clause, arg, order, args)
            if _genitive_s(doc, m, names):
                if via_head:
                    self._postnominal_genitive(doc, clause, arg, order)
                self._prenominal_genitive(doc, arg, inside, owners, tokset)
            _pronoun_case(doc, arg)
            self._possessive_determiner(doc, arg, tokset)
            if arg.prep is None and m.end in tokset and doc[m.end].lower_ in POSTPOSITIONS:
                arg.prep = doc[m.end].lower_  # "dem Stadtrat zufolge": no dative object
            arg.aside = m.start in clause.aside
            args.append(arg)
        clause.args = args

    def _words_before(self, doc: Words, clause: Clause, arg: Arg, order: dict[int, int],
                      args: list[Arg]) -> bool:
        """Read the words before the mention, right to left, up to what opens its noun
        phrase: an article (:meth:`_article`), a preposition (:meth:`_preposition`),
        an example marker ("Firmen wie X") or a coordinator (:meth:`_coordination`).
        Passed on the way: an appositive head ("den US-Konzern Nvidia"), numbers,
        adjectives and an adverb before an adjective. Returns whether an appositive
        head was passed."""
        n = order[arg.mention.start]
        steps = 0
        weak_adjective = after_adjective = via_head = passed_adjective = embedded = False
        while n > 0 and steps < 7:
            n -= 1
            steps += 1
            i = clause.tokens[n]
            tok = doc[i]
            low = tok.lower_
            if low in APOSTROPHE_S:
                continue  # "Kaiser’s Tengelmann"
            if low in FOCUS_PARTICLES:
                continue  # "und auch X", "als auch X": a particle before the phrase
            if low in DIRECTION_NOUNS and steps == 1:
                arg.prep = low  # "Richtung EU", "nahe Kiel": a direction, no argument
                break
            if i == clause.pronoun_at:
                break  # "den China der Ukraine abkaufte": a pronoun, not an article
            if low in ARTICLE_CASES:
                # the article of a phrase inside an extended attribute ("die für den
                # Hafen zuständige X"): the article before that phrase opens the NP
                opener = self._attribute_opener(doc, clause, n, False) if (
                    embedded and n > 0 and doc[clause.tokens[n - 1]].lower_ in PREPOSITIONS
                ) else None
                if opener is not None:
                    self._article(doc, clause, arg, opener, weak_adjective, order, args)
                    break
                if self._article(doc, clause, arg, n, weak_adjective, order, args):
                    continue  # "X und die USA": coordination, read at the next word
                break
            if low in INFINITIVE_OPENERS and clause.kind == "inf" and i == clause.tokens[0]:
                break  # "um X zu unterstützen": "um" opens the clause, it governs no NP
            if low in PREPOSITIONS:
                opener = self._attribute_opener(doc, clause, n, True) if (
                    passed_adjective) else None
                if opener is not None:
                    # "die im Norden tätige X", "in das auf Kredite spezialisierte
                    # Unternehmen X": the phrase before the adjective is part of it
                    self._article(doc, clause, arg, opener, weak_adjective, order, args)
                else:
                    self._preposition(doc, clause, arg, n)
                break
            if low in EXAMPLE_MARKERS:
                arg.example = True  # "Zulieferern wie Qualcomm": not the argument
                break
            if low in COORDINATORS or low == "," or _correlative(doc, clause, n):
                first = self._coordination(doc, clause, arg, n, args)
                if first is None:
                    break
                # a name that is no actor in a list of them ("mit SPÖ, Grünen und
                # FPÖ"): go on to the items before it
                n, steps = first, steps - 1
                continue
            if is_cap(tok) and not any(a.mention.end - 1 == i and a.mention.kind != "modifier"
                                       for a in args):
                # appositive head: "den US-Konzern Nvidia", also one that names an
                # actor of its own ("dem Nordbank-Großaktionär Fischer AG"); after an
                # adjective, a noun of a phrase inside an extended attribute
                via_head = True
                embedded = embedded or passed_adjective
                continue
            if tok.like_num or low in ("%", "prozent"):
                continue
            if adjective_like(doc, i, len(doc)):
                weak_adjective = weak_adjective or low.endswith("en")
                after_adjective = passed_adjective = True
                continue
            if after_adjective and tok.is_alpha and tok.text.islower() and (
                    not verb_like(tok)):
                after_adjective = False
                continue  # "der ebenfalls chinesischen App": an adverb in the phrase
            if tok.is_alpha and tok.text.islower() and low.endswith(ADJ_ENDINGS):
                # a participle after the noun of a phrase it governs ("das auf Kredite
                # spezialisierte Unternehmen X"): the article before that phrase
                opener = self._attribute_opener(doc, clause, n, False)
                if opener is not None:
                    self._article(doc, clause, arg, opener, weak_adjective, order, args)
            break
        return via_head

    def _attribute_opener(self, doc: Words, clause: Clause, n: int, prep: bool) -> int | None:
        """The article opening an extended attribute that ends before position ``n``
        (``prep``: the word at ``n`` is the preposition of its phrase): "die [im Norden]
        tätige X", "das [auf Software für autonomes Fahren] spezialisierte Unternehmen
        X". Read leftwards over the phrase's words (prepositions, nouns, numbers,
        adjectives, adverbs) to a lower-case article with a preposition after it;
        None at a verb, a punctuation mark, a coordinator or after eight words."""
        toks = clause.tokens
        for m in range(n - 1, max(-1, n - 9), -1):
            tok = doc[toks[m]]
            low = tok.lower_
            if low in ARTICLE_CASES:
                if not prep:
                    return None
                return m if tok.text.islower() or tok.is_sent_start else None
            prep = prep or low in PREPOSITIONS
            if tok.is_punct or low in COORDINATORS or low in AUXILIARIES or (
                    verb_like(tok) and not adjective_like(doc, toks[m], len(doc))):
                return None
            if not (is_cap(tok) or tok.like_num or low in PREPOSITIONS
                    or (tok.is_alpha and tok.text.islower())):
                return None
        return None

    def _article(self, doc: Words, clause: Clause, arg: Arg, n: int, weak_adjective: bool,
                 order: dict[int, int], args: list[Arg]) -> bool:
        """The article at position ``n`` gives the mention its cases; the word before it
        may add a preposition ("an den US-Konzern") or make it a genitive attribute
        (:meth:`_genitive_attribute`). Returns whether a coordinator or comma comes
        before the article ("X und die USA")."""
        i = clause.tokens[n]
        low = doc[i].lower_
        arg.cases = ARTICLE_CASES[low]
        if low == "der" and weak_adjective:
            arg.cases = DATIVE_GENITIVE  # "der chinesischen App": no nominative
        arg.article_at = i
        before = doc[clause.tokens[n - 1]] if n > 0 else None
        if before is None:
            return False
        if before.lower_ in COORDINATORS or before.text == ",":
            return True
        if before.lower_ in PREPOSITIONS:
            arg.prep = CONTRACTIONS.get(before.lower_, before.lower_)
            arg.article_at = before.i
        elif (low in ("der", "des", "einer", "eines") and is_cap(before)
              and (not before.is_sent_start or self.lexicon.noun_triggers(before.lower_))
              and not any(a.mention.end - 1 == before.i for a in args)):
            # a capitalised word opening the sentence may be a verb ("Sollte der …");
            # a relation noun is a noun ("Eigentümer der X ist Y")
            self._genitive_attribute(doc, clause, arg, order[before.i])
        return False

    def _genitive_attribute(self, doc: Words, clause: Clause, arg: Arg, n: int) -> None:
        """A name in the genitive after the noun at position ``n``: "die Übernahme der
        X", "Druck der USA". After a spokesperson's noun the actor speaks, in the role
        of that noun's phrase: "ein Sprecher des Außenministeriums warf ... vor"."""
        if doc[clause.tokens[n]].lower_ in self.lexicon.spokespersons:
            arg.prep, arg.cases, arg.article_at = self.phrase_role(doc, clause, n)
        else:
            arg.cases = GENITIVE

    def _preposition(self, doc: Words, clause: Clause, arg: Arg, n: int) -> None:
        """The preposition at position ``n`` governs the mention ("mit X", "zur Bahn");
        "von" after a spokesperson's noun puts the actor in the role of that noun's
        phrase: "die Anwälte von Tiktok verklagten ..."."""
        low = doc[clause.tokens[n]].lower_
        arg.prep = CONTRACTIONS.get(low, low)
        arg.article_at = clause.tokens[n]
        if low == "von" and n > 0 and doc[clause.tokens[n - 1]].lower_ in (
                self.lexicon.spokespersons):
            arg.prep, arg.cases, arg.article_at = self.phrase_role(doc, clause, n - 1)

    def _coordination(self, doc: Words, clause: Clause, arg: Arg, n: int,
                      args: list[Arg]) -> int | None:
        """A coordinator or comma at position ``n``: after a mention, the mention is its
        later conjunct and shares its preposition, case and example mark ("mit Polen
        und Frankreich"); None then. Otherwise the position where the list item
        before it starts, if it is one (:meth:`list_item_start`)."""
        prev = [k for k, a in enumerate(args)
                if n and a.mention.end - 1 == clause.tokens[n - 1]]
        if not prev:
            return self.list_item_start(doc, clause, n)
        src = args[prev[0]]
        arg.coord = src.coord if src.coord >= 0 else prev[0]
        arg.prep, arg.example = src.prep, src.example
        if arg.cases is None or src.cases is not None:
            arg.cases = src.cases
        arg.article_at = src.article_at
        return None

    def _postnominal_genitive(self, doc: Words, clause: Clause, arg: Arg,
                              order: dict[int, int]) -> None:
        """A genitive name right after its noun, with no article: "ein Ausscheiden
        Griechenlands"; after a spokesperson's noun the actor acts, in the role of that
        noun's phrase: "die Regierung Norwegens unterstützt ..."."""
        m = arg.mention
        arg.prep, arg.cases, arg.article_at = None, GENITIVE, m.start
        if m.start > 0 and doc[m.start - 1].lower_ in self.lexicon.spokespersons and (
                m.start - 1 in order):
            arg.prep, arg.cases, arg.article_at = self.phrase_role(
                doc, clause, order[m.start - 1])

    def _possessive_determiner(self, doc: Words, arg: Arg, tokset: set[int]) -> None:
        """A possessive the resolver read as an actor: "ihre Beteiligung an X" makes it
        the owner of a noun trigger, "ihre Kunden kritisieren X" of something that is
        no argument."""
        m = arg.mention
        if m.end - m.start != 1 or doc[m.start].lower_ not in POSSESSIVE_FORMS:
            return
        j = m.end
        while j in tokset and adjective_like(doc, j, len(doc)):
            j += 1
        if j in tokset and is_cap(doc[j]) and self.lexicon.noun_triggers(doc[j].lower_):
            arg.possessor_of = j
        else:
            arg.example = True

    def _prenominal_genitive(self, doc: Words, arg: Arg, inside: list[Mention],
                             owners: dict[int, Arg], tokset: set[int]) -> None:
        """A name with a genitive -s before a noun: "Russlands Präsident Putin" (the
        possessed actor is the argument; noted in ``owners``), "Fords Klage gegen X"
        (possessor of a relation noun), "Fords Tochter" (no argument); else a genitive
        after a noun ("Hersteller Chinas")."""
        m = arg.mention
        j = m.end
        while j < len(doc) and adjective_like(doc, j, len(doc)):
            j += 1
        owned = next((x for x in inside if x.start == j and x is not m), None)
        if owned is not None and j == m.end and owned.is_agentive:
            arg.example = True  # "Russlands Präsident Putin": the argument is Putin
            owners[j] = arg
        elif j < len(doc) and j in tokset and is_cap(doc[j]) and owned is None:
            if self.lexicon.noun_triggers(doc[j].lower_):
                arg.possessor_of = j
            else:
                arg.example = True  # possessor of something else: not an argument
        elif arg.prep is None and arg.cases is None and m.start > 0 and is_cap(
            doc[m.start - 1]
        ):
            arg.cases = GENITIVE
            arg.article_at = m.start

    @staticmethod
    def phrase_role(doc: Words, clause: Clause, n: int
                    ) -> tuple[str | None, frozenset[str] | None, int]:
        """(preposition, cases, opening token) of the noun phrase whose noun is at
        position ``n`` of the clause: from its article and the preposition before it."""
        tokens = clause.tokens
        k = n - 1
        while k >= 0 and adjective_like(doc, tokens[k], len(doc)):
            k -= 1
        if k < 0 or doc[tokens[k]].lower_ not in ARTICLE_CASES:
            if k >= 0 and doc[tokens[k]].lower_ in PREPOSITIONS:
                prep = doc[tokens[k]].lower_
                return CONTRACTIONS.get(prep, prep), None, tokens[k]
            return None, None, -1
        article = doc[tokens[k]].lower_
        if k > 0 and doc[tokens[k - 1]].lower_ in PREPOSITIONS:
            prep = doc[tokens[k - 1]].lower_
            return CONTRACTIONS.get(prep, prep), ARTICLE_CASES[article], tokens[k - 1]
        return None, ARTICLE_CASES[article], tokens[k]

    def list_item_start(self, doc: Words, clause: Clause, n: int) -> int | None:
        """Position (in the clause) of a non-actor list item ending before position ``n``.

        Only inside a list whose commas the splitter kept (:meth:`list_commas`), or
        right after such a comma; None when the tokens before ``n`` are no list item.
        """
        tokens = clause.tokens
        k = n - 1
        words = 0
        while k >= 0 and words < 2:
            tok = doc[tokens[k]]
            if not (tok.is_alpha and is_cap(tok)) or tok.lower_ in TIME_WORDS:
                break
            k -= 1
            words += 1
        if not words:
            return None
        if k >= 0 and doc[tokens[k]].lower_ in ARTICLE_CASES and doc[tokens[k]].text.islower():
            k -= 1
        is_list = doc[tokens[n]].text == "," or (k >= 0 and doc[tokens[k]].text == ",")
        return k + 1 if is_list else None

    def subject(self, clause: Clause, doc: Words | None = None) -> list[Mention]:
        """The clause's subject mentions (coordinated ones and "zusammen mit X" included)."""
        if clause.kind == "rel" and clause.rel_case == "nom":
            return list(clause.antecedent)
        if clause.kind == "inf":
            return []
        if clause.kind == "coord":  # the subject left out after "und": the one before
            return self.subject(clause.controller, doc) if clause.controller else []
        apposed = self.apposition_subject(clause, doc)
        if apposed:
            return apposed
        for k, arg in enumerate(clause.args):
            if arg.coord >= 0:
                continue
            if arg.can_be("nom") and arg.mention.is_agentive:
                group = [arg.mention] + [
                    a.mention for a in clause.args[k + 1:] if self.in_group(clause, a, k)
                ]
                if doc is not None:
                    group += [
                        a.mention for a in clause.args
                        if a.prep == "mit" and a.article_at > 0
                        and doc[a.article_at - 1].lower_ in ("zusammen", "gemeinsam")
                    ]
                return group
        return []

    def apposition_subject(self, clause: Clause, doc: Words | None) -> list[Mention]:
        """"Das Kieler Geldhaus, die Nordbank, steigt ... ein": when the clause opens
        with a noun phrase that names no actor, an actor in apposition right after it
        (between commas) is the subject."""
        if doc is None or not clause.tokens or clause.kind != "main":
            return []
        first = doc[clause.tokens[0]]
        if not (first.lower_ in ARTICLE_CASES and "nom" in ARTICLE_CASES[first.lower_]):
            return []
        for k, arg in enumerate(clause.args):
            if not arg.aside or arg.prep is not None or arg.coord >= 0:
                continue
            j = arg.mention.start - 1
            while j > clause.tokens[0] and (doc[j].lower_ in ARTICLE_CASES
                                            or adjective_like(doc, j, len(doc))):
                j -= 1
            after = arg.mention.end
            # the phrase before the comma opens the clause and names nobody
            if doc[j].text == "," and after < len(doc) and doc[after].text == "," and (
                    arg.cases is None or "nom" in arg.cases) and not any(
                    a.mention.start < j for a in clause.args):
                return self.group(clause, k)
            return []
        return []

    @staticmethod
    def in_group(clause: Clause, arg: Arg, k: int) -> bool:
        """Whether ``arg`` is coordinated with the ``k``-th argument of the clause."""
        seen = set()
        while arg.coord >= 0 and arg.coord not in seen:
            seen.add(arg.coord)
            if arg.coord == k:
                return True
            arg = clause.args[arg.coord]
        return False

    def group(self, clause: Clause, k: int) -> list[Mention]:
        return [clause.args[k].mention] + [
            a.mention for a in clause.args[k + 1:] if self.in_group(clause, a, k)
        ]

    def end_particle(self, doc: Words, clause: Clause) -> int | None:
        for i in reversed(clause.tokens):
            tok = doc[i]
            if tok.is_punct or tok.is_space:
                continue
            return i if tok.text.islower() and tok.is_alpha else None
        return None

    def lemmas(self, doc: Words, clause: Clause) -> set[str]:
        """Lemmas of a clause, with a clause-final particle joined to each verb."""
        lemmas = {doc[i].lemma_.lower() for i in clause.tokens}
        last = self.end_particle(doc, clause)
        if last is not None:
            lemmas |= {doc[last].lower_ + x for x in lemmas}
        return lemmas


def _list_item(doc: Words, i: int, limit: int,
               starts: dict[int, Mention]) -> tuple[int | None, int]:
    """End of the list item that starts at ``i`` and whether it is an actor (0/1)."""
    if i < limit and doc[i].lower_ in ARTICLE_CASES and doc[i].text.islower():
        i += 1
    if i >= limit:
        return None, 0
    if i in starts:
        return starts[i].end, 1
    # "mehrere andere Vereine", "weitere Banken": adjectives before a non-actor item
    k = i
    while k < limit and k - i < 2 and adjective_like(doc, k, limit):
        k += 1
    if k > i and (k >= limit or k in starts or not is_cap(doc[k])):
        return None, 0
    j = i = k
    while j < limit and j - i < 2:
        tok = doc[j]
        if not (tok.is_alpha and is_cap(tok)) or tok.lower_ in TIME_WORDS or (
                tok.lower_ in STARTERS) or j in starts:
            break
        j += 1
    return (j, 0) if j > i else (None, 0)


def _attributive(doc: Words, j: int) -> bool:
    """A verb form inside a noun phrase: "das neu verhandelte Abkommen"."""
    prev = doc[j - 1] if j > 0 else None
    if prev is None:
        return False
    if prev.lower_ in ARTICLE_CASES:
        return True
    before = doc[j - 2] if j > 1 else None
    return (before is not None and before.lower_ in ARTICLE_CASES and prev.text.islower()
            and prev.is_alpha and not verb_like(prev))


def _plural_conjunct(m: Mention, args: list[Arg]) -> Arg:
    """The second actor of a plural reference ("die beiden Konzerne"): coordinated with
    the first, in its role."""
    first = args[-1]
    arg = Arg(m, first.prep, first.cases, first.article_at)
    arg.coord = first.coord if first.coord >= 0 else len(args) - 1
    arg.example, arg.aside = first.example, first.aside
    return arg


def _possessed_name(arg: Arg, owner: Arg) -> None:
    """A name after a prenominal genitive ("von Syriens Staatschef Assad", "Russlands
    Präsident Putin kritisiert"): it heads the noun phrase the possessor opened."""
    arg.prep, arg.cases, arg.article_at = owner.prep, owner.cases, owner.article_at
    arg.coord = owner.coord


def _genitive_s(doc: Words, m: Mention, names: Mapping[str, str]) -> bool:
    """Whether the name carries a genitive -s its dictionary name has not ("Fords",
    "Chinas")."""
    return m.kind != "modifier" and doc[m.end - 1].text.endswith(("s", "'", "’")) and (
        not names.get(m.actor, "").endswith(("s", "S")))


def _pronoun_case(doc: Words, arg: Arg) -> None:
    """A pronoun the resolver read as an actor ("ihn", "ihm"): its form gives its case."""
    m = arg.mention
    if m.end - m.start == 1 and arg.prep is None:
        arg.cases = PRONOUN_CASES.get(doc[m.start].lower_, arg.cases)
