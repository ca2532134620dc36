"""Pure helpers for the views: dates, text cut into highlighted pieces, the offline map.

Nothing here builds HTML: templates get plain data and Jinja2 escapes every piece."""
from __future__ import annotations

import bisect
import math

from ..lang.en.calendar import MONTH_TITLES
from ..render_util import safe_url  # noqa: F401  (the views' helper, defined once for web and export)

# "Jan" ... "Dec": the calendar's display names, cut to three letters
MONTHS = [m[:3] for m in MONTH_TITLES]


def date_label(d: str | None) -> str:
    if not d:
        return "undated"
    parts = d.split("-")
    try:
        if len(parts) >= 3:
            return f"{int(parts[2][:2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
        if len(parts) == 2:
            return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        pass
    return d


def cut(text: str, lo: int, hi: int, spans: list[tuple[int, int, str, object]]) -> list[dict]:
    """text[lo:hi] as pieces {text, kind, data}; spans (start, end, kind, data) are clipped to
    the range, and a span overlapping an earlier-listed one is dropped (list the most important
    first)."""
    chosen: list[tuple[int, int, str, object]] = []
    for s, e, kind, data in spans:
        s, e = max(s, lo), min(e, hi)
        if s >= e or any(s < ce and cs < e for cs, ce, _, _ in chosen):
            continue
        chosen.append((s, e, kind, data))
    chosen.sort(key=lambda x: x[0])
    out, pos = [], lo
    for s, e, kind, data in chosen:
        if s > pos:
            out.append({"text": text[pos:s], "kind": None, "data": None})
        out.append({"text": text[s:e], "kind": kind, "data": data})
        pos = e
    if pos < hi:
        out.append({"text": text[pos:hi], "kind": None, "data": None})
    return out


def excerpt(text: str, paragraphs, start: int, end: int, context: int = 600) -> tuple[int, int]:
    """The paragraph holding text[start:end], clipped to `context` characters either side."""
    lo, hi = 0, len(text)
    for p in paragraphs:
        if p.start <= start < p.end or p.start < end <= p.end:
            lo, hi = p.start, max(p.end, end)
            break
    else:
        lo = max(text.rfind("\n", 0, start) + 1, 0)
        nl = text.find("\n", end)
        hi = nl if nl != -1 else len(text)
    lo = max(lo, start - context)
    hi = min(hi, end + context)
    return lo, hi


def paragraphs_of(text: str, paragraphs) -> list[tuple[int, int]]:
    """Paragraph ranges covering the text (stored ones, or blank-line split if none)."""
    if paragraphs:
        return [(p.start, p.end) for p in paragraphs]
    out, pos = [], 0
    for block in text.split("\n\n"):
        if block.strip():
            out.append((pos, pos + len(block)))
        pos += len(block) + 2
    return out or [(0, len(text))]


# -- the map: a plain equirectangular projection fitted to the places ------------------------
_STEPS = [0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10, 15, 20, 30, 45, 60, 90]


def _fmt_deg(v: float, pos: str, neg: str) -> str:
    s = f"{abs(v):.2f}".rstrip("0").rstrip(".")
    return f"{s}°{pos if v >= 0 else neg}" if v else "0°"


