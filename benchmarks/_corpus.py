"""Locate and read the benchmark corpus (shared/corpora/10kGNAD-test.csv).

The corpus is not part of the project (its licence allows benchmarks only); it is
read from ``../shared/corpora`` beside the repository, or from ``$BANLENS_CORPUS``.
"""

from __future__ import annotations

import csv
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO.parent / "shared" / "corpora" / "10kGNAD-test.csv"


def corpus_path() -> Path:
    path = Path(os.environ.get("BANLENS_CORPUS", DEFAULT))
    if not path.is_file():
        sys.exit(f"benchmark corpus not found: {path} (set BANLENS_CORPUS to its path)")
    return path


def read_articles(path: Path | None = None) -> list[str]:
    """The article texts: a ';'-separated CSV with "'" quotes, columns category;text."""
    path = path or corpus_path()
    with path.open(encoding="utf-8", newline="") as handle:
        return [row[1] for row in csv.reader(handle, delimiter=";", quotechar="'") if len(row) > 1]
