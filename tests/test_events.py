from collections import Counter

from dateline.events import date_of_value, extract_events
from dateline.model import Document
from dateline.time import tag


def doc(text, published="2020-11-20"):
    return Document(id="d", path="p", text=text, published=published,
                    times=tag(text, published))


def test_minimal_signature_without_entities():
    d = doc("On November 16, Russia sent 140 planes with its peacekeepers to the region.")
    ms = extract_events(d, None)
    assert len(ms) == 1
    m = ms[0]
    assert m.date == "2020-11-16" and m.date_how == "explicit" and m.modality == "asserted"
    assert m.trigger.text == "sent"
    assert d.text[m.start:m.end] == m.quote
    assert m.actors == [] and m.places == []


def test_date_of_value():
    assert date_of_value("2020-11-10T00:00+03:00") == "2020-11-10"
    assert date_of_value("2020-07") == "2020-07"
    assert date_of_value("1988") == "1988"
    for v in ("P44D", "PAST_REF", "XXXX-WXX-3", "XXXX-11-10", "199", "2020-W47"):
        assert date_of_value(v) is None
