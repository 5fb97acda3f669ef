"""How sure the extraction is: "ok", or "doubtful" with the reason an editor reads in the queue.

A doubtful article is kept and queued like the others, with a badge: the editor opens it,
checks the text against the page and corrects it if needed. The reasons:

- no article text at all (a script-only page, a video page without caption);
- a short text for an article (a lead, or a teaser of a paywalled story);
- a teaser or paywall page ("konten khusus pelanggan", "baca selengkapnya di …");
- what looks like a list of headlines rather than a story (short title-like lines);
- boilerplate markers left inside paragraphs ("Baca juga", "ADVERTISEMENT", "©");
- a further page of a multi-page article that could not be fetched (set by the harvest).
"""

from __future__ import annotations

import logging
import re

from clipper.models import ARTICLE, EMPTY

logger = logging.getLogger(__name__)

OK, DOUBTFUL = "ok", "doubtful"
# An article under this many characters is a lead or a teaser (real Indonesian news runs
# 1,500-5,000; the shortest flashes of ANTARA and detik ~350).
SHORT_CHARS = 350
# More than this share of the lines looking like headlines (short, no sentence end) is a list.
HEADLINE_LINES_SHARE = 0.5
HEADLINE_LINE_CHARS = 110
MIN_LINES_FOR_LIST = 4

_PAYWALL = re.compile(
    r"(?:konten|artikel|berita)\s+(?:ini\s+)?(?:khusus|hanya\s+untuk)\s+(?:pelanggan|member|anggota|premium)"
    r"|berlangganan\s+untuk\s+(?:membaca|melanjutkan)|login\s+untuk\s+(?:membaca|melanjutkan)"
    r"|masuk\s+untuk\s+membaca|baca\s+(?:selengkapnya|artikel\s+lengkapnya)\s+di\b|subscribe\s+to\s+(?:read|continue)"
    r"|anda\s+telah\s+mencapai\s+batas|konten\s+premium",
    re.I,
)
_LEFTOVER = re.compile(r"\b(?:baca juga|lihat juga|simak juga|advertisement|scroll to continue|ikuti (?:kami|berita)"
                       r"|klik di sini|copyright)\b|©", re.I)
# Words every match of the patterns above contains: a plain substring test first (the
# case-insensitive patterns cost ~0.5 ms over a 5,000-character text).
_PAYWALL_WORDS = ("pelanggan", "member", "anggota", "premium", "berlangganan", "login", "masuk untuk",
                  "selengkapnya", "lengkapnya", "subscribe", "batas")
_LEFTOVER_WORDS = ("baca juga", "lihat juga", "simak juga", "advertisement", "scroll to continue", "ikuti",
                   "klik di sini", "copyright", "©")
_SENTENCE_END = re.compile(r"[.!?\"”'’:;)]\s*$")


def assess(text: str, kind: str, *, reason: str | None = None) -> tuple[str, str | None]:
    """(confidence, reason) of an extracted text of this kind (``reason``: why it has none)."""
    if kind == EMPTY:
        return DOUBTFUL, reason or "tidak ada teks artikel"
    low = text.lower()
    paywall = _PAYWALL.search(text) if any(word in low for word in _PAYWALL_WORDS) else None
    if paywall:
        return DOUBTFUL, f"halaman berbayar atau cuplikan (\u201c{paywall.group(0)}\u201d)"
    if kind == ARTICLE and len(text) < SHORT_CHARS:
        return DOUBTFUL, f"teks terlalu pendek ({len(text)} karakter)"
    lines = [line for line in text.split("\n") if line.strip()]
    headlines = sum(1 for line in lines if len(line) <= HEADLINE_LINE_CHARS and not _SENTENCE_END.search(line))
    if len(lines) >= MIN_LINES_FOR_LIST and headlines > HEADLINE_LINES_SHARE * len(lines):
        return DOUBTFUL, "banyak baris pendek seperti judul (mungkin daftar berita atau menu)"
    leftover = _LEFTOVER.search(text) if any(word in low for word in _LEFTOVER_WORDS) else None
    if leftover:
        return DOUBTFUL, f"penanda boilerplate tersisa (\u201c{leftover.group(0)}\u201d)"
    return OK, None
