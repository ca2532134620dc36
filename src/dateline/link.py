"""Cross-document linking: event mentions -> events, entity mentions -> canonical entities.

``link(docs, events_by_doc, entities_by_doc) -> (entities, events)``

Dependency-free beyond spaCy's lemma tables (no scikit-learn). Two mentions are one event
when their triggers name one happening: the same lemma (spaCy's rule lemmatiser on the lone
trigger word, read as a verb, else a noun), a synonym or derivation (lang/en/link.py
TRIGGER_SYNONYMS: killed/death, quake/earthquake), or, on one day that both sentences state,
the same kind of happening (event classes: "a complete ceasefire ... is introduced" and "the
two countries signed a Russia-brokered agreement" on 10 November). The rest weighs it: the
words of the sentences other than the triggers, the participants (shared actors and places
add, disjoint ones take off), and how alike the two articles are (TF-IDF cosine of their
capitalised words: the names of who and where the story is about). All weights are
SETTINGS.link.

* Mentions without a date are not on the timeline, except a year-less explicit date
  (``XXXX-11-10`` in an undated article) that exactly one year of the corpus's dated
  mentions with the same month-day explains: it takes that year (no year is invented when
  nothing confirms it; ``date_how`` stays "explicit" since the day came from the text).
* Dates: the same day, or a month or year containing the other's day, may meet; two days a
  day apart (DATE_WINDOW_DAYS) only when one rests on the article's date (a weekday,
  "yesterday"), never two days both named by the calendar. A mention with no time expression
  of its own (dated by publication), or whose time expression dates a saying after it
  ("Reid checked into rehab, her publicist said on Friday"), only says it happened by then:
  it may meet an earlier mention (PUBLICATION_DATE_FACTOR). Planned and happened never meet.
* Clustering is agglomerative over the candidate pairs (same lemma, synonym group or event
  class): the two clusters of the highest mean similarity merge while their best pair passes
  THRESHOLD and their mean passes AVG_LINK (no chaining through one shared mention); two
  mentions of one sentence never share a cluster.
* ``Event.id`` = content hash of the sorted ``doc:start`` source keys (with the date and
  triggers added only when two events would otherwise share an id: two events from one
  sentence).
* ``Event.date``: the most specific date the sources agree on (votes of compatible dates,
  finest granularity among the best supported), of the sources dated in their own clause
  when there are any.
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
import heapq
import math
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


_SYN_OF: dict[str, frozenset[int]] = {}
for _i, _g in enumerate(en.TRIGGER_SYNONYMS):
    for _w in _g.split():
        _SYN_OF[_w] = _SYN_OF.get(_w, frozenset()) | {_i}

_LEMMA_TABLES: dict | None = None
_LEMMA_CACHE: dict[str, str] = {}
# the lemmatiser's parts of speech, in the order a lone trigger word is read: a verb first
# ("shooting" -> shoot, "attacks" -> attack), else a noun ("deaths" -> death)
_LEMMA_POS = ("verb", "noun")


def _lemma_tables() -> dict:
    """spaCy's English lemma tables (rules, exceptions, index of known lemmas) per part of
    speech, from the installed model; {} without spaCy or a model (then lemmas are the
    lower-cased words with a plural or verb ending stripped)."""
    global _LEMMA_TABLES
    if _LEMMA_TABLES is None:
        _LEMMA_TABLES = {}
        try:
            import spacy

            from .entities import SPACY_MODELS
        except Exception:   # noqa: BLE001 -- no spaCy: the fallback
            return _LEMMA_TABLES
        for name in SPACY_MODELS:
            try:
                nlp = spacy.load(name, exclude=["tok2vec", "tagger", "parser", "ner",
                                                "attribute_ruler", "senter"])
                lk = nlp.get_pipe("lemmatizer").lookups
            except Exception:   # noqa: BLE001 -- not installed under this name
                continue
            rules, exc, index = (lk.get_table(t, {}) for t in ("lemma_rules", "lemma_exc",
                                                                "lemma_index"))
            _LEMMA_TABLES = {pos: (frozenset(index.get(pos, ())), dict(exc.get(pos, {})),
                                   list(rules.get(pos, ()))) for pos in _LEMMA_POS}
            break
    return _LEMMA_TABLES


_FALLBACK_SUFFIXES = (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""))


def _lemma(word: str) -> str:
    """The lemma of a lone trigger word: spaCy's rule lemmatiser read as a verb, else as a
    noun (a noun in -ing is read again as a verb: "killings" -> killing -> kill)."""
    w = word.lower()
    if w in _LEMMA_CACHE:
        return _LEMMA_CACHE[w]
    tables = _lemma_tables()
    out = None
    if tables:
        for pos in _LEMMA_POS:
            index, exc, rules = tables[pos]
            if w in exc:
                out = exc[w][0]
                break
            forms = [w[:len(w) - len(old)] + new for old, new in rules if w.endswith(old)]
            forms = [f for f in forms if f and f in index]
            if forms:
                out = forms[0]
                break
            if w in index:
                out = w
                break
        if out and out != w and out.endswith("ing"):
            out = _lemma(out)
    else:
        for suf, rep in _FALLBACK_SUFFIXES:
            if w.endswith(suf) and len(w) - len(suf) >= 3:
                out = w[:-len(suf)] + rep
                break
    out = out or w
    _LEMMA_CACHE[w] = out
    return out


def _interval(d: str) -> tuple[int, int]:
    """A date's first and last day (proleptic ordinals)."""
    parts = [int(x) for x in d.split("-")]
    if len(parts) == 3:
        o = dt.date(*parts).toordinal()
        return o, o
    first = dt.date(parts[0], parts[1] if len(parts) == 2 else 1, 1).toordinal()
    return first, _date_end(d).toordinal()


