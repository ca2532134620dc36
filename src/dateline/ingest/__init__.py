"""Ingest: files and folders -> raw documents.

Each reader yields RawDocument for every article it can read and IngestError for every one it
cannot, so one bad file (or one bad line of a JSONL file) never stops the batch.
"""
from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Iterator

from ..model import RawDocument
from ..settings import SETTINGS

# The size limit of one article is SETTINGS.ingest.MAX_ARTICLE_BYTES.

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
WARC_SUFFIXES = {".warc", ".warc.gz", ".arc", ".arc.gz"}


def one_line(s: str) -> str:
    """s with every unprintable character escaped, so it prints as one line that shows what
    is there: a newline or U+202E (which reverses the rest of a terminal line) in a file name,
    a byte of a name that is not UTF-8 (os.fsdecode keeps it as a lone surrogate, U+DC80 +
    byte, which SQLite and terminals reject) as \\xff. Printable text is left as it is, so
    escaping twice is escaping once."""
    if s.isprintable():
        return s
    out = []
    for c in s:
        o = ord(c)
        if c.isprintable():
            out.append(c)
        elif 0xDC80 <= o <= 0xDCFF:       # an undecodable byte of a file name
            out.append(f"\\x{o - 0xDC00:02x}")
        else:
            out.append(c.encode("unicode_escape").decode("ascii"))
    return "".join(out)


def display(path: str | os.PathLike) -> str:
    """The name of an input as it is stored and printed: os.fsdecode (surrogateescape for
    bytes that are not UTF-8), then one_line."""
    return one_line(os.fsdecode(path))


@dataclass
class IngestError:
    path: str
    message: str

    def __str__(self) -> str:
        # the path and the message can both hold text from the input: one line, always
        return one_line(f"{self.path}: {self.message}")


# Lone surrogates (a JSON "\ud800" decodes to one; SQLite cannot encode it) and C0/C1 control
# characters other than tab and line ends (\r stays: CRLF files are common, the cleaner
# normalises them). Each is replaced by U+FFFD once, at ingest, so no later stage meets them.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def sanitize(doc: RawDocument) -> RawDocument:
    """doc with _UNSAFE characters replaced in its text and metadata; the number replaced is
    doc.replaced (the build report counts them)."""
    n = 0

    def fix(s):
        nonlocal n
        if s is None:
            return s
        s, k = _UNSAFE.subn("\ufffd", s)
        n += k
        return s

    fields = {k: fix(getattr(doc, k)) for k in ("raw", "url", "title", "date", "source", "ext_id")}
    return replace(doc, **fields, replaced=n) if n else doc


def suffix_of(path: Path) -> str:
    name = path.name.lower()
    for s in WARC_SUFFIXES:
        if name.endswith(s):
            return s
    return path.suffix.lower()


SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | WARC_SUFFIXES


def _not_regular(path: Path) -> IngestError | None:
    """Why path (not a folder) cannot be read as a file, if it cannot: a FIFO or a device
    would block or never end, a broken link has nothing behind it."""
    if path.is_file():
        return None
    if path.exists():
        return IngestError(display(path), "not a regular file (a FIFO, socket or device)")
    if path.is_symlink():
        return IngestError(display(path), "broken symbolic link")
    return IngestError(display(path), "no such file or directory")