def map_data(places: list[dict], width: int = 760, max_h: int = 520, here: str | None = None,
             quiet: set | None = None, inset: list | None = None) -> dict | None:
    """SVG geometry for places [{id, name, lat, lon, mentions}]: an equirectangular projection
    (x scaled by the cosine of the middle latitude) fitted to their bounding box, a graticule
    at a round step, one dot per distinct location with its names as the label. `here` is an
    entity id drawn highlighted; dots made only of `quiet` ids get no label; `inset` is a
    [lon0, lat0, lon1, lat1] box drawn as a frame (where a detail map zooms in)."""
    pts = [p for p in places if p.get("lat") is not None and p.get("lon") is not None]
    if not pts:
        return None
    lats = [p["lat"] for p in pts]
    lons = [p["lon"] for p in pts]
    lat0, lat1, lon0, lon1 = min(lats), max(lats), min(lons), max(lons)
    span = max(lat1 - lat0, lon1 - lon0, 1.0)
    pad = span * 0.12
    lat0, lat1 = max(lat0 - pad, -89.0), min(lat1 + pad, 89.0)
    lon0, lon1 = lon0 - pad, lon1 + pad
    k = math.cos(math.radians((lat0 + lat1) / 2)) or 1e-6
    margin = 36
    left = 56  # room for latitude labels
    inner_w = width - margin - left
    scale = inner_w / ((lon1 - lon0) * k)
    inner_h = (lat1 - lat0) * scale
    if inner_h > max_h:  # tall extents: fit the height instead
        scale = max_h / (lat1 - lat0)
        inner_h = max_h
    if inner_h < 220:  # flat extents: add latitude so the map stays readable
        extra = (220 / scale - (lat1 - lat0)) / 2
        lat0, lat1 = lat0 - extra, lat1 + extra
        inner_h = 220
    height = int(inner_h + 2 * margin)
    # the longitude span actually shown
    half_lon = inner_w / scale / k / 2
    mid_lon = (lon0 + lon1) / 2
    lon0, lon1 = mid_lon - half_lon, mid_lon + half_lon

    def xy(lat: float, lon: float) -> tuple[float, float]:
        return (round(left + (lon - lon0) * k * scale, 1), round(margin + (lat1 - lat) * scale, 1))

    step = next((s for s in _STEPS if max(lat1 - lat0, lon1 - lon0) / s <= 8), 90)
    grid = []
    v = math.ceil(lon0 / step) * step
    while v <= lon1 + 1e-9:
        x, _ = xy(lat0, v)
        grid.append({"x1": x, "y1": margin, "x2": x, "y2": height - margin,
                     "label": _fmt_deg(round(v, 4), "E", "W"), "lx": x, "ly": height - margin + 14,
                     "anchor": "middle"})
        v += step
    v = math.ceil(lat0 / step) * step
    while v <= lat1 + 1e-9:
        _, y = xy(v, lon0)
        grid.append({"x1": left, "y1": y, "x2": width - margin, "y2": y,
                     "label": _fmt_deg(round(v, 4), "N", "S"), "lx": left - 4, "ly": y + 4,
                     "anchor": "end"})
        v += step
    groups: dict[tuple, list[dict]] = {}
    for p in sorted(pts, key=lambda p: -p.get("mentions", 0)):
        groups.setdefault((round(p["lat"], 2), round(p["lon"], 2)), []).append(p)
    dots = []
    for (lat, lon), ps in groups.items():
        x, y = xy(lat, lon)
        n = sum(p.get("mentions", 0) for p in ps)
        right = x < width - 160
        ids = {p["id"] for p in ps}
        dots.append({"x": x, "y": y, "r": round(min(4 + 2.2 * math.sqrt(n), 16), 1),
                     "places": [{"id": p["id"], "name": p["name"]} for p in ps],
                     "label": ", ".join(p["name"] for p in ps), "anchor": "start" if right else "end",
                     "mentions": n, "here": here in ids,
                     "quiet": bool(quiet) and ids <= quiet and here not in ids})
    dots.sort(key=lambda d: d["here"])  # the highlighted dot is drawn last, on top
    # labels: beside the dot, nudged down when they would overlap a label already placed
    placed: list[tuple[float, float, float, float]] = []
    for d in sorted(dots, key=lambda d: (not d["here"], d["y"], d["x"])):
        if d["quiet"]:
            d["lx"], d["ly"] = d["x"], d["y"] + 4
            continue
        w = 7 * len(d["label"])
        off = d["r"] + 4
        lx = d["x"] + off if d["anchor"] == "start" else d["x"] - off
        ly = d["y"] + 4
        for _ in range(12):
            box = (lx if d["anchor"] == "start" else lx - w, ly - 11,
                   lx + w if d["anchor"] == "start" else lx, ly + 3)
            if not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in placed):
                break
            ly += 14
        placed.append(box)
        d["lx"], d["ly"] = round(lx, 1), round(ly, 1)
    box = None
    if inset:
        (bx0, by0), (bx1, by1) = xy(inset[3], inset[0]), xy(inset[1], inset[2])
        box = {"x": bx0, "y": by0, "w": round(bx1 - bx0, 1), "h": round(by1 - by0, 1)}
    return {"width": width, "height": height, "grid": grid, "dots": dots, "inset": box,
            "frame": {"x": left, "y": margin, "w": width - margin - left, "h": height - 2 * margin},
            "bbox": [round(lon0, 4), round(lat0, 4), round(lon1, 4), round(lat1, 4)]}


