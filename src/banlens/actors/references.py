"""The reference resolver: words that stand for an actor named before.

News names an actor once and then refers back to it: "Huawei klagt gegen die
Regierung. Der Konzern wirft ihr vor, ..." - "der Konzern" is Huawei. Registered as
the spaCy factory ``banlens_references`` (after ``banlens_actors``), this component
adds such references to ``doc.spans["banlens_actors"]`` as mentions of kind
``"reference"``, so that the relation extractor reads them like names and marks the
relations that rest on them ``coref``. Each rule is one construction of German:

* a singular definite **description** whose head noun is listed in
  ``data/references.yml`` ("das Unternehmen", "der chinesische Konzern", "dem
  Softwarekonzern", "die Behörde"), the article agreeing with the noun, refers to an
  actor of a fitting type;
* a **personal pronoun** (er, sie, ihn, ihm, ihr) to an actor that agrees in gender
  and number (:mod:`banlens.actors.gender`; the number of "sie" from its finite
  verb); a pronoun after its clause's subject is never that subject;
* a **demonstrative** used alone ("Dieser hielt ...") to the latest fitting actor;
* a **role** that the dictionary puts before a person's name ("US-Präsident Trump"
  makes "der US-Präsident" Trump), anywhere after the person was named;
* **"wir", "uns", "unser"** inside a quote to the speaker the sentence attributes it
  to (also after "Von X hieß es:"); **"man"** before a Konjunktiv, or after a clause
  of announcing ("Wie X mitteilte, hat man ..."), to the organisation named before;
* a **plural reference** ("die Kontrahenten", "beide Seiten", plural "sie") to the
  two actors named just before (plural "sie" with "sich gegenseitig" even when one of
  them has a plural name);
* a **title the text gave an actor** before its name ("der Versicherer X", "des
  Cloud-Spezialisten X") to that actor later ("der Versicherer", "der Spezialist"),
  within three sentences;
* a **possessive** ("Ihre Beteiligung an X") at a sentence's first actor to an
  agreeing owner named before;
* **institutions named by their members** ("die Wettbewerbshüter", "den Richtern")
  in the plural too, for classes marked ``plural``.

A description is never the subject of its own clause (that would be "sich"): "X
wirft dem Konzern vor" looks for the Konzern before X.

Antecedents are looked for in the previous sentence and earlier in the same one.
When several fit, the subject of the previous sentence wins; two equally good
candidates, or two in the same sentence, resolve nothing: a wrong edge is worse than
a missing one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import chain
from pathlib import Path
from typing import Any

import srsly
from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import ensure_path

from ..annotations import ACTOR_SPANS_KEY, MODIFIER, REFERENCE
from ..german.inflection import is_common_word
from ..german.words import (
    ARTICLE_CASES,
    AUXILIARIES,
    CONTRACTIONS,
    DEMONSTRATIVE_PRONOUNS,
    FINITE_PLURAL,
    FINITE_SINGULAR,
    FIRST_PLURAL,
    FIRST_SINGULAR,
    PERSONAL_PRONOUNS,
    POSSESSIVE_FORMS,
    PREPOSITIONS,
    QUOTE_CLOSE,
    QUOTE_OPEN,
    SPEECH_VERBS,
    SUBORDINATORS,
)
from .gender import PLURAL, GenderLexicon, article_gender
from .mentions import modifier_stands_for_actor
from .reference_file import check_references, read_references

# Singular articles and demonstratives of each gender, in any case.
DETERMINERS = {
    "m": frozenset({"der", "den", "dem", "des", "dieser", "diesen", "diesem", "dieses"}),
    "f": frozenset({"die", "der", "diese", "dieser"}),
    "n": frozenset({"das", "dem", "des", "dieses", "diesem"}),
}
# A nominalised adjective ("Vorsitzende", "Jährige") takes its gender from the article;
# in the singular, "-e" after the nominative (and feminine accusative), "-en" after the
# others ("die Vorsitzenden" is a plural).
ADJECTIVAL = "a"
ADJECTIVAL_DETERMINERS = {
    False: frozenset({"der", "die", "dieser", "diese"}),
    True: frozenset({"den", "dem", "des", "der", "diesen", "diesem", "dieses", "dieser"}),
}
# Plural articles and demonstratives, for nouns that name an institution by its members.
PLURAL_DETERMINERS = frozenset({"die", "den", "der", "diese", "diesen", "dieser"})
ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
# Words that open a noun phrase: never an adjective inside one.
ARTICLES = frozenset().union(*DETERMINERS.values()) | frozenset(
    prefix + ending
    for prefix in ("ein", "kein", "mein", "dein", "sein", "ihr", "unser", "euer", "jen",
                   "welch", "manch", "jed")
    for ending in ("", "e", "en", "em", "er", "es"))
MAX_ADJECTIVES = 3
# A title the text gave an actor ("der Versicherer Fischer AG") still names it this many
# sentences after the actor was last mentioned.
INTRODUCTION_REACH = 3
# How many more earlier mentions make one of several fitting actors the text's topic.
TOPIC_LEAD = 2
# Konjunktiv forms of reported speech after which "man" is an organisation speaking.
REPORTED_FINITE = frozenset({
    "habe", "sei", "werde", "wolle", "könne", "müsse", "solle", "dürfe", "hätte", "wäre",
})
DEFINITE = frozenset().union(*DETERMINERS.values())
# Words that make a plural subject two parties acting on each other.
RECIPROCAL = frozenset({"gegenseitig", "einander", "wechselseitig"})
# Lower-case words any rule below can read as a reference: pronouns, "man", "beide",
# possessives (the other rules need a capitalised word).
REFERENCE_WORDS = frozenset(PERSONAL_PRONOUNS) | frozenset(DEMONSTRATIVE_PRONOUNS) | (
    FIRST_PLURAL | FIRST_SINGULAR | POSSESSIVE_FORMS | frozenset({"man", "beide", "beiden"}))
# Tokens that end the clause before a word, and words of a phrase that names a
# source ("laut X", "nach Angaben von X", "X zufolge").
CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")", "–", "-", "—"}) | QUOTE_OPEN | QUOTE_CLOSE
SOURCE_WORDS = frozenset({"laut", "zufolge", "angaben", "informationen", "auskunft",
                          "aussage", "aussagen", "ansicht", "einschätzung", "sicht",
                          "meinung", "darstellung", "mitteilung", "bericht", "berichten"})
# Punctuation a raw word may start or end with around a title.
_OPENING = "([{\"'„“‚‘»«,"
_CLOSING = ",.;:)]}\"'“”‘’»«–-"
_COMMA = re.compile(r"\s*,")
_WORD = re.compile(r"\S+")
# Relative pronouns that can be a clause's subject.
RELATIVE_SUBJECTS = frozenset({"der", "die", "das", "welcher", "welche", "welches"})
# Verbs of saying and announcing before "man": the organisation that says it is "man".
ANNOUNCING = (SPEECH_VERBS - {"so"}) | frozenset({
    "bekanntgab", "bekanntgegeben", "mitteilte", "mitgeteilt", "bestätigte", "bestätigt",
    "verlautete", "hieß",
})
ORGANISATIONS = frozenset({"organization", "government", "platform", "court", "media"})
# Actor types a description with an adjective of nationality must belong to its country.
STATE_TYPES = frozenset({"government", "country"})
DATA_FILE = "references.json"


@dataclass(frozen=True, slots=True)
class Description:
    """A noun that can describe an actor: its gender and the actor types it fits."""

    noun: str
    gender: str
    types: frozenset[str]
    compounds: str = "all"  # which compounds ending in the noun count: all, hyphen, none
    plural: bool = False  # the plural names the actor too ("die Wettbewerbshüter")


@Language.factory(
    "banlens_references",
    default_config={"references": None},
    assigns=["doc.spans"],
    requires=["doc.spans"],
)
def make_reference_resolver(nlp: Language, name: str,
                            references: str | None) -> ReferenceResolver:
    """Create the resolver (``nlp.add_pipe("banlens_references")``); ``references`` is a
    YAML file in the format of the bundled ``data/references.yml`` (None = bundled)."""
    return ReferenceResolver(nlp, name, references=references)


class ReferenceResolver:
    """Add mentions of kind ``"reference"`` for descriptions of actors named before."""

    def __init__(self, nlp: Language | None = None, name: str = "banlens_references", *,
                 references: str | Path | dict[str, Any] | None = None) -> None:
        self.name = name
        self._nlp = nlp  # to read the actor tagger's dictionary (roles, aliases)
        # (dictionary, aliases, roles, places)
        self._alias_cache: tuple[Any, dict[str, tuple[str, ...]], dict[str, str],
                                 dict[str, str]] = (None, {}, {}, {})
        self.genders = GenderLexicon()
        self.set_data(load_references(references))

    def set_data(self, data: dict[str, Any]) -> None:
        """Use the descriptions of ``data`` (parsed reference file) from now on."""
        self.data = data
        self._nouns: dict[str, Description] = {}
        for spec in data["classes"].values():
            types = frozenset(spec["types"])
            for noun, gender in spec["nouns"].items():
                self._nouns[noun.lower()] = Description(noun, gender, types,
                                                        spec.get("compounds", "all"),
                                                        spec.get("plural", False))
        self._excluded = tuple(w.lower() for w in data.get("not_part_of", []))
        self._group_nouns = frozenset(w.lower() for w in data.get("groups", []))
        self._nationalities: dict[str, tuple[str, ...]] = {
            k: tuple(v) for k, v in data.get("nationalities", {}).items()}
        self._forms: dict[int, Description | None] = {}
        # per word of the vocabulary, whether it may be a reference (for these roles)
        self._refers: tuple[Any, dict[int, bool]] = (None, {})

    # -- matching ------------------------------------------------------------------
    def description(self, word: str) -> Description | None:
        """The description a (capitalised) word form is a singular form of, or None."""
        low = word.lower()
        for form in _singular_forms(low):
            found = self._nouns.get(form)
            if found is not None:
                if _form_fits(low, form, found.gender):
                    return found
                continue
            if form.endswith(self._excluded):
                return None
            head = self._head(form)
            if head is not None:
                found = self._nouns[head]
                hyphenated = form[-len(head) - 1] == "-"
                if found.compounds == "none" or (found.compounds == "hyphen"
                                                 and not hyphenated):
                    return None
                return found if _form_fits(low, form, found.gender) else None
        if low.endswith("en"):
            # the weak ending of a nominalised adjective: "den 55-Jährigen"
            found = self.description(low[:-1])
            if found is not None and found.gender == ADJECTIVAL:
                return found
        return None

    def _head(self, form: str) -> str | None:
        """The longest noun that ``form`` ends in after at least two more characters."""
        nouns = self._nouns
        for start in range(2, len(form) + 1):  # longest ending first
            if form[start:] in nouns:
                return form[start:]
        return None

    def _cached(self, doc: Doc, i: int) -> Description | None:
        token = doc[i]
        return self._description_of(token.orth, token.text)

    def _description_of(self, orth: int, text: str) -> Description | None:
        """:meth:`description` of a word, looked up once per word of the vocabulary."""
        found = self._forms.get(orth, False)
        if found is False:
            found = self.description(text) if _noun_like(text) and len(text) > 2 else None
            self._forms[orth] = found
        return found  # type: ignore[return-value]

    def _candidates(self, orth_ids: list[int], strings: Any, roles: dict[str, str],
                    introduced: dict[str, list[_Antecedent]]) -> list[int]:
        """Positions of the words any rule below can read as a reference, in order: a
        pronoun, "man", "beide" or a possessive (:data:`REFERENCE_WORDS`), a capitalised
        word that is a listed description, a role, a group noun or a title the text
        gave an actor, and a capitalised word after "beide". Decided once per word of
        the vocabulary (and per title of this Doc): most words are none of these."""
        if self._refers[0] is not roles:
            self._refers = (roles, {})
        refers = self._refers[1]
        found = set()
        for orth in set(orth_ids):
            may = refers.get(orth)
            if may is None:
                text = strings[orth]
                low = text.lower()
                may = refers[orth] = low in REFERENCE_WORDS or _noun_like(text) and (
                    low.startswith("unser") or low in roles or low in self._group_nouns
                    or low in self._alias_cache[3]
                    or self._description_of(orth, text) is not None)
            if may or (introduced and strings[orth][:1].isupper() and any(
                    form in introduced for form in _noun_forms(strings[orth].lower()))):
                found.add(orth)
        out = [i for i, orth in enumerate(orth_ids) if orth in found]
        both = [i + 1 for i in out if i + 1 < len(orth_ids) and strings[orth_ids[i]].lower()
                in ("beide", "beiden") and strings[orth_ids[i + 1]][:1].isupper()]
        return sorted(set(out).union(both)) if both else out

    def surface_forms(self) -> tuple[frozenset[str], frozenset[str], str]:
        """What a word must look like for a rule to read it as a reference outside a
        title the text gave (see :meth:`_candidates`), for a scan of raw text: (whole
        lower-case words: pronouns, "man", "beide", possessives, the heads of roles and
        group nouns; lower-case endings: every listed description noun with the
        endings it may take; a prefix: "unser"). A word that may refer is one of the
        words, starts with the prefix or ends in one of the endings. "wir", "uns" and
        "ich" are not among the words: they refer only to a speaker in their own
        sentence, which names an actor or holds another word that refers."""
        heads = {w.rsplit("-", 1)[-1] for w in (*self._roles(), *self._group_nouns)}
        heads.update(self._places())
        endings = {noun + ending for noun in self._nouns for ending in DESCRIPTION_ENDINGS}
        words = (REFERENCE_WORDS - FIRST_PLURAL - FIRST_SINGULAR) | heads
        return frozenset(words), frozenset(endings), "unser"

    def reach(self, doc: Doc) -> int:
        """How many sentences after an actor's last mention in ``doc`` (a name or a
        reference resolved to it) a reference may still be resolved to it.

        A pronoun, a description, a role or a plural reads the mentions of its own
        sentence and the one before, so one sentence; a title the text put before a
        name and uses again later reaches :data:`INTRODUCTION_REACH` sentences. After
        that many sentences without a mention the resolver reads nothing more until the
        next name (which is why a corpus run may leave such text untokenized:
        :mod:`banlens.passages`).
        """
        if ACTOR_SPANS_KEY not in doc.spans:
            return 1
        introduced = _introductions(
            doc, [s for s in doc.spans[ACTOR_SPANS_KEY] if s.id_ != REFERENCE])
        if not introduced:
            return 1
        # only a title the text uses again after giving it reaches further
        first = min(e.start for entries in introduced.values() for e in entries)
        strings = doc.vocab.strings
        for orth in set(doc.to_array([ORTH])[first + 2:].tolist()):
            text = strings[orth]
            if text[:1].isupper() and any(
                    form in introduced for form in _noun_forms(text.lower())):
                return INTRODUCTION_REACH
        return 1

    # -- resolving -----------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        if ACTOR_SPANS_KEY not in doc.spans or not len(doc.spans[ACTOR_SPANS_KEY]):
            return doc
        spans = list(doc.spans[ACTOR_SPANS_KEY])
        # names, and compounds that name their own actor ("der Huawei-Konzern"; a
        # country's "US-Konzern" is still a description)
        named = {i for s in spans if s.id_ != MODIFIER or s.label_ != "COUNTRY"
                 for i in range(s.start, s.end)}
        starts = {s.start for s in spans}
        sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        # the words as strings, read at once (a Token object per word costs more than
        # the rules that look at it)
        strings = doc.vocab.strings
        orths = doc.to_array([ORTH, LOWER])
        orth_ids = orths[:, 0].tolist()
        genders = self._genders(doc, spans, _Strings(strings, orths[:, 1].tolist()))
        roles = self._roles()
        # every mention that can be an antecedent: a compound names its first part too
        # ("der WeChat-Betreiber ... den Messenger"), but not a person ("die
        # Trump-Zeit ... die Kanzlerin")
        names = _with_subjects(doc, sorted(
            (s for s in spans
             if s.id_ != MODIFIER or s.label_ != "PERSON" or modifier_stands_for_actor(s)),
            key=lambda s: s.start))
        names = [self._titled(doc, m) for m in names]
        name_starts = [m.start for m in names]
        introduced = _introductions(doc, spans)
        # compounds of an organisation that the text gave a person as a title
        titled = {s.start for s in spans if s.id_ == MODIFIER and s.label_ != "PERSON"
                  and s.end == s.start + 1 and any(
                      e.kind == "person" for form in _noun_forms(s.text.lower())
                      for e in introduced.get(form, ()))} if introduced else set()
        # compounds of an organisation that describe a person and do not speak for the
        # organisation ("die SPD-Politikerin", unlike "der SPD-Chef"): a description
        members = {s.start for s in spans if s.id_ == MODIFIER and s.label_ != "PERSON"
                   and s.end == s.start + 1 and not modifier_stands_for_actor(s)
                   and self._describes_person(doc, s.start)}
        sent_starts = [s.start for s in sents]
        candidates = self._candidates(orth_ids, strings, roles, introduced)
        refs: list[_Antecedent] = []  # resolved so far, in text order
        ref_starts: list[int] = []
        added: list[Span] = []
        previous: Span | None = None
        for sent in sents:
            low = previous.start if previous is not None else sent.start
            # the mentions of this sentence and the one before, looked up by position
            # (a long text costs linear time, not sentences x mentions)
            window = names[bisect_left(name_starts, low):bisect_left(name_starts, sent.end)]
            window += refs[bisect_left(ref_starts, low):]
            prev_start = sent.start
            previous = sent
            if not window:
                continue
            for i in candidates[bisect_left(candidates, sent.start):
                                bisect_left(candidates, sent.end)]:
                if i in named and i not in members and not (i in titled and (
                        self._person_title(doc, i, introduced, window, prev_start,
                                           sent_starts, sent, starts, (names, refs)))):
                    continue
                group = self._group(doc, i, sent, prev_start, window, genders)
                if not group and introduced and strings[orth_ids[i]][:1].isupper():
                    # a title the text gave an actor names it while the actor was
                    # mentioned up to INTRODUCTION_REACH sentences back
                    k = max(0, bisect_left(sent_starts, sent.start) - INTRODUCTION_REACH)
                    found = self._by_introduction(doc, i, introduced, window, prev_start,
                                                  sent_starts[k], starts, (names, refs))
                else:
                    found = None
                if found is None and not group:
                    found = self._resolve(doc, i, sent, prev_start, window, starts, genders,
                                          roles, (names, refs))
                for actor, kind in group or ([found] if found else []):
                    span = Span(doc, i, i + 1, label=kind.upper(), kb_id=actor,
                                span_id=REFERENCE)
                    added.append(span)
                    mention = _Antecedent(i, actor, kind,
                                          _subject_like(doc, i) in ("start", "coord"),
                                          gender=self._noun_gender(doc, i))
                    refs.append(mention)
                    ref_starts.append(i)
                    window.append(mention)
        if added:
            doc.spans[ACTOR_SPANS_KEY] = sorted(spans + added,
                                                key=lambda s: (s.start, s.end, s.id_))
        return doc

    def _resolve(self, doc: Doc, i: int, sent: Span, sent_start: int,
                 window: list[_Antecedent], starts: set[int],
                 genders: dict[str, frozenset[str]], roles: dict[str, str],
                 seen: tuple[list[_Antecedent], list[_Antecedent]]
                 ) -> tuple[str, str] | None:
        """(actor, type) token ``i`` refers to, by the first rule that applies
        (``seen``: the names of the document and the references resolved so far)."""
        token = doc[i]
        text = token.text
        low = token.lower_
        if low in FIRST_PLURAL or low.startswith("unser"):
            return self._speaker(doc, i, sent, window)
        if low in FIRST_SINGULAR:
            # "„Ich …“, sagte Lange": a person speaking; a spokesperson's "ich" is
            # not the organisation's
            found = self._speaker(doc, i, sent, window)
            return found if found is not None and found[1] == "person" else None
        if low in POSSESSIVE_FORMS and low.startswith(("sein", "ihr")) and (
                i + 1 < sent.end and _before_noun(doc, i, sent)):
            # "Die Bank wächst. Ihre Beteiligung an X ...": the owner agrees with the
            # possessive's stem (sein: m/n singular, ihr: f singular or plural). After an
            # actor of its own sentence the relation rules read it (nearest actor).
            if any(sent_start <= m.start < i for m in window):
                return None
            pron_genders, number = (frozenset("mn"), "sg") if low.startswith("sein") else (
                frozenset("f"), "sg|pl")
            fits = [m for m in window if m.start < i and _agrees(
                m.gender | genders.get(m.actor, frozenset()), m.kind, pron_genders, number)]
            return _salient(fits, sent_start, seen[0], window)
        if low in PERSONAL_PRONOUNS and (text.islower() or i == sent.start or _opens(doc, i)):
            pron_genders, number, _ = PERSONAL_PRONOUNS[low]
            if low == "sie":
                number = _verb_number(doc, i, sent) or number
            if low == "ihr" and i + 1 < sent.end and doc[i + 1].text[:1].isupper():
                return None  # "ihr Anteil": a possessive, not the dative pronoun
            fits = [m for m in window if m.start < i and _agrees(
                m.gender | genders.get(m.actor, frozenset()), m.kind, pron_genders, number)]
            if PERSONAL_PRONOUNS[low][2] != frozenset({"nom"}):
                # "Die Regierung unterstützt sie": after its clause's subject a pronoun
                # is an object, and never that subject (that would be "sich")
                own = _clause_subjects(doc, i, window, sent_start)
                if own:
                    fits = [m for m in fits if m.actor not in own]
            elif sent_start > 0 and _unknown_speaker(doc, doc[sent_start - 1].sent, starts):
                # "…, sagte Okonkwo. Er fordert …": the speaker the dictionary does not
                # name is the likeliest "er", not an actor in what he said
                fits = [m for m in fits if m.kind != "person"]
            return _salient(fits, sent_start, seen[0], window)
        if low == "man" and i + 1 < sent.end and doc[i + 1].lower_ in REPORTED_FINITE or (
                low == "man" and i > 0 and doc[i - 1].lower_ in REPORTED_FINITE):
            # "Man habe kooperiert", "wolle man ...": reported speech of an organisation
            fits = [m for m in window if m.start < i and m.kind in ORGANISATIONS]
            return _salient(fits, sent_start, seen[0], window)
        if low == "man" and _announced(doc, i, sent):
            # "Wie X mitteilte, hat man sich mit Y geeinigt": the organisation that speaks
            fits = [m for m in window if sent_start <= m.start < i and m.kind in ORGANISATIONS]
            return _salient(fits, sent_start, seen[0], window)
        if low in DEMONSTRATIVE_PRONOUNS and _stands_alone(doc, i, sent):
            pron_genders, number, _ = DEMONSTRATIVE_PRONOUNS[low]
            if low == "diese":
                number = _verb_number(doc, i, sent) or number
            # the latest mention that agrees, or whose gender is unknown
            fits = [m for m in window if m.start < i and m.kind != "person" and (
                not (m.gender | genders.get(m.actor, frozenset())) or _agrees(
                    m.gender | genders.get(m.actor, frozenset()), m.kind, pron_genders,
                    number))]
            if fits:
                last = max(fits, key=lambda m: m.start)  # a demonstrative: the latest
                if _later_noun(doc, last.stop, i, pron_genders, starts):
                    return None  # "… einen Vorschlag von X. Dieser sieht vor": the noun
                return last.actor, last.kind
        if low in self._alias_cache[3]:  # read fresh by __call__ (self._roles())
            return self._place_reference(doc, i, window)
        if _noun_like(text) and len(text) > 2:
            role_actor = self._role_reference(doc, i, roles, seen, starts)
            if role_actor is not None:
                return role_actor
            found = self._cached(doc, i)
            if found is None or not self._is_description(doc, i, found, starts):
                return None
            # "X wirft dem Konzern vor": a description is never its own clause's
            # subject (that would be "sich" or a pronoun)
            own = _clause_subjects(doc, i, window, sent_start)
            fronted = _fronted_themes(doc, i, sent, window)
            before = [m for m in window if m.start < i and m.kind in found.types
                      and m.actor not in own and m.start not in fronted]
            country = self._nationality(doc, i)
            if country and found.types & STATE_TYPES:
                # "die griechische Regierung": an actor of that country only
                before = [m for m in before if self._of_country(m.actor, country)]
            sex = _person_gender(doc, i, found)
            if sex:
                # "die Politikerin" is no man, "der Minister" no woman, when the text
                # or the first name tells
                before = [m for m in before if m.kind != "person"
                          or not genders.get(m.actor, frozenset()) & {"m", "f"}
                          or sex & genders.get(m.actor, frozenset())]
            return _salient(before, sent_start, seen[0], window)
        return None

    def _describes_person(self, doc: Doc, i: int) -> bool:
        """Whether the word at ``i`` is a description of persons only."""
        found = self._cached(doc, i)
        return found is not None and found.types == frozenset({"person"})

    def _noun_gender(self, doc: Doc, i: int) -> frozenset[str]:
        """The gender of the description noun at ``i`` ("Konzern": m), if it has one."""
        found = self._cached(doc, i) if _noun_like(doc[i].text) else None
        return frozenset(found.gender) if found is not None and (
            found.gender in ("m", "f", "n")) and not found.plural else frozenset()

    def _titled(self, doc: Doc, m: _Antecedent) -> _Antecedent:
        """``m`` with the gender of a description before its name ("der Versicherer
        Fischer AG": m), which a later pronoun agrees with."""
        j = m.start - 1
        if j < 1 or m.kind == "person" or doc[j - 1].lower_ not in DEFINITE:
            return m
        gender = self._noun_gender(doc, j)
        return replace(m, gender=gender) if gender else m

    def _person_title(self, doc: Doc, i: int, introduced: dict[str, list[_Antecedent]],
                      window: list[_Antecedent], sent_start: int, sent_starts: list[int],
                      sent: Span, starts: set[int],
                      seen: tuple[list[_Antecedent], list[_Antecedent]]) -> bool:
        """Whether the compound at ``i`` ("der Nordbank-Chef"), which names an
        organisation, is the title the text gave a person ("Nordbank-Chef Brandt")
        who is within reach: then the person is meant, not the organisation."""
        k = max(0, bisect_left(sent_starts, sent.start) - INTRODUCTION_REACH)
        found = self._by_introduction(doc, i, introduced, window, sent_start,
                                      sent_starts[k], starts, seen)
        return found is not None and found[1] == "person"

    @staticmethod
    def _by_introduction(doc: Doc, i: int, introduced: dict[str, list[_Antecedent]],
                         window: list[_Antecedent], sent_start: int, since: int,
                         starts: set[int],
                         seen: tuple[list[_Antecedent], list[_Antecedent]]
                         ) -> tuple[str, str] | None:
        """A definite noun the text earlier put before one actor's name as its title
        ("der Chipkonzern Broadcom ... der Chipkonzern", "des Cloud-Spezialisten VMware
        ... der Spezialist"): that actor, when it was named since ``since`` (three
        sentences back). Two actors with that title: the one named in the window."""
        entries = [e for form in _noun_forms(doc[i].lower_) for e in introduced.get(form, ())
                   if e.start < i - 1]
        if not entries:
            return None
        j = _before_adjectives(doc, i)
        if j < 0 or doc[j].lower_ not in DEFINITE or _name_follows(doc, i, starts):
            return None
        # a place stands for its organisation in the plural: "die Stuttgarter"
        entries = [e for e in entries if not e.plural or _plural_alone(doc, j, i)]
        if not entries:
            return None
        own = _clause_subjects(doc, i, window, sent_start)
        actors = {e.actor: e.kind for e in entries if e.actor not in own}
        if len(actors) > 1:
            near = {m.actor for m in window if m.start < i}
            actors = {a: k for a, k in actors.items() if a in near}
        if len(actors) != 1:
            return None
        actor, kind = next(iter(actors.items()))
        if any(m.actor == actor and since <= m.start < i for m in chain(*seen)):
            return actor, kind
        return None

    def _group(self, doc: Doc, i: int, sent: Span, sent_start: int,
               window: list[_Antecedent], genders: dict[str, frozenset[str]]
               ) -> list[tuple[str, str]]:
        """Two actors a plural reference stands for: "beide Seiten", "die beiden
        Konzerne", "die Kontrahenten", or plural "sie" when no plural-named actor fits;
        the two actors named just before (or the two subjects, if more are named)."""
        token = doc[i]
        low = token.lower_
        prev = doc[i - 1].lower_ if i > 0 else ""
        plural_noun = token.text[:1].isupper() and token.is_alpha and (
            prev in ("beide", "beiden") or (
                low in self._group_nouns and prev in ("die", "den") and (
                    i + 1 >= len(doc) or not doc[i + 1].text[:1].isupper())))
        if low in ("beide", "beiden") and i + 1 < sent.end and not doc[i + 1].text[:1].isupper():
            plural_noun = prev in ("die", "") or i == sent.start  # "Die beiden einigten sich"
        if not plural_noun and low == "sie" and _verb_number(doc, i, sent) == "pl":
            mutual = any(t.lower_ in RECIPROCAL for t in sent)
            if not mutual and any(PLURAL in genders.get(m.actor, frozenset())
                                  for m in window if m.start < i):
                return []  # "die USA ... Sie wollen": the plural name (but "Sie werfen
                # sich gegenseitig vor" needs two)
            plural_noun = True
        if not plural_noun:
            return []
        before = [m for m in window if m.start < i]
        here = [m for m in before if m.start >= sent_start]
        pool = here if len({m.actor for m in here}) >= 2 else [
            m for m in before if m.start < sent_start]
        actors = list(dict.fromkeys(m.actor for m in pool))
        if len(actors) > 2:
            actors = list(dict.fromkeys(m.actor for m in pool if m.subject))
        if len(actors) != 2:
            return []
        kinds = {m.actor: m.kind for m in pool}
        return [(a, kinds[a]) for a in actors]

    # -- the rules' pieces -------------------------------------------------------------
    def _genders(self, doc: Doc, spans: list[Span], lowers: Sequence[str]
                 ) -> dict[str, frozenset[str]]:
        """Gender and number of each actor of the doc: from the articles the text puts
        before its names, else from its name and aliases (``data/genders.yml``)."""
        out: dict[str, frozenset[str]] = {}
        aliases = self._aliases()
        for span in spans:  # a plural name is plural in any form ("den Niederlanden")
            if span.kb_id_ not in out and PLURAL in self.genders.of_aliases(
                    aliases.get(span.kb_id_, (span.text,)), span.label_.lower()):
                out[span.kb_id_] = frozenset({PLURAL})
        for span in spans:
            if out.get(span.kb_id_) == frozenset({PLURAL}):
                continue
            if span.id_ == MODIFIER or span.id_ == REFERENCE:
                continue
            actor, kind = span.kb_id_, span.label_.lower()
            found = self.genders.of_name(span.text, kind)
            if not found and kind != "person":
                found = article_gender(lowers, span.start)
            if found:
                known = out.get(actor)
                out[actor] = found if known is None else (known & found or known)
        for span in spans:
            actor = span.kb_id_
            if actor not in out:
                names = aliases.get(actor, ())
                out[actor] = self.genders.of_aliases(names, span.label_.lower())
        return out

    def _tagger_dictionary(self) -> Any:
        if self._nlp is None:
            return None
        for _, component in self._nlp.pipeline:
            dictionary = getattr(component, "dictionary", None)
            if dictionary is not None and hasattr(dictionary, "actors"):
                return dictionary
        return None

    def _aliases(self) -> dict[str, tuple[str, ...]]:
        """Actor id -> (name, *aliases) of the tagger's dictionary, cached per dictionary."""
        dictionary = self._tagger_dictionary()
        if dictionary is None:
            return {}
        if self._alias_cache[0] is not dictionary:
            self._alias_cache = (dictionary, {
                a.id: (a.name, *a.aliases) for a in dictionary}, _role_words(dictionary),
                _place_words(dictionary))
        return self._alias_cache[1]

    def _places(self) -> dict[str, str]:
        """Inhabitants of the place an organisation's name ends in ("Borussia Dortmund":
        "dortmunder", "dortmundern"): lower-case word -> actor id, for words that only
        one actor has."""
        self._aliases()
        return self._alias_cache[3]

    def _roles(self) -> dict[str, str]:
        """Role words of persons, from the dictionary's aliases ("US-Präsident Trump"
        makes "US-Präsident" a role of Trump): lower-case role -> actor id, for roles
        that only one actor has."""
        self._aliases()
        return self._alias_cache[2]

    def _nationality(self, doc: Doc, i: int) -> tuple[str, ...]:
        """The words naming the country of an adjective of nationality before token
        ``i`` ("die griechische Regierung", "der US-amerikanischen Behörde"), or ()."""
        for j in range(i - 1, _before_adjectives(doc, i), -1):
            word = doc[j].lower_.rsplit("-", 1)[-1]
            for ending in ADJECTIVE_ENDINGS:
                if word.endswith(ending):
                    found = self._nationalities.get(word[:-len(ending)])
                    if found:
                        return found
                    break
        return ()

    def _of_country(self, actor: str, country: tuple[str, ...]) -> bool:
        """Whether one of the actor's names contains a word naming the country at the
        start of one of its words ("EU-Kommission" for "eu", "Bundesregierung" for
        "bundes")."""
        for name in self._aliases().get(actor, ()):
            low = name.lower()
            for word in country:
                at = low.find(word)
                while at >= 0:
                    if at == 0 or low[at - 1] in " -":
                        return True
                    at = low.find(word, at + 1)
        return False

    def _role_reference(self, doc: Doc, i: int, roles: dict[str, str],
                        seen: tuple[list[_Antecedent], list[_Antecedent]],
                        starts: set[int]) -> tuple[str, str] | None:
        """"der US-Präsident" for the person whose alias has that role, named earlier in
        the document."""
        actor = roles.get(doc[i].lower_)
        if actor is None:
            return None
        j = _before_adjectives(doc, i)
        if j < 0 or doc[j].lower_ not in DETERMINERS["m"] | DETERMINERS["f"]:
            return None
        if _name_follows(doc, i, starts):
            return None  # "der US-Präsident Trump": a title, the name follows
        for m in chain(*seen):
            if m.actor == actor and m.start < i:
                return m.actor, m.kind
        return None

    def _place_reference(self, doc: Doc, i: int, window: list[_Antecedent]
                         ) -> tuple[str, str] | None:
        """"die Dortmunder", "den Dortmundern": the organisation named after that place
        (:meth:`_places`), when it was named in this sentence or the one before. In the
        plural and standing alone: "der Dortmunder" is a person from there, "die
        Dortmunder Polizei" another body."""
        actor = self._alias_cache[3][doc[i].lower_]
        if i < 1 or not _plural_alone(doc, i - 1, i):
            return None
        for m in window:
            if m.actor == actor and m.start < i:
                return m.actor, m.kind
        return None

    def _speaker(self, doc: Doc, i: int, sent: Span,
                 seen: list[_Antecedent]) -> tuple[str, str] | None:
        """"wir", "uns", "unser" (and "ich") inside a quote: the actor the quote is
        attributed to, in the same sentence ("…“, sagte ein Vodafone-Sprecher", "so die
        Behörde")."""
        opened = closed = None
        for j in range(i - 1, sent.start - 1, -1):
            if doc[j].text in QUOTE_OPEN:
                opened = j
                break
        for j in range(i + 1, sent.end):
            if doc[j].text in QUOTE_CLOSE:
                closed = j
                break
        if opened is None and closed is None:
            return None
        if closed is not None:
            # "…“, sagte ein Vodafone-Sprecher" / "…“, so die Behörde": the first mention
            # within a few words after a verb of saying right after the quote
            for j in range(closed + 1, min(closed + 4, sent.end)):
                if doc[j].lower_ in SPEECH_VERBS:
                    after = [m for m in seen if j < m.start <= j + 6 and m.start < sent.end]
                    if after:
                        first = min(after, key=lambda m: m.start)
                        return first.actor, first.kind
                    return None
        if opened is not None and opened > sent.start and doc[opened - 1].text == ":":
            # "X sagte: „Wir …“": the subject before the colon
            before = [m for m in seen if sent.start <= m.start < opened and m.subject]
            if len({m.actor for m in before}) == 1 and any(
                    doc[j].lower_ in SPEECH_VERBS for j in range(sent.start, opened)):
                return before[0].actor, before[0].kind
            # "Von X hieß es: „Wir …“", "Bei X heißt es: …": the one actor named before
            named = [m for m in seen if sent.start <= m.start < opened]
            if len({m.actor for m in named}) == 1 and any(
                    doc[j].lower_ in ("hieß", "heißt") for j in range(sent.start, opened)):
                return named[0].actor, named[0].kind
        return None

    @staticmethod
    def _is_description(doc: Doc, i: int, found: Description, starts: set[int]) -> bool:
        """A definite singular noun phrase that ends in token ``i`` and names nobody."""
        j = _before_adjectives(doc, i, MAX_ADJECTIVES)
        if found.gender == ADJECTIVAL:  # "der/die Vorsitzende", "den/dem/der Vorsitzenden"
            allowed = ADJECTIVAL_DETERMINERS[doc[i].lower_.endswith("n")]
        else:
            allowed = DETERMINERS[found.gender] | (
                PLURAL_DETERMINERS if found.plural else frozenset())
        if j < 0 or doc[j].lower_ not in allowed:
            return False
        nxt = i + 1
        if nxt < len(doc):
            after = doc[nxt]
            # "der Konzern Huawei", "das Unternehmen Nvidia": a name follows
            if nxt in starts or (after.text[:1].isupper() and after.is_alpha
                                 and not after.is_sent_start and _name_like(after.text)):
                return False
        return True

    # -- serialization ---------------------------------------------------------------
    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.msgpack_dumps(self.data)

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> ReferenceResolver:
        self.set_data(srsly.msgpack_loads(data))
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / DATA_FILE, self.data)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> ReferenceResolver:
        self.set_data(_checked(srsly.read_json(ensure_path(path) / DATA_FILE), str(path)))
        return self


