"""The web app in a real browser: Debian's /usr/bin/chromium driven by the Python playwright
package (Playwright cannot download its own browsers here; see ci/install-browser.sh).

Clicks timeline -> event -> source highlight, zooms the date axis, runs a search, opens an entity
page; checks no Content-Security-Policy violation happens. Screenshots go to a tmp dir and are
copied to /tmp/dateline-shots/."""
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip("no /usr/bin/chromium (run ci/install-browser.sh)", allow_module_level=True)
pytest.importorskip("starlette", reason="the web extra (starlette, jinja2, uvicorn) is not installed")
uvicorn = pytest.importorskip("uvicorn", reason="the web extra is not installed")
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright Python package is not installed")

from dateline.pipeline import build  # noqa: E402
from dateline.web.app import create_app  # noqa: E402

SHOTS = Path("/tmp/dateline-shots")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(seed_dir, tmp_path_factory):
    db = tmp_path_factory.mktemp("browser") / "seed.db"
    report = build([str(seed_dir)], str(db), workers=1)
    assert not report.failed
    port = _free_port()
    config = uvicorn.Config(create_app(str(db), allowed_hosts=["127.0.0.1"]), host="127.0.0.1",
                            port=port, log_level="warning")
    srv = uvicorn.Server(config)
    t = threading.Thread(target=srv.run, daemon=True)
    t.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.1)
    assert srv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    t.join(10)


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    d = tmp_path_factory.mktemp("shots")
    yield d
    SHOTS.mkdir(parents=True, exist_ok=True)
    for p in d.glob("*.png"):
        shutil.copy(p, SHOTS / p.name)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    pg.problems = []
    pg.on("console", lambda m: pg.problems.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.problems.append(str(e)))
    yield pg
    ctx.close()


def test_timeline_event_source_highlight(server, page, shots):
    page.goto(server + "/")
    page.wait_for_selector("#axis svg .mark")
    marks = page.locator("#axis svg .mark").count()
    items = page.locator("#events li.event").count()
    # the axis opens on the story window (history drawn only under "all", below)
    assert 0 < marks <= items and items > 5
    assert page.locator("#axis .story-band").count() == 1
    assert page.locator("#events li.event.background").count() >= 1
    page.screenshot(path=str(shots / "01-timeline.png"), full_page=True)
    # zoom to the story window, then to a month: fewer events in view, day ticks appear
    page.click("button[data-zoom=story]")
    page.screenshot(path=str(shots / "02-timeline-story.png"))
    before = page.inner_text("#axis-range")
    page.click("button[data-zoom=month]")
    after = page.inner_text("#axis-range")
    assert before != after
    page.click("button[data-zoom=decade]")
    page.click("button[data-zoom=all]")
    assert page.locator("#axis svg .mark").count() == items
    # open the event with the most sources
    best = max(range(items), key=lambda i: int(
        page.locator("#events li.event .sources").nth(i).inner_text().split()[0]))
    link = page.locator("#events li.event a.summary").nth(best)
    summary = link.inner_text()
    link.click()
    page.wait_for_selector("h1.summary")
    assert page.inner_text("h1.summary") == summary
    event_id = page.url.rsplit("/", 1)[1]
    data = page.request.get(f"{server}/events/{event_id}.json").json()
    quotes = [s["quote"] for s in data["sources"]]
    shown = page.locator("li.source mark.quote").all_inner_texts()
    assert shown == quotes, "each highlighted sentence is exactly its quote"
    for i, s in enumerate(data["sources"]):
        meta = data["documents"][s["doc"]]
        head = page.locator("li.source .source-head").nth(i).inner_text()
        if meta["source"]:
            assert meta["source"] in head
    page.screenshot(path=str(shots / "03-event.png"), full_page=True)
    # from a source into its article, the same sentence highlighted in place
    page.locator("li.source a.doc-title").first.click()
    page.wait_for_selector("mark.quote#hl")
    assert page.inner_text("mark.quote#hl") == quotes[0]
    assert page.locator("mark.quote#hl").is_visible()
    page.screenshot(path=str(shots / "04-article-highlight.png"))
    assert not page.problems, page.problems


def test_search_and_entity_page(server, page, shots):
    page.goto(server + "/")
    page.fill("header input[name=q]", "ceasefire")
    page.press("header input[name=q]", "Enter")
    page.wait_for_selector("ol.hits li")
    assert "/search?q=ceasefire" in page.url
    assert page.locator(".results mark").count() > 0
    assert "ceasefire" in page.locator(".results mark").first.inner_text().lower()
    page.screenshot(path=str(shots / "05-search.png"), full_page=True)
    page.goto(server + "/places")
    page.wait_for_selector("svg.map circle")
    page.screenshot(path=str(shots / "06-places.png"), full_page=True)
    page.goto(server + "/entities")
    page.get_by_role("link", name="Lachin", exact=True).first.click()
    page.wait_for_selector("h1")
    assert page.inner_text("h1") == "Lachin"
    assert page.locator("svg.map .dot.here").count() == 1
    assert page.locator("ul.mentions li mark").count() >= 1
    page.screenshot(path=str(shots / "07-entity.png"), full_page=True)
    for path in ("/commitments", "/conflicts", "/documents"):
        page.goto(server + path)
        page.screenshot(path=str(shots / f"08{path.replace('/', '-')}.png"), full_page=True)
    assert not page.problems, page.problems


