"""The time tagger's rules, read from the language layer and compiled once.

A rule is declared once, as a dict in ``lang/<code>/time_rules.py`` (pattern, normaliser,
priority, anchors, scan room, examples); this module checks the declarations, fills the
pattern slots, compiles each pattern twice and builds the anchor index the tagger scans with.
Before, one rule lived in four tables of the tagger (patterns, handlers, anchors, pads) and
its priority was its position in the file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.lang.en import time_rules as _en
from dateline.lang.ru import time_rules as _ru

MODULES = (_en, _ru)

# kinds of digit run an anchor can be (the anchor scan classifies each run once):
# a four-digit run is year-like when it starts with 1 or 20
DIGIT_KINDS = {
    "year": "a year-like four-digit run (1xxx, 20xx)",
    "year-dash": "a year-like run followed by '-' or '–' (2020-11-10, 2019-20)",
    "year-after-sep": "a year-like run after '/' or '.' (10.11.2020)",
    "decade4": "a year-like run ending in 0 followed by s or an apostrophe (1990s)",
    "decade2": "a two-digit run ending in 0 followed by s or an apostrophe ('90s)",
    "clock": "one or two digits followed by ':', 'h', '.' or am/pm (14:30, 9.15, 5pm)",
    "quarter-digit": "one digit next to q/Q (Q3, 3Q)",
    "year2": "two digits after an apostrophe ('06)",
}
DEFAULT_PAD = (100, 80)
_KEYS = {"name", "priority", "handler", "anchors", "digits", "pad", "near", "needs_digit",
         "window_needs", "flags", "examples", "pattern"}


@dataclass(frozen=True)
class Rule:
    name: str
    priority: int
    handler: str
    pattern: str                 # slots filled
    rx: re.Pattern               # as declared (case-insensitive unless flags say otherwise)
    rx_lower: re.Pattern         # literal letters lower-cased, run on text.lower() (faster)
    anchors: tuple[str, ...]
    digits: tuple[str, ...]
    pad: tuple[int, int]
    near: tuple | None
    needs_digit: bool
    window_needs: tuple[str, ...]
    whole_text: bool             # scan the whole text instead of anchor windows
    script: str | None           # only for texts with letters of this script
    examples: tuple[tuple[str, str, str, str], ...]   # (text, reference date, span, value)
    lang: str


def lower_pattern(p: str) -> str:
    """Lower-case the literal letters of a pattern (escapes and (?P<...> left intact)."""
    out = []
    i = 0
    while i < len(p):
        c = p[i]
        if c == "\\" and i + 1 < len(p):
            out.append(p[i:i + 2])
            i += 2
            continue
        if p.startswith("(?P", i):
            out.append("(?P")
            i += 3
            continue
        out.append(c.lower())
        i += 1
    return "".join(out)


def _slots() -> dict[str, str]:
    """Each slot's alternatives from every language, in the order of MODULES."""
    alts: dict[str, list[str]] = {}
    for mod in MODULES:
        for k, v in getattr(mod, "SLOTS", {}).items():
            alts.setdefault(k, []).append(v)
    return {k: "(?:" + "|".join(f"(?:{v})" for v in vs) + ")" for k, vs in alts.items()}


def load() -> list[Rule]:
    """All rules of all languages, checked, in priority order."""
    slots = _slots()
    rules: list[Rule] = []
    for mod in MODULES:
        lang = mod.__name__.split(".")[-2]
        whole = getattr(mod, "SCAN", "anchors") == "whole"
        for d in mod.RULES:
            unknown = set(d) - _KEYS
            if unknown:
                raise ValueError(f"time rule {d.get('name')!r} ({lang}): unknown keys {sorted(unknown)}")
            pat = d["pattern"]
            for k, v in slots.items():
                pat = pat.replace(f"«{k}»", v)
            if "«" in pat:
                raise ValueError(f"time rule {d['name']!r}: unfilled slot in {pat[pat.index('«'):][:20]}")
            flags = d.get("flags", re.I)
            for kind in d.get("digits", ()):
                if kind not in DIGIT_KINDS:
                    raise ValueError(f"time rule {d['name']!r}: unknown digit kind {kind!r}")
            for x in d.get("examples", ()):
                if len(x) != 4:
                    raise ValueError(f"time rule {d['name']!r}: an example is (text, reference "
                                     f"date, span, value), not {x!r}")
            if not whole and not d.get("anchors") and not d.get("digits"):
                raise ValueError(f"time rule {d['name']!r}: no anchors, it would never run")
            rules.append(Rule(
                name=d["name"], priority=d["priority"], handler=d.get("handler", d["name"]),
                pattern=pat, rx=re.compile(pat, flags),
                rx_lower=re.compile(lower_pattern(pat), flags & ~re.I),
                anchors=tuple(d.get("anchors", ())), digits=tuple(d.get("digits", ())),
                pad=tuple(d.get("pad", DEFAULT_PAD)), near=d.get("near"),
                needs_digit=bool(d.get("needs_digit")), window_needs=tuple(d.get("window_needs", ())),
                whole_text=whole, script=getattr(mod, "SCRIPT", None),
                examples=tuple(tuple(x) for x in d.get("examples", ())), lang=lang))
    names = [r.name for r in rules]
    dup = {n for n in names if names.count(n) > 1}
    if dup:
        raise ValueError(f"time rules declared twice: {sorted(dup)}")
    prios = [r.priority for r in rules]
    dup = {p for p in prios if prios.count(p) > 1}
    if dup:
        raise ValueError(f"time rules share a priority: {sorted(dup)}")
    rules.sort(key=lambda r: r.priority)
    return rules


RULES = load()
BY_NAME = {r.name: r for r in RULES}
