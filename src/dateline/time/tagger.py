"""Rule-based temporal tagger: finds temporal expressions and normalises them to TIMEX3 values.

``tag(text, ref=None, lang=None) -> list[TimeMention]``

Design
------
* A fixed set of regular expressions (compiled once at import) proposes candidate spans.
  Overlaps are resolved longest-first, so "00:00 hours (Moscow time) on 10 November 2020"
  beats "10 November 2020", and "the past two months" beats "the past".
* Speed: one pass finds *anchors* (month and weekday names, unit words, "now", "today" ...,
  year-like and clock-like digit runs); each pattern then runs only in small windows around
  its own anchors (declared with the rule, see ``lang/en/time_rules.py``), never over the
  whole text. Clause tense is computed lazily, per expression that needs it, from a local
  scan of its sentence.
  About 1 ms for a 700-word news article (``benchmarks/time_speed.py``).
* The surviving candidates are normalised left to right, so narrative-relative expressions
  ("two days later", "the following day", "a year earlier") can use the temporal focus
  (the previous day- or quarter-precise value in the text).
* Deictic and underspecified expressions are anchored on ``ref`` (the publication date) and
  on the tense of their clause (see ``normalize.clause_tense``): in a report dated Tuesday
  2020-11-24, "began deploying on Wednesday" is 2020-11-18 and "will meet on Wednesday"
  is 2020-11-25. With no ``ref`` the tagger anchors on the publication date that
  ``pubdate.infer_published`` can support from the text itself; failing that it emits
  X-filled values (``XXXX-12-01``, ``XXXX-WXX-3``) rather than guessing.
* Adjacent pieces are merged: a clock time and a date become one TIME
  ("00:00 hours (Moscow time) on 10 November 2020" -> 2020-11-10T00:00+03:00 as ONE span;
  "3 December 2020 12:23 (UTC+04:00)" likewise), and "the night of December 1" becomes
  2020-12-01TNI.
* Roles: ``deadline`` after by/until/till/no later than/before/deadline of/до;
  ``range_start``/``range_end`` for "between X and/- Y", "from X to/until Y", "X - Y",
  "с X по Y"; ``publication`` for a date standing alone on one of the first lines of the
  article or forming a dateline ("BAKU, Azerbaijan, Dec. 3").

Span conventions follow TimeBank: prepositions ("on", "in", "for", "by") are excluded,
modifiers are included ("last week", "early next year", "nearly three decades",
"the past two months", "the third quarter"). Time-zone offsets are kept in the value
(Moscow time -> +03:00, "(UTC+04:00)" -> +04:00, EST -> -05:00).
"""
from __future__ import annotations

import datetime as dt
import re

from dateline.model import TimeMention
from dateline.settings import SETTINGS

from . import normalize as N

_FLAGS = re.I

# ------------------------------------------------------------------ lexicon

# the words live in the language layer (lang/<code>/calendar.py, time_words.py); the
# tagger reads both languages' tables as one lookup
from dateline.lang.en import calendar as _en_cal, time_words as _en_tw  # noqa: E402
from dateline.lang.ru import calendar as _ru_cal, time_words as _ru_tw  # noqa: E402

_MONTHS = _en_cal.MONTHS
# tried in month order ("март" before "ма", which also begins "мая")
_RU_MONTHS = {stem: i for i, stem in enumerate(_ru_cal.MONTH_STEMS, 1)}
_WEEKDAYS = _en_cal.WEEKDAYS
_RU_WEEKDAYS = _ru_cal.WEEKDAYS
_POD = {**_en_tw.PARTS_OF_DAY, **_ru_tw.PARTS_OF_DAY}
_UNIT = _en_tw.UNITS
_SEASON = _en_tw.SEASONS
_ORD = _en_tw.ORDINALS
_ZONES = {**_en_tw.ZONES, **_ru_tw.ZONES}

# ------------------------------------------------------------------ rules

# the rules themselves are declarations in lang/<code>/time_rules.py, compiled by .rules
from .rules import RULES as _RULES, DIGIT_KINDS as _DIGIT_KINDS  # noqa: E402
from dateline.lang.en import time_rules as _en_rules  # noqa: E402

_HAS_CYR = re.compile(r"[а-яё]", re.I)
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|\S+\.(?:com|az|ru|org|net|html?)\b\S*", re.I)
_URL_CUE = re.compile(r"://|www\.|@|\.(?:com|az|ru|org|net|htm)", re.I)
_NONSPACE_END = re.compile(r"\s|$")


def _url_spans(text: str) -> list[tuple[int, int]]:
    """Spans of _URL matches. A match never crosses whitespace, so _URL only runs on the
    whitespace-delimited runs that contain a cue (scanning the whole text with _URL costs
    ~0.1 us per character)."""
    out: list[tuple[int, int]] = []
    done = -1
    for c in _URL_CUE.finditer(text):
        if c.start() < done:
            continue
        s = max(text.rfind(" ", 0, c.start()), text.rfind("\n", 0, c.start()),
                text.rfind("\t", 0, c.start())) + 1
        # other whitespace (\r, NBSP ...) between s and the cue
        while True:
            w = _WS_ANY.search(text, s, c.start())
            if not w:
                break
            s = w.end()
        e = _NONSPACE_END.search(text, c.end()).start()
        out.extend(m.span() for m in _URL.finditer(text, s, e))
        done = e
    return out


_WS_ANY = re.compile(r"\s+")


# ------------------------------------------------------------------ context

class _Ctx:
    __slots__ = ("text", "ref", "focus_day", "focus_q", "focus_year", "_tense", "_index", "_live",
                 "_night", "_stamps")

    def __init__(self, text: str, ref: dt.date | None):
        self.text = text
        self.ref = ref
        self.focus_day: dt.date | None = None
        self.focus_q: tuple[int, int, int] | None = None  # (year, quarter, position)
        # the year of the last date mentioned when it was coarser than a day (else None):
        # "Sadat signed in 1979. Six years later, ..." counts from 1979, not from today
        self.focus_year: int | None = None
        self._tense: dict = {}
        self._index: list[int] | None = None
        self._live: bool | None = None   # see _is_live_page
        self._night: list[tuple[int, int]] | None = None   # see weekday_ref
        self._stamps: list[tuple[int, int, dt.date]] | None = None   # see entry_day

    def weekday_ref(self, s: int) -> dt.date | None:
        """The day a weekday at ``s`` is resolved against: the report's day, or the day
        after it inside a live entry stamped after midnight local time (see
        lang.en.time_words.NIGHT_STAMP) -- to the end of the entry's line."""
        if self.ref is None:
            return None
        if self._night is None:
            self._night = []
            for m in _NIGHT_STAMP.finditer(self.text):
                wd = m["wd"] or m["wd2"]
                if wd and _wd_num(wd) != self.ref.weekday():
                    continue   # the American clock is not on the report's day
                end = self.text.find("\n", m.end())
                self._night.append((m.start(), len(self.text) if end < 0 else end))
        if any(a <= s < b for a, b in self._night):
            return N.add_days(self.ref, 1) or self.ref
        return self.entry_day(s)

    def entry_day(self, s: int) -> dt.date | None:
        """The report's day, or the day of the entry stamp (lang.en.time_words.ENTRY_STAMP)
        that opens the line ``s`` is on: one entry of a page gathering several."""
        if self.ref is None:
            return None
        if self._stamps is None:
            self._stamps = []
            for m in _ENTRY_STAMP.finditer(self.text):
                mon = _mon(m["mon"] or m["mon2"])
                try:
                    d = dt.date(int(m["year"] or m["year2"]), mon, int(m["day"] or m["day2"]))
                except (TypeError, ValueError):
                    continue
                if _ENTRY_STAMP_NOT_AFTER.search(self.text, max(0, m.start() - 8), m.start()):
                    continue
                if d == self.ref or abs((d - self.ref).days) > SETTINGS.time.ENTRY_STAMP_MAX_DAYS:
                    continue   # the page's own day, or a date too far off to be its entry
                end = self.text.find("\n", m.end())
                self._stamps.append((m.end(), len(self.text) if end < 0 else end, d))
        for a, b, d in self._stamps:
            if a <= s < b:
                return d
        return self.ref

    def tense(self, s: int, e: int) -> str | None:
        k = (s, e)
        if k not in self._tense:
            # a call scans ~800 characters around the expression; a sentence index of the
            # whole text pays off only once the calls would scan more than the text
            if self._index is None and len(self._tense) * 800 > len(self.text):
                self._index = N.sentence_index(self.text)
            self._tense[k] = N.clause_tense(self.text, s, e, self._index)
        return self._tense[k]


def _mon(tok: str) -> int | None:
    t = tok.lower().rstrip(".")
    if t in _MONTHS:
        return _MONTHS[t]
    for stem, v in _RU_MONTHS.items():
        if t.startswith(stem):
            if stem == "ма" and not re.match(r"ма[йяе]$", t):
                continue
            if stem == "март" and False:
                pass
            return v
    return None


def _day(tok: str) -> int:
    return int(re.match(r"\d+", tok).group(0))


