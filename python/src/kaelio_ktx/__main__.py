"""Lets `python -m kaelio_ktx` behave exactly like the `ktx-daemon` script."""

import sys

from kaelio_ktx.cli import main

if __name__ == "__main__":
    sys.exit(main())
