"""Export formats. Every format is derived from the dateline/1 JSON export (``json.export``),
so all of them say the same thing about the same database.

``FORMATS`` maps a format name to ``write(store_or_data, out)``:

- ``store_or_data``: an open ``Store`` or an already computed dateline/1 dict;
- ``out``: a path (``str``/``PathLike``; ``"-"`` or ``None`` is standard output) or an open
  text stream. Paths are written atomically (a temporary file renamed into place), UTF-8,
  with the line endings the format asks for (CRLF for CSV and iCalendar).

The writers import nothing beyond the standard library at module level; ``ics`` needs the
``icalendar`` package when it is called.
"""
from __future__ import annotations

import io
import json as _json
import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Callable, Iterator, Union

Out = Union[str, "os.PathLike[str]", IO[str], None]


def as_data(store_or_data: Any) -> dict:
    """The dateline/1 dict for a Store (computed once) or a dict (returned as is)."""
    if isinstance(store_or_data, dict):
        return store_or_data
    from .json import export

    return export(store_or_data)


@contextmanager
def text_out(out: Out) -> Iterator[IO[str]]:
    """A UTF-8 text stream without newline translation for OUT (see the module docstring)."""
    if out is None or (isinstance(out, str) and out == "-"):
        buf = getattr(sys.stdout, "buffer", None)
        if buf is None:  # a captured or replaced stdout: write text as is
            yield sys.stdout
            sys.stdout.flush()
            return
        sys.stdout.flush()
        wrapper = io.TextIOWrapper(buf, encoding="utf-8", newline="", write_through=True)
        try:
            yield wrapper
            wrapper.flush()
        finally:
            wrapper.detach()  # leave sys.stdout's buffer open
        return
    if isinstance(out, (str, os.PathLike)):
        path = Path(out)
        if not (path.parent if str(path.parent) else Path(".")).is_dir():
            raise RuntimeError(f"{path}: no such folder {str(path.parent)!r}")
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
        try:
            with open(fd, "w", encoding="utf-8", newline="") as f:
                yield f
            # mkstemp makes the file private (0600); an export is meant to be shared: the
            # usual mode for a new file under the user's umask
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
            raise
        return
    yield out  # an open text stream: the caller owns it


def _write_json(store_or_data: Any, out: Out) -> None:
    """dateline/1 JSON (the contract; see DESIGN.md)."""
    data = as_data(store_or_data)
    with text_out(out) as f:
        _json.dump(data, f, ensure_ascii=False, indent=1)
        f.write("\n")


def _lazy(module: str) -> Callable[[Any, Out], None]:
    """write() of a sibling module, imported on first use (keeps `import dateline.export` cheap)."""
    def write(store_or_data: Any, out: Out) -> None:
        import importlib

        importlib.import_module(f"{__name__}.{module}").write(store_or_data, out)
    write.__name__ = f"write_{module.rstrip('_')}"
    write.__qualname__ = write.__name__
    return write


FORMATS: dict[str, Callable[[Any, Out], None]] = {
    "json": _write_json,
    "csv": _lazy("csv_"),
    "timelinejs": _lazy("timelinejs"),
    "ics": _lazy("ics"),
    "geojson": _lazy("geojson_"),
    "plover": _lazy("plover"),
    "html": _lazy("html"),
}

# Conventional file extensions and media types, for callers that name or serve the output.
EXTENSIONS = {"json": ".json", "csv": ".csv", "timelinejs": ".timeline.json", "ics": ".ics",
              "geojson": ".geojson", "plover": ".plover.jsonl", "html": ".html"}
MEDIA_TYPES = {"json": "application/json", "csv": "text/csv; charset=utf-8",
               "timelinejs": "application/json", "ics": "text/calendar; charset=utf-8",
               "geojson": "application/geo+json", "plover": "application/x-ndjson",
               "html": "text/html; charset=utf-8"}


