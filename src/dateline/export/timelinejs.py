"""Knight Lab TimelineJS3 JSON (https://timeline.knightlab.com/docs/json-format.html).

- ``start_date`` has only the parts our date has: a year-only event gets ``{"year"}``, a
  month event ``{"year", "month"}``; ``display_date`` is set to the same granularity so
  TimelineJS does not print a made-up "January 1".
- Events before the story window (``background``) are in the group "Background", the others
  in "Story"; when both groups exist, eras mark the background span and the story span
  (each only if it covers more than one date: TimelineJS rejects an era whose end equals
  its start).
- TimelineJS renders ``headline`` and ``text`` as HTML, and article text is untrusted: every
  piece of it is escaped with ``html.escape`` before it is placed in our own small markup
  (a source list with the quote, outlet and date of each source).
- ``unique_id`` is ``"ev-" + event id`` (TimelineJS uses it as a DOM id and URL hash; a
  leading letter keeps it a valid CSS identifier).
"""
from __future__ import annotations

import json
from html import escape
from typing import Any

from ..lang.en.calendar import MONTH_TITLES as MONTHS
from ..settings import SETTINGS
from . import Out, as_data, edited, names, outlets, text_out


def date_parts(value: str) -> dict | None:
    """'2020-11-20' -> {"year": "2020", "month": "11", "day": "20"} (only the parts present)."""
    parts = (value or "").split("-")
    if not parts[0].isdigit():
        return None
    out = {"year": str(int(parts[0]))}
    if len(parts) > 1 and parts[1].isdigit():
        out["month"] = str(int(parts[1]))
        if len(parts) > 2 and parts[2].isdigit():
            out["day"] = str(int(parts[2]))
    return out


def display(value: str) -> str:
    p = date_parts(value) or {}
    if "day" in p:
        return f"{int(p['day'])} {MONTHS[int(p['month']) - 1]} {p['year']}"
    if "month" in p:
        return f"{MONTHS[int(p['month']) - 1]} {p['year']}"
    return p.get("year", value or "")


def headline(summary: str, limit: int | None = None) -> str:
    """A short headline from the summary: cut at a word boundary, with an ellipsis (at
    SETTINGS.output.HEADLINE_MAX characters unless ``limit`` says otherwise)."""
    if limit is None:
        limit = SETTINGS.output.HEADLINE_MAX
    s = " ".join(summary.split())
    if len(s) <= limit:
        return s
    cut = s[:limit].rsplit(" ", 1)[0].rstrip(",;:—–- ")
    return cut + "…"


def _text(ev: dict, ents: dict, docs: dict) -> str:
    e = escape
    # the full summary only when the headline had to be cut
    parts = [f"<p>{e(ev['summary'])}</p>"] if headline(ev["summary"]) != " ".join(ev["summary"].split()) else []
    who = [ents.get(a, a) for a in dict.fromkeys(ev.get("actors", []))]
    where = [ents.get(p, p) for p in dict.fromkeys(ev.get("places", []))]
    meta = [f"<em>{e(ev['modality'])}</em>"]
    if who:
        meta.append("who: " + e(", ".join(who)))
    if where:
        meta.append("where: " + e(", ".join(where)))
    parts.append(f"<p class=\"dl-meta\">{' · '.join(meta)}</p>")
    if ev.get("edits"):   # an analyst's correction is shown as one, with its note
        parts.append(f"<p class=\"dl-edited\">{e(edited(ev))}</p>")
    items = []
    for s in ev.get("sources", []):
        d = docs.get(s["doc"], {})
        cite = e(d.get("outlet") or s["doc"])
        if d.get("published"):
            cite += ", " + e(d["published"])
        att = s.get("attributed_to")
        if att:
            cite += " — according to " + e(ents.get(att, att))
        items.append(f"<li><blockquote>“{e(s['quote'])}”</blockquote><cite>{cite}</cite></li>")
    if items:
        parts.append(f"<p><strong>Sources ({len(items)})</strong></p><ul>{''.join(items)}</ul>")
    return "".join(parts)


def timeline(data: dict, title: str | None = None) -> dict:
    ents, docs = names(data), outlets(data)
    events, spans = [], {"Background": [], "Story": []}
    for ev in data.get("events", []):
        start = date_parts(ev.get("date"))
        if start is None:
            continue
        group = "Background" if ev.get("background") else "Story"
        spans[group].append(ev["date"])
        events.append({
            "start_date": dict(start, display_date=display(ev["date"])),
            "text": {"headline": escape(headline(ev["summary"])), "text": _text(ev, ents, docs)},
            "group": group,
            "unique_id": "ev-" + ev["id"],
        })
    n_docs = len(data.get("documents", []))
    as_of = data.get("as_of")
    intro = f"{len(events)} events from {n_docs} source document{'s' if n_docs != 1 else ''}"
    if as_of:
        intro += f", as of {display(as_of)}"
    out = {
        "title": {"text": {"headline": escape(title or "dateline: a sourced timeline"),
                           "text": f"<p>{escape(intro)}.</p>"},
                  "unique_id": "dateline-title"},
        "events": events,
    }
    eras = []
    for group, label in (("Background", "Background"), ("Story", "The story")):
        dates = sorted(spans[group])
        # TimelineJS drops an end date equal to the start and then rejects the whole file
        # ("All eras must have start and end dates"): a one-date span gets no era.
        if dates and dates[0] != dates[-1] and spans["Background"] and spans["Story"]:
            eras.append({"start_date": date_parts(dates[0]), "end_date": date_parts(dates[-1]),
                         "text": {"headline": label}})
    if eras:
        out["eras"] = eras
    return out


def write(store_or_data: Any, out: Out, title: str | None = None) -> None:
    data = as_data(store_or_data)
    with text_out(out) as f:
        json.dump(timeline(data, title), f, ensure_ascii=False, indent=1)
        f.write("\n")
