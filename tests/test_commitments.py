"""Commitments on the seed corpus and on small hostile articles built through the pipeline."""
import json

import pytest

from dateline.export.json import export
from dateline.pipeline import build
from dateline.store import Store


def _by_place(data):
    names = {e["id"]: e["name"] for e in data["entities"]}
    aliases = {e["id"]: [e["name"]] + list(e.get("aliases") or []) for e in data["entities"]}
    out = {}
    for c in data["commitments"]:
        for p in c["places"]:
            for a in aliases[p]:
                out[a] = c
    return out, names


@pytest.fixture(scope="module")
def seed(seed_export):
    data, by_name = seed_export
    by_place, names = _by_place(data)
    return data, by_name, by_place, names


def test_three_handover_commitments(seed):
    data, _, by_place, names = seed
    assert {"Kalbajar", "Aghdam", "Lachin"} <= set(by_place)
    assert len(data["commitments"]) == 3
    for c in data["commitments"]:
        assert [names[w] for w in c["who"]] == ["Armenia"]
    assert by_place["Aghdam"]["deadline"] == "2020-11-20"
    assert by_place["Lachin"]["deadline"] == "2020-12-01"


def test_kalbajar_is_one_commitment_with_an_extension(seed):
    data, by_name, by_place, _ = seed
    k = by_place["Kalbajar"]
    assert k["deadline"] == "2020-11-25"
    assert k["deadline_basis"] == "extension"
    dates = {(d["date"], d["kind"]) for d in k["deadlines"]}
    assert ("2020-11-20", "deadline") in dates
    assert ("2020-11-25", "extension") in dates
    # the Nov 20 deadline from 003 and from 004, the delay from 003, the schedule from 002
    docs = {d["doc"] for d in k["deadlines"]}
    assert {by_name[x]["id"] for x in ("002", "003", "004")} <= docs
    assert sum(1 for c in data["commitments"] if data["entities"]) == 3


def test_statuses_as_of(seed):
    data, by_name, by_place, _ = seed
    assert data["as_of"] == "2020-12-03"
    events = {e["id"]: e for e in data["events"]}
    a = by_place["Aghdam"]
    assert a["status"] == "met"
    assert a["evidence"] and all(events[e]["date"] == "2020-11-20" for e in a["evidence"])
    assert any("vacated Aghdam on November 20" in s["quote"] for e in a["evidence"]
               for s in events[e]["sources"])
    lachin = by_place["Lachin"]
    assert lachin["status"] == "met"
    assert any("entered the Lachin region" in s["quote"] for e in lachin["evidence"]
               for s in events[e]["sources"])
    # Kalbajar: 002 (Nov 24) scheduled the withdrawal for Nov 25 = the extended deadline;
    # 003 (Dec 1) reports "Azerbaijan has already occupied the Kelbajar ... regions".
    k = by_place["Kalbajar"]
    assert k["status"] == "met"
    assert k["evidence"]
    hows = [f["how"] for f in k["fulfilment"]]
    assert "scheduled date, confirmed by a later report" in hows
    assert any("has already occupied" in f["quote"] and f["doc"] == by_name["003"]["id"]
               for f in k["fulfilment"])


def test_quotes_verbatim_and_ids_stable(seed, seed_dir, tmp_path):
    data, *_ = seed
    texts = {d["id"]: d["text"] for d in data["documents"]}
    ids = {e["id"] for e in data["events"]}
    assert data["commitments"]
    for c in data["commitments"]:
        for s in c["sources"] + c["deadlines"] + c["fulfilment"]:
            assert texts[s["doc"]][s["start"]:s["end"]] == s["quote"]
        assert any(c["what"] in s["quote"] for s in c["sources"])
        assert set(c["evidence"]) <= ids
    build([str(seed_dir)], str(tmp_path / "again.db"), workers=1)
    with Store(tmp_path / "again.db", readonly=True) as st:
        again = export(st)
    assert json.dumps(again["commitments"], sort_keys=True) == json.dumps(data["commitments"], sort_keys=True)


