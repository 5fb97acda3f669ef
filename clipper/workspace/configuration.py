"""The configuration as the app and the command line load it: every section checked, by its owner.

The base sections (sources, harvest, editor, edition, email) are validated by clipper.config;
the topic rules by clipper.classify and the mail templates by clipper.mail, so the base needs
neither. A problem anywhere is reported with its file and line, all problems at once.
"""

from __future__ import annotations

import logging
from pathlib import Path

from clipper import config
from clipper.classify.rules import check_topics_section
from clipper.mail.message import check_email_section

logger = logging.getLogger(__name__)

SECTION_CHECKS: tuple[config.SectionCheck, ...] = (check_topics_section, check_email_section)


def load_config(path: str | Path) -> config.Config:
    """Read and validate a sources.yaml.

    Raises:
        ConfigError: with one ``file:line: field: message`` line per problem.
    """
    return config.load_config(path, checks=SECTION_CHECKS)


def parse_config(text: str, path: str | Path = "sources.yaml") -> config.Config:
    """Validate YAML text as a sources.yaml (see load_config)."""
    return config.parse_config(text, path, checks=SECTION_CHECKS)
