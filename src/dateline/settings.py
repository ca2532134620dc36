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
    pass


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
    pass


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
    TALLY_DAYS: int = knob(
        1, "Two figures of a running tally (casualties, cases, arrests, how many countries) "
           "are the same quantity only when their articles were published at most this many "
           "days apart; further apart, the later one is an update, not a disagreement.",
        "Timeline17 (real news), number conflicts",
        "introduced with the shared-entity rule when T17 listed 698 number 'contradictions', "
        "mostly false (commit e742d90; it gives no count after); 1 day keeps same-day and "
        "next-day reports of one tally comparable")
    CONTRADICTION_DAYS: int = knob(
        3, "Two different figures are called a contradiction only when their articles were "
           "published at most this many days apart (otherwise not listed; an approximate "
           "agreement needs no such check).",
        "H1N1 + Haiti stories of Timeline17, 410 real articles",
        "117 number 'contradictions' -> 7 together with CONTRADICTION_OVERLAP, the plural-count "
        "and the tally rules (commit d10cacf)")
    CONTRADICTION_OVERLAP: float = knob(
        0.2, "A contradiction needs the two claims' contexts (content stems of the sentence and "
             "the one before) to overlap at least this much (shared / union): they must "
             "describe the same thing in much the same words.",
        "H1N1 + Haiti stories of Timeline17, 410 real articles",
        "117 number 'contradictions' -> 7 together with CONTRADICTION_DAYS (commit d10cacf)")
    MAX_POSTING: int = knob(
        400, "A context word (or entity) shared by more quantities than this proposes no "
             "candidate pairs for number conflicts: on a large corpus such words are in every "
             "sentence and would make pairing quadratic again.",
        "Timeline17, number-conflict pairing through an inverted index",
        "not measured: a speed guard set by judgement when the inverted index replaced "
        "comparing every pair (hours on T17; commit 6d09410); history gives no figure for 400")


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
