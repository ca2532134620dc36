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
    for v in ("P44D", "PAST_REF", "XXXX-WXX-3", "XXXX-11-10", "199", "2020-W99"):
        assert date_of_value(v) is None
    # a week dates an event as finely as the unit that holds all its days
    assert date_of_value("2020-W47") == "2020-11"        # 16-22 November
    assert date_of_value("2011-W05") == "2011"           # 31 January - 6 February
    assert date_of_value("2011-W05-WE") == "2011-02"     # the weekend of 5-6 February
    assert date_of_value("2020-W53") is None             # 28 December - 3 January: no year
    assert date_of_value("2021-W01") == "2021-01"


def test_week_and_fronted_time_date_the_right_event():
    ms, _ = one("Police arrested the suspect last week, officials said on Friday.")
    assert any(m.trigger.text == "arrested" and m.date == "2020-11" for m in ms)
    ms, _ = one("July 28 - Younes, the minister who defected to the rebels on February 22 and "
                "became their chief, is killed.", published="2011-08-22")
    assert {m.date for m in ms if m.trigger.text == "defected"} == {"2011-02-22"}


def one(text, published="2020-11-20", **kw):
    c = Counter()
    ms = extract_events(doc(text, published), None, counters=c, **kw)
    return ms, c


def test_coordinated_past_and_future():
    ms, _ = one("The Armenian troops vacated Aghdam on November 20 and will vacate Lachin on "
                "December 1.")
    got = {(m.date, m.modality, m.trigger.text) for m in ms}
    assert got == {("2020-11-20", "asserted", "vacated"), ("2020-12-01", "planned", "vacate")}


def test_negated_dropped():
    ms, c = one("Azerbaijan did not attack the village on November 12.")
    assert ms == [] and c["dropped:negated"] == 1
    ms, c = one("No agreement was signed on November 12.")
    assert ms == [] and c["dropped:negated"] == 1
    ms, c = one("The talks did not produce a deal on November 12, officials said.")
    assert ms == [] and c["dropped:negated"] == 1
    ms, c = one("Troops, however, did not leave on November 12.")
    assert ms == [] and c["dropped:negated"] == 1
    # the negation is another clause's: the complaint happened
    ms, c = one("Niger was not invited to the talks, Nigerien officials complained on "
                "November 12.")
    assert [(m.trigger.text, m.date) for m in ms] == [("complained", "2020-11-12")]


def test_reader_comments_dropped():
    """A comment thread scraped with the page is what readers wrote, not what happened."""
    for text in ("November 12 , 2020 at 10:31 am | Reply The army attacked the village on "
                 "November 12.",
                 "At 09:03 am on 12 Nov 2020 , Mark wrote : the army attacked the village on "
                 "November 12."):
        ms, c = one(text)
        assert ms == [] and c["dropped:comment"] == 1
    ms, c = one("The army attacked the village on November 12, officials said.")
    assert ms and not c["dropped:comment"]
    # a page's update stamp is not an event ("updated" is no trigger there)
    ms, c = one("Last updated at 06:15 GMT Help The army attacked the village.")
    assert not any(m.trigger and m.trigger.text == "updated" for m in ms)
    assert c["dropped:page_stamp"] == 1
    ms, c = one("The ministry updated its casualty figures on November 12.")
    assert [m.trigger.text for m in ms] == ["updated"]


def test_time_granted_to_do_something_is_a_plan():
    """'gave the union until March 14 to respond': the reply is due, not done."""
    ms, _ = one("Costa gave the union until March 14 to respond to the offer.")
    assert [(m.trigger.text, m.modality) for m in ms] == [("respond", "planned")]
    ms, _ = one("The army used tugboats to pull the ship free on March 14.")
    assert [(m.trigger.text, m.modality) for m in ms] == [("pull", "asserted")]


def test_the_month_may_is_no_modal():
    ms, c = one("On May 1, a soldier died in a road accident at Al Amarah.")
    assert [(m.trigger.text, m.modality) for m in ms] == [("died", "asserted")]
    ms, c = one("Troops may leave Lachin on November 25.")
    assert ms == [] and c["dropped:hypothetical"] == 1


