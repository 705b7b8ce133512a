"""Old name of :mod:`banlens.actors.dictionary`, kept so that existing imports work."""

import sys

from .actors import dictionary as _moved

sys.modules[__name__] = _moved
