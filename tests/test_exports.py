"""Export formats (issue 6): csv, timelinejs, ics, geojson, plover, html — all derived from the
dateline/1 dict. Two inputs: a hand-made dateline/1 dict with hostile text, commitments and
conflicts (fast, covers every field), and the seed corpus build (the real thing; commitments and
conflicts may be empty there). Browser checks are in test_timelinejs_browser.py."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from dateline.export import EXTENSIONS, FORMATS, MEDIA_TYPES, write
from dateline.export import csv_, geojson_, html, ics, plover, timelinejs
from dateline.settings import SETTINGS

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'


def _span(text: str, needle: str) -> tuple[int, int]:
    i = text.index(needle)
    return i, i + len(needle)


def make_sample() -> dict:
    """A small dateline/1 export with every section filled, hostile text in every text field."""
    t1 = (f"On March 1, 2021, troops attacked the village {HOSTILE} near Baku. "
          "The sides signed a ceasefire on March 2, 2021 in Moscow. "
          "=HYPERLINK(\"http://evil.example/\",\"click\") said the statement. "
          "In 1994 a ceasefire ended the war. "
          "Azerbaijan will withdraw its forces from Lachin by March 20, 2021.")
    t2 = "Officials said 12 soldiers died. <a href=\"javascript:window.__pwned=3\">More</a> about the deal."
    s_attack = _span(t1, f"On March 1, 2021, troops attacked the village {HOSTILE} near Baku.")
    s_sign = _span(t1, "The sides signed a ceasefire on March 2, 2021 in Moscow.")
    s_formula = _span(t1, "=HYPERLINK(\"http://evil.example/\",\"click\") said the statement.")
    s_1994 = _span(t1, "In 1994 a ceasefire ended the war.")
    s_withdraw = _span(t1, "Azerbaijan will withdraw its forces from Lachin by March 20, 2021.")
    s_t2 = _span(t2, "Officials said 12 soldiers died.")

    def src(doc, text, span, trigger=None, attributed_to=None):
        trig = None
        if trigger:
            a = text.index(trigger, span[0])
            trig = {"text": trigger, "start": a, "end": a + len(trigger)}
        return {"doc": doc, "quote": text[span[0]:span[1]], "start": span[0], "end": span[1],
                "trigger": trig, "attributed_to": attributed_to}

    def doc(id_, text, **kw):
        d = {"id": id_, "path": f"/tmp/{id_}.txt", "source": None, "title": None, "url": None,
             "published": None, "published_how": None, "languages": ["en"], "duplicate_of": None,
             "text": text, "dropped": [], "repeated": [], "times": []}
        d.update(kw)
        return d

    return {
        "schema": "dateline/1",
        "as_of": "2021-03-03",
        "documents": [
            doc("d1", t1, source=f"Hostile {HOSTILE} News", title=f"<script>window.__pwned=4</script>Title",
                url="javascript:window.__pwned=5", published="2021-03-03", published_how="metadata"),
            doc("d2", t2, source="Plain Wire", title="Second", url="https://example.org/a?b=1&c=2",
                published="2021-03-02", published_how="text"),
        ],
        "entities": [
            {"id": "e-baku", "name": "Baku", "type": "place", "aliases": ["Baku", "Bakı"], "mentions": 3,
             "lat": 40.37767, "lon": 49.89201},
            {"id": "e-lachin", "name": f"Lachin{HOSTILE}", "type": "place", "aliases": ["Lachin", "Laçın"],
             "mentions": 2, "lat": 39.6383, "lon": 46.5464},
            {"id": "e-moscow", "name": "Moscow", "type": "place", "aliases": ["Moscow"], "mentions": 1,
             "lat": 55.75222, "lon": 37.61556},
            {"id": "e-nowhere", "name": "Nowhere", "type": "place", "aliases": [], "mentions": 1,
             "lat": None, "lon": None},
            {"id": "e-az", "name": "Azerbaijan", "type": "place", "aliases": [], "mentions": 1,
             "lat": 40.5, "lon": 47.5},
            {"id": "e-off", "name": "Officials <b>", "type": "person", "aliases": [], "mentions": 1,
             "lat": None, "lon": None},
        ],
        "events": [
            {"id": "ev1994", "date": "1994", "summary": "In 1994 a ceasefire ended the war.", "actors": [],
             "places": [], "modality": "asserted", "sources": [src("d1", t1, s_1994, "ceasefire")],
             "importance": 1.0, "background": True},
            {"id": "ev-month", "date": "2021-02", "summary": "Something happened in February 2021.",
             "actors": [], "places": ["e-nowhere"], "modality": "reported", "sources": [], "importance": 0.5,
             "background": False},
            {"id": "ev-attack", "date": "2021-03-01", "summary": t1[s_attack[0]:s_attack[1]],
             "actors": ["e-off"], "places": ["e-baku", "e-baku"], "modality": "asserted",
             "sources": [src("d1", t1, s_attack, "attacked"), src("d2", t2, s_t2, "died", "e-off")],
             "importance": 2.0, "background": False},
            {"id": "ev-sign", "date": "2021-03-02", "summary": t1[s_sign[0]:s_sign[1]], "actors": [],
             "places": ["e-moscow"], "modality": "asserted", "sources": [src("d1", t1, s_sign, "signed")],
             "importance": 1.5, "background": False},
            {"id": "ev-formula", "date": "2021-03-02", "summary": t1[s_formula[0]:s_formula[1]],
             "actors": [], "places": [], "modality": "reported",
             "sources": [src("d1", t1, s_formula, "said")], "importance": 0.1, "background": False},
        ],
        "commitments": [
            {"id": "c-withdraw", "who": ["e-az"], "what": f"withdraw forces from Lachin {HOSTILE}",
             "places": ["e-lachin"], "deadline": "2021-03-20",
             "deadlines": [{"date": "2021-03-20", "doc": "d1", "quote": t1[s_withdraw[0]:s_withdraw[1]]},
                           {"date": "2021-03-25", "doc": "d2", "quote": "by March 25"}],
             "status": "pending", "evidence": [],
             "sources": [{"doc": "d1", "quote": t1[s_withdraw[0]:s_withdraw[1]], "start": s_withdraw[0],
                          "end": s_withdraw[1]}]},
            {"id": "c-met", "who": [], "what": "sign a ceasefire", "places": ["e-moscow"], "deadline": "2021-03-02",
             "deadlines": [], "status": "met", "evidence": ["ev-sign"], "sources": []},
            {"id": "c-undated", "who": [], "what": "talks some day", "places": [], "deadline": None,
             "deadlines": [], "status": "unknown", "evidence": [], "sources": []},
        ],
        "conflicts": [
            {"id": "x-dead", "about": f"soldiers killed {HOSTILE}", "kind": "number",
             "claims": [{"value": "12", "doc": "d2", "quote": "Officials said 12 soldiers died."},
                        {"value": "<b>15</b>", "doc": "d1", "quote": HOSTILE}]},
        ],
    }


@pytest.fixture
def sample() -> dict:
    return make_sample()


def render(fmt: str, data) -> str:
    buf = io.StringIO()
    FORMATS[fmt](data, buf)
    return buf.getvalue()


# -- the registry --------------------------------------------------------------------------

def test_registry_names_and_metadata():
    assert set(FORMATS) == {"json", "csv", "timelinejs", "ics", "geojson", "plover", "html"}
    assert set(EXTENSIONS) == set(FORMATS) == set(MEDIA_TYPES)
    with pytest.raises(ValueError, match="unknown export format"):
        write("pdf", {}, io.StringIO())


def test_sample_is_valid_dateline1(sample):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "src/dateline/schema/dateline-1.schema.json").read_text())
    # one event deliberately has no source (the writers must not crash on it); the schema
    # asks for at least one, so it is left out of this check
    valid = dict(sample, events=[ev for ev in sample["events"] if ev["sources"]])
    jsonschema.validate(valid, schema)
    for d in sample["documents"]:  # our fixture keeps the offsets contract too
        text = d["text"]
        for ev in sample["events"]:
            for s in ev["sources"]:
                if s["doc"] == d["id"]:
                    assert text[s["start"]:s["end"]] == s["quote"]


@pytest.mark.parametrize("fmt", ["json", "csv", "timelinejs", "geojson", "plover", "html"])
def test_paths_streams_and_determinism(fmt, sample, tmp_path, capsys):
    out = tmp_path / f"out{EXTENSIONS[fmt]}"
    FORMATS[fmt](sample, str(out))
    first = out.read_bytes()
    FORMATS[fmt](sample, out)  # PathLike, overwritten atomically
    assert out.read_bytes() == first
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary file left behind
    assert render(fmt, sample).encode("utf-8") == first
    FORMATS[fmt](sample, "-")
    assert capsys.readouterr().out.encode("utf-8") == first
    first.decode("utf-8")


def test_json_is_the_dict(sample):
    assert json.loads(render("json", sample)) == sample


# -- csv ------------------------------------------------------------------------------------

def test_csv_one_row_per_event_source(sample):
    text = render("csv", sample)
    assert "\r\n" in text
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert list(rows[0]) == csv_.COLUMNS
    assert len(rows) == sum(max(1, len(ev["sources"])) for ev in sample["events"])
    attack = [r for r in rows if r["event_id"] == "ev-attack"]
    assert [r["doc"] for r in attack] == ["d1", "d2"]
    assert attack[0]["actors"] == "Officials <b>" and attack[0]["places"] == "Baku"  # each once
    assert attack[1]["attributed_to"] == "Officials <b>"
    assert attack[1]["outlet"] == "Plain Wire" and attack[1]["published"] == "2021-03-02"
    assert attack[0]["trigger"] == "attacked" and attack[0]["background"] == "false"
    d1 = sample["documents"][0]["text"]
    assert d1[int(attack[0]["start"]):int(attack[0]["end"])] == attack[0]["quote"]  # hostile text kept as is
    month = [r for r in rows if r["event_id"] == "ev-month"]
    assert len(month) == 1 and month[0]["doc"] == "" and month[0]["quote"] == ""
    assert [r["background"] for r in rows if r["event_id"] == "ev1994"] == ["true"]


def test_csv_source_and_date_columns(sample):
    rows = list(csv.DictReader(io.StringIO(render("csv", sample), newline="")))
    by = {(r["event_id"], r["doc"]): r for r in rows}
    assert [by[(e, d)]["precision"] for e, d in (("ev1994", "d1"), ("ev-month", ""),
                                                 ("ev-attack", "d1"))] == ["year", "month", "day"]
    plain = by[("ev-attack", "d2")]
    assert (plain["title"], plain["url"], plain["outlet"]) == (
        "Second", "https://example.org/a?b=1&c=2", "Plain Wire")
    assert plain["uncertain"] == "false" and plain["relevance"] == ""   # absent in this sample
    sample["events"][2].update(uncertain=True, relevance=0.25)
    rows = list(csv.DictReader(io.StringIO(render("csv", sample), newline="")))
    attack = [r for r in rows if r["event_id"] == "ev-attack"]
    assert {r["uncertain"] for r in attack} == {"true"} and {r["relevance"] for r in attack} == {"0.25"}
    # a document's title and url are untrusted text like the rest
    assert by[("ev-attack", "d1")]["url"] == "javascript:window.__pwned=5"


def _strict_csv(text: str) -> list[dict]:
    """Rows of the CSV, checked as pandas' defaults would type them: the exact header, and
    every cell of a typed column a bool, an int, a float or empty where that may be."""
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader)
    assert header == csv_.COLUMNS
    types = {"uncertain": "bool", "background": "bool", "importance": float, "relevance": float,
             "start": int, "end": int}
    out = []
    for line in reader:
        assert len(line) == len(header), line
        row = dict(zip(header, line))
        for col, kind in types.items():
            v = row[col]
            if kind == "bool":
                assert v in ("true", "false"), (col, v)
            elif v != "" or col in ("importance", "relevance", "background", "uncertain"):
                kind(v)   # raises on anything else
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", row["date"])
        assert row["precision"] == csv_.PRECISION[len(row["date"].split("-"))]
        assert row["published"] == "" or re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["published"])
        out.append(row)
    return out


def test_csv_of_a_real_build_has_typed_columns(seed_export):
    data, _ = seed_export
    rows = _strict_csv(render("csv", data))
    assert {r["precision"] for r in rows} >= {"day", "year"}
    assert all(r["outlet"] for r in rows if r["doc"])
    urls = {d["id"]: d["url"] for d in data["documents"]}
    assert all(r["url"] == (urls[r["doc"]] or "") for r in rows if r["doc"])
    import pandas   # a test dependency: what an analyst opens the file with

    frame = pandas.read_csv(io.StringIO(render("csv", data)))   # the defaults, nothing more
    assert list(frame.columns) == csv_.COLUMNS and len(frame) == len(rows)
    assert frame["uncertain"].dtype == bool and frame["background"].dtype == bool
    assert frame["relevance"].dtype.kind == "f" and frame["importance"].dtype.kind == "f"
    assert frame["start"].dtype.kind in "if" and frame["end"].dtype.kind in "if"
    assert set(frame["precision"]) <= {"year", "month", "day"}


def test_csv_guards_spreadsheet_formulas(sample):
    rows = list(csv.DictReader(io.StringIO(render("csv", sample), newline="")))
    f = next(r for r in rows if r["event_id"] == "ev-formula")
    assert f["summary"].startswith("'=HYPERLINK") and f["quote"].startswith("'=HYPERLINK")
    assert int(f["end"]) - int(f["start"]) == len(f["quote"]) - 1  # offsets still point at the raw text
    buf = io.StringIO()
    csv_.write(sample, buf, guard_formulas=False)
    raw = next(r for r in csv.DictReader(io.StringIO(buf.getvalue(), newline="")) if r["event_id"] == "ev-formula")
    assert raw["quote"].startswith("=HYPERLINK")


# -- timelinejs -----------------------------------------------------------------------------

def test_timelinejs_structure(sample):
    tl = json.loads(render("timelinejs", sample))
    assert set(tl) >= {"title", "events"}
    by_id = {e["unique_id"]: e for e in tl["events"]}
    assert len(by_id) == len(tl["events"]) == len(sample["events"])
    assert by_id["ev-ev1994"]["start_date"] == {"year": "1994", "display_date": "1994"}
    assert by_id["ev-ev-month"]["start_date"] == {"year": "2021", "month": "2", "display_date": "February 2021"}
    assert by_id["ev-ev-attack"]["start_date"] == {"year": "2021", "month": "3", "day": "1",
                                                   "display_date": "1 March 2021"}
    assert by_id["ev-ev1994"]["group"] == "Background"
    assert {e["group"] for e in tl["events"]} == {"Background", "Story"}
    # one background date: no era for it (TimelineJS rejects an era whose end equals its start)
    assert tl["eras"] == [{"start_date": {"year": "2021", "month": "2"},
                           "end_date": {"year": "2021", "month": "3", "day": "2"},
                           "text": {"headline": "The story"}}]
    assert "as of 3 March 2021" in tl["title"]["text"]["text"]
    for e in tl["events"]:
        assert re.fullmatch(r"[A-Za-z][\w-]*", e["unique_id"])


def test_timelinejs_escapes_untrusted_text(sample):
    tl = json.loads(render("timelinejs", sample))
    blob = json.dumps(tl, ensure_ascii=False)
    assert "<script" not in blob and "<img" not in blob and "<a " not in blob
    attack = next(e for e in tl["events"] if e["unique_id"] == "ev-ev-attack")
    assert "&lt;script&gt;" in attack["text"]["text"] and "&lt;img src=x onerror=&quot;" in attack["text"]["text"]
    assert "Plain Wire, 2021-03-02 — according to Officials &lt;b&gt;" in attack["text"]["text"]
    assert len(attack["text"]["headline"]) <= SETTINGS.output.HEADLINE_MAX + 40  # escaped, cut


def test_timelinejs_headline_cut_at_word():
    assert timelinejs.headline("word " * 40, 30) == "word word word word word word…"
    assert timelinejs.headline("short") == "short"


# -- ics ------------------------------------------------------------------------------------

def test_ics_deadlines(sample):
    icalendar = pytest.importorskip("icalendar")
    text = render("ics", sample)
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    cal = icalendar.Calendar.from_ical(text)
    events = {str(e["uid"]): e for e in cal.walk("VEVENT")}
    assert set(events) == {"c-withdraw@dateline", "c-met@dateline"}  # the undated one cannot be placed
    w = events["c-withdraw@dateline"]
    assert str(w["summary"]).startswith("Deadline: withdraw forces from Lachin")
    assert w.decoded("dtstart").isoformat() == "2021-03-20"
    assert w.decoded("dtend").isoformat() == "2021-03-21"
    assert w["dtstart"].params.get("VALUE") == "DATE"
    assert w.decoded("dtstamp").isoformat() == "2021-03-03T00:00:00+00:00"  # as_of, not the clock
    desc = str(w["description"])
    assert "Status: pending" in desc and "Who: Azerbaijan" in desc
    assert "Other stated deadlines: 2021-03-25" in desc
    assert "Hostile" in desc and "withdraw its forces from Lachin by March 20, 2021" in desc
    assert str(events["c-met@dateline"]["description"]).startswith("Status: met")
    assert render("ics", sample) == text  # deterministic


def test_ics_without_commitments_is_an_empty_calendar(sample):
    icalendar = pytest.importorskip("icalendar")
    sample["commitments"] = []
    text = render("ics", sample)
    cal = icalendar.Calendar.from_ical(text)
    assert cal.name == "VCALENDAR" and str(cal["version"]) == "2.0" and str(cal["prodid"])
    assert list(cal.walk("VEVENT")) == []


# -- geojson --------------------------------------------------------------------------------

def test_geojson_places(sample):
    geojson = pytest.importorskip("geojson")
    text = render("geojson", sample)
    obj = geojson.loads(text)
    assert obj.is_valid, obj.errors()
    fc = json.loads(text)
    assert fc["type"] == "FeatureCollection"
    by_id = {f["id"]: f for f in fc["features"]}
    assert set(by_id) == {"e-baku", "e-lachin", "e-moscow", "e-az"}  # no coordinates, no feature
    baku = by_id["e-baku"]
    assert baku["geometry"] == {"type": "Point", "coordinates": [49.89201, 40.37767]}  # lon, lat
    assert baku["properties"]["aliases"] == ["Baku", "Bakı"] and baku["properties"]["mentions"] == 3
    assert [e["id"] for e in baku["properties"]["events"]] == ["ev-attack"]  # listed once
    assert by_id["e-moscow"]["properties"]["events"][0] == {
        "id": "ev-sign", "date": "2021-03-02", "summary": sample["events"][3]["summary"],
        "modality": "asserted", "background": False}


# -- plover ---------------------------------------------------------------------------------

def test_plover_records(sample):
    lines = render("plover", sample).splitlines()
    recs = [json.loads(x) for x in lines]
    by_id = {r["event_id"]: r for r in recs}
    assert by_id["ev-attack"]["event_type"] == "ASSAULT"
    assert by_id["ev-sign"]["event_type"] == "AGREE"
    assert by_id["ev1994"]["event_type"] == "AGREE" and by_id["ev1994"]["event_date_precision"] == "year"
    assert "ev-formula" not in by_id and "ev-month" not in by_id  # "said", no trigger: not coded
    texts = {d["id"]: d["text"] for d in sample["documents"]}
    for r in recs:
        assert r["event_type"] in plover.CATEGORIES
        assert texts[r["doc"]][r["start"]:r["end"]] == r["source_text"]
        assert {"event_id", "event_date", "event_type", "mode", "context", "actor", "recipient",
                "location", "story_date", "source_text", "doc", "start", "end"} <= set(r)
    a = by_id["ev-attack"]
    assert a["actor"] == ["Officials <b>"] and a["story_date"] == "2021-03-03"
    assert a["location"][0] == {"name": "Baku", "lat": 40.37767, "lon": 49.89201, "entity_id": "e-baku"}
    assert len(a["sources"]) == 2 and a["coded_by"] == "trigger"
    buf = io.StringIO()
    plover.write(sample, buf, include_unmapped=True)
    allrecs = [json.loads(x) for x in buf.getvalue().splitlines()]
    assert len(allrecs) == len(sample["events"])
    assert {r["event_id"]: r["event_type"] for r in allrecs}["ev-formula"] is None


@pytest.mark.parametrize("trigger,quote,expected", [
    ("withdrawal", "the withdrawal of troops", "RETREAT"),
    ("met", "Aliyev met Putin", "CONSULT"),
    ("sent", "Russia sent 140 planes with its peacekeepers", "MOBILIZE"),
    ("launched", "They launched a large-scale military attack", "ASSAULT"),
    ("entered", "Units of the army entered the region in accordance with an agreement to end the war", "MOBILIZE"),
    ("said", "He said the talks went well", None),
    ("began", "The conflict began in 1988", None),
])
def test_plover_table(trigger, quote, expected):
    a = quote.index(trigger)
    ev = {"summary": quote, "sources": [{"quote": quote, "start": 0, "end": len(quote),
                                         "trigger": {"text": trigger, "start": a, "end": a + len(trigger)}}]}
    assert plover.classify(ev)[0] == expected


# -- html -----------------------------------------------------------------------------------

# what a page would load by itself (links a reader may click are checked apart: only "#..." and
# the documents' own http(s) URLs)
RESOURCE = re.compile(r"""(?:src|action|srcset|poster|data|background|formaction)\s*=\s*["']?\s*(?:https?:|//)|url\(\s*["']?\s*(?:https?:|//)|@import""",
                      re.I)


