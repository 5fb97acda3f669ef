"""The command-line commands of the search feature (registered into clipper.cli)."""

from __future__ import annotations

import argparse
import logging

logger = logging.getLogger(__name__)


def add_parsers(sub: argparse._SubParsersAction) -> None:
    """Add this feature's subcommands to the `clipper` parser."""