def test_hypothetical_dropped():
    ms, c = one("The army could enter the city on November 25.")
    assert ms == [] and c["dropped:hypothetical"] == 1
    ms, c = one("If talks fail on November 25, fighting resumes.")
    assert all(m.date != "2020-11-25" for m in ms)
    # dropped, not missed: the one dated clause is counted ('fail' negates it before the
    # sentence-initial 'if' is considered)
    assert c["dropped:hypothetical"] + c["dropped:negated"] == 1


def test_date_in_relative_clause_belongs_to_its_own_verb():
    ms, _ = one("Azerbaijan, which lost the war in 1994, launched an offensive on September 27.",
                published="2020-10-01")
    by_trigger = {m.trigger.text: m.date for m in ms}
    assert by_trigger["launched"] == "2020-09-27"
    assert by_trigger.get("lost") in (None, "1994")


def test_infinitive_after_past_verb_is_not_a_plan():
    ms, _ = one("Tugboats began working to free the vessel on November 18.")
    assert [(m.date, m.modality) for m in ms] == [("2020-11-18", "asserted")]
    ms, _ = one("Rescue teams used dredgers to pull the ship free on the morning of November 18.")
    assert [m.modality for m in ms] == ["asserted"]
    # the clause split at 'and' leaves the infinitive without its verb: 'used' still governs
    ms, _ = one("Rescue teams used tugboats and dredgers to pull the ship free on November 18.")
    assert [m.modality for m in ms] == ["asserted"]
    ms, _ = one("The ministry asked Russia and Turkey to send observers on November 28.")
    assert [m.modality for m in ms] == ["planned"]


def test_future_plan_and_deadline():
    ms, _ = one("Russia will send peacekeepers on December 5.")
    assert [(m.date, m.modality) for m in ms] == [("2020-12-05", "planned")]
    ms, _ = one("Armenia asked for a delay to withdraw its troops until November 25.")
    assert [(m.date, m.modality) for m in ms] == [("2020-11-25", "planned")]


def test_reported_speech():
    ms, _ = one("Units entered the region on November 18, the Defense Ministry said.")
    assert ms[0].modality == "reported" and ms[0].attributed_to == "Defense Ministry"
    ms, _ = one("Troops entered the town on November 18, according to the Interior Ministry.")
    assert ms[0].attributed_to == "Interior Ministry"


def test_granularity_and_non_dates():
    ms, _ = one("Back in July 2020, the forces violated the ceasefire.")
    assert ms[0].date == "2020-07"
    ms, _ = one("The conflict began in 1988 when Armenia made claims.")
    assert ms[0].date == "1988" and ms[0].trigger.text == "began"
    ms, _ = one("The fighting lasted 44 days and happens every week.")
    assert ms == []


def test_publication_date_for_present_perfect_lead_only():
    text = ("Leaders discuss peace\n\nPresident Aliyev and President Putin have discussed the "
            "peace agreement.\n\nThe two leaders have agreed on many things in the past.")
    ms, _ = one(text, published="2020-11-24")
    assert [(m.date, m.date_how) for m in ms][:1] == [("2020-11-24", "publication")]
    assert ms and all(m.sentence_index < 2 for m in ms)
    ms, _ = one("Peacekeepers arrived in the city.", published="2020-11-24")
    assert ms == []


def test_lead_length_is_read_at_call_time(monkeypatch):
    """SETTINGS.events.LEAD_SENTENCES is read per call: with no lead, the present-perfect
    first sentence is no longer dated by publication."""
    from dateline.settings import SETTINGS
    text = "President Aliyev and President Putin have discussed the peace agreement."
    ms, _ = one(text, published="2020-11-24")
    assert [(m.date, m.date_how) for m in ms] == [("2020-11-24", "publication")]
    monkeypatch.setattr(SETTINGS.events, "LEAD_SENTENCES", 0)
    ms, c = one(text, published="2020-11-24")
    assert ms == [] and c["dropped:undated"] == 1


def test_repeated_flag():
    text = "First sentence here.\n\nOn November 16, Russia sent 140 planes to the region."
    ms = extract_events(doc(text), None, [{"start": 22, "end": len(text), "also_in": ["x"]}])
    assert ms and all(m.repeated for m in ms)


# ----------------------------------------------------------------------------- seed corpus