def test_html_escapes_hostile_text(sample):
    page = render("html", sample)
    assert "<script" not in page.lower()
    assert "<img" not in page.lower()
    assert 'href="javascript' not in page.lower() and "href='javascript" not in page.lower()
    assert "onerror=" not in re.sub(r"&lt;.*?&gt;", "", page)  # only inside escaped text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;" in page
    # the hostile document URL is not a link; the https one is, with no referrer
    assert '<a href="https://example.org/a?b=1&amp;c=2" rel="noreferrer noopener">Second</a>' in page
    assert page.count("<a href=") == 5 + 1  # the nav links and the one safe URL


def check_links(page: str, data: dict) -> None:
    urls = {html._e(d["url"].strip()) for d in data["documents"]
            if (d.get("url") or "").strip().lower().startswith(("http://", "https://"))}
    for href in re.findall(r"""href\s*=\s*["']?([^"' >]*)""", page, re.I):
        assert href.startswith("#") or href in urls, href


def test_html_is_self_contained(sample):
    page = render("html", sample)
    assert not RESOURCE.search(page), RESOURCE.search(page)
    check_links(page, sample)
    assert "<link" not in page and "<iframe" not in page and "<object" not in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


def test_html_sections(sample):
    page = render("html", sample)
    for anchor in ("timeline", "background", "commitments", "conflicts", "sources"):
        assert f'id="{anchor}"' in page
    assert "as of 3 March 2021 · 2 documents · 5 events · 3 commitments · 1 conflict<" in page
    assert page.count('<span class="chip place">Baku</span>') == 1
    story, background = page.split('id="background"', 1)
    assert "In 1994 a ceasefire ended the war." in background.split('id="commitments"')[0]
    assert "<mark>attacked</mark>" in story  # trigger marked inside the quote
    assert "Plain Wire" in story and "according to Officials &lt;b&gt;" in story
    board = page.split('id="commitments"', 1)[1].split('id="conflicts"')[0]
    assert "20 March 2021" in board and "no date" in board
    assert '<div class="col met"><h3><span>Met</span><span>1</span>' in board
    conflicts = page.split('id="conflicts"', 1)[1].split('id="sources"')[0]
    assert "&lt;b&gt;15&lt;/b&gt;" in conflicts


