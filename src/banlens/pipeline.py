"""Loading the German pipeline that banlens runs on.

``load()`` picks a spaCy pipeline and adds the banlens components to it:

* ``"auto"``: the best installed German model (``de_core_news_md``, then ``lg``,
  then ``sm``), else the blank default; the choice is logged once;
* ``"blank"``: ``spacy.blank("de")`` + :mod:`banlens.german.sentences` + the lookup
  lemmatizer of spacy-lookups-data; no download, no model;
* anything else: a spaCy package name or a path, as for ``spacy.load``.

Texts longer than ``nlp.max_length`` go through :func:`process`/:func:`pipe`,
which split them at paragraph boundaries and join the results with the
character offsets of the whole text.
"""

from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .actors import references as _references  # noqa: F401  (registers banlens_references)
from .actors import tagger as _tagger  # noqa: F401  (registers banlens_actors)
from .actors.dictionary import ActorDictionary, load_dictionary
from .german import lemmas as _lemmas  # noqa: F401  (registers banlens_lemmas)
from .german import sentences as _sentences  # noqa: F401  (registers banlens_sentences)
from .relations import component as _relations  # noqa: F401  (registers banlens_relations)

logger = logging.getLogger("banlens")

GERMAN_MODELS = ("de_core_news_md", "de_core_news_lg", "de_core_news_sm")
BLANK = "blank"
AUTO = "auto"
_announced: set[str] = set()
Context = TypeVar("Context")


def installed_german_model() -> str | None:
    """Name of the preferred installed German spaCy model, or None."""
    for name in GERMAN_MODELS:
        if spacy.util.is_package(name):
            return name
    return None


# News text scraped from the web carries HTML entities, leftover tags and control
# characters glued to words ("&quot;Tiktok&quot;", "Tiktok</p>", "Oracle\x00"). They
# become tokens of their own, so the text and every offset stay exactly as given.
_ENTITY = r"&(?:[A-Za-z]{2,8}|#[0-9]{2,5}|#[xX][0-9A-Fa-f]{2,4});"
_TAG = r"</?[A-Za-z][A-Za-z0-9]{0,10}/?>"  # tokens hold no spaces: tags without attributes
_PUNCT_BEFORE_MARKUP = r"[.,;:!?](?=</?[A-Za-z]|&(?:[A-Za-z]{2,8}|#[0-9]{2,5});)"
_CONTROL = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028\u2029\u2060\ufeff]"


# Texts without any of these characters are tokenized alike with and without the
# extra rules: every extra pattern needs one of them.
MARKUP_CHARACTERS = re.compile(r"[<&]|" + _CONTROL)


def markup_patterns() -> tuple[list[str], list[str]]:
    """The extra tokenizer patterns: (prefixes and suffixes, infixes)."""
    extra = [_TAG, _ENTITY, _CONTROL]
    # punctuation glued to a following tag or entity: "Tiktok.</p><br/>Huawei"
    return extra, extra + [_PUNCT_BEFORE_MARKUP]


def adapt_tokenizer(nlp: Language) -> None:
    """Split HTML entities, HTML tags and control characters off the words they touch."""
    extra, infix_extra = markup_patterns()
    tokenizer = nlp.tokenizer
    prefixes = extra + list(nlp.Defaults.prefixes or [])
    suffixes = extra + list(nlp.Defaults.suffixes or [])
    infixes = infix_extra + list(nlp.Defaults.infixes or [])
    tokenizer.prefix_search = spacy.util.compile_prefix_regex(prefixes).search
    tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search
    tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer


def blank_pipeline() -> Language:
    """``spacy.blank("de")`` with German news sentence splitting and lookup lemmas."""
    nlp = spacy.blank("de")
    adapt_tokenizer(nlp)
    nlp.add_pipe("banlens_sentences")
    nlp.add_pipe("banlens_lemmas")
    nlp.initialize()
    return nlp


