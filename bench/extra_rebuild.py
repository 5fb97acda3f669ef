"""Rebuild the extra development material (../shared/corpus/extra) from mirrors of its source repositories.

Why: the extra pages and Kemenag texts are publisher text, so the repository never holds them. It keeps
only bench/extra_material.jsonl: for each item the source repository, commit and path, and SHA-256
prefixes (16 hex characters) of what we took from it. This script fetches the items again from local
git mirrors and proves, hash by hash, that what it writes is what was annotated (the labels of
bench/labels_extra.jsonl and the gold of the extraction bench point at it).

What it writes under <corpus>/extra (corpus from bench/_corpus.corpus_dir(), or --corpus):
- pages/<name>.html: the page's bytes as committed in the source repository;
- pages/gold/<name>.txt: the gold body text, one paragraph per line. Each line is found in the page by
  its hash (``gold_line_sha256_16``, in order) among the page's visible text pieces: the text between
  two breaks, a break being a <br> or the start or end of a block element (p, div, li, h1-h6, td...),
  whitespace collapsed to one space and stripped (fallbacks: entities unescaped once more, a block's
  whole text). The gold conventions are those of ../shared/corpus/README.md;
- pages/index.jsonl: the index fields the benches read (file, media, url, date, source, gold,
  gold_origin, notes);
- texts/extra.jsonl.gz: id, title, text, media, url, date, source, one JSON object per line. Records
  are read from a Laravel PHP seeder ('key' => 'value' arrays) or an SQL dump (INSERT ... VALUES /
  SELECT), and matched by ``title_sha256_16`` and ``text_sha256_16``: the title as stored, the text
  as plain text (tags dropped, <br> and blocks as breaks, entities unescaped, then all whitespace
  collapsed to one space and stripped; fallbacks keep paragraphs as lines).
Only verified items are written; the gzip carries no timestamp, so a rebuild is byte-for-byte the same.

It prints how many pages and texts were rebuilt and every hash that did not match, and exits 1 if any
did not (2 if a source could not be read). It never writes into the repository.

Run: .venv/bin/python bench/extra_rebuild.py --mirrors /work/.mirror   (<owner>+<name>/repo git dirs)
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import html
import json
import re
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from lxml import html as lxml_html

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import corpus_dir  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent
MATERIAL = Path(__file__).resolve().parent / "extra_material.jsonl"
NOTES = "rebuilt by bench/extra_rebuild.py"
BLOCKS = frozenset({"html", "body", "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4",
                    "h5", "h6", "blockquote", "pre", "td", "th", "tr", "tbody", "thead", "tfoot", "table",
                    "section", "article", "header", "footer", "aside", "main", "nav", "figure", "figcaption",
                    "address", "form", "center", "hr"})
HIDDEN = frozenset({"script", "style", "noscript", "template", "head", "title"})
BODY_FIELDS = ("content", "desc", "body", "text", "isi")


def sha16(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class Mirrors:
    """Blobs of <root>/<owner>+<name>/repo, read with git."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def git_dir(self, repo: str) -> Path:
        return self.root / repo.replace("/", "+") / "repo"

    def blob(self, source: dict) -> bytes:
        git_dir = self.git_dir(source["repo"])
        if not git_dir.is_dir():
            raise LookupError(f"no mirror of {source['repo']} at {git_dir}")
        ref = f"{source['commit']}:{source['path']}"
        done = subprocess.run(["git", "--git-dir", str(git_dir), "cat-file", "blob", ref], capture_output=True)
        if done.returncode:
            raise LookupError(f"{source['repo']} {ref}: {done.stderr.decode(errors='replace').strip()}")
        return done.stdout


# --- pages -------------------------------------------------------------------------------------------

def _tag(element) -> str | None:
    return element.tag.lower() if isinstance(element.tag, str) else None  # None: comment, PI


def text_pieces(root) -> list[str]:
    """The visible text between breaks (<br>, a block element's start or end), in document order."""
    pieces: list[list[str]] = [[]]

    def walk(element) -> None:
        tag = _tag(element)
        if tag == "br":
            pieces.append([])
        elif tag is not None and tag not in HIDDEN:
            if tag in BLOCKS:
                pieces.append([])
            pieces[-1].append(element.text or "")
            for child in element:
                walk(child)
            if tag in BLOCKS:
                pieces.append([])
        if element.tail:
            pieces[-1].append(element.tail)

    walk(root)
    return ["".join(piece) for piece in pieces]


def block_texts(root) -> Iterator[str]:
    """The whole visible text of each block element (breaks inside it ignored)."""
    for element in root.iter(*BLOCKS):
        parts: list[str] = []

        def walk(node, top: bool = False) -> None:
            tag = _tag(node)
            if tag is not None and tag not in HIDDEN:
                parts.append(node.text or "")
                for child in node:
                    walk(child)
            if not top and node.tail:
                parts.append(node.tail)

        walk(element, True)
        yield "".join(parts)