def core(places: list[dict], radius: float = 4.0) -> list[dict] | None:
    """The places within `radius` degrees of the median place, when they are a cluster worth a
    detail map (at least 3 of them, and not all of the places)."""
    pts = [p for p in places if p.get("lat") is not None and p.get("lon") is not None]
    if len(pts) < 4:
        return None
    lat = sorted(p["lat"] for p in pts)[len(pts) // 2]
    lon = sorted(p["lon"] for p in pts)[len(pts) // 2]
    near = [p for p in pts if abs(p["lat"] - lat) <= radius and abs(p["lon"] - lon) <= radius * 1.3]
    return near if 3 <= len(near) < len(pts) else None


# -- the reader: long articles in pages -------------------------------------------------------
_SENT_END = (". ", "! ", "? ", "… ", ".\n", "!\n", "?\n")


def _cut_point(text: str, lo: int, hi: int) -> int:
    """Where to end a piece of text[lo:...] of at most hi - lo characters: after the last
    sentence end before hi, else at the last space (a word is never split), else at hi."""
    floor = lo + (hi - lo) // 2   # not so early that pages shrink to nothing
    best = max(text.rfind(p, floor, hi) for p in _SENT_END)
    if best != -1:
        return best + 2
    sp = text.rfind(" ", floor, hi)
    return sp + 1 if sp != -1 else hi


def reader_pages(text: str, paragraphs, budget: int) -> list[list[tuple[int, int]]]:
    """The article cut into pages of about ``budget`` characters: each page a list of
    paragraph ranges (the ranges of ``paragraphs_of``, a paragraph longer than the budget cut
    after a sentence or at a space). Pages tile the paragraphs in order, so a page costs the
    same to render whatever the article's length."""
    pages: list[list[tuple[int, int]]] = []
    room = 0                       # characters left on the last page
    for a, b in paragraphs_of(text, paragraphs):
        while b > a:
            if b - a > room and (b - a <= budget or room < budget // 4):
                pages.append([])   # a paragraph that fits on a page of its own starts one
                room = budget
            c = b if b - a <= room else _cut_point(text, a, a + room)
            pages[-1].append((a, c))
            room -= c - a
            a = c
    return pages or [[(0, len(text))]]


def page_of(pages: list[list[tuple[int, int]]], pos: int) -> int:
    """The 1-based number of the page holding character ``pos`` (the last page past the end)."""
    for i, pg in enumerate(pages):
        if pos < pg[-1][1]:
            return i + 1
    return len(pages)


def spans_in(spans: list[tuple[int, int, str]], lo: int, hi: int) -> list[tuple[int, int, str]]:
    """The (start, end, id) spans, sorted by start, that overlap [lo, hi): those starting in
    the range found by bisection, plus those starting earlier that reach into it (a tuple
    test each, where the old per-paragraph scan cut every span against every paragraph)."""
    j, i = bisect.bisect_left(spans, (lo,)), bisect.bisect_left(spans, (hi,))
    return [s for s in spans[:j] if s[1] > lo] + spans[j:i]
