"""Archive schema of the mail feature: migrations registered on clipper.store's Migrations."""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)
