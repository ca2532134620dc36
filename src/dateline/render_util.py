"""Helpers shared by every renderer of dateline's output: the web app (dateline.web) and the
static exports (dateline.export). Here so that an export never imports the web app."""
from __future__ import annotations

from urllib.parse import urlsplit


def safe_url(url: str | None) -> str | None:
    """Only http(s) links are ever rendered as links (no javascript:, data:, ...); shared by
    the web app and the static HTML report."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None
