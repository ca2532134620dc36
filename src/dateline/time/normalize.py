"""Value arithmetic, anchoring and tense detection for the temporal tagger.

Everything here is pure standard library and works on TIMEX3 value strings:
``2020-11-20`` (day), ``2020-11`` (month), ``2020`` (year), ``199`` (decade),
``2020-W47`` (ISO week), ``2020-Q3`` (quarter), ``2020-SU`` (season),
``2020-12-01TNI`` (part of day), ``2020-11-10T00:00+03:00`` (time) ...
"""
from __future__ import annotations

import bisect
import datetime as dt
import re

from dateline.lang.en import sentences as _en_sent, time_words as _en_tw
from dateline.lang.ru import time_words as _ru_tw

# ---------------------------------------------------------------- dates


def parse_ref(ref) -> dt.date | None:
    """Accept a date, a datetime or an ISO-ish string ('2020-11-24', '2020-11-24T10:00', '19981003')."""
    if ref is None:
        return None
    if isinstance(ref, dt.datetime):
        return ref.date()
    if isinstance(ref, dt.date):
        return ref
    if isinstance(ref, str):
        m = re.match(r"\s*(\d{4})-?(\d{2})-?(\d{2})", ref)
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                return None
    return None


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except (ValueError, OverflowError):
        return None


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def add_days(d: dt.date, n: int) -> dt.date | None:
    try:
        return d + dt.timedelta(days=n)
    except OverflowError:
        return None