def test_html_empty_reasoning(sample):
    sample["commitments"], sample["conflicts"] = [], []
    page = render("html", sample)
    assert "No commitments were found" in page and "No disagreements between sources" in page


# -- the seed corpus: every format from a real build -------------------------------------------

def test_seed_all_formats(seed_export, tmp_path):
    data, _ = seed_export
    events = data["events"]
    assert events
    rows = list(csv.DictReader(io.StringIO(render("csv", data), newline="")))
    assert len(rows) == sum(max(1, len(ev["sources"])) for ev in events)
    texts = {d["id"]: d["text"] for d in data["documents"]}
    for r in rows:
        if r["doc"] and not r["quote"].startswith("'"):
            assert texts[r["doc"]][int(r["start"]):int(r["end"])] == r["quote"]

    tl = json.loads(render("timelinejs", data))
    assert len(tl["events"]) == len(events)
    for ev, t in zip(events, tl["events"]):  # only the date parts we have
        parts = ("year", "month", "day")[: len(ev["date"].split("-"))]
        assert sorted(set(t["start_date"]) - {"display_date"}) == sorted(parts)
    if any(ev["background"] for ev in events):
        assert any(t["group"] == "Background" for t in tl["events"])

    gj = json.loads(render("geojson", data))
    placed = {e["id"] for e in data["entities"] if e.get("lat") is not None}
    assert {f["id"] for f in gj["features"]} == placed
    geojson = pytest.importorskip("geojson")
    assert geojson.loads(json.dumps(gj)).is_valid

    recs = [json.loads(x) for x in render("plover", data).splitlines()]
    assert recs and all(r["event_type"] in plover.CATEGORIES for r in recs)
    types = {r["event_type"] for r in recs}
    assert {"ASSAULT", "AGREE", "CONSULT", "RETREAT"} <= types, types

    page = render("html", data)
    assert not RESOURCE.search(page)
    check_links(page, data)
    for ev in events:
        assert html._e(ev["summary"]) in page

    icalendar = pytest.importorskip("icalendar")
    cal = icalendar.Calendar.from_ical(render("ics", data))
    dated = [c for c in data["commitments"] if c.get("deadline")]
    assert len(list(cal.walk("VEVENT"))) == len(dated)


