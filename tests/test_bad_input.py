"""Bad input: one clear line naming the file, the rest of the batch goes on, nothing lost."""
import gzip
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.pipeline import build
from dateline.store import Store

GOOD = ("Delegations from both sides met in Geneva on Friday to resume talks that had stalled "
        "for a week, officials said.\n\nA second round is planned for next month.\n")


def _warc(path: Path, pages: list[tuple[str, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as f:
        w = WARCWriter(f, gzip=path.name.endswith(".gz"))
        for url, html in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                                http_headers=headers))


def _page(i: int) -> str:
    return (f"<html><head><title>Story {i}</title></head><body><article><h1>Story number {i}</h1>"
            f"<p>Officials said on Friday that the convoy number {i} had reached the town of "
            f"Example after a journey of {i + 3} days through the mountains.</p>"
            f"<p>Another paragraph about item {i} with enough words to be kept by the extractor.</p>"
            "</article></body></html>")


@pytest.fixture
def batch(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(GOOD)
    (d / "binary.txt").write_bytes(b"\x00\x01\x02\x89PNG" * 100)
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.html").write_text("   \n\n")
    (d / "huge.txt").write_bytes(b"word " * (50 * 1024 * 1024 // 5))
    (d / "latin1.txt").write_bytes("Caf\xe9 owners said on Monday that the talks failed.".encode("latin-1"))
    (d / "broken.html").write_text("<html><body><div><p>unclosed <b>tags <script>alert(1)")
    (d / "lines.jsonl").write_text(
        json.dumps({"text": GOOD.replace("Geneva", "Vienna"), "date": "2021-03-05"}) + "\n"
        "{not json\n"
        + json.dumps(["a", "list"]) + "\n"
        + json.dumps({"title": "no body"}) + "\n"
        + json.dumps({"html": _page(99), "url": "https://example.org/99"}) + "\n")
    _warc(d / "ok.warc.gz", [(f"https://example.org/{i}", _page(i)) for i in range(3)])
    _warc(d / "cut.warc.gz", [(f"https://example.net/{i}", _page(i + 10)) for i in range(6)])
    data = (d / "cut.warc.gz").read_bytes()
    (d / "cut.warc.gz").write_bytes(data[: int(len(data) * 0.6)])
    return d


def test_each_bad_input_reported_and_rest_goes_on(batch, tmp_path):
    db = tmp_path / "x.db"
    errors = []
    report = build([str(batch)], str(db), workers=1, on_error=errors.append)
    msgs = "\n".join(errors)
    for name, words in [("binary.txt", "binary"), ("empty.txt", "empty"), ("blank.html", "empty"),
                        ("huge.txt", "too large"), ("latin1.txt", "UTF-8"),
                        ("broken.html", "no article text"), ("lines.jsonl#L2", "not valid JSON"),
                        ("lines.jsonl#L3", "JSON object"), ("lines.jsonl#L4", "no `text`"),
                        ("cut.warc.gz", "truncated or corrupt WARC")]:
        line = [m for m in errors if name in m]
        assert line, f"no error for {name}:\n{msgs}"
        assert words in line[0], line[0]
        assert "\n" not in line[0]
    with Store(db, readonly=True) as s:
        paths = sorted(d.path for d in s.documents(full=False))
    assert any(p.endswith("good.txt") for p in paths)
    assert any(p.endswith("lines.jsonl#L1") for p in paths)
    assert any(p.endswith("lines.jsonl#L5") for p in paths)
    assert sum("ok.warc.gz#R" in p for p in paths) == 3
    # the records before the cut are kept
    assert sum("cut.warc.gz#R" in p for p in paths) >= 1
    assert report.failed and report.added == len(paths)


def test_nothing_stored_is_lost(batch, tmp_path):
    db = tmp_path / "x.db"
    build([str(batch / "good.txt")], str(db), workers=1)
    with Store(db, readonly=True) as s:
        before = s.dump()
    build([str(batch)], str(db), workers=1)
    with Store(db, readonly=True) as s:
        ids = {d.id for d in s.documents(full=False)}
        for name, rows in before:
            if name == "documents":
                assert {r[0] for r in rows} <= ids


def test_cli_exit_code_and_one_line_errors(batch, tmp_path):
    db = tmp_path / "x.db"
    r = subprocess.run([sys.executable, "-m", "dateline.cli", "build", str(batch), "--db", str(db), "--quiet"],
                       capture_output=True, text=True)
    assert r.returncode == 1
    err_lines = [l for l in r.stderr.splitlines() if l.startswith("error ")]
    assert any("binary.txt" in l for l in err_lines)
    assert any("lines.jsonl#L2" in l for l in err_lines)
    assert "added" in r.stdout and "failed" in r.stdout


def test_missing_and_unsupported_paths(tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4")
    errors = []
    build([str(tmp_path / "nope.txt"), str(tmp_path / "a.pdf")], str(tmp_path / "x.db"),
          workers=1, on_error=errors.append)
    assert any("no such file" in e for e in errors)
    assert any("unsupported file type" in e for e in errors)


# Hostile inputs, each beside good articles: the good ones are stored, the bad one gets one
# error line naming it, and nothing raises.

def _good_folder(tmp_path) -> Path:
    d = tmp_path / "hostile"
    d.mkdir()
    for city in ("Geneva", "Vienna", "Oslo"):
        (d / f"good_{city}.txt").write_text(GOOD.replace("Geneva", city))
    return d


def _run(d: Path, db: Path):
    errors = []
    report = build([str(d)], str(db), workers=1, on_error=errors.append, entities=False,
                   link_events=False)
    with Store(db, readonly=True) as s:
        paths = [doc.path for doc in s.documents(full=False)]
    assert sum("good_" in p for p in paths) == 3, paths
    for e in errors:
        assert "\n" not in e and "Traceback" not in e, e
    return report, errors, paths


def test_lone_surrogate_and_controls_are_replaced_once(tmp_path):
    d = _good_folder(tmp_path)
    # json.loads turns "\ud800" into a lone surrogate, which SQLite cannot encode
    (d / "s.jsonl").write_text('{"text": "Talks resumed in Rome on Monday \\ud800 after a week,'
                               ' officials said.\\u0007", "title": "T\\udfff"}\n'
                               + json.dumps({"text": GOOD.replace("Geneva", "Lima")}) + "\n")
    report, errors, paths = _run(d, tmp_path / "x.db")
    assert not errors, errors
    assert sum("s.jsonl#L" in p for p in paths) == 2
    assert report.counters["replaced characters"] == 3
    with Store(tmp_path / "x.db", readonly=True) as s:
        doc = next(x for x in s.documents() if x.path.endswith("s.jsonl#L1"))
    assert "\ufffd" in doc.text and "\x07" not in doc.text


def test_file_name_not_utf8_newline_and_bidi_print_escaped(tmp_path):
    import os

    d = _good_folder(tmp_path)
    os.mkdir(os.path.join(os.fsencode(d), b"sub"))
    (d / "sub" / "ok.txt").write_text(GOOD.replace("Geneva", "Paris"))
    with open(os.path.join(os.fsencode(d), b"bad\xffbyte.txt"), "wb") as f:
        f.write(GOOD.replace("Geneva", "Rome").encode())
    (d / "new\nline.txt").write_bytes(b"")
    (d / "rtl\u202etxt.exe.txt").write_bytes(b"")
    report, errors, paths = _run(d, tmp_path / "x.db")
    assert any(p.endswith("bad\\xffbyte.txt") for p in paths), paths
    assert any(p.endswith("new\\nline.txt: empty file") for p in errors), errors
    assert any("rtl\\u202etxt.exe.txt: empty file" in p for p in errors), errors
    assert not any("\u202e" in e for e in errors)


def test_huge_integer_and_deep_nesting_fail_their_line_only(tmp_path):
    d = _good_folder(tmp_path)
    (d / "n.jsonl").write_text('{"text": "x", "n": ' + "9" * 5000 + "}\n"
                               + "[" * 200000 + "\n"
                               + json.dumps({"text": GOOD.replace("Geneva", "Lima")}) + "\n")
    report, errors, paths = _run(d, tmp_path / "x.db")
    assert any(p.endswith("n.jsonl#L3") for p in paths)
    assert [e.split(": ", 1)[0].rsplit("/", 1)[1] for e in errors] == ["n.jsonl#L1", "n.jsonl#L2"]
    assert all("not valid JSON" in e for e in errors), errors


def test_jsonl_html_that_is_no_string_falls_back_to_text(tmp_path):
    # a crawler's record with html as an object (headers, a blob id) and a good text: read
    # the text; with neither a string, one error line
    d = _good_folder(tmp_path)
    (d / "h.jsonl").write_text(
        json.dumps({"html": {"blob": 7}, "text": GOOD.replace("Geneva", "Lima")}) + "\n"
        + json.dumps({"html": ["<p>x</p>"], "text": 5}) + "\n")
    report, errors, paths = _run(d, tmp_path / "x.db")
    assert any(p.endswith("h.jsonl#L1") for p in paths)
    assert [e.rsplit("/", 1)[1] for e in errors] == ["h.jsonl#L2: no `text` or `html` field with content"]
    with Store(tmp_path / "x.db", readonly=True) as s:
        doc = next(x for x in s.documents() if x.path.endswith("h.jsonl#L1"))
    assert "Lima" in doc.text


@pytest.mark.parametrize("codec", ["rot13", "hex", "base64", "no-such-codec"])
def test_charset_that_is_no_text_encoding_is_ignored(tmp_path, codec):
    d = _good_folder(tmp_path)
    page = _page(7).replace("<head>", f'<head><meta charset="{codec}">')
    (d / "page.html").write_text(page)
    # inside a WARC the declared charset must not drop the rest of the archive either
    _warc(d / "a.warc", [("https://example.org/1", _page(1).replace("<head>", f'<head><meta charset="{codec}">')),
                         ("https://example.org/2", _page(2))])
    report, errors, paths = _run(d, tmp_path / "x.db")
    assert not errors, errors
    assert any(p.endswith("page.html") for p in paths)
    assert sum("a.warc#R" in p for p in paths) == 2


def test_one_form_for_line_positions(tmp_path):
    d = _good_folder(tmp_path)
    (d / "f.jsonl").write_text("{bad\n" + json.dumps({"text": GOOD.replace("Geneva", "Lima")}) + "\n")
    report, errors, paths = _run(d, tmp_path / "x.db")
    assert any(e.split(": ")[0].endswith("f.jsonl#L1") for e in errors), errors
    assert any(p.endswith("f.jsonl#L2") for p in paths)


def test_hidden_files_counted_and_fifo_not_a_regular_file(tmp_path):
    import os

    d = _good_folder(tmp_path)
    (d / ".draft.txt").write_text(GOOD.replace("Geneva", "Lima"))
    (d / ".git").mkdir()
    (d / ".git" / "x.txt").write_text(GOOD.replace("Geneva", "Kyiv"))
    os.mkfifo(d / "pipe.txt")
    report, errors, paths = _run(d, tmp_path / "x.db")
    assert report.counters["hidden skipped"] == 2
    assert [e.rsplit("/", 1)[1] for e in errors] == ["pipe.txt: not a regular file (a FIFO, socket or device)"]
    # named on its own, a FIFO is not "no such file" either (and reading it would block)
    errs = []
    build([str(d / "pipe.txt")], str(tmp_path / "y.db"), workers=1, on_error=errs.append,
          entities=False, link_events=False)
    assert errs and "not a regular file" in errs[0]


def test_cli_prints_hostile_names_on_one_line(tmp_path):
    import os

    d = _good_folder(tmp_path)
    with open(os.path.join(os.fsencode(d), b"bad\xffname.txt"), "wb") as f:
        f.write(b"")
    (d / "two\nlines\u202e.txt").write_bytes(b"")
    (d / ".hidden.txt").write_text(GOOD)
    r = subprocess.run([sys.executable, "-m", "dateline.cli", "build", str(d), "--db",
                        str(tmp_path / "x.db"), "--quiet", "--no-entities"],
                       capture_output=True, text=True, errors="surrogateescape")
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
    err_lines = [l for l in r.stderr.splitlines() if l.startswith("error ")]
    assert len(err_lines) == 2, r.stderr
    assert any(l.endswith("bad\\xffname.txt: empty file") for l in err_lines), err_lines
    assert any(l.endswith("two\\nlines\\u202e.txt: empty file") for l in err_lines), err_lines
    assert "1 hidden file" in r.stderr
    assert "3 added" in r.stdout


def test_store_rejecting_one_document_fails_it_alone(tmp_path, monkeypatch):
    # a value that slips past ingest (here a path with a lone surrogate) must not cost the
    # batch: the batch is retried document by document and only that one fails
    from dateline import pipeline
    from dateline.model import RawDocument

    docs = [RawDocument(path=f"good{i}.txt", raw=GOOD.replace("Geneva", c), kind="text")
            for i, c in enumerate(("Oslo", "Lima", "Rome"))]
    docs.insert(1, RawDocument(path="bad\udcff.txt", raw=GOOD.replace("Geneva", "Kyiv"), kind="text"))
    monkeypatch.setattr(pipeline, "read_all", lambda paths, counters=None: iter(docs))
    errors = []
    report = build(["unused"], str(tmp_path / "x.db"), workers=1, on_error=errors.append,
                   entities=False, link_events=False)
    assert report.added == 3 and len(errors) == 1
    assert errors[0].startswith("bad\\xff.txt: cannot store: UnicodeEncodeError"), errors


# The per-document budget (dateline/budget.py): a pathological input beside good articles
# is cut to size, the cut recorded on the document, and the good ones stored.

def _cut_doc(db: Path, name: str):
    with Store(db, readonly=True) as s:
        return next(d for d in s.documents() if d.path.endswith(name))


def test_one_line_of_3_mb_is_cut_to_the_text_budget(tmp_path):
    import random

    from dateline.settings import SETTINGS

    d = _good_folder(tmp_path)
    rnd = random.Random(1)
    words = ["talks", "the", "minister", "said", "on", "Friday", "in", "Geneva", "ceasefire"]
    (d / "oneline.txt").write_text(" ".join(rnd.choice(words) for _ in range(520_000))[:3 << 20])
    report, errors, paths = _run(d, tmp_path / "x.db")
    assert not errors, errors
    doc = _cut_doc(tmp_path / "x.db", "oneline.txt")
    limit = SETTINGS.budget.MAX_TEXT_CHARS
    assert limit // 2 < len(doc.text) <= limit
    assert len(doc.cut) == 1 and "budget.MAX_TEXT_CHARS" in doc.cut[0], doc.cut
    assert report.counters["cut by the budget"] == 1
    # the text kept is a prefix of the input, cut at a word: quotes and offsets stay true
    assert (d / "oneline.txt").read_text().startswith(doc.text) and doc.text[-1] != " "


def test_html_of_100000_paragraphs_is_cut_before_parsing(tmp_path):
    d = _good_folder(tmp_path)
    (d / "many.html").write_text(
        "<html><head><script>var x = 1;</script></head><body>"
        + "".join(f"<p>Paragraph {i} says officials met on Friday.</p>" for i in range(100_000))
        + "</body></html>")
    report, errors, paths = _run(d, tmp_path / "x.db")
    assert not errors, errors
    doc = _cut_doc(tmp_path / "x.db", "many.html")
    assert any("budget.MAX_HTML_CHARS" in c for c in doc.cut), doc.cut
    assert doc.text.startswith("Paragraph 0 says") and "Paragraph 99999 " not in doc.text


def test_six_mb_of_one_repeated_word_is_cut(tmp_path):
    d = _good_folder(tmp_path)
    (d / "repeat.txt").write_bytes(b"word " * (6 * 1024 * 1024 // 5))
    report, errors, paths = _run(d, tmp_path / "x.db")
    assert not errors, errors
    doc = _cut_doc(tmp_path / "x.db", "repeat.txt")
    assert doc.cut and set(doc.text.split()) == {"word"}


def test_a_document_of_thousands_of_event_mentions_is_cut_before_linking(tmp_path, monkeypatch):
    # one trigger and one day repeated: linking compares such mentions pairwise, so the
    # document hands the corpus-level stages only its first MAX_EVENT_MENTIONS (a prefix)
    from dateline.settings import SETTINGS

    monkeypatch.setattr(SETTINGS.budget, "MAX_EVENT_MENTIONS", 40)
    d = _good_folder(tmp_path)
    (d / "shelling.txt").write_text("October 2, 2020\n\n" + "\n\n".join(
        f"The army said on Monday it shelled Town{i} after the talks failed." for i in range(120)))
    report, errors, paths = _run(d, tmp_path / "x.db")
    assert not errors, errors
    doc = _cut_doc(tmp_path / "x.db", "shelling.txt")
    assert doc.cut == ["event mentions cut after 40 of 120 (budget.MAX_EVENT_MENTIONS)"], doc.cut
    with Store(tmp_path / "x.db", readonly=True) as s:
        mentions = s.event_mentions(doc.id)
    assert len(mentions) == 40
    # the first ones in the text are kept, so what the timeline shows is what the text says first
    assert max(m.end for m in mentions) < doc.text.index("Town40 ")


def test_paragraph_budget_and_docs_shows_the_cut(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from dateline.cli import main
    from dateline.settings import SETTINGS

    monkeypatch.setattr(SETTINGS.budget, "MAX_PARAGRAPHS", 50)
    d = _good_folder(tmp_path)
    (d / "paras.txt").write_text("\n\n".join(f"Paragraph {i} of the report says the talks went on."
                                             for i in range(400)))
    _run(d, tmp_path / "x.db")
    doc = _cut_doc(tmp_path / "x.db", "paras.txt")
    assert len(doc.paragraphs) == 50 and doc.text.endswith("Paragraph 49 of the report says the talks went on.")
    assert doc.cut == ["text cut after 50 of 400 paragraphs (budget.MAX_PARAGRAPHS)"]
    out = CliRunner().invoke(main, ["docs", "--db", str(tmp_path / "x.db"), "--json"]).output
    rows = [json.loads(l) for l in out.splitlines()]
    assert [r["cut"] for r in rows if r["path"].endswith("paras.txt")] == [doc.cut]
    assert all(r["cut"] == [] for r in rows if "good_" in r["path"])


def test_a_stage_over_its_clock_skips_the_document_alone(tmp_path, monkeypatch):
    # the wall-clock guard: with a clock no cleaning of a large page can meet, that document
    # gets one error line naming it and the stage; the good articles are stored
    from dateline import pipeline
    from dateline.settings import SETTINGS

    d = _good_folder(tmp_path)
    (d / "slow.html").write_text("<html><body>" + "".join(
        f"<p>Paragraph {i} says officials met on Friday.</p>" for i in range(20_000)) + "</body></html>")
    real_clean = pipeline.clean

    def clean_on_a_short_clock(raw):
        # the stages after cleaning get a clock of a millisecond for the big page only (tagging
        # its 20,000 paragraphs takes far longer), so the good ones cannot trip it
        monkeypatch.setattr(SETTINGS.budget, "STAGE_SECONDS", 0.001 if "slow" in raw.path else 60.0)
        return real_clean(raw)

    monkeypatch.setattr(pipeline, "clean", clean_on_a_short_clock)
    report, errors, paths = _run(d, tmp_path / "x.db")
    assert len(errors) == 1 and errors[0].endswith(
        "slow.html: skipped: the times stage ran over 0.001 s (budget.STAGE_SECONDS)"), errors
    assert not any("slow" in p for p in paths)


def _raw_record(http: bytes, length: int | None = None) -> bytes:
    """A WARC response record written by hand (warcio's writer cannot write a broken one)."""
    return (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
            b"WARC-Target-URI: https://example.org/p\r\n"
            b"Content-Type: application/http; msgtype=response\r\nContent-Length: "
            + str(len(http) if length is None else length).encode() + b"\r\n\r\n" + http + b"\r\n\r\n")


def _http(body: bytes, extra: bytes = b"") -> bytes:
    return b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n" + extra + b"\r\n" + body


def test_warc_faults_warcio_prints_are_one_line_naming_the_record(tmp_path):
    # found by benchmarks/fuzz.py: warcio writes a three-line "WARNING: Record not followed by
    # newline" to stderr for a Content-Length that ends inside the record, and a bare zlib
    # message for gzip content that fails half way, then goes on with the page cut short
    d = _good_folder(tmp_path)
    ok = _http(_page(1).encode())
    short = _http(_page(2).encode())
    (d / "len.warc").write_bytes(_raw_record(short, len(short) - 40) + _raw_record(ok))
    import random

    rnd = random.Random(3)   # words that compress poorly, so the damage is past warcio's first block
    page = _page(3).replace("</article>", " ".join(f"w{rnd.randrange(10**6)}" for _ in range(40_000))
                            + "</article>")
    body = gzip.compress(page.encode())
    (d / "enc.warc").write_bytes(_raw_record(_http(body[:40_000] + b"\x00" * 500 + body[40_500:],
                                                   b"Content-Encoding: gzip\r\n")) + _raw_record(_http(_page(4).encode())))
    r = subprocess.run([sys.executable, "-m", "dateline.cli", "build", str(d), "--db",
                        str(tmp_path / "x.db"), "--quiet", "--no-entities"],
                       capture_output=True, text=True)
    lines = [l for l in r.stderr.splitlines() if l.strip()]
    assert r.returncode == 1 and lines, r.stderr
    assert all(l.startswith(("error ", "warning ", "note: ")) for l in lines), r.stderr
    errors = [l for l in lines if l.startswith("error ")]
    assert [e.split(": ")[0].rsplit("/", 1)[1] for e in errors] == ["enc.warc#R1", "len.warc#R1"], errors
    assert "Content-Length" in errors[1] and "cannot be decoded" in errors[0], errors
    docs = subprocess.run([sys.executable, "-m", "dateline.cli", "docs", "--db", str(tmp_path / "x.db"),
                           "--json"], capture_output=True, text=True).stdout
    paths = [json.loads(l)["path"] for l in docs.splitlines()]
    assert sum("good_" in p for p in paths) == 3
    # the record after the bad one is read: the archive goes on
    assert any(p.endswith("len.warc#R2") for p in paths), paths
