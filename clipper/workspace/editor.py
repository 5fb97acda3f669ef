"""Edit the user's sources.yaml: round-trip (comments kept), validated, saved atomically."""

from __future__ import annotations

import io
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from clipper.config import Config
from clipper.errors import ConfigError
from clipper.models import SOURCE_KINDS
from clipper.workspace.configuration import parse_config

logger = logging.getLogger(__name__)

def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap long URLs or comments
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


class ConfigEditor:
    """One sources.yaml loaded for editing; nothing is written until ``save()`` validates.

    Example:
        editor = ConfigEditor.load(path)
        editor.set_source_enabled("ANTARA", False)
        editor.set_editor_name("Siti")
        config = editor.save()   # raises ConfigError, file untouched, when invalid
    """

    def __init__(self, path: Path, data: CommentedMap):
        self.path = Path(path)
        self.data = data

    @classmethod
    def load(cls, path: str | Path) -> ConfigEditor:
        """Read the file; an unreadable or invalid YAML raises ConfigError (as the CLI)."""
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ConfigError(str(path), [f"{path}: tidak dapat dibaca: {exc}"]) from None
        parse_config(text, path)  # same messages as the command line
        data = _yaml().load(io.StringIO(text))
        return cls(path, data)

    # --- sources --------------------------------------------------------------------------

    def _sources(self) -> CommentedSeq:
        return self.data.setdefault("sources", CommentedSeq())

    def _source(self, name: str) -> CommentedMap:
        for entry in self._sources():
            if isinstance(entry, dict) and str(entry.get("name", "")).casefold() == name.casefold():
                return entry
        raise KeyError(name)

    def source_names(self) -> list[str]:
        return [str(e.get("name")) for e in self._sources() if isinstance(e, dict)]

    def set_source_enabled(self, name: str, enabled: bool) -> None:
        """Enable or disable a source (``enabled: true`` is the default, so it is removed)."""
        entry = self._source(name)
        if enabled:
            entry.pop("enabled", None)
        else:
            entry["enabled"] = False

    def add_source(self, name: str, kind: str, url: str, *, article_pattern: str | None = None,
                   rubrik: str | None = None, aggregator: bool = False) -> None:
        """Append a source; validation happens at save()."""
        if kind not in SOURCE_KINDS:
            raise ValueError(f"jenis sumber harus salah satu dari {', '.join(SOURCE_KINDS)}")
        entry = CommentedMap(name=name.strip())
        entry[kind] = url.strip()
        if article_pattern:
            entry["article_pattern"] = article_pattern
        if rubrik:
            entry["rubrik"] = rubrik
        if aggregator:
            entry["aggregator"] = True
        self._sources().append(entry)

    def remove_source(self, name: str) -> None:
        sources = self._sources()
        sources.remove(self._source(name))

    # --- topics, editor, edition, email ------------------------------------------------------

    def topic_terms(self, topic_id: str) -> list[str]:
        for entry in self.data.get("topics") or []:
            if isinstance(entry, dict) and entry.get("id") == topic_id:
                return [str(t) for t in entry.get("terms") or []]
        return []

    def set_topic_terms(self, topic_id: str, terms: list[str], *, label: str | None = None) -> None:
        """Extra terms for a topic (``mode: extend`` over the built-in rules, or a new topic)."""
        topics = self.data.get("topics")
        if topics is None:
            topics = self.data["topics"] = CommentedSeq()
        clean = [t.strip() for t in terms if t.strip()]
        for entry in topics:
            if isinstance(entry, dict) and entry.get("id") == topic_id:
                entry["terms"] = CommentedSeq(clean)
                return
        entry = CommentedMap(id=topic_id)
        if label:
            entry["label"] = label
        entry["terms"] = CommentedSeq(clean)
        topics.append(entry)

    def _section(self, key: str) -> CommentedMap:
        section = self.data.get(key)
        if not isinstance(section, dict):
            section = self.data[key] = CommentedMap()
        return section

    def set_editor_name(self, name: str | None) -> None:
        _set_or_drop(self._section("editor"), "name", (name or "").strip() or None)

    def set_language(self, code: str) -> None:
        _set_or_drop(self._section("editor"), "language", None if code == "id" else code)

    def set_institution(self, lines: list[str]) -> None:
        clean = [line.strip() for line in lines if line.strip()]
        self._section("edition")["institution"] = CommentedSeq(clean)

    def set_email(self, values: dict[str, Any]) -> None:
        """Set email keys (``None`` removes one); ``recipients`` is a list of addresses."""
        section = self._section("email")
        for key, value in values.items():
            if key == "recipients" and value is not None:
                value = CommentedSeq(value)
            _set_or_drop(section, key, value)

    def get(self, *keys: str, default: Any = None) -> Any:
        node: Any = self.data
        for key in keys:
            if not isinstance(node, dict) or key not in node:
                return default
            node = node[key]
        return node

    # --- validate and save -------------------------------------------------------------

    def dump(self) -> str:
        stream = io.StringIO()
        _yaml().dump(self.data, stream)
        return stream.getvalue()

    def save(self) -> Config:
        """Validate, then write atomically (temp file + os.replace); invalid text is never written."""
        text = self.dump()
        config = parse_config(text, self.path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".sources-", suffix=".yaml", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, self.path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        logger.info("saved %s", self.path)
        return config


def _set_or_drop(section: CommentedMap, key: str, value: Any) -> None:
    if value is None:
        section.pop(key, None)
    else:
        section[key] = value