def test_html_report_from_a_database_opens_with_the_story_in_brief(seed_build, tmp_path):
    """Made from a database, the report opens with `dateline digest`'s days: each day's
    sentence as it reads, its outlet, and the verbatim quote with its offsets."""
    from dateline.store import Store
    out = tmp_path / "r.html"
    with Store(seed_build, readonly=True) as store:
        html.write(store, str(out))
        texts = {d.id: d.text for d in store.documents(full=True)}
    page = out.read_text(encoding="utf-8")
    assert not RESOURCE.search(page)
    brief = page[page.index('<section id="brief">'):page.index('<section id="timeline">')]
    days = re.findall(r'<div class="date">([^<]+)', brief)
    assert len(days) == SETTINGS.output.BRIEF_DAYS and '<a href="#brief">' in page
    cited = re.findall(r'title="document (\w+), characters (\d+)–(\d+)', brief)
    assert cited
    for doc, a, b in cited:
        quote = texts[doc][int(a):int(b)]
        assert html._e(quote) in brief
    # as an analyst would put it: the war began with the attack of 27 September (not with a
    # later tally of the dead "between September 27 - November 10")
    by_day = dict(re.findall(r'<div class="date">([^<]+)</div><p class="summary">([^<]+)', brief))
    assert "launched a large-scale military attack" in by_day["27 September 2020"]
    # from the export file alone (no database) there is no brief
    assert 'id="brief"' not in render("html", {"schema": "dateline/1", "events": []})


def test_html_brief_escapes_hostile_articles(tmp_path):
    """The "In brief" section shows article sentences and quotes (also in a title attribute):
    markup in them stays text."""
    from dateline.pipeline import build
    from dateline.store import Store
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Talks\n\nKYIV, November 10, 2020 - Troops <script>window.__pwned=1</script> withdrew "
        "from the town on November 9, officials said.\n\nThe \"ceasefire\" <img src=x "
        "onerror=\"window.__pwned=2\"> began on November 10, the army said.\n", encoding="utf-8")
    db = tmp_path / "h.db"
    assert not build([str(corpus)], str(db), workers=1).failed
    out = tmp_path / "h.html"
    with Store(db, readonly=True) as store:
        html.write(store, str(out))
    page = out.read_text(encoding="utf-8")
    brief = page[page.index('<section id="brief">'):page.index('<section id="timeline">')]
    assert "__pwned" in brief                        # the sentences are there ...
    assert "<script" not in page.lower() and "<img" not in page.lower()   # ... as text
    assert "onerror=" not in re.sub(r"&lt;.*?&gt;", "", page)
