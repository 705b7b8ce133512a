"""``python -m banlens``: the same as the ``banlens`` command."""

import sys

from .cli import main

sys.exit(main())
