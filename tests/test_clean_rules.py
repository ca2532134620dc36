"""Debris rules and header metadata on hostile samples written for these tests."""
import pytest

from dateline.clean import clean, debris_reason, find_full_date
from dateline.model import RawDocument


@pytest.mark.parametrize("line,reason", [
    ("[ad_3]", "ad marker"),
    ("ADVERTISEMENT", "ad marker"),
    ("Story continues below advertisement", "ad marker"),
    ("Share", "share/print/comment widget"),
    ("Share | Tweet | Email", "share/print/comment widget"),
    ("Print this article", "share/print/comment widget"),
    ("12 comments", "share/print/comment widget"),
    ("Follow us on Telegram for the latest news", "share/print/comment widget"),
    ("Subscribe to our daily newsletter", "share/print/comment widget"),
    ("  • Your e-mail:", "form field"),
    ("Name *", "form field"),
    ("Views: 12,345", "view counter"),
    ("3,402 views", "view counter"),
    ("URL: https://example.com/a/b", "URL line"),
    ("https://example.com/story?id=3", "URL line"),
    ("READ MORE: Ten things to know about the vote", "read-more teaser"),
    ("Also read: Talks resume in Geneva", "read-more teaser"),
    ("VIDEO", "media placeholder"),
    ("Photo:", "media placeholder"),
    ("Reuters / Getty Images", "media credit"),
    ("© 2021 Example Media. All rights reserved.", "copyright footer"),
    ("Watch the video at pic.twitter.com/AbC123", "embedded social post"),
])
def test_debris_lines(line, reason):
    assert debris_reason(line) == reason


@pytest.mark.parametrize("line", [
    "The ministry said it would share the data with investigators on Monday.",
    "Video footage showed the convoy entering the town.",
    "Share prices fell 3 percent after the announcement.",
    "Print media were barred from the courtroom.",
    "He was named after his grandfather.",
    "Views differ on how long the truce will hold.",
    "Trend:",
    "BAKU, Azerbaijan, Dec. 3",
])
def test_prose_is_not_debris(line):
    assert debris_reason(line) is None


def _clean(text, **kw):
    return clean(RawDocument(path="t.txt", raw=text, kind="text", **kw))


def test_tweet_embed_block_removed():
    doc = _clean("Talks went on all night.\n"
                 "‘We welcome the #truce and hope it lasts. ‘\n"
                 "More on our site:https://t.co/abc pic.twitter.com/xyz\n"
                 "— Some Ministry (@someministry) March 2, 2021\n"
                 "The delegations met again on Tuesday.")
    assert "#truce" not in doc.text and "@someministry" not in doc.text
    assert "The delegations met again on Tuesday." in doc.text
    assert [d.reason for d in doc.dropped] == ["embedded social post"] * 3
    # a tweet date is not the article's date
    assert doc.published is None


def test_header_timestamp_and_dateline():
    doc = _clean("World 5 March 2021 10:15 (UTC+01:00)\n\nTalks resume after a week\n\n"
                 "GENEVA, Switzerland, March 5\n\nDelegations from both sides met in Geneva on Friday "
                 "to resume talks that had stalled for a week.")
    assert doc.published == "2021-03-05" and doc.published_how == "text"
    assert doc.title == "Talks resume after a week"


def test_dateline_without_year_claims_no_date():
    doc = _clean("GENEVA, Switzerland, March 5\n\nDelegations from both sides met in Geneva on Friday "
                 "to resume talks that had stalled for a week, officials said.")
    assert doc.published_how in (None, "inferred")


def test_container_metadata_wins():
    doc = _clean("Delegations met on Friday to resume the talks in Geneva, officials said.\n",
                 date="2021-03-05T10:00:00Z", title="Talks resume", source="Example Wire",
                 url="https://www.example.org/x")
    assert (doc.published, doc.published_how) == ("2021-03-05", "metadata")
    assert doc.title == "Talks resume" and doc.source == "Example Wire"


def test_source_from_url_domain():
    doc = _clean("Delegations met on Friday to resume the talks in Geneva, officials said.\n",
                 url="https://www.example.org/x")
    assert doc.source == "example.org"


def test_agency_in_parentheses():
    doc = _clean("GENEVA (Reuters) - Delegations met on Friday to resume the talks, officials said.")
    assert doc.source == "Reuters"


