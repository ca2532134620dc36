"""Entity extraction over the seed corpus, plus hostile cases."""
from pathlib import Path

import pytest

from dateline import entities as E

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "karabakh-2020"
if not CORPUS.exists():
    CORPUS = Path("/work/shared/corpus/karabakh-2020")


@pytest.fixture(scope="module")
def corpus():
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))}
    mentions = dict(zip(texts, E.extract_many(list(texts.values()))))
    return texts, mentions, E.canonicalize(mentions)


def by_name(entities, name):
    hits = [e for e in entities if e.name == name or name in e.aliases]
    assert hits, f"{name} not found in {[e.name for e in entities]}"
    assert len(hits) == 1, hits
    return hits[0]


def test_offsets_point_into_text(corpus):
    texts, mentions, _ = corpus
    for name, ms in mentions.items():
        for m in ms:
            assert texts[name][m.start:m.end] == m.text
            assert m.type in ("person", "org", "place", "other")


@pytest.mark.parametrize("name,canonical", [
    ("Lachin", "Lachin"), ("Aghdam", "Aghdam"), ("Kalbajar", "Kalbajar"),
    ("Kelbajar", "Kalbajar"), ("Shusha", "Shusha"), ("Stepanakert", "Khankendi"),
    ("Tovuz", "Tovuz"), ("Nagorno-Karabakh", "Nagorno-Karabakh"),
    ("Upper Karabakh", "Nagorno-Karabakh"), ("Azerbaijan", "Azerbaijan"),
    ("Armenia", "Armenia"), ("Russia", "Russia"), ("Turkey", "Turkey"), ("Baku", "Baku"),
])
def test_places(corpus, name, canonical):
    e = by_name(corpus[2], name)
    assert e.name == canonical and e.type == "place"
    assert e.lat is not None and e.lon is not None
    assert not e.is_source


def test_kalbajar_one_entity_both_aliases(corpus):
    e = by_name(corpus[2], "Kalbajar")
    assert {"Kalbajar", "Kelbajar"} <= set(e.aliases)
    assert e.mentions >= 5


@pytest.mark.parametrize("name,role", [
    ("Zakir Hasanov", "Defense Minister"), ("Rustam Muradov", None),
    ("Ilham Aliyev", "President"), ("Vladimir Putin", None), ("Pashinyan", None),
    ("Vahram Poghosyan", None),
])
def test_people(corpus, name, role):
    e = by_name(corpus[2], name)
    assert e.type == "person"
    assert not e.is_source
    if role:
        assert e.roles[0] == role


def test_roles_detail(corpus):
    ents = corpus[2]
    assert "Colonel General" in by_name(ents, "Zakir Hasanov").roles
    assert "Lieutenant General" in by_name(ents, "Rustam Muradov").roles


def test_surname_resolves_to_full_name(corpus):
    texts, mentions, ents = corpus
    aliyev = by_name(ents, "Ilham Aliyev")
    assert "Aliyev" in aliyev.aliases  # 003 says only "Aliyev"
    assert aliyev.mentions >= 3
    doc = "002_6414ef0f6e107aab.txt"
    full = [m for m in mentions[doc] if m.canonical == "Ilham Aliyev"]
    assert len(full) == 2


@pytest.mark.parametrize("name", ["Trend", "Azernews", "TODAY.AZ", "Vafa Ismayilova",
                                  "GORDON"])
def test_sources_are_not_actors(corpus, name):
    e = by_name(corpus[2], name)
    assert e.is_source


def test_every_trend_mention_is_a_source(corpus):
    _, mentions, _ = corpus
    for ms in mentions.values():
        for m in ms:
            if m.text == "Trend":
                assert m.is_source


def test_entity_dict_schema(corpus):
    for e in corpus[2]:
        d = e.to_dict()
        assert set(d) == {"id", "name", "type", "aliases", "mentions", "lat", "lon"}
        assert d["id"] == E.entity_id(e.type, e.name)
        assert d["aliases"][0] == d["name"]
    ids = [e.id for e in corpus[2]]
    assert len(ids) == len(set(ids))


def test_deterministic(corpus):
    texts, mentions, ents = corpus
    again = E.canonicalize(dict(zip(texts, E.extract_many(list(texts.values())))))
    assert [e.to_dict() for e in again] == [e.to_dict() for e in ents]


def test_nice_weather_is_not_a_place():
    ms = E.extract("Nice weather brought crowds to the beach on Sunday.")
    assert not [m for m in ms if m.type == "place"]


def test_nice_the_city():
    ms = E.extract("The summit was held in Nice, France, on Monday.")
    places = {m.canonical for m in ms if m.type == "place"}
    assert {"Nice", "France"} <= places


