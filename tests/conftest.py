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


@pytest.fixture()
def cli_uses_session_pipeline(monkeypatch, nlp: Language) -> None:
    """Let the command line reuse the session pipeline for the default settings (loading
    takes seconds); any other settings load their own."""
    from banlens import cli

    real_load = cli._load

    def load(model, actors, relations, resolve_references=True):
        if (model in ("auto", "blank") and actors is None and relations is None
                and resolve_references):
            return nlp
        return real_load(model, actors, relations, resolve_references)

    monkeypatch.setattr(cli, "_load", load)