def _year_from(m, ctx: _Ctx, mon: int, day: int | None, s: int, e: int, wd: int | None = None,
               rel: str | None = None) -> str:
    """YYYY for an underspecified month[/day], or XXXX without ref."""
    if ctx.ref is None:
        return "XXXX"
    ref = ctx.ref
    if rel:
        r = rel.split()[-1].lower()
        if r in ("last", "past"):
            return f"{ref.year if mon < ref.month else ref.year - 1:04d}"
        if r in ("next", "coming"):
            return f"{ref.year if mon > ref.month else ref.year + 1:04d}"
        if r == "this":
            return f"{ref.year:04d}"
    tense = ctx.tense(s, e)
    if tense == "past" and _DEADLINE_PRE.search(ctx.text[max(0, s - 30):s]):
        tense = None  # "had to leave by December 1": the deadline may still be ahead
    return f"{N.pick_year(mon, day, ref, tense, wd):04d}"


# ------------------------------------------------------------------ handlers
# each returns (value, type) or None; may return (value, type, start, end) to narrow the span

def _h_iso(m, ctx, s, e):
    y, mo, d = int(m["year"]), int(m["mon"]), int(m["day"])
    if not N.safe_date(y, mo, d):
        return None
    v = f"{y:04d}-{mo:02d}-{d:02d}"
    if m["hh"]:
        off = m["off"] or ""
        if off and off != "Z" and ":" not in off:
            off = off[:3] + ":" + off[3:]
        return v + f"T{m['hh']}:{m['mm']}" + (f":{m['ss']}" if m["ss"] else "") + off, "TIME"
    return v, "DATE"


def _h_numdate(m, ctx, s, e):
    a, b, y = int(m["a"]), int(m["b"]), int(m["year"])
    if m["sep"] == "/" and a <= 12:
        mo, d = a, b          # US m/d/y
    else:
        d, mo = a, b          # European d.m.y (or d/m/y when the first part cannot be a month)
    if not N.safe_date(y, mo, d):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}", "DATE"


def _wd_num(tok: str | None) -> int | None:
    if not tok:
        return None
    return _WEEKDAYS.get(tok.lower().rstrip("."))


def _h_md(m, ctx, s, e):
    mon = _mon(m["mon"])
    if mon is None:
        return None
    d = _day(m["day"])
    wd = _wd_num(m["wd"])
    if m["year"]:
        y = m["year"]
    elif m["yrel"]:
        off = {"this": 0, "next": 1, "last": -1}[m["yrel"].lower()]
        y = f"{ctx.ref.year + off:04d}" if ctx.ref else "XXXX"
    else:
        y = _year_from(m, ctx, mon, d, s, e, wd)
    if y != "XXXX" and not N.safe_date(int(y), mon, d):
        return None
    if y == "XXXX" and d > [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mon - 1]:
        return None
    return f"{y}-{mon:02d}-{d:02d}", "DATE"


def _spelled_year(tok: str) -> str | None:
    w = re.split(r"[\s-]+", tok.lower())
    head = {"nineteen": 19, "eighteen": 18}.get(w[0])
    n = N.parse_number(" ".join(w[1:]))
    if head is None or not isinstance(n, int) or n > 99:
        return None
    return f"{head * 100 + n:04d}"


def _year_group(m) -> str | None:
    if m["year"]:
        return m["year"]
    if "syear" in m.re.groupindex and m["syear"]:
        return _spelled_year(m["syear"])
    return None


def _h_my(m, ctx, s, e):
    mon = _mon(m["mon"])
    y = _year_group(m)
    if mon is None or y is None:
        return None
    return f"{y}-{mon:02d}", "DATE"


def _h_myrel(m, ctx, s, e):
    mon = _mon(m["mon"])
    if mon is None:
        return None
    off = {"this": 0, "next": 1, "last": -1, "the following": 1, "the previous": -1}.get(
        re.sub(r"\s+", " ", m["rel"].lower()), 0)
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    if rel in ("that", "the same"):
        # anaphoric: the year of the last date mentioned ("in January 2010 ... in June of
        # that year" -> 2010-06), else of the report
        y = ctx.focus_year or (ctx.focus_day.year if ctx.focus_day else None) or \
            (ctx.ref.year if ctx.ref else None)
        return (f"{y:04d}-{mon:02d}" if y else f"XXXX-{mon:02d}"), "DATE"
    if ctx.ref is None:
        return f"XXXX-{mon:02d}", "DATE"
    return f"{ctx.ref.year + off:04d}-{mon:02d}", "DATE"


def _h_mon(m, ctx, s, e):
    mon = _mon(m["mon"])
    if mon is None:
        return None
    tok = m["mon"]
    if tok.lower() in ("may", "march") and not m["rel"] and not m["mod"]:
        # "May" alone is too often the modal verb at a sentence start; need a cue word
        pre = ctx.text[max(0, s - 12):s].lower()
        if not re.search(r"(?:in|since|until|by|of|from|during|through|before|after|last|next|this|early|late|the)\s+$", pre):
            return None
    y = _year_from(m, ctx, mon, None, s, e, rel=m["rel"])
    return f"{y}-{mon:02d}", "DATE"


# A four-digit number that is a valid 24-hour clock reading is a time of day, not a year, when
# a time zone or "local time" follows ("struck at 1653 local time (2153 GMT)") or when it
# stamps the entries of a live page ("1604 Adm Mike Mullen tells ..."; see _is_live_page).
_HHMM_RX = r"(?:[01]\d|2[0-3])[0-5]\d"
_HHMM = re.compile(_HHMM_RX)
_ZONE_AFTER = re.compile(r"\s*(?:(?:local\s+)?time\b|GMT\b|UTC\b|BST\b|[ECMP][SD]T\b|hours\b|"
                         r"hrs\b|(?:-LRB-|\()\s*" + _HHMM_RX + r"\s*(?:GMT|UTC|BST|local))")
_STAMP_NUM = re.compile(r"(?<![\w,.$£€#:/-])(" + _HHMM_RX + r")\s+(?=[A-Z])")
_PREP_BEFORE = re.compile(r"\b(?:in|on|of|by|to|at|since|from|until|during|before|after|the|"
                          r"and|or|than|between|early|late|mid|summer|winter|spring|autumn)\s+$", re.I)


def _is_stamp_num(text: str, s: int) -> bool:
    """A clock reading opening a live-page entry: not after a preposition ("in 2004 Haiti")."""
    return not _PREP_BEFORE.search(text, max(0, s - 12), s)


def _is_live_page(ctx) -> bool:
    """The text has SETTINGS.time.LIVE_STAMPS or more entries opened by a 24-hour clock
    capitalised word ("1600 United Nations Secretary General ...", "2021 President ...")."""
    if ctx._live is None:
        n = 0
        for mm in _STAMP_NUM.finditer(ctx.text):
            if _is_stamp_num(ctx.text, mm.start()):
                n += 1
                if n >= SETTINGS.time.LIVE_STAMPS:
                    break
        ctx._live = n >= SETTINGS.time.LIVE_STAMPS
    return ctx._live


def _clock_not_year(m, ctx, s: int, e: int) -> bool:
    if not _HHMM.fullmatch(m["year"]):
        return False
    if _ZONE_AFTER.match(ctx.text, e):
        return True
    if m["year"][2:] != "00" and _AT_BEFORE.search(ctx.text, max(0, s - 4), s):
        return True   # "the curfew starts at 1645": a 24-hour clock ("in 1645" is the year)
    return bool(_STAMP_NUM.match(ctx.text, s)) and _is_stamp_num(ctx.text, s) and _is_live_page(ctx)


def _h_year(m, ctx, s, e):
    y = int(m["year"])
    fy = m["fy"]
    mod = m["mod"]
    if not fy and not mod:
        # bare four-digit numbers: keep plausible years only
        if ctx.ref and y > ctx.ref.year + 30:
            return None
        if _clock_not_year(m, ctx, s, e):
            return None
        pre = ctx.text[max(0, s - 2):s]
        if pre.endswith(("$", "#", "№")):
            return None
        if _NAME_BEFORE_YEAR.search(ctx.text, max(0, s - 16), s):
            return None   # part of a name: "WWDC 2010", "(CES) 2011", "Euro 2012"
        if _STREET_AFTER.match(ctx.text, e):
            return None   # a house number: "1600 Pennsylvania Avenue"
    return f"{y:04d}", "DATE"


_STREET_AFTER = re.compile(r"\s+(?:[A-Z][\w'’.-]*\s+){1,3}(?:"
                           + "|".join(w.capitalize() for w in _en_tw.STREET_WORDS.split("|"))
                           + r")\b")
_AT_BEFORE = re.compile(r"(?<![\w])at\s+$", re.I)


# an acronym (optionally in brackets; not an era, fiscal-year or country code) or one of a
# few name words right before a bare year makes the year part of an event or product name
_NAME_BEFORE_YEAR = re.compile(
    r"(?:\b(?!(?:AD|BC|CE|BCE|FY|US|UK|EU|UN)\b)[A-Z]{2,6}\)?"
    r"|\b(?:Euro|Expo|Olympics|Games|Cup|Vision|Agenda|Windows|Office|Conference|Summit|"
    r"[Rr]esolution|[Rr]esolutions|No\.|[Nn]umber))\s+$")


def _h_yrange(m, ctx, s, e):
    y = int(m["year"])
    y2 = int(m["year"][:2] + m["y2"])
    if y2 <= y or y2 - y > 10:
        return None
    return f"{y:04d}", "DATE", s, s + 4


def _h_apyear(m, ctx, s, e):
    """'06 -> 2006: the century that puts the year at most a year after the report."""
    if ctx.ref is None:
        return None
    yy = int(m["yy"])
    y = 2000 + yy if 2000 + yy <= ctx.ref.year + 1 else 1900 + yy
    return f"{y:04d}", "DATE"


