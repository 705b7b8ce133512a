"""Reading one text for candidate names: runs of capitalised words and what surrounds them.

The scanner works on plain text with regular expressions (no spaCy pipeline), so
a corpus streams through it quickly. For every sentence it finds the runs of
adjacent capitalised words ("Bundeskanzler Olaf Scholz", "die Deutsche Bahn",
"Weltgesundheitsorganisation (WHO)") and splits each run into

* descriptors in front ("Bundeskanzler", "der Konzern", "Autobauer"): dropped from
  the name, kept as cues for its type;
* the name itself ("Olaf Scholz", "Deutsche Bahn", "Bundesregierung");
* a legal form behind it ("Kuka AG"): dropped from the name, kept as a cue;

and notes the cues around it: a verb of saying ("sagte Scholz"), a verb of
reporting ("berichtete die Zeit"), a place preposition ("in Wien"), an acronym in
parentheses after it, whether it opens the sentence. A hyphen compound whose first
part is a name ("Trump-Regierung", "Tiktok-Verbot") is a *modifier* mention of that
name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from . import context as ctx
from .words import (
    ACRONYM,
    ADJECTIVE,
    FUNCTION,
    NAME,
    NOUN,
    Cues,
    Lexicon,
    camel_case,
    compound_head,
)

# cue labels
TITLE = "title"
FIRST_NAME = "first_name"
SAY = "say"
ORG_HEAD = "organization_head"
LEGAL_FORM = "legal_form"
GOV_HEAD = "government_head"
COURT_HEAD = "court_head"
MEDIA_HEAD = "media_head"
MEDIA_VERB = "media_verb"
PLATFORM_HEAD = "platform_head"
PLACE = "place"
DETERMINER = "determiner"
ORG_COMPOUND = "organization_compound"
PLATFORM_COMPOUND = "platform_compound"
GOV_COMPOUND = "government_compound"
ORG_PREPOSITION = "organization_preposition"
ORG_NEARBY = "organization_noun_in_sentence"

# the type each head cue stands for
HEAD_TYPES = {TITLE: "person", ORG_HEAD: "organization", GOV_HEAD: "government",
              COURT_HEAD: "court", MEDIA_HEAD: "media", PLATFORM_HEAD: "platform"}

_TOKEN = re.compile(r"\w+(?:[-'’.&]\w+)*-?", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"“”»«')]*\s+|\n\s*\n|\n(?=\s*[-–•*]\s)")
_PAREN_ACRONYM = re.compile(r"\s*\(\s*([A-ZÄÖÜ][A-Za-zÄÖÜ0-9&]{1,9})\s*\)")
_PAREN = re.compile(r"\(([^()]{1,40})\)")
_DATELINE = re.compile(
    r"^[ \t]*[A-ZÄÖÜ][\w.'’-]*(?:[ /][A-ZÄÖÜ][\w.'’-]*){0,3}"
    r"(?:,[^\n–—]{1,30}?)?(?:\s*\([^()\n]{1,40}\))?\s*[–—-]{1,3}\s+(?=[A-ZÄÖÜ\"„»])",
    re.MULTILINE)
_ARTICLES = frozenset({"der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines",
                       "einem", "einen"})
_DEFINITE = frozenset({"der", "die", "das", "des", "dem", "den"})
_OPENERS = frozenset("\"„“»«:‚'‘")
_MAX_EXAMPLE = 300


@dataclass(slots=True)
class Mention:
    """One occurrence of a candidate name in a sentence."""

    words: tuple[str, ...]
    modifier: bool = False          # first part of a hyphen compound ("Trump-Regierung")
    institution: bool = False       # a compound noun naming an institution ("Bundesregierung")
    initial: bool = False           # opens its sentence (capitalised for that reason alone?)
    cues: set[str] = field(default_factory=set)
    acronym: str | None = None      # "(WHO)" right after the name
    sentence: int = 0               # index into the document's sentences
    lead: frozenset[str] = frozenset()   # cues of the descriptor in front ("der Konzern")


@dataclass(slots=True)
class _Token:
    text: str
    start: int
    end: int
    initial: bool
    adjacent: bool                  # only spaces between the previous token and this one


class Scanner:
    """Turns a text into :class:`Mention` objects, using a lexicon and the cue lists."""

    def __init__(self, lexicon: Lexicon, cues: Cues) -> None:
        self.lexicon = lexicon
        self.cues = cues
        self.context = ctx.ContextReader(cues, lexicon, self.head_type)
        self._heads: dict[str, str | None] = {}
        self._institutions: dict[str, bool] = {}
        self._company_nouns: dict[str, bool] = {}

    def sentences(self, text: str) -> list[str]:
        """The text's sentences, datelines and agency credits blanked out."""
        text = _DATELINE.sub(lambda m: " " * len(m.group()), text)
        text = _PAREN.sub(self._blank_credit, text)
        parts = _SENTENCE_END.split(text)
        return [part.strip() for part in parts if part and part.strip()]

    def _blank_credit(self, match: re.Match[str]) -> str:
        words = re.split(r"[\s/,;]+", match.group(1).strip().lower())
        if words and all(word in self.cues.agencies for word in words if word):
            return " " * len(match.group())
        return match.group()

    def scan(self, text: str) -> tuple[list[str], list[Mention]]:
        """The sentences of ``text`` and the mentions of candidate names in them."""
        sentences = self.sentences(text)
        mentions: list[Mention] = []
        for index, sentence in enumerate(sentences):
            tokens = self._tokens(sentence)
            found = list(self._scan_sentence(tokens, sentence, index))
            if found and self.context.is_business(tokens):
                for mention in found:
                    mention.cues.add(ctx.BUSINESS)
            mentions.extend(found)
        return sentences, mentions

    # --- one sentence ---------------------------------------------------------------

    def _tokens(self, sentence: str) -> list[_Token]:
        tokens: list[_Token] = []
        previous_end = 0
        for match in _TOKEN.finditer(sentence):
            gap = sentence[previous_end:match.start()]
            first = not tokens
            initial = first or any(c in _OPENERS for c in gap) or "\n" in gap
            adjacent = not first and (gap == "" or gap.isspace()) and "\n" not in gap
            text = match.group()
            if text.endswith("-") and len(text) > 1:
                text = text[:-1]             # "Tiktok- und WeChat-Verbot": truncated compound
                adjacent_next = False
            else:
                adjacent_next = True
            tokens.append(_Token(text, match.start(), match.end(), initial, adjacent))
            previous_end = match.end() if adjacent_next else match.end() + 10 ** 6
        return tokens

    def _scan_sentence(self, tokens: list[_Token], sentence: str,
                       index: int) -> Iterator[Mention]:
        cues = self.cues
        i = 0
        n = len(tokens)
        last: Mention | None = None         # the previous name and where its run ended
        last_end = 0
        while i < n:
            token = tokens[i]
            if not _capitalised(token.text):
                i += 1
                continue
            j = i + 1
            while j < n:
                nxt = tokens[j]
                if not nxt.adjacent:
                    break
                if _capitalised(nxt.text):
                    j += 1
                    continue
                # name particles inside a personal name: "Ursula von der Leyen"
                k = j
                while (k < n and k - j < 2 and tokens[k].text in cues.name_particles
                       and tokens[k].adjacent):
                    k += 1
                if (k > j and k < n and tokens[k].adjacent and _capitalised(tokens[k].text)
                        and j - i == 1 and tokens[i].text in cues.first_names):
                    j = k + 1
                    continue
                break
            for mention in self._read_run(tokens, i, j, sentence, index):
                if not mention.modifier:
                    if last is not None and not mention.lead and ctx.joined(
                            sentence[tokens[last_end - 1].end:token.start],
                            cues.coordinators):
                        self._share_lead(last, mention)
                    last, last_end = mention, j
                yield mention
            i = j

    def _read_run(self, tokens: list[_Token], start: int, end: int, sentence: str,
                  index: int) -> Iterator[Mention]:
        lexicon, cues = self.lexicon, self.cues
        run = tokens[start:end]
        words = [t.text for t in run]
        classes = [lexicon.word_class(w) if _capitalised(w) else "particle" for w in words]
        initial = run[0].initial
        # modifier mentions: hyphen compounds whose first part is a name
        for offset, word in enumerate(words):
            if "-" in word:
                yield from self._modifiers(word, classes[offset], initial and offset == 0,
                                           index)
        lead_cues: set[str] = set()
        k = 0
        # function words opening a sentence ("Die", "Zudem", "Laut")
        while k < len(words) and (classes[k] == FUNCTION or (
                k == 0 and initial and lexicon.is_function_word(words[k]))):
            k += 1
        # descriptors: common nouns in front of a name ("Konzern", "Bundeskanzler")
        while k < len(words) - 1 and classes[k] == NOUN:
            head_cue = self._head_cue(words[k])
            if head_cue in (GOV_HEAD, COURT_HEAD) and all(
                    c in (NAME, "particle") for c in classes[k + 1:]):
                break                           # "Oberlandesgericht Düsseldorf"
            if head_cue:
                lead_cues.add(head_cue)
            k += 1
        k = self._behind_title(words, classes, k, lead_cues)
        if k >= len(words):
            return
        core = words[k:]
        core_classes = classes[k:]
        core_initial = initial and k == 0
        trail_cues: set[str] = set()
        while len(core) > 1 and core[-1].lower().rstrip(".") in cues.legal_forms | {
                f.rstrip(".") for f in cues.legal_forms}:
            trail_cues.add(LEGAL_FORM)
            core, core_classes = core[:-1], core_classes[:-1]
        if core_classes[0] == "particle":
            return
        institution = False
        if all(c == NOUN for c in core_classes):
            single = len(core) == 1 and self._is_institution(core[0])
            named = len(core) > 1 and self._head_cue(core[0]) in (GOV_HEAD, COURT_HEAD)
            if single or named:
                institution = True
            else:
                return
        elif len(core) == 1 and (core_classes[0] == ADJECTIVE or (
                core_classes[0] == ACRONYM and core[0].lower() in cues.common_acronyms)):
            return
        mention = Mention(tuple(core), institution=institution, initial=core_initial,
                          sentence=index, lead=frozenset(lead_cues))
        mention.cues |= lead_cues | trail_cues
        self._context_cues(mention, tokens, start + k, end, sentence)
        # the name's own words: "Europäische Kommission", "Oberlandesgericht Düsseldorf"
        for word in {core[0], core[-1]}:
            head = self._head_cue(word)
            if head and head != TITLE:
                mention.cues.add(head)
        yield mention

    def _behind_title(self, words: list[str], classes: list[str], k: int,
                      lead_cues: set[str]) -> int:
        """Skip a title that a capitalised word precedes: "Bayerns Ministerpräsident X".

        The descriptor loop stops at the first word that is not a common noun, so a
        genitive or a place adjective in front ("Welser Bürgermeister Andreas Rabl")
        kept the whole run as one name. Other descriptors are skipped behind a
        genitive ("Googles Videoplattform X", "Musks Unternehmen X"). Returns where
        the name starts.
        """
        for p in range(k + 1, len(words) - 1):
            if classes[p] != NOUN:
                continue
            head = self._head_cue(words[p])
            before_ok = all(c in (NAME, ADJECTIVE) for c in classes[k:p]) if head == TITLE \
                else head is not None and all(   # "Googles Videoplattform X", not
                    c == NAME and w.endswith("s")  # "die Europäische Kommission Apple"
                    for c, w in zip(classes[k:p], words[k:p], strict=True))
            if before_ok and all(c in (NAME, "particle") for c in classes[p + 1:]):
                lead_cues.add(head)             # type: ignore[arg-type]
                return p + 1
            break
        return k

    @staticmethod
    def _share_lead(first: Mention, other: Mention) -> None:
        """ "die Konzerne Apple und Meta": the descriptor of the first name types the next.

        A title is shared only between surnames ("die Minister Habeck und Lindner"), not
        from "Konzernchef Tim Cook" to a name listed after him.
        """
        lead = first.lead
        if TITLE in lead and not (len(first.words) == 1 and len(other.words) == 1):
            lead = lead - {TITLE}
        other.lead = lead
        other.cues |= lead

    def _modifiers(self, word: str, word_class: str, initial: bool,
                   index: int) -> Iterator[Mention]:
        parts = word.split("-")
        if len(parts) < 2 or not parts[-1]:
            return
        last = parts[-1].lower()
        for position, part in enumerate(parts[:-1]):
            if not _capitalised(part) or part.lower() in self.cues.common_acronyms:
                continue
            if self.lexicon.word_class(part) not in (NAME, ACRONYM):
                continue
            mention = Mention((part,), modifier=True, initial=initial and position == 0,
                              sentence=index)
            if last in self.cues.organization_compounds or compound_head(
                    last, self.cues.organization_heads):
                mention.cues.add(ORG_COMPOUND)
            elif last in self.cues.platform_compounds:
                mention.cues.add(PLATFORM_COMPOUND)
            elif last in self.cues.government_compounds:
                mention.cues.add(GOV_COMPOUND)
            yield mention

    def head_type(self, word: str) -> str | None:
        """The type a descriptor noun stands for ("Konzern" -> organization), or None."""
        cue = self._head_cue(word)
        return HEAD_TYPES.get(cue) if cue else None

    def _head_cue(self, word: str) -> str | None:
        """The head cue of a noun (TITLE, ORG_HEAD, ...), cached per word form."""
        try:
            return self._heads[word]
        except KeyError:
            cue = self._heads[word] = self._find_head_cue(word)
            return cue

    def _find_head_cue(self, word: str) -> str | None:
        cues = self.cues
        lower = word.lower()
        base = lower.rsplit("-", 1)[-1]
        if compound_head(base, cues.titles) and not base.endswith(("amt", "rat")):
            return TITLE
        if compound_head(base, cues.court_heads):
            return COURT_HEAD
        if compound_head(base, cues.media_heads) and not base.endswith("agentur") or \
                base.endswith("nachrichtenagentur"):
            return MEDIA_HEAD
        if compound_head(base, cues.government_heads):
            return GOV_HEAD
        if compound_head(base, cues.platform_heads):
            return PLATFORM_HEAD
        if compound_head(base, cues.organization_heads):
            return ORG_HEAD
        return None

    def _is_institution(self, word: str) -> bool:
        """A singular compound naming one institution: "Bundesregierung", "EU-Kommission"."""
        known = self._institutions.get(word)
        if known is None:
            known = self._institutions[word] = self._find_institution(word)
        return known

    def _find_institution(self, word: str) -> bool:
        cue = self._head_cue(word)
        if cue not in (GOV_HEAD, COURT_HEAD):
            return False
        lower = word.lower()
        base = lower.rsplit("-", 1)[-1]
        head = compound_head(base, self.cues.government_heads | self.cues.court_heads)
        if head is None:
            return False
        for ending in ("", "s", "es"):        # singular, genitive singular
            if base.endswith(head + ending):
                stem = base[: len(base) - len(head) - len(ending)]
                return bool(stem) or "-" in lower
        return False                           # a plural: "Behörden", "Gerichte"

    def _context_cues(self, mention: Mention, tokens: list[_Token], start: int, end: int,
                      sentence: str) -> None:
        cues = self.cues
        before = [t.text.lower() for t in tokens[max(0, start - 3):start]]
        after = tokens[end].text.lower() if end < len(tokens) else ""
        if mention.words[0] in cues.first_names and len(mention.words) > 1:
            mention.cues.add(FIRST_NAME)
        if before and before[-1] in cues.say_verbs or after in cues.say_verbs:
            mention.cues.add(SAY)
        if (before and before[-1] in cues.media_verbs) or (
                len(before) >= 2 and before[-1] in _ARTICLES and before[-2] in cues.media_verbs) \
                or after in cues.media_verbs:
            mention.cues.add(MEDIA_VERB)
        if before and before[-1] in cues.place_prepositions:
            mention.cues.add(PLACE)
        if before and before[-1] in cues.noun_determiners:
            mention.cues.add(DETERMINER)
        if before and before[-1] in cues.organization_prepositions:
            mention.cues.add(ORG_PREPOSITION)
        if before and before[-1] in _DEFINITE:
            mention.cues.add(ctx.ARTICLE)        # "die Velora", "der ADAC": not a person
        if self._organization_nearby(tokens, start, end):
            mention.cues.add(ORG_NEARBY)
        mention.cues |= self.context.mention_cues(tokens, start, end, sentence)
        if any(camel_case(word) for word in mention.words):
            mention.cues.add(ctx.INNER_CAPITAL)
        tail = sentence[tokens[end - 1].end:]
        match = _PAREN_ACRONYM.match(tail)
        if match:
            acronym = match.group(1)
            letters = [c for c in acronym if c.isalpha()]
            if sum(c.isupper() for c in letters) >= 2 and acronym != mention.words[0]:
                mention.acronym = acronym

    def _organization_nearby(self, tokens: list[_Token], start: int, end: int) -> bool:
        """A company noun within four words of the name ("Microsoft, der Softwarekonzern")."""
        window = tokens[max(0, start - 4):start] + tokens[end:end + 4]
        return any(t.text[:1].isupper() and self._company_noun(t.text) for t in window)

    def _company_noun(self, word: str) -> bool:
        known = self._company_nouns.get(word)
        if known is None:
            known = self._company_nouns[word] = compound_head(
                word, self.cues.organization_heads) is not None
        return known

    @staticmethod
    def example(sentence: str) -> str:
        """A sentence shortened for a YAML comment: one line, at most 300 characters."""
        text = " ".join(sentence.split())
        return text if len(text) <= _MAX_EXAMPLE else text[: _MAX_EXAMPLE - 1] + "…"


def _capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()
