"""German word classes for reading a sentence without a parse.

Closed word lists (articles with the cases they mark, prepositions, conjunctions,
auxiliaries) and heuristic tests (is this lower-case word a verb or an adjective?)
that the surface strategy and its clause reader share, and :class:`Word`, the token
attributes they read as plain Python values.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import NamedTuple

from spacy.tokens import Doc, Token

ARTICLE_CASES: dict[str, frozenset[str]] = {}
for _forms, _cases in (
    (("der", "dieser", "jener"), {"nom", "dat", "gen"}),
    (("die", "diese", "jene", "eine", "keine"), {"nom", "acc"}),
    (("das", "dieses", "jenes", "ein", "kein"), {"nom", "acc"}),
    (("den", "diesen", "einen", "keinen"), {"acc", "dat"}),
    (("dem", "diesem", "einem", "keinem"), {"dat"}),
    (("des", "eines", "keines"), {"gen"}),
    (("einer", "keiner"), {"dat", "gen"}),
):
    for _form in _forms:
        ARTICLE_CASES[_form] = frozenset(_cases)
POSSESSIVES = ("sein", "ihr", "unser", "euer", "mein", "dein")
for _stem in POSSESSIVES:
    for _ending, _cases in (
        ("", {"nom", "acc"}), ("e", {"nom", "acc"}), ("en", {"acc", "dat"}),
        ("em", {"dat"}), ("er", {"dat", "gen"}), ("es", {"gen"}),
    ):
        ARTICLE_CASES[_stem + _ending] = frozenset(_cases)
POSSESSIVE_FORMS = frozenset(f for f in ARTICLE_CASES if f.startswith(POSSESSIVES))

# Contracted prepositions -> (preposition, case)
CONTRACTIONS = {
    "am": "an", "ans": "an", "im": "in", "ins": "in", "zum": "zu", "zur": "zu",
    "beim": "bei", "vom": "von", "übers": "über", "fürs": "für", "aufs": "auf",
}
PREPOSITIONS = frozenset({
    "an", "auf", "aus", "bei", "durch", "für", "gegen", "gegenüber", "in", "mit", "nach",
    "seitens", "über", "um", "unter", "von", "vor", "zu", "zwischen", "wegen", "trotz",
    "ohne", "seit", "laut", "hinter", "neben", "binnen", "innerhalb", "außerhalb",
}) | frozenset(CONTRACTIONS)
# Prepositions that attach an argument to a noun trigger ("Übernahme von X durch Y").
ATTRIBUTE_PREPS = frozenset({
    "an", "bei", "durch", "für", "gegen", "in", "mit", "seitens", "über", "von", "zu",
    "zwischen", "auf",
})
COORDINATORS = frozenset({"und", "oder", "sowie", "noch"})
SUBORDINATORS = frozenset({
    "dass", "daß", "ob", "weil", "nachdem", "wenn", "falls", "während", "obwohl", "indem",
    "bevor", "bis", "sodass", "wodurch", "weshalb", "womit", "wobei", "seitdem", "sobald",
    "damit", "als", "wie", "da", "ehe", "solange",
})
RELATIVE = frozenset({
    "der", "die", "das", "dem", "den", "denen", "dessen", "deren", "welcher", "welche",
    "welches", "welchem", "welchen",
})
BOUNDARY = frozenset({";", ":", "–", "—", "\"", "„", "“", "”", "«", "»", "‚", "‘", "’", "…"})
WERDEN = frozenset({"wird", "werden", "wurde", "wurden", "worden", "werde", "wirst"})
AUXILIARIES = frozenset({
    "hat", "haben", "hatte", "hatten", "habe", "hätte", "hätten", "ist", "sind", "war",
    "waren", "sei", "seien", "wäre", "wären", "wird", "werden", "wurde", "wurden", "worden",
    "würde", "würden", "werde", "will", "wollen", "wollte", "wollten", "soll", "sollen",
    "sollte", "sollten", "kann", "können", "konnte", "konnten", "könnte", "könnten", "muss",
    "müssen", "musste", "mussten", "müsste", "darf", "dürfen", "durfte", "dürfte", "dürften",
    "möchte", "möchten", "mag", "lässt", "ließ", "ließen", "lassen",
})
# Verbs whose object, not subject, is the understood subject of a following
# infinitive clause ("fordert X auf, Y auszuschließen").
OBJECT_CONTROL = frozenset({
    "auffordern", "zwingen", "verpflichten", "bitten", "drängen", "untersagen", "verbieten",
    "erlauben", "fordern",
})
ADJ_ENDINGS = ("e", "en", "em", "er", "es")
# what an adjective adds to its base form (inflection, comparative, superlative)
ADJ_SUFFIXES = frozenset({"", *ADJ_ENDINGS, "er", "st", *("st" + e for e in ADJ_ENDINGS),
                          *("er" + e for e in ADJ_ENDINGS)})
GENITIVE = frozenset({"gen"})
REPORTED = frozenset({"hieß", "heißt", "laut", "zufolge"})
CONDITIONAL = frozenset({"ob", "wenn", "falls", "sofern"})
APOSTROPHE_S = frozenset({"’s", "'s", "’", "'"})
DASHES = frozenset({"–", "—", "-", "--"})
PARTICLES = frozenset({
    "ab", "an", "auf", "aus", "bei", "ein", "fest", "her", "hin", "los", "mit", "nach",
    "vor", "weg", "zu", "zurück", "zusammen", "voran", "fort", "bekannt", "heraus",
})
COPULA = frozenset({"ist", "sind", "war", "waren", "sei", "seien", "wäre", "wären", "bleibt",
                    "blieb", "wurde", "wird", "gilt", "galt", "gelten", "galten", "gelte"})
EXAMPLE_MARKERS = frozenset({"wie", "darunter", "etwa", "beispielsweise"})
REGION_WORDS = frozenset({
    "prozent", "%", "rund", "insgesamt", "etwa", "ungefähr", "knapp", "fast", "mehr", "als",
    "bis", "weitere", "weiteren", "bereits",
})
CLOSED = frozenset(ARTICLE_CASES) | PREPOSITIONS | COORDINATORS | SUBORDINATORS | frozenset({
    "nicht", "auch", "noch", "schon", "nun", "jetzt", "bereits", "zudem", "aber", "doch",
    "sich", "es", "er", "sie", "man", "wir", "ich", "ihn", "ihm", "ihnen", "uns", "so",
    "mehr", "nur", "sehr", "dann", "dabei", "damit", "dafür", "daher", "deshalb", "zu",
    "als", "wie", "am", "ab", "rund", "etwa", "fast", "kein", "keine", "bis", "mal",
})
# Words that, capitalised inside a sentence, start a new one (a missed boundary).
STARTERS = CLOSED | frozenset({
    "allerdings", "außerdem", "dennoch", "deshalb", "daher", "derzeit", "inzwischen",
    "mittlerweile", "trotzdem", "zuvor", "danach", "hier", "dort", "jedoch", "immerhin",
    "gleichzeitig", "zugleich", "vielmehr", "stattdessen", "bislang", "bisher",
})


# Words that end a list of names: a date before a comma is no list item
# ("sagte am Montag, Huawei und ZTE ...").
TIME_WORDS = frozenset({
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    "sonnabend", "januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli",
    "august", "september", "oktober", "november", "dezember", "jahr", "jahren", "monat",
    "monaten", "woche", "wochen", "tag", "tagen", "wochenende", "abend", "morgen", "mittag",
    "nachmittag", "vormittag", "nacht", "anfang", "ende", "mitte", "zeit",
})
# People who speak or act for an organisation: "ein Sprecher des Ministeriums sagte"
# makes the ministry the speaker.
SPOKESPERSONS = frozenset({
    "sprecher", "sprecherin", "sprechern", "sprecherinnen", "vertreter", "vertreterin",
    "vertretern", "vertreterinnen", "chef", "chefin", "anwalt", "anwältin", "anwälte",
    "anwälten", "führung", "spitze", "vorstand", "leitung", "management", "unterhändler",
    "unterhändlern",
})
# Coordinators that can join two main clauses ("sowie" and "noch" join noun phrases).
CLAUSE_COORDINATORS = frozenset({"und", "oder", "aber", "sondern"})
PRONOUNS = frozenset({"er", "sie", "es", "man", "wir", "ich", "ihr", "du"})


def is_cap(tok: Word) -> bool:
    """Whether the word starts with a capital (a noun or name, in German)."""
    return tok.text[:1].isupper()


def adjective_like(doc: Words, i: int, limit: int) -> bool:
    """A lower-case word with an adjective ending followed by NP material."""
    tok = doc[i]
    low = tok.lower_
    if not tok.is_alpha or not tok.text.islower() or low in CLOSED:
        return False
    if not low.endswith(ADJ_ENDINGS) and not low.endswith(("ste", "sten")):
        return False
    if low in AUXILIARIES:
        return False  # "Trotz Differenzen wollen China und ...": a modal, no adjective
    if tok.lemma_.lower() == low and low.endswith(("en", "ln", "rn")):
        # an infinitive-like form ("verhandeln Oracle und ...") is an adjective only
        # inside a noun phrase, after an article, a preposition or another adjective
        prev = doc[i - 1] if i > 0 else None
        if prev is None or not (prev.lower_ in ARTICLE_CASES or prev.lower_ in PREPOSITIONS
                                or (prev.text.islower() and prev.lower_.endswith(ADJ_ENDINGS)
                                    and prev.lower_ not in CLOSED)):
            return False
    if tok.lemma_.lower() != low and verb_like(tok) and not participle_like(tok):
        # "verklagte Tiktok" is a verb, "das spezialisierte Unternehmen" an adjective:
        # an attributive form follows an article or preposition
        prev = doc[i - 1].lower_ if i > 0 else ""
        if prev not in ARTICLE_CASES and prev not in PREPOSITIONS:
            return False
    if i + 1 >= limit:
        return False
    nxt = doc[i + 1]
    return is_cap(nxt) or nxt.like_num or (
        nxt.is_alpha and nxt.text.islower() and nxt.lower_.endswith(ADJ_ENDINGS)
        and nxt.lower_ not in CLOSED
    )


def participle_like(tok: Word) -> bool:
    """An inflected participle used as adjective ("geplante", "vereinbarten")."""
    low = tok.lower_
    return low.startswith("ge") and low.endswith(("te", "ten", "tem", "ter", "tes"))


def verb_like(tok: Word) -> bool:
    """Heuristic verb test for a lower-case token (blank pipelines have no tags)."""
    low = tok.lower_
    if low in AUXILIARIES:
        return True
    if not tok.is_alpha or not tok.text.islower() or low in CLOSED:
        return False
    lemma = tok.lemma_.lower()
    if not lemma.endswith(("en", "ln", "rn")):
        return False
    if low == lemma:
        return True
    return not (low.startswith(lemma) and low[len(lemma):] in ADJ_SUFFIXES)


def finite_like(tok: Word) -> bool:
    """A verb form that can be finite: an auxiliary or a full verb that is neither
    its infinitive nor a ge- participle ("kritisierte", "droht", not "sperren",
    "gesperrt")."""
    low = tok.lower_
    if low in AUXILIARIES:
        return True
    if not verb_like(tok) or low == tok.lemma_.lower():
        return False
    return not (low.startswith("ge") and low.endswith(("t", "en")))


class Word:
    """The token attributes the surface rules read, as plain Python values.

    Reading them once per document is much cheaper than going through spaCy's
    ``Token`` objects for every look at a neighbour. ``lemma_`` is lower-cased.
    """

    __slots__ = ("i", "text", "lower_", "lemma_", "is_alpha", "is_punct", "is_space", "like_num",
                 "is_sent_start", "space_after")

    def __init__(self, tok: Token) -> None:
        self.i = tok.i
        self.text = tok.text
        self.lower_ = tok.lower_
        self.lemma_ = tok.lemma_.lower()
        self.is_alpha = tok.is_alpha
        self.is_punct = tok.is_punct
        self.is_space = tok.is_space
        self.like_num = tok.like_num
        self.is_sent_start = bool(tok.is_sent_start)
        self.space_after = bool(tok.whitespace_)

    def moved(self, i: int, space_after: bool) -> Word:
        """A copy at index ``i`` of a :class:`SentenceWords` view."""
        word = object.__new__(Word)
        for name in Word.__slots__:
            setattr(word, name, getattr(self, name))
        word.i = i
        word.space_after = space_after
        return word


Words = Sequence[Word]


class LazyWords(Sequence[Word]):
    """The :class:`Word` of each token of a doc, read when first looked at."""

    __slots__ = ("_doc", "_items")

    def __init__(self, doc: Doc) -> None:
        self._doc = doc
        self._items: list[Word | None] = [None] * len(doc)

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, i):  # type: ignore[override]
        word = self._items[i]
        if word is None:
            word = self._items[i] = Word(self._doc[i])
        return word


# Categories of characters that carry no word: format (zero-width space, soft hyphen,
# bidi marks) and control characters.
_INVISIBLE = frozenset({"Cc", "Cf"})


def is_blank(word: Word) -> bool:
    """Whether the token is whitespace or invisible characters only: a line break,
    a non-breaking space, a zero-width space or a control character between words."""
    return word.is_space or all(
        c.isspace() or unicodedata.category(c) in _INVISIBLE for c in word.text
    )


class Stretch(NamedTuple):
    """Token bounds of a sentence (``start`` inclusive, ``end`` exclusive)."""

    start: int
    end: int


class SentenceWords(Sequence[Word]):
    """The words of a doc as if the blank tokens of one sentence were absent.

    Wrapped lines, non-breaking spaces and stray control characters become tokens of
    their own; the surface rules look at neighbours by index ("the word before the
    mention"), so such a token would hide the real neighbour. This view renumbers the
    words: those before the sentence keep their index, the kept words of the sentence
    follow without gaps, and those after it move down by the number of blanks left
    out. :meth:`to_view` and :meth:`to_doc` translate indices between doc and view.
    A word followed by a blank counts as followed by a space.
    """

    __slots__ = ("_words", "_keep", "_pos", "_shift", "_len", "_moved", "sent")

    def __init__(self, words: Words, sent: Stretch, keep: list[int]) -> None:
        self._words = words
        self._keep = keep  # doc indices of the sentence's non-blank tokens
        self._pos = {i: n for n, i in enumerate(keep, sent.start)}
        self._shift = (sent.end - sent.start) - len(keep)
        self._len = len(words) - self._shift
        self._moved: dict[int, Word] = {}
        self.sent = Stretch(sent.start, sent.start + len(keep))

    @classmethod
    def of(cls, words: Words, start: int, end: int) -> SentenceWords | None:
        """The view for the sentence ``start:end``, or None if it has no blank token."""
        keep = [i for i in range(start, end) if not is_blank(words[i])]
        if len(keep) == end - start:
            return None
        return cls(words, Stretch(start, end), keep)

    def to_doc(self, i: int) -> int:
        """The doc index of view index ``i``."""
        start = self.sent.start
        if i < start:
            return i
        if i < self.sent.end:
            return self._keep[i - start]
        return i + self._shift

    def to_view(self, i: int) -> int:
        """The view index of doc index ``i`` (of a non-blank token, or outside the
        sentence)."""
        if i < self.sent.start:
            return i
        pos = self._pos.get(i)
        if pos is not None:
            return pos
        return i - self._shift

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, i):  # type: ignore[override]
        if i < 0:
            i += self._len
            if i < 0:
                raise IndexError("word index out of range")
        if not self.sent.start <= i < self.sent.end:
            return self._words[self.to_doc(i)]
        word = self._moved.get(i)
        if word is None:
            at = self._keep[i - self.sent.start]
            orig = self._words[at]
            followed_by_blank = at + 1 < self.sent.end + self._shift and at + 1 not in self._pos
            word = self._moved[i] = orig.moved(i, orig.space_after or followed_by_blank)
        return word
