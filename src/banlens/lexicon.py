"""Old name of :mod:`banlens.relations.lexicon`, kept so that existing imports work."""

import sys

from .relations import lexicon as _moved

sys.modules[__name__] = _moved