# ------------------------------------------------------------------ hostile articles

def _build(tmp_path, articles):
    p = tmp_path / "in.jsonl"
    p.write_text("\n".join(json.dumps(a) for a in articles) + "\n")
    db = tmp_path / "t.db"
    rep = build([str(p)], str(db), workers=1)
    assert not rep.failed
    with Store(db, readonly=True) as st:
        data = export(st)
    by_place, names = _by_place(data)
    return data, by_place, names


DEAL = {"title": "Truce signed", "date": "2021-03-02",
        "text": "Under the agreement signed on March 1 between Ethiopia and Eritrea, Eritrean troops "
                "must withdraw from Badme by March 20 and from Axum by April 30."}


def test_missed_with_explicit_non_fulfilment(tmp_path):
    data, by_place, names = _build(tmp_path, [DEAL, {
        "title": "Deadline passes", "date": "2021-03-25",
        "text": "Eritrean troops have not withdrawn from Badme, officials said on March 25, five "
                "days after the deadline."}])
    a = by_place["Badme"]
    assert a["deadline"] == "2021-03-20"
    assert [names[w] for w in a["who"]] == ["Eritrea"]
    assert a["status"] == "missed"
    assert a["evidence"] == []


def test_pending_and_unknown(tmp_path):
    data, by_place, _ = _build(tmp_path, [DEAL, {
        "title": "Talks", "date": "2021-03-28",
        "text": "Officials met in Addis Ababa on March 28 to discuss the truce."}])
    assert by_place["Axum"]["status"] == "pending"          # April 30 is after as_of
    assert by_place["Badme"]["status"] == "unknown"        # passed, no report either way


def test_denied_handover_is_not_met(tmp_path):
    data, by_place, _ = _build(tmp_path, [DEAL, {
        "title": "Handover", "date": "2021-03-20",
        "text": "Eritrean troops withdrew from Badme on March 19, the government said."}, {
        "title": "Denial", "date": "2021-03-27",
        "text": "Local officials denied that Eritrean troops had withdrawn from Badme. Eritrean "
                "soldiers still hold positions around Badme, they said on March 27."}])
    a = by_place["Badme"]
    assert a["status"] != "met"
    assert a["status"] == "missed"
    facts = [c for c in data["conflicts"] if c["kind"] == "fact"]
    assert any({x["value"] for x in c["claims"]} == {"done", "not done"} for c in facts)


def test_met_late_and_on_time(tmp_path):
    data, by_place, _ = _build(tmp_path, [DEAL, {
        "title": "Late", "date": "2021-03-24",
        "text": "Eritrean troops withdrew from Badme on March 23, three days late."}])
    assert by_place["Badme"]["status"] == "met_late"
    (tmp_path / "b").mkdir()
    data, by_place, _ = _build(tmp_path / "b", [DEAL, {
        "title": "On time", "date": "2021-03-21",
        "text": "Eritrean troops withdrew from Badme on March 18, officials said."}])
    assert by_place["Badme"]["status"] == "met"
    assert by_place["Badme"]["evidence"]


def test_plan_in_future_is_not_a_report(tmp_path):
    # an article of March 10 saying the withdrawal "on March 15" is due: not a report of it
    data, by_place, _ = _build(tmp_path, [DEAL, {
        "title": "Schedule", "date": "2021-03-10",
        "text": "Officials said the withdrawal of Eritrean troops from Badme on March 15 would be "
                "monitored."}, {
        "title": "Later", "date": "2021-03-26",
        "text": "Aid groups met in Addis Ababa on March 26."}])
    a = by_place["Badme"]
    assert a["status"] == "unknown"
    assert not a["evidence"]


def test_extension_refused_does_not_move_the_deadline(tmp_path):
    data, by_place, _ = _build(tmp_path, [DEAL, {
        "title": "No delay", "date": "2021-03-15",
        "text": "Ethiopia rejected a request for a delay of the withdrawal from Badme until April 5."}])
    a = by_place["Badme"]
    assert a["deadline"] == "2021-03-20"
    assert any(d["kind"] == "extension_refused" for d in a["deadlines"])


