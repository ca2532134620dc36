"""The analyst's edits in the web app (`dateline serve --edit`): the audit log page and the
POST endpoints behind the edit forms, over dateline.curate.

Why it is built this way:
- read-only stays the default: without --edit no page has a form and every POST is refused
  (403), so a served database cannot be changed by whoever reaches the port;
- with --edit, a POST must carry the per-server secret token (a hidden field of every form,
  drawn when the server starts) and come from this server's own pages: its Origin must be
  this server, or, where the browser sends ``Origin: null`` (our ``Referrer-Policy:
  no-referrer`` makes Chromium do that for form posts), ``Sec-Fetch-Site: same-origin``;
  a cross-site form or a script elsewhere has neither the token nor the origin;
- forms work without JavaScript (a POST answered by a 303 back to the page), so the strict
  CSP stays as it is.
"""
from __future__ import annotations

import hmac
import re
from urllib.parse import parse_qs

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from ..curate import ACTIONS, EditError, add, undo
from ..store import Store
from .data import HEX_ID

MAX_FORM = 64 * 1024   # an edit form is a few hundred bytes; refuse anything far larger


def same_origin(request: Request) -> bool:
    origin = request.headers.get("origin")
    if origin and origin != "null":
        return origin == f"{request.url.scheme}://{request.url.netloc}"
    return request.headers.get("sec-fetch-site") == "same-origin"


async def _form(request: Request) -> dict[str, list[str]]:
    if request.headers.get("content-type", "").split(";")[0].strip() != \
            "application/x-www-form-urlencoded":
        raise HTTPException(400, "an edit is a form post (application/x-www-form-urlencoded)")
    body = await request.body()
    if len(body) > MAX_FORM:
        raise HTTPException(400, "form too large")
    try:
        return parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=200)
    except (UnicodeDecodeError, ValueError):
        raise HTTPException(400, "the form is not UTF-8 url-encoded") from None


def _back(form: dict, default: str) -> str:
    """Where to go after the edit: a path of this server only (never another site)."""
    nxt = (form.get("next") or [""])[0]
    if nxt.startswith("/") and not nxt.startswith("//") and "\\" not in nxt:
        return nxt
    return default


def candidates(snap, kind: str, obj, limit: int = 30) -> list[tuple[str, str]]:
    """What the merge form offers (a <datalist>: the id can still be typed): for an entity,
    those of its type sharing a word of its names ("Mohamed Hosni Mubarak" for "Hosni
    Mubarak"); for an event, those that share one of its sentences (two happenings read from
    one sentence), then the others on its date."""
    if kind == "entity":
        words = {w for n in [obj["name"], *obj.get("aliases", [])]
                 for w in re.findall(r"\w{3,}", n.casefold())}
        hits = [e for e in snap.entities if e["id"] != obj["id"] and e["type"] == obj["type"]
                and words & set(re.findall(r"\w{3,}", e["name"].casefold()))]
        return [(e["id"], e["name"]) for e in hits[:limit]]
    keys = {(m.doc, m.start) for m in obj.sources}
    shared = [e for e in snap.events if e.id != obj.id and keys & {(m.doc, m.start) for m in e.sources}]
    hits = shared + [e for e in snap.events if e.id != obj.id and e.date == obj.date
                     and e not in shared]
    return [(e.id, e.summary[:100]) for e in hits[:limit]]


def make(path: str, token: str | None, editing: bool, editor: str | None = None):
    """The POST handlers (``post_edit``, ``post_undo``) for the database at PATH."""

    async def check(request: Request) -> dict:
        if not editing:
            raise HTTPException(403, "this server is read-only (start it with `dateline serve --edit`)")
        if not same_origin(request):
            raise HTTPException(403, "edits are accepted only from this server's own pages")
        form = await _form(request)
        sent = (form.get("csrf") or [""])[0]
        if not (token and hmac.compare_digest(sent.encode(), token.encode())):
            raise HTTPException(403, "missing or wrong form token (reload the page)")
        return form

    async def post_edit(request: Request) -> Response:
        form = await check(request)
        one = {k: v[0].strip() for k, v in form.items() if v}
        kind, action, target = one.get("kind", ""), one.get("action", ""), one.get("target", "")
        if kind not in ACTIONS or action not in ACTIONS[kind] or not HEX_ID.match(target):
            raise HTTPException(400, "unknown edit")
        value: dict = {}
        if action == "date":
            value = {"date": one.get("date", "")}
        elif action == "status":
            value = {"status": one.get("status", "")}
        elif action == "rename":
            value = {"name": one.get("name", "")}
        elif action == "merge":
            value = {"others": [x for x in one.get("others", "").replace(",", " ").split() if x]}
        elif action == "split" and kind == "event":
            value = {"sources": form.get("sources", [])}
        elif action == "split":
            value = {"alias": one.get("alias", ""), "name": one.get("name") or None}
        try:
            with Store(path) as store:
                e = add(store, kind, action, target, value=value, note=one.get("note"),
                        by=editor)
        except EditError as ex:
            raise HTTPException(400, str(ex)) from None
        default = {"event": f"/events/{e['target']}", "entity": f"/entities/{e['target']}",
                   "commitment": f"/commitments#c-{e['target']}"}[kind]
        if action in ("hide", "junk"):   # its page is gone: show the log, where undo is
            return RedirectResponse("/edits", status_code=303)
        return RedirectResponse(_back(form, default), status_code=303)

    async def post_undo(request: Request) -> Response:
        form = await check(request)
        raw = (form.get("edit") or [""])[0]
        if not raw.isascii() or not raw.isdigit():
            raise HTTPException(400, "edit must be an edit number")
        try:
            with Store(path) as store:
                undo(store, int(raw), note=(form.get("note") or [""])[0] or None, by=editor)
        except EditError as ex:
            raise HTTPException(400, str(ex)) from None
        return RedirectResponse("/edits", status_code=303)

    return post_edit, post_undo