# -- the reference file ------------------------------------------------------------------


def load_references(source: str | Path | dict[str, Any] | None = None) -> dict[str, Any]:
    """Read and check a reference file (None: the bundled ``data/references.yml``)."""
    if isinstance(source, dict):
        return _checked(source, "<dict>")
    return read_references(source)


def _checked(data: Any, where: str) -> dict[str, Any]:
    return check_references(data, where)


# -- German word forms -------------------------------------------------------------------


# The endings a description noun may carry in the text: :func:`_singular_forms` takes
# them off again (genitive -s/-es, the -n of a dative plural in -ern).
DESCRIPTION_ENDINGS = ("", "s", "es", "n")


def _unknown_speaker(doc: Doc, sent: Span, starts: set[int]) -> bool:
    """Whether ``sent`` attributes what it says to a name that is no actor: "…, sagte
    Okonkwo", "so Müller" (a verb of saying, maybe an article, adjectives and a
    title, then a name no actor mention starts at)."""
    for j in range(sent.start, sent.end):
        if doc[j].lower_ not in SPEECH_VERBS:
            continue
        k = j + 1
        while k < sent.end and k - j <= 4:
            tok = doc[k]
            if k in starts:
                break  # an actor speaks
            if tok.lower_ in ARTICLES or _adjective(tok.text):
                k += 1
                continue
            if tok.text[:1].isupper() and tok.is_alpha:
                if _name_like(tok.text):
                    return True
                k += 1  # a title ("Parteichef") before the name
                continue
            break
    return False


