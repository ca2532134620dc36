"""Publication-date inference for an article that carries no date.

``infer_published(text) -> 'YYYY-MM-DD' | None``

Method (every answer is a date written in the text, never an invented one):

1. Tag the text with no reference date. A header/dateline stamp (role ``publication``)
   with a full date wins outright.
2. Collect day-precise dates. Full dates (with a year) are taken as they are. Year-less
   dates ("December 1") get the year of the document: the latest year written in a full
   date (or a "Month YYYY" mention); a year-less date more than six months before the
   latest full date in the calendar is moved to the following year (a December story
   that mentions "January 3"). Without any written year, year-less dates are not usable.
3. Events told in the past (or with no tense marker) and that are not deadlines are
   *lower bounds*: the article was written on or after them. Future-tense dates and
   deadlines that are still pending are *upper bounds*.
4. The answer is the latest lower bound that does not contradict an upper bound (a lower
   bound after a pending deadline is dropped as a mis-read tense, unless nothing else is
   left). Weekday names cannot be placed without a reference date and are not used
   (known weakness: "on Wednesday" after the latest written date is ignored).
5. None when there is no day-precise past date at all (only years or months, only future
   dates, or nothing).

For the seed article 004 this returns 2020-11-13 (the embedded tweet is dated
"November 13, 2020"; the deadlines "by November 20"/"by December 1" are still pending;
"on Wednesday" = 2020-11-11 is consistent). For 003 it returns 2020-12-01 ("entered the
Lachin region on December 1", year from "September 27, 2020").
"""
from __future__ import annotations

import datetime as dt
import re

from . import normalize as N

_FULL = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
_NOYEAR = re.compile(r"^XXXX-(\d\d)-(\d\d)")
_YEARISH = re.compile(r"^(\d{4})(?:-(\d\d))?$")


def infer_published(text: str) -> str | None:
    if not isinstance(text, str) or not text.strip():
        return None
    try:
        return _infer(text)
    except Exception:  # inference is best-effort and must never break the pipeline
        return None


def _infer(text: str) -> str | None:
    from .tagger import _tag

    ms = _tag(text, None, None)
    if not ms:
        return None
    for m in ms:
        if m.role == "publication":
            f = _FULL.match(m.value)
            if f and N.safe_date(int(f.group(1)), int(f.group(2)), int(f.group(3))):
                return f"{f.group(1)}-{f.group(2)}-{f.group(3)}"
    # the document year(s)
    full: list[dt.date] = []
    years: list[int] = []
    for m in ms:
        f = _FULL.match(m.value)
        if f:
            d = N.safe_date(int(f.group(1)), int(f.group(2)), int(f.group(3)))
            if d:
                full.append(d)
                years.append(d.year)
            continue
        y = _YEARISH.match(m.value)
        if y and y.group(2):
            years.append(int(y.group(1)))
    latest_full = max(full) if full else None
    doc_year = latest_full.year if latest_full else (max(years) if years else None)
    index = N.sentence_index(text)
    lower: list[tuple[dt.date, str]] = []
    upper: list[dt.date] = []
    for m in ms:
        if m.type not in ("DATE", "TIME"):
            continue
        tense = N.clause_tense(text, m.start, m.end, index)
        d = None
        f = _FULL.match(m.value)
        if f:
            d = N.safe_date(int(f.group(1)), int(f.group(2)), int(f.group(3)))
        else:
            g = _NOYEAR.match(m.value)
            if g and doc_year:
                mon, day = int(g.group(1)), int(g.group(2))
                y = doc_year
                if latest_full and (latest_full.month - mon) > 6:
                    y += 1
                d = N.safe_date(y, mon, day)
        if d is None:
            continue
        if m.role == "deadline" and tense == "past":
            continue  # "had to leave by November 20": neither bound
        if tense == "future" or (m.role == "deadline" and tense != "past"):
            upper.append(d)
        else:
            lower.append((d, tense or ""))
    if not lower:
        return None
    lower.sort()
    cand = lower[-1][0]
    if upper:
        # a past event after a pending deadline is more likely a tense mis-read than news
        # published after the deadline; keep the latest past event inside the bound if any
        bound = min(upper)
        ok = [d for d, _ in lower if d <= bound]
        if ok:
            cand = ok[-1]
    return N.fmt_day(cand)
