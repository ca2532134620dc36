import os
import tempfile

import pytest

from dateline.events import extract_events
from dateline.link import date_compat, link
from dateline.model import Document, EventMention, Span
from dateline.settings import SETTINGS
from dateline.text import summary_text


def test_date_compat():
    assert date_compat("2020-11-10", "2020-11-10") == 1.0
    assert 0 < date_compat("2020-11", "2020-11-10") < 1
    assert date_compat("2020-11-09", "2020-11-10") == 0.0


def _m(doc, start, quote, date, trig, modality="asserted", repeated=False):
    s = quote.index(trig)
    return EventMention(doc=doc, start=start, end=start + len(quote), quote=quote,
                        trigger=Span(trig, start + s, start + s + len(trig)), date=date,
                        date_how="explicit", modality=modality, repeated=repeated)


def test_same_day_same_kind_merge_planned_apart():
    docs = [Document(id=i, path=i, text="", published="2020-11-20") for i in "abc"]
    ev = {"a": [_m("a", 0, "Troops entered Lachin on December 1.", "2020-12-01", "entered")],
          "b": [_m("b", 0, "The army entered the Lachin region on December 1, officials said.",
                   "2020-12-01", "entered", "reported"),
                _m("b", 80, "Armenia will vacate Lachin on December 1.", "2020-12-01", "vacate",
                   "planned")],
          "c": [_m("c", 0, "The election took place in 1998.", "1998", "took")]}
    _, events = link(docs, ev, None)
    by_date = {}
    for e in events:
        by_date.setdefault(e.date, []).append(e)
    assert len(by_date["2020-12-01"]) == 2
    happened = [e for e in by_date["2020-12-01"] if e.modality != "planned"][0]
    assert len(happened.sources) == 2 and happened.modality == "asserted"
    assert by_date["1998"][0].background
    ids = [e.id for e in events]
    assert len(ids) == len(set(ids))


def test_repeated_paragraph_counts_once():
    docs = [Document(id=i, path=i, text="", published="2020-11-20") for i in "ab"]
    q = "The conflict began in 1988 when Armenia made claims."
    ev = {"a": [_m("a", 10, q, "1988", "began", repeated=True)],
          "b": [_m("b", 50, q, "1988", "began", repeated=True)]}
    _, events = link(docs, ev, None)
    assert len(events) == 1
    e = events[0]
    assert {m.doc for m in e.sources} == {"a", "b"}
    assert 1 <= e.importance < 2


def test_summary_reads_without_a_page_stamp_or_wire_dateline():
    """The summary is the central source sentence as it reads; the source keeps it verbatim."""
    docs = [Document(id="a", path="a", text="", published="2011-03-22")]
    q = ("SAO PAULO | Tue Mar 22 , 2011 2:12 am EDT SAO PAULO (Reuters) - Brazil called for a "
         "ceasefire in Libya on March 21 .")
    _, events = link(docs, {"a": [_m("a", 0, q, "2011-03-21", "called")]}, None)
    assert events[0].summary == "Brazil called for a ceasefire in Libya on March 21 ."
    assert events[0].sources[0].quote == q
    q2 = ("Benghazi , Libya (CNN) -- The head of the interim government pleaded on Wednesday "
          "for help .")
    _, events = link(docs, {"a": [_m("a", 0, q2, "2011-03-09", "pleaded")]}, None)
    assert events[0].summary == "The head of the interim government pleaded on Wednesday for help ."


def test_summary_prefers_the_sentence_whose_news_the_event_is():
    """Of the sources of "the uprising began in February", the one that says so beats the one
    where it is only the background of other news ("... since the uprising began")."""
    docs = [Document(id=i, path=i, text="", published="2011-05-01") for i in "abc"]
    aside = ("It was only the third cargo to leave the port since the uprising against the "
             "government began in February .")
    news = "The uprising against the government began in February in the eastern port ."
    ev = {"a": [_m("a", 0, aside, "2011-02", "began")],
          "b": [_m("b", 0, aside.replace("third", "fourth"), "2011-02", "began")],
          "c": [_m("c", 0, news, "2011-02", "began")]}
    _, events = link(docs, ev, None)
    assert len(events) == 1 and events[0].summary == news


# ----------------------------------------------------------------------------- seed corpus

