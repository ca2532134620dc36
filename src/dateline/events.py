"""Event mentions: per document, per sentence -- what happened, who, where, when, how sure.

``extract_events(doc, entity_mentions, repeated=None)`` -> ``list[EventMention]``.

No parser, no model: sentences come from :mod:`dateline.sentences`, times from
``doc.times`` (the temporal tagger's TimeMentions, already anchored), actors and places
from the given entity mentions (optional: with ``None`` there are no actors/places and
attribution falls back to the phrase's head noun). Measured on the seed corpus with
``entity_mentions=None``: ~450-700 articles/s at 363 words (~160-260k words/s, i.e.
~230-370 700-word articles/s, one core of a loaded 2-core machine).

How a sentence becomes event mentions
-------------------------------------
* The sentence is cut into clauses at subordinators (which/who/when/that/if/because...),
  at ``and``/``but`` followed by a verb group, at ``;`` and dashes. Verbs are recognised by
  word lists (auxiliaries, modals, irregular past forms, a news-verb lexicon with its
  inflections) and by ``-ed`` morphology (lower-case, not after a determiner).
* Every time expression with a calendar value (``2020-11-10``, ``2020-07``, ``1988``,
  ``2020-11-10T00:00`` -> day; not durations, SETs, ``PAST_REF``, ``XXXX-WXX-3``...) is
  attached to a trigger: a noun it premodifies ("the 1994 ceasefire"), else the nearest verb
  before it in its clause, else the nearest after it, else the neighbouring clause's verb
  (fronted "On November 16, Russia sent ..."; "withdrawal ... on 25 November" after
  ``before/after the`` + event noun gives that noun). A range end is skipped when its range
  start is in the same sentence (the event date is the start).
  A time in a quotation takes no verb outside it; a time right after since/until/before/after
  qualifies the clause before it; with no verb and no event noun, a copula carries the event
  ("The Report is on BBC Radio 4 on Thursday, 27 May"; "The anniversary is Friday").
  Each (trigger, date) pair is one mention, so "vacated Aghdam on November 20 and will vacate
  Lachin on December 1" gives an asserted and a planned mention.
* An exact duration before after/before/since links two events: the one with a date dates the
  other ("talked ... Tuesday, a week after the unrest began": began = Tuesday - 7 days; "took
  place a day before the withdrawal ... on 25 November"); a present-tense report with no date
  counts from the publication ("The intervention comes two days after ...").
* A bare year after "for" and a noun is a period, not a date ("forecasts for 2009":
  ``dropped:period``); a negated perfect before "since" + a date dates the last time it
  happened ("has not been seen since August 14, 2005").
* Values with an unknown year (``XXXX-11-10``, an undated article) give a mention with
  ``date=None, date_how="none"`` and ``time`` set: the linker may resolve the year from other
  documents (see :mod:`dateline.link`); alone they never reach the timeline.
* Undated sentences give a mention only when they are a news lead (the first body
  sentences, or a headline line) in the present tense or present perfect ("X and Y have
  discussed ...", "Minister meets with ..."): then ``date`` is the publication date,
  ``date_how="publication"``; a first body sentence restating such a headline (sharing
  its content words) gets the same. Other undated sentences give no mention
  (counted as ``undated``).
* Modality per mention: ``planned`` (will, should, is due to, plans/agreed/expected to, had to,
  infinitives, deadline-role times in a non-past clause), ``reported`` (said, stated,
  announced, according to, citing, referring to, "X reports ..."; ``attributed_to`` = the
  speaker entity's canonical name, else the phrase's head noun), else ``asserted``.
* Dropped (counted in ``counters`` under ``dropped:<reason>``): ``negated`` (not, never,
  no ... was; denied, refused, failed to another verb -- "the preventer fails" is itself an
  event), ``hypothetical`` (would/could/might/may/can outside reported speech, if/unless
  clauses, a sentence opening with "If"), ``headline`` (a title line with no
  present-tense verb), ``no_trigger``, ``comment`` (a reader comment scraped with the page:
  "March 9 , 2011 at 10:31 am | Reply ...", "X wrote : ..."), ``page_stamp`` (the time of a
  page's "Last updated at 06:15 GMT"), ``non_english`` handled only through time+verb lists.

Pass ``counters=collections.Counter()`` to collect the counters.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence

from .lang.en import events as EN
from .lang.ru import events as RU
from .model import Document, EventMention, Span
from .sentences import DATELINE, split
from .settings import SETTINGS

__all__ = ["extract_events", "date_of_value", "DROP_REASONS"]

DROP_REASONS = ("negated", "hypothetical", "headline", "no_trigger", "undated",
                "undatable_time", "comment", "page_stamp", "period")

# ------------------------------------------------------------------------------------ lexicon
# The words and cue patterns are in lang/en/events.py and lang/ru/events.py; here they are
# compiled and combined (with re.I where the data module says "compiled with re.I").

_PAGE_UPDATED = re.compile(EN.PAGE_UPDATED, re.I)
_COMMENT = re.compile(EN.COMMENT, re.I)

_AUX_BE = EN.AUX_BE
_MODAL_FUT = EN.MODAL_FUTURE
_MODAL_HYP = EN.MODAL_HYPOTHETICAL
_MODALS = _MODAL_FUT | _MODAL_HYP
_AUX = EN.AUX_BE | EN.AUX_HAVE | EN.AUX_DO | _MODALS
_REPORT_VERBS = EN.REPORT_VERBS
_IRREGULAR_SET = EN.IRREGULAR_PAST
_DETS = EN.DETERMINERS
_PREPS = EN.PREPOSITIONS
_EVENT_NOUNS = EN.EVENT_NOUNS
_PRONOUNS = EN.PRONOUNS
_DETS_EVENT_NOUNS = _DETS | _EVENT_NOUNS
_DOUBLING = re.compile(EN.DOUBLING_SHAPE)


def _inflect(lemma: str) -> list[str]:
    """The inflected forms of a regular English verb: -s/-es, -ed/-d/-ied, -ing, and the
    doubled final consonant (see lang.en.events.DOUBLING_SHAPE)."""
    forms = [lemma]
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms += [lemma[:-1] + "ies", lemma[:-1] + "ied"]
    elif lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms += [lemma + "es", lemma + "ed"]
    else:
        forms += [lemma + "s"]
        forms += [lemma + "d"] if lemma.endswith("e") else [lemma + "ed"]
    if lemma.endswith("e") and not lemma.endswith("ee"):
        forms.append(lemma[:-1] + "ing")
    else:
        forms.append(lemma + "ing")
    # doubled consonant (stop -> stopped, ban -> banned)
    if (len(lemma) <= 4 and _DOUBLING.search(lemma)) or lemma in EN.DOUBLED_FINAL_CONSONANT:
        forms += [lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"]
    return forms


def _verb_forms() -> dict[str, str]:
    """Verb form -> lemma: the lexicon's inflections (the first lemma to claim a form keeps
    it), then the irregular forms, less the forms that are mostly nouns."""
    forms: dict[str, str] = {}
    for lemma in EN.VERB_LEMMAS + tuple(sorted(_REPORT_VERBS)):
        for f in _inflect(lemma):
            forms.setdefault(f, lemma)
    forms.update(EN.IRREGULAR_LEMMAS)
    for f in EN.NOT_VERB_FORMS:
        forms.pop(f, None)
    return forms


_VERB_FORMS = _verb_forms()

# one token pattern for both languages: words of Latin or Cyrillic letters (with inner
# apostrophes and hyphens), English contractions, numbers, single punctuation marks
_LETTERS = EN.LETTERS + RU.LETTERS
_TOKEN = re.compile(rf"[{_LETTERS}]+(?:['’-][{_LETTERS}]+)*|{EN.CONTRACTIONS}|"
                    r"\d+(?:[.,]\d+)*|[^\s\w]")
_CYRILLIC_SENTENCE = re.compile(RU.SENTENCE)
_CYRILLIC_LETTER = re.compile(f"[{RU.LETTERS}]")

_PLAN_PHRASE = re.compile(EN.PLAN_PHRASE, re.I)
_REPORT_CUE = re.compile(EN.REPORT_CUE, re.I)
_REPORT_GATE = re.compile(EN.REPORT_GATE, re.I)
_ATTRIB_AFTER = re.compile("|".join(EN.ATTRIBUTION_AFTER + RU.ATTRIBUTION_AFTER), re.I)
_SUBJ_BEFORE = re.compile(EN.SUBJECT_BEFORE, re.I)
_SAID_X = re.compile(EN.SAID_X, re.I)
_SAID_X_NOT_SPEAKER = re.compile(EN.SAID_X_NOT_SPEAKER, re.I)
_SUBJ_COORDINATED = re.compile(EN.SUBJECT_COORDINATED, re.I)
_SUBJ_CUT = re.compile(EN.SUBJECT_CUT, re.I)
_SPEAKER_CUT = re.compile(EN.SPEAKER_CUT)
_HEAD_WORD = re.compile(EN.HEAD_WORD)
_HEAD_NAME = re.compile(EN.HEAD_NAME)
_ANAPHORIC_REPORT = re.compile(EN.ANAPHORIC_REPORT)
_CONTENT_WORD = re.compile(EN.CONTENT_WORD)
_RU_REPORT_CUE = re.compile(RU.REPORT_CUE, re.I)
_RU_REPORT_TRIGGER = re.compile(RU.REPORT_TRIGGER)
_RU_FUTURE = re.compile(RU.FUTURE)
_RU_VERB_ENDING = re.compile(RU.VERB_ENDING)

# TIMEX3 values (a format, not a language): a calendar date, a year-less day, a season/quarter
_DATE_VALUE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$")
_PARTIAL_VALUE = re.compile(r"^XXXX-(\d{2})(?:-(\d{2}))?(?:T.*)?$")
_COARSE_VALUE = re.compile(r"^(\d{4})-(?:Q\d|H\d|SP|SU|FA|WI)$")


_WEEK_VALUE = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")


def _date_of_week(y: int, w: int, weekend: bool) -> str | None:
    """A week ("last week", "this weekend") dates an event only as finely as the calendar
    unit that holds all its days: the month when the week lies within one, else the year."""
    import datetime as dt
    try:
        first = dt.date.fromisocalendar(y, w, 6 if weekend else 1)
    except ValueError:
        return None
    last = first + dt.timedelta(days=1 if weekend else 6)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.year:04d}-{first.month:02d}"
    return f"{first.year:04d}" if first.year == last.year else None


def date_of_value(value: str) -> str | None:
    """The event date a TIMEX3 value supports: YYYY, YYYY-MM or YYYY-MM-DD; a week as its
    month or year (_date_of_week); None for durations, SETs, reference words, decades and
    values with an unknown part."""
    w = _WEEK_VALUE.match(value)
    if w:
        return _date_of_week(int(w.group(1)), int(w.group(2)), bool(w.group(3)))
    m = _DATE_VALUE.match(value)
    if m:
        y, mo, d = m.groups()
        if d:
            return f"{y}-{mo}-{d}"
        if mo:
            return f"{y}-{mo}"
        return y
    m = _COARSE_VALUE.match(value)
    if m:
        return m.group(1)
    return None


# ------------------------------------------------------------------------------------ helpers


class _Tok:
    __slots__ = ("s", "e", "w", "low", "verb", "lemma", "aux")

    def __init__(self, m):
        self.s, self.e = m.span()
        self.w = w = m.group()
        self.low = w.lower()
        self.verb = self.aux = False
        self.lemma = None


def _tokens(text: str, s: int, e: int) -> list[_Tok]:
    return list(map(_Tok, _TOKEN.finditer(text, s, e)))


def _tag_verbs(toks: list[_Tok]) -> None:
    n = len(toks)
    for i, t in enumerate(toks):
        low = t.low
        prev = toks[i - 1].low if i else ""
        if low in _AUX:
            t.aux = True
            continue
        if not t.w[:1].isalpha():
            continue
        capital = t.w[:1].isupper()
        if capital and i > 0 and prev not in EN.QUOTES:
            continue  # a name, not a verb
        lemma = _VERB_FORMS.get(low)
        after_aux = prev in _AUX or (i > 1 and toks[i - 2].low in _AUX and
                                     prev in EN.AUX_ADVERBS)
        after_to = prev == EN.INFINITIVE_MARKER
        before2 = toks[i - 2] if i > 1 else None
        if prev in EN.FLOATING_QUANTIFIERS and before2 is not None and \
                before2.low in _PRONOUNS:
            prev = ""   # "That all changed": the quantifier floats after the subject
        elif prev == "that" and before2 is not None and before2.w[:1].isalpha() and \
                not (before2.verb or before2.aux) and before2.low not in _PREPS and \
                before2.low not in _DETS and (low.endswith("ed") or low in _IRREGULAR_SET):
            # a relative "that" after a noun: "acres in Egypt that produced ..." (after a
            # verb or a preposition "that" is a determiner: "said that armed men")
            prev = ""
        if low.endswith("ing"):
            # a progressive only after be; a gerund / participle otherwise
            if after_aux and prev in _AUX_BE:
                t.verb, t.lemma = True, lemma or low[:-3]
            continue
        if lemma is not None:
            if prev in _DETS and not after_aux and not (prev == "that" and low != lemma and
                                                       not low.endswith("s")):
                continue  # "the attack", "a call"
            if (low == lemma or (low.endswith("s") and low[:-1] == lemma) or
                    low == lemma + "es") and not (after_aux or after_to) and i > 0:
                # base / -s forms double as nouns ('military attack', 'territorial claims'):
                # a verb needs a subject-like word before it
                pw = toks[i - 1].w
                if not (pw[:1].isupper() or prev in _PRONOUNS or prev.endswith("ly") or
                        (prev.endswith("s") and not prev.endswith("ss") and
                         low.endswith("s") is False)):
                    continue
            t.verb, t.lemma = True, lemma
            continue
        if low in _IRREGULAR_SET:
            if prev in _DETS and prev != "that" and low not in EN.IRREGULAR_AFTER_DETERMINER:
                continue
            t.verb, t.lemma = True, low
            continue
        if low.endswith("ed") and len(low) > 4 and low not in EN.NOT_VERB_ED and "-" not in low:
            nxt = toks[i + 1] if i + 1 < n else None
            pronoun = prev in EN.PRONOUN_DETERMINERS and (
                nxt is None or not nxt.w[:1].isalpha() or nxt.low in _PREPS or
                nxt.low in EN.TIME_WORDS_AFTER_VERB)
            if prev in _DETS and not after_aux and not pronoun:
                continue  # "the occupied territories" (not "some chanted Friday")
            t.verb, t.lemma = True, low[:-2] if low.endswith("ted") else low[:-1] \
                if low.endswith("ed") and low[-3:-2] in "aeiou" else low[:-2]
            continue
        if after_aux or after_to:
            # base form after a modal or 'to': 'will vacate', 'to sign'
            if (prev in _MODALS or after_to) and low.isalpha() and \
                    low not in _DETS and low not in _PREPS and len(low) > 2 and \
                    not t.w[:1].isupper():
                if after_to and i > 1 and toks[i - 2].low in EN.TO_NOT_INFINITIVE:
                    continue
                t.verb, t.lemma = True, lemma or low
                continue
        if prev in EN.THIRD_PERSON and low.endswith("s") and not low.endswith("ss") and \
                len(low) > 3 and low.isalpha() and low not in EN.NOT_VERB_S and \
                not low.endswith("ly"):
            # an -s form after he/she/it is a verb, in the lexicon or not ("he appears")
            t.verb, t.lemma = True, low[:-1]
    # 'took place' etc: fine as is


def _clauses(toks: list[_Tok]) -> list[tuple[int, int, str]]:
    """[(first token, end token, kind)]: kind is 'main', 'rel', 'sub', 'hyp', 'comp'."""
    n = len(toks)
    # a sentence opening with "If"/"Unless" is hypothetical to its first cut ("If talks fail
    # on November 25, fighting resumes")
    cuts: list[tuple[int, str]] = [(0, "hyp" if n and toks[0].low in EN.HYPOTHETICAL_INTRO
                                    else "main")]
    for i, t in enumerate(toks):
        low = t.low
        if low in EN.SUBORDINATORS and i > 0:
            kind = "hyp" if low in EN.HYPOTHETICAL_INTRO else "rel" if low in \
                EN.RELATIVE_INTRO else "sub"
            if low == "that":
                prev = toks[i - 1]
                nxt = toks[i + 1].low if i + 1 < n else ""
                if nxt in _AUX or nxt in _DETS or nxt in EN.THAT_CLAUSE_SUBJECTS:
                    kind = "comp" if (prev.lemma in _REPORT_VERBS or prev.low in
                                      EN.NOUN_COMPLEMENT) else "rel"
                else:
                    if prev.lemma in _REPORT_VERBS or prev.low in EN.NOUN_COMPLEMENT:
                        kind = "comp"
                    elif prev.low in _DETS or prev.low in _PREPS:
                        continue  # 'that day', 'of that'
            if low in EN.TEMPORAL_PREPOSITIONS and i + 1 < n and \
                    toks[i + 1].low in _DETS_EVENT_NOUNS:
                # a prepositional phrase ('before the withdrawal'): cut too, it may carry a
                # nominal event of its own
                kind = "pp"
            cuts.append((i, kind))
        elif low in EN.COORDINATORS and i + 1 < n:
            # 'and' + verb group starts a coordinate clause
            for j in range(i + 1, min(n, i + 4)):
                if toks[j].aux or toks[j].verb:
                    cuts.append((i, "main"))
                    break
                if toks[j].w in EN.CLAUSE_PUNCTUATION:
                    break
        elif t.w in EN.CLAUSE_PUNCTUATION or t.w in EN.CLAUSE_QUOTES:
            cuts.append((i, "main" if t.w not in ("(",) else "paren"))
    out = []
    for k, (i, kind) in enumerate(cuts):
        j = cuts[k + 1][0] if k + 1 < len(cuts) else n
        if j > i:
            out.append((i, j, kind))
    return out


def _report_cue(text: str, s: int, e: int) -> bool:
    return _REPORT_GATE.search(text, s, e) is not None and \
        _REPORT_CUE.search(text, s, e) is not None


def _span(text: str, s: int, e: int) -> Span:
    return Span(text[s:e], s, e)


def _head_noun(phrase: str) -> str | None:
    words = _HEAD_WORD.findall(phrase)
    words = [w for w in words if w.lower() not in _DETS]
    if not words:
        return None
    # a capitalised name: the whole name; else the last word (the head of 'the defense ministry')
    runs = _HEAD_NAME.findall(phrase)
    if runs:
        return max(runs, key=len)
    return words[-1]


# ------------------------------------------------------------------------------------ main


def extract_events(doc: Document, entity_mentions: list | None = None,
                   repeated: list[dict] | None = None, *,
                   counters: Counter | None = None) -> list[EventMention]:
    """Event mentions of one document (see the module docstring)."""
    text = doc.text
    c = counters if counters is not None else Counter()
    sents = split(text, doc.paragraphs)
    if not sents:
        return []
    starts = [s for s, _ in sents]
    # time expressions per sentence
    times_by_sent: dict[int, list] = {}
    for tm in doc.times:
        if tm.role == "publication":
            continue
        i = bisect.bisect_right(starts, tm.start) - 1
        if i >= 0 and tm.end <= sents[i][1]:
            times_by_sent.setdefault(i, []).append(tm)
    ents_by_sent: dict[int, list] = {}
    if entity_mentions:
        for em in entity_mentions:
            i = bisect.bisect_right(starts, em.start) - 1
            if i >= 0 and em.end <= sents[i][1]:
                ents_by_sent.setdefault(i, []).append(em)
    rep_ranges = sorted((r["start"], r["end"]) for r in (repeated or []))
    published = (doc.published or "")[:10] or None

    out: list[EventMention] = []
    prev_undated = False
    body_index = 0          # index among body (non-headline) sentences
    lead_headline_words: set[str] | None = None
    cfg = SETTINGS.events
    for si, (ss, se) in enumerate(sents):
        stext = text[ss:se]
        times = times_by_sent.get(si, [])
        if not times and (body_index >= cfg.LEAD_SENTENCES or not published):
            # fast path: an undated sentence past the lead gives no mention
            if stext.rstrip()[-1:] in EN.SENTENCE_END or \
                    len(stext.split()) > cfg.HEADLINE_MAX_TOKENS:
                body_index += 1
                prev_undated = True
                c["dropped:undated"] += 1
            else:
                c["dropped:headline"] += 1
            continue
        if times and not _has_datable(times, text):
            # no time here can give a date: no mention, only the counters and the
            # headline test (a token count) -- no need to tokenise and tag the sentence
            n_toks = len(_TOKEN.findall(text, ss, se))
            if n_toks < cfg.MIN_TOKENS:
                c["dropped:no_trigger"] += 1
                continue
            _count_undatable(times, c)
            if not (stext.rstrip()[-1:] not in EN.SENTENCE_END and
                    n_toks <= cfg.HEADLINE_MAX_TOKENS):
                body_index += 1
            prev_undated = False
            continue
        if _COMMENT.search(stext):
            c["dropped:comment"] += 1
            continue
        toks = _tokens(text, ss, se)
        if len(toks) < cfg.MIN_TOKENS:
            c["dropped:no_trigger"] += 1
            continue
        cyr = bool(_CYRILLIC_SENTENCE.search(stext))
        _tag_verbs(toks)
        headline = _is_headline(stext, toks)
        ents = ents_by_sent.get(si, [])
        made = _sentence_events(doc, text, ss, se, toks, times, ents, si, c, cyr)
        if made and si > 0 and _ANAPHORIC_REPORT.match(stext) and prev_undated and \
                not _is_headline(text[sents[si - 1][0]:sents[si - 1][1]], toks):
            # 'X happened. This was reported on December 1 ...': the report dates the
            # previous (undated) sentence, whose verb is the event; the quote covers both
            ps, pe = sents[si - 1]
            ptoks = _tokens(text, ps, pe)
            _tag_verbs(ptoks)
            pv = next((t for t in ptoks if t.verb and t.lemma not in _REPORT_VERBS), None)
            if pv is not None and sents[si - 1][0] >= _para_start(doc, ss):
                for m in made:
                    m.start, m.quote = ps, text[ps:se]
                    m.trigger = _span(text, pv.s, pv.e)
                    ents2 = ents_by_sent.get(si - 1, []) + ents
                    m.actors, m.places = _who_where(ents2, m.attributed_to, text, ps, se)
        prev_undated = not made and not times
        if not made and not times and published and not cyr:
            # an undated news lead in the present (perfect) tense: the publication date
            pub = None
            if headline:
                if si < cfg.HEADLINE_MAX_INDEX and _present_verb(toks) is not None:
                    pub = _lead_event(doc, text, ss, se, toks, ents, si, c, published)
                    if pub:
                        lead_headline_words = _content_words(stext)
                else:
                    c["dropped:headline"] += 1
            elif body_index < cfg.LEAD_SENTENCES:
                pub = _lead_event(doc, text, ss, se, toks, ents, si, c, published,
                                  headline_words=lead_headline_words if body_index == 0
                                  else None)
            if pub:
                made = [pub]
            elif not headline:
                c["dropped:undated"] += 1
        if not headline:
            body_index += 1
        made = _finest_per_trigger(made)
        for m in made:
            m.repeated = _inside(rep_ranges, ss, se)
            m.sentence_index = si
        out.extend(made)
    if entity_mentions is None:   # no entity stage: no parties, not even from nationalities
        for m in out:
            m.actors, m.places = [], []
    else:
        # a capital that acts stood in for its country in case the country goes unnamed
        # (see _who_where); where the document names the country, the country alone
        named = {em.canonical for em in entity_mentions}
        for m in out:
            if len(m.actors) > 1:
                m.actors = [a for a in m.actors if not _stand_in(a, m.actors, named)]
    c["mentions"] += len(out)
    return out


def _within(fine: str, coarse: str) -> bool:
    """fine (YYYY[-MM[-DD]]) lies inside coarse and is more specific."""
    return len(fine) > len(coarse) and fine.startswith(coarse)


def _finest_per_trigger(made: list[EventMention]) -> list[EventMention]:
    """One trigger with two times of which one contains the other ("Yesterday, at this
    year's conference, Jobs unveiled ...": 2010-06-07 and 2010) is one event on the finer
    date; the coarser mention would put the same happening on the timeline twice."""
    if len(made) < 2:
        return made
    out = []
    for m in made:
        t = m.trigger.start if m.trigger else None
        if m.date and any(o is not m and o.date and (o.trigger.start if o.trigger else None) == t
                          and _within(o.date, m.date) for o in made):
            continue
        out.append(m)
    return out


_COORDINATED = re.compile(EN.COORDINATED_TIMES, re.I)


def _nearest_time_per_trigger(text: str, toks, cands: list) -> list:
    """One verb, one time of its own: of the (tm, d, vi, cl) candidates whose times fall to
    one trigger with unrelated dates ("Friday, February 20, 2009; Page D01 NEW YORK, Feb. 19
    -- The Dow slid ... Thursday": a page stamp, a dateline and the verb's own day), the time
    nearest the verb stays. Nested dates (a day in its year: _finest_per_trigger) and times
    joined into a list or range ("on Monday and Tuesday") are all kept."""
    out = []
    for c in cands:
        tm, d, vi, _ = c
        t = toks[vi]
        if d and any(o is not c and o[2] == vi and o[1] and o[1] != d
                     and not _within(d, o[1]) and not _within(o[1], d)
                     and not _coordinated(text, tm, o[0])
                     and _gap(o[0], t.s, t.e) < _gap(tm, t.s, t.e) for o in cands):
            continue
        out.append(c)
    return out


def _coordinated(text: str, a, b) -> bool:
    """The two times are joined into one list or range ("Monday and Tuesday", "May 3-5")."""
    lo, hi = (a, b) if a.start <= b.start else (b, a)
    return lo.end <= hi.start and _COORDINATED.fullmatch(text, lo.end, hi.start) is not None


def _gap(time, s: int, e: int) -> int:
    """Characters between a time and the trigger at text[s:e] (0 when they touch)."""
    return max(0, time.start - e, s - time.end)


def _para_start(doc: Document, pos: int) -> int:
    for p in doc.paragraphs:
        if p.start <= pos <= p.end:
            return p.start
    return 0


def _inside(ranges: list[tuple[int, int]], s: int, e: int) -> bool:
    for a, b in ranges:
        if a <= s and e <= b:
            return True
        if a > s:
            break
    return False


def _is_headline(stext: str, toks: list[_Tok]) -> bool:
    if stext.rstrip()[-1:] in EN.SENTENCE_END:
        return False
    return len(toks) <= SETTINGS.events.HEADLINE_MAX_TOKENS


def _present_verb(toks: list[_Tok]) -> int | None:
    """Index of a present-tense or present-perfect main verb, if any."""
    for i, t in enumerate(toks):
        if t.low in EN.PRESENT_PERFECT_AUX and i + 1 < len(toks):
            for j in range(i + 1, min(len(toks), i + 4)):
                if toks[j].verb and toks[j].low != toks[j].lemma:
                    return j
        if t.verb and t.lemma and t.low != t.lemma and t.low.endswith("s") and \
                t.lemma not in _REPORT_VERBS and \
                not t.low.endswith("ss") and (i == 0 or toks[i - 1].low not in _DETS):
            return i
    return None


def _content_words(s: str) -> set[str]:
    return {w.lower()[:EN.CONTENT_STEM] for w in _CONTENT_WORD.findall(s)
            if w.lower() not in EN.HEADLINE_STOP_WORDS}


def _lead_event(doc, text, ss, se, toks, ents, si, c, published,
                headline_words=None) -> EventMention | None:
    vi = _present_verb(toks)
    if vi is None and headline_words:
        # a first body sentence restating a dated headline (same content words)
        first = next((i for i, t in enumerate(toks) if t.verb and t.lemma not in
                      _REPORT_VERBS), None)
        if first is not None and len(_content_words(text[ss:se]) & headline_words) >= \
                SETTINGS.events.RESTATED_HEADLINE_WORDS:
            vi = first
    if vi is None:
        return None
    clauses = _clauses(toks)
    cl = next(((a, b, k) for a, b, k in clauses if a <= vi < b), (0, len(toks), "main"))
    if cl[2] in ("rel", "sub", "pp"):
        return None
    reason = _drop_reason(toks, cl, vi)
    if reason:
        c["dropped:" + reason] += 1
        return None
    t = toks[vi]
    modality = "planned" if _planned(text, toks, cl, vi, None) else "asserted"
    attributed = None
    if _report_cue(text, ss, se):
        attributed = _speaker(text, ss, se, ents)
        modality = "reported" if modality == "asserted" else modality
    actors, places = _who_where(ents, attributed, text, ss, se)
    return EventMention(doc=doc.id, start=ss, end=se, quote=text[ss:se],
                        trigger=_span(text, t.s, t.e), date=published, date_how="publication",
                        time=None, modality=modality, attributed_to=attributed,
                        actors=actors, places=places, sentence_index=si)


def _is_month_may(toks, j) -> bool:
    """"May" the month ("On May 1 , a soldier died"; "1 May"), not the modal."""
    if toks[j].w != EN.MONTH_LIKE_MODAL:
        return False
    near = [toks[k].w for k in (j - 1, j + 1) if 0 <= k < len(toks)]
    return any(w[:1].isdigit() for w in near) or (j > 0 and toks[j - 1].low in
                                                  EN.MONTH_MAY_AFTER)


def _drop_reason(toks, cl, vi, ti: int | None = None) -> str | None:
    """Why the event of trigger ``vi`` (with its time at token ``ti``) is no timeline event:
    hypothetical, negated, a hypothetical modal; None when it is one."""
    a, b, kind = cl
    if kind == "hyp":
        return "hypothetical"
    lo = a
    # a negation before the last comma is another clause's: "Niger was not invited to the
    # talks, Nigerien officials complained on April 19" (the complaint happened) -- when the
    # time is the trigger's, after that comma ("The talks did not produce a deal on April 19,
    # officials said": the time is in the negated part, and so is the news)
    commas = [j for j in range(a, vi) if toks[j].w == ","]
    if commas and ti is not None and ti > commas[-1]:
        lo = commas[-1] + 1
    last_time = ti is not None and ti > 0 and toks[ti - 1].low == EN.NEGATED_SINCE and \
        any(toks[j].low in EN.AUX_HAVE for j in range(a, vi))
    for j in range(lo, min(b, vi + 2)):
        w = toks[j].low
        if w in EN.NEGATION and j <= vi + 1 and not last_time:
            if w in EN.NEGATION_BEFORE_ONLY and j > vi:
                continue
            if w in EN.NEGATION_VERBS and j == vi:
                continue   # "the blowout preventer fails": the failure is the event
            return "negated"
        if w == "no" and j < vi:
            nxt = toks[j + 1].low if j + 1 < len(toks) else ""
            if nxt not in EN.NO_NOT_NEGATING:
                return "negated"
        if w in _MODAL_HYP and j < vi and w not in EN.MODALS_NOT_HYPOTHETICAL and \
                not _is_month_may(toks, j):
            return "hypothetical_modal"
    return None


def _past_form(t) -> bool:
    """A past-tense verb form, in the lexicon or not ('used', 'began')."""
    if t.verb and t.low != t.lemma and not t.low.endswith("s"):
        return True
    return t.low in _IRREGULAR_SET or (len(t.low) >= 4 and t.low.endswith("ed") and not t.low.endswith("eed")
                                        and t.low.isalpha())


def _planned(text, toks, cl, vi, tm) -> bool:
    a, b, _k = cl
    seg_s = toks[a].s
    seg_e = toks[min(vi, len(toks) - 1)].e
    if _PLAN_PHRASE.search(text, seg_s, seg_e):
        return True
    for j in range(a, vi):
        if toks[j].low in _MODAL_FUT or toks[j].low == EN.GOING:
            return True
    to = EN.INFINITIVE_MARKER
    infinitive = (vi > 0 and toks[vi - 1].low == to) or (
        vi > 1 and toks[vi - 1].low in EN.INFINITIVE_BE and toks[vi - 2].low == to)
    if infinitive:
        # 'to free the vessel' is a plan unless a past verb governs it: 'began working to
        # free', 'used tugboats to pull' report what was done (plan verbs such as 'agreed to'
        # were caught by _PLAN_PHRASE above)
        if any(_past_form(toks[j]) and toks[j].lemma not in EN.INTENT_VERBS
               for j in range(a, vi - 1)):
            return False
        if not any(toks[j].verb for j in range(a, vi - 1)):
            # a verbless clause ('and dredgers to pull ...', split off at 'and'): the verb
            # that governs the infinitive is the nearest one before the clause
            gov = next((toks[j] for j in range(a - 1, -1, -1)
                        if toks[j].verb or _past_form(toks[j])), None)
            if gov is not None and _past_form(gov) and gov.lemma not in EN.INTENT_VERBS:
                return False
        return True
    if tm is not None and tm.role == "deadline":
        # 'by November 20' in a past clause ('had to ... by') is still an obligation; a past
        # 'lasted until 1994' is not
        past = any(toks[j].verb and toks[j].low != toks[j].lemma and
                   not toks[j].low.endswith("s") for j in range(a, vi + 1)) and \
            not any(toks[j].low in EN.PERFECT_AUX for j in range(a, vi))
        if not past or text[tm.start - 3:tm.start].strip().lower() == EN.DEADLINE_PREPOSITION:
            return not past
    return False


def _speaker(text: str, ss: int, se: int, ents) -> str | None:
    """Who the sentence is attributed to: an entity in the attribution phrase, else its
    head noun."""
    found = speaker_span(text, ss, se, ents)
    if found is None:
        return None
    em, a, b = found
    if em is not None:
        return em.canonical
    phrase = text[a:b]
    if _CYRILLIC_LETTER.search(phrase):
        return (phrase.split() or [None])[0]
    return _head_noun(phrase)


def speaker_span(text: str, ss: int, se: int, ents) -> tuple | None:
    """Where the sentence ``text[ss:se]`` names who says it: ``(entity mention or None,
    start, end)``, the span being the attribution phrase as the source words it ("Russian
    military officials" in "Russian military officials said ..."), so a page can show the
    speaker verbatim when no entity stands for it; None when the sentence is in the
    article's own voice."""
    spans: list[tuple[int, int]] = []
    cfg = SETTINGS.events
    tail = _SAID_X.search(text, max(ss, se - cfg.SAID_X_WINDOW), se)
    if tail and not _SAID_X_NOT_SPEAKER.search(tail.group(1)):
        # "..., said the ministry." ("said more would follow" is what was said, not who)
        spans.append((tail.start(1), tail.end(1)))
    after = [(m.end(), min(se, m.end() + cfg.ATTRIBUTION_WINDOW),
              m.group().lower().startswith(EN.ACCORDING))
             for m in _ATTRIB_AFTER.finditer(text, ss, se)]
    # 'Trend reports citing / referring to the ministry': the cited body speaks
    spans[:0] = [(a, b) for a, b, acc in after if not acc]
    for m in _SUBJ_BEFORE.finditer(text, ss, se):
        if _SUBJ_COORDINATED.search(m.group(1)):
            # "Dushanbe rejected the accusation and said ...": the sentence's subject speaks
            first = min((em for em in ents if not em.is_source and em.start >= ss),
                        key=lambda em: em.start, default=None)
            if first is not None and first.end <= m.start(1):
                spans.append((first.start, first.end))
            continue
        # the noun phrase just before the verb: "Troops left on March 2 and the ministry said"
        a = m.start(1)
        for cut in _SUBJ_CUT.finditer(m.group(1)):
            a = m.start(1) + cut.end()
        spans.append((a, m.end(1)))
    spans.extend((a, b) for a, b, acc in after if acc)
    for types in (("org", "person"), ("place",)):
        for a, b in spans:
            for em in ents:
                if em.start >= a and em.end <= b + 2 and em.type in types and \
                        not em.is_source:
                    return em, em.start, em.end
    for a, b in spans:
        # cut the phrase at a comma / clause word
        # ... and at what describes the speaker ("a diplomat familiar with the talks")
        phrase = _SPEAKER_CUT.split(text[a:b])[0]
        if _CYRILLIC_LETTER.search(phrase):
            h = (phrase.split() or [None])[0]
        else:
            h = _head_noun(phrase)
        if h and h.lower() not in _PRONOUNS and h.lower() not in _AUX and \
                h.lower() not in EN.NOT_SPEAKERS:
            # the verbatim phrase without its edge spaces
            lead = len(phrase) - len(phrase.lstrip())
            return None, a + lead, a + len(phrase.rstrip())
    return None


# Who is a party and what is a place: see the comment above lang.en.events.PLACE_PREPOSITIONS
_PLACE_PREPS = EN.PLACE_PREPOSITIONS
_STATE_ORGANS = EN.STATE_ORGANS
_OF_PARTY = EN.STATE_ORGANS | EN.OF_PARTY_EXTRA
_ACTS = re.compile(EN.ACTS)
# a word of letters (any script), with inner apostrophes: where nationalities and organs are
_WORD_AT = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_TIME_ZONE = re.compile(EN.TIME_ZONE, re.I)


def _word_before(text: str, pos: int, floor: int) -> str:
    """The word just before ``pos``, lower-cased, skipping "the" and the modifiers of a place
    ("in northern Niger"); "" at the sentence start; a comma comes back as itself; "of"
    after a state organ ("the government of") comes back as "of-party"."""
    i = pos
    while True:
        j = i
        while j > floor and text[j - 1].isspace():
            j -= 1
        if j <= floor:
            return ""
        if text[j - 1] in ",;":
            return text[j - 1]
        k = j
        while k > floor and (text[k - 1].isalpha() or text[k - 1] in "'’-"):
            k -= 1
        w = text[k:j].lower()
        if w == "of" and _word_before(text, k, floor) in _OF_PARTY:
            return "of-party"
        if w != EN.ARTICLE and w not in EN.PLACE_MODIFIERS:
            return w
        i = k


def _stand_in(name: str, actors: list[str], named: set[str]) -> bool:
    """``name`` is a capital whose country is among ``actors`` and named in the document."""
    from . import gazetteer
    p = gazetteer.lookup(name)
    if p is None or not p.capital or not p.country or p.kind != "city":
        return False
    country = gazetteer.place_by_id("cc:" + p.country)
    return country is not None and country.name in actors and country.name in named


def _who_where(ents, attributed: str | None, text: str | None = None, ss: int = 0,
               se: int = 0) -> tuple[list[str], list[str]]:
    """(actors, places) of a sentence ``text[ss:se]``: people and organisations are actors;
    a country is an actor unless a preposition of place stands before it (see
    _PLACE_PREPS); a capital that acts is its country; a nationality before a state organ
    makes its country an actor; the dateline names neither."""
    from . import gazetteer
    actors: list[str] = []
    places: list[str] = []

    def add(lst, name):
        if name not in lst:
            lst.append(name)
    dl = DATELINE.match(text[ss:se]) if text is not None else None   # ("^" only at 0)
    dl_end = ss + dl.end() if dl else ss
    last_country: tuple[int, bool] | None = None   # (end, was a place) of the last country
    for em in sorted(ents, key=lambda e: e.start):
        if em.is_source:
            continue
        if em.end <= dl_end:
            continue   # "BISHKEK, March 3 (Reuters) -"
        if text is not None and em.type == "place" and _TIME_ZONE.match(text, em.end):
            continue   # "at 00:00 Moscow time": a clock, not where
        if em.type != "place":
            if em.canonical != attributed:
                add(actors, em.canonical)
            continue
        pid = em.place_id or ""
        place = gazetteer.place_by_id(pid) if pid.startswith("gn:") else None
        capital = place is not None and place.capital and place.country
        if text is None or not ss <= em.start < se or not (pid.startswith("cc:") or capital):
            add(places, em.canonical)
            continue
        w = _word_before(text, em.start, ss)
        if w in EN.LIST_JOINERS and last_country and \
                em.start - last_country[0] < SETTINGS.events.COUNTRY_LIST_GAP:
            party = not last_country[1]   # "in Armenia and Azerbaijan": as the first
        else:
            party = w not in _PLACE_PREPS
        if capital and party and not (w in EN.PARTY_JOINERS or _ACTS.match(text, em.end)):
            party = False   # "Moscow's Red Square", "Kabul airport": the city itself
        last_country = (em.end, not party)
        if not party:
            add(places, em.canonical)
        elif capital:
            # the government it stands for; the city too, in case the corpus never names
            # the country (an actor must be one of the corpus's entities)
            country = gazetteer.place_by_id("cc:" + place.country)
            if country is not None:
                add(actors, country.name)
            add(actors, em.canonical)
        else:
            add(actors, em.canonical)
    if text is not None:
        words = list(_WORD_AT.finditer(text, ss, se))
        for i, m in enumerate(words[:-1]):
            w = m.group()
            if not w[:1].isupper() or m.end() <= dl_end:
                continue
            # the organ, or up to two lower-case words before it ("defence ministry")
            organ = next((k for k in range(i + 1, min(i + 4, len(words)))
                          if words[k].group().lower() in _STATE_ORGANS), None)
            if organ is None or any(not x.group().islower() for x in words[i + 1:organ]):
                continue
            country = gazetteer.country_of_demonym(w)
            if country is None:
                continue
            # "Armenian and Azerbaijani forces": the organ follows the last of the list
            names = [country.name]
            j = i - 1
            while j >= 1 and words[j].group() in EN.LIST_CONJUNCTIONS and \
                    (c2 := gazetteer.country_of_demonym(words[j - 1].group())) is not None:
                names.append(c2.name)
                j -= 2
            for n in reversed(names):
                add(actors, n)
    return actors, places


def _token_at(toks, pos: int) -> int:
    """Index of the first token starting at or after ``pos`` (len(toks) if none)."""
    return next((i for i, t in enumerate(toks) if t.s >= pos), len(toks))


def _time_trigger(toks, clauses, tm, ti: int) -> tuple[int | None, tuple[int, int, str]]:
    """(token index of the trigger, the clause) for a time mention whose first token is
    ``ti``."""
    n = len(toks)
    te = _token_at(toks, tm.end)
    ci = next((k for k, (a, b, _) in enumerate(clauses) if a <= ti < b), len(clauses) - 1)
    a, b, kind = clauses[ci]
    # a premodifier: 'the 1994 ceasefire agreement'
    if te < n and te < b and toks[te].w[:1].isalpha() and toks[te].low not in _PREPS and \
            not toks[te].verb and not toks[te].aux and toks[te].low not in EN.LIST_CONJUNCTIONS and \
            ti > 0 and toks[ti - 1].low in _DETS:
        j = te
        while j + 1 < b and toks[j + 1].low in _EVENT_NOUNS:
            j += 1
        k = te
        for q in range(te, min(b, te + 4)):
            if toks[q].low in _EVENT_NOUNS:
                k = q
                break
        return k, clauses[ci]
    if kind == "pp":
        # the event noun nearest before the time, else the first after it: "since its
        # independence from France in 1977 - to step down ahead of the elections scheduled
        # in April" dates the elections, not the independence, in April
        nouns = [q for q in range(a, b) if toks[q].low in _EVENT_NOUNS]
        near = [q for q in nouns if q < ti]
        if near or nouns:
            return (near[-1] if near else nouns[0]), clauses[ci]
    # A time inside a quotation takes no verb outside it: in "'There could be oil coming up
    # until August,' Browner told CBS on Sunday" August is not when she told
    quote = _quote_span(toks, ti)
    qa, qb = quote if quote is not None else (0, n)
    before = [i for i in range(max(a, qa), ti) if toks[i].verb]
    if before:
        return before[-1], clauses[ci]
    after = [i for i in range(te, min(b, qb)) if toks[i].verb]
    if after:
        return after[0], clauses[ci]
    # neighbours: a fronted time goes with the next clause, otherwise the previous
    # a copula of the time's own clause before it is its predicate: "The 25th anniversary
    # of the accident is Friday, and several events are planned for Thursday"
    own_be = [i for i in range(a, ti) if toks[i].low in _AUX_BE and toks[i].w[:1] not in "'’"
              and (quote is None or quote[0] <= i < quote[1])]
    if own_be:
        return own_be[-1], clauses[ci]
    # a time right after a temporal preposition ("having not contacted anyone since Friday
    # morning - three days after ...") qualifies the clause before it, as a fronted time
    # ("On November 16, Russia sent") the one after it
    pp_time = ti == a + 1 and toks[a].low in EN.TEMPORAL_PREPOSITIONS and ci > 0
    order = [ci + 1, ci - 1] if ti - a <= 2 and not pp_time else [ci - 1, ci + 1]
    if order[0] == ci + 1:
        # a fronted time dates the main clause, not a relative clause on the way to it: in
        # "July 28 - Younes, the minister who defected on February 22 and became chief, is
        # killed" July 28 is not when he defected
        k = ci + 1
        while k < len(clauses) - 1 and clauses[k][2] == "rel":
            k += 1
        order[0] = k
    for k in order:
        if 0 <= k < len(clauses) and clauses[k][2] not in ("hyp",):
            a2, b2, _ = clauses[k]
            vs = [i for i in range(a2, b2) if toks[i].verb and
                  (quote is None or quote[0] <= i < quote[1])]
            if vs:
                return (vs[0] if k > ci else vs[-1]), clauses[k]
    for q in range(a, b):
        if toks[q].low in _EVENT_NOUNS:
            return q, clauses[ci]
    # no verb and no event noun: a copula carries the event ("The Report is on BBC Radio 4
    # on Thursday, 27 May", "I will be 60 on Monday"): the form of "be" nearest the time in
    # its clause, else in the sentence (within the same quotation)
    lo, hi = quote if quote is not None else (0, n)
    bes = [i for i in range(lo, hi) if toks[i].low in _AUX_BE and toks[i].w[:1] != "'"
           and toks[i].w[:1] != "’"]
    if bes:
        own = [i for i in bes if a <= i < b]
        best = min(own or bes, key=lambda i: abs(i - ti))
        cl = next((c for c in clauses if c[0] <= best < c[1]), clauses[ci])
        return best, cl
    return None, clauses[ci]


def _quote_span(toks, ti: int) -> tuple[int, int] | None:
    """(first, end) token indexes of the quotation holding token ``ti``, if any: between an
    odd-numbered quote mark and the next one ("``", "''", typographic or straight)."""
    # PTB quotes ("``", "''") come as two tokens of one character: the pair is one mark
    marks = [i for i, t in enumerate(toks) if t.w in EN.CLAUSE_QUOTES or (
        t.w in EN.QUOTE_HALVES and i + 1 < len(toks) and toks[i + 1].w == t.w and
        toks[i + 1].s == t.e)]
    for k in range(0, len(marks) - 1, 2):
        if marks[k] < ti < marks[k + 1]:
            return marks[k] + 1, marks[k + 1]
    if len(marks) % 2 and marks[-1] < ti:
        return marks[-1] + 1, len(toks)   # a quotation that runs to the sentence's end
    return None


def _event_times(times):
    """The times that can date an event: dates and times, and of a range only its start."""
    starts_present = any(t.role == "range_start" for t in times)
    return [tm for tm in times if tm.type in ("DATE", "TIME") and tm.role != "comparison"
            and not (tm.role == "range_end" and starts_present)]


def _has_datable(times, text: str = "") -> bool:
    """Whether _sentence_events would keep any of the times (see its first loop), or a
    duration linking two events ("a week after the unrest began")."""
    return any(date_of_value(tm.value) is not None or _PARTIAL_VALUE.match(tm.value) is not None
               for tm in _event_times(times)) or \
        any(_duration_link(text, tm) is not None for tm in times)


_EXACT_DURATION = re.compile(r"^P(\d+)([DWMY])$")
_DURATION_LINK = re.compile(EN.DURATION_LINK, re.I)


def _duration_link(text: str, tm) -> tuple[int, str, int] | None:
    """(count, unit, sign) of an exact duration followed by after/before/since ("two days
    after"): the second event lies sign * count units from the first."""
    if tm.type != "DURATION" or not text:
        return None
    m = _EXACT_DURATION.match(tm.value)
    link = _DURATION_LINK.match(text, tm.end) if m else None
    if link is None:
        return None
    return int(m.group(1)), m.group(2), EN.DURATION_LINKS[link.group(1).lower()]


_PERIOD_FOR = re.compile(EN.PERIOD_FOR, re.I)


def _is_period(text: str, toks, tm) -> bool:
    """A bare year after "for" and a word that is no verb (lang.en.events.PERIOD_FOR)."""
    m = _PERIOD_FOR.search(text, max(0, tm.start - 8), tm.start)
    if m is None:
        return False
    k = _token_at(toks, m.start())
    return k > 0 and not (toks[k - 1].verb or toks[k - 1].aux or _past_form(toks[k - 1]))


def _present_before(toks, ti: int) -> bool:
    """A present-tense verb before token ``ti`` and no past one ("The intervention comes
    two days after ..."; not "Two weeks after the vote, parliament met")."""
    present = False
    for t in toks[:ti]:
        if _past_form(t):
            return False
        lemma = _VERB_FORMS.get(t.low)
        if t.low in EN.PRESENT_BE or (lemma and t.low != lemma and t.low.endswith("s")
                                      and not t.low.endswith("ss")):
            present = True
    return present


def _shift_date(d: str, n: int, unit: str) -> str | None:
    """The event date ``d`` (YYYY-MM-DD, or YYYY-MM for months and years) moved by ``n``
    units, at the precision of ``d``; None when ``d`` is too coarse for the unit."""
    import datetime as dt
    parts = [int(x) for x in d.split("-")]
    if len(parts) == 3:
        try:
            day = dt.date(*parts)
            if unit in ("D", "W"):
                return (day + dt.timedelta(days=n * (7 if unit == "W" else 1))).isoformat()
            months = n * (12 if unit == "Y" else 1)
            y, m = divmod(day.month - 1 + months, 12)
            y += day.year
            for dd in range(day.day, 27, -1):   # 31 March - 1 month: the last of February
                try:
                    return dt.date(y, m + 1, dd).isoformat()
                except ValueError:
                    continue
            return dt.date(y, m + 1, min(day.day, 28)).isoformat()
        except (ValueError, OverflowError):
            return None
    if len(parts) == 2 and unit in ("M", "Y"):
        y, m = divmod(parts[1] - 1 + n * (12 if unit == "Y" else 1), 12)
        return f"{parts[0] + y:04d}-{m + 1:02d}" if 0 < parts[0] + y < 10000 else None
    return None


def _linked_events(doc, text, ss, se, toks, clauses, times, out, published, reported,
                   speaker, ents, si, c) -> None:
    """Events dated by a duration that links them to another dated event (see
    lang.en.events.DURATION_LINKS): the undated one gets the other's date shifted; a
    mention already made for its trigger takes the shifted date."""
    dated = [(tm, date_of_value(tm.value)) for tm in times if tm.type in ("DATE", "TIME")]
    dated = [(tm, d) for tm, d in dated if d and len(d) >= 7]
    n = len(toks)
    for tm in times:
        link = _duration_link(text, tm)
        if link is None:
            continue
        count, unit, sign = link
        k = _token_at(toks, tm.end)          # the link word
        if k >= n:
            continue
        b2 = next((b for a, b, _ in clauses if a <= k < b), n)
        # the second event: a gerund right after the link ("a day after filing for
        # bankruptcy, Lehman is heading to court"), else the first verb after it, else an
        # event noun
        second = k + 1 if k + 1 < b2 and toks[k + 1].low.endswith("ing") and \
            toks[k + 1].low.isalpha() and len(toks[k + 1].low) > 4 else None
        if second is None:
            second = next((i for i in range(k + 1, b2) if toks[i].verb), None)
        if second is None:
            second = next((i for i in range(k + 1, b2) if toks[i].low in _EVENT_NOUNS), None)
        if second is None:
            # the head of the noun phrase after the link: "a day after an unparalleled
            # display of public rage" (the word before its first preposition or comma)
            j = k + 1
            if j < b2 and toks[j].low in _DETS:
                while j + 1 < b2 and toks[j + 1].w[:1].isalpha() and \
                        toks[j + 1].low not in _PREPS and not toks[j + 1].verb:
                    j += 1
                if j > k + 1 and toks[j].low.isalpha():
                    second = j
        ti = _token_at(toks, tm.start)
        first = next((i for i in range(ti - 1, -1, -1) if toks[i].verb), None)
        before = [(t, d) for t, d in dated if t.end <= tm.start]
        after = [(t, d) for t, d in dated if t.start >= toks[k].e]
        if before:
            # "on the phone Tuesday, a week after the unrest began": the second event
            target, date = second, _shift_date(before[-1][1], sign * count, unit)
        elif first is None and second is not None and \
                [t for t, _ in after if t.start >= toks[_phrase_end(toks, k, b2)].s]:
            # fronted: "Just a day after filing for bankruptcy, Lehman is heading into court
            # today": the linked event lies the duration before the main clause's own time
            # (a time inside the link's clause is the linked event's: "a week after the
            # vote on March 3")
            main_t = next(d for t, d in after if t.start >= toks[_phrase_end(toks, k, b2)].s)
            target, date = second, _shift_date(main_t, sign * count, unit)
        elif after and first is not None:
            # "took place a day before the withdrawal ... on 25 November": the first event
            target, date = first, _shift_date(after[0][1], -sign * count, unit)
        elif not dated and published and _present_before(toks, ti):
            # "The intervention comes two days after ...": counted from the report's day
            target, date = second, _shift_date(published, sign * count, unit)
        else:
            continue
        if target is None or date is None:
            continue
        t = toks[target]
        cl = next((cc for cc in clauses if cc[0] <= target < cc[1]), (0, n, "main"))
        if _drop_reason(toks, cl, target):
            continue
        same = [m for m in out if m.trigger is not None and m.trigger.start == t.s]
        if same:
            for m in same:
                m.date, m.time, m.date_how = date, _span(text, tm.start, tm.end), "linked"
            continue
        modality = "planned" if _planned(text, toks, cl, target, None) and \
            t.lemma not in _REPORT_VERBS else "reported" if reported else "asserted"
        actors, places = _who_where(ents, speaker, text, ss, se)
        out.append(EventMention(
            doc=doc.id, start=ss, end=se, quote=text[ss:se], trigger=_span(text, t.s, t.e),
            date=date, date_how="linked", time=_span(text, tm.start, tm.end),
            modality=modality, attributed_to=speaker if reported else None, actors=actors,
            places=places, sentence_index=si))
        c["linked_by_duration"] += 1


def _phrase_end(toks, k: int, b: int) -> int:
    """The comma closing a fronted phrase opened at token k (b - 1, the clause's last token,
    if none comes before b)."""
    return next((i for i in range(k + 1, b) if toks[i].w == ","), b - 1)


def _count_undatable(times, c) -> None:
    """The counters _sentence_events keeps for times none of which can give a date."""
    c["dropped:undatable_time"] += len(_event_times(times))


def _sentence_events(doc, text, ss, se, toks, times, ents, si, c, cyr) -> list[EventMention]:
    if not times:
        return []
    dated = []
    for tm in _event_times(times):
        if _PAGE_UPDATED.search(text, max(ss, tm.start - SETTINGS.events.PAGE_STAMP_WINDOW),
                                tm.start):
            c["dropped:page_stamp"] += 1     # when the page changed, not what happened
            continue
        d = date_of_value(tm.value)
        if d is not None and len(d) == 4 and _is_period(text, toks, tm):
            c["dropped:period"] += 1     # "forecasts for 2009": what a figure is about
            continue
        partial = d is None and _PARTIAL_VALUE.match(tm.value) is not None
        if d is None and not partial:
            c["dropped:undatable_time"] += 1
            continue
        dated.append((tm, d))
    linked = any(_duration_link(text, tm) is not None for tm in times)
    if not dated and not linked:
        return []
    clauses = _clauses(toks)
    reported = _report_cue(text, ss, se) or (cyr and _RU_REPORT_CUE.search(text[ss:se])
                                             is not None)
    speaker = _speaker(text, ss, se, ents) if reported else None
    if cyr and speaker is None and reported:
        speaker = None
    out: list[EventMention] = []
    seen: set[tuple[int, str | None]] = set()
    seen_dates: set[str] = set()
    cands = []
    for tm, d in dated:
        ti = _token_at(toks, tm.start)
        vi, cl = _time_trigger(toks, clauses, tm, ti)
        if vi is None and not cyr:
            # no verb by the subject test: a chronology's or headline's bare present after a
            # common noun ("April 25 - The well's blowout preventer fails .", "Sept. 7 : U.S.
            # government seizes Fannie Mae") -- the first -s form of a known verb that no
            # determiner turns into a noun
            vi = next((i for i, t in enumerate(toks)
                       if i > 0 and t.low.endswith("s") and t.w[:1].islower()
                       and _VERB_FORMS.get(t.low) and toks[i - 1].low not in _DETS
                       and toks[i - 1].low not in _PREPS and toks[i - 1].w[:1].isalpha()), None)
        if vi is None:
            if cyr:
                vi = next((i for i, t in enumerate(toks) if _RU_VERB_ENDING.search(t.low)
                           and len(t.low) > RU.VERB_LONGER_THAN), None)
            if vi is None:
                c["dropped:no_trigger"] += 1
                continue
        cands.append((tm, d, vi, cl))
    for tm, d, vi, cl in _nearest_time_per_trigger(text, toks, cands):
        ti = _token_at(toks, tm.start)
        reason = _drop_reason(toks, cl, vi, ti)
        if reason == "hypothetical_modal":
            # 'would' in reported speech is a future in the past: planned
            reason = None if reported else "hypothetical"
            modal_plan = reported
        else:
            modal_plan = False
        if reason:
            c["dropped:" + reason] += 1
            continue
        key = (vi, d or tm.value)
        if key in seen:
            continue
        seen.add(key)
        if d and d in seen_dates:
            continue
        if d:
            seen_dates.add(d)
        planned = modal_plan or _planned(text, toks, cl, vi, tm) or (
            cyr and _RU_FUTURE.search(text[ss:se]) is not None)
        t = toks[vi]
        if t.lemma in _REPORT_VERBS or (cyr and _RU_REPORT_TRIGGER.match(t.low)):
            planned = False  # the statement itself is the event, dated by its time
        modality = "planned" if planned else "reported" if reported else "asserted"
        actors, places = _who_where(ents, speaker, text, ss, se)
        out.append(EventMention(
            doc=doc.id, start=ss, end=se, quote=text[ss:se],
            trigger=_span(text, t.s, t.e), date=d, date_how="explicit" if d else "none",
            time=_span(text, tm.start, tm.end), modality=modality,
            attributed_to=speaker if reported else None, actors=actors, places=places,
            sentence_index=si))
    if linked:
        _linked_events(doc, text, ss, se, toks, clauses, times, out,
                       (doc.published or "")[:10] or None, reported, speaker, ents, si, c)
    return out
