"""The web app: thin views over dateline.query and the Store; every page has a JSON twin.

`/x` renders HTML, `/x.json` returns the same data as JSON (see docs/api.md). The database is
opened read-only; article text is untrusted, so templates autoescape everything, no page has
inline script or style, and every response carries a strict Content-Security-Policy.
"""
from __future__ import annotations

import re
import secrets
from pathlib import Path
from urllib.parse import quote_plus

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..export.json import document_json, entity_json, event_json
from ..model import COMMITMENT_STATUSES
from ..query import timeline as query_timeline
from ..render_util import safe_url
from ..settings import SETTINGS
from ..store import Store
from . import curate_views, render
from .data import HEX_ID, Data, snippet_parts, text_snippet

HERE = Path(__file__).resolve().parent
MODALITIES = ("asserted", "reported", "planned")
STATUSES = tuple(k for k, _ in COMMITMENT_STATUSES)
_SPAN = re.compile(r"^(\d{1,9})-(\d{1,9})$")

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class SecurityHeaders:
    """Adds the security headers to every response, static files and errors included."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message = dict(message)
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in SECURITY_HEADERS if k not in names]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _split(name: str) -> tuple[str, bool]:
    """'abc.json' -> ('abc', True); ids must be lowercase hex, anything else is a 404."""
    as_json = name.endswith(".json")
    ident = name[:-5] if as_json else name
    if not HEX_ID.match(ident):
        raise HTTPException(404)
    return ident, as_json


def _is_json(request: Request) -> bool:
    return request.url.path.endswith(".json")


# page sizes (PAGE_SIZE, MAX_PAGE_SIZE, TIMELINE_PAGE_SIZE) are SETTINGS.output
_WHOLE = re.compile(r"[0-9]{1,9}")   # ASCII digits only: str.isdigit() also takes "²" and "٣"


def int_param(q, name: str, default: int, hi: int | None = None) -> int:
    """A whole-number query parameter from 1 (to ``hi``, at most 999,999,999); anything else,
    a non-ASCII digit or a 5,000-digit number included, is a 400."""
    raw = q.get(name)
    if raw is None or raw == "":
        return default
    if not _WHOLE.fullmatch(raw) or int(raw) < 1 or (hi and int(raw) > hi):
        raise HTTPException(400, f"{name} must be a whole number from 1"
                            + (f" to {hi}" if hi else " to 999999999"))
    return int(raw)


def paginate(request: Request, rows: list, size: int | None = None) -> tuple[list, dict]:
    """One page of ``rows`` by ``?page=N`` (from 1) and ``?size=K`` (1..MAX_PAGE_SIZE; by
    default ``size``, else SETTINGS.output.PAGE_SIZE), and
    what the page says of itself: {number, size, total, pages, first, last, next, prev}
    (``first``/``last``: 1-based positions of its rows, 0 past the end; the links keep
    the other query parameters). A bad number is a 400; a page past the end is empty."""
    q = request.query_params
    if size is None:
        size = SETTINGS.output.PAGE_SIZE
    size = int_param(q, "size", size, SETTINGS.output.MAX_PAGE_SIZE)
    number = int_param(q, "page", 1)
    total = len(rows)
    pages = max(1, -(-total // size))

    def link(n: int) -> str:
        params = dict(q)
        params["page"] = str(n)
        return request.url.path + "?" + "&".join(
            f"{quote_plus(k)}={quote_plus(v)}" for k, v in params.items())
    lo = (number - 1) * size
    info = {"number": number, "size": size, "total": total, "pages": pages,
            "first": lo + 1 if lo < total else 0, "last": min(lo + size, total) if lo < total else 0,
            "next": link(number + 1) if number < pages else None,
            "prev": link(min(number - 1, pages)) if number > 1 else None}
    return rows[lo: lo + size], info


def create_app(db: str, allowed_hosts: list[str] | None = None, edit: bool = False,
               editor: str | None = None) -> Starlette:
    """The app over DB; ``edit``: show the edit forms and accept their POSTs (see
    web/curate_views.py; read-only otherwise), recorded as by ``editor`` (default: the OS
    user)."""
    if edit:   # migrate (add the edits table) before the read-only connections open
        Store(db).close()
    data = Data(db)
    token = secrets.token_urlsafe(32) if edit else None   # per server: the forms' CSRF token
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["datelabel"] = render.date_label
    env.globals.update(MODALITIES=MODALITIES, STATUSES=STATUSES, editing=edit, csrf=token,
                       merge_candidates=curate_views.candidates)

    def page(request: Request, template: str, ctx: dict, api: dict, status: int = 200) -> Response:
        if _is_json(request):
            return JSONResponse(api, status_code=status)
        snap = data.snapshot()
        path = request.url.path.rstrip("/") or "/index"
        qs = request.url.query
        html = env.get_template(template).render(
            request=request, snap=snap, name=snap.entity_name,
            json_href=path + ".json" + (f"?{qs}" if qs else ""), **ctx)
        return HTMLResponse(html, status_code=status)

    def event_row(snap, ev) -> dict:
        outlets = sorted({snap.doc_by_id[m.doc].label if m.doc in snap.doc_by_id else m.doc[:8]
                          for m in ev.sources})
        return {"ev": ev, "outlets": outlets}

    # -- timeline -------------------------------------------------------------------------
    def index(request: Request) -> Response:
        snap = data.snapshot()
        qp = request.query_params
        f = {k: (qp.get(k) or "").strip() or None for k in ("entity", "place", "from", "to", "modality", "q")}
        f["background"] = qp.get("background") != "hide"
        error = None
        events = []
        try:
            for k in ("entity", "place"):
                if f[k] and not HEX_ID.match(f[k]):
                    raise ValueError(f"{k} must be an entity id")
                if f[k] and f[k] not in snap.entity_by_id:
                    raise ValueError(f"no entity with id {f[k]}")
            if f["modality"] and f["modality"] not in MODALITIES:
                raise ValueError(f"modality must be one of {', '.join(MODALITIES)}")
            top = int_param(qp, "top", 0) or None
            events = query_timeline(data.store(), entity=f["entity"], date_from=f["from"],
                                    date_to=f["to"], top=top,
                                    include_background=f["background"])
            if f["place"]:
                events = [e for e in events if f["place"] in e.places]
            if f["modality"]:
                events = [e for e in events if e.modality == f["modality"]]
        except ValueError as e:
            error = str(e)
        total = len(events)
        events, pg = paginate(request, events, SETTINGS.output.TIMELINE_PAGE_SIZE)
        used = {i for e in snap.events for i in e.actors + e.places}
        actors = sorted((snap.entity_by_id[i] for i in {i for e in snap.events for i in e.actors}
                         if i in snap.entity_by_id), key=lambda e: e["name"].casefold())
        places = sorted((snap.entity_by_id[i] for i in {i for e in snap.events for i in e.places}
                         if i in snap.entity_by_id), key=lambda e: e["name"].casefold())
        refs = {i for e in events for i in e.actors + e.places}
        api = {"as_of": snap.as_of,
               "window": {"from": snap.window[0], "to": snap.window[1]} if snap.window else None,
               "filters": {k: v for k, v in f.items() if k != "q"}, "count": total,
               "page": pg, "events": [event_json(e) for e in events],
               "entities": {i: snap.entity_name(i) for i in sorted(refs)}}
        if error:
            api = {"error": error, "filters": api["filters"]}
        ctx = {"rows": [event_row(snap, e) for e in events], "f": f, "error": error, "pg": pg,
               "actors": actors, "places": places, "used": used,
               "filtered": any(f[k] for k in ("entity", "place", "from", "to", "modality"))
               or not f["background"]}
        return page(request, "timeline.html", ctx, api, 400 if error else 200)

    # -- one event with its sources ---------------------------------------------------------
    def event(request: Request) -> Response:
        ident, _ = _split(request.path_params["name"])
        snap = data.snapshot()
        ev = snap.event_by_id.get(ident)
        if ev is None:
            raise HTTPException(404)
        store = data.store()
        sources = []
        for m in ev.sources:
            doc = store.document(m.doc)
            meta = snap.doc_by_id.get(m.doc)
            if doc is None:
                sources.append({"m": m, "meta": None, "pieces": [], "ok": False})
                continue
            ok = doc.text[m.start:m.end] == m.quote
            lo, hi = render.excerpt(doc.text, doc.paragraphs, m.start, m.end)
            pieces = render.cut(doc.text, lo, hi, [(m.start, m.end, "quote", None)])
            for p in pieces:
                if p["kind"] == "quote":
                    spans = [(m.trigger.start, m.trigger.end, "trigger", None)] if m.trigger else []
                    p["data"] = render.cut(doc.text, max(lo, m.start), min(hi, m.end), spans)
            sources.append({"m": m, "meta": meta, "pieces": pieces, "ok": ok,
                            "clipped_before": lo > 0 and doc.text[lo - 1] != "\n",
                            "clipped_after": hi < len(doc.text) and doc.text[hi] != "\n",
                            "attributed": ev.attributed_to.get(f"{m.doc}:{m.start}")})
        api = event_json(ev)
        api["entities"] = {i: snap.entity_name(i) for i in ev.actors + ev.places}
        api["documents"] = {m.doc: _doc_meta(snap.doc_by_id[m.doc]) for m in ev.sources
                            if m.doc in snap.doc_by_id}
        return page(request, "event.html", {"ev": ev, "sources": sources}, api)

    # -- documents ----------------------------------------------------------------------------
    def documents(request: Request) -> Response:
        snap = data.snapshot()
        docs, pg = paginate(request, snap.docs)
        api = {"documents": [_doc_meta(d) for d in docs], "page": pg}
        return page(request, "documents.html", {"docs": docs, "pg": pg}, api)

    def document(request: Request) -> Response:
        ident, as_json = _split(request.path_params["name"])
        snap = data.snapshot()
        store = data.store()
        doc = store.document(ident)
        if doc is None:
            raise HTTPException(404)
        spans = snap.spans_by_doc.get(doc.id, [])
        if as_json:
            api = document_json(store, doc)
            api["events"] = [{"event": e, "start": s, "end": t} for s, t, e in spans]
            return JSONResponse(api)
        hl = None
        mt = _SPAN.match(request.query_params.get("hl", ""))
        if mt:
            a, b = int(mt[1]), int(mt[2])
            if 0 <= a < b <= len(doc.text):
                hl = (a, b)
        repeated = {(r["start"], r["end"]): r["also_in"] for r in store.repeated(doc.id)}
        marks = ([(hl[0], hl[1], "hl", None)] if hl else []) + [(s, t, "ev", e) for s, t, e in spans]
        paras = []
        for a, b in render.paragraphs_of(doc.text, doc.paragraphs):
            also = repeated.get((a, b))
            paras.append({"start": a, "end": b, "also_in": also,
                          "pieces": render.cut(doc.text, a, b, marks)})
        meta = snap.doc_by_id.get(doc.id) or _meta_from(doc)
        ctx = {"doc": doc, "meta": meta, "paras": paras, "hl": hl,
               "url": safe_url(doc.url), "n_events": len({e for _, _, e in spans})}
        return page(request, "document.html", ctx, {})

    # -- entities -----------------------------------------------------------------------------
    def entities(request: Request) -> Response:
        snap = data.snapshot()
        etype = request.query_params.get("type")
        rows = [e for e in snap.entities if not etype or e["type"] == etype]
        rows, pg = paginate(request, rows)
        api = {"entities": [entity_json(e) for e in rows], "page": pg}
        return page(request, "entities.html", {"rows": rows, "etype": etype, "pg": pg}, api)

    def entity(request: Request) -> Response:
        ident, _ = _split(request.path_params["name"])
        snap = data.snapshot()
        ent = snap.entity_by_id.get(ident)
        if ent is None:
            raise HTTPException(404)
        # the events the timeline's ?entity= filter keeps (query.timeline): as actor, place or
        # the one a report is attributed to
        events = [e for e in snap.events if ident in e.actors or ident in e.places
                  or ident in e.attributed_to.values()]
        events, pg = paginate(request, events)
        mentions = []
        texts: dict[str, str | None] = {}
        for mn in data.entity_mentions(ent.get("canonical") or ent["name"], limit=60):
            if mn["doc"] not in texts:
                texts[mn["doc"]] = data.doc_text(mn["doc"])
            text = texts[mn["doc"]]
            if text is None:
                continue
            lo, hi = max(0, mn["start"] - 90), min(len(text), mn["end"] + 90)
            mentions.append({**mn, "text": text[mn["start"]:mn["end"]],
                             "meta": snap.doc_by_id.get(mn["doc"]),
                             "pieces": render.cut(text, lo, hi, [(mn["start"], mn["end"], "hl", None)]),
                             "before": lo > 0, "after": hi < len(text)})
        mapd = None
        if ent.get("lat") is not None:  # the place among the others, highlighted
            allp = [e for e in snap.entities if e["type"] == "place" and e.get("lat") is not None]
            near = render.core(allp)
            if near and ent["id"] in {p["id"] for p in near}:
                allp = near
            mapd = render.map_data(allp, width=560, max_h=300, here=ent["id"],
                                   quiet={p["id"] for p in allp} - {ent["id"]})
        api = {**entity_json(ent), "events": [event_json(e) for e in events], "page": pg,
               "mentioned_in": [{k: m[k] for k in ("doc", "start", "end", "text")} for m in mentions]}
        ctx = {"ent": ent, "rows": [event_row(snap, e) for e in events], "mentions": mentions, "pg": pg,
               "map": mapd}
        return page(request, "entity.html", ctx, api)

    def places(request: Request) -> Response:
        snap = data.snapshot()
        rows = [e for e in snap.entities if e["type"] == "place" and e.get("lat") is not None]
        api = {"places": [entity_json(e) for e in rows]}
        near = render.core(rows)
        detail = render.map_data(near, width=640, max_h=440) if near else None
        ctx = {"rows": rows, "detail": detail,
               "map": render.map_data(rows, width=640, max_h=440,
                                      quiet={p["id"] for p in near} if near else None,
                                      inset=detail["bbox"] if detail else None)}
        return page(request, "places.html", ctx, api)

    # -- search -------------------------------------------------------------------------------
    def search(request: Request) -> Response:
        snap = data.snapshot()
        q = (request.query_params.get("q") or "")[:200]
        res = snap.search(q) if q.strip() else {"documents": [], "events": []}
        key = q.strip().casefold()
        ents = [e for e in snap.entities if key and (key in e["name"].casefold() or any(
            key in a.casefold() for a in e.get("aliases", [])))][:30]
        docs = [{"meta": snap.doc_by_id[i], "parts": snippet_parts(text_snippet(data.doc_text(i) or "", q))}
                for i in res["documents"]]
        evs = [{"ev": snap.event_by_id[i], "parts": snippet_parts(s)} for i, s in res["events"]]
        api = {"q": q, "entities": [entity_json(e) for e in ents],
               "events": [{"id": x["ev"].id, "date": x["ev"].date, "summary": x["ev"].summary,
                           "snippet": x["parts"]} for x in evs],
               "documents": [{**_doc_meta(x["meta"]), "snippet": x["parts"]} for x in docs]}
        return page(request, "search.html", {"q": q, "docs": docs, "evs": evs, "ents": ents}, api)

    # -- reasoning: commitments and disagreements ---------------------------------------------
    def commitments(request: Request) -> Response:
        snap = data.snapshot()
        rows = snap.commitments
        cols = [(s, [c for c in rows if c.get("status") == s]) for s in STATUSES]
        other = [c for c in rows if c.get("status") not in STATUSES]
        if other:
            cols.append(("other", other))
        return page(request, "commitments.html", {"cols": cols, "total": len(rows)},
                    {"as_of": snap.as_of, "commitments": rows})

    def conflicts(request: Request) -> Response:
        snap = data.snapshot()
        return page(request, "conflicts.html", {"rows": snap.conflicts}, {"conflicts": snap.conflicts})

    # -- the story in N days (timeline summarisation) ------------------------------------------
    def digest(request: Request) -> Response:
        q = request.query_params
        dates, per_date = int_param(q, "dates", 10, 100), int_param(q, "sentences", 1, 5)
        date_from, date_to = q.get("from") or None, q.get("to") or None
        try:
            days = data.digest(dates, per_date, date_from, date_to)
        except ValueError as e:
            raise HTTPException(400, str(e))
        api = {"dates": dates, "sentences": per_date, "from": date_from, "to": date_to,
               "days": days}
        return page(request, "digest.html", {"days": days, "dates": dates, "per_date": per_date,
                                             "date_from": date_from or "", "date_to": date_to or ""},
                    api)

    # -- the analyst's edits (web/curate_views.py) ---------------------------------------------
    def edits(request: Request) -> Response:
        from ..export.json import edit_json

        snap = data.snapshot()
        rows = list(reversed(snap.edits))   # newest first
        return page(request, "edits.html", {"rows": rows},
                    {"edits": [edit_json(e) for e in snap.edits]})

    post_edit, post_undo = curate_views.make(db, token, edit, editor)

    def not_found(request: Request, exc: HTTPException) -> Response:
        code = getattr(exc, "status_code", 500)
        msg = {404: "not found", 405: "method not allowed"}.get(code, "error")
        if code == 400:
            msg = f"bad request: {exc.detail}"
        elif code == 403:
            msg = f"refused: {exc.detail}"
        if _is_json(request) or request.url.path.startswith("/static/"):
            return JSONResponse({"error": msg}, status_code=code)
        html = env.get_template("error.html").render(
            request=request, code=code, msg=msg, snap=data.snapshot(), json_href=None)
        return HTMLResponse(html, status_code=code)

    def both(path: str, fn) -> list[Route]:
        return [Route(path, fn), Route(path + ".json", fn)]

    routes = [
        Route("/", index), Route("/index.json", index),
        *both("/search", search), *both("/documents", documents), *both("/entities", entities),
        *both("/places", places), *both("/commitments", commitments), *both("/conflicts", conflicts),
        *both("/digest", digest), *both("/edits", edits),
        Route("/edit", post_edit, methods=["POST"]), Route("/edit/undo", post_undo, methods=["POST"]),
        Route("/events/{name}", event), Route("/documents/{name}", document),
        Route("/entities/{name}", entity),
        Mount("/static", app=StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    middleware = [Middleware(SecurityHeaders)]
    if allowed_hosts:
        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts))
    app = Starlette(routes=routes, middleware=middleware,
                    exception_handlers={HTTPException: not_found})
    app.state.data = data
    return app


def _doc_meta(d) -> dict:
    return {"id": d.id, "path": d.path, "source": d.source, "title": d.title, "url": d.url,
            "published": d.published, "published_how": d.published_how, "languages": d.languages,
            "duplicate_of": d.duplicate_of}


def _meta_from(doc):
    from .data import DocMeta

    return DocMeta(doc.id, doc.path, doc.source, doc.title, doc.url, doc.published,
                   doc.published_how, doc.languages, doc.duplicate_of, len(doc.text))
