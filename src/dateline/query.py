"""Queries over a built database, shared by the CLI, the exports and the web app.

Every reader goes through ``view`` (or the functions here that use it), so an analyst's edits
(``dateline.curate``) are applied in this one place and every consumer shows the same
curated story."""
from __future__ import annotations

import re

from .model import Event
from .store import Store

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _check_date(d: str | None, what: str) -> None:
    from .timeline import date_interval

    if d is not None and not (_DATE.match(d) and date_interval(d)):
        raise ValueError(f"{what} must be a date YYYY, YYYY-MM or YYYY-MM-DD, not {d!r}")


def check_range(date_from: str | None, date_to: str | None) -> None:
    """Both dates well formed and real (no 2020-02-30), and the start not after the end. The
    messages name no option: the CLI (--from/--to) and the web app (?from=&to=) both show them."""
    from .timeline import date_interval

    _check_date(date_from, "the start date (from)")
    _check_date(date_to, "the end date (to)")
    if date_from and date_to and date_interval(date_from)[0] > date_interval(date_to)[1]:
        raise ValueError(f"the start date {date_from} is after the end date {date_to}")


def view(store: Store):
    """The derived story with the analyst's edits applied (``curate.View``): entities,
    events (hidden ones apart), commitments, conflicts and the audit log."""
    from .curate import view as curated_view

    return curated_view(store)


def entity_ids(store: Store, name: str, entities: list[dict] | None = None) -> set[str]:
    """Ids of entities whose name or an alias matches name (case-insensitive)."""
    key = name.casefold()
    out = set()
    for e in entities if entities is not None else view(store).entities:
        if e["id"] == name or key == e["name"].casefold() or key in (a.casefold() for a in e.get("aliases", [])):
            out.add(e["id"])
    return out


def timeline(store: Store, entity: str | None = None, date_from: str | None = None,
             date_to: str | None = None, top: int | None = None,
             include_background: bool = True, by: str = "date",
             include_off_topic: bool = True, starred: bool = False,
             curated=None, events: list[Event] | None = None,
             entities: list[dict] | None = None) -> list[Event]:
    """Curated events (hidden ones left out; ``starred``: only the starred) in date order,
    filtered (``include_off_topic=False``: the story only); with top, the N most important, still in date order;
    with ``by="importance"``, the most important first. ``curated``: a view already read
    (``view``) saves reading it again; ``events`` and ``entities``: the curated events and
    entities already loaded (the web app keeps them in its snapshot, read through ``view``;
    reading them again costs a request ~80 ms on a Timeline17 topic).

    An entity is looked up by name or alias among the canonical entities first (so "Kelbajar"
    finds events at Kalbajar); a name that is no entity falls back to matching the quotes."""
    from .timeline import select

    check_range(date_from, date_to)
    if events is None:
        v = curated or view(store)
        events, entities = v.events, v.entities
    if starred:
        events = [e for e in events if e.starred]
    if entity:
        ids = entity_ids(store, entity, entities)
        if ids:
            events = [e for e in events if ids & (set(e.actors) | set(e.places) |
                                                  {v for v in e.attributed_to.values() if v})]
            entity = None
    return select(events, top=top, entity=entity, date_from=date_from, date_to=date_to,
                  include_background=include_background, by=by,
                  include_off_topic=include_off_topic)


def story_title(store: Store, entities: list[dict] | None = None) -> str:
    """A title for a report or a TimelineJS export when the user gives none: the build's
    ``--topic`` words when it had them, else the most mentioned actors and places
    (``SETTINGS.output.TITLE_ENTITIES``; outlets are sources, not the story), else the
    earliest article's title; followed by the story window's months ("Azerbaijan, Armenia
    and Nagorno-Karabakh, September–November 2020"). The entities are the curated ones
    (``view``: renamed, merged and junked as the analyst said), ``entities`` if already read."""
    from .lang.en.calendar import MONTH_TITLES
    from .settings import SETTINGS

    title = store.get_meta("topic")
    if not title:
        ents = entities if entities is not None else view(store).entities
        ents = sorted(ents, key=lambda e: -e.get("mentions", 0))   # stable: then by name
        names = [e["name"] for e in ents if not e.get("is_source")]
        names = names[:SETTINGS.output.TITLE_ENTITIES]
        title = (", ".join(names[:-1]) + " and " + names[-1]) if len(names) > 1 else (
            names[0] if names else None)
    if not title:
        title = next((d.title for d in store.documents(full=False) if d.title), None)
    if not title:
        return "dateline: a sourced timeline"
    win = store.story_window()
    if win:
        a, b = (f"{MONTH_TITLES[int(d[5:7]) - 1]} {d[:4]}" for d in win)   # "September 2020"
        if a == b:
            title += f", {a}"
        elif a.split()[-1] == b.split()[-1]:          # the same year: said once
            title += f", {a.split()[0]}–{b}"
        else:
            title += f", {a}–{b}"
    return title


def digest(store: Store, dates: int = 10, per_date: int = 1, date_from: str | None = None,
           date_to: str | None = None) -> list[dict]:
    """The story in ``dates`` days: the most important days (by how many independent
    articles refer to them; see ``timeline.summarize``), each summarised by ``per_date``
    sentences, in date order. This is the timeline-summarisation method that
    ``benchmarks/tls.py`` measures on Timeline17.

    Candidates are the stored event mentions and every dated sentence of the (non-duplicate)
    documents. Each sentence keeps its document, offsets and verbatim ``quote``; ``text`` is
    the quote as shown (without a leading dateline or bracketed asides). A sentence whose
    date rests on an inferred publication date, or whose year-less day was put ahead against
    its past tense, is ``uncertain`` (``pipeline.date_is_uncertain``), and so is a day all of
    whose sentences are. The sources of events hidden by an edit are left out."""
    from .pipeline import date_is_uncertain
    from .text import summary_text
    from .timeline import date_interval, dated_sentences, summarize

    check_range(date_from, date_to)
    if dates < 1 or per_date < 1:
        raise ValueError("the number of dates and of sentences must be at least 1")
    lo = date_interval(date_from)[0] if date_from else None
    hi = date_interval(date_to)[1] if date_to else None
    docs = {d.id: d for d in store.documents(full=True)}
    published = {i: d.published for i, d in docs.items() if d.published}
    dup_of = {i: d.duplicate_of or i for i, d in docs.items()}
    # a sentence that sources only events an analyst hid (dateline.curate) is no candidate
    hidden = {f"{m.doc}:{m.start}" for e in view(store).hidden_events for m in e.sources}
    mentions = [m for i in docs for m in store.event_mentions(i)
                if m.date and f"{m.doc}:{m.start}" not in hidden]
    refs = [m for d in docs.values() if not d.duplicate_of for m in dated_sentences(d)
            if f"{m.doc}:{m.start}" not in hidden]
    out = []
    for day, ms in summarize(mentions, published, dates, per_date, lo, hi, dup_of=dup_of,
                             references=refs):
        sents = []
        for m in ms:
            doc = docs.get(m.doc)
            sents.append({"text": summary_text(m.quote, asides=False, elide=True), "quote": m.quote,
                          "doc": m.doc, "start": m.start, "end": m.end,
                          "source": doc.source if doc else None,
                          "published": doc.published if doc else None,
                          "date_how": m.date_how,
                          "uncertain": bool(doc and date_is_uncertain(doc, m))})
        if sents:
            out.append({"date": day, "uncertain": all(s["uncertain"] for s in sents),
                        "sentences": sents})
    return out
