"""`python -m clipper` runs the command line."""

from __future__ import annotations

import sys

from clipper.cli.main import main

sys.exit(main())
