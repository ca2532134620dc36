"""The web app: thin views over dateline.query and the Store; every page has a JSON twin.

`/x` renders HTML, `/x.json` returns the same data as JSON (see docs/api.md). The database is
opened read-only; article text is untrusted, so templates autoescape everything, no page has
inline script or style, and every response carries a strict Content-Security-Policy.
"""
from __future__ import annotations

import bisect
import contextlib
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
from . import curate_views, howto, lists, render
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
        return page_link(request, n)
    lo = (number - 1) * size
    info = {"number": number, "size": size, "total": total, "pages": pages,
            "first": lo + 1 if lo < total else 0, "last": min(lo + size, total) if lo < total else 0,
            "next": link(number + 1) if number < pages else None,
            "prev": link(min(number - 1, pages)) if number > 1 else None}
    return rows[lo: lo + size], info


def page_link(request: Request, n: int) -> str:
    """This page's URL with ?page=n, the other query parameters kept."""
    params = dict(request.query_params)
    params["page"] = str(n)
    return request.url.path + "?" + "&".join(
        f"{quote_plus(k)}={quote_plus(v)}" for k, v in params.items())


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
                                    include_background=f["background"], events=snap.events)
            if f["place"]:
                events = [e for e in events if f["place"] in e.places]
        except ValueError as e:
            error = str(e)
        # modality, outlet, relevance, uncertain dates: facets (lists.py), counted and applied
        events, lst = lists.apply(request, events, timeline_spec(snap, events))
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
               "entities": {i: snap.entity_name(i) for i in sorted(refs)}, **lists.twin(lst)}
        if error:
            api = {"error": error, "filters": api["filters"]}
        ctx = {"rows": [event_row(snap, e) for e in events], "f": f, "error": error, "pg": pg,
               "lst": lst, "actors": actors, "places": places, "used": used,
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
        if _is_json(request):
            mentions, pg, sources = ev.sources, None, []
        else:
            mentions, pg = paginate(request, ev.sources)
            sources = event_sources(data.store(), snap, ev, mentions)
        api = event_json(ev)
        api["entities"] = {i: snap.entity_name(i) for i in ev.actors + ev.places}
        api["documents"] = {m.doc: _doc_meta(snap.doc_by_id[m.doc]) for m in ev.sources
                            if m.doc in snap.doc_by_id}
        return page(request, "event.html", {"ev": ev, "sources": sources, "pg": pg}, api)

    def event_sources(store, snap, ev, mentions) -> list[dict]:
        """Each source sentence in its paragraph (clipped), quote and trigger marked. Every
        article is read once however many of the event's sentences it holds (an event with
        430 sentences in one long article read it 430 times: 70 s)."""
        docs: dict[str, tuple] = {}
        sources = []
        for m in mentions:
            if m.doc not in docs:
                doc = store.document(m.doc)
                docs[m.doc] = (doc, [p.start for p in doc.paragraphs] if doc else [])
            doc, starts = docs[m.doc]
            meta = snap.doc_by_id.get(m.doc)
            if doc is None:
                sources.append({"m": m, "meta": None, "pieces": [], "ok": False})
                continue
            ok = doc.text[m.start:m.end] == m.quote
            # only the paragraphs around the sentence (bisection), not all of a long article's
            i = max(0, bisect.bisect_right(starts, m.start) - 1)
            j = bisect.bisect_left(starts, m.end, lo=i)
            lo, hi = render.excerpt(doc.text, doc.paragraphs[i:j + 1], m.start, m.end)
            pieces = render.cut(doc.text, lo, hi, [(m.start, m.end, "quote", None)])
            for p in pieces:
                if p["kind"] == "quote":
                    spans = [(m.trigger.start, m.trigger.end, "trigger", None)] if m.trigger else []
                    p["data"] = render.cut(doc.text, max(lo, m.start), min(hi, m.end), spans)
            sources.append({"m": m, "meta": meta, "pieces": pieces, "ok": ok,
                            "clipped_before": lo > 0 and doc.text[lo - 1] != "\n",
                            "clipped_after": hi < len(doc.text) and doc.text[hi] != "\n",
                            "attributed": ev.attributed_to.get(f"{m.doc}:{m.start}")})
        return sources

    # -- documents ----------------------------------------------------------------------------
    def documents(request: Request) -> Response:
        snap = data.snapshot()
        docs, lst = lists.apply(request, snap.docs, DOCUMENTS)
        docs, pg = paginate(request, docs)
        api = {"documents": [_doc_meta(d) for d in docs], "page": pg, **lists.twin(lst)}
        return page(request, "documents.html", {"docs": docs, "pg": pg, "lst": lst}, api)

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
        ctx = reader_page(request, snap, store, doc, spans, hl)
        return page(request, "document.html", ctx, {})

    def reader_page(request: Request, snap, store, doc, spans, hl) -> dict:
        """One page of the reader: its paragraphs cut into pieces (the quoted sentence, the
        sentences that source events), the pager; the page holding ``hl`` unless ?page= is
        given. Only the page's spans are cut, so the cost follows the page, not the article."""
        pages = render.reader_pages(doc.text, doc.paragraphs, SETTINGS.output.READER_PAGE_CHARS)
        default = render.page_of(pages, hl[0]) if hl else 1
        number = int_param(request.query_params, "page", default)
        rows = pages[number - 1] if number <= len(pages) else []
        lo, hi = (rows[0][0], rows[-1][1]) if rows else (0, 0)
        repeated = {(r["start"], r["end"]): r["also_in"] for r in store.repeated(doc.id)
                    if r["end"] > lo and r["start"] < hi}
        near = render.spans_in(spans, lo, hi)
        paras = []
        for a, b in rows:
            # the mark holding the sentence's start is #hl: the link's target is the sentence
            # itself, not its (maybe long) paragraph
            marks = ([(hl[0], hl[1], "hl", "hl" if a <= hl[0] < b else None)]
                     if hl and hl[0] < b and hl[1] > a else []) + \
                [(s, t, "ev", e) for s, t, e in render.spans_in(near, a, b)]
            paras.append({"start": a, "end": b, "also_in": repeated.get((a, b)),
                          # a piece of a paragraph cut for length, not the paragraph's start
                          "cont": a > 0 and doc.text[a - 1] != "\n",
                          "pieces": render.cut(doc.text, a, b, marks)})
        n = len(pages)
        pg = {"number": number, "pages": n, "start": lo, "end": hi, "chars": len(doc.text),
              "next": page_link(request, number + 1) if number < n else None,
              "prev": page_link(request, min(number - 1, n)) if number > 1 else None}
        meta = snap.doc_by_id.get(doc.id) or _meta_from(doc)
        return {"doc": doc, "meta": meta, "paras": paras, "hl": hl, "pg": pg,
                "hl_here": bool(hl) and lo <= hl[0] < hi, "url": safe_url(doc.url),
                "n_events": len({e for _, _, e in spans})}

    # -- entities -----------------------------------------------------------------------------
    def entities(request: Request) -> Response:
        snap = data.snapshot()
        etype = request.query_params.get("type")
        rows, lst = lists.apply(request, snap.entities, ENTITIES)   # ?type= is a facet
        rows, pg = paginate(request, rows)
        api = {"entities": [entity_json(e) for e in rows], "page": pg, **lists.twin(lst)}
        return page(request, "entities.html", {"rows": rows, "etype": etype, "pg": pg, "lst": lst}, api)

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
        rows, lst = lists.apply(request, snap.commitments, commitments_spec(snap))
        cols = [(s, [c for c in rows if c.get("status") == s]) for s in STATUSES]
        other = [c for c in rows if c.get("status") not in STATUSES]
        if other:
            cols.append(("other", other))
        return page(request, "commitments.html", {"cols": cols, "total": len(rows), "lst": lst,
                                                  "all": len(snap.commitments)},
                    {"as_of": snap.as_of, "commitments": rows, **lists.twin(lst)})

    def conflicts(request: Request) -> Response:
        snap = data.snapshot()
        rows, lst = lists.apply(request, snap.conflicts, conflicts_spec(snap))
        who = {(c["id"], i): claim_party(snap, cl) for c in rows
               for i, cl in enumerate(c.get("claims") or [])}
        return page(request, "conflicts.html", {"rows": rows, "lst": lst, "who": who},
                    {"conflicts": rows, **lists.twin(lst)})

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

    def how_to_read(request: Request) -> Response:
        return page(request, "how-to-read.html", {"sections": howto.SECTIONS}, howto.as_json())

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
        *both("/digest", digest), *both("/edits", edits), *both("/how-to-read", how_to_read),
        Route("/edit", post_edit, methods=["POST"]), Route("/edit/undo", post_undo, methods=["POST"]),
        Route("/events/{name}", event), Route("/documents/{name}", document),
        Route("/entities/{name}", entity),
        Mount("/static", app=StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    middleware = [Middleware(SecurityHeaders)]
    if allowed_hosts:
        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts))
    app = Starlette(routes=routes, middleware=middleware, lifespan=_lifespan,
                    exception_handlers={HTTPException: not_found})
    app.state.data = data
    return app


