"""A later report changes a commitment's status only when it is about that commitment:
the committed party's deed, the thing named, told as done after it was promised."""

from pathlib import Path

import pytest

from dateline.export.json import export
from dateline.pipeline import build
from dateline.store import Store

STORY = Path(__file__).parent / "data" / "reason_status" / "story.jsonl"


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    db = tmp_path_factory.mktemp("reason_status") / "story.db"
    rep = build([str(STORY)], str(db), workers=1)
    assert not rep.failed
    with Store(db, readonly=True) as st:
        return export(st)


def _one(data, words):
    (c,) = [c for c in data["commitments"] if any(words in s["quote"] for s in c["sources"])]
    return c


def test_a_refusal_is_broken_only_by_that_partys_deed(data):
    # "the Government of Peru would not deploy ground troops" / a week later "a witness said
    # thousands of troops were deployed in the city": nobody's troops are named
    c = _one(data, "would not deploy ground troops")
    assert c["negated"] and c["status"] == "pending", c["status"]


def test_putting_off_another_thing_is_no_postponement(data):
    # "plans to replace the flood pump next month" / "has delayed a key test on a newly
    # installed flood pump": the test was put off, not the replacement
    c = _one(data, "plans to replace the flood pump")
    assert c["status"] == "pending", c["status"]
    # the delayed test itself is a postponement of its own
    assert _one(data, "delayed a key test")["status"] == "postponed"


def test_an_adjective_is_no_report_of_the_deed(data):
    # "pledged to present a package of reforms" / "a proposed pay package": nothing presented
    c = _one(data, "pledged to present a package of reforms")
    assert c["status"] == "pending", c["status"]