def _person_gender(doc: Doc, i: int, found: Description) -> frozenset[str]:
    """The sex a description of persons gives: its noun's gender ("Politikerin": f), or
    the article's for a nominalised adjective ("die Vorsitzende": f); empty when it
    does not tell ("der Vorsitzenden" may be either)."""
    if found.types != frozenset({"person"}):
        return frozenset()
    if found.gender in ("m", "f"):
        return frozenset(found.gender)
    if found.gender == ADJECTIVAL:
        j = _before_adjectives(doc, i, MAX_ADJECTIVES)
        article = doc[j].lower_ if j >= 0 else ""
        if not doc[i].lower_.endswith("n"):
            return frozenset({"m"} if article in ("der", "dieser") else {"f"} if article in (
                "die", "diese") else ())
        return frozenset({"m"} if article in ("den", "dem", "diesen", "diesem") else ())
    return frozenset()


def _plural_alone(doc: Doc, j: int, i: int) -> bool:
    """Whether the word at ``i``, with its article at ``j``, is a plural standing alone:
    "die Stuttgarter", "den Stuttgartern"; not "der Stuttgarter" (a person from there)
    nor "die Stuttgarter Konkurrenz" (an adjective of another noun)."""
    article = doc[j].lower_
    plural = article in ("die", "diese") or article in ("den", "diesen") and (
        doc[i].lower_.endswith("n"))
    return plural and (i + 1 >= len(doc) or not doc[i + 1].text[:1].isupper())


