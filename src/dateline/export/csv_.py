"""CSV export: one row per (event, source), for spreadsheets and pandas.

An event with several sources gives several rows with the same event columns; an event with
no source (should not happen, but the contract allows it) gives one row with empty source
columns. Lists (actors, places) are entity names joined with "; " (each once, in order).
``precision`` is ``year``, ``month`` or ``day`` (the parts ``date`` has: "2020-11" is a
month); ``uncertain`` (the event's date rests on an inferred publication date or a guessed
year) and ``background`` are ``true``/``false``; ``importance`` and ``relevance`` are
numbers (see the JSON export); ``outlet``, ``title``, ``url`` and ``published`` describe the
source document (``outlet`` falls back to the title, then the file name). ``start``/``end``
are character offsets into the document's cleaned text (see the JSON export), so a quote can
be found again. ``starred`` is ``true``/``false`` and ``edited`` says what an analyst changed
and why (``export.edited``; empty when nothing). pandas reads the file with its defaults:
``true``/``false`` become booleans, the numbers numbers, an empty cell NaN.

Spreadsheet formula injection: an article is untrusted text, and a cell starting with ``=``,
``+``, ``-``, ``@``, tab or CR is run as a formula by Excel/LibreOffice. Text cells (summary,
quote, trigger, names, outlet) starting with one of those get a leading ``'`` (OWASP's advice;
spreadsheets hide it). The offsets are untouched, so the exact quote is always recoverable from
the JSON export. ``write(..., guard_formulas=False)`` turns this off for programmatic users.
"""
from __future__ import annotations

import csv
from typing import Any

from . import Out, as_data, edited, names, outlets, text_out

COLUMNS = ["event_id", "date", "precision", "uncertain", "modality", "summary", "importance",
           "relevance", "background", "actors", "places", "doc", "outlet", "title", "url",
           "published", "quote", "start", "end", "trigger", "attributed_to", "starred", "edited"]
_TEXT_COLUMNS = {"summary", "actors", "places", "outlet", "title", "url", "quote", "trigger",
                 "attributed_to", "edited"}
# the precision of a date by its number of parts ("2020", "2020-11", "2020-11-10")
PRECISION = {1: "year", 2: "month", 3: "day"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _guard(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def rows(data: dict, guard_formulas: bool = True) -> list[dict]:
    ents, docs = names(data), outlets(data)
    out = []
    for ev in data.get("events", []):
        base = {
            "event_id": ev["id"], "date": ev["date"],
            "precision": PRECISION.get(len(ev["date"].split("-")), ""),
            "uncertain": "true" if ev.get("uncertain") else "false",
            "modality": ev["modality"], "summary": ev["summary"],
            "importance": "" if ev.get("importance") is None else ev["importance"],
            "relevance": "" if ev.get("relevance") is None else ev["relevance"],
            "background": "true" if ev.get("background") else "false",
            "actors": "; ".join(ents.get(a, a) for a in dict.fromkeys(ev.get("actors", []))),
            "places": "; ".join(ents.get(p, p) for p in dict.fromkeys(ev.get("places", []))),
            # the analyst's marks (dateline.curate): a starred event, what was edited and why
            "starred": "true" if ev.get("starred") else "false", "edited": edited(ev),
        }
        sources = ev.get("sources") or [None]
        for s in sources:
            row = dict.fromkeys(COLUMNS, "")
            row.update(base)
            if s is not None:
                doc = docs.get(s["doc"], {})
                trig = s.get("trigger")
                att = s.get("attributed_to")
                row.update({
                    "doc": s["doc"], "outlet": doc.get("outlet") or "",
                    "title": doc.get("title") or "", "url": doc.get("url") or "",
                    "published": doc.get("published") or "", "quote": s["quote"],
                    "start": s["start"], "end": s["end"], "trigger": trig["text"] if trig else "",
                    "attributed_to": ents.get(att, att) if att else "",
                })
            if guard_formulas:
                for k in _TEXT_COLUMNS:
                    if isinstance(row[k], str):
                        row[k] = _guard(row[k])
            out.append(row)
    return out


def write(store_or_data: Any, out: Out, guard_formulas: bool = True) -> None:
    data = as_data(store_or_data)
    with text_out(out) as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\r\n")
        w.writeheader()
        w.writerows(rows(data, guard_formulas))
