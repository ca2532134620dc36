"""Real-browser checks of the exports that people look at:

- TimelineJS itself (the vendored 3.9.11 dist in tests/assets/timelinejs, MPL-2.0) renders our
  `--format timelinejs` file of the seed build: one slide per event, our headlines, no JS
  errors, and hostile article text does not run;
- the static HTML report opens from file:// with no request other than itself, no errors,
  and hostile text does not run.

Headless Debian Chromium driven by Playwright (`executable_path=/usr/bin/chromium`; no
`playwright install`). Skips with a reason when Playwright, Chromium or the assets are missing.
Screenshots: /tmp/dateline-shots/timelinejs.png and /tmp/dateline-shots/report.png.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from dateline.export import FORMATS
from dateline.export.timelinejs import timeline

from test_exports import make_sample

ASSETS = Path(__file__).resolve().parent / "assets" / "timelinejs"
SHOTS = Path(os.environ.get("DATELINE_SHOTS", "/tmp/dateline-shots"))
CHROMIUM = os.environ.get("DATELINE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_api.sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        except Exception as e:  # pragma: no cover - depends on the machine
            pytest.skip(f"Chromium does not start: {e}")
        yield b
        b.close()


class Page:
    """A page that records JS errors, console errors and every non-file request (and blocks it)."""

    def __init__(self, browser, width=1280, height=900):
        self.ctx = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.ctx.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.failed: list[str] = []
        self.page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(f"console: {m.text}"))
        self.page.on("requestfailed", lambda r: self.failed.append(f"{r.url} {r.failure}"))
        self.page.on("dialog", lambda d: (self.errors.append(f"dialog: {d.message}"), d.dismiss()))

        def route(r):
            if r.request.url.startswith("file://"):
                return r.continue_()
            self.requests.append(r.request.url)
            return r.abort()
        self.page.route("**/*", route)

    def close(self):
        self.ctx.close()


def _timeline_page(tmp_path: Path, tl: dict) -> Path:
    if not (ASSETS / "js" / "timeline.js").exists() or not (ASSETS / "css" / "timeline.css").exists():
        pytest.skip(f"TimelineJS assets not found in {ASSETS}")
    (tmp_path / "data.js").write_text("window.TL_DATA = " + json.dumps(tl, ensure_ascii=False) + ";\n",
                                      encoding="utf-8")
    page = tmp_path / "index.html"
    page.write_text(f"""<!doctype html>
<html><head><meta charset="utf-8"><title>dateline TimelineJS check</title>
<link rel="stylesheet" href="{(ASSETS / 'css' / 'timeline.css').as_uri()}">
<style>html,body{{height:100%;margin:0}}#tl{{width:100%;height:100%}}</style>
</head><body><div id="tl"></div>
<script src="{(ASSETS / 'js' / 'timeline.js').as_uri()}"></script>
<script src="data.js"></script>
<script>
window.__ready = false;
window.tlObj = new TL.Timeline("tl", window.TL_DATA, {{language: "en", font: null,
  script_path: "{(ASSETS / 'js').as_uri()}/", hash_bookmark: false,
  start_at_slide: 0, timenav_position: "bottom"}});