def _noun_like(text: str) -> bool:
    """Capitalised like a noun, also after a number or a name in lower case
    ("55-Jährige", "iPhone-Hersteller")."""
    return text[:1].isupper() or "-" in text and text.rpartition("-")[2][:1].isupper()


def _singular_forms(low: str) -> list[str]:
    """Candidate base forms of a lower-cased noun: itself and without a genitive ending."""
    forms = [low]
    if low.endswith("es") and len(low) > 4:
        forms.append(low[:-2])
    if low.endswith("s") and len(low) > 3:
        forms.append(low[:-1])
    if low.endswith("ern") and len(low) > 4:
        forms.append(low[:-1])  # a dative plural: "den Wettbewerbshütern"
    return forms


def _form_fits(low: str, base: str, gender: str) -> bool:
    """Feminine nouns take no ending in the singular; others may take genitive -s/-es."""
    return low == base or gender != "f"


def _adjective(text: str) -> bool:
    """An inflected adjective or participle ("chinesische", "betroffenen", "US-amerikanische")."""
    return text.islower() and text.replace("-", "").isalpha() and text.endswith(
        ADJECTIVE_ENDINGS) or (text[:1].isupper() and "-" in text and text.rsplit("-", 1)[-1]
                               .islower() and text.endswith(ADJECTIVE_ENDINGS))


