"""Unit tests for dateline.time.tagger, one block per expression class."""
import pytest

from dateline.time.tagger import tag


def one(text, ref=None, sub=None):
    ms = tag(text, ref)
    for m in ms:
        assert m.text == text[m.start:m.end]
    if sub is None:
        assert len(ms) == 1, ms
        return ms[0]
    hits = [m for m in ms if sub in m.text]
    assert hits, (sub, ms)
    return hits[0]


def values(text, ref=None):
    return [(m.text, m.value, m.type, m.role) for m in tag(text, ref)]


# ---------------------------------------------------------------- seed sentences

def test_moscow_time_one_span():
    t = ("A complete ceasefire and a cessation of all hostilities in the zone of the "
         "Nagorno-Karabakh conflict is introduced at 00:00 hours (Moscow time) on 10 November 2020.")
    m = one(t, "2020-12-03")
    # documented choice: clock time, zone and date form ONE span
    assert m.text == "00:00 hours (Moscow time) on 10 November 2020"
    assert m.value == "2020-11-10T00:00+03:00"
    assert m.type == "TIME"


def test_sept_abbrev_anchored():
    m = one("Armed forces launched an attack using large-caliber weapons, mortars, and artillery on Sept. 27.",
            "2020-12-03")
    assert (m.text, m.value, m.type) == ("Sept. 27", "2020-09-27", "DATE")


def test_month_year_and_year():
    assert one("Back in July 2020, the forces violated the ceasefire.", "2020-12-03").value == "2020-07"
    assert one("The conflict between the two countries began in 1988 when Armenia made claims.",
               "2020-12-03").value == "1988"


def test_range_with_dash():
    ms = tag("Ninety-four civilians were killed in attacks between September 27 - November 10.", "2020-11-24")
    assert [(m.value, m.role) for m in ms] == [("2020-09-27", "range_start"), ("2020-11-10", "range_end")]


def test_range_from_to():
    ms = tag("The talks ran from March 3 to March 7, 2021.", "2021-03-10")
    assert [m.role for m in ms] == ["range_start", "range_end"]
    assert ms[1].value == "2021-03-07"


def test_durations():
    m = one("The army liberated several cities during 44 days.", "2020-11-24")
    assert (m.value, m.type) == ("P44D", "DURATION")
    m = one("It had been under occupation for nearly three decades.", "2020-11-24")
    assert (m.text, m.value, m.type) == ("nearly three decades", "P30Y", "DURATION")
    assert one("Following over a month of military action.", "2020-11-24").value == "P1M"
    m = one("The repairs will take six to nine months.", "2020-11-24")
    assert m.text == "six to nine months" and m.type == "DURATION"
    assert one("He waited 2 1/2 years.", "2020-11-24").value == "P2Y6M"


def test_deadlines():
    ms = tag("Armenia had to liberate the Kelbajar and Aghdam regions by November 20 and the Lachin "
             "region by December 1.", "2020-12-01")
    assert [(m.value, m.role) for m in ms] == [("2020-11-20", "deadline"), ("2020-12-01", "deadline")]
    m = one("a delay for the withdrawal of troops until November 25.", "2020-11-24")
    assert (m.value, m.role) == ("2020-11-25", "deadline")
    m = one("Reports are due no later than January 15.", "2021-01-02")
    assert (m.value, m.role) == ("2021-01-15", "deadline")


def test_night_of():
    m = one("This was reported on the night of December 1 in the country's Ministry of Defense.",
            "2020-12-01")
    assert (m.text, m.value) == ("the night of December 1", "2020-12-01TNI")


def test_weekday_past_and_future():
    m = one("Russian peacekeepers began deploying to Nagorno-Karabakh on Wednesday", "2020-11-13")
    assert (m.text, m.value) == ("Wednesday", "2020-11-11")
    # report dated Tuesday 2020-11-24
    assert one("Peacekeepers began deploying on Wednesday.", "2020-11-24").value == "2020-11-18"
    assert one("The ministers will meet on Wednesday.", "2020-11-24").value == "2020-11-25"
    assert one("The ministers met Tuesday morning.", "2020-11-24").value == "2020-11-24TMO"
    # the tense of another clause does not carry over: ", but" starts the weekday's own clause
    assert one("The army shelled the town, but the talks resume Wednesday.",
               "2020-11-24").value == "2020-11-25"
    assert one("The army shelled the town and the talks ended Wednesday.",
               "2020-11-24").value == "2020-11-18"