def _other_clause(m: EventMention) -> bool:
    """The time expression dates a saying that follows the trigger past a comma, semicolon,
    colon or dash ("Reid checked into rehab, her publicist said on Friday"): it says when it
    was said, not when it happened."""
    if m.time is None or m.trigger is None or m.time.start < m.trigger.end:
        return False
    between = m.quote[max(0, m.trigger.end - m.start):max(0, m.time.start - m.start)]
    parts = _CLAUSE_BREAK.split(between)
    return len(parts) > 1 and any("state" in _CLASS_OF.get(stem(w), ())
                                  for w in _WORD.findall(parts[-1].lower()))


_CLAUSE_BREAK = re.compile(r"[,;:]|\s[-–—]+\s")


class _M:
    """A mention with its linking features."""
    __slots__ = ("m", "date", "stems", "ctx", "trig", "lemma", "syn", "classes", "wclasses",
                 "ents", "places", "family", "key", "root", "reaction", "span", "doc", "weak",
                 "calendar", "sent_lemmas", "sent_syn", "saying", "cyrillic")

    def __init__(self, m: EventMention, date: str, ents: set[str], root: str,
                 places: set[str] = frozenset(), doc: int = -1):
        self.m = m
        self.date = date
        # what the sentence says, not a live page's stamp ("-LRB- Update 1:33 a.m. Cairo ,
        # 6:33 p.m. ET -RRB-"): shared stamp words made one blog's entries of a day alike
        self.stems = _stems(summary_text(m.quote, asides=False))
        trig = m.trigger.text.lower() if m.trigger else ""
        self.trig = stem(trig)
        self.lemma = _lemma(trig) if trig else ""
        self.syn = _SYN_OF.get(self.lemma, frozenset())
        # the sentence's other words: what it says around the trigger
        self.ctx = self.stems - {self.trig}
        self.reaction = bool(_REACTION.match(trig))
        self.classes = set(_CLASS_OF.get(self.trig, ()))  # the trigger's classes
        # a verb of saying ("said", "announced") or a light verb ("is", "began"): one of
        # these shared says little about which happening it is
        self.saying = "state" in self.classes   # a verb of saying: "said", "announced"
        self.cyrillic = bool(_RUSSIAN.search(m.quote))
        cls: set[str] = set()
        for s in self.stems:
            cls |= _CLASS_OF.get(s, set())
        cls.discard("state")
        self.wclasses = cls  # classes of the sentence's words
        self.ents = ents
        self.places = places
        self.family = _FAMILY.get(m.modality, "happened")
        self.key = f"{m.doc}:{m.start}"
        self.root = root
        self.sent_lemmas: frozenset[str] = frozenset()   # of the sentence's other mentions
        self.sent_syn: frozenset[int] = frozenset()
        self.span = _interval(date)
        self.doc = doc
        # the date only bounds when it happened: no time expression of its own (dated by the
        # article's publication), or one of another clause ("Reid checked into rehab, her
        # publicist said on Friday": Friday is the day of the saying)
        self.weak = m.date_how == "publication" or _other_clause(m)
        # the day is named by its month ("April 3", "3 April"), not by a weekday or "yesterday"
        self.calendar = m.time is not None and bool(_MONTH_DAY_ONLY.search(m.time.text))