def test_georgia_one_entity_per_document():
    text = ("Georgia's government met in Tbilisi. Protesters in Georgia demanded a new "
            "election. Georgia said it would respond.")
    ms = E.extract(text)
    ids = {m.place_id for m in ms if m.text == "Georgia"}
    assert len(ids) == 1
    ents = E.canonicalize([ms])
    assert len([e for e in ents if "Georgia" in e.aliases]) == 1


def test_byline_and_agency_patterns():
    text = ("WASHINGTON (Reuters) - The talks ended, Reuters reported.\n"
            "By John Smith\n"
            "(CNN) The ceasefire held, according to Interfax.")
    ms = E.extract(text)
    src = {m.text for m in ms if m.is_source}
    assert {"Reuters", "John Smith", "CNN", "Interfax"} <= src
    assert not any(m.is_source and m.text == "WASHINGTON" for m in ms)


def test_titled_person_and_acronym():
    text = ("The Collective Security Treaty Organization (CSTO) met. "
            "Prime Minister Nikol Pashinyan said the CSTO would help.")
    ms = E.extract(text)
    p = [m for m in ms if m.type == "person"]
    assert p and p[0].canonical == "Nikol Pashinyan" and p[0].role == "Prime Minister"
    orgs = {m.canonical for m in ms if m.type == "org"}
    assert "Collective Security Treaty Organization" in orgs


def test_russian_paragraph(corpus):
    texts, mentions, _ = corpus
    doc = "001_3eda8102157fd795.txt"
    cyr = [m for m in mentions[doc] if any("\u0400" <= c <= "\u04ff" for c in m.text)]
    names = {m.canonical for m in cyr if m.type == "place"}
    assert {"Turkey", "Russia", "Karabakh"} <= names


def test_empty_and_batch():
    assert E.extract("") == []
    out = E.extract_many(["Putin met Aliyev in Moscow.", "", "Nothing here."], ["en", None, "en"])
    assert len(out) == 3 and out[1] == []


def test_org_word_order_and_spelling_merge():
    """"Ministry of Defense" and "Defense Ministry" (and "Defence") are one organisation;
    a country's ministry does not swallow a bare one, nor another country's."""
    def org(text):
        return E.EntityMention(0, len(text), text, "org", text)
    ents = E.canonicalize({"a": [org("Azerbaijani Ministry of Defense")],
                           "b": [org("Azerbaijani Defense Ministry"), org("Defense Ministry")],
                           "c": [org("the Azerbaijani Defence Ministry"), org("Ministry of Defense"),
                                 org("Turkish Ministry of National Defense")]})
    by_alias = {a: e for e in ents for a in e.aliases}
    az = by_alias["Azerbaijani Ministry of Defense"]
    assert by_alias["Azerbaijani Defense Ministry"] is az
    assert by_alias["the Azerbaijani Defence Ministry"] is az and az.mentions == 3
    bare = by_alias["Defense Ministry"]
    assert bare is by_alias["Ministry of Defense"] and bare is not az
    assert by_alias["Turkish Ministry of National Defense"] not in (az, bare)


def test_bare_ministry_is_the_documents_qualified_one():
    """In one article, "the Defense Ministry" after "the Azerbaijani Defense Ministry" is that
    ministry; with two countries' ministries in the article it stays apart."""
    one = ("The Azerbaijani Defense Ministry accused Armenia of shelling Tartar. "
           "Units entered the Lachin region on December 1, the Ministry of Defense said.")
    orgs = {m.text: m.canonical for m in E.extract(one) if m.type == "org"}
    assert orgs.get("Ministry of Defense") == orgs.get("Azerbaijani Defense Ministry") is not None
    two = ("The Azerbaijani Defense Ministry accused Armenia of shelling Tartar. "
           "The Armenian Defense Ministry denied it. Later the Defense Ministry said talks failed.")
    orgs = {m.text: m.canonical for m in E.extract(two) if m.type == "org"}
    assert orgs["Defense Ministry"] == "Defense Ministry"      # not "Later the Defense Ministry"


def test_names_spelled_with_and_without_accents_are_one_person():
    ents = E.canonicalize({"a": E.extract("Union leader João Silva said the strike would go on."),
                           "b": E.extract("Joao Silva, the union leader, rejected the offer.")})
    silva = [e for e in ents if e.type == "person"]
    assert len(silva) == 1 and silva[0].mentions == 2
    assert set(silva[0].aliases) == {"João Silva", "Joao Silva"}


