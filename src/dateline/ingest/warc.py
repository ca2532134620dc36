"""WARC files (e.g. Common Crawl news): HTTP response records holding HTML."""
from __future__ import annotations

import contextlib
import io
from pathlib import Path
from typing import IO, Iterator


def _check_complete(rec, n: int) -> None:
    """warcio hands out a short record silently when the file ends mid-record: drain the
    record (the iterator would read past it anyway) and fail if bytes are missing."""
    while rec.raw_stream.read(1 << 16):
        pass
    missing = getattr(rec.raw_stream, "limit", 0)
    if missing > 0:
        raise EOFError(f"record {n} ends early, {missing} bytes missing")


def _quietly(step):
    """step() with sys.stderr captured. warcio reports two faults of a record by writing
    several lines to stderr and going on: a Content-Length that does not end at a record
    boundary ("WARNING: Record not followed by newline ...", found only when it reads what
    follows) and gzip or deflate content that fails half way (then the rest is b""). Both
    must become one error line naming the record. Returns (value, what was written)."""
    buf = io.StringIO()
    with contextlib.redirect_stderr(buf):
        value = step()
    return value, " ".join(buf.getvalue().split())


def _page(rec, where: str):
    """The HTML page of one record, an IngestError, or None (a record holding no page)."""
    from ..settings import SETTINGS
    from . import IngestError
    from .html import from_bytes

    if rec.rec_type not in ("response", "resource"):
        return None
    if rec.http_headers is not None:
        ok = rec.rec_type != "response" or (rec.http_headers.get_statuscode() or "").startswith("2")
        ctype = rec.http_headers.get_header("Content-Type") or "" if ok else ""
    else:
        ctype = rec.rec_headers.get_header("Content-Type") or ""
    if "html" not in ctype.lower():
        return None
    limit = SETTINGS.ingest.MAX_ARTICLE_BYTES
    data = rec.content_stream().read(limit + 1)
    if len(data) > limit:
        return IngestError(where, "record too large for an article")
    charset = None
    if "charset=" in ctype.lower():
        charset = ctype.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'") or None
    try:
        return from_bytes(where, data, url=rec.rec_headers.get_header("WARC-Target-URI"),
                          declared=charset)
    except Exception as e:  # one bad page, not a bad archive: go on
        return IngestError(where, f"cannot decode page: {type(e).__name__}: {e}")


def read(path: Path, name: str | None = None) -> Iterator:
    """name: how errors and documents name the file (ingest.display)."""
    name = name or str(path)
    try:
        f = path.open("rb")
    except OSError as e:
        from . import IngestError
        yield IngestError(name, f"truncated or corrupt WARC after 0 page(s): {e}".splitlines()[0])
        return
    with f:
        yield from read_stream(f, name)


def read_stream(f: IO[bytes], name: str) -> Iterator:
    """The HTML pages of an open WARC stream (a file, or bytes a Spark executor was handed)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from . import IngestError

    n = 0
    html_records = 0
    # a record's page is held until the iterator has read past it: only then does warcio
    # know whether the record ended where its Content-Length said
    held = None
    try:
        records = iter(ArchiveIterator(f))
        while True:
            try:
                rec, said = _quietly(lambda: next(records, None))
            except BaseException:
                if held is not None:
                    html_records += 1
                    yield held
                held = None
                raise
            if said and n:
                held = IngestError(f"{name}#R{n}", "record not followed by a blank line "
                                   "(its Content-Length is likely wrong)")
            if held is not None:
                html_records += 1
                yield held
                held = None
            if rec is None:
                break
            n += 1
            where = f"{name}#R{n}"

            def page_of(rec=rec, where=where):
                page = _page(rec, where)
                _check_complete(rec, n)
                return page

            held, said = _quietly(page_of)
            if said and held is not None:
                held = IngestError(where, f"content cannot be decoded ({said})"[:300])
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as e:
        yield IngestError(name, f"truncated or corrupt WARC after {html_records} page(s): {e}".splitlines()[0])
    except Exception as e:  # zlib.error and other decoder failures of a damaged archive
        yield IngestError(name, f"truncated or corrupt WARC after {html_records} page(s): "
                          f"{type(e).__name__}: {e}".splitlines()[0])
    else:
        if html_records == 0:
            yield IngestError(name, "no HTML response records in WARC")
