"""The actor tagger: finds the dictionary's actors in German text.

Registered as the spaCy factory ``banlens_actors``::

    nlp.add_pipe("banlens_actors", config={"actors": "my_actors.yml"})

What it finds, given aliases in their base form:

* the alias in any case ("TikTok", "Tiktok", "TIKTOK"), unless the alias is an
  ordinary German word ("Bund", "Weißes Haus"): then only as the user capitalised
  it (first letter may be capitalised at a sentence start);
* declined forms (:mod:`banlens.german.inflection`): "Trumps", "des Handelsministeriums",
  "Scholz'", "des Weißen Hauses", "der chinesischen Regierung";
* hyphen compounds: an alias as the last part is a full mention
  ("US-Handelsministerium"); an alias as an earlier part is a *modifier mention*
  ("Tiktok-Verbot", "Trump-Regierung" also names Trump);
* a title before a person's name is part of the mention ("US-Präsident Trump").

What it leaves out:

* an alias inside a longer name that the dictionary lists under the actor's
  ``not_part_of`` ("Washington Post" is no mention of the US government);
* a place in a dateline ("Peking (dpa) – …", see :mod:`banlens.actors.datelines`): where
  a story was filed is not who acts in it (``skip_datelines``, on by default).

Mentions never start or end inside a word. Results are stored as described in
:mod:`banlens.annotations`. With a statistical NER in the pipeline, ``doc.ents``
is rewritten so that our actors win on overlap, and the model's PER/ORG/LOC
entities that are not in the dictionary go to ``doc._.unknown_actors``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import numpy
import spacy
import srsly
from spacy.attrs import SHAPE
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..annotations import ACTOR_SPANS_KEY, MODIFIER, NAME, UNKNOWN_SPANS_KEY
from ..german.inflection import alias_forms, is_common_word
from .datelines import dateline_tokens
from .dictionary import ActorDictionary, load_dictionary

DEFAULT_UNKNOWN_LABELS = ("PER", "ORG", "LOC", "PERSON", "GPE")
ACTORS_FILE = "actors.json"
_CASE_ANY = None  # marker: a form that matches in any letter case


# Words of quantity before a plural noun of people.
QUANTIFIERS = frozenset({
    "tausende", "tausenden", "hunderte", "hunderten", "zehntausende", "zehntausenden",
    "hunderttausende", "hunderttausenden", "viele", "vielen", "zahlreiche", "zahlreichen",
    "mehrere", "mehreren", "einige", "einigen", "wenige", "wenigen", "etliche", "etlichen",
    "tausend", "hundert", "junge", "jungen", "alle", "allen",
})


def _load_titles() -> frozenset[str]:
    text = (resources.files("banlens") / "data" / "titles.txt").read_text(encoding="utf-8")
    titles = set()
    for line in text.splitlines():
        line = line.strip().lower()
        if line and not line.startswith("#"):
            titles.add(line)
    return frozenset(titles)


_TITLES = _load_titles()


def _is_title(word: str) -> bool:
    last = word.lower().rsplit("-", 1)[-1]
    if last in _TITLES:
        return True
    for suffix in ("innen", "in", "en", "n", "s"):
        if last.endswith(suffix) and last[: -len(suffix)] in _TITLES:
            return True
    return False


@Language.factory(
    "banlens_actors",
    default_config={
        "actors": None,
        "overwrite_ents": True,
        "unknown_labels": list(DEFAULT_UNKNOWN_LABELS),
        "skip_datelines": True,
    },
    assigns=["doc.spans", "doc.ents", "doc._.actor_names"],
)
def make_actor_tagger(
    nlp: Language,
    name: str,
    actors: str | list[str] | None,
    overwrite_ents: bool,
    unknown_labels: list[str],
    skip_datelines: bool,
) -> ActorTagger:
    """spaCy factory for :class:`ActorTagger`; ``actors`` is a dictionary path (or list)."""
    return ActorTagger(nlp, name, actors=actors, overwrite_ents=overwrite_ents,
                       unknown_labels=unknown_labels, skip_datelines=skip_datelines)


class ActorTagger:
    """Tag actor mentions from an :class:`~banlens.dictionary.ActorDictionary`.

    The dictionary comes from the ``actors`` setting (files, for the pipeline's
    config), from :meth:`initialize` (``nlp.initialize()``, or its
    ``[initialize.components.banlens_actors]`` block) or from :meth:`set_dictionary`.
    It is stored with the pipeline (``actors.json``).
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "banlens_actors",
        *,
        actors: Any = None,
        overwrite_ents: bool = True,
        unknown_labels: Iterable[str] = DEFAULT_UNKNOWN_LABELS,
        skip_datelines: bool = True,
    ) -> None:
        self.nlp = nlp
        self.name = name
        self.overwrite_ents = overwrite_ents
        self.skip_datelines = skip_datelines
        self.unknown_labels = set(unknown_labels)
        self.set_dictionary(load_dictionary(actors))

    # -- the dictionary ------------------------------------------------------

    def initialize(self, get_examples: Callable[[], Iterable[Any]] | None = None, *,
                   nlp: Language | None = None, actors: Any = None) -> None:
        """Load the actor dictionary ``actors`` (anything :func:`~banlens.load_dictionary`
        takes: paths, parsed data, dictionaries); without it the tagger keeps its own.

        (``actors`` is typed ``Any`` because spaCy checks the settings of the
        ``[initialize]`` block against this signature.)"""
        if actors is not None:
            self.set_dictionary(load_dictionary(actors))

    def set_dictionary(self, dictionary: ActorDictionary) -> None:
        """Use ``dictionary`` from now on (rebuilds the patterns)."""
        self.dictionary = dictionary
        self._hyphen_shapes: dict[int, bool] = {}
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        # (actor_id, lowercase form) -> exact forms allowed, or _CASE_ANY
        self._allowed: dict[tuple[str, tuple[str, ...]], set[tuple[str, ...]] | None] = {}
        # lowercase hyphen-free or hyphenated one-token form -> {actor_id: allowed}
        self._parts: dict[str, dict[str, set[str] | None]] = defaultdict(dict)
        self._max_parts = 1
        # longer names that contain an alias but name something else, per actor
        self.exclusions = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self._excluding = {actor.id for actor in dictionary if actor.not_part_of}
        self._exclusion_forms: set[tuple[str, ...]] = set()
        for actor in dictionary:
            if actor.not_part_of:
                forms = [form for phrase in actor.not_part_of
                         for form in alias_forms([t.text for t in self.nlp.make_doc(phrase)])]
                self._exclusion_forms.update(forms)
                self.exclusions.add(actor.id, [Doc(self.nlp.vocab, words=list(f)) for f in forms])
            patterns = []
            for alias in actor.aliases:
                words = [t.text for t in self.nlp.make_doc(alias)]
                case_any = not is_common_word(alias)
                for form in alias_forms(words):
                    # a declined form that is a German word matches only as written:
                    # "UNs" is the UN's, "uns" is us
                    form_case_any = case_any and (
                        form == tuple(words) or not is_common_word(" ".join(form)))
                    self._allow(actor.id, form, form_case_any)
                    patterns.append(Doc(self.nlp.vocab, words=list(form)))
                    if len(form) == 1:
                        self._allow_part(actor.id, form[0], form_case_any)
            self.matcher.add(actor.id, patterns)

    def _allow(self, actor_id: str, form: tuple[str, ...], case_any: bool) -> None:
        key = (actor_id, tuple(w.lower() for w in form))
        if case_any:
            self._allowed[key] = _CASE_ANY
        elif self._allowed.get(key, set()) is not _CASE_ANY:
            self._allowed.setdefault(key, set()).update({form, _capitalised(form)})

    def _allow_part(self, actor_id: str, word: str, case_any: bool) -> None:
        entry = self._parts[word.lower()]
        self._max_parts = max(self._max_parts, word.count("-") + 1)
        if case_any:
            entry[actor_id] = _CASE_ANY
        elif entry.get(actor_id, set()) is not _CASE_ANY:
            entry.setdefault(actor_id, set()).update({word, _capitalised((word,))[0]})

    def surface_forms(self) -> tuple[set[tuple[str, ...]], set[tuple[str, ...]]]:
        """Every token sequence a name mention can consist of, for a raw-text scan.

        Returns (forms matched in any letter case, lower-cased; forms matched only as
        written). Compound parts ("Tiktok" in "Tiktok-Verbot") are among the one-word
        forms. :mod:`banlens.actors.prefilter` builds its matcher from these.
        """
        any_case: set[tuple[str, ...]] = set()
        exact: set[tuple[str, ...]] = set()
        for (_, lowered), allowed in self._allowed.items():
            if allowed is _CASE_ANY:
                any_case.add(lowered)
            else:
                exact.update(allowed)
        return any_case, exact

    def exclusion_forms(self) -> set[tuple[str, ...]]:
        """The token sequences of the ``not_part_of`` names (all declined forms)."""
        return set(self._exclusion_forms)

    # -- tagging ---------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        names: list[tuple[int, int, str]] = []
        for match_id, start, end in self.matcher(doc):
            actor_id = self.nlp.vocab.strings[match_id]
            key = (actor_id, tuple(t.lower_ for t in doc[start:end]))
            allowed = self._allowed.get(key, _CASE_ANY)
            if allowed is _CASE_ANY or tuple(t.text for t in doc[start:end]) in allowed:
                names.append((start, end, actor_id))
        whole = {(s, e) for s, e, _ in names}
        modifiers: list[tuple[int, int, str]] = []
        for i in self._compound_tokens(doc):
            # a token that is an alias as a whole ("Trump-Regierung") keeps that
            # reading; its parts can only add modifier mentions ("Trump")
            heads = [] if (i, i + 1) in whole else names
            self._compound(doc[i], heads, modifiers)
        dateline: set[int] = set()
        if self.skip_datelines and (names or modifiers or doc.ents):
            starts = {s for s, _, _ in names + modifiers} | {ent.start for ent in doc.ents}
            dateline = dateline_tokens(doc, starts)
        if names or modifiers:
            names, modifiers = self._drop_excluded(doc, names, modifiers, dateline)
        # "tausende Ungarn", "2000 Polen": after a number or a quantifier a country's
        # name that is also its people's is the people
        names = [(s, e, a) for s, e, a in names if not (
            s > 0 and self._label(a) == "COUNTRY" and (
                doc[s - 1].lower_ in QUANTIFIERS or doc[s - 1].like_num))]
        names = self._resolve(doc, names)
        spans = [Span(doc, s, e, label=self._label(a), kb_id=a, span_id=NAME) for s, e, a in names]
        named_tokens = {(i, a) for s, e, a in names for i in range(s, e)}
        for s, e, a in dict.fromkeys(modifiers):
            if (s, a) not in named_tokens:
                spans.append(Span(doc, s, e, label=self._label(a), kb_id=a, span_id=MODIFIER))
        spans.sort(key=lambda span: (span.start, span.end, span.id_))
        doc.spans[ACTOR_SPANS_KEY] = spans
        doc._.actor_names = {a: self.dictionary[a].name for _, _, a in names + modifiers}
        self._set_ents(doc, [span for span in spans if span.id_ == NAME], dateline)
        return doc

    def _drop_excluded(self, doc: Doc, names: list[tuple[int, int, str]],
                       modifiers: list[tuple[int, int, str]],
                       dateline: set[int]) -> tuple[list, list]:
        """Leave out mentions inside a ``not_part_of`` name of their actor or in a dateline."""
        blocked: set[tuple[int, str]] = set()
        if self._excluding & {a for _, _, a in names + modifiers}:
            strings = self.nlp.vocab.strings
            for match_id, start, end in self.exclusions(doc):
                actor_id = strings[match_id]
                blocked.update((i, actor_id) for i in range(start, end))

        def kept(mention: tuple[int, int, str]) -> bool:
            start, end, actor_id = mention
            return not any((i, actor_id) in blocked or i in dateline for i in range(start, end))

        return [m for m in names if kept(m)], [m for m in modifiers if kept(m)]

    def _compound_tokens(self, doc: Doc) -> list[int]:
        """Positions of hyphenated tokens ("Tiktok-Verbot").

        Read from the word shapes ("Xxxxx-Xxxxx"), which spaCy computes once per word
        form and which repeat across texts, so a text costs a few look-ups only.
        """
        shapes = doc.to_array([SHAPE]).reshape(-1)
        kinds = numpy.unique(shapes).tolist()
        hyphenated = self._hyphen_shapes
        strings = doc.vocab.strings
        wanted = []
        for shape in kinds:
            flag = hyphenated.get(shape)
            if flag is None:
                # spaCy gives words of 100 characters or more the shape "LONG"
                text = strings[shape]
                flag = hyphenated[shape] = "-" in text or text == "LONG"
            if flag:
                wanted.append(shape)
        if not wanted:
            return []
        mask = shapes == wanted[0]
        for shape in wanted[1:]:  # a few shapes: cheaper than numpy.isin on short docs
            mask |= shapes == shape
        found = numpy.flatnonzero(mask).tolist()
        return [i for i in found if len(text := doc[i].text) > 2 and "-" in text]

    def _label(self, actor_id: str) -> str:
        return self.dictionary[actor_id].type.upper()

    def _compound(self, token, names: list, modifiers: list) -> None:
        """Look for aliases among the hyphen-separated parts of one token."""
        parts = token.text.split("-")
        n = len(parts)
        for i in range(n):
            for j in range(i + 1, min(n, i + self._max_parts) + 1):
                if i == 0 and j == n:
                    continue  # the whole token: the phrase matcher's job
                text = "-".join(parts[i:j])
                candidates = self._parts.get(text.lower())
                if not candidates:
                    continue
                for actor_id, allowed in candidates.items():
                    if allowed is not _CASE_ANY and text not in allowed:
                        continue
                    mention = (token.i, token.i + 1, actor_id)
                    (names if j == n and i > 0 else modifiers).append(mention)

    def _resolve(self, doc: Doc, names: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Longest mentions win; add titles before person names; keep text order."""
        if not names:
            return []
        by_span: dict[tuple[int, int], list[str]] = defaultdict(list)
        for s, e, a in names:
            if a not in by_span[(s, e)]:
                by_span[(s, e)].append(a)
        kept = filter_spans([doc[s:e] for s, e in by_span])
        resolved = []
        taken = {i for span in kept for i in range(span.start, span.end)}
        for span in kept:
            start = span.start
            actors = by_span[(span.start, span.end)]
            if any(self.dictionary[a].type == "person" for a in actors):
                while start > 0 and start - 1 not in taken and _is_title(doc[start - 1].text):
                    start -= 1
                    taken.add(start)
            resolved.extend((start, span.end, a) for a in actors)
        return sorted(resolved)

    def _set_ents(self, doc: Doc, spans: list[Span], dateline: set[int]) -> None:
        if not self.overwrite_ents:
            return
        ours = filter_spans(spans)
        covered = {i for span in doc.spans[ACTOR_SPANS_KEY] for i in range(span.start, span.end)}
        others, unknown = [], []
        for ent in doc.ents:
            if any(i in covered for i in range(ent.start, ent.end)):
                continue
            others.append(ent)
            if ent.label_ in self.unknown_labels and ent.start not in dateline:
                unknown.append(ent)
        doc.spans[UNKNOWN_SPANS_KEY] = unknown
        doc.set_ents(filter_spans(ours + others), default="outside")

    # -- serialization: the dictionary travels with the pipeline ------------------

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the dictionary (``actors.json``) unless ``exclude`` names ``"actors"``."""
        spacy.util.to_disk(path, {ACTORS_FILE: self._write_dictionary}, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> ActorTagger:
        """Read the dictionary back unless ``exclude`` names ``"actors"``."""
        spacy.util.from_disk(path, {ACTORS_FILE: self._read_dictionary}, exclude)
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return spacy.util.to_bytes({"actors": self.dictionary.to_dict}, exclude)

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> ActorTagger:
        def read(value: dict[str, Any]) -> None:
            self.set_dictionary(ActorDictionary.from_dict(value, "<bytes>"))

        spacy.util.from_bytes(data, {"actors": read}, exclude)
        return self

    def _write_dictionary(self, path: Path) -> None:
        srsly.write_json(path, self.dictionary.to_dict())

    def _read_dictionary(self, path: Path) -> None:
        self.set_dictionary(ActorDictionary.from_dict(srsly.read_json(path), str(path)))


def _capitalised(form: tuple[str, ...]) -> tuple[str, ...]:
    first = form[0]
    return (first[:1].upper() + first[1:], *form[1:])
