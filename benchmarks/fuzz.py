"""Fuzz the build: generated hostile inputs, end to end through the real `dateline build` CLI.

    .venv/bin/python benchmarks/fuzz.py [--inputs 10000] [--per-batch 150] [--full-every 8]
                                        [--seed 1] [--hang-seconds 300] [--json OUT] [--keep DIR]

The promise tested is the one of the issue "Bad input never costs the batch; every fault is one
clear line". A seeded generator (stdlib `random`, so a seed names one run exactly) writes
hostile inputs of five kinds:

- text:  random bytes, truncations and byte mutations of real articles (the seed corpus in
         ../shared/corpus/karabakh-2020/ and examples/, read at run time), UTF-16, binary
         magic, one huge word, floods of lines, out-of-range dates and numbers;
- html:  unclosed tags, deep nesting, huge attributes, bogus or hostile charsets, NUL bytes,
         bad entities, broken JSON-LD and meta dates, mutated real pages;
- jsonl: one input per line: wrong types, missing fields, bad escapes, lone surrogates, huge
         numbers, deep nesting, NaN, non-UTF-8 bytes, truncated lines;
- warc:  one input per record: bad Content-Length, wrong or missing headers, bogus HTTP status
         lines and encodings, truncated gzip, garbage members, whole-file cuts;
- name:  file and folder names with newlines, bidi controls, ANSI escapes, Rich markup,
         non-UTF-8 bytes, names of 255 bytes, deep folders (their content a real article,
         mutated or not, or a bad one).

Each batch (``--per-batch`` inputs, mixed) is one folder beside three known good articles,
built by a subprocess `dateline build FOLDER --db DB --quiet` (so the exit code and stderr
are what a user sees), then read back with `dateline docs --json`. Most batches use
`--no-entities` (NER is the slow stage and sees only cleaned text); every ``--full-every``-th
batch is a full build with entities, linking and reasoning. Four faults are counted:

- crash:    a traceback on stderr, or an exit code the errors do not explain (not 0 without
            error lines, not 1 with them);
- hang:     a batch over ``--hang-seconds`` (generous: a batch takes seconds);
- lost:     a good article missing from `dateline docs --json` afterwards;
- bad line: an stderr line that is not one printable line of a known form (error / warning /
            note), or an error line that does not begin with the name of an input of the batch.

A batch with a crash or hang is re-run one input kind at a time to say which kind did it.
Figures are printed per kind and in total; exit code 1 if any fault is not 0. A run of 10,000
inputs takes about 10 minutes on 2 cores. tests/test_fuzz.py runs a small seeded variant.

FINDINGS that shaped the mix: the corpus-level stages grow faster than linearly in the event
mentions of one document. A text of 30,000 short lines of news words (200,000 characters after
the text budget, 1,796 event mentions) beside 40 small documents made `link` take 18 s and
`reason` 24 s of a 54 s build. The generators of such documents were capped (3,000 lines, 600
repeats of one sentence) until dateline/budget.py capped the event mentions of one document
(budget.MAX_EVENT_MENTIONS); they now go to 30,000 lines and 6,000 repeats again.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DATELINE_SHARED", ROOT.parent / "shared"))
KINDS = ("text", "html", "jsonl", "warc", "name")
FAULTS = ("crashes", "hangs", "lost", "bad_lines")
# the mix of one batch, by kind (weights; jsonl lines and warc records come grouped in files)
MIX = {"text": 25, "html": 25, "jsonl": 25, "warc": 15, "name": 10}
HOSTILE = "zz_hostile"    # sorts after GOOD, so a hostile copy of a good article never takes its id
GOOD = "a_good"


# ---------------------------------------------------------------------------------- sources

def real_articles() -> list[tuple[str, bytes]]:
    """(suffix, bytes) of real articles: the seed corpus and the bundled example, read now."""
    out = []
    for d in (SHARED / "corpus" / "karabakh-2020", ROOT / "examples" / "ever-given"):
        for p in sorted(d.glob("*")):
            if p.suffix in (".txt", ".html", ".jsonl"):
                out.append((p.suffix, p.read_bytes()))
    if not out:
        sys.exit("fuzz: no real articles found (examples/ missing?)")
    return out


WORDS = ("the talks ceasefire minister said on Friday in Stepanakert Baku Yerevan army forces "
         "agreed troops will withdraw by 2020 November 10 deadline officials reported killed "
         "Russia peacekeepers corridor Lachin yesterday next week March 2021 according to").split()
WEIRD = ["\u202e", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069", "\u200f", "\u200b", "\ufeff",
         "\u2028", "\u2029", "\x1b[31m", "\x1b]0;title\x07", "\x00", "\x07", "\x85", "\ud800",
         "\udfff", "\U0010ffff", "\ufffe", "\u0301" * 50, "\U0001f4a5", "\u0627\u0644\u0639",
         "\u4e2d\u6587", "[red]", "[/]", "[link=x]", "\\", "%s%n", "{0}", "${x}", "\r", "\t"]
DATES = ["on February 30, 2020", "on 31/31/2031", "in the year 99999999999999", "on 0000-00-00",
         "on 9999-12-31", "in 10000", "on -44-03-15", "in 1e400", "on March 0", "at 25:61",
         "on 2020-W60", "on 1.1.1", "yesterday and tomorrow and yesterday", "in 0 BC",
         "on 2020-02-29T24:00:00Z", "in the 99999th century", "on " + "1" * 400,
         "next " * 300 + "week", "on Monday " * 200, "9" * 5000, "on 29 February 2021",
         "between 1 and 99999999999999999999 troops", "in December 31, 9999 23:59:60"]


def words(rnd: random.Random, n: int) -> str:
    return " ".join(rnd.choice(WORDS) for _ in range(n))


def sentence(rnd: random.Random) -> str:
    return f"Officials said {rnd.choice(DATES)} that {words(rnd, rnd.randint(3, 20))}."


def mutate(rnd: random.Random, data: bytes, times: int | None = None) -> bytes:
    """data with a few random byte edits: flips, inserts of hostile bytes, deletes, copies."""
    b = bytearray(data)
    for _ in range(times or rnd.randint(1, 12)):
        i = rnd.randrange(len(b) + 1)
        op = rnd.randrange(7)
        if op == 0 and b:
            b[min(i, len(b) - 1)] = rnd.randrange(256)
        elif op == 1:
            b[i:i] = rnd.choice([b"\x00", b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xc0\xaf", b"\xfe\xff",
                                 b"\r", b"\x1b[2J", b"<", b"&#0;", b"\\u", b'"', b"\n\n"])
        elif op == 2:
            b[i:i] = rnd.choice(WEIRD).encode("utf-8", "surrogatepass")
        elif op == 3:
            del b[i:i + rnd.randint(1, 200)]
        elif op == 4 and b:
            j = rnd.randrange(len(b))
            b[i:i] = b[j:j + rnd.randint(1, 500)] * rnd.randint(1, 20)
        elif op == 5:
            b[i:i] = sentence(rnd).encode()
        else:
            b[i:i] = rnd.randbytes(rnd.randint(1, 30))
    return bytes(b)


def rbytes(rnd: random.Random, n: int) -> bytes:
    return rnd.randbytes(n)


# ------------------------------------------------------------------------------- generators
# each returns the bytes of one input; rnd is the only source of randomness

def gen_text(rnd: random.Random, real) -> bytes:
    suffix, art = rnd.choice(real)
    choice = rnd.randrange(14)
    if choice == 0:
        return rbytes(rnd, rnd.randint(0, 4000))
    if choice == 1:
        return art[:rnd.randint(0, len(art) - 1)]
    if choice == 2:
        return mutate(rnd, art)
    if choice == 3:
        return "".join(rnd.choice(WEIRD) + words(rnd, 3) for _ in range(rnd.randint(1, 300))).encode("utf-8", "surrogatepass")
    if choice == 4:
        return art.decode("utf-8", "replace").encode(rnd.choice(["utf-16", "utf-16-le", "utf-32", "cp1252", "koi8-r"]), "replace")
    if choice == 5:
        return rnd.choice([b"%PDF-1.7", b"\x89PNG", b"PK\x03\x04", b"\x1f\x8b", b"SQLite format 3"]) + art
    if choice == 6:
        return b"x" * rnd.randint(1, 400_000)                  # one word, no space
    if choice == 7:
        return b"\n".join(words(rnd, rnd.randint(0, 3)).encode() for _ in range(rnd.randint(1, 30_000)))   # see FINDINGS
    if choice == 8:
        return " ".join(sentence(rnd) for _ in range(rnd.randint(1, 80))).encode()
    if choice == 9:
        return rnd.choice([b"", b" ", b"\n\n\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf\n", b"\r\r\r", b"\t" * 100])
    if choice == 10:
        return art.replace(b"\n", rnd.choice([b"\r", b"\r\n", b"\x0b", b"\x0c", b"\xe2\x80\xa8"]))
    if choice == 11:
        return (sentence(rnd) + " ").encode() * rnd.randint(20, 6_000)   # see FINDINGS in the docstring
    if choice == 12:
        return b"".join(c.encode("utf-8", "surrogatepass") for c in rnd.choices(WEIRD, k=rnd.randint(1, 2000)))
    return mutate(rnd, art[:rnd.randint(1, len(art))], rnd.randint(20, 200))


HTML_CHARSETS = ["rot13", "hex", "base64", "zlib", "uu", "idna", "punycode", "utf-7", "utf-16",
                 "utf-32", "x-no-such", "", "utf-8\x00", "cp037", "unicode_escape", "raw_unicode_escape",
                 "quopri", "bz2", "shift_jis", "mbcs", "ascii", "latin-1", "utf-8-sig", "undefined"]


def gen_html(rnd: random.Random, real) -> bytes:
    suffix, art = rnd.choice(real)
    text = art.decode("utf-8", "replace")
    body = "".join(f"<p>{p}</p>" for p in text.split("\n\n")) if suffix != ".html" else text
    choice = rnd.randrange(15)
    if choice == 0:
        return f"<html><body><div><p>{text}".encode() + b"<b><i><table><tr><td>" * rnd.randint(1, 50)
    if choice == 1:
        depth = rnd.choice([100, 1000, 10_000, 100_000])
        tag = rnd.choice(["div", "span", "b", "table", "ul", "blockquote", "svg", "math"])
        return (f"<html><body>{f'<{tag}>' * depth}{body}{f'</{tag}>' * rnd.randint(0, depth)}").encode()
    if choice == 2:
        big = rnd.choice(["a", "\"", "'", "<", "&amp;", "\u202e"]) * rnd.randint(10_000, 1_500_000)
        return f'<html><body><article data-x="{big}" class=\'{big[:999]}\'><p>{text}</p></article>'.encode()
    if choice == 3:
        cs = rnd.choice(HTML_CHARSETS)
        return f'<html><head><meta charset="{cs}"><meta http-equiv="Content-Type" content="text/html; charset={rnd.choice(HTML_CHARSETS)}"></head><body>{body}</body></html>'.encode("utf-8", "surrogatepass")
    if choice == 4:
        return mutate(rnd, art if suffix == ".html" else body.encode(), rnd.randint(1, 30))
    if choice == 5:
        nul = b"\x00" * rnd.randint(1, 3)
        return body.encode().replace(b"<p>", b"<p>" + nul, rnd.randint(1, 5))
    if choice == 6:
        ents = ["&#0;", "&#xD800;", "&#99999999999;", "&#x110000;", "&#-1;", "&nosuch;", "&#x;", "&amp"]
        return ("<html><body><article>" + "".join(f"<p>{rnd.choice(ents)} {sentence(rnd)}</p>" for _ in range(rnd.randint(1, 40))) + "</article>").encode()
    if choice == 7:
        val = rnd.choice(['"99999-99-99"', "1e400", "[[[[[]]]]]", "null", '"\\ud800"', '{"@value": 3}',
                          '"' + "9" * 5000 + '"', '"2020-02-30T25:61:00+99:99"', "true", '"yesterday"'])
        return (f'<html><head><script type="application/ld+json">{{"@type": "NewsArticle", "datePublished": {val}, '
                f'"headline": {val}, "author": {{"name": {val}}}}}</script>'
                f'<meta property="article:published_time" content={val}><title>{sentence(rnd)}</title></head>'
                f"<body><article>{body}</article></body></html>").encode()
    if choice == 8:
        return f"<html><head><title>{'T' * rnd.randint(1000, 300_000)}</title></head><body>{body}".encode()
    if choice == 9:
        return (f"<!--{body}" if rnd.random() < .5 else f"<![CDATA[{body}") .encode() + b"<script>" * rnd.randint(0, 1000)
    if choice == 10:
        return f'<?xml version="1.0" encoding="{rnd.choice(HTML_CHARSETS)}"?><html xmlns="x"><body>{body}</body></html>'.encode()
    if choice == 11:
        return ("<html><body>" + "<script>var a='" + "x" * rnd.randint(1, 700_000) + "';</script>" + body).encode()
    if choice == 12:
        return rbytes(rnd, rnd.randint(0, 3000))
    if choice == 13:
        return ("<html><body>" + "".join(f"<p>{sentence(rnd)}</p>" for _ in range(rnd.randint(1, 300)))).encode()
    return body.encode("utf-16") if rnd.random() < .5 else (b"\xef\xbb\xbf" + body.encode())


def _jval(rnd: random.Random, depth: int = 0) -> str:
    """A JSON value as text, of any type, sometimes not valid JSON at all."""
    c = rnd.randrange(12 if depth < 3 else 7)
    if c == 0:
        return rnd.choice(["null", "true", "false", "NaN", "Infinity", "-Infinity", "1e999", "-0"])
    if c == 1:
        return rnd.choice(["9" * rnd.randint(1, 6000), "-" + "1" * 5000, "1." + "0" * 5000, "0x10", "01"])
    if c == 2:
        return json.dumps(sentence(rnd))
    if c == 3:
        return '"' + rnd.choice(["\\ud800", "\\udfff\\ud800", "\\u0000", "\\x41", "\\u12", "\\", "\\q", "\t", "\x01"]) + words(rnd, 3) + '"'
    if c == 4:
        return json.dumps(rnd.choice(DATES))
    if c == 5:
        return json.dumps("".join(rnd.choices(WEIRD, k=rnd.randint(1, 40))))
    if c == 6:
        return rnd.choice(['""', '" "', '"\\n"', "[]", "{}"])
    if c == 7:
        return "[" + ", ".join(_jval(rnd, depth + 1) for _ in range(rnd.randint(0, 4))) + "]"
    if c == 8:
        return "{" + ", ".join(f'"{rnd.choice(["text", "html", "k", ""])}": {_jval(rnd, depth + 1)}' for _ in range(rnd.randint(0, 4))) + "}"
    if c == 9:
        n = rnd.choice([50, 1000, 100_000])
        return "[" * n + "1" + "]" * rnd.choice([n, 0, n // 2])
    if c == 10:
        n = rnd.choice([50, 1000, 50_000])
        return '{"a":' * n + "1" + "}" * n
    return json.dumps(words(rnd, rnd.randint(1, 300)))


def gen_jsonl_line(rnd: random.Random, real) -> bytes:
    suffix, art = rnd.choice(real)
    text = art.decode("utf-8", "replace")
    fields = ["text", "html", "id", "url", "title", "date", "source"]
    choice = rnd.randrange(9)
    if choice == 0:
        return rbytes(rnd, rnd.randint(1, 500)).replace(b"\n", b" ")
    if choice == 1:    # every field some type, often wrong
        rec = {f: _jval(rnd) for f in rnd.sample(fields, rnd.randint(0, len(fields)))}
        return ("{" + ", ".join(f'"{k}": {v}' for k, v in rec.items()) + "}").encode("utf-8", "surrogatepass")
    if choice == 2:    # a good body, the metadata hostile
        rec = {f: _jval(rnd) for f in rnd.sample(fields[2:], rnd.randint(1, 5))}
        body = json.dumps(text if rnd.random() < .5 else mutate(rnd, art).decode("utf-8", "replace"))
        return ("{" + f'"{rnd.choice(["text", "html"])}": {body}, ' + ", ".join(f'"{k}": {v}' for k, v in rec.items()) + "}").encode("utf-8", "surrogatepass")
    if choice == 3:    # a valid line cut short
        line = json.dumps({"text": text, "title": sentence(rnd)}).encode()
        return line[:rnd.randint(0, len(line) - 1)]
    if choice == 4:    # bytes that are not UTF-8 inside a string
        return b'{"text": "' + mutate(rnd, text.encode().replace(b'"', b"'").replace(b"\n", b" ").replace(b"\\", b"/"), 5).replace(b"\n", b" ") + b'"}'
    if choice == 5:
        return _jval(rnd).encode("utf-8", "surrogatepass")
    if choice == 6:    # duplicate keys, the last one wins in Python
        return ('{"text": ' + json.dumps(text) + ', "text": ' + _jval(rnd) + "}").encode("utf-8", "surrogatepass")
    if choice == 7:
        return ("\ufeff" + json.dumps({"text": sentence(rnd), "date": rnd.choice(DATES)})).encode() + b"\r"
    return mutate(rnd, json.dumps({"html": text, "url": "https://example.org/" + words(rnd, 2)}).encode(), 4).replace(b"\n", b" ")


def _warc_record(rnd: random.Random, payload: bytes, bad: bool) -> bytes:
    """One WARC response record, by hand (warcio's writer cannot write a broken one)."""
    status = b"HTTP/1.1 200 OK"
    ctype = b"text/html; charset=utf-8"
    extra = b""
    wtype = b"response"
    if bad:
        c = rnd.randrange(10)
        if c == 0:
            status = rnd.choice([b"HTTP/1.1 999", b"FOO", b"", b"HTTP/1.1 200 OK" + b"A" * 100_000, b"\xff\xfe"])
        elif c == 1:
            ctype = rnd.choice([b"text/html; charset=rot13", b"text/html; charset=", b"text/html; charset=utf-16",
                                b"text/html; charset=\"x\x00\"", b"html" * 10000, b"text/html; charset=idna"])
        elif c == 2:
            extra = b"Content-Encoding: " + rnd.choice([b"gzip", b"br", b"deflate", b"x-nope"]) + b"\r\n"
        elif c == 3:
            extra = b"Transfer-Encoding: chunked\r\n"
        elif c == 4:
            wtype = rnd.choice([b"", b"resource", b"revisit", b"request", b"\xff", b"response" * 1000])
        elif c == 5:
            payload = mutate(rnd, payload)
        elif c == 6:
            payload = payload.decode("utf-8", "replace").encode("utf-16")
    http = status + b"\r\nContent-Type: " + ctype + b"\r\n" + extra + b"\r\n" + payload
    length = len(http)
    if bad and rnd.random() < .4:
        length = rnd.choice([length + rnd.randint(1, 5000), max(0, length - rnd.randint(1, length)), -5,
                             10 ** 30, "abc", ""])
    head = (b"WARC/" + (rnd.choice([b"1.0", b"1.1", b"0.9", b"9.9", b""]) if bad and rnd.random() < .2 else b"1.0")
            + b"\r\nWARC-Type: " + wtype + b"\r\nWARC-Record-ID: <urn:uuid:%d>\r\nWARC-Date: 2020-11-10T00:00:00Z\r\n"
            % rnd.randrange(10 ** 9)
            + b"WARC-Target-URI: " + (rnd.choice([b"https://example.org/a", b"", b"javascript:alert(1)", b"\xff\x00",
                                                   b"https://" + b"x" * 10000]) if bad else b"https://example.org/p")
            + b"\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: "
            + str(length).encode() + b"\r\n\r\n")
    return head + http + b"\r\n\r\n"


def gen_warc(rnd: random.Random, real, n: int) -> tuple[bytes, str]:
    """A WARC file of n records (each an input) and its suffix."""
    gz = rnd.random() < .5
    records = []
    for _ in range(n):
        suffix, art = rnd.choice(real)
        text = art.decode("utf-8", "replace")
        page = (art if suffix == ".html" else
                ("<html><body><article>" + "".join(f"<p>{p}</p>" for p in text.split("\n\n")) + "</article></body></html>").encode())
        rec = _warc_record(rnd, page, bad=rnd.random() < .7)
        records.append(gzip.compress(rec, mtime=0) if gz else rec)
    data = b"".join(records)
    c = rnd.randrange(8)
    if c == 0 and data:
        data = data[:rnd.randrange(len(data))]                      # cut anywhere
    elif c == 1:
        data += rnd.choice([gzip.compress(rbytes(rnd, 300))[:50], rbytes(rnd, 200), b"\x1f\x8b\x08\x00",
                            zlib.compress(b"WARC/1.0\r\n")])
    elif c == 2 and data:
        data = mutate(rnd, data, rnd.randint(1, 5))
    elif c == 3:
        data = rnd.choice([b"", b"\x1f\x8b", b"WARC/1.0\r\n\r\n", rbytes(rnd, 1000)]) + data
    suffix = rnd.choice([".warc.gz", ".warc"] if gz else [".warc", ".warc", ".arc", ".warc.gz"])
    return data, suffix


NAME_PARTS = ["\n", "\r", "\t", "\u202e", "\u2066", "\u200f", "\u200b", "\x1b[31m", "[red]", "[/red]",
              "[link=file:///etc]", ": ", "#L1", "#R2", " ", "-", "~", "*?", "\\", "%s", "\u2028", "\x7f",
              "\u0301", "\ufeff", "\u4e2d", "\U0001f4a5", "'", '"', "$(x)", "\x01"]


def gen_name(rnd: random.Random) -> bytes:
    """A hostile file name stem, as bytes (at most 240, so the suffix still fits in 255)."""
    c = rnd.randrange(4)
    if c == 0:
        stem = b"".join(rnd.choice(NAME_PARTS).encode() + words(rnd, 1).encode() for _ in range(rnd.randint(1, 6)))
    elif c == 1:
        stem = bytes(rnd.choice([0xff, 0xfe, 0xc3, 0x80, 0xed, 0xa0, 0xe2, 0x28, 0x41, 0x0a]) for _ in range(rnd.randint(1, 30)))
    elif c == 2:
        unit = rnd.choice(["a", "\u4e2d", "\U0001f4a5", "\u202e", "\u00e9"]).encode()
        stem = unit * (240 // len(unit))
    else:
        stem = mutate(rnd, words(rnd, 3).encode(), rnd.randint(1, 6))
    stem = stem.replace(b"/", b"_").replace(b"\x00", b"_")[:240] or b"_"
    if stem.startswith(b"."):          # hidden files are skipped by design (and counted in a note)
        stem = b"_" + stem[:239]
    return stem


# --------------------------------------------------------------------------------- batches

@dataclass
class Input:
    kind: str
    path: bytes            # the file holding it
    where: str = ""        # "#L3", "#R2" inside the file


@dataclass
class Batch:
    folder: Path
    inputs: list[Input] = field(default_factory=list)
    good: list[str] = field(default_factory=list)       # display paths of good documents


def display(path: bytes) -> str:
    """How the docs say names print (README, "Bad input"): a byte that is not UTF-8 as \\xff,
    other unprintable characters as Python escapes (\\n, \\u202e). Written here from that
    documented form, not imported, so the fuzzer checks the build rather than itself."""
    out = []
    for c in os.fsdecode(path):
        o = ord(c)
        if c.isprintable():
            out.append(c)
        elif 0xDC80 <= o <= 0xDCFF:
            out.append(f"\\x{o - 0xDC00:02x}")
        else:
            out.append(c.encode("unicode_escape").decode("ascii"))
    return "".join(out)


def _write(path: bytes, data: bytes) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def make_batch(rnd: random.Random, real, folder: Path, n: int, kinds=KINDS) -> Batch:
    """A folder of n hostile inputs of the given kinds and three good articles."""
    batch = Batch(folder)
    root = os.fsencode(folder)
    hostile = os.path.join(root, HOSTILE.encode())
    for i, (suffix, data) in enumerate(rnd.sample(real, 3)):
        p = os.path.join(root, GOOD.encode(), f"{i}{suffix}".encode())
        _write(p, data)
        if suffix == ".jsonl":
            batch.good += [display(p) + f"#L{k}" for k, line in enumerate(data.split(b"\n"), 1) if line.strip()]
        else:
            batch.good.append(display(p))
    weights = [MIX[k] for k in kinds]
    made, serial = 0, 0
    while made < n:
        kind = rnd.choices(kinds, weights)[0]
        serial += 1
        base = os.path.join(hostile, f"{serial:04d}".encode())
        if kind == "text":
            p = base + b".txt"
            _write(p, gen_text(rnd, real))
            batch.inputs.append(Input(kind, p))
            made += 1
        elif kind == "html":
            p = base + rnd.choice([b".html", b".htm", b".xhtml"])
            _write(p, gen_html(rnd, real))
            batch.inputs.append(Input(kind, p))
            made += 1
        elif kind == "jsonl":
            k = min(n - made, rnd.randint(1, 12))
            lines = [gen_jsonl_line(rnd, real) for _ in range(k)]
            p = base + rnd.choice([b".jsonl", b".ndjson"])
            _write(p, b"\n".join(lines) + rnd.choice([b"\n", b"", b"\r\n"]))
            batch.inputs += [Input(kind, p, f"#L{j}") for j in range(1, k + 1)]
            made += k
        elif kind == "warc":
            k = min(n - made, rnd.randint(1, 6))
            data, suffix = gen_warc(rnd, real, k)
            p = base + suffix.encode()
            _write(p, data)
            batch.inputs += [Input(kind, p, f"#R{j}") for j in range(1, k + 1)]
            made += k
        else:
            suffix = rnd.choice([b".txt", b".html", b".jsonl", b".warc", b".TXT"])
            folders = b""
            if rnd.random() < .2:          # a deep folder: a path of thousands of bytes
                folders = b"/".join(gen_name(rnd)[:rnd.randint(1, 240)] for _ in range(rnd.randint(2, 30))) + b"/"
            p = os.path.join(hostile, folders + f"{serial:04d}".encode() + gen_name(rnd)[:236] + suffix)
            _, art = rnd.choice([r for r in real if r[0] == ".txt"])
            if suffix in (b".txt", b".TXT"):
                data = rnd.choice([art, mutate(rnd, art), b"", sentence(rnd).encode()])
            elif suffix == b".html":
                data = rnd.choice([b"<html><body><p>" + art + b"</p>", b"<html>"])
            elif suffix == b".jsonl":
                data = json.dumps({"text": art.decode(), "title": os.fsdecode(os.path.basename(p))}, ensure_ascii=False).encode("utf-8", "surrogateescape")
            else:
                data = gen_warc(rnd, real, 1)[0]
            try:
                _write(p, data)
            except OSError:                # a path the file system refuses (over PATH_MAX): a shorter one
                p = os.path.join(hostile, f"{serial:04d}".encode() + gen_name(rnd)[:200] + suffix)
                _write(p, data)
            batch.inputs.append(Input(kind, p))
            made += 1
    return batch


# ----------------------------------------------------------------------------------- judge

def env() -> dict:
    e = dict(os.environ)
    e["PYTHONPATH"] = str(ROOT / "src") + (os.pathsep + e["PYTHONPATH"] if e.get("PYTHONPATH") else "")
    return e


def cli(*args, timeout: float | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dateline.cli", *args], capture_output=True,
                          timeout=timeout, env=env())


def judge(rc: int, stderr: str, names: list[str], stored: set[str], good: list[str]) -> dict:
    """The faults of one finished build, from what a user sees: its exit code, its stderr
    (decoded with surrogateescape), the stored document paths and the input names.

    Returns {"crashes": 0|1, "lost": [good paths missing], "bad_lines": [stderr lines],
    "errors": [error lines]}."""
    errors, bad = [], []
    for line in stderr.split("\n"):
        if not line.strip():
            continue
        if not line.isprintable():          # a raw control, bidi or undecodable character
            bad.append(line)
        elif line.startswith("error "):
            errors.append(line)
            rest = line[len("error "):]
            if not any(rest.startswith(n) and rest[len(n):len(n) + 1] in (":", "#") for n in names):
                bad.append(line)
        elif not line.startswith(("warning ", "note: ")):
            bad.append(line)                # a second line of some message, or a stray print
    crashed = "Traceback (most recent call last)" in stderr or rc != (1 if errors else 0)
    return {"crashes": int(crashed), "lost": [g for g in good if g not in stored],
            "bad_lines": bad, "errors": errors}


def run_batch(batch: Batch, full: bool, hang_seconds: float) -> dict:
    db = batch.folder / "fuzz.db"
    args = ["build", str(batch.folder), "--db", str(db), "--quiet"] + ([] if full else ["--no-entities"])
    t0 = time.perf_counter()
    try:
        r = cli(*args, timeout=hang_seconds)
    except subprocess.TimeoutExpired:
        return {"hang": 1, "seconds": time.perf_counter() - t0}
    seconds = time.perf_counter() - t0
    stderr = r.stderr.decode("utf-8", "surrogateescape")
    d = cli("docs", "--db", str(db), "--json", timeout=hang_seconds)
    stored = set()
    for line in d.stdout.decode("utf-8", "surrogateescape").splitlines():
        try:
            stored.add(json.loads(line)["path"])
        except (ValueError, KeyError, TypeError):
            pass
    names = sorted({display(i.path) for i in batch.inputs} | {g.split("#")[0] for g in batch.good},
                   key=len, reverse=True)
    out = judge(r.returncode, stderr, names, stored, batch.good)
    if d.returncode != 0:
        out["crashes"] = 1
        out["bad_lines"] += d.stderr.decode("utf-8", "surrogateescape").splitlines()[:3]
    out.update(hang=0, seconds=seconds, stored=stored, rc=r.returncode,
               stderr_tail=stderr[-2000:])
    return out


def kind_of_line(batch: Batch, line: str) -> str | None:
    best = None
    for i in batch.inputs:
        n = display(i.path)
        if n in line and (best is None or len(n) > len(best[0])):
            best = (n, i.kind)
    return best[1] if best else None


def fuzz(inputs: int = 10_000, per_batch: int = 150, full_every: int = 8, seed: int = 1,
         hang_seconds: float = 300.0, keep: str | None = None, log=print) -> dict:
    """Run the fuzzer; returns the figures (per kind and total) and the failing batches."""
    rnd = random.Random(seed)
    real = real_articles()
    per_kind = {k: Counter() for k in KINDS}
    total = Counter()
    failures = []
    t_start = time.perf_counter()
    n_batches = -(-inputs // per_batch)
    tmp = Path(tempfile.mkdtemp(prefix="dateline-fuzz-"))
    try:
        for b in range(n_batches):
            n = min(per_batch, inputs - b * per_batch)
            full = bool(full_every) and b % full_every == full_every - 1
            folder = tmp / f"batch{b:03d}"
            batch = make_batch(rnd, real, folder, n)
            res = run_batch(batch, full, hang_seconds)
            for i in batch.inputs:
                per_kind[i.kind]["inputs"] += 1
                name = display(i.path) + i.where
                if name in res.get("stored", ()) or (not i.where and any(s.startswith(name + "#") for s in res.get("stored", ()))):
                    per_kind[i.kind]["stored"] += 1
            for line in res.get("errors", []):
                k = kind_of_line(batch, line)
                if k:
                    per_kind[k]["error_lines"] += 1
            for line in res.get("bad_lines", []):
                per_kind[kind_of_line(batch, line) or "name"]["bad_lines"] += 1
            lost = len(res.get("lost", []))
            total["batches"] += 1
            total["full_builds"] += full
            faulty = res.get("crashes") or res.get("hang")
            blame = []
            if faulty:     # which kind did it: the same inputs again, one kind at a time
                for k in KINDS:
                    sub = [i for i in batch.inputs if i.kind == k]
                    if not sub:
                        continue
                    again = run_batch(_only(batch, k, tmp / f"batch{b:03d}-{k}"), full, hang_seconds)
                    if again.get("crashes") or again.get("hang"):
                        blame.append(k)
                for k in blame or ["name"]:
                    per_kind[k]["crashes"] += res.get("crashes", 0)
                    per_kind[k]["hangs"] += res.get("hang", 0)
            if lost:
                per_kind[blame[0] if blame else "name"]["lost"] += lost
            if faulty or lost or res.get("bad_lines"):
                failures.append({"batch": b, "seed": seed, "full": full, "blame": blame,
                                 "rc": res.get("rc"), "hang": res.get("hang", 0),
                                 "lost": res.get("lost", []), "bad_lines": res.get("bad_lines", [])[:10],
                                 "stderr_tail": res.get("stderr_tail", "")})
                if keep:
                    dest = Path(keep) / f"seed{seed}-batch{b:03d}"
                    shutil.rmtree(dest, ignore_errors=True)
                    shutil.copytree(folder, dest, symlinks=True)
            total["seconds_builds"] += res["seconds"]
            log(f"batch {b + 1}/{n_batches} ({'full' if full else 'no entities'}): {n} inputs, "
                f"{res['seconds']:.1f} s, rc {res.get('rc')}, crash {res.get('crashes', 0)}, "
                f"hang {res.get('hang', 0)}, lost {lost}, bad lines {len(res.get('bad_lines', []))}")
            shutil.rmtree(folder, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for k in KINDS:
        for f in ("inputs", "stored", "error_lines") + FAULTS:
            per_kind[k].setdefault(f, 0)
            total[f] += per_kind[k][f]
    total["seconds"] = round(time.perf_counter() - t_start, 1)
    total["seconds_builds"] = round(total["seconds_builds"], 1)
    return {"seed": seed, "per_batch": per_batch, "full_every": full_every,
            "per_kind": {k: dict(v) for k, v in per_kind.items()}, "total": dict(total),
            "failures": failures}


def _only(batch: Batch, kind: str, folder: Path) -> Batch:
    """A copy of batch with the good articles and the inputs of one kind only."""
    sub = Batch(folder, good=[g.replace(os.fsdecode(batch.folder), os.fsdecode(folder), 1) for g in batch.good])
    src, dst = os.fsencode(batch.folder), os.fsencode(folder)
    shutil.copytree(os.path.join(src, GOOD.encode()), os.path.join(dst, GOOD.encode()))
    for i in batch.inputs:
        if i.kind != kind:
            continue
        p = dst + i.path[len(src):]
        if not os.path.exists(p):
            os.makedirs(os.path.dirname(p), exist_ok=True)
            shutil.copyfile(i.path, p)
        sub.inputs.append(Input(i.kind, p, i.where))
    return sub


def faults(figures: dict) -> int:
    return sum(figures["total"][f] for f in FAULTS)


def print_table(figures: dict) -> None:
    cols = ("inputs", "stored", "error_lines") + FAULTS
    print(f"{'kind':<8}" + "".join(f"{c:>12}" for c in cols))
    for k, row in list(figures["per_kind"].items()) + [("total", figures["total"])]:
        print(f"{k:<8}" + "".join(f"{row.get(c, 0):>12}" for c in cols))
    t = figures["total"]
    print(f"{t['batches']} batches ({t['full_builds']} full builds), {t['seconds']} s "
          f"({t['seconds_builds']} s in `dateline build`); seed {figures['seed']}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--inputs", type=int, default=10_000)
    ap.add_argument("--per-batch", type=int, default=150)
    ap.add_argument("--full-every", type=int, default=8, help="every N-th batch a full build (0: none)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--hang-seconds", type=float, default=300.0)
    ap.add_argument("--json", help="write the figures here")
    ap.add_argument("--keep", help="copy each failing batch's folder here, to reproduce it")
    ap.add_argument("-q", "--quiet", action="store_true", help="no line per batch")
    args = ap.parse_args()
    figures = fuzz(args.inputs, args.per_batch, args.full_every, args.seed, args.hang_seconds,
                   args.keep, log=(lambda *a: None) if args.quiet else
                   (lambda *a: print(*a, file=sys.stderr, flush=True)))
    print_table(figures)
    for f in figures["failures"]:
        print(f"FAULT batch {f['batch']} (blame {','.join(f['blame']) or '?'}): rc {f['rc']}, "
              f"hang {f['hang']}, lost {f['lost']}, bad {f['bad_lines'][:3]!r}", file=sys.stderr)
        print("  " + f["stderr_tail"][-600:].replace("\n", "\n  "), file=sys.stderr)
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1, ensure_ascii=True) + "\n")
    sys.exit(1 if faults(figures) else 0)


if __name__ == "__main__":
    main()
