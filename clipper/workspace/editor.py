"""Edit the user's sources.yaml: round-trip (comments kept), validated, saved atomically."""

from __future__ import annotations

import io
import logging
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from clipper.config import Config
from clipper.errors import ClipperError, ConfigError
from clipper.limits import MAX_CONFIG_BYTES
from clipper.safe_files import atomic_output, read_limited
from clipper.workspace.comments import append_item, pop_key, remove_item, rename_key, set_key
from clipper.workspace.configuration import parse_config
from clipper.workspace.fields import HINT_KEYS, clean_source, email_values, email_yaml, source_values, source_yaml

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
        editor.set_source_values(editor.source_names().index("ANTARA"), {"enabled": False})
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
            text = read_limited(path, MAX_CONFIG_BYTES).decode("utf-8")
        except (OSError, ClipperError, UnicodeDecodeError) as exc:  # a FIFO or device, too large, not UTF-8
            raise ConfigError(str(path), [f"{path}: tidak dapat dibaca: {exc}"]) from None
        parse_config(text, path)  # same messages as the command line
        data = _yaml().load(io.StringIO(text))
        return cls(path, data)

    # --- sources --------------------------------------------------------------------------

    def _sources(self) -> CommentedSeq:
        return self.data.setdefault("sources", CommentedSeq())

    def source_names(self) -> list[str]:
        return [str(e.get("name")) for e in self._sources() if isinstance(e, dict)]

    def _entries(self) -> list[CommentedMap]:
        return [e for e in self._sources() if isinstance(e, dict)]

    def source_values(self, index: int) -> dict[str, Any]:
        """The fields of the ``index``-th source (clipper.workspace.fields.source_values)."""
        return source_values(self._entries()[index])

    def append_source(self, values: dict[str, Any]) -> int:
        """Add a source from form values (validation happens at save()); returns its index."""
        entry = CommentedMap(source_yaml(values))
        if "extract" in entry:
            entry["extract"] = CommentedMap((k, _written(v)) for k, v in entry["extract"].items())
        append_item(self._sources(), entry)
        return len(self._entries()) - 1

    def remove_source_at(self, index: int) -> None:
        """Remove the ``index``-th source; the other sources and the file's comments stay."""
        sources = self._sources()
        remove_item(sources, sources.index(self._entries()[index]))

    def set_source_values(self, index: int, values: dict[str, Any]) -> None:
        """Write form values into the ``index``-th source, touching only the keys that changed
        (their order, quoting and comments kept; a default value removes its key)."""
        entry = self._entries()[index]
        old = source_values(entry)
        new = clean_source({**old, **values})  # a field the form does not have keeps its value
        data = source_yaml(new)
        if (old["kind"], old["url"]) != (new["kind"], new["url"]):
            rename_key(entry, old["kind"] if old["kind"] in entry else new["kind"], new["kind"], new["url"])
        for key in new:
            if key in ("kind", "url") or key in HINT_KEYS or old[key] == new[key]:
                continue
            if key in data:
                set_key(entry, key, data[key])
            else:
                pop_key(entry, key)
        if any(old[k] != new[k] for k in HINT_KEYS):
            _set_hints(entry, old, data.get("extract") or {})

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

    def email_values(self) -> dict[str, Any]:
        """The `email:` fields (clipper.workspace.fields.email_values; host empty: no email)."""
        return email_values(self.data.get("email"))

    def set_email_values(self, values: dict[str, Any]) -> None:
        """Write the email fields, touching only the keys that changed; an empty host removes
        the section (email not used)."""
        if not str(values.get("host") or "").strip():
            pop_key(self.data, "email")
            return
        section = self._section("email")
        old = email_values(section)
        data = email_yaml({**old, **values})  # a field the form does not have keeps its value
        new = email_values(data)
        for key in new:
            if old[key] == new[key]:
                continue
            if key in data:
                value = data[key]
                if key == "recipients":
                    value = CommentedSeq(CommentedMap(v) if isinstance(v, dict) else v for v in value)
                set_key(section, key, value)
            else:
                pop_key(section, key)

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
        """Validate, then write atomically (clipper.safe_files: the file keeps its mode, a symlink
        or device is refused); invalid text is never written."""
        text = self.dump()
        config = parse_config(text, self.path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_output(self.path) as handle:
            handle.write(text)
        logger.info("saved %s", self.path)
        return config


def _set_hints(entry: CommentedMap, old: dict[str, Any], hints: dict[str, Any]) -> None:
    """A source's changed `extract:` hints (``old``: its values before); one selector is
    written as text, several as a list."""
    section = entry.get("extract")
    if not hints:
        pop_key(entry, "extract")
    elif not isinstance(section, CommentedMap):
        set_key(entry, "extract", CommentedMap((k, _written(v)) for k, v in hints.items()))
    else:
        for key in HINT_KEYS:
            value = hints.get(key)
            if value == (old[key] or None):
                continue
            if value is None:
                pop_key(section, key)
            else:
                set_key(section, key, _written(value))


def _written(value: Any) -> Any:
    """A selector list as written: one selector as text, several as a list."""
    if isinstance(value, list):
        return value[0] if len(value) == 1 else CommentedSeq(value)
    return value


def _set_or_drop(section: CommentedMap, key: str, value: Any) -> None:
    if value is None:
        section.pop(key, None)
    else:
        section[key] = value