def _seed_mentions(seed_dir, with_entities=False):
    from dateline.store import Store
    import tempfile, os
    from dateline.pipeline import build
    tmp = tempfile.mkdtemp()
    db = os.path.join(tmp, "seed.db")
    build([str(seed_dir)], db, workers=1)
    with Store(db, readonly=True) as s:
        docs = sorted(s.documents(), key=lambda d: d.path)
        reps = {d.id: s.repeated(d.id) for d in docs}
    ems = None
    if with_entities:
        from dateline import entities
        ems = dict(zip([d.id for d in docs], entities.extract_many([d.text for d in docs])))
    by = {d.path.split("/")[-1][:3]: d for d in docs}
    mentions = {d.id: extract_events(d, ems[d.id] if ems else None, reps[d.id]) for d in docs}
    return docs, by, mentions, ems, reps


def test_seed_event_mentions(seed_dir):
    docs, by, mentions, _, _ = _seed_mentions(seed_dir)
    for d in docs:
        for m in mentions[d.id]:
            assert d.text[m.start:m.end] == m.quote
            if m.trigger:
                assert d.text[m.trigger.start:m.trigger.end] == m.trigger.text
            assert m.date is None or len(m.date) in (4, 7, 10)

    def dates(k):
        return {(m.date, m.modality) for m in mentions[by[k].id]}

    assert ("2020-11-10", "asserted") in dates("000")
    assert ("2020-09-27", "asserted") in dates("000")
    assert ("2020-07", "asserted") in dates("000")
    assert ("1988", "asserted") in dates("000") and ("1994", "asserted") in dates("000")
    assert ("2020-12-03", "reported") in dates("000") or ("2020-12-03", "asserted") in dates("000")
    pub = [m for m in mentions[by["000"].id] if m.date == "2020-12-03"]
    assert pub and all(m.date_how == "publication" for m in pub)
    assert ("2020-11-24", "asserted") in dates("002")
    assert ("2020-11-20", "asserted") in dates("002")
    assert ("2020-12-01", "planned") in dates("002")
    assert ("2020-11-25", "asserted") in dates("002")
    assert ("2020-12-01", "reported") in dates("003")
    assert ("2020-11-16", "asserted") in dates("003")
    assert ("2020-11-09", "reported") in dates("003")
    assert ("2020-11-25", "planned") in dates("003")
    # the repeated background paragraphs of 000/001
    background = [m for m in mentions[by["001"].id] if m.date in ("1988", "1994")]
    assert background and all(m.repeated for m in background)
    # 004 has no date line: its publication date is only inferred (from the embedded post it
    # carries), so nothing is dated *by* publication; 'on Wednesday' resolves against the
    # inferred date (the Wednesday before 2020-11-13)
    assert by["004"].published_how == "inferred"
    assert mentions[by["004"].id]
    assert all(m.date_how != "publication" for m in mentions[by["004"].id])
    wed = [m for m in mentions[by["004"].id] if m.time and "Wednesday" in m.time.text]
    assert wed and all(m.date == "2020-11-11" for m in wed)


def test_one_trigger_two_nested_times_is_one_event_on_the_finer_date():
    ms, _ = one("Yesterday, at this year's summit in Geneva, the ministers signed the accord.",
                published="2020-11-20")
    assert [m.date for m in ms] == ["2020-11-19"]


