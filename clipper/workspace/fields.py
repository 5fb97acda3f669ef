"""A source's and the email section's fields as a form holds them, checked field by field.

A form edits plain values (``source_values``/``email_values``); ``source_yaml``/``email_yaml``
give the mapping written to sources.yaml (defaults left out), and ``source_problems``/
``email_problems`` check that mapping with the very validators sources.yaml is loaded with
(clipper.config's SourceSpec and EmailSpec, the mail templates' check), returning one
Indonesian message per field instead of ``file:line`` lines.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import ValidationError

from clipper.config import EmailSpec, SourceSpec, source_of
from clipper.config_report import field_messages
from clipper.errors import ConfigError
from clipper.mail.message import check_templates
from clipper.models import SOURCE_KINDS, Source

logger = logging.getLogger(__name__)

HINT_KEYS = ("body", "drop", "next_page")  # a source's `extract:` hints, shown as fields of their own
_SOURCE_DEFAULTS = {name: info.get_default() for name, info in SourceSpec.model_fields.items()
                    if name not in SOURCE_KINDS + ("name", "extract")}
EMAIL_DEFAULTS = {name: info.get_default(call_default_factory=True) for name, info in EmailSpec.model_fields.items()
                  if name not in ("host", "sender")}
# The entry-wide rules of SourceSpec say which keys they need; next to the field itself a form
# says it in plain words (the command line keeps the key names, they are what the file shows).
_PLAIN_MESSAGES = {"site: membutuhkan article_pattern:": "wajib diisi untuk halaman rubrik (tautan mana yang artikel)",
                   "article_pattern: hanya berlaku untuk site:": "hanya untuk sumber jenis halaman rubrik",
                   "harus punya salah satu dari feed:": "wajib diisi"}
_NAMED_ADDRESS = re.compile(r"^(?P<name>.*?)\s*<(?P<address>[^<>]*)>\s*$")


def _text(value: Any) -> str | None:
    """A form's text: stripped, empty as None."""
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _texts(value: Any) -> list[str]:
    """A list of texts (a single string is one), blanks left out."""
    items = [value] if isinstance(value, str) else list(value or [])
    return [t for t in (_text(v) for v in items) if t]


# --- sources ------------------------------------------------------------------------------

def source_values(entry: Mapping) -> dict[str, Any]:
    """The fields of one `sources:` entry, defaults filled in, as a form shows them."""
    kind = next((k for k in SOURCE_KINDS if k in entry), SOURCE_KINDS[0])
    hints = entry.get("extract") if isinstance(entry.get("extract"), Mapping) else {}
    values = {"name": _text(entry.get("name")) or "", "kind": kind, "url": _text(entry.get(kind)) or ""}
    for key, default in _SOURCE_DEFAULTS.items():
        value = entry.get(key, default)
        values[key] = _text(value) if isinstance(value, str) or (value is None and default is None) else value
    values["language"] = values["language"] or "id"
    values.update(body=_texts(hints.get("body")), drop=_texts(hints.get("drop")),
                  next_page=_text(hints.get("next_page")))
    return values


def clean_source(values: Mapping) -> dict[str, Any]:
    """``values`` as source_values would give them back (texts stripped, empty as None)."""
    return source_values(source_yaml(values))


def source_yaml(values: Mapping) -> dict[str, Any]:
    """The mapping written for a source: its kind's key with the URL, only the non-default keys."""
    data: dict[str, Any] = {"name": _text(values.get("name")) or "",
                            values.get("kind", SOURCE_KINDS[0]): _text(values.get("url")) or ""}
    for key, default in _SOURCE_DEFAULTS.items():
        value = values.get(key, default)
        value = _text(value) if isinstance(value, str) else value
        if value != default and not (value is None and default is not None):
            data[key] = value
    hints = {"body": _texts(values.get("body")), "drop": _texts(values.get("drop")),
             "next_page": _text(values.get("next_page"))}
    hints = {k: v for k, v in hints.items() if v}
    if hints:
        data["extract"] = hints
    return data


def _source_field(loc: tuple, message: str) -> str:
    if not loc:  # the entry's own rules: one kind, site needs article_pattern
        return "article_pattern" if "article_pattern" in message else "url"
    if loc[0] in SOURCE_KINDS:
        return "url"
    if loc[0] == "extract":
        return loc[1] if len(loc) > 1 and loc[1] in HINT_KEYS else "body"
    return str(loc[0])


def _row_prefix(loc: tuple) -> str:
    """"baris 2: " for the second item of a list field."""
    index = next((part for part in loc if isinstance(part, int)), None)
    return f"baris {index + 1}: " if index is not None else ""