def _h_decade(m, ctx, s, e):
    if m["d4"]:
        return m["d4"], "DATE"
    if m["d2"]:
        return ("19" + m["d2"]) if m["d2"] != "0" and m["d2"] != "1" else ("20" + m["d2"]), "DATE"
    w = m["dw"].lower()
    d = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
         "eighties": 8, "nineties": 9}[w]
    return f"19{d}", "DATE"


_ORDW = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
         "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
         "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
         "nineteenth": 19, "twentieth": 20}


def _h_century(m, ctx, s, e):
    c = m["cen"].lower()
    if c[0].isdigit():
        n = int(re.match(r"\d+", c).group(0))
    elif c.startswith("twenty"):
        n = 21
    else:
        n = _ORDW.get(c)
    if not n:
        return None
    return f"{n - 1:02d}", "DATE"


def _h_spyear(m, ctx, s, e):
    w = re.split(r"[\s-]+", m["sy"].lower())
    if w[0] == "two":  # two thousand (and) x
        rest = [x for x in w[2:] if x != "and"]
        n = N.parse_number(" ".join(rest)) if rest else 0
        return (f"{2000 + n:04d}", "DATE") if isinstance(n, int) else None
    head = {"nineteen": 19, "eighteen": 18, "twenty": 20}[w[0]]
    tail = [x for x in w[1:] if x != "o"]
    if tail == ["hundred"]:
        n = 0
    else:
        n = N.parse_number(" ".join(tail))
    if not isinstance(n, int) or n > 99:
        return None
    return f"{head * 100 + n:04d}", "DATE"


def _h_weekday(m, ctx, s, e):
    wd = _wd_num(m["wd"])
    if wd is None:
        return None
    pod = _POD.get((m["pod"] or "").lower(), "")
    rel = (m["rel"] or "").split()[-1].lower() if m["rel"] else None
    if rel == "past":
        rel = "last"
    elif rel == "coming":
        rel = "next"
    if ctx.ref is None or _WD_IN_MONTH_YEAR.match(ctx.text, e):
        v = f"XXXX-WXX-{wd + 1}"
    else:
        tense = ctx.tense(s, e)
        if rel is None:
            if _WD_AHEAD.search(ctx.text, max(0, s - 24), s):
                tense = "future"  # "ahead of Thursday's vote": the day ahead
            elif tense == "past" and _WD_EITHER.search(ctx.text, max(0, s - 12), s) and \
                    not re.match(r"['’]s?(?![\w])", ctx.text[e:e + 2]):  # "for Sunday's attack"
                tense = None      # "readied themselves for Sunday": the nearest Sunday
        d = N.weekday_date(wd, ctx.weekday_ref(s), tense,
                           rel if rel in ("last", "next", "this") else None)
        v = N.fmt_day(d)
        ctx.focus_day = d
    return v + (f"T{pod}" if pod else ""), "DATE" if not pod else "TIME"


_NIGHT_STAMP = re.compile(_en_tw.NIGHT_STAMP)
_ENTRY_STAMP = re.compile(_en_tw.ENTRY_STAMP.replace(
    "<month>", "|".join(sorted(_MONTHS, key=len, reverse=True))), re.I)
_ENTRY_STAMP_NOT_AFTER = re.compile(rf"(?<![\w])(?:{_en_tw.ENTRY_STAMP_NOT_AFTER})", re.I)
_WD_IN_MONTH_YEAR = re.compile(_en_tw.WEEKDAY_IN_MONTH_YEAR.replace(
    "<month>", "|".join(sorted(_MONTHS, key=len, reverse=True))), re.I)
_WD_AHEAD = re.compile(rf"(?<![\w])(?:{_en_tw.WEEKDAY_AHEAD_BEFORE})\s+(?:this\s+)?$", re.I)
_WD_EITHER = re.compile(rf"(?<![\w])(?:{_en_tw.WEEKDAY_EITHER_BEFORE})\s+$", re.I)


def _h_deictic(m, ctx, s, e):
    w = re.sub(r"\s+", " ", m["deic"].lower())
    off = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
           "the day before yesterday": -2, "the day after tomorrow": 2,
           "сегодня": 0, "вчера": -1, "завтра": 1, "позавчера": -2, "послезавтра": 2}.get(w)
    if off is None:
        if w in ("сейчас", "ныне", "в настоящее время"):
            return "PRESENT_REF", "DATE"
        if w in ("недавно", "в последнее время"):
            return "PAST_REF", "DATE"
        if w in ("скоро", "в ближайшее время"):
            return "FUTURE_REF", "DATE"
        return None
    if w == "today" and re.match(r"['’]s\s+(?:world|youth|society|generation|standards|economy|"
                                 r"children|kids|young|technology|computers|personal|market|markets|"
                                 r"geography|music|culture|politics|media)\b", ctx.text[e:e + 16], re.I):
        return None  # generic "today's world" = nowadays; TimeBank leaves it untagged
    pod = _POD.get((m["pod"] or "").lower(), "")
    if w == "tonight":
        pod = "NI"
    if ctx.ref is None:
        v = "PRESENT_REF" if off == 0 and not pod else "XXXX-XX-XX"
    else:
        d = N.add_days(ctx.entry_day(s), off)
        if d is None:
            return None
        ctx.focus_day = d
        v = N.fmt_day(d)
    if pod and v != "PRESENT_REF":
        return v + "T" + pod, "TIME"
    return v, "DATE"


def _h_podrel(m, ctx, s, e):
    pod = _POD[m["pod"].lower()]
    off = -1 if m["rel"].lower() == "last" else 0
    if ctx.ref is None:
        return f"XXXX-XX-XXT{pod}", "TIME"
    d = N.add_days(ctx.ref, off)
    return N.fmt_day(d) + "T" + pod, "TIME"


_REFW = {"now": "PRESENT_REF", "right now": "PRESENT_REF", "just now": "PRESENT_REF",
         "currently": "PRESENT_REF", "nowadays": "PRESENT_REF", "these days": "PRESENT_REF",
         "at present": "PRESENT_REF", "presently": "PRESENT_REF", "at the moment": "PRESENT_REF",
         "recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF", "formerly": "PAST_REF",
         "previously": "PAST_REF", "soon": "FUTURE_REF", "the future": "FUTURE_REF",
         "as soon as possible": "FUTURE_REF"}


def _h_refw(m, ctx, s, e):
    w = re.sub(r"\s+", " ", m["refw"].lower())
    v = _REFW.get(w)
    if v is None:
        if "recent" in w:
            v = "PAST_REF"
        elif "future" in w or "term" in w or "date" in w:
            v = "FUTURE_REF"
        elif any(k in w for k in ("coming", "following", "upcoming", "ensuing", "next")):
            v = "FUTURE_REF"
        else:
            return None
    if w == "the future" and ctx.text[e:e + 4].lower() == " of ":
        return None  # "the future of our peoples": not a time
    if w == "now":
        pre = ctx.text[max(0, s - 1):s]
        post = ctx.text[e:e + 6].lower()
        if pre in ("-", "/") or post.startswith(("-", ".com", ".org")):
            return None
    return v, "DATE"


def _rel_offset(rel: str) -> int | None:
    r = rel.lower().split()[-1]
    return {"last": -1, "past": -1, "previous": -1, "preceding": -1, "prior": -1, "this": 0,
            "current": 0, "same": 0, "that": 0, "next": 1, "coming": 1, "following": 1}.get(r)


def _h_relunit(m, ctx, s, e):
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    unit = m["unit"].lower()
    off = _rel_offset(rel)
    if off is None:
        return None
    if unit in ("day", "morning", "evening", "afternoon", "night"):
        # "the next day", "that morning", "the previous night": narrative-relative
        if rel in ("this", "current", "past", "this past", "this coming", "coming"):
            return None
        if rel in ("last", "the last") and unit != "night":
            return None
        pod = {"morning": "TMO", "evening": "TEV", "afternoon": "TAF", "night": "TNI"}.get(unit, "")
        base = ctx.focus_day or ctx.ref
        if rel == "last" and unit == "night":
            base, off = ctx.ref, -1
        if base is None:
            return "XXXX-XX-XX" + pod, "TIME" if pod else "DATE"
        d = N.add_days(base, off)
        if d is None:
            return None
        ctx.focus_day = d
        return N.fmt_day(d) + pod, "TIME" if pod else "DATE"
    if rel in ("that", "the same") or (rel == "the following" and ctx.focus_day is None):
        base = ctx.focus_day
        if base is None:
            return None
    else:
        base = ctx.ref
    if rel.startswith("the following") and ctx.focus_day is not None:
        base = ctx.focus_day
    if unit == "weekend":
        if base is None:
            return "XXXX-WXX-WE", "DATE"
        d = N.add_days(base, 7 * off)
        return N.fmt_week(d) + "-WE", "DATE"
    code = {"week": "W", "month": "M", "year": "Y", "decade": "DE", "century": "CE"}[unit]
    if code in ("DE", "CE") and rel in ("past", "the past", "the last", "this past"):
        return N.duration_value(1, code), "DURATION"  # "the past decade" = the last ten years
    if base is None:
        return N.undated(code), "DATE"
    v = N.shift(base, off, code)
    return (v, "DATE") if v else None


def _h_theend(m, ctx, s, e):
    unit = m["unit"].lower()
    base = ctx.focus_day or ctx.ref
    if unit == "day":
        return (N.fmt_day(base), "DATE") if base else ("XXXX-XX-XX", "DATE")
    code = {"week": "W", "month": "M", "year": "Y", "decade": "DE", "century": "CE"}[unit]
    if base is None:
        return N.undated(code), "DATE"
    return N.shift(base, 0, code), "DATE"


