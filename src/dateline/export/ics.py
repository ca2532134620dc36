"""iCalendar (RFC 5545): the commitments' deadlines as all-day events, written with the
``icalendar`` package.

- One VEVENT per commitment with a ``deadline`` (undated commitments cannot be put on a
  calendar and are left out): ``DTSTART;VALUE=DATE`` the deadline, ``DTEND`` the next day,
  ``SUMMARY`` "Deadline: <what>", ``DESCRIPTION`` the status, who, other stated deadlines and
  the sources (outlet, date, quote), ``CATEGORIES`` the status, ``UID``
  "<commitment id>@dateline".
- Deterministic: ``DTSTAMP`` is the corpus's ``as_of`` (midnight UTC), not the wall clock, so
  the same database always gives the same file (a calendar client sees a re-export with a
  later as_of as an update of the same UID).
- No commitments: a calendar with no events (VCALENDAR with its properties only). RFC 5545's
  grammar asks for at least one component; icalendar, Google, Apple and Thunderbird accept
  an empty one, and inventing a placeholder event would put something false on a calendar.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from . import Out, as_data, edited, names, outlets, text_out

PRODID = "-//dateline//dateline export//EN"


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _description(c: dict, ents: dict, docs: dict) -> str:
    lines = [f"Status: {c.get('status', 'unknown')}"]
    if c.get("edits"):   # set by hand (dateline.curate): say so, with the note
        lines.append("Edited by hand: " + edited(c).removeprefix("edited: "))
    who = [ents.get(w, w) for w in c.get("who", [])]
    if who:
        lines.append("Who: " + ", ".join(who))
    places = [ents.get(p, p) for p in c.get("places", [])]
    if places:
        lines.append("Where: " + ", ".join(places))
    others = sorted({d["date"] for d in c.get("deadlines", []) if d.get("date") != c.get("deadline")})
    if others:
        lines.append("Other stated deadlines: " + ", ".join(others))
    if c.get("evidence"):
        lines.append("Evidence events: " + ", ".join(c["evidence"]))
    srcs = c.get("sources", [])
    if srcs:
        lines.append("")
        lines.append("Sources:")
        for s in srcs:
            d = docs.get(s.get("doc"), {})
            cite = d.get("outlet") or s.get("doc") or "?"
            if d.get("published"):
                cite += f", {d['published']}"
            lines.append(f"- {cite}: “{s.get('quote', '')}”")
    return "\n".join(lines)


def calendar(data: dict, name: str | None = None):
    try:
        from icalendar import Calendar, Event
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise RuntimeError("the ics export needs the 'icalendar' package (pip install icalendar)") from e
    ents, docs = names(data), outlets(data)
    as_of = _date(data.get("as_of")) or dt.date(1970, 1, 1)
    stamp = dt.datetime(as_of.year, as_of.month, as_of.day, tzinfo=dt.timezone.utc)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name or "dateline: deadlines")
    for c in data.get("commitments", []):
        day = _date(c.get("deadline"))
        if day is None:
            continue
        ev = Event()
        ev.add("uid", f"{c['id']}@dateline")
        ev.add("dtstamp", stamp)
        ev.add("dtstart", day)
        ev.add("dtend", day + dt.timedelta(days=1))
        ev.add("summary", f"Deadline: {' '.join(str(c.get('what', '')).split())}")
        ev.add("description", _description(c, ents, docs))
        ev.add("categories", [c.get("status", "unknown")])
        ev.add("transp", "TRANSPARENT")
        cal.add_component(ev)
    return cal


def write(store_or_data: Any, out: Out, name: str | None = None) -> None:
    data = as_data(store_or_data)
    body = calendar(data, name).to_ical().decode("utf-8")
    with text_out(out) as f:
        f.write(body)
