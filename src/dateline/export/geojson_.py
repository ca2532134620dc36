"""GeoJSON (RFC 7946): a FeatureCollection of the entities that have coordinates, as Points.

Each Feature has ``id`` = entity id, geometry ``[lon, lat]`` (GeoJSON order), and properties:
``name``, ``type``, ``aliases``, ``mentions``, and ``events`` — the events whose places include
this entity (``id``, ``date``, ``summary``, ``modality``, ``background``), by date. Features are
ordered as the entities are (most mentioned first), so output is deterministic.
Coordinates are the gazetteer's point for the place (a city's centre, a region's
representative point), not an extent.
"""
from __future__ import annotations

import json
import math
from typing import Any

from . import Out, as_data, edited, text_out


def _coord(v) -> float | None:
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def feature_collection(data: dict) -> dict:
    at: dict[str, list[dict]] = {}
    for ev in data.get("events", []):
        for p in dict.fromkeys(ev.get("places", [])):
            at.setdefault(p, []).append({"id": ev["id"], "date": ev["date"], "summary": ev["summary"],
                                         "modality": ev["modality"],
                                         "background": bool(ev.get("background")),
                                         # an analyst's edit (dateline.curate), when any
                                         **({"edited": edited(ev)} if ev.get("edits") else {})})
    features = []
    for e in data.get("entities", []):
        lat, lon = _coord(e.get("lat")), _coord(e.get("lon"))
        if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            continue
        events = sorted(at.get(e["id"], []), key=lambda x: (x["date"], x["id"]))
        features.append({
            "type": "Feature",
            "id": e["id"],
            "geometry": {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]},
            "properties": {"name": e["name"], "type": e.get("type"),
                           "aliases": list(e.get("aliases") or []), "mentions": e.get("mentions", 0),
                           "events": events},
        })
    return {"type": "FeatureCollection", "features": features}


def write(store_or_data: Any, out: Out) -> None:
    data = as_data(store_or_data)
    with text_out(out) as f:
        json.dump(feature_collection(data), f, ensure_ascii=False, indent=1)
        f.write("\n")