@pytest.fixture(scope="module")
def seed_linked(seed_dir):
    from dateline import entities
    from dateline.pipeline import build
    from dateline.store import Store
    db = os.path.join(tempfile.mkdtemp(), "seed.db")
    build([str(seed_dir)], db, workers=1)
    with Store(db, readonly=True) as s:
        docs = sorted(s.documents(), key=lambda d: d.path)
        reps = {d.id: s.repeated(d.id) for d in docs}
    ems = dict(zip([d.id for d in docs], entities.extract_many([d.text for d in docs])))
    mentions = {d.id: extract_events(d, ems[d.id], reps[d.id]) for d in docs}
    ents, events = link(docs, mentions, ems)
    name = {d.id: d.path.split("/")[-1][:3] for d in docs}
    return docs, ents, events, name


def _find(events, date, words, modality=None):
    out = [e for e in events if e.date == date and (modality is None or e.modality == modality)
           and any(all(w.lower() in m.quote.lower() for w in words) for m in e.sources)]
    assert out, (date, words, [(e.date, e.summary[:60]) for e in events])
    return out[0]


def test_seed_quotes_are_verbatim(seed_linked):
    docs, _, events, _ = seed_linked
    text = {d.id: d.text for d in docs}
    assert events
    for e in events:
        assert e.summary in {summary_text(m.quote) for m in e.sources}
        for m in e.sources:
            assert text[m.doc][m.start:m.end] == m.quote


def test_seed_timeline(seed_linked):
    docs, ents, events, name = seed_linked
    srcs = lambda e: {name[m.doc] for m in e.sources}  # noqa: E731
    ceasefire = _find(events, "2020-11-10", ["November"])
    assert {"000", "001", "002", "004"} <= srcs(ceasefire)
    war = _find(events, "2020-09-27", ["27"])
    assert {"000", "001", "002", "003", "004"} <= srcs(war)
    tovuz = _find(events, "2020-07", ["Tovuz"])
    assert srcs(tovuz) == {"000", "001"} and not tovuz.background
    start = _find(events, "1988", ["1988"])
    assert start.background and srcs(start) == {"000", "001"}
    assert start.importance < 2  # the shared background paragraph counts once
    truce94 = _find(events, "1994", ["1994 ceasefire"])
    assert truce94.background
    pog = _find(events, "2020-11-09", ["Poghosyan"])
    assert pog.modality == "reported"
    _find(events, "2020-11-16", ["140 planes"])
    talks = _find(events, "2020-11-14", ["discussions"])
    assert srcs(talks) == {"001"}
    call = _find(events, "2020-11-24", ["Putin"])
    assert srcs(call) == {"002"}
    _find(events, "2020-11-20", ["vacated Aghdam"], "asserted")
    _find(events, "2020-11-25", ["Kalbajar"], "asserted")
    lachin = _find(events, "2020-12-01", ["entered the Lachin region"])
    assert lachin.modality in ("asserted", "reported")
    meet = _find(events, "2020-12-03", ["Hasanov"])
    assert meet.sources and all(m.date_how == "publication" for m in meet.sources)
    planned = _find(events, "2020-12-01", ["will vacate Lachin"], "planned")
    assert planned is not lachin
    # 'on Wednesday' in 004 is dated only through 004's inferred publication date
    wed = [e for e in events for m in e.sources if "on Wednesday" in m.quote]
    assert wed and all(e.date == "2020-11-11" for e in wed)
    # actors are entity ids, sources excluded
    ids = {e.id: e for e in ents}
    for e in events:
        for a in e.actors + e.places:
            assert a in ids and not ids[a].is_source
    assert len({e.id for e in events}) == len(events)


@pytest.mark.parametrize("quote, trig, sub", [
    ("The union signed an agreement on Friday ending a strike that had paralysed the port "
     "since March 3 .", "paralysed", True),
    ("Officials said that troops withdrew from the town on Monday .", "withdrew", False),
    ("Officials who spoke to reporters said troops withdrew from the town on Monday .",
     "withdrew", False),
    ("It was the third cargo to leave since the rebellion began in February .", "began", True),
    ("The rebellion began in February .", "began", False),
])
def test_subordinate_trigger(quote, trig, sub):
    from dateline.link import _subordinate
    assert _subordinate(_m("a", 0, quote, "2011-02", trig)) is sub


def test_a_day_s_other_news_stays_apart():
    """Mentions of one day that share the day, a country and a few words but neither a verb
    nor a kind of happening are different events; a dateline and the month name are no
    shared words. A paraphrase of the same happening still meets its twin."""
    docs = [Document(id=i, path=i, text="", published="2024-03-05") for i in "abc"]
    ev = {"a": [_m("a", 0, "BISHKEK, March 3, 2024 (Reuters) - Kyrgyzstan accused Tajikistan on "
                           "March 2 of shelling three villages.", "2024-03-02", "accused")],
          "b": [_m("b", 0, "Tajikistan rejected the accusation on March 2.", "2024-03-02",
                   "rejected"),
                _m("b", 70, "A ceasefire between Kyrgyzstan and Tajikistan took effect on "
                            "March 3.", "2024-03-03", "took")],
          "c": [_m("c", 0, "BISHKEK, March 4, 2024 (Reuters) - The truce agreed by Kyrgyzstan "
                           "and Tajikistan held on March 3.", "2024-03-03", "agreed")]}
    _, events = link(docs, ev, None)
    sizes = sorted((e.date, len(e.sources)) for e in events)
    assert sizes == [("2024-03-02", 1), ("2024-03-02", 1), ("2024-03-03", 2)]