def test_night_across_two_days_keeps_its_year():
    """"Feb. 15/16 , 2011" (a night across two days, as chronologies write it) is 15 February
    of that year, not a year-less "Feb. 15" next to a separate "2011"."""
    for text in ("Feb. 15\\/16 , 2011 - The arrest sparks a riot.", "Feb. 15/16, 2011 - A riot."):
        ms = tag(text, "2011-10-20")
        assert [(m.value) for m in ms] == ["2011-02-15"], text


def test_yearless_dates_follow_tense():
    ms = tag("The Armenian troops and civilians vacated Aghdam on November 20 and will vacate Lachin "
             "on December 1.", "2020-11-24")
    assert [m.value for m in ms] == ["2020-11-20", "2020-12-01"]


def test_no_ref_gives_x_values():
    assert one("They will meet on Wednesday.").value == "XXXX-WXX-3"
    assert one("The deadline is December 1.").value == "XXXX-12-01"


def test_russian():
    m = one("Как передает в субботу Trend со ссылкой на министерство.", "2020-11-14")
    assert (m.text, m.value) == ("субботу", "2020-11-14")
    m = one("в последующие дни обсуждения будут продолжены", "2020-11-14")
    assert m.value == "FUTURE_REF"
    assert one("Перемирие действует с 10 ноября 2020 года.", "2020-11-14", "ноября").value == "2020-11-10"
    assert one("Встреча прошла 10 ноября.", "2020-11-14").value == "2020-11-10"
    assert one("Об этом сообщили вчера.", "2020-11-14").value == "2020-11-13"
    assert one("Об этом сообщили сегодня.", "2020-11-14").value == "2020-11-14"
    assert one("Это случилось в 2020 году.", "2021-01-01").value == "2020"


def test_relative_dates():
    ref = "2020-11-24"
    assert one("He arrived yesterday.", ref).value == "2020-11-23"
    assert one("He arrives today.", ref).value == "2020-11-24"
    assert one("Prices rose last week.", ref).value == "2020-W47"
    assert one("Output grew this year.", ref).value == "2020"
    assert one("Output will grow next month.", ref).value == "2020-12"
    m = one("The fighting continued the following days as well.", ref)
    assert m.text == "the following days"
    # "later" counts from the time under discussion; with none before it, only the count
    m = one("Two days later the town fell.", ref)
    assert (m.type, m.value) == ("DURATION", "P2D")
    m = one("Talks began on Nov. 3. Two days later the town fell.", ref, "later")
    assert (m.type, m.value) == ("DATE", "2020-11-05")


def test_refs():
    assert one("Prices are now falling.", "2020-11-24").value == "PRESENT_REF"
    assert one("Prices are currently falling.", "2020-11-24").value == "PRESENT_REF"
    assert one("Prices fell recently.", "2020-11-24").value == "PAST_REF"
    assert one("Prices may rise in the future.", "2020-11-24").value == "FUTURE_REF"


def test_decade_and_century():
    assert one("since a devastating war in the 1990s", "2020-11-24").value == "199"
    assert one("in the 20th century", "2020-11-24").value == "19"


def test_times_with_zones():
    m = one("Politics 3 December 2020 12:23 (UTC+04:00)", "2020-12-03")
    assert m.value == "2020-12-03T12:23+04:00" and m.type == "TIME"
    assert one("The vote closes at 5 p.m. EST", "1998-01-02").value == "1998-01-02T17:00-05:00"


def test_sets():
    assert one("Shelling happened every day.", "2020-11-24").value == "P1D"
    assert one("Shelling happened every day.", "2020-11-24").type == "SET"
    assert one("The magazine appears weekly.", "2020-11-24").value == "P1W"


def test_quarters():
    assert one("Profit rose in the third quarter.", "1989-10-26").value == "1989-Q3"
    assert one("third-quarter profit rose", "1989-10-26").value == "1989-Q3"


