"""Load and validate sources.yaml; every problem is reported with file, line and field."""

from __future__ import annotations

import io
import logging
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
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
                raise ValueError(f"pola regex tidak sah: {regex_problem(exc)}") from None
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
        gazetteer = path.parent / "gazetteer.yaml"
        if not gazetteer.exists():  # the topic vocabulary, for editors to extend
            shutil.copyfile(paths.resource("gazetteer.yaml"), gazetteer)
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
    spec, problems = None, []
    try:
        spec = ConfigSpec.model_validate(data)
    except ValidationError as exc:
        problems += _describe(exc, data, path)
    problems += _duplicate_names(data, path)
    # Every problem at once: the topic rules are checked even when other sections are wrong.
    topics = data.get("topics")
    if isinstance(topics, list) and all(isinstance(t, dict) for t in topics):
        problems += _check_topics(topics, data, path)
    elif topics is None:
        problems += _check_topics(None, data, path)
    if spec is not None:
        problems += _check_templates(spec.email, data, path)
    if problems:
        raise ConfigError(str(path), sorted(problems, key=_problem_line))
    sources = tuple(_to_source(s) for s in spec.sources)
    return Config(path=path, sources=sources, harvest=spec.harvest, topics_spec=spec.topics,
                  editor=spec.editor, edition=spec.edition, email=spec.email)


# The messages of Python's re and of ruamel.yaml an administrator is likely to meet, in
# Indonesian (by the start of the English message); others are shown as the library wrote them.
_REGEX_MESSAGES = (
    ("missing ), unterminated subpattern", "kurung ( tanpa pasangan )"),
    ("unbalanced parenthesis", "kurung ) tanpa pasangan ("),
    ("unterminated character set", "[ tanpa pasangan ]"),
    ("nothing to repeat", "tanda ulang (* + ? {n}) tanpa sesuatu yang diulang"),
    ("multiple repeat", "tanda ulang ganda (misalnya ** atau +*)"),
    ("bad escape", "garis miring terbalik (\\) yang tidak dikenal"),
    ("bad character range", "rentang karakter tidak sah (misalnya [z-a])"),
    ("unknown extension", "bentuk (?...) tidak dikenal"),
    ("missing group name", "nama grup kosong"),
    ("bad character in group name", "nama grup tidak sah"),
    ("look-behind requires fixed-width pattern", "look-behind harus berlebar tetap"),
    ("unterminated", "pola tidak ditutup"),
)
_YAML_MESSAGES = (
    ("mapping values are not allowed here", "titik dua di tempat yang salah (spasi setelah ':' atau indentasi?)"),
    ("found character '\\t'", "karakter tab tidak boleh untuk indentasi; pakai spasi"),
    ("could not find expected ':'", "tanda ':' tidak ditemukan (kunci tanpa nilai?)"),
    ("expected <block end>", "indentasi tidak konsisten"),
    ("expected <block mapping start>", "indentasi tidak konsisten"),
    ("found unexpected end of stream", "berkas berakhir di tengah nilai (tanda kutip belum ditutup?)"),
    ("found duplicate key", "kunci yang sama ditulis dua kali"),
    ("found undefined alias", "alias (*nama) tanpa anchor (&nama)"),
    ("did not find expected key", "kunci yang diharapkan tidak ditemukan (indentasi atau tanda '-'?)"),
    ("did not find expected '-' indicator", "tanda '-' daftar tidak ditemukan (indentasi?)"),
    ("found unexpected ':'", "titik dua yang tidak diharapkan (beri tanda kutip pada nilai)"),
    ("found unknown escape character", "escape tidak dikenal dalam teks berkutip ganda"),
)


def regex_problem(exc: re.error) -> str:
    """An re.error in Indonesian, with the position in the pattern."""
    text = next((indo for english, indo in _REGEX_MESSAGES if exc.msg.startswith(english)), exc.msg)
    return f"{text} (posisi {exc.pos + 1})" if exc.pos is not None else text