def test_a_reaction_to_an_event_is_not_the_event():
    """'The EU welcomed the agreement on March 7' names the agreement of March 7 and shares
    its kind of words, but the welcome is its own event."""
    docs = [Document(id=i, path=i, text="", published="2024-03-08") for i in "ab"]
    ev = {"a": [_m("a", 0, "Kyrgyzstan and Tajikistan agreed on March 7 to pull back troops.",
                   "2024-03-07", "agreed")],
          "b": [_m("b", 0, "The European Union welcomed the agreement on March 7.", "2024-03-07",
                   "welcomed"),
                _m("b", 60, "The two countries signed the agreement on March 7 in Astana.",
                   "2024-03-07", "signed")]}
    _, events = link(docs, ev, None)
    groups = sorted(sorted(m.trigger.text for m in e.sources) for e in events)
    assert groups == [["agreed", "signed"], ["welcomed"]]


def test_the_summary_is_in_the_sources_main_script():
    """An event told by an English report and its Russian twin is summarised in English; a
    Russian corpus keeps its Russian summaries."""
    docs = [Document(id=i, path=i, text="", published="2020-11-15") for i in "ab"]
    ru = "Стороны 10 ноября подписали соглашение о прекращении огня."
    en = "The two sides signed a ceasefire agreement on November 10."
    ev = {"a": [_m("a", 0, ru, "2020-11-10", "соглашение")],
          "b": [_m("b", 0, en, "2020-11-10", "signed", "reported")]}   # else the lesser source
    _, events = link(docs, ev, None)
    assert [e.summary for e in events if len(e.sources) == 2] == [en]


def test_an_aside_is_not_an_event_s_summary():
    """"You began with that on Thursday" shares the day and the verb of a rescue team's
    arrival; it may be a source, not the summary."""
    docs = [Document(id=i, path=i, text="", published="2010-01-15") for i in "ab"]
    ev = {"a": [_m("a", 0, "You began with that on Thursday - a very hot arrivals day .",
                   "2010-01-14", "arrivals")],
          "b": [_m("b", 0, "A rescue team that arrived on Thursday morning pulled out five "
                           "people by nightfall .", "2010-01-14", "arrived")]}
    _, events = link(docs, ev, None)
    assert events and all(not e.summary.startswith("You") for e in events)


def test_reports_of_one_earthquake_are_one_event():
    """'The quake struck south of the capital on Tuesday' and 'a magnitude 7 earthquake hit
    Haiti on 12 January' name one happening in different words."""
    docs = [Document(id=i, path=i, text="", published="2010-01-14") for i in "ab"]
    ev = {"a": [_m("a", 0, "The 7.0-magnitude quake , Haiti 's worst in two centuries , struck "
                           "south of the capital on Tuesday .", "2010-01-12", "struck")],
          "b": [_m("b", 0, "On 12 January 2010 , a magnitude 7 earthquake hit Haiti at 16:53 "
                           "local time .", "2010-01-12", "hit")]}
    _, events = link(docs, ev, None)
    assert len(events) == 1 and len(events[0].sources) == 2


def test_a_busy_day_does_not_chain_into_one_event():
    """Each of these shares something with the previous one, but the last shares nothing with
    the first two: one day's news must not chain into a single event. The trigger decides:
    the marches are one event, the police's firing another."""
    docs = [Document(id=i, path=i, text="", published="2011-01-29") for i in "abcd"]
    qs = [("a", "Thousands of protesters marched through Cairo on Friday .", "marched"),
          ("b", "Protesters marched through Cairo to Tahrir Square on Friday .", "marched"),
          ("c", "Police fired tear gas as thousands of protesters marched on Tahrir Square on "
                "Friday .", "fired"),
          ("d", "Police fired on a crowd outside the interior ministry on Friday .", "fired")]
    ev = {d: [_m(d, 0, q, "2011-01-28", t)] for d, q, t in qs}
    _, events = link(docs, ev, None)
    assert sorted(sorted(m.doc for m in e.sources) for e in events) == [["a", "b"], ["c", "d"]]


