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
import warnings
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .actors import references as _references  # noqa: F401  (registers banlens_references)
from .actors import tagger as _tagger  # noqa: F401  (registers banlens_actors)
from .actors.dictionary import ActorDictionary, load_dictionary
from .errors import ModelError
from .german import lemmas as _lemmas  # noqa: F401  (registers banlens_lemmas)
from .german import sentences as _sentences  # noqa: F401  (registers banlens_sentences)
from .german.tokenizer import (  # noqa: F401  (re-exported: banlens.pipeline.*)
    MARKUP_CHARACTERS,
    adapt_tokenizer,
    markup_patterns,
)
from .relations import component as _relations  # noqa: F401  (registers banlens_relations)
from .relations.lexicon import load_lexicon

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

    Parameters
    ----------
    model : str or Path, default "auto"
        ``"auto"`` (the best installed German model, else the blank pipeline),
        ``"blank"`` (``spacy.blank("de")`` with banlens' sentence splitter and lookup
        lemmas; no download), or a spaCy package name or path as for ``spacy.load``.
    actors : str, Path, ActorDictionary, list or None
        The actor dictionary: a YAML/JSON file, an :class:`~banlens.ActorDictionary`,
        or a list of these merged in order. None uses the bundled dictionary.
    relations : str, Path or None
        A relation lexicon file added to the bundled lexicon; None uses the bundled one.
    resolve_references : bool, default True
        Add :mod:`banlens.actors.references`, which reads "der Konzern" after "Huawei"
        as Huawei (relations resting on it are marked ``coref``).

    Returns
    -------
    spacy.language.Language
        The pipeline; ``doc.spans["banlens_actors"]`` and ``doc._.relations`` hold
        what it finds.

    Raises
    ------
    DictionaryError, LexiconError
        For a missing or malformed dictionary or lexicon, before a model is loaded.

    Examples
    --------
    >>> import banlens
    >>> nlp = banlens.load("blank")
    >>> doc = nlp("Oracle verhandelt mit Bytedance über Tiktok.")
    >>> [(r.subject, r.label, r.object) for r in doc._.relations]
    [('oracle', 'negotiates_with', 'bytedance')]
    """
    dictionary = load_dictionary(actors)  # fail early, before loading a model
    if relations is not None:
        load_lexicon(relations)  # the same for the lexicon (the component reads it again)
    name = str(model)
    if name == AUTO:
        name = installed_german_model() or BLANK
        _announce(f"banlens: using the {name!r} pipeline" + (
            "" if name != BLANK else " (no German spaCy model installed; "
            "install de_core_news_md for parser-based relation extraction)"))
    if name == BLANK:
        nlp = blank_pipeline()
    else:
        nlp = _load_spacy(name)
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


def _load_spacy(name: str) -> Language:
    """``spacy.load(name)``, with a one-line :class:`~banlens.errors.ModelError` if it fails."""
    try:
        return spacy.load(name)
    except (OSError, ImportError, ValueError) as err:
        reason = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise ModelError(
            f"cannot load the spaCy pipeline {name!r}: {reason} (use 'blank' or 'auto', "
            "or install a German model: python -m spacy download de_core_news_md)") from None


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


def pipe_records(
    nlp: Language,
    items: Iterable[tuple[str, Context]],
    to_record: Callable[[Doc, Context], dict[str, Any]],
    *,
    batch_size: int = 64,
) -> Iterator[tuple[dict[str, Any], Context]]:
    """Like :func:`pipe`, but each Doc becomes a record at once (``to_record``).

    A text longer than ``nlp.max_length`` is processed in pieces whose records are
    merged, offsets shifted to the whole text; no joined Doc is built. Batches hold
    at most ``batch_size`` texts and, beyond the first, no more than
    ``nlp.max_length`` characters together, so memory stays that of one piece
    however long a document is (a 20-million-character text is 20 batches of one
    piece each). A piece the pipeline fails on (its error handler drops it) loses
    its whole document; the rest go on.
    """
    limit = nlp.max_length

    def pieces() -> Iterator[tuple[str, tuple[int, int, int, int, Context]]]:
        for number, (text, context) in enumerate(items):
            parts = split_text(text, limit)
            for index, (offset, piece) in enumerate(parts):
                yield piece, (number, index, len(parts), offset, context)

    pending: list[tuple[int, dict[str, Any]]] = []
    current = -1
    for batch in _char_batches(pieces(), batch_size, limit):
        for doc, (number, index, count, offset, context) in nlp.pipe(
                batch, as_tuples=True, batch_size=len(batch)):
            record = to_record(doc, context)
            if count == 1:
                yield record, context
                continue
            if number != current:  # a new long document (an earlier one lost a piece)
                pending, current = [], number
            pending.append((offset, record))
            if index == count - 1 and len(pending) == count:
                yield merge_records(pending), context
                pending = []


def _char_batches(stream: Iterable[tuple[str, Any]], size: int,
                  max_chars: int) -> Iterator[list[tuple[str, Any]]]:
    batch: list[tuple[str, Any]] = []
    chars = 0
    for item in stream:
        if batch and (len(batch) >= size or chars + len(item[0]) > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(item)
        chars += len(item[0])
    if batch:
        yield batch


def merge_records(parts: list[tuple[int, dict[str, Any]]]) -> dict[str, Any]:
    """One record from the records of a text's pieces, given as (offset, record)."""
    merged = {key: value for key, value in parts[0][1].items()
              if key not in ("actors", "relations")}
    merged["actors"], merged["relations"] = [], []
    for offset, record in parts:
        for key in ("actors", "relations"):
            for item in record[key]:
                shifted = dict(item)
                for field in ("start", "end", "trigger_start", "trigger_end"):
                    if isinstance(shifted.get(field), int) and shifted[field] >= 0:
                        shifted[field] += offset
                merged[key].append(shifted)
    return merged


def process(nlp: Language, text: str) -> Doc:
    """Run ``nlp`` on one text of any length (see :func:`pipe`)."""
    return next(pipe(nlp, [(text, None)]))[0]