def yaml_problem(problem: str) -> str:
    """A ruamel.yaml problem in Indonesian (unknown ones as written)."""
    return next((indo for english, indo in _YAML_MESSAGES if problem.startswith(english)), problem)


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
            line = _line_of(data, ("sources", index, "name"))
            problems.append(f"{path}:{line}: sources[{index}].name: nama sumber ganda {name!r} "
                            f"(sudah dipakai di baris {first[key]})")
        else:
            first[key] = _line_of(data, ("sources", index, "name"))
    return problems


def _problem_line(problem: str) -> int:
    """The line number of a ``file:line: ...`` problem (0 when it names none), for sorting."""
    match = re.match(r".*?:(\d+):", problem)
    return int(match.group(1)) if match else 0


def _parse_yaml(text: str, path: Path) -> Any:
    try:
        data = _yaml().load(io.StringIO(text))
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else "?"
        raise ConfigError(str(path), [f"{path}:{line}: YAML tidak sah: {yaml_problem(exc.problem or str(exc))}"]) from None
    except YAMLError as exc:
        raise ConfigError(str(path), [f"{path}: YAML tidak sah: {exc}"]) from None
    if not isinstance(data, dict):
        raise ConfigError(str(path), [f"{path}:1: isi berkas harus berupa pemetaan (sources: ...)"])
    return data


def _check_topics(topics: list[dict[str, Any]] | None, data: Any, path: Path) -> list[str]:
    """Validate the `topics:` entries (and a gazetteer.yaml beside the file) with the rules' schema."""
    gazetteer = paths.gazetteer_beside(path)
    if topics is None and gazetteer is None:
        return []
    from clipper.classify.rules import TopicSpec, build_topics

    problems: list[str] = []
    specs = []
    for index, entry in enumerate(topics or []):
        try:
            specs.append(TopicSpec.model_validate(entry))
        except ValidationError as exc:
            problems.extend(_describe(exc, data, path, prefix=("topics", index)))
    if not problems:
        try:
            build_topics(specs or None, gazetteer)
        except ConfigError as exc:
            problems.extend(exc.problems)
        except ValueError as exc:  # e.g. an unknown $group, a new topic without terms
            problems.append(f"{path}:{_line_of(data, ('topics',))}: topics: {exc}")
    return problems


def _check_templates(email: EmailSpec | None, data: Any, path: Path) -> list[str]:
    """Subject/body templates that name an unknown {field}, with their line."""
    if email is None:
        return []
    from clipper.mail.message import check_templates
    problems = []
    for key, other in (("subject", "body"), ("body", "subject")):
        for problem in check_templates(email.model_copy(update={other: None})):
            problems.append(f"{path}:{_line_of(data, ('email', key))}: {problem}")
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


_MESSAGES = {
    "extra_forbidden": "kunci tidak dikenal",
    "missing": "wajib diisi",
    "int_parsing": "harus bilangan bulat",
    "int_from_float": "harus bilangan bulat",
    "float_parsing": "harus bilangan",
    "bool_parsing": "harus true atau false",
    "string_type": "harus berupa teks",
    "list_type": "harus berupa daftar (- ...)",
    "dict_type": "harus berupa pemetaan (kunci: nilai)",
    "model_type": "harus berupa pemetaan (kunci: nilai)",
    "string_too_short": "tidak boleh kosong",
    "too_short": "tidak boleh kosong",
    "string_pattern_mismatch": "format tidak sah",
    "greater_than_equal": "harus paling sedikit {ge}",
    "greater_than": "harus lebih dari {gt}",
    "less_than_equal": "harus paling banyak {le}",
    "string_too_long": "terlalu panjang (paling banyak {max_length} karakter)",
    "literal_error": "harus salah satu dari: {expected}",
}


def _message(error: dict) -> str:
    kind = error.get("type", "")
    if kind in _MESSAGES:
        text = _MESSAGES[kind].format(**(error.get("ctx") or {}))
        value = error.get("input")
        if kind not in ("missing", "extra_forbidden") and isinstance(value, (str, int, float)):
            text += f" (bukan {value!r})"
        return text
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
