"""``python -m banlens``: the same as the ``banlens`` command."""

import sys

from .cli import main

if __name__ == "__main__":  # not when a spawned worker process imports the main module
    sys.exit(main())
