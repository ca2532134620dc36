"""The local web app (`dateline serve`): every HTML page has a JSON twin at the same path + .json.

Needs the `web` extra (starlette, jinja2, uvicorn). See docs/api.md.
"""
from __future__ import annotations


def create_app(db: str, **kw):
    from .app import create_app as _create

    return _create(db, **kw)