def discover(paths: Iterable[str | os.PathLike],
             counters: Counter | None = None) -> Iterator[Path | IngestError]:
    """Expand files and folders (recursively, in sorted order) into input files.

    In folders, files of other types are passed over, and so are hidden ones (a name, or a
    folder on the way, starting with "."; editors' and VCS files): these are counted in
    counters["hidden skipped"] so the user hears of them. Named on their own they are read."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if suffix_of(child) not in SUPPORTED or child.is_dir():
                    continue
                if any(part.startswith(".") for part in child.relative_to(path).parts):
                    if counters is not None:
                        counters["hidden skipped"] += 1
                    continue
                err = _not_regular(child)
                yield err if err else child
        elif err := _not_regular(path):
            yield err
        elif suffix_of(path) in SUPPORTED:
            yield path
        else:
            yield IngestError(display(path), f"unsupported file type {path.suffix or '(none)'!r} "
                              "(expected .txt, .html, .jsonl, .warc or .warc.gz)")


def read(path: Path) -> Iterator[RawDocument | IngestError]:
    """Read one input file into raw documents."""
    from . import jsonl, warc

    suffix = suffix_of(path)
    name = display(path)
    try:
        if suffix in WARC_SUFFIXES:
            yield from warc.read(path, name)
            return
        if suffix in JSONL_SUFFIXES:
            yield from jsonl.read(path, name)
            return
        size = path.stat().st_size
        limit = SETTINGS.ingest.MAX_ARTICLE_BYTES
        if size > limit:
            yield IngestError(name, f"file too large for an article ({size / 2**20:.1f} MB > "
                              f"{limit // 2**20} MB limit)")
            return
        yield from read_bytes(name, suffix, path.read_bytes())
    except OSError as e:
        yield IngestError(name, f"cannot read: {e.strerror or e}")
    except Exception as e:  # a reader's bug or an input no rule foresaw: this file, not the batch
        yield IngestError(name, f"cannot read: {type(e).__name__}: {e}".splitlines()[0])


def missing(paths: Iterable[str | os.PathLike]) -> list[str]:
    """The paths that name nothing at all (a typo, most likely), as displayed: a build can
    refuse them before it creates or touches a database. A broken link or a FIFO exists and
    is reported as it is read."""
    return [display(Path(p)) for p in paths if not Path(p).exists() and not Path(p).is_symlink()]


def count(paths: Iterable[str | os.PathLike]) -> int:
    """How many items ``read_all`` will yield, counted before reading (for a progress bar):
    one per text or HTML file, one per non-blank JSONL line, one per WARC response or
    resource record (an upper bound: a record that is no HTML page is passed over), one per
    path that fails. Counting reads JSONL and WARC files once more; no article is parsed."""
    n = 0
    for item in discover(paths):
        suffix = suffix_of(item) if isinstance(item, Path) else None
        try:
            if suffix in JSONL_SUFFIXES:
                with item.open("rb") as f:
                    n += sum(1 for line in f if line.strip())
                continue
            if suffix in WARC_SUFFIXES:
                import contextlib
                import io

                from warcio.archiveiterator import ArchiveIterator

                # warcio writes its warnings about a damaged record to stderr; read_all
                # reports those records as one line each, so the count keeps quiet
                with item.open("rb") as f, contextlib.redirect_stderr(io.StringIO()):
                    n += sum(1 for rec in ArchiveIterator(f)
                             if rec.rec_type in ("response", "resource"))
                continue
        except Exception:   # unreadable or corrupt: read_all reports it, as one item
            pass
        n += 1
    return n


def read_bytes(name: str, suffix: str, data: bytes) -> Iterator[RawDocument | IngestError]:
    """One input file's content, already read (the Spark runner's executors get files as
    bytes), into raw documents: the same readers as ``read``."""
    import io

    from . import html, jsonl, text, warc

    try:
        if suffix in WARC_SUFFIXES:
            docs = warc.read_stream(io.BytesIO(data), name)
        elif suffix in JSONL_SUFFIXES:
            docs = jsonl.read_stream(io.BytesIO(data), name)
        elif len(data) > SETTINGS.ingest.MAX_ARTICLE_BYTES:
            limit = SETTINGS.ingest.MAX_ARTICLE_BYTES
            docs = [IngestError(name, f"file too large for an article ({len(data) / 2**20:.1f} MB"
                                f" > {limit // 2**20} MB limit)")]
        elif suffix in HTML_SUFFIXES:
            docs = [html.from_bytes(name, data)]
        else:
            docs = [text.from_bytes(name, data)]
        yield from docs
    except Exception as e:  # a reader's bug or an input no rule foresaw: this file, not the batch
        yield IngestError(name, f"cannot read: {type(e).__name__}: {e}".splitlines()[0])


def read_all(paths: Iterable[str | os.PathLike],
             counters: Counter | None = None) -> Iterator[RawDocument | IngestError]:
    """Every document of paths, sanitised (see sanitize), or an error for each that fails."""
    for item in discover(paths, counters):
        if isinstance(item, IngestError):
            yield item
        else:
            for doc in read(item):
                yield doc if isinstance(doc, IngestError) else sanitize(doc)