def test_countries_are_parties_unless_a_place_preposition_precedes_them():
    """'Russia sent planes to Nagorno-Karabakh': Russia did it, the region is where; a
    nationality before a state organ ('Armenian troops') names its country as a party."""
    from dateline.entities import extract
    cases = {
        "On November 16, Russia sent 140 planes with its peacekeepers to Nagorno-Karabakh.":
            ({"Russia"}, {"Nagorno-Karabakh"}),
        "On November 25, Armenia petitioned Azerbaijan for a delay.":
            ({"Armenia", "Azerbaijan"}, set()),
        "On November 12, talks were held in Armenia and Azerbaijan.":
            (set(), {"Armenia", "Azerbaijan"}),
        "The Armenian troops vacated Aghdam on November 20.": ({"Armenia"}, {"Aghdam"}),
        "Armenian and Azerbaijani forces exchanged fire on November 12.":
            ({"Armenia", "Azerbaijan"}, set()),
        # a nationality before anything but a state organ is no party
        "Armenian civilians left Lachin on November 12.": (set(), {"Lachin"}),
        # ... and up to two words may stand between them
        "The Turkish defence ministry said on November 12 that talks went well.":
            ({"Turkey"}, set()),
        "Tajik border guards detained two men on November 12.": ({"Tajikistan"}, set()),
        # a capital that acts is its government; a city otherwise
        "Moscow said on November 12 that Russia would send more troops.": ({"Russia"}, set()),
        # (the country unnamed in the document: the city stays, should no entity be the country)
        "Dushanbe rejected the accusation on November 12.": ({"Tajikistan", "Dushanbe"}, set()),
        "Protesters gathered in Moscow on November 12.": (set(), {"Moscow"}),
        # a place's modifiers do not hide its preposition; "the government of" is a party
        "Gunmen seized two aid workers in northern Niger on November 12.": (set(), {"Niger"}),
        "The government of Tajikistan protested on November 12.": ({"Tajikistan"}, set()),
        # a time zone is a clock, not a place
        "The truce took effect at 00:00 Moscow time on November 12 in Nagorno-Karabakh.":
            (set(), {"Nagorno-Karabakh"}),
        # the dateline is where the report was filed
        "BERLIN, November 20, 2020 (dpa) - Two aid workers were freed on November 12.":
            (set(), set()),
    }
    for text, (actors, places) in cases.items():
        d = doc(text)
        ms = extract_events(d, extract(d.text))
        assert ms, text
        assert set(ms[0].actors) == actors and set(ms[0].places) == places, (text, ms[0])
    # without the entity stage there are no parties at all
    assert extract_events(doc("The Armenian troops vacated Aghdam on November 20."),
                          None)[0].actors == []


def test_who_said_it():
    """The speaker is the noun phrase that says, not a word near it: the subject of "X
    rejected ... and said", the head of "a diplomat familiar with the talks", the phrase
    right before "said" after a clause ("... on March 2 and the ministry said")."""
    from dateline.entities import extract
    cases = {
        "Dushanbe rejected the accusation on March 2 and said border guards had fired first.":
            "Dushanbe",
        "Qatar began mediating on April 18, a diplomat familiar with the talks said.": "diplomat",
        "Troops left the town on March 2 and the ministry said more would follow.": "ministry",
    }
    for text, speaker in cases.items():
        d = doc(text, "2024-03-05")
        ms = extract_events(d, extract(d.text))
        assert ms and ms[0].attributed_to == speaker, (text, ms)


def test_verbs_the_token_rules_used_to_miss():
    def trig(text, published="2011-02-02"):
        ms, _ = one(text, published)
        return [(m.trigger.text, m.date, m.modality) for m in ms]
    # a quantifier floating after the subject is no determiner
    assert trig("That all changed on Wednesday.") == [("changed", "2011-02-02", "asserted")]
    # a relative "that" after a noun; after a verb it stays a determiner
    assert trig("Apache has 11 million acres in Egypt that produced 150,000 barrels a day "
                "during 2009.") == [("produced", "2009", "asserted")]
    # a two-letter base form after a modal
    assert ("go", "2011-04", "planned") in trig(
        "Napolitano will announce that the alert system will go away in April.")
    # an -s form after he/she/it, in the lexicon or not
    assert trig("Nobody knows where he appears on 17 June.", "2010-06-16")[0][:2] == \
        ("appears", "2010-06-17")
    # "in May" is the month, not the modal
    assert trig("An investigation in May showed that regulators were lax.",
                "2010-07-31") == [("showed", "2010-05", "asserted")]


def test_a_negation_verb_is_an_event_of_its_own():
    ms, c = one("April 25 - The well's blowout preventer fails.", "2010-07-23")
    assert [(m.trigger.text, m.date) for m in ms] == [("fails", "2010-04-25")]
    # ... but it still negates the verb it governs
    ms, c = one("Armenia failed to withdraw its troops on November 15.")
    assert ms == [] and c["dropped:negated"] == 1


def test_a_copula_carries_a_dated_sentence_with_no_other_verb():
    ms, _ = one("The Report is on BBC Radio 4 on Thursday, 27 May at 2000 BST.", "2010-05-26")
    assert [(m.trigger.text, m.date) for m in ms] == [("is", "2010-05-27")]
    ms, _ = one("I will be 60 on Monday.", "2008-10-16")
    assert [(m.trigger.text, m.date, m.modality) for m in ms] == [("be", "2008-10-20", "planned")]


