"""How configuration problems are told: ``file:line: field: message``, in Indonesian."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml.comments import CommentedMap, CommentedSeq

logger = logging.getLogger(__name__)


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


def problem_line(problem: str) -> int:
    """The line number of a ``file:line: ...`` problem (0 when it names none), for sorting."""
    match = re.match(r".*?:(\d+):", problem)
    return int(match.group(1)) if match else 0


def describe(exc: ValidationError, data: Any, path: Path, prefix: tuple = ()) -> list[str]:
    """One ``file:line: field: message`` per pydantic error, lines from ruamel's marks."""
    problems = []
    for error in exc.errors():
        loc = prefix + tuple(error["loc"])
        line = line_of(data, loc)
        where = _loc_text(data, loc)
        message = _message(error)
        problems.append(f"{path}:{line}: {where}: {message}" if where else f"{path}:{line}: {message}")
    return problems


def field_messages(exc: ValidationError) -> list[tuple[tuple, str]]:
    """Each pydantic error as (location, Indonesian message), for a form's field-level messages."""
    return [(tuple(error["loc"]), _message(error)) for error in exc.errors()]


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


def line_of(data: Any, loc: tuple) -> int:
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
