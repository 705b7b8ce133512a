"""Records of a corpus without tokenizing what cannot hold an actor.

A record (:mod:`banlens.records`) holds a document's actor mentions and the relations
between them. Text that names no actor adds nothing to it, and on a corpus most text
is such text. :class:`PassageRunner` makes the record of a text from the passages
that can hold a mention only, and gives the same record, byte for byte, as the whole
pipeline run over the whole text:

1. **Documents.** The actor prefilter (:mod:`banlens.actors.prefilter`) scans the raw
   text for every string the actor tagger could match. A text without one gets a
   record with no actors and no relations and is never tokenized: without a name
   there is nothing for the reference resolver to refer to (it needs an antecedent)
   and no sentence with two actors for the relation rules.
2. **Passages.** The other texts are cut where a sentence certainly begins (see
   :func:`find_cuts`) into chunks, mostly single sentences. Only the chunks with a hit
   of the prefilter are processed, each run of them with what the reference resolver
   may still read as referring into it: the resolver resolves a word only in a
   sentence that names an actor or follows one that names or refers to one, and a
   title the text gave an actor ("der Versicherer Fischer AG ... der Versicherer")
   reaches three sentences (:meth:`~banlens.actors.references.ReferenceResolver.reach`).
   So a run takes the chunk after it when that chunk holds a word that can refer
   (:class:`ReferenceScan`), or the three chunks after it when the raw text may give
   an actor a title and use it again
   (:func:`~banlens.actors.references.introduced_titles`, a superset); while the last
   sentences of a passage within that reach name or refer to an actor (a chain: "X
   ... Sie ... Das Geldhaus ...") and the next chunk can refer, the passage grows by
   as many chunks and the text is processed again. Between passages lie sentences in
   which the whole text resolves nothing. A passage starts with the word and period
   before its cut as context. Every component reads a sentence and a few tokens around
   it: the sentence splitter decides a boundary from its neighbours, the tagger looks at most a few
   tokens back for a title or a dateline (which cannot run across a cut), the
   resolver at the sentence before (and, for roles and titles, at the mentions before,
   which are all in the passages), the relation rules at the sentence. So each
   passage gives what the whole text gives there. The passages of a text are joined
   into one Doc; the splitter is told that each begins a sentence, as it does in a
   Doc of its own. Offsets are shifted back to the whole text; a mention found in a
   context (never seen on the benchmark corpus) sends the text through the whole
   pipeline.
3. **Less work per Doc.** Lemmas are read only by the relation rules, which work on
   sentences with two actors, so the lemmatizer runs after the reference resolver and
   only on Docs with two actor mentions or more. Text without "<", "&" or control
   characters is tokenized without banlens' extra tokenizer rules for markup (none of
   them can match such text, so the tokens are the same).

Passages need the blank banlens pipeline (rule-based components only): a statistical
parser or tagger reads the whole text, so with one only step 1 applies. A text the
passage path cannot vouch for (longer than ``nlp.max_length``, an error) goes through
the whole pipeline. ``tests/test_passages.py`` and ``benchmarks/prefilter_check.py``
compare both ways on real news text.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import Any

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .actors.prefilter import ActorPrefilter, fold, prefilter_for
from .actors.references import INTRODUCTION_REACH, introduced_titles, title_forms
from .annotations import ACTOR_SPANS_KEY
from .german.words import MONTHS
from .records import actor_items, empty_record, record_head, relation_items

logger = logging.getLogger("banlens")

# The components passages are made for, in the order a pipeline holds them.
PASSAGE_FACTORIES = ("banlens_sentences", "banlens_lemmas", "banlens_actors",
                     "banlens_references", "banlens_relations")
# Letters spaCy's German rules treat as letters (Latin-1), and their lower-case ones.
_LETTER = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff"
_LOWER = "a-z\u00df-\u00f6\u00f8-\u00ff"
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
# "… gesagt. Die …": a word of letters ending in a lower-case letter, a period, one
# space and a capitalised word. Found by the period (a fast literal search), the word
# before it read backwards.
_PERIOD = re.compile(rf"\. (?=([{_UPPER}][{_LETTER}]*))")
_LETTERS = frozenset(chr(c) for c in range(0x250) if re.fullmatch(f"[{_LETTER}]", chr(c)))
_LETTER_RUN = re.compile(f"[{_LETTER}]+")
_LOWERS = frozenset(chr(c) for c in range(0x250) if re.fullmatch(f"[{_LOWER}]", chr(c)))
MAX_EXTENSIONS = 3  # a passage that keeps growing takes the rest of the text


class _Unsafe(Exception):
    """The passage path cannot vouch for this text; the whole pipeline takes it."""


def find_cuts(text: str, tokenizer: Any, known: dict[str, bool] | None = None
              ) -> list[tuple[int, int]]:
    """Places where the banlens sentence splitter certainly starts a sentence.

    Returns (context start, cut) pairs: ``cut`` is the offset of the capitalised word
    after "word. ", ``context start`` that of the word before the period. At such a
    place the tokenizer makes "word", "." and the capitalised word three tokens (the
    word is letters only and no special case of the tokenizer), and the splitter ends
    a sentence after a period that a capitalised word follows. Left out: a month on
    either side (a date in a dateline reads on: "Wien, 3. Mai (dpa) –") and any place
    after an unclosed "(" (an agency in a dateline: "(dpa. Reuters)"). ``known``
    caches the verdict on each word (pass the same dict for the same tokenizer).
    """
    if known is None:
        known = {}
    opens = [m.start() for m in re.finditer(r"\(", text)] if "(" in text else []
    closes = [m.start() for m in re.finditer(r"\)", text)] if opens else []
    cuts = []
    for match in _PERIOD.finditer(text):
        dot = match.start()
        if dot < 2 or text[dot - 1] not in _LOWERS:
            continue
        at = dot - 1
        while at and text[at - 1] in _LETTERS:
            at -= 1
        if at and not text[at - 1].isspace():
            continue  # the word must be all of a whitespace-separated chunk
        word = text[at:dot]
        fits = known.get(word)
        if fits is None:
            fits = known[word] = _cut_word(word, tokenizer)
        if not fits or match.group(1).lower() in MONTHS:
            continue
        if opens:
            last_open = bisect_left(opens, at) - 1
            if last_open >= 0 and bisect_left(closes, at) == bisect_left(
                    closes, opens[last_open]):
                continue  # no ")" between the last "(" and here
        cuts.append((at, match.end()))
    return cuts


def _cut_word(word: str, tokenizer: Any) -> bool:
    """Whether "word." is split into "word" and "." by the tokenizer and is no month."""
    chunk = word + "."
    if len(word) < 2 or chunk in tokenizer.rules or word.lower() in MONTHS:
        return False
    url_match, token_match = tokenizer.url_match, tokenizer.token_match
    return not ((url_match is not None and url_match(chunk))
                or (token_match is not None and token_match(chunk)))


def passages_possible(nlp: Language) -> bool:
    """Whether ``nlp`` is a pipeline whose records passages reproduce (see above)."""
    factories = [nlp.get_pipe_meta(name).factory for name in nlp.pipe_names]
    if "banlens_sentences" not in factories or "banlens_actors" not in factories:
        return False
    order = [PASSAGE_FACTORIES.index(f) if f in PASSAGE_FACTORIES else -1 for f in factories]
    if -1 in order or order != sorted(order) or len(set(order)) != len(order):
        return False
    tagger = nlp.get_pipe(nlp.pipe_names[factories.index("banlens_actors")])
    any_case, exact = tagger.surface_forms()
    # a name with a period inside could run across a cut
    return all("." not in form[:-1] for form in any_case | exact | tagger.exclusion_forms())


class PassageRunner:
    """Makes the records of texts, tokenizing only what can hold an actor (see above).

    ``passages=False`` keeps step 1 only (a text with a hit of the prefilter goes
    through the whole pipeline). Build one with :meth:`for_pipeline`.
    """

    def __init__(self, nlp: Language, prefilter: ActorPrefilter, passages: bool = True) -> None:
        self.nlp = nlp
        self.prefilter = prefilter
        self.passages = passages and passages_possible(nlp)
        self._steps: list[tuple[str, Any]] = []
        self._lemmatizer = None
        self._resolver = None
        self._plain = None
        if self.passages:
            for name, proc in nlp.pipeline:
                factory = nlp.get_pipe_meta(name).factory
                if factory == "banlens_lemmas":
                    self._lemmatizer = proc
                else:
                    self._steps.append((factory, proc))
                if factory == "banlens_references":
                    self._resolver = proc
            self._plain = _plain_tokenizer(nlp)
        self._cut_words: dict[str, bool] = {}
        self._references = ReferenceScan(*self._resolver.surface_forms()) if (
            self._resolver is not None) else None

    @classmethod
    def for_pipeline(cls, nlp: Language, passages: bool = True) -> PassageRunner | None:
        """The runner of ``nlp``, or None when no text may skip the whole pipeline."""
        prefilter = prefilter_for(nlp)
        return None if prefilter is None else cls(nlp, prefilter, passages)

    def empty(self, text: str, doc_id: str, date: str | None = None,
              **meta: Any) -> dict[str, Any] | None:
        """The record of ``text`` if it names no actor (step 1 only), else None."""
        if len(text) > self.nlp.max_length or self.prefilter.has_candidate(text):
            return None
        return empty_record(doc_id, date, **meta)

    def record(self, text: str, doc_id: str, date: str | None = None,
               **meta: Any) -> dict[str, Any] | None:
        """The record of ``text``, or None if the whole pipeline must make it."""
        if len(text) > self.nlp.max_length:
            return None
        if not self.passages:
            return self.empty(text, doc_id, date, **meta)
        spans = self.prefilter.spans(text)
        if not spans:
            return empty_record(doc_id, date, **meta)
        try:
            actors, relations = self._from_passages(text, spans)
        except _Unsafe:
            return None
        except Exception as err:  # the whole pipeline will report it, or not fail
            logger.debug("banlens: passage path failed (%s); using the whole text", err)
            return None
        record = record_head(doc_id, date, meta)
        record["actors"] = actors
        record["relations"] = relations
        return record

    # -- passages -----------------------------------------------------------------

    def _from_passages(self, text: str, spans: list[tuple[int, int]]
                       ) -> tuple[list[dict], list[dict]]:
        cuts = find_cuts(text, self.nlp.tokenizer, self._cut_words)
        starts = [0] + [cut for _, cut in cuts] + [len(text)]
        contexts = [0] + [context for context, _ in cuts]
        count = len(contexts)
        hit: set[int] = set()
        for s, e in spans:  # a hit marks every chunk it touches
            hit.update(range(bisect_right(starts, s) - 1, bisect_left(starts, e)))
        known: dict[int, bool] = {}

        def refers(k: int) -> bool:  # whether chunk k holds a word that may refer
            if k not in known:
                known[k] = self._references.search(text[starts[k]:starts[k + 1]])
            return known[k]

        # with the resolver, the chunk after a run of hits may refer back into it (if
        # it holds a word that can refer), and a title the text gave an actor and uses
        # again the chunks up to INTRODUCTION_REACH after it
        follow = 0
        if self._resolver is not None:
            follow = INTRODUCTION_REACH if _titles_recur(text, spans) else 1
        regions: list[list[int]] = []
        for i in sorted(hit):
            end = _run_end(hit, i, count)
            end = min(count, end + follow) if follow > 1 else (
                end + 1 if follow and end < count and refers(end) else end)
            if regions and i <= regions[-1][1]:
                regions[-1][1] = max(regions[-1][1], end)
            else:
                regions.append([i, end])
        for attempt in range(MAX_EXTENSIONS + 1):
            if attempt == MAX_EXTENSIONS:  # keeps growing: the rest of the text
                regions = [[regions[0][0], count]]
            pieces = [(contexts[i], starts[i], starts[stop]) for i, stop in regions]
            doc, joins = self._process(text, pieces)
            if self._resolver is None:
                break
            reach = self._resolver.reach(doc)
            short = _sentences_short(doc, joins, reach)
            # a chunk without a word that can refer ends a chain of references
            grow = {k: short[k] for k, (_, stop) in enumerate(regions)
                    if stop < count and short[k] and (reach > 1 or refers(stop))}
            if not grow:
                break
            for k in sorted(grow, reverse=True):  # the chunks after it join the passage
                region = regions[k]
                region[1] = min(count, region[1] + grow[k])
                while k + 1 < len(regions) and regions[k + 1][0] <= region[1]:
                    region[1] = max(region[1], regions.pop(k + 1)[1])
        return _collect(doc, pieces, joins)

    def _process(self, text: str, pieces: list[tuple[int, int, int]]) -> tuple[Doc, list[int]]:
        """One Doc of the pieces (context start, passage start, end) of ``text`` joined.

        Returns the Doc and the character offsets in it where each piece starts (and
        its end). A piece begins with the word and period before its cut; the splitter
        is told that each piece begins a sentence, as it would in a Doc of its own.
        The lemmatizer runs only where the relation rules read lemmas.
        """
        joined = "".join(text[begin:end] for begin, _, end in pieces)
        joins = [0]
        for begin, _, end in pieces:
            joins.append(joins[-1] + end - begin)
        plain = self._plain is not None and not _has_markup(joined)
        doc = (self._plain if plain else self.nlp.tokenizer)(joined)
        heads = _token_starts(doc, joins[1:-1])
        for factory, proc in self._steps:
            if factory == "banlens_relations" and self._lemmatizer is not None and (
                    _two_actors_in_a_sentence(doc)):
                doc = self._lemmatizer(doc)
            doc = proc(doc)
            if factory == "banlens_sentences":
                for i in heads:
                    doc[i].is_sent_start = True
        return doc, joins


def _two_actors_in_a_sentence(doc: Doc) -> bool:
    """Whether a sentence holds mentions of two different actors: the relation rules
    read lemmas only in such sentences (and take fewer mentions than there are spans)."""
    if ACTOR_SPANS_KEY not in doc.spans or len(doc.spans[ACTOR_SPANS_KEY]) < 2:
        return False
    spans = doc.spans[ACTOR_SPANS_KEY]
    if len({span.kb_id_ for span in spans}) < 2:
        return False
    if not doc.has_annotation("SENT_START"):
        return True
    starts = numpy.flatnonzero(doc.to_array([SENT_START]).reshape(-1) == 1).tolist()
    actors: dict[int, set[str]] = {}
    for span in spans:
        sentence = actors.setdefault(bisect_right(starts, span.start), set())
        sentence.add(span.kb_id_)
        if len(sentence) > 1:
            return True
    return False


def _token_starts(doc: Doc, offsets: list[int]) -> list[int]:
    """Indices of the tokens that start at ``offsets`` (each must be a token start)."""
    if not offsets:
        return []
    idx = doc.to_array([IDX]).reshape(-1)
    found = numpy.searchsorted(idx, offsets).tolist()
    for at, i in zip(offsets, found, strict=True):
        if i >= len(idx) or idx[i] != at:
            raise _Unsafe("a piece does not start a token")
    return found


def _sentences_short(doc: Doc, joins: list[int], reach: int) -> list[int]:
    """For each passage of ``doc`` (character offsets ``joins``): how many more
    sentences it needs so that its last ``reach`` sentences name no actor and refer to
    none. After such a stretch the resolver reads nothing until the next name, as in
    the whole text, where sentences without a hit follow."""
    short = [0] * (len(joins) - 1)
    if ACTOR_SPANS_KEY not in doc.spans or not len(doc.spans[ACTOR_SPANS_KEY]):
        return short
    marked = numpy.zeros(len(doc), dtype=bool)
    for span in doc.spans[ACTOR_SPANS_KEY]:
        marked[span.start:span.end] = True
    sent_starts = numpy.flatnonzero(doc.to_array([SENT_START]).reshape(-1) == 1).tolist()
    bounds = numpy.searchsorted(doc.to_array([IDX]).reshape(-1), joins).tolist()
    for k, (first, stop) in enumerate(zip(bounds[:-1], bounds[1:], strict=True)):
        if not marked[first:stop].any():
            continue
        # the sentences of the passage, the last one first
        ends = [stop] + sent_starts[bisect_left(sent_starts, first):bisect_left(
            sent_starts, stop)][::-1]
        quiet = 0
        while quiet < reach and quiet + 1 < len(ends) and not marked[
                ends[quiet + 1]:ends[quiet]].any():
            quiet += 1
        short[k] = reach - quiet
    return short


def _collect(doc: Doc, pieces: list[tuple[int, int, int]],
             joins: list[int]) -> tuple[list[dict], list[dict]]:
    """The record items of the joined Doc, at their offsets in the whole text."""
    actors: list[dict] = []
    relations: list[dict] = []
    for items, out in ((actor_items(doc), actors), (relation_items(doc), relations)):
        k = 0
        for item in items:
            while k + 1 < len(pieces) and item["start"] >= joins[k + 1]:
                k += 1
            begin, own, end = pieces[k]
            shift = begin - joins[k]
            if item["start"] + shift < own or item["end"] + shift > end:
                raise _Unsafe("a mention outside the passage")
            item["start"] += shift
            item["end"] += shift
            out.append(item)
    return actors, relations


class ReferenceScan:
    """Whether a raw text holds a word the reference resolver may read as a reference
    (:meth:`~banlens.actors.references.ReferenceResolver.surface_forms`): a whole
    word of a list, a word with a given start, or a word ending in a listed noun form.
    A superset, like the actor prefilter: tokens never begin or end between two
    letters, so a token of letters is a whole run of letters of the raw text, and a
    token ends where no letter follows.
    """

    def __init__(self, words: Iterable[str], endings: Iterable[str], prefix: str) -> None:
        import ahocorasick_rs

        self._words = frozenset(fold(w) for w in words)
        self._prefix = fold(prefix)
        forms = sorted({fold(e) for e in endings if e})
        self._endings = ahocorasick_rs.AhoCorasick(forms) if forms else None

    def search(self, text: str) -> bool:
        low = fold(text)
        for run in _LETTER_RUN.finditer(low):
            word = run.group()
            if word in self._words or word.startswith(self._prefix):
                return True
        if self._endings is not None:
            for _, _, end in self._endings.find_matches_as_indexes(low, overlapping=True):
                if end == len(low) or low[end] not in _LETTERS:
                    return True
        return False


def _titles_recur(text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether the raw text may give a name a title (see
    :func:`~banlens.actors.references.introduced_titles`) and use it again after."""
    low = None
    for start, end in spans:
        for title, after in introduced_titles(text, start, end):
            if low is None:
                low = fold(text)
            # lower-casing never shortens a text: a place in ``low`` is at or after
            # the same place in ``text``
            if any(low.find(fold(form), after) >= 0 for form in title_forms(title)):
                return True
    return False


