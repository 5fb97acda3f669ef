"""Load and validate sources.yaml; every problem is reported with file, line and field."""

from __future__ import annotations

import io
import logging
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from clipper import paths
from clipper.errors import ConfigError
from clipper.models import Source

logger = logging.getLogger(__name__)


def _check_http_url(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https"):
        raise ValueError(f"bukan URL http(s): {value!r}")
    if not parts.netloc:
        raise ValueError(f"URL tanpa nama host: {value!r}")
    return value


class SourceSpec(BaseModel):
    """One entry of `sources:`."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(min_length=1, max_length=120)
    feed: str | None = None
    site: str | None = None
    sitemap: str | None = None
    article_pattern: str | None = None
    enabled: bool = True
    language: str = Field("id", pattern=r"^[a-z]{2}$")
    rubrik: str | None = None
    max_items: int = Field(50, ge=1, le=1000)
    delay: float = Field(0.0, ge=0, le=120)
    concurrency: int | None = Field(None, ge=1, le=16)
    timeout: float | None = Field(None, gt=0, le=600)
    aggregator: bool = False  # keyword query feeds: media name taken from each article page

    _check_urls = field_validator("feed", "site", "sitemap")(_check_http_url)

    @field_validator("article_pattern")
    @classmethod
    def _compiles(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                re.compile(value)
            except re.error as exc:
                raise ValueError(f"pola regex tidak sah: {exc}") from None
        return value

    @model_validator(mode="after")
    def _one_kind(self) -> SourceSpec:
        kinds = [k for k in ("feed", "site", "sitemap") if getattr(self, k)]
        if not kinds:
            raise ValueError("harus punya salah satu dari feed:, site:, atau sitemap:")
        if len(kinds) > 1:
            raise ValueError(f"hanya boleh satu jenis sumber, bukan {' dan '.join(kinds)}")
        if self.site and not self.article_pattern:
            raise ValueError("site: membutuhkan article_pattern: (tautan mana yang artikel)")
        if self.article_pattern and not self.site:
            raise ValueError("article_pattern: hanya berlaku untuk site:")
        return self


class HarvestSpec(BaseModel):
    """The optional `harvest:` section: run-wide politeness."""

    model_config = ConfigDict(extra="forbid")

    user_agent: str | None = None
    per_host: int = Field(2, ge=1, le=16)
    delay: float = Field(0.0, ge=0, le=120)
    timeout: float = Field(30.0, gt=0, le=600)
    max_page_mb: float = Field(10.0, gt=0, le=200)
    retries: int = Field(2, ge=0, le=10)
    keep_html: bool = True  # keep each article's raw HTML (compressed) as evidence


class ConfigSpec(BaseModel):
    """The whole file."""

    model_config = ConfigDict(extra="forbid")

    sources: list[SourceSpec] = Field(min_length=1)
    harvest: HarvestSpec = HarvestSpec()
    topics: list[dict[str, Any]] | None = None
    editor: dict[str, Any] | None = None
    edition: dict[str, Any] | None = None
    email: dict[str, Any] | None = None

    @model_validator(mode="after")
    def _unique_names(self) -> ConfigSpec:
        seen: set[str] = set()
        for spec in self.sources:
            key = spec.name.casefold()
            if key in seen:
                raise ValueError(f"nama sumber ganda: {spec.name!r}")
            seen.add(key)
        return self


@dataclass(frozen=True)
class Config:
    """The validated configuration."""

    path: Path | None
    sources: tuple[Source, ...]
    harvest: HarvestSpec = field(default_factory=HarvestSpec)
    topics_spec: list[dict[str, Any]] | None = None
    editor: dict[str, Any] | None = None
    edition: dict[str, Any] | None = None
    email: dict[str, Any] | None = None

    def enabled_sources(self, names: list[str] | None = None) -> list[Source]:
        """The sources to harvest: all enabled ones, or exactly the named ones."""
        if not names:
            return [s for s in self.sources if s.enabled]
        by_name = {s.name.casefold(): s for s in self.sources}
        missing = [n for n in names if n.casefold() not in by_name]
        if missing:
            known = ", ".join(s.name for s in self.sources)
            raise ConfigError(str(self.path), [f"sumber tidak dikenal: {', '.join(missing)} (ada: {known})"])
        return [by_name[n.casefold()] for n in names]


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    return yaml


def default_config_path() -> Path:
    """The user's sources.yaml (created from the bundled default on first use)."""
    return paths.user_config_dir() / "sources.yaml"


def ensure_user_config(path: Path) -> Path:
    """Copy the bundled default to ``path`` if nothing is there yet; never overwrite."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(paths.bundled_config(), path)
        logger.info("created %s from the bundled default", path)
    return path


def load_config(path: str | Path) -> Config:
    """Read, validate and convert a sources.yaml.

    Raises:
        ConfigError: with one ``file:line: field: message`` line per problem.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(str(path), [f"{path}: berkas konfigurasi tidak ditemukan"]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(str(path), [f"{path}: tidak dapat dibaca: {exc}"]) from None
    return parse_config(text, path)


def parse_config(text: str, path: str | Path = "sources.yaml") -> Config:
    """Validate YAML text as a configuration (see load_config)."""
    path = Path(path)
    data = _parse_yaml(text, path)
    try:
        spec = ConfigSpec.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(str(path), _describe(exc, data, path)) from None
    topics_problems = _check_topics(spec.topics, data, path)
    if topics_problems:
        raise ConfigError(str(path), topics_problems)
    sources = tuple(_to_source(s) for s in spec.sources)
    return Config(path=path, sources=sources, harvest=spec.harvest, topics_spec=spec.topics,
                  editor=spec.editor, edition=spec.edition, email=spec.email)


def _parse_yaml(text: str, path: Path) -> Any:
    try:
        data = _yaml().load(io.StringIO(text))
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else "?"
        raise ConfigError(str(path), [f"{path}:{line}: YAML tidak sah: {exc.problem or exc}"]) from None
    except YAMLError as exc:
        raise ConfigError(str(path), [f"{path}: YAML tidak sah: {exc}"]) from None
    if not isinstance(data, dict):
        raise ConfigError(str(path), [f"{path}:1: isi berkas harus berupa pemetaan (sources: ...)"])
    return data


def _check_topics(topics: list[dict[str, Any]] | None, data: Any, path: Path) -> list[str]:
    """Validate the `topics:` entries with the relevance module's schema."""
    if topics is None:
        return []
    try:
        from clipper.rules import TopicSpec
    except ImportError:  # pragma: no cover - rules arrive with the relevance feature
        return []
    from clipper.rules import build_topics

    problems: list[str] = []
    specs = []
    for index, entry in enumerate(topics):
        try:
            specs.append(TopicSpec.model_validate(entry))
        except ValidationError as exc:
            problems.extend(_describe(exc, data, path, prefix=("topics", index)))
    if not problems:
        try:
            build_topics(specs)
        except ValueError as exc:  # e.g. an unknown $group, a new topic without terms
            problems.append(f"{path}:{_line_of(data, ('topics',))}: topics: {exc}")
    return problems


def _to_source(spec: SourceSpec) -> Source:
    kind = next(k for k in ("feed", "site", "sitemap") if getattr(spec, k))
    return Source(
        name=spec.name, kind=kind, url=getattr(spec, kind), article_pattern=spec.article_pattern,
        enabled=spec.enabled, language=spec.language, rubrik=spec.rubrik, max_items=spec.max_items,
        delay=spec.delay, concurrency=spec.concurrency, timeout=spec.timeout,
        aggregator=spec.aggregator,
    )


def _describe(exc: ValidationError, data: Any, path: Path, prefix: tuple = ()) -> list[str]:
    """One ``file:line: field: message`` per pydantic error, lines from ruamel's marks."""
    problems = []
    for error in exc.errors():
        loc = prefix + tuple(error["loc"])
        line = _line_of(data, loc)
        where = _loc_text(data, loc)
        message = _message(error)
        problems.append(f"{path}:{line}: {where}: {message}" if where else f"{path}:{line}: {message}")
    return problems


def _message(error: dict) -> str:
    kind = error.get("type", "")
    if kind == "extra_forbidden":
        return "kunci tidak dikenal"
    if kind == "missing":
        return "wajib diisi"
    message = str(error.get("msg", ""))
    return message.removeprefix("Value error, ")


def _line_of(data: Any, loc: tuple) -> int:
    """The 1-based line of the deepest node of ``loc`` that exists in the YAML."""
    node, line = data, 1
    for part in loc:
        if isinstance(node, CommentedMap) and part in node:
            line = node.lc.key(part)[0] + 1
            node = node[part]
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and part < len(node):
            line = node.lc.item(part)[0] + 1
            node = node[part]
        else:
            break
    return line


def _loc_text(data: Any, loc: tuple) -> str:
    """``sources[3] (Kompas).feed`` style field names."""
    text, node = "", data
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
            if isinstance(node, list) and part < len(node):
                node = node[part]
                name = node.get("name") if isinstance(node, dict) else None
                if name:
                    text += f" ({name})"
                continue
        elif isinstance(part, str) and not part.startswith(("function-", "model")):
            text += f".{part}" if text else part
        node = node.get(part) if isinstance(node, dict) else None
    return text
