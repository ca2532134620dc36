"""The spine over the real seed corpus: metadata, debris, languages, repeated paragraphs."""
import re

from conftest import seed_files

DEBRIS = re.compile(r"\[ad_\d\]|pic\.twitter\.com|READ MORE|^VIDEO$|^URL:|Views:|Print version|"
                    r"Your name:|e-mail:|Recommend news|Connect with us|Discussion about this post|"
                    r"/ YouTube$|^ ?date \d{4}", re.M)


def test_five_documents(seed_export):
    data, docs = seed_export
    assert sorted(docs) == ["000", "001", "002", "003", "004"]
    assert data["as_of"] == "2020-12-03"


def test_publication_dates(seed_export):
    _, docs = seed_export
    assert docs["000"]["published"] == "2020-12-03"
    assert docs["001"]["published"] == "2020-11-14"
    assert docs["002"]["published"] == "2020-11-24"
    for k in ("000", "001", "002"):
        assert docs[k]["published_how"] in ("metadata", "text")
    # no date line: nothing may be claimed as metadata or text (inference is labelled as such)
    for k in ("003", "004"):
        assert docs[k]["published_how"] in (None, "inferred")


def test_sources_and_titles(seed_export):
    _, docs = seed_export
    assert docs["000"]["source"] == "Trend"
    assert docs["001"]["source"] == "Trend"
    assert docs["002"]["source"] == "TODAY.AZ"
    assert docs["002"]["url"] == "http://www.today.az/news/politics/200807.html"
    assert docs["003"]["source"] == "GORDON"
    assert docs["003"]["title"] == "The Azerbaijani army entered the last region of Nagorno-Karabakh"
    assert docs["000"]["title"].startswith("Azerbaijani Defense Minister meets")


def test_no_debris_left(seed_export):
    _, docs = seed_export
    for k, d in docs.items():
        assert not DEBRIS.search(d["text"]), (k, DEBRIS.search(d["text"]))


def test_dropped_lines_come_from_input(seed_export):
    _, docs = seed_export
    files = seed_files()
    total = 0
    for k, d in docs.items():
        raw = files[k].read_text(encoding="utf-8")
        for x in d["dropped"]:
            assert x["text"] in raw, (k, x)
            assert x["reason"]
            total += 1
    assert total >= 15
    reasons = {x["reason"] for d in docs.values() for x in d["dropped"]}
    assert {"ad marker", "view counter", "form field", "URL line", "read-more teaser",
            "embedded social post", "media placeholder"} <= reasons


def test_story_text_kept(seed_export):
    _, docs = seed_export
    assert "Vahram Poghosyan, said on 9 November" in docs["003"]["text"]
    assert "Russian peacekeepers began deploying to Nagorno-Karabakh on Wednesday" in docs["004"]["text"]
    assert "BAKU, Azerbaijan, Dec. 3" in docs["000"]["text"]
    assert "Ninety-four Azerbaijani civilians were killed" in docs["002"]["text"]


def test_languages(seed_export):
    _, docs = seed_export
    assert docs["001"]["languages"] == ["en", "ru"]
    for k in ("000", "002", "003", "004"):
        assert docs[k]["languages"] == ["en"], k


def test_shared_background_paragraphs(seed_export):
    _, docs = seed_export
    a, b = docs["000"], docs["001"]
    rep_a = [r for r in a["repeated"] if b["id"] in r["also_in"]]
    rep_b = [r for r in b["repeated"] if a["id"] in r["also_in"]]
    assert len(rep_a) == 5 and len(rep_b) == 5
    starts = [a["text"][r["start"]:r["end"]][:60] for r in rep_a]
    assert any(s.startswith("Following over a month of military action") for s in starts)
    assert any(s.startswith("The conflict between the two South Caucasus") for s in starts)
    # and nothing else is claimed to be repeated
    for k in ("002", "003", "004"):
        assert docs[k]["repeated"] == []
    assert all(d["duplicate_of"] is None for d in docs.values())


def test_offsets_point_into_text(seed_export):
    _, docs = seed_export
    checked = 0
    for d in docs.values():
        for r in d["repeated"]:
            assert 0 <= r["start"] < r["end"] <= len(d["text"])
            checked += 1
        for t in d["times"]:
            assert d["text"][t["start"]:t["end"]] == t["text"]
            checked += 1
    assert checked > 20   # the seed corpus has dozens of times and repeated paragraphs