def _h_yearend(m, ctx, s, e):
    if ctx.ref is None:
        return "XXXX", "DATE"
    return f"{ctx.ref.year:04d}", "DATE"


def _h_weekend(m, ctx, s, e):
    if ctx.ref is None:
        return "XXXX-WXX-WE", "DATE"
    ref = ctx.ref
    t = ctx.tense(s, e)
    if ref.weekday() >= 5:
        d = ref
    elif t == "future":
        d = ref + dt.timedelta(days=5 - ref.weekday())
    else:
        d = ref - dt.timedelta(days=ref.weekday() + 1)
    return N.fmt_week(d) + "-WE", "DATE"


def _h_season(m, ctx, s, e):
    season = m["season"].lower()
    code = _SEASON[season]
    if season in ("spring", "fall") and not (m["rel"] or _year_group(m) or m["mod"] or m["the"]):
        return None
    if season == "fall" and m["the"] and not (m["rel"] or _year_group(m) or m["mod"]):
        post = ctx.text[e:e + 4].lower()
        if post.startswith(" of"):
            return None
    yg = _year_group(m)
    if yg:
        return f"{yg}-{code}", "DATE"
    if ctx.ref is None:
        return f"XXXX-{code}", "DATE"
    ref = ctx.ref
    smon = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}[code]
    rel = (m["rel"] or "").split()[-1].lower() if m["rel"] else None
    if rel in ("last", "past"):
        y = ref.year if smon + 1 < ref.month else ref.year - 1
    elif rel in ("next", "coming"):
        y = ref.year if smon > ref.month else ref.year + 1
    elif rel == "this":
        y = ref.year
    else:
        y = N.pick_year(smon, None, ref, ctx.tense(s, e))
    return f"{y:04d}-{code}", "DATE"


def _last_completed_q(ref: dt.date) -> tuple[int, int]:
    return N.add_quarters(ref.year, N.quarter_of(ref), -1)


def _h_quarter(m, ctx, s, e):
    r = _h_quarter0(m, ctx, s, e)
    if r is None or len(r) == 4:
        return r
    pre = (m["pre"] or "").strip().lower()
    if pre in ("its", "their") and m["ord"]:
        return r[0], r[1], m.start("ord"), e
    if m["ord"] and pre in ("the", "that") and "-" in ctx.text[m.end("ord"):m.end("ord") + 2]:
        return r[0], r[1], m.start("ord"), e
    return r


def _h_quarter0(m, ctx, s, e):
    pre = (m["pre"] or "").strip().lower()
    ordw = re.sub(r"[\s-]+", " ", (m["ord"] or "").lower())
    if m["pl"]:
        return None
    year = m["year"] or m["year2"]
    if m["per"]:
        # "period" only in the financial comparison sense
        if not (ordw in ("year ago", "year earlier", "latest", "comparable", "corresponding",
                         "most recent", "same") or year or pre.startswith("the same")):
            return None
    if not ordw and not pre and not year:
        return None
    if not ordw and pre in ("its", "their"):
        return None
    if not ordw and pre in ("the", "that") and m["per"]:
        return None
    ref = ctx.ref
    q = _ORD.get(ordw)
    if q is not None and m["ord"] and "-" in ctx.text[m.end("ord"):m.end("ord") + 2] and pre in ("the", "its", "their", "that"):
        s = m.start("ord")  # "its third-quarter profit" -> "third-quarter"
    elif pre in ("its", "their"):
        s = m.start("ord") if m["ord"] else s
    if m["pyear"]:
        year = m["pyear"]
        if q is None:
            fq = ctx.focus_q[1] if ctx.focus_q else (_last_completed_q(ref)[1] if ref else None)
            if fq is None:
                return f"{year}-QX", "DATE", s, e
            q = fq
        ctx.focus_q = (int(year), q, s)
        return f"{year}-Q{q}", "DATE", s, e
    if pre.startswith("the year") and q is not None and ref is not None:
        fy, fq = _focus_quarter(ctx, s)
        return f"{fy - 1:04d}-Q{q}", "DATE", s, e
    if year:
        if q is None:
            return None
        v = f"{year}-Q{q}"
        ctx.focus_q = (int(year), q, s)
        return v, "DATE"
    if ref is None:
        return (f"XXXX-Q{q}" if q else "XXXX-QX"), "DATE"
    if ordw in ("year ago", "year earlier") or "same" in pre or ordw in ("comparable", "corresponding", "same"):
        fy, fq = _focus_quarter(ctx, s)
        return f"{fy - 1:04d}-Q{fq}", "DATE"
    if q is not None:
        if pre.startswith("last year"):
            y = ref.year - 1
        elif pre.startswith("next year"):
            y = ref.year + 1
        elif pre.startswith("this year"):
            y = ref.year
        else:
            cur = N.quarter_of(ref)
            t = ctx.tense(s, e)
            if q <= cur:
                y = ref.year
            else:
                y = ref.year + 1 if t == "future" else ref.year - 1
                if t is None and q - cur == 1:
                    y = ref.year
        ctx.focus_q = (y, q, s)
        return f"{y:04d}-Q{q}", "DATE"
    # the quarter / the latest quarter / this quarter / last quarter / next quarter
    if pre == "this" or ordw == "current":
        y, qq = ref.year, N.quarter_of(ref)
    elif pre == "next":
        y, qq = N.add_quarters(ref.year, N.quarter_of(ref), 1)
    elif pre == "last" and not ordw:
        y, qq = _last_completed_q(ref)
    elif ordw in ("previous", "preceding", "prior", "past") and pre in ("the", ""):
        fy, fq = _focus_quarter(ctx, s)
        y, qq = N.add_quarters(fy, fq, -1)
    else:
        # "the quarter", "the latest quarter": the last completed quarter before the report
        y, qq = _last_completed_q(ref)
    ctx.focus_q = (y, qq, s)
    return f"{y:04d}-Q{qq}", "DATE"


def _focus_quarter(ctx, s):
    if ctx.focus_q and s - ctx.focus_q[2] < 3000:
        return ctx.focus_q[0], ctx.focus_q[1]
    return _last_completed_q(ctx.ref)


def _h_qcode(m, ctx, s, e):
    q = int(m["qn"] or m["qn2"])
    y = m["year"]
    if y:
        y = y.lstrip("'’")
        if len(y) == 2:
            y = ("19" if int(y) > 50 else "20") + y
        return f"{y}-Q{q}", "DATE"
    if ctx.ref is None:
        return f"XXXX-Q{q}", "DATE"
    cur = N.quarter_of(ctx.ref)
    return f"{ctx.ref.year if q <= cur else ctx.ref.year - 1:04d}-Q{q}", "DATE"


def _h_yearago(m, ctx, s, e):
    if ctx.ref is None:
        return "XXXX", "DATE"
    if ctx.focus_q and s - ctx.focus_q[2] < 3000:
        return f"{ctx.focus_q[0] - 1:04d}-Q{ctx.focus_q[1]}", "DATE"
    return f"{ctx.ref.year - 1:04d}", "DATE"


def _h_half(m, ctx, s, e):
    h = 1 if m["h"].lower() == "first" else 2
    if m["year"]:
        return f"{m['year']}-H{h}", "DATE"
    if ctx.ref is None:
        return f"XXXX-H{h}", "DATE"
    off = {"this": 0, "the": 0, "last": -1, "next": 1}[m["rel"].lower()]
    return f"{ctx.ref.year + off:04d}-H{h}", "DATE"


def _unit_code(u: str) -> str | None:
    u = u.lower().rstrip(".")
    if u.endswith("ies"):
        u = u[:-3] + "y"
    elif u.endswith("s") and u not in ("hrs",):
        u = u[:-1]
    if u == "hrs":
        u = "hr"
    return _UNIT.get(u)


