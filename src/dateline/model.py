"""The one data model shared by every stage.

Every record carries provenance: character offsets into the cleaned text of its document,
which is stored verbatim, so a quote can always be found again.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


def content_id(*parts: str | bytes, length: int = 16) -> str:
    """A stable id from content: the same input always gives the same id."""
    h = hashlib.sha256()
    for p in parts:
        h.update(p if isinstance(p, bytes) else p.encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()[:length]


@dataclass
class TimeMention:
    """A temporal expression found in a text, normalised to a TIMEX3 value."""
    text: str
    start: int
    end: int
    value: str          # TIMEX3 value: 2020-11-20, 2020-11, 1988, 2020-W47, P44D, XXXX-11-20 ...
    type: str           # DATE | TIME | DURATION | SET
    role: str = "point"  # point | deadline | range_start | range_end | publication

    def to_json(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end, "value": self.value,
                "type": self.type, "role": self.role}


@dataclass
class Dropped:
    """A piece of the input that cleaning removed, with why."""
    text: str
    reason: str


@dataclass
class Paragraph:
    start: int
    end: int
    lang: str | None = None


@dataclass
class RawDocument:
    """What ingest produces: one article as found, before cleaning."""
    path: str                   # file path, with '#line N' or '#record N' for container formats
    raw: str                    # the text or HTML as decoded
    kind: str                   # 'text' | 'html'
    url: str | None = None
    title: str | None = None
    date: str | None = None     # a date given by the container (JSONL field, WARC header)
    source: str | None = None
    ext_id: str | None = None   # the id the input gave the article, if any

    @property
    def doc_id(self) -> str:
        """A hash of the input itself, so re-ingesting the same article adds nothing."""
        return content_id(self.kind, self.raw, self.url or "", self.title or "", self.date or "",
                          self.source or "")


@dataclass
class Document:
    id: str
    path: str
    text: str
    source: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    published_how: str | None = None   # metadata | text | inferred
    languages: list[str] = field(default_factory=list)
    duplicate_of: str | None = None
    dropped: list[Dropped] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)
    ext_id: str | None = None
