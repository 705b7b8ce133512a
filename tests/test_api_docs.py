"""The public functions of ``import banlens``: numpydoc sections the docs render, and
examples that run.

The docstrings are parsed the way the API page parses them (griffe's numpy parser,
``docstring_style: numpy`` in mkdocs.yml); the examples run as doctests against the
session pipeline, in a temporary folder (some write files).
"""

from __future__ import annotations

import doctest
import inspect
import logging
from pathlib import Path

import pytest
import yaml
from griffe import Docstring, DocstringSectionKind

import banlens

REPO = Path(__file__).resolve().parents[1]

# functions whose docstrings are still to be written (none)
PENDING: set[str] = set()
FUNCTIONS = sorted(name for name in banlens._LAZY
                   if inspect.isfunction(getattr(banlens, name)) and name not in PENDING)


def sections(name: str) -> dict[DocstringSectionKind, object]:
    function = getattr(banlens, name)
    parsed = Docstring(inspect.getdoc(function), parser="numpy").parse()
    return {section.kind: section for section in parsed}


def test_the_api_page_parses_numpy_docstrings():
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    (plugin,) = [p["mkdocstrings"] for p in config["plugins"] if isinstance(p, dict)
                 and "mkdocstrings" in p]
    assert plugin["handlers"]["python"]["options"]["docstring_style"] == "numpy"


@pytest.mark.parametrize("name", FUNCTIONS)
def test_public_functions_have_parameters_returns_and_examples(name, caplog):
    with caplog.at_level(logging.WARNING):
        found = sections(name)
    assert not caplog.records, [r.getMessage() for r in caplog.records]  # griffe's complaints
    assert DocstringSectionKind.returns in found, name
    assert DocstringSectionKind.examples in found, name
    parameters = found.get(DocstringSectionKind.parameters)
    documented = {p.name for p in parameters.value} if parameters else set()
    signature = inspect.signature(getattr(banlens, name))
    expected = {("*" if p.kind is p.VAR_POSITIONAL else "**" if p.kind is p.VAR_KEYWORD
                 else "") + p.name for p in signature.parameters.values()}
    assert documented == expected, name


@pytest.mark.parametrize("name", FUNCTIONS)
def test_examples_run(name, nlp, tmp_path, monkeypatch):
    """Every example gives the output it shows (``banlens.load()`` is the session's
    blank pipeline, which is what it builds)."""
    function = getattr(banlens, name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(banlens, "load", lambda model="auto", **settings: nlp)
    finder = doctest.DocTestFinder(recurse=False)
    (test,) = finder.find(function, name, globs={"banlens": banlens})
    assert test.examples, name
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.failures == 0, f"{name}: {runner.failures} example(s) failed"