def _h_duration(m, ctx, s, e):
    unit_tok = m["unit"].lower()
    code = _unit_code(unit_tok)
    if code is None:
        return None
    num_tok = m["num"]
    n = N.parse_number(num_tok)
    if n is None:
        if re.match(r"half\s+an?$|an?\s+half$", num_tok.lower()):
            n = 0.5
        else:
            return None
    if m["old"]:
        return None  # ages ("a 6-year-old boy") are not temporal expressions in TimeBank
    if m["half"] and isinstance(n, (int, float)):
        n = n + 0.5
    mods = re.sub(r"\s+", " ", (m["mods"] or "").lower()).strip()
    plural = unit_tok.endswith("s") and not unit_tok.endswith("ss")
    if mods == "the" and not plural:
        s = m.start("num")  # "the two-week delay" -> "two-week"
    if num_tok.lower() in ("a", "an") and unit_tok == "second":
        return None
    if isinstance(n, int) and 1600 <= n <= 2100 and not plural:
        return None  # "the 1988 quarter"
    low_num = num_tok.lower()
    if code == "Q" and (low_num in ("a", "an", "one") or "-" in ctx.text[m.end("num"):m.start("unit")]
                        or ctx.text[e:e + 4].lower() == " of "):
        return None  # "a quarter of the market", "three-quarters", "a rolling four-quarter test"
    if unit_tok.startswith("night") and num_tok.lower() in ("a", "an", "one", "single"):
        return None
    low_num = num_tok.lower()
    if low_num in ("a", "an", "single") or low_num == "one":
        pre = ctx.text[max(0, s - 16):s].lower()
        # "$5 a year", "3% a month", "twice a day" -> a frequency
        if low_num in ("a", "an") and not mods and not m["dir"] and re.search(r"(?:\d|%|cents?|dollars?|percent|pounds?|euros?|shares|seats|flights|barrels|tons|trips|million|billion|thousand|hundred)\s*$", pre):
            return None  # "$5 a year", "700 seats a week": a rate, not tagged in TimeBank
        if low_num in ("a", "an") and not mods and re.search(r"(?:times|once|twice)\s*$", pre):
            return f"P1{_code_letter(code)}" if code not in ("H", "MIN", "S") else f"PT1{_code_letter(code)}", "SET"
    if isinstance(n, (int, float)) and n != 1 and not plural and not m["old"] and "-" not in ctx.text[m.start("unit") - 1:m.start("unit")]:
        # "three year" without hyphen is odd but happens ("a five year low"); accept
        pass
    if isinstance(n, (int, float)) and n > 10000:
        return None
    if code == "D" and unit_tok.startswith("weekend"):
        code = "WE"
    d = m["dir"]
    if d:
        d = d.lower()
        sign = -1 if d in ("ago", "earlier", "back", "before that") else 1
        if n == "X":
            return ("PAST_REF" if sign < 0 else "FUTURE_REF"), "DATE"
        narrative = d in ("earlier", "later", "before that", "after that")
        if mods in _en_tw.BOUND_MODIFIERS:
            # "a spill that occurred over 20 years ago": a bound, not a day or a year; the
            # count from the publication date would state a year the text does not
            return ("PAST_REF" if sign < 0 else "FUTURE_REF"), "DATE"
        if narrative and d != "earlier" and ctx.focus_year is not None:
            # counted from a year the text named: only a count of years or decades is dated
            if code in ("Y", "DE") and isinstance(n, int):
                return f"{ctx.focus_year + sign * n * (10 if code == 'DE' else 1):04d}", "DATE"
            return N.duration_value(n, code), "DURATION"
        if narrative and d != "earlier" and ctx.focus_day is None:
            # "Six years later, Sadat died" with no time before it to count from: the count
            # is all the text gives; counting from the publication date would invent a date
            return N.duration_value(n, code), "DURATION"
        if code in ("Y", "DE", "CE") and isinstance(n, (int, float)) and \
                n * {"Y": 1, "DE": 10, "CE": 100}[code] > SETTINGS.time.FAR_YEARS:
            # "500 years from now", "a thousand years ago": a figure of speech, not a date
            return ("PAST_REF" if sign < 0 else "FUTURE_REF"), "DATE"
        base = (ctx.focus_day if narrative and ctx.focus_day else ctx.ref)
        if code == "Y" and n == 1 and ctx.focus_q and s - ctx.focus_q[2] < 3000 and sign < 0 and ctx.ref:
            return f"{ctx.focus_q[0] - 1:04d}-Q{ctx.focus_q[1]}", "DATE"
        if base is None:
            return N.undated(code if code != "WE" else "D"), "DATE"
        if not isinstance(n, int):
            if isinstance(n, float) and code == "Y":
                nn = int(round(n * 12))
                return N.shift(base, sign * nn, "M"), "DATE"
            return None
        if code in ("H", "MIN", "S"):
            return N.fmt_day(base), "DATE"
        if code == "DE":
            code, n = "Y", n * 10
        c = code if code != "WE" else "W"
        v = N.shift(base, sign * n, c)
        if v is None:
            return None
        if c == "D":
            ctx.focus_day = N.value_date(v)
        return v, "DATE"
    if n2 := (N.parse_number(m["num2"]) if m["num2"] else None):
        pass
    if code == "WE":
        return duration_or_none("X" if n == "X" else n * 2, "D"), "DURATION"
    return N.duration_value(n, code), "DURATION"


def duration_or_none(n, code):
    return N.duration_value(n, code)


def _code_letter(code: str) -> str:
    return {"MIN": "M"}.get(code, code)


def _h_theyear(m, ctx, s, e):
    return "P1Y", "DURATION"


def _h_current(m, ctx, s, e):
    if ctx.text[max(0, s - 9):s].lower().endswith(("electric ", "ocean ", "the gulf ")):
        return None
    return ("PAST_REF" if "then" in m.group(0) else "PRESENT_REF"), "DATE"


def _h_forbare(m, ctx, s, e):
    code = _unit_code(m["bare"])
    return N.duration_value("X", code), "DURATION"


def _h_set(m, ctx, s, e):
    u = m["unit"].lower()
    n = N.parse_number(m["n"]) if m["n"] else 1
    if n is None:
        n = 1
    if m["other"]:
        n = 2
    if m["q"].lower() == "per" and m["n"]:
        return None
    wd = _WEEKDAYS.get(u.rstrip("s.") if u.rstrip("s.") in _WEEKDAYS else u.rstrip("."))
    if wd is None and u.endswith("s"):
        wd = _WEEKDAYS.get(u[:-1])
    if wd is not None:
        return f"XXXX-WXX-{wd + 1}", "SET"
    mon = _mon(u) if u.rstrip(".") in _MONTHS else None
    if mon:
        return f"XXXX-{mon:02d}", "SET"
    su = u.rstrip("s")
    if su in _SEASON:
        return f"XXXX-{_SEASON[su]}", "SET"
    if su in ("morning", "evening", "night"):
        return {"morning": "TMO", "evening": "TEV", "night": "TNI"}[su], "SET"
    if su == "weekend":
        return "XXXX-WXX-WE", "SET"
    code = _unit_code(u)
    if code is None or not isinstance(n, (int, float)):
        return None
    return N.duration_value(n, code), "SET"


_ADV = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "quarterly": "P3M", "annually": "P1Y",
        "yearly": "P1Y", "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W", "bi-weekly": "P2W",
        "bimonthly": "P2M", "bi-monthly": "P2M", "semiannually": "P6M", "semi-annually": "P6M",
        "fortnightly": "P2W"}


def _h_adv(m, ctx, s, e):
    w = m["adv"].lower()
    return _ADV[w], "SET"


def _h_freq(m, ctx, s, e):
    code = _unit_code(m["unit"])
    if code is None:
        return None
    return N.duration_value(1, code), "SET"


def _h_wdpl(m, ctx, s, e):
    wd = _WEEKDAYS[m["wds"].lower()[:-1]]
    pod = _POD.get((m["pod"] or "").lower(), "")
    return f"XXXX-WXX-{wd + 1}" + (f"T{pod}" if pod else ""), "SET"


_HW = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
       "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}


def _zone_offset(z: str | None) -> str:
    if not z:
        return ""
    z = z.strip().strip("(), ").strip()
    zl = re.sub(r"\s+", " ", z.lower())
    m = re.search(r"(?:utc|gmt)\s*([+\-−])\s*(\d{1,2})(?::?(\d\d))?", zl)
    if m:
        sign = "-" if m.group(1) in "-−" else "+"
        return f"{sign}{int(m.group(2)):02d}:{m.group(3) or '00'}"
    m = re.match(r"по (\w+) времени", zl)
    if m:
        return _ZONES.get(m.group(1), "")
    zl = re.sub(r" (?:standard |daylight )?time$", "", zl)
    return _ZONES.get(zl, "")


def _h_time(m, ctx, s, e):
    if m["word"]:
        w = m["word"].lower()
        if ctx.text[max(0, s - 5):s].lower().endswith("high "):
            return None  # "High Noon"
        hh, mm = (0, 0) if w == "midnight" else (12, 0)
    elif m["hh3"]:
        h = m["hh3"].lower()
        hh, mm = (int(h) if h.isdigit() else _HW[h]), 0
    else:
        hh = int(m["hh"] or m["hh2"])
        mm = int(m["mm"] or m["mm2"] or 0)
        ampm = (m["ampm"] or m["ampm2"] or "").lower().replace(" ", "")
        if ampm:
            if hh > 12:
                return None
            if ampm.startswith("p") and hh < 12:
                hh += 12
            elif ampm.startswith("a") and hh == 12:
                hh = 0
        elif m["hh"] and ":" not in ctx.text[s:e] and "h" in ctx.text[s:e].lower():
            pass
        if hh == 24:
            hh = 0
        if m["hh"] and not ampm:
            # bare h:mm -- reject things like ratios/scores "3:1" (need two-digit minutes, done)
            # and verse numbers; require a plausible clock context
            pass
    v = f"T{hh:02d}:{mm:02d}" + _zone_offset(m["zone"])
    return v, "TIME"


def _h_podprefix(m, ctx, s, e):
    return "POD:" + _POD[m["pod"].lower()], "POD"


def _easter(y: int) -> dt.date:
    a = y % 19
    b, c = divmod(y, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    mm = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * mm + 114) // 31
    day = (h + l_ - 7 * mm + 114) % 31 + 1
    return dt.date(y, month, day)


def _nth_wd(y, month, wd, n):
    d = dt.date(y, month, 1)
    d += dt.timedelta(days=(wd - d.weekday()) % 7)
    if n > 0:
        return d + dt.timedelta(days=7 * (n - 1))
    last = dt.date(y + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - wd) % 7)


