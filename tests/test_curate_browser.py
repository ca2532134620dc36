"""The analyst's edits in a real browser (Debian's /usr/bin/chromium via playwright; see
tests/test_web_browser.py): every curation form of `serve --edit` submitted without
JavaScript help, its effect on the pages, undo; read-only by default (no form, POST refused);
a POST without the server's token, or from another origin, refused; no CSP violation.
Screenshots go to /tmp/dateline-shots/curate-*.png."""
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

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "ever-given"
SHOTS = Path("/tmp/dateline-shots")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]


def _serve(db: Path, edit: bool, editor: str | None = None):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(str(db), allowed_hosts=["127.0.0.1"], edit=edit,
                                                   editor=editor),
                                        host="127.0.0.1", port=port, log_level="warning"))
    t = threading.Thread(target=srv.run, daemon=True)
    t.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.1)
    assert srv.started, "uvicorn did not start"
    return srv, t, f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    db = tmp_path_factory.mktemp("curate-browser") / "story.db"
    assert not build([str(EXAMPLE)], str(db), workers=1).failed
    return db


@pytest.fixture(scope="module")
def servers(built, tmp_path_factory):
    """A read-only server and an editing one, each on its own copy of the database."""
    out = {}
    for mode in ("ro", "edit"):
        db = tmp_path_factory.mktemp(mode) / "story.db"
        shutil.copy(built, db)
        out[mode] = _serve(db, mode == "edit", "anna" if mode == "edit" else None)
    yield {k: v[2] for k, v in out.items()}
    for srv, t, _ in out.values():
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
    # JavaScript off: the forms must work without it (and the strict CSP stays as it is)
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    pg = ctx.new_page()
    pg.problems = []
    pg.on("console", lambda m: pg.problems.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.problems.append(str(e)))
    yield pg
    ctx.close()


def _events(page, server) -> list[dict]:
    return page.request.get(server + "/index.json").json()["events"]


def _one(events, words):
    hits = [e for e in events if words in e["summary"]]
    assert len(hits) == 1, [e["summary"] for e in events]
    return hits[0]


def test_read_only_by_default(servers, page, shots):
    base = servers["ro"]
    ev = _one(_events(page, base), "Tugboats and excavators")
    page.goto(f"{base}/events/{ev['id']}")
    assert page.locator("form[method=post]").count() == 0
    assert page.locator("section.curate").count() == 0
    ent = page.request.get(base + "/entities.json").json()["entities"][0]
    page.goto(f"{base}/entities/{ent['id']}")
    assert page.locator("form[method=post]").count() == 0
    page.goto(f"{base}/commitments")
    assert page.locator("form[method=post]").count() == 0
    page.goto(f"{base}/edits")
    assert "read-only" in page.inner_text("main")
    page.screenshot(path=str(shots / "curate-00-read-only-edits.png"))
    r = page.request.post(base + "/edit", form={"kind": "event", "action": "star", "target": ev["id"],
                                                "csrf": "anything"}, headers={"Origin": base})
    assert r.status == 403 and "read-only" in r.text()
    assert page.request.post(f"{base}/events/{ev['id']}", form={"x": "1"}).status == 405
    assert page.request.get(base + "/edits.json").json() == {"edits": []}
    assert not page.problems, page.problems