def load(
    model: str | Path = AUTO,
    actors: str | Path | ActorDictionary | Iterable[Any] | None = None,
    relations: str | Path | None = None,
    resolve_references: bool = True,
) -> Language:
    """Return a German spaCy pipeline with the banlens components added.

    ``actors`` is an actor dictionary (path, list of paths/dictionaries, or
    :class:`~banlens.dictionary.ActorDictionary`); None uses the bundled one.
    ``relations`` is a relation lexicon file; None uses the bundled one.
    ``resolve_references`` adds :mod:`banlens.actors.references`, which reads "der Konzern"
    after "Huawei" as Huawei (relations resting on it are marked ``coref``).
    """
    dictionary = load_dictionary(actors)  # fail early, before loading a model
    name = str(model)
    if name == AUTO:
        name = installed_german_model() or BLANK
        _announce(f"banlens: using the {name!r} pipeline" + (
            "" if name != BLANK else " (no German spaCy model installed; "
            "install de_core_news_md for parser-based relation extraction)"))
    if name == BLANK:
        nlp = blank_pipeline()
    else:
        nlp = spacy.load(name)
        adapt_tokenizer(nlp)
        if not _sets_sentences(nlp):
            nlp.add_pipe("banlens_sentences", first=True)
    after = "ner" if "ner" in nlp.pipe_names else None
    tagger = nlp.add_pipe("banlens_actors", after=after)
    tagger.set_dictionary(dictionary)
    if resolve_references:
        nlp.add_pipe("banlens_references", after="banlens_actors")
    config = {} if relations is None else {"lexicon": str(relations)}
    nlp.add_pipe("banlens_relations", last=True, config=config)
    return nlp


def _sets_sentences(nlp: Language) -> bool:
    return any(name in nlp.pipe_names for name in ("parser", "senter", "sentencizer"))


def _announce(message: str) -> None:
    if message not in _announced:
        _announced.add(message)
        logger.info(message)


# -- long texts ----------------------------------------------------------------


def split_text(text: str, limit: int) -> list[tuple[int, str]]:
    """Cut ``text`` into pieces of at most ``limit`` characters.

    Cuts fall on blank lines where possible, else on line breaks, else after a
    sentence-final period, else on a space. Returns (offset, piece) pairs whose
    pieces concatenate to ``text``.
    """
    if len(text) <= limit:
        return [(0, text)]
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = -1
        for separator in ("\n\n", "\n", ". ", " "):
            position = window.rfind(separator)
            if position > 0:
                cut = position + len(separator)
                break
        if cut <= 0:
            cut = limit
        pieces.append((start, text[start : start + cut]))
        start += cut
    pieces.append((start, text[start:]))
    return pieces


def _join(nlp: Language, parts: list[tuple[int, Doc]]) -> Doc:
    with warnings.catch_warnings():  # W101: the doc-level extensions are merged below
        warnings.filterwarnings("ignore", message=r"\[W101\]")
        doc = Doc.from_docs([d for _, d in parts], ensure_whitespace=False)
    names: dict[str, str] = {}
    records: list[dict[str, Any]] = []
    for offset, part in parts:
        names.update(part._.actor_names or {})
        for record in part._.relation_records or []:
            shifted = dict(record)
            for key in ("start", "end", "trigger_start", "trigger_end"):
                if isinstance(shifted.get(key), int) and shifted[key] >= 0:
                    shifted[key] += offset
            records.append(shifted)
    doc._.actor_names = names
    doc._.relation_records = records
    return doc


def pipe(
    nlp: Language,
    items: Iterable[tuple[str, Context]],
    *,
    batch_size: int = 64,
    n_process: int = 1,
) -> Iterator[tuple[Doc, Context]]:
    """Like ``nlp.pipe(items, as_tuples=True)``, for texts of any length."""
    limit = nlp.max_length

    def expand() -> Iterator[tuple[str, tuple[int, int, int, int, Context]]]:
        for number, (text, context) in enumerate(items):
            pieces = split_text(text, limit)
            for index, (offset, piece) in enumerate(pieces):
                yield piece, (number, index, len(pieces), offset, context)

    pending: list[tuple[int, Doc]] = []
    stream = nlp.pipe(expand(), as_tuples=True, batch_size=batch_size, n_process=n_process)
    for doc, (_, index, count, offset, context) in stream:
        if count == 1:
            yield doc, context
            continue
        pending.append((offset, doc))
        if index == count - 1:
            yield _join(nlp, pending), context
            pending = []


def process(nlp: Language, text: str) -> Doc:
    """Run ``nlp`` on one text of any length (see :func:`pipe`)."""
    return next(pipe(nlp, [(text, None)]))[0]