def test_embedded_post_dates_an_undated_article(seed_export):
    """004 has no date line; the tweet it embeds (removed as debris) is dated November 13,
    2020, and its deadlines of November 20 are still ahead: published is inferred, and
    'began deploying on Wednesday' resolves against it."""
    data, docs = seed_export
    assert (docs["004"]["published"], docs["004"]["published_how"]) == ("2020-11-13", "inferred")
    deploy = [e for e in data["events"] if "peacekeepers began deploying" in e["summary"]]
    assert deploy and deploy[0]["date"] == "2020-11-11"
    # ... and says that its date rests on an inferred publication date
    assert deploy[0]["uncertain"] and all(s["uncertain"] for s in deploy[0]["sources"])


def test_dates_that_do_not_rest_on_inference_are_not_uncertain(seed_export):
    data, docs = seed_export
    certain_docs = {docs[k]["id"] for k in ("000", "001", "002")}
    for e in data["events"]:
        for s in e["sources"]:
            if s["doc"] in certain_docs:
                assert not s["uncertain"], (e["date"], s["quote"])
    # 003's publication date is inferred, but it states the year ("September 27, 2020"), so
    # "entered the Lachin region on December 1" is a sourced date
    lachin = [e for e in data["events"] if "entered the Lachin region" in e["summary"]]
    assert lachin and lachin[0]["date"] == "2020-12-01" and not lachin[0]["uncertain"]


def test_a_year_guessed_against_the_tense_is_uncertain(tmp_path):
    """A list dated 2 May 2005 with "May 6 : ... was killed": the tagger keeps the nearest
    May 6 (four days ahead), the past tense says otherwise and no year is given: the event
    says its date is uncertain. A plan for May 6, and a past May 1, are not."""
    import json as _json

    from dateline.pipeline import build
    from dateline.store import Store
    from dateline.export.json import export
    rec = {"id": "deaths", "date": "2005-05-02", "source": "Example",
           "text": ("British deaths in Iraq.\n\nMay 6 : Private Andrew Kelly , 18 , was killed in an "
                    "accident near Basra .\n\nThe inquiry will report on May 9 , officials said .\n\n"
                    "On May 1 , a soldier died in a road accident at Al Amarah .")}
    src = tmp_path / "a.jsonl"
    src.write_text(_json.dumps(rec) + "\n", encoding="utf-8")
    db = tmp_path / "a.db"
    assert not build([str(src)], str(db), workers=1).failed
    with Store(db, readonly=True) as store:
        data = export(store)
    by_day = {e["date"]: e for e in data["events"]}
    assert by_day["2005-05-06"]["uncertain"]
    assert not by_day["2005-05-09"]["uncertain"]      # "will report": ahead, as said
    assert not by_day["2005-05-01"]["uncertain"]


def test_a_dateline_without_a_year_takes_the_year_of_the_story(tmp_path):
    """Wire copy with "LISBOA, March 11 (Atlantic Wire) -" and no year anywhere: the article
    is dated 11 March of the year that puts it next to the other articles (inferred, so its
    events say their dates are uncertain), and "on Monday" resolves against it."""
    from dateline.export.json import export
    from dateline.pipeline import build
    from dateline.store import Store
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Dockers strike\n\nLISBON, March 4, 2025 (Iberia Press) - Dockworkers at the port of "
        "Lisbon walked out on Monday over pay.\n", encoding="utf-8")
    (corpus / "b.txt").write_text(
        "Offer rejected\n\nLISBOA, March 11 (Atlantic Wire) - The government presented its "
        "mediation proposal to striking dockworkers on Monday, the ministry said.\n\nThe port "
        "was last shut by a strike in 2012.\n", encoding="utf-8")
    (corpus / "c.txt").write_text(
        "No date at all\n\nThe union said the talks went on.\n", encoding="utf-8")
    db = tmp_path / "d.db"
    rep = build([str(corpus)], str(db), workers=1)
    assert not rep.failed and rep.counters["dated from corpus"] == 1
    with Store(db, readonly=True) as store:
        data = export(store)
    docs = {d["text"].split("\n")[0]: d for d in data["documents"]}
    assert (docs["Offer rejected"]["published"], docs["Offer rejected"]["published_how"]) == \
        ("2025-03-11", "inferred")
    assert docs["No date at all"]["published"] is None       # no dateline: nothing invented
    proposal = [e for e in data["events"] if "mediation proposal" in e["summary"]]
    assert proposal and proposal[0]["date"] == "2025-03-10" and proposal[0]["uncertain"]