def _before_adjectives(doc: Doc, i: int, most: int | None = None,
                       places: bool = False) -> int:
    """The position of the word before the adjectives (at most ``most``) that precede
    token ``i``: its article, if it has one ("der chinesische Konzern" -> "der"). An
    article is never taken for an adjective, although "der" ends like one."""
    j = i - 1
    while j >= 0 and (most is None or i - 1 - j < most) and doc[j].lower_ not in ARTICLES and (
            _adjective(doc[j].text) or places and _place_adjective(doc[j].text)):
        j -= 1
    return j


def _place_adjective(text: str) -> bool:
    """A capitalised adjective of a place ("der Stuttgarter Autobauer", "die Kieler
    Bank"): a word in -er of five letters or more, never inflected."""
    return text[:1].isupper() and text.isalpha() and text.endswith("er") and len(text) >= 5


def _name_follows(doc: Doc, i: int, starts: set[int]) -> bool:
    """Whether a name follows token ``i``: "der US-Präsident Trump" is a title."""
    return i + 1 < len(doc) and (i + 1 in starts or (
        doc[i + 1].text[:1].isupper() and _name_like(doc[i + 1].text)))


def _name_like(text: str) -> bool:
    """A capitalised word that is no ordinary German word: a name after the noun."""
    return not is_common_word(text)


