"""Sorting and facets for the web app's list pages (the analyst's workbench).

Every list page takes ``?sort=COLUMN`` (``&desc=1`` for descending) and one parameter per
facet (``?outlet=Reuters&status=broken``); its JSON twin takes the same and says what it did
in ``sort`` and ``facets``. A facet's counts are over the rows the *other* facets keep, so each
count is what a click on it would show. What a page sorts and facets by is data: a ``Spec``
per page, in app.py.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable
from urllib.parse import quote_plus

from starlette.exceptions import HTTPException

NONE = "(none)"     # the facet value of a row that has none (an undated article, no outlet)


@dataclass
class Spec:
    """What a list sorts by (column -> key) and narrows by (facet -> the row's values: one
    value, a list of them, or None)."""
    columns: dict[str, Callable[[Any], Any]]
    default: str
    facets: dict[str, Callable[[Any], Any]] = field(default_factory=dict)
    default_desc: bool = False


def _values(fn, row) -> list[str]:
    v = fn(row)
    if isinstance(v, (list, tuple, set)):
        return sorted({str(x) for x in v}) or [NONE]
    return [NONE if v is None or v == "" else str(v)]


def _key(v):
    # None sorts last in either direction; mixed types never meet (one column, one type)
    return (v is None, v if v is not None else 0)


def href(path: str, params: dict[str, str], **change) -> str:
    """``path`` with ``params`` changed (a value None drops the parameter; the page is reset)."""
    p = {k: v for k, v in params.items() if k != "page"}
    for k, v in change.items():
        if v is None:
            p.pop(k, None)
        else:
            p[k] = v
    return path + ("?" + "&".join(f"{quote_plus(k)}={quote_plus(v)}" for k, v in p.items()) if p else "")


def apply(request, rows: list, spec: Spec, path: str | None = None) -> tuple[list, dict]:
    """``rows`` narrowed by the facets in the query and sorted by ``?sort``/``?desc``, and
    what the template and the twin need: {sort, desc, columns: {col: {href, active, desc}},
    facets: {facet: [{value, count, href, active}]}, active: {facet: value}}. An unknown
    column or a bad ``desc`` is a 400."""
    q = dict(request.query_params)
    path = path or request.url.path
    sort = q.get("sort") or spec.default
    if sort not in spec.columns:
        raise HTTPException(400, f"sort must be one of {', '.join(spec.columns)}")
    raw_desc = q.get("desc")
    if raw_desc not in (None, "", "0", "1"):
        raise HTTPException(400, "desc must be 0 or 1")
    desc = spec.default_desc if raw_desc in (None, "") and sort == spec.default else raw_desc == "1"
    active = {f: q[f] for f in spec.facets if q.get(f)}
    vals = [{f: _values(fn, r) for f, fn in spec.facets.items()} for r in rows]

    def keep(i: int, skip: str | None = None) -> bool:
        return all(v in vals[i][f] for f, v in active.items() if f != skip)

    facets = {}
    for f in spec.facets:
        counts: dict[str, int] = {}
        for i in range(len(rows)):
            if keep(i, f):
                for v in vals[i][f]:
                    counts[v] = counts.get(v, 0) + 1
        facets[f] = [{"value": v, "count": n, "active": active.get(f) == v,
                      "href": href(path, q, **{f: None if active.get(f) == v else v})}
                     for v, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    out = [r for i, r in enumerate(rows) if keep(i)]
    fn = spec.columns[sort]
    out.sort(key=lambda r: _key(fn(r)), reverse=desc)
    if desc:   # keep rows without a value last when descending too
        out = [r for r in out if fn(r) is not None] + [r for r in out if fn(r) is None]
    columns = {c: {"active": c == sort, "desc": c == sort and desc,
                   "href": href(path, q, sort=c, desc="0" if c == sort and desc else
                                ("1" if c == sort else None))}
               for c in spec.columns}
    return out, {"sort": sort, "desc": desc, "columns": columns, "facets": facets,
                 "active": active, "reset": href(path, q, **{f: None for f in spec.facets})}


def twin(info: dict) -> dict:
    """What the JSON twin says of the sorting and facets: {sort, desc, facets: {facet:
    [{value, count}]}, active}."""
    return {"sort": info["sort"], "desc": info["desc"], "active": info["active"],
            "facets": {f: [{"value": x["value"], "count": x["count"]} for x in xs]
                       for f, xs in info["facets"].items()}}