def _holiday_date(h: str, y: int) -> dt.date | None:
    h = re.sub(r"\s+", " ", h.lower()).replace("’", "'")
    try:
        if h.startswith("christmas eve"):
            return dt.date(y, 12, 24)
        if h.startswith("christmas"):
            return dt.date(y, 12, 25)
        if h.startswith("boxing"):
            return dt.date(y, 12, 26)
        if h == "new year's eve":
            return dt.date(y, 12, 31)
        if h.startswith("new year"):
            return dt.date(y, 1, 1)
        if h.startswith("thanksgiving"):
            return _nth_wd(y, 11, 3, 4)
        if h.startswith("easter"):
            return _easter(y)
        if h == "halloween":
            return dt.date(y, 10, 31)
        if h.startswith("independence"):
            return dt.date(y, 7, 4)
        if h.startswith("labo"):
            return _nth_wd(y, 9, 0, 1)
        if h.startswith("memorial"):
            return _nth_wd(y, 5, 0, -1)
        if h.startswith("valentine"):
            return dt.date(y, 2, 14)
        if h.startswith("veterans"):
            return dt.date(y, 11, 11)
        if h.startswith("election"):
            return _nth_wd(y, 11, 0, 1) + dt.timedelta(days=1)
    except ValueError:
        return None
    return None


def _h_holiday(m, ctx, s, e):
    h = m["hol"]
    if not (m["rel"] or m["year"] or re.search(r"\s(?:day|eve|sunday)$", h, re.I)
            or _HOL_BEFORE.search(ctx.text, max(0, s - 20), s)
            or _HOL_AFTER.match(ctx.text, e)):
        return None  # a holiday named, not used as a date: "Christmas came early for ..."
    if h.lower().startswith("new year") and not re.search(r"day|eve", h, re.I) and not m["year"]:
        # "New Year" alone: only when clearly a date ("on New Year", "the New Year holiday" is fine too)
        pass
    if m["year"]:
        y = int(m["year"])
    elif ctx.ref is None:
        d = _holiday_date(h, 2001)
        if d is None or h.lower().startswith(("easter", "thanksgiving", "labo", "memorial", "election")):
            return "XXXX-XX-XX", "DATE"
        return f"XXXX-{d.month:02d}-{d.day:02d}", "DATE"
    else:
        ref = ctx.ref
        rel = (m["rel"] or "").lower()
        cands = [(yy, _holiday_date(h, yy)) for yy in (ref.year - 1, ref.year, ref.year + 1)]
        cands = [c for c in cands if c[1]]
        if not cands:
            return None
        t = ctx.tense(s, e)
        if rel == "last" or t == "past":
            pool = [c for c in cands if c[1] <= ref] or cands
        elif rel == "next" or t == "future":
            pool = [c for c in cands if c[1] >= ref] or cands
        elif rel == "this":
            pool = [c for c in cands if c[0] == ref.year]
        else:
            pool = cands
        y = min(pool, key=lambda c: abs((c[1] - ref).days))[0]
    d = _holiday_date(h, y)
    if d is None:
        return None
    return N.fmt_day(d), "DATE"


# --- Russian handlers

_HOL_BEFORE = re.compile(rf"(?<![\w])(?:{_en_tw.HOLIDAY_DATE_BEFORE})\s+(?:the\s+)?$", re.I)
_HOL_AFTER = re.compile(rf"['’]?s?\s+(?:{_en_tw.HOLIDAY_DATE_AFTER})(?![\w])", re.I)


def _h_ru_dm(m, ctx, s, e):
    mon = _mon(m["mon"])
    d = _day(m["day"])
    if mon is None:
        return None
    y = m["year"] or _year_from(m, ctx, mon, d, s, e)
    if y != "XXXX" and not N.safe_date(int(y), mon, d):
        return None
    return f"{y}-{mon:02d}-{d:02d}", "DATE"


def _h_ru_mon(m, ctx, s, e):
    mon = _mon(m["mon"])
    if mon is None:
        return None
    y = m["year"] or _year_from(m, ctx, mon, None, s, e)
    return f"{y}-{mon:02d}", "DATE"


def _h_ru_year(m, ctx, s, e):
    return m["year"], "DATE"


def _h_ru_wd(m, ctx, s, e):
    wd = _RU_WEEKDAYS.get(m["wd"].lower())
    if wd is None:
        return None
    rel = (m["rel"] or "").lower()
    r = "last" if rel.startswith("прошл") else "next" if rel.startswith("следующ") else \
        "this" if rel.startswith("эт") else None
    if ctx.ref is None:
        return f"XXXX-WXX-{wd + 1}", "DATE"
    d = N.weekday_date(wd, ctx.ref, ctx.tense(s, e), r)
    ctx.focus_day = d
    return N.fmt_day(d), "DATE"


def _h_ru_relunit(m, ctx, s, e):
    rel = m["rel"].lower()
    off = -1 if rel.startswith(("прошл", "прошедш", "минувш")) else 1 if rel.startswith(("следующ", "будущ")) else 0
    unit = m["unit"].lower()
    code = {"неделе": "W", "месяце": "M", "году": "Y", "квартале": "Q"}[unit]
    if ctx.ref is None:
        return N.undated(code), "DATE"
    return N.shift(ctx.ref, off, code), "DATE"


def _h_ru_future(m, ctx, s, e):
    w = m["w"].lower()
    if w in ("последние", "прошедшие", "минувшие"):
        return "PAST_REF", "DATE"
    return "FUTURE_REF", "DATE"


def _h_ru_dur(m, ctx, s, e):
    t = m["num"].lower()
    n = int(t) if t.isdigit() else _ru_tw.NUMBERS.get(t)
    if n is None:
        return None
    u = m["unit"].lower()
    code = ("D" if u.startswith(("дн", "ден")) else "W" if u.startswith("недел") else
            "M" if u.startswith("месяц") else "Y" if u.startswith(("год", "лет")) else
            "H" if u.startswith("час") else "MIN" if u.startswith("минут") else "DE")
    if m["dir"]:
        if n == "X":
            return ("PAST_REF" if m["dir"].lower() == "назад" else "FUTURE_REF"), "DATE"
        base = ctx.ref if m["dir"].lower() == "назад" else (ctx.focus_day or ctx.ref)
        sign = -1 if m["dir"].lower() == "назад" else 1
        if base is None:
            return N.undated(code), "DATE"
        if code in ("H", "MIN"):
            return N.fmt_day(base), "DATE"
        return N.shift(base, sign * n, code), "DATE"
    return N.duration_value(n, code), "DURATION"


# each rule's normaliser, by the name its declaration gives (a missing one fails at import)
_HANDLERS = {r.name: globals()["_h_" + r.handler] for r in _RULES}
_PRIORITY = {r.name: r.priority for r in _RULES}

# ------------------------------------------------------------------ candidate filters

_CASE_WORDS = re.compile(_en_rules.CAPITALISED_ONLY_RX, re.I)


def _case_ok(txt: str, name: str) -> bool:
    """Reject lower-case 'may'/'march' and friends used as verbs or nouns."""
    for w in _CASE_WORDS.finditer(txt):
        tok = w.group(1)
        if tok[0].islower():
            return False
    return True


# ------------------------------------------------------------------ roles

_DEADLINE_PRE = re.compile(
    r"(?:\bby|\buntil|\btill|\buntill|\bno\s+later\s+than|\bnot\s+later\s+than|\bbefore|"
    r"\bdeadline\s+(?:of|is|was|on|for|set\s+for)|\bdeadline|\bdue(?:\s+(?:on|by))?|\bexpires?\s+(?:on)?|"
    r"(?<![\w])до|(?<![\w])не\s+позднее|(?<![\w])не\s+позже)\s*(?:the\s+)?(?:end\s+of\s+)?[\"“(]?$", re.I)
_SINCE_PRE = re.compile(r"(?<![\w])since\s+(?:(?:the\s+)?(?:early|late|mid|end\s+of|start\s+of)[\s-]+)?"
                        r"(?:the\s+)?$", re.I)
_CMP_CUE = re.compile(rf"(?<![\w])(?!(?:{_en_tw.COMPARISON_NOT_EST})(?![\w]))"
                      rf"(?:{_en_tw.COMPARISON_BEFORE_SINCE})(?![\w])", re.I)
_CMP_YEAR_PRE = re.compile(rf"(?<![\w])(?:{_en_tw.COMPARISON_BEFORE_YEAR})\s+(?:the\s+)?$", re.I)
_CLAUSE_START = re.compile(r"[.;:!?]\s|,\s+(?:but|and|while|which)\s")


def _is_comparison(text: str, mm: TimeMention) -> bool:
    """"the worst drought since 1976", "more than in 2003": the time is what something is
    compared with, not when the event happened."""
    # a when-clause after the time happened then: "a tenth less than in 2009, when it
    # overtook Exxon"; "tense since 1991, when the military occupied ..."
    when = re.match(r"\s*,?\s*when\b", text[mm.end:mm.end + 8]) is not None
    if _CMP_YEAR_PRE.search(text, max(0, mm.start - 24), mm.start):
        return not when
    sm = _SINCE_PRE.search(text, max(0, mm.start - 30), mm.start)
    if not sm:
        return False
    if re.match(r"\d{3,4}$", mm.value) and re.search(r"(?<![\w])since\s+the\s+$", text[sm.start():mm.start]) \
            and re.match(r"\s+[a-z]", text[mm.end:mm.end + 3]):
        # the year of a named happening: "since the 1969 coup that brought him to power"
        return False
    if re.match(r"\d{3,4}$", mm.value) and not when:
        # "since 1970": a span reaching back to then, or a comparison
        # with then -- "Since 2001 our economy has faced a recession", "the only three
        # players since 1970": the sentence's event is not in that year ("tense since 1991,
        # when the military occupied ..." is: the when-clause happened then)
        return True
    # a day: "the biggest crowd since January 25" compares, but "has not been seen since
    # August 14, 2005" dates when she was last seen
    if re.search(r"(?<![\w])(?:seen|heard)\s+$", text[max(0, sm.start() - 12):sm.start()]):
        return False
    lo = max(0, sm.start() - 90)
    cut = None
    for cut in _CLAUSE_START.finditer(text, lo, sm.start()):
        pass
    return _CMP_CUE.search(text, cut.end() if cut else lo, sm.start()) is not None


