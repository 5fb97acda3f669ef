"""Load and validate sources.yaml; every problem is reported with file, line and field."""

from __future__ import annotations

import logging
import re
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from cssselect import ExpressionError, GenericTranslator, SelectorError
from pydantic import (AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator,
                      model_validator)

from clipper import paths
from clipper.config_report import describe, line_of, problem_line, regex_problem
from clipper.config_yaml import load_yaml
from clipper.errors import ClipperError, ConfigError
from clipper.hosts import host_entry
from clipper.limits import MAX_CONFIG_BYTES
from clipper.models import SOURCE_KINDS, ExtractHints, Source
from clipper.safe_files import read_limited

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


def _css_selector(value: str) -> str:
    """A CSS selector as lxml will run it (clipper.extract.hints); ValueError when it is not one."""
    value = value.strip()
    if not value:
        raise ValueError("selektor CSS kosong")
    try:
        GenericTranslator().css_to_xpath(value)
    except (SelectorError, ExpressionError) as exc:
        raise ValueError(f"selektor CSS tidak sah {value!r}: {exc}") from None
    return value


class ExtractSpec(BaseModel):
    """A source's `extract:` hints: CSS selectors for its pages (see clipper.extract.hints)."""

    model_config = ConfigDict(extra="forbid")

    body: list[str] = Field(default_factory=list, max_length=10)
    drop: list[str] = Field(default_factory=list, max_length=50)
    next_page: str | None = None

    @field_validator("body", "drop", mode="before")
    @classmethod
    def _listed(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @field_validator("body", "drop")
    @classmethod
    def _selectors(cls, values: list[str]) -> list[str]:
        return [_css_selector(v) for v in values]

    @field_validator("next_page")
    @classmethod
    def _selector(cls, value: str | None) -> str | None:
        return None if value is None else _css_selector(value)

    @model_validator(mode="after")
    def _something(self) -> ExtractSpec:
        if not (self.body or self.drop or self.next_page):
            raise ValueError("extract: butuh body:, drop: atau next_page:")
        return self


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
    extract: ExtractSpec | None = None  # per-media extraction hints

    _check_urls = field_validator(*SOURCE_KINDS)(_check_http_url)

    @field_validator("article_pattern")
    @classmethod
    def _compiles(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                re.compile(value)
            except re.error as exc:
                raise ValueError(f"pola regex tidak sah: {regex_problem(exc)}") from None
        return value

    @model_validator(mode="after")
    def _one_kind(self) -> SourceSpec:
        kinds = [k for k in SOURCE_KINDS if getattr(self, k)]
        if not kinds:
            raise ValueError("harus punya salah satu dari feed:, site:, atau sitemap:")
        if len(kinds) > 1:
            raise ValueError(f"hanya boleh satu jenis sumber, bukan {' dan '.join(kinds)}")
        if self.site and not self.article_pattern:
            raise ValueError("site: membutuhkan article_pattern: (tautan mana yang artikel)")
        if self.article_pattern and not self.site:
            raise ValueError("article_pattern: hanya berlaku untuk site:")
        return self


# Seconds a source may take in one harvest, its listing and every article page (README "Keamanan
# dan ketahanan"): sources run side by side, so one that drips cannot keep a run past ~40 s; a
# healthy source fetches its new pages well within it, and what one did not reach comes next run.
DEFAULT_SOURCE_BUDGET = 35.0


def _valid_host_entry(value: str) -> str:
    host_entry(value)
    return value


HostEntry = Annotated[str, AfterValidator(_valid_host_entry)]


class HarvestSpec(BaseModel):
    """The optional `harvest:` section: run-wide politeness, time limits and the address policy."""

    model_config = ConfigDict(extra="forbid")

    user_agent: str | None = None
    per_host: int = Field(2, ge=1, le=16)
    delay: float = Field(0.0, ge=0, le=120)
    timeout: float = Field(30.0, gt=0, le=600)  # per address: retries and redirects included
    source_budget: float = Field(DEFAULT_SOURCE_BUDGET, gt=0, le=3600)  # per source: listing and all its pages
    max_page_mb: float = Field(10.0, gt=0, le=200)
    retries: int = Field(2, ge=0, le=10)
    keep_html: bool = True  # keep each article's raw HTML (compressed) as evidence
    # Internal hosts a harvest may reach besides the configured sources' own origins.
    allow_hosts: list[HostEntry] = Field(default_factory=list, max_length=200)


class EditorSpec(BaseModel):
    """The optional `editor:` section: who decides, and the interface language."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str | None = Field(None, max_length=120)  # recorded with each decision
    language: Literal["id", "en"] = "id"


DEFAULT_INSTITUTION = ["Kementerian Agama Republik Indonesia", "Badan Litbang dan Diklat", "Perpustakaan"]


class EditionSpec(BaseModel):
    """The optional `edition:` section: how the daily clipping looks and is numbered."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    title: str = "Kliping Berita Harian"
    institution: list[str] = Field(default_factory=lambda: list(DEFAULT_INSTITUTION), min_length=1)
    logo: str | None = None  # a PNG/JPEG path; default resources/logo.png
    responsible: str | None = None  # penanggung jawab; default the editor's name
    sections: list[str] = Field(default_factory=lambda: ["kemenag", "litbang", "covid"])
    other_label: str = "Lain-lain"
    number_format: str = "{seq}/{year}"  # {seq} counts the year's editions, from number_start
    number_start: int = Field(1, ge=1)
    output_dir: str | None = None  # default: "edisi" beside the archive

    @field_validator("number_format")
    @classmethod
    def _has_seq(cls, value: str) -> str:
        if "{seq" not in value:
            raise ValueError("harus memuat {seq}")
        try:
            value.format(seq=1, year=2026)
        except (KeyError, IndexError, ValueError) as exc:
            raise ValueError(f"format tidak sah: {exc}") from None
        return value


class Recipient(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    address: str = Field(pattern=r"^[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;]+$")
    name: str | None = None


class EmailSpec(BaseModel):
    """The optional `email:` section (the password is never stored here)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    host: str = Field(min_length=1)
    port: int = Field(587, ge=1, le=65535)
    security: Literal["starttls", "ssl", "none"] = "starttls"
    username: str | None = None
    sender: str = Field(pattern=r"^[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;]+$")
    sender_name: str | None = "Perpustakaan Balitbangdiklat"
    recipients: list[Recipient] = Field(default_factory=list)
    bcc: bool = False  # one message to all (BCC) instead of one per recipient
    # Templates may use {date} {number} {title} {headline} {headlines} {editor} {articles} {pages};
    # {headline} is the highlighted (or first) headline, {headlines} the list per section.
    subject: str | None = None
    body: str | None = None
    max_attachment_mb: float = Field(10.0, gt=0, le=100)
    timeout: float = Field(30.0, gt=0, le=600)
    ca_file: str | None = None  # a private CA bundle to verify the server (default: system CAs)

    @field_validator("recipients", mode="before")
    @classmethod
    def _recipients(cls, values: Any) -> Any:
        if isinstance(values, list):
            return [{"address": v} if isinstance(v, str) else v for v in values]
        return values


class ConfigSpec(BaseModel):
    """The whole file."""

    model_config = ConfigDict(extra="forbid")

    sources: list[SourceSpec] = Field(min_length=1)
    harvest: HarvestSpec = HarvestSpec()
    topics: list[dict[str, Any]] | None = None
    editor: EditorSpec = EditorSpec()
    edition: EditionSpec = EditionSpec()
    email: EmailSpec | None = None


@dataclass(frozen=True)
class Config:
    """The validated configuration."""

    path: Path | None
    sources: tuple[Source, ...]
    harvest: HarvestSpec = field(default_factory=HarvestSpec)
    topics_spec: list[dict[str, Any]] | None = None
    editor: EditorSpec = field(default_factory=EditorSpec)
    edition: EditionSpec = field(default_factory=EditionSpec)
    email: EmailSpec | None = None

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


def default_config_path() -> Path:
    """The user's sources.yaml (created from the bundled default on first use)."""
    return paths.user_config_dir() / "sources.yaml"


def ensure_user_config(path: Path) -> Path:
    """Copy the bundled default to ``path`` if nothing is there yet; never overwrite."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(paths.bundled_config(), path)
        logger.info("created %s from the bundled default", path)
        gazetteer = path.parent / "gazetteer.yaml"
        if not gazetteer.exists():  # the topic vocabulary, for editors to extend
            shutil.copyfile(paths.resource("gazetteer.yaml"), gazetteer)
    return path


# A stage's own check of the sections it owns (topics: by classify, email templates by mail):
# ``check(data, path, spec)`` → problems as ``file:line: field: message``. ``spec`` is None when
# the file failed the base validation; a check then still looks at what it can.
SectionCheck = Callable[[Any, Path, "ConfigSpec | None"], list[str]]


def load_config(path: str | Path, *, checks: Sequence[SectionCheck]) -> Config:
    """Read, validate and convert a sources.yaml (``checks``: see parse_config).

    Raises:
        ConfigError: with one ``file:line: field: message`` line per problem.
    """
    path = Path(path)
    try:
        text = read_limited(path, MAX_CONFIG_BYTES).decode("utf-8")
    except FileNotFoundError:
        raise ConfigError(str(path), [f"{path}: berkas konfigurasi tidak ditemukan"]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(str(path), [f"{path}: tidak dapat dibaca: {exc}"]) from None
    except ClipperError as exc:  # not a regular file, or too large
        raise ConfigError(str(path), [f"{path}:1: {exc}"]) from None
    return parse_config(text, path, checks=checks)


def parse_config(text: str, path: str | Path = "sources.yaml", *, checks: Sequence[SectionCheck]) -> Config:
    """Validate YAML text as a configuration: the base sections here, then each stage's own.

    ``checks`` are the stages' checks of their sections (clipper.workspace.configuration holds
    the list the app and the command line use); every problem of every section is reported.

    Raises:
        ConfigError: with one ``file:line: field: message`` line per problem, in file order.
    """
    path = Path(path)
    data = load_yaml(text, path)
    spec, problems = None, []
    try:
        spec = ConfigSpec.model_validate(data)
    except ValidationError as exc:
        problems += describe(exc, data, path)
    problems += _duplicate_names(data, path)
    for check in checks:  # every problem at once: a stage's section is checked even when others fail
        problems += check(data, path, spec)
    if problems:
        raise ConfigError(str(path), sorted(problems, key=problem_line))
    sources = tuple(_to_source(s) for s in spec.sources)
    return Config(path=path, sources=sources, harvest=spec.harvest, topics_spec=spec.topics,
                  editor=spec.editor, edition=spec.edition, email=spec.email)


def _duplicate_names(data: Any, path: Path) -> list[str]:
    """A source name used twice, reported at the second (and each later) use."""
    sources = data.get("sources")
    if not isinstance(sources, list):
        return []
    problems, first = [], {}
    for index, entry in enumerate(sources):
        name = entry.get("name") if isinstance(entry, dict) else None
        if not isinstance(name, str) or not name.strip():
            continue
        key = name.strip().casefold()
        if key in first:
            line = line_of(data, ("sources", index, "name"))
            problems.append(f"{path}:{line}: sources[{index}].name: nama sumber ganda {name!r} "
                            f"(sudah dipakai di baris {first[key]})")
        else:
            first[key] = line_of(data, ("sources", index, "name"))
    return problems


def source_of(spec: SourceSpec) -> Source:
    """The Source a validated `sources:` entry describes (for one source tried on its own)."""
    return _to_source(spec)


def _to_source(spec: SourceSpec) -> Source:
    kind = next(k for k in SOURCE_KINDS if getattr(spec, k))
    return Source(
        name=spec.name, kind=kind, url=getattr(spec, kind), article_pattern=spec.article_pattern,
        enabled=spec.enabled, language=spec.language, rubrik=spec.rubrik, max_items=spec.max_items,
        delay=spec.delay, concurrency=spec.concurrency, timeout=spec.timeout,
        aggregator=spec.aggregator,
        extract=ExtractHints(tuple(spec.extract.body), tuple(spec.extract.drop), spec.extract.next_page)
        if spec.extract else None,
    )