def _trigger_match(a: _M, b: _M) -> float:
    """How surely the two triggers name one kind of happening: 1 the same lemma, then the
    same synonym group, the same event class, the class of one trigger named in the other's
    sentence, or sentences whose words name the same kinds of happening twice over; 0
    nothing."""
    st = SETTINGS.link
    if a.saying and b.saying:
        # "said" and "said": two sayings are one only when the rest says so
        return st.SAYING_MATCH if a.lemma == b.lemma or a.syn & b.syn else 0.0
    if a.lemma and a.lemma == b.lemma:
        return 1.0
    if a.syn & b.syn:
        return st.SYNONYM_MATCH
    if a.classes & b.classes:
        return st.CLASS_MATCH
    if (a.classes & b.wclasses) or (b.classes & a.wclasses):
        # "the two countries signed an agreement" / "a complete ceasefire ... is introduced":
        # the kind of the signing (truce) is the other sentence's news
        return st.WORDS_CLASS_MATCH
    if len(a.wclasses & b.wclasses) >= 2:
        # their words name the same kinds of happening, twice over: "a complete ceasefire and
        # a cessation of all hostilities is introduced" / "an agreement to end the fighting"
        return st.WORDS_CLASS_MATCH
    if a.cyrillic != b.cyrillic and a.wclasses & b.wclasses:
        # once, in two languages: "talks were held on November 14" / "как передает в субботу
        # ... обсуждение" (a report and its translation share no word to say more)
        return st.ONE_CLASS_MATCH
    return 0.0


def _twin_in(a: _M, b: _M) -> bool:
    """b's sentence has another mention whose trigger is a's (same lemma or synonym)."""
    return a.lemma in b.sent_lemmas or bool(a.syn & b.sent_syn)


def _date_factor(a: _M, b: _M) -> float:
    """1 for the same day; less for a coarser shared date (many things happen in one year),
    for a month containing the day, and per day between two dates; 0 beyond the window."""
    st = SETTINGS.link
    if a.date == b.date:
        return {10: 1.0, 7: 0.8}.get(len(a.date), 0.6)
    gap = max(a.span[0], b.span[0]) - min(a.span[1], b.span[1])
    if gap > st.DATE_WINDOW_DAYS:
        # a publication date only bounds when it happened: the other mention's date must
        # come before it
        if (a.weak and b.span[1] <= a.span[1]) or (b.weak and a.span[1] <= b.span[1]):
            return st.PUBLICATION_DATE_FACTOR
        return 0.0
    if gap <= 0 and (a.weak or b.weak) and len(a.date) != len(b.date):
        return st.PUBLICATION_DATE_FACTOR
    if gap <= 0:   # one contains the other: 2020-11 and 2020-11-10
        return 0.8 * date_compat(a.date, b.date) / 0.5 if len(a.date) != len(b.date) else 0.0
    if len(a.date) != 10 or len(b.date) != 10 or (a.calendar and b.calendar):
        # two days the text names by the calendar ("April 2", "April 3") are two days; a
        # weekday or "yesterday" rests on the article's date, which may be a day off
        return 0.0
    return max(0.5, 1.0 - st.DATE_DAY_STEP * gap)


