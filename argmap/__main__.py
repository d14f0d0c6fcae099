"""``python -m argmap``: the same as the ``argmap`` command."""

import sys

from argmap.cli import main

if __name__ == "__main__":
    sys.exit(main())
