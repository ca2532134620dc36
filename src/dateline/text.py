"""How a source sentence is shown, and whether it reads as a report: shared by the stages.

``summary_text(quote)`` is a sentence as a summary shows it (the quote itself stays verbatim
in the sources); ``is_chatter(text)`` says it is a reader comment or an aside rather than a
report. Linking (an event's summary), the timeline (TLS summaries), the queries and the
exports all show sentences this way, so it lives here rather than in one stage's module. The
patterns are English data (lang/en/timeline.py).
"""
from __future__ import annotations

import re

from .lang.en import timeline as en
from .sentences import DATELINE

__all__ = ["summary_text", "is_chatter"]

_STAMP = re.compile(en.STAMP)
_UPDATED = re.compile(en.UPDATED, re.I)
_ASIDE = re.compile(en.ASIDE)
_CHRON_PREFIX = re.compile(en.CHRON_PREFIX)
_LIVE_UPDATE = re.compile(en.LIVE_UPDATE)
_BRACKET = re.compile(en.BRACKET)
_QUOTED = re.compile(en.QUOTED)
_CHAT = re.compile(en.CHATTER)


def is_chatter(text: str) -> bool:
    """A reader comment or a columnist's aside rather than a report: a question, an
    exclamation or the first/second person outside quotation marks ("If you want to vote for
    him , please leave the country before November 4th ." in a blog's comment thread)."""
    return bool(_CHAT.search(_QUOTED.sub(" ", text)))


def _strip_live_update(t: str) -> str:
    m = _LIVE_UPDATE.match(t)
    if not m:
        return t
    depth = 1
    for b in _BRACKET.finditer(t, m.end()):
        depth += 1 if b.group() in en.OPENING_BRACKETS else -1
        if depth == 0:
            rest = t[b.end():].lstrip(" :-")
            return rest if len(rest.split()) >= 3 else t
        if b.start() - m.end() > 120:
            break
    return t


def summary_text(quote: str, asides: bool = True, page_stamp: bool | None = None,
                 elide: bool = False) -> str:
    """A sentence as it should read in a summary: without a leading dateline/time stamp and,
    unless ``asides``, without bracketed asides (the quote itself stays verbatim in the
    sources). Selection compares sentences as written; dropping the asides from the shown text
    raised T17 AR-2 0.041 -> 0.043 with the same sentences chosen.

    ``elide``: mark every cut with "[…]", for text shown in quotation marks (the digest):
    what stands between quotation marks must be the source's words, with its elisions
    visible ("is introduced at 00:00 hours […] on 10 November 2020", not a sentence the
    source never wrote)."""
    t = " ".join(quote.split())
    # a page's own update stamp ("Last updated at 06:50 GMT") is dropped from what is shown
    # (``page_stamp``; by default with the asides): selection sees such sentences as the page
    # furniture they are (T17 AR-2 -0.0001 when selection saw them without)
    drop = (not asides) if page_stamp is None else page_stamp
    t2 = _strip_live_update(_UPDATED.sub("", t, count=1)) if drop else t
    t2 = _STAMP.sub("", t2, count=1)
    t2 = DATELINE.sub("", t2, count=1)
    if not asides:
        t2 = _ASIDE.sub(" […]" if elide else "", t2).strip()
        # a chronology line's own date ("Feb. 26 - ") repeats the day it is shown under
        t3 = _CHRON_PREFIX.sub("", t2, count=1)
        t2 = t3 if len(t3.split()) >= 3 else t2
    out = t2 if len(t2.split()) >= 3 else t
    if elide and out != t and not t.startswith(out[:20]) and not out.startswith("[…]"):
        out = "[…] " + out   # the head (a dateline, a stamp, a chronology's date) was cut
    return out
