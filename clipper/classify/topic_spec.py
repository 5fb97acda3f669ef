"""The schema of one topic rule (a `topics:` entry of sources.yaml, or a gazetteer topic), validated."""

from __future__ import annotations

import logging
import re
from typing import Union

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from clipper import textnorm

logger = logging.getLogger(__name__)


MAX_TERM_WEIGHT = 100.0


MAX_THRESHOLD = 1000.0


GROUP_PREFIX = "$"


MODES = ("extend", "replace")


_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


TermEntry = Union[str, dict[str, float]]


def _check_term(value: str, where: str) -> str:
    value = str(value).strip()
    if value.startswith(GROUP_PREFIX):
        if not value[1:].strip():
            raise ValueError(f"{where}: nama grup kosong / empty group name '{value}'")
        return value
    if not textnorm.phrase_keys(value):
        raise ValueError(
            f"{where}: istilah kosong atau tanpa huruf/angka / empty term or no letters: {value!r}"
        )
    return value


class TopicSpec(BaseModel):
    """One entry of the ``topics:`` section of sources.yaml (also a gazetteer topic)."""

    model_config = ConfigDict(extra="forbid")

    id: str
    label: str | None = None
    mode: str = "extend"
    enabled: bool | None = None
    terms: list[TermEntry] = []
    aliases: dict[str, list[str]] = {}
    require_all: list[str] = []
    require_any: list[str] = []
    exclude: list[str] = []
    ignore: list[str] = []
    rivals: list[str] = []  # other subjects: when they outnumber the topic's own terms, it is only mentioned
    others: list[str] = []  # other institutions named like the topic's: their words count nowhere inside them
    backdrop: list[str] = []  # words that set the time before a term in the lead ("di tengah" pandemi)
    title_weight: float | None = None
    body_weight: float | None = None
    threshold: float | None = None
    priority: int | None = None

    @field_validator("id")
    @classmethod
    def _valid_id(cls, value: str) -> str:
        if not _ID_RE.match(value):
            raise ValueError(
                f"id harus huruf kecil, angka, '-' atau '_' / id must be lower-case "
                f"letters, digits, '-' or '_': {value!r}"
            )
        return value

    @field_validator("mode")
    @classmethod
    def _valid_mode(cls, value: str) -> str:
        if value not in MODES:
            raise ValueError(
                f"mode tidak dikenal / unknown mode {value!r}: gunakan / use 'extend' or 'replace'"
            )
        return value

    @field_validator("terms")
    @classmethod
    def _valid_terms(cls, value: list[TermEntry]) -> list[TermEntry]:
        if not value:
            raise ValueError("terms kosong / terms is empty: hapus kunci ini atau isi / remove it or add terms")
        out: list[TermEntry] = []
        for entry in value:
            if isinstance(entry, dict):
                if len(entry) != 1:
                    raise ValueError(f"satu istilah per baris / one 'term: weight' per item: {entry!r}")
                (term, weight), = entry.items()
                if not 0 < weight <= MAX_TERM_WEIGHT:
                    raise ValueError(
                        f"bobot {term!r} harus > 0 dan <= {MAX_TERM_WEIGHT:g} / weight must be "
                        f"> 0 and <= {MAX_TERM_WEIGHT:g}, not {weight}"
                    )
                out.append({_check_term(term, "terms"): float(weight)})
            else:
                out.append(_check_term(entry, "terms"))
        return out

    @field_validator("require_all", "require_any", "exclude", "ignore", "others", "rivals", "backdrop")
    @classmethod
    def _valid_lists(cls, value: list[str], info) -> list[str]:
        return [_check_term(term, info.field_name) for term in value]

    @field_validator("aliases")
    @classmethod
    def _valid_aliases(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for term, variants in value.items():
            _check_term(term, "aliases")
            if not variants:
                raise ValueError(f"aliases: {term!r} tanpa varian / has no variants")
            for variant in variants:
                _check_term(variant, f"aliases.{term}")
        return value

    @field_validator("threshold")
    @classmethod
    def _valid_threshold(cls, value: float | None) -> float | None:
        if value is not None and not 0 < value <= MAX_THRESHOLD:
            raise ValueError(
                f"threshold harus > 0 dan <= {MAX_THRESHOLD:g} / threshold must be > 0 and "
                f"<= {MAX_THRESHOLD:g}, not {value}"
            )
        return value

    @field_validator("title_weight", "body_weight")
    @classmethod
    def _valid_weight(cls, value: float | None, info) -> float | None:
        if value is not None and not 0 <= value <= MAX_TERM_WEIGHT:
            raise ValueError(f"{info.field_name} harus antara / must be between 0 and {MAX_TERM_WEIGHT:g}")
        return value

    @model_validator(mode="after")
    def _replace_is_complete(self) -> TopicSpec:
        if self.mode == "replace" and self.enabled is not False:
            if not self.terms and not self.aliases:
                raise ValueError(f"topik {self.id!r}: mode replace butuh terms / mode replace needs terms")
            if not self.label:
                raise ValueError(f"topik {self.id!r}: mode replace butuh label / mode replace needs a label")
        if self.title_weight == 0 and self.body_weight == 0:
            raise ValueError("title_weight dan body_weight tidak boleh keduanya 0 / cannot both be 0")
        return self