def _sim(a: _M, b: _M, doc_sim=None) -> float:
    st = SETTINGS.link
    if a.family != b.family or a.key == b.key:
        return 0.0  # planned vs happened; one sentence with two events: they stay apart
    dc = _date_factor(a, b)
    if dc == 0.0:
        return 0.0
    trig = _trigger_match(a, b)
    if not trig:
        return 0.0
    if (a.reaction or b.reaction) and a.lemma != b.lemma:
        # "the EU welcomed the agreement" is news about the agreement, not the agreement
        return 0.0
    lexical = (a.lemma == b.lemma or bool(a.syn & b.syn)) and not (a.saying and b.saying)
    if not lexical and (a.date != b.date or ((a.weak or b.weak) and a.doc != b.doc) or
                        _twin_in(a, b) or _twin_in(b, a)):
        # related only through kinds of happening: the same date, both stated by the text
        # in the mention's own clause (or one article's sentences of its day), or nothing; and not when the other sentence has a
        # mention of this very trigger ("killed in an attack" / "the attack killed five":
        # the killing is the killing, not the attack)
        return 0.0
    inter = len(a.ctx & b.ctx)
    words = inter / (len(a.ctx | b.ctx) or 1)
    if a.lemma == b.lemma and a.lemma in en.LIGHT_VERBS and words < st.LIGHT_VERB_WORDS \
            and not a.ents & b.ents:
        # "is", "have been", "began" name no happening: two of them are one only when the
        # sentences say the same thing ("the uprising began in February")
        return 0.0
    if words >= st.SAME_SENTENCE_WORDS and (trig == 1.0 or a.lemma == b.lemma):
        # the same sentence repeated in two documents: as sure as their dates agree
        return 1.0 if a.date == b.date else dc
    ents = (len(a.ents & b.ents) / min(len(a.ents), len(b.ents))) if a.ents and b.ents else 0.0
    conflict = st.PLACE_CONFLICT if a.places and b.places and not a.places & b.places else 0.0
    actors_a, actors_b = a.ents - a.places, b.ents - b.places
    if actors_a and actors_b and not actors_a & actors_b:
        conflict += st.ACTOR_CONFLICT
    cos = doc_sim(a.doc, b.doc) if doc_sim is not None else None
    if a.doc == b.doc and a.saying and b.saying:
        cos = None   # one article (a live blog) says many things a day: no evidence either way
    ds = st.DOC_UNKNOWN if cos is None else min(1.0, cos / st.DOC_SCALE)
    # the day carries a link by kinds of happening (one day's ceasefire and its signing)
    # (not for two sayings: "said Monday" / "said Monday" are two things said
    # that day unless the rest says otherwise; with the bonus, one live blog's sayings of a
    # day became one event -- Timeline17 top-30 review)
    same_day = st.W_KIND_SAME_DAY if not lexical and not (a.saying and b.saying) and \
        len(a.date) == 10 else 0.0
    return dc * (st.W_TRIGGER * trig + st.W_WORDS * words + st.W_ENTS * ents + st.W_DOC * ds
                 + same_day - conflict)


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
    doc_index: dict[str, int] = {}
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
            places = {i for i in (eid(n) for n in m.places) if i and i not in source_ids}
            items.append(_M(m, date, ents, root, places, doc_index.setdefault(doc_id,
                                                                              len(doc_index))))

    by_key: dict[str, list[_M]] = defaultdict(list)
    for it in items:
        by_key[it.key].append(it)
    for group in by_key.values():
        if len(group) > 1:
            for it in group:
                others = [o for o in group if o is not it]
                it.sent_lemmas = frozenset(o.lemma for o in others if o.lemma)
                it.sent_syn = frozenset(g for o in others for g in o.syn)
    doc_sim = _doc_similarity([docs_by_id.get(d) for d in doc_index])
    clusters = _cluster(items, doc_sim)

    pubs = sorted(d.published[:10] for d in docs if d.published and
                  re.match(r"\d{4}-\d{2}-\d{2}", d.published))
    earliest = dt.date.fromisoformat(pubs[0]) if pubs else None

    events: list[Event] = []
    seen_ids: set[str] = set()
    for cl in clusters:
        cl.sort(key=lambda x: (x.m.doc, x.m.start, x.m.trigger.start if x.m.trigger else 0))
        # the dates of the sources dated in their own clause, when there are any
        firm = [x.date for x in cl if not x.weak]
        date = _agreed_date(firm or [x.date for x in cl])
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


def _doc_similarity(docs: Sequence[Document | None]):
    """doc_sim(i, j): the TF-IDF cosine of two documents' capitalised words (their stems; 1
    for one document; None when either has none), computed when first asked for."""
    vecs: list[dict[str, float]] = []
    df: Counter = Counter()
    counts = []
    for d in docs:
        words = _WORD.findall(d.text if d else "")
        # the capitalised words: the names of who and where the story is about (two
        # look-alike earthquakes differ by them, not by "quake", "killed", "injured")
        c = Counter(stem(w) for w in (x.lower() for x in words if x[0].isupper())
                    if w not in en.STOP_WORDS and w not in _CALENDAR)
        counts.append(c)
        df.update(c.keys())
    n = len(docs)
    for c in counts:
        v = {w: (1.0 + math.log(k)) * math.log((n + 1) / (df[w] + 0.5)) for w, k in c.items()}
        norm = math.sqrt(math.fsum(x * x for x in v.values())) or 1.0
        vecs.append({w: x / norm for w, x in v.items()})
    cache: dict[tuple[int, int], float] = {}

    def doc_sim(i: int, j: int) -> float | None:
        if not vecs[i] or not vecs[j]:
            return None   # a document without text: nothing to compare
        if i == j:
            return 1.0
        k = (i, j) if i < j else (j, i)
        if k not in cache:
            a, b = vecs[k[0]], vecs[k[1]]
            if len(a) > len(b):
                a, b = b, a
            cache[k] = math.fsum(x * b[w] for w, x in a.items() if w in b)
        return cache[k]
    return doc_sim


