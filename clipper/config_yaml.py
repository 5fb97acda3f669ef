"""sources.yaml's YAML, read with bounds: size, nesting, nodes (aliases counted) and tags, each with its line."""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from clipper.config_report import yaml_problem
from clipper.errors import ConfigError
from clipper.limits import MAX_CONFIG_BYTES, MAX_CONFIG_DEPTH, MAX_CONFIG_NODES

logger = logging.getLogger(__name__)

# Explicit tags a hand-written file may use: YAML's own core types (ruamel keeps "!!str 5" as a
# tagged scalar; it is read as the plain text). Any other tag ("!foo", "!!python/object")
# is an error, never an object.
_CORE_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map")}
_QUOTED = re.compile(r"'[^']*'|\"(?:[^\"\\]|\\.)*\"")


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    return yaml


def load_yaml(text: str, path: Path) -> Any:
    """The YAML mapping of a configuration file, within MAX_CONFIG_BYTES, MAX_CONFIG_DEPTH and
    MAX_CONFIG_NODES and without unknown tags.

    Raises:
        ConfigError: one ``file:line: message`` problem (in Indonesian).
    """
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_CONFIG_BYTES:
        _fail(path, 1, f"berkas terlalu besar ({size:,} bita; paling banyak {MAX_CONFIG_BYTES:,})".replace(",", "."))
    try:
        data = _yaml().load(io.StringIO(text))
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        _fail(path, mark.line + 1 if mark else "?", f"YAML tidak sah: {yaml_problem(exc.problem or str(exc))}")
    except YAMLError as exc:
        _fail(path, 1, f"YAML tidak sah: {exc}")
    except RecursionError:  # a few hundred levels exhaust the parser's stack
        _fail(path, _deep_line(text), f"YAML bersarang terlalu dalam (paling banyak {MAX_CONFIG_DEPTH} tingkat)")
    if not isinstance(data, dict):
        _fail(path, 1, "isi berkas harus berupa pemetaan (sources: ...)")
    _check_tree(data, path)
    return data


def _fail(path: Path, line: int | str, message: str):
    raise ConfigError(str(path), [f"{path}:{line}: {message}"])


def _check_tree(root: Any, path: Path) -> None:
    """Walk the document without recursion: depth, node count and tags (a tagged core scalar is
    replaced by its plain value)."""
    stack = [(root, 1, 1)]
    nodes = 0
    while stack:
        node, depth, line = stack.pop()
        nodes += 1
        if nodes > MAX_CONFIG_NODES:
            _fail(path, line, f"terlalu banyak nilai (lebih dari {MAX_CONFIG_NODES:,}; alias berulang?)".replace(",", "."))
        if depth > MAX_CONFIG_DEPTH:
            _fail(path, line, f"YAML bersarang terlalu dalam (paling banyak {MAX_CONFIG_DEPTH} tingkat)")
        tag = _tag_of(node)
        if tag is not None and tag not in _CORE_TAGS:
            _fail(path, line, f"tag YAML tidak dikenal: {tag.replace('tag:yaml.org,2002:', '!!')}")
        if isinstance(node, dict):
            for key in list(node):
                value = node[key]
                if isinstance(value, TaggedScalar) and _tag_of(value) == "tag:yaml.org,2002:str":
                    node[key] = value = str(value.value)
                stack.append((key, depth + 1, _line(node, key, line)))
                stack.append((value, depth + 1, _line(node, key, line)))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                if isinstance(value, TaggedScalar) and _tag_of(value) == "tag:yaml.org,2002:str":
                    node[index] = value = str(value.value)
                stack.append((value, depth + 1, _line(node, index, line)))


def _tag_of(node: Any) -> str | None:
    tag = getattr(node, "tag", None)
    value = getattr(tag, "value", tag)
    return value if isinstance(value, str) and value else None


def _line(node: Any, key: Any, default: int) -> int:
    try:
        if isinstance(node, CommentedMap):
            return node.lc.key(key)[0] + 1
        if isinstance(node, CommentedSeq):
            return node.lc.item(key)[0] + 1
    except (KeyError, IndexError, TypeError, AttributeError):
        pass
    return default


def _deep_line(text: str) -> int:
    """The first line nested deeper than MAX_CONFIG_DEPTH, by indentation and open brackets
    (an estimate, for the message only: the parser could not say)."""
    indents: list[int] = []
    brackets = 0
    for number, raw in enumerate(text.splitlines(), 1):
        content = _QUOTED.sub("''", raw).split(" #", 1)[0]
        if not content.strip() or content.lstrip().startswith("#"):
            continue
        indent = len(content) - len(content.lstrip(" -"))
        while indents and indents[-1] >= indent:
            indents.pop()
        indents.append(indent)
        for char in content:
            if char in "[{":
                brackets += 1
                if len(indents) + brackets > MAX_CONFIG_DEPTH:
                    return number
            elif char in "]}":
                brackets = max(0, brackets - 1)
        if len(indents) + brackets > MAX_CONFIG_DEPTH:
            return number
    return 1