@contextlib.asynccontextmanager
async def _lifespan(app):
    # Pages are rendered in a pool of threads (sync views); under the GIL more threads than
    # cores only add contention, and each thread holds a SQLite connection with its page
    # cache, so the pool is bounded by SETTINGS.output.WEB_THREADS rather than anyio's 40.
    import anyio.to_thread

    anyio.to_thread.current_default_thread_limiter().total_tokens = SETTINGS.output.WEB_THREADS
    yield


# -- what each list page sorts and narrows by (lists.py) -------------------------------------
def _fold(s):
    return (s or "").casefold() or None


DOCUMENTS = lists.Spec(
    columns={"published": lambda d: d.published, "outlet": lambda d: _fold(d.source),
             "title": lambda d: _fold(d.title), "length": lambda d: d.length},
    default="published",
    facets={"outlet": lambda d: d.source, "dated": lambda d: d.published_how or "undated",
            "language": lambda d: d.languages,
            "duplicate": lambda d: "duplicate" if d.duplicate_of else "original"})
ENTITIES = lists.Spec(
    columns={"name": lambda e: e["name"].casefold(), "type": lambda e: e["type"],
             "mentions": lambda e: e.get("mentions") or 0},
    default="mentions", default_desc=True,
    facets={"type": lambda e: e["type"], "role": lambda e: e.get("roles") or None,
            "source": lambda e: "outlet or byline" if e.get("is_source") else "actor"})