def test_filters_in_the_browser(server, page, shots):
    page.goto(server + "/")
    page.check("input[name=background]")
    page.click("form.filters button[type=submit]")
    page.wait_for_selector("#events")
    assert "background=hide" in page.url
    assert page.locator("#events li.event.background").count() == 0
    assert not page.problems, page.problems


def test_digest_sentence_to_article(server, page, shots):
    """Digest -> change the number of days in the form -> a sentence's source link opens its
    article with that very sentence highlighted."""
    page.goto(server + "/")
    page.click("nav a[href='/digest']")
    page.wait_for_selector("ol.digest li")
    page.fill("input[name=dates]", "4")
    page.fill("input[name=sentences]", "2")
    page.click("form.filters button[type=submit]")
    page.wait_for_selector("ol.digest li")
    assert "dates=4" in page.url and page.locator("ol.digest > li").count() == 4
    page.screenshot(path=str(shots / "08-digest.png"), full_page=True)
    data = page.request.get(f"{server}/digest.json?dates=4&sentences=2").json()
    first = data["days"][0]["sentences"][0]
    page.locator("ol.digest footer a").first.click()
    page.wait_for_selector("mark.quote#hl")
    assert page.inner_text("mark.quote#hl") == first["quote"]
    assert not page.problems, page.problems


def test_sorting_and_facets_in_the_browser(server, page, shots):
    """Click a column header: the rows come back in that order (click again: reversed);
    click a facet value: the list narrows to the rows with it, as many as its count."""
    page.goto(server + "/documents")
    page.click("th a.sort[data-sort=title]")
    page.wait_for_url("**sort=title**")
    titles = page.locator("table.table tbody tr td:nth-child(3)").all_inner_texts()
    assert len(titles) > 2
    assert page.request.get(server + "/documents.json?sort=title").json()["sort"] == "title"
    page.click("th a.sort[data-sort=title]")
    page.wait_for_url("**desc=1**")
    again = page.locator("table.table tbody tr td:nth-child(3)").all_inner_texts()
    assert again != titles and sorted(again) == sorted(titles)
    page.screenshot(path=str(shots / "09-documents-sorted.png"), full_page=True)
    page.goto(server + "/")
    fv = page.locator(".facet[data-facet=relevance] a.fv[data-value=background]")
    n = int(fv.locator(".n").inner_text())
    fv.click()
    page.wait_for_url("**relevance=background**")
    assert page.locator("#events li.event").count() == n
    assert page.locator("#events li.event.background").count() == n
    page.screenshot(path=str(shots / "10-timeline-facet.png"), full_page=True)
    page.goto(server + "/conflicts")
    page.click(".facet[data-facet=classification] a.fv[data-value=approximate]")
    page.wait_for_url("**classification=approximate**")
    assert page.locator("section.conflict").count() == 1
    assert "approximate" in page.locator("section.conflict h2").inner_text()
    page.screenshot(path=str(shots / "11-conflicts-facet.png"), full_page=True)
    assert not page.problems, page.problems


def test_source_link_scrolls_the_sentence_below_the_sticky_bar(server, page, shots):
    """A link to a sentence low in a long article lands with the sentence in the viewport,
    under the sticky header rather than behind it (CSS scroll-margin-top, no script)."""
    page.set_viewport_size({"width": 1280, "height": 700})
    docs = page.request.get(server + "/documents.json").json()["documents"]
    best = None
    for d in docs:
        full = page.request.get(f"{server}/documents/{d['id']}.json").json()
        for e in full["events"]:
            if best is None or e["start"] > best[1]:
                best = (d["id"], e["start"], e["end"])
    doc, a, b = best
    page.goto(f"{server}/documents/{doc}?hl={a}-{b}#hl")
    page.wait_for_selector("mark.quote#hl")
    page.wait_for_timeout(300)
    bar = page.locator("header.top").bounding_box()
    box = page.locator("mark.quote#hl").bounding_box()
    assert page.evaluate("window.scrollY") > 0, "the page scrolled to the sentence"
    assert box["y"] >= bar["y"] + bar["height"], (box, bar)
    assert box["y"] < 700
    page.screenshot(path=str(shots / "12-scrolled-to-sentence.png"))
    assert not page.problems, page.problems


def test_how_to_read_is_linked_from_every_page(server, page, shots):
    for path in ("/", "/documents", "/commitments", "/conflicts", "/entities"):
        page.goto(server + path)
        assert page.locator("header.top a.howto-link").count() == 1, path
    page.click("header.top a.howto-link")
    page.wait_for_url("**/how-to-read")
    assert page.inner_text("h1") == "How to read this"
    for term in ("reported", "planned", "importance", "background", "date uncertain", "met late",
                 "agreement term"):
        assert page.locator("dt", has_text=term).count() >= 1, term
    page.screenshot(path=str(shots / "13-how-to-read.png"), full_page=True)
    assert not page.problems, page.problems
