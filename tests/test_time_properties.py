"""Property tests (hypothesis): the tagger never crashes and its spans never lie."""
import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.time.pubdate import infer_published
from dateline.time.tagger import tag

FRAGMENTS = [
    "Dec. 3", "3 December 2020", "November 20", "2020-12-03", "Sept. 27", "July 2020", "in 1988",
    "the 1990s", "on Wednesday", "yesterday", "last week", "the following days", "two days later",
    "today", "this year", "next month", "00:00 hours (Moscow time) on 10 November 2020",
    "12:23 (UTC+04:00)", "the night of December 1", "Tuesday morning", "44 days",
    "nearly three decades", "over a month", "six to nine months", "between September 27 - November 10",
    "from March 3 to March 7", "every day", "weekly", "by December 1", "until November 25", "now",
    "recently", "in the future", "the third quarter", "third-quarter", "a year earlier",
    "в субботу", "10 ноября 2020 года", "вчера", "сегодня", "в последующие дни", "в 2020 году",
    "May", "may", "March", "31/02/2020", "2020-13-45", "99:99", "5 p.m. EST", "noon", "1,960",
    "$2000", "TODAY.AZ", "http://x.com/2020-11-10", "'80s", "the 20th century", "Q3 1999",
    "Christmas", "Easter 2021", "mid-November", "late 1990s", "twice a week", "5 1/2 hours",
    "nineteen ninety-six", "\n", "\n\n", ", ", ". ", " - ", " and ", "(", ")", "—", "…", "İ", "ß",
    "🎉", "\x00", "\u200b", "\ufeff", "12", "2020", "30", "-", ":",
]

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=8), max_size=40).map(" ".join),
    st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join),
)
refs = st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
                 st.sampled_from(["2020-11-24", "1989-10-26", "garbage", "", "0000-00-00"]))


def _check(text, ms):
    last_end = -1
    for m in ms:
        assert 0 <= m.start < m.end <= len(text)
        assert m.text == text[m.start:m.end]
        assert m.start >= last_end, "spans must be sorted and non-overlapping"
        last_end = m.end
        assert m.type in ("DATE", "TIME", "DURATION", "SET")
        assert m.role in ("point", "deadline", "range_start", "range_end", "publication")
        assert isinstance(m.value, str) and m.value


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, refs)
def test_never_crashes_and_spans_are_exact(text, ref):
    _check(text, tag(text, ref))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.sampled_from([None, "ru", "en", "xx"]))
def test_lang_argument_is_safe(text, lang):
    _check(text, tag(text, "2020-11-24", lang))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_pubdate_is_a_real_date_or_none(text):
    r = infer_published(text)
    if r is not None:
        dt.date.fromisoformat(r)


@settings(max_examples=100, deadline=None)
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_full_dates_round_trip(d):
    text = f"The meeting took place on {d.day} {d.strftime('%B')} {d.year}."
    ms = tag(text, "2020-11-24")
    assert [m.value for m in ms] == [d.isoformat()]


@settings(max_examples=100, deadline=None)
@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31)),
       st.integers(min_value=0, max_value=6))
def test_weekdays_resolve_to_the_named_day(ref, wd):
    name = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][wd]
    for sentence in (f"They met on {name}.", f"They will meet on {name}.", f"The meeting is on {name}."):
        ms = tag(sentence, ref)
        assert len(ms) == 1
        got = dt.date.fromisoformat(ms[0].value)
        assert got.weekday() == wd
        assert abs((got - ref).days) <= 7


def _cand_keys(cands, text):
    # lower-case 'may'/'march' are not anchors: their matches are dropped by _case_ok anyway
    from dateline.time import tagger as T
    return sorted((c[0], c[1], c[3]) for c in cands if T._case_ok(text[c[0]:c[1]], c[3]))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=30).map(" ".join))
def test_anchor_windows_find_every_candidate(text):
    """Patterns run only near their anchor words; that must find what a full scan finds."""
    from dateline.time import tagger as T
    assert _cand_keys(T._candidates(text, False), text) == _cand_keys(T._candidates(text, False, full=True), text)


def test_anchor_windows_on_news_prose():
    from dateline.time import tagger as T
    text = ("WASHINGTON, Dec. 3 (Reuters) - The company said on Tuesday that third-quarter profit fell "
            "12 percent from a year earlier, and it expects to report results for the fiscal year ended "
            "Sept. 30 next week. Shares rose 3% to $12.50 at 4:15 p.m. EST. In the 1990s it grew for "
            "nearly three decades; the past two months were hard. For years, it met every Monday. "
            "It was the winter of nineteen ninety-four, and by mid-March 2011 the talks set to resume "
            "the day after tomorrow had failed. The Bridge to Nowhere voted present 130 times. It may "
            "rain. " + "x " * 80 + "They may march. Talks resume in May.")
    assert _cand_keys(T._candidates(text, False), text) == _cand_keys(T._candidates(text, False, full=True), text)
