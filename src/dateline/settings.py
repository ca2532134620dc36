"""Every tuned constant of every stage, in one documented settings object.

Each setting says what it does, what it was measured on and the figure that chose it, so a
maintainer can judge it without reading commit history. Stages read ``SETTINGS.<stage>.<NAME>``
at call time, so an experiment (``benchmarks/tls.py --set timeline.SPREAD=0.5``) or a test
(``monkeypatch.setattr(SETTINGS.timeline, "SPREAD", 0.5)``) changes one value for one run.
``dateline settings`` prints them all.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


def knob(default: Any, what: str, measured: str = "", figure: str = "") -> Any:
    """A setting: its default, what it does, what it was measured on, the figure that chose it."""
    return field(default=default, metadata={"what": what, "measured": measured, "figure": figure})


# --- one section per stage, in pipeline order ----------------------------------------------

@dataclass
class IngestSettings:
    BATCH: int = knob(
        128, "documents per batch: processed by the worker pool together and written to the "
        "store in one transaction (batch k+1 is processed while batch k is written)",
        "", "not measured: a round batch size, set with the first pipeline (f187ffb); large "
        "enough to amortise a transaction, small enough to keep memory and progress steady")
    DATELINE_YEAR_DAYS: int = knob(
        183, "an undated article whose dateline gives a day but no year ('LISBOA, March 11 "
        "(Atlantic Wire) -') takes the year putting that day nearest the other articles' "
        "publication dates, only when it lands within this many days of one",
        "an analyst test on unseen articles (2c71a15)",
        "not measured: half a year, so a day can only be placed in the year around the "
        "corpus, never guessed across a wider gap")
    YEAR_TENSE_WINDOW: int = knob(
        16, "characters before an event's trigger read for its tense when checking a year-less "
        "day the tagger put after publication ('May 6 : Private X was killed': 'was' is "
        "within 16 characters of 'killed')", "",
        "not measured: room for an auxiliary and an adverb before the verb (e9e73db)")


@dataclass
class CleanSettings:
    pass


@dataclass
class LanguageSettings:
    pass


@dataclass
class TimeSettings:
    pass


@dataclass
class EntitySettings:
    pass


@dataclass
class EventSettings:
    LEAD_SENTENCES: int = knob(
        2, "body sentences at the start of an article that may be dated by its publication "
        "date when undated and in the present (perfect) tense (the news lead); past them an "
        "undated sentence gives no mention", "the seed corpus (655ccca, cc8d40d)",
        "not measured: a news lead is its first one or two sentences")
    HEADLINE_MAX_TOKENS: int = knob(
        30, "a line with no sentence-ending punctuation and at most this many tokens is a "
        "headline (a title, not a sentence of the article)", "the seed corpus (655ccca)",
        "not measured: headlines are short; 30 tokens is a long sentence")
    HEADLINE_MAX_INDEX: int = knob(
        12, "a headline dated by publication must be among the first sentences of the "
        "document, before this index (later 'headlines' are captions and related links)",
        "the seed corpus (655ccca)", "not measured: room for a title, a standfirst and a few "
        "caption or byline lines")
    MIN_TOKENS: int = knob(
        3, "a sentence with fewer tokens gives no mention (dropped:no_trigger): a fragment",
        "", "not measured: a subject, a verb and something more")
    RESTATED_HEADLINE_WORDS: int = knob(
        3, "a first body sentence restating a headline dated by publication (it shares at "
        "least this many content words with it) is dated by publication too",
        "the seed corpus (655ccca)", "not measured: fewer shared words is chance")
    PAGE_STAMP_WINDOW: int = knob(
        30, "characters before a time searched for a page's update stamp ('Last updated at', "
        "'updated:'): such a time is when the page changed, not an event",
        "Timeline17 pages (bea0583: T17 and reason.py unchanged)",
        "not measured: the stamp words and their punctuation fit in 30 characters")
    SAID_X_WINDOW: int = knob(
        120, "characters at the end of a sentence searched for a trailing attribution "
        "('..., said the Defense Ministry.')", "the seed corpus (655ccca)",
        "not measured: a verb of saying and a name of up to five words")
    ATTRIBUTION_WINDOW: int = knob(
        80, "characters after 'according to', 'citing', ... read for the source's name",
        "the seed corpus (655ccca)", "not measured: a name of a few words with its title")
    COUNTRY_LIST_GAP: int = knob(
        8, "a country less than this many characters after the previous one, joined by "
        "',', 'and' or 'or' ('in Armenia and Azerbaijan'), is a place or a party as that "
        "one is", "the seed corpus (fd9be3b: events with actors 4 -> 17 of 19)",
        "not measured: room for ' and ' or ', ' between two names")


@dataclass
class DedupeSettings:
    pass


@dataclass
class LinkSettings:
    pass


@dataclass
class TimelineSettings:
    pass


@dataclass
class ReasonSettings:
    pass


@dataclass
class OutputSettings:
    pass


# --------------------------------------------------------------------------------------------

@dataclass
class Settings:
    ingest: IngestSettings = field(default_factory=IngestSettings)
    clean: CleanSettings = field(default_factory=CleanSettings)
    lang: LanguageSettings = field(default_factory=LanguageSettings)
    time: TimeSettings = field(default_factory=TimeSettings)
    entities: EntitySettings = field(default_factory=EntitySettings)
    events: EventSettings = field(default_factory=EventSettings)
    dedupe: DedupeSettings = field(default_factory=DedupeSettings)
    link: LinkSettings = field(default_factory=LinkSettings)
    timeline: TimelineSettings = field(default_factory=TimelineSettings)
    reason: ReasonSettings = field(default_factory=ReasonSettings)
    output: OutputSettings = field(default_factory=OutputSettings)

    def describe(self) -> list[dict]:
        """One row per setting: stage, name, value, what, measured, figure."""
        rows = []
        for sec in fields(self):
            obj = getattr(self, sec.name)
            for f in fields(obj):
                rows.append({"stage": sec.name, "name": f.name, "value": getattr(obj, f.name),
                             **{k: f.metadata.get(k, "") for k in ("what", "measured", "figure")}})
        return rows

    def set(self, dotted: str, value: str) -> None:
        """Set ``stage.NAME`` from a string, converted to the setting's type."""
        stage, name = dotted.split(".", 1)
        obj = getattr(self, stage)
        old = getattr(obj, name)
        if isinstance(old, bool):
            new: Any = value.lower() in ("1", "true", "yes")
        else:
            new = type(old)(value)
        setattr(obj, name, new)


SETTINGS = Settings()
