"""WARC files (e.g. Common Crawl news): HTTP response records holding HTML."""
from __future__ import annotations

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

    from ..settings import SETTINGS
    from . import IngestError
    from .html import from_bytes

    n = 0
    html_records = 0
    try:
        for rec in ArchiveIterator(f):
            n += 1
            where = f"{name}#R{n}"
            page = None
            if rec.rec_type in ("response", "resource"):
                if rec.http_headers is not None:
                    ok = rec.rec_type != "response" or (rec.http_headers.get_statuscode() or "").startswith("2")
                    ctype = rec.http_headers.get_header("Content-Type") or "" if ok else ""
                else:
                    ctype = rec.rec_headers.get_header("Content-Type") or ""
                if "html" in ctype.lower():
                    limit = SETTINGS.ingest.MAX_ARTICLE_BYTES
                    data = rec.content_stream().read(limit + 1)
                    if len(data) > limit:
                        page = IngestError(where, "record too large for an article")
                    else:
                        charset = None
                        if "charset=" in ctype.lower():
                            charset = ctype.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'") or None
                        try:
                            page = from_bytes(where, data, url=rec.rec_headers.get_header("WARC-Target-URI"),
                                              declared=charset)
                        except Exception as e:  # one bad page, not a bad archive: go on
                            page = IngestError(where, f"cannot decode page: {type(e).__name__}: {e}")
            _check_complete(rec, n)
            if page is not None:
                html_records += 1
                yield page
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as e:
        yield IngestError(name, f"truncated or corrupt WARC after {html_records} page(s): {e}".splitlines()[0])
    except Exception as e:  # zlib.error and other decoder failures of a damaged archive
        yield IngestError(name, f"truncated or corrupt WARC after {html_records} page(s): "
                          f"{type(e).__name__}: {e}".splitlines()[0])
    else:
        if html_records == 0:
            yield IngestError(name, "no HTML response records in WARC")