window.tlObj.on("loaded", function () {{ window.__ready = true; }});
</script></body></html>""", encoding="utf-8")
    return page


def test_timelinejs_renders_seed(browser, seed_export, tmp_path):
    data, _ = seed_export
    tl = timeline(data, title="Nagorno-Karabakh ceasefire, November 2020")
    page_file = _timeline_page(tmp_path, tl)
    p = Page(browser)
    try:
        p.page.goto(page_file.as_uri())
        p.page.wait_for_function("window.__ready === true", timeout=20000)
        p.page.wait_for_selector(".tl-slide .tl-headline", timeout=10000)
        p.page.wait_for_timeout(1200)  # let the title slide's transition finish
        slides = p.page.locator(".tl-slide").count()
        markers = p.page.locator(".tl-timemarker").count()
        headlines = p.page.eval_on_selector_all(".tl-slide .tl-headline", "els => els.map(e => e.textContent)")
        group_labels = p.page.eval_on_selector_all(".tl-timegroup-message", "els => els.map(e => e.textContent)")
        SHOTS.mkdir(parents=True, exist_ok=True)
        p.page.screenshot(path=str(SHOTS / "timelinejs.png"))
        # go to the first story event too, to see a real event slide
        first_story = next(e for e in tl["events"] if e["group"] == "Story")
        p.page.evaluate(f"window.tlObj.goToId({json.dumps(first_story['unique_id'])})")
        p.page.wait_for_timeout(1500)
        p.page.screenshot(path=str(SHOTS / "timelinejs-event.png"))
        active = p.page.evaluate("window.tlObj.current_id")
    finally:
        p.close()
    assert not p.requests, p.requests
    assert not p.errors, (p.errors, p.failed)
    assert slides == len(tl["events"]) + 1  # the title slide too
    assert markers == len(tl["events"])
    import html as h
    for ev in tl["events"]:
        assert h.unescape(ev["text"]["headline"]) in headlines
    assert "Nagorno-Karabakh ceasefire, November 2020" in headlines
    if any(e["group"] == "Background" for e in tl["events"]):
        assert "Background" in group_labels
    assert active == first_story["unique_id"]


def test_timelinejs_hostile_text_does_not_run(browser, tmp_path):
    tl = timeline(make_sample())
    page_file = _timeline_page(tmp_path, tl)
    p = Page(browser)
    try:
        p.page.goto(page_file.as_uri())
        p.page.wait_for_function("window.__ready === true", timeout=20000)
        for e in tl["events"]:  # render every slide's content
            p.page.evaluate(f"window.tlObj.goToId({json.dumps(e['unique_id'])})")
        p.page.wait_for_timeout(800)
        pwned = p.page.evaluate("window.__pwned")
        injected = p.page.locator(".tl-slide img[src='x'], .tl-slide script, .tl-slide a[href^='javascript']").count()
        text = p.page.locator(".tl-slide").all_text_contents()
    finally:
        p.close()
    assert pwned is None
    assert injected == 0
    assert any("<script>window.__pwned=1</script>" in t for t in text)  # shown as text
    assert not p.errors, p.errors


def _report(browser, data: dict, path: Path, shot: str | None):
    FORMATS["html"](data, path)
    p = Page(browser, width=1100, height=900)
    try:
        p.page.goto(path.as_uri())
        p.page.wait_for_load_state("load")
        info = p.page.evaluate("""() => ({
            pwned: window.__pwned, scripts: document.scripts.length,
            imgs: document.images.length, events: document.querySelectorAll('ol.tl > li').length,
            h1: document.querySelector('h1').textContent,
            jslinks: [...document.links].filter(a => !/^(https?:|file:)/.test(a.href)).length})""")
        if shot:
            SHOTS.mkdir(parents=True, exist_ok=True)
            p.page.screenshot(path=str(SHOTS / shot), full_page=True)
    finally:
        p.close()
    return info, p


def test_html_report_in_browser(browser, seed_export, tmp_path):
    data, _ = seed_export
    info, p = _report(browser, data, tmp_path / "report.html", "report.png")
    assert not p.errors, p.errors
    assert not p.requests, p.requests  # nothing but the file itself
    assert info["scripts"] == 0 and info["imgs"] == 0
    assert info["events"] == len(data["events"])


def test_html_report_hostile_in_browser(browser, tmp_path):
    data = make_sample()
    info, p = _report(browser, data, tmp_path / "hostile.html", "report-hostile.png")
    assert info["pwned"] is None
    assert info["scripts"] == 0 and info["imgs"] == 0 and info["jslinks"] == 0
    assert not p.requests, p.requests
    assert not p.errors, p.errors
