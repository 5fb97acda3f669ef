"""Snippets with highlighted terms, Indonesian-aware (a word with the query's root is a hit)."""

from __future__ import annotations

import logging
import re

from clipper.search.query import ParsedQuery
from clipper.textnorm import _WORD_RE, folded_word, word_key  # the words as rules and the index see them

logger = logging.getLogger(__name__)

# A snippet is about this many characters: ~40 words, two lines of a result list.
SNIPPET_CHARS = 260
LEAD_CHARS = 70  # shown before the first hit
# Without a literal candidate, only this much text is tokenised (1 ms at worst per article).
SCAN_CHARS = 4000


def _may_have_root(folded: str, keys: frozenset[str]) -> bool:
    """Whether a word can stem to one of ``keys``: the root, bar its first letter (which a
    nasal prefix may replace: "menulis" → "tulis"), is inside the word. A cheap test that
    spares stemming every word of a snippet (PySastrawi: ~0.5 ms for a word not seen yet)."""
    return any(len(key) <= 2 or key[1:] in folded for key in keys)


def _token_hits(parsed: ParsedQuery, text: str) -> list[tuple[int, int]]:
    tokens = [(m.start(), m.end(), folded_word(m.group())) for m in _WORD_RE.finditer(text)]
    spans: list[tuple[int, int]] = []
    prefixes = parsed.prefixes
    for i, (start, end, folded) in enumerate(tokens):
        if folded in parsed.words or (prefixes and folded.startswith(prefixes)) or (
                parsed.keys and _may_have_root(folded, parsed.keys) and word_key(folded) in parsed.keys):
            spans.append((start, end))
        for pieces, is_prefix in parsed.phrases:
            last = len(pieces) - 1
            window = tokens[i:i + len(pieces)]
            if len(window) != len(pieces):
                continue
            if all(t[2] == p for t, p in zip(window[:last], pieces[:last])) and (
                    window[last][2].startswith(pieces[last]) if is_prefix else window[last][2] == pieces[last]):
                spans.append((start, window[last][1]))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _candidate_re(parsed: ParsedQuery) -> re.Pattern | None:
    """Where a hit may be, found at C speed: the words, prefixes, phrases' first words, roots."""
    parts = [re.escape(w) for w in parsed.words | parsed.keys]
    parts += [re.escape(p) for p in parsed.prefixes]
    parts += [re.escape(pieces[0]) for pieces, _ in parsed.phrases]
    if not parts:
        return None
    return re.compile("(?:" + "|".join(sorted(parts, key=len, reverse=True)) + ")", re.IGNORECASE)


def _first_hit(parsed: ParsedQuery, text: str) -> tuple[int, list[tuple[int, int]]] | None:
    """(window start, spans in the window) around the first verified hit in ``text``."""
    pattern = _candidate_re(parsed)
    if pattern is None:
        return None
    for candidate in pattern.finditer(text):
        base = max(0, candidate.start() - 40)
        base = text.rfind(" ", 0, base) + 1 if base else 0
        spans = [(s + base, e + base) for s, e in _token_hits(parsed, text[base:base + SNIPPET_CHARS + 80])]
        if spans:
            return spans[0][0], spans
    spans = _token_hits(parsed, text[:SCAN_CHARS])  # a root may hide behind diacritics or affixes
    return (spans[0][0], spans) if spans else None


def _cut(text: str, focus: int) -> tuple[int, int]:
    start = max(0, focus - LEAD_CHARS)
    if start:
        space = text.rfind(" ", 0, start + 1)
        start = space + 1 if space > 0 else start
    end = min(len(text), start + SNIPPET_CHARS)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > focus else end
    return start, end


def make_snippet(parsed: ParsedQuery, summary: str | None, text: str | None, *,
                 whole: bool = False) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A short passage around the first hit, and the highlighted ranges within it.

    Args:
        parsed: the parsed query (its words, roots, prefixes and phrases).
        summary: the editor's summary, searched first (may be None).
        text: the article text (or a title with ``whole``).
        whole: highlight all of ``text`` instead of cutting a passage.

    Returns:
        ``(snippet, spans)`` where each span is a ``(start, end)`` range of ``snippet``.
    """
    if whole:
        value = text or ""
        return value, tuple(_token_hits(parsed, value))
    for source in (summary, text):
        if source:
            found = _first_hit(parsed, source)
            if found:
                focus, spans = found
                start, end = _cut(source, focus)
                snippet = source[start:end]
                inside = tuple((s - start, min(e, end) - start) for s, e in spans if start <= s < end)
                prefix = "… " if start else ""
                suffix = " …" if end < len(source) else ""
                shift = len(prefix)
                return prefix + snippet + suffix, tuple((s + shift, e + shift) for s, e in inside)
    source = (summary or text or "").strip()
    start, end = _cut(source, 0)
    return source[start:end] + (" …" if end < len(source) else ""), ()


def mark(snippet: str, spans: tuple[tuple[int, int], ...], before: str, after: str,
         escape=lambda s: s) -> str:
    """The snippet with each span wrapped (e.g. in ``<b>``…``</b>``); other text through ``escape``."""
    out, last = [], 0
    for start, end in spans:
        out.append(escape(snippet[last:start]))
        out.append(before + escape(snippet[start:end]) + after)
        last = end
    out.append(escape(snippet[last:]))
    return "".join(out)