# ------------------------------------------------------------------ beyond hand-overs

EXAMPLES = __import__("pathlib").Path(__file__).resolve().parents[1] / "examples"


def test_ever_given_backlog_one_commitment_met_late(tmp_path):
    """02 (Mar 29): "the head of the authority, Osama Rabie, said ... the authority expected to
    clear the backlog by April 2"; 03 (Apr 3, and a verbatim repost): "Osama Rabie had said on
    March 29 that the backlog would be cleared by April 2. The backlog was cleared on April 3"."""
    db = tmp_path / "eg.db"
    rep = build([str(EXAMPLES / "ever-given")], str(db), workers=1)
    assert not rep.failed
    with Store(db, readonly=True) as st:
        data = export(st)
    names = {e["id"]: e["name"] for e in data["entities"]}
    docs = {d["id"]: d for d in data["documents"]}
    events = {e["id"]: e for e in data["events"]}
    dated = [c for c in data["commitments"] if c["deadline"]]
    assert len(dated) == 1
    c = dated[0]
    # the other one is undated: "The authority said it would seek compensation of about $1
    # billion from the ship's owners" (a promise, no later report: pending)
    (other,) = [x for x in data["commitments"] if x is not c]
    assert other["kind"] == "promise" and other["status"] == "pending" and other["due"] is None
    assert "seek compensation" in other["what"]
    # the obligated party is the authority, not the man who stated it
    assert [names[w] for w in c["who"]] == ["Suez Canal Authority"]
    assert [names[w] for w in c["stated_by"]] == ["Osama Rabie"]
    assert c["what"] == "clear the backlog"
    assert c["deadline"] == "2021-04-02"
    # both sources: the March 29 report and the April 3 one (the repost is a duplicate)
    src_docs = {docs[s["doc"]]["published"] for s in c["sources"]}
    assert src_docs == {"2021-03-29", "2021-04-03"}
    assert {d["date"] for d in c["deadlines"]} == {"2021-04-02"}
    assert c["status"] == "met_late"
    assert c["evidence"]
    assert all(events[e]["date"] == "2021-04-03" for e in c["evidence"])
    assert any("The backlog was cleared on April 3" in s["quote"]
               for e in c["evidence"] for s in events[e]["sources"])
    for s in c["sources"] + c["deadlines"] + c["fulfilment"]:
        assert docs[s["doc"]]["text"][s["start"]:s["end"]] == s["quote"]


PLEDGE = {"title": "Recall", "date": "2022-05-02",
          "text": "Volvo Cars said on Monday that it would notify all owners of the faulty cars by May 10."}


def test_passive_fulfilment_of_any_verb(tmp_path):
    data, _, _ = _build(tmp_path, [PLEDGE, {
        "title": "Owners told", "date": "2022-05-12",
        "text": "Owners of the faulty cars were notified on May 9, the regulator said."}])
    (c,) = data["commitments"]
    assert c["deadline"] == "2022-05-10"
    assert c["action"] == "notify"
    assert c["status"] == "met"
    assert c["evidence"]


def test_passive_report_about_another_object_is_not_fulfilment(tmp_path):
    data, _, _ = _build(tmp_path, [PLEDGE, {
        "title": "Staff", "date": "2022-05-12",
        "text": "Dealers were notified on May 9 of new sales targets, the regulator said."}])
    (c,) = data["commitments"]
    assert c["status"] == "unknown"
    assert not c["evidence"]


def test_any_verb_not_yet_done_after_deadline_is_missed(tmp_path):
    data, _, _ = _build(tmp_path, [PLEDGE, {
        "title": "Still waiting", "date": "2022-05-16",
        "text": "Volvo Cars has not notified the owners of the faulty cars, the regulator said on May 16."}])
    (c,) = data["commitments"]
    assert c["status"] == "missed"
    assert not c["evidence"]