# -- antecedents and agreement -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Antecedent:
    """A mention that a later reference can point back to."""

    start: int
    actor: str
    kind: str  # actor type
    subject: bool  # stands where a subject stands (see _subject_like)
    end: int = -1  # token after the mention (-1: one token)
    plural: bool = False  # a title used in the plural only ("die Stuttgarter")
    # the grammatical gender of this mention's own noun ("der Konzern", "der Versicherer
    # Fischer AG"), which a later pronoun may agree with besides the actor's
    gender: frozenset[str] = frozenset()

    @property
    def stop(self) -> int:
        return self.end if self.end >= 0 else self.start + 1


def _salient(candidates: list[_Antecedent], sent_start: int,
             names: Sequence[_Antecedent] = (), window: Sequence[_Antecedent] = (),
             ) -> tuple[str, str] | None:
    """The antecedent among ``candidates`` (mentions before the reference that fit it):
    of the nearest sentence that has any, the only actor; of several in the sentence
    before, its one subject; when another actor is that sentence's subject (in
    ``window``, the mentions of this sentence and the one before), the topic of the
    text so far (:func:`_topic`, counted over ``names``); anything else (two in the
    same sentence, two subjects, a subject that is no actor) resolves nothing."""
    if not candidates:
        return None
    here = [m for m in candidates if m.start >= sent_start]
    pool = here or candidates
    actors = {m.actor for m in pool}
    if len(actors) == 1:
        m = pool[0]
        return m.actor, m.kind
    if here:
        return None  # two fitting actors in the same sentence: subject or object alike
    subjects = {m.actor for m in pool if m.subject}
    if len(subjects) == 1:
        m = next(m for m in pool if m.subject)
        return m.actor, m.kind
    if subjects or not any(m.subject for m in window if m.start < sent_start):
        # two subjects: the sentence before is about both; no actor as its subject: it
        # may be about somebody the dictionary does not name
        return None
    topic = _topic(actors, names, sent_start)
    if topic is not None:
        m = next(m for m in pool if m.actor == topic)
        return m.actor, m.kind
    return None


def _topic(actors: set[str], names: Sequence[_Antecedent], before: int) -> str | None:
    """Of ``actors`` (several fitting, none the subject of the sentence before), the one
    the text is about: named in more sentences-worth of mentions before ``before`` than
    any other, and at least TOPIC_LEAD more times ("Der Bund übernimmt die Anteile von
    X an Y. Er sichert die Finanzierung des Unternehmens" after a text about Y)."""
    counts = dict.fromkeys(actors, 0)
    for m in names:
        if m.start >= before:
            break
        if m.actor in counts:
            counts[m.actor] += 1
    ranked = sorted(counts.values(), reverse=True)
    best = max(counts, key=counts.__getitem__)
    return best if ranked[0] >= ranked[1] + TOPIC_LEAD else None


def _noun_forms(low: str) -> set[str]:
    """A lower-cased noun and its forms without case endings ("spezialisten" ->
    "spezialist", "konzerns" -> "konzern"), and the same for the head of a hyphen
    compound ("cloud-spezialisten" -> "spezialist")."""
    out = set()
    for word in (low, low.rsplit("-", 1)[-1]) if "-" in low else (low,):
        out.add(word)
        for ending in ("en", "es", "n", "s"):
            if word.endswith(ending) and len(word) - len(ending) > 3:
                out.add(word[:-len(ending)])
    return out


class _Strings(Sequence[str]):
    """The words of a Doc as strings, looked up when read (by ``words[i]``)."""

    __slots__ = ("_ids", "_strings")

    def __init__(self, strings: Any, ids: list[int]) -> None:
        self._strings = strings
        self._ids = ids

    def __getitem__(self, i: int) -> str:  # type: ignore[override]
        return self._strings[self._ids[i]]

    def __len__(self) -> int:
        return len(self._ids)


def introduced_titles(text: str, start: int, end: int) -> list[tuple[str, int]]:
    """The titles a raw text may give the name at characters ``start``-``end`` (see
    :func:`_introductions`), each with the offset after which the text may use it
    again: a capitalised word of four letters or more right before the name after an
    article and maybe adjectives ("der Chipkonzern Broadcom"), or after it in an
    apposition ("Broadcom, der kalifornische Chipkonzern"). Read on words between
    whitespace, so every title the tokenizer would give the resolver is among them (a
    superset: a corpus run decides from it how far a passage must reach, before
    tokenizing)."""
    found = []
    if start >= 2 and text[start - 1] == " " and not text[start - 2].isspace():
        words = text[max(0, start - 300):start - 1].split()
        noun = words.pop() if words else ""
        if _title_noun(noun):
            places = []
            while words:
                word = words.pop()
                if word.lstrip(_OPENING).lower() in ARTICLES:
                    found.append((noun, start))
                    found.extend((place, start) for place in places)
                    break
                if _place_adjective(word):
                    places.append(word)
                elif not _adjective(word):
                    break
    comma = _COMMA.match(text, end)
    if comma is not None:
        words = list(_WORD.finditer(text, comma.end(), comma.end() + 300))
        if words and words[0].group().lstrip(_OPENING).lower() in ARTICLES:
            places = []
            for k in range(1, min(len(words), 8)):
                word = words[k]
                noun = word.group().rstrip(_CLOSING)
                if _place_adjective(word.group()) and k + 1 < len(words) and _title_noun(
                        words[k + 1].group().rstrip(_CLOSING)):
                    places.append(noun)  # "der Kieler Kreditgeber"
                    continue
                if _title_noun(noun):
                    end = word.start() + len(noun)
                    found.append((noun, end))
                    found.extend((place, end) for place in places)
                    break
                if not _adjective(word.group()):
                    break
    return found