def test_a_time_inside_a_quotation_takes_no_verb_outside_it():
    ms, _ = one("\"There could be oil coming up until August,\" Carol Browner told CBS on "
                "Sunday.", "2010-05-31")
    told = [m.date for m in ms if m.trigger.text == "told"]
    assert told == ["2010-05-30"]
    # PTB quotes, as in Timeline17's texts
    ms, _ = one("`` There could be oil coming up until August , '' Carol Browner told CBS 's "
                "`` Face The Nation '' on Sunday .", "2010-05-31")
    assert [m.date for m in ms if m.trigger.text == "told"] == ["2010-05-30"]


def test_a_prepositional_phrase_dates_its_nearest_event_noun():
    ms, _ = one("Protesters want him to go, as he has ruled since the independence in 1977 "
                "- ahead of the elections scheduled in April.", "2011-02-21")
    by_trigger = {(m.trigger.text, m.date) for m in ms}
    assert ("elections", "2011-04") in by_trigger or ("scheduled", "2011-04") in by_trigger
    assert ("independence", "2011-04") not in by_trigger


def test_a_duration_after_before_since_dates_the_linked_event():
    def dates(text, published):
        ms, _ = one(text, published)
        return {m.trigger.text: m.date for m in ms}
    # the second event: the first one's date minus the duration
    assert dates("He talked to his family on the phone Tuesday, a week after the unrest "
                 "began.", "2011-02-03")["began"] == "2011-01-25"
    assert dates("Sunday marks a month since the Council passed a resolution.",
                 "2011-04-17")["passed"] == "2011-03-17"
    # the first event: the second one's date minus the duration
    assert dates("The conversation took place a day before the withdrawal of the troops "
                 "on 25 November.", "2020-11-24")["took"] == "2020-11-24"
    # no date but a present-tense report: counted from the publication date
    assert dates("The intervention comes two days after the Council passed a resolution.",
                 "2011-03-19")["passed"] == "2011-03-17"
    # a past narrative with no date of its own dates nothing
    assert "vote" not in dates("Two weeks after the vote, the parliament met.", "2011-03-19")
    # months keep the day, at the end of a shorter month too
    assert dates("The strike ended on March 31, a month after the workers walked out.",
                 "2011-04-02")["walked"] == "2011-02-28"


def test_not_since_a_date_dates_the_last_time_it_happened():
    ms, _ = one("Amanda Jones has not been seen since August 14, 2005, when she was 26.",
                "2011-01-28")
    assert [(m.trigger.text, m.date) for m in ms] == [("seen", "2005-08-14")]
    # not a perfect: still negated
    ms, c = one("Troops did not leave since November 12.")
    assert ms == [] and c["dropped:negated"] == 1


def test_a_time_after_since_qualifies_the_clause_before_it():
    ms, _ = one("He is missing, having not contacted anyone since Friday morning - three days "
                "after the protests began.", "2011-01-31")
    by_trigger = {m.trigger.text: m.date for m in ms}
    assert by_trigger["contacted"] == "2011-01-28"
    assert by_trigger["began"] == "2011-01-25"


def test_a_copula_before_the_time_is_its_clause_predicate():
    ms, _ = one("The anniversary of the accident is Friday, and several events are planned "
                "for Thursday.", "2011-01-27")
    assert {(m.trigger.text, m.date) for m in ms} == {("is", "2011-01-28"),
                                                      ("planned", "2011-01-27")}


def test_should_is_an_expectation_not_a_doubt():
    ms, _ = one("Installation work on the new cap should start today.", "2010-07-10")
    assert [(m.trigger.text, m.date, m.modality) for m in ms] == \
        [("start", "2010-07-10", "planned")]
    ms, c = one("The army could enter the city on November 25.")
    assert ms == [] and c["dropped:hypothetical"] == 1


def test_a_year_after_for_and_a_noun_is_a_period_not_a_date():
    ms, c = one("The airline modestly lowered its forecasts for 2009.", "2008-10-16")
    assert ms == [] and c["dropped:period"] == 1
    ms, _ = one("The referendum was scheduled for 2012.", "2008-10-16")
    assert [(m.trigger.text, m.date) for m in ms] == [("scheduled", "2012")]