# Normalisations of a page, tried in order until every gold hash has been found.
PAGE_STRATEGIES: list[tuple[str, Callable[[object], Iterable[str]]]] = [
    ("pieces", lambda root: (collapse(t) for t in text_pieces(root))),
    ("pieces, unescaped", lambda root: (collapse(html.unescape(t)) for t in text_pieces(root))),
    ("blocks", lambda root: (collapse(t) for t in block_texts(root))),
    ("blocks, unescaped", lambda root: (collapse(html.unescape(t)) for t in block_texts(root))),
]


def parse_page(data: bytes):
    try:
        return lxml_html.document_fromstring(data.decode("utf-8"))
    except UnicodeDecodeError:
        return lxml_html.document_fromstring(data)  # let libxml2 read the declared encoding


def gold_lines(data: bytes, hashes: list[str]) -> tuple[list[str | None], list[str]]:
    """The gold lines found for ``hashes`` (None where not found) and the strategies that were used."""
    root = parse_page(data)
    found: dict[str, tuple[str, str]] = {}
    for name, strategy in PAGE_STRATEGIES:
        if all(h in found for h in hashes):
            break
        for line in strategy(root):
            if line:
                found.setdefault(sha16(line), (line, name))
    used = sorted({found[h][1] for h in hashes if h in found})
    return [found[h][0] if h in found else None for h in hashes], used


def rebuild_pages(items: list[dict], mirrors: Mirrors, out: Path, problems: list[str], unread: list[str]) -> int:
    (out / "gold").mkdir(parents=True, exist_ok=True)
    index, done = [], 0
    for item in items:
        name = item["id"].removeprefix("extra/")
        try:
            data = mirrors.blob(item["source"])
        except LookupError as error:
            unread.append(f"page {item['id']}: {error}")
            continue
        hashes = item["gold_line_sha256_16"]
        lines, used = gold_lines(data, hashes)
        missing = [f"line {n + 1} {h}" for n, (h, line) in enumerate(zip(hashes, lines, strict=True)) if line is None]
        if missing or len(lines) != item.get("gold_lines", len(lines)):
            problems.append(f"page {item['id']}: no match for " + ", ".join(missing or ["the line count"]))
            continue
        (out / name).write_bytes(data)
        gold = "gold/" + Path(name).with_suffix(".txt").name
        (out / gold).write_text("\n".join(lines) + "\n", encoding="utf-8")
        if used != ["pieces"]:
            print(f"  {item['id']}: gold found with {' + '.join(used)}")
        index.append({"file": name, "media": item["media"], "url": item["url"], "date": item.get("date"),
                      "source": item["source"], "gold": gold, "gold_origin": item.get("gold_origin"),
                      "notes": NOTES})
        done += 1
    (out / "index.jsonl").write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in index),
                                     encoding="utf-8")
    return done


# --- texts -------------------------------------------------------------------------------------------

SQL_STRING = re.compile(r"'((?:[^']|'')*)'")
PHP_VALUE = r"'(?:[^'\\]|\\.)*'|NULL|null|true|false|-?\d+(?:\.\d+)?"


def php_records(source: str) -> Iterator[dict]:
    """The records of a Laravel seeder: each ``N => array ('key' => value, ...)``."""
    for chunk in re.split(r"\n\s*\d+\s*=>\s*\n?\s*array\s*\(", source)[1:]:
        record = {}
        for key, value in re.findall(rf"'(\w+)'\s*=>\s*({PHP_VALUE})", chunk, re.S):
            if value.startswith("'"):
                record.setdefault(key, re.sub(r"\\([\\'])", r"\1", value[1:-1]))
            else:
                record.setdefault(key, None if value.lower() == "null" else value)
        if record:
            yield record


def sql_values(text: str, start: int, count: int) -> list[str | None]:
    """``count`` comma-separated SQL values from ``start`` ('' quoting, NULL, bare words, calls)."""
    values: list[str | None] = []
    pos = start
    while len(values) < count and pos < len(text):
        while pos < len(text) and text[pos] in " \t\r\n(,":
            pos += 1
        if text.startswith("'", pos):
            match = SQL_STRING.match(text, pos)
            if match is None:
                break  # an unterminated string: the statement is cut off
            values.append(match.group(1).replace("''", "'"))
            pos = match.end()
            continue
        depth, begin = 0, pos
        while pos < len(text) and not (depth == 0 and text[pos] in ",\n") and not (depth == 0 and text[pos] == ")"):
            depth += {"(": 1, ")": -1}.get(text[pos], 0)
            pos += 1
        word = text[begin:pos].strip()
        values.append(None if word.upper() == "NULL" else word)
    return values