def _cluster(items: list[_M], doc_sim) -> list[list[_M]]:
    """Agglomerative clustering: candidate pairs share a trigger lemma, a synonym group or an
    event class (of the trigger or of the sentence's words) within the date window; the two
    clusters of the highest mean similarity (over all their cross pairs, a pair never
    compared counting UNLINKED_PAIR) merge while their best pair passes THRESHOLD and their
    mean passes AVG_LINK (no chaining); two mentions of one sentence never share a cluster."""
    st = SETTINGS.link
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        if it.lemma:
            blocks[("l", it.lemma)].append(i)
        for g in it.syn:
            blocks[("s", g)].append(i)
        for c in it.classes | it.wclasses:
            blocks[("c", c)].append(i)
    sims: dict[tuple[int, int], float] = {}
    def compare(i: int, j: int) -> None:
        k = (i, j) if i < j else (j, i)
        if k not in sims:
            sims[k] = _sim(items[i], items[j], doc_sim)

    for key, members in blocks.items():
        by_trigger = key[0] != "c"
        window = st.DATE_WINDOW_DAYS if by_trigger else 0
        members.sort(key=lambda i: items[i].span)
        for x, i in enumerate(members):
            a = items[i]
            limit = a.span[1] + window
            for j in members[x + 1:]:
                if items[j].span[0] > limit:
                    break
                compare(i, j)
            if by_trigger and a.weak:
                # dated only by its publication: any earlier mention of the trigger may be
                # the happening it tells of
                for j in members[:x]:
                    compare(i, j)
    # clusters as ids; links: cluster -> {other cluster: [summed similarity, linked pairs,
    # best pair]} over the pairs of a positive similarity (the others count UNLINKED_PAIR)
    members_of: dict[int, list[int]] = {i: [i] for i in range(len(items))}
    keys_of: dict[int, set[str]] = {i: {it.key} for i, it in enumerate(items)}
    links: dict[int, dict[int, list[float]]] = defaultdict(dict)
    for (i, j), s in sims.items():
        if s > 0:
            links[i][j] = [s, 1, s]
            links[j][i] = links[i][j]
    unlinked = st.UNLINKED_PAIR

    def mean(i: int, c: int, sc: list[float]) -> float:
        n = len(members_of[i]) * len(members_of[c])
        return (sc[0] + unlinked * (n - sc[1])) / n

    def joins(i: int, c: int, sc: list[float]) -> bool:
        return sc[2] > st.THRESHOLD and mean(i, c, sc) > st.AVG_LINK

    heap = [(-s, i, j) for (i, j), s in sims.items() if s > st.THRESHOLD and s > st.AVG_LINK]
    heapq.heapify(heap)
    while heap:
        neg, i, j = heapq.heappop(heap)
        if i not in members_of or j not in members_of or j not in links[i]:
            continue
        if abs(mean(i, j, links[i][j]) + neg) > 1e-12:
            continue   # stale: the clusters have changed since
        if keys_of[i] & keys_of[j]:
            continue
        # merge j into i
        members_of[i].extend(members_of.pop(j))
        keys_of[i] |= keys_of.pop(j)
        lj = links.pop(j)
        li = links[i]
        li.pop(j, None)
        for c, sc in lj.items():
            if c == i:
                continue
            lc = links[c]
            lc.pop(j, None)
            old = li.get(c)
            li[c] = [sc[0] + old[0], sc[1] + old[1], max(sc[2], old[2])] if old else list(sc)
            lc[i] = li[c]
        for c, sc in li.items():
            if joins(i, c, sc):
                heapq.heappush(heap, (-mean(i, c, sc), min(i, c), max(i, c)))
    return [[items[x] for x in sorted(ms)] for _, ms in sorted(members_of.items())]


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