def test_a_weekday_in_a_named_month_leaves_the_date_to_the_month():
    ms, _ = one("The family took up two lanes on a busy Saturday night in January 1999.",
                "2011-02-11")
    assert [(m.trigger.text, m.date) for m in ms] == [("took", "1999-01")]


def test_a_verb_takes_its_own_time_not_a_page_stamp_or_dateline():
    # a page stamp and a dateline before the lead: the verb's own day is the one beside it
    ms, _ = one("Friday, February 20, 2009; Page D01 NEW YORK, Feb. 19 -- The Dow Jones "
                "industrial average slid to its lowest level in six years Thursday on fears "
                "about the weak financial system.", published="2009-02-20")
    assert [m.date for m in ms if m.trigger.text == "slid"] == ["2009-02-19"]
    ms, _ = one("LONDON | Fri Aug 26, 2011 4:18 pm BST LONDON (Reuters) - Oil prices are "
                "likely to stay above $100 a barrel next year, a Reuters poll showed.",
                published="2011-08-26")
    assert [m.date for m in ms if m.trigger.text == "stay"] == ["2012"]


def test_coordinated_days_of_one_verb_both_stay():
    ms, _ = one("Protesters marched through the capital on Monday and Tuesday, police said.",
                published="2020-11-20")
    assert sorted(m.date for m in ms if m.trigger.text == "marched") == \
        ["2020-11-16", "2020-11-17"]


def test_a_determiner_standing_alone_is_a_subject():
    # "some chanted Friday": the past form after a pronoun-like "some" is the verb of Friday
    ms, _ = one("'Tomorrow Yemen will open the prison,' some chanted Friday, according to "
                "Human Rights Watch.", published="2011-02-12")
    assert any(m.trigger.text == "chanted" and m.date == "2011-02-11" for m in ms)
    # and "some injured people" keeps its adjective
    ms, _ = one("Some injured people were taken to hospital on Friday.", published="2011-02-12")
    assert all(m.trigger.text != "injured" for m in ms)


def test_a_present_progressive_plan_looks_forward():
    # written on Saturday 12 February: the rally "on Monday" is the coming one
    ms, _ = one("Authorities blocked several websites that are promoting a rally on Monday, "
                "Saham News reported Saturday.", published="2011-02-12")
    assert any(m.trigger.text == "promoting" and m.date == "2011-02-14" for m in ms)


def test_a_time_word_of_another_phrase_does_not_set_the_tense():
    # "last" belongs to the quarter; "will ... when it unveils on Tuesday" is ahead (Sun 30 Jan)
    ms, _ = one("Analysts say BP will report a profit in the final quarter of last year when it "
                "unveils annual results on Tuesday.", published="2011-01-30")
    assert any(m.trigger.text == "unveils" and m.date == "2011-02-01" for m in ms)


def test_a_gerund_after_a_duration_link_is_the_earlier_event():
    ms, _ = one("Just a day after filing for bankruptcy, Lehman Brothers is heading into court "
                "today.", published="2008-09-16")
    assert [m.date for m in ms if m.trigger.text == "filing"] == ["2008-09-15"]


def test_a_noun_phrase_after_a_duration_link_is_the_linked_event():
    ms, _ = one("Protesters taking to the streets on Wednesday felt the wrath of security "
                "forces, a day after an unparalleled display of public rage.",
                published="2011-01-26")
    assert [m.date for m in ms if m.trigger.text == "display"] == ["2011-01-25"]


def test_a_schedule_told_in_the_past_and_a_forward_bound_look_ahead():
    # written Wednesday 16 June: the payment "was due" on the coming Monday, since cancelled
    ms, _ = one("The company was due to make a dividend payment on Monday, which has now been "
                "canceled.", published="2010-06-16")
    assert any(m.date == "2010-06-21" for m in ms)
    # written Thursday 29 April: "as early as Friday evening" is the next day
    ms, _ = one("Officials said the oil could touch shore in parts of the delta as early as "
                "Friday evening.", published="2010-04-29")
    assert any(m.trigger.text == "touch" and m.date == "2010-04-30" for m in ms)
    # a past day stays past: "the plane was due to land" does not make "landed on Monday" ahead
    ms, _ = one("The plane landed on Monday, a day late.", published="2010-06-16")
    assert [m.date for m in ms if m.trigger.text == "landed"] == ["2010-06-14"]
