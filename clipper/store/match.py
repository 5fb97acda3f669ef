"""A typed query (a Group tree of Terms) and the search filters' facet terms, rendered for each backend:
an FTS5 MATCH expression for SQLite, a tsquery for PostgreSQL. Both match the same articles.

A word also matches its root (textnorm.word_key: the text of the affixed forms, and the
``stems`` the index keeps of them); a prefix matches every word it starts; a phrase matches
consecutive words of one column.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from clipper.textnorm import word_key

logger = logging.getLogger(__name__)

# Facet tokens start with U+E000 (a private-use character): no typed word can hold it
# (clipper.textnorm splits words there), so the user's words never meet a facet.
FACET_MARK = "\ue000"
EVERYTHING = "xa"  # the facet every article has: a listing without words or filters


@dataclass(frozen=True)
class Term:
    """One searchable unit of a typed query: a word, an exact phrase or a prefix."""

    kind: str  # word | phrase | prefix
    pieces: tuple[str, ...]  # folded words, in order

    @property
    def text(self) -> str:
        return " ".join(self.pieces)


@dataclass(frozen=True)
class Group:
    """Items joined by AND (with excluded ones) or by OR.

    The search's query language (clipper.search.query) hands the store this tree, stop words
    already left out; each backend renders it (FTS5 MATCH, PostgreSQL tsquery).
    """

    op: str  # and | or
    items: tuple[Term | Group, ...] = ()
    excluded: tuple[Term | Group, ...] = ()


def facet_token(prefix: str, value: str) -> str:
    """A facet token as the index holds it: its prefix and the hex of the ASCII-lowered value."""
    lowered = "".join(ch.lower() if ch.isascii() else ch for ch in value)
    return f"{FACET_MARK}{prefix}{lowered.encode('utf-8').hex()}"


def _fts_quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def ts_quote(lexeme: str) -> str:
    """A lexeme as a PostgreSQL tsquery/tsvector literal."""
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def _fts_term(term: Term) -> str:
    if term.kind == "word":
        word = term.pieces[0]
        key = word_key(word)
        return _fts_quote(word) if key == word else f"({_fts_quote(word)} OR {_fts_quote(key)})"
    if term.kind == "prefix":
        return f"{_fts_quote(term.text)} *"
    return _fts_quote(term.text)


def _ts_term(term: Term) -> str:
    if term.kind == "word":
        word = term.pieces[0]
        key = word_key(word)
        return ts_quote(word) if key == word else f"({ts_quote(word)} | {ts_quote(key)})"
    pieces = [ts_quote(p) for p in term.pieces]
    if term.kind == "prefix":
        pieces[-1] += ":*"
    return pieces[0] if len(pieces) == 1 else "(" + " <-> ".join(pieces) + ")"


_SYNTAX = {"sqlite": (_fts_term, " AND ", " OR ", " NOT "), "postgresql": (_ts_term, " & ", " | ", " & !")}


def render(node: Term | Group | None, dialect: str) -> str | None:
    """The tree as an FTS5 expression ("sqlite") or a tsquery ("postgresql"); None when empty."""
    if node is None:
        return None
    term, and_, or_, not_ = _SYNTAX[dialect]
    if isinstance(node, Term):
        return term(node)
    parts = [p for p in (render(i, dialect) for i in node.items) if p]
    if node.op == "or":
        return "(" + or_.join(parts) + ")" if parts else None
    if not parts:
        return None
    expr = "(" + and_.join(parts) + ")"
    excluded = [p for p in (render(i, dialect) for i in node.excluded) if p]
    if excluded:
        expr = f"({expr}{not_}({or_.join(excluded)}))"
    return expr


def facet_any(tokens: list[str], dialect: str) -> str:
    """Any of these facet tokens, as a term of the backend's expression."""
    if dialect == "sqlite":
        return "(" + " OR ".join(_fts_quote(t) for t in tokens) + ")"
    return "(" + " | ".join(ts_quote(t) for t in tokens) + ")"


def combine(words: str | None, facets: list[str], dialect: str) -> str:
    """The words and every facet term, all required (a listing of everything without either)."""
    parts = ([words] if words else []) + facets
    if not parts:
        return facet_any([FACET_MARK + EVERYTHING], dialect)
    return (" AND " if dialect == "sqlite" else " & ").join(parts)
