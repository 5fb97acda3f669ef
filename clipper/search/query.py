"""What an archivist types, made into a query tree the store renders for its backend (any input, never an SQL error)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from clipper.errors import ClipperError
from clipper.store.match import Group, Term
from clipper.textnorm import fold, tokenize, word_key

logger = logging.getLogger(__name__)

# Typed words need no column filter (filters cost 2-3x when counting at 1M articles): they
# match title, text, summary, tags, media and `stems` (the roots of affixed words); the
# filter tokens of `facets` start with a character no typed word can hold.
MAX_QUERY_CHARS = 500
MAX_TERMS = 24
# Parentheses inside parentheses: two or three levels say all an archivist means; each level
# costs the FTS5 parser stack (99 levels overflowed it) and this parser a recursion.
MAX_NESTING = 10
# A prefix shorter than this expands to thousands of index terms (seconds at 1M articles);
# it is searched as a whole word instead.
MIN_PREFIX = 3
# Words found in nearly every Indonesian article. Beside other words they are dropped (they
# narrow nothing, and ranking a term found in 99% of a million documents by bm25 took 1.1 s);
# a query made only of them still runs, ordered by date.
STOP_WORDS = frozenset("""
yang dan di ke dari ini itu untuk dengan pada dalam tidak akan adalah juga atau oleh karena
sebagai bahwa ada para telah sudah bisa dapat lebih saat agar serta namun tersebut mereka kami
kita ia dia pun the of and in to a
""".split())
OPERATORS = ("AND", "OR", "NOT")

_TOKEN_RE = re.compile(r'"(?P<phrase>[^"]*)"?|(?P<paren>[()])|(?P<bare>[^\s"()]+)')


class QueryError(ClipperError):
    """The query cannot be searched as typed; the message says why (in Indonesian)."""


@dataclass(frozen=True)
class ParsedQuery:
    """A typed query: its tree (for the store) and what to highlight in the results."""

    text: str
    tree: Term | Group | None  # stop words left out; None: no words (a filter-only listing)
    words: frozenset[str] = frozenset()  # folded words to highlight
    keys: frozenset[str] = frozenset()  # their roots (a word with the same root is a hit)
    prefixes: tuple[str, ...] = ()
    phrases: tuple[tuple[tuple[str, ...], bool], ...] = ()  # (pieces, last piece is a prefix)
    ignored: tuple[str, ...] = ()  # stop words left out
    only_stop_words: bool = False  # every word is a stop word: ranked by date, not bm25
    notes: tuple[str, ...] = field(default=())


def _lex(text: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    for match in _TOKEN_RE.finditer(text):
        if match.group("phrase") is not None:
            tokens.append(("phrase", match.group("phrase")))
        elif match.group("paren"):
            tokens.append((match.group("paren"), match.group("paren")))
        else:
            bare = match.group("bare")
            if bare in OPERATORS:
                tokens.append((bare, bare))
            elif bare.startswith("-") and len(bare) > 1 and tokenize(bare[1:]):
                tokens.append(("NOT", "-"))
                tokens.append(("bare", bare[1:]))
            else:
                tokens.append(("bare", bare))
    return tokens


def _term(kind: str, raw: str, notes: list[str]) -> Term | None:
    pieces = tuple(fold(raw[s:e]) for s, e, _ in tokenize(raw))
    if not pieces:
        return None
    if kind == "bare":
        if raw.endswith("*"):
            if len(pieces[-1]) >= MIN_PREFIX:
                return Term("prefix", pieces)
            notes.append(f"awalan '{raw}' terlalu pendek (minimal {MIN_PREFIX} huruf); dicari sebagai kata utuh")
        kind = "word" if len(pieces) == 1 else "phrase"
    return Term(kind, pieces)


class _Parser:
    """Recursive descent that forgives: dangling operators and parentheses are dropped."""

    def __init__(self, tokens: list[tuple[str, str]], notes: list[str]):
        self.tokens = tokens
        self.pos = 0
        self.notes = notes
        self.depth = 0

    def peek(self) -> str | None:
        return self.tokens[self.pos][0] if self.pos < len(self.tokens) else None

    def parse(self) -> Group:
        group = self.parse_or()
        while self.pos < len(self.tokens):  # a stray ")" ends nothing: skip it and go on
            self.pos += 1
            rest = self.parse_or()
            group = Group("and", (group, rest))
        return group

    def parse_or(self) -> Group:
        items = [self.parse_and()]
        while self.peek() == "OR":
            self.pos += 1
            items.append(self.parse_and())
        items = [i for i in items if i.items or i.excluded]
        if len(items) <= 1:
            return items[0] if items else Group("and")
        return Group("or", tuple(items))

    def parse_and(self) -> Group:
        items: list[Term | Group] = []
        excluded: list[Term | Group] = []
        while self.peek() not in (None, ")", "OR"):
            kind = self.peek()
            if kind == "AND":
                self.pos += 1
                continue
            negate = kind == "NOT"
            if negate:
                self.pos += 1
                if self.peek() in (None, ")", "OR", "AND", "NOT"):
                    continue
            item = self.parse_primary()
            if item is not None:
                (excluded if negate else items).append(item)
        return Group("and", tuple(items), tuple(excluded))

    def parse_primary(self) -> Term | Group | None:
        kind, value = self.tokens[self.pos]
        self.pos += 1
        if kind == "(":
            self.depth += 1
            if self.depth > MAX_NESTING:
                raise QueryError(f"Kurung bersarang terlalu dalam (paling banyak {MAX_NESTING} tingkat).")
            group = self.parse_or()
            self.depth -= 1
            if self.peek() == ")":
                self.pos += 1
            return group if group.items or group.excluded else None
        return _term("phrase" if kind == "phrase" else "bare", value, self.notes)


def _is_stop(item: Term | Group) -> bool:
    return isinstance(item, Term) and item.kind == "word" and item.pieces[0] in STOP_WORDS


class _Pruner:
    """The tree without stop words beside other words; collects the terms to highlight."""

    def __init__(self) -> None:
        self.terms: list[Term] = []
        self.ignored: list[str] = []

    def prune(self, node: Term | Group, positive: bool = True) -> Term | Group | None:
        if isinstance(node, Term):
            if positive:
                self.terms.append(node)
            return node
        items = list(node.items)
        if node.op == "and" and any(not _is_stop(i) for i in items):
            self.ignored += [i.pieces[0] for i in items if _is_stop(i)]
            items = [i for i in items if not _is_stop(i)]
        kept = tuple(p for p in (self.prune(i, positive) for i in items) if p is not None)
        if node.op == "or":
            return Group("or", kept) if kept else None
        excluded = tuple(p for p in (self.prune(i, False) for i in node.excluded) if p is not None)
        if not kept:
            if excluded:
                raise QueryError("Kata pengecualian (NOT atau tanda minus) perlu setidaknya satu kata lain "
                                 "yang dicari.")
            return None
        return Group("and", kept, excluded)


def _count_terms(node: Term | Group) -> int:
    if isinstance(node, Term):
        return 1
    return sum(_count_terms(i) for i in node.items + node.excluded)


def parse_query(text: str) -> ParsedQuery:
    """Turn typed words into a query tree over the plain and stemmed words.

    Quoted text is an exact phrase; AND, OR, NOT (upper case) and a leading minus work as
    operators; a trailing * searches a prefix; any other character is punctuation. A word
    also finds the words with the same root ("penelitian" finds "meneliti").

    Args:
        text: whatever the archivist typed.

    Returns:
        The parsed query; ``tree`` is None when it holds no words.

    Raises:
        QueryError: too long, nested too deep, too many words, or only excluded words.
    """
    text = text or ""
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"Kueri terlalu panjang ({len(text)} karakter; paling banyak {MAX_QUERY_CHARS}).")
    notes: list[str] = []
    tokens = _lex(text)
    tree = _Parser(tokens, notes).parse()
    if not tree.items and not tree.excluded and any(k in OPERATORS for k, _ in tokens):
        # Only operators ("AND", "OR OR"): the archivist means the words themselves.
        tree = _Parser([("bare", v) if k in OPERATORS else (k, v) for k, v in tokens], notes).parse()
    if _count_terms(tree) > MAX_TERMS:
        raise QueryError(f"Terlalu banyak kata dalam kueri (paling banyak {MAX_TERMS}).")
    pruner = _Pruner()
    pruned = pruner.prune(tree)
    if pruner.ignored:
        notes.append("kata umum diabaikan: " + ", ".join(dict.fromkeys(pruner.ignored)))
    terms = pruner.terms
    words = frozenset(t.pieces[0] for t in terms if t.kind == "word")
    return ParsedQuery(
        text=text, tree=pruned, words=words, keys=frozenset(word_key(w) for w in words),
        prefixes=tuple(t.pieces[0] for t in terms if t.kind == "prefix" and len(t.pieces) == 1),
        phrases=tuple((t.pieces, t.kind == "prefix") for t in terms
                      if len(t.pieces) > 1 or t.kind == "phrase"),
        ignored=tuple(dict.fromkeys(pruner.ignored)), notes=tuple(notes),
        only_stop_words=bool(terms) and all(t.kind == "word" and t.pieces[0] in STOP_WORDS for t in terms),
    )
