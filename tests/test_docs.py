"""The documentation's figures come from the project's code and are all in place.

``mkdocs build --strict`` itself runs in ``make test``; these tests check the figure
script and that every figure or snippet the pages name exists.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"
PNG = b"\x89PNG\r\n\x1a\n"


def load_script(name: str):
    spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_make_figures_draws_the_example_article(tmp_path):
    make_figures = load_script("make_figures")
    paths = make_figures.make_figures(tmp_path)
    names = {p.name for p in paths}
    assert names == {"example-display.html", "example-graph.png", "example-relations.md"}
    assert (tmp_path / "example-graph.png").read_bytes().startswith(PNG)
    page = (tmp_path / "example-display.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page
    rows = (tmp_path / "example-relations.md").read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("| subject | relation | object")
    assert len(rows) > 2, "the example article yields no relation"
    assert all(row.count("|") == rows[0].count("|") for row in rows)


def test_relations_table_escapes_pipes(nlp):
    make_figures = load_script("make_figures")
    doc = nlp("Oracle verhandelt mit Bytedance über Tiktok | Musical.ly.")
    table = make_figures.relations_table(doc)
    header, _, *rows = table.splitlines()
    assert rows and "\\|" in rows[0]
    assert all(row.count(" | ") == header.count(" | ") for row in rows)


def test_every_figure_and_snippet_named_in_the_docs_exists():
    named = set()
    for page in DOCS.glob("*.md"):
        text = page.read_text(encoding="utf-8")
        named |= {DOCS / m for m in re.findall(r"\]\((figures/[^)#\s]+)\)", text)}
        named |= {REPO / m for m in re.findall(r'--8<-- "([^"]+)"', text)}
    assert named, "no figures found in the docs"
    missing = sorted(str(p.relative_to(REPO)) for p in named if not p.is_file())
    assert not missing


def test_nav_lists_only_existing_pages():
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))

    def pages(items):
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                yield from pages(value)
            else:
                yield value

    listed = list(pages(config["nav"]))
    assert "api.md" in listed and "getting-started.md" in listed
    assert [p for p in listed if not (DOCS / p).is_file()] == []


def test_built_site_shows_no_raw_rest_roles(tmp_path):
    """The API reference renders the docstrings' reST: no ``:func:``-style role and no
    doctest prompt outside a code block is left in any built page."""
    pytest.importorskip("mkdocs")
    pytest.importorskip("mkdocstrings_handlers.python")
    site = tmp_path / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                           "--site-dir", str(site)], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    role = re.compile(r":(?:py:)?(?:func|class|mod|meth|data|attr|exc|obj|const):")
    raw = {}
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        found = role.findall(re.sub(r"<[^>]+>", "", text))
        if found:
            raw[str(page.relative_to(site))] = found[:5]
    assert raw == {}
    api = (site / "api" / "index.html").read_text(encoding="utf-8")
    assert api.count('class="autorefs autorefs-internal"') > 20  # roles became links
    paragraphs = re.findall(r"<p>(.*?)</p>", api, flags=re.S)
    assert not [p for p in paragraphs if "&gt;&gt;&gt;" in p]  # doctests are code blocks
    assert '<span class="gp">&gt;&gt;&gt; </span>' in api