def test_posts_without_the_token_or_from_elsewhere_are_refused(servers, page):
    base = servers["edit"]
    ev = _one(_events(page, base), "Traffic through the waterway")
    form = {"kind": "event", "action": "star", "target": ev["id"]}
    r = page.request.post(base + "/edit", form=form, headers={"Origin": base})
    assert r.status == 403 and "token" in r.text()
    page.goto(f"{base}/events/{ev['id']}")
    token = page.locator("#f-star input[name=csrf]").get_attribute("value")
    assert token and len(token) >= 32
    r = page.request.post(base + "/edit", form={**form, "csrf": token + "x"}, headers={"Origin": base})
    assert r.status == 403
    r = page.request.post(base + "/edit", form={**form, "csrf": token},
                          headers={"Origin": "http://evil.example"})
    assert r.status == 403 and "own pages" in r.text()
    r = page.request.post(base + "/edit", form={**form, "csrf": token},
                          headers={"Sec-Fetch-Site": "cross-site"})
    assert r.status == 403
    assert page.request.get(base + "/edits.json").json() == {"edits": []}
    # the same token from this server's origin is accepted
    r = page.request.post(base + "/edit", form={**form, "csrf": token, "note": "via API"},
                          headers={"Origin": base}, max_redirects=0)
    assert r.status == 303
    log = page.request.get(base + "/edits.json").json()["edits"]
    assert [(e["action"], e["note"]) for e in log] == [("star", "via API")]
    page.request.post(base + "/edit/undo", form={"csrf": token, "edit": str(log[0]["id"])},
                      headers={"Origin": base})


def test_event_forms(servers, page, shots):
    base = servers["edit"]
    events = _events(page, base)
    tugs = _one(events, "Tugboats and excavators")
    page.goto(f"{base}/events/{tugs['id']}")
    page.screenshot(path=str(shots / "curate-01-event-forms.png"), full_page=True)
    # star
    page.click("#f-star button")
    assert page.url.endswith(f"/events/{tugs['id']}")
    assert "starred" in page.inner_text(".when")
    # correct the date, with a reason
    page.fill("#f-date input[name=date]", "2021-03-25")
    page.fill("#f-date input[name=note]", "the authority said Thursday")
    page.click("#f-date button")
    mark = page.inner_text("p.edited")
    assert "date 2021-03-25" in mark and "the authority said Thursday" in mark and "2021-03-24" in mark
    assert page.get_attribute(".when time", "datetime") == "2021-03-25"
    quotes = page.locator("li.source mark.quote").all_inner_texts()
    assert quotes == [s["quote"] for s in tugs["sources"]]   # quotes as they were
    page.screenshot(path=str(shots / "curate-02-event-edited.png"), full_page=True)
    # the timeline marks it
    page.goto(f"{base}/#e-{tugs['id']}")
    row = page.locator(f"#e-{tugs['id']}")
    assert "edited" in row.inner_text() and "starred" in row.inner_text()
    page.screenshot(path=str(shots / "curate-03-timeline-marks.png"))

    # merge two events that tell one statement
    rabie = [e for e in events if e["summary"].startswith("Osama Rabie had said")]
    page.goto(f"{base}/events/{rabie[0]['id']}")
    offered = [o.get_attribute("value") for o in page.locator("#merge-candidates option").all()]
    assert offered[0] == rabie[1]["id"]   # one sentence read as two events: offered first
    page.fill("#f-merge input[name=others]", rabie[1]["id"])
    page.click("#f-merge button")
    assert "(2 into one)" in page.inner_text("p.edited")
    assert page.request.get(f"{base}/events/{rabie[1]['id']}.json").status == 404

    # split the wire's report off the grounding event
    ground = _one(events, "on March 23")
    page.goto(f"{base}/events/{ground['id']}")
    n = page.locator("li.source").count()
    wire = next(i for i, s in enumerate(ground["sources"]) if "Tuesday" in s["quote"])
    page.locator("#f-split input[name=sources]").nth(wire).check()
    page.click("#f-split button")
    assert page.locator("li.source").count() == n - 1
    new = [e for e in _events(page, base) if e.get("edits") and e["id"] != ground["id"]
           and any(x["action"] == "split" for x in e["edits"])]
    assert len(new) == 1 and new[0]["sources"][0]["quote"] == ground["sources"][wire]["quote"]

    # hide: gone from the timeline, listed in the log, undone from there
    hist = _one(events, "12 percent")
    page.goto(f"{base}/events/{hist['id']}")
    page.fill("#f-hide input[name=note]", "history, not news")
    page.click("#f-hide button")
    assert page.url.endswith("/edits")
    assert hist["id"] not in {e["id"] for e in _events(page, base)}
    assert page.request.get(f"{base}/events/{hist['id']}").status == 404
    row = page.locator("table.edits tbody tr").first
    assert "hide" in row.inner_text() and "history, not news" in row.inner_text()
    assert "anna" in row.inner_text()   # serve --by
    page.screenshot(path=str(shots / "curate-04-edits-log.png"), full_page=True)
    row.locator("button").click()
    assert hist["id"] in {e["id"] for e in _events(page, base)}
    assert "undo of edit" in page.locator("table.edits tbody tr").first.inner_text()
    assert not page.problems, page.problems


