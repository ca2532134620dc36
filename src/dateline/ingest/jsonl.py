"""JSON Lines: one article per line with `text` or `html`, optional id, url, title, date, source."""
from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Iterator

from ..model import RawDocument


def read(path: Path, name: str | None = None) -> Iterator:
    """name: how errors and documents name the file (ingest.display)."""
    with path.open("rb") as f:
        yield from read_stream(f, name or str(path))


def read_stream(f: IO[bytes], name: str) -> Iterator:
    """The articles of an open binary stream (a file, or bytes a Spark executor was handed)."""
    from ..settings import SETTINGS
    from . import IngestError

    limit = SETTINGS.ingest.MAX_ARTICLE_BYTES
    for n, line in enumerate(f, 1):
        # one form for a line, in errors and in stored paths alike (like WARC's #R<n>)
        where = f"{name}#L{n}"
        if not line.strip():
            continue
        if len(line) > limit:
            yield IngestError(where, f"line too large for an article ({len(line) / 2**20:.1f} MB)")
            continue
        try:
            rec = json.loads(line)
        except UnicodeDecodeError as e:
            yield IngestError(where, f"not valid UTF-8 ({e.reason})")
            continue
        except json.JSONDecodeError as e:
            yield IngestError(where, f"not valid JSON ({e.msg} at column {e.colno})")
            continue
        except RecursionError:  # "[" * 200000: the decoder recurses once per level
            yield IngestError(where, "not valid JSON (nested too deeply)")
            continue
        except ValueError as e:  # an integer of more than 4,300 digits (int_max_str_digits)
            yield IngestError(where, f"not valid JSON ({str(e).split(';')[0]})")
            continue
        if not isinstance(rec, dict):
            yield IngestError(where, f"expected a JSON object, got {type(rec).__name__}")
            continue
        # the first of html, text that is a string with content: a crawler's record may
        # carry html as an object (headers, a blob id) beside a good text
        kind, body = next(((k, rec[k]) for k in ("html", "text")
                           if isinstance(rec.get(k), str) and rec[k].strip()), (None, None))
        if body is None:
            yield IngestError(where, "no `text` or `html` field with content")
            continue
        meta = {k: (str(rec[k]) if rec.get(k) is not None else None)
                for k in ("id", "url", "title", "date", "source")}
        yield RawDocument(path=where, raw=body, kind=kind,
                          url=meta["url"], title=meta["title"], date=meta["date"],
                          source=meta["source"], ext_id=meta["id"])
