"""Where things live: bundled resources, the user's config and data folders."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import platformdirs

logger = logging.getLogger(__name__)

# A checkout (or an editable install) keeps resources/ and sources.yaml at the top of the
# repository; a built package carries copies under clipper/_bundled (setup.py).
_CHECKOUT = Path(__file__).resolve().parent.parent
_BUNDLED = Path(__file__).resolve().parent / "_bundled"
ROOT = _CHECKOUT if (_CHECKOUT / "resources" / "gazetteer.yaml").is_file() else _BUNDLED
RESOURCES = ROOT / "resources"
APP_NAME = "clipper"


def resource(*parts: str) -> Path:
    """A file under the bundled ``resources/`` folder."""
    return RESOURCES.joinpath(*parts)


def bundled_config() -> Path:
    """The default sources.yaml shipped with Clipper."""
    return ROOT / "sources.yaml"


def user_config_dir() -> Path:
    """The folder of the user's sources.yaml (``CLIPPER_CONFIG_DIR`` overrides)."""
    override = os.environ.get("CLIPPER_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME))


def user_data_dir() -> Path:
    """The folder of the archive and editions (``CLIPPER_DATA_DIR`` overrides)."""
    override = os.environ.get("CLIPPER_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME))


def default_db_path() -> Path:
    return user_data_dir() / "arsip.db"


def gazetteer_beside(config_path: str | Path | None) -> Path | None:
    """The editors' gazetteer: gazetteer.yaml beside sources.yaml if there is one (None: bundled)."""
    if config_path is not None:
        beside = Path(config_path).parent / "gazetteer.yaml"
        if beside.is_file():
            return beside
    return None