def test_entity_forms(servers, page, shots):
    base = servers["edit"]
    ents = {e["name"]: e for e in page.request.get(base + "/entities.json").json()["entities"]}
    # rename
    shoei = ents["Shoei Kisen Kaisha"]
    page.goto(f"{base}/entities/{shoei['id']}")
    page.screenshot(path=str(shots / "curate-05-entity-forms.png"), full_page=True)
    page.fill("#f-rename input[name=name]", "Shoei Kisen")
    page.click("#f-rename button")
    assert page.inner_text("h1") == "Shoei Kisen" and "Shoei Kisen Kaisha" in page.inner_text(".facts")
    assert page.locator("ul.mentions li .ctx").count() > 0   # mentions still found under the old name
    # merge
    sca, canal = ents["Suez Canal Authority"], ents["Suez Canal"]
    page.goto(f"{base}/entities/{sca['id']}")
    # the form suggests entities of the type sharing a word ("Suez Canal" is a place, not an org)
    offered = [o.get_attribute("value") for o in page.locator("#merge-candidates option").all()]
    assert canal["id"] not in offered
    page.fill("#f-merge input[name=others]", canal["id"])
    page.fill("#f-merge input[name=note]", "one body in this story")
    page.click("#f-merge button")
    assert "one body in this story" in page.inner_text("p.edited")
    assert page.request.get(f"{base}/entities/{canal['id']}.json").status == 404
    # split an alias off
    isma = ents["Ismailia"]
    page.goto(f"{base}/entities/{isma['id']}")
    page.select_option("#f-split select[name=alias]", "ISMAILIA")
    page.fill("#f-split input[name=name]", "Ismailia (dateline)")
    page.click("#f-split button")
    names = {e["name"] for e in page.request.get(base + "/entities.json").json()["entities"]}
    assert "Ismailia (dateline)" in names and "Ismailia" in names
    # junk
    egypt = ents["Egypt"]
    page.goto(f"{base}/entities/{egypt['id']}")
    page.click("#f-junk button")
    assert page.url.endswith("/edits")
    names = {e["name"] for e in page.request.get(base + "/entities.json").json()["entities"]}
    assert "Egypt" not in names
    page.goto(f"{base}/entities/{sca['id']}")
    page.screenshot(path=str(shots / "curate-06-entity-edited.png"), full_page=True)
    assert not page.problems, page.problems


def test_commitment_status_form(servers, page, shots):
    base = servers["edit"]
    c = next(c for c in page.request.get(base + "/commitments.json").json()["commitments"]
             if "compensation" in c["what"])
    page.goto(f"{base}/commitments")
    card = page.locator(f"#c-{c['id']}")
    card.locator("details.curate-inline summary").click()
    page.select_option(f"#f-status-{c['id']} select[name=status]", "broken")
    page.fill(f"#f-status-{c['id']} input[name=note]", "the owners refused to pay")
    page.click(f"#f-status-{c['id']} button")
    assert "/commitments" in page.url
    card = page.locator(f"#c-{c['id']}")
    assert "the owners refused to pay" in card.inner_text()
    assert page.locator(f"section.st-broken #c-{c['id']}").count() == 1
    page.screenshot(path=str(shots / "curate-07-commitment.png"), full_page=True)
    got = next(x for x in page.request.get(base + "/commitments.json").json()["commitments"]
               if x["id"] == c["id"])
    assert got["status"] == "broken" and got["derived"] == {"status": c["status"]}
    assert not page.problems, page.problems