def title_forms(title: str) -> set[str]:
    """The lower-case forms a later word shares with ``title`` when the resolver reads
    it as that title ("Spezialisten" -> "spezialisten", "spezialist"; a hyphen
    compound's head too). Every such later word contains one of them."""
    return _noun_forms(title.lower())


def _introductions(doc: Doc, spans: list[Span]) -> dict[str, list[_Antecedent]]:
    """Nouns the text puts before an actor's name as its title, with an article: "der
    Chipkonzern Broadcom", "des US-Datenanalysten Qualtrics" (the noun's forms and its
    hyphen head, each with the actors it introduced)."""
    out: dict[str, list[_Antecedent]] = {}
    covered = {t for s in spans for t in range(s.start, s.end)}
    # a person's title may name the organisation the person leads ("Nordbank-Chef
    # Brandt"): a compound of another actor is still the person's title
    compounds = {s.start for s in spans if s.id_ == MODIFIER and s.label_ != "PERSON"
                 and s.end == s.start + 1}
    for span in spans:
        if span.id_ in (MODIFIER, REFERENCE):
            continue
        kind = span.label_.lower()
        free = covered - compounds if kind == "person" else covered
        # a later word reads as the title from two words after the name or the
        # apposition's noun on (never the apposition itself)
        # the tagger takes a title into a person's name ("Nordbank-Chef Brandt")
        inside = span.start if kind == "person" and span.start in compounds and (
            span.end - span.start > 1) else None
        for j, at in ((_title_before(doc, span, free), span.start), (inside, span.start),
                      (_apposition_after(doc, span, free), None)):
            if j is not None:
                entry = _Antecedent(j if at is None else at, span.kb_id_, kind, False, span.end)
                for form in _noun_forms(doc[j].lower_):
                    out.setdefault(form, []).append(entry)
                if kind == "person":
                    continue
                # "der Stuttgarter Autobauer X ... die Stuttgarter": the place in the
                # title names the organisation in the plural
                place = _Antecedent(entry.start, span.kb_id_, kind, False, span.end, True)
                k = j - 1
                while k >= 0 and (_place_adjective(doc[k].text) or _adjective(doc[k].text)):
                    if _place_adjective(doc[k].text):
                        for form in _noun_forms(doc[k].lower_):
                            out.setdefault(form, []).append(place)
                    k -= 1
    return out


def _title_noun(text: str) -> bool:
    """A capitalised noun of four letters or more (hyphens allowed)."""
    return text[:1].isupper() and text.replace("-", "").isalpha() and len(text) >= 4


def _title_before(doc: Doc, span: Span, covered: set[int]) -> int | None:
    """The noun of "der Chipkonzern Broadcom": a title with an article right before
    the name."""
    j = span.start - 1
    if j < 1 or j in covered or not _title_noun(doc[j].text):
        return None
    k = _before_adjectives(doc, j, places=True)
    return j if k >= 0 and doc[k].lower_ in ARTICLES else None


def _apposition_after(doc: Doc, span: Span, covered: set[int]) -> int | None:
    """The noun of "Broadcom, der kalifornische Chipkonzern, ...": an apposition after
    a comma right after the name, an article, maybe adjectives and its noun, which a
    comma, a period, a dash, a genitive or a prepositional phrase ends ("..., der
    größte Autobauer Europas", "..., ein Versicherer aus Kiel")."""
    k = span.end
    if k + 2 >= len(doc) or doc[k].text != "," or doc[k + 1].lower_ not in ARTICLES:
        return None
    j = k + 2
    while j < len(doc) - 1 and (_adjective(doc[j].text) or _place_adjective(doc[j].text)
                                and _title_noun(doc[j + 1].text)):
        j += 1
    if j in covered or not _title_noun(doc[j].text):
        return None
    nxt = doc[j + 1] if j + 1 < len(doc) else None
    if nxt is not None and not (nxt.text in (",", ".", "–", "-", ";", ")")
                                or nxt.text[:1].isupper() or nxt.lower_ in PREPOSITIONS
                                or nxt.lower_ in CONTRACTIONS):
        return None
    return j


def _clause_subjects(doc: Doc, i: int, window: list[_Antecedent], sent_start: int
                     ) -> set[str]:
    """Actors that are the subject of the clause token ``i`` stands in, before it: a
    subject mention with no clause boundary in between, or the antecedent of a
    relative pronoun that opens the clause as its subject ("X, das den Konzern kaufte")."""
    own = {m.actor for m in window if sent_start <= m.start < i and m.subject
           and not any(doc[j].text in (",", ";", ":") for j in range(m.start, i))}
    comma = next((j for j in range(i - 1, sent_start, -1) if doc[j].text == ","), None)
    if comma is not None and comma + 1 < i and doc[comma + 1].lower_ in RELATIVE_SUBJECTS:
        after = doc[comma + 2] if comma + 2 < i else None
        # "X, das den Konzern kaufte": the pronoun is the subject unless a name or a
        # nominative article follows it ("X, den die Behörde prüft")
        if after is None or "nom" not in ARTICLE_CASES.get(after.lower_, {"nom"}) or (
                after.lower_ not in ARTICLE_CASES and not any(
                    m.start == comma + 2 for m in window)):
            own |= {m.actor for m in window if m.start < comma and m.stop == comma}
    return own


def _fronted_themes(doc: Doc, i: int, sent: Span, window: list[_Antecedent]) -> set[int]:
    """Starts of the mentions a subject description right after the finite verb does
    not refer to: those inside the phrase its clause opens with ("Für die Übernahme
    des Versicherers X will das Geldhaus ...", "Nach dem Streit mit X will die
    Gewerkschaft ..."), where the description is the other party of what the phrase
    names. Not when the phrase names a source ("Laut X will der Konzern ...", "Nach
    Angaben von X ..."), which the clause's subject often is."""
    if _subject_like(doc, i) != "verb":
        return set()
    verb = _before_adjectives(doc, i)
    verb = verb - 1 if verb >= 0 and doc[verb].lower_ in ARTICLES else verb
    start = verb
    while start > sent.start and doc[start - 1].text not in CLAUSE_BREAKS:
        start -= 1
    if start >= verb or any(doc[j].lower_ in SOURCE_WORDS for j in range(start, verb)):
        return set()
    return {m.start for m in window if start <= m.start and m.stop <= verb and not m.subject}


def _agrees(genders: frozenset[str], kind: str, pronoun: frozenset[str], number: str) -> bool:
    """Whether an actor of ``genders`` (``m``/``f``/``n``/``pl``, empty = unknown) and
    type ``kind`` can be the antecedent of a pronoun of ``pronoun`` genders and
    ``number`` ("sg", "pl" or "sg|pl")."""
    if PLURAL in genders:
        return "pl" in number
    if "sg" not in number:
        return False
    if not genders:
        # a person of unknown gender fits "er" and "sie"; anything else needs a gender
        return kind == "person" and bool(pronoun & {"m", "f"})
    return bool(genders & pronoun)