_RANGE_GAP = re.compile(r"\s*(?:-|–|—|to|through|thru|until|till|and|through\s+to|по|до|и)\s*$", re.I)
_RANGE_PRE = re.compile(r"(?:\bbetween|\bfrom|(?<![\w])с|(?<![\w])со|(?<![\w])между)\s+$", re.I)


def _assign_roles(text: str, ms: list[TimeMention]) -> None:
    n = len(ms)
    for i in range(n - 1):
        a, b = ms[i], ms[i + 1]
        if a.type not in ("DATE", "TIME") or b.type not in ("DATE", "TIME"):
            continue
        gap = text[a.end:b.start]
        if len(gap) > 16 or not _RANGE_GAP.match(gap) or not _RANGE_GAP.fullmatch(gap):
            continue
        pre = text[max(0, a.start - 12):a.start]
        g = gap.strip().lower()
        has_pre = bool(_RANGE_PRE.search(pre))
        if g in ("and", "и") and not re.search(r"(?:between|между)\s+$", pre, re.I):
            continue
        if g in ("to", "through", "thru", "until", "till", "по", "до", "through to") and not has_pre:
            continue
        a.role, b.role = "range_start", "range_end"
    for mm in ms:
        if mm.role != "point" or mm.type not in ("DATE", "TIME"):
            continue
        pre = text[max(0, mm.start - 30):mm.start]
        if _DEADLINE_PRE.search(pre):
            mm.role = "deadline"
        elif _is_comparison(text, mm):
            mm.role = "comparison"
    _publication(text, ms)


_HEADER_WORDS = re.compile(r"[^\W\d_]{2,}")
_HEADER_OK = {"by", "on", "at", "updated", "published", "posted", "date", "dated", "last", "modified",
              "am", "pm", "gmt", "utc", "of", "the"}
_PUB_CUE = re.compile(r"^\W*(?:[\w-]+\s+){0,2}(?:date|published|posted|updated|dated|опубликовано|дата)\s*(?:on\s+)?[:\-]?\s*$", re.I)
_DATELINE_PRE = re.compile(r"^\s*[A-ZА-ЯЁ][\w .'’()/-]{1,40}(?:,\s*[\w .'’()/-]{1,40}){0,2},\s*$")


def _publication(text: str, ms: list[TimeMention]) -> None:
    head_limit = 0
    lines = 0
    pos = 0
    L = len(text)
    # the header: the first 8 non-empty lines, within the first 1500 characters
    while pos < L and lines < 8 and pos < 1500:
        nl = text.find("\n", pos)
        if nl < 0:
            nl = L
        if text[pos:nl].strip():
            lines += 1
        pos = nl + 1
    head_limit = min(pos, 1500)
    for idx, mm in enumerate(ms):
        if mm.start >= head_limit:
            break
        if mm.type not in ("DATE", "TIME") or not re.match(r"[\dX]{4}-\d\d-\d\d", mm.value):
            continue
        ls = text.rfind("\n", 0, mm.start) + 1
        le = text.find("\n", mm.end)
        if le < 0:
            le = L
        if le - ls > 200 or not any(ch.isdigit() for ch in mm.text):
            continue  # a header or dateline line is short and carries a written date
        if re.search(r"[.!?]\s+\S", text[ls:le].replace(mm.text, " ")):
            continue  # several sentences: body text, not a stamp
        line = text[ls:le]
        before = text[ls:mm.start]
        after = text[mm.end:le]
        # words on the line outside any time mention
        rest = line
        j = idx
        while j > 0 and ms[j - 1].start >= ls:
            j -= 1
        while j < len(ms) and ms[j].start < le:
            o = ms[j]
            if o.end <= le:
                rest = rest.replace(o.text, " ")
            j += 1
        words = [w for w in _HEADER_WORDS.findall(rest) if w.lower() not in _HEADER_OK]
        if (len(words) <= 3 and not re.search(r"[.!?]\s*$", rest.strip()[-2:] if rest.strip() else "")) \
                or _PUB_CUE.search(before) \
                or (_DATELINE_PRE.match(before) and re.match(r"^\s*(?:$|[(/\-—–:]|\(|\s*$)", after)):
            mm.role = "publication"


# ------------------------------------------------------------------ merging

_TIME_DATE_GAP = re.compile(r"^\s*(?:,\s*)?(?:(?:on|of)\s+)?$", re.I)
_DATE_TIME_GAP = re.compile(r"^\s*(?:,\s*|\[\s*)?(?:at\s+)?$", re.I)
_DAYVAL = re.compile(r"^(?:\d{4}|XXXX)-(?:\d\d|XX)-(?:\d\d|XX)$|^XXXX-WXX-\d$")


def _merge(text: str, items: list[list]) -> list[list]:
    """items: [start, end, value, type]. Merge time+date, date+time and POD-prefix+date."""
    out: list[list] = []
    i = 0
    n = len(items)
    while i < n:
        cur = items[i]
        if i + 1 < n:
            nxt = items[i + 1]
            gap = text[cur[1]:nxt[0]]
            # the night of December 1
            if cur[3] == "POD" and _DAYVAL.match(nxt[2]) and not gap.strip():
                out.append([cur[0], nxt[1], nxt[2] + "T" + cur[2][4:], "TIME", None])
                i += 2
                continue
            # 00:00 hours (Moscow time) on 10 November 2020 / 10 p.m. Wednesday
            if cur[3] == "TIME" and cur[2].startswith("T") and _DAYVAL.match(nxt[2]) \
                    and _TIME_DATE_GAP.match(gap):
                out.append([cur[0], nxt[1], nxt[2] + cur[2], "TIME", None])
                i += 2
                continue
            # 3 December 2020 12:23 (UTC+04:00) / 24 November 2020 [22:45]
            if nxt[3] == "TIME" and nxt[2].startswith("T") and _DAYVAL.match(cur[2]) \
                    and _DATE_TIME_GAP.match(gap) and "\n" not in gap:
                end = nxt[1]
                if "[" in gap and text[end:end + 1] == "]":
                    end += 1
                out.append([cur[0], end, cur[2] + nxt[2], "TIME", None])
                i += 2
                continue
        if cur[3] != "POD":
            out.append(cur)
        i += 1
    return out


# ------------------------------------------------------------------ main entry

# Anchors: every match of a pattern contains at least one of its anchor tokens (a run of
# letters or of digits). One tokenising pass finds the anchors, and each pattern then only runs
# in the merged windows [anchor - back, anchor + forward] around its own anchors instead of over
# the whole text (a news article has a few dozen anchors, so most of the text is never
# scanned by the expensive patterns). Lookbehinds and \\b see the text before a window; a
# rule's ``pad`` gives room (back, forward) for about twice the longest text a match can have
# before its first / after its last anchor, plus lookaheads.
# per rule: (back, forward) scan room, anchor words, digit kinds (from the declarations)
_PAD = {r.name: r.pad for r in _RULES}
_ANCHORS: dict[str, tuple[str, ...]] = {}
for _r in _RULES:
    for _t in _r.anchors:
        if _r.name not in _ANCHORS.get(_t, ()):
            _ANCHORS[_t] = _ANCHORS.get(_t, ()) + (_r.name,)
_BY_DIGIT = {k: tuple(r.name for r in _RULES if k in r.digits) for k in _DIGIT_KINDS}
# rules anchored on words and on digit runs: their two lists of hits are merged back into
# text order before windows are built
_MIXED = tuple(r.name for r in _RULES if r.anchors and r.digits)