def _outlets(snap, docs) -> list[str]:
    return sorted({snap.doc_by_id[d].label for d in docs if d in snap.doc_by_id})


def _relevance(e) -> str:
    return "background" if e.background else "off-topic" if e.off_topic else "story"


def timeline_spec(snap, events) -> lists.Spec:
    order = {e.id: i for i, e in enumerate(events)}   # the timeline's own date order
    return lists.Spec(
        columns={"date": lambda e: order[e.id], "importance": lambda e: e.importance,
                 "sources": lambda e: len(e.sources), "summary": lambda e: e.summary.casefold()},
        default="date",
        facets={"modality": lambda e: e.modality, "relevance": _relevance,
                "uncertain": lambda e: "date uncertain" if e.uncertain else "date certain",
                "outlet": lambda e: _outlets(snap, {m.doc for m in e.sources})})


def commitments_spec(snap) -> lists.Spec:
    return lists.Spec(
        columns={"due": lambda c: c.get("due") or c.get("deadline"), "status": lambda c: c.get("status"),
                 "kind": lambda c: c.get("kind"), "what": lambda c: _fold(c.get("what")),
                 "sources": lambda c: len(c.get("sources") or [])},
        default="due",
        facets={"status": lambda c: c.get("status"), "kind": lambda c: c.get("kind"),
                "party": lambda c: [snap.entity_name(w) for w in c.get("who") or []]
                or c.get("party"),
                "outlet": lambda c: _outlets(snap, {s["doc"] for s in c.get("sources") or []})})


def conflicts_spec(snap) -> lists.Spec:
    return lists.Spec(
        columns={"about": lambda c: _fold(c.get("about")), "kind": lambda c: c.get("kind"),
                 "classification": lambda c: c.get("classification"),
                 "claims": lambda c: len(c.get("claims") or [])},
        default="about",
        facets={"kind": lambda c: c.get("kind"), "classification": lambda c: c.get("classification"),
                "outlet": lambda c: _outlets(snap, {x["doc"] for x in c.get("claims") or []})})


def claim_party(snap, claim: dict) -> dict | None:
    """Who makes a claim (not the outlet that printed it): the speaker phrase the conflict
    stage found (``said_by``, verbatim) linked to its entity (``attributed_to``), else the speaker of an event sentence at the same place of
    the same article (the events stage's attribution: "the ministry said ..."); None when
    the article states it in its own voice."""
    who, said = claim.get("attributed_to"), (claim.get("said_by") or {}).get("text")
    if who:
        # the source's own words for the speaker, linked to the entity inside them
        return {"id": who if who in snap.entity_by_id else None,
                "name": said or snap.entity_name(who)}
    if said:
        return {"id": None, "name": said}
    lo, hi = claim.get("start"), claim.get("end")
    if lo is None or hi is None:
        return None
    for s, t, eid in render.spans_in(snap.spans_by_doc.get(claim["doc"], []), lo, hi):
        ev = snap.event_by_id.get(eid)
        ent = ev.attributed_to.get(f"{claim['doc']}:{s}") if ev else None
        if ent:
            return {"id": ent if ent in snap.entity_by_id else None, "name": snap.entity_name(ent)}
        for m in ev.sources if ev else []:
            if m.doc == claim["doc"] and m.start == s and m.attributed_to:
                return {"id": None, "name": m.attributed_to}
    return None


def _doc_meta(d) -> dict:
    return {"id": d.id, "path": d.path, "source": d.source, "title": d.title, "url": d.url,
            "published": d.published, "published_how": d.published_how, "languages": d.languages,
            "duplicate_of": d.duplicate_of}


def _meta_from(doc):
    from .data import DocMeta

    return DocMeta(doc.id, doc.path, doc.source, doc.title, doc.url, doc.published,
                   doc.published_how, doc.languages, doc.duplicate_of, len(doc.text))