def test_durations_are_not_commitments_a_visit_is_scheduled(tmp_path):
    data, _, _ = _build(tmp_path, [{
        "title": "Closures", "date": "2022-05-02",
        "text": "The museum will stay closed until May 20. The minister will visit the port by May 9. "
                "The bridge would be closed until June 1, the city said."}])
    # how long something stays closed commits nobody to a deed; a visit set for a date is a
    # scheduled event (a kind of its own, not yet due: pending)
    (c,) = data["commitments"]
    assert "visit the port" in c["what"]
    assert c["kind"] == "scheduled" and c["due"] == "2022-05-09" and c["status"] == "pending"


def test_nobody_named_one_commitment_per_object(tmp_path):
    data, _, _ = _build(tmp_path, [{
        "title": "Plan", "date": "2022-04-02",
        "text": "The outgoing parliament is due to elect a new speaker by April 20. "
                "The assembly is also due to elect a deputy governor by April 25."}, {
        "title": "Elected", "date": "2022-04-28",
        "text": "The new speaker of parliament was elected on April 27, a week later than planned."}])
    by_deadline = {c["deadline"]: c for c in data["commitments"]}
    assert set(by_deadline) == {"2022-04-20", "2022-04-25"}
    assert by_deadline["2022-04-20"]["status"] == "met_late"
    assert by_deadline["2022-04-25"]["status"] == "unknown"      # the speaker is not the deputy governor


def test_an_unnamed_party_is_bound_not_the_speaker(tmp_path):
    """'The minister said that the government would present a plan by March 10': the
    government (named by no entity) is bound, not the minister; its fulfilment is a later
    'The government presented its plan ...', even under a wire dateline."""
    data, _, names = _build(tmp_path, [{
        "title": "Strike", "date": "2025-03-04",
        "text": "Labour Minister Ana Costa said on Tuesday that the government would present a "
                "mediation proposal by March 10."}, {
        "title": "Proposal", "date": "2025-03-11",
        "text": "LISBOA, March 11 (Atlantic Wire) - The government presented its mediation "
                "proposal to striking dockworkers on Monday."}])
    (c,) = data["commitments"]
    assert c["who"] == [] and c["party"] == "government"
    assert [names.get(x, x) for x in c["stated_by"]] == ["Ana Costa"]
    assert c["deadline"] == "2025-03-10" and c["status"] == "met"
    # a bare forecast about no party is still no commitment
    (tmp_path / "f").mkdir()
    data, _, _ = _build(tmp_path / "f", [{
        "title": "Weather", "date": "2025-03-04",
        "text": "The storm would turn into a cyclone by March 10, forecasters said."}])
    assert data["commitments"] == []


@pytest.mark.parametrize("names,ignore_case", [
    (["Volvo Cars", "Hosni Mubarak", "Bank of Egypt", "U.S. Army", "Tony Hay", "Tony Hayward"], False),
    (["egyptian", "south korean", "french", "us", "a"], True)])
def test_name_scanner_finds_what_the_regex_alternation_finds(names, ignore_case):
    # the scanner replaced re.finditer(r"\b(?:n1|n2|...)\b") in build_context for speed
    import random
    import re

    from dateline.reason.commitments import _NameScanner
    rx = re.compile(r"\b(?:" + "|".join(re.escape(a) for a in sorted(names, key=len, reverse=True)) + r")\b",
                    re.I if ignore_case else 0)
    words = [w for n in names for w in n.split()] + [n.upper() for n in names] + \
        ["x", ",", ".", "Egyptians", "Hayward's", "USA", "_a"]
    sc, rnd = _NameScanner(names, ignore_case=ignore_case), random.Random(7)
    for _ in range(2000):
        t = " ".join(rnd.choice(words) for _ in range(25))
        assert [(m.start(), m.end(), m.group(0)) for m in sc.finditer(t)] == \
            [(m.start(), m.end(), m.group(0)) for m in rx.finditer(t)], t