def test_bylines_datelines_and_adjectives():
    """A byline with its outlet, a dateline's agency in brackets: sources. A nationality
    adjective that is a town somewhere is no place; a name cut before "of Lisbon" is none."""
    ms = E.extract("By Marta Reis, Iberia Press\n\nLISBON, March 4 (Iberia Press) - Dockworkers at "
                   "the Port of Lisbon walked out, costing ships to Spanish ports.")
    got = {(m.text, m.type, m.is_source) for m in ms}
    assert ("Marta Reis", "person", True) in got and ("Iberia Press", "org", True) in got
    assert not any(m.text in ("Spanish", "Port of") for m in ms)
    assert ("Lisbon", "place", False) in got and ("LISBON", "place", False) in got


def test_a_word_the_text_writes_in_lower_case_is_no_name():
    """"Ceasefire" (the end of a protocol's name, cut off by the NER) is the word the story
    writes as "ceasefire"; a name a reader once writes in lower case stays a name."""
    from dateline.entities import extract
    text = ("The armed conflict ended with the signing of the Bishkek Protocol on Armistice and "
            "Ceasefire, but from time to time armed clashes broke out. The ceasefire of 1994 held "
            "for years, and a new ceasefire was agreed in 2020.")
    assert "Ceasefire" not in {m.canonical for m in extract(text) if m.type in ("person", "org")}
    text = ("Rhayader council met on Monday. Rhayader is a market town. Rhayader voted.\n\n"
            "A reader wrote: my family came from around rhayader.")
    assert "Rhayader" in {m.canonical for m in extract(text)}


def test_new_york_is_the_city_unless_written_as_the_state():
    def where(t):
        return [(m.text, m.place_id) for m in E.extract(t) if m.type == "place"
                and m.text == "New York"]
    city = [("New York", "gn:5128581")]
    assert where("Rallies continued in New York and Washington on Saturday.") == city
    assert where("He teaches at the City University of New York.") == city
    assert where("Rallies in Paris, London, New York and Rome.") == city
    state = [("New York", "us:NY")]
    assert where("Rochester, New York plunged to 17 degrees below zero.") == state
    assert where("Snow fell across upstate New York on Monday.") == state
    assert where("He was born in Buffalo, New York, in 1950.") == state


def test_a_place_noun_and_of_say_the_name_is_a_place():
    ms = E.extract("Rebels advanced on the oil port of Brega, and fought for the town of "
                   "Bin Jawad.")
    at = {m.text: m.label for m in ms}
    assert at["Brega"].endswith("+AT") and at["Bin Jawad"].endswith("+AT")
    # and across the corpus a "person" the text puts people in is a place
    ents = E.canonicalize([ms])
    assert {e.name: e.type for e in ents}["Brega"] == "place"


def test_a_rig_or_a_storm_is_a_thing_not_a_person():
    docs = ["High waves from tropical storm Alex will delay BP's work. Forecasters said Alex "
            "was expected to become a hurricane.",
            "Oil has gushed since the BP-leased oil rig Deepwater Horizon exploded April 20, "
            "killing 11 workers.",
            "BP faces scrutiny over its role in the massive Deepwater Horizon rig spill.",
            "New figures mean Deepwater Horizon is producing a spill every four days.",
            "Gulf after deadly explosions sank the Transocean Horizon rig in late April.",
            "BP said the BP oil spill would cost it dearly. BP shares fell."]
    ents = E.canonicalize([E.extract(t) for t in docs])
    types = {e.name: e.type for e in ents}
    assert types["Alex"] == "other" and types["Deepwater Horizon"] == "other"
    assert types["BP"] == "org"
    # the bare "Horizon" of the rig joins it
    assert "Horizon" in by_name(ents, "Deepwater Horizon").aliases


def test_a_site_the_gazetteer_lacks_is_at_its_town():
    docs = ["Protests continued in Cairo 's Tahrir Square before dawn.",
            "You are looking at Tahrir Square in Cairo today.",
            "Crowds filled Tahrir Square again."]
    ents = E.canonicalize([E.extract(t) for t in docs])
    sq = by_name(ents, "Tahrir Square")
    cairo = by_name(ents, "Cairo")
    assert sq.type == "place" and (sq.lat, sq.lon) == (cairo.lat, cairo.lon)
    assert sq.place_id is None   # a point, not Cairo itself


def test_a_town_spelled_without_its_article_or_doubled_letter_gets_its_point():
    docs = ["Rebels in Libya advanced on the oil port of Brega, east of Benghazi.",
            "Fighting went on in Brega and in Libya's east.",
            "Rebels regrouped in the town of Bin Jawad, and in Bin Jawad they dug in.",
            "Libya's army shelled Benghazi and Tripoli."]
    ents = E.canonicalize([E.extract(t) for t in docs])
    brega, jawad = by_name(ents, "Brega"), by_name(ents, "Bin Jawad")
    assert brega.type == "place" and brega.country == "LY" and 30 < brega.lat < 31
    assert jawad.type == "place" and jawad.country == "LY" and 30 < jawad.lat < 31