def _trie_rx(words) -> str:
    """An alternation of literal words as a prefix trie (much faster in sre than a flat list)."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        end = "" in node
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if end else body

    return emit(root)


# an anchor is a known word (a whole word: every inflection a pattern accepts is listed) or a
# run of digits
# (the word pattern starts with \W rather than \b: sre then skips word characters in a tight
# C loop instead of trying a match at every position; a word at offset 0 is matched apart)
_ANCHOR_TRIE = _trie_rx(_ANCHORS)
_ANCHOR_RX = re.compile(r"\W(?P<w>" + _ANCHOR_TRIE + r")\b")
_ANCHOR_RX_I = re.compile(_ANCHOR_RX.pattern, re.I)
_ANCHOR_HEAD = re.compile(r"(?:" + _ANCHOR_TRIE + r")\b")
_ANCHOR_HEAD_I = re.compile(_ANCHOR_HEAD.pattern, re.I)
_DIGITS = re.compile(r"\d\d*")
_WS = re.compile(r"\s")


def _low_has(sub: str, a: int, b: int, *words: str) -> bool:
    seg = sub[max(0, a):b].lower()
    return any(w in seg for w in words)


def _near_check(back, fwd, words):
    """A rule's ``near`` cue as a test on (subject, anchor start, anchor end): one of ``words``
    in the ``back`` characters before the anchor (to its start, or with ``fwd`` to ``fwd``
    characters after its end), or with ``back`` None in the ``fwd`` characters after it."""
    if back is None:
        return lambda t, s, e: _low_has(t, e, e + fwd, *words)
    if fwd is None:
        return lambda t, s, e: _low_has(t, s - back, s, *words)
    return lambda t, s, e: _low_has(t, s - back, e + fwd, *words)


# cheap necessary conditions on the text around a word anchor, per rule
_WORD_CHECK = {r.name: _near_check(*r.near) for r in _RULES if r.near}
_CASE_ANCHORS = frozenset(_en_rules.CAPITALISED_ONLY)
_TIME_TAIL = re.compile(r"[:h.]|\s*[ap]", re.I)
_NEEDS_DIGIT = frozenset(r.name for r in _RULES if r.needs_digit)
_WINDOW_NEEDS = {r.name: r.window_needs for r in _RULES if r.window_needs}


def _anchor_windows(subject: str, lower: bool, text: str) -> dict[str, list[tuple[int, int]]]:
    """Pattern name -> merged scan windows around its anchor tokens (``lower``: the subject
    is the lower-cased ``text``)."""
    hits: dict[str, list[int]] = {}
    get = _ANCHORS.get

    def add(names, s, e):
        for n in names:
            lst = hits.get(n)
            if lst is None:
                hits[n] = [s, e]
            else:
                lst.append(s)
                lst.append(e)

    def word(tok, s, e):
        names = get(tok) or get(tok.lower())
        if names:
            if text[s].islower() and tok.lower() in _CASE_ANCHORS:
                return  # lower-case 'may', 'march' ...: _case_ok rejects any match with them
            for n in names:
                chk = _WORD_CHECK.get(n)
                if chk is not None and not chk(subject, s, e):
                    continue
                lst = hits.get(n)
                if lst is None:
                    hits[n] = [s, e]
                else:
                    lst.append(s)
                    lst.append(e)

    h = (_ANCHOR_HEAD if lower else _ANCHOR_HEAD_I).match(subject)
    if h:
        word(h.group(), 0, h.end())
    for m in (_ANCHOR_RX if lower else _ANCHOR_RX_I).finditer(subject):
        word(m.group("w"), m.start() + 1, m.end())
    L = len(subject)
    for m in _DIGITS.finditer(subject):
        s, e = m.span()
        k = e - s
        nxt = subject[e:e + 1]
        if k == 4:
            c0 = subject[s]
            if c0 == "1" or c0 == "2" and subject[s + 1] == "0":
                add(_BY_DIGIT["year"], s, e)
                if nxt in ("-", "–"):
                    add(_BY_DIGIT["year-dash"], s, e)
                if s and subject[s - 1] in ("/", "."):
                    add(_BY_DIGIT["year-after-sep"], s, e)
                if subject[e - 1] == "0" and nxt in ("s", "S", "'", "’"):
                    add(_BY_DIGIT["decade4"], s, e)
        elif k <= 2:
            if nxt and _TIME_TAIL.match(subject, e):
                add(_BY_DIGIT["clock"], s, e)
            if k == 1 and (nxt in ("q", "Q") or s and subject[s - 1] in ("q", "Q")):
                add(_BY_DIGIT["quarter-digit"], s, e)
            if k == 2 and subject[e - 1] == "0" and nxt in ("s", "S", "'", "’"):
                add(_BY_DIGIT["decade2"], s, e)
            if k == 2 and s and subject[s - 1] in ("'", "’"):
                add(_BY_DIGIT["year2"], s, e)
    for n in _MIXED:  # words and digit runs were found apart: back to text order
        lst = hits.get(n)
        if lst and len(lst) > 2:
            pairs = sorted(zip(lst[::2], lst[1::2]))
            lst[:] = [x for p in pairs for x in p]
    out: dict[str, list[tuple[int, int]]] = {}
    snapped: dict[int, int] = {}

    def snap(we: int) -> int:
        # end a window on whitespace: a cut inside a word would let "Now" match in "Nowhere"
        if we >= L:
            return L
        r = snapped.get(we)
        if r is None:
            w = _WS.search(subject, we)
            r = snapped[we] = w.start() if w else L
        return r

    for n, pos in hits.items():
        back, fwd = _PAD[n]
        wins = []
        ws, we = pos[0] - back, pos[1] + fwd
        for i in range(2, len(pos), 2):
            s = pos[i] - back
            if s <= we:
                we = pos[i + 1] + fwd
            else:
                wins.append((max(0, ws), snap(we)))
                ws, we = s, pos[i + 1] + fwd
        wins.append((max(0, ws), snap(we)))
        # cheap second cues: a month name only makes a day date with a number near it, and
        # "May this year" needs "year"
        if n in _NEEDS_DIGIT:
            wins = [w for w in wins if _DIGITS.search(subject, w[0], w[1])]
        elif n in _WINDOW_NEEDS and lower:
            need = _WINDOW_NEEDS[n]
            wins = [w for w in wins if any(subject.find(x, w[0], w[1]) >= 0 for x in need)]
        if wins:
            out[n] = wins
    return out


def _candidates(text: str, cyr: bool, full: bool = False) -> list[tuple[int, int, int, str, re.Match]]:
    """All pattern matches (start, end, priority, name, match); ``full`` scans the whole text
    with every pattern (the slow reference the anchor windows must agree with)."""
    cands = []
    low = text.lower()
    same = len(low) == len(text)
    subject = low if same else text
    windows = _anchor_windows(subject, same, text) if not full else {}
    whole = [(0, len(subject))]
    for rule in _RULES:
        name = rule.name
        if rule.script == "CYRILLIC" and not cyr:
            continue
        if full or rule.whole_text:
            wins = whole
        else:
            wins = windows.get(name)
            if wins is None:
                continue
        rx = rule.rx_lower if same else rule.rx
        has_x = "x" in rx.groupindex
        prio = rule.priority
        for ws, we in wins:
            for m in rx.finditer(subject, ws, we):
                s, e = m.span()
                if e <= s:
                    continue
                if has_x:
                    s, e = m.span("x")
                cands.append((s, e, prio, name, m))
    return cands


_DOMAIN_TAIL = re.compile(r"\.[A-Za-z]{2}")


def _select(cands, text: str, url_spans) -> list:
    # longest first, then earlier pattern; greedy non-overlapping
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    occ = bytearray(len(text))   # 1 = covered by a chosen span or a URL
    for us, ue in url_spans:
        occ[us:ue] = b"\x01" * (ue - us)
    chosen = []
    for c in cands:
        s, e = c[0], c[1]
        if 1 in occ[s:e]:
            continue
        txt = text[s:e]
        if not _case_ok(txt, c[3]):
            continue
        # not part of a domain name like TODAY.AZ
        if text.startswith(".", e) and _DOMAIN_TAIL.match(text, e) and not txt.endswith("."):
            continue
        occ[s:e] = b"\x01" * (e - s)
        chosen.append(c)
    chosen.sort(key=lambda c: c[0])
    return chosen


def _tag(text: str, ref: dt.date | None, lang: str | None) -> list[TimeMention]:
    cyr = lang == "ru" or (not text.isascii() and bool(_HAS_CYR.search(text)))
    url_spans = _url_spans(text) if ("://" in text or "www." in text or "@" in text or ".com" in text) else []
    chosen = _select(_candidates(text, cyr), text, url_spans)
    ctx = _Ctx(text, ref)
    items: list[list] = []
    for s, e, _, name, m in chosen:
        try:
            r = _HANDLERS[name](m, ctx, s, e)
        except Exception:  # a handler bug must never take the whole document down
            r = None
        if not r or r[0] is None:
            continue
        if len(r) == 4:
            s, e = r[2], r[3]
        value, typ = r[0], r[1]
        items.append([s, e, value, typ, ctx.focus_day])
        d = N.value_date(value) if typ in ("DATE", "TIME") else None
        if d is not None:
            ctx.focus_day = d
            ctx.focus_year = None
        elif typ == "DATE" and value[:4].isdigit():
            ctx.focus_year = int(value[:4])
    items = _merge(text, items)
    out = []
    for s, e, value, typ, focus in items:
        if typ == "TIME" and value.startswith("T"):
            # a bare clock time belongs to the day under discussion, else to the report's day
            day = focus or ref
            value = (N.fmt_day(day) if day else "XXXX-XX-XX") + value
        # trim trailing whitespace / dangling punctuation kept by patterns
        while e > s and text[e - 1] in " \t\n,":
            e -= 1
        out.append(TimeMention(text=text[s:e], start=s, end=e, value=value, type=typ))
    _assign_roles(text, out)
    return out


def tag(text: str, ref: str | dt.date | None = None, lang: str | None = None) -> list[TimeMention]:
    """Find and normalise the temporal expressions of ``text``.

    ``ref`` is the publication date of the document ('YYYY-MM-DD', a date, or None).
    With ``ref=None`` the tagger anchors on the publication date that
    :func:`dateline.time.pubdate.infer_published` can support from the text, else emits
    X-filled values. Returns mentions sorted by start, non-overlapping, with
    ``mention.text == text[start:end]``.
    """
    if not isinstance(text, str) or not text:
        return []
    refd = N.parse_ref(ref)
    if refd is None:
        try:
            from .pubdate import infer_published
            refd = N.parse_ref(infer_published(text))
        except Exception:  # never let inference break tagging
            refd = None
    try:
        return _tag(text, refd, lang)
    except RecursionError:
        return []
