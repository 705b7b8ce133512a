"""Shared fixtures: building a pipeline takes seconds, so tests share one per session."""

from __future__ import annotations

import pytest
from spacy.language import Language

import banlens


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The blank default pipeline with the bundled dictionary and lexicon."""
    return banlens.load("blank")


@pytest.fixture(scope="session")
def tagger(nlp: Language):
    """The actor tagger of the shared pipeline."""
    return nlp.get_pipe("banlens_actors")