def _run_end(hit: set[int], i: int, count: int) -> int:
    """End (exclusive) of the run of chunks with hits that starts at ``i``."""
    end = i + 1
    while end < count and end in hit:
        end += 1
    return end


def _has_markup(text: str) -> bool:
    from .pipeline import MARKUP_CHARACTERS

    return MARKUP_CHARACTERS.search(text) is not None


def _plain_tokenizer(nlp: Language) -> Any:
    """A tokenizer with spaCy's German rules only, sharing ``nlp``'s vocabulary, or None
    when ``nlp``'s tokenizer is not exactly those rules plus banlens' markup rules."""
    import spacy
    from spacy.tokenizer import Tokenizer

    from .pipeline import markup_patterns

    tokenizer = nlp.tokenizer
    defaults = nlp.Defaults
    extra, infix_extra = markup_patterns()
    try:
        current = (tokenizer.prefix_search.__self__.pattern,
                   tokenizer.suffix_search.__self__.pattern,
                   tokenizer.infix_finditer.__self__.pattern)
    except AttributeError:
        return None
    prefixes = list(defaults.prefixes or [])
    suffixes = list(defaults.suffixes or [])
    infixes = list(defaults.infixes or [])
    adapted = (spacy.util.compile_prefix_regex(extra + prefixes).pattern,
               spacy.util.compile_suffix_regex(extra + suffixes).pattern,
               spacy.util.compile_infix_regex(infix_extra + infixes).pattern)
    if current != adapted:
        return None
    plain = Tokenizer(
        nlp.vocab, rules=tokenizer.rules,
        prefix_search=spacy.util.compile_prefix_regex(prefixes).search,
        suffix_search=spacy.util.compile_suffix_regex(suffixes).search,
        infix_finditer=spacy.util.compile_infix_regex(infixes).finditer,
        token_match=tokenizer.token_match, url_match=tokenizer.url_match,
        faster_heuristics=tokenizer.faster_heuristics)
    return plain


__all__ = ["PassageRunner", "ReferenceScan", "find_cuts", "passages_possible"]