def write(fmt: str, store_or_data: Any, out: Out) -> None:
    """Write STORE_OR_DATA in format FMT (a key of FORMATS) to OUT."""
    try:
        writer = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown export format {fmt!r}; one of: {', '.join(FORMATS)}") from None
    writer(store_or_data, out)


# formats that take a title (named after the story)
TITLED = ("html", "timelinejs")


def write_story(fmt: str, store: Any, out: Out, title: str | None = None,
                every_event: bool = False, **filters: Any) -> dict:
    """Write the database in format FMT with the events ``query.timeline`` keeps for FILTERS
    (``entity``, ``date_from``, ``date_to``, ``top``, ``include_background``,
    ``include_off_topic``: the `timeline` command's filters); documents, entities,
    commitments and conflicts are exported whole. A TimelineJS export of more than
    ``SETTINGS.output.TIMELINEJS_TOP`` events keeps the most important ones unless ``top``
    or ``every_event`` says otherwise. HTML and TimelineJS are titled TITLE, by default
    ``query.story_title``; an HTML report opens with the digest of the date range.

    Returns what was written: ``{"events", "of" (events before the filters' ``top``),
    "top" (the top applied, or None), "title"}``."""
    from ..settings import SETTINGS
    from ..query import digest, story_title, timeline, view
    from .json import export

    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; one of: {', '.join(FORMATS)}")
    top = filters.pop("top", None)
    v = view(store)   # the analyst's edits applied (dateline.curate), read once for all below
    kept = timeline(store, curated=v, **filters)
    if top is None and fmt == "timelinejs" and not every_event and len(kept) > SETTINGS.output.TIMELINEJS_TOP:
        top = SETTINGS.output.TIMELINEJS_TOP
    events = timeline(store, top=top, curated=v, **filters) if top is not None else kept
    data = export(store, events, curated=v)
    info = {"events": len(events), "of": len(kept), "top": top, "title": None}
    if fmt in TITLED:
        info["title"] = title or story_title(store, v.entities)
    if fmt == "html":
        from .html import report

        brief = digest(store, SETTINGS.output.BRIEF_DAYS, date_from=filters.get("date_from"),
                       date_to=filters.get("date_to"))
        with text_out(out) as f:
            f.write(report(data, info["title"], brief))
    elif fmt == "timelinejs":
        from .timelinejs import write as write_tl

        write_tl(data, out, info["title"])
    else:
        FORMATS[fmt](data, out)
    return info


# -- small helpers shared by the formats ----------------------------------------------------

def names(data: dict) -> dict[str, str]:
    """Entity id -> name."""
    return {e["id"]: e["name"] for e in data.get("entities", [])}


def edited(obj: dict) -> str:
    """How an analyst edited an event, entity or commitment (``dateline.curate``), on one
    line for the formats without a field for it: "" when not edited, else e.g. "edited: date
    2021-03-25 (the tugs began on Thursday); star". Every format marks edits with it."""
    parts = []
    for e in obj.get("edits") or []:
        v = e.get("value") or {}
        what = v.get("date") or v.get("name") or v.get("status") or v.get("alias") or ""
        if "others" in v:
            what = f"of {len(v['others']) + 1} events" if e["kind"] == "event" else \
                f"of {len(v['others']) + 1} entities"
        elif "sources" in v:
            n = len(v["sources"])
            what = f"{n} source{'s' if n > 1 else ''} into an event of {'their' if n > 1 else 'its'} own"
        parts.append(" ".join(x for x in (e["action"], what) if x)
                     + (f" ({e['note']})" if e.get("note") else ""))
    return "edited: " + "; ".join(parts) if parts else ""


def outlets(data: dict) -> dict[str, dict]:
    """Document id -> {"outlet", "published", "title", "url"}; outlet falls back to the title,
    then the file name, so a source is never shown blank."""
    out = {}
    for d in data.get("documents", []):
        outlet = d.get("source") or d.get("title") or Path(d.get("path") or d["id"]).name
        out[d["id"]] = {"outlet": outlet, "published": d.get("published"), "title": d.get("title"),
                        "url": d.get("url")}
    return out