def fmt_day(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def fmt_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def add_quarters(y: int, q: int, n: int) -> tuple[int, int]:
    k = y * 4 + (q - 1) + n
    return k // 4, k % 4 + 1


def shift(ref: dt.date, n: int, unit: str) -> str | None:
    """The value at ``n`` units from ``ref``, at the granularity of the unit."""
    try:
        if unit == "D":
            d = add_days(ref, n)
            return fmt_day(d) if d else None
        if unit == "W":
            d = add_days(ref, 7 * n)
            return fmt_week(d) if d else None
        if unit == "M":
            y, m = add_months(ref.year, ref.month, n)
            return f"{y:04d}-{m:02d}" if 0 < y < 10000 else None
        if unit == "Q":
            y, q = add_quarters(ref.year, quarter_of(ref), n)
            return f"{y:04d}-Q{q}" if 0 < y < 10000 else None
        if unit == "Y":
            y = ref.year + n
            return f"{y:04d}" if 0 < y < 10000 else None
        if unit == "DE":
            y = ref.year + 10 * n
            return f"{y // 10:03d}" if 0 < y < 10000 else None
        if unit == "CE":
            y = ref.year + 100 * n
            return f"{y // 100:02d}" if 0 < y < 10000 else None
        if unit in ("H", "MIN", "S"):
            return fmt_day(ref)
    except (ValueError, OverflowError):
        return None
    return None


def undated(unit: str) -> str:
    """The X-filled value of a relative expression when there is no anchor."""
    return {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Q": "XXXX-QX", "Y": "XXXX",
            "DE": "XXX", "CE": "XX"}.get(unit, "XXXX-XX-XX")


_DAY_VALUE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def value_date(value: str) -> dt.date | None:
    """The day a value denotes if it is day-precise (2020-11-20, 2020-11-20TNI, 2020-11-20T10:00)."""
    m = _DAY_VALUE.match(value)
    if not m:
        return None
    return safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


# ---------------------------------------------------------------- anchoring


def pick_year(month: int, day: int | None, ref: dt.date, tense: str | None,
              weekday: int | None = None) -> int:
    """Choose the year of a year-less date: the candidate (ref year -1, 0, +1) closest to ref,
    moved to respect the tense (past: not after ref; future: not before ref) unless it is
    within a week of ref; an explicit weekday that only one candidate satisfies wins."""
    cands = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        d = safe_date(y, month, day or 15)
        if d is None and day == 29:
            d = safe_date(y, month, 28)
        if d is None:
            continue
        cands.append((y, d))
    if not cands:
        return ref.year
    if weekday is not None and day:
        ok = [c for c in cands if c[1].weekday() == weekday]
        if len(ok) == 1:
            return ok[0][0]
    slack = 7 if day else 0

    def dist(c):
        y, d = c
        if day is None:  # month precision: compare months
            return abs((y * 12 + month) - (ref.year * 12 + ref.month))
        return abs((d - ref).days)

    if tense is None and day is not None:
        # no tense marker: news mostly looks back, so a day ahead must be twice as close as
        # the same day behind ("Feb. 28 - EU governments approve sanctions" in a September
        # chronology is the February just gone, not the one to come)
        best = min(cands, key=lambda c: dist(c) * (2 if (c[1] - ref).days > slack else 1))
    else:
        best = min(cands, key=dist)
    # tense only overrides the closest candidate when the tense-consistent one is not much
    # further away (about eight months): clause tense is a weak signal in news prose
    limit = 8 if day is None else 245
    if tense == "past":
        if _after(best, ref, month, day, slack):
            prior = [c for c in cands if not _after(c, ref, month, day, 0)]
            if prior:
                alt = min(prior, key=dist)
                if dist(alt) <= limit:
                    best = alt
    elif tense == "future":
        if _before(best, ref, month, day, slack):
            later = [c for c in cands if not _before(c, ref, month, day, 0)]
            if later:
                alt = min(later, key=dist)
                if dist(alt) <= limit:
                    best = alt
    return best[0]


def _after(c, ref, month, day, slack):
    y, d = c
    if day is None:
        return (y, month) > (ref.year, ref.month)
    return (d - ref).days > slack


def _before(c, ref, month, day, slack):
    y, d = c
    if day is None:
        return (y, month) < (ref.year, ref.month)
    return (ref - d).days > slack


def weekday_date(wd: int, ref: dt.date, tense: str | None, mod: str | None = None) -> dt.date:
    """Resolve a weekday name (0 = Monday) against ref.

    past -> the most recent such day on or before ref; future -> the next on or after ref;
    no tense -> the closest (ties go to the past). 'last'/'next' move strictly away from ref.
    """
    back = (ref.weekday() - wd) % 7
    fwd = (wd - ref.weekday()) % 7
    if mod == "last":
        return ref - dt.timedelta(days=back or 7)
    if mod == "next":
        return ref + dt.timedelta(days=fwd or 7)
    if mod == "this":
        return ref + dt.timedelta(days=fwd) if tense != "past" else ref - dt.timedelta(days=back)
    if tense == "past":
        return ref - dt.timedelta(days=back)
    if tense == "future":
        return ref + dt.timedelta(days=fwd)
    # no tense marker: news mostly reports the past; only a very near day ahead wins
    return ref + dt.timedelta(days=fwd) if (fwd <= 1) else ref - dt.timedelta(days=back)


# ---------------------------------------------------------------- tense

# tense cues per language (lang/<code>/time_words.py), joined: one scan serves both
_FUT = _en_tw.TENSE_FUTURE + "|" + _ru_tw.TENSE_FUTURE
_PAST = _en_tw.TENSE_PAST + "|" + _ru_tw.TENSE_PAST
_NOT_PAST = re.compile(rf"^(?:{_en_tw.NOT_PAST})$", re.I)
_TENSE_RE = re.compile(rf"(?<![\w'’])(?:(?P<f>{_FUT})|(?P<p>{_PAST}))(?![\w])", re.I)
# a past form after "be", "to" or a modal is a participle or a base form that looks like a
# past ("will be held", "is expected to hit", "would cut"): no past tense
_PASSIVE_BE = re.compile(r"(?<![\w])(?:be|being|to|will|would|can|could|may|might|must|shall|"
                         r"should|['’]ll)\s+$", re.I)
_CLAUSE_CUT = re.compile(r",\s+(?:but|and|while|whereas)\s+|;\s+|\s[—–]\s|\s--\s")
# where the clause after an expression ends for the tense scan; a quotation is another
# speaker's clause ("Sunday evening, McCain, saying `` this may sound unusual , '' said")
_REL_STOP = re.compile(r"\b(?:which|who|whom|whose|where|when|that|while|but|and)\b|;|—|[\"“”]|``|''",
                       re.I)
# a full stop after an abbreviation or an initial ("a.m.", "U.S.", "Mr.", "Sept.") does not end
# the sentence
_ABBR = _en_sent.ABBREVIATIONS_BEFORE_STOP
_ABBR_END = re.compile(r"(?:\b(?:" + "|".join(_ABBR) + r")|(?:^|[\s.])[A-Za-z])\.$")
_SENT_CAND = re.compile(r"[.!?;:]\s+(?=[\"'“‘(A-ZА-ЯЁ0-9])|\n\s*\n|\n(?=\s*[-•*—])")


def _sent_ends(text: str, pos: int = 0, endpos: int | None = None):
    """Sentence breaks (match objects) in text[pos:endpos], minus full stops of abbreviations."""
    for m in _SENT_CAND.finditer(text, pos, len(text) if endpos is None else endpos):
        p = m.start()
        if text[p] == "." and _ABBR_END.search(text, max(0, p - 6), p + 1):
            continue
        yield m


def sentence_index(text: str) -> list[int]:
    """Sorted sentence-start offsets (for repeated clause_tense calls on one text)."""
    return [m.end() for m in _sent_ends(text)]


def sentence_bounds(text: str, start: int, end: int, index: list[int] | None = None) -> tuple[int, int]:
    if index is not None:
        i = bisect.bisect_right(index, start)
        s = max(index[i - 1] if i else 0, start - 400)
        j = bisect.bisect_left(index, end)
        e = min(index[j] - 1 if j < len(index) else len(text), end + 400)
        return s, max(e, end)
    lo = max(0, start - 400)
    s = lo
    for m in _sent_ends(text, lo, min(len(text), start + 1)):  # +1: the lookahead sees start
        if m.end() <= start:
            s = m.end()
    hi = min(len(text), end + 400)
    m = next(_sent_ends(text, end, hi), None)
    e = m.start() + 1 if m else hi
    return s, e


_REDUCED_PASSIVE = re.compile(r"\s+by\b")
_AFTER_COMMA = re.compile(r",\s*$")


def tense_markers(text: str, start: int, end: int):
    """The tense markers in text[start:end] (match objects: group "f" future, "p" past), minus
    -ed words that mark no past ("united", "expected")."""
    for m in _TENSE_RE.finditer(text, start, end):
        if m.group("p") and (_NOT_PAST.match(m.group(0)) or
                             _PASSIVE_BE.search(text, max(0, m.start() - 7), m.start())):
            continue  # "united"; "will be held", "is to be signed": a participle, no past
        if m.group("p") and _REDUCED_PASSIVE.match(text, m.end()) and \
                _AFTER_COMMA.search(text, max(0, m.start() - 3), m.start()):
            continue  # ", bloodied by bruising debates ,": a participle set off by commas
        yield m


def clause_tense(text: str, start: int, end: int, index: list[int] | None = None) -> str | None:
    """'past', 'future' or None for the clause around text[start:end].

    The last tense marker before the expression in its clause (its sentence, from the last
    ", but"/", and"/";"/dash) decides; failing that, the first one after it. Future markers
    are modals and intention verbs; past markers are past auxiliaries, common irregular past
    forms and -ed words (minus a stop list): ``tense_markers``."""
    s, e = sentence_bounds(text, start, end, index)
    # the expression's own clause: after a coordinated clause's ", but" / "; " / " - "
    # ("X declined to comment, but Y holds a news conference Thursday"). TempEval-3 value F1
    # 0.804 -> 0.805 (dev), 0.806 held-out; T17 AR-2 0.0491 -> 0.0492
    for c in _CLAUSE_CUT.finditer(text, s, start):
        s = c.end()
    # a verb's tense outweighs a time word of another phrase before it: in "will report a
    # profit for the final quarter of last year when it unveils results on Tuesday" the
    # "last" of the quarter says nothing of Tuesday
    last = weak = None
    for m in tense_markers(text, s, start):
        if m.group(0).lower() in _en_tw.TENSE_TIME_WORDS:
            weak = m
        else:
            last = m
    if last is None:
        last = weak
    if last is None:
        stop = _REL_STOP.search(text, end, e)
        last = next(tense_markers(text, end, stop.start() if stop else e), None)
    if last is None:
        return None
    return "future" if last.group("f") else "past"


# ---------------------------------------------------------------- numbers

# number words of durations and counts (lang/en/time_words.py)
NUM_WORDS = _en_tw.NUMBER_WORDS
_VAGUE = _en_tw.VAGUE_NUMBERS


def parse_number(s: str):
    """'twenty-four' -> 24, '2 1/2' -> 2.5, 'a few' -> 'X', '1,960' -> 1960; None if not a number."""
    s = s.lower().strip()
    half = 0.0
    if s.endswith("and a half"):
        half, s = 0.5, s[: -len("and a half")].strip()
    m = re.match(r"^([\d,]+(?:\.\d+)?)(?:\s+1/2|½)?$", s)
    if m:
        try:
            v = float(m.group(1).replace(",", ""))
        except ValueError:
            return None
        if "1/2" in s or "½" in s:
            v += 0.5
        return _clean(v + half)
    words = re.split(r"[\s-]+", s)
    if "couple" in words:
        return _clean(2 + half)
    if any(w in _VAGUE for w in words):
        return "X"
    total, cur = 0, 0
    seen = False
    for w in words:
        if w in ("of", "and"):
            continue
        if w == "half":
            half = 0.5
            continue
        if w not in NUM_WORDS:
            return None
        v = NUM_WORDS[w]
        seen = True
        if v == 100:
            cur = (cur or 1) * 100
        elif v == 1000:
            total += (cur or 1) * 1000
            cur = 0
        elif v == 12 and w == "dozen":
            cur = (cur or 1) * 12
        else:
            cur += v
    if not seen:
        return _clean(half) if half else None
    return _clean(total + cur + half)


def _clean(v):
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def duration_value(n, unit: str) -> str:
    """P3Y, PT5H30M, P2Y6M, PXD ... unit in Y M W D H MIN S DE CE Q L."""
    if unit in ("DE", "CE"):
        # TimeBank writes decades and centuries in years: "three decades" = P30Y
        k = 10 if unit == "DE" else 100
        if isinstance(n, (int, float)) and not isinstance(n, bool):
            y = n * k
            return f"P{int(y)}Y" if float(y).is_integer() else f"P{y:g}Y"
        if unit == "DE":
            return "PXY"
    timey = unit in ("H", "MIN", "S")
    code = {"MIN": "M"}.get(unit, unit)
    if n == "X" or n is None:
        return ("PTX" if timey else "PX") + code
    if isinstance(n, float):
        frac = n - int(n)
        whole = int(n)
        sub = {"Y": (12, "M", False), "H": (60, "M", True), "D": (24, "H", True),
               "DE": (10, "Y", False), "MIN": (60, "S", True)}.get(unit)
        if sub and abs(frac * sub[0] - round(frac * sub[0])) < 1e-9:
            k = int(round(frac * sub[0]))
            if unit == "D":
                return f"P{whole}DT{k}H" if whole else f"PT{k}H"
            if timey:
                return f"PT{whole}{code}{k}{sub[1]}" if whole else f"PT{k}{sub[1]}"
            return f"P{whole}{code}{k}{sub[1]}" if whole else f"P{k}{sub[1]}"
        return ("PT" if timey else "P") + f"{n:g}{code}"
    return ("PT" if timey else "P") + f"{n}{code}"