def test_full_dates():
    assert find_full_date("Politics 3 December 2020 12:23")[0] == "2020-12-03"
    assert find_full_date("Dec. 3, 2020")[0] == "2020-12-03"
    assert find_full_date("posted 2020-12-03T10:00")[0] == "2020-12-03"
    assert find_full_date("3 декабря 2020 года")[0] == "2020-12-03"
    assert find_full_date("31 February 2020") is None


def test_html_body_and_dropped():
    html = ("<html><head><title>Truce holds | Example Daily</title>"
            "<meta property='article:published_time' content='2021-03-05T10:00:00Z'></head><body>"
            "<nav><a href='/'>Home</a><a href='/world'>World news</a></nav><article><h1>Truce holds</h1>"
            "<p>The truce announced on Monday held through the week, officials in both capitals said on Friday.</p>"
            "<p>Aid convoys reached the border town on Thursday for the first time in a month.</p></article>"
            "<footer>Copyright 2021 Example Daily</footer></body></html>")
    doc = clean(RawDocument(path="a.html", raw=html, kind="html"))
    assert "Aid convoys reached the border town" in doc.text
    assert doc.published == "2021-03-05" and doc.published_how == "metadata"
    assert "World news" not in doc.text
    assert any(d.text == "World news" for d in doc.dropped)


def _debris_shapes():
    from dateline.lang.en import debris as en
    from dateline.lang.ru import debris as ru

    return [*en.DEBRIS_SHAPES, *ru.DEBRIS_SHAPES]


@pytest.mark.parametrize("shape", _debris_shapes(), ids=lambda s: f"{s['reason']}: {s['example']}")
def test_every_debris_shape_removes_its_example(shape):
    # the data modules declare each shape with a line it removes: that line gets that reason
    assert debris_reason(shape["example"]) == shape["reason"]


def test_debris_shapes_are_declared():
    shapes = _debris_shapes()
    assert shapes and all(s["reason"] and s["pattern"] and s["example"] for s in shapes)
    from dateline.clean import DEBRIS_RULES

    assert {s["reason"] for s in shapes} == {r for r, _ in DEBRIS_RULES}


def test_min_words_is_read_at_call_time(monkeypatch):
    from dateline.clean import CleanError
    from dateline.settings import SETTINGS

    text = "The delegations met again on Tuesday and agreed to meet next week in Geneva."
    assert _clean(text).text
    monkeypatch.setattr(SETTINGS.clean, "MIN_WORDS", 100)
    with pytest.raises(CleanError):
        _clean(text)


def _comment_page(signatures: list[str]) -> str:
    post = ["Talks resumed in Geneva on Monday , the ministry said .",
            "The delegations will meet again on Friday to sign the accord .",
            "By Jane Roe | May 27 , 2010 ; 2:08 PM ET"]
    comments = []
    for k, s in enumerate(signatures):
        comments += [f"They will cancel the vote , mark my words number {k} .", s,
                     f"Prices will double by June , reader {k} wrote ."]
    return "\n".join(post + comments)


@pytest.mark.parametrize("sig", [
    "Posted by : someone | September 24 , 2008 5:32 PM | Report abuse",
    "March 29 , 2011 at 12:43 am | Reply",
    "Posted by breezinthru | Report as abusive",
])
def test_reader_comment_section_dropped(sig):
    doc = _clean(_comment_page([sig, sig]))
    assert "Geneva" in doc.text and "Friday" in doc.text
    # everything from the post's closing byline on is the readers', not the outlet's
    assert "cancel the vote" not in doc.text and "Prices will double" not in doc.text
    assert "Jane Roe" not in doc.text
    assert any(d.reason == "reader comments" and "Prices will double" in d.text for d in doc.dropped)


def test_one_signature_is_no_comment_section():
    doc = _clean(_comment_page(["March 29 , 2011 at 12:43 am | Reply"]))
    assert "Prices will double" in doc.text


@pytest.mark.parametrize("example", __import__("dateline.lang.en.debris", fromlist=["x"]).COMMENT_EXAMPLES)
def test_comment_signature_examples(example):
    import re
    from dateline.lang.en import debris
    assert re.search(debris.COMMENT_SIGNATURE, example)
