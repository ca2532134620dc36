"""Who committed (reason/pledges.py): the party that committed, not the country named beside
it, a bracketed live-page stamp or nobody when the sentence says "he" or "it". A small invented
story built through the pipeline; the sentences follow the patterns of Timeline17 articles."""
from pathlib import Path

import pytest

from dateline.export.json import export
from dateline.pipeline import build
from dateline.store import Store

STORY = Path(__file__).parent / "data" / "reason_who" / "story.jsonl"


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    db = tmp_path_factory.mktemp("reason_who") / "story.db"
    rep = build([str(STORY)], str(db), workers=1)
    assert not rep.failed
    with Store(db, readonly=True) as st:
        out = export(st)
    out["_names"] = {e["id"]: e["name"] for e in out["entities"]}
    return out


def _one(data, words):
    (c,) = [c for c in data["commitments"] if any(words in s["quote"] for s in c["sources"])]
    return c, [data["_names"].get(w, "") for w in c["who"]]


def test_the_person_not_the_country_of_the_title(data):
    # "Peruvian President Tomas Vela said ... he will not seek another term": Vela, not Peru
    c, who = _one(data, "will not seek another term")
    assert who == ["Tomas Vela"], who


def test_a_pronoun_is_the_party_named_in_the_sentences_before(data):
    # "Interior Secretary Dana Whitfield told a Senate subcommittee ... / ... / She pledged
    # to issue a new drilling ban": Whitfield, two quoted lines further on
    c, who = _one(data, "pledged to issue a new drilling ban")
    assert who == ["Dana Whitfield"], who
    # "The Organization of Coffee Exporting Countries has cut production ... It plans to meet"
    c, who = _one(data, "It plans to meet again")
    assert who == ["Organization of Coffee Exporting Countries"], who
    assert c["kind"] == "scheduled"


def test_a_body_of_a_country_keeps_its_noun(data):
    # "Peru's military announced ... that it would not open fire": the military of Peru
    c, who = _one(data, "would not open fire")
    assert who == ["Peru"] and c["party"] == "military", (who, c["party"])


def test_a_live_page_stamp_is_no_subject(data):
    # "-LRB- Update 11:20 p.m. in Lima , 4:20 p.m. ET -RRB- Peru's stock market will open
    # Sunday": the parser makes "Update" the subject and the market its apposition
    c, who = _one(data, "stock market will open Sunday")
    assert who == ["Peru"] and c["party"] == "stock market", (who, c["party"])
    assert c["what"].startswith("Peru 's stock market")


def test_scheduled_to_do_is_done_by_the_subject(data):
    # "President Tomas Vela is scheduled to announce the full plan ..., ending months of
    # debate in Congress": Vela announces (the subject of a passive "scheduled"), not Congress
    c, who = _one(data, "scheduled to announce the full plan")
    assert who == ["Tomas Vela"], who