def test_publication_roles():
    t = ("Politics 3 December 2020 12:23 (UTC+04:00)\nAzerbaijani Defense Minister meets commander\n\n"
         "BAKU, Azerbaijan, Dec. 3\n\nTrend:\n\nThe minister met the commander on Wednesday.")
    ms = tag(t, "2020-12-03")
    assert [m.role for m in ms][:2] == ["publication", "publication"]
    assert ms[-1].role == "point"
    t = "TODAY.AZ / Politics\n\nLeaders mull deal\n\n24 November 2020 [22:45] - TODAY.AZ\n\nBy Azernews"
    ms = tag(t)
    assert len(ms) == 1 and ms[0].role == "publication" and ms[0].value.startswith("2020-11-24")


def test_spans_never_lie():
    t = "Früh am 3. Dezember… 🎉 Dec. 3 — 12:23 (UTC+04:00) и 10 ноября"
    for m in tag(t, "2020-12-03"):
        assert t[m.start:m.end] == m.text


@pytest.mark.parametrize("text", ["", " ", "\x00\x01", "May", "may I", "1,960 soldiers", "$2000"])
def test_hostile(text):
    ms = tag(text, "2020-11-24")
    assert all(text[m.start:m.end] == m.text for m in ms)
    if text in ("may I", "1,960 soldiers", "$2000"):
        assert ms == []


def test_russian_more():
    ref = "2020-11-14"
    m = one("Перемирие вступило в силу в 00:00 по московскому времени 10 ноября.", ref)
    assert (m.value, m.type) == ("2020-11-10T00:00+03:00", "TIME")
    assert one("На прошлой неделе стороны встретились.", ref).value == "2020-W45"
    assert one("В прошлом году было иначе.", ref).value == "2019"
    assert one("Три дня назад всё закончилось.", ref).value == "2020-11-11"
    assert one("Переговоры продлятся 44 дня.", ref).value == "P44D"
    assert one("Обсуждения будут продолжены в понедельник.", ref).value == "2020-11-16"
    # mixed-language document, lang detected from Cyrillic
    ms = tag("Talks ended on November 14. Как передает в субботу Trend.", ref)
    assert [m.value for m in ms] == ["2020-11-14", "2020-11-14"]


def test_body_sentence_is_not_a_publication_stamp():
    ms = tag("Talks will last 44 days. They resumed on 9 November 2020.", "2020-11-14")
    assert all(m.role != "publication" for m in ms)


def test_no_ref_anchors_on_inferred_publication_date():
    t = ("Units entered the Lachin region on December 1, the ministry said. "
         "On September 27, 2020, the conflict broke out. Armenia had to leave Aghdam by November 20.")
    vals = {m.text: m.value for m in tag(t)}
    assert vals["December 1"] == "2020-12-01"
    assert vals["November 20"] == "2020-11-20"


def test_ages_and_rates_are_not_durations():
    assert tag("A 6-year-old boy was rescued.", "2000-01-07") == []
    assert tag("It saves $500 million a year.", "1989-10-30") == []


def test_tokenised_comma_and_relative_year_keep_the_day():
    # PTB-tokenised text puts a space before the comma; the year still belongs to the day
    m = one("Jackson died on 25 June , 2009 at the age of 50 .", "2011-09-23")
    assert (m.text, m.value) == ("25 June , 2009", "2009-06-25")
    m = one("Jackson died at his home on 25 June last year .", "2010-02-11")
    assert (m.text, m.value) == ("25 June last year", "2009-06-25")
    assert one("The vote is on March 3 next year .", "2010-05-01").value == "2011-03-03"


def test_yearless_day_without_tense_looks_back():
    # a chronology line in September: the February just gone, not the one to come
    assert one("Feb. 28 - EU governments approve a package of sanctions", "2011-09-21").value == "2011-02-28"
    # a near day ahead still wins
    assert one("June 25 - the first anniversary of the singer 's death", "2010-03-23").value == "2010-06-25"


def test_year_in_a_name_is_not_a_time():
    assert [m.text for m in tag("at this year's Worldwide Developers Conference (WWDC) 2010, "
                                "Jobs spoke", "2010-06-08")] == ["this year"]
    assert tag("the Euro 2012 final in Kiev", "2012-07-01") == []
    assert [m.value for m in tag("In 2010 the war ended", "2012-07-01")] == ["2010"]
    assert [m.value for m in tag("the US 2010 census", "2012-07-01")] == ["2010"]


