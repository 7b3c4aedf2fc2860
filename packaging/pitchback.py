"""The bundle's entry point: the same ``main`` as the ``pitchback`` command."""

import sys

from app.__main__ import main

sys.exit(main())
