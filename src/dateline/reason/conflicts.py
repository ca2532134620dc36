"""Conflicts: claims about the same thing that differ between sources.

Three kinds (dateline/1 ``kind``), each with a ``classification`` (an addition):

* **number** — quantities with a unit ("1,960 soldiers", "nearly 2,000 troops", "15 to 20
  percent of lost territory"). Two claims are about the *same quantity* only when
  - their units are the same or synonyms (soldiers/troops/servicemen; percent/per cent/%),
  - a percentage has the same base ("of Azerbaijan" = "of Azerbaijan's territory", but not
    "of lost territory": a share of a different whole is a different quantity),
  - a count of people has the same predicate when one is given (killed vs injured differ),
  - the sentences (with the sentence before, for "the mission consisting of ...") share
    at least two content words or entities beyond the unit.
  Each claim becomes an interval from its hedge ("nearly N" = [0.9N, N], "about N" =
  [0.9N, 1.1N], "more than N" = (N, 1.5N], ranges as given). Same central value: agreement,
  not listed. Overlapping intervals, or a difference within 3% with a round number:
  ``approximate`` (listed so the analyst sees it, never as a contradiction). Otherwise
  ``contradiction``. Only claims from different documents count.
* **date** — a commitment whose sources give different dates (from the commitment stage).
  When the later date comes with a delay/extension statement it is ``revised`` (a deadline
  change, explained by the sources); otherwise ``contradiction``.
* **fact** — (a) who started a fight: opposing attributed claims about the same date
  ("X accused Y of provocation" vs "Y stated that X had launched an offensive"; asserted
  "Y launched an attack" counts too; counter-offensives do not) -> ``contradiction`` when
  the sources name different aggressors; (b) a hand-over reported done by one source and
  denied or reported not done by another -> ``contradiction``.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from ..lang.common import stem
from ..lang.en import conflicts as EN
from ..lang.ru import conflicts as RU
from ..model import content_id
from ..settings import SETTINGS
from .commitments import Context, Sentence

# ------------------------------------------------------------------------------ numbers
# The words live in lang/en/conflicts.py (and lang/ru); here they are compiled and indexed.

_SMALL = {w: i for i, w in enumerate(EN.SMALL_NUMBERS)}
_TENS = {w: 10 * (i + 2) for i, w in enumerate(EN.TENS)}
_SCALE = EN.SCALES
_SCALES = "|".join(_SCALE)
_WORDNUM = (r"(?:(?:" + "|".join(_TENS) + r")(?:[-\s](?:" + "|".join(list(_SMALL)[1:10]) + r"))?|"
            + "|".join(sorted(_SMALL, key=len, reverse=True)) + r")")
_DIGITS = EN.DIGITS
_ABBR = "|".join(sorted(EN.ABBREVIATED_SCALES, key=len, reverse=True))
# "4.9 m barrels" (a space before the scale) only before a plural noun, what is counted in
# millions, never "4.9 m tall" (lang/en/conflicts.ABBREVIATED_SCALES)
_NUM = (rf"(?:(?:{_DIGITS})(?:{_ABBR})\b|(?:{_DIGITS})\s(?:{_ABBR})\b(?=\s+(?!across\b)[a-z]{{2,}}s\b)|"
        rf"(?:{_DIGITS}|{_WORDNUM})(?:\s+(?:{_SCALES}))?)")
_HEDGE = "|".join(h.replace(" ", r"\s+") for h in EN.HEDGES)
_NUMBER_RE = re.compile(
    rf"(?:\b(?P<hedge>{_HEDGE})\s+)?(?:{EN.RANGE_START}\s+)?(?:(?P<cur>{EN.CURRENCY_SIGN})\s*)?\b(?P<a>{_NUM})"
    rf"(?:\s*(?:{EN.RANGE_JOINERS})\s*(?P<b>{_NUM}))?"
    rf"(?P<pct>\s*(?:{EN.PERCENT})\b)?", re.I)
_VALUE_RE = re.compile(rf"^({_DIGITS})(?:\s+({_SCALES})|\s?({_ABBR}))?$", re.I)
_UNIT_OF = {w: k for k, ws in EN.UNIT_SYNONYMS.items() for w in ws}
_PRED_OF = {w: k for k, ws in EN.PREDICATES.items() for w in ws}
# a context word: a Latin or Russian letter, then letters, digits, apostrophes or hyphens
_WORD = re.compile("[" + EN.WORD_LETTERS + RU.WORD_LETTERS + r"][\w’'-]*")
_UNIT_PHRASE = re.compile(EN.UNIT_PHRASE)
_PERCENT_OF = re.compile(EN.PERCENT_OF)
_BASE_TOKEN = re.compile(EN.BASE_TOKEN)
_POSSESSIVE = re.compile(EN.POSSESSIVE)
_CURRENCY_BEFORE = re.compile(EN.CURRENCY_BEFORE, re.I)
_BARE_COUNT = re.compile(EN.BARE_COUNT)


def _word_value(s: str) -> float | None:
    s = s.lower().replace("-", " ").strip()
    parts = s.split()
    total, cur = 0, 0
    for p in parts:
        if p in _SMALL:
            cur += _SMALL[p]
        elif p in _TENS:
            cur += _TENS[p]
        elif p in _SCALE:
            cur = max(cur, 1) * _SCALE[p]
            if _SCALE[p] >= 1000:
                total, cur = total + cur, 0
        else:
            return None
    return float(total + cur)


def _value(s: str) -> float | None:
    s = s.strip()
    m = _VALUE_RE.match(s)
    if m:
        v = float(m.group(1).replace(",", ""))
        if m.group(3):
            return v * EN.ABBREVIATED_SCALES[m.group(3).lower()]
        return v * _SCALE[m.group(2).lower()] if m.group(2) else v
    return _word_value(s)


@dataclass
class Quantity:
    sent: Sentence
    start: int
    end: int
    text: str
    lo: float
    hi: float
    center: float
    hedged: bool
    unit: str           # unit class
    unit_text: str
    base: str | None    # for percentages: the whole it is a share of
    preds: set
    context: set
    entities: set


def _content(text: str) -> set[str]:
    return {stem(w) for w in _WORD.findall(text) if w.lower() not in EN.STOP_WORDS and len(w) > 2}


def quantities(ctx: Context) -> list[Quantity]:
    out = []
    for d in ctx.docs:
        sents = ctx.sentences[d.id]
        time_spans = [(t.start, t.end) for t in d.times]
        for i, s in enumerate(sents):
            prev = sents[i - 1] if i and sents[i - 1].para == s.para else None
            for m in _NUMBER_RE.finditer(s.text):
                a0, a1 = s.start + m.start("a"), s.start + m.end()
                if any(x < a1 and a0 < y for x, y in time_spans):
                    continue
                va = _value(m.group("a"))
                vb = _value(m.group("b")) if m.group("b") else None
                if va is None:
                    continue
                if re.fullmatch(r"\d{4}", m.group("a")) and 1800 <= va <= 2100 and not m.group("pct"):
                    continue  # a year
                # (only the characters next to the number: rescanning the sentence up to every
                # number made this quadratic in the sentence length)
                if re.search(r"[-/.]\s*$", s.text[max(0, m.start() - 16):m.start()]) or \
                        re.match(r"\s*[-/.]\d", s.text[m.end():m.end() + 16]):
                    continue  # part of a code, a date or a score
                hedge = (m.group("hedge") or "").lower()
                hedge = re.sub(r"\s+", " ", hedge)
                rest = s.text[m.end():]
                base = None
                if m.group("pct"):
                    unit, unit_text = "percent", m.group("pct").strip()
                    bm = _PERCENT_OF.match(rest)
                    if bm:
                        words = []
                        for w in _BASE_TOKEN.findall(bm.group(1).lower()):
                            if w in EN.BASE_SKIP:
                                continue
                            if w == EN.OF and all(x in EN.WHOLE_NOUNS for x in words):
                                continue  # "the territory of Somalia" = "Somalia's territory"
                            if w in EN.BASE_END_WORDS:
                                break
                            if w == "," or w in EN.STOP_WORDS or w in EN.UNIT_END_WORDS or len(words) == 3:
                                break
                            words.append(w)
                        words = [_POSSESSIVE.sub("", w) for w in words
                                 if w not in EN.WHOLE_NOUNS]
                        base = " ".join(words) or None
                elif m.group("cur"):
                    unit, unit_text = EN.CURRENCY[m.group("cur").lower()], m.group("cur")
                elif (cm := _CURRENCY_BEFORE.search(s.text[max(0, m.start() - 4):m.start()])):
                    unit, unit_text = EN.CURRENCY[cm.group(1).lower()], cm.group(1)
                elif (bm := _BARE_COUNT.match(rest)) and (bm.group(1) or bm.group(2)).lower() in _PRED_OF:
                    unit, unit_text = "people", ""
                else:
                    um = _UNIT_PHRASE.match(rest)
                    if not um:
                        continue
                    words = []
                    for w in um.group(1).lower().split():
                        if w in EN.STOP_WORDS or w in EN.UNIT_END_WORDS or (
                                w.endswith(EN.PARTICIPLE_ENDING) and w not in _UNIT_OF):
                            break
                        words.append(w)
                    if not words:
                        continue
                    head = words[-1]
                    # the unit: the first word that is a known unit, else the head word
                    unit_word = next((w for w in words if w in _UNIT_OF), head)
                    if unit_word in EN.DURATION_UNITS or head in EN.DURATION_UNITS or unit_word in EN.STOP_WORDS:
                        continue
                    if unit_word in EN.NOT_UNITS:
                        continue
                    unit, unit_text = _UNIT_OF.get(unit_word, unit_word.rstrip(EN.PLURAL_ENDING)), unit_word
                lo = hi = va
                if vb is not None:
                    if vb < va:
                        continue
                    hi = vb
                # the interval a hedge makes of the number (its class: lang/en/conflicts.HEDGES)
                hedge_class = EN.HEDGES.get(hedge)
                if hedge_class == "below":
                    lo = va * 0.9
                elif hedge_class == "around":
                    lo, hi = lo * 0.9, hi * 1.1
                elif hedge_class == "above":
                    hi = va * 1.5
                elif hedge_class == "at_most":
                    lo = 0.0
                center = (va + vb) / 2 if vb is not None else va
                ctxtext = s.text + (" " + prev.text if prev else "")
                near = s.text[max(0, m.start() - 60):m.end() + 60].lower()
                preds = {_PRED_OF[w] for w in _WORD.findall(near) if w in _PRED_OF}
                ents = {x.entity for x in s.mentions} | ({x.entity for x in prev.mentions} if prev else set())
                ctxw = _content(ctxtext) - _content(m.group(0) + " " + unit_text)
                out.append(Quantity(s, s.start + m.start(), s.start + m.end(), m.group(0), lo, hi, center,
                                    bool(hedge) or vb is not None, unit, unit_text, base, preds, ctxw, ents))
    return out


# Running tallies (casualties, cases, arrests) grow from one report to the next: two figures
# published days apart are an update, not a disagreement.
_TALLY = re.compile(EN.TALLY_STEMS, re.I)


def _is_tally(q: Quantity) -> bool:
    return bool(_TALLY.match(q.unit) or (q.unit_text and _TALLY.match(q.unit_text.split()[-1])))


_CURRENCIES = set(EN.CURRENCY.values())


def _shown(q: Quantity) -> str:
    """The claim in the source's own words, cut from its sentence: "$ 30 billion", "$30bn",
    "36 people", "20 percent" (never rebuilt from parts, which would put words in its mouth)."""
    text, lo, hi = q.sent.text, q.start - q.sent.start, q.end - q.sent.start
    if q.unit in _CURRENCIES:
        i = text.rfind(q.unit_text, max(0, lo - 4), lo)
        lo = i if i >= 0 else lo
    elif q.unit != "percent" and q.unit_text:
        j = text.lower().find(q.unit_text.lower(), hi, hi + 40)
        hi = j + len(q.unit_text) if j >= 0 else hi
    return text[lo:hi]


def _running(q: Quantity) -> bool:
    """A running count: a tally, or a count of people something happened to ("233 people
    have been killed"), which later reports update."""
    return _is_tally(q) or bool(q.preds) and q.unit == "people"


def _days_apart(a: Quantity, b: Quantity) -> int | None:
    pa, pb = a.sent.doc.published, b.sent.doc.published
    try:
        return abs((dt.date.fromisoformat(pa[:10]) - dt.date.fromisoformat(pb[:10])).days)
    except (TypeError, ValueError):
        return None


def _same_quantity(a: Quantity, b: Quantity) -> bool:
    if a.unit != b.unit:
        return False
    # Precision first: sharing words is not enough to be about the same thing ("two
    # fishermen" named in a suit vs "500 fishermen" hired); the claims must also share a
    # named entity (a place, a party, an organisation) in their sentence or the one before.
    if not (a.entities & b.entities) and not _same_frame_without_names(a, b):
        return False
    lo, hi = sorted((abs(a.center), abs(b.center)))
    if lo == 0 or hi / lo > SETTINGS.reason.SAME_QUANTITY_RATIO:
        return False  # "two people" and "70,000 people" are not one count
    if _is_tally(a) or _running(a) and _running(b):
        apart = _days_apart(a, b)
        if apart is None:
            return False
        if apart > SETTINGS.reason.TALLY_DAYS:
            # a later update of the same count: the same predicate and much the same words
            if apart > SETTINGS.reason.REVISION_DAYS or not (a.preds and a.preds == b.preds):
                return False
            union = a.context | b.context
            if not union or len(a.context & b.context) / len(union) < SETTINGS.reason.CONTRADICTION_OVERLAP:
                return False
    if a.unit == "percent":
        if a.base != b.base:
            return False  # a share of a different whole is a different quantity
    if (a.preds or b.preds) and not (a.preds & b.preds):
        return False
    common = a.context & b.context
    if a.unit == "percent" and a.base:
        # beyond the base itself: a share of one whole can still be of different parts
        # ("40 percent of the debt is owed to China" vs "60 percent ... held by bondholders")
        common -= _content(a.base)
    shared = len(common) + len(a.entities & b.entities)
    return shared >= 3


def _same_frame_without_names(a: Quantity, b: Quantity) -> bool:
    """No named entity in common (NER misses many, and "at least 219 had died nationwide"
    names none), but the same measured thing all the same: what happened to the people
    counted (killed, injured, fled) or the same currency, and much the same words."""
    if not ((a.preds and a.preds == b.preds) or a.unit in _CURRENCIES):
        return False
    union = a.context | b.context
    return bool(union) and len(a.context & b.context) / len(union) >= SETTINGS.reason.CONTRADICTION_OVERLAP


def _comparable_reports(a: Quantity, b: Quantity) -> bool:
    """Two different figures are called a contradiction only when the reports are close in
    time and describe the same thing in much the same words: on real news (Timeline17) the
    looser rule listed running counts, parts vs wholes and unrelated figures as
    contradictions. An approximate agreement needs no such check: it claims nothing false."""
    apart = _days_apart(a, b)
    if apart is None or apart > SETTINGS.reason.CONTRADICTION_DAYS:
        return False
    if _is_tally(a) and apart > 0:
        return False  # running counts differ between reports as they are updated
    if a.unit not in _CURRENCIES and a.unit != "percent" and a.unit_text and \
            not a.unit_text.lower().rstrip(".").endswith(EN.PLURAL_ENDING):
        return False  # "1320 British Prime Minister": a live-blog time, not a count
    union = a.context | b.context
    return bool(union) and len(a.context & b.context) / len(union) >= SETTINGS.reason.CONTRADICTION_OVERLAP


def _one_sided(q: Quantity) -> bool:
    """A figure given as a bound: "at least N", "nearly N", "up to N"."""
    return (q.lo == q.center) != (q.hi == q.center)


def _classify(a: Quantity, b: Quantity) -> str | None:
    """None when the claims agree; else approximate | contradiction."""
    if a.center == b.center:
        # the same number: agreement ("about 20 percent" = "20 percent"), unless one source
        # gives it as a bound and the other does not ("at least $30 billion" vs "$30
        # billion", "more than $30 billion"): they round it differently
        if (a.lo, a.hi) != (b.lo, b.hi) and (_one_sided(a) or _one_sided(b)):
            return "approximate"
        return None
    if a.lo <= b.hi and b.lo <= a.hi:
        return "approximate"
    big = max(a.center, b.center) or 1.0
    if abs(a.center - b.center) / big <= 0.03:
        return "approximate"
    return "contradiction"


def _candidate_pairs(qs: list) -> list[tuple[int, int]]:
    """Pairs (i < j) from different documents that _same_quantity could accept: the same
    unit and base, and at least three shared context words or entities. Found through an
    inverted index instead of comparing every pair (quadratic: hours on Timeline17); on a
    large corpus, words shared by very many quantities are not used to propose pairs."""
    blocks: dict = defaultdict(list)
    for i, q in enumerate(qs):
        blocks[(q.unit, q.base if q.unit == "percent" else None)].append(i)
    out = []
    for members in blocks.values():
        index: dict = defaultdict(list)
        for i in members:
            for t in qs[i].context:
                index["w:" + t].append(i)
            for e in qs[i].entities:
                index["e:" + str(e)].append(i)
        shared: Counter = Counter()
        for posting in index.values():
            if len(posting) > SETTINGS.reason.MAX_POSTING:
                continue
            for x, i in enumerate(posting):
                for j in posting[x + 1:]:
                    shared[(i, j) if i < j else (j, i)] += 1
        out.extend(p for p, k in shared.items() if k >= 3 and qs[p[0]].sent.doc.id != qs[p[1]].sent.doc.id)
    return sorted(out)


def _number_conflicts(ctx: Context) -> list[dict]:
    qs = quantities(ctx)
    n = len(qs)
    parent = list(range(n))

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    pairs = []
    for i, j in _candidate_pairs(qs):
        if _same_quantity(qs[i], qs[j]):
            parent[root(i)] = root(j)
            pairs.append((i, j))
    groups = defaultdict(list)
    for i in range(n):
        groups[root(i)].append(i)
    pair_classes = defaultdict(set)
    for i, j in pairs:
        cls = _classify(qs[i], qs[j])
        if cls == "contradiction":
            a, b = sorted((qs[i], qs[j]), key=lambda q: q.sent.doc.published or "")
            apart = _days_apart(a, b) or 0
            if _running(a) and _running(b) and apart >= 1 and b.center > a.center:
                cls = "revision"   # a later report raises the count: an update
            elif not _comparable_reports(qs[i], qs[j]):
                cls = None
        pair_classes[root(i)].add(cls)
    out = []
    for r, members in groups.items():
        if len(members) < 2:
            continue
        ms = [qs[i] for i in members]
        if len({q.sent.doc.id for q in ms}) < 2:
            continue
        classes = set(pair_classes[r])
        classes.discard(None)
        if not classes:
            continue
        cls = next(c for c in ("contradiction", "revision", "approximate") if c in classes)
        ms.sort(key=lambda q: (q.sent.doc.published or "9999", q.sent.doc.id, q.start))
        shared = set.intersection(*[q.entities for q in ms]) if ms else set()
        names = sorted(ctx.entities[e]["name"] for e in shared if e in ctx.entities)
        unit = ms[0].unit
        about = (f"share of {ms[0].base}" if unit == "percent" and ms[0].base
                 else f"number of {unit}") + (f" ({', '.join(names[:3])})" if names else "")
        claims = [{"value": _shown(q), "doc": q.sent.doc.id,
                   "quote": q.sent.text, "start": q.sent.start, "end": q.sent.end,
                   "span": {"text": q.text, "start": q.start, "end": q.end},
                   "interval": [round(q.lo, 3), round(q.hi, 3)]} for q in ms]
        cid = content_id("conflict", "number", *[f"{c['doc']}:{c['span']['start']}" for c in claims])
        out.append({"id": cid, "about": about, "kind": "number", "claims": claims,
                    "classification": cls,
                    "reason": {"approximate": "values within each other's hedges or rounding",
                               "revision": "a later report gives a higher count: an update",
                               "contradiction": "the same quantity with incompatible values"}[cls]})
    return out


# ------------------------------------------------------------------------------ dates


def _date_conflicts(ctx: Context, commitments: list[dict], internals: dict) -> list[dict]:
    out = []
    for c in commitments:
        entries = [d for d in c["deadlines"] if d.get("kind") != "extension_refused"]
        dates = sorted({d["date"] for d in entries})
        if len(dates) < 2:
            continue
        ext_dates = {d["date"] for d in entries if d.get("kind", "").startswith("extension")}
        first = dates[0]
        # revised: every later date is one an extension statement gives
        revised = all(x in ext_dates for x in dates if x != first)
        places = ", ".join(ctx.entities[p]["name"] for p in c["places"] if p in ctx.entities)
        claims = [{"value": d["date"], "doc": d["doc"], "quote": d["quote"], "start": d["start"],
                   "end": d["end"], "stated_as": d.get("kind")} for d in entries]
        cid = content_id("conflict", "date", c["id"], *dates)
        out.append({"id": cid, "about": f"deadline: {c['what']}" + (f" ({places})" if places else ""),
                    "kind": "date", "claims": claims,
                    "classification": "revised" if revised else "contradiction",
                    "commitment": c["id"],
                    "reason": ("the later date is a delay/extension of the earlier deadline"
                               if revised else "sources give different dates for one obligation")})
    return out


# ------------------------------------------------------------------------------ facts

_COUNTER = re.compile(EN.COUNTER_ATTACK, re.I)
_ACCUSE = re.compile(EN.ACCUSE, re.I)
_LAUNCH = re.compile(EN.LAUNCH, re.I)
_SAYING = re.compile(EN.SAYING, re.I)


@dataclass
class Blame:
    sent: Sentence
    aggressor: str
    claimant: str | None
    date: str | None


def _party_in(sent: Sentence, lo: int, hi: int) -> str | None:
    for m in sent.mentions:
        if m.party and lo <= m.start and m.end <= hi:
            return m.party
    return None


def _sentence_date(ctx: Context, sents: list[Sentence], i: int) -> str | None:
    s = sents[i]
    for t in s.times:
        if t.date:
            return t.date
    for j in range(i - 1, -1, -1):
        if sents[j].para != s.para:
            break
        ds = [t.date for t in sents[j].times if t.date]
        if ds:
            return ds[-1]
    return None


def blames(ctx: Context) -> list[Blame]:
    out = []
    for d in ctx.docs:
        sents = ctx.sentences[d.id]
        for i, s in enumerate(sents):
            found = []
            for m in _ACCUSE.finditer(s.text):
                agg = _party_in(s, s.start + m.start("obj"), s.start + m.end())
                claimant = next((x.entity for x in s.mentions if x.kind in ("party", "actor")
                                 and x.end <= s.start + m.start()), None)
                claimant_party = next((x.party for x in s.mentions if x.party
                                       and x.end <= s.start + m.start()), None)
                if agg and agg != claimant_party:
                    found.append((agg, claimant))
            if not found:
                for m in _LAUNCH.finditer(s.text):
                    if _COUNTER.search(m.group(0)):
                        continue
                    agg = _party_in(s, s.start + m.start("subj"), s.start + m.end())
                    if not agg:
                        continue
                    agg_pos = next(x.start for x in s.mentions if x.party == agg
                                   and x.start >= s.start + m.start("subj")) - s.start
                    claimant = None
                    sm = _SAYING.search(s.text[:agg_pos])
                    if sm:
                        claimant = next((x.entity for x in s.mentions if x.kind in ("party", "actor")
                                         and x.end <= s.start + sm.start()), None)
                        if claimant is None:  # "The Armenian authorities stated ...": a demonym
                            claimant = next((x.party for x in s.mentions if x.party
                                             and x.end <= s.start + sm.start()), None)
                    found.append((agg, claimant))
                    break
            for agg, claimant in found:
                if claimant == agg:
                    continue
                out.append(Blame(s, agg, claimant, _sentence_date(ctx, sents, i)))
    return out


def _fact_conflicts(ctx: Context, commitments: list[dict], internals: dict) -> list[dict]:
    out = []
    by_date = defaultdict(list)
    for b in blames(ctx):
        if b.date:
            by_date[b.date].append(b)
    for date, bs in sorted(by_date.items()):
        aggressors = {b.aggressor for b in bs}
        if len(aggressors) < 2:
            continue
        # opposing claims need someone to say so on each side: two claimants or two documents
        if len({(b.claimant, b.sent.doc.id) for b in bs}) < 2:
            continue
        claims = []
        for b in sorted(bs, key=lambda b: (b.sent.doc.published or "9999", b.sent.doc.id, b.sent.start)):
            name = ctx.entities[b.aggressor]["name"]
            claims.append({"value": f"{name} started it", "doc": b.sent.doc.id, "quote": b.sent.text,
                           "start": b.sent.start, "end": b.sent.end, "attributed_to": b.claimant})
        cid = content_id("conflict", "fact", "blame", date, *[f"{c['doc']}:{c['start']}" for c in claims])
        out.append({"id": cid, "about": f"who started the fighting on {date}", "kind": "fact",
                    "claims": claims, "classification": "contradiction",
                    "reason": "sources name different aggressors for the same day"})
    for c in commitments:
        rs = internals.get(c["id"], {}).get("reports", [])
        pos = [r for r in rs if not r.negative]
        neg = [r for r in rs if r.negative]
        if not pos or not neg:
            continue
        # "not done yet" before the day it was done is no disagreement: a denial must be
        # dated on or after a reported fulfilment
        if not any((n.date or n.upper or "") >= (p.date or p.upper or "9999") for n in neg for p in pos):
            continue
        places = ", ".join(ctx.entities[p]["name"] for p in c["places"] if p in ctx.entities)
        claims = []
        for r in sorted(pos + neg, key=lambda r: (r.published or "9999", r.doc, r.sentence.start)):
            claims.append({"value": "not done" if r.negative else "done", "doc": r.doc,
                           "quote": r.sentence.text, "start": r.sentence.start, "end": r.sentence.end})
        cid = content_id("conflict", "fact", "fulfilment", c["id"])
        out.append({"id": cid, "about": f"whether it was carried out: {c['what']}"
                    + (f" ({places})" if places else ""), "kind": "fact", "claims": claims,
                    "classification": "contradiction", "commitment": c["id"],
                    "reason": "one source reports it done, another that it was not"})
    return out


def _add_speakers(ctx: Context, conflicts: list[dict]) -> None:
    """Who makes each claim, not the outlet that printed it: the attribution phrase of the
    claim's sentence, verbatim at its offsets (``said_by``: "Russian military officials" in
    "Russian military officials said the mission of nearly 2,000 troops ..."), and the
    party/actor entity inside that phrase as ``attributed_to`` when the claim has none.
    No phrase means the article states it in its own voice."""
    from ..events import speaker_span

    for c in conflicts:
        for cl in c["claims"]:
            sent = next((x for x in ctx.sentences.get(cl["doc"], [])
                         if x.start == cl.get("start")), None)
            if sent is None:
                continue
            found = speaker_span(sent.doc.text, sent.start, sent.end, [])
            if found is None:
                continue
            _, a, b = found
            cl["said_by"] = {"text": sent.doc.text[a:b], "start": a, "end": b}
            if not cl.get("attributed_to"):
                inside = next((m.entity for m in sent.mentions if m.kind in ("party", "actor")
                               and m.start >= a and m.end <= b), None)
                if inside:
                    cl["attributed_to"] = inside


def find(ctx: Context, commitments: list[dict], internals: dict) -> list[dict]:
    out = _number_conflicts(ctx) + _date_conflicts(ctx, commitments, internals) \
        + _fact_conflicts(ctx, commitments, internals)
    _add_speakers(ctx, out)
    out.sort(key=lambda c: (c["kind"], c["id"]))
    return out
