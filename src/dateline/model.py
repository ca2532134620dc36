"""The one data model shared by every stage.

Every record carries provenance: character offsets into the cleaned text of its document,
which is stored verbatim, so a quote can always be found again.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


# The lifecycle of a commitment, in the order boards show it, with the label a reader sees.
# dateline/1 values; the first five are the original ones.
COMMITMENT_STATUSES = (("pending", "Pending"), ("met", "Met"), ("met_late", "Met late"),
                       ("missed", "Missed"), ("unknown", "Unknown"), ("broken", "Broken"),
                       ("postponed", "Postponed"), ("cancelled", "Cancelled"),
                       ("disputed", "Disputed"))
COMMITMENT_KINDS = ("promise", "deadline", "agreement_term", "scheduled")


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
    role: str = "point"  # point | deadline | range_start | range_end | publication | comparison

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
    replaced: int = 0           # unsafe characters replaced at ingest (ingest.sanitize); not stored

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
    # what the user should hear about this input (a metadata date not understood); said by
    # the build, not stored
    warnings: list[str] = field(default_factory=list)
    # what the per-document budget cut (budget.py), one note a cut: the stored text is a prefix
    cut: list[str] = field(default_factory=list)


@dataclass
class Span:
    """A piece of a document's cleaned text."""
    text: str
    start: int
    end: int

    def to_json(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass
class EventMention:
    """One sentence of one document reporting that something happened (or will happen).

    Produced per document by dateline.events; linked across documents into Events by
    dateline.link. Offsets point into the document's cleaned text."""
    doc: str
    start: int                      # the quote: the sentence, text[start:end]
    end: int
    quote: str
    trigger: Span | None            # the verb or event noun
    date: str | None                # YYYY | YYYY-MM | YYYY-MM-DD, at the granularity the text supports
    date_how: str                   # "explicit": a time expression of this clause; "publication":
                                    # a present-tense news lead dated by its publication;
                                    # "linked": counted from another event's date by a
                                    # duration ("two days after the vote"), so it does not
                                    # vote for a day in timelines; "none"
    time: Span | None = None        # the time expression the date came from
    modality: str = "asserted"      # asserted | reported | planned
    attributed_to: str | None = None  # canonical name of who said so (reported speech)
    actors: list[str] = field(default_factory=list)   # canonical entity names (within the doc)
    places: list[str] = field(default_factory=list)
    repeated: bool = False          # in a paragraph repeated from other documents
    sentence_index: int = 0         # position of the sentence in the document (leads matter)
    uncertain: bool = False         # the date rests on an inferred publication date (a weekday,
                                    # a day without a year, "yesterday" in an undated article), or
                                    # a day without a year was put ahead against a past tense

    def to_json(self) -> dict:
        d = dict(self.__dict__)
        d["trigger"] = self.trigger.to_json() if self.trigger else None
        d["time"] = self.time.to_json() if self.time else None
        return d

    @classmethod
    def from_json(cls, d: dict) -> "EventMention":
        d = dict(d)
        d["trigger"] = Span(**d["trigger"]) if d.get("trigger") else None
        d["time"] = Span(**d["time"]) if d.get("time") else None
        return cls(**d)


@dataclass
class Event:
    """A real-world event, seen in one or more documents (each mention keeps its quote)."""
    id: str
    date: str                       # YYYY | YYYY-MM | YYYY-MM-DD
    summary: str
    modality: str
    actors: list[str] = field(default_factory=list)   # entity ids
    places: list[str] = field(default_factory=list)   # entity ids
    sources: list[EventMention] = field(default_factory=list)
    importance: float = 0.0
    background: bool = False        # outside the story window: history (1988 in a 2020 story), a far-off plan
    attributed_to: dict[str, str | None] = field(default_factory=dict)  # (doc:start) -> entity id
    relevance: float = 1.0          # how much it belongs to the story (timeline.rank): 1 typical
    off_topic: bool = False         # below SETTINGS.timeline.OFF_TOPIC: another story on the page
    # set by the curation overlay (dateline.curate.view), never by the build:
    starred: bool = False           # an analyst marked it as one the story needs
    hidden: bool = False            # an analyst left it out of the timeline and the exports
    edits: list[dict] = field(default_factory=list)    # the edits applied to it, oldest first
    derived: dict = field(default_factory=dict)        # what the build said of a field an edit overrode

    @property
    def uncertain(self) -> bool:
        """True when every source's date rests on an inferred publication date."""
        return bool(self.sources) and all(m.uncertain for m in self.sources)


@dataclass
class Processed:
    """One document through every per-document stage (``pipeline.process``): what the store
    writes for it in one batch (``Store.add_batch``)."""
    document: Document
    text_hash: str                  # dedupe.normalized_hash of the text: equal for exact copies
    minhash: bytes | None           # the document's MinHash signature (near duplicates)
    paragraph_minhashes: list[bytes | None]   # one per paragraph (None for short ones)
    entity_mentions: list | None    # entities.EntityMention list; None when NER was skipped
    event_mentions: list[EventMention]