def test_a_month_s_mention_joins_its_day_s_event():
    """"Jackson died in June 2009" and "Jackson died at his home on 25 June": one event, on
    the day the finer sources give, even when the month-only sources are more."""
    from dateline.entities import EntityMention
    docs = [Document(id=i, path=i, text="", published="2009-07-01") for i in "abcd"]

    def m(doc, quote, date):
        x = _m(doc, 0, quote, date, "died")
        x.actors = ["Michael Jackson"]
        return x
    ev = {"a": [m("a", "Michael Jackson died at his Los Angeles home on 25 June aged 50 .",
                  "2009-06-25")],
          "b": [m("b", "Michael Jackson died in June 2009 at his home , aged 50 .", "2009-06")],
          "c": [m("c", "Michael Jackson died aged 50 at his home in June 2009 .", "2009-06")],
          "d": [m("d", "Michael Jackson died in June at his home in Los Angeles .", "2009-06")]}
    ents = {d: [EntityMention(0, 15, "Michael Jackson", "person", "Michael Jackson")]
            for d in "abcd"}
    _, events = link(docs, ev, ents)
    assert [(e.date, len(e.sources)) for e in events] == [("2009-06-25", 4)]


def test_a_guessed_year_the_corpus_contradicts_is_uncertain():
    """The tagger puts a year-less "September 11" in the article's year; when the corpus
    states that day only with another year ("September 11, 2001"), the event says its date
    is uncertain (stated twice, never in the guessed year). A year-less day the corpus
    confirms is not."""
    docs = [Document(id=i, path=i, text="", published="2005-09-20") for i in "abcd"]

    def m(doc, quote, day_text, date, trig):
        x = _m(doc, 0, quote, date, trig)
        a = quote.index(day_text)
        x.time = Span(day_text, a, a + len(day_text))
        return x
    ev = {"a": [m("a", "The attacks of September 11 , 2001 changed US policy .",
                  "September 11 , 2001", "2001-09-11", "changed")],
          "d": [m("d", "Since September 11 , 2001 the US has changed its policy .",
                  "September 11 , 2001", "2001-09-11", "changed")],
          "b": [m("b", "Bush recalled the attacks of September 11 in a speech .", "September 11",
                  "2005-09-11", "recalled"),
                m("b", "Troops left Basra on July 7 , officials said .", "July 7", "2005-07-07",
                  "left")],
          "c": [m("c", "British troops left Basra on July 7 , 2005 .", "July 7 , 2005",
                  "2005-07-07", "left")]}
    _, events = link(docs, ev, None)
    by_date = {e.date: e for e in events}
    assert by_date["2005-09-11"].uncertain and not by_date["2001-09-11"].uncertain
    assert not by_date["2005-07-07"].uncertain


def _with(m, actors=(), places=()):
    m.actors, m.places = list(actors), list(places)
    return m


def _timed(m, text):
    a = m.start + m.quote.index(text)
    m.time = Span(text, a, a + len(text))
    return m


def _ents(names):
    from dateline.entities import EntityMention
    return [EntityMention(0, len(n), n, t, n) for n, t in names]


def test_killed_and_death_of_one_happening_merge():
    """A verb and the noun of the same happening ("killed" / "death", "quake" /
    "earthquake") are one trigger: lemma tables and the synonym groups of lang/en/link.py."""
    from dateline.link import _lemma
    assert _lemma("killed") == "kill" and _lemma("shootings") == "shoot" \
        and _lemma("deaths") == "death" and _lemma("took") == "take"
    docs = [Document(id=i, path=i, text="", published="2019-05-07") for i in "ab"]
    ev = {"a": [_m("a", 0, "Gunmen killed the mayor of Culiacan on Monday night .",
                   "2019-05-06", "killed")],
          "b": [_m("b", 0, "The death of the mayor of Culiacan on Monday shocked the state .",
                   "2019-05-06", "death")]}
    _, events = link(docs, ev, None)
    assert len(events) == 1 and len(events[0].sources) == 2


def test_different_participants_do_not_merge():
    """Two earthquakes of one day, in two countries: the same verb and day, but places that
    share nothing keep them apart; the same place lets them meet."""
    docs = [Document(id=i, path=i, text="", published="2012-08-12") for i in "abc"]
    ev = {"a": [_with(_m("a", 0, "A strong earthquake struck Iran on Saturday , killing dozens .",
                         "2012-08-11", "earthquake"), places=["Iran"])],
          "b": [_with(_m("b", 0, "A strong earthquake struck Chile on Saturday , officials said .",
                         "2012-08-11", "earthquake"), places=["Chile"])],
          "c": [_with(_m("c", 0, "The earthquake in Iran on Saturday flattened villages .",
                         "2012-08-11", "earthquake"), places=["Iran"])]}
    ents = {d: _ents([("Iran", "place"), ("Chile", "place")]) for d in "abc"}
    _, events = link(docs, ev, ents)
    groups = sorted(sorted(m.doc for m in e.sources) for e in events)
    assert groups == [["a", "c"], ["b"]]


