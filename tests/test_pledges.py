"""Commitments read from the parse (reason/pledges.py) on a small invented story built through
the pipeline: undated promises, schedules, forecasts and conditions that are no commitment,
and statuses that only reports in the past can change."""
from pathlib import Path

import pytest

from dateline.export.json import export
from dateline.pipeline import build
from dateline.store import Store

STORY = Path(__file__).parent / "data" / "pledges" / "story.jsonl"


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    db = tmp_path_factory.mktemp("pledges") / "story.db"
    rep = build([str(STORY)], str(db), workers=1)
    assert not rep.failed
    with Store(db, readonly=True) as st:
        out = export(st)
        out["_texts"] = {d.id: d.text for d in st.documents()}
    return out


def _find(data, words):
    hits = [c for c in data["commitments"] if any(words in s["quote"] for s in c["sources"])]
    return hits


def test_undated_promise_is_found_with_its_party(data):
    (c,) = _find(data, "publish the flood inquiry report")
    assert c["kind"] == "promise"
    names = {e["id"]: e["name"] for e in data["entities"]}
    assert any("Lopez" in names.get(w, "") for w in c["who"]) or "Lopez" in (c.get("party") or "")
    assert c["due_text"] == "immediately"
    # a later statement ("will be published next week", 12 April) moves it to that week's
    # month; no day is invented
    assert c["due"] == "2031-04"


def test_a_later_forward_looking_sentence_is_no_fulfilment(data):
    (c,) = _find(data, "publish the flood inquiry report")
    # "will be published next week" says it is not done yet: never met
    assert c["status"] not in ("met", "met_late")


def test_forecasts_and_conditions_are_no_commitments(data):
    assert not _find(data, "fuel prices will rise")
    assert not _find(data, "the union would strike")


def test_scheduled_vote_reported_held_is_met(data):
    (c,) = [c for c in _find(data, "set to vote on the new budget")]
    assert c["kind"] == "scheduled"
    assert c["due"] == "2031-03-06"
    assert c["status"] == "met"
    assert any("voted on the new budget" in h["quote"] for h in c["history"])


def test_postponed_then_held_on_the_new_date(data):
    (c,) = _find(data, "festival is scheduled for March 20")
    assert [h["status"] for h in c["history"]] == ["postponed", "met"]
    assert c["due"] == "2031-04-10"
    assert c["status"] == "met"


def test_promise_not_to_act_is_broken_by_the_act(data):
    (c,) = _find(data, "would not deploy ground troops")
    assert c["negated"] is True
    assert c["status"] == "broken"


def test_cancelled_match_in_the_sentence_that_names_it(data):
    (c,) = _find(data, "cancelled its March 15 friendly match")
    assert c["kind"] == "scheduled" and c["status"] == "cancelled"


def test_quotes_are_verbatim_at_their_offsets(data):
    texts = data["_texts"]
    for c in data["commitments"]:
        for s in c["sources"] + c["history"]:
            assert texts[s["doc"]][s["start"]:s["end"]] == s["quote"]



def test_calendar_and_stamp_words_are_never_what_a_deed_is_about():
    # a report matches a commitment on the words of what was committed; "Saturday" and a
    # live blog's "Update 4:12 p.m. ... ET" are in every report of that day (Timeline17
    # Egypt: "Midyear examinations have been delayed ... on Saturday" had postponed Delta's
    # "last flight from Cairo ... on Saturday")
    from dateline.lang.common import stem
    from dateline.reason.pledges import stems

    got = stems("-LRB- Update 4:12 p.m. Cairo , 9:12 a.m. ET -RRB- The last flight departs "
                "on Saturday , March 12 , not next week")
    assert got == {stem(w) for w in ("Cairo", "last", "flight", "departs", "next")}, got


def test_a_schedule_is_about_its_subject_not_its_day(data):
    # "Northline Air's last flight ... is scheduled to depart on Saturday": the flight is
    # what is due, though its phrase names the airline; a later "its final flight ... has
    # departed" reports it (Timeline17 Egypt: Delta's last flight from Cairo)
    (c,) = _find(data, "last flight from Riverton is scheduled")
    assert c["status"] == "met", c["status_reason"]
    assert any("has departed" in h["quote"] for h in c["history"])


def test_neither_a_failed_part_nor_cancelled_other_plans_are_reports(data):
    # "the failed flood pump" is a modifier, not a deed that failed; "canceled plans to
    # replace their roofs" calls off the residents' plans, not the engineers' replacement
    (c,) = _find(data, "will replace the flood pump")
    assert c["status"] not in ("missed", "broken", "cancelled"), c["history"]
    assert not any("canceled plans" in h["quote"] or "failed flood pump" in h["quote"]
                   and h["status"] != "met" for h in c["history"])



def test_a_live_page_stamp_is_no_due_time():
    # "-LRB- Update 11:20 p.m. in Cairo , 4:20 p.m. ET -RRB- Egypt's stock market will open
    # Sunday" (Timeline17 Egypt): the stamp says when the entry was filed, and the parse
    # may hang it on the verb; Sunday is when the market opens
    from types import SimpleNamespace

    from dateline.reason.pledges import _due
    from dateline.time import tag

    text = ("-LRB- Update 11:20 p.m. in Cairo , 4:20 p.m. ET -RRB- Egypt 's stock market "
            "will open Sunday for three hours , state TV reported .")
    times = [SimpleNamespace(**t.__dict__, date=None) for t in tag(text, "2011-02-11")]
    sent = SimpleNamespace(doc=SimpleNamespace(text=text), start=0, times=times)
    assert _due(sent, 0, len(text), "2011-02-11") == ("2011-02-13", "Sunday")
