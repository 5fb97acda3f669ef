"""The settings dialog under its first name; it lives in ui/settings/ (dialog, sources, email)."""

from __future__ import annotations

import logging

from ui.settings.dialog import DATABASE_SETTING, SettingsDialog, database_problem

logger = logging.getLogger(__name__)

__all__ = ["DATABASE_SETTING", "SettingsDialog", "database_problem"]