def test_clock_readings_are_not_years():
    """'struck at 1653 local time (2153 GMT)' and a live page's entry stamps ('1604 Adm Mike
    Mullen says ...') are times of day: no year 1653 or 1604 may reach the timeline. Years
    after a preposition, in a chronology line, or on an ordinary page stay years."""
    from dateline.time import tag
    live = ("The quake struck at 1653 local time -LRB- 2153 GMT -RRB- on Tuesday .\n"
            "1600 United Nations Secretary General Ban Ki-Moon says 150 staff are missing .\n"
            "1602 Rear Adm Victor Guillery tells the BBC that ships are on the way .\n"
            "US citizens gathered at the airport 1604 Adm Mike Mullen says troops will go .\n"
            "In 2004 Haiti was hit by floods .\n1994 - Hurricane Gordon kills hundreds .")
    values = {t.text: t.value for t in tag(live, "2010-01-15")}
    assert not {"1653", "2153", "1600", "1602", "1604"} & set(values)
    assert values["2004"] == "2004" and values["1994"] == "1994"
    assert [t.value for t in tag("2004 Olympic Games were held in Athens .", "2010-01-15")] == \
        ["2004"]


def test_month_comma_year_in_tokenised_text():
    """Tokenised news text puts a space before commas: "died in June , 2009" is June 2009,
    not a June of the publication year and a separate 2009."""
    from dateline.time import tag
    got = [(t.text, t.value) for t in tag("Jackson died aged 50 in June , 2009 while rehearsing .",
                                          "2011-06-10")]
    assert got == [("June , 2009", "2009-06")]


def vals(text, ref=None):
    return [m.value for m in tag(text, ref)]


# ---- names and numbers that are no dates; clauses that look forward (issue 13)

def test_holiday_only_when_used_as_a_date():
    assert vals("Christmas came early for the markets.", "2021-04-09") == []
    assert vals("The troops will be home by Christmas.", "2021-04-09") == ["2021-12-25"]
    assert vals("Shops opened on Christmas Day.", "2021-04-09") == ["2020-12-25"]


def test_since_in_a_comparison_is_a_comparison():
    for text in ("It is the worst drought since 1976.",
                 "It was the first time since 2003 that the party lost.",
                 "Prices hit their lowest level since the early 1990s.",
                 "Sales were higher than in 2003."):
        ms = tag(text, "2021-04-09")
        assert ms and all(m.role == "comparison" for m in ms), text
    # a span reaching back to a year is no event of that year either
    assert tag("Since 2001 our economy has faced a recession.", "2021-04-09")[0].role == "comparison"
    # but the when-clause after it, and a day someone was last seen, are
    assert tag("Relations have been tense since 1991, when the army occupied it.",
               "2021-04-09")[0].role == "point"
    assert tag("She has not been seen since August 14, 2005.", "2021-04-09")[0].role == "point"


def test_house_numbers_and_clock_readings_are_not_years():
    assert vals("Protesters marched to 1600 Pennsylvania Avenue.", "2011-02-09") == []
    assert vals("The curfew starts at 1645 in Egypt.", "2011-02-09") == []
    assert vals("He was charged in the 1995 shooting of Dr. Hugh Short.", "2000-01-24") == ["1995"]
    assert vals("Elections were held in 1645 and 1646.", "2011-02-09")[:1] == ["1645"]


def test_far_counts_are_figures_of_speech():
    assert vals("People will remember this 500 years from now.", "2011-02-09") == ["FUTURE_REF"]
    assert vals("The ruling comes two years from now.", "2011-02-09") == ["2013"]


def test_narrative_later_counts_from_the_text_not_today():
    assert vals("Six years later, Sadat died.", "2011-02-09") == ["P6Y"]
    assert vals("Sadat signed the treaty in 1979. Two years later, Sadat died.",
                  "2011-02-09") == ["1979", "1981"]


def test_future_passive_and_forward_weekdays():
    # "will be held": a participle after "be" marks no past tense
    assert vals("Elections will be held in September.", "2011-02-12") == ["2011-09"]
    # written Saturday 12 Feb: "for Sunday" is tomorrow, "ahead of Thursday" the next one
    assert vals("Protesters readied themselves for Sunday.", "2011-02-12") == ["2011-02-13"]
    assert vals("Crowds gathered ahead of Thursday's speech.", "2011-02-12") == ["2011-02-17"]
    # written Friday: "Until Thursday, they had not called" is yesterday
    assert vals("Until Thursday, they had not called.", "1999-05-07") == ["1999-05-06"]


