"""`python -m ui` (what `clipper gui` runs): the desktop application."""

from __future__ import annotations

import sys

from ui.app import main

sys.exit(main())
