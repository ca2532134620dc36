"""PLOVER-style event data: one JSON object per line (JSONL), for event-data users.

PLOVER (the Open Event Data Alliance's successor to CAMEO) and the POLECAT data set code an
event as category + mode + context, with actor, recipient, location and the story it came
from. We use POLECAT's 16 categories:

  verbal cooperation    AGREE CONSULT SUPPORT CONCEDE
  material cooperation  COOPERATE AID RETREAT
  verbal conflict       REQUEST ACCUSE REJECT THREATEN
  material conflict     PROTEST SANCTION MOBILIZE COERCE ASSAULT

Coding (``classify``) is a small keyword table, not a trained coder:
1. the trigger word of each source, in source order: the first one that matches a stem in
   ``TABLE`` decides the type (``coded_by: "trigger"``);
2. otherwise, for a source whose trigger is a light verb (held, took, sent, launched,
   entered, ...; ``LIGHT``), the coded word in its quote nearest to the trigger decides
   ("Russia sent 140 planes with its peacekeepers" -> MOBILIZE; ``coded_by: "context"``).
   Any other trigger (said, declared, began, ...) is not coded.
Unmappable events are LEFT OUT, by design: PLOVER dropped CAMEO's "make public statement"
categories (our "said"/"declared" events), and event-data tools expect every record to carry
a valid category. Pass ``include_unmapped=True`` to get them with ``"event_type": null``.
The complete, uncoded timeline is the JSON and CSV exports.

Fields per record (PLOVER/POLECAT names where they exist, ``dateline``-specific otherwise):
``event_id``, ``event_date`` (our date, at its granularity: YYYY, YYYY-MM or YYYY-MM-DD),
``event_date_precision`` (year|month|day), ``event_type``, ``mode`` (always null: we do not
code modes), ``context`` (always []), ``actor`` (names of the event's actors), ``recipient``
([]: we do not tell actors from recipients), ``location`` ([{name, lat, lon, entity_id}]),
``story_date`` (publication date of the first source's document), ``source_text`` (the quote
of the first source), and provenance: ``doc``, ``start``, ``end`` (offsets of that quote in the
document's cleaned text), ``trigger``, ``outlet``, ``modality`` (asserted|reported|planned:
planned events are intentions, not occurrences), ``background``, ``coded_by``, and ``sources``
(every source of the event: doc, start, end, quote).
"""
from __future__ import annotations

import json
import re
from typing import Any

from dateline.lang.en import plover as _vocab

from . import Out, as_data, edited, names, outlets, text_out

CATEGORIES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
              "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")

# the vocabulary is English knowledge: lang/en/plover.py (stems per category, light verbs)
TABLE = _vocab.TABLE
LIGHT = _vocab.LIGHT

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)


def _match(word: str) -> str | None:
    w = word.lower()
    for cat, stems in TABLE:
        for s in stems:
            if (s[0] == "=" and w == s[1:]) or (s[0] != "=" and w.startswith(s)):
                return cat
    return None


def _nearest(text: str, at: int) -> str | None:
    """The category of the coded word nearest to offset AT in TEXT (ties: the later word,
    since a light verb's object follows it)."""
    best = None
    for m in _WORD.finditer(text):
        cat = _match(m.group())
        if cat is None:
            continue
        dist = (m.start() - at) if m.start() >= at else (at - m.end()) + 0.5
        if best is None or dist < best[0]:
            best = (dist, cat)
    return best[1] if best else None


def classify(event: dict) -> tuple[str | None, str | None]:
    """(category, "trigger"|"context") or (None, None); see the module docstring."""
    srcs = [s for s in event.get("sources", []) if s.get("trigger")]
    for s in srcs:
        for w in _WORD.findall(s["trigger"]["text"]):
            cat = _match(w)
            if cat:
                return cat, "trigger"
    light = [s for s in srcs if all(w.lower() in LIGHT for w in _WORD.findall(s["trigger"]["text"]))]
    if srcs and not light:
        return None, None
    for s in light:
        at = s["trigger"]["end"] - s["start"]
        if s["quote"][s["trigger"]["start"] - s["start"]:at] == s["trigger"]["text"]:
            cat = _nearest(s["quote"], at)
            if cat:
                return cat, "context"
    if not srcs:  # no trigger at all: the summary, in table order
        words = [w.lower() for w in _WORD.findall(event.get("summary", ""))]
        for cat, _ in TABLE:
            if any(_match(w) == cat for w in words):
                return cat, "context"
    return None, None


def _precision(date: str) -> str:
    return {1: "year", 2: "month"}.get(len(date.split("-")), "day")


def records(data: dict, include_unmapped: bool = False) -> list[dict]:
    ents, docs = names(data), outlets(data)
    coords = {e["id"]: (e.get("lat"), e.get("lon")) for e in data.get("entities", [])}
    out = []
    for ev in data.get("events", []):
        cat, how = classify(ev)
        if cat is None and not include_unmapped:
            continue
        srcs = ev.get("sources", [])
        first = srcs[0] if srcs else {}
        doc = docs.get(first.get("doc"), {})
        out.append({
            "event_id": ev["id"],
            "event_date": ev["date"],
            "event_date_precision": _precision(ev["date"]),
            "event_type": cat,
            "mode": None,
            "context": [],
            "actor": [ents.get(a, a) for a in dict.fromkeys(ev.get("actors", []))],
            "recipient": [],
            "location": [{"name": ents.get(p, p), "lat": coords.get(p, (None, None))[0],
                          "lon": coords.get(p, (None, None))[1], "entity_id": p}
                         for p in dict.fromkeys(ev.get("places", []))],
            "story_date": doc.get("published"),
            "source_text": first.get("quote"),
            "doc": first.get("doc"),
            "start": first.get("start"),
            "end": first.get("end"),
            "trigger": (first.get("trigger") or {}).get("text"),
            "outlet": doc.get("outlet"),
            "modality": ev.get("modality"),
            "background": bool(ev.get("background")),
            "coded_by": how,
            # an analyst's edit (dateline.curate), when any
            **({"edited": edited(ev)} if ev.get("edits") else {}),
            "sources": [{"doc": s["doc"], "start": s["start"], "end": s["end"], "quote": s["quote"]}
                        for s in srcs],
        })
    return out


def write(store_or_data: Any, out: Out, include_unmapped: bool = False) -> None:
    data = as_data(store_or_data)
    with text_out(out) as f:
        for r in records(data, include_unmapped):
            f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")