def test_one_happening_reported_on_two_days_merges():
    """"Tara Reid checked into rehab" in an article of the next day (no time expression: the
    publication date only bounds when it happened) meets the report of the day before;
    two days both named by the calendar stay two days."""
    docs = [Document(id="a", path="a", text="", published="2008-12-09"),
            Document(id="b", path="b", text="", published="2008-12-10"),
            Document(id="c", path="c", text="", published="2008-12-12")]
    pub = _m("b", 0, "Actress Tara Reid has checked into a rehab centre in Malibu .",
             "2008-12-10", "checked")
    pub.date_how = "publication"
    ev = {"a": [_m("a", 0, "Actress Tara Reid checked into a Malibu rehab centre on Tuesday .",
                   "2008-12-09", "checked")],
          "b": [pub],
          "c": [_timed(_m("c", 0, "The backlog was cleared on December 11 .", "2008-12-11",
                          "cleared"), "December 11"),
                _timed(_m("c", 50, "The port said the backlog would be cleared by December 10 .",
                          "2008-12-10", "cleared"), "December 10")]}
    _, events = link(docs, ev, None)
    groups = sorted(sorted(m.doc for m in e.sources) for e in events)
    assert groups == [["a", "b"], ["c"], ["c"]]
    reid = [e for e in events if len(e.sources) == 2][0]
    assert reid.date == "2008-12-09"   # the day stated by the text, not the publication


def test_one_sentence_s_words_do_not_link_its_other_mention():
    """'killed in an attack' / 'the attack killed': the killing meets the killing and the
    attack the attack, not the killing the attack (the sentence's words are no trigger)."""
    docs = [Document(id=i, path=i, text="", published="2015-03-02") for i in "ab"]
    qa = "Five soldiers were killed in an attack on the base on March 1 ."
    qb = "The attack on the base on March 1 killed five soldiers ."
    ev = {"a": [_m("a", 0, qa, "2015-03-01", "killed"), _m("a", 0, qa, "2015-03-01", "attack")],
          "b": [_m("b", 0, qb, "2015-03-01", "attack"), _m("b", 0, qb, "2015-03-01", "killed")]}
    _, events = link(docs, ev, None)
    groups = sorted(sorted(m.trigger.text for m in e.sources) for e in events)
    assert groups == [["attack", "attack"], ["killed", "killed"]]


def test_sayings_and_light_verbs_of_one_day_stay_apart():
    """Timeline17's top-30 review: one live blog's "X said Monday" sentences, and "is"/"have
    been" sentences of one day, each became one event of dozens of sources. Two sayings of a
    day are one only when their words say so; a light verb names no happening."""
    text = ("The military said Monday it would not open fire on peaceful protesters. "
            "Protesters in the square said Monday that they were organizing a march. "
            "There have been no police officers on the streets since Monday morning. "
            "The everyman has a voice and is using it on Monday.")
    docs = [Document(id="a", path="a", text=text, published="2011-01-31")]
    qs = [q + "." for q in text.split(". ")]
    qs[-1] = qs[-1].rstrip(".") if qs[-1].endswith("..") else qs[-1]
    starts, pos = [], 0
    for q in qs:
        starts.append(text.index(q.rstrip("."), pos))
        pos = starts[-1] + 1
    trig = ["said", "said", "been", "is"]
    ev = {"a": [_m("a", s, q, "2011-01-31", t) for s, q, t in zip(starts, qs, trig)]}
    _, events = link(docs, ev, None)
    assert all(len(e.sources) == 1 for e in events), [
        [m.quote for m in e.sources] for e in events if len(e.sources) > 1]
    # the same saying reported twice is still one event
    docs2 = [Document(id=i, path=i, text="", published="2011-01-31") for i in "bc"]
    q1 = "The military said Monday it would not open fire on peaceful protesters in Cairo."
    q2 = "The army said Monday it would not open fire on the peaceful protesters in Cairo."
    ev2 = {"b": [_m("b", 0, q1, "2011-01-31", "said")], "c": [_m("c", 0, q2, "2011-01-31", "said")]}
    _, events2 = link(docs2, ev2, None)
    assert len(events2) == 1