def _verb_number(doc: Doc, i: int, sent: Span) -> str | None:
    """"sg" or "pl" from the finite verb next to the pronoun at ``i`` ("sie will" /
    "sie wollen", "will sie"), None if there is none."""
    for j in (i + 1, i - 1):
        if not sent.start <= j < sent.end:
            continue
        low = doc[j].lower_
        if low in FINITE_SINGULAR:
            return "sg"
        if low in FINITE_PLURAL:
            return "pl"
        if j == i + 1 and doc[j].is_alpha and doc[j].text.islower() and (
                low not in ARTICLE_CASES and low not in PREPOSITIONS and len(low) > 3):
            if low.endswith("en"):
                return "pl"
            if low.endswith(("t", "te")):
                return "sg"
    return None


def _announced(doc: Doc, i: int, sent: Span) -> bool:
    """Whether a clause of announcing ends before "man" at ``i``: a verb of saying, then
    a comma ("Wie X mitteilte, hat man ...", "X teilte mit, man habe ...")."""
    for j in range(i - 1, sent.start - 1, -1):
        if doc[j].text == "," and any(doc[k].lower_ in ANNOUNCING
                                      for k in range(sent.start, j)):
            return True
    return False


def _before_noun(doc: Doc, i: int, sent: Span) -> bool:
    """Whether a noun follows token ``i`` (after at most two adjectives): "ihre
    Beteiligung", "seine neue Klage"."""
    j = i + 1
    while j < sent.end and j - i <= 2 and _adjective(doc[j].text):
        j += 1
    return j < sent.end and doc[j].text[:1].isupper() and doc[j].is_alpha


# Indefinite articles of each gender, in any case.
INDEFINITE = {"m": frozenset({"ein", "einen", "einem", "eines"}),
              "f": frozenset({"eine", "einer"}),
              "n": frozenset({"ein", "einem", "eines"})}


def _later_noun(doc: Doc, start: int, end: int, genders: frozenset[str],
                starts: set[int]) -> bool:
    """Whether a noun phrase of one of ``genders`` that names no actor stands between
    ``start`` and ``end``: an article of that gender, maybe adjectives, a capitalised
    noun. A demonstrative refers to the latest fitting phrase, which is then not the
    actor before it."""
    articles = frozenset().union(*(DETERMINERS[g] | INDEFINITE[g] for g in genders))
    for j in range(start, end):
        token = doc[j]
        if j in starts or not token.text[:1].isupper() or not token.is_alpha:
            continue
        k = _before_adjectives(doc, j)
        if k >= start and doc[k].lower_ in articles and not doc[k].text[:1].isupper():
            return True
    return False


def _opens(doc: Doc, i: int) -> bool:
    """Whether token ``i`` opens a quote or a clause inside the sentence ("„Sie ...")."""
    return i > 0 and doc[i - 1].text in QUOTE_OPEN


def _stands_alone(doc: Doc, i: int, sent: Span) -> bool:
    """A demonstrative used as a pronoun: followed by a verb, not by its noun
    ("Dieser hielt ...", "gehört dieser den ...")."""
    nxt = i + 1
    if nxt >= sent.end:
        return False
    after = doc[nxt]
    if after.is_punct:
        return True
    if after.text[:1].isupper() or _adjective(after.text):
        return False
    return after.lower_ in AUXILIARIES or after.lower_ in ARTICLE_CASES or (
        after.is_alpha and after.text.islower() and after.lower_.endswith(("t", "te", "en")))


def _with_subjects(doc: Doc, spans: list[Span]) -> list[_Antecedent]:
    """Antecedents for ``spans`` (in text order), each marked whether it is a subject:
    a mention at the start of a clause, or the first mention of a sentence right after
    its finite verb ("Zudem habe die Bank ..."; but in "Trump kritisierte Xi" only
    Trump)."""
    out: list[_Antecedent] = []
    sentence_has: set[int] = set()
    ends: dict[int, _Antecedent] = {}
    for span in spans:
        place = _subject_like(doc, span.start)
        if place == "coord":
            # "X und Y": Y is a subject if X is ("von X und Y" is no subject)
            # the conjunct ends at the coordinator, before an article and adjectives
            k = span.start - 1
            while k > span.start - MAX_ADJECTIVES - 2 and doc[k].lower_ not in (
                    "und", "oder", "sowie"):
                k -= 1
            conjunct = ends.get(k)
            if conjunct is not None:
                out.append(_Antecedent(span.start, span.kb_id_, span.label_.lower(),
                                       conjunct.subject, span.end))
                ends[span.end] = out[-1]
                continue
            place = "start"
        sent = span.sent.start if doc.has_annotation("SENT_START") else 0
        subject = place == "start" or (place == "verb" and sent not in sentence_has)
        if place is not None:
            sentence_has.add(sent)
        out.append(_Antecedent(span.start, span.kb_id_, span.label_.lower(), subject,
                               span.end))
        ends[span.end] = out[-1]
    return out


def _subject_like(doc: Doc, start: int) -> str | None:
    """Where a mention starting at ``start`` stands if it can be a subject: ``"start"``
    of its clause (after adjectives, an article that can be nominative, a title), or
    right after a ``"verb"``, after a coordinator (``"coord"``: as the conjunct before
    it); None in a prepositional phrase or after a non-nominative article."""
    j = start - 1
    while j >= 0 and (_adjective(doc[j].text) or (
            doc[j].text[:1].isupper() and doc[j].is_alpha and not doc[j].is_sent_start
            and is_common_word(doc[j].text) and j == start - 1)):
        j -= 1
    if j >= 0 and doc[j].lower_ in ARTICLE_CASES:
        if "nom" not in ARTICLE_CASES[doc[j].lower_]:
            return None
        j -= 1
    if j < 0 or doc[j + 1].is_sent_start:
        return "start"
    before = doc[j]
    low = before.lower_
    if low in PREPOSITIONS:
        return None
    if low in ("und", "oder", "sowie"):
        return "coord"
    if before.text in {",", ":", "(", "–"} | QUOTE_OPEN or low in SUBORDINATORS or low in (
            "aber", "sondern"):
        return "start"
    if low in AUXILIARIES or (before.is_alpha and before.text.islower()
                              and low.endswith(("t", "te", "ten", "en"))):
        return "verb"
    return None


def _role_words(dictionary: Any) -> dict[str, str]:
    """Role words of persons from aliases that put a role before the name
    ("US-Präsident Trump", "Kanzlerin Merkel"): the role, and its hyphen-free head,
    each mapped to the person when no other person has it."""
    owners: dict[str, set[str]] = {}
    for actor in dictionary:
        if actor.type != "person":
            continue
        name_words = {w.lower() for w in actor.name.split()}
        for alias in actor.aliases:
            words = alias.split()
            k = 0
            while k < len(words) and words[k].lower() not in name_words:
                k += 1
            if k == 0 or k == len(words) or not all(
                    w.lower() in name_words for w in words[k:]):
                continue
            role = words[k - 1]
            if not role[:1].isupper() or not role.replace("-", "").isalpha():
                continue
            for form in {role.lower(), role.rsplit("-", 1)[-1].lower()}:
                owners.setdefault(form, set()).add(actor.id)
    return {role: next(iter(ids)) for role, ids in owners.items() if len(ids) == 1}


def _place_words(dictionary: Any) -> dict[str, str]:
    """The inhabitants' word of the place that ends an organisation's name or alias
    ("Borussia Dortmund" -> "dortmunder" and the dative "dortmundern"; "Bayern
    München" -> "münchner", "münchener"): German forms them with -er (dropping the
    -en of "München" or the -n of "Bremen" for "Bremer"). Words that two actors share
    are left out; persons have none."""
    owners: dict[str, set[str]] = {}
    for actor in dictionary:
        if actor.type == "person":
            continue
        for alias in (actor.name, *actor.aliases):
            words = alias.split()
            place = words[-1] if len(words) > 1 else ""
            if len(place) < 3 or not place[:1].isupper() or not place.isalpha() or (
                    place.isupper()):
                continue
            low = place.lower()
            forms = {low + "er"}
            if low.endswith("en"):
                forms |= {low[:-2] + "ner", low[:-1] + "r"}
            for form in forms:
                for word in (form, form + "n"):
                    owners.setdefault(word, set()).add(actor.id)
    return {word: next(iter(ids)) for word, ids in owners.items() if len(ids) == 1}


__all__ = ["ReferenceResolver", "introduced_titles", "load_references",
           "make_reference_resolver", "title_forms"]