def source_problems(values: Mapping, taken: Iterable[str] = ()) -> dict[str, str]:
    """Field name → message for a source's values (empty: valid); ``taken``: the other sources' names.

    The messages are the command line's (SourceSpec, the duplicate-name rule), without file and line.
    """
    problems: dict[str, str] = {}
    data = source_yaml(values)
    if not data[values.get("kind", SOURCE_KINDS[0])]:
        problems["url"] = "wajib diisi"
    try:
        SourceSpec.model_validate(data)
    except ValidationError as exc:
        for loc, message in field_messages(exc):
            plain = next((p for start, p in _PLAIN_MESSAGES.items() if not loc and message.startswith(start)), None)
            problems.setdefault(_source_field(loc, message), plain or _row_prefix(loc) + message)
    name = data["name"]
    if name and name.casefold() in {str(t).strip().casefold() for t in taken}:
        problems.setdefault("name", f"nama sumber ganda {name!r}")
    return problems


def source_from_values(values: Mapping) -> Source:
    """The Source a form describes, to try it now.

    Raises:
        ConfigError: the values are not a valid source (one ``field: message`` per problem).
    """
    try:
        return source_of(SourceSpec.model_validate(source_yaml(values)))
    except ValidationError as exc:
        raise ConfigError("sources.yaml", [f"{_source_field(loc, m)}: {m}" for loc, m in field_messages(exc)]) from None


# --- email ----------------------------------------------------------------------------------

def parse_recipients(text: str) -> list[tuple[str, str | None]]:
    """Recipients typed one per line, ``Nama <alamat>`` or ``alamat``: (address, name) pairs."""
    people = []
    for line in text.splitlines():
        if not line.strip():
            continue
        match = _NAMED_ADDRESS.match(line.strip())
        people.append((match["address"].strip(), _text(match["name"])) if match else (line.strip(), None))
    return people


def format_recipients(people: Iterable[tuple[str, str | None]]) -> str:
    """The text parse_recipients reads back."""
    return "\n".join(f"{name} <{address}>" if name else address for address, name in people)


def email_values(section: Mapping | None) -> dict[str, Any]:
    """The `email:` section's fields, defaults filled in (``host`` empty: no email)."""
    section = section if isinstance(section, Mapping) else {}
    values = {"host": _text(section.get("host")) or "", "sender": _text(section.get("sender")) or ""}
    for key, default in EMAIL_DEFAULTS.items():
        values[key] = section.get(key, default)
    people = []
    for entry in values["recipients"] or []:
        if isinstance(entry, Mapping):
            people.append((_text(entry.get("address")) or "", _text(entry.get("name"))))
        elif isinstance(entry, str):
            people.append((entry.strip(), None))
    values["recipients"] = people
    for key in ("username", "sender_name", "subject", "body", "ca_file"):
        values[key] = _text(values[key])
    return values


def email_yaml(values: Mapping) -> dict[str, Any]:
    """The `email:` mapping written for the values: host and sender, then the non-default keys."""
    data: dict[str, Any] = {"host": _text(values.get("host")) or "", "sender": _text(values.get("sender")) or ""}
    for key, default in EMAIL_DEFAULTS.items():
        value = values.get(key, default)
        if key == "recipients":
            value = [{"address": a, "name": n} if n else a for a, n in (value or [])]
        elif isinstance(value, str) or value is None:
            value = _text(value)
        if value != default:
            data[key] = value
    return data


def email_problems(values: Mapping) -> dict[str, str]:
    """Field name → message for the email fields (empty: valid, or no host: email not used)."""
    if not _text(values.get("host")):
        return {}
    problems: dict[str, str] = {} if _text(values.get("sender")) else {"sender": "wajib diisi"}
    try:
        spec = EmailSpec.model_validate(email_yaml(values))
    except ValidationError as exc:
        for loc, message in field_messages(exc):
            problems.setdefault(str(loc[0]), _row_prefix(loc) + message)
        return problems
    for problem in check_templates(spec):
        key = "subject" if problem.startswith("email.subject") else "body"
        problems.setdefault(key, problem.split(": ", 1)[-1])
    return problems


def email_spec(values: Mapping) -> EmailSpec:
    """The EmailSpec the fields describe (to send a test before saving).

    Raises:
        ConfigError: a field is invalid (one ``field: message`` per problem) or the host is empty.
    """
    problems = email_problems(values) if _text(values.get("host")) else {"host": "wajib diisi"}
    if problems:
        raise ConfigError("sources.yaml", [f"{key}: {message}" for key, message in problems.items()])
    return EmailSpec.model_validate(email_yaml(values))
