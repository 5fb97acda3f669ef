"""About versus mentioned: whether an article is about a topic ("utama") or names it in passing ("disebut").

An editor's question is not "does the word occur" but "is this the story's subject". A topic is
the subject when its strong terms (weight 1) stand in the title, or open the story and come back
later, or keep coming back; a single line ("sejak pandemi", a Menag story linked at the bottom)
makes it mentioned only. Evidence behind a teaser marker ("Baca juga: …") inside a paragraph
is a link to another story and never counts; other subjects that outnumber the topic's own
terms (its rivals: HMPV or mpox beside one "Covid-19") leave it mentioned.
"""

from __future__ import annotations

import logging
import re

logger = logging.getLogger(__name__)

UTAMA, DISEBUT = "utama", "disebut"

# The lead: the characters a reader takes as the story's opening (Indonesian news leads run
# 200-400 characters, dateline included). Chosen with CENTRAL_MENTIONS on the development split
# of the labelled corpus (bench/relevance.py: lead 400/600 × mentions 3/4): 400 and 3 gave the
# best F1 for both topics; 600 let "sejak pandemi" leads through, 4 missed central actors of
# long stories named three times.
LEAD_CHARS = 400
# Separate strong mentions in the body that make a topic the subject even outside the title
# and the lead (a central actor is named again and again).
CENTRAL_MENTIONS = 3
# Characters before a mention searched for a backdrop phrase ("di tengah merebaknya").
BACKDROP_REACH = 40
# A weight below this is weak evidence: it scores, but never makes the subject by itself.
STRONG_WEIGHT = 1.0
# Mentions closer than this (characters between one's end and the next one's start) are one:
# "Institut Agama Islam Negeri (IAIN)", "pandemi Covid-19".
MENTION_GAP = 12
# How far after a teaser marker its linked headline may reach, when the paragraph runs on
# (pasted texts keep "Baca juga: <headline>" inside the paragraph).
TEASER_REACH = 160

# "Baca juga: …", "Simak selengkapnya - …", and Tribun's bare "Baca: …" (the colon is required there:
# "baca" alone is the verb).
TEASER_VERBS = ("baca", "lihat", "simak", "tonton", "cek")
TEASER_WORDS = ("juga", "pula", "selengkapnya")
_TEASER = re.compile(rf"\b(?:(?:{'|'.join(TEASER_VERBS)})\s+(?:{'|'.join(TEASER_WORDS)})\b\s*[:\-–—]?|baca\s*:)",
                     re.I)


def teaser_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of ``text`` that are links to other stories ("Baca juga: <headline>")."""
    spans = []
    for match in _TEASER.finditer(text):
        end = text.find("\n", match.end())
        end = match.end() + TEASER_REACH if end < 0 else min(end, match.end() + TEASER_REACH)
        spans.append((match.start(), end))
    return spans


def in_spans(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


def mention_sites(spans: list[tuple[int, int]]) -> list[int]:
    """The start of each separate mention: matches (start, end) closer than MENTION_GAP are one."""
    sites, last_end = [], -MENTION_GAP - 1
    for start, end in sorted(spans):
        if start - last_end > MENTION_GAP:
            sites.append(start)
        last_end = max(last_end, end)
    return sites


def tier_of(title_strong: int, body_spans: list[tuple[int, int]], rival_mentions: int,
            settings: list[int] = ()) -> str:
    """The tier of a topic that passed its threshold.

    Args:
        title_strong: strong terms of the topic in the title.
        body_spans: (start, end) of the strong terms' matches in the body.
        rival_mentions: mentions of the topic's rivals (other subjects) anywhere.
        settings: starts of body matches that follow a backdrop phrase ("di tengah pandemi"): the
            story's time setting, they count as mentions but never as the lead's.
    """
    body_strong = mention_sites(body_spans)
    own = title_strong + len(body_strong)
    if rival_mentions > own:
        return DISEBUT
    if title_strong:
        return UTAMA
    in_lead = any(offset < LEAD_CHARS and offset not in settings for offset in body_strong)
    if in_lead and len(body_strong) >= 2:
        return UTAMA
    return UTAMA if len(body_strong) >= CENTRAL_MENTIONS else DISEBUT