def sql_records(source: str) -> Iterator[dict]:
    """The rows of ``INSERT INTO t (cols) VALUES (...)`` or ``... SELECT v1, v2 ...`` (one row each)."""
    for match in re.finditer(r"INSERT INTO\s+[\w\".]+\s*\(([^)]*)\)\s*(VALUES|SELECT)\s", source, re.I):
        columns = [c.strip().strip('"`') for c in match.group(1).split(",")]
        yield dict(zip(columns, sql_values(source, match.end(), len(columns)), strict=False))


def html_to_text(markup: str) -> str:
    """Tags to text, <br> and blocks to line breaks, entities unescaped; lines stripped, blank ones dropped."""
    if "<" in markup:
        root = lxml_html.fragment_fromstring(markup, create_parent="div")
        text = "\n".join(text_pieces(root))
    else:
        text = html.unescape(markup)
    return "\n".join(line for line in (collapse(line) for line in text.splitlines()) if line)


# Normalisations of a stored body, tried in order; the first is how the texts were annotated.
TEXT_STRATEGIES: list[tuple[str, Callable[[str], str]]] = [
    ("plain text, one line", lambda body: collapse(html_to_text(body))),
    ("plain text, paragraphs as lines", html_to_text),
    ("plain text, blank line between paragraphs", lambda body: html_to_text(body).replace("\n", "\n\n")),
    ("as stored", lambda body: body),
    ("as stored, stripped", lambda body: body.strip()),
]


def source_records(path: str, data: bytes) -> Iterator[dict]:
    source = data.decode("utf-8", "replace")
    yield from (php_records(source) if path.endswith(".php") else sql_records(source))


def rebuild_texts(items: list[dict], mirrors: Mirrors, out: Path, problems: list[str], unread: list[str]) -> int:
    wanted = {(i["title_sha256_16"], i["text_sha256_16"]): i for i in items}
    found: dict[str, tuple[str, str]] = {}
    sources = {(i["source"]["repo"], i["source"]["commit"], i["source"]["path"]): i["source"] for i in items}
    for key, source in sources.items():
        try:
            data = mirrors.blob(source)
        except LookupError as error:
            unread.append(f"texts from {key[0]} {key[2]}: {error}")
            continue
        for record in source_records(source["path"], data):
            title = (record.get("title") or "").strip()
            body = next((record[f] for f in BODY_FIELDS if record.get(f)), "")
            for name, strategy in TEXT_STRATEGIES:
                text = strategy(body)
                item = wanted.get((sha16(title), sha16(text)))
                if item is not None and item["source"] == source:
                    found.setdefault(item["id"], (title, text))
                    if name != TEXT_STRATEGIES[0][0]:
                        print(f"  {item['id']}: text found as {name}")
                    break
    rows = []
    for item in items:
        if item["id"] not in found:
            problems.append(f"text {item['id']}: no record with title {item['title_sha256_16']} "
                            f"and text {item['text_sha256_16']}")
            continue
        title, text = found[item["id"]]
        rows.append({"id": item["id"], "title": title, "text": text, "media": item.get("media"),
                     "url": item.get("url"), "date": item.get("date"), "source": item["source"]})
    out.mkdir(parents=True, exist_ok=True)
    payload = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")
    with open(out / "extra.jsonl.gz", "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as packed:
        packed.write(payload)  # no name, no timestamp: the same material gives the same bytes
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirrors", type=Path, required=True, help="folder of <owner>+<name>/repo git dirs")
    parser.add_argument("--corpus", type=Path, default=None, help="corpus folder (default: bench/_corpus.corpus_dir())")
    parser.add_argument("--material", type=Path, default=MATERIAL, help="the annotations (bench/extra_material.jsonl)")
    args = parser.parse_args(argv)
    out = (args.corpus or corpus_dir()).resolve() / "extra"
    if REPO_ROOT in (out, *out.parents) or any((folder / ".git").exists() for folder in (out, *out.parents)):
        print(f"refusing to write publisher text into a git checkout ({out})", file=sys.stderr)
        return 2
    items = [json.loads(line) for line in args.material.read_text(encoding="utf-8").splitlines() if line.strip()]
    pages = [i for i in items if i["kind"] == "page"]
    texts = [i for i in items if i["kind"] == "text"]
    mirrors = Mirrors(args.mirrors)
    problems: list[str] = []  # hashes not matched
    unread: list[str] = []  # sources that could not be read
    n_pages = rebuild_pages(pages, mirrors, out / "pages", problems, unread)
    n_texts = rebuild_texts(texts, mirrors, out / "texts", problems, unread)
    print(f"{out}: {n_pages}/{len(pages)} pages ({sum(len(p['gold_line_sha256_16']) for p in pages)} gold lines), "
          f"{n_texts}/{len(texts)} texts rebuilt and verified")
    for problem in unread:
        print("  not read:", problem)
    for problem in problems:
        print("  not matched:", problem)
    return 2 if unread else 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
