"""Cross-document linking: event mentions -> events, entity mentions -> canonical entities.

``link(docs, events_by_doc, entities_by_doc) -> (entities, events)``

Dependency-free (no scikit-learn): similarity is word overlap on 5-letter stems plus a small
table of event classes (truce, fighting, meeting, withdrawal, ...), so "a complete ceasefire
... is introduced on 10 November" and "the two countries signed a Russia-brokered agreement"
on the same day can meet.

* Mentions without a date are not on the timeline, except a year-less explicit date
  (``XXXX-11-10`` in an undated article) that exactly one year of the corpus's dated
  mentions with the same month-day explains: it takes that year (no year is invented when
  nothing confirms it; ``date_how`` stays "explicit" since the day came from the text).
* Clustering is greedy, most specific dates first: a mention joins the best cluster whose
  date is compatible (equal, or one a prefix of the other at a lower score: 2020-11 vs
  2020-11-10), whose modality family matches (planned vs. happened), and whose score
  (date + words + trigger/event class + shared actors/places) passes the threshold.
* ``Event.id`` = content hash of the sorted ``doc:start`` source keys (with the date and
  triggers added only when two events would otherwise share an id: two events from one
  sentence).
* ``Event.date``: the most specific date the sources agree on (votes of compatible dates,
  finest granularity among the best supported).
* ``Event.summary``: one source quote, the most central one (highest similarity to the
  other sources), preferring asserted over reported, body sentences over headlines and
  moderate length; as ``text.summary_text`` shows it: whitespace runs as one space, and
  without a leading page stamp or wire dateline (the quote stays verbatim in the sources).
* ``Event.importance``: independent sources (a paragraph repeated across documents counts
  once, duplicates of a document count as that document, several sentences of one document
  count once) + 0.1 per extra mention (max 0.5) + 0.25 for a lead sentence.
* ``Event.background``: the event ended more than 365 days before the earliest
  publication date of the corpus.
* ``Event.modality``: the majority of sources; ties go asserted > reported > planned.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace

from .entities import Entity, EntityMention, canonicalize
from .lang.common import stem
from .lang.en import link as en
from .lang.en.calendar import MONTHS, WEEKDAY_NAMES
from .lang.ru import link as ru
from .model import Document, Event, EventMention, content_id
from .sentences import DATELINE
from .settings import SETTINGS
from .text import is_chatter, summary_text

__all__ = ["link", "date_compat"]

# the linguistic knowledge is in lang/en/link.py and lang/ru/link.py; the thresholds are
# SETTINGS.link (read at call time)

# stem -> the event classes it names (English and Russian stems share the class names)
_CLASS_OF: dict[str, set[str]] = defaultdict(set)
for _classes in (en.EVENT_CLASSES, ru.EVENT_CLASSES):
    for _c, _ws in _classes.items():
        for _w in _ws.split():
            _CLASS_OF[stem(_w)].add(_c)

_REACTION = re.compile("(?:" + "|".join(en.REACTION_VERBS) + ")")
# content words: runs of three or more letters (no digits, no underscores)
_WORD = re.compile(r"[^\W\d_]{3,}")
_DATE_OK = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_YEAR_STATED = re.compile(en.YEAR_STATED, re.I)
_MONTH_DAY_ONLY = re.compile(en.MONTH_DAY_ONLY, re.I)
_PARTIAL = re.compile(r"^XXXX-(\d{2})-(\d{2})")
_FAMILY = {"asserted": "happened", "reported": "happened", "planned": "planned"}
_MODALITY_ORDER = {"asserted": 0, "reported": 1, "planned": 2}


# the date's own words: two sentences naming the same day share them whatever happened
# (month names and abbreviations, full weekday names)
_CALENDAR = frozenset(MONTHS) | frozenset(WEEKDAY_NAMES)


def _stems(text: str) -> set[str]:
    """5-letter stems of the content words, without the wire dateline ("BISHKEK, March 3
    (Reuters) -": where the report was filed) and without month and weekday names."""
    text = text[m.end():] if (m := DATELINE.match(text)) else text
    return {stem(w) for w in (x.lower() for x in _WORD.findall(text))
            if w not in en.STOP_WORDS and w not in _CALENDAR}


def date_compat(a: str, b: str) -> float:
    """1.0 for the same date, 0.5 when one contains the other (2020-11 vs 2020-11-10),
    0 otherwise."""
    if a == b:
        return 1.0
    if a.startswith(b) or b.startswith(a):
        return 0.5 if abs(len(a) - len(b)) <= 3 else 0.3
    return 0.0


def _date_end(d: str) -> dt.date:
    parts = [int(x) for x in d.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        y, m = parts
        nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return dt.date(*parts)


class _M:
    """A mention with its linking features."""
    __slots__ = ("m", "date", "stems", "trig", "classes", "wclasses", "ents", "family", "key", "root",
                 "reaction")

    def __init__(self, m: EventMention, date: str, ents: set[str], root: str):
        self.m = m
        self.date = date
        self.stems = _stems(m.quote)
        trig = m.trigger.text.lower() if m.trigger else ""
        self.trig = stem(trig)
        self.reaction = bool(_REACTION.match(trig))
        self.classes = set(_CLASS_OF.get(self.trig, ()))  # the trigger's classes
        cls: set[str] = set()
        for s in self.stems:
            cls |= _CLASS_OF.get(s, set())
        cls.discard("state")
        self.wclasses = cls  # classes of the sentence's words
        self.ents = ents
        self.family = _FAMILY.get(m.modality, "happened")
        self.key = f"{m.doc}:{m.start}"
        self.root = root


def _sim(a: _M, b: _M) -> float:
    st = SETTINGS.link
    dc = date_compat(a.date, b.date)
    if dc == 0.0 or a.family != b.family:
        return 0.0
    if a.key == b.key:
        return 0.0  # one sentence with two events: they stay apart
    inter = len(a.stems & b.stems)
    union = len(a.stems | b.stems) or 1
    words = inter / union
    trig = 1.0 if a.trig and a.trig == b.trig else (0.7 if a.classes & b.classes else 0.0)
    if not trig and len(a.wclasses & b.wclasses) >= 2:
        # their words name the same kinds of happening, twice over: "a complete ceasefire and
        # a cessation of all hostilities is introduced" / "signed an agreement to end the
        # fighting" (truce and fighting)
        trig = 0.7
    elif not trig and a.wclasses & b.wclasses:
        trig = 0.5
    ents = (len(a.ents & b.ents) / min(len(a.ents), len(b.ents))) if a.ents and b.ents else 0.0
    if words >= st.SAME_SENTENCE_WORDS:  # the same sentence repeated in two documents
        return 1.0 * dc
    if (a.reaction or b.reaction) and a.trig != b.trig:
        # "the EU welcomed the agreement" is news about the agreement, not the agreement
        return 0.0
    if not trig and words < st.NO_TRIGGER_WORDS:
        # nothing says it is the same happening (not the verb, not its kind): a day's other
        # news shares a day, a country and a few words with it ("Kyrgyzstan accused
        # Tajikistan of shelling" / "Kyrgyz civilians fled from Batken" on March 2)
        return 0.0
    if dc == 0.5 and trig == 1.0 and a.ents & b.ents and words >= st.COARSE_WORDS:
        # "Jackson died in June 2009" and "Jackson died at his home on 25 June": the same verb
        # of the same party, in the month that contains the day
        return st.THRESHOLD + 0.05
    # the same day says more than the same year (many things happen in one year); the
    # weights of this formula were set with THRESHOLD (cc8d40d) and move with it, so they stay
    # here as the formula's own numbers
    base = {10: 0.3, 7: 0.15}.get(len(a.date), 0.05) if dc == 1.0 else 0.1
    return dc * (base + 0.9 * words + 0.3 * trig + 0.1 * ents) if dc == 1.0 else \
        dc * (base + 1.0 * words + 0.3 * trig + 0.1 * ents)


def link(docs: Sequence[Document], events_by_doc: Mapping[str, Sequence[EventMention]],
         entities_by_doc: Mapping[str, Sequence[EntityMention]] | None = None,
         ) -> tuple[list[Entity], list[Event]]:
    """Canonical entities and cross-document events (see the module docstring)."""
    st = SETTINGS.link
    docs_by_id = {d.id: d for d in docs}
    entities = canonicalize(dict(entities_by_doc)) if entities_by_doc else []
    name_to_id: dict[str, str] = {}
    source_ids = {e.id for e in entities if e.is_source}
    for e in entities:
        name_to_id.setdefault(e.name.casefold(), e.id)
    for e in entities:
        for a in e.aliases:
            name_to_id.setdefault(a.casefold(), e.id)

    def eid(name: str | None) -> str | None:
        return name_to_id.get(name.casefold()) if name else None

    # year-less dates: a year the rest of the corpus confirms
    by_md: dict[str, set[str]] = defaultdict(set)
    stated: dict[str, Counter] = defaultdict(Counter)   # month-day -> years stated with it
    for ms in events_by_doc.values():
        for m in ms:
            if m.date and len(m.date) == 10:
                by_md[m.date[5:]].add(m.date[:4])
                if m.time is not None and _YEAR_STATED.search(m.time.text):
                    stated[m.date[5:]][m.date[:4]] += 1

    items: list[_M] = []
    for doc_id in sorted(events_by_doc):
        doc = docs_by_id.get(doc_id)
        root = (doc.duplicate_of or doc.id) if doc else doc_id
        for m in events_by_doc[doc_id]:
            date = m.date
            if not date and m.time is not None and doc is not None:
                tm = next((t for t in doc.times if t.start == m.time.start and
                           t.end == m.time.end), None)
                pm = _PARTIAL.match(tm.value) if tm else None
                if pm:
                    years = by_md.get(f"{pm.group(1)}-{pm.group(2)}", set())
                    if len(years) == 1:
                        date = f"{next(iter(years))}-{pm.group(1)}-{pm.group(2)}"
                        m = replace(m, date=date, date_how="explicit")
            if not date or not _DATE_OK.match(date):
                continue
            if len(date) == 10 and m.time is not None and _MONTH_DAY_ONLY.search(m.time.text) \
                    and not _YEAR_STATED.search(m.time.text) \
                    and _contradicted(stated.get(date[5:]), date[:4]):
                # "the attacks of September 11" put in 2005 by the tagger, while the corpus
                # states that day only as "September 11, 2001": the year is a guess, say so
                m = replace(m, uncertain=True)
            ents = {i for i in (eid(n) for n in m.actors + m.places) if i and
                    i not in source_ids}
            items.append(_M(m, date, ents, root))

    # greedy clustering, most specific dates first
    items.sort(key=lambda x: (-len(x.date), x.date, x.m.doc, x.m.start,
                              x.m.trigger.start if x.m.trigger else 0))
    clusters: list[list[_M]] = []
    # Only clusters with a compatible date can take an item: those at the same date, at a
    # coarser date containing it, or at a finer date inside it. Indexing clusters by every
    # prefix of their date (2020, 2020-11, 2020-11-10) finds them without scanning all
    # clusters (the scan made linking quadratic: 9 minutes for Timeline17's 37k mentions).
    by_exact: dict[str, list[int]] = defaultdict(list)
    by_prefix: dict[str, list[int]] = defaultdict(list)
    for it in items:
        d = it.date
        cands = set(by_prefix[d])
        for p in (d[:4], d[:7]):
            if len(p) < len(d):
                cands.update(by_exact[p])
        best, best_s = None, st.THRESHOLD
        for ci in sorted(cands):
            cl = clusters[ci]
            if any(o.key == it.key for o in cl):
                continue
            sims = [_sim(it, o) for o in cl]
            s = max(sims)
            if st.AVG_LINK and len(cl) > 2 and sum(sims) / len(sims) < st.AVG_LINK:
                continue
            if s > best_s:
                best, best_s = ci, s
        if best is None:
            ci = len(clusters)
            clusters.append([it])
            by_exact[d].append(ci)
            for p in {d[:4], d[:7], d}:
                by_prefix[p].append(ci)
        else:
            clusters[best].append(it)

    pubs = sorted(d.published[:10] for d in docs if d.published and
                  re.match(r"\d{4}-\d{2}-\d{2}", d.published))
    earliest = dt.date.fromisoformat(pubs[0]) if pubs else None

    events: list[Event] = []
    seen_ids: set[str] = set()
    for cl in clusters:
        cl.sort(key=lambda x: (x.m.doc, x.m.start, x.m.trigger.start if x.m.trigger else 0))
        date = _agreed_date([x.date for x in cl])
        mods = Counter(x.m.modality for x in cl)
        modality = sorted(mods, key=lambda k: (-mods[k], _MODALITY_ORDER.get(k, 9)))[0]
        keys = sorted({x.key for x in cl})
        ev_id = content_id(*keys)
        if ev_id in seen_ids:
            ev_id = content_id(*keys, date, *sorted(str(x.m.trigger.start) for x in cl
                                                    if x.m.trigger))
        seen_ids.add(ev_id)
        actor_c: Counter = Counter()
        place_c: Counter = Counter()
        for x in cl:
            for n in x.m.actors:
                i = eid(n)
                if i and i not in source_ids:
                    actor_c[i] += 1
            for n in x.m.places:
                i = eid(n)
                if i and i not in source_ids:
                    place_c[i] += 1
        units = set()
        for x in cl:
            if x.m.repeated:
                units.add(("rep", " ".join(sorted(x.stems))))
            else:
                units.add(("doc", x.root))
        importance = len(units) + min(st.MENTION_BONUS_MAX, st.MENTION_BONUS * (len(cl) - 1)) + \
            (st.LEAD_BONUS if any(x.m.sentence_index < st.LEAD_INDEX for x in cl) else 0.0)
        background = bool(earliest and (earliest - _date_end(date)).days > st.BACKGROUND_DAYS)
        events.append(Event(
            id=ev_id, date=date, summary=_summary(cl).strip(), modality=modality,
            actors=sorted(actor_c, key=lambda k: (-actor_c[k], k)),
            places=sorted(place_c, key=lambda k: (-place_c[k], k)),
            sources=[x.m for x in cl], importance=round(importance, 3),
            background=background,
            attributed_to={x.key: eid(x.m.attributed_to) for x in cl
                           if x.m.modality == "reported"}))
    events.sort(key=lambda e: (e.date, -e.importance, e.id))
    return entities, events


def _contradicted(years: Counter | None, guess: str) -> bool:
    """The corpus states this month-day with one other year, at least twice, and never with
    the guessed one ("September 11, 2001" in a story of 2005)."""
    return bool(years) and len(years) == 1 and guess not in years and \
        next(iter(years.values())) >= 2


def _agreed_date(dates: list[str]) -> str:
    """The most specific date the sources agree on: each candidate is supported by the
    sources whose date is compatible with it; best support, then finest granularity."""
    cands = sorted(set(dates))

    def support(c: str) -> int:
        return sum(1 for d in dates if d.startswith(c) or c.startswith(d))

    def exact(c: str) -> int:
        return sum(1 for d in dates if d == c)

    return max(cands, key=lambda c: (support(c), len(c), exact(c), c))


# the event of a clause opened by a subordinator is background to the sentence's own news
# ("... the third cargo to leave Libya since the rebellion began in February")
_SUBORDINATOR = re.compile(r"\b(?:" + "|".join(en.SUBORDINATORS) + r")\b", re.I)
_RELATIVE = re.compile(r"\b(?:" + "|".join(en.RELATIVE_PRONOUNS) + r")\b", re.I)
_REPORT_BEFORE = re.compile(r"\b(?:" + "|".join(en.REPORT_BEFORE_THAT) + r")\s*$", re.I)


def _subordinate(m: EventMention) -> bool:
    """The trigger sits in a subordinate clause: a subordinator comes before it in its clause
    (after the last comma), and the clause does not open the sentence."""
    if not m.trigger:
        return False
    a = m.trigger.start - m.start
    if not 0 < a <= len(m.quote):
        return False
    before = m.quote[:a]
    cut = before.rfind(",")
    clause = before[cut + 1:]
    hit = _SUBORDINATOR.search(clause)
    if hit and before[:cut + 1 + hit.start()].strip():
        return True
    # a relative clause ("a strike that had paralysed the port since March 3"), not the
    # complement of a report ("officials said that troops withdrew on Monday")
    # (the last pronoun, at most three words before the trigger: "that had paralysed", not
    # "who spoke to reporters said troops withdrew")
    rels = list(_RELATIVE.finditer(clause))
    return bool(rels) and len(clause[rels[-1].end():].split()) <= 3 \
        and not _REPORT_BEFORE.search(clause[:rels[-1].start()])


_RUSSIAN = re.compile(ru.RUSSIAN_WORD)


def _summary(cl: list[_M]) -> str:
    # the summary is in the script most of the sources are written in (Latin on a tie): the
    # seed corpus's Russian block repeats an English report, which should speak for both
    cyr = {x.key: bool(_RUSSIAN.search(x.m.quote)) for x in cl}
    n_cyr = sum(cyr.values())
    # the script that gives way when both are present: Cyrillic when it is the minority (or
    # a tie), else Latin
    minority = n_cyr * 2 <= len(cl) if 0 < n_cyr < len(cl) else None

    def score(x: _M) -> float:
        cent = sum(len(x.stems & o.stems) / (len(x.stems | o.stems) or 1)
                   for o in cl if o is not x) / max(1, len(cl) - 1)
        q = x.m.quote
        s = cent
        s += {"asserted": 0.3, "reported": 0.15}.get(x.m.modality, 0.0)
        s += 0.2 if q.rstrip()[-1:] in ".!?\"”" else 0.0
        n = len(q)
        s -= 0.2 if n > 300 else 0.0
        s -= 0.2 if n < 40 else 0.0
        s -= 0.1 * x.m.repeated
        s -= 0.2 * _subordinate(x.m)
        s -= 0.5 * is_chatter(q)   # "You began with that on Thursday": an aside, not the news
        s -= 1.0 if minority is not None and cyr[x.key] == minority else 0.0
        return s

    best = max(cl, key=lambda x: (score(x), -x.m.sentence_index, x.key))
    # as a summary reads: a page stamp or wire dateline opening the sentence ("SAO PAULO |
    # Tue Mar 22 , 2011 2:12 am EDT SAO PAULO (Reuters) - ...") is not part of what happened
    return summary_text(best.m.quote, page_stamp=True)
