"""CSV export: one row per (event, source), for spreadsheets and pandas.

An event with several sources gives several rows with the same event columns; an event with
no source (should not happen, but the contract allows it) gives one row with empty source
columns. ``starred`` is ``true``/``false`` and ``edited`` says what an analyst changed and
why (``export.edited``; empty when nothing). Lists (actors, places) are entity names joined with "; " (each once, in order). ``background`` is
``true``/``false``; ``start``/``end`` are character offsets into the document's cleaned text
(see the JSON export), so a quote can be found again.

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

COLUMNS = ["event_id", "date", "modality", "summary", "importance", "background", "actors",
           "places", "doc", "outlet", "published", "quote", "start", "end", "trigger",
           "attributed_to", "starred", "edited"]
_TEXT_COLUMNS = {"summary", "actors", "places", "outlet", "quote", "trigger", "attributed_to",
                 "edited"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _guard(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def rows(data: dict, guard_formulas: bool = True) -> list[dict]:
    ents, docs = names(data), outlets(data)
    out = []
    for ev in data.get("events", []):
        base = {
            "event_id": ev["id"], "date": ev["date"], "modality": ev["modality"],
            "summary": ev["summary"],
            "importance": "" if ev.get("importance") is None else ev["importance"],
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
