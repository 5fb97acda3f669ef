"""Keep sources.yaml's comments in place when an entry or a key is removed or added.

ruamel.yaml attaches the full-line comments that stand *between* two entries of a list (or
after a mapping's last key) to the last key of the entry before them. Removing that entry,
or that key, would silently drop a comment that belongs to what follows (a heading such as
``# Media keagamaan`` above the next source). These helpers detach such trailing lines before
a change and attach them again afterwards, so an edit loses only the end-of-line comment of
what it removes.
"""

from __future__ import annotations

import logging
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.tokens import CommentToken

logger = logging.getLogger(__name__)


Slot = tuple[Any, Any, int]  # (container, key or index, index in its ca.items entry)


def _last_slot(node: Any) -> Slot | None:
    """Where the comment after ``node``'s last line is kept (None: an empty or scalar node)."""
    if isinstance(node, CommentedMap) and len(node):
        return _slot_after(node, list(node)[-1])
    if isinstance(node, CommentedSeq) and len(node):
        return _slot_after(node, len(node) - 1)
    return None


def _slot_after(container: Any, key: Any) -> Slot:
    """Where the comment after ``container[key]`` (the value's last line) is kept."""
    inner = _last_slot(container[key])
    if inner is not None:
        return inner
    return container, key, 2 if isinstance(container, CommentedMap) else 0


def _token(slot: Slot) -> CommentToken | None:
    container, key, index = slot
    item = container.ca.items.get(key)
    if not item or len(item) <= index:
        return None
    token = item[index]
    return token if isinstance(token, CommentToken) else None


def _take(slot: Slot | None) -> str:
    """Detach the full-line comments kept at ``slot``; the end-of-line comment stays."""
    token = _token(slot) if slot is not None else None
    if token is None:
        return ""
    container, key, index = slot
    value = token.value
    if value.startswith("\n"):  # no end-of-line comment: the token holds only the lines after
        eol, rest = "", value[1:]
    else:
        first, newline, rest = value.partition("\n")
        eol = first + newline
    if eol.strip():
        token.value = eol
    else:
        container.ca.items[key][index] = None
        if not any(container.ca.items[key]):
            del container.ca.items[key]
    return rest if rest.strip() else ""


def _give(slot: Slot | None, lines: str) -> None:
    if not lines:
        return
    if slot is None:
        logger.warning("comment lines dropped: nothing to attach them to: %r", lines)
        return
    token = _token(slot)
    container, key, index = slot
    if token is None:
        item = container.ca.items.setdefault(key, [None, None, None, None])
        item[index] = CommentToken("\n" + lines, CommentMark(0), None)
    elif token.value.endswith("\n"):
        token.value += lines
    else:
        token.value += "\n" + lines


def take_trailing(node: Any) -> str:
    """Detach the full-line comments after ``node``'s last line; its end-of-line comment stays.

    Returns:
        The detached lines (``"  # ...\\n"`` each, as written), or "".
    """
    return _take(_last_slot(node))


def give_trailing(node: Any, lines: str) -> None:
    """Attach ``lines`` (from take_trailing) after ``node``'s last line."""
    _give(_last_slot(node), lines)


def lead_lines(seq: CommentedSeq, lines: str, column: int = 2) -> None:
    """Put ``lines`` before the first item of ``seq`` (after any comment already there)."""
    if not lines:
        return
    if seq.ca.comment is None:
        seq.ca.comment = [None, []]
    if seq.ca.comment[1] is None:
        seq.ca.comment[1] = []
    # the token is written at ``column``: its first line's own indentation would come twice
    seq.ca.comment[1].append(CommentToken(lines.lstrip(" "), CommentMark(column), None))


def remove_item(seq: CommentedSeq, index: int) -> None:
    """Delete ``seq[index]``; the comment lines between it and the next item are kept."""
    lines = _take(_slot_after(seq, index))
    del seq[index]
    if index > 0:
        _give(_slot_after(seq, index - 1), lines)
    elif len(seq):
        lead_lines(seq, lines)
    else:
        logger.warning("comment lines dropped with the list's last item: %r", lines)


def append_item(seq: CommentedSeq, item: Any) -> None:
    """Append ``item``; comment lines after the old last item move below the new one."""
    lines = take_trailing(seq[-1]) if len(seq) else ""
    seq.append(item)
    give_trailing(item, lines)


def pop_key(mapping: CommentedMap, key: Any) -> None:
    """Remove ``key``; the comment lines after its value stay (below the key before it)."""
    if key not in mapping:
        return
    keys = list(mapping)
    position = keys.index(key)
    lines = _take(_slot_after(mapping, key))
    mapping.pop(key)
    mapping.ca.items.pop(key, None)
    _give(_slot_after(mapping, keys[position - 1]) if position > 0 else None, lines)


def set_key(mapping: CommentedMap, key: Any, value: Any) -> None:
    """Set ``key``; a new key goes last, below the comment lines that ended the mapping before;
    a replaced value's comment lines (after its last line) stay after the new one."""
    if key in mapping:
        lines = _take(_slot_after(mapping, key))
        mapping[key] = value
        _give(_slot_after(mapping, key), lines)
        return
    lines = take_trailing(mapping)
    mapping[key] = value
    give_trailing(mapping, lines)


def rename_key(mapping: CommentedMap, old: Any, new: Any, value: Any) -> None:
    """Replace ``old`` by ``new`` at the same position, with the comments ``old`` had."""
    if old == new or old not in mapping:
        set_key(mapping, new, value)
        return
    position = list(mapping).index(old)
    comment = mapping.ca.items.pop(old, None)
    mapping.pop(old)
    mapping.insert(position, new, value)
    if comment is not None:
        mapping.ca.items[new] = comment