def test_a_weekday_in_a_live_entry_stamped_after_midnight_local_is_the_next_day():
    # Monday 31 January 2011 in the US; 1:12 a.m. Tuesday in Cairo
    t = ("(Update 1:12 a.m. Tuesday in Cairo, 6:12 p.m. ET Monday) The ministry told CNN "
         "Tuesday that the provider has been shut down.\nThe army was deployed on Tuesday.")
    got = [(m.text, m.value) for m in tag(t, "2011-01-31") if m.text in ("Tuesday", "Monday")]
    assert got == [("Monday", "2011-01-31"), ("Tuesday", "2011-02-01"), ("Tuesday", "2011-01-25")]
    t = "LIBYA, 6:49 p.m. ET, 1:49 a.m. local: Gadhafi said Tuesday morning he is in Tripoli."
    assert one(t, "2011-02-21", "Tuesday").value == "2011-02-22TMO"
    # an American clock on another day than the report's: no shift
    t = "(Update 1:12 a.m. Tuesday in Cairo, 6:12 p.m. ET Sunday) Troops left Tuesday."
    last = [m for m in tag(t, "2011-01-31") if m.start == t.rfind("Tuesday")]
    assert [m.value for m in last] == ["2011-01-25"]


def test_a_weekday_or_today_in_a_stamped_entry_counts_from_the_entrys_day():
    # a page of blurbs dated Sunday 10 April 2011, each opened by its own stamp
    t = ("Misrata updated : Thu Mar 17 2011 05:49:00 Forces battled rebels on Wednesday .\n"
         "The rebels fled on Wednesday .\n"
         "8:47 pm ET February 11 , 2013 RETWEET His wife said goodbye today .")
    got = [(m.text, m.value) for m in tag(t, "2011-04-10") if m.text in ("Wednesday", "today")]
    # the stamp dates its own line only; the next line is the page's again
    assert got == [("Wednesday", "2011-03-16"), ("Wednesday", "2011-04-06"), ("today", "2013-02-11")]
    # a date with a clock after a preposition is an event's date in a sentence, no stamp
    t = "On March 3 , 2011 10:30 , he said he left on Friday ."
    assert one(t, "2011-04-10", "Friday").value == "2011-04-08"


def test_a_weekday_in_a_month_of_a_named_year_is_left_unresolved():
    got = values("The family bowled on a busy Saturday night in January 1999.", "2011-02-11")
    assert [(t, v) for t, v, _, _ in got] == [("Saturday night", "XXXX-WXX-6TNI"),
                                              ("January 1999", "1999-01")]
    # a weekday beside a month with no year is still resolved against the report
    assert one("Talks resumed on Saturday in Geneva.", "2011-02-11").value == "2011-02-05"


def test_a_bounded_count_ago_states_no_year():
    # "over 20 years ago" is before 1990, not 1990; "20 years ago" is 1990
    v = {t.text: t.value for t in tag("The spill occurred over 20 years ago.", "2010-05-01")}
    assert v == {"over 20 years ago": "PAST_REF"}
    v = {t.text: t.value for t in tag("The spill occurred 20 years ago.", "2010-05-01")}
    assert v == {"20 years ago": "1990"}


def test_the_year_of_a_named_happening_after_since_is_no_comparison():
    roles = {t.text: t.role for t in tag(
        "He had been in the inner circle since the 1969 coup that brought him to power. "
        "Output was a tenth less than in 2009, when it overtook Exxon. "
        "It was the worst drought since 1976.", "2011-07-31")}
    assert roles == {"1969": "point", "2009": "point", "1976": "comparison"}


def test_a_quotation_after_a_weekday_does_not_set_its_tense():
    # Tuesday 23 September: the "will" is McCain's words, not the tense of Sunday
    v = {t.text: t.value for t in tag("On 60 Minutes Sunday evening, McCain, saying \"this will "
                                      "sound unusual,\" said he would replace Cox.", "2008-09-23")}
    assert v["Sunday evening"].startswith("2008-09-21")
