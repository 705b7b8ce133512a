"""Errors banlens raises for bad user input.

Each message names the problem where the user can fix it: the file, the entry and
the field (for data files), or the document and line (for corpora).
"""

from __future__ import annotations


class BanlensError(Exception):
    """Base class of every error banlens raises on purpose."""


class DictionaryError(BanlensError, ValueError):
    """An actor dictionary file or object is missing, unreadable or malformed."""


class LexiconError(BanlensError, ValueError):
    """A relation lexicon file or object is missing, unreadable or malformed."""


class ReferencesError(BanlensError, ValueError):
    """A reference file (descriptions such as "der Konzern") is unreadable or malformed."""


class InputError(BanlensError, ValueError):
    """A corpus input (file, line, row) cannot be read as a document."""


class ModelError(BanlensError, OSError):
    """The spaCy pipeline asked for (``model=``) is not installed or cannot be loaded."""
