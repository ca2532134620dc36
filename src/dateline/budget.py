"""The per-document budget: what one document may hand each stage, and for how long.

The stages are written for articles. A file that is one 3 MB line, a page of 100,000
paragraphs or one word repeated for 6 MB is no article, but it must cost seconds and leave
the batch alone. So the size of what reaches a stage is capped (``SETTINGS.budget``) and
every cut is recorded on the document as a one-line note (``Document.cut``); a stage that
still runs over ``STAGE_SECONDS`` is stopped by a wall-clock alarm and the document is
skipped with an error line.

Cuts keep a prefix of the text, so every offset into the stored text stays valid and every
quote stays verbatim.
"""
from __future__ import annotations

import re
import signal
import threading
from contextlib import contextmanager

from .model import Paragraph
from .settings import SETTINGS


class OverBudget(BaseException):
    """A stage ran over SETTINGS.budget.STAGE_SECONDS on one document.

    A BaseException, like KeyboardInterrupt, so a stage's own ``except Exception`` (the time
    tagger's guard around one expression) cannot swallow it and run on."""

    def __init__(self, stage: str, seconds: float):
        super().__init__(f"skipped: the {stage} stage ran over {seconds:g} s "
                         "(budget.STAGE_SECONDS)")
        self.stage = stage


# scripts and styles carry no article text (trafilatura drops them), but JSON-LD holds the
# publication date and title, so it stays
_NOT_TEXT = re.compile(r"<script(?![^>]*application/ld\+json)[^>]*>.*?</script\s*>"
                       r"|<style[^>]*>.*?</style\s*>|<!--.*?-->", re.I | re.S)


def cut_html(html: str) -> tuple[str, str | None]:
    """html within MAX_HTML_CHARS, and a note saying what was cut (None when nothing was).
    Pages within the limit are returned as they are."""
    limit = SETTINGS.budget.MAX_HTML_CHARS
    if len(html) <= limit:
        return html, None
    size = len(html)
    html = _NOT_TEXT.sub(" ", html)
    if len(html) <= limit:
        return html, f"HTML of {size:,} characters: scripts, styles and comments removed " \
                     f"before parsing (budget.MAX_HTML_CHARS {limit:,})"
    end = html.rfind("<", 0, limit + 1)
    html = html[:end if end > 0 else limit]
    return html, (f"HTML cut at {len(html):,} of {size:,} characters before parsing "
                  f"(budget.MAX_HTML_CHARS {limit:,})")


def _boundary(text: str, limit: int) -> int:
    """The last paragraph, line or word boundary at or before limit (limit itself if none)."""
    for sep in ("\n\n", "\n", " "):
        i = text.rfind(sep, 0, limit + 1)
        if i > limit // 2:
            return i
    return limit


def cut_text(text: str, paragraphs: list[Paragraph]) -> tuple[str, list[Paragraph], list[str]]:
    """The cleaned text and its paragraphs within MAX_TEXT_CHARS and MAX_PARAGRAPHS, and the
    notes of what was cut. The text kept is a prefix, so the offsets stay valid."""
    notes = []
    b = SETTINGS.budget
    size, n = len(text), len(paragraphs)
    if n > b.MAX_PARAGRAPHS:
        paragraphs = paragraphs[:b.MAX_PARAGRAPHS]
        text = text[:paragraphs[-1].end]
        notes.append(f"text cut after {b.MAX_PARAGRAPHS:,} of {n:,} paragraphs "
                     "(budget.MAX_PARAGRAPHS)")
    if len(text) > b.MAX_TEXT_CHARS:
        end = _boundary(text, b.MAX_TEXT_CHARS)
        text = text[:end].rstrip()
        kept = [p for p in paragraphs if p.start < len(text)]
        if kept and kept[-1].end > len(text):
            kept[-1] = Paragraph(kept[-1].start, len(text), kept[-1].lang)
        paragraphs = kept
        notes.append(f"text cut at {len(text):,} of {size:,} characters "
                     f"(budget.MAX_TEXT_CHARS {b.MAX_TEXT_CHARS:,})")
    return text, paragraphs, notes


def cut_events(events: list, notes: list[str]) -> list:
    """The first MAX_EVENT_MENTIONS event mentions in text order (a prefix, like the text
    cuts), with a note in notes when any were dropped."""
    limit = SETTINGS.budget.MAX_EVENT_MENTIONS
    if len(events) <= limit:
        return events
    note = f"event mentions cut after {limit:,} of {len(events):,} (budget.MAX_EVENT_MENTIONS)"
    if note not in notes:   # a document redated by its dateline is cut again, noted once
        notes.append(note)
    return sorted(events, key=lambda m: (m.start, m.end))[:limit]


def nlp_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """text[start:end] as pieces of at most MAX_NLP_CHARS for spaCy, split at whitespace
    (at a hard limit when a piece has none), as (start, end) offsets into text."""
    limit = SETTINGS.budget.MAX_NLP_CHARS
    out = []
    while end - start > limit:
        cut = text.rfind(" ", start + limit // 2, start + limit)
        cut = cut if cut > start else start + limit
        out.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append((start, end))
    return out


@contextmanager
def clock(stage: str):
    """Raise OverBudget in the block when it runs over STAGE_SECONDS.

    A SIGALRM timer: it interrupts Python code and the regular-expression engine (which
    checks for signals), so it works in a worker process or the CLI's main thread. Off the
    main thread (an embedding application's thread) there is no alarm to set and the block
    runs unguarded; the size caps still hold."""
    seconds = SETTINGS.budget.STAGE_SECONDS
    if (not seconds or seconds <= 0 or threading.current_thread() is not threading.main_thread()
            or not hasattr(signal, "setitimer")):
        yield
        return

    def ring(signum, frame):
        raise OverBudget(stage, seconds)

    old = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
